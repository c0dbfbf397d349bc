//! Dates that keep their precision, and intervals whose ends may be unknown.
//!
//! The news says "in 2009", "in January", "on Saturday (June 4)". A [`PartialDate`] keeps
//! exactly that much: a year, a month or a day. It never invents the missing parts: "2016-01"
//! is the whole of January 2016, from [`PartialDate::earliest`] to [`PartialDate::latest`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year: `2009`.
    Year,
    /// Year and month: `2016-01`.
    Month,
    /// Year, month and day: `2016-06-04`.
    Day,
}

impl Precision {
    /// The lowercase name used in JSON and in output (`"year"`, `"month"`, `"day"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A calendar date known to year, month or day precision.
///
/// Written as ISO 8601 reduced precision: `2009`, `2016-01`, `2016-06-04`. Ordering is by
/// earliest day, then by precision (coarser first), so sorting a timeline keeps "2016-06"
/// before "2016-06-01" and never shows a month as its first day.
///
/// ```
/// use diplograph::time::{PartialDate, Precision};
/// let january: PartialDate = "2016-01".parse()?;
/// assert_eq!(january.precision(), Precision::Month);
/// assert_eq!(january.to_string(), "2016-01");
/// assert_eq!(january.latest().to_string(), "2016-01-31");
/// assert_eq!((january.year(), january.month(), january.day()), (2016, Some(1), None));
/// assert_eq!(PartialDate::from_year_month(2016, 1)?, january);
/// let day = PartialDate::from_ymd(2016, 6, 4)?;
/// assert_eq!((day.year(), day.month(), day.day()), (2016, Some(6), Some(4)));
/// assert_eq!(PartialDate::from_year(2009)?.to_string(), "2009");
/// assert!("2016-02-30".parse::<PartialDate>().is_err());
/// assert!(PartialDate::from_ymd(2016, 2, 30).is_err());
/// # Ok::<(), diplograph::time::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a date: the text and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: {reason} (write YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    /// The text that failed to parse.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl PartialDate {
    /// A year-precision date.
    pub fn from_year(year: i32) -> Result<Self, DateError> {
        Self::new(year, None, None)
    }

    /// A month-precision date; fails if `month` is not 1..=12.
    pub fn from_year_month(year: i32, month: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), None)
    }

    /// A day-precision date; fails if the day does not exist (e.g. 2016-02-30).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), Some(day))
    }

    fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Self, DateError> {
        let err = |reason| DateError {
            text: format_parts(year, month, day),
            reason,
        };
        if !(1..=9999).contains(&year) {
            return Err(err("the year must be between 1 and 9999"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(err("the month must be between 01 and 12"));
            }
            if let Some(d) = day {
                if NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d)).is_none() {
                    return Err(err("that day does not exist in that month"));
                }
            }
        } else if day.is_some() {
            return Err(err("a day needs a month"));
        }
        Ok(PartialDate { year, month, day })
    }

    /// The date from a `chrono` day.
    pub fn from_naive(date: NaiveDate) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The first day this date may mean.
    pub fn earliest(&self) -> NaiveDate {
        let m = u32::from(self.month.unwrap_or(1));
        let d = u32::from(self.day.unwrap_or(1));
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date may mean.
    pub fn latest(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, u32::from(m), u32::from(d))
                .unwrap_or(NaiveDate::MAX),
            (Some(m), None) => {
                let (y, next) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, u32::from(m) + 1)
                };
                NaiveDate::from_ymd_opt(y, next, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The first day this date may mean, as a `(year, month, day)` key: ordered like the
    /// days themselves, and far cheaper to make than a calendar date (queries compare many).
    pub(crate) fn first_day(&self) -> DayKey {
        DayKey(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date may mean, as a `(year, month, day)` key.
    pub(crate) fn last_day(&self) -> DayKey {
        match (self.month, self.day) {
            (Some(m), Some(d)) => DayKey(self.year, m, d),
            (Some(m), None) => DayKey(self.year, m, days_in_month(self.year, m)),
            _ => DayKey(self.year, 12, 31),
        }
    }

    /// Whether the whole of `self` lies on or after the whole of `other` ("certainly not earlier").
    pub fn certainly_not_before(&self, other: &PartialDate) -> bool {
        self.first_day() >= other.last_day()
    }
}

/// A day as `(year, month, day)`, ordered as days are (see [`PartialDate::first_day`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct DayKey(i32, u8, u8);

impl DayKey {
    /// The day as one integer that orders as days do (not a count of days: months are given
    /// 32 slots, years 512, so `ordinal + 1` is a bound just past the day, not the next day).
    pub(crate) fn ordinal(self) -> i64 {
        i64::from(self.0) * 512 + i64::from(self.1) * 32 + i64::from(self.2)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn format_parts(year: i32, month: Option<u8>, day: Option<u8>) -> String {
    let mut s = String::with_capacity(10);
    // Writing into a String cannot fail.
    let _ = write_parts(&mut s, year, month, day);
    s
}

/// Writes a date's parts straight to `w` (`2016`, `2016-06`, `2016-06-04`, `2016-??-04`),
/// with no text built in between.
fn write_parts(
    w: &mut impl fmt::Write,
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
) -> fmt::Result {
    match (month, day) {
        (Some(m), Some(d)) => write!(w, "{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => write!(w, "{year:04}-{m:02}"),
        (None, Some(d)) => write!(w, "{year:04}-??-{d:02}"),
        (None, None) => write!(w, "{year:04}"),
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_parts(f, self.year, self.month, self.day)
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let err = |reason| DateError {
            text: text.to_owned(),
            reason,
        };
        let mut parts = text.split('-');
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let year = parts.next().unwrap_or("");
        if !digits(year, 4) {
            return Err(err("the year must be four digits"));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| err("the year must be four digits"))?;
        let month = match parts.next() {
            None => None,
            Some(m) if digits(m, 2) => Some(m.parse::<u8>().map_err(|_| err("bad month"))?),
            Some(_) => return Err(err("the month must be two digits")),
        };
        let day = match parts.next() {
            None => None,
            Some(d) if digits(d, 2) => Some(d.parse::<u8>().map_err(|_| err("bad day"))?),
            Some(_) => return Err(err("the day must be two digits")),
        };
        if parts.next().is_some() {
            return Err(err("too many parts"));
        }
        PartialDate::new(year, month, day).map_err(|e| DateError {
            text: text.to_owned(),
            reason: e.reason,
        })
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialDate {
    /// The name a date serializes under: serde's newtype `PartialDate` around its text, so
    /// JSON and other self-describing formats see the text (`"2016-06"`), and a serializer
    /// that wants to know which values are dates (the Python bindings') can tell.
    pub const SERDE_NAME: &'static str = "PartialDate";
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(Self::SERDE_NAME, &self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// How a date stands to an interval, honestly: a month can be only partly inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Containment {
    /// Every day the date may mean lies inside.
    Inside,
    /// Some days it may mean lie inside, some outside: the record cannot say.
    Partly,
    /// No day it may mean lies inside.
    Outside,
}

impl Containment {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Containment::Inside => "inside",
            Containment::Partly => "partly",
            Containment::Outside => "outside",
        }
    }
}

/// A span of time whose start or end (or both) may be unknown.
///
/// An unknown start means "since some time we do not know"; an unknown end means "until some
/// time we do not know". As-of questions treat both as open and report that they did.
///
/// ```
/// use diplograph::time::{Containment, Interval, PartialDate};
/// let q1 = Interval::new(Some("2016-01-01".parse()?), Some("2016-03-31".parse()?));
/// assert_eq!(q1.contains(&"2016-01".parse()?), Containment::Inside);
/// let mid = Interval::new(Some("2016-01-15".parse()?), Some("2016-02-15".parse()?));
/// assert_eq!(mid.contains(&"2016-01".parse()?), Containment::Partly);
/// # Ok::<(), diplograph::time::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Interval {
    /// The first date of the interval; `None` when unknown.
    pub start: Option<PartialDate>,
    /// The last date of the interval (inclusive); `None` when unknown or still open.
    pub end: Option<PartialDate>,
}

impl Interval {
    /// An interval from optional ends.
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Self {
        Interval { start, end }
    }

    /// Whether neither end is known (the fact holds at some unknown time).
    pub fn is_unbounded(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// Whether the end is known to lie before the start (an invalid interval).
    pub fn is_reversed(&self) -> bool {
        match (self.start, self.end) {
            (Some(s), Some(e)) => e.last_day() < s.first_day(),
            _ => false,
        }
    }

    /// How `date` stands to this interval, treating unknown ends as open.
    ///
    /// Cost: O(1).
    pub fn contains(&self, date: &PartialDate) -> Containment {
        let (lo, hi) = (date.first_day(), date.last_day());
        // Days of `date` at or after the start, and at or before the end.
        let after_start_all = self.start.is_none_or(|s| lo >= s.first_day());
        let after_start_any = self.start.is_none_or(|s| hi >= s.first_day());
        let before_end_all = self.end.is_none_or(|e| hi <= e.last_day());
        let before_end_any = self.end.is_none_or(|e| lo <= e.last_day());
        if !after_start_any || !before_end_any {
            Containment::Outside
        } else if after_start_all && before_end_all {
            // Interval ends of coarse precision are themselves uncertain: a start of "2016-06"
            // may be the 30th, so a day inside June is only partly known to be covered.
            let start_fuzzy = self.start.is_some_and(|s| lo < s.last_day());
            let end_fuzzy = self.end.is_some_and(|e| hi > e.first_day());
            if start_fuzzy || end_fuzzy {
                Containment::Partly
            } else {
                Containment::Inside
            }
        } else {
            Containment::Partly
        }
    }

    /// Whether this interval and the window `[from, to]` share at least one possible day.
    ///
    /// Cost: O(1).
    pub fn overlaps(&self, from: Option<&PartialDate>, to: Option<&PartialDate>) -> bool {
        let starts_before_window_end = match (self.start, to) {
            (Some(s), Some(t)) => s.first_day() <= t.last_day(),
            _ => true,
        };
        let ends_after_window_start = match (self.end, from) {
            (Some(e), Some(f)) => e.last_day() >= f.first_day(),
            _ => true,
        };
        starts_before_window_end && ends_after_window_start
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |f: &mut fmt::Formatter<'_>, d: Option<PartialDate>| match d {
            Some(d) => write_parts(f, d.year, d.month, d.day),
            None => f.write_str("?"),
        };
        show(f, self.start)?;
        f.write_str(" .. ")?;
        show(f, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2009").precision(), Precision::Year);
        assert_eq!(d("2016-01").precision(), Precision::Month);
        assert_eq!(d("2016-06-04").precision(), Precision::Day);
        assert_eq!(d("2016-02").latest().to_string(), "2016-02-29");
        assert_eq!(d("2015-12").latest().to_string(), "2015-12-31");
        assert_eq!(d("2009").earliest().to_string(), "2009-01-01");
    }

    #[test]
    fn day_keys_agree_with_the_calendar() {
        for text in [
            "1900-02",
            "2000-02",
            "2015-02",
            "2016-02",
            "2016",
            "2016-06-04",
        ] {
            let date = d(text);
            let key = |n: NaiveDate| DayKey(n.year(), n.month() as u8, n.day() as u8);
            assert_eq!(date.first_day(), key(date.earliest()), "{text}");
            assert_eq!(date.last_day(), key(date.latest()), "{text}");
        }
        for m in 1..=12 {
            let date =
                PartialDate::from_year_month(2016, m).unwrap_or_else(|e| unreachable!("{e}"));
            let last = date.latest();
            assert_eq!(date.last_day(), DayKey(2016, m, last.day() as u8));
        }
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2016-13",
            "2016-02-30",
            "16-01-01",
            "2016-1",
            "2016-01-01-01",
            "",
            "x",
            "2016-00",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} should fail");
        }
        let e = "2016-02-30".parse::<PartialDate>().err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("`2016-02-30` is not a date: that day does not exist in that month (write YYYY, YYYY-MM or YYYY-MM-DD)".into())
        );
    }

    #[test]
    fn month_against_window_edges() {
        let q1 = Interval::new(Some(d("2016-01-01")), Some(d("2016-03-31")));
        assert_eq!(q1.contains(&d("2016-01")), Containment::Inside);
        assert_eq!(q1.contains(&d("2016-04")), Containment::Outside);
        assert_eq!(q1.contains(&d("2016")), Containment::Partly);
        let mid = Interval::new(Some(d("2016-01-15")), Some(d("2016-02-15")));
        assert_eq!(mid.contains(&d("2016-01")), Containment::Partly);
        let open = Interval::new(None, Some(d("2016-06-04")));
        assert_eq!(open.contains(&d("1990-01-01")), Containment::Inside);
        assert_eq!(open.contains(&d("2016-06-05")), Containment::Outside);
        let coarse = Interval::new(Some(d("2016-06")), None);
        assert_eq!(coarse.contains(&d("2016-06-10")), Containment::Partly);
        assert_eq!(coarse.contains(&d("2016-07-01")), Containment::Inside);
    }

    #[test]
    fn orders_coarse_before_fine_on_same_first_day() {
        let mut v = [d("2016-06-01"), d("2016-06"), d("2016"), d("2015-12-31")];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2015-12-31", "2016", "2016-06", "2016-06-01"]);
    }
}
