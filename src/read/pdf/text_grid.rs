//! Table grids drawn with characters, as rulings.
//!
//! A plain-text report printed to PDF (enscript, a2ps, a terminal, a code
//! listing) draws its table borders with characters: `+-----+-----+` lines
//! between rows and `|` between cells, as psql, tabulate and Emacs draw them,
//! or the Unicode box-drawing set (`┼─│`). Read as text, the bars glue to the
//! cells' words (`|February`) and each border line is a line of prose, so
//! the table falls apart. Those characters are the producer's cell borders:
//! they become rulings, as stroked paths are, and leave the text.
//!
//! A border line is a line of border characters alone holding a run of
//! horizontal strokes; a bar is a cell border only when another bar or a
//! border line's character lies at the same place on the line above or
//! below, so a lone `|` in prose stays text.

use super::super::glyphs::{Direction, Glyph, GlyphPage, Rule};

/// Characters drawing a horizontal stroke.
const STROKES: &[&str] = &["-", "=", "─", "━", "═"];
/// Characters drawing a vertical stroke.
const BARS: &[&str] = &["|", "│", "┃", "║"];
/// Characters where strokes cross or end.
const JOINTS: &[&str] = &[
    "+", "┼", "├", "┤", "┬", "┴", "┌", "┐", "└", "┘", "╋", "╬", "╪", "╫",
];
/// Fewest horizontal strokes a border line holds (a dash or two is prose).
const MIN_STROKES: usize = 4;
/// Baselines closer than this share a line, in ems.
const SAME_LINE: f32 = 0.3;
/// Bars this close across lines are one border, in ems.
const SAME_X: f32 = 0.3;
/// Farthest apart two lines whose bars join, in ems (a grid's line pitch).
const NEXT_LINE: f32 = 2.0;
/// Thickness given to a ruling drawn by characters, in points.
const THICKNESS: f32 = 0.5;

/// Turns the page's character-drawn grids into rulings and drops their
/// characters from the glyphs.
pub(in crate::read) fn text_grid_rulings(page: &mut GlyphPage) {
    let border = |glyph: &Glyph| {
        let text = page.glyph_text(glyph);
        STROKES.contains(&text) || BARS.contains(&text) || JOINTS.contains(&text)
    };
    let candidates = page.glyphs.iter().filter(|g| border(g)).count();
    if candidates < MIN_STROKES {
        return;
    }
    let lines = lines(page);
    let is_border_line: Vec<bool> = lines
        .iter()
        .map(|line| {
            let strokes = line
                .iter()
                .filter(|&&i| STROKES.contains(&page.glyph_text(&page.glyphs[i])))
                .count();
            strokes >= MIN_STROKES && line.iter().all(|&i| border(&page.glyphs[i]))
        })
        .collect();
    let mut dropped = vec![false; page.glyphs.len()];
    let mut rules = Vec::new();
    for (line, _) in lines.iter().zip(&is_border_line).filter(|(_, &b)| b) {
        let glyphs: Vec<&Glyph> = line.iter().map(|&i| &page.glyphs[i]).collect();
        let size = glyphs.iter().map(|g| g.font_size).fold(0.0, f32::max);
        let x0 = glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
        let x1 = glyphs
            .iter()
            .map(|g| g.x + g.width)
            .fold(f32::NEG_INFINITY, f32::max);
        let middle = glyphs[0].y - 0.3 * size;
        rules.push(Rule::ruling(
            x0,
            middle - THICKNESS / 2.0,
            x1,
            middle + THICKNESS / 2.0,
        ));
        for &i in line {
            dropped[i] = true;
        }
    }
    // Vertical borders: bars (and border lines' joints) stacked at one x.
    let stacked = |i: usize, line: usize| {
        let glyph = &page.glyphs[i];
        let text = page.glyph_text(glyph);
        BARS.contains(&text) || (is_border_line[line] && JOINTS.contains(&text))
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (number, line) in lines.iter().enumerate() {
        for &i in line {
            if stacked(i, number) {
                pieces.push((number, i));
            }
        }
    }
    let centre = |glyph: &Glyph| glyph.x + glyph.width / 2.0;
    let mut segments: Vec<Segment> = Vec::new();
    for &(number, i) in &pieces {
        let glyph = &page.glyphs[i];
        let size = glyph.font_size.max(f32::EPSILON);
        let joined = pieces.iter().any(|&(other, j)| {
            let them = &page.glyphs[j];
            other.abs_diff(number) == 1
                && (centre(them) - centre(glyph)).abs() <= SAME_X * size
                && (them.y - glyph.y).abs() <= NEXT_LINE * size
        });
        if !joined {
            continue;
        }
        dropped[i] = true;
        let joint = is_border_line[number];
        let (top, bottom) = if joint {
            (glyph.y - 0.3 * size, glyph.y - 0.3 * size)
        } else {
            (glyph.y - 0.9 * size, glyph.y + 0.4 * size)
        };
        segments.push(Segment {
            x: centre(glyph),
            line: number,
            top,
            bottom,
            reach: SAME_X * size,
        });
    }
    rules.extend(vertical_rulings(segments));
    if rules.is_empty() {
        return;
    }
    page.rules.extend(rules);
    let glyphs = std::mem::take(&mut page.glyphs);
    page.glyphs = glyphs
        .into_iter()
        .zip(dropped)
        .filter(|(_, dropped)| !dropped)
        .map(|(glyph, _)| glyph)
        .collect();
}

/// The page's upright, non-blank glyphs grouped by baseline, top to bottom,
/// each line by x.
fn lines(page: &GlyphPage) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| {
            let glyph = &page.glyphs[i];
            glyph.direction == Direction::Upright && !page.glyph_text(glyph).trim().is_empty()
        })
        .collect();
    order.sort_by(|&a, &b| page.glyphs[a].y.total_cmp(&page.glyphs[b].y));
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let glyph = &page.glyphs[i];
        match lines.last_mut() {
            Some(line)
                if (glyph.y - page.glyphs[line[0]].y).abs() <= SAME_LINE * glyph.font_size =>
            {
                line.push(i)
            }
            _ => lines.push(vec![i]),
        }
    }
    for line in &mut lines {
        line.sort_by(|&a, &b| page.glyphs[a].x.total_cmp(&page.glyphs[b].x));
    }
    lines
}

/// A piece of a vertical border on one line: a bar, or a joint of a
/// border line (where the border starts, ends or crosses it).
#[derive(Debug, Clone, Copy)]
struct Segment {
    x: f32,
    line: usize,
    top: f32,
    bottom: f32,
    /// How far apart in x two pieces of one border may be.
    reach: f32,
}

/// One ruling per run of pieces at one x on consecutive lines.
fn vertical_rulings(mut segments: Vec<Segment>) -> Vec<Rule> {
    segments.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.line.cmp(&b.line)));
    let mut rules: Vec<Rule> = Vec::new();
    let mut runs: Vec<Segment> = Vec::new();
    for piece in segments {
        let continued = runs
            .iter_mut()
            .find(|run| (piece.x - run.x).abs() <= run.reach && piece.line == run.line + 1);
        match continued {
            Some(run) => {
                run.line = piece.line;
                run.bottom = run.bottom.max(piece.bottom);
            }
            None => runs.push(piece),
        }
    }
    for run in runs {
        rules.push(Rule::ruling(
            run.x - THICKNESS / 2.0,
            run.top,
            run.x + THICKNESS / 2.0,
            run.bottom,
        ));
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 6.0;

    /// A monospaced line drawn glyph by glyph, spaces included.
    fn line(page: &mut GlyphPage, text: &str, y: f32) {
        for (column, character) in text.chars().enumerate() {
            let start = page.text.len() as u32;
            page.text.push(character);
            page.glyphs.push(Glyph {
                start,
                end: page.text.len() as u32,
                x: 50.0 + column as f32 * ADVANCE,
                y,
                width: ADVANCE,
                font_size: SIZE,
                ..Glyph::default()
            });
        }
    }

    fn kept(page: &GlyphPage) -> String {
        page.glyphs.iter().map(|g| page.glyph_text(g)).collect()
    }

    #[test]
    fn an_ascii_grid_becomes_rulings_and_leaves_the_text() {
        let mut page = GlyphPage::default();
        let grid = [
            "+-------+-----+",
            "| March | one |",
            "|       | two |",
            "+-------+-----+",
            "| May   | x   |",
            "+-------+-----+",
        ];
        for (k, text) in grid.iter().enumerate() {
            line(&mut page, text, 100.0 + 12.0 * k as f32);
        }
        text_grid_rulings(&mut page);
        assert_eq!(kept(&page).replace(' ', ""), "MarchonetwoMayx");
        let horizontal = page.rules.iter().filter(|r| r.is_horizontal()).count();
        let vertical: Vec<&Rule> = page.rules.iter().filter(|r| !r.is_horizontal()).collect();
        assert_eq!(horizontal, 3);
        assert_eq!(vertical.len(), 3, "{vertical:?}");
        for rule in vertical {
            assert!(rule.y0 <= 100.0 - 2.0 && rule.y1 >= 160.0 - 4.0, "{rule:?}");
        }
    }

    #[test]
    fn a_lone_bar_and_a_few_dashes_in_prose_stay_text() {
        let mut page = GlyphPage::default();
        line(&mut page, "either a | b -- or c", 100.0);
        line(&mut page, "a second line of prose", 112.0);
        line(&mut page, "x - y - z | w", 124.0);
        let before = kept(&page);
        text_grid_rulings(&mut page);
        assert_eq!(kept(&page), before);
        assert!(page.rules.is_empty());
    }
}
