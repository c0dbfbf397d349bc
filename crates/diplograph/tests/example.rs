//! The built-in example: valid, complete, every span matching its sentence.

#[test]
fn example_is_valid() {
    let g = diplograph::format::from_str(diplograph::EXAMPLE_JSON);
    assert!(g.is_ok(), "{:?}", g.err().map(|e| e.to_string()));
}
