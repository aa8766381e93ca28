//! Declared totals against counted statuses, and inference of unknown marks.
//!
//! Counts the statuses of the extracted deliverables and compares them with
//! the figures the document declares. When some marks are unknown and
//! exactly one way of giving them statuses makes every declared figure
//! agree, the statuses are assigned with `inferred: true` and a diagnostic
//! naming the evidence; when more than one way fits, or none does, nothing is
//! assigned. Mismatches are reported with both numbers and never "fixed".

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::extract::conflict_opening;
use crate::model::{Deliverable, Item, Status, Totals, TotalsCounts};

/// What reconciling needs of a plan item: deliverables of the built-in
/// grammar and generic items are reconciled the same way.
pub trait Counted {
    /// The diagnostic raised for each status inferred from the totals.
    const INFERRED: Code;
    /// The diagnostic raised when the totals leave the unknown statuses open.
    const NOT_INFERRED: Code;
    /// The noun in messages (`deliverable(s)`, `item(s)`).
    const NOUN: &'static str;
    /// Whether an unknown status may be inferred into a class the document
    /// does not count. True for the seeds' deliverables, whose three classes
    /// are all there is; false for the items of any plan, whose unknown
    /// marks may be states outside the classes (`Reportée`): a total minus
    /// the declared classes does not say which.
    const UNDECLARED_CLASSES: bool;
    /// The item's code.
    fn code(&self) -> &str;
    /// The mark as printed.
    fn mark(&self) -> Option<&str>;
    /// The normalized status.
    fn status(&self) -> Option<Status>;
    /// True when the status is unknown and may be inferred (a state outside
    /// the three classes is known, just not counted in one of them).
    fn open(&self) -> bool {
        self.status().is_none()
    }
    /// Sets a status deduced from the declared totals.
    fn infer(&mut self, status: Status);
    /// Where the item is.
    fn location(&self) -> Location;
}

/// The accessors that deliverables and items spell the same way.
macro_rules! same_fields {
    () => {
        fn code(&self) -> &str {
            &self.code
        }
        fn mark(&self) -> Option<&str> {
            self.mark.as_deref()
        }
        fn status(&self) -> Option<Status> {
            self.status
        }
        fn infer(&mut self, status: Status) {
            self.status = Some(status);
            self.inferred = true;
        }
        fn location(&self) -> Location {
            Location::new(self.page, self.line)
        }
    };
}

impl Counted for Deliverable {
    const INFERRED: Code = Code::DeliverablesStatusInferred;
    const NOT_INFERRED: Code = Code::DeliverablesStatusNotInferred;
    const NOUN: &'static str = "deliverable(s)";
    const UNDECLARED_CLASSES: bool = true;
    same_fields!();
}

impl Counted for Item {
    const INFERRED: Code = Code::ItemsStatusInferred;
    const NOT_INFERRED: Code = Code::ItemsStatusNotInferred;
    const NOUN: &'static str = "item(s)";
    const UNDECLARED_CLASSES: bool = false;
    fn open(&self) -> bool {
        self.status.is_none() && self.status_label.is_none()
    }
    same_fields!();
}

const STATUSES: [Status; 3] = [Status::Achieved, Status::InProgress, Status::NotDeveloped];

/// Reconciles `deliverables` with the `declared` totals (read at `at`).
/// Returns `None` when there is neither a deliverable nor a declared figure.
///
/// When `diagnostics` already say the document declares the count of the
/// one status that would fit twice with different numbers (`Total del
/// plan: 7 de 14 ejecutadas` under axes that add up to 6), that count is
/// in doubt: the totals are still compared, but no status is inferred
/// from them. A total declared twice (a sub-total read as one) leaves the
/// status counts to decide.
pub fn reconcile<T: Counted>(
    deliverables: &mut [T],
    declared: Option<TotalsCounts>,
    at: Option<Location>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Totals> {
    if deliverables.is_empty() && declared.is_none() {
        return None;
    }
    let declared = declared.unwrap_or_default();
    let mut inferred = 0;
    let open = u32::try_from(deliverables.iter().filter(|d| d.open()).count()).unwrap_or(u32::MAX);
    let doubted = |status: Status| {
        diagnostics.iter().any(|diagnostic| {
            diagnostic.code == Code::TotalsConflictingDeclarations.as_str()
                && diagnostic
                    .message
                    .starts_with(conflict_opening(Some(status)))
        })
    };
    let inference = match infer(&count(deliverables), &declared, open) {
        Inference::Unique(status)
            if !T::UNDECLARED_CLASSES && declared_count(&declared, status).is_none() =>
        {
            Inference::Undeclared(status)
        }
        Inference::Unique(status) if doubted(status) => Inference::Doubted(status),
        inference => inference,
    };
    let not_inferred = match inference {
        Inference::Doubted(status) => Some(format!(
            "only {} would make the counts agree with {}, but the document declares that count twice with different numbers",
            status.as_str(),
            describe(&declared),
        )),
        Inference::Undeclared(status) => Some(format!(
            "the document declares {}; only {} would make the counts agree, a class it does not count, and the marks may be states outside the classes",
            describe(&declared),
            status.as_str(),
        )),
        Inference::Ambiguous(ways) => {
            let why = if ways == 0 {
                "no assignment of statuses makes the counts agree".to_owned()
            } else if ways == u64::MAX {
                "a very large number of assignments of statuses make the counts agree".to_owned()
            } else {
                format!("{ways} different assignments of statuses make the counts agree")
            };
            Some(format!("the document declares {}, but {why}", describe(&declared)))
        }
        Inference::Nothing | Inference::Unique(_) => None,
    };
    if let Some(why) = not_inferred {
        let unknown_codes: Vec<&str> = deliverables
            .iter()
            .filter(|d| d.open())
            .map(|d| d.code())
            .collect();
        let diagnostic = Diagnostic::warning(
            T::NOT_INFERRED,
            format!(
                "{} {} with unknown status ({}): {why}, so none is inferred",
                unknown_codes.len(),
                T::NOUN,
                list_codes(&unknown_codes),
            ),
        );
        diagnostics.push(match at {
            Some(at) => diagnostic.at(at),
            None => diagnostic,
        });
    }
    if let Inference::Unique(status) = inference {
        for deliverable in deliverables.iter_mut().filter(|d| d.open()) {
            deliverable.infer(status);
            inferred += 1;
            diagnostics.push(
                Diagnostic::info(
                    T::INFERRED,
                    format!(
                        "{} (mark {}) inferred as {}: the document declares {}, and this is the only assignment of the unknown marks that makes the counts agree",
                        deliverable.code(),
                        deliverable.mark().map_or_else(|| "none".to_owned(), |m| format!("`{m}`")),
                        status.as_str(),
                        describe(&declared),
                    ),
                )
                .at(deliverable.location()),
            );
        }
    }
    let counted = count(deliverables);
    let unknown = u32::try_from(deliverables.iter().filter(|d| d.status().is_none()).count())
        .unwrap_or(u32::MAX);
    let mut agree = None;
    for (name, declared_figure, counted_figure) in [
        ("total", declared.total, counted.total),
        ("achieved", declared.achieved, counted.achieved),
        ("in progress", declared.in_progress, counted.in_progress),
        (
            "not developed",
            declared.not_developed,
            counted.not_developed,
        ),
    ] {
        let Some(declared_figure) = declared_figure else {
            continue;
        };
        let same = Some(declared_figure) == counted_figure;
        agree = Some(agree.unwrap_or(true) && same);
        if !same {
            let counted_figure = counted_figure.unwrap_or(0);
            let diagnostic = Diagnostic::error(
                Code::TotalsMismatch,
                format!(
                    "the document declares {declared_figure} {name}, planex counted {counted_figure}{}",
                    if unknown > 0 { format!(" ({unknown} {} with unknown status)", T::NOUN) } else { String::new() }
                ),
            );
            diagnostics.push(match at {
                Some(at) => diagnostic.at(at),
                None => diagnostic,
            });
        }
    }
    Some(Totals {
        declared,
        counted,
        unknown,
        inferred,
        agree,
    })
}

/// Counts by status (unknown statuses count only in the total).
fn count<T: Counted>(deliverables: &[T]) -> TotalsCounts {
    let of = |status: Status| {
        u32::try_from(
            deliverables
                .iter()
                .filter(|d| d.status() == Some(status))
                .count(),
        )
        .ok()
    };
    TotalsCounts {
        total: u32::try_from(deliverables.len()).ok(),
        achieved: of(Status::Achieved),
        in_progress: of(Status::InProgress),
        not_developed: of(Status::NotDeveloped),
    }
}

/// What the declared totals say about the unknown statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inference {
    /// Nothing to infer: no unknown status, or no declared status count.
    Nothing,
    /// Exactly one assignment fits: every unknown gets this status.
    Unique(Status),
    /// This many assignments fit (0: none does).
    Ambiguous(u64),
    /// Exactly one assignment fits, into this class the document does not count.
    Undeclared(Status),
    /// Exactly one assignment fits, but the document's own figures disagree.
    Doubted(Status),
}

/// Counts the assignments of statuses to the unknown deliverables that make
/// every declared figure agree.
///
/// Assignments are counted per deliverable: splitting the unknowns between
/// two statuses can be done in several ways (which one gets which), so only
/// an assignment that gives them all the same status can be unique.
fn infer(counted: &TotalsCounts, declared: &TotalsCounts, unknown: u32) -> Inference {
    let declares_statuses = declared.achieved.is_some()
        || declared.in_progress.is_some()
        || declared.not_developed.is_some();
    if unknown == 0 || !declares_statuses {
        return Inference::Nothing;
    }
    if declared
        .total
        .is_some_and(|total| Some(total) != counted.total)
    {
        return Inference::Ambiguous(0);
    }
    // The unknowns each declared status still needs; `None` when undeclared.
    let needed = |have: Option<u32>, want: Option<u32>| -> Option<Option<u32>> {
        match want {
            None => Some(None),
            Some(want) => want.checked_sub(have.unwrap_or(0)).map(Some),
        }
    };
    let (Some(need_achieved), Some(need_in_progress), Some(need_not_developed)) = (
        needed(counted.achieved, declared.achieved),
        needed(counted.in_progress, declared.in_progress),
        needed(counted.not_developed, declared.not_developed),
    ) else {
        return Inference::Ambiguous(0);
    };
    // At least one status is declared, so at most one count is free once the
    // others are fixed: the enumeration is linear in the number of unknowns.
    let mut ways: u64 = 0;
    let mut unique = None;
    let achieved_range = need_achieved.map_or(0..=unknown, |n| n..=n);
    for achieved in achieved_range.filter(|a| *a <= unknown) {
        let rest = unknown - achieved;
        let in_progress_range = match (need_in_progress, need_not_developed) {
            (Some(n), _) => n..=n,
            (None, Some(not_developed)) => match rest.checked_sub(not_developed) {
                Some(n) => n..=n,
                None => continue,
            },
            (None, None) => 0..=rest,
        };
        for in_progress in in_progress_range.filter(|i| *i <= rest) {
            let not_developed = rest - in_progress;
            if need_not_developed.is_some_and(|n| n != not_developed) {
                continue;
            }
            let split = [achieved, in_progress, not_developed];
            ways = ways.saturating_add(arrangements(unknown, split));
            if ways == u64::MAX {
                return Inference::Ambiguous(ways);
            }
            let mut nonzero = STATUSES.iter().zip(split).filter(|(_, n)| *n > 0);
            unique = match (nonzero.next(), nonzero.next()) {
                (Some((status, _)), None) => Some(*status),
                _ => None,
            };
        }
    }
    match (ways, unique) {
        (1, Some(status)) => Inference::Unique(status),
        _ => Inference::Ambiguous(ways),
    }
}

/// The count `declared` gives for `status`.
fn declared_count(declared: &TotalsCounts, status: Status) -> Option<u32> {
    match status {
        Status::Achieved => declared.achieved,
        Status::InProgress => declared.in_progress,
        Status::NotDeveloped => declared.not_developed,
    }
}

/// In how many ways `unknown` deliverables can be split into `split` (a multinomial).
fn arrangements(unknown: u32, split: [u32; 3]) -> u64 {
    // Stops at the first overflow: beyond u64 the exact count does not matter.
    let binomial = |n: u32, k: u32| {
        let mut acc: u64 = 1;
        for i in 1..=u64::from(k) {
            match acc.checked_mul(u64::from(n) - i + 1) {
                Some(product) => acc = product / i,
                None => return u64::MAX,
            }
        }
        acc
    };
    let [achieved, in_progress, _] = split;
    binomial(unknown, achieved).saturating_mul(binomial(unknown - achieved, in_progress))
}

/// `L1M1D1, L1M1D2` — at most ten codes, then how many more.
fn list_codes(codes: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut listed = codes
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if codes.len() > SHOWN {
        listed.push_str(&format!(" and {} more", codes.len() - SHOWN));
    }
    listed
}

fn describe(declared: &TotalsCounts) -> String {
    let parts: Vec<String> = [
        ("total", declared.total),
        ("achieved", declared.achieved),
        ("in progress", declared.in_progress),
        ("not developed", declared.not_developed),
    ]
    .into_iter()
    .filter_map(|(name, n)| n.map(|n| format!("{n} {name}")))
    .collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::{Achieved, InProgress, NotDeveloped};

    fn deliverables(statuses: &[Option<Status>]) -> Vec<Deliverable> {
        statuses
            .iter()
            .zip(1..)
            .map(|(status, number)| Deliverable {
                code: format!("L1M1D{number}"),
                action_line: 1,
                measure: 1,
                number,
                measure_code: "L1M1".to_owned(),
                action_line_code: "L1".to_owned(),
                title: String::new(),
                mark: Some(if status.is_some() { "V" } else { "*" }.to_owned()),
                status: *status,
                inferred: false,
                repaired: false,
                conflicting_marks: Vec::new(),
                page: 1,
                line: number.into(),
            })
            .collect()
    }

    fn declared(total: u32, a: u32, i: u32, n: u32) -> TotalsCounts {
        TotalsCounts {
            total: Some(total),
            achieved: Some(a),
            in_progress: Some(i),
            not_developed: Some(n),
        }
    }

    /// Statuses of the deliverables, declared totals, expected inferred status.
    type Case<'a> = (&'a [Option<Status>], TotalsCounts, Option<Status>);

    #[test]
    fn inference_only_when_exactly_one_assignment_fits() {
        let cases: &[Case<'_>] = &[
            // seed 000 in small: two unknowns, both must be not developed.
            (
                &[Some(Achieved), Some(NotDeveloped), None, None],
                declared(4, 1, 0, 3),
                Some(NotDeveloped),
            ),
            // two unknowns split one/one: two ways fit, no inference.
            (&[Some(Achieved), None, None], declared(3, 1, 1, 1), None),
            // totals that no assignment satisfies.
            (&[Some(Achieved), None], declared(2, 2, 1, 0), None),
            // declared total differs from the counted one.
            (&[Some(Achieved), None], declared(3, 2, 0, 0), None),
            // partial declaration: only the achieved count is known, and the gap decides it.
            (
                &[Some(Achieved), None],
                TotalsCounts {
                    achieved: Some(2),
                    ..TotalsCounts::default()
                },
                Some(Achieved),
            ),
            // partial declaration that leaves the status open.
            (
                &[Some(Achieved), None],
                TotalsCounts {
                    total: Some(2),
                    ..TotalsCounts::default()
                },
                None,
            ),
        ];
        for (statuses, declared, want) in cases {
            let mut items = deliverables(statuses);
            let mut diagnostics = Vec::new();
            reconcile(&mut items, Some(*declared), None, &mut diagnostics);
            let got: Vec<Option<Status>> = items
                .iter()
                .filter(|d| d.mark.as_deref() == Some("*"))
                .map(|d| d.status)
                .collect();
            assert!(
                got.iter().all(|status| *status == *want),
                "{statuses:?} {declared:?}: {got:?}"
            );
            assert_eq!(
                items.iter().any(|d| d.inferred),
                want.is_some(),
                "{statuses:?}"
            );
        }
    }

    #[test]
    fn items_are_not_inferred_into_a_class_the_document_does_not_count() {
        let item = |code: &str, status: Option<Status>| Item {
            code: code.to_owned(),
            depth: 1,
            level: None,
            parent: None,
            title: None,
            mark: status.map(|_| "x".to_owned()),
            status,
            status_label: None,
            inferred: false,
            tracked: true,
            page: 1,
            line: 1,
        };
        // Total 3, one achieved, one not developed: the unknown fits only
        // in progress, which the document does not count; it may as well be
        // postponed.
        let partial = TotalsCounts {
            total: Some(3),
            achieved: Some(1),
            in_progress: None,
            not_developed: Some(1),
        };
        let mut items = vec![
            item("1", Some(Achieved)),
            item("2", Some(NotDeveloped)),
            item("3", None),
        ];
        let mut diagnostics = Vec::new();
        reconcile(&mut items, Some(partial), None, &mut diagnostics);
        assert_eq!(items[2].status, None);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "items.status_not_inferred"
                    && d.message.contains("does not count"))
        );
        // Deliverables of the seeds' grammar have no state outside the classes.
        let mut seeds = deliverables(&[Some(Achieved), Some(NotDeveloped), None]);
        reconcile(&mut seeds, Some(partial), None, &mut Vec::new());
        assert_eq!(seeds[2].status, Some(InProgress));
        // A declared class is still inferred.
        let mut items = vec![item("1", Some(Achieved)), item("2", None)];
        let declared = TotalsCounts {
            achieved: Some(2),
            ..TotalsCounts::default()
        };
        reconcile(&mut items, Some(declared), None, &mut Vec::new());
        assert_eq!(items[1].status, Some(Achieved));
    }

    #[test]
    fn many_unknowns_are_decided_quickly() {
        let mut statuses = vec![None; 60_000];
        statuses.push(Some(Achieved));
        let mut items = deliverables(&statuses);
        let mut diagnostics = Vec::new();
        let partial = TotalsCounts {
            achieved: Some(1),
            ..TotalsCounts::default()
        };
        reconcile(&mut items, Some(partial), None, &mut diagnostics);
        assert!(items.iter().all(|d| !d.inferred));
        let complete = declared(60_001, 1, 0, 60_000);
        reconcile(&mut items, Some(complete), None, &mut diagnostics);
        assert_eq!(items.iter().filter(|d| d.inferred).count(), 60_000);
    }

    #[test]
    fn mismatch_reports_both_numbers() {
        let mut items = deliverables(&[Some(Achieved), Some(InProgress)]);
        let mut diagnostics = Vec::new();
        let totals = reconcile(
            &mut items,
            Some(declared(2, 2, 0, 0)),
            Some(Location::new(1, 7)),
            &mut diagnostics,
        )
        .expect("totals");
        assert_eq!(totals.agree, Some(false));
        let messages: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.code == "totals.mismatch")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "the document declares 2 achieved, planex counted 1",
                "the document declares 0 in progress, planex counted 1"
            ]
        );
        assert_eq!(items[1].status, Some(InProgress), "never silently fixed");
    }

    #[test]
    fn ambiguous_and_impossible_inferences_say_why() {
        for (statuses, declared, want) in [
            (
                &[Some(Achieved), None, None][..],
                declared(3, 1, 1, 1),
                "2 different assignments",
            ),
            (
                &[Some(Achieved), None, None, None][..],
                declared(4, 1, 2, 1),
                "3 different assignments",
            ),
            (
                &[Some(Achieved), None][..],
                declared(2, 2, 1, 0),
                "no assignment",
            ),
        ] {
            let mut items = deliverables(statuses);
            let mut diagnostics = Vec::new();
            reconcile(&mut items, Some(declared), None, &mut diagnostics);
            let reasons: Vec<&str> = diagnostics
                .iter()
                .filter(|d| d.code == "deliverables.status_not_inferred")
                .map(|d| d.message.as_str())
                .collect();
            assert_eq!(reasons.len(), 1, "{statuses:?}");
            assert!(reasons[0].contains(want), "{}", reasons[0]);
        }
    }

    /// A document whose own figures disagree (a grand total that is not
    /// the sum of its parts) gives no ground for inference.
    #[test]
    fn conflicting_declarations_infer_nothing() {
        let mut items = deliverables(&[Some(Achieved), None]);
        let conflict = |status: Option<Status>| {
            Diagnostic::warning(
                Code::TotalsConflictingDeclarations,
                format!("{} 2, then 1; the first is used", conflict_opening(status)),
            )
        };
        let mut diagnostics = vec![conflict(Some(Achieved))];
        reconcile(
            &mut items,
            Some(declared(2, 2, 0, 0)),
            None,
            &mut diagnostics,
        );
        assert_eq!(items[1].status, None);
        assert!(diagnostics
            .iter()
            .any(|d| d.code == "deliverables.status_not_inferred"
                && d.message.contains("twice with different numbers")));
        // A total declared twice leaves the status counts to decide.
        let mut total_doubted = deliverables(&[Some(Achieved), None]);
        reconcile(
            &mut total_doubted,
            Some(declared(2, 2, 0, 0)),
            None,
            &mut vec![conflict(None)],
        );
        assert_eq!(total_doubted[1].status, Some(Achieved));
        let mut trusted = deliverables(&[Some(Achieved), None]);
        reconcile(
            &mut trusted,
            Some(declared(2, 2, 0, 0)),
            None,
            &mut Vec::new(),
        );
        assert_eq!(trusted[1].status, Some(Achieved));
    }

    #[test]
    fn no_declaration_means_agreement_unknown() {
        let mut items = deliverables(&[Some(Achieved)]);
        let totals = reconcile(&mut items, None, None, &mut Vec::new()).expect("totals");
        assert_eq!(totals.agree, None);
        assert_eq!(totals.counted.achieved, Some(1));
    }
}
