//! Limits on what a file may hold, and the one pass over the raw text that enforces them
//! (together with the rule that no object repeats a key) before anything is parsed or built.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::error::ProblemCode;

/// Limits on the input a loader accepts, so that a hostile or broken file gets a clear
/// `limit-…` problem of its own (`limit-depth`, `limit-id-length` …) instead of exhausting
/// memory or the stack.
///
/// The defaults are far above anything a real dataset needs; raise a limit by loading with
/// [`crate::format::from_str_with`], [`crate::format::from_slice_with`] or
/// [`crate::format::load_with`]:
///
/// ```
/// use diplograph::format::{self, Limits};
/// let text = r#"{"diplograph": "1", "nodes": [
///     {"id": "KOR", "kind": "country", "name": "South Korea", "aliases": ["ROK", "the South"]}]}"#;
/// let strict = Limits { max_aliases: 1, ..Limits::default() };
/// let err = format::from_str_with(text, &strict).unwrap_err();
/// let p = &err.problems().unwrap()[0];
/// assert_eq!(p.code.as_str(), "limit-aliases");
/// assert_eq!((p.location.line, p.location.column), (Some(2), Some(80))); // the second alias
/// assert!(format::from_str_with(text, &Limits::default()).is_ok());
/// ```
///
/// Lengths are counted in bytes of UTF-8 as read, once escapes are decoded (`\n` counts as one
/// byte, `\u00e9` as the two of `é`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The largest input, in bytes. Default: 1 GiB.
    pub max_file_size: u64,
    /// How deeply arrays and objects may nest (the document itself is level 1). Default: 64;
    /// at most 127 is ever accepted, the JSON parser's own limit.
    pub max_depth: usize,
    /// The longest string (keys included), except a source's `text`. Default: 1 MiB.
    pub max_string_len: usize,
    /// The longest `text` of a source node. Default: 64 MiB.
    pub max_source_text_len: usize,
    /// The longest id, wherever one is written (`id`, `from`, `to`, `on_behalf_of`, a
    /// citation's `source` and `via`, a lifecycle step's `party`). Default: 256.
    pub max_id_len: usize,
    /// The most aliases one node may have. Default: 1000.
    pub max_aliases: usize,
    /// The most citations one node, edge or lifecycle step may have. Default: 10 000.
    pub max_citations: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 1 << 30,
            max_depth: 64,
            max_string_len: 1 << 20,
            max_source_text_len: 64 << 20,
            max_id_len: 256,
            max_aliases: 1000,
            max_citations: 10_000,
        }
    }
}

/// The message for an exceeded limit: what, how big, the limit and how to raise it.
pub(super) fn exceeded(
    what: &str,
    found: impl std::fmt::Display,
    limit: &str,
    max: impl std::fmt::Display,
) -> String {
    format!(
        "{what} is {found}, over the limit of {max} (`Limits::{limit}`; to accept it, load with \
         a larger `{limit}` through `format::from_str_with` / `load_with`)"
    )
}

/// The deepest nesting serde_json parses (it refuses the 128th level).
pub(super) const PARSER_MAX_DEPTH: usize = 127;

/// What a container is, as far as the limits are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Root,
    Nodes,
    Node,
    Edges,
    Edge,
    Aliases,
    Citations,
    Citation,
    Via,
    Lifecycle,
    Step,
    /// A statement's `cue`.
    Cue,
    /// Inside `attributes` or `external_ids`: any shape, only the generic limits apply.
    FreeForm,
    Other,
}

fn child_role(parent: Option<Role>, key: Option<&str>, array: bool) -> Role {
    use Role::*;
    match (parent, key, array) {
        (None, _, false) => Root,
        (Some(FreeForm), _, _) | (Some(_), Some("attributes" | "external_ids"), _) => FreeForm,
        (Some(Root), Some("nodes"), true) => Nodes,
        (Some(Root), Some("edges"), true) => Edges,
        (Some(Nodes), None, false) => Node,
        (Some(Edges), None, false) => Edge,
        (Some(Node), Some("aliases"), true) => Aliases,
        (Some(Node), Some("cue"), false) => Cue,
        (Some(Node | Edge | Step | Cue), Some("citations"), true) => Citations,
        (Some(Citations), None, false) => Citation,
        (Some(Citation), Some("via"), true) => Via,
        (Some(Node), Some("lifecycle"), true) => Lifecycle,
        (Some(Lifecycle), None, false) => Step,
        _ => Other,
    }
}

/// An open array or object.
struct Frame<'t> {
    role: Role,
    array: bool,
    /// Objects: each key seen, with where it was; the key whose value comes next.
    keys: HashMap<Cow<'t, str>, usize>,
    key: Option<Cow<'t, str>>,
    /// Arrays: how many elements have started.
    len: usize,
}

/// A problem found by the scan: its code, the byte offset it is at, a JSON pointer and a message.
pub(super) struct Finding {
    pub code: ProblemCode,
    pub offset: usize,
    pub path: String,
    pub message: String,
}

/// Scans the raw text once, without building anything: nesting depth, string and id lengths,
/// aliases and citations per item, and repeated keys in any object. Malformed JSON is left for
/// the parser to report; the scan then simply stops. Cost: O(length of text).
pub(super) fn scan(text: &str, limits: &Limits) -> Vec<Finding> {
    Scan {
        b: text.as_bytes(),
        text,
        limits,
        stack: Vec::new(),
        found: Vec::new(),
        lines: std::cell::OnceCell::new(),
    }
    .run()
}

struct Scan<'t, 'l> {
    b: &'t [u8],
    text: &'t str,
    limits: &'l Limits,
    stack: Vec<Frame<'t>>,
    found: Vec<Finding>,
    /// Built at the first repeated key, to say where the first one was.
    lines: std::cell::OnceCell<super::locate::LineTable>,
}

impl<'t> Scan<'t, '_> {
    fn run(mut self) -> Vec<Finding> {
        let mut i = 0;
        while let Some(&c) = self.b.get(i) {
            match c {
                b'"' => {
                    let Some(end) = string_end(self.b, i) else {
                        break;
                    };
                    let after = skip_ws(self.b, end);
                    let is_key = self.b.get(after) == Some(&b':')
                        && self.stack.last().is_some_and(|f| !f.array);
                    if let Some(at) = lone_surrogate(self.b, i, end) {
                        self.lone_surrogate_at(at, is_key);
                    }
                    if is_key {
                        self.key(i, end);
                        i = after + 1;
                        continue;
                    }
                    self.value_starts(i);
                    self.string_value(i, end);
                    i = end;
                    continue;
                }
                b'{' | b'[' => {
                    self.value_starts(i);
                    let parent = self.stack.last();
                    let key = parent.filter(|f| !f.array).and_then(|f| f.key.as_deref());
                    let role = child_role(parent.map(|f| f.role), key, c == b'[');
                    let max_depth = self.limits.max_depth.min(PARSER_MAX_DEPTH);
                    if self.stack.len() >= max_depth {
                        let deep = format!("{} levels deep", self.stack.len() + 1);
                        let message = if max_depth < self.limits.max_depth {
                            format!("the nesting here is {deep}, over the JSON parser's own limit of {max_depth} levels")
                        } else {
                            exceeded(
                                "the nesting here",
                                deep,
                                "max_depth",
                                format!("{max_depth} levels"),
                            )
                        };
                        self.report(ProblemCode::LimitDepth, i, message);
                        break; // nothing deeper is worth looking at
                    }
                    self.stack.push(Frame {
                        role,
                        array: c == b'[',
                        keys: HashMap::new(),
                        key: None,
                        len: 0,
                    });
                }
                b'}' | b']' => {
                    if self.stack.pop().is_none() {
                        break;
                    }
                }
                b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
                _ => {
                    // A number, `true`, `false`, `null` (or garbage the parser will report).
                    self.value_starts(i);
                    let start = i;
                    while self
                        .b
                        .get(i + 1)
                        .is_some_and(|c| !b",:[]{}\" \t\n\r".contains(c))
                    {
                        i += 1;
                    }
                    self.integer_in_range(start, i + 1);
                }
            }
            i += 1;
        }
        self.found
    }

    /// An integer token `text[start..end]` that no `i64` or `u64` holds would be read as a
    /// double and silently rounded: refuse it where it is written.
    fn integer_in_range(&mut self, start: usize, end: usize) {
        let token = self.text.get(start..end).unwrap_or_default();
        if !is_out_of_range_integer(token) {
            return;
        }
        let message = format!(
            "the integer {} is outside what a number keeps exactly (-2^63 to 2^64-1) and would \
             be rounded; write it as a string, or with a decimal point if an approximation is meant",
            crate::error::shorten(token, crate::error::MAX_ECHO)
        );
        self.report(ProblemCode::OutOfRange, start, message);
    }

    /// A key `text[start..end]` (quotes included) in the innermost object.
    fn key(&mut self, start: usize, end: usize) {
        let raw = self.text.get(start + 1..end - 1).unwrap_or_default();
        let key: Cow<'t, str> = if raw.contains('\\') {
            let quoted = self.text.get(start..end).unwrap_or_default();
            serde_json::from_str::<String>(quoted).map_or(Cow::Borrowed(raw), Cow::Owned)
        } else {
            Cow::Borrowed(raw)
        };
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        frame.key = Some(key.clone());
        let first = frame.keys.get(&key).copied();
        if first.is_none() {
            frame.keys.insert(key.clone(), start);
        }
        if key.len() > self.limits.max_string_len {
            let m = exceeded(
                "this key",
                format!("{} bytes", key.len()),
                "max_string_len",
                self.limits.max_string_len,
            );
            self.report(ProblemCode::LimitStringLength, start, m);
        }
        if let Some(first) = first {
            let first = self.line_col(first);
            let message = format!(
                "the key `{}` appears twice in this object (first at {first}); keep one",
                crate::error::shorten(&key, crate::error::MAX_ECHO)
            );
            self.report(ProblemCode::InvalidValue, start, message);
        }
    }

    /// A value starts at `at`: count it if it is an element of an array with a limit.
    fn value_starts(&mut self, at: usize) {
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        if !frame.array {
            return;
        }
        frame.len += 1;
        let (code, what, limit, max) = match frame.role {
            Role::Aliases => (
                ProblemCode::LimitAliases,
                "this node's number of aliases",
                "max_aliases",
                self.limits.max_aliases,
            ),
            Role::Citations => (
                ProblemCode::LimitCitations,
                "this item's number of citations",
                "max_citations",
                self.limits.max_citations,
            ),
            _ => return,
        };
        let len = frame.len;
        if len == max.saturating_add(1) {
            self.report(code, at, exceeded(what, len, limit, max));
        }
    }

    /// A string value `text[start..end]` (quotes included).
    fn string_value(&mut self, start: usize, end: usize) {
        let frame = self.stack.last();
        let role = frame.map(|f| f.role);
        let key = frame.filter(|f| !f.array).and_then(|f| f.key.as_deref());
        let l = self.limits;
        let (code, what, limit, max) = match (role, key) {
            (Some(Role::Node), Some("text")) => (
                ProblemCode::LimitSourceTextLength,
                "this source text",
                "max_source_text_len",
                l.max_source_text_len,
            ),
            (Some(Role::Node), Some("id"))
            | (Some(Role::Edge), Some("from" | "to" | "on_behalf_of" | "acting_for" | "place"))
            | (Some(Role::Citation), Some("source"))
            | (Some(Role::Step), Some("party" | "place"))
            | (Some(Role::Via), None) => (
                ProblemCode::LimitIdLength,
                "this id",
                "max_id_len",
                l.max_id_len,
            ),
            _ => (
                ProblemCode::LimitStringLength,
                "this string",
                "max_string_len",
                l.max_string_len,
            ),
        };
        let len = self.read_len(start, end);
        if len > max {
            self.report(
                code,
                start,
                exceeded(what, format!("{len} bytes"), limit, max),
            );
        }
    }

    /// The length in bytes of the string `text[start..end]` (quotes included) once its escapes
    /// are read: what a program gets, and what the direct path measures.
    fn read_len(&self, start: usize, end: usize) -> usize {
        let raw = self.text.get(start + 1..end - 1).unwrap_or_default();
        if !raw.contains('\\') {
            return raw.len();
        }
        let quoted = self.text.get(start..end).unwrap_or_default();
        serde_json::from_str::<String>(quoted).map_or(raw.len(), |s| s.len())
    }

    /// A lone surrogate escape at `at`: not a character, so not JSON text. In a key, the
    /// problem is placed at the object holding it.
    fn lone_surrogate_at(&mut self, at: usize, in_key: bool) {
        let escape = self.text.get(at..at + 6).unwrap_or_default();
        let message = format!(
            "malformed JSON: `{escape}` is half of a UTF-16 surrogate pair with no other half, \
             not a character; write the character itself or the whole pair"
        );
        let kept = in_key.then(|| self.stack.last_mut().and_then(|f| f.key.take()));
        self.report(ProblemCode::JsonSyntax, at, message);
        if let (Some(key), Some(f)) = (kept, self.stack.last_mut()) {
            f.key = key;
        }
    }

    fn report(&mut self, code: ProblemCode, offset: usize, message: String) {
        let mut path = String::new();
        for f in &self.stack {
            if f.array {
                path.push_str(&format!("/{}", f.len.saturating_sub(1)));
            } else if let Some(k) = &f.key {
                path.push('/');
                path.push_str(&k.replace('~', "~0").replace('/', "~1"));
            }
        }
        self.found.push(Finding {
            code,
            offset,
            path,
            message,
        });
    }

    fn line_col(&self, offset: usize) -> String {
        let (line, column) = self
            .lines
            .get_or_init(|| super::locate::LineTable::new(self.b))
            .locate(self.b, offset);
        format!("{line}:{column}")
    }
}

/// The offset of the first `\uXXXX` escape in the string `b[start..end]` that is a lone UTF-16
/// surrogate (a high one not followed by a low one, or a low one alone), if any. Cost: one
/// pass over the string, only when it holds a backslash.
fn lone_surrogate(b: &[u8], start: usize, end: usize) -> Option<usize> {
    let s = b.get(start..end)?;
    if !s.contains(&b'\\') {
        return None;
    }
    let unit = |i: usize| -> Option<u16> {
        let hex = s.get(i + 2..i + 6)?;
        if s.get(i..i + 2)? != b"\\u" {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < s.len() {
        if s.get(i) != Some(&b'\\') {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) => {
                if !matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) {
                    return Some(start + i);
                }
                i += 12;
            }
            Some(0xDC00..=0xDFFF) => return Some(start + i),
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    None
}

/// Whether `token` is a JSON integer (an optional `-`, then digits only) that neither `i64`
/// nor `u64` holds.
pub(super) fn is_out_of_range_integer(token: &str) -> bool {
    let digits = token.strip_prefix('-').unwrap_or(token);
    !digits.is_empty()
        && digits.bytes().all(|c| c.is_ascii_digit())
        && token.parse::<i64>().is_err()
        && token.parse::<u64>().is_err()
}

/// Whether `b` holds a run of 19 digits or more (inside a string or not): the shortest an
/// integer outside `i64` and `u64` can be. Cost: one pass over `b`.
pub(super) fn has_long_digit_run(b: &[u8]) -> bool {
    let mut run = 0usize;
    for &c in b {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 19 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The offset just past the string starting at `start`, or `None` if it is not terminated.
pub(super) fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// What the builder and merge check against the loader's limits: a graph they make can always
/// be saved and loaded back with [`Limits::default`]. Each check uses the same limit field and
/// problem code as [`scan`] (the loader's pass over the text).
pub(crate) mod built {
    use super::Limits;
    use crate::error::{Problem, ProblemCode};
    use crate::model::{Edge, Node, NodeDetails};
    use crate::provenance::Citation;

    /// A key as one token of a JSON pointer (`~` and `/` escaped).
    fn pointer_token(key: &str) -> String {
        key.replace('~', "~0").replace('/', "~1")
    }

    /// Collects the limits one node or edge breaks.
    struct Check<'a> {
        limits: &'a Limits,
        id: &'a str,
        problems: Vec<Problem>,
    }

    impl Check<'_> {
        fn push(
            &mut self,
            code: ProblemCode,
            path: &str,
            what: &str,
            found: &str,
            limit: &str,
            max: usize,
        ) {
            let message = format!(
                "{what} is {found}, over the limit of {max} (`Limits::{limit}`) that loading \
                 applies; a graph holding it could be saved but not loaded back"
            );
            self.problems
                .push(Problem::new(code, message, path).with_id(self.id));
        }

        // Paths are built only for a value over its limit: most values are within theirs.
        fn id(&mut self, path: &dyn Fn() -> String, value: &str) {
            let max = self.limits.max_id_len;
            if value.len() > max {
                let found = format!("{} bytes", value.len());
                self.push(
                    ProblemCode::LimitIdLength,
                    &path(),
                    "this id",
                    &found,
                    "max_id_len",
                    max,
                );
            }
        }

        fn string(&mut self, path: &dyn Fn() -> String, value: &str) {
            let max = self.limits.max_string_len;
            if value.len() > max {
                let found = format!("{} bytes", value.len());
                self.push(
                    ProblemCode::LimitStringLength,
                    &path(),
                    "this string",
                    &found,
                    "max_string_len",
                    max,
                );
            }
        }

        fn json(&mut self, path: &dyn Fn() -> String, value: &serde_json::Value) {
            match value {
                serde_json::Value::String(s) => self.string(path, s),
                serde_json::Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        self.json(&|| format!("{}/{i}", path()), v);
                    }
                }
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        let at = || format!("{}/{}", path(), pointer_token(k));
                        self.string(&at, k);
                        self.json(&at, v);
                    }
                }
                _ => {}
            }
        }

        fn citations(&mut self, path: &dyn Fn() -> String, citations: &[Citation]) {
            let max = self.limits.max_citations;
            if citations.len() > max {
                let found = citations.len().to_string();
                let what = "the number of citations";
                self.push(
                    ProblemCode::LimitCitations,
                    &path(),
                    what,
                    &found,
                    "max_citations",
                    max,
                );
            }
            for (i, c) in citations.iter().enumerate() {
                self.id(&|| format!("{}/{i}/source", path()), &c.source);
                for (j, v) in c.via.iter().enumerate() {
                    self.id(&|| format!("{}/{i}/via/{j}", path()), v);
                }
                if let Some(t) = &c.text {
                    self.string(&|| format!("{}/{i}/text", path()), t);
                }
            }
        }
    }

    /// The limits `node` breaks (none for any node a default load accepts).
    pub(crate) fn node(node: &Node, limits: &Limits) -> Vec<Problem> {
        let mut c = Check {
            limits,
            id: &node.id,
            problems: Vec::new(),
        };
        c.id(&|| "/id".to_owned(), &node.id);
        c.string(&|| "/name".to_owned(), &node.name);
        let max = limits.max_aliases;
        if node.aliases.len() > max {
            let found = node.aliases.len().to_string();
            c.push(
                ProblemCode::LimitAliases,
                "/aliases",
                "the number of aliases",
                &found,
                "max_aliases",
                max,
            );
        }
        for (i, a) in node.aliases.iter().enumerate() {
            c.string(&|| format!("/aliases/{i}"), a);
        }
        for (k, v) in &node.external_ids {
            c.string(&|| "/external_ids".to_owned(), k);
            c.string(&|| format!("/external_ids/{k}"), v);
        }
        for (k, v) in &node.attributes {
            let at = || format!("/attributes/{}", pointer_token(k));
            c.string(&at, k);
            c.json(&at, v);
        }
        c.citations(&|| "/citations".to_owned(), &node.citations);
        if let Some(description) = &node.unnamed {
            c.string(&|| "/description".to_owned(), description);
        }
        match &node.details {
            NodeDetails::Statement { cue: Some(cue), .. } => {
                c.string(&|| "/cue/words".to_owned(), &cue.words);
                c.citations(&|| "/cue/citations".to_owned(), &cue.citations);
            }
            NodeDetails::Source { text: Some(t), .. } => {
                let max = limits.max_source_text_len;
                if t.len() > max {
                    let found = format!("{} bytes", t.len());
                    c.push(
                        ProblemCode::LimitSourceTextLength,
                        "/text",
                        "this source text",
                        &found,
                        "max_source_text_len",
                        max,
                    );
                }
            }
            NodeDetails::Agreement {
                lifecycle, terms, ..
            } => {
                if let Some(t) = terms {
                    if let Some(r) = &t.renewal {
                        c.string(&|| "/renewal/terms".to_owned(), &r.terms);
                    }
                    for (name, cs) in t.cited() {
                        c.citations(&|| format!("/{name}/citations"), cs);
                    }
                }
                for (i, step) in lifecycle.iter().enumerate() {
                    if let Some(p) = &step.party {
                        c.id(&|| format!("/lifecycle/{i}/party"), p);
                    }
                    if let Some(p) = &step.place {
                        c.id(&|| format!("/lifecycle/{i}/place"), p);
                    }
                    for (name, v) in [("condition", &step.condition), ("note", &step.note)] {
                        if let Some(v) = v {
                            c.string(&|| format!("/lifecycle/{i}/{name}"), v);
                        }
                    }
                    c.citations(&|| format!("/lifecycle/{i}/citations"), &step.citations);
                }
            }
            _ => {}
        }
        c.problems
    }

    /// The limits `edge` breaks (none for any edge a default load accepts).
    pub(crate) fn edge(edge: &Edge, id: &str, limits: &Limits) -> Vec<Problem> {
        let mut c = Check {
            limits,
            id,
            problems: Vec::new(),
        };
        if let Some(q) = edge.qualifiers.as_deref() {
            if let Some(p) = &q.on_behalf_of {
                c.id(&|| "/on_behalf_of".to_owned(), p);
            }
            if let Some(p) = &q.acting_for {
                c.id(&|| "/acting_for".to_owned(), p);
            }
            if let Some(p) = &q.place {
                c.id(&|| "/place".to_owned(), p);
            }
            for (key, text) in [
                ("title", &q.title),
                ("amount", &q.amount),
                ("relation", &q.relation),
            ] {
                if let Some(t) = text {
                    c.string(&|| format!("/{key}"), t);
                }
            }
        }
        for (k, v) in &edge.attributes {
            let at = || format!("/attributes/{}", pointer_token(k));
            c.string(&at, k);
            c.json(&at, v);
        }
        c.citations(&|| "/citations".to_owned(), &edge.citations);
        c.problems
    }
}
