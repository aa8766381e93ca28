//! Declared totals: what the report says it achieved, in its own words.
//!
//! Owns phrases such as `Entre 2018 y 2020, Metropolis tenía que llevar a
//! cabo 65 resultados y entregables`, `V Alcanzados: 49En proceso: 10X No
//! desarrollados: 6` (spaces lost in extraction), `Achieved: 14` and
//! `Atteints : 11` (a narrow no-break space before the colon). It only reads
//! what is declared; comparing with the counted statuses is
//! [`check`](crate::check)'s job.

use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::lexicon::{Lexicons, Probed};
use crate::model::{Status, TotalsCounts};
use crate::normalize::{Line, Lines};

/// `Alcanzados: 49`, `In progress = 4`, `Atteints : 11`. The label may follow
/// a digit directly (`49En proceso`), so there is no `\b` before it; the
/// caller checks that no letter precedes it instead.
fn status_count(lexicons: &Lexicons) -> Arc<Probed> {
    lexicons.pattern("totals.status_count", |lex| {
        let labels = lex.alternation(lex.each(|l| l.legend_labels).map(|label| label.label));
        format!(
            r"(?i)(?P<label>{labels})[\s\u{{a0}}\u{{202f}}]*[:=][\s\u{{a0}}\u{{202f}}]*(?P<n>[0-9]{{1,5}})"
        )
    })
}

/// `65 resultados y entregables`, `20 deliverables`, `18 livrables`.
fn total_phrase(lexicons: &Lexicons) -> Arc<Probed> {
    lexicons.pattern("totals.total_phrase", |lex| {
        let nouns = lex.alternation(lex.each(|l| l.total_nouns).copied());
        format!(r"(?i)\b(?P<n>[0-9]{{1,5}})\s+(?P<noun>{nouns})\b")
    })
}

/// `debía realizar 12 productos`, `had to deliver 18 outputs`, `sollte 9
/// Produkte liefern`: a verb of obligation, at most three words, then a
/// count and the word after it (its unit, whatever the noun).
fn obligation_total(lexicons: &Lexicons) -> Arc<Probed> {
    lexicons.pattern("totals.obligation_total", |lex| {
        let verbs = lex.alternation(lex.each(|l| l.obligation_words).copied());
        format!(
            r"(?i)(?:^|[^\p{{L}}])(?:{verbs})\s+(?:[\p{{L}}'’-]+\s+){{0,3}}(?P<n>[0-9]{{1,5}})\s+\p{{L}}"
        )
    })
}

/// `Total: 20`, `Total deliverables = 20`.
fn total_label(lexicons: &Lexicons) -> Arc<Probed> {
    lexicons.pattern("totals.total_label", |lex| {
        let labels = lex.alternation(lex.each(|l| l.total_labels).copied());
        format!(
            r"(?i)\b(?:{labels})(?:\s+\p{{L}}+)?[\s\u{{a0}}\u{{202f}}]*[:=][\s\u{{a0}}\u{{202f}}]*(?P<n>[0-9]{{1,5}})\b"
        )
    })
}

/// Totals the document declares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeclaredTotals {
    /// The figures, null where the document states none; `None` when it states none at all.
    pub counts: Option<TotalsCounts>,
    /// Where the first figure was read.
    pub location: Option<Location>,
    /// Indices (into [`Text::lines`](crate::normalize::Text::lines)) of every line with a figure.
    pub lines: Vec<usize>,
    /// `totals.conflicting_declarations`.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every declared total in the document's languages; the first
/// declaration of each figure wins and a later different one is reported.
pub fn read_totals(lines: &Lines, lexicons: &Lexicons) -> DeclaredTotals {
    let mut counts = TotalsCounts::default();
    let mut found = DeclaredTotals::default();
    let (status_count, total_phrase, total_label) = (
        status_count(lexicons),
        total_phrase(lexicons),
        total_label(lexicons),
    );
    // A total declared by a verb of obligation (`debía realizar 12
    // productos`), read only when no total phrase or label says it.
    let obligation = obligation_total(lexicons);
    let mut obliged: Option<(usize, u32)> = None;
    let mut declarations: Vec<(Line, Vec<(Field, u32)>)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let plain = line.plain;
        if obliged.is_none() {
            obliged = obligation
                .captures(plain)
                .and_then(|caps| caps.name("n"))
                .filter(|n| !split_number(plain, n.start(), n.end()))
                .and_then(|n| Some((index, n.as_str().parse().ok()?)));
        }
        let mut figures: Vec<(Field, u32)> = Vec::new();
        for caps in status_count.captures_iter(plain) {
            let Some(label) = caps.name("label") else {
                continue;
            };
            let glued_to_word = plain
                .get(..label.start())
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_alphabetic);
            if glued_to_word {
                continue;
            }
            let status = status_of_label(label.as_str(), lexicons);
            // `Completed: 1.2, 1.3`, `En cours : 1-1 ; 1-3`: a number going
            // on with a dot or a hyphen and a digit is a code of the plan
            // listed under its state, no count.
            if caps.name("n").is_some_and(|n| {
                plain
                    .get(n.end()..)
                    .and_then(|after| after.strip_prefix(['.', '-']))
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            }) {
                continue;
            }
            if caps
                .name("n")
                .is_some_and(|n| split_number(plain, n.start(), n.end()))
            {
                found.diagnostics.push(unreadable(plain, line));
                continue;
            }
            let number = caps.name("n").and_then(|n| n.as_str().parse::<u32>().ok());
            if let (Some(status), Some(number)) = (status, number) {
                figures.push((Field::Status(status), number));
            }
        }
        for caps in total_phrase
            .captures_iter(plain)
            .chain(total_label.captures_iter(plain))
        {
            if caps
                .name("n")
                .is_some_and(|n| split_number(plain, n.start(), n.end()))
            {
                found.diagnostics.push(unreadable(plain, line));
                continue;
            }
            if let Some(number) = caps.name("n").and_then(|n| n.as_str().parse::<u32>().ok()) {
                figures.push((Field::Total, number));
            }
        }
        if let Some(number) = lines
            .get(index + 1)
            .and_then(|next| total_across_wrap(plain, line, next, &total_phrase))
        {
            figures.push((Field::Total, number));
        }
        if let Some((label, number)) = lines
            .get(index + 1)
            .and_then(|next| count_across_wrap(plain, line, next, &status_count))
        {
            if let Some(status) = status_of_label(&label, lexicons) {
                figures.push((Field::Status(status), number));
            }
        }
        if !figures.is_empty() {
            found.lines.push(index);
            declarations.push((line, figures));
        }
    }
    let parts = parts_of_a_whole(&declarations);
    for (position, (line, figures)) in declarations.into_iter().enumerate() {
        if parts.contains(&position) {
            continue;
        }
        for (field, number) in figures {
            let status = match field {
                Field::Total => None,
                Field::Status(status) => Some(status),
            };
            declare(&mut counts, status, number, line, &mut found);
        }
    }
    if let Some((index, number)) = obliged.filter(|_| counts.total.is_none()) {
        if let Some(line) = lines.get(index) {
            if !found.lines.contains(&index) {
                found.lines.push(index);
                found.lines.sort_unstable();
            }
            declare(&mut counts, None, number, line, &mut found);
        }
    }
    if found.location.is_some() {
        found.counts = Some(counts);
    }
    found
}

/// The positions (into `declarations`) of lines that declare the totals of
/// a part of the plan, each with a total of its own, followed by a line
/// whose total is their sum: the whole (`OE 1: 4 results, …` ·
/// `OE 2: 3 results, …` · `Plan total: 7 results, …`). The whole is the
/// document's declaration; its parts would otherwise be read first and
/// the whole reported as a conflict.
fn parts_of_a_whole(declarations: &[(Line, Vec<(Field, u32)>)]) -> Vec<usize> {
    let total = |figures: &[(Field, u32)]| {
        figures
            .iter()
            .find(|(field, _)| matches!(field, Field::Total))
            .map(|&(_, number)| number)
    };
    let mut parts = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut sum: u32 = 0;
    for (position, (_, figures)) in declarations.iter().enumerate() {
        let Some(number) = total(figures) else {
            continue;
        };
        if run.len() >= 2 && number == sum {
            parts.append(&mut run);
            sum = 0;
        } else {
            run.push(position);
            sum = sum.saturating_add(number);
        }
    }
    parts
}

/// A total phrase that a line wrap cuts between its number and its noun
/// (`… had to deliver 18` / `deliverables. Overall:`), as narrow columns of
/// prose do: the number ends `line` and the noun starts `next`, the next
/// line of the same page. Phrases wholly on one line are read with it.
fn total_across_wrap(plain: &str, line: Line, next: Line, total_phrase: &Probed) -> Option<u32> {
    let next_plain = next.plain;
    if next.page != line.page || next.number != line.number + 1 || next_plain.trim().is_empty() {
        return None;
    }
    let ending = plain.trim_end();
    if !ending.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let joined = format!("{ending} {}", next_plain.trim_start());
    total_phrase
        .captures_iter(&joined)
        .filter_map(|caps| caps.name("n"))
        .find(|n| n.end() == ending.len() && !split_number(&joined, n.start(), n.end()))
        .and_then(|n| n.as_str().parse().ok())
}

/// A status count whose number a line wrap puts below its label
/// (`No desarrollados:` / `6`), as narrow columns of prose do: `line` ends
/// with the label and its colon, and `next`, the next line of the same
/// page, holds the bare number alone. The label and the number.
fn count_across_wrap(
    plain: &str,
    line: Line,
    next: Line,
    status_count: &Probed,
) -> Option<(String, u32)> {
    let next_plain = next.plain;
    let number = next_plain.trim();
    if next.page != line.page
        || next.number != line.number + 1
        || number.is_empty()
        || !number.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let ending = plain.trim_end();
    if !ending.ends_with(':') {
        return None;
    }
    let joined = format!("{ending} {number}");
    status_count
        .captures_iter(&joined)
        .filter(|caps| caps.name("n").is_some_and(|n| n.start() > ending.len()))
        .find_map(|caps| {
            let label = caps.name("label")?.as_str().to_owned();
            Some((label, caps.name("n")?.as_str().parse().ok()?))
        })
}

/// Whether the number at `start..end` of `text` is part of a longer one
/// split by a space (`4 9`, `1 8 deliverables`, a thousands separator): a
/// digit right before or after it, one space apart. Reading a piece of it
/// would declare another figure.
fn split_number(text: &str, start: usize, end: usize) -> bool {
    let space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let after = text.get(end..).unwrap_or_default();
    let before = text.get(..start).unwrap_or_default();
    let digit_after = after
        .strip_prefix(space)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    let digit_before = before
        .strip_suffix(space)
        .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
    digit_after || digit_before
}

/// `totals.unreadable`: a declared figure whose digits are split.
fn unreadable(plain: &str, line: Line) -> Diagnostic {
    Diagnostic::warning(
        Code::TotalsUnreadable,
        format!(
            "the totals line `{}` holds a number split by spaces; it is not read",
            plain.trim()
        ),
    )
    .at(line.location())
}

#[derive(Debug, Clone, Copy)]
enum Field {
    Total,
    Status(Status),
}

/// How a `totals.conflicting_declarations` message about the figure of
/// `status` (`None`: the total) opens, up to the colon: the check reads it
/// to tell which figure is in doubt.
pub fn conflict_opening(status: Option<Status>) -> &'static str {
    match status {
        None => "the document declares the total twice:",
        Some(Status::Achieved) => "the document declares the achieved count twice:",
        Some(Status::InProgress) => "the document declares the in-progress count twice:",
        Some(Status::NotDeveloped) => "the document declares the not-developed count twice:",
    }
}

/// Records that `line` declares `number` items of `status` (`None`: in
/// total). The first declaration of a figure is kept; a later, different
/// one is reported with both numbers.
pub(super) fn declare(
    counts: &mut TotalsCounts,
    status: Option<Status>,
    number: u32,
    line: Line,
    found: &mut DeclaredTotals,
) {
    let slot = match status {
        None => &mut counts.total,
        Some(Status::Achieved) => &mut counts.achieved,
        Some(Status::InProgress) => &mut counts.in_progress,
        Some(Status::NotDeveloped) => &mut counts.not_developed,
    };
    match *slot {
        None => {
            *slot = Some(number);
            found.location.get_or_insert(line.location());
        }
        Some(previous) if previous != number => found.diagnostics.push(
            Diagnostic::warning(
                Code::TotalsConflictingDeclarations,
                format!(
                    "{} {previous}, then {number}; the first is used",
                    conflict_opening(status)
                ),
            )
            .at(line.location()),
        ),
        Some(_) => {}
    }
}

fn status_of_label(label: &str, lexicons: &Lexicons) -> Option<Status> {
    let words: Vec<String> = crate::lexicon::fold(label)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let label = words.join(" ");
    lexicons
        .each(|l| l.legend_labels)
        .find(|known| known.label == label)
        .map(|known| known.status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Text;

    fn counts(text: &str) -> Option<TotalsCounts> {
        read_totals(&Text::from_plain(text).lines, &Lexicons::all()).counts
    }

    fn all(total: u32, achieved: u32, in_progress: u32, not_developed: u32) -> TotalsCounts {
        TotalsCounts {
            total: Some(total),
            achieved: Some(achieved),
            in_progress: Some(in_progress),
            not_developed: Some(not_developed),
        }
    }

    #[test]
    fn a_split_number_is_unreadable_not_another_figure() {
        for source in [
            "Achieved: 4 9 · In progress: 10",
            "the network had to deliver 1 8 deliverables",
        ] {
            let text = Text::from_plain(source);
            let totals = read_totals(&text.lines, &Lexicons::all());
            assert!(
                totals
                    .diagnostics
                    .iter()
                    .any(|d| d.code == "totals.unreadable"),
                "{source}"
            );
            let counts = totals.counts.unwrap_or_default();
            assert_eq!(counts.achieved, None, "{source}");
            assert_eq!(counts.total, None, "{source}");
        }
    }

    #[test]
    fn a_count_wrapped_below_its_label_is_read_with_it() {
        let wrapped = "The plan set 12 deliverables.\nAchieved: 7 In progress: 3 Not developed:\n2";
        assert_eq!(counts(wrapped), Some(all(12, 7, 3, 2)));
        // A number that is not alone on the next line is not the count.
        let prose = "The plan set 12 deliverables.\nAchieved: 7 In progress: 3 Not developed:\n2 of them late";
        assert_eq!(counts(prose).and_then(|c| c.not_developed), None);
    }

    #[test]
    fn totals_phrases() {
        let cases: &[(&str, TotalsCounts)] = &[
            (
                "Entre 2018 y 2020, Metropolis tenía que llevar a cabo 65 resultados y entregables. En total,\n\nResultados:\n\nV Alcanzados: 49En proceso: 10X No desarrollados: 6",
                all(65, 49, 10, 6),
            ),
            (
                "Between 2019 and 2021 the network had to deliver 20 deliverables.\nAchieved: 14 | In progress: 4 | Not developed: 2",
                all(20, 14, 4, 2),
            ),
            (
                "Sur 18 livrables prévus :\nAtteints\u{202f}: 11\nEn cours\u{202f}: 5\nNon réalisés\u{202f}: 2",
                all(18, 11, 5, 2),
            ),
            (
                // A narrow column of prose wraps between the number and its noun.
                "Between 2019 and 2021, the network had to deliver 18\ndeliverables. Overall:\n\nResults: Achieved: 12 · In progress: 4 · Not developed: 2",
                all(18, 12, 4, 2),
            ),
            (
                "Entre 2018 y 2020, Metropolis tenía que llevar a cabo 65\nresultados y entregables. En total,\nV Alcanzados: 49 En proceso: 10 X No desarrollados: 6",
                all(65, 49, 10, 6),
            ),
            (
                "Total: 12 · achieved = 7",
                TotalsCounts { total: Some(12), achieved: Some(7), ..TotalsCounts::default() },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(counts(text), Some(*want), "text {text:?}");
        }
    }

    #[test]
    fn legends_and_prose_declare_nothing() {
        for text in [
            "V alcanzado 0 en proceso x no desarrollado",
            "V alcanzado o en proceso × no desarrollado 5",
            "Resultados:",
            "Plan de Acción 2018-2020",
            // A number ending a paragraph is not joined to the next one.
            "Informe 2020\n\nresultados y entregables",
        ] {
            assert_eq!(counts(text), None, "text {text:?}");
        }
    }

    #[test]
    fn raw_narrow_space_is_accepted_too() {
        let mut lines = Lines::default();
        lines.push(1, 1, "Atteints\u{202f}: 11");
        assert_eq!(
            read_totals(&lines, &Lexicons::all())
                .counts
                .and_then(|c| c.achieved),
            Some(11)
        );
    }

    #[test]
    fn a_whole_after_the_totals_of_its_parts_is_the_declaration() {
        let text = "Axis 1: 4 deliverables, 2 completed, 1 in progress, 1 not started.\n\
                    Axis 2: 3 deliverables, 1 completed, 1 in progress, 1 not started.\n\
                    \n\
                    Plan total: 7 deliverables, 3 completed, 2 in progress and 2 not started.\n";
        let found = read_totals(&Text::from_plain(text).lines, &Lexicons::all());
        assert_eq!(found.counts.and_then(|counts| counts.total), Some(7));
        assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
        // Totals that do not add up to a later one are no parts: the first
        // is kept and the other reported.
        let text = "Axis 1: 4 deliverables, 2 completed.\nAxis 2: 3 deliverables, 1 completed.\n\
                    Plan total: 9 deliverables, 5 completed.\n";
        let found = read_totals(&Text::from_plain(text).lines, &Lexicons::all());
        assert_eq!(found.counts.and_then(|counts| counts.total), Some(4));
        assert!(!found.diagnostics.is_empty());
    }

    /// A status label before codes of the plan (`Completed: 1.2, 1.3`,
    /// `Réalisées : 2.1 et 3.4`) lists them; it counts nothing.
    #[test]
    fn codes_listed_after_a_status_label_are_no_count() {
        for text in [
            "Completed: 1.2, 1.3, 2.1\nIn progress: 1.1\n",
            "Cumplidas: 1.2, 1.3 y 2.1.\nEn curso: 1.1.\n",
            "Réalisées : 2.1 et 3.4\nEn cours : 1-1 ; 1-3\n",
        ] {
            let found = read_totals(&Text::from_plain(text).lines, &Lexicons::all());
            assert!(found.lines.is_empty(), "{text}: {:?}", found.counts);
        }
        let found = read_totals(&Text::from_plain("Achieved: 14.\n").lines, &Lexicons::all());
        assert_eq!(found.counts.and_then(|c| c.achieved), Some(14));
    }

    #[test]
    fn conflicting_declarations_keep_the_first() {
        let found = read_totals(
            &Text::from_plain("Achieved: 14\nAchieved: 15").lines,
            &Lexicons::all(),
        );
        assert_eq!(found.counts.and_then(|c| c.achieved), Some(14));
        assert_eq!(found.diagnostics[0].code, "totals.conflicting_declarations");
        assert_eq!(found.location, Some(Location::new(1, 1)));
    }

    /// A verb of obligation before a count and any unit noun declares the
    /// total, in every language, only when no total phrase says it.
    #[test]
    fn a_verb_of_obligation_declares_the_total() {
        let total = |total: u32| {
            Some(TotalsCounts {
                total: Some(total),
                ..TotalsCounts::default()
            })
        };
        for (source, want) in [
            ("Entre 2021 y 2023 la red debía realizar 14 productos.", 14),
            (
                "Over the period the agency was expected to complete 9 projects.",
                9,
            ),
            ("Le réseau devait mener 11 chantiers sur trois ans.", 11),
            ("Das Netzwerk sollte 7 Produkte liefern.", 7),
        ] {
            assert_eq!(counts(source), total(want), "{source}");
        }
        // A total phrase comes first; a count without a verb of obligation
        // before it is no total.
        assert_eq!(
            counts("La red debía realizar 3 visitas.\nEn total: 20 entregables.\n"),
            total(20)
        );
        assert_eq!(counts("La red realizó 14 productos."), None);
    }
}
