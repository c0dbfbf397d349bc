//! Locating problems in the input text: byte offsets to line and column, and a small JSON
//! walker that follows a pointer from an element's start to the value it names.

use std::path::{Path, PathBuf};

use super::limits::{skip_ws, string_end};
use crate::error::Location;

/// Turns byte offsets into line:column, for one input text.
pub(super) struct Locator<'t> {
    text: &'t str,
    file: Option<PathBuf>,
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'t> Locator<'t> {
    pub(super) fn new(text: &'t str, file: Option<&Path>) -> Self {
        Locator {
            text,
            file: file.map(Path::to_path_buf),
            line_starts: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn at_offset(&self, offset: usize, path: String) -> Location {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(1, |s| s.chars().count() + 1);
        Location {
            file: self.file.clone(),
            path,
            line: Some(line),
            column: Some(column),
        }
    }

    pub(super) fn at_line_col(&self, line: usize, column: usize, path: String) -> Location {
        Location {
            file: self.file.clone(),
            path,
            line: Some(line.max(1)),
            column: Some(column.max(1)),
        }
    }

    /// The location of the value at `pointer` inside the element starting at `base`.
    pub(super) fn at_pointer(&self, base: usize, element_path: &str, pointer: &str) -> Location {
        let segs: Vec<&str> = pointer.split('/').filter(|s| !s.is_empty()).collect();
        let offset = find_pointer(self.text.as_bytes(), base, &segs).unwrap_or(base);
        self.at_offset(offset, format!("{element_path}{pointer}"))
    }
}

/// Where `inner`, a slice of `outer`, starts in it.
pub(super) fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Where the JSON value starting at (or after blanks from) `i` ends.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_ws(b, i);
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match b.get(j)? {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while b
                .get(j)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
            {
                j += 1;
            }
            Some(j)
        }
    }
}

fn find_pointer(b: &[u8], start: usize, segs: &[&str]) -> Option<usize> {
    let mut i = skip_ws(b, start);
    let Some((seg, rest)) = segs.split_first() else {
        return Some(i);
    };
    match b.get(i)? {
        b'{' => {
            i += 1;
            loop {
                i = skip_ws(b, i);
                if *b.get(i)? != b'"' {
                    return None;
                }
                let key_end = string_end(b, i)?;
                let key = b.get(i + 1..key_end - 1)?;
                i = skip_ws(b, key_end);
                if *b.get(i)? != b':' {
                    return None;
                }
                i = skip_ws(b, i + 1);
                if key == seg.as_bytes() {
                    return find_pointer(b, i, rest);
                }
                i = skip_ws(b, skip_value(b, i)?);
                if *b.get(i)? != b',' {
                    return None;
                }
                i += 1;
            }
        }
        b'[' => {
            let want: usize = seg.parse().ok()?;
            i += 1;
            let mut n = 0;
            loop {
                i = skip_ws(b, i);
                if *b.get(i)? == b']' {
                    return None;
                }
                if n == want {
                    return find_pointer(b, i, rest);
                }
                i = skip_ws(b, skip_value(b, i)?);
                if *b.get(i)? != b',' {
                    return None;
                }
                i += 1;
                n += 1;
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_walker_finds_nested_values() {
        let text = r#"{"a": [1, {"b": "x\"y", "c": [true, null]}], "d": 2}"#;
        let b = text.as_bytes();
        assert_eq!(
            find_pointer(b, 0, &["d"]).map(|i| &text[i..i + 1]),
            Some("2")
        );
        assert_eq!(
            find_pointer(b, 0, &["a", "1", "c", "1"]).map(|i| &text[i..i + 4]),
            Some("null")
        );
        assert_eq!(find_pointer(b, 0, &["a", "5"]), None);
        assert_eq!(find_pointer(b, 0, &["zz"]), None);
    }
}
