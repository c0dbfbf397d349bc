//! Any text as a date: a date or an error, never a panic; a date prints back to itself and its
//! earliest day is never after its latest.
#![no_main]

use diplograph::time::PartialDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = text.parse::<PartialDate>();
    let json = serde_json::from_value::<PartialDate>(serde_json::Value::String(text.to_owned()));
    assert_eq!(
        parsed.is_ok(),
        json.is_ok(),
        "parse and JSON disagree on {text:?}"
    );
    if let Ok(d) = parsed {
        assert_eq!(d.to_string(), text, "a date that parses prints as written");
        assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        assert!(d.earliest() <= d.latest());
        assert!(d.certainly_not_before(&d) == (d.earliest() == d.latest()));
    }
});
