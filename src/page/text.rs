//! Blocks from lines of text: what a text or Markdown file's lines are, and
//! what a PDF page's lines outside its geometric tables are.

use super::{table, Block, BlockKind, Cell, Row};

/// How a line of text reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Blank,
    /// A Markdown pipe-table line; `separator` for `|---|:--|`.
    Pipe {
        separator: bool,
    },
    /// A line of tab-separated cells.
    Tabbed,
    Heading(u8),
    ListItem,
    Prose,
}

fn shape(line: &str) -> Shape {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Shape::Blank;
    }
    if trimmed.starts_with('|') {
        let separator = trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
        return Shape::Pipe { separator };
    }
    if line.contains('\t') {
        return Shape::Tabbed;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes)
        && trimmed
            .get(hashes..)
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return Shape::Heading(u8::try_from(hashes).unwrap_or(6));
    }
    if is_list_item(trimmed) {
        return Shape::ListItem;
    }
    Shape::Prose
}

/// `- item`, `* item`, `+ item`, `• item`, `1. item`, `2) item`.
fn is_list_item(trimmed: &str) -> bool {
    let bulleted = ["- ", "* ", "+ ", "• "]
        .iter()
        .any(|bullet| trimmed.starts_with(bullet));
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=3).contains(&digits)
        && trimmed
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(". ") || rest.starts_with(") "));
    bulleted || numbered
}

/// The cells of a pipe-table line: the text between the pipes, trimmed (the
/// outer pipes open and close the row, they hold no cell).
fn pipe_cells(line: &str) -> Vec<Cell> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .enumerate()
        .map(|(column, cell)| Cell::of_text(column, cell.trim()))
        .collect()
}

/// The cells of a tab-separated line, trimmed; empty cells keep their column.
fn tabbed_cells(line: &str) -> Vec<Cell> {
    line.split('\t')
        .enumerate()
        .map(|(column, cell)| Cell::of_text(column, cell.trim()))
        .collect()
}

/// Fewest lines a space-aligned table has: a heading row and two rows.
const MIN_ALIGNED_LINES: usize = 3;

/// Fewest spaces between two columns of a space-aligned table.
const MIN_GUTTER: usize = 2;

/// The character columns of `line` that are spaces in a run of at least
/// [`MIN_GUTTER`], its indentation too (a row whose first cell is empty,
/// `       Axe B    Vivre à domicile`, shows the first gutter there).
fn gutter_columns(line: &str) -> Vec<bool> {
    let chars: Vec<char> = line.chars().collect();
    let mut spaces = vec![false; chars.len()];
    let mut at = 0;
    while at < chars.len() {
        let run = chars.iter().skip(at).take_while(|c| **c == ' ').count();
        if run >= MIN_GUTTER {
            spaces
                .iter_mut()
                .skip(at)
                .take(run)
                .for_each(|flag| *flag = true);
        }
        at += run.max(1);
    }
    // A line ends before its last columns (a row with its last cells empty).
    spaces.truncate(
        chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |last| last + 1),
    );
    spaces
}

/// The gutters common to `lines`, as character ranges: columns where every
/// line has a run of spaces (or has ended, when it is not the first line).
fn common_gutters(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    let Some((first, rest)) = lines.split_first() else {
        return Vec::new();
    };
    let mut common = gutter_columns(first);
    for line in rest {
        let own = gutter_columns(line);
        let ended = line.trim_end().chars().count();
        for (at, flag) in common.iter_mut().enumerate() {
            *flag &= own.get(at).copied().unwrap_or(at >= ended);
        }
    }
    let mut gutters = Vec::new();
    let mut at = 0;
    while at < common.len() {
        let run = common.iter().skip(at).take_while(|flag| **flag).count();
        // Spaces that open every line are an indentation, not a gutter.
        if run >= MIN_GUTTER && at > 0 {
            gutters.push(at..at + run);
        }
        at += run.max(1);
    }
    gutters
}

/// The cells of a space-aligned line between `gutters`, trimmed; empty
/// cells keep their column.
fn aligned_cells(line: &str, gutters: &[std::ops::Range<usize>]) -> Vec<Cell> {
    let chars: Vec<char> = line.chars().collect();
    let mut bounds = vec![0];
    for gutter in gutters {
        bounds.push(gutter.start);
        bounds.push(gutter.end);
    }
    bounds.push(
        chars
            .len()
            .max(gutters.last().map_or(0, |gutter| gutter.end)),
    );
    bounds
        .chunks(2)
        .enumerate()
        .map(|(column, pair)| {
            let (from, to) = match pair {
                [from, to] => (*from, *to),
                _ => (0, 0),
            };
            let text: String = chars
                .iter()
                .skip(from)
                .take(to.saturating_sub(from))
                .collect();
            Cell::of_text(column, text.trim())
        })
        .collect()
}

/// The end of a space-aligned table starting at `lines[index]` (prose lines
/// whose columns of spaces line up, as a fixed-width export or `pdftotext
/// -layout` prints a table), with its gutters: at least
/// [`MIN_ALIGNED_LINES`] rows, the first with every cell filled. A cell
/// that wraps puts the rest of its text on lines of their own, under its
/// column and every other cell empty (`1.1   Training for all GP   Done`
/// over `      reception staff`): such a line is a row of the table once
/// two rows have set its gutters, and it sets none itself.
fn aligned_table(
    lines: &[&str],
    index: usize,
    covered: &[bool],
) -> Option<(usize, Vec<std::ops::Range<usize>>)> {
    let prose = |at: usize| {
        !covered.get(at).copied().unwrap_or(true)
            && lines
                .get(at)
                .is_some_and(|line| shape(line) == Shape::Prose)
    };
    // Every row holds two cells or more: a short line after a table, or
    // after prose with two spaces between sentences, is no row.
    let filled = |line: &str, gutters: &[std::ops::Range<usize>]| {
        aligned_cells(line, gutters)
            .iter()
            .filter(|cell| !cell.text().is_empty())
            .count()
    };
    let mut end = index;
    let mut rows: Vec<&str> = Vec::new();
    let mut taken: Vec<&str> = Vec::new();
    let mut gutters = Vec::new();
    let fits = |rows: &[&str], found: &[std::ops::Range<usize>]| {
        !found.is_empty() && rows.iter().all(|row| filled(row, found) >= 2)
    };
    while prose(end) {
        let line = lines.get(end)?;
        taken.push(line);
        // The rest of a wrapped cell may narrow a gutter it runs into, but
        // closes none.
        let found = common_gutters(&taken);
        if rows.len() >= 2
            && found.len() == gutters.len()
            && is_wrapped_cell_line(line, &found)
            && fits(&rows, &found)
        {
            gutters = found;
            end += 1;
            continue;
        }
        rows.push(line);
        if !fits(&rows, &found) {
            rows.pop();
            break;
        }
        gutters = found;
        end += 1;
    }
    if rows.len() < MIN_ALIGNED_LINES {
        return None;
    }
    let heading = aligned_cells(lines.get(index)?, &gutters);
    heading
        .iter()
        .all(|cell| !cell.text().is_empty())
        .then_some((end, gutters))
}

/// Whether `line` is the rest of one wrapped cell of a space-aligned table
/// with `gutters`: indented past the first column, its text all inside one
/// column other than the first, no letter of it in a gutter.
fn is_wrapped_cell_line(line: &str, gutters: &[std::ops::Range<usize>]) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let Some(first) = chars.iter().position(|c| !c.is_whitespace()) else {
        return false;
    };
    let last = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .unwrap_or(first);
    let Some(column) = gutters.iter().rposition(|gutter| gutter.end <= first) else {
        return false;
    };
    let column_end = gutters
        .get(column + 1)
        .map_or(usize::MAX, |next| next.start);
    last < column_end
}

/// The pipes of a line of a pipe table written without its outer pipes
/// (`2023-O-03 | Aprobar el calendario | 100 %`), as a plain-text export
/// writes it: at least one ` | ` between cells; none for any other line.
fn inner_pipes(line: &str) -> usize {
    if line.contains(" | ") {
        line.matches('|').count()
    } else {
        0
    }
}

/// Whether a line is a row of a pipe table without outer pipes whose first
/// cell is empty (` | OE1 | Economía local`, a parent row under a status
/// column): it opens with a pipe and does not close with one.
fn opens_with_empty_cell(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with("| ") && !trimmed.ends_with('|')
}

/// The cells of a row of a pipe table without outer pipes: every pipe
/// separates two cells, so a row opening with one has an empty first cell
/// and a row closing with one an empty last cell, and every row of the
/// table has as many cells.
fn bare_pipe_cells(line: &str) -> Vec<Cell> {
    line.trim()
        .split('|')
        .enumerate()
        .map(|(column, cell)| Cell::of_text(column, cell.trim()))
        .collect()
}

/// Whether a cell of a pipe table is a count: a whole number, perhaps a
/// share (`14`, `60 %`, `60%`).
fn is_count_cell(cell: &str) -> bool {
    let number = cell.trim().trim_end_matches('%').trim_end();
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether two lines without outer pipes are a small table of counts: a
/// heading of words over one row of counts, as many pipes in each
/// (`Cumplidas | En ejecución | Total` over `5 | 6 | 14`), the row's first
/// cell perhaps its label (`Actions | 5 | 6 | 14`). No sentence is a row of
/// bare numbers, so two lines are enough where a table of text needs
/// [`MIN_ALIGNED_LINES`].
fn counts_under_heading(head: &str, row: &str) -> bool {
    let heading: Vec<&str> = head.split('|').map(str::trim).collect();
    let counts: Vec<&str> = row.split('|').map(str::trim).collect();
    let numbers = counts.iter().filter(|cell| is_count_cell(cell)).count();
    heading
        .iter()
        .all(|cell| !cell.is_empty() && !cell.chars().any(|c| c.is_ascii_digit()))
        && counts.iter().skip(1).all(|cell| is_count_cell(cell))
        && numbers >= 2
}

/// The end of a pipe table without outer pipes starting at `lines[index]`:
/// at least [`MIN_ALIGNED_LINES`] prose lines with as many inner pipes
/// each, so that a sentence with one ` | ` in it is no table, or a heading
/// and its row of counts ([`counts_under_heading`]).
fn bare_pipe_table(lines: &[&str], index: usize, covered: &[bool]) -> Option<usize> {
    let pipes = inner_pipes(lines.get(index)?);
    if pipes == 0 {
        return None;
    }
    let mut end = index;
    while !covered.get(end).copied().unwrap_or(true)
        && lines.get(end).is_some_and(|line| {
            (shape(line) == Shape::Prose || opens_with_empty_cell(line))
                && inner_pipes(line) == pipes
        })
    {
        end += 1;
    }
    let counts = end - index == 2
        && lines
            .get(index)
            .zip(lines.get(index + 1))
            .is_some_and(|(head, row)| counts_under_heading(head, row));
    (end - index >= MIN_ALIGNED_LINES || counts).then_some(end)
}

/// The end of a pipe table without outer pipes whose heading row opens
/// with its empty corner cell (` | G | A | R | Total` over `Activities | 6
/// | 5 | 2 | 13`, a cross table of counts): the rows under it as many
/// inner pipes each, one row at least. A sentence never opens with a pipe,
/// so two lines are enough. A separator row (` | :--`) heads nothing.
fn corner_pipe_table(lines: &[&str], index: usize, covered: &[bool]) -> Option<usize> {
    let head = lines.get(index)?;
    if shape(head) != (Shape::Pipe { separator: false }) || !opens_with_empty_cell(head) {
        return None;
    }
    let pipes = inner_pipes(head);
    let mut end = index + 1;
    while !covered.get(end).copied().unwrap_or(true)
        && lines
            .get(end)
            .is_some_and(|line| shape(line) == Shape::Prose && inner_pipes(line) == pipes)
    {
        end += 1;
    }
    (pipes > 0 && end - index >= 2).then_some(end)
}

/// The blocks of a page's (or a text file's) lines, indices relative to
/// `lines`. `given` blocks (a PDF page's tables, found from geometry) keep
/// their lines; the other lines form blocks from their text alone:
/// consecutive tab-separated lines one table, consecutive pipe-table lines
/// another (separator rows inside it, but no row), `#` headings and list
/// items one block each (a list item goes on over the lines that follow it
/// up to a blank line or another block), and the rest paragraphs separated
/// by blank lines. Blank lines belong to no block. The result is in line
/// order.
pub fn text_blocks(lines: &[&str], given: Vec<Block>) -> Vec<Block> {
    let mut covered = vec![false; lines.len()];
    for block in &given {
        for flag in covered
            .iter_mut()
            .take(block.lines.end)
            .skip(block.lines.start)
        {
            *flag = true;
        }
    }
    let mut blocks = given;
    let mut index = 0;
    while index < lines.len() {
        if covered.get(index).copied().unwrap_or(true) {
            index += 1;
            continue;
        }
        let first = shape(lines.get(index).copied().unwrap_or_default());
        let bare = if first == Shape::Prose {
            bare_pipe_table(lines, index, &covered)
        } else {
            corner_pipe_table(lines, index, &covered)
        };
        if first == Shape::Prose || bare.is_some() {
            if let Some(end) = bare {
                let rows = (index..end)
                    .filter_map(|at| {
                        Some(Row {
                            line: at,
                            cells: bare_pipe_cells(lines.get(at)?),
                            bbox: None,
                        })
                    })
                    .collect();
                blocks.push(Block {
                    kind: BlockKind::Table(table(rows)),
                    lines: index..end,
                    bbox: None,
                });
                index = end;
                continue;
            }
            if let Some((end, gutters)) = aligned_table(lines, index, &covered) {
                let rows = (index..end)
                    .filter_map(|at| {
                        Some(Row {
                            line: at,
                            cells: aligned_cells(lines.get(at)?, &gutters),
                            bbox: None,
                        })
                    })
                    .collect();
                blocks.push(Block {
                    kind: BlockKind::Table(table(rows)),
                    lines: index..end,
                    bbox: None,
                });
                index = end;
                continue;
            }
        }
        // How far a block that starts here runs: while `goes_on` holds for
        // the next uncovered line.
        let goes_on = |next: Shape| match first {
            Shape::Blank | Shape::Heading(_) => false,
            Shape::Pipe { .. } => matches!(next, Shape::Pipe { .. }),
            Shape::Tabbed => next == Shape::Tabbed,
            Shape::ListItem | Shape::Prose => next == Shape::Prose,
        };
        let mut end = index + 1;
        while end < lines.len()
            && !covered.get(end).copied().unwrap_or(true)
            && goes_on(shape(lines.get(end).copied().unwrap_or_default()))
        {
            end += 1;
        }
        let kind = match first {
            Shape::Blank => None,
            Shape::Heading(level) => Some(BlockKind::Heading { level }),
            Shape::ListItem => Some(BlockKind::ListItem),
            Shape::Prose => Some(BlockKind::Paragraph),
            Shape::Pipe { .. } | Shape::Tabbed => {
                let rows = (index..end)
                    .filter_map(|at| {
                        let line = lines.get(at)?;
                        let cells = match shape(line) {
                            Shape::Pipe { separator: false } => pipe_cells(line),
                            Shape::Tabbed => tabbed_cells(line),
                            _ => return None,
                        };
                        Some(Row {
                            line: at,
                            cells,
                            bbox: None,
                        })
                    })
                    .collect();
                Some(BlockKind::Table(table(rows)))
            }
        };
        if let Some(kind) = kind {
            blocks.push(Block {
                kind,
                lines: index..end,
                bbox: None,
            });
        }
        index = end;
    }
    blocks.sort_by_key(|block| block.lines.start);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        let lines: Vec<&str> = text.lines().collect();
        text_blocks(&lines, Vec::new())
    }

    fn cell_texts(block: &Block) -> Vec<Vec<&str>> {
        block
            .table()
            .map(|table| {
                table
                    .rows
                    .iter()
                    .map(|row| row.cells.iter().map(Cell::text).collect())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn consecutive_tab_separated_lines_are_one_table() {
        let found = blocks("Intro line\nL1M1\tL1M1D1 Calendario\tv\n\tL1M1D2 Presencia\tx\n\nEnd");
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].kind, BlockKind::Paragraph);
        assert_eq!(found[1].lines, 1..3);
        assert_eq!(
            cell_texts(&found[1]),
            [
                vec!["L1M1", "L1M1D1 Calendario", "v"],
                vec!["", "L1M1D2 Presencia", "x"]
            ]
        );
        let table = found[1].table().expect("a table");
        assert_eq!(table.columns, 3);
        assert_eq!(table.rows[1].line, 2);
        assert_eq!(table.rows[1].cells[2].column, 2);
        assert_eq!(found[2].lines, 4..5);
    }

    /// Columns of spaces that line up over three lines or more make a
    /// table; prose with two spaces between sentences does not.
    #[test]
    fn space_aligned_lines_are_a_table() {
        let found = blocks(
            "Intro\n\nNo.   Tarea                  Estado\n7     Pintar la fachada      Hecho\n12    Cambiar la caldera\n15    Podar los árboles      Pendiente\nFin\n",
        );
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(table.lines, 2..6);
        assert_eq!(
            cell_texts(table),
            [
                vec!["No.", "Tarea", "Estado"],
                vec!["7", "Pintar la fachada", "Hecho"],
                vec!["12", "Cambiar la caldera", ""],
                vec!["15", "Podar los árboles", "Pendiente"],
            ]
        );
        let prose =
            blocks("One sentence.  Another one.\nA second line.  More.\nShort\nLast line here.\n");
        assert!(prose.iter().all(|block| block.table().is_none()));
    }

    /// A cell that wraps puts the rest of its text on lines of its own,
    /// under its column (as a fixed-width export prints a long title): those
    /// lines are rows of the table, with every other cell empty, in any
    /// column but the first; a line whose words cross a gutter ends it.
    #[test]
    fn a_wrapped_cell_goes_on_in_its_column() {
        let found = blocks(
            "Ref   Action                          Status\n\
             1.1   Awareness training for all      Done\n\
             \x20     reception staff\n\
             1.2   Register in every practice      Done\n\
             1.3   Guidance on spotting young      Ongoing\n\
             \x20     carers, written with the forum\n\
             \x20  Source: the partners' returns of the year\n",
        );
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(table.lines, 0..6);
        assert_eq!(
            cell_texts(table),
            [
                vec!["Ref", "Action", "Status"],
                vec!["1.1", "Awareness training for all", "Done"],
                vec!["", "reception staff", ""],
                vec!["1.2", "Register in every practice", "Done"],
                vec!["1.3", "Guidance on spotting young", "Ongoing"],
                vec!["", "carers, written with the forum", ""],
            ]
        );
        // Under the heading alone a wrapped line proves no column: the
        // heading and one row are no table.
        let short = blocks(
            "Réf   Action                      État\n\
             1.1   Formation de l'accueil      Réalisée\n\
             \x20     des mairies\n",
        );
        assert!(short.iter().all(|block| block.table().is_none()));
    }

    /// A row whose first cell is empty starts with spaces up to its second
    /// column; a table indented as a whole keeps its first column.
    #[test]
    fn an_aligned_row_may_open_with_an_empty_cell() {
        let found = blocks(
            "État   Code     Intitulé\n       Axe B    Vivre à domicile\n✔      B-I-1    Diagnostic gratuit\n➜      B-I-2    Aide aux travaux\n",
        );
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(
            cell_texts(table)[..2],
            [
                vec!["État", "Code", "Intitulé"],
                vec!["", "Axe B", "Vivre à domicile"]
            ]
        );
        let indented = blocks("   No.   Tarea      Estado\n   7     Pintar     Hecho\n   15    Podar      Pendiente\n");
        let table = indented
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(cell_texts(table)[0], ["No.", "Tarea", "Estado"]);
    }

    /// Pipe rows without their outer pipes make a table when three lines
    /// or more have as many pipes; one sentence with a pipe does not.
    #[test]
    fn pipe_rows_without_outer_pipes_are_a_table() {
        let found = blocks(
            "Suivi\n\nRéf. | Tâche | État\nT-4 | Repeindre le préau | Fait\nT-9 | Changer la chaudière | En cours\nFin | du tableau\n",
        );
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(table.lines, 2..5);
        assert_eq!(
            cell_texts(table),
            [
                vec!["Réf.", "Tâche", "État"],
                vec!["T-4", "Repeindre le préau", "Fait"],
                vec!["T-9", "Changer la chaudière", "En cours"],
            ]
        );
        let prose = blocks("Read A | B as a choice.\nAnother line.\nA third one.\n");
        assert!(prose.iter().all(|block| block.table().is_none()));
    }

    /// A heading of status words over one row of counts, without outer
    /// pipes, is a table of two rows (a report's totals, one column per
    /// status), in any language; two lines of text with pipes are not, nor
    /// a heading whose cells hold numbers.
    #[test]
    fn a_heading_over_one_row_of_counts_is_a_table() {
        for (source, heading) in [
            (
                "Resumen\n\nCumplidas | En ejecución | No iniciadas | Total\n5 | 6 | 3 | 14\n\nFin.\n",
                vec!["Cumplidas", "En ejecución", "No iniciadas", "Total"],
            ),
            (
                "Summary\n\nDone | Under way | Not begun\n7 | 2 | 1\n",
                vec!["Done", "Under way", "Not begun"],
            ),
            (
                "Bilan\n\nActions | Réalisées | En cours | Total\nPlan | 40 % | 60 % | 10\n",
                vec!["Actions", "Réalisées", "En cours", "Total"],
            ),
        ] {
            let found = blocks(source);
            let table = found
                .iter()
                .find(|block| block.table().is_some())
                .unwrap_or_else(|| panic!("a table in {source:?}"));
            assert_eq!(cell_texts(table)[0], heading, "{source:?}");
            assert_eq!(cell_texts(table).len(), 2, "{source:?}");
        }
        for prose in [
            "Read A | B as a choice.\nThen C | D.\n",
            "Année 2023 | 2024\n5 | 6\n",
            "Done | Under way\n7 | soon\n",
        ] {
            let found = blocks(prose);
            assert!(
                found.iter().all(|block| block.table().is_none()),
                "{prose:?}"
            );
        }
    }

    /// A row of such a table whose first cell is empty opens with a pipe
    /// (` | OE1 | …`, a parent row under a status column): it stays in the
    /// table, its empty cell first.
    #[test]
    fn a_row_without_outer_pipes_may_open_with_an_empty_cell() {
        let found = blocks(
            "Semáforo | Código | Descripción\n | OE1 | Economía local\nVerde | R1.1 | Ruta\n | OE2 | Servicios\nRojo | R2.1 | Depósito\n",
        );
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(table.lines, 0..5);
        assert_eq!(
            cell_texts(table)[1..3],
            [
                vec!["", "OE1", "Economía local"],
                vec!["Verde", "R1.1", "Ruta"]
            ]
        );
    }

    /// A cross table of counts written without outer pipes, its heading
    /// row opening with the empty corner cell: one table of two rows, the
    /// corner kept as the first cell, even with one row under it.
    #[test]
    fn a_cross_table_opening_with_its_empty_corner_cell() {
        let found = blocks(" | Hecho | En curso | Total\nAcciones | 4 | 3 | 7\n\nFin.\n");
        let table = found
            .iter()
            .find(|block| block.table().is_some())
            .expect("a table");
        assert_eq!(table.lines, 0..2);
        assert_eq!(
            cell_texts(table),
            [
                vec!["", "Hecho", "En curso", "Total"],
                vec!["Acciones", "4", "3", "7"]
            ]
        );
    }

    #[test]
    fn a_pipe_table_drops_its_separator_row_and_trims_cells() {
        let found = blocks("| Código | Estado |\n|---|:---:|\n| L1M1D1 **Calendario** | v |\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines, 0..3);
        assert_eq!(
            cell_texts(&found[0]),
            [vec!["Código", "Estado"], vec!["L1M1D1 **Calendario**", "v"]]
        );
        let lines: Vec<usize> = found[0]
            .table()
            .map(|table| table.rows.iter().map(|row| row.line).collect())
            .unwrap_or_default();
        assert_eq!(lines, [0, 2], "the separator is in the table but no row");
    }

    /// Each block's kind and the range of lines it holds.
    fn kinds_and_lines(found: &[Block]) -> Vec<(&BlockKind, std::ops::Range<usize>)> {
        found
            .iter()
            .map(|block| (&block.kind, block.lines.clone()))
            .collect()
    }

    #[test]
    fn list_items_take_their_wrapped_lines() {
        let found =
            blocks("- first item\n  goes on\n* second\n• third\n1. fourth\n2) fifth\nplain");
        let kinds = kinds_and_lines(&found);
        assert_eq!(
            kinds,
            [
                (&BlockKind::ListItem, 0..2),
                (&BlockKind::ListItem, 2..3),
                (&BlockKind::ListItem, 3..4),
                (&BlockKind::ListItem, 4..5),
                (&BlockKind::ListItem, 5..7),
            ]
        );
    }

    #[test]
    fn headings_stand_alone_and_paragraphs_end_at_blank_lines() {
        let found = blocks("## Plan de trabajo\nUna línea\notra línea\n\n#hashtag line\n");
        let kinds = kinds_and_lines(&found);
        assert_eq!(
            kinds,
            [
                (&BlockKind::Heading { level: 2 }, 0..1),
                (&BlockKind::Paragraph, 1..3),
                (&BlockKind::Paragraph, 4..5),
            ]
        );
    }

    /// Pieces of the shapes the builder tells apart.
    const PIECES: &[&str] = &[
        "\t", "|", " | ", "|---|", ":--", "# ", "## ", "- ", "* ", "• ", "1. ", "2) ", "L1M1D1",
        "v", "texto", " ", "",
    ];

    proptest::proptest! {
        #[test]
        fn blocks_are_ordered_disjoint_and_rows_match_their_lines(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(PIECES), 0..6),
                0..30,
            )
        ) {
            let source: Vec<String> = lines.iter().map(|pieces| pieces.concat()).collect();
            let refs: Vec<&str> = source.iter().map(String::as_str).collect();
            let found = text_blocks(&refs, Vec::new());
            let mut end = 0;
            for block in &found {
                proptest::prop_assert!(block.lines.start >= end && block.lines.start < block.lines.end);
                proptest::prop_assert!(block.lines.end <= refs.len());
                end = block.lines.end;
                for row in block.table().map_or(&[][..], |table| &table.rows) {
                    proptest::prop_assert!(block.lines.contains(&row.line));
                    let line = refs[row.line];
                    let texts: Vec<&str> = row.cells.iter().map(|c| c.text()).collect();
                    let from_prose = block.lines.clone().any(|at| shape(refs[at]) == Shape::Prose);
                    if from_prose {
                        // A table found in prose lines (pipes without the
                        // outer ones, or columns of spaces, under a heading
                        // row that opens with its empty corner cell too):
                        // each row keeps the line's text, and every row as
                        // many cells.
                        let kept = |text: &str| text.chars().filter(|c| !c.is_whitespace() && *c != '|').collect::<String>();
                        proptest::prop_assert_eq!(kept(&texts.concat()), kept(line));
                        let first = block.table().map_or(0, |table| table.rows.first().map_or(0, |row| row.cells.len()));
                        proptest::prop_assert_eq!(texts.len(), first);
                    } else if line.trim().starts_with('|') {
                        proptest::prop_assert_eq!(texts.len(), line.trim().trim_matches('|').split('|').count());
                    } else {
                        let trimmed: Vec<&str> = line.split('\t').map(str::trim).collect();
                        proptest::prop_assert_eq!(texts, trimmed);
                    }
                }
            }
            for (index, line) in refs.iter().enumerate() {
                let covered = found.iter().any(|block| block.lines.contains(&index));
                proptest::prop_assert_eq!(covered, !line.trim().is_empty(), "blank lines only are in no block");
            }
        }
    }

    #[test]
    fn given_blocks_keep_their_lines() {
        let lines = ["a\tb", "c\td", "prose"];
        let given = Block {
            kind: BlockKind::Table(table(Vec::new())),
            lines: 0..1,
            bbox: None,
        };
        let found = text_blocks(&lines, vec![given.clone()]);
        assert_eq!(found[0], given);
        assert_eq!(
            found[1].lines,
            1..2,
            "the uncovered tab line is a table of its own"
        );
        assert_eq!(cell_texts(&found[1]), [vec!["c", "d"]]);
        assert_eq!(found[2].kind, BlockKind::Paragraph);
    }
}
