//! Tables rebuilt from their anchor column: a column of codes on two lines
//! or more, the lines around it that keep its gutters, cut into columns at
//! the strips of whitespace that every line of the table leaves empty.
//!
//! [`find_regions`](super::tables::find_regions) grows a table line by line
//! from the places where cells start, so a line that starts a cell nowhere
//! known (a wrapped title set right or centred, a title line beside no
//! code) ends the table, and a mark set as close to its title as a wide
//! word space reads as a word of the title. A gutter is better seen across
//! the whole table: whitespace that no line crosses, wider than the word
//! spaces of its cells, whatever the cells' alignment (Nurminen's text
//! edges and Tabula's column unions work on the same evidence). This pass
//! replaces the tables `find_regions` found around an anchor column when
//! that column's lines, cut at such gutters, make one table that those
//! tables split or cut into fewer columns.

use super::lines::TextLine;
use super::median;
use super::tables::{
    insert_in_order, looks_like_a_table, row_borders, ruled_edges, table_rows, Region,
};
use super::thresholds::{EDGE_TOLERANCE, SAME_SPACE, TABLE_BREAK, WORD_GAP};
use crate::grammar;
use crate::read::Rule;

/// A gutter is at least this many font sizes wide (proportional faces
/// space words a quarter to a third of an em apart).
const MIN_GUTTER: f32 = 0.5;

/// A gutter is wider than the table's word space by this factor, at least:
/// a strip that every line happens to leave empty at one place (word spaces
/// that align, lines that end short of it) is no wider than a word space.
const GUTTER_OVER_SPACE: f32 = 1.25;

/// How far, in points, a word's edge may stand from the edge of a strip it
/// bounds (the strip's edges are words' edges).
const STRIP_SLACK: f32 = 0.01;

/// Gaps between the words of a line up to this many font sizes are taken
/// for word spaces when the table's word space is measured.
const MAX_WORD_SPACE: f32 = 1.0;

/// Fewest lines a gutter narrower than [`MIN_GUTTER`] must part, where
/// the column after it starts at one x (or the column before it ends at
/// one x), and where its gap is no word space of the line: fewer could be
/// word spaces that align by chance.
const NARROW_LINES: usize = 3;

/// A line joins the table above or below its anchor lines when it is set at
/// most this factor farther from its neighbour than the farthest lines
/// between the anchors.
const ROW_GAP_SLACK: f32 = 1.1;

/// The tables of a page flow (`lines`, top to bottom), those found by
/// `find_regions` (`regions`, in order) replaced where an anchor column
/// makes a table of its own that they split or read with fewer columns
/// (none of them with more).
pub(super) fn anchor_tables(
    lines: &[TextLine],
    rules: &[Rule],
    mut regions: Vec<Region>,
) -> Vec<Region> {
    for run in anchor_runs(lines) {
        let Some((table, narrow)) = anchor_table(lines, rules, &run) else {
            continue;
        };
        let overlapping: Vec<usize> = regions
            .iter()
            .enumerate()
            .filter(|(_, region)| region.first <= table.last && region.last >= table.first)
            .map(|(index, _)| index)
            .collect();
        let columns = |region: &Region| {
            region
                .rows
                .iter()
                .map(|row| row.cells.len())
                .max()
                .unwrap_or(0)
        };
        let outside = overlapping.iter().any(|&index| {
            regions
                .get(index)
                .is_some_and(|region| region.first < table.first || region.last > table.last)
        });
        // A table found whole, with as many columns, stays as found.
        let found_whole = match overlapping.as_slice() {
            [only] => regions.get(*only).is_some_and(|region| {
                region.first <= table.first
                    && region.last >= table.last
                    && columns(region) >= columns(&table)
            }),
            _ => false,
        };
        // A table found in part with more columns saw a gutter the anchor
        // table misses (a mark column that some title lines run into).
        let more_columns = narrow
            && overlapping.iter().any(|&index| {
                regions
                    .get(index)
                    .is_some_and(|region| columns(region) > columns(&table))
            });
        if outside || found_whole || more_columns {
            continue;
        }
        regions.retain(|region| region.first > table.last || region.last < table.first);
        insert_in_order(&mut regions, table);
    }
    regions
}

/// A mark on a line of its own is at most this many characters long
/// (`V`, `✔`, `N/A`).
const LONE_MARK_CHARS: usize = 3;

/// Lines whose anchors stand in one column (see [`anchor_runs`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct AnchorRun {
    /// The first anchor line.
    first: usize,
    /// The last anchor line.
    last: usize,
    /// Where the column's codes start, leftmost.
    left: f32,
    /// Where they end, rightmost.
    right: f32,
    /// A line that runs on across the column's left edge ([`runs_across`])
    /// parted the run from the next or the one before.
    parted: bool,
    /// A heading row across the table ([`heads_below`]) stands right
    /// above the run or right below it.
    headed: bool,
}

/// Runs of lines whose anchors stand in one column: code words on two
/// lines or more whose boxes overlap horizontally, no two consecutive
/// lines between them farther apart than a table's break, no line between
/// them that runs on across the column's left edge ([`runs_across`]).
fn anchor_runs(lines: &[TextLine]) -> Vec<AnchorRun> {
    // Anchor columns: (x0, x1, line indices), codes whose boxes overlap.
    let mut columns: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        for word in line
            .words
            .iter()
            .filter(|word| grammar::is_code_word(&word.text))
        {
            match columns
                .iter_mut()
                .find(|(x0, x1, _)| word.x0 <= *x1 && word.x1 >= *x0)
            {
                Some((x0, x1, at)) => {
                    *x0 = x0.min(word.x0);
                    *x1 = x1.max(word.x1);
                    if at.last() != Some(&index) {
                        at.push(index);
                    }
                }
                None => columns.push((word.x0, word.x1, vec![index])),
            }
        }
    }
    let mut runs = Vec::new();
    for (left, right, at) in columns {
        // Marks on lines of their own beside the column's rows share no
        // line with the titles, so only the rows between headings show
        // their gutter.
        let lone_marks = match (at.first(), at.last()) {
            (Some(&first), Some(&last)) => lines
                .get(first..=last)
                .unwrap_or_default()
                .iter()
                .filter(|line| match line.words.as_slice() {
                    [word] => word.x0 > right && word.text.chars().count() <= LONE_MARK_CHARS,
                    _ => false,
                })
                .count(),
            _ => 0,
        };
        let mut run: Option<AnchorRun> = None;
        let mut count = 0;
        let mut after_heading = false;
        for &index in &at {
            if lone_marks >= 2 && heads_below(lines, &at, index, left, right) {
                // A heading row across the table ends the run above it;
                // the codes below it start a run of their own.
                if count >= 2 {
                    runs.extend(run.take().map(|run| AnchorRun {
                        headed: true,
                        ..run
                    }));
                }
                run = None;
                count = 0;
                after_heading = true;
                continue;
            }
            let (near, crossed) = run.map_or((false, false), |run| {
                lines
                    .get(run.last..=index)
                    .map_or((false, false), |between| {
                        (
                            between
                                .windows(2)
                                .all(|pair| pair[1].y - pair[0].y <= TABLE_BREAK * pair[1].size),
                            between.iter().any(|line| runs_across(line, left)),
                        )
                    })
            });
            match run.as_mut() {
                Some(run) if near && !crossed => {
                    run.last = index;
                    count += 1;
                }
                _ => {
                    let parted = near && crossed;
                    if count >= 2 {
                        runs.extend(run.map(|run| AnchorRun {
                            parted: run.parted || parted,
                            ..run
                        }));
                    }
                    run = Some(AnchorRun {
                        first: index,
                        last: index,
                        left,
                        right,
                        parted,
                        headed: std::mem::take(&mut after_heading),
                    });
                    count = 1;
                }
            }
        }
        if count >= 2 {
            runs.extend(run);
        }
    }
    runs
}

/// True when line `index` of `lines` is a heading set across the table:
/// its code in the column `left..right` is followed, a word space later,
/// by its text, which starts left of where the column's codes end, and a
/// later line of the column (`at`) holds a code below it in the plan
/// (`A2M1` above `A2M1D1`). Such a row (a measure and its text above its
/// deliverables) crosses the gutter between codes and titles, so the
/// table's gutters are found on the rows between headings.
fn heads_below(lines: &[TextLine], at: &[usize], index: usize, left: f32, right: f32) -> bool {
    let Some(line) = lines.get(index) else {
        return false;
    };
    let below = |code: &str| {
        at.iter()
            .filter(|&&other| other > index)
            .filter_map(|&other| lines.get(other))
            .flat_map(|other| &other.words)
            .any(|word| {
                word.text
                    .strip_prefix(code)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|next| !next.is_ascii_digit())
                    && grammar::is_code_word(&word.text)
            })
    };
    line.words.windows(2).any(|pair| {
        grammar::is_code_word(&pair[0].text)
            && pair[0].x0 <= right
            && pair[0].x1 >= left
            && pair[1].x0 < right
            && below(&pair[0].text)
    })
}

/// True when `line` runs on across `x`, as a heading or a paragraph set
/// across a table does, and no row of a table with a column starting at
/// `x`: a word of it stands across `x`, or a gap of it narrower than
/// [`MIN_GUTTER`] spans `x` and is one of its word spaces (as wide, within
/// [`SAME_SPACE`] em, as each gap beside it). The word space of a heading
/// that happens to fall where the column starts would otherwise leave a
/// narrow strip there that reads as the column's gutter.
fn runs_across(line: &TextLine, x: f32) -> bool {
    let slack = SAME_SPACE * line.size;
    if line
        .words
        .iter()
        .any(|word| word.x0 < x - slack && word.x1 > x + slack)
    {
        return true;
    }
    let gap_after = |index: usize| {
        let pair = line.words.get(index..=index + 1)?;
        Some(pair[1].x0 - pair[0].x1)
    };
    let Some(at) = line
        .words
        .windows(2)
        .position(|pair| pair[0].x1 <= x + slack && pair[1].x0 >= x - slack)
    else {
        return false;
    };
    // The column's own code starting there opens a row.
    let Some(gap) = gap_after(at).filter(|_| {
        line.words
            .get(at + 1)
            .is_some_and(|word| !grammar::is_code_word(&word.text))
    }) else {
        return false;
    };
    let beside: Vec<f32> = [at.checked_sub(1).and_then(gap_after), gap_after(at + 1)]
        .into_iter()
        .flatten()
        .collect();
    gap < MIN_GUTTER * line.size
        && !beside.is_empty()
        && beside
            .iter()
            .all(|other| (other - gap).abs() <= SAME_SPACE * line.size)
}

/// The table around the anchor lines of `run`: those lines, and the lines
/// above and below them set no farther apart than the anchor lines' rows
/// that keep every gutter, cut at the gutters, and whether a gutter is
/// narrow (see [`clean_gutters`]). `None` when the lines have no clean
/// gutters, when a line across the anchor column parted them from more
/// anchor lines and no gutter is narrow (such runs are for narrow
/// gutters, which a heading across the table hides), when the run's codes
/// head rows of their children ([`heads_rows`]), when vertical rulings
/// stand between the words (those tables are cut at their rulings), or
/// when no row has two cells. No line of the table runs on across a
/// narrow gutter ([`runs_across`] where the column after it starts): its
/// word space is what left the strip narrow there, and the anchor lines
/// around such a line are parted into two runs at it.
fn anchor_table(lines: &[TextLine], rules: &[Rule], run: &AnchorRun) -> Option<(Region, bool)> {
    let (first, last) = (run.first, run.last);
    let core = lines.get(first..=last)?;
    if !ruled_edges(core, rules).is_empty() || heads_rows(core, run) {
        return None;
    }
    let widest = core
        .windows(2)
        .map(|pair| pair[1].y - pair[0].y)
        .fold(0.0_f32, f32::max);
    let (mut strips, mut narrow) = clean_gutters(core)?;
    let across_narrow = |line: &TextLine, strips: &[(f32, f32)]| {
        strips
            .iter()
            .any(|&(left, right)| right - left < MIN_GUTTER * line.size && runs_across(line, right))
    };
    if (run.parted && !narrow) || core.iter().any(|line| across_narrow(line, &strips)) {
        return None;
    }
    let (mut top, mut bottom) = (first, last);
    while let (Some(above), Some(line)) = (
        top.checked_sub(1).and_then(|i| lines.get(i)),
        lines.get(top),
    ) {
        if line.y - above.y > ROW_GAP_SLACK * widest || heading_text(above, run) {
            break;
        }
        match lines.get(top - 1..=bottom).and_then(clean_gutters) {
            Some((wider, wider_narrow))
                if wider.len() == strips.len() && !across_narrow(above, &wider) =>
            {
                (strips, narrow) = (wider, wider_narrow);
                top -= 1;
            }
            _ => break,
        }
    }
    while let (Some(line), Some(below)) = (lines.get(bottom), lines.get(bottom + 1)) {
        if below.y - line.y > ROW_GAP_SLACK * widest || heading_text(below, run) {
            break;
        }
        match lines.get(top..=bottom + 1).and_then(clean_gutters) {
            Some((wider, wider_narrow))
                if wider.len() == strips.len() && !across_narrow(below, &wider) =>
            {
                (strips, narrow) = (wider, wider_narrow);
                bottom += 1;
            }
            _ => break,
        }
    }
    let run = lines.get(top..=bottom)?;
    let size = median(run.iter().map(|line| line.size));
    // `fragments` gives a word to the column whose edge it starts past,
    // less the edge tolerance: the edge stands that far right of the
    // gutter's middle.
    let edges: Vec<f32> = strips
        .iter()
        .map(|(left, right)| (left + right) / 2.0 + EDGE_TOLERANCE * size)
        .collect();
    let rows = table_rows(run, &edges, &[], &row_borders(run, rules));
    looks_like_a_table(&rows).then_some((
        Region {
            first: top,
            last: bottom,
            rows,
        },
        narrow,
    ))
}

/// True when the run borders a heading row ([`AnchorRun::headed`]) and
/// `line` has a word other than a code in the run's column of codes: a
/// heading's text, or its wrapped lines, which the table stops at (a
/// title's wrapped lines and marks stand right of the codes).
fn heading_text(line: &TextLine, run: &AnchorRun) -> bool {
    run.headed
        && line.words.iter().any(|word| {
            word.x0 <= run.right && word.x1 >= run.left && !grammar::is_code_word(&word.text)
        })
}

/// True when codes left of the run's column, on its lines, are children of
/// the run's codes (`L2M1D1` set left of `L2M1`): the run's codes head the
/// rows of their children (a measure set on a line of its own above its
/// deliverables, indented past their codes), no column of a table beside
/// them. A parent's column stands left of its children's.
fn heads_rows(core: &[TextLine], run: &AnchorRun) -> bool {
    // `code_at_start` leaves the built-in `L1M2D3` codes to their reader.
    let path = |text: &str| {
        grammar::builtin::parse(text)
            .or_else(|| grammar::code_at_start(text, None).map(|code| code.path))
    };
    let (mut heads, mut left) = (Vec::new(), Vec::new());
    for word in core
        .iter()
        .flat_map(|line| &line.words)
        .filter(|word| grammar::is_code_word(&word.text))
    {
        if word.x1 < run.left {
            left.extend(path(&word.text));
        } else if word.x0 <= run.right {
            heads.extend(path(&word.text));
        }
    }
    left.iter().any(|child| {
        heads
            .iter()
            .any(|head| child.len() > head.len() && child.starts_with(head))
    })
}

/// The gutters of `run` (left and right of each strip, left to right), when
/// there is one at least and every code word stands alone between two of
/// them (or a gutter and the table's edge); and whether one of them is
/// narrower than [`MIN_GUTTER`].
///
/// With a narrow gutter, a code may open a cell that its title continues:
/// the word before it on its line, if any, stands in another column (a
/// code after a word of its own cell is a reference in a title, or the
/// gutters missed the code's column). The title's justified spaces must
/// then be no gutters ([`stretched_across`]).
fn clean_gutters(run: &[TextLine]) -> Option<(Vec<(f32, f32)>, bool)> {
    let strips = gutters(run);
    if strips.is_empty() {
        return None;
    }
    let size = median(run.iter().map(|line| line.size));
    let is_narrow = |&(left, right): &(f32, f32)| right - left < MIN_GUTTER * size;
    let narrow = strips.iter().any(is_narrow);
    let column =
        |strips: &[(f32, f32)], x: f32| strips.iter().filter(|(left, _)| *left < x).count();
    let alone = run.iter().all(|line| {
        line.words.iter().enumerate().all(|(index, word)| {
            if !grammar::is_code_word(&word.text) {
                return true;
            }
            let own = column(&strips, word.x0);
            let neighbour = |other: usize| {
                other != index
                    && line
                        .words
                        .get(other)
                        .is_some_and(|other| column(&strips, other.x0) == own)
            };
            !neighbour(index.wrapping_sub(1)) && !neighbour(index + 1)
        })
    });
    if alone {
        return Some((strips, narrow));
    }
    if !narrow {
        return None;
    }
    let strips: Vec<(f32, f32)> = strips
        .into_iter()
        .filter(|&(left, right)| !stretched_across(run, left, right))
        .collect();
    let opening = run.iter().all(|line| {
        line.words.windows(2).all(|pair| {
            !grammar::is_code_word(&pair[1].text)
                || column(&strips, pair[0].x0) != column(&strips, pair[1].x0)
        })
    });
    (opening && strips.iter().any(is_narrow)).then_some((strips, true))
}

/// Strips of whitespace that no word of `run` crosses, between its
/// leftmost and rightmost words, wider than [`MIN_GUTTER`] and either
/// wider than [`GUTTER_OVER_SPACE`] times the run's word space (the lower
/// median gap between the words of a line, gaps up to [`MAX_WORD_SPACE`])
/// or no word space of the run ([`word_space`]) on the lines that have
/// words on both sides of it ([`spaced_across`]).
///
/// The second rule is for faces whose word space is as wide as a gutter:
/// a monospaced face spaces words by a whole advance (0.6 em, more with
/// word spacing), so a table's gutter may be narrower than 1.25 word
/// spaces, or than one. A face draws every word space alike, so a strip
/// that is a word space on no line is the whitespace between cells, while
/// word spaces that happen to align on every line are word spaces on each
/// of them.
fn gutters(run: &[TextLine]) -> Vec<(f32, f32)> {
    let size = median(run.iter().map(|line| line.size));
    let spaces = run.iter().flat_map(|line| {
        line.words
            .windows(2)
            .map(|pair| pair[1].x0 - pair[0].x1)
            .filter(move |&gap| gap > 0.0 && gap <= MAX_WORD_SPACE * line.size)
    });
    // The lower median: in a table of short cells, as many gaps may be
    // gutters as word spaces.
    let mut spaces: Vec<f32> = spaces.collect();
    spaces.sort_by(f32::total_cmp);
    let space = spaces
        .get(spaces.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0.0);
    let least = (MIN_GUTTER * size).max(GUTTER_OVER_SPACE * space);
    let narrowest = MIN_GUTTER * size;
    let (strips, narrow): (Vec<_>, Vec<_>) = empty_strips(run, WORD_GAP * size)
        .into_iter()
        .partition(|&(left, right)| right - left >= narrowest);
    let usual = word_space(run, &strips);
    let mut gutters: Vec<(f32, f32)> = strips
        .into_iter()
        .filter(|&(left, right)| {
            right - left >= least
                || usual.is_some_and(|usual| !spaced_across(run, left, right, usual))
        })
        .collect();
    gutters.extend(
        narrow
            .into_iter()
            .filter(|&(left, right)| is_narrow_gutter(run, left, right)),
    );
    gutters.sort_by(|a, b| a.0.total_cmp(&b.0));
    gutters
}

/// True when the strip `left..right`, narrower than [`MIN_GUTTER`] (a
/// column gutter about a word space wide, or less), parts two columns of
/// `run`. On the lines with words on both sides of it, its gap is a word
/// space when it is as wide (within [`SAME_SPACE`] em) as the gaps next to
/// it on the line, before and after. It must be no word space on
/// [`NARROW_LINES`] lines at least and on two thirds of the lines it
/// parts; on as many lines, the words after it start at one x (or those
/// before it end at one x), and the words before it start at different
/// places.
///
/// Justification widens every word space of a line alike, so a strip that
/// happens to stay empty down a justified paragraph is as wide as the
/// spaces beside it on each line it crosses; a gutter keeps its own width
/// between the spaces of two columns, however wide those are (as wide as
/// the spaces of a ragged column on one side, it differs from a justified
/// column's on the other). A word repeated at one place on every row (a
/// title's first word) leaves aligned spaces after it; the column before a
/// gutter holds different words.
fn is_narrow_gutter(run: &[TextLine], left: f32, right: f32) -> bool {
    let size = median(run.iter().map(|line| line.size));
    let tolerance = SAME_SPACE * size;
    let crossings = crossings(run, left, right);
    let spaced = crossings.iter().filter(|crossing| crossing.spaced).count();
    let parted: Vec<&Crossing> = crossings
        .iter()
        .filter(|crossing| !crossing.spaced)
        .collect();
    let starts = parted
        .iter()
        .filter(|crossing| crossing.start - right <= tolerance)
        .count();
    let ends = parted
        .iter()
        .filter(|crossing| left - crossing.end <= tolerance)
        .count();
    let mut before: Vec<f32> = Vec::new();
    for crossing in &parted {
        if !before
            .iter()
            .any(|&x0| (x0 - crossing.before).abs() <= tolerance)
        {
            before.push(crossing.before);
        }
    }
    parted.len() >= NARROW_LINES
        && 3 * spaced <= crossings.len()
        && starts.max(ends) >= NARROW_LINES
        && before.len() >= NARROW_LINES
}

/// True when the strip `left..right` is as wide as a word space beside it
/// on more than a third of the lines that have words on both sides of it
/// (see [`crossings`]): justified lines whose widened spaces happen to
/// leave one strip empty down a few lines, however wide. One neighbour is
/// enough: the last stretched space before a gutter has the gutter for
/// its other neighbour. (A narrow gutter, as wide as the plain spaces of
/// the column after it, is judged by [`is_narrow_gutter`] instead.)
fn stretched_across(run: &[TextLine], left: f32, right: f32) -> bool {
    let crossings = crossings(run, left, right);
    let stretched = crossings
        .iter()
        .filter(|crossing| crossing.beside_space)
        .count();
    3 * stretched > crossings.len()
}

/// Where a line has words on both sides of a strip.
struct Crossing {
    /// Where the word before the strip starts.
    before: f32,
    /// Where the word before the strip ends.
    end: f32,
    /// Where the word after the strip starts.
    start: f32,
    /// The gap is a word space of the line: as wide (within [`SAME_SPACE`]
    /// em) as the gaps next to it, before and after (those that exist).
    spaced: bool,
    /// The gap is as wide as one of the gaps next to it.
    beside_space: bool,
}

/// The lines of `run` with words on both sides of the strip `left..right`
/// and a gap next to it (a line of two words tells no word space from a
/// gutter).
fn crossings(run: &[TextLine], left: f32, right: f32) -> Vec<Crossing> {
    run.iter()
        .filter_map(|line| {
            let at = line.words.windows(2).position(|pair| {
                pair[0].x1 <= left + STRIP_SLACK && pair[1].x0 >= right - STRIP_SLACK
            })?;
            let gap_after = |index: usize| {
                let pair = line.words.get(index..=index + 1)?;
                Some(pair[1].x0 - pair[0].x1)
            };
            let gap = gap_after(at)?;
            let (first, second) = (line.words.get(at)?, line.words.get(at + 1)?);
            let neighbours: Vec<f32> = [at.checked_sub(1).and_then(gap_after), gap_after(at + 1)]
                .into_iter()
                .flatten()
                .collect();
            if neighbours.is_empty() {
                return None;
            }
            let alike = |other: &f32| (other - gap).abs() <= SAME_SPACE * line.size;
            Some(Crossing {
                before: first.x0,
                end: first.x1,
                start: second.x0,
                spaced: neighbours.iter().all(alike),
                beside_space: neighbours.iter().any(alike),
            })
        })
        .collect()
}

/// Strips of whitespace at least `least` wide that no word of `run`
/// crosses, between its leftmost and rightmost words, left to right.
fn empty_strips(run: &[TextLine], least: f32) -> Vec<(f32, f32)> {
    let mut boxes: Vec<(f32, f32)> = run
        .iter()
        .flat_map(|line| line.words.iter().map(|word| (word.x0, word.x1)))
        .collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut strips = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (x0, x1) in boxes {
        if reach.is_finite() && x0 - reach >= least {
            strips.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    strips
}

/// The run's word space: the width most gaps between words share (within
/// [`SAME_SPACE`] em), among the gaps up to [`MAX_WORD_SPACE`] that hold
/// none of `strips` (a gap some other line's word crosses is within a
/// cell). `None` when no such gap is left.
fn word_space(run: &[TextLine], strips: &[(f32, f32)]) -> Option<f32> {
    let size = median(run.iter().map(|line| line.size));
    let mut gaps: Vec<f32> = run
        .iter()
        .flat_map(|line| {
            line.words.windows(2).filter_map(move |pair| {
                let (left, right) = (pair[0].x1, pair[1].x0);
                let gap = right - left;
                let in_cell = gap > 0.0
                    && gap <= MAX_WORD_SPACE * line.size
                    && !strips
                        .iter()
                        .any(|&(x0, x1)| x0 >= left - STRIP_SLACK && x1 <= right + STRIP_SLACK);
                in_cell.then_some(gap)
            })
        })
        .collect();
    gaps.sort_by(f32::total_cmp);
    let tolerance = SAME_SPACE * size;
    let mut best: Option<(usize, f32)> = None;
    for (index, &gap) in gaps.iter().enumerate() {
        let alike = gaps.get(index..).map_or(0, |rest| {
            rest.iter().take_while(|&&g| g - gap <= tolerance).count()
        });
        if best.is_none_or(|(count, _)| alike > count) {
            best = Some((alike, gap));
        }
    }
    best.map(|(_, gap)| gap)
}

/// True when the strip `left..right` is a word space (`space`, within
/// [`SAME_SPACE`] em) on a line of `run`: word spaces that align. A line
/// whose gutter happens to be as wide as a word space does not count when
/// the strip follows a column edge (on three lines or more, every word
/// before the strip ends at one place, or every word after it starts at
/// one place, as codes of one width or a column set right do) and more
/// lines have some other gap there.
fn spaced_across(run: &[TextLine], left: f32, right: f32, space: f32) -> bool {
    // (end of the word before, start of the word after, a word space?)
    let across: Vec<(f32, f32, bool)> = run
        .iter()
        .filter_map(|line| {
            let pair = line.words.windows(2).find(|pair| {
                pair[0].x1 <= left + STRIP_SLACK && pair[1].x0 >= right - STRIP_SLACK
            })?;
            let gap = pair[1].x0 - pair[0].x1;
            Some((
                pair[0].x1,
                pair[1].x0,
                (gap - space).abs() <= SAME_SPACE * line.size,
            ))
        })
        .collect();
    let spaced = across.iter().filter(|&&(_, _, spaced)| spaced).count();
    if spaced == 0 {
        return false;
    }
    let size = median(run.iter().map(|line| line.size));
    let aligned = |xs: &[f32]| {
        let least = xs.iter().copied().fold(f32::INFINITY, f32::min);
        let most = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        xs.len() >= 3 && most - least <= SAME_SPACE * size
    };
    let ends: Vec<f32> = across.iter().map(|&(end, _, _)| end).collect();
    let starts: Vec<f32> = across.iter().map(|&(_, start, _)| start).collect();
    let edge = aligned(&ends) || aligned(&starts);
    !(edge && across.len() > 2 * spaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::words::Word;

    fn word(text: &str, x0: f32, x1: f32) -> Word {
        Word::unweighed(text.to_owned(), x0, x1, 10.0)
    }

    fn line(y: f32, words: &[(&str, f32, f32)]) -> TextLine {
        TextLine {
            y,
            size: 10.0,
            words: words.iter().map(|&(t, x0, x1)| word(t, x0, x1)).collect(),
        }
    }

    #[test]
    fn a_heading_row_across_the_table_parts_the_run_of_codes() {
        // `A2M1 That …` set across the code and title columns above its
        // deliverables, their marks on lines of their own: the run of codes
        // starts below the heading, whose words cross the codes' gutter.
        let lines = [
            line(
                0.0,
                &[
                    ("Code", 0.0, 24.0),
                    ("Deliverable", 84.0, 150.0),
                    ("Status", 432.0, 468.0),
                ],
            ),
            line(
                12.0,
                &[
                    ("A2M1", 0.0, 24.0),
                    ("That", 30.0, 54.0),
                    ("the", 60.0, 78.0),
                    ("members", 84.0, 126.0),
                    ("share.", 132.0, 168.0),
                ],
            ),
            line(24.0, &[("✓", 432.0, 438.0)]),
            line(
                36.0,
                &[
                    ("A2M1D1", 0.0, 36.0),
                    ("Shared", 84.0, 120.0),
                    ("data", 126.0, 150.0),
                ],
            ),
            line(48.0, &[("○", 432.0, 438.0)]),
            line(60.0, &[("A2M1D2", 0.0, 36.0), ("Training", 84.0, 132.0)]),
        ];
        let runs = anchor_runs(&lines);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            (runs[0].first, runs[0].last, runs[0].parted, runs[0].headed),
            (3, 5, false, true)
        );
        // A deliverable's line heads no code below it.
        assert!(!heads_below(&lines, &[1, 3, 5], 3, 0.0, 36.0));
        assert!(heads_below(&lines, &[1, 3, 5], 1, 0.0, 36.0));
    }

    #[test]
    fn a_right_aligned_wrapped_title_keeps_its_gutters() {
        // Code | mark | title set right, a title wrapping on the second row.
        let lines = [
            line(
                0.0,
                &[
                    ("L1M1D1", 0.0, 40.0),
                    ("V", 60.0, 66.0),
                    ("One", 150.0, 170.0),
                    ("two", 173.0, 190.0),
                ],
            ),
            line(
                20.0,
                &[
                    ("Three", 95.0, 125.0),
                    ("four", 128.0, 150.0),
                    ("five", 153.0, 172.0),
                    ("six", 175.0, 190.0),
                ],
            ),
            line(
                32.5,
                &[
                    ("L1M1D2", 0.0, 40.0),
                    ("X", 60.0, 66.0),
                    ("seven", 160.0, 190.0),
                ],
            ),
        ];
        let strips = gutters(&lines);
        assert_eq!(strips, vec![(40.0, 60.0), (66.0, 95.0)]);
        assert!(clean_gutters(&lines).is_some_and(|(_, narrow)| !narrow));
    }

    #[test]
    fn aligned_word_spaces_are_no_gutter() {
        let lines = [
            line(
                0.0,
                &[
                    ("L1M1D1", 0.0, 40.0),
                    ("Annual", 50.0, 80.0),
                    ("report", 83.0, 110.0),
                ],
            ),
            line(
                12.0,
                &[
                    ("L1M1D2", 0.0, 40.0),
                    ("Urban", 50.0, 80.0),
                    ("policy", 83.0, 112.0),
                ],
            ),
        ];
        assert_eq!(gutters(&lines), vec![(40.0, 50.0)]);
    }

    /// Words of a monospaced face (advance 6 at size 10) set from `x`, one
    /// space of `space` points between them.
    fn mono(x: f32, text: &str, space: f32) -> Vec<(String, f32, f32)> {
        let mut at = x;
        text.split(' ')
            .map(|w| {
                let end = at + 6.0 * w.len() as f32;
                let word = (w.to_owned(), at, end);
                at = end + space;
                word
            })
            .collect()
    }

    fn mono_line(y: f32, cells: &[(f32, &str)], space: f32) -> TextLine {
        let words: Vec<(String, f32, f32)> = cells
            .iter()
            .flat_map(|&(x, text)| mono(x, text, space))
            .collect();
        let words: Vec<(&str, f32, f32)> =
            words.iter().map(|(t, a, b)| (t.as_str(), *a, *b)).collect();
        line(y, &words)
    }

    #[test]
    fn a_monospaced_gutter_narrower_than_its_word_space_is_a_gutter() {
        // Word spaces of 8.5 points (0.6 em advance and word spacing),
        // gutters of 8 points: code | mark set right | title set left.
        for space in [6.0, 8.5] {
            let lines = [
                mono_line(
                    0.0,
                    &[
                        (0.0, "L1M1D1"),
                        (60.0, "V"),
                        (74.0, "Annual report on urban"),
                    ],
                    space,
                ),
                mono_line(12.5, &[(74.0, "governance")], space),
                mono_line(
                    25.0,
                    &[(0.0, "L1M1D2"), (60.0, "X"), (74.0, "Key issues plan")],
                    space,
                ),
            ];
            let strips = gutters(&lines);
            assert_eq!(strips, vec![(36.0, 60.0), (66.0, 74.0)], "space {space}");
        }
    }

    #[test]
    fn a_gutter_as_wide_as_a_word_space_on_one_line_stays_a_gutter() {
        // Titles set right, ending at 125: the second row's title starts a
        // word space (8.5) after its code, the others further right.
        let lines = [
            mono_line(
                0.0,
                &[(0.0, "L1M1D1"), (68.5, "Key urban"), (133.0, "V")],
                8.5,
            ),
            mono_line(
                12.5,
                &[(0.0, "L1M1D2"), (44.5, "Training plan"), (133.0, "X")],
                8.5,
            ),
            mono_line(
                25.0,
                &[(0.0, "L1M1D3"), (56.5, "Policy plan"), (133.0, "0")],
                8.5,
            ),
        ];
        assert_eq!(gutters(&lines), vec![(36.0, 44.5), (125.0, 133.0)]);
    }

    #[test]
    fn monospaced_word_spaces_aligned_on_every_line_are_no_gutter() {
        // `Annual` and `Policy` are as long: the spaces after them align.
        for space in [6.0, 8.5] {
            let lines = [
                mono_line(
                    0.0,
                    &[(0.0, "L1M1D1"), (44.0, "Annual report of the network")],
                    space,
                ),
                mono_line(
                    12.5,
                    &[(0.0, "L1M1D2"), (44.0, "Policy papers and the plan")],
                    space,
                ),
            ];
            assert_eq!(gutters(&lines), vec![(36.0, 44.0)], "space {space}");
        }
    }

    #[test]
    fn a_code_after_a_word_of_its_column_is_no_anchor_column() {
        // `Annual L1M1D1`: the gutters missed the code's own column.
        let lines = [
            line(
                0.0,
                &[
                    ("Annual", 0.0, 37.0),
                    ("L1M1D1", 40.0, 80.0),
                    ("V", 100.0, 106.0),
                ],
            ),
            line(
                12.0,
                &[
                    ("Urban", 0.0, 37.0),
                    ("L1M1D2", 40.0, 80.0),
                    ("X", 100.0, 106.0),
                ],
            ),
        ];
        assert_eq!(clean_gutters(&lines), None);
    }

    #[test]
    fn a_code_beside_a_word_of_its_column_is_no_anchor_column_at_wide_gutters() {
        let lines = [
            line(
                0.0,
                &[
                    ("L1M1D1", 0.0, 40.0),
                    ("Annual", 43.0, 80.0),
                    ("V", 100.0, 106.0),
                ],
            ),
            line(
                12.0,
                &[
                    ("L1M1D2", 0.0, 40.0),
                    ("Urban", 43.0, 80.0),
                    ("X", 100.0, 106.0),
                ],
            ),
        ];
        assert_eq!(clean_gutters(&lines), None);
    }

    #[test]
    fn a_code_may_open_a_cell_its_title_continues_after_a_narrow_gutter() {
        // Measures justified from 0 to 180, then `L1M1D1 Calendar of…`
        // from 181.6 on the rows that start a deliverable.
        let rows: [([f32; 4], Vec<f32>); 4] = [
            ([30.0, 25.0, 40.0, 28.0], vec![40.0, 55.0, 13.0]),
            ([50.0, 40.0, 30.0, 20.0], vec![78.0, 20.0]),
            ([25.0, 45.0, 15.0, 50.0], vec![40.0, 22.0, 60.0]),
            ([60.0, 10.0, 35.0, 45.0], vec![48.0, 30.0]),
        ];
        let mut lines: Vec<TextLine> = rows
            .iter()
            .enumerate()
            .map(|(index, (left, right))| {
                pieces_line(
                    index as f32 * 18.0,
                    &[justified(0.0, 180.0, left), spaced(181.6, right, 3.2)],
                )
            })
            .collect();
        for at in [0, 2] {
            if let Some(word) = lines.get_mut(at).and_then(|line| line.words.get_mut(4)) {
                word.text = format!("L1M1D{}", at + 1);
            }
        }
        let (strips, narrow) = clean_gutters(&lines).expect("clean gutters");
        assert!(narrow);
        assert_eq!(strips.len(), 1, "{strips:?}");
    }

    /// Four rows from `y`, 18 points apart: measures justified from 0 to
    /// 180, a 1.6-point gutter, then deliverables set ragged, `codes`
    /// opening the first and third (`L1M1D1 Calendar of…`), `measure`
    /// opening the first row's measure.
    fn narrow_gutter_rows(y: f32, measure: &str, codes: [&str; 2]) -> Vec<TextLine> {
        let rows: [([f32; 4], Vec<f32>); 4] = [
            ([30.0, 25.0, 40.0, 28.0], vec![40.0, 55.0, 13.0]),
            ([50.0, 40.0, 30.0, 20.0], vec![78.0, 20.0]),
            ([25.0, 45.0, 15.0, 50.0], vec![40.0, 22.0, 60.0]),
            ([60.0, 10.0, 35.0, 45.0], vec![48.0, 30.0]),
        ];
        let mut lines: Vec<TextLine> = rows
            .iter()
            .enumerate()
            .map(|(index, (left, right))| {
                pieces_line(
                    y + index as f32 * 18.0,
                    &[justified(0.0, 180.0, left), spaced(181.6, right, 3.2)],
                )
            })
            .collect();
        for (at, code) in [(0, codes[0]), (2, codes[1])] {
            if let Some(word) = lines.get_mut(at).and_then(|line| line.words.get_mut(4)) {
                code.clone_into(&mut word.text);
            }
        }
        if let Some(word) = lines.first_mut().and_then(|line| line.words.first_mut()) {
            measure.clone_into(&mut word.text);
        }
        lines
    }

    #[test]
    fn a_heading_whose_word_space_falls_at_a_narrow_gutter_parts_the_table() {
        // `LINE OF ACTION 2 Strengthen capacities…` across the table, its
        // space before `w3` over the deliverables' edge at 181.6, between
        // two tables with a narrow gutter there.
        let mut lines = narrow_gutter_rows(0.0, "L1M1", ["L1M1D1", "L1M1D2"]);
        let heading = pieces_line(72.0, &[spaced(0.0, &[60.0, 55.0, 57.0, 70.0], 3.2)]);
        assert!(runs_across(&heading, 181.6));
        assert!(lines.iter().all(|line| !runs_across(line, 181.6)));
        lines.push(heading);
        lines.extend(narrow_gutter_rows(90.0, "L1M2", ["L1M2D1", "L1M2D2"]));
        let runs = anchor_runs(&lines);
        // The deliverables' runs part at the heading; the measures' run,
        // whose edge the heading starts at, takes no table across it.
        let deliverables: Vec<&AnchorRun> = runs.iter().filter(|run| run.left > 100.0).collect();
        assert!(
            deliverables.len() == 2
                && deliverables
                    .iter()
                    .all(|run| run.parted && (run.last < 4 || run.first > 4)),
            "{runs:?}"
        );
        let tables = anchor_tables(&lines, &[], Vec::new());
        let spans: Vec<(usize, usize)> = tables
            .iter()
            .map(|table| (table.first, table.last))
            .collect();
        assert_eq!(spans, vec![(0, 3), (5, 8)]);
    }

    #[test]
    fn measures_on_lines_of_their_own_over_their_deliverables_make_no_table() {
        // `L2M1 That members…` indented past its deliverables' codes, the
        // titles set right, 2.5 points short of their marks.
        let heading = |y: f32, code: &str| {
            pieces_line(
                y,
                &[
                    vec![(code.to_owned(), 80.0, 107.0)],
                    spaced(110.0, &[23.0, 47.0, 32.0, 39.0], 3.0),
                ],
            )
        };
        let row = |y: f32, code: &str, title: f32, mark: &str| {
            pieces_line(
                y,
                &[
                    vec![(code.to_owned(), 0.0, 37.0)],
                    spaced(title, &[31.0, 297.5 - title - 34.0], 3.0),
                    vec![(mark.to_owned(), 300.0, 306.0)],
                ],
            )
        };
        let lines = [
            heading(0.0, "L2M1"),
            row(16.0, "L2M1D1", 190.0, "V"),
            row(32.0, "L2M1D2", 230.0, "X"),
            row(48.0, "L2M1D3", 210.0, "V"),
            heading(64.0, "L2M2"),
            row(80.0, "L2M2D1", 220.0, "V"),
        ];
        let runs = anchor_runs(&lines);
        let measures = runs
            .iter()
            .find(|run| (run.left - 80.0).abs() < 0.01)
            .expect("the measures' run");
        let core = &lines[measures.first..=measures.last];
        assert!(clean_gutters(core).is_some_and(|(_, narrow)| narrow));
        assert!(heads_rows(core, measures));
        assert!(anchor_table(&lines, &[], measures).is_none());
        // Measures left of their deliverables are a column of the table.
        let deliverables = narrow_gutter_rows(0.0, "L1M1", ["L1M1D1", "L1M1D2"]);
        let run = anchor_runs(&deliverables);
        assert!(
            run.len() == 1 && !heads_rows(&deliverables, &run[0]),
            "{run:?}"
        );
    }

    /// Words of `widths` set from `x`, `gap` points apart, as (text, x0, x1).
    fn spaced(x: f32, widths: &[f32], gap: f32) -> Vec<(String, f32, f32)> {
        let mut at = x;
        widths
            .iter()
            .enumerate()
            .map(|(index, &width)| {
                let word = (format!("w{index}"), at, at + width);
                at += width + gap;
                word
            })
            .collect()
    }

    /// A justified piece of a line: `widths` spread from `x0` to `x1`,
    /// every gap alike.
    fn justified(x0: f32, x1: f32, widths: &[f32]) -> Vec<(String, f32, f32)> {
        let gaps = widths.len().saturating_sub(1).max(1) as f32;
        let gap = (x1 - x0 - widths.iter().sum::<f32>()) / gaps;
        spaced(x0, widths, gap)
    }

    fn pieces_line(y: f32, pieces: &[Vec<(String, f32, f32)>]) -> TextLine {
        let words: Vec<(&str, f32, f32)> = pieces
            .iter()
            .flatten()
            .map(|(t, a, b)| (t.as_str(), *a, *b))
            .collect();
        line(y, &words)
    }

    #[test]
    fn a_gutter_narrower_than_a_word_space_beside_justified_text_is_a_gutter() {
        // Measures justified from 0 to 180, a 1.6-point gutter, titles set
        // ragged from 181.6 with word spaces of 3.2: justification widens
        // each measure line's spaces by its own amount.
        let left = [
            [30.0, 25.0, 40.0, 28.0, 20.0],
            [50.0, 40.0, 30.0, 20.0, 12.0],
            [25.0, 45.0, 15.0, 50.0, 22.0],
            [60.0, 10.0, 35.0, 45.0, 8.0],
        ];
        let right = [
            vec![40.0, 55.0, 13.0, 80.0],
            vec![78.0],
            vec![35.0, 22.0, 60.0],
            vec![48.0, 30.0],
        ];
        let lines: Vec<TextLine> = left
            .iter()
            .zip(&right)
            .enumerate()
            .map(|(index, (left, right))| {
                pieces_line(
                    index as f32 * 18.0,
                    &[justified(0.0, 180.0, left), spaced(181.6, right, 3.2)],
                )
            })
            .collect();
        let strips = gutters(&lines);
        assert_eq!(strips.len(), 1, "{strips:?}");
        assert!((strips[0].0 - 180.0).abs() < 0.01 && (strips[0].1 - 181.6).abs() < 0.01);
    }

    #[test]
    fn a_justified_paragraph_left_empty_at_one_place_is_not_cut() {
        // Four justified lines whose wide spaces happen to overlap between
        // 100 and 102.5, three of them with a word starting at 102.5: each
        // is as wide as the other spaces of its line.
        let lines: Vec<TextLine> = [
            (vec![30.0, 35.0, 27.0, 50.0, 38.0], 4.0),
            (vec![40.0, 53.5, 40.0, 47.0], 4.5),
            (vec![20.0, 25.0, 47.0, 45.0, 42.5], 3.5),
            (vec![52.0, 38.5, 60.0, 33.5], 6.0),
        ]
        .iter()
        .enumerate()
        .map(|(index, (widths, gap))| {
            pieces_line(index as f32 * 12.0, &[spaced(0.0, widths, *gap)])
        })
        .collect();
        let empty = empty_strips(&lines, WORD_GAP * 10.0);
        assert!(
            empty.iter().any(|&(l, r)| l <= 100.01 && r >= 102.49),
            "the lines leave a strip empty: {empty:?}"
        );
        assert_eq!(gutters(&lines), Vec::<(f32, f32)>::new());
    }

    #[test]
    fn a_title_word_repeated_on_every_row_leaves_no_gutter() {
        // `Informe final`, `Informe anual`, `Informe técnico`: the space
        // after `Informe` aligns on every row.
        let lines: Vec<TextLine> = [40.0, 33.0, 45.0]
            .iter()
            .enumerate()
            .map(|(index, &second)| {
                pieces_line(
                    index as f32 * 12.0,
                    &[
                        spaced(0.0, &[40.0], 0.0),
                        spaced(50.0, &[38.0, second], 3.0),
                    ],
                )
            })
            .collect();
        assert_eq!(gutters(&lines), vec![(40.0, 50.0)]);
    }

    #[test]
    fn three_columns_parted_by_narrow_gutters_are_three_columns() {
        // Codes, justified measures from 50 to 200, titles from 201.8:
        // gutters of 3 and 1.8 points, the first as wide as the titles'
        // word space.
        let rows = [
            ([30.0, 25.0, 40.0, 28.0], vec![40.0, 55.0, 13.0]),
            ([45.0, 40.0, 30.0, 20.0], vec![78.0, 20.0]),
            ([25.0, 45.0, 15.0, 50.0], vec![35.0, 22.0, 60.0]),
            ([60.0, 10.0, 35.0, 33.0], vec![48.0, 30.0]),
        ];
        let lines: Vec<TextLine> = rows
            .iter()
            .enumerate()
            .map(|(index, (measure, title))| {
                let code = 20.0 + 7.0 * index as f32;
                pieces_line(
                    index as f32 * 18.0,
                    &[
                        spaced(47.0 - code, &[code], 0.0),
                        justified(50.0, 200.0, measure),
                        spaced(201.8, title, 3.0),
                    ],
                )
            })
            .collect();
        let strips = gutters(&lines);
        assert_eq!(strips.len(), 2, "{strips:?}");
        assert!((strips[0].0 - 47.0).abs() < 0.01 && (strips[0].1 - 50.0).abs() < 0.01);
        assert!((strips[1].0 - 200.0).abs() < 0.01 && (strips[1].1 - 201.8).abs() < 0.01);
    }

    #[test]
    fn wide_justified_spaces_of_a_code_title_row_are_stretched() {
        // `L2M1D2 Final evaluation    of    the    pilot    projects   ○`
        // over a short last line: the title's stretched spaces are wider
        // than a gutter's least and no other line crosses them.
        let lines = [
            pieces_line(
                0.0,
                &[
                    spaced(0.0, &[40.0], 0.0),
                    justified(43.0, 300.0, &[25.0, 50.0, 12.0, 18.0, 25.0, 40.0]),
                    spaced(312.0, &[8.0], 0.0),
                ],
            ),
            pieces_line(12.0, &[spaced(43.0, &[80.0], 0.0)]),
        ];
        let kept: Vec<(f32, f32)> = gutters(&lines)
            .into_iter()
            .filter(|&(left, right)| !stretched_across(&lines, left, right))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!((kept[0].0 - 300.0).abs() < 0.01 && (kept[0].1 - 312.0).abs() < 0.01);
    }
}
