//! Bold from glyph advances: learns each character's usual advance over the
//! document and marks the runs of heavy words of prose lines as Markdown `**…**`.

use std::collections::BTreeMap;

use super::lines::TextLine;
use super::order::starts_paragraph;
use super::thresholds::*;
use super::words::Word;
use crate::read::{Glyph, GlyphPage};

impl Word {
    /// `Some(bold)` when the word has glyphs that tell their weight
    /// ([`Advances::heavy`]): bold when most of its letters are heavy, or,
    /// without letters, most of its digits and signs (DejaVu Sans widens
    /// them, Helvetica does not). A lone letter says nothing by itself (`y`,
    /// `a`, or a variable set in a mathematical font), only with other glyphs
    /// that tell (`+750k`).
    pub(super) fn weight(&self) -> Option<bool> {
        let (glyphs, heavy) = match self.letters {
            0 => (self.others, self.heavy_others),
            1 if self.others > 0 => (1 + self.others, self.heavy + self.heavy_others),
            1 => return None,
            _ => (self.letters, self.heavy),
        };
        (glyphs > 0).then_some(heavy * 2 > glyphs)
    }

    pub(super) fn count(&mut self, letter: bool, heavy: bool) {
        let (total, heavy_total) = if letter {
            (&mut self.letters, &mut self.heavy)
        } else {
            (&mut self.others, &mut self.heavy_others)
        };
        *total = total.saturating_add(1);
        *heavy_total = heavy_total.saturating_add(u16::from(heavy));
    }
}

/// The usual advance of every letter of a document, per unit of font size:
/// the most common one, since regular body text dominates.
#[derive(Debug, Default)]
pub(super) struct Advances {
    /// Per character: its usual advance, and whether the document also draws
    /// it heavy (a face whose bold digits are no wider never does).
    usual: BTreeMap<char, (u32, bool)>,
    /// The entries of `usual` for the first [`LATIN`] code points, by code
    /// point: the characters of most glyphs of an es/en/fr report, looked
    /// up once or more per glyph, without a search. Empty when `usual` is.
    latin: Vec<Option<(u32, bool)>>,
}

/// How many code points [`Advances`] holds in a table (Basic Latin and
/// Latin-1: letters with their accents, digits, punctuation).
const LATIN: usize = 256;

/// How often a document draws each one-character glyph at each advance (in
/// thousandths of its font size): what [`Advances`] are learnt from. Counts
/// add up page by page, in any order.
#[derive(Debug, Clone, Default)]
pub(super) struct AdvanceCounts(BTreeMap<char, BTreeMap<u32, usize>>);

impl AdvanceCounts {
    /// Counts the glyphs of one more page.
    pub(super) fn add_page(&mut self, page: &GlyphPage) {
        for glyph in &page.glyphs {
            if let Some((letter, advance)) = letter_advance(page, glyph) {
                *self
                    .0
                    .entry(letter)
                    .or_default()
                    .entry(advance)
                    .or_default() += 1;
            }
        }
    }

    /// Adds the counts of other pages.
    pub(super) fn merge(&mut self, other: AdvanceCounts) {
        for (letter, counts) in other.0 {
            let mine = self.0.entry(letter).or_default();
            for (advance, count) in counts {
                *mine.entry(advance).or_default() += count;
            }
        }
    }
}

impl Advances {
    pub(super) fn learn(pages: &[&GlyphPage]) -> Self {
        let mut counts = AdvanceCounts::default();
        for page in pages {
            counts.add_page(page);
        }
        Self::from_counts(&counts)
    }

    /// The usual advances of the pages counted in `counts`.
    pub(super) fn from_counts(counts: &AdvanceCounts) -> Self {
        let usual = counts
            .0
            .iter()
            .filter_map(|(&letter, counts)| {
                let usual = usual_advance(counts)?;
                let widened = counts.keys().any(|&advance| is_heavy(advance, usual));
                Some((letter, (usual, widened)))
            })
            .collect::<BTreeMap<char, (u32, bool)>>();
        let mut latin = vec![None; LATIN];
        for (&letter, &entry) in usual.range(..=char::from(u8::MAX)) {
            if let Some(slot) = latin.get_mut(letter as usize) {
                *slot = Some(entry);
            }
        }
        Self { usual, latin }
    }

    /// What is known of `character`: its usual advance (thousandths of the
    /// font size), and whether the document also draws it heavy.
    pub(super) fn entry(&self, character: char) -> Option<(u32, bool)> {
        match self.latin.get(character as usize) {
            Some(entry) => *entry,
            None => self.usual.get(&character).copied(),
        }
    }

    /// The usual advance of `character`, in multiples of the font size.
    pub(super) fn usual(&self, character: char) -> Option<f32> {
        self.entry(character)
            .map(|(advance, _)| advance as f32 / 1000.0)
    }

    /// `Some((is a letter, heavy))` for a glyph that tells its weight: one
    /// whose character the document also draws heavy somewhere. Many faces
    /// keep some advances in bold (Helvetica's digits, Times' `i` and `s`),
    /// and a character that never widens says nothing.
    pub(super) fn heavy(&self, page: &GlyphPage, glyph: &Glyph) -> Option<(bool, bool)> {
        let (letter, advance) = letter_advance(page, glyph)?;
        let (usual, widened) = self.entry(letter)?;
        widened.then_some((letter.is_alphabetic(), is_heavy(advance, usual)))
    }
}

pub(super) fn is_heavy(advance: u32, usual: u32) -> bool {
    advance as f32 > usual as f32 * HEAVY && advance as f32 <= usual as f32 * BOLDEST
}

/// The usual advance of one character from how often each advance occurs:
/// the most common one (on a tie the narrower, the regular face), unless a
/// narrower advance that a bold face would widen to it is common too (a third
/// as often, three times at least): in a report that sets most of its numbers
/// in bold, the regular digits are the narrower ones.
pub(super) fn usual_advance(counts: &BTreeMap<u32, usize>) -> Option<u32> {
    let most = counts.values().copied().max()?;
    let (&mode, _) = counts.iter().find(|&(_, &count)| count == most)?;
    let narrower = counts.iter().find(|&(&advance, &count)| {
        advance < mode && mode as f32 <= advance as f32 * BOLDEST && count >= 3 && count * 3 >= most
    });
    Some(narrower.map_or(mode, |(&advance, _)| advance))
}

/// A one-character glyph and its advance in thousandths of its font size.
pub(super) fn letter_advance(page: &GlyphPage, glyph: &Glyph) -> Option<(char, u32)> {
    let mut chars = page.glyph_text(glyph).chars();
    let letter = chars.next().filter(|c| !c.is_whitespace())?;
    if chars.next().is_some() || glyph.font_size <= 0.0 || glyph.width <= 0.0 {
        return None;
    }
    let advance = (1000.0 * glyph.width / glyph.font_size).round();
    (advance.is_finite() && advance < 10_000.0)
        .then_some(advance as u32)
        .map(|advance| (letter, advance))
}

/// Whether a bold run crosses a line's edges: it opened on the line above
/// (`from_above`), or goes on to the line below (`below`).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Span {
    pub(super) from_above: bool,
    pub(super) below: bool,
}

/// Whether each word of a run of prose lines is bold, line by line.
///
/// A word with a weight of its own ([`Word::weight`]) keeps it. A word
/// without (a sign, a number in a font whose digits do not change width)
/// takes the weight of the next word of its line that has one (`+ 3302`,
/// `6 actividades`), else of the previous one (`en 2023`); on a line where
/// no word has a weight, it is bold when the nearest weighted words on the
/// lines above and below both are.
pub(super) fn weights(lines: &[&TextLine]) -> Vec<Vec<bool>> {
    let own: Vec<Vec<Option<bool>>> = lines
        .iter()
        .map(|line| line.words.iter().map(Word::weight).collect())
        .collect();
    let last_above = |index: usize| {
        own.get(..index)
            .and_then(|above| above.iter().flatten().flatten().next_back())
            .copied()
    };
    let first_below = |index: usize| {
        own.get(index + 1..)
            .and_then(|below| below.iter().flatten().flatten().next())
            .copied()
    };
    own.iter()
        .zip(lines)
        .enumerate()
        .map(|(index, (words, line))| {
            let fallback = || {
                let (above, below) = (last_above(index), first_below(index));
                above.or(below).unwrap_or(false) && below.or(above).unwrap_or(false)
            };
            let bulleted = line
                .words
                .first()
                .is_some_and(|word| BULLETS.contains(&word.text.as_str()));
            (0..words.len())
                .map(|position| {
                    if position == 0 && bulleted {
                        return false;
                    }
                    let next = words.iter().skip(position).flatten().next();
                    let previous = words.iter().take(position).flatten().next_back();
                    match next.or(previous) {
                        Some(&weight) => weight,
                        None => fallback(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Consecutive prose lines with their bold runs marked; a run goes on over
/// a line end when the last word of a line and the first of the next are
/// bold, in the same font size, and the next line follows closely (a bold
/// block of short lines, `+750k $` over `USD`, is one run as in Markdown;
/// an 11-point bold heading over 9-point bold text is not).
pub(super) fn marked_prose(lines: &[&TextLine], usual_pitch: f32) -> Vec<String> {
    let bold = weights(lines);
    let ends = |index: usize, first: bool| {
        bold.get(index).is_some_and(|words| {
            let edge = if first { words.first() } else { words.last() };
            edge.copied().unwrap_or(false)
        })
    };
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let same_paragraph = |upper: usize| {
                let (Some(above), Some(below)) = (lines.get(upper), lines.get(upper + 1)) else {
                    return false;
                };
                let (small, large) = (above.size.min(below.size), above.size.max(below.size));
                large <= small * SAME_SIZE && below.y - above.y <= BOLD_BLOCK_PITCH * small
            };
            let joins_above = index > 0
                && same_paragraph(index - 1)
                && ends(index - 1, false)
                && ends(index, true);
            let joins_below = same_paragraph(index) && ends(index, false) && ends(index + 1, true);
            let span = Span {
                from_above: joins_above,
                below: joins_below,
            };
            let marked = line.marked(bold.get(index).map_or(&[][..], Vec::as_slice), span);
            // A bold run going on below holds its lines together.
            let paragraph_ends = !joins_below
                && lines
                    .get(index + 1)
                    .is_some_and(|below| starts_paragraph(line, below, usual_pitch));
            (marked, paragraph_ends)
        })
        .flat_map(|(marked, paragraph_ends)| {
            std::iter::once(marked).chain(paragraph_ends.then(String::new))
        })
        .collect()
}
