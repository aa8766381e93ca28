//! Plan items: action lines, measures and deliverables, with their marks.
//!
//! Owns the plan hierarchy of implementation reports: action line headings
//! (`LÍNEA DE ACCIÓN 1^(L1) …`), measures (`L1M1 Que se hayan seguido…`) and
//! deliverable rows (`L1M1D1 Calendario…` | `v`), in any of the layouts
//! converters produce:
//!
//! - table rows of the [page model](crate::page): cells from a PDF's geometry,
//!   a text's tabs or a Markdown pipe table, read through [`Text::cells`]
//!   (never by splitting a line's text again);
//! - the mark glued at the end of the title (`… internacionales v`), with or
//!   without a page number after it;
//! - a title wrapped over several lines, the mark on the first, a middle or
//!   the last one, the measure's left column wrapping beside it;
//! - measure and deliverable on one line with no tab between them;
//! - a status cell holding the mark and a short note of its own under
//!   it (`✓ 03/2021`): the mark is the row's, the note no title's.
//!
//! A line without a code continues the last row when it starts in lower
//! case, holds the row's missing mark, or follows the row directly; a blank
//! line, a heading, a legend or a totals line ends the row. Beside a row that
//! shows measure text on its own line, a two-cell line continues both
//! columns, and a one-cell line continues the measure while its sentence is
//! unfinished. Page numbers alone on a line and table debris are skipped.
//!
//! A code counts as a new deliverable only where a code is expected (at the
//! start of a cell, or after the text of its own measure); a code inside
//! prose is a reference. Codes damaged by extraction (`L2M1 D3`, `L2.M1.D3`)
//! are read there and reported as repaired. When a code occurs more than
//! once, the first occurrence with a mark wins; unmarked repetitions are
//! reported once per block, different marks as an error that keeps both.
//! Reading a mark goes through the [`legend`](super::legend); reconciling
//! statuses with declared totals is [`check`](crate::check)'s job.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::legend::{self, MarkMeaning};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::grammar::builtin::{
    self, DELIVERABLE_ANYWHERE, DELIVERABLE_AT_START, DELIVERABLE_IN_MEASURE, MEASURE_AT_START,
};
use crate::grammar::NOTE_SIGNS;
use crate::lexicon::{
    unaccented, ACTION_LINE_WORDS, FUNCTION_WORDS, STATUS_HEADINGS, TABLE_HEADINGS,
};
use crate::markup;
use crate::model::{ActionLine, Deliverable, DeliverableCode, Legend, Measure, Status};
use crate::normalize::Text;
use crate::page::{self, BlockKind, Row as PageRow, Table, WordRef};

/// `LÍNEA DE ACCIÓN 1^(L1) Ejercer…`, `ACTION LINE 2 (L2): …`.
static ACTION_LINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let words = ACTION_LINE_WORDS
        .iter()
        .map(|word| regex::escape(word).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    let line_code = builtin::line_code_in_parentheses();
    Regex::new(&format!(
        r"(?ix) ^ (?:{words}) \s* (?P<n>[0-9]{{1,3}}) \s* (?: \^? \s* {line_code} )? \s* [:.\-–—]? \s* (?P<title>.*) $"
    ))
    .expect("ACTION_LINE_HEADING is a valid pattern built from lexicon phrases")
});

/// `LINE 1 (L1) Coastal resilience`, `Axe 2 (L2)`: any one word before the
/// line's number, when the line's own code in parentheses repeats it (the
/// code, not the word, says it is an action line).
static CODED_LINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let line_code = builtin::line_code_in_parentheses();
    Regex::new(&format!(
        r"(?x) ^ \p{{L}}+ \s+ (?P<n>[0-9]{{1,3}}) \s* \^? \s* {line_code} \s* [:.\-–—]? \s* (?P<title>.*) $"
    ))
    .expect("CODED_LINE_HEADING is a valid pattern")
});

/// The parts of an action line heading (`n`, `title`) in `line`, as
/// [`ACTION_LINE_HEADING`] or [`CODED_LINE_HEADING`] read it.
fn action_line_captures(line: &str) -> Option<regex::Captures<'_>> {
    ACTION_LINE_HEADING.captures(line).or_else(|| {
        CODED_LINE_HEADING
            .captures(line)
            .filter(|caps| caps.name("n").map(|n| n.as_str()) == caps.name("l").map(|l| l.as_str()))
    })
}

/// Leading list bullets before a code (`- L1M1D1`, `• L1M1D1`).
const BULLETS: &[char] = &['-', '*', '•', '·', '–', '—', '>'];

/// Punctuation that is table debris, never a mark (`…` is what the layout
/// makes of dot leaders).
const NOT_MARKS: &[char] = &[
    '.', ',', ';', ':', '|', '/', '\\', '(', ')', '[', ']', '\'', '"', '-', '–', '—', '_', '…',
];

/// How many lines after its code a wrapped title may continue.
const MAX_CONTINUATION_LINES: usize = 12;

/// Least gap, in font sizes, between a cell's text and a mark drawn on a line
/// of its own to its right for the mark to be read as the row's
/// ([`mark_set_apart`]): twice a word space.
const MARK_GUTTER: f32 = 0.3;

/// Least gap, in font sizes, between a mark that ends one of a cell's title
/// lines and the word before it on that line, for the mark to be the row's
/// ([`mark_set_apart`]): a cell gap, several word spaces (a title's last
/// word stands one space after the word before it).
const SHARED_MARK_GUTTER: f32 = 1.5;

/// Repeated codes in one line of prose that make it a repeated block rather
/// than a reference.
const REPEATED_BLOCK_MIN_CODES: usize = 3;

/// Action lines, measures and deliverables found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Action lines, by number.
    pub action_lines: Vec<ActionLine>,
    /// Measures, in code order.
    pub measures: Vec<Measure>,
    /// Deliverables, in document order.
    pub deliverables: Vec<Deliverable>,
    /// Everything doubtful.
    pub diagnostics: Vec<Diagnostic>,
}

/// One occurrence of a deliverable code where a row starts.
#[derive(Debug, Clone)]
struct Row {
    code: DeliverableCode,
    repaired: Option<String>,
    title: Vec<String>,
    mark: Option<String>,
    /// The mark was the last word of the title (`… internacionales v`).
    glued: bool,
    /// Two or more marks where one belongs (rows fused by the layout): the
    /// status stays unknown and a diagnostic names them.
    candidates: Vec<String>,
    /// Another deliverable whose code and title ran into this row's title,
    /// so the row's one mark may be either's.
    shared_with: Option<DeliverableCode>,
    /// The title was set on the lines above the code (see
    /// [`Scan::title_above`]): the row ends at its mark.
    title_above: bool,
    /// The mark was read from the cell before the code (a mark column left
    /// of the codes, [`mark_before`]).
    mark_left: bool,
    /// A mark drawn between two codes of one line: after the first code's
    /// title and right before the second code, so it may be either's (two
    /// tables side by side, each in its page column). Settled by the
    /// document's other rows ([`settle_contested_marks`]).
    contested: Option<Contested>,
    index: usize,
    location: Location,
}

/// The other row of a mark drawn between two codes of one line (see
/// [`Row::contested`]).
#[derive(Debug, Clone)]
struct Contested {
    /// The other row's code.
    other: DeliverableCode,
    /// The mark as drawn.
    mark: String,
    /// True for the row whose title the mark follows (the first code).
    follows_title: bool,
    /// Set by [`settle_contested_marks`] on the row left without the mark:
    /// the document's other rows gave it to the other row.
    to_other: bool,
}

/// One occurrence of a measure code with its text.
#[derive(Debug, Clone)]
struct MeasureRow {
    action_line: u16,
    number: u16,
    text: Vec<String>,
    location: Location,
}

/// The last row, which following lines without a code may continue (a
/// wrapped title, the mark on a later line, the measure's left column).
#[derive(Debug, Clone, Copy)]
struct Open {
    row: usize,
    measure: Option<usize>,
    lines: usize,
    last_index: usize,
}

/// Scanner state over the lines of one document.
#[derive(Debug, Default)]
struct Scan {
    rows: Vec<Row>,
    measures: Vec<MeasureRow>,
    headings: Vec<ActionLine>,
    open: Option<Open>,
    current_measure: Option<usize>,
    /// A measure that ended its line without a deliverable, and that line.
    open_measure: Option<(usize, usize)>,
    mention_lines: Vec<MentionLine>,
    /// The code, title and mark columns of each table, by its first row's line.
    roles: HashMap<usize, Option<TableRoles>>,
    /// The column where each table's codes open their cells, by its first
    /// row's line.
    code_columns: HashMap<usize, Option<usize>>,
    /// The lines just read that no row took (no row open), in order: the
    /// title of a code set below its title (see [`Scan::title_above`]).
    unplaced: Vec<String>,
}

/// A line of prose that mentions several codes: a repeated block when the
/// codes are already known.
#[derive(Debug, Clone)]
struct MentionLine {
    index: usize,
    location: Location,
    codes: Vec<DeliverableCode>,
    /// The text before the first code.
    lead: String,
}

/// Reads the plan hierarchy. `claimed` lines (indices into `lines`) belong to
/// other readers (legends, declared totals): they hold no items and end a row.
pub fn read_plan(text: &Text, legend: &Legend, claimed: &[usize]) -> Plan {
    let mut scan = Scan::default();
    let claimed: HashSet<usize> = claimed.iter().copied().collect();
    let mut index = 0;
    while let Some(line) = text.lines.get(index) {
        let has_code_cell = || {
            cells(text, index, legend)
                .iter()
                .any(|cell| starts_with_code(cell))
        };
        if claimed.contains(&index) && !has_code_cell() {
            scan.open = None;
            scan.unplaced.clear();
        } else if !line.text.trim().is_empty() {
            scan.line(text, index, legend);
        }
        index += 1;
    }
    scan.finish(text, legend)
}

/// Whether line `index` is outside the laid-out table that holds the open
/// row's last line, on the same page, in a block that is no table, while
/// the row has its mark: a PDF table's cells were cut from its geometry, so
/// the paragraph under it (a signature, a note) is no wrapped line of its
/// last title, however close it follows. A row still without its mark may
/// find it there (a mark the page model set apart), and a row cut by a
/// page break goes on on the next page, whatever block holds it there. So
/// may a row that is still its code and mark alone, when the line follows
/// it with nothing but blank lines between (a card whose header line,
/// code and status, stands over its description: the last card of a run
/// the page model laid out as a table), and a title that a line in lower
/// case right under it goes on (its wrap the table's box left out).
fn leaves_laid_table(text: &Text, rows: &[Row], open: Option<Open>, index: usize) -> bool {
    let Some(open) = open else {
        return false;
    };
    let titleless_header = open.lines == 0
        && rows.get(open.row).is_some_and(|row| row.title.is_empty())
        && only_blank_between(text, open.last_index, index);
    let goes_on_in_lower_case = index == open.last_index + 1
        && text
            .lines
            .get(index)
            .and_then(|line| line.text.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
    if titleless_header || goes_on_in_lower_case {
        return false;
    }
    let marked = rows.get(open.row).is_some_and(|row| row.mark.is_some());
    let same_page = match (text.lines.get(open.last_index), text.lines.get(index)) {
        (Some(last), Some(line)) => last.page == line.page,
        _ => false,
    };
    let laid_table = in_laid_table(text, open.last_index);
    let outside = text
        .block_of(index)
        .is_some_and(|block| !block.lines.contains(&open.last_index) && block.table().is_none());
    marked && same_page && laid_table && outside
}

/// Whether `row`, the cells of line `index`, is a group's heading set as a
/// row of the table (`Measure L1M2` across the table, over the measure's
/// deliverables): one cell, a word of letters (a label naming the level)
/// then the code of the measure of the next deliverable's row, however far
/// below. The label
/// keeps the line from opening with a code, so it would otherwise go on
/// the title of the row above; it ends that row.
fn heads_next_row(text: &Text, index: usize, row: &[String], legend: &Legend) -> bool {
    let [cell] = row else {
        return false;
    };
    let mut words = cell.split_whitespace();
    let (Some(label), Some(code)) = (words.next(), words.next()) else {
        return false;
    };
    let Some((line, number, _)) =
        measure_at_start(code).filter(|_| label.chars().all(char::is_alphabetic))
    else {
        return false;
    };
    // The next row with a code, past a page break and the header repeated
    // on the next page.
    let next = (index + 1..text.lines.len()).find_map(|at| {
        cells(text, at, legend)
            .iter()
            .find_map(|cell| deliverable_at_start(cell))
            .map(|(code, _, _)| code)
    });
    next.is_some_and(|code| code.action_line == line && code.measure == number)
}

/// Most lines between a card's header and its description: the blank
/// lines a producer's paragraph spacing leaves.
const CARD_GAP_LINES: usize = 2;

/// Whether the lines strictly between `above` and `below` are blank, and at
/// most [`CARD_GAP_LINES`] of them.
fn only_blank_between(text: &Text, above: usize, below: usize) -> bool {
    below > above
        && below - above - 1 <= CARD_GAP_LINES
        && (above + 1..below).all(|at| {
            text.lines
                .get(at)
                .is_some_and(|line| line.text.trim().is_empty())
        })
}

/// Whether line `index` is in a table the page model laid out from a PDF's
/// geometry.
fn in_laid_table(text: &Text, index: usize) -> bool {
    text.block_of(index)
        .is_some_and(|block| block.bbox.is_some() && block.table().is_some())
}

impl Scan {
    fn line(&mut self, text: &Text, index: usize, legend: &Legend) {
        let Some(line) = text.lines.get(index) else {
            return;
        };
        let location = line.location();
        let above = std::mem::take(&mut self.unplaced);
        if let Some(heading) = action_line_heading(text, index) {
            self.headings.push(heading);
            self.open = None;
            self.open_measure = None;
            self.current_measure = None;
            return;
        }
        if text.repeats_a_table_header(index) {
            self.unplaced = above;
            return;
        }
        let roles = text.table_of(index).and_then(|table| {
            let first = table.rows.first().map(|row| row.line)?;
            *self
                .roles
                .entry(first)
                .or_insert_with(|| TableRoles::of(table, legend))
        });
        let cells = lift_cited_code(split_leading_marks(
            split_measure_cells(join_split_code(ordered_cells(text, index, roles, legend))),
            legend,
        ));
        let first_code = cells.iter().position(|cell| starts_with_code(cell));
        let Some(first_code) = first_code else {
            // A bold measure that wraps (`**L3M2 Que se pacten …` +
            // `de Metropolis.**`) is a paragraph in bold throughout, no
            // heading: its lines after the first go on with the measure.
            let wraps_measure = self.open_measure.is_some_and(|(_, last)| {
                last + 1 == index
                    && text
                        .block_of(last)
                        .zip(text.block_of(index))
                        .is_some_and(|(measure, line)| measure.lines == line.lines)
            });
            if !wraps_measure
                && (is_heading_outside_tables(text, index)
                    || leaves_laid_table(text, &self.rows, self.open, index)
                    || heads_next_row(text, index, &cells, legend))
            {
                self.open = None;
                self.open_measure = None;
                return;
            }
            let measure_column = in_measure_column(text, index, legend, &mut self.code_columns);
            let laid_header = self
                .open
                .is_some_and(|open| in_laid_table(text, open.last_index));
            self.text_line(
                &cells,
                above,
                index,
                location,
                legend,
                measure_column,
                laid_header,
            );
            return;
        };
        let before_code =
            first_code - usize::from(mark_before(&cells, first_code, legend).is_some());
        if before_code > 0 {
            if let Some(measure) = self.current_measure.and_then(|m| self.measures.get_mut(m)) {
                if !ends_sentence(measure.text.last()) {
                    measure.text.extend(cells.iter().take(before_code).cloned());
                }
            }
        }
        self.open = None;
        self.open_measure = None;
        // The left column continues only beside rows that show it: a row
        // whose line has no measure text means the measure is complete.
        let mut measure_on_line = first_code > 0;
        let mut at = first_code;
        // The cell of a mark that the code before read after its title,
        // right before the next cell, with that code's row.
        let mut claimed: Option<(usize, usize)> = None;
        while let Some(cell) = cells.get(at) {
            if let Some((code, repaired, rest)) = deliverable_at_start(cell) {
                let code_at = at;
                // A mark the legend knows, alone after the code in its cell
                // while the title has a cell of its own (`L1M1D1 V` |
                // `Calendario`): a mark column too close to the codes for a
                // gutter of its own.
                let title_follows = cells
                    .get(at + 1)
                    .is_some_and(|next| !starts_with_code(next) && !is_mark_cell(next));
                // A mark the legend knows, in a cell of its own between the
                // code's cell and the title's (`L1M1D1` | `✔` | `Calendrier`):
                // a status column set between the codes and the titles.
                let between = (rest.is_empty()
                    && cells
                        .get(at + 1)
                        .is_some_and(|mark| is_mark_cell(mark) && is_mark_token(mark, legend))
                    && cells
                        .get(at + 2)
                        .is_some_and(|next| !starts_with_code(next) && !is_mark_cell(next)))
                .then(|| cells.get(at + 1).cloned())
                .flatten();
                let beside_code = between.clone().or_else(|| {
                    (title_follows && is_mark_cell(rest) && is_mark_token(rest, legend))
                        .then(|| rest.to_owned())
                });
                let mut title: Vec<String> = vec![rest.to_owned()];
                title.retain(|part| !part.is_empty() && beside_code.is_none());
                let mut mark = None;
                let mut mark_cell = None;
                let mut candidates = Vec::new();
                at += 1 + usize::from(between.is_some());
                while let Some(next) = cells.get(at) {
                    if starts_with_code(next) {
                        break;
                    }
                    at += 1;
                    if mark.is_some() {
                        continue;
                    }
                    // A mark cell ends the title; with no title yet, only a
                    // known mark closing the row is one (`L1M1D1<TAB>V`).
                    let closes_row = cells.get(at).is_none_or(|after| starts_with_code(after));
                    // A status column of words (`Achieved`, `En curso`) after the title.
                    let is_mark = is_mark_cell(next)
                        && (!title.is_empty() || (closes_row && is_mark_token(next, legend)))
                        || (!title.is_empty() && legend::status_word(next).is_some());
                    if is_mark {
                        mark = Some(next.clone());
                        mark_cell = Some(at - 1);
                    } else if let Some(several) = several_marks(next, legend) {
                        candidates = several;
                    } else {
                        title.push(next.clone());
                    }
                }
                if let Some(beside_code) = beside_code {
                    match &mark {
                        Some(other) if *other != beside_code => {
                            candidates = vec![beside_code, other.clone()];
                            mark = None;
                        }
                        _ => mark = Some(beside_code),
                    }
                }
                if mark.is_none() && candidates.is_empty() {
                    candidates = take_trailing_marks(&mut title, legend);
                }
                // Candidates that mean one status (`V v`) leave no doubt about it.
                let status_of = |mark: &String| legend::meaning(legend, mark).status();
                let agree = candidates
                    .windows(2)
                    .all(|pair| match (pair.first(), pair.get(1)) {
                        (Some(a), Some(b)) => {
                            a == b || (status_of(a).is_some() && status_of(a) == status_of(b))
                        }
                        _ => true,
                    });
                if agree {
                    mark = mark.or_else(|| candidates.first().cloned());
                    candidates.clear();
                }
                let glued = mark.is_none() && candidates.is_empty();
                if glued {
                    mark = take_glued_mark(&mut title, legend);
                }
                // A mark column left of the codes (`✓<TAB>L1M1D2 …`), unless
                // the code before on the line read that mark after its
                // title: then the mark is either's.
                let left = mark
                    .is_none()
                    .then(|| mark_before(&cells, code_at, legend))
                    .flatten();
                // The same code twice on a line (a key column repeated
                // beside each panel) is one deliverable: no contest.
                let contested = match (&left, claimed.take()) {
                    (Some(left), Some((cell, row_at)))
                        if cell + 1 == code_at
                            && self
                                .rows
                                .get(row_at)
                                .is_some_and(|first| first.code != code) =>
                    {
                        self.rows.get_mut(row_at).map(|first| {
                            first.contested = Some(Contested {
                                other: code,
                                mark: left.clone(),
                                follows_title: true,
                                to_other: false,
                            });
                            Contested {
                                other: first.code,
                                mark: left.clone(),
                                follows_title: false,
                                to_other: false,
                            }
                        })
                    }
                    _ => None,
                };
                let left = left.filter(|_| contested.is_none());
                let glued = glued && left.is_none();
                let mark_left = left.is_some();
                mark = mark.or(left);
                // A mark read after the title, in the cell right before the
                // next code: the next code may claim it too.
                claimed = mark_cell
                    .filter(|&cell| {
                        cell + 1 == at
                            && mark.as_ref() == cells.get(cell)
                            && cells.get(at).is_some()
                    })
                    .map(|cell| (cell, self.rows.len()));
                let title_above = title.is_empty()
                    && mark.is_none()
                    && candidates.is_empty()
                    && code_at == first_code
                    && cells.len() == code_at + 1
                    && !above.is_empty()
                    && Self::title_above(text, index, legend);
                if title_above {
                    title.clone_from(&above);
                }
                self.rows.push(Row {
                    code,
                    repaired,
                    title,
                    glued: glued && mark.is_some(),
                    mark,
                    candidates,
                    shared_with: None,
                    title_above,
                    mark_left,
                    contested,
                    index,
                    location,
                });
                self.open = Some(Open {
                    row: self.rows.len() - 1,
                    measure: self.current_measure.filter(|_| measure_on_line),
                    lines: 0,
                    last_index: index,
                });
            } else if let Some((action_line, number, rest)) = measure_at_start(cell) {
                let mut text: Vec<String> = vec![rest.to_owned()];
                text.retain(|part| !part.is_empty());
                at += 1;
                while let Some(next) = cells.get(at) {
                    if starts_with_code(next) || mark_before(&cells, at + 1, legend).is_some() {
                        break;
                    }
                    text.push(next.clone());
                    at += 1;
                }
                self.measures.push(MeasureRow {
                    action_line,
                    number,
                    text,
                    location,
                });
                self.current_measure = Some(self.measures.len() - 1);
                measure_on_line = true;
                if at >= cells.len() {
                    self.open_measure = Some((self.measures.len() - 1, index));
                }
            } else {
                at += 1;
            }
        }
    }

    /// Whether the code alone on line `index` is set under its title, in a
    /// row where no line holds two cells (title on top, code, mark at the
    /// bottom: a code cell merged over rows, or cells aligned top, middle
    /// and bottom in a row taller than its title): the next line is a mark
    /// alone. The lines just above that no row took are then its title;
    /// without them, the code keeps no title and says so.
    fn title_above(text: &Text, index: usize, legend: &Legend) -> bool {
        let next = (index + 1..text.lines.len()).find(|&at| {
            text.lines
                .get(at)
                .is_some_and(|line| !line.text.trim().is_empty())
        });
        next.is_some_and(|at| match cells(text, at, legend).as_slice() {
            [only] => is_mark_token(only, legend),
            _ => false,
        })
    }

    /// A line with no code where a row starts: a continuation of an open
    /// row, a repeated block, a reference in prose, or nothing of ours.
    /// `above` holds the lines just before it that no row took; a line no
    /// row takes either joins them. `laid_header`: the open row is in a
    /// table laid out from a PDF's geometry.
    #[allow(clippy::too_many_arguments)]
    fn text_line(
        &mut self,
        cells: &[String],
        above: Vec<String>,
        index: usize,
        location: Location,
        legend: &Legend,
        measure_column: bool,
        laid_header: bool,
    ) {
        let mentions: Vec<DeliverableCode> = cells
            .iter()
            .flat_map(|cell| DELIVERABLE_ANYWHERE.captures_iter(cell))
            .filter_map(|caps| code_from(&caps))
            .collect();
        if !mentions.is_empty() {
            self.open = None;
            if mentions.len() >= REPEATED_BLOCK_MIN_CODES {
                let joined = cells.join(" ");
                let lead = DELIVERABLE_ANYWHERE
                    .find(&joined)
                    .and_then(|first| joined.get(..first.start()))
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                self.mention_lines.push(MentionLine {
                    index,
                    location,
                    codes: mentions,
                    lead,
                });
            }
            return;
        }
        if is_table_heading(cells) {
            self.open = None;
            self.open_measure = None;
            return;
        }
        if is_page_number(cells) || is_debris(cells, legend) {
            return;
        }
        // A note under a table (`¹ See annex II.`) ends the row above it.
        if cells.first().is_some_and(|first| legend::is_note(first)) {
            self.open = None;
            self.open_measure = None;
            return;
        }
        // A cell of nothing but table punctuation is an empty cell some
        // writers fill (`-` beside a title going on over a page break).
        let filled: Vec<String> = cells
            .iter()
            .filter(|cell| !is_filler(cell))
            .cloned()
            .collect();
        let cells = filled.as_slice();
        if cells.is_empty() {
            return;
        }
        let starts_lower = cells
            .first()
            .and_then(|first| first.chars().next())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(');
        if let Some((measure_at, last_index)) = self.open_measure {
            // A measure whose text wraps before its first deliverable's row.
            let adjacent = index == last_index + 1;
            match self.measures.get_mut(measure_at) {
                Some(measure)
                    if (starts_lower || adjacent) && !ends_sentence(measure.text.last()) =>
                {
                    measure.text.extend(cells.iter().cloned());
                    self.open_measure = Some((measure_at, index));
                    return;
                }
                _ => self.open_measure = None,
            }
        }
        let unplaced = |scan: &mut Self| {
            scan.unplaced = above;
            scan.unplaced.extend(cells.iter().cloned());
        };
        let Some(open) = self.open else {
            unplaced(self);
            return;
        };
        if open.lines >= MAX_CONTINUATION_LINES {
            self.open = None;
            return;
        }
        // A row whose title stood above its code ends at its mark: what
        // follows is the next row's title.
        if self
            .rows
            .get(open.row)
            .is_some_and(|row| row.title_above && row.mark.is_some())
        {
            self.open = None;
            unplaced(self);
            return;
        }
        if let Some(row) = self.rows.get_mut(open.row) {
            // `Presencia política o` + `técnica en…`: the glued "mark" was a
            // word of a wrapped title (Spanish `o`, "or").
            if row.glued && starts_lower && row.mark.as_deref().is_some_and(is_function_word) {
                row.title.extend(row.mark.take());
                row.glued = false;
            }
        }
        let Some(row) = self.rows.get(open.row) else {
            return;
        };
        let marked = row.mark.is_some();
        let mut parts: Vec<String> = cells.to_vec();
        let mark_cell = match parts.as_slice() {
            _ if marked => false,
            [.., last] if parts.len() > 1 => is_mark_cell(last),
            [only] => is_mark_token(only, legend),
            _ => false,
        };
        let mark = if marked {
            None
        } else if mark_cell {
            parts.pop()
        } else {
            take_glued_mark(&mut parts, legend)
        };
        // A line that starts with a capital continues the row only when it
        // follows it directly (`Organigrama de la Secretaría` + `General de
        // Metropolis`); after a blank line it is something else, unless the
        // row is still its code alone: rows of one cell a line (code, title,
        // mark) that a producer spaced apart like paragraphs, or a card's
        // header of code and mark that the page model laid out as a table,
        // its description set apart below.
        let adjacent = index == open.last_index + 1;
        let code_alone = open.lines == 0 && row.title.is_empty() && (!marked || laid_header);
        if !(starts_lower || adjacent || code_alone || mark.is_some()) {
            self.open = None;
            unplaced(self);
            return;
        }
        // Text in the measures' column goes on with the last measure read,
        // whether or not it shared the open row's line.
        let measure_at = if measure_column {
            open.measure.or(self.current_measure)
        } else {
            open.measure
        };
        let measure = measure_at.and_then(|m| self.measures.get_mut(m));
        let measure_unfinished = measure
            .as_ref()
            .is_some_and(|m| !ends_sentence(m.text.last()));
        let title_parts = match (parts.len(), measure) {
            // Left column continues the measure, right column the title.
            (2.., Some(measure)) => {
                let title_part = parts.pop();
                measure.text.append(&mut parts);
                title_part.into_iter().collect()
            }
            // One column only: the measure's, while its sentence is unfinished,
            // or whatever the line's mark, when the page model draws it left
            // of the codes and titles, in the measures' column.
            (1, Some(measure)) if (measure_unfinished && mark.is_none()) || measure_column => {
                measure.text.append(&mut parts);
                Vec::new()
            }
            _ => parts,
        };
        let Some(row) = self.rows.get_mut(open.row) else {
            return;
        };
        row.title.extend(title_parts);
        if mark.is_some() {
            row.glued = !mark_cell;
            row.mark = mark;
        }
        self.open = Some(Open {
            lines: open.lines + 1,
            last_index: index,
            ..open
        });
    }

    fn finish(mut self, text: &Text, legend: &Legend) -> Plan {
        let mut diagnostics = Vec::new();
        split_fused_rows(text, &mut self.rows);
        settle_contested_marks(&mut self.rows);
        let mut by_code: BTreeMap<DeliverableCode, Vec<usize>> = BTreeMap::new();
        for (at, row) in self.rows.iter().enumerate() {
            by_code.entry(row.code).or_default().push(at);
        }
        let mut winners: Vec<(usize, Vec<String>)> = Vec::new();
        let mut repeated: Vec<(usize, Location, DeliverableCode)> = Vec::new();
        for (code, occurrences) in &by_code {
            let winner = occurrences
                .iter()
                .copied()
                .find(|&at| self.rows.get(at).is_some_and(|row| row.mark.is_some()))
                .or_else(|| occurrences.first().copied());
            let Some(winner) = winner else {
                continue;
            };
            let Some(winning) = self.rows.get(winner) else {
                continue;
            };
            let mut conflicting = Vec::new();
            // The code's repeats with the same mark are one diagnostic, in
            // the place of the first repeat: (its index, where the first
            // repeat is, how many there are, the last one's page).
            let mut again: Option<(usize, Location, usize, u32)> = None;
            for &other_at in occurrences.iter().filter(|&&at| at != winner) {
                let Some(other) = self.rows.get(other_at) else {
                    continue;
                };
                match (&winning.mark, &other.mark) {
                    (_, None) => repeated.push((other.index, other.location, *code)),
                    (Some(kept), Some(mark)) if kept != mark => {
                        diagnostics.push(
                            Diagnostic::error(
                                Code::DeliverablesConflictingMarks,
                                format!(
                                    "{code} is marked `{kept}` at page {} line {} and `{mark}` at page {} line {}; the first is kept, both are in `conflicting_marks`",
                                    winning.location.page, winning.location.line, other.location.page, other.location.line
                                ),
                            )
                            .at(other.location),
                        );
                        conflicting.push(mark.clone());
                    }
                    _ => match &mut again {
                        Some((_, _, count, last_page)) => {
                            *count += 1;
                            *last_page = other.location.page;
                        }
                        None => {
                            again =
                                Some((diagnostics.len(), other.location, 1, other.location.page));
                            diagnostics.push(duplicate_diagnostic(
                                *code,
                                other.location,
                                1,
                                other.location.page,
                            ));
                        }
                    },
                }
            }
            if let Some((at, first, count, last_page)) = again.filter(|again| again.2 > 1) {
                if let Some(reported) = diagnostics.get_mut(at) {
                    *reported = duplicate_diagnostic(*code, first, count, last_page);
                }
            }
            winners.push((winner, conflicting));
        }
        winners.sort_by_key(|(at, _)| *at);

        let known: Vec<DeliverableCode> = winners
            .iter()
            .filter_map(|(at, _)| self.rows.get(*at).map(|row| row.code))
            .collect();
        let mut shifted: BTreeMap<usize, DeliverableCode> = BTreeMap::new();
        for mention in &self.mention_lines {
            let known_count = mention
                .codes
                .iter()
                .filter(|code| known.contains(code))
                .count();
            if known_count * 2 < mention.codes.len() {
                continue;
            }
            repeated.extend(
                mention
                    .codes
                    .iter()
                    .map(|code| (mention.index, mention.location, *code)),
            );
            // `Estrategia de recaudación de fondos L3M5D2 Convenio…`: the
            // line opens with the title of the code before its first code.
            let lead_owner = winners
                .iter()
                .filter_map(|(at, _)| self.rows.get(*at))
                .find(|row| {
                    !mention.lead.is_empty()
                        && !mention.codes.contains(&row.code)
                        && clean_title(&row.title) == mention.lead
                });
            if let Some(owner) = lead_owner {
                repeated.push((mention.index, mention.location, owner.code));
                shifted.insert(mention.index, owner.code);
            }
        }
        diagnostics.extend(repeated_block_diagnostics(repeated, &shifted));

        let mut deliverables = Vec::new();
        let mut variants: BTreeMap<String, (String, usize, Location)> = BTreeMap::new();
        let mut unknown_marks: BTreeSet<String> = BTreeSet::new();
        let mut conventional_reads: Vec<(usize, String)> = Vec::new();
        // Where each conventional read's mark stands: its row's line.
        let mut conventional_lines: Vec<usize> = Vec::new();
        for (at, conflicting) in winners {
            let Some(row) = self.rows.get(at) else {
                continue;
            };
            let code = row.code;
            if let Some(raw) = &row.repaired {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::DeliverablesCodeRepaired,
                        format!("code `{raw}` is damaged; read as {code}"),
                    )
                    .at(row.location),
                );
            }
            let matrix = matrix_status(text, row.index, legend);
            let wrapped = row
                .mark
                .as_deref()
                .and_then(|mark| wrapped_status_head(text, row.index, mark));
            let status = match (&row.mark, &matrix) {
                (_, Some(MatrixRead::One(status, _))) => Some(*status),
                (_, Some(MatrixRead::Several(marks))) => {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::DeliverablesAmbiguousMark,
                            format!(
                                "{code} is ticked under columns of two statuses ({}); its status is left unknown",
                                marks.join(", ")
                            ),
                        )
                        .at(row.location),
                    );
                    None
                }
                (None, None) if row.contested.is_some() => {
                    if let Some(contest) = &row.contested {
                        let (first, second) = if contest.follows_title {
                            (code, contest.other)
                        } else {
                            (contest.other, code)
                        };
                        let whose = if contest.to_other {
                            format!(
                                "read as {}'s, as every other mark of the document stands {}",
                                contest.other,
                                if contest.follows_title {
                                    "before its code"
                                } else {
                                    "after its title"
                                }
                            )
                        } else {
                            "may be either's".to_owned()
                        };
                        diagnostics.push(
                            Diagnostic::warning(
                                Code::DeliverablesAmbiguousMark,
                                format!("{code} has no status mark of its own: `{}`, drawn between {first}'s title and {second}'s code, {whose}; its status is left unknown", contest.mark),
                            )
                            .at(row.location),
                        );
                    }
                    None
                }
                (None, None) if row.shared_with.is_some() => {
                    let other = row
                        .shared_with
                        .map(|code| code.to_string())
                        .unwrap_or_default();
                    let mark = row
                        .candidates
                        .first()
                        .map_or(String::new(), |mark| format!(" `{mark}`"));
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::DeliverablesFusedRows,
                            format!("{code} and {other} were read as one row; its mark{mark} may be either's, so the status is left unknown"),
                        )
                        .at(row.location),
                    );
                    None
                }
                (None, None) if row.candidates.len() >= 2 => {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::DeliverablesAmbiguousMark,
                            format!(
                                "{code} has {} candidate marks ({}); its status is left unknown",
                                row.candidates.len(),
                                row.candidates
                                    .iter()
                                    .map(|mark| format!("`{mark}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                        .at(row.location),
                    );
                    None
                }
                (None, None) => {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::DeliverablesMissingMark,
                            format!("{code} has no status mark"),
                        )
                        .at(row.location),
                    );
                    None
                }
                (Some(mark), None) if wrapped.is_some() => {
                    if let Some((whole, alone, other)) = &wrapped {
                        diagnostics.push(
                            Diagnostic::warning(
                                Code::DeliverablesAmbiguousMark,
                                format!(
                                    "{code} is marked `{mark}` ({}), and the line above ends with the start of `{whole}` ({}): a status wrapped over two lines may be either; its status is left unknown",
                                    alone.as_str(),
                                    other.as_str()
                                ),
                            )
                            .at(row.location),
                        );
                    }
                    None
                }
                (Some(mark), None) => {
                    let meaning = legend::cell_meaning(legend, mark);
                    match &meaning {
                        MarkMeaning::Unknown => {
                            unknown_marks.insert(mark.clone());
                            diagnostics.push(
                                Diagnostic::warning(
                                    Code::DeliverablesUnknownMark,
                                    format!("{code} is marked `{mark}`, which neither the legend nor the conventional table defines; its status is unknown"),
                                )
                                .at(row.location),
                            );
                        }
                        MarkMeaning::Variant { status, of } => {
                            let entry = variants.entry(mark.clone()).or_insert_with(|| {
                                (
                                    format!("legend mark `{of}` ({})", status.as_str()),
                                    0,
                                    row.location,
                                )
                            });
                            entry.1 += 1;
                        }
                        MarkMeaning::Conventional(status)
                            if legend.source == crate::model::LegendSource::Document =>
                        {
                            let entry = variants.entry(mark.clone()).or_insert_with(|| {
                                (
                                    format!(
                                        "the conventional table ({}); the legend does not list it",
                                        status.as_str()
                                    ),
                                    0,
                                    row.location,
                                )
                            });
                            entry.1 += 1;
                        }
                        _ => {}
                    }
                    // Read with the conventional table, for want of a legend.
                    if legend.source == crate::model::LegendSource::Conventional
                        && matches!(
                            meaning,
                            MarkMeaning::Legend(_)
                                | MarkMeaning::Variant { .. }
                                | MarkMeaning::Conventional(_)
                        )
                    {
                        conventional_reads.push((deliverables.len(), mark.clone()));
                        conventional_lines.push(row.index);
                    }
                    meaning.status()
                }
            };
            let title = clean_title(&row.title);
            if title.is_empty() {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::DeliverablesMissingTitle,
                        format!("{code} has no title"),
                    )
                    .at(row.location),
                );
            }
            deliverables.push(Deliverable {
                code: code.to_string(),
                action_line: code.action_line,
                measure: code.measure,
                number: code.number,
                measure_code: code.measure_code(),
                action_line_code: code.action_line_code(),
                title,
                mark: row.mark.clone().or(match matrix {
                    Some(MatrixRead::One(_, mark)) => Some(mark),
                    _ => None,
                }),
                status,
                inferred: false,
                repaired: row.repaired.is_some(),
                conflicting_marks: conflicting,
                page: row.location.page,
                line: row.location.line,
            });
        }
        diagnostics.extend(own_marks(
            &mut deliverables,
            &unknown_marks,
            &conventional_reads,
        ));
        diagnostics.extend(ticks_in_several_columns(
            text,
            &mut deliverables,
            &conventional_reads,
            &conventional_lines,
        ));
        for (mark, (read_as, count, location)) in variants {
            diagnostics.push(
                Diagnostic::info(
                    Code::DeliverablesMarkVariant,
                    format!("mark `{mark}` ({count} deliverable(s), first here) read as {read_as}"),
                )
                .at(location),
            );
        }

        let measures = assemble_measures(&self.measures, &deliverables, &mut diagnostics);
        let action_lines =
            assemble_action_lines(self.headings, &measures, &deliverables, &mut diagnostics);
        diagnostics.extend(numbering_gaps(&measures, &deliverables));
        Plan {
            action_lines,
            measures,
            deliverables,
            diagnostics,
        }
    }
}

/// Most words of a status phrase that its wrapping may leave on the line
/// above (`No` of `No desarrollado`, `Not yet` of `Not yet started`).
const WRAPPED_HEAD_WORDS: usize = 3;

/// The status phrase that a row's mark, a status word (`réalisé`,
/// achieved), ends where the line above, on the same page, ends with the
/// phrase's first words (`Non`): a status cell wrapped so that its first
/// words stand over the row's line (`Non` / `réalisé`, not developed).
/// Either reading may be the row's, so neither is silently taken: the
/// phrase, the mark's own status and the phrase's, when they differ.
fn wrapped_status_head(text: &Text, index: usize, mark: &str) -> Option<(String, Status, Status)> {
    let alone = legend::status_word(mark)?;
    let line = text.lines.get(index)?;
    let above = text.lines.get(index.checked_sub(1)?)?;
    if above.page != line.page {
        return None;
    }
    let words: Vec<&str> = above.plain.split_whitespace().collect();
    (1..=words.len().min(WRAPPED_HEAD_WORDS)).find_map(|take| {
        let head = words.get(words.len() - take..)?.join(" ");
        let whole = format!("{head} {mark}");
        let other = legend::status_word(&whole)?;
        (other != alone).then_some((whole, alone, other))
    })
}

/// What a status matrix's columns say of one deliverable row (see
/// [`matrix_status`]).
enum MatrixRead {
    /// The row is ticked under columns of one status: that status, and the
    /// first tick as printed.
    One(Status, String),
    /// The row is ticked under columns of different statuses: each tick,
    /// named with its column's status, for the diagnostic.
    Several(Vec<String>),
}

/// The status a deliverable row gives by the column its tick stands in,
/// when its table is a status matrix: a row above it heads two or more
/// columns that name different statuses (`Achieved | In progress | Not
/// developed` in any language's lexicon, or marks the legend defines). A
/// tick there (`X`, `✓`) means its column's status, never its conventional
/// meaning (`X` is "not developed" in the conventional table, so reading
/// it would be silently wrong for two rows in three). `None` when the
/// table is no matrix, when the row fills none of its status columns, or
/// when a number fills one (a summary row counts, it ticks nothing).
fn matrix_status(text: &Text, index: usize, legend: &Legend) -> Option<MatrixRead> {
    let table = text.table_of(index)?;
    let at = table.rows.iter().position(|row| row.line == index)?;
    let Some(columns) = table.rows.get(..at)?.iter().rev().find_map(|above| {
        let columns = status_columns(above, legend);
        (!columns.is_empty()).then_some(columns)
    }) else {
        return drawn_matrix_status(text, index, legend);
    };
    let mut ticks: Vec<(&str, Status)> = Vec::new();
    for cell in &table.rows.get(at)?.cells {
        let Some((_, status)) = columns.iter().find(|(column, _)| *column == cell.column) else {
            continue;
        };
        let tick = cell.text().trim();
        if tick.is_empty() || starts_with_code(tick) {
            continue;
        }
        if tick.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        ticks.push((tick, *status));
    }
    matrix_read(&ticks)
}

/// What ticks, each with its column's status, say of a row: `None` when
/// there is none.
fn matrix_read(ticks: &[(&str, Status)]) -> Option<MatrixRead> {
    let (first, status) = *ticks.first()?;
    if ticks.iter().all(|(_, other)| *other == status) {
        Some(MatrixRead::One(status, first.to_owned()))
    } else {
        Some(MatrixRead::Several(
            ticks
                .iter()
                .map(|(tick, status)| format!("`{tick}` under {}", status.as_str()))
                .collect(),
        ))
    }
}

/// A status column of a drawn table: where its heading's words stand
/// across the page, and the status they name.
#[derive(Debug, Clone, Copy, PartialEq)]
struct DrawnColumn {
    x0: f32,
    x1: f32,
    status: Status,
}

/// Most rows a drawn status heading wraps over (`No` / `desarrollado`,
/// which some producers set as rows of their own).
const HEADING_ROWS: usize = 3;

/// Points by which a tick may stand beside its heading's words: a tick
/// centred under a left-aligned heading, or the reverse, is still under it;
/// less than the narrowest gap between two status columns seen (7 points).
const TICK_SLACK: f32 = 4.0;

/// Points by which the left edges of a code column and of the heading row
/// over it may differ in a table that goes on after its heading (a table
/// of another layout draws its first column elsewhere).
const EDGE_SLACK: f32 = 6.0;

/// [`matrix_status`] for a drawn table (PDF) whose status columns the cells
/// do not give: read by where words stand. The heading is the nearest row
/// above, in this table or in a table before it on this page or the one
/// before (a table that goes on over a page break, or after a heading row
/// the page model set apart), whose words, taken with the rows under it
/// that hold no code, stand over two or more statuses: words stacked in
/// one column make one heading (`En` over `proceso`), and words side by
/// side in one cell make several (`Alcanzado En proceso` drawn across the
/// column edges). A heading in another table heads this row only where its
/// left edge is this row's code column's, and the search stops at a
/// heading row over the code column that names no statuses. The row's ticks
/// are its marks standing under those headings, wherever its cells put
/// them (a tick glued to the end of a title).
fn drawn_matrix_status(text: &Text, index: usize, legend: &Legend) -> Option<MatrixRead> {
    let row = text.row(index)?;
    let code_cell = row
        .cells
        .iter()
        .find(|cell| starts_with_code(cell.text()))?;
    let code_x = code_cell.bbox?.x0;
    let page = text.lines.get(index)?.page;
    let here = text
        .blocks
        .partition_point(|block| block.lines.start <= index)
        .checked_sub(1)?;
    // The table rows above, nearest first, each with whether it is in this
    // row's own table.
    let mut above: Vec<(&PageRow, bool)> = Vec::new();
    for (at, block) in text.blocks.get(..=here)?.iter().enumerate().rev() {
        let block_page = text.lines.get(block.lines.start)?.page;
        if block_page + 1 < page {
            break;
        }
        if let Some(table) = block.table() {
            above.extend(
                table
                    .rows
                    .iter()
                    .rev()
                    .filter(|other| other.line < index)
                    .map(|other| (other, at == here)),
            );
        }
    }
    let holds_code = |row: &PageRow| row.cells.iter().any(|cell| starts_with_code(cell.text()));
    let mut columns = None;
    for (at, &(heading, own_table)) in above.iter().enumerate() {
        if holds_code(heading) {
            continue;
        }
        // The heading and the rows under it that hold no code, top down.
        let band: Vec<&PageRow> = std::iter::once(heading)
            .chain(
                above
                    .get(..at)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .map(|(row, _)| *row)
                    .take_while(|row| !holds_code(row)),
            )
            .take(HEADING_ROWS)
            .collect();
        let spill = spilled_line(text, heading.line, index);
        let found = drawn_status_columns(&band, spill, legend);
        let left = band
            .iter()
            .flat_map(|row| row.cells.iter())
            .filter_map(|cell| cell.bbox.map(|bbox| bbox.x0))
            .reduce(f32::min);
        let aligned = left.is_some_and(|left| (left - code_x).abs() <= EDGE_SLACK);
        if !found.is_empty() {
            columns = (own_table || aligned).then_some(found);
            break;
        }
        if aligned {
            // A heading row over the code column naming no statuses: the
            // table's own heading (a legend line above it heads no column).
            return None;
        }
    }
    let columns = columns?;
    let mut ticks: Vec<(&str, Status)> = Vec::new();
    for cell in row
        .cells
        .iter()
        .filter(|cell| !starts_with_code(cell.text()))
    {
        for word in cell.words().iter() {
            let centre = (word.bbox.x0 + word.bbox.x1) / 2.0;
            let Some(column) = columns.iter().find(|column| {
                column.x0 - TICK_SLACK <= centre && centre <= column.x1 + TICK_SLACK
            }) else {
                continue;
            };
            if word.text.chars().any(|c| c.is_ascii_digit()) {
                return None;
            }
            if is_mark_cell(word.text) && is_mark_token(word.text, legend) {
                ticks.push((word.text, column.status));
            }
        }
    }
    matrix_read(&ticks)
}

/// The plain text of the line right under a heading row (`line`), when it
/// is no table row and comes before the row read (`before`): where some
/// producers set the wrapped ends of a table's headings (`proceso
/// desarrollado`), before rows that hold no code (the end of a title cut
/// by the page break).
fn spilled_line(text: &Text, line: usize, before: usize) -> Option<&str> {
    let next = line + 1;
    (next < before && text.row(next).is_none())
        .then(|| text.lines.get(next))
        .flatten()
        .map(|line| line.plain)
}

/// The status columns that heading rows drawn over a table name in words
/// of the lexicons, by where their words stand: words stacked over one
/// another (overlapping across) are one heading, read top down;
/// neighbouring headings that name a status only together are one (`Not`
/// `developed` on one line). Rows holding a mark are a legend's, no
/// heading (`V alcanzado 0 en proceso`), and marks heading columns of
/// their own are read as marks, not as columns. `spill`, a line
/// under the rows holding the wrapped ends of headings in their order,
/// completes the headings that name no status alone, when it completes
/// each with its next words and has none left. Empty unless two statuses
/// or more are named.
fn drawn_status_columns(
    band: &[&PageRow],
    spill: Option<&str>,
    legend: &Legend,
) -> Vec<DrawnColumn> {
    let mut words: Vec<WordRef<'_>> = band
        .iter()
        .flat_map(|row| row.cells.iter())
        .flat_map(|cell| cell.words().iter())
        .collect();
    if words.iter().any(|word| is_mark_token(word.text, legend)) {
        return Vec::new();
    }
    words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    // Stacks of words overlapping across: (left, right, words).
    let mut stacks: Vec<(f32, f32, Vec<WordRef<'_>>)> = Vec::new();
    for word in words {
        match stacks.last_mut() {
            Some((_, right, stack)) if word.bbox.x0 < *right => {
                *right = right.max(word.bbox.x1);
                stack.push(word);
            }
            _ => stacks.push((word.bbox.x0, word.bbox.x1, vec![word])),
        }
    }
    let mut headings: Vec<(f32, f32, String)> = stacks
        .into_iter()
        .map(|(left, right, mut stack)| {
            stack.sort_by(|a, b| {
                a.bbox
                    .y0
                    .round()
                    .total_cmp(&b.bbox.y0.round())
                    .then(a.bbox.x0.total_cmp(&b.bbox.x0))
            });
            let words: Vec<&str> = stack.iter().map(|word| word.text).collect();
            (left, right, words.join(" "))
        })
        .collect();
    let named = |heading: &str| legend::status_word(heading);
    let mut columns = read_headings(&headings, &named);
    if let Some(spill) = spill.filter(|_| distinct_statuses(&columns) < 2) {
        if complete_headings(&mut headings, spill, &named) {
            columns = read_headings(&headings, &named);
        }
    }
    if distinct_statuses(&columns) >= 2 {
        columns
    } else {
        Vec::new()
    }
}

/// The headings (left, right, text) that name a status, left to right,
/// joining neighbours that name one only together (up to four).
fn read_headings(
    headings: &[(f32, f32, String)],
    named: &impl Fn(&str) -> Option<Status>,
) -> Vec<DrawnColumn> {
    let mut columns = Vec::new();
    let mut at = 0;
    while at < headings.len() {
        let joined = (at..headings.len().min(at + 4)).rev().find_map(|last| {
            let run = headings.get(at..=last)?;
            let text: Vec<&str> = run.iter().map(|(_, _, text)| text.as_str()).collect();
            let status = named(&text.join(" "))?;
            Some((last, run.first()?.0, run.last()?.1, status))
        });
        match joined {
            Some((last, x0, x1, status)) => {
                columns.push(DrawnColumn { x0, x1, status });
                at = last + 1;
            }
            None => at += 1,
        }
    }
    columns
}

/// How many different statuses the columns name.
fn distinct_statuses(columns: &[DrawnColumn]) -> usize {
    let mut statuses: Vec<&str> = columns
        .iter()
        .map(|column| column.status.as_str())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses.len()
}

/// Completes the headings that name no status with the words of `spill`,
/// in order: each takes the fewest next words that make it name a status.
/// Whether every word was taken (else the headings are left as they were).
fn complete_headings(
    headings: &mut [(f32, f32, String)],
    spill: &str,
    named: &impl Fn(&str) -> Option<Status>,
) -> bool {
    let words: Vec<&str> = spill.split_whitespace().collect();
    let mut completed: Vec<(usize, String)> = Vec::new();
    let mut next = 0;
    for (at, (_, _, heading)) in headings.iter().enumerate() {
        if next == words.len() {
            break;
        }
        if named(heading).is_some() {
            continue;
        }
        let taken = (next + 1..=words.len()).find_map(|end| {
            let text = format!("{heading} {}", words.get(next..end)?.join(" "));
            named(&text).map(|_| (end, text))
        });
        if let Some((end, text)) = taken {
            completed.push((at, text));
            next = end;
        }
    }
    if next != words.len() || completed.is_empty() {
        return false;
    }
    for (at, text) in completed {
        if let Some(heading) = headings.get_mut(at) {
            heading.2 = text;
        }
    }
    true
}

/// The columns of a heading row that each name one status, with it; empty
/// unless they name two different statuses or more, or the row holds a
/// code (a deliverable's row, whose status cell names one status).
fn status_columns(row: &PageRow, legend: &Legend) -> Vec<(usize, Status)> {
    if row.cells.iter().any(|cell| starts_with_code(cell.text())) {
        return Vec::new();
    }
    let columns: Vec<(usize, Status)> = row
        .cells
        .iter()
        .filter_map(|cell| {
            let heading = cell.text().trim();
            let status = legend::status_word(heading).or_else(|| {
                legend
                    .entries
                    .iter()
                    .find(|entry| entry.mark == heading)
                    .map(|entry| entry.status)
            })?;
            Some((cell.column, status))
        })
        .collect();
    let mut distinct: Vec<Status> = columns.iter().map(|(_, status)| *status).collect();
    distinct.sort_by_key(|status| status.as_str());
    distinct.dedup();
    if distinct.len() >= 2 {
        columns
    } else {
        Vec::new()
    }
}

/// Distinct marks that neither a legend nor the conventional table defines
/// that make a document's marks a scheme of its own (one stray glyph is
/// noise or damage).
const OWN_MARKS: usize = 2;

/// Withdraws the statuses read with the conventional table in a document
/// that states no legend but marks deliverables with symbols of its own
/// (`unknown`, at least [`OWN_MARKS`] of them: `●` and `◐`): such a scheme
/// gives its other marks meanings of its own too (`○`, empty beside full
/// and half circles, is not developed there, where the conventional table
/// reads it in progress). `reads` are the deliverables (by index) whose
/// status came from the conventional table, with their marks; each of
/// their statuses becomes unknown, with a warning a mark naming them.
fn own_marks(
    deliverables: &mut [Deliverable],
    unknown: &BTreeSet<String>,
    reads: &[(usize, String)],
) -> Vec<Diagnostic> {
    if unknown.len() < OWN_MARKS {
        return Vec::new();
    }
    let mut by_mark: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, mark) in reads {
        by_mark.entry(mark.as_str()).or_default().push(*index);
    }
    let theirs = unknown
        .iter()
        .map(|mark| format!("`{mark}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut diagnostics = Vec::new();
    for (mark, indices) in by_mark {
        let mut codes = Vec::new();
        let mut first = None;
        for &index in &indices {
            if let Some(deliverable) = deliverables.get_mut(index) {
                let read = deliverable.status.take();
                codes.push(deliverable.code.clone());
                first = first
                    .or(read
                        .map(|status| (status, Location::new(deliverable.page, deliverable.line))));
            }
        }
        let Some((status, location)) = first else {
            continue;
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::DeliverablesOwnMarks,
                format!(
                    "the document states no legend and marks deliverables with {theirs}, which the conventional table does not define: its marks are its own, so `{mark}` is not read as the conventional table's {} for {}; their status is unknown",
                    status.as_str(),
                    codes.join(", ")
                ),
            )
            .at(location),
        );
    }
    diagnostics
}

/// Least distance, in points, between the centres of one mark drawn in two
/// columns of a table: more than a mark's own width, less than the
/// narrowest status column seen (about 50 points).
const TICK_COLUMN_GAP: f32 = 12.0;

/// Withdraws the statuses read with the conventional table where one mark
/// stands in two columns or more of one table (`X` under `Achieved` in some
/// rows, under `Not developed` in others): such a table is a matrix of
/// ticks whose status headings the layout did not give (wrapped over two
/// lines, or drawn across the column edges), where the column, not the
/// mark, says the status. Reading each tick by the conventional table
/// would be silently wrong for every column but one, so each of these
/// deliverables' status becomes unknown, with a warning naming the mark's
/// columns. `reads` are the deliverables (by index) read with the
/// conventional table, with their marks; `lines` the line of each one's
/// row. Only drawn tables (PDF) place their marks.
fn ticks_in_several_columns(
    text: &Text,
    deliverables: &mut [Deliverable],
    reads: &[(usize, String)],
    lines: &[usize],
) -> Vec<Diagnostic> {
    // The centre of each read's mark, by its table (the block's first line)
    // and the mark.
    let mut places: BTreeMap<(usize, &str), Vec<(usize, f32)>> = BTreeMap::new();
    for ((index, mark), &line) in reads.iter().zip(lines) {
        let Some(block) = text.block_of(line) else {
            continue;
        };
        let centre = text.row(line).and_then(|row| {
            row.cells
                .iter()
                .find(|cell| cell.text().trim() == mark)
                .and_then(|cell| cell.bbox)
                .map(|bbox| (bbox.x0 + bbox.x1) / 2.0)
        });
        if let Some(centre) = centre {
            places
                .entry((block.lines.start, mark.as_str()))
                .or_default()
                .push((*index, centre));
        }
    }
    let mut diagnostics = Vec::new();
    for ((_, mark), mut marks) in places {
        marks.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut columns: Vec<f32> = Vec::new();
        for (_, centre) in &marks {
            if columns
                .last()
                .is_none_or(|last| centre - last > TICK_COLUMN_GAP)
            {
                columns.push(*centre);
            }
        }
        if columns.len() < 2 {
            continue;
        }
        let at = columns
            .iter()
            .map(|x| format!("{x:.0}"))
            .collect::<Vec<_>>()
            .join(", ");
        for (index, _) in marks {
            let Some(deliverable) = deliverables.get_mut(index) else {
                continue;
            };
            deliverable.status = None;
            diagnostics.push(
                Diagnostic::warning(
                    Code::DeliverablesAmbiguousMark,
                    format!(
                        "{} is marked `{mark}`, which its table draws in {} columns (at x {at}): a table of ticks whose status headings were not read, so the column, not the mark, says the status; its status is left unknown",
                        deliverable.code,
                        columns.len()
                    ),
                )
                .at(Location::new(deliverable.page, deliverable.line)),
            );
        }
    }
    diagnostics
}

/// One diagnostic per block of consecutive lines that repeat known codes without marks.
///
/// `shifted` maps a line to the code whose title opens it without the code
/// (seed 000's repetition, where every title stands before the next code).
/// The diagnostic of a code that appears `count` more times with the same
/// mark, first at `first` and last on `last_page`: one diagnostic however
/// many the repeats (a plan repeated through a long document repeats every
/// code, and a diagnostic each would be most of its output), located at the
/// first repeat, with how many there are and the pages they span.
fn duplicate_diagnostic(
    code: DeliverableCode,
    first: Location,
    count: usize,
    last_page: u32,
) -> Diagnostic {
    let message = if count == 1 {
        format!("{code} appears again with the same mark; the first occurrence is kept")
    } else {
        format!(
            "{code} appears again {count} times with the same mark (pages {} to {last_page}); the first occurrence is kept",
            first.page
        )
    };
    Diagnostic::info(Code::DeliverablesDuplicate, message).at(first)
}

fn repeated_block_diagnostics(
    mut repeated: Vec<(usize, Location, DeliverableCode)>,
    shifted: &BTreeMap<usize, DeliverableCode>,
) -> Vec<Diagnostic> {
    repeated.sort_by_key(|(index, _, code)| (*index, *code));
    repeated.dedup();
    let mut blocks: Vec<(
        usize,
        Location,
        Vec<DeliverableCode>,
        Option<DeliverableCode>,
    )> = Vec::new();
    for (index, location, code) in repeated {
        let shift = shifted.get(&index).copied();
        match blocks.last_mut() {
            Some((last, _, codes, block_shift)) if index <= *last + 2 => {
                *last = index;
                codes.push(code);
                *block_shift = block_shift.or(shift);
            }
            _ => blocks.push((index, location, vec![code], shift)),
        }
    }
    blocks
        .into_iter()
        .map(|(_, location, mut codes, shift)| {
            codes.sort();
            codes.dedup();
            let first = codes.first().map(ToString::to_string).unwrap_or_default();
            let last = codes.last().map(ToString::to_string).unwrap_or_default();
            let shift = shift.map_or_else(String::new, |code| {
                format!(" (it opens with the title of {code} without its code, so, read code by code, its titles are shifted by one)")
            });
            Diagnostic::warning(
                Code::DeliverablesRepeatedBlock,
                format!(
                    "{} code(s) from {first} to {last} are repeated without marks{shift}; the repetition is ignored and the marked occurrences keep their titles",
                    codes.len()
                ),
            )
            .at(location)
        })
        .collect()
}

fn assemble_measures(
    rows: &[MeasureRow],
    deliverables: &[Deliverable],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Measure> {
    let mut measures: BTreeMap<(u16, u16), Measure> = BTreeMap::new();
    for row in rows {
        let text = clean_title(&row.text);
        let entry = measures
            .entry((row.action_line, row.number))
            .or_insert_with(|| Measure {
                code: builtin::code(&[row.action_line, row.number]),
                action_line: row.action_line,
                number: row.number,
                text: None,
                page: Some(row.location.page),
                line: Some(row.location.line),
            });
        if entry.text.is_none() && !text.is_empty() {
            entry.text = Some(text);
            entry.page = Some(row.location.page);
            entry.line = Some(row.location.line);
        }
    }
    for deliverable in deliverables {
        measures
            .entry((deliverable.action_line, deliverable.measure))
            .or_insert_with(|| Measure {
                code: deliverable.measure_code.clone(),
                action_line: deliverable.action_line,
                number: deliverable.measure,
                text: None,
                page: None,
                line: None,
            });
    }
    let mut first_deliverable: BTreeMap<&str, &Deliverable> = BTreeMap::new();
    for deliverable in deliverables {
        first_deliverable
            .entry(deliverable.measure_code.as_str())
            .or_insert(deliverable);
    }
    for measure in measures.values().filter(|measure| measure.text.is_none()) {
        let first = first_deliverable.get(measure.code.as_str());
        let diagnostic = Diagnostic::warning(
            Code::DeliverablesMeasureWithoutText,
            format!(
                "measure {} has deliverables but the document never states its text",
                measure.code
            ),
        );
        diagnostics.push(match first {
            Some(first) => diagnostic.at(Location::new(first.page, first.line)),
            None => diagnostic,
        });
    }
    measures.into_values().collect()
}

fn assemble_action_lines(
    headings: Vec<ActionLine>,
    measures: &[Measure],
    deliverables: &[Deliverable],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ActionLine> {
    let mut lines: BTreeMap<u16, ActionLine> = BTreeMap::new();
    for heading in headings {
        lines.entry(heading.number).or_insert(heading);
    }
    let used = measures.iter().map(|measure| measure.action_line).chain(
        deliverables
            .iter()
            .map(|deliverable| deliverable.action_line),
    );
    for number in used {
        lines.entry(number).or_insert_with(|| {
            let diagnostic = Diagnostic::info(
                Code::DeliverablesActionLineWithoutTitle,
                format!(
                    "action line {} has items but no heading",
                    builtin::code(&[number])
                ),
            );
            let first = deliverables.iter().find(|d| d.action_line == number);
            diagnostics.push(match first {
                Some(first) => diagnostic.at(Location::new(first.page, first.line)),
                None => diagnostic,
            });
            ActionLine {
                code: builtin::code(&[number]),
                number,
                title: None,
                page: None,
                line: None,
            }
        });
    }
    lines.into_values().collect()
}

/// `D1` then `D3`, `M1` then `M5`: information, never an error.
fn numbering_gaps(measures: &[Measure], deliverables: &[Deliverable]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut measure_numbers: BTreeMap<u16, Vec<u16>> = BTreeMap::new();
    for measure in measures {
        measure_numbers
            .entry(measure.action_line)
            .or_default()
            .push(measure.number);
    }
    for (line, numbers) in &measure_numbers {
        // Located at the first measure after the gap.
        for missing in missing_numbers(numbers) {
            let diagnostic = Diagnostic::info(
                Code::DeliverablesNumberingGap,
                format!(
                    "action line {} has no measure {}",
                    builtin::code(&[*line]),
                    builtin::code(&[*line, missing])
                ),
            );
            let after = measures
                .iter()
                .filter(|m| m.action_line == *line && m.number > missing)
                .find_map(|m| Some(Location::new(m.page?, m.line?)))
                .or_else(|| {
                    deliverables
                        .iter()
                        .find(|d| d.action_line == *line && d.measure > missing)
                        .map(|d| Location::new(d.page, d.line))
                });
            diagnostics.push(match after {
                Some(at) => diagnostic.at(at),
                None => diagnostic,
            });
        }
    }
    let mut deliverable_numbers: BTreeMap<&str, (Vec<u16>, Location)> = BTreeMap::new();
    for deliverable in deliverables {
        deliverable_numbers
            .entry(deliverable.measure_code.as_str())
            .or_insert_with(|| {
                (
                    Vec::new(),
                    Location::new(deliverable.page, deliverable.line),
                )
            })
            .0
            .push(deliverable.number);
    }
    for (measure, (numbers, location)) in &deliverable_numbers {
        for missing in missing_numbers(numbers) {
            diagnostics.push(
                Diagnostic::info(
                    Code::DeliverablesNumberingGap,
                    format!(
                        "measure {measure} has no deliverable {measure}{}{missing}",
                        builtin::LETTERS[2]
                    ),
                )
                .at(*location),
            );
        }
    }
    diagnostics
}

fn missing_numbers(numbers: &[u16]) -> Vec<u16> {
    let max = numbers.iter().copied().max().unwrap_or(0);
    (1..max).filter(|n| !numbers.contains(n)).collect()
}

/// Line `index` as cells ([`Text::cells`]: a table row's cells, a line
/// outside tables as one cell); markup removed, empty cells dropped.
fn cells(text: &Text, index: usize, legend: &Legend) -> Vec<String> {
    match text.row(index) {
        Some(row) => row_texts(row, legend)
            .into_iter()
            .map(|(_, cell)| cell)
            .collect(),
        None => text
            .cells(index)
            .into_iter()
            .map(markup::plain)
            .map(|cell| {
                let cell = cell.trim();
                status_label_value(cell, legend).unwrap_or(cell).to_owned()
            })
            .filter(|cell| !cell.is_empty())
            .collect(),
    }
}

/// The value of a cell that labels a row's status (`Status: ✓`, `Estado:
/// en curso`, `Statut :` with its mark in the next cell): a card or a
/// key-value line names the field it gives, and the label belongs to
/// neither the title nor the mark. `Some("")` for the label alone; `None`
/// when the cell is no such label, or its value is neither a mark nor a
/// status word (`Status: see the annex` stays text).
fn status_label_value<'a>(cell: &'a str, legend: &Legend) -> Option<&'a str> {
    let (label, value) = cell.split_once(':')?;
    let label = label.trim().to_lowercase();
    if !STATUS_HEADINGS.contains(&label.as_str()) {
        return None;
    }
    let value = value.trim();
    let is_status = value.is_empty()
        || (is_mark_cell(value) && is_mark_token(value, legend))
        || legend::status_word(value).is_some();
    is_status.then_some(value)
}

/// The plain text of each filled cell of a table row, with its column, the
/// row's stray lines ([`stray_lines`]) left out, a mark set apart on the
/// right of a cell's text moved to the cell's end ([`mark_set_apart`]), and
/// a status label before its value dropped ([`status_label_value`]).
fn row_texts(row: &PageRow, legend: &Legend) -> Vec<(usize, String)> {
    let stray = stray_lines(row, legend);
    row.cells
        .iter()
        .map(|cell| {
            let dropped = stray
                .iter()
                .filter(|line| cell.words().iter().any(|word| line.holds(word)))
                .count();
            let lines = cell.lines();
            let kept = lines
                .get(..lines.len().saturating_sub(dropped))
                .unwrap_or_default();
            let text = match mark_set_apart(cell, kept, legend) {
                Some(at) => {
                    let mut lines: Vec<&str> = kept.to_vec();
                    let line = lines.get(at).copied().unwrap_or_default().trim();
                    let (rest, mark) = line.rsplit_once(' ').unwrap_or(("", line));
                    match lines.get_mut(at) {
                        Some(slot) if !rest.trim().is_empty() => *slot = rest.trim_end(),
                        _ => {
                            lines.remove(at);
                        }
                    }
                    format!("{} {mark}", page::join_cell(&lines))
                }
                None if dropped > 0 => page::join_cell(kept),
                None => cell.text().to_owned(),
            };
            let text = markup::plain(&text).trim().to_owned();
            let text = match status_label_value(&text, legend) {
                Some(value) => value.to_owned(),
                None => text,
            };
            (cell.column, text)
        })
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// The index among `lines` (a cell's lines) of a mark drawn to the right of
/// all the cell's other words, on a line of its own or at the end of a
/// title line it shares a baseline with: a mark column whose gutter the
/// layout could not see (a mark vertically centred between a wrapped
/// title's lines, where a title line of another row runs under it), so the
/// column's marks were read as lines or words of the title cell. Its place
/// in reading order is the end of the row, after the title; a mark drawn
/// where title lines run, or one word space after the word before it on
/// its line (`o` ending `política o`), is the title's. `None` when no
/// line, or more than one, ends with such a mark.
fn mark_set_apart(cell: &page::Cell, lines: &[&str], legend: &Legend) -> Option<usize> {
    if lines.len() < 2 {
        return None;
    }
    let last_token = |line: &str| {
        line.split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    let marks: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| (index, last_token(line)))
        .filter(|(_, token)| is_mark_cell(token) && is_mark_token(token, legend))
        .collect();
    let set_apart: Vec<usize> = marks
        .iter()
        .filter(|(index, mark)| {
            let (drawn, others): (Vec<WordRef>, Vec<WordRef>) = cell
                .words()
                .iter()
                .partition(|word| word.text == mark.as_str());
            let [drawn] = drawn.as_slice() else {
                return false;
            };
            let size = drawn.size.max(1.0);
            let text_ends = others
                .iter()
                .filter(|word| word.text.chars().any(char::is_alphanumeric))
                .map(|word| word.bbox.x1)
                .fold(f32::NEG_INFINITY, f32::max);
            // Beside title words on its line, a mark stands a cell gap
            // past them, not a word space (`política o`).
            let alone = lines
                .get(*index)
                .is_some_and(|line| line.trim() == mark.as_str());
            let middle = |word: &WordRef| (word.bbox.y0 + word.bbox.y1) / 2.0;
            let line_ends = others
                .iter()
                .filter(|word| (middle(word) - middle(drawn)).abs() <= size / 2.0)
                .filter(|word| word.bbox.x1 <= drawn.bbox.x0)
                .map(|word| word.bbox.x1)
                .fold(f32::NEG_INFINITY, f32::max);
            let apart_on_line = alone || drawn.bbox.x0 - line_ends >= SHARED_MARK_GUTTER * size;
            text_ends.is_finite()
                && drawn.bbox.x0 - text_ends >= MARK_GUTTER * size
                && apart_on_line
        })
        .map(|(index, _)| *index)
        .collect();
    match set_apart.as_slice() {
        [at] => Some(*at),
        _ => None,
    }
}

/// A line drawn across a PDF table row: the band of its words' middles.
struct DrawnLine {
    top: f32,
    bottom: f32,
}

impl DrawnLine {
    fn holds(&self, word: WordRef) -> bool {
        let middle = (word.bbox.y0 + word.bbox.y1) / 2.0;
        (self.top..=self.bottom).contains(&middle)
    }
}

/// The lines at the bottom of a PDF table row that are table debris, as
/// [`is_debris`] tells a text line (`.` under the title, `i` in the mark
/// column): a codeless row of punctuation below a deliverable, which the
/// layout joins to the row above because a row's band runs to the next code.
/// A line that holds a word of two letters or digits, or a mark token, ends
/// them: a mark set at a row's bottom stays the row's.
fn stray_lines(row: &PageRow, legend: &Legend) -> Vec<DrawnLine> {
    let mut words: Vec<(usize, WordRef)> = row
        .cells
        .iter()
        .flat_map(|cell| cell.words().iter().map(move |word| (cell.column, word)))
        .collect();
    let middle = |word: WordRef| (word.bbox.y0 + word.bbox.y1) / 2.0;
    words.sort_by(|a, b| middle(a.1).total_cmp(&middle(b.1)));
    let mut lines: Vec<(DrawnLine, Vec<(usize, WordRef)>)> = Vec::new();
    for (column, word) in words {
        let tolerance = (word.bbox.y1 - word.bbox.y0).max(word.size) / 2.0;
        match lines.last_mut() {
            Some((line, members)) if middle(word) - line.top <= tolerance => {
                line.bottom = middle(word);
                members.push((column, word));
            }
            _ => lines.push((
                DrawnLine {
                    top: middle(word),
                    bottom: middle(word),
                },
                vec![(column, word)],
            )),
        }
    }
    if lines.len() < 2 {
        return Vec::new();
    }
    // Debris is a row of its own across the columns (`.` | `i`), or holds
    // bare punctuation (`. . . i`): a lone short word in one column (`y`,
    // `a`) may end a wrapped title.
    let debris = |members: &[(usize, WordRef)]| {
        let texts: Vec<String> = members
            .iter()
            .map(|(_, word)| word.text.to_owned())
            .collect();
        let columns: HashSet<usize> = members.iter().map(|(column, _)| *column).collect();
        let bare = texts
            .iter()
            .any(|text| !text.chars().any(char::is_alphanumeric));
        is_debris(&texts, legend)
            && !texts.iter().any(|text| is_mark_token(text, legend))
            && (columns.len() >= 2 || bare)
    };
    let mut stray: Vec<DrawnLine> = Vec::new();
    while let Some((line, members)) = lines.pop() {
        if lines.is_empty() || !debris(&members) {
            break;
        }
        stray.push(line);
    }
    stray
}

/// Line `index` as [`cells`], with a table's code, title and mark columns
/// put in reading order ([`TableRoles`]): a title column left of the codes
/// or a mark column between code and title is read as if drawn
/// `code | title | mark`. Other columns keep their places around them.
fn ordered_cells(
    text: &Text,
    index: usize,
    roles: Option<TableRoles>,
    legend: &Legend,
) -> Vec<String> {
    let (Some(row), Some(table), Some(roles)) = (text.row(index), text.table_of(index), roles)
    else {
        return cells(text, index, legend);
    };
    let texts = row_texts(row, legend);
    let text_of = |column: usize| {
        texts
            .iter()
            .find(|(at, _)| *at == column)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    let code_cell = text_of(roles.code);
    let (code, mark_beside) =
        code_and_mark(&code_cell, legend).unwrap_or((code_cell.clone(), String::new()));
    let mut title = text_of(roles.title);
    let mut mark = roles.mark.map(text_of).unwrap_or(mark_beside);
    if let Some(lead) = mark_over_note(&mark, legend) {
        mark = lead.to_owned();
    }
    if roles.lead_marks {
        if let Some((lead, rest)) = leading_mark(&title, legend) {
            (mark, title) = (lead.to_owned(), rest.to_owned());
        }
    }
    let measure = row
        .cells
        .iter()
        .find(|cell| cell.column == roles.title)
        .and_then(|cell| measure_over_title(cell, &title));
    if let Some((_, rest)) = &measure {
        title = rest.clone();
    }
    let before = (0..roles.code).filter(|&column| !roles.holds(column));
    let after = (roles.code + 1..table.columns).filter(|&column| !roles.holds(column));
    before
        .map(text_of)
        .chain(measure.map(|(measure, _)| measure))
        .chain([code, title, mark])
        .chain(after.map(text_of))
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// A measure's heading printed over a deliverable's title in the title's
/// cell (`L1M1 Que la red siga … posiciones.` over `Agenda anual …`): the
/// cell's lines from the one opening on the measure's code through the
/// first that ends its sentence, and the title after them. `title` is the
/// cell's text as the row reads it. `None` when the cell opens on no
/// measure code, or no title line follows the heading's sentence.
fn measure_over_title(cell: &page::Cell, title: &str) -> Option<(String, String)> {
    measure_at_start(title)?;
    let lines = cell.lines();
    let last = lines
        .iter()
        .position(|line| markup::plain(line).trim_end().ends_with(['.', ':']))?;
    if last + 1 >= lines.len() {
        return None;
    }
    let heading = markup::plain(&page::join_cell(lines.get(..=last)?))
        .trim()
        .to_owned();
    let rest = title.strip_prefix(heading.as_str())?.trim();
    (!rest.is_empty()).then(|| (heading, rest.to_owned()))
}

/// Whether the row of line `index` holds text only in columns left of the
/// column where its table's deliverable codes open their cells (besides a
/// mark): a
/// measure's cell going on beside no title, as in a row a page break cut.
/// The column of each table where its codes open their cells is read once,
/// into `code_columns` (by the table's first row's line): a long table is
/// not read again for each of its lines.
fn in_measure_column(
    text: &Text,
    index: usize,
    legend: &Legend,
    code_columns: &mut HashMap<usize, Option<usize>>,
) -> bool {
    let (Some(row), Some(table)) = (text.row(index), text.table_of(index)) else {
        return false;
    };
    let Some(first) = table.rows.first().map(|row| row.line) else {
        return false;
    };
    let column = *code_columns
        .entry(first)
        .or_insert_with(|| code_column(table, legend));
    let Some(code) = column else {
        return false;
    };
    let others: Vec<usize> = row_texts(row, legend)
        .into_iter()
        .filter(|(_, cell)| !(is_mark_cell(cell) && is_mark_token(cell, legend)))
        .map(|(column, _)| column)
        .collect();
    !others.is_empty() && others.iter().all(|&column| column < code)
}

/// The leftmost of the columns of `table` where most of its deliverable
/// codes open their cells, if any does.
fn code_column(table: &Table, legend: &Legend) -> Option<usize> {
    let mut code_counts = vec![0usize; table.columns];
    for (column, cell) in table.rows.iter().flat_map(|row| row_texts(row, legend)) {
        if deliverable_at_start(&cell).is_some() {
            if let Some(count) = code_counts.get_mut(column) {
                *count += 1;
            }
        }
    }
    let most = code_counts.iter().copied().max().filter(|&most| most > 0)?;
    code_counts.iter().position(|&count| count == most)
}

/// The columns of a table that hold a deliverable's code, its title and its
/// mark, found from the rows that start with a code: the code column holds
/// most codes, each alone or followed by a mark (a mark column too close to
/// the codes for a gutter of its own); the mark column, unless the marks
/// stand beside the codes, holds marks the legend knows; the title column is
/// the one other column filled in most of those rows that never starts with
/// a code. `None` when any of them is missing or not unique: the row is then
/// read cell by cell, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TableRoles {
    code: usize,
    title: usize,
    /// `None` when the marks stand beside the codes, or open the titles, in
    /// their cells.
    mark: Option<usize>,
    /// The marks open the titles' cells (`V Calendario anual`).
    lead_marks: bool,
}

impl TableRoles {
    fn of(table: &Table, legend: &Legend) -> Option<Self> {
        let rows: Vec<Vec<(usize, String)>> = table
            .rows
            .iter()
            .map(|row| row_texts(row, legend))
            .collect();
        let is_mark = |text: &str| {
            is_mark_cell(text) && is_mark_token(text, legend)
                || legend::status_word(text).is_some()
                || mark_over_note(text, legend).is_some()
        };
        // The code alone (`Some(false)`) or with a mark beside it (`Some(true)`).
        let code_cell = |text: &str| code_and_mark(text, legend).map(|(_, mark)| !mark.is_empty());
        let mut code_counts = vec![0usize; table.columns];
        for (column, text) in rows.iter().flatten() {
            if code_cell(text).is_some() {
                if let Some(count) = code_counts.get_mut(*column) {
                    *count += 1;
                }
            }
        }
        let most = code_counts.iter().copied().max().filter(|&most| most > 0)?;
        let code = code_counts.iter().position(|&count| count == most)?;
        let coded: Vec<&Vec<(usize, String)>> = rows
            .iter()
            .filter(|row| {
                row.iter()
                    .any(|(column, text)| *column == code && starts_with_code(text))
            })
            .collect();
        let code_cells: Vec<Option<bool>> = coded
            .iter()
            .flat_map(|row| row.iter().filter(|(column, _)| *column == code))
            .map(|(_, text)| code_cell(text))
            .collect();
        if code_cells.iter().any(Option::is_none) {
            return None;
        }
        let marks_beside = code_cells
            .iter()
            .filter(|beside| **beside == Some(true))
            .count();
        let filled = |column: usize| {
            coded.iter().filter_map(move |row| {
                row.iter()
                    .find(|(c, _)| *c == column)
                    .map(|(_, t)| t.as_str())
            })
        };
        let marks: Vec<usize> = (0..table.columns)
            .filter(|&column| column != code)
            .filter(|&column| {
                let cells: Vec<&str> = filled(column).collect();
                !cells.is_empty() && cells.iter().all(|text| is_mark(text))
            })
            .collect();
        let mark = match (marks.as_slice(), marks_beside) {
            ([mark], 0) => Some(*mark),
            ([], beside) if beside == code_cells.len() => None,
            ([], 0) => None,
            _ => return None,
        };
        let lead_marks = mark.is_none() && marks_beside == 0;
        let starts_any_code = |column: usize| {
            rows.iter()
                .flatten()
                .any(|(c, text)| *c == column && starts_with_code(text))
        };
        // A measure's heading may open the title cell of its first
        // deliverable (a table whose codes stand right of the titles prints
        // the measure over the first title, in the same cell): a column
        // where such cells are the fewer is still the titles'.
        let measure_led = |column: usize| {
            let cells: Vec<&str> = filled(column).collect();
            let led = cells
                .iter()
                .filter(|text| measure_at_start(text).is_some())
                .count();
            2 * led < cells.len()
                && !rows
                    .iter()
                    .flatten()
                    .any(|(c, text)| *c == column && deliverable_at_start(text).is_some())
        };
        let titles: Vec<usize> = (0..table.columns)
            .filter(|&column| column != code && Some(column) != mark)
            .filter(|&column| {
                2 * filled(column).count() >= coded.len()
                    && (!starts_any_code(column) || measure_led(column))
            })
            .collect();
        let [title] = titles.as_slice() else {
            return None;
        };
        // No mark column: the marks may open the titles' cells, a mark column
        // too close to the titles for a gutter of its own.
        if lead_marks && !filled(*title).all(|text| leading_mark(text, legend).is_some()) {
            return None;
        }
        Some(Self {
            code,
            title: *title,
            mark,
            lead_marks,
        })
    }

    fn holds(&self, column: usize) -> bool {
        column == self.code || column == self.title || Some(column) == self.mark
    }
}

/// A cell that holds a deliverable code alone, or with a mark the legend
/// knows just before or after it (`L1M1D1 V`, `V L1M1D1`: a mark column too
/// close to the codes for a gutter of its own): the code and the mark (empty
/// when none).
fn code_and_mark(cell: &str, legend: &Legend) -> Option<(String, String)> {
    let is_mark = |text: &str| is_mark_cell(text) && is_mark_token(text, legend);
    if let Some((_, _, rest)) = deliverable_at_start(cell) {
        let code = cell.get(..cell.len() - rest.len())?.trim();
        return match rest {
            "" => Some((code.to_owned(), String::new())),
            _ if is_mark(rest) => Some((code.to_owned(), rest.to_owned())),
            _ => None,
        };
    }
    let (mark, code) = cell.split_once(' ')?;
    let (_, _, rest) = deliverable_at_start(code)?;
    (is_mark(mark) && rest.is_empty()).then(|| (code.trim().to_owned(), mark.to_owned()))
}

/// A mark the legend knows at the start of a cell, and the rest of the cell
/// (`V Calendario anual` → `V`, `Calendario anual`).
fn leading_mark<'a>(cell: &'a str, legend: &Legend) -> Option<(&'a str, &'a str)> {
    let (mark, rest) = cell.split_once(' ')?;
    (is_mark_cell(mark) && is_mark_token(mark, legend) && !rest.trim().is_empty())
        .then(|| (mark, rest.trim()))
}

/// The mark opening a status cell that goes on with a short note of its
/// own, a date or a reference (`✓ 03/2021`, `V (p. 12)`): at most two
/// words, one with a digit; or that spells out the mark's own status
/// ([`names_status_of`]: `V alcanzado`, `● Achieved`). Any other rest is a
/// title opened by a mark ([`leading_mark`]), never a note.
fn mark_over_note<'a>(cell: &'a str, legend: &Legend) -> Option<&'a str> {
    let (mark, rest) = leading_mark(cell, legend)?;
    let words = rest.split_whitespace().count();
    let note = words <= 2
        && rest.chars().any(|c| c.is_ascii_digit())
        && deliverable_at_start(rest).is_none();
    (note || names_status_of(mark, rest, legend)).then_some(mark)
}

/// Whether `rest` names the status `mark` stands for: the legend's label of
/// that status (`alcanzado` after `V`, or after its variant `٧`), or a
/// status phrase of the lexicon for it. A word naming another status is no
/// repetition of the mark: the cell is then no mark over a note, and the
/// row's status stays unknown rather than picked from either.
fn names_status_of(mark: &str, rest: &str, legend: &Legend) -> bool {
    let Some(status) = legend::meaning(legend, mark).status() else {
        return false;
    };
    let folded = |text: &str| crate::lexicon::fold(text.trim()).to_lowercase();
    let wanted = folded(rest);
    let labelled = legend.entries.iter().any(|entry| {
        entry.status == status
            && entry
                .label
                .as_deref()
                .is_some_and(|label| folded(label) == wanted)
    });
    labelled || legend::status_word(rest) == Some(status)
}

/// Splits a mark the legend knows off the start of a cell whose rest starts
/// with a deliverable code (`0 L1M1D1 Calendario`): a mark column left of
/// the codes, too close to them for a gutter of its own.
fn split_leading_marks(cells: Vec<String>, legend: &Legend) -> Vec<String> {
    let mut out = Vec::with_capacity(cells.len());
    for cell in cells {
        let split = cell.split_once(' ').filter(|(mark, rest)| {
            is_mark_cell(mark)
                && is_mark_token(mark, legend)
                && deliverable_at_start(rest).is_some()
        });
        match split {
            Some((mark, rest)) => {
                out.push(mark.to_owned());
                out.push(rest.trim().to_owned());
            }
            None => out.push(cell),
        }
    }
    out
}

/// Most characters of one part of a code a table splits over cells of its
/// own (`L12`, `M3`, `D10`).
const SPLIT_CODE_PART: usize = 4;

/// A row whose code is split over consecutive cells, one per level (`L1` |
/// `M2` | `D3`: a column for the line, the measure and the deliverable
/// number), with the code's cells joined into one (`L1M2D3`). Only parts
/// that are short single words and together make a whole deliverable code,
/// the last one alone or opening the title's cell; a cell that opens with a
/// code already is left alone.
fn join_split_code(cells: Vec<String>) -> Vec<String> {
    let part = |cell: &String| {
        let cell = cell.trim();
        !cell.is_empty()
            && cell.chars().count() <= SPLIT_CODE_PART
            && !cell.contains(char::is_whitespace)
    };
    let joined_at = |at: usize, width: usize| {
        let parts = cells.get(at..at + width)?;
        if !parts.iter().all(part) || parts.first().is_some_and(|first| starts_with_code(first)) {
            return None;
        }
        let code: String = parts.iter().map(|cell| cell.trim()).collect();
        matches!(deliverable_at_start(&code), Some((_, _, ""))).then_some(code)
    };
    // The last level glued to the title's cell (`L1` | `M1` | `D1 Flood
    // map`, where the layout drew the number's column into the title's):
    // the code, and the title without its first word.
    let glued_at = |at: usize, width: usize| {
        let parts = cells.get(at..at + width)?;
        if !parts.iter().all(part) || parts.first().is_some_and(|first| starts_with_code(first)) {
            return None;
        }
        let (last, title) = cells
            .get(at + width)?
            .trim()
            .split_once(char::is_whitespace)?;
        let code: String = parts
            .iter()
            .map(|cell| cell.trim())
            .chain(std::iter::once(last))
            .collect();
        (last.chars().count() <= SPLIT_CODE_PART
            && matches!(deliverable_at_start(&code), Some((_, _, ""))))
        .then(|| (code, title.trim().to_owned()))
    };
    let mut out = Vec::with_capacity(cells.len());
    let mut at = 0;
    while let Some(cell) = cells.get(at) {
        if let Some((code, width)) = [3, 2]
            .into_iter()
            .find_map(|width| joined_at(at, width).map(|code| (code, width)))
        {
            out.push(code);
            at += width;
        } else if let Some(((code, title), width)) = [2, 1]
            .into_iter()
            .find_map(|width| glued_at(at, width).map(|read| (read, width)))
        {
            out.push(code);
            out.push(title);
            at += width + 1;
        } else {
            out.push(cell.clone());
            at += 1;
        }
    }
    out
}

/// A table row whose title cites its own code at its end, in parentheses
/// (`Observatorio del consumo (L1M1D1)` | `●`), read as the row its code
/// opens: the code first, the title without it, the other cells after. Only
/// a row of several cells with no cell opening on a code, and only the
/// first cell: a code cited at the end of prose or of a later cell stays a
/// reference.
fn lift_cited_code(cells: Vec<String>) -> Vec<String> {
    if cells.len() < 2 || cells.iter().any(|cell| starts_with_code(cell)) {
        return cells;
    }
    let lifted = cells.first().and_then(|first| {
        let inner = first.trim_end().strip_suffix(')')?;
        let (title, code) = inner.rsplit_once('(')?;
        let (_, _, rest) = deliverable_at_start(code.trim())?;
        let title = title.trim_end();
        (rest.trim().is_empty() && !title.is_empty())
            .then(|| (code.trim().to_owned(), title.to_owned()))
    });
    match lifted {
        Some((code, title)) => [code, title]
            .into_iter()
            .chain(cells.into_iter().skip(1))
            .collect(),
        None => cells,
    }
}

/// Splits a measure cell that runs on into its first deliverable
/// (`L1M1 Que… focalizada. L1M1D1 Calendario…`) at that deliverable's code.
fn split_measure_cells(cells: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(cells.len());
    for cell in cells {
        let measure = measure_at_start(&cell).map(|(line, number, _)| (line, number));
        let split = measure.and_then(|(line, number)| {
            DELIVERABLE_IN_MEASURE
                .captures_iter(&cell)
                .find_map(|caps| {
                    let code_match = caps.name("code")?;
                    let (code, _, _) = deliverable_at_start(code_match.as_str())?;
                    (code.action_line == line && code.measure == number)
                        .then_some(code_match.start())
                })
        });
        match split.and_then(|at| Some((cell.get(..at)?, cell.get(at..)?))) {
            Some((measure_part, deliverable_part)) => {
                out.push(measure_part.trim().to_owned());
                out.push(deliverable_part.trim().to_owned());
            }
            None => out.push(cell),
        }
    }
    out
}

fn strip_bullet(cell: &str) -> &str {
    let trimmed = cell.trim_start();
    match trimmed.strip_prefix(BULLETS) {
        Some(rest) if rest.starts_with(' ') => rest.trim_start(),
        _ => trimmed,
    }
}

fn code_from(caps: &regex::Captures<'_>) -> Option<DeliverableCode> {
    let number = |name: &str| caps.name(name)?.as_str().parse::<u16>().ok();
    Some(DeliverableCode {
        action_line: number("l")?,
        measure: number("m")?,
        number: number("d")?,
    })
}

/// The code at the start of a cell, whether it was damaged (`Some(raw)`), and the rest.
fn deliverable_at_start(cell: &str) -> Option<(DeliverableCode, Option<String>, &str)> {
    let cell = strip_bullet(cell);
    let caps = DELIVERABLE_AT_START.captures(cell)?;
    let code = code_from(&caps)?;
    let end = caps.name("end").map_or(cell.len(), |end| end.start());
    let raw = cell.get(..end)?;
    let repaired = (raw != code.to_string()).then(|| raw.to_owned());
    Some((code, repaired, after_code(cell.get(end..)?)))
}

/// The rest of a cell after its code, without the footnote calls glued to
/// the code (`L1M2D3¹ Title`): they refer to a note, not to the title.
fn after_code(rest: &str) -> &str {
    rest.trim_start_matches(NOTE_SIGNS).trim()
}

/// The measure code at the start of a cell (not a deliverable code) and the rest.
fn measure_at_start(cell: &str) -> Option<(u16, u16, &str)> {
    let cell = strip_bullet(cell);
    if DELIVERABLE_AT_START.is_match(cell) {
        return None;
    }
    let caps = MEASURE_AT_START.captures(cell)?;
    let line = caps.name("l")?.as_str().parse().ok()?;
    let number = caps.name("m")?.as_str().parse().ok()?;
    let end = caps.name("end").map_or(cell.len(), |end| end.start());
    Some((line, number, after_code(cell.get(end..)?)))
}

fn starts_with_code(cell: &str) -> bool {
    deliverable_at_start(cell).is_some() || measure_at_start(cell).is_some()
}

/// A cell of table punctuation only (`-`, `—`, `…`): what fills an empty cell.
fn is_filler(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty() && cell.chars().all(|c| NOT_MARKS.contains(&c))
}

/// A cell that holds only a mark, known or not: at most two characters, no
/// space, and not table punctuation.
fn is_mark_cell(cell: &str) -> bool {
    let count = cell.chars().count();
    (1..=2).contains(&count)
        && !cell.chars().any(char::is_whitespace)
        && !cell.chars().all(|c| NOT_MARKS.contains(&c))
}

/// A token that may stand for a mark at the end of a title or alone on a
/// line: a mark the legend or the conventional table knows, or a single
/// symbol that is neither a letter, a digit nor table punctuation (`*`).
fn is_mark_token(token: &str, legend: &Legend) -> bool {
    let mut chars = token.chars();
    let single_symbol = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_alphanumeric() && !NOT_MARKS.contains(&c));
    single_symbol || legend::meaning(legend, token) != MarkMeaning::Unknown
}

/// Takes a mark glued at the end of the last title part (`… internacionales
/// v`), dropping a page number glued after it (`… internacionales v 12`).
fn take_glued_mark(parts: &mut [String], legend: &Legend) -> Option<String> {
    let last = parts.last_mut()?;
    if let Some((rest, mark)) = mark_after_leader(last, legend) {
        let mark = mark.to_owned();
        *last = rest.trim_end().to_owned();
        return Some(mark);
    }
    let (mut rest, mut token) = last.rsplit_once(' ')?;
    if is_page_number_token(token) && !is_mark_token(token, legend) {
        (rest, token) = rest.rsplit_once(' ')?;
    }
    if rest.trim().is_empty() || !is_mark_token(token, legend) || closes_an_opening(rest, token) {
        return None;
    }
    let mark = token.to_owned();
    *last = rest.trim_end().to_owned();
    Some(mark)
}

/// A mark glued to the dot leaders that end a title (`… región..×`, `…
/// metrópolis. .٧`): the title before the dots and the mark. The leader is
/// two dots or more, or one that stands apart from the title's last word:
/// one dot glued to a word before a letter is an abbreviation (`etc.V`).
fn mark_after_leader<'a>(text: &'a str, legend: &Legend) -> Option<(&'a str, &'a str)> {
    let token_start = text.rfind(' ').map_or(0, |space| space + 1);
    let token = text.get(token_start..)?;
    let (dot_at, dot) = token
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '·' | '…' | '․'))?;
    let mark_at = dot_at + dot.len_utf8();
    let mark = token.get(mark_at..)?;
    let head = token.get(..mark_at)?;
    let word = head.trim_end_matches(['.', '·', '…', '․']);
    let dots = head.get(word.len()..)?.chars().count();
    let leader = dots >= 2 || head.contains('…') || word.is_empty();
    let rest = text.get(..token_start + word.len())?;
    (leader
        && !mark.is_empty()
        && is_mark_cell(mark)
        && is_mark_token(mark, legend)
        && !rest.trim().is_empty())
    .then_some((rest, mark))
}

/// Gives each mark drawn between two codes of one line (see
/// [`Row::contested`]) to the row the document's other marks point to: the
/// first code's when every other mark read stands after a title, the second
/// code's when every other stands before a code (a mark column left of the
/// codes); with marks on both sides, or none elsewhere, to neither. A row
/// that keeps the mark is settled; a row without it keeps
/// [`Row::contested`] for its diagnostic.
fn settle_contested_marks(rows: &mut [Row]) {
    let settled = |row: &&Row| row.contested.is_none() && row.mark.is_some();
    let before = rows
        .iter()
        .filter(settled)
        .filter(|row| row.mark_left)
        .count();
    let after = rows.iter().filter(settled).count() - before;
    for row in rows.iter_mut() {
        let Some(contest) = row.contested.as_mut() else {
            continue;
        };
        let side = match (before, after) {
            (0, 1..) => Some(true),
            (1.., 0) => Some(false),
            _ => None,
        };
        if side == Some(contest.follows_title) {
            row.mark = Some(contest.mark.clone());
            row.contested = None;
        } else {
            row.mark = None;
            contest.to_other = side.is_some();
        }
    }
}

/// Splits rows whose title holds the code of a deliverable that has no row
/// of its own (`L3M1D2 Internal procedures manual L3M2D1 Five annual…`):
/// two rows fused by the layout. Each keeps its part of the title. When the
/// page model shows where the codes and marks are drawn, each mark goes to
/// the code whose band it lies in ([`marks_by_band`]); otherwise the mark
/// cannot be told to belong to either, so both lose it to a diagnostic.
fn split_fused_rows(text: &Text, rows: &mut Vec<Row>) {
    let mut known: Vec<DeliverableCode> = rows.iter().map(|row| row.code).collect();
    // Marks given by geometry to every code of a fused row, once for the row.
    let mut banded: BTreeMap<DeliverableCode, Option<String>> = BTreeMap::new();
    let mut at = 0;
    while let Some(row) = rows.get_mut(at) {
        at += 1;
        let joined = row.title.join(" ");
        let unknown: Vec<(DeliverableCode, usize, usize)> = DELIVERABLE_ANYWHERE
            .captures_iter(&joined)
            .filter_map(|caps| {
                let code = code_from(&caps)?;
                let whole = caps.get(0)?;
                (!known.contains(&code)).then(|| (code, whole.start(), whole.end()))
            })
            .collect();
        let Some(&(code, start, end)) = unknown.first() else {
            continue;
        };
        let (Some(before), Some(after)) = (joined.get(..start), joined.get(end..)) else {
            continue;
        };
        let mark = row.mark.take();
        if !banded.contains_key(&row.code) {
            let marks: Vec<String> = match &mark {
                Some(mark) => vec![mark.clone()],
                None => row.candidates.clone(),
            };
            let chain: Vec<DeliverableCode> = std::iter::once(row.code)
                .chain(unknown.iter().map(|(code, _, _)| *code))
                .collect();
            if let Some(per_code) = marks_by_band(text, row.index, &chain, &marks) {
                banded.extend(chain.into_iter().zip(per_code));
            }
        }
        row.title = vec![before.trim().to_owned()];
        row.glued = false;
        let mut split = Row {
            code,
            repaired: None,
            title: vec![after.trim().to_owned()],
            mark: None,
            glued: false,
            candidates: mark.iter().cloned().collect(),
            shared_with: Some(row.code),
            title_above: false,
            mark_left: false,
            contested: None,
            index: row.index,
            location: row.location,
        };
        match (banded.get(&row.code), banded.get(&code)) {
            (Some(upper), Some(lower)) => {
                row.mark = upper.clone();
                row.candidates = Vec::new();
                row.shared_with = None;
                split.mark = lower.clone();
                split.candidates = Vec::new();
                split.shared_with = None;
            }
            _ => {
                row.shared_with = Some(code);
                row.candidates = mark.into_iter().collect();
            }
        }
        known.push(code);
        rows.insert(at, split);
    }
}

/// The marks of the table row at line `line` given to the fused rows of
/// `codes` (top to bottom) by where they are drawn: each code's band runs
/// from the top of its code's line to the next code's, and a mark belongs to
/// the band its middle lies in, whether printed beside the first, a middle
/// or the last line of its title. `marks` are the row's marks as read, which
/// must be the words of one cell. `None` when the row has no geometry, a
/// code is not drawn as a word of its own, the codes are not drawn top to
/// bottom, or two marks fall in one band; otherwise a mark or `None` per
/// code (a code whose band holds no mark).
fn marks_by_band(
    text: &Text,
    line: usize,
    codes: &[DeliverableCode],
    marks: &[String],
) -> Option<Vec<Option<String>>> {
    let row = text.row(line)?;
    let words = || row.cells.iter().flat_map(|cell| cell.words());
    let code_top = |code: &DeliverableCode| {
        let code = code.to_string();
        words()
            .find(|word| {
                word.text.starts_with(&code)
                    && !word
                        .text
                        .get(code.len()..)
                        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
            .map(|word| word.bbox.y0)
    };
    let tops: Vec<f32> = codes.iter().map(code_top).collect::<Option<_>>()?;
    let downwards = tops.windows(2).all(|pair| match pair {
        [above, below] => above < below,
        _ => true,
    });
    if codes.len() < 2 || !downwards || marks.is_empty() {
        return None;
    }
    let cell = row.cells.iter().find(|cell| {
        cell.words().len() == marks.len()
            && cell
                .words()
                .iter()
                .zip(marks)
                .all(|(word, mark)| word.text == *mark)
    })?;
    let mut per_code: Vec<Option<String>> = vec![None; codes.len()];
    for word in cell.words() {
        let middle = (word.bbox.y0 + word.bbox.y1) / 2.0;
        let band = tops.iter().skip(1).filter(|&&top| top <= middle).count();
        if per_code
            .get_mut(band)?
            .replace(word.text.to_owned())
            .is_some()
        {
            return None;
        }
    }
    Some(per_code)
}

/// The marks of a cell that holds nothing but two or more marks (`✗ ✓`):
/// rows fused into one, whose marks cannot be told apart.
fn several_marks(cell: &str, legend: &Legend) -> Option<Vec<String>> {
    let tokens: Vec<String> = cell.split_whitespace().map(str::to_owned).collect();
    (tokens.len() >= 2
        && tokens
            .iter()
            .all(|token| is_mark_token(token, legend) && is_mark_cell(token)))
    .then_some(tokens)
}

/// Whether `token` is a closing quote or bracket whose opening one `text`
/// leaves open (`Plateforme « Policy Transfer` then `»`): the end of the
/// title, not a mark after it.
fn closes_an_opening(text: &str, token: &str) -> bool {
    let opening = match token {
        "»" => '«',
        "”" => '“',
        "’" => '‘',
        "›" => '‹',
        ")" => '(',
        "]" => '[',
        "}" => '{',
        "\"" => return text.matches('"').count() % 2 == 1,
        _ => return false,
    };
    let closing = token.chars().next().unwrap_or(opening);
    text.matches(opening).count() > text.matches(closing).count()
}

/// Takes two or more marks glued at the end of the title (`… agendas ✗ ✓`):
/// more than one candidate, so none is the row's.
fn take_trailing_marks(parts: &mut [String], legend: &Legend) -> Vec<String> {
    let Some(last) = parts.last_mut() else {
        return Vec::new();
    };
    let tokens: Vec<&str> = last.split_whitespace().collect();
    let trailing = tokens
        .iter()
        .rev()
        .take_while(|token| {
            is_mark_token(token, legend) && is_mark_cell(token) && !is_page_number_token(token)
        })
        .count();
    if trailing < 2 || trailing == tokens.len() {
        return Vec::new();
    }
    let keep = tokens.len() - trailing;
    let marks: Vec<String> = tokens
        .iter()
        .skip(keep)
        .map(|token| (*token).to_owned())
        .collect();
    *last = tokens.get(..keep).unwrap_or_default().join(" ");
    marks
}

/// The mark in the cell just before `at` when the cell at `at` opens a
/// deliverable: a mark column printed left of the codes.
fn mark_before(cells: &[String], at: usize, legend: &Legend) -> Option<String> {
    let code = cells.get(at)?;
    deliverable_at_start(code)?;
    let before = cells.get(at.checked_sub(1)?)?;
    (is_mark_cell(before) && is_mark_token(before, legend)).then(|| before.clone())
}

/// One to three digits, not all zeros: a page number when it stands alone
/// (pages are numbered from 1, so a lone `0` is a mark or a figure).
fn is_page_number_token(token: &str) -> bool {
    (1..=3).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_digit())
        && token.bytes().any(|b| b != b'0')
}

/// A line that holds only a page number (a PDF page footer between rows).
fn is_page_number(cells: &[String]) -> bool {
    matches!(cells, [only] if is_page_number_token(only))
}

/// A line of table debris (`<u>.</u>`, a tab, `i`): no word of two letters
/// or digits, and not a lone mark.
fn is_debris(cells: &[String], legend: &Legend) -> bool {
    // The legend is asked last, of the few lines without a word.
    cells.iter().all(|cell| {
        !cell
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.chars().count() >= 2)
    }) && !matches!(cells, [only] if is_mark_token(only, legend))
}

/// A line made only of two or more table column headings (`Medidas |
/// Resultados y entregables`, with or without the tab): one heading word
/// alone (`resultados`) may end a wrapped title.
/// A heading between tables (`LINE 2 (L2) Sustainable tourism` right under
/// the last row of the table before): a Markdown heading, or a line of a
/// PDF drawn wholly in bold (the layout writes bold prose as `**…**` and
/// table cells plain), outside any table. It ends the row above, however
/// close it stands.
fn is_heading_outside_tables(text: &Text, index: usize) -> bool {
    if text.table_of(index).is_some() {
        return false;
    }
    if text
        .block_of(index)
        .is_some_and(|block| matches!(block.kind, BlockKind::Heading { .. }))
    {
        return true;
    }
    // The line's paragraph (a bold run may take two lines, `**LINE 2 (L2)
    // Sustainable tourism` + `Stat**`), or the line alone.
    let lines = text
        .block_of(index)
        .map_or(index..index + 1, |block| block.lines.clone());
    let joined = text
        .lines
        .get(lines)
        .unwrap_or_default()
        .iter()
        .map(|line| line.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    joined
        .strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
        .is_some_and(|inner| !inner.trim().is_empty() && !inner.contains("**"))
}

/// [`TABLE_HEADINGS`] without their accents (`código` → `codigo`), made
/// once: a line is compared with them on every line of a document, and
/// headings drawn in a face without accented glyphs, or typed without them,
/// still name their columns.
static PLAIN_TABLE_HEADINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    TABLE_HEADINGS
        .iter()
        .map(|heading| unaccented(heading))
        .collect()
});

/// Whether a line is a table's heading row: every word a table heading
/// (`Código | Resultado | Estado`, two or more headings), or a row of three
/// or more cells most of which are each a heading, the others columns the
/// lexicon does not list (`Código | Resultado | Estado | Responsable`).
fn is_table_heading(cells: &[String]) -> bool {
    let all_words = heading_count(cells.iter().map(String::as_str));
    if all_words.is_some_and(|headings| headings >= 2) {
        return true;
    }
    let filled: Vec<&String> = cells
        .iter()
        .filter(|cell| !cell.trim().is_empty())
        .collect();
    if filled.len() < 3 {
        return false;
    }
    let heading_cells = filled
        .iter()
        .filter(|cell| heading_count(std::iter::once(cell.as_str())).is_some_and(|n| n >= 1))
        .count();
    heading_cells >= 2 && heading_cells * 2 > filled.len()
}

/// How many table headings the words of `cells` are, read in order; `None`
/// when a word is none.
fn heading_count<'a>(cells: impl Iterator<Item = &'a str>) -> Option<usize> {
    // This runs on every line, and most lines open with a word that is no
    // heading: words are lowered and unaccented only as far as they are
    // compared.
    let mut source = cells
        .flat_map(str::split_whitespace)
        .map(|word| {
            // A heading may call a footnote (`Estado¹`, `Status†`): the
            // call is no part of its word.
            unaccented(
                &word
                    .trim_matches(|c: char| !c.is_alphanumeric() || NOTE_SIGNS.contains(&c))
                    .to_lowercase(),
            )
        })
        .filter(|word| !word.is_empty());
    let mut words: Vec<String> = Vec::new();
    let mut read_to = |words: &mut Vec<String>, count: usize| {
        while words.len() < count {
            match source.next() {
                Some(word) => words.push(word),
                None => return false,
            }
        }
        true
    };
    let plain_headings = &*PLAIN_TABLE_HEADINGS;
    let mut at = 0;
    let mut headings = 0;
    while read_to(&mut words, at + 1) {
        let mut longest = None;
        for heading in plain_headings {
            let matches = heading.split(' ').enumerate().all(|(i, part)| {
                read_to(&mut words, at + i + 1)
                    && words.get(at + i).is_some_and(|word| word == part)
            });
            if matches {
                longest = longest.max(Some(heading.split(' ').count()));
            }
        }
        at += longest?;
        headings += 1;
    }
    Some(headings)
}

/// A function word of any supported language (`de`, `of`, `o`, `et`).
fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    FUNCTION_WORDS
        .iter()
        .any(|(_, words)| words.contains(&lower.as_str()))
}

fn ends_sentence(text: Option<&String>) -> bool {
    text.is_none_or(|text| text.trim_end().ends_with(['.', '!', '?']))
}

/// Joins title parts and drops trailing debris (table punctuation, a stray
/// single character left by a broken cell).
fn clean_title(parts: &[String]) -> String {
    // `(2018-` + `2019-2020)`: a part cut after a hyphen before a digit
    // joins without a space. A cell that goes on in the next row (its
    // column's lines taller than the row) was cut like a cell's line:
    // `pre-` + `sión que…` is one word broken at the line end, as
    // [`page::join_cell`] reads it inside one cell; before a capital, a
    // digit or after a digit the hyphen is the text's own.
    let mut joined = String::new();
    for part in parts {
        let glue = joined.ends_with('-') && part.starts_with(|c: char| c.is_ascii_digit());
        let broken_word = joined
            .strip_suffix('-')
            .filter(|stem| stem.chars().next_back().is_some_and(char::is_alphabetic))
            .filter(|_| part.starts_with(char::is_lowercase))
            .map(str::len);
        if let Some(stem) = broken_word {
            joined.truncate(stem);
        } else if !joined.is_empty() && !glue {
            joined.push(' ');
        }
        joined.push_str(part);
    }
    let mut title = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let trimmed = title
            .trim_end_matches(['|', '\\', '·', '–', '—', ' '])
            .to_owned();
        let stray = trimmed
            .rsplit_once(' ')
            .filter(|(_, last)| {
                let debris = last.chars().count() == 1
                    && last
                        .chars()
                        .all(|c| NOT_MARKS.contains(&c) && c != ')' && c != '.');
                // What is left of dot leaders cut short by a title that
                // fills its cell (`región . .`): a sentence's full stop is
                // glued to its word, a leader's dots stand apart.
                let leader = last.chars().all(|c| matches!(c, '.' | '·' | '…' | '․'));
                debris || leader
            })
            .map(|(rest, _)| rest.to_owned());
        match stray {
            Some(rest) => title = rest,
            None if trimmed.len() == title.len() => return title,
            None => title = trimmed,
        }
    }
}

/// Line `index` as a heading reads it: a table row's cells without the
/// lines that close a cell with two table headings or more and nothing
/// else (the next table's header, which the page model gives to a
/// heading's row when it stands alone on its lines under it), any other
/// line whole.
fn heading_text(text: &Text, index: usize) -> String {
    let Some(row) = text.row(index) else {
        return text.joined_cells(index);
    };
    row.cells
        .iter()
        .map(|cell| {
            let lines = cell.lines();
            let header = (1..lines.len()).find(|&at| {
                lines
                    .get(at..)
                    .and_then(|rest| heading_count(rest.iter().copied()))
                    .is_some_and(|headings| headings >= 2)
            });
            match header.and_then(|at| lines.get(..at)) {
                Some(kept) => crate::page::join_cell(kept),
                None => cell.text().to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An action line heading at `index`, its title taken from the next line
/// when the heading line holds only the number.
fn action_line_heading(text: &Text, index: usize) -> Option<ActionLine> {
    let lines = &text.lines;
    let line = lines.get(index)?;
    let plain = markup::plain(&heading_text(text, index));
    let caps = action_line_captures(&plain)?;
    let number: u16 = caps.name("n")?.as_str().parse().ok()?;
    let mut title = caps
        .name("title")
        .map(|t| t.as_str().trim().to_owned())
        .filter(|t| !t.is_empty());
    if title.is_none() {
        title = lines
            .iter()
            .skip(index + 1)
            .take(3)
            .map(|next| next.plain)
            .find(|next| !next.is_empty())
            .filter(|next| !starts_with_code(next) && action_line_captures(next).is_none())
            .map(str::to_owned);
    }
    Some(ActionLine {
        code: builtin::code(&[number]),
        number,
        title,
        page: Some(line.page),
        line: Some(line.number),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::legend;
    use crate::model::Status;
    use crate::normalize::Text;
    use proptest::prelude::*;

    #[test]
    fn heading_words_lose_the_accents_the_old_letter_map_removed() {
        // The letters a hand-written map once stripped here, and the
        // letters it kept, come out of `unaccented` the same way.
        assert_eq!(
            unaccented("áàâäéèêëíìîïóòôöúùûüñç"),
            "aaaaeeeeiiiioooouuuunc"
        );
        assert_eq!(unaccented("maßnahmen 2024-n°1"), "maßnahmen 2024-n°1");
        // `unaccented` also lowers the case, which the map did not: the
        // headings and the words compared with them are lower case already.
        for heading in TABLE_HEADINGS.iter() {
            assert_eq!(heading.to_lowercase(), *heading);
        }
    }

    #[test]
    fn a_word_and_the_lines_own_code_make_an_action_line_heading() {
        let title = |line: &str| {
            action_line_captures(line).map(|caps| (caps["n"].to_owned(), caps["title"].to_owned()))
        };
        assert_eq!(
            title("LINE 1 (L1) Coastal resilience"),
            Some(("1".to_owned(), "Coastal resilience".to_owned()))
        );
        assert_eq!(
            title("LÍNEA 3 (L3): Una red sólida"),
            Some(("3".to_owned(), "Una red sólida".to_owned()))
        );
        // The code must repeat the number; no code, no heading.
        assert_eq!(title("Table 1 (L2) Budget"), None);
        assert_eq!(title("Table 1 Budget"), None);
    }

    fn plan(text: &str) -> Plan {
        let text = Text::from_plain(text);
        let reading = legend::read_legend(&text.lines, &crate::lexicon::Lexicons::all());
        read_plan(&text, &reading.legend, &reading.lines)
    }

    fn rows(plan: &Plan) -> Vec<(String, String, Option<String>)> {
        plan.deliverables
            .iter()
            .map(|d| (d.code.clone(), d.title.clone(), d.mark.clone()))
            .collect()
    }

    fn row(code: &str, title: &str, mark: Option<&str>) -> (String, String, Option<String>) {
        (code.to_owned(), title.to_owned(), mark.map(str::to_owned))
    }

    #[test]
    fn a_measure_heading_row_under_its_label_ends_the_row_above() {
        // The measure's row across the table names its code after a label:
        // no title goes on with it, while a line that merely cites a
        // measure whose deliverables do not follow still does.
        let plan = plan(
            "Code\tDeliverable\tStatus\n\
             L1M1D1\tFlood map\t✓\n\
             L1M1D2\tCoastal guide\t✓\n\
             Measure L1M2\n\
             L1M2D1\tTide gauges for\t✗\n\
             Annex L1M3\n\
             L1M2D2\tResilience forum\t✓\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Flood map", Some("✓")),
                row("L1M1D2", "Coastal guide", Some("✓")),
                row("L1M2D1", "Tide gauges for Annex L1M3", Some("✗")),
                row("L1M2D2", "Resilience forum", Some("✓")),
            ]
        );
    }

    /// One column per status, headed by its words, with a tick in one: the
    /// tick means its column's status, never its conventional meaning (`X`
    /// would be "not developed"); ticks under two statuses leave it null
    /// and say so; a row of counts under the columns ticks nothing.
    #[test]
    fn a_status_matrix_gives_each_deliverable_its_ticked_column() {
        let plan = plan(
            "Code\tDeliverable\tAchieved\tEn curso\tNot developed\n\
             L1M1D1\tFlood map\tX\t\t\n\
             L1M1D2\tCoastal guide\t\tX\t\n\
             L1M2D1\tTide gauges\t\t\tX\n\
             L1M2D2\tResilience forum\tX\tX\t\n\
             Total\t\t1\t1\t1\n",
        );
        let statuses: Vec<(String, Option<Status>)> = plan
            .deliverables
            .iter()
            .map(|d| (d.code.clone(), d.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("L1M1D1".to_owned(), Some(Status::Achieved)),
                ("L1M1D2".to_owned(), Some(Status::InProgress)),
                ("L1M2D1".to_owned(), Some(Status::NotDeveloped)),
                ("L1M2D2".to_owned(), None),
            ]
        );
        assert!(plan
            .diagnostics
            .iter()
            .any(|d| d.message.contains("L1M2D2") && d.message.contains("two statuses")));
    }

    /// A code split over one column per level (`L1` | `M2` | `D3`) is one
    /// deliverable code; short cells that make no code stay cells.
    #[test]
    fn a_code_split_over_columns_is_joined() {
        let plan = plan(
            "Line\tMeasure\tNo.\tDeliverable\tStatus\n\
             L1\tM1\tD1\tFlood map\t✓\n\
             L1\tM2\tD3\tTide gauges\t✗\n\
             L2\tM1D1\tForum\t✓\n\
             L2\tM2\tD1 Coastal guide\t✗\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Flood map", Some("✓")),
                row("L1M2D3", "Tide gauges", Some("✗")),
                row("L2M1D1", "Forum", Some("✓")),
                row("L2M2D1", "Coastal guide", Some("✗")),
            ]
        );
        assert_eq!(
            join_split_code(vec!["No.".to_owned(), "M1".to_owned(), "D1".to_owned()]),
            ["No.", "M1", "D1"]
        );
    }

    #[test]
    fn a_status_column_of_words_in_any_language() {
        let plan = plan(
            "Code\tDeliverable\tStatus\tLead\nL1M1D1\tPublish the budget online\tAchieved\tFinance\nL1M1D2\tOpen a data portal\tEn curso\tIT\nL1M1D3\tTrain the staff\tNon réalisé\tHR\nL1M1D4\tReport on the census completed\nL1M1D5\tHire staff\tPartially achieved\n",
        );
        let got: Vec<(String, String, Option<String>, Option<Status>)> = plan
            .deliverables
            .iter()
            .map(|d| (d.code.clone(), d.title.clone(), d.mark.clone(), d.status))
            .collect();
        let want = |code: &str, title: &str, mark: Option<&str>, status| {
            (
                code.to_owned(),
                title.to_owned(),
                mark.map(str::to_owned),
                status,
            )
        };
        assert_eq!(
            got,
            [
                want(
                    "L1M1D1",
                    "Publish the budget online",
                    Some("Achieved"),
                    Some(Status::Achieved)
                ),
                want(
                    "L1M1D2",
                    "Open a data portal",
                    Some("En curso"),
                    Some(Status::InProgress)
                ),
                want(
                    "L1M1D3",
                    "Train the staff",
                    Some("Non réalisé"),
                    Some(Status::NotDeveloped)
                ),
                // A status word inside the title's own cell stays the title's.
                want("L1M1D4", "Report on the census completed", None, None),
                // A qualified phrase is no status word (a product decision).
                want("L1M1D5", "Hire staff Partially achieved", None, None),
            ]
        );
    }

    fn codes(plan: &Plan) -> Vec<&str> {
        plan.diagnostics.iter().map(|d| &*d.code).collect()
    }

    #[test]
    fn a_title_set_above_its_code_with_the_mark_below_is_that_codes() {
        // Rows where no line holds two cells: the title on top, the code
        // under it, the mark at the bottom; with and without blank lines
        // between the rows, a measure spanning the table between them.
        for gap in ["", "\n"] {
            let text = format!(
                "Legend: ✓ achieved ○ in progress ✗ not developed\n\
                 Code\tDeliverable\tStatus\n\
                 L1M1 That the coast is mapped.\n{gap}\
                 Flood map of the\ncoastal districts\nL1M1D1\n✓\n{gap}\
                 Coastal guide\nL1M1D2\n✗\n{gap}\
                 L1M2 That the staff is trained.\n{gap}\
                 Training plan\nL1M2D1\n○\n"
            );
            assert_eq!(
                rows(&plan(&text)),
                [
                    row("L1M1D1", "Flood map of the coastal districts", Some("✓")),
                    row("L1M1D2", "Coastal guide", Some("✗")),
                    row("L1M2D1", "Training plan", Some("○")),
                ],
                "gap {gap:?}"
            );
        }
    }

    #[test]
    fn a_bold_measure_that_wraps_keeps_its_second_line() {
        // The measure's paragraph is bold throughout, apart from its table:
        // no heading, the measure's text.
        let text = Text::from_plain(
            "**L1M2 Que se pacten cinco agendas regionales\nde Metropolis.**\n\nL1M2D1\tDiseño de agendas\tV\n",
        );
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let texts: Vec<Option<&str>> = plan.measures.iter().map(|m| m.text.as_deref()).collect();
        assert_eq!(
            texts,
            [Some(
                "Que se pacten cinco agendas regionales de Metropolis."
            )]
        );
        // A bold line after a measure that ends its sentence is a heading.
        let text = Text::from_plain(
            "L1M2 Que se pacten cinco agendas.\n**Agendas**\n\nL1M2D1\tDiseño de agendas\tV\n",
        );
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let texts: Vec<Option<&str>> = plan.measures.iter().map(|m| m.text.as_deref()).collect();
        assert_eq!(texts, [Some("Que se pacten cinco agendas.")]);
    }

    #[test]
    fn a_code_alone_on_its_line_takes_no_title_from_above_without_a_mark_under_it() {
        // The code's title follows it (a wrapped code cell): the caption
        // above is no title.
        let plan = plan(
            "Legend: ✓ achieved ○ in progress ✗ not developed\n\
             Deliverables of the year\n\
             L1M1D1\n\
             flood map of the coastal districts ✓\n",
        );
        assert_eq!(
            rows(&plan),
            [row(
                "L1M1D1",
                "flood map of the coastal districts",
                Some("✓")
            )]
        );
    }

    #[test]
    fn a_status_column_between_the_codes_and_the_titles() {
        let read = plan(
            "Légende : ✔ atteint ◯ en cours ✘ non réalisé\n\
             Code\tÉtat\tLivrable\n\
             L1M1D1\t✔\tCalendrier des événements\n\
             L1M1D2\t◯\tPublication de la série\n\
             L1M1D3\t✘\tPrésence politique\n",
        );
        assert_eq!(
            rows(&read),
            [
                row("L1M1D1", "Calendrier des événements", Some("✔")),
                row("L1M1D2", "Publication de la série", Some("◯")),
                row("L1M1D3", "Présence politique", Some("✘")),
            ]
        );
        // A second mark after the title leaves two candidates: no status.
        let two = plan(
            "Légende : ✔ atteint ◯ en cours ✘ non réalisé\n\
             L1M1D1\t✔\tCalendrier des événements\t✘\n\
             L1M1D2\t◯\tPublication de la série\n",
        );
        let first = two.deliverables.first().map(|d| d.status);
        assert_eq!(first, Some(None));
    }

    #[test]
    fn a_bold_heading_right_under_a_table_ends_its_last_row() {
        // A PDF's tables one under the other, a bold heading and the next
        // table's header between them at the pitch of a wrapped title.
        let plan = plan(
            "Code\tDeliverable\tStatus\nL1M1D1\tFlood map\tV\nL1M1D2\tCoastal guide\tX\n\
             **LINE 2 (L2) Sustainable tourism**\nCode\tDeliverable\tStatus\n\
             L2M1D1\tVisitor study\tV\nL2M1D2\tAccommodation label\t0\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Flood map", Some("V")),
                row("L1M1D2", "Coastal guide", Some("X")),
                row("L2M1D1", "Visitor study", Some("V")),
                row("L2M1D2", "Accommodation label", Some("0")),
            ]
        );
    }

    #[test]
    fn a_bold_heading_over_two_lines_ends_the_row_above() {
        // The heading's bold run takes the first line of a two-line header
        // cell with it (`Stat` over `us`).
        let plan = plan(
            "Code\tDeliverable\tStatus\nL1M1D1\tFlood map\tV\nL1M1D2\tCoastal guide\tX\n\
             **LINE 2 (L2) Sustainable tourism\nStat**\nCode\tDeliverable\tus\n\
             L2M1D1\tVisitor study\tV\nL2M1D2\tAccommodation label\t0\n",
        );
        assert_eq!(
            rows(&plan).get(1),
            Some(&row("L1M1D2", "Coastal guide", Some("X")))
        );
    }

    #[test]
    fn columns_in_any_order_are_read_as_code_title_and_mark() {
        let want = [
            row("L1M1D1", "Calendario anual", Some("V")),
            row("L1M1D2", "Informe de seguimiento", Some("X")),
        ];
        for table in [
            // The title column left of the codes.
            "Resultado\tCódigo\tEstado\nCalendario anual\tL1M1D1\tV\nInforme de seguimiento\tL1M1D2\tX",
            // The mark column between code and title.
            "Código\tEstado\tResultado\nL1M1D1\tV\tCalendario anual\nL1M1D2\tX\tInforme de seguimiento",
            // The mark column too close to the codes for a gutter: in their cells.
            "Resultado\tCódigo Estado\nCalendario anual\tL1M1D1 V\nInforme de seguimiento\tL1M1D2 X",
            "Código Estado\tResultado\nL1M1D1 V\tCalendario anual\nL1M1D2 X\tInforme de seguimiento",
            "Estado Código\tResultado\nV L1M1D1\tCalendario anual\nX L1M1D2\tInforme de seguimiento",
            // The mark column too close to the titles: in their cells.
            "Código\tEstado Resultado\nL1M1D1\tV Calendario anual\nL1M1D2\tX Informe de seguimiento",
            // A mark glued before the code in a cell that holds the title too.
            "Estado Resultado\nV L1M1D1 Calendario anual\nX L1M1D2 Informe de seguimiento",
        ] {
            assert_eq!(rows(&plan(table)), want, "{table:?}");
        }
    }

    #[test]
    fn a_code_cited_at_the_end_of_its_title_opens_the_row() {
        let cited = plan(
            "Producto\tEstado\nL1M1 Que se mida el consumo.\nObservatorio del consumo (L1M1D1)\tV\nInforme anual (2018-2020) (L1M1D2)\tX\n",
        );
        assert_eq!(
            rows(&cited),
            [
                row("L1M1D1", "Observatorio del consumo", Some("V")),
                row("L1M1D2", "Informe anual (2018-2020)", Some("X")),
            ]
        );
        // Cited at the end of prose, or of a later cell, a code stays a reference.
        let prose = plan(
            "L1M1 Que se mida el consumo.\nEl consejo revisó el observatorio (L1M1D1)\nInforme\tvéase el observatorio (L1M1D2)\n",
        );
        assert!(prose.deliverables.is_empty(), "{:?}", rows(&prose));
    }

    #[test]
    fn a_title_column_that_holds_codes_is_no_title_column() {
        // The left column holds measures: read left to right as before.
        let plan = plan("L1M1 Que se siga.\tL1M1D1\tV\tCalendario\n\tL1M1D2\tX\tInformes");
        assert_eq!(plan.measures[0].text.as_deref(), Some("Que se siga."));
        assert_eq!(plan.deliverables.len(), 2);
    }

    /// A line where two tables side by side (one per page column) meet:
    /// the first table's row, its title, `0`, then the second table's code
    /// and title, under `rows` (the document's other lines).
    fn shared_mark_plan(rows: &str) -> Plan {
        plan(&format!(
            "{rows}L1M1D3 Debates\t0\tL2M1D1 Plan de comunicación\n"
        ))
    }

    fn mark_of<'p>(plan: &'p Plan, code: &str) -> Option<&'p str> {
        plan.deliverables
            .iter()
            .find(|d| d.code == code)
            .and_then(|d| d.mark.as_deref())
    }

    /// True when a warning names both codes of the shared line.
    fn names_both(plan: &Plan) -> bool {
        plan.diagnostics.iter().any(|d| {
            d.severity >= crate::diagnostic::Severity::Warning
                && d.message.contains("L1M1D3")
                && d.message.contains("L2M1D1")
        })
    }

    #[test]
    fn a_mark_between_two_codes_of_one_line_goes_where_the_other_marks_stand() {
        // Every other mark follows its title: the first code's.
        let after = shared_mark_plan("L1M1D1 Calendario\tV\nL1M1D2 Informes\t×\n");
        assert_eq!(mark_of(&after, "L1M1D3"), Some("0"));
        assert_eq!(mark_of(&after, "L2M1D1"), None);
        assert!(names_both(&after), "{:#?}", after.diagnostics);
        // Every other mark stands before its code: the second code's.
        let before = shared_mark_plan("✓\tL1M1D1 Calendario\n✗\tL1M1D2 Informes\n");
        assert_eq!(mark_of(&before, "L1M1D3"), None);
        assert_eq!(mark_of(&before, "L2M1D1"), Some("0"));
        assert!(names_both(&before), "{:#?}", before.diagnostics);
    }

    #[test]
    fn a_mark_between_two_codes_with_no_other_evidence_is_neithers() {
        // No other row, or marks on both sides: the mark may be either's.
        for rows in ["", "L1M1D1 Calendario\tV\n✗\tL1M1D2 Informes\n"] {
            let plan = shared_mark_plan(rows);
            assert_eq!(mark_of(&plan, "L1M1D3"), None, "{rows:?}");
            assert_eq!(mark_of(&plan, "L2M1D1"), None, "{rows:?}");
            assert!(names_both(&plan), "{rows:?}: {:#?}", plan.diagnostics);
            let unknown = |code: &str| {
                plan.deliverables
                    .iter()
                    .any(|d| d.code == code && d.status.is_none())
            };
            assert!(unknown("L1M1D3") && unknown("L2M1D1"), "{rows:?}");
        }
    }

    #[test]
    fn a_code_repeated_beside_its_mark_is_no_contest() {
        // Two panels side by side, the key column repeated: `code title ║
        // code mark` (here the mark ends the first panel): one deliverable.
        let plan = plan(
            "L1M1D1 Calendario\tV\tL1M1D1\nL1M1D2 Informes\t×\tL1M1D2\nL1M1D3 Debates\t0\tL1M1D3\n",
        );
        for (code, mark) in [("L1M1D1", "V"), ("L1M1D2", "×"), ("L1M1D3", "0")] {
            assert_eq!(mark_of(&plan, code), Some(mark), "{:#?}", plan.diagnostics);
        }
        assert!(
            !plan
                .diagnostics
                .iter()
                .any(|d| d.code == "deliverables.ambiguous_mark"),
            "{:#?}",
            plan.diagnostics
        );
    }

    #[test]
    fn a_mark_column_left_of_the_codes_is_read() {
        let plan = plan("L1M1 Que se siga la agenda.\t✓\tL1M1D1 Calendario\n\t✗\tL1M1D2 Informes");
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Calendario", Some("✓")),
                row("L1M1D2", "Informes", Some("✗")),
            ]
        );
        assert_eq!(
            plan.measures[0].text.as_deref(),
            Some("Que se siga la agenda.")
        );
    }

    #[test]
    fn a_status_cell_with_a_dated_note_under_its_mark_gives_the_mark() {
        let plan = plan(
            "Código\tProducto\tEstado\nL1M1D1\tCalendario anual\t✓ 03/2021\nL1M1D2\tInformes\t✗ 04/2021\nL1M1D3\tGuía 2021\t✓",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Calendario anual", Some("✓")),
                row("L1M1D2", "Informes", Some("✗")),
                row("L1M1D3", "Guía 2021", Some("✓")),
            ]
        );
    }

    #[test]
    fn a_title_opened_by_a_mark_is_no_note() {
        assert_eq!(
            mark_over_note("✓ 03/2021", &legend::conventional()),
            Some("✓")
        );
        assert_eq!(
            mark_over_note("V (p. 12)", &legend::conventional()),
            Some("V")
        );
        assert_eq!(
            mark_over_note("V Calendario anual", &legend::conventional()),
            None
        );
        assert_eq!(
            mark_over_note("V Plan de acción 2021", &legend::conventional()),
            None
        );
        assert_eq!(mark_over_note("V L1M1D2", &legend::conventional()), None);
    }

    #[test]
    fn a_status_cell_spelling_out_its_mark_gives_the_mark() {
        let legend = Legend {
            source: crate::model::LegendSource::Document,
            entries: vec![
                crate::model::LegendEntry {
                    mark: "V".into(),
                    status: Status::Achieved,
                    label: Some("alcanzado".into()),
                },
                crate::model::LegendEntry {
                    mark: "0".into(),
                    status: Status::InProgress,
                    label: Some("en proceso".into()),
                },
            ],
            page: Some(1),
            line: Some(3),
        };
        assert_eq!(mark_over_note("V alcanzado", &legend), Some("V"));
        assert_eq!(mark_over_note("V Alcanzado", &legend), Some("V"));
        assert_eq!(mark_over_note("0 en proceso", &legend), Some("0"));
        // A variant of the mark spells out the same status.
        assert_eq!(mark_over_note("v alcanzado", &legend), Some("v"));
        // The label of another status: no mark read, the status stays unknown.
        assert_eq!(mark_over_note("V en proceso", &legend), None);
        assert_eq!(mark_over_note("0 alcanzado", &legend), None);
        // A lexicon status phrase without a document label.
        assert_eq!(
            mark_over_note("✓ achieved", &legend::conventional()),
            Some("✓")
        );
        assert_eq!(
            mark_over_note("✓ not developed", &legend::conventional()),
            None
        );
        // Words that are a title, not a status.
        assert_eq!(mark_over_note("V alcanzado el plan", &legend), None);
    }

    #[test]
    fn dots_left_of_short_leaders_end_no_title() {
        for (parts, title) in [
            (
                vec!["Difusión de las recomendaciones y resultados ."],
                "Difusión de las recomendaciones y resultados",
            ),
            (vec!["Dosier de cada región . ."], "Dosier de cada región"),
            (vec!["Informe final", ".."], "Informe final"),
            (vec!["Documentos, etc."], "Documentos, etc."),
            (vec!["Plan 2018-", "2019-2020)"], "Plan 2018-2019-2020)"),
            // A cell's word broken at its line end, the cell going on in
            // the next row: one word again, in any language.
            (
                vec!["Una estrategia de pre-", "sión acordada"],
                "Una estrategia de presión acordada",
            ),
            (
                vec!["A shared moni-", "toring grid"],
                "A shared monitoring grid",
            ),
            (
                vec!["Rapport d'acti-", "vité annuel"],
                "Rapport d'activité annuel",
            ),
            // The hyphen is the text's own: a range, or a compound's part
            // before a capital.
            (vec!["Plan 2019-", "en curso"], "Plan 2019- en curso"),
            (vec!["Foro pre-", "Congreso"], "Foro pre- Congreso"),
        ] {
            let parts: Vec<String> = parts.into_iter().map(str::to_owned).collect();
            assert_eq!(clean_title(&parts), title);
        }
    }

    #[test]
    fn a_closing_quote_ends_the_title_and_is_no_mark() {
        let plan = plan(
            "L1M1 Que se siga la agenda.\t✓\tL1M1D1 Plataforme « Policy Transfer »\n\t✗\tL1M1D2 Informes (anuales)",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Plataforme « Policy Transfer »", Some("✓")),
                row("L1M1D2", "Informes (anuales)", Some("✗")),
            ]
        );
    }

    #[test]
    fn two_different_marks_in_one_row_leave_the_status_unknown() {
        for source in ["L1M1D1 Calendario\t✗ ✓", "L1M1D1 Calendario ✗ ✓"] {
            let plan = plan(source);
            assert_eq!(rows(&plan), [row("L1M1D1", "Calendario", None)], "{source}");
            let diagnostic = plan
                .diagnostics
                .iter()
                .find(|d| d.code == "deliverables.ambiguous_mark")
                .unwrap_or_else(|| panic!("{source}: no diagnostic"));
            assert!(diagnostic.message.contains("`✗`") && diagnostic.message.contains("`✓`"));
        }
        let same = plan("L1M1D1 Calendario\tV V");
        assert_eq!(rows(&same), [row("L1M1D1", "Calendario", Some("V"))]);
    }

    /// A 10 pt word drawn from `x` on baseline `y`, 5 pt a character.
    fn drawn_word(text: &str, x: f32, y: f32) -> crate::page::Word {
        crate::page::Word {
            text: text.to_owned(),
            bbox: crate::page::BoundingBox {
                x0: x,
                y0: y - 8.0,
                x1: x + 5.0 * text.chars().count() as f32,
                y1: y + 2.0,
            },
            size: 10.0,
            bold: Some(false),
        }
    }

    /// A one-row table as a PDF gives it: a title cell in which the layout
    /// fused deliverables (`codes` at the given baselines, each followed by a
    /// word of title) and a mark cell whose marks are drawn at theirs.
    fn fused_pdf_row(codes: &[(&str, f32)], marks: &[(&str, f32)]) -> Text {
        use crate::page::{self, Block, BlockKind, BoundingBox, Cell, Row, Word};
        let word = drawn_word;
        let cell = |column: usize, words: Vec<Word>| {
            let text = words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let bbox = BoundingBox::enclosing(words.iter().map(|w| w.bbox));
            Cell::new(column, vec![text.clone()], text, bbox, words.into())
        };
        let title = cell(
            0,
            codes
                .iter()
                .flat_map(|&(code, y)| [word(code, 50.0, y), word("Título", 90.0, y)])
                .collect(),
        );
        let mark = cell(
            1,
            marks
                .iter()
                .map(|&(mark, y)| word(mark, 300.0, y))
                .collect(),
        );
        let line = format!("{}\t{}", title.text(), mark.text());
        let mut text = Text::from_plain(&line);
        text.blocks = vec![Block {
            kind: BlockKind::Table(page::table(vec![Row {
                line: 0,
                cells: vec![title, mark],
                bbox: None,
            }])),
            lines: 0..1,
            bbox: None,
        }];
        text
    }

    #[test]
    fn marks_of_fused_rows_go_to_the_code_whose_band_they_lie_in() {
        let two = &[("L1M1D2", 100.0), ("L1M1D3", 112.0)][..];
        let three = &[("L1M1D2", 100.0), ("L1M1D3", 124.0), ("L1M1D4", 148.0)][..];
        for (drawn, marks, want) in [
            // One mark beside each code's line.
            (
                two,
                &[("×", 100.0), ("V", 112.0)][..],
                &[Some("×"), Some("V")][..],
            ),
            // Only the lower row's mark is drawn: the upper row has none.
            (two, &[("V", 112.0)][..], &[None, Some("V")][..]),
            // Both marks in the upper band: which is whose cannot be told.
            (two, &[("×", 98.0), ("V", 102.0)][..], &[None, None][..]),
            // Marks centred on two-line titles, three rows fused.
            (
                three,
                &[("0", 106.0), ("V", 130.0), ("×", 154.0)][..],
                &[Some("0"), Some("V"), Some("×")][..],
            ),
        ] {
            let text = fused_pdf_row(drawn, marks);
            let plan = read_plan(&text, &legend::conventional(), &[]);
            let got: Vec<Option<&str>> = plan
                .deliverables
                .iter()
                .map(|d| d.mark.as_deref())
                .collect();
            assert_eq!(got, want, "{marks:?}");
            let fused = codes(&plan).contains(&"deliverables.fused_rows");
            assert_eq!(fused, want.iter().all(Option::is_none), "{marks:?}");
        }
    }

    #[test]
    fn a_heading_row_that_took_the_next_header_keeps_it_out_of_its_title() {
        use crate::page::{self, Block, BlockKind, Cell, Row, Words};
        // The page model gives the lines alone under a heading across the
        // table (the next table's header) to the heading's row; a last line
        // of one heading word stays in the title.
        for (lines, want) in [
            (
                &["LINE 3 (L3) A sound network", "Code Deliverable", "Status"][..],
                "A sound network",
            ),
            (
                &["LINE 3 (L3) A network and its", "Results"][..],
                "A network and its Results",
            ),
        ] {
            let joined = lines.join(" ");
            let heading = Cell::new(
                0,
                lines.iter().map(|line| (*line).to_owned()).collect(),
                joined.clone(),
                None,
                Words::default(),
            );
            let mut text = Text::from_plain(&joined);
            text.blocks = vec![Block {
                kind: BlockKind::Table(page::table(vec![Row {
                    line: 0,
                    cells: vec![heading],
                    bbox: None,
                }])),
                lines: 0..1,
                bbox: None,
            }];
            let line = action_line_heading(&text, 0).and_then(|line| line.title);
            assert_eq!(line.as_deref(), Some(want), "{lines:?}");
        }
    }

    /// A document of laid-out tables, one a page: each row its cells' texts
    /// by column (an empty text is no cell).
    fn laid_pages(pages: &[&[&[&str]]]) -> Text {
        use crate::normalize::Lines;
        use crate::page::{self, Block, BlockKind, BoundingBox, Cell, Row};
        let mut text = Text::from_plain("");
        text.lines = Lines::default();
        text.blocks = Vec::new();
        let mut line = 0;
        for (page, rows) in (1..).zip(pages) {
            let first = line;
            let mut laid = Vec::new();
            for (number, cells) in (1..).zip(rows.iter()) {
                text.lines.push(page, number, &cells.join("\t"));
                let cells = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, cell)| !cell.is_empty())
                    .map(|(column, cell)| Cell::of_text(column, cell))
                    .collect();
                laid.push(Row {
                    line,
                    cells,
                    bbox: None,
                });
                line += 1;
            }
            text.blocks.push(Block {
                kind: BlockKind::Table(page::table(laid)),
                lines: first..line,
                bbox: Some(BoundingBox {
                    x0: 50.0,
                    y0: 50.0,
                    x1: 500.0,
                    y1: 700.0,
                }),
            });
        }
        text
    }

    /// `text` with `gap` blank lines, then `paragraph`'s lines, after it on
    /// its last page, the paragraph as one block.
    fn with_paragraph_below(mut text: Text, gap: usize, paragraph: &[&str]) -> Text {
        use crate::page::{Block, BlockKind};
        let page = text.lines.last().map_or(1, |line| line.page);
        for number in 0..gap {
            text.lines
                .push(page, 90 + u32::try_from(number).unwrap_or(0), "");
        }
        let first = text.lines.len();
        for (number, line) in (100..).zip(paragraph) {
            text.lines.push(page, number, line);
        }
        text.blocks.push(Block {
            kind: BlockKind::Paragraph,
            lines: first..text.lines.len(),
            bbox: None,
        });
        text
    }

    #[test]
    fn a_card_header_of_code_and_mark_takes_the_paragraph_right_under_it_as_title() {
        // Cards: each a header line (code, label, mark) over its
        // description; the page model laid a run of headers out as a table
        // and left the last description under it as a paragraph.
        for (header, gap, description) in [
            (
                ["L1M2D2", "Estado:", "V"],
                0,
                &["Debates políticos en los encuentros anuales", "de la red"][..],
            ),
            (
                ["L2M1D4", "Status:", "×"],
                1,
                &["Guidance notes for member cities"][..],
            ),
            (
                ["L3M2D1", "État :", "0"],
                2,
                &["Rencontres régionales des élus", "et des techniciens"][..],
            ),
        ] {
            let text = with_paragraph_below(
                laid_pages(&[&[&["L1M1D1 A titled card", "Status:", "V"], &header]]),
                gap,
                description,
            );
            let plan = read_plan(&text, &legend::conventional(), &[]);
            let got: Vec<(&str, &str)> = plan
                .deliverables
                .iter()
                .map(|d| (d.code.as_str(), d.title.as_str()))
                .collect();
            assert_eq!(
                got,
                [
                    ("L1M1D1", "A titled card"),
                    (header[0], description.join(" ").as_str())
                ],
                "{header:?}"
            );
        }
        // Under a row that has its title, a paragraph is no part of it (a
        // signature, a note), however close it follows, unless it goes on
        // in lower case right under it: the title's wrap.
        for (gap, paragraph, want) in [
            (0, "Signed by the secretary general", "A titled card"),
            (0, "for member cities", "A titled card for member cities"),
            (1, "for member cities", "A titled card"),
        ] {
            let text = with_paragraph_below(
                laid_pages(&[&[&["L1M1D1 A titled card", "Status:", "V"]]]),
                gap,
                &[paragraph],
            );
            let plan = read_plan(&text, &legend::conventional(), &[]);
            let titles: Vec<&str> = plan.deliverables.iter().map(|d| d.title.as_str()).collect();
            assert_eq!(titles, [want], "{gap} {paragraph}");
        }
        // A card's header three blank lines above a paragraph is no header
        // of it: the paragraph is something else.
        let text = with_paragraph_below(
            laid_pages(&[&[&["L1M1D1", "Status:", "V"]]]),
            3,
            &["The secretariat reports twice a year"],
        );
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let titles: Vec<&str> = plan.deliverables.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, [""]);
    }

    #[test]
    fn a_header_repeated_over_a_row_cut_by_a_page_break_is_no_part_of_it() {
        // Headers the lexicon does not know, drawn again on the next page,
        // where the rows cut by the break go on: a title, and a measure's
        // text beside no title with the row's mark.
        let header: &[&str] = &["Block", "Promise", "Outcome"];
        let text = laid_pages(&[
            &[
                header,
                &["L1M1 A measure that", "L1M1D1 A title cut by", ""],
                &["", "L1M1D2 A whole title", ""],
            ],
            &[
                header,
                &["goes on past the break.", "", "V"],
                &["L1M2 Another measure.", "L1M2D1 Another title", "×"],
            ],
        ]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let got: Vec<(&str, Option<&str>)> = plan
            .deliverables
            .iter()
            .map(|d| (d.title.as_str(), d.mark.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("A title cut by", None),
                ("A whole title", Some("V")),
                ("Another title", Some("×")),
            ]
        );
        // Cut inside a title: the header falls between its two parts.
        let text = laid_pages(&[
            &[header, &["L1M1 A measure.", "L1M1D1 A title cut by", ""]],
            &[header, &["", "the page break", "V"]],
        ]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let first = plan
            .deliverables
            .first()
            .map(|d| (d.title.as_str(), d.mark.as_deref()));
        assert_eq!(first, Some(("A title cut by the page break", Some("V"))));
        // The same header on the same page, or first on its page, is read as before.
        assert!(!text.repeats_a_table_header(0));
        assert!(text.repeats_a_table_header(2));
        assert!(!text.repeats_a_table_header(3));
    }

    #[test]
    fn stacked_cells_give_the_code_its_title_and_a_lone_zero_as_mark() {
        // Stacked cells (code, title, mark, each on a line): `0` is the
        // conventional "in progress"; a page is never numbered 0.
        let text =
            Text::from_plain("L1M1D1\nCalendario anual\n0\n\nL1M1D2\nOtro producto\nV\n12\n");
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let got: Vec<Option<&str>> = plan
            .deliverables
            .iter()
            .map(|d| d.mark.as_deref())
            .collect();
        assert_eq!(got, [Some("0"), Some("V")]);
        // The same stacks spaced apart like paragraphs.
        let text =
            Text::from_plain("L1M1D1\n\nCalendario anual\n\n0\n\nL1M1D2\n\nOtro producto\n\nV\n");
        let plan = read_plan(&text, &legend::conventional(), &[]);
        let got: Vec<(&str, Option<&str>)> = plan
            .deliverables
            .iter()
            .map(|d| (d.title.as_str(), d.mark.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Calendario anual", Some("0")),
                ("Otro producto", Some("V"))
            ]
        );
        assert!(!is_page_number_token("0") && !is_page_number_token("00"));
        assert!(is_page_number_token("12") && is_page_number_token("105"));
    }

    /// A line of a cell drawn at a baseline: its words as `(text, x)`.
    type DrawnCellLine<'a> = (f32, &'a [(&'a str, f32)]);

    /// A one-row PDF table: each cell given as its lines, in that order.
    fn pdf_row(cells: &[&[DrawnCellLine<'_>]]) -> Text {
        pdf_table(&[cells])
    }

    /// A PDF table of `rows`, one text line each: each row's cells given as
    /// their lines, in column order.
    fn pdf_table(rows: &[&[&[DrawnCellLine<'_>]]]) -> Text {
        use crate::page::{self, Block, BlockKind, Row};
        let rows: Vec<Row> = rows
            .iter()
            .enumerate()
            .map(|(line, cells)| Row {
                line,
                cells: drawn_cells(cells),
                bbox: None,
            })
            .collect();
        let lines: Vec<String> = rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .map(|cell| cell.text())
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect();
        let mut text = Text::from_plain(&lines.join("\n"));
        let count = rows.len();
        text.blocks = vec![Block {
            kind: BlockKind::Table(page::table(rows)),
            lines: 0..count,
            bbox: None,
        }];
        text
    }

    /// A drawn row's cells, each given as its lines, in column order.
    fn drawn_cells(cells: &[&[DrawnCellLine<'_>]]) -> Vec<crate::page::Cell> {
        use crate::page::{self, BoundingBox, Cell, Word};
        cells
            .iter()
            .enumerate()
            .map(|(column, lines)| {
                let words: Vec<Word> = lines
                    .iter()
                    .flat_map(|&(y, words)| {
                        words.iter().map(move |&(text, x)| drawn_word(text, x, y))
                    })
                    .collect();
                let lines: Vec<String> = lines
                    .iter()
                    .map(|(_, words)| {
                        words
                            .iter()
                            .map(|(text, _)| *text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                let text = page::join_cell(&lines);
                let bbox = BoundingBox::enclosing(words.iter().map(|w| w.bbox));
                Cell::new(column, lines, text, bbox, words.into())
            })
            .collect()
    }

    /// A line of a drawn page: a table row (its cells, each as its lines)
    /// or a line of prose.
    enum PageLine<'a> {
        Row(Vec<&'a [DrawnCellLine<'a>]>),
        Prose(&'a str),
    }

    /// Drawn pages: on each, consecutive rows make one table and
    /// consecutive prose lines one paragraph.
    fn drawn_pages(pages: &[Vec<PageLine<'_>>]) -> Text {
        use crate::normalize::Lines;
        use crate::page::{self, Block, BlockKind, Row};
        let mut text = Text::from_plain("");
        text.lines = Lines::default();
        text.blocks = Vec::new();
        let mut index = 0;
        for (page, lines) in (1..).zip(pages) {
            let mut rows: Vec<Row> = Vec::new();
            let mut prose: Option<usize> = None;
            for (number, line) in (1..).zip(lines) {
                match line {
                    PageLine::Row(cells) => {
                        if let Some(first) = prose.take() {
                            text.blocks.push(Block {
                                kind: BlockKind::Paragraph,
                                lines: first..index,
                                bbox: None,
                            });
                        }
                        let cells = drawn_cells(cells);
                        let joined: Vec<&str> = cells.iter().map(|cell| cell.text()).collect();
                        text.lines.push(page, number, &joined.join("\t"));
                        rows.push(Row {
                            line: index,
                            cells,
                            bbox: None,
                        });
                    }
                    PageLine::Prose(words) => {
                        if let Some(first) = rows.first().map(|row| row.line) {
                            text.blocks.push(Block {
                                kind: BlockKind::Table(page::table(std::mem::take(&mut rows))),
                                lines: first..index,
                                bbox: None,
                            });
                        }
                        prose.get_or_insert(index);
                        text.lines.push(page, number, words);
                    }
                }
                index += 1;
            }
            if let Some(first) = rows.first().map(|row| row.line) {
                text.blocks.push(Block {
                    kind: BlockKind::Table(page::table(rows)),
                    lines: first..index,
                    bbox: None,
                });
            }
            if let Some(first) = prose {
                text.blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    lines: first..index,
                    bbox: None,
                });
            }
        }
        text
    }

    /// A deliverable row drawn at baseline `y`: its code, a title and
    /// `ticks` (text and x) in cells after it, one cell each, a tick at
    /// x 0 standing for an empty cell.
    fn ticked_row<'a>(
        code: &'a [(&'a str, f32)],
        ticks: &'a [[(&'a str, f32); 1]],
        y: f32,
    ) -> Vec<Vec<DrawnCellLine<'a>>> {
        const TITLE: [(&str, f32); 2] = [("Flood", 100.0), ("map", 130.0)];
        let mut cells = vec![vec![(y, code)], vec![(y, &TITLE[..])]];
        cells.extend(ticks.iter().map(|tick| {
            if tick[0].1 > 0.0 {
                vec![(y, &tick[..])]
            } else {
                Vec::new()
            }
        }));
        cells
    }

    /// [`ticked_row`]s, one per code with its ticks, from baseline `y` down,
    /// 12 points apart.
    fn ticked_rows_from<'a>(
        codes: &'a [[(&'a str, f32); 1]],
        ticks: &'a [[[(&'a str, f32); 1]; 3]],
        y: f32,
    ) -> Vec<Vec<Vec<DrawnCellLine<'a>>>> {
        codes
            .iter()
            .zip(ticks)
            .enumerate()
            .map(|(at, (code, ticks))| ticked_row(code, ticks, y + 12.0 * at as f32))
            .collect()
    }

    fn statuses_of(text: &Text) -> Vec<Option<Status>> {
        read_plan(text, &legend::conventional(), &[])
            .deliverables
            .iter()
            .map(|d| d.status)
            .collect()
    }

    /// A status matrix that goes on over a page break without its heading
    /// row reads the ticks of the rows that go on by the columns of its
    /// heading, where the columns line up; a table whose code column stands
    /// elsewhere is no continuation of it.
    #[test]
    fn a_status_matrix_going_on_after_a_page_break_keeps_its_columns() {
        let heading: [&[(&str, f32)]; 5] = [
            &[("Code", 50.0)],
            &[("Deliverable", 100.0)],
            &[("Achieved", 300.0)],
            &[("In", 360.0), ("progress", 375.0)],
            &[("Not", 430.0), ("developed", 450.0)],
        ];
        let heading: Vec<DrawnCellLine<'_>> = heading.iter().map(|words| (90.0, *words)).collect();
        let heading_row: Vec<&[DrawnCellLine<'_>]> = heading.chunks(1).collect();
        let codes = [
            [("L1M1D1", 50.0)],
            [("L1M1D2", 50.0)],
            [("L1M1D3", 50.0)],
            [("L1M2D1", 50.0)],
            [("L1M2D2", 50.0)],
        ];
        let none = ("", 0.0);
        let ticks = [
            [[("X", 302.0)], [none], [none]],
            [[none], [("X", 362.0)], [none]],
            [[none], [none], [("X", 432.0)]],
            [[("X", 302.0)], [none], [none]],
            [[none], [("X", 362.0)], [none]],
        ];
        let rows = ticked_rows_from(&codes, &ticks, 110.0);
        let row = |at: usize| -> PageLine<'_> {
            PageLine::Row(rows.get(at).map_or(Vec::new(), |cells| {
                cells.iter().map(Vec::as_slice).collect()
            }))
        };
        let text = drawn_pages(&[
            vec![PageLine::Row(heading_row.clone()), row(0), row(1)],
            vec![row(2), row(3), row(4)],
        ]);
        assert_eq!(
            statuses_of(&text),
            [
                Some(Status::Achieved),
                Some(Status::InProgress),
                Some(Status::NotDeveloped),
                Some(Status::Achieved),
                Some(Status::InProgress),
            ]
        );
        // The table on the next page draws its codes further right: another
        // table, whose `X` is read as ever.
        let moved = [("L1M2D1", 120.0)];
        let lone = [[("X", 302.0)]];
        let moved_row = ticked_row(&moved, &lone, 110.0);
        let text = drawn_pages(&[
            vec![PageLine::Row(heading_row), row(0)],
            vec![PageLine::Row(moved_row.iter().map(Vec::as_slice).collect())],
        ]);
        assert_eq!(
            statuses_of(&text),
            [Some(Status::Achieved), Some(Status::NotDeveloped)]
        );
    }

    /// Status headings drawn across the column edges (`Achieved In` in one
    /// cell) and wrapped onto a line the layout set under the heading row
    /// (`progress developed`), above a row without code, still head their
    /// columns, and a tick glued to the end of a title is read by where it
    /// stands.
    #[test]
    fn status_headings_across_cells_and_wrapped_under_the_row_head_their_columns() {
        let heading: [&[DrawnCellLine<'_>]; 4] = [
            &[(90.0, &[("Code", 50.0)])],
            &[(90.0, &[("Deliverable", 100.0)])],
            &[(90.0, &[("Achieved", 300.0), ("In", 360.0)])],
            &[(90.0, &[("Not", 430.0)])],
        ];
        let glued = [("L1M1D1", 50.0)];
        let glued_title = [("Flood", 100.0), ("map", 130.0), ("X", 302.0)];
        let first: [&[DrawnCellLine<'_>]; 2] = [&[(110.0, &glued)], &[(110.0, &glued_title)]];
        let none = ("", 0.0);
        let codes = [[("L1M1D2", 50.0)], [("L1M1D3", 50.0)]];
        let ticks = [
            [[none], [("X", 362.0)], [none]],
            [[none], [none], [("X", 432.0)]],
        ];
        let rows = ticked_rows_from(&codes, &ticks, 122.0);
        // The end of a title cut by the page break, a row without code,
        // stands between the headings and the first deliverable.
        let cut: [&[DrawnCellLine<'_>]; 2] = [&[], &[(100.0, &[("end", 100.0)])]];
        let mut page = vec![
            PageLine::Row(heading.to_vec()),
            PageLine::Prose("progress developed"),
            PageLine::Row(cut.to_vec()),
            PageLine::Row(first.to_vec()),
        ];
        page.extend(
            rows.iter()
                .map(|cells| PageLine::Row(cells.iter().map(Vec::as_slice).collect())),
        );
        assert_eq!(
            statuses_of(&drawn_pages(&[page])),
            [
                Some(Status::Achieved),
                Some(Status::InProgress),
                Some(Status::NotDeveloped),
            ]
        );
    }

    /// A status cell wrapped so that its first word ends the line above
    /// (`Non` / `réalisé`) may say either status: the row's status is
    /// unknown, and a warning names both; a status word under a line that
    /// ends otherwise is read as ever.
    #[test]
    fn a_status_word_ending_a_phrase_begun_on_the_line_above_reads_no_status() {
        let plan = plan(
            "L1M1D1\tCalendrier des événements\tAtteint\n\
             L1M1D2\tDébats politiques lors Non\n\
             L1M1D3\tDes réunions annuelles\tréalisé\n",
        );
        let status = |code: &str| {
            plan.deliverables
                .iter()
                .find(|d| d.code == code)
                .and_then(|d| d.status)
        };
        assert_eq!(status("L1M1D1"), Some(Status::Achieved));
        assert_eq!(status("L1M1D3"), None);
        assert!(plan
            .diagnostics
            .iter()
            .any(|d| d.message.contains("L1M1D3")
                && d.message.contains("`Non réalisé` (not_developed)")));
    }

    /// Deliverable rows `code | title | mark`, each mark drawn at its x.
    fn ticked_rows(ticks: &[(&str, &str, f32)]) -> Text {
        const TITLE: [(&str, f32); 2] = [("Flood", 100.0), ("map", 130.0)];
        let codes: Vec<[(&str, f32); 1]> =
            ticks.iter().map(|&(code, _, _)| [(code, 50.0)]).collect();
        let marks: Vec<[(&str, f32); 1]> = ticks.iter().map(|&(_, mark, x)| [(mark, x)]).collect();
        let rows: Vec<[Vec<DrawnCellLine<'_>>; 3]> = codes
            .iter()
            .zip(&marks)
            .enumerate()
            .map(|(at, (code, mark))| {
                let y = 100.0 + 12.0 * at as f32;
                [
                    vec![(y, &code[..])],
                    vec![(y, &TITLE[..])],
                    vec![(y, &mark[..])],
                ]
            })
            .collect();
        let cells: Vec<Vec<&[DrawnCellLine<'_>]>> = rows
            .iter()
            .map(|row| row.iter().map(Vec::as_slice).collect())
            .collect();
        let table: Vec<&[&[DrawnCellLine<'_>]]> = cells.iter().map(Vec::as_slice).collect();
        pdf_table(&table)
    }

    /// One mark drawn in several columns of a table is a tick whose column
    /// says the status: read with the conventional table it would be wrong
    /// for all columns but one, so no status is read; one mark in one
    /// column is read as ever.
    #[test]
    fn a_mark_drawn_in_several_columns_of_a_table_reads_no_status() {
        let statuses = |text: &Text| -> Vec<Option<Status>> {
            read_plan(text, &legend::conventional(), &[])
                .deliverables
                .iter()
                .map(|d| d.status)
                .collect()
        };
        let matrix = ticked_rows(&[
            ("L1M1D1", "X", 300.0),
            ("L1M1D2", "X", 354.0),
            ("L1M1D3", "X", 300.0),
            ("L1M1D4", "X", 408.0),
        ]);
        assert_eq!(statuses(&matrix), [None, None, None, None]);
        let plan = read_plan(&matrix, &legend::conventional(), &[]);
        assert!(plan
            .diagnostics
            .iter()
            .any(|d| d.message.contains("L1M1D2") && d.message.contains("3 columns")));
        // One column, centred marks of two widths: read as marks.
        let column = ticked_rows(&[
            ("L1M1D1", "X", 300.0),
            ("L1M1D2", "V", 301.0),
            ("L1M1D3", "X", 300.0),
        ]);
        assert_eq!(
            statuses(&column),
            [
                Some(Status::NotDeveloped),
                Some(Status::Achieved),
                Some(Status::NotDeveloped)
            ]
        );
    }

    #[test]
    fn a_measure_heading_over_the_first_title_of_a_table_coded_on_the_right() {
        // `title | mark | code`, the measure's heading printed in the title
        // cell of its first deliverable, over that deliverable's title.
        let first: &[DrawnCellLine<'_>] = &[
            (
                100.0,
                &[
                    ("L1M1", 50.0),
                    ("Que", 80.0),
                    ("la", 100.0),
                    ("red", 115.0),
                    ("actúe.", 135.0),
                ],
            ),
            (112.0, &[("Agenda", 50.0), ("anual", 90.0)]),
        ];
        let second: &[DrawnCellLine<'_>] =
            &[(124.0, &[("Notas", 50.0), ("de", 80.0), ("posición", 95.0)])];
        let third: &[DrawnCellLine<'_>] = &[(136.0, &[("Presencia", 50.0), ("técnica", 100.0)])];
        let text = pdf_table(&[
            &[
                first,
                &[(112.0, &[("V", 300.0)])],
                &[(112.0, &[("L1M1D1", 350.0)])],
            ],
            &[
                second,
                &[(124.0, &[("0", 300.0)])],
                &[(124.0, &[("L1M1D2", 350.0)])],
            ],
            &[
                third,
                &[(136.0, &[("×", 300.0)])],
                &[(136.0, &[("L1M1D3", 350.0)])],
            ],
        ]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Agenda anual", Some("V")),
                row("L1M1D2", "Notas de posición", Some("0")),
                row("L1M1D3", "Presencia técnica", Some("×")),
            ]
        );
        assert_eq!(plan.measures.len(), 1);
        assert_eq!(plan.measures[0].text.as_deref(), Some("Que la red actúe."));
    }

    #[test]
    fn debris_lines_at_a_rows_bottom_are_not_part_of_its_title_or_mark() {
        let title: &[(f32, &[(&str, f32)])] = &[
            (
                100.0,
                &[("L1M1D1", 50.0), ("Calendario", 90.0), ("de", 150.0)],
            ),
            (112.0, &[("formación", 50.0)]),
        ];
        let with_debris = [title, &[(124.0, &[(".", 50.0)])]].concat();
        // A codeless row of punctuation below the deliverable (`.` | `i`).
        let text = pdf_row(&[
            &with_debris,
            &[(106.0, &[("V", 300.0)]), (124.0, &[("i", 300.0)])],
        ]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        assert_eq!(
            rows(&plan),
            [row("L1M1D1", "Calendario de formación", Some("V"))]
        );
        // A mark set at the row's bottom, beside a lone full stop, stays.
        let text = pdf_row(&[&with_debris, &[(124.0, &[("×", 300.0)])]]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        assert_eq!(rows(&plan)[0].2.as_deref(), Some("×"));
        // A lone short word on the title's last line is the title's.
        let text = pdf_row(&[
            &[title, &[(124.0, &[("y", 50.0)])]].concat(),
            &[(100.0, &[("V", 300.0)])],
        ]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        assert_eq!(
            rows(&plan),
            [row("L1M1D1", "Calendario de formación y", Some("V"))]
        );
        // Two marks, one on a line of its own below: both candidates stay.
        let text = pdf_row(&[title, &[(100.0, &[("V", 300.0)]), (124.0, &[("×", 300.0)])]]);
        let plan = read_plan(&text, &legend::conventional(), &[]);
        assert_eq!(rows(&plan)[0].2, None);
    }

    #[test]
    fn a_mark_on_a_line_of_its_own_right_of_a_titles_cell_is_the_rows_mark() {
        // A mark column the layout did not split off: the mark, centred
        // between the two lines of a wrapped title, became a line of the
        // title's cell, drawn far right of the title's words.
        let drawn = |mark_x: f32| {
            pdf_row(&[&[
                (
                    100.0,
                    &[("L1M1D1", 50.0), ("Annual", 90.0), ("reports", 130.0)][..],
                ),
                (106.0, &[("V", mark_x)][..]),
                (112.0, &[("of", 50.0), ("projects", 65.0)][..]),
            ]])
        };
        let plan = read_plan(&drawn(300.0), &legend::conventional(), &[]);
        assert_eq!(
            rows(&plan),
            [row("L1M1D1", "Annual reports of projects", Some("V"))]
        );
        // Drawn where the title's lines run, a lone mark is not set apart:
        // it stays in the title, and the row has no mark.
        let plan = read_plan(&drawn(100.0), &legend::conventional(), &[]);
        assert_eq!(rows(&plan)[0].2, None);
    }

    #[test]
    fn a_mark_ending_a_title_line_far_right_of_the_title_is_the_rows_mark() {
        // A mark column the layout did not split off, the mark centred on
        // the middle line of a three-line title: it shares that line's
        // baseline, a cell gap past the title's widest line.
        let drawn = |mark_x: f32| {
            pdf_row(&[&[
                (
                    200.0,
                    &[("L2M4D3", 50.0), ("Rapports", 90.0), ("annuels", 135.0)][..],
                ),
                (
                    212.0,
                    &[("des", 50.0), ("projets", 70.0), ("✔", mark_x)][..],
                ),
                (224.0, &[("pilotes", 50.0)][..]),
            ]])
        };
        // Just past the widest line (a narrow mark column), far from the
        // words of its own line.
        for mark_x in [176.0, 320.0] {
            let plan = read_plan(&drawn(mark_x), &legend::conventional(), &[]);
            assert_eq!(
                rows(&plan),
                [row(
                    "L2M4D3",
                    "Rapports annuels des projets pilotes",
                    Some("✔")
                )],
                "{mark_x}"
            );
        }
        // One word space after the line's last word, `o` ("or") is a word
        // of the title, wherever the line ends.
        let spaced = pdf_row(&[&[
            (
                200.0,
                &[
                    ("L1M2D1", 50.0),
                    ("Presencia", 90.0),
                    ("política", 140.0),
                    ("o", 183.0),
                ][..],
            ),
            (212.0, &[("técnica", 50.0)][..]),
        ]]);
        let plan = read_plan(&spaced, &legend::conventional(), &[]);
        assert_eq!(rows(&plan)[0].2, None);
    }

    #[test]
    fn a_status_label_before_its_mark_is_neither_title_nor_mark() {
        // Cards and key-value lines: `Statut : ✔` beside the code, the
        // title on the next line; `Estado:` alone in a cell, its mark in
        // the next; a label whose value is no status stays text.
        let plan = plan(
            "L2M3D1\tStatut : ✔\nAteliers régionaux sur le budget\n\n\
             L2M3D2\tEstado:\t○\nGuía de compras públicas\n\n\
             L2M3D3 Rapport final\tStatus: see annex\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L2M3D1", "Ateliers régionaux sur le budget", Some("✔")),
                row("L2M3D2", "Guía de compras públicas", Some("○")),
                row("L2M3D3", "Rapport final Status: see annex", None),
            ]
        );
    }

    #[test]
    fn a_mark_glued_to_dot_leaders_is_the_rows_mark() {
        let leaders = plan(
            "L1M1D1 Dosier de cada región..×\nL1M1D2 Marcos para las metrópolis. .V\nL1M1D3 Informe final…0",
        );
        assert_eq!(
            rows(&leaders),
            [
                row("L1M1D1", "Dosier de cada región", Some("×")),
                row("L1M1D2", "Marcos para las metrópolis.", Some("V")),
                row("L1M1D3", "Informe final", Some("0")),
            ]
        );
        // Leaders the layout made one word stand between title and mark.
        let apart = plan("L1M1D1 Dosier de cada región … ×\nL1M1D2 Marcos … V 12");
        assert_eq!(
            rows(&apart),
            [
                row("L1M1D1", "Dosier de cada región", Some("×")),
                row("L1M1D2", "Marcos", Some("V")),
            ]
        );
        // One dot glued to a word before a letter is an abbreviation.
        let abbreviation = plan("L1M1D1 Informes, documentos, etc.V");
        assert_eq!(rows(&abbreviation)[0].2, None);
    }

    #[test]
    fn a_code_swallowed_by_another_title_is_its_own_row_without_a_status() {
        let plan = plan("L3M1D2 Manual interno L3M2D1 Agendas regionales\t✓");
        assert_eq!(
            rows(&plan),
            [
                row("L3M1D2", "Manual interno", None),
                row("L3M2D1", "Agendas regionales", None),
            ]
        );
        assert!(codes(&plan).contains(&"deliverables.fused_rows"));
    }

    #[test]
    fn layouts_of_one_row() {
        let want = [row(
            "L1M1D1",
            "Calendario de acontecimientos internacionales",
            Some("v"),
        )];
        for (layout, text) in [
            (
                "tab",
                "L1M1 Que se hayan seguido.\tL1M1D1 Calendario de acontecimientos internacionales\tv",
            ),
            (
                "glued mark",
                "L1M1D1 Calendario de acontecimientos internacionales v",
            ),
            (
                "wrapped",
                "L1M1D1 Calendario de\nacontecimientos\ninternacionales v",
            ),
            (
                "wrapped, mark alone",
                "L1M1D1 Calendario de acontecimientos internacionales\nv",
            ),
            (
                "no tab after measure",
                "L1M1 Que se hayan seguido. L1M1D1 Calendario de acontecimientos internacionales v",
            ),
            (
                "pipe table",
                "| Code | Deliverable | Status |\n|---|---|---|\n| L1M1D1 | Calendario de acontecimientos internacionales | v |",
            ),
            (
                "bold pipe table",
                "| **L1M1D1** | Calendario de acontecimientos internacionales | **v** |",
            ),
            (
                "bullet",
                "- L1M1D1 Calendario de acontecimientos internacionales\tv",
            ),
            (
                "page number after mark",
                "\tL1M1D1 Calendario de acontecimientos internacionales\tv\t12",
            ),
        ] {
            assert_eq!(rows(&plan(text)), want, "layout {layout}");
        }
    }

    #[test]
    fn a_row_without_title_keeps_its_mark() {
        for text in ["| L1M1D1 | | ✓ |", "L1M1D1\t✓", "L1M1D1\t✓\tL1M1D2 Web\tV"] {
            let plan = plan(text);
            assert_eq!(
                rows(&plan).first(),
                Some(&row("L1M1D1", "", Some("✓"))),
                "{text:?}"
            );
            assert!(codes(&plan).contains(&"deliverables.missing_title"));
        }
    }

    #[test]
    fn measure_text_wrapped_in_the_left_column() {
        let plan = plan(
            "L1M1 Que se hayan seguido\tL1M1D1 Calendario\tV\nde cerca los temas.\tL1M1D2 Presencia\t0",
        );
        let texts: Vec<Option<&str>> = plan.measures.iter().map(|m| m.text.as_deref()).collect();
        assert_eq!(texts, [Some("Que se hayan seguido de cerca los temas.")]);
        assert_eq!(plan.deliverables.len(), 2);
    }

    #[test]
    fn table_headings() {
        for (line, want) in [
            ("Medidas\tResultados y entregables\t", true),
            ("Medidas Resultados y entregables", true),
            ("| Measures | Results and deliverables | Status |", true),
            ("Mesures\tRésultats et livrables", true),
            // Singular headings, and headings set without their accents.
            ("Code\tDeliverable\tStatus", true),
            ("Codigo\tResultado\tEstado", true),
            // Columns the lexicon does not list beside most headings.
            ("Código\tResultado\tEstado\tResponsable", true),
            ("Code\tDeliverable\tLead\tDue", false),
            ("Code\tDeliverable\tStatus\tLead", true),
            ("Resultado\tResponsable", false),
            ("Code\tLivrable\tEtat", true),
            // A heading calling a footnote (the status codes' key).
            ("Código\tResultado o entregable\tEstado¹", true),
            ("Code\tDeliverable\tStatus†", true),
            ("resultados", false),
            ("resultados.", false),
            ("Resultados:", false),
            ("Medidas de apoyo", false),
        ] {
            let text = Text::from_plain(line);
            assert_eq!(
                is_table_heading(&cells(&text, 0, &legend::conventional())),
                want,
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_header_row_with_an_unlisted_column_is_no_measure_text() {
        let plan = plan(
            "L1M1 Reforzar la participación ciudadana\nCódigo\tResultado\tEstado\tResponsable\nL1M1D1\tCelebrar cuatro foros\tV\tParticipación\n",
        );
        let texts: Vec<Option<&str>> = plan.measures.iter().map(|m| m.text.as_deref()).collect();
        assert_eq!(texts, [Some("Reforzar la participación ciudadana")]);
    }

    #[test]
    fn measure_text_wrapped_above_its_first_row() {
        let plan = plan(
            "L2M2 Que los resultados de todos\nlos proyectos e iniciativas\nse estudien.\tL2M2D1 Plan estratégico\t0\n\tL2M2D2 Observatorio\tV",
        );
        let texts: Vec<Option<&str>> = plan.measures.iter().map(|m| m.text.as_deref()).collect();
        assert_eq!(
            texts,
            [Some(
                "Que los resultados de todos los proyectos e iniciativas se estudien."
            )]
        );
        assert_eq!(plan.deliverables.len(), 2);
    }

    #[test]
    fn damaged_codes_are_repaired_where_a_code_is_expected() {
        for (text, raw) in [
            (
                "\tL2M1 D3 Convocatoria anual de proyectos piloto\tv",
                "L2M1 D3",
            ),
            (
                "\tL2.M1.D3 Convocatoria anual de proyectos piloto\tv",
                "L2.M1.D3",
            ),
            (
                "\tL 2M1D3 Convocatoria anual de proyectos piloto\tv",
                "L 2M1D3",
            ),
        ] {
            let plan = plan(text);
            assert_eq!(
                rows(&plan),
                [row(
                    "L2M1D3",
                    "Convocatoria anual de proyectos piloto",
                    Some("v")
                )],
                "{text:?}"
            );
            assert!(plan.deliverables[0].repaired);
            let repaired: Vec<&Diagnostic> = plan
                .diagnostics
                .iter()
                .filter(|d| d.code == "deliverables.code_repaired")
                .collect();
            assert_eq!(repaired.len(), 1, "{text:?}");
            assert!(repaired[0].message.contains(raw), "{}", repaired[0].message);
        }
    }

    #[test]
    fn references_in_prose_are_not_deliverables() {
        let plan = plan(
            "\tL2M3D1 Documento temático\tV\nEste documento, como se describe en L2M3D1, y el L2M4D1 se publicaron.\nAs described in L2M3D1 the paper was delayed.",
        );
        assert_eq!(
            rows(&plan),
            [row("L2M3D1", "Documento temático", Some("V"))]
        );
        assert!(!codes(&plan).contains(&"deliverables.repeated_block"));
    }

    #[test]
    fn repeated_block_keeps_marked_titles_and_is_reported_once() {
        let plan = plan(
            "L3M5D1 Estrategia\tV\nL3M5D2 Convenio\tV\nL3M5D3 Planes\t0\n\tEstrategia L3M5D2 Convenio L3M5D3 Planes L3M6D1 Otro\nL3M5D2 Planes\nL3M5D3 Otro\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L3M5D1", "Estrategia", Some("V")),
                row("L3M5D2", "Convenio", Some("V")),
                row("L3M5D3", "Planes", Some("0"))
            ]
        );
        let repeated: Vec<&Diagnostic> = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == "deliverables.repeated_block")
            .collect();
        assert_eq!(repeated.len(), 1);
        assert!(
            repeated[0]
                .message
                .contains("opens with the title of L3M5D1"),
            "{}",
            repeated[0].message
        );
    }

    #[test]
    fn first_marked_occurrence_wins_and_conflicts_keep_both_marks() {
        let plan = plan("L1M1D1 Sin marca\nL1M1D1 Con marca\tV\nL1M1D1 Otra\tx\n");
        assert_eq!(rows(&plan), [row("L1M1D1", "Con marca", Some("V"))]);
        assert_eq!(plan.deliverables[0].conflicting_marks, ["x"]);
        let conflict = plan
            .diagnostics
            .iter()
            .find(|d| d.code == "deliverables.conflicting_marks")
            .expect("conflict");
        assert_eq!(conflict.severity, crate::diagnostic::Severity::Error);
        assert!(conflict.message.contains("`V`") && conflict.message.contains("`x`"));
    }

    #[test]
    fn repeats_with_the_same_mark_are_one_diagnostic_per_code_at_the_first() {
        // Once: as before. A plan repeated on later pages: one diagnostic a
        // code, at its first repeat, counting the repeats and their pages.
        let once = plan("L1M1D1 Uno\tV\nL1M1D1 Uno\tV\n");
        let duplicates: Vec<&Diagnostic> = once
            .diagnostics
            .iter()
            .filter(|d| d.code == "deliverables.duplicate")
            .collect();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(
            duplicates[0].message,
            "L1M1D1 appears again with the same mark; the first occurrence is kept"
        );
        assert_eq!((duplicates[0].page, duplicates[0].line), (Some(1), Some(2)));

        let pages = (1..=4)
            .map(|number| crate::read::RawPage {
                number,
                content: crate::read::PageContent::Text(
                    "L1M1D1 Uno\tV\nL1M1D2 Dos\tx\n".to_owned(),
                ),
            })
            .collect();
        let text = crate::normalize::normalize_pages(crate::model::SourceFormat::Text, 4, pages);
        let reading = legend::read_legend(&text.lines, &crate::lexicon::Lexicons::all());
        let repeated = read_plan(&text, &reading.legend, &reading.lines);
        let duplicates: Vec<(&str, Option<u32>, Option<u32>)> = repeated
            .diagnostics
            .iter()
            .filter(|d| d.code == "deliverables.duplicate")
            .map(|d| (d.message.as_str(), d.page, d.line))
            .collect();
        assert_eq!(
            duplicates,
            [
                ("L1M1D1 appears again 3 times with the same mark (pages 2 to 4); the first occurrence is kept", Some(2), Some(1)),
                ("L1M1D2 appears again 3 times with the same mark (pages 2 to 4); the first occurrence is kept", Some(2), Some(2)),
            ]
        );
        assert_eq!(
            rows(&repeated),
            [
                row("L1M1D1", "Uno", Some("V")),
                row("L1M1D2", "Dos", Some("x"))
            ]
        );
    }

    #[test]
    fn hierarchy_gaps_and_missing_texts() {
        let plan = plan(
            "ACTION LINE 1 (L1) Urban diplomacy\nL1M1 Measure one.\tL1M1D1 First\tV\n\tL1M1D3 Third\t✓\nL1M5D1 Fifth measure\tx\nLIGNE D’ACTION 2 (L2)\nRenforcer les capacités\n",
        );
        let titles: Vec<(&str, Option<&str>)> = plan
            .action_lines
            .iter()
            .map(|a| (a.code.as_str(), a.title.as_deref()))
            .collect();
        assert_eq!(
            titles,
            [
                ("L1", Some("Urban diplomacy")),
                ("L2", Some("Renforcer les capacités"))
            ]
        );
        let measures: Vec<(&str, bool)> = plan
            .measures
            .iter()
            .map(|m| (m.code.as_str(), m.text.is_some()))
            .collect();
        assert_eq!(measures, [("L1M1", true), ("L1M5", false)]);
        let gaps: Vec<&str> = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == "deliverables.numbering_gap")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            gaps,
            [
                "action line L1 has no measure L1M2",
                "action line L1 has no measure L1M3",
                "action line L1 has no measure L1M4",
                "measure L1M1 has no deliverable L1M1D2"
            ]
        );
        assert!(plan
            .diagnostics
            .iter()
            .all(|d| d.code != "deliverables.numbering_gap"
                || d.severity == crate::diagnostic::Severity::Info));
        assert!(codes(&plan).contains(&"deliverables.measure_without_text"));
    }

    #[test]
    fn action_line_heading_noise() {
        let plan =
            plan("LÍNEA DE ACCIÓN 1^(L1) Ejercer la diplomacia urbana\n\tL1M1D1 Calendario\tV");
        assert_eq!(
            plan.action_lines[0].title.as_deref(),
            Some("Ejercer la diplomacia urbana")
        );
        assert_eq!(
            (plan.action_lines[0].page, plan.action_lines[0].line),
            (Some(1), Some(1))
        );
    }

    #[test]
    fn marks_unknown_missing_and_variants() {
        let plan = plan(
            "V alcanzado 0 en proceso x no desarrollado\n\tL1M1D1 Uno\t*\n\tL1M1D2 Dos\t٧\n\tL1M1D3 Tres\n\n",
        );
        let statuses: Vec<Option<Status>> = plan.deliverables.iter().map(|d| d.status).collect();
        assert_eq!(statuses, [None, Some(Status::Achieved), None]);
        let codes = codes(&plan);
        for code in [
            "deliverables.unknown_mark",
            "deliverables.mark_variant",
            "deliverables.missing_mark",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
    }

    #[test]
    fn marks_of_its_own_withdraw_the_conventional_readings() {
        // No legend; full and half circles are no conventional marks, so
        // the empty circle beside them is the document's own too.
        let own =
            plan("\tL1M1D1 Uno\t●\n\tL1M1D2 Dos\t◐\n\tL1M1D3 Tres\t○\n\tL1M1D4 Cuatro\t○\n\n");
        let statuses: Vec<Option<Status>> = own.deliverables.iter().map(|d| d.status).collect();
        assert_eq!(statuses, [None, None, None, None]);
        let warning = own
            .diagnostics
            .iter()
            .find(|d| d.code == "deliverables.own_marks")
            .map(|d| d.message.clone())
            .unwrap_or_default();
        assert!(warning.contains("L1M1D3, L1M1D4"), "{warning}");
        // One stray glyph among conventional marks leaves them read.
        let stray = plan("\tL1M1D1 Uno\t●\n\tL1M1D2 Dos\t○\n\n");
        let statuses: Vec<Option<Status>> = stray.deliverables.iter().map(|d| d.status).collect();
        assert_eq!(statuses, [None, Some(Status::InProgress)]);
    }

    #[test]
    fn notes_under_a_table_are_neither_titles_nor_marks() {
        let plan = plan(
            "✓ achieved ○ in progress ✗ not developed\n\
             \tL1M1D1 Calendar of events\t✓¹\n\
             \tL1M1D2 Position papers on\t○\n\
             metropolitan finance\n\
             \tL1M1D3 Annual forum\t✗†\n\
             ¹ See annex II.\n\
             † Source: the annual report.\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row("L1M1D1", "Calendar of events", Some("✓¹")),
                row(
                    "L1M1D2",
                    "Position papers on metropolitan finance",
                    Some("○")
                ),
                row("L1M1D3", "Annual forum", Some("✗†")),
            ]
        );
        let statuses: Vec<Option<Status>> = plan.deliverables.iter().map(|d| d.status).collect();
        assert_eq!(
            statuses,
            [
                Some(Status::Achieved),
                Some(Status::InProgress),
                Some(Status::NotDeveloped)
            ]
        );
    }

    #[test]
    fn dashes_filling_the_cells_beside_a_wrapped_title_are_empty_cells() {
        let plan = plan(
            "✓ achieved ○ in progress ✗ not developed\n\
             L1M1 That the network follows events.\tL1M1D1 Position papers on\t○\n\
             -\tmetropolitan finance\t-\n\
             \tL1M1D2 Annual forum\t✗\n",
        );
        assert_eq!(
            rows(&plan),
            [
                row(
                    "L1M1D1",
                    "Position papers on metropolitan finance",
                    Some("○")
                ),
                row("L1M1D2", "Annual forum", Some("✗")),
            ]
        );
    }

    /// Code, title and mark of one expected row.
    type Want<'a> = (&'a str, &'a str, Option<&'a str>);

    #[test]
    fn wrapped_rows_in_pdf_layouts() {
        let cases: &[(&str, &str, &[Want<'_>])] = &[
            (
                "Spanish `o` at a line end is a word, not a mark",
                "\tL1M1D3 Presencia política o\ntécnica en acontecimientos V",
                &[(
                    "L1M1D3",
                    "Presencia política o técnica en acontecimientos",
                    Some("V"),
                )],
            ),
            (
                "mark on the first line, title continues with a capital",
                "L3M7D1 Organigrama de la Secretaría\t0\nGeneral de Metropolis\nL3M7D2 Descripción\tV",
                &[
                    (
                        "L3M7D1",
                        "Organigrama de la Secretaría General de Metropolis",
                        Some("0"),
                    ),
                    ("L3M7D2", "Descripción", Some("V")),
                ],
            ),
            (
                "page number between rows and glued after a mark",
                "L1M1D1 Calendario de acontecimientos v 12\n\n13\n\nL1M1D2 Presencia\tV",
                &[
                    ("L1M1D1", "Calendario de acontecimientos", Some("v")),
                    ("L1M1D2", "Presencia", Some("V")),
                ],
            ),
            (
                "table headings repeated at the top of a page",
                "L1M4D1 Coordinación con socios\t*\nMedidas\tResultados y entregables\nL1M5D1 Estrategia\tV",
                &[
                    ("L1M4D1", "Coordinación con socios", Some("*")),
                    ("L1M5D1", "Estrategia", Some("V")),
                ],
            ),
            (
                "debris on one cell after a row",
                "\tL2M5D2 Calendario y programa de formación V\n\t. i\nL2M6D1 Observatorio\tV",
                &[
                    ("L2M5D2", "Calendario y programa de formación", Some("V")),
                    ("L2M6D1", "Observatorio", Some("V")),
                ],
            ),
            (
                "a year range cut after its hyphen",
                "L1M6D1 Planes anuales (2018-\n2019-2020)\tV",
                &[("L1M6D1", "Planes anuales (2018-2019-2020)", Some("V"))],
            ),
            (
                "prose after a blank line is not a title",
                "L1M1D1 Calendario\tV\n\nEsta publicación ha sido editada con apoyo.",
                &[("L1M1D1", "Calendario", Some("V"))],
            ),
            (
                "a totals line right after the last row is not a title",
                "L1M1D1 Calendario\tV\nAchieved: 1",
                &[("L1M1D1", "Calendario", Some("V"))],
            ),
        ];
        for (case, text, want) in cases {
            let text = Text::from_plain(text);
            let reading = legend::read_legend(&text.lines, &crate::lexicon::Lexicons::all());
            let totals = crate::extract::read_totals(&text.lines, &crate::lexicon::Lexicons::all());
            let mut claimed = reading.lines.clone();
            claimed.extend(&totals.lines);
            let plan = read_plan(&text, &reading.legend, &claimed);
            let want: Vec<_> = want.iter().map(|(c, t, m)| row(c, t, *m)).collect();
            assert_eq!(rows(&plan), want, "{case}");
        }
    }

    #[test]
    fn table_debris_is_not_a_title_or_a_mark() {
        let plan = plan(
            "\tL2M5D2 Calendario de acontecimientos\tV\n\t<u>.</u>\ti\n\nV alcanzado 0 en proceso x no desarrollado\n",
        );
        assert_eq!(
            rows(&plan),
            [row("L2M5D2", "Calendario de acontecimientos", Some("V"))]
        );
    }

    proptest! {
        #[test]
        fn any_text_never_panics(text in "\\PC*") {
            let _ = crate::extract::extract(&Text::from_plain(&text), &crate::detect::Profile::unknown());
        }

        #[test]
        fn code_like_text_never_panics(text in "([LMD. \t|*×٧vV0-9\n]|L1M1D1|L99999M1D1|Achieved: 9|V alcanzado){0,40}") {
            let text = Text::from_plain(&text);
            let extraction = crate::extract::extract(&text, &crate::detect::Profile::unknown());
            let mut diagnostics = Vec::new();
            let mut deliverables = extraction.deliverables;
            let _ = crate::check::reconcile_totals(&mut deliverables, extraction.declared_totals, None, &mut diagnostics);
        }
    }
}
