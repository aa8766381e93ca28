//! States given by dates: a table of actions with a start column and an end
//! column and no status column, whose state the document's own words derive
//! from which dates are filled in (`an action with an end date is finished;
//! with a start date and no end date, under way; with neither, not
//! started`).
//!
//! Owns finding that rule in the prose, finding the two columns it speaks
//! of in a table's heading row, and reading a row's state from them. Dates
//! alone are a schedule, not a state: without a sentence that ties the end
//! column to the achieved class and the start column to the in-progress
//! class, no row is given a state from its dates. The rule's words are the
//! lexicons' status phrases and the table's own headings, so no language
//! word lives here.

use crate::grammar::{self, Meaning, Vocabulary};
use crate::lexicon;
use crate::model::Status;
use crate::normalize::Text;

/// One clause of the document's prose that names exactly one status class:
/// the class, and the folded words of the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StatedClause {
    status: Status,
    words: Vec<String>,
}

/// The clauses of the document's prose (its lines that are no table rows)
/// that name exactly one status class. A paragraph's lines are read as one
/// text, so a sentence wrapped over lines is one clause; clauses end at a
/// semicolon or at a full stop before a space.
pub(super) fn stated_clauses(text: &Text, vocabulary: Vocabulary<'_>) -> Vec<StatedClause> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for (index, line) in text.lines.iter().enumerate() {
        let prose = text.row(index).is_none() && text.cells(index).len() <= 1;
        let plain = line.plain.trim();
        if !prose || plain.is_empty() {
            open = false;
            continue;
        }
        match paragraphs.last_mut().filter(|_| open) {
            Some(paragraph) => {
                paragraph.push(' ');
                paragraph.push_str(plain);
            }
            None => paragraphs.push(plain.to_owned()),
        }
        open = true;
    }
    paragraphs
        .iter()
        .flat_map(|paragraph| clauses_of(paragraph))
        .filter_map(|clause| stated_clause(clause, vocabulary))
        .collect()
}

/// The clauses of a paragraph: split at semicolons and at full stops
/// followed by a space (a stop inside `1.02` or `09.2024` ends nothing).
fn clauses_of(paragraph: &str) -> impl Iterator<Item = &str> {
    paragraph
        .split(';')
        .flat_map(|part| part.split(". "))
        .map(str::trim)
        .filter(|clause| !clause.is_empty())
}

/// The clause with the one status class it names, if it names exactly one.
fn stated_clause(clause: &str, vocabulary: Vocabulary<'_>) -> Option<StatedClause> {
    let words = grammar::folded_words(&lexicon::fold(clause));
    let mut named: Option<Status> = None;
    let mut at = 0;
    while at < words.len() {
        match grammar::phrase_at(&words, at, vocabulary) {
            Some((meaning, width)) => {
                match meaning {
                    Meaning::Class(status) if named.is_none_or(|seen| seen == status) => {
                        named = Some(status);
                    }
                    _ => return None,
                }
                at += width;
            }
            None => at += 1,
        }
    }
    named.map(|status| StatedClause { status, words })
}

/// Whether two folded words are one word's forms: equal, or sharing a
/// start of five letters or more that leaves at most three letters of the
/// shorter one (`start` and `started`, `completion` and `completed`,
/// `début` and `débutée`), so a heading speaks through its verb's forms.
fn same_stem(one: &str, other: &str) -> bool {
    let shared = one
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = one.chars().count().min(other.chars().count());
    one == other || (shared >= 5 && shared + 3 >= shorter)
}

/// The start and end columns of a heading row (`| Code | Action | Start |
/// End |`), when the document's clauses tie them to states: a clause naming
/// the achieved class speaks of the end column's heading, and one naming
/// the in-progress class of the start column's heading ([`same_stem`]),
/// and no clause naming the achieved class speaks of the start column's
/// heading; the start column
/// stands before the end column. A heading speaks through its words that
/// the other heading lacks (`inicio` and `fin` of `Fecha de inicio | Fecha
/// de fin`). None unless exactly one pair of columns fits.
pub(super) fn dated_columns(cells: &[String], clauses: &[StatedClause]) -> Option<(usize, usize)> {
    let speaks_of = |status: Status, heading: &[String]| {
        clauses.iter().any(|clause| {
            clause.status == status
                && heading
                    .iter()
                    .any(|word| clause.words.iter().any(|said| same_stem(word, said)))
        })
    };
    let headings: Vec<Vec<String>> = cells
        .iter()
        .map(|cell| grammar::folded_words(&lexicon::fold(cell)))
        .collect();
    let own = |of: &[String], other: &[String]| -> Vec<String> {
        of.iter()
            .filter(|word| word.chars().count() >= 3 && !other.contains(word))
            .cloned()
            .collect()
    };
    let fitting: Vec<(usize, usize)> = headings
        .iter()
        .enumerate()
        .flat_map(|(start, starts)| {
            headings
                .iter()
                .enumerate()
                .skip(start + 1)
                .map(move |(end, ends)| ((start, starts), (end, ends)))
        })
        .filter(|((_, starts), (_, ends))| {
            let (start_words, end_words) = (own(starts, ends), own(ends, starts));
            !start_words.is_empty()
                && !end_words.is_empty()
                && speaks_of(Status::Achieved, &end_words)
                && speaks_of(Status::InProgress, &start_words)
                && !speaks_of(Status::Achieved, &start_words)
        })
        .map(|((start, _), (end, _))| (start, end))
        .collect();
    match fitting.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// What a row's start and end cells say under the rule: an end date is
/// achieved; a start date with no end date in progress; neither date not
/// developed, when a clause names that class. The mark is the end cell, or
/// the start cell when the end one is blank. None when either cell holds
/// anything but a date or a dash, or when the rule names no class for what
/// the row holds.
pub(super) fn dated_state(
    cells: &[String],
    (start, end): (usize, usize),
    clauses: &[StatedClause],
) -> Option<(String, Meaning)> {
    let start_cell = cells.get(start)?.trim();
    let end_cell = cells.get(end)?.trim();
    let status = match (filling(start_cell)?, filling(end_cell)?) {
        (_, Filling::Date) => Status::Achieved,
        (Filling::Date, Filling::Blank) => Status::InProgress,
        (Filling::Blank, Filling::Blank) => Status::NotDeveloped,
    };
    if !clauses.iter().any(|clause| clause.status == status) {
        return None;
    }
    let mark = if end_cell.is_empty() {
        start_cell
    } else {
        end_cell
    };
    Some((mark.to_owned(), Meaning::Class(status)))
}

/// Whether a row holds two or more cells that are dates or dashes, one of
/// them a date: a row a table of start and end dates may open with.
pub(super) fn holds_dates(cells: &[String]) -> bool {
    let fillings: Vec<Filling> = cells
        .iter()
        .filter_map(|cell| filling(cell.trim()))
        .collect();
    fillings.len() >= 2 && fillings.contains(&Filling::Date)
}

/// Whether a row's end cell holds a year before its start cell's (`02/2025`
/// to `01/2024`): a doubt about the dates, which the rule reads anyway.
pub(super) fn ends_before_it_starts(cells: &[String], (start, end): (usize, usize)) -> bool {
    let year = |at: usize| cells.get(at).and_then(|cell| year_of(cell));
    matches!((year(start), year(end)), (Some(started), Some(ended)) if ended < started)
}

/// What a date cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filling {
    /// A date: a cell of at most four words holding a year (`09/2024`,
    /// `2024-03-15`, `March 2024`, `T3 2025`).
    Date,
    /// Nothing, or only dashes (`—`, `-`).
    Blank,
}

/// What a cell holds, if it is a date or blank.
fn filling(cell: &str) -> Option<Filling> {
    if cell.chars().all(|c| is_dash(c) || c.is_whitespace()) {
        return Some(Filling::Blank);
    }
    (year_of(cell).is_some() && cell.split_whitespace().count() <= 4).then_some(Filling::Date)
}

/// The one year a cell holds (four digits from 1900 to 2099), if it holds
/// exactly one.
fn year_of(cell: &str) -> Option<u16> {
    let mut years = cell
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<u16>().ok())
        .filter(|year| (1900..2100).contains(year));
    let year = years.next()?;
    years.next().is_none().then_some(year)
}

/// A dash of any width.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn clauses(prose: &str, language: &str) -> Vec<StatedClause> {
        let lexicons = Lexicons::for_codes([language]);
        let vocabulary = Vocabulary::new(None, &lexicons);
        clauses_of(prose)
            .filter_map(|clause| stated_clause(clause, vocabulary))
            .collect()
    }

    fn owned(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    const RULE: &str = "An action with an end date is completed; one with a start date \
                        and no end date is in progress; one with neither has not started.";

    #[test]
    fn a_rule_sentence_ties_each_column_to_a_class() {
        let stated = clauses(RULE, "en");
        assert_eq!(stated.len(), 3, "{stated:?}");
        let heading = owned(&["Code", "Action", "Start", "End"]);
        assert_eq!(dated_columns(&heading, &stated), Some((2, 3)));
        let row = |start: &str, end: &str| owned(&["1.1", "Paths", start, end]);
        let state = |cells: Vec<String>| dated_state(&cells, (2, 3), &stated);
        assert_eq!(
            state(row("03/2024", "11/2024")),
            Some(("11/2024".into(), Meaning::Class(Status::Achieved)))
        );
        assert_eq!(
            state(row("March 2024", "—")),
            Some(("—".into(), Meaning::Class(Status::InProgress)))
        );
        assert_eq!(
            state(row("", "")),
            Some(("".into(), Meaning::Class(Status::NotDeveloped)))
        );
        assert_eq!(state(row("03/2024", "Delayed")), None);
    }

    #[test]
    fn headings_speak_through_the_words_the_other_lacks() {
        let stated = clauses(
            "Une action dotée d'une date de fin est achevée ; avec une date de début \
             mais sans date de fin, elle est en cours ; sans aucune date, elle est non démarrée.",
            "fr",
        );
        let heading = owned(&["N°", "Action", "Date de début", "Date de fin"]);
        assert_eq!(dated_columns(&heading, &stated), Some((2, 3)));
    }

    #[test]
    fn dates_without_a_rule_are_a_schedule() {
        let stated = clauses("The schedule below lists each action's dates.", "en");
        assert!(stated.is_empty());
        let heading = owned(&["Code", "Action", "Start", "End"]);
        assert_eq!(dated_columns(&heading, &stated), None);
    }

    #[test]
    fn a_rule_naming_no_column_of_the_table_ties_none() {
        let stated = clauses(RULE, "en");
        let heading = owned(&["Code", "Action", "Lead", "Budget"]);
        assert_eq!(dated_columns(&heading, &stated), None);
    }

    #[test]
    fn a_clause_naming_two_classes_states_no_rule() {
        assert!(clauses("Some actions are completed and others in progress.", "en").is_empty());
    }

    #[test]
    fn without_a_clause_for_a_class_its_rows_get_no_state() {
        let stated = clauses(
            "An action with an end date is completed; one with a start date is in progress.",
            "en",
        );
        let cells = owned(&["1.1", "Paths", "—", "—"]);
        assert_eq!(dated_state(&cells, (2, 3), &stated), None);
    }

    #[test]
    fn a_heading_speaks_through_its_word_s_forms() {
        assert!(same_stem("started", "start"));
        assert!(same_stem("completion", "completed"));
        assert!(same_stem("fin", "fin"));
        assert!(!same_stem("fin", "final"));
        assert!(!same_stem("completion", "complement"));
    }

    #[test]
    fn a_row_of_dates_holds_two_dates_or_dashes_one_a_date() {
        assert!(holds_dates(&owned(&["1.1", "Paths", "03/2024", "—"])));
        assert!(!holds_dates(&owned(&["1.1", "Paths", "—", "—"])));
        assert!(!holds_dates(&owned(&["1.1", "Paths", "Lead", "03/2024"])));
    }

    #[test]
    fn an_end_in_a_year_before_the_start_is_a_doubt() {
        let row = |start: &str, end: &str| owned(&["2.02", "Parking", start, end]);
        assert!(ends_before_it_starts(&row("02/2025", "01/2024"), (2, 3)));
        assert!(!ends_before_it_starts(&row("02/2025", "01/2025"), (2, 3)));
        assert!(!ends_before_it_starts(&row("—", "01/2024"), (2, 3)));
    }

    #[test]
    fn dates_and_dashes_are_the_only_fillings() {
        assert_eq!(filling("2024-03-15"), Some(Filling::Date));
        assert_eq!(filling("T3 2025"), Some(Filling::Date));
        assert_eq!(filling(" — "), Some(Filling::Blank));
        assert_eq!(filling(""), Some(Filling::Blank));
        assert_eq!(filling("Delayed"), None);
        assert_eq!(filling("12 500"), None);
        assert_eq!(filling("2024–2025"), None);
        assert_eq!(filling("planned for the spring of 2025 if funded"), None);
    }
}
