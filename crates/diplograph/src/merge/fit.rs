//! How two values of one fact stand to each other: the same, one refining the other, or apart.
//!
//! A date refines another when every day it may mean is a day the other may mean (`2010-01-10`
//! inside `2010`; the EDTF range `2016-06-01/2016-06-10` inside `2016-06`): the finer is kept.
//! Two dates that share no such inclusion cannot both be the one date of one fact: a conflict.
//! A text refines another when it contains the other, ignoring case ("the Palais des Nations,
//! Geneva" refines "Geneva"): the longer is kept. No choice here depends on string order alone.

use crate::time::PartialDate;

/// How two values of one fact stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fit<T> {
    /// Equal values.
    Same,
    /// One value refines the other; this is the finer.
    Refined(T),
    /// The values cannot both be true.
    Apart,
}

/// How two dates of one fact stand (see the module's rule). Two dates meaning the same days
/// written differently (`2016-06-04` and `2016-06-04?`) keep the one without a qualifier.
pub(super) fn dates(a: PartialDate, b: PartialDate) -> Fit<PartialDate> {
    if a == b {
        return Fit::Same;
    }
    let within = |x: &PartialDate, y: &PartialDate| {
        y.first_day() <= x.first_day() && x.last_day() <= y.last_day()
    };
    match (within(&a, &b), within(&b, &a)) {
        (true, false) => Fit::Refined(a),
        (false, true) => Fit::Refined(b),
        (true, true) => {
            let key = |d: &PartialDate| (d.qualifier().is_some(), *d);
            Fit::Refined(if key(&a) <= key(&b) { a } else { b })
        }
        (false, false) => Fit::Apart,
    }
}

/// How two optional dates of one fact stand: a missing date is refined by any date.
pub(super) fn optional_dates(a: Option<PartialDate>, b: Option<PartialDate>) -> Fit<PartialDate> {
    match (a, b) {
        (Some(x), Some(y)) => dates(x, y),
        (None, Some(y)) => Fit::Refined(y),
        (Some(x), None) => Fit::Refined(x),
        (None, None) => Fit::Same,
    }
}

/// How two texts of one fact stand (see the module's rule).
pub(super) fn texts(a: &str, b: &str) -> Fit<String> {
    if a == b {
        return Fit::Same;
    }
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if lb.contains(&la) {
        Fit::Refined(b.to_owned())
    } else if la.contains(&lb) {
        Fit::Refined(a.to_owned())
    } else {
        Fit::Apart
    }
}

/// The text kept when two texts conflict: the longer, then the first in string order, so the
/// choice does not depend on which input gave which.
pub(super) fn kept_text<'t>(a: &'t str, b: &'t str) -> &'t str {
    let key = |t: &'t str| (std::cmp::Reverse(t.chars().count()), t);
    if key(a) <= key(b) {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn a_finer_date_refines_a_coarser_one_whichever_comes_first() {
        assert_eq!(
            dates(d("2010"), d("2010-01-10")),
            Fit::Refined(d("2010-01-10"))
        );
        assert_eq!(
            dates(d("2016-01-15"), d("2016-01")),
            Fit::Refined(d("2016-01-15"))
        );
        assert_eq!(
            dates(d("2016-06"), d("2016-06-01/2016-06-10")),
            Fit::Refined(d("2016-06-01/2016-06-10"))
        );
        assert_eq!(dates(d("2016-11-23"), d("2016-11-22")), Fit::Apart);
        assert_eq!(dates(d("2016"), d("2016")), Fit::Same);
        assert_eq!(
            dates(d("2016-06-04?"), d("2016-06-04")),
            Fit::Refined(d("2016-06-04"))
        );
    }

    #[test]
    fn a_text_that_contains_another_refines_it() {
        assert_eq!(
            texts("Geneva", "the Palais des Nations, Geneva"),
            Fit::Refined("the Palais des Nations, Geneva".to_owned())
        );
        assert_eq!(texts("Geneva", "Lausanne"), Fit::Apart);
        assert_eq!(kept_text("Lausanne", "Geneva"), "Lausanne");
        assert_eq!(kept_text("Bern", "Genf"), "Bern");
    }
}
