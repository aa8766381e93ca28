//! Reading order: the kept lines of a page as text, tables as rows in place
//! and prose with its paragraph breaks, and the page's blocks.

use super::columns::DocumentColumns;
use super::lines::TextLine;
use super::tables::{cell_text, find_regions, Fragment, LaidRow};
use super::thresholds::*;
use super::weight::marked_prose;
use super::words::Word;
use crate::page::{self, text_blocks, Block, BlockKind, BoundingBox, Cell, Row};

/// Lays out the kept lines of one page: its text, and the blocks its lines
/// form (indices into the text's lines).
///
/// Bold runs of prose lines come out as Markdown `**…**`, so the extractors
/// read a PDF's emphasis as they read a Markdown file's; table rows stay
/// plain, as the extractors of tables expect. A table's rows are the rows of
/// a table block; a prose line with wide gaps is a row of cells too (its
/// chunks), and consecutive such lines one table.
pub(super) fn render(lines: &[TextLine], document: &DocumentColumns) -> (String, Vec<Block>) {
    let mut out: Vec<String> = Vec::new();
    let mut tables: Vec<Block> = Vec::new();
    let mut prose: Vec<&TextLine> = Vec::new();
    let mut index = 0;
    let mut regions = find_regions(lines, document).into_iter().peekable();
    let pitch = usual_pitch(lines);
    while index < lines.len() {
        match regions.next_if(|region| region.first == index) {
            Some(region) => {
                flush_prose(&mut prose, pitch, &mut out, &mut tables);
                let first = out.len();
                let rows: Vec<Row> = region
                    .rows
                    .into_iter()
                    .map(|row| {
                        let row = table_row(row, out.len());
                        out.push(row_text(&row));
                        row
                    })
                    .collect();
                push_table(&mut tables, first..out.len(), rows);
                index = region.last + 1;
            }
            None => {
                prose.extend(lines.get(index));
                index += 1;
            }
        }
    }
    flush_prose(&mut prose, pitch, &mut out, &mut tables);
    let mut text = String::new();
    for line in &out {
        text.push_str(line);
        text.push('\n');
    }
    let texts: Vec<&str> = out.iter().map(String::as_str).collect();
    (text, text_blocks(&texts, tables))
}

/// Writes a run of prose lines; a line with wide gaps also becomes a row of
/// a table block (a chunked line right below another joins its table, not a
/// table found from columns just above the run).
fn flush_prose(
    prose: &mut Vec<&TextLine>,
    pitch: f32,
    out: &mut Vec<String>,
    tables: &mut Vec<Block>,
) {
    let run_start = out.len();
    let mut laid = prose.iter();
    for text in marked_prose(prose, pitch) {
        // Every line comes out non-empty; an empty one is a paragraph break.
        let line = if text.is_empty() { None } else { laid.next() };
        if let Some(line) = line.filter(|line| line.chunks().len() > 1) {
            let at = out.len();
            let row = chunk_row(line, at);
            let joins = tables
                .last()
                .is_some_and(|block| block.lines.start >= run_start && block.lines.end == at);
            match tables.last_mut() {
                Some(Block {
                    kind: BlockKind::Table(table),
                    lines,
                    bbox,
                }) if joins => {
                    *bbox = match (*bbox, row.bbox) {
                        (Some(a), Some(b)) => Some(a.union(b)),
                        (a, b) => a.or(b),
                    };
                    lines.end = at + 1;
                    table.columns = table.columns.max(row.cells.len());
                    table.rows.push(row);
                }
                _ => push_table(tables, at..at + 1, vec![row]),
            }
        }
        out.push(text);
    }
    prose.clear();
}

fn push_table(tables: &mut Vec<Block>, lines: std::ops::Range<usize>, rows: Vec<Row>) {
    let bbox = BoundingBox::enclosing(rows.iter().filter_map(|row| row.bbox));
    tables.push(Block {
        kind: BlockKind::Table(page::table(rows)),
        lines,
        bbox,
    });
}

/// The line a row renders to: its cells' texts, separated by tabs.
fn row_text(row: &Row) -> String {
    let texts: Vec<&str> = row.cells.iter().map(|cell| cell.text.as_str()).collect();
    texts.join("\t")
}

/// A table row of the model, rendered as line `line` of the page.
fn table_row(row: LaidRow, line: usize) -> Row {
    let top = row.top;
    let cells: Vec<Cell> = row
        .cells
        .into_iter()
        .enumerate()
        .map(|(column, pieces)| {
            let text = cell_text(&pieces);
            let words: Vec<page::Word> = pieces
                .iter()
                .flat_map(|piece: &Fragment| {
                    piece.words.iter().map(|word| model_word(word, piece.y))
                })
                .collect();
            Cell {
                column,
                lines: pieces.into_iter().map(|piece| piece.text).collect(),
                text,
                bbox: BoundingBox::enclosing(words.iter().map(|word| word.bbox)),
                words,
            }
        })
        .collect();
    let mut row = row_of(cells, line);
    // The row's band starts above its first words (an anchored row's band
    // starts at its anchor).
    if let Some(bbox) = &mut row.bbox {
        bbox.y0 = bbox.y0.min(top);
    }
    row
}

/// A prose line's chunks as a row of cells, rendered as line `line`.
fn chunk_row(text_line: &TextLine, line: usize) -> Row {
    let cells = text_line
        .chunks()
        .into_iter()
        .enumerate()
        .map(|(column, chunk)| {
            let text = chunk
                .iter()
                .map(|word| word.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let words: Vec<page::Word> = chunk
                .iter()
                .map(|word| model_word(word, text_line.y))
                .collect();
            Cell {
                column,
                lines: vec![text.clone()],
                text,
                bbox: BoundingBox::enclosing(words.iter().map(|word| word.bbox)),
                words,
            }
        })
        .collect();
    row_of(cells, line)
}

fn row_of(cells: Vec<Cell>, line: usize) -> Row {
    let bbox = BoundingBox::enclosing(cells.iter().filter_map(|cell| cell.bbox));
    Row { line, cells, bbox }
}

/// A word of the model: its box runs from the ascent of a capital
/// ([`WORD_ASCENT`] sizes above the baseline `y`) to the descent below it.
fn model_word(word: &Word, y: f32) -> page::Word {
    page::Word {
        text: word.text.clone(),
        bbox: BoundingBox {
            x0: word.x0,
            y0: y - WORD_ASCENT * word.size,
            x1: word.x1,
            y1: y + WORD_DESCENT * word.size,
        },
        size: word.size,
        bold: word.weight(),
    }
}

/// Whether `below` starts a new paragraph after `above` (see [`PARAGRAPH_GAP`]).
pub(super) fn starts_paragraph(above: &TextLine, below: &TextLine, usual_pitch: f32) -> bool {
    let size = above.size.max(below.size);
    let pitch = (below.y - above.y) / size;
    pitch > PARAGRAPH_GAP && pitch > PARAGRAPH_PITCH * usual_pitch
}

/// The page's usual line pitch, in font sizes: the lower quartile of the
/// pitches between consecutive lines of one size, so that a page of many
/// short paragraphs still shows its line spacing; 0 when no two lines follow.
pub(super) fn usual_pitch(lines: &[TextLine]) -> f32 {
    let mut pitches: Vec<f32> = lines
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            let (small, large) = (above.size.min(below.size), above.size.max(below.size));
            (large <= small * SAME_SIZE && small > 0.0).then(|| (below.y - above.y) / large)
        })
        .filter(|pitch| pitch.is_finite() && *pitch > 0.0)
        .collect();
    pitches.sort_by(f32::total_cmp);
    pitches.get(pitches.len() / 4).copied().unwrap_or(0.0)
}
