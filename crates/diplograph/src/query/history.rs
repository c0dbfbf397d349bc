//! An agreement's state on a date, derived from its lifecycle: the one derivation every answer
//! (as-of views, agreements between parties, chains, profiles, exporters' state) goes through.
//!
//! The rules, in the order they apply (docs/queries.md, "Treaty histories"):
//! 1. Only steps that `occurred` count; a planned, scheduled, cancelled or postponed step,
//!    or one that did not happen, changes nothing.
//! 2. The recorded state is the last step about the agreement as a whole that had begun by
//!    the date (steps about one party, notices and renewals are read apart).
//! 3. A notice given by the date is carried in the answer. Unless it was suspended or
//!    withdrawn before its `effective` date, on that date it takes effect: a notice of
//!    termination ends the agreement (`terminated`, derived); a notice of one party's
//!    withdrawal removes that party (the agreement goes on for the others).
//! 4. A term (`until` on `in_force`, moved by each `renewed`) that has run out by the date
//!    makes an agreement in force `expired` (derived).

use serde::{Deserialize, Serialize};

use crate::model::{LifecycleState, LifecycleStep};
use crate::provenance::Citation;
use crate::time::{Containment, PartialDate};

/// What a notice announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeOf {
    /// The end of the agreement for all parties.
    Termination,
    /// The withdrawal of one party (the notice's `party`).
    Withdrawal,
}

impl NoticeOf {
    /// The name in words: `termination` or `withdrawal`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeOf::Termination => "termination",
            NoticeOf::Withdrawal => "withdrawal",
        }
    }
}

/// Where a notice stands on the date asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeOutcome {
    /// Given, not yet effective (or its effective date is not known).
    Pending,
    /// Its effective date has come: the agreement ended, or the party left.
    TookEffect,
    /// Suspended before it took effect (see the notice's `condition`).
    Suspended,
    /// Withdrawn before it took effect.
    Withdrawn,
}

impl NoticeOutcome {
    /// The name in words: `pending`, `took_effect`, `suspended`, `withdrawn`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeOutcome::Pending => "pending",
            NoticeOutcome::TookEffect => "took_effect",
            NoticeOutcome::Suspended => "suspended",
            NoticeOutcome::Withdrawn => "withdrawn",
        }
    }
}

/// A notice of termination or withdrawal, as it stands on the date asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notice {
    /// What it announces.
    pub of: NoticeOf,
    /// For a withdrawal: the id of the party withdrawing.
    pub party: Option<String>,
    /// When it was given.
    pub given: Option<PartialDate>,
    /// When it takes (or took) effect, if known.
    pub effective: Option<PartialDate>,
    /// Where it stands on the date.
    pub outcome: NoticeOutcome,
    /// When it was suspended, if it was by the date (it may since have been withdrawn).
    pub suspended_on: Option<PartialDate>,
    /// When it was withdrawn, if it was by the date.
    pub withdrawn_on: Option<PartialDate>,
    /// The condition of its suspension (or of the notice itself), in words.
    pub condition: Option<String>,
    /// Whether the outcome is certain on the date (`inside`) or hangs on a date too coarse to
    /// tell (`partly`: the effective date may or may not have come).
    pub containment: Containment,
    /// The citations of the notice and of its suspension or withdrawal.
    pub citations: Vec<Citation>,
}

impl Notice {
    /// The notice in words: "notice of withdrawal of USA given 2020-05-22, effective
    /// 2020-11-22", followed by its outcome in brackets when it is not pending ("(took
    /// effect)", "(suspended 2019-11-22, condition: …)", "(withdrawn 2023-03-21)").
    pub fn describe(&self) -> String {
        let mut out = format!("notice of {}", self.of.as_str());
        if let Some(p) = &self.party {
            out.push_str(&format!(" of {p}"));
        }
        if let Some(g) = self.given {
            out.push_str(&format!(" given {g}"));
        }
        if let Some(e) = self.effective {
            out.push_str(&format!(", effective {e}"));
        }
        let mut after: Vec<String> = Vec::new();
        let dated = |word: &str, date: Option<PartialDate>| match date {
            Some(d) => format!("{word} {d}"),
            None => word.to_owned(),
        };
        match self.outcome {
            NoticeOutcome::Pending => {}
            NoticeOutcome::TookEffect => after.push("took effect".to_owned()),
            NoticeOutcome::Suspended => after.push(dated("suspended", self.suspended_on)),
            NoticeOutcome::Withdrawn => {
                if self.suspended_on.is_some() {
                    after.push(dated("suspended", self.suspended_on));
                }
                after.push(dated("withdrawn", self.withdrawn_on));
            }
        }
        if let Some(c) = &self.condition {
            after.push(format!("condition: {c}"));
        }
        if self.containment == Containment::Partly {
            after.push("may have taken effect: dates too coarse to tell".to_owned());
        }
        if !after.is_empty() {
            out.push_str(&format!(" ({})", after.join(", ")));
        }
        out
    }
}

/// A step about one party that holds on the date: a ratification, or a suspension of its
/// participation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartyStep {
    /// The party's id.
    pub party: String,
    /// When, if known.
    pub date: Option<PartialDate>,
    /// A condition, in words.
    pub condition: Option<String>,
    /// The step's citations.
    pub citations: Vec<Citation>,
}

/// When a step began relative to a date.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Begun {
    Yes,
    Maybe,
    Assumed,
    No,
}

/// Whether a step had begun by `on`: its date (or else its attested date) certainly before
/// or on it, maybe, assumed (undated), or not.
pub(crate) fn begun(step: &LifecycleStep, on: &PartialDate) -> Begun {
    match (step.date, step.attested) {
        (Some(d), _) => reached(d, on),
        (None, Some(a)) if a.last_day() <= on.first_day() => Begun::Yes,
        (None, _) => Begun::Assumed,
    }
}

/// Whether a date `when` had come by `on` (on `when` itself it has).
fn reached(when: PartialDate, on: &PartialDate) -> Begun {
    if when.last_day() <= on.first_day() {
        Begun::Yes
    } else if when.first_day() > on.last_day() {
        Begun::No
    } else {
        Begun::Maybe
    }
}

/// Whether a step counts on `on` (with `None`: ever): it occurred and had begun (or may have).
fn counts(step: &LifecycleStep, on: Option<&PartialDate>) -> bool {
    step.status.occurred() && on.is_none_or(|d| begun(step, d) != Begun::No)
}

/// The step about the whole agreement that it is in on `on`, how surely it had begun, and
/// whether the next such step may also have begun.
pub(crate) fn step_on<'l>(
    lifecycle: &'l [LifecycleStep],
    on: &PartialDate,
) -> Option<(&'l LifecycleStep, Begun, bool)> {
    let mut chosen: Option<(&LifecycleStep, Begun)> = None;
    let mut next_uncertain = false;
    for step in lifecycle.iter().filter(|s| s.changes_state()) {
        match begun(step, on) {
            Begun::No => break,
            Begun::Maybe => {
                if chosen.is_some() {
                    next_uncertain = true;
                }
                // A step that may have begun: report it, but only as partly.
                chosen = Some((step, Begun::Maybe));
            }
            b => {
                next_uncertain = false;
                chosen = Some((step, b));
            }
        }
    }
    chosen.map(|(step, how)| (step, how, next_uncertain))
}

/// Everything the derivation reads from a lifecycle on a date, before it becomes an answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Derived {
    pub(crate) state: Option<LifecycleState>,
    pub(crate) since: Option<PartialDate>,
    pub(crate) containment: Containment,
    pub(crate) rests_on_unknown: bool,
    pub(crate) derived: bool,
    pub(crate) until: Option<PartialDate>,
    pub(crate) notices: Vec<Notice>,
    pub(crate) ratified_by: Vec<PartyStep>,
    pub(crate) suspended_parties: Vec<PartyStep>,
    pub(crate) citations: Vec<Citation>,
}

/// The one derivation of an agreement's state on `on` (with `None`: as things finally stand,
/// every dated notice and term taken as having run). Cost: O(lifecycle steps²) at worst
/// (each suspension looks back for its notice), O(steps) in practice.
pub(crate) fn derive(lifecycle: &[LifecycleStep], on: Option<&PartialDate>) -> Derived {
    let (step, how, next_uncertain) = match on {
        Some(d) => match step_on(lifecycle, d) {
            Some((s, how, next)) => (Some(s), how, next),
            None => (None, Begun::No, false),
        },
        None => (
            lifecycle.iter().rev().find(|s| s.changes_state()),
            Begun::Yes,
            false,
        ),
    };
    let mut out = Derived {
        state: step.map(|s| s.state),
        since: step.and_then(|s| s.date),
        containment: match (step, how == Begun::Maybe || next_uncertain) {
            (None, _) => Containment::Outside,
            (Some(_), true) => Containment::Partly,
            (Some(_), false) => Containment::Inside,
        },
        rests_on_unknown: how == Begun::Assumed,
        derived: false,
        until: None,
        notices: Vec::new(),
        ratified_by: Vec::new(),
        suspended_parties: Vec::new(),
        citations: step.map(|s| s.citations.clone()).unwrap_or_default(),
    };
    // Read the steps that count by the date, in order: terms, notices, steps about one party.
    let mut until: Option<PartialDate> = None;
    for s in lifecycle.iter().filter(|s| counts(s, on)) {
        match s.state {
            LifecycleState::InForce => until = s.until,
            LifecycleState::Renewed => until = s.until,
            LifecycleState::NoticeGiven => out.notices.push(Notice {
                of: if s.party.is_some() {
                    NoticeOf::Withdrawal
                } else {
                    NoticeOf::Termination
                },
                party: s.party.clone(),
                given: s.date.or(s.attested),
                effective: s.effective,
                outcome: NoticeOutcome::Pending,
                suspended_on: None,
                withdrawn_on: None,
                condition: s.condition.clone(),
                containment: Containment::Inside,
                citations: s.citations.clone(),
            }),
            LifecycleState::NoticeSuspended | LifecycleState::NoticeWithdrawn => {
                // The latest pending notice it can be about: the same party, or any.
                let target = out.notices.iter_mut().rev().find(|n| {
                    let open = n.outcome == NoticeOutcome::Pending
                        || (n.outcome == NoticeOutcome::Suspended
                            && s.state == LifecycleState::NoticeWithdrawn);
                    open && (s.party.is_none() || s.party == n.party)
                });
                if let Some(n) = target {
                    let when = s.date.or(s.attested);
                    if s.state == LifecycleState::NoticeSuspended {
                        n.outcome = NoticeOutcome::Suspended;
                        n.suspended_on = when;
                    } else {
                        n.outcome = NoticeOutcome::Withdrawn;
                        n.withdrawn_on = when;
                    }
                    if s.condition.is_some() {
                        n.condition.clone_from(&s.condition);
                    }
                    crate::provenance::union_citations(&mut n.citations, &s.citations);
                }
            }
            LifecycleState::Ratified => {
                if let Some(p) = &s.party {
                    out.ratified_by.push(party_step(p, s));
                }
            }
            LifecycleState::Suspended => {
                if let Some(p) = &s.party {
                    out.suspended_parties.push(party_step(p, s));
                }
            }
            _ => {}
        }
    }
    // A notice first stopped (suspended or withdrawn) only after it took effect was stopped
    // too late: it took effect on its date.
    for n in &mut out.notices {
        let stopped = n.suspended_on.or(n.withdrawn_on);
        if let (Some(eff), Some(first)) = (n.effective, stopped) {
            if n.outcome != NoticeOutcome::Pending && eff.last_day() <= first.first_day() {
                n.outcome = NoticeOutcome::Pending;
                n.suspended_on = None;
                n.withdrawn_on = None;
            }
        }
        if n.outcome == NoticeOutcome::Pending {
            if let Some(eff) = n.effective {
                match on.map_or(Begun::Yes, |d| reached(eff, d)) {
                    Begun::Yes | Begun::Assumed => n.outcome = NoticeOutcome::TookEffect,
                    Begun::Maybe => n.containment = Containment::Partly,
                    Begun::No => {}
                }
            }
        }
    }
    out.until = until;
    let ended = out.state.is_some_and(LifecycleState::is_end);
    if !ended && out.state.is_some() {
        // A notice of termination that took effect ends the agreement; the earliest wins.
        let took = out
            .notices
            .iter()
            .filter(|n| n.of == NoticeOf::Termination && n.outcome == NoticeOutcome::TookEffect)
            .min_by_key(|n| n.effective);
        if let Some(n) = took {
            out.state = Some(LifecycleState::Terminated);
            out.since = n.effective;
            out.derived = true;
            out.rests_on_unknown = false;
            out.containment = Containment::Inside;
            out.citations = n.citations.clone();
        } else if out
            .notices
            .iter()
            .any(|n| n.of == NoticeOf::Termination && n.containment == Containment::Partly)
        {
            out.containment = Containment::Partly;
        }
    }
    if !out.derived
        && matches!(
            out.state,
            Some(LifecycleState::InForce | LifecycleState::Suspended)
        )
    {
        if let Some(end) = until {
            match on.map_or(Begun::Yes, |d| reached(end, d)) {
                Begun::Yes | Begun::Assumed => {
                    out.state = Some(LifecycleState::Expired);
                    out.since = Some(end);
                    out.derived = true;
                    out.rests_on_unknown = false;
                    out.containment = Containment::Inside;
                }
                Begun::Maybe => out.containment = Containment::Partly,
                Begun::No => {}
            }
        }
    }
    out
}

fn party_step(party: &str, s: &LifecycleStep) -> PartyStep {
    PartyStep {
        party: party.to_owned(),
        date: s.date.or(s.attested),
        condition: s.condition.clone(),
        citations: s.citations.clone(),
    }
}

/// The parties a lifecycle's notices of withdrawal took out of the agreement by `on` (with
/// `None`: ever), with the date each took effect.
pub(crate) fn withdrawals_by_notice(
    lifecycle: &[LifecycleStep],
    on: Option<&PartialDate>,
) -> Vec<(String, PartialDate)> {
    derive(lifecycle, on)
        .notices
        .into_iter()
        .filter(|n| n.of == NoticeOf::Withdrawal && n.outcome == NoticeOutcome::TookEffect)
        .filter_map(|n| Some((n.party?, n.effective?)))
        .collect()
}

/// The stretches of days in which an agreement binds its parties (agreed, signed, ratified,
/// provisionally applied, in force), read through [`derive`]: `(from, until)` with `until`
/// exclusive; `from` is `None` for a stretch that begins before any date the lifecycle names
/// (undated steps are taken as begun), `until` is `None` when it is open. The state can change
/// only on the first or last day a step's date, attested date, notice's effective date or
/// term's end may mean, or on the day after; the derivation is asked once per stretch.
/// Used by the chain index and the GEXF spells, so they agree with every other answer.
pub(crate) fn binding_stretches(
    lifecycle: &[LifecycleStep],
) -> Vec<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let mut days: Vec<chrono::NaiveDate> = Vec::new();
    for s in lifecycle {
        for d in [s.date, s.attested, s.effective, s.until]
            .into_iter()
            .flatten()
        {
            days.extend(d.earliest());
            days.extend(d.latest());
            days.extend(d.latest().and_then(|l| l.succ_opt()));
        }
    }
    days.sort_unstable();
    days.dedup();
    let binding_on = |d: chrono::NaiveDate| {
        derive(lifecycle, Some(&PartialDate::from_naive(d)))
            .state
            .is_some_and(LifecycleState::is_binding)
    };
    let mut out: Vec<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = Vec::new();
    let mut push =
        |from: Option<chrono::NaiveDate>, until: Option<chrono::NaiveDate>| match out.last_mut() {
            Some(last) if last.1.is_some() && last.1 == from => last.1 = until,
            _ => out.push((from, until)),
        };
    let before = days
        .first()
        .map_or(Some(chrono::NaiveDate::MIN), |d| d.pred_opt());
    if before.is_some_and(binding_on) {
        push(None, days.first().copied());
    }
    for (i, &d) in days.iter().enumerate() {
        if binding_on(d) {
            push(Some(d), days.get(i + 1).copied());
        }
    }
    out
}

/// The day an agreement ended, as things finally stand: the date of its end state
/// (`terminated`, `expired`, `abandoned`), recorded or derived.
pub(crate) fn end_date(lifecycle: &[LifecycleStep]) -> Option<PartialDate> {
    let d = derive(lifecycle, None);
    d.state.filter(|s| s.is_end()).and(d.since)
}

/// The state of an agreement as things finally stand (the exporters' `state` column).
pub(crate) fn final_state(lifecycle: &[LifecycleStep]) -> Option<LifecycleState> {
    derive(lifecycle, None).state
}

/// The state of an agreement as things finally stand, when it is derived (a notice that took
/// effect, a term that ran out); `None` when the last recorded step gives it.
pub(crate) fn derived_final_state(lifecycle: &[LifecycleStep]) -> Option<LifecycleState> {
    let d = derive(lifecycle, None);
    d.state.filter(|_| d.derived)
}
