//! Month names in Spanish, English and French, and the words that mark a date
//! as not yet fixed ("to be confirmed").

/// Month names and common abbreviations, lower case, each with its number (1-12).
///
/// Accented and unaccented spellings are both listed because PDF converters
/// sometimes drop accents (`fevrier`).
pub const MONTHS: &[(&str, u8)] = &[
    // Spanish.
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // English.
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French.
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

/// Phrases saying a date or an event is not fixed yet, lower case.
pub const TO_BE_CONFIRMED: &[&str] = &[
    "por confirmar",
    "a confirmar",
    "pendiente de confirmación",
    "por determinar",
    "to be confirmed",
    "to be determined",
    "tbc",
    "tbd",
    "à confirmer",
    "a confirmer",
    "à déterminer",
    "date à confirmer",
];

/// The month number of `word` (any case), if it names a month.
///
/// ```
/// assert_eq!(planex::lexicon::month_number("Février"), Some(2));
/// assert_eq!(planex::lexicon::month_number("Junio"), Some(6));
/// assert_eq!(planex::lexicon::month_number("plan"), None);
/// ```
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, number)| number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_in_three_languages() {
        for (word, want) in [
            ("enero", Some(1)),
            ("Septiembre", Some(9)),
            ("setiembre", Some(9)),
            ("February", Some(2)),
            ("Sept.", Some(9)),
            ("février", Some(2)),
            ("AOÛT", Some(8)),
            ("décembre", Some(12)),
            ("Mai", Some(5)),
            ("maybe", None),
            ("", None),
        ] {
            assert_eq!(month_number(word), want, "{word:?}");
        }
    }
}
