//! Doubts as data: the [`Diagnostic`] record every stage returns.
//!
//! The library never prints. Whenever a stage is unsure (a lossy decoding, a
//! mark nobody defined, totals that do not add up) it returns a diagnostic with
//! a stable [`code`](Diagnostic::code) and, where it knows one, the
//! [`Location`] in the source. Tests and downstream tools match on codes, never
//! on the human-readable message. Every code is a [`Code`] of the
//! [catalogue](crate::catalogue), with its severity and meaning.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::catalogue::Code;

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing is wrong (e.g. a numbering gap).
    Info,
    /// Something was guessed, repaired or skipped; the output may be incomplete.
    Warning,
    /// The document contradicts itself or a result is known to be wrong.
    Error,
}

/// Where in the source a diagnostic or an item comes from.
///
/// Both numbers are 1-based. `line` counts lines within the page, as the
/// normalize stage numbers them; plain text and Markdown inputs have a single
/// page unless they contain form feeds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Location {
    /// 1-based page number.
    pub page: u32,
    /// 1-based line number within the page.
    pub line: u32,
}

impl Location {
    /// A location on `page` at `line`, both 1-based.
    pub fn new(page: u32, line: u32) -> Self {
        Self { page, line }
    }
}

/// One doubt the tool had about one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable identifier such as `read.lossy_decoding` or `totals.mismatch`.
    /// The part before the dot names the stage or extractor that raised it.
    /// Borrowed from the catalogue when raised here (a long document's
    /// diagnostics number in the thousands: no allocation each), owned when
    /// read back from JSON.
    pub code: Cow<'static, str>,
    /// Human-readable explanation, naming the evidence.
    pub message: String,
    /// Page of the source the doubt concerns, when known.
    pub page: Option<u32>,
    /// Line within that page, when known.
    pub line: Option<u32>,
}

impl Diagnostic {
    /// A diagnostic with no location. `severity` must be one the catalogue
    /// lists for `code` (checked in debug builds).
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        debug_assert!(
            code.severities().contains(&severity),
            "{code} raised as {severity:?}, which the catalogue does not list"
        );
        // A message built with `format!` holds up to twice its length; a
        // long document's diagnostics number in the tens of thousands and
        // live until the output is written.
        let mut message = message.into();
        message.shrink_to_fit();
        Self {
            severity,
            code: Cow::Borrowed(code.as_str()),
            message,
            page: None,
            line: None,
        }
    }

    /// An informational diagnostic.
    pub fn info(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// An error-level diagnostic (the document itself is inconsistent).
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// The same diagnostic, located at `location`.
    ///
    /// ```
    /// use planex::{catalogue::Code, Diagnostic, Location};
    /// let d = Diagnostic::warning(Code::DeliverablesUnknownMark, "mark `*` is not in the legend").at(Location::new(2, 14));
    /// assert_eq!((d.page, d.line), (Some(2), Some(14)));
    /// ```
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.page = Some(location.page);
        self.line = Some(location.line);
        self
    }

    /// The same diagnostic, located on `page` only (no line known).
    #[must_use]
    pub fn on_page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
}
