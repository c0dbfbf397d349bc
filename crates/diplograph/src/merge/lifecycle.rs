//! Merging the lifecycles one agreement has in several inputs (docs/merge.md, "Lifecycles").
//!
//! A step of one input is the step of another when they have the same state, party and status
//! and their dates fit (equal, one refining the other, or one missing; an attestation fits a
//! date that does not start after it). Each step is paired at most once per input, so the same
//! state at two dates (in force, suspended, in force again) stays history. Paired steps keep
//! the finer dates and the citations of both; unpaired steps are kept with their own
//! citations. The merged steps are put in order by their dates, and by state where dates
//! overlap; the order rules of `validate` then run on the result, and whatever they find is a
//! conflict naming the steps and the inputs that hold them.

use std::collections::BTreeSet;

use super::fit::{self, Fit};
use crate::error::{Problem, ProblemCode};
use crate::model::{LifecycleState, LifecycleStep};
use crate::provenance::union_citations;
use crate::time::PartialDate;

/// A merged step and the inputs that state it.
struct Held {
    step: LifecycleStep,
    inputs: BTreeSet<usize>,
}

/// What a lifecycle merge found, as messages: conflicts and refinements.
#[derive(Default)]
pub(super) struct Findings {
    /// Messages of `merge-conflict` problems.
    pub(super) conflicts: Vec<String>,
    /// Messages of `merge-refinement` notes.
    pub(super) refinements: Vec<String>,
}

/// Merges the lifecycles of one agreement (`id`), each given with the input that holds it;
/// `label` names an input in messages.
pub(super) fn merge(
    id: &str,
    parts: &[(usize, &[LifecycleStep])],
    label: &dyn Fn(usize) -> String,
    found: &mut Findings,
) -> Vec<LifecycleStep> {
    // Equal lifecycles are one, held by all their inputs; the rest in the order of their
    // content, never of their inputs' names.
    let mut groups: Vec<(String, &[LifecycleStep], BTreeSet<usize>)> = Vec::new();
    for &(input, steps) in parts {
        let key = serde_json::to_string(steps).unwrap_or_default();
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, inputs)) => {
                inputs.insert(input);
            }
            None => groups.push((key, steps, BTreeSet::from([input]))),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut groups = groups.into_iter();
    let Some((_, first, first_inputs)) = groups.next() else {
        return Vec::new();
    };
    let mut held: Vec<Held> = first
        .iter()
        .map(|s| Held {
            step: s.clone(),
            inputs: first_inputs.clone(),
        })
        .collect();
    let mut rest = groups.peekable();
    if rest.peek().is_none() {
        return first.to_vec();
    }
    for (_, steps, inputs) in rest {
        let before = held.len();
        let mut paired = vec![false; before];
        for step in steps {
            let free = |k: &usize| !paired.get(*k).copied().unwrap_or(true);
            let at = (0..before)
                .filter(free)
                .find(|&k| held[k].step == *step)
                .or_else(|| {
                    (0..before)
                        .filter(free)
                        .find(|&k| fits(&held[k].step, step))
                });
            match at {
                Some(k) => {
                    paired[k] = true;
                    combine(id, &mut held[k], step, &inputs, label, found);
                }
                None => held.push(Held {
                    step: step.clone(),
                    inputs: inputs.clone(),
                }),
            }
        }
    }
    put_in_order(&mut held);
    report_apart(id, &held, label, found);
    report_order(id, &held, label, found);
    held.into_iter().map(|h| h.step).collect()
}

/// Whether two steps can be one: same state, party and status, and dates that fit.
fn fits(a: &LifecycleStep, b: &LifecycleStep) -> bool {
    let date_fits = |x: Option<PartialDate>, y: Option<PartialDate>| {
        !matches!(fit::optional_dates(x, y), Fit::Apart)
    };
    // An attestation says the state held by then: a date starting after it cannot be its date.
    let attested_fits =
        |date: Option<PartialDate>, attested: Option<PartialDate>| match (date, attested) {
            (Some(d), Some(a)) => d.first_day() <= a.last_day(),
            _ => true,
        };
    a.state == b.state
        && a.party == b.party
        && a.status == b.status
        && date_fits(a.date, b.date)
        && date_fits(a.effective, b.effective)
        && date_fits(a.until, b.until)
        && attested_fits(a.date, b.attested)
        && attested_fits(b.date, a.attested)
}

/// Folds `step` (held by `inputs`) into the paired `held` step.
fn combine(
    id: &str,
    held: &mut Held,
    step: &LifecycleStep,
    inputs: &BTreeSet<usize>,
    label: &dyn Fn(usize) -> String,
    found: &mut Findings,
) {
    let mine = names(&held.inputs, label);
    let theirs = names(inputs, label);
    let state = step.state;
    for (name, kept, other) in [
        ("date", &mut held.step.date, step.date),
        ("effective date", &mut held.step.effective, step.effective),
        ("`until` date", &mut held.step.until, step.until),
    ] {
        if let (Some(x), Some(y)) = (*kept, other) {
            if let Fit::Refined(finer) = fit::dates(x, y) {
                found.refinements.push(format!(
                    "`{id}`: the `{state}` step's {name} is {x} (in {mine}) or {y} (in {theirs}); kept the finer {finer}"
                ));
                *kept = Some(finer);
            }
        } else if kept.is_none() {
            *kept = other;
        }
    }
    // Attested by the earlier of two dates: the stronger statement.
    held.step.attested = match (held.step.attested, step.attested) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    for (name, kept, other) in [
        ("condition", &mut held.step.condition, &step.condition),
        ("note", &mut held.step.note, &step.note),
    ] {
        match (kept.as_deref(), other.as_deref()) {
            (Some(x), Some(y)) => match fit::texts(x, y) {
                Fit::Same => {}
                Fit::Refined(finer) => {
                    found.refinements.push(format!(
                        "`{id}`: the `{state}` step's {name} is \"{x}\" (in {mine}) or \"{y}\" (in {theirs}); kept the fuller \"{finer}\""
                    ));
                    *kept = Some(finer);
                }
                Fit::Apart => {
                    let chosen = fit::kept_text(x, y).to_owned();
                    found.conflicts.push(format!(
                        "`{id}`: the `{state}` step's {name} is \"{x}\" (in {mine}) or \"{y}\" (in {theirs}); kept \"{chosen}\""
                    ));
                    *kept = Some(chosen);
                }
            },
            (None, Some(_)) => kept.clone_from(other),
            _ => {}
        }
    }
    match (held.step.place.as_deref(), step.place.as_deref()) {
        (Some(x), Some(y)) if x != y => {
            let chosen = x.min(y).to_owned();
            found.conflicts.push(format!(
                "`{id}`: the `{state}` step's place is `{x}` (in {mine}) or `{y}` (in {theirs}); kept `{chosen}`"
            ));
            held.step.place = Some(chosen);
        }
        (None, Some(_)) => held.step.place.clone_from(&step.place),
        _ => {}
    }
    union_citations(&mut held.step.citations, &step.citations);
    held.inputs.extend(inputs.iter().copied());
}

/// The date that places a step in time: its own, or else the date it is attested by.
fn when(step: &LifecycleStep) -> Option<PartialDate> {
    step.date.or(step.attested)
}

/// Orders the merged steps, by their content alone: the dated (or attested) ones by date,
/// by state where two dates overlap; each undated one after the last step of its state's rank
/// or an earlier one.
fn put_in_order(held: &mut Vec<Held>) {
    let key = |h: &Held| serde_json::to_string(&h.step).unwrap_or_default();
    let (mut dated, mut undated): (Vec<Held>, Vec<Held>) = std::mem::take(held)
        .into_iter()
        .partition(|h| when(&h.step).is_some());
    dated.sort_by_cached_key(|h| {
        let d = when(&h.step);
        (
            d.map(|d| d.first_day()),
            d.map(|d| d.last_day()),
            h.step.state.rank(),
            key(h),
        )
    });
    // Where two dates overlap, the lower state comes first.
    let mut changed = true;
    while changed {
        changed = false;
        for k in 1..dated.len() {
            let (x, y) = (&dated[k - 1].step, &dated[k].step);
            let certainly_before = match (when(x), when(y)) {
                (Some(a), Some(b)) => a.ends_before(&b),
                _ => false,
            };
            if y.state.rank() < x.state.rank() && !certainly_before {
                dated.swap(k - 1, k);
                changed = true;
            }
        }
    }
    undated.sort_by_cached_key(|h| (h.step.state.rank(), key(h)));
    for h in undated {
        let rank = h.step.state.rank();
        let at = dated
            .iter()
            .rposition(|d| d.step.state.rank() <= rank)
            .map_or(0, |p| p + 1);
        dated.insert(at, h);
    }
    *held = dated;
}

/// Steps that happen once in an agreement's history (per party), so that two dates for one of
/// them from different inputs cannot both be true.
fn happens_once(state: LifecycleState) -> bool {
    use LifecycleState as S;
    matches!(
        state,
        S::Agreed
            | S::Initialled
            | S::Signed
            | S::Ratified
            | S::ProvisionallyApplied
            | S::Expired
            | S::Terminated
    )
}

/// A conflict for each step that happens once, given at dates that cannot both be true by
/// inputs that do not share them; both steps are kept, each with its own citations.
fn report_apart(id: &str, held: &[Held], label: &dyn Fn(usize) -> String, found: &mut Findings) {
    let mut done: BTreeSet<usize> = BTreeSet::new();
    for (i, a) in held.iter().enumerate() {
        if done.contains(&i) || !happens_once(a.step.state) {
            continue;
        }
        let same: Vec<usize> = (i..held.len())
            .filter(|&k| {
                let b = &held[k].step;
                b.state == a.step.state && b.party == a.step.party && b.status == a.step.status
            })
            .collect();
        let apart = same.iter().any(|&x| {
            same.iter()
                .any(|&y| held[x].inputs.is_disjoint(&held[y].inputs))
        });
        done.extend(same.iter().copied());
        if same.len() < 2 || !apart {
            continue;
        }
        let values: Vec<String> = same
            .iter()
            .map(|&k| {
                format!(
                    "{} (in {})",
                    show_date(&held[k].step),
                    names(&held[k].inputs, label)
                )
            })
            .collect();
        found.conflicts.push(format!(
            "`{id}`: the `{}` step is dated {}; kept each, with its own citations",
            a.step.state,
            values.join(" or ")
        ));
    }
}

/// The order rules of `validate` on the merged lifecycle: what they find was made by the
/// merge (each input passed them), and is a conflict naming every step and its inputs.
fn report_order(id: &str, held: &[Held], label: &dyn Fn(usize) -> String, found: &mut Findings) {
    let steps: Vec<LifecycleStep> = held.iter().map(|h| h.step.clone()).collect();
    let mut problems: Vec<Problem> = Vec::new();
    crate::validate::check_lifecycle(id, &steps, &mut problems);
    let order_codes = [
        ProblemCode::LifecycleOrder,
        ProblemCode::StepAfterEnd,
        ProblemCode::AbandonedAfterSigned,
        ProblemCode::NoticeNotInForce,
        ProblemCode::NoticeMissing,
        ProblemCode::RatifiedBeforeSigned,
        ProblemCode::NoticeEffectiveBeforeGiven,
    ];
    let problems: Vec<&Problem> = problems
        .iter()
        .filter(|p| order_codes.contains(&p.code))
        .collect();
    if problems.is_empty() {
        return;
    }
    let listed: Vec<String> = held
        .iter()
        .map(|h| {
            format!(
                "`{}` {} (in {})",
                h.step.state,
                show_date(&h.step),
                names(&h.inputs, label)
            )
        })
        .collect();
    for p in problems {
        found.conflicts.push(format!(
            "`{id}`: the merged lifecycle breaks a rule ({}): {}; the steps are {}",
            p.code,
            p.message,
            listed.join(", ")
        ));
    }
}

/// A step's date in words: its date, or when it is attested, or "undated".
fn show_date(step: &LifecycleStep) -> String {
    match (step.date, step.attested) {
        (Some(d), _) => d.to_string(),
        (None, Some(a)) => format!("attested {a}"),
        (None, None) => "undated".to_owned(),
    }
}

/// The labels of some inputs, sorted and joined.
fn names(inputs: &BTreeSet<usize>, label: &dyn Fn(usize) -> String) -> String {
    let names: BTreeSet<String> = inputs.iter().map(|&i| label(i)).collect();
    names.into_iter().collect::<Vec<_>>().join(", ")
}
