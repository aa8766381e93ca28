//! Year grids: calendars printed as a Gantt chart, one column per month.
//!
//! A work plan may set its events out as the rows of a grid whose header
//! names the months, one a column (`Event │ Jan │ Feb │ … │ Dec`), and mark
//! each event's months with a sign in their columns (`X`, `●`, a filled
//! cell's `■`). The event is then the text of the row's other cells, and its
//! months are the columns its marks stand in: one event for each run of
//! consecutive marked months (a bar over March to May is one event, from
//! March to May).
//!
//! A column is a month's when its header cell is one month name and nothing
//! else, and the header names at least [`MIN_MONTHS`] months in increasing
//! order (a table that mentions a month or two in its header is no year
//! grid). A mark is a short cell: at most [`MARK_CHARS`] characters, no
//! letters but a lone `X` or `x`. A row whose month cells hold longer text
//! is no event of the grid (a remark, a subtotal): it is left to the other
//! readers rather than dated by guess.

use super::geometry::{median, visual_lines, VisualLine};
use crate::markup::plain;
use crate::page::{Block, Table, WordRef};

/// The fewest month columns a header must name for a table to be a year grid.
const MIN_MONTHS: usize = 3;

/// The longest cell, in characters, that reads as a mark in a month column.
const MARK_CHARS: usize = 2;

/// One event of a year grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridEvent {
    /// Index of the row's line (into `Text::lines`).
    pub line: usize,
    /// The text of the row's cells outside the month columns, joined by spaces.
    pub text: String,
    /// First and last month of the run of marked months (1-12).
    pub months: (u8, u8),
}

/// The month columns of `table`'s header row (the first row naming
/// [`MIN_MONTHS`] months in increasing order), with the header's position
/// among the rows: `(row, [(column, month)])`.
fn month_columns(
    table: &Table,
    month_of: &impl Fn(&str) -> Option<u8>,
) -> Option<(usize, Vec<(usize, u8)>)> {
    table.rows.iter().take(2).enumerate().find_map(|(at, row)| {
        let columns: Vec<(usize, u8)> = row
            .cells
            .iter()
            .filter_map(|cell| {
                let text = plain(cell.text());
                let mut words = text.split_whitespace();
                let month = month_of(words.next()?)?;
                words.next().is_none().then_some((cell.column, month))
            })
            .collect();
        let increasing = columns.windows(2).all(|pair| match pair {
            [(left, first), (right, second)] => left < right && first < second,
            _ => true,
        });
        (columns.len() >= MIN_MONTHS && increasing).then_some((at, columns))
    })
}

/// Whether `cell` reads as a mark in a month column.
fn is_mark(cell: &str) -> bool {
    let cell = cell.trim();
    let count = cell.chars().count();
    (1..=MARK_CHARS).contains(&count)
        && cell
            .chars()
            .all(|c| !c.is_alphanumeric() || c == 'X' || c == 'x')
}

/// The events of `table` read as a year grid, or `None` when it is not one.
pub fn read(table: &Table, month_of: impl Fn(&str) -> Option<u8>) -> Option<Vec<GridEvent>> {
    let (header, columns) = month_columns(table, &month_of)?;
    let month_at = |column: usize| {
        columns
            .iter()
            .position(|(at, _)| *at == column)
            .and_then(|index| columns.get(index).map(|(_, month)| (index, *month)))
    };
    let mut events = Vec::new();
    for row in table.rows.iter().skip(header + 1) {
        let mut marked: Vec<(usize, u8)> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut remark = false;
        for cell in &row.cells {
            let text = plain(cell.text());
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            match month_at(cell.column) {
                Some(month) if is_mark(text) => marked.push(month),
                Some(_) => remark = true,
                None => words.push(text.to_owned()),
            }
        }
        if remark || words.is_empty() {
            continue;
        }
        let text = words.join(" ");
        // Runs of months next to each other in the header: one event each.
        events.extend(runs(&marked).into_iter().map(|months| GridEvent {
            line: row.line,
            text: text.clone(),
            months,
        }));
    }
    Some(events)
}

/// How far a title line may sit from the marks of its row, in pitches
/// between title lines (most of which open a row): the lines of a wrapped
/// title sit within half a pitch of marks centred on them, a row of its
/// own a whole pitch away.
const TITLE_REACH: f32 = 0.75;

/// A title's lines wrap at a pitch under this share of the pitch between
/// rows (a cell's padding lies between rows, not between a cell's lines).
const WRAP_BELOW_ROW: f32 = 0.9;

/// The widest blank between two lines of a grid, in font sizes: wider is
/// the end of the grid (a heading and the text after it).
const GRID_GAP: f32 = 1.5;

/// A line of a grid read from its words: the line, its title words, and
/// its marks as (index among the header's months, month).
type GridLine<'l, 'w> = (&'l VisualLine<'w>, Vec<&'w str>, Vec<(usize, u8)>);

/// The events of a year grid read from the words of `block`'s table, for a
/// grid the page model did not cut into its rows and month columns (no
/// rulings between them, month names set close together, a title wrapped
/// beside a mark centred on it). The header is a line of [`MIN_MONTHS`]
/// month names or more, left to right in increasing order; a mark stands
/// under one month name (within half the narrowest spacing of their
/// centres); the title is the text left of the first month. A row is a
/// line of marks with the title lines nearest to it, within
/// [`TITLE_REACH`] of the pitch between title lines; a title line farther
/// from every row of marks goes with the title line next to it at the
/// wrapping pitch, and one as near to two rows, or wrapped between lines
/// of two rows, belongs to no event. The
/// grid ends at a blank wider than [`GRID_GAP`] or at a line with other
/// text than marks under the months. `None` when there is no such header.
pub fn read_words(block: &Block, month_of: impl Fn(&str) -> Option<u8>) -> Option<Vec<GridEvent>> {
    let table = block.table()?;
    let words: Vec<(WordRef, usize)> = table
        .rows
        .iter()
        .flat_map(|row| {
            row.cells
                .iter()
                .flat_map(move |cell| cell.words().iter().map(move |word| (word, row.line)))
        })
        .collect();
    let lines = visual_lines(words);
    let (header, months) = lines.iter().enumerate().find_map(|(at, line)| {
        let months: Vec<(f32, f32, u8)> = line
            .words
            .iter()
            .filter_map(|w| Some((w.bbox.x0, w.bbox.x1, month_of(&plain(w.text))?)))
            .collect();
        let increasing = months
            .windows(2)
            .all(|pair| matches!(pair, [a, b] if a.1 < b.0 && a.2 < b.2));
        (months.len() >= MIN_MONTHS && increasing).then_some((at, months))
    })?;
    let centre = |(x0, x1, _): &(f32, f32, u8)| (x0 + x1) / 2.0;
    let reach = months
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] => Some(centre(b) - centre(a)),
            _ => None,
        })
        .fold(f32::INFINITY, f32::min)
        / 2.0;
    let first_month = months.first()?.0;
    let month_at = |x: f32| {
        months
            .iter()
            .enumerate()
            .find(|(_, m)| (centre(m) - x).abs() < reach)
            .map(|(index, m)| (index, m.2))
    };
    // The grid's lines: (line, title words, marked months).
    let mut rows: Vec<GridLine<'_, '_>> = Vec::new();
    let mut bottom = lines.get(header)?.bbox.y1;
    for line in lines.iter().skip(header + 1) {
        let size = median(line.words.iter().map(|w| w.size));
        if line.bbox.y0 - bottom > GRID_GAP * size {
            break;
        }
        bottom = line.bbox.y1;
        let mut titles = Vec::new();
        let mut marks = Vec::new();
        let mut other = false;
        for word in &line.words {
            if word.bbox.x1 < first_month {
                titles.push(word.text);
            } else if let Some(month) =
                month_at((word.bbox.x0 + word.bbox.x1) / 2.0).filter(|_| is_mark(&plain(word.text)))
            {
                marks.push(month);
            } else {
                other = true;
            }
        }
        if other {
            break;
        }
        rows.push((line, titles, marks));
    }
    let middle = |line: &VisualLine| (line.bbox.y0 + line.bbox.y1) / 2.0;
    let marked: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].2.is_empty()).collect();
    // The pitch between rows: between two title lines next to each other
    // that both hold marks (rows of one line), else the commonest pitch
    // between title lines.
    let titled_rows: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].1.is_empty()).collect();
    let titled: Vec<f32> = titled_rows.iter().map(|&i| middle(rows[i].0)).collect();
    let pitches = |both_marked: bool| {
        titled_rows
            .windows(2)
            .filter_map(|pair| match pair {
                [a, b] if !both_marked || (!rows[*a].2.is_empty() && !rows[*b].2.is_empty()) => {
                    Some(middle(rows[*b].0) - middle(rows[*a].0))
                }
                _ => None,
            })
            .collect::<Vec<f32>>()
    };
    let one_line_rows = pitches(true);
    let pitch = if one_line_rows.is_empty() {
        median(pitches(false).into_iter())
    } else {
        median(one_line_rows.into_iter())
    };
    // Each title line joins the row of marks nearest to it, when only one is.
    let mut row_of: Vec<Option<usize>> = vec![None; rows.len()];
    for (at, (line, titles, marks)) in rows.iter().enumerate() {
        if titles.is_empty() {
            continue;
        }
        if !marks.is_empty() {
            row_of[at] = Some(at);
            continue;
        }
        let mut near: Vec<(f32, usize)> = marked
            .iter()
            .map(|&row| ((middle(rows[row].0) - middle(line)).abs(), row))
            .filter(|(distance, _)| *distance <= TITLE_REACH * pitch)
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        let size = median(line.words.iter().map(|w| w.size));
        row_of[at] = match near.as_slice() {
            [(_, row)] => Some(*row),
            [(first, row), (second, _), ..] if second - first > 0.25 * size => Some(*row),
            _ => None,
        };
    }
    // A long title wraps farther from its centred marks than the reach: a
    // title line left over goes with the title line next to it at the
    // wrapping pitch (the least between title lines, under the row pitch),
    // when that line's row is known and the lines on either side do not
    // name two rows.
    let wrap = titled
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] => Some(b - a),
            _ => None,
        })
        .fold(f32::INFINITY, f32::min);
    if wrap < WRAP_BELOW_ROW * pitch {
        loop {
            let mut changed = false;
            for (k, &at) in titled_rows.iter().enumerate() {
                if row_of[at].is_some() {
                    continue;
                }
                let neighbour = |other: Option<&usize>| {
                    other.and_then(|&o| {
                        let close = (middle(rows[o].0) - middle(rows[at].0)).abs() <= 1.1 * wrap;
                        close.then_some(row_of[o]).flatten()
                    })
                };
                let above = neighbour(k.checked_sub(1).and_then(|j| titled_rows.get(j)));
                let below = neighbour(titled_rows.get(k + 1));
                let joined = match (above, below) {
                    (Some(a), Some(b)) if a != b => None,
                    (a, b) => a.or(b),
                };
                if joined.is_some() {
                    row_of[at] = joined;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
    let mut titles_of: Vec<Vec<&str>> = vec![Vec::new(); rows.len()];
    for (at, (_, titles, _)) in rows.iter().enumerate() {
        if let Some(row) = row_of[at] {
            titles_of[row].extend(titles);
        }
    }
    let mut events = Vec::new();
    for &row in &marked {
        let (line, _, marks) = &rows[row];
        // Lines were joined top to bottom: the title reads in order.
        let text = titles_of[row].join(" ");
        if text.is_empty() {
            continue;
        }
        events.extend(runs(marks).into_iter().map(|months| GridEvent {
            line: line.line,
            text: text.clone(),
            months,
        }));
    }
    Some(events)
}

/// Runs of months next to each other in the header, as (first, last) month.
fn runs(marked: &[(usize, u8)]) -> Vec<(u8, u8)> {
    let mut runs: Vec<(usize, u8, u8)> = Vec::new();
    for &(index, month) in marked {
        match runs.last_mut() {
            Some((last, _, end)) if *last + 1 == index => {
                *last = index;
                *end = month;
            }
            _ => runs.push((index, month, month)),
        }
    }
    runs.into_iter()
        .map(|(_, start, end)| (start, end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::normalize::Text;

    fn events(source: &str) -> Vec<(String, (u8, u8))> {
        let text = Text::from_plain(source);
        let lex = Lexicons::all();
        text.blocks
            .iter()
            .filter_map(|block| block.table())
            .filter_map(|table| read(table, |word| lex.month(word)))
            .flatten()
            .map(|event| (event.text, event.months))
            .collect()
    }

    #[test]
    fn marks_under_month_columns_date_the_rows() {
        let grid = "Activité\tjanv.\tfévr.\tmars\tavril\n\
                    Atelier régional\t\tX\t\t\n\
                    Assemblée annuelle\t\t\t\t●\n";
        assert_eq!(
            events(grid),
            vec![
                ("Atelier régional".to_owned(), (2, 2)),
                ("Assemblée annuelle".to_owned(), (4, 4)),
            ]
        );
    }

    #[test]
    fn a_bar_over_consecutive_months_is_one_event_and_a_gap_starts_another() {
        let grid = "Actividad\tEnero\tFebrero\tMarzo\tAbril\tMayo\n\
                    Escuela de verano\t■\t■\t\t■\t■\n";
        assert_eq!(
            events(grid),
            vec![
                ("Escuela de verano".to_owned(), (1, 2)),
                ("Escuela de verano".to_owned(), (4, 5)),
            ]
        );
    }

    #[test]
    fn text_in_a_month_column_or_too_few_months_is_no_grid_event() {
        let remark = "Event\tJan\tFeb\tMar\n\
                      Board meeting\tX\t\t\n\
                      Budget\tto be decided\t\t\n";
        assert_eq!(events(remark), vec![("Board meeting".to_owned(), (1, 1))]);
        let two_months = "Event\tJan\tFeb\tTotal\nBoard meeting\tX\t\t3\n";
        assert_eq!(events(two_months), Vec::new());
    }

    /// A table block of one row whose words are `(text, x, y)`, 8 pt high,
    /// 6 pt a character: a grid the page model did not cut apart.
    fn word_block(words: &[(&str, f32, f32)]) -> Block {
        let mut cell_words = crate::page::Words::default();
        for &(text, x, y) in words {
            cell_words.push(&crate::page::Word {
                text: text.to_owned(),
                bbox: crate::page::BoundingBox {
                    x0: x,
                    y0: y,
                    x1: x + 6.0 * text.chars().count() as f32,
                    y1: y + 8.0,
                },
                size: 8.0,
                bold: None,
            });
        }
        let row = crate::page::Row {
            line: 0,
            cells: vec![crate::page::Cell::new(
                0,
                Vec::new(),
                String::new(),
                None,
                cell_words,
            )],
            bbox: None,
        };
        Block {
            lines: 0..1,
            kind: crate::page::BlockKind::Table(crate::page::table(vec![row])),
            bbox: None,
        }
    }

    fn word_events(words: &[(&str, f32, f32)]) -> Option<Vec<(String, (u8, u8))>> {
        let lex = Lexicons::all();
        let events = read_words(&word_block(words), |word| lex.month(word))?;
        Some(events.into_iter().map(|e| (e.text, e.months)).collect())
    }

    #[test]
    fn a_grid_not_cut_into_cells_is_read_from_its_words() {
        // Months 60 pt apart from x = 200; a wrapped title with its mark
        // centred between its lines; a title without marks, a row of its
        // own; a bar over two months; then a heading after a blank.
        let words = [
            ("Activité", 10.0, 0.0),
            ("janvier", 200.0, 0.0),
            ("février", 260.0, 0.0),
            ("mars", 320.0, 0.0),
            ("avril", 380.0, 0.0),
            ("Atelier", 10.0, 15.0),
            ("de", 60.0, 15.0),
            ("Tartu", 80.0, 15.0),
            ("X", 278.0, 15.0),
            ("Forum", 10.0, 30.0),
            ("des", 50.0, 30.0),
            ("ports", 75.0, 30.0),
            ("X", 329.0, 35.5),
            ("baltes", 10.0, 41.0),
            ("Rapport", 10.0, 56.0),
            ("sans", 60.0, 56.0),
            ("date", 90.0, 56.0),
            ("Assemblée", 10.0, 71.0),
            ("■", 329.0, 71.0),
            ("■", 392.0, 71.0),
            ("Publications", 10.0, 100.0),
            ("X", 218.0, 100.0),
        ];
        assert_eq!(
            word_events(&words),
            Some(vec![
                ("Atelier de Tartu".to_owned(), (2, 2)),
                ("Forum des ports baltes".to_owned(), (3, 3)),
                ("Assemblée".to_owned(), (3, 4)),
            ])
        );
    }

    #[test]
    fn a_long_title_wrapped_around_its_centred_mark_is_whole() {
        // Four lines 11 pt apart, the mark centred on them; rows of one
        // line 15 pt apart around it.
        let words = [
            ("Event", 10.0, 0.0),
            ("January", 200.0, 0.0),
            ("February", 260.0, 0.0),
            ("March", 320.0, 0.0),
            ("Summit", 10.0, 15.0),
            ("X", 218.0, 15.0),
            ("Expo", 10.0, 30.0),
            ("X", 218.0, 30.0),
            ("Seventh forum of", 10.0, 45.0),
            ("the regional", 10.0, 56.0),
            ("X", 281.0, 61.5),
            ("ports on", 10.0, 67.0),
            ("blue jobs", 10.0, 78.0),
            ("Fair", 10.0, 93.0),
            ("X", 332.0, 93.0),
            ("Board", 10.0, 108.0),
            ("X", 332.0, 108.0),
        ];
        let got = word_events(&words).unwrap_or_default();
        assert_eq!(
            got.get(2),
            Some(&(
                "Seventh forum of the regional ports on blue jobs".to_owned(),
                (2, 2)
            ))
        );
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn a_title_line_as_near_to_two_rows_of_marks_joins_neither() {
        // `(online)` sits halfway between the marks of the rows above and
        // below it: it is left out rather than given to either.
        let words = [
            ("Event", 10.0, 0.0),
            ("January", 200.0, 0.0),
            ("February", 260.0, 0.0),
            ("March", 320.0, 0.0),
            ("Summit", 10.0, 15.0),
            ("X", 218.0, 15.0),
            ("(online)", 10.0, 25.0),
            ("Forum", 10.0, 35.0),
            ("X", 332.0, 35.0),
            ("Expo", 10.0, 50.0),
            ("X", 281.0, 50.0),
            ("Board", 10.0, 65.0),
            ("X", 218.0, 65.0),
            ("Fair", 10.0, 80.0),
            ("X", 332.0, 80.0),
        ];
        let got = word_events(&words).unwrap_or_default();
        let texts: Vec<&str> = got.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(texts, ["Summit", "Forum", "Expo", "Board", "Fair"]);
        assert_eq!(got.get(1).map(|e| e.1), Some((3, 3)));
    }

    #[test]
    fn without_a_header_of_months_there_is_no_word_grid() {
        let words = [
            ("Event", 10.0, 0.0),
            ("January", 200.0, 0.0),
            ("Total", 260.0, 0.0),
            ("X", 218.0, 15.0),
        ];
        assert_eq!(word_events(&words), None);
    }

    #[test]
    fn months_out_of_order_are_no_header() {
        let shuffled = "Event\tMarch\tJanuary\tFebruary\nSummit\tX\t\t\n";
        assert_eq!(events(shuffled), Vec::new());
    }
}
