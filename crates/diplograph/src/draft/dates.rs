//! Dates in a report, resolved against the report's date at the precision the words give.
//!
//! | Words | With a report dated 2016-06-04 (a Saturday) |
//! |---|---|
//! | "June 4, 2016", "4 June 2016" | `2016-06-04` |
//! | "June 4", "4 June" | `2016-06-04` (the year that puts it nearest the report) |
//! | "June 2016" | `2016-06` |
//! | "in 2009" | `2009` |
//! | "in January" | `2016-01` (the latest January not after the report) |
//! | "on Saturday" | `2016-06-04` (the latest Saturday on or before the report) |
//! | "on Thursday (June 2)" | `2016-06-02` (the written date wins) |
//! | "next Tuesday" | `2016-06-07` |
//! | "yesterday", "today", "tomorrow" | `2016-06-03`, `2016-06-04`, `2016-06-05` |
//! | "last month", "this month", "next month" | `2016-05`, `2016-06`, `2016-07` |
//! | "last year", "this year", "next year" | `2015`, `2016`, `2017` |
//! | "earlier this year" | `2016-01-01/2016-06-04` (one day between) |
//! | "earlier this month" | `2016-06-01/2016-06-04` |
//! | "early 2016", "mid-2016", "late 2016" | `2016-01/2016-04`, `2016-05/2016-08`, `2016-09/2016-12` |
//! | "since 2009" | from `2009`, no end ([`When::During`], shown `2009 .. ?`) |
//! | "until 2019" | to `2019`, no start |
//! | "from 2014 to 2016" | from `2014` to `2016` |
//!
//! Without a report date, only dates whose words give the year are found.
//!
//! ```
//! use chrono::NaiveDate;
//! use diplograph::draft::dates::{find_dates, When};
//! let text = "The ministers met on Saturday (June 4) and will meet again next year.";
//! let found = find_dates(text, NaiveDate::from_ymd_opt(2016, 6, 4));
//! let shown: Vec<(&str, String)> = found
//!     .iter()
//!     .map(|d| (&text[d.span.start..d.span.end], d.when.to_string()))
//!     .collect();
//! assert_eq!(
//!     shown,
//!     [("Saturday (June 4)", "2016-06-04".to_owned()), ("next year", "2017".to_owned())]
//! );
//! ```

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::provenance::Span;
use crate::time::{Interval, PartialDate};

/// A date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The words of the date ("Saturday (June 4)", "since 2009", "last month").
    pub span: Span,
    /// When the words say.
    pub when: When,
    /// How the words give it: whole, completed from the report's date, or relative to it.
    pub form: DateForm,
}

impl DateMention {
    /// The date, when the words give one date (not a span of time).
    pub fn date(&self) -> Option<PartialDate> {
        match self.when {
            When::On(d) => Some(d),
            When::During(_) => None,
        }
    }
}

/// When a date mention says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On a date, at the precision the words give; "earlier this year" is one day between
    /// two bounds (`2016-01-01/2016-06-04`).
    On(PartialDate),
    /// Over a span of time: "since 2009" (no end), "until 2019" (no start), "from 2014 to
    /// 2016".
    During(Interval),
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::On(d) => d.fmt(f),
            When::During(i) => i.fmt(f),
        }
    }
}

/// How a date's words give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// Every part is written ("June 4, 2016", "2009").
    Explicit,
    /// The year is taken from the report's date ("June 4", "in January").
    Completed,
    /// Relative to the report's date ("yesterday", "on Saturday", "last month").
    Relative,
}

/// Every date in `text`, in order, resolved against `report_date` where the words need it.
pub fn find_dates(text: &str, report_date: Option<NaiveDate>) -> Vec<DateMention> {
    let tokens = tokenize(text);
    let scanner = Scanner {
        text,
        tokens: &tokens,
        report: report_date,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scanner.at(i) {
            Some((next, mention)) => {
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

/// Words (runs of letters and digits) and single punctuation marks, with their byte offsets.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            out.push(Token {
                start: s,
                end: i,
                text: &text[s..i],
            });
        }
        if !c.is_whitespace() {
            let end = i + c.len_utf8();
            out.push(Token {
                start: i,
                end,
                text: &text[i..end],
            });
        }
    }
    if let Some(s) = word_start {
        out.push(Token {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

const MONTHS: [(&str, u32); 21] = [
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
];

fn month(word: &str) -> Option<u32> {
    if word == "Dec" {
        return Some(12);
    }
    if word == "Jun" {
        return Some(6);
    }
    if word == "Jul" {
        return Some(7);
    }
    MONTHS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A day of the month: "4", "4th", "21st".
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1800..=2199).contains(y))
}

/// Words before a bare year that make it a year ("in 2009"), not a count or a number.
const YEAR_CUES: &[&str] = &[
    "in", "In", "since", "Since", "from", "From", "until", "till", "by", "By", "of", "before",
    "after", "to", "and", "during", "During", "between", "around", "about", "early", "late", "mid",
    "year", "spring", "summer", "autumn", "fall", "winter", "end", "start", "through",
];

/// Words before a bare month that make it a date: "May" needs one of them.
const MONTH_CUES: &[&str] = &[
    "in", "In", "since", "Since", "until", "till", "by", "By", "early", "late", "mid", "last",
    "Last", "this", "next", "from", "From", "of", "before", "after", "during", "end",
];

struct Scanner<'t> {
    text: &'t str,
    tokens: &'t [Token<'t>],
    report: Option<NaiveDate>,
}

impl<'t> Scanner<'t> {
    fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text)
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span {
            start: self.tokens.get(first).map_or(0, |t| t.start),
            end: self.tokens.get(last).map_or(self.text.len(), |t| t.end),
        }
    }

    /// Whether token `j` directly follows token `i` with only spaces between.
    fn joined(&self, i: usize, j: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(j)) {
            (Some(a), Some(b)) => self.text[a.end..b.start].chars().all(|c| c == ' '),
            _ => false,
        }
    }

    /// The mention starting at token `i`, and the token after it.
    fn at(&self, i: usize) -> Option<(usize, DateMention)> {
        let w = self.word(i);
        if !may_begin_a_date(w) {
            return None;
        }
        match w {
            "since" | "Since" => {
                let (next, inner) = self.plain_at(i + 1)?;
                let when = When::During(Interval::new(Some(inner.date()?), None));
                return Some((next, self.mention(i, next, when, inner.form)));
            }
            "until" | "Until" | "till" => {
                let (next, inner) = self.plain_at(i + 1)?;
                let when = When::During(Interval::new(None, Some(inner.date()?)));
                return Some((next, self.mention(i, next, when, inner.form)));
            }
            "from" | "From" => {
                if let Some((next, first)) = self.plain_at(i + 1) {
                    if matches!(self.word(next), "to" | "until" | "through") {
                        if let Some((after, second)) = self.plain_at(next + 1) {
                            let when = When::During(Interval::new(first.date(), second.date()));
                            let form = if first.form == DateForm::Explicit {
                                second.form
                            } else {
                                first.form
                            };
                            return Some((after, self.mention(i + 1, after, when, form)));
                        }
                    }
                }
            }
            _ => {}
        }
        self.plain_at(i)
    }

    fn mention(&self, first: usize, next: usize, when: When, form: DateForm) -> DateMention {
        DateMention {
            span: self.span(first, next - 1),
            when,
            form,
        }
    }

    /// A single date starting at token `i` (no "since", "until" or "from").
    fn plain_at(&self, i: usize) -> Option<(usize, DateMention)> {
        let w = self.word(i);
        let before = i.checked_sub(1).map_or("", |p| self.word(p));
        if let Some(day) = weekday(w) {
            // "Saturday (June 4)": the written date wins.
            if self.word(i + 1) == "(" {
                if let Some((next, inner)) = self.day_month_at(i + 2) {
                    if self.word(next) == ")" {
                        return Some((next + 1, self.mention(i, next + 1, inner.when, inner.form)));
                    }
                }
            }
            // "Saturday, June 4": the same.
            if self.word(i + 1) == "," {
                if let Some((next, inner)) = self.day_month_at(i + 2) {
                    return Some((next, self.mention(i, next, inner.when, inner.form)));
                }
            }
            let report = self.report?;
            let (first, date) = if matches!(before, "next" | "Next") {
                (i - 1, following(report, day))
            } else if matches!(before, "last" | "Last") {
                (i - 1, preceding(report - Days::new(1), day))
            } else {
                (i, preceding(report, day))
            };
            let when = When::On(PartialDate::from_naive(date));
            return Some((i + 1, self.mention(first, i + 1, when, DateForm::Relative)));
        }
        if let Some(found) = self.day_month_at(i) {
            return Some(found);
        }
        if let Some(found) = self.relative_at(i) {
            return Some(found);
        }
        if let Some(found) = self.part_of_year_at(i) {
            return Some(found);
        }
        if let Some(m) = month(w) {
            if w == "May" && !MONTH_CUES.contains(&before) {
                return None;
            }
            if let Some(y) = year_number(self.word(i + 1)).filter(|_| self.joined(i, i + 1)) {
                let date = PartialDate::from_year_month(y, m as u8).ok()?;
                return Some((
                    i + 2,
                    self.mention(i, i + 2, When::On(date), DateForm::Explicit),
                ));
            }
            let report = self.report?;
            let year = if m <= report.month() {
                report.year()
            } else {
                report.year() - 1
            };
            let (year, first) = match before {
                "next" => (report.year() + i32::from(m <= report.month()), i - 1),
                "last" | "Last" => (report.year() - i32::from(m >= report.month()), i - 1),
                "this" => (report.year(), i - 1),
                _ => (year, i),
            };
            let date = PartialDate::from_year_month(year, m as u8).ok()?;
            return Some((
                i + 1,
                self.mention(first, i + 1, When::On(date), DateForm::Completed),
            ));
        }
        if let Some(y) = year_number(w) {
            let after = self.word(i + 1);
            let cue = YEAR_CUES.contains(&before)
                || matches!(after, "." | "," | ";" | ":" | ")" | "-" | "\u{2013}")
                || after.is_empty();
            let two_before = i.checked_sub(2).map_or("", |p| self.word(p));
            let number_before = matches!(
                before,
                "Resolution" | "resolution" | "No" | "number" | "Number" | "Article" | "$"
            ) || (before == "." && two_before == "No");
            if cue && !number_before {
                let date = PartialDate::from_year(y).ok()?;
                return Some((
                    i + 1,
                    self.mention(i, i + 1, When::On(date), DateForm::Explicit),
                ));
            }
        }
        None
    }

    /// "June 4, 2016", "June 4", "4 June 2016", "4 June".
    fn day_month_at(&self, i: usize) -> Option<(usize, DateMention)> {
        let w = self.word(i);
        let (m, d, next) = if let Some(m) = month(w) {
            let mut j = i + 1;
            if self.word(j) == "." {
                j += 1;
            }
            let d = day_number(self.word(j))?;
            (m, d, j + 1)
        } else {
            let d = day_number(w)?;
            let m = month(self.word(i + 1))?;
            let mut j = i + 2;
            if self.word(j) == "." && self.word(i + 1).len() <= 4 {
                j += 1;
            }
            (m, d, j)
        };
        // An optional year: "June 4, 2016" or "4 June 2016".
        let (year_at, comma) = if self.word(next) == "," {
            (next + 1, true)
        } else {
            (next, false)
        };
        if let Some(y) = year_number(self.word(year_at)) {
            if comma || self.joined(next - 1, year_at) {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                let when = When::On(PartialDate::from_naive(date));
                return Some((
                    year_at + 1,
                    self.mention(i, year_at + 1, when, DateForm::Explicit),
                ));
            }
        }
        let report = self.report?;
        let date = nearest_year(report, m, d)?;
        let when = When::On(PartialDate::from_naive(date));
        Some((next, self.mention(i, next, when, DateForm::Completed)))
    }

    /// "yesterday", "last month", "earlier this year", "next week" …
    fn relative_at(&self, i: usize) -> Option<(usize, DateMention)> {
        let report = self.report?;
        let w = self.word(i);
        let one = |d: NaiveDate| When::On(PartialDate::from_naive(d));
        let single = match w {
            "yesterday" | "Yesterday" => Some(one(report - Days::new(1))),
            "today" | "Today" => Some(one(report)),
            "tomorrow" | "Tomorrow" => Some(one(report + Days::new(1))),
            _ => None,
        };
        if let Some(when) = single {
            return Some((i + 1, self.mention(i, i + 1, when, DateForm::Relative)));
        }
        let (shift, first, unit_at) = match w {
            "last" | "Last" => (-1, i, i + 1),
            "this" | "This" => (0, i, i + 1),
            "next" | "Next" => (1, i, i + 1),
            "earlier" | "Earlier" | "later" | "Later" if self.word(i + 1) == "this" => {
                let earlier = w.eq_ignore_ascii_case("earlier");
                let start = match self.word(i + 2) {
                    "year" => NaiveDate::from_ymd_opt(report.year(), 1, 1)?,
                    "month" => report.with_day(1)?,
                    "week" => {
                        report - Days::new(u64::from(report.weekday().num_days_from_monday()))
                    }
                    _ => return None,
                };
                let end = match self.word(i + 2) {
                    "year" => NaiveDate::from_ymd_opt(report.year(), 12, 31)?,
                    "month" => (report.with_day(1)? + Months::new(1)) - Days::new(1),
                    _ => start + Days::new(6),
                };
                let (from, to) = if earlier {
                    (start, report)
                } else {
                    (report, end)
                };
                let date = between(from, to)?;
                return Some((
                    i + 3,
                    self.mention(i, i + 3, When::On(date), DateForm::Relative),
                ));
            }
            _ => return None,
        };
        let date = match self.word(unit_at) {
            "year" => PartialDate::from_year(report.year() + shift).ok()?,
            "month" => {
                let first_day = report.with_day(1)?;
                let d = match shift {
                    -1 => first_day - Months::new(1),
                    1 => first_day + Months::new(1),
                    _ => first_day,
                };
                PartialDate::from_year_month(d.year(), d.month() as u8).ok()?
            }
            "week" => {
                let monday = report - Days::new(u64::from(report.weekday().num_days_from_monday()));
                let monday = match shift {
                    -1 => monday - Days::new(7),
                    1 => monday + Days::new(7),
                    _ => monday,
                };
                between(monday, monday + Days::new(6))?
            }
            _ => return None,
        };
        Some((
            unit_at + 1,
            self.mention(first, unit_at + 1, When::On(date), DateForm::Relative),
        ))
    }

    /// "early 2016", "mid-2016", "late 2016".
    fn part_of_year_at(&self, i: usize) -> Option<(usize, DateMention)> {
        let (first_month, last_month) = match self.word(i) {
            "early" | "Early" => (1, 4),
            "mid" | "Mid" => (5, 8),
            "late" | "Late" => (9, 12),
            _ => return None,
        };
        let year_at = if self.word(i + 1) == "-" {
            i + 2
        } else {
            i + 1
        };
        let y = year_number(self.word(year_at))?;
        let from = NaiveDate::from_ymd_opt(y, first_month, 1)?;
        let to = (NaiveDate::from_ymd_opt(y, last_month, 1)? + Months::new(1)) - Days::new(1);
        let text = format!("{y}-{first_month:02}/{y}-{last_month:02}");
        let date: PartialDate = text.parse().ok().or_else(|| between(from, to))?;
        Some((
            year_at + 1,
            self.mention(i, year_at + 1, When::On(date), DateForm::Explicit),
        ))
    }
}

/// Whether a date may begin at this word: a capitalised word (a month, a weekday, "Since"), a
/// number, or one of the lower-case words that begin relative dates. Most words are none of
/// these, and are passed over without looking further.
fn may_begin_a_date(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() || b.is_ascii_digit() => true,
        Some(b's' | b'u' | b't' | b'f' | b'y' | b'l' | b'n' | b'e' | b'm') => matches!(
            word,
            "since"
                | "until"
                | "till"
                | "from"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "last"
                | "this"
                | "next"
                | "earlier"
                | "later"
                | "early"
                | "late"
                | "mid"
        ),
        _ => false,
    }
}

/// One day between two days (EDTF `from/to`).
fn between(from: NaiveDate, to: NaiveDate) -> Option<PartialDate> {
    if from == to {
        return Some(PartialDate::from_naive(from));
    }
    format!("{from}/{to}").parse().ok()
}

/// The latest `day` of the week on or before `date`.
fn preceding(date: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    date - Days::new(u64::from(back))
}

/// The first `day` of the week after `date`.
fn following(date: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
}

/// The day `month`/`day` in the year that puts it nearest `report`.
fn nearest_year(report: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [report.year() - 1, report.year(), report.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - report).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: Option<NaiveDate> = NaiveDate::from_ymd_opt(2016, 6, 4);

    fn found(text: &str) -> Vec<(&str, String)> {
        find_dates(text, REPORT)
            .iter()
            .map(|d| (&text[d.span.start..d.span.end], d.when.to_string()))
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let all = found(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.first()
            .map(|(a, b)| ((*a).to_owned(), b.clone()))
            .unwrap_or_default()
    }

    fn is(words: &str, date: &str) -> (String, String) {
        (words.to_owned(), date.to_owned())
    }

    #[test]
    fn month_day_year() {
        assert_eq!(
            one("It was signed on June 4, 2016."),
            is("June 4, 2016", "2016-06-04")
        );
    }

    #[test]
    fn day_month_year() {
        assert_eq!(
            one("It was signed on 4 June 2016 here."),
            is("4 June 2016", "2016-06-04")
        );
    }

    #[test]
    fn day_month_without_year_takes_the_nearest_year() {
        assert_eq!(one("They met on June 2."), is("June 2", "2016-06-02"));
        assert_eq!(
            one("They will meet on 3 December."),
            is("3 December", "2016-12-03")
        );
        assert_eq!(one("They met on 3 January."), is("3 January", "2016-01-03"));
    }

    #[test]
    fn bare_year_needs_a_cue() {
        assert_eq!(one("It began in 2009 with talks."), is("2009", "2009"));
        assert_eq!(found("Resolution 2094 passed."), []);
        assert_eq!(found("Under order No. 2015, and No 2016."), []);
    }

    #[test]
    fn weekday_is_latest_on_or_before_report() {
        assert_eq!(
            one("Carter spoke on Saturday."),
            is("Saturday", "2016-06-04")
        );
        assert_eq!(one("Han spoke on Thursday."), is("Thursday", "2016-06-02"));
    }

    #[test]
    fn weekday_with_written_date() {
        assert_eq!(
            one("Han spoke on Friday (June 3)."),
            is("Friday (June 3)", "2016-06-03")
        );
    }

    #[test]
    fn next_weekday() {
        assert_eq!(
            one("They meet next Tuesday."),
            is("next Tuesday", "2016-06-07")
        );
    }

    #[test]
    fn last_weekday_is_before_the_report_day() {
        assert_eq!(
            one("They met last Friday."),
            is("last Friday", "2016-06-03")
        );
        assert_eq!(
            one("They met last Saturday."),
            is("last Saturday", "2016-05-28")
        );
    }

    #[test]
    fn weekday_comma_date() {
        assert_eq!(
            one("On Thursday, June 2, they met."),
            is("Thursday, June 2", "2016-06-02")
        );
    }

    #[test]
    fn last_week_is_monday_to_sunday() {
        assert_eq!(
            one("They met last week."),
            is("last week", "2016-05-23/2016-05-29")
        );
    }

    #[test]
    fn later_this_month() {
        assert_eq!(
            one("They meet later this month."),
            is("later this month", "2016-06-04/2016-06-30")
        );
    }

    #[test]
    fn today_and_tomorrow() {
        assert_eq!(
            found("today and tomorrow"),
            [
                ("today", "2016-06-04".to_owned()),
                ("tomorrow", "2016-06-05".to_owned())
            ]
        );
    }

    #[test]
    fn yesterday() {
        assert_eq!(one("He said yesterday that"), is("yesterday", "2016-06-03"));
    }

    #[test]
    fn last_month() {
        assert_eq!(
            one("It tested a missile last month."),
            is("last month", "2016-05")
        );
    }

    #[test]
    fn bare_month_is_the_latest_not_after_report() {
        assert_eq!(
            one("It tested a bomb in January."),
            is("January", "2016-01")
        );
        assert_eq!(
            one("Talks broke down in September."),
            is("September", "2015-09")
        );
    }

    #[test]
    fn may_needs_a_cue() {
        assert_eq!(found("Seoul May agree."), []);
        assert_eq!(one("It happened in May."), is("May", "2016-05"));
    }

    #[test]
    fn next_year() {
        assert_eq!(one("They will sign next year."), is("next year", "2017"));
    }

    #[test]
    fn since_year_is_an_open_interval() {
        assert_eq!(
            one("Talks stalled since 2009."),
            is("since 2009", "2009 .. ?")
        );
    }

    #[test]
    fn earlier_this_year_is_one_day_between() {
        assert_eq!(
            one("It tested a bomb earlier this year."),
            is("earlier this year", "2016-01-01/2016-06-04")
        );
    }

    #[test]
    fn early_year() {
        assert_eq!(
            one("It may happen in early 2017."),
            is("early 2017", "2017-01/2017-04")
        );
    }

    #[test]
    fn from_to() {
        assert_eq!(
            one("It ran from 2014 to 2016."),
            is("2014 to 2016", "2014 .. 2016")
        );
    }

    #[test]
    fn month_year() {
        assert_eq!(
            one("It was signed in November 2016."),
            is("November 2016", "2016-11")
        );
    }

    #[test]
    fn without_report_date_only_whole_dates() {
        let text = "On Saturday, June 4, 2016, and yesterday.";
        let found: Vec<String> = find_dates(text, None)
            .iter()
            .map(|d| d.when.to_string())
            .collect();
        assert_eq!(found, ["2016-06-04"]);
    }
}
