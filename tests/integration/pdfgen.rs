//! A small PDF writer for tests: runs of text and rules placed on upright
//! pages, written with lopdf in one of several encodings, drawing orders and
//! rotations, and the glyphs and rules a reader must find, in the upright
//! coordinates of planex's glyph pages.
//!
//! Fonts are the standard 14 (no font files): Helvetica, Times and Courier,
//! regular and bold, with their AFM widths, so the writer knows where every
//! glyph lands. Text is ASCII without quotes (codes 39 and 96 differ between
//! the standard and WinAnsi encodings).

#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use planex::read::RuleKind;

/// A standard-14 face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Helvetica,
    HelveticaBold,
    Times,
    TimesBold,
    Courier,
    CourierBold,
}

impl Face {
    pub const ALL: [Face; 6] = [
        Face::Helvetica,
        Face::HelveticaBold,
        Face::Times,
        Face::TimesBold,
        Face::Courier,
        Face::CourierBold,
    ];

    pub fn base_name(self) -> &'static str {
        match self {
            Face::Helvetica => "Helvetica",
            Face::HelveticaBold => "Helvetica-Bold",
            Face::Times => "Times-Roman",
            Face::TimesBold => "Times-Bold",
            Face::Courier => "Courier",
            Face::CourierBold => "Courier-Bold",
        }
    }

    /// The bold face of the same family.
    pub fn bold(self) -> Face {
        match self {
            Face::Helvetica | Face::HelveticaBold => Face::HelveticaBold,
            Face::Times | Face::TimesBold => Face::TimesBold,
            Face::Courier | Face::CourierBold => Face::CourierBold,
        }
    }

    fn resource(self) -> String {
        let index = Face::ALL.iter().position(|&f| f == self).unwrap_or(0);
        format!("F{}", index + 1)
    }

    /// Advance widths of codes 32 to 126, in thousandths of an em.
    fn widths(self) -> [u16; 95] {
        match self {
            Face::Helvetica => HELVETICA,
            Face::HelveticaBold => HELVETICA_BOLD,
            Face::Times => TIMES_ROMAN,
            Face::TimesBold => TIMES_BOLD,
            Face::Courier | Face::CourierBold => [600; 95],
        }
    }

    /// Advance of one character, in thousandths of an em (0 outside ASCII).
    pub fn advance(self, c: char) -> f32 {
        let code = c as usize;
        if (32..=126).contains(&code) {
            f32::from(self.widths()[code - 32])
        } else {
            0.0
        }
    }

    /// Width of `text` set at `size` points.
    pub fn text_width(self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / 1000.0
    }
}

/// How a run of text becomes text-showing operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// One `Tj` per run, spaces drawn as glyphs.
    Strings,
    /// One `TJ` per run, spaces left out and made by kerning numbers.
    Kerned,
    /// One `Tm` per word, no space glyphs.
    Words,
    /// One `Tm` per glyph, no space glyphs.
    Glyphs,
    /// One `Tj` per run with word spacing (`Tw`) widening each space glyph.
    WordSpaced,
}

impl Encoding {
    pub const ALL: [Encoding; 5] = [
        Encoding::Strings,
        Encoding::Kerned,
        Encoding::Words,
        Encoding::Glyphs,
        Encoding::WordSpaced,
    ];

    /// Width each space glyph gains over its advance, in em.
    pub fn space_gain(self) -> f32 {
        match self {
            Encoding::WordSpaced => WORD_SPACING,
            _ => 0.0,
        }
    }

    fn draws_spaces(self) -> bool {
        matches!(self, Encoding::Strings | Encoding::WordSpaced)
    }
}

/// How far to the right a run drawn twice is drawn again, in points.
pub const FAKE_BOLD_SHIFT: f32 = 0.3;

/// Extra width `Tw` gives each space in [`Encoding::WordSpaced`], in em.
const WORD_SPACING: f32 = 0.25;

/// How the upright page lies on the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// As read.
    Upright,
    /// Paper turned by `/Rotate 90`, content drawn a quarter turn back.
    Rotate90,
    /// `/Rotate 180`, content drawn upside down.
    Rotate180,
    /// `/Rotate 270`, content drawn a quarter turn the other way.
    Rotate270,
    /// No `/Rotate`: the content reads upwards on the paper.
    Sideways90,
    /// No `/Rotate`: the content reads downwards on the paper.
    Sideways270,
}

impl Turn {
    pub const ALL: [Turn; 6] = [
        Turn::Upright,
        Turn::Rotate90,
        Turn::Rotate180,
        Turn::Rotate270,
        Turn::Sideways90,
        Turn::Sideways270,
    ];

    /// The paper's media box and `/Rotate` for a `width` × `height` page,
    /// and the matrix from upright drawing coordinates (origin bottom-left,
    /// y up) to the paper's user space.
    fn paper(self, width: f32, height: f32) -> ([f32; 2], Option<i64>, [f32; 6]) {
        let (w, h) = (width, height);
        match self {
            Turn::Upright => ([w, h], None, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            Turn::Rotate180 => ([w, h], Some(180), [-1.0, 0.0, 0.0, -1.0, w, h]),
            Turn::Rotate90 => ([h, w], Some(90), [0.0, 1.0, -1.0, 0.0, h, 0.0]),
            Turn::Rotate270 => ([h, w], Some(270), [0.0, -1.0, 1.0, 0.0, 0.0, w]),
            Turn::Sideways90 => ([h, w], None, [0.0, 1.0, -1.0, 0.0, h, 0.0]),
            Turn::Sideways270 => ([h, w], None, [0.0, -1.0, 1.0, 0.0, 0.0, w]),
        }
    }
}

/// A run of text on one baseline, in upright page coordinates (points,
/// origin top-left, y down).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub face: Face,
    pub size: f32,
    /// Drawn a second time [`FAKE_BOLD_SHIFT`] to the right (fake bold).
    pub twice: bool,
}

/// A stroked line or a filled rectangle, in upright page coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A horizontal or vertical stroke from (x0, y0) to (x1, y1).
    Line {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        width: f32,
    },
    /// A filled rectangle in a shade of grey (0 black, 1 white).
    Fill {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        gray: f32,
    },
}

/// One upright page to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
    pub shapes: Vec<Shape>,
}

/// How the pages are written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub encoding: Encoding,
    pub turn: Turn,
    /// The turn goes into every text matrix instead of one `cm`.
    pub turn_in_text_matrix: bool,
    /// `Tf` sets size 1 and the text matrix scales to the size.
    pub size_in_matrix: bool,
    /// Shuffles the drawing order of runs and lines (fills stay first,
    /// under the text).
    pub shuffle: Option<u64>,
    /// Fonts carry `/Widths` (otherwise the reader's AFM metrics apply).
    pub widths: bool,
    /// The content is drawn in units of this many points: every coordinate,
    /// size and line width divided by it, the CTM multiplied by it.
    pub unit: f32,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            encoding: Encoding::Strings,
            turn: Turn::Upright,
            turn_in_text_matrix: false,
            size_in_matrix: false,
            shuffle: None,
            widths: true,
            unit: 1.0,
        }
    }
}

/// A glyph as the writer drew it, in upright page coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub page: usize,
    pub text: char,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub face: Face,
    pub twice: bool,
}

/// The glyphs a reader must find on `pages` written in `style`: every
/// drawn glyph once (spaces only when the encoding draws them).
pub fn drawn_glyphs(pages: &[Page], style: &Style) -> Vec<Drawn> {
    let mut drawn = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        for run in &page.runs {
            for (c, x) in glyph_positions(run, style.encoding) {
                if c == ' ' && !style.encoding.draws_spaces() {
                    continue;
                }
                drawn.push(Drawn {
                    page: page_index,
                    text: c,
                    x,
                    y: run.y,
                    width: run.face.advance(c) * run.size / 1000.0,
                    size: run.size,
                    face: run.face,
                    twice: run.twice,
                });
            }
        }
    }
    drawn
}

/// The rules a reader must find on a page: `(kind, [x0, y0, x1, y1])`.
pub fn drawn_rules(page: &Page) -> Vec<(RuleKind, [f32; 4])> {
    page.shapes
        .iter()
        .filter_map(|shape| match *shape {
            Shape::Line {
                x0,
                y0,
                x1,
                y1,
                width,
            } => {
                let half = width / 2.0;
                let (left, right) = (x0.min(x1), x0.max(x1));
                let (top, bottom) = (y0.min(y1), y0.max(y1));
                Some(if (y1 - y0).abs() <= (x1 - x0).abs() {
                    (RuleKind::Ruling, [left, y0 - half, right, y0 + half])
                } else {
                    (RuleKind::Ruling, [x0 - half, top, x0 + half, bottom])
                })
            }
            Shape::Fill {
                x0,
                y0,
                x1,
                y1,
                gray,
            } => {
                let thin = (x1 - x0).abs().min((y1 - y0).abs()) <= 2.0;
                let kind = if thin {
                    RuleKind::Ruling
                } else {
                    RuleKind::Fill
                };
                (gray < 0.999).then_some((kind, [x0, y0, x1, y1]))
            }
        })
        .collect()
}

/// Each character of a run with the x of its origin.
fn glyph_positions(run: &Run, encoding: Encoding) -> Vec<(char, f32)> {
    let mut x = run.x;
    let mut placed = Vec::new();
    for c in run.text.chars() {
        placed.push((c, x));
        x += run.face.advance(c) * run.size / 1000.0;
        if c == ' ' && encoding == Encoding::WordSpaced {
            x += WORD_SPACING * run.size;
        }
    }
    placed
}

/// The PDF of `pages` written in `style`.
pub fn write(pages: &[Page], style: &Style) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut fonts = lopdf::Dictionary::new();
    for face in Face::ALL {
        let mut font = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => face.base_name(),
            "Encoding" => "WinAnsiEncoding",
        };
        if style.widths {
            font.set("FirstChar", 32);
            font.set("LastChar", 126);
            font.set(
                "Widths",
                face.widths()
                    .iter()
                    .map(|&w| Object::Integer(i64::from(w)))
                    .collect::<Vec<_>>(),
            );
        }
        let id = doc.add_object(font);
        fonts.set(face.resource(), id);
    }
    let resources_id = doc.add_object(dictionary! { "Font" => fonts });
    let mut kids = Vec::new();
    for page in pages {
        let ([paper_w, paper_h], rotate, [a, b, c, d, e, f]) =
            style.turn.paper(page.width, page.height);
        let u = style.unit;
        let matrix = [a * u, b * u, c * u, d * u, e, f];
        let content = Content {
            operations: page_operations(page, style, matrix),
        };
        let bytes = content.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, bytes));
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), paper_w.into(), paper_h.into()],
        };
        if let Some(degrees) = rotate {
            page_dict.set("Rotate", degrees);
        }
        kids.push(Object::Reference(doc.add_object(page_dict)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

fn op(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

fn reals(values: &[f32]) -> Vec<Object> {
    values.iter().map(|&v| Object::Real(v)).collect()
}

/// One drawable item, before shuffling.
enum Item<'a> {
    Text(&'a Run, f32),
    Shape(&'a Shape),
}

fn page_operations(page: &Page, style: &Style, matrix: [f32; 6]) -> Vec<Operation> {
    let mut ops = Vec::new();
    let whole_page_turn = !style.turn_in_text_matrix;
    if whole_page_turn {
        ops.push(op("q", vec![]));
        ops.push(op("cm", reals(&matrix)));
    }
    let (fills, lines): (Vec<&Shape>, Vec<&Shape>) = page
        .shapes
        .iter()
        .partition(|shape| matches!(shape, Shape::Fill { .. }));
    let mut items: Vec<Item> = Vec::new();
    for run in &page.runs {
        items.push(Item::Text(run, 0.0));
        if run.twice {
            items.push(Item::Text(run, FAKE_BOLD_SHIFT));
        }
    }
    items.extend(lines.into_iter().map(Item::Shape));
    if let Some(seed) = style.shuffle {
        shuffle(&mut items, seed);
    }
    let shapes = fills.into_iter().map(Item::Shape).chain(items);
    for item in shapes {
        match item {
            Item::Shape(shape) => {
                if !whole_page_turn {
                    ops.push(op("q", vec![]));
                    ops.push(op("cm", reals(&matrix)));
                }
                ops.extend(shape_operations(shape, page.height, style.unit));
                if !whole_page_turn {
                    ops.push(op("Q", vec![]));
                }
            }
            Item::Text(run, shift) => {
                let turn = (!whole_page_turn).then_some(matrix);
                ops.extend(run_operations(run, shift, page.height, style, turn));
            }
        }
    }
    if whole_page_turn {
        ops.push(op("Q", vec![]));
    }
    ops
}

/// A shape's operators, its lengths in units of `unit` points.
fn shape_operations(shape: &Shape, height: f32, unit: f32) -> Vec<Operation> {
    let scaled = |values: &[f32]| reals(&values.iter().map(|v| v / unit).collect::<Vec<_>>());
    match *shape {
        Shape::Line {
            x0,
            y0,
            x1,
            y1,
            width,
        } => vec![
            op("w", scaled(&[width])),
            op("G", reals(&[0.0])),
            op("m", scaled(&[x0, height - y0])),
            op("l", scaled(&[x1, height - y1])),
            op("S", vec![]),
        ],
        Shape::Fill {
            x0,
            y0,
            x1,
            y1,
            gray,
        } => vec![
            op("g", reals(&[gray])),
            op("re", scaled(&[x0, height - y1, x1 - x0, y1 - y0])),
            op("f", vec![]),
            op("g", reals(&[0.0])),
        ],
    }
}

/// The text matrix placing an origin at drawing point (x, y), scaled by
/// `scale`, and turned by `turn` when the turn goes into text matrices.
fn text_matrix(x: f32, y: f32, scale: f32, turn: Option<[f32; 6]>) -> Vec<Object> {
    match turn {
        None => reals(&[scale, 0.0, 0.0, scale, x, y]),
        Some([a, b, c, d, e, f]) => reals(&[
            scale * a,
            scale * b,
            scale * c,
            scale * d,
            x * a + y * c + e,
            x * b + y * d + f,
        ]),
    }
}

fn run_operations(
    run: &Run,
    shift: f32,
    height: f32,
    style: &Style,
    turn: Option<[f32; 6]>,
) -> Vec<Operation> {
    let unit = style.unit;
    let (font_size, scale) = if style.size_in_matrix {
        (1.0, run.size / unit)
    } else {
        (run.size / unit, 1.0)
    };
    let baseline = (height - run.y) / unit;
    let mut ops = vec![
        op("BT", vec![]),
        op(
            "Tf",
            vec![
                Object::Name(run.face.resource().into_bytes()),
                font_size.into(),
            ],
        ),
    ];
    let at = |x: f32| op("Tm", text_matrix((x + shift) / unit, baseline, scale, turn));
    let literal = |text: &str| Object::string_literal(text.as_bytes().to_vec());
    match style.encoding {
        Encoding::Strings => {
            ops.push(at(run.x));
            ops.push(op("Tj", vec![literal(&run.text)]));
        }
        Encoding::WordSpaced => {
            // Tw is in unscaled text space: the text matrix and the CTM scale it.
            ops.push(op("Tw", reals(&[WORD_SPACING * run.size / scale / unit])));
            ops.push(at(run.x));
            ops.push(op("Tj", vec![literal(&run.text)]));
            ops.push(op("Tw", reals(&[0.0])));
        }
        Encoding::Kerned => {
            ops.push(at(run.x));
            let space = -(run.face.advance(' ') as i64);
            let mut parts = Vec::new();
            for (index, word) in run.text.split(' ').enumerate() {
                if index > 0 {
                    parts.push(Object::Integer(space));
                }
                if !word.is_empty() {
                    parts.push(literal(word));
                }
            }
            ops.push(op("TJ", vec![Object::Array(parts)]));
        }
        Encoding::Words => {
            let placed = glyph_positions(run, style.encoding);
            let mut start = 0;
            for word in run.text.split(' ') {
                if let Some(&(_, x)) = placed.get(start) {
                    if !word.is_empty() {
                        ops.push(at(x));
                        ops.push(op("Tj", vec![literal(word)]));
                    }
                }
                start += word.chars().count() + 1;
            }
        }
        Encoding::Glyphs => {
            for (c, x) in glyph_positions(run, style.encoding) {
                if c != ' ' {
                    ops.push(at(x));
                    ops.push(op("Tj", vec![literal(&c.to_string())]));
                }
            }
        }
    }
    ops.push(op("ET", vec![]));
    ops
}

/// Fisher–Yates with a xorshift generator: a fixed order per seed.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Helvetica: AFM advance widths of codes 32 to 126, in thousandths of an em.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/// Helvetica-Bold: AFM advance widths of codes 32 to 126, in thousandths of an em.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/// Times-Roman: AFM advance widths of codes 32 to 126, in thousandths of an em.
const TIMES_ROMAN: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
/// Times-Bold: AFM advance widths of codes 32 to 126, in thousandths of an em.
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
