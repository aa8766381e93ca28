//! planex patch 15: the text of a glyph read from the embedded TrueType font
//! program, for fonts whose ToUnicode CMap is missing, lacks the code shown,
//! or is degenerate (see [`degenerate`]).
//!
//! A TrueType program (`/FontFile2`, or an OpenType one in `/FontFile3`) maps
//! characters to glyphs in its `cmap` table; inverted, its Unicode subtables
//! say which character a glyph draws. Glyphs that no Unicode subtable reaches
//! are named in the `post` table, and a name of the Adobe Glyph List (or one
//! spelling a code point, `uni2713`) says the same. This is what poppler and
//! pdf.js fall back to.

use std::collections::HashMap;

use ttf_parser::{cmap, GlyphId, PlatformId, RawFace, Tag};

use crate::glyphnames;

/// Glyph id → the text it draws, from a font program's Unicode `cmap`
/// subtables and `post` glyph names. Empty when the program is not a
/// TrueType/OpenType one or names no glyph.
pub(crate) fn glyph_texts(program: &[u8]) -> HashMap<u16, String> {
    let mut texts = HashMap::new();
    let Ok(face) = RawFace::parse(program, 0) else { return texts };
    let mut chosen: HashMap<u16, u32> = HashMap::new();
    if let Some(table) = face.table(Tag::from_bytes(b"cmap")).and_then(cmap::Table::parse) {
        for subtable in table.subtables {
            if !subtable.is_unicode() {
                continue;
            }
            subtable.codepoints(|point| {
                let Some(glyph) = subtable.glyph_index(point) else { return };
                if char::from_u32(point).is_none() {
                    return;
                }
                let choice = chosen.entry(glyph.0).or_insert(point);
                if preference(point) < preference(*choice) {
                    *choice = point;
                }
            });
        }
    }
    for (glyph, point) in chosen {
        if let Some(c) = char::from_u32(point) {
            texts.insert(glyph, c.to_string());
        }
    }
    let glyph_count = face
        .table(Tag::from_bytes(b"maxp"))
        .and_then(|maxp| maxp.get(4..6))
        .map_or(0, |count| u16::from_be_bytes([count[0], count[1]]));
    if let Some(post) = face.table(Tag::from_bytes(b"post")).and_then(ttf_parser::post::Table::parse) {
        for glyph in 1..glyph_count {
            if texts.contains_key(&glyph) {
                continue;
            }
            let Some(name) = post.glyph_name(GlyphId(glyph)) else { continue };
            let Some(unit) = glyphnames::name_to_unicode(name) else { continue };
            // U+FFFD is what patch 8 reads an unknown name as: no text.
            if unit == 0xFFFD {
                continue;
            }
            if let Ok(text) = String::from_utf16(&[unit]) {
                texts.insert(glyph, text);
            }
        }
    }
    texts
}

/// Which of the code points a glyph is mapped from names it: an ordinary
/// character before a control character or one of a private use area (a
/// symbol font's), then the lowest (U+0020 before U+00A0, the hyphen before
/// the soft hyphen, Ω before the ohm sign).
fn preference(point: u32) -> (u8, u32) {
    let private = (0xE000..=0xF8FF).contains(&point) || point >= 0xF0000;
    let control = point < 0x20 || (0x7F..=0x9F).contains(&point);
    (u8::from(private || control), point)
}

/// The glyph a simple TrueType font's single-byte `code` selects through the
/// program's own `cmap`, for a font whose dictionary gives no usable encoding
/// (ISO 32000-1, 9.6.6.4: a symbolic font's (3,0) subtable, read at
/// `0xF000 + code` or at `code`, else its (1,0) subtable at `code`).
pub(crate) fn simple_code_glyphs(program: &[u8]) -> HashMap<u32, u16> {
    let mut glyphs = HashMap::new();
    let Ok(face) = RawFace::parse(program, 0) else { return glyphs };
    let Some(table) = face.table(Tag::from_bytes(b"cmap")).and_then(cmap::Table::parse) else { return glyphs };
    let symbol = table
        .subtables
        .into_iter()
        .find(|s| s.platform_id == PlatformId::Windows && s.encoding_id == 0);
    let roman = table
        .subtables
        .into_iter()
        .find(|s| s.platform_id == PlatformId::Macintosh && s.encoding_id == 0);
    for code in 0..=255u32 {
        let glyph = symbol
            .and_then(|s| s.glyph_index(0xF000 + code).or_else(|| s.glyph_index(code)))
            .or_else(|| roman.and_then(|s| s.glyph_index(code)));
        if let Some(glyph) = glyph {
            glyphs.insert(code, glyph.0);
        }
    }
    glyphs
}

/// Whether a ToUnicode map (code → text, entries that map to nothing or to
/// U+0000 already left out) says too little to be believed: it maps at least
/// four codes and gives on average four or more codes each text. A font maps
/// a few glyphs to one character (alternates, a space drawn twice); a map
/// where most glyphs share a text is a producer's placeholder (every code to
/// one value), and reading it would turn a whole page into one letter.
pub(crate) fn degenerate(map: &HashMap<u32, String>) -> bool {
    let mut texts: Vec<&str> = map.values().map(String::as_str).collect();
    texts.sort_unstable();
    texts.dedup();
    map.len() >= 4 && texts.len() * 4 <= map.len()
}

/// Whether a ToUnicode entry's text is no text at all (empty, or U+0000 only):
/// such an entry says nothing about its code.
pub(crate) fn says_nothing(text: &str) -> bool {
    text.chars().all(|c| c == '\0')
}
