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
        (Some(Node | Edge | Step), Some("citations"), true) => Citations,
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
    }
    .run()
}

struct Scan<'t, 'l> {
    b: &'t [u8],
    text: &'t str,
    limits: &'l Limits,
    stack: Vec<Frame<'t>>,
    found: Vec<Finding>,
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
                    while self
                        .b
                        .get(i + 1)
                        .is_some_and(|c| !b",:[]{}\" \t\n\r".contains(c))
                    {
                        i += 1;
                    }
                }
            }
            i += 1;
        }
        self.found
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
                "the key `{key}` appears twice in this object (first at {first}); keep one"
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
            | (Some(Role::Edge), Some("from" | "to" | "on_behalf_of"))
            | (Some(Role::Citation), Some("source"))
            | (Some(Role::Step), Some("party"))
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
        let before = self.text.get(..offset).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{line}:{column}")
    }
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
