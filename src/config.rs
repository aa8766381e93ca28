//! Validated library input: limits and options that apply to every document.
//!
//! A [`Config`] is one serializable value: `planex batch` hands it to its
//! worker processes as is (one JSON line on their standard input, never on
//! their command line, where passwords would show in `ps`), so every option
//! of `extract` reaches the workers without being rebuilt from flags.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::grammar::Grammar;

/// Resource limits applied while reading one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Inputs larger than this many bytes are refused with
    /// [`ReadError::TooLarge`](crate::ReadError::TooLarge). Default: 256 MiB.
    pub max_bytes: u64,
}

impl Limits {
    /// The default size limit, 256 MiB.
    pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// What to do when pdf-extract cannot read a PDF, or finds no text on pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fallback {
    /// Nothing: report the failure (the default; planex needs no other program).
    #[default]
    None,
    /// Run poppler's `pdftotext` (from `poppler-utils`) on the whole file and
    /// take its text for the pages pdf-extract could not read. When the
    /// program is not installed, a diagnostic says so and nothing else changes.
    Pdftotext,
}

/// A password for encrypted PDFs. It never shows in `Debug` output, so it
/// cannot leak into a log or an error message by accident.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    /// Wraps a password.
    pub fn new(password: impl Into<String>) -> Self {
        Self(password.into())
    }

    /// The password itself, for the PDF reader only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

/// Everything that changes how planex converts a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Config {
    /// Resource limits.
    pub limits: Limits,
    /// Second PDF backend, tried when pdf-extract fails.
    pub fallback: Fallback,
    /// Passwords tried, in order, after the empty one, on encrypted PDFs.
    pub passwords: Vec<Password>,
    /// A user's code grammar and status words (`--grammar plan.toml`), read
    /// as well as the built-in and detected ones.
    pub grammar: Option<Grammar>,
    /// At most this many threads read the pages of one PDF (0 or 1: one), in
    /// the current rayon pool. The result is the same for any number.
    pub page_threads: usize,
    /// Keep every glyph of a PDF in the raw document
    /// ([`PageContent::Glyphs`](crate::read::PageContent::Glyphs)), for tools
    /// that look at glyphs, instead of laying each page out as it is read
    /// ([`PageContent::Laid`](crate::read::PageContent::Laid)). The
    /// converted document is the same; memory grows with the page count.
    #[serde(default)]
    pub glyph_pages: bool,
}

impl Config {
    /// The default configuration with the given limits.
    pub fn with_limits(limits: Limits) -> Self {
        Self {
            limits,
            ..Self::default()
        }
    }

    /// The same configuration with a user's grammar.
    #[must_use]
    pub fn with_grammar(mut self, grammar: Grammar) -> Self {
        self.grammar = Some(grammar);
        self
    }

    /// The same configuration reading a PDF's pages on up to `threads` threads.
    #[must_use]
    pub fn with_page_threads(mut self, threads: usize) -> Self {
        self.page_threads = threads;
        self
    }

    /// The same configuration keeping every glyph of a PDF in the raw
    /// document (see [`Config::glyph_pages`]).
    #[must_use]
    pub fn with_glyph_pages(mut self) -> Self {
        self.glyph_pages = true;
        self
    }

    /// The same configuration with another PDF fallback.
    #[must_use]
    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }

    /// The same configuration with these passwords for encrypted PDFs.
    #[must_use]
    pub fn with_passwords(mut self, passwords: Vec<Password>) -> Self {
        self.passwords = passwords;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_in_debug_output() {
        let config = Config::default().with_passwords(vec![Password::new("secreto")]);
        assert!(!format!("{config:?}").contains("secreto"));
    }

    #[test]
    fn a_config_survives_its_serialized_form() {
        let config = Config::with_limits(Limits { max_bytes: 7 })
            .with_fallback(Fallback::Pdftotext)
            .with_passwords(vec![Password::new("a"), Password::new("b")]);
        let text = serde_json::to_string(&config).unwrap();
        assert_eq!(serde_json::from_str::<Config>(&text).unwrap(), config);
    }
}
