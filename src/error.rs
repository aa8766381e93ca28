//! Errors at the library boundary: why an input produced no document.
//!
//! One enum, [`ReadError`], because reading is the only stage that can fail:
//! every later stage turns doubts into [`Diagnostic`](crate::Diagnostic)s and
//! always produces a document. Messages start with the input's path, then say
//! what is wrong in lower case (`report.pdf: encrypted PDF, …`), so the CLI can
//! print `planex: PATH: reason`; they never repeat their `source`.

use std::path::PathBuf;

use crate::catalogue::ErrorKind;

/// Why an input could not be turned into text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read", .path.display())]
    Io {
        /// The input.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than the configured limit.
    #[error("{}: {bytes} bytes is over the limit of {limit} bytes", .path.display())]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit in force ([`Limits::max_bytes`](crate::Limits::max_bytes)).
        limit: u64,
    },
    /// The input has no bytes at all.
    #[error("{}: empty input, no text", .path.display())]
    Empty {
        /// The input.
        path: PathBuf,
    },
    /// The input is neither a PDF nor text (e.g. random bytes, an image).
    #[error("{}: neither a PDF nor text ({reason})", .path.display())]
    UnsupportedFormat {
        /// The input.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The PDF is encrypted and neither the empty user password nor any
    /// password of [`Config::passwords`](crate::Config::passwords) opens it.
    /// The message never names a password.
    #[error("{}: encrypted PDF, neither the empty password nor any password given opens it", .path.display())]
    Encrypted {
        /// The input.
        path: PathBuf,
    },
    /// The PDF is malformed beyond what the extractor tolerates.
    #[error("{}: cannot extract text: {reason}", .path.display())]
    Pdf {
        /// The input.
        path: PathBuf,
        /// The extractor's explanation.
        reason: String,
    },
    /// The PDF extractor panicked on the document as a whole (not on one page).
    #[error("{}: the PDF extractor crashed: {message}", .path.display())]
    ExtractorPanicked {
        /// The input.
        path: PathBuf,
        /// The panic message.
        message: String,
    },
    /// The PDF has no pages.
    #[error("{}: PDF without pages", .path.display())]
    NoPages {
        /// The input.
        path: PathBuf,
    },
}

impl ReadError {
    /// A stable, machine-readable name for the kind of failure, as written in
    /// error records (`encrypted`, `too_large`…): see [`ReadError::error_kind`].
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The kind of failure, from the [catalogue](crate::catalogue).
    pub fn error_kind(&self) -> ErrorKind {
        match self {
            Self::Io { .. } => ErrorKind::Io,
            Self::TooLarge { .. } => ErrorKind::TooLarge,
            Self::Empty { .. } => ErrorKind::Empty,
            Self::UnsupportedFormat { .. } => ErrorKind::UnsupportedFormat,
            Self::Encrypted { .. } => ErrorKind::Encrypted,
            Self::Pdf { .. } => ErrorKind::PdfError,
            Self::ExtractorPanicked { .. } => ErrorKind::Crashed,
            Self::NoPages { .. } => ErrorKind::NoPages,
        }
    }
}
