//! Glyphs to lines: rebuilds reading order from positions, not stream order.
//!
//! PDF producers draw text in any order (row by row, column by column, headers
//! last). This module sorts a page's glyphs into visual lines by baseline, then
//! left to right, and marks wide horizontal gaps with a tab so that table
//! cells stay separable, as in text exported by other converters.

use crate::read::{Glyph, GlyphPage};

/// Gap, in multiples of the font size, above which two glyphs are separate
/// words.
const WORD_GAP: f32 = 0.15;
/// Gap, in multiples of the font size, above which two glyphs are in
/// separate table cells or columns.
const CELL_GAP: f32 = 1.5;
/// Baselines closer than this fraction of the font size are the same line.
const SAME_LINE: f32 = 0.45;

/// Lays out one page as text, one visual line per `\n`.
pub fn lines(page: &GlyphPage) -> String {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| !page.glyph_text(g).trim().is_empty())
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        let tolerance = glyph.font_size.max(1.0) * SAME_LINE;
        match rows.last_mut() {
            Some(row) if (baseline(row) - glyph.y).abs() <= tolerance => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }

    let mut out = String::new();
    for row in &mut rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut previous_end: Option<f32> = None;
        for glyph in row.iter() {
            if let Some(end) = previous_end {
                let gap = glyph.x - end;
                let size = glyph.font_size.max(1.0);
                if gap > CELL_GAP * size {
                    out.push('\t');
                } else if gap > WORD_GAP * size {
                    out.push(' ');
                }
            }
            out.push_str(page.glyph_text(glyph));
            previous_end = Some(glyph.x + glyph.width);
        }
        out.push('\n');
    }
    out
}

/// Mean baseline of a row of glyphs.
fn baseline(row: &[&Glyph]) -> f32 {
    row.iter().map(|g| g.y).sum::<f32>() / row.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(page: &mut GlyphPage, text: &str, x: f32, y: f32) {
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * 5.0, y, 5.0, 10.0);
        }
    }

    #[test]
    fn rows_come_from_positions_not_stream_order() {
        let mut page = GlyphPage::default();
        word(&mut page, "v", 300.0, 100.0);
        word(&mut page, "x", 300.0, 120.0);
        word(&mut page, "L1M1D1", 50.0, 100.0);
        word(&mut page, "L1M1D2", 50.0, 120.0);
        assert_eq!(lines(&page), "L1M1D1\tv\nL1M1D2\tx\n");
    }

    #[test]
    fn small_gaps_are_spaces() {
        let mut page = GlyphPage::default();
        word(&mut page, "Plan", 10.0, 10.0);
        word(&mut page, "2019", 33.0, 10.0);
        assert_eq!(lines(&page), "Plan 2019\n");
    }
}
