//! What one batch input became, shared by the stage that makes records
//! ([`crate::batch`]) and the one that writes them ([`crate::write`]).
//!
//! Neither of those imports the other: the runner hands [`Record`]s to a
//! [`Sink`] and per-input outcomes to a [`DocumentStore`], both traits
//! defined here, and the writers implement them.

mod summary;

use std::io;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use summary::{
    duration_text, summary_schema, thousands, FailureEntry, SkipEntry, SkipKind, Skipped, Summary,
};

use crate::catalogue::ErrorKind;
use crate::error::ReadError;
use crate::model::Document;

/// One input of a batch and where its document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file to read, as given or as found under a directory given.
    pub path: PathBuf,
    /// Path of its JSON document, relative to the output directory
    /// (`2019/plan.pdf.json` for `archive/2019/plan.pdf` under `archive/`).
    pub output: PathBuf,
}

/// Version of planex, as written in documents and summaries; `--resume` only
/// reuses outputs written by the same version.
pub const PLANEX_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why one input has no document: the `error` of its JSONL line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Failure {
    /// Stable error kind: `io`, `too_large`, `empty`, `unsupported_format`,
    /// `encrypted`, `pdf_error`, `no_pages` and `crashed` (the extractor
    /// panicked or its worker died) from the reader; `timeout` and
    /// `memory_limit` from the worker pool; `worker_error` when a worker could
    /// not be started or answered nonsense.
    pub kind: String,
    /// What went wrong, naming the input.
    pub message: String,
}

impl Failure {
    /// A failure of kind `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind: kind.as_str().to_owned(),
            message: message.into(),
        }
    }
}

impl From<&ReadError> for Failure {
    fn from(err: &ReadError) -> Self {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        Self::new(err.error_kind(), message)
    }
}

/// What happened to one input.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Converted in this run.
    Converted(Box<Document>),
    /// Skipped by `--resume`: the existing output has the same source and planex version.
    Reused(Box<Document>),
    /// No document.
    Failed(Failure),
}

impl Outcome {
    /// The document, when there is one.
    pub fn document(&self) -> Option<&Document> {
        match self {
            Self::Converted(document) | Self::Reused(document) => Some(document),
            Self::Failed(_) => None,
        }
    }
}

/// One finished input: the input, its position in the batch and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Position of the input in the batch (0-based).
    pub index: usize,
    /// The input.
    pub input: Input,
    /// What happened to it.
    pub outcome: Outcome,
}

impl Record {
    /// The line of `documents.jsonl` for this record.
    pub fn line(&self) -> BatchLineRef<'_> {
        let input = self.input.path.display().to_string();
        let input_escaped = escaped_path(&self.input.path);
        match &self.outcome {
            Outcome::Converted(document) | Outcome::Reused(document) => BatchLineRef::Document {
                input,
                input_escaped,
                document,
            },
            Outcome::Failed(error) => BatchLineRef::Error {
                input,
                input_escaped,
                error,
            },
        }
    }
}

/// One line of `documents.jsonl`: an input and its document, or its error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
#[schemars(
    title = "planex batch line",
    description = "One line of the `documents.jsonl` written by `planex batch`: the input and either its document or why it has none."
)]
pub enum BatchLine {
    /// The input converted.
    Document {
        /// The input path, as given or found.
        input: String,
        /// The input path losslessly, when it is not UTF-8 (and `input`
        /// therefore shows `�` for some bytes): see [`escaped_path`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        input_escaped: Option<String>,
        /// Its document.
        document: Box<Document>,
    },
    /// The input failed.
    Error {
        /// The input path, as given or found.
        input: String,
        /// The input path losslessly, when it is not UTF-8 (and `input`
        /// therefore shows `�` for some bytes): see [`escaped_path`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        input_escaped: Option<String>,
        /// Why there is no document.
        error: Failure,
    },
}

/// [`BatchLine`] borrowing its parts, for writing without copying documents.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum BatchLineRef<'a> {
    /// See [`BatchLine::Document`].
    Document {
        /// The input path.
        input: String,
        /// See [`BatchLine::Document::input_escaped`].
        #[serde(skip_serializing_if = "Option::is_none")]
        input_escaped: Option<String>,
        /// Its document.
        document: &'a Document,
    },
    /// See [`BatchLine::Error`].
    Error {
        /// The input path.
        input: String,
        /// See [`BatchLine::Document::input_escaped`].
        #[serde(skip_serializing_if = "Option::is_none")]
        input_escaped: Option<String>,
        /// Why there is no document.
        error: &'a Failure,
    },
}

/// The JSON Schema (2020-12) of one `documents.jsonl` line, as published in
/// `schemas/batch-line.schema.json`.
///
/// ```
/// let schema = planex::batch::batch_line_schema();
/// assert_eq!(schema["$id"], format!("urn:planex:schema:batch-line:{}", planex::model::SCHEMA_VERSION));
/// ```
pub fn batch_line_schema() -> serde_json::Value {
    schema_with_id(schemars::schema_for!(BatchLine), "batch-line")
}

fn schema_with_id(schema: schemars::Schema, name: &str) -> serde_json::Value {
    let mut schema = serde_json::to_value(schema).unwrap_or_default();
    if let Some(object) = schema.as_object_mut() {
        object.insert(
            "$id".to_owned(),
            serde_json::Value::String(format!(
                "urn:planex:schema:{name}:{}",
                crate::model::SCHEMA_VERSION
            )),
        );
    }
    schema
}

/// Receives finished records, in input order.
pub trait Sink {
    /// Where each input's own file goes, if anywhere: the job threads store
    /// them themselves, in parallel and as each input finishes, before its
    /// record reaches [`Sink::write`].
    fn documents(&self) -> Option<std::sync::Arc<dyn DocumentStore>> {
        None
    }

    /// Writes one record.
    ///
    /// # Errors
    /// When writing fails; the batch then stops.
    fn write(&mut self, record: &Record) -> io::Result<()>;

    /// Completes the output once every record is written (closes a JSON
    /// array, commits files, writes the summary).
    ///
    /// # Errors
    /// When writing fails.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()>;
}

/// The path as text without losing a byte, or `None` when it is UTF-8 (and
/// so already exact as text).
///
/// Bytes that are not UTF-8 become `\xNN` and a backslash becomes `\\`, as
/// ripgrep and Rust's byte-string literals write them, so two different
/// names never give the same text.
///
/// ```
/// # #[cfg(unix)] {
/// use std::ffi::OsStr;
/// use std::os::unix::ffi::OsStrExt;
/// use std::path::Path;
/// let latin1 = Path::new(OsStr::from_bytes(b"plan-\xe9t\xe9.pdf"));
/// assert_eq!(planex::record::escaped_path(latin1).as_deref(), Some("plan-\\xE9t\\xE9.pdf"));
/// assert_eq!(planex::record::escaped_path(Path::new("plan-été.pdf")), None);
/// # }
/// ```
pub fn escaped_path(path: &Path) -> Option<String> {
    if path.to_str().is_some() {
        return None;
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut text = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(&chunk.valid().replace('\\', "\\\\"));
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02X}"));
        }
    }
    Some(text)
}

/// The path as text: itself when UTF-8, else its [`escaped_path`] form.
/// Unique per path, for places with room for one text only (CSV columns).
pub fn path_text(path: &Path) -> String {
    escaped_path(path).unwrap_or_else(|| path.display().to_string())
}

/// Keeps one file per input (the documents under an output directory).
pub trait DocumentStore: Send + Sync {
    /// Stores what became of `input`.
    ///
    /// # Errors
    /// When the file cannot be written (the batch then stops).
    fn store(&self, input: &Input, outcome: &Outcome) -> io::Result<()>;
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    /// The sources of one module (its directory), concatenated.
    fn module_source(module: &str) -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(module);
        let mut text = String::new();
        for entry in fs::read_dir(dir).unwrap() {
            text.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        text
    }

    #[test]
    fn batch_and_write_do_not_import_each_other() {
        assert!(!module_source("batch").contains("crate::write"));
        assert!(!module_source("write").contains("crate::batch"));
    }
}
