//! Declared totals in the shapes of any plan: sentences and small tables.
//!
//! Owns `Of the 24 projects, 15 are complete, 7 are under way and 2 have
//! not begun`, `Sur 17 actions : 11 atteintes, 4 en cours, 2 non engagées`,
//! `De las 20 acciones, 12 se han cumplido, 5 están en ejecución y 3 no se
//! han iniciado`, and a totals table with one column per status (`| Total |
//! Completed | In progress | Not started |` over `| 24 | 15 | 7 | 2 |`). A
//! number counts for a status when a status phrase of the lexicon follows it
//! within a few words; a line counts only with two such figures, or one and
//! a total. What is read is only declared: [`check`](crate::check) compares.

use std::sync::LazyLock;

use regex::Regex;

use super::items::{cells, is_separator_row};
use super::totals::{declare, DeclaredTotals};
use crate::grammar::{self, Grammar, Meaning};
use crate::lexicon::{TOTALS_ARTICLES, TOTALS_OPENERS, TOTAL_LABELS};
use crate::markup;
use crate::model::{Status, TotalsCounts};
use crate::normalize::Text;

/// How many words may stand between a number and its status phrase
/// (`7 are under way`, `12 se han cumplido`).
const MAX_WORDS_BEFORE_PHRASE: usize = 3;

/// `Of the 24 projects`, `Sur 17 actions`, `De las 20 acciones`.
static TOTAL_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    let openers = TOTALS_OPENERS
        .iter()
        .map(|opener| regex::escape(opener).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    let articles = TOTALS_ARTICLES.join("|");
    Regex::new(&format!(
        r"(?i)(?:^|[\s,;:(])(?:{openers})\s+(?:(?:{articles})\s+)?(?P<n>[0-9]{{1,5}})\s+\p{{L}}"
    ))
    .expect("TOTAL_OPENER is a valid pattern built from lexicon words")
});

/// Reads totals sentences and totals tables.
pub fn read_totals_shapes(text: &Text, grammar: Option<&Grammar>) -> DeclaredTotals {
    let mut found = DeclaredTotals::default();
    let mut counts = TotalsCounts::default();
    for (index, line) in text.lines.iter().enumerate() {
        let figures = labelled_cells(text, index, grammar)
            .or_else(|| table_figures(text, index, grammar))
            .or_else(|| sentence_figures(text, index, grammar))
            .unwrap_or_default();
        if figures.is_empty() {
            continue;
        }
        found.lines.push(index);
        if table_figures(text, index, grammar).is_some() {
            found.lines.push(index + 1);
        }
        for (field, number) in figures {
            declare(&mut counts, field, number, line, &mut found);
        }
    }
    if found.location.is_some() {
        found.counts = Some(counts);
    }
    found
}

/// A figure: `None` for the total, else the status it counts.
type Figure = (Option<Status>, u32);

/// The figures of a totals sentence, when the line is one.
fn sentence_figures(text: &Text, index: usize, grammar: Option<&Grammar>) -> Option<Vec<Figure>> {
    let plain = markup::plain(&text.joined_cells(index));
    let total = TOTAL_OPENER
        .captures(&plain)
        .and_then(|caps| caps.name("n"))
        .and_then(|n| Some((n.start(), n.as_str().parse::<u32>().ok()?)));
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let words: Vec<String> = tokens
        .iter()
        .map(|token| grammar::fold_word(token))
        .collect();
    let mut total = total.map(|(start, number)| (Some(start), number));
    let mut figures: Vec<Figure> = Vec::new();
    let mut offset = 0;
    for (at, token) in tokens.iter().enumerate() {
        let start = plain
            .get(offset..)
            .and_then(|rest| rest.find(token))
            .map(|i| i + offset);
        offset = start.map_or(offset, |s| s + token.len());
        let Some(number) = number_token(token) else {
            continue;
        };
        if total.is_some_and(|(total_start, _)| total_start.is_some() && start == total_start) {
            continue;
        }
        // `Cumplidas: 2`, `Total de acciones: 6`: a label and a colon before the number.
        let labelled = at
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| before.ends_with([':', '=']));
        if labelled {
            let label = (1..=MAX_WORDS_BEFORE_PHRASE + 1)
                .filter_map(|width| Some((at.checked_sub(width)?, width)))
                .find_map(|(from, width)| {
                    let (meaning, found) = grammar::phrase_at(&words, from, grammar)?;
                    (found == width).then_some(meaning)
                });
            if let Some(Meaning::Class(status)) = label {
                figures.push((Some(status), number));
                continue;
            }
            if total.is_none()
                && (1..=MAX_WORDS_BEFORE_PHRASE + 1).any(|back| {
                    at.checked_sub(back)
                        .and_then(|from| words.get(from))
                        .is_some_and(|word| TOTAL_LABELS.contains(&word.as_str()))
                })
            {
                total = Some((None, number));
                continue;
            }
        }
        // `15 are complete`: the phrase follows within the same sentence.
        let mut steps = 1..=MAX_WORDS_BEFORE_PHRASE + 1;
        let phrase = steps.find_map(|step| {
            let ended = (at..at + step).any(|between| {
                tokens
                    .get(between)
                    .is_some_and(|word| word.ends_with(['.', ':', ';']))
            });
            if ended
                || words
                    .get(at + step)
                    .is_none_or(|w| number_token(w).is_some())
            {
                return Some(None);
            }
            grammar::phrase_at(&words, at + step, grammar).map(Some)
        });
        if let Some(Some((Meaning::Class(status), _))) = phrase {
            figures.push((Some(status), number));
        }
    }
    let enough = figures.len() >= 2 || (figures.len() == 1 && total.is_some());
    if !enough {
        return None;
    }
    if let Some((_, total)) = total {
        figures.insert(0, (None, total));
    }
    Some(figures)
}

fn number_token(token: &str) -> Option<u32> {
    let digits = token.trim_matches(|c: char| !c.is_ascii_digit());
    let clean = token.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'));
    (!digits.is_empty() && digits == clean && digits.len() <= 5)
        .then(|| digits.parse().ok())
        .flatten()
}

/// The figures of a totals table whose heading row is line `index`: every
/// heading a status phrase or a total label, the next row all numbers.
fn table_figures(text: &Text, index: usize, grammar: Option<&Grammar>) -> Option<Vec<Figure>> {
    let headings: Vec<String> = cells(text, index)
        .into_iter()
        .filter(|cell| !cell.is_empty())
        .collect();
    if headings.len() < 2 {
        return None;
    }
    let fields: Vec<Option<Status>> = headings
        .iter()
        .map(|heading| {
            if TOTAL_LABELS.contains(&heading.to_lowercase().as_str()) {
                return Some(None);
            }
            match grammar::phrase_cell(heading, grammar)? {
                Meaning::Class(status) => Some(Some(status)),
                Meaning::Outside(_) => None,
            }
        })
        .collect::<Option<_>>()?;
    if fields.iter().filter(|field| field.is_some()).count() < 2 {
        return None;
    }
    let next = (index + 1..text.lines.len()).find(|&at| !is_separator_row(text, at))?;
    let numbers: Vec<u32> = cells(text, next)
        .into_iter()
        .filter(|cell| !cell.is_empty())
        .map(|cell| number_token(&cell))
        .collect::<Option<_>>()?;
    (numbers.len() == fields.len()).then(|| fields.into_iter().zip(numbers).collect())
}

/// A totals table whose columns were read as one cell each, heading and
/// figure together: `Total 4<TAB>Achieved 3<TAB>Not achieved 1`.
fn labelled_cells(text: &Text, index: usize, grammar: Option<&Grammar>) -> Option<Vec<Figure>> {
    let cells: Vec<String> = cells(text, index)
        .into_iter()
        .filter(|cell| !cell.is_empty())
        .collect();
    if cells.len() < 2 {
        return None;
    }
    let figures: Vec<Figure> = cells
        .iter()
        .map(|cell| {
            let (label, number) = cell.trim().rsplit_once(' ')?;
            let number = number_token(number)?;
            if TOTAL_LABELS.contains(&label.trim().to_lowercase().as_str()) {
                return Some((None, number));
            }
            match grammar::phrase_cell(label, grammar)? {
                Meaning::Class(status) => Some((Some(status), number)),
                Meaning::Outside(_) => None,
            }
        })
        .collect::<Option<_>>()?;
    (figures.iter().filter(|(field, _)| field.is_some()).count() >= 2).then_some(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Option<TotalsCounts> {
        read_totals_shapes(&Text::from_plain(text), None).counts
    }

    fn declared(total: Option<u32>, a: u32, i: u32, n: u32) -> Option<TotalsCounts> {
        Some(TotalsCounts {
            total,
            achieved: Some(a),
            in_progress: Some(i),
            not_developed: Some(n),
        })
    }

    #[test]
    fn sentences_in_three_languages() {
        for text in [
            "Of the 24 projects, 15 are complete, 7 are under way and 2 have not begun.",
            "Sur 24 actions : 15 atteintes, 7 en cours, 2 non engagées.",
            "De las 24 acciones, 15 se han cumplido, 7 están en ejecución y 2 no se han iniciado.",
            "Total de acciones: 24. Cumplidas: 15. En ejecución: 7. Pendientes: 2.",
            "15 completed, 7 in progress and 2 not started out of 24 projects.",
        ] {
            assert_eq!(counts(text), declared(Some(24), 15, 7, 2), "{text}");
        }
    }

    #[test]
    fn a_totals_table() {
        assert_eq!(
            counts("| Total | Completed | In progress | Not started |\n|---|---|---|---|\n| 24 | 15 | 7 | 2 |"),
            declared(Some(24), 15, 7, 2)
        );
        assert_eq!(
            counts("Réalisées\tEn cours\tNon démarrées\n15\t7\t2"),
            declared(None, 15, 7, 2)
        );
        assert_eq!(
            counts("Total 24\tLogrados 15\tEn curso 7\tNo logrados 2"),
            declared(Some(24), 15, 7, 2)
        );
    }

    #[test]
    fn prose_with_numbers_is_not_totals() {
        for text in [
            "In 2019, 15 cities joined and 7 left.",
            "Of the 24 projects, most were useful.",
            "We met 3. Completed 4 reports.",
            "| Code | Activity | Status |\n| 1.1 | Train 12 staff | Completed |",
        ] {
            assert_eq!(counts(text), None, "{text}");
        }
    }
}
