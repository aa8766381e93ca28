//! Tables: runs of lines that share column edges, turned into rows of cells.

use std::collections::BTreeMap;

use super::anchors::anchored_rows;
use super::columns::{gutter_edge, near, DocumentColumns};
use super::lines::TextLine;
use super::median;
use super::thresholds::*;
use super::words::Word;
use crate::grammar;
use crate::read::{Rule, RuleKind};

/// A table found on a page: the lines it spans and its rows, laid out.
pub(super) struct Region {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) rows: Vec<LaidRow>,
}

/// Puts `table` among `regions`, kept in page order, before the first region
/// that starts below it.
pub(super) fn insert_in_order(regions: &mut Vec<Region>, table: Region) {
    let at = regions
        .iter()
        .position(|region| region.first > table.last)
        .unwrap_or(regions.len());
    regions.insert(at, table);
}

/// One logical row of a table: where its band starts, and each column's
/// pieces of lines, top to bottom (a column's cell may be empty).
pub(super) struct LaidRow {
    pub(super) top: f32,
    pub(super) cells: Vec<Vec<Fragment>>,
    /// The mark this row holds alone, set apart from the rows above and
    /// below because it may be either's (see [`UndecidedMark`]).
    pub(super) undecided: Vec<UndecidedMark>,
}

impl LaidRow {
    /// A row of these cells, trailing empty cells dropped; `None` when no
    /// cell is left.
    pub(super) fn new(top: f32, mut cells: Vec<Vec<Fragment>>) -> Option<Self> {
        while cells.last().is_some_and(|cell| cell_text(cell).is_empty()) {
            cells.pop();
        }
        (!cells.is_empty()).then_some(Self {
            top,
            cells,
            undecided: Vec::new(),
        })
    }
}

/// A mark on a line of its own halfway between two codes, in a table
/// whose rows say nothing of which code their marks go with: it is a row of
/// its own, neither code's, and named with both.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UndecidedMark {
    /// The mark's text.
    pub(super) mark: String,
    /// The code of the row above the mark.
    pub(super) above: String,
    /// The code of the row below the mark.
    pub(super) below: String,
}

/// A cell's text: its pieces' lines joined by [`join_cell`](crate::page::join_cell).
pub(super) fn cell_text(pieces: &[Fragment]) -> String {
    let lines: Vec<String> = pieces.iter().map(|piece| piece.text.clone()).collect();
    crate::page::join_cell(&lines)
}

/// Runs of lines that share column edges: tables (or side-by-side columns).
///
/// A run starts at a line with several cells, or at a page's first line when
/// it starts on a column edge of the document (a table continued from the
/// previous page), and must contain a row with two filled cells.
pub(super) fn find_regions(
    lines: &[TextLine],
    document: &DocumentColumns,
    rules: &[Rule],
) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut index = 0;
    // Lines below this index belong to no earlier table.
    let mut floor = 0;
    while index < lines.len() {
        let Some(start) = lines.get(index) else { break };
        let starts = start.cell_starts(document);
        let frame = ruled_frame(start, rules);
        // Words between different pairs of vertical rulings are cells,
        // however their gaps compare (equal gutters of a header row).
        let framed = frame.as_ref().is_some_and(|(_, _, xs)| {
            let cell = |x: f32| xs.iter().filter(|&&ruling| ruling < x).count();
            let mut cells: Vec<usize> = start.words.iter().map(|w| cell(w.x0)).collect();
            cells.dedup();
            cells.len() >= 2
        });
        let mut tabular = start.is_tabular(&starts) || framed || interleaved(lines, index);
        // A single-cell line opens a table only at the top of the page: the
        // rest of a table whose first rows were on the previous page.
        if (starts.is_empty() && !framed) || (!tabular && index > 0) {
            index += 1;
            continue;
        }
        let mut edges: Vec<f32> = Vec::new();
        merge_edges(&mut edges, &starts, start.size);
        let mut last = index;
        let mut previous_y = start.y;
        // The most cells any line of the run above the current one has,
        // kept as the run grows rather than counted again for every line.
        let mut widest = start.cell_count(&starts);
        for (offset, line) in lines.iter().enumerate().skip(index + 1) {
            if line.y - previous_y > TABLE_BREAK * line.size {
                break;
            }
            // A word of the first column that runs into the next one,
            // however little, on a line set apart like a paragraph (a
            // heading across the page right below the table), ends the
            // table: a first cell's words stop short of the gutter. A line
            // at the table's pitch stays, as a wrapped first cell may run a
            // little past where other rows start the next column (rows that
            // indent or centre it). A later column's words may run into a
            // mark column (dot leaders, a row's mark set on a line of its
            // own).
            let first_edge = edges.iter().copied().fold(f32::INFINITY, f32::min);
            let set_apart = line.y - previous_y > PARAGRAPH_GAP * line.size;
            let runs_into_next = set_apart && line.reaches_past(first_edge);
            let new_starts = line.cell_starts(document);
            // An edge that only the run's first line starts a cell at (a
            // header cell spanning the columns below it, `Plan item` over
            // `No. │ Code │ Deliverable`) is no column of the rows: a row
            // whose other cells start at the run's edges drops it.
            let unfit: Vec<f32> = edges
                .iter()
                .copied()
                .filter(|&edge| !line.fits_edge(edge))
                .collect();
            let spanning = |edge: f32| {
                let opens = |above: &TextLine| {
                    above
                        .cell_starts(document)
                        .iter()
                        .any(|&start| (start - edge).abs() <= EDGE_TOLERANCE * above.size)
                };
                lines.get(index..offset).is_some_and(|run| {
                    run.first().is_some_and(opens)
                        && run.iter().filter(|above| opens(above)).count() == 1
                })
            };
            let known_cells = new_starts
                .iter()
                .filter(|&&start| {
                    edges
                        .iter()
                        .any(|&edge| (edge - start).abs() <= EDGE_TOLERANCE * line.size)
                })
                .count();
            if !unfit.is_empty()
                && known_cells >= 2
                && line.is_tabular(&new_starts)
                && unfit.iter().all(|&edge| spanning(edge))
            {
                edges.retain(|edge| !unfit.contains(edge));
            }
            // An edge this line cannot be cut at may stand for a gutter
            // left of it (a centred or right-aligned column): the edge
            // moves there when the lines so far, this one included, leave
            // it empty, and the line is a row's, with words in the columns
            // left of the edge, or the next line of a cell after the
            // gutter, set at the table's pitch (a centred title whose
            // wrapped line is wider than its first), not a line set apart
            // that only starts further left (a legend or a paragraph of
            // the next page column). A cell that opens with a code after
            // the gutter is another table's first column beside this one
            // (a page in two columns), not a cell of this table set
            // further left.
            let tolerance = EDGE_TOLERANCE * line.size;
            let row_line = |edge: f32| {
                line.words
                    .first()
                    .is_some_and(|word| word.x1 < edge - tolerance)
            };
            let wrapped_cell_line = |left: f32| {
                !set_apart
                    && lines
                        .get(index..offset)
                        .is_some_and(|above| wraps_cell(above, line, left))
            };
            let opens_code = |edge: f32| {
                line.words
                    .iter()
                    .find(|word| word.x0 >= edge - tolerance)
                    .is_some_and(|word| grammar::is_code_word(&word.text))
            };
            if let Some(run) = lines.get(index..=offset) {
                let moved: Vec<f32> = edges
                    .iter()
                    .map(|&edge| {
                        if line.fits_edge(edge) {
                            return edge;
                        }
                        gutter_edge(run, edge)
                            .filter(|&moved| {
                                (row_line(moved) || wrapped_cell_line(moved)) && !opens_code(moved)
                            })
                            .unwrap_or(edge)
                    })
                    .collect();
                edges.clear();
                merge_edges(&mut edges, &moved, line.size);
            }
            if !edges.iter().all(|&edge| line.fits_edge(edge)) || runs_into_next {
                break;
            }
            // A line that starts cells at two places or more where the
            // run's earlier lines cannot be cut (a word straddles the place,
            // or only a word space falls there), and stops short of the
            // run's last column or has more cells than any line of the run
            // (not a row of centred cells), is another table stacked below
            // this one (a totals table under a table of wrapped cells): its
            // columns would cut the wrapped cells above into pieces. The
            // lines right above it that start words at those places after
            // a gutter (its header, whose even gaps may look justified) go
            // with it.
            let mut foreign: Vec<f32> = new_starts
                .iter()
                .copied()
                .filter(|&start| {
                    let known = edges
                        .iter()
                        .any(|&edge| (edge - start).abs() <= EDGE_TOLERANCE * line.size);
                    !known
                        && lines
                            .get(index..offset)
                            .is_some_and(|run| run.iter().any(|above| !above.fits_edge(start)))
                        && lines
                            .get(index..=offset)
                            .is_none_or(|run| gutter_edge(run, start).is_none())
                })
                .collect();
            foreign.sort_by(f32::total_cmp);
            foreign.dedup_by(|a, b| (*a - *b).abs() <= EDGE_TOLERANCE * line.size);
            let short = match (edges.last(), line.words.last()) {
                (Some(&edge), Some(word)) => word.x1 < edge - EDGE_TOLERANCE * line.size,
                _ => false,
            };
            let cells = line.cell_count(&new_starts);
            let more_cells = cells > widest;
            // Under a heading between two tables (a line of one chunk set
            // apart like a paragraph from the lines above and below it), one
            // such place is enough: a table laid out on its own sets its own
            // column widths.
            let apart =
                |above: &TextLine, below: &TextLine| below.y - above.y > PARAGRAPH_GAP * below.size;
            let under_heading = offset >= index + 2
                && match (lines.get(offset - 2), lines.get(offset - 1)) {
                    (Some(before), Some(heading)) => {
                        apart(heading, line)
                            && apart(before, heading)
                            && heading.chunk_starts().is_empty()
                    }
                    _ => false,
                };
            // The run's first line (its header) repeated after lines of one
            // chunk set apart like a paragraph (a legend, the next section's
            // heading) opens another table, however alike their columns:
            // those lines are no cell of either.
            let heading_top = (index + 1..offset).rev().find(|&top| {
                lines
                    .get(top - 1..=top)
                    .is_some_and(|pair| apart(&pair[0], &pair[1]))
            });
            let repeated_header = heading_top.is_some_and(|top| {
                lines
                    .get(offset - 1)
                    .is_some_and(|heading| apart(heading, line))
                    && lines
                        .get(top..offset)
                        .is_some_and(|block| block.iter().all(|l| l.chunk_starts().is_empty()))
                    && lines
                        .get(index)
                        .is_some_and(|first| first.plain() == line.plain())
            });
            if let (true, Some(top)) = (repeated_header, heading_top) {
                last = top - 1;
                break;
            }
            if (foreign.len() >= 2 && (short || more_cells))
                || (!foreign.is_empty() && under_heading)
            {
                while last > index
                    && lines
                        .get(last)
                        .is_some_and(|above| above.opens_cells_at(&foreign))
                {
                    last -= 1;
                }
                edges.clear();
                for above in lines.get(index..=last).into_iter().flatten() {
                    merge_edges(&mut edges, &above.cell_starts(document), above.size);
                }
                break;
            }
            if !new_starts.is_empty() {
                merge_edges(&mut edges, &new_starts, line.size);
                tabular = tabular || line.is_tabular(&new_starts) || interleaved(lines, offset);
            }
            last = offset;
            previous_y = line.y;
            widest = widest.max(cells);
        }
        // The first rows may hold a single column each (a tall measure cell
        // whose title is centred lower down): take the lines above that stay
        // within the columns. A line reaching past an edge, however little,
        // is the end of a paragraph across the page, not a cell; a line set
        // apart like a paragraph that opens no cell at the table's edges (a
        // legend, a heading over the table) is no cell's either, while a
        // header row may be set apart by its padding.
        let mut first = index;
        while first > floor {
            let (Some(above), Some(below)) = (lines.get(first - 1), lines.get(first)) else {
                break;
            };
            let gap = below.y - above.y;
            let paragraph = gap > PARAGRAPH_GAP * below.size && !above.opens_cells_at(&edges);
            let close = gap <= TABLE_BREAK * below.size && !paragraph;
            let within = |line: &TextLine| {
                edges
                    .iter()
                    .all(|&edge| line.fits_edge(edge) && !line.reaches_past(edge))
            };
            // Nor is a short line right below one across the columns, at
            // the pitch of a paragraph's lines: that paragraph's last line.
            // A line that starts right of where that line ends (a mark
            // alone on its line, above its code's) goes on no paragraph.
            let ends_paragraph = first
                .checked_sub(2)
                .and_then(|index| lines.get(index))
                .is_some_and(|line| {
                    let past_its_end = match (above.words.first(), line.words.last()) {
                        (Some(start), Some(end)) => start.x0 > end.x1,
                        _ => false,
                    };
                    above.y - line.y <= PARAGRAPH_GAP * above.size && !within(line) && !past_its_end
                });
            if !close || !within(above) || ends_paragraph {
                break;
            }
            first -= 1;
        }
        // Vertical rulings across the first line frame the table: every
        // line between their ends that no ruling cuts through is a line of
        // it, whatever its alignment (a centred title shares no edge with
        // the lines around it).
        if let Some((top, bottom, xs)) = frame {
            let uncut = |line: &TextLine| {
                !line
                    .words
                    .iter()
                    .any(|w| xs.iter().any(|&x| w.x0 < x && w.x1 > x))
            };
            while lines
                .get(last + 1)
                .is_some_and(|line| line.y <= bottom && uncut(line))
            {
                last += 1;
            }
            while first > floor
                && lines
                    .get(first - 1)
                    .is_some_and(|line| line.y >= top && uncut(line))
            {
                first -= 1;
            }
        }
        let rows = match lines.get(first..=last) {
            Some(run) if tabular && last > first => {
                let ruled = ruled_edges(run, rules);
                let (edges, headings) = if ruled.is_empty() {
                    code_edges(run, gutter_edges(run, &edges, document))
                } else {
                    (ruled, Vec::new())
                };
                table_rows(run, &edges, &headings, &row_borders(run, rules))
            }
            _ => Vec::new(),
        };
        if !looks_like_a_table(&rows) {
            index += 1;
            continue;
        }
        floor = last + 1;
        regions.push(Region { first, last, rows });
        index = last + 1;
    }
    regions
}

/// True when `line` is the next line of a cell that starts after the
/// gutter at `left`: it is one chunk of words, all after the gutter, and it
/// shares its left end, right end or middle with the nearest chunk above
/// it that it overlaps, as the lines of one cell set left, right or centred
/// do. A legend or a paragraph that happens to start in the column lines up
/// with no cell's line.
fn wraps_cell(above: &[TextLine], line: &TextLine, left: f32) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    let span = |words: &[Word]| Some((words.first()?.x0, words.last()?.x1));
    let (x0, x1) = match line.chunks().as_slice() {
        [only] => match span(only) {
            Some(extent) => extent,
            None => return false,
        },
        _ => return false,
    };
    if x0 < left - tolerance {
        return false;
    }
    above
        .iter()
        .rev()
        .find_map(|cell_line| {
            cell_line
                .chunks()
                .into_iter()
                .filter_map(span)
                .find(|&(a0, a1)| a0 >= left - tolerance && a0 < x1 && a1 > x0)
        })
        .is_some_and(|(a0, a1)| {
            (a0 - x0).abs() <= tolerance
                || (a1 - x1).abs() <= tolerance
                || ((a0 + a1) - (x0 + x1)).abs() / 2.0 <= tolerance
        })
}

/// True when line `index` stands beside the line above or below it as the
/// lines of two cells whose baselines alternate ([`TextLine::beside`]): a
/// row of two cells, though no line holds both.
fn interleaved(lines: &[TextLine], index: usize) -> bool {
    let Some(line) = lines.get(index) else {
        return false;
    };
    let above = index.checked_sub(1).and_then(|i| lines.get(i));
    above.is_some_and(|above| above.beside(line).is_some())
        || lines
            .get(index + 1)
            .is_some_and(|below| line.beside(below).is_some())
}

/// The edges of a run of lines ([`supported_edges`]), each one that a
/// line of the run cannot be cut at moved to the gutter it stands for
/// ([`gutter_edge`]), and the starts of a centred or right-aligned column
/// that support leaves out (no two lines start it at one place) taken back
/// as the gutter they share.
fn gutter_edges(run: &[TextLine], edges: &[f32], document: &DocumentColumns) -> Vec<f32> {
    let kept = supported_edges(run, edges, document);
    let uncut = |edge: f32| run.iter().any(|line| !line.fits_edge(edge));
    let mut moved: Vec<f32> = Vec::new();
    for &edge in edges {
        let supported = kept.contains(&edge);
        let place = match (supported, uncut(edge)) {
            (true, false) => Some(edge),
            (true, true) => Some(gutter_edge(run, edge).unwrap_or(edge)),
            (false, true) => gutter_edge(run, edge),
            (false, false) => None,
        };
        if let Some(place) = place {
            moved.push(place);
        }
    }
    let size = median(run.iter().map(|line| line.size));
    let mut merged = Vec::new();
    merge_edges(&mut merged, &moved, size);
    merged
}

/// `edges` with the places where an indented column starts that no gutter
/// shows: lines that open at one place right of the run's left margin and
/// left of its first edge, with nothing left of them on their line (a
/// column indented from a column whose cells stand on rows of their own,
/// a measure above its deliverables). Their first word opens no cell after
/// a gap, so only its place tells the column. The place is a column when
/// every line of the run can be cut there (the other column's lines end
/// short of it) and [`CODE_EDGE_LINES`] lines open with a row code
/// ([`grammar::is_code_word`]) there. When the column left of it holds a
/// measure (a line at the margin that opens with a code and ends short of
/// the place), headings across the table ([`heading_across`]) need not be
/// cut there, and [`INDENTED_ROW_LINES`] lines that open there and go on
/// into the run's later columns (rows whose title is indented, their code
/// last) are a column too. An indented code or title inside a wrapped cell
/// has the cell's own lines running across its place. Also returns the
/// indices of the headings that a place taken as a column cuts through:
/// [`fragments`] keeps those whole, and no other line.
fn code_edges(run: &[TextLine], mut edges: Vec<f32>) -> (Vec<f32>, Vec<usize>) {
    let leftmost = left_margin(run);
    let first_edge = edges.iter().copied().fold(f32::INFINITY, f32::min);
    let at_margin = |line: &TextLine| {
        line.words
            .first()
            .is_some_and(|word| word.x0 <= leftmost + EDGE_TOLERANCE * line.size)
    };
    // (place, size, opens with a code, goes on into a later column)
    let places: Vec<(f32, f32, bool, bool)> = run
        .iter()
        .filter_map(|line| {
            let word = line.words.first()?;
            let tolerance = EDGE_TOLERANCE * line.size;
            let inside = word.x0 > leftmost + tolerance && word.x0 < first_edge - tolerance;
            let later = line
                .words
                .iter()
                .any(|other| other.x0 >= first_edge - tolerance);
            inside.then_some((word.x0, line.size, grammar::is_code_word(&word.text), later))
        })
        .collect();
    let mut headings: Vec<usize> = Vec::new();
    for &(place, size, _, _) in &places {
        let tolerance = EDGE_TOLERANCE * size;
        let alike: Vec<&(f32, f32, bool, bool)> = places
            .iter()
            .filter(|(other, ..)| (other - place).abs() <= tolerance)
            .collect();
        let codes = alike.iter().filter(|(_, _, code, _)| *code).count();
        let rows = alike.iter().filter(|(.., later)| *later).count();
        let beside = run.iter().any(|line| {
            at_margin(line)
                && line
                    .words
                    .first()
                    .is_some_and(|word| grammar::is_code_word(&word.text))
                && line.words.last().is_some_and(|word| word.x1 < place)
        });
        let fits = |line: &TextLine| line.fits_edge(place) && !line.reaches_past(place);
        let cut = run.iter().all(fits);
        let cut_but_headings = run
            .iter()
            .enumerate()
            .all(|(index, line)| fits(line) || heading_across(run, index, leftmost, first_edge));
        let codes_column = codes >= CODE_EDGE_LINES && (cut || (cut_but_headings && beside));
        let titles_column = rows >= INDENTED_ROW_LINES && beside && cut_but_headings;
        if codes_column || titles_column {
            merge_edges(&mut edges, &[place], size);
            headings.extend(
                run.iter()
                    .enumerate()
                    .filter(|&(_, line)| !fits(line))
                    .map(|(index, _)| index),
            );
        }
    }
    headings.sort_unstable();
    headings.dedup();
    (edges, headings)
}

/// Where the leftmost line of `run` starts.
fn left_margin(run: &[TextLine]) -> f32 {
    run.iter()
        .filter_map(|line| line.words.first().map(|word| word.x0))
        .fold(f32::INFINITY, f32::min)
}

/// True when line `index` of `run` is a heading across the table, not a
/// cell: it starts at the run's left margin (`leftmost`), is set apart
/// from the line above like a paragraph, and holds nothing in the run's
/// later columns (right of `first_edge`). The next section's heading, taken
/// into a table that goes on below it, runs across the columns of the rows.
fn heading_across(run: &[TextLine], index: usize, leftmost: f32, first_edge: f32) -> bool {
    let (Some(above), Some(line)) = (
        index.checked_sub(1).and_then(|above| run.get(above)),
        run.get(index),
    ) else {
        return false;
    };
    let tolerance = EDGE_TOLERANCE * line.size;
    line.y - above.y > PARAGRAPH_GAP * line.size
        && line
            .words
            .first()
            .is_some_and(|word| word.x0 <= leftmost + tolerance)
        && line
            .words
            .iter()
            .all(|word| word.x1 < first_edge - tolerance)
}

/// The edges of a run of lines, without its left margin and without those
/// that only one line starts a
/// cell at, that the document does not know, and whose line ends flush
/// with two others of the run: the one stretched space of a two-word line
/// of justified text (`distintas      preocupaciones`) is no column.
fn supported_edges(run: &[TextLine], edges: &[f32], document: &DocumentColumns) -> Vec<f32> {
    let starts: Vec<Vec<f32>> = run.iter().map(|line| line.cell_starts(document)).collect();
    let ends: Vec<f32> = run
        .iter()
        .filter_map(|line| line.words.last().map(|word| word.x1))
        .collect();
    // An edge with no word left of it is the run's own left margin (the
    // left edge of a page column), not a column of the table.
    let leftmost = run
        .iter()
        .filter_map(|line| line.words.first().map(|word| (word.x0, line.size)))
        .fold(f32::INFINITY, |least, (x0, size)| {
            least.min(x0 + EDGE_TOLERANCE * size)
        });
    edges
        .iter()
        .copied()
        .filter(|&edge| edge > leftmost)
        .filter(|&edge| {
            let supporting: Vec<&TextLine> = run
                .iter()
                .zip(&starts)
                .filter(|(line, starts)| {
                    starts
                        .iter()
                        .any(|&start| (start - edge).abs() <= EDGE_TOLERANCE * line.size)
                })
                .map(|(line, _)| line)
                .collect();
            // An edge that more lines of the run cannot be cut at (a word
            // straddles it, or starts there after a word space) than start a
            // cell at it cuts wrapped cells, not columns: the header of the
            // next table, its columns set a little apart, taken in with the
            // heading between them.
            let uncut = run.iter().filter(|line| !line.fits_edge(edge)).count();
            if uncut > supporting.len() {
                return false;
            }
            let [line] = supporting.as_slice() else {
                return true;
            };
            let flush = line.words.last().is_some_and(|last| {
                let alike = ends
                    .iter()
                    .filter(|&&end| (end - last.x1).abs() <= JUSTIFIED_SPREAD * line.size)
                    .count();
                // The line itself is one of them.
                alike >= 3
            });
            near(&document.edges, edge) || !flush
        })
        .collect()
}

/// Column edges drawn as vertical rulings between the words of a run: a
/// ruling (a thin line or bar) with words on both sides that runs along at
/// least half of the run's height is a cell border, whatever the text's
/// alignment (centred or right-aligned cells share no left edge). When a
/// table draws them, they are its columns: the edges fall on the rulings
/// (shifted by the tolerance [`fragments`] allows a word's start).
pub(super) fn ruled_edges(run: &[TextLine], rules: &[Rule]) -> Vec<f32> {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return Vec::new();
    };
    let size = median(run.iter().map(|line| line.size));
    let top = first.y - WORD_ASCENT * first.size;
    let bottom = last.y + WORD_DESCENT * last.size;
    let words = run.iter().flat_map(|line| line.words.iter());
    let left = words.clone().map(|w| w.x0).fold(f32::INFINITY, f32::min);
    let right = words.map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max);
    let mut edges = Vec::new();
    for rule in rules {
        let x = (rule.x0 + rule.x1) / 2.0;
        let thin = rule.x1 - rule.x0 <= RULING_WIDTH * size;
        let along = rule.y1.min(bottom) - rule.y0.max(top);
        if !rule.is_horizontal() && thin && x > left && x < right && 2.0 * along >= bottom - top {
            merge_edges(&mut edges, &[x + EDGE_TOLERANCE * size], size);
        }
    }
    edges
}

/// A row border drawn across a table: where it runs, and from where to where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Border {
    pub(super) y: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
}

impl Border {
    /// True when the border runs across `x0..x1` (within `slack`).
    pub(super) fn spans(&self, x0: f32, x1: f32, slack: f32) -> bool {
        self.x0 <= x0 + slack && self.x1 >= x1 - slack
    }
}

/// Row borders drawn across a run of lines, top to bottom: horizontal
/// rulings, and the top and bottom edges of filled rectangles (zebra
/// stripes, a shaded header), that run along at least half the width of
/// the run's text, from a line above its first to a line below its last.
/// An underline or a shaded cell is shorter; a rule closer than
/// [`SAME_LINE`] sizes to another is the same border (a ruling on a
/// stripe's edge).
pub(super) fn row_borders(run: &[TextLine], rules: &[Rule]) -> Vec<Border> {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return Vec::new();
    };
    let size = median(run.iter().map(|line| line.size));
    let top = first.y - (WORD_ASCENT + 1.0) * first.size;
    let bottom = last.y + (WORD_DESCENT + 1.0) * last.size;
    let words = run.iter().flat_map(|line| line.words.iter());
    let left = words.clone().map(|w| w.x0).fold(f32::INFINITY, f32::min);
    let right = words.map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max);
    let long = |rule: &Rule| 2.0 * (rule.x1.min(right) - rule.x0.max(left)) >= right - left;
    let mut borders: Vec<Border> = joined_rulings(rules, long)
        .iter()
        .filter(|rule| long(rule))
        .flat_map(|rule| {
            let ys = match rule.kind {
                RuleKind::Ruling if rule.is_horizontal() => vec![(rule.y0 + rule.y1) / 2.0],
                RuleKind::Ruling => Vec::new(),
                RuleKind::Fill => vec![rule.y0, rule.y1],
            };
            ys.into_iter().map(|y| Border {
                y,
                x0: rule.x0,
                x1: rule.x1,
            })
        })
        .filter(|border| border.y >= top && border.y <= bottom)
        .collect();
    borders.sort_by(|a, b| a.y.total_cmp(&b.y));
    borders.dedup_by(|below, above| {
        let same = below.y - above.y <= SAME_LINE * size;
        if same {
            above.x0 = above.x0.min(below.x0);
            above.x1 = above.x1.max(below.x1);
        }
        same
    });
    borders
}

/// The rules with the horizontal rulings drawn cell by cell (each cell
/// stroking its own top and bottom edge, a cell spanning rows leaving a gap
/// in the rulings beside it) joined into the rulings they draw together:
/// segments on one baseline (within [`JOINED_RULING`] points) that touch or
/// overlap, end to start, within as much. Only a run with a segment that is
/// `long` on its own is joined (a row border extended across the narrow
/// cells beside it); short segments alone stay apart, as drawn.
fn joined_rulings(rules: &[Rule], long: impl Fn(&Rule) -> bool) -> Vec<Rule> {
    let middle = |rule: &Rule| (rule.y0 + rule.y1) / 2.0;
    let (mut horizontal, mut joined): (Vec<Rule>, Vec<Rule>) = rules
        .iter()
        .partition(|rule| rule.kind == RuleKind::Ruling && rule.is_horizontal());
    horizontal.sort_by(|a, b| middle(a).total_cmp(&middle(b)).then(a.x0.total_cmp(&b.x0)));
    let close = |run: Vec<Rule>, joined: &mut Vec<Rule>| {
        if !run.iter().any(&long) {
            joined.extend(run);
            return;
        }
        let mut runs = run.into_iter();
        if let Some(mut whole) = runs.next() {
            for rule in runs {
                whole.x1 = whole.x1.max(rule.x1);
                whole.y0 = whole.y0.min(rule.y0);
                whole.y1 = whole.y1.max(rule.y1);
            }
            joined.push(whole);
        }
    };
    let mut run: Vec<Rule> = Vec::new();
    for rule in horizontal {
        let continues = run.last().is_some_and(|last| {
            let right = run.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
            (middle(&rule) - middle(last)).abs() <= JOINED_RULING
                && rule.x0 <= right + JOINED_RULING
        });
        if !continues && !run.is_empty() {
            close(std::mem::take(&mut run), &mut joined);
        }
        run.push(rule);
    }
    close(run, &mut joined);
    joined
}

/// The frame of vertical rulings drawn across `line`: the top and bottom
/// of the rulings that cross its baseline within its text's width (two or
/// more, thin), and where they stand. `None` when fewer cross it.
fn ruled_frame(line: &TextLine, rules: &[Rule]) -> Option<(f32, f32, Vec<f32>)> {
    let left = line.words.first()?.x0;
    let right = line.words.last()?.x1;
    let crossing: Vec<&Rule> = rules
        .iter()
        .filter(|rule| {
            let x = (rule.x0 + rule.x1) / 2.0;
            !rule.is_horizontal()
                && rule.x1 - rule.x0 <= RULING_WIDTH * line.size
                && rule.y0 <= line.y
                && rule.y1 >= line.y
                && x > left - line.size
                && x < right + line.size
        })
        .collect();
    if crossing.len() < 2 {
        return None;
    }
    let top = crossing.iter().map(|r| r.y0).fold(f32::INFINITY, f32::min);
    let bottom = crossing
        .iter()
        .map(|r| r.y1)
        .fold(f32::NEG_INFINITY, f32::max);
    let xs = crossing.iter().map(|r| (r.x0 + r.x1) / 2.0).collect();
    Some((top, bottom, xs))
}

/// Adds chunk starts to the sorted edge list, merging starts within tolerance.
pub(super) fn merge_edges(edges: &mut Vec<f32>, starts: &[f32], size: f32) {
    for &start in starts {
        let tolerance = EDGE_TOLERANCE * size;
        if !edges.iter().any(|&edge| (edge - start).abs() <= tolerance) {
            edges.push(start);
        }
    }
    edges.sort_by(f32::total_cmp);
}

/// One column's piece of one line.
#[derive(Clone)]
pub(super) struct Fragment {
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) text: String,
    /// The words of the piece, left to right.
    pub(super) words: Vec<Word>,
    /// Where the piece starts and ends.
    pub(super) x0: f32,
    pub(super) x1: f32,
    /// The width of its first word.
    pub(super) first_width: f32,
}

/// Consecutive fragments of one column: one cell's text.
pub(super) struct Block {
    pub(super) column: usize,
    pub(super) top: f32,
    pub(super) bottom: f32,
    pub(super) lines: Vec<Fragment>,
}

/// A table has at least one row with two or more filled cells.
pub(super) fn looks_like_a_table(rows: &[LaidRow]) -> bool {
    rows.iter().any(|row| {
        row.cells
            .iter()
            .filter(|cell| !cell_text(cell).is_empty())
            .count()
            >= 2
    })
}

/// Turns a table's lines into one `(y, cells)` per logical row, trailing
/// empty cells dropped.
/// Each column's pieces of the lines, top to bottom: the words of a line
/// that start between one column edge and the next. The lines at
/// `headings` (headings across the table that a column found on the rows
/// only cuts through, see [`code_edges`]) are one cell each.
pub(super) fn fragments(
    lines: &[TextLine],
    edges: &[f32],
    headings: &[usize],
) -> Vec<Vec<Fragment>> {
    let columns = edges.len() + 1;
    let mut fragments: Vec<Vec<Fragment>> = (0..columns).map(|_| Vec::new()).collect();
    for (index, line) in lines.iter().enumerate() {
        let tolerance = EDGE_TOLERANCE * line.size;
        // A line with a code after its first word opens a row's cells
        // there, heading or not.
        let opens_row = line
            .words
            .iter()
            .skip(1)
            .any(|word| grammar::is_code_word(&word.text));
        let whole = headings.contains(&index) && !opens_row;
        let mut cells: Vec<Vec<&Word>> = (0..columns).map(|_| Vec::new()).collect();
        for word in &line.words {
            let column = edges
                .iter()
                .filter(|&&edge| !whole && word.x0 >= edge - tolerance)
                .count();
            if let Some(cell) = cells.get_mut(column) {
                cell.push(word);
            }
        }
        for (column, words) in cells.into_iter().enumerate() {
            if let (Some(column_fragments), Some(piece)) =
                (fragments.get_mut(column), fragment(line.y, &words))
            {
                column_fragments.push(piece);
            }
        }
    }
    fragments
}

/// The piece of a line at baseline `y` made of `words`, left to right;
/// `None` when there is no word.
pub(super) fn fragment(y: f32, words: &[&Word]) -> Option<Fragment> {
    let first = words.first()?;
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let size = words
        .iter()
        .map(|w| w.size)
        .fold(0.0_f32, f32::max)
        .max(1.0);
    let x1 = words.iter().map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max);
    Some(Fragment {
        y,
        size,
        text,
        words: words.iter().map(|&w| w.clone()).collect(),
        x0: first.x0,
        x1,
        first_width: first.x1 - first.x0,
    })
}

/// A table's rows from its lines cut at `edges`, the lines at `headings`
/// kept whole ([`fragments`]): anchored on codes or months where a column
/// holds them (rows drawn with `borders` between them start at those),
/// else from cell blocks.
pub(super) fn table_rows(
    lines: &[TextLine],
    edges: &[f32],
    headings: &[usize],
    borders: &[Border],
) -> Vec<LaidRow> {
    let fragments = fragments(lines, edges, headings);
    anchored_rows(&fragments, borders)
        .unwrap_or_else(|| block_rows(&fragments, edges.len() + 1, borders))
}

/// Rows from cell blocks: each column's lines grouped into blocks by line
/// pitch and cut at the row borders drawn between them, blocks that
/// overlap vertically in one row.
fn block_rows(fragments: &[Vec<Fragment>], columns: usize, borders: &[Border]) -> Vec<LaidRow> {
    let mut blocks: Vec<Block> = column_blocks(fragments)
        .into_iter()
        .flat_map(|block| split_block_at_borders(block, borders))
        .collect();
    blocks.sort_by(|a, b| a.top.total_cmp(&b.top));

    // Blocks overlapping vertically form one row.
    let mut rows: Vec<Vec<Block>> = Vec::new();
    let mut row_bottom = f32::NEG_INFINITY;
    for block in blocks {
        match rows.last_mut() {
            Some(row) if block.top < row_bottom => {
                row_bottom = row_bottom.max(block.bottom);
                row.push(block);
            }
            _ => {
                row_bottom = block.bottom;
                rows.push(vec![block]);
            }
        }
    }

    rows.into_iter()
        .flat_map(|row| {
            // A column in several blocks beside one-line cells (marks on
            // consecutive rows set apart by rows without a mark, beside
            // codes and titles at one pitch) is cut at its lines' baselines
            // when the row is a grid of lines; only otherwise do the other
            // columns' cells span its blocks.
            let parts = if stacked_blocks(&row) {
                split_grid_lines(row)
            } else {
                vec![row]
            };
            if parts.len() > 1 {
                parts
            } else {
                parts
                    .into_iter()
                    .flat_map(split_spanning)
                    .flat_map(split_grid_lines)
                    .collect()
            }
        })
        .filter_map(|row| {
            let top = row.iter().map(|b| b.top).fold(f32::INFINITY, f32::min);
            let mut cells: Vec<Vec<Fragment>> = (0..columns).map(|_| Vec::new()).collect();
            for block in row {
                if let Some(cell) = cells.get_mut(block.column) {
                    cell.extend(block.lines);
                }
            }
            LaidRow::new(top, cells)
        })
        .collect()
}

/// Whether a row holds two blocks or more of one column.
fn stacked_blocks(row: &[Block]) -> bool {
    columns_of(row).len() < row.len()
}

/// The columns a row's blocks stand in, each once, in order.
fn columns_of(row: &[Block]) -> Vec<usize> {
    let mut columns: Vec<usize> = row.iter().map(|block| block.column).collect();
    columns.sort_unstable();
    columns.dedup();
    columns
}

/// Groups each column's fragments into cell blocks by line pitch.
///
/// The column's line pitch is its smallest pitch, unless that is far below
/// the lower median (a superscript, a line drawn twice). The lower median,
/// not the upper: a column of three lines (a header, then a cell of two
/// lines) has two pitches, and the upper one is the gap between the header
/// and the cell, which would then read as a line of one cell.
pub(super) fn column_blocks(fragments: &[Vec<Fragment>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (column, column_fragments) in fragments.iter().enumerate() {
        let mut pitches: Vec<f32> = column_fragments
            .windows(2)
            .map(|pair| pair[1].y - pair[0].y)
            .filter(|&d| d > 0.0 && d < 2.0 * pair_size(column_fragments))
            .collect();
        pitches.sort_by(f32::total_cmp);
        let pitch = match (
            pitches.first(),
            pitches.get(pitches.len().saturating_sub(1) / 2),
        ) {
            (Some(&least), Some(&lower_median)) => least.max(lower_median * 0.8),
            _ => 1.2 * pair_size(column_fragments),
        };
        let mut current: Option<Block> = None;
        let mut previous_y = f32::NEG_INFINITY;
        for fragment in column_fragments {
            let extends = fragment.y - previous_y <= pitch * BLOCK_BREAK;
            match current.as_mut() {
                Some(block) if extends => {
                    block.bottom = fragment.y + 0.25 * fragment.size;
                    block.lines.push(fragment.clone());
                }
                _ => {
                    blocks.extend(current.take());
                    current = Some(Block {
                        column,
                        top: fragment.y - 0.75 * fragment.size,
                        bottom: fragment.y + 0.25 * fragment.size,
                        lines: vec![fragment.clone()],
                    });
                }
            }
            previous_y = fragment.y;
        }
        blocks.extend(current);
    }
    blocks
}

/// A cell block cut where a row border drawn across two of its lines (a
/// ruling, a stripe's edge) sets them in different cells: a column holds
/// too few lines for its pitch to tell a wrapped cell from two cells (the
/// one row of a table and a header row printed under it), and the border
/// does. A border that stops short of the lines (under the other columns,
/// beside a cell spanning rows) does not cut.
fn split_block_at_borders(block: Block, borders: &[Border]) -> Vec<Block> {
    let column = block.column;
    let mut parts: Vec<Block> = Vec::new();
    let mut above: Option<&Fragment> = None;
    for line in &block.lines {
        let parted = above.is_none_or(|above| {
            borders.iter().any(|border| {
                border.y > above.y
                    && border.y < line.y - BORDER_BAND * line.size
                    && border.spans(
                        line.x0.min(above.x0),
                        line.x1.max(above.x1),
                        BORDER_SPAN_SLACK,
                    )
            })
        });
        match parts.last_mut() {
            Some(part) if !parted => {
                part.bottom = line.y + 0.25 * line.size;
                part.lines.push(line.clone());
            }
            _ => parts.push(Block {
                column,
                top: line.y - 0.75 * line.size,
                bottom: line.y + 0.25 * line.size,
                lines: vec![line.clone()],
            }),
        }
        above = Some(line);
    }
    parts
}

/// Where a border must lie above a line's baseline to stand between it and
/// the line above, in font sizes (above the capitals of the line).
const BORDER_BAND: f32 = 0.8;

/// How far short of a cell's lines a border may stop and still run across
/// them, in points.
const BORDER_SPAN_SLACK: f32 = 1.0;

/// The usual font size of a column's fragments.
pub(super) fn pair_size(fragments: &[Fragment]) -> f32 {
    if fragments.is_empty() {
        10.0
    } else {
        median(fragments.iter().map(|f| f.size))
    }
}

/// A font size's share within which two baselines are one.
const GRID_BASELINE: f32 = 0.3;

/// Splits a row of one-line cells set at one pitch (a summary table of
/// names and figures, no rulings, no padding) into one row per baseline:
/// every baseline is filled in all columns but one at most (an empty
/// corner cell of the header), and one column holds nothing but figures
/// below its header, one a line, or no line of three baselines or more
/// opens with a small letter. A figure never wraps, a wrapped title
/// leaves the other columns empty on its next lines, and a line wrapped
/// out of a phrase goes on in small letters: lines that all open as
/// phrases do (`Terminado`, `Eje I / Programa 1`, `Ampliar el centro`)
/// are cells of their own.
fn split_grid_lines(row: Vec<Block>) -> Vec<Vec<Block>> {
    let mut baselines: Vec<f32> = Vec::new();
    let mut lines: Vec<&Fragment> = row.iter().flat_map(|block| &block.lines).collect();
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    for line in lines {
        if baselines
            .last()
            .is_none_or(|&y| line.y - y > GRID_BASELINE * line.size)
        {
            baselines.push(line.y);
        }
    }
    let baseline_of = |line: &Fragment| {
        baselines
            .iter()
            .position(|&y| (line.y - y).abs() <= GRID_BASELINE * line.size)
    };
    let mut filled = vec![0_usize; baselines.len()];
    for block in &row {
        let mut seen = vec![false; baselines.len()];
        for line in &block.lines {
            match baseline_of(line).and_then(|index| seen.get_mut(index)) {
                Some(taken) if !*taken => *taken = true,
                _ => return vec![row],
            }
        }
        for (count, taken) in filled.iter_mut().zip(seen) {
            *count += usize::from(taken);
        }
    }
    // Filled in every column but one: a column's blocks share no baseline.
    let least = columns_of(&row).len().saturating_sub(1).max(2);
    // A heading above the table drawn into its first column (`Resumen`
    // over `Proyectos | Grado de avance`, then a row a baseline): a first
    // baseline filled in one column only, set larger than the rows below
    // or further above the next than they are apart, over three rows or
    // more, is a row of its own.
    let pitches: Vec<f32> = baselines.windows(2).map(|pair| pair[1] - pair[0]).collect();
    let size_on = |at: usize| {
        row.iter()
            .flat_map(|block| &block.lines)
            .filter(|line| baseline_of(line) == Some(at))
            .map(|line| line.size)
            .fold(0.0_f32, f32::max)
    };
    let below_size = (1..baselines.len()).map(size_on).fold(0.0_f32, f32::max);
    let heading = filled.first() == Some(&1)
        && baselines.len() >= 4
        && (size_on(0) > HEADING_PITCH * below_size
            || pitches.split_first().is_some_and(|(&first, rest)| {
                let widest = rest.iter().copied().fold(0.0_f32, f32::max);
                first > HEADING_PITCH * widest
            }));
    let head = usize::from(heading);
    let is_figure = |text: &str| {
        let digits = text.trim_end_matches(['%', ' ']);
        !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    let figures = row.iter().any(|block| {
        let table_lines = || {
            block
                .lines
                .iter()
                .filter(|line| baseline_of(line).is_some_and(|at| at >= head))
        };
        table_lines().count() >= 2 && table_lines().skip(1).all(|line| is_figure(&line.text))
    });
    let phrases = baselines.len() >= 3
        && row.iter().all(|block| {
            block.lines.iter().all(|line| {
                !line
                    .text
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_lowercase)
            })
        });
    if baselines.len() < 2
        || !(figures || phrases)
        || filled.iter().skip(head).any(|&count| count < least)
    {
        return vec![row];
    }
    let mut parts: Vec<Vec<Block>> = baselines.iter().map(|_| Vec::new()).collect();
    for block in &row {
        for line in &block.lines {
            if let Some(part) = baseline_of(line).and_then(|index| parts.get_mut(index)) {
                part.push(Block {
                    column: block.column,
                    top: line.y - 0.75 * line.size,
                    bottom: line.y + 0.25 * line.size,
                    lines: vec![line.clone()],
                });
            }
        }
    }
    parts
}

/// How much larger, or further above the next baseline than the rows
/// below are apart, a heading drawn into a table's first column stands.
const HEADING_PITCH: f32 = 1.1;

/// Splits a row in which one column holds several cells (the other columns'
/// cells span them) at that column's cells.
pub(super) fn split_spanning(row: Vec<Block>) -> Vec<Vec<Block>> {
    let mut per_column: BTreeMap<usize, Vec<f32>> = BTreeMap::new();
    for block in &row {
        per_column.entry(block.column).or_default().push(block.top);
    }
    let Some(mut cuts) = per_column
        .into_values()
        .filter(|tops| tops.len() >= 2)
        .max_by_key(Vec::len)
    else {
        return vec![row];
    };
    cuts.sort_by(f32::total_cmp);
    let mut parts: Vec<Vec<Block>> = cuts.iter().map(|_| Vec::new()).collect();
    for block in row {
        let part = cuts
            .iter()
            .rposition(|&cut| block.top >= cut - 0.5)
            .unwrap_or(0);
        if let Some(target) = parts.get_mut(part) {
            target.push(block);
        }
    }
    parts.retain(|part| !part.is_empty());
    parts
}

#[cfg(test)]
mod ruling_tests {
    use crate::layout::lay_out;
    use crate::read::{GlyphPage, Rule, RuleKind};

    /// The laid-out text of one page, line by line.
    fn text_lines(page: &GlyphPage) -> Vec<String> {
        lay_out(&[page])
            .remove(0)
            .text
            .lines()
            .map(str::to_owned)
            .collect()
    }

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 5.0;

    /// Draws `text` glyph by glyph, centred on `centre`, on baseline `y`.
    fn centred(page: &mut GlyphPage, text: &str, centre: f32, y: f32) {
        let x = centre - ADVANCE * text.chars().count() as f32 / 2.0;
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * ADVANCE, y, ADVANCE, SIZE);
        }
    }

    /// An empty 600 × 800 page.
    fn blank_page() -> GlyphPage {
        GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        }
    }

    /// A table of centred cells: code, title and mark columns between
    /// vertical rulings at 50, 110, 300 and 340, one row every 20 points.
    fn centred_table(rulings: bool) -> GlyphPage {
        let mut page = blank_page();
        let rows = [
            ("Code", "Deliverable", "Status"),
            ("L1M1D1", "Annual report", "V"),
            ("L1M1D2", "Calendar of international events", "X"),
            ("L1M1D3", "Web", "0"),
            ("L1M1D4", "Training plan for members", "V"),
        ];
        for (index, (code, title, mark)) in rows.iter().enumerate() {
            let y = 100.0 + 20.0 * index as f32;
            centred(&mut page, code, 80.0, y);
            centred(&mut page, title, 205.0, y);
            centred(&mut page, mark, 320.0, y);
        }
        if rulings {
            for x in [50.0, 110.0, 300.0, 340.0] {
                page.rules
                    .push(Rule::ruling(x - 0.25, 88.0, x + 0.25, 186.0));
            }
        }
        page
    }

    /// Draws `text` glyph by glyph from `x` on baseline `y`.
    fn left(page: &mut GlyphPage, text: &str, x: f32, y: f32) {
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * ADVANCE, y, ADVANCE, SIZE);
        }
    }

    fn fill(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule {
            x0,
            y0,
            x1,
            y1,
            kind: RuleKind::Fill,
        }
    }

    /// Titles of `lines` lines each, 12 pt apart, code and mark on the
    /// title's last line, and no more space between rows than between a
    /// title's lines: only the borders (`borders`: every row's top and
    /// bottom as horizontal rulings, or every other row filled) tell where
    /// a row starts.
    fn bottom_coded_table(lines: &[usize], borders: Borders) -> (GlyphPage, Vec<String>) {
        let mut page = blank_page();
        let mut want = vec!["Code\tDeliverable\tStatus".to_owned()];
        let mut top = 100.0;
        let mut row_tops = vec![top];
        left(&mut page, "Code", 55.0, top + 10.0);
        left(&mut page, "Deliverable", 150.0, top + 10.0);
        left(&mut page, "Status", 400.0, top + 10.0);
        top += 12.0;
        for (index, &count) in lines.iter().enumerate() {
            row_tops.push(top);
            let code = format!("L1M1D{}", index + 1);
            let mark = ["V", "X", "0"][index % 3];
            let mut title = Vec::new();
            for line in 0..count {
                let text = format!("title {index} line {line}");
                left(&mut page, &text, 150.0, top + 10.0 + 12.0 * line as f32);
                title.push(text);
            }
            let bottom_line = top + 10.0 + 12.0 * (count - 1) as f32;
            left(&mut page, &code, 55.0, bottom_line);
            left(&mut page, mark, 400.0, bottom_line);
            want.push(format!("{code}\t{}\t{mark}", title.join(" ")));
            top += 12.0 * count as f32;
        }
        row_tops.push(top);
        for (index, pair) in row_tops.windows(2).enumerate() {
            match borders {
                Borders::Rulings => {
                    page.rules
                        .push(Rule::ruling(50.0, pair[0] - 0.2, 450.0, pair[0] + 0.2))
                }
                Borders::Zebra if index % 2 == 0 => {
                    page.rules.push(fill(50.0, pair[0], 450.0, pair[1]))
                }
                Borders::Zebra | Borders::None => {}
            }
        }
        if borders == Borders::Rulings {
            page.rules
                .push(Rule::ruling(50.0, top - 0.2, 450.0, top + 0.2));
        }
        (page, want)
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Borders {
        None,
        Rulings,
        Zebra,
    }

    #[test]
    fn horizontal_rulings_and_zebra_fills_are_row_borders() {
        // The header is shaded in the zebra table, so every row has a
        // border above it.
        for borders in [Borders::Rulings, Borders::Zebra] {
            for lines in [[2, 3, 1, 2], [3, 1, 3, 3], [1, 2, 2, 1]] {
                let (page, want) = bottom_coded_table(&lines, borders);
                let got = text_lines(&page);
                assert_eq!(got, want, "{borders:?}, lines {lines:?}");
            }
        }
        // Without them, the lines above a code join the row above.
        let (page, want) = bottom_coded_table(&[2, 3, 1, 2], Borders::None);
        let got = text_lines(&page);
        assert_ne!(got, want);
    }

    /// A table of one coded row with its header row printed under it, one
    /// line apart; `ruled` draws a rule under each row.
    fn header_under_one_row(ruled: bool) -> GlyphPage {
        let mut page = blank_page();
        for (y, cells) in [
            (
                100.0,
                ["L1M3D1", "Contributions to the Global Taskforce", "V"],
            ),
            (118.0, ["Code", "Deliverable", "Status"]),
        ] {
            for (x, text) in [50.0, 110.0, 320.0].into_iter().zip(cells) {
                left(&mut page, text, x, y);
            }
            if ruled {
                page.rules
                    .push(Rule::ruling(48.0, y + 5.75, 360.0, y + 6.25));
            }
        }
        page
    }

    #[test]
    fn a_rule_between_the_lines_of_a_short_column_parts_its_cells() {
        let want = [
            "L1M3D1\tContributions to the Global Taskforce\tV",
            "Code\tDeliverable\tStatus",
        ];
        assert_eq!(text_lines(&header_under_one_row(true)), want);
        // Without the rules, two lines a column are one cell each.
        assert_ne!(text_lines(&header_under_one_row(false)), want);
    }

    #[test]
    fn rulings_drawn_cell_by_cell_bound_a_month_centred_over_its_events() {
        // A month → events table whose cells stroke their own edges: the
        // month column's segments are short, the events column's long, and
        // a month spanning two events leaves a gap in its column's ruling.
        // The spanning month, centred between its events, keeps the event
        // drawn above its baseline.
        let mut page = blank_page();
        let ruling = |page: &mut GlyphPage, y: f32, month_column: bool| {
            if month_column {
                page.rules.push(Rule::ruling(50.0, y, 140.0, y + 0.5));
            }
            page.rules.push(Rule::ruling(140.0, y, 450.0, y + 0.5));
        };
        left(&mut page, "Mes", 55.0, 110.0);
        left(&mut page, "Eventos", 150.0, 110.0);
        ruling(&mut page, 115.0, true);
        left(&mut page, "Enero", 55.0, 130.0);
        left(&mut page, "Foro de alcaldes", 150.0, 130.0);
        ruling(&mut page, 137.0, true);
        left(&mut page, "Taller regional", 150.0, 152.0);
        ruling(&mut page, 159.0, false);
        left(&mut page, "Marzo", 55.0, 163.0);
        left(&mut page, "Consejo directivo", 150.0, 174.0);
        ruling(&mut page, 181.0, true);
        left(&mut page, "Abril", 55.0, 196.0);
        left(&mut page, "Congreso anual", 150.0, 196.0);
        ruling(&mut page, 203.0, true);
        let got = text_lines(&page);
        let row = |month: &str| {
            got.iter()
                .find(|line| line.starts_with(month))
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(row("Enero"), "Enero\tForo de alcaldes", "{got:?}");
        assert!(row("Marzo").contains("Taller regional"), "{got:?}");
        assert!(row("Marzo").contains("Consejo directivo"), "{got:?}");
    }

    #[test]
    fn a_rule_under_the_header_or_a_frame_is_no_row_border() {
        // Rows set apart by spacing; one ruling under the header and a
        // fill behind the whole table: bands of several codes, no rows.
        let mut page = blank_page();
        left(&mut page, "Code", 55.0, 110.0);
        left(&mut page, "Deliverable", 150.0, 110.0);
        left(&mut page, "Status", 400.0, 110.0);
        let mut y = 130.0;
        let mut want = vec!["Code\tDeliverable\tStatus".to_owned()];
        for index in 0..3 {
            left(&mut page, &format!("L1M1D{}", index + 1), 55.0, y);
            left(&mut page, &format!("title {index} line 0"), 150.0, y);
            left(&mut page, &format!("title {index} line 1"), 150.0, y + 12.0);
            left(&mut page, "V", 400.0, y);
            want.push(format!(
                "L1M1D{}\ttitle {index} line 0 title {index} line 1\tV",
                index + 1
            ));
            y += 32.0;
        }
        page.rules.push(Rule::ruling(50.0, 115.0, 450.0, 115.4));
        page.rules.push(fill(50.0, 98.0, 450.0, y));
        let got = text_lines(&page);
        assert_eq!(got, want);
    }

    #[test]
    fn a_grid_frames_wrapped_centred_titles_and_codes_set_on_their_middle_line() {
        // Code, title and mark columns between vertical rulings at 50, 110,
        // 300 and 340, a ruling above every row: centred titles of one to
        // three lines share no edge with the lines around them, and the
        // code and mark sit on the title's middle (between two lines when
        // it has two).
        let mut page = blank_page();
        let titles: [&[&str]; 4] = [
            &["Annual report on", "urban governance", "and policy"],
            &["Web"],
            &["Calendar of international", "events"],
            &["Training plan", "for members of", "the network"],
        ];
        let mut want = vec!["Code\tDeliverable\tStatus".to_owned()];
        centred(&mut page, "Code", 80.0, 110.0);
        centred(&mut page, "Deliverable", 205.0, 110.0);
        centred(&mut page, "Status", 320.0, 110.0);
        let mut top = 116.0;
        let mut tops = vec![100.0, top];
        for (index, lines) in titles.iter().enumerate() {
            let code = format!("L1M1D{}", index + 1);
            let mark = ["V", "X", "0"][index % 3];
            for (line, text) in lines.iter().enumerate() {
                centred(&mut page, text, 205.0, top + 10.0 + 12.0 * line as f32);
            }
            let middle = top + 10.0 + 6.0 * (lines.len() - 1) as f32;
            centred(&mut page, &code, 80.0, middle);
            centred(&mut page, mark, 320.0, middle);
            want.push(format!("{code}\t{}\t{mark}", lines.join(" ")));
            top += 12.0 * lines.len() as f32 + 4.0;
            tops.push(top);
        }
        for &y in &tops {
            page.rules.push(Rule::ruling(50.0, y - 0.2, 340.0, y + 0.2));
        }
        for x in [50.0, 110.0, 300.0, 340.0] {
            page.rules.push(Rule::ruling(x - 0.2, 100.0, x + 0.2, top));
        }
        let got = text_lines(&page);
        assert_eq!(got, want);
    }

    /// A table without rulings whose title column is centred (or, with
    /// `right`, right-aligned) between gutters of 0.8 and 0.7 em (under
    /// a cell gap, over a word space): the longest title spans its cell.
    fn narrow_gutter_table(right: bool) -> (GlyphPage, Vec<String>) {
        let mut page = blank_page();
        let rows = [
            ("Code", "Deliverable", "Status"),
            ("L1M1D1", "Annual report on urban governance", "V"),
            ("L1M1D2", "Calendar of international events in 2020", "X"),
            ("L1M1D3", "Web", "0"),
            ("L1M1D4", "Training plan for members", "V"),
            ("L1M1D5", "Key issues", "X"),
        ];
        for (index, (code, title, mark)) in rows.iter().enumerate() {
            let y = 100.0 + 14.0 * index as f32;
            left(&mut page, code, 50.0, y);
            if right {
                let width = ADVANCE * title.chars().count() as f32;
                left(&mut page, title, 288.0 - width, y);
            } else {
                centred(&mut page, title, 188.0, y);
            }
            centred(&mut page, mark, 310.0, y);
        }
        let want = rows
            .iter()
            .map(|(code, title, mark)| format!("{code}\t{title}\t{mark}"))
            .collect();
        (page, want)
    }

    #[test]
    fn narrow_gutters_beside_centred_or_right_aligned_titles_are_columns() {
        for right in [false, true] {
            let (page, want) = narrow_gutter_table(right);
            assert_eq!(text_lines(&page), want, "right-aligned: {right}");
        }
    }

    #[test]
    fn vertical_rulings_are_the_columns_of_a_table_of_centred_cells() {
        let ruled = lay_out(&[&centred_table(true)]).remove(0).text;
        assert_eq!(
            ruled,
            "Code\tDeliverable\tStatus\n\
             L1M1D1\tAnnual report\tV\n\
             L1M1D2\tCalendar of international events\tX\n\
             L1M1D3\tWeb\t0\n\
             L1M1D4\tTraining plan for members\tV\n"
        );
        // Without them, the centred titles share no edge, but the gutters
        // between the columns stay empty on every line.
        let bare = lay_out(&[&centred_table(false)]).remove(0).text;
        assert_eq!(bare, ruled);
    }
}

#[cfg(test)]
mod region_tests {
    use crate::layout::lay_out;
    use crate::page::BlockKind;
    use crate::read::{GlyphPage, Rule};

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 5.0;

    /// A page drawn from `(text, x, y)` pieces, glyph by glyph.
    fn page(pieces: &[(&str, f32, f32)]) -> GlyphPage {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        for &(text, x, y) in pieces {
            for (i, c) in text.chars().enumerate() {
                page.push(&c.to_string(), x + i as f32 * ADVANCE, y, ADVANCE, SIZE);
            }
        }
        page
    }

    /// A page of a 14 pt table whose first rows follow a paragraph and a
    /// heading across the page: measures at 50, deliverables at 250, marks
    /// at 520.
    /// `tail` is the last line of the heading.
    fn table_page(tail: &str) -> GlyphPage {
        page(&[
            (
                "Entre 2018 y 2020 la red tenía que llevar a cabo sesenta y cinco resultados y",
                50.0,
                100.0,
            ),
            ("entregables. En total:", 50.0, 112.0),
            (
                "LINEA DE ACCION 1 Ejercer la diplomacia urbana y la incidencia en las cuestiones",
                50.0,
                136.0,
            ),
            (tail, 50.0, 148.0),
            ("Medidas", 50.0, 172.0),
            ("Resultados", 250.0, 172.0),
            ("L1M1 Que se hayan", 50.0, 190.0),
            ("L1M1D1 Calendario de", 250.0, 190.0),
            ("seguido de cerca los", 50.0, 202.0),
            ("acontecimientos", 250.0, 202.0),
            ("v", 520.0, 202.0),
            ("temas.", 50.0, 214.0),
            ("L1M2 Que se haya", 50.0, 232.0),
            ("L1M2D1 Documentos de", 250.0, 232.0),
            ("debatido un discurso", 50.0, 244.0),
            ("posición", 250.0, 244.0),
            ("x", 520.0, 244.0),
            ("L1M3 Que se difunda", 50.0, 262.0),
            ("L1M3D1 Debates en el", 250.0, 262.0),
            ("seno de las reuniones", 250.0, 274.0),
            ("o", 520.0, 274.0),
        ])
    }

    #[test]
    fn a_page_holding_only_a_long_cell_does_not_make_its_column_a_margin() {
        // The next pages hold the rest of a long deliverable cell: lines at
        // 250 as wide as those pages' text, but not as the document's.
        let cell: Vec<(&str, f32, f32)> = (0..8)
            .map(|i| {
                (
                    "del legado de los líderes de las metrópolis",
                    250.0,
                    100.0 + 12.0 * i as f32,
                )
            })
            .collect();
        let rest = page(&cell);
        let table = table_page("metropolitanas");
        let laid = lay_out(&[&table, &rest, &table, &rest, &table]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        assert!(
            lines.contains(&"L1M1 Que se hayan seguido de cerca los temas.\tL1M1D1 Calendario de acontecimientos\tv"),
            "{lines:#?}"
        );
        assert!(
            lines.contains(&"L1M3 Que se difunda\tL1M3D1 Debates en el seno de las reuniones\to"),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_table_does_not_take_the_end_of_a_paragraph_across_its_columns() {
        // The heading's last line runs a little into the second column, or
        // stays short at the pitch of the heading's lines.
        for tail in [
            "metropolitanas de la red y de los socios.",
            "metropolitanas",
        ] {
            let laid = lay_out(&[&table_page(tail)]);
            let lines: Vec<&str> = laid[0].text.lines().collect();
            let tables: Vec<&str> = laid[0]
                .blocks
                .iter()
                .filter(|block| matches!(block.kind, BlockKind::Table(_)))
                .filter_map(|block| lines.get(block.lines.start).copied())
                .collect();
            assert_eq!(tables, ["Medidas\tResultados"], "{lines:#?}");
        }
    }

    /// A table whose first cells wrap (`Axis 1 › Programme 1.1 ›` over
    /// `Project 1.1.4`) with a small totals table right below, its columns
    /// set by its own content (one padding after each cell, so its header's
    /// gaps are alike and look justified) and its row of figures opening
    /// with a number.
    fn stacked_tables() -> GlyphPage {
        let mut pieces = vec![
            ("Path", 50.0, 100.0),
            ("Project", 200.0, 100.0),
            ("State", 350.0, 100.0),
        ];
        let rows = [
            (
                "Axis 1 › Programme 1.1 ›",
                "Project 1.1.4",
                "Census",
                "Done",
            ),
            (
                "Axis 1 › Programme 1.1 ›",
                "Project 1.1.5",
                "Guide",
                "Ongoing",
            ),
            (
                "Axis 1 › Programme 1.2 ›",
                "Project 1.2.4",
                "Cycle lanes",
                "Done",
            ),
        ];
        for (index, &(path, project, title, state)) in rows.iter().enumerate() {
            let y = 120.0 + 30.0 * index as f32;
            pieces.extend([
                (path, 50.0, y),
                (project, 50.0, y + 12.0),
                (title, 200.0, y),
                (state, 350.0, y),
            ]);
        }
        pieces.extend([
            ("Total", 50.0, 220.0),
            ("Done", 100.0, 220.0),
            ("Ongoing", 145.0, 220.0),
            ("Pending", 205.0, 220.0),
            ("3", 50.0, 241.0),
            ("2", 100.0, 241.0),
            ("1", 145.0, 241.0),
            ("0", 205.0, 241.0),
        ]);
        page(&pieces)
    }

    #[test]
    fn a_next_tables_header_set_a_little_apart_does_not_cut_the_wrapped_cells_above() {
        // Narrow title cells wrap at 250; the next table, after its heading,
        // starts its title column at 270, where the wrapped lines above have
        // words after a plain word space.
        let mut pieces = vec![("Medidas", 50.0, 100.0), ("Resultados", 250.0, 100.0)];
        for (index, code) in ["L1M1D1", "L1M1D2", "L1M1D3"].iter().enumerate() {
            let y = 120.0 + 40.0 * index as f32;
            pieces.extend([
                (*code, 250.0, y),
                ("Calendario", 285.0, y),
                ("de los actos", 250.0, y + 12.0),
                ("anuales de la red", 250.0, y + 24.0),
                ("v", 400.0, y + 12.0),
            ]);
        }
        pieces.extend([
            ("L1M1 Que se hayan", 50.0, 120.0),
            ("seguido los temas.", 50.0, 132.0),
            ("LINEA DE ACCION 2 Fortalecer", 50.0, 248.0),
            ("Medidas", 50.0, 266.0),
            ("Resultados", 270.0, 266.0),
            ("L2M1 Que se haga", 50.0, 284.0),
            ("L2M1D1 Mapeo", 270.0, 284.0),
            ("x", 400.0, 284.0),
        ]);
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in [
            "L1M1 Que se hayan seguido los temas.\tL1M1D1 Calendario de los actos anuales de la red\tv",
            "\tL1M1D2 Calendario de los actos anuales de la red\tv",
            "L2M1 Que se haga\tL2M1D1 Mapeo\tx",
        ] {
            assert!(lines.contains(&row), "{row:?} not in {lines:#?}");
        }
    }

    #[test]
    fn a_next_table_with_its_own_column_widths_after_a_heading_is_a_table_of_its_own() {
        // The first table's measures run to 240 and its titles start at 250;
        // the next one, under its heading, starts its titles at 150, where
        // the measures above have words.
        let mut pieces = vec![("Medidas", 50.0, 100.0), ("Resultados", 250.0, 100.0)];
        for (index, code) in ["L1M1", "L1M2"].iter().enumerate() {
            let y = 120.0 + 30.0 * index as f32;
            pieces.extend([
                (*code, 50.0, y),
                ("Que se hayan seguido de cerca", 80.0, y),
                ("los temas y las cuestiones", 50.0, y + 12.0),
            ]);
        }
        pieces.extend([
            ("L1M1D1 Calendario", 250.0, 120.0),
            ("v", 400.0, 120.0),
            ("L1M2D1 Documentos", 250.0, 150.0),
            ("x", 400.0, 150.0),
            ("LINEA DE ACCION 2 Fortalecer", 50.0, 190.0),
            ("Medidas", 50.0, 210.0),
            ("Resultados", 150.0, 210.0),
            ("L2M1 Que se", 50.0, 228.0),
            ("L2M1D1 Mapeo de", 150.0, 228.0),
            ("haga", 50.0, 240.0),
            ("miembros", 150.0, 240.0),
            ("o", 400.0, 228.0),
            ("L2M2 Que se", 50.0, 258.0),
            ("L2M2D1 Plan", 150.0, 258.0),
            ("v", 400.0, 258.0),
        ]);
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in [
            "L1M1 Que se hayan seguido de cerca los temas y las cuestiones\tL1M1D1 Calendario\tv",
            "Medidas\tResultados",
            "L2M1 Que se haga\tL2M1D1 Mapeo de miembros\to",
            "L2M2 Que se\tL2M2D1 Plan\tv",
        ] {
            assert!(lines.contains(&row), "{row:?} not in {lines:#?}");
        }
    }

    #[test]
    fn a_totals_table_below_wrapped_cells_is_a_table_of_its_own() {
        let laid = lay_out(&[&stacked_tables()]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in [
            "Axis 1 › Programme 1.1 › Project 1.1.4\tCensus\tDone",
            "Axis 1 › Programme 1.2 › Project 1.2.4\tCycle lanes\tDone",
            "Total\tDone\tOngoing\tPending",
            "3\t2\t1\t0",
        ] {
            assert!(lines.contains(&row), "{row:?} not in {lines:#?}");
        }
    }

    /// A summary of names and figures set at one pitch, no rulings: each
    /// line a row, the header's corner cell empty or not.
    #[test]
    fn a_summary_of_figures_set_at_one_pitch_is_a_row_a_line() {
        for corner in ["", "Bereich"] {
            let mut pieces = vec![
                ("Stand der Massnahmen nach Bereich", 50.0, 80.0),
                ("erledigt", 200.0, 110.0),
                ("laufend", 280.0, 110.0),
                ("offen", 360.0, 110.0),
                ("Summe", 440.0, 110.0),
            ];
            if !corner.is_empty() {
                pieces.push((corner, 50.0, 110.0));
            }
            for (index, (name, figures)) in [
                ("Wasser", ["3", "1", "0", "4"]),
                ("Verkehr", ["2", "2", "1", "5"]),
                ("Summe", ["5", "3", "1", "9"]),
            ]
            .into_iter()
            .enumerate()
            {
                let y = 122.0 + 12.0 * index as f32;
                pieces.push((name, 50.0, y));
                for (column, figure) in figures.into_iter().enumerate() {
                    pieces.push((figure, 200.0 + 80.0 * column as f32, y));
                }
            }
            let laid = lay_out(&[&page(&pieces)]);
            let lines: Vec<&str> = laid[0].text.lines().collect();
            let header = format!("{corner}\terledigt\tlaufend\toffen\tSumme");
            for row in [
                header.as_str(),
                "Wasser\t3\t1\t0\t4",
                "Verkehr\t2\t2\t1\t5",
                "Summe\t5\t3\t1\t9",
            ] {
                assert!(lines.contains(&row), "{row:?} not in {lines:#?}");
            }
        }
    }

    /// A summary table whose heading is drawn into its first column, one
    /// line above its header (`Resumen` over `Área | Hecho | …`), set
    /// further above it than the rows are apart: the heading is a row of
    /// its own and the table under it a row a line, in any language. At the
    /// rows' own pitch the first column's line may be a wrapped name, and
    /// the row stays whole.
    #[test]
    fn a_heading_drawn_into_a_summary_tables_first_column_is_a_row_of_its_own() {
        let fragment = |text: &str, x0: f32, y: f32| super::Fragment {
            y,
            size: SIZE,
            text: text.to_owned(),
            words: Vec::new(),
            x0,
            x1: x0 + ADVANCE * text.chars().count() as f32,
            first_width: ADVANCE * text.chars().count() as f32,
        };
        for (heading, columns) in [
            (
                "Resumen",
                ["Área", "Hecho", "En curso", "Sin iniciar", "Total"],
            ),
            (
                "Summary",
                ["Area", "Done", "Ongoing", "Not started", "Total"],
            ),
            (
                "Bilan",
                ["Domaine", "Fait", "En cours", "Non engagé", "Total"],
            ),
        ] {
            for (heading_y, split) in [(96.0, true), (98.0, false)] {
                let figures = [
                    ["Agua", "3", "1", "0", "4"],
                    ["Tráfico", "2", "2", "1", "5"],
                ];
                let row: Vec<super::Block> = (0..columns.len())
                    .map(|column| {
                        let x0 = 50.0 + 100.0 * column as f32;
                        let mut lines = Vec::new();
                        if column == 0 {
                            lines.push(fragment(heading, x0, heading_y));
                        }
                        lines.push(fragment(columns[column], x0, 110.0));
                        for (at, figure) in figures.iter().enumerate() {
                            lines.push(fragment(figure[column], x0, 122.0 + 12.0 * at as f32));
                        }
                        super::Block {
                            column,
                            top: heading_y - SIZE,
                            bottom: 150.0,
                            lines,
                        }
                    })
                    .collect();
                let parts = super::split_grid_lines(row);
                let texts: Vec<Vec<&str>> = parts
                    .iter()
                    .map(|part| {
                        part.iter()
                            .flat_map(|block| &block.lines)
                            .map(|line| line.text.as_str())
                            .collect()
                    })
                    .collect();
                if split {
                    assert_eq!(texts.len(), 4, "{texts:?}");
                    assert_eq!(texts[0], [heading]);
                    assert_eq!(texts[1], columns);
                } else {
                    assert_eq!(texts.len(), 1, "{texts:?}");
                }
            }
        }
    }

    /// A register of phrases set at one pitch, no rulings, no figures:
    /// every line opens as a phrase, so each is a row; a title wrapped in
    /// small letters keeps its lines one cell.
    #[test]
    fn phrases_set_at_one_pitch_are_a_row_a_line_unless_a_line_goes_on() {
        let rows = [
            ("Eje I", "Ampliar el centro de dia", "Terminado"),
            ("Eje I", "Crear la teleasistencia", "En curso"),
            ("Eje II", "Limpiar el cauce", "Terminado"),
            ("Eje III", "Renovar el mercado", "No comenzado"),
        ];
        let mut pieces = vec![
            ("Eje", 50.0, 110.0),
            ("Proyecto", 150.0, 110.0),
            ("Estado", 350.0, 110.0),
        ];
        for (index, (axis, title, status)) in rows.iter().enumerate() {
            let y = 122.0 + 12.0 * index as f32;
            pieces.extend([(*axis, 50.0, y), (*title, 150.0, y), (*status, 350.0, y)]);
        }
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in [
            "Eje\tProyecto\tEstado",
            "Eje I\tAmpliar el centro de dia\tTerminado",
            "Eje III\tRenovar el mercado\tNo comenzado",
        ] {
            assert!(lines.contains(&row), "{row:?} not in {lines:#?}");
        }

        let mut wrapped = pieces.clone();
        if let Some(piece) = wrapped
            .iter_mut()
            .find(|piece| piece.0 == "Limpiar el cauce")
        {
            piece.0 = "y su ribera";
        }
        let laid = lay_out(&[&page(&wrapped)]);
        assert!(
            !laid[0].text.contains("Eje II\ty su ribera"),
            "{}",
            laid[0].text
        );
    }

    /// Measures beside deliverables whose baselines alternate (each cell's
    /// lines set on their own, half a line off the other's), a narrow
    /// gutter between: no line holds two cells, yet the rows are rows of
    /// two cells and a mark.
    #[test]
    fn cells_whose_baselines_alternate_are_a_table_not_a_paragraph() {
        let mut pieces: Vec<(String, f32, f32)> = vec![(
            "Una linea de texto que cruza la pagina entera antes de la tabla.".to_owned(),
            50.0,
            80.0,
        )];
        for row in 1..=3 {
            let y = 50.0 + 50.0 * row as f32;
            pieces.extend([
                (format!("L1M{row} Que se creen"), 50.0, y),
                ("foros que sirvan".to_owned(), 50.0, y + 12.0),
                ("a los alcaldes.".to_owned(), 50.0, y + 24.0),
                (format!("L1M{row}D1 Reuniones politicas"), 142.0, y + 6.0),
                ("y tecnicas anuales".to_owned(), 142.0, y + 18.0),
                ("V".to_owned(), 400.0, y + 18.0),
            ]);
        }
        let pieces: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in 1..=3 {
            let row = format!(
                "L1M{row} Que se creen foros que sirvan a los alcaldes.\tL1M{row}D1 Reuniones politicas y tecnicas anuales\tV"
            );
            assert!(lines.contains(&row.as_str()), "{row:?} not in {lines:#?}");
        }
    }

    /// A legend and a heading set apart above a table's header, both
    /// narrower than its first column: they are prose, not a header cell
    /// of the table (whose text a reader would take for a row's).
    #[test]
    fn lines_set_apart_above_a_table_are_not_its_first_cell() {
        let laid = lay_out(&[&page(&[
            ("Leyenda: V logrado o en curso", 50.0, 100.0),
            ("LINEA 2 Reforzar capacidades", 50.0, 112.0),
            ("Medidas", 50.0, 136.0),
            ("Resultados", 250.0, 136.0),
            ("L2M1 Que se hayan", 50.0, 154.0),
            ("L2M1D1 Calendario de", 250.0, 154.0),
            ("seguido de cerca.", 50.0, 166.0),
            ("acontecimientos", 250.0, 166.0),
            ("v", 520.0, 166.0),
            ("L2M2 Que se haya", 50.0, 184.0),
            ("L2M2D1 Documentos", 250.0, 184.0),
            ("x", 520.0, 184.0),
        ])]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        assert_eq!(
            lines.get(..2),
            Some(
                &[
                    "Leyenda: V logrado o en curso",
                    "LINEA 2 Reforzar capacidades"
                ][..]
            ),
            "{lines:#?}"
        );
        assert!(lines.contains(&"Medidas\tResultados"), "{lines:#?}");
    }

    /// A header of two rows, the first's cells spanning the columns below
    /// (`Plan item` over number, code and title; `Progress` over status
    /// and lead), above a first row whose title stops short of where
    /// `Progress` starts and titles that run past it: the spanning cell's
    /// start is no column, and the rows stay one table.
    #[test]
    fn a_header_cell_spanning_columns_does_not_end_the_table() {
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("Plan item".to_owned(), 77.0, 100.0),
            ("Progress".to_owned(), 326.0, 100.0),
            ("No.".to_owned(), 56.0, 118.0),
            ("Code".to_owned(), 90.0, 118.0),
            ("Deliverable".to_owned(), 152.0, 118.0),
            ("Status".to_owned(), 419.0, 118.0),
            ("Lead".to_owned(), 471.0, 118.0),
        ];
        // The first row's title stops short of `Progress`, the others run past it.
        let title = |row: usize| {
            if row == 1 {
                "Flood risk map"
            } else {
                "Guide to nature-based coastal defences"
            }
        };
        for row in 1..=4 {
            let y = 118.0 + 18.0 * row as f32;
            pieces.extend([
                (row.to_string(), 56.0, y),
                (format!("L1M{row}D1"), 90.0, y),
                (title(row).to_owned(), 152.0, y),
                ("V".to_owned(), 419.0, y),
                ("North office".to_owned(), 471.0, y),
            ]);
        }
        let pieces: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in 1..=4 {
            let row = format!("{row}\tL1M{row}D1\t{}\tV\tNorth office", title(row));
            assert!(lines.contains(&row.as_str()), "{row:?} not in {lines:#?}");
        }
    }

    /// A table whose measures stand at the margin on rows of their own and
    /// whose deliverables' titles are indented past them, mark and code
    /// last, with the next section's heading taken in: `rows` are the
    /// deliverables (title, mark, code) set at `y`, `measures` the measures'
    /// lines.
    fn indented_page(
        measures: &[(&str, f32)],
        rows: &[(&str, &str, &str, f32)],
        heading: (&str, f32),
        title_x: f32,
    ) -> Vec<String> {
        let mut pieces: Vec<(&str, f32, f32)> = vec![(heading.0, 50.0, heading.1)];
        pieces.extend(measures.iter().map(|&(text, y)| (text, 50.0, y)));
        for &(title, mark, code, y) in rows {
            pieces.extend([(title, title_x, y), (mark, 455.0, y), (code, 485.0, y)]);
        }
        let laid = lay_out(&[&page(&pieces)]);
        laid[0].text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn titles_indented_past_measures_on_rows_of_their_own_are_a_column() {
        // Code last: the titles' place is the start of no cell after a gap
        // (nothing stands left of a title on its line), and the next
        // section's heading runs across it.
        let lines = indented_page(
            &[
                ("L1M1 Shared data", 100.0),
                ("on consumption.", 112.0),
                ("L1M2 Grey water", 166.0),
                ("reuse in homes.", 178.0),
                ("L2M1 Drought plans", 262.0),
            ],
            &[
                ("Water use observatory", "o", "L1M1D1", 130.0),
                ("Annual leakage report", "v", "L1M1D2", 148.0),
                ("Reuse guide for schools", "o", "L1M2D1", 196.0),
                ("Pilot in three districts", "x", "L1M2D2", 214.0),
                ("Common emergency model", "v", "L2M1D1", 280.0),
                ("Technical assistance", "x", "L2M1D2", 298.0),
            ],
            ("LINE 2 Cities ready for the droughts ahead", 238.0),
            220.0,
        );
        for (title, mark, code) in [
            ("Water use observatory", "o", "L1M1D1"),
            ("Annual leakage report", "v", "L1M1D2"),
            ("Pilot in three districts", "x", "L1M2D2"),
            ("Technical assistance", "x", "L2M1D2"),
        ] {
            let row = format!("\t{title}\t{mark}\t{code}");
            assert!(
                lines.iter().any(|line| line.ends_with(&row)),
                "{row:?} not in {lines:#?}"
            );
        }
        // The heading stays one cell, however its words fall.
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with("LINE 2 Cities ready for the droughts ahead")),
            "{lines:#?}"
        );
    }

    #[test]
    fn titles_indented_on_two_rows_only_are_no_column() {
        // Two rows could be a wrapped cell's indented lines by chance.
        let lines = indented_page(
            &[("L1M1 Shared data", 100.0), ("on consumption.", 112.0)],
            &[
                ("Water use observatory", "o", "L1M1D1", 130.0),
                ("Annual leakage report", "v", "L1M1D2", 148.0),
            ],
            ("LINE 1 Cities ready for the droughts ahead", 76.0),
            220.0,
        );
        assert!(
            !lines
                .iter()
                .any(|line| line.ends_with("\tWater use observatory\to\tL1M1D1")),
            "{lines:#?}"
        );
    }

    #[test]
    fn codes_indented_past_measures_stay_a_column_under_a_heading_across_them() {
        // Code first, set close to the measures' column: the next section's
        // heading, taken into the table, runs across the codes' place.
        let mut pieces: Vec<(&str, f32, f32)> = vec![
            ("L1M1 Shared data", 50.0, 100.0),
            ("on consumption.", 50.0, 112.0),
            ("LINE 2 A network ready for droughts", 50.0, 190.0),
            ("L2M1 Drought plans", 50.0, 214.0),
        ];
        for (code, title, mark, y) in [
            ("L1M1D1", "Water use observatory", "o", 130.0),
            ("L1M1D2", "Annual leakage report", "v", 148.0),
            ("L1M1D3", "Reuse guide for schools", "x", 166.0),
            ("L2M1D1", "Common emergency model", "v", 232.0),
            ("L2M1D2", "Technical assistance", "x", 250.0),
        ] {
            pieces.extend([(code, 200.0, y), (title, 270.0, y), (mark, 520.0, y)]);
        }
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for row in [
            "\tL1M1D2\tAnnual leakage report\tv",
            "\tL2M1D2\tTechnical assistance\tx",
        ] {
            assert!(
                lines.iter().any(|line| line.ends_with(row)),
                "{row:?} not in {lines:#?}"
            );
        }
    }

    /// Two tables with the same columns, one above the other: the first's
    /// last row, a legend and the next section's heading set apart like
    /// paragraphs, then the same header again. The legend and the heading
    /// are prose between two tables, not a cell of the first.
    #[test]
    fn a_header_repeated_after_a_heading_opens_another_table() {
        let mut pieces: Vec<(String, f32, f32)> = Vec::new();
        let mut y = 100.0;
        for (section, heading) in [(1, ""), (2, "LINEA 2 Reforzar capacidades")] {
            if !heading.is_empty() {
                pieces.push(("Leyenda: V logrado o en curso".to_owned(), 50.0, y));
                pieces.push((heading.to_owned(), 50.0, y + 12.0));
                y += 36.0;
            }
            pieces.push(("Medidas".to_owned(), 50.0, y));
            pieces.push(("Resultados".to_owned(), 250.0, y));
            for row in 1..=2 {
                y += 18.0;
                pieces.extend([
                    (format!("L{section}M{row} Que se hayan"), 50.0, y),
                    (format!("L{section}M{row}D1 Calendario de"), 250.0, y),
                    ("seguido de cerca.".to_owned(), 50.0, y + 12.0),
                    ("acontecimientos".to_owned(), 250.0, y + 12.0),
                    ("v".to_owned(), 520.0, y + 12.0),
                ]);
                y += 12.0;
            }
            y += 24.0;
        }
        let pieces: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        let laid = lay_out(&[&page(&pieces)]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        for line in [
            "L1M2 Que se hayan seguido de cerca.\tL1M2D1 Calendario de acontecimientos\tv",
            "Leyenda: V logrado o en curso",
            "LINEA 2 Reforzar capacidades",
        ] {
            assert!(lines.contains(&line), "{line:?} not in {lines:#?}");
        }
        let tables = laid[0]
            .blocks
            .iter()
            .filter(|block| block.table().is_some())
            .count();
        assert_eq!(tables, 2, "{lines:#?}");
    }

    /// A measure's wrapped line that runs to a word space short of the
    /// next column, where a deliverable's code opens its cell on the same
    /// baseline: the code still starts the next cell.
    #[test]
    fn a_code_a_word_space_after_a_wrapped_cell_opens_the_next_cell() {
        let wrapped = "and the responsibilities of every body.";
        // Ends at 245: 0.5 sizes before the column at 250.
        assert_eq!(50.0 + 5.0 * wrapped.chars().count() as f32, 245.0);
        let laid = lay_out(&[&page(&[
            ("Measures", 50.0, 100.0),
            ("Results", 250.0, 100.0),
            ("L3M0 That the board", 50.0, 118.0),
            ("L3M0D1 Annual report", 250.0, 118.0),
            ("V", 520.0, 118.0),
            ("L3M1 Of all", 50.0, 136.0),
            (wrapped, 50.0, 148.0),
            ("L3M1D1 Terms of reference", 250.0, 148.0),
            ("X", 520.0, 148.0),
            ("are defined.", 50.0, 160.0),
            ("L3M2 That plans", 50.0, 178.0),
            ("L3M2D1 Plan", 250.0, 178.0),
            ("V", 520.0, 178.0),
        ])]);
        let lines: Vec<&str> = laid[0].text.lines().collect();
        let row = "L3M1 Of all and the responsibilities of every body. are defined.\tL3M1D1 Terms of reference\tX";
        assert!(lines.contains(&row), "{lines:#?}");
    }

    /// Rows of a table continued at the top of a page: a code at 50, a mark
    /// at 120 and a title centred on 300, each title's lines 12 pt apart and
    /// its code and mark set beside its middle, so that a title of two lines
    /// has a line above and a line below its code's. The wrapped lines are
    /// wider than the first ones, so they start left of where the first
    /// lines start the column. Each row is framed by vertical rulings of its
    /// own (a grid drawn cell by cell), so the table is cut at its rulings,
    /// not at gutters found across its rows.
    #[test]
    fn centred_titles_wrapped_below_their_marks_stay_in_their_rows() {
        let rows = [
            ("L3M2D1", "v", vec!["Ateliers", "sur la mobilité durable"]),
            (
                "L3M2D2",
                "x",
                vec!["Guide des", "bonnes pratiques urbaines", "en ligne"],
            ),
            ("L3M2D3", "o", vec!["Rencontre", "des maires du réseau"]),
        ];
        for drawn in [0..3, 1..3] {
            let centred = |text: &str| 300.0 - text.chars().count() as f32 * ADVANCE / 2.0;
            let mut owned: Vec<(String, f32, f32)> = Vec::new();
            let mut want = Vec::new();
            let mut rulings = Vec::new();
            let mut y = 60.0;
            for (code, mark, title) in rows.get(drawn.clone()).unwrap_or_default() {
                for (at, text) in title.iter().enumerate() {
                    owned.push(((*text).to_owned(), centred(text), y + 12.0 * at as f32));
                }
                let beside = y + 12.0 * (title.len() - 1) as f32 / 2.0;
                owned.push(((*code).to_owned(), 50.0, beside));
                owned.push(((*mark).to_owned(), 120.0, beside));
                want.push(format!("{code}\t{mark}\t{}", title.join(" ")));
                let bottom = y + 12.0 * (title.len() - 1) as f32 + 5.0;
                rulings.extend(
                    [40.0, 100.0, 140.0, 420.0]
                        .map(|x| Rule::ruling(x - 0.25, y - 10.0, x + 0.25, bottom)),
                );
                y += 12.0 * title.len() as f32 + 10.0;
            }
            // A legend set apart below the table, starting in the title
            // column but lined up with none of its lines.
            let legend = "v réalisé, x non réalisé";
            owned.push((legend.to_owned(), 190.0, y + 6.0));
            let pieces: Vec<(&str, f32, f32)> = owned
                .iter()
                .map(|(text, x, y)| (text.as_str(), *x, *y))
                .collect();
            let mut drawn = page(&pieces);
            drawn.rules = rulings;
            let laid = lay_out(&[&drawn]);
            let lines: Vec<&str> = laid[0].text.lines().collect();
            for row in &want {
                assert!(lines.contains(&row.as_str()), "{row:?} in {lines:#?}");
            }
            assert_eq!(lines.last(), Some(&legend), "{lines:#?}");
        }
    }
}
