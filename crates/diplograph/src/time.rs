//! Dates as sources give them, and intervals whose ends may be unknown.
//!
//! The news says "in 2009", "in January", "on Saturday (June 4)", "around 2007", "in the
//! autumn", "before 30 June", or gives a signing two dates because two time zones saw it. A
//! [`PartialDate`] keeps exactly that much, written in EDTF (the Extended Date/Time Format of
//! ISO 8601-2, level 1, as profiled by the Library of Congress):
//!
//! | Written | Meaning | Earliest | Latest |
//! |---|---|---|---|
//! | `2009` | some day in 2009 | 2009-01-01 | 2009-12-31 |
//! | `2016-01` | some day in January 2016 | 2016-01-01 | 2016-01-31 |
//! | `2016-06-04` | that day | 2016-06-04 | 2016-06-04 |
//! | `2016-06-04?` | that day, the source is unsure | 2016-06-03 | 2016-06-05 |
//! | `2007~` | about 2007 | 2006-01-01 | 2008-12-31 |
//! | `2007%` | about 2007, and unsure | 2005-01-01 | 2009-12-31 |
//! | `201X` | some year of the 2010s | 2010-01-01 | 2019-12-31 |
//! | `2016-XX` | some month of 2016 | 2016-01-01 | 2016-12-31 |
//! | `2016-23` | autumn 2016 | 2016-09-01 | 2016-11-30 |
//! | `2014-12-28/2014-12-29` | one day between those two | 2014-12-28 | 2014-12-29 |
//! | `../2016-06-30` | some day on or before 30 June 2016 | (none) | 2016-06-30 |
//!
//! It never invents the missing parts: "2016-01" is the whole of January 2016, from
//! [`PartialDate::earliest`] to [`PartialDate::latest`]. A qualified date (`?`, `~`, `%`)
//! may lie one unit of its precision (a day, a month, a season, a year, a decade, a
//! century) either side of what is written; `%` two units. Seasons follow the northern
//! hemisphere's meteorological seasons (`21` spring: March–May, `22` summer: June–August,
//! `23` autumn: September–November, `24` winter: December to the end of February of the
//! next year).
//!
//! The parser is this module's own. The `edtf` crate on crates.io was judged and not used: it
//! is licensed MPL-2.0 (this workspace is MIT OR Apache-2.0), has one owner and no release in
//! years (0.2.0), and a date here must stay a small `Copy` value with cheap earliest and
//! latest days, which queries compare many times over. This parser accepts the canonical EDTF
//! text only, so every date prints back exactly as written. Years are 0001–9999 (EDTF's
//! `Y`-prefixed and negative years are not taken).

use std::cmp::Ordering;
use std::fmt;
use std::fmt::Write as _;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod answer;

pub use answer::{answer_json, AnswerJson};

/// How much of a date is known.
///
/// Ordered from coarse to fine: a date of coarser precision sorts first among dates that
/// begin on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the century: `20XX`.
    Century,
    /// Only the decade: `201X`.
    Decade,
    /// Only the year: `2009`, `2016-XX`.
    Year,
    /// A season of a year: `2016-23` (autumn 2016).
    Season,
    /// Year and month: `2016-01`, `2016-01-XX`.
    Month,
    /// Year, month and day: `2016-06-04`.
    Day,
}

impl Precision {
    /// The lowercase name used in JSON and in output (`"century"`, `"decade"`, `"year"`,
    /// `"season"`, `"month"`, `"day"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// How a source qualifies a date: EDTF's `?`, `~` and `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// `?`: the source is not sure of the date.
    Uncertain,
    /// `~`: the source gives the date roughly ("around 2007").
    Approximate,
    /// `%`: both uncertain and approximate.
    UncertainApproximate,
}

impl Qualifier {
    /// The lowercase name used in output (`"uncertain"`, `"approximate"`,
    /// `"uncertain_approximate"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Uncertain => "uncertain",
            Qualifier::Approximate => "approximate",
            Qualifier::UncertainApproximate => "uncertain_approximate",
        }
    }

    /// The EDTF mark: `?`, `~` or `%`.
    pub fn mark(self) -> char {
        match self {
            Qualifier::Uncertain => '?',
            Qualifier::Approximate => '~',
            Qualifier::UncertainApproximate => '%',
        }
    }

    /// How many units of its precision a date so qualified may lie either side of what is
    /// written.
    fn reach(self) -> i32 {
        match self {
            Qualifier::Uncertain | Qualifier::Approximate => 1,
            Qualifier::UncertainApproximate => 2,
        }
    }
}

/// A season of the year, EDTF level 1 (`21`–`24` in the month's place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// `21`: March to May.
    Spring,
    /// `22`: June to August.
    Summer,
    /// `23`: September to November.
    Autumn,
    /// `24`: December to the end of February of the next year.
    Winter,
}

impl Season {
    /// The lowercase name (`"spring"`, `"summer"`, `"autumn"`, `"winter"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    fn from_code(code: u8) -> Option<Season> {
        match code {
            21 => Some(Season::Spring),
            22 => Some(Season::Summer),
            23 => Some(Season::Autumn),
            24 => Some(Season::Winter),
            _ => None,
        }
    }
}

/// `month` when the month is written `XX`.
const MONTH_X: u8 = 99;
/// `day` when the day is written `XX`.
const DAY_X: u8 = 99;

/// One written EDTF date: a year (perhaps with unspecified last digits), perhaps a month or
/// season, perhaps a day, perhaps a qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Point {
    /// The year as written, unspecified digits as 0 (`201X` is 2010).
    year: u16,
    /// How many trailing year digits are `X` (0, 1 or 2).
    year_x: u8,
    /// 0: none; 1–12: a month; 21–24: a season; [`MONTH_X`]: `XX`.
    month: u8,
    /// 0: none; 1–31: a day; [`DAY_X`]: `XX`.
    day: u8,
    /// `?`, `~` or `%`, if written.
    qualifier: Option<Qualifier>,
}

/// One end of a bounded date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum End {
    /// A date.
    At(Point),
    /// `..`: no bound on this side.
    Open,
    /// Empty: the bound on this side is unknown.
    Unknown,
}

/// What a date is: one written date, or a day known only to lie between two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Shape {
    One(Point),
    Between(End, End),
}

/// A date as a source gives it, in EDTF level 1: known to a century, decade, year, season,
/// month or day, perhaps qualified (`?`, `~`, `%`), or known only to lie between two bounds.
///
/// See the [module documentation](self) for every form and its earliest and latest day.
/// Ordering is by earliest possible day, then by precision (coarser first), then by latest
/// possible day, so sorting a timeline keeps "2016-06" before "2016-06-01" and never shows a
/// month as its first day. A date with no earliest day (`../2016-06-30`) sorts at its latest
/// day.
///
/// ```
/// use diplograph::time::{PartialDate, Precision};
/// let january: PartialDate = "2016-01".parse()?;
/// assert_eq!(january.precision(), Precision::Month);
/// assert_eq!(january.to_string(), "2016-01");
/// assert_eq!(january.latest().map(|d| d.to_string()), Some("2016-01-31".into()));
/// assert_eq!((january.year(), january.month(), january.day()), (Some(2016), Some(1), None));
/// assert_eq!(PartialDate::from_year_month(2016, 1)?, january);
/// let day = PartialDate::from_ymd(2016, 6, 4)?;
/// assert_eq!((day.year(), day.month(), day.day()), (Some(2016), Some(6), Some(4)));
/// assert_eq!(PartialDate::from_year(2009)?.to_string(), "2009");
/// assert!("2016-02-30".parse::<PartialDate>().is_err());
/// assert!(PartialDate::from_ymd(2016, 2, 30).is_err());
/// let signing: PartialDate = "2014-12-28/2014-12-29".parse()?;
/// assert_eq!(signing.earliest().map(|d| d.to_string()), Some("2014-12-28".into()));
/// assert_eq!(signing.latest().map(|d| d.to_string()), Some("2014-12-29".into()));
/// let autumn: PartialDate = "2016-23".parse()?;
/// assert_eq!(autumn.precision(), Precision::Season);
/// assert_eq!(autumn.earliest().map(|d| d.to_string()), Some("2016-09-01".into()));
/// # Ok::<(), diplograph::time::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    shape: Shape,
}

/// Why a text is not a date: the text and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: {reason} (write an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2007~, 201X, 2016-23, 2014-12-28/2014-12-29, ../2016-06-30)")]
pub struct DateError {
    /// The text that failed to parse.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// The first day anything can be (before every real day).
const NO_FIRST: DayKey = DayKey(i32::MIN, 0, 0);
/// The last day anything can be (after every real day).
const NO_LAST: DayKey = DayKey(i32::MAX, u8::MAX, u8::MAX);
/// The first day a date may mean once widened by a qualifier.
const CALENDAR_FIRST: DayKey = DayKey(1, 1, 1);
/// The last day a date may mean once widened by a qualifier.
const CALENDAR_LAST: DayKey = DayKey(9999, 12, 31);

impl Point {
    fn plain(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Point, &'static str> {
        if !(1..=9999).contains(&year) {
            return Err("the year must be between 1 and 9999");
        }
        let p = Point {
            year: year as u16,
            year_x: 0,
            month: month.unwrap_or(0),
            day: day.unwrap_or(0),
            qualifier: None,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err("the month must be between 01 and 12");
            }
            if let Some(d) = day {
                if NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d)).is_none() {
                    return Err("that day does not exist in that month");
                }
            }
        } else if day.is_some() {
            return Err("a day needs a month");
        }
        Ok(p)
    }

    fn precision(self) -> Precision {
        match (self.year_x, self.month, self.day) {
            (2, ..) => Precision::Century,
            (1, ..) => Precision::Decade,
            (_, 0 | MONTH_X, _) => Precision::Year,
            (_, 21..=24, _) => Precision::Season,
            (_, _, 0 | DAY_X) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first and last day of what is written, before any qualifier widens it.
    fn written_span(self) -> (DayKey, DayKey) {
        let y = i32::from(self.year);
        let last_year = y + [0, 9, 99][usize::from(self.year_x.min(2))];
        match self.month {
            1..=12 => {
                let m = self.month;
                match self.day {
                    0 | DAY_X => (DayKey(y, m, 1), DayKey(y, m, days_in_month(y, m))),
                    d => (DayKey(y, m, d), DayKey(y, m, d)),
                }
            }
            21 => (DayKey(y, 3, 1), DayKey(y, 5, 31)),
            22 => (DayKey(y, 6, 1), DayKey(y, 8, 31)),
            23 => (DayKey(y, 9, 1), DayKey(y, 11, 30)),
            24 => (DayKey(y, 12, 1), DayKey(y + 1, 2, days_in_month(y + 1, 2))),
            _ => (DayKey(y, 1, 1), DayKey(last_year, 12, 31)),
        }
    }

    /// The first and last day this written date may mean, a qualifier included.
    fn span(self) -> (DayKey, DayKey) {
        let (lo, hi) = self.written_span();
        let Some(q) = self.qualifier else {
            return (lo, hi);
        };
        let n = q.reach();
        let (lo, hi) = match self.precision() {
            Precision::Day => (lo.add_days(-n), hi.add_days(n)),
            Precision::Month => (lo.add_months(-n), hi.add_months(n)),
            Precision::Season => (lo.add_months(-3 * n), hi.add_months(3 * n)),
            Precision::Year => (lo.add_years(-n), hi.add_years(n)),
            Precision::Decade => (lo.add_years(-10 * n), hi.add_years(10 * n)),
            Precision::Century => (lo.add_years(-100 * n), hi.add_years(100 * n)),
        };
        (lo.max(CALENDAR_FIRST), hi.min(CALENDAR_LAST))
    }

    fn write(self, w: &mut impl fmt::Write) -> fmt::Result {
        let y = self.year;
        match self.year_x {
            1 => write!(w, "{:03}X", y / 10)?,
            2 => write!(w, "{:02}XX", y / 100)?,
            _ => write!(w, "{y:04}")?,
        }
        match self.month {
            0 => {}
            MONTH_X => w.write_str("-XX")?,
            m => write!(w, "-{m:02}")?,
        }
        match self.day {
            0 => {}
            DAY_X => w.write_str("-XX")?,
            d => write!(w, "-{d:02}")?,
        }
        if let Some(q) = self.qualifier {
            w.write_char(q.mark())?;
        }
        Ok(())
    }

    /// Parses one written date (no `/`): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with `X` digits,
    /// a season in the month's place, and a final `?`, `~` or `%`.
    fn parse(text: &str) -> Result<Point, &'static str> {
        let (body, qualifier) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], Some(Qualifier::Uncertain)),
            Some(b'~') => (&text[..text.len() - 1], Some(Qualifier::Approximate)),
            Some(b'%') => (
                &text[..text.len() - 1],
                Some(Qualifier::UncertainApproximate),
            ),
            _ => (text, None),
        };
        if body.is_empty() {
            return Err("the year must be four digits");
        }
        let mut parts = body.split('-');
        let year_text = parts.next().unwrap_or("");
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() {
            return Err("too many parts");
        }
        let yb = year_text.as_bytes();
        if yb.len() != 4 {
            return Err("the year must be four digits");
        }
        let year_x = match (yb[2], yb[3]) {
            (b'X', b'X') => 2,
            (_, b'X') => 1,
            _ => 0,
        };
        let known = 4 - usize::from(year_x);
        if !yb[..known].iter().all(u8::is_ascii_digit) {
            return Err("the year must be four digits (the last one or two may be X)");
        }
        let mut year: u16 = 0;
        for &b in &yb[..known] {
            year = year * 10 + u16::from(b - b'0');
        }
        year *= [1, 10, 100][usize::from(year_x)];
        let two = |s: &str| -> Option<u8> {
            let b = s.as_bytes();
            (b.len() == 2 && b.iter().all(u8::is_ascii_digit))
                .then(|| (b[0] - b'0') * 10 + (b[1] - b'0'))
        };
        let month = match month_text {
            None => 0,
            Some("XX") => MONTH_X,
            Some(m) => match two(m) {
                Some(m) if (1..=12).contains(&m) || (21..=24).contains(&m) => m,
                Some(_) => {
                    return Err("the month must be between 01 and 12 (or a season, 21 to 24)")
                }
                None => return Err("the month must be two digits"),
            },
        };
        let day = match day_text {
            None => 0,
            Some("XX") => DAY_X,
            Some(d) => match two(d) {
                Some(d) if d >= 1 => d,
                Some(_) => return Err("that day does not exist in that month"),
                None => return Err("the day must be two digits"),
            },
        };
        if year_x > 0 && month != 0 {
            return Err("a year with X digits takes no month or day");
        }
        if (21..=24).contains(&month) && day != 0 {
            return Err("a season takes no day");
        }
        if month == MONTH_X && day != 0 && day != DAY_X {
            return Err("a known day needs a known month");
        }
        if year == 0 {
            return Err("the year must be between 1 and 9999");
        }
        if (1..=12).contains(&month)
            && day != 0
            && day != DAY_X
            && day > days_in_month(i32::from(year), month)
        {
            return Err("that day does not exist in that month");
        }
        if month == 24 && year == 9999 {
            return Err("winter 9999 runs past the year 9999");
        }
        Ok(Point {
            year,
            year_x,
            month,
            day,
            qualifier,
        })
    }
}

impl End {
    fn write(self, w: &mut impl fmt::Write) -> fmt::Result {
        match self {
            End::At(p) => p.write(w),
            End::Open => w.write_str(".."),
            End::Unknown => Ok(()),
        }
    }

    fn parse(text: &str) -> Result<End, &'static str> {
        match text {
            "" => Ok(End::Unknown),
            ".." => Ok(End::Open),
            t => Point::parse(t).map(End::At),
        }
    }
}

impl DayKey {
    fn add_days(self, n: i32) -> DayKey {
        NaiveDate::from_ymd_opt(self.0, u32::from(self.1), u32::from(self.2))
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(i64::from(n))))
            .map_or(if n < 0 { CALENDAR_FIRST } else { CALENDAR_LAST }, |d| {
                DayKey(d.year(), d.month() as u8, d.day() as u8)
            })
    }

    /// `n` months on: to the first day of that month going back, to its last going forward.
    fn add_months(self, n: i32) -> DayKey {
        let total = self.0 * 12 + i32::from(self.1) - 1 + n;
        let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        if n < 0 {
            DayKey(y, m, 1)
        } else {
            DayKey(y, m, days_in_month(y, m))
        }
    }

    /// `n` years on: to 1 January going back, to 31 December going forward.
    fn add_years(self, n: i32) -> DayKey {
        if n < 0 {
            DayKey(self.0 + n, 1, 1)
        } else {
            DayKey(self.0 + n, 12, 31)
        }
    }

    fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.0, u32::from(self.1), u32::from(self.2))
    }
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
        Point::plain(year, month, day)
            .map(|p| PartialDate {
                shape: Shape::One(p),
            })
            .map_err(|reason| DateError {
                text: format_parts(year, month, day),
                reason,
            })
    }

    /// The date from a `chrono` day.
    pub fn from_naive(date: NaiveDate) -> Self {
        // Days outside 0001-01-01..=9999-12-31 clamp to those whole days.
        let (year, month, day) = match date.year() {
            ..=0 => (1, 1, 1),
            10_000.. => (9999, 12, 31),
            y => (y as u16, date.month() as u8, date.day() as u8),
        };
        PartialDate {
            shape: Shape::One(Point {
                year,
                year_x: 0,
                month,
                day,
                qualifier: None,
            }),
        }
    }

    /// How much of the date is known. For a bounded date (`2014-12-28/2014-12-29`), the
    /// precision of its first known end.
    pub fn precision(&self) -> Precision {
        match self.shape {
            Shape::One(p) | Shape::Between(End::At(p), _) | Shape::Between(_, End::At(p)) => {
                p.precision()
            }
            Shape::Between(..) => Precision::Day,
        }
    }

    /// The single written date, if this is one (not a bounded date).
    fn point(&self) -> Option<Point> {
        match self.shape {
            Shape::One(p) => Some(p),
            Shape::Between(..) => None,
        }
    }

    /// The year as written: `None` for a bounded date or a year with `X` digits.
    pub fn year(&self) -> Option<i32> {
        self.point()
            .filter(|p| p.year_x == 0)
            .map(|p| i32::from(p.year))
    }

    /// The month (1–12) as written: `None` if not written, `XX`, a season, or a bounded date.
    pub fn month(&self) -> Option<u8> {
        self.point()
            .map(|p| p.month)
            .filter(|m| (1..=12).contains(m))
    }

    /// The day of the month as written: `None` if not written, `XX`, or a bounded date.
    pub fn day(&self) -> Option<u8> {
        self.point().map(|p| p.day).filter(|d| (1..=31).contains(d))
    }

    /// The season, when one is written in the month's place (`2016-23`: autumn).
    pub fn season(&self) -> Option<Season> {
        self.point().and_then(|p| Season::from_code(p.month))
    }

    /// The qualifier written on a single date (`?`, `~`, `%`); `None` for a bounded date.
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.point().and_then(|p| p.qualifier)
    }

    /// Whether this is a day known only to lie between two bounds (`2014-12-28/2014-12-29`,
    /// `../2016-06-30`).
    pub fn is_bounded(&self) -> bool {
        matches!(self.shape, Shape::Between(..))
    }

    /// Whether the date is plain ISO 8601 (`2009`, `2016-01`, `2016-06-04`): no qualifier,
    /// no `X` digit, no season, no bounds.
    pub fn is_plain(&self) -> bool {
        self.point()
            .is_some_and(|p| p.qualifier.is_none() && p.year_x == 0 && p.month <= 12 && p.day <= 31)
    }

    /// Whether the date can mean one day only (`2016-06-04`; not `2016-06-04?`).
    pub fn is_one_day(&self) -> bool {
        self.first_day() == self.last_day()
    }

    /// The first day this date may mean; `None` when it has no earliest day
    /// (`../2016-06-30`).
    pub fn earliest(&self) -> Option<NaiveDate> {
        Some(self.first_day())
            .filter(|k| *k != NO_FIRST)?
            .to_naive()
    }

    /// The last day this date may mean; `None` when it has no latest day (`2016-06-30/..`).
    pub fn latest(&self) -> Option<NaiveDate> {
        Some(self.last_day()).filter(|k| *k != NO_LAST)?.to_naive()
    }

    /// The first day this date may mean, as a `(year, month, day)` key: ordered like the
    /// days themselves, and far cheaper to make than a calendar date (queries compare many).
    /// Before every real day when the date has no earliest day.
    pub(crate) fn first_day(&self) -> DayKey {
        match self.shape {
            Shape::One(Point {
                year,
                year_x: 0,
                month: m @ 1..=12,
                day: d @ 1..=31,
                qualifier: None,
            }) => DayKey(i32::from(year), m, d),
            Shape::One(p) | Shape::Between(End::At(p), _) => p.span().0,
            Shape::Between(..) => NO_FIRST,
        }
    }

    /// The last day this date may mean, as a `(year, month, day)` key. After every real day
    /// when the date has no latest day.
    pub(crate) fn last_day(&self) -> DayKey {
        match self.shape {
            Shape::One(Point {
                year,
                year_x: 0,
                month: m @ 1..=12,
                day: d @ 1..=31,
                qualifier: None,
            }) => DayKey(i32::from(year), m, d),
            Shape::One(p) | Shape::Between(_, End::At(p)) => p.span().1,
            Shape::Between(..) => NO_LAST,
        }
    }

    /// Whether every day `self` may mean lies before every day `other` may mean (a window
    /// ending at `self` and starting at `other` is reversed).
    ///
    /// ```
    /// use diplograph::time::PartialDate;
    /// let d = |s: &str| s.parse::<PartialDate>();
    /// assert!(d("2015")?.ends_before(&d("2016-01")?));
    /// assert!(!d("2016")?.ends_before(&d("2016-06")?));
    /// assert!(!d("2016/..")?.ends_before(&d("2017")?));
    /// # Ok::<(), diplograph::time::DateError>(())
    /// ```
    pub fn ends_before(&self, other: &PartialDate) -> bool {
        self.last_day() < other.first_day()
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
    let _ = match (month, day) {
        (Some(m), Some(d)) => write!(s, "{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => write!(s, "{year:04}-{m:02}"),
        (None, Some(d)) => write!(s, "{year:04}-??-{d:02}"),
        (None, None) => write!(s, "{year:04}"),
    };
    s
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape {
            Shape::One(p) => p.write(f),
            Shape::Between(a, b) => {
                a.write(f)?;
                f.write_str("/")?;
                b.write(f)
            }
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let err = |reason| DateError {
            text: text.to_owned(),
            reason,
        };
        let shape = match text.split_once('/') {
            None => Shape::One(Point::parse(text).map_err(err)?),
            Some((a, b)) => {
                let (from, to) = (End::parse(a).map_err(err)?, End::parse(b).map_err(err)?);
                match (from, to) {
                    (End::At(f), End::At(t)) => {
                        if t.span().1 < f.span().0 {
                            return Err(err("the second bound is before the first"));
                        }
                    }
                    (End::At(_), _) | (_, End::At(_)) => {}
                    _ => return Err(err("a bounded date needs at least one date")),
                }
                Shape::Between(from, to)
            }
        };
        Ok(PartialDate { shape })
    }
}

impl PartialDate {
    /// The day a date is placed at in order: its earliest day, or its latest when it has no
    /// earliest (`../2016-06-30` sorts at 30 June, not before every other date).
    fn anchor(&self) -> DayKey {
        match self.first_day() {
            NO_FIRST => self.last_day(),
            first => first,
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.anchor()
            .cmp(&other.anchor())
            .then(self.precision().cmp(&other.precision()))
            .then(self.last_day().cmp(&other.last_day()))
            .then(self.shape.cmp(&other.shape))
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
    /// that wants to know which values are dates (the Python bindings', [`answer_json`]) can
    /// tell.
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
                f.write_str("an EDTF date string: 2016, 2016-06, 2016-06-04, 2007~, 2016-23, …")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// How a date stands to an interval, honestly: a month can be only partly inside.
///
/// One rule for every date form: the date is `Inside` when every day it may mean (from its
/// earliest to its latest possible day, a qualifier's reach included) certainly lies inside
/// the interval, `Outside` when none can, and `Partly` otherwise. So an approximate,
/// uncertain or bounded date is `Partly` inside any window it may fall outside of, and an
/// interval end that is itself coarse or qualified makes the days near it `Partly` inside.
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

    /// How `date` stands to this interval, treating unknown ends as open (the rule is on
    /// [`Containment`]).
    ///
    /// ```
    /// use diplograph::time::{Containment, Interval, PartialDate};
    /// let june = Interval::new(Some("2016-06-01".parse()?), Some("2016-06-30".parse()?));
    /// assert_eq!(june.contains(&"2016-06-04?".parse()?), Containment::Inside);
    /// assert_eq!(june.contains(&"2016-06-30?".parse()?), Containment::Partly);
    /// assert_eq!(june.contains(&"../2016-06-30".parse()?), Containment::Partly);
    /// assert_eq!(june.contains(&"2016-23".parse()?), Containment::Outside);
    /// # Ok::<(), diplograph::time::DateError>(())
    /// ```
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
            Some(d) => fmt::Display::fmt(&d, f),
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

    fn span(s: &str) -> (String, String) {
        let show = |x: Option<NaiveDate>| x.map_or("none".to_owned(), |x| x.to_string());
        let date = d(s);
        (show(date.earliest()), show(date.latest()))
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2009").precision(), Precision::Year);
        assert_eq!(d("2016-01").precision(), Precision::Month);
        assert_eq!(d("2016-06-04").precision(), Precision::Day);
        assert_eq!(span("2016-02").1, "2016-02-29");
        assert_eq!(span("2015-12").1, "2015-12-31");
        assert_eq!(span("2009").0, "2009-01-01");
        assert!(d("2016-06-04").is_plain() && d("2016-06-04").is_one_day());
    }

    #[test]
    fn every_form_has_its_earliest_and_latest_day() {
        let cases = [
            ("2009", "2009-01-01", "2009-12-31"),
            ("2016-01", "2016-01-01", "2016-01-31"),
            ("2016-06-04", "2016-06-04", "2016-06-04"),
            ("2016-06-04?", "2016-06-03", "2016-06-05"),
            ("2016-06-04~", "2016-06-03", "2016-06-05"),
            ("2016-06-04%", "2016-06-02", "2016-06-06"),
            ("2016-06~", "2016-05-01", "2016-07-31"),
            ("2016-12?", "2016-11-01", "2017-01-31"),
            ("2007~", "2006-01-01", "2008-12-31"),
            ("2007%", "2005-01-01", "2009-12-31"),
            ("201X", "2010-01-01", "2019-12-31"),
            ("20XX", "2000-01-01", "2099-12-31"),
            ("201X~", "2000-01-01", "2029-12-31"),
            ("2016-XX", "2016-01-01", "2016-12-31"),
            ("2016-XX-XX", "2016-01-01", "2016-12-31"),
            ("2016-06-XX", "2016-06-01", "2016-06-30"),
            ("2016-21", "2016-03-01", "2016-05-31"),
            ("2016-22", "2016-06-01", "2016-08-31"),
            ("2016-23", "2016-09-01", "2016-11-30"),
            ("2016-24", "2016-12-01", "2017-02-28"),
            ("2015-24", "2015-12-01", "2016-02-29"),
            ("2016-23?", "2016-06-01", "2017-02-28"),
            ("2014-12-28/2014-12-29", "2014-12-28", "2014-12-29"),
            ("2016/2017-03", "2016-01-01", "2017-03-31"),
            ("2004-06~/2004-08", "2004-05-01", "2004-08-31"),
            ("../2016-06-30", "none", "2016-06-30"),
            ("/2016-06-30", "none", "2016-06-30"),
            ("2016-06-30/..", "2016-06-30", "none"),
            ("2016-06-30/", "2016-06-30", "none"),
            ("0001~", "0001-01-01", "0002-12-31"),
            ("9999-12-31?", "9999-12-30", "9999-12-31"),
        ];
        for (text, earliest, latest) in cases {
            assert_eq!(span(text), pair(earliest, latest), "{text}");
            assert_eq!(d(text).to_string(), text, "{text} prints as written");
        }
    }

    #[test]
    fn parts_precision_and_qualifiers_as_written() {
        let q = d("2016-06-04?");
        assert_eq!(
            (q.year(), q.month(), q.day()),
            (Some(2016), Some(6), Some(4))
        );
        assert_eq!(q.qualifier(), Some(Qualifier::Uncertain));
        assert_eq!(q.precision(), Precision::Day);
        assert!(!q.is_plain() && !q.is_one_day());
        assert_eq!(d("2007~").qualifier(), Some(Qualifier::Approximate));
        assert_eq!(
            d("2007%").qualifier(),
            Some(Qualifier::UncertainApproximate)
        );
        assert_eq!(d("201X").precision(), Precision::Decade);
        assert_eq!(d("201X").year(), None);
        assert_eq!(d("20XX").precision(), Precision::Century);
        assert_eq!(d("2016-XX").precision(), Precision::Year);
        assert_eq!(d("2016-XX").month(), None);
        assert_eq!(d("2016-06-XX").precision(), Precision::Month);
        assert_eq!(d("2016-06-XX").day(), None);
        let autumn = d("2016-23");
        assert_eq!(autumn.precision(), Precision::Season);
        assert_eq!(autumn.season(), Some(Season::Autumn));
        assert_eq!((autumn.year(), autumn.month()), (Some(2016), None));
        let signing = d("2014-12-28/2014-12-29");
        assert!(signing.is_bounded() && !signing.is_plain());
        assert_eq!(signing.precision(), Precision::Day);
        assert_eq!((signing.year(), signing.qualifier()), (None, None));
        assert_eq!(d("../2016-06-30").precision(), Precision::Day);
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
            "2016-06-04?",
            "2016-24",
            "201X",
        ] {
            let date = d(text);
            let key =
                |n: Option<NaiveDate>| n.map(|n| DayKey(n.year(), n.month() as u8, n.day() as u8));
            assert_eq!(Some(date.first_day()), key(date.earliest()), "{text}");
            assert_eq!(Some(date.last_day()), key(date.latest()), "{text}");
        }
        for m in 1..=12 {
            let date =
                PartialDate::from_year_month(2016, m).unwrap_or_else(|e| unreachable!("{e}"));
            let last = date.latest().map(|l| l.day() as u8);
            assert_eq!(Some(date.last_day()), last.map(|l| DayKey(2016, m, l)));
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
            "2016-25",
            "2016-20",
            "2016-23-01",
            "201X-06",
            "2X16",
            "X016",
            "2016??",
            "?2016",
            "2016-06-04 ",
            "2016-XX-04",
            "2016-06-00",
            "2016-06-31",
            "0000",
            "000X",
            "9999-24",
            "../..",
            "/",
            "../",
            "2016-06-30/2016-06-01",
            "2016/2017/2018",
            "2016-06-04T10:00",
            "-2016",
            "Y20160",
            "2016~~",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} should fail");
        }
        let e = "2016-02-30".parse::<PartialDate>().err();
        assert_eq!(
            e.map(|e| e.reason),
            Some("that day does not exist in that month")
        );
        let e = "2016-06-30/2016-06-01".parse::<PartialDate>().err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("`2016-06-30/2016-06-01` is not a date: the second bound is before the first (write an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2007~, 201X, 2016-23, 2014-12-28/2014-12-29, ../2016-06-30)".into())
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
    fn qualified_seasonal_and_bounded_dates_against_windows() {
        let june = Interval::new(Some(d("2016-06-01")), Some(d("2016-06-30")));
        // Inside while every possible day is inside; partly once one may fall outside.
        assert_eq!(june.contains(&d("2016-06-04?")), Containment::Inside);
        assert_eq!(june.contains(&d("2016-06-01~")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-06-30?")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-06-29%")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-07-01?")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-07-02?")), Containment::Outside);
        assert_eq!(june.contains(&d("2016-06~")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-22")), Containment::Partly);
        assert_eq!(june.contains(&d("2016-23")), Containment::Outside);
        assert_eq!(june.contains(&d("2016-XX")), Containment::Partly);
        assert_eq!(june.contains(&d("201X")), Containment::Partly);
        assert_eq!(
            june.contains(&d("2016-06-10/2016-06-12")),
            Containment::Inside
        );
        assert_eq!(
            june.contains(&d("2016-06-30/2016-07-01")),
            Containment::Partly
        );
        assert_eq!(june.contains(&d("../2016-06-30")), Containment::Partly);
        assert_eq!(june.contains(&d("../2016-05-31")), Containment::Outside);
        assert_eq!(june.contains(&d("2016-07-01/..")), Containment::Outside);
        // Open windows: before / after a date.
        let since = Interval::new(Some(d("2014-12-29")), None);
        assert_eq!(
            since.contains(&d("2014-12-28/2014-12-29")),
            Containment::Partly
        );
        assert_eq!(
            since.contains(&d("2014-12-29/2015-01-02")),
            Containment::Inside
        );
        assert_eq!(since.contains(&d("../2014-12-28")), Containment::Outside);
        let unbounded = Interval::default();
        assert_eq!(unbounded.contains(&d("../2016-06-30")), Containment::Inside);
        assert_eq!(unbounded.contains(&d("2007%")), Containment::Inside);
        // Interval ends that are themselves qualified or bounded.
        let signed = Interval::new(Some(d("2014-12-28/2014-12-29")), None);
        // Signed on the 28th or the 29th: certainly in effect on the 29th, maybe on the 28th.
        assert_eq!(signed.contains(&d("2014-12-28")), Containment::Partly);
        assert_eq!(signed.contains(&d("2014-12-29")), Containment::Inside);
        assert_eq!(signed.contains(&d("2014-12-27")), Containment::Outside);
        let about = Interval::new(Some(d("2007~")), Some(d("2010")));
        assert_eq!(about.contains(&d("2008-05-01")), Containment::Partly);
        assert_eq!(about.contains(&d("2009-05-01")), Containment::Inside);
        assert_eq!(about.contains(&d("2005-12-31")), Containment::Outside);
        let before = Interval::new(None, Some(d("../2016-06-30")));
        assert_eq!(before.contains(&d("2016-06-30")), Containment::Partly);
        assert_eq!(before.contains(&d("2016-07-01")), Containment::Outside);
    }

    #[test]
    fn orders_coarse_before_fine_on_same_first_day() {
        let mut v = [d("2016-06-01"), d("2016-06"), d("2016"), d("2015-12-31")];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2015-12-31", "2016", "2016-06", "2016-06-01"]);
    }

    #[test]
    fn orders_every_form_by_earliest_then_precision_then_latest_day() {
        let mut v: Vec<PartialDate> = [
            "2016-06-04?",
            "../2016-06-30",
            "2016-22",
            "2016-06",
            "2016-06/..",
            "2016-XX",
            "2016",
            "201X",
            "2016-06-01/2016-06-02",
            "2016-06-01",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "201X",
                "2016",
                "2016-XX",
                "2016-22",
                "2016-06",
                "2016-06/..",
                "2016-06-01",
                "2016-06-01/2016-06-02",
                "2016-06-04?",
                "../2016-06-30",
            ]
        );
        // Equal only when written alike.
        assert_ne!(d("2016").cmp(&d("2016-XX")), Ordering::Equal);
        assert_eq!(d("2016-23").cmp(&d("2016-23")), Ordering::Equal);
    }

    #[test]
    fn answers_carry_text_earliest_and_latest() {
        #[derive(Serialize)]
        struct Answer {
            valid: Interval,
            on: Option<PartialDate>,
            dates: Vec<PartialDate>,
        }
        let v = serde_json::to_value(answer_json(&Answer {
            valid: Interval::new(Some(d("2016-23")), None),
            on: Some(d("../2016-06-30")),
            dates: vec![d("2016")],
        }));
        assert_eq!(
            v.ok(),
            Some(serde_json::json!({
                "valid": {
                    "start": "2016-23", "start_earliest": "2016-09-01", "start_latest": "2016-11-30",
                    "end": null,
                },
                "on": "../2016-06-30", "on_earliest": null, "on_latest": "2016-06-30",
                "dates": ["2016"],
            }))
        );
        // Fields keep the answer's order, each date's days right after it.
        let text = serde_json::to_string(&answer_json(&Interval::new(Some(d("2016")), None)));
        assert_eq!(
            text.ok().as_deref(),
            Some(
                r#"{"start":"2016","start_earliest":"2016-01-01","start_latest":"2016-12-31","end":null}"#
            )
        );
        // Elsewhere a date is its text, as in files.
        assert_eq!(
            serde_json::to_value(d("2014-12-28/2014-12-29")).ok(),
            Some(serde_json::json!("2014-12-28/2014-12-29"))
        );
    }
}
