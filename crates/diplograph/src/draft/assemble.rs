//! Assembly: attributions become nodes and edges of a draft graph, each citing its words.
//!
//! Speakers are read from the words that name them: a country ("Seoul", "Japan"), an outlet
//! ("Reuters"), an organization ("Seoul's defence ministry"), a person with a title ("US
//! Secretary of Defence Ashton Carter": the person, and the office attested on the report's
//! date), or someone the report does not name ("officials", "a spokesman": an unnamed node).
//! Mentions of one speaker become one node (by name; "he" and "Mr Han" through the earlier
//! words the attribution engine resolved them to); a graph given as `into` lends its ids.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::agreements::{find_agreements, find_events, Party};
use super::attribution::{find_attributions, Attribution, Form};
use super::dates::{find_dates, DateMention};
use super::names::{find_names, outermost, Name, NameMention};
use super::{Draft, DraftOptions, DraftedStatement, ReviewNote};
use crate::graph::Graph;
use crate::identity::{countries, normalize};
use crate::model::{
    Cue, Edge, EdgeKind, LifecycleStep, Node, NodeDetails, NodeKind, OrganizationKind,
    StatementText,
};
use crate::provenance::{Citation, Span};
use crate::time::{Interval, PartialDate};

/// What the name tables add to a speaker's reading: the key that unites its mentions, the
/// country an organization belongs to, and a person's office with its country.
#[derive(Debug, Clone, Default)]
struct Extra {
    key: Option<String>,
    within: Option<(&'static str, Range<usize>)>,
    office: Option<(String, &'static str)>,
}

/// What a speaker's words name.
#[derive(Debug, Clone, PartialEq)]
enum Entity {
    Country(&'static str),
    Organization {
        name: String,
        kind: OrganizationKind,
    },
    Person {
        name: String,
        title: Option<String>,
    },
    Unnamed {
        description: String,
        organization: bool,
    },
}

/// Outlets the press names as speakers or carriers.
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "Yonhap",
    "Xinhua",
    "Kyodo",
    "KCNA",
    "CNN",
    "BBC",
    "Fox News",
    "NBC",
    "CBS",
    "ABC",
    "MSNBC",
    "NPR",
    "Bloomberg",
    "Politico",
    "Axios",
    "Breitbart",
    "Breitbart News",
    "Nikkei",
    "NHK",
    "Tass",
    "RIA Novosti",
    "Interfax",
    "Al Jazeera",
    "Sputnik",
    "Dow Jones",
];

/// Last words of an outlet's name.
const OUTLET_HEADS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "agency",
    "press",
    "gazette",
    "daily",
    "telegraph",
    "guardian",
    "review",
    "magazine",
    "network",
    "radio",
    "television",
    "tv",
    "wire",
    "reporter",
    "examiner",
    "globe",
    "observer",
    "economist",
    "chronicle",
];

/// Last words of other organizations' names, with their kind.
const ORGANIZATION_HEADS: &[(&str, OrganizationKind)] = &[
    ("ministry", OrganizationKind::Ministry),
    ("department", OrganizationKind::Ministry),
    ("office", OrganizationKind::Government),
    ("government", OrganizationKind::Government),
    ("administration", OrganizationKind::Government),
    ("cabinet", OrganizationKind::Government),
    ("white house", OrganizationKind::Government),
    ("kremlin", OrganizationKind::Government),
    ("pentagon", OrganizationKind::Ministry),
    ("agency", OrganizationKind::Other),
    ("army", OrganizationKind::Military),
    ("navy", OrganizationKind::Military),
    ("military", OrganizationKind::Military),
    ("forces", OrganizationKind::Military),
    ("force", OrganizationKind::Military),
    ("command", OrganizationKind::Military),
    ("committee", OrganizationKind::Other),
    ("council", OrganizationKind::Other),
    ("commission", OrganizationKind::Other),
    ("campaign", OrganizationKind::Other),
    ("party", OrganizationKind::PoliticalParty),
    ("congress", OrganizationKind::Legislature),
    ("senate", OrganizationKind::Legislature),
    ("parliament", OrganizationKind::Legislature),
    ("assembly", OrganizationKind::Legislature),
    ("court", OrganizationKind::Court),
    ("university", OrganizationKind::University),
    ("institute", OrganizationKind::ThinkTank),
    ("foundation", OrganizationKind::Ngo),
    ("center", OrganizationKind::ThinkTank),
    ("centre", OrganizationKind::ThinkTank),
    ("nations", OrganizationKind::InternationalOrganization),
    ("nato", OrganizationKind::InternationalOrganization),
    ("union", OrganizationKind::InternationalOrganization),
    ("fbi", OrganizationKind::IntelligenceAgency),
    ("cia", OrganizationKind::IntelligenceAgency),
    ("company", OrganizationKind::Company),
    ("corp", OrganizationKind::Company),
    ("inc", OrganizationKind::Company),
    ("group", OrganizationKind::Other),
    ("police", OrganizationKind::Other),
    ("spokesman", OrganizationKind::Other),
];

/// Words of titles and offices before a person's name.
const TITLE_WORDS: &[&str] = &[
    "president",
    "secretary",
    "minister",
    "defence",
    "defense",
    "foreign",
    "prime",
    "senator",
    "sen",
    "gov",
    "governor",
    "rep",
    "representative",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "democratic",
    "republican",
    "former",
    "vice",
    "deputy",
    "state",
    "of",
    "the",
    "chief",
    "ambassador",
    "envoy",
    "admiral",
    "adm",
    "lt",
    "col",
    "colonel",
    "commander",
    "leader",
    "speaker",
    "majority",
    "minority",
    "house",
    "senate",
    "attorney",
    "candidate",
    "presidential",
    "nominee",
    "sec",
    "premier",
    "chancellor",
    "king",
    "queen",
    "foreign",
    "affairs",
    "national",
    "security",
    "adviser",
    "advisor",
    "press",
    "campaign",
    "manager",
    "judge",
    "justice",
    "mayor",
    "first",
    "lady",
    "pope",
    "prince",
    "sheikh",
    "and",
    "u.s",
    "us",
    "gop",
    "white",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

fn country_names() -> &'static FxHashMap<String, &'static str> {
    static MAP: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for c in countries() {
            for n in c.all_names() {
                map.entry(normalize(n)).or_insert(c.alpha3);
            }
        }
        for (n, id) in [
            ("u.s.", "USA"),
            ("u.s", "USA"),
            ("america", "USA"),
            ("washington", "USA"),
        ] {
            map.insert(n.to_string(), id);
        }
        map
    })
}

/// A country named by `words` (a name, abbreviation or capital), possibly with "the" or a
/// possessive.
fn country(words: &str) -> Option<&'static str> {
    let w = words.trim();
    let w = w
        .strip_prefix("the ")
        .or_else(|| w.strip_prefix("The "))
        .unwrap_or(w);
    let w = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    country_names().get(&normalize(w)).copied()
}

fn is_outlet(name: &str) -> bool {
    let trimmed = name.strip_prefix("The ").unwrap_or(name);
    if OUTLETS.iter().any(|o| o.eq_ignore_ascii_case(trimmed)) {
        return true;
    }
    let last = trimmed.rsplit(' ').next().unwrap_or("").to_lowercase();
    trimmed.split(' ').count() >= 2
        && OUTLET_HEADS.contains(&last.as_str())
        && trimmed.chars().next().is_some_and(char::is_uppercase)
}

fn organization_kind(name: &str) -> Option<OrganizationKind> {
    let lower = name.to_lowercase();
    let last = lower.rsplit(' ').next().unwrap_or("");
    ORGANIZATION_HEADS
        .iter()
        .find(|(head, _)| lower.ends_with(head) && (last == *head || head.contains(' ')))
        .map(|(_, k)| *k)
}

/// Reads what the words naming a speaker name.
fn entity_of(words: &str) -> Option<Entity> {
    // The first comma-separated part names; the rest describes ("Haley Morris, a spokeswoman").
    let head = words.split(',').next().unwrap_or(words).trim();
    let head = head.trim_end_matches(['.', ':', ';']).trim();
    if head.is_empty() || PRONOUNS.contains(&head.to_lowercase().as_str()) {
        return None;
    }
    if let Some(id) = country(head) {
        return Some(Entity::Country(id));
    }
    if is_outlet(head) {
        return Some(Entity::Organization {
            name: head.strip_prefix("the ").unwrap_or(head).to_string(),
            kind: OrganizationKind::NewsOutlet,
        });
    }
    let capitalized = head.chars().next().is_some_and(char::is_uppercase);
    if let Some(kind) = organization_kind(head) {
        let generic = !capitalized || head.starts_with("The ") || head.starts_with("A ");
        return Some(if generic {
            Entity::Unnamed {
                description: head.to_string(),
                organization: true,
            }
        } else {
            Entity::Organization {
                name: head.to_string(),
                kind,
            }
        });
    }
    // A person: the trailing run of capitalized words that are not title words.
    let words: Vec<&str> = head.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let bare = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let title = TITLE_WORDS.contains(&bare.trim_end_matches('.').to_lowercase().as_str());
        if !capital || title && start < words.len() {
            break;
        }
        start -= 1;
        if title {
            break;
        }
    }
    // A title word kept as the whole name ("President") is no name.
    let name_words = &words[start..];
    let only_a_title = name_words.len() == 1
        && TITLE_WORDS.contains(&name_words[0].trim_end_matches('.').to_lowercase().as_str());
    let named = !name_words.is_empty() && !only_a_title;
    if named {
        let name = name_words.join(" ");
        let title = words[..start].join(" ");
        let title = title
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .trim()
            .to_string();
        let has_title = title
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        return Some(Entity::Person {
            name,
            title: has_title.then_some(title),
        });
    }
    Some(Entity::Unnamed {
        description: head.to_string(),
        organization: false,
    })
}

/// Lower-case ASCII words joined by hyphens, for ids.
fn slug(words: &str) -> String {
    let mut out = String::new();
    for c in normalize(words).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let cut: String = out.chars().take(48).collect();
    let cut = cut.trim_end_matches('-').to_string();
    if cut.is_empty() {
        "x".to_string()
    } else {
        cut
    }
}

struct Builder<'t, 'o, 'g> {
    text: &'t str,
    options: &'o DraftOptions<'g>,
    source: String,
    nodes: BTreeMap<String, Node>,
    edges: Vec<(String, String, Edge)>,
    /// Entity key → node id.
    ids: FxHashMap<String, String>,
    notes: Vec<ReviewNote>,
    unnamed: usize,
    /// Names the tables find, nested ones included.
    names: Vec<NameMention>,
    /// Names the tables find, the outermost only.
    outer: Vec<NameMention>,
    /// Dates in the text.
    dates: Vec<DateMention>,
    /// For a generic organization ("defence ministry"): the key of its last mention with a
    /// country, so that "the ministry" is that one.
    last_generic: FxHashMap<&'static str, String>,
    /// Offices given to persons so far, in text order: (title, person key).
    office_holders: Vec<(String, String)>,
}

impl Builder<'_, '_, '_> {
    fn cite(&self, span: Range<usize>, confidence: f64) -> Citation {
        let mut c = Citation::new(self.source.clone()).with_span(Span {
            start: span.start,
            end: span.end,
        });
        c.text = Some(self.text[span].to_string());
        c.confidence = Some((confidence * 100.0).round() / 100.0);
        c
    }

    /// The id an existing graph gives a name, and the node it holds.
    fn existing(&self, name: &str, kinds: &[NodeKind]) -> Option<Node> {
        let into = self.options.into?;
        let ix = into.resolve_as(name, kinds).ok()?;
        let node = into.node_at(ix)?;
        let mut shell = Node::new(node.id.clone(), node.name.clone(), node.details.clone());
        if let NodeDetails::Source { .. } = shell.details {
            return None;
        }
        shell.unnamed.clone_from(&node.unnamed);
        // Keep only what identifies it: a statement's or agreement's content stays in `into`.
        match &mut shell.details {
            NodeDetails::Agreement {
                lifecycle, terms, ..
            } => {
                lifecycle.clear();
                *terms = None;
            }
            NodeDetails::Statement { .. } => return None,
            _ => {}
        }
        Some(shell)
    }

    /// The node for an entity named at `span`, created on first mention; its id.
    fn entity(&mut self, entity: &Entity, span: Range<usize>, confidence: f64) -> String {
        self.entity_with(entity, &Extra::default(), span, confidence)
    }

    /// [`Builder::entity`] with what the name tables add.
    fn entity_with(
        &mut self,
        entity: &Entity,
        extra: &Extra,
        span: Range<usize>,
        confidence: f64,
    ) -> String {
        let (key, name, kinds, details): (String, String, &[NodeKind], NodeDetails) = match entity {
            Entity::Country(id) => (
                format!("country:{id}"),
                crate::identity::country(id).map_or((*id).to_string(), |r| r.name.to_string()),
                &[NodeKind::Country],
                NodeDetails::Country,
            ),
            Entity::Organization { name, kind } => (
                format!("org:{}", normalize(name)),
                name.clone(),
                &[NodeKind::Organization],
                NodeDetails::Organization { kind: *kind },
            ),
            Entity::Person { name, .. } => (
                format!("person:{}", normalize(name)),
                name.clone(),
                &[NodeKind::Person],
                NodeDetails::Person,
            ),
            Entity::Unnamed {
                description,
                organization,
            } => {
                // One unnamed node per description as printed at one place: a pronoun that
                // stands for it later finds the same words, so the same node.
                self.unnamed = span.start;
                let details = if *organization {
                    NodeDetails::Organization {
                        kind: organization_kind(description).unwrap_or(OrganizationKind::Other),
                    }
                } else {
                    NodeDetails::Person
                };
                (
                    format!("unnamed:{}", self.unnamed),
                    format!("{description} (unnamed)"),
                    &[],
                    details,
                )
            }
        };
        let key = extra.key.clone().unwrap_or(key);
        let citation = self.cite(span.clone(), confidence);
        if let Some(id) = self.ids.get(&key).cloned() {
            if let Some(node) = self.nodes.get_mut(&id) {
                if !node.citations.iter().any(|c| c.span == citation.span) {
                    node.citations.push(citation);
                }
            }
            return id;
        }
        let existing = if kinds.is_empty() {
            None
        } else {
            self.existing(&name, kinds)
        };
        let node = match (existing, entity) {
            (Some(shell), _) => shell,
            (None, Entity::Country(id)) => Node::new(*id, name, details),
            (None, Entity::Unnamed { description, .. }) => {
                let id = self.free_id(&format!("unnamed-{}", slug(description)));
                Node::new(id, name, details).with_unnamed(description.clone())
            }
            (None, _) => {
                let id = self.free_id(&slug(&name));
                Node::new(id, name, details)
            }
        };
        let id = node.id.clone();
        let mut node = node;
        node.citations.push(citation);
        self.nodes.insert(id.clone(), node);
        self.ids.insert(key, id.clone());
        if let Some((title, country_id)) = &extra.office {
            let to = self.entity(&Entity::Country(country_id), span.clone(), confidence);
            let mut edge = Edge::new(EdgeKind::HoldsOffice)
                .with_title(title.clone())
                .with_citation(self.cite(span.clone(), confidence * 0.9));
            if let Some(date) = self.options.date {
                edge = edge.with_attested(date);
            }
            self.edges.push((id.clone(), to, edge));
        } else if let Entity::Person {
            title: Some(title), ..
        } = entity
        {
            self.office(&id, title, span.clone(), confidence);
        }
        if let Some((country_id, words)) = &extra.within {
            let to = self.entity(&Entity::Country(country_id), words.clone(), confidence);
            let edge = Edge::new(EdgeKind::PartOf).with_citation(self.cite(span, confidence * 0.9));
            self.edges.push((id.clone(), to, edge));
        }
        id
    }

    /// Reads the speaker named at `span` with the name tables: an organization or a country
    /// that the words end with, a title before a person's name, "the minister" for the last
    /// person holding such an office; the words alone otherwise.
    fn speaker_at(&self, span: Range<usize>) -> Option<(Entity, Extra)> {
        let words = &self.text[span.clone()];
        let head_len = words.find(',').unwrap_or(words.len());
        let head = span.start..span.start + words[..head_len].trim_end().len();
        let inside: Vec<&NameMention> = self
            .outer
            .iter()
            .filter(|m| m.span.start >= head.start && m.span.end <= head.end)
            .collect();
        let mut extra = Extra::default();
        if let Some(m) = inside.last().filter(|m| m.span.end == head.end) {
            let printed = self.text[m.span.start..m.span.end].to_string();
            let before = self.text[head.start..m.span.start].trim().to_lowercase();
            let whole = before.is_empty() || matches!(before.as_str(), "the" | "a" | "an");
            match &m.name {
                Name::Organization(o) if o.generic => {
                    let key = match o.country {
                        Some(c) => format!("org:{}:{c}:{}", o.kind.as_str(), o.name),
                        None => match self.last_generic.get(o.name) {
                            Some(k) => k.clone(),
                            None => {
                                return Some((
                                    Entity::Unnamed {
                                        description: self.text[head.clone()].to_string(),
                                        organization: true,
                                    },
                                    extra,
                                ))
                            }
                        },
                    };
                    extra.key = Some(key);
                    extra.within = o.country.map(|c| (c, m.span.start..m.span.end));
                    let name = printed
                        .trim_start_matches("the ")
                        .trim_start_matches("The ");
                    return Some((
                        Entity::Organization {
                            name: name.to_string(),
                            kind: o.kind,
                        },
                        extra,
                    ));
                }
                Name::Organization(o) if whole => {
                    extra.key = Some(format!("org:{}", normalize(o.name)));
                    return Some((
                        Entity::Organization {
                            name: o.name.to_string(),
                            kind: o.kind,
                        },
                        extra,
                    ));
                }
                Name::Country { id, form }
                    if whole
                        && !matches!(
                            form,
                            super::names::CountryForm::Demonym
                                | super::names::CountryForm::Adjective
                        ) =>
                {
                    return Some((Entity::Country(id), extra));
                }
                Name::Title(t) if whole || t.country.is_some() => {
                    // "the minister", "the Pentagon chief": the last person holding the office.
                    let wanted = t.title.to_lowercase();
                    if let Some(person) = self
                        .office_holders
                        .iter()
                        .rev()
                        .find(|(title, _)| title.to_lowercase().contains(&wanted))
                    {
                        extra.key = Some(person.1.clone());
                        let name = self
                            .ids
                            .get(&person.1)
                            .and_then(|id| self.nodes.get(id))
                            .map(|n| n.name.clone());
                        if let Some(name) = name {
                            return Some((Entity::Person { name, title: None }, extra));
                        }
                    }
                }
                _ => {}
            }
        }
        let entity = entity_of(words)?;
        if let Entity::Person { .. } = entity {
            // A title the tables know, with its country ("US Secretary of Defence").
            if let Some(t) = inside.iter().find_map(|m| match &m.name {
                Name::Title(t) => Some(t),
                _ => None,
            }) {
                if let Some(c) = t.country {
                    extra.office = Some((t.title.to_string(), c));
                }
            }
        }
        Some((entity, extra))
    }

    /// A `holds_office` edge for a person named with a title that names a country ("US
    /// Secretary of Defence"), attested on the report's date.
    fn office(&mut self, person: &str, title: &str, span: Range<usize>, confidence: f64) {
        let words: Vec<&str> = title.split_whitespace().collect();
        let mut country_id = None;
        let mut rest = Vec::new();
        for w in &words {
            let bare = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            match (country_id, country(bare)) {
                (None, Some(id)) => country_id = Some(id),
                _ => rest.push(*w),
            }
        }
        // A two-word country ("South Korean") comes as two words; try pairs too.
        if country_id.is_none() {
            for pair in words.windows(2) {
                if let Some(id) =
                    country(&pair.join(" ")).or_else(|| adjective_country(&pair.join(" ")))
                {
                    country_id = Some(id);
                    rest.retain(|w| !pair.contains(w));
                    break;
                }
            }
        }
        if country_id.is_none() {
            for w in &words {
                if let Some(id) = adjective_country(w) {
                    country_id = Some(id);
                    rest.retain(|x| x != w);
                    break;
                }
            }
        }
        let Some(country_id) = country_id else {
            return;
        };
        let office = rest.join(" ");
        if office.is_empty() {
            return;
        }
        let to = self.entity(&Entity::Country(country_id), span.clone(), confidence);
        let mut edge = Edge::new(EdgeKind::HoldsOffice)
            .with_title(office)
            .with_citation(self.cite(span, confidence * 0.9));
        if let Some(date) = self.options.date {
            edge = edge.with_attested(date);
        }
        self.edges.push((person.to_string(), to, edge));
    }

    /// Keeps what later mentions resolve to: the generic organization with its country, the
    /// person with an office.
    fn remember(&mut self, entity: &Entity, extra: &Extra, id: &str) {
        if let (Entity::Organization { .. }, Some(key)) = (entity, &extra.key) {
            if let Some(generic) = key.strip_prefix("org:").and_then(|k| k.rsplit(':').next()) {
                if key.matches(':').count() == 3 {
                    let table_name = self.outer.iter().find_map(|m| match &m.name {
                        Name::Organization(o) if o.name == generic => Some(o.name),
                        _ => None,
                    });
                    if let Some(n) = table_name {
                        self.last_generic.insert(n, key.clone());
                    }
                }
            }
        }
        if let (Entity::Person { name, .. }, Some((title, _))) = (entity, &extra.office) {
            let key = extra
                .key
                .clone()
                .unwrap_or_else(|| format!("person:{}", normalize(name)));
            let _ = id;
            self.office_holders.push((title.clone(), key));
        } else if let Entity::Person {
            name,
            title: Some(title),
        } = entity
        {
            self.office_holders
                .push((title.clone(), format!("person:{}", normalize(name))));
        }
    }

    /// The date a statement was made: a date the text gives next to its cue, outside its
    /// content ("said on Saturday (June 4)"), or the report's date.
    fn statement_date(&self, a: &Attribution) -> Option<PartialDate> {
        let near = |m: &&DateMention| {
            let start = m.span.start;
            start + 60 >= a.cue.start
                && start <= a.cue.end + 60
                && !a
                    .content
                    .iter()
                    .any(|p| m.span.start < p.end && p.start < m.span.end)
        };
        self.dates
            .iter()
            .filter(near)
            .find_map(DateMention::date)
            .or(self.options.date)
    }

    fn free_id(&self, base: &str) -> String {
        let taken = |id: &str| {
            self.nodes.contains_key(id) || self.options.into.is_some_and(|g| g.node(id).is_some())
        };
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| base.to_string())
    }
}

/// Country adjectives and demonyms the built-in table does not hold as names.
fn adjective_country(word: &str) -> Option<&'static str> {
    const ADJECTIVES: &[(&str, &str)] = &[
        ("american", "USA"),
        ("south korean", "KOR"),
        ("north korean", "PRK"),
        ("korean", "KOR"),
        ("japanese", "JPN"),
        ("chinese", "CHN"),
        ("russian", "RUS"),
        ("british", "GBR"),
        ("french", "FRA"),
        ("german", "DEU"),
        ("indian", "IND"),
        ("iranian", "IRN"),
        ("israeli", "ISR"),
        ("syrian", "SYR"),
        ("turkish", "TUR"),
        ("ukrainian", "UKR"),
        ("australian", "AUS"),
        ("canadian", "CAN"),
        ("mexican", "MEX"),
        ("singaporean", "SGP"),
        ("vietnamese", "VNM"),
        ("philippine", "PHL"),
        ("filipino", "PHL"),
        ("taiwanese", "TWN"),
        ("saudi", "SAU"),
        ("iraqi", "IRQ"),
        ("afghan", "AFG"),
        ("pakistani", "PAK"),
        ("egyptian", "EGY"),
        ("italian", "ITA"),
        ("spanish", "ESP"),
        ("polish", "POL"),
        ("malaysian", "MYS"),
        ("indonesian", "IDN"),
        ("thai", "THA"),
    ];
    let lower = word.to_lowercase();
    ADJECTIVES
        .iter()
        .find(|(a, _)| *a == lower)
        .map(|(_, id)| *id)
}

/// The words of a statement: its pieces joined, without the marks around a quotation.
fn statement_words(text: &str, content: &[Range<usize>], form: Form) -> String {
    let pieces: Vec<&str> = content
        .iter()
        .map(|r| {
            let p = text[r.clone()].trim();
            if form == Form::Quote {
                p.trim_matches(['"', '\u{201c}', '\u{201d}', ',', '\''])
                    .trim_end_matches(',')
                    .trim()
            } else {
                p
            }
        })
        .collect();
    pieces.join(" \u{2026} ")
}

fn label(speaker: &str, words: &str) -> String {
    let first: Vec<&str> = words.split_whitespace().take(8).collect();
    let more = words.split_whitespace().count() > 8;
    format!(
        "{speaker}: {}{}",
        first.join(" "),
        if more { " \u{2026}" } else { "" }
    )
}

pub(super) fn assemble(text: &str, options: &DraftOptions<'_>) -> Draft {
    let title = options.title.clone().unwrap_or_else(|| {
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("Report");
        first.trim().chars().take(120).collect()
    });
    let source = options.source_id.clone().unwrap_or_else(|| {
        let date = options
            .date
            .as_ref()
            .map(|d| format!("-{d}"))
            .unwrap_or_default();
        let words: Vec<&str> = title.split_whitespace().take(6).collect();
        format!("source-{}{date}", slug(&words.join(" ")))
    });
    let mut b = Builder {
        text,
        options,
        source: source.clone(),
        nodes: BTreeMap::new(),
        edges: Vec::new(),
        ids: FxHashMap::default(),
        notes: Vec::new(),
        unnamed: 0,
        names: find_names(text),
        outer: Vec::new(),
        dates: find_dates(text, options.date.as_ref().and_then(PartialDate::earliest)),
        last_generic: FxHashMap::default(),
        office_holders: Vec::new(),
    };
    b.outer = outermost(&b.names);
    let mut source_node = Node::new(
        source.clone(),
        title,
        NodeDetails::Source {
            date: options.date,
            url: options.url.clone(),
            text: Some(text.to_string()),
        },
    );
    source_node
        .attributes
        .insert("drafted".to_string(), serde_json::Value::Bool(true));
    b.nodes.insert(source.clone(), source_node);
    // The publisher: the last link of every chain.
    let publisher = options.publisher.as_ref().map(|p| {
        let node = b
            .existing(p, &[NodeKind::Organization, NodeKind::Person])
            .unwrap_or_else(|| {
                Node::new(
                    slug(p),
                    p.clone(),
                    NodeDetails::Organization {
                        kind: OrganizationKind::NewsOutlet,
                    },
                )
            });
        let id = node.id.clone();
        b.nodes.entry(id.clone()).or_insert(node);
        b.edges
            .push((source.clone(), id.clone(), Edge::new(EdgeKind::PublishedBy)));
        id
    });

    let attributions = find_attributions(text);
    let mut statements = Vec::new();
    for (n, a) in attributions.iter().enumerate() {
        statements.push(statement(&mut b, n + 1, a, publisher.as_deref()));
    }

    // Agreements and events are drafted apart: if what they add breaks a rule of the format
    // (a lifecycle out of order, a GSOMIA with three parties), the draft keeps everything else
    // and says what it left out.
    let plain_nodes = b.nodes.clone();
    let plain_edges = b.edges.clone();
    let plain_ids = b.ids.clone();
    agreements_and_events(&mut b);
    let mut graph = build(&mut b);
    let mut valid = false;
    // Up to three rounds: leave out the drafted agreements and events a problem names.
    for _ in 0..4 {
        let problems = graph.validate();
        if problems.is_empty() {
            valid = true;
            break;
        }
        let mut dropped = Vec::new();
        for p in &problems {
            let ids: Vec<&str> =
                p.id.as_deref()
                    .map_or_else(Vec::new, |i| i.split("->").collect());
            for id in ids {
                if !plain_nodes.contains_key(id) && b.nodes.contains_key(id) {
                    dropped.push((id.to_string(), p.message.clone()));
                }
            }
        }
        if dropped.is_empty() {
            break;
        }
        for (id, why) in dropped {
            if let Some(node) = b.nodes.remove(&id) {
                let span = node
                    .citations
                    .first()
                    .and_then(|c| c.span)
                    .map_or(0..0, |s| s.start..s.end);
                b.notes.push(ReviewNote {
                    span,
                    id: Some(id.clone()),
                    confidence: 0.3,
                    reason: format!("left out of the draft: {why}"),
                });
            }
            b.edges.retain(|(f, t, _)| *f != id && *t != id);
        }
        graph = build(&mut b);
    }
    if !valid {
        b.nodes = plain_nodes;
        b.edges = plain_edges;
        b.ids = plain_ids;
        b.notes.push(ReviewNote {
            span: 0..0,
            id: None,
            confidence: 0.3,
            reason: "agreements and events were left out: what was read of them breaks a rule of the format"
                .to_string(),
        });
        graph = build(&mut b);
    }
    let mut notes = b.notes;
    notes.sort_by(|x, y| {
        x.confidence
            .total_cmp(&y.confidence)
            .then(x.span.start.cmp(&y.span.start))
    });
    Draft {
        graph,
        statements,
        notes,
    }
}

/// Agreements (with their parties and lifecycle steps) and events (with their participants,
/// dates and places) the text names, each citing its words.
fn agreements_and_events(b: &mut Builder<'_, '_, '_>) {
    let text = b.text;
    let names = std::mem::take(&mut b.names);
    let report_day = b.options.date.as_ref().and_then(PartialDate::earliest);
    let party_node = |b: &mut Builder<'_, '_, '_>, party: &Party, confidence: f64| {
        let span = party.span.start..party.span.end;
        match b.speaker_at(span.clone()) {
            // An outlet in the sentence reports; it is no party ("…, Reuters reported").
            Some((
                Entity::Organization {
                    kind: OrganizationKind::NewsOutlet,
                    ..
                },
                _,
            )) => None,
            Some((e @ (Entity::Country(_) | Entity::Organization { .. }), extra)) => {
                Some(b.entity_with(&e, &extra, span, confidence))
            }
            _ => crate::identity::country(party.id)
                .map(|_| b.entity(&Entity::Country(party.id), span, confidence)),
        }
    };
    for mention in find_agreements(text, &names, &b.dates, report_day) {
        let span = mention.span.start..mention.span.end;
        let words = text[span.clone()].to_string();
        let confidence = 0.6;
        let mut parties = Vec::new();
        for p in &mention.parties {
            if let Some(id) = party_node(b, p, confidence) {
                if !parties.iter().any(|(x, _): &(String, Party)| *x == id) {
                    parties.push((id, p.clone()));
                }
            }
        }
        if mention.kind.is_bilateral() && parties.len() != 2 {
            parties.clear();
        }
        let mut steps: Vec<LifecycleStep> = mention
            .steps
            .iter()
            .map(|s| {
                let mut step = LifecycleStep::new(s.state, s.date).with_status(s.status);
                if let Some(a) = s.attested {
                    step = step.with_attested(a);
                }
                step.with_citation(b.cite(s.span.start..s.span.end, confidence))
            })
            .collect();
        steps.sort_by_key(|s| s.state.rank());
        let key = format!(
            "agreement:{}:{}:{}",
            mention.kind.as_str(),
            normalize(&words),
            parties
                .iter()
                .map(|(p, _)| p.as_str())
                .collect::<Vec<_>>()
                .join("+")
        );
        let id = if let Some(id) = b.ids.get(&key).cloned() {
            if let Some(node) = b.nodes.get_mut(&id) {
                node.citations
                    .push(Citation::new(b.source.clone()).with_span(Span {
                        start: span.start,
                        end: span.end,
                    }));
            }
            id
        } else {
            let base = format!("agreement-{}", slug(&words));
            let id = b.free_id(&base);
            let mut node = Node::new(
                id.clone(),
                words.clone(),
                NodeDetails::Agreement {
                    kind: mention.kind,
                    lifecycle: steps,
                    terms: None,
                },
            );
            node.citations.push(b.cite(span.clone(), confidence));
            b.nodes.insert(id.clone(), node);
            b.ids.insert(key, id.clone());
            id
        };
        for (party, p) in parties {
            let edge = Edge::new(EdgeKind::PartyTo)
                .with_citation(b.cite(p.span.start..p.span.end, confidence));
            if !b
                .edges
                .iter()
                .any(|(f, t, e)| *f == party && *t == id && e.kind == EdgeKind::PartyTo)
            {
                b.edges.push((party, id.clone(), edge));
            }
        }
    }
    for mention in find_events(text, &names, &b.dates) {
        let span = mention.span.start..mention.span.end;
        let words = text[span.clone()].to_string();
        let confidence = 0.5;
        let when = mention
            .date
            .map_or_else(Interval::default, |d| Interval::new(Some(d), Some(d)));
        let place = mention.place.as_ref().map(|p| p.name.clone());
        let date_words = mention
            .date
            .as_ref()
            .map(|d| format!("-{d}"))
            .unwrap_or_default();
        // A named event ("Shangri-La Dialogue") is one node however often it is named.
        let named = words.chars().next().is_some_and(char::is_uppercase);
        let key = format!("event:{}:{}", mention.kind.as_str(), normalize(&words));
        if named {
            if let Some(id) = b.ids.get(&key).cloned() {
                let citation = b.cite(span.clone(), confidence);
                if let Some(node) = b.nodes.get_mut(&id) {
                    node.citations.push(citation);
                }
                continue;
            }
        }
        let id = b.free_id(&format!("event-{}{date_words}", slug(&words)));
        if named {
            b.ids.insert(key, id.clone());
        }
        let mut node = Node::new(
            id.clone(),
            words,
            NodeDetails::Event {
                kind: mention.kind,
                when,
                place,
                status: mention.status,
            },
        );
        node.citations.push(b.cite(span.clone(), confidence));
        b.nodes.insert(id.clone(), node);
        for p in &mention.participants {
            if let Some(pid) = party_node(b, p, confidence) {
                let edge = Edge::new(EdgeKind::Attended)
                    .with_citation(b.cite(p.span.start..p.span.end, confidence));
                b.edges.push((pid, id.clone(), edge));
            }
        }
        if let Some(country_id) = mention.place.as_ref().and_then(|p| p.country) {
            let p = mention
                .place
                .as_ref()
                .map_or(span.clone(), |p| p.span.start..p.span.end);
            let cid = b.entity(&Entity::Country(country_id), p.clone(), confidence);
            let edge = Edge::new(EdgeKind::HeldIn).with_citation(b.cite(p, confidence));
            b.edges.push((id.clone(), cid, edge));
        }
    }
}

/// The graph of what the builder holds; a node or edge the graph refuses is left out and noted.
fn build(b: &mut Builder<'_, '_, '_>) -> Graph {
    let mut graph = Graph::new();
    let mut refused = Vec::new();
    for (_, node) in b.nodes.clone() {
        let id = node.id.clone();
        if let Err(e) = graph.add_node(node) {
            refused.push((id, e.to_string()));
        }
    }
    for (from, to, edge) in b.edges.clone() {
        if let Err(e) = graph.relate(&from, &to, edge) {
            refused.push((format!("{from}->{to}"), e.to_string()));
        }
    }
    for (id, why) in refused {
        b.notes.push(ReviewNote {
            span: 0..0,
            id: Some(id),
            confidence: 0.0,
            reason: format!("left out of the draft: {why}"),
        });
    }
    graph
}

fn statement(
    b: &mut Builder<'_, '_, '_>,
    n: usize,
    a: &Attribution,
    publisher: Option<&str>,
) -> DraftedStatement {
    let text = b.text;
    let confidence = a.confidence;
    // The speaker: the words at this point, or the earlier words they stand for.
    let naming = a.antecedent.clone().or_else(|| a.speaker.clone());
    let reading = naming.as_ref().and_then(|r| b.speaker_at(r.clone()));
    let speaker_id = match (&reading, &naming) {
        (Some((e, extra)), Some(r)) => {
            let id = b.entity_with(e, extra, r.clone(), confidence);
            b.remember(e, extra, &id);
            Some(id)
        }
        _ => None,
    };
    let speaker_name = speaker_id
        .as_ref()
        .and_then(|id| b.nodes.get(id))
        .map_or_else(|| "unknown speaker".to_string(), |n| n.name.clone());
    let words = statement_words(text, &a.content, a.form);
    let id = format!(
        "{}-stmt-{n}",
        b.source.strip_prefix("source-").unwrap_or(&b.source)
    );
    let statement_text = if a.form == Form::Quote {
        StatementText::Quote(words.clone())
    } else {
        StatementText::Paraphrase(words.clone())
    };
    let cue = Cue::new(&text[a.cue.clone()]).with_citation(b.cite(a.cue.clone(), confidence));
    let mut node = Node::new(
        id.clone(),
        label(&speaker_name, &words),
        NodeDetails::Statement {
            text: statement_text,
            date: b.statement_date(a),
            cue: Some(cue),
        },
    );
    for piece in &a.content {
        node.citations.push(b.cite(piece.clone(), confidence));
    }
    b.nodes.insert(id.clone(), node);
    if let (Some(sid), Some(span)) = (&speaker_id, &a.speaker) {
        let edge = Edge::new(EdgeKind::Said).with_citation(b.cite(span.clone(), confidence));
        b.edges.push((sid.clone(), id.clone(), edge));
    }
    // What it is about: the countries and named organizations its content names.
    let mut about: Vec<String> = Vec::new();
    let mentions: Vec<NameMention> = b
        .outer
        .iter()
        .filter(|m| {
            a.content
                .iter()
                .any(|p| m.span.start >= p.start && m.span.end <= p.end)
        })
        .cloned()
        .collect();
    for m in mentions {
        let entity = match &m.name {
            Name::Country { id, .. } => Entity::Country(id),
            Name::Organization(o) if !o.generic => Entity::Organization {
                name: o.name.to_string(),
                kind: o.kind,
            },
            _ => continue,
        };
        let extra = Extra {
            key: match &entity {
                Entity::Organization { name, .. } => Some(format!("org:{}", normalize(name))),
                _ => None,
            },
            ..Extra::default()
        };
        let span = m.span.start..m.span.end;
        let target = b.entity_with(&entity, &extra, span.clone(), confidence * 0.7);
        if about.contains(&target) || speaker_id.as_ref() == Some(&target) {
            continue;
        }
        about.push(target.clone());
        let edge = Edge::new(EdgeKind::About).with_citation(b.cite(span, confidence * 0.7));
        b.edges.push((id.clone(), target, edge));
    }
    // The chain: the outlets that carried it, then the publisher.
    let mut position = 0;
    for via in &a.via {
        let (outlet, extra) = match b.speaker_at(via.clone()) {
            Some((Entity::Person { name, .. }, extra)) => (
                Entity::Organization {
                    name,
                    kind: OrganizationKind::NewsOutlet,
                },
                extra,
            ),
            Some(e) => e,
            None => continue,
        };
        let oid = b.entity_with(&outlet, &extra, via.clone(), confidence);
        position += 1;
        let edge = Edge::new(EdgeKind::ReportedBy)
            .qualified(|q| q.position = Some(position))
            .with_citation(b.cite(via.clone(), confidence));
        b.edges.push((id.clone(), oid, edge));
    }
    if let Some(p) = publisher {
        if speaker_id.as_deref() != Some(p) {
            position += 1;
            let edge = Edge::new(EdgeKind::ReportedBy)
                .qualified(|q| q.position = Some(position))
                .with_citation(b.cite(a.content_extent(), confidence));
            b.edges.push((id.clone(), p.to_string(), edge));
        }
    }
    // What to review.
    let note_span = a.speaker.clone().unwrap_or_else(|| a.cue.clone());
    if speaker_id.is_none() {
        b.notes.push(ReviewNote {
            span: note_span,
            id: Some(id.clone()),
            confidence: (confidence * 0.5 * 100.0).round() / 100.0,
            reason: match &a.speaker {
                Some(s) => format!(
                    "speaker \"{}\" could not be resolved to a name",
                    &text[s.clone()]
                ),
                None => "no speaker found for this statement".to_string(),
            },
        });
    } else if let Some(doubt) = a.doubt {
        b.notes.push(ReviewNote {
            span: note_span,
            id: Some(id.clone()),
            confidence,
            reason: doubt.to_string(),
        });
    }
    DraftedStatement {
        id,
        content: a.content.clone(),
        cue: a.cue.clone(),
        speaker: a.speaker.clone(),
        speaker_id,
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_read_by_kind() {
        assert_eq!(entity_of("Seoul"), Some(Entity::Country("KOR")));
        assert_eq!(
            entity_of("Reuters"),
            Some(Entity::Organization {
                name: "Reuters".into(),
                kind: OrganizationKind::NewsOutlet
            })
        );
        assert_eq!(
            entity_of("US Secretary of Defence Ashton Carter"),
            Some(Entity::Person {
                name: "Ashton Carter".into(),
                title: Some("US Secretary of Defence".into())
            })
        );
        assert_eq!(
            entity_of("officials"),
            Some(Entity::Unnamed {
                description: "officials".into(),
                organization: false
            })
        );
        assert_eq!(
            entity_of("Seoul's defence ministry"),
            Some(Entity::Organization {
                name: "Seoul's defence ministry".into(),
                kind: OrganizationKind::Ministry
            })
        );
        assert_eq!(
            entity_of("the ministry"),
            Some(Entity::Unnamed {
                description: "the ministry".into(),
                organization: true
            })
        );
        assert_eq!(entity_of("he"), None);
    }

    #[test]
    fn an_agreement_with_its_parties_and_step() {
        let text = "Japan and South Korea signed an intelligence-sharing pact in November, officials said.";
        let options = DraftOptions {
            date: "2016-12-01".parse().ok(),
            ..DraftOptions::default()
        };
        let drafted = assemble(text, &options);
        assert!(drafted.graph.validate().is_empty());
        let agreements: Vec<(String, Vec<String>)> = drafted
            .graph
            .nodes_of_kind(NodeKind::Agreement)
            .map(|n| {
                let steps = n
                    .lifecycle()
                    .unwrap_or_default()
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {:?}",
                            s.state.as_str(),
                            s.date.as_ref().map(ToString::to_string)
                        )
                    })
                    .collect();
                (n.name.clone(), steps)
            })
            .collect();
        assert_eq!(
            agreements,
            vec![(
                "intelligence-sharing pact".to_string(),
                vec!["signed Some(\"2016-11\")".to_string()]
            )]
        );
        let mut parties: Vec<&str> = drafted
            .graph
            .edges()
            .filter(|e| e.edge.kind == EdgeKind::PartyTo)
            .map(|e| e.from.id.as_str())
            .collect();
        parties.sort_unstable();
        assert_eq!(parties, vec!["JPN", "KOR"]);
    }
}
