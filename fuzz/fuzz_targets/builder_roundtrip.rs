//! Nodes and edges built from fuzzed parts, some stretched past the loader's limits (long ids,
//! long names and attributes, many aliases): whatever the builder accepts saves, and loads
//! back with the default limits to the same bytes when the graph is valid; it never breaks a
//! load limit.
#![no_main]

use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
use diplograph::Graph;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use diplograph_fuzz::assert_loads_back;
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

fn build(u: &mut Unstructured<'_>) -> Result<Graph> {
    let mut g = Graph::new();
    let mut ids = Vec::new();
    for _ in 0..u.int_in_range(1..=6u8)? {
        let id = stretched(u, 300)?;
        let name = stretched(u, 1 << 20)?;
        let details = match u.int_in_range(0..=2u8)? {
            0 => NodeDetails::Country,
            1 => NodeDetails::Person,
            _ => NodeDetails::Source {
                date: None,
                url: None,
                text: None,
            },
        };
        let mut node = Node::new(id.clone(), name, details);
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
        let mut edge = Edge::new(kind);
        let text = stretched(u, 1 << 20)?;
        if kind == EdgeKind::Other {
            edge = edge.qualified(|q| q.relation = Some(text));
        } else {
            edge.attributes.insert("note".into(), serde_json::json!(text));
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
