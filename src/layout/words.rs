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
//! stays two numbers. A glyph whose stated advance is missing or impossible
//! reaches as far as its character usually does. A no-break space the
//! producer draws (`Transfer »`, `12 %`) binds the words around it into one,
//! and keeps its character, as the text it was set from does. A digit drawn
//! smaller than the glyph it is glued to and raised above its baseline is a
//! superscript (a footnote call, an exponent) and is written as its
//! superscript character: the call `1` after `L1M2D3` never makes `L1M2D31`.
//! Two glyphs touching on one line are still two words when the second is
//! another line's or another column's: set on a baseline more than
//! [`WORD_BASELINE`] em off the first's (same size, so no superscript), or
//! starting more than [`WORD_OVERLAP`] em before the first one's advance
//! ends (no kerning pulls a glyph that far back; a column too wide for its
//! page column overprints the next column's first glyph). An accent drawn as
//! a glyph of its own over its letter overlaps it and stays in the word.

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

impl Word {
    /// A word whose glyphs have not been weighed yet: no letter or other
    /// glyph counted as regular or heavy.
    pub(super) fn unweighed(text: String, x0: f32, x1: f32, size: f32) -> Self {
        Self {
            x0,
            x1,
            size,
            text,
            letters: 0,
            heavy: 0,
            others: 0,
            heavy_others: 0,
        }
    }

    /// A dot leader drawn from `x0` to `x1`: the word `…`, which neither a
    /// letter nor a digit makes bold or regular.
    fn leader(x0: f32, x1: f32, size: f32) -> Self {
        Self::unweighed("…".to_owned(), x0, x1, size)
    }
}

/// The page's space glyphs, and among them its no-break spaces (U+00A0,
/// U+2007, U+202F), which bind the words on either side: found once per
/// page, not once per line.
pub(super) struct Spaces<'a> {
    /// Every space glyph: evidence of a break inside a number.
    pub(super) all: Vec<&'a Glyph>,
    no_breaks: Vec<&'a Glyph>,
}

impl<'a> Spaces<'a> {
    pub(super) fn of(page: &GlyphPage, all: Vec<&'a Glyph>) -> Self {
        let no_breaks = all
            .iter()
            .copied()
            .filter(|space| matches!(page.glyph_text(space), "\u{a0}" | "\u{2007}" | "\u{202f}"))
            .collect();
        Self { all, no_breaks }
    }
}

/// The words of one line: `row` holds its glyphs left to right, `spaces` the
/// page's space glyphs, `size` the line's font size.
pub(super) fn words(
    page: &GlyphPage,
    row: &[&Glyph],
    spaces: &Spaces<'_>,
    size: f32,
    advances: &Advances,
) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    // The glyph before, with where its advance ends (kept, not measured again).
    let mut previous: Option<(&Glyph, f32)> = None;
    let leaders = leader_glyphs(page, row, advances);
    let line_y = row.first().map_or(0.0, |glyph| glyph.y);
    let no_breaks: Vec<&Glyph> = spaces
        .no_breaks
        .iter()
        .copied()
        .filter(|space| (space.y - line_y).abs() <= SAME_LINE * size)
        .collect();
    let spaces = &spaces.all;
    let mut after_leader = false;
    // The word's last glyph that is no superscript: what a superscript is raised above.
    let mut base: Option<&Glyph> = None;
    // How far the word's last glyph started before the advance of the one
    // before it ended (`None` at a word's first glyph).
    let mut fitted: Option<f32> = None;
    for (index, &glyph) in row.iter().enumerate() {
        if leaders.get(index).copied().unwrap_or(false) {
            let glyph_end = glyph.x + advance(page, glyph, advances);
            match words.last_mut() {
                Some(word) if after_leader => word.x1 = word.x1.max(glyph_end),
                _ => words.push(Word::leader(glyph.x, glyph_end, glyph.font_size)),
            }
            after_leader = true;
            continue;
        }
        let text = page.glyph_text(glyph);
        if let Some((prev, _)) = previous {
            // Fake bold: the same glyph drawn again a hair to the right.
            if page.glyph_text(prev) == text && (glyph.x - prev.x).abs() < 0.1 * size {
                continue;
            }
        }
        let glyph_end = glyph.x + advance(page, glyph, advances);
        let leader_before = std::mem::take(&mut after_leader);
        // How far this glyph starts before the advance of the one before
        // it ends; a word whose widths hold (its last two glyphs did not
        // overlap) is broken by an overlap, one whose stated widths are too
        // wide (every glyph overlapping the next) never is. A control code
        // shown as a glyph (a damaged or split string) draws nothing, and
        // its advance tells nothing.
        let overlap = previous
            .filter(|(prev, _)| !page.glyph_text(prev).chars().all(char::is_control))
            .map(|(_, prev_end)| prev_end - glyph.x);
        let widths_hold = fitted.is_some_and(|fitted| fitted < WORD_OVERLAP / 2.0 * size);
        let call = base.is_some_and(|base| is_note_call(base, glyph, text));
        let other_line = !call
            && base.is_some_and(|base| {
                on_another_line(page, base, glyph, overlap.filter(|_| widths_hold))
            });
        // A list bullet never ends a word: glued to a letter or digit, it is
        // the next column's item drawn against the end of this column's line
        // (`Guangzhou•`).
        let bullet_after_word = text.starts_with(LIST_BULLETS)
            && previous.is_some_and(|(prev, _)| {
                page.glyph_text(prev)
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            });
        let mut joins = !leader_before
            && !other_line
            && !bullet_after_word
            && words.last().is_some_and(|word| {
                glyph.x - word.x1 <= WORD_GAP * size
                    || previous.is_some_and(|(prev, _)| {
                        continues_number(page, prev, glyph, spaces, size, advances)
                    })
            });
        // A no-break space binds, but never across a gap as wide as a
        // gutter (an empty cell filled with one).
        let narrow = words
            .last()
            .is_some_and(|word| glyph.x - word.x1 < GUTTER_GAP * size);
        if !joins && !leader_before && !other_line && narrow {
            let bound = previous
                .and_then(|(prev, _)| no_break_space_between(page, prev, glyph, &no_breaks));
            if let (Some(no_break), Some(word)) = (bound, words.last_mut()) {
                word.text.push_str(no_break);
                joins = true;
            }
        }
        // One space drawn where the font changes fills the gap, however
        // wide: a fallback font's space (WeasyPrint sets digits in a colour
        // emoji font after a space of its own, 1.2 em wide), not a gutter.
        if !joins && !leader_before && !other_line {
            if let (Some((prev, _)), Some(word)) = (previous, words.last_mut()) {
                if one_space_at_font_change(prev, glyph, word.x1, spaces, size) {
                    word.text.push(' ');
                    joins = true;
                }
            }
        }
        let raised = joins
            .then(|| base.filter(|base| call || is_raised(base, glyph)))
            .flatten()
            .and_then(|_| superscript_digit(text));
        if !joins {
            words.push(Word::unweighed(
                String::new(),
                glyph.x,
                glyph_end,
                glyph.font_size,
            ));
        }
        if raised.is_none() {
            base = Some(glyph);
        }
        fitted = if joins { overlap } else { None };
        if let Some(word) = words.last_mut() {
            word.text.push_str(raised.unwrap_or(text));
            word.x1 = word.x1.max(glyph_end);
            if let Some((letter, heavy)) = advances.heavy(page, glyph) {
                word.count(letter, heavy);
            }
        }
        previous = Some((glyph, glyph_end));
    }
    words
}

/// Bullets that open a list item: never the last character of a word.
const LIST_BULLETS: &[char] = &['•', '●', '▪'];

/// Whether `glyph`, drawn right after `base` on one line, is another line's
/// or another column's: of about the same size, its baseline more than
/// [`WORD_BASELINE`] em off `base`'s, or its origin more than
/// [`WORD_OVERLAP`] em left of where the advance of the glyph before it
/// ends (`overlap`, given only where the word's widths hold). Accents drawn
/// as glyphs of their own overlap their letter, and are no such glyph.
fn on_another_line(page: &GlyphPage, base: &Glyph, glyph: &Glyph, overlap: Option<f32>) -> bool {
    let alike = glyph.font_size > SUPERSCRIPT_SIZE * base.font_size
        && base.font_size > SUPERSCRIPT_SIZE * glyph.font_size;
    if !alike {
        return false;
    }
    let size = base.font_size.max(glyph.font_size);
    (glyph.y - base.y).abs() > WORD_BASELINE * size
        || (overlap.is_some_and(|overlap| overlap > WORD_OVERLAP * size)
            && !is_accent(page.glyph_text(base))
            && !is_accent(page.glyph_text(glyph)))
}

/// Whether a glyph's text is an accent drawn on its own (a spacing accent
/// or a combining mark), set over or beside its letter.
fn is_accent(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{b4}' | '`' | '\u{a8}' | '\u{af}' | '\u{b8}' | '^' | '~' | '\u{b0}'
        ) || ('\u{2b0}'..='\u{36f}').contains(&c)
    })
}

/// Whether `glyph` is drawn as a superscript of `base`: at most
/// [`SUPERSCRIPT_SIZE`] of its size, its baseline at least
/// [`SUPERSCRIPT_RISE`] of that size above `base`'s.
fn is_raised(base: &Glyph, glyph: &Glyph) -> bool {
    glyph.font_size <= SUPERSCRIPT_SIZE * base.font_size
        && base.y - glyph.y >= SUPERSCRIPT_RISE * base.font_size
}

/// Whether `glyph` is a note call set on `base`: one digit, smaller than
/// `base` by at least [`NOTE_CALL_SIZE`] and raised by [`SUPERSCRIPT_RISE`]
/// to [`NOTE_CALL_RISE`] of its size. Style sheets set calls larger than
/// [`SUPERSCRIPT_SIZE`] allows (CSS `smaller` is 83 %, some producers 90 %),
/// so raised that far they would pass for a glyph of another line; a digit
/// of a line above or below is never raised by less than a line.
fn is_note_call(base: &Glyph, glyph: &Glyph, text: &str) -> bool {
    let rise = base.y - glyph.y;
    superscript_digit(text).is_some()
        && glyph.font_size <= NOTE_CALL_SIZE * base.font_size
        && rise >= SUPERSCRIPT_RISE * base.font_size
        && rise <= NOTE_CALL_RISE * base.font_size
}

/// The glyph `call` is a note call of (see [`is_note_call`]): the one of
/// `glyphs` (sorted by baseline) whose advance ends where `call` starts, on
/// a baseline below it.
pub(super) fn note_call_base<'a>(
    page: &GlyphPage,
    glyphs: &[&'a Glyph],
    call: &Glyph,
    advances: &Advances,
) -> Option<&'a Glyph> {
    let text = page.glyph_text(call);
    superscript_digit(text)?;
    let size = call.font_size.max(1.0);
    // A base is larger than its call, raised by at most NOTE_CALL_RISE of
    // the base's size; bases up to twice the call's size are looked at.
    let glued = |glyph: &Glyph| {
        (call.x - (glyph.x + advance(page, glyph, advances))).abs() <= WORD_GAP * glyph.font_size
    };
    // A call of several digits (`12`): each digit after the first is glued
    // to the digit before it, at its height, and shares its base.
    let same = glyphs.partition_point(|glyph| glyph.y < call.y - WORD_BASELINE * size);
    let from = glyphs.partition_point(|glyph| glyph.y <= call.y);
    let digit_before = glyphs.get(same..from)?.iter().copied().find(|glyph| {
        glyph.x < call.x
            && glued(glyph)
            && superscript_digit(page.glyph_text(glyph)).is_some()
            && (glyph.font_size - call.font_size).abs() <= WORD_GAP * size
    });
    if let Some(digit) = digit_before {
        return note_call_base(page, glyphs, digit, advances);
    }
    let to = glyphs
        .partition_point(|glyph| glyph.y <= call.y + 2.0 * NOTE_CALL_RISE * size / NOTE_CALL_SIZE);
    glyphs.get(from..to)?.iter().copied().find(|base| {
        glued(base) && !page.glyph_text(base).trim().is_empty() && is_note_call(base, call, text)
    })
}

/// The superscript character of a one-digit glyph text (`1` → `¹`).
fn superscript_digit(text: &str) -> Option<&'static str> {
    const SUPERSCRIPTS: [&str; 10] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
    let mut chars = text.chars();
    let digit = chars.next()?.to_digit(10)?;
    if chars.next().is_some() {
        return None;
    }
    SUPERSCRIPTS.get(usize::try_from(digit).ok()?).copied()
}

/// Which glyphs of a line are dot leaders: runs of at least [`LEADER_RUN`]
/// dots (`.`, `·`, `…`) drawn one after the other. Leaders lead the eye from
/// a title to its mark or page number, across what would otherwise be a
/// gutter: they become one word, `…`, that bridges the gap, so the title, the
/// leader and the mark stay one chunk of one cell (`locales … V`) wherever
/// the leader happens to end. A mark set at the end of a leader is where the
/// leader ends, not in a column: producers that count the dots end them
/// anywhere. A first dot glued to its word while the next dot stands apart
/// is the word's full stop (`etc. . . .`), not part of the leader.
fn leader_glyphs(page: &GlyphPage, row: &[&Glyph], advances: &Advances) -> Vec<bool> {
    let dot = |glyph: &&Glyph| matches!(page.glyph_text(glyph), "." | "·" | "…" | "․");
    let gap =
        |before: &Glyph, after: &Glyph| after.x - (before.x + advance(page, before, advances));
    let mut leaders = vec![false; row.len()];
    let mut start = 0;
    while start < row.len() {
        let run = row
            .iter()
            .skip(start)
            .take_while(|glyph| dot(glyph))
            .count();
        if run >= LEADER_RUN {
            let word_gap = |glyph: &Glyph| WORD_GAP * glyph.font_size.max(1.0);
            let full_stop = match (
                start.checked_sub(1).and_then(|i| row.get(i)),
                row.get(start),
                row.get(start + 1),
            ) {
                (Some(&word), Some(&first), Some(&second)) => {
                    gap(word, first) <= word_gap(first) && gap(first, second) > word_gap(first)
                }
                _ => false,
            };
            let skip = usize::from(full_stop);
            for flag in leaders.iter_mut().skip(start + skip).take(run - skip) {
                *flag = true;
            }
        }
        start += run.max(1);
    }
    leaders
}

/// How far a glyph reaches: its stated advance, unless the PDF states none
/// or an impossible one (a font whose `/Widths` miss the digits gives them
/// 0): then the character's usual advance in the document, else
/// [`UNSTATED_ADVANCE`] em.
fn advance(page: &GlyphPage, glyph: &Glyph, advances: &Advances) -> f32 {
    let size = glyph.font_size.max(1.0);
    let text = page.glyph_text(glyph);
    // A glyph may carry a whole word (a fallback backend's words).
    let characters = text.chars().count().max(1) as f32;
    if glyph.width > 0.0 && glyph.width <= MAX_ADVANCE * size * characters {
        return glyph.width;
    }
    let usual = text.chars().next().and_then(|c| advances.usual(c));
    usual.unwrap_or(UNSTATED_ADVANCE) * size * characters
}

/// The no-break space drawn between `prev` and `glyph`, if any, among the
/// line's no-break spaces (U+00A0, U+2007, U+202F).
fn no_break_space_between<'a>(
    page: &'a GlyphPage,
    prev: &Glyph,
    glyph: &Glyph,
    no_breaks: &[&Glyph],
) -> Option<&'a str> {
    no_breaks
        .iter()
        .find(|space| space.x > prev.x && space.x < glyph.x)
        .map(|space| page.glyph_text(space))
}

/// Whether the gap between `prev`, whose word ends at `end`, and `glyph`
/// is one space glyph and nothing else, as wide as a gutter, the font
/// changing there: the space starts where the word ends and reaches the
/// next glyph.
fn one_space_at_font_change(
    prev: &Glyph,
    glyph: &Glyph,
    end: f32,
    spaces: &[&Glyph],
    size: f32,
) -> bool {
    if prev.font == glyph.font {
        return false;
    }
    let slack = WORD_GAP * size;
    let mut between = spaces.iter().filter(|space| {
        (space.y - glyph.y).abs() <= SAME_LINE * size && space.x >= end - slack && space.x < glyph.x
    });
    match (between.next(), between.next()) {
        // A space of ordinary width stays a word break (a bold word and
        // a regular one stay two words); only a space as wide as a gutter
        // would be read as one.
        (Some(space), None) => {
            space.width > GUTTER_GAP * size
                && (space.x - end).abs() <= slack
                && (glyph.x - (space.x + space.width)).abs() <= slack
        }
        _ => false,
    }
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
    let usual = advances.usual(before).unwrap_or(UNSTATED_ADVANCE);
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
        words(&page, &row, &Spaces::of(&page, spaces), SIZE, &advances)
            .into_iter()
            .map(|word| word.text)
            .collect()
    }

    /// Words of a one-line page whose glyphs are `(text, x, baseline, size)`, each as wide as 0.55 of its size.
    fn sized_words(glyphs: &[(&str, f32, f32, f32)]) -> Vec<String> {
        let mut page = GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        };
        for &(text, x, y, size) in glyphs {
            page.push(text, x, y, 0.55 * size, size);
        }
        let advances = Advances::learn(&[&page]);
        let row: Vec<&Glyph> = page.glyphs.iter().collect();
        words(&page, &row, &Spaces::of(&page, Vec::new()), SIZE, &advances)
            .into_iter()
            .map(|word| word.text)
            .collect()
    }

    /// `text` drawn from `x` at `size` on baseline `y`, one glyph every 0.55 of the size.
    fn run(text: &str, x: f32, y: f32, size: f32) -> Vec<(String, f32, f32, f32)> {
        text.chars()
            .enumerate()
            .map(|(n, c)| (c.to_string(), x + n as f32 * 0.55 * size, y, size))
            .collect()
    }

    fn glyphs_of(runs: &[Vec<(String, f32, f32, f32)>]) -> Vec<String> {
        let flat: Vec<(String, f32, f32, f32)> = runs.concat();
        let borrowed: Vec<(&str, f32, f32, f32)> = flat
            .iter()
            .map(|(t, x, y, s)| (t.as_str(), *x, *y, *s))
            .collect();
        sized_words(&borrowed)
    }

    #[test]
    fn a_raised_smaller_digit_glued_to_a_word_is_a_superscript() {
        // A footnote call drawn as HTML's <sup> draws it: a plain `1` at 60 %, raised a third of an em.
        let code = run("L1M2D3", 100.0, 100.0, SIZE);
        let end = 100.0 + 6.0 * 0.55 * SIZE;
        let call = run("12", end, 96.5, 6.0);
        let title = run("Report", end + 12.0, 100.0, SIZE);
        assert_eq!(glyphs_of(&[code, call, title]), ["L1M2D3¹²", "Report"]);
        // Digits of the word's own size, or smaller on its baseline, or raised
        // but as large, stay what they are.
        let same = run("L1M2D31", 100.0, 100.0, SIZE);
        assert_eq!(glyphs_of(&[same]), ["L1M2D31"]);
        let small = run("L1M2D3", 100.0, 100.0, SIZE);
        let low = run("1", end, 100.0, 6.0);
        assert_eq!(glyphs_of(&[small, low]), ["L1M2D31"]);
        let word = run("m", 100.0, 100.0, SIZE);
        let raised_letter = run("er", 100.0 + 0.55 * SIZE, 96.5, 6.0);
        assert_eq!(glyphs_of(&[word, raised_letter]), ["mer"]);
        // A word that opens with a small raised digit has nothing to be raised above.
        let lone = run("2", 100.0, 96.5, 6.0);
        let after = run("m", 100.0 + 0.55 * 6.0, 100.0, SIZE);
        assert_eq!(glyphs_of(&[lone, after]), ["2m"]);
    }

    #[test]
    fn a_note_call_set_nine_tenths_large_and_raised_half_an_em_is_a_superscript() {
        // Style sheets set calls at 80 to 90 % and raise them up to half an em
        // (WeasyPrint's `<sup>`: 90 %, 0.45 em); the call stays on its code.
        let end = 100.0 + 6.0 * 0.55 * SIZE;
        for (size, rise) in [(0.9, 0.45), (0.8, 0.5), (0.83, 0.33)] {
            let code = run("L1M2D3", 100.0, 100.0, SIZE);
            let call = run("4", end, 100.0 - rise * SIZE, size * SIZE);
            let title = run("Report", end + 12.0, 100.0, SIZE);
            assert_eq!(glyphs_of(&[code, call, title]), ["L1M2D3⁴", "Report"]);
        }
        // A digit as large as the word, or raised by a line, is no call.
        let code = run("L1M2D3", 100.0, 100.0, SIZE);
        let high = run("4", end, 100.0 - 0.9 * SIZE, 0.9 * SIZE);
        assert_eq!(glyphs_of(&[code, high]), ["L1M2D3", "4"]);
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
    fn a_glyph_overprinting_the_end_of_a_word_starts_a_word_of_its_own() {
        // `Gen-` of a column too wide for its page column runs into the
        // next column, whose bullet starts 0.2 em before the hyphen's
        // advance ends.
        let glued = [
            ("G", 10.0, 5.5),
            ("e", 15.5, 5.5),
            ("n", 21.0, 5.5),
            ("-", 26.5, 5.5),
            ("•", 30.0, 5.0),
            ("x", 37.0, 5.5),
        ];
        assert_eq!(line_words(&glued), ["Gen-", "•", "x"]);
        // Kerning pulls a glyph back a seventh of an em at most: `AVA`
        // stays one word.
        let kerned = [("A", 10.0, 6.5), ("V", 15.2, 6.5), ("A", 20.4, 6.5)];
        assert_eq!(line_words(&kerned), ["AVA"]);
        // An accent drawn as a glyph of its own over its letter stays in
        // the word.
        let accented = [
            ("e", 10.0, 5.5),
            ("t", 15.5, 5.5),
            ("e", 21.0, 5.5),
            ("\u{b4}", 21.5, 5.0),
            ("s", 26.5, 5.5),
        ];
        assert_eq!(line_words(&accented), ["ete\u{b4}s"]);
        // Stated widths too wide for every glyph (the pen moves less than
        // they say) tell no overlap: the word holds.
        let wide = [
            ("w", 10.0, 10.0),
            ("o", 15.5, 10.0),
            ("r", 21.0, 10.0),
            ("d", 26.5, 10.0),
        ];
        assert_eq!(line_words(&wide), ["word"]);
        // A control code left in a string split across content streams
        // draws nothing: its advance is no overlap.
        let split = [
            ("P", 10.0, 6.5),
            ("o", 16.5, 5.5),
            ("t", 22.0, 3.0),
            ("\u{0}", 25.0, 8.0),
            ("a", 25.0, 5.5),
            ("t", 30.5, 3.0),
        ];
        assert_eq!(line_words(&split), ["Pot\u{0}at"]);
    }

    #[test]
    fn a_bullet_glued_to_a_word_starts_a_word_of_its_own() {
        // A page column's item drawn against the last word of the column
        // before it, no gap between them.
        let glued = [
            ("u", 10.0, 5.5),
            ("n", 15.5, 5.5),
            ("•", 21.0, 5.0),
            ("P", 26.0, 5.5),
        ];
        assert_eq!(line_words(&glued), ["un", "•P"]);
        // After a space or a punctuation mark it is as it was drawn.
        let spaced = [("a", 10.0, 5.5), (")", 15.5, 3.0), ("•", 18.5, 5.0)];
        assert_eq!(line_words(&spaced), ["a)•"]);
    }

    #[test]
    fn a_glyph_on_a_baseline_of_its_own_starts_a_word() {
        // The next column's line, a third of an em lower, touches the end
        // of this one's: two words, while a smaller raised digit stays a
        // superscript of its word.
        let mut glyphs = run("ab", 10.0, 100.0, SIZE);
        glyphs.extend(run("cd", 21.0, 103.5, SIZE));
        assert_eq!(glyphs_of(&[glyphs]), ["ab", "cd"]);
        let mut called = run("ab", 10.0, 100.0, SIZE);
        called.push(("1".to_owned(), 21.0, 96.0, 6.0));
        assert_eq!(glyphs_of(&[called]), ["ab¹"]);
    }

    #[test]
    fn glyphs_without_stated_advances_reach_as_far_as_a_digit() {
        // `2019 and` whose digits claim no width (`/Widths` without digits),
        // 0.636 em apart, a space of 0.318 em before `and`.
        let mut glyphs = Vec::new();
        for (i, digit) in ["2", "0", "1", "9"].into_iter().enumerate() {
            glyphs.push((digit, 100.0 + i as f32 * 6.36, 0.0));
        }
        for (i, letter) in ["a", "n", "d"].into_iter().enumerate() {
            glyphs.push((letter, 134.62 + i as f32 * 6.0, 6.0));
        }
        assert_eq!(line_words(&glyphs), ["2019", "and"]);
    }

    #[test]
    fn dot_leaders_become_one_word_that_bridges_title_and_mark() {
        let mut glyphs = vec![
            ("e", 100.0, 5.0),
            ("n", 105.0, 5.0),
            ("d", 110.0, 5.0),
            (".", 115.0, 2.5),
        ];
        for i in 0..8 {
            glyphs.push((".", 117.5 + i as f32 * 2.5, 2.5));
        }
        glyphs.push(("✓", 137.5, 6.0));
        assert_eq!(line_words(&glyphs), ["end", "…", "✓"]);
        // Dots set a space apart, wherever they end: the first one glued to
        // the title's last word is its full stop.
        for dots in [4, 9] {
            let mut glyphs = vec![("e", 100.0, 5.0), ("t", 105.0, 5.0), (".", 110.0, 2.5)];
            for i in 0..dots {
                glyphs.push((".", 115.0 + i as f32 * 5.0, 2.5));
            }
            glyphs.push(("V", 117.0 + dots as f32 * 5.0, 6.0));
            assert_eq!(line_words(&glyphs), ["et.", "…", "V"], "{dots} dots");
        }
        // Two or three dots are text (an ellipsis, `etc..`).
        let ellipsis = [
            ("e", 100.0, 5.0),
            (".", 105.0, 2.5),
            (".", 107.5, 2.5),
            (".", 110.0, 2.5),
        ];
        assert_eq!(line_words(&ellipsis), ["e..."]);
    }

    #[test]
    fn a_drawn_no_break_space_binds_its_words_and_stays() {
        // `Transfer` and `»` 0.3 em apart with U+202F drawn between them (a
        // French closing quote), then a mark beyond a gutter with U+00A0
        // drawn in the gutter (an empty cell): the first pair is one word
        // that keeps its U+202F, the mark stays apart.
        let glyphs = [
            ("T", 100.0, 5.0),
            ("r", 105.0, 5.0),
            ("\u{202f}", 110.0, 2.0),
            ("»", 113.0, 5.0),
            ("\u{a0}", 130.0, 2.5),
            ("V", 160.0, 5.0),
        ];
        assert_eq!(line_words(&glyphs), ["Tr\u{202f}»", "V"]);
        let spaced = [
            ("T", 100.0, 5.0),
            ("r", 105.0, 5.0),
            (" ", 110.0, 2.0),
            ("»", 113.0, 5.0),
        ];
        assert_eq!(line_words(&spaced), ["Tr", "»"]);
    }

    #[test]
    fn one_wide_space_where_the_font_changes_is_a_word_space() {
        // `Aim 1:` with `1` and the space before it from a fallback font
        // whose space is 1.8 em wide and fills the gap: one word.
        let fallback = |glyphs: &[(&str, f32, f32, u16)]| {
            let mut page = GlyphPage {
                width: 600.0,
                height: 800.0,
                ..GlyphPage::default()
            };
            for &(text, x, width, font) in glyphs {
                page.push(text, x, 100.0, width, SIZE);
                if let Some(glyph) = page.glyphs.last_mut() {
                    glyph.font = font;
                }
            }
            let advances = Advances::learn(&[&page]);
            let (row, spaces): (Vec<&Glyph>, Vec<&Glyph>) = page
                .glyphs
                .iter()
                .partition(|g| !page.glyph_text(g).trim().is_empty());
            words(&page, &row, &Spaces::of(&page, spaces), SIZE, &advances)
                .into_iter()
                .map(|word| word.text)
                .collect::<Vec<_>>()
        };
        let heading = [
            ("A", 100.0, 7.0, 0),
            ("i", 107.0, 3.0, 0),
            ("m", 110.0, 9.0, 0),
            (" ", 119.0, 18.0, 1),
            ("1", 137.0, 12.0, 1),
            (":", 149.0, 4.0, 0),
        ];
        assert_eq!(fallback(&heading), ["Aim 1:"]);
        // The same gap in one font, or a space that does not fill it (the
        // pen moved on to the next cell), still breaks.
        let one_font: Vec<_> = heading.iter().map(|&(t, x, w, _)| (t, x, w, 0)).collect();
        assert_eq!(fallback(&one_font), ["Aim", "1:"]);
        let moved = [
            ("m", 110.0, 9.0, 0),
            (" ", 119.0, 3.0, 1),
            ("1", 137.0, 12.0, 1),
        ];
        assert_eq!(fallback(&moved), ["m", "1"]);
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
