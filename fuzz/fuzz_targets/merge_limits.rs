//! Two graphs cut from the datasets, each with a fuzzed number of fuzzed aliases (up to the
//! loader's limit) added to one node: whatever `merge` returns as a graph saves and loads back
//! with the default limits, to the same bytes when it is valid; a merge it refuses is refused
//! with problems, never a panic.
#![no_main]

use diplograph::merge::{merge, MergeOptions};
use diplograph_fuzz::{assert_loads_back, graph_from};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Adds up to 1000 aliases (the default `max_aliases`) to one node of `g`, rebuilt through
/// the checked builder.
fn with_aliases(u: &mut Unstructured<'_>, g: &diplograph::Graph) -> Result<diplograph::Graph> {
    let count = u.int_in_range(0..=1000u16)?;
    let stem: String = u.arbitrary()?;
    let pick = u.arbitrary::<u8>()?;
    let mut out = diplograph::Graph::new();
    for (i, (_, node)) in g.nodes().enumerate() {
        let mut node = node.clone();
        if i == usize::from(pick) % g.node_count().max(1) {
            node.aliases
                .extend((0..count).map(|k| format!("{stem} {k}")));
        }
        let _ = out.add_node(node);
    }
    for e in g.edges() {
        let _ = out.relate(&e.from.id, &e.to.id, e.edge.clone());
    }
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(a), Ok(b)) = (graph_from(&mut u), graph_from(&mut u)) else {
        return;
    };
    let (Ok(a), Ok(b)) = (with_aliases(&mut u, &a), with_aliases(&mut u, &b)) else {
        return;
    };
    match merge(&[("a", &a), ("b", &b)], MergeOptions::default()) {
        Ok(m) => assert_loads_back(&m.graph, "merged"),
        Err(e) => assert!(e.problems().is_some_and(|p| !p.is_empty()), "{e}"),
    }
});
