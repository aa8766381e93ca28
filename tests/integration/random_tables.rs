//! Random tables drawn into PDFs (tests/integration/pdfgen.rs) and read back.
//!
//! Each case draws a deliverables table: random column order (the mark left
//! or right of the code), widths, alignments, a standard-14 face and size,
//! titles that wrap, page breaks inside the table (with or without a
//! repeated header), rulings and zebra fills, a fake-bold heading, and
//! writes it in one of several encodings (space glyphs or none, one string,
//! one word or one glyph per operator), drawing orders and rotations.
//!
//! - **Read stage**: every drawn glyph comes back once, with its text, face,
//!   size and position in upright coordinates, whatever the encoding, order,
//!   rotation and scale of the CTM; every ruling and fill comes back as drawn.
//! - **Whole pipeline**: `planex::convert_bytes` recovers every code, title
//!   and mark exactly. It holds in CI for two classes, each drawn from a
//!   fixed seed: tables whose titles are left-aligned and whose codes and
//!   marks sit on the title's first line (any column order, code and mark
//!   alignment, face, size, landscape, page breaks with or without a
//!   repeated header, rulings, zebra fills, fake bold, encoding, drawing
//!   order, rotation and scale), and tables drawn in a full grid, aligned
//!   any way, codes and marks on a wrapped title's first, middle or last
//!   line (the vertical rulings give the columns and frame the table, the
//!   horizontal ones the rows). On all tables it is ignored;
//!   `pipeline_failures_by_class_on_fresh_draws` counts what fails on fresh
//!   draws. Tables without vertical rulings are rebuilt around their
//!   column of codes and cut at the strips of whitespace every line leaves
//!   empty (`layout::gutters`), so wrapped titles set left, centred or right,
//!   codes and marks beside a title's first, middle or last line, and marks
//!   set as close to a title as a wide word space keep their rows. Fresh
//!   draws of 300 failed 57 (seed 23) and 44 (seed 41) before that pass, 11
//!   and 10 after. A face's word space is then measured, not assumed: a
//!   strip that is a word space on no line is a gutter however wide the
//!   face spaces its words (a monospaced face's whole advance), a column
//!   edge that falls on a monospaced word space does not cut a title, and
//!   a code after a narrow gutter opens its own chunk on a line outside
//!   any table (a one-row table, a last row alone on its page). Fresh
//!   draws of 300 from seeds 311, 523, 777, 1009, 2718 and 4242 failed 8,
//!   10, 10, 11, 11 and 9 before those (40 of the 59 in Courier), 3, 4, 3,
//!   2, 4 and 7 after (13 of the 23 in Courier), no draw failing that
//!   passed before. What still fails, about one table in eighty:
//!   - monospaced faces where rows are ruled or titles wrap beside codes
//!     set on their middle or last line: a mark joins a title line or a
//!     title's first words go to the row above;
//!   - a row alone on its page (under a repeated header or none) whose code
//!     is on the title's last line: the title's first lines stay out of
//!     its row;
//!   - a mark set right against a centred or right-aligned title in a
//!     table of one row.
//!
//! Set `RANDOM_TABLES_DUMP=/path/file.pdf` to keep the last PDF a pipeline
//! case failed on (read it with `planex pages`).

use std::path::Path;

use planex::read::{self, Direction, GlyphPage, PageContent};
use planex::Config;
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};

use crate::pdfgen::{self, Encoding, Face, Page, Run, Shape, Style, Turn};

/// Words of the titles, per language (ASCII: the writer's fonts use WinAnsi).
const EN_WORDS: [&str; 24] = [
    "annual",
    "report",
    "on",
    "urban",
    "governance",
    "calendar",
    "of",
    "international",
    "events",
    "publication",
    "series",
    "mayors",
    "position",
    "papers",
    "key",
    "issues",
    "training",
    "plan",
    "network",
    "members",
    "policy",
    "transfer",
    "platform",
    "strategy",
];
const ES_WORDS: [&str; 24] = [
    "informe",
    "anual",
    "sobre",
    "la",
    "gobernanza",
    "calendario",
    "de",
    "acontecimientos",
    "publicacion",
    "serie",
    "alcaldes",
    "documentos",
    "posicion",
    "temas",
    "clave",
    "plan",
    "formacion",
    "red",
    "miembros",
    "politicas",
    "plataforma",
    "estrategia",
    "y",
    "web",
];

/// The marks, in legend order: achieved, in progress, not developed.
const MARKS: [&str; 3] = ["V", "0", "X"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Code,
    Title,
    Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ruling {
    None,
    Rows,
    Grid,
}

#[derive(Debug, Clone)]
struct RowSpec {
    /// Indices into the language's words.
    words: Vec<usize>,
    /// Index into [`MARKS`].
    mark: usize,
}

#[derive(Debug, Clone)]
struct TableSpec {
    spanish: bool,
    rows: Vec<RowSpec>,
    order: [Column; 3],
    title_width: f32,
    /// Horizontal alignment of the code, title and mark columns.
    align: [Align; 3],
    /// Vertical alignment of the code and mark in rows whose title wraps.
    valign: VAlign,
    face: Face,
    size: f32,
    landscape: bool,
    /// Space left empty at the bottom of each page (more forces page breaks).
    bottom: f32,
    repeat_header: bool,
    ruling: Ruling,
    line_width: f32,
    zebra: bool,
    /// The heading is drawn twice (fake bold).
    heading_twice: bool,
}

/// One expected deliverable: code, title and mark.
type Expected = (String, String, String);

impl TableSpec {
    fn words(&self) -> &'static [&'static str; 24] {
        if self.spanish {
            &ES_WORDS
        } else {
            &EN_WORDS
        }
    }

    fn code(index: usize) -> String {
        format!(
            "L{}M{}D{}",
            1 + index / 12,
            1 + (index / 4) % 3,
            1 + index % 4
        )
    }

    fn title(&self, row: &RowSpec) -> String {
        let words = self.words();
        let mut title: Vec<String> = row
            .words
            .iter()
            .map(|&i| words[i % 24].to_owned())
            .collect();
        if let Some(first) = title.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                *first = c.to_ascii_uppercase().to_string() + chars.as_str();
            }
        }
        title.join(" ")
    }

    fn expected(&self) -> Vec<Expected> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, row)| (Self::code(i), self.title(row), MARKS[row.mark].to_owned()))
            .collect()
    }

    /// The pages of the drawn document, as drawn with spaces of their usual
    /// width.
    fn draw(&self) -> Vec<Page> {
        self.draw_spaced(0.0)
    }

    /// The pages of the drawn document, every space glyph `space_gain` em
    /// wider than its advance (word spacing): titles wrap and align on the
    /// width they are drawn at, so no text runs over its cell.
    fn draw_spaced(&self, space_gain: f32) -> Vec<Page> {
        let (width, height) = if self.landscape {
            (842.0, 595.0)
        } else {
            (595.0, 842.0)
        };
        let size = self.size;
        let leading = 1.25 * size;
        let pad = 0.4 * size;
        let bold = self.face.bold();
        let margin = 50.0;
        let new_page = || Page {
            width,
            height,
            ..Page::default()
        };
        let mut pages = vec![new_page()];
        let run = |text: &str, x: f32, y: f32, face: Face, size: f32| Run {
            text: text.to_owned(),
            x,
            y,
            face,
            size,
            twice: false,
        };
        let (heading, legend, headers) = if self.spanish {
            (
                "Informe anual 2020",
                "V alcanzado   0 en proceso   X no desarrollado",
                ["Codigo", "Resultado", "Estado"],
            )
        } else {
            (
                "Annual report 2020",
                "V achieved   0 in progress   X not developed",
                ["Code", "Deliverable", "Status"],
            )
        };
        let mut y = margin + 1.4 * size;
        pages[0].runs.push(Run {
            twice: self.heading_twice,
            ..run(heading, margin, y, bold, 1.4 * size)
        });
        y += 2.0 * leading;
        pages[0].runs.push(run(legend, margin, y, self.face, size));
        y += 2.0 * leading;

        // Column extents, in the drawn order.
        let code_width = self
            .face
            .text_width("L9M9D9", size)
            .max(bold.text_width(headers[0], size))
            + 2.0 * pad;
        let mark_width = bold
            .text_width(headers[2], size)
            .max(self.face.text_width("X", size))
            + 2.0 * pad;
        let title_width = self
            .title_width
            .min(width - 2.0 * margin - code_width - mark_width);
        let mut columns: Vec<(Column, f32, f32)> = Vec::new();
        let mut x = margin;
        for column in self.order {
            let w = match column {
                Column::Code => code_width,
                Column::Title => title_width,
                Column::Mark => mark_width,
            };
            columns.push((column, x, x + w));
            x += w;
        }
        let (table_left, table_right) = (margin, x);
        let align = |column: Column| match column {
            Column::Code => self.align[0],
            Column::Title => self.align[1],
            Column::Mark => self.align[2],
        };
        let drawn_width = |face: Face, text: &str| {
            face.text_width(text, size) + text.matches(' ').count() as f32 * space_gain * size
        };
        let cell_x = |column: Column, text: &str, face: Face| {
            let (_, x0, x1) = columns
                .iter()
                .copied()
                .find(|(c, _, _)| *c == column)
                .unwrap_or((column, margin, margin));
            let w = drawn_width(face, text);
            match align(column) {
                Align::Left => x0 + pad,
                Align::Right => x1 - pad - w,
                Align::Center => (x0 + x1 - w) / 2.0,
            }
        };

        // Rows: (page, top, bottom) of every drawn row, header rows included.
        let mut bands: Vec<(usize, f32, f32, bool)> = Vec::new();
        let header_height = leading + 2.0 * pad;
        let draw_header =
            |pages: &mut Vec<Page>, y: &mut f32, bands: &mut Vec<(usize, f32, f32, bool)>| {
                let page = pages.len() - 1;
                let baseline = *y + pad + 0.8 * size;
                for (column, text) in [Column::Code, Column::Title, Column::Mark]
                    .iter()
                    .zip(headers)
                {
                    let x = cell_x(*column, text, bold);
                    pages[page].runs.push(run(text, x, baseline, bold, size));
                }
                bands.push((page, *y, *y + header_height, true));
                *y += header_height;
            };
        draw_header(&mut pages, &mut y, &mut bands);
        let words_width = (title_width - 2.0 * pad).max(1.0);
        for (index, row) in self.rows.iter().enumerate() {
            let title = self.title(row);
            let lines = wrap(&title, words_width, |line| drawn_width(self.face, line));
            let row_height = lines.len() as f32 * leading + 2.0 * pad;
            if y + row_height > height - self.bottom {
                pages.push(new_page());
                y = margin;
                if self.repeat_header {
                    draw_header(&mut pages, &mut y, &mut bands);
                }
            }
            let page = pages.len() - 1;
            let first_baseline = y + pad + 0.8 * size;
            let spare = (lines.len() - 1) as f32 * leading;
            let single = match self.valign {
                VAlign::Top => first_baseline,
                VAlign::Middle => first_baseline + spare / 2.0,
                VAlign::Bottom => first_baseline + spare,
            };
            let code = Self::code(index);
            let mark = MARKS[row.mark];
            let mut runs = vec![
                run(
                    &code,
                    cell_x(Column::Code, &code, self.face),
                    single,
                    self.face,
                    size,
                ),
                run(
                    mark,
                    cell_x(Column::Mark, mark, self.face),
                    single,
                    self.face,
                    size,
                ),
            ];
            for (i, line) in lines.iter().enumerate() {
                let x = cell_x(Column::Title, line, self.face);
                runs.push(run(
                    line,
                    x,
                    first_baseline + i as f32 * leading,
                    self.face,
                    size,
                ));
            }
            pages[page].runs.extend(runs);
            bands.push((page, y, y + row_height, false));
            y += row_height;
        }

        // Rulings and fills, page by page.
        let line = |x0: f32, y0: f32, x1: f32, y1: f32| Shape::Line {
            x0,
            y0,
            x1,
            y1,
            width: self.line_width,
        };
        for (page_index, page) in pages.iter_mut().enumerate() {
            let on_page: Vec<&(usize, f32, f32, bool)> =
                bands.iter().filter(|band| band.0 == page_index).collect();
            let (Some(first), Some(last)) = (on_page.first(), on_page.last()) else {
                continue;
            };
            if self.zebra {
                let mut body = 0;
                for band in &on_page {
                    if !band.3 {
                        body += 1;
                        if body % 2 == 0 {
                            page.shapes.push(Shape::Fill {
                                x0: table_left,
                                y0: band.1,
                                x1: table_right,
                                y1: band.2,
                                gray: 0.88,
                            });
                        }
                    }
                }
            }
            if self.ruling != Ruling::None {
                for band in &on_page {
                    page.shapes
                        .push(line(table_left, band.1, table_right, band.1));
                }
                page.shapes
                    .push(line(table_left, last.2, table_right, last.2));
            }
            if self.ruling == Ruling::Grid {
                let mut edges: Vec<f32> = columns.iter().map(|c| c.1).collect();
                edges.push(table_right);
                for x in edges {
                    page.shapes.push(line(x, first.1, x, last.2));
                }
            }
        }
        pages
    }
}

/// Greedy word wrap to `width` points, lines measured by `measure`.
fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

fn face() -> impl Strategy<Value = Face> {
    prop::sample::select(Face::ALL.to_vec())
}

fn align() -> impl Strategy<Value = Align> {
    prop::sample::select(vec![Align::Left, Align::Center, Align::Right])
}

fn table() -> impl Strategy<Value = TableSpec> {
    let row = (prop::collection::vec(0usize..24, 2..9), 0usize..3)
        .prop_map(|(words, mark)| RowSpec { words, mark });
    let order = prop::sample::select(vec![
        [Column::Code, Column::Title, Column::Mark],
        [Column::Mark, Column::Code, Column::Title],
        [Column::Code, Column::Mark, Column::Title],
        [Column::Title, Column::Code, Column::Mark],
    ]);
    (
        (
            any::<bool>(),
            prop::collection::vec(row, 1..30),
            order,
            120.0f32..600.0,
        ),
        (
            [align(), align(), align()],
            prop::sample::select(vec![VAlign::Top, VAlign::Middle, VAlign::Bottom]),
        ),
        (
            face(),
            7u8..=14,
            any::<bool>(),
            50.0f32..450.0,
            any::<bool>(),
        ),
        (
            prop::sample::select(vec![Ruling::None, Ruling::Rows, Ruling::Grid]),
            prop::sample::select(vec![0.4f32, 0.75, 1.0]),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (spanish, rows, order, title_width),
                (align, valign),
                (face, size, landscape, bottom, repeat_header),
                (ruling, line_width, zebra, heading_twice),
            )| TableSpec {
                spanish,
                rows,
                order,
                title_width,
                align,
                valign,
                face,
                size: f32::from(size),
                landscape,
                bottom,
                repeat_header,
                ruling,
                line_width,
                zebra,
                heading_twice,
            },
        )
}

/// Tables today's line-based layout reads: codes left of left-aligned
/// titles left of marks, one line per title, one page (any face, size,
/// code and mark alignment, ruling, encoding, order, rotation and scale).
fn simple_table() -> impl Strategy<Value = TableSpec> {
    table()
        .prop_map(|mut spec| {
            spec.order = [Column::Code, Column::Title, Column::Mark];
            spec.align[1] = Align::Left;
            spec.title_width = 600.0;
            spec.bottom = 50.0;
            spec.rows.truncate(12);
            for row in &mut spec.rows {
                row.words.truncate(4);
            }
            spec
        })
        .prop_filter("one page, one line per title", |spec| {
            let pages = spec.draw();
            pages.len() == 1 && pages[0].runs.len() == 5 + 3 * spec.rows.len()
        })
}

/// Tables whose titles are left-aligned, code and mark on a title's first
/// line; everything else varies as in [`table`].
fn left_aligned_table() -> impl Strategy<Value = TableSpec> {
    table().prop_map(|mut spec| {
        spec.align[1] = Align::Left;
        spec.valign = VAlign::Top;
        spec
    })
}

/// Tables drawn in a full grid (vertical and horizontal rulings):
/// everything else varies as in [`table`], titles, codes and marks aligned
/// any way, codes and marks on a wrapped title's first, middle or last line.
fn gridded_table() -> impl Strategy<Value = TableSpec> {
    table().prop_map(|mut spec| {
        spec.ruling = Ruling::Grid;
        spec
    })
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::sample::select(Encoding::ALL.to_vec()),
        prop::sample::select(Turn::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(any::<u64>()),
        any::<bool>(),
        prop::sample::select(vec![1.0f32, 0.5, 0.75, 2.0]),
    )
        .prop_map(
            |(encoding, turn, turn_in_text_matrix, size_in_matrix, shuffle, widths, unit)| Style {
                encoding,
                turn,
                turn_in_text_matrix,
                size_in_matrix,
                shuffle,
                widths,
                unit,
            },
        )
}

/// Reads a written PDF back into glyph pages.
fn read_back(bytes: &[u8]) -> Result<Vec<GlyphPage>, TestCaseError> {
    let raw = read::read_bytes(
        Path::new("random.pdf"),
        bytes,
        &Config::default().with_glyph_pages(),
    )
    .map_err(|err| TestCaseError::fail(format!("the PDF does not read: {err}")))?;
    prop_assert!(raw.diagnostics.is_empty(), "{:?}", raw.diagnostics);
    Ok(raw
        .pages
        .into_iter()
        .filter_map(|page| match page.content {
            PageContent::Glyphs(glyphs) => Some(glyphs),
            PageContent::Text(_) | PageContent::Laid(_) => None,
        })
        .collect())
}

/// Positions agree within this many points.
const TOLERANCE: f32 = 0.05;

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= TOLERANCE
}

/// Every drawn glyph and rule comes back once, as drawn, upright.
fn check_read_stage(pages: &[Page], style: &Style) -> Result<(), TestCaseError> {
    let read = read_back(&pdfgen::write(pages, style))?;
    prop_assert_eq!(read.len(), pages.len());
    let drawn = pdfgen::drawn_glyphs(pages, style);
    for (index, (page, drawn_page)) in read.iter().zip(pages).enumerate() {
        prop_assert!(
            close(page.width, drawn_page.width) && close(page.height, drawn_page.height),
            "page {} is {}x{}, drawn {}x{}",
            index + 1,
            page.width,
            page.height,
            drawn_page.width,
            drawn_page.height
        );
        let want: Vec<&pdfgen::Drawn> = drawn.iter().filter(|d| d.page == index).collect();
        prop_assert_eq!(
            page.glyphs.len(),
            want.len(),
            "page {}: {} glyphs read, {} drawn",
            index + 1,
            page.glyphs.len(),
            want.len()
        );
        let mut used = vec![false; page.glyphs.len()];
        for glyph in &want {
            let text = glyph.text.to_string();
            // Of a glyph drawn twice, the copy drawn first is kept.
            let shift = if glyph.twice {
                pdfgen::FAKE_BOLD_SHIFT
            } else {
                0.0
            };
            let found = page.glyphs.iter().enumerate().position(|(i, got)| {
                !used[i]
                    && page.glyph_text(got) == text
                    && (close(got.x, glyph.x) || close(got.x, glyph.x + shift))
                    && close(got.y, glyph.y)
            });
            let Some(found) = found else {
                return Err(TestCaseError::fail(format!(
                    "page {}: drawn {glyph:?} not read back",
                    index + 1
                )));
            };
            used[found] = true;
            let got = &page.glyphs[found];
            prop_assert!(close(got.font_size, glyph.size), "{got:?} for {glyph:?}");
            prop_assert!(close(got.width, glyph.width), "{got:?} for {glyph:?}");
            prop_assert_eq!(got.direction, Direction::Upright);
            prop_assert_eq!(got.overprinted, glyph.twice, "{:?} for {:?}", got, glyph);
            let font = page.font(got);
            prop_assert_eq!(font.map(|f| f.name.as_str()), Some(glyph.face.base_name()));
            prop_assert_eq!(font.map(|f| f.bold), Some(glyph.face == glyph.face.bold()));
        }
        let mut want_rules = pdfgen::drawn_rules(drawn_page);
        for rule in &page.rules {
            let got = [rule.x0, rule.y0, rule.x1, rule.y1];
            let position = want_rules.iter().position(|(kind, bounds)| {
                *kind == rule.kind && bounds.iter().zip(&got).all(|(a, b)| close(*a, *b))
            });
            match position {
                Some(position) => {
                    want_rules.swap_remove(position);
                }
                None => {
                    return Err(TestCaseError::fail(format!(
                        "page {}: read {rule:?}, not drawn",
                        index + 1
                    )))
                }
            }
        }
        prop_assert!(
            want_rules.is_empty(),
            "page {}: drawn but not read: {:?}",
            index + 1,
            want_rules
        );
    }
    Ok(())
}

/// The deliverables of the converted PDF are the table's rows.
fn check_pipeline(spec: &TableSpec, style: &Style) -> Result<(), TestCaseError> {
    let bytes = pdfgen::write(&spec.draw_spaced(style.encoding.space_gain()), style);
    let document = planex::convert_bytes("random.pdf", &bytes, &Config::default())
        .map_err(|err| TestCaseError::fail(format!("the PDF does not convert: {err}")))?;
    let got: Vec<Expected> = document
        .deliverables
        .iter()
        .map(|d| {
            (
                d.code.clone(),
                d.title.clone(),
                d.mark.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = spec.expected();
    if got != want {
        if let Some(path) = std::env::var_os("RANDOM_TABLES_DUMP") {
            let _ = std::fs::write(path, &bytes);
        }
        // The first row that differs leads the message: the survey shows
        // only its start.
        let first = got.iter().zip(&want).position(|(g, w)| g != w);
        let shown = first.unwrap_or(got.len().min(want.len()));
        return Err(TestCaseError::fail(format!(
            "{} deliverables read, {} drawn; first difference at row {shown}: read {:?}, drawn {:?}; \
             read {got:?}, drawn {want:?}",
            got.len(),
            want.len(),
            got.get(shown),
            want.get(shown),
        )));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn read_stage_returns_every_drawn_glyph_and_rule_upright(spec in table(), style in style()) {
        check_read_stage(&spec.draw(), &style)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn pipeline_recovers_simple_tables_drawn_any_way(spec in simple_table(), style in style()) {
        check_pipeline(&spec, &style)?;
    }

    #[test]
    #[ignore = "about one fresh draw in eighty fails: monospaced faces with ruled rows or codes beside a title's last lines, a row alone on its page, one-row tables (see the module's doc)"]
    fn pipeline_recovers_codes_titles_and_marks(spec in table(), style in style()) {
        check_pipeline(&spec, &style)?;
    }
}

proptest! {
    // Drawn from a fixed seed: these 32 tables pass, and CI must not depend
    // on the draw. Fresh draws of this class pass about 79 runs in 80 (see
    // the module's doc for the one that fails), so other seeds are for
    // exploring, not for CI.
    #![proptest_config(ProptestConfig {
        cases: 32,
        rng_seed: RngSeed::Fixed(LEFT_ALIGNED_SEED),
        ..ProptestConfig::default()
    })]

    #[test]
    fn pipeline_recovers_tables_of_left_aligned_titles_in_any_layout(
        spec in left_aligned_table(),
        style in style(),
    ) {
        check_pipeline(&spec, &style)?;
    }
}

proptest! {
    // Drawn from a fixed seed, like the left-aligned tables (fresh draws
    // of 32 passed from ten seeds).
    #![proptest_config(ProptestConfig {
        cases: 32,
        rng_seed: RngSeed::Fixed(GRIDDED_SEED),
        ..ProptestConfig::default()
    })]

    #[test]
    fn pipeline_recovers_tables_drawn_in_a_grid_whatever_their_alignment(
        spec in gridded_table(),
        style in style(),
    ) {
        check_pipeline(&spec, &style)?;
    }
}

/// The seed of the gridded tables CI draws.
const GRIDDED_SEED: u64 = 2026;

/// The seed of the left-aligned tables CI draws.
const LEFT_ALIGNED_SEED: u64 = 2026;

/// The same table, upright and drawn every other way, gives the same text.
#[test]
fn one_table_in_every_encoding_and_turn_reads_the_same() {
    let spec = TableSpec {
        spanish: false,
        rows: (0..6)
            .map(|i| RowSpec {
                words: vec![i, i + 1, i + 2],
                mark: i % 3,
            })
            .collect(),
        order: [Column::Code, Column::Title, Column::Mark],
        title_width: 400.0,
        align: [Align::Left, Align::Left, Align::Center],
        valign: VAlign::Top,
        face: Face::Helvetica,
        size: 10.0,
        landscape: false,
        bottom: 50.0,
        repeat_header: false,
        ruling: Ruling::Grid,
        line_width: 0.5,
        zebra: true,
        heading_twice: true,
    };
    let pages = spec.draw();
    for encoding in Encoding::ALL {
        for turn in Turn::ALL {
            for (turn_in_text_matrix, size_in_matrix) in [(false, false), (true, true)] {
                let style = Style {
                    encoding,
                    turn,
                    turn_in_text_matrix,
                    size_in_matrix,
                    shuffle: Some(7),
                    widths: true,
                    unit: if size_in_matrix { 0.5 } else { 1.0 },
                };
                if let Err(failure) = check_read_stage(&pages, &style) {
                    panic!("{style:?}: {failure}");
                }
            }
        }
    }
}

/// The whole pipeline on `RANDOM_TABLES_CASES` fresh tables (default 300)
/// drawn from `RANDOM_TABLES_SEED` (default 1), every failure counted
/// rather than the first one shrunk: what the ignored property would meet,
/// by class (rulings, title alignment, whether titles wrap and where codes
/// sit beside them, face). Run it with `--ignored --nocapture` to measure
/// the layout on draws it was not tuned on; `RANDOM_TABLES_CASE=n` keeps
/// only draw `n` (with `RANDOM_TABLES_DUMP`, its PDF).
#[test]
#[ignore = "a measurement: counts the pipeline's failures on fresh draws by class"]
fn pipeline_failures_by_class_on_fresh_draws() -> Result<(), String> {
    use std::collections::BTreeMap;

    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(default)
    };
    let cases = number("RANDOM_TABLES_CASES", 300);
    let seed = number("RANDOM_TABLES_SEED", 1);
    let only = std::env::var("RANDOM_TABLES_CASE")
        .ok()
        .and_then(|value| value.parse::<u64>().ok());
    let mut classes: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failed = 0;
    for (case, spec, style) in fresh_draws(seed, cases)? {
        if only.is_some_and(|only| only != case) {
            continue;
        }
        let pages = spec.draw();
        let headers = if spec.repeat_header { pages.len() } else { 1 };
        let runs: usize = pages.iter().map(|page| page.runs.len()).sum();
        let wrapped = runs > 2 + 3 * headers + 3 * spec.rows.len();
        let beside = if wrapped { spec.valign } else { VAlign::Top };
        let monospaced = matches!(spec.face, Face::Courier | Face::CourierBold);
        let class = format!(
            "rulings {:?}, title {:?}, wrapped {wrapped} (codes {beside:?}), monospaced {monospaced}",
            spec.ruling, spec.align[1]
        );
        let entry = classes.entry(class.clone()).or_default();
        entry.1 += 1;
        if let Err(failure) = check_pipeline(&spec, &style) {
            failed += 1;
            entry.0 += 1;
            let failure = failure.to_string();
            let shown: String = failure.chars().take(400).collect();
            eprintln!("draw {case} failed ({class}; {style:?}): {shown}");
        }
    }
    for (class, (failures, total)) in &classes {
        eprintln!("{failures:>4} / {total:<4} {class}");
    }
    eprintln!("{failed} of {cases} draws failed (seed {seed})");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} of {cases} draws failed (seed {seed})"))
    }
}

/// The first `cases` tables and styles drawn from `seed`, numbered from 0,
/// as the measurement above draws them.
fn fresh_draws(seed: u64, cases: u64) -> Result<Vec<(u64, TableSpec, Style)>, String> {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(ProptestConfig::default(), rng);
    (0..cases)
        .map(|case| {
            let spec = table()
                .new_tree(&mut runner)
                .map_err(|e| e.to_string())?
                .current();
            let style = style()
                .new_tree(&mut runner)
                .map_err(|e| e.to_string())?
                .current();
            Ok((case, spec, style))
        })
        .collect()
}

/// Draws the measurement once failed on, kept as cases: tables whose last
/// row on a page, or whose first row continued at a page's top, has a title
/// wrapped below its mark (centred or right-aligned titles, in a grid drawn
/// cell by cell, or alone on their page so that no column of codes shows
/// the table).
#[test]
fn draws_once_failed_convert_exactly() -> Result<(), String> {
    let kept: [(u64, &[u64]); 1] = [(523, &[20, 48, 102])];
    for (seed, cases) in kept {
        let last = cases.iter().copied().max().unwrap_or(0);
        for (case, spec, style) in fresh_draws(seed, last + 1)? {
            if cases.contains(&case) {
                check_pipeline(&spec, &style)
                    .map_err(|failure| format!("seed {seed}, draw {case}: {failure}"))?;
            }
        }
    }
    Ok(())
}
