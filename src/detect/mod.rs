//! Stage 3 of 6: what is this document? Language, kind, period and title.
//!
//! Owns the [`Profile`] that extractors receive: the dominant language and
//! every language present (per block of text), the document kind and the year
//! or period it covers, each with a confidence and the phrases that decided
//! it. Word lists live in [`lexicon`](crate::lexicon); this module only scores.

mod kind;
mod language;

use crate::diagnostic::Diagnostic;
use crate::lexicon::Lexicons;
use crate::model::{DocumentKind, KindDetection, LanguageShare, Period};
use crate::normalize::Text;

pub use language::LanguageBlock;

/// Everything detected about a document as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Dominant language (`es`, `en`, `fr`) or `und`.
    pub language: String,
    /// Every language present, largest share first.
    pub languages: Vec<LanguageShare>,
    /// Language of each block of consecutive non-empty lines, in line order.
    pub blocks: Vec<LanguageBlock>,
    /// The lexicons of the languages present (every lexicon when none is).
    pub lexicons: Lexicons,
    /// Kind, with confidence and evidence.
    pub kind: KindDetection,
    /// Period, when one was found.
    pub period: Option<Period>,
    /// Title, when a title line was found.
    pub title: Option<String>,
    /// Doubts raised while detecting.
    pub diagnostics: Vec<Diagnostic>,
}

impl Profile {
    /// A profile that knows nothing: language `und`, kind `other`. For tests
    /// of extractors that do not depend on detection.
    pub fn unknown() -> Self {
        Self {
            language: "und".to_owned(),
            languages: Vec::new(),
            blocks: Vec::new(),
            lexicons: Lexicons::all(),
            kind: KindDetection {
                value: DocumentKind::Other,
                confidence: 0.0,
                evidence: Vec::new(),
            },
            period: None,
            title: None,
            diagnostics: Vec::new(),
        }
    }

    /// Language of the line at `index` in [`Text::lines`], falling back to the
    /// document's language for lines too short to classify.
    pub fn language_of_line(&self, index: usize) -> &str {
        // Blocks are disjoint and in line order: the only one that can hold
        // the line is the last that starts at or before it.
        let starting_before = self
            .blocks
            .partition_point(|block| block.first_line <= index);
        starting_before
            .checked_sub(1)
            .and_then(|last| self.blocks.get(last))
            .filter(|block| index <= block.last_line)
            .and_then(|block| block.language)
            .unwrap_or(&self.language)
    }
}

/// Detects language, kind, period and title.
pub fn detect(text: &Text) -> Profile {
    let languages = language::detect_languages(text);
    let mut diagnostics = languages.diagnostics;
    let lexicons = Lexicons::for_codes(
        std::iter::once(languages.language.as_str())
            .chain(languages.shares.iter().map(|share| share.language.as_str())),
    );
    let kind = kind::detect_kind(text, &languages.blocks, &languages.language, &lexicons);
    diagnostics.extend(kind.diagnostics);
    Profile {
        language: languages.language,
        languages: languages.shares,
        blocks: languages.blocks,
        lexicons,
        kind: kind.kind,
        period: kind.period,
        title: kind.title,
        diagnostics,
    }
}
