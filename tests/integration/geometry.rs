//! The read stage's page geometry on hand-built PDFs: rotated pages and text
//! matrices come back upright, fake bold is one glyph, rulings and fills come
//! back as drawn, fonts are known by face, bad widths cost nothing.

use std::path::Path;

use planex::normalize;
use planex::read::{self, Direction, GlyphPage, PageContent, RuleKind};
use planex::Config;

use crate::util;

/// Standard-14 fonts every page below may use; /F3 draws codes 132 and 133
/// with glyphs whose names say nothing and no ToUnicode map, as a symbol
/// font of marks does.
const FONTS: &str = "/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> \
                     /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> \
                     /F3 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding \
                     << /Type /Encoding /Differences [132 /x-mystery /y-mystery] >> \
                     /FirstChar 132 /LastChar 133 /Widths [500 500] >>";

/// A PDF of one page per `(media box, extra page entries, content)`, the
/// page resources holding [`FONTS`] and `resources`.
fn pdf(pages: &[(&str, &str, &str)], resources: &str) -> Vec<u8> {
    let count = pages.len();
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            kids.join(" ")
        ),
    ];
    for (index, (media_box, entries, content)) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] {entries} /Contents {} 0 R \
             /Resources << /Font << {FONTS} >> {resources} >> >>",
            4 + 2 * index
        ));
        objects.push(util::stream(content, ""));
    }
    util::pdf_from_objects(&objects)
}

/// A PDF of one A4 page drawing `content` with `resources` (the body of its
/// resource dictionary); `more` are the objects after the content stream,
/// numbered from 5, for the resources to name.
fn one_page(resources: &str, content: &str, more: &[String]) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << {resources} >> >>"
        ),
        util::stream(content, ""),
    ];
    objects.extend_from_slice(more);
    util::pdf_from_objects(&objects)
}

/// The glyph pages of a PDF, as the read stage gives them.
fn glyph_pages(bytes: &[u8]) -> Vec<GlyphPage> {
    let raw = read::read_bytes(
        Path::new("geometry.pdf"),
        bytes,
        &Config::default().with_glyph_pages(),
    )
    .expect("the PDF reads");
    assert!(
        raw.diagnostics.is_empty(),
        "no page is lost: {:?}",
        raw.diagnostics
    );
    raw.pages
        .into_iter()
        .filter_map(|page| match page.content {
            PageContent::Glyphs(glyphs) => Some(glyphs),
            PageContent::Text(_) | PageContent::Laid(_) => None,
        })
        .collect()
}

/// The non-blank lines of a PDF as normalized text, markup left out.
fn plain_lines(name: &str, bytes: &[u8]) -> Vec<String> {
    let raw = read::read_bytes(Path::new(name), bytes, &Config::default()).expect("reads");
    normalize::normalize(&raw)
        .lines
        .into_iter()
        .map(|line| planex::markup::plain(line.text))
        .filter(|text| !text.trim().is_empty())
        .collect()
}

/// Each glyph's text, direction, position and size, sorted by position:
/// what must not depend on how the page was drawn.
fn placed(page: &GlyphPage) -> Vec<(String, Direction, [f32; 4])> {
    let mut glyphs: Vec<_> = page
        .glyphs
        .iter()
        .map(|glyph| {
            (
                page.glyph_text(glyph).to_owned(),
                glyph.direction,
                [glyph.x, glyph.y, glyph.width, glyph.font_size],
            )
        })
        .collect();
    glyphs.sort_by(|a, b| {
        let key = |g: &(String, Direction, [f32; 4])| (g.2[0] * 10.0).round() as i64;
        let line = |g: &(String, Direction, [f32; 4])| (g.2[1] * 10.0).round() as i64;
        (line(a), key(a)).cmp(&(line(b), key(b)))
    });
    glyphs
}

/// Panics unless two pages hold the same glyphs within a hundredth of a point.
fn assert_same_glyphs(got: &GlyphPage, want: &GlyphPage, what: &str) {
    let (got, want) = (placed(got), placed(want));
    let same = got.len() == want.len()
        && got.iter().zip(&want).all(|(a, b)| {
            a.0 == b.0 && a.1 == b.1 && a.2.iter().zip(&b.2).all(|(x, y)| (x - y).abs() <= 0.01)
        });
    assert!(same, "{what}:\n got {got:?}\nwant {want:?}");
}

/// Two lines of a landscape table (842 × 595 as read), drawn in a frame
/// where the text runs along x.
const LANDSCAPE_TEXT: &str = "BT /F1 12 Tf 72 500 Td (L1M1D1) Tj 100 0 Td (Informe anual) Tj \
                              /F2 12 Tf 300 0 Td (V) Tj ET \
                              BT /F1 9 Tf 72 480 Td (L1M1D2) Tj ET";

#[test]
fn rotated_pages_read_like_upright_ones() {
    let upright = format!("q {LANDSCAPE_TEXT} Q");
    // Each way of drawing the same landscape page on paper of either shape.
    let variants = [
        ("0 0 842 595", String::new(), upright.clone()),
        // Portrait paper shown a quarter turn clockwise; the text is drawn
        // turned a quarter counterclockwise, so it reads upright on screen.
        (
            "0 0 595 842",
            "/Rotate 90".to_owned(),
            format!("q 0 1 -1 0 595 0 cm {LANDSCAPE_TEXT} Q"),
        ),
        // The same without /Rotate: the text reads upwards on the paper.
        (
            "0 0 595 842",
            String::new(),
            format!("q 0 1 -1 0 595 0 cm {LANDSCAPE_TEXT} Q"),
        ),
        (
            "0 0 595 842",
            "/Rotate 270".to_owned(),
            format!("q 0 -1 1 0 0 842 cm {LANDSCAPE_TEXT} Q"),
        ),
        (
            "0 0 842 595",
            "/Rotate 180".to_owned(),
            format!("q -1 0 0 -1 842 595 cm {LANDSCAPE_TEXT} Q"),
        ),
        // Upright text on a page turned upside down by /Rotate alone.
        ("0 0 842 595", "/Rotate 180".to_owned(), upright.clone()),
        // A media box that does not start at the origin.
        (
            "100 50 942 645",
            String::new(),
            format!("q 1 0 0 1 100 50 cm {LANDSCAPE_TEXT} Q"),
        ),
    ];
    let pages: Vec<(&str, &str, &str)> = variants
        .iter()
        .map(|(media_box, entries, content)| (*media_box, entries.as_str(), content.as_str()))
        .collect();
    let read = glyph_pages(&pdf(&pages, ""));
    assert_eq!(read.len(), variants.len());
    let want = placed(&read[0]);
    assert_eq!(want.len(), 26, "{want:?}");
    assert_eq!(want[0].0, "L");
    assert_eq!(want[0].2[..2], [72.0, 95.0], "{want:?}");
    for (index, page) in read.iter().enumerate() {
        assert_eq!(
            (page.width, page.height),
            (842.0, 595.0),
            "variant {index} is a landscape page"
        );
        assert_same_glyphs(page, &read[0], &format!("variant {index}"));
    }
}

#[test]
fn rotated_text_matrices_read_like_upright_text() {
    // The same words, once with Td, once with a text matrix turned a
    // quarter clockwise (reading down the portrait paper), whose page is
    // then read turned a quarter counterclockwise.
    let upright = "BT /F1 10 Tf 1 0 0 1 100 400 Tm (Plan 2024) Tj 0 -14 Td (L2M3D1) Tj ET";
    let turned = "BT /F1 10 Tf 0 -1 1 0 400 742 Tm (Plan 2024) Tj 0 -14 Td (L2M3D1) Tj ET";
    let read = glyph_pages(&pdf(
        &[("0 0 842 595", "", upright), ("0 0 595 842", "", turned)],
        "",
    ));
    assert_eq!((read[1].width, read[1].height), (842.0, 595.0));
    assert_same_glyphs(&read[1], &read[0], "turned text matrix");
    let raw = read::read_bytes(
        Path::new("turned.pdf"),
        &pdf(&[("0 0 595 842", "", turned)], ""),
        &Config::default(),
    )
    .expect("the PDF reads");
    let lines: Vec<String> = normalize::normalize(&raw)
        .lines
        .into_iter()
        .map(|line| line.text.to_owned())
        .filter(|text| !text.trim().is_empty())
        .collect();
    assert_eq!(lines, ["Plan 2024", "L2M3D1"]);
}

#[test]
fn glyphs_across_the_reading_direction_are_flagged_and_left_out_of_lines() {
    // A body of upright lines and a label running up the left margin.
    let content = "BT /F1 10 Tf 100 700 Td (L1M1D1 Publicar el informe) Tj \
                   0 -14 Td (L1M1D2 Revisar el plan) Tj ET \
                   BT /F1 10 Tf 0 1 -1 0 40 400 Tm (Borrador) Tj ET";
    let bytes = pdf(&[("0 0 595 842", "", content)], "");
    let page = &glyph_pages(&bytes)[0];
    let vertical: String = page
        .glyphs
        .iter()
        .filter(|glyph| glyph.direction == Direction::Rotated270)
        .map(|glyph| page.glyph_text(glyph))
        .collect();
    assert_eq!(vertical, "Borrador");
    assert_eq!(page.upright_glyphs().count(), page.glyphs.len() - 8);
    let raw = read::read_bytes(Path::new("label.pdf"), &bytes, &Config::default())
        .expect("the PDF reads");
    let text: Vec<String> = normalize::normalize(&raw)
        .lines
        .into_iter()
        .map(|line| line.text.to_owned())
        .filter(|text| !text.trim().is_empty())
        .collect();
    assert_eq!(
        text,
        ["L1M1D1 Publicar el informe", "L1M1D2 Revisar el plan"]
    );
}

#[test]
fn fake_bold_drawn_twice_is_one_overprinted_glyph() {
    // Each string drawn, then drawn again 0.3 pt to the right (a common
    // way to fake bold), once as whole strings and once glyph by glyph.
    let content =
        "BT /F1 10 Tf 100 700 Td (Total 49) Tj ET BT /F1 10 Tf 100.3 700 Td (Total 49) Tj ET \
                   BT /F1 10 Tf 100 680 Td (A) Tj 0.3 0 Td (A) Tj ET \
                   BT /F1 10 Tf 100 660 Td (plain) Tj ET";
    let bytes = pdf(&[("0 0 595 842", "", content)], "");
    let page = &glyph_pages(&bytes)[0];
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "Total 49Aplain");
    for glyph in &page.glyphs {
        let heavy = glyph.y < 170.0;
        assert_eq!(
            glyph.overprinted,
            heavy,
            "{:?} at {}",
            page.glyph_text(glyph),
            glyph.y
        );
        assert_eq!(page.is_bold(glyph), heavy);
    }
    let lines = plain_lines("bold.pdf", &bytes);
    assert_eq!(lines, ["Total 49", "A", "plain"]);
}

#[test]
fn text_clipped_away_is_not_read() {
    // A body clipped to 60..780 (as browsers clip a page's content box,
    // under a scaled and flipped matrix); a row started at the foot is cut
    // along its baseline and drawn again on the next page. A line the clip
    // only grazes (its descenders cut) is read; a clip saved with `q` ends
    // at `Q`; clips nest.
    let content = "q 0.75 0 0 -0.75 40 780 cm 0 0 m 600 0 l 600 960 l 0 960 l h W* n \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 0 -30 Td (Inside the body) Tj ET \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 0 -958 Td (Grazed) Tj ET \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 0 -966 Td (Cut at the foot) Tj ET \
                   q 0 0 100 100 re W n \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 0 -50 Td (Nested) Tj ET \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 200 -50 Td (Outside the nested) Tj ET Q \
                   BT /F1 10 Tf 1 0 0 -1 0 0 Tm 200 -60 Td (Back in the body) Tj ET Q \
                   BT /F1 10 Tf 100 20 Td (Unclipped footer) Tj ET";
    let bytes = pdf(&[("0 0 595 842", "", content)], "");
    let lines = plain_lines("clip.pdf", &bytes);
    assert_eq!(
        lines,
        [
            "Inside the body",
            "Nested",
            "Back in the body",
            "Grazed",
            "Unclipped footer"
        ]
    );
}

#[test]
fn quote_operators_show_text_on_the_next_line() {
    // enscript's pages through ps2pdf: one `Tj`, then a `'` per line, the
    // leading changed between them; `"` sets the spacings before its string.
    let content = "BT /F1 10 Tf 1 0 0 1 50 700 Tm 12 TL (First line) Tj \
                   (Second line) ' 24 TL (After a blank line) ' \
                   12 TL 0 0 (Last line) \" ET";
    let bytes = pdf(&[("0 0 595 842", "", content)], "");
    let mut baselines: Vec<f32> = glyph_pages(&bytes)[0]
        .glyphs
        .iter()
        .map(|glyph| glyph.y)
        .collect();
    baselines.dedup();
    assert_eq!(baselines, [142.0, 154.0, 178.0, 190.0]);
    assert_eq!(
        plain_lines("quotes.pdf", &bytes),
        [
            "First line",
            "Second line",
            "After a blank line",
            "Last line"
        ]
    );
}

#[test]
fn rulings_and_fills_come_back_as_drawn_and_upright() {
    // On a 600 × 400 page: a white background (invisible, not kept), a grey
    // header fill, a stroked rule under it, a stroked cell box, a thin
    // filled vertical rule, and a curve (no rule). Text makes the page read
    // upright.
    let drawing = "1 g 0 0 600 400 re f \
                   0.85 g 50 330 500 20 re f \
                   0 G 0.5 w 50 330 m 550 330 l S \
                   1 w 50 200 200 100 re S \
                   0 g 300 200 0.8 100 re f \
                   0 0 1 RG 10 10 m 50 60 80 60 100 10 c S \
                   0.9 0.9 0.9 rg 50 150 m 550 150 l 550 170 l 50 170 l h f* \
                   BT /F1 10 Tf 60 335 Td (Header) Tj ET";
    let turned = format!("q 0 1 -1 0 400 0 cm {drawing} Q");
    let read = glyph_pages(&pdf(
        &[
            ("0 0 600 400", "", drawing),
            ("0 0 400 600", "/Rotate 90", &turned),
        ],
        "",
    ));
    let mut want = vec![
        (RuleKind::Fill, 50.0, 50.0, 550.0, 70.0),
        (RuleKind::Ruling, 50.0, 69.75, 550.0, 70.25),
        (RuleKind::Ruling, 50.0, 99.5, 250.0, 100.5),
        (RuleKind::Ruling, 249.5, 100.0, 250.5, 200.0),
        (RuleKind::Ruling, 50.0, 199.5, 250.0, 200.5),
        (RuleKind::Ruling, 49.5, 100.0, 50.5, 200.0),
        (RuleKind::Ruling, 300.0, 100.0, 300.8, 200.0),
        (RuleKind::Fill, 50.0, 230.0, 550.0, 250.0),
    ];
    want.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    for (index, page) in read.iter().enumerate() {
        let mut got: Vec<_> = page
            .rules
            .iter()
            .map(|rule| {
                let round = |v: f32| (v * 100.0).round() / 100.0;
                (
                    rule.kind,
                    round(rule.x0),
                    round(rule.y0),
                    round(rule.x1),
                    round(rule.y1),
                )
            })
            .collect();
        got.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
        assert_eq!(got, want, "page {}", index + 1);
        assert!(page
            .rules
            .iter()
            .filter(|r| r.kind == RuleKind::Ruling)
            .all(|r| r.is_horizontal() == (r.x1 - r.x0 > 10.0)));
    }
}

#[test]
fn font_faces_come_from_base_names() {
    let content =
        "BT /F1 10 Tf 100 700 Td (regular) Tj /F2 10 Tf ( bold) Tj /F3 10 Tf ( subset) Tj \
                   /F4 10 Tf ( italic) Tj /F5 10 Tf (4) Tj ET";
    let fonts = "/F3 << /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial-BoldMT /FirstChar 32 \
                 /LastChar 126 /Widths [] /Encoding /WinAnsiEncoding >> \
                 /F4 << /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /WinAnsiEncoding >> \
                 /F5 << /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>";
    let bytes = one_page(&format!("/Font << {FONTS} {fonts} >>"), content, &[]);
    let page = &glyph_pages(&bytes)[0];
    let faces: Vec<(String, String, bool, bool, bool)> = ["r", "b", "s", "i", "✔"]
        .iter()
        .map(|letter| {
            let glyph = page
                .glyphs
                .iter()
                .find(|glyph| page.glyph_text(glyph) == *letter)
                .unwrap_or_else(|| panic!("a glyph {letter}"));
            let font = page.font(glyph).expect("every glyph has a face");
            (
                (*letter).to_owned(),
                font.name.clone(),
                font.bold,
                font.italic,
                font.symbolic,
            )
        })
        .collect();
    let want = [
        ("r", "Helvetica", false, false, false),
        ("b", "Helvetica-Bold", true, false, false),
        ("s", "Arial-BoldMT", true, false, false),
        ("i", "Times-Italic", false, true, false),
        ("✔", "ZapfDingbats", false, false, true),
    ]
    .map(|(l, n, b, i, s)| (l.to_owned(), n.to_owned(), b, i, s));
    assert_eq!(faces, want);
    assert_eq!(page.fonts.len(), 5, "one face per font: {:?}", page.fonts);
}

/// A Type3 font whose glyph space is a hundredth of text space: widths of
/// 50 are half an em. Code 66 has no width.
const TYPE3: &str = "/F3 << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] \
                     /FontMatrix [0.01 0 0 0.01 0 0] /FirstChar 65 /LastChar 65 /Widths [50] \
                     /Encoding << /Type /Encoding /Differences [65 /A /B] >> \
                     /CharProcs << /A 5 0 R /B 5 0 R >> >>";

#[test]
fn type3_widths_follow_the_font_matrix() {
    let bytes = one_page(
        &format!("/Font << {TYPE3} >>"),
        "BT /F3 20 Tf 100 700 Td (AAB) Tj ET",
        &[util::stream("50 0 0 0 100 100 d1 0 0 100 100 re f", "")],
    );
    let page = &glyph_pages(&bytes)[0];
    let glyphs: Vec<(&str, f32, f32)> = page
        .glyphs
        .iter()
        .map(|g| (page.glyph_text(g), g.x, g.width))
        .collect();
    assert_eq!(
        glyphs,
        [("A", 100.0, 10.0), ("A", 110.0, 10.0), ("B", 120.0, 0.0)]
    );
}

#[test]
fn bad_widths_do_not_lose_the_page() {
    // A Type3 font without any widths, and a TrueType font whose /Widths is
    // shorter than its code range.
    let fonts = "/F3 << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [0.001 0 0 0.001 0 0] \
                 /Encoding << /Type /Encoding /Differences [65 /A] >> /CharProcs << /A 5 0 R >> >> \
                 /F4 << /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 65 /LastChar 70 \
                 /Widths [600 700] /Encoding /WinAnsiEncoding >>";
    let bytes = one_page(
        &format!("/Font << {fonts} >>"),
        "BT /F3 20 Tf 100 700 Td (A) Tj /F4 10 Tf 0 -20 Td (ABE) Tj ET",
        &[util::stream("0 0 0 0 100 100 d1", "")],
    );
    let page = &glyph_pages(&bytes)[0];
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "AABE");
    let widths: Vec<f32> = page.glyphs.iter().map(|g| g.width).collect();
    assert_eq!(widths, [0.0, 6.0, 7.0, 0.0]);
}

#[test]
fn fonts_without_widths_take_helvetica_metrics() {
    // Arial is no standard-14 font, yet some producers leave out its
    // /Widths; readers substitute Helvetica's (A and B are 667/1000 wide).
    let font = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding >>";
    let bytes = one_page(
        &format!("/Font << /F5 {font} >>"),
        "BT /F5 10 Tf 100 700 Td (AB) Tj ET",
        &[],
    );
    let page = &glyph_pages(&bytes)[0];
    let glyphs: Vec<(&str, f32, f32)> = page
        .glyphs
        .iter()
        .map(|g| (page.glyph_text(g), g.x, g.width))
        .collect();
    assert_eq!(glyphs, [("A", 100.0, 6.67), ("B", 106.67, 6.67)]);
}

#[test]
fn cid_width_ranges_set_every_code_of_the_range() {
    // /W in both forms: `first last width` and `first [widths]`; /DW 0, as
    // Typst writes it, so a code without a width would not advance.
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def \
                /CMapName /Adobe-Identity-UCS def /CMapType 2 def \
                1 begincodespacerange <0000> <FFFF> endcodespacerange \
                4 beginbfchar <0001> <0041> <0002> <0042> <0003> <0043> <0004> <0044> endbfchar \
                endcmap CMapName currentdict /CMapName defineresource pop end end";
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding /Identity-H \
                /ToUnicode 5 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 \
                /BaseFont /ABCDEF+Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 >> \
                /DW 0 /W [1 2 500 3 [600 700]] >>] >>";
    let bytes = one_page(
        &format!("/Font << /F5 {font} >>"),
        "BT /F5 10 Tf 100 700 Td <0001000200030004> Tj ET",
        &[util::stream(cmap, "")],
    );
    let page = &glyph_pages(&bytes)[0];
    let glyphs: Vec<(&str, f32, f32)> = page
        .glyphs
        .iter()
        .map(|g| (page.glyph_text(g), g.x, g.width))
        .collect();
    assert_eq!(
        glyphs,
        [
            ("A", 100.0, 5.0),
            ("B", 105.0, 5.0),
            ("C", 110.0, 6.0),
            ("D", 116.0, 7.0)
        ]
    );
}

#[test]
fn forms_are_placed_by_their_matrix_and_images_skipped() {
    // The page moves the origin by `cm`, then draws a form whose /Matrix
    // moves it again, then an image whose samples look like operators.
    let more = [
        util::stream(
            "BT /F1 10 Tf 0 0 Td (form) Tj ET",
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 700]",
        ),
        util::stream(
            "BT /F1 10 Tf 0 0 Td (image) Tj ET",
            "/Type /XObject /Subtype /Image /Width 8 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8",
        ),
    ];
    let bytes = one_page(
        &format!("/Font << {FONTS} >> /XObject << /Fm 5 0 R /Im 6 0 R >>"),
        "q 1 0 0 1 100 0 cm /Fm Do Q q 10 0 0 10 0 0 cm /Im Do Q \
         BT /F1 10 Tf 100 600 Td (after) Tj ET",
        &more,
    );
    let page = &glyph_pages(&bytes)[0];
    let starts: Vec<(String, f32, f32)> = ["f", "a"]
        .iter()
        .filter_map(|letter| {
            page.glyphs
                .iter()
                .find(|g| page.glyph_text(g) == *letter)
                .map(|g| ((*letter).to_owned(), g.x, g.y))
        })
        .collect();
    assert_eq!(
        starts,
        [
            ("f".to_owned(), 100.0, 142.0),
            ("a".to_owned(), 100.0, 242.0)
        ]
    );
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "formafter");
}

/// The lines of a PDF with their words joined by single spaces.
fn spaced_lines(name: &str, bytes: &[u8]) -> Vec<String> {
    plain_lines(name, bytes)
        .iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn actual_text_of_a_marked_span_is_the_text_of_its_glyphs() {
    // Marks in /F3, whose glyphs have no Unicode: only the spans' /ActualText
    // (inline, or named in /Properties; UTF-16BE or PDFDocEncoding) says what
    // they are. An outer span's text covers a span inside it, a span without
    // /ActualText inside one changes nothing, and a span of several glyphs
    // is one piece of text as wide as they are.
    let content = "BT /F1 12 Tf 72 700 Td (L1M1D1 Informe) Tj ET \
        BT /F3 12 Tf 300 700 Td /Span << /ActualText <FEFF2713> >> BDC (\\204) Tj EMC ET \
        BT /F1 12 Tf 72 680 Td (L1M1D2 Registro) Tj ET \
        BT /F3 12 Tf 300 680 Td /Span /Mark1 BDC (\\205) Tj EMC ET \
        BT /F1 12 Tf 72 660 Td (L1M1D3 Manual) Tj ET \
        BT /F3 12 Tf 300 660 Td /Span << /ActualText (x) >> BDC /Span << /ActualText (y) >> BDC \
        (\\204) Tj EMC /Artifact BMC (\\205) Tj EMC EMC ET";
    let word = "BT /F1 12 Tf 72 700 Td (Word ) Tj /F3 12 Tf /Span << /ActualText (done) >> BDC \
        (\\204\\205\\204\\205) Tj EMC /F1 12 Tf ( now) Tj ET";
    let resources = "/Properties << /Mark1 << /ActualText (\\327) >> >>";
    let bytes = pdf(
        &[("0 0 612 792", "", content), ("0 0 612 792", "", word)],
        resources,
    );
    assert_eq!(
        spaced_lines("actual.pdf", &bytes),
        [
            "L1M1D1 Informe \u{2713}",
            "L1M1D2 Registro \u{d7}",
            "L1M1D3 Manual x",
            "Word done now"
        ]
    );
    let page = &glyph_pages(&bytes)[1];
    let done = page
        .glyphs
        .iter()
        .find(|glyph| page.glyph_text(glyph) == "done")
        .expect("the span is one glyph");
    let now = page
        .glyphs
        .iter()
        .find(|glyph| page.glyph_text(glyph) == "n" && glyph.y == done.y)
        .expect("the word after it");
    assert!(
        (done.x + done.width - (now.x - 3.336)).abs() < 0.01,
        "the span reaches the space before the next word: {done:?} {now:?}"
    );
}

#[test]
fn text_outside_the_crop_box_is_not_on_the_page() {
    // The page tree's CropBox is inherited by page 1; page 2, turned by
    // /Rotate, has its own. Outside them: a printer's slug and a date by the
    // crop marks. A line that only starts outside is on the page.
    let first = "BT /F1 6 Tf 30 780 Td (Job 4471 proof 2 03/12/2024 page 1) Tj ET \
        BT /F1 6 Tf 30 20 Td (04/12/2024 16:05) Tj ET \
        BT /F1 12 Tf 72 700 Td (L1M1D1 Informe anual) Tj ET \
        BT /F1 12 Tf 30 650 Td (Edge text) Tj ET";
    let second = "q 0 1 -1 0 595 0 cm BT /F1 12 Tf 72 500 Td (L1M1D2 Registro) Tj ET \
        BT /F1 6 Tf 72 588 Td (slug 05/12/2024) Tj ET Q";
    let font = "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
                /Encoding /WinAnsiEncoding >> >> >>";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 /MediaBox [0 0 612 792] /CropBox [36 36 576 756] >>"
            .to_owned(),
        format!("<< /Type /Page /Parent 2 0 R /Contents 4 0 R {font} >>"),
        util::stream(first, ""),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [20 20 575 822] \
             /Rotate 90 /Contents 6 0 R {font} >>"
        ),
        util::stream(second, ""),
    ];
    let bytes = util::pdf_from_objects(&objects);
    assert_eq!(
        spaced_lines("crop.pdf", &bytes),
        ["L1M1D1 Informe anual", "Edge text", "L1M1D2 Registro"]
    );
    let pages = glyph_pages(&bytes);
    assert_eq!(
        (pages[1].width, pages[1].height),
        (842.0, 595.0),
        "the turned page still reads upright"
    );
}

/// A page drawing `<0041 0020 0042 0043>` with an Identity-H font whose
/// program has no `cmap` and which has no ToUnicode map, its CIDToGIDMap a
/// stream giving a glyph to `A`–`D` and, when `space_drawn`, to U+0020.
fn unicode_indexed_page(space_drawn: bool) -> Vec<u8> {
    let map: String = (0u8..=0x44)
        .flat_map(|cid| {
            let glyph = match cid {
                0x20 if space_drawn => 3,
                0x41..=0x44 => cid - 0x1d,
                _ => 0,
            };
            [char::from(0), char::from(glyph)]
        })
        .collect();
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /000002+Test /Encoding /Identity-H \
                /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /000002+Test \
                /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                /FontDescriptor << /Type /FontDescriptor /FontName /000002+Test /Flags 4 /FontFile2 6 0 R >> \
                /DW 600 /CIDToGIDMap 5 0 R >>] >>";
    one_page(
        &format!("/Font << /F5 {font} >>"),
        "BT /F5 10 Tf ET BT 100 700 Td [(\0A\0 \0B\0C)] TJ ET",
        &[
            util::stream(&map, ""),
            util::stream("no TrueType tables here", ""),
        ],
    )
}

#[test]
fn cids_of_a_unicode_indexed_map_are_their_code_points() {
    // TCPDF's ports number CIDs by code point and set the font in a text
    // object of its own: the text is read, the font carried over.
    let page = &glyph_pages(&unicode_indexed_page(true))[0];
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "A BC");
    // Without a glyph for the space, the map says nothing of Unicode.
    let page = &glyph_pages(&unicode_indexed_page(false))[0];
    assert!(page.glyphs.iter().all(|g| page.glyph_text(g).is_empty()));
}

#[test]
fn a_superior_digit_glyph_is_a_superscript_whatever_the_tounicode_map_says() {
    // dvipdfmx's Latin Modern: the footnote call's code is named
    // `one.superior` in the encoding's differences, and mapped to a plain
    // `1` by the ToUnicode map; drawn at the text's size, it would join the
    // word before it as a digit (`Estado1`).
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
                /CMapName /Test def /CMapType 2 def \
                1 begincodespacerange <00> <FF> endcodespacerange \
                8 beginbfchar <B9> <0031> <45> <0045> <73> <0073> <74> <0074> \
                <61> <0061> <64> <0064> <6F> <006F> <20> <0020> endbfchar \
                endcmap CMapName currentdict /CMap defineresource pop end end";
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
                /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [185 /one.superior] >> \
                /ToUnicode 5 0 R >>";
    let bytes = one_page(
        &format!("/Font << /F1 {font} >>"),
        "BT /F1 9 Tf 100 700 Td (Estado\\271 E) Tj ET",
        &[util::stream(cmap, "")],
    );
    let page = &glyph_pages(&bytes)[0];
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "Estado¹ E");
}

/// FreeHEP's PDF driver writes ZapfDingbats (not embedded) with an encoding
/// whose differences name the glyphs in ZapfDingbats's own table (`a20`),
/// which the Adobe glyph list lacks: the names are read through that table
/// (the font's widths were looked up in the glyph list, and the page was lost).
#[test]
fn zapfdingbats_glyph_names_in_an_encoding_are_its_marks() {
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats \
                /Encoding << /Type /Encoding /Differences [32 /space /a19 /a20 /a71 /a23] >> >>";
    let bytes = one_page(
        &format!("/Font << /F1 {font} >>"),
        "BT /F1 12 Tf 100 700 Td (!\"#$) Tj ET",
        &[],
    );
    let page = &glyph_pages(&bytes)[0];
    let text: String = page.glyphs.iter().map(|g| page.glyph_text(g)).collect();
    assert_eq!(text, "✓✔●✗");
}
