//! What a line looks like: blank, bullet, table row, capitals, bold.
//!
//! Shared by the structure extractors (sections, calendars, figures, people)
//! so that they agree on what a list item or an upper-case line is. Only
//! shapes live here; what a shape means belongs to each extractor.

use std::sync::LazyLock;

use regex::Regex;

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ (?P<indent>\s*) (?: [-*•▪◦●·] | (?P<number>[0-9]{1,2}) [.)] ) \s+
           (?: (?P<sub>[o]) \s+ )? (?P<text>\S.*) $",
    )
    .expect("BULLET is a valid literal pattern")
});
static SUB_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ \s* [o] \s+ (?P<text>\p{Lu}.*) $")
        .expect("SUB_BULLET is a valid literal pattern")
});

/// A bullet or numbered list item, as written on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bullet<'a> {
    /// True for a nested item: an `o` sub-bullet (Word lists) or a deeper indent.
    pub nested: bool,
    /// The item text after the markers, with its markup.
    pub text: &'a str,
}

/// The line as a list item, when it is one. Table rows (`- | | |`) are not.
pub fn bullet(line: &str) -> Option<Bullet<'_>> {
    // Asked of most lines by several extractors: a line opening with no
    // marker, digit or `o` is none, without running the patterns.
    let opened = line.trim_start();
    let digits = opened.len()
        - opened
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let mut chars = opened.chars();
    let marked = match digits {
        0 => chars.next().is_some_and(|c| "-*•▪◦●·o".contains(c)),
        1 | 2 => chars.nth(digits).is_some_and(|c| c == '.' || c == ')'),
        _ => false,
    };
    if !marked || !chars.next().is_some_and(char::is_whitespace) {
        return None;
    }
    if let Some(caps) = BULLET.captures(line) {
        let text = caps.name("text")?.as_str();
        if text.starts_with('|') {
            return None;
        }
        let indent = caps
            .name("indent")
            .map_or(0, |m| m.as_str().chars().count());
        return Some(Bullet {
            nested: caps.name("sub").is_some() || indent >= 2,
            text,
        });
    }
    let caps = SUB_BULLET.captures(line)?;
    Some(Bullet {
        nested: true,
        text: caps.name("text")?.as_str(),
    })
}

/// True for an empty or whitespace-only line.
pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// True for a Markdown pipe-table row or a tab-separated row.
pub fn is_table_row(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with('|') || trimmed.starts_with("- |") || line.contains('\t')
}

/// True when every letter is upper case and there are at least `min_letters`.
pub fn is_all_caps(text: &str, min_letters: usize) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= min_letters
}

/// Number of whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True for a line holding only a short number (`6`, `07`, `5 `): a page
/// number, an ordinal or an infographic figure whose label is elsewhere.
pub fn is_number_only(text: &str) -> bool {
    let trimmed = text.trim();
    (1..=3).contains(&trimmed.len()) && trimmed.chars().all(|c| c.is_ascii_digit())
}

/// Lower case with runs of whitespace collapsed, for comparing with word lists.
pub fn folded(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// Fewest bare numbers, and most words per bare number, of a line of folios.
const SCATTERED_FOLIOS: usize = 5;
const WORDS_PER_FOLIO: usize = 6;

/// Whether a line is a contents page whose layout was lost: titles and
/// their page numbers run together (`13 17 Improving Climate social
/// cohesion 14 commitments Breathable 14 cities Green… 16 Circular cities
/// 18 Smarter cities…`), at least [`SCATTERED_FOLIOS`] bare numbers of one
/// to three digits with at most [`WORDS_PER_FOLIO`] words each. Which
/// number belongs to which title cannot be told, and none is a count.
pub fn is_scattered_folios(raw: &str) -> bool {
    // Markup dropped holds no digit, so a line with fewer digits than
    // folios needed has too few.
    if raw.bytes().filter(u8::is_ascii_digit).count() < SCATTERED_FOLIOS {
        return false;
    }
    let flat = crate::markup::plain(raw);
    let tokens: Vec<&str> = flat.split_whitespace().collect();
    let folios = tokens
        .iter()
        .filter(|token| (1..=3).contains(&token.len()) && token.chars().all(|c| c.is_ascii_digit()))
        .count();
    folios >= SCATTERED_FOLIOS && tokens.len() <= folios * WORDS_PER_FOLIO
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_sub_bullets() {
        let cases: &[(&str, Option<(bool, &str)>)] = &[
            (
                "- Respaldo a declaraciones",
                Some((false, "Respaldo a declaraciones")),
            ),
            (
                " - o Surplus Food Network",
                Some((true, "Surplus Food Network")),
            ),
            ("  - o MEGA", Some((true, "MEGA"))),
            (
                "o Surplus Food Network",
                Some((true, "Surplus Food Network")),
            ),
            ("• Metropolitan Day", Some((false, "Metropolitan Day"))),
            // A middle dot, as Word's symbol bullets come out in text.
            (
                "·  Planting 40 street trees",
                Some((false, "Planting 40 street trees")),
            ),
            ("Harbour · Hill", None),
            ("1. First", Some((false, "First"))),
            ("- | | |", None),
            ("o", None),
            ("organisation", None),
            ("-5 degrees", None),
        ];
        for (line, want) in cases {
            let got = bullet(line).map(|b| (b.nested, b.text));
            assert_eq!(got, *want, "{line:?}");
        }
    }

    #[test]
    fn capitals() {
        assert!(is_all_caps("CLAUDIA LÓPEZ HERNÁNDEZ", 4));
        assert!(is_all_caps("EKREM İMAMOĞLU", 4));
        assert!(!is_all_caps("Presidenta", 4));
        assert!(!is_all_caps("USD", 4));
        assert!(is_number_only("07"));
        assert!(!is_number_only("1^a"));
    }
}
