//! Language of the document and of each block, with whatlang.

use std::collections::HashMap;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};
use whatlang::{Detector, Lang};

use crate::diagnostic::{Code, Diagnostic};
use crate::lexicon::{Language, FUNCTION_WORDS};
use crate::model::LanguageShare;
use crate::normalize::Text;

/// Languages planex has a lexicon for, as whatlang names them; anything else is `und`.
static SUPPORTED: LazyLock<Vec<Lang>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .filter_map(|language| Lang::from_code(language.lexicon().iso639_3))
        .collect()
});
/// Blocks with fewer letters than this are too short to classify reliably.
const MIN_LETTERS: usize = 12;
/// Longest run of lines classified as one block, so that a document without
/// blank lines still gets per-block languages.
const MAX_BLOCK_LINES: usize = 40;
/// Below this many letters whatlang's trigrams are unreliable (`Informe Anual
/// 2023` comes out English, `Secretariat General` Spanish), so a short block is
/// classified by its function words first, and by whatlang only when it is
/// nearly certain; otherwise it takes the document's language.
const SHORT_BLOCK_LETTERS: usize = 60;
/// Confidence whatlang must reach on a short block without telling function words.
const SHORT_BLOCK_CONFIDENCE: f64 = 0.9;

/// Enough text for whatlang to tell reliably that a document is in a language
/// planex does not support; longer documents are sampled from start to end.
const UNSUPPORTED_SAMPLE_BYTES: usize = 8_000;

/// A run of consecutive non-empty lines and its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageBlock {
    /// Index of the first line in [`Text::lines`].
    pub first_line: usize,
    /// Index of the last line in [`Text::lines`].
    pub last_line: usize,
    /// ISO 639-1 code of a [`Language`]; `None` when too short to tell.
    pub language: Option<&'static str>,
    /// Letters in the block.
    pub letters: usize,
}

pub(super) struct Languages {
    pub language: String,
    pub shares: Vec<LanguageShare>,
    pub blocks: Vec<LanguageBlock>,
    pub diagnostics: Vec<Diagnostic>,
}

pub(super) fn detect_languages(text: &Text) -> Languages {
    let detector = Detector::with_allowlist(SUPPORTED.clone());
    let mut blocks = Vec::new();
    // The byte length of every classified block: the sample is drawn from
    // them once their total is known, without keeping their text.
    let mut classified: Vec<(usize, usize, usize)> = Vec::new();
    // A block's language depends on its text alone, and documents repeat
    // blocks (running headers and footers, a heading on every page, a
    // report pasted twice): each distinct text is classified once. Keyed by
    // the text's digest, so that the memory kept is a few bytes per
    // distinct block, not the document's text.
    let mut seen: HashMap<[u8; 32], Option<&'static str>> = HashMap::new();
    for (first_line, last_line) in block_ranges(text) {
        let joined = block_text(text, first_line, last_line);
        let letters = joined.chars().filter(|c| c.is_alphabetic()).count();
        let language = if letters >= MIN_LETTERS {
            *seen
                .entry(Sha256::digest(joined.as_bytes()).into())
                .or_insert_with(|| classify(&detector, &joined, letters))
        } else {
            None
        };
        if letters >= MIN_LETTERS {
            classified.push((first_line, last_line, joined.len()));
        }
        blocks.push(LanguageBlock {
            first_line,
            last_line,
            language,
            letters,
        });
    }
    // Kept through extraction: no spare room from growing by doubling.
    blocks.shrink_to_fit();

    let mut diagnostics = Vec::new();
    let mut shares = shares(&blocks);
    if let Some(info) = whatlang::detect(&sample(text, &classified)) {
        if !SUPPORTED.contains(&info.lang()) && info.is_reliable() {
            diagnostics.push(Diagnostic::warning(
                Code::DetectUnsupportedLanguage,
                format!(
                    "the text looks like {} ({}, confidence {:.2}), which planex does not support; language set to und",
                    info.lang().eng_name(),
                    info.lang().code(),
                    info.confidence()
                ),
            ));
            shares.clear();
        }
    }
    let language = shares
        .first()
        .map_or_else(|| "und".to_owned(), |share| share.language.clone());
    if shares.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::DetectLanguageUndetermined,
            "too little text to tell the language",
        ));
    }
    Languages {
        language,
        shares,
        blocks,
        diagnostics,
    }
}

/// The language of a block's text with `letters` letters (at least
/// [`MIN_LETTERS`]): whatlang's among the supported languages for a long
/// block; the function words', or whatlang's when nearly certain, for a
/// short one.
fn classify(detector: &Detector, joined: &str, letters: usize) -> Option<&'static str> {
    if letters >= SHORT_BLOCK_LETTERS {
        detector.detect_lang(joined).and_then(code)
    } else {
        by_function_words(joined).or_else(|| {
            detector
                .detect(joined)
                .filter(|info| info.confidence() >= SHORT_BLOCK_CONFIDENCE)
                .and_then(|info| code(info.lang()))
        })
    }
}

/// Every classified block (`(first line, last line, length)`) of a short
/// document; one block in so many of a long one, so that the sample stays
/// near [`UNSUPPORTED_SAMPLE_BYTES`] and covers it all.
fn sample(text: &Text, blocks: &[(usize, usize, usize)]) -> String {
    let total: usize = blocks.iter().map(|&(_, _, len)| len).sum();
    let stride = total.div_ceil(UNSUPPORTED_SAMPLE_BYTES).max(1);
    let mut sample = String::new();
    for &(first_line, last_line, _) in blocks.iter().step_by(stride) {
        sample.push_str(&block_text(text, first_line, last_line));
        sample.push('\n');
    }
    sample
}

/// The plain text of lines `first_line..=last_line`, joined by spaces.
fn block_text(text: &Text, first_line: usize, last_line: usize) -> String {
    let mut joined = String::new();
    let lines = text.lines.get(first_line..=last_line).unwrap_or_default();
    for (at, line) in lines.iter().enumerate() {
        if at > 0 {
            joined.push(' ');
        }
        joined.push_str(line.plain);
    }
    joined
}

/// Runs of non-empty lines, split at blank lines, page breaks and every
/// [`MAX_BLOCK_LINES`] lines.
fn block_ranges(text: &Text) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    for (index, line) in text.lines.iter().enumerate() {
        let blank = line.text.trim().is_empty();
        if let Some(first) = start {
            let new_page = text.lines.get(first).map(|l| l.page) != Some(line.page);
            if blank || new_page || index - first >= MAX_BLOCK_LINES {
                ranges.push((first, index - 1));
                start = None;
            }
        }
        if !blank && start.is_none() {
            start = Some(index);
        }
    }
    if let Some(first) = start {
        ranges.push((first, text.lines.len() - 1));
    }
    ranges
}

/// The language whose function words occur most often in a short text, when
/// one language clearly leads (a tie decides nothing).
fn by_function_words(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    let mut counts: Vec<(&'static str, usize)> = FUNCTION_WORDS
        .iter()
        .map(|(language, list)| {
            (
                *language,
                words.iter().filter(|word| list.contains(word)).count(),
            )
        })
        .collect();
    counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    match counts.as_slice() {
        [(language, best), (_, second), ..] if *best > *second => Some(language),
        _ => None,
    }
}

fn shares(blocks: &[LanguageBlock]) -> Vec<LanguageShare> {
    let total: usize = blocks
        .iter()
        .filter(|b| b.language.is_some())
        .map(|b| b.letters)
        .sum();
    let mut shares: Vec<LanguageShare> = Vec::new();
    for block in blocks {
        let Some(language) = block.language else {
            continue;
        };
        match shares.iter_mut().find(|share| share.language == language) {
            Some(share) => {
                share.share += block.letters as f64;
                share.blocks += 1;
            }
            None => shares.push(LanguageShare {
                language: language.to_owned(),
                share: block.letters as f64,
                blocks: 1,
            }),
        }
    }
    for share in &mut shares {
        share.share = (share.share / total.max(1) as f64 * 1000.0).round() / 1000.0;
    }
    shares.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then_with(|| a.language.cmp(&b.language))
    });
    shares
}

fn code(lang: Lang) -> Option<&'static str> {
    Language::from_iso639_3(lang.code()).map(Language::code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unsupported_language_sample_covers_long_documents_within_budget() {
        // Blocks of one line each, blank lines between them.
        let blocks = |lines: Vec<String>| {
            let text = Text::from_plain(&lines.join("\n\n"));
            let blocks: Vec<(usize, usize, usize)> = (0..lines.len())
                .map(|i| (2 * i, 2 * i, lines[i].len()))
                .collect();
            (text, blocks)
        };
        let (text, short) = blocks((0..3).map(|i| format!("block {i}")).collect());
        assert_eq!(sample(&text, &short), "block 0\nblock 1\nblock 2\n");
        let (text, long) = blocks(
            (0..100)
                .map(|i| format!("{i:03} {}", "x".repeat(996)))
                .collect(),
        );
        let taken = sample(&text, &long);
        assert!(
            taken.len() <= UNSUPPORTED_SAMPLE_BYTES + 100,
            "{}",
            taken.len()
        );
        assert!(taken.starts_with("000 "));
        assert!(taken.contains("\n091 "), "the sample reaches the end");
    }

    #[test]
    fn a_trilingual_cover_does_not_decide() {
        let text = Text::from_plain(
            "INFORMATION & KNOWLEDGE\nINFORMACIÓN & CONOCIMIENTO\nINFORMATION & CONNAISSANCE\n\n\
             Le plan de travail du Secrétariat général pour cette année comprend des actions principales.\n\n\
             Main actions: positioning and advocacy at global level, with policy debates within the Board of Directors meeting \
             and participation at outstanding global events. The platform will be developed as a tool of learning and capacity building.",
        );
        let languages = detect_languages(&text);
        assert_eq!(languages.language, "en");
        assert!(
            languages.shares.iter().any(|share| share.language == "fr"),
            "{:?}",
            languages.shares
        );
    }

    #[test]
    fn unsupported_language_is_und_with_diagnostic() {
        let text = Text::from_plain(
            "Questo è un rapporto annuale sul lavoro della segreteria. Abbiamo organizzato molti eventi e \
             i membri hanno partecipato a numerose riunioni per parlare insieme del futuro delle città.",
        );
        let languages = detect_languages(&text);
        assert_eq!(languages.language, "und");
        assert_eq!(languages.diagnostics[0].code, "detect.unsupported_language");
        assert!(
            languages.diagnostics[0].message.contains("ita"),
            "{}",
            languages.diagnostics[0].message
        );
    }

    #[test]
    fn short_blocks_fall_back_to_function_words() {
        assert_eq!(
            by_function_words("Plan de travail 2019 du Secrétariat général"),
            Some("fr")
        );
        assert_eq!(by_function_words("Report of the Secretariat"), Some("en"));
        assert_eq!(
            by_function_words("Secretariat General Work Plan 2019"),
            None
        );
        assert_eq!(by_function_words("Plan de la Secretaría"), None);
    }

    #[test]
    fn a_repeated_block_is_classified_as_its_first_occurrence() {
        let header = "Informe anual de la Secretaría General";
        let body = "Main actions: positioning and advocacy at global level, with policy debates \
                    within the Board of Directors meeting and participation at outstanding events.";
        let text = Text::from_plain(&format!(
            "{header}\n\n{body}\n\n{header}\n\n{body}\n\n{header}"
        ));
        let languages = detect_languages(&text);
        let by_block: Vec<Option<&str>> = languages.blocks.iter().map(|b| b.language).collect();
        assert_eq!(by_block.len(), 5);
        assert_eq!(
            by_block[0],
            classify(&Detector::with_allowlist(SUPPORTED.clone()), header, 33)
        );
        assert_eq!(by_block[0], by_block[2]);
        assert_eq!(by_block[0], by_block[4]);
        assert_eq!(by_block[1], Some("en"));
        assert_eq!(by_block[1], by_block[3]);
    }

    #[test]
    fn empty_text_is_undetermined() {
        let languages = detect_languages(&Text::from_plain("12 34\n"));
        assert_eq!(languages.language, "und");
        assert_eq!(
            languages.diagnostics[0].code,
            "detect.language_undetermined"
        );
    }
}
