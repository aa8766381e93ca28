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
//!    a wide gap, as text exported by other converters does;
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
//! Everything is a pure function of the glyph pages; ligatures, soft hyphens
//! and hyphenation across ordinary lines are left to
//! [`normalize`](crate::normalize). Known limits: a table row that a producer
//! breaks across two pages comes out as two rows; prose set in side-by-side
//! columns comes out one paragraph pair per line. Pages come upright from the read
//! stage (rotated pages and text matrices turned back); glyphs running
//! another way are left out.

use std::collections::BTreeMap;

use crate::read::{Glyph, GlyphPage};

/// Gap, in multiples of the font size, above which two glyphs are separate words.
const WORD_GAP: f32 = 0.15;
/// Gap, in multiples of the font size, above which two words are in separate
/// chunks (table cells, columns).
const CELL_GAP: f32 = 1.2;
/// Smallest gap, in multiples of the font size, before a word that lands on a
/// known column edge for the line to be split there (narrow gutters).
const GUTTER_GAP: f32 = 0.55;
/// Baselines closer than this fraction of the font size are the same line.
const SAME_LINE: f32 = 0.45;
/// Two left edges closer than this fraction of the font size are one column edge.
const EDGE_TOLERANCE: f32 = 0.8;
/// A vertical gap above this multiple of the font size ends a table.
const TABLE_BREAK: f32 = 3.5;
/// Within a column, a line pitch above this multiple of the column's usual
/// pitch starts a new cell.
const BLOCK_BREAK: f32 = 1.42;
/// A line without wide gaps spanning this share of the page's text width is prose.
const PROSE_WIDTH: f32 = 0.6;
/// Running texts live in this fraction of the page height at the top and bottom.
const MARGIN_ZONE: f32 = 0.07;
/// A letter is drawn heavy (bold) when its advance per unit of font size
/// exceeds the usual advance of that letter in the document by this factor:
/// bold faces are 5 to 25 % wider (Helvetica `r` 333 → 389, DejaVu Sans `i`
/// 278 → 343 thousandths of an em), while one face's advances never vary.
const HEAVY: f32 = 1.04;
/// A bold run goes on to the next line when the baselines are at most this
/// multiple of the font size apart (line pitch or a paragraph's spacing,
/// not a gap that sets a block apart).
const BOLD_BLOCK_PITCH: f32 = 2.0;
/// Two prose lines are separate paragraphs (a blank line between them, as in
/// the text a PDF was made from) when their baselines are further apart than
/// this multiple of the font size, and than [`PARAGRAPH_PITCH`] times the
/// page's usual line pitch: single-spaced text sets lines about 1.2 sizes
/// apart and adds spacing between paragraphs; a page set wider throughout
/// raises the bar with it.
const PARAGRAPH_GAP: f32 = 1.45;
/// See [`PARAGRAPH_GAP`].
const PARAGRAPH_PITCH: f32 = 1.2;
/// Two font sizes within this factor are the same size.
const SAME_SIZE: f32 = 1.1;
/// No bold face widens a character by more than this factor.
const BOLDEST: f32 = 1.35;
/// Bullets that open list items: drawn in the text's face, never part of a
/// bold run.
const BULLETS: [&str; 7] = ["•", "◦", "▪", "●", "–", "-", "·"];

/// One page laid out as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLayout {
    /// The page's text, one line per `\n`, table rows as tab-separated cells.
    pub text: String,
    /// Running headers, footers and page numbers found on this page and kept
    /// out of [`text`](Self::text), top to bottom.
    pub running: Vec<String>,
}

/// Lays out every page of one document; the result is parallel to `pages`.
///
/// The whole set is needed to recognise running headers and footers, which
/// are defined by their repetition across pages.
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
        .map(|(page, lines)| {
            let (kept, dropped): (Vec<TextLine>, Vec<TextLine>) = lines
                .into_iter()
                .partition(|line| !is_running(page, line, &running));
            PageLayout {
                text: render(&kept, &columns),
                running: dropped.iter().map(TextLine::plain).collect(),
            }
        })
        .collect()
}

/// A run of glyphs with no gap wider than a word space.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    x0: f32,
    x1: f32,
    size: f32,
    text: String,
    /// Letters whose usual advance is known, and how many of them are heavy.
    letters: u16,
    heavy: u16,
    /// The same for other glyphs (digits, punctuation).
    others: u16,
    heavy_others: u16,
}

impl Word {
    /// `Some(bold)` when the word has glyphs that tell their weight
    /// ([`Advances::heavy`]): bold when most of its letters are heavy, or,
    /// without letters, most of its digits and signs (DejaVu Sans widens
    /// them, Helvetica does not). A lone letter says nothing by itself (`y`,
    /// `a`, or a variable set in a mathematical font), only with other glyphs
    /// that tell (`+750k`).
    fn weight(&self) -> Option<bool> {
        let (glyphs, heavy) = match self.letters {
            0 => (self.others, self.heavy_others),
            1 if self.others > 0 => (1 + self.others, self.heavy + self.heavy_others),
            1 => return None,
            _ => (self.letters, self.heavy),
        };
        (glyphs > 0).then_some(heavy * 2 > glyphs)
    }

    fn count(&mut self, letter: bool, heavy: bool) {
        let (total, heavy_total) = if letter {
            (&mut self.letters, &mut self.heavy)
        } else {
            (&mut self.others, &mut self.heavy_others)
        };
        *total = total.saturating_add(1);
        *heavy_total = heavy_total.saturating_add(u16::from(heavy));
    }
}

/// The usual advance of every letter of a document, per unit of font size:
/// the most common one, since regular body text dominates.
struct Advances {
    /// Per character: its usual advance, and whether the document also draws
    /// it heavy (a face whose bold digits are no wider never does).
    usual: BTreeMap<char, (u32, bool)>,
}

impl Advances {
    fn learn(pages: &[&GlyphPage]) -> Self {
        let mut seen: BTreeMap<char, BTreeMap<u32, usize>> = BTreeMap::new();
        for page in pages {
            for glyph in &page.glyphs {
                if let Some((letter, advance)) = letter_advance(page, glyph) {
                    *seen.entry(letter).or_default().entry(advance).or_default() += 1;
                }
            }
        }
        let usual = seen
            .into_iter()
            .filter_map(|(letter, counts)| {
                let usual = usual_advance(&counts)?;
                let widened = counts.keys().any(|&advance| is_heavy(advance, usual));
                Some((letter, (usual, widened)))
            })
            .collect();
        Self { usual }
    }

    /// `Some((is a letter, heavy))` for a glyph that tells its weight: one
    /// whose character the document also draws heavy somewhere. Many faces
    /// keep some advances in bold (Helvetica's digits, Times' `i` and `s`),
    /// and a character that never widens says nothing.
    fn heavy(&self, page: &GlyphPage, glyph: &Glyph) -> Option<(bool, bool)> {
        let (letter, advance) = letter_advance(page, glyph)?;
        let &(usual, widened) = self.usual.get(&letter)?;
        widened.then_some((letter.is_alphabetic(), is_heavy(advance, usual)))
    }
}

fn is_heavy(advance: u32, usual: u32) -> bool {
    advance as f32 > usual as f32 * HEAVY && advance as f32 <= usual as f32 * BOLDEST
}

/// The usual advance of one character from how often each advance occurs:
/// the most common one (on a tie the narrower, the regular face), unless a
/// narrower advance that a bold face would widen to it is common too (a third
/// as often, three times at least): in a report that sets most of its numbers
/// in bold, the regular digits are the narrower ones.
fn usual_advance(counts: &BTreeMap<u32, usize>) -> Option<u32> {
    let most = counts.values().copied().max()?;
    let (&mode, _) = counts.iter().find(|&(_, &count)| count == most)?;
    let narrower = counts.iter().find(|&(&advance, &count)| {
        advance < mode && mode as f32 <= advance as f32 * BOLDEST && count >= 3 && count * 3 >= most
    });
    Some(narrower.map_or(mode, |(&advance, _)| advance))
}

/// A one-character glyph and its advance in thousandths of its font size.
fn letter_advance(page: &GlyphPage, glyph: &Glyph) -> Option<(char, u32)> {
    let mut chars = page.glyph_text(glyph).chars();
    let letter = chars.next().filter(|c| !c.is_whitespace())?;
    if chars.next().is_some() || glyph.font_size <= 0.0 || glyph.width <= 0.0 {
        return None;
    }
    let advance = (1000.0 * glyph.width / glyph.font_size).round();
    (advance.is_finite() && advance < 10_000.0)
        .then_some(advance as u32)
        .map(|advance| (letter, advance))
}

/// Glyphs sharing a baseline, as words from left to right.
#[derive(Debug, Clone, PartialEq)]
struct TextLine {
    y: f32,
    size: f32,
    words: Vec<Word>,
}

impl TextLine {
    /// The words, a tab before each one that starts a new chunk.
    fn plain(&self) -> String {
        self.marked(&[], Span::default())
    }

    /// The words as [`plain`](Self::plain) writes them, each run of words
    /// whose `bold` flag is set between `**` (Markdown bold). `span` says
    /// whether a run opened on the line above goes on here and whether the
    /// run ending this line goes on below; a run never crosses a tab.
    fn marked(&self, bold: &[bool], span: Span) -> String {
        let mut out = String::new();
        let mut open = false;
        for (index, word) in self.words.iter().enumerate() {
            let heavy = bold.get(index).copied().unwrap_or(false);
            if index > 0 {
                let gap = self
                    .words
                    .get(index - 1)
                    .map_or(0.0, |prev| word.x0 - prev.x1);
                let tab = gap > CELL_GAP * self.size;
                if open && (tab || !heavy) {
                    out.push_str("**");
                    open = false;
                }
                out.push(if tab { '\t' } else { ' ' });
            }
            if heavy && !open {
                if !(index == 0 && span.from_above) {
                    out.push_str("**");
                }
                open = true;
            }
            out.push_str(&word.text);
        }
        if open && !span.below {
            out.push_str("**");
        }
        out
    }

    /// Left edges of the chunks after the first (a chunk follows a wide gap).
    ///
    /// A page number in the margin (`9` … `1.2 Metric spaces`) does not open
    /// a column: a lone number before the first gap is not a cell.
    fn chunk_starts(&self) -> Vec<f32> {
        self.words
            .windows(2)
            .enumerate()
            .filter(|(index, pair)| {
                let margin_number = *index == 0
                    && pair[0].text.len() <= 4
                    && pair[0].text.chars().all(|c| c.is_ascii_digit());
                pair[1].x0 - pair[0].x1 > CELL_GAP * self.size && !margin_number
            })
            .map(|(_, pair)| pair[1].x0)
            .collect()
    }

    /// Where new cells start on this line: after every wide gap, and at every
    /// known column edge of the document where a word starts after a gap
    /// wider than a word space (narrow gutters), or where the line begins.
    fn cell_starts(&self, document: &DocumentColumns) -> Vec<f32> {
        let mut starts = self.chunk_starts();
        for (index, word) in self.words.iter().enumerate() {
            let after_gap = match index.checked_sub(1).and_then(|i| self.words.get(i)) {
                Some(prev) => word.x0 - prev.x1 >= GUTTER_GAP * self.size,
                None => true,
            };
            if after_gap && near(&document.edges, word.x0) {
                starts.push(word.x0);
            }
        }
        starts.retain(|&x| !near(&document.margins, x));
        starts
    }

    /// True when `starts` (from [`cell_starts`](Self::cell_starts)) put words
    /// of this line in at least two cells.
    fn is_tabular(&self, starts: &[f32]) -> bool {
        let first = self.words.first().map_or(f32::INFINITY, |w| w.x0);
        starts.iter().any(|&x| x > first)
    }

    /// True when the line can be cut at `edge`: no word straddles it, and the
    /// gap around it is wider than a word space (a narrow gutter, an empty
    /// cell), not a space between two words of prose that happens to fall there.
    fn fits_edge(&self, edge: f32) -> bool {
        let tolerance = EDGE_TOLERANCE * self.size;
        if self
            .words
            .iter()
            .any(|w| w.x0 < edge - tolerance && w.x1 > edge + tolerance)
        {
            return false;
        }
        let Some(after) = self.words.iter().position(|w| w.x0 >= edge - tolerance) else {
            return true;
        };
        let Some(before) = after.checked_sub(1).and_then(|i| self.words.get(i)) else {
            return true;
        };
        self.words
            .get(after)
            .is_some_and(|word| word.x0 - before.x1 >= GUTTER_GAP * self.size)
    }
}

/// Whether a bold run crosses a line's edges: it opened on the line above
/// (`from_above`), or goes on to the line below (`below`).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    from_above: bool,
    below: bool,
}

/// Whether each word of a run of prose lines is bold, line by line.
///
/// A word with a weight of its own ([`Word::weight`]) keeps it. A word
/// without (a sign, a number in a font whose digits do not change width)
/// takes the weight of the next word of its line that has one (`+ 3302`,
/// `6 actividades`), else of the previous one (`en 2023`); on a line where
/// no word has a weight, it is bold when the nearest weighted words on the
/// lines above and below both are.
fn weights(lines: &[&TextLine]) -> Vec<Vec<bool>> {
    let own: Vec<Vec<Option<bool>>> = lines
        .iter()
        .map(|line| line.words.iter().map(Word::weight).collect())
        .collect();
    let last_above = |index: usize| {
        own.get(..index)
            .and_then(|above| above.iter().flatten().flatten().next_back())
            .copied()
    };
    let first_below = |index: usize| {
        own.get(index + 1..)
            .and_then(|below| below.iter().flatten().flatten().next())
            .copied()
    };
    own.iter()
        .zip(lines)
        .enumerate()
        .map(|(index, (words, line))| {
            let fallback = || {
                let (above, below) = (last_above(index), first_below(index));
                above.or(below).unwrap_or(false) && below.or(above).unwrap_or(false)
            };
            let bulleted = line
                .words
                .first()
                .is_some_and(|word| BULLETS.contains(&word.text.as_str()));
            (0..words.len())
                .map(|position| {
                    if position == 0 && bulleted {
                        return false;
                    }
                    let next = words.iter().skip(position).flatten().next();
                    let previous = words.iter().take(position).flatten().next_back();
                    match next.or(previous) {
                        Some(&weight) => weight,
                        None => fallback(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Visual lines of a page, top to bottom, words left to right.
fn text_lines(page: &GlyphPage, advances: &Advances) -> Vec<TextLine> {
    // Glyphs running across the page's lines (a vertical header, a stamp)
    // would each make a line of their own.
    let mut glyphs: Vec<&Glyph> = page
        .upright_glyphs()
        .filter(|g| !page.glyph_text(g).trim().is_empty())
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    // Each row with the sum of its glyphs' y, so that its mean baseline is
    // not recomputed for every glyph added.
    let mut rows: Vec<(Vec<&Glyph>, f32)> = Vec::new();
    for glyph in glyphs {
        let tolerance = glyph.font_size.max(1.0) * SAME_LINE;
        match rows.last_mut() {
            Some((row, y_sum)) if (*y_sum / row.len() as f32 - glyph.y).abs() <= tolerance => {
                row.push(glyph);
                *y_sum += glyph.y;
            }
            _ => rows.push((vec![glyph], glyph.y)),
        }
    }

    rows.into_iter()
        .map(|(mut row, y_sum)| {
            let y = y_sum / row.len() as f32;
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = median(row.iter().map(|g| g.font_size.max(1.0)));
            let mut words: Vec<Word> = Vec::new();
            let mut previous: Option<&Glyph> = None;
            for glyph in row {
                let text = page.glyph_text(glyph);
                if let Some(prev) = previous {
                    // Fake bold: the same glyph drawn again a hair to the right.
                    if page.glyph_text(prev) == text && (glyph.x - prev.x).abs() < 0.1 * size {
                        continue;
                    }
                }
                let glyph_end = glyph.x + glyph.width.max(0.0);
                let joins = words
                    .last()
                    .is_some_and(|word| glyph.x - word.x1 <= WORD_GAP * size);
                if !joins {
                    words.push(Word {
                        x0: glyph.x,
                        x1: glyph_end,
                        size: glyph.font_size,
                        text: String::new(),
                        letters: 0,
                        heavy: 0,
                        others: 0,
                        heavy_others: 0,
                    });
                }
                if let Some(word) = words.last_mut() {
                    word.text.push_str(text);
                    word.x1 = word.x1.max(glyph_end);
                    if let Some((letter, heavy)) = advances.heavy(page, glyph) {
                        word.count(letter, heavy);
                    }
                }
                previous = Some(glyph);
            }
            TextLine { y, size, words }
        })
        .collect()
}

/// The keys (text with digit runs as `#`) of lines that run across pages.
fn running_keys(pages: &[&GlyphPage], lined: &[Vec<TextLine>]) -> Vec<String> {
    let mut pages_with: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages_with_text = 0;
    for (page, lines) in pages.iter().zip(lined) {
        if !lines.is_empty() {
            pages_with_text += 1;
        }
        let mut keys: Vec<String> = margin_lines(page, lines)
            .map(|line| running_key(&line.plain()))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    pages_with
        .into_iter()
        .filter(|(key, count)| !key.is_empty() && *count >= 2 && *count * 5 >= pages_with_text * 2)
        .map(|(key, _)| key)
        .collect()
}

/// The first two and last two lines of a page, when they lie in its margins.
fn margin_lines<'a>(page: &GlyphPage, lines: &'a [TextLine]) -> impl Iterator<Item = &'a TextLine> {
    let top = page.height * MARGIN_ZONE;
    let bottom = page.height * (1.0 - MARGIN_ZONE);
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .filter(move |(index, line)| {
            (*index < 2 && line.y <= top) || (*index + 2 >= count && line.y >= bottom)
        })
        .map(|(_, line)| line)
}

fn is_running(page: &GlyphPage, line: &TextLine, running: &[String]) -> bool {
    if running.is_empty() {
        return false;
    }
    let top = page.height * MARGIN_ZONE;
    let bottom = page.height * (1.0 - MARGIN_ZONE);
    (line.y <= top || line.y >= bottom) && running.contains(&running_key(&line.plain()))
}

/// The shape of a running text: lower case, digit runs as `#`, whitespace
/// collapsed, so `Página 12` and `página 13` are the same (`página #`).
pub fn running_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// A table found on a page: the lines it spans and its rows, laid out.
struct Region {
    first: usize,
    last: usize,
    rows: Vec<(f32, String)>,
}

/// Lays out the kept lines of one page.
///
/// Bold runs of prose lines come out as Markdown `**…**`, so the extractors
/// read a PDF's emphasis as they read a Markdown file's; table rows stay
/// plain, as the extractors of tables expect.
fn render(lines: &[TextLine], document: &DocumentColumns) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prose: Vec<&TextLine> = Vec::new();
    let mut index = 0;
    let mut regions = find_regions(lines, document).into_iter().peekable();
    let pitch = usual_pitch(lines);
    while index < lines.len() {
        match regions.next_if(|region| region.first == index) {
            Some(region) => {
                out.extend(marked_prose(&prose, pitch));
                prose.clear();
                out.extend(region.rows.into_iter().map(|(_, row)| row));
                index = region.last + 1;
            }
            None => {
                prose.extend(lines.get(index));
                index += 1;
            }
        }
    }
    out.extend(marked_prose(&prose, pitch));
    let mut text = String::new();
    for line in out {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Consecutive prose lines with their bold runs marked; a run goes on over
/// a line end when the last word of a line and the first of the next are
/// bold, in the same font size, and the next line follows closely (a bold
/// block of short lines, `+750k $` over `USD`, is one run as in Markdown;
/// an 11-point bold heading over 9-point bold text is not).
fn marked_prose(lines: &[&TextLine], usual_pitch: f32) -> Vec<String> {
    let bold = weights(lines);
    let ends = |index: usize, first: bool| {
        bold.get(index).is_some_and(|words| {
            let edge = if first { words.first() } else { words.last() };
            edge.copied().unwrap_or(false)
        })
    };
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let same_paragraph = |upper: usize| {
                let (Some(above), Some(below)) = (lines.get(upper), lines.get(upper + 1)) else {
                    return false;
                };
                let (small, large) = (above.size.min(below.size), above.size.max(below.size));
                large <= small * SAME_SIZE && below.y - above.y <= BOLD_BLOCK_PITCH * small
            };
            let joins_above = index > 0
                && same_paragraph(index - 1)
                && ends(index - 1, false)
                && ends(index, true);
            let joins_below = same_paragraph(index) && ends(index, false) && ends(index + 1, true);
            let span = Span {
                from_above: joins_above,
                below: joins_below,
            };
            let marked = line.marked(bold.get(index).map_or(&[][..], Vec::as_slice), span);
            // A bold run going on below holds its lines together.
            let paragraph_ends = !joins_below
                && lines
                    .get(index + 1)
                    .is_some_and(|below| starts_paragraph(line, below, usual_pitch));
            (marked, paragraph_ends)
        })
        .flat_map(|(marked, paragraph_ends)| {
            std::iter::once(marked).chain(paragraph_ends.then(String::new))
        })
        .collect()
}

/// Whether `below` starts a new paragraph after `above` (see [`PARAGRAPH_GAP`]).
fn starts_paragraph(above: &TextLine, below: &TextLine, usual_pitch: f32) -> bool {
    let size = above.size.max(below.size);
    let pitch = (below.y - above.y) / size;
    pitch > PARAGRAPH_GAP && pitch > PARAGRAPH_PITCH * usual_pitch
}

/// The page's usual line pitch, in font sizes: the lower quartile of the
/// pitches between consecutive lines of one size, so that a page of many
/// short paragraphs still shows its line spacing; 0 when no two lines follow.
fn usual_pitch(lines: &[TextLine]) -> f32 {
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

/// What the whole document says about columns.
struct DocumentColumns {
    /// Left edges of columns seen on at least three lines: a table continued
    /// on the next page starts at them even when its first lines hold a
    /// single column.
    edges: Vec<(f32, f32)>,
    /// Left margins of the prose (where wide single-chunk lines start): a
    /// chunk starting there is a paragraph after a figure or a number in the
    /// margin, never a new column.
    margins: Vec<(f32, f32)>,
}

impl DocumentColumns {
    fn new(lined: &[Vec<TextLine>]) -> Self {
        let mut prose = Vec::new();
        for lines in lined {
            let left = lines
                .iter()
                .filter_map(|l| l.words.first())
                .map(|w| w.x0)
                .fold(f32::INFINITY, f32::min);
            let right = lines
                .iter()
                .filter_map(|l| l.words.last())
                .map(|w| w.x1)
                .fold(f32::NEG_INFINITY, f32::max);
            let width = right - left;
            for line in lines {
                let (Some(first), Some(last)) = (line.words.first(), line.words.last()) else {
                    continue;
                };
                if line.chunk_starts().is_empty() && last.x1 - first.x0 >= PROSE_WIDTH * width {
                    prose.push((first.x0, line.size));
                }
            }
        }
        // The dominant margin, and any other nearly as common (odd and even pages).
        let prose_clusters = clusters(prose);
        let most = prose_clusters.iter().map(|c| c.2).max().unwrap_or(0);
        let margins: Vec<(f32, f32)> = prose_clusters
            .into_iter()
            .filter(|c| c.2 * 2 >= most)
            .map(|(x, size, _)| (x, size))
            .collect();
        let starts = lined
            .iter()
            .flatten()
            .flat_map(|line| line.chunk_starts().into_iter().map(|x| (x, line.size)))
            .filter(|&(x, _)| !near(&margins, x))
            .collect();
        Self {
            edges: clusters(starts)
                .into_iter()
                .map(|(x, size, _)| (x, size))
                .collect(),
            margins,
        }
    }
}

/// True when `x` is within tolerance of one of `positions` (x, font size).
fn near(positions: &[(f32, f32)], x: f32) -> bool {
    positions
        .iter()
        .any(|&(position, size)| (position - x).abs() <= EDGE_TOLERANCE * size)
}

/// Groups nearby positions (x, font size); every group of three or more
/// becomes one position, its median, with the group's size.
fn clusters(mut starts: Vec<(f32, f32)>) -> Vec<(f32, f32, usize)> {
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut edges = Vec::new();
    let mut group: Vec<(f32, f32)> = Vec::new();
    for start in starts {
        let joins = group
            .last()
            .is_some_and(|last| start.0 - last.0 <= EDGE_TOLERANCE * last.1);
        if !joins {
            close_edge_group(&mut edges, &group);
            group.clear();
        }
        group.push(start);
    }
    close_edge_group(&mut edges, &group);
    edges
}

/// Keeps a group of nearby chunk starts as one edge when it has three or more.
fn close_edge_group(edges: &mut Vec<(f32, f32, usize)>, group: &[(f32, f32)]) {
    if group.len() >= 3 {
        edges.push((
            median(group.iter().map(|g| g.0)),
            median(group.iter().map(|g| g.1)),
            group.len(),
        ));
    }
}

/// Runs of lines that share column edges: tables (or side-by-side columns).
///
/// A run starts at a line with several cells, or at a page's first line when
/// it starts on a column edge of the document (a table continued from the
/// previous page), and must contain a row with two filled cells.
fn find_regions(lines: &[TextLine], document: &DocumentColumns) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut index = 0;
    // Lines below this index belong to no earlier table.
    let mut floor = 0;
    while index < lines.len() {
        let Some(start) = lines.get(index) else { break };
        let starts = start.cell_starts(document);
        let mut tabular = start.is_tabular(&starts);
        // A single-cell line opens a table only at the top of the page: the
        // rest of a table whose first rows were on the previous page.
        if starts.is_empty() || (!tabular && index > 0) {
            index += 1;
            continue;
        }
        let mut edges: Vec<f32> = Vec::new();
        merge_edges(&mut edges, &starts, start.size);
        let mut last = index;
        let mut previous_y = start.y;
        for (offset, line) in lines.iter().enumerate().skip(index + 1) {
            if line.y - previous_y > TABLE_BREAK * line.size {
                break;
            }
            if !edges.iter().all(|&edge| line.fits_edge(edge)) {
                break;
            }
            let new_starts = line.cell_starts(document);
            if !new_starts.is_empty() {
                merge_edges(&mut edges, &new_starts, line.size);
                tabular = tabular || line.is_tabular(&new_starts);
            }
            last = offset;
            previous_y = line.y;
        }
        // The first rows may hold a single column each (a tall measure cell
        // whose title is centred lower down): take the lines above that fit.
        let mut first = index;
        while first > floor {
            let (Some(above), Some(below)) = (lines.get(first - 1), lines.get(first)) else {
                break;
            };
            let close = below.y - above.y <= TABLE_BREAK * below.size;
            if !close || !edges.iter().all(|&edge| above.fits_edge(edge)) {
                break;
            }
            first -= 1;
        }
        let rows = match lines.get(first..=last) {
            Some(run) if tabular && last > first => table_rows(run, &edges),
            _ => Vec::new(),
        };
        if !looks_like_a_table(&rows) {
            index += 1;
            continue;
        }
        floor = last + 1;
        regions.push(Region {
            first,
            last,
            rows: rows
                .into_iter()
                .map(|(top, cells)| (top, cells.join("\t")))
                .collect(),
        });
        index = last + 1;
    }
    regions
}

/// Adds chunk starts to the sorted edge list, merging starts within tolerance.
fn merge_edges(edges: &mut Vec<f32>, starts: &[f32], size: f32) {
    for &start in starts {
        let tolerance = EDGE_TOLERANCE * size;
        if !edges.iter().any(|&edge| (edge - start).abs() <= tolerance) {
            edges.push(start);
        }
    }
    edges.sort_by(f32::total_cmp);
}

/// One column's piece of one line.
struct Fragment {
    y: f32,
    size: f32,
    text: String,
}

/// Consecutive fragments of one column: one cell's text.
struct Block {
    column: usize,
    top: f32,
    bottom: f32,
    lines: Vec<String>,
}

/// A table has at least one row with two or more filled cells.
fn looks_like_a_table(rows: &[(f32, Vec<String>)]) -> bool {
    rows.iter()
        .any(|(_, cells)| cells.iter().filter(|cell| !cell.is_empty()).count() >= 2)
}

/// Turns a table's lines into one `(y, cells)` per logical row, trailing
/// empty cells dropped.
fn table_rows(lines: &[TextLine], edges: &[f32]) -> Vec<(f32, Vec<String>)> {
    let columns = edges.len() + 1;
    let mut fragments: Vec<Vec<Fragment>> = (0..columns).map(|_| Vec::new()).collect();
    for line in lines {
        let tolerance = EDGE_TOLERANCE * line.size;
        let mut cells: Vec<Vec<&Word>> = (0..columns).map(|_| Vec::new()).collect();
        for word in &line.words {
            let column = edges
                .iter()
                .filter(|&&edge| word.x0 >= edge - tolerance)
                .count();
            if let Some(cell) = cells.get_mut(column) {
                cell.push(word);
            }
        }
        for (column, words) in cells.into_iter().enumerate() {
            if words.is_empty() {
                continue;
            }
            let text = words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let size = words
                .iter()
                .map(|w| w.size)
                .fold(0.0_f32, f32::max)
                .max(1.0);
            if let Some(column_fragments) = fragments.get_mut(column) {
                column_fragments.push(Fragment {
                    y: line.y,
                    size,
                    text,
                });
            }
        }
    }

    let mut blocks = column_blocks(&fragments);
    blocks.sort_by(|a, b| a.top.total_cmp(&b.top));

    // Blocks overlapping vertically form one row.
    let mut rows: Vec<Vec<Block>> = Vec::new();
    let mut row_bottom = f32::NEG_INFINITY;
    for block in blocks {
        match rows.last_mut() {
            Some(row) if block.top < row_bottom => {
                row_bottom = row_bottom.max(block.bottom);
                row.push(block);
            }
            _ => {
                row_bottom = block.bottom;
                rows.push(vec![block]);
            }
        }
    }

    rows.into_iter()
        .flat_map(split_spanning)
        .map(|row| {
            let top = row.iter().map(|b| b.top).fold(f32::INFINITY, f32::min);
            let mut cells: Vec<Vec<String>> = (0..columns).map(|_| Vec::new()).collect();
            for block in row {
                if let Some(cell) = cells.get_mut(block.column) {
                    cell.extend(block.lines);
                }
            }
            let mut texts: Vec<String> = cells.iter().map(|lines| join_cell(lines)).collect();
            while texts.last().is_some_and(String::is_empty) {
                texts.pop();
            }
            (top, texts)
        })
        .collect()
}

/// Groups each column's fragments into cell blocks by line pitch.
fn column_blocks(fragments: &[Vec<Fragment>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (column, column_fragments) in fragments.iter().enumerate() {
        let pitches: Vec<f32> = column_fragments
            .windows(2)
            .map(|pair| pair[1].y - pair[0].y)
            .filter(|&d| d > 0.0 && d < 2.0 * pair_size(column_fragments))
            .collect();
        let pitch = if pitches.is_empty() {
            1.2 * pair_size(column_fragments)
        } else {
            pitches
                .iter()
                .copied()
                .fold(f32::INFINITY, f32::min)
                .max(median(pitches.iter().copied()) * 0.8)
        };
        let mut current: Option<Block> = None;
        let mut previous_y = f32::NEG_INFINITY;
        for fragment in column_fragments {
            let extends = fragment.y - previous_y <= pitch * BLOCK_BREAK;
            match current.as_mut() {
                Some(block) if extends => {
                    block.bottom = fragment.y + 0.25 * fragment.size;
                    block.lines.push(fragment.text.clone());
                }
                _ => {
                    blocks.extend(current.take());
                    current = Some(Block {
                        column,
                        top: fragment.y - 0.75 * fragment.size,
                        bottom: fragment.y + 0.25 * fragment.size,
                        lines: vec![fragment.text.clone()],
                    });
                }
            }
            previous_y = fragment.y;
        }
        blocks.extend(current);
    }
    blocks
}

/// The usual font size of a column's fragments.
fn pair_size(fragments: &[Fragment]) -> f32 {
    if fragments.is_empty() {
        10.0
    } else {
        median(fragments.iter().map(|f| f.size))
    }
}

/// Splits a row in which one column holds several cells (the other columns'
/// cells span them) at that column's cells.
fn split_spanning(row: Vec<Block>) -> Vec<Vec<Block>> {
    let mut per_column: BTreeMap<usize, Vec<f32>> = BTreeMap::new();
    for block in &row {
        per_column.entry(block.column).or_default().push(block.top);
    }
    let Some(mut cuts) = per_column
        .into_values()
        .filter(|tops| tops.len() >= 2)
        .max_by_key(Vec::len)
    else {
        return vec![row];
    };
    cuts.sort_by(f32::total_cmp);
    let mut parts: Vec<Vec<Block>> = cuts.iter().map(|_| Vec::new()).collect();
    for block in row {
        let part = cuts
            .iter()
            .rposition(|&cut| block.top >= cut - 0.5)
            .unwrap_or(0);
        if let Some(target) = parts.get_mut(part) {
            target.push(block);
        }
    }
    parts.retain(|part| !part.is_empty());
    parts
}

/// Joins the lines of one cell with spaces. A line ending in a hyphen after a
/// letter or digit continues on the next line without a space: before a
/// lower-case letter the hyphen was a word break and goes (`acontecimien-` +
/// `tos`), before anything else it is part of the text and stays (`2018-` +
/// `2019`, `Bruselas-` + `Capital`).
fn join_cell(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let continues_word = line.chars().next().is_some_and(char::is_lowercase);
        match out.strip_suffix('-') {
            Some(stem) if stem.chars().next_back().is_some_and(char::is_alphanumeric) => {
                let letter = stem.chars().next_back().is_some_and(char::is_alphabetic);
                if continues_word && letter {
                    out.truncate(stem.len());
                }
            }
            _ if out.is_empty() => {}
            _ => out.push(' '),
        }
        out.push_str(line);
    }
    out
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut values: Vec<f32> = values.collect();
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;
    const ADVANCE: f32 = 5.0;

    /// Draws `text` glyph by glyph from `x` on baseline `y` (a space advances too).
    fn word(page: &mut GlyphPage, text: &str, x: f32, y: f32) {
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
    fn rows_come_from_positions_not_stream_order() {
        let mut page = page();
        word(&mut page, "v", 300.0, 100.0);
        word(&mut page, "x", 300.0, 120.0);
        word(&mut page, "L1M1D1", 50.0, 100.0);
        word(&mut page, "L1M1D2", 50.0, 120.0);
        assert_eq!(one(&page), "L1M1D1\tv\nL1M1D2\tx\n");
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
        ] {
            let owned: Vec<String> = lines.iter().map(|s| (*s).to_owned()).collect();
            assert_eq!(join_cell(&owned), want);
        }
    }
}
