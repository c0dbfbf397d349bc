//! What the CLI test files share: the command as the tests run it.

use assert_cmd::Command;

/// `diplograph` with colours left to the command (NO_COLOR removed) and 100 columns, so that
/// tables and wrapped messages come out the same on every machine.
pub fn cmd() -> Command {
    let mut c = Command::cargo_bin("diplograph").unwrap();
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}
