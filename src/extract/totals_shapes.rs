//! Declared totals in the shapes of any plan: sentences and small tables.
//!
//! Owns `Of the 24 projects, 15 are complete, 7 are under way and 2 have
//! not begun`, `Sur 17 actions : 11 atteintes, 4 en cours, 2 non engagées`,
//! `De las 20 acciones, 12 se han cumplido, 5 están en ejecución y 3 no se
//! han iniciado`, `In total 24 activities were planned: 15 …`, `Se
//! previeron 24 actividades: 15 …`, and a totals table with one column per
//! status (`| Total | Completed | In progress | Not started |` over `| 24 |
//! 15 | 7 | 2 |`) or one row per status (`| Completed | 15 |`), headed with
//! status words, their abbreviations (`Compl. | In prog. | N/S`) or the
//! words of the document's key. A sentence may spell its numbers out
//! (`Seven of the fifteen actions`, `De las doce acciones, la mitad …`). A number counts for a
//! status when a status phrase of the lexicon follows it within a few
//! words, with no negation before a positive phrase; a line counts only
//! with two such figures, or one and a total. What is read is only
//! declared: [`check`](crate::check) compares.

use crate::lexicon::Narrowed;
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::items::{cells, is_separator_row, without_count, MarkEntry};
use super::totals::{declare, DeclaredTotals};
use crate::grammar::{self, Meaning, Vocabulary};
use crate::lexicon::{self, Lexicons, Probed};
use crate::markup;
use crate::model::{Status, TotalsCounts};
use crate::normalize::Text;

/// How many words may stand between a number and its status phrase
/// (`7 are under way`, `12 se han cumplido`).
const MAX_WORDS_BEFORE_PHRASE: usize = 3;

/// `Of the 24 projects`, `Sur 17 actions`, `De las 20 acciones`.
fn total_opener(lexicons: &Lexicons) -> Arc<Probed> {
    lexicons.pattern("totals_shapes.total_opener", |lex| {
        let openers = lex.alternation(lex.each(|l| l.totals_openers).copied());
        let articles = lex.alternation(lex.each(|l| l.totals_articles).copied());
        format!(
            r"(?i)(?:^|[\s,;:(])(?:{openers})\s+(?:(?:{articles})\s+)?(?P<n>[0-9]{{1,5}})\s+\p{{L}}"
        )
    })
}

/// The most words of a counted noun and what qualifies it before the
/// colon that opens its parts (`actions selon leur voyant :`).
const MAX_LEAD_WORDS: usize = 4;

/// Whether a folded word negates what follows (`not`, `pas`, `n'est`).
fn is_negation(word: &str, lexicons: &Lexicons) -> bool {
    lexicons.each(|l| l.negation_words).any(|negation| {
        word == *negation || (negation.ends_with('\'') && word.starts_with(negation))
    })
}

/// Whether `word` (any case) is a grand-total label of the document's languages.
fn is_total_label(word: &str, lexicons: &Lexicons) -> bool {
    lexicons.has(
        |l| l.total_labels,
        &lexicon::fold(word.trim()).to_lowercase(),
    )
}

/// Reads totals sentences and totals tables. `key` is the document's own
/// legend of status marks: a totals table may head its columns with the
/// key's words (`Delivered`, `On track`). The key table's rows, `key_rows`,
/// hold no totals: `3/3 | Implemented` defines a score, it counts no
/// items.
pub fn read_totals_shapes(
    text: &Text,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
    key_rows: &[usize],
) -> DeclaredTotals {
    let mut found = DeclaredTotals::default();
    let mut counts = TotalsCounts::default();
    let mut groups: Vec<(String, Vec<Figure>, usize)> = Vec::new();
    let mut readings: Vec<(Vec<Figure>, usize)> = Vec::new();
    let mut index = 0;
    while index < text.lines.len() {
        if key_rows.contains(&index) {
            index += 1;
            continue;
        }
        let reading = labelled_cells(text, index, vocabulary, key)
            .map(|figures| (figures, vec![index]))
            .or_else(|| table_figures(text, index, vocabulary, key))
            .or_else(|| total_row_figures(text, index, vocabulary, key))
            .or_else(|| transposed_figures(text, index, vocabulary, key))
            .or_else(|| vertical_figures(text, index, vocabulary, key))
            .or_else(|| legend_lines_figures(text, index, vocabulary, key))
            .or_else(|| sentence_over_lines(text, index, vocabulary, key));
        let Some((figures, read)) = reading else {
            index += 1;
            continue;
        };
        // A row of the plan's own table counting its part (`| G2 | Cleaner
        // homes | 1/5 done |`) is the part's, and stays a row of the plan.
        let part_row = (read == [index])
            .then(|| part_row_code(text, index, vocabulary))
            .flatten();
        if part_row.is_none() {
            found.lines.extend(&read);
        }
        if let Some(code) = part_row.or_else(|| {
            (read == [index])
                .then(|| group_label(text, index, vocabulary))
                .flatten()
        }) {
            groups.push((code, figures, index));
        } else {
            readings.push((figures, index));
        }
        index = read.iter().copied().max().unwrap_or(index).max(index) + 1;
    }
    if let Some(board) = board_counts(text, vocabulary, key, &found.lines) {
        readings.push(board);
    }
    // Totals per part, then for the whole (`Plan de Cultura: 6 acciones, 3
    // realizadas…`, `Plan de Juventud: …`, `En conjunto, 11 acciones: 5
    // …`): the reading whose every figure is the sum of the others' is
    // the document's; the parts are not declarations of it.
    if let Some(whole) = whole_of_parts(&readings) {
        readings = vec![whole];
    } else if let Some(plans) = plans_of_one_report(text, vocabulary, &readings) {
        readings = vec![plans];
    }
    for (figures, at) in readings {
        if let Some(line) = text.lines.get(at) {
            for (field, number) in figures {
                declare(&mut counts, field, number, line, &mut found);
            }
        }
    }
    if let Some((sums, first)) = group_sums(&groups) {
        if let Some(line) = text.lines.get(first) {
            for (field, number) in sums {
                declare(&mut counts, field, number, line, &mut found);
            }
        }
    }
    if found.location.is_some() {
        found.counts = Some(counts);
    }
    found
}

/// A task board whose status headings carry their counts (`Done (5)` over
/// its tasks, `Doing (4)` over the next): each heading alone on its line,
/// two or more counting different statuses. With the first heading's line.
/// Lines already read as totals are no headings.
fn board_counts(
    text: &Text,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
    read: &[usize],
) -> Option<(Vec<Figure>, usize)> {
    let mut fields = Vec::new();
    let mut first = None;
    for index in 0..text.lines.len() {
        if read.contains(&index) {
            continue;
        }
        let cells = filled_cells(text, index);
        let [only] = cells.as_slice() else {
            continue;
        };
        let Some(head) = without_count(only) else {
            continue;
        };
        let Some(count) = only
            .trim_end()
            .strip_suffix(')')
            .and_then(|rest| rest.rsplit_once('('))
            .and_then(|(_, count)| count.parse().ok())
        else {
            continue;
        };
        let Some(field @ (Field::Status(_) | Field::Outside)) = label_field(head, vocabulary, key)
        else {
            continue;
        };
        first.get_or_insert(index);
        fields.push((field, count));
    }
    let mut statuses: Vec<Status> = fields
        .iter()
        .filter_map(|(field, _)| match field {
            Field::Status(status) => Some(*status),
            _ => None,
        })
        .collect();
    let counted = statuses.len();
    statuses.sort_unstable();
    statuses.dedup();
    // A status twice is two boards or a heading that is no column.
    if statuses.len() != counted {
        return None;
    }
    let parts: u32 = fields.iter().map(|(_, count)| count).sum();
    if let Some(whole) = whole_sentence(text, read, parts) {
        fields.push((Field::Total, whole));
    }
    Some((figures_of(fields)?, first?))
}

/// The most words of a sentence that only counts a whole (`13 tasks on
/// the board.`).
const MAX_WHOLE_SENTENCE_WORDS: usize = 8;

/// A line that is one short sentence counting a noun and nothing else
/// (`13 tasks on the board.`, `14 actions suivies.`), its count the sum of
/// every part the board's headings count, states outside the classes too:
/// the whole of those parts. Only when one line is such a sentence.
fn whole_sentence(text: &Text, read: &[usize], parts: u32) -> Option<u32> {
    let mut found = (0..text.lines.len())
        .filter(|index| !read.contains(index) && text.row(*index).is_none())
        .filter_map(|index| {
            let plain = markup::plain(&text.joined_cells(index));
            let sentence = plain.trim().strip_suffix('.')?;
            let tokens: Vec<&str> = sentence.split_whitespace().collect();
            let (count, words) = tokens.split_first()?;
            let count = number_token(count)?;
            let wordy = !words.is_empty()
                && tokens.len() <= MAX_WHOLE_SENTENCE_WORDS
                && words
                    .iter()
                    .all(|word| word.chars().all(char::is_alphabetic));
            (wordy && count == parts).then_some(count)
        });
    let whole = found.next()?;
    found.next().is_none().then_some(whole)
}

/// Among three readings or more, the one that is the sum of all the others:
/// each of its figures equals the sum of theirs (a figure a part does not
/// state counts zero, unless no part states it), with two status figures
/// at least. Its total may be one no part states (`Eje II: 1 concluido, 1
/// en marcha` … `Total del plan: 10 programas, 4 concluidos, …`) when it
/// holds its status figures. The parts may come before or after it.
fn whole_of_parts(readings: &[(Vec<Figure>, usize)]) -> Option<(Vec<Figure>, usize)> {
    if readings.len() < 3 {
        return None;
    }
    let value = |figures: &[Figure], field: Option<Status>| {
        figures
            .iter()
            .find(|(at, _)| *at == field)
            .map(|(_, number)| *number)
    };
    let mut wholes = readings.iter().enumerate().filter(|(at, (figures, _))| {
        let parts = || {
            readings
                .iter()
                .enumerate()
                .filter(move |(other, _)| other != at)
                .map(|(_, (figures, _))| figures.as_slice())
        };
        let statuses = figures.iter().filter(|(field, _)| field.is_some()).count();
        let status_sum: u32 = figures
            .iter()
            .filter(|(field, _)| field.is_some())
            .map(|(_, number)| *number)
            .sum();
        // A whole's total no part states: the parts count only statuses.
        let own_total = |field: Option<Status>, number: u32| {
            field.is_none()
                && number >= status_sum
                && parts().all(|part| value(part, None).is_none())
        };
        statuses >= 2
            && figures.iter().all(|(field, number)| {
                own_total(*field, *number)
                    || parts().any(|part| value(part, *field).is_some())
                        && parts()
                            .map(|part| value(part, *field).unwrap_or(0))
                            .sum::<u32>()
                            == *number
            })
    });
    let (_, whole) = wholes.next()?;
    wholes.next().is_none().then(|| whole.clone())
}

/// The most words of the label that names a plan before its totals
/// (`Bilan du plan climat :`).
const MAX_PLAN_LABEL_WORDS: usize = 8;

/// One report on two plans or more, each closed by its own totals under
/// its own name (`Plan de Movilidad: 7 medidas, …` after the mobility
/// plan's measures, `Plan de Calidad del Aire: 5 acciones; …` after the air
/// plan's actions): the document's totals are their sums ([`group_sums`]).
/// Each reading states a total and is a line of its own opening with a
/// label before a colon, the labels all different, and coded lines stand
/// before each (since the previous one): a summary before the items, or
/// the same totals said twice, is no such plan.
fn plans_of_one_report(
    text: &Text,
    vocabulary: Vocabulary<'_>,
    readings: &[(Vec<Figure>, usize)],
) -> Option<(Vec<Figure>, usize)> {
    if readings.len() < 2 {
        return None;
    }
    let plain = |index: usize| markup::plain(&text.joined_cells(index));
    let coded = |index: usize| {
        let line = plain(index);
        grammar::code_at_start(&line, vocabulary.grammar).is_some()
            || grammar::code_after_title(&line, vocabulary.grammar).is_some()
    };
    let mut groups: Vec<(String, Vec<Figure>, usize)> = Vec::new();
    let mut since = 0;
    for (figures, at) in readings {
        if !figures.iter().any(|(field, _)| field.is_none()) || !(since..*at).any(&coded) {
            return None;
        }
        let line = plain(*at);
        let (label, _) = line.split_once(':')?;
        let words = label.split_whitespace().count();
        if words == 0
            || words > MAX_PLAN_LABEL_WORDS
            || grammar::code_at_start(label, vocabulary.grammar).is_some()
        {
            return None;
        }
        groups.push((
            lexicon::fold(label.trim()).to_lowercase(),
            figures.clone(),
            *at,
        ));
        since = at + 1;
    }
    group_sums(&groups)
}

/// The code of a row of the plan's own table whose cells count its part
/// (`| G2 | Cleaner homes | 1/5 done |`, a goal's row over its actions'):
/// a first cell that is only a code, then a title in words. A totals table
/// with a row per part (`| Axis 1 | 4 | 2 |`) has no title, and a row of
/// labelled counts (`Total 24 | Logrados 15`) no code.
fn part_row_code(text: &Text, index: usize, vocabulary: Vocabulary<'_>) -> Option<String> {
    let cells = filled_cells(text, index);
    let [first, title, _, ..] = cells.as_slice() else {
        return None;
    };
    let first = markup::plain(first);
    let code = grammar::code_at_start(&first, vocabulary.grammar)?;
    let whole = first
        .get(code.rest..)
        .is_some_and(|rest| rest.trim().is_empty());
    // A title is words: a label with its count (`Logrados 15`) is none.
    let titled =
        title.chars().any(char::is_alphabetic) && !title.chars().any(|c| c.is_ascii_digit());
    let total_label = code
        .level
        .as_deref()
        .is_some_and(|level| is_total_label(level, vocabulary.lexicons));
    (whole && titled && !total_label).then_some(code.code)
}

/// The code a line of totals opens with, when it declares the totals of
/// one part of the plan (`Línea 1: 3 de 5 cumplidas; 1 en ejecución`,
/// `Axis 2: 5 achieved, 2 in progress`): a code and a colon, the same code
/// heading a line of its own elsewhere in the document (the part's
/// heading).
fn group_label(text: &Text, index: usize, vocabulary: Vocabulary<'_>) -> Option<String> {
    // The code's separator is part of the match (`Línea 1:` ends at the
    // colon) or follows it.
    let colon_after = |plain: &str, rest: usize| {
        plain
            .get(..rest)
            .is_some_and(|head| head.trim_end().ends_with(':'))
            || plain
                .get(rest..)
                .is_some_and(|tail| tail.trim_start().starts_with(':'))
    };
    let plain = markup::plain(&text.joined_cells(index));
    let code = grammar::code_at_start(&plain, vocabulary.grammar)?;
    if !colon_after(&plain, code.rest) || is_total_label(&code.code, vocabulary.lexicons) {
        return None;
    }
    let heads_a_part = (0..text.lines.len())
        .filter(|&other| other != index)
        .any(|other| {
            let plain = markup::plain(&text.joined_cells(other));
            grammar::code_at_start(&plain, vocabulary.grammar).is_some_and(|heading| {
                heading.code == code.code && !colon_after(&plain, heading.rest)
            })
        });
    heads_a_part.then_some(code.code)
}

/// The document's totals as the sums of the totals of its parts (lines
/// read by [`group_label`], as `(code, figures, line)`), and the first
/// such line: only for two parts or more, each named once. A part that
/// leaves a status out counts none of it only when its own figures add up
/// to its total (`Línea 3: 4 de 4 cumplidas`); else that status is not
/// summed.
fn group_sums(groups: &[(String, Vec<Figure>, usize)]) -> Option<(Vec<Figure>, usize)> {
    let mut codes: Vec<&str> = groups.iter().map(|(code, _, _)| code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    if groups.len() < 2 || codes.len() != groups.len() {
        return None;
    }
    let complete = |figures: &[Figure]| {
        let total = figures
            .iter()
            .find(|(field, _)| field.is_none())
            .map(|(_, n)| *n);
        let parts: u32 = figures
            .iter()
            .filter(|(field, _)| field.is_some())
            .map(|(_, n)| *n)
            .sum();
        total == Some(parts)
    };
    let fields = [
        None,
        Some(Status::Achieved),
        Some(Status::InProgress),
        Some(Status::NotDeveloped),
    ];
    let sums: Vec<Figure> = fields
        .into_iter()
        .filter_map(|field| {
            let mut sum = 0;
            let mut said = false;
            for (_, figures, _) in groups {
                match figures.iter().find(|(at, _)| *at == field) {
                    Some((_, number)) => {
                        sum += number;
                        said = true;
                    }
                    None if field.is_some() && complete(figures) => {}
                    None => return None,
                }
            }
            said.then_some((field, sum))
        })
        .collect();
    let first = groups.first().map(|(_, _, line)| *line)?;
    (!sums.is_empty()).then_some((sums, first))
}

/// What a totals table's heading or label counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// The grand total (`Total`).
    Total,
    /// One of the three classes.
    Status(Status),
    /// A state outside the classes (`Cancelled`): a column the totals do not use.
    Outside,
}

/// The field a heading or label names: a total label, a status phrase of the
/// lexicon or a grammar file, or a word of the document's key (plural or
/// feminine forms too: `Delivered` in the key, `Delivered` or `Entregados`
/// over the column), a symbol or the letters of the key (`✓`, `EJ`), or a
/// status phrase abbreviated (`Compl.`, `N/S`).
fn label_field(label: &str, vocabulary: Vocabulary<'_>, key: &[MarkEntry]) -> Option<Field> {
    if is_total_label(label, vocabulary.lexicons) {
        return Some(Field::Total);
    }
    let folded = grammar::folded_words(&lexicon::fold(label));
    // `All actions`, `Toutes les actions`: a word of the whole and one noun.
    let whole = vocabulary.lexicons.each(|l| l.whole_words).any(|words| {
        let words = grammar::folded_words(&lexicon::fold(words));
        folded.len() == words.len() + 1
            && folded.starts_with(&words)
            && folded
                .last()
                .is_some_and(|noun| noun.chars().all(char::is_alphabetic))
    });
    if whole && grammar::phrase_cell(label, vocabulary).is_none() {
        return Some(Field::Total);
    }
    // A symbol of the key, or its letters when there are two or more
    // (`EJ`, `N/I`: a lone letter may be a table's own label).
    let symbol = |entry: &&MarkEntry| {
        let letters = entry.mark.chars().filter(|c| c.is_alphabetic()).count();
        let digits = entry.mark.chars().any(|c| c.is_ascii_digit());
        (!entry.mark.chars().any(char::is_alphanumeric) || (letters >= 2 && !digits))
            && entry.mark == label.trim()
    };
    // `Actions réalisées`, `Acciones cumplidas`: the counted noun, then
    // the status phrase.
    let after_noun = || {
        let (noun, rest) = label.trim().split_once(' ')?;
        let noun = lexicon::fold(noun).to_lowercase();
        let counted = vocabulary.lexicons.has(|l| l.mention_words, &noun)
            || vocabulary.lexicons.has(|l| l.total_nouns, &noun);
        counted
            .then(|| grammar::phrase_cell(rest, vocabulary))
            .flatten()
    };
    let meaning = grammar::phrase_cell(label, vocabulary)
        .or_else(after_noun)
        .or_else(|| {
            key.iter()
                .filter(|entry| is_key_word(&entry.mark, vocabulary.lexicons))
                .find(|entry| grammar::folded_words(&lexicon::fold(&entry.mark)) == folded)
                .or_else(|| key.iter().find(symbol))
                .map(|entry| entry.meaning.clone())
        })
        .or_else(|| grammar::abbreviated_cell(label, vocabulary))?;
    Some(match meaning {
        Meaning::Class(status) => Field::Status(status),
        Meaning::Outside(_) => Field::Outside,
    })
}

/// Figures from fields and numbers, columns outside the classes left out;
/// `None` unless two or more count a status.
fn figures_of(fields: impl IntoIterator<Item = (Field, u32)>) -> Option<Vec<Figure>> {
    let figures: Vec<Figure> = fields
        .into_iter()
        .filter_map(|(field, number)| match field {
            Field::Total => Some((None, number)),
            Field::Status(status) => Some((Some(status), number)),
            Field::Outside => None,
        })
        .collect();
    (figures
        .iter()
        .filter(|(status, _)| status.is_some())
        .count()
        >= 2)
        .then_some(figures)
}

/// A figure: `None` for the total, else the status it counts.
type Figure = (Option<Status>, u32);

/// Whether a key's mark is a word a count can be followed by: longer than
/// a symbol or letter (`Delivered`, `Off track`), or a colour name of any
/// length (`Red = not started`: `1 red`).
fn is_key_word(mark: &str, lexicons: &Lexicons) -> bool {
    mark.chars().count() > 3 || lexicons.has(|l| l.status_colours, &mark.to_lowercase())
}

/// The words of the document's key (`Off track = not achieved`), folded,
/// with what they mean: in a totals sentence they mean what the key says,
/// before what the lexicon says.
fn key_phrases(key: &[MarkEntry], lexicons: &Lexicons) -> Vec<(Vec<String>, Meaning)> {
    key.iter()
        .filter(|entry| is_key_word(&entry.mark, lexicons))
        .map(|entry| {
            (
                grammar::folded_words(&lexicon::fold(&entry.mark)),
                entry.meaning.clone(),
            )
        })
        .collect()
}

/// The longest phrase at `words[at]`: the key's words first, then the
/// vocabulary's.
fn phrase_with_key(
    words: &[String],
    at: usize,
    vocabulary: Vocabulary<'_>,
    key: &[(Vec<String>, Meaning)],
) -> Option<(Meaning, usize)> {
    let keyed = key
        .iter()
        .filter(|(phrase, _)| {
            !phrase.is_empty()
                && words
                    .get(at..at + phrase.len())
                    .is_some_and(|candidate| candidate == phrase.as_slice())
        })
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|(phrase, meaning)| (meaning.clone(), phrase.len()));
    let found = grammar::phrase_at(words, at, vocabulary);
    match (keyed, found) {
        (Some(keyed), Some(found)) if found.1 > keyed.1 => Some(found),
        (Some(keyed), _) => Some(keyed),
        (None, found) => found,
    }
}

/// The figures of a totals sentence on line `index`, or on it and the next
/// line when the sentence runs on (`…, 3 siguen en ejecución,` / `2 quedan
/// sin ejecutar y 1 …`): the line ends without a stop, the next one is a
/// line of prose of the same page that opens in small letters or with a
/// count, and the two read together state more figures than the first
/// alone. The lines read are returned with the figures.
fn sentence_over_lines(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    let plain = markup::plain(&text.joined_cells(index));
    let alone = sentence_figures(&plain, vocabulary, key);
    let runs_on = !plain.trim_end().ends_with(['.', ';', ':', '!', '?'])
        && text.row(index).is_none()
        && text.row(index + 1).is_none()
        && text
            .lines
            .get(index)
            .zip(text.lines.get(index + 1))
            .is_some_and(|(line, next)| {
                line.page == next.page
                    && next
                        .text
                        .trim_start()
                        .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            });
    let joined = runs_on
        .then(|| {
            let next = markup::plain(&text.joined_cells(index + 1));
            sentence_figures(&format!("{plain} {next}"), vocabulary, key)
        })
        .flatten()
        .filter(|joined| joined.len() > alone.as_ref().map_or(0, Vec::len));
    match (joined, alone) {
        (Some(joined), _) => Some((joined, vec![index, index + 1])),
        (None, Some(alone)) => Some((alone, vec![index])),
        (None, None) => None,
    }
}

/// A totals sentence with its counts spelled out (`Seven of the fifteen
/// actions are done`, `Sur les dix actions, la moitié sont faites, trois
/// …`) in figures. Only a sentence whose whole follows an opener (`of the
/// fifteen`, `de las 12`) and comes before its noun is rewritten: its
/// number words become figures, and a half of the whole (`la mitad`, `la
/// moitié`, `half`) becomes the figure when the whole is even. Any other
/// text is left as it is (a number word in prose is no count).
fn spelled_counts<'t>(plain: &'t str, lexicons: &Lexicons) -> Cow<'t, str> {
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let bare = |token: &str| {
        lexicon::unaccented(token.trim_matches(|c: char| !c.is_alphanumeric())).to_lowercase()
    };
    let spelled = |token: &str| {
        let word = bare(token);
        lexicons
            .each(|l| l.number_words)
            .find(|(name, _)| *name == word)
            .map(|(_, value)| u32::from(*value))
    };
    let words: Vec<String> = tokens
        .iter()
        .map(|token| grammar::fold_word(token))
        .collect();
    // `Thirteen actions: five done, …`: a line may open with its whole,
    // a count and its noun closed by a colon.
    let opening_whole = || {
        let whole = tokens
            .first()
            .and_then(|first| number_token(first).or_else(|| spelled(first)))?;
        // `Fifteen projects in all: six complete, …`: a word of sum may
        // stand between the noun and the colon.
        let noun_closed = tokens
            .get(1)
            .and_then(|noun| noun.strip_suffix(':'))
            .is_some_and(|noun| !noun.is_empty() && noun.chars().all(char::is_alphabetic));
        let noun_summed = tokens
            .get(1)
            .is_some_and(|noun| noun.chars().all(char::is_alphabetic))
            && sum_and_colon(&tokens, &words, 2, lexicons);
        (noun_closed || noun_summed).then_some(whole)
    };
    let whole = (0..tokens.len()).find_map(|at| {
        let mut next = at + opener_at(&words, at, lexicons)?;
        if words
            .get(next)
            .is_some_and(|word| lexicons.has(|l| l.totals_articles, word))
        {
            next += 1;
        }
        let token = tokens.get(next)?;
        let whole = number_token(token).or_else(|| spelled(token))?;
        tokens
            .get(next + 1)
            .is_some_and(|noun| noun.starts_with(char::is_alphabetic))
            .then_some(whole)
    });
    let Some(whole) = whole.or_else(opening_whole).filter(|&whole| whole >= 2) else {
        return Cow::Borrowed(plain);
    };
    let halves: Vec<Vec<String>> = lexicons
        .each(|l| l.half_phrases)
        .map(|phrase| phrase.split(' ').map(str::to_owned).collect())
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        let half = halves.iter().find(|half| {
            tokens.get(at..at + half.len()).is_some_and(|run| {
                run.iter().zip(half.iter()).all(|(token, word)| {
                    token.trim_end_matches([',', ';', ':', '.']).to_lowercase() == *word
                })
            })
        });
        if let Some(half) = half.filter(|_| whole % 2 == 0) {
            let last = tokens.get(at + half.len() - 1).copied().unwrap_or_default();
            let closing = last.trim_start_matches(|c: char| !matches!(c, ',' | ';' | ':' | '.'));
            out.push(format!("{}{closing}", whole / 2));
            at += half.len();
            continue;
        }
        match spelled(token) {
            Some(value) => {
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                out.push(token.replacen(word, &value.to_string(), 1));
            }
            None => out.push((*token).to_owned()),
        }
        at += 1;
    }
    Cow::Owned(out.join(" "))
}

/// A totals sentence without the asides of its counts: a share in
/// brackets right after a count repeats it (`5 (38 %) have been
/// delivered`), and counts in brackets that add up to the count before them
/// break it down (`6 are under way (3 well advanced, 3 started)`). Left in,
/// the share would part a count from its status phrase, and the breakdown
/// would read as a second declaration of a status.
fn without_asides(plain: &str) -> Cow<'_, str> {
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        let close = token
            .starts_with('(')
            .then(|| (at..tokens.len()).find(|&k| tokens.get(k).is_some_and(|t| t.contains(')'))))
            .flatten();
        if let Some(close) = close {
            let inside = tokens.get(at..=close).unwrap_or_default();
            let numbers: Vec<u32> = inside.iter().filter_map(|t| number_token(t)).collect();
            let share = inside.len() <= 2
                && inside.iter().any(|t| t.contains('%'))
                && numbers.len() <= 1
                && out.last().is_some_and(|last| number_token(last).is_some());
            // The count broken down: the last figure within a few words before.
            let before = out
                .iter()
                .rev()
                .take(MAX_WORDS_BEFORE_PHRASE + 2)
                .find_map(|t| number_token(t));
            // After the count's status phrase, not right after the count
            // (`6 (4 pasaron a cumplida y 2 a en ejecución)` gives the
            // statuses of a whole in its bracket).
            let breakdown = numbers.len() >= 2
                && !inside.iter().any(|t| t.contains('%'))
                && out.last().is_some_and(|last| number_token(last).is_none())
                && before == Some(numbers.iter().sum());
            if share || breakdown {
                // What closes the bracket's clause stays (`),` keeps its comma).
                let after = tokens
                    .get(close)
                    .and_then(|t| t.rsplit_once(')'))
                    .map_or("", |(_, after)| after);
                if let Some(last) = out.last_mut() {
                    last.push_str(after);
                }
                changed = true;
                at = close + 1;
                continue;
            }
        }
        out.push((*token).to_owned());
        at += 1;
    }
    if changed {
        Cow::Owned(out.join(" "))
    } else {
        Cow::Borrowed(plain)
    }
}

/// The figures of a totals sentence, when `plain` is one.
fn sentence_figures(
    plain: &str,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<Vec<Figure>> {
    let spelled = spelled_counts(plain, vocabulary.lexicons);
    let asides = without_asides(&spelled);
    let plain: &str = &asides;
    // `4 ✔, 2 ◐`: symbols of the key count as its words do.
    let symbols: Vec<(&str, Meaning)> = key
        .iter()
        .filter(|entry| !entry.mark.chars().any(char::is_alphanumeric))
        .map(|entry| (entry.mark.as_str(), entry.meaning.clone()))
        .collect();
    let key = key_phrases(key, vocabulary.lexicons);
    let total = total_opener(vocabulary.lexicons)
        .captures(plain)
        .and_then(|caps| caps.name("n"))
        .and_then(|n| Some((n.start(), n.as_str().parse::<u32>().ok()?)));
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let words: Vec<String> = tokens
        .iter()
        .map(|token| grammar::fold_word(token))
        .collect();
    let mut total = total.map(|(start, number)| (Some(start), number));
    let mut figures: Vec<Figure> = Vec::new();
    // `el 38 % está finalizado`: shares of the whole, each with its status.
    let mut shares: Vec<Figure> = Vec::new();
    // Tokens already read as the total of a ratio (`5 sur 9`).
    let mut skipped: Vec<usize> = Vec::new();
    let mut bracket_whole: Option<u32> = None;
    // Each share's count in brackets (status, share, count), and the whole
    // a ratio among them gives.
    let mut share_counts: Vec<(Status, u32, u32)> = Vec::new();
    let mut share_whole: Option<u32> = None;
    // A counted noun before the colon that opens the parts.
    let mut lead_whole: Option<u32> = None;
    // Tokens read as a count of the scope before the whole (`des 3 axes :`).
    let mut scopes: Vec<usize> = Vec::new();
    // `Ensemble des trois axes : 10 programmes, dont 4 réalisés`: a count of
    // a noun closed by a colon, whose next count is of a noun too (no status
    // phrase), names the scope; that next count is the whole.
    let counts_scope = |at: usize| {
        let colon_closes = tokens
            .get(at + 1)
            .is_some_and(|noun| noun.starts_with(char::is_alphabetic) && noun.ends_with(':'))
            || (tokens
                .get(at + 1)
                .is_some_and(|noun| noun.starts_with(char::is_alphabetic))
                && tokens.get(at + 2).is_some_and(|colon| *colon == ":"));
        colon_closes
            && (at + 2..=at + 3).any(|next| {
                tokens
                    .get(next)
                    .is_some_and(|token| number_token(token).is_some())
                    && tokens
                        .get(next + 1)
                        .is_some_and(|noun| noun.starts_with(char::is_alphabetic))
                    && phrase_with_key(&words, next + 1, vocabulary, &key).is_none()
            })
    };
    let mut offset = 0;
    for (at, token) in tokens.iter().enumerate() {
        let start = plain
            .get(offset..)
            .and_then(|rest| rest.find(token))
            .map(|i| i + offset);
        offset = start.map_or(offset, |s| s + token.len());
        // `Complete 6/12 · Commenced 4/12`: a labelled part of a whole; every
        // fraction of the line must have the same whole.
        if let Some((part, whole)) = fraction_token(token) {
            let Some(meaning) = label_before(&tokens, &words, at, vocabulary, &key)
                .or_else(|| fraction_label(&tokens, &words, at, vocabulary, &key))
            else {
                continue;
            };
            if let Meaning::Class(status) = meaning {
                figures.push((Some(status), part));
            }
            match total {
                None => total = Some((None, whole)),
                Some((_, seen)) if seen != whole => return None,
                Some(_) => {}
            }
            continue;
        }
        if let Some(share) = share_at(&tokens, at) {
            let meaning = share_phrase(&tokens, &words, at, vocabulary, &key);
            if let Some(Meaning::Class(status)) = meaning {
                shares.push((Some(status), share));
            }
            // `40 % des fiches sont achevées (6 sur 15), 33 % en cours (5)`:
            // the count a share stands for, in brackets after its phrase.
            let counted = meaning
                .as_ref()
                .and_then(|_| bracketed_count(&tokens, &words, at, vocabulary.lexicons));
            if let Some((count, whole, read)) = counted {
                skipped.extend(read);
                if let Some(Meaning::Class(status)) = meaning {
                    share_counts.push((status, share, count));
                }
                if let Some(whole) = whole {
                    share_whole.get_or_insert(whole);
                }
            }
            continue;
        }
        let Some(number) = number_token(token) else {
            continue;
        };
        if skipped.contains(&at)
            || is_amount(&tokens, at, vocabulary.lexicons)
            || is_day_of_month(&tokens, at, vocabulary.lexicons)
        {
            continue;
        }
        // `100 % = réalisée`: a share, not a count; `1 = réalisée ; 2 = en
        // cours`: a key's numeric mark, not a count either.
        if tokens
            .get(at + 1)
            .is_some_and(|next| next.starts_with(['%', '=']))
            || token.ends_with('=')
        {
            continue;
        }
        if total.is_some_and(|(total_start, _)| total_start.is_some() && start == total_start) {
            // `Ensemble des trois axes : 10 programmes, dont …`: the opener's
            // count names the scope; the next count is the whole.
            if counts_scope(at) {
                total = None;
                scopes.push(at);
            }
            continue;
        }
        // `Acciones con cambio de estado: 6 (4 pasaron a cumplida y 2 a en
        // ejecución)`: a first count opening a bracket of counts may be
        // their whole; it is taken only if they add up to it.
        let opens_counts = tokens.get(at + 1).is_some_and(|next| {
            next.strip_prefix('(')
                .is_some_and(|rest| number_token(rest).is_some())
        });
        if figures.is_empty() && bracket_whole.is_none() && opens_counts {
            bracket_whole = Some(number);
        }
        // `In total 7 activities`, `Au total, 7 activités`, `En total se
        // programaron 7 actividades`: a total word shortly before the first
        // number, a noun after it.
        // Not when a status label and its colon stand between them
        // (`Totals — complete: 5; in progress: 3`): the number counts that
        // status, the total word heads the line.
        let status_label_before = at
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| before.ends_with(':'))
            && (1..=MAX_WORDS_BEFORE_PHRASE).any(|width| {
                at.checked_sub(width)
                    .and_then(|from| grammar::phrase_at(&words, from, vocabulary))
                    .is_some_and(|(_, found)| found == width)
            });
        let after_total_word = !status_label_before
            && (1..=MAX_WORDS_BEFORE_PHRASE).any(|back| {
                at.checked_sub(back)
                    .and_then(|from| words.get(from))
                    .is_some_and(|word| is_total_label(word, vocabulary.lexicons))
            });
        let noun_follows = tokens
            .get(at + 1)
            .is_some_and(|next| next.starts_with(char::is_alphabetic));
        // `Se previeron 5 actividades: 2 cumplidas…`: a count of a noun that
        // a colon closes, before the status figures.
        // `Resumen: 6 actividades; 3 cumplidas…`: or a semicolon.
        // `8 items reviewed: 4 ✔…`: or a word after the noun does.
        let noun_and_colon = tokens.get(at + 1).is_some_and(|next| {
            next.starts_with(char::is_alphabetic) && next.ends_with([':', ';'])
        }) || tokens.get(at + 2).is_some_and(|next| {
            *next == ":"
                || *next == ";"
                || (noun_follows
                    && token.ends_with(|c: char| c.is_ascii_digit())
                    && next.starts_with(char::is_alphabetic)
                    && next.ends_with(':'))
        });
        // `Tableau : 10 tâches — fait 5 …`: or a dash after the noun, before
        // the status figures; `15 actuaciones = 6 terminadas + …`: or an
        // equals sign before a sum of them; `15 projects in all: 6 …`: or
        // a word of sum closed by a colon.
        let noun_and_dash = noun_follows
            && (tokens
                .get(at + 2)
                .is_some_and(|next| ["—", "–"].contains(next))
                || tokens.get(at + 2) == Some(&"=") && tokens.contains(&"+")
                || sum_and_colon(&tokens, &words, at + 2, vocabulary.lexicons));
        // `12 actions, dont 6 achevées…`, `9 actions suivies dont 4
        // soldées`: a counted noun, a comma or a word qualifying it, and a
        // word that opens its parts.
        let is_word = |token: &&str| token.trim_end_matches(',').chars().all(char::is_alphabetic);
        let noun_and_partitive = tokens.get(at + 1).is_some_and(is_word)
            && (tokens.get(at + 1).is_some_and(|next| next.ends_with(','))
                && partitive_at(&words, at + 2, vocabulary.lexicons)
                || tokens.get(at + 2).is_some_and(is_word)
                    && partitive_at(&words, at + 3, vocabulary.lexicons));
        // `5 activities in total; 3 completed…`: the total word after the noun.
        let total_word_follows = (2..=MAX_WORDS_BEFORE_PHRASE).any(|step| {
            words
                .get(at + step)
                .is_some_and(|word| is_total_label(word, vocabulary.lexicons))
        });
        // `Overall: 12 objectives, 6 delivered…`: a label closed by a colon,
        // then a counted noun and a comma before the next count, the noun
        // no status word (`Overall: 3 green, 2 amber` counts states).
        let label_and_counted_noun = at
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| before.ends_with(':'))
            && tokens
                .get(at + 1)
                .is_some_and(|next| next.ends_with(',') && is_word(next))
            && tokens
                .get(at + 2)
                .is_some_and(|next| number_token(next).is_some())
            && phrase_with_key(&words, at + 1, vocabulary, &key).is_none();
        // `5 réalisées, 3 en cours et 1 abandonnée, soit 10 mesures`: a
        // word of sum after the parts gives their whole; `…, de un total de
        // 10.`: the whole may close the sentence.
        let closes_sentence = tokens.len() == at + 1 && token.ends_with(['.', ';']);
        if total.is_none()
            && figures.len() >= 2
            && (noun_follows || closes_sentence)
            && sum_before(&words, at, vocabulary.lexicons)
        {
            total = Some((None, number));
            continue;
        }
        // `Finished 6, ongoing 3 …: 12 measures in all.`, `… 10 actions au
        // total`: after the parts, a counted noun and a word of sum that
        // ends the line give their whole.
        if total.is_none()
            && figures.len() >= 2
            && noun_follows
            && sum_ends_line(&words, at + 2, vocabulary.lexicons)
        {
            total = Some((None, number));
            continue;
        }
        // `6 cumplidos + 3 en proceso + 2 no cumplidos = 11 indicadores`:
        // after counts joined by plus signs, the number after the equals
        // sign is their whole, not a count of the phrase before it.
        let after_equals = at
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| *before == "=");
        if figures.len() >= 2 && after_equals && tokens.contains(&"+") {
            if total.is_none() {
                total = Some((None, number));
            }
            continue;
        }
        let first_number = tokens.get(..at).is_some_and(|before| {
            before
                .iter()
                .enumerate()
                .all(|(seen, token)| number_token(token).is_none() || scopes.contains(&seen))
        });
        if total.is_none() && first_number && noun_follows && counts_scope(at) {
            scopes.push(at);
            continue;
        }
        if total.is_none()
            && first_number
            && noun_follows
            && (after_total_word
                || noun_and_colon
                || noun_and_dash
                || noun_and_partitive
                || label_and_counted_noun
                || total_word_follows)
        {
            total = Some((None, number));
            continue;
        }
        // `Figure 2 – Les 14 actions selon leur voyant : vert 6, …`: when no
        // shape above gives the whole, a count of a noun and the words
        // qualifying it, closed by the colon that opens the parts, may be
        // their whole (taken at the end, when it is no less than their sum);
        // a caption's own number before it is no count.
        let first_after_caption = tokens.get(..at).is_some_and(|before| {
            before.iter().enumerate().all(|(seen, token)| {
                number_token(token).is_none() || (seen == 1 && is_caption_number(&tokens))
            })
        });
        let colon_after_noun = (2..=MAX_LEAD_WORDS + 1).find(|&step| {
            tokens.get(at + step).is_some_and(|token| {
                *token == ":"
                    || (token.ends_with(':')
                        && token.trim_end_matches(':').chars().all(char::is_alphabetic))
            })
        });
        // The count stands bare before its noun: a number that closes a
        // clause (`Not done: 1; partly done: 2`) or a label's value after
        // its colon counts that label, not a whole.
        let bare_count = token.chars().all(|c| c.is_ascii_digit())
            && at
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .is_none_or(|before| !before.ends_with(':'));
        let qualified_noun_and_colon = noun_follows
            && bare_count
            && colon_after_noun.is_some_and(|colon| {
                (at + 1..at + colon).all(|between| {
                    tokens.get(between).is_some_and(|word| {
                        word.trim_end_matches(':').chars().all(char::is_alphabetic)
                    })
                })
            })
            && phrase_with_key(&words, at + 1, vocabulary, &key).is_none();
        if total.is_none()
            && lead_whole.is_none()
            && figures.is_empty()
            && first_after_caption
            && qualified_noun_and_colon
        {
            lead_whole = Some(number);
            continue;
        }
        // `Cumplidas: 2`, `Total de acciones: 6`: a label and a colon before the number.
        // The colon may stand apart (`Réalisées : 3`, French spacing).
        let label_end = match at.checked_sub(1).and_then(|before| tokens.get(before)) {
            Some(&(":" | "=")) => at.checked_sub(1),
            Some(before) if before.ends_with([':', '=']) => Some(at),
            _ => None,
        };
        if let Some(label_end) = label_end {
            // The longest label first: `non réalisées : 3` is not `réalisées`.
            let label = (1..=MAX_WORDS_BEFORE_PHRASE + 1)
                .rev()
                .filter_map(|width| Some((label_end.checked_sub(width)?, width)))
                .find_map(|(from, width)| {
                    let (meaning, found) = grammar::phrase_at(&words, from, vocabulary)?;
                    (found == width).then_some((meaning, from))
                });
            // `parcialmente logrados: 2`: a partial label counts no class.
            let partial = label.as_ref().is_some_and(|(_, from)| {
                from.checked_sub(1)
                    .and_then(|before| words.get(before..=before))
                    .is_some_and(|before| grammar::holds_partial_word(before, vocabulary.lexicons))
            });
            if partial {
                continue;
            }
            let label = label.map(|(meaning, _)| meaning);
            if let Some(Meaning::Class(status)) = label {
                figures.push((Some(status), number));
                // `Acciones cumplidas: 4 de 8`, `achieved: 5 out of 8`: the
                // figure after the link is the total.
                if let Some((after, whole)) = ratio_total(&tokens, &words, at, vocabulary.lexicons)
                {
                    if total.is_none() {
                        total = Some((None, whole));
                    }
                    skipped.push(after);
                }
                continue;
            }
            if total.is_none()
                && (1..=MAX_WORDS_BEFORE_PHRASE + 1).any(|back| {
                    label_end
                        .checked_sub(back)
                        .and_then(|from| words.get(from))
                        .is_some_and(|word| is_total_label(word, vocabulary.lexicons))
                })
            {
                total = Some((None, number));
                continue;
            }
        }
        // `Réalisées : 3 / En cours : 1 (4 tâches)`: a bracketed count of a
        // noun closing the line, after the status counts, is the total.
        let last_number = tokens
            .get(at + 1..)
            .is_some_and(|after| after.iter().all(|token| number_token(token).is_none()));
        let bracketed_noun = token.starts_with('(')
            && tokens.get(at + 1).is_some_and(|noun| {
                noun.trim_end_matches(['.', ')'])
                    .chars()
                    .all(char::is_alphabetic)
                    && noun.trim_end_matches('.').ends_with(')')
            })
            && tokens.len() == at + 2;
        if total.is_none() && figures.len() + shares.len() >= 2 && last_number && bracketed_noun {
            total = Some((None, number));
            continue;
        }
        // `3 - completed, 1 - in progress`: a dash between a count and its
        // phrase, unless the phrase labels the number after it (`9 —
        // Cumplidas 5 — En ejecución 4`).
        if tokens
            .get(at + 1)
            .is_some_and(|next| ["-", "–", "—"].contains(next))
        {
            if let Some((meaning, width)) = phrase_with_key(&words, at + 2, vocabulary, &key) {
                let after = at + 2 + width;
                let closed = tokens
                    .get(after - 1)
                    .is_some_and(|last| last.ends_with([',', ';', '.', ':']));
                let labels_next = !closed
                    && tokens
                        .get(after)
                        .is_some_and(|next| number_token(next).is_some());
                let partial = words
                    .get(after..=after)
                    .is_some_and(|next| grammar::holds_partial_word(next, vocabulary.lexicons));
                if !labels_next {
                    if let (Meaning::Class(status), false) = (meaning, partial) {
                        figures.push((Some(status), number));
                    }
                    continue;
                }
            }
        }
        let symbol = tokens.get(at + 1).and_then(|next| {
            let next = next.trim_end_matches([',', ';', '.']);
            symbols.iter().find(|(mark, _)| *mark == next)
        });
        if let Some((_, meaning)) = symbol {
            if let Meaning::Class(status) = meaning {
                figures.push((Some(*status), number));
            }
            continue;
        }
        // `Completed 5 of 12 actions`, `Se lograron 5 de las 11 metas`: a
        // phrase right before a count that is part of a total.
        if let Some(whole_at) = part_of_total(&tokens, &words, at, vocabulary.lexicons) {
            let before = (1..=MAX_WORDS_BEFORE_PHRASE).rev().find_map(|width| {
                let from = at.checked_sub(width)?;
                let (meaning, found) = grammar::phrase_at(&words, from, vocabulary)?;
                (found == width).then_some(meaning)
            });
            if let (Some(Meaning::Class(status)), Some(whole)) = (
                before,
                tokens.get(whole_at).and_then(|token| number_token(token)),
            ) {
                figures.push((Some(status), number));
                if total.is_none() {
                    total = Some((None, whole));
                }
                skipped.push(whole_at);
                continue;
            }
        }
        // `Ejecutadas 3 · En ejecución 2`: a phrase right before the number
        // and a separator (or the line's end) after it label the number.
        if let Some(meaning) = label_before(&tokens, &words, at, vocabulary, &key) {
            if let Meaning::Class(status) = meaning {
                figures.push((Some(status), number));
            }
            continue;
        }
        // `4 of the 9 actions are completed`: the count's phrase follows the
        // total it is part of.
        // A phrase right after the count is its own (`1 red out of 6 steps`).
        let base = part_of_total(&tokens, &words, at, vocabulary.lexicons)
            .filter(|_| phrase_with_key(&words, at + 1, vocabulary, &key).is_none())
            .unwrap_or(at);
        // `15 are complete`: the phrase follows within the same sentence.
        let mut steps = 1..=MAX_WORDS_BEFORE_PHRASE + 1;
        let phrase = steps.find_map(|step| {
            let at = base;
            // A separator token (`9 — Cumplidas 5`) opens the next entry.
            let ended = (at..at + step).any(|between| {
                tokens.get(between).is_some_and(|word| {
                    word.ends_with(['.', ':', ';']) || ENTRY_SEPARATORS.contains(word)
                })
            });
            // Another count ends the search; a bracketed share (`(20%)`) does not.
            if ended
                || tokens
                    .get(at + step)
                    .is_none_or(|token| number_token(token).is_some())
            {
                return Some(None);
            }
            let found = phrase_with_key(&words, at + step, vocabulary, &key)?;
            // `1 has not been completed`, `1 n'est pas réalisée`: a negation
            // before a positive phrase makes the count unreadable.
            let negated = words
                .get(at + 1..at + step)
                .is_some_and(|between| between.iter().any(|w| is_negation(w, vocabulary.lexicons)));
            if negated && found.0 != Meaning::Class(Status::NotDeveloped) {
                return Some(None);
            }
            let partial = words
                .get(at + 1..at + step)
                .is_some_and(|between| grammar::holds_partial_word(between, vocabulary.lexicons));
            // `1 was partly done`: achieved or in progress, no class.
            if partial {
                return Some(None);
            }
            // `1 was completed partially`: a partial word right after the
            // phrase takes it back, as `Completed (partially)` in a cell;
            // so does a state outside the classes (`2 se completaron con
            // retraso`: delayed, counted in no class).
            let after = at + step + found.1;
            let open_phrase = after
                .checked_sub(1)
                .and_then(|last| tokens.get(last))
                .is_some_and(|last| last.ends_with(char::is_alphanumeric));
            let qualified = open_phrase
                && (words
                    .get(after..=after)
                    .is_some_and(|next| grammar::holds_partial_word(next, vocabulary.lexicons))
                    || matches!(
                        phrase_with_key(&words, after, vocabulary, &key),
                        Some((Meaning::Outside(_), _))
                    ));
            if qualified {
                return Some(None);
            }
            Some(Some((found, base + step)))
        });
        if let Some(Some(((Meaning::Class(status), width), from))) = phrase {
            figures.push((Some(status), number));
            // `5 actions réalisées sur 9, 2 engagées`: an opener and a
            // number right after the count's phrase give the whole.
            if let Some((after, whole)) =
                trailing_total(&tokens, &words, from + width, vocabulary.lexicons)
            {
                if total.is_none() {
                    total = Some((None, whole));
                }
                skipped.push(after);
            }
        }
    }
    if let (None, Some(whole)) = (total, lead_whole) {
        let sum: u32 = figures.iter().map(|(_, number)| number).sum();
        if figures.len() >= 2 && whole >= sum {
            total = Some((None, whole));
        }
    }
    if let (None, Some(whole)) = (total, bracket_whole) {
        let sum: u32 = figures.iter().map(|(_, number)| number).sum();
        if figures.len() >= 2 && sum == whole {
            total = Some((None, whole));
        }
    }
    // Shares each followed by its count: the counts, when every share is
    // the rounded share of its count in the whole (a sentence that
    // contradicts itself declares nothing).
    if figures.is_empty() && shares.len() >= 2 && share_counts.len() == shares.len() {
        let whole = total.map(|(_, whole)| whole).or(share_whole);
        let agree = whole.is_some_and(|whole| {
            whole > 0
                && share_counts.iter().all(|&(_, share, count)| {
                    (f64::from(count) * 100.0 / f64::from(whole) - f64::from(share)).abs() <= 0.5
                })
        });
        if agree {
            figures.extend(
                share_counts
                    .iter()
                    .map(|&(status, _, count)| (Some(status), count)),
            );
            if total.is_none() {
                total = share_whole.map(|whole| (None, whole));
            }
        }
    }
    // `De las 13 actuaciones, el 38 % está finalizado, el 31 % en curso`:
    // shares alone, of a whole the sentence counts, give the counts whose
    // rounded share they are, when each is the only such count.
    if figures.is_empty() && shares.len() >= 2 {
        let (_, whole) = total?;
        for (status, share) in shares {
            figures.push((status, count_of_share(share, whole)?));
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

/// Whether the line opens as a caption: one capitalised word and its
/// number, then a dash, or the number closed by a stop or a colon
/// (`Figure 2 –`, `Gráfico 1.`, `Tableau 3 :`).
fn is_caption_number(tokens: &[&str]) -> bool {
    let named = tokens.first().is_some_and(|word| {
        word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
    });
    let numbered = tokens.get(1).is_some_and(|number| {
        let bare = number.trim_end_matches(['.', ':']);
        !bare.is_empty()
            && bare.chars().all(|c| c.is_ascii_digit())
            && (bare.len() < number.len()
                || tokens
                    .get(2)
                    .is_some_and(|next| ["–", "—", "-", ":", "."].contains(next)))
    });
    named && numbered
}

/// A share of a whole at token `at`: `38 %` or `38%`, the number a whole
/// percent. A share followed by `=` is a key's mark (`100 % = réalisée`).
fn share_at(tokens: &[&str], at: usize) -> Option<u32> {
    let closed = |token: &str| token.trim_end_matches([',', ';', '.']).to_owned();
    let token = closed(tokens.get(at)?);
    let (number, sign_at) = match token.strip_suffix('%') {
        Some(number) => (number.to_owned(), at),
        None if tokens.get(at + 1).is_some_and(|next| closed(next) == "%") => (token, at + 1),
        None => return None,
    };
    let share: u32 = number.parse().ok()?;
    let keyed = tokens
        .get(sign_at + 1)
        .is_some_and(|next| next.starts_with('='));
    (share <= 100 && !keyed).then_some(share)
}

/// The status phrase a share is of (`38 % están finalizadas`, `46 % are
/// ongoing`): within a few words after the share, in the same clause, no
/// other number before it; a partial word before the phrase is no class.
/// Or a label and a colon right before it (`rated green: 45 %;`).
fn share_phrase(
    tokens: &[&str],
    words: &[String],
    at: usize,
    vocabulary: Vocabulary<'_>,
    key: &[(Vec<String>, Meaning)],
) -> Option<Meaning> {
    let labelled = at
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|before| before.ends_with(':'));
    if labelled {
        return (1..=MAX_WORDS_BEFORE_PHRASE).rev().find_map(|width| {
            let from = at.checked_sub(width)?;
            let (meaning, found) = phrase_with_key(words, from, vocabulary, key)?;
            (found == width).then_some(meaning)
        });
    }
    let first = if tokens
        .get(at)
        .is_some_and(|token| token.trim_end_matches([',', ';', '.']).ends_with('%'))
    {
        at + 1
    } else {
        at + 2
    };
    for step in first..=first + MAX_WORDS_BEFORE_PHRASE {
        if let Some((meaning, _)) = phrase_with_key(words, step, vocabulary, key) {
            let between = words.get(first..step).unwrap_or_default();
            let negated = between.iter().any(|w| is_negation(w, vocabulary.lexicons));
            let partial = grammar::holds_partial_word(between, vocabulary.lexicons);
            return (!partial && (!negated || meaning == Meaning::Class(Status::NotDeveloped)))
                .then_some(meaning);
        }
        let token = tokens.get(step)?;
        if number_token(token).is_some() || token.ends_with(['.', ':', ';', ',']) {
            return None;
        }
    }
    None
}

/// The count of a whole whose share, rounded to a whole percent, is
/// `share`: none when no count or more than one rounds to it (a report may
/// round halves either way, so a half counts as both).
fn count_of_share(share: u32, whole: u32) -> Option<u32> {
    let mut counts = (0..=whole).filter(|count| {
        let exact = f64::from(*count) * 100.0 / f64::from(whole);
        (exact - f64::from(share)).abs() <= 0.5
    });
    let count = counts.next()?;
    counts.next().is_none().then_some(count)
}

/// Whether `words[at..]` open with a totals opener (`of`, `out of`, `sur`,
/// `de`), and how many words it spans.
fn opener_at(words: &[String], at: usize, lexicons: &Lexicons) -> Option<usize> {
    lexicons
        .each(|l| l.totals_openers)
        .map(|opener| grammar::folded_words(opener))
        .filter(|opener| {
            !opener.is_empty()
                && words
                    .get(at..at + opener.len())
                    .is_some_and(|candidate| candidate == opener.as_slice())
        })
        .map(|opener| opener.len())
        .max()
}

/// The count in brackets in the clause of the share at `at` (`achevées (6
/// sur 15)`, `en cours (5)`), with the whole a ratio inside gives and the
/// indices of the tokens read: the first bracket within a few words, no
/// other number and no end of clause before it.
fn bracketed_count(
    tokens: &[&str],
    words: &[String],
    at: usize,
    lexicons: &Lexicons,
) -> Option<(u32, Option<u32>, Vec<usize>)> {
    for step in at + 1..=at + 2 * MAX_WORDS_BEFORE_PHRASE + 2 {
        let token = tokens.get(step)?;
        if let Some(inside) = token.strip_prefix('(') {
            let count = number_token(inside)?;
            if inside.contains(')') {
                return Some((count, None, vec![step]));
            }
            let (whole_at, whole) = ratio_total(tokens, words, step, lexicons)?;
            return tokens
                .get(whole_at)?
                .contains(')')
                .then(|| (count, Some(whole), vec![step, whole_at]));
        }
        let other_number = step > at + 1 && number_token(token).is_some();
        if other_number || token.ends_with(['.', ';', ',', ':']) {
            return None;
        }
    }
    None
}

/// `4 de 8`, `5 out of 8`, `5 sur 9`, `5 / 9`: the number right after an opener
/// following the count at `at`, with its token index.
fn ratio_total(
    tokens: &[&str],
    words: &[String],
    at: usize,
    lexicons: &Lexicons,
) -> Option<(usize, u32)> {
    // `5 / 10`: a slash between a count and its total, in any language.
    let width = if tokens.get(at + 1) == Some(&"/") {
        1
    } else {
        opener_at(words, at + 1, lexicons)?
    };
    let after = at + 1 + width;
    Some((after, number_token(tokens.get(after)?)?))
}

/// `réalisées sur 9,`, `completed out of 12.`: the number after an opener
/// that follows a count's phrase ending at `end`, with its token index,
/// when punctuation or the line's end closes it (a noun after it would be
/// the start of another count, `sur 9 actions`).
fn trailing_total(
    tokens: &[&str],
    words: &[String],
    end: usize,
    lexicons: &Lexicons,
) -> Option<(usize, u32)> {
    let phrase_open = end
        .checked_sub(1)
        .and_then(|last| tokens.get(last))
        .is_some_and(|last| last.ends_with(char::is_alphanumeric));
    if !phrase_open {
        return None;
    }
    let width = opener_at(words, end, lexicons)?;
    let after = end + width;
    let token = tokens.get(after)?;
    let closed = token.ends_with([',', ';', '.', ':']) || tokens.len() == after + 1;
    closed.then_some(())?;
    Some((after, number_token(token)?))
}

/// `4 of the 9 actions are completed`, `6 actions sur 12 sont réalisées`:
/// the index of the total's number when the count at `at` is followed,
/// directly or after its noun, by an opener, an optional article and a
/// number that a noun or a verb follows.
fn part_of_total(
    tokens: &[&str],
    words: &[String],
    at: usize,
    lexicons: &Lexicons,
) -> Option<usize> {
    let noun = tokens
        .get(at + 1)
        .is_some_and(|noun| noun.chars().all(char::is_alphabetic));
    let (opener, width) = match opener_at(words, at + 1, lexicons) {
        Some(width) => (at + 1, width),
        None if noun => (at + 2, opener_at(words, at + 2, lexicons)?),
        None => return None,
    };
    let mut next = opener + width;
    if words
        .get(next)
        .is_some_and(|word| lexicons.has(|l| l.totals_articles, word))
    {
        next += 1;
    }
    number_token(tokens.get(next)?)?;
    tokens
        .get(next + 1)
        .is_some_and(|noun| noun.starts_with(char::is_alphabetic))
        .then_some(next)
}

/// Whether `words[at..]` open with a word that introduces the parts of a
/// counted whole (`dont`, `of which`, `de ellas`).
fn partitive_at(words: &[String], at: usize, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.totals_partitives)
        .map(|partitive| grammar::folded_words(partitive))
        .any(|partitive| {
            !partitive.is_empty()
                && words
                    .get(at..at + partitive.len())
                    .is_some_and(|candidate| candidate == partitive.as_slice())
        })
}

/// Whether `words` end right before `at` with a word of sum (`soit`, `in
/// all`) that gives the whole after its parts.
fn sum_before(words: &[String], at: usize, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.totals_sums)
        .map(|sum| grammar::folded_words(sum))
        .any(|sum| {
            !sum.is_empty()
                && at
                    .checked_sub(sum.len())
                    .and_then(|from| words.get(from..at))
                    .is_some_and(|candidate| candidate == sum.as_slice())
        })
}

/// Whether `words[at..]` open with a word of sum whose last token a colon
/// closes (`in all:`, `en total :`), between a whole's noun and its parts.
fn sum_and_colon(tokens: &[&str], words: &[String], at: usize, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.totals_sums)
        .map(|sum| grammar::folded_words(sum))
        .any(|sum| {
            let end = at + sum.len();
            let colon = end
                .checked_sub(1)
                .and_then(|last| tokens.get(last))
                .is_some_and(|last| last.ends_with(':'))
                || tokens.get(end) == Some(&":");
            !sum.is_empty() && colon && words.get(at..end) == Some(sum.as_slice())
        })
}

/// Whether `words[at..]` are a word of sum and nothing after it (`in all`,
/// `au total`, `en total`), closing a line that counted its parts first.
fn sum_ends_line(words: &[String], at: usize, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.totals_sums)
        .map(|sum| grammar::folded_words(sum))
        .any(|sum| !sum.is_empty() && words.get(at..) == Some(sum.as_slice()))
}

/// `6/12` (a part and its whole in one token, a closing comma or dot
/// aside), never three numbers (`31/12/2025`, a date).
fn fraction_token(token: &str) -> Option<(u32, u32)> {
    let token = token.trim_end_matches([',', ';', '.', ':']);
    let (part, whole) = token.split_once('/')?;
    let number = |digits: &str| {
        (!digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let (part, whole): (u32, u32) = (number(part)?, number(whole)?);
    (part <= whole).then_some((part, whole))
}

/// Whether the number at `tokens[at]` is the day of a date, not a count:
/// a month name of the document's languages right after it, or after one
/// short linking word (`31 de diciembre`, `31 décembre`, `31 of March`),
/// or right before it (`March 31`; `diciembre: 5 productos` closes the
/// date before a count).
fn is_day_of_month(tokens: &[&str], at: usize, lexicons: &Lexicons) -> bool {
    let is_month = |token: &&str| {
        let name = token
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        lexicons.each(|l| l.months).any(|(month, _)| *month == name)
    };
    let is_link =
        |token: &&str| token.chars().count() <= 3 && token.chars().all(char::is_alphabetic);
    let day = tokens
        .get(at)
        .and_then(|token| number_token(token))
        .is_some_and(|day| (1..=31).contains(&day));
    day && (tokens.get(at + 1).is_some_and(is_month)
        || tokens.get(at + 1).is_some_and(is_link) && tokens.get(at + 2).is_some_and(is_month)
        || at
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| before.ends_with(char::is_alphabetic) && is_month(before)))
}

/// Tokens that separate the entries of a totals line (`·`, `|`, `/`, `–`).
const ENTRY_SEPARATORS: &[&str] = &["·", "|", "/", "–", "—", "•", "-"];

/// The meaning of a phrase that ends right before the number at `at`, when
/// a separator or the line's end follows the number (`Ejecutadas 3 · En
/// ejecución 2`, `Completed 4, in progress 2`).
fn label_before(
    tokens: &[&str],
    words: &[String],
    at: usize,
    vocabulary: Vocabulary<'_>,
    key: &[(Vec<String>, Meaning)],
) -> Option<Meaning> {
    let token = tokens.get(at)?;
    // A semicolon may stand apart (`terminées 10 ; en cours 6`, French
    // spacing).
    let closes = token.ends_with([',', ';', '.'])
        || tokens
            .get(at + 1)
            .is_none_or(|next| ENTRY_SEPARATORS.contains(next) || *next == ";");
    if !closes {
        return None;
    }
    // The phrase must end right before the number, with no punctuation
    // between (`cumplidas, 3 …` is a count after another entry).
    let before = tokens.get(at.checked_sub(1)?)?;
    if before.ends_with(|c: char| !c.is_alphanumeric()) {
        return None;
    }
    (1..=MAX_WORDS_BEFORE_PHRASE + 1).rev().find_map(|width| {
        let from = at.checked_sub(width)?;
        let (meaning, found) = phrase_with_key(words, from, vocabulary, key)?;
        (found == width).then_some(meaning)
    })
}

/// The digits of a year: a whole that long is a date's year.
const YEAR_DIGITS: usize = 4;

/// The meaning of a fraction's label closed by a colon (`Hechas: 5/12`,
/// `achevées : 5/12`), or of the phrase right after it (`5/12 delivered`),
/// the fraction closing its entry.
fn fraction_label(
    tokens: &[&str],
    words: &[String],
    at: usize,
    vocabulary: Vocabulary<'_>,
    key: &[(Vec<String>, Meaning)],
) -> Option<Meaning> {
    // `06/2022`: a month and a year, no part of a whole.
    let (part, whole) = tokens
        .get(at)?
        .trim_end_matches([',', ';', '.', ':'])
        .split_once('/')?;
    if part.starts_with('0') || whole.len() >= YEAR_DIGITS {
        return None;
    }
    let phrase_ending_at = |end: usize| {
        (1..=MAX_WORDS_BEFORE_PHRASE + 1).rev().find_map(|width| {
            let from = end.checked_sub(width)?;
            let (meaning, found) = phrase_with_key(words, from, vocabulary, key)?;
            (found == width).then_some(meaning)
        })
    };
    let before = at.checked_sub(1).and_then(|at| tokens.get(at));
    match before {
        Some(&":") => return at.checked_sub(1).and_then(phrase_ending_at),
        Some(label) if label.ends_with(':') => return phrase_ending_at(at),
        _ => {}
    }
    // `5/12 delivered, 4/12 on track`: the phrase after the fraction, ended
    // by punctuation, a conjunction or the line.
    let (meaning, found) = phrase_with_key(words, at + 1, vocabulary, key)?;
    let last = tokens.get(at + found)?;
    let closes = last.ends_with([',', ';', '.'])
        || tokens.get(at + found + 1).is_none_or(|next| {
            ENTRY_SEPARATORS.contains(next)
                || *next == ";"
                || vocabulary
                    .lexicons
                    .has(|l| l.conjunctions, &grammar::fold_word(next))
        });
    closes.then_some(meaning)
}

/// Whether the number at `tokens[at]` is an amount or a piece of a longer
/// figure, not a count: `300 000 € engagés`, `€1.2m`, `45 euros réalisés`,
/// `3 millions engagés`.
fn is_amount(tokens: &[&str], at: usize, lexicons: &Lexicons) -> bool {
    const CURRENCIES: &[char] = &['€', '$', '£', '¥'];
    let is_group = |token: &str| token.len() == 3 && token.bytes().all(|b| b.is_ascii_digit());
    let Some(token) = tokens.get(at) else {
        return false;
    };
    let next = tokens
        .get(at + 1)
        .map(|next| next.trim_end_matches([',', ';', '.', ':', ')']));
    // `300 000`: digit groups of one figure, the first closed by no punctuation.
    let continues = at
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|before| {
            number_token(before).is_some() && before.ends_with(|c: char| c.is_ascii_digit())
        });
    let grouped = (token.ends_with(|c: char| c.is_ascii_digit()) && next.is_some_and(is_group))
        || (is_group(token) && continues);
    let unit = next.is_some_and(|next| {
        let lower = next.to_lowercase();
        next.starts_with(CURRENCIES)
            || lexicons
                .each(|l| l.unit_words)
                .any(|(word, _)| *word == lower)
            || lexicons
                .each(|l| l.scale_words)
                .any(|(word, _)| *word == lower)
    });
    token.contains(CURRENCIES) || grouped || unit
}

fn number_token(token: &str) -> Option<u32> {
    let digits = token.trim_matches(|c: char| !c.is_ascii_digit());
    let clean = token.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'));
    (!digits.is_empty() && digits == clean && digits.len() <= 5)
        .then(|| digits.parse().ok())
        .flatten()
}

/// The non-empty cells of line `index`.
fn filled_cells(text: &Text, index: usize) -> Vec<String> {
    cells(text, index)
        .into_iter()
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// The figures of a totals table whose heading row is line `index`: every
/// heading a status, a state outside the classes or a total label, the next
/// row all numbers. With the indices of both rows.
///
/// The first heading may instead name what is counted (`Proyectos`,
/// `Actions`): its column is the total when every other heading is a field
/// and its figure is at least the sum of theirs.
fn table_figures(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    let next_index = (index + 1..text.lines.len()).find(|&at| !is_separator_row(text, at))?;
    let (headings, mut figure_cells) = aligned_cells(text, index, next_index)
        .unwrap_or_else(|| (filled_cells(text, index), filled_cells(text, next_index)));
    if headings.len() < 2 {
        return None;
    }
    let mut fields: Vec<Option<Field>> = headings
        .iter()
        .map(|heading| label_field(heading, vocabulary, key))
        .collect();
    // `| | G | A | R | B | Total |`: lone letters are a table's own labels
    // unless two or more headings are letters of the document's key.
    let key_letters: Vec<Option<Field>> = headings
        .iter()
        .zip(&fields)
        .map(|(heading, field)| field.or_else(|| key_letter(heading, key)))
        .collect();
    let lettered = key_letters
        .iter()
        .zip(&fields)
        .filter(|(letter, field)| letter.is_some() && field.is_none())
        .count();
    if lettered >= 2 {
        fields = key_letters;
    }
    let counted_noun = matches!(fields.first(), Some(None))
        && headings
            .first()
            .is_some_and(|heading| heading.chars().all(|c| c.is_alphabetic() || c == ' '));
    if counted_noun {
        if let Some(first) = fields.first_mut() {
            *first = Some(Field::Total);
        }
    }
    let is_label =
        |cell: &String| cell.chars().any(char::is_alphabetic) && number_token(cell).is_none();
    // `| Bilan 2024 | Réalisé | … |` over `| Actions | 4 | … |`: a caption
    // in the corner, over what the figures row counts.
    if figure_cells.len() == headings.len()
        && !counted_noun
        && fields.first() == Some(&None)
        && figure_cells.first().is_some_and(is_label)
    {
        fields.remove(0);
        figure_cells.remove(0);
    }
    // `| | Complete | … | Total |` over `| Projects | 4 | … | 8 |`: the
    // figures row opens with what it counts, under an empty corner.
    if figure_cells.len() == headings.len() + 1 && figure_cells.first().is_some_and(is_label) {
        figure_cells.remove(0);
    }
    let numbers: Vec<u32> = figure_cells
        .iter()
        .map(|cell| number_token(cell))
        .collect::<Option<_>>()?;
    if numbers.len() != fields.len() {
        return None;
    }
    let fields: Vec<Field> = match fields.iter().copied().collect::<Option<Vec<Field>>>() {
        Some(fields) => fields,
        None => unnamed_states(&fields, &numbers)?,
    };
    if counted_noun {
        let counted: u32 = fields
            .iter()
            .zip(&numbers)
            .filter(|(field, _)| matches!(field, Field::Status(_)))
            .map(|(_, number)| number)
            .sum();
        if numbers.first().is_none_or(|&total| total < counted) {
            return None;
        }
    }
    let figures = figures_of(fields.into_iter().zip(numbers))?;
    Some((figures, vec![index, next_index]))
}

/// A word of a laid-out row: its cell, text, start, end and font size.
type PlacedWord = (usize, String, f32, f32, f32);

/// Where a word starts a column of its own in a laid-out row, in font
/// sizes of gap before it: wider than a word space.
const ALIGNED_GAP: f32 = 0.6;

/// Two rows of a PDF table of counts whose columns the layout joined (`G |
/// A R B Total` over `Activities 6 | 5 2 1 14`: narrow columns set one
/// gap apart): each row cut before every word that starts where a word
/// of the other row starts, after a gap wider than a word space in both.
/// The filled cells of both rows, when a cut was made.
fn aligned_cells(text: &Text, first: usize, second: usize) -> Option<(Vec<String>, Vec<String>)> {
    let words = |index: usize| -> Option<Vec<PlacedWord>> {
        let row = text.row(index)?;
        let words: Vec<(usize, String, f32, f32, f32)> = row
            .cells
            .iter()
            .enumerate()
            .flat_map(|(at, cell)| {
                cell.words().iter().map(move |word| {
                    (
                        at,
                        word.text.to_owned(),
                        word.bbox.x0,
                        word.bbox.x1,
                        word.size,
                    )
                })
            })
            .collect();
        (!words.is_empty()).then_some(words)
    };
    let (above, below) = (words(first)?, words(second)?);
    // The words of a row that open a column after a wide gap.
    let openers = |row: &[(usize, String, f32, f32, f32)]| -> Vec<f32> {
        row.iter()
            .enumerate()
            .filter(|(at, (cell, _, x0, _, size))| {
                at.checked_sub(1)
                    .and_then(|before| row.get(before))
                    .is_none_or(|(before_cell, _, _, x1, _)| {
                        before_cell != cell || x0 - x1 >= ALIGNED_GAP * size
                    })
            })
            .map(|(_, (_, _, x0, _, _))| *x0)
            .collect()
    };
    let (top, bottom) = (openers(&above), openers(&below));
    let shared = |x: f32| {
        top.iter().any(|other| (other - x).abs() <= 1.0)
            && bottom.iter().any(|other| (other - x).abs() <= 1.0)
    };
    let cut = |row: &[(usize, String, f32, f32, f32)]| -> (Vec<String>, bool) {
        let mut cells: Vec<String> = Vec::new();
        let mut made = false;
        for (at, (cell, word, x0, _, _)) in row.iter().enumerate() {
            let new_cell = at
                .checked_sub(1)
                .and_then(|before| row.get(before))
                .is_none_or(|(before_cell, ..)| before_cell != cell);
            let split = !new_cell && shared(*x0);
            made |= split;
            match cells.last_mut() {
                Some(last) if !new_cell && !split => {
                    last.push(' ');
                    last.push_str(word);
                }
                _ => cells.push(word.clone()),
            }
        }
        (cells, made)
    };
    let ((headings, cut_above), (figures, cut_below)) = (cut(&above), cut(&below));
    (cut_above || cut_below).then(|| {
        let plain = |cells: Vec<String>| -> Vec<String> {
            cells
                .into_iter()
                .map(|cell| markup::plain(&cell).trim().to_owned())
                .filter(|cell| !cell.is_empty())
                .collect()
        };
        (plain(headings), plain(figures))
    })
}

/// The field of a heading that is one letter of the document's key (`G`
/// for `G = delivered`).
fn key_letter(heading: &str, key: &[MarkEntry]) -> Option<Field> {
    let heading = heading.trim();
    let mut chars = heading.chars();
    let letter = chars
        .next()
        .filter(|c| c.is_alphabetic() && chars.next().is_none())?;
    let entry = key.iter().find(|entry| entry.mark.chars().eq([letter]))?;
    Some(match entry.meaning {
        Meaning::Class(status) => Field::Status(status),
        Meaning::Outside(_) => Field::Outside,
    })
}

/// The fields of a totals table with one heading no vocabulary names
/// (`Closed`), when the table has a total and every other column counts a
/// status: the unnamed column is a state outside the classes only if the
/// figures add up to the total with it, so it cannot be a second total or a
/// share.
fn unnamed_states(fields: &[Option<Field>], numbers: &[u32]) -> Option<Vec<Field>> {
    if fields.iter().filter(|field| field.is_none()).count() != 1 {
        return None;
    }
    let total_at = fields
        .iter()
        .position(|field| *field == Some(Field::Total))?;
    let total = *numbers.get(total_at)?;
    let others: u32 = numbers
        .iter()
        .enumerate()
        .filter(|(at, _)| *at != total_at)
        .map(|(_, number)| number)
        .sum();
    (others == total).then(|| {
        fields
            .iter()
            .map(|field| field.unwrap_or(Field::Outside))
            .collect()
    })
}

/// A totals table with one row per status (`| Completed | 12 |`), from the
/// row at `index` on, its heading row (`| Status | Activities |`) before it
/// included. With the indices of its rows.
fn vertical_figures(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    // A row's share of the whole may follow its count (`Réalisées | 5 |
    // 45 %`, `Ensemble | 11 | 100 %`).
    // The count may come first (`| 6 | cumplidos |`, `| 13 | en total |`).
    let row = |at: usize| -> Option<(Field, u32)> {
        match filled_cells(text, at).as_slice() {
            [label, number] | [label, number, _]
                if cells(text, at).len() > 1
                    && filled_cells(text, at)
                        .get(2)
                        .is_none_or(|share| grammar::printed_share(share).is_some()) =>
            {
                match (number_token(label), number_token(number)) {
                    (None, Some(count)) => Some((label_field(label, vocabulary, key)?, count)),
                    (Some(count), None) if filled_cells(text, at).len() == 2 => {
                        Some((label_field(number, vocabulary, key)?, count))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    };
    // A row whose label names no status (`| Reformulada | 1 | 7 % |`, a
    // state the report never defines) counts only towards the whole.
    let unnamed = |at: usize| -> Option<u32> {
        match filled_cells(text, at).as_slice() {
            [label, number] | [label, number, _]
                if cells(text, at).len() > 1
                    && number_token(label).is_none()
                    && label.chars().any(char::is_alphabetic)
                    && filled_cells(text, at)
                        .get(2)
                        .is_none_or(|share| grammar::printed_share(share).is_some()) =>
            {
                number_token(number)
            }
            _ => None,
        }
    };
    let mut read = Vec::new();
    let mut fields = Vec::new();
    // Where the first unnamed row was read: the table stops there unless a
    // Total row after it is the sum of every other row.
    let mut first_unnamed: Option<(usize, usize)> = None;
    for at in index..text.lines.len() {
        if is_separator_row(text, at) {
            continue;
        }
        let Some(field) = row(at) else {
            // The heading row: the first of two or three cells, above the figures.
            if read.is_empty() && at == index && (2..=3).contains(&filled_cells(text, at).len()) {
                read.push(at);
                continue;
            }
            if let Some(count) = unnamed(at).filter(|_| !fields.is_empty()) {
                first_unnamed.get_or_insert((read.len(), fields.len()));
                read.push(at);
                fields.push((Field::Outside, count));
                continue;
            }
            break;
        };
        read.push(at);
        fields.push(field);
    }
    if let Some((read_at, field_at)) = first_unnamed {
        let whole = fields
            .iter()
            .rev()
            .find(|(field, _)| *field == Field::Total)
            .map(|(_, count)| *count);
        let parts: u32 = fields
            .iter()
            .filter(|(field, _)| *field != Field::Total)
            .map(|(_, count)| *count)
            .sum();
        let ends_with_whole = fields
            .last()
            .is_some_and(|(field, _)| *field == Field::Total);
        if whole != Some(parts) || !ends_with_whole {
            read.truncate(read_at);
            fields.truncate(field_at);
        }
    }
    let figures = figures_of(fields)?;
    Some((figures, read))
}

/// A summary table with one row per axis and a Total row (`| Axis | ✓ | ◐
/// | ✗ | Total |` … `| Total | 3 | 2 | 2 | 7 |`): the headings after the
/// first (what the rows are) each a status, a state outside the classes or
/// a total label, and the figures those of the row labelled with a total
/// label, read down the table from line `index`. With the indices of the
/// lines read.
fn total_row_figures(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    let headings = filled_cells(text, index);
    let (first, rest) = headings.split_first()?;
    if rest.len() < 2 || label_field(first, vocabulary, key).is_some() {
        return None;
    }
    let fields: Vec<Field> = rest
        .iter()
        .map(|heading| label_field(heading, vocabulary, key))
        .collect::<Option<_>>()?;
    for at in index + 1..text.lines.len() {
        if is_separator_row(text, at) {
            continue;
        }
        let row = filled_cells(text, at);
        let (label, figures) = row.split_first()?;
        // Rows of a table only: one figure per heading after the label.
        if figures.len() != fields.len() {
            return None;
        }
        // `Total`, or a word of the whole and what the rows are (`All
        // programmes`).
        if label_field(label, vocabulary, key) == Some(Field::Total) {
            let numbers: Vec<u32> = figures
                .iter()
                .map(|cell| number_token(cell))
                .collect::<Option<_>>()?;
            let figures = figures_of(fields.iter().copied().zip(numbers))?;
            return Some((figures, (index..=at).collect()));
        }
    }
    None
}

/// A totals table turned on its side (`| Situación | Eje A | Eje B | Total
/// |` over `| Cumplidas | 2 | 3 | 5 |` … `| Total | 4 | 5 | 9 |`): one row
/// per status (or total) and one column per part, the last column each
/// row's whole, which must be the sum of the parts on every row (that is
/// what tells it from a table of other figures). Read down from line
/// `index`; with the indices of the lines read.
fn transposed_figures(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    let headings = filled_cells(text, index);
    let first = headings.first()?;
    if headings.len() < 4 || label_field(first, vocabulary, key).is_some() {
        return None;
    }
    let mut read = vec![index];
    let mut fields = Vec::new();
    for at in index + 1..text.lines.len() {
        if is_separator_row(text, at) {
            continue;
        }
        let row = filled_cells(text, at);
        let Some((label, cells)) = row.split_first().filter(|_| row.len() == headings.len()) else {
            break;
        };
        let Some(field) = label_field(label, vocabulary, key) else {
            break;
        };
        let numbers: Vec<u32> = cells
            .iter()
            .map(|cell| number_token(cell))
            .collect::<Option<_>>()?;
        let (whole, parts) = numbers.split_last()?;
        if parts.iter().sum::<u32>() != *whole {
            return None;
        }
        read.push(at);
        fields.push((field, *whole));
    }
    let figures = figures_of(fields)?;
    Some((figures, read))
}

/// `Done 5 (45 %)`, `Achieved: 3 (33 %)`, `Finalizado — 4 (44 %)`: one line
/// per status with its count and perhaps its share, as the legend of a
/// chart is printed, from line `index` on; a line before them ending in a
/// colon with one number (`Status of the 11 actions:`) gives the total, and
/// so does a caption with the whole counted (`Proyectos según su estado (n
/// = 15)`), over which a pie chart's legend may give shares only (`■
/// Finalizado 40 %`). With the indices of the lines read.
fn legend_lines_figures(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<(Vec<Figure>, Vec<usize>)> {
    static ENTRY: Narrowed = Narrowed::literal(
        r"^(?:[-•*·–■▪●]\s+)?(?P<label>[^0-9]*?\p{L})\s*[:=—–-]?\s*(?P<n>[0-9]{1,5})\s*(?:\(\s*[0-9]{1,3}(?:[.,][0-9]+)?\s*%\s*\))?\s*[.;,]?$",
    );
    // `■ Finalizado 40 %`: a pie chart's legend gives shares only.
    static SHARE_ENTRY: Narrowed = Narrowed::literal(
        r"^(?:[-•*·–■▪●]\s+)?(?P<label>[^0-9]*?\p{L})\s*[:=—–-]?\s*(?P<share>[0-9]{1,3})\s*%\s*[.;,]?$",
    );
    // `(n = 15)`: the whole a chart's caption counts.
    static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(\s*[nN]\s*=\s*(?P<n>[0-9]{1,5})\s*\)")
            .expect("WHOLE is a valid literal pattern")
    });
    // The line's text; a list's bullet or a share may stand in a cell of
    // its own (`•` drawn apart, `(45 %)` after a gap).
    let single = |at: usize| -> Option<String> {
        let cells: Vec<String> = filled_cells(text, at)
            .into_iter()
            .filter(|cell| cell.chars().any(char::is_alphanumeric))
            .collect();
        (!cells.is_empty()).then(|| cells.join(" "))
    };
    let entry = |line: &str| -> Option<(Field, u32)> {
        let caps = ENTRY.captures(line.trim())?;
        let field = label_field(caps.name("label")?.as_str().trim(), vocabulary, key)?;
        Some((field, caps.name("n")?.as_str().parse().ok()?))
    };
    let mut read = Vec::new();
    let mut fields = Vec::new();
    let lead = single(index)?;
    let mut whole = None;
    if entry(&lead).is_none() {
        let numbers: Vec<u32> = lead.split_whitespace().filter_map(number_token).collect();
        let sample = WHOLE
            .captures(&lead)
            .and_then(|caps| caps.name("n")?.as_str().parse::<u32>().ok());
        let total = match (numbers.as_slice(), sample) {
            (_, Some(total)) => total,
            ([total], None) if lead.trim_end().ends_with(':') => *total,
            _ => return None,
        };
        whole = Some(total);
        fields.push((Field::Total, total));
        read.push(index);
    }
    // Shares are counts only of a whole the caption gives, each share
    // rounding from one count alone, the counts adding up to the whole.
    let share_entry = |line: &str| -> Option<(Field, u32)> {
        let total = whole.filter(|&total| total > 0)?;
        let caps = SHARE_ENTRY.captures(line.trim())?;
        let field = label_field(caps.name("label")?.as_str().trim(), vocabulary, key)?;
        let share = caps.name("share")?.as_str().parse().ok()?;
        Some((field, count_of_share(share, total)?))
    };
    let mut shared = false;
    for at in index + read.len()..text.lines.len() {
        if text
            .lines
            .get(at)
            .is_some_and(|line| line.text.trim().is_empty())
        {
            // A PDF's list items may stand a blank line apart.
            continue;
        }
        let line = single(at);
        let found = line.as_deref().and_then(entry).or_else(|| {
            let found = line.as_deref().and_then(share_entry);
            shared |= found.is_some();
            found
        });
        let Some(found) = found else {
            break;
        };
        read.push(at);
        fields.push(found);
    }
    if shared {
        let parts: u32 = fields
            .iter()
            .filter(|(field, _)| *field != Field::Total)
            .map(|(_, count)| count)
            .sum();
        if Some(parts) != whole {
            return None;
        }
    }
    let figures = figures_of(fields)?;
    Some((figures, read))
}

/// A totals table whose columns were read as one cell each, heading and
/// figure together: `Total 4<TAB>Achieved 3<TAB>Not achieved 1`.
fn labelled_cells(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
    key: &[MarkEntry],
) -> Option<Vec<Figure>> {
    let cells = filled_cells(text, index);
    let (lead, cells) = match cells.as_slice() {
        [line] => labelled_segments(line)?,
        _ => (None, cells),
    };
    if cells.len() < 2 {
        return None;
    }
    let fields: Vec<(Field, u32)> = lead
        .into_iter()
        .map(Some)
        .chain(cells.iter().map(|cell| {
            let cell = cell.trim().trim_end_matches(['.', ',']);
            let (label, number) = cell.rsplit_once(' ')?;
            // `C 5 · E 6`: in a line of counts, a lone letter is the key's.
            let field = label_field(label, vocabulary, key).or_else(|| key_letter(label, key))?;
            Some((field, number_token(number)?))
        }))
        .collect::<Option<_>>()?;
    figures_of(fields)
}

/// A field and its figure.
type Labelled = (Field, u32);

/// `Ej. 5 · En c. 4 · N/I 2 · Total 12`, `10 fiches suivies : Réal. 4 ;
/// En c. 3 ; N.D. 2`: one line of labelled figures set apart by a
/// separator, perhaps after a lead that counts the whole (one number, then
/// what is counted, before a colon) or only names what is counted
/// (`Actividades por estado: C 5 · E 6`). The lead's total and the
/// segments.
fn labelled_segments(line: &str) -> Option<(Option<Labelled>, Vec<String>)> {
    let (lead, rest) = match line.split_once(" : ").or_else(|| line.split_once(": ")) {
        Some((lead, rest)) => {
            let words: Vec<&str> = lead.split_whitespace().collect();
            let named = |words: &[&str]| {
                words
                    .iter()
                    .all(|word| word.chars().all(char::is_alphabetic))
            };
            match words.split_first() {
                Some((first, counted)) if number_token(first).is_some() => {
                    let total = number_token(first)?;
                    (Some(named(counted).then_some((Field::Total, total))?), rest)
                }
                Some(_) if words.len() <= MAX_LEAD_WORDS && named(&words) => (None, rest),
                _ => return None,
            }
        }
        None => (None, line),
    };
    let segments: Vec<String> = rest
        .split(['·', ';', '•', '|'])
        .map(|segment| segment.trim().to_owned())
        .filter(|segment| !segment.is_empty())
        .collect();
    Some((lead, segments))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::Text;

    fn counts(text: &str) -> Option<TotalsCounts> {
        let all = Lexicons::all();
        read_totals_shapes(
            &Text::from_plain(text),
            Vocabulary::new(None, &all),
            &[],
            &[],
        )
        .counts
    }

    /// The counts read from `text` in `language` under a document key of
    /// `(label, status)` entries.
    fn counts_with_key(text: &str, language: &str, key: &[(&str, Status)]) -> Option<TotalsCounts> {
        let key: Vec<MarkEntry> = key
            .iter()
            .map(|&(mark, status)| MarkEntry {
                mark: mark.to_owned(),
                meaning: Meaning::Class(status),
                label: String::new(),
            })
            .collect();
        read_totals_shapes(
            &Text::from_plain(text),
            Vocabulary::new(None, &Lexicons::for_codes([language])),
            &key,
            &[],
        )
        .counts
    }

    /// A fraction per state (`Complete 6/12`), a sum of counts (`6 … + 3 …
    /// = 11 …`) and a whole after the parts (`…, de un total de 10.`, `…:
    /// 12 measures in all.`); a day of the month is no count, and
    /// fractions of different wholes are no totals.
    /// A whole given first, then its parts: after an equals sign that a sum
    /// follows (`15 actuaciones = 6 terminadas + …`), or after a word of
    /// sum and a colon (`Fifteen projects in all: six complete, …`).
    #[test]
    fn a_whole_before_an_equals_sign_or_a_summed_colon_is_the_total() {
        assert_eq!(
            counts("15 actuaciones = 6 terminadas + 5 en marcha + 3 por empezar + 1 en pausa.\n"),
            declared(Some(15), 6, 5, 3)
        );
        assert_eq!(
            counts("Fifteen projects in all: six complete, five ongoing, three not started and one paused.\n"),
            declared(Some(15), 6, 5, 3)
        );
    }

    /// A total word heading a line of status labels and colons is no label
    /// of the first count: `complete: 5` counts the achieved.
    #[test]
    fn a_total_word_before_a_status_label_heads_the_line() {
        assert_eq!(
            counts("Totals — complete: 5; in progress: 3; not started: 2.\n"),
            declared(None, 5, 3, 2)
        );
        assert_eq!(
            counts("In total 10 actions: 5 complete, 3 in progress, 2 not started.\n"),
            declared(Some(10), 5, 3, 2)
        );
    }

    /// A share in brackets after a count (`5 (38 %) have been delivered`)
    /// and counts in brackets that break down the count before them (`6
    /// are under way (3 well advanced, 3 started)`) are asides: the counts
    /// are read, the breakdown is no second declaration. Counts in brackets
    /// right after a whole are its statuses, as before.
    #[test]
    fn shares_and_breakdowns_in_brackets_are_asides() {
        assert_eq!(
            counts(
                "Of the 13 deliverables due so far, 5 (38 %) have been delivered, 5 (38 %) are in progress \
                 and 3 (23 %) have not started.\n"
            ),
            declared(Some(13), 5, 5, 3)
        );
        assert_eq!(
            counts(
                "In summary, of our 15 commitments, 6 are complete, 6 are under way (3 well advanced, \
                 3 started) and 3 have not started.\n"
            ),
            declared(Some(15), 6, 6, 3)
        );
        assert_eq!(
            without_asides("6 (4 done and 2 started)"),
            "6 (4 done and 2 started)"
        );
        assert_eq!(
            without_asides("6 done (3 early, 2 late)"),
            "6 done (3 early, 2 late)"
        );
    }

    /// A caption counting the whole before the colon that opens the
    /// parts, its own number aside (`Figure 2 – The 12 actions by status:
    /// …`); a count before the colon that the parts outnumber is no whole.
    #[test]
    fn a_caption_counts_the_whole_before_the_colon_of_its_parts() {
        assert_eq!(
            counts(
                "Figure 2 – The 12 actions by status: 5 completed, 4 in progress, 3 not started.\n"
            ),
            declared(Some(12), 5, 4, 3)
        );
        assert_eq!(
            counts("Gráfico 1. Los 11 proyectos según su estado: 5 terminados, 4 en curso, 2 sin iniciar.\n"),
            declared(Some(11), 5, 4, 2)
        );
        assert_eq!(
            counts(
                "Tableau 3 – les 10 mesures du plan : 4 réalisées, 3 en cours, 2 non engagées.\n"
            ),
            declared(Some(10), 4, 3, 2)
        );
        assert_eq!(
            counts("Les 3 axes du plan : 4 réalisées, 3 en cours, 2 non engagées.\n"),
            declared(None, 4, 3, 2)
        );
    }

    /// A pie chart's legend: a caption counting the whole (`n = 15`) over
    /// lines of shares, each the share of one count only, adding up.
    #[test]
    fn a_pie_chart_legend_of_shares_under_a_counted_caption() {
        assert_eq!(
            counts(
                "Gráfico 1. Proyectos según su estado (n = 15)\n■ Finalizado 40 %\n■ En curso 33 %\n\
                 ■ Sin comenzar 20 %\n■ Reprogramado 7 %\n"
            ),
            declared(Some(15), 6, 5, 3)
        );
        // Shares that no counts of the whole add up to are no totals.
        assert_eq!(
            counts("Estado de los proyectos (n = 15)\n■ Finalizado 60 %\n■ En curso 33 %\n■ Sin comenzar 20 %\n"),
            None
        );
    }

    #[test]
    fn fractions_sums_wholes_last_and_days_of_the_month() {
        assert_eq!(
            counts("Complete 6/12 · Commenced 4/12 · Not commenced 1/12 · Withdrawn 1/12\n"),
            declared(Some(12), 6, 4, 1)
        );
        assert_eq!(counts("Complete 6/12 · Commenced 4/11\n"), None);
        assert_eq!(
            counts("6 cumplidos + 3 en proceso + 2 no cumplidos = 11 indicadores.\n"),
            declared(Some(11), 6, 3, 2)
        );
        assert_eq!(
            counts(
                "Balance a 31 de diciembre: 5 productos logrados, 2 en curso y 1 sin iniciar, \
                 de un total de 10.\n"
            ),
            declared(Some(10), 5, 2, 1)
        );
        assert_eq!(
            counts("Finished 6, ongoing 3, yet to begin 2, merged 1: 12 measures in all.\n"),
            declared(Some(12), 6, 3, 2)
        );
        let dated = counts("Au 31 décembre : 5 actions réalisées, 2 en cours.\n");
        assert_ne!(dated.and_then(|counts| counts.total), Some(31));
        assert_eq!(
            counts("Al 31 de diciembre: 5 logrados, 2 en curso y 1 sin iniciar.\n")
                .and_then(|counts| counts.achieved),
            Some(5)
        );
    }

    /// A key of numeric marks (`1 = achieved`) counts nothing; totals per
    /// part and then for the whole declare the whole, in any order.
    #[test]
    fn numeric_keys_and_totals_per_part() {
        assert_eq!(
            counts("Estado: 1 = cumplida; 2 = en curso; 3 = sin iniciar.\n"),
            None
        );
        assert_eq!(
            counts(
                "Overall, 9 projects: 4 completed, 3 in progress and 2 not started.\n\
                 North: 5 projects, 3 completed, 1 in progress and 1 not started.\n\
                 South: 4 projects, 1 completed, 2 in progress and 1 not started.\n"
            ),
            declared(Some(9), 4, 3, 2)
        );
    }

    /// A totals sentence that runs on to the next line is read whole; a
    /// sentence that ends with its line is read alone. A label and a colon
    /// before a counted noun and a comma give the whole.
    #[test]
    fn a_totals_sentence_over_two_lines() {
        assert_eq!(
            counts(
                "Of the 12 deliverables due this year, 5 are complete, 4 are\n\
                 in progress and 3 have not started.\n"
            ),
            declared(Some(12), 5, 4, 3)
        );
        assert_eq!(
            counts(
                "De los 11 programas, 5 fueron ejecutados, 3 siguen en ejecución,\n\
                 2 quedan sin ejecutar y 1 se reprogramó.\n"
            ),
            declared(Some(11), 5, 3, 2)
        );
        assert_eq!(
            counts(
                "Overall: 12 objectives, 6 delivered, 3 under way, 2 not begun and 1 deferred.\n"
            ),
            declared(Some(12), 6, 3, 2)
        );
        assert_eq!(
            counts("Overall: 3 complete, 2 in progress, 1 not started.\n"),
            Some(TotalsCounts {
                total: None,
                achieved: Some(3),
                in_progress: Some(2),
                not_developed: Some(1),
            })
        );
        assert_eq!(
            counts("Of the 9 actions, 5 are complete.\n4 rooms were painted.\n"),
            Some(TotalsCounts {
                total: Some(9),
                achieved: Some(5),
                in_progress: None,
                not_developed: None,
            })
        );
    }

    /// A totals table may label its rows with the key's letters.
    #[test]
    fn rows_labelled_with_the_keys_letters() {
        use Status::{Achieved, InProgress, NotDeveloped};
        let key = [("EJ", Achieved), ("EP", InProgress), ("NE", NotDeveloped)];
        assert_eq!(
            counts_with_key(
                "Situación\tAcciones\nEJ\t5\nEP\t3\nNE\t2\nTotal\t10\n",
                "es",
                &key
            ),
            declared(Some(10), 5, 3, 2)
        );
        // A lone letter is no label of the key's.
        let key = [("R", Achieved), ("P", InProgress), ("N", NotDeveloped)];
        assert_eq!(
            counts_with_key("Fila\tAcciones\nR\t5\nP\t3\nN\t2\n", "es", &key),
            None
        );
    }

    /// One report on two plans, each closed by its own totals under its
    /// name: the document's totals are their sums.
    #[test]
    fn two_plans_in_one_report_are_summed() {
        let plans = "PC-01 | Réseau de chaleur | Réalisée\n\
             Bilan du plan climat : 7 actions, dont 3 réalisées, 2 en cours et 1 non démarrée.\n\n\
             Mesure 1.1 : Voie verte (en cours)\n\
             Bilan du plan vélo : 6 mesures, dont 4 réalisées, 1 en cours et 1 à engager.\n";
        assert_eq!(counts(plans), declared(Some(13), 7, 3, 2));
        // Said twice before the items, or under one name, they are not summed.
        let before =
            "Bilan du plan climat : 7 actions, dont 3 réalisées, 2 en cours et 1 non démarrée.\n\
             Bilan du plan vélo : 6 mesures, dont 4 réalisées, 1 en cours et 1 à engager.\n\
             PC-01 | Réseau de chaleur | Réalisée\n";
        assert_ne!(counts(before), declared(Some(13), 7, 3, 2));
        let same = "PC-01 | Réseau de chaleur | Réalisée\n\
             Bilan : 7 actions, dont 3 réalisées, 2 en cours et 1 non démarrée.\n\
             Mesure 1.1 : Voie verte (en cours)\n\
             Bilan : 6 mesures, dont 4 réalisées, 1 en cours et 1 à engager.\n";
        assert_ne!(counts(same), declared(Some(13), 7, 3, 2));
    }

    /// A table with one row per state may give each count's share after
    /// it, and its whole a row of its own.
    #[test]
    fn a_table_of_states_with_their_shares() {
        assert_eq!(
            counts_with_key(
                "État\tActions\tPart\n\
                 Réalisées\t5\t45 %\n\
                 En cours\t3\t27 %\n\
                 Non engagées\t2\t18 %\n\
                 Ensemble\t10\t100 %\n",
                "fr",
                &[]
            ),
            declared(Some(10), 5, 3, 2)
        );
    }

    fn declared(total: Option<u32>, a: u32, i: u32, n: u32) -> Option<TotalsCounts> {
        Some(TotalsCounts {
            total,
            achieved: Some(a),
            in_progress: Some(i),
            not_developed: Some(n),
        })
    }

    /// A totals table on its side, one row per status and one column per
    /// axis, the last column the whole of each row: the wholes are the
    /// counts (a state outside the classes left out); a last column that
    /// is not the sum of the others is no such table.
    #[test]
    fn a_totals_table_with_statuses_as_rows_and_parts_as_columns() {
        assert_eq!(
            counts(
                "Situación\tEje A\tEje B\tEje C\tTotal\n\
                 Cumplidas\t2\t2\t1\t5\n\
                 En curso\t1\t2\t1\t4\n\
                 Sin iniciar\t1\t1\t1\t3\n\
                 Suspendidas\t0\t1\t0\t1\n\
                 Total\t4\t6\t3\t13\n"
            ),
            declared(Some(13), 5, 4, 3)
        );
        assert_eq!(
            counts(
                "Status\tStrand 1\tStrand 2\tAll strands\n\
                 Accomplished\t2\t1\t3\n\
                 Continuing\t1\t1\t2\n"
            ),
            declared(None, 3, 2, 0).map(|counts| TotalsCounts {
                not_developed: None,
                ..counts
            })
        );
        assert_eq!(
            counts(
                "Situación\tEje A\tEje B\tMeta\n\
                 Cumplidas\t2\t2\t6\n\
                 En curso\t1\t2\t5\n"
            ),
            None
        );
    }

    #[test]
    fn a_whole_after_its_parts_or_before_a_partitive() {
        assert_eq!(
            counts("Bilan : 4 fiches réalisées, 2 en cours et 1 non démarrée, soit 7 fiches."),
            declared(Some(7), 4, 2, 1)
        );
        assert_eq!(
            counts("Tally: 3 completed, 2 in progress and 1 not started, in all 6 tasks."),
            declared(Some(6), 3, 2, 1)
        );
        assert_eq!(
            counts(
                "Point d'étape : 8 fiches ouvertes dont 5 réalisées, 2 en cours et 1 non démarrée."
            ),
            declared(Some(8), 5, 2, 1)
        );
        assert_eq!(
            counts("Synthèse : 7 fiches ; réalisées 4 ; en cours 2 ; non démarrées 1."),
            declared(Some(7), 4, 2, 1)
        );
    }

    #[test]
    fn a_whole_after_the_first_count_and_its_phrase() {
        assert_eq!(
            counts("Summary: 6 outputs completed out of 11, 3 ongoing and 2 not started."),
            declared(Some(11), 6, 3, 2)
        );
        assert_eq!(
            counts("Balance: 4 metas cumplidas de 10; 5 en ejecución y 1 sin iniciar."),
            declared(Some(10), 4, 5, 1)
        );
        assert_eq!(
            counts("7 of 12 measures completed, 3 in progress, 2 not started."),
            declared(Some(12), 7, 3, 2)
        );
        assert_eq!(
            counts("Synthèse : 8 objectifs atteints sur 14, 4 en cours, 2 non engagés."),
            declared(Some(14), 8, 4, 2)
        );
    }

    #[test]
    fn a_part_whose_whole_follows_its_count_is_no_document_total() {
        // Each part's line is summed with the others, not taken alone.
        let text = "Axe 5 – Eau\nAxe 5 : 3 actions réalisées sur 6, 2 en cours, 1 non démarrée\nAxe 6 – Routes\nAxe 6 : 2 actions réalisées sur 4, 1 en cours, 1 non démarrée\n";
        assert_eq!(counts(text), declared(Some(10), 5, 3, 2));
    }

    #[test]
    fn a_count_whose_bracket_of_counts_adds_up_to_it() {
        assert_eq!(
            counts("Outputs reviewed this quarter: 7 (5 completed and 2 in progress)."),
            Some(TotalsCounts {
                total: Some(7),
                achieved: Some(5),
                in_progress: Some(2),
                not_developed: None,
            })
        );
        assert_eq!(
            counts("Objectifs suivis : 9 (4 réalisés, 3 en cours, 2 non démarrés)"),
            declared(Some(9), 4, 3, 2)
        );
        // Counts that do not add up to it leave the whole unread.
        assert_eq!(
            counts("Metas revisadas: 8 (3 cumplidas y 2 en ejecución)"),
            Some(TotalsCounts {
                total: None,
                achieved: Some(3),
                in_progress: Some(2),
                not_developed: None,
            })
        );
    }

    #[test]
    fn a_count_out_of_a_total() {
        let only = |total: u32, a: u32, n: u32| {
            Some(TotalsCounts {
                total: Some(total),
                achieved: Some(a),
                in_progress: None,
                not_developed: Some(n),
            })
        };
        assert_eq!(
            counts("Outputs achieved: 6 out of 10; not achieved: 4."),
            only(10, 6, 4)
        );
        assert_eq!(
            counts("Metas cumplidas: 7 de 12 (58 %); no cumplidas: 5."),
            only(12, 7, 5)
        );
        // The longest label: `non atteints` is not `atteints`.
        assert_eq!(
            counts("Objectifs atteints : 3 sur 5 ; non atteints : 2."),
            only(5, 3, 2)
        );
        assert_eq!(
            counts("5 of the 8 outputs were achieved, 2 are ongoing and 1 has not started."),
            declared(Some(8), 5, 2, 1)
        );
    }

    /// `5 / 8`: a slash links a count to its total in any language.
    #[test]
    fn a_count_over_a_total_with_a_slash() {
        assert_eq!(
            counts("Metas cumplidas: 6 / 8; en curso: 1 / 8; pendientes: 1 / 8."),
            declared(Some(8), 6, 1, 1)
        );
    }

    /// A chart's legend printed one status per line, with or without a
    /// share, under a line giving the count.
    #[test]
    fn chart_legend_lines() {
        assert_eq!(
            counts("Projects by status (12):\n\nCompleted – 6 (50 %)\nOngoing – 4 (33 %)\nNot started – 2 (17 %)\n"),
            declared(Some(12), 6, 4, 2)
        );
        assert_eq!(
            counts("- Réalisées : 7\n- En cours : 2\n- Non démarrées : 1\n"),
            declared(None, 7, 2, 1)
        );
        // One line alone is no legend, and a lead line with two numbers is no total.
        assert_eq!(counts("Completed 6 (50 %)\n"), None);
        assert_eq!(
            counts("Between 2022 and 2024 (3 years):\nCumplidas 4\nEn curso 2\nPendientes 1\n"),
            declared(None, 4, 2, 1)
        );
    }

    /// A summary table per axis: the figures are the Total row's.
    #[test]
    fn a_summary_table_with_a_total_row() {
        assert_eq!(
            counts("Pilier\tAtteints\tEn cours\tNon atteints\tTotal\nP1\t2\t1\t0\t3\nP2\t1\t1\t2\t4\nTotal\t3\t2\t2\t7\n"),
            declared(Some(7), 3, 2, 2)
        );
        // No Total row: nothing declared.
        assert_eq!(
            counts("Pilier\tAtteints\tEn cours\tNon atteints\nP1\t2\t1\t0\nP2\t1\t1\t2\n"),
            None
        );
    }

    /// A line of the key's letters, each with its count, perhaps after a
    /// lead that only names what is counted (`Actividades por estado: C 5 ·
    /// E 6 · P 3 · total 14`); without the key, lone letters count nothing.
    #[test]
    fn the_keys_letters_with_their_counts() {
        use Status::{Achieved, InProgress, NotDeveloped};
        for (text, language, key) in [
            (
                "Actividades por estado: C 5 · E 6 · P 3 · total 14",
                "es",
                [("C", Achieved), ("E", InProgress), ("P", NotDeveloped)],
            ),
            (
                "D 5 · O 6 · N 3 · total 14",
                "en",
                [("D", Achieved), ("O", InProgress), ("N", NotDeveloped)],
            ),
            (
                "Actions par état : R 5 ; E 6 ; N 3 ; total 14",
                "fr",
                [("R", Achieved), ("E", InProgress), ("N", NotDeveloped)],
            ),
        ] {
            assert_eq!(
                counts_with_key(text, language, &key),
                declared(Some(14), 5, 6, 3),
                "{text}"
            );
        }
        assert_eq!(
            counts("Actividades por estado: C 5 · E 6 · P 3 · total 14"),
            None
        );
    }

    /// `Tablero: 9 tareas — …`: a count and its noun before a dash is the total.
    #[test]
    fn a_total_before_a_dash() {
        assert_eq!(
            counts("Tablero: 9 tareas — cumplidas 4 · en curso 3 · pendientes 2."),
            declared(Some(9), 4, 3, 2)
        );
    }

    #[test]
    fn labels_before_their_counts() {
        for text in [
            "Actividades: 9 — Cumplidas 5 · En proceso 3 · Pendientes 1 · Anuladas 2",
            "Completed 5 | In progress 3 | Not started 1 | Cancelled 2",
        ] {
            let got = counts(text).expect("totals are read");
            assert_eq!(
                (got.achieved, got.in_progress, got.not_developed),
                (Some(5), Some(3), Some(1)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_count_a_partial_word_qualifies_is_no_status_count() {
        // Before the status phrase too: partly done is achieved or in
        // progress, no class.
        assert_eq!(
            counts(
                "De las 9 metas, 5 se cumplieron, 3 se cumplieron parcialmente y 1 no se cumplió."
            ),
            counts("De las 9 metas, 5 se cumplieron y 1 no se cumplió.")
        );
        assert_eq!(
            counts("Sur 6 actions, 3 sont réalisées, 2 partiellement réalisées, 1 non réalisée.")
                .and_then(|counts| counts.in_progress),
            None
        );
        // A partial label before a colon, even first.
        assert_eq!(
            counts("Not done: 1; partly done: 2; done: 4 of 7."),
            Some(TotalsCounts {
                total: Some(7),
                achieved: Some(4),
                in_progress: None,
                not_developed: Some(1),
            })
        );
        // A state outside the classes right after the phrase takes it back
        // too: completed late is delayed, counted in no class.
        let all = Lexicons::all();
        let figures = sentence_figures(
            "De las 11 acciones, 5 están completadas y 2 se completaron con retraso.",
            Vocabulary::new(None, &all),
            &[],
        );
        let achieved: Vec<u32> = figures
            .iter()
            .flatten()
            .filter(|(status, _)| *status == Some(Status::Achieved))
            .map(|&(_, number)| number)
            .collect();
        assert_eq!(achieved, [5]);
        assert_eq!(
            counts(
                "Of the 7 actions, 4 were completed, 2 are in progress, 1 was completed partially."
            ),
            Some(TotalsCounts {
                total: Some(7),
                achieved: Some(4),
                in_progress: Some(2),
                not_developed: None,
            })
        );
    }

    #[test]
    fn a_totals_table_with_a_row_label_and_an_unnamed_state() {
        let want = declared(Some(8), 4, 2, 1);
        assert_eq!(
            counts("\tDone\tOngoing\tNot started\tTotal\nActions\t4\t2\t1\t7\n"),
            declared(Some(7), 4, 2, 1)
        );
        // `Closed` is no status word: a state outside the classes, because
        // the figures add up to the total with it.
        assert_eq!(
            counts("| | Done | Ongoing | Not started | Closed | Total |\n|---|---|---|---|---|---|\n| Projects | 4 | 2 | 1 | 1 | 8 |\n"),
            want
        );
        // When they do not, the column may be anything: no totals.
        assert_eq!(
            counts("| Done | Ongoing | Not started | Budget | Total |\n|---|---|---|---|---|\n| 4 | 2 | 1 | 12 | 8 |\n"),
            None
        );
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
    fn a_total_word_before_the_first_number() {
        for text in [
            "In total 24 activities were planned: 15 have been completed, 7 are ongoing and 2 have not yet started.",
            "En total se programaron 24 actividades: 15 finalizadas, 7 en marcha y 2 sin iniciar.",
            "Au total, 24 activités étaient prévues : 15 achevées, 7 en cours et 2 non commencées.",
        ] {
            assert_eq!(counts(text), declared(Some(24), 15, 7, 2), "{text}");
        }
        assert_eq!(counts("In total 24 cities joined the network."), None);
        assert_eq!(
            counts("Of the 24 targets, 15 (62%) were achieved, 7 are on track and 2 were not achieved."),
            declared(Some(24), 15, 7, 2)
        );
        assert_eq!(
            counts("Summary: 24 activities in total; 15 completed, 7 in progress, 2 not started."),
            declared(Some(24), 15, 7, 2)
        );
        assert_eq!(
            counts("Se previeron 24 actividades: 15 cumplidas, 7 en ejecución y 2 pendientes."),
            declared(Some(24), 15, 7, 2)
        );
        assert_eq!(
            counts("Nous avions prévu 24 actions : 15 réalisées, 7 en cours, 2 non démarrées."),
            declared(Some(24), 15, 7, 2)
        );
    }

    #[test]
    fn counts_after_a_spaced_colon_a_semicolon_or_before_a_bracketed_total() {
        assert_eq!(
            counts("Réalisées : 15 / En cours : 7 / Non démarrées : 2 / Reportées : 1 (25 tâches)"),
            declared(Some(25), 15, 7, 2)
        );
        assert_eq!(
            counts("Resumen: 24 actividades; 15 cumplidas, 7 en ejecución, 2 sin iniciar."),
            declared(Some(24), 15, 7, 2)
        );
        // A bracketed count inside the line is no total.
        assert_eq!(
            counts("Completed: 15 / In progress: 7 (3 delayed) / Not started: 2"),
            declared(None, 15, 7, 2)
        );
    }

    #[test]
    fn a_dash_between_a_count_and_its_phrase() {
        assert_eq!(
            counts("Of the 7 tasks: 4 - done, 2 - under way, 1 - not started."),
            declared(Some(7), 4, 2, 1)
        );
        assert_eq!(
            counts("Sur 5 fiches : 3 – réalisées ; 2 – en cours"),
            Some(TotalsCounts {
                total: Some(5),
                achieved: Some(3),
                in_progress: Some(2),
                not_developed: None,
            })
        );
        // The phrase after the dash labels the next number.
        assert_eq!(
            counts("Total de acciones: 9 — Cumplidas 5 — En ejecución 3 — Sin iniciar 1"),
            declared(Some(9), 5, 3, 1)
        );
    }

    #[test]
    fn a_caption_in_the_corner_of_a_totals_table() {
        assert_eq!(
            counts(
                "Resultado 2023\tCumplidas\tEn proceso\tSin iniciar\tTotal\nMetas\t6\t2\t1\t9\n"
            ),
            declared(Some(9), 6, 2, 1)
        );
        // Figures under the caption are no row label.
        assert_eq!(
            counts("Year 2023\tCompleted\tIn progress\n2023\t4\t2\n"),
            None
        );
    }

    #[test]
    fn amounts_are_no_counts() {
        for text in [
            "Budget : 300 000 € engagés et 120 000 € réalisés.",
            "Presupuesto: 45 millones ejecutados y 12 millones en ejecución.",
            "Spend: $1,200 completed, €300 in progress.",
            "Funds: 400 euros achieved, 250 euros in progress.",
        ] {
            assert_eq!(counts(text), None, "{text}");
        }
        // Beside the counts, an amount changes nothing.
        assert_eq!(
            counts(
                "Of the 6 actions, 4 are completed and 2 are in progress; 2 500 000 € committed."
            ),
            counts("Of the 6 actions, 4 are completed and 2 are in progress.")
        );
    }

    #[test]
    fn counts_of_symbols_a_key_defines() {
        use Status::{Achieved, InProgress, NotDeveloped};
        let key = [("●", Achieved), ("◑", InProgress), ("○", NotDeveloped)];
        assert_eq!(
            counts_with_key("Sur 12 actions : 7 ●, 3 ◑ et 2 ○.", "fr", &key),
            declared(Some(12), 7, 3, 2)
        );
        assert_eq!(
            counts_with_key("Se revisaron 6 metas evaluadas: 3 ●; 2 ◑; 1 ○", "es", &key),
            declared(Some(6), 3, 2, 1)
        );
        // A symbol the key does not define counts nothing.
        assert_eq!(counts_with_key("9 tasks: 4 ★, 5 ☆", "en", &key), None);
    }

    #[test]
    fn counts_of_colour_words_a_key_defines() {
        let text = "Rating key: Green – completed; Amber – in progress; Red – not started.\nOverall: 15 green, 7 amber and 2 red out of 24 steps.";
        let text = Text::from_plain(text);
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        let key = super::super::items::read_mark_legend(&text, vocabulary).entries;
        assert_eq!(key.len(), 3, "{key:?}");
        assert_eq!(
            read_totals_shapes(&text, vocabulary, &key, &[]).counts,
            declared(Some(24), 15, 7, 2)
        );
        // A one-letter mark is no word of a count (`2 R` is not `2 red`).
        let text = Text::from_plain(
            "R = realizada · P = en proceso · N = no iniciada\nSe revisaron 3 r y 2 p.",
        );
        let key = super::super::items::read_mark_legend(&text, vocabulary).entries;
        assert_eq!(
            read_totals_shapes(&text, vocabulary, &key, &[]).counts,
            None
        );
    }

    /// The totals read under the document's own key, its table's rows
    /// passed as the key's rows.
    fn counts_under_key(text: &str, language: &str) -> Option<TotalsCounts> {
        let text = Text::from_plain(text);
        let lexicons = Lexicons::for_codes([language]);
        let vocabulary = Vocabulary::new(None, &lexicons);
        let key = super::super::items::read_mark_legend(&text, vocabulary);
        read_totals_shapes(&text, vocabulary, &key.entries, &key.rows).counts
    }

    /// A key table's rows define scores and count nothing (`3/3 |
    /// Implemented` is no `3 of 3 implemented`), while a totals line that
    /// also reads as a key (`Done: 5 of 11 · Under way: …`) keeps its
    /// counts.
    #[test]
    fn key_rows_count_nothing_and_key_like_totals_count() {
        let scores = "Score | Meaning\n3/3 | Implemented\n2/3 | In progress, well advanced\n\
                      0/3 | Not started\n\n\
                      Art. 4.1 | Open register | 3/3\n\
                      Art. 4.2 | Price index | 2/3\n\n\
                      Implemented: 4 of 9 (44 %)\nIn progress: 3 of 9 (33 %)\n\
                      Not started: 2 of 9 (22 %)\n";
        assert_eq!(counts_under_key(scores, "en"), declared(Some(9), 4, 3, 2));
        let key_like = "Cumplidas: 5 de 12 (42 %) · En ejecución: 4 de 12 (33 %) · \
                        Sin iniciar: 3 de 12 (25 %)\n";
        assert_eq!(
            counts_under_key(key_like, "es"),
            declared(Some(12), 5, 4, 3)
        );
        let key_like = "Accomplies : 6 sur 13 · En chantier : 4 sur 13 · \
                        Pas entamées : 3 sur 13\n";
        assert_eq!(
            counts_under_key(key_like, "fr"),
            declared(Some(13), 6, 4, 3)
        );
    }

    #[test]
    fn a_vertical_totals_table() {
        for text in [
            "| Status | Activities |\n|---|---|\n| Completed | 15 |\n| In progress | 7 |\n| Not started | 2 |\n| Cancelled | 1 |\n| Total | 25 |",
            "Estado\tActividades\nCumplidas\t15\nEn ejecución\t7\nNo iniciadas\t2\nTotal\t24",
        ] {
            let found = read_totals_shapes(
                &Text::from_plain(text),
                Vocabulary::new(None, &Lexicons::all()),
                &[],
                &[],
            );
            let counts = found.counts.unwrap_or_default();
            assert_eq!(
                (counts.achieved, counts.in_progress, counts.not_developed),
                (Some(15), Some(7), Some(2)),
                "{text}"
            );
            assert!(counts.total.is_some(), "{text}");
            assert!(found.lines.len() >= 4, "{text}: every row is claimed");
        }
    }

    #[test]
    fn a_totals_table_headed_with_the_key_words() {
        let key = [
            ("Entregado", Status::Achieved),
            ("En curso", Status::InProgress),
            ("Por iniciar", Status::NotDeveloped),
        ];
        assert_eq!(
            counts_with_key(
                "Total\tEntregados\tEn curso\tPor iniciar\n5\t2\t1\t1",
                "es",
                &key
            ),
            declared(Some(5), 2, 1, 1)
        );
    }

    #[test]
    fn a_negated_positive_phrase_is_not_counted() {
        assert_eq!(
            counts(
                "Sur les 5 actions, 2 sont réalisées, 1 est en cours et 2 ne sont pas réalisées."
            ),
            declared(Some(5), 2, 1, 2)
        );
        let found = counts(
            "Of the 5 actions, 2 were completed, 1 is ongoing and 2 have not been completed.",
        )
        .unwrap_or_default();
        assert_eq!(
            (found.achieved, found.in_progress, found.not_developed),
            (Some(2), Some(1), None)
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

    #[test]
    fn shares_in_a_legend_are_not_counts() {
        assert_eq!(
            counts("Taux de réalisation : 100 % = réalisée · 50 % = en cours · 0 % = non démarrée"),
            None
        );
    }

    #[test]
    fn a_partly_done_count_is_no_class() {
        for text in [
            "Summary: of the 6 actions, 3 were done, 1 was partly done, 1 was not done and 1 was cancelled.",
            "Sur 6 actions : 3 réalisées, 1 en partie réalisée, 1 non réalisée.",
        ] {
            assert_eq!(
                counts(text),
                Some(TotalsCounts {
                    total: Some(6),
                    achieved: Some(3),
                    in_progress: None,
                    not_developed: Some(1),
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn a_totals_sentence_in_the_key_words() {
        // `off track` is a delay in the lexicon; this key makes it not achieved.
        let key = [
            ("Met", Status::Achieved),
            ("On track", Status::InProgress),
            ("Off track", Status::NotDeveloped),
        ];
        assert_eq!(
            counts_with_key(
                "Of the 6 indicators, 2 are met, 2 are on track and 1 is off track.",
                "en",
                &key
            ),
            declared(Some(6), 2, 2, 1)
        );
    }

    #[test]
    fn a_totals_table_headed_with_what_it_counts() {
        assert_eq!(
            counts("Proyectos\tTerminados\tEn desarrollo\tSin comenzar\n5\t2\t1\t1"),
            declared(Some(5), 2, 1, 1)
        );
        // A first figure below the sum of the others is no total.
        assert_eq!(counts("Zonas\tTerminados\tEn desarrollo\n2\t2\t1"), None);
    }

    /// Totals per part of the plan, each line opening with the code of a
    /// part's heading, add up to the document's totals; a part that leaves
    /// a status out counts none of it only when its figures make its total.
    #[test]
    fn a_count_of_the_scope_before_the_whole() {
        assert_eq!(
            counts("Ensemble des trois axes : 10 programmes, dont 4 réalisés, 3 en cours, 2 non engagés et 1 abandonné."),
            declared(Some(10), 4, 3, 2)
        );
        assert_eq!(
            counts("Across 3 strands: 9 actions, 4 done, 3 in progress and 2 not started."),
            declared(Some(9), 4, 3, 2)
        );
        // A count closed by a colon before status counts is the whole.
        assert_eq!(
            counts("Se previeron 5 actividades: 2 cumplidas, 2 en curso y 1 sin iniciar."),
            declared(Some(5), 2, 2, 1)
        );
    }

    #[test]
    fn a_whole_whose_total_no_part_states() {
        let text = "II. Patrimonio\nIV. Creación\n\nEje II: 1 concluido, 1 en marcha, 1 sin arrancar.\nEje IV: 2 concluidos, 1 en marcha, 1 paralizado.\nEje V: 1 concluido, 1 en marcha, 1 sin arrancar.\n\nTotal del plan: 10 programas, 4 concluidos, 3 en marcha, 2 sin arrancar y 1 paralizado.\n";
        assert_eq!(counts(text), declared(Some(10), 4, 3, 2));
        // A total below its own status figures is no whole of them.
        let text = "Eje II: 1 concluido, 1 en marcha.\nEje IV: 2 concluidos, 1 en marcha.\nEje V: 1 concluido, 1 en marcha.\n\nTotal: 5 programas, 4 concluidos, 3 en marcha.\n";
        assert_ne!(counts(text), declared(Some(5), 4, 3, 0));
    }

    #[test]
    fn totals_per_part_add_up() {
        let text = "Axis 1. Water\nA1.1 Fix the pipes\nAxis 1: 5 achieved, 2 in progress, 1 not started\n\nAxis 2. Roads\nA2.1 Fill the holes\nAxis 2: 3 achieved, 1 in progress, 0 not started\n";
        assert_eq!(counts(text), declared(None, 8, 3, 1));
        let text = "Axe 1 – Eau\nAxe 1 : sur 6 actions, 4 réalisées, 2 en cours\nAxe 2 – Routes\nAxe 2 : sur 5 actions, 3 réalisées, 1 en cours, 1 non démarrée\n";
        assert_eq!(counts(text), declared(Some(11), 7, 3, 1));
        // Axe 4 leaves `non démarrée` out without making its total: that
        // status is not summed.
        let text = "Axe 3 – Eau\nAxe 3 : sur 6 actions, 3 réalisées, 2 en cours\nAxe 4 – Routes\nAxe 4 : sur 5 actions, 3 réalisées, 1 en cours, 1 non démarrée\n";
        assert_eq!(
            counts(text),
            Some(TotalsCounts {
                total: Some(11),
                achieved: Some(6),
                in_progress: Some(3),
                not_developed: None,
            })
        );
    }

    /// A totals sentence spelled out: its whole after an opener, its counts
    /// in words, a half of an even whole; number words in prose count
    /// nothing.
    #[test]
    fn totals_spelled_out_with_a_half() {
        assert_eq!(
            counts(
                "De las doce acciones, la mitad están cumplidas; cuatro siguen en marcha y dos están sin empezar."
            ),
            declared(Some(12), 6, 4, 2)
        );
        assert_eq!(
            counts("Sur les dix actions, la moitié sont faites, trois sont en cours, deux ne sont pas commencées."),
            declared(Some(10), 5, 3, 2)
        );
        assert_eq!(
            counts("Seven of the fifteen actions are done; five are underway, three have not yet begun."),
            declared(Some(15), 7, 5, 3)
        );
        assert_eq!(
            counts("Se hizo una revisión y dos talleres siguen en curso."),
            None
        );
    }

    /// A totals table headed with abbreviations of status phrases.
    #[test]
    fn totals_table_with_abbreviated_headings() {
        assert_eq!(
            counts("| Compl. | In prog. | N/S | On hold | Total |\n|---|---|---|---|---|\n| 5 | 3 | 1 | 1 | 10 |\n"),
            declared(Some(10), 5, 3, 1)
        );
    }

    /// Fractions labelled before a colon, one status a line, or followed by
    /// their phrase (`5/12 delivered`).
    #[test]
    fn fractions_after_a_colon_or_before_their_phrase() {
        assert_eq!(
            counts("Hechas: 5/12\nEn curso: 4/12\nPendientes: 1/12\nAplazadas: 2/12\n"),
            declared(Some(12), 5, 4, 1)
        );
        assert_eq!(
            counts("5/12 delivered, 4/12 on track, 2/12 not begun and 1/12 paused.\n"),
            declared(Some(12), 5, 4, 2)
        );
        // A month and a year before a status cell are a deadline.
        assert_eq!(counts("1.2 Hire two officers HR 06/2022 Ongoing\n"), None);
    }

    /// Shares each followed by its count in brackets, the whole in a ratio
    /// (`40 % achevées (6 sur 15)`), give those counts; a count its share
    /// does not round to leaves the sentence unread.
    #[test]
    fn shares_followed_by_their_counts_are_counts() {
        let want = Some(TotalsCounts {
            total: Some(15),
            achieved: Some(6),
            in_progress: Some(5),
            not_developed: Some(3),
        });
        for sentence in [
            "40 % des fiches sont achevées (6 sur 15), 33 % en cours (5), 20 % non démarrées (3) et 7 % reportées (1).",
            "Of the actions, 40 % are completed (6 of 15), 33 % are in progress (5) and 20 % have not started (3).",
            "De las fichas, el 40 % están cumplidas (6 de 15), el 33 % en curso (5) y el 20 % sin iniciar (3).",
        ] {
            assert_eq!(counts(sentence), want, "{sentence}");
        }
        assert_eq!(
            counts("40 % des fiches sont achevées (6 sur 15), 33 % en cours (7), 20 % non démarrées (3)."),
            None
        );
    }

    /// Shares alone of a counted whole give the counts whose rounded share
    /// they are (`el 38 %` of 13 is 5); a share two counts round to, or
    /// shares with no whole, give none.
    #[test]
    fn shares_of_a_counted_whole_are_counts() {
        use Status::{Achieved, InProgress, NotDeveloped};
        let want = |total, achieved, in_progress, not_developed| {
            Some(TotalsCounts {
                total: Some(total),
                achieved: Some(achieved),
                in_progress: Some(in_progress),
                not_developed: Some(not_developed),
            })
        };
        assert_eq!(
            counts(
                "De las 13 actuaciones, el 38 % está finalizado, el 31 % en curso y el 15 % sin \
                 iniciar; el resto está retrasado."
            ),
            want(13, 5, 4, 2)
        );
        assert_eq!(
            counts("Of the 13 actions, 38% were achieved, 46% are ongoing and 15% are not yet started."),
            want(13, 5, 6, 2)
        );
        assert_eq!(
            counts(
                "Sur les 12 actions du contrat, 42 % sont achevées, 33 % engagées et 17 % pas \
                 encore engagées."
            ),
            want(12, 5, 4, 2)
        );
        // A label and a colon before each share, the whole in brackets last.
        assert_eq!(
            counts_with_key(
                "Objectives rated green: 45 %; amber: 36 %; red: 18 % (11 objectives).",
                "en",
                &[
                    ("green", Achieved),
                    ("amber", InProgress),
                    ("red", NotDeveloped)
                ]
            ),
            want(11, 5, 4, 2)
        );
        // 1 % of 250 is 2 or 3 actions: no count is sure.
        assert_eq!(
            counts("Of the 250 actions, 1 % were achieved and 99 % are ongoing."),
            None
        );
        assert_eq!(
            counts("Overall, 40 % were achieved and 60 % are ongoing."),
            None
        );
        // A key's shares are no counts.
        assert_eq!(
            counts("Of the 12 actions: 100 % = achieved · 50 % = in progress"),
            None
        );
    }

    /// A PDF table of counts whose narrow columns the layout joined (`G |
    /// A R B Total` over `Activities 6 | 5 2 1 14`): each word that starts
    /// where a word of the other row starts, after a gap wider than a word
    /// space, opens a cell, so the key's letters head their counts.
    #[test]
    fn a_counts_table_whose_narrow_columns_were_joined() {
        let mut text = Text::from_plain("Summary\n\nV\tE N Total\nActions 6\t5 2 13\n");
        let placed: [&[(&str, f32)]; 4] = [
            &[("V", 120.0)],
            &[("E", 140.0), ("N", 160.0), ("Total", 180.0)],
            &[("Actions", 60.0), ("6", 120.0)],
            &[("5", 140.0), ("2", 160.0), ("13", 180.0)],
        ];
        let mut cells = placed.iter();
        for block in &mut text.blocks {
            if let crate::page::BlockKind::Table(table) = &mut block.kind {
                for row in &mut table.rows {
                    for cell in &mut row.cells {
                        let Some(words) = cells.next() else { break };
                        cell.set_words(crate::page::words_at(words, 5.0));
                    }
                }
            }
        }
        let key: Vec<MarkEntry> = [
            ("V", Status::Achieved),
            ("E", Status::InProgress),
            ("N", Status::NotDeveloped),
        ]
        .iter()
        .map(|&(mark, status)| MarkEntry {
            mark: mark.to_owned(),
            meaning: Meaning::Class(status),
            label: String::new(),
        })
        .collect();
        let all = Lexicons::all();
        assert_eq!(
            read_totals_shapes(&text, Vocabulary::new(None, &all), &key, &[]).counts,
            declared(Some(13), 6, 5, 2)
        );
    }

    /// A board whose whole is a sentence of its own (`12 tareas en el
    /// tablero.`): its count is the sum of every heading's, a state
    /// outside the classes too; a sentence counting another number, or two
    /// such sentences, give no whole.
    #[test]
    fn a_boards_whole_in_a_sentence_of_its_own() {
        let board = "Hecho (5)\n\n- T.1 Carta\n\nEn curso (4)\n\n- T.2 Nube\n\n\
                     Sin iniciar (2)\n\n- T.3 Panel\n\nCancelado (1)\n\n- T.4 Piloto\n\n";
        assert_eq!(
            counts(&format!("{board}12 tareas en el tablero.\n")),
            declared(Some(12), 5, 4, 2)
        );
        assert_eq!(
            counts(&format!("{board}3 socios en el tablero.\n")),
            declared(None, 5, 4, 2)
        );
        assert_eq!(
            counts(&format!("{board}12 tareas.\n\n12 personas.\n")),
            declared(None, 5, 4, 2)
        );
    }

    /// A board's status headings with their counts (`Done (5)`), a table
    /// of counts first (`| 6 | cumplidos |`), a table headed by the key's
    /// letters (`| G | A | R | B | Total |`, B unnamed and adding up), a
    /// line of abbreviated labels and figures (`Ej. 5 · En c. 4 · …`) and
    /// a total row named by a word of the whole (`All programmes`).
    #[test]
    fn boards_count_first_rows_key_letters_and_labelled_segments() {
        assert_eq!(
            counts("Done (5)\n\n- P.1.1.a Publish\n\nDoing (4)\n\n- P.1.1.b Open\n\nTo do (3)\n\n- P.1.2.b Dash\n"),
            declared(None, 5, 4, 3)
        );
        assert_eq!(
            counts("Proyectos | Grado de avance\n6 | cumplidos\n4 | con avance parcial\n2 | sin avance\n13 | en total\n"),
            declared(Some(13), 6, 4, 2)
        );
        assert_eq!(
            counts_with_key(
                "| | G | A | R | B | Total |\n| Activities | 6 | 5 | 2 | 1 | 14 |\n",
                "en",
                &[
                    ("G", Status::Achieved),
                    ("A", Status::InProgress),
                    ("R", Status::NotDeveloped)
                ],
            ),
            declared(Some(14), 6, 5, 2)
        );
        assert_eq!(
            counts_with_key(
                "Ej. 5 · En c. 4 · N/I 2 · Susp. 1 · Total 12\n",
                "es",
                &[
                    ("Ej.", Status::Achieved),
                    ("En c.", Status::InProgress),
                    ("N/I", Status::NotDeveloped)
                ],
            ),
            declared(Some(12), 5, 4, 2)
        );
        assert_eq!(
            counts(
                "Programme\tAchieved\tUnder way\tNot started\tDropped\tTotal\nP1\t3\t2\t0\t1\t6\n\
                 P2\t2\t1\t2\t0\t5\nAll programmes\t5\t3\t2\t1\t11\n"
            ),
            declared(Some(11), 5, 3, 2)
        );
    }
}
