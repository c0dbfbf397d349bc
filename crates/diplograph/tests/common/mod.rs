//! Helpers shared by the integration tests (a directory module, so cargo does not build it as
//! a test of its own).

use diplograph::Problem;

/// Every problem of loading `text`; none when it loads.
pub fn load_problems(text: &str) -> Vec<Problem> {
    diplograph::format::from_str(text)
        .err()
        .and_then(|e| e.problems().map(<[Problem]>::to_vec))
        .unwrap_or_default()
}

/// Every problem of loading `text`, one line each: `code line:column id path`.
pub fn problems(text: &str) -> Vec<String> {
    load_problems(text)
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
        .collect()
}
