//! The text of a report cut for reading: words and punctuation with their byte spans,
//! paragraphs, quotations (straight and curly marks, quotes running over paragraphs) and
//! sentences that do not break inside a quotation.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters or digits.
    Word,
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
    /// Any other punctuation.
    Punct,
}

/// One word or mark, with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    /// Whether the token lies inside a quotation (its marks included).
    pub(crate) quoted: bool,
    /// Index of the paragraph it is in.
    pub(crate) paragraph: usize,
}

/// A sentence: a range of token indexes.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) tokens: Range<usize>,
    pub(crate) paragraph: usize,
}

/// A report's text, read.
pub(crate) struct Reading<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: Vec<Sentence>,
    /// Each token's words in lower case.
    pub(crate) lower: Vec<String>,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "rev", "hon", "pres",
    "gens", "u.s", "u.n", "u.k", "d.c", "a.m", "p.m", "e.g", "i.e", "ft", "mt", "ave", "atty",
    "supt",
];

/// Words that commonly begin a sentence after "U.S." and the like.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "This", "That", "A", "On",
];

impl<'a> Reading<'a> {
    /// Reads `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let lower = tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let mut reading = Reading {
            text,
            tokens,
            sentences: Vec::new(),
            lower,
        };
        reading.mark_quotes();
        reading.split_sentences();
        reading
    }

    /// The words of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() {
            let at = self
                .tokens
                .get(tokens.start)
                .map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end
    }

    /// Whether token `i` begins with an upper-case letter.
    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn mark_quotes(&mut self) {
        let n = self.tokens.len();
        let mut open = false;
        let mut i = 0;
        while i < n {
            let para = self.tokens[i].paragraph;
            // A new paragraph closes a quotation unless it opens with a mark (a quotation
            // running over paragraphs reopens each paragraph).
            if i > 0 && self.tokens[i - 1].paragraph != para && open {
                let reopens = matches!(self.word(i), "\u{201c}" | "\"" | "''");
                if !reopens {
                    open = false;
                }
            }
            let w = self.word(i);
            let kind = match w {
                "\u{201c}" => Some(true),
                // A closing mark printed where a quotation opens (after a space, before a
                // word) opens it.
                "\u{201d}" => {
                    let before = self.text[..self.tokens[i].start].chars().next_back();
                    let after = self.text[self.tokens[i].end..].chars().next();
                    Some(
                        !open
                            && before.is_none_or(char::is_whitespace)
                            && after.is_some_and(char::is_alphanumeric),
                    )
                }
                "\"" | "''" => {
                    let before = self.text[..self.tokens[i].start].chars().next_back();
                    let after = self.text[self.tokens[i].end..].chars().next();
                    let opens = if open {
                        // A straight mark right after a space, before a word, at a paragraph's
                        // start reopens a running quotation rather than closing it.
                        i > 0
                            && self.tokens[i - 1].paragraph != para
                            && after.is_some_and(|c| !c.is_whitespace())
                    } else {
                        before.is_none_or(|c| c.is_whitespace() || "([{\u{2014}-".contains(c))
                            || after.is_some_and(char::is_alphanumeric)
                    };
                    Some(opens)
                }
                _ => None,
            };
            match kind {
                Some(true) => {
                    self.tokens[i].kind = TokenKind::Open;
                    open = true;
                    self.tokens[i].quoted = true;
                }
                Some(false) => {
                    self.tokens[i].kind = TokenKind::Close;
                    self.tokens[i].quoted = true;
                    open = false;
                }
                None => self.tokens[i].quoted = open,
            }
            i += 1;
        }
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let para = self.tokens[i].paragraph;
            let next_para = self.tokens.get(i + 1).map(|t| t.paragraph);
            if next_para != Some(para) {
                self.sentences.push(Sentence {
                    tokens: start..i + 1,
                    paragraph: para,
                });
                start = i + 1;
                i += 1;
                continue;
            }
            let w = self.word(i);
            if matches!(w, "." | "?" | "!" | "\u{2026}") && !self.tokens[i].quoted
                || matches!(w, "." | "?" | "!" | "\u{2026}") && self.closes_after(i)
            {
                // Take closing marks and brackets with the sentence.
                let mut end = i + 1;
                while end < n
                    && self.tokens[end].paragraph == para
                    && (self.tokens[end].kind == TokenKind::Close || matches!(self.word(end), ")"))
                {
                    end += 1;
                }
                let still_quoted = end > 0
                    && self.tokens[end - 1].quoted
                    && self.tokens[end - 1].kind != TokenKind::Close;
                if end < n
                    && self.tokens[end].paragraph == para
                    && !still_quoted
                    && self.starts_sentence(end)
                    && !(w == "." && self.abbreviation_before(i, end))
                {
                    self.sentences.push(Sentence {
                        tokens: start..end,
                        paragraph: para,
                    });
                    start = end;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Whether a quotation closes right after token `i` (its mark follows).
    fn closes_after(&self, i: usize) -> bool {
        self.tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Close)
    }

    fn starts_sentence(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Open
            || self
                .word(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// Whether the full stop at `dot` ends an abbreviation or an initial.
    fn abbreviation_before(&self, dot: usize, next: usize) -> bool {
        if dot == 0 {
            return false;
        }
        let prev = self.word(dot - 1);
        let lower = prev.to_lowercase();
        let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
        if initial {
            return true;
        }
        if ABBREVIATIONS.contains(&lower.as_str()) {
            // "in the U.S. The …" ends a sentence.
            if lower.contains('.') && SENTENCE_STARTERS.contains(&self.word(next)) {
                return false;
            }
            return true;
        }
        false
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut paragraph = 0;
    let mut last_end = 0;
    for (start, w) in text.split_word_bound_indices() {
        if w.chars().all(char::is_whitespace) {
            continue;
        }
        // A line break between tokens starts a new paragraph.
        if !tokens.is_empty() && text[last_end..start].contains('\n') {
            paragraph += 1;
        }
        last_end = start + w.len();
        let kind = if w.chars().any(char::is_alphanumeric) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        // Two apostrophes stand for a double quotation mark (''like this'').
        if w == "'" {
            if let Some(last) = tokens.last_mut() {
                if last.end == start && &text[last.start..last.end] == "'" {
                    last.end = start + 1;
                    continue;
                }
            }
        }
        tokens.push(Token {
            start,
            end: start + w.len(),
            kind,
            quoted: false,
            paragraph,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let r = Reading::new(text);
        r.sentences
            .iter()
            .map(|s| &text[r.span(s.tokens.clone())])
            .collect()
    }

    #[test]
    fn sentences_do_not_break_inside_quotes_or_after_titles() {
        assert_eq!(
            sentences("\u{201c}We will win. They will lose,\u{201d} Mr. Lee said. He left.\nNext."),
            vec![
                "\u{201c}We will win. They will lose,\u{201d} Mr. Lee said.",
                "He left.",
                "Next."
            ]
        );
    }

    #[test]
    fn a_closing_mark_after_a_stop_ends_the_sentence() {
        assert_eq!(
            sentences("She said: \"It is over.\" Then she left."),
            vec!["She said: \"It is over.\"", "Then she left."]
        );
    }

    #[test]
    fn quotes_run_over_paragraphs_that_reopen() {
        let text = "\u{201c}First part.\n\u{201c}Second part,\u{201d} he said.";
        let r = Reading::new(text);
        let quoted: Vec<&str> = (0..r.tokens.len())
            .filter(|&i| r.tokens[i].quoted)
            .map(|i| r.word(i))
            .collect();
        assert_eq!(
            quoted,
            vec!["\u{201c}", "First", "part", ".", "\u{201c}", "Second", "part", ",", "\u{201d}"]
        );
    }

    #[test]
    fn a_closing_mark_where_a_quote_opens_opens_it() {
        let r = Reading::new("\u{201d}We are ready,\u{201d} he said.");
        assert_eq!(r.tokens[0].kind, TokenKind::Open);
        assert_eq!(r.tokens[5].kind, TokenKind::Close);
    }
}
