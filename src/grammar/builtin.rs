//! The built-in Line / Measure / Deliverable grammar of the seeds
//! (`L2M3D1` = Line 2, Measure 3, Deliverable 1): its letters, level names,
//! code spelling, and the patterns the deliverables reader matches, with the
//! damage extraction does to them (`L2M1 D3`, `L2.M1.D3`). Every literal of
//! this grammar lives here.

use std::sync::LazyLock;

use regex::Regex;

/// Names of the levels, top first (`L1`, `L1M2`, `L1M2D3`).
pub const LEVELS: [&str; 3] = ["Line", "Measure", "Deliverable"];

/// Letters of the code segments, top first.
pub const LETTERS: [char; 3] = ['L', 'M', 'D'];

/// The code of the given numbers (`[2, 3, 1]` → `L2M3D1`, `[2]` → `L2`).
pub fn code(path: &[u16]) -> String {
    path.iter()
        .zip(LETTERS)
        .map(|(number, letter)| format!("{letter}{number}"))
        .collect()
}

/// The digit runs of a well-formed code of any depth (`L2M3D1` → `["2",
/// "3", "1"]`), letters in order, nothing else; numbers are not parsed.
pub fn digits(text: &str) -> Option<Vec<&str>> {
    let mut rest = text;
    let mut runs = Vec::new();
    for letter in LETTERS {
        let Some(after) = rest.strip_prefix(letter) else {
            break;
        };
        let count = after.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return None;
        }
        runs.push(after.get(..count)?);
        rest = after.get(count..)?;
    }
    (rest.is_empty() && !runs.is_empty()).then_some(runs)
}

/// Reads a well-formed code of any depth (`L2`, `L2M3`, `L2M3D1`) into its numbers.
pub fn parse(text: &str) -> Option<Vec<u16>> {
    digits(text)?
        .into_iter()
        .map(|run| run.parse().ok())
        .collect()
}

/// True when segment letters are this grammar's, in order (`L`, `M`, `D`).
pub fn is_own_letters(letters: &[String]) -> bool {
    letters
        .iter()
        .zip(LETTERS)
        .all(|(letters, own)| letters.len() == 1 && letters.starts_with(own))
}

/// An item of this grammar: code, depth, level name and parent code.
pub fn item(path: &[u16]) -> Option<(String, u8, &'static str, Option<String>)> {
    let depth = path.len();
    let name = LEVELS.get(depth.checked_sub(1)?)?;
    let parent = (depth > 1).then(|| code(&path[..depth - 1]));
    Some((code(path), u8::try_from(depth).ok()?, name, parent))
}

/// `L [\s.]? (?P<l>…) [\s.-]? M …`: the segments of `depth` levels, each
/// letter optionally preceded by a space or dot (damage), or by a hyphen
/// where a narrow cell broke the code over two lines (`L1M1-` + `D1`: the
/// next level's letter follows it, never the first level's, so a range
/// `L1M1-L1M3` stays two codes), numbers captured as `l`, `m`, `d` when
/// `capture`.
fn segments(depth: usize, capture: bool) -> String {
    LETTERS
        .iter()
        .take(depth)
        .enumerate()
        .map(|(at, letter)| {
            let junction = if at == 0 { "" } else { r"[\s.-]?" };
            let number = if capture {
                format!("(?P<{}>[0-9]{{1,3}})", letter.to_ascii_lowercase())
            } else {
                "[0-9]{1,3}".to_owned()
            };
            format!(r"{junction}{letter}[\s.]?{number}")
        })
        .collect()
}

/// What may follow a code at the start of a cell: no letter nor digit, a
/// superscript digit, a footnote call glued to the code (`L1M2D3¹`), or a
/// capitalised word the producer drew with no space after the code
/// (`L2.M2.D1Plan stratégique`: a capital and a small letter open a word,
/// where a code's own letters are capitals and digits).
const CODE_END: &str = r"(?P<end>[^\p{L}\p{N}]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\p{Lu}\p{Ll}|$)";

/// A deliverable code at the start of a cell, tolerating one space, dot or
/// line-break hyphen at each junction (`L2M1 D3`, `L2.M1.D3`, `L2M1-D3`).
pub static DELIVERABLE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{}{CODE_END}", segments(3, true)))
        .expect("DELIVERABLE_AT_START is a valid pattern built from the grammar's letters")
});

/// A measure code at the start of a cell (`L1M1 Que…`).
pub static MEASURE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{}{CODE_END}", segments(2, true)))
        .expect("MEASURE_AT_START is a valid pattern built from the grammar's letters")
});

/// A well-formed deliverable code anywhere (references and repeated blocks).
pub static DELIVERABLE_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    let [line, measure, deliverable] = LETTERS;
    Regex::new(&format!(
        r"\b{line}(?P<l>[0-9]{{1,3}}){measure}(?P<m>[0-9]{{1,3}}){deliverable}(?P<d>[0-9]{{1,3}})\b"
    ))
    .expect("DELIVERABLE_ANYWHERE is a valid pattern built from the grammar's letters")
});

/// A deliverable code after a space inside a measure cell (`…focalizada.
/// L1M1D1 Calendario…`).
pub static DELIVERABLE_IN_MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\s(?P<code>{})\b", segments(3, false)))
        .expect("DELIVERABLE_IN_MEASURE is a valid pattern built from the grammar's letters")
});

/// The line code in parentheses after an action line heading (`(L1)`), as a
/// pattern fragment capturing the number as `l`.
pub fn line_code_in_parentheses() -> String {
    format!(r"\(\s*{}\s*(?P<l>[0-9]{{1,3}})\s*\)", LETTERS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_damage() {
        assert_eq!(code(&[2, 3, 1]), "L2M3D1");
        assert_eq!(parse("L2M3D1"), Some(vec![2, 3, 1]));
        assert_eq!(parse("L2"), Some(vec![2]));
        assert_eq!(parse("L2M"), None);
        assert_eq!(parse("A1"), None);
        for (cell, found) in [
            ("L2M1 D3 Convocatoria", true),
            ("L2.M1.D3 Convocatoria", true),
            ("L 2M1D3", true),
            ("L2M1D3x", false),
            ("L2.M2.D1Plan stratégique", true),
            ("L2M2D1PLAN", false),
            ("L2M1-D3 Convocatoria", true),
            ("L2M1-L2M3 Convocatoria", false),
            ("L2M1D3¹", true),
            ("L2M1", false),
        ] {
            assert_eq!(DELIVERABLE_AT_START.is_match(cell), found, "{cell}");
        }
        assert!(MEASURE_AT_START.is_match("L1M1 Que"));
        assert!(MEASURE_AT_START.is_match("L1M1² Que"));
        assert!(DELIVERABLE_ANYWHERE.is_match("como L2M3D1, y"));
        assert!(DELIVERABLE_IN_MEASURE.is_match("focalizada. L1M1 D1 Calendario"));
        assert_eq!(
            item(&[2, 3, 1]),
            Some((
                "L2M3D1".to_owned(),
                3,
                "Deliverable",
                Some("L2M3".to_owned())
            ))
        );
    }
}
