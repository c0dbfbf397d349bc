//! The `diplograph` command.
fn main() {}
