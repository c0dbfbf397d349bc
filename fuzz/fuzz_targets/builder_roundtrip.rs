//! Nodes and edges built from fuzzed parts, some stretched past the loader's limits (long ids,
//! long names and attributes, many aliases): whatever the builder accepts saves, and loads
//! back with the default limits to the same bytes when the graph is valid; it never breaks a
//! load limit. Sources and edges carry fuzzed EDTF dates (qualifiers, `X` digits, seasons,
//! bounds), which must save and load back as written.
#![no_main]

use diplograph::model::{
    AgreementKind, Cue, Edge, EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails,
    PlaceKind, Status, StatementText,
};
use diplograph::time::PartialDate;
use diplograph::Graph;
use diplograph_fuzz::assert_loads_back;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// A fuzzed text, repeated a fuzzed number of times so that it may cross a limit.
fn stretched(u: &mut Unstructured<'_>, max_repeat: u32) -> Result<String> {
    let part: String = u.arbitrary()?;
    let times = if u.ratio(1, 8)? {
        u.int_in_range(1..=max_repeat)?
    } else {
        1
    };
    // At most about 2 MiB, twice the default `max_string_len`: enough to cross every limit.
    let most = (2_200_000 / part.len().max(1)).max(1);
    Ok(part.repeat(usize::try_from(times).unwrap_or(1).min(most)))
}

/// A fuzzed EDTF date, or none: built from parts so that most are valid.
fn date(u: &mut Unstructured<'_>) -> Result<Option<PartialDate>> {
    if u.ratio(1, 3)? {
        return Ok(None);
    }
    let year: u16 = u.int_in_range(1..=9999)?;
    let mut text = format!("{year:04}");
    match u.int_in_range(0..=4u8)? {
        0 => {}
        1 => text.push_str(&format!("-{:02}", u.int_in_range(1..=12u8)?)),
        2 => text.push_str(&format!(
            "-{:02}-{:02}",
            u.int_in_range(1..=12u8)?,
            u.int_in_range(1..=28u8)?
        )),
        3 => text.push_str(&format!("-{}", u.int_in_range(21..=24u8)?)),
        _ => text = format!("{:03}X", year / 10),
    }
    text.push_str(*u.choose(&["", "", "?", "~", "%"])?);
    let text = match u.int_in_range(0..=5u8)? {
        0 => format!("../{text}"),
        1 => format!("{text}/.."),
        2 => format!("{text}/{text}"),
        _ => text,
    };
    Ok(text.parse().ok())
}

/// A fuzzed lifecycle of any states, statuses, notices, terms, conditions and notes (the
/// builder refuses those that break an order rule; those it accepts must load back).
fn lifecycle(u: &mut Unstructured<'_>) -> Result<Vec<LifecycleStep>> {
    let mut steps = Vec::new();
    for _ in 0..u.int_in_range(0..=8u8)? {
        let state = *u.choose(LifecycleState::ALL)?;
        let mut step = LifecycleStep::new(state, date(u)?).with_status(*u.choose(Status::ALL)?);
        if let Some(d) = date(u)? {
            match state {
                LifecycleState::NoticeGiven => step = step.with_effective(d),
                LifecycleState::InForce | LifecycleState::Renewed => step = step.with_until(d),
                _ => {}
            }
        }
        if u.ratio(1, 4)? {
            step = step.with_condition(stretched(u, 1 << 20)?);
        }
        if u.ratio(1, 4)? {
            step = step.with_note(stretched(u, 1 << 20)?);
        }
        steps.push(step);
    }
    Ok(steps)
}

fn build(u: &mut Unstructured<'_>) -> Result<Graph> {
    let mut g = Graph::new();
    let mut ids = Vec::new();
    for _ in 0..u.int_in_range(1..=6u8)? {
        let id = stretched(u, 300)?;
        let name = stretched(u, 1 << 20)?;
        let details = match u.int_in_range(0..=5u8)? {
            0 => NodeDetails::Country,
            1 => NodeDetails::Person,
            5 => NodeDetails::Place {
                kind: *u.choose(PlaceKind::ALL)?,
            },
            4 => NodeDetails::Statement {
                text: StatementText::Paraphrase(stretched(u, 1 << 20)?),
                date: date(u)?,
                cue: Some(Cue::new(stretched(u, 1 << 20)?)),
            },
            2 => NodeDetails::Agreement {
                kind: AgreementKind::Treaty,
                lifecycle: lifecycle(u)?,
                // Renewal terms in words, maybe past the string limit, cited or not.
                terms: if u.ratio(1, 3)? {
                    Some(Box::new(diplograph::model::AgreementTerms {
                        renewal: Some(diplograph::model::Renewal {
                            terms: stretched(u, 1 << 20)?,
                            citations: if u.arbitrary()? {
                                vec![diplograph::provenance::Citation::new(id.clone())]
                            } else {
                                Vec::new()
                            },
                        }),
                        ..Default::default()
                    }))
                } else {
                    None
                },
            },
            _ => NodeDetails::Source {
                date: date(u)?,
                url: None,
                text: None,
            },
        };
        let mut node = Node::new(id.clone(), name, details);
        if matches!(node.details, NodeDetails::Person) && u.ratio(1, 4)? {
            // An unnamed speaker's description, maybe past the string limit.
            node.unnamed = Some(stretched(u, 1 << 20)?);
        }
        if u.ratio(1, 8)? {
            let stem: String = u.arbitrary()?;
            let count = u.int_in_range(0..=1100u16)?;
            node.aliases = (0..count).map(|k| format!("{stem} {k}")).collect();
        }
        if u.ratio(1, 4)? {
            let key: String = u.arbitrary()?;
            let value = stretched(u, 1 << 20)?;
            node.attributes
                .insert(key, serde_json::json!({ "v": [value] }));
        }
        if g.add_node(node).is_ok() {
            ids.push(id);
        }
    }
    for _ in 0..u.int_in_range(0..=6u8)? {
        let (Some(from), Some(to)) = (u.choose(&ids).ok(), u.choose(&ids).ok()) else {
            break;
        };
        let kind = if u.arbitrary()? { EdgeKind::AlliedWith } else { EdgeKind::Other };
        let start = date(u)?;
        let end = date(u)?.filter(|e| start.is_none_or(|s| s <= *e));
        let mut edge = Edge::new(kind).valid(start, end);
        if u.ratio(1, 4)? {
            edge = edge.with_attested(diplograph_fuzz::date_from(u)?);
        }
        let text = stretched(u, 1 << 20)?;
        if kind == EdgeKind::Other {
            edge = edge.qualified(|q| q.relation = Some(text));
        } else {
            edge.attributes
                .insert("note".into(), serde_json::json!(text));
        }
        let _ = g.relate(&from.clone(), &to.clone(), edge);
    }
    Ok(g)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(g) = build(&mut u) else {
        return;
    };
    assert_loads_back(&g, "built");
});
