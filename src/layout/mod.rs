//! Glyphs to lines: rebuilds reading order, table rows and running texts from positions.
//!
//! PDF producers draw text in any order (row by row, column by column, bottom
//! up, headers last), so nothing here trusts content-stream order. For every
//! page of a document, [`lay_out`]:
//!
//! 1. groups glyphs into visual lines by baseline, and lines into words and
//!    chunks by the horizontal gaps between glyphs;
//! 2. recognises running headers and footers: lines in the top or bottom
//!    margin whose text, with every number replaced by `#`, recurs on at least
//!    two pages and 40 % of them (page numbers are the bare case, `#`). They
//!    are kept out of the text and returned in [`PageLayout::running`], so the
//!    caller can report them;
//! 3. finds tables: runs of lines whose chunks start at shared column edges
//!    without any word straddling an edge, holding at least one row with two
//!    filled cells. Column edges are learnt on the whole document, so a table
//!    continued on the next page, or a line whose gutter is narrower than a
//!    wide gap (≥ 0.55 em is enough at a known edge), still splits; the prose
//!    margin and a lone page number in the margin never make a column.
//!    Within a table, the lines of each
//!    column form cell blocks (a gap wider than the column's line pitch starts
//!    a new block), blocks that overlap vertically form one logical row (so a
//!    vertically centred mark joins its row), and a row in which one column
//!    has several blocks (a cell spanning several rows) is split at that
//!    column's blocks;
//! 4. writes each table row as one line, cells separated by a tab and the
//!    lines of a cell joined by a space (a word hyphenated across the cell's
//!    line end is rejoined), and every other line as its words, with a tab for
//!    a wide gap, as text exported by other converters does; beside the text,
//!    the page's [blocks](crate::page): each table with its rows and cells
//!    (a cell's lines, words and boxes), a line with wide gaps as a row of
//!    its chunks, and the prose between them;
//! 5. marks bold in prose lines as Markdown `**…**`, so the extractors read a
//!    PDF's emphasis as they read a Markdown file's (figures in running
//!    paragraphs are often marked by bold alone). pdf-extract does not say
//!    which font draws a glyph, only its advance and size, so bold comes from
//!    geometry: a bold face is wider than the regular one for most letters
//!    (DejaVu Sans `i` 278 → 343 thousandths of an em). The usual advance of
//!    each character is learnt over the whole document (the most common,
//!    since body text is regular); a glyph is heavy when it is 4 to 35 %
//!    wider, and a word is bold when most of its letters are heavy. Only
//!    characters that the document draws heavy somewhere count, so a face
//!    that keeps an advance in bold (Helvetica's digits) gives no evidence,
//!    and a word without any (a number, a sign) takes the weight of its
//!    neighbours (`weights`). A run goes on over a line end when both
//!    sides are bold, in one font size, a line or a paragraph's spacing
//!    apart; table cells stay plain. Bold that changes no advance is not
//!    seen: monospaced faces (Courier Bold is as wide as Courier), bold
//!    faked by stroking the outline or drawing a glyph twice.
//!
//! One module per pass: `words` (glyphs to words by gaps, numbers kept
//! whole), `lines` (baselines), `margin_numbers` (line numbers in the page
//! margin dropped), `weight` (bold from advances),
//! `running` (running text), `columns` (column edges), `tables` (cells by
//! column), `gutters` (tables rebuilt around a column of codes, cut at the
//! whitespace every line leaves empty), `stacked` (tables whose cells are
//! stacked on lines of their own: a code alone on its line, its title and
//! mark on other lines at other column positions), `anchors` (rows anchored on codes and months) and `order`
//! (reading order and paragraphs); every threshold of those passes lives in
//! `thresholds`.
//!
//! Everything is a pure function of the glyph pages; ligatures, soft hyphens
//! and hyphenation across ordinary lines are left to
//! [`normalize`](crate::normalize). Known limits: a table row that a producer
//! breaks across two pages comes out as two rows; prose set in side-by-side
//! columns comes out one paragraph pair per line; rotated pages are read in
//! unrotated coordinates.

mod anchors;
mod columns;
mod cuts;
mod gutters;
mod lines;
mod margin_numbers;
mod order;
mod running;
mod stacked;
mod stream;
mod tables;
mod thresholds;
mod weight;
mod words;

use columns::DocumentColumns;
use lines::{text_lines, TextLine};
use order::render;
pub use running::running_key;
use running::{is_running, running_keys};
pub use stream::{settle, PageStream, StreamedPage};
use weight::Advances;

use crate::diagnostic::Diagnostic;
use crate::page::Block;
use crate::read::GlyphPage;

/// One page laid out as text, with the blocks its lines form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    /// The page's text, one line per `\n`, table rows as tab-separated cells.
    pub text: String,
    /// The blocks of the page's lines (indices into the lines of
    /// [`text`](Self::text)): tables found from geometry, whose cells keep
    /// their lines, words and boxes, and the prose between them.
    pub blocks: Vec<Block>,
    /// Running headers, footers and page numbers found on this page and kept
    /// out of [`text`](Self::text), top to bottom.
    pub running: Vec<String>,
    /// What the layout passes moved between lines, rows or page columns,
    /// as diagnostics located on their line of [`text`](Self::text)
    /// (1-based); the page is set by whoever numbers the pages.
    pub notes: Vec<Diagnostic>,
}

/// Lays out every page of one document; the result is parallel to `pages`.
///
/// The whole set is needed to recognise running headers and footers, which
/// are defined by their repetition across pages. [`PageStream`] gives the
/// same result without holding every page at once.
pub fn lay_out(pages: &[&GlyphPage]) -> Vec<PageLayout> {
    let advances = Advances::learn(pages);
    let lined: Vec<Vec<TextLine>> = pages
        .iter()
        .map(|page| text_lines(page, &advances))
        .collect();
    let running = running_keys(pages, &lined);
    let columns = DocumentColumns::new(&lined);
    pages
        .iter()
        .zip(lined)
        .map(|(page, lines)| page_layout(page, lines, &running, &columns))
        .collect()
}

/// One page's lines laid out with the document's running keys and columns.
fn page_layout(
    page: &GlyphPage,
    lines: Vec<TextLine>,
    running: &[String],
    columns: &DocumentColumns,
) -> PageLayout {
    let body = median(lines.iter().map(|line| line.size));
    let (kept, dropped): (Vec<TextLine>, Vec<TextLine>) = lines
        .into_iter()
        .partition(|line| !is_running(page, line, running, body));
    let (text, mut blocks, notes) = render(&kept, columns, &page.rules);
    blocks.shrink_to_fit();
    for block in &mut blocks {
        block.shrink_to_fit();
    }
    PageLayout {
        text,
        blocks,
        running: dropped.iter().map(TextLine::plain).collect(),
        notes,
    }
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut values: Vec<f32> = values.collect();
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::weight::usual_advance;
    use super::*;
    use crate::page::join_cell;

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 5.0;

    /// Draws `text` glyph by glyph from `x` on baseline `y`, a space as wide
    /// as a letter (half an em).
    pub(crate) fn word(page: &mut GlyphPage, text: &str, x: f32, y: f32) {
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * ADVANCE, y, ADVANCE, SIZE);
        }
    }

    fn page() -> GlyphPage {
        GlyphPage {
            width: 600.0,
            height: 800.0,
            ..GlyphPage::default()
        }
    }

    fn one(page: &GlyphPage) -> String {
        lay_out(&[page]).remove(0).text
    }

    #[test]
    fn a_note_call_raised_half_an_em_stays_on_its_code_line() {
        // reportlab's `<super>`: 80 % of the size, raised half an em, glued to
        // the code; a line of its own would lend its digit to the cell above.
        for (share, rise) in [(0.8, 0.5), (0.7, 0.48), (0.9, 0.45)] {
            let mut page = page();
            word(&mut page, "Title", 50.0, 100.0);
            word(&mut page, "L1M2D3", 50.0, 114.0);
            let size = share * SIZE;
            page.push("4", 80.0, 114.0 - rise * SIZE, 0.6 * size, size);
            word(&mut page, "Report", 120.0, 114.0);
            assert_eq!(one(&page), "Title L1M2D3⁴\tReport\n", "{share} {rise}");
        }
        // A call of two digits: the second is glued to the first.
        let mut page = page();
        word(&mut page, "Title", 50.0, 100.0);
        word(&mut page, "L1M2D3", 50.0, 114.0);
        page.push("1", 80.0, 109.0, 4.8, 8.0);
        page.push("3", 84.8, 109.0, 4.8, 8.0);
        word(&mut page, "Report", 120.0, 114.0);
        assert_eq!(one(&page), "Title L1M2D3¹³\tReport\n");
    }

    #[test]
    fn a_paragraph_gap_becomes_a_blank_line() {
        let mut page = page();
        // Lines 1.2 sizes apart, then a gap of 1.8 sizes: two paragraphs.
        let pitch = 1.2 * SIZE;
        for (i, text) in ["one line", "goes on", "and ends"].iter().enumerate() {
            word(&mut page, text, 50.0, 100.0 + pitch * i as f32);
        }
        word(&mut page, "next", 50.0, 100.0 + 2.0 * pitch + 1.8 * SIZE);
        word(
            &mut page,
            "paragraph",
            50.0,
            100.0 + 3.0 * pitch + 1.8 * SIZE,
        );
        assert_eq!(
            one(&page),
            "one line\ngoes on\nand ends\n\nnext\nparagraph\n"
        );
    }

    #[test]
    fn evenly_spaced_lines_stay_together_however_wide_the_spacing() {
        let mut page = page();
        // A list set 1.8 sizes apart throughout: its spacing is the page's pitch.
        for (i, text) in ["CLAUDIA", "Presidenta", "KAI", "Copresidente"]
            .iter()
            .enumerate()
        {
            word(&mut page, text, 50.0, 100.0 + 1.8 * SIZE * i as f32);
        }
        assert_eq!(one(&page), "CLAUDIA\nPresidenta\nKAI\nCopresidente\n");
    }

    #[test]
    fn a_column_of_two_level_codes_in_plan_order_anchors_single_line_rows() {
        let mut page = page();
        let rows = [
            ("1.1", "Publish the survey", "v"),
            ("1.2", "Hold the assembly", "x"),
            ("2.1", "Open the portal", "v"),
            ("2.2", "Train officers", "o"),
        ];
        for (i, (code, title, mark)) in rows.iter().enumerate() {
            let y = 100.0 + 1.8 * SIZE * i as f32;
            word(&mut page, code, 50.0, y);
            word(&mut page, title, 100.0, y);
            word(&mut page, mark, 400.0, y);
        }
        assert_eq!(
            one(&page),
            "1.1\tPublish the survey\tv\n1.2\tHold the assembly\tx\n2.1\tOpen the portal\tv\n2.2\tTrain officers\to\n"
        );
    }

    /// A page holds a table's header and a single row (the rest of the table
    /// is on the next page), so the code column has three lines: the header,
    /// then a title of two. The header stays a row of its own.
    #[test]
    fn a_header_above_a_single_wrapped_row_is_its_own_row() {
        let mut page = page();
        let cells: [(&str, f32, f32); 7] = [
            ("Measures", 49.0, 131.5),
            ("Deliverables", 241.0, 131.5),
            ("L3M1 Define the roles", 49.0, 149.5),
            ("of each body", 49.0, 162.0),
            ("L3M1D1 Document of roles", 241.0, 149.5),
            ("of the secretariats", 241.0, 162.0),
            ("V", 520.0, 149.5),
        ];
        for (text, x, y) in cells {
            word(&mut page, text, x, y);
        }
        assert_eq!(
            one(&page),
            "Measures\tDeliverables\nL3M1 Define the roles of each body\tL3M1D1 Document of roles of the secretariats\tV\n"
        );
    }

    #[test]
    fn rows_come_from_positions_not_stream_order() {
        let mut page = page();
        word(&mut page, "v", 300.0, 100.0);
        word(&mut page, "x", 300.0, 120.0);
        word(&mut page, "L1M1D1", 50.0, 100.0);
        word(&mut page, "L1M1D2", 50.0, 120.0);
        assert_eq!(one(&page), "L1M1D1\tv\nL1M1D2\tx\n");
    }

    #[test]
    fn a_code_a_narrow_gutter_after_its_title_opens_a_cell_of_its_own() {
        let mut page = page();
        // Word spaces of half an em; the code 0.8 em after the title set
        // right against its column, the mark a cell gap further.
        word(&mut page, "Informe anual sobre", 50.0, 100.0);
        word(&mut page, "L1M1D1", 153.0, 100.0);
        word(&mut page, "V", 200.0, 100.0);
        // A code a word space into a sentence stays in it.
        word(&mut page, "as planned in L1M1D2 and", 50.0, 140.0);
        assert_eq!(
            one(&page),
            "Informe anual sobre\tL1M1D1\tV\nas planned in L1M1D2 and\n"
        );
        let laid = lay_out(&[&page]).remove(0);
        let row = laid
            .blocks
            .iter()
            .find_map(|block| block.table())
            .and_then(|table| table.rows.first())
            .expect("a row");
        let texts: Vec<&str> = row.cells.iter().map(|c| c.text()).collect();
        assert_eq!(texts, ["Informe anual sobre", "L1M1D1", "V"]);
    }

    #[test]
    fn small_gaps_are_spaces() {
        let mut page = page();
        word(&mut page, "Plan", 10.0, 10.0);
        word(&mut page, "2019", 33.0, 10.0);
        assert_eq!(one(&page), "Plan 2019\n");
    }

    /// Three columns; the title wraps over two lines, the measure over four,
    /// and the mark sits between the title's lines (vertically centred).
    fn wrapped_table(page: &mut GlyphPage, column_order: bool) {
        let cells: [(&str, f32, f32); 9] = [
            ("L1M1 Que se hayan", 50.0, 100.0),
            ("seguido de cerca", 50.0, 112.0),
            ("los acontecimien-", 50.0, 124.0),
            ("tos mundiales.", 50.0, 136.0),
            ("L1M1D1 Calendario de", 200.0, 100.0),
            ("acontecimientos", 200.0, 112.0),
            ("v", 400.0, 118.0),
            ("L1M1D2 Presencia", 200.0, 160.0),
            ("V", 400.0, 160.0),
        ];
        let mut order: Vec<usize> = (0..cells.len()).collect();
        if !column_order {
            order.sort_by(|&a, &b| cells[a].2.total_cmp(&cells[b].2));
        }
        for index in order {
            let (text, x, y) = cells[index];
            word(page, text, x, y);
        }
    }

    #[test]
    fn wrapped_cells_become_one_row_in_either_stream_order() {
        for column_order in [false, true] {
            let mut page = page();
            wrapped_table(&mut page, column_order);
            assert_eq!(
                one(&page),
                "L1M1 Que se hayan seguido de cerca los acontecimientos mundiales.\tL1M1D1 Calendario de acontecimientos\tv\n\tL1M1D2 Presencia\tV\n",
                "column order: {column_order}"
            );
        }
    }

    #[test]
    fn table_rows_are_blocks_of_cells_with_lines_words_and_boxes() {
        let mut page = page();
        word(&mut page, "Texto antes", 50.0, 60.0);
        wrapped_table(&mut page, true);
        let laid = lay_out(&[&page]).remove(0);
        assert_eq!(laid.text.lines().count(), 3, "{}", laid.text);
        let kinds: Vec<(bool, std::ops::Range<usize>)> = laid
            .blocks
            .iter()
            .map(|block| (block.table().is_some(), block.lines.clone()))
            .collect();
        assert_eq!(kinds, [(false, 0..1), (true, 1..3)]);
        let table = laid.blocks[1].table().expect("a table");
        assert_eq!(table.columns, 3);
        let first = &table.rows[0];
        assert_eq!(first.line, 1);
        assert_eq!(
            first.cells[1].lines(),
            ["L1M1D1 Calendario de", "acontecimientos"]
        );
        assert_eq!(
            first.cells[1].text(),
            "L1M1D1 Calendario de acontecimientos"
        );
        assert_eq!(
            first.cells[0].text(),
            "L1M1 Que se hayan seguido de cerca los acontecimientos mundiales."
        );
        let mark = &first.cells[2];
        assert_eq!((mark.column, mark.text()), (2, "v"));
        let bbox = mark.bbox.expect("a drawn cell has a box");
        assert!((bbox.x0 - 400.0).abs() < 0.01 && (bbox.x1 - 405.0).abs() < 0.01);
        assert!(bbox.y0 < 118.0 && bbox.y1 > 118.0, "{bbox:?}");
        let words: Vec<&str> = first.cells[1].words().iter().map(|w| w.text).collect();
        assert_eq!(words, ["L1M1D1", "Calendario", "de", "acontecimientos"]);
        let row_box = first.bbox.expect("a row box");
        assert!(row_box.x0 <= 50.0 && row_box.x1 >= 405.0);
        let second = &table.rows[1];
        assert_eq!(second.line, 2);
        let texts: Vec<&str> = second.cells.iter().map(|c| c.text()).collect();
        assert_eq!(texts, ["", "L1M1D2 Presencia", "V"]);
        assert_eq!(second.cells[0].bbox, None, "an empty cell has no box");
    }

    #[test]
    fn a_prose_line_with_wide_gaps_is_a_row_of_its_chunks() {
        let mut page = page();
        word(&mut page, "Una línea", 50.0, 100.0);
        word(&mut page, "9", 20.0, 130.0);
        word(&mut page, "Capítulo uno", 80.0, 130.0);
        let laid = lay_out(&[&page]).remove(0);
        assert_eq!(laid.text, "Una línea\n9\tCapítulo uno\n");
        let row = laid
            .blocks
            .iter()
            .find_map(|block| block.table())
            .and_then(|table| table.rows.first())
            .expect("a row");
        assert_eq!(row.line, 1);
        let texts: Vec<&str> = row.cells.iter().map(|c| c.text()).collect();
        assert_eq!(texts, ["9", "Capítulo uno"]);
    }

    #[test]
    fn a_row_may_start_with_lines_of_one_column() {
        // Every cell vertically centred: the measure's first line is alone on
        // its baseline, the title and mark come lower down.
        let mut page = page();
        for (text, x, y) in [
            ("L1M1 Que se hayan", 50.0, 100.0),
            ("seguido de cerca", 50.0, 112.0),
            ("L1M1D1 Calendario", 200.0, 118.0),
            ("v", 400.0, 118.0),
            ("los temas.", 50.0, 124.0),
            ("L1M2 Otra", 50.0, 150.0),
            ("L1M2D1 Presencia", 200.0, 150.0),
            ("V", 400.0, 150.0),
        ] {
            word(&mut page, text, x, y);
        }
        assert_eq!(
            one(&page),
            "L1M1 Que se hayan seguido de cerca los temas.\tL1M1D1 Calendario\tv\nL1M2 Otra\tL1M2D1 Presencia\tV\n"
        );
    }

    #[test]
    fn a_cell_spanning_rows_is_split_at_the_other_column() {
        let mut page = page();
        for (text, x, y) in [
            ("Febrero", 50.0, 100.0),
            ("Marzo", 50.0, 130.0),
            ("Conferencia", 200.0, 100.0),
            ("Reunión anual", 200.0, 130.0),
            ("hecho", 400.0, 100.0),
            ("en curso", 400.0, 112.0),
            ("largo", 400.0, 124.0),
        ] {
            word(&mut page, text, x, y);
        }
        assert_eq!(
            one(&page),
            "Febrero\tConferencia\thecho en curso largo\nMarzo\tReunión anual\n"
        );
    }

    #[test]
    fn prose_after_a_table_is_not_a_cell() {
        let mut page = page();
        word(&mut page, "Mes", 50.0, 100.0);
        word(&mut page, "Evento", 200.0, 100.0);
        // `los` starts right at the second column's edge, after a plain space.
        word(
            &mut page,
            "Texto que cruza la columna de los eventos",
            50.0,
            130.0,
        );
        assert_eq!(
            one(&page),
            "Mes\tEvento\nTexto que cruza la columna de los eventos\n"
        );
    }

    /// A two-row table (measure, title, mark columns at 50, 200 and 400),
    /// and below it at `y` a line from `x` that ends 3 points into the
    /// title column: within an edge's tolerance, yet no cell.
    fn table_and_line_into_its_title_column(line: &str, x: f32, y: f32) -> String {
        let mut page = page();
        word(&mut page, "L1M1 Medida", 50.0, 100.0);
        word(&mut page, "L1M1D1 Informe anual", 200.0, 100.0);
        word(&mut page, "V", 400.0, 100.0);
        word(&mut page, "L1M1D2 Informe final", 200.0, 120.0);
        word(&mut page, "X", 400.0, 120.0);
        word(&mut page, line, x, y);
        one(&page)
    }

    #[test]
    fn a_heading_running_a_little_into_a_column_ends_the_table_above() {
        // The next action line's heading, one table gap below.
        assert_eq!(
            table_and_line_into_its_title_column("LINEA 2 Fortalecer las capacidades", 33.0, 140.0),
            "L1M1 Medida\tL1M1D1 Informe anual\tV\n\tL1M1D2 Informe final\tX\nLINEA 2 Fortalecer las capacidades\n"
        );
    }

    #[test]
    fn a_first_cell_line_at_the_table_pitch_running_a_little_into_a_column_stays() {
        // At the table's pitch: a wrapped first cell (other rows may start
        // the next column further right).
        assert_eq!(
            table_and_line_into_its_title_column("que fortalece las capacidades", 58.0, 132.0),
            "L1M1 Medida\tL1M1D1 Informe anual\tV\nque fortalece las capacidades\tL1M1D2 Informe final\tX\n"
        );
    }

    #[test]
    fn narrow_gutters_split_at_known_edges() {
        let mut page = page();
        word(&mut page, "Medidas", 50.0, 100.0);
        word(&mut page, "Resultados", 200.0, 100.0);
        // The first cell ends 0.6 font sizes before the next column's edge.
        word(&mut page, "uno dos tres cuatro fin", 79.0, 112.0);
        word(&mut page, "siguiente", 200.0, 112.0);
        word(&mut page, "otra", 50.0, 140.0);
        word(&mut page, "fila", 200.0, 140.0);
        assert_eq!(
            one(&page),
            "Medidas uno dos tres cuatro fin\tResultados siguiente\notra\tfila\n"
        );
    }

    #[test]
    fn a_month_that_fills_its_cell_stays_a_row_of_a_calendar() {
        let mut calendar = page();
        word(&mut calendar, "Mes", 50.0, 100.0);
        word(&mut calendar, "Eventos", 103.5, 100.0);
        // `Septiembre` ends 0.35 font sizes before the events' column.
        for (i, (month, event)) in [
            ("Enero", "• Uno"),
            ("Mayo", "• Dos"),
            ("Septiembre", "• Tres"),
            ("Octubre", "• Cuatro"),
        ]
        .iter()
        .enumerate()
        {
            let y = 112.0 + 12.0 * i as f32;
            word(&mut calendar, month, 50.0, y);
            word(&mut calendar, event, 103.5, y);
        }
        // The month stays in the table, in the months' column.
        let text = one(&calendar);
        let cells = text
            .lines()
            .find(|line| line.contains("Septiembre"))
            .and_then(|line| line.split_once('\t'));
        let Some((months, events)) = cells else {
            panic!("{text}");
        };
        assert!(
            months.contains("Septiembre") && !months.contains('•'),
            "{text}"
        );
        assert!(
            events.contains("• Tres") && events.contains("• Cuatro"),
            "{text}"
        );
        // Any other word as close to the column is prose, not a cell.
        let mut prose = page();
        word(&mut prose, "Mes", 50.0, 100.0);
        word(&mut prose, "Eventos", 103.5, 100.0);
        word(&mut prose, "Enero", 50.0, 112.0);
        word(&mut prose, "• Uno", 103.5, 112.0);
        word(&mut prose, "Mayo", 50.0, 124.0);
        word(&mut prose, "• Dos", 103.5, 124.0);
        word(&mut prose, "Propuestas", 50.0, 136.0);
        word(&mut prose, "• Tres", 103.5, 136.0);
        let text = one(&prose);
        assert!(text.contains("Propuestas • Tres\n"), "{text}");
    }

    /// Draws `words` from `x` on baseline `y`, each `gap` after the last.
    fn spaced(page: &mut GlyphPage, words: &[&str], x: f32, y: f32, gap: f32) {
        let mut x = x;
        for text in words {
            word(page, text, x, y);
            x += text.chars().count() as f32 * ADVANCE + gap;
        }
    }

    #[test]
    fn justified_gaps_are_spaces_not_columns() {
        // Each line stretched to the same right edge: its gaps are wide and
        // alike, its words of different widths.
        let mut page = page();
        let lines: [&[&str]; 4] = [
            &["Que", "se", "hayan", "seguido", "de"],
            &["cerca", "los", "temas", "y", "las"],
            &["cuestiones", "mundiales", "y", "se"],
            &["hayan", "evaluado."],
        ];
        for (row, words) in lines.iter().enumerate() {
            let letters: usize = words.iter().map(|w| w.chars().count()).sum();
            let room = 250.0 - letters as f32 * ADVANCE;
            let gap = if row == 3 {
                ADVANCE
            } else {
                room / (words.len() - 1) as f32
            };
            spaced(&mut page, words, 50.0, 100.0 + 12.0 * row as f32, gap);
        }
        let laid = lay_out(&[&page]).remove(0);
        assert_eq!(
            laid.text,
            "Que se hayan seguido de\ncerca los temas y las\ncuestiones mundiales y se\nhayan evaluado.\n"
        );
        // Nor is a stretched line a row of chunks in the page model.
        assert!(laid.blocks.iter().all(|block| block.table().is_none()));
    }

    #[test]
    fn a_justified_cell_stays_one_cell_beside_its_row() {
        // The measure cell is justified (stretched gaps, a two-word line
        // with a single wide gap); the code column is the only gutter.
        let mut page = page();
        let measure: [&[&str]; 4] = [
            &["L1M1", "Que", "se", "adopte"],
            &["una", "perspectiva", "que"],
            &["distintas", "preocupaciones"],
            &["metropolitanas."],
        ];
        for (row, words) in measure.iter().enumerate() {
            let letters: usize = words.iter().map(|w| w.chars().count()).sum();
            let gap = if words.len() > 1 {
                (120.0 - letters as f32 * ADVANCE) / (words.len() - 1) as f32
            } else {
                0.0
            };
            spaced(&mut page, words, 50.0, 100.0 + 12.0 * row as f32, gap);
        }
        word(&mut page, "L1M1D1 Estrategia de presión", 200.0, 100.0);
        word(&mut page, "acordada", 200.0, 112.0);
        word(&mut page, "V", 400.0, 100.0);
        word(&mut page, "L1M1D2 Informes", 200.0, 150.0);
        word(&mut page, "X", 400.0, 150.0);
        assert_eq!(
            one(&page),
            "L1M1 Que se adopte una perspectiva que distintas preocupaciones metropolitanas.\tL1M1D1 Estrategia de presión acordada\tV\n\tL1M1D2 Informes\tX\n"
        );
    }

    #[test]
    fn equal_columns_of_equal_tokens_stay_cells() {
        // Gaps alike, but so are the pitches: columns, not justified text.
        let mut page = page();
        spaced(&mut page, &["2018", "2019", "2020"], 200.0, 100.0, 40.0);
        for (row, marks) in [["V", "X", "V"], ["X", "V", "V"]].iter().enumerate() {
            let y = 120.0 + 20.0 * row as f32;
            for (column, mark) in marks.iter().enumerate() {
                word(&mut page, mark, 207.5 + 60.0 * column as f32, y);
            }
        }
        assert_eq!(one(&page), "2018\t2019\t2020\nV\tX\tV\nX\tV\tV\n");
    }

    #[test]
    fn a_page_in_two_columns_is_read_column_by_column() {
        // A table in each page column, rows at their own heights: the left
        // column's rows come first, then the right column's.
        let mut page = page();
        let mut want = String::new();
        // The longest title last: every line above had room for a code.
        let titles = [
            "Plan",
            "Foro",
            "Red",
            "Web",
            "Agenda",
            "Informe anual de la red",
        ];
        for (line, x, mark, pitch, top) in
            [(1, 50.0, "V", 20.0, 100.0), (2, 320.0, "X", 24.0, 110.0)]
        {
            for (row, title) in titles.iter().enumerate() {
                let cell = format!("L{line}M1D{} {title}", row + 1);
                word(&mut page, &cell, x, top + pitch * row as f32);
                word(&mut page, mark, x + 180.0, top + pitch * row as f32);
                want.push_str(&format!("{cell}\t{mark}\n"));
            }
        }
        assert_eq!(one(&page), want);
    }

    #[test]
    fn a_wide_gutter_before_a_tables_status_columns_is_not_a_page_gutter() {
        // `No. │ Code │ Deliverable` then, far right past the titles' ragged
        // ends, `Status │ Lead`: whitespace no line crosses, tabular on both
        // sides, but the codes are all on the left and the marks stand on
        // their rows' baselines: one table, read row by row.
        let mut page = page();
        let mut want = String::new();
        let titles = [
            "Flood map",
            "Coastal guide",
            "Warning protocol",
            "Tide gauges",
            "Forum",
            "Peer review",
            "Visitor study",
            "Label",
            "Cultural calendar",
            "Guides",
            "Transport passes",
            "Statutes",
        ];
        let marks = ["V", "0", "V", "X", "V", "0", "V", "0", "V", "X", "0", "V"];
        let leads = [
            "North", "South", "North", "Office", "Office", "West", "East", "East", "Office",
            "South", "North", "Office",
        ];
        for (row, ((title, mark), lead)) in titles.iter().zip(marks).zip(leads).enumerate() {
            let y = 100.0 + 16.0 * row as f32;
            let number = (row + 1).to_string();
            let code = format!("L1M{}D{}", row / 2 + 1, row % 2 + 1);
            word(&mut page, &number, 50.0, y);
            word(&mut page, &code, 80.0, y);
            word(&mut page, title, 130.0, y);
            word(&mut page, mark, 420.0, y);
            word(&mut page, lead, 470.0, y);
            want.push_str(&format!("{number}\t{code}\t{title}\t{mark}\t{lead}\n"));
        }
        assert_eq!(one(&page), want);
    }

    #[test]
    fn a_register_cut_at_a_wide_gutter_stays_one_table() {
        // `Ref │ Project │ Budget │ RAG`: register codes with prefix letters
        // (`CP-01`, no plan-order anchor), titles ending before a wide
        // gutter, then figures and marks on the rows' baselines.
        let mut page = page();
        let mut want = String::new();
        let titles = [
            "Resurface the high street",
            "Build the new library",
            "Extend the cycle network",
            "Replace the roof",
            "Convert the depot",
            "Install solar panels",
            "Redevelop the station",
            "Refurbish the hall",
            "Plant street trees",
            "Light the park",
            "Open a food market",
            "Reline the sewers",
        ];
        let marks = ["G", "A", "A", "G", "B", "G", "R", "G", "A", "G", "R", "G"];
        for (row, (title, mark)) in titles.iter().zip(marks).enumerate() {
            // Rows padded apart, as a word processor sets them.
            let y = 100.0 + 24.0 * row as f32;
            let code = format!("CP-{:02}", row + 1);
            word(&mut page, &code, 50.0, y);
            word(&mut page, title, 110.0, y);
            word(&mut page, "£1.2m", 330.0, y);
            word(&mut page, mark, 400.0, y);
            want.push_str(&format!("{code}\t{title}\t£1.2m\t{mark}\n"));
        }
        assert_eq!(one(&page), want);
    }

    #[test]
    fn rows_cut_at_a_wide_gutter_without_codes_stay_one_table() {
        // `Service │ Task` then, past the tasks' ragged ends, `Lead │ Status`
        // with `Merged with R-03` citing a code inside a cell: no side
        // opens its lines with codes, and every line of the right side
        // stands on a baseline of the left: one table set at one pitch.
        let mut page = page();
        let mut want = String::new();
        let rows = [
            ("Finance", "Adopt the internal rules", "Board", "Done"),
            ("Archives", "Scan the old registers", "Clerk", "Ongoing"),
            ("Fleet", "Sell the service van", "Depot", "Merged with R-03"),
            ("Audit", "Create an audit committee", "Board", "Done"),
            ("Pricing", "Review the price list", "Finance", "Not started"),
            ("Network", "Join the regional network", "Mayor", "Done"),
            ("Training", "Train the new members", "Clerk", "Ongoing"),
        ];
        for (row, (service, task, lead, status)) in rows.iter().enumerate() {
            let y = 100.0 + 15.0 * row as f32;
            word(&mut page, service, 50.0, y);
            word(&mut page, task, 110.0, y);
            word(&mut page, lead, 330.0, y);
            word(&mut page, status, 390.0, y);
            want.push_str(&format!("{service}\t{task}\t{lead}\t{status}\n"));
        }
        assert_eq!(one(&page), want);
    }

    #[test]
    fn a_table_in_a_column_of_prose_beside_prose_is_read_column_by_column() {
        // Left page column: prose, a calendar (months beside events), prose;
        // right page column: prose all along. The calendar's own gutter is
        // crossed by the prose of its column, so the page gutter is one.
        let mut page = page();
        let prose = "words of running prose set in a column";
        let left = [
            prose, prose, prose, "", "", "", "", prose, prose, prose, prose,
        ];
        let months = ["February", "March", "April", "May"];
        for (line, text) in left.iter().enumerate() {
            let y = 100.0 + 12.0 * line as f32;
            match line.checked_sub(3).and_then(|i| months.get(i)) {
                Some(month) => {
                    word(&mut page, month, 50.0, y);
                    word(&mut page, "• Forum", 110.0, y);
                }
                None => word(&mut page, text, 50.0, y),
            }
            word(&mut page, "other prose of the right column", 320.0, y);
        }
        let text = one(&page);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let right = |line: &&str| line.contains("right column");
        let first_right = lines.iter().position(right);
        assert_eq!(first_right, Some(lines.len() - left.len()), "{text}");
        assert!(lines[..lines.len() - left.len()].iter().all(|l| !right(l)));
        assert!(lines[lines.len() - left.len()..].iter().all(right));
        assert!(text.contains("February"), "{text}");
    }

    /// Two page columns of wrapped prose, each paragraph `lengths` lines
    /// long, the left from x = 50, the right from x = 320; the paragraph
    /// breaks of the two columns stand at different heights.
    fn newspaper_page(left: &[usize], right: &[usize]) -> GlyphPage {
        let mut page = page();
        for (x, paragraphs, name) in [(50.0, left, "left"), (320.0, right, "right")] {
            let mut y = 100.0;
            for (paragraph, &length) in paragraphs.iter().enumerate() {
                for line in 0..length {
                    let text = format!("the {name} column runs on {paragraph} {line}");
                    word(&mut page, &text, x, y);
                    y += 12.0;
                }
                y += 12.0;
            }
        }
        page
    }

    #[test]
    fn two_columns_of_wrapped_prose_are_two_flows_not_a_table() {
        let page = newspaper_page(&[6, 9, 4, 7], &[3, 8, 5, 10]);
        let layout = lay_out(&[&page]).remove(0);
        assert!(
            layout.blocks.iter().all(|block| block.table().is_none()),
            "{}",
            layout.text
        );
        assert!(!layout.text.contains('\t'), "{}", layout.text);
        let lines: Vec<&str> = layout.text.lines().filter(|l| !l.is_empty()).collect();
        let first_right = lines.iter().position(|line| line.contains("right"));
        assert_eq!(first_right, Some(26), "{}", layout.text);
        assert!(lines[26..].iter().all(|line| line.contains("right")));
    }

    #[test]
    fn wrapped_titles_beside_short_status_cells_stay_a_table() {
        // `Title │ Status`: many-line titles beside one-word marks; the
        // status column is no prose, so its gutter is no page gutter.
        let mut page = page();
        let mut y = 100.0;
        for (row, mark) in ["Achieved", "Pending", "Achieved", "Delayed", "Pending"]
            .iter()
            .enumerate()
        {
            word(&mut page, mark, 360.0, y);
            for line in 0..3 {
                word(
                    &mut page,
                    &format!("a long wrapped title of row {row} {line}"),
                    50.0,
                    y,
                );
                y += 12.0;
            }
            y += 6.0;
        }
        let layout = lay_out(&[&page]).remove(0);
        let rows = layout
            .blocks
            .iter()
            .filter_map(|block| block.table())
            .map(|t| t.rows.len())
            .sum::<usize>();
        assert_eq!(rows, 5, "{}", layout.text);
    }

    #[test]
    fn measures_beside_their_deliverables_in_wrapped_prose_stay_one_table() {
        // `Measure │ Deliverable`: both columns wrapped prose, each cell
        // opening with its code; not two page columns.
        let mut page = page();
        let mut y = 100.0;
        for row in 1..=4 {
            word(
                &mut page,
                &format!("L1M{row} a measure set in prose"),
                50.0,
                y,
            );
            word(
                &mut page,
                &format!("L1M{row}D1 a deliverable in prose"),
                320.0,
                y,
            );
            for line in 1..4 {
                let y = y + 12.0 * line as f32;
                word(
                    &mut page,
                    &format!("that wraps on line {line} of it"),
                    50.0,
                    y,
                );
                word(
                    &mut page,
                    &format!("wrapping on line {line} as well"),
                    320.0,
                    y,
                );
            }
            y += 60.0;
        }
        let text = one(&page);
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("L1M")).collect();
        assert_eq!(rows.len(), 4, "{text}");
        assert!(rows.iter().all(|row| row.contains("\tL1M")), "{text}");
    }

    #[test]
    fn prose_beside_a_margin_number_is_not_a_table() {
        let mut page = page();
        word(&mut page, "9", 20.0, 100.0);
        word(&mut page, "Capítulo uno", 80.0, 100.0);
        word(&mut page, "Primera línea del texto", 80.0, 112.0);
        word(&mut page, "segunda línea del texto", 80.0, 124.0);
        assert_eq!(
            one(&page),
            "9\tCapítulo uno\nPrimera línea del texto\nsegunda línea del texto\n",
            "the gap after a page number is not a column"
        );
    }

    #[test]
    fn running_headers_and_page_numbers_are_kept_apart() {
        let pages: Vec<GlyphPage> = (1..=3)
            .map(|number| {
                let mut page = page();
                word(&mut page, "Informe trienal 2018-2020", 50.0, 30.0);
                word(
                    &mut page,
                    &format!("Texto de la página {number}"),
                    50.0,
                    200.0,
                );
                word(&mut page, &number.to_string(), 300.0, 780.0);
                page
            })
            .collect();
        let refs: Vec<&GlyphPage> = pages.iter().collect();
        let laid = lay_out(&refs);
        assert_eq!(laid[1].text, "Texto de la página 2\n");
        assert_eq!(laid[1].running, ["Informe trienal 2018-2020", "2"]);
    }

    #[test]
    fn a_single_page_keeps_its_margins() {
        let mut page = page();
        word(&mut page, "Informe", 50.0, 30.0);
        word(&mut page, "7", 300.0, 780.0);
        let laid = lay_out(&[&page]);
        assert_eq!(laid[0].text, "Informe\n7\n");
        assert!(laid[0].running.is_empty());
    }

    #[test]
    fn fake_bold_is_drawn_once() {
        let mut page = page();
        word(&mut page, "Plan", 10.0, 10.0);
        word(&mut page, "Plan", 10.3, 10.0);
        assert_eq!(one(&page), "Plan\n");
    }

    /// Draws a line of `(text, bold)` runs from `x`: regular glyphs advance
    /// [`ADVANCE`], bold ones 12 % more, or the same when `digits_widen` is
    /// false and the glyph is a digit (Helvetica's bold digits).
    fn runs(page: &mut GlyphPage, parts: &[(&str, bool)], y: f32, digits_widen: bool) {
        cell(page, parts, 50.0, y, digits_widen);
    }

    fn cell(page: &mut GlyphPage, parts: &[(&str, bool)], mut x: f32, y: f32, digits_widen: bool) {
        for &(text, bold) in parts {
            for c in text.chars() {
                let widen = bold && (digits_widen || !c.is_ascii_digit());
                let advance = if widen { ADVANCE * 1.12 } else { ADVANCE };
                page.push(&c.to_string(), x, y, advance, SIZE);
                x += advance;
            }
        }
    }

    /// Regular body text that makes every letter's usual advance known.
    fn body(page: &mut GlyphPage, y: f32) {
        for (offset, line) in [
            "con la participación de más asistentes procedentes de ciudades",
            "países actividades de aprendizaje en línea y organizó un total",
            "de 1400 y 322 y 82 y 6 y 300 más",
        ]
        .iter()
        .enumerate()
        {
            runs(page, &[(line, false)], y + 12.0 * offset as f32, true);
        }
    }

    #[test]
    fn usual_advance_is_the_regular_face() {
        for (counts, want) in [
            (&[(600, 10), (672, 4)][..], Some(600)),
            // Mostly bold digits: the regular ones are common enough.
            (&[(636, 5), (696, 12)][..], Some(636)),
            // Too rare, or too narrow to be the same face: the mode.
            (&[(636, 2), (696, 12)][..], Some(696)),
            (&[(400, 5), (696, 12)][..], Some(696)),
            (&[(500, 3), (560, 3)][..], Some(500)),
            (&[][..], None),
        ] {
            let counts: BTreeMap<u32, usize> = counts.iter().copied().collect();
            assert_eq!(usual_advance(&counts), want, "{counts:?}");
        }
    }

    #[test]
    fn bold_runs_come_from_wider_advances() {
        for (parts, digits_widen, want) in [
            (
                &[
                    ("con la participación de ", false),
                    ("más de 1400 asistentes", true),
                    (" procedentes", false),
                ][..],
                true,
                "con la participación de **más de 1400 asistentes** procedentes",
            ),
            // Digits that do not widen take the weight of the next word.
            (
                &[
                    ("organizó ", false),
                    ("6 actividades", true),
                    (" en línea", false),
                ][..],
                false,
                "organizó **6 actividades** en línea",
            ),
            // Digits that widen tell their own weight.
            (
                &[
                    ("organizó 6 ", false),
                    ("actividades", true),
                    (" de ", false),
                    ("600", true),
                ][..],
                true,
                "organizó 6 **actividades** de **600**",
            ),
            (
                &[("ciudades y países", false)][..],
                true,
                "ciudades y países",
            ),
        ] {
            let mut page = page();
            body(&mut page, 300.0);
            runs(&mut page, parts, 100.0, digits_widen);
            let text = one(&page);
            assert_eq!(text.lines().next(), Some(want), "{parts:?}");
        }
    }

    #[test]
    fn a_bold_run_goes_on_over_a_line_end_but_not_into_a_list_item() {
        let mut page = page();
        body(&mut page, 300.0);
        runs(
            &mut page,
            &[("participación de ", false), ("más de", true)],
            100.0,
            true,
        );
        runs(
            &mut page,
            &[("1400 asistentes", true), (" de ciudades", false)],
            112.0,
            true,
        );
        runs(
            &mut page,
            &[("en ", false), ("más ciudades", true)],
            124.0,
            true,
        );
        runs(
            &mut page,
            &[("• ", false), ("asistentes", true), (" de", false)],
            136.0,
            true,
        );
        // A bold line far below (a new block) starts a run of its own.
        runs(&mut page, &[("más ciudades", true)], 148.0, true);
        runs(&mut page, &[("países", true)], 190.0, true);
        let text = one(&page);
        let lines: Vec<&str> = text.lines().take(7).collect();
        assert_eq!(
            lines,
            [
                "participación de **más de",
                "1400 asistentes** de ciudades",
                "en **más ciudades**",
                "• **asistentes** de",
                "**más ciudades**",
                "",
                "**países**",
            ]
        );
    }

    #[test]
    fn table_cells_stay_plain() {
        let mut page = page();
        body(&mut page, 300.0);
        for (row, (first, second)) in [("Mes", "total"), ("otro", "aprendizaje"), ("más", "un")]
            .into_iter()
            .enumerate()
        {
            let y = 100.0 + 20.0 * row as f32;
            cell(&mut page, &[(first, row == 0)], 50.0, y, true);
            cell(&mut page, &[(second, row == 1)], 200.0, y, true);
        }
        let text = one(&page);
        assert!(
            text.starts_with("Mes\ttotal\notro\taprendizaje\nmás\tun\n"),
            "{text}"
        );
    }

    #[test]
    fn cell_lines_rejoin_hyphenated_words() {
        for (lines, want) in [
            (&["acontecimien-", "tos"][..], "acontecimientos"),
            (&["2018-", "2020"][..], "2018-2020"),
            (&["(2018-", "2019- 2020)"][..], "(2018-2019- 2020)"),
            (&["Bruselas-", "Capital"][..], "Bruselas-Capital"),
            (&["uno -", "dos"][..], "uno - dos"),
            (&["uno", "", "dos"][..], "uno dos"),
            (
                &["metropolitana y/", "o urbana"][..],
                "metropolitana y/o urbana",
            ),
            (
                &["informe anual /", "Annual report"][..],
                "informe anual / Annual report",
            ),
            (
                &["https://example.org/", "informe"][..],
                "https://example.org/informe",
            ),
        ] {
            let owned: Vec<String> = lines.iter().map(|s| (*s).to_owned()).collect();
            assert_eq!(join_cell(&owned), want);
        }
    }
}
