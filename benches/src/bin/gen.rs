//! Writes a realistic, deterministic benchmark graph in diplograph's native format and, for the
//! comparison with networkx and rustworkx, the same graph as networkx node-link JSON.
//!
//! ```text
//! cargo run --release -p diplograph-benches --bin gen -- S            # 10k nodes
//! cargo run --release -p diplograph-benches --bin gen -- L --seed 7   # 1M nodes
//! ```
//!
//! Writes `benches/data/{SCALE}.json` and `benches/data/{SCALE}.nodelink.json` (or under
//! `$DIPLOGRAPH_BENCH_DATA`). The same scale and seed always give byte-identical files.
//!
//! What is in it, per 1,000 nodes: ~280 persons, ~80 organizations (ministries, militaries,
//! news outlets, international organizations …), ~60 agreements (2 to 30 parties, GSOMIAs
//! exactly 2, with dated lifecycles: proposed, signed, in force, suspended, withdrawn,
//! terminated), ~160 events, ~280 statements (one or two speakers, a reporting chain of 1–3,
//! 1–5 `about` targets) and ~140 sources; plus about 200 countries whose activity follows a
//! Zipf-like law (a few hubs, a long tail). Dates run from 1990 to 2026, mostly to the day;
//! about 30% of edges carry a validity interval; about 40% of facts carry a citation.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use diplograph_benches::{
    data_dir, native_path, nodelink_path, queries_path, scale_nodes, QueryPlan,
};
use serde::Serialize;

const MAJORS: &[&str] = &[
    "USA", "CHN", "RUS", "JPN", "KOR", "PRK", "GBR", "FRA", "DEU", "IND", "BRA", "TUR", "IRN",
    "ISR", "SAU", "AUS", "CAN", "ITA", "ESP", "POL", "UKR", "PAK", "IDN", "VNM", "PHL", "SGP",
    "MYS", "THA", "EGY", "ZAF", "NGA", "MEX", "ARG", "SWE", "NOR", "NLD",
];
const FIRST: &[&str] = &[
    "Ashton", "Min Koo", "Gen", "Jong Un", "Yin", "Maria", "Ahmed", "Olga", "Chen", "Fatima",
    "Pierre", "Ingrid", "Kenji", "Sofia", "Rahul", "Aisha", "Lars", "Elena", "Tomasz", "Nguyen",
    "José", "Amara", "Hiroshi", "Zeynep", "David", "Leila", "Pavel", "Grace", "Omar", "Yuki",
];
const LAST: &[&str] = &[
    "Carter", "Han", "Nakatani", "Kim", "Lu", "Müller", "Haddad", "Ivanova", "Wang", "Okafor",
    "Dubois", "Larsen", "Sato", "Rossi", "Sharma", "Bello", "Nilsson", "Petrova", "Kowalski",
    "Tran", "García", "Mensah", "Tanaka", "Yılmaz", "Cohen", "Farahani", "Novak", "Smith", "Abbas",
    "Suzuki", "Park", "Lee", "Choi", "O'Brien", "Silva", "Santos", "Schmidt", "Costa",
];
const TITLES: &[&str] = &[
    "Defence Minister",
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Secretary of Defense",
    "Ambassador",
    "Chief of Staff",
    "President",
    "Prime Minister",
    "Spokesperson",
    "Envoy",
    "Director",
    "Chairman",
    "Editor",
    "Analyst",
    "Senior Fellow",
];
const TOPICS: &[&str] = &[
    "nuclear programme",
    "missile tests",
    "trilateral cooperation",
    "maritime security",
    "sanctions",
    "trade talks",
    "intelligence sharing",
    "border dispute",
    "humanitarian aid",
    "climate finance",
    "arms control",
    "cyber security",
    "energy supply",
    "denuclearisation",
];
const VERBS: &[&str] = &[
    "called for",
    "warned against",
    "welcomed",
    "criticised",
    "stressed the need for",
    "expressed concern about",
    "pledged support for",
    "rejected",
    "urged restraint on",
];

/// A seeded random stream with the few draws the generator needs.
struct Draw(fastrand::Rng);

impl Draw {
    fn new(seed: u64, stream: u64) -> Self {
        Draw(fastrand::Rng::with_seed(
            seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ stream,
        ))
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.0.usize(..n)
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        self.0.f64() < p
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs.get(self.below(xs.len())).copied().unwrap_or("")
    }
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// A day number from 1990-01-01 (day 0) to the end of 2026.
    fn day(&mut self) -> u32 {
        self.0.u32(..DAYS)
    }
    /// An index drawn from a cumulative weight table.
    fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(1.0);
        let x = self.0.f64() * total;
        cumulative
            .partition_point(|&c| c <= x)
            .min(cumulative.len().saturating_sub(1))
    }
}

const DAYS: u32 = 37 * 365 + 9; // 1990-01-01 ..= 2026-12-31

/// A date `day` days after 1990-01-01, at day (80%), month (15%) or year (5%) precision.
fn date_text(day: u32, precision_draw: u32) -> String {
    let mut y = 1990u32;
    let mut d = day;
    loop {
        let len = if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            366
        } else {
            365
        };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while let Some(&len) = months.get(m) {
        if d < len {
            break;
        }
        d -= len;
        m += 1;
    }
    match precision_draw % 20 {
        0 => format!("{y}"),
        1..=3 => format!("{y}-{:02}", m + 1),
        _ => format!("{y}-{:02}-{:02}", m + 1, d + 1),
    }
}

#[derive(Serialize)]
struct CitationOut {
    source: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    via: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
}

#[derive(Serialize)]
struct StepOut {
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<String>,
}

#[derive(Serialize, Default)]
struct NodeOut {
    id: String,
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_ids: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agreement_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lifecycle: Vec<StepOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paraphrase: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attributes: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citations: Vec<CitationOut>,
}

/// What an edge carries besides its ends (shared by both output formats).
#[derive(Serialize)]
struct EdgeBody {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_behalf_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citations: Vec<CitationOut>,
}

#[derive(Serialize)]
struct NativeEdge<'a> {
    kind: &'static str,
    from: &'a str,
    to: &'a str,
    #[serde(flatten)]
    rest: &'a EdgeRest,
}

/// An edge body without its kind (the kind is written first, as the native format's saver does).
#[derive(Serialize)]
struct EdgeRest {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_behalf_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citations: Vec<CitationOut>,
}

#[derive(Serialize)]
struct NodeLinkEdge<'a> {
    source: &'a str,
    target: &'a str,
    key: u64,
    kind: &'static str,
    #[serde(flatten)]
    rest: &'a EdgeRest,
}

/// Both output files, written element by element.
struct Out {
    native: BufWriter<File>,
    nodelink: BufWriter<File>,
    nodes: u64,
    edges: u64,
    dated_edges: u64,
    cited: u64,
    plan: Option<QueryPlan>,
}

impl Out {
    fn node(&mut self, n: &NodeOut) -> std::io::Result<()> {
        let sep = if self.nodes == 0 { "" } else { ",\n" };
        self.native.write_all(sep.as_bytes())?;
        self.nodelink.write_all(sep.as_bytes())?;
        serde_json::to_writer(&mut self.native, n)?;
        serde_json::to_writer(&mut self.nodelink, n)?;
        self.nodes += 1;
        self.cited += u64::from(!n.citations.is_empty());
        Ok(())
    }

    fn edge(&mut self, from: &str, to: &str, body: EdgeBody) -> std::io::Result<()> {
        let EdgeBody {
            kind,
            start,
            end,
            title,
            on_behalf_of,
            position,
            share,
            citations,
        } = body;
        let rest = EdgeRest {
            start,
            end,
            title,
            on_behalf_of,
            position,
            share,
            citations,
        };
        let sep = if self.edges == 0 { "" } else { ",\n" };
        self.native.write_all(sep.as_bytes())?;
        self.nodelink.write_all(sep.as_bytes())?;
        serde_json::to_writer(
            &mut self.native,
            &NativeEdge {
                kind,
                from,
                to,
                rest: &rest,
            },
        )?;
        serde_json::to_writer(
            &mut self.nodelink,
            &NodeLinkEdge {
                source: from,
                target: to,
                key: self.edges,
                kind,
                rest: &rest,
            },
        )?;
        self.edges += 1;
        self.dated_edges += u64::from(rest.start.is_some() || rest.end.is_some());
        self.cited += u64::from(!rest.citations.is_empty());
        Ok(())
    }
}

/// A party to an agreement: a country (by index) or an organization (by number).
#[derive(Clone, Copy, PartialEq)]
enum Party {
    Country(usize),
    Org(usize),
}

struct World {
    countries: Vec<&'static diplograph::identity::CountryRecord>,
    country_weights: Vec<f64>,
    persons: usize,
    orgs: usize,
    agreements: usize,
    events: usize,
    statements: usize,
    sources: usize,
    /// Organization kinds, by organization number.
    org_kinds: Vec<&'static str>,
    outlets: Vec<usize>,
    intl_orgs: Vec<usize>,
}

impl World {
    fn country_id(&self, i: usize) -> String {
        self.countries
            .get(i)
            .map_or_else(String::new, |c| c.alpha3.to_owned())
    }
    fn party_id(&self, p: Party) -> String {
        match p {
            Party::Country(i) => self.country_id(i),
            Party::Org(i) => format!("org-{i}"),
        }
    }
    fn country(&self, d: &mut Draw) -> usize {
        d.weighted(&self.country_weights)
    }
    /// A random country, organization or person id (an "actor").
    fn actor(&self, d: &mut Draw, p_person: f64, p_country: f64) -> String {
        let x = d.0.f64();
        if x < p_person {
            format!("person-{}", d.below(self.persons))
        } else if x < p_person + p_country {
            self.country_id(self.country(d))
        } else {
            format!("org-{}", d.below(self.orgs))
        }
    }
    fn citation(&self, d: &mut Draw, p: f64) -> Vec<CitationOut> {
        if !d.chance(p) || self.sources == 0 {
            return Vec::new();
        }
        let via = if d.chance(0.15) && !self.outlets.is_empty() {
            vec![format!(
                "org-{}",
                self.outlets
                    .get(d.below(self.outlets.len()))
                    .copied()
                    .unwrap_or(0)
            )]
        } else {
            Vec::new()
        };
        let confidence = d.chance(0.2).then(|| f64::from(d.0.u8(50..=100)) / 100.0);
        vec![CitationOut {
            source: format!("source-{}", d.below(self.sources)),
            via,
            confidence,
        }]
    }
    /// A validity interval for about 30% of edges (more for kinds that naturally have one).
    fn interval(&self, d: &mut Draw, p: f64) -> (Option<String>, Option<String>) {
        if !d.chance(p) {
            return (None, None);
        }
        let start = d.day();
        let prec = d.0.u32(..);
        let end = d
            .chance(0.5)
            .then(|| (start + d.0.u32(30..3000)).min(DAYS - 1));
        let start_text = date_text(start, prec);
        // The end is written at day precision so it never reads as before a coarser start.
        (
            d.chance(0.9).then_some(start_text),
            end.map(|e| date_text(e, 19)),
        )
    }
}

fn body(kind: &'static str) -> EdgeBody {
    EdgeBody {
        kind,
        start: None,
        end: None,
        title: None,
        on_behalf_of: None,
        position: None,
        share: None,
        citations: Vec::new(),
    }
}

const AGREEMENT_KINDS: &[(&str, u32)] = &[
    ("gsomia", 10),
    ("memorandum_of_understanding", 25),
    ("treaty", 15),
    ("arrangement", 15),
    ("communication_line", 5),
    ("resolution", 5),
    ("joint_understanding", 15),
    ("talks_format", 5),
    ("other", 5),
];
const ORG_KINDS: &[(&str, u32)] = &[
    ("ministry", 30),
    ("military", 10),
    ("news_outlet", 15),
    ("international_organization", 5),
    ("think_tank", 10),
    ("university", 10),
    ("company", 15),
    ("other", 5),
];
const EVENT_KINDS: &[(&str, u32)] = &[
    ("meeting", 30),
    ("summit", 10),
    ("exercise", 10),
    ("nuclear_test", 1),
    ("missile_launch", 5),
    ("sanctions_decision", 5),
    ("talks_round", 15),
    ("panel", 10),
    ("signing", 9),
    ("other", 5),
];

fn pick_weighted(d: &mut Draw, table: &[(&'static str, u32)]) -> &'static str {
    let total: u32 = table.iter().map(|&(_, w)| w).sum();
    let mut x = d.0.u32(..total.max(1));
    for &(name, w) in table {
        if x < w {
            return name;
        }
        x -= w;
    }
    table.first().map_or("other", |&(n, _)| n)
}

fn generate(nodes: usize, seed: u64, native: File, nodelink: File) -> std::io::Result<Out> {
    let mut out = Out {
        native: BufWriter::with_capacity(1 << 20, native),
        nodelink: BufWriter::with_capacity(1 << 20, nodelink),
        nodes: 0,
        edges: 0,
        dated_edges: 0,
        cited: 0,
        plan: None,
    };
    // Countries: the majors first (they get the most weight), then others in table order.
    let table = diplograph::identity::countries();
    let mut countries: Vec<&'static diplograph::identity::CountryRecord> = MAJORS
        .iter()
        .filter_map(|c| diplograph::identity::country(c))
        .collect();
    for rec in table {
        if countries.len() >= 200.min(nodes / 10).max(10) {
            break;
        }
        if !countries.iter().any(|c| c.alpha3 == rec.alpha3) && !rec.capital.is_empty() {
            countries.push(rec);
        }
    }
    let mut acc = 0.0;
    let country_weights: Vec<f64> = (0..countries.len())
        .map(|i| {
            acc += 1.0 / ((i + 1) as f64).powf(0.9);
            acc
        })
        .collect();
    let rest = nodes.saturating_sub(countries.len());
    let share = |pct: usize| (rest * pct / 100).max(1);
    let mut w = World {
        country_weights,
        persons: share(28),
        orgs: share(8),
        agreements: share(6),
        events: share(16),
        statements: share(28),
        sources: 0,
        org_kinds: Vec::new(),
        outlets: Vec::new(),
        intl_orgs: Vec::new(),
        countries,
    };
    w.sources = rest
        .saturating_sub(w.persons + w.orgs + w.agreements + w.events + w.statements)
        .max(1);
    let mut d = Draw::new(seed, 1);
    w.org_kinds = (0..w.orgs)
        .map(|_| pick_weighted(&mut d, ORG_KINDS))
        .collect();
    w.outlets = (0..w.orgs)
        .filter(|&i| w.org_kinds.get(i) == Some(&"news_outlet"))
        .collect();
    w.intl_orgs = (0..w.orgs)
        .filter(|&i| w.org_kinds.get(i) == Some(&"international_organization"))
        .collect();

    out.native.write_all(
        b"{\"diplograph\":\"1\",\"title\":\"diplograph benchmark graph\",\"nodes\":[\n",
    )?;
    out.nodelink
        .write_all(b"{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[\n")?;

    // ---- Nodes ----
    for (i, c) in w.countries.iter().enumerate() {
        let mut n = NodeOut {
            id: c.alpha3.to_owned(),
            kind: "country",
            name: c.name.to_owned(),
            ..NodeOut::default()
        };
        n.citations = w.citation(&mut d, 0.3);
        if i % 3 == 0 {
            n.attributes = Some(serde_json::json!({ "region_rank": i }));
        }
        out.node(&n)?;
    }
    for i in 0..w.persons {
        let mut n = NodeOut {
            id: format!("person-{i}"),
            kind: "person",
            name: format!("{} {}", d.pick(FIRST), d.pick(LAST)),
            ..NodeOut::default()
        };
        if d.chance(0.1) {
            n.aliases.push(format!(
                "{} (person {i})",
                n.name.split(' ').next_back().unwrap_or("")
            ));
        }
        if d.chance(0.3) {
            n.external_ids = Some(serde_json::json!({ "wikidata": format!("Q{}", 1_000_000 + i) }));
        }
        if d.chance(0.2) {
            n.attributes = Some(serde_json::json!({ "born": 1930 + d.below(70) }));
        }
        n.citations = w.citation(&mut d, 0.4);
        out.node(&n)?;
    }
    for i in 0..w.orgs {
        let kind = w.org_kinds.get(i).copied().unwrap_or("other");
        let c = w.country(&mut d);
        let cname = w.countries.get(c).map_or("", |r| r.name);
        let name = match kind {
            "ministry" => format!(
                "{cname} Ministry of {}",
                d.pick(&[
                    "Defence",
                    "Foreign Affairs",
                    "Trade",
                    "Unification",
                    "Finance"
                ])
            ),
            "military" => format!(
                "{cname} {}",
                d.pick(&["Army", "Navy", "Air Force", "Joint Chiefs of Staff"])
            ),
            "news_outlet" => format!(
                "The {} {}",
                w.countries.get(c).map_or("", |r| r.capital),
                d.pick(&["Times", "Herald", "News Agency", "Post", "Daily"])
            ),
            "international_organization" => format!(
                "{} Organization {i}",
                d.pick(&["Regional Security", "Trade", "Development", "Maritime"])
            ),
            "think_tank" => format!(
                "{cname} Institute for {} Studies",
                d.pick(&["Strategic", "International", "Policy", "Security"])
            ),
            "university" => format!(
                "University of {}",
                w.countries.get(c).map_or("", |r| r.capital)
            ),
            _ => format!("{} Group {i}", d.pick(LAST)),
        };
        let mut n = NodeOut {
            id: format!("org-{i}"),
            kind: "organization",
            name,
            org_kind: Some(kind),
            ..NodeOut::default()
        };
        if d.chance(0.3) {
            n.aliases.push(format!("ORG{i}"));
        }
        n.citations = w.citation(&mut d, 0.4);
        out.node(&n)?;
    }
    // Agreements: parties and lifecycle drawn now, edges written later.
    let mut parties: Vec<Vec<Party>> = Vec::with_capacity(w.agreements);
    let mut withdrawals: Vec<Option<(Party, u32)>> = Vec::with_capacity(w.agreements);
    let mut signed_on: Vec<u32> = Vec::with_capacity(w.agreements);
    for i in 0..w.agreements {
        let kind = pick_weighted(&mut d, AGREEMENT_KINDS);
        let count = if kind == "gsomia" {
            2
        } else {
            match d.below(10) {
                0..=6 => 2,
                7 | 8 => d.between(3, 5),
                _ => d.between(6, 30),
            }
        };
        let mut ps: Vec<Party> = Vec::with_capacity(count);
        let mut guard = 0;
        while ps.len() < count && guard < 200 {
            guard += 1;
            let p = if kind == "gsomia" || d.chance(0.9) || w.orgs == 0 {
                Party::Country(w.country(&mut d))
            } else {
                Party::Org(d.below(w.orgs))
            };
            if !ps.contains(&p) {
                ps.push(p);
            }
        }
        let names: Vec<String> = ps.iter().take(3).map(|&p| w.party_id(p)).collect();
        let mut day = d.0.u32(..DAYS - 2000);
        let mut steps = Vec::new();
        if d.chance(0.3) {
            steps.push(StepOut {
                state: "proposed",
                date: Some(date_text(day, 19)),
                party: None,
            });
            day += d.0.u32(30..400);
        }
        if d.chance(0.2) {
            steps.push(StepOut {
                state: "negotiating",
                date: Some(date_text(day, 19)),
                party: None,
            });
            day += d.0.u32(30..400);
        }
        let signed = day;
        steps.push(StepOut {
            state: "signed",
            date: Some(date_text(day, 19)),
            party: None,
        });
        let mut withdrawal = None;
        if d.chance(0.75) {
            day += d.0.u32(0..200);
            steps.push(StepOut {
                state: "in_force",
                date: Some(date_text(day, 19)),
                party: None,
            });
            if d.chance(0.06) {
                day += d.0.u32(100..1500);
                steps.push(StepOut {
                    state: "suspended",
                    date: Some(date_text(day, 19)),
                    party: None,
                });
                day += d.0.u32(30..400);
                steps.push(StepOut {
                    state: "in_force",
                    date: Some(date_text(day, 19)),
                    party: None,
                });
            }
            if ps.len() > 2 && d.chance(0.1) {
                day += d.0.u32(100..2000);
                let p = ps
                    .get(d.below(ps.len()))
                    .copied()
                    .unwrap_or(Party::Country(0));
                steps.push(StepOut {
                    state: "withdrawn",
                    date: Some(date_text(day, 19)),
                    party: Some(w.party_id(p)),
                });
                withdrawal = Some((p, day));
            }
            if d.chance(0.1) {
                day += d.0.u32(100..3000);
                steps.push(StepOut {
                    state: "terminated",
                    date: Some(date_text(day.min(DAYS - 1), 19)),
                    party: None,
                });
            }
        }
        let kind_label = kind.replace('_', " ");
        let mut n = NodeOut {
            id: format!("agreement-{i}"),
            kind: "agreement",
            name: format!("{} {kind_label} ({})", names.join("–"), 1990 + signed / 365),
            agreement_kind: Some(kind),
            lifecycle: steps,
            ..NodeOut::default()
        };
        if d.chance(0.2) {
            n.aliases.push(format!("{}-{i}", kind.to_ascii_uppercase()));
        }
        n.citations = w.citation(&mut d, 0.6);
        out.node(&n)?;
        parties.push(ps);
        withdrawals.push(withdrawal);
        signed_on.push(signed);
    }
    for i in 0..w.events {
        let kind = pick_weighted(&mut d, EVENT_KINDS);
        let day = d.day();
        let c = w.country(&mut d);
        let place = w.countries.get(c).map(|r| r.capital.to_owned());
        let mut n = NodeOut {
            id: format!("event-{i}"),
            kind: "event",
            name: format!(
                "{} in {} ({})",
                kind.replace('_', " "),
                place.as_deref().unwrap_or("?"),
                date_text(day, 1)
            ),
            event_kind: Some(kind),
            date: Some(date_text(day, 19)),
            place,
            ..NodeOut::default()
        };
        if d.chance(0.3) {
            n.end = Some(date_text((day + d.0.u32(1..5)).min(DAYS - 1), 19));
        }
        n.citations = w.citation(&mut d, 0.5);
        out.node(&n)?;
    }
    for i in 0..w.statements {
        let day = d.day();
        let words = format!(
            "{} {} {}.",
            d.pick(&[
                "The minister",
                "The spokesperson",
                "Officials",
                "The president"
            ]),
            d.pick(VERBS),
            d.pick(TOPICS)
        );
        let mut n = NodeOut {
            id: format!("statement-{i}"),
            kind: "statement",
            name: format!("statement {i} on {}", d.pick(TOPICS)),
            date: Some(date_text(day, d.0.u32(..))),
            ..NodeOut::default()
        };
        if d.chance(0.3) {
            n.quote = Some(words);
        } else {
            n.paraphrase = Some(words);
        }
        n.citations = w.citation(&mut d, 0.7);
        out.node(&n)?;
    }
    for i in 0..w.sources {
        let day = d.day();
        let n = NodeOut {
            id: format!("source-{i}"),
            kind: "source",
            name: format!(
                "{} report {i}",
                d.pick(&["Yonhap", "Reuters", "Straits Times", "AFP", "Kyodo", "AP"])
            ),
            date: Some(date_text(day, 19)),
            url: d.chance(0.8).then(|| format!("https://news.example/{i}")),
            ..NodeOut::default()
        };
        out.node(&n)?;
    }

    // ---- Edges ----
    out.native.write_all(b"\n],\"edges\":[\n")?;
    out.nodelink.write_all(b"\n],\"edges\":[\n")?;
    let mut d = Draw::new(seed, 2);
    // Countries with each other.
    for a in 0..w.countries.len() {
        let ca = w.country_id(a);
        for (kind, count) in [
            ("trades_with", 20),
            ("allied_with", 3),
            ("sanctions", 2),
            ("threatens", 1),
        ] {
            for _ in 0..count {
                let b = w.country(&mut d);
                if b == a {
                    continue;
                }
                let mut e = body(kind);
                (e.start, e.end) = w.interval(&mut d, 0.5);
                if kind == "trades_with" {
                    e.share = Some(f64::from(d.0.u32(1..300)) / 1000.0);
                }
                e.citations = w.citation(&mut d, 0.3);
                out.edge(&ca, &w.country_id(b), e)?;
            }
        }
    }
    // Countries in international organizations.
    for &o in &w.intl_orgs {
        for _ in 0..d.between(5, 40) {
            let c = w.country_id(w.country(&mut d));
            let mut e = body("member_of");
            (e.start, e.end) = w.interval(&mut d, 0.5);
            out.edge(&c, &format!("org-{o}"), e)?;
        }
    }
    for i in 0..w.persons {
        let id = format!("person-{i}");
        for _ in 0..d.between(1, 3) {
            let mut e = body("holds_office");
            e.title = Some(d.pick(TITLES));
            (e.start, e.end) = w.interval(&mut d, 0.6);
            e.citations = w.citation(&mut d, 0.4);
            let to = if d.chance(0.7) {
                format!("org-{}", d.below(w.orgs))
            } else {
                w.country_id(w.country(&mut d))
            };
            out.edge(&id, &to, e)?;
        }
        if d.chance(0.9) {
            let mut e = body("based_in");
            e.citations = w.citation(&mut d, 0.2);
            out.edge(&id, &w.country_id(w.country(&mut d)), e)?;
        }
        if d.chance(0.6) {
            let mut e = body("member_of");
            (e.start, e.end) = w.interval(&mut d, 0.5);
            out.edge(&id, &format!("org-{}", d.below(w.orgs)), e)?;
        }
    }
    for i in 0..w.orgs {
        let id = format!("org-{i}");
        let kind = w.org_kinds.get(i).copied().unwrap_or("other");
        if kind != "international_organization" {
            let mut e = body("based_in");
            e.citations = w.citation(&mut d, 0.2);
            out.edge(&id, &w.country_id(w.country(&mut d)), e)?;
        }
        if matches!(kind, "ministry" | "military") {
            out.edge(&id, &w.country_id(w.country(&mut d)), body("part_of"))?;
        }
        if d.chance(0.2) && !w.intl_orgs.is_empty() {
            let o = w
                .intl_orgs
                .get(d.below(w.intl_orgs.len()))
                .copied()
                .unwrap_or(0);
            if o != i {
                let mut e = body("member_of");
                (e.start, e.end) = w.interval(&mut d, 0.5);
                out.edge(&id, &format!("org-{o}"), e)?;
            }
        }
    }
    for (i, ps) in parties.iter().enumerate() {
        let id = format!("agreement-{i}");
        let signed = signed_on.get(i).copied().unwrap_or(0);
        for &p in ps {
            let mut e = body("party_to");
            if d.chance(0.6) {
                e.start = Some(date_text(signed, 19));
            }
            e.citations = w.citation(&mut d, 0.5);
            out.edge(&w.party_id(p), &id, e)?;
        }
        if let Some(Some((p, day))) = withdrawals.get(i) {
            let mut e = body("withdrew_from");
            e.start = Some(date_text(*day, 19));
            out.edge(&w.party_id(*p), &id, e)?;
        }
        if d.chance(0.5) {
            for &p in ps.iter().take(2) {
                let mut e = body("signed");
                e.on_behalf_of = Some(w.party_id(p));
                e.start = Some(date_text(signed, 19));
                e.end = e.start.clone();
                out.edge(&format!("person-{}", d.below(w.persons)), &id, e)?;
            }
        }
    }
    for i in 0..w.events {
        let id = format!("event-{i}");
        let mut e = body("held_in");
        e.citations = w.citation(&mut d, 0.3);
        out.edge(&id, &w.country_id(w.country(&mut d)), e)?;
        if d.chance(0.6) {
            out.edge(&id, &w.actor(&mut d, 0.2, 0.5), body("organised_by"))?;
        }
        if i > 0 && d.chance(0.05) {
            out.edge(&id, &format!("event-{}", d.below(i)), body("part_of"))?;
        }
        let held = d.day();
        for _ in 0..d.between(2, 20) {
            let mut e = body("attended");
            if d.chance(0.35) {
                e.start = Some(date_text(held, 19));
            }
            e.citations = w.citation(&mut d, 0.3);
            out.edge(&w.actor(&mut d, 0.6, 0.3), &id, e)?;
        }
    }
    for i in 0..w.statements {
        let id = format!("statement-{i}");
        for _ in 0..(1 + usize::from(d.chance(0.15))) {
            let mut e = body("said");
            e.citations = w.citation(&mut d, 0.4);
            out.edge(&w.actor(&mut d, 0.7, 0.1), &id, e)?;
        }
        for pos in 1..=d.between(1, 3) {
            let mut e = body("reported_by");
            e.position = u32::try_from(pos).ok();
            if d.chance(0.6) {
                e.start = Some(date_text(d.day(), 19));
            }
            let to = if d.chance(0.8) && !w.outlets.is_empty() {
                format!(
                    "org-{}",
                    w.outlets
                        .get(d.below(w.outlets.len()))
                        .copied()
                        .unwrap_or(0)
                )
            } else {
                format!("person-{}", d.below(w.persons))
            };
            out.edge(&id, &to, e)?;
        }
        for _ in 0..d.between(1, 5) {
            let to = match d.below(20) {
                0..=9 => w.country_id(w.country(&mut d)),
                10..=12 => format!("agreement-{}", d.below(w.agreements)),
                13..=15 => format!("event-{}", d.below(w.events)),
                16 | 17 => format!("person-{}", d.below(w.persons)),
                18 => format!("org-{}", d.below(w.orgs)),
                _ => format!("statement-{}", d.below(w.statements)),
            };
            out.edge(&id, &to, body("about"))?;
        }
        if i > 0 && d.chance(0.15) {
            let kind = d.pick(&["reports", "supports", "disputes"]);
            let kind: &'static str = match kind {
                "reports" => "reports",
                "supports" => "supports",
                _ => "disputes",
            };
            out.edge(&id, &format!("statement-{}", d.below(i)), body(kind))?;
        }
    }
    for i in 0..w.sources {
        let to = if d.chance(0.9) && !w.outlets.is_empty() {
            format!(
                "org-{}",
                w.outlets
                    .get(d.below(w.outlets.len()))
                    .copied()
                    .unwrap_or(0)
            )
        } else {
            format!("person-{}", d.below(w.persons))
        };
        out.edge(&format!("source-{i}"), &to, body("published_by"))?;
    }
    out.native.write_all(b"\n]}\n")?;
    out.nodelink.write_all(b"\n]}\n")?;
    out.native.flush()?;
    out.nodelink.flush()?;
    out.plan = plan_queries(&w, &mut Draw::new(seed, 3));
    Ok(out)
}

/// The questions every system in the comparison answers: 10,000 typed one-hop neighbour
/// queries (30% on countries, the hubs; the rest on other nodes, each with an edge kind that
/// node kind has) and 1,000 chain queries between countries on dates from 1995 to 2025.
fn plan_queries(w: &World, d: &mut Draw) -> Option<QueryPlan> {
    const COUNTRY: &[(&str, &str)] = &[
        ("out", "party_to"),
        ("out", "trades_with"),
        ("out", "attended"),
        ("out", "member_of"),
        ("in", "about"),
        ("in", "held_in"),
        ("in", "based_in"),
        ("in", "holds_office"),
    ];
    const PERSON: &[(&str, &str)] = &[
        ("out", "holds_office"),
        ("out", "attended"),
        ("out", "said"),
        ("out", "based_in"),
    ];
    const ORG: &[(&str, &str)] = &[
        ("out", "based_in"),
        ("in", "reported_by"),
        ("in", "published_by"),
        ("in", "holds_office"),
    ];
    const AGREEMENT: &[(&str, &str)] = &[("in", "party_to"), ("in", "signed")];
    const EVENT: &[(&str, &str)] = &[("in", "attended"), ("out", "held_in")];
    const STATEMENT: &[(&str, &str)] = &[("out", "about"), ("out", "reported_by"), ("in", "said")];
    const SOURCE: &[(&str, &str)] = &[("out", "published_by")];
    let mut neighbour = Vec::with_capacity(10_000);
    for _ in 0..10_000 {
        let (id, table) = if d.chance(0.3) {
            (w.country_id(w.country(d)), COUNTRY)
        } else {
            match d.below(100) {
                0..=27 => (format!("person-{}", d.below(w.persons)), PERSON),
                28..=35 => (format!("org-{}", d.below(w.orgs)), ORG),
                36..=41 => (format!("agreement-{}", d.below(w.agreements)), AGREEMENT),
                42..=57 => (format!("event-{}", d.below(w.events)), EVENT),
                58..=85 => (format!("statement-{}", d.below(w.statements)), STATEMENT),
                _ => (format!("source-{}", d.below(w.sources)), SOURCE),
            }
        };
        let &(dir, kind) = table.get(d.below(table.len()))?;
        neighbour.push((id, dir.to_owned(), kind.to_owned()));
    }
    let mut chains = Vec::with_capacity(1_000);
    while chains.len() < 1_000 {
        let (a, b) = (w.country(d), w.country(d));
        if a != b {
            let day = 5 * 365 + d.0.u32(..30 * 365);
            chains.push((w.country_id(a), w.country_id(b), date_text(day, 19)));
        }
    }
    Some(QueryPlan {
        neighbour,
        chains,
        as_of: "2016-06-04".to_owned(),
        timeline: ("2016-01-01".to_owned(), "2016-12-31".to_owned()),
    })
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut scale = None;
    let mut seed = 2016_u64;
    while let Some(a) = args.next() {
        if a == "--seed" {
            match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => {
                    eprintln!("gen: --seed needs a number");
                    return ExitCode::from(2);
                }
            }
        } else {
            scale = Some(a);
        }
    }
    let Some(scale) = scale else {
        eprintln!("usage: gen SCALE [--seed N]   (SCALE: XS, S, M, L or a node count)");
        return ExitCode::from(2);
    };
    let Some(nodes) = scale_nodes(&scale) else {
        eprintln!("gen: unknown scale `{scale}` (use XS, S, M, L or a node count)");
        return ExitCode::from(2);
    };
    let run = || -> std::io::Result<Out> {
        std::fs::create_dir_all(data_dir())?;
        let native = File::create(native_path(&scale))?;
        let nodelink = File::create(nodelink_path(&scale))?;
        let out = generate(nodes, seed, native, nodelink)?;
        let plan = File::create(queries_path(&scale))?;
        serde_json::to_writer(BufWriter::new(plan), &out.plan)?;
        Ok(out)
    };
    match run() {
        Ok(out) => {
            let size = std::fs::metadata(native_path(&scale))
                .map(|m| m.len())
                .unwrap_or(0);
            println!(
                "{}: {} nodes, {} edges ({:.2} per node), {:.0}% of edges dated, {:.0}% of elements cited, {:.1} MB",
                native_path(&scale).display(),
                out.nodes,
                out.edges,
                out.edges as f64 / out.nodes.max(1) as f64,
                100.0 * out.dated_edges as f64 / out.edges.max(1) as f64,
                100.0 * out.cited as f64 / (out.nodes + out.edges).max(1) as f64,
                size as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen: cannot write the benchmark data: {e}");
            ExitCode::FAILURE
        }
    }
}
