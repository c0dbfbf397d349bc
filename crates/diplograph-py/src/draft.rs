//! `draft` and `draft_many`: a cited draft graph from report texts.

use diplograph::draft::{draft as draft_text, DraftOptions};
use diplograph::Graph;
use pyo3::prelude::*;

use crate::date::DateArg;
use crate::errors::IntoPyResult;
use crate::graph::PyGraph;

/// Drafts a cited graph from a news report's ``text``: a source node holding the text, the
/// speakers and outlets it names, and a statement for each attribution with its speaker, its
/// reporting words (``cue``) and its chain (the agency that carried it, then ``publisher``);
/// every drafted node, edge and statement cites its words with a ``confidence``. ``date`` (an
/// EDTF string or a ``datetime.date``) dates the source and the statements; ``title``,
/// ``url`` and ``publisher`` describe the report; ``into`` is a curated ``Graph`` whose ids
/// the draft reuses for the speakers and outlets it knows. Deterministic: the same text and
/// arguments give the same graph. The GIL is released while the core drafts.
///
/// >>> g = draft("\u201cWe will not wait,\u201d Mr Han said.", date="2016-06-04", publisher="The Straits Times")
/// >>> [(s.cue, s.quote) for s in g.nodes(kind="statement")]
/// [('said', 'We will not wait')]
#[pyfunction]
#[pyo3(signature = (text, *, date = None, title = None, url = None, publisher = None, into = None, source_id = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "Python keyword arguments, one per option of the core's DraftOptions"
)]
#[expect(
    clippy::needless_pass_by_value,
    reason = "PyO3 passes `into` as an owned PyRef"
)]
pub(crate) fn draft(
    py: Python<'_>,
    text: &str,
    date: Option<DateArg>,
    title: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    into: Option<PyRef<'_, PyGraph>>,
    source_id: Option<String>,
) -> PyResult<PyGraph> {
    let guard = into.as_ref().map(|g| g.read(py)).transpose()?;
    let into_graph: Option<&Graph> = guard.as_deref();
    let options = DraftOptions {
        date: date.map(|d| d.0),
        title,
        url,
        publisher,
        source_id,
        into: into_graph,
    };
    let drafted = py.detach(|| draft_text(text, &options));
    Ok(PyGraph::from_graph(drafted.graph))
}

/// Drafts several report texts into one graph, one source node per text (ids ``source-1``,
/// ``source-2`` … unless ``source_ids`` names them); the other arguments as for ``draft``
/// and shared by every text. The texts are drafted in parallel (the GIL released).
///
/// >>> g = draft_many(["Reuters reported that talks ended.", "Japan agreed, Reuters reported."], date="2016-06-04")
/// >>> len(g.nodes(kind="statement")), len(g.nodes(kind="source"))
/// (2, 2)
#[pyfunction]
#[pyo3(signature = (texts, *, date = None, url = None, publisher = None, into = None, source_ids = None))]
#[expect(
    clippy::needless_pass_by_value,
    reason = "PyO3 passes the list of texts as an owned Vec"
)]
pub(crate) fn draft_many(
    py: Python<'_>,
    texts: Vec<String>,
    date: Option<DateArg>,
    url: Option<String>,
    publisher: Option<String>,
    into: Option<PyRef<'_, PyGraph>>,
    source_ids: Option<Vec<String>>,
) -> PyResult<PyGraph> {
    if let Some(ids) = &source_ids {
        if ids.len() != texts.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "draft_many() got {} source_ids for {} texts",
                ids.len(),
                texts.len()
            )));
        }
    }
    let guard = into.as_ref().map(|g| g.read(py)).transpose()?;
    let into_graph: Option<&Graph> = guard.as_deref();
    let date = date.map(|d| d.0);
    let merged = py.detach(|| {
        use rayon::prelude::*;
        let drafts: Vec<(String, Graph)> = texts
            .par_iter()
            .enumerate()
            .map(|(i, text)| {
                let id = source_ids
                    .as_ref()
                    .and_then(|ids| ids.get(i).cloned())
                    .unwrap_or_else(|| format!("source-{}", i + 1));
                let options = DraftOptions {
                    date,
                    title: None,
                    url: url.clone(),
                    publisher: publisher.clone(),
                    source_id: Some(id.clone()),
                    into: into_graph,
                };
                (id, draft_text(text, &options).graph)
            })
            .collect();
        let inputs: Vec<(&str, &Graph)> = drafts.iter().map(|(l, g)| (l.as_str(), g)).collect();
        let title = Some(format!("draft of {} reports", drafts.len()));
        diplograph::merge::merge(
            &inputs,
            diplograph::merge::MergeOptions {
                strict: false,
                title,
            },
        )
    });
    let merged = merged.py()?;
    Ok(PyGraph::from_graph(merged.graph))
}
