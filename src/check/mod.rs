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
        let counted_at = counted_items(&items);
        let mut counted: Vec<Item> = counted_at
            .iter()
            .filter_map(|&at| items.get(at))
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

/// The items the totals count: the tracked items of the deepest level of
/// each tree (the items under one top-level code, or a top-level item
/// alone). One report on two plans counts the actions of each, however
/// deep each plan numbers them.
fn counted_items(items: &[Item]) -> Vec<usize> {
    fn root_of<'a>(items: &'a [Item], item: &'a Item) -> &'a str {
        let mut code = item.code.as_str();
        let mut parent = item.parent.as_deref();
        // A parent chain is at most as long as the list of items.
        for _ in 0..items.len() {
            let Some(above) = parent else { break };
            code = above;
            parent = items
                .iter()
                .find(|other| other.code == above)
                .and_then(|other| other.parent.as_deref());
        }
        code
    }
    let tracked: Vec<(usize, &str, u8)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.tracked)
        .map(|(at, item)| (at, root_of(items, item), item.depth))
        .collect();
    tracked
        .iter()
        .filter(|(_, root, depth)| {
            tracked
                .iter()
                .filter(|(_, other, _)| other == root)
                .all(|(_, _, other)| other <= depth)
        })
        .map(|(at, _, _)| *at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, parent: Option<&str>, depth: u8, tracked: bool) -> Item {
        Item {
            code: code.to_owned(),
            depth,
            level: None,
            parent: parent.map(str::to_owned),
            title: None,
            mark: None,
            status: None,
            status_label: None,
            inferred: false,
            tracked,
            page: 1,
            line: 1,
        }
    }

    /// Each tree counts its deepest tracked items: a flat register beside a
    /// plan of measures under headings counts both.
    #[test]
    fn each_tree_counts_its_deepest_items() {
        let items = [
            item("PC-01", None, 1, true),
            item("PC-02", None, 1, true),
            item("Axe 1", None, 1, false),
            item("1.1", Some("Axe 1"), 2, true),
            item("1.1.1", Some("1.1"), 3, true),
            item("1.2", Some("Axe 1"), 2, true),
            item("1.2.1", Some("1.2"), 3, true),
        ];
        assert_eq!(counted_items(&items), [0, 1, 4, 6]);
    }
}
