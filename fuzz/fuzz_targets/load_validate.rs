//! Any bytes: loading gives a graph or problems, never a panic. A graph that loads saves to
//! text that loads back to the same graph (byte-identical on a second save), and it passes
//! validation as a built graph too.
#![no_main]

use diplograph::format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(graph) = format::from_slice(data, None) else {
        return;
    };
    assert!(
        graph.validate().is_empty(),
        "a loaded graph fails validation"
    );
    let saved = format::to_string(&graph);
    let again = match format::from_str(&saved) {
        Ok(g) => g,
        Err(e) => panic!("a saved graph does not load: {e}\n{saved}"),
    };
    assert_eq!(
        format::to_string(&again),
        saved,
        "save → load → save changed the text"
    );
});
