//! Words: runs of a line's glyphs with no gap wider than a word space.
//!
//! Word breaks come from geometry, never from the producer's space glyphs
//! alone: many producers draw none, and move the pen instead. A gap wider than
//! [`WORD_GAP`] em between one glyph's advance and the next glyph breaks a
//! word. Digits are the exception: a bold face whose advances the PDF states
//! wrongly (a regular face's widths for bold digits) leaves gaps inside a
//! number, so two digits (or a digit and a decimal or thousands separator)
//! whose origins are at most [`DIGIT_PITCH`] times the first one's usual
//! advance apart stay one word unless a space glyph is drawn between them: a
//! bold `49` never becomes `4 9`, while `49 10` (a digit and a space further)
//! stays two numbers.

use super::thresholds::*;
use super::weight::Advances;
use crate::read::{Glyph, GlyphPage};

/// A run of glyphs with no gap wider than a word space.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) size: f32,
    pub(super) text: String,
    /// Letters whose usual advance is known, and how many of them are heavy.
    pub(super) letters: u16,
    pub(super) heavy: u16,
    /// The same for other glyphs (digits, punctuation).
    pub(super) others: u16,
    pub(super) heavy_others: u16,
}

/// The words of one line: `row` holds its glyphs left to right, `spaces` the
/// page's space glyphs (evidence of a break inside a number), `size` the
/// line's font size.
pub(super) fn words(
    page: &GlyphPage,
    row: &[&Glyph],
    spaces: &[&Glyph],
    size: f32,
    advances: &Advances,
) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut previous: Option<&Glyph> = None;
    for &glyph in row {
        let text = page.glyph_text(glyph);
        if let Some(prev) = previous {
            // Fake bold: the same glyph drawn again a hair to the right.
            if page.glyph_text(prev) == text && (glyph.x - prev.x).abs() < 0.1 * size {
                continue;
            }
        }
        let glyph_end = glyph.x + glyph.width.max(0.0);
        let joins = words.last().is_some_and(|word| {
            glyph.x - word.x1 <= WORD_GAP * size
                || previous
                    .is_some_and(|prev| continues_number(page, prev, glyph, spaces, size, advances))
        });
        if !joins {
            words.push(Word {
                x0: glyph.x,
                x1: glyph_end,
                size: glyph.font_size,
                text: String::new(),
                letters: 0,
                heavy: 0,
                others: 0,
                heavy_others: 0,
            });
        }
        if let Some(word) = words.last_mut() {
            word.text.push_str(text);
            word.x1 = word.x1.max(glyph_end);
            if let Some((letter, heavy)) = advances.heavy(page, glyph) {
                word.count(letter, heavy);
            }
        }
        previous = Some(glyph);
    }
    words
}

/// Whether `glyph` goes on with the number that `prev` ends: both are digits
/// or number separators (one of them a digit), their origins at most
/// [`DIGIT_PITCH`] times the usual advance of `prev`'s character apart, and
/// no space glyph drawn between them.
fn continues_number(
    page: &GlyphPage,
    prev: &Glyph,
    glyph: &Glyph,
    spaces: &[&Glyph],
    size: f32,
    advances: &Advances,
) -> bool {
    let numeric = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    let (Some(before), Some(after)) = (
        page.glyph_text(prev).chars().next_back(),
        page.glyph_text(glyph).chars().next(),
    ) else {
        return false;
    };
    let digits =
        numeric(before) && numeric(after) && (before.is_ascii_digit() || after.is_ascii_digit());
    let Some(usual) = advances.usual(before) else {
        return false;
    };
    let pitch = (glyph.x - prev.x) / prev.font_size.max(1.0);
    digits
        && pitch > 0.0
        && pitch <= DIGIT_PITCH * usual
        && !spaces.iter().any(|space| {
            (space.y - glyph.y).abs() <= SAME_LINE * size && space.x > prev.x && space.x < glyph.x
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;

    /// Words of a one-line page whose glyphs are `(text, x, stated width)`.
    fn line_words(glyphs: &[(&str, f32, f32)]) -> Vec<String> {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        // Body text that teaches the usual digit advance (0.55 em).
        for y in [500.0, 520.0, 540.0] {
            for (i, digit) in "0123456789".chars().enumerate() {
                page.push(&digit.to_string(), 300.0 + i as f32 * 5.5, y, 5.5, SIZE);
            }
        }
        let first = page.glyphs.len();
        for &(text, x, width) in glyphs {
            page.push(text, x, 100.0, width, SIZE);
        }
        let advances = Advances::learn(&[&page]);
        let (row, spaces): (Vec<&Glyph>, Vec<&Glyph>) = page.glyphs[first..]
            .iter()
            .partition(|g| !page.glyph_text(g).trim().is_empty());
        words(&page, &row, &spaces, SIZE, &advances)
            .into_iter()
            .map(|word| word.text)
            .collect()
    }

    #[test]
    fn a_bold_number_with_narrow_stated_advances_stays_whole() {
        // A bold `49` drawn 0.6 em apart whose widths claim 0.3 em.
        let words = line_words(&[("4", 100.0, 3.0), ("9", 106.0, 3.0)]);
        assert_eq!(words, ["49"]);
    }

    #[test]
    fn numbers_a_space_apart_stay_apart_with_or_without_space_glyphs() {
        let glyphs = [
            ("4", 100.0, 5.5),
            ("9", 105.5, 5.5),
            ("1", 113.5, 5.5),
            ("0", 119.0, 5.5),
        ];
        assert_eq!(line_words(&glyphs), ["49", "10"]);
        let with_space = [
            ("4", 100.0, 3.0),
            ("9", 106.0, 3.0),
            (" ", 109.0, 1.0),
            ("1", 111.0, 3.0),
        ];
        assert_eq!(line_words(&with_space), ["49", "1"]);
    }

    #[test]
    fn words_break_at_gaps_not_at_missing_space_glyphs() {
        // `L1M1D1` then `Calendario` 0.4 em further, no space glyph drawn.
        let mut glyphs = Vec::new();
        let mut x = 100.0;
        for c in ["L", "1", "M", "1", "D", "1"] {
            glyphs.push((c, x, 5.5));
            x += 5.5;
        }
        x += 4.0;
        for c in ["C", "a", "l"] {
            glyphs.push((c, x, 5.0));
            x += 5.0;
        }
        assert_eq!(line_words(&glyphs), ["L1M1D1", "Cal"]);
    }
}
