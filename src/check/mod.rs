//! Stage 5 of 6: cross-check extracted items and assemble the [`Document`].
//!
//! Owns every rule that relates items to each other: declared totals against
//! counted statuses, parts against wholes. It never changes what was read
//! silently; every correction or mismatch becomes a diagnostic.
//!
//! One file per rule: `totals.rs` ([`reconcile_totals`]) reconciles declared and counted statuses
//! (and infers unknown marks only when exactly one assignment fits).

mod totals;

pub use totals::reconcile as reconcile_totals;

use crate::detect::Profile;
use crate::extract::{builtin_items, builtin_summary, Extraction};
use crate::model::{Document, Item, Source, SCHEMA_VERSION};

/// Cross-checks an extraction and assembles the final document.
pub fn check(
    extraction: Extraction,
    profile: Profile,
    source: Source,
    mut diagnostics: Vec<crate::Diagnostic>,
) -> Document {
    diagnostics.extend(profile.diagnostics);
    // A schedule of events dates a document that states no period: the
    // detector's `no period` note no longer holds.
    let schedule_period = extraction
        .schedule_period
        .clone()
        .filter(|_| profile.period.is_none());
    if schedule_period.is_some() {
        let unknown = crate::catalogue::Code::DetectPeriodUnknown.as_str();
        diagnostics.retain(|diagnostic| diagnostic.code != unknown);
    }
    let mut extraction = extraction;
    diagnostics.extend(std::mem::take(&mut extraction.diagnostics));
    let (totals, items, grammar) = if extraction.deliverables.is_empty() {
        let mut items = std::mem::take(&mut extraction.items);
        let deepest = items
            .iter()
            .filter(|item| item.tracked)
            .map(|item| item.depth)
            .max();
        let mut counted: Vec<Item> = items
            .iter()
            .filter(|item| item.tracked && Some(item.depth) == deepest)
            .cloned()
            .collect();
        let totals = if counted.is_empty() {
            None
        } else {
            totals::reconcile(
                &mut counted,
                extraction.declared_totals,
                extraction.declared_totals_location,
                &mut diagnostics,
            )
        };
        for done in counted.into_iter().filter(|item| item.inferred) {
            if let Some(item) = items
                .iter_mut()
                .find(|item| item.tracked && item.code == done.code)
            {
                *item = done;
            }
        }
        (totals, items, extraction.grammar.take())
    } else {
        let totals = totals::reconcile(
            &mut extraction.deliverables,
            extraction.declared_totals,
            extraction.declared_totals_location,
            &mut diagnostics,
        );
        let items = builtin_items(
            &extraction.action_lines,
            &extraction.measures,
            &extraction.deliverables,
        );
        (totals, items, Some(builtin_summary()))
    };
    diagnostics.extend(crate::figures_check::check_parts(&extraction.key_figures));
    Document {
        schema_version: SCHEMA_VERSION.to_owned(),
        planex_version: env!("CARGO_PKG_VERSION").to_owned(),
        source,
        language: profile.language,
        languages: profile.languages,
        kind: profile.kind,
        period: profile.period.or(schedule_period),
        title: profile.title,
        items,
        grammar,
        action_lines: extraction.action_lines,
        measures: extraction.measures,
        deliverables: extraction.deliverables,
        legend: extraction.legend,
        totals,
        sections: extraction.sections,
        calendar: extraction.calendar,
        key_figures: extraction.key_figures,
        members: extraction.members,
        member_lists: extraction.member_lists,
        people: extraction.people,
        diagnostics,
    }
}
