//! Status legends: which mark means which [`Status`] in one document.
//!
//! Owns reading legend lines such as `V alcanzado 0 en proceso x no
//! desarrollado 5` (a page number glued on), `✓ = achieved · ○ = in progress`
//! or `✓ atteint ○ en cours ✗ non réalisé`, two-capital codes tied to their
//! labels (`EP = en proceso`, `atteint = A`; untied, two capitals are an
//! initialism and no mark), merging the legends a document
//! repeats, and the fallback to the conventional table of
//! [`lexicon::CONVENTIONAL_MARKS`](crate::lexicon::CONVENTIONAL_MARKS) when it
//! states none. It only reads legends; which deliverable carries which mark
//! is [`deliverables`](super::deliverables)' business.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::diagnostic::{Code, Diagnostic};
use crate::grammar::{self, Vocabulary, NOTE_SIGNS};
use crate::lexicon::{Language, Lexicons, StatusLabel, CONVENTIONAL_MARKS};
use crate::model::{Legend, LegendEntry, LegendSource, Status};
use crate::normalize::{Line, Lines};

/// Legend lines are short; a longer line with status words is prose.
const MAX_LEGEND_CHARS: usize = 160;

/// Characters that separate a mark from its label and are never a mark.
const SEPARATORS: &[char] = &['=', ':', ';', ',', '|', '(', ')', '–', '—', '-', '·', '/'];

/// The legend a document uses, and the lines it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendReading {
    /// The document's merged legend, or the conventional table.
    pub legend: Legend,
    /// Indices (into [`Text::lines`](crate::normalize::Text::lines)) of the legend lines.
    pub lines: Vec<usize>,
    /// `legend.conventional`, `legend.conflict`.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a printed mark was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkMeaning {
    /// The legend lists this exact mark.
    Legend(Status),
    /// An OCR or case variant of a legend mark (`٧` or `v` for `V`).
    Variant {
        /// The status of the legend mark.
        status: Status,
        /// The legend mark it stands for.
        of: String,
    },
    /// Not in the document's legend, but conventional (`✓`).
    Conventional(Status),
    /// A whole status word or phrase of any language (`Achieved`, `En
    /// curso`) in a cell of its own: `cell_meaning`.
    Word(Status),
    /// Nobody defines this mark.
    Unknown,
}

impl MarkMeaning {
    /// The status, if the mark is understood at all.
    pub fn status(&self) -> Option<Status> {
        match self {
            Self::Legend(status) | Self::Conventional(status) | Self::Word(status) => Some(*status),
            Self::Variant { status, .. } => Some(*status),
            Self::Unknown => None,
        }
    }
}

/// The conventional table as a legend (source `conventional`, no labels).
pub fn conventional() -> Legend {
    Legend {
        source: LegendSource::Conventional,
        entries: CONVENTIONAL_MARKS
            .iter()
            .map(|entry| LegendEntry {
                mark: entry.mark.to_owned(),
                status: entry.status,
                label: None,
            })
            .collect(),
        page: None,
        line: None,
    }
}

/// What `mark` means under `legend`: the exact entry first, then a variant of
/// an entry (same conventional class, or same letter in another case), then
/// the conventional table.
pub fn meaning(legend: &Legend, mark: &str) -> MarkMeaning {
    if let Some(entry) = legend.entries.iter().find(|entry| entry.mark == mark) {
        return MarkMeaning::Legend(entry.status);
    }
    if let Some(stem) = without_note_signs(mark) {
        // a note call glued to a mark (`V¹`, `×†`) refers to a note; the
        // mark is what it follows, read as a variant so a diagnostic says so
        return match meaning(legend, stem) {
            MarkMeaning::Legend(status) => MarkMeaning::Variant {
                status,
                of: stem.to_string(),
            },
            other => other,
        };
    }
    let conventional = conventional_status(mark);
    let lower = |text: &str| {
        text.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<_>>()
    };
    let mark_lower = lower(mark);
    let variant = legend.entries.iter().find(|entry| {
        lower(&entry.mark) == mark_lower
            || (conventional.is_some() && conventional_status(&entry.mark) == conventional)
    });
    if let Some(entry) = variant {
        return MarkMeaning::Variant {
            status: entry.status,
            of: entry.mark.clone(),
        };
    }
    conventional.map_or(MarkMeaning::Unknown, MarkMeaning::Conventional)
}

/// `mark` without the note calls that end it, when it ends with some and
/// something is left.
fn without_note_signs(mark: &str) -> Option<&str> {
    let stem = mark.trim_end_matches(NOTE_SIGNS);
    (stem.len() < mark.len() && !stem.is_empty()).then_some(stem)
}

/// Whether `line` is a footnote: it opens with note calls, then a space
/// and the note (`¹ See annex II.`, `† Source: …`).
pub fn is_note(line: &str) -> bool {
    let rest = line.trim_start().trim_start_matches(NOTE_SIGNS);
    rest.len() < line.trim_start().len()
        && rest.starts_with(char::is_whitespace)
        && !rest.trim().is_empty()
}

/// What a mark read from a cell of its own means: [`meaning`], else the
/// class a whole status phrase of any language names (a status column of
/// words, `Achieved`, `En curso`, `Non réalisé`).
pub fn cell_meaning(legend: &Legend, cell: &str) -> MarkMeaning {
    match meaning(legend, cell) {
        MarkMeaning::Unknown => status_word(cell).map_or(MarkMeaning::Unknown, MarkMeaning::Word),
        known => known,
    }
}

/// The class a cell names when it is nothing but a status phrase of any
/// language's lexicon (`Achieved`, `en curso`, `Non réalisé`); a state
/// outside the classes (`Cancelled`) or an answer (`Yes`) is none.
pub fn status_word(cell: &str) -> Option<Status> {
    static ALL: LazyLock<Lexicons> = LazyLock::new(Lexicons::all);
    let words = grammar::folded_words(&crate::lexicon::fold(cell));
    match grammar::phrase_at(&words, 0, Vocabulary::new(None, &ALL))? {
        (grammar::Meaning::Class(status), width) if width == words.len() => Some(status),
        _ => None,
    }
}

/// The conventional status of a mark, if it has one.
pub fn conventional_status(mark: &str) -> Option<Status> {
    CONVENTIONAL_MARKS
        .iter()
        .find(|entry| entry.mark == mark)
        .map(|entry| entry.status)
}

/// Finds every legend in the document, reading labels in the document's
/// languages, and merges them; falls back to the conventional table (with a
/// `legend.conventional` diagnostic) when there is none.
pub fn read_legend(lines: &Lines, lexicons: &Lexicons) -> LegendReading {
    let mut found: Vec<(usize, Vec<LegendEntry>)> = Vec::new();
    let mut fragments: Vec<(usize, LegendEntry)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        match parse_plain(line.plain, lexicons) {
            Parsed::Legend(entries) => found.push((index, entries)),
            Parsed::Fragment(entry) => fragments.push((index, entry)),
            Parsed::Nothing => {}
        }
    }
    found.extend(fragment_runs(lines, fragments));
    found.sort_by_key(|(index, _)| *index);

    let mut diagnostics = Vec::new();
    let Some(&(first, _)) = found.first() else {
        diagnostics.push(Diagnostic::info(
            Code::LegendConventional,
            "the document states no legend of status marks; reading marks with the conventional table (V v ✓ ✔ √ ٧ achieved; 0 o O ○ ◯ ◦ in progress; × x X ✗ ✘ not developed)",
        ));
        return LegendReading {
            legend: conventional(),
            lines: Vec::new(),
            diagnostics,
        };
    };
    let mut entries: Vec<LegendEntry> = Vec::new();
    for (index, line_entries) in &found {
        for entry in line_entries {
            match entries.iter().find(|known| known.mark == entry.mark) {
                Some(known) if known.status != entry.status => {
                    if let Some(line) = lines.get(*index) {
                        diagnostics.push(
                            Diagnostic::warning(
                                Code::LegendConflict,
                                format!(
                                    "legend gives mark `{}` two meanings: {} and {}; the first is kept",
                                    entry.mark,
                                    known.status.as_str(),
                                    entry.status.as_str()
                                ),
                            )
                            .at(line.location()),
                        );
                    }
                }
                Some(_) => {}
                None => entries.push(entry.clone()),
            }
        }
    }
    let location = lines.get(first).map(Line::location);
    LegendReading {
        legend: Legend {
            source: LegendSource::Document,
            entries,
            page: location.map(|at| at.page),
            line: location.map(|at| at.line),
        },
        lines: found.into_iter().map(|(index, _)| index).collect(),
        diagnostics,
    }
}

/// Consecutive one-entry lines (`| ✓ | achieved |` rows) that together form a legend.
fn fragment_runs(
    lines: &Lines,
    fragments: Vec<(usize, LegendEntry)>,
) -> Vec<(usize, Vec<LegendEntry>)> {
    let mut runs: Vec<(usize, usize, Vec<LegendEntry>)> = Vec::new();
    for (index, entry) in fragments {
        let adjacent = runs.last().is_some_and(|(_, last, _)| {
            lines
                .get(last + 1..index)
                .is_some_and(|between| between.iter().all(|line| line.text.trim().is_empty()))
        });
        match runs.last_mut() {
            Some((_, last, entries)) if adjacent => {
                *last = index;
                entries.push(entry);
            }
            _ => runs.push((index, index, vec![entry])),
        }
    }
    runs.into_iter()
        .filter(|(_, _, entries)| distinct_statuses(entries) >= 2 && !all_counts(entries))
        .map(|(first, _, entries)| (first, entries))
        .collect()
}

/// Entries whose "marks" are all numbers are the report's counts per
/// status (`Achieved: 9 · In progress: 4`, a totals table's rows), not a
/// legend: a legend defines symbols, and a number among them (`0`) stands
/// beside marks that are not numbers.
fn all_counts(entries: &[LegendEntry]) -> bool {
    entries
        .iter()
        .all(|entry| entry.mark.chars().all(|c| c.is_ascii_digit()))
}

fn distinct_statuses(entries: &[LegendEntry]) -> usize {
    let mut statuses: Vec<Status> = entries.iter().map(|entry| entry.status).collect();
    statuses.sort();
    statuses.dedup();
    statuses.len()
}

/// What one line holds, legend-wise.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parsed {
    /// Two or more entries with different statuses: a legend.
    Legend(Vec<LegendEntry>),
    /// Exactly one entry and nothing else (a row of a legend table).
    Fragment(LegendEntry),
    Nothing,
}

/// Reads the `mark label` pairs of one line, given without its markup
/// ([`crate::markup::plain`], which a line of [`Lines`] has worked out already).
fn parse_plain(plain: &str, lexicons: &Lexicons) -> Parsed {
    if plain.chars().count() > MAX_LEGEND_CHARS {
        return Parsed::Nothing;
    }
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    // Every entry needs a mark (see [`entries_with_marks`]): most lines have
    // no token that can be one, and are not lowered and scanned for labels.
    if !(0..tokens.len()).any(|index| {
        tokens
            .get(index)
            .and_then(|token| mark_of(token))
            .is_some_and(|mark| {
                is_legend_mark(mark)
                    || is_code_mark(mark)
                        && [Side::Before, Side::After]
                            .into_iter()
                            .any(|side| tied(&tokens, index, side))
            })
    }) {
        return Parsed::Nothing;
    }
    let words: Vec<String> = tokens
        .iter()
        .map(|token| token.trim_matches(SEPARATORS).to_lowercase())
        .collect();
    // After a legend cue (`Leyenda: ● realizado ◐ en proceso`), any status
    // phrase is a label; elsewhere only the legend labels are.
    let cued = plain
        .split_once(':')
        .is_some_and(|(head, _)| lexicons.has(|l| l.legend_cues, &head.trim().to_lowercase()));
    // Status phrases count only after a cue: most lines have none, and
    // are not folded for them.
    let folded: Vec<String> = if cued {
        tokens
            .iter()
            .map(|token| grammar::fold_word(token))
            .collect()
    } else {
        Vec::new()
    };
    let vocabulary = Vocabulary::new(None, lexicons);
    let mut spans = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let label = label_at(&words, index, lexicons)
            .map(|(label, width)| (label.status, width))
            .or_else(|| {
                if !cued {
                    return None;
                }
                match grammar::phrase_at(&folded, index, vocabulary)? {
                    (grammar::Meaning::Class(status), width) => Some((status, width)),
                    (grammar::Meaning::Outside(_), _) => None,
                }
            });
        match label {
            Some((status, width)) => {
                spans.push((index, width, status));
                index += width;
            }
            None => index += 1,
        }
    }
    // `V alcanzado 0 en proceso`, else `Achieved ✓ · In progress ○`.
    let Some(entries) = entries_with_marks(&tokens, &spans, Side::Before)
        .or_else(|| entries_with_marks(&tokens, &spans, Side::After))
    else {
        return Parsed::Nothing;
    };
    let label_words: usize = spans.iter().map(|(_, width, _)| width).sum();
    let separators = tokens
        .iter()
        .filter(|token| token.chars().all(|c| SEPARATORS.contains(&c)))
        .count();
    let extra_words = tokens
        .len()
        .saturating_sub(label_words + entries.len() + separators);
    let mut entries = entries;
    match entries.len() {
        1 if extra_words == 0 => entries.pop().map_or(Parsed::Nothing, Parsed::Fragment),
        2.. if extra_words <= 2 && distinct_statuses(&entries) >= 2 && !all_counts(&entries) => {
            Parsed::Legend(entries)
        }
        _ => Parsed::Nothing,
    }
}

/// Which side of its label a legend writes the mark on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// One entry per label span, its mark the nearest token on `side` between
/// the neighbouring spans; `None` unless every label has a valid mark.
fn entries_with_marks(
    tokens: &[&str],
    spans: &[(usize, usize, Status)],
    side: Side,
) -> Option<Vec<LegendEntry>> {
    if spans.is_empty() {
        return None;
    }
    let mut entries = Vec::with_capacity(spans.len());
    for (at, (start, width, status)) in spans.iter().enumerate() {
        let end = start + width;
        let candidates: Vec<usize> = match side {
            Side::Before => {
                let from = at
                    .checked_sub(1)
                    .and_then(|previous| spans.get(previous))
                    .map_or(0, |(s, w, _)| s + w);
                (from..*start).rev().collect()
            }
            Side::After => {
                let to = spans.get(at + 1).map_or(tokens.len(), |(s, _, _)| *s);
                (end..to).collect()
            }
        };
        let (index, mark) = candidates.into_iter().find_map(|index| {
            tokens
                .get(index)
                .and_then(|token| mark_of(token))
                .map(|mark| (index, mark))
        })?;
        if !(is_legend_mark(mark) || is_code_mark(mark) && tied(tokens, index, side)) {
            return None;
        }
        let label_text = tokens
            .get(*start..end)
            .map(|words| words.join(" ").trim_matches(SEPARATORS).to_owned());
        entries.push(LegendEntry {
            mark: mark.to_owned(),
            status: *status,
            label: label_text,
        });
    }
    Some(entries)
}

/// The longest legend label of the document's languages that starts at
/// `words[index]`, and how many words it takes.
fn label_at(
    words: &[String],
    index: usize,
    lexicons: &Lexicons,
) -> Option<(&'static StatusLabel, usize)> {
    let rest = words.get(index..)?;
    if !rest
        .first()
        .is_some_and(|word| FIRST_WORDS.contains(word.as_str()))
    {
        return None;
    }
    let mut best: Option<(&'static StatusLabel, usize)> = None;
    for language in lexicons.languages() {
        let labels = LABEL_WORDS
            .iter()
            .filter(|(known, _)| known == language)
            .flat_map(|(_, labels)| labels);
        for (label, parts) in labels {
            let fits = rest
                .get(..parts.len())
                .is_some_and(|head| head.iter().zip(parts).all(|(word, part)| word == part));
            if fits && best.is_none_or(|(_, width)| parts.len() > width) {
                best = Some((label, parts.len()));
            }
        }
    }
    best
}

/// Each language's legend labels split into words once.
type LabelWords = Vec<(&'static StatusLabel, Vec<&'static str>)>;

/// [`Lexicon::legend_labels`](crate::lexicon::Lexicon::legend_labels) of
/// each language, split into words once.
static LABEL_WORDS: LazyLock<Vec<(Language, LabelWords)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let labels = language
                .lexicon()
                .legend_labels
                .iter()
                .map(|label| (label, label.label.split(' ').collect()))
                .collect();
            (language, labels)
        })
        .collect()
});

/// The first word of every language's legend labels: most words of a
/// line start none, and are turned away with one look-up instead of a
/// comparison with each label.
static FIRST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    LABEL_WORDS
        .iter()
        .flat_map(|(_, labels)| {
            labels
                .iter()
                .filter_map(|(_, parts)| parts.first().copied())
        })
        .collect()
});

/// The mark a token would be, without the separators around it; `None`
/// for a token of separators alone, which is never a mark.
fn mark_of(token: &str) -> Option<&str> {
    if token.chars().all(|c| SEPARATORS.contains(&c)) {
        return None;
    }
    let trimmed = token.trim_matches(SEPARATORS);
    Some(if trimmed.is_empty() { token } else { trimmed })
}

/// A legend mark is one character (`V`, `0`, `×`, `٧`), or up to three
/// characters none of which is a letter or digit (`✓✓`).
fn is_legend_mark(mark: &str) -> bool {
    let count = mark.chars().count();
    count == 1 || (count <= 3 && !mark.chars().any(char::is_alphanumeric))
}

/// A legend code of two capital letters (`EP`, `ND`, the initials of its
/// label), which a legend may define in place of a symbol: a mark only
/// where the legend ties it to its label ([`tied`]), as two capitals in
/// running text are as often an initialism (`UN`, `EU`).
fn is_code_mark(mark: &str) -> bool {
    let mut chars = mark.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(first), Some(second), None) if first.is_uppercase() && second.is_uppercase()
    )
}

/// Whether the mark `tokens[index]` is tied to the label on its `side` by
/// an equals sign or a colon, glued (`EP=`, `:EP`) or standing between them
/// (`EP = en proceso`, `en proceso : EP`).
fn tied(tokens: &[&str], index: usize, side: Side) -> bool {
    let ties = |text: &str| text == "=" || text == ":";
    let Some(token) = tokens.get(index) else {
        return false;
    };
    match side {
        Side::Before => {
            token.ends_with(['=', ':']) || tokens.get(index + 1).is_some_and(|next| ties(next))
        }
        Side::After => {
            token.starts_with(['=', ':'])
                || index
                    .checked_sub(1)
                    .and_then(|previous| tokens.get(previous))
                    .is_some_and(|previous| ties(previous))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;
    use crate::normalize::Text;
    use Status::{Achieved, InProgress, NotDeveloped};

    /// Reads one line as [`read_legend`] does.
    fn parse_line(text: &str, lexicons: &Lexicons) -> Parsed {
        parse_plain(&markup::plain(text), lexicons)
    }

    #[test]
    fn a_cued_legend_reads_any_status_phrase_as_a_label() {
        assert_eq!(
            pairs("Leyenda: ● realizado ◐ en proceso ○ no desarrollado"),
            [
                ("●".to_owned(), Achieved),
                ("◐".to_owned(), InProgress),
                ("○".to_owned(), NotDeveloped),
            ]
        );
        assert_eq!(
            pairs("Key: ✓ done ~ ongoing ✗ not started"),
            [
                ("✓".to_owned(), Achieved),
                ("~".to_owned(), InProgress),
                ("✗".to_owned(), NotDeveloped),
            ]
        );
        // Without the cue, `realizado` is no legend label (the totals
        // pattern counts with those too): `●` stays undefined.
        assert_eq!(
            pairs("● realizado ◐ en proceso ○ no desarrollado"),
            [("◐".to_owned(), InProgress), ("○".to_owned(), NotDeveloped)]
        );
        // A cue names no legend in a sentence that merely mentions a status.
        assert_eq!(
            parse_line("Key: the plan was realizado in 2020.", &Lexicons::all()),
            Parsed::Nothing
        );
    }

    #[test]
    fn whole_status_phrases_of_any_language_are_cell_marks() {
        let legend = conventional();
        for (cell, status) in [
            ("Achieved", Some(Achieved)),
            ("En curso", Some(InProgress)),
            ("non réalisé", Some(NotDeveloped)),
            ("✓", Some(Achieved)),
            ("Cancelled", None),
            ("Yes", None),
            ("Partially achieved", None),
            ("Census completed", None),
        ] {
            assert_eq!(cell_meaning(&legend, cell).status(), status, "{cell}");
        }
        // Only a cell of its own: a title's last word is no mark.
        assert_eq!(meaning(&legend, "Achieved"), MarkMeaning::Unknown);
    }

    fn pairs(line: &str) -> Vec<(String, Status)> {
        match parse_line(line, &Lexicons::all()) {
            Parsed::Legend(entries) => entries
                .into_iter()
                .map(|entry| (entry.mark, entry.status))
                .collect(),
            other => panic!("{line:?} is not a legend: {other:?}"),
        }
    }

    fn owned(want: &[(&str, Status)]) -> Vec<(String, Status)> {
        want.iter().map(|(m, s)| ((*m).to_owned(), *s)).collect()
    }

    #[test]
    fn a_mark_is_read_inside_separators_and_labels_without_marks_are_no_legend() {
        // The marks wrapped in separators are the tokens that let a line
        // past the look for marks before its labels are read.
        assert_eq!(
            pairs("(V) alcanzado (0) en proceso (x) no desarrollado"),
            owned(&[("V", Achieved), ("0", InProgress), ("x", NotDeveloped)])
        );
        assert_eq!(
            parse_line("alcanzado / en proceso / no desarrollado", &Lexicons::all()),
            Parsed::Nothing
        );
    }

    #[test]
    fn two_capital_codes_tied_to_their_labels_are_marks() {
        assert_eq!(
            pairs("¹ A = achieved · IP = in progress · ND = not developed"),
            owned(&[("A", Achieved), ("IP", InProgress), ("ND", NotDeveloped)])
        );
        assert_eq!(
            pairs("A: alcanzado; EP: en proceso; ND: no desarrollado"),
            owned(&[("A", Achieved), ("EP", InProgress), ("ND", NotDeveloped)])
        );
        assert_eq!(
            pairs("atteint = A, en cours = EC, non réalisé = NR"),
            owned(&[("A", Achieved), ("EC", InProgress), ("NR", NotDeveloped)])
        );
        // Untied, two capitals are no mark: an initialism before a status word.
        assert_eq!(
            parse_line("EU achieved UN in progress", &Lexicons::all()),
            Parsed::Nothing
        );
    }

    #[test]
    fn legend_lines_per_language() {
        let cases: &[(&str, &[(&str, Status)])] = &[
            (
                "V alcanzado 0 en proceso x no desarrollado",
                &[("V", Achieved), ("0", InProgress), ("x", NotDeveloped)],
            ),
            (
                "V alcanzado o en proceso × no desarrollado 5",
                &[("V", Achieved), ("o", InProgress), ("×", NotDeveloped)],
            ),
            (
                "V alcanzado ○ en proceso × no desarrollado",
                &[("V", Achieved), ("○", InProgress), ("×", NotDeveloped)],
            ),
            (
                "Legend: ✓ = achieved · ◦ = in progress · ✗ = not developed",
                &[("✓", Achieved), ("◦", InProgress), ("✗", NotDeveloped)],
            ),
            (
                "**Key:** V achieved, O in progress, X not achieved",
                &[("V", Achieved), ("O", InProgress), ("X", NotDeveloped)],
            ),
            (
                "Achieved ✓ · In progress ○ · Not developed ✗",
                &[("✓", Achieved), ("○", InProgress), ("✗", NotDeveloped)],
            ),
            (
                "Légende : ✔ atteint ◯ en cours ✘ non réalisé 12",
                &[("✔", Achieved), ("◯", InProgress), ("✘", NotDeveloped)],
            ),
        ];
        for (line, want) in cases {
            assert_eq!(pairs(line), owned(want), "line {line:?}");
        }
    }

    #[test]
    fn prose_and_totals_are_not_legends() {
        for line in [
            "V Alcanzados: 49En proceso: 10X No desarrollados: 6",
            "Results: Achieved: 9 · In progress: 4 · Not developed: 3",
            "Résultats : 9 atteints · 4 en cours · 3 non réalisés",
            "Of the 20 deliverables, 14 were achieved and 4 are in progress.",
            "achieved in progress not developed",
            "Medidas\tResultados y entregables",
        ] {
            assert!(
                !matches!(parse_line(line, &Lexicons::all()), Parsed::Legend(_)),
                "{line:?} read as a legend"
            );
        }
    }

    #[test]
    fn a_table_of_counts_per_status_is_not_a_legend() {
        let text =
            Text::from_plain("| Achieved | 9 |\n| In progress | 4 |\n| Not developed | 3 |\n");
        let reading = read_legend(&text.lines, &Lexicons::all());
        assert_eq!(reading.legend.source, LegendSource::Conventional);
    }

    #[test]
    fn legend_table_rows_form_one_legend() {
        let text =
            Text::from_plain("| ✓ | achieved |\n| ○ | in progress |\n| ✗ | not developed |\n");
        let reading = read_legend(&text.lines, &Lexicons::all());
        assert_eq!(reading.legend.source, LegendSource::Document);
        assert_eq!(reading.legend.entries.len(), 3);
        assert_eq!(reading.lines, [0]);
    }

    #[test]
    fn repeated_legends_merge_and_conflicts_are_reported() {
        let text = Text::from_plain(
            "V alcanzado 0 en proceso x no desarrollado\n\nV alcanzado o en proceso × no desarrollado 5\nV alcanzado x en proceso × no desarrollado\n",
        );
        let reading = read_legend(&text.lines, &Lexicons::all());
        let marks: Vec<&str> = reading
            .legend
            .entries
            .iter()
            .map(|e| e.mark.as_str())
            .collect();
        assert_eq!(marks, ["V", "0", "x", "o", "×"]);
        assert_eq!(
            (reading.legend.page, reading.legend.line),
            (Some(1), Some(1))
        );
        let codes: Vec<&str> = reading.diagnostics.iter().map(|d| &*d.code).collect();
        assert_eq!(codes, ["legend.conflict"]);
    }

    #[test]
    fn no_legend_falls_back_to_conventional() {
        let reading = read_legend(
            &Text::from_plain("L1M1D1 Title\tV\n").lines,
            &Lexicons::all(),
        );
        assert_eq!(reading.legend.source, LegendSource::Conventional);
        assert_eq!(reading.diagnostics[0].code, "legend.conventional");
    }

    #[test]
    fn marks_map_to_status() {
        let legend = conventional();
        for (mark, want) in [
            ("V", Some(Achieved)),
            ("v", Some(Achieved)),
            ("٧", Some(Achieved)),
            ("✓", Some(Achieved)),
            ("√", Some(Achieved)),
            ("0", Some(InProgress)),
            ("o", Some(InProgress)),
            ("○", Some(InProgress)),
            ("◦", Some(InProgress)),
            ("×", Some(NotDeveloped)),
            ("x", Some(NotDeveloped)),
            ("✘", Some(NotDeveloped)),
            ("*", None),
            ("?", None),
        ] {
            assert_eq!(meaning(&legend, mark).status(), want, "mark {mark:?}");
        }
    }

    /// The legend a document states on one line.
    fn document_legend(line: &str) -> Legend {
        let Parsed::Legend(entries) = parse_line(line, &Lexicons::all()) else {
            panic!("legend expected");
        };
        Legend {
            source: LegendSource::Document,
            entries,
            page: Some(1),
            line: Some(1),
        }
    }

    #[test]
    fn a_note_call_after_a_mark_leaves_the_mark() {
        let legend = document_legend("✓ achieved ○ in progress ✗ not developed");
        for (mark, status, of) in [
            ("✓²", Achieved, "✓"),
            ("○†", InProgress, "○"),
            ("✗‡¹", NotDeveloped, "✗"),
        ] {
            assert_eq!(
                meaning(&legend, mark),
                MarkMeaning::Variant {
                    status,
                    of: of.to_owned()
                },
                "mark {mark:?}"
            );
        }
        // a variant of a legend mark stays a variant of it; a lone note
        // call and an unknown mark with a note call mean nothing
        assert_eq!(meaning(&legend, "✔¹").status(), Some(Achieved));
        assert_eq!(meaning(&legend, "†"), MarkMeaning::Unknown);
        assert_eq!(meaning(&legend, "?¹"), MarkMeaning::Unknown);
    }

    #[test]
    fn a_line_opening_with_a_note_call_is_a_note() {
        assert!(is_note("¹ See annex II."));
        assert!(is_note("  †‡ Source: the annual report"));
        assert!(!is_note("²"));
        assert!(!is_note("²The figure"));
        assert!(!is_note("Figures of 2020¹ and 2021"));
    }

    #[test]
    fn document_legend_reads_variants() {
        let legend = document_legend("V alcanzado 0 en proceso x no desarrollado");
        assert_eq!(meaning(&legend, "V"), MarkMeaning::Legend(Achieved));
        assert_eq!(
            meaning(&legend, "٧"),
            MarkMeaning::Variant {
                status: Achieved,
                of: "V".to_owned()
            }
        );
        assert_eq!(
            meaning(&legend, "×"),
            MarkMeaning::Variant {
                status: NotDeveloped,
                of: "x".to_owned()
            }
        );
        assert_eq!(
            meaning(&legend, "○"),
            MarkMeaning::Variant {
                status: InProgress,
                of: "0".to_owned()
            }
        );
        assert_eq!(meaning(&legend, "*"), MarkMeaning::Unknown);
    }
}
