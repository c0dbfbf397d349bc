//! Any text as a date: a date or an error, never a panic; a date prints back to itself, its
//! earliest day is never after its latest, and it lies inside the window of its own possible
//! days and outside any window ending before them. The first bytes also build EDTF dates from
//! parts (qualifiers, `X` digits, seasons, bounds), so the fuzzer reaches every form quickly.
#![no_main]

use diplograph::time::{Containment, Interval, PartialDate};
use libfuzzer_sys::fuzz_target;

/// An EDTF-shaped text from fuzzed bytes: a year (perhaps with `X` digits), a month, season or
/// `XX`, a day or `XX`, a qualifier, and perhaps a second bound or an open side.
fn from_parts(bytes: &[u8]) -> String {
    let b = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let year = u16::from_le_bytes([b(0), b(1)]) % 10_000;
    let mut text = match b(2) % 6 {
        0 => format!("{:03}X", year / 10),
        1 => format!("{:02}XX", year / 100),
        _ => format!("{year:04}"),
    };
    match b(3) % 5 {
        0 => {}
        1 => text.push_str("-XX"),
        2 => text.push_str(&format!("-{}", 21 + b(4) % 4)),
        _ => text.push_str(&format!("-{:02}", b(4) % 14)),
    }
    match b(5) % 4 {
        0 => text.push_str("-XX"),
        1 => text.push_str(&format!("-{:02}", b(6) % 33)),
        _ => {}
    }
    text.push_str(["", "?", "~", "%"][usize::from(b(7) % 4)]);
    match b(8) % 6 {
        0 => format!("../{text}"),
        1 => format!("{text}/.."),
        2 => format!("/{text}"),
        3 => format!("{text}/{}", from_parts(bytes.get(9..).unwrap_or_default())),
        _ => text,
    }
}

fn check(text: &str) {
    let parsed = text.parse::<PartialDate>();
    let json = serde_json::from_value::<PartialDate>(serde_json::Value::String(text.to_owned()));
    assert_eq!(
        parsed.is_ok(),
        json.is_ok(),
        "parse and JSON disagree on {text:?}"
    );
    let Ok(d) = parsed else {
        return;
    };
    assert_eq!(d.to_string(), text, "a date that parses prints as written");
    assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
    assert!(d.earliest().is_some() || d.latest().is_some());
    if let (Some(e), Some(l)) = (d.earliest(), d.latest()) {
        assert!(e <= l);
    }
    assert!(d.certainly_not_before(&d) == (d.earliest().is_some() && d.earliest() == d.latest()));
    let own = Interval::new(
        d.earliest().map(PartialDate::from_naive),
        d.latest().map(PartialDate::from_naive),
    );
    assert_eq!(own.contains(&d), Containment::Inside, "{text}");
    // The day before the date's earliest, unless that is before 0001-01-01 (no date is).
    let calendar_first = "0001-01-01".parse::<PartialDate>().ok().and_then(|f| f.earliest());
    if let Some(before) = d
        .earliest()
        .filter(|e| Some(*e) != calendar_first)
        .and_then(|e| e.pred_opt())
    {
        let window = Interval::new(None, Some(PartialDate::from_naive(before)));
        assert_eq!(window.contains(&d), Containment::Outside, "{text}");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    check(&from_parts(data));
});
