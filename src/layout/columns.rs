//! Columns: where a line can be cut into cells, from the edges that chunk
//! starts share across the document.

use std::cell::RefCell;
use std::cmp::Ordering;

use super::anchors::is_anchor;
use super::lines::{text_extent, TextLine};
use super::median;
use super::order::page_flows;
use super::thresholds::*;
use super::words::Word;
use crate::grammar;
use crate::grammar::is_code_word as is_code;
use crate::lexicon::CONVENTIONAL_MARKS;

impl TextLine {
    /// Left edges of the chunks after the first (a chunk follows a wide gap).
    ///
    /// A page number in the margin (`9` … `1.2 Metric spaces`) does not open
    /// a column: a lone number before the first gap is not a cell, unless a
    /// lettered code follows (a table's `No.` column before its codes) or
    /// every word of the line is a number (`5   2   1   1`, a row of
    /// figures under a totals table's header).
    ///
    /// Nor does a gap of justified text: justification widens every gap of a
    /// line alike, so a wide gap beside another of the same width, between
    /// words of different widths, is a stretched space, not a gutter (see
    /// [`is_justified_gap`](Self::is_justified_gap)).
    pub(super) fn chunk_starts(&self) -> Vec<f32> {
        let is_number = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
        let figures = self.words.iter().all(|word| is_number(&word.text));
        self.words
            .windows(2)
            .enumerate()
            .filter(|(index, pair)| {
                // A row number before a lettered code (`3   L1M2D1`) is a
                // table's numbering column, not a number in the margin.
                // Asked last: layout asks for the chunks of every line
                // several times, and a code or month lookup costs more
                // than the rest together.
                let before_code =
                    || is_anchor(&pair[1].text) && pair[1].text.chars().any(char::is_alphabetic);
                let margin_number = || {
                    *index == 0
                        && !figures
                        && pair[0].text.len() <= 4
                        && is_number(&pair[0].text)
                        && !before_code()
                };
                // A row number a word space before its code (a numbering
                // column set tight against the codes, or a positioned
                // text that kept one space of the gap) is a cell all the
                // same: a line opening on a bare number then a plan code is
                // a numbered row. Not before a month: `2 March` is a date.
                let numbered_code = || {
                    *index == 0
                        && pair[0].text.len() <= 4
                        && is_number(&pair[0].text)
                        && pair[1].x0 - pair[0].x1 >= WORD_GAP * self.size
                        && grammar::is_code_word(&pair[1].text)
                };
                (pair[1].x0 - pair[0].x1 > CELL_GAP * self.size && !margin_number()
                    || numbered_code())
                    && !self.is_justified_gap(*index)
            })
            .map(|(_, pair)| pair[1].x0)
            .collect()
    }

    /// Left edges of words after a narrow gutter: a gap of at least
    /// [`GUTTER_GAP`] sizes, not stretched by justification, wider than
    /// [`NARROW_GUTTER`] times the line's narrowest gap (its word space;
    /// a monospaced face's space is 0.6 em), and no cell gap (cells padded
    /// by less than half an em on each side). Not column edges of the
    /// document on their own: a bullet stands as far from its item's text.
    pub(super) fn narrow_starts(&self) -> Vec<f32> {
        let gaps: Vec<f32> = (0..self.words.len().saturating_sub(1))
            .filter_map(|index| self.gap_after(index))
            .collect();
        let space = gaps.iter().copied().fold(f32::INFINITY, f32::min);
        gaps.iter()
            .enumerate()
            .filter(|&(index, &gap)| {
                gap >= GUTTER_GAP * self.size
                    && gap <= CELL_GAP * self.size
                    && (gaps.len() < 2 || gap >= NARROW_GUTTER * space)
                    && !self.is_justified_gap(index)
            })
            .filter_map(|(index, _)| self.words.get(index + 1).map(|word| word.x0))
            .collect()
    }

    /// The gap after word `index`, when both words exist.
    fn gap_after(&self, index: usize) -> Option<f32> {
        let before = self.words.get(index)?;
        let after = self.words.get(index + 1)?;
        Some(after.x0 - before.x1)
    }

    /// Where the line's last word starts when it is a mark glued to the
    /// words before it: a status mark ([`is_mark_token`]) after a gap that
    /// parts two words ([`WORD_GAP`]) but is narrower than every other gap of
    /// the line ([`TIGHT_MARK`] of the narrowest): a title set flush right
    /// against a mark column. Justified text stretches every gap of a line
    /// alike and a ragged title's short last word stands a word space away:
    /// neither starts a mark here.
    pub(super) fn tight_mark_start(&self) -> Option<f32> {
        let count = self.words.len();
        let last = self.words.last()?;
        if count < 3 || !is_mark_token(&last.text) {
            return None;
        }
        let gap = self.gap_after(count - 2)?;
        let narrowest = (0..count - 2)
            .filter_map(|index| self.gap_after(index))
            .fold(f32::INFINITY, f32::min);
        (gap >= WORD_GAP * self.size && gap < TIGHT_MARK * narrowest).then_some(last.x0)
    }

    /// Where the line's last word starts when it is a status mark that
    /// tells where a mark column is: glued to the title before it
    /// ([`Self::tight_mark_start`]), or set apart from the words before it
    /// by a gutter ([`GUTTER_GAP`]) on a line that holds a row's code (a
    /// plan table's row: `X` or `0` a gutter after a formula or a contents
    /// line is no mark). A mark column learnt from either lets a mark that
    /// a long title ends only a word space before open its cell there
    /// ([`Self::mark_at_edge`]).
    pub(super) fn mark_start(&self) -> Option<f32> {
        self.tight_mark_start().or_else(|| {
            let count = self.words.len();
            let last = self.words.last()?;
            let gap = self.gap_after(count.checked_sub(2)?)?;
            (is_mark_token(&last.text)
                && gap >= GUTTER_GAP * self.size
                && self.words.iter().any(|word| is_code(&word.text)))
            .then_some(last.x0)
        })
    }

    /// Where the line's last word starts when it is a mark at one of the
    /// document's mark edges (see [`DocumentColumns::marks`]), a word gap at
    /// least after the word before it: the mark opens the mark column's
    /// cell however close the title ends.
    fn mark_at_edge(&self, document: &DocumentColumns) -> Option<f32> {
        let count = self.words.len();
        let last = self.words.last()?;
        let gap = self.gap_after(count.checked_sub(2)?)?;
        (gap >= WORD_GAP * self.size && is_mark_token(&last.text) && document.is_mark_edge(last.x0))
            .then_some(last.x0)
    }

    /// True when the gap after word `index` is a gutter narrower than a
    /// word space: cells padded by under a point, set justified or not. The
    /// word spaces of one cell's line are alike (justification stretches
    /// them all), so a gap far narrower than the spaces on both sides of
    /// it, [`SPACES_AROUND`] of them at least on each side, is no space
    /// between two words of one cell.
    fn is_below_its_spaces(&self, index: usize) -> bool {
        let Some(gap) = self.gap_after(index) else {
            return false;
        };
        let wider = |range: std::ops::Range<usize>| {
            let spaces: Vec<f32> = range.filter_map(|i| self.gap_after(i)).collect();
            spaces.len() >= SPACES_AROUND && spaces.iter().all(|&space| space >= BELOW_SPACES * gap)
        };
        wider(0..index) && wider(index + 1..self.words.len().saturating_sub(1))
    }

    /// True when the gap after word `index` is the word space of a
    /// monospaced line (every word of two characters or more as wide per
    /// character) set as wide as a narrow gutter: no cell gap, as narrow as the line's
    /// narrowest gap and as wide as another gap of the line (within
    /// [`SAME_SPACE`] em), between words of different widths (their
    /// pitches differ by more than [`JUSTIFIED_PITCH`] em; equal columns of
    /// equal tokens keep one pitch). A monospaced face spaces words by a
    /// whole advance, 0.6 em or more, wider than [`GUTTER_GAP`]: a column
    /// edge that falls on such a space (a header set right or centred over
    /// a title) does not cut the title there.
    fn is_wide_word_space(&self, index: usize) -> bool {
        let Some(gap) = self.gap_after(index) else {
            return false;
        };
        if gap < GUTTER_GAP * self.size || gap >= CELL_GAP * self.size {
            return false;
        }
        let tolerance = SAME_SPACE * self.size;
        let gaps: Vec<(usize, f32)> = (0..self.words.len().saturating_sub(1))
            .filter_map(|i| Some((i, self.gap_after(i)?)))
            .collect();
        let narrowest = gaps.iter().map(|&(_, g)| g).fold(f32::INFINITY, f32::min);
        let pitches: Vec<f32> = gaps
            .iter()
            .filter(|&&(_, g)| (g - gap).abs() <= tolerance)
            .filter_map(|&(i, _)| Some(self.words.get(i + 1)?.x0 - self.words.get(i)?.x0))
            .collect();
        let widest = pitches.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let least = pitches.iter().copied().fold(f32::INFINITY, f32::min);
        // Every word of two characters or more as wide per character: a
        // monospaced face (justification stretches a proportional face's
        // spaces alike too, and its gaps may be gutters).
        let advances: Vec<f32> = self
            .words
            .iter()
            .filter_map(|word| {
                let chars = word.text.chars().count();
                (chars >= 2).then(|| (word.x1 - word.x0) / chars as f32)
            })
            .collect();
        let monospaced = advances.len() >= 2
            && advances.iter().copied().fold(f32::NEG_INFINITY, f32::max)
                - advances.iter().copied().fold(f32::INFINITY, f32::min)
                <= tolerance;
        monospaced
            && gap - narrowest <= tolerance
            && pitches.len() >= 2
            && widest - least > JUSTIFIED_PITCH * self.size
    }

    /// True when the gap after word `index` is a space stretched by
    /// justification: it belongs to a run of two or more consecutive gaps as
    /// wide as it, within [`JUSTIFIED_SPREAD`] em, and the words' pitches
    /// (origin to origin) along that run differ by more than
    /// [`JUSTIFIED_PITCH`] em. Equal columns of equal tokens (`V  V  V`,
    /// `2018  2019  2020`) keep one pitch and stay cells; justified words
    /// have their own widths, hence their own pitches.
    ///
    /// Justification stretches every space of a text block's line, so the
    /// run's gap before a word that also stands beside a plain word space
    /// ([`PLAIN_SPACE`] em at most, clearly narrower than the run, as wide
    /// as the next space on that side) is no
    /// stretched space but the start (or end) of a block of unstretched
    /// words: a gutter that happens to be as wide as the others
    /// (`L1M1D1   V   Annual report on`, a code and a centred mark padded
    /// alike before a title: both gaps are gutters, as one alone is no
    /// run). The rest of the run is judged without it (a justified cell's
    /// line beside an unstretched one).
    pub(super) fn is_justified_gap(&self, index: usize) -> bool {
        let Some(gap) = self.gap_after(index) else {
            return false;
        };
        let alike = |other: usize| {
            self.gap_after(other)
                .is_some_and(|other_gap| (other_gap - gap).abs() <= JUSTIFIED_SPREAD * self.size)
        };
        let mut first = index;
        while first.checked_sub(1).is_some_and(alike) {
            first -= 1;
        }
        let mut last = index;
        while alike(last + 1) {
            last += 1;
        }
        let least_gap = (first..=last)
            .filter_map(|i| self.gap_after(i))
            .fold(f32::INFINITY, f32::min);
        // A plain space: narrow, and as wide as the next gap on the same
        // side (two word spaces of one unstretched block; a narrow gutter
        // after a justified cell's line is a gap of its own width).
        let plain = |other: Option<usize>, next: Option<usize>| {
            let (Some(other_gap), Some(next_gap)) = (
                other.and_then(|i| self.gap_after(i)),
                next.and_then(|i| self.gap_after(i)),
            ) else {
                return false;
            };
            other_gap <= PLAIN_SPACE * self.size
                && other_gap + JUSTIFIED_SPREAD * self.size < least_gap
                && (other_gap - next_gap).abs() <= JUSTIFIED_SPREAD * self.size
        };
        // The run's gap next to a plain space opens (or closes) a block of
        // unstretched words: a gutter, whatever the others are.
        if plain(Some(last + 1), Some(last + 2)) {
            if index == last {
                return false;
            }
            last -= 1;
        }
        if plain(first.checked_sub(1), first.checked_sub(2)) {
            if index == first {
                return false;
            }
            first += 1;
        }
        let pitches: Vec<f32> = (first..=last)
            .filter_map(|i| Some(self.words.get(i + 1)?.x0 - self.words.get(i)?.x0))
            .collect();
        let widest = pitches.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let narrowest = pitches.iter().copied().fold(f32::INFINITY, f32::min);
        last > first && widest - narrowest > JUSTIFIED_PITCH * self.size
    }

    /// Where new cells start on this line: after every wide gap, and at every
    /// known column edge of the document where a word starts after a gap
    /// wider than a word space (narrow gutters) and not stretched by
    /// justification, or where the line begins.
    pub(super) fn cell_starts(&self, document: &DocumentColumns) -> Vec<f32> {
        let mut starts = self.chunk_starts();
        // A code after a narrow gutter opens its cell on its own (a table
        // of one or two rows aligns too few lines to make an edge known).
        starts.extend(self.narrow_starts().into_iter().filter(|&x| {
            self.words
                .iter()
                .any(|word| word.x0 == x && grammar::is_code_word(&word.text))
        }));
        for (index, word) in self.words.iter().enumerate() {
            let after_gap = match index.checked_sub(1) {
                Some(before) => self.gap_after(before).is_some_and(|gap| {
                    (gap >= GUTTER_GAP * self.size
                        && !self.is_justified_gap(before)
                        && !self.is_wide_word_space(before))
                        || (gap >= WORD_GAP * self.size && is_code(&word.text))
                }),
                None => true,
            };
            if after_gap && document.is_edge(word.x0) {
                starts.push(word.x0);
            }
        }
        starts.extend(self.mark_at_edge(document));
        starts.retain(|&x| !document.is_margin(x));
        starts
    }

    /// Where `below` starts when it stands beside this line as the line of
    /// another cell of one table row, not as the next line of one column:
    /// its baseline is less than [`INTERLEAVED_PITCH`] sizes lower (half
    /// a line apart, as where two columns' lines alternate because no
    /// producer aligned their baselines) and every word of one line ends a
    /// gutter ([`GUTTER_GAP`]) left of where the other starts.
    pub(super) fn beside(&self, below: &TextLine) -> Option<f32> {
        let size = self.size.max(below.size);
        let pitch = below.y - self.y;
        if pitch <= SAME_LINE * size || pitch >= INTERLEAVED_PITCH * size {
            return None;
        }
        let extent = |line: &TextLine| Some((line.words.first()?.x0, line.words.last()?.x1));
        let ((left0, left1), (right0, right1)) = (extent(self)?, extent(below)?);
        let gutter = GUTTER_GAP * size;
        if left1 + gutter <= right0 {
            Some(right0)
        } else if right1 + gutter <= left0 {
            Some(left0)
        } else {
            None
        }
    }

    /// True when the line opens with a word of three letters or digits or
    /// more, one letter at least: text, not a number, bullet or mark set
    /// in the margin before it.
    pub(super) fn opens_with_text(&self) -> bool {
        self.words.first().is_some_and(|word| {
            word.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                && word.text.chars().any(char::is_alphabetic)
        })
    }

    /// True when the line can be cut at every one of `edges` and starts a
    /// word after a gutter (a gap wider than a word space, stretched or
    /// not) at one of them at least.
    pub(super) fn opens_cells_at(&self, edges: &[f32]) -> bool {
        let tolerance = EDGE_TOLERANCE * self.size;
        let opens = self.words.windows(2).any(|pair| {
            pair[1].x0 - pair[0].x1 >= GUTTER_GAP * self.size
                && edges
                    .iter()
                    .any(|&edge| (pair[1].x0 - edge).abs() <= tolerance)
        });
        opens && edges.iter().all(|&edge| self.fits_edge(edge))
    }

    /// How many cells `starts` (from [`cell_starts`](Self::cell_starts))
    /// cut the line into.
    pub(super) fn cell_count(&self, starts: &[f32]) -> usize {
        let first = self.words.first().map_or(f32::INFINITY, |w| w.x0);
        let tolerance = EDGE_TOLERANCE * self.size;
        let mut inner: Vec<f32> = starts
            .iter()
            .copied()
            .filter(|&x| x > first + tolerance)
            .collect();
        inner.sort_by(f32::total_cmp);
        inner.dedup_by(|a, b| (*a - *b).abs() <= tolerance);
        inner.len() + 1
    }

    /// True when `starts` (from [`cell_starts`](Self::cell_starts)) put words
    /// of this line in at least two cells.
    pub(super) fn is_tabular(&self, starts: &[f32]) -> bool {
        let first = self.words.first().map_or(f32::INFINITY, |w| w.x0);
        starts.iter().any(|&x| x > first)
    }

    /// True when a word of the line starts left of `edge` (beyond the
    /// tolerance of an edge) and ends right of it: the line runs into the
    /// column that starts there.
    pub(super) fn reaches_past(&self, edge: f32) -> bool {
        let tolerance = EDGE_TOLERANCE * self.size;
        self.words
            .iter()
            .any(|w| w.x0 < edge - tolerance && w.x1 > edge)
    }

    /// True when the line can be cut at `edge`: no word straddles it, and the
    /// gap around it is wider than a word space (a narrow gutter, an empty
    /// cell), not a space between two words of prose that happens to fall there;
    /// after a lone anchor that fills the first cell (`Septiembre • Foro…`),
    /// a word space is enough, and so is a gap far narrower than the word
    /// spaces on both sides of it (cells padded by under a point).
    pub(super) fn fits_edge(&self, edge: f32) -> bool {
        let tolerance = EDGE_TOLERANCE * self.size;
        if self
            .words
            .iter()
            .any(|w| w.x0 < edge - tolerance && w.x1 > edge + tolerance)
        {
            return false;
        }
        let Some(after) = self.words.iter().position(|w| w.x0 >= edge - tolerance) else {
            return true;
        };
        let Some(before) = after.checked_sub(1).and_then(|i| self.words.get(i)) else {
            return true;
        };
        // A lone anchor (a month, a code) that fills the first cell may end
        // a word space short of the next column, which starts at the edge;
        // so may a wrapped cell's line before a code that opens the next
        // column's cell (`responsibilities of every L3M1D1 Terms of…`).
        let lone_anchor = after == 1 && is_anchor(&before.text);
        let code_at_edge = self
            .words
            .get(after)
            .is_some_and(|word| opens_at(word, edge, self.size));
        // A mark that ends the line at the edge (a title set flush right
        // against the mark column) is its own cell after a word gap.
        let mark_at_edge = after + 1 == self.words.len()
            && self.words.get(after).is_some_and(|word| {
                (word.x0 - edge).abs() <= MARK_EDGE_SPREAD * self.size && is_mark_token(&word.text)
            });
        let relaxed =
            lone_anchor || code_at_edge || mark_at_edge || self.is_below_its_spaces(after - 1);
        let least = if relaxed { WORD_GAP } else { GUTTER_GAP };
        (relaxed || !self.is_wide_word_space(after - 1))
            && self
                .words
                .get(after)
                .is_some_and(|word| word.x0 - before.x1 >= least * self.size)
    }
}

/// True when `word` is a hierarchical code (`L3M1D1`, not a month) that
/// starts at `edge`: a code opens its cell, so a word space before it is
/// enough of a gutter there.
fn opens_at(word: &Word, edge: f32, size: f32) -> bool {
    (word.x0 - edge).abs() <= EDGE_TOLERANCE * size && is_code(&word.text)
}

/// True when `text` can be a status mark printed in a column of its own:
/// one of the conventional marks (`V`, `0`, `×`, `✓`…), or `*` or `?` (a
/// status left to the totals, or unknown). Other symbols stay words: a
/// formula's `∅` or `→` ends lines at one x as often as a mark does.
pub(super) fn is_mark_token(text: &str) -> bool {
    matches!(text, "*" | "?") || CONVENTIONAL_MARKS.iter().any(|mark| mark.mark == text)
}

/// What the whole document says about columns.
#[derive(Debug, Default)]
pub(super) struct DocumentColumns {
    /// Left edges of columns seen on at least three lines: a table continued
    /// on the next page starts at them even when its first lines hold a
    /// single column.
    pub(super) edges: Vec<(f32, f32)>,
    /// Left margins of the prose (where wide single-chunk lines start): a
    /// chunk starting there is a paragraph after a figure or a number in the
    /// margin, never a new column.
    pub(super) margins: Vec<(f32, f32)>,
    /// Left edges of mark columns: where the marks of [`TIGHT_MARKS`] lines
    /// or more start within [`MARK_EDGE_SPREAD`] sizes of each other, set
    /// against their titles or a gutter away (see
    /// [`TextLine::mark_start`]). Many rows' marks at one x tell a column
    /// that no single line's gap can (a long title that ends a word space
    /// before its mark).
    pub(super) marks: Vec<(f32, f32)>,
    /// When recording, every question asked through [`is_edge`](Self::is_edge)
    /// and [`is_margin`](Self::is_margin) with its answer, so a page laid out
    /// with provisional columns can be checked against the final ones.
    asked: Option<RefCell<Vec<Asked>>>,
}

/// One question asked of [`DocumentColumns`]: whether `x` is near an edge,
/// a margin or a mark edge, and the answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Asked {
    pub(super) x: f32,
    pub(super) about: Positions,
    pub(super) answer: bool,
}

/// Which positions of [`DocumentColumns`] a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Positions {
    Edges,
    Margins,
    Marks,
}

/// What one page's lines tell about columns: the width of its text, the
/// starts of its wide prose lines (with their widths) and of its chunks,
/// with their font sizes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct ColumnPart {
    pub(super) width: f32,
    pub(super) prose: Vec<ProseStart>,
    pub(super) starts: Vec<(f32, f32)>,
    /// Where marks that tell a mark column start (see [`mark_starts`]),
    /// with their lines' font sizes.
    pub(super) marks: Vec<(f32, f32)>,
}

/// Where a line without wide gaps starts, how wide it is, and its font size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ProseStart {
    pub(super) x: f32,
    pub(super) width: f32,
    pub(super) size: f32,
}

impl ColumnPart {
    pub(super) fn of(lines: &[TextLine]) -> Self {
        let mut prose = Vec::new();
        let (left, right) = text_extent(lines);
        let width = (right - left).max(0.0);
        // Where the page's text starts: the leftmost line that opens with
        // words (a number or a bullet alone in the margin does not count).
        let text_left = lines
            .iter()
            .filter(|line| line.opens_with_text())
            .filter_map(|line| line.words.first().map(|word| (word.x0, line.size)))
            .fold(f32::INFINITY, |least, (x0, size)| {
                least.min(x0 + EDGE_TOLERANCE * size)
            });
        for line in lines {
            let (Some(first), Some(last)) = (line.words.first(), line.words.last()) else {
                continue;
            };
            let line_width = last.x1 - first.x0;
            // A wide line that starts right of where the page's text starts
            // is a column's (a table's long titles beside the measures'
            // column, a block of wrapped titles), not the prose margin: its
            // start stays a column edge.
            let at_margin = first.x0 <= text_left;
            if line.chunk_starts().is_empty() && line_width >= PROSE_WIDTH * width && at_margin {
                prose.push(ProseStart {
                    x: first.x0,
                    width: line_width,
                    size: line.size,
                });
            }
        }
        // A line beside another whose baseline alternates with it starts a
        // column as a chunk after a wide gap does.
        let beside = lines.windows(2).filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            Some((above.beside(below)?, above.size.max(below.size)))
        });
        let starts = lines
            .iter()
            .flat_map(|line| line.chunk_starts().into_iter().map(|x| (x, line.size)))
            .chain(beside)
            .collect();
        let marks = mark_starts(lines);
        Self {
            width: if width.is_finite() { width } else { 0.0 },
            prose,
            starts,
            marks,
        }
    }
}

impl DocumentColumns {
    pub(super) fn new(lined: &[Vec<TextLine>]) -> Self {
        let parts: Vec<ColumnPart> = lined.iter().map(|lines| ColumnPart::of(lines)).collect();
        Self::from_parts(parts.iter())
    }

    /// The columns of a document whose pages gave `parts`, in page order.
    pub(super) fn from_parts<'a>(parts: impl Iterator<Item = &'a ColumnPart> + Clone) -> Self {
        // A page whose text is one column of a table (the rest of a long
        // cell) is narrower than the document's usual page: its lines are wide
        // for that page only, and their start is a column edge, not a margin.
        let usual_width = median(
            parts
                .clone()
                .map(|part| part.width)
                .filter(|&width| width > 0.0),
        );
        let prose = parts.clone().flat_map(|part| {
            let width = part.width.max(usual_width);
            part.prose
                .iter()
                .filter(move |line| line.width >= PROSE_WIDTH * width)
                .map(|line| (line.x, line.size))
        });
        // The dominant margin, and any other nearly as common (odd and even pages).
        let prose_clusters = clusters(prose.collect());
        let most = prose_clusters.iter().map(|c| c.2).max().unwrap_or(0);
        let margins: Vec<(f32, f32)> = prose_clusters
            .into_iter()
            .filter(|c| c.2 * 2 >= most)
            .map(|(x, size, _)| (x, size))
            .collect();
        let marks = mark_edges(
            parts
                .clone()
                .flat_map(|part| part.marks.iter().copied())
                .collect(),
        );
        let starts = parts
            .flat_map(|part| part.starts.iter().copied())
            .filter(|&(x, _)| !near(&margins, x))
            .collect();
        let mut edges: Vec<(f32, f32)> = clusters(starts)
            .into_iter()
            .map(|(x, size, _)| (x, size))
            .collect();
        let new_marks: Vec<(f32, f32)> = marks
            .iter()
            .copied()
            .filter(|&(x, _)| !near(&edges, x))
            .collect();
        edges.extend(new_marks);
        Self {
            edges,
            margins,
            marks,
            asked: None,
        }
    }

    /// These columns, recording every question asked of them from now on.
    pub(super) fn recording(self) -> Self {
        Self {
            asked: Some(RefCell::default()),
            ..self
        }
    }

    /// The questions recorded since the last call (none when not recording).
    pub(super) fn take_asked(&self) -> Vec<Asked> {
        self.asked.as_ref().map(RefCell::take).unwrap_or_default()
    }

    /// True when `x` is at a column edge of the document.
    pub(super) fn is_edge(&self, x: f32) -> bool {
        self.answer(x, Positions::Edges)
    }

    /// True when `x` is at a left margin of the document's prose.
    pub(super) fn is_margin(&self, x: f32) -> bool {
        self.answer(x, Positions::Margins)
    }

    /// True when `x` is at a mark edge of the document (within
    /// [`MARK_EDGE_SPREAD`] sizes).
    pub(super) fn is_mark_edge(&self, x: f32) -> bool {
        self.answer(x, Positions::Marks)
    }

    fn knows(&self, x: f32, about: Positions) -> bool {
        match about {
            Positions::Edges => near(&self.edges, x),
            Positions::Margins => near(&self.margins, x),
            Positions::Marks => self
                .marks
                .iter()
                .any(|&(position, size)| (position - x).abs() <= MARK_EDGE_SPREAD * size),
        }
    }

    fn answer(&self, x: f32, about: Positions) -> bool {
        let answer = self.knows(x, about);
        if let Some(asked) = &self.asked {
            asked.borrow_mut().push(Asked { x, about, answer });
        }
        answer
    }

    /// True when every recorded question gets the same answer from these
    /// columns.
    pub(super) fn answers_as(&self, asked: &[Asked]) -> bool {
        asked
            .iter()
            .all(|question| self.knows(question.x, question.about) == question.answer)
    }
}

/// The column edge `edge` moved to the gutter it stands for, when the
/// lines of `run` cannot all be cut there: a cell start only tells where
/// one line's cell begins, and a centred or right-aligned column starts
/// its lines at different places (Nurminen's edge types: left, right and
/// centre edges all bound one gutter). The gutter is a band of whitespace
/// that no word of the run covers, at least [`GUTTER_GAP`] sizes wide,
/// left of `edge`, and empty on every line that starts a word at `edge`
/// from the band up to that word (the band is part of that line's gap).
/// The edge lands inside the band so that [`fragments`] (which takes a
/// word within [`EDGE_TOLERANCE`] left of an edge as starting there)
/// puts every word right of the band in the next column and every word
/// left of it in the column before. `None` when no such band exists.
///
/// [`fragments`]: super::tables::fragments
pub(super) fn gutter_edge(run: &[TextLine], edge: f32) -> Option<f32> {
    let size = median(run.iter().map(|line| line.size));
    let tolerance = EDGE_TOLERANCE * size;
    let mut words: Vec<(f32, f32)> = run
        .iter()
        .flat_map(|line| line.words.iter().map(|w| (w.x0, w.x1)))
        .collect();
    words.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Bands between the words of the run, left to right.
    let mut bands: Vec<(f32, f32)> = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (x0, x1) in words {
        if reach.is_finite() && x0 - reach >= GUTTER_GAP * size {
            bands.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    // The last word before `edge` on each line that starts a cell there
    // (a word after a gutter; a word after a word space that happens to
    // start there is a line that cannot be cut at `edge`).
    let mut supported = false;
    let mut before = f32::NEG_INFINITY;
    for line in run {
        let at = line.words.iter().enumerate().find(|(index, w)| {
            (w.x0 - edge).abs() <= EDGE_TOLERANCE * line.size
                && index
                    .checked_sub(1)
                    .and_then(|i| line.gap_after(i))
                    .is_none_or(|gap| gap >= GUTTER_GAP * line.size)
        });
        let Some((at, _)) = at else {
            continue;
        };
        supported = true;
        if let Some(previous) = at.checked_sub(1).and_then(|i| line.words.get(i)) {
            before = before.max(previous.x1);
        }
    }
    if !supported {
        return None;
    }
    bands
        .into_iter()
        .rev()
        .find(|&(left, right)| left >= before && right <= edge + tolerance)
        .map(|(left, right)| right.max(left + tolerance))
}

/// Which lines cross each candidate page gutter of a page (see
/// `order::page_flows`): candidate `at` is the band [`PAGE_GUTTER`] em wide
/// around `gutters[at]`. A line crosses it when a word starts in the band or
/// runs through it; with `overflow`, a word that starts left of the band
/// and ends at most [`PAGE_OVERFLOW`] em past it (a column too wide for its
/// page column, running into the gutter) does not cross, but still keeps
/// its line from leaving the band wholly clear, as two lines in three must.
pub(super) struct GutterCrossings {
    lines: usize,
    overflow: bool,
    /// `crossed[at * lines + index]`: line `index` crosses candidate `at`.
    crossed: Vec<bool>,
    /// `touched[at * lines + index]`: a word of line `index` reaches into
    /// candidate `at` at all (only kept with `overflow`).
    touched: Vec<bool>,
}

impl GutterCrossings {
    pub(super) fn of(lines: &[TextLine], gutters: &[f32], overflow: bool) -> Self {
        let count = lines.len();
        let mut crossed = vec![false; gutters.len() * count];
        let mut touched = if overflow {
            vec![false; gutters.len() * count]
        } else {
            Vec::new()
        };
        // A word crosses the gutters of one run of them (its ends compare
        // monotonically with `x`), found by bisection rather than by
        // testing every word at every gutter.
        for (index, line) in lines.iter().enumerate() {
            let half = PAGE_GUTTER * line.size / 2.0;
            let past = half + PAGE_OVERFLOW * line.size;
            for word in &line.words {
                let from = gutters
                    .partition_point(|&x| word.x0.partial_cmp(&(x + half)) != Some(Ordering::Less));
                let to = gutters.partition_point(|&x| word.x1 > x - half);
                // With `overflow`, the gutters this word only overflows
                // (it starts left of their band and ends within
                // `PAGE_OVERFLOW` past it) come last in `from..to`.
                let crossing = if overflow {
                    gutters
                        .get(from..to)
                        .unwrap_or_default()
                        .partition_point(|&x| word.x0 > x - half || word.x1 > x + past)
                } else {
                    to.saturating_sub(from)
                };
                for at in from..to {
                    if at < from + crossing {
                        crossed[at * count + index] = true;
                    }
                    if let Some(touch) = touched.get_mut(at * count + index) {
                        *touch = true;
                    }
                }
            }
        }
        Self {
            lines: count,
            overflow,
            crossed,
            touched,
        }
    }

    /// Which lines cross candidate `at`, when it may be a page gutter:
    /// three lines in five at least do not cross it, and, with `overflow`,
    /// two lines in three at least leave it wholly clear (the clear
    /// majority decides where the gutter is).
    pub(super) fn crossing(&self, at: usize) -> Option<&[bool]> {
        let range = at * self.lines..(at + 1) * self.lines;
        let crossing = self.crossed.get(range.clone())?;
        let clear = crossing.iter().filter(|&&crossed| !crossed).count();
        if clear * 5 < self.lines * 3 {
            return None;
        }
        if self.overflow {
            let touching = self.touched.get(range)?;
            let untouched = touching.iter().filter(|&&touched| !touched).count();
            if untouched * 3 < self.lines * 2 {
                return None;
            }
        }
        Some(crossing)
    }
}

/// Where the marks of `lines` start that tell a mark column (see
/// [`TextLine::mark_start`]), with their lines' font sizes. A mark column
/// never crosses a page column boundary: on a page set in columns
/// ([`page_flows`]) each page column's lines are read on their own, so the
/// gap before a mark is one within its page column (a word that opens the
/// next page column after the page gutter is no mark a gutter away, and the
/// last word of a whole line is the rightmost page column's). Pages without
/// a word that could be such a mark skip the search for page columns.
fn mark_starts(lines: &[TextLine]) -> Vec<(f32, f32)> {
    let spaced_mark = |line: &TextLine| {
        line.words.windows(2).any(|pair| {
            is_mark_token(&pair[1].text) && pair[1].x0 - pair[0].x1 >= WORD_GAP * line.size
        })
    };
    if !lines.iter().any(spaced_mark) {
        return Vec::new();
    }
    page_flows(lines)
        .iter()
        .flatten()
        .filter_map(|line| Some((line.mark_start()?, line.size)))
        .collect()
}

/// The marks that the whole lines of a page set in page columns would tell
/// a mark column with, and that their page column does not (the guard of
/// [`mark_starts`]): a status mark that opens the next page column a
/// gutter after a code's row. Each as its line's baseline and the mark.
pub(super) fn marks_between_page_columns(
    lines: &[TextLine],
    flows: &[Vec<TextLine>],
) -> Vec<(f32, String)> {
    if flows.iter().filter(|flow| !flow.is_empty()).count() < 2 {
        return Vec::new();
    }
    lines
        .iter()
        .filter_map(|line| {
            let x = line.mark_start()?;
            let mark = line.words.last()?;
            let in_its_column = flows.iter().flatten().any(|part| {
                part.y == line.y
                    && part.words.iter().any(|word| word.x0 == x)
                    && part.mark_start() == Some(x)
            });
            (!in_its_column).then(|| (line.y, mark.text.clone()))
        })
        .collect()
}

/// True when `x` is within tolerance of one of `positions` (x, font size).
pub(super) fn near(positions: &[(f32, f32)], x: f32) -> bool {
    positions
        .iter()
        .any(|&(position, size)| (position - x).abs() <= EDGE_TOLERANCE * size)
}

/// Groups nearby positions (x, font size); every group of three or more
/// becomes one position, its median, with the group's size.
pub(super) fn clusters(mut starts: Vec<(f32, f32)>) -> Vec<(f32, f32, usize)> {
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut edges = Vec::new();
    let mut group: Vec<(f32, f32)> = Vec::new();
    for start in starts {
        let joins = group
            .last()
            .is_some_and(|last| start.0 - last.0 <= EDGE_TOLERANCE * last.1);
        if !joins {
            close_edge_group(&mut edges, &group);
            group.clear();
        }
        group.push(start);
    }
    close_edge_group(&mut edges, &group);
    edges
}

/// The mark edges among mark starts (x, font size): every run of
/// [`TIGHT_MARKS`] starts or more, each within [`MARK_EDGE_SPREAD`] sizes
/// of the run's first, as its median. Marks of one column start at one x
/// (or, centred, within a glyph's width difference); the last words of
/// ragged titles do not line up so closely on so many lines.
fn mark_edges(mut starts: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut edges = Vec::new();
    let mut rest = starts.as_slice();
    while let Some(&(first, size)) = rest.first() {
        let run = rest
            .iter()
            .take_while(|&&(x, _)| x - first <= MARK_EDGE_SPREAD * size)
            .count();
        if run >= TIGHT_MARKS {
            let group = rest.get(..run).unwrap_or_default();
            edges.push((
                median(group.iter().map(|g| g.0)),
                median(group.iter().map(|g| g.1)),
            ));
        }
        rest = rest.get(run.max(1)..).unwrap_or_default();
    }
    edges
}

/// Keeps a group of nearby chunk starts as one edge when it has three or more.
pub(super) fn close_edge_group(edges: &mut Vec<(f32, f32, usize)>, group: &[(f32, f32)]) {
    if group.len() >= 3 {
        edges.push((
            median(group.iter().map(|g| g.0)),
            median(group.iter().map(|g| g.1)),
            group.len(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::lay_out;
    use crate::read::GlyphPage;

    use crate::layout::tests::word;

    /// Words set from `x`, each `(text, x0)` six points (0.6 em) wide per
    /// character: a monospaced face.
    fn mono(page: &mut GlyphPage, words: &[(&str, f32)], y: f32) {
        for &(text, x) in words {
            for (i, c) in text.chars().enumerate() {
                page.push(&c.to_string(), x + 6.0 * i as f32, y, 6.0, 10.0);
            }
        }
    }

    #[test]
    fn a_header_set_over_a_monospaced_word_space_does_not_cut_the_title() {
        // Word spaces of 0.6 em (6 points): the header centred over the
        // title starts where `anual` does, a word space after `De`.
        for (words, cut) in [
            (
                vec![("De", 160.0), ("anual", 178.0), ("informe", 214.0)],
                178.0,
            ),
            (
                vec![("Key", 160.0), ("urban", 184.0), ("plan", 220.0)],
                184.0,
            ),
        ] {
            let mut page = GlyphPage {
                width: 600.0,
                height: 800.0,
                ..GlyphPage::default()
            };
            mono(
                &mut page,
                &[("Code", 50.0), ("Status", 100.0), ("Deliverable", cut)],
                100.0,
            );
            let mut row = vec![("L1M1D1", 50.0), ("V", 115.0)];
            row.extend(words.iter().copied());
            mono(&mut page, &row, 120.0);
            let text = lay_out(&[&page]).remove(0).text;
            let title: Vec<&str> = words.iter().map(|&(w, _)| w).collect();
            let row_line = text.lines().nth(1).unwrap_or_default();
            assert_eq!(
                row_line.rsplit('\t').next(),
                Some(title.join(" ").as_str()),
                "{text}"
            );
        }
    }

    /// A one-row table under its header (no heading over the marks): code,
    /// mark and title set
    /// `gutter` points apart (equal gutters: the code and mark cells padded
    /// alike), the title wrapping one word onto a second line.
    fn equal_gutters(gutter: f32) -> GlyphPage {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        let (code, mark, title) = (50.0, 80.0 + gutter, 85.0 + 2.0 * gutter);
        word(&mut page, "Code", 50.0, 100.0);
        word(&mut page, "Deliverable", title, 100.0);
        word(&mut page, "L1M1D1", code, 120.0);
        word(&mut page, "V", mark, 120.0);
        word(&mut page, "Annual report on urban", title, 120.0);
        word(&mut page, "governance", title, 132.0);
        page
    }

    #[test]
    fn equal_gutters_beside_plain_word_spaces_are_columns_not_justified_text() {
        // The gutters are alike and the words' pitches differ, as in a
        // justified line; but the title's words stand a plain space apart,
        // which justification would have stretched too.
        for gutter in [15.0, 20.0, 30.0] {
            let laid = lay_out(&[&equal_gutters(gutter)]).remove(0);
            let lines: Vec<&str> = laid.text.lines().collect();
            assert!(
                lines.contains(&"L1M1D1\tV\tAnnual report on urban governance"),
                "gutter {gutter}: {lines:#?}"
            );
        }
    }

    /// A table of measures beside deliverables whose titles wrap nearly
    /// across the page, a first row's mark centred on a baseline of its
    /// own: many lines of the titles' column are single wide chunks, as
    /// prose lines are. The measures' column starts further left on the same page, so
    /// the titles' start is a column edge, not the prose margin, and the
    /// measure stays out of the title's cell.
    #[test]
    fn wide_titles_right_of_a_column_of_measures_are_a_column_not_the_margin() {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        let title = "Documento de funciones de las secretarias regionales";
        let rows = [
            ("L1M1 Que se definan", "L1M1D1", "V"),
            ("L1M2 Que se pacten", "L1M2D1", "X"),
            ("L1M3 Que se mapeen", "L1M3D1", "V"),
        ];
        let mut y = 100.0;
        for (measure, code, mark) in rows {
            word(&mut page, measure, 50.0, y);
            word(&mut page, &format!("{code} {title}"), 160.0, y);
            word(&mut page, "las funciones", 50.0, y + 12.0);
            word(&mut page, mark, 520.0, y + 18.0);
            word(&mut page, "de cada uno.", 50.0, y + 24.0);
            y += 40.0;
            for extra in 2..4 {
                let code = format!("{}{extra}", &code[..code.len() - 1]);
                word(&mut page, &format!("{code} Calendario anual"), 160.0, y);
                word(&mut page, mark, 520.0, y);
                word(
                    &mut page,
                    &format!("{title} y de la asamblea"),
                    160.0,
                    y + 12.0,
                );
                y += 28.0;
            }
        }
        let laid = lay_out(&[&page]).remove(0);
        let lines: Vec<&str> = laid.text.lines().collect();
        for (measure, code, mark) in rows {
            let row = format!("{measure} las funciones de cada uno.\t{code} {title}\t{mark}");
            assert!(lines.contains(&row.as_str()), "{row:?} in {lines:#?}");
        }
    }

    /// One line of two justified cells `gutter` points apart at `edge`
    /// (150): the measure's words stretched 6 points apart, the title's 5.
    fn tight_line(gutter: f32) -> crate::layout::lines::TextLine {
        let spans = [
            ("que", 50.0, 65.0),
            ("los", 71.0, 86.0),
            ("miembros", 92.0, 132.0),
            ("sean", 138.0, 150.0),
            ("Informe", 150.0 + gutter, 185.0),
            ("anual", 190.0, 215.0),
            ("de", 220.0, 230.0),
            ("la", 235.0, 245.0),
        ];
        crate::layout::lines::TextLine {
            y: 100.0,
            size: 10.0,
            words: spans
                .iter()
                .map(|&(text, x0, x1)| {
                    crate::layout::words::Word::unweighed(text.to_owned(), x0, x1, 10.0)
                })
                .collect(),
        }
    }

    #[test]
    fn a_gutter_narrower_than_the_word_spaces_around_it_cuts_the_line() {
        // 2 points between two cells whose words stand 5 and 6 points
        // apart: no space of either cell, so the known edge cuts the line.
        let edge = 152.0;
        assert!(tight_line(2.0).fits_edge(edge));
        // A gap as wide as the spaces around it is one of them: a word of
        // prose that happens to start at an edge.
        assert!(!tight_line(5.0).fits_edge(155.0));
    }

    /// Rows of a table whose titles are set flush right against the mark
    /// column, each title ending two points (0.2 em) before `marks_x` where
    /// its mark starts; the words of the titles stand a word space (half an
    /// em) apart. Titles of two lines carry the mark on the first; the
    /// second line joins the title's cell.
    fn flush_right_rows(marks_x: f32) -> (GlyphPage, Vec<String>) {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        let titles = [
            ("L1M1D1", "Calendario de eventos", "V"),
            ("L1M1D2", "Documentos de posición sobre", "×"),
            ("L1M2D1", "Debates en el seno de las reuniones", "0"),
            ("L1M2D2", "Estrategia de presión", "V"),
        ];
        let mut want = Vec::new();
        let mut y = 100.0;
        for (n, (code, title, mark)) in titles.into_iter().enumerate() {
            let title = format!("{title} anual");
            let right = marks_x - 2.0;
            word(&mut page, code, 50.0, y);
            word(
                &mut page,
                &title,
                right - title.chars().count() as f32 * 5.0,
                y,
            );
            word(&mut page, mark, marks_x, y);
            if n % 2 == 1 {
                let more = "de la asamblea";
                word(&mut page, more, right - more.len() as f32 * 5.0, y + 12.0);
                want.push(format!("{code}\t{title} {more}\t{mark}"));
                y += 12.0;
            } else {
                want.push(format!("{code}\t{title}\t{mark}"));
            }
            y += 20.0;
        }
        (page, want)
    }

    #[test]
    fn marks_set_against_flush_right_titles_are_a_column_of_their_own() {
        let (page, want) = flush_right_rows(450.0);
        let laid = lay_out(&[&page]).remove(0);
        let lines: Vec<&str> = laid.text.lines().collect();
        for row in &want {
            assert!(lines.contains(&row.as_str()), "{row:?} in {lines:#?}");
        }
    }

    #[test]
    fn a_mark_a_word_space_after_a_long_title_opens_the_mark_column_it_lines_up_with() {
        // Marks a gutter away from short titles, all starting at 400; the
        // last title runs to a word space (half an em) before its mark.
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        // 55 letters and spaces from 120: the title ends at 395.
        let long = "Observatorio y plataforma como conjunto acordado de los";
        let rows = [
            ("L1M1D1", "Calendario anual", "V"),
            ("L1M1D2", "Documentos de posición", "0"),
            ("L1M1D3", "Debates políticos", "V"),
            ("L1M1D4", long, "V"),
            ("L1M1D5", "Estrategia de presión", "×"),
        ];
        for (n, (code, title, mark)) in rows.iter().enumerate() {
            let y = 100.0 + n as f32 * 20.0;
            word(&mut page, code, 50.0, y);
            word(&mut page, title, 120.0, y);
            word(&mut page, mark, 400.0, y);
        }
        let laid = lay_out(&[&page]).remove(0);
        let lines: Vec<&str> = laid.text.lines().collect();
        for (code, title, mark) in rows {
            let row = format!("{code}\t{title}\t{mark}");
            assert!(lines.contains(&row.as_str()), "{row:?} in {lines:#?}");
        }
    }

    /// A page in two page columns, each holding a table of its own: codes,
    /// short titles and marks a gutter away. The long title of the left
    /// column's row `long_at` ends a word space (half an em) before its
    /// mark. Returns the rows each column should give.
    fn two_page_columns(long_at: usize) -> (GlyphPage, Vec<String>) {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        // 28 letters and spaces from 100: the title ends at 240.
        let long = "Observatorio de metrópolis y";
        let titles = [
            "Calendario",
            "Debates",
            "Informes",
            "Estrategia",
            "Planes",
            "Web",
        ];
        let marks = ["V", "0", "×", "V", "V", "0"];
        let mut want = Vec::new();
        for (n, (title, mark)) in titles.iter().zip(marks).enumerate() {
            let y = 100.0 + n as f32 * 20.0;
            let (left, right) = (format!("L1M1D{}", n + 1), format!("L2M1D{}", n + 1));
            let title_left = if n == long_at { long } else { title };
            word(&mut page, &left, 50.0, y);
            word(&mut page, title_left, 100.0, y);
            word(&mut page, mark, 245.0, y);
            // The right column's rows at baselines of their own (page
            // columns set their lines independently).
            word(&mut page, &right, 320.0, y + 10.0);
            word(&mut page, title, 370.0, y + 10.0);
            word(&mut page, mark, 530.0, y + 10.0);
            want.push(format!("{left}\t{title_left}\t{mark}"));
            want.push(format!("{right}\t{title}\t{mark}"));
        }
        (page, want)
    }

    #[test]
    fn a_mark_column_is_learnt_within_its_page_column() {
        // The left column's marks are no line's last word across the page;
        // read within their page column they make a mark column, so the
        // long title's mark a word space away still opens its cell.
        let (page, want) = two_page_columns(2);
        let laid = lay_out(&[&page]).remove(0);
        let lines: Vec<&str> = laid.text.lines().collect();
        for row in &want {
            assert!(lines.contains(&row.as_str()), "{row:?} in {lines:#?}");
        }
    }

    #[test]
    fn a_title_ending_in_a_short_word_a_space_away_keeps_it() {
        // Right-aligned lines ending in `o` (Spanish "or") a word space
        // after the word before: the last words line up, but no gap is
        // narrower than a word space, so no mark column is learnt.
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        let lines = [
            "Documentos de posición o",
            "Debates en el seno o",
            "Estrategia o",
            "Planes de alianza o",
        ];
        for (n, line) in lines.iter().enumerate() {
            let x = 455.0 - line.chars().count() as f32 * 5.0;
            word(&mut page, line, x, 100.0 + n as f32 * 14.0);
        }
        let laid = lay_out(&[&page]).remove(0);
        for line in lines {
            assert!(
                laid.text.lines().any(|got| got == line),
                "{line:?} in {:?}",
                laid.text
            );
        }
    }

    /// A line of 10-point words at `y` = 100, each `(text, x0, x1)`.
    fn line(words: &[(&str, f32, f32)]) -> crate::layout::lines::TextLine {
        crate::layout::lines::TextLine {
            y: 100.0,
            size: 10.0,
            words: words
                .iter()
                .map(|&(text, x0, x1)| {
                    crate::layout::words::Word::unweighed(text.to_owned(), x0, x1, 10.0)
                })
                .collect(),
        }
    }

    #[test]
    fn a_mark_a_gutter_away_is_learnt_only_on_a_row_with_a_code() {
        let row = line(&[
            ("L1M1D1", 50.0, 80.0),
            ("Plan", 100.0, 120.0),
            ("anual", 125.0, 150.0),
            ("V", 170.0, 175.0),
        ]);
        assert_eq!(row.mark_start(), Some(170.0));
        // A formula's `X` a gutter after its words: no row, no mark.
        let formula = line(&[
            ("sei", 100.0, 115.0),
            ("U", 120.0, 125.0),
            ("X", 170.0, 175.0),
        ]);
        assert_eq!(formula.mark_start(), None);
    }

    #[test]
    fn a_glued_mark_is_learnt_only_where_many_rows_share_its_x() {
        let glued = line(&[
            ("Plan", 100.0, 120.0),
            ("anual", 125.0, 150.0),
            ("V", 152.0, 157.0),
        ]);
        assert_eq!(glued.tight_mark_start(), Some(152.0));
        // A word space before the mark, or a word that is no mark.
        let spaced = line(&[
            ("Plan", 100.0, 120.0),
            ("anual", 125.0, 150.0),
            ("V", 155.0, 160.0),
        ]);
        assert_eq!(spaced.tight_mark_start(), None);
        let letter = line(&[
            ("Plan", 100.0, 120.0),
            ("anual", 125.0, 150.0),
            ("a", 152.0, 157.0),
        ]);
        assert_eq!(letter.tight_mark_start(), None);
        // Three starts within a quarter em make an edge; two, or three
        // spread over a word's width, do not.
        assert_eq!(
            super::mark_edges(vec![(152.0, 10.0), (152.5, 10.0), (153.0, 10.0)]).len(),
            1
        );
        assert!(super::mark_edges(vec![(152.0, 10.0), (152.5, 10.0)]).is_empty());
        assert!(super::mark_edges(vec![(152.0, 10.0), (156.0, 10.0), (160.0, 10.0)]).is_empty());
    }
}
