//! Decoding text inputs: BOMs, UTF-8, UTF-16, and a lossy Windows-1252 fallback.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::TextEncoding;

/// Text decoded from bytes, with how it was decoded.
pub(super) struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    pub diagnostics: Vec<Diagnostic>,
}

/// Share of control characters above which bytes are taken for binary data.
/// Real text has tabs, newlines and form feeds, which are not counted.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes `bytes` as text, or says why they are not text.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut diagnostics = Vec::new();
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            decode_utf8_or_lossy(rest, &mut diagnostics),
            TextEncoding::Utf8,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            decode_utf16(rest, u16::from_le_bytes, &mut diagnostics),
            TextEncoding::Utf16le,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            decode_utf16(rest, u16::from_be_bytes, &mut diagnostics),
            TextEncoding::Utf16be,
        )
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), TextEncoding::Utf8)
    } else {
        if bytes.contains(&0) {
            return Err("binary data: NUL bytes and not valid UTF-8".to_owned());
        }
        let text = decode_windows_1252(bytes);
        diagnostics.push(Diagnostic::warning(
            Code::ReadLossyDecoding,
            "the input is not valid UTF-8; it was decoded as Windows-1252 (Latin-1), so some characters may be wrong",
        ));
        (text, TextEncoding::Windows1252)
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    let total = text.chars().count().max(1);
    if control as f64 / total as f64 > MAX_CONTROL_SHARE {
        return Err(format!(
            "binary data: {control} control characters in {total}"
        ));
    }
    Ok(Decoded {
        text,
        encoding,
        diagnostics,
    })
}

fn decode_utf8_or_lossy(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            diagnostics.push(Diagnostic::warning(
                Code::ReadLossyDecoding,
                "the input starts with a UTF-8 byte order mark but has invalid UTF-8; invalid bytes were replaced",
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut replaced = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if replaced > 0 || bytes.len() % 2 == 1 {
        diagnostics.push(Diagnostic::warning(
            Code::ReadLossyDecoding,
            format!(
                "invalid UTF-16: {replaced} unpaired surrogates replaced{}",
                if bytes.len() % 2 == 1 {
                    ", odd final byte dropped"
                } else {
                    ""
                }
            ),
        ));
    }
    text
}

/// Windows-1252 to Unicode. Bytes 0x80-0x9F are the Windows characters; the
/// five undefined ones map to the C1 controls of the same value, as browsers do.
fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

/// A run of spaces that parts columns of a line printed by position: a
/// Markdown heading's words are parted by single spaces.
const COLUMN_GAP: &str = "   ";

/// True when the text carries Markdown (or the HTML some converters leave in it).
///
/// Two kinds of evidence are needed, so that a plain report with one
/// `**bold**` phrase stays plain text; a pipe table or an ATX heading alone is enough.
/// A `#` that opens a line of columns (`   # Code      Deliverable      Status`,
/// the header of a numbered table printed by position: its words parted by
/// runs of [`COLUMN_GAP`] spaces) is no heading.
pub(super) fn looks_like_markdown(text: &str) -> bool {
    let mut heading = false;
    let mut table = false;
    let mut bullet = false;
    let mut emphasis = false;
    let mut html = false;
    let mut link = false;
    for line in text.lines().take(5_000) {
        let trimmed = line.trim_start();
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        heading |= (1..=6).contains(&hashes)
            && trimmed[hashes..].starts_with(' ')
            && !trimmed[hashes..].trim().contains(COLUMN_GAP);
        table |= trimmed.starts_with('|') && trimmed.contains("---");
        bullet |= trimmed.starts_with("- ") || trimmed.starts_with("* ");
        emphasis |= trimmed.contains("**");
        html |=
            trimmed.contains("<a href") || trimmed.contains("<br>") || trimmed.contains("<br/>");
        link |= trimmed.contains("](");
    }
    heading
        || table
        || [bullet, emphasis, html, link]
            .iter()
            .filter(|&&signal| signal)
            .count()
            >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_tables_header_is_no_markdown_heading() {
        for header in [
            "   # Code           Deliverable                         Status",
            "   # Código         Resultado o entregable              Estado",
            "   # Code           Livrable                            État",
        ] {
            let text = format!("Report\n\n{header}\n    1 L1M1D1  Survey   V\n");
            assert!(!looks_like_markdown(&text), "{header}");
        }
        assert!(looks_like_markdown("# Progress report\n\nText.\n"));
        assert!(looks_like_markdown("## Informe de  seguimiento\n"));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"caf\xC3\xA9").unwrap().text, "café");
        let with_bom = decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap();
        assert_eq!(
            (with_bom.text.as_str(), with_bom.encoding),
            ("café", TextEncoding::Utf8)
        );
    }

    #[test]
    fn utf16_both_orders() {
        let le = decode(b"\xFF\xFEc\0a\0f\0\xE9\0").unwrap();
        assert_eq!(
            (le.text.as_str(), le.encoding),
            ("café", TextEncoding::Utf16le)
        );
        let be = decode(b"\xFE\xFF\0c\0a\0f\0\xE9").unwrap();
        assert_eq!(
            (be.text.as_str(), be.encoding),
            ("café", TextEncoding::Utf16be)
        );
        assert!(be.diagnostics.is_empty());
    }

    #[test]
    fn latin1_falls_back_with_a_diagnostic() {
        let decoded = decode(b"Informe anual: se\xF1ales \x80 20\n").unwrap();
        assert_eq!(decoded.text, "Informe anual: señales € 20\n");
        assert_eq!(decoded.encoding, TextEncoding::Windows1252);
        assert_eq!(decoded.diagnostics[0].code, "read.lossy_decoding");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x00\x01\x02\xFF\xFE\x00").is_err());
        assert!(decode(b"\x01\x02\x03\x04\x05 text").is_err());
    }

    #[test]
    fn markdown_signals() {
        assert!(looks_like_markdown("# Title\ntext"));
        assert!(looks_like_markdown("| a | b |\n|---|---|\n"));
        assert!(looks_like_markdown("- item\n**bold**"));
        assert!(!looks_like_markdown("Plain report.\n**one bold phrase**\n"));
        assert!(!looks_like_markdown(
            "L1M1 Que se hayan\tL1M1D1 Calendario\tv\n"
        ));
    }
}
