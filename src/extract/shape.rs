//! What a line looks like: blank, bullet, table row, capitals, bold.
//!
//! Shared by the structure extractors (sections, calendars, figures, people)
//! so that they agree on what a list item or an upper-case line is. Only
//! shapes live here; what a shape means belongs to each extractor.

use crate::lexicon::Narrowed;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{fold, Language, Lexicon, Lexicons};

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ (?P<indent>\s*) (?: [-*•▪◦●·] | (?P<number>[0-9]{1,2}) [.)] ) \s+
           (?: (?P<sub>[o]) \s+ )? (?P<text>\S.*) $",
    )
    .expect("BULLET is a valid literal pattern")
});
static SUB_BULLET: Narrowed = Narrowed::literal(r"(?x) ^ \s* [o] \s+ (?P<text>\p{Lu}.*) $");

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
    // A line is read by hand as BULLET reads it (its captures cost more
    // than the rest of the line's extraction); the patterns stay the
    // reference, for text across a line break and for sub-bullets.
    if !line.contains('\n') {
        if let Some(found) = marked_item(line, opened) {
            return found;
        }
    } else if let Some(caps) = BULLET.captures(line) {
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

/// [`BULLET`] read by hand on a line without a line break, `opened` being
/// the line without its indent: `None` when the pattern does not match,
/// `Some(None)` when it matches a table row (text opening with `|`).
/// Both `\s` and [`char::is_whitespace`] are Unicode's `White_Space`.
fn marked_item<'a>(line: &'a str, opened: &'a str) -> Option<Option<Bullet<'a>>> {
    let digits = opened.len()
        - opened
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let after_marker = match digits {
        0 => opened.strip_prefix(|c: char| "-*•▪◦●·".contains(c))?,
        1 | 2 => opened.get(digits..)?.strip_prefix(['.', ')'])?,
        _ => return None,
    };
    let spaced = after_marker.trim_start();
    if spaced.len() == after_marker.len() || spaced.is_empty() {
        return None;
    }
    // `o` and spaces open a sub-bullet when text follows them; else the
    // `o` opens the text.
    let sub = spaced
        .strip_prefix('o')
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map(str::trim_start)
        .filter(|rest| !rest.is_empty());
    let text = sub.unwrap_or(spaced);
    if text.starts_with('|') {
        return Some(None);
    }
    let indent = line[..line.len() - opened.len()].chars().count();
    Some(Some(Bullet {
        nested: sub.is_some() || indent >= 2,
        text,
    }))
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

/// Least share of capitals among the letters of a line that
/// [`reads_as_capitals`] takes for one set in capitals.
const MIXED_CAPITALS_SHARE: f64 = 0.6;

/// Fewest letters of a word that must hold a capital in a line that
/// [`reads_as_capitals`] takes for one set in capitals (`Et`, `d’` may not).
const MIXED_CAPITALS_WORD_LETTERS: usize = 3;

/// True when `text` is set in capitals, though some of its letters came out
/// in lower case: a display font may map some of its capitals to lower-case
/// code points (`RESSoURCES hUmAINES`), and writers often type accented
/// capitals as small letters (`LA VIE DU RéSEAU`). Such a line has at least
/// `min_letters` letters, mostly capitals, a capital in every word of
/// [`MIXED_CAPITALS_WORD_LETTERS`] letters or more, and a small letter
/// before a capital inside some word, which ordinary writing (`SDGs`,
/// `The CEO`) does not give.
pub fn reads_as_capitals(text: &str, min_letters: usize) -> bool {
    if is_all_caps(text, min_letters) {
        return true;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    if letters < min_letters || (capitals as f64) < MIXED_CAPITALS_SHARE * letters as f64 {
        return false;
    }
    // The parts of a compound (`Marie-Bernard`, `FLACMA/GTZ`) and an
    // elided article (`d’hIStoIRE`) are words of their own.
    let words = || {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
    };
    let every_word_capitalised = words()
        .filter(|word| word.chars().count() >= MIXED_CAPITALS_WORD_LETTERS)
        .all(|word| word.chars().any(char::is_uppercase));
    // Two words glued by a lost space (`LocalACP`) also put a small letter
    // before a capital, but leave as many small letters as capitals.
    let small_before_capital = words().any(|word| {
        let capitals = word.chars().filter(|c| c.is_uppercase()).count();
        2 * capitals > word.chars().count()
            && word
                .chars()
                .skip_while(|c| !c.is_lowercase())
                .any(char::is_uppercase)
    });
    every_word_capitalised && small_before_capital
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

/// Whether `text`, [`fold`]ed and [`folded`], is an entry of a word table
/// of the lexicons (entries are folded and lower case). Asked of most
/// lines: one with more words than any entry can have is none, without
/// folding it (folding changes no character into or out of a space but
/// typographic spaces, which are spaces already, so it keeps the words).
pub fn is_entry(
    lex: &Lexicons,
    table: impl Fn(&'static Lexicon) -> &'static [&'static str] + Copy,
    text: &str,
) -> bool {
    // An entry has at most one word more than it has spaces.
    let most = lex
        .each(table)
        .map(|entry| entry.bytes().filter(|&b| b == b' ').count() + 1)
        .max()
        .unwrap_or(0);
    text.split_whitespace().nth(most).is_none() && lex.has(table, &folded(&fold(text)))
}

/// Whether `text` heads a table of contents ([`Lexicons::contents_heading`]:
/// a contents heading alone or over its page column), without folding a
/// line with more words than such a heading can have (see [`is_entry`]).
pub fn heads_contents(lex: &Lexicons, text: &str) -> bool {
    let (headings, pages) = lex
        .languages()
        .iter()
        .filter_map(|language| {
            Language::ALL
                .iter()
                .position(|known| known == language)
                .and_then(|at| MOST_WORDS.get(at))
        })
        .fold((0, 0), |(headings, pages), &(most_heading, most_page)| {
            (headings.max(most_heading), pages.max(most_page))
        });
    let most = headings + pages;
    // A heading may close on a colon (`TABLE OF CONTENTS:`).
    let text = text.trim_end().trim_end_matches(':');
    text.split_whitespace().nth(most).is_none() && lex.contents_heading(&folded(&fold(text)))
}

/// Most words of a contents heading and of a page word in each language's
/// tables, in [`Language::ALL`]'s order: [`heads_contents`] is asked of most
/// lines, the tables do not change.
static MOST_WORDS: LazyLock<[(usize, usize); Language::ALL.len()]> = LazyLock::new(|| {
    let most_words = |entries: &[&str]| {
        entries
            .iter()
            .map(|entry| entry.bytes().filter(|&b| b == b' ').count() + 1)
            .max()
            .unwrap_or(0)
    };
    Language::ALL.map(|language| {
        let lexicon = language.lexicon();
        (
            most_words(lexicon.contents_headings),
            most_words(lexicon.page_words),
        )
    })
});

/// Whether a paragraph ends on a contents heading after its last sentence
/// (`… to serve their communities. Table of Contents`): a page whose layout
/// was lost ran the heading into the end of the text above it. Only the
/// last words are folded, as many as the longest heading has.
pub fn ends_on_contents_heading(lex: &Lexicons, text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let most = lex
        .each(|l| l.contents_headings)
        .map(|entry| entry.split_whitespace().count())
        .max()
        .unwrap_or(0);
    (1..=most).any(|n| {
        let Some(cut) = words.len().checked_sub(n + 1) else {
            return false;
        };
        let closes_sentence = words
            .get(cut)
            .is_some_and(|word| word.ends_with(['.', '!', '?', ':', ';']));
        closes_sentence
            && words
                .get(cut + 1..)
                .is_some_and(|tail| lex.contents_heading(&folded(&fold(&tail.join(" ")))))
    })
}

/// Most words of a line that closes on a contents heading (see
/// [`closes_on_contents_heading`]).
const CLOSING_HEADING_LINE_WORDS: usize = 12;

/// Whether a short line closes on a contents heading set in capitals
/// (`Administrative Report 2014-2015 TABLE OF CONTENTS`): the cover's last
/// line run into the heading of the page after it, which then heads the
/// entries below. Capitals tell the heading from a phrase that ends on the
/// same words (`the consumer price index`).
pub fn closes_on_contents_heading(lex: &Lexicons, text: &str) -> bool {
    let in_capitals = |word: &&str| {
        word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
    };
    // Asked of every line: the heading closing the line ends it, so a line
    // whose last word is not in capitals, or too long a line, is told
    // before its words are gathered.
    if !text
        .split_whitespace()
        .next_back()
        .is_some_and(|last| in_capitals(&last))
        || text
            .split_whitespace()
            .nth(CLOSING_HEADING_LINE_WORDS)
            .is_some()
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let most_words = |entries: &mut dyn Iterator<Item = &&'static str>| {
        entries
            .map(|entry| entry.split_whitespace().count())
            .max()
            .unwrap_or(0)
    };
    let most = most_words(&mut lex.each(|l| l.contents_headings))
        + most_words(&mut lex.each(|l| l.page_words));
    (1..=most.min(words.len().saturating_sub(1))).any(|n| {
        let cut = words.len() - n;
        let (head, tail) = words.split_at(cut);
        tail.iter().all(in_capitals)
            && !head.last().is_some_and(in_capitals)
            && lex.contents_heading(&folded(&fold(&tail.join(" "))))
    })
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

    /// What [`BULLET`] itself reads of a line, as `bullet` gives it.
    fn by_pattern(line: &str) -> Option<(bool, &str)> {
        BULLET.captures(line).and_then(|caps| {
            let text = caps.name("text")?.as_str();
            let indent = caps
                .name("indent")
                .map_or(0, |m| m.as_str().chars().count());
            (!text.starts_with('|')).then_some((caps.name("sub").is_some() || indent >= 2, text))
        })
    }

    proptest::proptest! {
        #[test]
        fn marked_items_read_as_the_pattern_reads_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    " ", "  ", "\u{a0}", "\t", "-", "*", "•", "·", "o", "O", "1", "12", "123",
                    ".", ")", "|", "x", "Ñ", "\r",
                ][..]),
                0..8,
            )
        ) {
            let line = pieces.concat();
            let opened = line.trim_start();
            let by_hand = marked_item(&line, opened).map(|found| found.map(|b| (b.nested, b.text)));
            let matched = BULLET.is_match(&line);
            proptest::prop_assert_eq!(by_hand.is_some(), matched, "{:?}", line);
            if matched {
                proptest::prop_assert_eq!(by_hand.flatten(), by_pattern(&line), "{:?}", line);
            }
        }
    }

    #[test]
    fn entries_are_found_as_folding_finds_them() {
        let lex = Lexicons::all();
        let slow = |text: &str| lex.has(|l| l.contents_headings, &folded(&fold(text)));
        for text in [
            "Índice",
            "ÍNDICE",
            "  Table\u{a0}des   MATIÈRES ",
            "Table of contents",
            "Contents",
            "Sommaire général de l’année et de tout ce qui suit ici",
            "",
            "Índice de contenidos del informe anual de la asociación",
        ] {
            assert_eq!(
                is_entry(&lex, |l| l.contents_headings, text),
                slow(text),
                "{text:?}"
            );
        }
        assert!(is_entry(&lex, |l| l.contents_headings, "ÍNDICE"));
        assert!(!is_entry(
            &lex,
            |l| l.contents_headings,
            "Índice de contenidos del informe anual"
        ));
    }

    #[test]
    fn heads_contents_agrees_with_the_lexicon_on_short_and_long_lines() {
        let lex = Lexicons::all();
        for text in [
            "ÍNDICE",
            "ÍNDICE Página",
            "Contents page",
            "Table des matières",
            "Índice de contenidos del informe anual de la asociación Página",
            "Página",
        ] {
            assert_eq!(
                heads_contents(&lex, text),
                lex.contents_heading(&folded(&fold(text))),
                "{text:?}"
            );
        }
        assert!(heads_contents(&lex, "ÍNDICE Página"));
        assert!(!heads_contents(&lex, "Página"));
        assert!(heads_contents(&lex, "TABLE OF CONTENTS:"));
    }

    #[test]
    fn a_contents_heading_run_into_the_end_of_a_paragraph_is_found() {
        let lex = Lexicons::all();
        assert!(ends_on_contents_heading(
            &lex,
            "We report on our work of the year. Table of Contents"
        ));
        assert!(ends_on_contents_heading(
            &lex,
            "Le mot du président. Sommaire"
        ));
        assert!(!ends_on_contents_heading(&lex, "Table of Contents"));
        assert!(!ends_on_contents_heading(
            &lex,
            "The contents of the report were approved"
        ));
        assert!(!ends_on_contents_heading(&lex, "See the price index"));
        assert!(closes_on_contents_heading(
            &lex,
            "Administrative Report 2014-2015 TABLE OF CONTENTS"
        ));
        assert!(closes_on_contents_heading(&lex, "RAPPORT 2019 SOMMAIRE"));
        assert!(!closes_on_contents_heading(&lex, "TABLE OF CONTENTS"));
        assert!(!closes_on_contents_heading(
            &lex,
            "We publish the price index"
        ));
        assert!(!closes_on_contents_heading(
            &lex,
            "We publish the PRICE INDEX"
        ));
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

    #[test]
    fn capitals_with_letters_a_font_or_a_writer_set_small() {
        for line in [
            "RESSOURCES HUMAINES",
            "RESSoURCES hUmAINES",
            "dIRECtIoN dES mUSÉES d’hIStoIRES Et dE SoCIÉtÉS",
            "LA VIE DU RéSEAU",
            "INFORME DE GESTIóN",
            "ÉdUCAtIoN",
        ] {
            assert!(reads_as_capitals(line, 4), "{line}");
        }
        for line in [
            "Ressources humaines",
            "SDGs and NGOs",
            "The CEO of NLC",
            "Report of the UCLG ASPAC",
            "iPhone sales",
            "AbC",
            "Marie-Bernard DEL VALLE – MARZIN",
            "Abya-Yala/FLACMA-DFID/GTZ",
            "d’Appui LocalACP- CAM SOMMAIRE",
        ] {
            assert!(!reads_as_capitals(line, 4), "{line}");
        }
    }
}
