extern crate lopdf;

use adobe_cmap_parser::{ByteMapping, CodeRange, CIDRange};
use encoding_rs::UTF_16BE;
use content::Op as Operation;
pub use lopdf::*;
use euclid::*;
use lopdf::encryption::DecryptionError;
use std::fmt::{Debug, Formatter};
extern crate encoding_rs;
extern crate euclid;
extern crate adobe_cmap_parser;
extern crate type1_encoding_parser;
extern crate unicode_normalization;
use euclid::vec2;
use unicode_normalization::UnicodeNormalization;
use std::fmt;
use std::str;
use std::fs::File;
use std::slice::Iter;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::marker::PhantomData;
use std::result::Result;
use log::{warn, error, debug};
mod core_fonts;
mod glyphnames;
mod zapfglyphnames;
mod encodings;
// planex patch 11: content streams parsed without an allocation per operation.
mod content;
// planex patch 15: glyph texts from the embedded font program.
mod embedded_cmap;

pub struct Space;
pub type Transform = Transform2D<f64, Space, Space>;

#[derive(Debug)]
pub enum OutputError
{
    FormatError(std::fmt::Error),
    IoError(std::io::Error),
    PdfError(lopdf::Error),
    /// planex patch: the document breaks a rule the extractor relies on
    /// (a missing resource or page box, an operand of the wrong type).
    Malformed(String)
}

impl std::fmt::Display for OutputError
{
    fn fmt(&self, f: &mut Formatter<'_>) -> Result<(), std::fmt::Error> {
        match self {
            OutputError::FormatError(e) => write!(f, "Formating error: {}", e),
            OutputError::IoError(e) => write!(f, "IO error: {}", e),
            OutputError::PdfError(e) => write!(f, "PDF error: {}", e),
            OutputError::Malformed(e) => write!(f, "malformed PDF: {}", e)
        }
    }
}

impl std::error::Error for OutputError{}

impl From<std::fmt::Error> for OutputError {
    fn from(e: std::fmt::Error) -> Self {
        OutputError::FormatError(e)
    }
}

impl From<std::io::Error> for OutputError {
    fn from(e: std::io::Error) -> Self {
        OutputError::IoError(e)
    }
}

impl From<lopdf::Error> for OutputError {
    fn from(e: lopdf::Error) -> Self {
        OutputError::PdfError(e)
    }
}

macro_rules! dlog {
    ($($e:expr),*) => { {} }
    //($($t:tt)*) => { println!($($t)*) }
}

fn get_info(doc: &Document) -> Option<&Dictionary> {
    match doc.trailer.get(b"Info") {
        Ok(&Object::Reference(ref id)) => {
            match doc.get_object(*id) {
                Ok(&Object::Dictionary(ref info)) => { return Some(info); }
                _ => {}
            }
        }
        _ => {}
    }
    None
}

fn get_catalog(doc: &Document) -> &Dictionary {
    match doc.trailer.get(b"Root").unwrap() {
        &Object::Reference(ref id) => {
            match doc.get_object(*id) {
                Ok(&Object::Dictionary(ref catalog)) => { return catalog; }
                _ => {}
            }
        }
        _ => {}
    }
    panic!();
}

fn get_pages(doc: &Document) -> &Dictionary {
    let catalog = get_catalog(doc);
    match catalog.get(b"Pages").unwrap() {
        &Object::Reference(ref id) => {
            match doc.get_object(*id) {
                Ok(&Object::Dictionary(ref pages)) => { return pages; }
                other => {dlog!("pages: {:?}", other)}
            }
        }
        other => { dlog!("pages: {:?}", other)}
    }
    dlog!("catalog {:?}", catalog);
    panic!();
}

#[allow(non_upper_case_globals)]
const PDFDocEncoding: &'static [u16] = &[
    0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008,
    0x0009, 0x000a, 0x000b, 0x000c, 0x000d, 0x000e, 0x000f, 0x0010, 0x0011,
    0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017, 0x02d8, 0x02c7, 0x02c6,
    0x02d9, 0x02dd, 0x02db, 0x02da, 0x02dc, 0x0020, 0x0021, 0x0022, 0x0023,
    0x0024, 0x0025, 0x0026, 0x0027, 0x0028, 0x0029, 0x002a, 0x002b, 0x002c,
    0x002d, 0x002e, 0x002f, 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035,
    0x0036, 0x0037, 0x0038, 0x0039, 0x003a, 0x003b, 0x003c, 0x003d, 0x003e,
    0x003f, 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    0x0048, 0x0049, 0x004a, 0x004b, 0x004c, 0x004d, 0x004e, 0x004f, 0x0050,
    0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059,
    0x005a, 0x005b, 0x005c, 0x005d, 0x005e, 0x005f, 0x0060, 0x0061, 0x0062,
    0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x006a, 0x006b,
    0x006c, 0x006d, 0x006e, 0x006f, 0x0070, 0x0071, 0x0072, 0x0073, 0x0074,
    0x0075, 0x0076, 0x0077, 0x0078, 0x0079, 0x007a, 0x007b, 0x007c, 0x007d,
    0x007e, 0x0000, 0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192,
    0x2044, 0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
    0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160, 0x0178,
    0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0x0000, 0x20ac, 0x00a1,
    0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa,
    0x00ab, 0x00ac, 0x0000, 0x00ae, 0x00af, 0x00b0, 0x00b1, 0x00b2, 0x00b3,
    0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc,
    0x00bd, 0x00be, 0x00bf, 0x00c0, 0x00c1, 0x00c2, 0x00c3, 0x00c4, 0x00c5,
    0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc, 0x00cd, 0x00ce,
    0x00cf, 0x00d0, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7,
    0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x00dd, 0x00de, 0x00df, 0x00e0,
    0x00e1, 0x00e2, 0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9,
    0x00ea, 0x00eb, 0x00ec, 0x00ed, 0x00ee, 0x00ef, 0x00f0, 0x00f1, 0x00f2,
    0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb,
    0x00fc, 0x00fd, 0x00fe, 0x00ff];

fn pdf_to_utf8(s: &[u8]) -> String {
    if s.len() > 2 && s[0] == 0xfe && s[1] == 0xff {
        return UTF_16BE.decode_without_bom_handling_and_without_replacement(&s[2..]).unwrap().to_string()
    } else {
        let r : Vec<u8> = s.iter().map(|x| *x).flat_map(|x| {
               let k = PDFDocEncoding[x as usize];
               vec![(k>>8) as u8, k as u8].into_iter()}).collect();
        return UTF_16BE.decode_without_bom_handling_and_without_replacement(&r).unwrap().to_string()
    }
}

fn to_utf8(encoding: &[u16], s: &[u8]) -> String {
    if s.len() > 2 && s[0] == 0xfe && s[1] == 0xff {
        return UTF_16BE.decode_without_bom_handling_and_without_replacement(&s[2..]).unwrap().to_string()
    } else {
        let r : Vec<u8> = s.iter().map(|x| *x).flat_map(|x| {
            let k = encoding[x as usize];
            vec![(k>>8) as u8, k as u8].into_iter()}).collect();
        return UTF_16BE.decode_without_bom_handling_and_without_replacement(&r).unwrap().to_string()
    }
}


static NULL: Object = Object::Null;

fn maybe_deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        // planex patch: a reference to an object that does not exist is the
        // null object (ISO 32000-1, 7.3.10), not a panic.
        &Object::Reference(r) => doc.get_object(r).unwrap_or(&NULL),
        _ => o
    }
}

fn maybe_get_obj<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).map(|o| maybe_deref(doc, o)).ok()
}

// an intermediate trait that can be used to chain conversions that may have failed
trait FromOptObj<'a> {
    fn from_opt_obj(doc: &'a Document, obj: Option<&'a Object>, key: &[u8]) -> Self;
}

// conditionally convert to Self returns None if the conversion failed
trait FromObj<'a> where Self: std::marker::Sized {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<Self>;
}

impl<'a, T: FromObj<'a>> FromOptObj<'a> for Option<T> {
    fn from_opt_obj(doc: &'a Document, obj: Option<&'a Object>, _key: &[u8]) -> Self {
        obj.and_then(|x| T::from_obj(doc,x))
    }
}

impl<'a, T: FromObj<'a>> FromOptObj<'a> for T {
    fn from_opt_obj(doc: &'a Document, obj: Option<&'a Object>, key: &[u8]) -> Self {
        T::from_obj(doc, obj.expect(&String::from_utf8_lossy(key))).expect("wrong type")
    }
}

// we follow the same conventions as pdfium for when to support indirect objects:
// on arrays, streams and dicts
impl<'a, T: FromObj<'a>> FromObj<'a> for Vec<T> {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<Self> {
        // planex patch: an element of another type makes the array unreadable
        // (None), not a panic.
        maybe_deref(doc, obj).as_array().ok()?.iter()
            .map(|x| T::from_obj(doc, x))
            .collect()
    }
}

// planex patch: an array of another length or with an element of another
// type is unreadable (None), not a panic.
impl<'a, T: FromObj<'a>, const N: usize> FromObj<'a> for [T; N] {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<Self> {
        std::convert::TryInto::try_into(Vec::<T>::from_obj(doc, obj)?).ok()
    }
}

impl<'a> FromObj<'a> for f64 {
    fn from_obj(_doc: &Document, obj: &Object) -> Option<Self> {
        match obj {
            &Object::Integer(i) => Some(i as f64),
            &Object::Real(f) => Some(f.into()),
            _ => None
        }
    }
}

impl<'a> FromObj<'a> for i64 {
    fn from_obj(_doc: &Document, obj: &Object) -> Option<Self> {
        match obj {
            &Object::Integer(i) => Some(i),
            _ => None
        }
    }
}

impl<'a> FromObj<'a> for &'a Dictionary {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
        maybe_deref(doc, obj).as_dict().ok()
    }
}

impl<'a> FromObj<'a> for &'a Stream {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<&'a Stream> {
        maybe_deref(doc, obj).as_stream().ok()
    }
}

impl<'a> FromObj<'a> for &'a Object {
    fn from_obj(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
        Some(maybe_deref(doc, obj))
    }
}

fn get<'a, T: FromOptObj<'a>>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> T {
    T::from_opt_obj(doc, dict.get(key).ok(), key)
}

fn maybe_get<'a, T: FromObj<'a>>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<T> {
    maybe_get_obj(doc, dict, key).and_then(|o| T::from_obj(doc, o))
}

fn get_name_string<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> String {
    pdf_to_utf8(dict.get(key).map(|o| maybe_deref(doc, o)).unwrap_or_else(|_| panic!("deref")).as_name().expect("name"))
}

#[allow(dead_code)]
fn maybe_get_name_string<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<String> {
    maybe_get_obj(doc, dict, key).and_then(|n| n.as_name().ok()).map(|n| pdf_to_utf8(n))
}

fn maybe_get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    maybe_get_obj(doc, dict, key).and_then(|n| n.as_name().ok())
}

fn maybe_get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    maybe_get_obj(doc, dict, key).and_then(|n| n.as_array().ok())
}

/// planex patch 17: the hasher of the maps read once per glyph drawn (a
/// font's widths and ToUnicode map, keyed by a character code): the
/// multiply-and-rotate of rustc's FxHash. SipHash, the default, resists
/// collisions chosen by an attacker, which cost these maps only time, and
/// took a tenth of reading a page.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// planex patch 17: a map hashed with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Clone)]
struct PdfSimpleFont<'a> {
    font: &'a Dictionary,
    doc: &'a Document,
    encoding: Option<Vec<u16>>,
    unicode_map: Option<FastMap<u32, String>>,
    widths: FastMap<CharCode, f64>, // should probably just use i32 here
    missing_width: f64,
}

#[derive(Clone)]
struct PdfType3Font<'a> {
    font: &'a Dictionary,
    doc: &'a Document,
    encoding: Option<Vec<u16>>,
    unicode_map: Option<FastMap<CharCode, String>>,
    widths: FastMap<CharCode, f64>, // should probably just use i32 here
}


fn make_font<'a>(doc: &'a Document, font: &'a Dictionary) -> Arc<dyn PdfFont + 'a> {
    let subtype = get_name_string(doc, font, b"Subtype");
    dlog!("MakeFont({})", subtype);
    if subtype == "Type0" {
        Arc::new(PdfCIDFont::new(doc, font))
    } else if subtype == "Type3" {
        Arc::new(PdfType3Font::new(doc, font))
    } else {
        Arc::new(PdfSimpleFont::new(doc, font))
    }
}

fn is_core_font(name: &str) -> bool {
    match name {
        "Courier-Bold" |
        "Courier-BoldOblique" |
        "Courier-Oblique" |
        "Courier" |
        "Helvetica-Bold" |
        "Helvetica-BoldOblique" |
        "Helvetica-Oblique" |
        "Helvetica" |
        "Symbol" |
        "Times-Bold" |
        "Times-BoldItalic" |
        "Times-Italic" |
        "Times-Roman" |
        "ZapfDingbats" => true,
        _ => false,
    }
}

fn encoding_to_unicode_table(name: &[u8]) -> Vec<u16> {
    let encoding = match &name[..] {
        b"MacRomanEncoding" => encodings::MAC_ROMAN_ENCODING,
        b"MacExpertEncoding" => encodings::MAC_EXPERT_ENCODING,
        b"WinAnsiEncoding" => encodings::WIN_ANSI_ENCODING,
        _ => panic!("unexpected encoding {:?}", pdf_to_utf8(name))
    };
    let encoding_table = encoding.iter()
        .map(|x| if let &Some(x) = x { glyphnames::name_to_unicode(x).unwrap() } else { 0 })
        .collect();
    encoding_table
}

/* "Glyphs in the font are selected by single-byte character codes obtained from a string that
    is shown by the text-showing operators. Logically, these codes index into a table of 256
    glyphs; the mapping from codes to glyphs is called the font’s encoding. Each font program
    has a built-in encoding. Under some circumstances, the encoding can be altered by means
    described in Section 5.5.5, “Character Encoding.”
*/
impl<'a> PdfSimpleFont<'a> {
    fn new(doc: &'a Document, font: &'a Dictionary) -> PdfSimpleFont<'a> {
        let base_name = get_name_string(doc, font, b"BaseFont");
        let subtype = get_name_string(doc, font, b"Subtype");

        let encoding: Option<&Object> = get(doc, font, b"Encoding");
        dlog!("base_name {} {} enc:{:?} {:?}", base_name, subtype, encoding, font);
        let descriptor: Option<&Dictionary> = get(doc, font, b"FontDescriptor");
        let mut type1_encoding = None;
        let mut unicode_map = None;
        let mut truetype_program = None;
        if let Some(descriptor) = descriptor {
            dlog!("descriptor {:?}", descriptor);
            if subtype == "Type1" {
                let file = maybe_get_obj(doc, descriptor, b"FontFile");
                match file {
                    Some(&Object::Stream(ref s)) => {
                        let s = get_contents(s);
                        //dlog!("font contents {:?}", pdf_to_utf8(&s));
                        type1_encoding = Some(type1_encoding_parser::get_encoding_map(&s).expect("encoding"));
                    }
                    _ => { dlog!("font file {:?}", file) }
                }
            } else if subtype == "TrueType" {
                let file = maybe_get_obj(doc, descriptor, b"FontFile2");
                match file {
                    Some(&Object::Stream(ref s)) => {
                        truetype_program = Some(get_contents(s));
                        //File::create(format!("/tmp/{}", base_name)).unwrap().write_all(&s);
                    }
                    _ => { dlog!("font file {:?}", file) }
                }
            }

            let font_file3 = get::<Option<&Object>>(doc, descriptor, b"FontFile3");
            match font_file3 {
                Some(&Object::Stream(ref s)) => {
                    let subtype = get_name_string(doc, &s.dict, b"Subtype");
                    dlog!("font file {}, {:?}", subtype, s);
                    let s = get_contents(s);
                    if subtype == "Type1C" {
                        let table = cff_parser::Table::parse(&s).unwrap();
                        //use std::io::Write;
                        //File::create(format!("/tmp/{}", base_name)).unwrap().write_all(&s);
                        
                        let encoding = table.encoding.get_code_to_sid_table(&table.charset);

                        let mapping: HashMap<u32, String> = encoding.into_iter().filter_map(|(cid, sid)| {
                            let name = cff_parser::string_by_id(&table, sid).unwrap();
                            if name == ".notdef" {
                                return None;
                            }
                            let unicode = glyphnames::name_to_unicode(&name).or_else(|| {
                                zapfglyphnames::zapfdigbats_names_to_unicode(name)
                            });
                            if unicode.is_none() {
                                warn!("Couldn't find unicode for {}", name);
                                return None;
                            }
                            let str = String::from_utf16(&[unicode.unwrap()]).unwrap();
                            Some((cid as u32, str))
                        }).collect();
                        unicode_map = Some(mapping);
                    }

                    //
                    //File::create(format!("/tmp/{}", base_name)).unwrap().write_all(&s);
                }
                None => {}
                _ => { dlog!("unexpected") }
            }

            let charset = maybe_get_obj(doc, descriptor, b"CharSet");
            let _charset = match charset {
                Some(&Object::String(ref s, _)) => { Some(pdf_to_utf8(&s)) }
                _ => { None }
            };
            //dlog!("charset {:?}", charset);
        }

        let mut unicode_map = match unicode_map {
            Some(mut unicode_map) => {
                unicode_map.extend(get_unicode_map(doc, font).unwrap_or(HashMap::new()));
                Some(unicode_map)
            }
            None => {
                get_unicode_map(doc, font)
            }
        };

        // planex patch 15: a symbolic TrueType font without /Encoding and
        // without a usable ToUnicode CMap selects glyphs by code through its
        // program's own (3,0) or (1,0) cmap; the glyph's text is the
        // program's (its Unicode subtables inverted, its glyph names).
        let symbolic = descriptor
            .and_then(|d| maybe_get_obj(doc, d, b"Flags"))
            .and_then(|f| f.as_i64().ok())
            .map_or(false, |flags| flags & 4 != 0);
        if let (None, None, true, Some(program)) = (&unicode_map, encoding, symbolic, &truetype_program) {
            let texts = embedded_cmap::glyph_texts(program);
            let by_code: HashMap<u32, String> = embedded_cmap::simple_code_glyphs(program)
                .into_iter()
                .filter_map(|(code, glyph)| Some((code, texts.get(&glyph)?.clone())))
                .collect();
            if !by_code.is_empty() {
                unicode_map = Some(by_code);
            }
        }


        let mut encoding_table = None;
        match encoding {
            Some(&Object::Name(ref encoding_name)) => {
                dlog!("encoding {:?}", pdf_to_utf8(encoding_name));
                encoding_table = Some(encoding_to_unicode_table(encoding_name));
            }
            Some(&Object::Dictionary(ref encoding)) => {
                //dlog!("Encoding {:?}", encoding);
                let mut table = if let Some(base_encoding) = maybe_get_name(doc, encoding, b"BaseEncoding") {
                    dlog!("BaseEncoding {:?}", base_encoding);
                    encoding_to_unicode_table(base_encoding)
                } else {
                    Vec::from(PDFDocEncoding)
                };
                let differences = maybe_get_array(doc, encoding, b"Differences");
                if let Some(differences) = differences {
                    dlog!("Differences");
                    let mut code = 0;
                    for o in differences {
                        let o = maybe_deref(doc, o);
                        match o {
                            &Object::Integer(i) => { code = i; },
                            &Object::Name(ref n) => {
                                let name = pdf_to_utf8(&n);
                                // planex patch 21: a superior digit's glyph is its superscript
                                // character, whatever the ToUnicode map says.
                                if let Some(superior) = superior_digit(&name) {
                                    table[code as usize] = superior;
                                    if let Some(ref mut unicode_map) = unicode_map {
                                        if let Ok(text) = String::from_utf16(&[superior]) {
                                            unicode_map.insert(code as u32, text);
                                        }
                                    }
                                    code += 1;
                                    continue;
                                }
                                // XXX: names of Type1 fonts can map to arbitrary strings instead of real
                                // unicode names, so we should probably handle this differently
                                // planex patch 22: ZapfDingbats's own glyph names (`a20`) are
                                // not in the glyph list; they are read through its table, in
                                // that font only (other fonts name glyphs `a1`, `a2` freely).
                                let unicode = glyphnames::name_to_unicode(&name).or_else(|| {
                                    base_name
                                        .contains("ZapfDingbats")
                                        .then(|| zapfglyphnames::zapfdigbats_names_to_unicode(&name))
                                        .flatten()
                                });
                                if let Some(unicode) = unicode{
                                    table[code as usize] = unicode;
                                    if let Some(ref mut unicode_map) = unicode_map {
                                        let be = [unicode];
                                        match unicode_map.entry(code as u32) {
                                            // If there's a unicode table entry missing use one based on the name
                                            Entry::Vacant(v) => { v.insert(String::from_utf16(&be).unwrap()); }
                                            Entry::Occupied(e) => {
                                                if e.get() != &String::from_utf16(&be).unwrap() {
                                                    let normal_match  = e.get().nfkc().eq(String::from_utf16(&be).unwrap().nfkc());
                                                    if !normal_match {
                                                        warn!("Unicode mismatch {} {} {:?} {:?} {:?}", normal_match, name, e.get(), String::from_utf16(&be), be);
                                                    }
                                                }
                                            }
                                        }
                                    }
                                } else {
                                    match unicode_map {
                                        Some(ref mut unicode_map) if base_name.contains("FontAwesome") => {
                                            // the fontawesome tex package will use glyph names that don't have a corresponding unicode
                                            // code point, so we'll use an empty string instead. See issue #76
                                            match unicode_map.entry(code as u32) {
                                                Entry::Vacant(v) => { v.insert("".to_owned()); }
                                                Entry::Occupied(e) => {
                                                    panic!("unexpected entry in unicode map")
                                                }
                                            }
                                        }
                                        _ => {
                                            warn!("unknown glyph name '{}' for font {}", name, base_name);
                                            // planex patch 8: the base encoding's character at this
                                            // code is another glyph's; an unknown name is read as
                                            // U+FFFD, a glyph of unknown meaning, not as that one.
                                            table[code as usize] = 0xFFFD;
                                        }
                                    }
                                }
                                dlog!("{} = {} ({:?})", code, name, unicode);
                                if let Some(ref mut unicode_map) = unicode_map {
                                    // The unicode map might not have the code in it, but the code might
                                    // not be used so we don't want to panic here.
                                    // An example of this is the 'suppress' character in the TeX Latin Modern font.
                                    // This shows up in https://arxiv.org/pdf/2405.01295v1.pdf
                                    dlog!("{} {:?}", code, unicode_map.get(&(code as u32)));
                                }
                                code += 1;
                            }
                            _ => { panic!("wrong type {:?}", o); }
                        }
                    }
                }
                // "Type" is optional
                let name = encoding.get(b"Type").and_then(|x| x.as_name()).and_then(|x| Ok(pdf_to_utf8(x)));
                dlog!("name: {}", name);

                encoding_table = Some(table);
            }
            None => {
                if let Some(type1_encoding) = type1_encoding {
                    let mut table = Vec::from(PDFDocEncoding);
                    dlog!("type1encoding");
                    for (code, name) in type1_encoding {
                        let unicode = glyphnames::name_to_unicode(&pdf_to_utf8(&name));
                        if let Some(unicode) = unicode {
                            table[code as usize] = unicode;
                        } else {
                            dlog!("unknown character {}", pdf_to_utf8(&name));
                        }
                    }
                    encoding_table = Some(table)
                } else if subtype == "TrueType" {
                    encoding_table = Some(encodings::WIN_ANSI_ENCODING.iter()
                        .map(|x| if let &Some(x) = x { glyphnames::name_to_unicode(x).unwrap() } else { 0 })
                        .collect());
                }
            }
            _ => { panic!() }
        }

        let mut width_map = HashMap::new();
        /* "Ordinarily, a font dictionary that refers to one of the standard fonts
            should omit the FirstChar, LastChar, Widths, and FontDescriptor entries.
            However, it is permissible to override a standard font by including these
            entries and embedding the font program in the PDF file."

            Note: some PDFs include a descriptor but still don't include these entries */

        // If we have widths prefer them over the core font widths. Needed for https://dkp.de/wp-content/uploads/parteitage/Sozialismusvorstellungen-der-DKP.pdf
        if let (Some(first_char), Some(last_char), Some(widths)) = (maybe_get::<i64>(doc, font, b"FirstChar"), maybe_get::<i64>(doc, font, b"LastChar"), maybe_get::<Vec<f64>>(doc, font, b"Widths")) {
            // Some PDF's don't have these like fips-197.pdf
            let mut i: i64 = 0;
            dlog!("first_char {:?}, last_char: {:?}, widths: {} {:?}", first_char, last_char, widths.len(), widths);

            for w in widths {
                width_map.insert((first_char + i) as CharCode, w);
                i += 1;
            }
            // planex patch: a /Widths array longer or shorter than
            // LastChar - FirstChar + 1 is used as far as it goes, not a panic.
            if first_char + i - 1 != last_char {
                warn!("{} widths for codes {}..={}", i, first_char, last_char);
            }
        } else {
            let name = if is_core_font(&base_name) {
                &base_name
            } else {
                warn!("no widths and not core font {:?}", base_name);

                // This situation is handled differently by different readers
                // but basically we try to substitute the best font that we can.

                // Poppler/Xpdf:
                // this is technically an error -- the Widths entry is required
                // for all but the Base-14 fonts -- but certain PDF generators
                // apparently don't include widths for Arial and TimesNewRoman

                // Pdfium: CFX_FontMapper::FindSubstFont

                // mupdf: pdf_load_substitute_font

                // We can try to do a better job guessing at a font by looking at the flags
                // or the basename but for now we'll just use Helvetica
                "Helvetica"
            };
            for font_metrics in core_fonts::metrics().iter() {
                // planex patch: look up the substitute (upstream compared
                // base_name again, so a font without /Widths that is not a
                // core font got no widths at all).
                if font_metrics.0 == name {
                    if let Some(ref encoding) = encoding_table {
                        dlog!("has encoding");
                        for w in font_metrics.2 {
                            // planex patch 22: ZapfDingbats's metrics name its glyphs
                            // in its own table (`a20`), which the glyph list lacks.
                            let Some(c) = glyphnames::name_to_unicode(w.2)
                                .or_else(|| zapfglyphnames::zapfdigbats_names_to_unicode(w.2))
                            else {
                                continue;
                            };
                            for i in 0..encoding.len() {
                                if encoding[i] == c {
                                    width_map.insert(i as CharCode, w.1 as f64);
                                }
                            }
                        }
                    } else {
                        // Instead of using the encoding from the core font we'll just look up all
                        // of the character names. We should probably verify that this produces the
                        // same result.

                        let mut table = vec![0; 256];
                        for w in font_metrics.2 {
                            dlog!("{} {}", w.0, w.2);
                            // -1 is "not encoded"
                            if w.0 != -1 {
                                table[w.0 as usize] = if base_name == "ZapfDingbats" {
                                    zapfglyphnames::zapfdigbats_names_to_unicode(w.2).unwrap_or_else(|| panic!("bad name {:?}", w))
                                } else {
                                    glyphnames::name_to_unicode(w.2).unwrap()
                                }
                            }
                        }

                        let encoding = &table[..];
                        for w in font_metrics.2 {
                            width_map.insert(w.0 as CharCode, w.1 as f64);
                            // -1 is "not encoded"
                        }
                        // planex patch: a substitute lends its widths, not
                        // its encoding.
                        if name == base_name {
                            encoding_table = Some(encoding.to_vec());
                        }
                    }
                    /* "Ordinarily, a font dictionary that refers to one of the standard fonts
                        should omit the FirstChar, LastChar, Widths, and FontDescriptor entries.
                        However, it is permissible to override a standard font by including these
                        entries and embedding the font program in the PDF file."

                        Note: some PDFs include a descriptor but still don't include these entries */
                    // assert!(maybe_get_obj(doc, font, b"FirstChar").is_none());
                    // assert!(maybe_get_obj(doc, font, b"LastChar").is_none());
                    // assert!(maybe_get_obj(doc, font, b"Widths").is_none());
                }
            }
        }

        let missing_width = get::<Option<f64>>(doc, font, b"MissingWidth").unwrap_or(0.);
        PdfSimpleFont {doc, font, widths: width_map.into_iter().collect(), encoding: encoding_table, missing_width, unicode_map: unicode_map.map(|map| map.into_iter().collect())}
    }

    #[allow(dead_code)]
    fn get_type(&self) -> String {
        get_name_string(self.doc, self.font, b"Type")
    }
    #[allow(dead_code)]
    fn get_basefont(&self) -> String {
        get_name_string(self.doc, self.font, b"BaseFont")
    }
    #[allow(dead_code)]
    fn get_subtype(&self) -> String {
        get_name_string(self.doc, self.font, b"Subtype")
    }
    #[allow(dead_code)]
    fn get_widths(&self) -> Option<&Vec<Object>> {
        maybe_get_obj(self.doc, self.font, b"Widths").map(|widths| widths.as_array().expect("Widths should be an array"))
    }
    /* For type1: This entry is obsolescent and its use is no longer recommended. (See
     * implementation note 42 in Appendix H.) */
    #[allow(dead_code)]
    fn get_name(&self) -> Option<String> {
        maybe_get_name_string(self.doc, self.font, b"Name")
    }

    #[allow(dead_code)]
    fn get_descriptor(&self) -> Option<PdfFontDescriptor> {
        maybe_get_obj(self.doc, self.font, b"FontDescriptor").and_then(|desc| desc.as_dict().ok()).map(|desc| PdfFontDescriptor{desc: desc, doc: self.doc})
    }
}



impl<'a> PdfType3Font<'a> {
    fn new(doc: &'a Document, font: &'a Dictionary) -> PdfType3Font<'a> {

        let unicode_map = get_unicode_map(doc, font);
        let encoding: Option<&Object> = get(doc, font, b"Encoding");

        let encoding_table;
        match encoding {
            Some(&Object::Name(ref encoding_name)) => {
                dlog!("encoding {:?}", pdf_to_utf8(encoding_name));
                encoding_table = Some(encoding_to_unicode_table(encoding_name));
            }
            Some(&Object::Dictionary(ref encoding)) => {
                //dlog!("Encoding {:?}", encoding);
                let mut table = if let Some(base_encoding) = maybe_get_name(doc, encoding, b"BaseEncoding") {
                    dlog!("BaseEncoding {:?}", base_encoding);
                    encoding_to_unicode_table(base_encoding)
                } else {
                    Vec::from(PDFDocEncoding)
                };
                let differences = maybe_get_array(doc, encoding, b"Differences");
                if let Some(differences) = differences {
                    dlog!("Differences");
                    let mut code = 0;
                    for o in differences {
                        match o {
                            &Object::Integer(i) => { code = i; },
                            &Object::Name(ref n) => {
                                let name = pdf_to_utf8(&n);
                                // XXX: names of Type1 fonts can map to arbitrary strings instead of real
                                // unicode names, so we should probably handle this differently
                                let unicode = glyphnames::name_to_unicode(&name);
                                if let Some(unicode) = unicode{
                                    table[code as usize] = unicode;
                                }
                                dlog!("{} = {} ({:?})", code, name, unicode);
                                if let Some(ref unicode_map) = unicode_map {
                                    dlog!("{} {:?}", code, unicode_map.get(&(code as u32)));
                                }
                                code += 1;
                            }
                            _ => { panic!("wrong type"); }
                        }
                    }
                }
                let name_encoded = encoding.get(b"Type");
                if let Ok(Object::Name(name)) = name_encoded {
                    dlog!("name: {}", pdf_to_utf8(name));
                } else {
                    dlog!("name not found");
                }

                encoding_table = Some(table);
            }
            _ => { panic!() }
        }

        // planex patch: Type3 widths are in glyph space, which /FontMatrix maps
        // to text space; scale them to the thousandths of text space that
        // get_width's callers expect. Missing entries give no width, never a panic.
        let first_char: i64 = maybe_get(doc, font, b"FirstChar").unwrap_or(0);
        let widths: Vec<f64> = maybe_get_array(doc, font, b"Widths")
            .map(|widths| widths.iter().map(|w| maybe_deref(doc, w).as_float().map(f64::from).unwrap_or(0.)).collect())
            .unwrap_or_default();
        let font_matrix_scale = maybe_get_array(doc, font, b"FontMatrix")
            .and_then(|matrix| matrix.first())
            .and_then(|a| maybe_deref(doc, a).as_float().ok())
            .map(f64::from)
            .filter(|a| a.is_finite() && *a != 0.)
            .unwrap_or(0.001);

        let mut width_map = HashMap::new();

        dlog!("first_char {:?}, widths: {} {:?}", first_char, widths.len(), widths);

        for (i, w) in widths.into_iter().enumerate() {
            width_map.insert((first_char + i as i64) as CharCode, w * font_matrix_scale * 1000.);
        }
        PdfType3Font {doc, font, widths: width_map.into_iter().collect(), encoding: encoding_table, unicode_map: unicode_map.map(|map| map.into_iter().collect())}
    }
}

type CharCode = u32;

struct PdfFontIter<'a>
{
    i: Iter<'a, u8>,
    font: &'a dyn PdfFont,
}

impl<'a> Iterator for PdfFontIter<'a> {
    type Item = (CharCode, u8);
    fn next(&mut self) -> Option<(CharCode, u8)> {
        self.font.next_char(&mut self.i)
    }
}

// planex patch 12: fonts are shared by the threads reading one document.
trait PdfFont : Debug + Send + Sync {
    fn get_width(&self, id: CharCode) -> f64;
    fn next_char(&self, iter: &mut Iter<u8>) -> Option<(CharCode, u8)>;
    // planex patch 13: borrowed from the ToUnicode map when it has the code
    // (a `String` per glyph was allocated and dropped at every call).
    fn decode_char(&self, char: CharCode) -> Cow<'_, str>;

        /*fn char_codes<'a>(&'a self, chars: &'a [u8]) -> PdfFontIter {
            let p = self;
            PdfFontIter{i: chars.iter(), font: p as &PdfFont}
        }*/

}

impl<'a> dyn PdfFont + 'a {
    fn char_codes(&'a self, chars: &'a [u8]) -> PdfFontIter {
        PdfFontIter{i: chars.iter(), font: self}
    }
    fn decode(&self, chars: &[u8]) -> String {
        let strings = self.char_codes(chars).map(|x| self.decode_char(x.0)).collect::<Vec<_>>();
        strings.join("")
    }

}


impl<'a> PdfFont for PdfSimpleFont<'a> {
    fn get_width(&self, id: CharCode) -> f64 {
        let width = self.widths.get(&id);
        if let Some(width) = width {
            return *width;
        } else {
            let mut widths = self.widths.iter().collect::<Vec<_>>();
            widths.sort_by_key(|x| x.0);
            dlog!("missing width for {} len(widths) = {}, {:?} falling back to missing_width {:?}", id, self.widths.len(), widths, self.font);
            return self.missing_width;
        }
    }
    /*fn decode(&self, chars: &[u8]) -> String {
        let encoding = self.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
        to_utf8(encoding, chars)
    }*/

    fn next_char(&self, iter: &mut Iter<u8>) -> Option<(CharCode, u8)> {
        iter.next().map(|x| (*x as CharCode, 1))
    }
    fn decode_char(&self, char: CharCode) -> Cow<'_, str> {
        let slice = [char as u8];
        if let Some(ref unicode_map) = self.unicode_map {
            let s = unicode_map.get(&char);
            let s = match s {
                None => {
                    debug!("missing char {:?} in unicode map {:?} for {:?}", char, unicode_map, self.font);
                    // some pdf's like http://arxiv.org/pdf/2312.00064v1 are missing entries in their unicode map but do have
                    // entries in the encoding.
                    let encoding = self.encoding.as_ref().map(|x| &x[..]).expect("missing unicode map and encoding");
                    let s = to_utf8(encoding, &slice);
                    debug!("falling back to encoding {} -> {:?}", char, s);
                    Cow::Owned(s)
                }
                Some(s) => { Cow::Borrowed(s.as_str()) }
            };
            return s
        }
        let encoding = self.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
        //dlog!("char_code {:?} {:?}", char, self.encoding);
        let s = to_utf8(encoding, &slice);
        Cow::Owned(s)
    }
}



impl<'a> fmt::Debug for PdfSimpleFont<'a> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.font.fmt(f)
    }
}

impl<'a> PdfFont for PdfType3Font<'a> {
    fn get_width(&self, id: CharCode) -> f64 {
        // planex patch: a code outside /Widths has no width, not a panic.
        self.widths.get(&id).copied().unwrap_or(0.)
    }
    /*fn decode(&self, chars: &[u8]) -> String {
        let encoding = self.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
        to_utf8(encoding, chars)
    }*/

    fn next_char(&self, iter: &mut Iter<u8>) -> Option<(CharCode, u8)> {
        iter.next().map(|x| (*x as CharCode, 1))
    }
    fn decode_char(&self, char: CharCode) -> Cow<'_, str> {
        let slice = [char as u8];
        if let Some(ref unicode_map) = self.unicode_map {
            let s = unicode_map.get(&char);
            let s = match s {
                None => {
                    debug!("missing char {:?} in unicode map {:?} for {:?}", char, unicode_map, self.font);
                    // some pdf's like http://arxiv.org/pdf/2312.00577v1 are missing entries in their unicode map but do have
                    // entries in the encoding.
                    let encoding = self.encoding.as_ref().map(|x| &x[..]).expect("missing unicode map and encoding");
                    let s = to_utf8(encoding, &slice);
                    debug!("falling back to encoding {} -> {:?}", char, s);
                    Cow::Owned(s)
                }
                Some(s) => { Cow::Borrowed(s.as_str()) }
            };
            return s
        }
        let encoding = self.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
        //dlog!("char_code {:?} {:?}", char, self.encoding);
        let s = to_utf8(encoding, &slice);
        Cow::Owned(s)
    }
}



impl<'a> fmt::Debug for PdfType3Font<'a> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.font.fmt(f)
    }
}

struct PdfCIDFont<'a> {
    font: &'a Dictionary,
    #[allow(dead_code)]
    doc: &'a Document,
    #[allow(dead_code)]
    encoding: ByteMapping,
    to_unicode: Option<FastMap<u32, String>>,
    widths: FastMap<CharCode, f64>, // should probably just use i32 here
    default_width: Option<f64>, // only used for CID fonts and we should probably brake out the different font types
    /// planex patch 15: the text of the glyph a CID draws, from the embedded
    /// TrueType program, for CIDs that `to_unicode` does not answer. Built
    /// the first time one is shown.
    embedded: std::sync::OnceLock<HashMap<u32, String>>,
}

/// planex patch 15: CID → text of a CIDFontType2 font's embedded TrueType
/// program (`/FontFile2`, or an OpenType `/FontFile3`): the CID is a glyph
/// id through `/CIDToGIDMap` (`/Identity`, the default, or a stream of
/// two-byte glyph ids indexed by CID), and the glyph's text is the program's
/// own (`embedded_cmap::glyph_texts`). Empty for a font without a program.
fn embedded_cid_texts(doc: &Document, descendant: &Dictionary) -> HashMap<u32, String> {
    let program = maybe_get_obj(doc, descendant, b"FontDescriptor")
        .and_then(|d| d.as_dict().ok())
        .and_then(|d| maybe_get_obj(doc, d, b"FontFile2").or_else(|| maybe_get_obj(doc, d, b"FontFile3")))
        .and_then(|file| file.as_stream().ok());
    let Some(program) = program else { return HashMap::new() };
    let glyph_texts = embedded_cmap::glyph_texts(&get_contents(program));
    if glyph_texts.is_empty() {
        return unicode_cids(doc, descendant);
    }
    match maybe_get_obj(doc, descendant, b"CIDToGIDMap") {
        Some(Object::Stream(map)) => get_contents(map)
            .chunks_exact(2)
            .enumerate()
            .filter_map(|(cid, glyph)| {
                let glyph = u16::from_be_bytes([glyph[0], glyph[1]]);
                Some((cid as u32, glyph_texts.get(&glyph)?.clone()))
            })
            .collect(),
        _ => glyph_texts.into_iter().map(|(glyph, text)| (u32::from(glyph), text)).collect(),
    }
}

/// planex patch 20: CID → its own code point, for an `Adobe-Identity`
/// font whose program has no text of its glyphs (no `cmap`) and that has no
/// ToUnicode map, when its `/CIDToGIDMap` is a stream indexed by Unicode:
/// TCPDF and its ports (RBPDF, tFPDF) number their CIDs by code point and
/// map them to glyphs that way, and poppler reads such CIDs as Unicode too.
/// A map is taken as indexed by Unicode when the space, U+0020, draws a
/// glyph; only CIDs that draw a glyph and are characters (no control) get a
/// text. Empty otherwise.
fn unicode_cids(doc: &Document, descendant: &Dictionary) -> HashMap<u32, String> {
    let identity = maybe_get_obj(doc, descendant, b"CIDSystemInfo")
        .and_then(|info| info.as_dict().ok())
        .and_then(|info| maybe_get_obj(doc, info, b"Ordering"))
        .is_some_and(|ordering| matches!(ordering, Object::String(s, _) if s.as_slice() == b"Identity"));
    let Some(Object::Stream(map)) = maybe_get_obj(doc, descendant, b"CIDToGIDMap") else { return HashMap::new() };
    if !identity {
        return HashMap::new();
    }
    let glyphs: Vec<u16> = get_contents(map).chunks_exact(2).map(|g| u16::from_be_bytes([g[0], g[1]])).collect();
    if glyphs.get(0x20).is_none_or(|&glyph| glyph == 0) {
        return HashMap::new();
    }
    glyphs
        .iter()
        .enumerate()
        .filter(|&(_, &glyph)| glyph != 0)
        .filter_map(|(cid, _)| {
            let ch = char::from_u32(cid as u32)?;
            (!ch.is_control()).then(|| (cid as u32, ch.to_string()))
        })
        .collect()
}

/// The ToUnicode CMap `contents` as code → UTF-16BE bytes (patches 7 and 16).
///
/// Reads the `bfchar` and `bfrange` sections with one pass over the bytes,
/// skipping what it cannot read. `adobe_cmap_parser`, which upstream used,
/// panics on CMaps some producers write (reportlab writes a character
/// outside the Basic Multilingual Plane as its code point, `<1F535>`, an odd
/// number of hex digits, not as a UTF-16 surrogate pair) and spent about
/// 7 million instructions on a font's map (a tenth of the CPU of a report
/// read whole). A destination whose hex digits are not a whole number of
/// UTF-16 units is taken as a code point.
fn unicode_cmap(contents: &[u8]) -> HashMap<u32, Vec<u8>> {
    #[derive(Debug)]
    enum Token<'a> {
        /// The bytes between `<` and `>`, whitespace included.
        Hex(&'a [u8]),
        Open,
        Close,
        Word,
        /// `beginbfchar` or `beginbfrange`.
        Begin(Section),
    }
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Section {
        None,
        Char,
        Range,
    }
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < contents.len() {
        let b = contents[at];
        match b {
            b'<' if contents.get(at + 1) == Some(&b'<') => at += 2,
            b'>' if contents.get(at + 1) == Some(&b'>') => at += 2,
            b'<' => {
                let start = at + 1;
                let end = contents[start..].iter().position(|&d| d == b'>').map_or(contents.len(), |len| start + len);
                tokens.push(Token::Hex(&contents[start..end]));
                at = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                at += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                at += 1;
            }
            b if is_word_byte(b) => {
                let start = at;
                while at < contents.len() && is_word_byte(contents[at]) {
                    at += 1;
                }
                tokens.push(match &contents[start..at] {
                    b"beginbfchar" => Token::Begin(Section::Char),
                    b"beginbfrange" => Token::Begin(Section::Range),
                    _ => Token::Word,
                });
            }
            _ => at += 1,
        }
    }
    let digits = |hex: &[u8]| -> Vec<u8> { hex.iter().copied().filter(u8::is_ascii_hexdigit).collect() };
    let value = |digit: u8| -> u32 { char::from(digit).to_digit(16).unwrap_or(0) };
    let code = |hex: &[u8]| -> Option<u32> {
        let digits = digits(hex);
        if digits.is_empty() || digits.len() > 8 {
            return None;
        }
        Some(digits.iter().fold(0, |code, &digit| code << 4 | value(digit)))
    };
    let utf16 = |hex: &[u8]| -> Option<Vec<u8>> {
        let digits = digits(hex);
        if !digits.is_empty() && digits.len() % 4 == 0 {
            Some(digits.chunks(2).map(|pair| (value(pair[0]) << 4 | value(pair[1])) as u8).collect())
        } else {
            let c = char::from_u32(code(hex)?)?;
            let mut units = [0u16; 2];
            Some(c.encode_utf16(&mut units).iter().flat_map(|unit| unit.to_be_bytes()).collect())
        }
    };
    // The UTF-16 of `start` with its last unit advanced by `offset`.
    let advanced = |start: &[u8], offset: u32| -> Option<Vec<u8>> {
        let mut bytes = start.to_vec();
        let len = bytes.len();
        if len < 2 {
            return None;
        }
        let last = u16::from_be_bytes([bytes[len - 2], bytes[len - 1]]);
        let next = <u16 as std::convert::TryFrom<u32>>::try_from(u32::from(last) + offset).ok()?;
        bytes.splice(len - 2.., next.to_be_bytes());
        Some(bytes)
    };
    let mut map = HashMap::new();
    let mut section = Section::None;
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            Token::Begin(begun) => {
                section = *begun;
                at += 1;
            }
            Token::Word => {
                section = Section::None;
                at += 1;
            }
            Token::Hex(source) if section == Section::Char => {
                if let (Some(source), Some(Token::Hex(target))) = (code(source), tokens.get(at + 1)) {
                    if let Some(target) = utf16(target) {
                        map.insert(source, target);
                    }
                }
                at += 2;
            }
            Token::Hex(low) if section == Section::Range => {
                let (Some(low), Some(Token::Hex(high))) = (code(low), tokens.get(at + 1)) else {
                    at += 1;
                    continue;
                };
                let Some(high) = code(high).filter(|&high| high >= low && high - low < 0x10000) else {
                    at += 2;
                    continue;
                };
                match tokens.get(at + 2) {
                    Some(Token::Hex(start)) => {
                        if let Some(start) = utf16(start) {
                            for offset in 0..=high - low {
                                if let Some(target) = advanced(&start, offset) {
                                    map.insert(low + offset, target);
                                }
                            }
                        }
                        at += 3;
                    }
                    Some(Token::Open) => {
                        at += 3;
                        let mut source = low;
                        while let Some(Token::Hex(target)) = tokens.get(at) {
                            if let Some(target) = utf16(target) {
                                map.insert(source, target);
                            }
                            source += 1;
                            at += 1;
                        }
                        at += 1;
                    }
                    _ => at += 2,
                }
            }
            _ => at += 1,
        }
    }
    map
}

fn get_unicode_map<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<HashMap<u32, String>> {
    let to_unicode = maybe_get_obj(doc, font, b"ToUnicode");
    dlog!("ToUnicode: {:?}", to_unicode);
    let mut unicode_map = None;
    match to_unicode {
        Some(&Object::Stream(ref stream)) => {
            let contents = get_contents(stream);
            dlog!("Stream: {}", String::from_utf8(contents.clone()).unwrap());

            let cmap = unicode_cmap(&contents);
            let mut unicode = HashMap::new();
            // "It must use the beginbfchar, endbfchar, beginbfrange, and endbfrange operators to
            // define the mapping from character codes to Unicode character sequences expressed in
            // UTF-16BE encoding."
            for (&k, v) in cmap.iter() {
                let mut be: Vec<u16> = Vec::new();
                let mut i = 0;
                assert!(v.len() % 2 == 0);
                while i < v.len() {
                    be.push(((v[i] as u16) << 8) | v[i+1] as u16);
                    i += 2;
                }
                match &be[..] {
                    [0xd800 ..= 0xdfff] => {
                        // this range is not specified as not being encoded
                        // we ignore them so we don't an error from from_utt16
                        continue;
                    }
                    _ => {}
                }
                let s = String::from_utf16(&be).unwrap();

                // planex patch 15: an entry to nothing (or to U+0000) says
                // nothing about its code; a map that gives most codes one
                // text is a placeholder (see `embedded_cmap::degenerate`).
                // Either way the font's encoding or its embedded program
                // answers instead.
                if embedded_cmap::says_nothing(&s) {
                    continue;
                }
                unicode.insert(k, s);
            }
            if unicode.is_empty() {
                return None;
            }
            if embedded_cmap::degenerate(&unicode) {
                warn!("ToUnicode CMap maps {} codes to a few texts: not used", unicode.len());
                return None;
            }
            unicode_map = Some(unicode);

            dlog!("map: {:?}", unicode_map);
        }
        None => { }
        Some(&Object::Name(ref name)) => {
            let name = pdf_to_utf8(name);
            if name != "Identity-H" {
                todo!("unsupported ToUnicode name: {:?}", name);
            }
        }
        _ => { panic!("unsupported cmap {:?}", to_unicode)}
    }
    unicode_map
}


impl<'a> PdfCIDFont<'a> {
    fn new(doc: &'a Document, font: &'a Dictionary) -> PdfCIDFont<'a> {
        let base_name = get_name_string(doc, font, b"BaseFont");
        let descendants = maybe_get_array(doc, font, b"DescendantFonts").expect("Descendant fonts required");
        let ciddict = maybe_deref(doc, &descendants[0]).as_dict().expect("should be CID dict");
        let encoding = maybe_get_obj(doc, font, b"Encoding").expect("Encoding required in type0 fonts");
        dlog!("base_name {} {:?}", base_name, font);

        let encoding = match encoding {
            &Object::Name(ref name) => {
                let name = pdf_to_utf8(name);
                dlog!("encoding {:?}", name);
                if name == "Identity-H" || name == "Identity-V" {
                    ByteMapping { codespace: vec![CodeRange{width: 2, start: 0, end: 0xffff }], cid: vec![CIDRange{ src_code_lo: 0, src_code_hi: 0xffff, dst_CID_lo: 0 }]}
                } else {
                    panic!("unsupported encoding {}", name);
                }
            }
            &Object::Stream(ref stream) => {
                let contents = get_contents(stream);
                dlog!("Stream: {}", String::from_utf8(contents.clone()).unwrap());
                adobe_cmap_parser::get_byte_mapping(&contents).unwrap()
            }
            _ => { panic!("unsupported encoding {:?}", encoding)}
        };

        // Sometimes a Type0 font might refer to the same underlying data as regular font. In this case we may be able to extract some encoding
        // data.
        // We should also look inside the truetype data to see if there's a cmap table. It will help us convert as well.
        // This won't work if the cmap has been subsetted. A better approach might be to hash glyph contents and use that against
        // a global library of glyph hashes
        let unicode_map = get_unicode_map(doc, font);

        dlog!("descendents {:?} {:?}", descendants, ciddict);

        // planex patch: the descriptor was required to be a dictionary and
        // then never read; a producer writing `/CapHeight NaN` in it leaves
        // lopdf an object it cannot parse, and every page was lost.
        let default_width = get::<Option<i64>>(doc, ciddict, b"DW").unwrap_or(1000);
        let w: Option<Vec<&Object>> = get(doc, ciddict, b"W");
        dlog!("widths {:?}", w);
        let mut widths = HashMap::new();
        let mut i = 0;
        // planex patch: `c_first c_last width` ranges read all three values
        // from w[i] (so no width was ever set, and with /DW 0 every glyph
        // of a string piled up at one place) and left out c_last; a
        // malformed array ends the widths instead of panicking.
        let number = |o: Option<&&Object>| o.and_then(|o| o.as_float().ok()).map(f64::from);
        if let Some(w) = w {
            while i < w.len() {
                if let Some(&&Object::Array(ref wa)) = w.get(i + 1) {
                    let Some(cid) = w[i].as_i64().ok() else { break };
                    let mut j = 0;
                    dlog!("wa: {:?} -> {:?}", cid, wa);
                    for w in wa {
                        widths.insert((cid + j) as CharCode, maybe_deref(doc, w).as_float().map(f64::from).unwrap_or(0.));
                        j += 1;
                    }
                    i += 2;
                } else {
                    let (Some(c_first), Some(c_last), Some(c_width)) = (number(w.get(i)), number(w.get(i + 1)), number(w.get(i + 2))) else { break };
                    // A range of more than 65536 codes is not a font's.
                    if c_first >= 0. && c_last - c_first <= 65536. {
                        for id in (c_first as i64)..=(c_last as i64) {
                            widths.insert(id as CharCode, c_width);
                        }
                    }
                    i += 3;
                }
            }
        }
        PdfCIDFont{doc, font, widths: widths.into_iter().collect(), to_unicode: unicode_map.map(|map| map.into_iter().collect()), encoding, default_width: Some(default_width as f64), embedded: std::sync::OnceLock::new() }
    }
}

impl<'a> PdfFont for PdfCIDFont<'a> {
    fn get_width(&self, id: CharCode) -> f64 {
        let width = self.widths.get(&id);
        if let Some(width) = width {
            dlog!("GetWidth {} -> {}", id, *width);
            return *width;
        } else {
            dlog!("missing width for {} falling back to default_width", id);
            return self.default_width.unwrap();
        }
    }/*
    fn decode(&self, chars: &[u8]) -> String {
        self.char_codes(chars);

        //let utf16 = Vec::new();

        let encoding = self.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
        to_utf8(encoding, chars)
    }*/

    fn next_char(&self, iter: &mut Iter<u8>) -> Option<(CharCode, u8)> {
        let mut c = *iter.next()? as u32;
        let mut code = None;
        'outer: for width in 1..=4 {
            for range in &self.encoding.codespace {
                if c as u32 >= range.start && c as u32 <= range.end && range.width == width {
                    code = Some((c as u32, width));
                    break 'outer;
                }
            }
            let next = *iter.next()?;
            c = ((c as u32) << 8) | next as u32;
        }
        let code = code?;
        for range in &self.encoding.cid {
            if code.0 >= range.src_code_lo && code.0 <= range.src_code_hi {
                return Some((code.0 + range.dst_CID_lo, code.1 as u8));
            }
        }
        None
    }
    fn decode_char(&self, char: CharCode) -> Cow<'_, str> {
        let s = self.to_unicode.as_ref().and_then(|x| x.get(&char));
        if let Some(s) = s {
            Cow::Borrowed(s.as_str())
        } else {
            // planex patch 15: the embedded program's own text for the glyph.
            let embedded = self.embedded.get_or_init(|| {
                maybe_get_array(self.doc, self.font, b"DescendantFonts")
                    .and_then(|fonts| fonts.first())
                    .and_then(|first| maybe_deref(self.doc, first).as_dict().ok())
                    .map(|descendant| embedded_cid_texts(self.doc, descendant))
                    .unwrap_or_default()
            });
            match embedded.get(&char) {
                Some(text) => Cow::Borrowed(text.as_str()),
                None => {
                    dlog!("Unknown character {:?} in {:?} {:?}", char, self.font, self.to_unicode);
                    Cow::Borrowed("")
                }
            }
        }
    }
}

impl<'a> fmt::Debug for PdfCIDFont<'a> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.font.fmt(f)
    }
}



#[derive(Copy, Clone)]
struct PdfFontDescriptor<'a> {
    desc: &'a Dictionary,
    doc: &'a Document
}

impl<'a> PdfFontDescriptor<'a> {
    #[allow(dead_code)]
    fn get_file(&self) -> Option<&'a Object> {
        maybe_get_obj(self.doc, self.desc, b"FontFile")
    }
}

impl<'a> fmt::Debug for PdfFontDescriptor<'a> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.desc.fmt(f)
    }
}

#[derive(Clone, Debug)]
struct Type0Func {
    domain: Vec<f64>,
    range: Vec<f64>,
    contents: Vec<u8>,
    size: Vec<i64>,
    bits_per_sample: i64,
    encode: Vec<f64>,
    decode: Vec<f64>,
}

#[allow(dead_code)]
fn interpolate(x: f64, x_min: f64, _x_max: f64, y_min: f64, y_max: f64) -> f64 {
    let divisor = x - x_min;
    if divisor != 0. {
        y_min + (x - x_min) * ((y_max - y_min) / divisor)
    } else {
        // (x - x_min) will be 0 which means we want to discard the interpolation
        // and arbitrarily choose y_min to match pdfium
        y_min
    }
}

impl Type0Func {
    #[allow(dead_code)]
    fn eval(&self, _input: &[f64], _output: &mut [f64]) {
        let _n_inputs = self.domain.len() / 2;
        let _n_ouputs = self.range.len() / 2;

    }
}

#[derive(Clone, Debug)]
struct Type2Func {
    c0: Option<Vec<f64>>,
    c1: Option<Vec<f64>>,
    n: f64,
}

#[derive(Clone, Debug)]
enum Function {
    Type0(Type0Func),
    Type2(Type2Func),
    #[allow(dead_code)]
    Type3,
    #[allow(dead_code)]
    Type4(Vec<u8>)
}

impl Function {
    fn new(doc: &Document, obj: &Object) -> Function {
        let dict = match obj {
            &Object::Dictionary(ref dict) => dict,
            &Object::Stream(ref stream) => &stream.dict,
            _ => panic!()
        };
        let function_type: i64 = get(doc, dict, b"FunctionType");
        let f = match function_type {
            0 => {
                // Sampled function
                let stream = match obj {
                    &Object::Stream(ref stream) => stream,
                    _ => panic!()
                };
                let range: Vec<f64> = get(doc, dict, b"Range");
                let domain: Vec<f64> = get(doc, dict, b"Domain");
                let contents = get_contents(stream);
                let size: Vec<i64> = get(doc, dict, b"Size");
                let bits_per_sample = get(doc, dict, b"BitsPerSample");
                // We ignore 'Order' like pdfium, poppler and pdf.js

                let encode = get::<Option<Vec<f64>>>(doc, dict, b"Encode");
                // maybe there's some better way to write this.
                let encode = encode.unwrap_or_else(|| {
                    let mut default = Vec::new();
                    for i in &size {
                        default.extend([0., (i - 1) as f64].iter());
                    }
                    default
                });
                let decode = get::<Option<Vec<f64>>>(doc, dict, b"Decode").unwrap_or_else(|| range.clone());

                Function::Type0(Type0Func { domain, range, size, contents, bits_per_sample, encode, decode })
            }
            2 => {
                // Exponential interpolation function
                let c0 = get::<Option<Vec<f64>>>(doc, dict, b"C0");
                let c1 = get::<Option<Vec<f64>>>(doc, dict, b"C1");
                let n = get::<f64>(doc, dict, b"N");
                Function::Type2(Type2Func { c0, c1, n})
            }
            3 => {
                // Stitching function
                Function::Type3
            }
            4 => {
                // PostScript calculator function
                let contents = match obj {
                    &Object::Stream(ref stream) => {
                        let contents = get_contents(stream);
                        warn!("unhandled type-4 function");
                        warn!("Stream: {}", String::from_utf8(contents.clone()).unwrap());
                        contents
                    }
                    _ => { panic!("type 4 functions should be streams") }
                };
                Function::Type4(contents)
            }
            _ => { panic!("unhandled function type {}", function_type) }
        };
        f
    }
}

fn as_num(o: &Object) -> f64 {
    match o {
        &Object::Integer(i) => { i as f64 }
        &Object::Real(f) => { f.into() }
        _ => { panic!("not a number") }
    }
}

// planex patch: what the content stream and the resources hold is read
// through these, which name what is wrong instead of panicking.
fn malformed(what: impl Into<String>) -> OutputError {
    OutputError::Malformed(what.into())
}

fn operand<'o>(operation: &'o Operation, index: usize) -> Result<&'o Object, OutputError> {
    operation.operands.get(index)
        .ok_or_else(|| malformed(format!("operator {} lacks operand {}", operation.operator, index + 1)))
}

fn number(operation: &Operation, object: &Object) -> Result<f64, OutputError> {
    match object {
        &Object::Integer(i) => Ok(i as f64),
        &Object::Real(f) => Ok(f.into()),
        other => Err(malformed(format!("operator {} has {} where a number belongs", operation.operator, other.enum_variant()))),
    }
}

fn num_operand(operation: &Operation, index: usize) -> Result<f64, OutputError> {
    number(operation, operand(operation, index)?)
}

fn num_operands<const N: usize>(operation: &Operation) -> Result<[f64; N], OutputError> {
    let mut values = [0.; N];
    for (index, value) in values.iter_mut().enumerate() {
        *value = num_operand(operation, index)?;
    }
    Ok(values)
}

fn name_operand<'o>(operation: &'o Operation, index: usize) -> Result<&'o [u8], OutputError> {
    let object = operand(operation, index)?;
    object.as_name().map_err(|_| malformed(format!("operator {} has {} where a name belongs", operation.operator, object.enum_variant())))
}

/// The resource `name` of `category` (`Font`, `XObject`, ...). `resources`
/// lists the resource dictionaries in force, innermost (the form being drawn)
/// last; a name a form's dictionary lacks is looked up in the enclosing ones,
/// as readers do for forms that borrow their page's fonts.
fn resource<'a>(doc: &'a Document, resources: &[&'a Dictionary], category: &[u8], name: &[u8]) -> Result<&'a Object, OutputError> {
    resources.iter().rev()
        .filter_map(|dict| maybe_get::<&Dictionary>(doc, dict, category))
        .find_map(|entries| maybe_get_obj(doc, entries, name))
        .ok_or_else(|| malformed(format!("no {} named {} in the resources", String::from_utf8_lossy(category), String::from_utf8_lossy(name))))
}

fn required<'a, T: FromObj<'a>>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Result<T, OutputError> {
    maybe_get(doc, dict, key)
        .ok_or_else(|| malformed(format!("missing or unreadable /{}", String::from_utf8_lossy(key))))
}

fn item(array: &[Object], index: usize) -> Result<&Object, OutputError> {
    array.get(index).ok_or_else(|| malformed(format!("colour space array lacks item {}", index + 1)))
}

/// planex patch: what a font dictionary says about its face, passed to
/// [`OutputDev::set_font`] before every string the font shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FontInfo {
    /// `/BaseFont`, with its subset prefix (`ABCDEF+Arial-BoldMT`) if any;
    /// empty when the dictionary has none (Type3 fonts).
    pub base_name: String,
    /// `/Flags` of the font descriptor (of the descendant font for Type0).
    pub flags: Option<i64>,
    /// `/FontWeight` of the font descriptor.
    pub weight: Option<f64>,
    /// Tells font dictionaries apart within one document: equal keys are one
    /// dictionary, whatever resource name it is selected by.
    pub key: usize,
}

impl FontInfo {
    fn new(doc: &Document, font: &Dictionary) -> FontInfo {
        let base_name = maybe_get_obj(doc, font, b"BaseFont")
            .and_then(|name| name.as_name().ok())
            .map(pdf_to_utf8)
            .unwrap_or_default();
        let descendant = maybe_get_array(doc, font, b"DescendantFonts")
            .and_then(|fonts| fonts.first())
            .and_then(|first| maybe_deref(doc, first).as_dict().ok());
        let descriptor = maybe_get_obj(doc, font, b"FontDescriptor")
            .or_else(|| descendant.and_then(|d| maybe_get_obj(doc, d, b"FontDescriptor")))
            .and_then(|d| d.as_dict().ok());
        let flags = descriptor.and_then(|d| maybe_get_obj(doc, d, b"Flags")).and_then(|f| f.as_i64().ok());
        let weight = descriptor
            .and_then(|d| maybe_get_obj(doc, d, b"FontWeight"))
            .and_then(|w| w.as_float().ok())
            .map(f64::from);
        FontInfo { base_name, flags, weight, key: font as *const Dictionary as usize }
    }
}

#[derive(Clone)]
struct TextState<'a>
{
    font: Option<Arc<dyn PdfFont + 'a>>,
    /// planex patch: the face of `font`.
    font_info: Option<Arc<FontInfo>>,
    font_size: f64,
    character_spacing: f64,
    word_spacing: f64,
    horizontal_scaling: f64,
    leading: f64,
    rise: f64,
    tm: Transform,
}

// XXX: We'd ideally implement this without having to copy the uncompressed data
fn get_contents(contents: &Stream) -> Vec<u8> {
    if contents.filters().is_ok() {
        contents.decompressed_content().unwrap_or_else(|_|contents.content.clone())
    } else {
        contents.content.clone()
    }
}

#[derive(Clone)]
struct GraphicsState<'a>
{
    ctm: Transform,
    ts: TextState<'a>,
    smask: Option<Dictionary>,
    fill_colorspace: ColorSpace,
    fill_color: Vec<f64>,
    stroke_colorspace: ColorSpace,
    stroke_color: Vec<f64>,
    line_width: f64,
    /// planex patch: the clipping region as a device-space box
    /// `[x0, y0, x1, y1]` holding every clip path set so far (`None`: the
    /// whole page); a glyph drawn outside it is not shown, so not read.
    clip: Option<[f64; 4]>,
    /// planex patch 19: the page's CropBox clipped to its MediaBox, in
    /// device space (`None`: the whole media box); a glyph entirely outside
    /// it (a printer's slug, a date by the crop marks) is not on the page.
    crop: Option<[f64; 4]>,
}

impl<'a> GraphicsState<'a> {
    /// The state a page's content starts in (planex patch: a form XObject
    /// starts in the state of the page at its `Do` instead).
    fn initial() -> GraphicsState<'a> {
        GraphicsState {
            ts: TextState {
                font: None,
                font_info: None,
                font_size: std::f64::NAN,
                character_spacing: 0.,
                word_spacing: 0.,
                horizontal_scaling: 100. / 100.,
                leading: 0.,
                rise: 0.,
                tm: Transform2D::identity(),
            },
            fill_color: Vec::new(),
            fill_colorspace: ColorSpace::DeviceGray,
            stroke_color: Vec::new(),
            stroke_colorspace: ColorSpace::DeviceGray,
            line_width: 1.,
            ctm: Transform2D::identity(),
            smask: None,
            clip: None,
            crop: None,
        }
    }
}

/// planex patch: the colour space a device colour operator sets.
fn device_colorspace(operator: &str) -> ColorSpace {
    match operator {
        "G" | "g" => ColorSpace::DeviceGray,
        "RG" | "rg" => ColorSpace::DeviceRGB,
        _ => ColorSpace::DeviceCMYK,
    }
}

fn show_text(gs: &mut GraphicsState, s: &[u8],
             _tlm: &Transform,
             _flip_ctm: &Transform,
             actual: &mut Option<ActualSpan>,
             output: &mut dyn OutputDev) -> Result<(), OutputError> {
    let ts = &mut gs.ts;
    let font = ts.font.as_ref().ok_or_else(|| malformed("text shown before any font is set"))?;
    //let encoding = font.encoding.as_ref().map(|x| &x[..]).unwrap_or(&PDFDocEncoding);
    dlog!("{:?}", font.decode(s));
    dlog!("{:?}", font.decode(s).as_bytes());
    dlog!("{:?}", s);
    if let Some(info) = &ts.font_info {
        output.set_font(info)?;
    }
    output.begin_word()?;

    for (c, length) in font.char_codes(s) {
        // 5.3.3 Text Space Details
        let tsm = Transform2D::row_major(ts.horizontal_scaling,
                                                 0.,
                                                 0.,
                                                 1.0,
                                                 0.,
                                                 ts.rise);
        // Trm = Tsm × Tm × CTM
        let trm = tsm.post_transform(&ts.tm.post_transform(&gs.ctm));
        //dlog!("ctm: {:?} tm {:?}", gs.ctm, tm);
        //dlog!("current pos: {:?}", position);
        // 5.9 Extraction of Text Content


        //dlog!("w: {}", font.widths[&(*c as i64)]);
        let w0 = font.get_width(c) / 1000.;

        let mut spacing = ts.character_spacing;
        // "Word spacing is applied to every occurrence of the single-byte character code 32 in a
        //  string when using a simple font or a composite font that defines code 32 as a
        //  single-byte code. It does not apply to occurrences of the byte value 32 in
        //  multiple-byte codes."
        let is_space = c == 32 && length == 1;
        if is_space { spacing += ts.word_spacing }

        if shown(gs.clip, &trm, w0, ts.font_size) && on_page(gs.crop, &trm, w0, ts.font_size) {
            // planex patch 19: inside a span with /ActualText, the glyphs
            // only lend their geometry to the span's text.
            match actual {
                Some(span) => span.cover(&trm, w0, spacing, ts.font_size),
                None => output.output_character(&trm, w0, spacing, ts.font_size, &font.decode_char(c))?,
            }
        }
        let tj = 0.;
        let ty = 0.;
        let tx = ts.horizontal_scaling * ((w0 - tj/1000.)* ts.font_size + spacing);
        dlog!("horizontal {} adjust {} {} {} {}", ts.horizontal_scaling, tx, w0, ts.font_size, spacing);
        // dlog!("w0: {}, tx: {}", w0, tx);
        ts.tm = ts.tm.pre_transform(&Transform2D::create_translation(tx, ty));
        let _trm = ts.tm.pre_transform(&gs.ctm);
        //dlog!("post pos: {:?}", trm);

    }
    output.end_word()?;
    Ok(())
}

/// planex patch: whether a glyph of advance `w0` (text space, per unit of
/// font size) drawn by `trm` shows inside the clip box. The point tested is
/// the middle of the glyph's advance at half the x-height (a quarter of the
/// font size above the baseline): a line cut off by a clip along its
/// baseline (a table row a browser draws again on the next page and clips
/// at the foot of this one) shows only the tops of its letters and is not
/// read, while a line the clip only grazes is.
fn shown(clip: Option<[f64; 4]>, trm: &Transform, w0: f64, font_size: f64) -> bool {
    let Some([x0, y0, x1, y1]) = clip else { return true };
    let size = if font_size.is_finite() { font_size } else { 1. };
    let point = trm.transform_point(Point2D::new(w0 * size / 2., size / 4.));
    point.x >= x0 && point.x <= x1 && point.y >= y0 && point.y <= y1
}

/// planex patch 19: whether a glyph of advance `w0` drawn by `trm` overlaps
/// the page's `crop` box at all (its box runs from a fifth of the font size
/// below the baseline to the font size above it).
fn on_page(crop: Option<[f64; 4]>, trm: &Transform, w0: f64, font_size: f64) -> bool {
    let Some([x0, y0, x1, y1]) = crop else { return true };
    let size = if font_size.is_finite() { font_size } else { 1. };
    let corners = [(0., -0.2 * size), (w0 * size, -0.2 * size), (0., size), (w0 * size, size)]
        .map(|(x, y)| trm.transform_point(Point2D::new(x, y)));
    let (mut gx0, mut gy0, mut gx1, mut gy1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in corners {
        (gx0, gy0, gx1, gy1) = (gx0.min(p.x), gy0.min(p.y), gx1.max(p.x), gy1.max(p.y));
    }
    // A glyph whose box cannot be computed is kept: only geometry proves it off the page.
    !(gx1 < x0 || gx0 > x1 || gy1 < y0 || gy0 > y1)
}

/// planex patch 19: the page's CropBox (inherited from the page tree)
/// clipped to its MediaBox; `None` when it has none or none readable.
fn crop_box(doc: &Document, page_dict: &Dictionary, media_box: &MediaBox) -> Option<[f64; 4]> {
    let [a, b, c, d]: [f64; 4] = get_inherited(doc, page_dict, b"CropBox")?;
    let crop = [
        a.min(c).max(media_box.llx.min(media_box.urx)),
        b.min(d).max(media_box.lly.min(media_box.ury)),
        a.max(c).min(media_box.llx.max(media_box.urx)),
        b.max(d).min(media_box.lly.max(media_box.ury)),
    ];
    crop.iter().all(|v| v.is_finite()).then_some(crop)
}

/// planex patch 19: a marked-content span whose /ActualText replaces the
/// Unicode of the glyphs drawn inside it (a mark in a font with no
/// ToUnicode map, a ligature, a word drawn as pictures). The span's text is
/// output once, as one glyph placed at the span's first glyph and as wide as
/// all of its glyphs together, when the span ends.
struct ActualSpan {
    text: String,
    /// The first glyph's rendering matrix, spacing and font size.
    first: Option<(Transform, f64, f64)>,
    /// The span's advance so far, in units of the first glyph's font size.
    advance: f64,
}

impl ActualSpan {
    fn new(text: String) -> ActualSpan {
        ActualSpan { text, first: None, advance: 0. }
    }

    /// Takes in the geometry of one glyph drawn inside the span.
    fn cover(&mut self, trm: &Transform, w0: f64, spacing: f64, font_size: f64) {
        let Some((first, _, first_size)) = &self.first else {
            self.first = Some((*trm, spacing, font_size));
            self.advance = w0;
            return;
        };
        let scale = first_size * first.m11.hypot(first.m12);
        let end_x = trm.m31 + w0 * font_size * trm.m11;
        let end_y = trm.m32 + w0 * font_size * trm.m12;
        let reach = (end_x - first.m31).hypot(end_y - first.m32) / scale;
        if reach.is_finite() {
            self.advance = self.advance.max(reach);
        }
    }

    /// Outputs the span's text, when a glyph of it was drawn.
    fn finish(self, output: &mut dyn OutputDev) -> Result<(), OutputError> {
        let Some((trm, spacing, font_size)) = self.first else { return Ok(()) };
        if self.text.is_empty() {
            return Ok(());
        }
        output.begin_word()?;
        output.output_character(&trm, self.advance, spacing, font_size, &self.text)?;
        output.end_word()
    }
}

/// planex patch 19: the /ActualText of a `BDC` operation's property list,
/// given inline or by name in the resources' /Properties.
fn actual_text(doc: &Document, resources: &[&Dictionary], operation: &Operation) -> Option<String> {
    let properties = match operation.operands.get(1)? {
        Object::Dictionary(dict) => dict,
        Object::Name(name) => resource(doc, resources, b"Properties", name).ok()?.as_dict().ok()?,
        _ => return None,
    };
    let value = properties.get(b"ActualText").ok()?;
    let (_, value) = doc.dereference(value).ok()?;
    match value {
        Object::String(bytes, _) => Some(text_string(bytes)),
        _ => None,
    }
}

/// planex patch 19: a PDF text string (UTF-16BE or UTF-8 after their byte
/// order marks, else PDFDocEncoding), with U+FFFD for malformed units.
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units = utf16.chunks(2).map(|pair| u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    } else if let Some(utf8) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter()
            .map(|&b| char::from_u32(u32::from(PDFDocEncoding[usize::from(b)])).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
}

/// planex patch: the device-space box of a path's points (a curve's control
/// points included, which only widens the box).
fn path_box(path: &Path, ctm: &Transform) -> Option<[f64; 4]> {
    let mut points = Vec::new();
    for op in &path.ops {
        match *op {
            PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => points.push((x, y)),
            PathOp::CurveTo(a, b, c, d, e, f) => points.extend([(a, b), (c, d), (e, f)]),
            PathOp::Rect(x, y, w, h) => points.extend([(x, y), (x + w, y), (x, y + h), (x + w, y + h)]),
            PathOp::Close => {}
        }
    }
    let mut corners = points.into_iter().map(|(x, y)| ctm.transform_point(Point2D::new(x, y)));
    let first = corners.next()?;
    Some(corners.fold([first.x, first.y, first.x, first.y], |[x0, y0, x1, y1], p| {
        [x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)]
    }))
}

#[derive(Debug, Clone, Copy)]
pub struct MediaBox {
    pub llx: f64,
    pub lly: f64,
    pub urx: f64,
    pub ury: f64
}

fn apply_state(doc: &Document, gs: &mut GraphicsState, state: &Dictionary) -> Result<(), OutputError> {
    // planex patch: a soft mask given as something else than /None or a
    // dictionary is an error, not a panic; /Type is not checked.
    for (k, v) in state.iter() {
        let k : &[u8] = k.as_ref();
        match k {
            b"SMask" => { match maybe_deref(doc, v)  {
                &Object::Name(ref name) if name == b"None" => {
                    gs.smask = None;
                }
                &Object::Dictionary(ref dict) => {
                    gs.smask = Some(dict.clone());
                }
                other => { return Err(malformed(format!("soft mask given as {}", other.enum_variant()))) }
            }}
            _ => {  dlog!("unapplied state: {:?} {:?}", k, v); }
        }
    }
    Ok(())
}

#[derive(Debug)]
pub enum PathOp {
    MoveTo(f64, f64),
    LineTo(f64, f64),
    // XXX: is it worth distinguishing the different kinds of curve ops?
    CurveTo(f64, f64, f64, f64, f64, f64),
    Rect(f64, f64, f64, f64),
    Close,
}

#[derive(Debug)]
pub struct Path {
    pub ops: Vec<PathOp>
}

impl Path {
    fn new() -> Path {
        Path { ops: Vec::new() }
    }
    fn current_point(&self) -> (f64, f64) {
        match self.ops.last().unwrap() {
            &PathOp::MoveTo(x, y) => { (x, y) }
            &PathOp::LineTo(x, y) => { (x, y) }
            &PathOp::CurveTo(_, _, _, _, x, y) => { (x, y) }
            _ => { panic!() }
        }
    }
}

#[derive(Clone, Debug)]
pub struct CalGray {
    white_point: [f64; 3],
    black_point: Option<[f64; 3]>,
    gamma: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct CalRGB {
    white_point: [f64; 3],
    black_point: Option<[f64; 3]>,
    gamma: Option<[f64; 3]>,
    matrix: Option<Vec<f64>>
}

#[derive(Clone, Debug)]
pub struct Lab {
    white_point: [f64; 3],
    black_point: Option<[f64; 3]>,
    range: Option<[f64; 4]>,
}

#[derive(Clone, Debug)]
pub enum AlternateColorSpace {
    DeviceGray,
    DeviceRGB,
    DeviceCMYK,
    CalRGB(CalRGB),
    CalGray(CalGray),
    Lab(Lab),
    ICCBased(Vec<u8>)
}

#[derive(Clone)]
pub struct Separation {
    name: String,
    alternate_space: AlternateColorSpace,
    tint_transform: Box<Function>,
}

#[derive(Clone)]
pub enum ColorSpace {
    DeviceGray,
    DeviceRGB,
    DeviceCMYK,
    DeviceN,
    Pattern,
    CalRGB(CalRGB),
    CalGray(CalGray),
    Lab(Lab),
    Separation(Separation),
    ICCBased(Vec<u8>)
}

/// planex patch: a colour space the document does not define, or defines
/// with arrays of the wrong shape, is an error, not a panic.
fn make_colorspace<'a>(doc: &'a Document, name: &[u8], resources: &[&'a Dictionary]) -> Result<ColorSpace, OutputError> {
    Ok(match name {
        b"DeviceGray" => ColorSpace::DeviceGray,
        b"DeviceRGB" => ColorSpace::DeviceRGB,
        b"DeviceCMYK" => ColorSpace::DeviceCMYK,
        b"Pattern" => ColorSpace::Pattern,
        _ => {
            let cs: &Object = resource(doc, resources, b"ColorSpace", name)?;
            if let Ok(cs) = cs.as_array() {
                let cs_name = pdf_to_utf8(item(cs, 0)?.as_name().map_err(|_| malformed("colour space array without its name"))?);
                match cs_name.as_ref() {
                    "Separation" => {
                        let name = pdf_to_utf8(item(cs, 1)?.as_name().map_err(|_| malformed("colour space array without its name"))?);
                        let alternate_space = match &maybe_deref(doc, item(cs, 2)?) {
                            Object::Name(name) => {
                                match &name[..] {
                                    b"DeviceGray" => AlternateColorSpace::DeviceGray,
                                    b"DeviceRGB" => AlternateColorSpace::DeviceRGB,
                                    b"DeviceCMYK" => AlternateColorSpace::DeviceCMYK,
                                    _ => return Err(malformed("unexpected color space name"))
                                }
                            }
                            Object::Array(cs) => {
                                let cs_name = pdf_to_utf8(item(cs, 0)?.as_name().map_err(|_| malformed("colour space array without its name"))?);
                                match cs_name.as_ref() {
                                    "ICCBased" => {
                                        let stream = maybe_deref(doc, item(cs, 1)?).as_stream().map_err(|_| malformed("ICCBased colour space without its stream"))?;
                                        dlog!("ICCBased {:?}", stream);
                                        // XXX: we're going to be continually decompressing everytime this object is referenced
                                        AlternateColorSpace::ICCBased(get_contents(stream))
                                    }
                                    "CalGray" => {
                                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                                        AlternateColorSpace::CalGray(CalGray {
                                            white_point: required(doc, dict, b"WhitePoint")?,
                                            black_point: maybe_get(doc, dict, b"BackPoint"),
                                            gamma: maybe_get(doc, dict, b"Gamma"),
                                        })
                                    }
                                    "CalRGB" => {
                                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                                        AlternateColorSpace::CalRGB(CalRGB {
                                            white_point: required(doc, dict, b"WhitePoint")?,
                                            black_point: maybe_get(doc, dict, b"BackPoint"),
                                            gamma: maybe_get(doc, dict, b"Gamma"),
                                            matrix: maybe_get(doc, dict, b"Matrix"),
                                        })
                                    }
                                    "Lab" => {
                                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                                        AlternateColorSpace::Lab(Lab {
                                            white_point: required(doc, dict, b"WhitePoint")?,
                                            black_point: maybe_get(doc, dict, b"BackPoint"),
                                            range: maybe_get(doc, dict, b"Range"),
                                        })
                                    }
                                    _ => return Err(malformed("Unexpected color space name"))
                                }
                            }
                            other => return Err(malformed(format!("alternate colour space given as {}", other.enum_variant())))
                        };
                        let tint_transform = Box::new(Function::new(doc, maybe_deref(doc, item(cs, 3)?)));

                        dlog!("{:?} {:?} {:?}", name, alternate_space, tint_transform);
                        ColorSpace::Separation(Separation{ name, alternate_space, tint_transform})
                    }
                    "ICCBased" => {
                        let stream = maybe_deref(doc, item(cs, 1)?).as_stream().map_err(|_| malformed("ICCBased colour space without its stream"))?;
                        dlog!("ICCBased {:?}", stream);
                        // XXX: we're going to be continually decompressing everytime this object is referenced
                        ColorSpace::ICCBased(get_contents(stream))
                    }
                    "CalGray" => {
                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                        ColorSpace::CalGray(CalGray {
                            white_point: required(doc, dict, b"WhitePoint")?,
                            black_point: maybe_get(doc, dict, b"BackPoint"),
                            gamma: maybe_get(doc, dict, b"Gamma"),
                        })
                    }
                    "CalRGB" => {
                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                        ColorSpace::CalRGB(CalRGB {
                            white_point: required(doc, dict, b"WhitePoint")?,
                            black_point: maybe_get(doc, dict, b"BackPoint"),
                            gamma: maybe_get(doc, dict, b"Gamma"),
                            matrix: maybe_get(doc, dict, b"Matrix"),
                        })
                    }
                    "Lab" => {
                        let dict = item(cs, 1)?.as_dict().map_err(|_| malformed("colour space without its dictionary"))?;
                        ColorSpace::Lab(Lab {
                            white_point: required(doc, dict, b"WhitePoint")?,
                            black_point: maybe_get(doc, dict, b"BackPoint"),
                            range: maybe_get(doc, dict, b"Range"),
                        })
                    }
                    "Pattern" => {
                        ColorSpace::Pattern
                    },
                    "DeviceGray" => ColorSpace::DeviceGray,
                    "DeviceRGB" => ColorSpace::DeviceRGB,
                    "DeviceCMYK" => ColorSpace::DeviceCMYK,
                    "DeviceN" => ColorSpace::DeviceN,
                    _ => {
                        return Err(malformed(format!("color_space {:?} {:?} {:?}", name, cs_name, cs)))
                    }
                }
            } else if let Ok(cs) = cs.as_name() {
                match pdf_to_utf8(cs).as_ref() {
                    "DeviceRGB" => ColorSpace::DeviceRGB,
                    "DeviceGray" => ColorSpace::DeviceGray,
                    _ => return Err(malformed("unknown colour space"))
                }
            } else {
                return Err(malformed("unknown colour space"));
            }
        }
    })
}

struct Processor<'a, 'c> {
    // Keyed by the font dictionary's address in the document, not by its
    // resource name: names such as /F0 are only unique within one resource
    // dictionary, while a dictionary borrowed from `doc` is the same font for
    // as long as `doc` lives. Fonts (and their ToUnicode CMaps) are then built
    // once per document instead of once per page.
    font_table: HashMap<*const Dictionary, Font<'a>>,
    /// planex patch 12: the fonts of the other threads reading this document.
    shared: Option<&'c FontCache<'a>>,
    /// planex patch 19: the span with /ActualText being drawn, if any.
    actual: Option<ActualSpan>,
}

/// A font and what the `OutputDev` learns of it.
type Font<'a> = (Arc<dyn PdfFont + 'a>, Arc<FontInfo>);

/// planex patch 12: the fonts built for one document, shared by the threads
/// that each read a share of its pages (see [`output_doc_pages`]): each
/// font, and its ToUnicode CMap, is parsed once per document, not once per
/// thread. Keyed like [`Processor::font_table`], by dictionary address.
pub struct FontCache<'a>(Mutex<HashMap<usize, Font<'a>>>);

impl<'a> FontCache<'a> {
    pub fn new() -> Self {
        FontCache(Mutex::new(HashMap::new()))
    }

    /// The font of `font`, built by whichever thread asked first. A thread
    /// that panicked while building leaves no entry behind, so the lock's
    /// poison is ignored.
    fn font(&self, doc: &'a Document, font: &'a Dictionary) -> Font<'a> {
        let mut fonts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        fonts.entry(font as *const Dictionary as usize)
            .or_insert_with(|| (make_font(doc, font), Arc::new(FontInfo::new(doc, font))))
            .clone()
    }
}

impl<'a, 'c> Processor<'a, 'c> {
    fn new() -> Processor<'a, 'c> {
        Processor { font_table: HashMap::new(), shared: None, actual: None }
    }

    /// planex patch: `resources` are the resource dictionaries in force,
    /// innermost last (see [`resource`]).
    fn process_stream(&mut self, doc: &'a Document, content: Vec<u8>, resources: &[&'a Dictionary], media_box: &MediaBox, output: &mut dyn OutputDev, page_num: u32, mut gs: GraphicsState<'a>) -> Result<(), OutputError> {
        // planex patch 11: see `content`.
        let content = content::decode(&content)?;
        //let mut ts = &mut gs.ts;
        let mut gs_stack = Vec::new();
        let mut mc_stack = Vec::new();
        // XXX: replace tlm with a point for text start
        let mut tlm = Transform2D::identity();
        let mut path = Path::new();
        let flip_ctm = Transform2D::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        dlog!("MediaBox {:?}", media_box);
        for operation in content.iter() {
            let operation = &operation;
            //dlog!("op: {:?}", operation);

            match operation.operator {
                "BT" => {
                    tlm = Transform2D::identity();
                    gs.ts.tm = tlm;
                }
                "ET" => {
                    tlm = Transform2D::identity();
                    gs.ts.tm = tlm;
                }
                "cm" => {
                    let m = Transform2D::row_major(num_operand(operation, 0)?,
                                                   num_operand(operation, 1)?,
                                                   num_operand(operation, 2)?,
                                                   num_operand(operation, 3)?,
                                                   num_operand(operation, 4)?,
                                                   num_operand(operation, 5)?);
                    gs.ctm = gs.ctm.pre_transform(&m);
                    dlog!("matrix {:?}", gs.ctm);
                }
                "CS" => {
                    let name = name_operand(operation, 0)?;
                    gs.stroke_colorspace = make_colorspace(doc, name, resources)?;
                }
                "cs" => {
                    let name = name_operand(operation, 0)?;
                    gs.fill_colorspace = make_colorspace(doc, name, resources)?;
                }
                "SC" | "SCN" => {
                    gs.stroke_color = match gs.stroke_colorspace {
                        ColorSpace::Pattern => { dlog!("unhandled pattern color"); Vec::new() }
                        _ => { operation.operands.iter().map(|x| number(operation, x)).collect::<Result<_, _>>()? }
                    };
                }
                "sc" | "scn" => {
                    gs.fill_color = match gs.fill_colorspace {
                        ColorSpace::Pattern => { dlog!("unhandled pattern color"); Vec::new() }
                        _ => { operation.operands.iter().map(|x| number(operation, x)).collect::<Result<_, _>>()? }
                    };
                }
                // planex patch: device colours set the colour passed to fill and stroke.
                "G" | "RG" | "K" => {
                    gs.stroke_colorspace = device_colorspace(&operation.operator);
                    gs.stroke_color = operation.operands.iter().map(|x| number(operation, x)).collect::<Result<_, _>>()?;
                }
                "g" | "rg" | "k" => {
                    gs.fill_colorspace = device_colorspace(&operation.operator);
                    gs.fill_color = operation.operands.iter().map(|x| number(operation, x)).collect::<Result<_, _>>()?;
                }
                "TJ" => {
                    match *operand(operation, 0)? {
                        Object::Array(ref array) => {
                            for e in array {
                                match e {
                                    &Object::String(ref s, _) => {
                                        show_text(&mut gs, s, &tlm, &flip_ctm, &mut self.actual, output)?;
                                    }
                                    &Object::Integer(i) => {
                                        let ts = &mut gs.ts;
                                        let w0 = 0.;
                                        let tj = i as f64;
                                        let ty = 0.;
                                        let tx = ts.horizontal_scaling * ((w0 - tj / 1000.) * ts.font_size);
                                        ts.tm = ts.tm.pre_transform(&Transform2D::create_translation(tx, ty));
                                        dlog!("adjust text by: {} {:?}", i, ts.tm);
                                    }
                                    &Object::Real(i) => {
                                        let ts = &mut gs.ts;
                                        let w0 = 0.;
                                        let tj = i as f64;
                                        let ty = 0.;
                                        let tx = ts.horizontal_scaling * ((w0 - tj / 1000.) * ts.font_size);
                                        ts.tm = ts.tm.pre_transform(&Transform2D::create_translation(tx, ty));
                                        dlog!("adjust text by: {} {:?}", i, ts.tm);
                                    }
                                    _ => { dlog!("kind of {:?}", e); }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                "Tj" => {
                    match *operand(operation, 0)? {
                        Object::String(ref s, _) => {
                            show_text(&mut gs, s, &tlm, &flip_ctm, &mut self.actual, output)?;
                        }
                        ref other => { return Err(malformed(format!("operator Tj has {} where a string belongs", other.enum_variant()))) }
                    }
                }
                "Tc" => {
                    gs.ts.character_spacing = num_operand(operation, 0)?;
                }
                "Tw" => {
                    gs.ts.word_spacing = num_operand(operation, 0)?;
                }
                "Tz" => {
                    gs.ts.horizontal_scaling = num_operand(operation, 0)? / 100.;
                }
                "TL" => {
                    gs.ts.leading = num_operand(operation, 0)?;
                }
                "Tf" => {
                    let name = name_operand(operation, 0)?;
                    let font_dict = resource(doc, resources, b"Font", name)?.as_dict()
                        .map_err(|_| malformed(format!("font {} is not a dictionary", String::from_utf8_lossy(name))))?;
                    let shared = self.shared;
                    let (font, info) = self.font_table.entry(font_dict as *const Dictionary).or_insert_with(|| match shared {
                        Some(shared) => shared.font(doc, font_dict),
                        None => (make_font(doc, font_dict), Arc::new(FontInfo::new(doc, font_dict))),
                    }).clone();
                    {
                        /*let file = font.get_descriptor().and_then(|desc| desc.get_file());
                    if let Some(file) = file {
                        let file_contents = filter_data(file.as_stream().unwrap());
                        let mut cursor = Cursor::new(&file_contents[..]);
                        //let f = Font::read(&mut cursor);
                        //dlog!("font file: {:?}", f);
                    }*/
                    }
                    gs.ts.font = Some(font);
                    gs.ts.font_info = Some(info);

                    gs.ts.font_size = num_operand(operation, 1)?;
                    dlog!("font {} size: {} {:?}", pdf_to_utf8(name), gs.ts.font_size, operation);
                }
                "Ts" => {
                    gs.ts.rise = num_operand(operation, 0)?;
                }
                "Tm" => {
                    tlm = Transform2D::row_major(num_operand(operation, 0)?,
                                                 num_operand(operation, 1)?,
                                                 num_operand(operation, 2)?,
                                                 num_operand(operation, 3)?,
                                                 num_operand(operation, 4)?,
                                                 num_operand(operation, 5)?);
                    gs.ts.tm = tlm;
                    dlog!("Tm: matrix {:?}", gs.ts.tm);
                    output.end_line()?;
                }
                "Td" => {
                    /* Move to the start of the next line, offset from the start of the current line by (tx , ty ).
                   tx and ty are numbers expressed in unscaled text space units.
                   More precisely, this operator performs the following assignments:
                 */
                    let tx = num_operand(operation, 0)?;
                    let ty = num_operand(operation, 1)?;
                    dlog!("translation: {} {}", tx, ty);

                    tlm = tlm.pre_transform(&Transform2D::create_translation(tx, ty));
                    gs.ts.tm = tlm;
                    dlog!("Td matrix {:?}", gs.ts.tm);
                    output.end_line()?;
                }

                "TD" => {
                    /* Move to the start of the next line, offset from the start of the current line by (tx , ty ).
                   As a side effect, this operator sets the leading parameter in the text state.
                 */
                    let tx = num_operand(operation, 0)?;
                    let ty = num_operand(operation, 1)?;
                    dlog!("translation: {} {}", tx, ty);
                    gs.ts.leading = -ty;

                    tlm = tlm.pre_transform(&Transform2D::create_translation(tx, ty));
                    gs.ts.tm = tlm;
                    dlog!("TD matrix {:?}", gs.ts.tm);
                    output.end_line()?;
                }

                "T*" => {
                    let tx = 0.0;
                    let ty = -gs.ts.leading;

                    tlm = tlm.pre_transform(&Transform2D::create_translation(tx, ty));
                    gs.ts.tm = tlm;
                    dlog!("T* matrix {:?}", gs.ts.tm);
                    output.end_line()?;
                }
                // planex patch: the quote operators move to the next line
                // (`T*`) and show their string; `"` also sets the word and
                // character spacing first (ISO 32000-1, table 109).
                "'" | "\"" => {
                    let text = if operation.operator == "\"" {
                        gs.ts.word_spacing = num_operand(operation, 0)?;
                        gs.ts.character_spacing = num_operand(operation, 1)?;
                        2
                    } else {
                        0
                    };
                    tlm = tlm.pre_transform(&Transform2D::create_translation(0.0, -gs.ts.leading));
                    gs.ts.tm = tlm;
                    output.end_line()?;
                    match *operand(operation, text)? {
                        Object::String(ref s, _) => {
                            show_text(&mut gs, s, &tlm, &flip_ctm, &mut self.actual, output)?;
                        }
                        ref other => { return Err(malformed(format!("operator {} has {} where a string belongs", operation.operator, other.enum_variant()))) }
                    }
                }
                "q" => { gs_stack.push(gs.clone()); }
                "Q" => {
                    let s = gs_stack.pop();
                    if let Some(s) = s {
                        gs = s;
                    } else {
                        warn!("No state to pop");
                    }
                }
                "gs" => {
                    let name = name_operand(operation, 0)?;
                    let state = resource(doc, resources, b"ExtGState", name)?.as_dict()
                        .map_err(|_| malformed(format!("graphics state {} is not a dictionary", String::from_utf8_lossy(name))))?;
                    apply_state(doc, &mut gs, state)?;
                }
                "i" => { dlog!("unhandled graphics state flattness operator {:?}", operation); }
                "w" => { gs.line_width = num_operand(operation, 0)?; }
                "J" | "j" | "M" | "d" | "ri"  => { dlog!("unknown graphics state operator {:?}", operation); }
                "m" => { path.ops.push(PathOp::MoveTo(num_operand(operation, 0)?, num_operand(operation, 1)?)) }
                "l" => { path.ops.push(PathOp::LineTo(num_operand(operation, 0)?, num_operand(operation, 1)?)) }
                "c" => {
                    path.ops.push(PathOp::CurveTo(
                        num_operand(operation, 0)?,
                        num_operand(operation, 1)?,
                        num_operand(operation, 2)?,
                        num_operand(operation, 3)?,
                        num_operand(operation, 4)?,
                        num_operand(operation, 5)?))
                }
                "v" => {
                    let (x, y) = path.current_point();
                    path.ops.push(PathOp::CurveTo(
                        x,
                        y,
                        num_operand(operation, 0)?,
                        num_operand(operation, 1)?,
                        num_operand(operation, 2)?,
                        num_operand(operation, 3)?))
                }
                "y" => {
                    path.ops.push(PathOp::CurveTo(
                        num_operand(operation, 0)?,
                        num_operand(operation, 1)?,
                        num_operand(operation, 2)?,
                        num_operand(operation, 3)?,
                        num_operand(operation, 2)?,
                        num_operand(operation, 3)?))
                }
                "h" => { path.ops.push(PathOp::Close) }
                "re" => {
                    path.ops.push(PathOp::Rect(num_operand(operation, 0)?,
                                               num_operand(operation, 1)?,
                                               num_operand(operation, 2)?,
                                               num_operand(operation, 3)?))
                }
                // planex patch: every painting operator paints and ends the
                // path (upstream ignored s, f*, B, B*, b and b*, and their
                // paths ran on into the next one).
                "S" | "s" => {
                    if operation.operator == "s" { path.ops.push(PathOp::Close) }
                    output.stroke_with_width(&gs.ctm, &gs.stroke_colorspace, &gs.stroke_color, gs.line_width, &path)?;
                    path.ops.clear();
                }
                "F" | "f" | "f*" => {
                    output.fill(&gs.ctm, &gs.fill_colorspace, &gs.fill_color, &path)?;
                    path.ops.clear();
                }
                "B" | "B*" | "b" | "b*" => {
                    if operation.operator.starts_with('b') { path.ops.push(PathOp::Close) }
                    output.fill(&gs.ctm, &gs.fill_colorspace, &gs.fill_color, &path)?;
                    output.stroke_with_width(&gs.ctm, &gs.stroke_colorspace, &gs.stroke_color, gs.line_width, &path)?;
                    path.ops.clear();
                }
                // planex patch: a clip path narrows the clipping box (upstream
                // ignored clipping, and misspelt `W*`); the box is kept with
                // the graphics state, so `Q` restores it.
                "W" | "W*" => {
                    if let Some([x0, y0, x1, y1]) = path_box(&path, &gs.ctm) {
                        gs.clip = Some(match gs.clip {
                            Some([a, b, c, d]) => [x0.max(a), y0.max(b), x1.min(c), y1.min(d)],
                            None => [x0, y0, x1, y1],
                        });
                    }
                }
                "n" => {
                    dlog!("discard {:?}", path);
                    path.ops.clear();
                }
                // planex patch 19: a span with /ActualText begins (an outer
                // span's text already covers the spans inside it).
                "BMC" | "BDC" => {
                    let starts = self.actual.is_none() && operation.operator == "BDC";
                    let span = starts.then(|| actual_text(doc, resources, operation)).flatten();
                    mc_stack.push(span.is_some());
                    if let Some(text) = span {
                        self.actual = Some(ActualSpan::new(text));
                    }
                }
                "EMC" => {
                    if mc_stack.pop() == Some(true) {
                        if let Some(span) = self.actual.take() {
                            span.finish(output)?;
                        }
                    }
                }
                "Do" => {
                    // `Do` process an entire subdocument, so we do a recursive call to `process_stream`
                    // with the subdocument content and resources
                    let name = name_operand(operation, 0)?;
                    let xf = resource(doc, resources, b"XObject", name)?.as_stream()
                        .map_err(|_| malformed(format!("XObject {} is not a stream", String::from_utf8_lossy(name))))?;
                    // planex patch: only form XObjects hold content (an image's
                    // samples are not operators), and a form is drawn in its
                    // own graphics state, with its /Matrix applied.
                    if maybe_get_name(doc, &xf.dict, b"Subtype").is_some_and(|subtype| subtype != b"Form") {
                        continue;
                    }
                    let mut resources = resources.to_vec();
                    resources.extend(maybe_get_obj(&doc, &xf.dict, b"Resources").and_then(|n| n.as_dict().ok()));
                    let contents = get_contents(xf);
                    let mut form_gs = gs.clone();
                    if let Some(m) = maybe_get::<Vec<f64>>(doc, &xf.dict, b"Matrix").filter(|m| m.len() == 6) {
                        form_gs.ctm = form_gs.ctm.pre_transform(&Transform2D::row_major(m[0], m[1], m[2], m[3], m[4], m[5]));
                    }
                    self.process_stream(&doc, contents, &resources, &media_box, output, page_num, form_gs)?;
                }
                _ => { dlog!("unknown operation {:?}", operation); }

            }
        }
        Ok(())
    }
}


pub trait OutputDev {
    fn begin_page(&mut self, page_num: u32, media_box: &MediaBox, art_box: Option<(f64, f64, f64, f64)>)-> Result<(), OutputError>;
    fn end_page(&mut self)-> Result<(), OutputError>;
    fn output_character(&mut self, trm: &Transform, width: f64, spacing: f64, font_size: f64, char: &str) -> Result<(), OutputError>;
    fn begin_word(&mut self)-> Result<(), OutputError>;
    fn end_word(&mut self)-> Result<(), OutputError>;
    fn end_line(&mut self)-> Result<(), OutputError>;
    fn stroke(&mut self, _ctm: &Transform, _colorspace: &ColorSpace, _color: &[f64], _path: &Path)-> Result<(), OutputError> {Ok(())}
    fn fill(&mut self, _ctm: &Transform, _colorspace: &ColorSpace, _color: &[f64], _path: &Path)-> Result<(), OutputError> {Ok(())}
    /// planex patch: `stroke` with the line width (in the units of `ctm`'s
    /// input space); by default, `stroke`.
    fn stroke_with_width(&mut self, ctm: &Transform, colorspace: &ColorSpace, color: &[f64], _line_width: f64, path: &Path)-> Result<(), OutputError> {
        self.stroke(ctm, colorspace, color, path)
    }
    /// planex patch: the font of the glyphs of the next string shown.
    fn set_font(&mut self, _font: &FontInfo) -> Result<(), OutputError> {Ok(())}
}


pub struct HTMLOutput<'a>  {
    file: &'a mut dyn std::io::Write,
    flip_ctm: Transform,
    last_ctm: Transform,
    buf_ctm: Transform,
    buf_font_size: f64,
    buf: String
}

fn insert_nbsp(input: &str) -> String {
    let mut result = String::new();
    let mut word_end = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            if !word_end || chars.peek().filter(|x| **x != ' ').is_none() {
                result += "&nbsp;";
            } else {
                result += " ";
            }
            word_end = false;
        } else {
            word_end = true;
            result.push(c);
        }
    }
    result
}

impl<'a> HTMLOutput<'a> {
    pub fn new(file: &mut dyn std::io::Write) -> HTMLOutput {
        HTMLOutput {
            file,
            flip_ctm: Transform2D::identity(),
            last_ctm: Transform2D::identity(),
            buf_ctm: Transform2D::identity(),
            buf: String::new(),
            buf_font_size: 0.,
        }
    }
    fn flush_string(&mut self) -> Result<(), OutputError>{
        if self.buf.len() != 0 {

            let position = self.buf_ctm.post_transform(&self.flip_ctm);
            let transformed_font_size_vec = self.buf_ctm.transform_vector(vec2(self.buf_font_size, self.buf_font_size));
            // get the length of one sized of the square with the same area with a rectangle of size (x, y)
            let transformed_font_size = (transformed_font_size_vec.x * transformed_font_size_vec.y).sqrt();
            let (x, y) = (position.m31, position.m32);
            warn!("flush {} {:?}", self.buf, (x,y));

            write!(self.file, "<div style='position: absolute; left: {}px; top: {}px; font-size: {}px'>{}</div>\n",
                   x, y, transformed_font_size, insert_nbsp(&self.buf))?;
        }
        Ok(())
    }
}

type ArtBox = (f64, f64, f64, f64);

impl<'a> OutputDev for HTMLOutput<'a> {
    fn begin_page(&mut self, page_num: u32, media_box: &MediaBox, _: Option<ArtBox>) -> Result<(), OutputError> {
        write!(self.file, "<meta charset='utf-8' /> ")?;
        write!(self.file, "<!-- page {} -->", page_num)?;
        write!(self.file, "<div id='page{}' style='position: relative; height: {}px; width: {}px; border: 1px black solid'>", page_num, media_box.ury - media_box.lly, media_box.urx - media_box.llx)?;
        self.flip_ctm = Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush_string()?;
        self.buf = String::new();
        self.last_ctm = Transform::identity();
        write!(self.file, "</div>")?;
        Ok(())
    }
    fn output_character(&mut self, trm: &Transform, width: f64, spacing: f64, font_size: f64, char: &str) -> Result<(), OutputError>{
        if trm.approx_eq(&self.last_ctm) {
            let position = trm.post_transform(&self.flip_ctm);
            let (x, y) = (position.m31, position.m32);

            warn!("accum {} {:?}", char, (x,y));
            self.buf += char;
        } else {
            warn!("flush {} {:?} {:?} {} {} {}", char, trm, self.last_ctm, width, font_size, spacing);
            self.flush_string()?;
            self.buf = char.to_owned();
            self.buf_font_size = font_size;
            self.buf_ctm = *trm;
        }
        let position = trm.post_transform(&self.flip_ctm);
        let transformed_font_size_vec = trm.transform_vector(vec2(font_size, font_size));
        // get the length of one sized of the square with the same area with a rectangle of size (x, y)
        let transformed_font_size = (transformed_font_size_vec.x * transformed_font_size_vec.y).sqrt();
        let (x, y) = (position.m31, position.m32);
        write!(self.file, "<div style='position: absolute; color: red; left: {}px; top: {}px; font-size: {}px'>{}</div>",
               x, y, transformed_font_size, char)?;
        self.last_ctm = trm.pre_transform(&Transform2D::create_translation(width * font_size + spacing, 0.));

        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {Ok(())}
    fn end_word(&mut self) -> Result<(), OutputError> {Ok(())}
    fn end_line(&mut self) -> Result<(), OutputError> {Ok(())}
}

pub struct SVGOutput<'a>  {
    file: &'a mut dyn std::io::Write
}
impl<'a> SVGOutput<'a> {
    pub fn new(file: &mut dyn std::io::Write) -> SVGOutput {
        SVGOutput{file}
    }
}

impl<'a> OutputDev for SVGOutput<'a> {
    fn begin_page(&mut self, _page_num: u32, media_box: &MediaBox, art_box: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        let ver = 1.1;
        write!(self.file, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n")?;
        if ver == 1.1 {
            write!(self.file, r#"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">"#)?;
        } else {
            write!(self.file, r#"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">"#)?;
        }
        if let Some(art_box) = art_box {
            let width = art_box.2 - art_box.0;
            let height = art_box.3 - art_box.1;
            let y = media_box.ury - art_box.1 - height;
            write!(self.file, "<svg width=\"{}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" version=\"{}\" viewBox='{} {} {} {}'>", width, height, ver, art_box.0, y, width, height)?;
        } else {
            let width = media_box.urx - media_box.llx;
            let height = media_box.ury - media_box.lly;
            write!(self.file, "<svg width=\"{}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" version=\"{}\" viewBox='{} {} {} {}'>", width, height, ver, media_box.llx, media_box.lly, width, height)?;
        }
        write!(self.file, "\n")?;
        type Mat = Transform;

        let ctm = Mat::create_scale(1., -1.).post_translate(vec2(0., media_box.ury));
        write!(self.file, "<g transform='matrix({}, {}, {}, {}, {}, {})'>\n",
               ctm.m11,
               ctm.m12,
               ctm.m21,
               ctm.m22,
               ctm.m31,
               ctm.m32,
        )?;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError>{
        write!(self.file, "</g>\n")?;
        write!(self.file, "</svg>")?;
        Ok(())
    }
    fn output_character(&mut self, _trm: &Transform, _width: f64, _spacing: f64, _font_size: f64, _char: &str) -> Result<(), OutputError>{
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {Ok(())}
    fn end_word(&mut self) -> Result<(), OutputError> {Ok(())}
    fn end_line(&mut self) -> Result<(), OutputError> {Ok(())}
    fn fill(&mut self, ctm: &Transform, _colorspace: &ColorSpace, _color: &[f64], path: &Path) -> Result<(), OutputError>{
        write!(self.file, "<g transform='matrix({}, {}, {}, {}, {}, {})'>",
               ctm.m11,
               ctm.m12,
               ctm.m21,
               ctm.m22,
               ctm.m31,
               ctm.m32,
        )?;

        /*if path.ops.len() == 1 {
            if let PathOp::Rect(x, y, width, height) = path.ops[0] {
                write!(self.file, "<rect x={} y={} width={} height={} />\n", x, y, width, height);
                write!(self.file, "</g>");
                return;
            }
        }*/
        let mut d = Vec::new();
        for op in &path.ops {
            match op {
                &PathOp::MoveTo(x, y) => { d.push(format!("M{} {}", x, y))}
                &PathOp::LineTo(x, y) => { d.push(format!("L{} {}", x, y))},
                &PathOp::CurveTo(x1, y1, x2, y2, x, y) => { d.push(format!("C{} {} {} {} {} {}", x1, y1, x2, y2, x, y))},
                &PathOp::Close => { d.push(format!("Z"))},
                &PathOp::Rect(x, y, width, height) => {
                    d.push(format!("M{} {}", x, y));
                    d.push(format!("L{} {}", x + width, y));
                    d.push(format!("L{} {}", x + width, y + height));
                    d.push(format!("L{} {}", x, y + height));
                    d.push(format!("Z"));
                }

            }
        }
        write!(self.file, "<path d='{}' />", d.join(" "))?;
        write!(self.file, "</g>")?;
        write!(self.file, "\n")?;
        Ok(())
    }
}

/*
File doesn't implement std::fmt::Write so we have
to do some gymnastics to accept a File or String
See https://github.com/rust-lang/rust/issues/51305
*/

pub trait ConvertToFmt {
    type Writer: std::fmt::Write;
    fn convert(self) -> Self::Writer;
}

impl<'a> ConvertToFmt for &'a mut String {
    type Writer = &'a mut String;
    fn convert(self) -> Self::Writer {
        self
    }
}

pub struct WriteAdapter<W> {
    f: W,
}

impl<W: std::io::Write> std::fmt::Write for WriteAdapter<W> {
    fn write_str(&mut self, s: &str) -> Result<(), std::fmt::Error> {
        self.f.write_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl<'a> ConvertToFmt for &'a mut dyn std::io::Write {
    type Writer = WriteAdapter<Self>;
    fn convert(self) -> Self::Writer {
        WriteAdapter { f: self }
    }
}

impl<'a> ConvertToFmt for &'a mut File {
    type Writer = WriteAdapter<Self>;
    fn convert(self) -> Self::Writer {
        WriteAdapter { f: self }
    }
}

pub struct PlainTextOutput<W: ConvertToFmt>   {
    writer: W::Writer,
    last_end: f64,
    last_y: f64,
    first_char: bool,
    flip_ctm: Transform,
}

impl<W: ConvertToFmt> PlainTextOutput<W> {
    pub fn new(writer: W) -> PlainTextOutput<W> {
        PlainTextOutput{
            writer: writer.convert(),
            last_end: 100000.,
            first_char: false,
            last_y: 0.,
            flip_ctm: Transform2D::identity(),
        }
    }
}

/* There are some structural hints that PDFs can use to signal word and line endings:
 * however relying on these is not likely to be sufficient. */
impl<W: ConvertToFmt> OutputDev for PlainTextOutput<W> {
    fn begin_page(&mut self, _page_num: u32, media_box: &MediaBox, _: Option<ArtBox>) -> Result<(), OutputError> {
        self.flip_ctm = Transform2D::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(&mut self, trm: &Transform, width: f64, _spacing: f64, font_size: f64, char: &str) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip_ctm);
        let transformed_font_size_vec = trm.transform_vector(vec2(font_size, font_size));
        // get the length of one sized of the square with the same area with a rectangle of size (x, y)
        let transformed_font_size = (transformed_font_size_vec.x*transformed_font_size_vec.y).sqrt();
        let (x, y) = (position.m31, position.m32);
        use std::fmt::Write;
        //dlog!("last_end: {} x: {}, width: {}", self.last_end, x, width);
        if self.first_char {
            if (y - self.last_y).abs() > transformed_font_size * 1.5 {
                write!(self.writer, "\n")?;
            }

            // we've moved to the left and down
            if x < self.last_end && (y - self.last_y).abs() > transformed_font_size * 0.5 {
                write!(self.writer, "\n")?;
            }

            if x > self.last_end + transformed_font_size * 0.1 {
                dlog!("width: {}, space: {}, thresh: {}", width, x - self.last_end, transformed_font_size * 0.1);
                write!(self.writer, " ")?;
            }
        }
        //let norm = unicode_normalization::UnicodeNormalization::nfkc(char);
        write!(self.writer, "{}", char)?;
        self.first_char = false;
        self.last_y = y;
        self.last_end = x + width * transformed_font_size;
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.first_char = true;
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {Ok(())}
    fn end_line(&mut self) -> Result<(), OutputError>{
        //write!(self.file, "\n");
        Ok(())
    }
}


pub fn print_metadata(doc: &Document) {
    dlog!("Version: {}", doc.version);
    if let Some(ref info) = get_info(&doc) {
        for (k, v) in *info {
            match v {
                &Object::String(ref s, StringFormat::Literal) => { dlog!("{}: {}", pdf_to_utf8(k), pdf_to_utf8(s)); }
                _ => {}
            }
        }
    }
    dlog!("Page count: {}", get::<i64>(&doc, &get_pages(&doc), b"Count"));
    dlog!("Pages: {:?}", get_pages(&doc));
    dlog!("Type: {:?}", get_pages(&doc).get(b"Type").and_then(|x| x.as_name()).unwrap());
}

/// Extract the text from a pdf at `path` and return a `String` with the results
pub fn extract_text<P: std::convert::AsRef<std::path::Path>>(path: P) -> Result<String, OutputError> {
    let mut s = String::new();
    {
        let mut output = PlainTextOutput::new(&mut s);
        let mut doc = Document::load(path)?;
        maybe_decrypt(&mut doc)?;
        output_doc(&doc, &mut output)?;
    }
    Ok(s)
}

fn maybe_decrypt(doc: &mut Document) -> Result<(), OutputError> {
    if ! doc.is_encrypted() {
        return Ok(());
    }

    if let Err(e) = doc.decrypt("") {
        if let Error::Decryption(DecryptionError::IncorrectPassword) = e {
            error!("Encrypted documents must be decrypted with a password using {{extract_text|extract_text_from_mem|output_doc}}_encrypted")
        }

        return Err(OutputError::PdfError(e));
    }

    Ok(())
}

pub fn extract_text_encrypted<P: std::convert::AsRef<std::path::Path>>(
    path: P,
    password: &str,
) -> Result<String, OutputError> {
    let mut s = String::new();
    {
        let mut output = PlainTextOutput::new(&mut s);
        let mut doc = Document::load(path)?;
        output_doc_encrypted(&mut doc, &mut output, password)?;
    }
    Ok(s)
}

pub fn extract_text_from_mem(buffer: &[u8]) -> Result<String, OutputError> {
    let mut s = String::new();
    {
        let mut output = PlainTextOutput::new(&mut s);
        let mut doc = Document::load_mem(buffer)?;
        maybe_decrypt(&mut doc)?;
        output_doc(&doc, &mut output)?;
    }
    Ok(s)
}

pub fn extract_text_from_mem_encrypted(
    buffer: &[u8],
    password: &str,
) -> Result<String, OutputError> {
    let mut s = String::new();
    {
        let mut output = PlainTextOutput::new(&mut s);
        let mut doc = Document::load_mem(buffer)?;
        output_doc_encrypted(&mut doc, &mut output, password)?;
    }
    Ok(s)
}


fn extract_text_by_page(doc: &Document, page_num: u32) -> Result<String, OutputError> {
    let mut s = String::new();
    {
        let mut output = PlainTextOutput::new(&mut s);
        output_doc_page(doc, &mut output, page_num)?;
    }
    Ok(s)
}

/// Extract the text from a pdf at `path` and return a `Vec<String>` with the results separately by page

pub fn extract_text_by_pages<P: std::convert::AsRef<std::path::Path>>(path: P) -> Result<Vec<String>, OutputError> {
    let mut v = Vec::new();
    {
        let mut doc = Document::load(path)?;
        maybe_decrypt(&mut doc)?;
        let mut page_num = 1;
        while let Ok(content) = extract_text_by_page(&doc, page_num) {
            v.push(content);
            page_num += 1;
        }
    }
    Ok(v)
}

pub fn extract_text_by_pages_encrypted<P: std::convert::AsRef<std::path::Path>>(path: P, password: &str) -> Result<Vec<String>, OutputError> {
    let mut v = Vec::new();
    {
        let mut doc = Document::load(path)?;
        doc.decrypt(password)?;
        let mut page_num = 1;
        while let Ok(content) = extract_text_by_page(&mut doc, page_num) {
            v.push(content);
            page_num += 1;
        }
    }
    Ok(v)
}

pub fn extract_text_from_mem_by_pages(buffer: &[u8]) -> Result<Vec<String>, OutputError> {
    let mut v = Vec::new();
    {
        let mut doc = Document::load_mem(buffer)?;
        maybe_decrypt(&mut doc)?;
        let mut page_num = 1;
        while let Ok(content) = extract_text_by_page(&doc, page_num) {
            v.push(content);
            page_num += 1;
        }
    }
    Ok(v)
}

pub fn extract_text_from_mem_by_pages_encrypted(buffer: &[u8], password: &str) -> Result<Vec<String>, OutputError> {
    let mut v = Vec::new();
    {
        let mut doc = Document::load_mem(buffer)?;
        doc.decrypt(password)?;
        let mut page_num = 1;
        while let Ok(content) = extract_text_by_page(&doc, page_num) {
            v.push(content);
            page_num += 1;
        }
    }
    Ok(v)
}


/// planex patch 23: the /MediaBox of the last page before `page_num` that
/// has one, when the page itself has none.
fn earlier_media_box(doc: &Document, page_num: u32) -> Option<[f64; 4]> {
    doc.get_pages()
        .range(..page_num)
        .rev()
        .find_map(|(_, &id)| {
            let page = doc.get_dictionary(id).ok()?;
            get_inherited::<[f64; 4]>(doc, page, b"MediaBox")
        })
}

fn get_inherited<'a, T: FromObj<'a>>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<T> {
    let o: Option<T> = get(doc, dict, key);
    if let Some(o) = o {
        Some(o)
    } else {
        let parent = dict.get(b"Parent")
            .and_then(|parent| parent.as_reference())
            .and_then(|id| doc.get_dictionary(id)).ok()?;
        get_inherited(doc, parent, key)
    }
}

pub fn output_doc_encrypted(
    doc: &mut Document,
    output: &mut dyn OutputDev,
    password: &str,
) -> Result<(), OutputError> {
    doc.decrypt(password)?;
    output_doc(doc, output)
}

/// Parse a given document and output it to `output`
pub fn output_doc(doc: &Document, output: &mut dyn OutputDev) -> Result<(), OutputError> {
    if doc.is_encrypted() {
        error!("Encrypted documents must be decrypted with a password using {{extract_text|extract_text_from_mem|output_doc}}_encrypted");
    }
    let empty_resources = Dictionary::new();
    let pages = doc.get_pages();
    let mut p = Processor::new();
    for dict in pages {
        let page_num = dict.0;
        let object_id = dict.1;
        output_doc_inner(page_num, object_id, doc, &mut p, output, &empty_resources)?;
    }
    Ok(())
}

pub fn output_doc_page(doc: &Document, output: &mut dyn OutputDev, page_num: u32) -> Result<(), OutputError> {
    if doc.is_encrypted() {
        error!("Encrypted documents must be decrypted with a password using {{extract_text|extract_text_from_mem|output_doc}}_encrypted");
    }
    let empty_resources = Dictionary::new();
    let pages = doc.get_pages();
    let object_id = pages.get(&page_num).ok_or(lopdf::Error::PageNumberNotFound(page_num))?;
    let mut p = Processor::new();
    output_doc_inner(page_num, *object_id, doc, &mut p, output, &empty_resources)?;
    Ok(())
}

/// planex patch 21: the superscript character (UTF-16) of a superior digit's
/// glyph name (`one.superior`, `twosuperior`, `three.sups`, `four.sup`).
fn superior_digit(name: &str) -> Option<u16> {
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const SUPERSCRIPTS: [u16; 10] = [
        0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
    ];
    let base = [".superior", "superior", ".sups", ".sup"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))?;
    let at = DIGITS.iter().position(|digit| *digit == base)?;
    SUPERSCRIPTS.get(at).copied()
}

/// planex patch: outputs the pages numbered in `page_nums`, in that order,
/// with one font cache for all of them, so that several threads can each
/// take a share of a document's pages (each with its own `OutputDev`);
/// `fonts` is shared by those threads (planex patch 12).
pub fn output_doc_pages<'a>(doc: &'a Document, output: &mut dyn OutputDev, page_nums: &[u32], fonts: &FontCache<'a>) -> Result<(), OutputError> {
    if doc.is_encrypted() {
        error!("Encrypted documents must be decrypted with a password using {{extract_text|extract_text_from_mem|output_doc}}_encrypted");
    }
    static EMPTY_RESOURCES: LazyLock<Dictionary> = LazyLock::new(Dictionary::new);
    let pages = doc.get_pages();
    let mut p = Processor::new();
    p.shared = Some(fonts);
    for &page_num in page_nums {
        let object_id = pages.get(&page_num).ok_or(lopdf::Error::PageNumberNotFound(page_num))?;
        output_doc_inner(page_num, *object_id, doc, &mut p, output, &EMPTY_RESOURCES)?;
    }
    Ok(())
}

fn output_doc_inner<'a>(page_num: u32, object_id: ObjectId, doc: &'a Document, p: & mut Processor<'a, '_>, output: &mut dyn OutputDev, empty_resources: &'a Dictionary) -> Result<(), OutputError> {
    // planex patch: a page that is not a dictionary, has no media box or no
    // readable content is an error, not a panic.
    let page_dict = doc.get_object(object_id)?.as_dict()?;
    dlog!("page {} {:?}", page_num, page_dict);
    // XXX: Some pdfs lack a Resources directory
    let resources = get_inherited(doc, page_dict, b"Resources").unwrap_or(empty_resources);
    dlog!("resources {:?}", resources);
    // pdfium searches up the page tree for MediaBoxes as needed
    // planex patch 23: a page with no /MediaBox of its own or in its tree,
    // after pages that state one, is on the sheet of the last of them (the
    // pages PDF::Table adds through PDF::API2 state none when the script set
    // the box on its own first page only).
    let [llx, lly, urx, ury]: [f64; 4] = get_inherited(doc, page_dict, b"MediaBox")
        .or_else(|| earlier_media_box(doc, page_num))
        .ok_or_else(|| malformed(format!("page {} has no readable /MediaBox", page_num)))?;
    let media_box = MediaBox { llx, lly, urx, ury };
    let art_box = get::<Option<[f64; 4]>>(&doc, page_dict, b"ArtBox")
        .map(|[a, b, c, d]| (a, b, c, d));
    output.begin_page(page_num, &media_box, art_box)?;
    let mut gs = GraphicsState::initial();
    gs.crop = crop_box(doc, page_dict, &media_box);
    p.process_stream(&doc, doc.get_page_content(object_id)?, &[resources], &media_box, output, page_num, gs)?;
    output.end_page()?;
    Ok(())
}
