//! The timeline picture: agreement lifecycles as bars coloured by state, events as marks,
//! statements as ticks, drawn as a standalone SVG 1.1 document (no script, no style sheet, no
//! font or image fetched). `diplograph timeline --svg` writes it; the interactive view shows
//! the same picture under its graph and moves a cursor over it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::export::xml;
use crate::graph::{Graph, NodeIndex};
use crate::model::{LifecycleState, NodeKind};
use crate::query::AgreementState;
use crate::query::{Certainty, Stretch, TimelineEntry, TimelineKind, TimelineQuery};
use crate::time::PartialDate;

/// The picture's width in pixels.
const WIDTH: f64 = 1100.0;
/// Where the plot starts (the lane labels are left of it).
const PLOT_LEFT: f64 = 250.0;
/// Where the plot ends.
const PLOT_RIGHT: f64 = WIDTH - 24.0;
/// The height of one lane.
const LANE: f64 = 22.0;
/// The most agreement lanes and event lanes drawn; the rest are counted in a note.
pub(crate) const MAX_LANES: usize = 60;

/// The colour of a lifecycle state: greens while it binds, blues on the way there, oranges
/// for notices and suspensions, reds and greys once it ended.
pub(crate) fn state_colour(state: LifecycleState) -> &'static str {
    match state {
        LifecycleState::Proposed => "#c7d2fe",
        LifecycleState::Negotiating => "#a5b4fc",
        LifecycleState::Agreed => "#7dd3fc",
        LifecycleState::Initialled => "#93c5fd",
        LifecycleState::Signed => "#3b82f6",
        LifecycleState::Ratified => "#0ea5e9",
        LifecycleState::ProvisionallyApplied => "#2dd4bf",
        LifecycleState::InForce => "#16a34a",
        LifecycleState::Renewed => "#22c55e",
        LifecycleState::Suspended => "#f59e0b",
        LifecycleState::NoticeGiven => "#f97316",
        LifecycleState::NoticeSuspended => "#fdba74",
        LifecycleState::NoticeWithdrawn => "#84cc16",
        LifecycleState::Withdrawn => "#dc2626",
        LifecycleState::Terminated => "#6b7280",
        LifecycleState::Expired => "#9ca3af",
        LifecycleState::Abandoned => "#d1d5db",
    }
}

/// The colour of events' marks and statements' ticks.
const EVENT_COLOUR: &str = "#7c3aed";
const STATEMENT_COLOUR: &str = "#0f766e";
const NOTICE_COLOUR: &str = "#ea580c";

/// What a lane of the picture is about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LaneOf {
    /// An agreement: its node id.
    Agreement(String),
    /// An event: its node id.
    Event(String),
    /// Every statement.
    Statements,
}

/// A drawn timeline: the SVG text and what the interactive view needs to point into it.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    /// The SVG document.
    pub(crate) svg: String,
    /// The day at the plot's left edge and the day at its right edge.
    pub(crate) first_day: NaiveDate,
    /// See `first_day`.
    pub(crate) last_day: NaiveDate,
    /// The plot's left and right edges, in pixels.
    pub(crate) plot: (f64, f64),
    /// The top and bottom of the lanes, in pixels.
    pub(crate) lanes_span: (f64, f64),
    /// Each lane, in drawing order; lane `i` is the SVG group with id `dg-lane-{i}`.
    pub(crate) lanes: Vec<LaneOf>,
}

/// The horizontal scale: days to pixels.
#[derive(Debug, Clone, Copy)]
struct Scale {
    first: i64,
    last: i64,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f64 {
        let d = i64::from(day.num_days_from_ce()).clamp(self.first, self.last);
        let span = (self.last - self.first).max(1) as f64;
        PLOT_LEFT + (d - self.first) as f64 / span * (PLOT_RIGHT - PLOT_LEFT)
    }
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn from_day_number(n: i64) -> NaiveDate {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

/// One agreement's lane: its name, its states over time and its lifecycle entries.
struct AgreementLane {
    id: String,
    name: String,
    states: Vec<Stretch<AgreementState>>,
    steps: Vec<TimelineEntry>,
}

/// One event's lane.
struct EventLane {
    id: String,
    name: String,
    entry: TimelineEntry,
}

/// Which agreements get a lane: those the timeline has a lifecycle entry of, and, unless
/// the query narrows the timeline to some parties or kinds, every agreement with a known
/// state at some time (an agreement known only by an attested step has no dated entry but
/// still a bar), or with `around`, the agreements next to it.
fn agreements_drawn(
    graph: &Graph,
    query: &TimelineQuery,
    entries: &[TimelineEntry],
) -> Vec<NodeIndex> {
    let mut ids: Vec<NodeIndex> = entries
        .iter()
        .filter(|e| matches!(e.what, TimelineKind::Lifecycle { .. }))
        .filter_map(|e| graph.index_of(&e.subject.id))
        .collect();
    let lifecycle_wanted =
        query.kinds.is_empty() || query.kinds.contains(&crate::query::EntryKind::Lifecycle);
    if lifecycle_wanted && query.with.is_empty() {
        match query.around {
            None => ids.extend(
                graph
                    .nodes()
                    .filter(|(_, n)| n.kind() == NodeKind::Agreement)
                    .map(|(ix, _)| ix),
            ),
            Some(center) => {
                if graph
                    .node_at(center)
                    .is_some_and(|n| n.kind() == NodeKind::Agreement)
                {
                    ids.push(center);
                }
                let next = graph
                    .edges_from(center, None)
                    .map(|e| e.to_index)
                    .chain(graph.edges_to(center, None).map(|e| e.from_index));
                ids.extend(next.filter(|&ix| {
                    graph
                        .node_at(ix)
                        .is_some_and(|n| n.kind() == NodeKind::Agreement)
                }));
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The days a stretch covers, clipped to what is known: open ends give `None`.
fn stretch_days<T>(s: &Stretch<T>) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (
        s.from.and_then(|d| d.earliest()),
        s.until.and_then(|d| d.earliest()),
    )
}

/// Draws the timeline `query` asks for (statements only when it asks for them) as an SVG
/// document titled `title`.
pub(crate) fn draw(graph: &Graph, query: &TimelineQuery, title: &str) -> Picture {
    let entries = graph.timeline(query);
    let mut agreements: Vec<AgreementLane> = agreements_drawn(graph, query, &entries)
        .into_iter()
        .filter_map(|ix| {
            let n = graph.node_at(ix)?;
            let mut states = graph.agreement_states_over_time(ix);
            // Keep only what overlaps the window.
            states.retain(|s| {
                let (from, until) = stretch_days(s);
                let after_window = query
                    .to
                    .and_then(|t| t.latest())
                    .zip(from)
                    .is_some_and(|(t, f)| f > t);
                let before_window = query
                    .from
                    .and_then(|f| f.earliest())
                    .zip(until)
                    .is_some_and(|(f, u)| u <= f);
                !after_window && !before_window
            });
            let steps: Vec<TimelineEntry> = entries
                .iter()
                .filter(|e| {
                    e.subject.id == n.id && matches!(e.what, TimelineKind::Lifecycle { .. })
                })
                .cloned()
                .collect();
            (!states.is_empty() || !steps.is_empty()).then(|| AgreementLane {
                id: n.id.clone(),
                name: n.name.clone(),
                states,
                steps,
            })
        })
        .collect();
    agreements.sort_by(|a, b| {
        let start = |l: &AgreementLane| {
            l.states
                .first()
                .and_then(|s| s.from.and_then(|d| d.earliest()))
        };
        (start(a), &a.id).cmp(&(start(b), &b.id))
    });
    let mut events: Vec<EventLane> = entries
        .iter()
        .filter(|e| matches!(e.what, TimelineKind::Event { .. }))
        .map(|e| EventLane {
            id: e.subject.id.clone(),
            name: e.subject.name.clone(),
            entry: e.clone(),
        })
        .collect();
    let statements: Vec<&TimelineEntry> = entries
        .iter()
        .filter(|e| matches!(e.what, TimelineKind::Statement { .. }))
        .collect();
    let left_out =
        agreements.len().saturating_sub(MAX_LANES) + events.len().saturating_sub(MAX_LANES);
    agreements.truncate(MAX_LANES);
    events.truncate(MAX_LANES);

    // The days shown: the window asked for, else every known day drawn, padded.
    let mut known: Vec<NaiveDate> = Vec::new();
    for l in &agreements {
        for s in &l.states {
            let (f, u) = stretch_days(s);
            known.extend(f);
            known.extend(u);
        }
        for e in &l.steps {
            known.extend(e.date.earliest());
        }
    }
    for l in &events {
        known.extend(l.entry.date.earliest());
        known.extend(l.entry.end.unwrap_or(l.entry.date).latest());
    }
    for s in &statements {
        known.extend(s.date.earliest());
    }
    let lo = query
        .from
        .and_then(|d| d.earliest())
        .or_else(|| known.iter().min().copied());
    let hi = query
        .to
        .and_then(|d| d.latest())
        .or_else(|| known.iter().max().copied());
    let (mut first, mut last) = match (lo, hi) {
        (Some(lo), Some(hi)) => (day_number(lo), day_number(hi)),
        (Some(d), None) | (None, Some(d)) => (day_number(d), day_number(d)),
        (None, None) => {
            let today = day_number(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN));
            (today, today)
        }
    };
    if query.from.is_none() || query.to.is_none() {
        let pad = ((last - first) / 25).max(20);
        if query.from.is_none() {
            first -= pad;
        }
        if query.to.is_none() {
            last += pad;
        }
    }
    let scale = Scale { first, last };

    let mut lanes: Vec<LaneOf> = Vec::new();
    let mut body = String::new();
    let mut y = 64.0;
    let section = |body: &mut String, y: &mut f64, name: &str| {
        let _ = write!(
            body,
            r##"<text x="8" y="{:.1}" font-size="12" font-weight="bold" fill="#111827">{}</text>"##,
            *y + 14.0,
            esc(name)
        );
        *y += LANE;
    };
    let lanes_top = y;
    if !agreements.is_empty() {
        section(&mut body, &mut y, "Agreements");
        for l in &agreements {
            let i = lanes.len();
            lanes.push(LaneOf::Agreement(l.id.clone()));
            agreement_lane(&mut body, i, y, l, &scale);
            y += LANE;
        }
    }
    if !events.is_empty() {
        section(&mut body, &mut y, "Events");
        for l in &events {
            let i = lanes.len();
            lanes.push(LaneOf::Event(l.id.clone()));
            event_lane(&mut body, i, y, l, &scale);
            y += LANE;
        }
    }
    if !statements.is_empty() {
        section(&mut body, &mut y, "Statements");
        let i = lanes.len();
        lanes.push(LaneOf::Statements);
        statement_lane(&mut body, i, y, &statements, &scale);
        y += LANE;
    }
    if lanes.is_empty() {
        let _ = write!(
            body,
            r##"<text x="{:.1}" y="{:.1}" font-size="13" fill="#6b7280">nothing dated to draw</text>"##,
            PLOT_LEFT,
            y + 14.0
        );
        y += LANE;
    }
    let lanes_bottom = y;
    if left_out > 0 {
        let _ = write!(
            body,
            r##"<text x="8" y="{:.1}" font-size="11" fill="#6b7280">{left_out} more lanes left out (narrow the timeline with a window, --around or --with)</text>"##,
            y + 14.0
        );
        y += LANE;
    }
    y += 8.0;
    let legend_height = legend(
        &mut body,
        y,
        &agreements,
        !events.is_empty(),
        !statements.is_empty(),
    );
    y += legend_height;
    let height = y + 8.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{WIDTH:.0}" height="{height:.0}" viewBox="0 0 {WIDTH:.0} {height:.0}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">"##
    );
    let _ = write!(svg, "<title>{}</title>", esc(title));
    let _ = write!(
        svg,
        r##"<rect x="0" y="0" width="{WIDTH:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );
    let _ = write!(
        svg,
        r##"<text x="8" y="22" font-size="15" font-weight="bold" fill="#111827">{}</text>"##,
        esc(title)
    );
    axis(&mut svg, &scale, lanes_top, lanes_bottom);
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    // One element a line, to read and to diff (no line break inside an element's text).
    for end in [
        "/>",
        "</g>",
        "</rect>",
        "</circle>",
        "</path>",
        "</line>",
        "</text>",
    ] {
        svg = svg.replace(&format!("{end}<"), &format!("{end}\n<"));
    }
    let svg = svg
        .replace("\n</text>", "</text>")
        .replace("\n<title>", "<title>");
    Picture {
        svg,
        first_day: from_day_number(first),
        last_day: from_day_number(last),
        plot: (PLOT_LEFT, PLOT_RIGHT),
        lanes_span: (lanes_top, lanes_bottom),
        lanes,
    }
}

/// `s` escaped for XML text and attribute values.
fn esc(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    xml::attr(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

/// A name cut to fit the label column.
fn label(name: &str) -> String {
    const MAX: usize = 36;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The axis: a tick and a grid line at each year (or month, or week on a short span), with
/// labels spaced to stay readable.
fn axis(svg: &mut String, scale: &Scale, top: f64, bottom: f64) {
    let (first, last) = (from_day_number(scale.first), from_day_number(scale.last));
    let days = scale.last - scale.first;
    let mut ticks: Vec<(NaiveDate, String)> = Vec::new();
    if days > 3 * 365 {
        let years = (last.year() - first.year()).max(1);
        let step = [1, 2, 5, 10, 20, 25, 50, 100]
            .into_iter()
            .find(|s| years / s <= 12)
            .unwrap_or(100);
        let mut year = first.year() + 1;
        year += (step - year.rem_euclid(step)) % step;
        while year <= last.year() {
            if let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
                ticks.push((d, year.to_string()));
            }
            year += step;
        }
    } else if days > 90 {
        let months =
            (last.year() - first.year()) * 12 + last.month0() as i32 - first.month0() as i32;
        let step = [1, 2, 3, 6, 12]
            .into_iter()
            .find(|s| months / s <= 12)
            .unwrap_or(12);
        let mut m = first.year() * 12 + first.month0() as i32 + 1;
        m += (step - m.rem_euclid(step)) % step;
        while let Some(d) =
            NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
        {
            if d > last {
                break;
            }
            ticks.push((d, d.format("%Y-%m").to_string()));
            m += step;
        }
    } else {
        let step = (days / 10).max(1);
        let mut n = scale.first + 1;
        while n <= scale.last {
            let d = from_day_number(n);
            ticks.push((d, d.format("%Y-%m-%d").to_string()));
            n += step;
        }
    }
    let _ = write!(
        svg,
        r##"<line x1="{PLOT_LEFT:.1}" y1="{:.1}" x2="{PLOT_RIGHT:.1}" y2="{:.1}" stroke="#374151" stroke-width="1"/>"##,
        top - 8.0,
        top - 8.0
    );
    for (d, text) in ticks {
        let x = scale.x(d);
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#e5e7eb" stroke-width="1"/><text x="{x:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#374151">{text}</text>"##,
            top - 8.0,
            top - 14.0,
        );
    }
}

/// Whether a date is one day, so a mark and not a span is drawn for it.
fn span_of(date: &PartialDate, end: Option<&PartialDate>) -> Option<(NaiveDate, NaiveDate)> {
    let first = date.earliest()?;
    let last = end.unwrap_or(date).latest().unwrap_or(first);
    Some((first, last))
}

fn agreement_lane(body: &mut String, i: usize, y: f64, l: &AgreementLane, scale: &Scale) {
    let _ = write!(body, r#"<g id="dg-lane-{i}">"#);
    let _ = write!(
        body,
        r##"<text x="16" y="{:.1}" font-size="12" fill="#1f2937">{}<title>{} ({})</title></text>"##,
        y + 15.0,
        esc(&label(&l.name)),
        esc(&l.name),
        esc(&l.id)
    );
    let mid = y + LANE / 2.0;
    for s in &l.states {
        let Some(state) = s.value.state else { continue };
        let (from, until) = stretch_days(s);
        let x0 = from.map_or(PLOT_LEFT, |d| scale.x(d));
        let x1 = until.map_or(PLOT_RIGHT, |d| scale.x(d));
        let possible = s.value.certainty == Certainty::Possible;
        let (opacity, dash) = if possible {
            ("0.35", r#" stroke-dasharray="3 2""#)
        } else {
            ("0.9", "")
        };
        let colour = state_colour(state);
        // The days in words, the last one included.
        let last = until.and_then(|u| u.pred_opt());
        let when = match (from, last) {
            (Some(f), Some(l)) if f == l => format!("on {f}"),
            (Some(f), Some(l)) => format!("{f} to {l}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(l)) => format!("until {l}"),
            (None, None) => "at every date".to_owned(),
        };
        let _ = write!(
            body,
            r##"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="12" rx="2" fill="{colour}" fill-opacity="{opacity}" stroke="{colour}"{dash}><title>{}: {} ({}; {})</title></rect>"##,
            mid - 6.0,
            (x1 - x0).max(1.5),
            esc(&l.name),
            esc(&s.value.summary),
            when,
            s.value.certainty.as_str(),
        );
        if !s.value.notices.is_empty() {
            let _ = write!(
                body,
                r##"<line x1="{x0:.1}" y1="{:.1}" x2="{x1:.1}" y2="{:.1}" stroke="{NOTICE_COLOUR}" stroke-width="3"><title>{}</title></line>"##,
                mid - 8.0,
                mid - 8.0,
                esc(&s.value.summary)
            );
        }
    }
    for e in &l.steps {
        let Some((first, last)) = span_of(&e.date, None) else {
            continue;
        };
        let x = (scale.x(first) + scale.x(last)) / 2.0;
        let TimelineKind::Lifecycle { state, .. } = &e.what else {
            continue;
        };
        let colour = state_colour(*state);
        let (fill, dash) = if e.status.occurred() {
            (
                colour,
                if e.derived {
                    r#" stroke-dasharray="2 1""#
                } else {
                    ""
                },
            )
        } else {
            ("#ffffff", r#" stroke-dasharray="2 1""#)
        };
        let _ = write!(
            body,
            r##"<path d="M {x:.1} {:.1} l 5 6 l -5 6 l -5 -6 z" fill="{fill}" stroke="#111827" stroke-width="1"{dash}><title>{} {}: {}</title></path>"##,
            mid - 6.0,
            e.date,
            esc(&l.name),
            esc(&e.description)
        );
    }
    body.push_str("</g>");
}

fn event_lane(body: &mut String, i: usize, y: f64, l: &EventLane, scale: &Scale) {
    let _ = write!(body, r#"<g id="dg-lane-{i}">"#);
    let _ = write!(
        body,
        r##"<text x="16" y="{:.1}" font-size="12" fill="#1f2937">{}<title>{} ({})</title></text>"##,
        y + 15.0,
        esc(&label(&l.name)),
        esc(&l.name),
        esc(&l.id)
    );
    let mid = y + LANE / 2.0;
    let e = &l.entry;
    let when = match e.end {
        Some(end) if end != e.date => format!("{} – {end}", e.date),
        _ => e.date.to_string(),
    };
    let tip = format!("{when} {}: {}", l.name, e.description);
    if let Some((first, last)) = span_of(&e.date, e.end.as_ref()) {
        let (x0, x1) = (scale.x(first), scale.x(last.succ_opt().unwrap_or(last)));
        let (fill, stroke) = if e.status.occurred() {
            (EVENT_COLOUR, EVENT_COLOUR)
        } else {
            ("#ffffff", EVENT_COLOUR)
        };
        if first == last || x1 - x0 < 8.0 {
            let _ = write!(
                body,
                r##"<circle cx="{:.1}" cy="{mid:.1}" r="5" fill="{fill}" stroke="{stroke}" stroke-width="1.5"><title>{}</title></circle>"##,
                (x0 + x1) / 2.0,
                esc(&tip)
            );
        } else {
            // A month, a year or a range: the whole span, pale, since the day is not known.
            let _ = write!(
                body,
                r##"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="10" rx="5" fill="{fill}" fill-opacity="0.3" stroke="{stroke}" stroke-width="1"><title>{}</title></rect>"##,
                mid - 5.0,
                x1 - x0,
                esc(&tip)
            );
        }
    }
    body.push_str("</g>");
}

fn statement_lane(
    body: &mut String,
    i: usize,
    y: f64,
    statements: &[&TimelineEntry],
    scale: &Scale,
) {
    let _ = write!(body, r#"<g id="dg-lane-{i}">"#);
    let _ = write!(
        body,
        r##"<text x="16" y="{:.1}" font-size="12" fill="#1f2937">{} statement{}</text>"##,
        y + 15.0,
        statements.len(),
        if statements.len() == 1 { "" } else { "s" }
    );
    // Statements on one day share a tick, with all of them in its tooltip and their count.
    let mut by_day: BTreeMap<NaiveDate, Vec<&TimelineEntry>> = BTreeMap::new();
    for s in statements {
        if let Some(d) = s.date.earliest() {
            by_day.entry(d).or_default().push(s);
        }
    }
    for (day, said) in by_day {
        let x = scale.x(day);
        let tip: Vec<String> = said
            .iter()
            .map(|s| {
                let words = match &s.what {
                    TimelineKind::Statement { text, .. } => text.as_str(),
                    _ => "",
                };
                let words: String = if words.chars().count() > 90 {
                    format!("{}…", words.chars().take(89).collect::<String>())
                } else {
                    words.to_owned()
                };
                format!("{} {}: “{}”", s.date, s.description, words)
            })
            .collect();
        let _ = write!(
            body,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{STATEMENT_COLOUR}" stroke-width="2"><title>{}</title></line>"##,
            y + 4.0,
            y + LANE - 4.0,
            esc(&tip.join("\n"))
        );
        if said.len() > 1 {
            let _ = write!(
                body,
                r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="{STATEMENT_COLOUR}">×{}</text>"##,
                x + 4.0,
                y + 15.0,
                said.len()
            );
        }
    }
    body.push_str("</g>");
}

/// The legend: the states drawn, then what the marks mean. Returns its height.
fn legend(
    body: &mut String,
    y: f64,
    agreements: &[AgreementLane],
    events: bool,
    statements: bool,
) -> f64 {
    let mut states: Vec<LifecycleState> = agreements
        .iter()
        .flat_map(|l| {
            l.states
                .iter()
                .filter_map(|s| s.value.state)
                .chain(l.steps.iter().filter_map(|e| match e.what {
                    TimelineKind::Lifecycle { state, .. } => Some(state),
                    _ => None,
                }))
        })
        .collect();
    states.sort_by_key(|s| LifecycleState::ALL.iter().position(|a| a == s));
    states.dedup();
    // Each item with its label's length, to space them.
    let mut items: Vec<(String, usize)> = Vec::new();
    for s in states {
        items.push((format!(
            r##"<rect x="0" y="-9" width="14" height="10" rx="2" fill="{}" fill-opacity="0.9"/><text x="18" y="0" font-size="11" fill="#374151">{}</text>"##,
            state_colour(s),
            s.as_str()
        ), s.as_str().len()));
    }
    if !agreements.is_empty() {
        items.push((r##"<rect x="0" y="-9" width="14" height="10" rx="2" fill="#16a34a" fill-opacity="0.35" stroke="#16a34a" stroke-dasharray="3 2"/><text x="18" y="0" font-size="11" fill="#374151">possible, not certain</text>"##.to_owned(), 21));
        items.push((format!(
            r##"<line x1="0" y1="-6" x2="14" y2="-6" stroke="{NOTICE_COLOUR}" stroke-width="3"/><text x="18" y="0" font-size="11" fill="#374151">notice pending</text>"##
        ), 14));
        items.push((r##"<path d="M 7 -10 l 5 6 l -5 6 l -5 -6 z" fill="#ffffff" stroke="#111827" stroke-dasharray="2 1"/><text x="18" y="0" font-size="11" fill="#374151">step planned, not (yet) taken</text>"##.to_owned(), 28));
    }
    if events {
        items.push((format!(
            r##"<circle cx="7" cy="-4" r="5" fill="{EVENT_COLOUR}"/><text x="18" y="0" font-size="11" fill="#374151">event</text>"##
        ), 5));
        items.push((format!(
            r##"<rect x="0" y="-9" width="14" height="10" rx="5" fill="{EVENT_COLOUR}" fill-opacity="0.3" stroke="{EVENT_COLOUR}"/><text x="18" y="0" font-size="11" fill="#374151">event, only its month or year known</text>"##
        ), 34));
    }
    if statements {
        items.push((format!(
            r##"<line x1="7" y1="-11" x2="7" y2="3" stroke="{STATEMENT_COLOUR}" stroke-width="2"/><text x="18" y="0" font-size="11" fill="#374151">statement</text>"##
        ), 9));
    }
    let (mut x, mut row) = (16.0, 0.0);
    for (item, chars) in items {
        // Each item is about as wide as its text (11 px type: under 7 px a character).
        let width = 18.0 + 7.0 * chars as f64 + 18.0;
        if x + width > WIDTH {
            x = 16.0;
            row += 18.0;
        }
        let _ = write!(
            body,
            r#"<g transform="translate({x:.1} {:.1})">{item}</g>"#,
            y + 12.0 + row
        );
        x += width;
    }
    row + 24.0
}
