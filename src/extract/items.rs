//! Generic plan items: codes of any grammar with their statuses.
//!
//! Owns reading plans whose codes are not the built-in `L1M2D3` (those are
//! [`deliverables`](super::deliverables)' and become items through
//! [`builtin_items`]). Codes are read at the start of a line or of a table
//! cell, in any column, with [`grammar::codes_at_start`] (a breadcrumb
//! `Eje 1 › Programa 1.2 › Proyecto 1.2.4` gives every level); each code
//! shape (prefix and depth) is a family. A family whose rows carry statuses is *tracked*: its codes
//! are items. A family whose codes are the numeric prefixes of the tracked
//! codes that follow them (`Objectif 2.1` before `Action 2.1.3`) is their
//! ancestor level. Everything else (numbered headings, list items, figures)
//! is not a plan item.
//!
//! A status is a cell or a trailing phrase: a status word of the lexicons of
//! the document's languages (`Completed`, `en cours`, `no iniciada`), a mark
//! defined by the document's legend (`R = realizada · P = en proceso · N =
//! no iniciada`, `🟢 Completed 🟠 In progress 🔴 Not started`, `Green =
//! achieved`, a key of its own words `Delivered = completed`, or one entry
//! per line or table row), a grammar file's word or a conventional mark. A
//! column headed `Status` / `Estado` / `Situación actual` holds the status
//! wherever it is; beside a planned column (`Previsto 2025`, `Situation
//! prévue`) the observed one (`Real 2025`, `Situation constatée`) does, and
//! the plan is never read as a status. A line of labelled fields (`Code:
//! 3.1 / Title: … / Status: Done`) is a row of its own, and so is a record
//! of one labelled field a line (`Ref: 1.1` over `Assessment: Met`). Two different statuses on one row, or for one code in
//! two places, leave it null with a diagnostic naming both, and so does a
//! mark the legend defines twice; a state outside the three classes
//! (`cancelled`) keeps its mark and label, status null.
//!
//! Status columns may be headed by marks the legend spells out (`C | IP |
//! NS`), a legend clause may count a mark of several words as a class
//! (`Achieved (partially), counted as ongoing`), a label line closed by a
//! colon (`Actions achevées :`) gives its status to the list under it, a
//! tracker's latest period filled in is the status when its key says so
//! (`Q1 | Q2 | Q3 | Q4`), and actions named in running text (`La acción 1.1
//! (…) se completó; la 1.2 (…) sigue en curso`) are rows of their own. A
//! key may be written as prose, each mark before a cue of definition (`Se
//! considera cerrada una actuación cuando …; abierta, cuando …`, `au vert
//! quand …, à l'orange quand …`), and a status column may be headed by a
//! status word and a year (`Estado 2023 | Estado 2024`: the latest year's
//! is the status).
//!
//! A mark column set with no gutter before the code column leaves the mark
//! and the code in one cell (`◐ 1.a.i`): they are read as two cells. A key
//! may set each symbol before the noun it marks (`✔ action terminée ; …
//! action en cours`), and a code in a row's last cell (`| Title | Lead |
//! Status | II.3.a |`) follows its title.
//!
//! A table of start and end dates with no status column takes its states
//! from the dates when the document's prose states the rule ([`dated_states`]:
//! `an action with an end date is completed; one with a start date and no
//! end date is in progress`); without such a rule, dates are a schedule.
//!
//! Tables without a status may be followed by one line per state listing
//! its codes (`Completed: 1.2, 1.3`, `Cumplidas: O1.2 y O3.6.`): each code
//! listed has that state, and a code listed under two is null, naming
//! both. A code in the brackets closing a line may follow a reference
//! label (`… : completed (ref. 2.4)`).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::dated_states;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::grammar::{self, CodeMatch, Grammar, Meaning, Vocabulary};
use crate::lexicon::{self, Lexicons, CHECKBOX_MARKS, CONVENTIONAL_MARKS};
use crate::markup;
use crate::model::{
    ActionLine, Deliverable, GrammarLevel, GrammarSource, GrammarSummary, Item, Legend,
    LegendEntry, LegendSource, Measure, Status,
};
use crate::normalize::{Line, Text};

/// A family is tracked when at least this many of its rows carry a status…
const MIN_MARKED_ROWS: usize = 2;

/// The longest mark of a key, in words (`Not yet due`).
const MAX_KEY_MARK_WORDS: usize = 4;

/// The most words a legend's label puts before its status phrase (`vert =
/// mesure réalisée`).
const MAX_LABEL_NOUN_WORDS: usize = 2;

/// Legend lines are short; a longer line with status words is prose.
const MAX_LEGEND_CHARS: usize = 200;

/// Characters that separate a mark from its label in a legend.
const SEPARATORS: &[char] = &[
    '=', ':', ';', ',', '|', '(', ')', '–', '—', '-', '·', '/', '•',
];

/// One legend entry: a mark and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkEntry {
    /// The mark as printed (`R`, `🟢`, `Green`).
    pub mark: String,
    /// What it means.
    pub meaning: Meaning,
    /// The label as printed (`realizada`).
    pub label: String,
}

/// The generic items of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemsReading {
    /// Items in document order.
    pub items: Vec<Item>,
    /// The grammar the items were read with, when there are items.
    pub grammar: Option<GrammarSummary>,
    /// The document's legend of marks, as the 1.x legend object.
    pub legend: Option<Legend>,
    /// Indices of the lines read as legends.
    pub legend_lines: Vec<usize>,
    /// Doubts.
    pub diagnostics: Vec<Diagnostic>,
}

/// One occurrence of a code where a row starts.
#[derive(Debug, Clone)]
struct Row {
    code: CodeMatch,
    location: Location,
    title: String,
    mark: Option<String>,
    meaning: Option<Meaning>,
    /// Two different statuses were read on the row.
    ambiguous: Vec<String>,
    in_status_column: bool,
}

/// The table cells of line `index` ([`Text::cells`]: a table row's cells,
/// another line as one cell), markup removed; empty cells kept so that
/// column positions hold.
pub(super) fn cells(text: &Text, index: usize) -> Vec<String> {
    text.cells(index)
        .into_iter()
        .map(|cell| markup::plain(cell).trim().to_owned())
        .collect()
}

/// The longest level word set apart from its number (`Target` | `4.1`).
const MAX_LEVEL_WORD_CHARS: usize = 12;

/// Words that name a level in a cell of their own, the code's number in
/// the next cell with text (`| RE | 1.1 | Horario flexible |`, `| Target |
/// | 4.1 | … |`, `| Proj. | 1.1.1 | … |`): a renderer set the number apart with a wide gap, or the
/// table has a column for the level and one for the number. A word counts
/// when it opens such a pair on two rows or more, is the only word before
/// numbers of its depth (a column of leads, `Secretariat | 1.1.1` and
/// `Partners | 1.2.1`, names no level) and says no status (an abbreviation
/// a legend defines, `EJ` before `1.01`, is the row's mark, not its level).
fn split_level_words(text: &Text, legend: &[MarkEntry], vocabulary: Vocabulary<'_>) -> Vec<String> {
    let mut counts: BTreeMap<(u8, String), usize> = BTreeMap::new();
    for index in 0..text.lines.len() {
        let cells = cells(text, index);
        for (at, cell) in cells.iter().enumerate() {
            if let Some((_, depth)) = split_code(&cells, at, vocabulary.grammar) {
                *counts.entry((depth, cell.clone())).or_default() += 1;
            }
        }
    }
    let words_of_depth = |depth: u8| counts.keys().filter(|(d, _)| *d == depth).count();
    counts
        .iter()
        .filter(|((depth, word), count)| {
            **count >= MIN_MARKED_ROWS
                && words_of_depth(*depth) == 1
                && cell_meaning(word, legend, vocabulary).is_none()
        })
        .map(|((_, word), _)| word.clone())
        .collect()
}

/// The index of the next cell with text after the level word at `at`, and
/// the depth of the code they open, when that cell opens with a number and
/// the two read together open a code of that level.
fn split_code(cells: &[String], at: usize, grammar: Option<&Grammar>) -> Option<(usize, u8)> {
    let word = cells.get(at)?;
    let count = word.chars().count();
    // An abbreviated level word keeps its dot (`Proj.` | `1.1.1`).
    let letters = word.strip_suffix('.').unwrap_or(word);
    if !(2..=MAX_LEVEL_WORD_CHARS).contains(&count)
        || !word.starts_with(char::is_uppercase)
        || !letters.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let (next, number) = cells
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, cell)| !cell.is_empty())?;
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let joined = format!("{word} {number}");
    let code = grammar::code_at_start(&joined, grammar)?;
    (code.level.as_deref() == Some(word.as_str()) && code.rest > word.len() + 1)
        .then_some((next, code.depth()))
}

/// The cells of a row with each split code read whole in its number's cell
/// (`RE 1.1`), the level word's cell left empty so that columns hold.
fn joined_codes(
    mut cells: Vec<String>,
    words: &[String],
    grammar: Option<&Grammar>,
) -> Vec<String> {
    for at in 0..cells.len() {
        if !cells.get(at).is_some_and(|cell| words.contains(cell)) {
            continue;
        }
        if let Some((next, _)) = split_code(&cells, at, grammar) {
            let word = cells.get_mut(at).map(std::mem::take).unwrap_or_default();
            if let Some(number) = cells.get_mut(next) {
                *number = format!("{word} {number}");
            }
        }
    }
    cells
}

/// A line of a table that is none of its rows (a Markdown `|---|---|`).
pub(super) fn is_separator_row(text: &Text, index: usize) -> bool {
    text.table_of(index).is_some() && text.row(index).is_none()
}

/// The document's legend of marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkLegend {
    /// Each mark once; a mark the document defines twice with different
    /// meanings is left out (its items' statuses stay unknown).
    pub entries: Vec<MarkEntry>,
    /// Indices of the lines read as legends.
    pub lines: Vec<usize>,
    /// Indices of the lines that are one entry each, mark first: a key
    /// table's rows (`3/3 | Implemented`). They define a mark and count
    /// nothing, where a line read as a key may also be a totals sentence
    /// (`Completed: 6 of 13 · In hand: 4 of 13`).
    pub rows: Vec<usize>,
    /// `legend.conflict` for each mark defined twice differently.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the document's legend of marks: lines of two or more `mark label`
/// pairs whose labels are status phrases, with different meanings.
pub fn read_mark_legend(text: &Text, vocabulary: Vocabulary<'_>) -> MarkLegend {
    let mut legend = MarkLegend::default();
    let mut conflicting: Vec<String> = Vec::new();
    let mut found: Vec<(usize, Vec<MarkEntry>)> = Vec::new();
    // Runs of lines holding one entry each (`| ● | Completed |`, `- R : réalisée`).
    let mut run: Vec<(usize, MarkEntry)> = Vec::new();
    let forms = form_rows(text, vocabulary);
    for index in 0..text.lines.len() {
        let plain = markup::plain(&text.joined_cells(index));
        if plain.trim().is_empty() || is_separator_row(text, index) || forms.contains(&index) {
            continue;
        }
        let line_entries = if plain.chars().count() > MAX_LEGEND_CHARS {
            key_sentence_entries(&plain, vocabulary)
        } else {
            line_entries(&plain, vocabulary)
        };
        let mut line_entries = match continued_entries(text, index, &plain, vocabulary) {
            Some(more) if more.len() > line_entries.len() => more,
            _ => line_entries,
        };
        // `33 % en cours (5), 20 % non démarrées`: a percent sign follows a
        // share; it marks no state.
        line_entries.retain(|entry| entry.mark.trim() != "%");
        let mut meanings: Vec<&Meaning> = line_entries.iter().map(|e| &e.meaning).collect();
        meanings.dedup();
        let is_legend = line_entries.len() >= 2 && meanings.len() >= 2;
        // A clause counting a mark as a class is a legend by itself; the
        // line's other entries count when the line is a legend anyway.
        let counted = if plain.chars().count() > MAX_LEGEND_CHARS {
            Vec::new()
        } else {
            counted_as_entries(&plain, vocabulary)
        };
        if !counted.is_empty() {
            let others = line_entries
                .into_iter()
                .filter(|entry| is_legend && !counted.iter().any(|known| known.mark == entry.mark));
            found.push((index, counted.iter().cloned().chain(others).collect()));
            continue;
        }
        if is_legend {
            found.push((index, line_entries));
            continue;
        }
        match line_entries.as_slice() {
            [entry] if is_lone_entry(&plain, entry, vocabulary) => run.push((index, entry.clone())),
            _ => found.extend(key_rows(
                text,
                legend_run(std::mem::take(&mut run)),
                &mut legend.rows,
            )),
        }
    }
    found.extend(key_rows(text, legend_run(run), &mut legend.rows));
    found.extend(prose_keys(text, vocabulary));
    found.sort_by_key(|(index, _)| *index);
    for (index, line_entries) in found {
        let Some(line) = text.lines.get(index) else {
            continue;
        };
        legend.lines.push(index);
        for entry in line_entries {
            match legend.entries.iter().find(|known| known.mark == entry.mark) {
                None => legend.entries.push(entry),
                Some(known) if known.meaning != entry.meaning => {
                    legend.diagnostics.push(
                        Diagnostic::warning(
                            Code::LegendConflict,
                            format!(
                                "the legend defines `{}` twice: `{}` ({}) and `{}` ({}); items marked `{}` are left without a status",
                                entry.mark,
                                known.label,
                                known.meaning.name(),
                                entry.label,
                                entry.meaning.name(),
                                entry.mark
                            ),
                        )
                        .at(line.location()),
                    );
                    conflicting.push(entry.mark);
                }
                Some(_) => {}
            }
        }
    }
    legend
        .entries
        .retain(|entry| !conflicting.contains(&entry.mark));
    legend
}

/// The entries of a key written as one sentence of a longer paragraph
/// (`Recommendations are numbered by year. Status key: Closed =
/// implemented; Open = under way; …`): the first sentence short enough to
/// be a legend line that defines two marks or more with different
/// meanings.
fn key_sentence_entries(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    plain
        .split(". ")
        .filter(|sentence| sentence.chars().count() <= MAX_LEGEND_CHARS)
        .map(|sentence| line_entries(sentence, vocabulary))
        .find(|entries| {
            let mut meanings: Vec<&Meaning> = entries.iter().map(|entry| &entry.meaning).collect();
            meanings.dedup();
            entries.len() >= 2 && meanings.len() >= 2
        })
        .unwrap_or_default()
}

/// The entries of a legend line cut after a mark and its sign (`… ; Noir
/// =` over `abandonnée.`), before the sign (`… ; Amber` over `= en cours ;
/// …`) or after an entry (`…; Parcialmente cumplida = en ejecución;` over
/// `Incumplida = no iniciada; …`), read with the next line.
fn continued_entries(
    text: &Text,
    index: usize,
    plain: &str,
    vocabulary: Vocabulary<'_>,
) -> Option<Vec<MarkEntry>> {
    let head = plain.trim_end();
    // `… ; Amber` over `= en cours ; Red = …`: cut before the sign.
    let next = (head.ends_with(['=', ':']) || head.contains('='))
        .then(|| markup::plain(&text.joined_cells(index + 1)))?;
    if !head.ends_with(['=', ':', ';']) && !next.trim_start().starts_with('=') {
        return None;
    }
    let joined = format!("{head} {}", next.trim());
    (!next.trim().is_empty() && joined.chars().count() <= MAX_LEGEND_CHARS)
        .then(|| line_entries(&joined, vocabulary))
}

/// The `mark label` pairs of one line, read as a legend or as a key.
///
/// The key's reading wins when it finds more entries, or as many with more
/// distinct marks or bands of shares for marks: in `100 % = réalisée · 50 %
/// = en cours` the token before each label is `%`, the key's marks are
/// `100 %` and `50 %`.
fn line_entries(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    let pairs = legend_pairs(plain, vocabulary);
    let keyed = key_pairs(plain, vocabulary);
    let distinct = |entries: &[MarkEntry]| {
        let mut marks: Vec<&str> = entries.iter().map(|entry| entry.mark.as_str()).collect();
        marks.sort_unstable();
        marks.dedup();
        marks.len()
    };
    // `de 10% a 89% = en curso`: the token before the label is the band's
    // last figure, the key's mark the whole band. A row's code, title and
    // share before its status (`KPI-01 Answer calls 100% Done`) are no band.
    let bands = !keyed.is_empty()
        && keyed.iter().all(|entry| {
            !opens_with_code(&entry.mark)
                && grammar::share_band(&entry.mark, vocabulary.lexicons).is_some()
        });
    if keyed.len() > pairs.len()
        || (keyed.len() == pairs.len() && (distinct(&keyed) > distinct(&pairs) || bands))
    {
        keyed
    } else {
        pairs
    }
}

/// Legend clauses that count a mark as one of the classes: `Key: Achieved
/// · Achieved (partially), counted as ongoing · …`, `Leyenda: «En curso –
/// retrasada» se cuenta como en curso`. The mark runs back from the
/// lexicon's words to the line's label (`Key:`) or the entry before it (`·`,
/// `;`), its quotes and commas left out; the status phrase follows them.
fn counted_as_entries(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let words: Vec<String> = tokens.iter().map(|t| grammar::fold_word(t)).collect();
    let phrases: Vec<Vec<String>> = vocabulary
        .every_language()
        .lexicons
        .each(|l| l.counted_as_words)
        .map(|phrase| grammar::folded_words(&lexicon::fold(phrase)))
        .collect();
    let is_boundary =
        |token: &str| ["·", "•", "|", ";"].contains(&token) || token.ends_with([':', ';', '·']);
    let mut entries = Vec::new();
    let mut previous_end = 0;
    let mut at = 0;
    while at < words.len() {
        let width = phrases
            .iter()
            .filter(|phrase| {
                words
                    .get(at..at + phrase.len())
                    .is_some_and(|window| window == phrase.as_slice())
            })
            .map(Vec::len)
            .max();
        let Some(width) = width else {
            at += 1;
            continue;
        };
        let start = (previous_end..at)
            .rev()
            .find(|&index| tokens.get(index).is_some_and(|token| is_boundary(token)))
            .map_or(previous_end, |index| index + 1);
        let mark_tokens = tokens.get(start..at).unwrap_or_default();
        let mark = mark_tokens
            .join(" ")
            .trim_matches(|c: char| c.is_whitespace() || ",;:«»\"“”'".contains(c))
            .to_owned();
        let counted = mark_tokens
            .iter()
            .filter(|token| token.chars().any(char::is_alphanumeric))
            .count();
        let status = grammar::phrase_at(&words, at + width, vocabulary)
            .or_else(|| grammar::phrase_at(&words, at + width, vocabulary.every_language()));
        at += width;
        previous_end = at;
        let Some((meaning @ Meaning::Class(_), status_width)) = status else {
            continue;
        };
        if mark.is_empty() || counted > MAX_KEY_MARK_WORDS {
            continue;
        }
        let label = tokens
            .get(at..at + status_width)
            .map(|run| run.join(" ").trim_matches(SEPARATORS).to_owned())
            .unwrap_or_default();
        entries.push(MarkEntry {
            mark,
            meaning,
            label,
        });
        at += status_width;
        previous_end = at;
    }
    entries
}

/// The longest paragraph read as a key in prose, in characters.
const MAX_PROSE_KEY_CHARS: usize = 600;

/// Keys written as prose, one per paragraph (its lines joined: a PDF wraps
/// the sentence), or as signed entries wrapped over a paragraph's lines,
/// with the index of its first line. A paragraph too long to be a key is
/// read in runs of lines that close a sentence: a PDF page set with no
/// space between its paragraphs is one paragraph of the page model, and
/// its key one run of it.
fn prose_keys(text: &Text, vocabulary: Vocabulary<'_>) -> Vec<(usize, Vec<MarkEntry>)> {
    text.blocks
        .iter()
        .filter(|block| matches!(block.kind, crate::page::BlockKind::Paragraph))
        .flat_map(|block| {
            let lines: Vec<(usize, String)> = block
                .lines
                .clone()
                .filter_map(|index| Some((index, text.lines.get(index)?)))
                .map(|(index, line)| (index, markup::plain(line.text).trim().to_owned()))
                .collect();
            let joined_chars = lines
                .iter()
                .map(|(_, line)| line.chars().count())
                .sum::<usize>()
                + lines.len().saturating_sub(1);
            if joined_chars <= MAX_PROSE_KEY_CHARS {
                return vec![lines];
            }
            let mut runs: Vec<Vec<(usize, String)>> = vec![Vec::new()];
            for (index, line) in lines {
                let closes = line.ends_with('.');
                if let Some(run) = runs.last_mut() {
                    run.push((index, line));
                }
                if closes {
                    runs.push(Vec::new());
                }
            }
            runs.retain(|run| !run.is_empty());
            runs
        })
        .filter_map(|run| {
            let first = run.first()?.0;
            let lines: Vec<String> = run.into_iter().map(|(_, line)| line).collect();
            let joined = lines.join(" ");
            if joined.chars().count() > MAX_PROSE_KEY_CHARS {
                return None;
            }
            let mut entries = prose_key_entries(&joined, vocabulary);
            for entry in listed_key_entries(&joined, vocabulary) {
                if !entries.iter().any(|known| known.mark == entry.mark) {
                    entries.push(entry);
                }
            }
            // A key of signed entries wrapped over the paragraph's lines
            // (`… Status key: Closed =` over `implemented; Open = …`); only
            // signed ones: a chart's legend of shares under a caption
            // counting its whole (`(n = 15)` over `■ Finalizado 40 %`) is
            // the totals', not a key. Each mark lies on one line, and some
            // entry is cut by the wrap: a key whose lines each hold whole
            // entries is read line by line, and a mark run back over the
            // line before (`rapport d'avancement 2020` over `Vert =
            // atteint ; …`) is no mark.
            if entries.len() < 2 && lines.len() > 1 && joined.contains('=') {
                let on_one_line = |words: &[&str]| {
                    lines
                        .iter()
                        .any(|line| words.iter().all(|w| line.contains(w)))
                };
                entries = joined
                    .split(". ")
                    .filter(|sentence| sentence.chars().count() <= MAX_LEGEND_CHARS)
                    .map(|sentence| key_pairs(sentence, vocabulary))
                    .find(|entries| entries.len() >= 2)
                    .filter(|entries| {
                        entries
                            .iter()
                            .all(|entry| on_one_line(&[entry.mark.as_str()]))
                            && entries.iter().any(|entry| {
                                !on_one_line(&[entry.mark.as_str(), entry.label.as_str()])
                            })
                    })
                    .unwrap_or_default();
            }
            let mut meanings: Vec<&Meaning> = entries.iter().map(|entry| &entry.meaning).collect();
            meanings.sort_by_key(|meaning| meaning.name().to_owned());
            meanings.dedup();
            (entries.len() >= 2 && meanings.len() >= 2).then_some((first, entries))
        })
        .collect()
}

/// A key written as a sentence: each mark before a cue of definition, its
/// meaning read from the clause after the cue (`Se considera cerrada una
/// actuación cuando se ha ejecutado todo lo previsto; abierta, cuando se ha
/// iniciado y aún no ha terminado; y en espera, cuando todavía no se ha
/// iniciado.`, `Une action est au vert quand elle est réalisée, à l'orange
/// quand elle est en cours …`). The mark runs back from the cue, past the
/// item noun and its article, to a verb, a conjunction or the clause
/// before (one to four words); the clause runs to the next comma,
/// semicolon or full stop. A clause that names no class, or two, defines
/// nothing.
fn prose_key_entries(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    let lexicons = vocabulary.lexicons;
    let folded = lexicon::fold(plain);
    let tokens: Vec<&str> = folded.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|token| token.to_lowercase()).collect();
    let bare = |word: &str| -> String {
        word.trim_matches(|c: char| ",;:.«»\"“”()".contains(c))
            .to_owned()
    };
    let closes_clause = |word: &str| word.ends_with([',', ';', ':', '.']);
    let mut entries = Vec::new();
    let mut previous_end = 0;
    let mut at = 0;
    while at < lower.len() {
        let Some(width) = definition_cue_at(&lower, at, lexicons) else {
            at += 1;
            continue;
        };
        let mut end = at;
        while end > previous_end
            && lower
                .get(end - 1)
                .is_some_and(|word| lexicons.has(|l| l.definition_fillers, &bare(word)))
        {
            end -= 1;
        }
        let mut start = end;
        while start > previous_end && end - start < MAX_KEY_MARK_WORDS {
            let Some(word) = lower.get(start - 1) else {
                break;
            };
            let stops = lexicons.has(|l| l.definition_links, &bare(word))
                || (start < end && closes_clause(word))
                || (start == end && word.ends_with('.'));
            if stops {
                break;
            }
            start -= 1;
        }
        let clause_start = at + width;
        let clause_end = (clause_start..lower.len())
            .find(|&index| {
                definition_cue_at(&lower, index, lexicons).is_some()
                    || lower.get(index).is_some_and(|word| closes_clause(word))
            })
            .map_or(lower.len(), |index| {
                if definition_cue_at(&lower, index, lexicons).is_some() {
                    index
                } else {
                    index + 1
                }
            });
        let mark = tokens
            .get(start..end)
            .map(|words| words.join(" "))
            .unwrap_or_default();
        let mark = mark.trim_matches(|c: char| c.is_whitespace() || ",;:«»\"“”'".contains(c));
        let clause = tokens.get(clause_start..clause_end).unwrap_or_default();
        let known = grammar::phrase_cell(mark, vocabulary);
        if let Some(status) = defined_status(clause, vocabulary) {
            let agrees = known
                .as_ref()
                .is_none_or(|meaning| *meaning == Meaning::Class(status));
            if mark.chars().any(char::is_alphabetic) && agrees {
                entries.push(MarkEntry {
                    mark: mark.to_owned(),
                    meaning: Meaning::Class(status),
                    label: clause
                        .join(" ")
                        .trim_end_matches([',', ';', '.'])
                        .to_owned(),
                });
            }
        }
        previous_end = clause_end.max(at + width);
        at = previous_end;
    }
    entries
}

/// The most words of a definition clause in a key listed after a colon.
const MAX_LISTED_CLAUSE_WORDS: usize = 12;

/// A key listed after a colon, its entries parted by semicolons, each a
/// mark, a comma and the clause that defines it (`la réponse à la question
/// « réalisée ? » : oui, elle est achevée ; partiellement, elle est engagée
/// sans être achevée ; non, …`): the comma is the only cue, so the mark is
/// the short run of words before it (no figure in it) and the clause the
/// words after it, to the end of the entry or of its sentence. Entries of
/// another shape between them are left to [`prose_key_entries`].
fn listed_key_entries(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    let folded = lexicon::fold(plain);
    let Some((_, listed)) = folded.split_once(':') else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for segment in listed.split(';') {
        let segment = segment.split(". ").next().unwrap_or_default();
        let segment = segment.trim().trim_end_matches('.');
        let Some((mark, clause)) = segment.split_once(',') else {
            continue;
        };
        let mark = mark.trim_matches(|c: char| c.is_whitespace() || "«»\"“”'".contains(c));
        // The last entry of a list opens with its conjunction (`; y en
        // espera, cuando…`, `; and on hold, when…`), which is no part of it.
        let mark = mark
            .split_once(' ')
            .filter(|(link, _)| {
                vocabulary
                    .lexicons
                    .has(|l| l.definition_links, &link.to_lowercase())
            })
            .map_or(mark, |(_, rest)| rest.trim_start());
        let words = mark.split_whitespace().count();
        let clause: Vec<&str> = clause.split_whitespace().collect();
        // A mark of words only: no figure, no sign of another key's shape
        // (`G = delivered, on time`).
        let wordy = mark
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '-');
        if !(1..=MAX_KEY_MARK_WORDS).contains(&words)
            || !mark.chars().any(char::is_alphabetic)
            || !wordy
            || clause.is_empty()
            || clause.len() > MAX_LISTED_CLAUSE_WORDS
        {
            continue;
        }
        let Some(status) = defined_status(&clause, vocabulary) else {
            continue;
        };
        let agrees = grammar::phrase_cell(mark, vocabulary)
            .is_none_or(|meaning| meaning == Meaning::Class(status));
        if agrees {
            entries.push(MarkEntry {
                mark: mark.to_owned(),
                meaning: Meaning::Class(status),
                label: clause.join(" "),
            });
        }
    }
    if entries.len() < 2 {
        return Vec::new();
    }
    entries
}

/// How many words a definition cue of the lexicons takes at `lower[at]`
/// (lower-case words), if one starts there; a cue ending in an apostrophe
/// opens its word (`lorsqu'elle`).
fn definition_cue_at(lower: &[String], at: usize, lexicons: &Lexicons) -> Option<usize> {
    lexicons
        .each(|l| l.definition_cues)
        .filter_map(|cue| {
            let parts: Vec<&str> = cue.split(' ').collect();
            let (last, head) = parts.split_last()?;
            let words = lower.get(at..at + parts.len())?;
            let (word, before) = words.split_last()?;
            let head_fits = before.iter().zip(head).all(|(word, part)| word == part);
            let last_fits = if last.ends_with('\'') {
                word.starts_with(last) && word.len() > last.len()
            } else {
                word.trim_end_matches([',', ';', ':']) == *last
            };
            (head_fits && last_fits).then_some(parts.len())
        })
        .max()
}

/// The class a key's definition clause names: its one status phrase, or
/// begun and not finished (in progress), or not begun (not started). A
/// phrase after a negation (`aún no ha terminado`, `sans être terminée`)
/// names the class it denies, unless it is negative itself (`n'est pas
/// encore engagée`).
fn defined_status(clause: &[&str], vocabulary: Vocabulary<'_>) -> Option<Status> {
    let lexicons = vocabulary.lexicons;
    let words: Vec<String> = clause.iter().map(|word| grammar::fold_word(word)).collect();
    let lower: Vec<String> = clause.iter().map(|word| word.to_lowercase()).collect();
    let negation = |word: &str| {
        lexicons.has(|l| l.negation_words, word)
            || lexicons
                .each(|l| l.negation_words)
                .any(|negation| negation.ends_with('\'') && word.starts_with(negation))
    };
    let negated_before = |at: usize| {
        (at.saturating_sub(3)..at).any(|index| lower.get(index).is_some_and(|word| negation(word)))
    };
    let started: Vec<String> = lexicons
        .each(|l| l.started_words)
        .map(|word| grammar::fold_word(word))
        .collect();
    let mut affirmed: Vec<Status> = Vec::new();
    let mut denied: Vec<Status> = Vec::new();
    let mut begun = false;
    let mut not_begun = false;
    let mut at = 0;
    while at < words.len() {
        if let Some((meaning, width)) = grammar::phrase_at(&words, at, vocabulary) {
            let Meaning::Class(status) = meaning else {
                return None;
            };
            let negative = lower
                .get(at..at + width)
                .is_some_and(|phrase| phrase.iter().any(|word| negation(word)));
            if !negative && negated_before(at) {
                denied.push(status);
            } else {
                affirmed.push(status);
            }
            at += width;
            continue;
        }
        if words.get(at).is_some_and(|word| started.contains(word)) {
            if negated_before(at) {
                not_begun = true;
            } else {
                begun = true;
            }
        }
        at += 1;
    }
    affirmed.dedup();
    denied.dedup();
    match (affirmed.as_slice(), denied.as_slice(), begun, not_begun) {
        ([Status::NotDeveloped], [], false, _) => Some(Status::NotDeveloped),
        ([status], [], _, false) => Some(*status),
        ([] | [Status::InProgress], [Status::Achieved], true, false) => Some(Status::InProgress),
        // `engagée sans être achevée`, `started without being finished`:
        // under way and denied done is in progress, begun said or not.
        ([Status::InProgress], [Status::Achieved], false, false) => Some(Status::InProgress),
        ([], [], false, true) => Some(Status::NotDeveloped),
        _ => None,
    }
}

/// Whether a line is one legend entry and nothing else (`● Completed`,
/// `R : réalisée`, `Delivered = completed`), bullets and separators aside.
/// The label may go on with a qualifier that says no more of the status
/// (`2/3 | In progress, well advanced`, `n/a | Withdrawn by amendment`):
/// a few words, none a figure, a negation or a partial word, naming no
/// other status.
fn is_lone_entry(plain: &str, entry: &MarkEntry, vocabulary: Vocabulary<'_>) -> bool {
    let words = |text: &str| -> usize {
        text.split_whitespace()
            .filter(|token| !token.chars().all(|c| SEPARATORS.contains(&c)))
            .count()
    };
    // `| 1.1 | Completed |` is a plan row, not a definition of `1.1`.
    if opens_with_code(&entry.mark) {
        return false;
    }
    if words(plain) == words(&entry.mark) + words(&entry.label) {
        return true;
    }
    let Some(tail) = plain
        .rfind(entry.label.as_str())
        .and_then(|at| plain.get(at + entry.label.len()..))
    else {
        return false;
    };
    let tail = tail.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
    let lexicons = vocabulary.lexicons;
    let folded = grammar::folded_words(&lexicon::fold(tail));
    words(plain) == words(&entry.mark) + words(&entry.label) + words(tail)
        && (1..=MAX_KEY_MARK_WORDS).contains(&words(tail))
        && tail
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == ',')
        && !grammar::holds_partial_word(&folded, lexicons)
        && !folded
            .iter()
            .any(|word| lexicons.has(|l| l.negation_words, word))
        && grammar::phrase_cell(tail, vocabulary).is_none_or(|meaning| meaning == entry.meaning)
}

/// Whether a key's mark opens with a plan code, as a row does (`KPI-01
/// Answer calls 100%`), rather than with a share (`90 % o más`: the figure
/// before `%` is no code).
fn opens_with_code(mark: &str) -> bool {
    grammar::code_at_start(mark, None).is_some_and(|code| {
        !mark
            .get(code.rest..)
            .is_some_and(|rest| rest.trim_start().starts_with('%'))
    })
}

/// A run of one-entry lines is a legend when it defines two or more marks
/// with different meanings; each line of it is a legend line.
fn legend_run(run: Vec<(usize, MarkEntry)>) -> Vec<(usize, Vec<MarkEntry>)> {
    let mut meanings: Vec<&Meaning> = Vec::new();
    for (_, entry) in &run {
        if !meanings.contains(&&entry.meaning) {
            meanings.push(&entry.meaning);
        }
    }
    if run.len() < 2 || meanings.len() < 2 {
        return Vec::new();
    }
    run.into_iter()
        .map(|(index, entry)| (index, vec![entry]))
        .collect()
}

/// The lines of a run of lone entries, each noted in `rows` when it opens
/// with its mark (`3/3 | Implemented`, not `Completed | 6`, which may be a
/// totals table's row).
fn key_rows(
    text: &Text,
    run: Vec<(usize, Vec<MarkEntry>)>,
    rows: &mut Vec<usize>,
) -> Vec<(usize, Vec<MarkEntry>)> {
    for (index, entries) in &run {
        let plain = markup::plain(&text.joined_cells(*index));
        let head = plain.trim_start_matches(|c: char| {
            c.is_whitespace() || ['|', '-', '*', '•', '·'].contains(&c)
        });
        if entries
            .iter()
            .any(|entry| head.starts_with(entry.mark.as_str()))
        {
            rows.push(*index);
        }
    }
    run
}

/// `R = realizada · P = en proceso`, `🟢 Completed 🟠 In progress`: the mark
/// is the token before each label. A symbol may stand before the noun its
/// label names (`✔ action terminée ; … action en cours`) when every such
/// entry of the line names the same noun ([`symbol_before_nouns`]).
fn legend_pairs(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let words: Vec<String> = tokens.iter().map(|t| grammar::fold_word(t)).collect();
    let mut entries = Vec::new();
    // The entries whose symbol stands before nouns, with those nouns.
    let mut noun_marked: Vec<(MarkEntry, String)> = Vec::new();
    let mut at = 0;
    let mut previous_end = 0;
    while at < tokens.len() {
        let Some((meaning, width)) = grammar::phrase_at(&words, at, vocabulary) else {
            at += 1;
            continue;
        };
        let mark = (previous_end..at).rev().find_map(|index| {
            let token = tokens.get(index)?.trim_matches(SEPARATORS);
            (!token.is_empty()).then_some(token)
        });
        let own = mark
            .filter(|mark| is_mark_like(mark, vocabulary.lexicons))
            .map(|mark| (mark, at));
        let label_from = |from: usize| {
            tokens
                .get(from..at + width)
                .map(|w| w.join(" ").trim_matches(SEPARATORS).to_owned())
                .unwrap_or_default()
        };
        if let Some((mark, from)) = own.or_else(|| {
            signed_mark(&tokens, previous_end, at)
                .filter(|(mark, _)| is_mark_like(mark, vocabulary.lexicons))
                .filter(|(_, from)| {
                    tokens
                        .get(*from..at)
                        .is_some_and(|nouns| plain_nouns(nouns, vocabulary.lexicons))
                })
        }) {
            entries.push(MarkEntry {
                mark: mark.to_owned(),
                meaning,
                label: label_from(from),
            });
        } else if let Some((mark, from)) =
            symbol_before_nouns(&tokens, previous_end, at, vocabulary.lexicons)
        {
            let nouns = tokens.get(from..at).unwrap_or_default().join(" ");
            let entry = MarkEntry {
                mark: mark.to_owned(),
                meaning,
                label: label_from(from),
            };
            noun_marked.push((entry, nouns.to_lowercase()));
        }
        at += width;
        previous_end = at;
    }
    // One symbol before a noun could be a sentence's; a key names the same
    // noun after each of its symbols.
    let same_noun = noun_marked
        .first()
        .is_some_and(|(_, first)| noun_marked.iter().all(|(_, nouns)| nouns == first));
    if noun_marked.len() >= 2 && same_noun {
        entries.extend(noun_marked.into_iter().map(|(entry, _)| entry));
    }
    entries
}

/// `✔ action terminée`: a symbol (no letter or digit, not ASCII, no
/// quotation mark) then one or two plain nouns before the status phrase at
/// `at`; the symbol and where its label starts.
fn symbol_before_nouns<'t>(
    tokens: &[&'t str],
    from: usize,
    at: usize,
    lexicons: &Lexicons,
) -> Option<(&'t str, usize)> {
    (1..=MAX_LABEL_NOUN_WORDS).find_map(|nouns| {
        let start = at.checked_sub(nouns)?;
        let mark_at = start.checked_sub(1).filter(|&index| index >= from)?;
        let mark = tokens.get(mark_at)?.trim_matches(SEPARATORS);
        let symbol = (1..=2).contains(&mark.chars().count())
            && mark.chars().all(|c| {
                !c.is_alphanumeric()
                    && !c.is_ascii()
                    && !matches!(c, '«' | '»' | '“' | '”' | '‘' | '’' | '„' | '‹' | '›')
            });
        let named = tokens.get(start..at).is_some_and(|words| {
            plain_nouns(words, lexicons)
                && words
                    .iter()
                    .all(|word| word.chars().all(char::is_lowercase))
        });
        (symbol && named).then_some((mark, start))
    })
}

/// `vert = mesure réalisée`: a mark before `=` whose label names what is
/// marked before its status (one or two words), the mark and where the
/// label starts; `at` is where the status phrase starts.
fn signed_mark<'t>(tokens: &[&'t str], from: usize, at: usize) -> Option<(&'t str, usize)> {
    let sign = (from.max(at.saturating_sub(MAX_LABEL_NOUN_WORDS + 1))..at)
        .rev()
        .find(|&index| tokens.get(index).is_some_and(|token| *token == "="))?;
    let mark = tokens.get(sign.checked_sub(1)?)?.trim_matches(SEPARATORS);
    (sign > from && !mark.is_empty()).then_some((mark, sign + 1))
}

/// Whether the words between a key's sign and its status phrase only name
/// what is marked (`vert = mesure réalisée`): whole words, none a negation
/// or a partial word, no clause punctuation. `B = closed, not delivered`
/// negates the phrase after them and defines no class.
fn plain_nouns(words: &[&str], lexicons: &Lexicons) -> bool {
    words.iter().all(|word| {
        let lower = word.to_lowercase();
        let folded = grammar::folded_words(&lexicon::fold(word));
        // An elided article belongs to its noun (`l'action`); an elided
        // negation (`n'a`) denies what follows.
        let elided_negation = lexicons
            .each(|l| l.negation_words)
            .any(|negation| negation.ends_with('\'') && lower.starts_with(negation));
        word.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            && !elided_negation
            && !grammar::holds_partial_word(&folded, lexicons)
            && !folded
                .iter()
                .any(|word| lexicons.has(|l| l.negation_words, word))
    })
}

/// Entries of a key whose marks are the report's own words, each before `=`
/// and its status phrase: `Status key: Delivered = completed · On track = in
/// progress · Not yet due = not started`.
fn key_pairs(plain: &str, vocabulary: Vocabulary<'_>) -> Vec<MarkEntry> {
    plain
        .split(['·', ';', '|', '•', ','])
        .filter_map(|segment| {
            let (mark, label) = match segment.rsplit_once('=') {
                Some(split) => split,
                None => share_key_split(segment, vocabulary.lexicons)
                    .or_else(|| abbreviation_key_split(segment))
                    .or_else(|| colour_key_split(segment, vocabulary.lexicons))?,
            };
            // `Status key: Delivered`: the mark is what follows the key's
            // name; `* Av. : avancement de la fiche. 100 %`: or the sentence
            // before it.
            let mark = mark
                .rsplit_once(':')
                .map_or(mark, |(_, after)| after)
                .trim();
            let mark = mark
                .rsplit_once(". ")
                .map_or(mark, |(_, after)| after)
                .trim();
            let label = label.trim().trim_end_matches(['.', ')']).trim();
            let words = mark.split_whitespace().filter(|word| *word != "%").count();
            if !(1..=MAX_KEY_MARK_WORDS).contains(&words) {
                return None;
            }
            // `B = closed without delivery (cancelled)`: a label the
            // vocabulary does not name may name its status in brackets, or
            // name what is marked before its status (`100 % = fiche
            // réalisée`).
            let (meaning, label) = match grammar::phrase_cell(label, vocabulary) {
                Some(meaning) => (meaning, label),
                None => label
                    .rsplit_once('(')
                    .and_then(|(_, bracketed)| {
                        let bracketed = bracketed.trim();
                        Some((grammar::phrase_cell(bracketed, vocabulary)?, bracketed))
                    })
                    .or_else(|| noun_then_status(label, vocabulary))
                    .or_else(|| clause_status(label, vocabulary))
                    .or_else(|| coordinated_status(label, vocabulary))?,
            };
            Some(MarkEntry {
                mark: mark.to_owned(),
                meaning,
                label: label.to_owned(),
            })
        })
        .collect()
}

/// A key's label that names what is marked before its status (`fiche
/// réalisée`, `action en cours`): one or two words, none of them a partial
/// or negation word (`partly achieved`, `not achieved` are no such
/// labels), then a status phrase to the end.
fn noun_then_status<'l>(label: &'l str, vocabulary: Vocabulary<'_>) -> Option<(Meaning, &'l str)> {
    let lexicons = vocabulary.lexicons;
    let mut rest = label;
    for _ in 0..MAX_LABEL_NOUN_WORDS {
        let (noun, after) = rest.split_once(' ')?;
        let folded = grammar::folded_words(&lexicon::fold(noun));
        let qualifies = grammar::holds_partial_word(&folded, lexicons)
            || folded
                .iter()
                .any(|word| lexicons.has(|l| l.negation_words, word));
        if qualifies || !noun.chars().all(char::is_alphabetic) {
            return None;
        }
        rest = after.trim_start();
        if let Some(meaning) = grammar::phrase_cell(rest, vocabulary) {
            return Some((meaning, rest));
        }
    }
    None
}

/// A key's label whose status phrase is followed by a second one joined by
/// a conjunction (`implemented and verified`, `réalisée et évaluée`): the
/// phrase gives the status when what follows says nothing of it (no
/// status, negation or partial word of its own: `started or not` is no
/// such label).
fn coordinated_status<'l>(
    label: &'l str,
    vocabulary: Vocabulary<'_>,
) -> Option<(Meaning, &'l str)> {
    let lexicons = vocabulary.lexicons;
    let words: Vec<&str> = label.split_whitespace().collect();
    let at = words
        .iter()
        .position(|word| lexicons.has(|l| l.conjunctions, &word.to_lowercase()))?;
    // The words are slices of the label: the head ends where the
    // conjunction starts.
    let joint = words.get(at)?;
    let head = label
        .get(..joint.as_ptr() as usize - label.as_ptr() as usize)?
        .trim();
    let tail = words.get(at + 1..)?.join(" ");
    let meaning = grammar::phrase_cell(head, vocabulary)?;
    let folded = grammar::folded_words(&lexicon::fold(&tail));
    let says_more = tail.is_empty()
        || grammar::holds_partial_word(&folded, lexicons)
        || folded
            .iter()
            .any(|word| lexicons.has(|l| l.negation_words, word))
        || grammar::phrase_cell(&tail, vocabulary).is_some();
    (!says_more).then_some((meaning, head))
}

/// The most words of a key's label read as a clause about the marked item
/// (`l'action n'a pas commencé`).
const MAX_CLAUSE_WORDS: usize = 6;

/// A key's label written as a short clause about the marked item
/// (`l'action est terminée`, `l'action n'a pas commencé`): the item noun,
/// its article (elided or not) and the verb linking them left out, the rest
/// is a status phrase, or a clause naming one class ([`defined_status`]).
fn clause_status<'l>(label: &'l str, vocabulary: Vocabulary<'_>) -> Option<(Meaning, &'l str)> {
    let lexicons = vocabulary.lexicons;
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > MAX_CLAUSE_WORDS {
        return None;
    }
    let filler = |word: &str| {
        lexicons.has(|l| l.definition_fillers, word) || lexicons.has(|l| l.definition_links, word)
    };
    let skippable = |word: &str| {
        let lower = word.to_lowercase().replace('’', "'");
        filler(&lower)
            || lexicons.each(|l| l.definition_fillers).any(|article| {
                article.ends_with('\'') && lower.strip_prefix(article).is_some_and(&filler)
            })
    };
    let skipped = words.iter().take_while(|word| skippable(word)).count();
    let first = words.get(skipped)?;
    if skipped == 0 {
        return None;
    }
    // The words are slices of the label: the rest starts where its first
    // word does.
    let rest = label.get(first.as_ptr() as usize - label.as_ptr() as usize..)?;
    if let Some(meaning) = grammar::phrase_cell(rest, vocabulary) {
        return Some((meaning, rest));
    }
    let clause = words.get(skipped..)?;
    defined_status(clause, vocabulary).map(|status| (Meaning::Class(status), rest))
}

/// `vert : l'action est terminée`, `● : réalisée`: a key entry whose mark
/// is a status colour or a symbol before a colon. A colon after any other
/// word is a label's (`Statut : réalisé`) or a code's (`1.1 : fait`).
fn colour_key_split<'s>(segment: &'s str, lexicons: &Lexicons) -> Option<(&'s str, &'s str)> {
    let (mark, label) = segment.rsplit_once(':')?;
    let last = mark
        .rsplit_once(':')
        .map_or(mark, |(_, after)| after)
        .trim();
    let colour = lexicons.has(|l| l.status_colours, &last.to_lowercase());
    let symbol =
        !last.is_empty() && last.chars().count() <= 2 && !last.chars().any(char::is_alphanumeric);
    (colour || symbol).then_some((mark, label))
}

/// `Ej.: ejecutada`, `N/I: no iniciada`, `* Réal. : réalisée`: a key entry
/// whose mark is an abbreviation (its last word cut short with a full stop,
/// or letters joined by a slash) before a colon, the footnote call that
/// opens a footnote legend (`(1)`, `*`, `¹`) left out. A colon after a
/// whole word is a label's (`Estado: Cumplida`), not a key's.
fn abbreviation_key_split(segment: &str) -> Option<(&str, &str)> {
    let (mark, label) = segment.rsplit_once(':')?;
    let mut words: Vec<&str> = mark.split_whitespace().collect();
    if words.len() > 1 && words.first().is_some_and(|word| is_note_call(word)) {
        words.remove(0);
    }
    let first = *words.first()?;
    let last = *words.last()?;
    let abbreviated = last.len() > 1 && last.ends_with('.')
        || words.len() == 1 && last.split('/').filter(|part| !part.is_empty()).count() == 2;
    let start = mark.find(first)?;
    let end = mark.rfind(last)? + last.len();
    abbreviated.then_some((mark.get(start..end)?, label))
}

/// Column headings abbreviated in a table and spelled out in a footnote
/// (`Av.*` over the column, `* Av. : avancement de la fiche.` below; `Sit.¹`
/// and `¹ Sit.: situación a 31 de diciembre`): each abbreviation, folded as a
/// heading, with the longest run of the footnote's first words that is a
/// status or progress heading of any language (`avancement`, `situación`).
/// A footnote that spells out no such heading is none of these.
fn heading_abbreviations(text: &Text, vocabulary: Vocabulary<'_>) -> Vec<(String, String)> {
    let headings = vocabulary.every_language().lexicons;
    let is_heading = |words: &str| {
        let folded = folded_heading(words);
        headings.has(|l| l.status_headings, &folded)
            || headings.has(|l| l.progress_headings, &folded)
    };
    text.lines
        .iter()
        .filter_map(|line| {
            let plain = markup::plain(line.text);
            let plain = plain.trim();
            let call = plain.split_whitespace().next()?;
            if !is_note_call(call) {
                return None;
            }
            let (abbreviation, spelled) = plain.get(call.len()..)?.split_once(':')?;
            let abbreviation = abbreviation.trim();
            if abbreviation.split_whitespace().count() != 1
                || abbreviation.len() < 2
                || !abbreviation.ends_with('.')
            {
                return None;
            }
            let words: Vec<&str> = spelled
                .split(['.', ';'])
                .next()?
                .split_whitespace()
                .collect();
            let heading = (1..=words.len())
                .rev()
                .map(|count| words.get(..count).map(|run| run.join(" ")))
                .find_map(|run| run.filter(|run| is_heading(run)))?;
            Some((folded_heading(abbreviation), heading))
        })
        .collect()
}

/// A row's cells with each abbreviated heading a footnote spells out
/// ([`heading_abbreviations`]) replaced by the heading it stands for.
fn spelled_headings(cells: &[String], abbreviations: &[(String, String)]) -> Vec<String> {
    cells
        .iter()
        .map(|cell| {
            let folded = folded_heading(cell);
            abbreviations
                .iter()
                .find(|(abbreviation, _)| *abbreviation == folded)
                .map_or_else(|| cell.clone(), |(_, heading)| heading.clone())
        })
        .collect()
}

/// A footnote call standing alone: `(1)`, `1)`, `*`, `**`, `¹`, `†`.
fn is_note_call(word: &str) -> bool {
    let inner = word.trim_start_matches('(').trim_end_matches(')');
    !inner.is_empty()
        && (inner.chars().all(|c| c.is_ascii_digit()) && word.ends_with(')')
            || inner.chars().all(|c| "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)))
}

/// `≥ 90 %: cumplido`, `below 50 % not achieved`: a key entry whose mark
/// is a band of shares written without `=`, split after its last `%` (and
/// a colon). A band of one figure other than 0 or 100 (`30 % en curso`) is
/// a count's share in a sentence, not a key's mark.
fn share_key_split<'s>(segment: &'s str, lexicons: &Lexicons) -> Option<(&'s str, &'s str)> {
    let end = segment.rfind('%')? + '%'.len_utf8();
    let (mark, label) = (segment.get(..end)?, segment.get(end..)?);
    let label = label.trim_start();
    let label = label.strip_prefix(':').unwrap_or(label);
    let band = mark.rsplit_once(':').map_or(mark, |(_, after)| after);
    let band = grammar::share_band(band, lexicons)?;
    let keyed = band.high > band.low || band.low <= 0.0 || band.low >= 100.0;
    keyed.then_some((mark, label))
}

/// A short cell with a status phrase among other words (`Partially
/// achieved`, `Completed in part`): a status the vocabulary cannot name,
/// kept as an unknown mark rather than read as no status.
fn mentions_status(cell: &str, vocabulary: Vocabulary<'_>) -> bool {
    let words = grammar::folded_words(&lexicon::fold(cell));
    words.len() <= MAX_KEY_MARK_WORDS
        && (0..words.len()).any(|at| grammar::phrase_at(&words, at, vocabulary).is_some())
}

/// The state outside the classes a mark opens with (`Fusionada con
/// P2-A1`, `Postponed to 2025`, `Reprogramada para 2022`): what follows says
/// where or when, not another state. A class phrase followed by more words
/// stays unknown (`Completed partially`), unless those words are a state
/// outside the classes (`Completada con retraso`, `Completed behind
/// schedule`): the item keeps that state, its class unsaid.
fn leading_outside(cell: &str, vocabulary: Vocabulary<'_>) -> Option<Meaning> {
    let words = grammar::folded_words(&lexicon::fold(cell));
    let phrase = |at: usize| {
        grammar::phrase_at(&words, at, vocabulary)
            .or_else(|| grammar::phrase_at(&words, at, vocabulary.every_language()))
    };
    match phrase(0) {
        Some((meaning @ Meaning::Outside(_), _)) => Some(meaning),
        Some((Meaning::Class(_), width)) => match phrase(width) {
            Some((meaning @ Meaning::Outside(_), more)) if width + more == words.len() => {
                Some(meaning)
            }
            _ => None,
        },
        None => None,
    }
}

/// A cell that says partly done (`Partly`, `En partie`, `Parcialmente
/// logrado`, `Completed (partially)`): a mark of no class.
fn is_partial_cell(cell: &str, vocabulary: Vocabulary<'_>) -> bool {
    let words = grammar::folded_words(&lexicon::fold(cell));
    words.len() <= MAX_KEY_MARK_WORDS
        && grammar::holds_partial_word(&words, vocabulary.lexicons)
        && (words.len() <= 2 || mentions_status(cell, vocabulary))
}

/// A token that can be a legend mark: one to three characters, or a colour
/// name. A lower-case word of two or three letters (`was`, `est`, `son`) is
/// a word of a sentence, not a mark.
fn is_mark_like(token: &str, lexicons: &Lexicons) -> bool {
    let count = token.chars().count();
    let lower_word = count >= 2 && token.chars().all(char::is_lowercase);
    (1..=3).contains(&count) && !token.chars().all(|c| c.is_ascii_digit()) && !lower_word
        || lexicons.has(|l| l.status_colours, &token.to_lowercase())
}

/// What a whole cell says about a status, with the document's legend.
fn cell_meaning(cell: &str, legend: &[MarkEntry], vocabulary: Vocabulary<'_>) -> Option<Meaning> {
    // A task list's checkbox is read whole: its key's entry, else the
    // checkbox convention; never the letter inside it.
    if is_checkbox(cell.trim()) {
        let cell = cell.trim();
        return legend
            .iter()
            .find(|entry| entry.mark == cell)
            .map(|entry| entry.meaning.clone())
            .or_else(|| {
                CHECKBOX_MARKS
                    .iter()
                    .find(|mark| mark.mark == cell)
                    .map(|mark| Meaning::Class(mark.status))
            });
    }
    // A legend mark of several words (`Achieved (partially)`, counted as
    // ongoing) is the whole cell, brackets and all.
    let spaced = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if let Some(entry) = legend
        .iter()
        .find(|entry| entry.mark.contains(' ') && spaced(&entry.mark) == spaced(cell))
    {
        return Some(entry.meaning.clone());
    }
    let cell = cell.trim().trim_matches(['(', ')', '[', ']']).trim();
    if cell.is_empty() {
        return None;
    }
    let user = vocabulary
        .grammar
        .into_iter()
        .flat_map(|g| &g.statuses)
        .find(|entry| entry.mark == cell)
        .and_then(|entry| entry.meaning());
    if user.is_some() {
        return user;
    }
    if let Some(entry) = legend.iter().find(|entry| {
        entry.mark == cell
            || (entry.mark.chars().count() > 3 && entry.mark.to_lowercase() == cell.to_lowercase())
    }) {
        return Some(entry.meaning.clone());
    }
    // A whole cell is a status word of the document's languages, else of
    // any language (international reports keep English status words).
    if let Some(meaning) = grammar::phrase_cell(cell, vocabulary)
        .or_else(|| grammar::phrase_cell(cell, vocabulary.every_language()))
    {
        return Some(meaning);
    }
    // A conventional symbol, unless the legend gives its letters other meanings.
    let in_legend: Vec<&MarkEntry> = legend
        .iter()
        .filter(|entry| entry.mark.to_lowercase() == cell.to_lowercase())
        .collect();
    let conventional = CONVENTIONAL_MARKS
        .iter()
        .find(|mark| mark.mark == cell)
        .map(|mark| Meaning::Class(mark.status));
    match in_legend.as_slice() {
        [] => conventional,
        // The legend's letter in the other case (`V` where the key says
        // `v`), which the conventional table reads as the key does: the
        // same mark.
        [entry] => conventional.filter(|meaning| *meaning == entry.meaning),
        _ => None,
    }
}

/// `No. | Action | Started? | Finished?`: a heading row asking in one
/// column whether the action started (a question holding a started word
/// of the lexicons, `¿Iniciada?`, `Commencée ?`) and in another whether it
/// finished (a question that is an achieved status phrase, `Finished?`,
/// `¿Finalizada?`, `Achevée ?`). The two columns, started first.
fn answer_pair_columns(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<(usize, usize)> {
    if !is_heading_row(cells, vocabulary) {
        return None;
    }
    let every = vocabulary.every_language();
    let question = |cell: &String| {
        let cell = cell.trim();
        cell.ends_with('?')
            .then(|| cell.trim_matches(['?', '¿']).trim().to_owned())
    };
    let started_words: Vec<String> = every
        .lexicons
        .each(|l| l.started_words)
        .map(|word| grammar::fold_word(word))
        .collect();
    let started = cells.iter().position(|cell| {
        question(cell).is_some_and(|asked| {
            asked
                .split_whitespace()
                .any(|word| started_words.contains(&grammar::fold_word(word)))
        })
    })?;
    let finished = cells.iter().position(|cell| {
        question(cell).is_some_and(|asked| {
            grammar::phrase_cell(&asked, every) == Some(Meaning::Class(Status::Achieved))
        })
    })?;
    (started != finished).then_some((started, finished))
}

/// The state two answers give together: started and finished is achieved,
/// started and not finished in progress, neither not developed. Finished
/// without having started contradicts itself: both answers, for a null
/// status naming them. None when either cell is no yes or no answer.
fn answered_pair(
    cells: &[String],
    started: usize,
    finished: usize,
    vocabulary: Vocabulary<'_>,
) -> Option<Result<(String, Meaning), Vec<String>>> {
    let every = vocabulary.every_language();
    let answer = |at: usize| {
        let cell = cells.get(at)?.trim();
        match grammar::phrase_cell(cell, every)? {
            Meaning::Class(status @ (Status::Achieved | Status::NotDeveloped)) => {
                Some((cell.to_owned(), status))
            }
            _ => None,
        }
    };
    let (started_mark, started) = answer(started)?;
    let (finished_mark, finished) = answer(finished)?;
    let mark = format!("{started_mark} / {finished_mark}");
    let status = match (started, finished) {
        (Status::Achieved, Status::Achieved) => Status::Achieved,
        (Status::Achieved, _) => Status::InProgress,
        (_, Status::NotDeveloped) => Status::NotDeveloped,
        _ => return Some(Err(vec![started_mark, finished_mark])),
    };
    Some(Ok((mark, Meaning::Class(status))))
}

/// `2/4 done`, `3/5 réalisées`: a fraction whose part is no more than its
/// whole, then a status phrase: how many of a row's parts are in that
/// state, not the row's own state.
fn is_tally_of_parts(cell: &str, vocabulary: Vocabulary<'_>) -> bool {
    let Some((fraction, phrase)) = cell.trim().split_once(char::is_whitespace) else {
        return false;
    };
    let counted = fraction
        .split_once('/')
        .and_then(|(part, whole)| Some((part.parse::<u32>().ok()?, whole.parse::<u32>().ok()?)))
        .is_some_and(|(part, whole)| part <= whole && whole > 0);
    counted && grammar::phrase_cell(phrase.trim(), vocabulary.every_language()).is_some()
}

/// A cell that is only a ditto mark (`"`, `〃`, `''`): the same as the
/// cell above it.
fn is_ditto(cell: &str) -> bool {
    matches!(cell.trim(), "\"" | "〃" | "″" | "”" | "“" | "''" | "„")
}

/// `[x]`, `[ ]`, `[~]`: one character (or none) in square brackets.
fn is_checkbox(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('[')
        && chars.next_back() == Some(']')
        && chars.as_str().chars().count() <= 1
}

/// A row's code cell: its index, the ancestors a path in it names, its own code.
type CodedCell = (usize, Vec<CodeMatch>, CodeMatch);

/// `| Eje II / Programa 3 | Reforestar la ribera (P-07) | … |`: a cell that
/// is only a path of named levels, then a cell with the row's own code (at
/// its start, or after its title), of a level the path does not name. The
/// path's codes are the own code's ancestors; the own code's cell is the
/// row's code cell, written code first. So is a merged first column's
/// parent (`| Sub-prog. 1.2 Alquiler | Proj. 1.2.1 | … |`).
fn own_code_after_path(
    mut cells: Vec<String>,
    at: usize,
    mut ancestors: Vec<CodeMatch>,
    leaf: CodeMatch,
    grammar: Option<&Grammar>,
) -> (Vec<String>, Option<CodedCell>) {
    let path_only = !ancestors.is_empty()
        && cells.get(at).is_some_and(|cell| {
            cell.get(leaf.rest..)
                .is_some_and(|rest| rest.trim().is_empty())
        });
    // The next cell with text: a level word set apart from its number
    // (`| Proj. | 1.1.1 |`) left its own cell empty.
    let next_at = (at + 1..cells.len())
        .find(|&next| cells.get(next).is_some_and(|cell| !cell.is_empty()))
        .unwrap_or(at + 1);
    let next = cells.get(next_at).and_then(|cell| {
        grammar::code_at_start(cell, grammar)
            .map(|own| (cell.clone(), own))
            .or_else(|| {
                let line = grammar::code_after_title(cell, grammar)?;
                let own = grammar::code_at_start(&line, grammar)?;
                Some((line, own))
            })
    });
    // `| Sub-prog. 1.2 Alquiler | Proj. 1.2.1 | … |`: a first column merged
    // over a group's rows names the parent, code and title, in the group's
    // first row; the next cell's code, of another named level, descends from
    // it.
    let merged_parent = |own: &CodeMatch| {
        ancestors.is_empty()
            && leaf.level.is_some()
            && own.level.is_some()
            && own.level != leaf.level
            && own.path.len() > leaf.path.len()
            && own.path.starts_with(&leaf.path)
    };
    match next {
        Some((line, own))
            if (path_only
                && own.level.is_some()
                && ancestors
                    .iter()
                    .chain([&leaf])
                    .all(|named| named.level != own.level))
                || merged_parent(&own) =>
        {
            ancestors.push(leaf);
            if let Some(cell) = cells.get_mut(next_at) {
                *cell = line;
            }
            (cells, Some((next_at, ancestors, own)))
        }
        _ => (cells, Some((at, ancestors, leaf))),
    }
}

/// A line whose mark comes before its code: a task list's checkbox (`[x]
/// 3.1 Rewire the hall`, `- [~] 3.2 …`), or a symbol the legend or the
/// conventions define (`✔ HR.1.02 Publish the policy`, `🟢 2.3 …`). The
/// mark and the rest are two cells, when a code follows the mark or ends
/// the line.
fn leading_mark_cells(
    line: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<Vec<String>> {
    let line = line
        .trim_start()
        .trim_start_matches(['-', '*', '+', '•'])
        .trim_start();
    // A checkbox, or a status phrase of several words in brackets (`[EN
    // CURSO] 2.1 …`): the brackets hold the mark whole.
    let bracketed = |mark: &str| {
        is_checkbox(mark)
            || (mark.starts_with('[') && cell_meaning(mark, legend, vocabulary).is_some())
    };
    let (mark, rest) = match line.find(']') {
        Some(close) if bracketed(line.get(..=close)?) => {
            (line.get(..=close)?, line.get(close + 1..)?)
        }
        _ => {
            let (mark, rest) = line.split_once(char::is_whitespace)?;
            // Only a symbol (`◑` too, which no class defines: its status
            // stays unknown): a word, a number or punctuation before a code
            // is a title's.
            // A sign that opens a code (`§ 2.3`) is the code's.
            let symbol = cell_meaning(mark, legend, vocabulary).is_some()
                || (mark.chars().count() <= 2
                    && mark.chars().all(|c| !c.is_alphanumeric() && !c.is_ascii())
                    && !grammar::code_at_start(line, vocabulary.grammar)
                        .is_some_and(|found| found.code.starts_with(mark)));
            (symbol.then_some(mark)?, rest)
        }
    };
    let rest = rest.trim();
    // `☒ Ouvrir une maison de l'habitat (1a)`: the code may follow the title.
    let rest = match grammar::code_at_start(rest, vocabulary.grammar) {
        Some(_) => rest.to_owned(),
        None => grammar::code_after_marked_title(rest, vocabulary.grammar)?,
    };
    let rest = rest.as_str();
    // `◦ Indicador 1.1 — Rutas: Alcanzado`: a symbol no legend defines
    // before a line that ends in its own status is the list's bullet (`◦`
    // is only a conventional mark), not a second status.
    let defined = is_checkbox(mark) || legend.iter().any(|entry| entry.mark == mark);
    let says_status = |tail: &str| {
        cell_meaning(tail, legend, vocabulary).is_some()
            || is_partial_cell(tail, vocabulary)
            || mentions_status(tail, vocabulary)
    };
    let ends_in_status = trailing_status(rest, legend, vocabulary).is_some()
        || [" — ", " – ", ": "].iter().any(|separator| {
            rest.rsplit_once(separator)
                .is_some_and(|(_, tail)| says_status(tail.trim().trim_end_matches('.')))
        });
    if !defined && ends_in_status {
        return Some(vec![rest.to_owned()]);
    }
    Some(vec![mark.to_owned(), rest.to_owned()])
}

/// A table row none of whose cells opens with a code, with the cell of a
/// mark and a code read together (`◐ 1.a.i`, `✔ OE-2`) parted into the
/// mark's cell and the code's; the row as it was otherwise.
fn split_leading_mark(
    cells: Vec<String>,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Vec<String> {
    let opens_with_code =
        |cell: &str| !grammar::codes_at_start(cell, vocabulary.grammar).is_empty();
    if cells.iter().any(|cell| opens_with_code(cell)) {
        return cells;
    }
    let split = cells.iter().enumerate().find_map(|(at, cell)| {
        match leading_mark_cells(cell, legend, vocabulary)?.as_slice() {
            [mark, rest] if opens_with_code(rest) => Some((at, mark.clone(), rest.clone())),
            _ => None,
        }
    });
    let Some((at, mark, rest)) = split else {
        return cells;
    };
    let mut cells = cells;
    if let Some(cell) = cells.get_mut(at) {
        *cell = rest;
    }
    cells.insert(at, mark);
    cells
}

/// A status phrase followed by a qualifier in brackets or after a dash or
/// comma (`Completed (March 2022)`, `En cours – retard`), in a status
/// column: the phrase gives the status, the whole cell is the mark. Anything else before the qualifier
/// (`Partially completed`) is no status.
fn qualified_phrase(cell: &str, vocabulary: Vocabulary<'_>) -> Option<(String, Meaning)> {
    let at = cell.find(['(', '[', ',', ';', '–', '—'])?;
    let head = cell.get(..at)?.trim().trim_end_matches(" -");
    let meaning = grammar::phrase_cell(head, vocabulary)?;
    // `Completed (partially)`: a partial qualifier takes back what the
    // phrase says; the cell is an unknown mark, not a class.
    let qualifier = grammar::folded_words(&lexicon::fold(cell.get(at..)?));
    if grammar::holds_partial_word(&qualifier, vocabulary.lexicons) {
        return None;
    }
    Some((cell.trim().to_owned(), meaning))
}

/// A status phrase followed by nothing but a date (`Completed 14 Mar
/// 2025`, `Réalisée en mars 2025`, `Completada el 3/05/2025`), in a status
/// column or ending a row: the phrase gives the status, the whole cell is
/// the mark. A date is a month name, a year or a day and month in figures;
/// a bare number (`Completed 3`) is a count, not a date.
fn dated_phrase(cell: &str, vocabulary: Vocabulary<'_>) -> Option<(String, Meaning)> {
    let words = grammar::folded_words(&lexicon::fold(cell));
    let (meaning, width) = grammar::phrase_at(&words, 0, vocabulary)
        .or_else(|| grammar::phrase_at(&words, 0, vocabulary.every_language()))?;
    let rest = words.get(width..).filter(|rest| !rest.is_empty())?;
    let lexicons = vocabulary.every_language().lexicons;
    let figures = |word: &str| {
        word.starts_with(|c: char| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || "/.-".contains(c))
    };
    let dated = rest.iter().any(|word| {
        lexicons.month(word).is_some()
            || (figures(word) && (word.len() == 4 || word.contains(['/', '.', '-'])))
    }) || rest.iter().filter(|word| figures(word)).count() >= 2;
    let only_date = rest.iter().all(|word| {
        figures(word)
            || lexicons.month(word).is_some()
            || lexicons.has(|l| l.date_prepositions, word)
            || lexicons.has(|l| l.month_prepositions, word)
    });
    (dated && only_date).then(|| (cell.trim().to_owned(), meaning))
}

/// Splits a trailing status off a title: `Train staff — completed`,
/// `Former les agents (en cours)`, `Taller 🟢`.
fn trailing_status(
    title: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, String, Meaning)> {
    let title = title.trim();
    if let Some(found) = answered_question(title, legend, vocabulary) {
        return Some(found);
    }
    // `Lancer une consigne. Reportée`: a last sentence that is only a status.
    // `Heat pumps … COMPLETE`: a dot leader drawn as one ellipsis.
    // `Banco del tiempo → por empezar`: an arrow pointing at the state.
    for separator in [
        " | ", " — ", " – ", " - ", " → ", " ⇒ ", " -> ", ": ", " (", " [", " … ", ". ", " ",
    ] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let tail = tail.trim_end_matches([')', ']', '.']).trim();
        // A bare last word is a mark only when it is a symbol the legend defines.
        if separator == " " && tail.chars().any(char::is_alphanumeric) {
            continue;
        }
        // `… [E2.3]: merged into E1.2.`: a state outside the classes may
        // say where or when after it, in a short tail.
        let outside = || {
            (separator != " " && tail.split_whitespace().count() <= MAX_KEY_MARK_WORDS)
                .then(|| leading_outside(tail, vocabulary))
                .flatten()
        };
        if let Some(meaning) = cell_meaning(tail, legend, vocabulary).or_else(outside) {
            let head = if separator == ": " {
                without_answer_label(head, vocabulary)
            } else {
                head
            };
            return Some((head.trim().to_owned(), tail.to_owned(), meaning));
        }
    }
    None
}

/// A title ending in a question about the status and its answer:
/// `Capacitar a 40 promotores. ¿Ejecutada? En parte.`, `Train the staff.
/// Achieved? Yes.` The question, a status word or heading of its own
/// sentence, is left out of the title; the answer is the mark.
fn answered_question(
    title: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, String, Meaning)> {
    let (head, answer) = title.rsplit_once("? ")?;
    let answer = answer.trim().trim_end_matches('.').trim();
    let meaning = cell_meaning(answer, legend, vocabulary)?;
    // The question opens after the sentence before it, or at a Spanish
    // opening question mark.
    let opens = head
        .rfind('¿')
        .or_else(|| head.rfind(". ").map(|dot| dot + 1))?;
    let question = head.get(opens..)?.trim().trim_start_matches('¿').trim();
    let asks = vocabulary
        .every_language()
        .lexicons
        .has(|l| l.status_headings, &folded_heading(question))
        || grammar::phrase_cell(question, vocabulary).is_some();
    let before = head.get(..opens)?.trim().trim_end_matches('.').trim();
    (asks && before.chars().any(char::is_alphabetic))
        .then(|| (before.to_owned(), answer.to_owned(), meaning))
}

/// Splits a leading status off a title, before a dash or a colon: `Soldée
/// — Créer un guichet unique`, `DONE: Publish the guide`. The title is
/// what follows; the status is the whole text before the separator.
fn leading_status(
    title: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, String, Meaning)> {
    [" — ", " – ", " - ", ": "].iter().find_map(|separator| {
        let (head, rest) = title.trim().split_once(separator)?;
        let meaning = cell_meaning(head, legend, vocabulary)?;
        let rest = rest.trim();
        rest.chars()
            .any(char::is_alphabetic)
            .then(|| (rest.to_owned(), head.trim().to_owned(), meaning))
    })
}

/// A status sentence inside a paragraph: `Ferias de empleo. Estado:
/// ejecutada. Tres ferias con 40 empresas.`, `… Status: delayed to 2025.`
/// A status heading of any language and a colon open a sentence whose
/// rest is the status (a state outside the classes may say when or
/// where); the title is what comes before that sentence.
fn labelled_status(
    title: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, String, Meaning)> {
    let headings = vocabulary.every_language().lexicons;
    title.match_indices(": ").find_map(|(colon, _)| {
        let before = title.get(..colon)?;
        let opens = before.rfind(". ").map_or(0, |dot| dot + 2);
        let label = before.get(opens..)?;
        if opens == 0 || !headings.has(|l| l.status_headings, &folded_heading(label)) {
            return None;
        }
        let after = title.get(colon + 2..)?;
        let status = after
            .split_once(". ")
            .map_or(after, |(sentence, _)| sentence)
            .trim()
            .trim_end_matches(['.', ';'])
            .trim();
        let meaning = cell_meaning(status, legend, vocabulary)
            .or_else(|| leading_outside(status, vocabulary))?;
        let head = before.get(..opens)?.trim().trim_end_matches('.').trim();
        Some((head.to_owned(), status.to_owned(), meaning))
    })
}

/// A status tagged in square brackets after the title, before a comment:
/// `D3.2.1 Streaming connectors [At risk]. The partners have flagged …`,
/// `3.2 – Cantine à un euro [oui]. La mesure est achevée.` The bracket
/// closes the title's sentence (a stop, a colon or the end of the line
/// after it); the title is what comes before it, the comment is not read.
fn bracketed_status(
    title: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, String, Meaning)> {
    title.match_indices(" [").find_map(|(open, _)| {
        let inside = title.get(open + 2..)?;
        let close = inside.find(']')?;
        let after = inside.get(close + 1..)?.trim_start();
        if !(after.is_empty() || after.starts_with(['.', ':', ';'])) {
            return None;
        }
        let tag = inside.get(..close)?.trim();
        let meaning =
            cell_meaning(tag, legend, vocabulary).or_else(|| leading_outside(tag, vocabulary))?;
        let head = title.get(..open)?.trim();
        head.chars()
            .any(char::is_alphabetic)
            .then(|| (head.to_owned(), tag.to_owned(), meaning))
    })
}

/// A line that is only a labelled status (`Estado: en ejecución.`, `Status:
/// under way.`, `État : à lancer.`): a status heading of any language, a
/// colon, and a status the legend or the status words define (a state
/// outside the classes may say more: `Status: withdrawn in May.`).
fn status_line(
    line: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<(String, Meaning)> {
    let (label, status) = line.split_once(':')?;
    let headings = vocabulary.every_language().lexicons;
    if !headings.has(|l| l.status_headings, &folded_heading(label)) {
        return None;
    }
    let status = status.trim().trim_end_matches(['.', ';']).trim();
    let meaning =
        cell_meaning(status, legend, vocabulary).or_else(|| leading_outside(status, vocabulary))?;
    Some((status.to_owned(), meaning))
}

/// A form's row of check boxes (`☒ Réalisée ☐ En cours ☐ Non engagée`):
/// two boxes or more, ticked or empty ([`lexicon::TICKED_BOXES`]), each
/// before a status the legend or the status words define. Each box is
/// returned, whether ticked, with its label and meaning; None when the line
/// is no such row.
fn box_row(
    line: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<Vec<(bool, String, Meaning)>> {
    let mut boxes: Vec<(bool, Vec<&str>)> = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        let ticked = lexicon::TICKED_BOXES.iter().find(|b| rest.starts_with(**b));
        let empty = lexicon::EMPTY_BOXES.iter().find(|b| rest.starts_with(**b));
        if let Some(mark) = ticked.or(empty) {
            boxes.push((ticked.is_some(), Vec::new()));
            rest = rest.get(mark.len()..)?.trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        boxes.last_mut()?.1.push(rest.get(..end)?);
        rest = rest.get(end..)?.trim_start();
    }
    if boxes.len() < 2 {
        return None;
    }
    boxes
        .into_iter()
        .map(|(ticked, words)| {
            let label = words.join(" ");
            let meaning = cell_meaning(&label, legend, vocabulary)?;
            Some((ticked, label, meaning))
        })
        .collect()
}

/// The lines that are rows of a form ([`box_row`]): the same labels in the
/// same order on two lines or more, the ticks differing. A legend of boxes
/// (`☒ Réalisée ☐ Non engagée`) is printed once.
fn form_rows(text: &Text, vocabulary: Vocabulary<'_>) -> Vec<usize> {
    let rows: Vec<(usize, Vec<String>)> = (0..text.lines.len())
        .filter_map(|index| {
            let plain = markup::plain(&text.joined_cells(index));
            let boxes = box_row(&plain, &[], vocabulary)?;
            Some((
                index,
                boxes.into_iter().map(|(_, label, _)| label).collect(),
            ))
        })
        .collect();
    rows.iter()
        .filter(|(_, labels)| rows.iter().filter(|(_, other)| other == labels).count() >= 2)
        .map(|(index, _)| *index)
        .collect()
}

/// The fewest rows a table's counting column numbers.
const MIN_COUNTED_ROWS: usize = 2;

/// `N.º | Código | Acción` over `1 | OE1-A1 | …` and `2 | OE1-A2 | …`,
/// `# | Ref | Action` over `1. | A-3 | …`: a table whose first column counts
/// its rows (each number one more than the row above's) before a code of
/// another shape numbers its rows; the code is the one after the number.
/// The code may be in the next cell or, where the layout joined two
/// narrow columns, after the number in the same one (`1 OE1-A1 Punto …`).
/// The lines of such rows. A column of bare numbers that do not count (`1
/// | 1.1`, `1 | 1.2`) or with no other code beside them is left to be read
/// as codes.
fn counted_rows(text: &Text, grammar: Option<&Grammar>) -> BTreeSet<usize> {
    let coded = |cell: &str| {
        grammar::code_at_start(cell, grammar).is_some_and(|code| !is_bare_number(&code))
    };
    let mut counted = BTreeSet::new();
    for table in text.blocks.iter().filter_map(crate::page::Block::table) {
        let numbered: Vec<(usize, u32)> = table
            .rows
            .iter()
            .filter_map(|row| {
                let (first, rest) = row.cells.split_first()?;
                let first = markup::plain(first.text());
                let (number, after) = row_number(&first)?;
                let code_after = if after.is_empty() {
                    rest.iter().any(|cell| coded(&markup::plain(cell.text())))
                } else {
                    coded(after)
                };
                code_after.then_some((row.line, number))
            })
            .collect();
        // A count numbers every row: a first cell opening with a code
        // of its own (`1.1` under `1 | Objetivo 1`) makes the column an
        // outline's.
        let numbered_lines: BTreeSet<usize> = numbered.iter().map(|&(line, _)| line).collect();
        let own_codes = table.rows.iter().any(|row| {
            !numbered_lines.contains(&row.line)
                && row.cells.first().is_some_and(|first| {
                    grammar::code_at_start(&markup::plain(first.text()), grammar).is_some()
                })
        });
        let counts = !own_codes
            && numbered.len() >= MIN_COUNTED_ROWS
            && numbered
                .windows(2)
                .all(|pair| matches!(pair, [(_, before), (_, after)] if *after == before + 1));
        if counts {
            counted.extend(numbered_lines);
        }
    }
    counted
}

/// `12`, `12.`, `12 OE1-A1 …`: a cell opening with a row's number, the
/// number and what follows it.
fn row_number(cell: &str) -> Option<(u32, &str)> {
    let cell = cell.trim();
    let (word, after) = cell.split_once(char::is_whitespace).unwrap_or((cell, ""));
    let digits = word.strip_suffix('.').unwrap_or(word);
    let number = (!digits.is_empty()
        && digits.len() <= MAX_ROW_NUMBER_DIGITS
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then(|| digits.parse().ok())
    .flatten()?;
    Some((number, after.trim_start()))
}

/// The most digits of a row's number (more is a year or a figure).
const MAX_ROW_NUMBER_DIGITS: usize = 3;

/// A code of one number and no prefix (`7`).
fn is_bare_number(code: &CodeMatch) -> bool {
    code.level.is_none() && code.path.len() == 1 && code.code.bytes().all(|b| b.is_ascii_digit())
}

/// What separates the labelled fields of one line (`Código: 2.3 / Acción:
/// … / Estado: Cumplida`).
const FIELD_SEPARATORS: &[&str] = &[" / ", " ; ", " | ", " · "];

/// The longest label of a labelled field, in words (`Fecha de cierre`).
const MAX_FIELD_LABEL_WORDS: usize = 3;

/// A line of labelled fields has a code, a title and a status at least.
const MIN_LABELLED_FIELDS: usize = 3;

/// The cell of [`labelled_fields`]' row that holds the status.
const LABELLED_STATUS_CELL: usize = 2;

/// One line of labelled fields for one item (`Código: 2.3 / Acción: … /
/// Estado: Cumplida`, `Code : 3.1 ; Intitulé : … ; État : Fait`): the field
/// whose value is only a code gives the code, the field labelled by a
/// status heading of any language gives the status, and the first other
/// field with words gives the title. The row returned is code, title and
/// status (at [`LABELLED_STATUS_CELL`]), whatever order the fields come in.
fn labelled_fields(line: &str, vocabulary: Vocabulary<'_>) -> Option<Vec<String>> {
    FIELD_SEPARATORS.iter().find_map(|separator| {
        let fields: Vec<(&str, &str)> = line
            .split(separator)
            .map(labelled_field)
            .collect::<Option<_>>()?;
        labelled_row(&fields, vocabulary)
    })
}

/// `Fecha de cierre: 2025`: a label of a few words, a colon and a value.
fn labelled_field(field: &str) -> Option<(&str, &str)> {
    let (label, value) = field.split_once(':')?;
    let (label, value) = (label.trim(), value.trim());
    let words = label.split_whitespace().count();
    (words > 0 && words <= MAX_FIELD_LABEL_WORDS && !value.is_empty()).then_some((label, value))
}

/// A record of labelled fields for one item, on one line or one a line
/// ([`labelled_records`]): code, title and status, as [`labelled_fields`].
fn labelled_row(fields: &[(&str, &str)], vocabulary: Vocabulary<'_>) -> Option<Vec<String>> {
    let headings = vocabulary.every_language().lexicons;
    if fields.len() < MIN_LABELLED_FIELDS {
        return None;
    }
    let code_at = fields.iter().position(|(_, value)| {
        grammar::code_at_start(value, vocabulary.grammar).is_some_and(|code| {
            value
                .get(code.rest..)
                .is_some_and(|rest| rest.trim().is_empty())
        })
    })?;
    let status_at = fields
        .iter()
        .position(|(label, _)| headings.has(|l| l.status_headings, &folded_heading(label)))?;
    let title = fields
        .iter()
        .enumerate()
        .find(|(at, (_, value))| {
            *at != code_at && *at != status_at && value.chars().any(char::is_alphabetic)
        })
        .map(|(_, (_, value))| *value)?;
    let (_, code) = fields.get(code_at)?;
    let (_, status) = fields.get(status_at)?;
    Some(vec![
        (*code).to_owned(),
        title.to_owned(),
        (*status).to_owned(),
    ])
}

/// `| Status | On track |`: a table row of two cells, a label of a few
/// words that opens with no code and its value, one field of a card laid
/// out as a table (`| Action | 1.1 |` over `| Title | … |` and `| Status |
/// … |`).
fn labelled_cells<'t>(
    text: &'t Text,
    index: usize,
    grammar: Option<&Grammar>,
) -> Option<(&'t str, &'t str)> {
    let [label, value] = text.cells(index)[..] else {
        return None;
    };
    let (label, value) = (label.trim(), value.trim());
    let words = label.split_whitespace().count();
    (words > 0
        && words <= MAX_FIELD_LABEL_WORDS
        && !value.is_empty()
        && label.chars().any(char::is_alphabetic)
        && markup::plain(label) == label
        && markup::plain(value) == value
        && grammar::code_at_start(label, grammar).is_none())
    .then_some((label, value))
}

/// A record written one labelled field a line (`Ref: 1.1` / `Action: …` /
/// `Lead: …` / `Assessment: Met`, or a card of two-cell table rows `| Ref |
/// 1.1 |` / `| Status | Met |`): consecutive lines that are each one field
/// ([`labelled_field`], [`labelled_cells`]), a new record opening where the
/// label of the first field comes again. Each record that is an item ([`labelled_row`])
/// is returned as its first line, its last line and its row.
fn labelled_records(text: &Text, vocabulary: Vocabulary<'_>) -> Vec<(usize, usize, Vec<String>)> {
    let plain: Vec<String> = (0..text.lines.len())
        .map(|index| markup::plain(&text.joined_cells(index)))
        .collect();
    let mut records = Vec::new();
    let mut run: Vec<(usize, &str, &str)> = Vec::new();
    let mut close = |run: &mut Vec<(usize, &str, &str)>| {
        let fields: Vec<(&str, &str)> = run
            .iter()
            .map(|(_, label, value)| (*label, *value))
            .collect();
        if let (Some((first, _, _)), Some((last, _, _)), Some(row)) =
            (run.first(), run.last(), labelled_row(&fields, vocabulary))
        {
            records.push((*first, *last, row));
        }
        run.clear();
    };
    for (index, line) in plain.iter().enumerate() {
        // A Markdown table's `|---|` line is inside its card.
        if is_separator_row(text, index) {
            continue;
        }
        // A line of several fields is a record of its own.
        let field = FIELD_SEPARATORS
            .iter()
            .all(|separator| !line.contains(separator))
            .then(|| labelled_field(line))
            .flatten()
            .or_else(|| labelled_cells(text, index, vocabulary.grammar));
        match field {
            Some((label, value)) => {
                if run.first().is_some_and(|(_, first, _)| *first == label) {
                    close(&mut run);
                }
                run.push((index, label, value));
            }
            None => close(&mut run),
        }
    }
    close(&mut run);
    records
}

/// A title before `Label: answer` without its label: in `Former les guides.
/// Réalisée : Non` the last sentence, a status word or heading, asks the
/// question the answer after the colon answers.
fn without_answer_label<'a>(head: &'a str, vocabulary: Vocabulary<'_>) -> &'a str {
    let Some((title, label)) = head.rsplit_once(". ") else {
        return head;
    };
    let label = label.trim().trim_start_matches('¿').trim_end_matches('?');
    let heading = vocabulary
        .every_language()
        .lexicons
        .has(|l| l.status_headings, &folded_heading(label));
    if heading || grammar::phrase_cell(label, vocabulary).is_some() {
        title.trim_end_matches('.')
    } else {
        head
    }
}

/// A code alone on its line in the left margin, its title (and status) on
/// the next line: `R1.2-A3` over `Capacitar a 40 promotores. ¿Ejecutada?
/// Sí.` Each such code line is returned with the two lines joined. The
/// code names its level or has two numbers or more (a lone `3` is a page or
/// a list number), and the next line is read, one cell, and opens with no
/// code of its own.
fn margin_codes(
    text: &Text,
    grammar: Option<&Grammar>,
    unread: &dyn Fn(usize) -> bool,
) -> BTreeMap<usize, String> {
    let mut joined = BTreeMap::new();
    for index in 0..text.lines.len().saturating_sub(1) {
        if unread(index) || unread(index + 1) {
            continue;
        }
        let own = cells(text, index);
        let [code] = own.as_slice() else {
            continue;
        };
        let Some(found) = grammar::code_at_start(code, grammar) else {
            continue;
        };
        if found.rest < code.len() || (found.level.is_none() && found.path.len() < 2) {
            continue;
        }
        let next = cells(text, index + 1);
        let [title] = next.as_slice() else {
            continue;
        };
        if title.chars().any(char::is_alphabetic)
            && grammar::codes_at_start(title, grammar).is_empty()
        {
            joined.insert(index, format!("{code} {title}"));
        }
    }
    joined
}

/// Reads the generic items of a document. `claimed` lines belong to other
/// readers (totals) and hold no items.
pub fn read_items(text: &Text, vocabulary: Vocabulary<'_>, claimed: &[usize]) -> ItemsReading {
    let MarkLegend {
        entries: legend,
        lines: legend_lines,
        diagnostics: legend_diagnostics,
        rows: _,
    } = read_mark_legend(text, vocabulary);
    let split_words = split_level_words(text, &legend, vocabulary);
    let abbreviations = heading_abbreviations(text, vocabulary);
    let forms = form_rows(text, vocabulary);
    let records = labelled_records(text, vocabulary);
    let counted = counted_rows(text, vocabulary.grammar);
    let unread = |index: usize| {
        claimed.contains(&index) || legend_lines.contains(&index) || is_separator_row(text, index)
    };
    let margins = margin_codes(text, vocabulary.grammar, &unread);
    let wrapped = wrapped_mentions(text, vocabulary, &unread);
    let listed: BTreeMap<usize, ListedState> = (0..text.lines.len())
        .filter(|&index| !unread(index))
        .filter_map(|index| {
            Some((
                index,
                listed_state(&text.joined_cells(index), &legend, vocabulary)?,
            ))
        })
        .collect();
    let lines = &text.lines;
    let mut rows: Vec<Row> = Vec::new();
    let mut status_column: Option<usize> = None;
    let mut progress_column: Option<usize> = None;
    let mut year_column: Option<usize> = None;
    let mut matrix: Vec<(usize, Meaning)> = Vec::new();
    let mut joined_statuses: Vec<Meaning> = Vec::new();
    let mut planned: Vec<usize> = Vec::new();
    let mut history: Vec<usize> = Vec::new();
    let mut history_width = 0;
    // A tracker's period columns (`Q1 | Q2 | Q3 | Q4`), when the key says
    // the latest one filled in is the status; asked of the key only when a
    // table has such columns.
    let mut periods: Vec<usize> = Vec::new();
    let mut latest_rule: Option<bool> = None;
    let mut planned_width = 0;
    let mut section: Option<Section> = None;
    let mut open_row: Option<usize> = None;
    let mut outline: Option<Outline> = None;
    // Where the outline heading's level words start and end (PDF only).
    let mut level_starts: Option<Vec<(f32, f32)>> = None;
    // Rows of a breadcrumb, each with the row of the code before it.
    let mut breadcrumbs: BTreeMap<usize, usize> = BTreeMap::new();
    // The status cell of the table's last row that had one, for a ditto
    // mark under it to repeat.
    let mut ditto_source: Option<String> = None;
    // The table's `Started? | Finished?` columns ([`answer_pair_columns`]).
    let mut answer_pair: Option<(usize, usize)> = None;
    // The table's start and end columns, when the document's prose says
    // which dates filled in make which state ([`dated_states`]); the
    // prose is read only when a table has a heading row.
    let mut dated_pair: Option<(usize, usize)> = None;
    let mut stated_clauses: Option<Vec<dated_states::StatedClause>> = None;
    let mut dating_doubts: Vec<Diagnostic> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if claimed.contains(&index)
            || legend_lines.contains(&index)
            || is_separator_row(text, index)
        {
            open_row = None;
            continue;
        }
        // The lines of a record after its first are read with it, and so
        // are a wrapped paragraph's lines naming actions, and the title
        // line after a code in the margin.
        if wrapped
            .range(..index)
            .next_back()
            .is_some_and(|(_, (last, _))| index <= *last)
            || records
                .iter()
                .any(|(first, last, _)| (first + 1..=*last).contains(&index))
            || index
                .checked_sub(1)
                .is_some_and(|before| margins.contains_key(&before))
        {
            continue;
        }
        // A line listing the codes in one state is read once every row is.
        if listed.contains_key(&index) {
            open_row = None;
            continue;
        }
        let record = records
            .iter()
            .find(|(first, _, _)| *first == index)
            .map(|(_, _, row)| row.clone());
        // A code alone in the margin is read with the line it heads; a PDF
        // outline whose level columns the layout joined (`Eje Programa
        // Proyecto` in one cell, `1 1` in one, a number run into its
        // title): the heading's words and the numbers under them are
        // parted where the words start.
        let own = margins.get(&index).map(|joined| vec![joined.clone()]);
        let drawn = match (&own, &outline, &level_starts) {
            (None, Some(_), Some(starts)) => outline_cells(text, index, starts),
            _ => None,
        };
        let heading_levels = (own.is_none() && drawn.is_none())
            .then(|| level_heading_cells(text, index, vocabulary))
            .flatten();
        let (raw_cells, heading_starts) = match (own, drawn, heading_levels) {
            (Some(cells), _, _) | (None, Some(cells), _) => (cells, None),
            (None, None, Some((cells, starts))) => (cells, Some(starts)),
            (None, None, None) => (cells(text, index), None),
        };
        let cells = joined_codes(raw_cells, &split_words, vocabulary.grammar);
        let is_table = cells.len() > 1;
        if !is_table {
            ditto_source = None;
            answer_pair = None;
            dated_pair = None;
            status_column = None;
            progress_column = None;
            year_column = None;
            matrix.clear();
            joined_statuses.clear();
            planned.clear();
            history.clear();
            periods.clear();
            outline = None;
            level_starts = None;
        }
        let opened = if is_table {
            Outline::heading(&cells, vocabulary)
        } else {
            None
        };
        let spelled = spelled_headings(&cells, &abbreviations);
        let pair_heading = answer_pair_columns(&cells, vocabulary);
        let status_heading = pair_heading
            .map(|(_, finished)| finished)
            .or_else(|| status_heading_column(&spelled, vocabulary));
        let progress_heading = progress_heading_column(&spelled, vocabulary);
        // The observed state beside the planned one, like the latest year
        // beside earlier ones, is the status when its cell is one.
        let heading = with_years_joined(&cells);
        let year_heading = latest_year_column(&cells, vocabulary)
            .or_else(|| observed_column(&heading, vocabulary));
        let matrix_heading = status_matrix_columns(&cells, &legend, vocabulary);
        let joined_heading = joined_status_headings(&cells, vocabulary);
        let planned_heading = planned_columns(&heading, vocabulary);
        let mut period_heading = period_columns(&cells, vocabulary);
        if !period_heading.is_empty()
            && !*latest_rule.get_or_insert_with(|| latest_period_rule(text, vocabulary))
        {
            period_heading.clear();
        }
        let states_heading = status_heading.is_some()
            || progress_heading.is_some()
            || year_heading.is_some()
            || !matrix_heading.is_empty()
            || !joined_heading.is_empty()
            || !period_heading.is_empty();
        // The prose is read for a rule only above a row of dates.
        let dates_below = || {
            (index + 1..lines.len())
                .find(|&below| !is_separator_row(text, below))
                .is_some_and(|below| dated_states::holds_dates(&self::cells(text, below)))
        };
        let dated_heading =
            (!states_heading && is_heading_row(&cells, vocabulary) && dates_below())
                .then(|| {
                    let clauses = stated_clauses
                        .get_or_insert_with(|| dated_states::stated_clauses(text, vocabulary));
                    dated_states::dated_columns(&cells, clauses)
                })
                .flatten();
        if states_heading || dated_heading.is_some() {
            ditto_source = None;
            answer_pair = pair_heading;
            dated_pair = dated_heading;
            status_column = status_heading;
            progress_column = progress_heading;
            year_column = year_heading;
            matrix = if pair_heading.is_some() {
                Vec::new()
            } else {
                matrix_heading
            };
            joined_statuses = joined_heading;
            planned = planned_heading;
            history = earlier_year_columns(&cells, vocabulary);
            history_width = cells.len();
            periods = period_heading;
            planned_width = heading.len();
            level_starts = heading_starts.filter(|_| opened.is_some());
            outline = opened;
            open_row = None;
            continue;
        }
        if opened.is_some() {
            level_starts = heading_starts;
            outline = opened;
            open_row = None;
            continue;
        }
        // A row not laid out as its heading cannot tell the plan from what
        // was observed: no cell of it is read as a status.
        let misaligned = !planned.is_empty() && cells.len() != planned_width;
        // An earlier year's cell is history, in a row laid out as its
        // heading (a row that lost a cell no longer says which is which).
        let history: &[usize] = if cells.len() == history_width {
            &history
        } else {
            &[]
        };
        // Under the key's rule, a period before the latest one filled in is
        // history.
        let latest_period = periods
            .iter()
            .copied()
            .filter(|&at| cells.get(at).is_some_and(|cell| !cell.trim().is_empty()))
            .max();
        let cells: Vec<String> = cells
            .into_iter()
            .enumerate()
            .map(|(at, cell)| {
                let plan = planned.contains(&at)
                    || history.contains(&at)
                    || (periods.contains(&at) && Some(at) != latest_period)
                    || (misaligned && cell_meaning(&cell, &legend, vocabulary).is_some());
                if plan {
                    String::new()
                } else {
                    cell
                }
            })
            .collect();
        // `Code: 3.1 / Title: … / Status: Done`: a line of labelled fields
        // is a row of its own, its status field the row's status column.
        let fields = record.or_else(|| {
            (line.text.matches(':').count() >= MIN_LABELLED_FIELDS)
                .then(|| labelled_fields(&markup::plain(&text.joined_cells(index)), vocabulary))
                .flatten()
        });
        let row_status_column = if fields.is_some() {
            Some(LABELLED_STATUS_CELL)
        } else {
            status_column
        };
        let cells = fields.unwrap_or(cells);
        let (cells, outline_level) = match outline.as_mut().and_then(|outline| outline.row(&cells))
        {
            Some((cells, level)) => (cells, Some(level)),
            None => (cells, None),
        };
        // `## En cours` over `- T-12 Former les bénévoles`: a line that is
        // only a status phrase heads a section of a task board, and its
        // rows without a status of their own have that one; so does a
        // label naming what it lists before a colon (`Actions achevées :`,
        // `Completed actions:`).
        // A table's row whose first cell alone has text (`| Réalisées (2)
        // | | |`) spans the table as such a line does.
        let lone = match cells.as_slice() {
            [only] => Some(only),
            [first, others @ ..]
                if is_table && !first.is_empty() && others.iter().all(String::is_empty) =>
            {
                Some(first)
            }
            _ => None,
        };
        if let Some(only) = lone {
            // `## Done (5)`: a board's column may carry its count, which
            // announces its rows as a colon does, however few they are.
            let counted = without_count(only);
            let introduced = counted.is_some() || only.trim_end().ends_with(':');
            let only = &counted.unwrap_or(only).to_owned();
            let label = status_label_line(only, vocabulary);
            if let Some(meaning) = grammar::phrase_cell(only, vocabulary)
                .or_else(|| label.as_ref().map(|(meaning, _)| meaning.clone()))
            {
                close_section(&mut rows, section.take());
                section = Some(Section {
                    heading: label.map_or_else(|| only.clone(), |(_, heading)| heading),
                    meaning,
                    rows: Vec::new(),
                    introduced,
                });
                open_row = None;
                continue;
            }
        }
        // `Ouvrir une maison de santé [2.3] — réalisée`: a line whose code
        // follows its title reads as the same line code first; so does a
        // table cell (`| Rehabilitar los pozos (OE-1.1) | Obras | EJECUTADA |`)
        // in a row that opens with no code. A heading that names its level
        // first (`Priorité 2 : Accueil (AP-2)`) is known by the code in
        // brackets, which its children's codes extend.
        let cells = match cells.as_slice() {
            [only] => leading_mark_cells(only, &legend, vocabulary)
                .or_else(|| {
                    let unlabelled = without_code_label(only, vocabulary.lexicons);
                    let only = unlabelled.as_ref();
                    let after = grammar::code_after_title(only, vocabulary.grammar)?;
                    let leading = grammar::code_at_start(only, vocabulary.grammar);
                    let bracketed = grammar::code_at_start(&after, vocabulary.grammar)?;
                    (leading.is_none() || bracketed.level.is_some()).then(|| vec![after])
                })
                .unwrap_or(cells),
            _ if cells
                .iter()
                .all(|cell| grammar::code_at_start(cell, vocabulary.grammar).is_none()) =>
            {
                let mut cells = cells;
                if let Some((at, line)) = cells.iter().enumerate().find_map(|(at, cell)| {
                    Some((at, grammar::code_after_title(cell, vocabulary.grammar)?))
                }) {
                    if let Some(cell) = cells.get_mut(at) {
                        *cell = line;
                    }
                }
                cells
            }
            _ => cells,
        };
        // A counting column's number is the row's, not its code.
        let mut cells = cells;
        if let Some(first) = cells.first_mut().filter(|_| counted.contains(&index)) {
            *first = row_number(first)
                .map(|(_, after)| after.to_owned())
                .unwrap_or_default();
        }
        // `| P-01.02 | Tree planting | Parks | " |`: a ditto mark alone in
        // the status column repeats the status cell of the row above it.
        if let Some(cell) = row_status_column
            .filter(|_| is_table)
            .and_then(|column| cells.get_mut(column))
        {
            if is_ditto(cell) {
                if let Some(above) = &ditto_source {
                    cell.clone_from(above);
                }
            } else if !cell.trim().is_empty() {
                ditto_source = Some(cell.clone());
            }
        }
        // `◐ 1.a.i | Heat pumps | HR`: a narrow mark column set with no
        // gutter before the code column is one cell with it; the mark and
        // the code are two cells, as a wider gutter would have made them,
        // when no heading placed a column (which the new cell would shift).
        let columns_placed = row_status_column.is_some()
            || progress_column.is_some()
            || year_column.is_some()
            || !matrix.is_empty()
            || !joined_statuses.is_empty();
        let cells = if is_table && !columns_placed {
            split_leading_mark(cells, &legend, vocabulary)
        } else {
            cells
        };
        let first_code = cells.iter().enumerate().find_map(|(at, cell)| {
            let mut codes = grammar::codes_at_start(cell, vocabulary.grammar);
            let leaf = codes.pop()?;
            Some((at, codes, leaf))
        });
        let (cells, first_code) = match first_code {
            Some((at, ancestors, leaf)) => {
                own_code_after_path(cells, at, ancestors, leaf, vocabulary.grammar)
            }
            None => (cells, None),
        };
        let Some((code_at, ancestors, code)) = first_code else {
            // `Actuación 2.3. Nuevo centro de mayores` over `Estado: no
            // iniciada.`: a line that is only a labelled status gives it to
            // the row just above, when that row has none.
            let open = open_row.and_then(|at| rows.get_mut(at));
            // `Action 2.3 – …` over `☒ Réalisée ☐ En cours ☐ Non engagée`:
            // the ticked box of a form's row gives its status to the row
            // above; two ticked leave it null, naming both.
            let boxes = forms
                .contains(&index)
                .then(|| box_row(&cells.join(" "), &legend, vocabulary))
                .flatten();
            if let (Some(open), Some(boxes)) = (open, boxes) {
                let ticked: Vec<(String, Meaning)> = boxes
                    .into_iter()
                    .filter(|(ticked, _, _)| *ticked)
                    .map(|(_, label, meaning)| (label, meaning))
                    .collect();
                if open.mark.is_none() && open.ambiguous.is_empty() {
                    match ticked.as_slice() {
                        [(mark, meaning)] => {
                            open.mark = Some(mark.clone());
                            open.meaning = Some(meaning.clone());
                        }
                        [] => {}
                        several => {
                            open.ambiguous = several.iter().map(|(mark, _)| mark.clone()).collect();
                        }
                    }
                }
                open_row = None;
                continue;
            }
            // `La acción 1.1 (…) se completó; la 1.2 (…) sigue en curso`:
            // actions named in running text, each a row.
            let mentions = match (wrapped.get(&index), cells.as_slice()) {
                (Some((_, rows)), [_]) => rows.clone(),
                (None, [only]) => prose_mentions(only, &|_| line.location(), vocabulary),
                _ => Vec::new(),
            };
            if !mentions.is_empty() {
                rows.extend(mentions);
                open_row = None;
                continue;
            }
            let open = open_row.and_then(|at| rows.get_mut(at));
            if let (Some(open), [only]) = (open, cells.as_slice()) {
                if open.mark.is_none() && open.ambiguous.is_empty() {
                    if let Some((mark, meaning)) = status_line(only, &legend, vocabulary) {
                        open.mark = Some(mark);
                        open.meaning = Some(meaning);
                        open_row = None;
                        continue;
                    }
                }
            }
            continue_title(&mut rows, open_row, &cells, &line);
            // Any other text that is no continued title ends a task board's section.
            if cells
                .first()
                .is_some_and(|first| !first.is_empty() && !first.starts_with(char::is_lowercase))
            {
                close_section(&mut rows, section.take());
            }
            if line.text.trim().is_empty() || is_table {
                open_row = None;
            }
            continue;
        };
        // `| 2.3 | Data vouchers | Yes | No |`: the two answers give the
        // state together; the finished column alone is read for any other
        // cell (`Withdrawn`).
        let dated = dated_pair.and_then(|columns| {
            let state = dated_states::dated_state(&cells, columns, stated_clauses.as_deref()?)?;
            Some((columns, state))
        });
        if let Some(&((start, end), _)) = dated
            .as_ref()
            .filter(|&&(columns, _)| dated_states::ends_before_it_starts(&cells, columns))
        {
            let cell = |at: usize| cells.get(at).map_or("", |cell| cell.trim());
            dating_doubts.push(
                Diagnostic::info(
                    Code::ItemsDatesOutOfOrder,
                    format!(
                        "{} ends ({}) in a year before it starts ({}); its state follows the document's rule from the end date",
                        code.code,
                        cell(end),
                        cell(start)
                    ),
                )
                .at(line.location()),
            );
        }
        let answered = answer_pair
            .and_then(|(started, finished)| answered_pair(&cells, started, finished, vocabulary))
            .or_else(|| dated.clone().map(|(_, state)| Ok(state)));
        let mut cells = cells;
        if let Some(cell) = answer_pair.and_then(|(started, _)| cells.get_mut(started)) {
            cell.clear();
        }
        // The dates a row's state was read from are no title of it.
        for column in dated.into_iter().flat_map(|((start, end), _)| [start, end]) {
            if let Some(cell) = cells.get_mut(column) {
                cell.clear();
            }
        }
        let mut row = read_row(
            &cells,
            code_at,
            code,
            // The latest year's cell is the status only when it is one
            // (`| 2023 | 2024 |` may head budgets as well).
            row_status_column.or(year_column.filter(|&column| {
                cells
                    .get(column)
                    .is_some_and(|cell| cell_meaning(cell, &legend, vocabulary).is_some())
            })),
            progress_column,
            (&matrix, &joined_statuses),
            &legend,
            vocabulary,
            line.location(),
        );
        if let Some(level) = outline_level {
            row.code.level = Some(level);
        }
        match answered {
            Some(Ok((mark, meaning))) => {
                row.mark = Some(mark);
                row.meaning = Some(meaning);
                row.ambiguous.clear();
            }
            Some(Err(answers)) => {
                row.mark = None;
                row.meaning = None;
                row.ambiguous = answers;
            }
            None => {}
        }
        // A wrapped row whose every line repeats its code (`| 1.1 | Extend the
        // lighting | Completed |` over `| 1.1 | to every cul-de-sac | |`):
        // a line of the row just read, with no status of its own, goes on
        // with its title.
        if let Some(open) = open_row.and_then(|at| rows.get_mut(at)) {
            let same = open.code.code == row.code.code && ancestors.is_empty();
            if same && row.mark.is_none() && row.ambiguous.is_empty() {
                open.title = format!("{} {}", open.title, row.title).trim().to_owned();
                continue;
            }
        }
        // A bare number with nothing but a status beside it is a count
        // (`| Completed | 12 |`), not a plan item.
        if row.code.depth() == 1 && row.code.level.is_none() && row.title.is_empty() {
            open_row = None;
            continue;
        }
        // The codes of a breadcrumb before the row's own are its ancestors,
        // each the parent of the next (`Eje II / Programa 3 / P-07`, whose
        // numbers do not say it).
        let crumbs = ancestors.len();
        for step in 0..crumbs {
            breadcrumbs.insert(rows.len() + step + 1, rows.len() + step);
        }
        rows.extend(ancestors.into_iter().map(|ancestor| Row {
            code: ancestor,
            location: line.location(),
            title: String::new(),
            mark: None,
            meaning: None,
            ambiguous: Vec::new(),
            in_status_column: false,
        }));
        // A code of a shallower level than the section's rows (`Axe 2`
        // after the `Non engagées` rows of axis 1) heads the next part of
        // the plan, not a row of the section.
        let shallower = section
            .as_ref()
            .and_then(|open| open.rows.first())
            .and_then(|&at| rows.get(at))
            .is_some_and(|first| row.code.depth() < first.code.depth());
        if shallower {
            close_section(&mut rows, section.take());
        }
        match section.as_mut() {
            Some(open) if row.mark.is_none() && row.ambiguous.is_empty() => {
                row.mark = Some(open.heading.clone());
                row.meaning = Some(open.meaning.clone());
                open.rows.push(rows.len());
            }
            Some(_) => close_section(&mut rows, section.take()),
            None => {}
        }
        rows.push(row);
        open_row = Some(rows.len() - 1);
    }
    close_section(&mut rows, section.take());
    give_listed_states(&mut rows, listed.values());
    // `X-12` in a register is no roman numeral unless the document's own
    // codes give the numeral (`Axe II` over `II-3`).
    grammar::settle_roman_registers(
        &mut rows.iter_mut().map(|row| &mut row.code).collect::<Vec<_>>(),
    );
    let mut reading = assemble(
        rows,
        &breadcrumbs,
        legend,
        legend_lines,
        vocabulary.grammar,
        vocabulary.lexicons,
    );
    reading.diagnostics.extend(legend_diagnostics);
    reading.diagnostics.extend(dating_doubts);
    reading
}

/// The most digits a level's number has in a column of its own: more is a
/// year or a figure.
const MAX_OUTLINE_DIGITS: usize = 3;

/// The fewest letters of a level word heading a column of numbers.
const MIN_OUTLINE_WORD_CHARS: usize = 3;

/// A table whose leading columns are headed by level words (`Eje |
/// Programa | Proyecto | Denominación`), each holding one level's number:
/// a row's code joins the numbers it gives, top level first (`1 | 2 | 3`
/// is `1.2.3`), and a blank cell before the row's own level carries down
/// the number of the rows above (a spreadsheet outline filling one column
/// a row).
#[derive(Debug, Clone)]
struct Outline {
    /// The words heading the leading columns; the level columns are the
    /// first ones of them, as many as the rows fill with numbers.
    levels: Vec<String>,
    /// How many columns hold levels, once a row has said it.
    width: Option<usize>,
    /// The number each level had on the last outline row.
    path: Vec<Option<u16>>,
}

/// Whether a word may name a level in an outline's heading: one
/// capitalised word of letters only, saying no status.
fn is_level_word(word: &str, vocabulary: Vocabulary<'_>) -> bool {
    word.chars().count() >= MIN_OUTLINE_WORD_CHARS
        && word.chars().all(char::is_alphabetic)
        && word.starts_with(char::is_uppercase)
        && grammar::phrase_cell(word, vocabulary).is_none()
}

/// A drawn word: the index of its cell, its text, where it starts and ends.
type DrawnWord = (usize, String, f32, f32);

/// Where an outline heading's level words start and end.
type LevelStarts = Vec<(f32, f32)>;

/// The words of a laid-out row, each with the index of its cell, and the
/// row's cells as text.
fn drawn_words(text: &Text, index: usize) -> Option<(Vec<DrawnWord>, Vec<String>)> {
    let row = text.row(index)?;
    let words: Vec<DrawnWord> = row
        .cells
        .iter()
        .enumerate()
        .flat_map(|(at, cell)| {
            cell.words()
                .iter()
                .map(move |word| (at, word.text.to_owned(), word.bbox.x0, word.bbox.x1))
        })
        .collect();
    (!words.is_empty()).then(|| (words, cells(text, index)))
}

/// An outline's heading row drawn in a PDF (`Eje Programa Proyecto |
/// Denominación | Situación`, the level words in one cell, or `Axe |
/// Objectif | Action | Libellé`): its cells with each level word a cell of
/// its own, and where each starts and ends. The level words are the words
/// of the leading cells, each cell holding level words only, that start
/// left of the next row's title (its first word that is no number), two
/// or more, whole cells; the row has no figures, and the next row's
/// leading numbers stand under them.
fn level_heading_cells(
    text: &Text,
    index: usize,
    vocabulary: Vocabulary<'_>,
) -> Option<(Vec<String>, LevelStarts)> {
    // Cheap tests first: most rows hold figures, or open with no capital.
    let plain = text.cells(index);
    let opens_capital = plain
        .iter()
        .find(|cell| !cell.trim().is_empty())
        .is_some_and(|cell| cell.trim_start().starts_with(char::is_uppercase));
    if !opens_capital
        || plain
            .iter()
            .any(|cell| cell.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let (words, cells) = drawn_words(text, index)?;
    let (next, _) = drawn_words(text, index + 1)?;
    let title_start = next
        .iter()
        .find(|(_, word, ..)| outline_number(word).flatten().is_none())
        .map(|(_, _, x0, _)| *x0)?;
    let first = words.first()?.0;
    let mut kept: Vec<&(usize, String, f32, f32)> = Vec::new();
    let mut last_cell = first;
    for cell in first..cells.len() {
        let in_cell: Vec<&(usize, String, f32, f32)> =
            words.iter().filter(|(at, ..)| *at == cell).collect();
        let levels = in_cell
            .iter()
            .filter(|(_, word, x0, _)| {
                is_level_word(word, vocabulary) && *x0 < title_start - LEVEL_START_SLACK
            })
            .count();
        if in_cell.is_empty() || levels == 0 {
            break;
        }
        if levels != in_cell.len() {
            return None;
        }
        kept.extend(in_cell);
        last_cell = cell;
    }
    if kept.len() < 2 {
        return None;
    }
    let starts: Vec<(f32, f32)> = kept.iter().map(|(_, _, x0, x1)| (*x0, *x1)).collect();
    outline_cells(text, index + 1, &starts)?;
    let mut split: Vec<String> = cells.get(..first)?.to_vec();
    split.extend(kept.iter().map(|(_, word, ..)| word.clone()));
    split.extend(cells.get(last_cell + 1..)?.iter().cloned());
    Some((split, starts))
}

/// How far left of a level word's start a number under it may start, in
/// points.
const LEVEL_START_SLACK: f32 = 2.0;

/// A laid-out row of an outline whose leading numbers stand under the
/// heading's level words (`starts`): one cell per level (its number, or
/// blank), then the rest of the cell where the numbers end (the title)
/// and the cells after it. None when the row opens with no number, or a
/// number stands under no level word, or two under one.
fn outline_cells(text: &Text, index: usize, starts: &[(f32, f32)]) -> Option<Vec<String>> {
    let (words, cells) = drawn_words(text, index)?;
    let mut numbers = vec![String::new(); starts.len()];
    let mut next_level = 0;
    let mut title_at = None;
    for (at, (cell, word, x0, _)) in words.iter().enumerate() {
        if outline_number(word).flatten().is_none() {
            title_at = Some((at, *cell));
            break;
        }
        let level = (next_level..starts.len()).find(|&level| {
            starts
                .get(level)
                .is_some_and(|&(start, end)| *x0 >= start - LEVEL_START_SLACK && *x0 <= end)
        })?;
        *numbers.get_mut(level)? = word.clone();
        next_level = level + 1;
    }
    let (title_word, title_cell) = title_at?;
    if next_level == 0 {
        return None;
    }
    let title: Vec<&str> = words
        .iter()
        .skip(title_word)
        .take_while(|(cell, ..)| *cell == title_cell)
        .map(|(_, word, ..)| word.as_str())
        .collect();
    numbers.push(markup::plain(&title.join(" ")).trim().to_owned());
    numbers.extend(cells.get(title_cell + 1..)?.iter().cloned());
    Some(numbers)
}

/// A level's number alone in its cell: `Some(None)` for a blank cell,
/// None for anything but a short number.
fn outline_number(cell: &str) -> Option<Option<u16>> {
    if cell.is_empty() {
        Some(None)
    } else if cell.len() <= MAX_OUTLINE_DIGITS && cell.chars().all(|c| c.is_ascii_digit()) {
        cell.parse().ok().map(Some)
    } else {
        None
    }
}

impl Outline {
    /// The outline a heading row may open: two leading cells or more that
    /// are each one capitalised word of letters only, saying no status.
    fn heading(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<Outline> {
        let levels: Vec<String> = cells
            .iter()
            .take_while(|cell| {
                cell.chars().count() >= MIN_OUTLINE_WORD_CHARS
                    && cell.chars().all(char::is_alphabetic)
                    && cell.starts_with(char::is_uppercase)
                    && grammar::phrase_cell(cell, vocabulary).is_none()
            })
            .cloned()
            .collect();
        (levels.len() >= 2).then(|| Outline {
            path: vec![None; levels.len()],
            width: None,
            levels,
        })
    }

    /// The code and level word of a row of the outline, the level cells
    /// made one code cell (the others blank, so that columns hold). The
    /// level columns are the leading ones holding numbers or nothing, two
    /// or more, the same on every row, before a cell with words. None for
    /// a row that is no outline row: a blank between two numbers, or a
    /// number that does not follow its sibling's (`1` under a new parent,
    /// else the last one's next): counts or page numbers in columns are no
    /// outline.
    fn row(&mut self, cells: &[String]) -> Option<(Vec<String>, String)> {
        let width = cells
            .iter()
            .take(self.levels.len())
            .take_while(|cell| outline_number(cell).is_some())
            .count();
        if width < 2 || self.width.is_some_and(|known| known != width) {
            return None;
        }
        let titled = cells
            .get(width)
            .is_some_and(|cell| cell.chars().any(char::is_alphabetic));
        let numbers: Vec<Option<u16>> = cells
            .get(..width)?
            .iter()
            .map(|cell| outline_number(cell))
            .collect::<Option<_>>()?;
        let deepest = numbers.iter().rposition(Option::is_some)?;
        let first = numbers.iter().position(Option::is_some)?;
        if !titled || numbers.get(first..=deepest)?.iter().any(Option::is_none) {
            return None;
        }
        let mut path = Vec::with_capacity(deepest + 1);
        for (at, number) in numbers.iter().take(deepest + 1).enumerate() {
            path.push(number.or(*self.path.get(at)?)?);
        }
        let same_parent = path
            .iter()
            .zip(&self.path)
            .take(deepest)
            .all(|(number, carried)| Some(*number) == *carried);
        let previous = self.path.get(deepest).copied().flatten();
        let expected = match previous {
            Some(previous) if same_parent => previous.checked_add(1)?,
            _ => 1,
        };
        if path.last() != Some(&expected) {
            return None;
        }
        self.width = Some(width);
        for (at, slot) in self.path.iter_mut().enumerate() {
            *slot = path.get(at).copied();
        }
        let code = path
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let mut cells = cells.to_vec();
        for (at, cell) in cells.iter_mut().take(width).enumerate() {
            *cell = if at == 0 { code.clone() } else { String::new() };
        }
        Some((cells, self.levels.get(deepest)?.clone()))
    }
}

/// A section of a task board: a line that is only a status phrase
/// (`Done`, `En cours`), over the rows it gives that status to.
struct Section {
    heading: String,
    meaning: Meaning,
    rows: Vec<usize>,
    /// The line ends with a colon: it introduces the rows below it.
    introduced: bool,
}

/// The clauses of running text: cut at semicolons and at full stops that
/// end a sentence (a stop inside a code, `1.2`, is no end).
fn clauses(text: &str) -> Vec<&str> {
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends =
            c == ';' || (c == '.' && chars.peek().is_none_or(|(_, next)| next.is_whitespace()));
        if ends {
            clauses.extend(text.get(start..at));
            start = at + c.len_utf8();
        }
    }
    clauses.extend(text.get(start..));
    clauses
}

/// Actions named in running text wrapped over a paragraph's lines (a PDF's
/// or a hard-wrapped text file's: `l'action 1.2` on one line, `(bus santé)
/// est réalisée` on the next), read on the paragraph's lines joined, each
/// mention located on the line that holds its code; keyed by the
/// paragraph's first line, with its last. Only paragraphs of two lines or
/// more, every line one cell, none read by another reader, and at most
/// one opening with a code.
fn wrapped_mentions(
    text: &Text,
    vocabulary: Vocabulary<'_>,
    unread: &dyn Fn(usize) -> bool,
) -> BTreeMap<usize, (usize, Vec<Row>)> {
    let mut found = BTreeMap::new();
    for block in &text.blocks {
        if !matches!(block.kind, crate::page::BlockKind::Paragraph) || block.lines.len() < 2 {
            continue;
        }
        let mut joined = String::new();
        let mut starts: Vec<(usize, Location)> = Vec::new();
        for index in block.lines.clone() {
            let line_cells = cells(text, index);
            let (Some(line), [only]) = (text.lines.get(index), line_cells.as_slice()) else {
                starts.clear();
                break;
            };
            if unread(index) {
                starts.clear();
                break;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            starts.push((joined.len(), line.location()));
            joined.push_str(only);
        }
        // Lines that open with a code are a list of items, each read on
        // its line (`Action 1.1 : … — réalisée` over `Action 1.2 : …`);
        // one is a wrap that fell before a code.
        let opening_codes = block
            .lines
            .clone()
            .filter(|&index| {
                cells(text, index)
                    .first()
                    .is_some_and(|cell| grammar::code_at_start(cell, vocabulary.grammar).is_some())
            })
            .count();
        let Some(&(_, first_location)) = starts.first().filter(|_| opening_codes < 2) else {
            continue;
        };
        let locate = |offset: usize| {
            starts
                .iter()
                .take_while(|(start, _)| *start <= offset)
                .last()
                .map_or(first_location, |(_, location)| *location)
        };
        let rows = prose_mentions(&joined, &locate, vocabulary);
        if !rows.is_empty() {
            found.insert(block.lines.start, (block.lines.end - 1, rows));
        }
    }
    found
}

/// A mention's row, the status phrases read after it (mark and meaning),
/// and whether a negation or a partial word makes them unsure.
type MentionReading = (Row, Vec<(String, Meaning)>, bool);

/// Actions named in running text, each with the status its clause gives
/// (`La acción 1.1 (…) se completó en octubre y la 1.2 (…) también se
/// completó; la 1.3 (…) sigue en curso`, `Les actions 1.3 (…) et 1.4 (…)
/// sont en cours`). A mention is a dotted code after an item noun or an
/// article of the lexicons (`la 1.2`, `l'action 2.3`), or after a joining
/// word once a clause has named one (`1.3 et 1.4`); a line counts only
/// when it names two or more with a status. A mention's status is the one
/// status phrase between it and the next mention, its bracketed title
/// aside; one with none takes its clause's status when the clause states
/// exactly one (`réalisée, de même que l'action 1.2`). Two phrases for a
/// mention, a negation before a phrase that is no `not developed`, or a
/// partial word, leave it null.
fn prose_mentions(
    line: &str,
    locate: &dyn Fn(usize) -> Location,
    vocabulary: Vocabulary<'_>,
) -> Vec<Row> {
    let lexicons = vocabulary.lexicons;
    let is_negation = |word: &str| {
        lexicons.each(|l| l.negation_words).any(|negation| {
            word == *negation || (negation.ends_with('\'') && word.starts_with(negation))
        })
    };
    let mut mentions: Vec<Row> = Vec::new();
    for clause in clauses(line) {
        let tokens: Vec<&str> = clause.split_whitespace().collect();
        let words: Vec<String> = tokens.iter().map(|t| grammar::fold_word(t)).collect();
        let mut found: Vec<(usize, CodeMatch)> = Vec::new();
        for (at, token) in tokens.iter().enumerate() {
            let code = token.trim_end_matches([',', ';', '.', ':']);
            let parts: Vec<&str> = code.split('.').collect();
            let dotted = parts.len() >= 2
                && parts.iter().all(|part| {
                    (1..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())
                });
            let before = at
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .map(|word| lexicon::fold(word).to_lowercase());
            let named = before.as_deref().is_some_and(|word| {
                lexicons.has(|l| l.mention_words, word)
                    || (!found.is_empty() && lexicons.has(|l| l.mention_joins, word))
            });
            if let (true, true, Some(code)) = (dotted, named, grammar::code_at_start(code, None)) {
                found.push((at, code));
            }
        }
        let mut clause_rows: Vec<MentionReading> = Vec::new();
        for (k, (at, code)) in found.iter().enumerate() {
            let end = found.get(k + 1).map_or(tokens.len(), |(next, _)| next - 1);
            let mut from = at + 1;
            let mut title = String::new();
            if tokens.get(from).is_some_and(|token| token.starts_with('(')) {
                let close = (from..end)
                    .find(|&index| tokens.get(index).is_some_and(|token| token.contains(')')))
                    .unwrap_or(from);
                title = tokens
                    .get(from..=close)
                    .map(|run| run.join(" "))
                    .unwrap_or_default()
                    .trim_matches(|c: char| "(),;.".contains(c))
                    .to_owned();
                from = close + 1;
            }
            let mut phrases: Vec<(String, Meaning)> = Vec::new();
            let mut unsure = false;
            let mut index = from;
            while index < end {
                let Some((meaning, width)) = grammar::phrase_at(&words, index, vocabulary) else {
                    index += 1;
                    continue;
                };
                let between = words.get(from..index).unwrap_or_default();
                let negated = between.iter().any(|word| is_negation(word));
                if negated && meaning != Meaning::Class(Status::NotDeveloped) {
                    unsure = true;
                }
                let mark = tokens
                    .get(index..index + width)
                    .map(|run| {
                        run.join(" ")
                            .trim_matches(SEPARATORS)
                            .trim_end_matches('.')
                            .to_owned()
                    })
                    .unwrap_or_default();
                if !phrases.iter().any(|(_, known)| *known == meaning) {
                    phrases.push((mark, meaning));
                }
                index += width;
            }
            let segment = words.get(from..end).unwrap_or_default();
            unsure |= grammar::holds_partial_word(segment, lexicons);
            let offset = tokens
                .get(*at)
                .map_or(0, |token| token.as_ptr() as usize - line.as_ptr() as usize);
            let row = Row {
                code: code.clone(),
                location: locate(offset),
                title,
                mark: None,
                meaning: None,
                ambiguous: Vec::new(),
                in_status_column: false,
            };
            clause_rows.push((row, phrases, unsure));
        }
        // An unsure mention leaves its clause no status to lend.
        let any_unsure = clause_rows.iter().any(|(_, _, unsure)| *unsure);
        let mut distinct: Vec<&(String, Meaning)> = Vec::new();
        for (_, phrases, _) in &clause_rows {
            for phrase in phrases {
                if !distinct.iter().any(|(_, known)| *known == phrase.1) {
                    distinct.push(phrase);
                }
            }
        }
        let clause_status = match distinct.as_slice() {
            [only] if !any_unsure => Some((*only).clone()),
            _ => None,
        };
        for (mut row, phrases, unsure) in clause_rows {
            match phrases.as_slice() {
                // `n'a pas été réalisée`, `partly completed`: a phrase read,
                // its status unknown.
                _ if unsure && !phrases.is_empty() => {
                    let marks: Vec<&str> = phrases.iter().map(|(mark, _)| mark.as_str()).collect();
                    row.mark = Some(marks.join(" / "));
                }
                [(mark, meaning)] => {
                    row.mark = Some(mark.clone());
                    row.meaning = Some(meaning.clone());
                }
                [] => {
                    if let Some((mark, meaning)) = &clause_status {
                        row.mark = Some(mark.clone());
                        row.meaning = Some(meaning.clone());
                    }
                }
                several => {
                    row.ambiguous = several.iter().map(|(mark, _)| mark.clone()).collect();
                }
            }
            mentions.push(row);
        }
    }
    let with_status = mentions.iter().filter(|row| row.meaning.is_some()).count();
    if with_status >= MIN_MARKED_ROWS {
        mentions
    } else {
        Vec::new()
    }
}

/// A line that labels the list below it with a status, before a colon:
/// what is listed and its status (`Actions achevées :`, `Acciones
/// finalizadas:`) or the status first (`Completed actions:`), one or two
/// words besides the status phrase. The meaning and the label as printed.
fn status_label_line(line: &str, vocabulary: Vocabulary<'_>) -> Option<(Meaning, String)> {
    let label = line.trim().strip_suffix(':')?.trim_end();
    if let Some(meaning) = grammar::phrase_cell(label, vocabulary) {
        return Some((meaning, label.to_owned()));
    }
    if let Some((meaning, _)) = noun_then_status(label, vocabulary) {
        return Some((meaning, label.to_owned()));
    }
    let words = grammar::folded_words(&lexicon::fold(label));
    let (meaning, width) = grammar::phrase_at(&words, 0, vocabulary)?;
    let nouns = words.get(width..)?;
    let plain_nouns = (1..=MAX_LABEL_NOUN_WORDS).contains(&nouns.len())
        && !grammar::holds_partial_word(nouns, vocabulary.lexicons)
        && label
            .split_whitespace()
            .rev()
            .take(nouns.len())
            .all(|noun| noun.chars().all(char::is_alphabetic));
    plain_nouns.then(|| (meaning, label.to_owned()))
}

/// `Empty homes grant: completed (ref. 1.2)`: the line without the word
/// that names the code in the brackets closing it (a reference label of
/// the lexicons, `ref.`, `réf.`, `cód.`), so that the code follows the
/// title in brackets as any other; the line itself when it has none.
fn without_code_label<'l>(line: &'l str, lexicons: &Lexicons) -> Cow<'l, str> {
    let labelled = line
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .and_then(|(head, inside)| {
            let (label, code) = inside.trim().split_once(char::is_whitespace)?;
            let label = lexicon::fold(label.trim_end_matches(['.', ':'])).to_lowercase();
            lexicons
                .each(|l| l.code_labels)
                .any(|word| lexicon::fold(word) == label)
                .then(|| format!("{head}({})", code.trim()))
        });
    labelled.map_or(Cow::Borrowed(line), Cow::Owned)
}

/// One line listing the codes in one state.
#[derive(Debug, Clone)]
struct ListedState {
    /// The state as printed (`Completed`, `Cumplidas`).
    mark: String,
    meaning: Meaning,
    /// The codes listed, normalized.
    codes: Vec<String>,
}

/// A line giving a state to the codes it lists (`Completed: 1.2, 1.3, 2.1`,
/// `- Cumplidas: O1.2, O1.3 y O3.6.`, `Réalisées : 1.1 et 2.2`), as a
/// report whose tables have no status column states them after the tables:
/// its label is a status phrase of the lexicons or a mark of the legend,
/// and every piece after the colon, parted by commas, semicolons or the
/// lexicons' conjunctions, is one code. A bare number is no code there
/// (`Réalisées : 7` is a count).
fn listed_state(
    line: &str,
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Option<ListedState> {
    let plain = markup::plain(line);
    let unbulleted = plain
        .trim_start_matches(['-', '*', '•', '·', '▪'])
        .trim_start();
    let (label, listed) = unbulleted.split_once(':')?;
    let label = label.trim();
    let label = without_count(label).unwrap_or(label);
    let meaning = cell_meaning(label, legend, vocabulary).or_else(|| {
        status_label_line(&format!("{label}:"), vocabulary).map(|(meaning, _)| meaning)
    })?;
    let listed = listed.trim().trim_end_matches('.');
    let mut codes = Vec::new();
    for part in listed.split([',', ';']) {
        let mut piece: Vec<&str> = Vec::new();
        let words = part.split_whitespace().chain(std::iter::once(""));
        for word in words {
            let joins = word.is_empty()
                || vocabulary
                    .lexicons
                    .has(|l| l.conjunctions, &word.to_lowercase());
            if !joins {
                piece.push(word);
                continue;
            }
            if piece.is_empty() {
                continue;
            }
            let text = piece.join(" ");
            let code = grammar::code_at_start(&text, vocabulary.grammar)?;
            let rest = text.get(code.rest..).unwrap_or_default().trim();
            if is_bare_number(&code) {
                return None;
            }
            if rest.is_empty() {
                codes.push(code.code);
            } else {
                codes.extend(code_range(&code.code, rest, vocabulary)?);
            }
            piece.clear();
        }
    }
    (!codes.is_empty()).then(|| ListedState {
        mark: label.to_owned(),
        meaning,
        codes,
    })
}

/// The longest run of codes a range may stand for (`1.1 a 1.40` is no
/// range but a misread line).
const MAX_RANGE_CODES: u32 = 30;

/// `1.1 a 1.3`, `O2.4 to O2.6`: after its first code, a range word of the
/// lexicons and a last code that differs from the first only in its last
/// number, a greater one. Every code from the first to the last; None when
/// the rest is no such range.
fn code_range(first: &str, rest: &str, vocabulary: Vocabulary<'_>) -> Option<Vec<String>> {
    let (word, last) = rest.split_once(char::is_whitespace)?;
    if !vocabulary
        .lexicons
        .has(|l| l.range_words, &word.to_lowercase())
    {
        return None;
    }
    let last_text = last.trim();
    let last = grammar::code_at_start(last_text, vocabulary.grammar)?;
    let whole = last_text
        .get(last.rest..)
        .is_some_and(|after| after.trim().is_empty());
    let (stem, from) = last_number(first)?;
    let (last_stem, to) = last_number(&last.code)?;
    (whole && stem == last_stem && from < to && to - from < MAX_RANGE_CODES)
        .then(|| (from..=to).map(|n| format!("{stem}{n}")).collect())
}

/// A code split before the number closing it (`O2.` and 4 for `O2.4`);
/// None when it closes with no number or one written with leading zeros
/// (whose width a range would have to keep).
fn last_number(code: &str) -> Option<(&str, u32)> {
    let digits = code.len() - code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, number) = code.split_at(code.len() - digits);
    (digits > 0 && !number.starts_with('0'))
        .then(|| Some((stem, number.parse().ok()?)))
        .flatten()
}

/// Gives the rows the states that lines listing codes state
/// ([`listed_state`]). A code listed in two states, or in one other than
/// its row's own, is left null, naming both; a code printed on several
/// rows (numbers that start again under each heading) says not which one
/// is meant, and is left as it is.
fn give_listed_states<'l>(rows: &mut [Row], listed: impl IntoIterator<Item = &'l ListedState>) {
    let mut states: BTreeMap<&str, Vec<(&str, &Meaning)>> = BTreeMap::new();
    for state in listed {
        for code in &state.codes {
            states
                .entry(code.as_str())
                .or_default()
                .push((state.mark.as_str(), &state.meaning));
        }
    }
    for (code, stated) in states {
        let mut holders = rows.iter_mut().filter(|row| row.code.code == code);
        let (Some(row), None) = (holders.next(), holders.next()) else {
            continue;
        };
        if !row.ambiguous.is_empty() {
            continue;
        }
        let mut marks: Vec<(String, Meaning)> = row
            .mark
            .clone()
            .into_iter()
            .zip(row.meaning.clone())
            .collect();
        for (mark, meaning) in stated {
            if !marks.iter().any(|(_, known)| known == meaning) {
                marks.push((mark.to_owned(), meaning.clone()));
            }
        }
        match marks.as_slice() {
            [(mark, meaning)] => {
                row.mark = Some(mark.clone());
                row.meaning = Some(meaning.clone());
            }
            several => {
                row.ambiguous = several.iter().map(|(mark, _)| mark.clone()).collect();
                row.mark = None;
                row.meaning = None;
            }
        }
    }
}

/// A heading without the count in brackets that closes it (`Done (5)`,
/// `En cours (4)`); `None` when it has none.
pub(super) fn without_count(heading: &str) -> Option<&str> {
    let (head, count) = heading.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let head = head.trim_end();
    (!count.is_empty() && count.chars().all(|c| c.is_ascii_digit()) && !head.is_empty())
        .then_some(head)
}

/// Ends a task board's section. One row alone under a status line is no
/// section (a mark printed on a line of its own, below its row), so it
/// takes its status back, unless the line introduced it with a colon or a
/// count (`Doing (1)`).
fn close_section(rows: &mut [Row], section: Option<Section>) {
    let Some(section) = section else {
        return;
    };
    if section.rows.len() >= MIN_MARKED_ROWS || section.introduced && !section.rows.is_empty() {
        return;
    }
    for at in section.rows {
        if let Some(row) = rows.get_mut(at) {
            row.mark = None;
            row.meaning = None;
        }
    }
}

/// A line without a code that starts in lower case continues the title of
/// the row just read (a wrapped title).
fn continue_title(rows: &mut [Row], open_row: Option<usize>, cells: &[String], line: &Line) {
    let Some(row) = open_row.and_then(|at| rows.get_mut(at)) else {
        return;
    };
    let [only] = cells else {
        return;
    };
    let follows = line.location().page == row.location.page && line.number == row.location.line + 1;
    if follows && only.starts_with(|c: char| c.is_lowercase()) {
        row.title = format!("{} {only}", row.title).trim().to_owned();
    }
}

/// The column headed by a status heading, in a row of two or more headings.
fn status_heading_column(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<usize> {
    let lexicons = vocabulary.lexicons;
    if !is_heading_row(cells, vocabulary) {
        return None;
    }
    // `Status`, or a short heading with a status word in it (`Situación
    // actual`, `Current status`) that is not itself a status (`In progress`),
    // nor an earlier state kept beside the current one (`Estado anterior |
    // Estado actual`).
    let every = vocabulary.every_language().lexicons;
    let planned = planned_columns(cells, vocabulary);
    let earlier = earlier_year_columns(cells, vocabulary);
    cells.iter().enumerate().position(|(at, cell)| {
        let lower = folded_heading(cell);
        let former = earlier.contains(&at)
            || lower
                .split_whitespace()
                .any(|word| every.has(|l| l.former_state_words, word));
        !former
            && !planned.contains(&at)
            && (every.has(|l| l.status_headings, &lower)
                || (lower.split_whitespace().count() <= 3
                    && lower
                        .split_whitespace()
                        .any(|word| lexicons.has(|l| l.status_headings, word))
                    && grammar::phrase_cell(cell, vocabulary).is_none()))
    })
}

/// Whether a heading names a state of the kind `words` gives (`Previsto
/// 2025` planned, `Situation constatée` observed).
fn heading_says(
    cell: &str,
    vocabulary: Vocabulary<'_>,
    words: fn(&'static lexicon::Lexicon) -> &'static [&'static str],
) -> bool {
    let every = vocabulary.every_language().lexicons;
    folded_heading(cell)
        .split_whitespace()
        .any(|word| every.has(words, word))
}

/// The columns of a heading row that give what was planned (`Previsto
/// 2025`, `Situation prévue`), when another column gives what was observed
/// (`Real 2025`, `Situation constatée`): a plan is no status, so their
/// cells are never read as one. Empty otherwise.
fn planned_columns(cells: &[String], vocabulary: Vocabulary<'_>) -> Vec<usize> {
    if !is_heading_row(cells, vocabulary)
        || !cells
            .iter()
            .any(|cell| heading_says(cell, vocabulary, |l| l.observed_state_words))
    {
        return Vec::new();
    }
    cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| heading_says(cell, vocabulary, |l| l.planned_state_words))
        .map(|(at, _)| at)
        .collect()
}

/// A heading row with each year that stands alone in a cell joined to the
/// heading before it (`Previsto | 2025 | Real | 2025`: a renderer's gap
/// inside `Previsto 2025`).
fn with_years_joined(cells: &[String]) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(cells.len());
    for cell in cells {
        let year = cell.trim().len() == 4 && cell.trim().chars().all(|c| c.is_ascii_digit());
        match joined.last_mut() {
            Some(previous) if year && !previous.is_empty() => {
                previous.push(' ');
                previous.push_str(cell.trim());
            }
            _ => joined.push(cell.clone()),
        }
    }
    joined
}

/// The column of a heading row that gives what was observed, beside one
/// that gives what was planned (`Previsto 2025 | Real 2025`): its cell is
/// the row's status when it is one.
fn observed_column(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<usize> {
    if planned_columns(cells, vocabulary).is_empty() {
        return None;
    }
    cells
        .iter()
        .position(|cell| heading_says(cell, vocabulary, |l| l.observed_state_words))
}

/// The column headed by the latest of two or more years (`| 2023 | 2024 |`),
/// in a heading row: when a row has a status under each year, the latest is
/// its status, the others its history.
fn latest_year_column(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<usize> {
    let years = year_columns(cells, vocabulary);
    years
        .iter()
        .max_by_key(|(_, year)| *year)
        .map(|(at, _)| *at)
}

/// The columns of a tracker's heading row that are one period each, in
/// order (`Q1 | Q2 | Q3 | Q4`, `T1 | T2`, `Trimestre 1 | Trimestre 2`):
/// empty unless two or more follow each other and no other cell is a code.
fn period_columns(cells: &[String], vocabulary: Vocabulary<'_>) -> Vec<usize> {
    let lexicons = vocabulary.every_language().lexicons;
    let period = |cell: &str| -> Option<u32> {
        let folded = lexicon::fold(cell.trim()).to_lowercase();
        let split = folded.find(|c: char| c.is_ascii_digit())?;
        let (word, number) = folded.split_at(split);
        let word = word.trim().trim_end_matches('.');
        let number: u32 = number.trim().parse().ok()?;
        ((1..=4).contains(&number) && lexicons.has(|l| l.period_headings, word)).then_some(number)
    };
    let columns: Vec<(usize, u32)> = cells
        .iter()
        .enumerate()
        .filter_map(|(at, cell)| Some((at, period(cell)?)))
        .collect();
    let in_order = columns.windows(2).all(|pair| pair[1].1 == pair[0].1 + 1);
    let others_uncoded = cells.iter().enumerate().all(|(at, cell)| {
        columns.iter().any(|(column, _)| *column == at)
            || grammar::code_at_start(cell, vocabulary.grammar).is_none()
    });
    if columns.len() >= 2 && in_order && others_uncoded {
        columns.into_iter().map(|(at, _)| at).collect()
    } else {
        Vec::new()
    }
}

/// Whether the document's key says a tracker's status is the one of its
/// latest period filled in (`An action's status is the one in the latest
/// quarter filled in`).
fn latest_period_rule(text: &Text, vocabulary: Vocabulary<'_>) -> bool {
    let phrases: Vec<Vec<String>> = vocabulary
        .every_language()
        .lexicons
        .each(|l| l.latest_period_phrases)
        .map(|phrase| grammar::folded_words(&lexicon::fold(phrase)))
        .filter(|phrase| !phrase.is_empty())
        .collect();
    text.lines.iter().any(|line| {
        let words = grammar::folded_words(&lexicon::fold(&markup::plain(line.text)));
        phrases.iter().any(|phrase| {
            words
                .windows(phrase.len())
                .any(|window| window == phrase.as_slice())
        })
    })
}

/// The columns headed by earlier years than the latest (`| 2023 |` beside
/// `| 2024 |`): a row's history, never its status, even when the latest
/// year's cell says nothing the status words know.
fn earlier_year_columns(cells: &[String], vocabulary: Vocabulary<'_>) -> Vec<usize> {
    let latest = latest_year_column(cells, vocabulary);
    year_columns(cells, vocabulary)
        .into_iter()
        .map(|(at, _)| at)
        .filter(|&at| Some(at) != latest)
        .collect()
}

/// The columns of a heading row headed by a year, with their years, when
/// there are two or more: the year alone (`| 2023 | 2024 |`) or after a
/// status heading (`| Estado 2023 | Estado 2024 |`, `Status 2024`).
fn year_columns(cells: &[String], vocabulary: Vocabulary<'_>) -> Vec<(usize, u16)> {
    if !is_heading_row(cells, vocabulary) {
        return Vec::new();
    }
    let every = vocabulary.every_language().lexicons;
    let years: Vec<(usize, u16)> = cells
        .iter()
        .enumerate()
        .filter_map(|(at, cell)| {
            let cell = cell.trim();
            let (head, last) = cell.rsplit_once(char::is_whitespace).unwrap_or(("", cell));
            let year: u16 = last.parse().ok()?;
            let headed =
                head.trim().is_empty() || every.has(|l| l.status_headings, &folded_heading(head));
            (last.len() == 4 && (1900..2100).contains(&year) && headed).then_some((at, year))
        })
        .collect();
    if years.len() < 2 {
        return Vec::new();
    }
    years
}

/// The share of completion in a progress column (`| Avance |` … `| 45 % |`,
/// also after a progress bar: `████░░ 45 %`), the mark as printed, and its
/// status by the document's completion key (`80 % et plus = réalisée ; de
/// 20 à 79 % = en cours`): the one band of the key that holds the share.
/// Without a key only the ends are read, as every key reads them (100 %
/// done, 0 % not started): where `achieved` starts between them is the
/// report's to say (`≥ 90 % achieved` in one, `100 %` in another). A share
/// between the ends with no key, one that no band or several bands hold, or
/// a key entry read as no band keeps its mark with the status unknown.
fn completion(
    cells: &[String],
    column: usize,
    legend: &[MarkEntry],
    lexicons: &Lexicons,
) -> Option<(usize, String, Option<Meaning>)> {
    let (share, value) = grammar::printed_share(cells.get(column)?)?;
    let keyed = || -> Option<Meaning> {
        let keyed: Vec<&MarkEntry> = legend
            .iter()
            .filter(|entry| entry.mark.contains('%'))
            .collect();
        if keyed.is_empty() {
            let end = if value == 0.0 {
                Status::NotDeveloped
            } else if value == 100.0 {
                Status::Achieved
            } else {
                return None;
            };
            return Some(Meaning::Class(end));
        }
        let bands = keyed
            .iter()
            .map(|entry| {
                grammar::share_band(&entry.mark, lexicons).map(|band| (band, &entry.meaning))
            })
            .collect::<Option<Vec<_>>>()?;
        let mut holding = bands.iter().filter(|(band, _)| band.holds(value));
        let (_, meaning) = holding.next()?;
        holding.next().is_none().then(|| (*meaning).clone())
    };
    // A share with no status keeps its cell as printed (`█████░ 55 %`).
    match keyed() {
        Some(meaning) => Some((column, share.to_owned(), Some(meaning))),
        None => Some((column, cells.get(column)?.trim().to_owned(), None)),
    }
}

/// The column headed by a progress heading (`% complete`, `Avance`,
/// `Taux de réalisation`), in a row of two or more headings with no code.
fn progress_heading_column(cells: &[String], vocabulary: Vocabulary<'_>) -> Option<usize> {
    if !is_heading_row(cells, vocabulary) {
        return None;
    }
    cells.iter().position(|cell| {
        let lower = folded_heading(cell);
        vocabulary
            .every_language()
            .lexicons
            .has(|l| l.progress_headings, &lower)
    })
}

/// A heading cell as the lexicon lists headings: folded, lower case, without
/// its closing colon.
fn folded_heading(cell: &str) -> String {
    let cell = cell.trim().trim_end_matches(':').trim_end();
    // `Statut¹`, `Semáforo (*)`, `RAG*`, `Estado (1)`, `Status [a]`: a
    // footnote call is not the heading.
    let cell = without_note_call(cell)
        .trim_end_matches(['*', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'])
        .trim_end();
    lexicon::fold(cell).to_lowercase()
}

/// A heading without the footnote call in brackets that ends it: `(*)`,
/// `(**)`, `(1)`, `(12)`, `[2]`, `(a)`, a lone lower-case letter or one or
/// two digits (a year or a unit in brackets, `(2025)`, `(€)`, stays).
fn without_note_call(cell: &str) -> &str {
    let Some(head) = cell.strip_suffix([')', ']']) else {
        return cell;
    };
    let Some(open) = head.rfind(['(', '[']) else {
        return cell;
    };
    let (Some(before), Some(call)) = (head.get(..open), head.get(open + 1..)) else {
        return cell;
    };
    let stars = !call.is_empty() && call.chars().all(|c| c == '*');
    let number = (1..=2).contains(&call.len()) && call.bytes().all(|b| b.is_ascii_digit());
    let letter = call.len() == 1 && call.bytes().all(|b| b.is_ascii_lowercase());
    let before = before.trim_end();
    if (stars || number || letter) && !before.is_empty() {
        before
    } else {
        cell
    }
}

/// Whether a row can be a table's heading row: two or more cells, none
/// opening with a code.
fn is_heading_row(cells: &[String], vocabulary: Vocabulary<'_>) -> bool {
    cells.len() >= 2
        && !cells
            .iter()
            .any(|cell| grammar::code_at_start(cell, vocabulary.grammar).is_some())
}

/// The columns of a heading row that are one status each (`| N° | Action
/// | Réalisé | En cours | Non démarré |`), with what each means: a status
/// matrix, where a row's mark (`X`, `✓`) in one of them gives its status.
/// A heading may also be a mark the document's legend spells out (`| Ref
/// | Action | C | IP | NS |` over `C = complete · IP = in progress · …`).
/// Empty unless two or more columns name different statuses.
fn status_matrix_columns(
    cells: &[String],
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
) -> Vec<(usize, Meaning)> {
    if !is_heading_row(cells, vocabulary) {
        return Vec::new();
    }
    let columns: Vec<(usize, Meaning)> = cells
        .iter()
        .enumerate()
        .filter_map(|(at, cell)| {
            let meaning =
                grammar::phrase_cell(cell, vocabulary.every_language()).or_else(|| {
                    legend
                        .iter()
                        .find(|entry| entry.mark == cell.trim())
                        .map(|entry| entry.meaning.clone())
                })?;
            Some((at, meaning))
        })
        .collect();
    let distinct = columns
        .iter()
        .enumerate()
        .filter(|(at, (_, meaning))| !columns[..*at].iter().any(|(_, m)| m == meaning))
        .count();
    if distinct >= 2 {
        columns
    } else {
        Vec::new()
    }
}

/// The filled cells of a row under a status matrix's columns, each with the
/// meaning of its column; `None` when there is no matrix or a cell under it
/// is a number (a summary row counts, it marks nothing). The code's own
/// column is no status column, whatever its heading reads as (`No.` is
/// also the answer `No`): without it, the columns left must still name two
/// statuses or more (`No. | Activity | Achieved?` is one answer column).
fn matrix_marks(
    cells: &[String],
    code_at: usize,
    matrix: &[(usize, Meaning)],
) -> Option<Vec<(String, Meaning)>> {
    let columns: Vec<&(usize, Meaning)> = matrix.iter().filter(|(at, _)| *at != code_at).collect();
    let first = columns.first()?;
    if columns.iter().all(|(_, meaning)| *meaning == first.1) {
        return None;
    }
    let marks: Vec<(String, Meaning)> = columns
        .into_iter()
        .filter_map(|(at, meaning)| {
            let cell = cells.get(*at)?.trim();
            (!cell.is_empty()).then(|| (cell.to_owned(), meaning.clone()))
        })
        .collect();
    let counts = marks
        .iter()
        .any(|(cell, _)| cell.chars().any(|c| c.is_ascii_digit()));
    (!counts).then_some(marks)
}

/// The mark and meaning of a row's marks when they all mean one thing (the
/// first such mark), or none and each distinct meaning's first mark as
/// `name` describes it, for the diagnostic that names the candidates.
fn one_meaning<'a>(
    marks: impl Iterator<Item = (&'a String, &'a Meaning)>,
    name: impl Fn(&String, &Meaning) -> String,
) -> (Option<String>, Option<Meaning>, Vec<String>) {
    let mut distinct: Vec<(&String, &Meaning)> = Vec::new();
    for (mark, meaning) in marks {
        if !distinct.iter().any(|(_, known)| *known == meaning) {
            distinct.push((mark, meaning));
        }
    }
    match distinct.as_slice() {
        [] => (None, None, Vec::new()),
        [(mark, meaning)] => (Some((*mark).clone()), Some((*meaning).clone()), Vec::new()),
        several => (
            None,
            None,
            several
                .iter()
                .map(|(mark, meaning)| name(mark, meaning))
                .collect(),
        ),
    }
}

/// A row of a status matrix: the status of the one column marked; marks in
/// columns of different statuses leave it null with both named.
fn matrix_row(
    code: CodeMatch,
    location: Location,
    title: String,
    marks: Vec<(String, Meaning)>,
) -> Row {
    let (mark, meaning, ambiguous) = one_meaning(
        marks.iter().map(|(mark, meaning)| (mark, meaning)),
        |mark, meaning| format!("{mark} ({})", meaning.name()),
    );
    Row {
        code,
        location,
        title,
        mark,
        meaning,
        ambiguous,
        in_status_column: true,
    }
}

#[allow(clippy::too_many_arguments)]
fn read_row(
    cells: &[String],
    code_at: usize,
    code: CodeMatch,
    status_column: Option<usize>,
    progress_column: Option<usize>,
    (matrix, joined_statuses): (&[(usize, Meaning)], &[Meaning]),
    legend: &[MarkEntry],
    vocabulary: Vocabulary<'_>,
    location: Location,
) -> Row {
    let code_cell = cells.get(code_at).map_or("", String::as_str);
    let rest = code_cell
        .get(code.rest..)
        .unwrap_or_default()
        .trim()
        .trim_start_matches(SEPARATORS)
        .trim()
        .to_owned();
    let mut statuses: Vec<(usize, String, Meaning)> = Vec::new();
    let mut title_cell: Option<String> = (!rest.is_empty()).then_some(rest);
    let mut title_at: Option<usize> = None;
    let mut partial: Option<String> = None;
    let matrix_marks = matrix_marks(cells, code_at, matrix);
    // Under status headings joined in one cell (`Ongoing Not started`), a
    // bare symbol (`✓`) says which column, and the columns can no longer
    // be told apart: its conventional meaning would be a guess.
    let mut unsure: Vec<String> = Vec::new();
    for (at, cell) in cells.iter().enumerate() {
        if at == code_at || cell.is_empty() {
            continue;
        }
        // Under a status matrix's columns a number counts (a summary row),
        // it marks nothing.
        let under_matrix = matrix.iter().any(|(column, _)| *column == at);
        if under_matrix
            && (matrix_marks.is_some() || cell.trim().chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        if !joined_statuses.is_empty() && is_bare_symbol(cell, legend) {
            unsure.push(cell.trim().to_owned());
            continue;
        }
        match cell_meaning(cell, legend, vocabulary) {
            Some(meaning) => statuses.push((at, cell.clone(), meaning)),
            None if at > code_at && partial.is_none() && is_partial_cell(cell, vocabulary) => {
                partial = Some(cell.clone());
            }
            // A cell after the title that opens with a state outside the
            // classes (`Desplazada a 2026`) is one of the row's statuses:
            // beside a class in another cell (a planned column whose heading
            // was not read), the row has two and stays unknown.
            None if at > code_at
                && title_cell.is_some()
                && leading_outside(cell, vocabulary).is_some() =>
            {
                if let Some(meaning) = leading_outside(cell, vocabulary) {
                    statuses.push((at, cell.clone(), meaning));
                }
            }
            None if at > code_at
                && title_cell.is_none()
                && cell.chars().any(char::is_alphabetic) =>
            {
                title_cell = Some(cell.clone());
                title_at = Some(at);
            }
            // A cell right after the title that starts in lower case goes on
            // with it (`Éditer | un annuaire`: a word gap read as a gutter).
            None if title_at.is_some_and(|title| at == title + 1)
                && cell.starts_with(char::is_lowercase) =>
            {
                if let Some(title) = title_cell.as_mut() {
                    title.push(' ');
                    title.push_str(cell);
                }
                title_at = Some(at);
            }
            None => {}
        }
    }
    // `| Garde d'enfants | Pôle emploi | Engagée | II.3.a |`: a code in the
    // row's last cell follows its title, the first cell of words before it
    // that says no status and is no mark (`D`, undefined, is no title).
    let last_filled = cells.iter().rposition(|cell| !cell.trim().is_empty());
    if title_cell.is_none() && last_filled == Some(code_at) {
        title_cell = cells.get(..code_at).and_then(|before| {
            before
                .iter()
                .find(|cell| {
                    cell.chars().any(char::is_alphabetic)
                        && !is_mark_like(cell.trim(), vocabulary.lexicons)
                        && cell_meaning(cell, legend, vocabulary).is_none()
                        && !is_partial_cell(cell, vocabulary)
                })
                .cloned()
        });
    }
    let mut title = title_cell.unwrap_or_default();
    if let Some(marks) = matrix_marks {
        return matrix_row(code, location, title, marks);
    }
    // A row that stops short of the status column left its status cell
    // empty: text printed by position drops a row's trailing blank cells.
    let in_status_column = status_column.is_some();
    // A status column decides between several status cells.
    if let Some(column) = status_column {
        if let Some(chosen) = statuses.iter().find(|(at, _, _)| *at == column).cloned() {
            statuses = vec![chosen];
        } else if let Some((mark, meaning)) = cells.get(column).and_then(|cell| {
            qualified_phrase(cell, vocabulary).or_else(|| dated_phrase(cell, vocabulary))
        }) {
            statuses = vec![(column, mark, meaning)];
        } else if progress_column == Some(column) && !statuses.is_empty() {
            // A share of completion says less than a mark the document's
            // key or status words define elsewhere in the row (`Gris` =
            // rescheduled, at `10 %`).
        } else if let Some((at, share, meaning)) = (progress_column == Some(column))
            .then(|| completion(cells, column, legend, vocabulary.lexicons))
            .flatten()
        {
            let Some(meaning) = meaning else {
                return Row {
                    code,
                    location,
                    title,
                    mark: Some(share),
                    meaning: None,
                    ambiguous: Vec::new(),
                    in_status_column,
                };
            };
            statuses = vec![(at, share, meaning)];
        } else if let Some((head, mark, meaning)) = cells
            .get(column)
            .and_then(|cell| trailing_status(cell, legend, vocabulary))
        {
            // `Action and status`: a title that ends in its status
            // (`Open two schemes — Done`).
            if title_at == Some(column) {
                title = head;
            }
            statuses = vec![(column, mark, meaning)];
        } else if let Some(cell) = cells.get(column).filter(|cell| !cell.is_empty()) {
            // `| G2 | Cleaner homes | 1/5 done |`: a goal's row counting its
            // actions in a state is no mark of the goal.
            let mark = (!is_tally_of_parts(cell, vocabulary)).then(|| cell.clone());
            return Row {
                code,
                location,
                title,
                mark,
                meaning: leading_outside(cell, vocabulary),
                ambiguous: Vec::new(),
                in_status_column,
            };
        }
    }
    if statuses.is_empty() {
        if let Some((at, share, meaning)) = progress_column
            .and_then(|column| completion(cells, column, legend, vocabulary.lexicons))
        {
            let Some(meaning) = meaning else {
                return Row {
                    code,
                    location,
                    title,
                    mark: Some(share),
                    meaning: None,
                    ambiguous: Vec::new(),
                    in_status_column,
                };
            };
            statuses.push((at, share, meaning));
        }
    }
    if let (true, Some(mark)) = (statuses.is_empty(), partial) {
        return Row {
            code,
            location,
            title,
            mark: Some(mark),
            meaning: None,
            ambiguous: Vec::new(),
            in_status_column,
        };
    }
    if statuses.is_empty() {
        if let Some((head, mark, meaning)) = trailing_status(&title, legend, vocabulary)
            .or_else(|| leading_status(&title, legend, vocabulary))
            .or_else(|| labelled_status(&title, legend, vocabulary))
            .or_else(|| bracketed_status(&title, legend, vocabulary))
        {
            title = head;
            statuses.push((code_at, mark, meaning));
        }
    }
    if statuses.is_empty() {
        // The row's last cell, a status phrase with a qualifier
        // (`Achieved (100%)`, `Not achieved – lack of funding`) or a date
        // (`Completed 14 Mar 2025`), its year possibly set apart in a cell
        // of its own by a wide gap (`Completed 18 Jul | 2025`).
        let last = cells.iter().rposition(|cell| !cell.is_empty());
        let phrase = |cell: &str| {
            qualified_phrase(cell, vocabulary).or_else(|| dated_phrase(cell, vocabulary))
        };
        if let Some(at) = last.filter(|&at| at > code_at) {
            let whole = cells
                .get(at)
                .filter(|cell| Some(cell.as_str()) != Some(title.as_str()))
                .and_then(|cell| phrase(cell));
            let split = || {
                let before = cells.get(at - 1).filter(|_| at - 1 > code_at)?;
                let after = cells.get(at)?;
                let starts_figure = after.starts_with(|c: char| c.is_ascii_digit());
                (starts_figure && before.as_str() != title.as_str())
                    .then(|| phrase(&format!("{before} {after}")))
                    .flatten()
            };
            if let Some((mark, meaning)) = whole.or_else(split) {
                statuses.push((at, mark, meaning));
            }
        }
    }
    if statuses.is_empty() {
        // A symbol alone in a cell before the code (`◐ | 1.a.i | …`), or
        // else a short cell at the end of the row, that nobody defines: an
        // unknown mark. The symbol's column is the marks' (the row's last
        // cell may be a short name: `HR`).
        let symbol_before = cells.get(..code_at).and_then(|before| {
            before.iter().find(|cell| {
                let cell = cell.trim();
                // A dash stands for an empty cell, a bullet for a list's.
                (1..=2).contains(&cell.chars().count())
                    && cell.chars().all(|c| {
                        !c.is_alphanumeric() && !c.is_ascii() && !matches!(c, '–' | '—' | '•' | '·')
                    })
            })
        });
        if let Some(cell) = symbol_before {
            return Row {
                code,
                location,
                title,
                mark: Some(cell.trim().to_owned()),
                meaning: None,
                ambiguous: Vec::new(),
                in_status_column,
            };
        }
        let last = cells.iter().rposition(|cell| !cell.is_empty());
        if let Some(cell) = last.filter(|&at| at > code_at).and_then(|at| cells.get(at)) {
            if (is_mark_like(cell, vocabulary.lexicons) || mentions_status(cell, vocabulary))
                && Some(cell.as_str()) != Some(title.as_str())
            {
                return Row {
                    code,
                    location,
                    title,
                    mark: Some(cell.clone()),
                    meaning: leading_outside(cell, vocabulary),
                    ambiguous: Vec::new(),
                    in_status_column,
                };
            }
        }
    }
    if let (Some(symbol), true) = (unsure.first(), statuses.is_empty()) {
        return Row {
            code,
            location,
            title,
            mark: None,
            meaning: None,
            ambiguous: joined_statuses
                .iter()
                .map(|meaning| format!("{symbol} under {}", meaning.name()))
                .collect(),
            in_status_column: true,
        };
    }
    let (mark, meaning, ambiguous) = one_meaning(
        statuses.iter().map(|(_, mark, meaning)| (mark, meaning)),
        |mark, _| mark.clone(),
    );
    Row {
        code,
        location,
        title,
        mark,
        meaning,
        ambiguous,
        in_status_column,
    }
}

/// A mark that is a status only by convention (`✓`, `x`, `[x]`), not by
/// the document's legend.
fn is_bare_symbol(cell: &str, legend: &[MarkEntry]) -> bool {
    let cell = cell.trim();
    !legend.iter().any(|entry| entry.mark == cell)
        && (is_checkbox(cell) || CONVENTIONAL_MARKS.iter().any(|mark| mark.mark == cell))
}

/// The statuses of a heading row whose one cell joins two status headings
/// or more (`Achieved | Ongoing Not started`: two columns set too close to
/// be split), every word of it part of a status phrase; empty otherwise.
/// Every status its cells name, for the diagnostic of a row whose mark
/// cannot be matched to a column.
fn joined_status_headings(cells: &[String], vocabulary: Vocabulary<'_>) -> Vec<Meaning> {
    if !is_heading_row(cells, vocabulary) {
        return Vec::new();
    }
    let every = vocabulary.every_language();
    let phrases = |cell: &String| -> Option<Vec<Meaning>> {
        let words = grammar::folded_words(&lexicon::fold(cell));
        let mut meanings = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let (meaning, width) = grammar::phrase_at(&words, at, every)?;
            meanings.push(meaning);
            at += width;
        }
        Some(meanings)
    };
    let named: Vec<Vec<Meaning>> = cells.iter().filter_map(phrases).collect();
    if !named.iter().any(|meanings| meanings.len() >= 2) {
        return Vec::new();
    }
    let mut all: Vec<Meaning> = Vec::new();
    for meaning in named.into_iter().flatten() {
        if !all.contains(&meaning) {
            all.push(meaning);
        }
    }
    all
}

/// What names one item among the accepted rows: its code, the heading it
/// stands under when its family is numbered again under each heading, and
/// its breadcrumb's parent code when numbered again under each parent.
type ItemKey<'r> = (&'r str, Option<usize>, Option<&'r str>);

/// Decides which families are items, links parents and builds the items.
fn assemble(
    rows: Vec<Row>,
    breadcrumbs: &BTreeMap<usize, usize>,
    legend: Vec<MarkEntry>,
    legend_lines: Vec<usize>,
    grammar: Option<&Grammar>,
    lexicons: &Lexicons,
) -> ItemsReading {
    let mut families: BTreeMap<&str, (usize, usize, bool)> = BTreeMap::new();
    for row in &rows {
        let entry = families.entry(row.code.family.as_str()).or_default();
        entry.0 += 1;
        if row.mark.is_some() || !row.ambiguous.is_empty() {
            entry.1 += 1;
        }
        entry.2 |= row.in_status_column;
    }
    // Rows under a status column are items even when their marks are
    // missing, unless none of their family has one and each opens later,
    // deeper codes: parent rows inside the table (`| I | | Territorio |`
    // over `| I.a.1 | Verde | … |`), a level above the items.
    let opens_deeper = |family: &str| {
        rows.iter()
            .enumerate()
            .filter(|(_, row)| row.code.family == family)
            .all(|(at, row)| {
                rows.iter().skip(at + 1).any(|later| {
                    later.code.path.len() > row.code.path.len()
                        && later.code.path.starts_with(&row.code.path)
                })
            })
    };
    let tracked: Vec<String> = families
        .iter()
        .filter(|(family, (count, marked, column))| {
            (*marked >= MIN_MARKED_ROWS && marked * 2 >= *count)
                || (*column && *count >= MIN_MARKED_ROWS && (*marked > 0 || !opens_deeper(family)))
        })
        .map(|(family, _)| (*family).to_owned())
        .collect();
    let mut reading = ItemsReading {
        legend_lines,
        ..ItemsReading::default()
    };
    if tracked.is_empty() {
        return reading;
    }
    let is_tracked = |row: &Row| tracked.contains(&row.code.family);
    // Ancestors: rows whose next tracked row is a descendant.
    let mut ancestor_rows: BTreeMap<&str, (usize, Vec<usize>)> = BTreeMap::new();
    for (at, row) in rows.iter().enumerate() {
        if is_tracked(row) {
            continue;
        }
        let next_tracked = rows.iter().skip(at + 1).find(|next| is_tracked(next));
        // A code after the last item (a summary per axis, a reference) says
        // nothing about the levels.
        if next_tracked.is_none() {
            continue;
        }
        let entry = ancestor_rows.entry(row.code.family.as_str()).or_default();
        entry.0 += 1;
        if next_tracked.is_some_and(|next| {
            next.code.path.len() > row.code.path.len() && next.code.path.starts_with(&row.code.path)
        }) {
            entry.1.push(at);
        }
    }
    let headed = heading_parents(&rows, &tracked);
    let mut accepted: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| is_tracked(row))
        .map(|(at, _)| at)
        .chain(headed.values().copied())
        .collect();
    accepted.sort_unstable();
    accepted.dedup();
    for (count, passing) in ancestor_rows.values() {
        if passing.len() * 3 >= count * 2 {
            accepted.extend(passing);
        }
    }
    accepted.extend(listed_parents(&rows, &tracked));
    // The breadcrumb before an item names its ancestors.
    let mut crumbs: Vec<usize> = accepted
        .iter()
        .filter_map(|at| breadcrumbs.get(at))
        .copied()
        .collect();
    while let Some(at) = crumbs.pop() {
        if !accepted.contains(&at) {
            accepted.push(at);
            crumbs.extend(breadcrumbs.get(&at));
        }
    }
    accepted.sort_unstable();
    accepted.dedup();

    // One item per code: the first occurrence with a mark wins; when other
    // occurrences carry another status, the code's status is left null. A
    // family numbered again under each heading (`Objetivo 1` under `Eje 1`
    // and under `Eje 2`) has one item per code and heading: only both
    // together name one.
    // So is a family whose breadcrumbs number it again under each parent
    // (`Obj. 1 › Act. 1` … `Obj. 2 › Act. 1`): the parent's code and the
    // row's name one item.
    let restarting = restarting_families(&rows, &headed);
    let crumb_restarting = crumb_restarting_families(&rows, breadcrumbs);
    let mut by_code: BTreeMap<ItemKey<'_>, Vec<usize>> = BTreeMap::new();
    for &at in &accepted {
        if let Some(row) = rows.get(at) {
            let section = headed
                .get(&at)
                .copied()
                .filter(|_| restarting.contains(&row.code.family.as_str()));
            let crumb = breadcrumbs
                .get(&at)
                .and_then(|&crumb| rows.get(crumb))
                .map(|crumb| crumb.code.code.as_str())
                .filter(|_| crumb_restarting.contains(&row.code.family.as_str()));
            by_code
                .entry((row.code.code.as_str(), section, crumb))
                .or_default()
                .push(at);
        }
    }
    let mut winners: Vec<usize> = Vec::new();
    let mut conflicted: Vec<usize> = Vec::new();
    for ((code, _, _), occurrences) in &by_code {
        let winner = occurrences
            .iter()
            .copied()
            .find(|&at| rows.get(at).is_some_and(|row| row.mark.is_some()))
            .or_else(|| occurrences.first().copied());
        let Some(winner) = winner else { continue };
        winners.push(winner);
        let Some(kept) = rows.get(winner) else {
            continue;
        };
        for other in occurrences
            .iter()
            .filter(|&&at| at != winner)
            .filter_map(|&at| rows.get(at))
        {
            if other.mark.is_some() && other.meaning != kept.meaning {
                conflicted.push(winner);
                reading.diagnostics.push(
                    Diagnostic::error(
                        Code::ItemsConflictingMarks,
                        format!(
                            "{code} is marked `{}` at page {} line {} and `{}` here; its status is left null",
                            kept.mark.as_deref().unwrap_or_default(),
                            kept.location.page,
                            kept.location.line,
                            other.mark.as_deref().unwrap_or_default()
                        ),
                    )
                    .at(other.location),
                );
            }
        }
    }
    // Bare numbers of which one comes back with another status (`2 | … |
    // Non démarrée` after `2 | … | Achevée`: a table whose parent columns
    // the layout lost) number no items of their own: none of their
    // statuses can be trusted, each is left null.
    let repeated: Vec<String> = conflicted
        .iter()
        .filter_map(|&at| rows.get(at))
        .filter(|row| row.code.depth() == 1 && row.code.level.is_none())
        .map(|row| row.code.family.clone())
        .collect();
    for &at in &winners {
        let Some(row) = rows.get(at) else { continue };
        if conflicted.contains(&at) || !repeated.contains(&row.code.family) {
            continue;
        }
        let Some(mark) = row.mark.as_deref() else {
            continue;
        };
        conflicted.push(at);
        reading.diagnostics.push(
            Diagnostic::error(
                Code::ItemsConflictingMarks,
                format!(
                    "{} is marked `{mark}`, but numbers of its column come back with other statuses: the number may be another item's; its status is left null",
                    row.code.code
                ),
            )
            .at(row.location),
        );
    }
    winners.sort_unstable();
    let paths: Vec<(usize, Vec<u16>, String)> = winners
        .iter()
        .filter_map(|&at| Some((at, rows.get(at)?)))
        .map(|(at, row)| (at, row.code.path.clone(), row.code.code.clone()))
        .collect();
    let source = if grammar.is_some_and(|g| !g.patterns.is_empty()) {
        GrammarSource::File
    } else {
        GrammarSource::Detected
    };
    for (at, row) in winners.iter().filter_map(|&at| Some((at, rows.get(at)?))) {
        let tracked_row = is_tracked(row);
        let heading = headed.get(&at).and_then(|&heading| rows.get(heading));
        // The parent comes before its children: the code before it in its
        // breadcrumb, else the nearest earlier code whose path is the
        // longest proper prefix. A later code of the same numbers belongs to
        // another part (`PJ-01` of a second plan after `1.1` of the first,
        // `B.1` after `A.1.1`).
        let crumb = breadcrumbs.get(&at).and_then(|&crumb| rows.get(crumb));
        let parent = crumb
            .map(|crumb| crumb.code.code.clone())
            .or_else(|| {
                paths
                    .iter()
                    .filter(|(other, path, _)| {
                        *other < at
                            && path.len() < row.code.path.len()
                            && row.code.path.starts_with(path)
                    })
                    .max_by_key(|(other, path, _)| (path.len(), *other))
                    .map(|(_, _, code)| code.clone())
            })
            .or_else(|| heading.map(|heading| heading.code.code.clone()));
        let depth = match crumb_top(at, breadcrumbs) {
            (0, _) => heading.map_or(row.code.depth(), |heading| {
                heading.code.depth().saturating_add(1)
            }),
            (above, top) => rows
                .get(top)
                .map_or(1, |top| top.code.depth())
                .saturating_add(u8::try_from(above).unwrap_or(u8::MAX)),
        };
        let code = &row.code.code;
        let meaning = row.meaning.as_ref().filter(|_| !conflicted.contains(&at));
        let (status, status_label) = match meaning {
            Some(Meaning::Class(status)) => (Some(*status), None),
            Some(Meaning::Outside(name)) => {
                reading.diagnostics.push(
                    Diagnostic::info(
                        Code::ItemsStatusOutsideClasses,
                        format!(
                            "{code} is marked `{}` ({name}), a state outside achieved / in progress / not developed; its status is null and `status_label` keeps it",
                            row.mark.as_deref().unwrap_or_default()
                        ),
                    )
                    .at(row.location),
                );
                (None, Some(name.clone()))
            }
            None => {
                if tracked_row && !conflicted.contains(&at) {
                    reading
                        .diagnostics
                        .push(missing_status(code, row, lexicons));
                }
                (None, None)
            }
        };
        reading.items.push(Item {
            code: code.clone(),
            depth,
            level: row.code.level.clone(),
            parent,
            title: (!row.title.is_empty()).then(|| row.title.clone()),
            mark: row.mark.clone(),
            status,
            status_label,
            inferred: false,
            tracked: tracked_row,
            page: row.location.page,
            line: row.location.line,
        });
    }
    reading.grammar = Some(summary(source, &reading.items));
    reading.legend = document_legend(&legend, &reading.items);
    reading
}

/// How many codes a breadcrumb names before row `at` (0 when the row is
/// in none, or opens one), and the row of its first code.
fn crumb_top(at: usize, breadcrumbs: &BTreeMap<usize, usize>) -> (usize, usize) {
    let mut above = 0;
    let mut at = at;
    while let Some(&before) = breadcrumbs.get(&at) {
        above += 1;
        at = before;
    }
    (above, at)
}

/// Rows of an untracked family listed apart from their children (`Meta
/// 1.1`, `Meta 1.2` in a table without a status column, their `Indicador
/// 1.1.1` rows further on): two or more rows, each the parent, one level up,
/// of a tracked code after it. Section numbers (`1.`, `2.`) over deeper
/// codes are no such level.
fn listed_parents(rows: &[Row], tracked: &[String]) -> Vec<usize> {
    let mut families: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (at, row) in rows.iter().enumerate() {
        if !tracked.contains(&row.code.family) {
            families
                .entry(row.code.family.as_str())
                .or_default()
                .push(at);
        }
    }
    let parent_of_later = |at: usize| {
        rows.get(at).is_some_and(|row| {
            rows.iter().skip(at + 1).any(|child| {
                tracked.contains(&child.code.family)
                    && child.code.path.len() == row.code.path.len() + 1
                    && child.code.path.starts_with(&row.code.path)
            })
        })
    };
    families
        .into_values()
        .filter(|members| {
            members.len() >= MIN_MARKED_ROWS && members.iter().all(|&at| parent_of_later(at))
        })
        .flatten()
        .collect()
}

/// Parents given by headings rather than by code shape (`Componente 2`
/// over `H-04 … H-06`, `Objectif 2` over `Action 4 … Action 7`): for each
/// tracked family whose codes nest in no other code, the one family of
/// coded lines without marks that opens every run of its rows, two or more
/// headings each over at least one row; and a code that opens with one
/// capital letter under the heading that letter names (`B-04` under `Eje
/// B`). Row index to its heading's index.
fn heading_parents(rows: &[Row], tracked: &[String]) -> BTreeMap<usize, usize> {
    let mut parents = BTreeMap::new();
    for family in tracked {
        let members: Vec<usize> = (0..rows.len())
            .filter(|&at| rows.get(at).is_some_and(|row| &row.code.family == family))
            .collect();
        let nested = members.iter().filter_map(|&at| rows.get(at)).any(|row| {
            rows.iter().any(|other| {
                other.code.path.len() < row.code.path.len()
                    && row.code.path.starts_with(&other.code.path)
            })
        });
        if nested || members.is_empty() {
            continue;
        }
        let mut candidates: Vec<&str> = rows
            .iter()
            .map(|row| row.code.family.as_str())
            .filter(|other| !tracked.iter().any(|t| t == other))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let found: Vec<BTreeMap<usize, usize>> = candidates
            .into_iter()
            .filter_map(|heading_family| sections_of(rows, family, heading_family))
            .collect();
        if let [only] = found.as_slice() {
            parents.extend(only.iter().map(|(&row, &heading)| (row, heading)));
        }
    }
    // `B-04` under `Eje B`: a code that opens with one capital letter
    // belongs to the nearest heading above it named by that letter.
    for (at, row) in rows.iter().enumerate() {
        let letter = row
            .code
            .level
            .as_deref()
            .filter(|level| level.len() == 1 && level.bytes().all(|b| b.is_ascii_uppercase()));
        let (Some(letter), false) = (letter, parents.contains_key(&at)) else {
            continue;
        };
        if !tracked.contains(&row.code.family) {
            continue;
        }
        let heading = rows[..at]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, heading)| grammar::is_level_letter_family(&heading.code.family));
        if let Some((heading_at, heading)) = heading {
            if heading.mark.is_none() && heading.code.code.rsplit(' ').next() == Some(letter) {
                parents.insert(at, heading_at);
            }
        }
    }
    parents
}

/// Families whose numbers start again under each of their headings
/// (`Objetivo 1`, `Objetivo 2` under `Eje 1`, then `Objetivo 1` under `Eje
/// 2`): two or more headings, the first row under each of the same code.
fn restarting_families<'r>(rows: &'r [Row], headed: &BTreeMap<usize, usize>) -> Vec<&'r str> {
    let mut openers: BTreeMap<&str, BTreeMap<usize, &str>> = BTreeMap::new();
    for (&at, &heading) in headed {
        if let Some(row) = rows.get(at) {
            openers
                .entry(row.code.family.as_str())
                .or_default()
                .entry(heading)
                .or_insert(row.code.code.as_str());
        }
    }
    openers
        .into_iter()
        .filter(|(_, sections)| {
            let mut firsts = sections.values();
            let first = firsts.next();
            sections.len() >= 2 && firsts.all(|code| Some(code) == first)
        })
        .map(|(family, _)| family)
        .collect()
}

/// Families whose codes start again under each parent their breadcrumbs
/// name (`Obj. 1 › Act. 1`, `Obj. 1 › Act. 2`, then `Obj. 2 › Act. 1`): a
/// code printed under two or more different parent codes.
fn crumb_restarting_families<'r>(
    rows: &'r [Row],
    breadcrumbs: &BTreeMap<usize, usize>,
) -> Vec<&'r str> {
    let mut parents: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for (&at, &crumb) in breadcrumbs {
        let (Some(row), Some(crumb)) = (rows.get(at), rows.get(crumb)) else {
            continue;
        };
        let seen = parents
            .entry((row.code.family.as_str(), row.code.code.as_str()))
            .or_default();
        if !seen.contains(&crumb.code.code.as_str()) {
            seen.push(crumb.code.code.as_str());
        }
    }
    let mut families: Vec<&str> = parents
        .into_iter()
        .filter(|(_, seen)| seen.len() >= 2)
        .map(|((family, _), _)| family)
        .collect();
    families.dedup();
    families
}

/// The heading of each row of `family` when the unmarked rows of
/// `heading_family` split them into sections: two or more headings, each
/// over at least one row, and no row before the first heading.
fn sections_of(rows: &[Row], family: &str, heading_family: &str) -> Option<BTreeMap<usize, usize>> {
    let mut parents = BTreeMap::new();
    let mut heading: Option<(usize, usize)> = None;
    let mut headings = 0;
    for (at, row) in rows.iter().enumerate() {
        if row.code.family == heading_family {
            if row.mark.is_some() || heading.is_some_and(|(_, under)| under == 0) {
                return None;
            }
            heading = Some((at, 0));
            headings += 1;
        } else if row.code.family == family {
            let (opened, under) = heading.as_mut()?;
            *under += 1;
            parents.insert(at, *opened);
        }
    }
    (headings >= 2 && heading.is_some_and(|(_, under)| under > 0)).then_some(parents)
}

fn missing_status(code: &str, row: &Row, lexicons: &Lexicons) -> Diagnostic {
    let partial = row.mark.as_deref().is_some_and(|mark| {
        grammar::holds_partial_word(&grammar::folded_words(&lexicon::fold(mark)), lexicons)
    });
    if let (Some(mark), true) = (&row.mark, partial) {
        return Diagnostic::warning(
            Code::ItemsPartialStatus,
            format!(
                "{code} is marked `{mark}`, partly done: achieved or in progress, the report does not say which; its status is left null"
            ),
        )
        .at(row.location);
    }
    let share = row
        .mark
        .as_deref()
        .is_some_and(|mark| grammar::printed_share(mark).is_some());
    let message = match (&row.mark, row.ambiguous.as_slice()) {
        (Some(mark), _) if share => format!(
            "{code} is {mark} complete and no key of the report reads that share: achieved, in progress or not started; its status is left null"
        ),
        (Some(mark), _) => format!(
            "{code} is marked `{mark}`, which neither the legend, the status words nor a grammar file define; its status is unknown"
        ),
        (None, [first, second, ..]) => format!(
            "{code} has two statuses on its row, `{first}` and `{second}`; its status is left null"
        ),
        _ => format!("{code} has no status"),
    };
    let code_name = match (&row.mark, row.ambiguous.is_empty()) {
        (Some(_), _) => Code::ItemsUnknownMark,
        (None, false) => Code::ItemsAmbiguousStatus,
        (None, true) => Code::ItemsMissingMark,
    };
    Diagnostic::warning(code_name, message).at(row.location)
}

/// One level per depth: its name, an example and whether it is tracked.
fn summary(source: GrammarSource, items: &[Item]) -> GrammarSummary {
    let mut levels: BTreeMap<u8, GrammarLevel> = BTreeMap::new();
    for item in items {
        let level = levels.entry(item.depth).or_insert_with(|| GrammarLevel {
            depth: item.depth,
            name: item.level.clone(),
            example: item.code.clone(),
            tracked: false,
        });
        level.tracked |= item.tracked;
        if level.name.is_none() {
            level.name.clone_from(&item.level);
        }
    }
    GrammarSummary {
        source,
        levels: levels.into_values().collect(),
    }
}

/// The legend entries of the three classes that the items use, as the 1.x
/// legend object (states outside the classes have no place there).
fn document_legend(legend: &[MarkEntry], items: &[Item]) -> Option<Legend> {
    let entries: Vec<LegendEntry> = legend
        .iter()
        .filter_map(|entry| {
            Some(LegendEntry {
                mark: entry.mark.clone(),
                status: entry.meaning.status()?,
                label: Some(entry.label.clone()),
            })
        })
        .collect();
    if entries.is_empty() || items.is_empty() {
        return None;
    }
    Some(Legend {
        source: LegendSource::Document,
        entries,
        page: None,
        line: None,
    })
}

/// The built-in grammar's items: action lines, measures and deliverables as
/// generic items, in document order of their first appearance.
pub fn builtin_items(
    action_lines: &[ActionLine],
    measures: &[Measure],
    deliverables: &[Deliverable],
) -> Vec<Item> {
    let mut items = Vec::new();
    let mut located: Vec<(u32, u32, Item)> = Vec::new();
    for line in action_lines {
        if let Some((code, depth, level, parent)) = grammar::builtin::item(&[line.number]) {
            located.push((
                line.page.unwrap_or(0),
                line.line.unwrap_or(0),
                Item {
                    code,
                    depth,
                    level: Some(level.to_owned()),
                    parent,
                    title: line.title.clone(),
                    mark: None,
                    status: None,
                    status_label: None,
                    inferred: false,
                    tracked: false,
                    page: line.page.unwrap_or(0),
                    line: line.line.unwrap_or(0),
                },
            ));
        }
    }
    for measure in measures {
        if let Some((code, depth, level, parent)) =
            grammar::builtin::item(&[measure.action_line, measure.number])
        {
            located.push((
                measure.page.unwrap_or(0),
                measure.line.unwrap_or(0),
                Item {
                    code,
                    depth,
                    level: Some(level.to_owned()),
                    parent,
                    title: measure.text.clone(),
                    mark: None,
                    status: None,
                    status_label: None,
                    inferred: false,
                    tracked: false,
                    page: measure.page.unwrap_or(0),
                    line: measure.line.unwrap_or(0),
                },
            ));
        }
    }
    for deliverable in deliverables {
        if let Some((code, depth, level, parent)) = grammar::builtin::item(&[
            deliverable.action_line,
            deliverable.measure,
            deliverable.number,
        ]) {
            located.push((
                deliverable.page,
                deliverable.line,
                Item {
                    code,
                    depth,
                    level: Some(level.to_owned()),
                    parent,
                    title: (!deliverable.title.is_empty()).then(|| deliverable.title.clone()),
                    mark: deliverable.mark.clone(),
                    status: deliverable.status,
                    status_label: None,
                    inferred: deliverable.inferred,
                    tracked: true,
                    page: deliverable.page,
                    line: deliverable.line,
                },
            ));
        }
    }
    // Stable: same position keeps hierarchy order (line, measure, deliverable).
    located.sort_by_key(|(page, line, _)| (*page, *line));
    items.extend(located.into_iter().map(|(_, _, item)| item));
    items
}

/// The summary of the built-in grammar.
pub fn builtin_summary() -> GrammarSummary {
    GrammarSummary {
        source: GrammarSource::Builtin,
        levels: grammar::builtin::LEVELS
            .iter()
            .enumerate()
            .filter_map(|(at, name)| {
                let path: Vec<u16> = (1..=u16::try_from(at + 1).ok()?).map(|_| 1).collect();
                let (example, depth, _, _) = grammar::builtin::item(&path)?;
                Some(GrammarLevel {
                    depth,
                    name: Some((*name).to_owned()),
                    example,
                    tracked: depth == 3,
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> ItemsReading {
        let all = Lexicons::all();
        read_items(&Text::from_plain(text), Vocabulary::new(None, &all), &[])
    }

    #[test]
    fn an_end_date_before_the_start_is_read_by_the_rule_and_named() {
        let reading = read(
            "An action with an end date is completed; one with a start date and no end date is in progress.\n\nRef\tAction\tStart\tEnd\nA1\tOpen the depot\t04/2026\t03/2025\nA2\tBuy the buses\t05/2025\t—\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(Status::Achieved), Some(Status::InProgress)]);
        let doubts: Vec<&str> = reading
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.code == Code::ItemsDatesOutOfOrder.as_str())
            .map(|diagnostic| diagnostic.message.as_str())
            .collect();
        assert_eq!(doubts.len(), 1, "{doubts:?}");
        assert!(doubts[0].starts_with("A1 ends (03/2025) in a year before it starts (04/2026)"));
    }

    #[test]
    fn rows_stopping_short_of_the_status_column_are_items_without_status() {
        // Text printed by position drops a row's trailing blank cells: a
        // row without its status cell is still a row of the table.
        for source in [
            "Code\tDeliverable\tStatus\nB1M1D1\tShared data platform\nB1M1D2\tTraining for the officers\nB1M1D3\tAnnual data report\n",
            "Código\tProducto\tEstado\nB1M1D1\tPlataforma de datos\nB1M1D2\tFormación del personal\nB1M1D3\tInforme anual\n",
            "Code\tLivrable\tÉtat\nB1M1D1\tPlateforme de données\nB1M1D2\tFormation des agents\nB1M1D3\tRapport annuel\n",
        ] {
            let reading = read(source);
            assert_eq!(
                rows(&reading),
                ["B1M1D1", "B1M1D2", "B1M1D3"]
                    .map(|code| (code.to_owned(), None, None))
                    .to_vec(),
                "{source}"
            );
        }
        // Without a status column, bare codes and titles are no plan.
        let reading = read(
            "Code\tDeliverable\nB1M1D1\tShared data platform\nB1M1D2\tTraining\nB1M1D3\tReport\n",
        );
        assert!(reading.items.is_empty(), "{:?}", reading.items);
    }

    /// Lines listing codes by ranges (`1.1 a 1.3`, `2.1 to 2.3`, `1.2 à 1.4`)
    /// give every code of the range its state; a range whose last code is
    /// of another parent, or goes down, lists nothing.
    #[test]
    fn ranges_of_codes_listed_per_state_give_each_code_its_state() {
        for (source, done, ongoing) in [
            (
                "Código\tActuación\tServicio\n1.1\tPlaza\tObras\n1.2\tAceras\tObras\n1.3\tBancos\tObras\n1.4\tFuentes\tObras\n\nEjecutadas: 1.1 a 1.3.\nEn ejecución: 1.4.\n",
                "Ejecutadas",
                "En ejecución",
            ),
            (
                "Ref\tAction\tLead\n1.1\tSquare\tRoads\n1.2\tPavements\tRoads\n1.3\tBenches\tParks\n1.4\tFountains\tParks\n\nCompleted: 1.1 to 1.3.\nIn progress: 1.4.\n",
                "Completed",
                "In progress",
            ),
            (
                "N°\tAction\tPilote\n1.1\tPlace\tVille\n1.2\tTrottoirs\tVille\n1.3\tBancs\tVille\n1.4\tFontaines\tVille\n\nRéalisées : 1.1 à 1.3.\nEn cours : 1.4.\n",
                "Réalisées",
                "En cours",
            ),
        ] {
            let reading = read(source);
            assert_eq!(
                marks_and_statuses(&reading),
                [
                    (Some(done), Some(Status::Achieved)),
                    (Some(done), Some(Status::Achieved)),
                    (Some(done), Some(Status::Achieved)),
                    (Some(ongoing), Some(Status::InProgress)),
                ],
                "{source}"
            );
        }
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        assert_eq!(
            code_range("1.1", "to 1.3", vocabulary),
            Some(vec!["1.1".into(), "1.2".into(), "1.3".into()])
        );
        assert_eq!(code_range("1.3", "to 1.1", vocabulary), None);
        assert_eq!(code_range("1.1", "to 2.3", vocabulary), None);
        assert_eq!(code_range("1.1", "and 1.3", vocabulary), None);
    }

    /// `Started? | Finished?` columns answered yes or no give the state
    /// together; a cell that is no answer is read as a status of its own,
    /// and finished without having started is null.
    #[test]
    fn started_and_finished_answers_give_the_state_together() {
        for source in [
            "No. | Action | Started? | Finished?\n1.1 | Courses | Yes | Yes\n1.2 | Champions | Yes | No\n1.3 | Club | No | No\n1.4 | Tariff | Withdrawn | Withdrawn\n1.5 | Laptops | No | Yes\n",
            "N.º | Acción | ¿Iniciada? | ¿Finalizada?\n1.1 | Cursos | Sí | Sí\n1.2 | Red | Sí | No\n1.3 | Club | No | No\n1.4 | Tarifa | Retirada | Retirada\n1.5 | Portátiles | No | Sí\n",
        ] {
            let reading = read(source);
            assert_eq!(
                reading.items.iter().map(|item| item.status).collect::<Vec<_>>(),
                [Some(Status::Achieved), Some(Status::InProgress), Some(Status::NotDeveloped), None, None],
                "{source}"
            );
            assert_eq!(
                reading.items.get(3).and_then(|item| item.status_label.as_deref()),
                Some("cancelled"),
                "{source}"
            );
        }
    }

    /// A ditto mark in the status column repeats the status of the row
    /// above; with no row above in the table it says nothing.
    #[test]
    fn ditto_marks_repeat_the_status_above() {
        let reading = read(
            "Ref | Project | Status\nP-01.01 | Park | Complete\nP-01.02 | Trees | \"\nP-01.03 | Play area | Ongoing\nP-01.04 | Orchard | 〃\n",
        );
        assert_eq!(
            reading
                .items
                .iter()
                .map(|item| item.status)
                .collect::<Vec<_>>(),
            [
                Some(Status::Achieved),
                Some(Status::Achieved),
                Some(Status::InProgress),
                Some(Status::InProgress)
            ]
        );
    }

    /// A goal's row that counts its actions done (`2/4 done`) carries no
    /// mark and is no tracked item; its actions are.
    #[test]
    fn a_count_of_the_parts_done_is_no_mark_of_the_goal() {
        let reading = read(
            "Code | Goal or action | Status\nG1 | Transport | 1/2 done\nG1.1 | Buses | Done\nG1.2 | Taxis | Underway\n\
             G2 | Homes | 1/2 done\nG2.1 | Stoves | Done\nG2.2 | Boilers | Underway\nG3 | Industry | 0/1 done\nG3.1 | Permits | Underway\n",
        );
        let goals: Vec<_> = reading
            .items
            .iter()
            .filter(|item| item.code.len() == 2)
            .collect();
        assert!(!goals.is_empty(), "{:?}", reading.items);
        assert!(
            goals
                .iter()
                .all(|goal| goal.mark.is_none() && !goal.tracked),
            "{goals:?}"
        );
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        assert!(is_tally_of_parts("2/4 done", vocabulary));
        assert!(!is_tally_of_parts("5/4 done", vocabulary));
        assert!(!is_tally_of_parts("2/4", vocabulary));
        assert!(!is_tally_of_parts("2/4 buses", vocabulary));
    }

    /// A table without a status column, then one line per state listing its
    /// codes (`Completed: 1.2, 2.1`): each listed code has that state, a
    /// code listed under two states is null naming both, and a count after
    /// a status word (`Réalisées : 7`) lists nothing.
    #[test]
    fn lines_listing_codes_per_state_give_them_their_states() {
        for (source, marks) in [
            (
                "Ref\tAction\tLead\n1.1\tHead office\tPeople\n1.2\tMeeting rooms\tDigital\n                 1.3\tEnergy audit\tEstates\n2.1\tBudget pilot\tFinance\n\n                 Completed: 1.2, 2.1\nIn progress: 1.1 and 1.3\nNot started: 1.3\n",
                ["Completed", "In progress", "Not started"],
            ),
            (
                "| Código | Actuación | Responsable |\n|---|---|---|\n| O1.1 | Vivienda | Juventud |\n\
                 | O1.2 | Empleo | Cultura |\n| O1.3 | Alquiler | Empleo |\n| O2.1 | Consejo | Cultura |\n\n\
                 - Cumplidas: O1.2 y O2.1.\n- En curso: O1.1, O1.3.\n- Sin iniciar: O1.3.\n",
                ["Cumplidas", "En curso", "Sin iniciar"],
            ),
            (
                "N°\tAction\tPilote\n1-1\tMaison\tVille\n1-2\tSalles\tCCAS\n1-3\tAudit\tVille\n2-1\tBudget\tCCAS\n\nRéalisées : 1-2 et 2-1.\nEn cours : 1-1 ; 1-3.\nNon engagées : 1-3.\nRéalisées : 7 ; en cours : 5.\n",
                ["Réalisées", "En cours", "Non engagées"],
            ),
        ] {
            let reading = read(source);
            let [done, ongoing, _] = marks;
            assert_eq!(
                marks_and_statuses(&reading),
                [
                    (Some(ongoing), Some(Status::InProgress)),
                    (Some(done), Some(Status::Achieved)),
                    (None, None),
                    (Some(done), Some(Status::Achieved)),
                ],
                "{source}"
            );
            let named = reading.diagnostics.iter().any(|d| {
                d.code == "items.ambiguous_status"
                    && marks[1..].iter().all(|mark| d.message.contains(mark))
            });
            assert!(named, "{source}: {:?}", reading.diagnostics);
        }
    }

    /// Rows grouped under a row naming their state with a count, alone on
    /// its line or the first of empty cells (`| Réalisées (2) | | |`): the
    /// state is the rows', and the next part's heading ends the group.
    #[test]
    fn group_rows_give_their_state_to_their_rows_only() {
        for (source, group) in [
            (
                "Axe 1 – Accès aux droits\n\nN°\tAction\tPilote\n{A} (2)\n1.1\tPermanences\tVille\n                 1.3\tBus des droits\tCCAS\n{N} (1)\n1.2\tInterprétariat\tVille\n\n                 Axe 2 – Lien social\n\nN°\tAction\tPilote\n{A} (1)\n2.1\tFête des voisins\tVille\n                 {N} (1)\n2.2\tCafé solidaire\tCCAS\n",
                ("Réalisées", "Non engagées", "Axe"),
            ),
            (
                "## Priority 1 – Access\n\n| Ref | Action | Lead |\n|---|---|---|\n| {A} (2) | | |\n\
                 | 1.1 | Legal advice | City |\n| 1.3 | Mobile office | Trust |\n| {N} (1) | | |\n\
                 | 1.2 | Interpreting | City |\n\n## Priority 2 – Community\n\n| Ref | Action | Lead |\n\
                 |---|---|---|\n| {A} (1) | | |\n| 2.1 | Street party | City |\n| {N} (1) | | |\n\
                 | 2.2 | Repair café | Trust |\n",
                ("Completed", "Not started", "Priority"),
            ),
            (
                "Eje 1 – Derechos\n\nN.º\tActuación\tResponsable\n{A} (2)\t\t\n1.1\tAsesoría\tAyuntamiento\n\
                 1.3\tOficina móvil\tCruz Roja\n{N} (1)\t\t\n1.2\tIntérpretes\tAyuntamiento\n\n\
                 Eje 2 – Comunidad\n\nN.º\tActuación\tResponsable\n{A} (1)\t\t\n2.1\tFiesta del barrio\tAyuntamiento\n\
                 {N} (1)\t\t\n2.2\tTaller de reparación\tCruz Roja\n",
                ("Cumplidas", "Sin iniciar", "Eje"),
            ),
        ] {
            let source = source.replace("{A}", group.0).replace("{N}", group.1);
            let reading = read(&source);
            let got: Vec<(String, Option<Status>)> = reading
                .items
                .iter()
                .map(|item| (item.code.clone(), item.status))
                .collect();
            let axis = |n: u8| format!("{} {n}", group.2);
            assert_eq!(
                got,
                vec![
                    (axis(1), None),
                    ("1.1".to_owned(), Some(Achieved)),
                    ("1.3".to_owned(), Some(Achieved)),
                    ("1.2".to_owned(), Some(NotDeveloped)),
                    (axis(2), None),
                    ("2.1".to_owned(), Some(Achieved)),
                    ("2.2".to_owned(), Some(NotDeveloped)),
                ],
                "{source}"
            );
        }
    }

    /// Each item's status with the label of a state outside the classes.
    fn statuses_and_labels(reading: &ItemsReading) -> Vec<(Option<Status>, Option<&str>)> {
        reading
            .items
            .iter()
            .map(|item| (item.status, item.status_label.as_deref()))
            .collect()
    }

    fn rows(reading: &ItemsReading) -> Vec<(String, Option<String>, Option<Status>)> {
        reading
            .items
            .iter()
            .map(|item| (item.code.clone(), item.parent.clone(), item.status))
            .collect()
    }

    /// Each item's mark and status.
    fn marks_and_statuses(reading: &ItemsReading) -> Vec<(Option<&str>, Option<Status>)> {
        reading
            .items
            .iter()
            .map(|item| (item.mark.as_deref(), item.status))
            .collect()
    }

    fn want(
        rows: &[(&str, Option<&str>, Option<Status>)],
    ) -> Vec<(String, Option<String>, Option<Status>)> {
        rows.iter()
            .map(|(code, parent, status)| ((*code).to_owned(), parent.map(str::to_owned), *status))
            .collect()
    }

    use Status::{Achieved, InProgress, NotDeveloped};

    /// A legend whose labels name what they mark before its status (`vert
    /// = mesure réalisée`), written after the list it keys: each colour
    /// word after a title gives its status.
    #[test]
    fn a_legend_label_with_a_noun_before_its_status() {
        let reading = read(
            "Axe 1 – Sobriété\n\n\
             Mesure 1 : Extinction de l'éclairage — état : vert\n\
             Mesure 2 : Audit des écoles — état : orange\n\
             Mesure 3 : Chaufferie bois — état : rouge\n\n\
             Légende : vert = mesure réalisée ; orange = mesure en cours ; rouge = mesure non engagée.\n",
        );
        assert_eq!(
            marks_and_statuses(&reading)
                .into_iter()
                .filter(|(mark, _)| mark.is_some())
                .collect::<Vec<_>>(),
            vec![
                (Some("vert"), Some(Achieved)),
                (Some("orange"), Some(InProgress)),
                (Some("rouge"), Some(NotDeveloped)),
            ]
        );
    }

    /// A key whose symbols each stand before the noun they mark and its
    /// status (`✔ action terminée ; … action en cours`), in any language,
    /// defines the symbols; one symbol before a noun in a sentence, or
    /// symbols before different nouns, define nothing.
    #[test]
    fn a_key_of_symbols_before_a_noun_and_its_status() {
        let all = Lexicons::all();
        for line in [
            "* État : ✔ action terminée ; … action en cours ; ✘ action non commencée.",
            "Key: ✔ action completed; … action in progress; ✘ action not started.",
            "Clave: ✔ acción terminada; … acción en curso; ✘ acción sin iniciar.",
        ] {
            let legend = read_mark_legend(&Text::from_plain(line), Vocabulary::new(None, &all));
            let marks: Vec<(&str, &Meaning)> = legend
                .entries
                .iter()
                .map(|entry| (entry.mark.as_str(), &entry.meaning))
                .collect();
            assert_eq!(
                marks,
                vec![
                    ("✔", &Meaning::Class(Achieved)),
                    ("…", &Meaning::Class(InProgress)),
                    ("✘", &Meaning::Class(NotDeveloped)),
                ],
                "{line}"
            );
        }
        for line in [
            "Le comité a noté … action terminée depuis mars.",
            "Key: ✔ action completed; … task in progress.",
        ] {
            let legend = read_mark_legend(&Text::from_plain(line), Vocabulary::new(None, &all));
            assert!(
                legend.entries.iter().all(|entry| entry.mark != "…"),
                "{line}: {:?}",
                legend.entries
            );
        }
    }

    /// A legend line cut after a mark and its sign runs on to the next
    /// line: the mark keeps its label (`Noir =` / `abandonnée.`).
    #[test]
    fn a_legend_entry_cut_after_its_sign() {
        let all = Lexicons::all();
        let text = Text::from_plain(
            "Légende : Vert = atteinte ; Jaune = en cours ; Rouge = non démarrée ; Noir =\n\
             abandonnée.\n",
        );
        let legend = read_mark_legend(&text, Vocabulary::new(None, &all));
        let noir = legend.entries.iter().find(|entry| entry.mark == "Noir");
        assert_eq!(
            noir.map(|entry| &entry.meaning),
            Some(&Meaning::Outside("cancelled".to_owned()))
        );
        assert_eq!(legend.entries.len(), 4);
    }

    /// A task list: the checkbox before the code is the row's mark, read
    /// whole by the key (`[-]`) or by the checkbox convention, never as the
    /// conventional `x` inside it.
    #[test]
    fn checkboxes_of_a_task_list() {
        let reading = read(
            "Clé : [x] fait · [-] en cours\n\n\
             - [x] 4.1 Repeindre le préau\n\
             - [-] 4.2 Changer la chaudière\n\
             - [ ] 4.3 Planter la haie\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("4.1", None, Some(Achieved)),
                ("4.2", None, Some(InProgress)),
                ("4.3", None, Some(NotDeveloped)),
            ])
        );
    }

    /// A mark column set with no gutter before the code column leaves the
    /// mark and the code in one cell (`✔ 1.1`): the mark is the row's, the
    /// code its own, in any language; a symbol no key defines keeps its
    /// mark with no status, and a cell whose word before the code is no
    /// symbol holds no code.
    #[test]
    fn a_mark_joined_to_the_code_in_one_cell() {
        for source in [
            "Key: ✔ done ✘ not begun ◑ half-way\n\n\
             | Code | Action | Owner |\n|---|---|---|\n\
             | ✔ 1.1 | Heat pumps | Estates |\n\
             | ✘ 1.2 | Solar panels | Finance |\n\
             | ◑ 1.3 | Metering | IT |\n",
            "Clave: ✔ cumplida ✘ no iniciada\n\n\
             | Código | Acción | Responsable |\n|---|---|---|\n\
             | ✔ 1.1 | Bombas de calor | Obras |\n\
             | ✘ 1.2 | Paneles solares | Hacienda |\n\
             | ◑ 1.3 | Contadores | Informática |\n",
            "Légende : ✔ réalisée ✘ non engagée\n\n\
             | Code | Action | Pilote |\n|---|---|---|\n\
             | ✔ 1.1 | Pompes à chaleur | Bâtiments |\n\
             | ✘ 1.2 | Panneaux solaires | Finances |\n\
             | ◑ 1.3 | Compteurs | Informatique |\n",
        ] {
            let reading = read(source);
            assert_eq!(
                rows(&reading),
                want(&[
                    ("1.1", None, Some(Achieved)),
                    ("1.2", None, Some(NotDeveloped)),
                    ("1.3", None, None),
                ]),
                "{source}"
            );
            assert_eq!(
                reading.items.get(2).and_then(|item| item.mark.as_deref()),
                Some("◑"),
                "{source}"
            );
        }
        let reading = read(
            "| Code | Action | Owner |\n|---|---|---|\n             | See 1.1 | Heat pumps | Estates |\n             | See 1.2 | Solar panels | Finance |\n",
        );
        assert!(reading.items.is_empty(), "{:?}", rows(&reading));
    }

    /// A code in the row's last column (`| Title | Lead | Status | II.3.a
    /// |`) follows its title: the first cell of words before it that says
    /// no status, in any language.
    #[test]
    fn a_code_in_the_last_column_follows_its_title() {
        for (source, title) in [
            (
                "| Action | Pilote | État | Réf. |\n|---|---|---|---|\n\
                 | Auto-école sociale | Ville | Engagée | II.3.a |\n\
                 | Permanence numérique | Bailleurs | Achevée | II.3.b |\n",
                "Auto-école sociale",
            ),
            (
                "| Action | Lead | Status | Ref. |\n|---|---|---|---|\n\
                 | Youth club sessions | Parks | Ongoing | II.3.a |\n\
                 | Volunteer awards | Housing | Complete | II.3.b |\n",
                "Youth club sessions",
            ),
            (
                "| Acción | Responsable | Estado | Ref. |\n|---|---|---|---|\n\
                 | Becas para niñas | Ayuntamiento | En curso | II.3.a |\n\
                 | Material escolar | Diputación | Cumplida | II.3.b |\n",
                "Becas para niñas",
            ),
        ] {
            let reading = read(source);
            let first = reading.items.iter().find(|item| item.code == "II.3.a");
            assert_eq!(
                first.and_then(|item| item.title.as_deref()),
                Some(title),
                "{source}"
            );
            assert_eq!(
                first.and_then(|item| item.status),
                Some(InProgress),
                "{source}"
            );
        }
    }

    /// Codes after the title in brackets, in a table cell of a row that
    /// opens with no code and in a line that opens with its status; a
    /// heading naming its level first is known by its bracketed code.
    #[test]
    fn codes_in_brackets_after_the_title() {
        let reading = read(
            "Pilar 4: Salud (PS-4)\n\n\
             Acción\tEstado\n\
             Abrir un consultorio (PS-4.1)\tCumplida\n\
             Contratar dos médicos (PS-4.2)\tEn curso\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("PS-4", None, None),
                ("PS-4.1", Some("PS-4"), Some(Achieved)),
                ("PS-4.2", Some("PS-4"), Some(InProgress)),
            ])
        );
        let reading = read(
            "Done — Publish the guide (KR-2.1)\n\
             In progress — Train the tutors (KR-2.2)\n\
             Not started — Open the lab (KR-2.3)\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
    }

    /// A status sentence inside a paragraph (`Statut : …`), a state outside
    /// the classes saying when; the title is what comes before it.
    #[test]
    fn a_status_sentence_inside_a_paragraph() {
        let reading = read(
            "Tâche 3.1 — Former les guides. Statut : terminée. Vingt guides formés.\n\n\
             Tâche 3.2 — Traduire le site. Statut : reportée à 2026. Budget manquant.\n\n\
             Tâche 3.3 — Ouvrir le musée. Statut : en cours. Travaux lancés.\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (None, Some("postponed")),
                (Some(InProgress), None)
            ]
        );
        assert_eq!(
            reading.items.first().and_then(|item| item.title.as_deref()),
            Some("Former les guides")
        );
    }

    /// A card per item whose status line's label carries a footnote call
    /// (`Estado (1):`, `Status [a]:`, `Statut (*) :`): the call points to
    /// the key, the label is still the status heading.
    #[test]
    fn a_status_line_whose_label_calls_a_footnote() {
        for text in [
            "P-01/1 · Club de lectura\nResponsable: Cultura\nEstado (1): Finalizado\n\n\
             P-01/2 · Bibliobús\nResponsable: Cultura\nEstado (1): En ejecución\n",
            "WS-1 Build the portal\nLead: IT\nStatus [a]: Completed\n\n\
             WS-2 Train the staff\nLead: HR\nStatus [a]: In progress\n",
            "A-1 Ouvrir le guichet\nPilote : DGS\nStatut (*) : Réalisé\n\n\
             A-2 Former les agents\nPilote : RH\nStatut (*) : En cours\n",
        ] {
            let reading = read(text);
            assert_eq!(
                statuses_and_labels(&reading),
                [(Some(Achieved), None), (Some(InProgress), None)],
                "{text}"
            );
        }
    }

    /// Parent rows inside a table with a status column carry no status and
    /// are no items to track; a later code with the same numbers (a second
    /// plan's register) is no parent of earlier codes.
    #[test]
    fn parent_rows_in_a_status_column_and_later_codes() {
        let reading = read(
            "Code\tAction\tStatus\n\
             IV\tHousing\t\n\
             IV.1\tRepair the roofs\tDone\n\
             IV.2\tInsulate the flats\tOngoing\n\
             V\tTransport\t\n\
             V.1\tNew bus line\tDone\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("IV", None, None),
                ("IV.1", Some("IV"), Some(Achieved)),
                ("IV.2", Some("IV"), Some(InProgress)),
                ("V", None, None),
                ("V.1", Some("V"), Some(Achieved)),
            ])
        );
        assert!(reading
            .items
            .iter()
            .all(|item| item.tracked == (item.depth == 2)));
        assert!(reading.diagnostics.is_empty(), "{:?}", reading.diagnostics);
        let reading = read(
            "2. Sport\n\n\
             Code\tAction\tStatus\n\
             2.1\tOpen the pool\tDone\n\
             2.2\tBuild a track\tOngoing\n\n\
             Ref\tMeasure\tStatus\n\
             YP-02\tYouth card\tDone\n\
             YP-03\tSummer camp\tNot started\n",
        );
        assert_eq!(
            rows(&reading)
                .into_iter()
                .map(|(code, parent, _)| (code, parent))
                .collect::<Vec<_>>(),
            [
                ("2".to_owned(), None),
                ("2.1".to_owned(), Some("2".to_owned())),
                ("2.2".to_owned(), Some("2".to_owned())),
                ("YP-02".to_owned(), None),
                ("YP-03".to_owned(), None),
            ]
        );
    }

    /// One column per status with a mark in one of them: the column's
    /// status, never the mark's conventional meaning (`x` is not "not
    /// developed" here); marks in two columns leave the status null.
    #[test]
    fn a_status_matrix_gives_the_marked_column() {
        let reading = read(
            "Code\tProject\tCompleted\tOngoing\tNot started\n\
             4.1\tRepair the bridge\tx\t\t\n\
             4.2\tWiden the road\t\tx\t\n\
             4.3\tPlant the verges\t\t\tx\n\
             4.4\tLight the tunnel\tx\tx\t\n\
             Summary\t\t2\t1\t1\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("4.1", None, Some(Achieved)),
                ("4.2", None, Some(InProgress)),
                ("4.3", None, Some(NotDeveloped)),
                ("4.4", None, None),
            ])
        );
        assert_eq!(reading.items[0].title.as_deref(), Some("Repair the bridge"));
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.message.contains("4.4") && d.message.contains("two statuses")));
    }

    /// A status matrix whose code column is headed by a word that is also
    /// a status (`No.`, the answer `No`): the code's column is no status
    /// column, so each tick still gives its own column's status and never
    /// the tick's conventional meaning.
    #[test]
    fn a_status_matrix_beside_a_code_column_headed_like_a_status() {
        let reading = read(
            "Priority 1 Homes\n\n\
             No.\tAction\tAchieved\tOngoing\tNot started\n\
             1.1\tEmpty homes\t✓\t\t\n\
             1.2\tInsulation grants\t\t✓\t\n\
             1.3\tRepair hotline\t\t\t✓\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Priority 1", None, None),
                ("1.1", Some("Priority 1"), Some(Achieved)),
                ("1.2", Some("Priority 1"), Some(InProgress)),
                ("1.3", Some("Priority 1"), Some(NotDeveloped)),
            ])
        );
    }

    /// An axis named by a letter (`Eje B`, `Theme C —`) heads the codes
    /// that open with its letter (`B-04`), one level above them.
    #[test]
    fn lettered_axes_head_the_codes_of_their_letter() {
        let reading = read(
            "Eje A. Transporte\n\n\
             Código\tAcción\tEstado\n\
             A-01\tCarril bus\tCumplida\n\
             A-02\tLínea circular\tEn curso\n\n\
             Eje B. Bicicleta\n\n\
             Código\tAcción\tEstado\n\
             B-01\tAparcamientos\tCumplida\n\
             B-02\tCamino escolar\tSin iniciar\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Eje A", None, None),
                ("A-01", Some("Eje A"), Some(Achieved)),
                ("A-02", Some("Eje A"), Some(InProgress)),
                ("Eje B", None, None),
                ("B-01", Some("Eje B"), Some(Achieved)),
                ("B-02", Some("Eje B"), Some(NotDeveloped)),
            ])
        );
        assert_eq!(reading.items[1].depth, 2);
    }

    /// Two status headings joined in one cell (`Ongoing Not started`):
    /// a tick can no longer be matched to its column, so it is no status
    /// (never the tick's conventional `achieved`), with a diagnostic.
    #[test]
    fn a_tick_under_joined_status_headings_is_unsure() {
        let reading = read(
            "Priority 3 People\n\n\
             No.\tAction\tAchieved\tOngoing Not started\n\
             3.1\tJob club\t✓\n\
             3.2\tDigital drop-in\t✓\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Priority 3", None, None),
                ("3.1", Some("Priority 3"), None),
                ("3.2", Some("Priority 3"), None),
            ])
        );
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.message.contains("3.2") && d.message.contains('✓')));
    }

    /// Numbers that start again under each heading: only the heading and
    /// the code together name an item, so each heading's `Objetivo 1` is
    /// an item of its own with its own status; a code listed twice under
    /// one numbering is still one item.
    #[test]
    fn numbers_starting_again_under_each_heading() {
        let reading = read(
            "Eje 1 — Empleo\n\n\
             Objetivo\tDescripción\tSituación\n\
             Objetivo 1\tOficina de orientación\tCumplido\n\
             Objetivo 2\tBolsa de empleo\tEn curso\n\n\
             Eje 2 — Formación\n\n\
             Objetivo\tDescripción\tSituación\n\
             Objetivo 1\tAula digital\tSin iniciar\n\
             Objetivo 2\tFormación dual\tCumplido\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Eje 1", None, None),
                ("Objetivo 1", Some("Eje 1"), Some(Achieved)),
                ("Objetivo 2", Some("Eje 1"), Some(InProgress)),
                ("Eje 2", None, None),
                ("Objetivo 1", Some("Eje 2"), Some(NotDeveloped)),
                ("Objetivo 2", Some("Eje 2"), Some(Achieved)),
            ])
        );
        let once = read(
            "Eje 1 — Empleo\n\n\
             Objetivo\tDescripción\tSituación\n\
             Objetivo 1\tOficina de orientación\tCumplido\n\
             Objetivo 2\tBolsa de empleo\tEn curso\n\n\
             Eje 2 — Formación\n\n\
             Objetivo\tDescripción\tSituación\n\
             Objetivo 3\tAula digital\tSin iniciar\n\
             Objetivo 1\tOficina de orientación\tCumplido\n",
        );
        assert_eq!(
            once.items
                .iter()
                .filter(|item| item.code == "Objetivo 1")
                .count(),
            1
        );
    }

    /// A task board: the status lines head sections of coded lines.
    #[test]
    fn status_headings_give_their_rows_a_status() {
        let reading = read(
            "Tablero del proyecto\n\nTerminado\n\nK-2 Firmar el contrato\nK-5 Abrir la cuenta\n\n\
             En curso\n\nK-3 Contratar al equipo\nK-7 Comprar equipos\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("K-2", None, Some(Achieved)),
                ("K-5", None, Some(Achieved)),
                ("K-3", None, Some(InProgress)),
                ("K-7", None, Some(InProgress)),
            ])
        );
        assert_eq!(reading.items[2].mark.as_deref(), Some("En curso"));
    }

    /// A status alone on a line over a single row is that row's mark
    /// printed below it, not a section: the next row does not take it.
    #[test]
    fn one_row_under_a_status_line_is_no_section() {
        let reading = read(
            "Q-1 Open the office — done\nQ-2 Hire a manager\nCompleted\nQ-3 Buy desks — ongoing\n",
        );
        assert_eq!(reading.items[1].status, None);
    }

    /// Codes numbered across the plan (`P-7`, `Mesure 12`) take their parent
    /// and depth from the coded headings over them.
    #[test]
    fn coded_headings_are_the_parents_of_flat_codes() {
        let reading = read(
            "Volet 1 – Accueil\nMesure 1 – Ouvrir un guichet : réalisée\nMesure 2 – Former les agents : en cours\n\
             Volet 2 – Numérique\nMesure 3 – Créer un site : non démarrée\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Volet 1", None, None),
                ("Mesure 1", Some("Volet 1"), Some(Achieved)),
                ("Mesure 2", Some("Volet 1"), Some(InProgress)),
                ("Volet 2", None, None),
                ("Mesure 3", Some("Volet 2"), Some(NotDeveloped)),
            ])
        );
        assert_eq!(reading.items[1].depth, 2);
        // A single numbered chapter over a register is no level of it.
        let reading = read(
            "3. Registro\nR-01\tPintar la sede\tcumplido\nR-02\tCambiar la puerta\tpendiente\n",
        );
        assert!(reading.items.iter().all(|item| item.parent.is_none()));
    }

    #[test]
    fn dotted_codes_with_status_words_in_a_pipe_table() {
        let reading = read(
            "1. Governance\n1.1 Board\n| Code | Activity | Status |\n|---|---|---|\n| 1.1.1 | Hold four board meetings | Completed |\n| 1.1.2 | Adopt the budget | In progress |\n| 1.1.3 | Review the statutes | Not started |\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("1", None, None),
                ("1.1", Some("1"), None),
                ("1.1.1", Some("1.1"), Some(Achieved)),
                ("1.1.2", Some("1.1"), Some(InProgress)),
                ("1.1.3", Some("1.1"), Some(NotDeveloped)),
            ])
        );
        assert_eq!(
            reading.items[2].title.as_deref(),
            Some("Hold four board meetings")
        );
    }

    #[test]
    fn letters_defined_by_a_legend_line() {
        let reading = read(
            "R = realizada · P = en proceso · N = no iniciada\nL1= Gobernanza\nA1.1\tTaller de planificación\tR\nA1.2\tManual de procedimientos\tP\nA1.3\tAuditoría externa\tN\nA1.4\tPlan de riesgos\tC\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("L1", None, None),
                ("A1.1", Some("L1"), Some(Achieved)),
                ("A1.2", Some("L1"), Some(InProgress)),
                ("A1.3", Some("L1"), Some(NotDeveloped)),
                ("A1.4", Some("L1"), None),
            ])
        );
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.code == "items.unknown_mark"));
    }

    /// A legend letter drawn in the other case (`V` where the key says `v`)
    /// is the key's mark where the conventional table reads it the same;
    /// where the two disagree it means nothing.
    #[test]
    fn a_legend_letter_in_the_other_case() {
        let reading = read(
            "Leyenda: v alcanzado 0 en proceso × no desarrollado\nL1= Gobernanza\nA1.1\tTaller de planificación\tv\nA1.2\tManual de procedimientos\tV\nA1.3\tAuditoría externa\t×\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("L1", None, None),
                ("A1.1", Some("L1"), Some(Achieved)),
                ("A1.2", Some("L1"), Some(Achieved)),
                ("A1.3", Some("L1"), Some(NotDeveloped)),
            ])
        );
        let reading = read(
            "Leyenda: x alcanzado 0 en proceso v no desarrollado\nL1= Gobernanza\nA1.1\tTaller de planificación\tX\nA1.2\tManual de procedimientos\tV\nA1.3\tAuditoría externa\tx\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("L1", None, None),
                ("A1.1", Some("L1"), None),
                ("A1.2", Some("L1"), None),
                ("A1.3", Some("L1"), Some(Achieved)),
            ])
        );
    }

    /// Parents listed in a table of their own, without statuses, before
    /// their children: items, status null; section numbers are not.
    #[test]
    fn parents_listed_apart_from_their_children() {
        let reading = read(
            "1. Outcomes\nOutcome\tDescription\tOwner\nOutcome 3.1\tCleaner rivers\tWater board\nOutcome 3.2\tSafer roads\tTransport office\n2. Outputs\nOutput\tTitle\tStatus\nOutput 3.1.1\tBuild two filters\tCompleted\nOutput 3.1.2\tTrain the wardens\tIn progress\nOutput 3.2.1\tPaint the crossings\tCompleted\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Outcome 3.1", None, None),
                ("Outcome 3.2", None, None),
                ("Output 3.1.1", Some("Outcome 3.1"), Some(Achieved)),
                ("Output 3.1.2", Some("Outcome 3.1"), Some(InProgress)),
                ("Output 3.2.1", Some("Outcome 3.2"), Some(Achieved)),
            ])
        );
        let reading = read(
            "Résultat\tIntitulé\nRésultat 4.1\tEau potable\nRésultat 4.2\tRoutes\nRésultat 4.3\tÉcoles\nProduit 4.1.1 Forer deux puits : réalisé\nProduit 4.2.1 Refaire le pont : en cours\nProduit 4.3.1 Ouvrir une classe : non démarré\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(
            codes,
            [
                "Résultat 4.1",
                "Résultat 4.2",
                "Résultat 4.3",
                "Produit 4.1.1",
                "Produit 4.2.1",
                "Produit 4.3.1"
            ]
        );
        assert!(!reading.items[0].tracked);
    }

    #[test]
    fn circles_outside_states_and_trailing_words() {
        let reading = read(
            "🟢 Atteint 🟠 En cours 🔴 Non atteint\nObjectif 2.1 Former les agents\nAction 2.1.1 Former 40 agents 🟢\nAction 2.1.2 Publier le guide (en cours)\nAction 2.1.3 Ouvrir le bureau : annulée\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Objectif 2.1", None, None),
                ("Action 2.1.1", Some("Objectif 2.1"), Some(Achieved)),
                ("Action 2.1.2", Some("Objectif 2.1"), Some(InProgress)),
                ("Action 2.1.3", Some("Objectif 2.1"), None),
            ])
        );
        assert_eq!(reading.items[3].status_label.as_deref(), Some("cancelled"));
        assert_eq!(reading.items[1].title.as_deref(), Some("Former 40 agents"));
    }

    #[test]
    fn a_status_column_among_other_columns() {
        let reading = read(
            "| No. | Activity | Responsible | Status |\n|---|---|---|---|\n| 1.1 | Draft the strategy | Secretariat | Completed (March 2022) |\n| 1.2 | Hire two officers | HR | Partially completed |\n| 1.3 | Launch the survey | Research | Delayed |\n| 1.4 | Publish | Comms | 50% |\n",
        );
        type Got<'a> = (&'a str, Option<&'a str>, Option<Status>, Option<&'a str>);
        let got: Vec<Got<'_>> = reading
            .items
            .iter()
            .map(|item| {
                (
                    item.code.as_str(),
                    item.mark.as_deref(),
                    item.status,
                    item.status_label.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("1.1", Some("Completed (March 2022)"), Some(Achieved), None),
                ("1.2", Some("Partially completed"), None, None),
                ("1.3", Some("Delayed"), None, Some("delayed")),
                ("1.4", Some("50%"), None, None),
            ]
        );
        assert_eq!(
            reading.items[0].title.as_deref(),
            Some("Draft the strategy")
        );
    }

    #[test]
    fn a_key_of_the_reports_own_words() {
        let reading = read(
            "Status key: Delivered = completed · On track = in progress · Not yet due = not started · Merged = merged\nPillar 1. Inclusive city\n| Path | Project | Status |\n|---|---|---|\n| Pillar 1 › Programme 1.1 › Project 1.1.4 | Census of settlements | Delivered |\n| Pillar 1 › Programme 1.1 › Project 1.1.5 | Renovation guide | On track |\n| Pillar 1 › Programme 1.2 › Project 1.2.4 | Cycle lanes | Not yet due |\n| Pillar 1 › Programme 1.2 › Project 1.2.5 | Waste | Merged |\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Pillar 1", None, None),
                ("Programme 1.1", Some("Pillar 1"), None),
                ("Project 1.1.4", Some("Programme 1.1"), Some(Achieved)),
                ("Project 1.1.5", Some("Programme 1.1"), Some(InProgress)),
                ("Programme 1.2", Some("Pillar 1"), None),
                ("Project 1.2.4", Some("Programme 1.2"), Some(NotDeveloped)),
                ("Project 1.2.5", Some("Programme 1.2"), None),
            ])
        );
        assert_eq!(reading.items[6].status_label.as_deref(), Some("merged"));
        assert_eq!(
            reading.items[2].title.as_deref(),
            Some("Census of settlements")
        );
    }

    #[test]
    fn abbreviated_statuses_keyed_in_a_footnote() {
        let reading = read(
            "| Medida | Descripción | Estado (1) |\n|---|---|---|\n| A.1.1 | Curso básico | Ej. |\n| A.1.2 | Módulo para mandos | En c. |\n| A.1.3 | Guía | N/I |\n| A.1.4 | Ludoteca | Susp. |\n\n(1) Ej.: ejecutada; En c.: en curso; N/I: no iniciada; Susp.: suspendida.\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None),
                (None, Some("on_hold")),
            ]
        );
        // A label's colon after a whole word is no key.
        let fields = read("| Ref | Action | Note |\n|---|---|---|\n| 1.1 | Paths | Estado: cumplida; Responsable: obras |\n| 1.2 | Benches | Estado: en curso |\n");
        assert!(fields.legend.is_none(), "{:?}", fields.legend);
    }

    #[test]
    fn a_code_repeated_on_each_continuation_line() {
        let reading = read(
            "| Ref | Action | Position |\n|---|---|---|\n| 1.1 | Extend the lighting | Completed |\n| 1.1 | to every cul-de-sac | |\n| 1.2 | Joint patrols | In hand |\n| 1.3 | Help points | Completed |\n| 1.3 | at park entrances | |\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("1.1", None, Some(Achieved)),
                ("1.2", None, Some(InProgress)),
                ("1.3", None, Some(Achieved)),
            ])
        );
        assert_eq!(
            reading.items[0].title.as_deref(),
            Some("Extend the lighting to every cul-de-sac")
        );
    }

    #[test]
    fn a_class_and_a_state_outside_in_two_cells_stay_unknown() {
        let reading = read(
            "| Código | Acción | 2025 | Real 2025 |\n|---|---|---|---|\n| III-b-1 | Letrinas | Ejecutada | Ejecutada |\n| III-b-3 | Mantenimiento | Ejecutada | Desplazada a 2026 |\n",
        );
        assert_eq!(reading.items.len(), 2, "{:?}", reading.items);
        assert_eq!(reading.items[1].status, None);
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.message.contains("Desplazada a 2026")));
    }

    #[test]
    fn a_mark_defined_twice_differently_means_nothing() {
        let reading = read(
            "R = realizada · P = en proceso · N = no iniciada\nA1.1\tTaller\tR\nA1.2\tManual\tP\nR = retrasada · C = cumplida · N = no iniciada\nA1.3\tAuditoría\tR\nA1.4\tPlan\tC\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [None, Some(InProgress), None, Some(Achieved)]);
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.code == "legend.conflict"
                && d.message.contains("`realizada`")
                && d.message.contains("`retrasada`")));
    }

    #[test]
    fn a_legend_of_one_entry_per_line() {
        for key in [
            "| Symbol | Meaning |\n|---|---|\n| ● | Completed |\n| ◐ | In progress |\n| ○ | Not started |\n",
            "Key:\n- ● : completed\n- ◐ : in progress\n\n- ○ : not started\n",
        ] {
            let reading = read(&format!(
                "{key}\n| Activity | Status | Description |\n|---|---|---|\n| Activity 1.1.1 | ● | Hold the meeting |\n| Activity 1.1.2 | ◐ | Survey |\n| Activity 1.1.3 | ○ | Launch the portal |\n"
            ));
            let statuses: Vec<Option<Status>> =
                reading.items.iter().map(|item| item.status).collect();
            // `○` is conventionally `in progress`: the key says otherwise.
            assert_eq!(
                statuses,
                [Some(Achieved), Some(InProgress), Some(NotDeveloped)],
                "{key}"
            );
        }
        // Plan rows of one code and one status word are no legend.
        let reading = read("| 1.1 | Completed |\n| 1.2 | In progress |\n");
        assert_eq!(rows(&reading).len(), 2);
    }

    #[test]
    fn one_code_with_two_statuses_stays_null() {
        let reading =
            read("A1.1\tTaller\tCompleted\nA1.2\tManual\tCompleted\nA1.1\tTaller\tNot started\n");
        assert_eq!(reading.items[0].code, "A1.1");
        assert_eq!(reading.items[0].status, None);
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.code == "items.conflicting_marks" && d.message.contains("`Not started`")));
    }

    #[test]
    fn counts_beside_statuses_are_not_items() {
        let reading = read(
            "1.1\tTrain staff\tCompleted\n1.2\tPublish\tOngoing\n\nCompleted\t1\nOngoing\t1\nTotal\t2\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(codes, ["1.1", "1.2"]);
    }

    #[test]
    fn qualified_statuses_in_the_last_cell() {
        let reading = read(
            "1.1\tHold the assembly\tAchieved (100%)\n1.2\tRecruit members\tPartially achieved\n1.3\tOpen an office\tNot achieved – lack of funding\n1.4\tPublish\tOn track\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(
            statuses,
            [Some(Achieved), None, Some(NotDeveloped), Some(InProgress)]
        );
        assert_eq!(reading.items[1].mark.as_deref(), Some("Partially achieved"));
        let reading = read(
            "| N.º | Meta | Situación actual |\n|---|---|---|\n| 2.1.1 | Aprobar | Cumplida |\n| 2.1.2 | Capacitar | En proceso (60 %) |\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(Achieved), Some(InProgress)]);
    }

    #[test]
    fn a_level_word_set_apart_from_its_number_is_one_code() {
        // A wide gap between `Step` and its number, or a column for each.
        let reading = read(
            "Step\t3\tHousing\nDone\tStep\t\t3.1\tOpen a shelter\nOngoing\tStep\t\t3.2\tHire two wardens\nStep\t4\tHealth\nDone\tStep\t\t4.1\tOpen a clinic\n",
        );
        let step = |code: &str, parent: Option<&str>, status| {
            (code.to_owned(), parent.map(str::to_owned), status)
        };
        assert_eq!(
            rows(&reading),
            [
                step("Step 3", None, None),
                step("Step 3.1", Some("Step 3"), Some(Achieved)),
                step("Step 3.2", Some("Step 3"), Some(InProgress)),
                step("Step 4", None, None),
                step("Step 4.1", Some("Step 4"), Some(Achieved)),
            ]
        );
        // Different words before numbers of one depth are a column of
        // leads, not a level; a word the legend defines is a mark.
        let reading = read(
            "Lead\tCode\tActivity\tStatus\nCouncil\t1.1.1\tTrain staff\tDone\nPartners\t1.1.2\tPublish a guide\tOngoing\nCouncil\t1.1.3\tHold a fair\tDone\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(codes, ["1.1.1", "1.1.2", "1.1.3"]);
        let reading = read(
            "Key: DN = done · IP = in progress\nDN\t1.01\tPublish the agendas\nIP\t1.02\tOpen the data\nDN\t1.03\tStream the meetings\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(codes, ["1.01", "1.02", "1.03"]);
    }

    #[test]
    fn a_bullet_before_a_line_with_its_own_status_is_no_mark() {
        // `◦` is a conventional mark (in progress), but here the list's
        // bullet: each line says its own status after the colon.
        let reading = read(
            "Key: Reached = achieved; On course = in progress\n• Goal 1 — Walk more\n    ◦ Indicator 1.1 — Daily walkers: Reached\n    ◦ Indicator 1.2 — School routes: On course\n    ◦ Indicator 1.3 — Park benches: Reached partially\n",
        );
        let indicators: Vec<(&str, Option<&str>, Option<Status>)> = reading
            .items
            .iter()
            .filter(|item| item.code.starts_with("Indicator"))
            .map(|item| (item.code.as_str(), item.mark.as_deref(), item.status))
            .collect();
        assert_eq!(
            indicators,
            [
                ("Indicator 1.1", Some("Reached"), Some(Achieved)),
                ("Indicator 1.2", Some("On course"), Some(InProgress)),
                ("Indicator 1.3", None, None),
            ]
        );
        // A symbol the legend defines before the code stays the mark.
        let reading = read(
            "Legend: ◦ = in progress · ✓ = achieved\n◦ 2.1 Repair the roof\n✓ 2.2 Paint the hall\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [(Some("◦"), Some(InProgress)), (Some("✓"), Some(Achieved))]
        );
    }

    #[test]
    fn a_class_then_a_state_outside_keeps_the_state() {
        let reading = read(
            "AC-01\tRamp at the town hall\tCompleted\nAC-02\tAccessible toilets\tCompleted behind schedule\nAC-05\tAseos adaptados\tCompletada con retraso\nAC-03\tLift in the library\tCompleted partially\nAC-04\tSigns in braille\tIn progress\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (None, Some("delayed")),
                (None, Some("delayed")),
                (None, None),
                (Some(InProgress), None),
            ]
        );
    }

    #[test]
    fn a_status_followed_by_a_date() {
        let reading = read(
            "Milestone\tDescription\tStatus\nMS 1.1\tSurvey the valley\tCompleted 14 Mar 2025\nMS 1.2\tSign off the model\tCompleted 2 May\t2025\nMS 1.3\tBuild the basin\tNot started\nMS 1.4\tTrain wardens\tCompleted 3\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("Completed 14 Mar 2025"), Some(Achieved)),
                (Some("Completed 2 May"), Some(Achieved)),
                (Some("Not started"), Some(NotDeveloped)),
                (Some("Completed 3"), None),
            ]
        );
        let reading = read(
            "1.1\tFormer les agents\tRéalisée en mars 2025\n1.2\tOuvrir le guichet\tRéalisée le 3/05/2025\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(Achieved), Some(Achieved)]);
    }

    #[test]
    fn a_partial_answer_or_phrase_is_no_class() {
        // Whole cells, a partial word before or after the status word, in
        // an answer column that is no status column.
        let reading = read(
            "Código\t¿Cumplida?\tMeta\nM-1\tSí\tSembrar mil árboles\nM-2\tEn parte\tLimpiar el río\nM-3\tNo\tCercar el humedal\nM-4\tCumplida parcialmente\tPlantar setos\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (None, None),
                (Some(NotDeveloped), None),
                (None, None)
            ]
        );
        assert_eq!(reading.items[1].mark.as_deref(), Some("En parte"));
        assert_eq!(reading.items[1].title.as_deref(), Some("Limpiar el río"));
        let partial: Vec<&str> = reading
            .diagnostics
            .iter()
            .filter(|d| d.code == "items.partial_status")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(partial.len(), 2, "{partial:?}");
        assert!(partial[0].contains("achieved or in progress"));
    }

    #[test]
    fn a_partial_qualifier_leaves_the_status_unknown() {
        let reading = read(
            "Ref\tAction\tStatus\n3.a\tOpen a clinic\tDone (on time)\n3.b\tPublish an atlas\tDone (partly)\n3.c\tRéviser les statuts\tRéalisé (en partie)\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(Achieved), None, None]);
        assert_eq!(reading.items[1].mark.as_deref(), Some("Done (partly)"));
    }

    #[test]
    fn a_defined_mark_beats_a_share_in_a_progress_column() {
        // The key defines `Blue` outside the classes; the share column
        // alone would say in progress.
        let reading = read(
            "Key: Blue = postponed; Green = completed; Amber = in progress\nRAG*\tRef\tAction\tProgress\nBlue\tT-1\tMove the depot\t15 %\nGreen\tT-2\tOpen the hub\t100 %\n\tT-3\tHire staff\t40 %\n",
        );
        let got = statuses_and_labels(&reading);
        assert_eq!(
            got,
            [
                (None, Some("postponed")),
                (Some(Achieved), None),
                // No key of shares: 40 % says no status.
                (None, None)
            ]
        );
    }

    #[test]
    fn a_footnote_call_is_not_part_of_a_heading() {
        assert_eq!(folded_heading("Statut¹"), "statut");
        assert_eq!(folded_heading("Estado (1):"), "estado");
        assert_eq!(folded_heading("Status [2]"), "status");
        assert_eq!(folded_heading("État (a) :"), "état");
        assert_eq!(folded_heading("Avancement (**)"), "avancement");
        assert_eq!(folded_heading("Budget (2025)"), "budget (2025)");
        assert_eq!(folded_heading("(1)"), "(1)");
        assert_eq!(folded_heading("Semáforo (*)"), "semáforo");
        assert_eq!(folded_heading("RAG*:"), "rag");
    }

    #[test]
    fn a_last_sentence_that_is_only_a_status() {
        let reading = read(
            "- 4.1 Renew the fleet. Postponed\n- 4.2 Open the depot. Completed\n- 4.3 Train the drivers in St. Albans\n",
        );
        let got: Vec<(Option<&str>, Option<&str>, Option<Status>)> = reading
            .items
            .iter()
            .map(|item| (item.title.as_deref(), item.mark.as_deref(), item.status))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Renew the fleet"), Some("Postponed"), None),
                (Some("Open the depot"), Some("Completed"), Some(Achieved)),
                (Some("Train the drivers in St. Albans"), None, None),
            ]
        );
    }

    #[test]
    fn a_key_label_may_name_its_status_in_brackets() {
        let reading = read(
            "CP-01\tResurface the street\tG\nCP-02\tBuild the library\tB\nCP-03\tExtend the network\tA\n\n¹ RAG: G = complete; A = in progress; B = closed without delivery (cancelled).\n",
        );
        let got = statuses_and_labels(&reading);
        assert_eq!(
            got,
            [
                (Some(Achieved), None),
                (None, Some("cancelled")),
                (Some(InProgress), None)
            ]
        );
    }

    #[test]
    fn a_state_outside_the_classes_with_a_complement_keeps_its_label() {
        let reading = read(
            "Code\tActivity\tStatus\nP1-A1\tWiden the road\tCompleted\nP1-A2\tRepair the plant\tMerged with P2-A1\nP1-A3\tMap the network\tCompleted partially\n",
        );
        let got = statuses_and_labels(&reading);
        assert_eq!(
            got,
            [(Some(Achieved), None), (None, Some("merged")), (None, None)]
        );
    }

    #[test]
    fn a_grey_colour_the_legend_defines_outside_the_classes() {
        let reading = read(
            "Statut\tN°\tAction\nGris\tOS1-A1\tOuvrir un hôpital\nVert\tOS1-A2\tCréer une crèche\n\n¹ Vert : réalisée ; Orange : en cours ; Gris : annulée.\n",
        );
        let got = statuses_and_labels(&reading);
        assert_eq!(got, [(None, Some("cancelled")), (Some(Achieved), None)]);
    }

    #[test]
    fn the_label_of_an_answer_is_not_part_of_the_title() {
        let reading = read(
            "- 1.1.a Distribuer des composteurs. Réalisée : Oui\n- 1.1.b Former des guides. Réalisée : Non\n- 1.1.c Lire le rapport. Note : Non\n",
        );
        let got: Vec<(Option<&str>, Option<Status>)> = reading
            .items
            .iter()
            .map(|item| (item.title.as_deref(), item.status))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Distribuer des composteurs"), Some(Achieved)),
                (Some("Former des guides"), Some(NotDeveloped)),
                (Some("Lire le rapport. Note"), Some(NotDeveloped)),
            ]
        );
    }

    #[test]
    fn status_cells_in_another_language_than_the_document() {
        let spanish = Lexicons::for_codes(["es"]);
        let reading = read_items(
            &Text::from_plain(
                "Código\tActividad\tStatus\n1.1\tCelebrar la asamblea\tCompleted\n1.2\tPublicar el boletín\tIn progress\n",
            ),
            Vocabulary::new(None, &spanish),
            &[],
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(Achieved), Some(InProgress)]);
    }

    #[test]
    fn numbered_prose_is_not_a_plan() {
        let reading = read("1. Introduction\n2. Context\n3.1 Budget of 2019\n3.2 Staff\n");
        assert!(reading.items.is_empty());
    }

    /// Pieces of the shapes the items reader looks for.
    const PIECES: &[&str] = &[
        "1.1",
        "1.1.1 ",
        "Action 2.1.3",
        "A1.1",
        "L1=",
        "O1R2",
        "\t",
        "| ",
        " |",
        "|---|",
        "Completed",
        "en cours",
        "no iniciada",
        "Cancelled",
        "R = realizada",
        " · ",
        "P = en proceso",
        "🟢",
        "Green = achieved;",
        "Status",
        "Estado",
        ": ",
        " (",
        ")",
        "?",
        "x",
        "—",
        "Of the 3 projects, 2 are complete",
        "Total",
        "4",
        " ",
    ];

    proptest::proptest! {
        #[test]
        fn item_like_lines_never_panic(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(PIECES), 0..8),
                0..30,
            )
        ) {
            let source: Vec<String> = lines.iter().map(|pieces| pieces.concat()).collect();
            let text = Text::from_plain(&source.join("\n"));
            let _ = read_items(&text, Vocabulary::new(None, &Lexicons::all()), &[]);
            let _ = crate::convert_bytes("items.txt", source.join("\n").as_bytes(), &crate::Config::default());
        }
    }

    #[test]
    fn an_earlier_state_column_is_history() {
        // The earlier state is left of the current one in English, right of
        // it in French: the heading decides, not the position.
        let reading = read(
            "Ref\tTask\tPrevious status\tCurrent status\nKR-1\tHire a data lead\tNot started\tCompleted\nKR-2\tOpen the portal\tIn progress\tIn progress\nKR-3\tMap the data\tNot started\tIn progress\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(InProgress), None)
            ]
        );
        let reading = read(
            "Code\tIntitulé\tStatut\tStatut antérieur\nT.1\tCâbler le bâtiment\tRéalisé\tEn cours\nT.2\tFormer les agents\tEn cours\tNon démarré\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [(Some(Achieved), None), (Some(InProgress), None)]
        );
    }

    #[test]
    fn the_latest_year_column_holds_the_status() {
        let reading = read(
            "Código\tMeta\t2021\t2022\nM-1\tReforestar la cuenca\tEn proceso\tCumplida\nM-2\tCercar los nacimientos\tSin iniciar\tEn proceso\nM-3\tMonitorear el caudal\tCumplida\tCumplida\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(Achieved), None)
            ]
        );
        // Amounts under the years are no statuses: the row's status column
        // still says it.
        let reading = read(
            "Ref\tProject\t2023\t2024\tStatus\nP-1\tNew roof\t12 000\t3 000\tCompleted\nP-2\tNew boiler\t0\t8 000\tIn progress\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [(Some(Achieved), None), (Some(InProgress), None)]
        );
        // A status heading before each year: the latest is the status,
        // the earlier one history, even where it is the first heading.
        let reading = read(
            "Código\tAcción\tEstado 2023\tEstado 2024\n2024.1.1\tAbrir la plataforma\tEn curso\tTerminada\n\
             2024.1.2\tAsambleas\tSin empezar\tEn curso\n2024.1.3\tInforme\t—\tSin empezar\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
    }

    #[test]
    fn roman_letters_of_a_register_are_letters() {
        let reading = read(
            "Ref\tRisk\tStatus\nX-12\tFlooding of the depot\tClosed\nX-13\tLoss of the server room\tOpen\nX-15\tSupplier failure\tClosed\n",
        );
        let codes: Vec<(&str, Option<&str>, u8)> = reading
            .items
            .iter()
            .map(|item| (item.code.as_str(), item.level.as_deref(), item.depth))
            .collect();
        assert_eq!(
            codes,
            [
                ("X-12", Some("X"), 1),
                ("X-13", Some("X"), 1),
                ("X-15", Some("X"), 1)
            ]
        );
        // Under `Eje IV` the same shape is action 2 of axis IV.
        let reading = read(
            "Eje IV. Territorio\n\nCódigo\tAcción\tEstado\nIV-1\tTrazar la vía\tCumplida\nIV-2\tAsfaltar\tEn proceso\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Eje IV", None, None),
                ("IV-1", Some("Eje IV"), Some(Achieved)),
                ("IV-2", Some("Eje IV"), Some(InProgress)),
            ])
        );
    }

    #[test]
    fn two_statuses_on_one_row_stay_null() {
        let reading = read("1.1\tA\tCompleted\tIn progress\n1.2\tB\tCompleted\n1.3\tC\tPending\n");
        assert_eq!(reading.items[0].status, None);
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.code == "items.ambiguous_status"
                && d.message.contains("`Completed`")
                && d.message.contains("`In progress`")));
    }

    #[test]
    fn percentages_defined_by_a_key_in_a_middle_column() {
        let reading = read(
            "Taux de réalisation : 100 % = réalisée · 50 % = en cours · 0 % = non démarrée\n\nActivité\tRéalisation\tIntitulé\tPilote\nA1.1.1\t100 %\tFormer les élus\tCommune\nA1.1.2\t50 %\tPublier un guide\tCommune\nA1.1.3\t0 %\tOuvrir un registre\tCommune\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("A1.1.1", None, Some(Achieved)),
                ("A1.1.2", None, Some(InProgress)),
                ("A1.1.3", None, Some(NotDeveloped)),
            ])
        );
        let marks: Vec<Option<&str>> = reading
            .items
            .iter()
            .map(|item| item.mark.as_deref())
            .collect();
        assert_eq!(marks, [Some("100 %"), Some("50 %"), Some("0 %")]);
    }

    /// A completion key of bands (a range, a lower bound, an upper bound
    /// by the lexicons' words) reads the shares, after a progress bar too;
    /// a share in no band or in two stays unknown, its mark kept.
    #[test]
    fn progress_bars_and_shares_read_by_a_key_of_bands() {
        let cases = [
            (
                "Umbrales: 90 % o más = cumplido; de 30 a 89 % = en ejecución; menos de 30 % = sin iniciar\n\nMeta\tNombre\tAvance\nM-4\tAbrir el museo\t██████████ 95 %\nM-5\tPintar la escuela\t▰▰▰▱▱ 60 %\nM-6\tComprar un bus\t░░░░░░ 29,5 %\nM-7\tCerrar la mina\t██░░ 30 %\n",
                [Some(Achieved), Some(InProgress), Some(NotDeveloped), Some(InProgress)],
                ["95 %", "60 %", "29,5 %", "30 %"],
            ),
            (
                "Legende: ab 75 % = erledigt; 10 bis 74 % = laufend; unter 10 % = nicht begonnen\n\nNr.\tMassnahme\tFortschritt\nK-1\tBrücke bauen\t████ 75 %\nK-2\tSchule öffnen\t██ 74 %\nK-3\tPark anlegen\t░░ 9 %\nK-4\tBus kaufen\t100 %\n",
                [Some(Achieved), Some(InProgress), Some(NotDeveloped), Some(Achieved)],
                ["75 %", "74 %", "9 %", "100 %"],
            ),
        ];
        for (text, statuses, marks) in cases {
            let reading = read(text);
            let got: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
            assert_eq!(got, statuses, "{text}");
            let got: Vec<Option<&str>> = reading
                .items
                .iter()
                .map(|item| item.mark.as_deref())
                .collect();
            assert_eq!(got, marks.map(Some), "{text}");
        }
        // Bands that overlap, a share outside every band: no status.
        let reading = read(
            "Key: 50 % or more = achieved; 20 to 60 % = in progress; 0 % = not started\n\nRef\tTitle\tProgress\nQ-1\tOpen a shop\t█████░ 55 %\nQ-2\tHire a cook\t░░░░░ 10 %\nQ-3\tBuy a van\t██████ 70 %\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("█████░ 55 %"), None),
                (Some("░░░░░ 10 %"), None),
                (Some("70 %"), Some(Achieved)),
            ]
        );
    }

    /// A key of bands written with comparison signs and colons, or with no
    /// sign at all (`below 50 % not achieved`), reads the shares of a
    /// percent-achieved column, also when that column comes first; a
    /// sentence of shares (`60 % cumplidas, 30 % en curso`) is no key.
    #[test]
    fn a_key_of_bands_without_equals_signs() {
        let reading = read(
            "Leyenda: ≥ 90 %: cumplido; 50 % a 89 %: en proceso; < 50 %: no cumplido.\n\nIndicador\tDescripción\t% de logro\nIndicador 3.1\tCaminar\t95 %\nIndicador 3.2\tDeporte\t72 %\nIndicador 3.3\tParques\t48 %\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(
            statuses,
            [Some(Achieved), Some(InProgress), Some(NotDeveloped)]
        );
        let reading = read(
            "Key: ≥ 90 % achieved; 50 % to 89 % progressing; below 50 % not achieved.\n\n% achieved\tIndicator\tDescription\n100 %\tIndicator 4.1\tBuses\n64 %\tIndicator 4.2\tTaxis\n35 %\tIndicator 4.3\tBurners\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("100 %"), Some(Achieved)),
                (Some("64 %"), Some(InProgress)),
                (Some("35 %"), Some(NotDeveloped)),
            ]
        );
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        assert!(key_pairs(
            "60 % cumplidas, 30 % en curso, 10 % sin iniciar",
            vocabulary
        )
        .is_empty());
    }

    #[test]
    fn an_earlier_year_is_history_even_when_the_latest_says_nothing_known() {
        let reading = read(
            "Ref\tAction\t2024\t2025\n1.1\tRefurbish the library\tIn progress\tDone\n1.2\tSelf-service kiosks\tNot started\tHalfway there\n1.3\tSunday opening\tNot started\tIn progress\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("Done"), Some(Achieved)),
                (None, None),
                (Some("In progress"), Some(InProgress)),
            ]
        );
    }

    #[test]
    fn a_progress_heading_abbreviated_and_spelled_out_in_a_footnote() {
        let text = "Fiche\tIntitulé\tAv.*\nOS1-A1\tOuvrir la maison de santé\t100 %\nOS1-A2\tBus dentaire\t40 %\nOS1-A3\tAide à l'installation\t0 %\n\n* Av. : avancement de la fiche. 100 % = fiche réalisée ; de 1 à 99 % = fiche en cours ; 0 % = fiche non démarrée.\n";
        let reading = read(text);
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("100 %"), Some(Achieved)),
                (Some("40 %"), Some(InProgress)),
                (Some("0 %"), Some(NotDeveloped)),
            ]
        );
        // A label's noun before its status is not a partial word.
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        let marks: Vec<String> = key_pairs("Key: P = partly achieved; D = action done", vocabulary)
            .into_iter()
            .map(|entry| entry.mark)
            .collect();
        assert_eq!(marks, ["D"]);
        // An abbreviated mark keeps its full stop.
        let marks: Vec<String> = key_pairs("Ejec. = ejecutadas; S/I = sin iniciar", vocabulary)
            .into_iter()
            .map(|entry| entry.mark)
            .collect();
        assert_eq!(marks, ["Ejec.", "S/I"]);
        // A footnote that spells out no heading leaves the column unread.
        let text = "Fiche\tIntitulé\tBud.*\nOS1-A1\tOuvrir la maison de santé\t100 %\nOS1-A2\tBus dentaire\t40 %\n\n* Bud. : budget consommé.\n";
        assert!(read(text).items.iter().all(|item| item.status.is_none()));
    }

    #[test]
    fn a_status_on_the_line_after_the_title() {
        let reading = read(
            "Actuación 1.1. Reurbanizar la plaza\nEstado: finalizada.\nActuación 1.2. Alumbrar la calle\nEstado: en ejecución.\nActuación 1.3. Abrir una ludoteca\nEstado: anulada.\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (None, Some("cancelled")),
            ]
        );
        // A status line gives its status to the row above only when that
        // row has none of its own.
        let reading = read(
            "Programme II.1 Outreach surgery - complete\nStatus: under way.\nProgramme II.2 Pharmacy round\nStatus: not started.\nProgramme II.3 Home adaptations\nStatus: under way.\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("complete"), Some(Achieved)),
                (Some("not started"), Some(NotDeveloped)),
                (Some("under way"), Some(InProgress)),
            ]
        );
        // A line that is not only a labelled status is no status line.
        let reading = read(
            "Action 1.1 Open the hub\nStatus report due in May.\nAction 1.2 Train staff\nNote: done by the partner.\n",
        );
        assert!(reading.items.iter().all(|item| item.status.is_none()));
    }

    #[test]
    fn completion_shares_in_a_status_column_without_a_key() {
        let reading = read(
            "Código\tActividad\tAvance\nE1.P1.A1\tEntregar viviendas\t100 %\nE1.P1.A2\tRegularizar títulos\t45 %\nE1.P1.A3\tRestaurar el teatro\t0 %\nE1.P1.A4\tAmpliar el mercado\t120 %\n",
        );
        // No key says where `achieved` starts: the ends read as every key
        // reads them, a share between keeps its mark, no status, and a
        // diagnostic names the candidates.
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("100 %"), Some(Achieved)),
                (Some("45 %"), None),
                (Some("0 %"), Some(NotDeveloped)),
                (Some("120 %"), None),
            ]
        );
        assert!(reading.diagnostics.iter().any(|diagnostic| diagnostic
            .message
            .contains("E1.P1.A2 is 45 % complete and no key of the report reads")));
        // The same table under a key reads by its bands.
        let reading = read(
            "Clave: 100 % = cumplida; 1 – 99 % = en curso; 0 % = sin iniciar.\n\nCódigo\tActividad\tAvance\nE1.P1.A1\tEntregar viviendas\t100 %\nE1.P1.A2\tRegularizar títulos\t45 %\nE1.P1.A3\tRestaurar el teatro\t0 %\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(
            statuses,
            [Some(Achieved), Some(InProgress), Some(NotDeveloped)]
        );
        // Outside a status column a share is a figure, not a status.
        let reading = read(
            "Code\tActivity\tBudget used\n1.1\tBuild a school\t100 %\n1.2\tTrain staff\t40 %\n",
        );
        assert!(reading.items.iter().all(|item| item.status.is_none()));
        // A status column headed `Status` holds a status, not a share; a
        // status word in it wins over the progress column beside it.
        let reading = read(
            "KPI\tIndicator\t% complete\tStatus\nKPI-01\tAnswer calls\t100%\tDone\nKPI-02\tPublish data\t70%\tOngoing\nKPI-03\tSurvey residents\t0%\t\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("Done"), Some(Achieved)),
                (Some("Ongoing"), Some(InProgress)),
                (Some("0%"), Some(NotDeveloped)),
            ]
        );
        // A key that defines its own values leaves the others unknown.
        let reading = read(
            "Avance : 100 % = réalisée · 50 % = en cours · 0 % = non démarrée\n\nActivité\tIntitulé\tAvancement\nA1\tFormer\t50 %\nA2\tPublier\t75 %\n",
        );
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(statuses, [Some(InProgress), None]);
    }

    #[test]
    fn answers_in_a_question_column_and_a_sentence_is_no_legend() {
        let reading = read(
            "Action\tDone?\tWhat\nAction 1\tYes\tRepair the play area\nAction 5\tPartly\tOpen a tool library\nAction 12\tNo\tInstall bike shelters\n\nOf the 3 actions, 1 was done, 1 was partly done and 1 was not done.\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Action 1", None, Some(Achieved)),
                ("Action 5", None, None),
                ("Action 12", None, Some(NotDeveloped)),
            ])
        );
        // `was not done`, `was partly done`: `was` is a word, not a mark.
        assert!(reading.legend_lines.is_empty());
    }

    /// A planned and an observed status column side by side: the observed
    /// one is the status, the plan is never read as one (`Engagée |
    /// Suspendue` is on hold, not in progress), in any order.
    #[test]
    fn planned_and_observed_status_columns() {
        let reading = read(
            "| Code | Action | Situation prévue | Situation constatée |\n\
             |---|---|---|---|\n\
             | 1.1 | Dépister le diabète | Réalisée | Réalisée |\n\
             | 1.2 | Ouvrir des ateliers | Réalisée | Engagée |\n\
             | 1.3 | Bus dentaire | Engagée | Suspendue |\n\
             \n\
             | Código | Acción | Real 2025 | Previsto 2025 |\n\
             |---|---|---|---|\n\
             | III-a-1 | Perforar pozos | En ejecución | Ejecutada |\n\
             | III-a-2 | Formar comités | Sin iniciar | En ejecución |\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (None, Some("on_hold")),
                (Some(InProgress), None),
                (Some(NotDeveloped), None),
            ]
        );
    }

    /// One line of labelled fields per action, in any order and with any
    /// separator: the code, the title and the status are read by their
    /// labels; a line with no status label is no item.
    #[test]
    fn labelled_fields_one_a_line() {
        let reading = read(
            "Objective 1 — Identify carers early\n\n\
             Ref: 1.1\nAction: Carer flag on GP records\nLead: Primary care\nAssessment: Met\n\n\
             Ref: 1.2\nAction: Carer awareness in schools\nLead: Education\nAssessment: Not met\n\
             Ref: 1.3\nAction: Discharge checklist\nAssessment: Carried forward\n\n\
             Ref: 1.4\nAction: Carers' register\nLead: Public health\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Objective 1", None, None),
                ("1.1", Some("Objective 1"), Some(Achieved)),
                ("1.2", Some("Objective 1"), Some(NotDeveloped)),
                ("1.3", Some("Objective 1"), None),
            ])
        );
        assert_eq!(
            reading.items[2].title.as_deref(),
            Some("Carer awareness in schools")
        );
        assert_eq!(reading.items[3].status_label.as_deref(), Some("postponed"));
        // Labelled lines without a code field are no record.
        let reading = read(
            "Lead: Primary care\nAction: Carer flag\nStatus: Met\n\n\
             Lead: Education\nAction: Schools\nStatus: Met\n",
        );
        assert!(reading.items.is_empty());
    }

    #[test]
    fn a_mark_before_a_title_that_ends_in_its_code() {
        let reading = read(
            "Légende : ☒ réalisée · ◩ amorcée · ☐ à lancer · ⊟ reportée\n\n\
             Objectif 1 – Habiter\n\n\
             ☒ Ouvrir une maison de l'habitat (1a)\n\
             ◩ Aider la rénovation des façades (1b)\n\
             ☐ Créer un habitat partagé (1c)\n\n\
             Objectif 2 – Se déplacer\n\n\
             ⊟ Tester une navette (2a)\n\
             ☒ Relier les bourgs (2b)\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Objectif 1", None, None),
                ("1a", Some("Objectif 1"), Some(Achieved)),
                ("1b", Some("Objectif 1"), Some(InProgress)),
                ("1c", Some("Objectif 1"), Some(NotDeveloped)),
                ("Objectif 2", None, None),
                ("2a", Some("Objectif 2"), None),
                ("2b", Some("Objectif 2"), Some(Achieved)),
            ])
        );
        assert_eq!(
            reading.items[1].title.as_deref(),
            Some("Ouvrir une maison de l'habitat")
        );
        assert_eq!(reading.items[5].status_label.as_deref(), Some("postponed"));
    }

    #[test]
    fn a_breadcrumb_of_named_levels_gives_parents_and_depths() {
        let reading = read(
            "| Eje / Programa | Proyecto | Situación |\n|---|---|---|\n\
             | Eje I / Programa 1 | Ampliar el centro de día (P-01) | Terminado |\n\
             | Eje I / Programa 2 | Abrir una ludoteca (P-02) | En ejecución |\n\
             | Eje II / Programa 3 | Limpiar el cauce (P-03) | No comenzado |\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("Eje I", None, None),
                ("Programa 1", Some("Eje I"), None),
                ("P-01", Some("Programa 1"), Some(Achieved)),
                ("Programa 2", Some("Eje I"), None),
                ("P-02", Some("Programa 2"), Some(InProgress)),
                ("Eje II", None, None),
                ("Programa 3", Some("Eje II"), None),
                ("P-03", Some("Programa 3"), Some(NotDeveloped)),
            ])
        );
        let depths: Vec<u8> = reading.items.iter().map(|item| item.depth).collect();
        assert_eq!(depths, [1, 2, 3, 2, 3, 1, 2, 3]);
    }

    #[test]
    fn labelled_fields_on_one_line() {
        let reading = read(
            "Código: 2.1 / Acción: Abrir el centro joven / Estado: Cumplida\n\
             Code : 2.2 ; État : En cours ; Intitulé : Créer une légumerie\n\
             Code: 2.3 / Title: Peer listening network / Status: Carried forward\n\
             Code: 2.4 / Title: Job-share register / Lead: HR\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("2.1", None, Some(Achieved)),
                ("2.2", None, Some(InProgress)),
                ("2.3", None, None),
            ])
        );
        assert_eq!(
            reading.items[1].title.as_deref(),
            Some("Créer une légumerie")
        );
        assert_eq!(reading.items[2].status_label.as_deref(), Some("postponed"));
    }

    /// Levels named in the header row, one column each: the code joins the
    /// numbers a row gives, blank cells carrying down the numbers above;
    /// columns of counts or page numbers are no outline.
    #[test]
    fn levels_named_in_the_header_row() {
        type Leveled = (String, Option<String>, Option<String>, Option<Status>);
        let level = |reading: &ItemsReading| -> Vec<Leveled> {
            reading
                .items
                .iter()
                .map(|item| {
                    (
                        item.code.clone(),
                        item.level.clone(),
                        item.parent.clone(),
                        item.status,
                    )
                })
                .collect()
        };
        let full = read(
            "Eje\tPrograma\tProyecto\tDenominación\tSituación\n1\t\t\tVivienda\t\n1\t1\t\tNueva promoción\t\n\
             1\t1\t1\tViviendas protegidas\tTerminado\n1\t1\t2\tAlojamientos\tEn ejecución\n",
        );
        let carried = read(
            "Eje\tPrograma\tProyecto\tDenominación\tSituación\n1\t\t\tVivienda\t\n\t1\t\tNueva promoción\t\n\
             \t\t1\tViviendas protegidas\tTerminado\n\t\t2\tAlojamientos\tEn ejecución\n",
        );
        let owned = |code: &str, name: &str, parent: Option<&str>, status| {
            (
                code.to_owned(),
                Some(name.to_owned()),
                parent.map(str::to_owned),
                status,
            )
        };
        let expected = [
            owned("1", "Eje", None, None),
            owned("1.1", "Programa", Some("1"), None),
            owned("1.1.1", "Proyecto", Some("1.1"), Some(Achieved)),
            owned("1.1.2", "Proyecto", Some("1.1"), Some(InProgress)),
        ];
        assert_eq!(level(&full), expected);
        assert_eq!(level(&carried), expected);
        // Numbers that do not follow one another (pages, counts) are no
        // outline: no code is built from them.
        let pages = read(
            "Tomo\tPágina\tAcción\tEstado\n1\t14\tViviendas protegidas\tTerminado\n1\t22\tAlojamientos\tEn ejecución\n",
        );
        assert!(
            pages.items.iter().all(|item| !item.code.contains('.')),
            "{:?}",
            level(&pages)
        );
    }

    /// A form's row of check boxes under each item: the ticked box gives
    /// the status; two ticked leave it null; a legend of boxes, printed
    /// once, is no form.
    #[test]
    fn check_boxes_under_each_item() {
        let reading = read(
            "Action 1.1 – Installer deux maraîchers\n☒ Réalisée   ☐ En cours   ☐ Non engagée\n\
             Action 1.2 – Légumerie\n☐ Réalisée   ☒ En cours   ☐ Non engagée\n\
             Action 1.3 – Diagnostic\n☒ Réalisée   ☒ En cours   ☐ Non engagée\n",
        );
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("Réalisée"), Some(Achieved)),
                (Some("En cours"), Some(InProgress)),
                (None, None)
            ]
        );
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.message.contains("Réalisée") && d.message.contains("En cours")));
        let legend = read("☒ Réalisée ☐ Non engagée\n1.1\tInstaller\t☒\n1.2\tLégumerie\t☐\n");
        assert_eq!(
            marks_and_statuses(&legend),
            [(Some("☒"), Some(Achieved)), (Some("☐"), Some(NotDeveloped))]
        );
    }

    /// Paragraphs whose status is tagged in square brackets after the
    /// title, a comment after it (`D1.1.1 Handbook [Delivered]. Accepted
    /// …`): the tag is the status, the title what comes before it; a
    /// bracket that goes on with the sentence is no tag.
    #[test]
    fn a_status_tagged_in_brackets_before_a_comment() {
        let reading = read(
            "D1.1.1 Project handbook [Delivered]. Accepted by the reviewers.\n\n\
             D1.1.2 Quality plan [In progress]. Work is going as planned.\n\n\
             D1.1.3 Pilot report [Not started]. Work begins next year.\n\n\
             D1.1.4 Data plan [see annex] for the partners, done in March.\n",
        );
        assert_eq!(
            rows(&reading),
            [
                ("D1.1.1".to_owned(), None, Some(Achieved)),
                ("D1.1.2".to_owned(), None, Some(InProgress)),
                ("D1.1.3".to_owned(), None, Some(NotDeveloped)),
                ("D1.1.4".to_owned(), None, None),
            ]
        );
        assert_eq!(
            reading.items.first().and_then(|item| item.title.as_deref()),
            Some("Project handbook")
        );
    }

    /// A text whose table rows are drawn: each row a list of cells, each
    /// cell its words and where each starts (4 points a character wide).
    fn drawn(title: &str, rows: &[Vec<Vec<(&str, f32)>>]) -> Text {
        let mut plain = format!("{title}\n\n");
        for row in rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| {
                    cell.iter()
                        .map(|(word, _)| *word)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            plain.push_str(&cells.join("\t"));
            plain.push('\n');
        }
        let mut text = Text::from_plain(&plain);
        let mut drawn = rows.iter();
        for block in &mut text.blocks {
            if let crate::page::BlockKind::Table(table) = &mut block.kind {
                for row in &mut table.rows {
                    let Some(spec) = drawn.next() else { break };
                    for (cell, words) in row.cells.iter_mut().zip(spec) {
                        cell.set_words(crate::page::words_at(words, 4.0));
                    }
                }
            }
        }
        text
    }

    /// An outline drawn in a PDF whose level columns the layout joined:
    /// the heading's level words in one cell (`Axis Goal Task`), numbers
    /// of two levels in one cell, a number run into its title. Each number
    /// is read under the level word it stands under, and the code is built
    /// from the row as in a table whose columns were kept.
    #[test]
    fn an_outline_whose_level_columns_were_joined_by_the_layout() {
        let (axis, goal, task, name, status) = (40.0, 62.0, 120.0, 180.0, 420.0);
        let table = vec![
            vec![
                vec![("Axis", axis), ("Goal", goal), ("Task", task)],
                vec![("Name", name + 60.0)],
                vec![("Status", status)],
            ],
            vec![vec![("1", axis)], vec![], vec![("Parks", name)]],
            vec![
                vec![("1", axis), ("1", goal)],
                vec![],
                vec![("Trees", name)],
            ],
            vec![
                vec![("1", axis), ("1", goal)],
                vec![("1", task)],
                vec![("Plant", name), ("oaks", name + 24.0)],
                vec![("Completed", status)],
            ],
            vec![
                vec![("1", axis), ("1", goal)],
                vec![("2", task)],
                vec![("Wardens", name)],
                vec![("Not", status), ("started", status + 16.0)],
            ],
            vec![
                vec![("1", axis), ("2", goal)],
                vec![],
                vec![("Ponds", name)],
            ],
            vec![
                vec![("1", task), ("Clean", name), ("ponds", name + 24.0)],
                vec![("In", status), ("progress", status + 12.0)],
            ],
        ];
        let all = Lexicons::all();
        let reading = read_items(
            &drawn("Parks plan", &table),
            Vocabulary::new(None, &all),
            &[],
        );
        let found = rows(&reading);
        assert_eq!(
            found,
            want(&[
                ("1", None, None),
                ("1.1", Some("1"), None),
                ("1.1.1", Some("1.1"), Some(Achieved)),
                ("1.1.2", Some("1.1"), Some(NotDeveloped)),
                ("1.2", Some("1"), None),
                ("1.2.1", Some("1.2"), Some(InProgress)),
            ])
        );
        let levels: Vec<Option<&str>> = reading
            .items
            .iter()
            .map(|item| item.level.as_deref())
            .collect();
        assert_eq!(
            levels,
            [
                Some("Axis"),
                Some("Goal"),
                Some("Task"),
                Some("Task"),
                Some("Goal"),
                Some("Task")
            ]
        );
    }

    /// Dot leaders drawn as one ellipsis between the title and a status in
    /// capitals (`1.1 Heat pumps … COMPLETE`, as MuPDF draws them): the
    /// status after the leader is the line's, in any language.
    #[test]
    fn a_leader_drawn_as_an_ellipsis_before_the_status() {
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        for (line, title, mark, status) in [
            (
                "Heat pumps in the pool … COMPLETE",
                "Heat pumps in the pool",
                "COMPLETE",
                Achieved,
            ),
            (
                "Réseau de chaleur … EN COURS",
                "Réseau de chaleur",
                "EN COURS",
                InProgress,
            ),
            (
                "Calderas de gasóleo … SIN INICIAR",
                "Calderas de gasóleo",
                "SIN INICIAR",
                NotDeveloped,
            ),
        ] {
            assert_eq!(
                trailing_status(line, &[], vocabulary),
                Some((title.to_owned(), mark.to_owned(), Meaning::Class(status))),
                "{line}"
            );
        }
    }

    /// A key listed after a colon whose entries are parted by semicolons,
    /// each a mark, a comma and its definition (`partly, it has started
    /// without being finished`): the comma is the cue, so a partial word
    /// the key defines is a class, in English and in French alike.
    #[test]
    fn a_key_listed_after_a_colon_with_commas_for_cues() {
        for text in [
            "In brackets, the answer to “was the measure delivered?”: fully, it is finished; \
             partly, it has started without being finished; and not at all, it has not started.\n\n\
             1.1 – Shared gardens [fully]. The gardens are open.\n\n\
             1.2 – Cycle lanes [partly]. Works go on.\n\n\
             1.3 – Night buses [not at all]. No date yet.\n",
            "Entre crochets, la réponse à la question « l'action est-elle menée ? » : \
             entièrement, elle est terminée ; en partie, elle a commencé sans être terminée ; \
             pas du tout, elle n'a pas commencé.\n\n\
             1.1 – Jardins partagés [entièrement]. Les jardins sont ouverts.\n\n\
             1.2 – Pistes cyclables [en partie]. Les travaux continuent.\n\n\
             1.3 – Bus de nuit [pas du tout]. Pas encore de date.\n",
            "Entre corchetes, la respuesta a « ¿se cumplió la medida? »: totalmente, está \
             terminada; en parte, ha comenzado sin estar terminada; nada, no ha comenzado.\n\n\
             1.1 – Huertos urbanos [totalmente]. Los huertos están abiertos.\n\n\
             1.2 – Carriles bici [en parte]. Las obras siguen.\n\n\
             1.3 – Autobús nocturno [nada]. Aún sin fecha.\n",
        ] {
            let reading = read(text);
            let statuses: Vec<Option<Status>> =
                reading.items.iter().map(|item| item.status).collect();
            assert_eq!(
                statuses,
                [Some(Achieved), Some(InProgress), Some(NotDeveloped)],
                "{text}\n{:?}",
                reading.items
            );
        }
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        // Asides parted by semicolons are no key: a figure in the mark, or
        // one entry only.
        assert!(listed_key_entries(
            "Progress: in 2024, the works were finished; in 2025, they have started.",
            vocabulary
        )
        .is_empty());
        assert!(listed_key_entries(
            "Note: meanwhile, the hall is finished; see below.",
            vocabulary
        )
        .is_empty());
    }

    /// A page set with no space between its paragraphs is one paragraph
    /// of the page model, too long to be a key: its key is read from the
    /// run of lines that closes the key's sentence.
    #[test]
    fn a_key_inside_a_page_long_paragraph() {
        let mut text = String::from(
            "Mid-term review of the commitments\n\
             In brackets, the answer to “was the measure delivered?”: fully, it is finished;\n\
             partly, it has started without being finished; not at all, it has not started.\n",
        );
        for (at, mark) in ["fully", "partly", "not at all", "partly", "fully", "fully"]
            .iter()
            .enumerate()
        {
            text.push_str(&format!(
                "1.{} – Measure number {} of the commitments of the council [{mark}]. \
                 The works are reported on in the annex of the review.\n",
                at + 1,
                at + 1
            ));
        }
        assert!(text.len() > MAX_PROSE_KEY_CHARS);
        let reading = read(&text);
        let statuses: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
        assert_eq!(
            statuses,
            [
                Some(Achieved),
                Some(InProgress),
                Some(NotDeveloped),
                Some(InProgress),
                Some(Achieved),
                Some(Achieved)
            ],
            "{:?}",
            reading.items
        );
    }

    /// A status of several words in brackets before the code (`[EN CURSO]
    /// 2.1 …`) is the line's mark, as a one-word one is.
    #[test]
    fn a_bracketed_status_of_several_words_before_the_code() {
        let reading = read("- [HECHA] 1.1 Bolsa de horas\n- [EN CURSO] 1.2 Teletrabajo\n- [SIN INICIAR] 1.3 Ludoteca\n");
        assert_eq!(
            marks_and_statuses(&reading),
            [
                (Some("[HECHA]"), Some(Achieved)),
                (Some("[EN CURSO]"), Some(InProgress)),
                (Some("[SIN INICIAR]"), Some(NotDeveloped))
            ]
        );
    }

    /// Bare numbers of which one comes back with another status number no
    /// items: every status of their column is left null.
    #[test]
    fn bare_numbers_that_come_back_with_another_status() {
        let reading = read(
            "1\tFibre dans les écoles\tAchevée\n2\tWi-Fi\tEn cours\n1\tTablettes\tEn cours\n2\tVidéoprojecteurs\tEn cours\n3\tOrdinateurs\tAchevée\n",
        );
        assert!(
            reading.items.iter().all(|item| item.status.is_none()),
            "{:?}",
            marks_and_statuses(&reading)
        );
    }

    /// Status columns headed by abbreviations the legend spells out: the
    /// `X` under one of them is its status, not the conventional mark.
    #[test]
    fn matrix_headings_spelled_out_by_the_legend() {
        let reading = read(
            "| Ref | Action | C | IP | NS |\n|---|---|---|---|---|\n\
             | 1.1 | Survey the lighting | X | | |\n\
             | 1.2 | Upgrade the cameras | | X | |\n\
             | 1.3 | Gate the alleys | | | X |\n\n\
             C = complete · IP = in progress · NS = not started\n",
        );
        assert_eq!(
            rows(&reading),
            want(&[
                ("1.1", None, Some(Achieved)),
                ("1.2", None, Some(InProgress)),
                ("1.3", None, Some(NotDeveloped)),
            ])
        );
    }

    /// A status of two phrases is a class only when the legend counts it as
    /// one (`…, counted as ongoing`, `se cuenta como en curso`); otherwise
    /// it stays null, late or partial.
    #[test]
    fn a_legend_may_count_a_two_phrase_status_as_a_class() {
        let table = "| No. | Action | Status |\n|---|---|---|\n\
                     | 1 | Open the reading room | Achieved |\n\
                     | 2 | Reading groups | Achieved (partially) |\n\
                     | 3 | Coding clubs | Ongoing |\n";
        let keyed = read(&format!(
            "Key: Achieved · Achieved (partially), counted as ongoing · Ongoing\n\n{table}"
        ));
        assert_eq!(
            statuses_and_labels(&keyed),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(InProgress), None)
            ]
        );
        let unkeyed = read(table);
        assert_eq!(
            statuses_and_labels(&unkeyed),
            vec![
                (Some(Achieved), None),
                (None, None),
                (Some(InProgress), None)
            ]
        );
        let spanish = "| Ref. | Objetivo | Estado |\n|---|---|---|\n\
                       | 1.a | Certificar alojamientos | Cumplido |\n\
                       | 1.b | Limitar autocares | En curso – retrasada |\n";
        assert_eq!(
            statuses_and_labels(&read(spanish)),
            vec![(Some(Achieved), None), (None, Some("delayed"))]
        );
        let counted = read(&format!(
            "{spanish}\nLeyenda: «En curso – retrasada» se cuenta como en curso: avanza despacio.\n"
        ));
        assert_eq!(
            statuses_and_labels(&counted),
            vec![(Some(Achieved), None), (Some(InProgress), None)]
        );
    }

    /// A label line closed by a colon (`Actions achevées :`) gives its
    /// status to the coded lines listed under it, even to one line alone.
    #[test]
    fn status_label_lines_head_their_lists() {
        let reading = read(
            "Point d'étape\n\nActions achevées :\n- PC-2022-01 Éclairage public\n\
             - PC-2022-04 Plan de déplacements\nActions en cours :\n- PC-2022-02 Réseau de chaleur\n\
             - PC-2023-01 Rénovation de l'habitat\nActions abandonnées :\n- PC-2023-04 Navette autonome\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            vec![
                (Some(Achieved), None),
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(InProgress), None),
                (None, Some("cancelled")),
            ]
        );
        assert_eq!(reading.items[0].mark.as_deref(), Some("Actions achevées"));
        let english = read(
            "Review\n\nCompleted actions:\n- A-01 Publish the guide\n- A-02 Train the staff\n\
             Actions in progress:\n- A-03 Open the centre\n- A-04 Recruit wardens\n",
        );
        assert_eq!(
            statuses_and_labels(&english),
            vec![
                (Some(Achieved), None),
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(InProgress), None),
            ]
        );
    }

    /// A quarterly tracker: the latest quarter filled in is the status when
    /// the key says so; without that key, a row whose quarters differ is
    /// unknown.
    #[test]
    fn the_latest_quarter_filled_in_is_the_status_when_the_key_says_so() {
        let table = "| Ref | Action | Q1 | Q2 | Q3 | Q4 |\n|---|---|---|---|---|---|\n\
                     | 1.1 | Council tax online | On track | On track | Delivered | |\n\
                     | 1.2 | Parking permits | Not begun | On track | | |\n\
                     | 1.3 | Data sharing | Not begun | Not begun | Not begun | |\n";
        let keyed = read(&format!(
            "Key: an action's status is the one in the latest quarter filled in.\n\n{table}"
        ));
        assert_eq!(
            statuses_and_labels(&keyed),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
        let unkeyed = read(table);
        assert_eq!(
            statuses_and_labels(&unkeyed),
            vec![(None, None), (None, None), (Some(NotDeveloped), None)]
        );
    }

    /// Actions named in running text: each mention takes the status phrase
    /// that follows it, or its clause's only one; a negated positive phrase
    /// is no status.
    #[test]
    fn actions_named_in_running_text() {
        let spanish = read(
            "Objetivo 1. Prevenir el acoso\n\nLa acción 1.1 (alumnos ayudantes) se completó en octubre y \
             la 1.2 (buzón anónimo) también se completó; la 1.3 (ciberacoso) sigue en curso.\n",
        );
        assert_eq!(
            rows(&spanish),
            want(&[
                ("Objetivo 1", None, None),
                ("1.1", Some("Objetivo 1"), Some(Achieved)),
                ("1.2", Some("Objetivo 1"), Some(Achieved)),
                ("1.3", Some("Objetivo 1"), Some(InProgress)),
            ])
        );
        assert_eq!(spanish.items[1].title.as_deref(), Some("alumnos ayudantes"));
        let french = read(
            "Axe 1 – Accès aux soins\n\nL'action 1.1 (maison de santé) est réalisée, de même que \
             l'action 1.2 (bus santé). Les actions 1.3 (téléconsultation) et 1.4 (internes) sont en \
             cours. L'action 1.5 (centre) n'a pas démarré.\n",
        );
        assert_eq!(
            statuses_and_labels(&french)[1..].to_vec(),
            vec![
                (Some(Achieved), None),
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None),
            ]
        );
        let english = read(
            "Goal 2\n\nIn May action 2.1 (the guide) was completed; action 2.2 (the centre) is \
             ongoing and action 2.3 (the shuttle) has not been completed.\n",
        );
        assert_eq!(
            statuses_and_labels(&english)[1..].to_vec(),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (None, None)
            ]
        );
        // One action named in passing is no plan item.
        assert!(
            read("Voir l'action 1.1 (maison de santé), réalisée en 2024.\n")
                .items
                .is_empty()
        );
    }

    /// Actions named in running text wrapped over a paragraph's lines (a
    /// PDF's, a hard-wrapped text's) are read on the lines joined, each
    /// located on the line holding its code; one action named in passing
    /// over two lines is still no plan item.
    #[test]
    fn actions_named_in_wrapped_running_text() {
        let french = read(
            "Axe 2 – Prévention\n\nL'action 2.1 (dépistage dans les foyers) est réalisée ; l'action 2.2\n\
             (ateliers nutrition) n'a pas démarré. L'action 2.3 (semaine de la santé\n\
             mentale) est réalisée et l'action 2.4 (prévention des chutes) est en\n\
             cours.\n",
        );
        assert_eq!(
            statuses_and_labels(&french)[1..].to_vec(),
            vec![
                (Some(Achieved), None),
                (Some(NotDeveloped), None),
                (Some(Achieved), None),
                (Some(InProgress), None),
            ]
        );
        let lines: Vec<u32> = french.items[1..].iter().map(|item| item.line).collect();
        assert_eq!(lines, vec![3, 3, 4, 5]);
        let spanish = read(
            "Objetivo 1\n\nLa acción 1.1 (alumnos ayudantes) se completó en octubre y la\n\
             1.2 (buzón anónimo) también se\ncompletó; la 1.3 (ciberacoso) sigue en curso.\n",
        );
        assert_eq!(
            statuses_and_labels(&spanish)[1..].to_vec(),
            vec![
                (Some(Achieved), None),
                (Some(Achieved), None),
                (Some(InProgress), None),
            ]
        );
        let english = read(
            "Goal 2\n\nIn May action 2.1 (the guide) was completed; action 2.2 (the\n\
             centre) is ongoing.\n",
        );
        assert_eq!(
            statuses_and_labels(&english)[1..].to_vec(),
            vec![(Some(Achieved), None), (Some(InProgress), None)]
        );
        assert!(
            read("Voir l'action 1.1 (maison de santé), réalisée\nen 2024.\n")
                .items
                .is_empty()
        );
        // Lines that each open with a code are a list, read line by line.
        let list = read(
            "Axe 1 : Aménager\n\nMesure 1.1 : Voie verte (en cours)\n\
             Mesure 1.2 : Double sens cyclable (réalisée)\nMesure 1.3 : Arceaux (réalisée)\n",
        );
        assert_eq!(
            statuses_and_labels(&list)[1..].to_vec(),
            vec![
                (Some(InProgress), None),
                (Some(Achieved), None),
                (Some(Achieved), None),
            ]
        );
    }

    /// A key written as a sentence defines its marks by clauses after a cue
    /// (`cuando`, `quand`, `lorsqu'`): begun and not finished is in
    /// progress, not begun is not started; a clause naming no class or two
    /// defines nothing, and prose without such clauses is no key.
    #[test]
    fn a_key_written_as_prose() {
        let table = "| Código | Actuación | Situación |\n|---|---|---|\n\
                     | 1.1 | Revisar el plan | Cerrada |\n\
                     | 1.2 | Mapa de ruido | Abierta |\n\
                     | 1.3 | Ordenanza de terrazas | En espera |\n";
        let keyed = read(&format!(
            "Se considera cerrada una actuación cuando se ha ejecutado todo lo previsto; abierta, \
             cuando se ha iniciado y aún no ha terminado; y en espera, cuando todavía no se ha \
             iniciado.\n\n{table}"
        ));
        assert_eq!(
            statuses_and_labels(&keyed),
            vec![
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
        assert_eq!(
            statuses_and_labels(&read(table)),
            vec![(None, None), (None, None), (None, None)]
        );
        let french =
            "Une action est au vert quand elle est réalisée, à l'orange quand elle est en \
                      cours, et au rouge quand elle n'est pas encore engagée.\n\n\
                      - Action 2.1 – Rénover le gymnase : à l'orange.\n\
                      - Action 2.2 – Former les animateurs : au vert.\n\
                      - Action 2.3 – Ouvrir un accueil : au rouge.\n";
        assert_eq!(
            statuses_and_labels(&read(french)),
            vec![
                (Some(InProgress), None),
                (Some(Achieved), None),
                (Some(NotDeveloped), None)
            ]
        );
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        let entries = prose_key_entries(
            "Une action est ouverte lorsqu'elle a commencé sans être terminée, et en attente \
             tant qu'elle n'a pas commencé.",
            vocabulary,
        );
        let read_entries: Vec<(&str, &str)> = entries
            .iter()
            .map(|entry| (entry.mark.as_str(), entry.meaning.name()))
            .collect();
        assert_eq!(
            read_entries,
            vec![("ouverte", "in_progress"), ("en attente", "not_developed")]
        );
        // Two classes in one clause, or none: no entry.
        assert!(prose_key_entries(
            "Es verde cuando está cumplida o en curso; rojo cuando llueve.",
            vocabulary
        )
        .is_empty());
    }

    /// A state outside the classes closing a list line may say where or
    /// when after it (`merged into E1.2`, `postponed to 2026`).
    #[test]
    fn an_outside_state_closing_a_line_says_where_it_went() {
        let list = "E2 – Public space\n\n\
                    - Upgrade the street lighting [E2.1]: under way.\n\
                    - Wayfinding signs [E2.2]: merged into E1.2.\n\
                    - Monthly food festival [E2.3]: postponed to 2026.\n\
                    - Public toilets [E2.4]: done.\n";
        let reading = read(list);
        let tracked: Vec<_> = reading
            .items
            .iter()
            .filter(|item| item.tracked)
            .map(|item| {
                (
                    item.code.as_str(),
                    item.status,
                    item.status_label.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            tracked,
            vec![
                ("E2.1", Some(InProgress), None),
                ("E2.2", None, Some("merged")),
                ("E2.3", None, Some("postponed")),
                ("E2.4", Some(Achieved), None),
            ]
        );
    }

    /// Words between a key's sign and its status phrase that negate it or
    /// close a clause (`B = closed, not delivered`) define no class: the
    /// mark stays unknown rather than read as the phrase's class.
    #[test]
    fn a_negated_key_label_defines_nothing() {
        let english = Lexicons::for_codes(["en"]);
        let entries = line_entries(
            "RAG key: G = delivered · A = in progress · R = not started · B = closed, not delivered",
            Vocabulary::new(None, &english),
        );
        let marks: Vec<(&str, &Meaning)> = entries
            .iter()
            .map(|entry| (entry.mark.as_str(), &entry.meaning))
            .collect();
        assert_eq!(
            marks,
            [
                ("G", &Meaning::Class(Achieved)),
                ("A", &Meaning::Class(InProgress)),
                ("R", &Meaning::Class(NotDeveloped)),
            ]
        );
        // An elided article stays with its noun.
        let french = Lexicons::for_codes(["fr"]);
        let entries = line_entries(
            "Voyants : vert = l'action terminée · rouge = action non commencée",
            Vocabulary::new(None, &french),
        );
        assert_eq!(entries.len(), 2);
    }

    /// A key whose marks are colours or symbols before a colon, each label
    /// a short clause about the item, elisions and all (`vert : l'action
    /// est terminée`, `rouge : l'action n'a pas commencé`).
    #[test]
    fn colour_keys_with_clauses_for_labels() {
        let french = Lexicons::for_codes(["fr"]);
        let entries = line_entries(
            "Voyants : vert : l'action est terminée ; jaune : l'action est engagée ; rouge : \
             l'action n'a pas commencé ; gris : l'action est abandonnée.",
            Vocabulary::new(None, &french),
        );
        let marks: Vec<(&str, String)> = entries
            .iter()
            .map(|entry| (entry.mark.as_str(), entry.meaning.name().to_owned()))
            .collect();
        assert_eq!(
            marks,
            [
                ("vert", "achieved".to_owned()),
                ("jaune", "in_progress".to_owned()),
                ("rouge", "not_developed".to_owned()),
                ("gris", "cancelled".to_owned()),
            ]
        );
        // A colon after a word that is no mark is a label's.
        assert!(line_entries(
            "Statut : l'action est terminée ; Pilote : l'action est engagée",
            Vocabulary::new(None, &french),
        )
        .is_empty());
    }

    /// A key of bands of shares, one band a line under its heading, reads
    /// the shares between the ends; a band's last figure is no mark.
    #[test]
    fn share_bands_one_a_line() {
        let reading = read(
            "Leyenda de la ejecución:\n90% o más = cumplida\nde 10% a 89% = en curso\n\
             menos de 10% = no iniciada\n\n\
             Código\tAcción\tEjecución\nA.01.01\tFormación\t95%\nA.01.02\tCasas\t60%\n\
             A.02.01\tObservatorio\t5%\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
    }

    /// A row's code, title and share before its status word are no band of
    /// a key: the row stays an item (`KPI-01 Answer calls 100% Done`), while
    /// a band whose figure stands where a code would (`90 % o más`) is a
    /// key's mark.
    #[test]
    fn a_row_with_a_share_is_no_band() {
        assert!(opens_with_code("KPI-01\tAnswer calls\t100%"));
        assert!(opens_with_code("1.2 Train staff 40 %"));
        assert!(!opens_with_code("90 % o más"));
        assert!(!opens_with_code("de 10 % a 89 %"));
        let english = Lexicons::for_codes(["en"]);
        let vocabulary = Vocabulary::new(None, &english);
        let entries = line_entries("KPI-01\tAnswer calls\t100%\tDone", vocabulary);
        assert!(entries.iter().all(|entry| !is_lone_entry(
            "KPI-01\tAnswer calls\t100%\tDone",
            entry,
            vocabulary
        )));
    }

    /// A task board whose status headings carry their counts (`Done (2)`)
    /// gives its tasks their statuses; partial progress is in progress.
    #[test]
    fn board_headings_with_counts() {
        let reading = read(
            "Done (2)\n\nP.1.1.a – Publish the charter\nP.1.2.a – Train the stewards\n\n\
             Doing (1)\n\nP.1.1.b – Open the data\n\nTo do (1)\n\nP.1.2.b – Dashboard\n",
        );
        assert_eq!(
            rows(&reading)
                .into_iter()
                .map(|(code, _, status)| (code, status))
                .collect::<Vec<_>>(),
            [
                ("P.1.1.a".to_owned(), Some(Achieved)),
                ("P.1.2.a".to_owned(), Some(Achieved)),
                ("P.1.1.b".to_owned(), Some(InProgress)),
                ("P.1.2.b".to_owned(), Some(NotDeveloped)),
            ]
        );
        assert_eq!(without_count("Done (12)"), Some("Done"));
        assert_eq!(without_count("Done (a)"), None);
        assert_eq!(without_count("(3)"), None);
        let partial = read("1.1\tSeñalizar la ruta\tavance parcial\n1.2\tMirador\tcumplida\n");
        assert_eq!(
            statuses_and_labels(&partial),
            [(Some(InProgress), None), (Some(Achieved), None)]
        );
    }

    /// Codes alone in the left margin, each title on the next line ending
    /// in the answer to the key's question (`¿Ejecutada? En parte.`).
    #[test]
    fn codes_in_the_margin_with_answered_questions() {
        let reading = read(
            "¿Ejecutada? Sí = completada; En parte = en curso; No = no iniciada.\n\n\
             R1.2 – Medicamentos\n\n\
             R1.2-A1\n        Almacén regional. ¿Ejecutada? En parte.\n\n\
             R1.2-A2\n        Pedidos por teléfono. ¿Ejecutada? No.\n\n\
             R1.2-A3\n        Botiquines escolares. ¿Ejecutada? Sí.\n",
        );
        // Code, parent, title and status.
        type Seen<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<Status>);
        let items: Vec<Seen> = reading
            .items
            .iter()
            .map(|item| {
                (
                    item.code.as_str(),
                    item.parent.as_deref(),
                    item.title.as_deref(),
                    item.status,
                )
            })
            .collect();
        assert_eq!(
            items,
            [
                ("R1.2", None, Some("Medicamentos"), None),
                (
                    "R1.2-A1",
                    Some("R1.2"),
                    Some("Almacén regional"),
                    Some(InProgress)
                ),
                (
                    "R1.2-A2",
                    Some("R1.2"),
                    Some("Pedidos por teléfono"),
                    Some(NotDeveloped)
                ),
                (
                    "R1.2-A3",
                    Some("R1.2"),
                    Some("Botiquines escolares"),
                    Some(Achieved)
                ),
            ]
        );
    }

    /// Keys whose labels go on past their status phrase: a conjunction and
    /// a clause that says nothing of it (`implemented and verified`), in a
    /// sentence of a longer paragraph; a comma and a qualifier in a key
    /// table (`In progress, well advanced`), whose rows count nothing.
    #[test]
    fn key_labels_that_go_on() {
        let reading = read(
            "Recommendations are numbered by the year of the audit that made them, and followed up every \
             quarter by the internal audit team with the managers concerned. Status key: Closed = \
             implemented and verified; Open = implementation under way; Not started = no action yet.\n\n\
             2023-IA-04 | Approve contract variations | Closed\n\
             2023-IA-05 | Test the backups | Open\n\
             2023-IA-09 | Publish the register | Not started\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
        let reading = read(
            "Score | Meaning\n3/3 | Implemented\n2/3 | In progress, well advanced\n\
             0/3 | Not started\n\n\
             Art. 12.1 | Single tender portal | 3/3\n\
             Art. 12.2 | Standard documents | 2/3\n\
             Art. 12.3 | Electronic bids | 0/3\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
        // A qualifier that names another status, or negates, ends the key.
        let reading = read(
            "Score | Meaning\n3/3 | Implemented\n2/3 | In progress, not started\n\
             0/3 | Not started\n\n\
             Art. 12.1 | Single tender portal | 3/3\n\
             Art. 12.2 | Standard documents | 2/3\n",
        );
        // `2/3` is then no mark of the key: Art. 12.2 gets no status.
        assert!(
            reading
                .items
                .iter()
                .all(|item| item.code != "Art. 12.2" || item.status.is_none()),
            "{:?}",
            reading.items
        );
    }

    /// A key of signed entries wrapped over a paragraph's lines, its first
    /// entry cut after the sign; a chart's legend of shares under a caption
    /// counting its whole (`(n = 15)`) is no key.
    #[test]
    fn keys_wrapped_over_a_paragraph() {
        let reading = read(
            "Chaque action est suivie par le comité de pilotage, qui se réunit une fois par trimestre \
             avec les services. Légende : Close =\n\
             réalisée ; Ouverte = en cours ; Gelée = non démarrée.\n\n\
             A-01 | Ouvrir le guichet unique | Close\n\
             A-02 | Former les agents d'accueil | Ouverte\n\
             A-03 | Publier le guide des aides | Gelée\n",
        );
        assert_eq!(
            statuses_and_labels(&reading),
            [
                (Some(Achieved), None),
                (Some(InProgress), None),
                (Some(NotDeveloped), None)
            ]
        );
        let all = Lexicons::all();
        let chart = Text::from_plain(
            "Estado de los proyectos del plan (n = 15)\n\
             ■ Finalizado 40 %\n■ En curso 33 %\n■ Sin iniciar 27 %\n",
        );
        let key = read_mark_legend(&chart, Vocabulary::new(None, &all)).entries;
        assert!(key.is_empty(), "{key:?}");
    }

    /// A table whose first column is merged over each group's rows: the
    /// parent's code and title in the group's first row, the row's own code
    /// in the next cell.
    #[test]
    fn a_merged_first_column_names_the_parent() {
        let reading = read(
            "Subprograma | Proyecto | Denominación | Valoración\n\
             Sub-prog. 1.2 Alquiler | Proj. 1.2.1 | Bolsa de alquiler | Cumplida\n\
              | Proj. 1.2.2 | Avales jóvenes | En curso\n\
             Sub-prog. 1.3 Rehabilitación | Proj. 1.3.1 | Fachadas | Sin iniciar\n",
        );
        let items: Vec<(&str, Option<&str>, Option<Status>)> = reading
            .items
            .iter()
            .map(|item| (item.code.as_str(), item.parent.as_deref(), item.status))
            .collect();
        assert_eq!(
            items,
            [
                ("Sub-prog. 1.2", None, None),
                ("Proj. 1.2.1", Some("Sub-prog. 1.2"), Some(Achieved)),
                ("Proj. 1.2.2", Some("Sub-prog. 1.2"), Some(InProgress)),
                ("Sub-prog. 1.3", None, None),
                ("Proj. 1.3.1", Some("Sub-prog. 1.3"), Some(NotDeveloped)),
            ]
        );
    }

    #[test]
    fn a_column_counting_the_rows_before_the_codes() {
        // The count in a cell of its own, the codes of several shapes, in
        // three languages; the status read from the column after them.
        for (text, codes) in [
            (
                "| N.º | Código | Acción | Estado |\n|---|---|---|---|\n| 1 | OE1-A1 | Punto de orientación | Cumplida |\n| 2 | OE1-A2 | Itinerarios | En ejecución |\n| 3 | OE2-A1 | Ferias | No iniciada |\n",
                ["OE1-A1", "OE1-A2", "OE2-A1"],
            ),
            (
                "| # | Ref | Action | Status |\n|---|---|---|---|\n| 7. | A-3 | Street lights | Completed |\n| 8. | A-4 | Wardens | In progress |\n| 9. | A-5 | Orchard | Not started |\n",
                ["A-3", "A-4", "A-5"],
            ),
            (
                "| N° | Code | Action | État |\n|---|---|---|---|\n| 1 | 2.1.1 | Guichet unique | Réalisée |\n| 2 | 2.1.2 | Accueil | En cours |\n| 3 | 2.2.1 | Baromètre | Non démarrée |\n",
                ["2.1.1", "2.1.2", "2.2.1"],
            ),
        ] {
            let reading = read(text);
            let got: Vec<(&str, Option<Status>)> = reading
                .items
                .iter()
                .filter(|item| item.tracked)
                .map(|item| (item.code.as_str(), item.status))
                .collect();
            assert_eq!(
                got,
                vec![
                    (codes[0], Some(Achieved)),
                    (codes[1], Some(InProgress)),
                    (codes[2], Some(NotDeveloped)),
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn a_count_joined_to_the_code_cell() {
        // Two narrow columns the layout read as one cell: `1 OE1-A1 …`.
        let reading = read(
            "| N.º Código Acción | Avance |\n|---|---|\n| 1 OE1-A1 Punto de orientación | 100 % |\n| 2 OE1-A2 Itinerarios | 35 % |\n| 3 OE1-A3 Ferias | 0 % |\n\nAvance: 100 % = cumplida · 1 % a 99 % = en ejecución · 0 % = no iniciada\n",
        );
        let got: Vec<(&str, Option<&str>, Option<Status>)> = reading
            .items
            .iter()
            .map(|item| (item.code.as_str(), item.title.as_deref(), item.status))
            .collect();
        assert_eq!(
            got,
            vec![
                ("OE1-A1", Some("Punto de orientación"), Some(Achieved)),
                ("OE1-A2", Some("Itinerarios"), Some(InProgress)),
                ("OE1-A3", Some("Ferias"), Some(NotDeveloped)),
            ]
        );
    }

    #[test]
    fn numbers_over_deeper_codes_are_an_outline() {
        // `1 | Objetivo 1` over `1.1 | …`: the numbers head their rows'
        // codes, they count no rows.
        let reading = read(
            "Código | Acción | Estado\n1 | Objetivo 1: Movilidad | \n1.1 | Autobús | Cumplida\n1.2 | Billete único | En curso\n2 | Objetivo 2: Empleo | \n2.1 | Oficina común | Sin iniciar\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(codes, vec!["1", "1.1", "1.2", "2", "2.1"]);
    }

    #[test]
    fn numbers_that_do_not_count_stay_codes() {
        // `1 | 1.1`, `1 | 1.2`: the first column repeats its number, an
        // outline's parent rather than a row count; and bare numbers with
        // no code beside them are the codes.
        assert!(counted_rows(
            &Text::from_plain(
                "| Axe | Code | Action | Statut |\n|---|---|---|---|\n| 1 | 1.1 | Guichet | Réalisée |\n| 1 | 1.2 | Accueil | En cours |\n"
            ),
            None
        )
        .is_empty());
        let reading = read(
            "| No. | Action | Status |\n|---|---|---|\n| 1 | Street lights | Completed |\n| 2 | Wardens | In progress |\n",
        );
        let codes: Vec<&str> = reading
            .items
            .iter()
            .map(|item| item.code.as_str())
            .collect();
        assert_eq!(codes, vec!["1", "2"]);
    }

    #[test]
    fn breadcrumbs_numbered_again_under_each_parent() {
        // `Act. 1` under `Obj. 1` and under `Obj. 2` are two items, with
        // any separator of a path.
        for separator in ["›", ">", "/", "→"] {
            let text = format!(
                "| Réf. | Action | Statut |\n|---|---|---|\n| Obj. 1 {separator} Act. 1 | Guichet | Réalisée |\n| Obj. 1 {separator} Act. 2 | Accueil | En cours |\n| Obj. 2 {separator} Act. 1 | Baromètre | Non démarrée |\n| Obj. 2 {separator} Act. 2 | Télétravail | Réalisée |\n"
            );
            assert_eq!(
                rows(&read(&text)),
                want(&[
                    ("Obj. 1", None, None),
                    ("Act. 1", Some("Obj. 1"), Some(Achieved)),
                    ("Act. 2", Some("Obj. 1"), Some(InProgress)),
                    ("Obj. 2", None, None),
                    ("Act. 1", Some("Obj. 2"), Some(NotDeveloped)),
                    ("Act. 2", Some("Obj. 2"), Some(Achieved)),
                ]),
                "{separator}"
            );
        }
        // Codes unique in the whole plan still meet as one item: the same
        // code with two statuses under one parent is left null.
        let reading = read(
            "Goal 1 › Task 1 | Lights | Completed\nGoal 1 › Task 2 | Wardens | In progress\nGoal 1 › Task 1 | Lights | Not started\n",
        );
        assert!(reading
            .items
            .iter()
            .filter(|item| item.code == "Task 1")
            .all(|item| item.status.is_none()));
    }

    #[test]
    fn cards_of_labelled_table_rows() {
        // One small table per item, label then value, in three languages.
        for text in [
            "| Action | 1.1 |\n|---|---|\n| Title | Street lighting |\n| Lead | Parks team |\n| Status | Completed |\n\n| Action | 1.2 |\n|---|---|\n| Title | Wardens |\n| Lead | Youth service |\n| Status | In progress |\n",
            "| Código | A-1.1 |\n|---|---|\n| Título | Alumbrado |\n| Estado | Cumplida |\n\n| Código | A-1.2 |\n|---|---|\n| Título | Vigilancia |\n| Estado | En ejecución |\n",
            "| Réf. | 1.1 |\n| Intitulé | Éclairage |\n| Pilote | DGS |\n| Statut | Réalisée |\n| Réf. | 1.2 |\n| Intitulé | Médiation |\n| Pilote | DSI |\n| Statut | En cours |\n",
        ] {
            let reading = read(text);
            let got: Vec<Option<Status>> = reading.items.iter().map(|item| item.status).collect();
            assert_eq!(got, vec![Some(Achieved), Some(InProgress)], "{text}");
            assert!(reading
                .items
                .iter()
                .all(|item| item.title.as_deref().is_some_and(|title| !title.is_empty())));
        }
    }

    #[test]
    fn a_heading_whose_code_prefixes_its_cards() {
        // `Programa P-01 –` over the `P-01/1` cards: the heading, a level
        // word before the code, is their parent; in three languages.
        for text in [
            "Programa P-01 – Bibliotecas\n\nP-01/1 · Horario\nEstado: Finalizado\n\nP-01/2 · Bibliobús\nEstado: En ejecución\n\nPrograma P-02 – Deporte\n\nP-02/1 · Circuitos\nEstado: Finalizado\n",
            "Programme PR-1 : Accueil\n\nPR-1/1 · Guichet\nStatut : Réalisée\n\nPR-1/2 · Médiation\nStatut : En cours\n\nProgramme PR-2 : Santé\n\nPR-2/1 · Maison de santé\nStatut : Réalisée\n",
            "Strand ST-1 – Streets\n\nST-1/1 · Lighting\nStatus: Completed\n\nST-1/2 · Wardens\nStatus: In progress\n\nStrand ST-2 – Parks\n\nST-2/1 · Orchard\nStatus: Completed\n",
        ] {
            let reading = read(text);
            let got: Vec<(u8, Option<Status>)> = reading
                .items
                .iter()
                .map(|item| (item.depth, item.status))
                .collect();
            assert_eq!(
                got,
                vec![
                    (1, None),
                    (2, Some(Achieved)),
                    (2, Some(InProgress)),
                    (1, None),
                    (2, Some(Achieved)),
                ],
                "{text}"
            );
            assert_eq!(reading.items[1].parent, Some(reading.items[0].code.clone()));
            assert_eq!(reading.items[4].parent, Some(reading.items[3].code.clone()));
        }
    }
}
