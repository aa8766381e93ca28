//! Multilingual word lists (es, en, fr), kept as data, apart from the code that uses them.
//!
//! Every table is a plain `const` slice so that adding a phrase or a language
//! is a data change. Phrases are written in lower case without markup; the
//! matching code lower-cases and strips the text it compares.

mod kinds;
mod languages;
mod months;
mod status;
mod status_words;
mod structure;

pub use kinds::{KindPhrase, KIND_PHRASES, PERIOD_BETWEEN, YEAR_ORDINALS};
pub use languages::FUNCTION_WORDS;
pub use months::{month_number, MONTHS, TO_BE_CONFIRMED};
pub use status::{
    ConventionalMark, StatusLabel, ACTION_LINE_WORDS, CONVENTIONAL_MARKS, LEGEND_LABELS,
    TABLE_HEADINGS, TOTAL_LABELS, TOTAL_NOUNS,
};
pub use status_words::{
    StatusMeaning, StatusPhrase, COLOUR_WORDS, ITEM_NOUNS, OUTSIDE_PHRASES, STATUS_HEADINGS,
    STATUS_PHRASES, TOTALS_ARTICLES, TOTALS_OPENERS,
};
pub use structure::{
    CONJUNCTIONS, CONTENTS_HEADINGS, LABEL_STOP_WORDS, MEMBER_LIST_HEADINGS, MEMBER_WORDS,
    NUMBERED_HEADING_PREFIXES, ONE_LETTER_WORDS, PARTITIVE_WORDS, PEOPLE_LIST_HEADINGS,
    QUALIFIER_WORDS, ROLE_WORDS, TOTAL_WORDS, UNIT_WORDS,
};
