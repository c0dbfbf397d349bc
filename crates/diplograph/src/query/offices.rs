//! Who held an office: offices matched by their title's words, by the body they are in, or
//! both.

use std::collections::BTreeSet;

use super::asof::{office, sort_offices, Office};
use crate::graph::{Graph, NodeIndex};
use crate::identity::normalize;
use crate::model::{EdgeKind, NodeKind};
use crate::time::PartialDate;

/// Which offices to list: every condition given must hold; none given lists every office.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeQuery {
    /// Words of the title, in any order ("Defence Minister" finds "Minister of Defense"):
    /// see [`title_matches`].
    pub title: Option<String>,
    /// The body (an organization or country) the office is in, or a body part of it at any
    /// depth: a ministry's bureau is in the ministry, and in its country.
    pub body: Option<NodeIndex>,
}

/// Words that say nothing about which office a title names.
const FILLER: [&str; 5] = ["of", "the", "for", "and", "on"];

/// A title's words for matching: case and accents folded, split at anything that is not a
/// letter or digit, filler words left out, and the British and American spellings of words
/// ending in "-ence"/"-ense" made one ("defence" is "defense").
fn title_words(title: &str) -> BTreeSet<String> {
    normalize(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(|w| match w.strip_suffix("ence") {
            Some(stem) => format!("{stem}ense"),
            None => w.to_owned(),
        })
        .collect()
}

/// Whether an office's `title` matches the words `asked`: every word asked is a word of the
/// title, in any order, case- and accent-insensitively, with filler words ("of", "the",
/// "for", "and", "on") left out and "-ence"/"-ense" spellings made one. Words that are all
/// filler match every title.
///
/// ```
/// use diplograph::query::title_matches;
/// assert!(title_matches("Defense Minister", "Minister of Defence"));
/// assert!(title_matches("secretary", "Secretary of Defense"));
/// assert!(!title_matches("Defence Minister", "Deputy Foreign Affairs Minister"));
/// assert!(!title_matches("Min", "Minister")); // whole words only
/// ```
pub fn title_matches(asked: &str, title: &str) -> bool {
    let title = title_words(title);
    title_words(asked).iter().all(|w| title.contains(w))
}

impl Graph {
    /// `body` and every organization `part_of` it, at any depth, in the order found.
    ///
    /// Cost: O(the part_of edges into those bodies).
    fn bodies_within(&self, body: NodeIndex) -> Vec<NodeIndex> {
        let mut out = vec![body];
        let mut i = 0;
        while let Some(&cur) = out.get(i) {
            for e in self.edges_to(cur, Some(EdgeKind::PartOf)) {
                if e.from.kind() == NodeKind::Organization && !out.contains(&e.from_index) {
                    out.push(e.from_index);
                }
            }
            i += 1;
        }
        out
    }

    /// Who held the offices `query` asks for on `on` (with `None`: ever), sorted by body,
    /// title, person and start. One person holding an office in two separate intervals
    /// appears once per interval. Certainty as [`Graph::office_holders`] says.
    ///
    /// ```
    /// use diplograph::query::OfficeQuery;
    /// let g = diplograph::example();
    /// let on = "2016-06-04".parse()?;
    /// // By title, in any word order and either spelling.
    /// let q = OfficeQuery { title: Some("Minister of Defense".into()), ..Default::default() };
    /// let who: Vec<_> = g.holders(&q, Some(&on)).iter().map(|o| o.person.id.clone()).collect();
    /// assert_eq!(who, ["gen-nakatani", "han-min-koo"]);
    /// // By body: a country's offices are those of its bodies, at any depth.
    /// let q = OfficeQuery { body: Some(g.resolve("South Korea")?), ..Default::default() };
    /// let who: Vec<_> = g.holders(&q, Some(&on)).iter().map(|o| o.person.id.clone()).collect();
    /// assert_eq!(who, ["han-min-koo", "yoon-soon-gu"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: with a body, O(the holds_office and part_of edges into it and the bodies part of
    /// it); otherwise O(edges).
    pub fn holders(&self, query: &OfficeQuery, on: Option<&PartialDate>) -> Vec<Office> {
        let title_ok = |title: Option<&str>| match &query.title {
            Some(asked) => title.is_some_and(|t| title_matches(asked, t)),
            None => true,
        };
        let mut out: Vec<Office> = match query.body {
            Some(body) => self
                .bodies_within(body)
                .into_iter()
                .flat_map(|b| self.edges_to(b, Some(EdgeKind::HoldsOffice)))
                .filter(|e| title_ok(e.edge.title()))
                .filter_map(|e| office(self, e.from, e.to, e.edge, on))
                .collect(),
            None => self
                .edges()
                .filter(|e| e.edge.kind == EdgeKind::HoldsOffice && title_ok(e.edge.title()))
                .filter_map(|e| office(self, e.from, e.to, e.edge, on))
                .collect(),
        };
        sort_offices(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(offices: &[Office]) -> Vec<(String, String, String)> {
        offices
            .iter()
            .map(|o| {
                (
                    o.person.id.clone(),
                    o.title.clone(),
                    o.organization.id.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn titles_match_by_their_words() {
        assert!(title_matches("defence minister", "Minister of Defence"));
        assert!(title_matches(
            "Ministre de la Défence",
            "ministre de la defense"
        ));
        assert!(title_matches(
            "Director-General",
            "Director-General, International Policy Bureau"
        ));
        assert!(!title_matches(
            "Director-General",
            "Director, International Policy Bureau"
        ));
        assert!(title_matches("of the", "Leader"));
        assert!(!title_matches("Leader", ""));
    }

    #[test]
    fn holders_by_title_body_or_both() {
        let g = crate::example();
        let on: PartialDate = "2016-06-04".parse().unwrap_or_else(|e| unreachable!("{e}"));
        let kor = g.resolve("KOR").unwrap_or_else(|e| unreachable!("{e}"));
        let mnd = g.resolve("kor-mnd").unwrap_or_else(|e| unreachable!("{e}"));
        let q = |title: Option<&str>, body| OfficeQuery {
            title: title.map(str::to_owned),
            body,
        };
        let han = (
            "han-min-koo".to_owned(),
            "Defence Minister".to_owned(),
            "kor-mnd".to_owned(),
        );
        let yoon = (
            "yoon-soon-gu".to_owned(),
            "Director-General, International Policy Bureau".to_owned(),
            "kor-mnd-ipb".to_owned(),
        );
        let nakatani = (
            "gen-nakatani".to_owned(),
            "Defence Minister".to_owned(),
            "jpn-mod".to_owned(),
        );
        assert_eq!(
            ids(&g.holders(&q(Some("Defense Minister"), None), Some(&on))),
            [nakatani, han.clone()]
        );
        assert_eq!(
            ids(&g.holders(&q(None, Some(mnd)), Some(&on))),
            [han.clone(), yoon.clone()]
        );
        assert_eq!(
            ids(&g.holders(&q(None, Some(kor)), None)),
            [han.clone(), yoon]
        );
        assert_eq!(
            ids(&g.holders(&q(Some("minister"), Some(kor)), Some(&on))),
            [han]
        );
        assert!(g
            .holders(&q(Some("Secretary"), Some(kor)), Some(&on))
            .is_empty());
        // By name, words of a title or of a body's name: both, each office once.
        let named = |name: &str| -> Vec<String> {
            g.office_holders(name, Some(&on))
                .unwrap_or_else(|e| unreachable!("{e}"))
                .into_iter()
                .map(|o| o.person.id)
                .collect()
        };
        assert_eq!(
            named("Ministry of National Defense"),
            ["han-min-koo", "yoon-soon-gu"]
        );
        assert_eq!(
            named("defence"),
            [
                "lu-yin",
                "gen-nakatani",
                "han-min-koo",
                "yoon-soon-gu",
                "ashton-carter"
            ]
        );
        assert!(named("Admiral").is_empty());
        // Every office ever: the example's seven.
        let all = g.holders(&OfficeQuery::default(), None);
        assert_eq!(all.len(), 7);
    }
}
