//! XML escaping shared by GraphML and GEXF.
//!
//! Complete for XML 1.0: `&`, `<`, `>`, `"` and `'` become entities; in attribute values tab,
//! line feed and carriage return become character references so that attribute-value
//! normalization does not turn them into spaces (and a carriage return in text becomes `&#13;`
//! so that line-end normalization keeps it); characters XML 1.0 does not allow at all (C0
//! controls other than tab, LF and CR; U+FFFE; U+FFFF) are replaced with U+FFFD.
//!
//! Names that must stay one-to-one (ids, attribute names) are first made safe with
//! [`encode_name`], so that no two of them become the same text.

use std::borrow::Cow;

/// `s` with every character `keep` refuses written `_xHHHH_` (its code point, at least four
/// upper-case hex digits), and so every `_` that is followed by `x`: the encoding is
/// one-to-one, and undone by reading each `_xHHHH_` back as its character. GraphML ids and
/// attribute names, GEXF ids, CSV ids and column names, and DOT ids use it, each with the
/// characters its format cannot hold. A name with nothing to encode is borrowed as it is.
pub(crate) fn encode_name(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let needs = |(i, c): (usize, char)| {
        !keep(c) || (c == '_' && s.get(i + 1..).is_some_and(|r| r.starts_with('x')))
    };
    if !s.char_indices().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if needs((i, c)) {
            out.push_str(&format!("_x{:04X}_", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends `s` escaped for use inside a double-quoted attribute value.
pub(crate) fn attr(out: &mut Vec<u8>, s: &str) {
    escape(out, s.as_bytes(), &ATTR);
}

/// Appends `s` escaped for use as element text.
pub(crate) fn text(out: &mut Vec<u8>, s: &str) {
    escape(out, s.as_bytes(), &TEXT);
}

/// Appends UTF-8 bytes (JSON or number text written for a cell) escaped as element text.
pub(crate) fn text_bytes(out: &mut Vec<u8>, s: &[u8]) {
    escape(out, s, &TEXT);
}

/// Appends UTF-8 bytes escaped for use inside a double-quoted attribute value.
pub(crate) fn attr_bytes(out: &mut Vec<u8>, s: &[u8]) {
    escape(out, s, &ATTR);
}

/// Which bytes may need a replacement: 0 for none, else the class of the byte. The lead byte
/// 0xEF is only a candidate (U+FFFE and U+FFFF start with it).
const PLAIN: u8 = 0;
const CONTROL: u8 = 1;
const LEAD_EF: u8 = 2;
const ENTITY: u8 = 3;

const fn table(in_attr: bool) -> [u8; 256] {
    let mut t = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = CONTROL;
        b += 1;
    }
    if !in_attr {
        t[b'\t' as usize] = PLAIN;
        t[b'\n' as usize] = PLAIN;
    }
    t[b'&' as usize] = ENTITY;
    t[b'<' as usize] = ENTITY;
    t[b'>' as usize] = ENTITY;
    t[b'"' as usize] = ENTITY;
    t[b'\'' as usize] = ENTITY;
    t[0xEF] = LEAD_EF;
    t
}

static ATTR: [u8; 256] = table(true);
static TEXT: [u8; 256] = table(false);

/// Copies runs of bytes that need nothing in one piece, and replaces the others: the
/// characters XML gives meaning to by entities, tab/LF/CR (where `table` marks them) by
/// character references, and characters XML 1.0 forbids by U+FFFD. `s` is UTF-8, so an ASCII
/// byte is always a whole character.
fn escape(out: &mut Vec<u8>, s: &[u8], table: &[u8; 256]) {
    let mut start = 0;
    let mut i = 0;
    loop {
        // Skip eight plain bytes at a time: one test per chunk, not per byte.
        while let Some(chunk) = s.get(i..i + 8) {
            if chunk.iter().fold(PLAIN, |a, &b| a | table[usize::from(b)]) != PLAIN {
                break;
            }
            i += 8;
        }
        let Some(&b) = s.get(i) else {
            break;
        };
        let class = table[usize::from(b)];
        if class == PLAIN {
            i += 1;
            continue;
        }
        let (rep, len): (&[u8], usize) = match b {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'"' => (b"&quot;", 1),
            b'\'' => (b"&apos;", 1),
            b'\r' => (b"&#13;", 1),
            b'\n' => (b"&#10;", 1),
            b'\t' => (b"&#9;", 1),
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF).
            0xEF if matches!(s.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => {
                ("\u{FFFD}".as_bytes(), 3)
            }
            0xEF => {
                i += 1;
                continue;
            }
            _ => ("\u{FFFD}".as_bytes(), 1),
        };
        out.extend_from_slice(s.get(start..i).unwrap_or_default());
        out.extend_from_slice(rep);
        i += len;
        start = i;
    }
    out.extend_from_slice(s.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    fn esc(s: &str, in_attr: bool) -> String {
        let mut v = Vec::new();
        if in_attr {
            super::attr(&mut v, s);
        } else {
            super::text(&mut v, s);
        }
        String::from_utf8(v).unwrap_or_default()
    }

    /// The escaping as it was first written, one character at a time: the byte-run version
    /// must agree with it on every input.
    fn reference(s: &str, in_attr: bool) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\r' => out.push_str("&#13;"),
                '\n' if in_attr => out.push_str("&#10;"),
                '\t' if in_attr => out.push_str("&#9;"),
                c if crate::export::flat::is_forbidden_control(c) => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn byte_runs_agree_with_characters() {
        let pieces = [
            "a",
            "é",
            "\u{FFFE}",
            "\u{FFFF}",
            "\u{FFFD}",
            "\u{FEFF}",
            "\u{F000}",
            "\u{EFFF}",
            "\u{10FFFF}",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "\r",
            "\n",
            "\t",
            "\u{0}",
            "\u{1F}",
            "\u{7F}",
            "\u{85}",
            "語",
            " ",
            "]]>",
        ];
        // Every sequence of up to three pieces.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    // Also after plain runs of every length, so that each piece falls at
                    // every place in an eight-byte chunk.
                    for pad in 0..9 {
                        let s = format!("{}{a}{b}{c}{}", "p".repeat(pad), "q".repeat(pad));
                        for in_attr in [false, true] {
                            assert_eq!(esc(&s, in_attr), reference(&s, in_attr), "{s:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn escapes_everything_xml_needs() {
        assert_eq!(
            esc("</node><node id=\"evil\">", true),
            "&lt;/node&gt;&lt;node id=&quot;evil&quot;&gt;"
        );
        assert_eq!(esc("a'b&c\n\t\r", true), "a&apos;b&amp;c&#10;&#9;&#13;");
        assert_eq!(esc("a\nb\r", false), "a\nb&#13;");
        assert_eq!(esc("x\u{1}y\u{FFFF}", false), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(esc("é]]>", false), "é]]&gt;");
    }
}
