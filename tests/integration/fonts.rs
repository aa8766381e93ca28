//! Text from fonts whose ToUnicode CMap is missing, degenerate or partial
//! (vendored pdf-extract, patch 15): the glyph's text comes from the embedded
//! TrueType program's own `cmap` and `post` tables. The programs here are
//! built byte by byte (only the tables text extraction reads), so each test
//! says exactly which table answers.

use std::path::Path;

use planex::read;
use planex::Config;

use crate::util;

/// Big-endian bytes of 16-bit values.
fn be16(values: &[u16]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_be_bytes()).collect()
}

/// A TrueType program holding the given tables, in a table directory.
fn program(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut out = 0x0001_0000u32.to_be_bytes().to_vec();
    out.extend(be16(&[tables.len() as u16, 0, 0, 0]));
    let mut offset = 12 + 16 * tables.len();
    let mut bodies = Vec::new();
    for (tag, body) in tables {
        out.extend_from_slice(*tag);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut padded = body.clone();
        padded.resize(body.len().div_ceil(4) * 4, 0);
        offset += padded.len();
        bodies.extend(padded);
    }
    out.extend(bodies);
    out
}

/// A `cmap` table of one format 12 subtable: groups of (first code, last
/// code, first glyph).
fn cmap12(platform: u16, encoding: u16, groups: &[(u32, u32, u32)]) -> Vec<u8> {
    let mut out = be16(&[0, 1, platform, encoding]);
    out.extend_from_slice(&12u32.to_be_bytes());
    out.extend(be16(&[12, 0]));
    out.extend_from_slice(&((16 + 12 * groups.len()) as u32).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&(groups.len() as u32).to_be_bytes());
    for (first, last, glyph) in groups {
        for value in [first, last, glyph] {
            out.extend_from_slice(&value.to_be_bytes());
        }
    }
    out
}

/// A `cmap` table of one format 6 subtable: `glyphs` for codes `first..`.
fn cmap6(platform: u16, encoding: u16, first: u16, glyphs: &[u16]) -> Vec<u8> {
    let mut out = be16(&[0, 1, platform, encoding]);
    out.extend_from_slice(&12u32.to_be_bytes());
    out.extend(be16(&[
        6,
        (10 + 2 * glyphs.len()) as u16,
        0,
        first,
        glyphs.len() as u16,
    ]));
    out.extend(be16(glyphs));
    out
}

/// A `maxp` table (version 0.5) counting `glyphs` glyphs.
fn maxp(glyphs: u16) -> Vec<u8> {
    let mut out = 0x0000_5000u32.to_be_bytes().to_vec();
    out.extend(be16(&[glyphs]));
    out
}

/// A version 2 `post` table naming glyphs 0.. by `names`.
fn post(names: &[&str]) -> Vec<u8> {
    let mut out = 0x0002_0000u32.to_be_bytes().to_vec();
    out.resize(32, 0);
    out.extend(be16(&[names.len() as u16]));
    let indices: Vec<u16> = (0..names.len() as u16).map(|i| 258 + i).collect();
    out.extend(be16(&indices));
    for name in names {
        out.push(name.len() as u8);
        out.extend_from_slice(name.as_bytes());
    }
    out
}

/// `bytes` as an ASCII85 stream body (lopdf decodes `/ASCII85Decode`), so a
/// binary program fits the text objects of [`util::pdf_from_objects`].
fn ascii85(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut value = u32::from_be_bytes(group);
        if chunk.len() == 4 && value == 0 {
            out.push('z');
            continue;
        }
        let mut digits = [0u8; 5];
        for digit in digits.iter_mut().rev() {
            *digit = (value % 85) as u8 + b'!';
            value /= 85;
        }
        out.extend(digits[..=chunk.len()].iter().map(|&d| char::from(d)));
    }
    out.push_str("~>");
    out
}

/// A binary stream object, ASCII85-encoded.
fn binary_stream(bytes: &[u8]) -> String {
    util::stream(&ascii85(bytes), "/Filter /ASCII85Decode")
}

/// A one-page PDF showing `content` with font `/T` = object 5; `font` is
/// that object and `extra` the objects after it (6, 7, …).
fn one_font_pdf(content: &str, font: String, extra: Vec<String>) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R \
         /Resources << /Font << /T 5 0 R >> >> >>"
            .to_owned(),
        util::stream(content, ""),
        font,
    ];
    objects.extend(extra);
    util::pdf_from_objects(&objects)
}

/// The text of a PDF's first page, glyph by glyph.
fn page_text(bytes: &[u8]) -> String {
    let raw = read::read_bytes(
        Path::new("fonts.pdf"),
        bytes,
        &Config::default().with_glyph_pages(),
    )
    .expect("the PDF reads");
    raw.pages
        .into_iter()
        .find_map(|page| match page.content {
            read::PageContent::Glyphs(glyphs) => Some(
                glyphs
                    .glyphs
                    .iter()
                    .map(|glyph| glyphs.glyph_text(glyph).to_owned())
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// A Type0 font (object 5) over a CIDFontType2 (object 6) whose descriptor
/// (object 7) embeds `program` (object 8); `to_unicode` and `cid_to_gid`
/// are the extra entries and objects (9, 10) they refer to.
fn type0_pdf(
    content: &str,
    program: &[u8],
    to_unicode: Option<&str>,
    cid_to_gid: Option<&[u16]>,
) -> Vec<u8> {
    let to_unicode_entry = if to_unicode.is_some() {
        "/ToUnicode 9 0 R"
    } else {
        ""
    };
    let map_entry = if cid_to_gid.is_some() {
        "/CIDToGIDMap 10 0 R"
    } else {
        "/CIDToGIDMap /Identity"
    };
    let font = format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Invented /Encoding /Identity-H \
         /DescendantFonts [6 0 R] {to_unicode_entry} >>"
    );
    let mut extra = vec![
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Invented \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /FontDescriptor 7 0 R /DW 500 {map_entry} >>"
        ),
        "<< /Type /FontDescriptor /FontName /ABCDEF+Invented /Flags 32 \
         /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 \
         /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>"
            .to_owned(),
        binary_stream(program),
    ];
    extra.push(util::stream(to_unicode.unwrap_or(""), ""));
    extra.push(binary_stream(&be16(cid_to_gid.unwrap_or(&[]))));
    one_font_pdf(content, font, extra)
}

/// A ToUnicode CMap of the given `bfchar` pairs (hex code, hex UTF-16).
fn to_unicode(pairs: &[(&str, &str)]) -> String {
    let body: String = pairs
        .iter()
        .map(|(code, text)| format!("<{code}> <{text}>\n"))
        .collect();
    format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         {} beginbfchar\n{body}endbfchar endcmap end end",
        pairs.len()
    )
}

/// Glyphs 1..=6 draw `Ñandú` and a space through a (3,1) format 12 subtable.
fn spanish_program() -> Vec<u8> {
    program(&[
        (
            b"cmap",
            cmap12(
                3,
                1,
                &[
                    (0x20, 0x20, 6),
                    (0x61, 0x61, 2),
                    (0x64, 0x64, 4),
                    (0x6E, 0x6E, 3),
                    (0xD1, 0xD1, 1),
                    (0xFA, 0xFA, 5),
                ],
            ),
        ),
        (b"maxp", maxp(7)),
    ])
}

#[test]
fn a_placeholder_to_unicode_gives_way_to_the_embedded_program() {
    // libharu's kind of CMap: a CID range, no bf section, so no text at all;
    // and a CMap sending every code to one character. CIDs are not glyph ids
    // here: the CIDToGIDMap stream sends CID 10 + n to glyph n.
    let content = "BT /T 12 Tf 20 100 Td <000B000C000D000E000F> Tj ET";
    let map: Vec<u16> = (0..17u16).map(|cid| cid.saturating_sub(10)).collect();
    let cid_range = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
                     1 begincodespacerange <0000> <FFFF> endcodespacerange \
                     1 begincidrange <0000> <FFFF> 0 endcidrange endcmap end end";
    let one_value = to_unicode(&[
        ("000B", "0058"),
        ("000C", "0058"),
        ("000D", "0058"),
        ("000E", "0058"),
        ("000F", "0058"),
    ]);
    for cmap in [cid_range, one_value.as_str()] {
        let bytes = type0_pdf(content, &spanish_program(), Some(cmap), Some(&map));
        assert_eq!(page_text(&bytes), "Ñandú", "with the CMap {cmap}");
    }
}

#[test]
fn without_to_unicode_identity_cids_are_read_through_the_program() {
    let content = "BT /T 12 Tf 20 100 Td <00010002000300040005> Tj ET";
    let bytes = type0_pdf(content, &spanish_program(), None, None);
    assert_eq!(page_text(&bytes), "Ñandú");
}

#[test]
fn a_usable_to_unicode_wins_and_its_gaps_are_filled_by_the_program() {
    // The CMap reads glyph 1 as `Ŋ` (the program says `Ñ`): the CMap is the
    // document's word and stays; glyph 2 is mapped to U+0000, which says
    // nothing, and glyphs 3.. are missing: the program answers for both.
    let content = "BT /T 12 Tf 20 100 Td <000100020003> Tj ET";
    let cmap = to_unicode(&[("0001", "014A"), ("0002", "0000"), ("0007", "0041")]);
    let bytes = type0_pdf(content, &spanish_program(), Some(&cmap), None);
    assert_eq!(page_text(&bytes), "Ŋan");
}

#[test]
fn glyphs_without_a_unicode_subtable_are_read_by_their_names() {
    // A symbol subtable (3,0) tells no character; the `post` names do,
    // including a name that spells its code point.
    let symbols = program(&[
        (b"cmap", cmap6(3, 0, 0xF021, &[1, 2, 3])),
        (b"maxp", maxp(4)),
        (b"post", post(&[".notdef", "uni2717", "ccedilla", "zqxj"])),
    ]);
    let content = "BT /T 12 Tf 20 100 Td <000100020003> Tj ET";
    let bytes = type0_pdf(content, &symbols, None, None);
    assert_eq!(page_text(&bytes), "✗ç", "a name no list knows is no text");
}

#[test]
fn a_symbolic_truetype_font_without_encoding_reads_codes_through_its_program() {
    // Codes 0x41 and 0x42 select glyphs 1 and 2 through the (3,0) subtable
    // at 0xF041, 0xF042; their names say ✓ and ♦.
    let symbols = program(&[
        (b"cmap", cmap6(3, 0, 0xF041, &[1, 2])),
        (b"maxp", maxp(3)),
        (b"post", post(&[".notdef", "uni2713", "uni2666"])),
    ]);
    let font = "<< /Type /Font /Subtype /TrueType /BaseFont /GHIJKL+Marks \
                /FirstChar 65 /LastChar 66 /Widths [600 600] /FontDescriptor 6 0 R >>"
        .to_owned();
    let descriptor = "<< /Type /FontDescriptor /FontName /GHIJKL+Marks /Flags 4 \
                      /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 \
                      /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>"
        .to_owned();
    let bytes = one_font_pdf(
        "BT /T 12 Tf 20 100 Td (ABA) Tj ET",
        font,
        vec![descriptor, binary_stream(&symbols)],
    );
    assert_eq!(page_text(&bytes), "✓♦✓");
}
