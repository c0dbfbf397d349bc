//! An output buffer for the exporters that write many small pieces (GraphML, GEXF): pieces are
//! appended to a byte buffer, which is handed to the writer in large chunks. Appending is a
//! plain copy, with no `fmt` machinery, no dynamic dispatch and no error to check per piece;
//! the buffer never holds more than [`Out::CHUNK`] bytes plus one element, so the extra memory
//! is constant whatever the size of the graph.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::time::PartialDate;

/// A byte buffer flushed to a writer in large chunks.
pub(crate) struct Out<'w> {
    buf: Vec<u8>,
    w: &'w mut dyn Write,
}

impl<'w> Out<'w> {
    /// How many bytes are gathered before they are written.
    pub(crate) const CHUNK: usize = 64 * 1024;

    pub(crate) fn new(w: &'w mut dyn Write) -> Self {
        Out {
            buf: Vec::with_capacity(Self::CHUNK + 4096),
            w,
        }
    }

    /// The buffer, to append to.
    pub(crate) fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// Appends text as it is.
    pub(crate) fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Appends a whole number in decimal.
    pub(crate) fn int(&mut self, n: u64) {
        push_int(&mut self.buf, n);
    }

    /// Writes the buffer out once it holds a chunk; call between elements.
    pub(crate) fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= Self::CHUNK {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes out what is left.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

/// Appends `n` in decimal, with at least `width` digits (zero-padded).
fn push_padded(out: &mut Vec<u8>, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut n = n;
    while n > 0 && i > 0 {
        i -= 1;
        // `n % 10` is one digit.
        let d = (n % 10) as u8;
        if let Some(slot) = digits.get_mut(i) {
            *slot = b'0' + d;
        }
        n /= 10;
    }
    let start = i.min(digits.len().saturating_sub(width.max(1)));
    out.extend_from_slice(digits.get(start..).unwrap_or_default());
}

/// Appends `n` in decimal.
pub(crate) fn push_int(out: &mut Vec<u8>, n: u64) {
    push_padded(out, n, 1);
}

/// Appends a date exactly as its `Display` writes it (`2016`, `2016-06`, `2016-06-04`,
/// `2016-06-04?`, `2014-12-28/2014-12-29`, …).
pub(crate) fn push_partial_date(out: &mut Vec<u8>, d: PartialDate) {
    if !d.is_plain() {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    }
    let Some(year) = d.year().and_then(|y| u32::try_from(y).ok()) else {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    };
    push_padded(out, u64::from(year), 4);
    if let Some(m) = d.month() {
        out.push(b'-');
        push_padded(out, u64::from(m), 2);
        if let Some(day) = d.day() {
            out.push(b'-');
            push_padded(out, u64::from(day), 2);
        }
    }
}

/// Appends a calendar date exactly as chrono's `Display` writes it (`2016-06-04`).
pub(crate) fn push_date(out: &mut Vec<u8>, d: NaiveDate) {
    match u32::try_from(d.year()) {
        Ok(year) if year <= 9999 => {
            push_padded(out, u64::from(year), 4);
            out.push(b'-');
            push_padded(out, u64::from(d.month()), 2);
            out.push(b'-');
            push_padded(out, u64::from(d.day()), 2);
        }
        _ => out.extend_from_slice(d.to_string().as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_display_writes_them() {
        for n in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut v = Vec::new();
            push_int(&mut v, n);
            assert_eq!(String::from_utf8(v).unwrap_or_default(), n.to_string());
        }
    }

    #[test]
    fn dates_as_display_writes_them() {
        let mut partial = vec![];
        for y in [0, 7, 42, 999, 1990, 2016, 9999] {
            partial.push(PartialDate::from_year(y));
            for m in [1, 6, 12] {
                partial.push(PartialDate::from_year_month(y, m));
                for d in [1, 4, 28] {
                    partial.push(PartialDate::from_ymd(y, m, d));
                }
            }
        }
        for text in [
            "2016-06-04?",
            "2007~",
            "201X",
            "2016-23",
            "2014-12-28/2014-12-29",
        ] {
            partial.push(text.parse());
        }
        let mut checked = 0;
        for d in partial.into_iter().flatten() {
            let mut v = Vec::new();
            push_partial_date(&mut v, d);
            assert_eq!(String::from_utf8(v).unwrap_or_default(), d.to_string());
            checked += 1;
        }
        assert!(checked > 30, "only {checked} dates were valid");
        for (y, m, d) in [
            (2016, 6, 4),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 2, 28),
            (-5, 1, 2),
            (10000, 1, 1),
        ] {
            let Some(day) = NaiveDate::from_ymd_opt(y, m, d) else {
                panic!("bad test date {y}-{m}-{d}");
            };
            let mut v = Vec::new();
            push_date(&mut v, day);
            assert_eq!(String::from_utf8(v).unwrap_or_default(), day.to_string());
        }
    }
}
