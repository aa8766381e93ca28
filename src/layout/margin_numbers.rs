//! Margin line numbers: drafts, bills and legal texts number the lines of
//! each page (every line, or every fifth) in a narrow column left of all
//! the page's text. The numbers belong to no paragraph and no table: left
//! in, they open every line with a cell of their own, and a heading between
//! two tables becomes a row of one page-wide table.
//!
//! A page has such a column when at least [`LINE_NUMBER_LINES`] of its
//! lines open on a bare number among the page's leftmost numbers (lines of
//! text opening on a number start further right), the numbers are aligned
//! on one edge, rise from line to line down the page, end at least
//! [`LINE_NUMBER_GAP`] em left of every other word of the page, and are set
//! smaller than the text ([`LINE_NUMBER_SIZE`]). A table's own column of row numbers fails
//! the last two tests: it is set as the table's text, and its header, a
//! heading or a paragraph starts at or left of the numbers.

use super::lines::TextLine;
use super::thresholds::{LINE_NUMBER_ALIGN, LINE_NUMBER_GAP, LINE_NUMBER_LINES, LINE_NUMBER_SIZE};
use super::words::Word;

/// Removes a page's margin line numbers from its `lines` (top to bottom),
/// and the lines that held nothing else.
pub(super) fn strip_line_numbers(lines: &mut Vec<TextLine>) {
    let numbered = margin_candidates(lines);
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

/// The lines that open on a bare number standing where a margin number
/// would: the leftmost such numbers, those ending within
/// [`LINE_NUMBER_ALIGN`] em of the leftmost one's end. A page numbered every
/// fifth line also has lines of text opening on a number (a list item, a
/// year): those start further right, with the text, and are no candidates.
fn margin_candidates(lines: &[TextLine]) -> Vec<(usize, u32)> {
    let bare: Vec<(usize, u32, &Word)> = lines
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
                .map(|number| (index, number, first))
        })
        .collect();
    let Some(leftmost) = bare
        .iter()
        .min_by(|a, b| a.2.x1.total_cmp(&b.2.x1))
        .map(|&(_, _, word)| word)
    else {
        return Vec::new();
    };
    let reach = LINE_NUMBER_ALIGN * leftmost.size.max(f32::EPSILON);
    bare.into_iter()
        .filter(|(_, _, word)| {
            word.x1 - leftmost.x1 <= reach || (word.x0 - leftmost.x0).abs() <= reach
        })
        .map(|(index, number, _)| (index, number))
        .collect()
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

    #[test]
    fn every_fifth_line_numbered_beside_lines_opening_on_numbers() {
        let body: [&[(&str, f32)]; 6] = [
            &[("Se", 56.0), ("reunió", 70.0), ("el", 100.0)],
            &[("2", 56.0), ("talleres", 64.0), ("en", 100.0)],
            &[("2021", 56.0), ("y", 80.0), ("otros", 90.0)],
            &[("3", 56.0), ("guías", 64.0), ("de", 100.0)],
            &[("uso", 56.0), ("público", 74.0), ("y", 110.0)],
            &[("5", 56.0), ("informes", 64.0), ("más", 110.0)],
        ];
        let mut lines: Vec<TextLine> = (0..20)
            .map(|n| {
                let mut numbered = line(100.0 + 12.0 * n as f32, body[n % body.len()]);
                let number = n + 1;
                if number % 5 == 0 {
                    let text = number.to_string();
                    let x = 40.0 - 0.55 * NUMBER * text.len() as f32;
                    numbered.words.insert(0, word(&text, x, NUMBER));
                }
                numbered
            })
            .collect();
        let expected: Vec<String> = (0..20)
            .map(|n| {
                body[n % body.len()]
                    .iter()
                    .map(|&(text, _)| text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        strip_line_numbers(&mut lines);
        assert_eq!(texts(&lines), expected);
    }

    /// Words a body line is drawn from: bare numbers among them, as lists
    /// and years open lines of text.
    const PIECES: &[&str] = &[
        "2", "15", "2024", "L1M2D3", "Informe", "de", "taller", "V", "×", "3.1",
    ];

    proptest::proptest! {
        #[test]
        fn only_margin_numbers_are_ever_removed(
            body in proptest::collection::vec(
                (proptest::sample::select(&[56.0f32, 70.0, 90.0][..]),
                 proptest::collection::vec(proptest::sample::select(PIECES), 2..6)),
                1..30,
            ),
            numbering in proptest::option::of((
                proptest::sample::select(&[1usize, 5][..]),
                1usize..600,
                proptest::bool::ANY,
            )),
        ) {
            let body_lines: Vec<TextLine> = body
                .iter()
                .enumerate()
                .map(|(n, (indent, pieces))| TextLine {
                    y: 100.0 + 12.0 * n as f32,
                    size: SIZE,
                    words: pieces
                        .iter()
                        .enumerate()
                        .map(|(k, text)| word(text, indent + 40.0 * k as f32, SIZE))
                        .collect(),
                })
                .collect();
            let mut lines = body_lines.clone();
            let mut numbered = 0;
            if let Some((step, start, right_aligned)) = numbering {
                for (n, line) in lines.iter_mut().enumerate() {
                    let number = start + n;
                    if number % step == 0 {
                        let text = number.to_string();
                        let width = 0.55 * NUMBER * text.len() as f32;
                        let x = if right_aligned { 40.0 - width } else { 24.0 };
                        line.words.insert(0, word(&text, x, NUMBER));
                        numbered += 1;
                    }
                }
            }
            let input = lines.clone();
            strip_line_numbers(&mut lines);
            // Whatever the page, a line loses at most its first word, a bare
            // number, and lines keep their order.
            let mut kept = lines.iter();
            let mut next = kept.next();
            for before in &input {
                let rest = &before.words[1..];
                let bare = before.words[0].text.chars().all(|c| c.is_ascii_digit());
                match next {
                    Some(after) if after.words == before.words => next = kept.next(),
                    Some(after) if bare && !rest.is_empty() && after.words == rest => next = kept.next(),
                    _ => proptest::prop_assert!(bare && rest.is_empty(), "line changed: {:?}", texts(std::slice::from_ref(before))),
                }
            }
            proptest::prop_assert!(next.is_none());
            if numbered >= LINE_NUMBER_LINES {
                proptest::prop_assert_eq!(texts(&lines), texts(&body_lines));
            } else {
                proptest::prop_assert_eq!(texts(&lines), texts(&input));
            }
        }
    }
}
