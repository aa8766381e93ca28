//! The code grammar of plans: what an item code looks like and where it sits
//! in the hierarchy, and the status vocabulary items are read with.
//!
//! Owns every code shape planex knows:
//!
//! - the built-in Line / Measure / Deliverable grammar of the seeds
//!   (`L2M3D1`: [`builtin`]);
//! - shapes detected from the document ([`code_at_start`]): an optional
//!   prefix word (`Action 1.2.3`, `Objectif 2.1`) or prefix letters
//!   (`A1.1`, `L1=`), then numbers joined by dots, the first possibly a
//!   roman numeral (`III.2.1`, `Axe III`), or letter–number segments
//!   (`O1A2`, `OE1-LA2-A3`); a breadcrumb of codes (`Eje 1 › Programa 1.2`)
//!   is read whole by [`codes_at_start`]. Codes are grouped in families of
//!   one prefix and one depth; which families are plan items is decided by
//!   the [`items`](crate::extract) reader from the statuses their rows carry;
//! - shapes a user declares in a grammar file ([`file`](mod@file), `--grammar
//!   plan.toml`): patterns such as `Action {axis}.{objective}.{action}` and
//!   status words or marks mapped to normalized statuses.
//!
//! The parent of a code is the code whose numbers are the longest proper
//! prefix of its own (`1.2` for `1.2.3`, `Objectif 2.1` for `Action 2.1.3`).
//! Status words come from the lexicons of the document's languages
//! ([`Vocabulary`]) and are matched with [`fold_word`], which ignores case,
//! plural `s` and the feminine endings of Spanish and French.

pub mod builtin;
pub mod file;

use crate::lexicon::Narrowed;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::lexicon::{Language, Lexicons, StatusMeaning};
use crate::model::Status;

pub use file::{parse_grammar_file, read_grammar_file, GrammarFileError};

/// Signs that call a footnote: superscript digits, daggers, the section
/// sign. `*` is not one here: it is a mark of its own in status tables.
pub const NOTE_SIGNS: &[char] = &[
    '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '†', '‡', '§',
];

/// What plan items and statuses are read with: a user's grammar, if any,
/// and the lexicons of the languages detected in the document.
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary<'a> {
    /// A grammar file's code patterns and status words.
    pub grammar: Option<&'a Grammar>,
    /// The status words of the document's languages.
    pub lexicons: &'a Lexicons,
}

impl<'a> Vocabulary<'a> {
    /// Reads with the lexicons of `lexicons` and, when given, a user's grammar.
    pub fn new(grammar: Option<&'a Grammar>, lexicons: &'a Lexicons) -> Self {
        Self { grammar, lexicons }
    }

    /// The same grammar with the lexicons of every language: for a cell
    /// that is a status word and nothing else, which reads the same in any
    /// language (`Completed` in a Spanish report's status column).
    pub fn every_language(self) -> Vocabulary<'a> {
        static ALL: LazyLock<Lexicons> = LazyLock::new(Lexicons::all);
        Vocabulary {
            grammar: self.grammar,
            lexicons: &ALL,
        }
    }
}

/// A user-declared grammar (from a grammar file): code patterns and status
/// words. Serializable so that batch workers receive it inside their config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grammar {
    /// Code patterns; empty to detect codes from the document.
    pub patterns: Vec<CodePattern>,
    /// Status words or marks, matched before the built-in vocabulary.
    pub statuses: Vec<StatusEntry>,
}

/// A code pattern: literal text and numbered levels, such as
/// `Action {axis}.{objective}.{action}`. A code may stop after any level
/// (`Action 1.2` is an objective of that pattern).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodePattern {
    /// The pattern as written.
    pub source: String,
    /// Literal text before each level, and the level's name.
    pub levels: Vec<PatternLevel>,
}

/// One numbered level of a [`CodePattern`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternLevel {
    /// Literal text printed before this level's number (`Action `, `.`, `M`).
    pub before: String,
    /// The level's name (`objective`).
    pub name: String,
}

/// A status word or mark a grammar file maps to a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEntry {
    /// The word or mark as printed (matched case-insensitively for words).
    pub mark: String,
    /// The normalized status, or null for a state outside the three classes.
    pub status: Option<Status>,
    /// The normalized name of a state outside the three classes (`cancelled`).
    pub label: Option<String>,
}

impl StatusEntry {
    /// What the entry means.
    pub fn meaning(&self) -> Option<Meaning> {
        match (&self.status, &self.label) {
            (Some(status), _) => Some(Meaning::Class(*status)),
            (None, Some(label)) => Some(Meaning::Outside(label.clone())),
            (None, None) => None,
        }
    }
}

/// What a mark or status word means, owned (a grammar file's labels are not static).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// One of the three normalized statuses.
    Class(Status),
    /// A state outside them, by normalized name.
    Outside(String),
}

impl From<StatusMeaning> for Meaning {
    fn from(meaning: StatusMeaning) -> Self {
        match meaning {
            StatusMeaning::Class(status) => Self::Class(status),
            StatusMeaning::Outside(name) => Self::Outside(name.to_owned()),
        }
    }
}

impl Meaning {
    /// The normalized status, for the three classes.
    pub fn status(&self) -> Option<Status> {
        match self {
            Self::Class(status) => Some(*status),
            Self::Outside(_) => None,
        }
    }

    /// A short name (`achieved`, `cancelled`).
    pub fn name(&self) -> &str {
        match self {
            Self::Class(status) => status.as_str(),
            Self::Outside(name) => name,
        }
    }
}

/// A code found at the start of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMatch {
    /// The code, normalized (`Action 1.2.3`, `A1.1`, `1.1.1`, `O1A2`).
    pub code: String,
    /// The family: prefix and depth (`action#3`), one shape of one level.
    pub family: String,
    /// The level name the code itself gives (`Action`, `A`), if any.
    pub level: Option<String>,
    /// The numbers of the code, top level first.
    pub path: Vec<u16>,
    /// Byte offset, in the cell, of the text after the code.
    pub rest: usize,
}

impl CodeMatch {
    /// Depth: how many numbers the code has.
    pub fn depth(&self) -> u8 {
        u8::try_from(self.path.len()).unwrap_or(u8::MAX)
    }
}

/// Leading list bullets before a code.
const BULLETS: &[char] = &['-', '*', '•', '·', '–', '—', '>', '▪'];

/// `Action 1.2.3`, `Objectif 2.1 :`, `Objectif stratégique 2`, `Obj. 1.2`,
/// `A1.1`, `A.1.1`, `SO-1.2`, `L1=`, `1.1.1.`, `1-2`, `#12`, `Target 3.b`, `Indicator
/// 3.b.1`: an optional prefix word (abbreviated or not, with one lower-case
/// word after it) or prefix letters (joined by a dot or hyphen), then one to
/// six numbers joined by dots, any after the first possibly one lower-case
/// letter (`b` is the second), a letter possibly followed by a lower-case
/// roman numeral (`1.a.ii`: the outline's number, letter, numeral; the letter
/// may be a capital, `1.A.iii`). Prefix
/// letters joined by a hyphen take hyphens between their numbers too
/// (`P-01`, `P-01-03`), with a year first in a register numbered per year
/// (`PA-2024-07`, `PCAET-2023-04`: the year is part of the code, not of its
/// path; an acronym of four letters or more only before a year), or a
/// meeting or period before a slash (`BM-23/07`: action 7 of meeting 23).
/// Prefix letters set apart by a space may take numbers joined by hyphens
/// (`FA 2-3`: the third action sheet of axis 2).
/// A register numbered per year may open with the year and a series letter
/// (`2023-O-07`: the seventh decision of 2023's ordinary sessions). A prefix
/// word may be followed by a number sign (`Action n° 3.2`, `Ficha N.º 4`).
/// A prefix word may be cut short to two letters and a dot (`Op. 2.3`) or
/// be a compound cut short (`Sub-prog. 4.2`). Prefix letters and dotted
/// numbers may be followed by a hyphen and a lower level's letters and
/// number (`R1.2-A3`: activity 3 of result 1.2).
/// Numbers may end in a letter in brackets (`1.2(a)`: item a of 1.2; then a
/// roman numeral in brackets, `2(b)(iii)`: legal numbering), or in a
/// number in brackets (`4(2)`: paragraph 2 of section 4; then a letter,
/// `4(2)(b)`), or,
/// after a dot, glued to the last number (`3.2a`: item a of 3.2), and
/// a first number may carry a capital letter (`1A`, `1A.2`: objective A of
/// priority 1, its second action). Dotted numbers may end in a hyphen and a
/// letter (`3.2-b`: item b of 3.2). A plan numbered by year opens its codes
/// with the year (`2024.1.3`: action 3 of programme 1 of the 2024 plan),
/// its numbers after it never padded with a zero (`2024.01.15` is a date).
static DOTTED_CODE: Narrowed = Narrowed::literal(
    r"(?x) ^ (?:
               (?P<hyphened> \p{Lu}{1,6} ) - (?: (?P<year> (?:19|20)[0-9]{2} ) - )?
               (?: (?P<mnum> [0-9]{1,3} ) / (?P<inum> [0-9]{1,3} ) | (?P<hnums> [0-9]{1,3} (?: - [0-9]{1,3} ){0,5} ) )
             | (?P<spaced> \p{Lu}{1,4} ) \s (?P<snums> [0-9]{1,3} (?: - [0-9]{1,3} ){1,5} )
             | (?P<ryear> (?:19|20)[0-9]{2} ) - (?P<series> \p{Lu}{1,3} ) - (?P<rnum> [0-9]{1,4} )
             | (?P<yearled> (?:19|20)[0-9]{2} (?: \. [1-9][0-9]{0,2} ){1,4} )
             | (?P<bare_hyphened> [0-9]{1,3} (?: - [0-9]{1,3} ){1,5} )
             | \# (?P<numbered> [0-9]{1,4} )
             | (?P<glued> [0-9]{1,3} [A-Z] (?: \. [0-9]{1,3} ){0,4} )
             | (?: (?P<word> (?: \p{Lu}\p{Ll}{2,} (?: - \p{Ll}{2,} )? \.? | \p{Lu}\p{Ll} \. | \p{Lu}{4,} ) (?: \s \p{Ll}{3,} )? ) \s+ (?P<sign> (?i: n[°º] | n\.º | no\. | núm\. ) \s* )?
                 | (?P<letters> \p{Lu}{1,3} ) (?P<joint> \s | [.\-] )? )?
               (?P<nums> [0-9]{1,3} (?: \. [a-z] (?: \. (?: [ivx]{1,4} ) )? | \. [A-Z] (?: \. [ivx]{1,4} )? | \. [0-9]{1,3} ){0,5} (?: \( (?: [a-z] | [0-9]{1,2} ) \) (?: \( (?: [ivx]{1,4} | [a-z] ) \) )? | - [a-z] | [a-z] )? )
               (?: - (?P<sub> \p{Lu}{1,3} ) (?P<subnum> [0-9]{1,3} ) )?
           )
           (?P<end> \.? \s* [=:)\-–—]? ) (?: \s | $ )",
);

/// The numbers of a code's path (`3.b.1`, `01-03`, `I.A.1`): digits, or
/// one letter counted from `a` (or `A`) = 1.
///
/// After a letter, a lower-case roman numeral is the next level's number
/// (`1.a.ii` is 1, 1, 2; `1.a.v` is 1, 1, 5).
fn path_numbers(nums: &str, separator: char) -> Option<Vec<u16>> {
    let mut after_letter = false;
    nums.split(separator)
        .map(|part| {
            let number = match part.as_bytes() {
                _ if after_letter && part.bytes().all(|b| b"ivx".contains(&b)) => {
                    roman_value(&part.to_uppercase())
                }
                [letter @ b'a'..=b'z'] => Some(u16::from(letter - b'a') + 1),
                [letter @ b'A'..=b'Z'] => Some(u16::from(letter - b'A') + 1),
                _ => part.parse().ok(),
            };
            after_letter = part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic());
            number
        })
        .collect()
}

/// `A. Mobilité`: a lone capital letter closed by a dot before a capitalized
/// word, the top level of a lettered outline (`A.1.2`). Initials (`A. Smith`)
/// read the same: only the codes under them make them a level.
static LONE_LETTER: Narrowed = Narrowed::literal(r"^(?P<letter>[A-Z])\.\s+\p{Lu}");

fn lone_letter_at_start(text: &str, offset: usize) -> Option<CodeMatch> {
    let caps = LONE_LETTER.captures(text)?;
    let letter = caps.name("letter")?.as_str();
    let rest = text.get(letter.len() + 1..)?;
    Some(CodeMatch {
        code: letter.to_owned(),
        family: "letter.#1".to_owned(),
        level: None,
        path: path_numbers(letter, '.')?,
        rest: offset + text.len() - rest.trim_start().len(),
    })
}

/// The path of dotted numbers that may end in a letter in brackets
/// (`1.2(a)` is 1, 2, 1), after a hyphen (`3.2-b` is 3, 2, 2; a lone `2-b`
/// is [`MIXED_CODE`]'s) or glued to the last of two numbers or more
/// (`3.2a` is 3, 2, 1; a lone `2a` is an ordinal, no code).
fn bracketed_path(nums: &str) -> Option<Vec<u16>> {
    if let Some((numbers, letter)) = nums.rsplit_once('-') {
        if !numbers.contains('.') {
            return None;
        }
        let mut path = path_numbers(numbers, '.')?;
        path.extend(path_numbers(letter, '.')?);
        return Some(path);
    }
    let glued = nums
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .filter(|head| head.ends_with(|c: char| c.is_ascii_digit()));
    match (
        nums.strip_suffix(')').and_then(|head| head.split_once('(')),
        glued,
    ) {
        // `2(b)(iii)`: a letter in brackets, then possibly a roman numeral
        // in brackets (legal numbering: section 2, paragraph b, item 3);
        // `4(2)(b)`: a number in brackets, then possibly a letter
        // (section 4, paragraph 2, item b).
        (Some((numbers, brackets)), _) => {
            let mut path = path_numbers(numbers, '.')?;
            let mut groups = brackets.split(")(");
            let first = groups.next()?;
            path.extend(path_numbers(first, '.')?);
            if let Some(second) = groups.next() {
                let numbered = first.bytes().all(|b| b.is_ascii_digit());
                let number = if numbered && second.len() == 1 {
                    path_numbers(second, '.')?.first().copied()?
                } else {
                    roman_value(&second.to_uppercase())?
                };
                path.push(number);
            }
            groups.next().is_none().then_some(path)
        }
        (None, Some(numbers)) if numbers.contains('.') => {
            let mut path = path_numbers(numbers, '.')?;
            path.extend(path_numbers(nums.get(numbers.len()..)?, '.')?);
            Some(path)
        }
        (None, Some(_)) => None,
        (None, None) => path_numbers(nums, '.'),
    }
}

/// `III.2.1`, `IV.1`, `Axe III`, `Pillar II.`, `EJE II`, `I.A.1` (the
/// outline's numeral, capital letter, number): a roman numeral, then dotted
/// numbers or letters, or after a prefix word, capitalized or in capitals
/// (a lone `I` or `V` is a word, not a code).
static ROMAN_CODE: Narrowed = Narrowed::literal(
    r"(?x) ^ (?: (?P<word> (?: \p{Lu}\p{Ll}{2,} | \p{Lu}{3,} ) (?: \s \p{Ll}{3,} )? ) \s+ )?
           (?P<nums> (?P<roman> [IVXL]{1,7} ) (?P<dotted> (?: \. (?: [0-9]{1,3} | [a-z] | [A-Z] ) ){0,5} ) )
           (?P<end> \.? \s* [=:)\-–—]? ) (?: \s | $ )",
);

/// `Axis II – 4. Rural broadband`, `Eje III — 2: Empleo`, `IV - 3 Title`: a
/// [`ROMAN_CODE`] whose numeral is followed by a dash, spaced or not (a
/// hyphen only spaced: `II-3` is [`DOTTED_CODE`]'s), and a number, which is
/// the next level's (action 4 of axis II). The number closes the code only
/// before a stop, a colon or a capitalized title: `Axe II – 4 actions` is
/// axis II and its title.
static ROMAN_DASHED: Narrowed = Narrowed::literal(
    r"(?x) ^ (?: (?P<word> (?: \p{Lu}\p{Ll}{2,} | \p{Lu}{3,} ) (?: \s \p{Ll}{3,} )? ) \s+ )?
           (?P<nums> (?P<roman> [IVXL]{1,7} ) (?: \s? [–—] \s? | \s - \s ) (?P<dashed> [0-9]{1,3} ) )
           (?P<end> (?: [.:)] | \s* [=:–—] )? ) (?: \s+ \p{Lu} | \s* $ )",
);

/// `O1A2`, `OE2R1`, `OE1-LA2-A3`, `OE1.LA2`, `OBJ1-A2`, `R3/S2`:
/// letter–number segments (one to three letters), two or more, joined
/// directly or by one hyphen, dot or slash each.
static SEGMENTED_CODE: Narrowed = Narrowed::literal(
    r"(?x) ^ (?P<code> \p{Lu}{1,3} [0-9]{1,3} (?: [-./]? \p{Lu}{1,3} [0-9]{1,3} ){1,5} ) (?P<end> \s* [=:.)\-–—]? ) (?: \s | $ )",
);

/// A capitalized word, perhaps with one lower-case word after it, and the
/// space after them, at the start of a cell: the level's name before a code
/// of letter–number segments (`Action OS1-A3`, `Strategic objective SO1`).
static LEVEL_WORD: Narrowed = Narrowed::literal(r"^\p{Lu}\p{Ll}{2,}(?:\s\p{Ll}{3,})?\s+");

/// `III-b-2`, `B-II-3`, `A1-ii`, `IV-a`, `E1-01`: segments joined by
/// hyphens, each a number, a roman numeral (in capitals, or in small
/// letters after the first) or one letter, the first possibly letters
/// before a number (`A1`). Unless the first is such, one segment after it
/// at least is a numeral or a letter: numbers alone after a numeral or
/// letters (`II-3`, `P-01`) are [`DOTTED_CODE`]'s.
static MIXED_CODE: Narrowed = Narrowed::literal(
    r"(?x) ^ (?P<code> (?: \p{Lu}{1,3} [0-9]{1,3} | [0-9]{1,3} | [IVXL]{1,6} | [A-Z] )
               (?: - (?: [0-9]{1,3} | [IVXL]{1,6} | [ivxl]{1,6} | [A-Za-z] ) ){1,5} )
           (?P<end> \.? \s* [=:)–—]? ) (?: \s | $ )",
);

/// One segment of a [`MIXED_CODE`]: its value and its kind (`n` a number,
/// `r` a roman numeral, `l` a letter counted from `a` = 1). A lone `I`, `V`
/// or `X` is a numeral; any other lone letter is a letter.
fn mixed_segment(segment: &str) -> Option<(u16, char)> {
    if let Ok(number) = segment.parse() {
        return Some((number, 'n'));
    }
    let upper = segment.to_uppercase();
    let numeral = segment.chars().count() > 1 || matches!(upper.as_str(), "I" | "V" | "X");
    if let Some(value) = roman_value(&upper).filter(|_| numeral) {
        return Some((value, 'r'));
    }
    let mut chars = segment.chars();
    let letter = u8::try_from(chars.next()?.to_ascii_lowercase()).ok()?;
    (chars.next().is_none() && letter.is_ascii_lowercase())
        .then(|| (u16::from(letter - b'a') + 1, 'l'))
}

/// A [`MIXED_CODE`] at the start of `text` (bullet already stripped,
/// `offset` bytes into the cell). Its family is its letters and the kinds
/// of its segments (`III-b-2` and `IV-a-1` are one family, `III-b` another).
fn mixed_at_start(text: &str, offset: usize) -> Option<CodeMatch> {
    let caps = MIXED_CODE.captures(text)?;
    let code = caps.name("code")?.as_str();
    let mut segments = code.split('-');
    let first = segments.next()?;
    let mut path = Vec::new();
    let mut kinds = String::new();
    let level = match first.find(|c: char| c.is_ascii_digit()) {
        Some(at) if at > 0 => {
            path.push(first.get(at..)?.parse().ok()?);
            Some(first.get(..at)?.to_owned())
        }
        _ => {
            let (value, kind) = mixed_segment(first)?;
            path.push(value);
            kinds.push(kind);
            None
        }
    };
    let mut lettered = false;
    for segment in segments {
        let (value, kind) = mixed_segment(segment)?;
        lettered |= kind != 'n';
        path.push(value);
        kinds.push(kind);
    }
    // `E1-01`: letters and a number, then numbers, is one too (action 1
    // of axis E1); `3-1-2` and `II-3` are read as dotted codes are.
    if !lettered && level.is_none() {
        return None;
    }
    Some(CodeMatch {
        code: code.to_owned(),
        family: format!(
            "{}mixed-{kinds}#{}",
            level.as_deref().unwrap_or_default().to_lowercase(),
            path.len()
        ),
        level,
        path,
        rest: offset + caps.name("end")?.end(),
    })
}

/// What separates the codes of a breadcrumb (`Eje 1 › Programa 1.2 › Proyecto 1.2.4`).
const BREADCRUMB_SEPARATORS: &[&str] = &["›", "»", ">", "→", "▸", "/", "·", "•", "|"];

/// The value of a roman numeral written in canonical form (`III`, `XIV`),
/// up to 89; `IIII`, `VV` or `IL` are not numerals.
pub(crate) fn roman_value(numeral: &str) -> Option<u16> {
    const DIGITS: [(u16, &str); 7] = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = numeral;
    let mut value = 0;
    for (worth, digits) in DIGITS {
        while let Some(after) = rest.strip_prefix(digits) {
            rest = after;
            value += worth;
        }
    }
    let mut written = String::new();
    let mut left = value;
    for (worth, digits) in DIGITS {
        while left >= worth {
            left -= worth;
            written.push_str(digits);
        }
    }
    (rest.is_empty() && value > 0 && written == numeral).then_some(value)
}

/// Splits `O1A2` into its letters and numbers.
static SEGMENT: Narrowed = Narrowed::literal(r"(?P<letters>\p{Lu}{1,3})(?P<n>[0-9]{1,3})");

fn strip_bullet(cell: &str) -> (&str, usize) {
    let trimmed = cell.trim_start();
    let offset = cell.len() - trimmed.len();
    match trimmed.strip_prefix(BULLETS) {
        Some(rest) if rest.starts_with(' ') => {
            let rest_trimmed = rest.trim_start();
            (rest_trimmed, cell.len() - rest_trimmed.len())
        }
        _ => (trimmed, offset),
    }
}

/// The text after a caption's word, number and separator (`Table 2 – `,
/// `Cuadro 3. `, `Tableau 1 : `), the caption words being every language's
/// [`caption_words`]; `None` when `text` opens no caption.
///
/// [`caption_words`]: crate::lexicon::Lexicon::caption_words
fn after_caption(text: &str) -> Option<&str> {
    let (word, rest) = text.split_once(' ')?;
    let rest = rest.trim_start();
    // Asked of every cell: the number first, the word tables only then.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let word = word.to_lowercase();
    if !Lexicons::all()
        .each(|lexicon| lexicon.caption_words)
        .any(|caption| *caption == word)
    {
        return None;
    }
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let after = rest.get(number_end..)?;
    Some(after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | '.')
    }))
}

/// The code at the start of `cell`, read with the grammar's patterns when it
/// has any, else with the shapes planex detects. Built-in `L1M2D3` codes are
/// not returned: the deliverables reader owns them.
///
/// A word of insertion after the code is part of it (`1.2 bis`, `2.1 ter`:
/// an item added after `2.1` once the plan was adopted, its sibling).
///
/// ```
/// use planex::grammar::code_at_start;
///
/// let found = code_at_start("2.1 ter Permanence de conseil", None).expect("a code");
/// assert_eq!((found.code.as_str(), found.path.as_slice()), ("2.1 ter", &[2, 1][..]));
/// assert_eq!(code_at_start("2.1 Permanence", None).map(|f| f.code), Some("2.1".to_owned()));
/// ```
pub fn code_at_start(cell: &str, grammar: Option<&Grammar>) -> Option<CodeMatch> {
    bare_code_at_start(cell, grammar).map(|found| with_insertion_word(cell, found))
}

/// `found`, taking the word of insertion that follows it in `cell`, if any.
///
/// The word is one of the lexicons' (`bis`, `ter`), in lower case, and ends
/// the cell or is followed by a space or a separator. A code after it makes
/// it a range's word instead (`1.2 bis 1.5` in German: 1.2 to 1.5), and a
/// code whose numbers end in a letter already names its inserted items
/// (`3.2a`).
fn with_insertion_word(cell: &str, found: CodeMatch) -> CodeMatch {
    static ALL: LazyLock<Lexicons> = LazyLock::new(Lexicons::all);
    let Some(after) = cell.get(found.rest..) else {
        return found;
    };
    let spaced = after.trim_start_matches([' ', '\u{a0}']);
    if spaced.len() == after.len() || found.code.ends_with(|c: char| c.is_ascii_lowercase()) {
        return found;
    }
    let word_end = spaced
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(spaced.len());
    let (word, tail) = spaced.split_at(word_end);
    let next = tail.trim_start();
    let separated = next.starts_with(CODE_SEPARATORS);
    let closes = tail.is_empty() || tail.starts_with(char::is_whitespace) || separated;
    let opens_code = next.starts_with(|c: char| c.is_ascii_digit());
    if !closes || opens_code || !ALL.has(|l| l.insertion_words, word) {
        return found;
    }
    let separator = next
        .chars()
        .next()
        .filter(|_| separated)
        .map_or(0, char::len_utf8);
    CodeMatch {
        code: format!("{} {word}", found.code),
        rest: cell.len() - next.len() + separator,
        ..found
    }
}

/// What may close a code before its title (`1.2 : …`, `1.2 – …`).
const CODE_SEPARATORS: [char; 6] = [':', '.', ')', '–', '—', '-'];

/// [`code_at_start`] without the word of insertion.
fn bare_code_at_start(cell: &str, grammar: Option<&Grammar>) -> Option<CodeMatch> {
    let (text, offset) = strip_bullet(cell);
    // `Table 2 – Objective B: …`: a caption's number is no code, but the
    // code of the level it names is.
    if let Some(after) = after_caption(text) {
        let skipped = offset + text.len() - after.len();
        return code_at_start(after, grammar).map(|found| CodeMatch {
            rest: found.rest + skipped,
            ..found
        });
    }
    // `§ 2.3`: a section sign before a bare number is part of the code, a
    // family of its own beside `2.3`.
    if let Some(after) = text.strip_prefix('§') {
        let number = after.trim_start();
        let skipped = offset + text.len() - number.len();
        return code_at_start(number, None)
            .filter(|found| found.level.is_none() && found.family.starts_with('#'))
            .map(|found| CodeMatch {
                code: format!("§ {}", found.code),
                family: format!("§{}", found.family),
                rest: found.rest + skipped,
                ..found
            });
    }
    if let Some(found) = square_bracketed_at_start(text, offset, grammar) {
        return Some(found);
    }
    if let Some(grammar) = grammar.filter(|g| !g.patterns.is_empty()) {
        return grammar
            .patterns
            .iter()
            .filter_map(|pattern| pattern_at_start(pattern, text))
            .max_by_key(|found| (found.path.len(), found.rest))
            .map(|found| CodeMatch {
                rest: found.rest + offset,
                ..found
            });
    }
    if let Some(caps) = opens_capitals_digit(text)
        .then(|| SEGMENTED_CODE.captures(text))
        .flatten()
    {
        let code = caps.name("code")?.as_str();
        let mut letters = Vec::new();
        let mut path = Vec::new();
        for segment in SEGMENT.captures_iter(code) {
            letters.push(segment.name("letters")?.as_str().to_owned());
            path.push(segment.name("n")?.as_str().parse().ok()?);
        }
        if builtin::is_own_letters(&letters) {
            return None;
        }
        let end = caps.name("end")?.end();
        return Some(CodeMatch {
            code: code.to_owned(),
            family: format!("{}#{}", letters.join("-"), path.len()),
            level: letters.last().cloned(),
            path,
            rest: offset + end,
        });
    }
    // `Action OS1-A3 : …`, `Fiche OS2-A1 – …`, `Estrategia E2 — …`: a word
    // naming the level before a code of letter–number segments, or of
    // letters with its numbers written onto them, which is the code.
    if let Some(word) = LEVEL_WORD.find(text) {
        let rest = text.get(word.end()..)?;
        if opens_capitals_digit(rest) || opens_hyphened_capitals(rest) {
            let found = code_at_start(rest, None).filter(|found| {
                SEGMENTED_CODE.is_match(rest)
                    || (found.level.is_some() && !found.code.contains(' '))
            });
            if let Some(found) = found {
                return Some(CodeMatch {
                    rest: found.rest + offset + word.end(),
                    ..found
                });
            }
        }
    }
    if let Some(found) = mixed_at_start(text, offset) {
        return Some(found);
    }
    if let Some(found) = roman_at_start(text, offset) {
        return Some(found);
    }
    let Some(caps) = DOTTED_CODE.captures(text) else {
        return lone_letter_at_start(text, offset);
    };
    // `PCAET-2023-04`: an acronym of four letters or more before a hyphen
    // is a plan's only when the year of a register follows it (`COVID-19`
    // is no code).
    let long_acronym = caps
        .name("hyphened")
        .is_some_and(|letters| letters.as_str().chars().count() > 3);
    if long_acronym && caps.name("year").is_none() {
        return lone_letter_at_start(text, offset);
    }
    let end = caps.name("end")?.end();
    // `100 %`, `45 % des actions`: a share, not a code.
    if text
        .get(end..)
        .is_some_and(|rest| rest.trim_start().starts_with('%'))
    {
        return None;
    }
    // `BM-23/07`: a register numbered per meeting, one level.
    if let (Some(letters), Some(meeting), Some(number)) =
        (caps.name("hyphened"), caps.name("mnum"), caps.name("inum"))
    {
        let letters = letters.as_str();
        let year = caps
            .name("year")
            .map_or(String::new(), |year| format!("{}-", year.as_str()));
        return Some(CodeMatch {
            code: format!("{letters}-{year}{}/{}", meeting.as_str(), number.as_str()),
            family: format!("{}-/#1", letters.to_lowercase()),
            level: Some(letters.to_owned()),
            path: vec![number.as_str().parse().ok()?],
            rest: offset + end,
        });
    }
    // `2023-O-07`: a register numbered per year and series, one level
    // whatever the series.
    if let (Some(year), Some(series), Some(number)) =
        (caps.name("ryear"), caps.name("series"), caps.name("rnum"))
    {
        return Some(CodeMatch {
            code: format!("{}-{}-{}", year.as_str(), series.as_str(), number.as_str()),
            family: "year-series#1".to_owned(),
            level: None,
            path: vec![number.as_str().parse().ok()?],
            rest: offset + end,
        });
    }
    // `1A`, `1A.2`: the capital letter is the second number.
    if let Some(glued) = caps.name("glued") {
        let glued = glued.as_str();
        let letter_at = glued.find(|c: char| c.is_ascii_uppercase())?;
        let mut path: Vec<u16> = vec![glued.get(..letter_at)?.parse().ok()?];
        let letter = *glued.as_bytes().get(letter_at)?;
        path.push(u16::from(letter - b'A') + 1);
        if let Some(numbers) = glued.get(letter_at + 1..)?.strip_prefix('.') {
            path.extend(path_numbers(numbers, '.')?);
        }
        return Some(CodeMatch {
            code: glued.to_owned(),
            family: format!("#{}", path.len()),
            level: None,
            path,
            rest: offset + end,
        });
    }
    if let (Some(letters), Some(nums)) = (caps.name("hyphened"), caps.name("hnums")) {
        let mut path = path_numbers(nums.as_str(), '-')?;
        let letters = letters.as_str();
        // `II-3`, `IV-2`: a roman numeral before the hyphen is the first
        // number of the path (action 3 of axis II), as in `II.3`.
        if let (Some(numeral), None) = (roman_value(letters), caps.name("year")) {
            path.insert(0, numeral);
            return Some(CodeMatch {
                code: format!("{letters}-{}", nums.as_str()),
                family: format!("roman-#{}", path.len()),
                level: None,
                path,
                rest: offset + end,
            });
        }
        let year = caps
            .name("year")
            .map_or(String::new(), |year| format!("{}-", year.as_str()));
        return Some(CodeMatch {
            code: format!("{letters}-{year}{}", nums.as_str()),
            family: format!("{}-#{}", letters.to_lowercase(), path.len()),
            level: Some(letters.to_owned()),
            path,
            rest: offset + end,
        });
    }
    // `FA 2-3`: letters, a space, numbers joined by hyphens; the code as
    // printed, a family of its own beside `FA-2-3` and `FA 2.3`.
    if let (Some(letters), Some(nums)) = (caps.name("spaced"), caps.name("snums")) {
        let letters = letters.as_str();
        let path = path_numbers(nums.as_str(), '-')?;
        return Some(CodeMatch {
            code: format!("{letters} {}", nums.as_str()),
            family: format!("{} -#{}", letters.to_lowercase(), path.len()),
            level: Some(letters.to_owned()),
            path,
            rest: offset + end,
        });
    }
    // `#12`: a register's running number, one level.
    if let Some(number) = caps.name("numbered") {
        return Some(CodeMatch {
            code: format!("#{}", number.as_str()),
            family: "number#1".to_owned(),
            level: None,
            path: vec![number.as_str().parse().ok()?],
            rest: offset + end,
        });
    }
    // `2024.1.3`: the plan's year is the first number of the path, and
    // the codes under one year a family of their own beside `1.1.3`.
    if let Some(nums) = caps.name("yearled") {
        let path = path_numbers(nums.as_str(), '.')?;
        return Some(CodeMatch {
            code: nums.as_str().to_owned(),
            family: format!("year.#{}", path.len()),
            level: None,
            path,
            rest: offset + end,
        });
    }
    // `1-2`, `3-1-4`: numbers joined by hyphens, a family of their own
    // beside the dotted `1.2`.
    if let Some(nums) = caps.name("bare_hyphened") {
        let path = path_numbers(nums.as_str(), '-')?;
        return Some(CodeMatch {
            code: nums.as_str().to_owned(),
            family: format!("-#{}", path.len()),
            level: None,
            path,
            rest: offset + end,
        });
    }
    let nums = caps.name("nums")?.as_str();
    let mut path = bracketed_path(nums)?;
    // `R1.2-A3`: the activity's letters and number after a hyphen are the
    // next level of the result's path; only after prefix letters, whose
    // code the hyphen extends.
    if let (Some(sub), Some(number)) = (caps.name("sub"), caps.name("subnum")) {
        let letters = caps.name("letters")?.as_str();
        let joint = caps.name("joint").map_or("", |joint| joint.as_str());
        if !matches!(joint, "" | "-") {
            return None;
        }
        path.push(number.as_str().parse().ok()?);
        let sub = sub.as_str();
        return Some(CodeMatch {
            code: format!("{letters}{joint}{nums}-{sub}{}", number.as_str()),
            family: format!(
                "{}-{}#{}",
                letters.to_lowercase(),
                sub.to_lowercase(),
                path.len()
            ),
            level: Some(sub.to_owned()),
            path,
            rest: offset + end,
        });
    }
    let (prefix, code) = match (caps.name("word"), caps.name("letters")) {
        (Some(word), _) => {
            let word = capitalized(word.as_str());
            let sign = caps
                .name("sign")
                .map_or(String::new(), |sign| format!("{} ", sign.as_str().trim()));
            (Some(word.clone()), format!("{word} {sign}{nums}"))
        }
        (None, Some(letters)) => {
            let letters = letters.as_str();
            // `L1M2` written with a space is the built-in grammar's, damaged.
            if letters == "L"
                && text
                    .get(letters.len()..)
                    .is_some_and(|r| r.starts_with(' '))
            {
                return None;
            }
            // The dot or hyphen after the letters is part of the code as
            // printed, and so is a space (`KR 1.2`, `OBJ 1`: an abbreviated
            // level name set apart from its number).
            let joint = caps.name("joint").map_or("", |joint| {
                if joint.as_str().trim().is_empty() {
                    " "
                } else {
                    joint.as_str()
                }
            });
            // `A.1.2`, `C.1`: one capital letter and a dot open an outline
            // whose top level is lettered (axis A, its objective 1, its
            // action 2), as `I.1.2` is numbered in roman.
            if joint == "." && letters.len() == 1 {
                let mut path = path_numbers(letters, '.')?;
                path.extend(path_numbers(nums, '.')?);
                return Some(CodeMatch {
                    code: format!("{letters}.{nums}"),
                    family: format!("letter.#{}", path.len()),
                    level: None,
                    path,
                    rest: offset + end,
                });
            }
            // `VX.1`: roman digits before a dot are a numeral (the roman
            // reader's, which found none), not letters.
            if joint == "." && letters.chars().all(|c| "IVXLCDM".contains(c)) {
                return None;
            }
            (Some(letters.to_owned()), format!("{letters}{joint}{nums}"))
        }
        (None, None) => (None, nums.to_owned()),
    };
    Some(CodeMatch {
        code,
        family: format!(
            "{}#{}",
            prefix.as_deref().unwrap_or("").to_lowercase(),
            path.len()
        ),
        level: prefix,
        path,
        rest: offset + end,
    })
}

/// `[SO-2] Extend opening hours`: a code in square brackets opening a cell,
/// read as the code alone. A bare number in brackets (`[12]`) is a
/// reference, and a checkbox (`[x]`) no code.
fn square_bracketed_at_start(
    text: &str,
    offset: usize,
    grammar: Option<&Grammar>,
) -> Option<CodeMatch> {
    let inner_and_rest = text.strip_prefix('[')?;
    let (inner, rest) = inner_and_rest.split_once(']')?;
    if inner.is_empty() || inner.len() > 24 || (!rest.is_empty() && !rest.starts_with(' ')) {
        return None;
    }
    let found = code_at_start(inner, grammar).or_else(|| glued_letter_code(inner))?;
    if found.rest < inner.trim_end().len() || found.level.is_none() && found.path.len() < 2 {
        return None;
    }
    let rest_at = text.len() - rest.len();
    Some(CodeMatch {
        rest: offset + rest_at,
        ..found
    })
}

/// A line whose code follows its title in brackets (`Ouvrir une maison de
/// santé [2.3] — réalisée`, `Publish the atlas (Action 4.1): done`), written
/// again code first (`2.3 Ouvrir une maison de santé — réalisée`) so that it
/// reads as any coded line. A bare single number (`[12]`) is a footnote or
/// a reference, not a code.
pub fn code_after_title(line: &str, grammar: Option<&Grammar>) -> Option<String> {
    bracketed_code_after_title(line, grammar).or_else(|| dashed_code_after_title(line, grammar))
}

/// `1a`, `12c`: a number with one small letter glued to it, item a of
/// objective 1, read only where it stands alone in brackets (a lone `2a`
/// in running text is an ordinal, `2a edición`).
fn glued_letter_code(inner: &str) -> Option<CodeMatch> {
    let inner = inner.trim();
    let number = inner.strip_suffix(|c: char| c.is_ascii_lowercase())?;
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut path = path_numbers(number, '.')?;
    path.extend(path_numbers(inner.get(number.len()..)?, '.')?);
    Some(CodeMatch {
        code: inner.to_owned(),
        family: format!("#{}", path.len()),
        level: None,
        path,
        rest: inner.len(),
    })
}

/// `☒ Ouvrir une maison de l'habitat (1a)`: after a status mark, the code
/// that follows the title ([`code_after_title`]), or a number with a letter
/// glued to it alone in brackets at the end of the line, written again
/// code first in square brackets (`[1a] Ouvrir …`), where it reads as a
/// code. The mark before the line is what makes `(2a)` a code and not an
/// ordinal or a note.
pub fn code_after_marked_title(line: &str, grammar: Option<&Grammar>) -> Option<String> {
    code_after_title(line, grammar).or_else(|| {
        let (title, inside) = line.trim_end().strip_suffix(')')?.rsplit_once('(')?;
        let code = glued_letter_code(inside)?;
        let title = title.trim();
        title
            .chars()
            .any(char::is_alphabetic)
            .then(|| format!("[{}] {title}", code.code))
    })
}

/// `Review the fees policy – P-07`: a code that ends the line after a dash.
fn dashed_code_after_title(line: &str, grammar: Option<&Grammar>) -> Option<String> {
    let (title, tail) = [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| line.trim_end().rsplit_once(dash))?;
    let tail = tail.trim();
    let code = code_at_start(tail, grammar)?;
    if code.rest < tail.len() || (code.path.len() < 2 && code.level.is_none()) {
        return None;
    }
    let title = title.trim();
    title
        .chars()
        .any(char::is_alphabetic)
        .then(|| format!("{} {title}", code.code))
}

fn bracketed_code_after_title(line: &str, grammar: Option<&Grammar>) -> Option<String> {
    let close = line.rfind([']', ')'])?;
    let open_char = if line.get(close..)?.starts_with(']') {
        '['
    } else {
        '('
    };
    let open = line.get(..close)?.rfind(open_char)?;
    let inside = line.get(open + 1..close)?.trim();
    let code = code_at_start(inside, grammar)?;
    if code.rest < inside.len() || (code.path.len() < 2 && code.level.is_none()) {
        return None;
    }
    let title = line.get(..open)?.trim();
    let after = line.get(close + 1..)?.trim();
    if !title.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(format!("{} {title} {after}", code.code).trim().to_owned())
}

/// Reads again, in place, the codes read as a roman numeral before a hyphen
/// (`II-3`: action 3 of axis II) as a register's letters (`X-12`, `CL-04`:
/// level `X`, number 12) when the document's codes do not support the
/// numeral: no roman code of its own (`Axe II`, `II.`) gives the numeral,
/// and every such code has the same letters. `codes` are all the codes the
/// document holds.
pub fn settle_roman_registers(codes: &mut [&mut CodeMatch]) {
    let is_hyphen_roman = |code: &CodeMatch| code.family.starts_with("roman-#");
    let mut letters: Vec<&str> = codes
        .iter()
        .filter(|code| is_hyphen_roman(code))
        .filter_map(|code| code.code.split_once('-').map(|(letters, _)| letters))
        .collect();
    letters.sort_unstable();
    letters.dedup();
    let [only] = letters.as_slice() else {
        return;
    };
    let numeral = roman_value(only);
    let supported = codes
        .iter()
        .any(|code| code.family.contains("roman#") && code.path.first().copied() == numeral);
    if supported {
        return;
    }
    let only = (*only).to_owned();
    for code in codes.iter_mut().filter(|code| is_hyphen_roman(code)) {
        let path: Vec<u16> = code.path.iter().skip(1).copied().collect();
        code.family = format!("{}-#{}", only.to_lowercase(), path.len());
        code.level = Some(only.clone());
        code.path = path;
    }
}

/// The codes of a breadcrumb at the start of `cell` (`Eje 1 › Programa 1.2
/// › Proyecto 1.2.4`), top level first, each the parent of the next; one
/// code when there is no breadcrumb, none when the cell starts with no code.
pub fn codes_at_start(cell: &str, grammar: Option<&Grammar>) -> Vec<CodeMatch> {
    let mut codes: Vec<CodeMatch> = Vec::new();
    let Some(first) = code_at_start(cell, grammar).or_else(|| {
        grammar
            .is_none_or(|grammar| grammar.patterns.is_empty())
            .then(|| level_letter_at_start(cell))
            .flatten()
    }) else {
        return codes;
    };
    codes.push(first);
    while let Some(last) = codes.last() {
        let after = cell.get(last.rest..).unwrap_or_default();
        let trimmed = after.trim_start();
        let Some(next_text) = BREADCRUMB_SEPARATORS
            .iter()
            .find_map(|separator| trimmed.strip_prefix(separator))
        else {
            break;
        };
        let offset = cell.len() - next_text.len();
        let Some(next) =
            code_at_start(next_text, grammar).or_else(|| abbreviated_at_start(next_text))
        else {
            break;
        };
        let descends = next.path.len() > last.path.len() && next.path.starts_with(&last.path);
        // `Eje II / Programa 3`: named levels, each numbered on its own.
        let named = next.level.as_ref().is_some_and(|level| {
            codes
                .iter()
                .all(|code| code.level.as_ref().is_some_and(|named| named != level))
        });
        if !descends && !named {
            break;
        }
        codes.push(CodeMatch {
            rest: next.rest + offset,
            ..next
        });
    }
    codes
}

/// `Pr1.2`, `Ob3`: a capital and one or two small letters glued to dotted
/// numbers, a level's name cut short. Read only after a breadcrumb's
/// separator, where the code before it vouches for it (`P1 › Pr1.2`); a
/// word glued to a number elsewhere is no code.
static ABBREVIATED_CODE: Narrowed = Narrowed::literal(
    r"(?x) ^ (?P<letters> \p{Lu}\p{Ll}{1,2} ) (?P<nums> [0-9]{1,3} (?: \. [0-9]{1,3} ){0,5} )
           (?P<end> \.? \s* [=:)\-–—]? ) (?: \s | $ )",
);

fn abbreviated_at_start(text: &str) -> Option<CodeMatch> {
    let trimmed = text.trim_start();
    let offset = text.len() - trimmed.len();
    let caps = ABBREVIATED_CODE.captures(trimmed)?;
    let letters = caps.name("letters")?.as_str();
    let nums = caps.name("nums")?.as_str();
    let path = path_numbers(nums, '.')?;
    Some(CodeMatch {
        code: format!("{letters}{nums}"),
        family: format!("{}#{}", letters.to_lowercase(), path.len()),
        level: Some(letters.to_owned()),
        path,
        rest: offset + caps.name("end")?.end(),
    })
}

/// `Eje B.`, `Theme C —`, `Axe B :`: a level word and one capital letter,
/// the letter the level's number (`B` is 2). Only plan items are read with
/// it (rows are not anchored on it): a line such as `Vitamin D …` is read
/// as a code here, and only the items under it make it a level.
static LEVEL_LETTER: Narrowed = Narrowed::literal(
    r"(?x) ^ (?P<word> \p{Lu}\p{Ll}{2,} (?: \s \p{Ll}{3,} )? ) \s+ (?P<letter> [A-Z] )
           (?P<end> \.? \s* [=:)\-–—]? ) (?: \s | $ )",
);

/// The end of the family of every [`LEVEL_LETTER`] code.
const LEVEL_LETTER_FAMILY: &str = " letter#1";

/// Whether a family is one of `LEVEL_LETTER` codes (`Eje B`).
pub fn is_level_letter_family(family: &str) -> bool {
    family.ends_with(LEVEL_LETTER_FAMILY)
}

fn level_letter_at_start(cell: &str) -> Option<CodeMatch> {
    let (text, offset) = strip_bullet(cell);
    // `Table 1 – Objective A: …`: the level the caption names.
    if let Some(after) = after_caption(text) {
        let skipped = offset + text.len() - after.len();
        return level_letter_at_start(after).map(|found| CodeMatch {
            rest: found.rest + skipped,
            ..found
        });
    }
    let caps = LEVEL_LETTER.captures(text)?;
    let word = capitalized(caps.name("word")?.as_str());
    let letter = caps.name("letter")?.as_str();
    Some(CodeMatch {
        code: format!("{word} {letter}"),
        family: format!("{}{LEVEL_LETTER_FAMILY}", word.to_lowercase()),
        path: path_numbers(letter, '.')?,
        level: Some(word),
        rest: offset + caps.name("end")?.end(),
    })
}

/// A roman-numbered code at the start of `text` (bullet already stripped,
/// `offset` bytes into the cell).
fn roman_at_start(text: &str, offset: usize) -> Option<CodeMatch> {
    if let Some(caps) = ROMAN_DASHED.captures(text) {
        let path = vec![
            roman_value(caps.name("roman")?.as_str())?,
            caps.name("dashed")?.as_str().parse().ok()?,
        ];
        let prefix = caps.name("word").map(|word| capitalized(word.as_str()));
        let nums = caps.name("nums")?.as_str();
        return Some(CodeMatch {
            code: prefix
                .as_ref()
                .map_or_else(|| nums.to_owned(), |word| format!("{word} {nums}")),
            family: format!(
                "{}roman–#{}",
                prefix.as_deref().unwrap_or("").to_lowercase(),
                path.len()
            ),
            level: prefix,
            path,
            rest: offset + caps.name("end")?.end(),
        });
    }
    let caps = ROMAN_CODE.captures(text)?;
    let word = caps.name("word");
    let dotted = caps.name("dotted")?.as_str();
    let end = caps.name("end")?;
    // A lone numeral is a code only with a prefix word or a mark after it
    // (`III. Gestión`, `IV - Finances`), or as a whole table cell (`| II |
    // Economía |`): `I think` is a word.
    let whole = text.trim() == caps.name("roman")?.as_str();
    if word.is_none() && dotted.is_empty() && end.as_str().trim().is_empty() && !whole {
        return None;
    }
    // `V.A. Smith`: capital letters each closed by a dot are initials; an
    // outline code's capital letter stands before a number or alone
    // (`I.A.1`, `I.A Networks`).
    if dotted
        .rsplit('.')
        .next()
        .is_some_and(|last| last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()))
        && end.as_str().starts_with('.')
    {
        return None;
    }
    let mut path = vec![roman_value(caps.name("roman")?.as_str())?];
    if let Some(numbers) = dotted.strip_prefix('.') {
        path.extend(path_numbers(numbers, '.')?);
    }
    let nums = caps.name("nums")?.as_str();
    let prefix = word.map(|word| capitalized(word.as_str()));
    let code = prefix
        .as_ref()
        .map_or_else(|| nums.to_owned(), |word| format!("{word} {nums}"));
    Some(CodeMatch {
        code,
        // Roman-numbered codes are a family of their own (`III.2` beside `3.2`).
        family: format!(
            "{}roman#{}",
            prefix.as_deref().unwrap_or("").to_lowercase(),
            path.len()
        ),
        level: prefix,
        path,
        rest: offset + end.end(),
    })
}

/// `ACTION` → `Action`: one spelling per prefix word.
fn capitalized(word: &str) -> String {
    let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// Reads a grammar-file pattern at the start of `text`, stopping after the
/// deepest level present.
fn pattern_at_start(pattern: &CodePattern, text: &str) -> Option<CodeMatch> {
    let mut at = 0;
    let mut path = Vec::new();
    // The numbers as printed (`01`), for the code.
    let mut printed: Vec<&str> = Vec::new();
    for level in &pattern.levels {
        let rest = text.get(at..)?;
        let Some(after_literal) = strip_literal(rest, &level.before) else {
            break;
        };
        let digits = after_literal.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        let number_text = after_literal.get(..digits)?;
        path.push(number_text.parse().ok()?);
        printed.push(number_text);
        at = text.len() - after_literal.len() + digits;
    }
    if path.is_empty() {
        return None;
    }
    let after = text.get(at..)?;
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let end_len = after.len() - after.trim_start_matches(['.', ':', '=', ')', ' ']).len();
    let depth = path.len();
    let mut code = String::new();
    for (level, number) in pattern.levels.iter().zip(&printed) {
        code.push_str(&level.before);
        code.push_str(number);
    }
    Some(CodeMatch {
        code: code.trim().to_owned(),
        family: format!("{}#{depth}", pattern.source),
        level: pattern
            .levels
            .get(depth - 1)
            .map(|level| level.name.clone()),
        path,
        rest: at + end_len,
    })
}

/// Whether `text` opens with a code that identifies a table row of any
/// detected grammar: numbers after a prefix (`Fiche 1.2`, `Indicador
/// 3.1.2`), numbers after letters written onto them (`H-01`, `R3/S2`,
/// `PA-2024-07`, `#12`), or an outline of three levels or more (`1.1.1`,
/// `1.a.ii`). A lone number, two bare numbers (`1.5` is as often a
/// decimal figure) or a word before one number (`Total 5`) are not.
pub fn is_row_code(text: &str) -> bool {
    code_at_start(text, None).is_some_and(|code| {
        let depth = code.path.len();
        let attached = !code.code.contains(' ');
        match code.level {
            Some(_) => depth >= 2 || attached,
            None => code.code.starts_with('#') || depth >= 3,
        }
    })
}

/// True when a single word is a plan code that can anchor a table row: a
/// code of letter–number segments (`L1M1D1`, `O1R2`, also written
/// `L1.M1.D1`), prefix letters before dotted numbers (`A1.1`, `OE2.3`),
/// three or more dotted numbers (`1.1.1`), dotted numbers closed by a hyphen
/// and a letter (`3.2-b`), or a plan's year before two numbers or more
/// (`2024.1.3`). Two dotted numbers alone (`1.5`) are as often a decimal
/// figure as a code, so they do not anchor rows.
pub fn is_code_word(word: &str) -> bool {
    static ANCHOR: Narrowed = Narrowed::literal(
        r"(?x) ^ (?: \p{Lu}[0-9]{1,3} (?: \.? \p{Lu}[0-9]{1,3} )+
                    | \p{Lu}{1,3} [0-9]{1,3} (?: \.[0-9]{1,3} )+
                    | [0-9]{1,3} (?: \.[0-9]{1,3} ){2,5}
                    | [0-9]{1,3} (?: \.[0-9]{1,3} ){1,4} - [a-z]
                    | (?:19|20)[0-9]{2} (?: \.[1-9][0-9]{0,2} ){2,4} ) $",
    );
    (word.starts_with(|c: char| c.is_ascii_digit()) || opens_capitals_digit(word))
        && ANCHOR.is_match(word)
}

/// False when `text` cannot open with one to three capitals and an ASCII
/// digit (`^\p{Lu}{1,3}[0-9]`), the opening of the code patterns that ask
/// for it. Checked before them because most words and lines fail here, and
/// each thread that runs such a pattern grows a lazy automaton of its
/// Unicode classes. Any non-ASCII character counts as a capital (a superset
/// of `\p{Lu}`), so the check never turns a match away.
pub(crate) fn opens_capitals_digit(text: &str) -> bool {
    for (index, c) in text.chars().take(4).enumerate() {
        if c.is_ascii_digit() {
            return index > 0;
        }
        if c.is_ascii() && !c.is_ascii_uppercase() {
            return false;
        }
    }
    false
}

/// The most capitals of a code's prefix joined to its number by a hyphen
/// after a level word (`Programa P-01`, `Eje EJ-2`).
const MAX_HYPHENED_CAPITALS: usize = 3;

/// `P-01`, `EJ-2`: one to three capitals, a hyphen and a digit, the code a
/// level word may name (`Programa P-01 – Bibliotecas`, whose cards are
/// `P-01/1`, `P-01/2`).
fn opens_hyphened_capitals(text: &str) -> bool {
    let capitals = text.bytes().take_while(u8::is_ascii_uppercase).count();
    let mut after = text.bytes().skip(capitals);
    (1..=MAX_HYPHENED_CAPITALS).contains(&capitals)
        && after.next() == Some(b'-')
        && after.next().is_some_and(|b| b.is_ascii_digit())
}

/// `rest` without the literal `literal` at its start (case-insensitive,
/// any run of spaces for a space).
fn strip_literal<'a>(rest: &'a str, literal: &str) -> Option<&'a str> {
    let mut rest = rest;
    for part in literal.split_inclusive(' ') {
        let word = part.trim_end();
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) && head.to_lowercase() != word.to_lowercase() {
            return None;
        }
        rest = rest.get(word.len()..)?;
        if part.ends_with(' ') {
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
    }
    Some(rest)
}

/// A word folded for comparing status words: lower case, without a plural
/// `s`, with feminine `ée` → `é`, a final `a` → `o` (Spanish) and a final
/// `e` dropped after a consonant (`atteinte` → `atteint`, `complete` → `complet`)
/// or after a `u` or an `i` that follows one (`suspendue` → `suspendu`,
/// `prévue` → `prévu`, `accomplie` → `accompli`).
/// An inclusive plural or feminine in brackets is no part of the word
/// (`réalisée(s)`, `terminado(s)`).
pub fn fold_word(word: &str) -> String {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let word = ["(e)(s)", "(es)", "(s)", "(e)"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    let mut word: String = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if word.chars().count() <= 3 {
        return word;
    }
    if word.ends_with('s') {
        word.pop();
    }
    let feminine_u = (word.ends_with("ue") || word.ends_with("ie"))
        && word
            .chars()
            .rev()
            .nth(2)
            .is_some_and(|c| !"aeiouéèq".contains(c));
    if word.ends_with("ée") || feminine_u {
        word.pop();
    } else if word.ends_with('a') {
        word.pop();
        word.push('o');
    } else if word.ends_with('e') {
        let before = word.chars().rev().nth(1);
        if before.is_some_and(|c| !"aeiouéè".contains(c)) {
            word.pop();
        }
    }
    word
}

/// A status phrase as folded words, with what it means.
type FoldedPhrase = (Vec<String>, Meaning);

/// Folded words of each language's status phrases, outside states first.
static FOLDED_PHRASES: LazyLock<Vec<(Language, Vec<FoldedPhrase>)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let lexicon = language.lexicon();
            let phrases = lexicon
                .outside_phrases
                .iter()
                .chain(lexicon.status_phrases)
                .map(|phrase| {
                    (
                        phrase.phrase.split(' ').map(fold_word).collect(),
                        Meaning::from(phrase.meaning),
                    )
                })
                .collect();
            (language, phrases)
        })
        .collect()
});

/// The folded status phrases of the languages of `lexicons`.
fn folded_phrases(lexicons: &Lexicons) -> impl Iterator<Item = &'static FoldedPhrase> + '_ {
    lexicons.languages().iter().flat_map(|language| {
        FOLDED_PHRASES
            .iter()
            .filter(move |(known, _)| known == language)
            .flat_map(|(_, phrases)| phrases)
    })
}

/// The longest status phrase starting at `words[at]` (words already folded),
/// with how many words it spans. A grammar file's words come first, then
/// the status words of the document's languages.
pub fn phrase_at(
    words: &[String],
    at: usize,
    vocabulary: Vocabulary<'_>,
) -> Option<(Meaning, usize)> {
    let user: Vec<FoldedPhrase> = vocabulary
        .grammar
        .into_iter()
        .flat_map(|g| &g.statuses)
        .filter_map(|entry| {
            let folded: Vec<String> = entry.mark.split_whitespace().map(fold_word).collect();
            Some((folded, entry.meaning()?))
        })
        .filter(|(folded, _)| folded.iter().any(|w| w.chars().count() > 1))
        .collect();
    let mut best: Option<(&Meaning, usize)> = None;
    let builtin = folded_phrases(vocabulary.lexicons).map(|entry| entry as &FoldedPhrase);
    for (phrase, meaning) in user.iter().chain(builtin) {
        let width = phrase.len();
        let fits = words
            .get(at..at + width)
            .is_some_and(|candidate| candidate == phrase.as_slice());
        if fits && best.is_none_or(|(_, w)| width > w) {
            best = Some((meaning, width));
        }
    }
    best.map(|(meaning, width)| (meaning.clone(), width))
}

/// Folded words of a text.
pub fn folded_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(fold_word)
        .filter(|word| !word.is_empty())
        .collect()
}

/// The status a whole cell states in words (`Completed`, `En cours`,
/// `no iniciada`), if the cell is nothing but a status phrase, or nothing
/// but an answer of the lexicons' [`status_answers`] (`Yes`, `En partie`).
///
/// [`status_answers`]: crate::lexicon::Lexicon::status_answers
pub fn phrase_cell(cell: &str, vocabulary: Vocabulary<'_>) -> Option<Meaning> {
    let words = folded_words(&crate::lexicon::fold(cell));
    match phrase_at(&words, 0, vocabulary) {
        Some((meaning, width)) if width == words.len() => Some(meaning),
        _ => FOLDED_ANSWERS
            .iter()
            .filter(|(language, _)| vocabulary.lexicons.languages().contains(language))
            .flat_map(|(_, answers)| answers)
            .find(|(answer, _)| *answer == words)
            .map(|(_, meaning)| meaning.clone()),
    }
}

/// The status a heading abbreviates (`Compl.`, `In prog.`, `En ejec.`,
/// `Réal.`), or spells with initials (`N/S`, `S/I`, `N. E.`), as a totals
/// table heads its columns. Abbreviated, each word is a status phrase's
/// word or, when it ends in a dot, the start of one; in initials, each
/// letter opens one word of the phrase. The phrases of the document's
/// languages that fit must all mean one thing; else it is no status.
pub fn abbreviated_cell(cell: &str, vocabulary: Vocabulary<'_>) -> Option<Meaning> {
    let cell = crate::lexicon::fold(cell.trim()).to_lowercase();
    let letters: Vec<&str> = cell
        .split([' ', '.', '/'])
        .filter(|token| !token.is_empty())
        .collect();
    let initials = letters.len() >= 2
        && cell.contains(['.', '/'])
        && letters.iter().all(|token| token.chars().count() == 1);
    let tokens: Vec<&str> = cell.split_whitespace().collect();
    if !initials && !tokens.iter().any(|token| token.ends_with('.')) {
        return None;
    }
    let fits = |phrase: &str| {
        let words: Vec<&str> = phrase.split(' ').collect();
        if initials {
            words.len() == letters.len()
                && words
                    .iter()
                    .zip(&letters)
                    .all(|(word, letter)| word.starts_with(letter))
        } else {
            words.len() == tokens.len()
                && words
                    .iter()
                    .zip(&tokens)
                    .all(|(word, token)| match token.strip_suffix('.') {
                        Some(start) => start.chars().count() >= 2 && word.starts_with(start),
                        None => word == token,
                    })
        }
    };
    let lexicons = vocabulary.lexicons;
    let mut meanings = lexicons
        .each(|l| l.status_phrases)
        .chain(lexicons.each(|l| l.outside_phrases))
        .filter(|phrase| fits(phrase.phrase))
        .map(|phrase| Meaning::from(phrase.meaning));
    let first = meanings.next()?;
    meanings.all(|meaning| meaning == first).then_some(first)
}

/// A share of completion as printed in a progress cell, and its value:
/// the share alone (`85 %`) or after a progress bar drawn with block
/// glyphs (`████████░░ 85 %`, `▰▰▰▱ 75%`), which it stands for.
pub fn printed_share(cell: &str) -> Option<(&str, f32)> {
    static SHARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<whole>[0-9]{1,3})(?:[.,](?P<fraction>[0-9]{1,2}))?\s?%$")
            .expect("SHARE is a valid literal pattern")
    });
    let cell = cell.trim();
    let is_bar = |c: char| matches!(c, '\u{2580}'..='\u{259F}' | '■' | '□' | '▰' | '▱');
    let share = cell.trim_start_matches(is_bar).trim_start();
    let caps = SHARE.captures(share)?;
    let whole: f32 = caps.name("whole")?.as_str().parse().ok()?;
    let fraction: f32 = caps.name("fraction").map_or(Some(0.0), |digits| {
        format!("0.{}", digits.as_str()).parse().ok()
    })?;
    Some((share, whole + fraction))
}

/// The shares of completion one entry of a completion key stands for
/// (`100 %`, `de 20 à 79 %`, `80 % et plus`, `moins de 20 %`), in per
/// cent: a range between two figures, a bound set by the lexicons' words,
/// or one figure alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareBand {
    /// The least share of the band.
    pub low: f32,
    /// The greatest share of the band.
    pub high: f32,
    /// Whether `high` itself is in the band (`moins de 20 %` excludes 20).
    pub high_included: bool,
}

impl ShareBand {
    /// Whether a share lies in the band.
    pub fn holds(&self, share: f32) -> bool {
        share >= self.low && (share < self.high || (self.high_included && share == self.high))
    }
}

/// The band a key entry's mark stands for, or `None` when it is no share
/// (no `%`), holds more than two figures, or both bounds' words.
pub fn share_band(mark: &str, lexicons: &Lexicons) -> Option<ShareBand> {
    static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[0-9]{1,3}(?:[.,][0-9]{1,2})?").expect("FIGURE is a valid literal pattern")
    });
    if !mark.contains('%') {
        return None;
    }
    let lower = mark.to_lowercase();
    let figures: Vec<f32> = FIGURE
        .find_iter(&lower)
        .map(|found| found.as_str().replace(',', ".").parse().ok())
        .collect::<Option<_>>()?;
    let words: Vec<&str> = FIGURE
        .split(&lower)
        .flat_map(|piece| piece.split(|c: char| c.is_whitespace() || matches!(c, '%' | '-' | '–')))
        .filter(|word| !word.is_empty())
        .collect();
    let said = |table: fn(&'static crate::lexicon::Lexicon) -> &'static [&'static str]| {
        lexicons.each(table).any(|phrase| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            words
                .windows(parts.len())
                .any(|window| window == parts.as_slice())
        })
    };
    // Comparison signs are no language's words (`≥ 90 %`, `< 50 %`, `≤ 10 %`).
    // A band keeps its lower bound, so `> 89 %` is none rather than a wrong one.
    let signed = |signs: &[char]| {
        words
            .iter()
            .any(|word| word.chars().all(|c| signs.contains(&c)))
    };
    if signed(&['>']) {
        return None;
    }
    let at_most = signed(&['≤', '⩽']);
    let at_least = said(|l| l.share_at_least_words) || signed(&['≥', '⩾']);
    let below = said(|l| l.share_below_words) || signed(&['<']) || at_most;
    match (figures.as_slice(), at_least, below) {
        ([low, high], false, false) if low <= high => Some(ShareBand {
            low: *low,
            high: *high,
            high_included: true,
        }),
        ([share], true, false) => Some(ShareBand {
            low: *share,
            high: f32::INFINITY,
            high_included: false,
        }),
        ([share], false, true) => Some(ShareBand {
            low: f32::NEG_INFINITY,
            high: *share,
            high_included: at_most,
        }),
        ([share], false, false) => Some(ShareBand {
            low: *share,
            high: *share,
            high_included: true,
        }),
        _ => None,
    }
}

/// True when `words` (folded) hold a partial word of the lexicons
/// (`partly`, `en partie`, `parcialmente`): `Partly`, `Completed
/// (partially)` and `1 was partly done` say achieved or in progress without
/// saying which, so they are no class.
pub fn holds_partial_word(words: &[String], lexicons: &Lexicons) -> bool {
    FOLDED_PARTIALS
        .iter()
        .filter(|(language, _)| lexicons.languages().contains(language))
        .flat_map(|(_, partials)| partials)
        .any(|partial| {
            !partial.is_empty()
                && words
                    .windows(partial.len())
                    .any(|window| window == partial.as_slice())
        })
}

/// Folded words of each language's partial words.
static FOLDED_PARTIALS: LazyLock<Vec<(Language, Vec<Vec<String>>)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let partials = language
                .lexicon()
                .partial_words
                .iter()
                .map(|partial| partial.split(' ').map(fold_word).collect())
                .collect();
            (language, partials)
        })
        .collect()
});

/// Folded words of each language's status answers.
static FOLDED_ANSWERS: LazyLock<Vec<(Language, Vec<FoldedPhrase>)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let answers = language
                .lexicon()
                .status_answers
                .iter()
                .map(|answer| {
                    (
                        answer.phrase.split(' ').map(fold_word).collect(),
                        Meaning::from(answer.meaning),
                    )
                })
                .collect();
            (language, answers)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    /// Every string of up to five characters over capitals (ASCII and
    /// not), small letters (ASCII and not), digits, a space and the
    /// separators: a pattern opening with capitals and a digit matches
    /// only where [`opens_capitals_digit`] says it may.
    #[test]
    fn capitals_digit_check_keeps_every_match() {
        const ALPHABET: [char; 12] = ['A', 'Z', 'É', 'Σ', 'a', 'é', '1', '0', ' ', '-', '.', 'ª'];
        let anchors_code = Regex::new(r"^\p{Lu}[0-9]{1,3}(?:\.?\p{Lu}[0-9]{1,3})+$")
            .expect("a valid literal pattern");
        let mut checked = 0;
        for text in crate::every_string(&ALPHABET, 5) {
            let opens = opens_capitals_digit(&text);
            if SEGMENTED_CODE.is_match(&text) || anchors_code.is_match(&text) {
                assert!(opens, "{text:?}");
                checked += 1;
            }
            let digit_first = text.starts_with(|c: char| c.is_ascii_digit());
            if is_code_word_unchecked(&text) {
                assert!(opens || digit_first, "{text:?}");
            }
        }
        assert!(checked > 100, "{checked} matches");
    }

    /// [`is_code_word`]'s pattern alone.
    fn is_code_word_unchecked(word: &str) -> bool {
        static ANCHOR: Narrowed = Narrowed::literal(
            r"(?x) ^ (?: \p{Lu}[0-9]{1,3} (?: \.? \p{Lu}[0-9]{1,3} )+
                        | \p{Lu}{1,3} [0-9]{1,3} (?: \.[0-9]{1,3} )+
                        | [0-9]{1,3} (?: \.[0-9]{1,3} ){2,5}
                        | [0-9]{1,3} (?: \.[0-9]{1,3} ){1,4} - [a-z]
                        | (?:19|20)[0-9]{2} (?: \.[1-9][0-9]{0,2} ){2,4} ) $",
        );
        ANCHOR.is_match(word)
    }

    use super::*;

    /// Registers numbered per year and series or per meeting, number signs,
    /// letters in brackets or glued to a number, lettered outlines and lone
    /// roman cells: each code with its path and family.
    #[test]
    fn codes_of_registers_outlines_and_number_signs() {
        let read =
            |text: &str| code_at_start(text, None).map(|code| (code.code, code.path, code.family));
        let want = |code: &str, path: &[u16], family: &str| {
            Some((code.to_owned(), path.to_vec(), family.to_owned()))
        };
        assert_eq!(
            read("2019-C-12 Abrir el archivo"),
            want("2019-C-12", &[12], "year-series#1")
        );
        assert_eq!(
            read("2020-X-3 Cerrar"),
            want("2020-X-3", &[3], "year-series#1")
        );
        assert_eq!(
            read("CA-7/03 Renew the lease"),
            want("CA-7/03", &[3], "ca-/#1")
        );
        assert_eq!(
            read("Mesure n° 2.4 – Isoler les écoles"),
            want("Mesure n° 2.4", &[2, 4], "mesure#2")
        );
        assert_eq!(
            read("3.1(b) Hire a nurse"),
            want("3.1(b)", &[3, 1, 2], "#3")
        );
        assert_eq!(read("2B.4 Fix the roof"), want("2B.4", &[2, 2, 4], "#3"));
        assert_eq!(
            read("D.2.1 Former les élus"),
            want("D.2.1", &[4, 2, 1], "letter.#3")
        );
        assert_eq!(read("B. Finances"), want("B", &[2], "letter.#1"));
        assert_eq!(read("IV"), want("IV", &[4], "roman#1"));
        // A long acronym is a register's only before a year.
        assert_eq!(
            read("PCAET-2023-04 Navette"),
            want("PCAET-2023-04", &[4], "pcaet-#1")
        );
        assert_eq!(read("COVID-19 response"), None);
        assert_eq!(read("I think so"), None);
        assert_eq!(read("A. smith"), None);
    }

    /// Abbreviated level names set apart from their number keep the space
    /// (`KR 1.2`, `OBJ 1`), letters glued after a dotted number are the
    /// next level (`3.2a`), and a code in square brackets opens its cell.
    #[test]
    fn spaced_prefixes_glued_letters_and_square_brackets() {
        let read = |text: &str| {
            code_at_start(text, None).map(|code| (code.code, code.path, code.level, code.rest))
        };
        let want = |code: &str, path: &[u16], level: Option<&str>, rest: usize| {
            Some((
                code.to_owned(),
                path.to_vec(),
                level.map(str::to_owned),
                rest,
            ))
        };
        assert_eq!(
            read("KR 1.2 Ship it"),
            want("KR 1.2", &[1, 2], Some("KR"), 6)
        );
        assert_eq!(
            read("OBJ 3 Faster forms"),
            want("OBJ 3", &[3], Some("OBJ"), 5)
        );
        assert_eq!(read("KR1.2 Ship it"), want("KR1.2", &[1, 2], Some("KR"), 5));
        assert_eq!(
            read("3.2a Poser des bancs"),
            want("3.2a", &[3, 2, 1], None, 4)
        );
        assert_eq!(read("2a convocatoria"), None);
        assert_eq!(
            read("[SO-4] Lend tablets"),
            want("SO-4", &[4], Some("SO"), 6)
        );
        assert_eq!(read("[1.2] Abrir"), want("1.2", &[1, 2], None, 5));
        assert_eq!(read("[12] Smith, 2019"), None);
        assert_eq!(read("[x] Done"), None);
    }

    /// A letter after a hyphen is the level below dotted numbers (`3.2-b`),
    /// and a plan's year may open its codes (`2024.1.3`); a date written
    /// with dots (`2024.01.15`) and a lone `2-b` are no such codes.
    #[test]
    fn hyphened_letters_and_year_led_codes() {
        let read = |text: &str| {
            code_at_start(text, None).map(|code| (code.code, code.path, code.family, code.rest))
        };
        let want = |code: &str, path: &[u16], family: &str, rest: usize| {
            Some((code.to_owned(), path.to_vec(), family.to_owned(), rest))
        };
        assert_eq!(
            read("3.2-b Table de tri"),
            want("3.2-b", &[3, 2, 2], "#3", 5)
        );
        assert_eq!(read("1.1-a | Bolsa"), want("1.1-a", &[1, 1, 1], "#3", 5));
        assert_eq!(
            read("2024.1.3 Votación"),
            want("2024.1.3", &[2024, 1, 3], "year.#3", 8)
        );
        assert_eq!(
            read("2024.1 Presupuestos"),
            want("2024.1", &[2024, 1], "year.#2", 6)
        );
        assert_ne!(
            read("2024.01.15 Reunión").map(|found| found.0),
            Some("2024.01.15".to_owned())
        );
        assert_eq!(read("2-b Poser").map(|found| found.1), Some(vec![2, 2]));
        assert_eq!(
            read("Estrategia E2 — Espacio público"),
            want("E2", &[2], "e#1", 17)
        );
        assert!(is_code_word("3.2-b") && is_code_word("2024.1.3"));
        assert!(!is_code_word("2024.1") && !is_code_word("2-b"));
        assert!(is_row_code("3.2-b Table de tri"));
        assert!(is_row_code("2024.1.3 Votación"));
    }

    /// Letters set apart from numbers joined by hyphens (`FA 2-3`, `AC 1-4`,
    /// `PA 3-2-1`), and a roman numeral with a dash and the next level's
    /// number (`Axis II – 4`, `Eje III — 2`, `IV - 3`), in three languages.
    #[test]
    fn spaced_letters_before_hyphens_and_dashed_numerals() {
        let read = |text: &str| {
            code_at_start(text, None).map(|code| (code.code, code.path, code.family, code.rest))
        };
        let want = |code: &str, path: &[u16], family: &str, rest: usize| {
            Some((code.to_owned(), path.to_vec(), family.to_owned(), rest))
        };
        assert_eq!(
            read("FA 2-3 Habitat inclusif"),
            want("FA 2-3", &[2, 3], "fa -#2", 6)
        );
        assert_eq!(
            read("PA 3-2-1 : Ouvrir"),
            want("PA 3-2-1", &[3, 2, 1], "pa -#3", 10)
        );
        assert_eq!(read("AC 1-4 Rampa").map(|found| found.1), Some(vec![1, 4]));
        // One number after the space is `KR 1`'s shape, a hyphen in a
        // share no code.
        assert_eq!(
            read("FA 2 Habitat").map(|found| found.0),
            Some("FA 2".to_owned())
        );
        assert_eq!(read("TVA 5-10 % des ventes"), None);
        assert_eq!(
            read("Axis II – 4. Rural broadband"),
            want("Axis II – 4", &[2, 4], "axisroman–#2", 14)
        );
        assert_eq!(
            read("Eje III — 2: Empleo juvenil").map(|found| (found.0, found.1)),
            Some(("Eje III — 2".to_owned(), vec![3, 2]))
        );
        assert_eq!(
            read("IV - 3 Former les agents").map(|found| (found.0, found.1)),
            Some(("IV - 3".to_owned(), vec![4, 3]))
        );
        // A number that opens the title (`4 actions`) is not the code's.
        assert_eq!(
            read("Axe II – 4 actions prioritaires").map(|found| (found.0, found.1)),
            Some(("Axe II".to_owned(), vec![2]))
        );
        assert_eq!(
            read("Axis II – Connectivity").map(|found| (found.0, found.1)),
            Some(("Axis II".to_owned(), vec![2]))
        );
    }

    #[test]
    fn a_word_of_insertion_is_part_of_its_code() {
        for (cell, code, title) in [
            ("1.2 bis\tBail réel solidaire", "1.2 bis", "Bail"),
            ("2.1 ter : Permanence de conseil", "2.1 ter", "Permanence"),
            (
                "Action 3.4 bis – Intermédiation",
                "Action 3.4 bis",
                "Intermédiation",
            ),
            ("3.4 bis", "3.4 bis", ""),
        ] {
            let found = code_at_start(cell, None).unwrap_or_else(|| panic!("{cell}"));
            let bare = code_at_start(code.rsplit_once(' ').map_or(code, |(c, _)| c), None)
                .unwrap_or_else(|| panic!("{code}"));
            assert_eq!(found.code, code, "{cell}");
            assert_eq!((&found.path, &found.family), (&bare.path, &bare.family));
            let rest = cell.get(found.rest..).unwrap_or_default();
            assert!(rest.trim_start().starts_with(title), "{cell}: {rest:?}");
            assert!(!title.is_empty() || rest.is_empty(), "{cell}: {rest:?}");
        }
        // A range's word in German, a capitalized title, a longer word, a
        // code that names its inserted items with a letter.
        for (cell, code) in [
            ("1.2 bis 1.5", "1.2"),
            ("1.2 Bis repetita", "1.2"),
            ("1.2 bisque", "1.2"),
            ("3.2a bis", "3.2a"),
        ] {
            assert_eq!(
                code_at_start(cell, None).map(|f| f.code),
                Some(code.to_owned()),
                "{cell}"
            );
        }
    }

    #[test]
    fn row_codes_of_any_grammar() {
        for text in [
            "H-01 Vuelo",
            "Fiche 1.2 Isoler",
            "R3/S2 Clinics",
            "PA-2024-07 Forms",
            "#12 Gate",
            "1.1.1 Train",
            "2.b.iii Suivre",
            "E1.O2.A3 Hire",
        ] {
            assert!(is_row_code(text), "{text}");
        }
        for text in [
            "12 actions",
            "1.5 million",
            "Total 5",
            "Action 7",
            "2024 budget",
            "Completed",
        ] {
            assert!(!is_row_code(text), "{text}");
        }
    }

    #[test]
    fn detected_code_shapes() {
        let cases: &[(&str, &str, &str, &[u16], &str)] = &[
            (
                "1.1.1 Train staff",
                "1.1.1",
                "#3",
                &[1, 1, 1],
                "Train staff",
            ),
            (
                "#307 Fix the gate",
                "#307",
                "number#1",
                &[307],
                "Fix the gate",
            ),
            (
                "3-1-2 Vaccinate the herds",
                "3-1-2",
                "-#3",
                &[3, 1, 2],
                "Vaccinate the herds",
            ),
            (
                "Action 1.2.3 — Train",
                "Action 1.2.3",
                "action#3",
                &[1, 2, 3],
                "Train",
            ),
            (
                "ACTION 1.2.3 Train",
                "Action 1.2.3",
                "action#3",
                &[1, 2, 3],
                "Train",
            ),
            (
                "Objectif 2.1 : Former",
                "Objectif 2.1",
                "objectif#2",
                &[2, 1],
                "Former",
            ),
            ("A1.1 Taller", "A1.1", "a#2", &[1, 1], "Taller"),
            ("L1= Gobernanza", "L1", "l#1", &[1], "Gobernanza"),
            ("- 2.3. Suivi", "2.3", "#2", &[2, 3], "Suivi"),
            ("O1A2 Audit", "O1A2", "O-A#2", &[1, 2], "Audit"),
            (
                "OE1-LA2-A3 Audit",
                "OE1-LA2-A3",
                "OE-LA-A#3",
                &[1, 2, 3],
                "Audit",
            ),
            (
                "AP-2023-115 Renew the fleet",
                "AP-2023-115",
                "ap-#1",
                &[115],
                "Renew the fleet",
            ),
            ("OS2/R4 Écoles", "OS2/R4", "OS-R#2", &[2, 4], "Écoles"),
            ("4.c.iv Formar", "4.c.iv", "#3", &[4, 3, 4], "Formar"),
            ("2.b.i. Suivre", "2.b.i", "#3", &[2, 2, 1], "Suivre"),
            (
                "OE1.LA2 Alianzas",
                "OE1.LA2",
                "OE-LA#2",
                &[1, 2],
                "Alianzas",
            ),
            (
                "III.2.1 Publier",
                "III.2.1",
                "roman#3",
                &[3, 2, 1],
                "Publier",
            ),
            ("XIV.1 Cierre", "XIV.1", "roman#2", &[14, 1], "Cierre"),
            ("III. GESTIÓN", "III", "roman#1", &[3], "GESTIÓN"),
            (
                "Axe III. Rayonnement",
                "Axe III",
                "axeroman#1",
                &[3],
                "Rayonnement",
            ),
            (
                "Objectif stratégique 2 : Agir",
                "Objectif stratégique 2",
                "objectif stratégique#1",
                &[2],
                "Agir",
            ),
        ];
        for (cell, code, family, path, rest) in cases {
            let found = code_at_start(cell, None).unwrap_or_else(|| panic!("{cell}"));
            assert_eq!(found.code, *code, "{cell}");
            assert_eq!(found.family, *family, "{cell}");
            assert_eq!(found.path, *path, "{cell}");
            assert_eq!(cell[found.rest..].trim(), *rest, "{cell}");
        }
        // Letters inside a path, hyphenated zero-padded numbers, joined
        // or abbreviated prefixes.
        let more: &[(&str, &str, &str, &[u16], &str)] = &[
            ("A.1.2 Train", "A.1.2", "letter.#3", &[1, 1, 2], "Train"),
            ("SO-1.2 Train", "SO-1.2", "so#2", &[1, 2], "Train"),
            ("Obj. 1.2 Train", "Obj. 1.2", "obj.#2", &[1, 2], "Train"),
            (
                "Indicator 3.b.1 Vaccines",
                "Indicator 3.b.1",
                "indicator#3",
                &[3, 2, 1],
                "Vaccines",
            ),
            (
                "Target 11.a Planning",
                "Target 11.a",
                "target#2",
                &[11, 1],
                "Planning",
            ),
            ("II.3.a Publier", "II.3.a", "roman#3", &[2, 3, 1], "Publier"),
            (
                "P-01-03 Red de riego",
                "P-01-03",
                "p-#2",
                &[1, 3],
                "Red de riego",
            ),
            ("P-02 Caminos", "P-02", "p-#1", &[2], "Caminos"),
            ("OS1 Améliorer", "OS1", "os#1", &[1], "Améliorer"),
            (
                "I.A.1 Raccorder",
                "I.A.1",
                "roman#3",
                &[1, 1, 1],
                "Raccorder",
            ),
            ("II.B Mobilité", "II.B", "roman#2", &[2, 2], "Mobilité"),
            ("IV.C.12 Audit", "IV.C.12", "roman#3", &[4, 3, 12], "Audit"),
            (
                "II-3 Réhabiliter",
                "II-3",
                "roman-#2",
                &[2, 3],
                "Réhabiliter",
            ),
            ("IV-12 Audit", "IV-12", "roman-#2", &[4, 12], "Audit"),
            ("CP-04 Roof", "CP-04", "cp-#1", &[4], "Roof"),
            ("OBJ1-A2 Former", "OBJ1-A2", "OBJ-A#2", &[1, 2], "Former"),
        ];
        for (cell, code, family, path, rest) in more {
            let found = code_at_start(cell, None).unwrap_or_else(|| panic!("{cell}"));
            assert_eq!(found.code, *code, "{cell}");
            assert_eq!(found.family, *family, "{cell}");
            assert_eq!(found.path, *path, "{cell}");
            assert_eq!(cell[found.rest..].trim(), *rest, "{cell}");
        }
        for cell in [
            "e.g. this",
            "100 %",
            "45 % des actions",
            "3.bb Budget",
            "1.a.vv Budget",
            "PA-2024 budget",
            "2019-2020 budget",
            "12-03-2024 meeting",
            "1-2024 circular",
            "L1M1D1 Calendario",
            "L1-M1-D1 Calendario",
            "2019 budget",
            "1,5 million",
            "L2M1 D3",
            "I think so",
            "V alcanzado 0 en proceso",
            "IIII.2 Four",
            "VX.1 Nothing",
            "V.A. Smith",
            "I.B. Lee and others",
        ] {
            assert_eq!(code_at_start(cell, None), None, "{cell}");
        }
    }

    #[test]
    fn completion_shares_as_printed() {
        for (cell, value) in [
            ("100 %", Some(100.0)),
            ("100%", Some(100.0)),
            ("100,0 %", Some(100.0)),
            ("0 %", Some(0.0)),
            ("0,5 %", Some(0.5)),
            ("99.9%", Some(99.9)),
            ("120 %", Some(120.0)),
            ("████░░ 45 %", Some(45.0)),
            ("100", None),
            ("45 % (retard)", None),
            ("Done 100%", None),
        ] {
            assert_eq!(printed_share(cell).map(|(_, value)| value), value, "{cell}");
        }
    }

    #[test]
    fn a_level_word_before_letter_number_segments() {
        for (cell, code, title) in [
            (
                "Action OS1-A3 : Couches lavables",
                "OS1-A3",
                "Couches lavables",
            ),
            ("Fiche OS2-A1 – Point écoute", "OS2-A1", "Point écoute"),
            ("Acción OE2-A3 Letrinas", "OE2-A3", "Letrinas"),
        ] {
            let found = code_at_start(cell, None).expect("a code");
            assert_eq!(found.code, code, "{cell}");
            assert_eq!(cell.get(found.rest..).map(str::trim), Some(title), "{cell}");
        }
        // A word before anything but such a code is no level's name.
        assert_eq!(code_at_start("Voir le tableau OS1-A3", None), None);
    }

    #[test]
    fn breadcrumbs_give_every_level() {
        let cell = "Eje 1 › Programa 1.2 › Proyecto 1.2.4 Censo";
        let codes = codes_at_start(cell, None);
        let got: Vec<&str> = codes.iter().map(|code| code.code.as_str()).collect();
        assert_eq!(got, ["Eje 1", "Programa 1.2", "Proyecto 1.2.4"]);
        assert_eq!(cell[codes[2].rest..].trim(), "Censo");
        // Not a descent: the second code is not read as a level.
        let codes = codes_at_start("1.2 / 3.4 ratio", None);
        assert_eq!(codes.len(), 1);
        assert!(codes_at_start("Census › 1.2", None).is_empty());
        // Middle dots and bullets separate breadcrumbs too.
        let codes = codes_at_start("Eje 2 · Programa 2.1 · Proyecto 2.1.4", None);
        let got: Vec<&str> = codes.iter().map(|code| code.code.as_str()).collect();
        assert_eq!(got, ["Eje 2", "Programa 2.1", "Proyecto 2.1.4"]);
    }

    #[test]
    fn a_level_word_before_capitals_joined_by_a_hyphen() {
        for (cell, code) in [
            ("Programa P-01 – Bibliotecas abiertas", "P-01"),
            ("Programme PR-3 : Accueil", "PR-3"),
            ("Strand ST-12 Safer streets", "ST-12"),
        ] {
            let found = code_at_start(cell, None);
            assert_eq!(
                found.map(|found| found.code),
                Some(code.to_owned()),
                "{cell}"
            );
        }
        // An acronym too long for a prefix, or a word after the hyphen, is
        // no code.
        assert!(code_at_start("Pandemia COVID-19 en la ciudad", None).is_none());
        assert!(code_at_start("Zona A-norte", None).is_none());
    }

    #[test]
    fn a_level_cut_short_after_a_breadcrumb_separator() {
        let codes = codes_at_start("P1 › Pr1.2 Community hubs", None);
        let got: Vec<&str> = codes.iter().map(|code| code.code.as_str()).collect();
        assert_eq!(got, ["P1", "Pr1.2"]);
        assert_eq!(codes[1].level.as_deref(), Some("Pr"));
        assert_eq!(codes[1].path, [1, 2]);
        assert_eq!(
            "P1 › Pr1.2 Community hubs"[codes[1].rest..].trim(),
            "Community hubs"
        );
        // Alone, a word glued to a number is no code.
        assert_eq!(code_at_start("Pr1.2 Community hubs", None), None);
        assert_eq!(code_at_start("Mr2 stays", None), None);
    }

    /// Mixed numerals with a capital letter (`1.A.iii`: area 1, group A,
    /// action 3) and legal numbering (`2(b)(iii)`: section 2, paragraph b,
    /// item 3; `4(2)(b)`: section 4, paragraph 2, item b) are codes with
    /// their paths.
    #[test]
    fn capital_letters_in_dotted_codes_and_legal_numbering() {
        for (cell, code, path) in [
            ("1.A Transporte público", "1.A", vec![1, 1]),
            ("1.A.iii Marquesinas: 2024 ✓", "1.A.iii", vec![1, 1, 3]),
            ("2.B.ii Telegestión", "2.B.ii", vec![2, 2, 2]),
            ("2(b) Empty homes", "2(b)", vec![2, 2]),
            ("2(b)(iii) Council tax premium", "2(b)(iii)", vec![2, 2, 3]),
            ("1.2(a) Item a", "1.2(a)", vec![1, 2, 1]),
            ("4(2) Expand the rent deposit scheme", "4(2)", vec![4, 2]),
            ("4(2)(b) Deposit loans", "4(2)(b)", vec![4, 2, 2]),
            ("12(3) Réviser le règlement", "12(3)", vec![12, 3]),
            ("3(1) Ampliar las aceras", "3(1)", vec![3, 1]),
        ] {
            let found = code_at_start(cell, None);
            assert_eq!(
                found.as_ref().map(|found| found.code.as_str()),
                Some(code),
                "{cell}"
            );
            assert_eq!(found.map(|found| found.path), Some(path), "{cell}");
        }
        // A bracket after the numeral is no code's, nor a word in brackets.
        assert_eq!(code_at_start("2(b)(iii)(c) Deeper", None), None);
        assert_eq!(code_at_start("2(b)(xyz) Words", None), None);
        // A year in brackets is no paragraph number.
        assert_eq!(code_at_start("4(2023) Words", None), None);
    }

    #[test]
    fn a_number_and_a_letter_in_brackets_after_a_mark() {
        assert_eq!(
            code_after_marked_title("Ouvrir une maison de l'habitat (1a)", None).as_deref(),
            Some("[1a] Ouvrir une maison de l'habitat")
        );
        let code = code_at_start("[1a] Ouvrir une maison", None);
        assert_eq!(
            code.as_ref().map(|code| code.path.clone()),
            Some(vec![1, 1])
        );
        assert_eq!(code.map(|code| code.code), Some("1a".to_owned()));
        // Codes the title may end with are read as before.
        assert_eq!(
            code_after_marked_title("Publish the atlas (Action 4.1)", None).as_deref(),
            Some("Action 4.1 Publish the atlas")
        );
        // Without a mark, `(2a)` is no code; nor are words or long numbers.
        assert_eq!(code_after_title("Voir la loi (2a)", None), None);
        for line in ["Voir la page (abc)", "Voir (1234a)", "(2a)"] {
            assert_eq!(code_after_marked_title(line, None), None, "{line}");
        }
        assert_eq!(code_at_start("2a edición", None), None);
    }

    #[test]
    fn answers_are_statuses_only_as_whole_cells() {
        let vocabulary =
            |codes: &'static [&'static str]| Lexicons::for_codes(codes.iter().copied());
        let (en, fr, es) = (
            vocabulary(&["en"]),
            vocabulary(&["fr"]),
            vocabulary(&["es"]),
        );
        let cell =
            |text: &str, lexicons: &Lexicons| phrase_cell(text, Vocabulary::new(None, lexicons));
        assert_eq!(cell("Yes", &en), Some(Meaning::Class(Status::Achieved)));
        // Partly done is no class: achieved or in progress.
        assert_eq!(cell("Partly", &en), None);
        assert_eq!(cell("No", &en), Some(Meaning::Class(Status::NotDeveloped)));
        assert_eq!(cell("En partie", &fr), None);
        assert_eq!(cell("Non", &fr), Some(Meaning::Class(Status::NotDeveloped)));
        assert_eq!(cell("Sí", &es), Some(Meaning::Class(Status::Achieved)));
        // Inside a longer cell or prose they say nothing.
        assert_eq!(cell("No data yet", &en), None);
        assert_eq!(cell("Oui", &en), None);
        let words = folded_words("1 was not done");
        assert!(phrase_at(&words, 1, Vocabulary::new(None, &en)).is_none());
        assert!(holds_partial_word(&folded_words("was partly"), &en));
        assert!(holds_partial_word(&folded_words("en partie"), &fr));
        assert!(holds_partial_word(
            &folded_words("teilweise erledigt"),
            &vocabulary(&["de"])
        ));
        assert!(!holds_partial_word(&folded_words("was not"), &en));
    }

    #[test]
    fn codes_after_their_title() {
        assert_eq!(
            code_after_title("Publish the atlas (Action 4.1): done", None).as_deref(),
            Some("Action 4.1 Publish the atlas : done")
        );
        assert_eq!(
            code_after_title("Ampliar la red [P-02-03] – en ejecución", None).as_deref(),
            Some("P-02-03 Ampliar la red – en ejecución")
        );
        for line in [
            "As the last report said [12], the works went on.",
            "Budget for the period (2023-2024)",
            "[2.1] Bracketed code first",
            "Improve access (see 2.1)",
        ] {
            assert_eq!(code_after_title(line, None), None, "{line}");
        }
    }

    #[test]
    fn code_words_that_anchor_rows() {
        for (word, anchor) in [
            ("L1M1D1", true),
            ("L1.M1.D1", true),
            ("O1R2", true),
            ("A1.1", true),
            ("OE2.3", true),
            ("1.1.1", true),
            ("1.5", false),
            ("2019", false),
            ("A1", false),
            ("Action", false),
        ] {
            assert_eq!(is_code_word(word), anchor, "{word}");
        }
    }

    #[test]
    fn file_patterns_stop_at_any_level() {
        let grammar = Grammar {
            patterns: vec![file::parse_pattern("Axe {axe}.{objectif}").expect("pattern")],
            statuses: Vec::new(),
        };
        let found = code_at_start("Axe 2.1 : Former", Some(&grammar)).expect("code");
        assert_eq!(
            (found.code.as_str(), found.path.as_slice()),
            ("Axe 2.1", &[2, 1][..])
        );
        assert_eq!(found.level.as_deref(), Some("objectif"));
        // Codes keep their numbers as printed.
        let padded = code_at_start("Axe 02.01 Former", Some(&grammar)).expect("code");
        assert_eq!(
            (padded.code.as_str(), padded.path.as_slice()),
            ("Axe 02.01", &[2, 1][..])
        );
        let top = code_at_start("Axe 2 Former", Some(&grammar)).expect("code");
        assert_eq!((top.code.as_str(), top.depth()), ("Axe 2", 1));
        assert_eq!(code_at_start("1.1 Former", Some(&grammar)), None);
    }

    #[test]
    fn status_words_are_read_in_the_document_languages() {
        let english = Lexicons::for_codes(["en"]);
        let french = Lexicons::for_codes(["fr"]);
        let vocabulary = |lexicons| Vocabulary::new(None, lexicons);
        assert_eq!(phrase_cell("réalisées", vocabulary(&english)), None);
        assert_eq!(
            phrase_cell("réalisées", vocabulary(&french)),
            Some(Meaning::Class(Status::Achieved))
        );
        assert_eq!(phrase_cell("Done", vocabulary(&french)), None);
        assert_eq!(
            phrase_cell("Abgeschlossen", vocabulary(&Lexicons::for_codes(["de"]))),
            Some(Meaning::Class(Status::Achieved))
        );
    }

    #[test]
    fn no_status_word_means_two_things_in_one_language() {
        for language in Language::ALL {
            let lexicon = language.lexicon();
            let mut seen: Vec<(Vec<String>, StatusMeaning)> = Vec::new();
            for phrase in lexicon.outside_phrases.iter().chain(lexicon.status_phrases) {
                let folded: Vec<String> = phrase.phrase.split(' ').map(fold_word).collect();
                if let Some((_, other)) = seen.iter().find(|(known, _)| *known == folded) {
                    assert_eq!(
                        *other, phrase.meaning,
                        "{}: {}",
                        lexicon.code, phrase.phrase
                    );
                }
                seen.push((folded, phrase.meaning));
            }
        }
    }

    #[test]
    fn status_phrases_in_three_languages() {
        let cases: &[(&str, Option<Meaning>)] = &[
            ("Completed", Some(Meaning::Class(Status::Achieved))),
            ("NOT STARTED", Some(Meaning::Class(Status::NotDeveloped))),
            ("réalisée", Some(Meaning::Class(Status::Achieved))),
            ("atteintes", Some(Meaning::Class(Status::Achieved))),
            ("non engagées", Some(Meaning::Class(Status::NotDeveloped))),
            ("En ejecución", Some(Meaning::Class(Status::InProgress))),
            ("cumplidas", Some(Meaning::Class(Status::Achieved))),
            ("no iniciada", Some(Meaning::Class(Status::NotDeveloped))),
            ("Pendiente", Some(Meaning::Class(Status::NotDeveloped))),
            ("Not achieved", Some(Meaning::Class(Status::NotDeveloped))),
            ("Cancelled", Some(Meaning::Outside("cancelled".to_owned()))),
            ("Reportée", Some(Meaning::Outside("postponed".to_owned()))),
            ("Training completed in May", None),
            ("", None),
        ];
        let all = Lexicons::all();
        for (cell, want) in cases {
            assert_eq!(
                phrase_cell(cell, Vocabulary::new(None, &all)),
                *want,
                "{cell}"
            );
        }
    }

    /// Commencement words and the French for implemented (`mise en œuvre`)
    /// are statuses, a feminine in `-ue` is its masculine (`Suspendue`); a
    /// phrase that holds another keeps its own meaning
    /// (`en cours de mise en œuvre` is under way, not implemented).
    #[test]
    fn commencement_and_implementation_phrases() {
        let all = Lexicons::all();
        let class = |status| Some(Meaning::Class(status));
        for (cell, want) in [
            ("Commenced", class(Status::InProgress)),
            ("Not commenced", class(Status::NotDeveloped)),
            ("Yet to begin", class(Status::NotDeveloped)),
            ("Mise en œuvre", class(Status::Achieved)),
            ("Mis en œuvre", class(Status::Achieved)),
            ("En voie de réalisation", class(Status::InProgress)),
            ("En cours de mise en œuvre", class(Status::InProgress)),
            ("Non entamée", class(Status::NotDeveloped)),
            ("Suspendue", Some(Meaning::Outside("on_hold".to_owned()))),
            ("Rapport de mise en œuvre", None),
        ] {
            assert_eq!(
                phrase_cell(cell, Vocabulary::new(None, &all)),
                want,
                "{cell}"
            );
        }
    }

    /// Words for done, under way and not yet begun met in monitoring
    /// reports (`Accomplished`, `Continuing`, `Avanzando`, `En chantier`),
    /// and a French feminine in `-ie` is its masculine (`Accomplie`).
    #[test]
    fn more_status_words_and_feminines_in_ie() {
        let all = Lexicons::all();
        let class = |status| Some(Meaning::Class(status));
        for (cell, want) in [
            ("Accomplished", class(Status::Achieved)),
            ("Continuing", class(Status::InProgress)),
            ("Yet to commence", class(Status::NotDeveloped)),
            ("Stood down", Some(Meaning::Outside("cancelled".to_owned()))),
            ("Conseguido", class(Status::Achieved)),
            ("Avanzando", class(Status::InProgress)),
            ("No empezada", class(Status::NotDeveloped)),
            ("Accomplie", class(Status::Achieved)),
            ("Accomplies", class(Status::Achieved)),
            ("En chantier", class(Status::InProgress)),
            ("Pas entamée", class(Status::NotDeveloped)),
        ] {
            assert_eq!(
                phrase_cell(cell, Vocabulary::new(None, &all)),
                want,
                "{cell}"
            );
        }
        assert_eq!(fold_word("accomplie"), "accompli");
        assert_eq!(fold_word("suspendue"), "suspendu");
        assert_eq!(fold_word("cumplida"), "cumplido");
    }

    /// A key's bands written with comparison signs: `≥` holds its bound,
    /// `<` does not, `≤` does; `>` is no band (a band holds its low bound).
    #[test]
    fn share_bands_with_comparison_signs() {
        let all = Lexicons::all();
        let band = |mark: &str| share_band(mark, &all);
        let at_least = band("≥ 90 %").expect("≥ is a lower bound");
        assert!(at_least.holds(90.0) && at_least.holds(100.0) && !at_least.holds(89.0));
        let below = band("< 50 %").expect("< is an upper bound");
        assert!(below.holds(0.0) && below.holds(49.0) && !below.holds(50.0));
        let at_most = band("≤ 10 %").expect("≤ is an upper bound");
        assert!(at_most.holds(10.0) && !at_most.holds(11.0));
        let range = band("50 % a 89 %").expect("two figures are a range");
        assert!(range.holds(50.0) && range.holds(89.0) && !range.holds(90.0));
        assert_eq!(band("> 89 %"), None);
    }

    /// Codes whose hyphens join numbers, roman numerals and letters: each
    /// segment counts in the path, and the kinds of the segments make the
    /// family; numbers alone after a numeral or letters stay dotted codes.
    /// A caption's number is never a code (`Table 3 – Progress`), in any
    /// language; the code of a level the caption names after it is.
    #[test]
    fn captions_are_no_codes_but_may_name_a_level() {
        let read = |text: &str| code_at_start(text, None).map(|code| (code.code, code.path));
        let want = |code: &str, path: &[u16]| Some((code.to_owned(), path.to_vec()));
        assert_eq!(
            read("Table 1 – Objective 2: Safer speeds"),
            want("Objective 2", &[2])
        );
        assert_eq!(
            read("Cuadro 2. Objetivo 3 – Vivienda"),
            want("Objetivo 3", &[3])
        );
        assert_eq!(read("Tableau 4 : Axe 2 – Mobilités"), want("Axe 2", &[2]));
        assert_eq!(read("Table 3 – Progress by priority"), None);
        assert_eq!(read("Figura 2.1. Evolución del gasto"), None);
        assert_eq!(read("Graphique 1 : répartition des actions"), None);
    }

    /// A section sign before a bare number is part of the code (`§ 2.3`),
    /// a family of its own; before anything else it is no code.
    #[test]
    fn a_section_sign_opens_a_code() {
        let read =
            |text: &str| code_at_start(text, None).map(|code| (code.code, code.path, code.family));
        assert_eq!(
            read("§ 2.3 Portal de transparencia: finalizada."),
            Some(("§ 2.3".to_owned(), vec![2, 3], "§#2".to_owned()))
        );
        assert_eq!(
            read("§ 4 – Órganos de participación"),
            Some(("§ 4".to_owned(), vec![4], "§#1".to_owned()))
        );
        assert_eq!(
            read("§12.1 Publish the register"),
            Some(("§ 12.1".to_owned(), vec![12, 1], "§#2".to_owned()))
        );
        assert_eq!(read("§ Dispositions générales"), None);
    }

    #[test]
    fn codes_mixing_numerals_letters_and_numbers() {
        let read =
            |text: &str| code_at_start(text, None).map(|code| (code.code, code.path, code.family));
        let want = |code: &str, path: &[u16], family: &str| {
            Some((code.to_owned(), path.to_vec(), family.to_owned()))
        };
        assert_eq!(
            read("III-b-2 Campaña"),
            want("III-b-2", &[3, 2, 2], "mixed-rln#3")
        );
        assert_eq!(
            read("III-b Saneamiento"),
            want("III-b", &[3, 2], "mixed-rl#2")
        );
        assert_eq!(
            read("B-II-3 Former"),
            want("B-II-3", &[2, 2, 3], "mixed-lrn#3")
        );
        assert_eq!(read("C-I Qualité"), want("C-I", &[3, 1], "mixed-lr#2"));
        assert_eq!(
            read("A1-ii Neighbourhood"),
            want("A1-ii", &[1, 2], "amixed-r#2")
        );
        assert_eq!(
            read("E1-01 Carril bus"),
            want("E1-01", &[1, 1], "emixed-n#2")
        );
        assert_eq!(read("II-3 Créer"), want("II-3", &[2, 3], "roman-#2"));
        assert_eq!(read("e-mail the team"), None);
        assert_eq!(read("X-ray machines"), None);
    }

    /// A level word and one capital letter is a code of items only
    /// (`Eje B.`, `Theme C —`, `- Axe B :`), the letter its number; the
    /// shapes rows are anchored on do not read it.
    #[test]
    fn level_words_before_a_capital_letter() {
        let read = |text: &str| {
            codes_at_start(text, None)
                .into_iter()
                .map(|code| (code.code, code.path, code.level))
                .collect::<Vec<_>>()
        };
        let want = |code: &str, number: u16, level: &str| {
            vec![(code.to_owned(), vec![number], Some(level.to_owned()))]
        };
        assert_eq!(read("Eje B. Movilidad ciclista"), want("Eje B", 2, "Eje"));
        assert_eq!(read("Theme C — Waterfront"), want("Theme C", 3, "Theme"));
        assert_eq!(read("- Axe B : Solidarités"), want("Axe B", 2, "Axe"));
        assert_eq!(read("Eje Bravo"), Vec::new());
        assert_eq!(read("The A-team"), Vec::new());
        assert!(code_at_start("Eje B. Movilidad", None).is_none());
        // A caption naming such a level before its table.
        assert_eq!(
            read("Table 2 – Objective B: Safer junctions"),
            want("Objective B", 2, "Objective")
        );
        assert_eq!(read("Cuadro 3. Eje C – Empleo"), want("Eje C", 3, "Eje"));
        assert_eq!(read("Tableau 1 : Axe A"), want("Axe A", 1, "Axe"));
    }

    /// A level word in capitals before a roman numeral (`EJE II`, spelled
    /// `Eje II` as its capitalized form is), and a level name of two words
    /// before letters and a number (`Strategic objective SO1`).
    #[test]
    fn level_words_in_capitals_and_of_two_words() {
        let found = code_at_start("EJE II – Promoción", None).map(|code| (code.code, code.path));
        assert_eq!(found, Some(("Eje II".to_owned(), vec![2])));
        let found = code_at_start("Strategic objective SO1: A resilient organisation", None)
            .map(|code| code.code);
        assert_eq!(found.as_deref(), Some("SO1"));
    }

    /// A totals table's abbreviated headings: a word cut short by a dot, or
    /// initials, stand for the one status phrase they fit; none that fit
    /// two meanings, or words that are not cut short, stand for nothing.
    #[test]
    fn abbreviated_status_headings() {
        let all = Lexicons::all();
        let vocabulary = Vocabulary::new(None, &all);
        let read = |cell: &str| abbreviated_cell(cell, vocabulary);
        let class = |status| Some(Meaning::Class(status));
        assert_eq!(read("Compl."), class(Status::Achieved));
        assert_eq!(read("In prog."), class(Status::InProgress));
        assert_eq!(read("N/S"), class(Status::NotDeveloped));
        assert_eq!(read("En ejec."), class(Status::InProgress));
        assert_eq!(read("S/I"), class(Status::NotDeveloped));
        assert_eq!(read("Réal."), class(Status::Achieved));
        assert_eq!(read("N. E."), class(Status::NotDeveloped));
        assert_eq!(
            read("Despl."),
            Some(Meaning::Outside("postponed".to_owned()))
        );
        assert_eq!(read("Compl"), None);
        assert_eq!(read("Nb."), None);
    }

    /// Level words cut short to two letters and a dot (`Op. 2.3`) or
    /// compounds cut short (`Sub-prog. 4.2`), and an activity's letters
    /// and number after a result's code (`R1.2-A3`, one level deeper).
    #[test]
    fn short_level_words_and_result_activity_codes() {
        let read =
            |text: &str| code_at_start(text, None).map(|code| (code.code, code.path, code.family));
        let want = |code: &str, path: &[u16], family: &str| {
            Some((code.to_owned(), path.to_vec(), family.to_owned()))
        };
        assert_eq!(read("Op. 2.3 Jardins"), want("Op. 2.3", &[2, 3], "op.#2"));
        assert_eq!(
            read("Sub-prog. 4.2 Alquiler"),
            want("Sub-prog. 4.2", &[4, 2], "sub-prog.#2")
        );
        assert_eq!(
            read("Proj. 4.2.1 Bolsa"),
            want("Proj. 4.2.1", &[4, 2, 1], "proj.#3")
        );
        assert_eq!(read("R1.2-A3"), want("R1.2-A3", &[1, 2, 3], "r-a#3"));
        assert_eq!(read("R1.2 Personal"), want("R1.2", &[1, 2], "r#2"));
        // Two letters without their dot are a word, and a small letter
        // after the hyphen is the item letter it was before.
        assert_eq!(read("Op 2.3 Jardins"), None);
        assert_eq!(read("3.2-b Tri"), want("3.2-b", &[3, 2, 2], "#3"));
    }
}
