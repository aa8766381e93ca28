//! Reading order: the kept lines of a page as text, tables as rows in place
//! and prose with its paragraph breaks, and the page's blocks.

use super::anchors::{anchor_shape, is_anchor};
use super::columns::{is_mark_token, marks_between_page_columns, DocumentColumns, GutterCrossings};
use super::gutters::anchor_tables;
use super::lines::{text_extent, TextLine};
use super::stacked::{page_top_rows, stacked_tables};
use super::tables::{cell_text, find_regions, Fragment, LaidRow};
use super::thresholds::*;
use super::weight::marked_prose;
use super::words::Word;
use crate::diagnostic::{Code, Diagnostic};
use crate::grammar;
use crate::page::{self, text_blocks, Block, BlockKind, BoundingBox, Cell, Row};
use crate::read::Rule;

/// Lays out the kept lines of one page: its text, and the blocks its lines
/// form (indices into the text's lines).
///
/// Bold runs of prose lines come out as Markdown `**…**`, so the extractors
/// read a PDF's emphasis as they read a Markdown file's; table rows stay
/// plain, as the extractors of tables expect. A table's rows are the rows of
/// a table block; a prose line with wide gaps is a row of cells too (its
/// chunks), and consecutive such lines one table.
///
/// A page set in two columns (newspaper layout) is read column by column:
/// see [`page_flows`].
///
/// The notes say what the passes moved: a word crossing a page gutter (on
/// the first line of the page column it is read in), a status mark read as
/// the first word of a page column rather than as the mark of the row
/// before the gutter (the guard of the mark columns; on the first line of
/// that page column too),
/// lines lifted into the row below them ([`page_top_rows`]).
pub(super) fn render(
    lines: &[TextLine],
    document: &DocumentColumns,
    rules: &[Rule],
) -> (String, Vec<Block>, Vec<Diagnostic>) {
    let mut out: Vec<String> = Vec::new();
    let mut tables: Vec<Block> = Vec::new();
    let mut notes = Vec::new();
    let mut strays = Vec::new();
    let flows = flows(lines, &mut strays, false);
    let guarded = marks_between_page_columns(lines, &flows);
    for flow in flows {
        let first = out.len();
        for (y, mark) in &guarded {
            let here = flow
                .iter()
                .any(|line| line.y == *y && line.words.iter().any(|w| w.text == *mark));
            if here {
                notes.push(note_at(
                    Diagnostic::info(
                        Code::LayoutPageColumnMark,
                        format!(
                            "`{mark}` stands a gutter after a row's code but opens the next page column; no mark column was learnt from it"
                        ),
                    ),
                    first,
                ));
            }
        }
        for (y, word) in &strays {
            let here = flow
                .iter()
                .any(|line| line.y == *y && line.words.iter().any(|w| w.text == *word));
            if here {
                notes.push(note_at(
                    Diagnostic::info(
                        Code::LayoutPageGutterStray,
                        format!(
                            "`{word}` runs across a page gutter; read in the page column it starts in"
                        ),
                    ),
                    first,
                ));
            }
        }
        render_flow(&flow, document, rules, &mut out, &mut tables, &mut notes);
    }
    let mut text = String::new();
    for line in &out {
        text.push_str(line);
        text.push('\n');
    }
    let texts: Vec<&str> = out.iter().map(String::as_str).collect();
    (text, text_blocks(&texts, tables), notes)
}

/// The lines of a page as flows read one after the other: the lines above
/// the page's columns (a title across both), the left column, the right
/// column, the lines below (a footnote across both); a page without columns
/// is one flow.
///
/// A page gutter is whitespace at least [`PAGE_GUTTER`] em wide, in the
/// middle of the text width, that an unbroken run of most of the page's lines
/// (at least [`PAGE_COLUMN_LINES`] on each side) never crosses. The gutter
/// between two columns of a table is such whitespace too, on a page that
/// holds only the table; it is a page gutter only when both sides look alike:
/// both hold tables of their own (a quarter of their lines or more with
/// cell gaps), or one holds prose (lines of several words, few cell gaps) and
/// the other a table set within prose of its own column: prose lines there
/// run across the table's own gutter ([`table_in_prose`]). A table's columns
/// differ (a prose cell beside a column of titles and marks, a column of
/// months beside one of events), and no line of a table's column crosses
/// the gutter inside it. Both sides prose (lines of several words, few cell
/// gaps) are the page columns of a newspaper page, unless both sides start
/// rows with anchors ([`anchored_rows`]): a table of measures beside their
/// deliverables, both wrapped prose.
///
/// A table flowing through page columns (three in a row, cells so narrow
/// that they wrap into prose-like runs) passes none of those tests; its
/// sides are page columns when [`flows_through`] says so, and each side may
/// hold more page columns of the same table. Its gutter may be crossed by a
/// stray word here and there (a word too wide for its narrow column).
pub(super) fn page_flows(lines: &[TextLine]) -> Vec<Vec<TextLine>> {
    flows(lines, &mut Vec::new(), false)
}

/// [`page_flows`], adding to `strays` the words that cross a page gutter
/// (baseline and text); `within` when `lines` are one side of a page
/// already cut at a page gutter. Gutters that words overflow are tried only
/// when no clear gutter parts the page, so a page read in columns before is
/// cut where it was.
fn flows(lines: &[TextLine], strays: &mut Vec<(f32, String)>, within: bool) -> Vec<Vec<TextLine>> {
    for overflow in [false, true] {
        if let Some(split) = split_page(lines, &[false, true], overflow, within) {
            return split_sides(split, strays);
        }
    }
    vec![lines.to_vec()]
}

/// The flows of a page cut at a page gutter: the lines above, each side's
/// own flows (a side may hold more page columns), the lines below.
fn split_sides(split: Split, strays: &mut Vec<(f32, String)>) -> Vec<Vec<TextLine>> {
    strays.extend(split.strays);
    let [above, left, right, below] = split.parts;
    let mut out = vec![above];
    out.extend(flows(&left, strays, true));
    out.extend(flows(&right, strays, true));
    out.push(below);
    out
}

/// The page cut at its best gutter into the lines above, the two sides and
/// the lines below, when the sides are page columns: by the tests of
/// [`page_flows`], or, when `flowing`, along a gutter that strays may cross
/// and by [`flows_through`] alone. With `overflow`, a word that runs out of
/// its column into the gutter, up to [`PAGE_OVERFLOW`] em past it, crosses
/// no gutter, as long as half the lines at least leave the gutter wholly
/// clear: the clear majority tells where the gutter is, and a table too
/// wide for its page column (overprinting the next column's first letters)
/// does not hide it. Such a gutter parts a whole page (not `within` a side
/// of a page already cut) only when a side is cut again: a page of three
/// page columns or more, narrow columns being where a table too wide for
/// its column runs into the gutter; on a page of two such a gutter is as
/// likely a table whose long titles run up to its mark column, or prose.
///
/// Each of `flowings` is tried in turn on the one search of the page's
/// gutters (which lines cross which candidate gutter does not depend on
/// it): a page set in no columns is searched once, not once a way.
fn split_page(
    lines: &[TextLine],
    flowings: &[bool],
    overflow: bool,
    within: bool,
) -> Option<Split> {
    if lines.len() < 2 * PAGE_COLUMN_LINES {
        return None;
    }
    let (left, right) = text_extent(lines);
    let width = right - left;
    if !width.is_finite() || width <= 0.0 {
        return None;
    }
    // The candidate gutters, one point apart, and which lines cross each:
    // a word crosses the gutters of one run of them (its ends compare
    // monotonically with `x`), found by bisection rather than by testing
    // every word at every gutter.
    let mut gutters = Vec::new();
    let mut x = left + 0.3 * width;
    while x <= left + 0.7 * width {
        gutters.push(x);
        x += 1.0;
    }
    let crossings = GutterCrossings::of(lines, &gutters, overflow);
    let page = Gutters {
        lines,
        gutters: &gutters,
        crossings: &crossings,
        middle: left + width / 2.0,
    };
    flowings
        .iter()
        .find_map(|&flowing| page.split(flowing, overflow, within))
}

/// A page's candidate gutters and the lines that cross each.
struct Gutters<'a> {
    lines: &'a [TextLine],
    gutters: &'a [f32],
    crossings: &'a GutterCrossings,
    middle: f32,
}

impl Gutters<'_> {
    /// The page cut at its best gutter, as [`split_page`] says, `flowing` or not.
    ///
    /// A column of status marks opening the side right of that gutter, when
    /// the side left of it holds no marks and the right side's rows end in
    /// marks of their own, is the mark column of the left side's table (set
    /// at the page gutter, a narrower gap from its titles than the page
    /// gutter after it, or a folio standing in that page gutter cut the
    /// longer run just left of the marks): a table has one mark column, so
    /// the page is cut past those marks ([`opening_marks`]).
    fn split(&self, flowing: bool, overflow: bool, within: bool) -> Option<Split> {
        let (first, last, gutter) = self.best(flowing, f32::NEG_INFINITY)?;
        let cut = self.cut(first, last, gutter, flowing, overflow)?;
        let cut = match opening_marks(&cut.1, &cut.2) {
            Some(edge) => self
                .best(flowing, edge)
                .and_then(|(first, last, gutter)| self.cut(first, last, gutter, flowing, overflow))
                .unwrap_or(cut),
            None => cut,
        };
        self.judge(cut, flowing, overflow, within)
    }

    /// The longest run of lines that no candidate gutter right of `after`
    /// is crossed by (but for strays, when `flowing`): its first and last
    /// line and the gutter.
    fn best(&self, flowing: bool, after: f32) -> Option<(usize, usize, f32)> {
        let Self {
            gutters,
            crossings,
            middle,
            ..
        } = *self;
        // For each candidate gutter, the longest run of lines that does not
        // cross it (but for strays, when `flowing`).
        let strays_allowed = flowing;
        let mut best: Option<(usize, usize, f32)> = None;
        // Gutters a point apart are mostly crossed by the same lines: their
        // runs are found once for each such stretch of gutters.
        let mut runs: (Option<&[bool]>, Vec<(usize, usize)>) = (None, Vec::new());
        for (at, &x) in gutters.iter().enumerate() {
            if x <= after {
                continue;
            }
            let Some(crossing) = crossings.crossing(at) else {
                continue;
            };
            if runs.0 != Some(crossing) {
                runs = (Some(crossing), stray_runs(crossing, strays_allowed));
            }
            for &(first, last) in &runs.1 {
                // The longest run wins; of equal runs, the gutter nearest the middle.
                let length = last + 1 - first;
                let better = best.is_none_or(|(best_first, best_last, at)| {
                    let best_length = best_last + 1 - best_first;
                    length > best_length
                        || (length == best_length && (x - middle).abs() < (at - middle).abs())
                });
                if better {
                    best = Some((first, last, x));
                }
            }
        }
        best
    }

    /// The run of lines `first..=last` cut at `gutter` into its two sides,
    /// when the run is long enough and each side holds enough lines.
    fn cut(
        &self,
        first: usize,
        last: usize,
        gutter: f32,
        flowing: bool,
        overflow: bool,
    ) -> Option<Cut> {
        let lines = self.lines;
        let run = last + 1 - first;
        if run * 5 < lines.len() * 3 {
            return None;
        }
        // A stray or overflowing word belongs to the column it starts in.
        let on_the_left = |word: &Word| {
            if flowing || overflow {
                word.x0 < gutter
            } else {
                word.x1 <= gutter
            }
        };
        let run_lines = lines.get(first..=last).unwrap_or_default();
        // A side of too few lines is told from the words' places, before
        // any word is copied into the sides.
        let side_lines = |left: bool| {
            run_lines
                .iter()
                .filter(|line| line.words.iter().any(|word| on_the_left(word) == left))
                .count()
        };
        if side_lines(true) < PAGE_COLUMN_LINES || side_lines(false) < PAGE_COLUMN_LINES {
            return None;
        }
        let (mut left_lines, mut right_lines) = (Vec::new(), Vec::new());
        let mut strays = Vec::new();
        for line in run_lines {
            let half = PAGE_GUTTER * line.size / 2.0;
            if flowing || overflow {
                strays.extend(
                    line.words
                        .iter()
                        .filter(|word| word.x0 < gutter + half && word.x1 > gutter + half)
                        .map(|word| (line.y, word.text.clone())),
                );
            }
            let (before, after): (Vec<_>, Vec<_>) =
                line.words.iter().cloned().partition(&on_the_left);
            for (words, side) in [(before, &mut left_lines), (after, &mut right_lines)] {
                if !words.is_empty() {
                    side.push(TextLine {
                        y: line.y,
                        size: line.size,
                        words,
                    });
                }
            }
        }
        if left_lines.len() < PAGE_COLUMN_LINES || right_lines.len() < PAGE_COLUMN_LINES {
            return None;
        }
        Some(((first, last), left_lines, right_lines, strays))
    }

    /// The page cut into its parts when the two sides of `cut` are page
    /// columns by the tests of [`page_flows`].
    fn judge(&self, cut: Cut, flowing: bool, overflow: bool, within: bool) -> Option<Split> {
        let lines = self.lines;
        let ((first, last), left_lines, right_lines, strays) = cut;
        // A side set in page columns of its own is judged by its column
        // beside the gutter: three columns of prose are prose beside prose at
        // each gutter, not prose beside a page of two columns.
        let near_left = beside_gutter(&left_lines, true, overflow);
        let near_right = beside_gutter(&right_lines, false, overflow);
        let nested = near_left.is_some() || near_right.is_some();
        if overflow && !within && !nested {
            return None;
        }
        let columns = if flowing {
            flows_through(&left_lines, &right_lines)
        } else {
            page_columns(&left_lines, &right_lines)
                || (nested
                    && page_columns(
                        near_left.as_deref().unwrap_or(&left_lines),
                        near_right.as_deref().unwrap_or(&right_lines),
                    ))
        };
        columns.then(|| Split {
            parts: [
                lines.get(..first).unwrap_or_default().to_vec(),
                left_lines,
                right_lines,
                lines.get(last + 1..).unwrap_or_default().to_vec(),
            ],
            strays,
        })
    }
}

/// The page column of `side` nearest a page gutter on its right (`right`)
/// or on its left, when the side is itself cut into page columns by the
/// tests of [`page_flows`] (at a gutter words may overflow when
/// `overflow`, and only where no clear gutter cuts it).
fn beside_gutter(side: &[TextLine], right: bool, overflow: bool) -> Option<Vec<TextLine>> {
    let split = split_page(side, &[false], false, true).or_else(|| {
        overflow
            .then(|| split_page(side, &[false], true, true))
            .flatten()
    })?;
    let [_, left, other, _] = split.parts;
    let near = if right { other } else { left };
    Some(beside_gutter(&near, right, overflow).unwrap_or(near))
}

/// A run of lines cut at a gutter: the run's first and last line, the
/// lines left and right of the gutter, and the words crossing it (baseline
/// and text).
type Cut = (
    (usize, usize),
    Vec<TextLine>,
    Vec<TextLine>,
    Vec<(f32, String)>,
);

/// Where the column of status marks that opens the `right` side of a
/// gutter ends, when it is the left side's mark column (see
/// [`Gutters::split`]): [`TIGHT_MARKS`] lines or more of `right` open with
/// a mark a gutter's gap before their next word (or alone), every word of
/// `right` starting left of those marks' end is such a mark, no line of
/// `left` ends in a mark of its own, and [`TIGHT_MARKS`] lines or more of
/// `right` do, past the marks: the right side's rows are marked in their
/// own column, the left side's rows in none.
fn opening_marks(left: &[TextLine], right: &[TextLine]) -> Option<f32> {
    let opening = |line: &TextLine| {
        let mark = line.words.first()?;
        let spaced = line
            .words
            .get(1)
            .is_none_or(|next| next.x0 - mark.x1 >= GUTTER_GAP * line.size);
        (is_mark_token(&mark.text) && spaced).then_some((mark.x0, mark.x1))
    };
    let marks: Vec<(f32, f32)> = right.iter().filter_map(opening).collect();
    if marks.len() < TIGHT_MARKS {
        return None;
    }
    let edge = marks
        .iter()
        .map(|mark| mark.1)
        .fold(f32::NEG_INFINITY, f32::max);
    let only_marks = right.iter().all(|line| {
        line.words
            .iter()
            .enumerate()
            .all(|(index, word)| word.x0 >= edge || (index == 0 && opening(line).is_some()))
    });
    let ends_in_mark = |line: &TextLine| line.mark_start().is_some_and(|x| x > edge);
    let unmarked_left = !left.iter().any(|line| line.mark_start().is_some());
    let marked_right = right.iter().filter(|line| ends_in_mark(line)).count() >= TIGHT_MARKS;
    (only_marks && unmarked_left && marked_right).then_some(edge)
}

/// A page cut at a page gutter: the lines above, the two sides and the
/// lines below, and the words that cross the gutter (baseline and text),
/// read in the side they start in.
struct Split {
    parts: [Vec<TextLine>; 4],
    strays: Vec<(f32, String)>,
}

/// Whether the two sides of a gutter look alike as page columns do (see
/// [`page_flows`]).
fn page_columns(left_lines: &[TextLine], right_lines: &[TextLine]) -> bool {
    let tabular = |side: &[TextLine]| {
        let cut = side
            .iter()
            .filter(|line| !line.chunk_starts().is_empty())
            .count();
        cut >= 3 && cut * PAGE_TABLE_SHARE >= side.len()
    };
    let alike = tabular(left_lines) && tabular(right_lines) && !one_table(left_lines, right_lines);
    let table_beside_prose = (table_in_prose(left_lines) && is_prose(right_lines))
        || (table_in_prose(right_lines) && is_prose(left_lines));
    // A side whose codes stand in a column inside it, a word space after
    // the measures' text (a code column set close to its measures), is two
    // columns of a table, not a page column of prose: when the other
    // side's lines stand on its baselines, both sides are one table.
    let inner_codes = code_column(left_lines) || code_column(right_lines);
    let prose_beside_prose = is_prose(left_lines)
        && is_prose(right_lines)
        && !(anchored_rows(left_lines) && anchored_rows(right_lines))
        && !(inner_codes && one_table(left_lines, right_lines));
    alike || table_beside_prose || prose_beside_prose
}

/// Whether codes ([`grammar::is_code_word`]) start at one place right of
/// the side's left edge on [`ANSWERED_ANCHORS`] lines or more: a table's
/// code column, whatever gap parts it from the words before it. Prose cites
/// a code wherever its line puts it, and a list opens its lines with codes
/// at the left edge.
fn code_column(side: &[TextLine]) -> bool {
    let (edge, _) = text_extent(side);
    let starts: Vec<(f32, f32)> = side
        .iter()
        .flat_map(|line| {
            let tolerance = EDGE_TOLERANCE * line.size;
            line.words
                .iter()
                .filter(move |word| word.x0 > edge + tolerance && grammar::is_code_word(&word.text))
                .map(move |word| (word.x0, tolerance))
        })
        .collect();
    starts.iter().any(|&(x, tolerance)| {
        starts
            .iter()
            .filter(|&&(other, _)| (other - x).abs() <= tolerance)
            .count()
            >= ANSWERED_ANCHORS
    })
}

/// Whether the two sides of a gutter are the columns of one table, not two
/// page columns: one side holds the rows' anchors (codes, months) and the
/// other none, and most lines of the other side stand on the baseline of a
/// line of the anchored side: the marks and notes of the anchored rows
/// (`No. │ Code │ Title` ‖ `Status │ Lead`; a mark centred on a two-line
/// title stands between baselines), or nearly every anchor of three or
/// more has a line of the other side on its baseline: the other side's
/// cells open on the rows' first lines, and their wrapped lines (long
/// titles beside short codes) outnumber the anchors. Page columns each
/// hold their own anchors opening their lines (a table flowing through
/// both, a calendar's months). Without anchors on one side only (none, or a
/// code cited inside a cell: `Merged with R-03`, on both sides), the sides are one table
/// when they pair line for line: three in four lines of the shorter side,
/// three at least, stand on a baseline of the other (rows set at one pitch,
/// cut at their widest gutter); page columns set their lines independently.
fn one_table(left: &[TextLine], right: &[TextLine]) -> bool {
    let anchors = |line: &TextLine| {
        line.words
            .iter()
            .any(|word| is_anchor(&word.text) || is_prefixed_code(&word.text))
    };
    let anchored = |side: &[TextLine]| side.iter().any(anchors);
    let (rows, beside) = match (anchored(left), anchored(right)) {
        (true, false) => (left, right),
        (false, true) => (right, left),
        (true, true) if anchored_rows(left) && anchored_rows(right) => return false,
        // Codes cited inside the other side's cells (`as announced in
        // L2M1D3`) anchor no rows there: only the side whose lines open on
        // anchors holds the rows.
        (true, true) if anchored_rows(left) => (left, right),
        (true, true) if anchored_rows(right) => (right, left),
        _ => return paired_lines(left, right),
    };
    let on_a_row = beside
        .iter()
        .filter(|line| {
            rows.iter()
                .any(|row| (row.y - line.y).abs() <= ROW_BASELINE * line.size)
        })
        .count();
    let anchor_lines: Vec<&TextLine> = rows.iter().filter(|line| anchors(line)).collect();
    let answered = anchor_lines
        .iter()
        .filter(|row| {
            beside
                .iter()
                .any(|line| (row.y - line.y).abs() <= ROW_BASELINE * line.size)
        })
        .count();
    on_a_row * 2 >= beside.len()
        || (anchor_lines.len() >= ANSWERED_ANCHORS && answered * 10 >= anchor_lines.len() * 9)
}

/// For each line that does not cross a gutter, the longest run from it to a
/// later such line that no line crosses, or, with `strays`, in which at most
/// one line in [`PAGE_GUTTER_STRAYS`] does.
fn stray_runs(crossing: &[bool], strays_allowed: bool) -> Vec<(usize, usize)> {
    // A run `first..=last` holds few enough crossing lines when
    // `crossings * weight <= last + 1 - first`, that is when
    // `balance[last + 1] <= balance[first]`: `balance[j]` counts `weight`
    // for each crossing line before `j` and one for each line from `j` on.
    // Without strays, one crossing line outweighs any run.
    let lines = crossing.len();
    let weight = if strays_allowed {
        PAGE_GUTTER_STRAYS
    } else {
        lines + 1
    };
    let mut balance = Vec::with_capacity(lines + 1);
    balance.push(lines);
    let mut crossings = 0;
    for (index, &crossed) in crossing.iter().enumerate() {
        crossings += usize::from(crossed);
        balance.push(weight * crossings + lines - index - 1);
    }
    // For each end `j`, the least balance of the ends from `j` on that close
    // a run on a line that does not cross: it grows with `j`, so the last
    // end within a run's reach is found by bisection.
    let mut lowest = vec![usize::MAX; lines + 1];
    let mut least = usize::MAX;
    for end in (1..=lines).rev() {
        if !crossing[end - 1] {
            least = least.min(balance[end]);
        }
        lowest[end] = least;
    }
    (0..lines)
        .filter(|&first| !crossing[first])
        .map(|first| {
            // The first line alone is always a run.
            let ends = lowest[first + 1..].partition_point(|&low| low <= balance[first]);
            (first, first + ends.max(1) - 1)
        })
        .collect()
}

/// Whether the two sides of a gutter are page columns that one table flows
/// through: the commonest shape of the anchors opening cells (`L#M#D#`, a
/// month) opens a third of each side's anchors or more, [`FLOW_ANCHORS`] at
/// least; those anchors run down the same height on both sides; most of
/// them on the side with fewer stand on no baseline of
/// one on the other side, and some column of them stands as far from its
/// side's left edge on both sides (page columns set their cells alike). Two
/// columns of one table hold anchors of different shapes (a measure `L1M1`
/// beside its deliverables `L1M1D1`), or pair them row by row (a start
/// month beside an end month); page columns hold rows of their own, so a
/// table flowing through three page columns is read column by column
/// however narrow its cells, and whether its column reads as prose.
fn flows_through(left: &[TextLine], right: &[TextLine]) -> bool {
    // Each anchor opening a cell: its shape, baseline, font size, and
    // offset from its side's left edge.
    let anchors = |side: &[TextLine]| -> Vec<(String, f32, f32, f32)> {
        let (edge, _) = text_extent(side);
        side.iter()
            .flat_map(|line| {
                let starts = line.chunk_starts();
                line.words
                    .iter()
                    .enumerate()
                    .filter(move |(index, word)| *index == 0 || starts.contains(&word.x0))
                    .filter_map(move |(_, word)| {
                        anchor_shape(&word.text)
                            .map(|shape| (shape, line.y, line.size, word.x0 - edge))
                    })
            })
            .collect()
    };
    let (left, right) = (anchors(left), anchors(right));
    let Some(shape) = commonest(left.iter().chain(&right)) else {
        return false;
    };
    let holds = |side: &[(String, f32, f32, f32)]| {
        let count = side.iter().filter(|anchor| anchor.0 == shape).count();
        count >= FLOW_ANCHORS && count * 3 >= side.len()
    };
    if !holds(&left) || !holds(&right) {
        return false;
    }
    let of_shape = |side: &[(String, f32, f32, f32)]| -> Vec<(f32, f32, f32)> {
        side.iter()
            .filter(|anchor| anchor.0 == shape)
            .map(|anchor| (anchor.1, anchor.2, anchor.3))
            .collect()
    };
    let (left, right) = (of_shape(&left), of_shape(&right));
    let (fewer, more) = if left.len() <= right.len() {
        (&left, &right)
    } else {
        (&right, &left)
    };
    // Page columns run side by side down the page: each side's anchors
    // reach into the other's height, as tables stacked one above the other
    // do not.
    let span = |side: &[(f32, f32, f32)]| {
        side.iter().fold(
            (f32::INFINITY, f32::NEG_INFINITY),
            |(top, bottom), anchor| (top.min(anchor.0), bottom.max(anchor.0)),
        )
    };
    let ((top, bottom), (other_top, other_bottom)) = (span(fewer), span(more));
    let shared = bottom.min(other_bottom) - top.max(other_top);
    if shared * 2.0 < (bottom - top).min(other_bottom - other_top) {
        return false;
    }
    // Page columns of one table set their cells alike: some column of
    // anchors stands as far from its page column's left edge on both sides.
    let at = |side: &[(f32, f32, f32)], offset: f32| {
        side.iter()
            .filter(|anchor| (anchor.2 - offset).abs() <= EDGE_TOLERANCE * anchor.1)
            .count()
    };
    let same_cells = fewer
        .iter()
        .any(|anchor| at(fewer, anchor.2) >= FLOW_ANCHORS && at(more, anchor.2) >= FLOW_ANCHORS);
    let paired = fewer
        .iter()
        .filter(|(y, size, _)| {
            more.iter()
                .any(|other| (other.0 - y).abs() <= ROW_BASELINE * size)
        })
        .count();
    same_cells && paired * 2 < fewer.len()
}

/// The shape most anchors have.
fn commonest<'a>(anchors: impl Iterator<Item = &'a (String, f32, f32, f32)>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (shape, _, _, _) in anchors {
        match counts.iter_mut().find(|(seen, _)| seen == shape) {
            Some((_, count)) => *count += 1,
            None => counts.push((shape, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, count)| count)
        .map(|(shape, _)| shape.to_owned())
}

/// Whether the shorter side of a page gutter pairs with the other line for
/// line: three in four of its lines, [`ANSWERED_ANCHORS`] at least, stand on
/// the baseline of a line of the other side.
fn paired_lines(left: &[TextLine], right: &[TextLine]) -> bool {
    let (short, long) = if left.len() <= right.len() {
        (left, right)
    } else {
        (right, left)
    };
    let paired = short
        .iter()
        .filter(|line| {
            long.iter()
                .any(|other| (other.y - line.y).abs() <= ROW_BASELINE * line.size)
        })
        .count();
    paired >= ANSWERED_ANCHORS && paired * 4 >= short.len() * 3
}

/// A word that is a whole code with prefix letters (`KPI-01`, `CP-04`,
/// `OE2.3`): the first cell of a register's rows. A bare number is not one
/// (figures stand in any column).
fn is_prefixed_code(word: &str) -> bool {
    grammar::code_at_start(word, None)
        .is_some_and(|code| code.level.is_some() && code.code == word && word.len() > 2)
}

/// Whether a line of one side of a page gutter starts a row with an anchor
/// (a code), as a cell of a table of plan items does: a measure's cell
/// beside its deliverables' may hold one row only on a page.
fn anchored_rows(side: &[TextLine]) -> bool {
    side.iter()
        .any(|line| line.words.first().is_some_and(|word| is_anchor(&word.text)))
}

/// Whether the lines of one side of a page gutter are prose: few cell gaps
/// (not a table's column of titles and marks) and most lines of several
/// words (not a column of months or codes, nor of figures and progress
/// bars such as `██████░░░░ 60 %`: a word of prose has letters).
fn is_prose(side: &[TextLine]) -> bool {
    let cut = side
        .iter()
        .filter(|line| !line.chunk_starts().is_empty())
        .count();
    let worded = side
        .iter()
        .filter(|line| {
            line.words
                .iter()
                .filter(|word| word.text.chars().any(char::is_alphabetic))
                .count()
                >= 3
        })
        .count();
    cut * PAGE_TABLE_SHARE < side.len() && worded * 2 >= side.len()
}

/// Whether one side of a page gutter holds a table set in a page column of
/// prose: its lines are cut at a gutter of their own (the table's), and at
/// least [`PAGE_COLUMN_PROSE_LINES`] lines of that side run across it (the
/// column's paragraphs above and below the table). A table's column never
/// has lines crossing the table's gutter: its cells stop at it.
fn table_in_prose(side: &[TextLine]) -> bool {
    let starts: Vec<(f32, f32)> = side
        .iter()
        .flat_map(|line| {
            let tolerance = EDGE_TOLERANCE * line.size;
            line.chunk_starts().into_iter().map(move |x| (x, tolerance))
        })
        .collect();
    let cut_lines = |x: f32| {
        side.iter()
            .filter(|line| {
                line.chunk_starts()
                    .iter()
                    .any(|&start| (start - x).abs() <= EDGE_TOLERANCE * line.size)
            })
            .count()
    };
    let Some((gutter, tolerance, lines)) = starts
        .iter()
        .map(|&(x, tolerance)| (x, tolerance, cut_lines(x)))
        .max_by_key(|&(_, _, lines)| lines)
    else {
        return false;
    };
    let crossing = side
        .iter()
        .filter(|line| {
            let starts_before = line
                .words
                .first()
                .is_some_and(|w| w.x0 < gutter - tolerance);
            let ends_after = line.words.last().is_some_and(|w| w.x1 > gutter + tolerance);
            starts_before && ends_after && !line.fits_edge(gutter)
        })
        .count();
    lines >= 3 && crossing >= PAGE_COLUMN_PROSE_LINES
}

/// `note` placed on the page's line `index` (0-based): its page is set
/// when the pages are numbered.
fn note_at(mut note: Diagnostic, index: usize) -> Diagnostic {
    note.line = Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
    note
}

/// Lays out one flow of lines, top to bottom.
fn render_flow(
    lines: &[TextLine],
    document: &DocumentColumns,
    rules: &[Rule],
    out: &mut Vec<String>,
    tables: &mut Vec<Block>,
    notes: &mut Vec<Diagnostic>,
) {
    let mut prose: Vec<&TextLine> = Vec::new();
    let mut index = 0;
    let found = anchor_tables(lines, rules, find_regions(lines, document, rules));
    let mut lifted = Vec::new();
    let mut regions = page_top_rows(stacked_tables(lines, found), &mut lifted)
        .into_iter()
        .peekable();
    let pitch = usual_pitch(lines);
    while index < lines.len() {
        match regions.next_if(|region| region.first == index) {
            Some(region) => {
                flush_prose(&mut prose, pitch, out, tables);
                let first = out.len();
                for (_, code) in lifted.iter().filter(|(line, _)| *line == region.first) {
                    notes.push(note_at(
                        Diagnostic::info(
                            Code::LayoutRowLifted,
                            format!(
                                "the lines opening the page above `{code}` were read as its row's"
                            ),
                        ),
                        first,
                    ));
                }
                let rows: Vec<Row> = region
                    .rows
                    .into_iter()
                    .map(|mut row| {
                        for undecided in std::mem::take(&mut row.undecided) {
                            notes.push(note_at(
                                Diagnostic::warning(
                                    Code::LayoutMarkUndecided,
                                    format!(
                                        "the mark `{}` stands halfway between `{}` and `{}`, and the table does not tell which row its marks go with: read as neither's",
                                        undecided.mark, undecided.above, undecided.below
                                    ),
                                ),
                                out.len(),
                            ));
                        }
                        let row = table_row(row, out.len());
                        out.push(row_text(&row));
                        row
                    })
                    .collect();
                push_table(tables, first..out.len(), rows);
                index = region.last + 1;
            }
            None => {
                prose.extend(lines.get(index));
                index += 1;
            }
        }
    }
    flush_prose(&mut prose, pitch, out, tables);
}

/// Writes a run of prose lines; a line with wide gaps also becomes a row of
/// a table block (a chunked line right below another joins its table, not a
/// table found from columns just above the run).
fn flush_prose(
    prose: &mut Vec<&TextLine>,
    pitch: f32,
    out: &mut Vec<String>,
    tables: &mut Vec<Block>,
) {
    let run_start = out.len();
    let mut laid = prose.iter();
    for text in marked_prose(prose, pitch) {
        // Every line comes out non-empty; an empty one is a paragraph break.
        let line = if text.is_empty() { None } else { laid.next() };
        if let Some(line) = line.filter(|line| line.chunks().len() > 1) {
            let at = out.len();
            let row = chunk_row(line, at);
            let joins = tables
                .last()
                .is_some_and(|block| block.lines.start >= run_start && block.lines.end == at);
            match tables.last_mut() {
                Some(Block {
                    kind: BlockKind::Table(table),
                    lines,
                    bbox,
                }) if joins => {
                    *bbox = match (*bbox, row.bbox) {
                        (Some(a), Some(b)) => Some(a.union(b)),
                        (a, b) => a.or(b),
                    };
                    lines.end = at + 1;
                    table.columns = table.columns.max(row.cells.len());
                    table.rows.push(row);
                }
                _ => push_table(tables, at..at + 1, vec![row]),
            }
        }
        out.push(text);
    }
    prose.clear();
}

fn push_table(tables: &mut Vec<Block>, lines: std::ops::Range<usize>, rows: Vec<Row>) {
    let bbox = BoundingBox::enclosing(rows.iter().filter_map(|row| row.bbox));
    tables.push(Block {
        kind: BlockKind::Table(page::table(rows)),
        lines,
        bbox,
    });
}

/// The line a row renders to: its cells' texts, separated by tabs.
fn row_text(row: &Row) -> String {
    let texts: Vec<&str> = row.cells.iter().map(Cell::text).collect();
    texts.join("\t")
}

/// A table row of the model, rendered as line `line` of the page.
fn table_row(row: LaidRow, line: usize) -> Row {
    let top = row.top;
    let cells: Vec<Cell> = row
        .cells
        .into_iter()
        .enumerate()
        .map(|(column, pieces)| {
            let text = cell_text(&pieces);
            let words: page::Words = pieces
                .iter()
                .flat_map(|piece: &Fragment| {
                    piece.words.iter().map(|word| model_word(word, piece.y))
                })
                .collect();
            let bbox = BoundingBox::enclosing(words.iter().map(|word| word.bbox));
            let lines = pieces.into_iter().map(|piece| piece.text).collect();
            Cell::new(column, lines, text, bbox, words)
        })
        .collect();
    let mut row = row_of(cells, line);
    // The row's band starts above its first words (an anchored row's band
    // starts at its anchor).
    if let Some(bbox) = &mut row.bbox {
        bbox.y0 = bbox.y0.min(top);
    }
    row
}

/// A prose line's chunks as a row of cells, rendered as line `line`.
fn chunk_row(text_line: &TextLine, line: usize) -> Row {
    let cells = text_line
        .chunks()
        .into_iter()
        .enumerate()
        .map(|(column, chunk)| {
            let text = chunk
                .iter()
                .map(|word| word.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let words: page::Words = chunk
                .iter()
                .map(|word| model_word(word, text_line.y))
                .collect();
            let bbox = BoundingBox::enclosing(words.iter().map(|word| word.bbox));
            Cell::new(column, vec![text.clone()], text, bbox, words)
        })
        .collect();
    row_of(cells, line)
}

fn row_of(cells: Vec<Cell>, line: usize) -> Row {
    let bbox = BoundingBox::enclosing(cells.iter().filter_map(|cell| cell.bbox));
    Row { line, cells, bbox }
}

/// A word of the model: its box runs from the ascent of a capital
/// ([`WORD_ASCENT`] sizes above the baseline `y`) to the descent below it.
fn model_word(word: &Word, y: f32) -> page::Word {
    page::Word {
        text: word.text.clone(),
        bbox: BoundingBox {
            x0: word.x0,
            y0: y - WORD_ASCENT * word.size,
            x1: word.x1,
            y1: y + WORD_DESCENT * word.size,
        },
        size: word.size,
        bold: word.weight(),
    }
}

/// Whether `below` starts a new paragraph after `above` (see [`PARAGRAPH_GAP`]).
pub(super) fn starts_paragraph(above: &TextLine, below: &TextLine, usual_pitch: f32) -> bool {
    let size = above.size.max(below.size);
    let pitch = (below.y - above.y) / size;
    pitch > PARAGRAPH_GAP && pitch > PARAGRAPH_PITCH * usual_pitch
}

/// The page's usual line pitch, in font sizes: the lower quartile of the
/// pitches between consecutive lines of one size, so that a page of many
/// short paragraphs still shows its line spacing; 0 when no two lines follow.
pub(super) fn usual_pitch(lines: &[TextLine]) -> f32 {
    let mut pitches: Vec<f32> = lines
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            let (small, large) = (above.size.min(below.size), above.size.max(below.size));
            (large <= small * SAME_SIZE && small > 0.0).then(|| (below.y - above.y) / large)
        })
        .filter(|pitch| pitch.is_finite() && *pitch > 0.0)
        .collect();
    pitches.sort_by(f32::total_cmp);
    pitches.get(pitches.len() / 4).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// The runs found by walking from each clear line to the page's end (the
    /// quadratic definition [`stray_runs`] must agree with).
    fn stray_runs_by_walking(crossing: &[bool], strays_allowed: bool) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        for first in (0..crossing.len()).filter(|&index| !crossing[index]) {
            let mut strays = 0;
            let mut end = first;
            for (last, &crossed) in crossing.iter().enumerate().skip(first) {
                if crossed {
                    if !strays_allowed {
                        break;
                    }
                    strays += 1;
                } else if strays * PAGE_GUTTER_STRAYS <= last + 1 - first {
                    end = last;
                }
            }
            runs.push((first, end));
        }
        runs
    }

    /// Words set from `x` at 5 points a character, one space apart, at
    /// size 10.
    fn set(text: &str, x: f32) -> Vec<Word> {
        let mut at = x;
        text.split(' ')
            .map(|word| {
                let x1 = at + 5.0 * word.chars().count() as f32;
                let set = Word::unweighed(word.to_owned(), at, x1, 10.0);
                at = x1 + 5.0;
                set
            })
            .collect()
    }

    fn line(y: f32, words: Vec<Word>) -> TextLine {
        TextLine {
            y,
            size: 10.0,
            words,
        }
    }

    /// A page of `columns` page columns of prose between x = 50 and 550 with
    /// 2-em gutters, `rows` lines each on shared baselines (each line of the
    /// page holds a line of every column, as the line builder joins them);
    /// `title` adds a line across the columns above them, `table` four rows
    /// whose cells cross every gutter below them. Column words start with
    /// `c` and their column's number, the others with `t`.
    fn column_page(columns: usize, rows: usize, title: bool, table: bool) -> Vec<TextLine> {
        let gutter = 20.0;
        let width = (500.0 - gutter * (columns - 1) as f32) / columns as f32;
        let mut lines = Vec::new();
        if title {
            // Set large: its words cover every gutter.
            let title = ["tA", "tTitle", "tAcross", "tEvery", "tColumn"]
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    let x = 50.0 + 100.0 * i as f32;
                    Word::unweighed((*word).to_owned(), x, x + 90.0, 20.0)
                })
                .collect();
            lines.push(TextLine {
                y: 75.0,
                size: 20.0,
                words: title,
            });
        }
        for row in 0..rows {
            let mut words = Vec::new();
            for column in 0..columns {
                let x = 50.0 + column as f32 * (width + gutter);
                // Ragged ends: every third line is short.
                let text = if row % 3 == 2 {
                    format!("c{column}a c{column}b r{row}")
                } else {
                    format!("c{column}a c{column}bb c{column}ccc r{row}")
                };
                words.extend(set(&text, x));
            }
            lines.push(line(100.0 + 12.0 * row as f32, words));
        }
        if table {
            for row in 0..4 {
                let y = 100.0 + 12.0 * (rows + 1 + row) as f32;
                let words = [50.0, 170.0, 290.0, 410.0]
                    .iter()
                    .flat_map(|&x| set(&format!("tcell{row}xxxxxxxxxxxxxxxxxx"), x))
                    .collect();
                lines.push(line(y, words));
            }
        }
        lines
    }

    /// The words of each flow that holds any.
    fn flow_words(lines: &[TextLine]) -> Vec<Vec<String>> {
        page_flows(lines)
            .iter()
            .map(|flow| {
                flow.iter()
                    .flat_map(|line| line.words.iter().map(|word| word.text.clone()))
                    .collect::<Vec<_>>()
            })
            .filter(|words| !words.is_empty())
            .collect()
    }

    /// Checks that the page's column words come as `columns` flows, left
    /// to right, each column's lines top to bottom, and that no flow mixes
    /// column words with others.
    fn assert_column_flows(lines: &[TextLine], columns: usize) {
        let flows = flow_words(lines);
        let of_columns: Vec<&Vec<String>> = flows
            .iter()
            .filter(|flow| flow.iter().any(|word| word.starts_with('c')))
            .collect();
        assert_eq!(of_columns.len(), columns, "{flows:?}");
        for (column, flow) in of_columns.iter().enumerate() {
            let tag = format!("c{column}");
            assert!(
                flow.iter()
                    .all(|word| word.starts_with(&tag) || word.starts_with('r')),
                "{flow:?}"
            );
            let rows: Vec<usize> = flow
                .iter()
                .filter_map(|word| word.strip_prefix('r')?.parse().ok())
                .collect();
            assert!(rows.windows(2).all(|pair| pair[0] < pair[1]), "{flow:?}");
            assert!(rows.len() >= 19, "{flow:?}");
        }
    }

    #[test]
    fn two_three_and_four_page_columns_are_read_column_by_column() {
        for columns in 2..=4 {
            assert_column_flows(&column_page(columns, 20, false, false), columns);
        }
    }

    #[test]
    fn a_title_above_and_a_table_below_page_columns_are_flows_of_their_own() {
        for columns in 2..=4 {
            let lines = column_page(columns, 20, true, true);
            assert_column_flows(&lines, columns);
            let flows = flow_words(&lines);
            assert!(
                flows[0].iter().all(|word| word.starts_with('t')),
                "{flows:?}"
            );
            let last = flows.last().map(Vec::as_slice).unwrap_or_default();
            assert!(
                last.iter().all(|word| word.starts_with("tcell")),
                "{flows:?}"
            );
            assert_eq!(last.len(), 16, "{flows:?}");
        }
    }

    #[test]
    fn a_few_long_lines_running_into_a_gutter_do_not_break_it() {
        for columns in 3..=4 {
            let mut lines = column_page(columns, 30, false, false);
            // Lines 5, 15 and 25: the first column's last word runs through
            // the gutter, an em into the second column's room, which is
            // empty on those lines.
            let width = (500.0 - 20.0 * (columns - 1) as f32) / columns as f32;
            for row in [5, 15, 25] {
                let line = &mut lines[row];
                line.words
                    .retain(|word| word.x0 > 50.0 + 2.0 * width + 20.0);
                let end = 50.0 + width + 20.0 + 10.0;
                line.words
                    .insert(0, Word::unweighed(format!("c0long{row}"), 50.0, end, 10.0));
            }
            assert_column_flows(&lines, columns);
            let mut strays = Vec::new();
            flows(&lines, &mut strays, false);
            let named: Vec<&str> = strays.iter().map(|(_, word)| word.as_str()).collect();
            assert_eq!(named, ["c0long5", "c0long15", "c0long25"]);
        }
    }

    #[test]
    fn a_title_citing_a_code_beside_the_code_column_is_one_table() {
        // Landscape: measures and codes left of a wide gutter, titles and
        // centred marks right of it, titles on the codes' baselines, the
        // measures wrapped; one title cites another row's code. The code
        // side anchors the rows; the sides do not pair line for line.
        let mut left = Vec::new();
        let mut right = Vec::new();
        for (i, title) in [
            "Calendar of events",
            "Position papers",
            "Annual plan, as announced in L1M1D1",
            "Final evaluation",
        ]
        .iter()
        .enumerate()
        {
            let y = 100.0 + 30.0 * i as f32;
            let mut words = set(&format!("L1M{} That members act", i + 1), 50.0);
            words.extend(set(&format!("L1M{}D1", i + 1), 200.0));
            left.push(line(y, words));
            left.push(line(y + 12.0, set("together and well.", 50.0)));
            right.push(line(y, set(title, 300.0)));
            right.push(line(y + 6.0, set("✓", 500.0)));
        }
        assert!(one_table(&left, &right));
        assert!(one_table(&right, &left));
    }

    #[test]
    fn codes_a_word_space_after_their_measures_keep_the_titles_beside_them() {
        // Measures wrapped on three lines with the code a word space after
        // the first line's text, titles on two lines after a wide gutter,
        // marks centred between baselines: both sides read as prose, but
        // the left side holds a column of codes and the titles stand on its
        // baselines: one table, no page columns.
        let mut lines = Vec::new();
        for i in 0..4 {
            let y = 100.0 + 40.0 * i as f32;
            let mut first = set(&format!("L1M{} That the members act", i + 1), 50.0);
            first.extend(set(&format!("L1M{}D1", i + 1), 180.0));
            first.extend(set("Calendar of international events", 300.0));
            lines.push(line(y, first));
            lines.push(line(y + 6.0, set("V", 500.0)));
            let mut second = set("together and well", 50.0);
            second.extend(set("and annual meetings", 300.0));
            lines.push(line(y + 12.0, second));
            lines.push(line(y + 24.0, set("in their own time.", 50.0)));
        }
        let flows: Vec<Vec<String>> = flow_words(&lines);
        let code_flow = flow_of(&flows, "L1M1D1");
        assert!(code_flow.contains(&"Calendar".to_owned()), "{flows:?}");
        assert!(code_column(&lines));
        // Prose citing codes here and there holds no code column.
        let prose: Vec<TextLine> = (0..6)
            .map(|i| {
                let text = format!("{} cites L1M1D1 again", "w".repeat(3 * i + 1));
                line(100.0 + 12.0 * i as f32, set(&text, 50.0))
            })
            .collect();
        assert!(!code_column(&prose));
    }

    #[test]
    fn a_table_wider_than_its_page_column_stays_in_its_column() {
        // One line in three of the first column ends half an em past the
        // gutter, over the second column's first letters (a table too wide
        // for its page column): the clear majority still tells the gutter.
        let mut lines = column_page(3, 21, false, false);
        let gutter_end = 50.0 + (500.0 - 40.0) / 3.0 + 20.0;
        for line in lines.iter_mut().step_by(3) {
            if let Some(word) = line
                .words
                .iter_mut()
                .find(|word| word.text.starts_with("c0c"))
            {
                word.x1 = gutter_end + 5.0;
            }
        }
        assert_column_flows(&lines, 3);
        // When most lines run into the gutter, no clear majority tells it:
        // the page is not cut there.
        for line in &mut lines {
            for word in &mut line.words {
                if word.text.starts_with("c0c") || word.text.starts_with("c1c") {
                    word.x1 += 25.0;
                }
            }
        }
        assert!(flow_words(&lines).len() < 3);
    }

    #[test]
    fn rivers_of_justified_prose_are_no_page_gutter() {
        // One column of justified prose from 50 to 550: on a third of the
        // lines a space a little wider than a page gutter falls at 294-306
        // (a river); on the others a word runs a little past that place, as
        // a word overflowing a gutter would. Most lines do not leave the
        // place wholly clear: no gutter.
        let lines: Vec<TextLine> = (0..30)
            .map(|row| {
                let mut spans = vec![(50.0, 90.0), (96.0, 136.0), (142.0, 182.0), (188.0, 228.0)];
                let mut x = if row % 3 == 0 {
                    spans.push((234.0, 294.0));
                    306.0
                } else {
                    let end = 308.0 + (row % 5) as f32;
                    spans.push((234.0, end));
                    end + 6.0
                };
                while x + 86.0 < 550.0 {
                    spans.push((x, x + 40.0));
                    x += 46.0;
                }
                spans.push((x, 550.0));
                let words = spans
                    .iter()
                    .enumerate()
                    .map(|(i, &(x0, x1))| Word::unweighed(format!("w{row}x{i}"), x0, x1, 10.0))
                    .collect();
                line(100.0 + 12.0 * row as f32, words)
            })
            .collect();
        assert_eq!(flow_words(&lines).len(), 1, "{:?}", flow_words(&lines));
    }

    proptest::proptest! {
        #[test]
        fn stray_runs_match_the_walk(
            // From pages of clear lines to pages of crossing ones, around
            // the one stray in PAGE_GUTTER_STRAYS lines that a run allows.
            crossing in (0.0..0.5).prop_flat_map(|share| {
                proptest::collection::vec(proptest::bool::weighted(share), 0..200)
            }),
            strays_allowed in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(
                stray_runs(&crossing, strays_allowed),
                stray_runs_by_walking(&crossing, strays_allowed)
            );
        }
    }

    /// Lines of monospaced text (5 points a character, from x = 50, a line
    /// every 12 points at size 10): each word where its characters stand.
    fn typed(text: &str) -> Vec<TextLine> {
        text.lines()
            .enumerate()
            .filter_map(|(row, row_text)| {
                let mut words = Vec::new();
                let mut start = None;
                for (column, c) in row_text.chars().chain([' ']).enumerate() {
                    match (c == ' ', start) {
                        (false, None) => start = Some(column),
                        (true, Some(from)) => {
                            let word: String =
                                row_text.chars().skip(from).take(column - from).collect();
                            let x0 = 50.0 + 5.0 * from as f32;
                            words.push(Word::unweighed(word, x0, 50.0 + 5.0 * column as f32, 10.0));
                            start = None;
                        }
                        _ => {}
                    }
                }
                (!words.is_empty()).then(|| line(100.0 + 12.0 * row as f32, words))
            })
            .collect()
    }

    /// The flow holding `word`, as the words of its lines.
    fn flow_of(flows: &[Vec<String>], word: &str) -> Vec<String> {
        flows
            .iter()
            .find(|flow| flow.iter().any(|w| w == word))
            .cloned()
            .unwrap_or_default()
    }

    /// A two-column page whose left page column is a table of measures,
    /// deliverables and marks set at the page gutter, the right page column
    /// the table continued with marks at its right edge, and a folio in the
    /// page gutter (`fold`: above or below the columns). `marks`: achieved,
    /// in progress, not developed.
    fn marks_at_the_gutter(fold: bool, marks: [&str; 3]) -> String {
        let [a, p, n] = marks;
        let left = [
            ("B2M1 That the", "B2M1D1 Shared data", a),
            ("members share", "platform for members", ""),
            ("their data.", "B2M1D2 Training for the", p),
            ("", "data officers", ""),
            ("", "B2M1D3 Annual data", n),
            ("", "report of every region", ""),
            ("B2M2 That the", "B2M2D1 Website in three", a),
            ("network is", "languages", ""),
            ("known abroad.", "B2M2D2 Press kit for the", p),
            ("", "journalists", ""),
        ];
        let right = [
            ("B2M3D1 Code of ethics of", n),
            ("the network", ""),
            ("B2M3D2 Organisation chart", a),
            ("of the secretariat", ""),
            ("B2M3D3 Clear description", p),
            ("of every post", ""),
            ("B2M3D4 Follow-up of the", a),
            ("action plan", ""),
            ("", ""),
            ("", ""),
        ];
        let folio = format!("{:55}2", "");
        let mut page = Vec::new();
        if fold {
            page.push(folio.clone());
        }
        for ((measure, title, mark), (right_title, right_mark)) in left.iter().zip(right) {
            page.push(
                format!("{measure:<20}{title:<31}{mark:<8}{right_title:<31}{right_mark}")
                    .trim_end()
                    .to_owned(),
            );
        }
        if !fold {
            page.push(folio);
        }
        page.join("\n")
    }

    #[test]
    fn a_mark_column_at_the_page_gutter_stays_with_its_table() {
        for fold in [true, false] {
            for marks in [["V", "O", "X"], ["✓", "○", "✗"]] {
                let lines = typed(&marks_at_the_gutter(fold, marks));
                let flows = flow_words(&lines);
                // The left table's marks read in its flow, none in the
                // right page column's first words.
                let left = flow_of(&flows, "B2M1D1");
                let right = flow_of(&flows, "B2M3D1");
                assert!(!right.iter().any(|w| w == "B2M1D1"), "{flows:?}");
                let marks_left = left.iter().filter(|w| marks.contains(&w.as_str())).count();
                let marks_right = right.iter().filter(|w| marks.contains(&w.as_str())).count();
                assert_eq!((marks_left, marks_right), (5, 4), "{flows:?}");
            }
        }
    }

    #[test]
    fn marks_opening_a_side_are_the_other_sides_only_when_it_has_none() {
        let right =
            typed("V  B2M3D1 Code  X\nO  B2M3D2 Chart  V\nX  B2M3D3 Posts  O\n   of the post");
        let left = typed("B2M1D1 Shared data\nB2M1D2 Training\nB2M1D3 Annual report");
        assert!(opening_marks(&left, &right).is_some());
        // The left side marks its own rows: the marks open the right side's.
        let marked = typed("B2M1D1 Shared data  V\nB2M1D2 Training  O\nB2M1D3 Report  X");
        assert_eq!(opening_marks(&marked, &right), None);
        // The right side has no marks of its own: its rows are marked on
        // their left.
        let unmarked = typed("V  B2M3D1 Code\nO  B2M3D2 Chart\nX  B2M3D3 Posts");
        assert_eq!(opening_marks(&left, &unmarked), None);
    }
}
