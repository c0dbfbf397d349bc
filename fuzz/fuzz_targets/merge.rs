//! Two graphs cut from the example and the test dataset (with fuzzed names, aliases and
//! external ids, so that nodes unify in unexpected ways), under fuzzed labels: merging never
//! panics, depends neither on the order nor on the names of its inputs, merging a graph with
//! itself changes nothing, and no citation is lost.
#![no_main]

use diplograph::format;
use diplograph::merge::{merge, MergeOptions};
use diplograph_fuzz::{citations, graph_from};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(a), Ok(b)) = (graph_from(&mut u), graph_from(&mut u)) else {
        return;
    };
    let la: String = u.arbitrary().unwrap_or_default();
    let lb: String = u.arbitrary().unwrap_or_default();
    let ab = merge(&[(la.as_str(), &a), (lb.as_str(), &b)], MergeOptions::default());
    let ba = merge(&[("b", &b), ("a", &a)], MergeOptions::default());
    match (ab, ba) {
        (Ok(ab), Ok(ba)) => {
            assert_eq!(
                format::to_string(&ab.graph),
                format::to_string(&ba.graph),
                "merge(a, b) != merge(b, a) (labelled {la:?} and {lb:?})"
            );
            let merged = citations(&ab.graph);
            for c in citations(&a).iter().chain(citations(&b).iter()) {
                assert!(merged.contains(c), "citation lost in the merge: {c:?}");
            }
        }
        (Err(_), Err(_)) => {}
        (ab, ba) => panic!(
            "merge(a, b) and merge(b, a) disagree on success: {:?} / {:?}",
            ab.err(),
            ba.err()
        ),
    }
    if a.validate().is_empty() {
        let aa = merge(&[(la.as_str(), &a), (lb.as_str(), &a)], MergeOptions::default());
        match aa {
            Ok(aa) => assert_eq!(
                format::to_string(&aa.graph),
                format::to_string(&a),
                "merge(a, a) != a"
            ),
            Err(e) => panic!(
                "merging a valid graph with itself failed: {e}\n{}",
                format::to_string(&a)
            ),
        }
    }
});
