//! Margin line numbers: drafts, bills and legal texts number the lines of
//! each page (every line, or every fifth) in a narrow column left of all
//! the page's text. The numbers belong to no paragraph and no table: left
//! in, they open every line with a cell of their own, and a heading between
//! two tables becomes a row of one page-wide table.
//!
//! A page has such a column when at least [`LINE_NUMBER_LINES`] of its
//! lines open on a bare number, the numbers are aligned on one edge, rise
//! from line to line down the page, end at least [`LINE_NUMBER_GAP`] em
//! left of every other word of the page, and are set smaller than the
//! text ([`LINE_NUMBER_SIZE`]). A table's own column of row numbers fails
//! the last two tests: it is set as the table's text, and its header, a
//! heading or a paragraph starts at or left of the numbers.

use super::lines::TextLine;
use super::thresholds::{LINE_NUMBER_ALIGN, LINE_NUMBER_GAP, LINE_NUMBER_LINES, LINE_NUMBER_SIZE};
use super::words::Word;

/// Removes a page's margin line numbers from its `lines` (top to bottom),
/// and the lines that held nothing else.
pub(super) fn strip_line_numbers(lines: &mut Vec<TextLine>) {
    let numbered: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| {
            let first = line.words.first()?;
            let digits = !first.text.is_empty()
                && first.text.len() <= 4
                && first.text.chars().all(|c| c.is_ascii_digit());
            digits
                .then(|| first.text.parse().ok())
                .flatten()
                .map(|number| (index, number))
        })
        .collect();
    if numbered.len() < LINE_NUMBER_LINES {
        return;
    }
    let firsts: Vec<&Word> = numbered
        .iter()
        .filter_map(|&(index, _)| lines.get(index)?.words.first())
        .collect();
    let size = firsts.iter().map(|word| word.size).fold(0.0, f32::max);
    let spread = |edge: fn(&Word) -> f32| {
        let (low, high) = firsts
            .iter()
            .map(|word| edge(word))
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), x| {
                (lo.min(x), hi.max(x))
            });
        high - low
    };
    let aligned = spread(|word| word.x1) <= LINE_NUMBER_ALIGN * size
        || spread(|word| word.x0) <= LINE_NUMBER_ALIGN * size;
    let rising = numbered.windows(2).all(|pair| pair[0].1 < pair[1].1);
    let right = firsts
        .iter()
        .map(|word| word.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let text_left = lines
        .iter()
        .enumerate()
        .flat_map(|(index, line)| {
            let skip = usize::from(numbered.iter().any(|&(at, _)| at == index));
            line.words.iter().skip(skip)
        })
        .map(|word| word.x0)
        .fold(f32::INFINITY, f32::min);
    let apart = text_left - right >= LINE_NUMBER_GAP * size;
    let text_size = super::median(
        lines
            .iter()
            .flat_map(|line| line.words.iter().skip(1))
            .map(|word| word.size),
    );
    let smaller = size <= LINE_NUMBER_SIZE * text_size;
    if !(aligned && rising && apart && smaller) {
        return;
    }
    for &(index, _) in &numbered {
        if let Some(line) = lines.get_mut(index) {
            line.words.remove(0);
        }
    }
    lines.retain(|line| !line.words.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 9.0;
    /// Margin line numbers' size.
    const NUMBER: f32 = 7.0;

    fn word(text: &str, x0: f32, size: f32) -> Word {
        let x1 = x0 + 0.55 * size * text.chars().count() as f32;
        Word::unweighed(text.to_owned(), x0, x1, size)
    }

    /// A line on baseline `y`: its words at their left edges.
    fn line(y: f32, words: &[(&str, f32)]) -> TextLine {
        TextLine {
            y,
            size: SIZE,
            words: words.iter().map(|&(text, x)| word(text, x, SIZE)).collect(),
        }
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines
            .iter()
            .map(|line| {
                line.words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// A heading, a table header and rows, each line numbered right-aligned at 40.
    fn numbered_page(numbers: &[&str]) -> Vec<TextLine> {
        let body: [&[(&str, f32)]; 5] = [
            &[("LÍNEA", 56.0), ("2", 90.0)],
            &[("Código", 56.0), ("Estado", 480.0)],
            &[("L2M1D1", 56.0), ("Informe", 130.0), ("V", 480.0)],
            &[("L2M1D2", 56.0), ("Guía", 130.0), ("0", 480.0)],
            &[("L2M1D3", 56.0), ("Taller", 130.0), ("×", 480.0)],
        ];
        body.iter()
            .zip(numbers)
            .enumerate()
            .map(|(n, (words, number))| {
                let x = 40.0 - 0.55 * NUMBER * number.len() as f32;
                let mut numbered = line(100.0 + 12.0 * n as f32, words);
                numbered.words.insert(0, word(number, x, NUMBER));
                numbered
            })
            .collect()
    }

    #[test]
    fn numbers_left_of_all_the_text_are_dropped() {
        let mut lines = numbered_page(&["8", "9", "10", "11", "12"]);
        strip_line_numbers(&mut lines);
        assert_eq!(
            texts(&lines),
            [
                "LÍNEA 2",
                "Código Estado",
                "L2M1D1 Informe V",
                "L2M1D2 Guía 0",
                "L2M1D3 Taller ×"
            ]
        );
    }

    #[test]
    fn numbers_that_do_not_rise_or_are_too_few_stay() {
        for numbers in [&["8", "9", "10", "10", "12"][..], &["8", "9", "10"][..]] {
            let mut lines = numbered_page(numbers);
            lines.truncate(numbers.len());
            let before = texts(&lines);
            strip_line_numbers(&mut lines);
            assert_eq!(texts(&lines), before);
        }
    }

    #[test]
    fn numbers_as_large_as_the_text_are_a_tables_row_numbers() {
        let mut lines: Vec<TextLine> = ["1", "2", "3", "4", "5"]
            .iter()
            .enumerate()
            .map(|(n, number)| {
                line(
                    100.0 + 12.0 * n as f32,
                    &[(*number, 30.0), ("L1M1D1", 56.0)],
                )
            })
            .collect();
        let before = texts(&lines);
        strip_line_numbers(&mut lines);
        assert_eq!(texts(&lines), before);
    }

    #[test]
    fn a_tables_row_numbers_stay_when_text_starts_at_their_left() {
        let mut lines = vec![line(88.0, &[("#", 56.0), ("Código", 80.0)])];
        for (n, code) in ["L1M1D1", "L1M1D2", "L1M1D3", "L1M1D4"].iter().enumerate() {
            let number = (n + 1).to_string();
            lines.push(line(
                100.0 + 12.0 * n as f32,
                &[(number.as_str(), 60.0), (*code, 80.0)],
            ));
        }
        let before = texts(&lines);
        strip_line_numbers(&mut lines);
        assert_eq!(texts(&lines), before);
    }
}
