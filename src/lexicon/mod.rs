//! Multilingual word lists (es, en, fr), kept as data, apart from the code that uses them.
//!
//! Every table is a plain `const` slice so that adding a phrase or a language
//! is a data change. Phrases are written in lower case without markup; the
//! matching code lower-cases and strips the text it compares.

mod kinds;
mod languages;

pub use kinds::{KindPhrase, KIND_PHRASES, PERIOD_BETWEEN, YEAR_ORDINALS};
pub use languages::FUNCTION_WORDS;
