//! Lines: glyphs sharing a baseline, top to bottom, words left to right.

use super::cuts::rejoin_cut_codes;
use super::margin_numbers::strip_line_numbers;
use super::median;
use super::thresholds::*;
use super::weight::{Advances, Span};
use super::words::{note_call_base, words, Spaces, Word};
use crate::grammar;
use crate::read::{Glyph, GlyphPage};

/// Glyphs sharing a baseline, as words from left to right.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TextLine {
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) words: Vec<Word>,
}

impl TextLine {
    /// The words, a tab before each one that starts a new chunk (after a
    /// wide gap that justification did not stretch).
    pub(super) fn plain(&self) -> String {
        self.marked(&[], Span::default())
    }

    /// The words in chunks: a new chunk after every wide gap, unless it is
    /// one of a run of three or more stretched by justification (a line of
    /// justified prose is no row of cells; two alike gutters of a short row,
    /// `L1M1D1   V   Title`, are too few to tell).
    ///
    /// A code set after a narrow gutter opens a chunk too
    /// ([`code_starts`](Self::code_starts)).
    pub(super) fn chunks(&self) -> Vec<&[Word]> {
        let mut chunks = Vec::new();
        let mut start = 0;
        let codes = self.code_starts();
        for (index, pair) in self.words.windows(2).enumerate() {
            let wide = pair[1].x0 - pair[0].x1 > CELL_GAP * self.size;
            if (wide && !self.is_long_justified_run(index)) || codes.contains(&(index + 1)) {
                chunks.extend(self.words.get(start..=index));
                start = index + 1;
            }
        }
        chunks.extend(self.words.get(start..).filter(|rest| !rest.is_empty()));
        chunks
    }

    /// Indices of the words that are codes set after a narrow gutter
    /// ([`narrow_starts`](Self::narrow_starts)): a code opens its own cell,
    /// so a title set right against the column of codes (`… key issues
    /// L1M1D1`, 0.8 em apart beside word spaces of 0.28) ends before it,
    /// though the gap is no cell gap, as [`cell_starts`](Self::cell_starts)
    /// cuts a table's line there.
    fn code_starts(&self) -> Vec<usize> {
        let narrow = self.narrow_starts();
        if narrow.is_empty() {
            return Vec::new();
        }
        self.words
            .iter()
            .enumerate()
            .filter(|(_, word)| narrow.contains(&word.x0) && grammar::is_code_word(&word.text))
            .map(|(index, _)| index)
            .collect()
    }

    /// Whether the gap after word `index` is justified and has at least two
    /// wide, justified neighbours in a row with it.
    fn is_long_justified_run(&self, index: usize) -> bool {
        let stretched = |i: usize| {
            self.words
                .get(i)
                .zip(self.words.get(i + 1))
                .is_some_and(|(a, b)| {
                    b.x0 - a.x1 > CELL_GAP * self.size && self.is_justified_gap(i)
                })
        };
        if !stretched(index) {
            return false;
        }
        let mut first = index;
        while first.checked_sub(1).is_some_and(stretched) {
            first -= 1;
        }
        let mut last = index;
        while stretched(last + 1) {
            last += 1;
        }
        last - first >= 2
    }

    /// The words as [`plain`](Self::plain) writes them, each run of words
    /// whose `bold` flag is set between `**` (Markdown bold). `span` says
    /// whether a run opened on the line above goes on here and whether the
    /// run ending this line goes on below; a run never crosses a tab.
    pub(super) fn marked(&self, bold: &[bool], span: Span) -> String {
        let mut out = String::new();
        let mut open = false;
        let codes = self.code_starts();
        for (index, word) in self.words.iter().enumerate() {
            let heavy = bold.get(index).copied().unwrap_or(false);
            if index > 0 {
                let gap = self
                    .words
                    .get(index - 1)
                    .map_or(0.0, |prev| word.x0 - prev.x1);
                let tab = (gap > CELL_GAP * self.size && !self.is_justified_gap(index - 1))
                    || codes.contains(&index);
                if open && (tab || !heavy) {
                    out.push_str("**");
                    open = false;
                }
                out.push(if tab { '\t' } else { ' ' });
            }
            if heavy && !open {
                if !(index == 0 && span.from_above) {
                    out.push_str("**");
                }
                open = true;
            }
            out.push_str(&word.text);
        }
        if open && !span.below {
            out.push_str("**");
        }
        out
    }
}

/// The horizontal extent of a run of lines: the leftmost start and the
/// rightmost end of their words (infinite bounds when no line has a word).
pub(super) fn text_extent(lines: &[TextLine]) -> (f32, f32) {
    let left = lines
        .iter()
        .filter_map(|line| line.words.first())
        .map(|word| word.x0)
        .fold(f32::INFINITY, f32::min);
    let right = lines
        .iter()
        .filter_map(|line| line.words.last())
        .map(|word| word.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    (left, right)
}

/// Visual lines of a page, top to bottom, words left to right.
pub(super) fn text_lines(page: &GlyphPage, advances: &Advances) -> Vec<TextLine> {
    // Glyphs running across the page's lines (a vertical header, a stamp)
    // would each make a line of their own.
    let (mut glyphs, spaces): (Vec<&Glyph>, Vec<&Glyph>) = page
        .upright_glyphs()
        .partition(|g| !page.glyph_text(g).trim().is_empty());
    let spaces = Spaces::of(page, spaces);
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // A note call raised half an em above its word is of the word's line,
    // though it is further from its baseline than a glyph of the line may be.
    let mut placed: Vec<(&Glyph, f32)> = glyphs
        .iter()
        .map(|&glyph| {
            let base = note_call_base(page, &glyphs, glyph, advances);
            (glyph, base.map_or(glyph.y, |base| base.y))
        })
        .collect();
    placed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.x.total_cmp(&b.0.x)));

    // Each row with the sum of its glyphs' y, so that its mean baseline is
    // not recomputed for every glyph added.
    let mut rows: Vec<(Vec<&Glyph>, f32)> = Vec::new();
    for (glyph, y) in placed {
        let tolerance = glyph.font_size.max(1.0) * SAME_LINE;
        match rows.last_mut() {
            Some((row, y_sum)) if (*y_sum / row.len() as f32 - y).abs() <= tolerance => {
                row.push(glyph);
                *y_sum += y;
            }
            _ => rows.push((vec![glyph], y)),
        }
    }

    let mut lines: Vec<TextLine> = rows
        .into_iter()
        .map(|(mut row, y_sum)| {
            let y = y_sum / row.len() as f32;
            // Stable: glyphs piled up at one position (a font whose widths
            // the PDF misstates) keep the order the stream draws them in.
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = median(row.iter().map(|g| g.font_size.max(1.0)));
            let words = words(page, &row, &spaces, size, advances);
            TextLine { y, size, words }
        })
        .collect();
    strip_line_numbers(&mut lines);
    rejoin_cut_codes(&mut lines);
    lines
}
