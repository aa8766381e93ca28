//! Codes cut without a hyphen: a code too long for a narrow code column
//! wraps inside its own cell, its head on one line and its tail on the next
//! (`L1M1D` over `1`), and neither piece is a code alone.
//!
//! The two pieces are rejoined into one word when geometry and the code
//! grammar agree that they are one cell's wrap:
//! - the tail is the first word that the lines below the head put in the
//!   head's column box, at most [`CUT_PITCH`] em below it (a mark centred
//!   between the two lines in another column may come between them);
//! - it starts at the head's left edge (within [`CUT_EDGE`] em), the
//!   column's edge where the cell's lines start, and ends before whatever
//!   follows the head on its line (the next column);
//! - nothing else of its line lies in that box;
//! - the head alone is no code of any shape (`1.1` over `1.2` are two
//!   codes), the tail is letters and digits and no row code, and glued
//!   together they are one row code ([`grammar::is_code_word`]).
//!
//! A head that is already a code (`L1M1D1` over `2`) is left alone: the
//! tail may be the cell's second line as much as a cut, and guessing a
//! `L1M1D12` that the document may not hold would be a silent wrong code.

use super::lines::TextLine;
use super::thresholds::{CUT_EDGE, CUT_PITCH, SAME_SIZE};
use super::words::Word;
use crate::grammar;

/// Glues the tails of codes cut inside their cell back onto their heads,
/// removing each tail from its line and the lines left without a word.
/// `lines` run top to bottom.
pub(super) fn rejoin_cut_codes(lines: &mut Vec<TextLine>) {
    let mut joined = false;
    for upper in 0..lines.len() {
        for at in 0..lines.get(upper).map_or(0, |line| line.words.len()) {
            if let Some((lower, index)) = cut_tail(lines, upper, at) {
                let tail = lines
                    .get_mut(lower)
                    .filter(|line| index < line.words.len())
                    .map(|line| line.words.remove(index));
                if let (Some(tail), Some(head)) = (
                    tail,
                    lines.get_mut(upper).and_then(|line| line.words.get_mut(at)),
                ) {
                    glue(head, tail);
                    joined = true;
                }
            }
        }
    }
    if joined {
        lines.retain(|line| !line.words.is_empty());
    }
}

/// The line and index of the tail of the code whose head is word `at` of
/// line `upper`, when the pieces are one code cut inside its cell.
fn cut_tail(lines: &[TextLine], upper: usize, at: usize) -> Option<(usize, usize)> {
    let line = lines.get(upper)?;
    let head = line.words.get(at)?;
    // The digit test first: it is asked of every word of a page, the code
    // readers only of the few words holding a digit.
    if !head.text.chars().any(|c| c.is_ascii_digit()) || is_code(&head.text) {
        return None;
    }
    // The head's column box: from its left edge to the next word of its
    // line (the next column), or as far as its own end when it is last.
    let right = line.words.get(at + 1).map_or(head.x1, |next| next.x0);
    let inside = |word: &Word| word.x0 < right && word.x1 > head.x0;
    let (lower, below) = lines
        .iter()
        .enumerate()
        .skip(upper + 1)
        .take_while(|(_, below)| below.y - line.y <= CUT_PITCH * line.size)
        .find(|(_, below)| below.words.iter().any(inside))?;
    if below.size.max(line.size) > SAME_SIZE * below.size.min(line.size) {
        return None;
    }
    let mut boxed = below
        .words
        .iter()
        .enumerate()
        .filter(|(_, word)| inside(word));
    let (index, tail) = boxed.next()?;
    let alone = boxed.next().is_none();
    let aligned = (tail.x0 - head.x0).abs() <= CUT_EDGE * line.size;
    let glued = format!("{}{}", head.text, tail.text);
    (alone
        && aligned
        && tail.x1 <= right
        && tail.text.chars().all(|c| c.is_ascii_alphanumeric())
        && !grammar::is_code_word(&tail.text)
        && grammar::is_code_word(&glued))
    .then_some((lower, index))
}

/// Whether a word is a code on its own: a row anchor (`L1M1D1`) or a code
/// of any shape the grammar reads (`1.1`, `A2`), which a piece below may
/// continue as the cell's next line as much as complete.
fn is_code(word: &str) -> bool {
    grammar::is_code_word(word)
        || grammar::code_at_start(word, None)
            .is_some_and(|code| word.get(code.rest..).is_some_and(str::is_empty))
}

/// Appends `tail` to `head`, one word over both boxes.
fn glue(head: &mut Word, tail: Word) {
    head.text.push_str(&tail.text);
    head.x1 = head.x1.max(tail.x1);
    head.letters += tail.letters;
    head.heavy += tail.heavy;
    head.others += tail.others;
    head.heavy_others += tail.heavy_others;
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 14.0;

    /// A line at `y` of words `(text, x0)`, each as wide as 0.6 em a glyph.
    fn line(y: f32, words: &[(&str, f32)]) -> TextLine {
        TextLine {
            y,
            size: SIZE,
            words: words
                .iter()
                .map(|&(text, x0)| {
                    let x1 = x0 + text.chars().count() as f32 * 0.6 * SIZE;
                    Word::unweighed(text.to_owned(), x0, x1, SIZE)
                })
                .collect(),
        }
    }

    fn texts(lines: &[TextLine]) -> Vec<Vec<&str>> {
        lines
            .iter()
            .map(|line| line.words.iter().map(|word| word.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_code_wrapped_in_its_narrow_column_is_glued_back() {
        let mut lines = vec![
            line(100.0, &[("L1M1D", 50.0), ("Flood", 110.0), ("risk", 160.0)]),
            line(108.0, &[("✓", 300.0)]),
            line(116.0, &[("1", 50.0), ("towns", 110.0)]),
            line(140.0, &[("L1M1D", 50.0), ("Annual", 110.0)]),
            line(156.0, &[("2", 50.0)]),
        ];
        rejoin_cut_codes(&mut lines);
        assert_eq!(
            texts(&lines),
            vec![
                vec!["L1M1D1", "Flood", "risk"],
                vec!["✓"],
                vec!["towns"],
                vec!["L1M1D2", "Annual"],
            ]
        );
    }

    #[test]
    fn a_cut_code_beside_a_wrapped_measure_cell_is_glued_back() {
        // The measure column's text runs on the tail's line, left of it.
        let mut lines = vec![
            line(100.0, &[("L1M1", 20.0), ("Que", 70.0), ("L1M1D", 150.0)]),
            line(
                116.0,
                &[("los", 70.0), ("1", 150.0), ("internacionales", 210.0)],
            ),
        ];
        rejoin_cut_codes(&mut lines);
        assert_eq!(
            texts(&lines),
            vec![
                vec!["L1M1", "Que", "L1M1D1"],
                vec!["los", "internacionales"]
            ]
        );
    }

    #[test]
    fn pieces_that_are_no_cut_code_stay_apart() {
        let cases: [[TextLine; 2]; 6] = [
            // The head is a whole code already: the tail may be a second line.
            [
                line(100.0, &[("L1M1D1", 50.0)]),
                line(116.0, &[("2", 50.0)]),
            ],
            // The tail does not start at the head's edge.
            [line(100.0, &[("L1M1D", 50.0)]), line(116.0, &[("1", 60.0)])],
            // A paragraph further down, not the cell's next line.
            [line(100.0, &[("L1M1D", 50.0)]), line(140.0, &[("1", 50.0)])],
            // The glued word is no code.
            [line(100.0, &[("Room", 50.0)]), line(116.0, &[("12", 50.0)])],
            // Two codes of a dotted outline, one above the other.
            [line(100.0, &[("1.1", 50.0)]), line(116.0, &[("1.2", 50.0)])],
            // The tail runs into the next column: a line of text, not a cell.
            [
                line(100.0, &[("L1M1D", 50.0), ("Flood", 110.0)]),
                line(116.0, &[("1", 50.0), ("more", 90.0)]),
            ],
        ];
        for case in cases {
            let mut lines = case.to_vec();
            rejoin_cut_codes(&mut lines);
            assert_eq!(lines, case.to_vec());
        }
    }
}
