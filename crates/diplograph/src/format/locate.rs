//! Locating problems in the input text: byte offsets to line and column, and a small JSON
//! walker that follows a pointer from an element's start to the value it names.

use std::path::{Path, PathBuf};

use super::limits::{skip_ws, string_end};
use crate::error::Location;

/// Turns byte offsets into line:column, for one input text.
pub(super) struct Locator<'t> {
    text: &'t str,
    file: Option<PathBuf>,
    lines: std::cell::OnceCell<LineTable>,
}

/// Byte offsets to line and column (in characters), for one text: built once in O(size),
/// keeping O(size / [`LineTable::BLOCK`]) numbers; each lookup then reads at most one block,
/// so locating every problem of a file costs O(size + problems × block), not
/// O(problems × size).
pub(super) struct LineTable {
    /// What is known at the start of each block, and one more for the end.
    blocks: Vec<BlockStart>,
}

#[derive(Clone, Copy, Default)]
struct BlockStart {
    /// Characters before the block.
    chars: usize,
    /// Newlines before the block.
    lines: usize,
    /// Characters before the line the block starts in.
    line_chars: usize,
}

/// Whether a byte starts a UTF-8 character (is not a continuation byte).
fn starts_char(c: u8) -> bool {
    c & 0xC0 != 0x80
}

impl LineTable {
    /// Bytes per block: the most one lookup reads.
    pub(super) const BLOCK: usize = 1024;

    pub(super) fn new(b: &[u8]) -> Self {
        let mut blocks = Vec::with_capacity(b.len() / Self::BLOCK + 2);
        let mut at = BlockStart::default();
        for chunk in b.chunks(Self::BLOCK) {
            blocks.push(at);
            for &c in chunk {
                if starts_char(c) {
                    at.chars += 1;
                }
                if c == b'\n' {
                    at.lines += 1;
                    at.line_chars = at.chars;
                }
            }
        }
        blocks.push(at);
        LineTable { blocks }
    }

    /// The 1-based line and column of `offset` in `b` (the text the table was built from).
    pub(super) fn locate(&self, b: &[u8], offset: usize) -> (usize, usize) {
        self.locate_counting(b, offset).0
    }

    /// [`LineTable::locate`], with the number of bytes it read.
    fn locate_counting(&self, b: &[u8], offset: usize) -> ((usize, usize), usize) {
        let offset = offset.min(b.len());
        let block = offset / Self::BLOCK;
        let at = self
            .blocks
            .get(block)
            .or(self.blocks.last())
            .copied()
            .unwrap_or_default();
        let start = block * Self::BLOCK;
        let segment = b.get(start..offset).unwrap_or_default();
        let (mut line, mut line_chars, mut chars) = (at.lines, at.line_chars, at.chars);
        for &c in segment {
            if starts_char(c) {
                chars += 1;
            }
            if c == b'\n' {
                line += 1;
                line_chars = chars;
            }
        }
        ((line + 1, chars - line_chars + 1), segment.len())
    }
}

impl<'t> Locator<'t> {
    pub(super) fn new(text: &'t str, file: Option<&Path>) -> Self {
        Locator {
            text,
            file: file.map(Path::to_path_buf),
            lines: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn at_offset(&self, offset: usize, path: String) -> Location {
        let b = self.text.as_bytes();
        let (line, column) = self
            .lines
            .get_or_init(|| LineTable::new(b))
            .locate(b, offset);
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

    /// Issue #19 item 5: every offset gets the line and column a full rescan gives (columns
    /// in characters), while one lookup reads at most one block of the text, not the whole
    /// text before it.
    #[test]
    fn line_table_agrees_with_a_rescan_and_reads_one_block() {
        let mut text = String::from("ab\nçé\n\n");
        text.push_str(&"x€".repeat(3000));
        text.push_str("\nend\n");
        text.push_str(&"y".repeat(5000));
        let table = LineTable::new(text.as_bytes());
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let (found, read) = table.locate_counting(text.as_bytes(), offset);
            assert_eq!(found, (line, column), "offset {offset}");
            assert!(
                read <= LineTable::BLOCK,
                "offset {offset} read {read} bytes"
            );
        }
    }
}
