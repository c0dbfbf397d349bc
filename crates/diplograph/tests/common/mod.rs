//! Helpers shared by the integration tests (a directory module, so cargo does not build it as
//! a test of its own).

/// Every problem of loading `text`, one line each: `code line:column id path`; none when it
/// loads.
pub fn problems(text: &str) -> Vec<String> {
    match diplograph::format::from_str(text) {
        Ok(_) => vec![],
        Err(e) => e
            .problems()
            .unwrap_or_default()
            .iter()
            .map(|p| {
                format!(
                    "{} {}:{} {} {}",
                    p.code,
                    p.location.line.unwrap_or(0),
                    p.location.column.unwrap_or(0),
                    p.id.as_deref().unwrap_or("-"),
                    p.location.path
                )
            })
            .collect(),
    }
}
