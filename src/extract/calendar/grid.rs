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

use crate::markup::plain;
use crate::page::Table;

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
        let mut runs: Vec<(usize, u8, u8)> = Vec::new();
        for (index, month) in marked {
            match runs.last_mut() {
                Some((last, _, end)) if *last + 1 == index => {
                    *last = index;
                    *end = month;
                }
                _ => runs.push((index, month, month)),
            }
        }
        events.extend(runs.into_iter().map(|(_, start, end)| GridEvent {
            line: row.line,
            text: text.clone(),
            months: (start, end),
        }));
    }
    Some(events)
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

    #[test]
    fn months_out_of_order_are_no_header() {
        let shuffled = "Event\tMarch\tJanuary\tFebruary\nSummit\tX\t\t\n";
        assert_eq!(events(shuffled), Vec::new());
    }
}
