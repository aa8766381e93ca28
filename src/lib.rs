//! planex turns archived plan reports into data.
//!
//! It reads annual reports, triennial implementation reports and work plans
//! (PDF, plain text or Markdown, in Spanish, English or French) and returns a
//! [`Document`]: deliverable codes with normalized statuses, the report's own
//! totals checked against what was extracted, sections, calendars, key
//! figures, members and people, and a [`Diagnostic`] for every doubt.
//!
//! # Pipeline
//!
//! Data flows one way through six stages, one module each:
//!
//! ```text
//!  bytes ──read──▶ RawDocument ──normalize──▶ Text ──detect──▶ Profile
//!                  (pages, glyphs)            (lines)          (language, kind, period)
//!                                               │                 │
//!                                               ▼                 ▼
//!                                          extract(&Text, &Profile) ──▶ Extraction
//!                                                                          │
//!                                                     check ◀──────────────┘
//!                                                       │
//!                                                       ▼
//!                                                   Document ──write──▶ JSON
//! ```
//!
//! Only [`read`] touches files; every later stage is a pure function of its
//! input, so each can be tested on a string.
//!
//! # Public API
//!
//! - [`convert_file`], [`convert_bytes`], [`convert_raw`] with a [`Config`]
//!   give a [`Document`] or a [`ReadError`] (whose [`ReadError::kind`] is the
//!   error kind of batch records);
//! - [`model`]: the output types, whose JSON Schema is
//!   [`model::document_schema`];
//! - the stages [`read`], [`normalize`], [`detect`], [`extract`], [`check`]
//!   and [`markup`], each usable alone;
//! - [`batch`] (many inputs, isolated, in input order), [`write`](mod@write) (its output
//!   files) and [`pair`] (translations of one document).
//!
//! [`page`] is the typed page model between layout and the extractors:
//! blocks, table rows and cells with their lines, words and boxes, built
//! alike from PDF geometry and from text or Markdown lines.
//!
//! [`lexicon`] holds the word lists as data. Layout (glyphs to lines) and
//! the parts-and-wholes check are internal. The crate's default feature `cli` builds the `planex` binary and
//! the crates only it needs (clap, anyhow, indicatif, ctrlc, rlimit); a
//! library user sets `default-features = false`.
//!
//! # Example
//!
//! ```
//! use planex::{convert_bytes, Config};
//!
//! let report = "INFORME ANUAL 2023\n\nEste informe resume las actividades de la Secretaría General durante el año.";
//! let document = convert_bytes("informe.txt", report.as_bytes(), &Config::default()).unwrap();
//! assert_eq!(document.language, "es");
//! assert_eq!(document.kind.value, planex::model::DocumentKind::AnnualReport);
//! assert_eq!(document.period.unwrap().label, "2023");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod batch;
pub mod catalogue;
pub mod check;
mod config;
pub mod detect;
mod diagnostic;
mod error;
pub mod extract;
pub(crate) mod figures_check;
pub mod layout;

pub mod grammar;

pub mod lexicon;
pub mod markup;
pub mod model;
pub mod normalize;
pub mod page;
pub mod pair;
pub mod read;
pub mod record;
pub mod write;

use std::path::Path;

pub use config::{Config, Fallback, Limits, Password};
pub use diagnostic::{Diagnostic, Location, Severity};
pub use error::ReadError;
pub use model::Document;

use model::Source;
use read::RawDocument;

/// Converts the file at `path` into a document.
///
/// # Errors
/// A [`ReadError`] when the file cannot be read or holds no text; every
/// other doubt is a diagnostic inside the document.
pub fn convert_file(path: &Path, config: &Config) -> Result<Document, ReadError> {
    let raw = read::read_file(path, config)?;
    Ok(convert_raw_with_grammar(raw, config.grammar.as_ref()))
}

/// Converts bytes already in memory; `name` stands for the input in the output.
///
/// # Errors
/// As [`convert_file`].
pub fn convert_bytes(
    name: impl AsRef<Path>,
    bytes: &[u8],
    config: &Config,
) -> Result<Document, ReadError> {
    let raw = read::read_bytes(name.as_ref(), bytes, config)?;
    Ok(convert_raw_with_grammar(raw, config.grammar.as_ref()))
}

/// Runs every stage after reading. Pure: the same raw document always gives
/// the same document.
pub fn convert_raw(raw: RawDocument) -> Document {
    convert_raw_with_grammar(raw, None)
}

/// As [`convert_raw`], reading plan codes and statuses with a user's
/// grammar (from a grammar file) as well.
pub fn convert_raw_with_grammar(
    mut raw: RawDocument,
    grammar: Option<&grammar::Grammar>,
) -> Document {
    // The pages live on as lines: keeping both would double a long
    // document's memory.
    let text =
        normalize::normalize_pages(raw.format, raw.page_count, std::mem::take(&mut raw.pages));
    let profile = detect::detect(&text);
    let (extraction, text_diagnostics) = extract::extract_consuming(text, &profile, grammar);
    let source = Source {
        path: raw.path.display().to_string(),
        sha256: raw.sha256,
        format: raw.format,
        encoding: raw.encoding,
        backend: raw.backend,
        bytes: raw.bytes,
        pages: raw.page_count,
    };
    let mut diagnostics = raw.diagnostics;
    diagnostics.extend(text_diagnostics);
    check::check(extraction, profile, source, diagnostics)
}

/// Every string of one to `longest` characters over `alphabet`, shortest
/// first: what a hand-written scanner is checked against, exhaustively,
/// beside the pattern it stands for.
#[cfg(test)]
pub(crate) fn every_string(alphabet: &[char], longest: usize) -> Vec<String> {
    let mut all = Vec::new();
    let mut texts = vec![String::new()];
    for _ in 0..longest {
        texts = texts
            .iter()
            .flat_map(|text| {
                alphabet.iter().map(move |&c| {
                    let mut longer = text.clone();
                    longer.push(c);
                    longer
                })
            })
            .collect();
        all.extend(texts.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = convert_bytes("input", &bytes, &Config::default());
        }

        #[test]
        fn any_text_never_panics(text in "\\PC{0,2000}") {
            let _ = convert_bytes("input.txt", text.as_bytes(), &Config::default());
        }

        #[test]
        fn pdf_lookalikes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut bytes = b"%PDF-1.4\n".to_vec();
            bytes.extend_from_slice(&tail);
            let _ = convert_bytes("input.pdf", &bytes, &Config::default());
        }

        #[test]
        fn successful_documents_keep_their_source(text in "[a-zA-Záéíóúñ ,.\\n]{1,500}") {
            if let Ok(document) = convert_bytes("input.txt", text.as_bytes(), &Config::default()) {
                prop_assert_eq!(document.source.bytes, text.len() as u64);
                prop_assert_eq!(document.source.sha256.len(), 64);
            }
        }
    }
}
