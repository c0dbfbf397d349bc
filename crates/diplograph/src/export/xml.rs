//! XML escaping shared by GraphML and GEXF.
//!
//! Complete for XML 1.0: `&`, `<`, `>`, `"` and `'` become entities; in attribute values tab,
//! line feed and carriage return become character references so that attribute-value
//! normalization does not turn them into spaces (and a carriage return in text becomes `&#13;`
//! so that line-end normalization keeps it); characters XML 1.0 does not allow at all (C0
//! controls other than tab, LF and CR; U+FFFE; U+FFFF) are replaced with U+FFFD.

use std::io::{self, Write};

use super::flat::is_forbidden_control;

/// Writes `s` escaped for use inside a double-quoted attribute value.
pub(crate) fn attr(w: &mut dyn Write, s: &str) -> io::Result<()> {
    escape(w, s, true)
}

/// Writes `s` escaped for use as element text.
pub(crate) fn text(w: &mut dyn Write, s: &str) -> io::Result<()> {
    escape(w, s, false)
}

fn escape(w: &mut dyn Write, s: &str, in_attr: bool) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep: Option<&str> = match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '"' => Some("&quot;"),
            '\'' => Some("&apos;"),
            '\r' => Some("&#13;"),
            '\n' if in_attr => Some("&#10;"),
            '\t' if in_attr => Some("&#9;"),
            c if is_forbidden_control(c) => Some("\u{FFFD}"),
            _ => None,
        };
        if let Some(rep) = rep {
            w.write_all(&s.as_bytes()[start..i])?;
            w.write_all(rep.as_bytes())?;
            start = i + c.len_utf8();
        }
    }
    w.write_all(&s.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    fn esc(s: &str, in_attr: bool) -> String {
        let mut v = Vec::new();
        assert!(super::escape(&mut v, s, in_attr).is_ok());
        String::from_utf8(v).unwrap_or_default()
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
