//! Malformed and hostile input: each case gets one clear problem with its exact code and
//! line:column, never a panic.

use diplograph::format::{self, Limits};
use diplograph::ProblemCode::{
    self, InvalidDate, InvalidValue, JsonSyntax, LimitAliases, LimitCitations, LimitDepth,
    LimitFileSize, LimitIdLength, LimitSourceTextLength, LimitStringLength,
};

/// A small document whose fifth line is `line5` (a node, or the start of one).
fn doc(line5: &str) -> String {
    format!(
        "{{\n  \"diplograph\": \"1\",\n  \"nodes\": [\n    {{\"id\": \"KOR\", \"kind\": \"country\", \"name\": \"South Korea\"}},\n{line5}\n  ]\n}}\n"
    )
}

/// The single problem loading `text` with `limits` gives: code, line, column and JSON pointer.
fn only_problem_with(
    text: &[u8],
    limits: &Limits,
) -> (ProblemCode, Option<usize>, Option<usize>, String) {
    let err = format::from_slice_with(text, None, limits).err();
    assert!(
        err.is_some(),
        "loaded without a problem:\n{}",
        String::from_utf8_lossy(text)
    );
    let problems = err.as_ref().and_then(|e| e.problems()).unwrap_or_default();
    assert_eq!(problems.len(), 1, "{err:?}");
    let p = &problems[0];
    assert!(!p.message.is_empty());
    (
        p.code,
        p.location.line,
        p.location.column,
        p.location.path.clone(),
    )
}

fn only_problem(text: &str) -> (ProblemCode, Option<usize>, Option<usize>, String) {
    only_problem_with(text.as_bytes(), &Limits::default())
}

fn message(text: &str, limits: &Limits) -> String {
    format::from_str_with(text, limits)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
}

#[test]
fn the_base_document_is_valid() {
    let g = format::from_str(&doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan"}"#,
    ));
    assert_eq!(g.map(|g| g.node_count()).ok(), Some(2));
}

#[test]
fn truncated_file_is_reported_where_it_ends() {
    let text = doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan"}"#);
    let cut = &text[..text.find("Japan").unwrap_or(0)]; // ends inside `"name": "`
    assert_eq!(
        only_problem(cut),
        (JsonSyntax, Some(5), Some(46), String::new())
    );
    assert_eq!(
        only_problem(""),
        (JsonSyntax, Some(1), Some(1), String::new())
    );
    assert!(message(cut, &Limits::default()).contains("truncated"));
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    let mut bytes = doc(r#"    {"id": "JPN", "kind": "country", "name": "Jap?n"}"#).into_bytes();
    let at = bytes.iter().position(|&b| b == b'?').unwrap_or(0);
    bytes[at] = 0xff;
    assert_eq!(
        only_problem_with(&bytes, &Limits::default()),
        (JsonSyntax, Some(5), Some(50), String::new())
    );
}

#[test]
fn byte_order_mark_is_refused() {
    let text = format!(
        "\u{feff}{}",
        doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan"}"#)
    );
    assert_eq!(
        only_problem(&text),
        (JsonSyntax, Some(1), Some(1), String::new())
    );
    assert!(message(&text, &Limits::default()).contains("byte-order mark"));
}

#[test]
fn duplicate_keys_are_refused_at_the_second_key() {
    // At the top level.
    let text = "{\n  \"diplograph\": \"1\",\n  \"diplograph\": \"1\"\n}\n";
    assert_eq!(
        only_problem(text),
        (InvalidValue, Some(3), Some(3), "/diplograph".into())
    );
    assert!(message(text, &Limits::default())
        .contains("the key `diplograph` appears twice in this object (first at 2:3)"));
    // In a node.
    let text = doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan", "name": "Nippon"}"#);
    assert_eq!(
        only_problem(&text),
        (InvalidValue, Some(5), Some(55), "/nodes/1/name".into())
    );
    // In free-form attributes, where a map would silently keep the last value.
    let text = doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan", "attributes": {"a": 1, "a": 2}}"#,
    );
    assert_eq!(
        only_problem(&text),
        (
            InvalidValue,
            Some(5),
            Some(78),
            "/nodes/1/attributes/a".into()
        )
    );
    // Deeper inside an attribute's value, and in external ids.
    let text = doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan", "attributes": {"a": [{"b": 1, "b": 1}]}}"#,
    );
    assert_eq!(
        only_problem(&text),
        (
            InvalidValue,
            Some(5),
            Some(85),
            "/nodes/1/attributes/a/0/b".into()
        )
    );
    let text = doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan", "external_ids": {"wikidata": "Q17", "wikidata": "Q18"}}"#,
    );
    assert_eq!(
        only_problem(&text),
        (
            InvalidValue,
            Some(5),
            Some(91),
            "/nodes/1/external_ids/wikidata".into()
        )
    );
    // A key written with an escape is still the same key.
    let text = doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan", "attributes": {"a": 1, "\u0061": 2}}"#,
    );
    assert_eq!(
        only_problem(&text),
        (
            InvalidValue,
            Some(5),
            Some(78),
            "/nodes/1/attributes/a".into()
        )
    );
}

#[test]
fn a_number_where_a_string_belongs_is_reported_at_the_number() {
    let text = doc(r#"    {"id": "JPN", "kind": "country", "name": 42}"#);
    assert_eq!(
        only_problem(&text),
        (InvalidValue, Some(5), Some(46), "/nodes/1/name".into())
    );
    assert!(message(&text, &Limits::default())
        .contains("invalid type: integer `42`, expected a string"));
    let text = "{\n  \"diplograph\": \"1\",\n  \"title\": 7\n}\n";
    assert_eq!(
        only_problem(text),
        (InvalidValue, Some(3), Some(12), "/title".into())
    );
}

#[test]
fn dates_that_do_not_exist_are_reported_at_the_date() {
    let event = |date: &str| {
        doc(&format!(
            r#"    {{"id": "talks", "kind": "event", "event_kind": "meeting", "name": "Talks", "date": "{date}"}}"#
        ))
    };
    assert_eq!(
        only_problem(&event("2016-02-30")),
        (InvalidDate, Some(5), Some(88), "/nodes/1/date".into())
    );
    assert_eq!(
        only_problem(&event("2016-13")),
        (InvalidDate, Some(5), Some(88), "/nodes/1/date".into())
    );
    assert!(message(&event("2016-02-30"), &Limits::default())
        .contains("that day does not exist in that month"));
    assert!(message(&event("2016-13"), &Limits::default())
        .contains("the month must be between 01 and 12"));
}

#[test]
fn nesting_too_deep_is_a_limit() {
    let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
    let text = doc(&format!(
        r#"    {{"id": "JPN", "kind": "country", "name": "Japan", "attributes": {{"a": {deep}}}}}"#
    ));
    // Levels: document, nodes, node, attributes; the first bracket (column 75) is level 5,
    // so the 61st is level 65.
    let (code, line, column, path) = only_problem(&text);
    assert_eq!((code, line, column), (LimitDepth, Some(5), Some(75 + 60)));
    assert!(path.starts_with("/nodes/1/attributes/a/0/0/"));
    assert!(message(&text, &Limits::default()).contains("max_depth"));
    // Raised, the same text loads ...
    let raised = Limits {
        max_depth: 100,
        ..Limits::default()
    };
    assert!(format::from_str_with(&text, &raised).is_ok());
    // ... but never past what the JSON parser itself accepts.
    let deeper = text.replace(&deep, &format!("{}1{}", "[".repeat(200), "]".repeat(200)));
    let huge = Limits {
        max_depth: 10_000,
        ..Limits::default()
    };
    let (code, line, column, _) = only_problem_with(deeper.as_bytes(), &huge);
    assert_eq!((code, line, column), (LimitDepth, Some(5), Some(75 + 123)));
}

#[test]
fn an_over_long_id_is_a_limit() {
    let id = "x".repeat(257);
    let text = doc(&format!(
        r#"    {{"id": "{id}", "kind": "person", "name": "X"}}"#
    ));
    assert_eq!(
        only_problem(&text),
        (LimitIdLength, Some(5), Some(12), "/nodes/1/id".into())
    );
    assert!(message(&text, &Limits::default())
        .contains("this id is 257 bytes, over the limit of 256 (`Limits::max_id_len`"));
    let ok = text.replace(&id, &"x".repeat(256));
    assert!(format::from_str(&ok).is_ok());
    // Ids are limited wherever they are written, not only on nodes.
    let text = format!(
        "{{\"diplograph\": \"1\", \"edges\": [\n{{\"kind\": \"allied_with\", \"from\": \"KOR\", \"to\": \"{id}\"}}]}}"
    );
    assert_eq!(
        only_problem(&text),
        (LimitIdLength, Some(2), Some(46), "/edges/0/to".into())
    );
}

#[test]
fn too_many_aliases_or_citations_is_a_limit() {
    let aliases: Vec<String> = (0..1001).map(|i| format!("\"alias {i}\"")).collect();
    let text = doc(&format!(
        r#"    {{"id": "JPN", "kind": "country", "name": "Japan", "aliases": [{}]}}"#,
        aliases.join(",")
    ));
    let column = text
        .lines()
        .nth(4)
        .and_then(|l| l.find("\"alias 1000\""))
        .unwrap_or(0)
        + 1;
    assert_eq!(
        only_problem(&text),
        (
            LimitAliases,
            Some(5),
            Some(column),
            "/nodes/1/aliases/1000".into()
        )
    );
    assert!(message(&text, &Limits::default()).contains("max_aliases"));

    let text = doc(
        r#"    {"id": "JPN", "kind": "country", "name": "Japan", "citations": [{"source": "s"}, {"source": "s"}]}"#,
    );
    let one = Limits {
        max_citations: 1,
        ..Limits::default()
    };
    assert_eq!(
        only_problem_with(text.as_bytes(), &one),
        (
            LimitCitations,
            Some(5),
            Some(86),
            "/nodes/1/citations/1".into()
        )
    );
    assert!(message(&text, &one).contains("max_citations"));
}

#[test]
fn long_strings_are_a_limit_except_a_source_text_within_its_own() {
    let small = Limits {
        max_string_len: 11,
        max_source_text_len: 100,
        ..Limits::default()
    };
    let text = doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan, the country"}"#);
    assert_eq!(
        only_problem_with(text.as_bytes(), &small),
        (LimitStringLength, Some(5), Some(46), "/nodes/1/name".into())
    );
    let source = |words: &str| {
        doc(&format!(
            r#"    {{"id": "src", "kind": "source", "name": "Src", "text": "{words}"}}"#
        ))
    };
    assert!(format::from_str_with(&source(&"w".repeat(100)), &small).is_ok());
    assert_eq!(
        only_problem_with(source(&"w".repeat(101)).as_bytes(), &small),
        (
            LimitSourceTextLength,
            Some(5),
            Some(60),
            "/nodes/1/text".into()
        )
    );
    assert!(message(&source(&"w".repeat(101)), &small).contains("max_source_text_len"));
}

#[test]
fn an_input_larger_than_the_limit_is_refused_before_parsing() {
    let text = doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan"}"#);
    let tiny = Limits {
        max_file_size: 10,
        ..Limits::default()
    };
    assert_eq!(
        only_problem_with(text.as_bytes(), &tiny),
        (LimitFileSize, None, None, String::new())
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, &text).unwrap();
    let err = format::load_with(&path, &tiny)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("big.json"), "{err}");
    assert!(err.contains("max_file_size"), "{err}");
    assert!(format::load(&path).is_ok());
}

/// Issue #19 item 5: a problem never echoes a huge key whole; its pointer and message are
/// cut to `error::MAX_ECHO` characters around the echoed text, with "…".
#[test]
fn a_huge_key_is_not_echoed_whole() {
    let key = "k".repeat(100_000);
    let unknown = doc(&format!(
        r#"    {{"id": "JPN", "kind": "country", "name": "Japan", "{key}": 1}}"#
    ));
    let repeated = format!("{{\"diplograph\": \"1\", \"{key}\": 1, \"{key}\": 2}}");
    for text in [unknown, repeated] {
        let err = format::from_str(&text).err();
        let problems = err.as_ref().and_then(|e| e.problems()).unwrap_or_default();
        assert!(!problems.is_empty());
        for p in problems {
            let path = p.location.path.chars().count();
            let message = p.message.chars().count();
            assert!(
                path <= diplograph::error::MAX_ECHO,
                "pointer of {path} chars"
            );
            assert!(
                message <= 3 * diplograph::error::MAX_ECHO,
                "message of {message} chars"
            );
            assert!(p.message.contains('…') || message < 200, "{}", p.message);
        }
    }
    let repeated = format!("{{\"diplograph\": \"1\", \"{key}\": 1, \"{key}\": 2}}");
    let err = format::from_str(&repeated).err();
    let problems = err.as_ref().and_then(|e| e.problems()).unwrap_or_default();
    let duplicate = problems
        .iter()
        .find(|p| p.message.contains("appears twice"))
        .map(|p| p.message.clone());
    assert_eq!(
        duplicate,
        Some(format!(
            "the key `{}…` appears twice in this object (first at 1:21); keep one",
            "k".repeat(199)
        ))
    );
}

/// Issue #19 item 10: an integer no 64-bit integer holds is refused where it is written,
/// never turned into a double; the extremes that fit load and save back digit for digit.
#[test]
fn an_integer_past_64_bits_is_refused_not_rounded() {
    let node = |value: &str| {
        doc(&format!(
            r#"    {{"id": "JPN", "kind": "country", "name": "Japan", "attributes": {{"n": {value}}}}}"#
        ))
    };
    for (value, column) in [("18446744073709551616", 75), ("-9223372036854775809", 75)] {
        assert_eq!(
            only_problem(&node(value)),
            (
                ProblemCode::OutOfRange,
                Some(5),
                Some(column),
                "/nodes/1/attributes/n".to_owned()
            ),
            "{value}"
        );
    }
    for value in [
        "18446744073709551615",
        "-9223372036854775808",
        "12345678901234567890",
    ] {
        let g = format::from_str(&node(value));
        let saved = g.as_ref().map(format::to_string).unwrap_or_default();
        assert!(saved.contains(&format!(": {value}")), "{value}: {g:?}");
    }
}

/// Issue #19 item 21: a lone UTF-16 surrogate escape is not a character: `json-syntax`, at the
/// escape itself, in a value or in a key; a proper pair loads.
#[test]
fn a_lone_surrogate_is_a_syntax_problem_at_the_escape() {
    let cases = [
        (
            r#"    {"id": "JPN", "kind": "country", "name": "Ja\ud800pan"}"#,
            49,
            "/nodes/1/name",
        ),
        (
            r#"    {"id": "JPN", "kind": "country", "name": "Japan\udc00"}"#,
            52,
            "/nodes/1/name",
        ),
        (
            r#"    {"id": "JPN", "kind": "country", "name": "Japan", "\ud83d": 1}"#,
            56,
            "/nodes/1",
        ),
    ];
    for (line5, column, pointer) in cases {
        assert_eq!(
            only_problem(&doc(line5)),
            (JsonSyntax, Some(5), Some(column), pointer.to_owned()),
            "{line5}"
        );
    }
    let pair = doc(r#"    {"id": "JPN", "kind": "country", "name": "Japan \ud83d\uddfe"}"#);
    let g = format::from_str(&pair);
    assert_eq!(
        g.ok().and_then(|g| g.node("JPN").map(|n| n.name.clone())),
        Some("Japan 🗾".to_owned())
    );
}
