//! The glyph page: what the read stage hands the layout for one PDF page.
//!
//! Everything is in **upright reading coordinates**: points, origin at the
//! top-left corner of the page as a reader holds it, `x` growing along the
//! lines and `y` growing down the page. A page turned by `/Rotate`, or whose
//! text is drawn with a rotated text matrix, is turned back before the layout
//! sees it, so a table drawn sideways gives the same glyph page as the same
//! table drawn upright (see [`pdf`](super::pdf) for how the reading direction
//! is chosen). Glyphs that run another way than the page's reading direction
//! (a vertical column header, a diagonal stamp) stay on the page, flagged by
//! their [`Direction`], so the layout can leave them out of its lines.

/// Which way a glyph's baseline runs, relative to its page's reading
/// direction (turned clockwise, as the page is viewed upright).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Along the page's lines: the only direction lines are built from.
    #[default]
    Upright,
    /// Turned a quarter clockwise: the text reads downwards.
    Rotated90,
    /// Upside down: the text reads right to left.
    Rotated180,
    /// Turned a quarter counterclockwise: the text reads upwards.
    Rotated270,
    /// At an angle that is not a multiple of a quarter turn.
    Diagonal,
}

/// One glyph drawn on a page, in upright reading coordinates (points, origin
/// at the top-left corner, `y` growing downwards).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Glyph {
    /// Byte offset of the glyph's text in [`GlyphPage::text`].
    pub start: u32,
    /// Byte offset just past the glyph's text.
    pub end: u32,
    /// Left edge of the glyph's origin.
    pub x: f32,
    /// Baseline, measured from the top of the page.
    pub y: f32,
    /// Advance width along the baseline (character and word spacing, and the
    /// kerning of `TJ`, excluded; horizontal scaling included).
    pub width: f32,
    /// Effective font size: the height of the glyph's em square on the page
    /// (font size and text matrix applied, horizontal scaling not).
    pub font_size: f32,
    /// Which way the glyph runs; only [`Direction::Upright`] glyphs read
    /// along the page's lines.
    pub direction: Direction,
    /// Index of the glyph's face in [`GlyphPage::fonts`]; see
    /// [`GlyphPage::font`].
    pub font: u16,
    /// The producer drew this glyph twice or more at nearly the same place,
    /// the usual way to fake bold (the copies are dropped).
    pub overprinted: bool,
}

/// A font face as named by the PDF: enough to tell weight, slant and
/// symbol fonts apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Font {
    /// The base font name without its subset prefix (`Arial-BoldMT` for
    /// `ABCDEF+Arial-BoldMT`); empty when the PDF gives none (Type3 fonts).
    pub name: String,
    /// Bold by name (`Helvetica-Bold`, `Arial,Bold`, `…-Black`), by the
    /// descriptor's weight (600 or more) or by its force-bold flag.
    pub bold: bool,
    /// Italic by name (`…-Italic`, `…-Oblique`, `…-It`) or by the
    /// descriptor's italic flag.
    pub italic: bool,
    /// A symbol or dingbat font (Symbol, ZapfDingbats, Wingdings…), whose
    /// glyphs are marks rather than letters.
    pub symbolic: bool,
    /// A fixed-pitch face (Courier, …Mono, or the descriptor's flag).
    pub monospaced: bool,
}

/// Whether a [`Rule`] is a line or a filled area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleKind {
    /// A thin horizontal or vertical line, stroked or filled: a cell border
    /// or an underline.
    Ruling,
    /// A filled rectangle wider than a ruling in both directions: a cell or
    /// row background (zebra stripes), a highlighted header.
    Fill,
}

/// A horizontal or vertical line, or a filled rectangle, drawn on the page:
/// evidence of cell borders. Its box is in the same upright coordinates as
/// the glyphs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge (`x1 >= x0`).
    pub x1: f32,
    /// Bottom edge (`y1 >= y0`).
    pub y1: f32,
    /// Line or area.
    pub kind: RuleKind,
}

impl Rule {
    /// A line (not a fill) covering the box from `(x0, y0)` to `(x1, y1)`.
    pub fn ruling(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule {
            x0,
            y0,
            x1,
            y1,
            kind: RuleKind::Ruling,
        }
    }

    /// True for a rule wider than it is tall (a horizontal ruling).
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// The glyphs of one PDF page, in content-stream order, with the rulings
/// and fills drawn on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlyphPage {
    /// Page width in points, as the page is read (upright).
    pub width: f32,
    /// Page height in points, as the page is read (upright).
    pub height: f32,
    /// The text of every glyph, concatenated; glyphs index into it.
    pub text: String,
    /// Glyphs in the order the content stream draws them.
    pub glyphs: Vec<Glyph>,
    /// Horizontal and vertical lines and filled rectangles, in drawing order
    /// (white fills, which show nothing on paper, are left out).
    pub rules: Vec<Rule>,
    /// The faces glyphs refer to by [`Glyph::font`]. Indices are the same on
    /// every page of a document; empty when the backend does not know fonts.
    pub fonts: Vec<Font>,
}

impl GlyphPage {
    /// The text of one glyph of this page.
    pub fn glyph_text(&self, glyph: &Glyph) -> &str {
        self.text
            .get(glyph.start as usize..glyph.end as usize)
            .unwrap_or("")
    }

    /// The face that draws a glyph, when the backend knows it.
    pub fn font(&self, glyph: &Glyph) -> Option<&Font> {
        self.fonts.get(usize::from(glyph.font))
    }

    /// True when a glyph is drawn bold: by a bold face, or by a fake bold
    /// (drawn twice).
    pub fn is_bold(&self, glyph: &Glyph) -> bool {
        glyph.overprinted || self.font(glyph).is_some_and(|font| font.bold)
    }

    /// The glyphs that read along the page's lines.
    pub fn upright_glyphs(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs
            .iter()
            .filter(|glyph| glyph.direction == Direction::Upright)
    }

    /// Appends an upright glyph in face 0 (no face at all while
    /// [`fonts`](Self::fonts) is empty); used by the pdftotext backend and by
    /// tests that build pages by hand.
    pub fn push(&mut self, text: &str, x: f32, y: f32, width: f32, font_size: f32) {
        self.push_glyph(
            text,
            Glyph {
                x,
                y,
                width,
                font_size,
                ..Glyph::default()
            },
        );
    }

    /// Appends `glyph` with `text`; the glyph's `start` and `end` are set
    /// here.
    pub fn push_glyph(&mut self, text: &str, glyph: Glyph) {
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(text);
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.glyphs.push(Glyph {
            start,
            end,
            ..glyph
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_text_out_of_range_is_empty() {
        let mut page = GlyphPage::default();
        page.push("ﬁ", 1.0, 2.0, 3.0, 4.0);
        assert_eq!(page.glyph_text(&page.glyphs[0]), "ﬁ");
        let stray = Glyph {
            start: 5,
            end: 9,
            ..page.glyphs[0]
        };
        assert_eq!(page.glyph_text(&stray), "");
    }

    #[test]
    fn bold_comes_from_the_face_or_from_overprinting() {
        let mut page = GlyphPage {
            fonts: vec![
                Font::default(),
                Font {
                    bold: true,
                    ..Font::default()
                },
            ],
            ..GlyphPage::default()
        };
        page.push("a", 0.0, 10.0, 5.0, 10.0);
        let regular = page.glyphs[0];
        assert!(!page.is_bold(&regular));
        assert!(page.is_bold(&Glyph { font: 1, ..regular }));
        assert!(page.is_bold(&Glyph {
            overprinted: true,
            ..regular
        }));
        assert_eq!(page.font(&Glyph { font: 7, ..regular }), None);
    }
}
