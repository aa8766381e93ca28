//! Tables whose rows are stacked: each cell of a row on lines of its own (a
//! code alone on its line, the title on the lines below or above it, the
//! mark on a line after), so that no line holds two cells and neither
//! [`find_regions`](super::tables::find_regions) nor the gutters of
//! [`anchor_tables`](super::gutters::anchor_tables) see a table.
//!
//! The evidence is the pattern the rows repeat: anchors (a code alone on
//! its line; a month alone on its line heads a list of events, read as a
//! calendar, not a row) of one shape
//! at one x, at least twice on the page, and between them lines that start
//! at other x positions, each position used by two lines at least (the
//! title column, the mark column). Such lines make a table's columns; a line
//! that starts at the anchors' x without being an anchor (a measure's text
//! across the table, a legend) ends the run. A column's lines belong to the
//! anchor above them, unless the runs show them above their anchor (a run
//! starts with them more often than it ends with them): a title set above
//! its code. Lines of a column below the anchors that open a run are the
//! end of a row the page before began, a row of its own with no anchor.
//!
//! [`page_top_rows`] then settles, on every table of the page (whichever
//! pass found it), the one row whose side the page alone cannot tell: a
//! first row with no code, which is the end of the page before's last row,
//! or the first row's cells set above its code. The side is the table's,
//! learnt from its rows that say it unambiguously ([`side_votes`]), or,
//! when those are too few, from the other parts of the table on the page
//! (heading rows across a table part it into several).

use super::anchors::anchor_shape;
use super::lines::TextLine;
use super::median;
use super::tables::{fragment, insert_in_order, looks_like_a_table, LaidRow, Region};
use super::thresholds::{EDGE_TOLERANCE, PARAGRAPH_GAP, SAME_LINE, TABLE_BREAK, WORD_ASCENT};
use crate::grammar;

/// Fewest anchors of one shape at one x on a page for stacked rows.
const MIN_ANCHORS: usize = 2;

/// A line below an anchor opens a row of its own when it is set apart from
/// the line above by this share of the usual gap above a row.
const ROW_GAP_SHARE: f32 = 0.9;

/// Rows are set apart when the usual gap above a row is this factor of
/// the usual gap below an anchor at least (else the rows are spaced like
/// the lines of a cell, and no gap tells a row of its own).
const ROWS_APART: f32 = 1.15;

/// Fewest lines starting at one x (other than the anchors') for it to be a
/// column of stacked cells.
const MIN_COLUMN_LINES: usize = 2;

/// Fewest rows of a table whose cell of one column stands wholly above (or
/// wholly on and below) their code's line for the table to set that
/// column on that side of its codes.
const MIN_SIDE_ROWS: usize = 2;

/// A column's side is the table's when the rows that set it on the other
/// side are at most this share of those that set it there (else the rows
/// are mixed and nothing is learnt).
const SIDE_DISSENT: f32 = 0.1;

/// The page flow's tables (`regions`, in order, from the earlier passes)
/// with the stacked tables among the lines they leave out.
pub(super) fn stacked_tables(lines: &[TextLine], mut regions: Vec<Region>) -> Vec<Region> {
    let taken = |index: usize| {
        regions
            .iter()
            .any(|region| (region.first..=region.last).contains(&index))
    };
    let free: Vec<bool> = (0..lines.len()).map(|index| !taken(index)).collect();
    let mut found = Vec::new();
    for anchor_x in anchor_columns(lines, &free) {
        found.extend(stacked_runs(lines, &free, anchor_x));
    }
    found.retain(|table: &Region| looks_like_a_table(&table.rows));
    for table in found {
        let clear = regions
            .iter()
            .all(|region| region.first > table.last || region.last < table.first);
        if !clear {
            continue;
        }
        insert_in_order(&mut regions, table);
    }
    regions
}

/// The tables of a page flow (`regions`) with a first row that holds no
/// code joined to the row below it when the table sets the columns of that
/// row above their codes: a page break cut the table between two rows, and
/// the lines that open the page (a title set above its code) are the first
/// row's, not the end of the last row of the page before.
///
/// The side of each column is a property of the table, learnt from its rows
/// whose assignment is unambiguous ([`side_votes`]). A table parted by
/// heading rows (a measure set across it above its deliverables) is one
/// table in several regions of the page: when a region's own rows do not
/// say, the votes of every region of the page that sets its codes in the
/// same column at the same x ([`TableShape`]) do. When a column's side is
/// still not learnt (too few rows, or rows that disagree), the row stays as
/// the earlier passes built it: the end of the row the page before began.
///
/// Each table whose first row was lifted is named in `lifted` by its first
/// line and the code of the row that took the lines.
pub(super) fn page_top_rows(
    mut regions: Vec<Region>,
    lifted: &mut Vec<(usize, String)>,
) -> Vec<Region> {
    let shapes: Vec<Option<TableShape>> = regions
        .iter()
        .map(|region| TableShape::of(&region.rows))
        .collect();
    let votes: Vec<Option<SideVotes>> = regions
        .iter()
        .zip(&shapes)
        .map(|(region, shape)| {
            shape
                .as_ref()
                .map(|shape| side_votes(&region.rows, shape.code))
        })
        .collect();
    for (index, region) in regions.iter_mut().enumerate() {
        let Some(Some(shape)) = shapes.get(index) else {
            continue;
        };
        let Some(Some(own)) = votes.get(index) else {
            continue;
        };
        let pooled = shapes
            .iter()
            .zip(&votes)
            .filter(|(other, _)| other.as_ref().is_some_and(|other| other.kin(shape)))
            .filter_map(|(_, votes)| votes.as_ref())
            .fold(SideVotes::new(own.above.len()), |mut sum, votes| {
                sum.add(votes);
                sum
            });
        let sides: Vec<Option<bool>> = own
            .sides()
            .into_iter()
            .zip(pooled.sides().into_iter().chain(std::iter::repeat(None)))
            .map(|(own, pooled)| own.or(pooled))
            .collect();
        if let Some(code) = lift_first_row(&mut region.rows, shape.code, &sides) {
            lifted.push((region.first, code));
        }
    }
    regions
}

/// Where a table sets its codes: the column that holds them alone in their
/// cells ([`code_column`]), how many columns the table has, and the left
/// edge and size of its first code.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TableShape {
    code: usize,
    width: usize,
    x: f32,
    size: f32,
}

impl TableShape {
    /// The shape of a table of `rows`; `None` without a column of codes.
    fn of(rows: &[LaidRow]) -> Option<Self> {
        let code = code_column(rows)?;
        let first = rows
            .iter()
            .find_map(|row| row.cells.get(code).and_then(|cell| lone_code(cell)))?;
        Some(Self {
            code,
            width: rows.iter().map(|row| row.cells.len()).max()?,
            x: first.x0,
            size: first.size,
        })
    }

    /// True when `other` is a part of the same table: its codes in the same
    /// column, as many columns, the codes' left edges together.
    fn kin(&self, other: &Self) -> bool {
        self.code == other.code && self.width == other.width && at_x(self.x, other.x, self.size)
    }
}

/// For each column of a table, how many rows set its cell wholly above
/// their code's line and how many on or below it (see [`side_votes`]).
#[derive(Debug, Clone, PartialEq)]
struct SideVotes {
    above: Vec<usize>,
    below: Vec<usize>,
}

impl SideVotes {
    /// No votes for `width` columns.
    fn new(width: usize) -> Self {
        Self {
            above: vec![0; width],
            below: vec![0; width],
        }
    }

    /// Adds `other`'s votes, column by column.
    fn add(&mut self, other: &Self) {
        for (sum, votes) in [
            (&mut self.above, &other.above),
            (&mut self.below, &other.below),
        ] {
            for (total, &count) in sum.iter_mut().zip(votes) {
                *total += count;
            }
        }
    }

    /// Each column's side: `Some(true)` when [`MIN_SIDE_ROWS`] rows or more
    /// set it above their codes and at most [`SIDE_DISSENT`] as many on or
    /// below, `Some(false)` the other way round, `None` when the votes do
    /// not say.
    fn sides(&self) -> Vec<Option<bool>> {
        let learnt = |side: usize, other: usize| {
            side >= MIN_SIDE_ROWS && other as f32 <= SIDE_DISSENT * side as f32
        };
        self.above
            .iter()
            .zip(&self.below)
            .map(|(&up, &down)| {
                if learnt(up, down) {
                    Some(true)
                } else if learnt(down, up) {
                    Some(false)
                } else {
                    None
                }
            })
            .collect()
    }
}

/// The code a cell holds alone, one word on one line: its piece.
fn lone_code(cell: &[super::tables::Fragment]) -> Option<&super::tables::Fragment> {
    match cell {
        [piece] if piece.words.len() == 1 && grammar::is_code_word(&piece.text) => Some(piece),
        _ => None,
    }
}

/// The column that holds most codes alone in their cells, one at least (a
/// part of a table that a page break and a heading row left one row).
fn code_column(rows: &[LaidRow]) -> Option<usize> {
    let width = rows.iter().map(|row| row.cells.len()).max()?;
    (0..width)
        .map(|column| {
            let codes = rows
                .iter()
                .filter(|row| row.cells.get(column).and_then(|c| lone_code(c)).is_some())
                .count();
            (codes, column)
        })
        .filter(|&(codes, _)| codes > 0)
        .max_by_key(|&(codes, column)| (codes, std::cmp::Reverse(column)))
        .map(|(_, column)| column)
}

/// The votes of a table whose codes stand alone in `code` (by index) on
/// the side of each column: a row votes above when its cell of the column
/// stands wholly above its code's line, below when wholly on or below it
/// ([`SideVotes::sides`] learns the side). Only rows with their code and the cell on the page
/// count: their lines are the row's by the earlier passes' evidence.
fn side_votes(rows: &[LaidRow], code: usize) -> SideVotes {
    let width = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
    let mut votes = SideVotes::new(width);
    for row in rows {
        let Some(anchor) = row.cells.get(code).and_then(|c| lone_code(c)) else {
            continue;
        };
        for (column, cell) in row.cells.iter().enumerate() {
            if column == code || cell.is_empty() {
                continue;
            }
            let tolerance = SAME_LINE * anchor.size;
            let side = if cell.iter().all(|piece| piece.y < anchor.y - tolerance) {
                &mut votes.above
            } else if cell.iter().all(|piece| piece.y >= anchor.y - tolerance) {
                &mut votes.below
            } else {
                continue;
            };
            if let Some(count) = side.get_mut(column) {
                *count += 1;
            }
        }
    }
    votes
}

/// Joins the first of `rows` to the second when the first holds no code,
/// the second holds its code in column `code`, and every cell of the first
/// is in a column the table sets above its codes (`sides`, by column),
/// empty in the second row; returns the second row's code when it did.
fn lift_first_row(rows: &mut Vec<LaidRow>, code: usize, sides: &[Option<bool>]) -> Option<String> {
    let (first, second) = (rows.first()?, rows.get(1)?);
    let lifts = first.cells.get(code).is_none_or(|cell| cell.is_empty())
        && second.cells.get(code).and_then(|c| lone_code(c)).is_some()
        && first.cells.iter().any(|cell| !cell.is_empty())
        && first.cells.iter().enumerate().all(|(column, cell)| {
            cell.is_empty()
                || (sides.get(column) == Some(&Some(true))
                    && second.cells.get(column).is_none_or(|cell| cell.is_empty()))
        });
    if !lifts {
        return None;
    }
    let mut first = rows.remove(0);
    let second = rows.first_mut()?;
    second.undecided.append(&mut first.undecided);
    let anchor = second
        .cells
        .get(code)
        .and_then(|cell| lone_code(cell))
        .map(|piece| piece.text.clone());
    second.top = second.top.min(first.top);
    for (column, cell) in first.cells.into_iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        while second.cells.len() <= column {
            second.cells.push(Vec::new());
        }
        if let Some(target) = second.cells.get_mut(column) {
            *target = cell;
        }
    }
    anchor
}

/// Whether `x` is within the edge tolerance of `column` at `size`.
fn at_x(x: f32, column: f32, size: f32) -> bool {
    (x - column).abs() <= EDGE_TOLERANCE * size
}

/// The line's text when it is one code alone.
fn lone_anchor(line: &TextLine) -> Option<&str> {
    match line.words.as_slice() {
        [word] if grammar::is_code_word(&word.text) => Some(&word.text),
        _ => None,
    }
}

/// The x of each set of lone anchors of one shape that start at one x on
/// [`MIN_ANCHORS`] free lines or more.
fn anchor_columns(lines: &[TextLine], free: &[bool]) -> Vec<f32> {
    let mut sets: Vec<(String, f32, f32, usize)> = Vec::new();
    for (line, _) in lines.iter().zip(free).filter(|(_, free)| **free) {
        let (Some(text), Some(word)) = (lone_anchor(line), line.words.first()) else {
            continue;
        };
        let Some(shape) = anchor_shape(text) else {
            continue;
        };
        match sets
            .iter_mut()
            .find(|(other, x, size, _)| *other == shape && at_x(word.x0, *x, *size))
        {
            Some((_, _, _, count)) => *count += 1,
            None => sets.push((shape, word.x0, line.size, 1)),
        }
    }
    sets.into_iter()
        .filter(|(_, _, _, count)| *count >= MIN_ANCHORS)
        .map(|(_, x, _, _)| x)
        .collect()
}

/// What a line is to the stacked table anchored at one x.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Anchor,
    /// Chunks that each start at a column's x: the columns, left to right
    /// by the line's chunks.
    Cells,
    /// Anything else: no part of a stacked table.
    Other,
}

/// The stacked tables anchored at `anchor_x`.
fn stacked_runs(lines: &[TextLine], free: &[bool], anchor_x: f32) -> Vec<Region> {
    let anchored = |line: &TextLine| {
        lone_anchor(line).is_some()
            && line
                .words
                .first()
                .is_some_and(|word| at_x(word.x0, anchor_x, line.size))
    };
    // Columns: the x where other lines' chunks start, two lines at least,
    // between the first and the last anchor's line, and above and below
    // them as far as lines follow at a table's pitch, away from the
    // anchors' x (a row cut by the page break before or after).
    let anchor_lines: Vec<usize> = (0..lines.len())
        .filter(|&index| free.get(index) == Some(&true) && lines.get(index).is_some_and(anchored))
        .collect();
    let (Some(&(mut first)), Some(&(mut last))) = (anchor_lines.first(), anchor_lines.last())
    else {
        return Vec::new();
    };
    let beside = |index: usize, neighbour: usize| {
        let (Some(line), Some(next), Some(true)) =
            (lines.get(index), lines.get(neighbour), free.get(index))
        else {
            return false;
        };
        (line.y - next.y).abs() <= TABLE_BREAK * line.size
            && line
                .words
                .first()
                .is_some_and(|word| !at_x(word.x0, anchor_x, line.size))
    };
    while first > 0 && beside(first - 1, first) {
        first -= 1;
    }
    while beside(last + 1, last) {
        last += 1;
    }
    let mut starts: Vec<(f32, f32, usize)> = Vec::new();
    for (line, _) in lines
        .iter()
        .zip(free)
        .take(last + 1)
        .skip(first)
        .filter(|(line, free)| **free && !anchored(line))
    {
        for chunk in line.chunks() {
            let Some(word) = chunk.first() else { continue };
            if at_x(word.x0, anchor_x, line.size) {
                continue;
            }
            match starts
                .iter_mut()
                .find(|(x, size, _)| at_x(word.x0, *x, *size))
            {
                Some((_, _, count)) => *count += 1,
                None => starts.push((word.x0, line.size, 1)),
            }
        }
    }
    let columns: Vec<f32> = starts
        .into_iter()
        .filter(|(_, _, count)| *count >= MIN_COLUMN_LINES)
        .map(|(x, _, _)| x)
        .collect();
    if columns.is_empty() {
        return Vec::new();
    }
    let column_of = |x: f32, size: f32| columns.iter().position(|&c| at_x(x, c, size));
    let line_role = |index: usize| -> Role {
        let (Some(line), Some(true)) = (lines.get(index), free.get(index)) else {
            return Role::Other;
        };
        if anchored(line) {
            return Role::Anchor;
        }
        // A line that opens with a code and goes on is a heading of the
        // table's sections (a measure over its deliverables), whatever its x.
        if line
            .words
            .first()
            .is_some_and(|word| grammar::is_code_word(&word.text))
        {
            return Role::Other;
        }
        let chunks = line.chunks();
        let fits = !chunks.is_empty()
            && chunks.iter().all(|chunk| {
                chunk
                    .first()
                    .is_some_and(|word| column_of(word.x0, line.size).is_some())
            });
        if fits {
            Role::Cells
        } else {
            Role::Other
        }
    };
    // A line right under other text, as close as the lines of a paragraph
    // and starting where it does, goes on with it (a measure's second line
    // where the titles start).
    let mut roles: Vec<Role> = Vec::with_capacity(lines.len());
    for index in 0..lines.len() {
        let mut role = line_role(index);
        let follows_other = index > 0
            && roles.get(index - 1) == Some(&Role::Other)
            && free.get(index - 1) == Some(&true)
            && lines
                .get(index - 1)
                .zip(lines.get(index))
                .is_some_and(|(above, line)| {
                    let aligned = match (above.words.first(), line.words.first()) {
                        (Some(a), Some(b)) => at_x(b.x0, a.x0, line.size),
                        _ => false,
                    };
                    aligned && line.y - above.y <= PARAGRAPH_GAP * line.size
                });
        if role == Role::Cells && follows_other {
            role = Role::Other;
        }
        roles.push(role);
    }
    let role = |index: usize| roles.get(index).copied().unwrap_or(Role::Other);
    // Runs: consecutive lines of the table, no wider apart than a table's
    // break, holding an anchor.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if role(index) == Role::Other {
            index += 1;
            continue;
        }
        let start = index;
        while index + 1 < lines.len()
            && role(index + 1) != Role::Other
            && lines
                .get(index)
                .zip(lines.get(index + 1))
                .is_some_and(|(line, next)| next.y - line.y <= TABLE_BREAK * next.size)
        {
            index += 1;
        }
        let has_anchor = (start..=index).any(|i| role(i) == Role::Anchor);
        if has_anchor {
            runs.push((start, index));
        }
        index += 1;
    }
    // Which side of its anchor each column's lines stand: above when more
    // of its lines open runs, or follow the gap that parts two rows, than
    // close runs or precede that gap.
    let mut opens = vec![0usize; columns.len()];
    let mut closes = vec![0usize; columns.len()];
    let line_columns = |index: usize| -> Vec<usize> {
        lines.get(index).map_or_else(Vec::new, |line| {
            line.chunks()
                .iter()
                .filter_map(|chunk| column_of(chunk.first()?.x0, line.size))
                .collect()
        })
    };
    for &(start, end) in &runs {
        let (Some(first_anchor), Some(last_anchor)) = (
            (start..=end).find(|&i| role(i) == Role::Anchor),
            (start..=end).rev().find(|&i| role(i) == Role::Anchor),
        ) else {
            continue;
        };
        for index in start..first_anchor {
            for column in line_columns(index) {
                if let Some(count) = opens.get_mut(column) {
                    *count += 1;
                }
            }
        }
        for index in last_anchor + 1..=end {
            for column in line_columns(index) {
                if let Some(count) = closes.get_mut(column) {
                    *count += 1;
                }
            }
        }
        // Between two anchors, the widest gap parts two rows when it is
        // clearly wider than the others: the lines above it are below the
        // first anchor, the lines under it above the second.
        let anchors: Vec<usize> = (start..=end).filter(|&i| role(i) == Role::Anchor).collect();
        for pair in anchors.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gaps: Vec<(usize, f32)> = (a..b)
                .filter_map(|i| Some((i, lines.get(i + 1)?.y - lines.get(i)?.y)))
                .collect();
            let Some(&(widest, most)) = gaps.iter().max_by(|x, y| x.1.total_cmp(&y.1)) else {
                continue;
            };
            let least = gaps.iter().map(|g| g.1).fold(f32::INFINITY, f32::min);
            if gaps.len() < 2 || most <= ROWS_APART * least {
                continue;
            }
            for index in a + 1..b {
                let votes = if index <= widest {
                    &mut closes
                } else {
                    &mut opens
                };
                for column in line_columns(index) {
                    if let Some(count) = votes.get_mut(column) {
                        *count += 1;
                    }
                }
            }
        }
    }
    let above: Vec<bool> = opens.iter().zip(&closes).map(|(o, c)| o > c).collect();
    // The table's columns left to right: the anchors' and the others.
    let mut order: Vec<f32> = columns.clone();
    order.push(anchor_x);
    order.sort_by(f32::total_cmp);
    let table_column = |x: f32| order.iter().position(|&c| c == x).unwrap_or(0);
    let anchor_column = table_column(anchor_x);
    let place = |x: f32, size: f32| {
        let column = column_of(x, size)?;
        let at = *columns.get(column)?;
        Some((
            table_column(at),
            above.get(column).copied().unwrap_or(false),
        ))
    };
    // The usual gap above a row's first line (its anchor, or the first of
    // the lines above it): a line below an anchor set apart by nearly as
    // much opens a row of its own, with no anchor.
    let stands_above = |index: usize| {
        role(index) == Role::Cells
            && lines.get(index).is_some_and(|line| {
                line.chunks().iter().all(|chunk| {
                    chunk
                        .first()
                        .and_then(|word| place(word.x0, line.size))
                        .is_some_and(|(_, above)| above)
                })
            })
    };
    let mut gaps = Vec::new();
    let mut inner = Vec::new();
    for &(start, end) in &runs {
        for anchor in (start..=end).filter(|&i| role(i) == Role::Anchor) {
            let below = anchor + 1;
            if below <= end && role(below) == Role::Cells && !stands_above(below) {
                if let (Some(line), Some(next)) = (lines.get(anchor), lines.get(below)) {
                    inner.push(next.y - line.y);
                }
            }
            let mut first = anchor;
            while first > start && stands_above(first - 1) {
                first -= 1;
            }
            if first > start {
                if let (Some(line), Some(above)) = (lines.get(first), lines.get(first - 1)) {
                    gaps.push(line.y - above.y);
                }
            }
        }
    }
    let row_gap = median(gaps.into_iter());
    let split =
        (row_gap > ROWS_APART * median(inner.into_iter())).then_some(ROW_GAP_SHARE * row_gap);
    runs.into_iter()
        .filter_map(|(start, end)| {
            let run = Run {
                start,
                end,
                anchor_column,
                width: order.len(),
                split,
                continued: free.iter().take(start).all(|free| !free),
            };
            stacked_rows(lines, &run, &role, &place)
        })
        .collect()
}

/// One run of a stacked table's lines, `start..=end`, and how to lay it
/// out: the anchors' column, the number of columns, and the gap above a
/// line below an anchor that opens a row of its own.
struct Run {
    start: usize,
    end: usize,
    anchor_column: usize,
    width: usize,
    split: Option<f32>,
    /// Whether only tables stand above the run on the page (a header drawn
    /// again): lines below the anchors' side that open it end a row the
    /// page before began. Elsewhere they go on with the text above the run.
    continued: bool,
}

/// The rows of the run `start..=end`: each anchor's line with the lines of
/// the other columns that belong to it (`place` gives a chunk's table
/// column and whether it stands above its anchor). A run that ends with
/// lines above an anchor to come ends before them.
fn stacked_rows(
    lines: &[TextLine],
    run: &Run,
    role: &dyn Fn(usize) -> Role,
    place: &dyn Fn(f32, f32) -> Option<(usize, bool)>,
) -> Option<Region> {
    let Run {
        start,
        end,
        anchor_column,
        width,
        split,
        continued,
    } = *run;
    let mut rows: Vec<Vec<Vec<super::tables::Fragment>>> = Vec::new();
    let mut tops: Vec<f32> = Vec::new();
    let empty =
        || -> Vec<Vec<super::tables::Fragment>> { (0..width).map(|_| Vec::new()).collect() };
    // Lines waiting for the anchor below them.
    let mut waiting: Vec<(usize, super::tables::Fragment)> = Vec::new();
    let mut last = start;
    let mut first = None;
    let mut seen_anchor = false;
    'lines: for index in start..=end {
        let line = lines.get(index)?;
        let opens = role(index) == Role::Anchor
            || line.chunks().iter().any(|chunk| {
                chunk
                    .first()
                    .and_then(|word| place(word.x0, line.size))
                    .is_some_and(|(_, above)| above)
            });
        if first.is_none() && !(opens || continued) {
            continue;
        }
        first.get_or_insert(index);
        let top = line.y - WORD_ASCENT * line.size;
        if role(index) == Role::Anchor {
            let mut cells = empty();
            let words: Vec<&super::words::Word> = line.words.iter().collect();
            if let (Some(cell), Some(piece)) =
                (cells.get_mut(anchor_column), fragment(line.y, &words))
            {
                cell.push(piece);
            }
            let mut row_top = top;
            for (column, piece) in waiting.drain(..) {
                row_top = row_top.min(piece.y - WORD_ASCENT * piece.size);
                if let Some(cell) = cells.get_mut(column) {
                    cell.push(piece);
                }
            }
            rows.push(cells);
            tops.push(row_top);
            seen_anchor = true;
            last = index;
            continue;
        }
        let mut set_apart = index > start
            && split.is_some_and(|split| {
                lines
                    .get(index - 1)
                    .is_some_and(|previous| line.y - previous.y >= split)
            });
        for chunk in line.chunks() {
            let Some(word) = chunk.first() else { continue };
            let (column, above) = place(word.x0, line.size)?;
            let words: Vec<&super::words::Word> = chunk.iter().collect();
            let piece = fragment(line.y, &words)?;
            if above {
                waiting.push((column, piece));
            } else if !waiting.is_empty() {
                // Lines above an anchor to come, then lines below one: the
                // rows' pattern ends before them.
                break 'lines;
            } else if seen_anchor && !set_apart {
                if let Some(cell) = rows.last_mut().and_then(|cells| cells.get_mut(column)) {
                    cell.push(piece);
                }
            } else {
                // The end of a row begun before the run (on the page
                // before), or a row of its own set apart below an anchor's.
                if rows.is_empty() || set_apart {
                    rows.push(empty());
                    tops.push(top);
                    set_apart = false;
                }
                if let Some(cell) = rows.last_mut().and_then(|cells| cells.get_mut(column)) {
                    cell.push(piece);
                }
            }
        }
        if waiting.is_empty() {
            last = index;
        }
    }
    let laid: Vec<LaidRow> = rows
        .into_iter()
        .zip(tops)
        .filter_map(|(cells, top)| LaidRow::new(top, cells))
        .collect();
    Some(Region {
        first: first?,
        last,
        rows: laid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::tables::cell_text;
    use crate::layout::words::Word;

    /// A line at baseline `y` of single-spaced words starting at `x` (each
    /// letter 5 points wide, spaces 3).
    fn line(y: f32, x: f32, text: &str) -> TextLine {
        let mut at = x;
        let words = text
            .split(' ')
            .map(|w| {
                let end = at + 5.0 * w.chars().count() as f32;
                let word = Word::unweighed(w.to_owned(), at, end, 10.0);
                at = end + 3.0;
                word
            })
            .collect();
        TextLine {
            y,
            size: 10.0,
            words,
        }
    }

    /// Each table's rows as their cells' texts.
    fn texts(regions: &[Region]) -> Vec<Vec<Vec<String>>> {
        regions
            .iter()
            .map(|region| {
                region
                    .rows
                    .iter()
                    .map(|row| row.cells.iter().map(|cell| cell_text(cell)).collect())
                    .collect()
            })
            .collect()
    }

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|&cell| cell.to_owned()).collect()
    }

    /// A laid row of `cells` (column by column: each a list of lines as
    /// `(baseline, text)`, drawn at the column's x).
    fn laid(cells: &[&[(f32, &str)]]) -> LaidRow {
        let xs = [60.0, 137.0, 475.0];
        let cells: Vec<Vec<super::super::tables::Fragment>> = cells
            .iter()
            .zip(xs)
            .map(|(pieces, x)| {
                pieces
                    .iter()
                    .filter_map(|&(y, text)| {
                        let drawn = line(y, x, text);
                        let words: Vec<&Word> = drawn.words.iter().collect();
                        fragment(y, &words)
                    })
                    .collect()
            })
            .collect();
        let top = cells
            .iter()
            .flatten()
            .map(|piece| piece.y - WORD_ASCENT * piece.size)
            .fold(f32::INFINITY, f32::min);
        LaidRow {
            top,
            cells,
            undecided: Vec::new(),
        }
    }

    /// The rows of one table laid out by the earlier passes, after
    /// [`page_top_rows`].
    fn page_top(rows: Vec<LaidRow>) -> Vec<Vec<String>> {
        let region = Region {
            first: 0,
            last: rows.len(),
            rows,
        };
        texts(&page_top_rows(vec![region], &mut Vec::new()))
            .into_iter()
            .flatten()
            .collect()
    }

    /// Rows of a table that sets its titles above their codes and its
    /// marks below, cut by a page break before `Top title`.
    fn titles_above(top: &[&[(f32, &str)]]) -> Vec<LaidRow> {
        vec![
            laid(top),
            laid(&[&[(80.0, "L1M1D2")], &[], &[(92.0, "V")]]),
            laid(&[
                &[(130.0, "L1M1D3")],
                &[(118.0, "Second title")],
                &[(142.0, "X")],
            ]),
            laid(&[
                &[(192.0, "L1M1D4")],
                &[(168.0, "Third title"), (180.0, "wrapped")],
                &[(204.0, "V")],
            ]),
        ]
    }

    #[test]
    fn a_title_opening_the_page_above_its_code_joins_the_code_below_it() {
        // The page opens with a title: the table sets titles above codes.
        let rows = page_top(titles_above(&[&[], &[(60.0, "Top title")], &[]]));
        assert_eq!(
            rows,
            [
                cells(&["L1M1D2", "Top title", "V"]),
                cells(&["L1M1D3", "Second title", "X"]),
                cells(&["L1M1D4", "Third title wrapped", "V"]),
            ]
        );
        // The page opens with a mark (the break fell between a code and
        // its mark): the marks are set below their codes, the mark is the
        // end of the row the page before began.
        let rows = page_top(titles_above(&[&[], &[], &[(60.0, "X")]]));
        assert_eq!(rows.first(), Some(&cells(&["", "", "X"])));
        assert_eq!(rows.len(), 4);
        // A title over a code that has one already is no title of it.
        let mut cut = titles_above(&[&[], &[(60.0, "Top title")], &[]]);
        if let Some(row) = cut.get_mut(1) {
            *row = laid(&[&[(80.0, "L1M1D2")], &[(70.0, "Own title")], &[(92.0, "V")]]);
        }
        assert_eq!(page_top(cut).len(), 4);
    }

    /// A part of a table that a heading row parted from `part` below it on
    /// the page, codes drawn `shift` right of the part's.
    fn parts(first: Vec<LaidRow>, part: Vec<LaidRow>, shift: f32) -> Vec<Vec<Vec<String>>> {
        let mut first = first;
        for piece in first
            .iter_mut()
            .flat_map(|row| row.cells.first_mut())
            .flatten()
        {
            piece.x0 += shift;
            piece.x1 += shift;
        }
        let regions = vec![
            Region {
                first: 0,
                last: first.len(),
                rows: first,
            },
            Region {
                first: 10,
                last: 10 + part.len(),
                rows: part,
            },
        ];
        texts(&page_top_rows(regions, &mut Vec::new()))
    }

    /// The part below a heading row: rows of `L1M2D1` and `L1M2D2`, their
    /// titles above their codes (`above`) or below them.
    fn headed_part(above: bool) -> Vec<LaidRow> {
        let title = |code_y: f32| if above { code_y - 12.0 } else { code_y + 12.0 };
        vec![
            laid(&[
                &[(240.0, "L1M2D1")],
                &[(title(240.0), "Fourth title")],
                &[(254.0, "V")],
            ]),
            laid(&[
                &[(290.0, "L1M2D2")],
                &[(title(290.0), "Fifth title")],
                &[(304.0, "X")],
            ]),
        ]
    }

    /// Two rows whose titles are set below their codes (`L1M1D3`, `L1M1D4`).
    fn titled_below() -> [LaidRow; 2] {
        [
            laid(&[
                &[(130.0, "L1M1D3")],
                &[(142.0, "Second title")],
                &[(154.0, "X")],
            ]),
            laid(&[
                &[(180.0, "L1M1D4")],
                &[(192.0, "Third title")],
                &[(204.0, "V")],
            ]),
        ]
    }

    #[test]
    fn a_title_opening_the_page_above_a_part_of_a_table_learns_its_side_from_the_other_parts() {
        // The page opens with a title above `L1M1D2`; a heading row (`L1M2
        // …`) parts the table after `L1M1D3`, so the first part has one row
        // or two of its own, too few to tell the side: the part below the
        // heading, titles above their codes, tells it.
        let one_row = || {
            vec![
                laid(&[&[], &[(60.0, "Top title")], &[]]),
                laid(&[&[(80.0, "L1M1D2")], &[], &[(92.0, "V")]]),
            ]
        };
        let two_rows = || {
            let mut rows = one_row();
            rows.push(laid(&[
                &[(130.0, "L1M1D3")],
                &[(118.0, "Second title")],
                &[(142.0, "X")],
            ]));
            rows
        };
        for (name, first) in [("one row", one_row()), ("two rows", two_rows())] {
            let got = parts(first, headed_part(true), 0.0);
            assert_eq!(
                got.first().and_then(|rows| rows.first()),
                Some(&cells(&["L1M1D2", "Top title", "V"])),
                "{name}: {got:?}"
            );
            assert_eq!(got.get(1).map(Vec::len), Some(2), "{name}");
        }
        // Titles below their codes in the other part: the title ends the
        // row of the page before.
        let got = parts(two_rows(), headed_part(false), 0.0);
        assert_eq!(
            got.first().and_then(|rows| rows.first()),
            Some(&cells(&["", "Top title", ""])),
            "{got:?}"
        );
        // Codes at another x: another table, which tells nothing.
        let got = parts(one_row(), headed_part(true), 120.0);
        assert_eq!(got.first().map(Vec::len), Some(2), "{got:?}");
        // The part's own rows, when they say, have the last word.
        let mut below = one_row();
        below.extend(titled_below());
        let got = parts(below, headed_part(true), 0.0);
        assert_eq!(got.first().map(Vec::len), Some(4), "{got:?}");
    }

    #[test]
    fn a_lifted_first_row_is_named_by_its_table_and_code() {
        let region = |rows| Region {
            first: 3,
            last: 7,
            rows,
        };
        let mut lifted = Vec::new();
        let top = titles_above(&[&[], &[(60.0, "Top title")], &[]]);
        page_top_rows(vec![region(top)], &mut lifted);
        assert_eq!(lifted, [(3, "L1M1D2".to_owned())]);
        // A mark opening the page ends the row before: nothing moved.
        let mut lifted = Vec::new();
        let top = titles_above(&[&[], &[], &[(60.0, "X")]]);
        page_top_rows(vec![region(top)], &mut lifted);
        assert!(lifted.is_empty(), "{lifted:?}");
    }

    #[test]
    fn a_title_opening_the_page_of_a_table_with_titles_below_stays_the_end_of_a_row() {
        // Titles set below their codes: the title that opens the page ends
        // the row of the page before.
        let mut rows = vec![
            laid(&[&[], &[(60.0, "end of a title")], &[]]),
            laid(&[&[(80.0, "L1M1D2")], &[], &[(104.0, "V")]]),
        ];
        rows.extend(titled_below());
        assert_eq!(page_top(rows).len(), 4);
    }

    #[test]
    fn a_side_that_the_rows_do_not_agree_on_is_not_learnt() {
        // One title above its code, one below: no side, the rows stay.
        let rows = vec![
            laid(&[&[], &[(60.0, "Top title")], &[]]),
            laid(&[&[(80.0, "L1M1D2")], &[], &[(92.0, "V")]]),
            laid(&[
                &[(130.0, "L1M1D3")],
                &[(118.0, "Second title")],
                &[(142.0, "X")],
            ]),
            laid(&[
                &[(180.0, "L1M1D4")],
                &[(192.0, "Third title")],
                &[(204.0, "V")],
            ]),
        ];
        assert_eq!(page_top(rows).len(), 4);
        // Too few rows to learn from: one title above its code.
        let rows = vec![
            laid(&[&[], &[(60.0, "Top title")], &[]]),
            laid(&[&[(80.0, "L1M1D2")], &[], &[(92.0, "V")]]),
            laid(&[
                &[(130.0, "L1M1D3")],
                &[(118.0, "Second title")],
                &[(142.0, "X")],
            ]),
        ];
        assert_eq!(page_top(rows).len(), 3);
        assert_eq!(
            side_votes(&titles_above(&[&[], &[], &[]]), 0).sides(),
            [None, Some(true), Some(false)]
        );
    }

    #[test]
    fn a_code_above_its_title_and_mark_is_one_row() {
        // A measure across the table, then rows of a code, a wrapped title
        // and a mark, each on its own line; another measure ends the run.
        let lines = [
            line(100.0, 60.0, "L1M1 A measure across the whole table"),
            line(120.0, 60.0, "L1M1D1"),
            line(132.0, 137.0, "Annual calendar of events"),
            line(144.0, 475.0, "V"),
            line(160.0, 60.0, "L1M1D2"),
            line(172.0, 137.0, "A title that wraps"),
            line(184.0, 137.0, "on two lines"),
            line(196.0, 475.0, "X"),
            line(212.0, 60.0, "L1M2 Another measure"),
            line(230.0, 60.0, "L1M2D1"),
            line(242.0, 137.0, "One more title"),
            line(254.0, 475.0, "0"),
        ];
        let found = stacked_tables(&lines, Vec::new());
        assert_eq!(
            texts(&found),
            [
                vec![
                    cells(&["L1M1D1", "Annual calendar of events", "V"]),
                    cells(&["L1M1D2", "A title that wraps on two lines", "X"]),
                ],
                vec![cells(&["L1M2D1", "One more title", "0"])],
            ]
        );
        let spans: Vec<(usize, usize)> = found.iter().map(|r| (r.first, r.last)).collect();
        assert_eq!(spans, [(1, 7), (9, 11)], "the measures stay prose");
    }

    #[test]
    fn a_title_above_its_code_joins_the_code_below_it() {
        let lines = [
            line(100.0, 137.0, "First title"),
            line(112.0, 60.0, "L1M1D1"),
            line(124.0, 475.0, "V"),
            line(140.0, 137.0, "Second title that"),
            line(152.0, 137.0, "wraps"),
            line(164.0, 60.0, "L1M1D2"),
            line(176.0, 475.0, "X"),
            line(192.0, 60.0, "L1M2 A measure"),
            line(210.0, 137.0, "Third title"),
            line(222.0, 60.0, "L1M2D1"),
            line(234.0, 475.0, "V"),
            line(250.0, 137.0, "A title whose code is on the next page"),
        ];
        let found = stacked_tables(&lines, Vec::new());
        assert_eq!(
            texts(&found),
            [
                vec![
                    cells(&["L1M1D1", "First title", "V"]),
                    cells(&["L1M1D2", "Second title that wraps", "X"]),
                ],
                vec![cells(&["L1M2D1", "Third title", "V"])],
            ]
        );
        assert_eq!(
            found.last().map(|r| r.last),
            Some(10),
            "the last title waits"
        );
    }

    #[test]
    fn the_end_of_a_row_from_the_page_before_is_a_row_without_anchor() {
        let lines = [
            line(60.0, 137.0, "the end of a title"),
            line(72.0, 475.0, "V"),
            line(90.0, 60.0, "L1M1D2"),
            line(102.0, 137.0, "Next title"),
            line(114.0, 475.0, "X"),
            line(130.0, 60.0, "L1M1D3"),
            line(142.0, 137.0, "Last title"),
            line(154.0, 475.0, "V"),
        ];
        let found = stacked_tables(&lines, Vec::new());
        assert_eq!(
            texts(&found),
            [vec![
                cells(&["", "the end of a title", "V"]),
                cells(&["L1M1D2", "Next title", "X"]),
                cells(&["L1M1D3", "Last title", "V"]),
            ]]
        );
    }

    #[test]
    fn lines_set_apart_below_a_row_are_a_row_of_their_own() {
        // Rows 18 points apart, the lines of a row 12: a title and a mark
        // 30 points below the last row are a row without anchor.
        let lines = [
            line(100.0, 60.0, "L1M1D1"),
            line(112.0, 137.0, "First title"),
            line(124.0, 475.0, "V"),
            line(142.0, 60.0, "L1M1D2"),
            line(154.0, 137.0, "Second title"),
            line(166.0, 475.0, "X"),
            line(196.0, 137.0, "."),
            line(208.0, 475.0, "i"),
        ];
        let found = stacked_tables(&lines, Vec::new());
        assert_eq!(
            texts(&found),
            [vec![
                cells(&["L1M1D1", "First title", "V"]),
                cells(&["L1M1D2", "Second title", "X"]),
                cells(&["", ".", "i"]),
            ]]
        );
        // Spaced like the lines of a cell, the same lines are the last row's.
        let even: Vec<TextLine> = lines
            .iter()
            .enumerate()
            .map(|(index, line)| TextLine {
                y: 100.0 + 12.0 * index as f32,
                ..line.clone()
            })
            .collect();
        let found = stacked_tables(&even, Vec::new());
        assert_eq!(
            texts(&found),
            [vec![
                cells(&["L1M1D1", "First title", "V"]),
                cells(&["L1M1D2", "Second title .", "X i"]),
            ]]
        );
    }

    #[test]
    fn a_measure_in_the_title_column_stays_out_of_the_rows() {
        // The measure and its second line start where the titles do.
        let lines = [
            line(100.0, 137.0, "L1M1 A measure in the title column"),
            line(112.0, 137.0, "that goes on here."),
            line(130.0, 60.0, "L1M1D1"),
            line(142.0, 137.0, "First title"),
            line(154.0, 475.0, "V"),
            line(172.0, 60.0, "L1M1D2"),
            line(184.0, 137.0, "Second title"),
            line(196.0, 475.0, "X"),
        ];
        let found = stacked_tables(&lines, Vec::new());
        assert_eq!(
            texts(&found),
            [vec![
                cells(&["L1M1D1", "First title", "V"]),
                cells(&["L1M1D2", "Second title", "X"]),
            ]]
        );
        assert_eq!(found.first().map(|r| r.first), Some(2));
    }

    #[test]
    fn prose_and_lone_codes_without_columns_are_no_table() {
        // Codes alone on their lines with prose at the codes' x between
        // them, and a single code: nothing is stacked.
        let lines = [
            line(100.0, 60.0, "L1M1D1"),
            line(112.0, 60.0, "is described in the annex, as"),
            line(124.0, 60.0, "L1M1D2"),
            line(136.0, 60.0, "is, with its own text."),
            line(160.0, 60.0, "Indented text at another x"),
        ];
        assert!(stacked_tables(&lines, Vec::new()).is_empty());
        // A table found by an earlier pass keeps its lines.
        let lines = [
            line(100.0, 60.0, "L1M1D1"),
            line(112.0, 137.0, "A title"),
            line(124.0, 60.0, "L1M1D2"),
            line(136.0, 137.0, "Another title"),
        ];
        let earlier = Region {
            first: 0,
            last: 3,
            rows: Vec::new(),
        };
        let kept = stacked_tables(&lines, vec![earlier]);
        assert_eq!(kept.len(), 1);
        assert!(kept.iter().all(|r| r.rows.is_empty()));
    }
}
