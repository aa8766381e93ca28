//! Function words of each supported language, to classify text too short for whatlang.

/// (ISO 639-1 code, function words). Words shared by two languages (`de`,
/// `la`, `en`) count for both, so they never decide alone.
pub const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "es",
        &[
            "de", "la", "el", "los", "las", "del", "y", "en", "para", "por", "con", "que", "un",
            "una", "sobre", "al", "su", "sus", "entre", "como", "se", "e", "o",
        ],
    ),
    (
        "en",
        &[
            "the", "of", "and", "in", "for", "with", "to", "on", "a", "an", "by", "at", "from",
            "its", "our", "is", "are", "or",
        ],
    ),
    (
        "fr",
        &[
            "de", "la", "le", "les", "des", "du", "et", "en", "pour", "par", "avec", "que", "un",
            "une", "sur", "au", "aux", "sa", "ses", "entre", "est", "ou", "d", "l",
        ],
    ),
];
