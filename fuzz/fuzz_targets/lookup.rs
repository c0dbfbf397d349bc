//! Any name looked up in the built-in example: a node, "not found" or "ambiguous", never a
//! panic. A node found is found again by its id; normalizing is idempotent.
#![no_main]

use std::sync::LazyLock;

use diplograph::identity::normalize;
use diplograph::{Error, Graph};
use libfuzzer_sys::fuzz_target;

static EXAMPLE: LazyLock<Graph> = LazyLock::new(diplograph::example);

fuzz_target!(|name: &str| {
    let once = normalize(name);
    assert_eq!(
        normalize(&once),
        once,
        "normalize is not idempotent on {name:?}"
    );
    match EXAMPLE.lookup(name) {
        Ok(node) => {
            let by_id = EXAMPLE.lookup(&node.id).map(|n| n.id.clone());
            assert_eq!(by_id.ok().as_deref(), Some(node.id.as_str()));
            // A name that finds a node finds the same one however it is cased or spaced.
            let shouted = format!("  {}  ", name.to_uppercase());
            if normalize(&shouted) == once {
                assert_eq!(EXAMPLE.lookup(&shouted).map(|n| &n.id).ok(), Some(&node.id));
            }
        }
        Err(Error::NodeNotFound { .. }) => {}
        Err(Error::AmbiguousName { candidates, .. }) => assert!(candidates.len() > 1),
        Err(e) => panic!("unexpected error for {name:?}: {e}"),
    }
    let _ = EXAMPLE.search(name, None);
});
