//! Rows anchored on what identifies them: a table whose column holds a code
//! (`L1M1D1`, `A2.3`) or a month at the start of several cells has one row per
//! such anchor.
//!
//! A row's band runs from its anchor's line to the next anchor's line, and
//! every other piece of a line (a wrapped title, a mark printed beside the
//! title's first, middle or last line, in a column left or right of the
//! codes) belongs to the band it lies in. Rows built this way never depend
//! on how a producer spaces wrapped lines, so a title that wraps never merges
//! two rows and a vertically centred or bottom-aligned mark stays with its
//! code. Pieces above the first anchor are the table's header, one row.

use crate::lexicon::Narrowed;

use super::tables::{Border, Fragment, LaidRow, UndecidedMark};
use crate::grammar;
use crate::lexicon;

/// A hierarchical code: two or more groups of a capital letter and a number
/// (`L1M1D1`, `L2M3`), with or without dots between the groups.
static CODE: Narrowed = Narrowed::literal(r"^\p{Lu}[0-9]{1,3}(?:\.?\p{Lu}[0-9]{1,3})+$");

/// True when `word` is a [`CODE`]; the cheap check first (see
/// [`grammar::opens_capitals_digit`]).
fn is_code(word: &str) -> bool {
    grammar::opens_capitals_digit(word) && CODE.is_match(word)
}

/// The pieces of one cell.
type Cell<'a> = Vec<&'a Fragment>;

/// Fewest anchors in one column for a table to be read by anchors.
const MIN_ANCHORS: usize = 2;

/// Where a band starts above its anchor's baseline, in font sizes (the
/// ascent of a capital letter, with room).
const BAND_TOP: f32 = 0.8;

/// Where a fragment lies, above its baseline, in font sizes (about the middle
/// of a lower-case letter): the point that decides its band.
const FRAGMENT_MIDDLE: f32 = 0.3;

/// A pitch in the anchor column above this multiple of the table's line
/// pitch ([`line_pitch`]) sets cells apart (cell padding, a ruling); below it, lines are a
/// wrapped cell.
const CELL_PITCH: f32 = 1.15;

/// A piece without an anchor opens a row of its own when it is set apart
/// from the line above by this share of the usual gap before an anchor.
const ROW_GAP_SHARE: f32 = 0.9;

/// A space between two words, in font sizes, at least (most faces set it
/// at a quarter to a third of an em).
const WORD_SPACE: f32 = 0.35;

/// The height of a capital letter, in font sizes, at least.
const CAP_HEIGHT: f32 = 0.6;

/// A row's band may start this many points above a border (text set
/// touching its ruling, a stroke's width).
const BORDER_SLACK: f32 = 1.0;

/// A mark is at most this many characters long (`V`, `✔`, `N/A`).
const MARK_LENGTH: usize = 3;

/// An anchor is centred in its block when its baseline is within this
/// many font sizes of the middle of the block's first and last baselines
/// (twice the distance, as measured).
const CENTRED: f32 = 0.5;

/// Two baselines closer than this many font sizes are one.
const SAME_BASELINE: f32 = 0.3;

/// The lines of one cell are at most this many font sizes apart (single
/// spacing sets them 1.15 to 1.25 sizes apart, one and a half 1.5).
const MAX_LINE_PITCH: f32 = 1.6;

/// Lines of text are at least this many font sizes apart.
const MIN_PITCH: f32 = 0.9;

/// Where the rows start, top to bottom: the anchor column's first piece and
/// every piece set apart from the one above it by more than a line of a
/// wrapped cell, or after a line that had room for it (see below), or
/// beside a mark (`marks` holds their baselines), as long as at least
/// `least` of them are anchors.
/// A code that merely starts a wrapped line of a title (`… as announced in`
/// / `L2M1D3`) or of a paragraph that cites codes is no anchor, and a piece
/// set apart that holds no anchor (debris, a row without a code) starts a
/// row of its own rather than joining the row above.
fn row_starts(
    column: &[Fragment],
    line_pitch: f32,
    marks: &[f32],
    is_anchor: &dyn Fn(&str) -> bool,
    least: usize,
) -> Option<(Vec<RowStart>, f32)> {
    let mut pieces: Vec<&Fragment> = column.iter().collect();
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y));
    let pitch_above = |index: usize| {
        let above = pieces.get(index.checked_sub(1)?)?;
        Some(pieces.get(index)?.y - above.y)
    };
    // How far the anchors that open rows are from the line above them, at
    // least: a piece without an anchor opens a row only when set apart as far.
    let mut row_gaps: Vec<f32> = (0..pieces.len())
        .filter(|&index| {
            pieces
                .get(index)
                .is_some_and(|piece| is_anchor(&piece.text))
        })
        .filter_map(pitch_above)
        .filter(|&pitch| pitch > CELL_PITCH * line_pitch)
        .collect();
    row_gaps.sort_by(f32::total_cmp);
    let row_gap = row_gaps.first().copied().unwrap_or(f32::INFINITY);
    // A line breaks where the next word no longer fits: when the line above,
    // starting where the anchor starts (a left-aligned cell), had room for
    // the anchor, the anchor starts a new cell (rows with no vertical gap
    // between them), not a wrapped line.
    let right = pieces
        .iter()
        .map(|piece| piece.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let room_above = |index: usize| {
        let (Some(above), Some(piece)) = (
            index.checked_sub(1).and_then(|i| pieces.get(i)),
            pieces.get(index),
        ) else {
            return false;
        };
        let same_start = (above.x0 - piece.x0).abs() <= WORD_SPACE * piece.size;
        same_start && above.x1 + WORD_SPACE * piece.size + piece.first_width <= right
    };
    // A mark on the anchor's own baseline says a row starts there too.
    let beside_mark = |index: usize| {
        pieces.get(index).is_some_and(|piece| {
            marks
                .iter()
                .any(|&y| (y - piece.y).abs() <= SAME_BASELINE * piece.size)
        })
    };
    // A code at the column's left edge that comes next in plan order (after
    // the last code that opened a row, and never one before) opens a row
    // even after a full line: rows set without a gap between them. A code
    // quoted at the start of a wrapped line, or repeated in a note, is out
    // of order or already seen.
    let left = pieces
        .iter()
        .filter(|piece| is_anchor(&piece.text))
        .map(|piece| piece.x0)
        .fold(f32::INFINITY, f32::min);
    let mut opened: Vec<PlanOrder> = Vec::new();
    // A column that holds, from its first anchor down, nothing but codes
    // each alone in its piece (cells set at fixed columns, one row a line)
    // has no wrapped title in it whose line could start with a code: every
    // code opens a row, however close to the line above (rows set at the
    // table's line pitch, the header too).
    let lone_codes = pieces
        .iter()
        .position(|piece| is_anchor(&piece.text))
        .and_then(|first| pieces.get(first..))
        .is_some_and(|below| {
            below.len() >= least.max(MIN_ANCHORS)
                && below
                    .iter()
                    .all(|piece| is_anchor(&piece.text) && is_lone_code(&piece.text))
        });
    // Rows set apart by spacing, by room on the line above, or by plan order.
    let firm: Vec<bool> = pieces
        .iter()
        .enumerate()
        .map(|(index, piece)| {
            let order = first_word(&piece.text).and_then(plan_order);
            let opens = match pitch_above(index) {
                None => true,
                Some(pitch) if is_anchor(&piece.text) => {
                    let at_edge = (piece.x0 - left).abs() <= WORD_SPACE * piece.size;
                    let next_in_order = order.as_ref().is_some_and(|order| {
                        opened.last().is_some_and(|last| order.follows(last))
                            && !opened.contains(order)
                    });
                    lone_codes
                        || pitch > CELL_PITCH * line_pitch
                        || room_above(index)
                        || (at_edge && next_in_order)
                }
                // No nearer than a wrapped cell's lines, either: rows set
                // barely apart leave a share of their gap that a line of
                // taller glyphs reaches.
                Some(pitch) => pitch >= ROW_GAP_SHARE * row_gap && pitch > CELL_PITCH * line_pitch,
            };
            if opens && is_anchor(&piece.text) {
                opened.extend(order);
            }
            opens
        })
        .collect();
    // Whether the marks are set on a row's first line: true of every row
    // of several lines that an anchor opens (or when no row has several). Only then does a
    // mark beside an anchor say that the anchor starts a row; a mark set
    // on a cell's last line sits beside a code that merely wrapped.
    let top_aligned = (0..pieces.len())
        .filter(|&index| firm.get(index).copied().unwrap_or(false))
        .filter(|&index| {
            pieces
                .get(index)
                .is_some_and(|piece| is_anchor(&piece.text))
        })
        .filter(|&index| firm.get(index + 1).is_some_and(|next| !next))
        .all(beside_mark);
    let lifted = lifted_anchors(&pieces, line_pitch, is_anchor);
    let mut starts = Vec::new();
    let mut anchors = 0;
    for (index, piece) in pieces.iter().enumerate() {
        let anchor = is_anchor(&piece.text);
        let block_top = lifted.iter().find(|lift| lift.anchor == index);
        let in_lifted_block = lifted
            .iter()
            .any(|lift| lift.anchor != index && lift.block.contains(&index));
        let opens = block_top.is_some()
            || (!in_lifted_block
                && (firm.get(index).copied().unwrap_or(false)
                    || (anchor && top_aligned && beside_mark(index))));
        if opens {
            let word = first_word(&piece.text).unwrap_or_default().to_owned();
            let top_piece = block_top
                .and_then(|lift| pieces.get(lift.block.start))
                .unwrap_or(piece);
            starts.push(RowStart {
                top: top_piece.y - BAND_TOP * top_piece.size,
                word,
                anchor,
            });
            anchors += usize::from(anchor);
        }
    }
    (anchors >= least).then_some((starts, row_gap))
}

/// An anchor whose row starts above it: the pieces of its block (by
/// index, top to bottom) and its own index among them.
struct Lift {
    block: std::ops::Range<usize>,
    anchor: usize,
}

/// Anchors set beside a wrapped cell's middle or last line (vertically
/// centred or bottom-aligned codes sharing the column of their titles): a
/// block of the column's pieces set apart from the piece above it (cell
/// padding, farther than a wrapped line's pitch) and holding exactly one
/// anchor, below its first piece and centred in the block or on its last
/// line (a month followed by the last events of the month above is
/// neither), is that anchor's row from the block's
/// first piece down (the lines of a wrapped cell: the column's closest
/// lines, when closer than the table's pitch). The lines above the anchor in its
/// block are its title's first lines, never the rest of the row above:
/// that row's lines end where the gap is. The column's first block is the
/// table's header, never lifted.
fn lifted_anchors(
    pieces: &[&Fragment],
    line_pitch: f32,
    is_anchor: &dyn Fn(&str) -> bool,
) -> Vec<Lift> {
    let anchors: Vec<f32> = pieces
        .iter()
        .filter(|piece| is_anchor(&piece.text))
        .map(|piece| piece.y)
        .collect();
    wrapped_blocks(pieces, line_pitch, &anchors)
        .into_iter()
        .filter(|block| block.start > 0)
        .filter_map(|block| {
            let anchors: Vec<usize> = block
                .clone()
                .filter(|&index| pieces.get(index).is_some_and(|p| is_anchor(&p.text)))
                .collect();
            // Codes only: a month heads a list of events, which a calendar
            // spaces like rows.
            if anchors
                .iter()
                .any(|&index| pieces.get(index).is_none_or(|p| is_month(&p.text)))
            {
                return None;
            }
            let [only] = anchors.as_slice() else {
                return None;
            };
            let (first, anchor, last) = (
                pieces.get(block.start)?,
                pieces.get(*only)?,
                pieces.get(block.end.checked_sub(1)?)?,
            );
            let centred = (2.0 * anchor.y - first.y - last.y).abs() <= CENTRED * anchor.size;
            let bottom = *only + 1 == block.end;
            (*only > block.start
                && (centred || bottom)
                && !opens_text(anchor, first)
                && !continues(first))
            .then_some(Lift {
                anchor: *only,
                block,
            })
        })
        .collect()
}

/// Whether `anchor` opens a line of text in the flow of the lines above it
/// (`first`, the top of its block): its code is the line's first word, at
/// their left edge, and words of a title follow it. Such a code starts its
/// cell's text; a lifted code is set beside its title (a column of its own)
/// or alone on a line below it. The lines above it on its edge end the row
/// above, whose rows are set closer than the lines of one cell (a small
/// cell inset under a wide leading), not its title's first lines.
fn opens_text(anchor: &Fragment, first: &Fragment) -> bool {
    (anchor.x0 - first.x0).abs() <= WORD_SPACE * anchor.size && !is_lone_code(&anchor.text)
}

/// Whether `piece` continues a line above it rather than opening a cell:
/// it opens with a lower-case letter (a wrapped title's last words, `towns`
/// under `Flood risk map of member`). A lifted anchor's block opens its
/// title, which a capital, a digit or a sign opens; a block that opens
/// lower-case is the row above's last line joined to the anchor's line by
/// rows set tighter than their lines.
fn continues(piece: &Fragment) -> bool {
    piece
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A column's pieces (top to bottom) in blocks, by index: the lines of a
/// wrapped cell, set closer than the cells are to each other, or farther
/// when [`rows_set_tighter`] finds the rows closer than their lines
/// (`anchors` are the baselines of the table's codes).
fn wrapped_blocks(
    pieces: &[&Fragment],
    line_pitch: f32,
    anchors: &[f32],
) -> Vec<std::ops::Range<usize>> {
    // The table's pitch may be a row's when few titles wrap: the column's
    // own closest lines, when closer, are a wrapped cell's.
    let closest = pieces
        .windows(2)
        .map(|pair| pair[1].y - pair[0].y)
        .filter(|&pitch| pieces.first().is_some_and(|p| pitch >= MIN_PITCH * p.size))
        .fold(line_pitch, f32::min);
    let tighter = rows_set_tighter(pieces, closest, anchors);
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    for (index, pair) in pieces.windows(2).enumerate() {
        let gap = pair[1].y - pair[0].y;
        // Rows set tighter: a block is the lines at the wrapped pitch; a
        // closer gap or a wider one (a row stretched by a taller cell
        // beside it) ends it.
        let apart = match tighter {
            Some(wrapped) => {
                gap <= CELL_PITCH * closest || gap > wrapped + SAME_BASELINE * pair[0].size
            }
            None => gap > CELL_PITCH * closest,
        };
        if apart {
            let start = blocks.last().map_or(0, |block| block.end);
            blocks.push(start..index + 1);
        }
    }
    let start = blocks.last().map_or(0, |block| block.end);
    blocks.push(start..pieces.len());
    blocks
}

/// Whether a column's rows are set closer than the lines within one cell
/// (a small cell inset under a wide leading), so that its closest pitch
/// (`closest`) is the gap between rows, not a wrapped line's. Below the
/// table's first code (`anchors`: the codes' baselines), every gap of the
/// closest pitch touches a code's line on the same side (the code opens or
/// ends every row), while the wider gaps are one pitch of lines of text,
/// at least one of them between two lines beside no code (the middle of a
/// title). A table whose titles wrap at the closest pitch has such a
/// middle gap among its closest ones, or no wider line pitch at all.
fn rows_set_tighter(pieces: &[&Fragment], closest: f32, anchors: &[f32]) -> Option<f32> {
    let first_anchor = anchors.iter().copied().reduce(f32::min)?;
    let on_code = |piece: &Fragment| {
        anchors
            .iter()
            .any(|&y| (y - piece.y).abs() <= SAME_BASELINE * piece.size)
    };
    let gaps: Vec<(f32, bool, bool, f32)> = pieces
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            (below.y > first_anchor + SAME_BASELINE * below.size).then(|| {
                (
                    below.y - above.y,
                    on_code(above),
                    on_code(below),
                    above.size,
                )
            })
        })
        .collect();
    let (close, wide): (Vec<&(f32, bool, bool, f32)>, Vec<_>) =
        gaps.iter().partition(|gap| gap.0 <= CELL_PITCH * closest);
    let code_opens = close.iter().all(|gap| gap.2);
    let code_ends = close.iter().all(|gap| gap.1);
    let middles: Vec<&&(f32, bool, bool, f32)> =
        wide.iter().filter(|gap| !gap.1 && !gap.2).collect();
    let (Some(narrowest), Some(widest)) = (
        middles.iter().map(|gap| gap.0).reduce(f32::min),
        middles.iter().map(|gap| gap.0).reduce(f32::max),
    ) else {
        return None;
    };
    let one_pitch = middles
        .iter()
        .all(|gap| widest - narrowest <= SAME_BASELINE * gap.3 && gap.0 <= MAX_LINE_PITCH * gap.3);
    (!close.is_empty() && (code_opens || code_ends) && one_pitch).then_some(widest)
}

/// A column's pieces, top to bottom.
fn top_to_bottom(pieces: &[Fragment]) -> Vec<&Fragment> {
    let mut sorted: Vec<&Fragment> = pieces.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    sorted
}

/// Row starts of anchors set in a column of their own beside a wrapped
/// cell's middle or last line (vertically centred or bottom-aligned codes
/// beside their titles, no ruling between the rows): a block of another
/// column (`beside`, top to bottom) whose lines span exactly one anchor of
/// `anchors` (the anchor column, top to bottom), below the block's first
/// line and centred in the block or on its last line, starts that
/// anchor's row at the block's first line, as [`lifted_anchors`] does
/// within one column. Nothing of the anchor column may stand between the
/// block's first line and the anchor (that is the row above's).
fn lift_beside(
    starts: &mut [RowStart],
    anchors: &[&Fragment],
    beside: &[&Fragment],
    line_pitch: f32,
    is_anchor: &dyn Fn(&str) -> bool,
) {
    let codes: Vec<f32> = anchors
        .iter()
        .filter(|piece| is_anchor(&piece.text))
        .map(|piece| piece.y)
        .collect();
    for block in wrapped_blocks(beside, line_pitch, &codes) {
        let (Some(first), Some(last)) = (
            beside.get(block.start),
            block.end.checked_sub(1).and_then(|i| beside.get(i)),
        ) else {
            continue;
        };
        if block.len() < 2 {
            continue;
        }
        let slack = SAME_BASELINE * first.size;
        let within: Vec<&&Fragment> = anchors
            .iter()
            .filter(|piece| piece.y > first.y - slack && piece.y < last.y + slack)
            .collect();
        let [anchor] = within.as_slice() else {
            continue;
        };
        let centred = (2.0 * anchor.y - first.y - last.y).abs() <= CENTRED * anchor.size;
        let bottom = (anchor.y - last.y).abs() <= slack;
        if !is_anchor(&anchor.text)
            || anchor.y <= first.y + slack
            || !(centred || bottom)
            || continues(first)
        {
            continue;
        }
        raise_row_start(starts, anchor, first.y - BAND_TOP * first.size, slack);
    }
}

/// Moves the row start of `anchor` (found within `slack` of the anchor's
/// own top) up to `top`, when `top` lies between that start and the start
/// above it (a row never reaches into the one above).
fn raise_row_start(starts: &mut [RowStart], anchor: &Fragment, top: f32, slack: f32) {
    let own_top = anchor.y - BAND_TOP * anchor.size;
    let Some(index) = starts
        .iter()
        .position(|start| start.anchor && (start.top - own_top).abs() <= slack)
    else {
        return;
    };
    let above = index
        .checked_sub(1)
        .and_then(|i| starts.get(i))
        .map_or(f32::NEG_INFINITY, |start| start.top);
    if let Some(start) = starts.get_mut(index) {
        if top > above && top < start.top {
            start.top = top;
        }
    }
}

/// Row starts of codes set on their row's last line (a code bottom-aligned
/// beside a title that wraps, rows drawn without a gap between them): a
/// title on a code's line (`beside`, a title column, top to bottom) that
/// opens with a lower-case letter continues the lines above it, up to the
/// nearest that opens with a capital, with nothing of the anchor column
/// (`anchors`, top to bottom) on their baselines. That line, and its mark,
/// start the code's row; a title opens with a capital, a wrapped line
/// rarely does. A line of the anchor column on the way (the row above's
/// code, a heading) leaves the row where it is.
fn lift_continued(
    starts: &mut [RowStart],
    anchors: &[&Fragment],
    beside: &[&Fragment],
    line_pitch: f32,
    is_anchor: &dyn Fn(&str) -> bool,
) {
    let opens_with = |piece: &Fragment, test: fn(char) -> bool| {
        piece.text.trim_start().chars().next().is_some_and(test)
    };
    for anchor in anchors.iter().filter(|piece| is_anchor(&piece.text)) {
        let slack = SAME_BASELINE * anchor.size;
        let Some(on_line) = beside
            .iter()
            .position(|piece| (piece.y - anchor.y).abs() <= slack)
        else {
            continue;
        };
        if !beside
            .get(on_line)
            .is_some_and(|piece| opens_with(piece, char::is_lowercase))
        {
            continue;
        }
        let mut top = None;
        let mut below = on_line;
        while let Some(above) = below.checked_sub(1) {
            let (Some(line), Some(next)) = (beside.get(above), beside.get(below)) else {
                break;
            };
            let wrapped = next.y - line.y <= CELL_PITCH * line_pitch;
            let beside_anchors = anchors
                .iter()
                .any(|piece| (piece.y - line.y).abs() <= slack);
            if !wrapped || beside_anchors {
                break;
            }
            if opens_with(line, char::is_uppercase) {
                top = Some(line.y - BAND_TOP * line.size);
                break;
            }
            if !opens_with(line, char::is_lowercase) {
                break;
            }
            below = above;
        }
        if let Some(top) = top {
            raise_row_start(starts, anchor, top, slack);
        }
    }
}

/// Group headings set in a column right of the codes' (`L1M1 Que …` on
/// lines of their own in the title column, over `L1M1D1` and its siblings: a
/// measure drawn as a row of the table), or in the codes' column under a
/// label (`Measure L1M2`, a row across the table): a piece that names a
/// code ([`heading_order`]) that heads the next anchor below it (its parent
/// in the plan, [`PlanOrder::heads`]), with no other piece of the codes'
/// column on its baseline and none of its children above it, opens a row
/// of its own. The anchor below then starts
/// its row at its own line, whatever lifting found: lines above the heading
/// are never that anchor's, and the
/// heading's lines are no part of its title. Returns the headings'
/// baselines.
fn heading_starts(
    starts: &mut Vec<RowStart>,
    fragments: &[Vec<Fragment>],
    anchor_column: usize,
    anchors: &[&Fragment],
    is_anchor: &dyn Fn(&str) -> bool,
) -> Vec<f32> {
    let mut added = Vec::new();
    let mut headings = Vec::new();
    // From the codes' column rightwards: a column of measures set left of
    // the codes holds their cells beside their first children, however
    // centred.
    for (column, pieces) in fragments.iter().enumerate().skip(anchor_column) {
        for piece in pieces {
            let Some((word, order)) = heading_order(&piece.text, column == anchor_column) else {
                continue;
            };
            let slack = SAME_BASELINE * piece.size;
            if anchors
                .iter()
                .any(|a| !std::ptr::eq(*a, piece) && (a.y - piece.y).abs() <= slack)
            {
                continue;
            }
            let Some(next) = anchors
                .iter()
                .filter(|a| is_anchor(&a.text) && a.y > piece.y + slack)
                .min_by(|a, b| a.y.total_cmp(&b.y))
            else {
                continue;
            };
            let heads = first_word(&next.text)
                .and_then(plan_order)
                .is_some_and(|below| order.heads(&below));
            // A heading comes before every row it heads: a measure's cell
            // whose first line is set lower than its first child's code
            // (centred in a column of measures) is that row's cell.
            let child_above = anchors
                .iter()
                .filter(|a| is_anchor(&a.text) && a.y < piece.y - slack)
                .filter_map(|a| first_word(&a.text).and_then(plan_order))
                .any(|above| order.heads(&above));
            if !heads || child_above {
                continue;
            }
            let top = piece.y - BAND_TOP * piece.size;
            let own_top = next.y - BAND_TOP * next.size;
            for start in starts.iter_mut() {
                if start.anchor && start.top <= top && (start.top - own_top).abs() > slack {
                    let opens_next = first_word(&next.text) == Some(start.word.as_str());
                    if opens_next {
                        start.top = own_top;
                    }
                }
            }
            added.push(RowStart {
                top,
                word: word.to_owned(),
                anchor: false,
            });
            headings.push(piece.y);
        }
    }
    if !added.is_empty() {
        starts.extend(added);
        starts.sort_by(|a, b| a.top.total_cmp(&b.top));
        starts.dedup_by(|below, above| (below.top - above.top).abs() < f32::EPSILON);
    }
    headings
}

/// The code a group heading names, with its plan order: its first word,
/// or its second after a first word of letters only (a label naming the
/// level, `Measure L1M2`). In the codes' own column (`codes_column`), only
/// the latter: a code first there is an anchor or a wrapped title's line.
fn heading_order(text: &str, codes_column: bool) -> Option<(&str, PlanOrder)> {
    let first = first_word(text)?;
    if !codes_column {
        if let Some(order) = plan_order(first) {
            return Some((first, order));
        }
    }
    if !first.chars().all(char::is_alphabetic) {
        return None;
    }
    let second = text.split_whitespace().nth(1).and_then(first_word)?;
    Some((second, plan_order(second)?))
}

/// Where a row starts: the top of its band, the first word of the piece
/// that opens it, and whether that piece is an anchor.
#[derive(Debug, Clone, PartialEq)]
struct RowStart {
    top: f32,
    word: String,
    anchor: bool,
}

/// Row starts moved to the row borders drawn on the page (`borders`, top
/// to bottom: horizontal rulings, the edges of zebra stripes): between two
/// borders, a band holding exactly one anchor is that
/// anchor's row, from the border down, whatever else spacing says. Title
/// lines set above a code placed on their middle or last line join the
/// code's row, and a piece without an anchor set apart in that band opens
/// no row of its own (above the first code, it is the table's header); a
/// band without an anchor is a row of its own. A band holding two anchors or more is no row (a rule
/// under the header, a frame around the table): its starts stay.
fn fit_to_borders(starts: Vec<RowStart>, borders: &[f32]) -> Vec<RowStart> {
    // Interval k lies between border k - 1 and border k; interval 0 above
    // the first border has no border on top.
    let interval = |start: &RowStart| {
        borders
            .iter()
            .filter(|&&border| border <= start.top + BORDER_SLACK)
            .count()
    };
    let mut anchors_in: Vec<usize> = vec![0; borders.len() + 1];
    for start in starts.iter().filter(|start| start.anchor) {
        if let Some(count) = anchors_in.get_mut(interval(start)) {
            *count += 1;
        }
    }
    let ruled = |k: usize| k > 0 && k < borders.len() && anchors_in.get(k) == Some(&1);
    // Only after a first anchor: before it, a piece set apart is the
    // table's header, whatever the borders.
    let first_anchor = starts
        .iter()
        .find(|start| start.anchor)
        .map_or(f32::INFINITY, |start| start.top);
    let mut fitted: Vec<RowStart> = starts
        .into_iter()
        .filter(|start| start.anchor || start.top < first_anchor || !ruled(interval(start)))
        .map(|start| {
            let k = interval(&start);
            match borders.get(k.wrapping_sub(1)) {
                Some(&border) if ruled(k) => RowStart {
                    top: border,
                    ..start
                },
                _ => start,
            }
        })
        .collect();
    // A band between borders without an anchor is a row of its own (a
    // header, a row without a code), never the rest of the row above.
    for (index, &border) in borders.iter().enumerate() {
        if anchors_in.get(index + 1) == Some(&0) {
            fitted.push(RowStart {
                top: border,
                word: String::new(),
                anchor: false,
            });
        }
    }
    fitted.sort_by(|a, b| a.top.total_cmp(&b.top));
    fitted
}

/// True when a column holds one hierarchical code (see [`CODE`]) at the
/// start of a piece, below a piece without one (the table's header).
fn lone_code_below_header(column: &[Fragment]) -> bool {
    let mut sorted: Vec<&Fragment> = column.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let coded: Vec<usize> = sorted
        .iter()
        .enumerate()
        .filter(|(_, piece)| first_word(&piece.text).is_some_and(is_code))
        .map(|(index, _)| index)
        .collect();
    matches!(coded.as_slice(), [only] if *only > 0)
}

/// Where a code stands in its plan: its letters and its numbers
/// (`L2M4D3` → `LMD`, 2, 4, 3; `A1.2` → `A.`, 1, 2).
#[derive(Debug, Clone, PartialEq)]
struct PlanOrder {
    letters: String,
    numbers: Vec<u32>,
}

impl PlanOrder {
    /// True when this code comes after `other` in the same plan: the same
    /// letters, and greater numbers read from the top level down.
    fn follows(&self, other: &Self) -> bool {
        self.letters == other.letters && self.numbers > other.numbers
    }

    /// True when this code is a level above `other` in the same plan and
    /// `other` lies under it (`L1M2` heads `L1M2D3`, never `L1M3D1`).
    fn heads(&self, other: &Self) -> bool {
        other.letters.len() > self.letters.len()
            && other.letters.starts_with(&self.letters)
            && other.numbers.len() > self.numbers.len()
            && other.numbers.starts_with(&self.numbers)
    }
}

/// The plan order of a code word (see [`grammar::is_code_word`]).
fn plan_order(word: &str) -> Option<PlanOrder> {
    if !grammar::is_code_word(word) {
        return None;
    }
    let letters: String = word.chars().filter(|c| !c.is_ascii_digit()).collect();
    let numbers = word
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| run.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    Some(PlanOrder { letters, numbers })
}

/// The pitch of the lines of a wrapped cell: the lower quartile of the
/// pitches between consecutive pieces of one column, over every column of the
/// table (a pitch under [`MIN_PITCH`] sizes is a shifted baseline, not a
/// line). A table whose cells rarely wrap shows no such pitch, and is read by
/// cell blocks instead.
fn line_pitch(fragments: &[Vec<Fragment>]) -> f32 {
    let mut pitches: Vec<f32> = fragments
        .iter()
        .flat_map(|column| {
            let mut ys: Vec<(f32, f32)> = column.iter().map(|f| (f.y, f.size)).collect();
            ys.sort_by(|a, b| a.0.total_cmp(&b.0));
            ys.windows(2)
                .filter_map(|pair| {
                    let (above, below) = (pair.first()?, pair.get(1)?);
                    let pitch = below.0 - above.0;
                    (pitch >= MIN_PITCH * above.1).then_some(pitch)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    pitches.sort_by(f32::total_cmp);
    let quartile = pitches
        .get(pitches.len() / 4)
        .copied()
        .unwrap_or(f32::INFINITY);
    // A table whose rows are mostly one line shows its row pitch there; no
    // producer sets the lines of one cell that far apart.
    let mut sizes: Vec<f32> = fragments.iter().flatten().map(|f| f.size).collect();
    sizes.sort_by(f32::total_cmp);
    let widest = sizes
        .get(sizes.len() / 2)
        .map_or(f32::INFINITY, |size| MAX_LINE_PITCH * size);
    quartile.min(widest)
}

/// The first word of a piece of a line, without trailing punctuation.
fn first_word(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    // A footnote call glued to a code (`L1M2D3¹`) refers to a note: the
    // code still opens its row, in the shape of the codes without one.
    Some(first.trim_end_matches(|c: char| {
        matches!(c, '.' | ':' | ',' | ';') || grammar::NOTE_SIGNS.contains(&c)
    }))
}

/// Whether a piece of a line opens a row: its first word is a code or a month.
/// `1.2` as the pair (1, 2): a code of a two-level plan, or a decimal figure.
fn pair_code(word: &str) -> Option<(u16, u16)> {
    let (major, minor) = word.split_once('.')?;
    let digits =
        |part: &str| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || !digits(minor) {
        return None;
    }
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// Whether a column opens at least [`MIN_ANCHORS`] of its pieces with two
/// dotted numbers in plan order (`1.1`, `1.2`, `2.1`: distinct, ascending).
/// Alone, `1.5` is as often a decimal figure as a code (see
/// [`grammar::is_code_word`]); a column of them in ascending order is a
/// column of codes, and they anchor its rows.
fn is_pair_code_column(column: &[Fragment]) -> bool {
    let mut sorted: Vec<&Fragment> = column.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let codes: Vec<(u16, u16)> = sorted
        .iter()
        .filter_map(|piece| first_word(&piece.text).and_then(pair_code))
        .collect();
    codes.len() >= MIN_ANCHORS && codes.windows(2).all(|pair| pair[0] < pair[1])
}

/// Whether a piece of a line is one code and nothing else (`R3/S2`,
/// `Fiche 1.2`, `1.1.1`), not a month nor a code opening a title.
fn is_lone_code(text: &str) -> bool {
    let text = text.trim();
    let whole_row_code = grammar::code_at_start(text, None).is_some_and(|code| {
        text.get(code.rest..)
            .is_some_and(|rest| rest.trim().is_empty())
    });
    let one_code_word =
        !text.contains(char::is_whitespace) && first_word(text).is_some_and(grammar::is_code_word);
    whole_row_code || one_code_word
}

/// Whether a piece of a line opens with a month.
fn is_month(text: &str) -> bool {
    first_word(text).is_some_and(|word| lexicon::month_number(word).is_some())
}

/// The shape of the anchor `text` opens with: a code's letters with each run
/// of digits as `#` (`L1M2D3` → `L#M#D#`, `A2.10` → `A#.#`), or `month`.
/// Rows of one table share their anchors' shape.
pub(super) fn anchor_shape(text: &str) -> Option<String> {
    let word = first_word(text)?;
    if lexicon::month_number(word).is_some() {
        return Some("month".to_owned());
    }
    if !grammar::is_code_word(word) {
        return None;
    }
    let mut shape = String::with_capacity(word.len());
    for c in word.chars() {
        if !c.is_ascii_digit() {
            shape.push(c);
        } else if !shape.ends_with('#') {
            shape.push('#');
        }
    }
    Some(shape)
}

pub(super) fn is_anchor(text: &str) -> bool {
    first_word(text).is_some_and(|word| {
        grammar::is_code_word(word)
            || lexicon::month_number(word).is_some()
            || is_hyphen_cut_code(text, word)
    })
}

/// Whether a piece is nothing but the start of a hierarchical code cut at a
/// hyphen (`L1M1-`, its last group `D1` on the cell's next line): a code too
/// long for a narrow code column, which the producer broke where the groups
/// meet. It anchors its row as the whole code would.
fn is_hyphen_cut_code(text: &str, word: &str) -> bool {
    text.trim() == word && word.strip_suffix('-').is_some_and(is_code)
}

/// The pieces of the columns that hold nothing but row codes of any grammar
/// below their header (`H-01`, `Fiche 1.2`, `R3/S2`, `1.a.ii`): they anchor
/// rows too. A column where such codes sit among other pieces (`Proyecto
/// 1.1.1` wrapped under `Eje 1 · Programa 1.1 ·`) is no code column: its
/// codes may be a cell's second line.
fn row_code_columns(fragments: &[Vec<Fragment>]) -> Vec<&str> {
    fragments
        .iter()
        .filter_map(|column| {
            let first = column
                .iter()
                .position(|piece| grammar::is_row_code(&piece.text))?;
            let codes = column.get(first..)?;
            (codes.len() >= MIN_ANCHORS
                && codes.iter().all(|piece| grammar::is_row_code(&piece.text)))
            .then(|| codes.iter().map(|piece| piece.text.as_str()))
        })
        .flatten()
        .collect()
}

/// The pieces of the columns that list one outline's codes below their
/// header, each piece one code and each after the one above it in outline
/// order (`1`, `1.1`, `1.1(a)`, `1.2`, `2`), [`MIN_ANCHORS`] of them deeper
/// than one number: a plan's rows at every level, which a lone number or a
/// `1.5` could not show alone. A column of figures is no outline: `2019`,
/// `2020` or `12 500`, `3,5` do not descend into each other's numbers.
fn outline_code_columns(fragments: &[Vec<Fragment>]) -> Vec<&str> {
    let path = |piece: &Fragment| {
        let text = piece.text.trim();
        grammar::code_at_start(text, None)
            .filter(|code| {
                text.get(code.rest..)
                    .is_some_and(|rest| rest.trim().is_empty())
            })
            .map(|code| code.path)
    };
    fragments
        .iter()
        .filter_map(|column| {
            let pieces = top_to_bottom(column);
            let first = pieces.iter().position(|piece| path(piece).is_some())?;
            let codes = pieces.get(first..)?;
            let paths: Vec<Vec<u16>> = codes
                .iter()
                .map(|piece| path(piece))
                .collect::<Option<_>>()?;
            let in_order = paths.windows(2).all(|pair| pair[0] < pair[1]);
            let nested = paths.iter().filter(|path| path.len() >= 2).count() >= MIN_ANCHORS;
            (in_order && nested).then(|| {
                codes
                    .iter()
                    .map(|piece| piece.text.as_str())
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .collect()
}

/// The rows of a table read by anchors, as `(top, cells)`, or `None` when no
/// column holds [`MIN_ANCHORS`] anchors. `fragments` holds each column's
/// pieces of lines, top to bottom. The anchor column is the one with the most
/// anchors (deliverable codes outnumber the measure codes beside them).
///
/// `borders` are the row borders drawn across the table, top to bottom (see
/// [`fit_to_borders`]).
pub(super) fn anchored_rows(
    fragments: &[Vec<Fragment>],
    borders: &[Border],
) -> Option<Vec<LaidRow>> {
    let pairs = fragments.iter().any(|column| is_pair_code_column(column));
    let row_codes = row_code_columns(fragments);
    let outline_codes = outline_code_columns(fragments);
    let anchor = |text: &str| {
        is_anchor(text)
            || (pairs && first_word(text).is_some_and(|word| pair_code(word).is_some()))
            || row_codes.contains(&text)
            || outline_codes.contains(&text)
    };
    let is_anchor = &anchor;
    let counts: Vec<usize> = fragments
        .iter()
        .map(|column| column.iter().filter(|f| is_anchor(&f.text)).count())
        .collect();
    let most = counts.iter().copied().max()?;
    // Of columns with as many anchors, the one with the deepest codes.
    let deepest = |column: &Vec<Fragment>| {
        column
            .iter()
            .filter(|piece| is_anchor(&piece.text))
            .filter_map(|piece| first_word(&piece.text).map(str::len))
            .max()
            .unwrap_or(0)
    };
    let anchor_column = (0..fragments.len())
        .filter(|&column| counts.get(column) == Some(&most))
        .max_by_key(|&column| {
            let depth = fragments.get(column).map_or(0, deepest);
            (depth, std::cmp::Reverse(column))
        })?;
    // One hierarchical code (`L2M1D1`, never a month or a number) under
    // the table's header anchors the one row of a table split across
    // pages; anything else needs more.
    let least = if lone_code_below_header(fragments.get(anchor_column)?) {
        1
    } else {
        MIN_ANCHORS
    };
    if most < least {
        return None;
    }
    let pitch = line_pitch(fragments);
    // Baselines of marks: pieces of a column, other than the anchor column,
    // whose pieces are mostly a few characters long.
    let is_short = |piece: &Fragment| piece.text.chars().count() <= MARK_LENGTH;
    let mark_columns: Vec<bool> = fragments
        .iter()
        .enumerate()
        .map(|(column, pieces)| {
            let short = pieces.iter().filter(|piece| is_short(piece)).count();
            column != anchor_column && short * 2 >= pieces.len() && short > 0
        })
        .collect();
    let marks: Vec<f32> = fragments
        .iter()
        .zip(&mark_columns)
        .filter(|(_, &marks)| marks)
        .flat_map(|(pieces, _)| pieces.iter().map(|piece| piece.y))
        .collect();
    let (mut starts, _) = row_starts(
        fragments.get(anchor_column)?,
        pitch,
        &marks,
        is_anchor,
        least,
    )?;
    let anchor_pieces = top_to_bottom(fragments.get(anchor_column)?);
    // Titles beside the codes: a column that holds codes of its own is
    // another table's (a page in two columns), never a title column.
    for (column, pieces) in fragments.iter().enumerate() {
        let titles = column != anchor_column
            && !mark_columns.get(column).copied().unwrap_or(true)
            && !pieces.iter().any(|piece| is_anchor(&piece.text));
        if titles {
            lift_beside(
                &mut starts,
                &anchor_pieces,
                &top_to_bottom(pieces),
                pitch,
                is_anchor,
            );
            lift_continued(
                &mut starts,
                &anchor_pieces,
                &top_to_bottom(pieces),
                pitch,
                is_anchor,
            );
        }
    }
    let headings = heading_starts(
        &mut starts,
        fragments,
        anchor_column,
        &anchor_pieces,
        is_anchor,
    );
    // Borders across the anchors' column (a border under a few columns
    // only, beside a cell spanning rows, still runs across the codes).
    let (anchors_left, anchors_right) = fragments
        .get(anchor_column)?
        .iter()
        .filter(|piece| is_anchor(&piece.text))
        .fold(
            (f32::INFINITY, f32::NEG_INFINITY),
            |(left, right), piece| {
                let code_end = piece.x0 + piece.first_width;
                (left.min(piece.x0), right.max(code_end))
            },
        );
    // A rule through the letters of a line of the codes' column is drawn
    // for another table beside it (a page in two columns), not a border.
    let through_text = |y: f32| {
        fragments.get(anchor_column).is_some_and(|pieces| {
            pieces
                .iter()
                .any(|piece| y > piece.y - CAP_HEIGHT * piece.size && y < piece.y)
        })
    };
    let anchor_borders: Vec<f32> = borders
        .iter()
        .filter(|border| border.spans(anchors_left, anchors_right, BORDER_SLACK))
        .filter(|border| !through_text(border.y))
        .map(|border| border.y)
        .collect();
    let starts = fit_to_borders(starts, &anchor_borders);
    let tops: Vec<f32> = starts.iter().map(|start| start.top).collect();
    // Rows may be set closer than the lines of a wrapped cell (a small cell
    // inset under a wide leading): the last row then ends at a gap wider
    // than its rows' own line pitch, not the table's smallest pitch.
    let row_pitch = row_line_pitch(&anchor_pieces, &tops).map_or(pitch, |own| own.max(pitch));
    let table_end = last_row_end(fragments, tops.last().copied()?, row_pitch);
    let band_of = |piece: &Fragment| {
        let middle = piece.y - FRAGMENT_MIDDLE * piece.size;
        tops.iter().filter(|&&top| top <= middle).count()
    };
    let anchor_lines: Vec<&Fragment> = anchor_pieces
        .iter()
        .copied()
        .filter(|piece| is_anchor(&piece.text))
        .collect();
    // Every piece outside the mark columns.
    let text_pieces: Vec<&Fragment> = fragments
        .iter()
        .zip(&mark_columns)
        .filter(|(_, &marks)| !marks)
        .flat_map(|(pieces, _)| pieces.iter())
        .collect();
    let text_lines: Vec<f32> = text_pieces.iter().map(|piece| piece.y).collect();
    // Marks each moved to the row of the anchor below them, per column.
    let raised: Vec<Vec<(&Fragment, usize)>> = fragments
        .iter()
        .zip(&mark_columns)
        .map(|(pieces, &marks)| {
            if !marks {
                return Vec::new();
            }
            let shorts = mark_candidates(pieces, table_end);
            raised_marks(&shorts, &anchor_lines, &text_pieces, &band_of)
                .map(|bands| shorts.into_iter().zip(bands).collect())
                .unwrap_or_default()
        })
        .collect();
    // Marks that the table's rows give to neither the row above nor the
    // row below (see [`undecided_marks`]): each a row of its own, right
    // above the row of the code below it, named with both codes. Heading
    // rows give the marks a side.
    let undecided: Vec<Vec<(&Fragment, usize)>> = fragments
        .iter()
        .zip(&mark_columns)
        .zip(&raised)
        .map(|((pieces, &marks), moved)| {
            if !marks || !moved.is_empty() || !headings.is_empty() {
                return Vec::new();
            }
            let ordered = top_to_bottom(pieces);
            // A word of a narrow column's header hyphenated over two lines
            // (`Sta-` / `tus`, `Esta-` / `do`) is text, not two marks.
            let hyphenated = |at: usize| {
                let cut = |piece: &Fragment| {
                    let word = piece.text.trim();
                    word.len() > 1
                        && word.ends_with('-')
                        && word.trim_end_matches('-').chars().all(char::is_alphabetic)
                };
                ordered.get(at).is_some_and(|piece| cut(piece))
                    || at
                        .checked_sub(1)
                        .and_then(|above| ordered.get(above))
                        .is_some_and(|piece| cut(piece))
            };
            let shorts: Vec<&Fragment> = ordered
                .iter()
                .enumerate()
                .filter(|&(at, piece)| {
                    piece.text.chars().count() <= MARK_LENGTH
                        && piece.y <= table_end
                        && !hyphenated(at)
                })
                .map(|(_, piece)| *piece)
                .collect();
            undecided_marks(&shorts, &anchor_lines, &text_lines)
        })
        .collect();
    let mut mark_rows: Vec<Vec<LaidRow>> = std::iter::repeat_with(Vec::new)
        .take(tops.len() + 1)
        .collect();
    for (column, marks) in undecided.iter().enumerate() {
        for &(mark, below) in marks {
            let codes = (
                below
                    .checked_sub(1)
                    .and_then(|above| anchor_lines.get(above))
                    .and_then(|anchor| first_word(&anchor.text)),
                anchor_lines.get(below),
            );
            let (Some(above), Some(anchor)) = codes else {
                continue;
            };
            let mut cells = vec![Vec::new(); column + 1];
            if let Some(cell) = cells.get_mut(column) {
                cell.push(mark.clone());
            }
            let row = LaidRow::new(mark.y - BAND_TOP * mark.size, cells).map(|row| LaidRow {
                undecided: vec![UndecidedMark {
                    mark: mark.text.clone(),
                    above: above.to_owned(),
                    below: first_word(&anchor.text).unwrap_or_default().to_owned(),
                }],
                ..row
            });
            if let Some(rows) = mark_rows.get_mut(band_of(anchor)) {
                rows.extend(row);
            }
        }
    }
    // Band 0 is what lies above the first row start; band k + 1 is start k's.
    let mut bands: Vec<Vec<Cell>> = vec![vec![Vec::new(); fragments.len()]; tops.len() + 1];
    let mut trailing: Vec<(f32, usize, &Fragment)> = Vec::new();
    // Each heading made a row of its own after its band: the band, the
    // heading's last line and the row's place in `mark_rows[band + 1]`.
    let mut headed: Vec<(usize, f32, usize)> = Vec::new();
    for (column, pieces) in fragments.iter().enumerate() {
        let parent = column != anchor_column
            && counts
                .get(column)
                .is_some_and(|&count| count >= MIN_ANCHORS);
        let groups: Vec<Cell> = if column == anchor_column {
            pieces.iter().map(|piece| vec![piece]).collect()
        } else {
            let blocks = cell_blocks(pieces, pitch, parent, is_anchor)
                .into_iter()
                .flat_map(|group| split_at_borders(group, borders));
            if mark_columns.get(column) == Some(&true) {
                // Marks on consecutive lines (set at the bottom of rows drawn
                // without gaps) are each a row's mark, not one tall cell: a
                // row has one mark.
                blocks
                    .flat_map(|block| {
                        if block.len() > 1 && block.iter().all(|piece| is_short(piece)) {
                            block.into_iter().map(|piece| vec![piece]).collect()
                        } else {
                            vec![block]
                        }
                    })
                    .collect()
            } else {
                blocks.collect()
            }
        };
        // The band whose heading the column's last cell was a row of.
        let mut apart: Option<usize> = None;
        for group in groups {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            if first.y > table_end {
                // Below the last row: a line of its own (a legend, a note).
                for piece in group {
                    trailing.push((piece.y, column, piece));
                }
                continue;
            }
            // Left of the codes, a heading's row takes the lines of its
            // column that follow it in the band, each alone on its line (the
            // next table's header). Right of them, text set apart after a
            // row is a note or the next column of the page, no heading.
            if column < anchor_column && !mark_columns.get(column).copied().unwrap_or(true) {
                let band = band_of(first);
                let goes_on = apart == Some(band) && stands_alone(&group, fragments);
                let opens = !goes_on
                    && after_its_row(&group, fragments, &anchor_lines, &band_of) == Some(band);
                if let Some(rows) = mark_rows.get_mut(band + 1).filter(|_| goes_on || opens) {
                    let pieces = group.iter().map(|piece| (*piece).clone());
                    match rows.last_mut().and_then(|row| row.cells.get_mut(column)) {
                        Some(cell) if goes_on => cell.extend(pieces),
                        _ => {
                            let mut cells = vec![Vec::new(); column + 1];
                            if let Some(cell) = cells.get_mut(column) {
                                cell.extend(pieces);
                            }
                            rows.extend(LaidRow::new(first.y - BAND_TOP * first.size, cells));
                        }
                    }
                    headed.retain(|&(other, _, _)| other != band);
                    headed.push((band, last.y, rows.len().saturating_sub(1)));
                    apart = Some(band);
                    continue;
                }
                apart = None;
            }
            // A cell taller than its anchor's (vertically centred beside a
            // short code or month) belongs to the one row start it spans.
            let spanned: Vec<usize> = tops
                .iter()
                .enumerate()
                .filter(|&(_, &top)| {
                    top + BAND_TOP * first.size >= first.y - first.size && top <= last.y
                })
                .map(|(index, _)| index + 1)
                .collect();
            // A heading set on lines of its own is its own row, not the
            // first line of its first child's.
            let heading = headings.iter().any(|&y| (y - first.y).abs() < f32::EPSILON);
            let whole = (parent && !heading)
                .then(|| child_band(first, &starts))
                .flatten()
                .or_else(|| match spanned.as_slice() {
                    [] => Some(band_of(first)),
                    [only] => Some(*only),
                    _ => None,
                });
            for piece in &group {
                let left_out = undecided
                    .get(column)
                    .is_some_and(|marks| marks.iter().any(|(mark, _)| std::ptr::eq(*mark, *piece)));
                if left_out {
                    continue;
                }
                let moved = raised.get(column).and_then(|moved| {
                    moved
                        .iter()
                        .find(|(mark, _)| std::ptr::eq(*mark, *piece))
                        .map(|&(_, band)| band)
                });
                let band = moved.or(whole).unwrap_or_else(|| band_of(piece));
                // Below a heading made a row of its own, the piece is the
                // heading's row's (the next table's header), not its band's.
                let heading_row = headed
                    .iter()
                    .find(|&&(of, below, _)| {
                        of == band && piece.y > below + SAME_BASELINE * piece.size
                    })
                    .and_then(|&(of, _, at)| mark_rows.get_mut(of + 1)?.get_mut(at));
                if let Some(row) = heading_row.filter(|_| column != anchor_column) {
                    if row.cells.len() <= column {
                        row.cells.resize(column + 1, Vec::new());
                    }
                    if let Some(cell) = row.cells.get_mut(column) {
                        cell.push((*piece).clone());
                    }
                    continue;
                }
                if let Some(cell) = bands.get_mut(band).and_then(|row| row.get_mut(column)) {
                    cell.push(piece);
                }
            }
        }
    }
    let header_top = fragments
        .iter()
        .flatten()
        .map(|f| f.y - BAND_TOP * f.size)
        .fold(f32::INFINITY, f32::min);
    let band_tops = std::iter::once(header_top).chain(tops.iter().copied());
    trailing.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut trailing_rows: Vec<(f32, Vec<Cell>)> = Vec::new();
    for (y, column, piece) in trailing {
        let same_line = trailing_rows
            .last()
            .is_some_and(|(row_y, _)| y - row_y < 0.5 * pitch);
        if !same_line {
            trailing_rows.push((y, vec![Vec::new(); fragments.len()]));
        }
        if let Some(cell) = trailing_rows
            .last_mut()
            .and_then(|(_, row)| row.get_mut(column))
        {
            cell.push(piece);
        }
    }
    let before = mark_rows
        .into_iter()
        .chain(std::iter::repeat_with(Vec::new));
    let rows = bands
        .into_iter()
        .zip(band_tops)
        .chain(trailing_rows.into_iter().map(|(y, row)| (row, y)))
        .zip(before)
        .flat_map(|((cells, top), before)| {
            let cells = cells
                .into_iter()
                .enumerate()
                .map(|(column, mut pieces)| {
                    pieces.sort_by(|a, b| a.y.total_cmp(&b.y));
                    let pieces: Vec<Fragment> = pieces.into_iter().cloned().collect();
                    if column == anchor_column {
                        anchor_first(pieces, is_anchor)
                    } else {
                        pieces
                    }
                })
                .collect();
            before.into_iter().chain(LaidRow::new(top, cells))
        })
        .collect();
    Some(rows)
}

/// Whether a cell (`group`, top to bottom) opens with no code and stands
/// alone on its lines: no piece of another cell shares a baseline with it.
fn stands_alone(group: &[&Fragment], fragments: &[Vec<Fragment>]) -> bool {
    let Some(first) = group.first() else {
        return false;
    };
    let slack = SAME_BASELINE * first.size;
    let no_code = !is_anchor(&first.text) && first_word(&first.text).and_then(plan_order).is_none();
    no_code
        && group
            .iter()
            .all(|line| others(group, fragments).all(|piece| (piece.y - line.y).abs() > slack))
}

/// The pieces of a table (`fragments`) outside the cell `group`.
fn others<'a>(
    group: &'a [&Fragment],
    fragments: &'a [Vec<Fragment>],
) -> impl Iterator<Item = &'a Fragment> + 'a {
    fragments
        .iter()
        .flatten()
        .filter(move |piece| !group.iter().any(|own| std::ptr::eq(*own, *piece)))
}

/// The band of the row that a cell (`group`, top to bottom) follows as a
/// row of its own: a cell that [`stands_alone`], below the code of the band
/// it lies in and below everything else of that band in the other columns
/// but what lies below its own lines (the next table's header),
/// set farther below the lines above it than the lines of one cell can be
/// ([`MAX_LINE_PITCH`]): a heading, taken into the table as it fits its
/// columns (the codes' column indented from it). It is never that row's
/// cell: a row's measure or title starts on its code's line or above it, or
/// runs on from the row's lines at a wrapped line's pitch. `None` for any
/// other cell.
fn after_its_row(
    group: &[&Fragment],
    fragments: &[Vec<Fragment>],
    anchors: &[&Fragment],
    band_of: &dyn Fn(&Fragment) -> usize,
) -> Option<usize> {
    let first = group.first()?;
    let slack = SAME_BASELINE * first.size;
    let anchor = anchors
        .iter()
        .rev()
        .find(|anchor| anchor.y <= first.y + slack)?;
    let band = band_of(first);
    let last = group.last()?;
    let beside = |piece: &&Fragment| piece.x1 <= first.x0 || piece.x0 >= first.x1;
    // What the band holds below the heading is the next table's header,
    // wherever its columns put it: it follows the heading, never the row.
    let below_its_row = first.y - anchor.y > slack
        && band_of(anchor) == band
        && others(group, fragments)
            .filter(beside)
            .filter(|piece| band_of(piece) == band)
            .all(|piece| piece.y < first.y - slack || piece.y > last.y + slack);
    let above = others(group, fragments)
        .map(|piece| piece.y)
        .filter(|&y| y < first.y - slack)
        .fold(f32::NEG_INFINITY, f32::max);
    let set_apart = first.y - above > MAX_LINE_PITCH * first.size;
    (stands_alone(group, fragments) && below_its_row && set_apart).then_some(band)
}

/// Marks of a column (`marks`, top to bottom) that the table gives to
/// neither of the two codes around them, each with the index in `anchors`
/// (top to bottom) of the code below it. Text printed by position puts a
/// mark on a line of its own above its code (raised, or centred on a row set
/// lower) or below it (set at the bottom): when every mark stands alone on
/// its line (no baseline of `lines`, the other columns' pieces), strictly
/// between two codes (hierarchical codes, never months), one in each gap
/// between codes, and halfway between them, either reading gives every
/// code but one (the first or the last) one mark, and nothing tells which.
/// Otherwise (a mark beside a code or a title, above the first code or
/// below the last, nearer one code, a gap without a mark), empty.
fn undecided_marks<'a>(
    marks: &[&'a Fragment],
    anchors: &[&Fragment],
    lines: &[f32],
) -> Vec<(&'a Fragment, usize)> {
    let codes = anchors
        .iter()
        .all(|anchor| first_word(&anchor.text).is_some_and(is_code));
    if marks.is_empty() || marks.len() + 1 != anchors.len() || !codes {
        return Vec::new();
    }
    let halfway = marks.iter().zip(anchors.windows(2)).all(|(mark, pair)| {
        let slack = SAME_BASELINE * mark.size;
        let (up, down) = (mark.y - pair[0].y, pair[1].y - mark.y);
        let alone = !lines.iter().any(|&y| (y - mark.y).abs() <= slack);
        alone && up > slack && down > slack && (up - down).abs() <= slack
    });
    if !halfway {
        return Vec::new();
    }
    marks.iter().copied().zip(1..).collect()
}

/// The short pieces of a mark column down to `table_end`, top to bottom:
/// the marks that [`raised_marks`] may move. A word of a narrow column's
/// header hyphenated over two lines (`Sta-` / `tus`, `Esta-` / `do`) is
/// text, not two marks; a dash alone (`-`) stays a mark.
fn mark_candidates(pieces: &[Fragment], table_end: f32) -> Vec<&Fragment> {
    let ordered = top_to_bottom(pieces);
    let cut = |piece: &Fragment| {
        let word = piece.text.trim();
        word.len() > 1
            && word.ends_with('-')
            && word.trim_end_matches('-').chars().all(char::is_alphabetic)
    };
    let hyphenated = |at: usize| {
        ordered.get(at).is_some_and(|piece| cut(piece))
            || at
                .checked_sub(1)
                .and_then(|above| ordered.get(above))
                .is_some_and(|piece| cut(piece))
    };
    ordered
        .iter()
        .enumerate()
        .filter(|&(at, piece)| {
            piece.text.chars().count() <= MARK_LENGTH && piece.y <= table_end && !hyphenated(at)
        })
        .map(|(_, piece)| *piece)
        .collect()
}

/// The bands of a column's marks (`marks`, top to bottom) when they are
/// raised: each mark set on a line of its own right above the line it
/// belongs to, never below it. Text printed by position puts a mark printed
/// raised (a superscript, or a mark centred on a row set lower than its
/// code) on a line of its own right above the line it was set beside: its
/// code's, or a wrapped title's later line when the mark was centred on a
/// taller row. Read by bands, a mark above its code's line would go to the
/// row above.
///
/// The marks say so themselves when moving each mark that stands alone on
/// its line (no baseline of `lines`, the other columns' pieces, or of
/// `anchors`) at most a line above a code's line to that code's band keeps
/// the marks in order, never puts a moved mark in one band with a mark
/// that is not raised, leaves no mark in the header's band and none below
/// the last code unless a line of the last row is right below it, and read
/// by bands two marks share one band or one lies above the first anchor's
/// band (in the header's). A mark alone right above a wrapped line of its
/// own band is raised in place; a mark beside a line, or lines above the
/// next one, stays in its band; a mark beside a row's last line, or lines
/// above the next code, is the end of the row above (a row the table's
/// region began above, cells set at the bottom or centred), never raised.
/// Two raised marks in one band are both its row's: two candidates.
/// Otherwise (`None`) marks keep the bands they lie in.
fn raised_marks(
    marks: &[&Fragment],
    anchors: &[&Fragment],
    lines: &[&Fragment],
    band_of: &dyn Fn(&Fragment) -> usize,
) -> Option<Vec<usize>> {
    if marks.len() < MIN_ANCHORS {
        return None;
    }
    let lying: Vec<usize> = marks.iter().map(|mark| band_of(mark)).collect();
    let shared = lying.windows(2).any(|pair| pair[0] == pair[1]);
    let text = || lines.iter().chain(anchors).copied();
    // Each mark's band read raised (`Some`: alone on its line at most a
    // line above the next one, a code's line or a wrapped line of the
    // mark's own band). A wrapped line of another band is no evidence: the
    // title's bands may be the layout's guess, the codes' never are.
    let raised: Vec<Option<usize>> = marks
        .iter()
        .zip(&lying)
        .map(|(mark, &lies)| {
            let slack = SAME_BASELINE * mark.size;
            let alone = !text().any(|line| (line.y - mark.y).abs() <= slack);
            let next = text()
                .filter(|line| line.y > mark.y + slack)
                .min_by(|a, b| a.y.total_cmp(&b.y))
                .filter(|line| line.y - mark.y <= MAX_LINE_PITCH * mark.size)
                .filter(|_| alone)?;
            let on_code = anchors
                .iter()
                .any(|anchor| (anchor.y - next.y).abs() <= slack);
            let band = band_of(next);
            (on_code || band == lies).then_some(band)
        })
        .collect();
    let goes: Vec<usize> = raised
        .iter()
        .zip(&lying)
        .map(|(raised, &lies)| raised.unwrap_or(lies))
        .collect();
    // Every mark has a code at or below it, or the last row's line right
    // below it: a mark under the last row is the end of that row, which a
    // raised layout never leaves (cells set at the bottom, a mark under
    // each row's last line, do).
    let has_code_below = marks.iter().zip(&raised).all(|(mark, raised)| {
        raised.is_some()
            || anchors
                .iter()
                .any(|anchor| anchor.y >= mark.y - SAME_BASELINE * mark.size)
    });
    if !has_code_below {
        return None;
    }
    let moves = |index: usize| goes.get(index) != lying.get(index);
    let is_raised = |index: usize| raised.get(index).is_some_and(Option::is_some);
    // Marks keep their order; a mark that moves never joins one that is
    // not raised (set beside a line, or lines above the next: that row's
    // own mark). Two raised marks in one band leave its row two
    // candidates.
    let distinct = goes.windows(2).enumerate().all(|(index, pair)| {
        pair[0] < pair[1]
            || (pair[0] == pair[1]
                && ((is_raised(index) && is_raised(index + 1))
                    || (!moves(index) && !moves(index + 1))))
    });
    // A mark above the first anchor's band (in the table's header, or
    // above it) has no row of its own above.
    let first = anchors.first().map_or(0, |anchor| band_of(anchor));
    let evidence = shared || lying.iter().any(|&band| band < first);
    let moved_any = (0..goes.len()).any(moves);
    (evidence && moved_any && distinct && !goes.contains(&0)).then_some(goes)
}

/// A cell of the anchor column whose code (not a month) is set beside a later line
/// than its first (a code centred or bottom-aligned beside its wrapped
/// title, in the title's column) reads with the anchor's word first: the
/// code identifies the row, and the title is every other word in reading
/// order (`annual report on` / `L1M1D1 urban governance` →
/// `L1M1D1 annual report on` / `urban governance`). The cell's lines keep
/// their places; only the code's word moves to the first line.
fn anchor_first(mut pieces: Vec<Fragment>, is_anchor: &dyn Fn(&str) -> bool) -> Vec<Fragment> {
    if pieces.first().is_none_or(|first| is_anchor(&first.text)) {
        return pieces;
    }
    let Some(at) = pieces.iter().position(|piece| is_anchor(&piece.text)) else {
        return pieces;
    };
    if pieces.get(at).is_none_or(|piece| is_month(&piece.text)) {
        return pieces;
    }
    let Some(anchor) = pieces.get_mut(at) else {
        return pieces;
    };
    if anchor.words.is_empty() {
        return pieces;
    }
    let code = anchor.words.remove(0);
    if anchor.words.is_empty() {
        pieces.remove(at);
    } else {
        refresh(anchor);
    }
    if let Some(first) = pieces.first_mut() {
        first.words.insert(0, code);
        refresh(first);
    }
    pieces
}

/// A fragment's text and extent, from its words.
fn refresh(piece: &mut Fragment) {
    let texts: Vec<&str> = piece.words.iter().map(|word| word.text.as_str()).collect();
    piece.text = texts.join(" ");
    piece.x0 = piece
        .words
        .iter()
        .map(|word| word.x0)
        .fold(f32::INFINITY, f32::min);
    piece.x1 = piece
        .words
        .iter()
        .map(|word| word.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    piece.first_width = piece.words.first().map_or(0.0, |word| word.x1 - word.x0);
}

/// The pitch of the lines within one row in the anchor column (`pieces`,
/// top to bottom; rows start at `tops`): the median pitch between
/// consecutive pieces of one band above the last row (whose end is not
/// known yet), as far apart as lines of text are. None when no such row
/// holds two lines.
fn row_line_pitch(pieces: &[&Fragment], tops: &[f32]) -> Option<f32> {
    let last_top = tops.last().copied()?;
    let middle = |piece: &Fragment| piece.y - FRAGMENT_MIDDLE * piece.size;
    let mut pitches: Vec<f32> = pieces
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            let split = tops
                .iter()
                .any(|&top| top > middle(above) && top <= middle(below));
            let pitch = below.y - above.y;
            let line = pitch >= MIN_PITCH * above.size && pitch <= MAX_LINE_PITCH * above.size;
            (!split && line && middle(below) < last_top).then_some(pitch)
        })
        .collect();
    pitches.sort_by(f32::total_cmp);
    pitches.get(pitches.len() / 2).copied()
}

/// Where the last row ends: at the first line below its start set apart from
/// the line above (see [`CELL_PITCH`]): a legend or a note after the table.
fn last_row_end(fragments: &[Vec<Fragment>], last_top: f32, line_pitch: f32) -> f32 {
    let mut ys: Vec<f32> = fragments
        .iter()
        .flatten()
        .map(|piece| piece.y)
        .filter(|&y| y >= last_top)
        .collect();
    ys.sort_by(f32::total_cmp);
    ys.windows(2)
        .find_map(|pair| {
            let (above, below) = (*pair.first()?, *pair.get(1)?);
            (below - above > CELL_PITCH * line_pitch).then_some((above + below) / 2.0)
        })
        .unwrap_or(f32::INFINITY)
}

/// The cells of a column other than the anchor column: runs of pieces none
/// of which is set apart from the one above. In a column that holds codes of
/// a higher level (`parent`: measures beside deliverables) a cell also starts
/// at each code, and may span several rows.
fn cell_blocks<'a>(
    pieces: &'a [Fragment],
    line_pitch: f32,
    parent: bool,
    is_anchor: &dyn Fn(&str) -> bool,
) -> Vec<Vec<&'a Fragment>> {
    let mut sorted: Vec<&Fragment> = pieces.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut blocks: Vec<Vec<&Fragment>> = Vec::new();
    let mut previous: Option<&Fragment> = None;
    for piece in sorted {
        let set_apart = previous.is_none_or(|above| piece.y - above.y > CELL_PITCH * line_pitch);
        match blocks.last_mut() {
            Some(block) if !(set_apart || parent && is_anchor(&piece.text)) => block.push(piece),
            _ => blocks.push(vec![piece]),
        }
        previous = Some(piece);
    }
    blocks
}

/// A cell's pieces cut where a border drawn between two of them, across
/// both (a ruling, a stripe's edge), sets them in different cells; a
/// border that stops short of them (under the other columns only, beside a
/// cell spanning several rows) does not.
fn split_at_borders<'a>(group: Vec<&'a Fragment>, borders: &[Border]) -> Vec<Vec<&'a Fragment>> {
    let mut parts: Vec<Vec<&Fragment>> = Vec::new();
    let mut previous: Option<&Fragment> = None;
    for piece in group {
        let parted = previous.is_none_or(|above| {
            borders.iter().any(|border| {
                border.y > above.y
                    && border.y < piece.y - BAND_TOP * piece.size
                    && border.spans(piece.x0.min(above.x0), piece.x1.max(above.x1), BORDER_SLACK)
            })
        });
        match parts.last_mut() {
            Some(part) if !parted => part.push(piece),
            _ => parts.push(vec![piece]),
        }
        previous = Some(piece);
    }
    parts
}

/// The band of the first row whose anchor code extends the code opening
/// `piece` (`L1M3` → the row of `L1M3D1`): a cell spanning several rows,
/// vertically centred beside them, belongs with its first child, not with
/// the row its first line happens to lie in.
fn child_band(piece: &Fragment, starts: &[RowStart]) -> Option<usize> {
    let code = first_word(&piece.text)?;
    if !is_code(code) {
        return None;
    }
    starts
        .iter()
        .position(|start| start.word.len() > code.len() && start.word.starts_with(code))
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use crate::layout::lay_out;
    use crate::read::GlyphPage;

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 5.0;
    /// Lines of a wrapped cell are 12 pt apart; rows 18 pt (cell padding).
    const LINE: f32 = 12.0;
    const ROW: f32 = 18.0;

    /// Draws `text` glyph by glyph from `x` on baseline `y`.
    fn word(page: &mut GlyphPage, text: &str, x: f32, y: f32) {
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * ADVANCE, y, ADVANCE, SIZE);
        }
    }

    /// Lays out one page drawn from `(text, x, y)` pieces, in the order given.
    fn rows(pieces: &[(&str, f32, f32)]) -> Vec<String> {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        for &(text, x, y) in pieces {
            word(&mut page, text, x, y);
        }
        lay_out(&[&page])
            .remove(0)
            .text
            .lines()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_footnote_call_glued_to_a_code_keeps_it_a_row_anchor() {
        // Codes and marks beside the last lines of two-line titles, the
        // middle code followed by a call (`L1M6D2²`): it opens its own row.
        let mut pieces = vec![
            ("Code", 50.0, 80.0),
            ("Deliverable", 120.0, 80.0),
            ("Status", 400.0, 80.0),
        ];
        let mut y = 80.0 + ROW;
        for (code, mark) in [("L1M6D1", "V"), ("L1M6D2²", "X"), ("L1M6D3", "0")] {
            pieces.push(("First line", 120.0, y));
            pieces.push(("last line", 120.0, y + LINE));
            pieces.push((code, 50.0, y + LINE));
            pieces.push((mark, 400.0, y + LINE));
            y += LINE + ROW;
        }
        let lines = rows(&pieces);
        for (code, mark) in [("L1M6D1", "V"), ("L1M6D2²", "X"), ("L1M6D3", "0")] {
            let row: Vec<&str> = lines
                .iter()
                .filter(|line| line.contains(code))
                .map(String::as_str)
                .collect();
            assert_eq!(row.len(), 1, "{lines:?}");
            let cells: Vec<&str> = row[0].split('\t').collect();
            assert_eq!(cells, [code, "First line last line", mark], "{lines:?}");
        }
    }

    /// Three deliverables whose titles wrap over two lines, the marks
    /// `v`, `x`, `o` placed by `mark_line` (0 top, 1 bottom, 0.5 middle) in a
    /// column at `mark_x` (left of the codes at 100, or right at 400).
    fn table(mark_line: f32, mark_x: f32) -> Vec<(&'static str, f32, f32)> {
        let titles = [
            ("L1M1D1 Calendario de", "acontecimientos", "v"),
            ("L1M1D2 Presencia en", "reuniones", "x"),
            ("L1M1D3 Informes", "anuales", "o"),
        ];
        let mut pieces = vec![("Entregables", 100.0, 80.0), ("Estado", mark_x, 80.0)];
        let mut y = 80.0 + ROW;
        for (first, second, mark) in titles {
            pieces.push((first, 100.0, y));
            pieces.push((second, 100.0, y + LINE));
            pieces.push((mark, mark_x, y + mark_line * LINE));
            y += LINE + ROW;
        }
        pieces
    }

    /// Deliverables whose titles (at `title_x`, after the codes and their
    /// heading at 50, which end at 80) wrap over `lines[k]` lines, the code
    /// and mark (at 400) beside the title's middle line (`middle`) or last
    /// line, rows set apart by cell padding, not by rulings. A gutter of one
    /// em or two that every line leaves empty, wider than the titles' word
    /// spaces, makes a column of codes (`gutters`), whose rows start at
    /// their titles' first lines all the same.
    fn centred_codes(lines: &[usize], middle: bool, title_x: f32) -> (Vec<String>, Vec<String>) {
        let gutter = "\t";
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("Codigo".to_owned(), 50.0, 80.0),
            ("Deliverable".to_owned(), title_x, 80.0),
            ("Status".to_owned(), 400.0, 80.0),
        ];
        let mut want = vec![format!("Codigo{gutter}Deliverable\tStatus")];
        let mut y = 80.0 + ROW;
        for (index, &count) in lines.iter().enumerate() {
            let code = format!("L1M1D{}", index + 1);
            let mark = ["V", "X", "0"][index % 3];
            let mut title = Vec::new();
            for line in 0..count {
                let text = format!("Title {index} line {line}");
                pieces.push((text.clone(), title_x, y + LINE * line as f32));
                title.push(text);
            }
            let spare = LINE * (count - 1) as f32;
            let beside = y + if middle { spare / 2.0 } else { spare };
            pieces.push((code.clone(), 50.0, beside));
            pieces.push((mark.to_owned(), 400.0, beside));
            want.push(format!("{code}{gutter}{}\t{mark}", title.join(" ")));
            y += spare + ROW;
        }
        let borrowed: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        (rows(&borrowed), want)
    }

    #[test]
    fn a_code_beside_its_wrapped_titles_middle_or_last_line_opens_the_title() {
        for title_x in [90.0, 100.0] {
            for middle in [true, false] {
                for lines in [[3, 1, 2, 3], [2, 3, 3, 1], [1, 3, 1, 2]] {
                    let (got, want) = centred_codes(&lines, middle, title_x);
                    assert_eq!(
                        got, want,
                        "title at {title_x}, middle {middle}, lines {lines:?}"
                    );
                }
            }
        }
    }

    /// The cells after `code` on the one line of `lines` that holds it.
    fn cells_after<'a>(lines: &'a [String], code: &str) -> Vec<&'a str> {
        let row: Vec<&String> = lines.iter().filter(|line| line.contains(code)).collect();
        assert_eq!(row.len(), 1, "{code} in {lines:?}");
        row[0]
            .split('\t')
            .skip_while(|cell| *cell != code)
            .skip(1)
            .collect()
    }

    /// Lays out `pieces` and checks that each code of `want` is followed on
    /// its line by its title's cell and its mark's; returns the lines.
    /// Lays out one row of an indented code column at `y`: the code at x
    /// 200, its title at 260 and its mark at 450; and wants it read back.
    fn push_indented_row<'a>(
        pieces: &mut Vec<(String, f32, f32)>,
        want: &mut Vec<(String, String, &'a str)>,
        (code, title, mark): (String, String, &'a str),
        y: f32,
    ) {
        pieces.push((code.clone(), 200.0, y));
        pieces.push((title.clone(), 260.0, y));
        pieces.push((mark.to_owned(), 450.0, y));
        want.push((code, title, mark));
    }

    fn rows_as_wanted(
        pieces: &[(String, f32, f32)],
        want: &[(String, String, &str)],
    ) -> Vec<String> {
        let borrowed: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        let lines = rows(&borrowed);
        for (code, title, mark) in want {
            assert_eq!(
                cells_after(&lines, code),
                [title.as_str(), mark],
                "{lines:?}"
            );
        }
        lines
    }

    #[test]
    fn rows_set_closer_than_a_titles_lines_keep_each_titles_last_line() {
        // Codes in a column of their own at their rows' tops, titles wrapped
        // over three lines 14 pt apart, the rows only 9.5 pt apart (a small
        // cell inset under a wide leading), marks beside the middle lines:
        // a title's last line and the next row's first are no one cell.
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("Code".to_owned(), 50.0, 80.0),
            ("Deliverable".to_owned(), 120.0, 80.0),
            ("Status".to_owned(), 400.0, 80.0),
        ];
        let mut want = Vec::new();
        let mut y = 80.0 + ROW;
        for (index, mark) in ["V", "X", "0", "V"].into_iter().enumerate() {
            let code = format!("L1M1D{}", index + 1);
            pieces.push((code.clone(), 50.0, y));
            let title: Vec<String> = (0..3)
                .map(|line| format!("title {index} line {line}"))
                .collect();
            for (line, text) in title.iter().enumerate() {
                pieces.push((text.clone(), 120.0, y + 14.0 * line as f32));
            }
            pieces.push((mark.to_owned(), 400.0, y + 14.0));
            want.push((code, title.join(" "), mark));
            y += 28.0 + 9.5;
        }
        rows_as_wanted(&pieces, &want);
    }

    #[test]
    fn codes_indented_from_measures_on_rows_of_their_own_are_a_column() {
        // Measures (`L1M1 …`, two lines) on rows of their own in the first
        // column, their deliverables' codes indented to a column of their
        // own, nothing left of them on their lines; a heading and the next
        // table's header, set apart, fit in the first column too.
        let mut pieces: Vec<(String, f32, f32)> =
            vec![("Codigo Producto Estado".to_owned(), 50.0, 80.0)];
        let mut want = Vec::new();
        let mut y = 80.0 + ROW;
        for line in 1..=2 {
            if line == 2 {
                pieces.push(("LINEA 2 Ciudades".to_owned(), 50.0, y + 8.0));
                pieces.push(("Codigo Producto Estado".to_owned(), 50.0, y + 20.0));
                y += 38.0;
            }
            for measure in 1..=2 {
                pieces.push((format!("L{line}M{measure} Que las ciudades"), 50.0, y));
                pieces.push(("compartan sus datos".to_owned(), 50.0, y + LINE));
                y += 2.0 * LINE + 6.0;
                for (deliverable, mark) in [(1, "v"), (2, "x")] {
                    let code = format!("L{line}M{measure}D{deliverable}");
                    let title = format!("Informe {line} {measure} {deliverable}");
                    push_indented_row(&mut pieces, &mut want, (code, title, mark), y);
                    y += LINE + 6.0;
                }
            }
        }
        let lines = rows_as_wanted(&pieces, &want);
        let heading: Vec<&String> = lines
            .iter()
            .filter(|line| line.contains("LINEA 2"))
            .collect();
        assert_eq!(heading.len(), 1, "{lines:?}");
        assert!(!heading[0].contains("L1M2D2"), "{lines:?}");
    }

    #[test]
    fn a_heading_left_of_indented_codes_leaves_the_next_header_out_of_its_row() {
        // Line headings at the margin, their codes indented to a column of
        // their own; under each heading but the first, the next table's
        // header, set where the titles are (not where the heading is), in
        // the band of the row above: the heading and the header are a row
        // of their own, and the row above keeps its code, title and mark.
        let header = "No Code Deliverable Status Lead";
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("LINE 1 Coasts".to_owned(), 50.0, 60.0),
            (header.to_owned(), 260.0, 80.0),
        ];
        let mut want = Vec::new();
        let mut y = 80.0 + ROW;
        for line in 1..=3 {
            if line > 1 {
                pieces.push((format!("LINE {line} Towns"), 50.0, y + 8.0));
                pieces.push((header.to_owned(), 260.0, y + 8.0 + LINE + 2.0));
                y += 8.0 + LINE + 2.0 + ROW;
            }
            for (deliverable, mark) in [(1, "v"), (2, "x"), (3, "v")] {
                let code = format!("L{line}M1D{deliverable}");
                let title = format!("Report {line} {deliverable}");
                push_indented_row(&mut pieces, &mut want, (code, title, mark), y);
                y += LINE + 6.0;
            }
        }
        let lines = rows_as_wanted(&pieces, &want);
        for line in 2..=3 {
            let heading = format!("LINE {line} Towns");
            let row: Vec<&String> = lines.iter().filter(|row| row.contains(&heading)).collect();
            assert_eq!(row.len(), 1, "{lines:?}");
            assert!(!row[0].contains("M1D"), "{lines:?}");
            assert!(row[0].contains(header), "{lines:?}");
        }
    }

    /// Measures as rows of the title column (`L1M1 …` wrapped over two
    /// lines, no code beside them) over their deliverables, set at the
    /// table's line pitch (`gap` 0: no padding between the rows) or apart,
    /// the codes beside the title's first line or on a line of their own
    /// above it (`code_above`), the marks on the title's last line.
    fn measures_in_the_title_column(gap: f32, code_above: bool) -> Vec<String> {
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("Code".to_owned(), 50.0, 80.0),
            ("Deliverable".to_owned(), 150.0, 80.0),
            ("Status".to_owned(), 400.0, 80.0),
        ];
        let mut y = 80.0 + ROW;
        for measure in 1..=2 {
            pieces.push((format!("L1M{measure} Que las ciudades"), 150.0, y));
            pieces.push(("compartan sus datos".to_owned(), 150.0, y + LINE));
            y += 2.0 * LINE + gap;
            for deliverable in 1..=2 {
                pieces.push((format!("L1M{measure}D{deliverable}"), 50.0, y));
                if code_above {
                    y += LINE;
                }
                pieces.push(("Informe anual".to_owned(), 150.0, y));
                pieces.push(("comparado".to_owned(), 150.0, y + LINE));
                pieces.push(("v".to_owned(), 400.0, y + LINE));
                y += 2.0 * LINE + gap;
            }
        }
        let borrowed: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        rows(&borrowed)
    }

    #[test]
    fn a_measure_heading_under_its_label_in_the_codes_column_is_a_row_of_its_own() {
        // `Measure L1M2` across the table, set at the pitch of a title's
        // lines right under the last row of L1M1: it heads the next row's
        // code, so it ends the row above rather than going on its title.
        let got = rows(&[
            ("Code", 50.0, 80.0),
            ("Status", 400.0, 80.0),
            ("L1M1D1 Calendar of events", 50.0, 98.0),
            ("v", 400.0, 98.0),
            ("L1M1D2 Position papers on", 50.0, 116.0),
            ("v", 400.0, 116.0),
            ("metropolitan finance", 50.0, 116.0 + LINE),
            ("Measure L1M2", 50.0, 116.0 + 2.0 * LINE),
            ("L1M2D1 Annual debates", 50.0, 158.0),
            ("x", 400.0, 158.0),
            ("L1M2D2 Series of voices", 50.0, 176.0),
            ("v", 400.0, 176.0),
        ]);
        assert!(
            got.contains(&"L1M1D2 Position papers on metropolitan finance\tv".to_owned()),
            "{got:?}"
        );
        assert!(
            got.iter().any(|line| line.trim() == "Measure L1M2"),
            "{got:?}"
        );
        assert!(
            got.contains(&"L1M2D1 Annual debates\tx".to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn a_measure_set_in_the_title_column_is_a_row_of_its_own() {
        for gap in [6.0, 9.0] {
            for code_above in [false, true] {
                let got = measures_in_the_title_column(gap, code_above);
                for measure in 1..=2 {
                    let heading = format!("L1M{measure} Que las ciudades compartan sus datos");
                    assert!(
                        got.iter().any(|line| line.trim() == heading),
                        "gap {gap}, code above {code_above}: {got:?}"
                    );
                    for deliverable in 1..=2 {
                        let row = format!("L1M{measure}D{deliverable}\tInforme anual comparado\tv");
                        assert!(
                            got.contains(&row),
                            "gap {gap}, code above {code_above}: {row:?} in {got:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_wrapped_line_of_taller_glyphs_stays_in_its_row_when_rows_are_set_barely_apart() {
        // Codes opening titles of three lines 12 points apart, rows 14
        // apart (under the 1.15 pitches that set cells apart), the third
        // row's last line 13 below the one above (an accent, a taller
        // face): a share of the row gap, yet no farther than a wrapped
        // cell's lines go.
        let mut pieces: Vec<(String, f32, f32)> = vec![
            ("Deliverable".to_owned(), 150.0, 80.0),
            ("Status".to_owned(), 400.0, 80.0),
        ];
        let mut y = 80.0 + 14.0;
        for index in 1..=5 {
            pieces.push((format!("L1M1D{index} title {index} a"), 150.0, y));
            pieces.push(("V".to_owned(), 400.0, y));
            pieces.push((format!("title {index} b"), 150.0, y + LINE));
            let last = if index == 3 { 13.0 } else { LINE };
            pieces.push((format!("title {index} c"), 150.0, y + LINE + last));
            y += LINE + last + 14.0;
        }
        let borrowed: Vec<(&str, f32, f32)> = pieces
            .iter()
            .map(|(text, x, y)| (text.as_str(), *x, *y))
            .collect();
        let got = rows(&borrowed);
        assert!(
            got.iter()
                .any(|line| line.starts_with("L1M1D3 title 3 a") && line.contains("title 3 c")),
            "{got:?}"
        );
    }

    #[test]
    fn rows_of_one_line_each_stay_apart_when_few_titles_wrap() {
        // Rows 2.05 sizes apart (cell padding), two titles of ten wrapped:
        // most pitches of the table are its row pitch, not a cell's lines.
        let mut pieces = vec![("Code", 50.0, 80.0), ("Deliverable", 150.0, 80.0)];
        let codes = [
            "L1M1D1", "L1M1D2", "L1M1D3", "L1M1D4", "L1M2D1", "L1M2D2", "L1M2D3", "L1M2D4",
            "L1M3D1", "L1M3D2",
        ];
        let mut y = 80.0 + 20.5;
        for (index, code) in codes.iter().enumerate() {
            pieces.push((code, 50.0, y));
            pieces.push(("Informe anual", 150.0, y));
            if index == 2 || index == 6 {
                pieces.push(("de seguimiento", 150.0, y + 12.5));
                y += 12.5;
            }
            y += 20.5;
        }
        let got = rows(&pieces);
        assert_eq!(got.len(), 11, "{got:?}");
        assert_eq!(got[3], "L1M1D3\tInforme anual de seguimiento");
        assert_eq!(got[10], "L1M3D2\tInforme anual");
    }

    /// Rows whose titles wrap over `lines` lines, code and mark set on the
    /// title's top (0), middle (0.5) or bottom (1) line.
    fn centred_table(lines: &[usize], place: f32) -> Vec<(String, f32, f32)> {
        let mut pieces = vec![
            ("Code".to_owned(), 50.0, 80.0),
            ("Deliverable".to_owned(), 150.0, 80.0),
            ("Status".to_owned(), 400.0, 80.0),
        ];
        let mut y = 80.0 + 20.0;
        for (index, &count) in lines.iter().enumerate() {
            let code_y = y + place * (count - 1) as f32 * LINE;
            pieces.push((format!("L1M1D{}", index + 1), 50.0, code_y));
            pieces.push(("v".to_owned(), 400.0, code_y));
            for line in 0..count {
                pieces.push((
                    format!("title {index} line {line}"),
                    150.0,
                    y + line as f32 * LINE,
                ));
            }
            y += (count - 1) as f32 * LINE + 20.0;
        }
        pieces
    }

    #[test]
    fn titles_wrapped_above_and_below_their_code_stay_in_its_row() {
        for place in [0.0, 0.5, 1.0] {
            for lines in [[1, 2, 3, 1, 2], [3, 1, 1, 2, 1], [2, 2, 2, 1, 3]] {
                let pieces = centred_table(&lines, place);
                let borrowed: Vec<(&str, f32, f32)> = pieces
                    .iter()
                    .map(|(t, x, y)| (t.as_str(), *x, *y))
                    .collect();
                let got = rows(&borrowed);
                let want: Vec<String> = std::iter::once("Code\tDeliverable\tStatus".to_owned())
                    .chain(lines.iter().enumerate().map(|(index, &count)| {
                        let title: Vec<String> = (0..count)
                            .map(|line| format!("title {index} line {line}"))
                            .collect();
                        format!("L1M1D{}\t{}\tv", index + 1, title.join(" "))
                    }))
                    .collect();
                assert_eq!(got, want, "place {place}, lines {lines:?}");
            }
        }
    }

    #[test]
    fn wrapped_titles_keep_their_marks_wherever_the_mark_sits() {
        for mark_line in [0.0, 0.5, 1.0] {
            let got = rows(&table(mark_line, 400.0));
            assert_eq!(
                got,
                [
                    "Entregables\tEstado",
                    "L1M1D1 Calendario de acontecimientos\tv",
                    "L1M1D2 Presencia en reuniones\tx",
                    "L1M1D3 Informes anuales\to",
                ],
                "mark line {mark_line}"
            );
        }
    }

    #[test]
    fn marks_at_the_bottom_of_rows_drawn_without_gaps_stay_in_their_rows() {
        // Rows one line apart: the last row's mark sits on the line above
        // the next code, the marks of consecutive rows on consecutive lines.
        let mut pieces = vec![("Entregables", 100.0, 80.0), ("Estado", 400.0, 80.0)];
        let mut y = 80.0 + ROW;
        for (lines, mark) in [
            (&["L1M1D1 Dosier de", "cada región"][..], "x"),
            (&["L1M1D2 Presencia"][..], "o"),
            (&["L1M1D3 Informes", "anuales", "finales"][..], "v"),
        ] {
            for line in lines {
                pieces.push((line, 100.0, y));
                y += LINE;
            }
            pieces.push((mark, 400.0, y - LINE));
        }
        assert_eq!(
            rows(&pieces),
            [
                "Entregables\tEstado",
                "L1M1D1 Dosier de cada región\tx",
                "L1M1D2 Presencia\to",
                "L1M1D3 Informes anuales finales\tv",
            ]
        );
    }

    #[test]
    fn a_mark_column_left_of_the_codes_stays_in_its_rows() {
        for mark_line in [0.0, 0.5, 1.0] {
            let got = rows(&table(mark_line, 30.0));
            assert_eq!(
                got,
                [
                    "Estado\tEntregables",
                    "v\tL1M1D1 Calendario de acontecimientos",
                    "x\tL1M1D2 Presencia en reuniones",
                    "o\tL1M1D3 Informes anuales",
                ],
                "mark line {mark_line}"
            );
        }
    }

    #[test]
    fn drawing_order_does_not_change_the_rows() {
        let mut pieces = table(0.5, 400.0);
        let forward = rows(&pieces);
        pieces.reverse();
        assert_eq!(rows(&pieces), forward);
    }

    #[test]
    fn a_code_starting_a_wrapped_line_is_a_reference_not_a_row() {
        let pieces = [
            ("Entregables", 100.0, 80.0),
            ("Estado", 400.0, 80.0),
            ("L2M3D1 Plan anual, como se anuncia en", 100.0, 98.0),
            ("L2M1D3", 100.0, 110.0),
            ("v", 400.0, 98.0),
            ("L2M3D2 Calendario de", 100.0, 128.0),
            ("sesiones de", 100.0, 140.0),
            ("formación", 100.0, 152.0),
            ("x", 400.0, 128.0),
        ];
        assert_eq!(
            rows(&pieces),
            [
                "Entregables\tEstado",
                "L2M3D1 Plan anual, como se anuncia en L2M1D3\tv",
                "L2M3D2 Calendario de sesiones de formación\tx",
            ]
        );
    }

    #[test]
    fn rows_without_a_gap_part_where_the_line_above_had_room() {
        // Every line 12 pt apart, rows too; each title's last line is short,
        // so the code below it could not have been a wrapped word.
        let pieces = [
            ("Entregables", 100.0, 80.0),
            ("Estado", 400.0, 80.0),
            ("L1M1D1 Calendario de acontecimientos", 100.0, 92.0),
            ("internacionales", 100.0, 104.0),
            ("v", 400.0, 92.0),
            ("L1M1D2 Presencia en reuniones", 100.0, 116.0),
            ("x", 400.0, 116.0),
            ("L1M1D3 Informes anuales de la", 100.0, 128.0),
            ("red", 100.0, 140.0),
            ("o", 400.0, 128.0),
        ];
        assert_eq!(
            rows(&pieces),
            [
                "Entregables\tEstado",
                "L1M1D1 Calendario de acontecimientos internacionales\tv",
                "L1M1D2 Presencia en reuniones\tx",
                "L1M1D3 Informes anuales de la red\to",
            ]
        );
    }

    #[test]
    fn one_code_below_the_header_anchors_the_one_row_of_a_split_table() {
        // The rest of a table split across pages: its header, then a single
        // deliverable whose cells wrap, the header set as far apart as the
        // cell's lines.
        let pieces = [
            ("Medidas", 50.0, 80.0),
            ("Resultados y entregables", 250.0, 80.0),
            ("L2M1 Que los miembros", 50.0, 98.0),
            ("apliquen de forma", 50.0, 110.0),
            ("colaborativa", 50.0, 122.0),
            ("L2M1D1 Informes descriptivos", 250.0, 98.0),
            ("anuales", 250.0, 110.0),
            ("V", 500.0, 98.0),
        ];
        assert_eq!(
            rows(&pieces),
            [
                "Medidas\tResultados y entregables",
                "L2M1 Que los miembros apliquen de forma colaborativa\tL2M1D1 Informes descriptivos anuales\tV",
            ]
        );
    }

    #[test]
    fn a_code_next_in_plan_order_opens_a_row_after_a_full_line() {
        // Every line 12 pt apart, rows too, and each title's last line as
        // long as the cell is wide: only plan order tells the rows apart.
        // The note below quotes codes already read: no rows of their own.
        let pieces = [
            ("Entregables", 100.0, 80.0),
            ("Estado", 400.0, 80.0),
            ("L2M4D1 Recomendaciones de las", 100.0, 92.0),
            ("sesiones anuales de los miembros", 100.0, 104.0),
            ("v", 400.0, 92.0),
            ("L2M4D2 Conversaciones clave con", 100.0, 116.0),
            ("los gobiernos que participan ahi", 100.0, 128.0),
            ("x", 400.0, 116.0),
            ("L2M4D3 Difusión de las sesiones", 100.0, 140.0),
            ("o", 400.0, 140.0),
            ("L2M4D1 y L2M4D2 se retrasaron por", 100.0, 160.0),
            ("L2M4D2 y la pandemia de este año", 100.0, 172.0),
        ];
        let got = rows(&pieces);
        assert_eq!(
            got.get(1..4).unwrap_or_default(),
            [
                "L2M4D1 Recomendaciones de las sesiones anuales de los miembros\tv",
                "L2M4D2 Conversaciones clave con los gobiernos que participan ahi\tx",
                "L2M4D3 Difusión de las sesiones\to",
            ],
            "{got:#?}"
        );
        assert!(
            !got.iter()
                .any(|line| line.starts_with("L2M4D2 y la pandemia")),
            "{got:#?}"
        );
    }

    #[test]
    fn a_calendar_cell_of_several_events_stays_with_its_month_even_centred() {
        // June's events are three lines; the month is centred beside them.
        let pieces = [
            ("Mes", 50.0, 80.0),
            ("Eventos", 200.0, 80.0),
            ("Mayo", 50.0, 98.0),
            ("• Cumbre Urban 20", 200.0, 98.0),
            ("• Foro europeo", 200.0, 116.0 + 0.0),
            ("• Reunión anual", 200.0, 128.0),
            ("• Foro Chicago", 200.0, 140.0),
            ("Junio", 50.0, 128.0),
            ("Julio", 50.0, 164.0),
            ("• Foro político", 200.0, 158.0),
            ("• Día metropolitano", 200.0, 170.0),
        ];
        assert_eq!(
            rows(&pieces),
            [
                "Mes\tEventos",
                "Mayo\t• Cumbre Urban 20",
                "Junio\t• Foro europeo • Reunión anual • Foro Chicago",
                "Julio\t• Foro político • Día metropolitano",
            ]
        );
    }

    #[test]
    fn a_note_below_the_last_row_is_not_part_of_it() {
        let mut pieces = table(0.0, 400.0);
        pieces.push(("v alcanzado", 100.0, 80.0 + 4.0 * ROW + 3.0 * LINE + 6.0));
        let got = rows(&pieces);
        assert_eq!(got.last().map(String::as_str), Some("v alcanzado"));
        assert_eq!(
            got.get(3).map(String::as_str),
            Some("L1M1D3 Informes anuales\to")
        );
    }

    /// A table drawn cell by cell at fixed columns, every line (header and
    /// rows) the same pitch apart, no rulings, the columns parted by wide
    /// gutters, codes alone in their cells: `codes` under a header `Ref`,
    /// a title and a status word or figure at each row.
    fn evenly_spaced(codes: &[&'static str]) -> (Vec<(&'static str, f32, f32)>, Vec<String>) {
        let titles = [
            "Repair the old bridge",
            "Train the rangers",
            "Open the visitor centre",
            "Print the trail map",
        ];
        let states = ["done", "40 %", "ongoing", "0 %"];
        let mut pieces = vec![
            ("Ref", 50.0, 80.0),
            ("Title", 140.0, 80.0),
            ("State", 400.0, 80.0),
        ];
        let mut want = vec!["Ref\tTitle\tState".to_owned()];
        for (index, code) in codes.iter().enumerate() {
            let y = 80.0 + LINE * (index + 1) as f32;
            let (title, state) = (titles[index % 4], states[index % 4]);
            pieces.extend([(*code, 50.0, y), (title, 140.0, y), (state, 400.0, y)]);
            want.push(format!("{code}\t{title}\t{state}"));
        }
        (pieces, want)
    }

    #[test]
    fn evenly_spaced_rows_of_lone_codes_stay_apart() {
        for codes in [
            &["K7/B1", "K7/B2", "K7/B4"][..],
            &["Q-11", "Q-12", "Q-15", "Q-16"],
            &["Paso 2.1", "Paso 2.2", "Paso 2.3"],
            &["3.1.1", "3.1.2", "3.2.1", "3.2.2"],
        ] {
            let (pieces, want) = evenly_spaced(codes);
            assert_eq!(rows(&pieces), want, "{codes:?}");
        }
    }

    /// An outline's codes, every level in one column, one line a row at
    /// one pitch, only the deepest rows with a state: the lone numbers and
    /// the pairs of numbers anchor their rows as the deeper codes do, so no
    /// row runs into the next.
    #[test]
    fn evenly_spaced_rows_of_an_outline_at_every_level_stay_apart() {
        let rows_drawn = [
            ("4", "Keep the river clean", ""),
            ("4.1", "Watch the water", ""),
            ("4.1(a)", "Sample it every month", "done"),
            ("4.1(b)", "Publish the samples", "late"),
            ("4.2", "Clear the banks", ""),
            ("4.2(a)", "Hire two wardens", "done"),
            ("5", "Plant street trees", ""),
            ("5.1", "Choose the streets", "done"),
        ];
        let mut pieces = vec![
            ("Ref", 50.0, 80.0),
            ("Aim", 140.0, 80.0),
            ("State", 400.0, 80.0),
        ];
        let mut want = vec!["Ref\tAim\tState".to_owned()];
        for (index, (code, title, state)) in rows_drawn.iter().enumerate() {
            let y = 80.0 + LINE * (index + 1) as f32;
            pieces.extend([(*code, 50.0, y), (*title, 140.0, y)]);
            if state.is_empty() {
                want.push(format!("{code}\t{title}"));
            } else {
                pieces.push((*state, 400.0, y));
                want.push(format!("{code}\t{title}\t{state}"));
            }
        }
        assert_eq!(rows(&pieces), want);
    }

    #[test]
    fn progress_bars_past_a_wide_gutter_are_the_tables_last_column() {
        // Two tables of one-line rows under their headings, their last column (bars and
        // percentages, no word of prose) set far right: the gutter before it
        // runs down the page, and still parts no page columns.
        let bars = [
            "██████████ 100 %",
            "████░░░░░░ 45 %",
            "██░░░░░░░░ 20 %",
            "░░░░░░░░░░ 0 %",
        ];
        let mut pieces = vec![("Fortschritt der Massnahmen im Jahr", 50.0, 60.0)];
        let mut want = vec!["Fortschritt der Massnahmen im Jahr".to_owned()];
        let mut y = 60.0;
        for (table, codes) in [
            ["Paso 1.1", "Paso 1.2", "Paso 1.3"],
            ["Paso 2.1", "Paso 2.2", "Paso 2.3"],
        ]
        .iter()
        .enumerate()
        {
            y += 2.0 * LINE;
            let heading = ["Part one: the shop", "Part two: the kitchen"][table];
            pieces.push((heading, 50.0, y));
            want.push(heading.to_owned());
            y += 2.0 * LINE;
            pieces.extend([("Ref", 50.0, y), ("Title", 110.0, y), ("Done", 450.0, y)]);
            want.push("Ref\tTitle\tDone".to_owned());
            for (index, code) in codes.iter().enumerate() {
                y += LINE;
                let (title, bar) = (
                    ["Open a shop", "Hire a cook", "Buy a van"][index],
                    bars[(index + table) % 4],
                );
                pieces.extend([(*code, 50.0, y), (title, 110.0, y), (bar, 450.0, y)]);
                want.push(format!("{code}\t{title}\t{bar}"));
            }
        }
        let got: Vec<String> = rows(&pieces)
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(got, want);
    }

    /// A title's line at each baseline of `ys`.
    fn lines(ys: &[f32]) -> Vec<super::Fragment> {
        ys.iter().map(|&y| piece("title", y)).collect()
    }

    /// A piece of a line at baseline `y`, one word.
    fn piece(text: &str, y: f32) -> super::Fragment {
        super::Fragment {
            y,
            size: SIZE,
            text: text.to_owned(),
            words: Vec::new(),
            x0: 0.0,
            x1: ADVANCE,
            first_width: ADVANCE,
        }
    }

    /// Bands as `anchored_rows` counts them: band k + 1 starts at row
    /// start k (its anchor's capitals).
    fn bands(anchors: &[super::Fragment]) -> impl Fn(&super::Fragment) -> usize + '_ {
        move |piece: &super::Fragment| {
            anchors
                .iter()
                .filter(|anchor| anchor.y - super::BAND_TOP * anchor.size <= piece.y - 3.0)
                .count()
        }
    }

    /// `raised_marks` over owned pieces, bands counted from `starts`.
    fn raised(
        marks: &[super::Fragment],
        anchors: &[super::Fragment],
        titles: &[super::Fragment],
        starts: &[super::Fragment],
    ) -> Option<Vec<usize>> {
        super::raised_marks(
            &marks.iter().collect::<Vec<_>>(),
            &anchors.iter().collect::<Vec<_>>(),
            &titles.iter().collect::<Vec<_>>(),
            &bands(starts),
        )
    }

    #[test]
    fn marks_alone_on_the_line_above_their_codes_are_raised() {
        // `✓` over `A-I-1`, `✗` over `A-I-2` (whose title wraps), `○`
        // over `A-I-3`: text printed by position, one line each.
        let anchors = [
            piece("A-I-1", 104.0),
            piece("A-I-2", 128.0),
            piece("A-I-3", 164.0),
        ];
        let marks = [piece("✓", 92.0), piece("✗", 116.0), piece("○", 152.0)];
        let titles = lines(&[104.0, 128.0, 140.0, 164.0]);
        assert_eq!(
            raised(&marks, &anchors, &titles, &anchors),
            Some(vec![1, 2, 3])
        );
    }

    #[test]
    fn a_header_word_hyphenated_in_a_narrow_column_is_no_mark() {
        // `Sta-` / `tus`, `Esta-` / `do`, `É-` / `tat` over the marks: text.
        for (head, tail) in [("Sta-", "tus"), ("Esta-", "do"), ("É-", "tat")] {
            let column = [
                piece(head, 50.0),
                piece(tail, 62.0),
                piece("✓", 100.0),
                piece("-", 124.0),
            ];
            let found: Vec<&str> = super::mark_candidates(&column, 200.0)
                .into_iter()
                .map(|piece| piece.text.as_str())
                .collect();
            assert_eq!(found, ["✓", "-"], "{head}{tail}");
        }
    }

    #[test]
    fn a_mark_in_the_header_band_is_raised_to_the_first_code() {
        // The table's header (`Code … État`) opens the first band; `✔` on a
        // line of its own under it has no row above but the header's, so
        // it and `◯` each go to the code below them.
        let starts = [
            piece("Code", 80.0),
            piece("L1M1D1", 104.0),
            piece("L1M1D2", 128.0),
        ];
        let anchors = [piece("L1M1D1", 104.0), piece("L1M1D2", 128.0)];
        let marks = [piece("✔", 92.0), piece("◯", 116.0)];
        let titles = lines(&[80.0, 104.0, 128.0]);
        assert_eq!(raised(&marks, &anchors, &titles, &starts), Some(vec![2, 3]));
    }

    #[test]
    fn marks_beside_the_last_line_of_the_row_above_stay_there() {
        // The same marks, each beside a title's last line (cells set at the
        // bottom, the table's region opening under the first row's code):
        // the end of the row above, not raised.
        let anchors = [piece("B-II-2", 104.0), piece("B-II-3", 128.0)];
        let marks = [piece("✓", 92.0), piece("✗", 116.0)];
        let titles = lines(&[92.0, 104.0, 116.0, 128.0]);
        assert_eq!(raised(&marks, &anchors, &titles, &anchors), None);
    }

    #[test]
    fn a_mark_raised_from_a_wrapped_line_stays_in_its_row() {
        // `✓` over `D-I-1`; `✗` raised from the second line of `D-I-2`'s
        // three (centred on that taller row), between its first two lines;
        // `○` over `D-I-3`. The first moves, the second stays in its row.
        let anchors = [
            piece("D-I-1", 104.0),
            piece("D-I-2", 116.0),
            piece("D-I-3", 152.0),
        ];
        let marks = [piece("✓", 92.0), piece("✗", 122.0), piece("○", 140.0)];
        let titles = lines(&[104.0, 116.0, 128.0, 134.0, 152.0]);
        assert_eq!(
            raised(&marks, &anchors, &titles, &anchors),
            Some(vec![1, 2, 3])
        );
    }

    #[test]
    fn a_raised_mark_never_joins_a_row_s_own_mark() {
        // `✓` over `E-I-1`, then `✗` alone but two lines above `E-I-2`
        // (no line right below it): not raised, so `E-I-1` keeps it and
        // `✓` may not join it.
        let anchors = [piece("E-I-1", 104.0), piece("E-I-2", 140.0)];
        let marks = [piece("✓", 92.0), piece("✗", 116.0)];
        let titles = lines(&[104.0, 140.0]);
        assert_eq!(raised(&marks, &anchors, &titles, &anchors), None);
    }

    #[test]
    fn a_mark_below_the_last_code_ends_the_last_row() {
        // `○` over `F-I-1`, `✓` over `F-I-2`, and `✗` alone under it (the
        // table's last line): a mark under each row (cells set at the
        // bottom), never raised.
        let anchors = [piece("F-I-1", 104.0), piece("F-I-2", 128.0)];
        let marks = [piece("○", 92.0), piece("✓", 116.0), piece("✗", 140.0)];
        let titles = lines(&[104.0, 128.0]);
        assert_eq!(raised(&marks, &anchors, &titles, &anchors), None);
    }

    #[test]
    fn a_code_cut_at_a_hyphen_anchors_its_row() {
        for (text, anchor) in [
            ("L1M1-", true),
            ("A2.M3-", true),
            ("C3M1-", true),
            ("L1M1- Calendar", false),
            ("Well-", false),
            ("L1-", false),
        ] {
            assert_eq!(super::is_anchor(text), anchor, "{text}");
        }
    }

    #[test]
    fn marks_lines_above_their_codes_or_on_them_are_not_raised() {
        // A mark on its code's line keeps it; a mark three lines above the
        // next code (centred beside the row above) is that row's.
        let anchors = [piece("C-I-1", 104.0), piece("C-I-2", 152.0)];
        let on_lines = [piece("✓", 104.0), piece("✗", 152.0)];
        assert_eq!(raised(&on_lines, &anchors, &[], &anchors), None);
        let far = [piece("✓", 92.0), piece("✗", 116.0)];
        assert_eq!(raised(&far, &anchors, &[], &anchors), None);
    }

    #[test]
    fn a_mark_column_in_blocks_beside_one_line_rows_marks_each_row() {
        // Marks first, codes no anchor pattern knows (`B-I-1`), heading
        // rows without a mark, one row a line at one pitch: each run of
        // marks is one block of lines, each line its row's mark.
        let mut pieces = vec![
            ("État", 50.0, 80.0),
            ("Code", 100.0, 80.0),
            ("Intitulé", 180.0, 80.0),
        ];
        let rows_in = [
            ("", "Axe B", "Vivre à domicile"),
            ("✔", "B-I-1", "Diagnostic des logements"),
            ("➜", "B-I-2", "Aide aux travaux"),
            ("", "B-II", "Soutenir les aidants"),
            ("✘", "B-II-1", "Plateforme de répit"),
            ("✔", "B-II-2", "Groupes de parole"),
        ];
        let mut y = 80.0;
        for (mark, code, title) in rows_in {
            y += 15.0;
            if !mark.is_empty() {
                pieces.push((mark, 50.0, y));
            }
            pieces.push((code, 100.0, y));
            pieces.push((title, 180.0, y));
        }
        let lines = rows(&pieces);
        for (mark, code, title) in rows_in.iter().filter(|row| !row.0.is_empty()) {
            let row = lines.iter().find(|line| line.contains(code));
            let cells: Vec<&str> = row.map(|row| row.split('\t').collect()).unwrap_or_default();
            assert_eq!(cells, [*mark, *code, *title], "{lines:?}");
        }
    }

    /// A table in `header` (code, title, status) whose rows are `rows`
    /// (code, one-line title), `lines` lines apart, and whose marks stand
    /// on lines of their own one line below each code but the last (`last`:
    /// that one too): its text and its notes.
    fn marks_between(
        header: [&'static str; 3],
        rows: &[(&'static str, &'static str, &'static str)],
        lines: f32,
        last: bool,
    ) -> (Vec<String>, Vec<String>) {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        for (text, x) in header.iter().zip([50.0, 120.0, 400.0]) {
            word(&mut page, text, x, 80.0);
        }
        let pitch = lines * LINE;
        for (index, (code, title, mark)) in rows.iter().enumerate() {
            let y = 80.0 + ROW + pitch * index as f32;
            word(&mut page, code, 50.0, y);
            word(&mut page, title, 120.0, y);
            if index + 1 < rows.len() || last {
                word(&mut page, mark, 400.0, y + LINE);
            }
        }
        let mut laid = lay_out(&[&page]);
        let page = laid.remove(0);
        let notes = page
            .notes
            .iter()
            .filter(|note| note.code == "layout.mark_undecided")
            .map(|note| note.message.clone())
            .collect();
        (page.text.lines().map(str::to_owned).collect(), notes)
    }

    /// A table's header (code, title, status) and rows (code, title, mark).
    type Table = (
        [&'static str; 3],
        [(&'static str, &'static str, &'static str); 3],
    );

    /// The same table in en, es and fr.
    fn languages() -> [Table; 3] {
        [
            (
                ["Code", "Deliverable", "Status"],
                [
                    ("A1M1D1", "Shared platform", "V"),
                    ("A1M1D2", "Training days", "X"),
                    ("A1M1D3", "Annual report", "O"),
                ],
            ),
            (
                ["Código", "Producto", "Estado"],
                [
                    ("A1M1D1", "Plataforma compartida", "V"),
                    ("A1M1D2", "Jornadas formativas", "X"),
                    ("A1M1D3", "Informe anual", "O"),
                ],
            ),
            (
                ["Code", "Livrable", "État"],
                [
                    ("A1M1D1", "Plateforme partagée", "V"),
                    ("A1M1D2", "Journées formation", "X"),
                    ("A1M1D3", "Rapport annuel", "O"),
                ],
            ),
        ]
    }

    #[test]
    fn marks_halfway_between_codes_with_nothing_to_tell_their_side_are_neither_rows() {
        // Two marks for three codes, each halfway between two codes: read
        // down, `A1M1D3` has none; read up, `A1M1D1`. Neither is told, so
        // no row takes a mark, and each is named with both its codes.
        for (header, rows) in languages() {
            let (lines, notes) = marks_between(header, &rows, 2.0, false);
            for line in lines.iter().filter(|line| line.starts_with("A1M1D")) {
                let cells: Vec<&str> = line.split('\t').collect();
                assert_eq!(cells.len(), 2, "{line:?} in {lines:?}");
            }
            // Each mark is a row of its own between its two codes.
            for (mark, above) in [("V", "A1M1D1"), ("X", "A1M1D2")] {
                let at = lines.iter().position(|line| line.starts_with(above));
                let next = at.and_then(|at| lines.get(at + 1));
                assert_eq!(next.map(|line| line.trim()), Some(mark), "{lines:?}");
            }
            assert_eq!(notes.len(), 2, "{notes:?}");
            for (note, (mark, above, below)) in notes
                .iter()
                .zip([("V", "A1M1D1", "A1M1D2"), ("X", "A1M1D2", "A1M1D3")])
            {
                for name in [mark, above, below] {
                    assert!(note.contains(&format!("`{name}`")), "{note}");
                }
            }
        }
    }

    #[test]
    fn marks_that_tell_their_side_are_read_without_notes() {
        for (header, rows) in languages() {
            // A mark below the last code too: each mark is its code's,
            // below it.
            let (lines, notes) = marks_between(header, &rows, 2.0, true);
            assert!(notes.is_empty(), "{notes:?}");
            for (code, _, mark) in &rows {
                let row = lines.iter().find(|line| line.starts_with(code));
                let cells: Vec<&str> = row.map(|row| row.split('\t').collect()).unwrap_or_default();
                assert_eq!(cells.last(), Some(mark), "{lines:?}");
            }
            // Marks nearer the code above (a line below it, two above the
            // next): no undecided mark.
            let (_, notes) = marks_between(header, &rows, 3.0, false);
            assert!(notes.is_empty(), "{notes:?}");
        }
    }

    #[test]
    fn undecided_marks_need_one_mark_halfway_in_every_gap() {
        let anchors = [
            piece("L1M1D1", 100.0),
            piece("L1M1D2", 124.0),
            piece("L1M1D3", 148.0),
        ];
        let anchors: Vec<&super::Fragment> = anchors.iter().collect();
        let lines = [100.0, 124.0, 148.0];
        let halfway = [piece("V", 112.0), piece("X", 136.0)];
        let got = super::undecided_marks(&halfway.iter().collect::<Vec<_>>(), &anchors, &lines);
        assert_eq!(
            got.iter().map(|(_, below)| *below).collect::<Vec<_>>(),
            [1, 2]
        );
        // A gap without a mark, a mark on a title's line, a mark nearer one
        // code, a month for a code: nothing undecided.
        let one = [piece("V", 112.0)];
        assert!(
            super::undecided_marks(&one.iter().collect::<Vec<_>>(), &anchors, &lines).is_empty()
        );
        let beside = [112.0, 100.0, 124.0, 148.0];
        assert!(
            super::undecided_marks(&halfway.iter().collect::<Vec<_>>(), &anchors, &beside)
                .is_empty()
        );
        let nearer = [piece("V", 106.0), piece("X", 136.0)];
        assert!(
            super::undecided_marks(&nearer.iter().collect::<Vec<_>>(), &anchors, &lines).is_empty()
        );
        let months = [
            piece("January", 100.0),
            piece("February", 124.0),
            piece("March", 148.0),
        ];
        let months: Vec<&super::Fragment> = months.iter().collect();
        assert!(
            super::undecided_marks(&halfway.iter().collect::<Vec<_>>(), &months, &lines).is_empty()
        );
    }

    /// Rows set closer (`gap`) than the lines within one cell (`pitch`):
    /// titles of one, two and three lines with the code alone on a line
    /// under each, a mark centred in each row.
    fn tight_rows() -> Vec<(&'static str, f32, f32)> {
        let (pitch, gap) = (14.0, 11.5);
        let rows: [(&[&str], &str, &str); 4] = [
            (&["Yearly meeting plan"], "L1M1D1", "V"),
            (&["Maps of the shore", "and its dunes"], "L1M1D2", "X"),
            (
                &[
                    "Training for the staff",
                    "of the member towns",
                    "and their partners",
                ],
                "L1M1D3",
                "0",
            ),
            (&["Final evaluation", "of the pilot"], "L1M1D4", "V"),
        ];
        let mut pieces = vec![("Deliverable", 120.0, 80.0), ("Status", 400.0, 80.0)];
        let mut y = 80.0 + gap;
        for (title, code, mark) in rows {
            let top = y;
            for line in title {
                pieces.push((*line, 120.0, y));
                y += pitch;
            }
            pieces.push((code, 120.0, y));
            pieces.push((mark, 400.0, (top + y) / 2.0));
            y += gap;
        }
        pieces
    }

    #[test]
    fn rows_set_tighter_than_their_lines_keep_their_titles() {
        let lines = rows(&tight_rows());
        for (code, title, mark) in [
            ("L1M1D1", "Yearly meeting plan", "V"),
            ("L1M1D2", "Maps of the shore and its dunes", "X"),
            (
                "L1M1D3",
                "Training for the staff of the member towns and their partners",
                "0",
            ),
            ("L1M1D4", "Final evaluation of the pilot", "V"),
        ] {
            let row = lines
                .iter()
                .find(|line| line.contains(code))
                .unwrap_or_else(|| panic!("{code} in {lines:?}"));
            assert!(row.contains(title), "{row:?} in {lines:?}");
            assert!(row.ends_with(&format!("\t{mark}")), "{row:?} in {lines:?}");
        }
    }

    #[test]
    fn a_block_that_opens_lower_case_continues_the_row_above() {
        assert!(super::continues(&piece("towns", 100.0)));
        assert!(!super::continues(&piece("Flood risk map", 100.0)));
        assert!(!super::continues(&piece("2024 review", 100.0)));
    }
}
