//! Validated library input: limits and options that apply to every document.

use crate::grammar::Grammar;

/// Resource limits applied while reading one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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

/// Everything that changes how planex converts a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// Resource limits.
    pub limits: Limits,
    /// Second PDF backend, tried when pdf-extract fails.
    pub fallback: Fallback,
    /// A user's code grammar and status words (`--grammar plan.toml`), read
    /// as well as the built-in and detected ones.
    pub grammar: Option<Grammar>,
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

    /// The same configuration with another PDF fallback.
    #[must_use]
    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }
}
