//! A pattern compiled, for most texts, over the letters they can hold.
//!
//! Compiling a pattern costs most where it names a Unicode class: the
//! automaton spells out every UTF-8 sequence of the class, about a million
//! instructions for each copy of `\p{Lu}` (`\p{Lu}{1,6}` is six copies), and
//! a process compiles some hundred patterns before it reads its first line.
//! Yet the plans read here are written in the letters of Western European
//! languages. A [`Narrowed`] pattern is compiled twice, each time only when
//! first needed: once as written, for any text, and once with its costly
//! classes cut down to the characters of [`fits`] (Latin-1 and Latin
//! Extended-A, the Latin ligatures, punctuation, currency and symbols). On a
//! text made only of those characters the two match alike, since a class
//! and its part within the text's alphabet accept the same characters of
//! that text: the cut pattern runs there, and a process that meets no other
//! text never compiles the whole one.
//!
//! Under case-insensitive matching a class also accepts the case partners
//! of its members, so each cut class keeps those of its members outside the
//! alphabet whose partners lie in it (`K`, the Kelvin sign, partner of `k`).

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::{CaptureMatches, Captures, Match, Matches, Regex, Replacer};

/// The classes cut down: each becomes its part within [`ALPHABET`] and
/// [`PARTNERS`].
const CUT: [&str; 8] = [
    r"\p{Lu}", r"\p{Ll}", r"\p{L}", r"\pL", r"\p{N}", r"\pN", r"\w", r"\d",
];

/// The characters [`fits`] accepts, as a class's items.
const ALPHABET: &str = r"\x00-\u{17F}\u{192}\u{660}-\u{669}\u{FB00}-\u{FB06}\u{2000}-\u{206F}\u{20A0}-\u{20CF}\u{2190}-\u{23FF}\u{2500}-\u{27BF}";

/// Characters outside [`ALPHABET`] whose case partners lie in it (`K`, the
/// Kelvin sign, and `k`; `µ`, the micro sign, and the Greek `Μ` and `μ`):
/// a case-insensitive class accepts a character when it holds one of its
/// partners.
const PARTNERS: &str =
    r"\u{191}\u{1F0}\u{2BC}\u{307}\u{39C}\u{3BC}\u{1E96}-\u{1E9A}\u{1E9E}\u{212A}-\u{212B}";

/// Whether every character of `text` lies in the alphabet the cut classes
/// are exact for: Latin-1 and Latin Extended-A (`œ Ł İ ő`), `ƒ`, the
/// Arabic-Indic digits, the Latin ligatures (`ﬁ`), general punctuation
/// (dashes, quotes, spaces), currency signs, arrows, mathematical and
/// technical symbols, box drawing, shapes and dingbats (`● ○ ✓`).
pub fn fits(text: &str) -> bool {
    // Read from the UTF-8 bytes: this runs before every search, and most
    // bytes are ASCII, passed over eight at a time.
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += ascii_run(bytes.get(at..).unwrap_or_default());
        let Some(&lead) = bytes.get(at) else {
            return true;
        };
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        let third = bytes.get(at + 2).copied().unwrap_or(0);
        let (fits, len) = match lead {
            0..=0x7F => (true, 1),
            // U+0080 to U+017F.
            0xC2..=0xC5 => (true, 2),
            0xC6 => (next == 0x92, 2),
            0xD9 => ((0xA0..=0xA9).contains(&next), 2),
            0xE2 => (
                match next {
                    0x80 | 0x87..=0x8F | 0x94..=0x9E => true,
                    0x81 => third <= 0xAF,
                    0x82 => third >= 0xA0,
                    0x83 => third <= 0x8F,
                    0x86 => third >= 0x90,
                    _ => false,
                },
                3,
            ),
            0xEF => (next == 0xAC && third <= 0x86, 3),
            _ => (false, 1),
        };
        if !fits {
            return false;
        }
        at += len;
    }
}

/// The length of the ASCII bytes that open `bytes`, read a word at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH_BITS != 0 {
            break;
        }
        run += 8;
    }
    run + bytes
        .get(run..)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| byte.is_ascii())
        .count()
}

/// `pattern` with its costly classes cut down to [`fits`]' alphabet, or
/// None when it names none of them.
fn cut(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    let mut changed = false;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        match CUT.iter().find(|class| escape.starts_with(*class)) {
            Some(class) => {
                out.push_str(&format!("[{class}&&[{ALPHABET}{PARTNERS}]]"));
                rest = &escape[class.len()..];
                changed = true;
            }
            None => {
                // Any other escape, an escaped backslash among them, is
                // kept whole: the character after it is no escape's start.
                let len = escape.chars().nth(1).map_or(1, |next| 1 + next.len_utf8());
                out.push_str(&escape[..len]);
                rest = &escape[len..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A pattern compiled as written and, for texts that [`fits`], with its
/// costly classes cut down; each compiled when first needed.
#[derive(Debug, Clone)]
pub struct Narrowed {
    source: Cow<'static, str>,
    /// The pattern as written, None when it is too large to compile.
    whole: OnceLock<Option<Regex>>,
    /// The cut pattern, None when the pattern names no costly class.
    narrow: OnceLock<Option<Regex>>,
}

impl Narrowed {
    /// A pattern written in the code; it must be valid (one that is not
    /// matches nothing), which a test of every literal checks.
    pub const fn literal(source: &'static str) -> Narrowed {
        Narrowed {
            source: Cow::Borrowed(source),
            whole: OnceLock::new(),
            narrow: OnceLock::new(),
        }
    }

    /// A pattern built at run time, compiled when first used.
    pub fn new(source: String) -> Narrowed {
        Narrowed {
            source: Cow::Owned(source),
            whole: OnceLock::new(),
            narrow: OnceLock::new(),
        }
    }

    /// The pattern as written, compiled for any text; None when it does not
    /// compile (checking it apart would cost a third of compiling it).
    pub fn whole(&self) -> Option<&Regex> {
        self.whole
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
    }

    /// The compiled pattern to run on `text`: the cut one when the text
    /// fits its alphabet, the whole one otherwise; None when the pattern is
    /// too large to compile.
    pub fn try_on(&self, text: &str) -> Option<&Regex> {
        if fits(text) {
            let narrow = self
                .narrow
                .get_or_init(|| cut(&self.source).and_then(|cut| Regex::new(&cut).ok()));
            if let Some(narrow) = narrow {
                return Some(narrow);
            }
        }
        self.whole()
    }

    /// As [`Self::try_on`]; a pattern that does not compile matches nothing.
    pub fn on(&self, text: &str) -> &Regex {
        static NEVER: OnceLock<Regex> = OnceLock::new();
        self.try_on(text).unwrap_or_else(|| {
            NEVER.get_or_init(|| Regex::new(r"[^\s\S]").expect("a valid literal pattern"))
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// As [`Regex::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        self.on(text).is_match(text)
    }

    /// As [`Regex::is_match_at`].
    pub fn is_match_at(&self, text: &str, start: usize) -> bool {
        self.on(text).is_match_at(text, start)
    }

    /// As [`Regex::find`].
    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.on(text).find(text)
    }

    /// As [`Regex::find_at`].
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        self.on(text).find_at(text, start)
    }

    /// As [`Regex::captures`].
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.on(text).captures(text)
    }

    /// As [`Regex::captures_at`].
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        self.on(text).captures_at(text, start)
    }

    /// As [`Regex::find_iter`].
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> Matches<'r, 'h> {
        self.on(text).find_iter(text)
    }

    /// As [`Regex::captures_iter`].
    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> CaptureMatches<'r, 'h> {
        self.on(text).captures_iter(text)
    }

    /// As [`Regex::replace_all`].
    pub fn replace_all<'h, R: Replacer>(&self, text: &'h str, with: R) -> Cow<'h, str> {
        self.on(text).replace_all(text, with)
    }

    /// As [`Regex::replace`].
    pub fn replace<'h, R: Replacer>(&self, text: &'h str, with: R) -> Cow<'h, str> {
        self.on(text).replace(text, with)
    }

    /// As [`Regex::split`].
    pub fn split<'r, 'h>(&'r self, text: &'h str) -> regex::Split<'r, 'h> {
        self.on(text).split(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `c` lies in the alphabet, as [`ALPHABET`] writes it.
    fn in_alphabet(c: char) -> bool {
        matches!(u32::from(c),
            0..=0x17F
            | 0x192
            | 0x660..=0x669
            | 0xFB00..=0xFB06
            | 0x2000..=0x206F
            | 0x20A0..=0x20CF
            | 0x2190..=0x23FF
            | 0x2500..=0x27BF)
    }

    /// Every character of the alphabet [`fits`] accepts.
    fn alphabet() -> Vec<char> {
        (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| in_alphabet(*c))
            .collect()
    }

    #[test]
    fn fits_finds_a_character_outside_the_alphabet_at_any_offset() {
        // The ASCII runs are read eight bytes at a time: a character out of
        // the alphabet is found in every place of a word and after it.
        for at in 0..40 {
            for (outside, inside) in [('ж', 'é'), ('中', '€'), ('🙂', 'ﬁ')] {
                let mut text: String = "x".repeat(at);
                text.push(outside);
                text.push_str("tail of ASCII bytes");
                assert!(!fits(&text), "{at} {outside}");
                let text = text.replace(outside, &inside.to_string());
                assert!(fits(&text), "{at} {inside}");
            }
        }
        assert!(fits(""));
    }

    #[test]
    fn fits_reads_the_bytes_as_the_alphabet_reads_characters() {
        let class = Regex::new(&format!("^[{ALPHABET}]$")).expect("a valid class");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(fits(&text), in_alphabet(c), "U+{:04X}", u32::from(c));
            assert_eq!(
                class.is_match(&text),
                in_alphabet(c),
                "U+{:04X}",
                u32::from(c)
            );
            assert_eq!(fits(&format!("a{text}é")), in_alphabet(c));
        }
    }

    #[test]
    fn each_cut_class_accepts_what_the_class_accepts_within_the_alphabet() {
        let alphabet = alphabet();
        assert!(alphabet.len() > 1800);
        for class in CUT {
            let narrow = cut(class).expect("a cut class");
            for form in ["{}", "(?i){}", "[^{}]", "(?i)[^{}]", "[x{}]"] {
                let whole = Regex::new(&format!("^{}$", form.replace("{}", class)))
                    .expect("a valid pattern");
                let cut = Regex::new(&format!("^{}$", form.replace("{}", &narrow)))
                    .expect("a valid pattern");
                for c in &alphabet {
                    let text = c.to_string();
                    assert_eq!(
                        whole.is_match(&text),
                        cut.is_match(&text),
                        "{form} with {class} on U+{:04X}",
                        u32::from(*c)
                    );
                }
            }
        }
    }

    #[test]
    fn cut_replaces_the_costly_classes_and_keeps_other_escapes() {
        assert_eq!(cut(r"^\s+\.$"), None);
        assert_eq!(cut(r"\\p{Lu}"), None);
        let within = format!("&&[{ALPHABET}{PARTNERS}]]");
        assert_eq!(cut(r"\d\b"), Some(format!(r"[\d{within}\b")));
        assert_eq!(
            cut(r"[\d,]é\p{N}"),
            Some(format!(r"[[\d{within},]é[\p{{N}}{within}"))
        );
    }

    #[test]
    fn fits_the_letters_of_western_european_text_only() {
        assert!(fits("Œuvre « naïve » – 3 € ✓ ●"));
        assert!(fits("plain"));
        assert!(fits("Łódź ﬁn"));
        assert!(!fits("Ελλάδα"));
    }

    #[test]
    fn a_narrowed_pattern_matches_as_the_whole_one_on_either_kind_of_text() {
        let pattern = Narrowed::literal(r"(?P<w>\p{Lu}\p{Ll}{2,})\s+(?P<n>\d+)");
        for text in ["Acción 12", "Łódź 12 and Ödön 4", "none here", "Kelvin 3"] {
            let whole = pattern
                .whole()
                .and_then(|whole| whole.captures(text))
                .map(|c| c[0].to_owned());
            let read = pattern.captures(text).map(|c| c[0].to_owned());
            assert_eq!(whole, read, "{text}");
        }
        assert!(!Narrowed::new(r"(".to_owned()).is_match("("));
    }
}

#[cfg(test)]
mod fixture_lines {
    use super::*;
    use std::path::Path;

    /// The source of every pattern the crate's code writes as
    /// `Narrowed::literal`, read from its files.
    fn literals() -> Vec<String> {
        let opener = concat!("Narrowed::", "literal(");
        let mut found = Vec::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("a readable source folder") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for (at, _) in text.match_indices(opener) {
                    let rest = text[at + opener.len()..].trim_start();
                    let Some(raw) = rest.strip_prefix('r') else {
                        continue;
                    };
                    let fence = &raw[..raw.len() - raw.trim_start_matches('#').len()];
                    let Some(body) = raw[fence.len()..].strip_prefix('"') else {
                        continue;
                    };
                    if let Some(end) = body.find(&format!("\"{fence}")) {
                        found.push(body[..end].to_owned());
                    }
                }
            }
        }
        found
    }

    /// Every line of the committed text fixtures.
    fn lines() -> Vec<String> {
        let mut lines = Vec::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("a readable fixture folder") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path
                    .extension()
                    .is_some_and(|ext| ext == "txt" || ext == "md")
                {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    lines.extend(text.lines().map(str::to_owned));
                }
            }
        }
        lines
    }

    #[test]
    fn every_narrowed_literal_matches_as_written_on_every_fixture_line() {
        let literals = literals();
        assert!(literals.len() >= 30, "{} literals found", literals.len());
        let lines = lines();
        assert!(lines.len() > 10_000);
        let mut fitting = 0;
        for source in &literals {
            let narrowed = Narrowed::new(source.clone());
            let whole = Regex::new(source).expect("a valid literal");
            for line in lines.iter().filter(|line| fits(line)) {
                fitting += 1;
                let spans = |regex: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    regex
                        .captures_iter(line)
                        .map(|caps| {
                            caps.iter()
                                .map(|group| group.map(|m| (m.start(), m.end())))
                                .collect()
                        })
                        .collect()
                };
                assert_eq!(
                    spans(&whole),
                    spans(narrowed.on(line)),
                    "{source} on {line}"
                );
            }
        }
        assert!(fitting > literals.len() * 10_000);
    }
}
