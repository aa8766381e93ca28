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

pub(crate) use kind::is_name_over_dateline;
pub use language::LanguageBlock;

/// Everything detected about a document as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Dominant language (`es`, `en`, `fr`) or `und`.
    pub language: String,
    /// Every language present, largest share first.
    pub languages: Vec<LanguageShare>,
    /// The lines of each language, in line order: runs of blocks of
    /// consecutive non-empty lines told apart by language, a run being
    /// blocks of one language with only blank lines between them (its
    /// `letters` are theirs together). Lines of no run are of the
    /// document's language ([`language_of_line`](Self::language_of_line)).
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

/// The runs of `blocks` (each block's lines, in line order) that have a
/// language: a block too short to tell is left out (its lines are of the
/// document's language either way), and one follows on the run before it
/// when it has the same language and no block was between them. A long
/// document's blocks number in the tens of thousands and are kept through
/// extraction; its runs are far fewer.
fn language_runs(blocks: Vec<LanguageBlock>) -> Vec<LanguageBlock> {
    let mut runs: Vec<LanguageBlock> = Vec::new();
    let mut follows = false;
    for block in blocks {
        if block.language.is_none() {
            follows = false;
            continue;
        }
        match runs.last_mut() {
            Some(run) if follows && run.language == block.language => {
                run.last_line = block.last_line;
                run.letters += block.letters;
            }
            _ => runs.push(block),
        }
        follows = true;
    }
    runs.shrink_to_fit();
    runs
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
        blocks: language_runs(languages.blocks),
        lexicons,
        kind: kind.kind,
        period: kind.period,
        title: kind.title,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_runs_give_every_line_of_a_block_its_language() {
        // Blocks of lines 0–2, 4–5, 7, 9–10, 12, 14–15 and 17; the lines
        // between them (3, 6, 8, …) are blank.
        let block = |first_line, last_line, language| LanguageBlock {
            first_line,
            last_line,
            language,
            letters: 10,
        };
        let blocks = vec![
            block(0, 2, Some("es")),
            block(4, 5, Some("es")),
            block(7, 7, None),
            block(9, 10, Some("es")),
            block(12, 12, Some("en")),
            block(14, 15, Some("es")),
            block(17, 17, Some("es")),
        ];
        let in_blocks: Vec<usize> = blocks
            .iter()
            .flat_map(|block| block.first_line..=block.last_line)
            .collect();
        let profile = |blocks| Profile {
            language: "fr".to_owned(),
            blocks,
            ..Profile::unknown()
        };
        let each = profile(blocks.clone());
        let runs = profile(language_runs(blocks));
        assert_eq!(
            runs.blocks
                .iter()
                .map(|run| (run.first_line, run.last_line, run.letters))
                .collect::<Vec<_>>(),
            [(0, 5, 20), (9, 10, 10), (12, 12, 10), (14, 17, 20)]
        );
        for line in in_blocks {
            assert_eq!(
                runs.language_of_line(line),
                each.language_of_line(line),
                "line {line}"
            );
        }
        assert_eq!(runs.language_of_line(7), "fr", "too short to tell");
    }
}
