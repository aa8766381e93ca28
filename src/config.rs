//! Validated library input: limits and options that apply to every document.

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
    /// At most this many threads read the pages of one PDF (0 or 1: one), in
    /// the current rayon pool. The result is the same for any number.
    pub page_threads: usize,
}

impl Config {
    /// The default configuration with the given limits.
    pub fn with_limits(limits: Limits) -> Self {
        Self {
            limits,
            ..Self::default()
        }
    }

    /// The same configuration reading a PDF's pages on up to `threads` threads.
    #[must_use]
    pub fn with_page_threads(mut self, threads: usize) -> Self {
        self.page_threads = threads;
        self
    }

    /// The same configuration with another PDF fallback.
    #[must_use]
    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }
}
