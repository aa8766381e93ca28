//! planex patch 11: a content stream's operations, parsed without an
//! allocation per operation.
//!
//! lopdf's `Content::decode` builds a `String` for every operator and a `Vec`
//! for every operation's operands, through nom combinators; on long reports
//! that was a tenth of the whole conversion. [`decode`] reads the same
//! grammar by hand into two vectors per stream: every operand in one
//! `Vec<Object>`, and per operation its operator (borrowed from the stream)
//! and its range of operands.
//!
//! It follows lopdf 0.42's content grammar (`parser::content`) rule by rule,
//! including where that grammar stops reading (the first operation it cannot
//! parse ends the stream, silently). The two cases where lopdf fails the
//! whole stream, an inline image (`BI … ID … EI`) and nesting deep enough to
//! hit its depth limits, are handed to lopdf itself, so every stream reads
//! as lopdf reads it.

use std::borrow::Cow;
use std::ops::Range;
use std::str::FromStr;

use lopdf::content::Content;
use lopdf::{Dictionary, Object, StringFormat};

/// Nesting (arrays, dictionaries, parentheses in strings) beyond which the
/// stream is handed to lopdf, well below its own limits (100 each), which
/// fail the whole stream.
const MAX_DEPTH: usize = 32;

/// The operations of one content stream.
pub(crate) struct Ops<'d> {
    operations: Vec<(Cow<'d, str>, Range<usize>)>,
    operands: Vec<Object>,
}

/// One operation: its operator and operands.
#[derive(Debug)]
pub(crate) struct Op<'o> {
    pub operator: &'o str,
    pub operands: &'o [Object],
}

impl<'d> Ops<'d> {
    pub(crate) fn iter(&self) -> impl Iterator<Item = Op<'_>> {
        self.operations.iter().map(move |(operator, range)| Op {
            operator,
            operands: self.operands.get(range.clone()).unwrap_or(&[]),
        })
    }
}

/// The operations of `data`, as `Content::decode` reads them.
pub(crate) fn decode(data: &[u8]) -> Result<Ops<'_>, lopdf::Error> {
    if let Some(ops) = (Parser { data, at: 0 }).operations() {
        return Ok(ops);
    }
    let content = Content::decode(data)?;
    let mut ops = Ops { operations: Vec::with_capacity(content.operations.len()), operands: Vec::new() };
    for operation in content.operations {
        let start = ops.operands.len();
        ops.operands.extend(operation.operands);
        ops.operations.push((Cow::Owned(operation.operator), start..ops.operands.len()));
    }
    Ok(ops)
}

/// Why an operand was not read.
enum Miss {
    /// Not an operand here: the operation goes on with its operator.
    No,
    /// A case lopdf must judge (see the module's documentation).
    Defer,
}

fn is_whitespace(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

fn is_content_space(c: u8) -> bool {
    b" \t\r\n".contains(&c)
}

fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphabetic() || b"*'\"".contains(&c)
}

struct Parser<'d> {
    data: &'d [u8],
    at: usize,
}

impl<'d> Parser<'d> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.at).copied()
    }

    fn rest(&self) -> &'d [u8] {
        self.data.get(self.at..).unwrap_or(&[])
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let start = self.at;
        while self.peek().is_some_and(&keep) {
            self.at += 1;
        }
        self.at - start
    }

    fn tag(&mut self, tag: &[u8]) -> bool {
        if self.rest().starts_with(tag) {
            self.at += tag.len();
            true
        } else {
            false
        }
    }

    /// `\r\n`, `\n` or `\r`.
    fn eol(&mut self) -> bool {
        self.tag(b"\r\n") || self.tag(b"\n") || self.tag(b"\r")
    }

    /// `%` up to and including an end of line (none: no comment).
    fn comment(&mut self) -> bool {
        let start = self.at;
        if self.tag(b"%") {
            self.skip_while(|c| c != b'\r' && c != b'\n');
            if self.eol() {
                return true;
            }
        }
        self.at = start;
        false
    }

    /// Whitespace and comments, as between the objects of an array.
    fn space(&mut self) {
        while self.skip_while(is_whitespace) > 0 || self.comment() {}
    }

    fn content_space(&mut self) {
        self.skip_while(is_content_space);
    }

    fn operations(mut self) -> Option<Ops<'d>> {
        let mut ops = Ops { operations: Vec::new(), operands: Vec::new() };
        self.content_space();
        loop {
            let start = self.at;
            while self.comment() {}
            if self.rest().starts_with(b"BI") {
                return None;
            }
            let first = ops.operands.len();
            loop {
                match self.operand() {
                    Ok(object) => {
                        ops.operands.push(object);
                        self.content_space();
                    }
                    Err(Miss::No) => break,
                    Err(Miss::Defer) => return None,
                }
            }
            let name_start = self.at;
            if self.skip_while(is_operator_char) == 0 {
                // The first operation lopdf cannot read ends the stream.
                ops.operands.truncate(first);
                self.at = start;
                return Some(ops);
            }
            let operator = std::str::from_utf8(self.data.get(name_start..self.at)?).ok()?;
            self.content_space();
            ops.operations.push((Cow::Borrowed(operator), first..ops.operands.len()));
        }
    }

    /// One operand of an operation (lopdf's `operand`, without the space after it).
    fn operand(&mut self) -> Result<Object, Miss> {
        let start = self.at;
        if let Some(object) = self.keyword() {
            return Ok(object);
        }
        if let Some(object) = self.number() {
            return Ok(object);
        }
        self.at = start;
        self.string_name_or_container(0).map_err(|miss| {
            self.at = start;
            miss
        })
    }

    /// `null`, `true` or `false` (as lopdf reads them: a prefix is enough).
    fn keyword(&mut self) -> Option<Object> {
        if self.tag(b"null") {
            Some(Object::Null)
        } else if self.tag(b"true") {
            Some(Object::Boolean(true))
        } else if self.tag(b"false") {
            Some(Object::Boolean(false))
        } else {
            None
        }
    }

    /// A real (`-1.5`, `3.`, `.5`) or else an integer, as lopdf tries them.
    fn number(&mut self) -> Option<Object> {
        let start = self.at;
        let sign = usize::from(self.peek().is_some_and(|c| c == b'+' || c == b'-'));
        self.at += sign;
        let digits = self.skip_while(|c| c.is_ascii_digit());
        let is_real = if digits > 0 {
            self.tag(b".") && {
                self.skip_while(|c| c.is_ascii_digit());
                true
            }
        } else {
            self.tag(b".") && self.skip_while(|c| c.is_ascii_digit()) > 0
        };
        if is_real {
            let text = std::str::from_utf8(self.data.get(start..self.at)?).ok()?;
            if let Ok(value) = f32::from_str(text) {
                return Some(Object::Real(value));
            }
        }
        self.at = start + sign;
        if self.skip_while(|c| c.is_ascii_digit()) > 0 {
            let text = std::str::from_utf8(self.data.get(start..self.at)?).ok()?;
            if let Ok(value) = i64::from_str(text) {
                return Some(Object::Integer(value));
            }
        }
        self.at = start;
        None
    }

    /// The alternatives after the numbers, in lopdf's order: name, literal
    /// string, hexadecimal string, array, dictionary.
    fn string_name_or_container(&mut self, depth: usize) -> Result<Object, Miss> {
        let start = self.at;
        if let Some(name) = self.name() {
            return Ok(Object::Name(name));
        }
        self.at = start;
        if self.peek() == Some(b'(') {
            let mut bytes = Vec::new();
            if self.literal_string(&mut bytes, 0)? {
                return Ok(Object::String(bytes, StringFormat::Literal));
            }
            self.at = start;
        }
        if let Some(bytes) = self.hexadecimal_string() {
            return Ok(Object::String(bytes, StringFormat::Hexadecimal));
        }
        self.at = start;
        if self.peek() == Some(b'[') {
            if depth >= MAX_DEPTH {
                return Err(Miss::Defer);
            }
            if let Some(array) = self.array(depth + 1)? {
                return Ok(Object::Array(array));
            }
            self.at = start;
        }
        if self.rest().starts_with(b"<<") {
            if depth >= MAX_DEPTH {
                return Err(Miss::Defer);
            }
            if let Some(dictionary) = self.dictionary(depth + 1)? {
                return Ok(Object::Dictionary(dictionary));
            }
            self.at = start;
        }
        Err(Miss::No)
    }

    /// `/Name`, with `#xx` escapes; it ends before a `#` not followed by two
    /// hex digits.
    fn name(&mut self) -> Option<Vec<u8>> {
        if !self.tag(b"/") {
            return None;
        }
        let mut name = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let hex = self.data.get(self.at + 1..self.at + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(value) = hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) else {
                    break;
                };
                name.push(value);
                self.at += 3;
            } else if is_regular(c) {
                name.push(c);
                self.at += 1;
            } else {
                break;
            }
        }
        Some(name)
    }

    /// A literal string from its `(` to its `)`, appended to `out`; false
    /// when it does not close. Nested parentheses are kept.
    fn literal_string(&mut self, out: &mut Vec<u8>, depth: usize) -> Result<bool, Miss> {
        if depth >= MAX_DEPTH {
            return Err(Miss::Defer);
        }
        if !self.tag(b"(") {
            return Ok(false);
        }
        loop {
            let Some(c) = self.peek() else {
                return Ok(false);
            };
            match c {
                b')' => {
                    self.at += 1;
                    return Ok(true);
                }
                b'\\' => {
                    let Some(&next) = self.data.get(self.at + 1) else {
                        return Ok(false);
                    };
                    self.at += 1;
                    if (b'0'..=b'7').contains(&next) {
                        let digits_start = self.at;
                        let mut value: u16 = 0;
                        while self.at - digits_start < 3 && self.peek().is_some_and(|c| (b'0'..=b'7').contains(&c)) {
                            value = value * 8 + u16::from(self.data[self.at] - b'0');
                            self.at += 1;
                        }
                        out.push(value as u8);
                    } else if self.eol() {
                    } else {
                        self.at += 1;
                        out.push(match next {
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'b' => b'\x08',
                            b'f' => b'\x0C',
                            other => other,
                        });
                    }
                }
                b'(' => {
                    let nested_start = out.len();
                    if !self.literal_string(out, depth + 1)? {
                        return Ok(false);
                    }
                    out.insert(nested_start, b'(');
                    out.push(b')');
                }
                _ => {
                    // Plain bytes, end-of-line bytes included, are kept as they are.
                    out.push(c);
                    self.at += 1;
                }
            }
        }
    }

    /// `<` hex digits, whitespace between them, `>`; an odd last digit is
    /// its byte's high half.
    fn hexadecimal_string(&mut self) -> Option<Vec<u8>> {
        if !self.tag(b"<") {
            return None;
        }
        let mut bytes = Vec::new();
        let mut high = true;
        loop {
            let before = self.at;
            self.skip_while(is_whitespace);
            let Some(value) = self.peek().and_then(|c| char::from(c).to_digit(16)) else {
                self.at = before;
                break;
            };
            self.at += 1;
            let value = value as u8;
            if high {
                bytes.push(value << 4);
            } else if let Some(last) = bytes.last_mut() {
                *last |= value;
            }
            high = !high;
        }
        self.skip_while(is_whitespace);
        self.tag(b">").then_some(bytes)
    }

    /// `[`, objects, `]` (None: it does not close).
    fn array(&mut self, depth: usize) -> Result<Option<Vec<Object>>, Miss> {
        if !self.tag(b"[") {
            return Ok(None);
        }
        self.space();
        let mut array = Vec::new();
        while let Some(object) = self.direct_object(depth)? {
            array.push(object);
        }
        Ok(self.tag(b"]").then_some(array))
    }

    /// `<<`, pairs of a name and an object, `>>` (None: it does not close).
    fn dictionary(&mut self, depth: usize) -> Result<Option<Dictionary>, Miss> {
        if !self.tag(b"<<") {
            return Ok(None);
        }
        self.space();
        let mut dictionary = Dictionary::new();
        loop {
            let start = self.at;
            let Some(key) = self.name() else {
                self.at = start;
                break;
            };
            self.space();
            let Some(value) = self.direct_object(depth)? else {
                self.at = start;
                break;
            };
            dictionary.set(key, value);
        }
        Ok(self.tag(b">>").then_some(dictionary))
    }

    /// An object inside an array or dictionary, and the space after it
    /// (lopdf's `_direct_object`: references allowed).
    fn direct_object(&mut self, depth: usize) -> Result<Option<Object>, Miss> {
        let start = self.at;
        let object = if let Some(object) = self.keyword() {
            Some(object)
        } else if let Some(object) = self.reference() {
            Some(object)
        } else if let Some(object) = self.number() {
            Some(object)
        } else {
            match self.string_name_or_container(depth) {
                Ok(object) => Some(object),
                Err(Miss::No) => None,
                Err(Miss::Defer) => return Err(Miss::Defer),
            }
        };
        match object {
            Some(object) => {
                self.space();
                Ok(Some(object))
            }
            None => {
                self.at = start;
                Ok(None)
            }
        }
    }

    /// `12 0 R`.
    fn reference(&mut self) -> Option<Object> {
        let start = self.at;
        let found = (|| {
            let number = self.unsigned::<u32>()?;
            self.space();
            let generation = self.unsigned::<u16>()?;
            self.space();
            self.tag(b"R").then_some(Object::Reference((number, generation)))
        })();
        if found.is_none() {
            self.at = start;
        }
        found
    }

    fn unsigned<I: FromStr>(&mut self) -> Option<I> {
        let start = self.at;
        if self.skip_while(|c| c.is_ascii_digit()) == 0 {
            return None;
        }
        I::from_str(std::str::from_utf8(self.data.get(start..self.at)?).ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_lopdf(data: &[u8]) {
        let ours = decode(data).map(|ops| {
            ops.iter().map(|op| (op.operator.to_owned(), op.operands.to_vec())).collect::<Vec<_>>()
        });
        let theirs = Content::decode(data).map(|content| {
            content.operations.into_iter().map(|op| (op.operator, op.operands)).collect::<Vec<_>>()
        });
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{:?}", String::from_utf8_lossy(data));
    }

    #[test]
    fn reads_streams_as_lopdf_does() {
        let cases: &[&[u8]] = &[
            b"BT /F1 12 Tf 72 712 Td (Hello \\(world\\)) Tj ET",
            b"  q 1 0 0 1 -3.5 .25 cm 0.5 g 10 10 100 +50. re f* Q",
            b"[(A) -120 (B) 3.5 (C)] TJ",
            b"<48 65 6c6C 6>Tj <> Tj < 4 8 > Tj",
            b"(nested (paren) \\101\\7\\0123 \\n\\r\\t\\b\\f\\q line\\\r\nnext\r\nraw) Tj",
            b"/Span <</ActualText (x) /MCID 3 /A [1 0 R 2 true null]>> BDC EMC",
            b"/N#41me#2 1 Tf",
            b"% leading comment\nBT ET",
            b"% comment\n  BT ET",
            b"BT % comment inside\n ET",
            b"[ % comment in array\n (x) ] TJ",
            b"1 2 3 99999999999999999999 re",
            b"truex nullify false f",
            b"(unclosed Tj BT",
            b"<zz> Tj",
            b"5.3.2 w",
            b"T* ' \" d0",
            b"[1 0R] TJ",
            b"<</A <</B [[[]]]>>>> BDC",
            b"1 0 0 1 0 0 cm\x0C BT",
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",
            b"(a\\",
            b"/A#4",
            b"\xff\xfe Tj",
            b"",
        ];
        for case in cases {
            same_as_lopdf(case);
        }
        let deep = format!("{}1{} d", "[".repeat(120), "]".repeat(120));
        same_as_lopdf(deep.as_bytes());
        let deep_string = format!("{}x{} Tj", "(".repeat(120), ")".repeat(120));
        same_as_lopdf(deep_string.as_bytes());
    }

    /// Streams of random pieces of the grammar, well and badly formed.
    #[test]
    fn reads_random_streams_as_lopdf_does() {
        const PIECES: &[&[u8]] = &[
            b" ", b"\n", b"\r", b"\r\n", b"\t", b"\0", b"\x0C", b"%c\n", b"%", b"1", b"-2", b"+", b"3.", b".5", b".",
            b"0", b"99999999999999999999", b"R", b"/", b"/Ab", b"#", b"#4", b"#41", b"(", b")", b"\\", b"\\1",
            b"\\n", b"<", b">", b"<<", b">>", b"ab", b"F", b"[", b"]", b"Tj", b"TJ", b"T*", b"'", b"\"", b"null",
            b"true", b"f", b"BT", b"ET", b"re", b"{", b"\xc3", b"BI", b"ID", b"EI",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % bound as u64) as usize
        };
        for _ in 0..20_000 {
            let len = next(24);
            let data: Vec<u8> = (0..len).flat_map(|_| PIECES[next(PIECES.len())].iter().copied()).collect();
            same_as_lopdf(&data);
        }
    }
}
