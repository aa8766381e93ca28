//! Text laid out by position, read as glyphs on a monospace grid.
//!
//! `pdftotext -layout`, a printed report spooled to a file and a fixed-width
//! export all place text by column: a table's columns are runs of spaces
//! aligned across lines, a wrapped title goes on in its column on a line of
//! its own, a mark centred in its row sits on a line between its code's
//! lines, two tables may stand side by side, and a form feed ends each page.
//! Read line by line those are lines of prose; read by position they are the
//! same page a PDF is. So such a text becomes, page by page, a
//! [`GlyphPage`]: each character a glyph at `x = column × advance`,
//! `y = line × pitch`, in a monospaced face, and
//! [`layout`](crate::layout) rebuilds words, gutters, anchored rows,
//! side-by-side columns and reading order with the passes it runs on PDFs.
//!
//! Which texts are read this way is decided from the text alone
//! ([`is_positional`]): a printed page layout is paginated (form feeds end
//! its pages, as `pdftotext` and print spoolers write them) and has columns
//! (lines whose runs start after a gap of two spaces or more at a column that
//! other such lines share). Hand-written text tables, Markdown, tab-separated
//! tables and prose with two spaces after its periods are not paginated, or
//! have no aligned columns, and keep the line-by-line reading of
//! [`page`](crate::page), which knows them.

use super::glyphs::{Font, Glyph, GlyphPage};
use super::pdf::text_grid::text_grid_rulings;
use crate::layout::{self, PageLayout, PageStream, StreamedPage};

/// Font size of the grid's face, in points.
const SIZE: f32 = 10.0;
/// One character's advance: a monospaced face's 0.6 em.
const ADVANCE: f32 = 6.0;
/// From one line's baseline to the next: 1.2 em, a usual leading.
const PITCH: f32 = 12.0;
/// Page margin around the text, in points.
const MARGIN: f32 = 36.0;
/// Fewest lines starting a run at one column after a gap for that column
/// to be a column edge (two could be chance in prose).
const EDGE_LINES: usize = 3;
/// Fewest lines with a run at a column edge for a text to have columns.
const ALIGNED_LINES: usize = 4;
/// Narrowest gap between two runs of one line that may be a gutter, in
/// characters (one space separates words).
const GUTTER: usize = 2;
/// Longest text before a gap that is a list marker (`12.`, `•`, `a)`),
/// whose gap indents the item's text rather than opening a column.
const MARKER_CHARS: usize = 4;

/// True when `text` is a paginated page layout with columns: at least one
/// form feed, and [`ALIGNED_LINES`] lines or more with a run that starts
/// after a gap at a column edge shared by [`EDGE_LINES`] lines.
pub(super) fn is_positional(text: &str) -> bool {
    if !text.contains('\u{c}') || text.contains('\t') {
        return false;
    }
    let starts: Vec<Vec<usize>> = text
        .split(['\u{c}', '\n'])
        .map(|line| gap_starts(line.trim_end_matches('\r')))
        .filter(|starts| !starts.is_empty())
        .collect();
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for column in starts.iter().flatten() {
        *counts.entry(*column).or_default() += 1;
    }
    let aligned = starts
        .iter()
        .filter(|line| {
            line.iter()
                .any(|column| counts.get(column).copied().unwrap_or(0) >= EDGE_LINES)
        })
        .count();
    aligned >= ALIGNED_LINES
}

/// The columns (in characters) at which a run of `line` starts after a gap
/// of [`GUTTER`] spaces or more, when text other than a list marker comes
/// before the gap. Of that text only its first characters are kept, as
/// many as a marker may have and one more: a line of any length is read
/// once.
fn gap_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut spaces = 0;
    let mut lead = String::new();
    let mut lead_chars = 0usize;
    let mut push = |lead: &mut String, c: char| {
        if lead_chars <= MARKER_CHARS {
            lead.push(c);
        }
        lead_chars += 1;
    };
    for (column, c) in line.chars().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= GUTTER && !lead.is_empty() && !is_marker(&lead) {
            starts.push(column);
        }
        if !lead.is_empty() {
            for _ in 0..spaces {
                push(&mut lead, ' ');
            }
        }
        push(&mut lead, c);
        spaces = 0;
    }
    starts
}

/// `12.`, `3)`, `•`, `-`, `a)`: a list item's marker, alone before its text.
fn is_marker(text: &str) -> bool {
    let chars = text.chars().count();
    if chars > MARKER_CHARS || text.contains(' ') {
        return false;
    }
    let body = text.trim_end_matches(['.', ')']);
    body.chars().all(|c| c.is_ascii_digit())
        || (chars == 1 && !text.chars().all(char::is_alphanumeric))
        || (body.chars().count() == 1 && body.chars().all(char::is_alphabetic) && body != text)
}

/// The pages of a positional text: one per form feed, the empty piece after
/// the last one (which ends the last page) left out.
fn page_texts(text: &str) -> Vec<&str> {
    let mut pieces: Vec<&str> = text.split('\u{c}').collect();
    if pieces.len() > 1 && pieces.last().is_some_and(|last| last.trim().is_empty()) {
        pieces.pop();
    }
    pieces
}

/// The glyph pages of a positional text, every one held (see
/// [`Config::glyph_pages`](crate::Config::glyph_pages)).
pub(super) fn pages(text: &str) -> Vec<GlyphPage> {
    page_texts(text).into_iter().map(page).collect()
}

/// The pages of a positional text laid out one after the other, each
/// page's glyphs dropped once it is laid out and built again from its text
/// when the whole document's statistics ask for it ([`layout::settle`]), as
/// a PDF's pages are: memory stays flat in the page count (a glyph takes
/// some thirty times its character).
pub(super) fn laid_pages(text: &str) -> Vec<PageLayout> {
    let texts = page_texts(text);
    let mut stream = PageStream::new();
    let mut laid: Vec<StreamedPage> = texts.iter().map(|text| stream.page(&page(text))).collect();
    let mut reread = |indices: &[usize]| {
        indices
            .iter()
            .map(|&index| texts.get(index).map(|text| page(text)))
            .collect::<Vec<Option<GlyphPage>>>()
    };
    layout::settle(&mut laid, vec![stream], &mut reread);
    laid.into_iter().map(StreamedPage::into_layout).collect()
}

/// One page of text on the grid: every character of line `l`, column `c`
/// a glyph of the monospaced face at `(c × advance, l × pitch)`, spaces
/// included (a producer printing text draws them, and they keep `49 10`
/// two numbers); a table drawn with characters becomes rulings, as on a
/// PDF page printed from text.
fn page(text: &str) -> GlyphPage {
    let mut page = GlyphPage {
        fonts: vec![Font {
            name: "Courier".to_owned(),
            monospaced: true,
            ..Font::default()
        }],
        ..GlyphPage::default()
    };
    let mut widest = 0usize;
    let mut lines = 0usize;
    let mut buffer = [0u8; 4];
    for (row, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches(['\r', ' ']);
        lines = row + 1;
        let y = MARGIN + SIZE + PITCH * row as f32;
        let mut columns = 0usize;
        for (column, c) in line.chars().enumerate() {
            columns = column + 1;
            if c.is_control() {
                continue;
            }
            let glyph = Glyph {
                x: MARGIN + ADVANCE * column as f32,
                y,
                width: ADVANCE,
                font_size: SIZE,
                ..Glyph::default()
            };
            page.push_glyph(c.encode_utf8(&mut buffer), glyph);
        }
        widest = widest.max(columns);
    }
    page.width = 2.0 * MARGIN + ADVANCE * widest as f32;
    page.height = 2.0 * MARGIN + PITCH * lines as f32;
    text_grid_rulings(&mut page);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of `pdftotext -layout` output: a table whose titles wrap and
    /// whose marks are centred on lines of their own.
    const LAYOUT: &str = "\
Report on the 2024 work plan

Code      Deliverable                                       Status
A1.1      Survey of the town centre lighting                  X
A1.2      Training for the crossing patrol volunteers
          and their coordinators                              O
A1.3      New signal crossing on the ring road                X
A1.4      Lower speed limit on Mill Lane                      *
\u{c}";

    #[test]
    fn a_paginated_text_with_aligned_columns_is_positional() {
        assert!(is_positional(LAYOUT));
    }

    #[test]
    fn texts_without_pages_or_columns_are_not() {
        // The same table without its form feed: a text table, read by lines.
        assert!(!is_positional(LAYOUT.trim_end_matches('\u{c}')));
        // Prose with two spaces after each period, paginated.
        let prose = "The council met on 3 March.  It approved the plan.  The clerk\n\
                     read the minutes.  They were signed.  The chair thanked the\n\
                     members.  The meeting closed at nine.  Next meeting in May.\n\
                     Apologies were received.  None were declared.  All agreed.\n\u{c}";
        assert!(!is_positional(prose));
        // A tab-separated table, paginated.
        let tabbed = "Code\tTitle\tStatus\nA1\tOne\tX\nA2\tTwo\tO\nA3\tThree\tX\n\
                      A4\tFour\tX\n\u{c}";
        assert!(!is_positional(tabbed));
        // A numbered list indented after its markers, paginated.
        let list = "1.   First item\n2.   Second item\n3.   Third item\n\
                    4.   Fourth item\n•    A bullet\n•    Another\n\u{c}";
        assert!(!is_positional(list));
    }

    #[test]
    fn markdown_pipe_tables_are_not_positional() {
        let markdown = "# Plan\n\n| Code | Title | Status |\n|---|---|---|\n\
                        | A1 | One  | X |\n| A2 | Two  | O |\n| A3 | Three | X |\n\
                        | A4 | Four | X |\n\u{c}";
        assert!(!is_positional(markdown));
    }

    #[test]
    fn characters_sit_on_the_grid_and_the_last_form_feed_opens_no_page() {
        let pages = pages("ab  c\n\n d\u{c}e\u{c}");
        assert_eq!(pages.len(), 2);
        let first = &pages[0];
        let placed: Vec<(&str, f32, f32)> = first
            .glyphs
            .iter()
            .filter(|glyph| !first.glyph_text(glyph).trim().is_empty())
            .map(|glyph| (first.glyph_text(glyph), glyph.x, glyph.y))
            .collect();
        let x = |column: f32| MARGIN + ADVANCE * column;
        let y = |line: f32| MARGIN + SIZE + PITCH * line;
        assert_eq!(
            placed,
            [
                ("a", x(0.0), y(0.0)),
                ("b", x(1.0), y(0.0)),
                ("c", x(4.0), y(0.0)),
                ("d", x(1.0), y(2.0)),
            ]
        );
        assert!(first.fonts.iter().all(|font| font.monospaced));
    }
}
