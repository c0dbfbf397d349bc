//! The page: the HTML around the data, the timeline picture, the style sheet and the
//! scripts, all inlined.

use super::data::ViewData;

/// Cytoscape.js, vendored (see `assets/vendor/cytoscape/README.md`).
const CYTOSCAPE: &str = include_str!("../../assets/vendor/cytoscape/cytoscape.min.js");
/// The page's own script: it draws the graph with Cytoscape.js and shows the stretch of each
/// fact holding the chosen day.
const SCRIPT: &str = include_str!("../../assets/view/view.js");
/// The page's style sheet.
const STYLE: &str = include_str!("../../assets/view/view.css");

/// `s` escaped as HTML text.
fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON made safe inside a `<script>` element: no `<` at all (every one is inside a string,
/// where `\u003c` means the same), so no `</script>` or `<!--` can end or bend the element.
fn script_json(data: &ViewData) -> String {
    serde_json::to_string(data)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}

/// The whole page.
pub(crate) fn page(data: &ViewData, timeline_svg: &str) -> String {
    let mut out = String::with_capacity(CYTOSCAPE.len() + timeline_svg.len() + 64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"generator\" content=\"diplograph {}\">\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str(&format!("<title>{}</title>\n", html_text(&data.title)));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&format!(
        r#"<header><h1 id="dg-title">{}</h1><p id="dg-note"></p><p id="dg-chain"></p></header>
<div id="dg-controls">
<label class="dg-date">Date <input type="range" id="dg-slider" min="0" max="0" step="1" aria-label="date"><input type="date" id="dg-day" aria-label="day"></label>
<label><input type="checkbox" id="dg-all-dates"> every date (last recorded states)</label>
<input type="search" id="dg-search" placeholder="search by name" aria-label="search by name">
<button type="button" id="dg-fit">fit</button>
<details id="dg-filters"><summary>kinds</summary><div id="dg-node-kinds"></div><div id="dg-edge-kinds"></div></details>
<span id="dg-counts"></span>
</div>
<main><div id="dg-graph" role="img" aria-label="the graph"></div><aside id="dg-profile"><p class="dg-hint">Click a node or an edge to see its profile and its sources.</p></aside></main>
<section id="dg-timeline">{}</section>
<footer>Drawn by diplograph {} with Cytoscape.js {} (MIT licence). Solid: certainly held on the day; dashed and pale: only possibly (undated, not attested that day).</footer>
"#,
        html_text(&data.title),
        timeline_svg,
        env!("CARGO_PKG_VERSION"),
        super::CYTOSCAPE_VERSION,
    ));
    out.push_str("<script type=\"application/json\" id=\"dg-data\">");
    out.push_str(&script_json(data));
    out.push_str("</script>\n<script>\n");
    out.push_str(CYTOSCAPE);
    out.push_str("\n</script>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("\n</script>\n</body>\n</html>\n");
    out
}
