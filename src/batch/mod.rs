//! Batch conversion: many inputs, in parallel, isolated, resumable, in input order.
//!
//! Owns the pieces of `planex batch` that are not printing or argument
//! parsing: input discovery ([`discover`]), the records a batch produces
//! ([`Record`], [`BatchLine`]), the reorder buffer that keeps outputs in input
//! order ([`ReorderBuffer`]), the [`Summary`], the worker protocol and pool
//! ([`worker`]) and the runner ([`run()`]). Writing files belongs to
//! [`crate::write`]; progress bars, Ctrl-C and exit codes to the binary.
//!
//! # Isolation
//!
//! pdf-extract panics by design on malformed PDFs (caught in
//! [`crate::read`]), but it can also hang, abort, overflow its stack or
//! allocate gigabytes, which no `catch_unwind` survives. So PDFs go to a
//! small pool of long-lived worker processes (the planex binary re-executed
//! as `planex __worker`), one request and one response per file over the
//! worker's stdin and stdout. The runner kills a worker that exceeds the
//! per-file time limit, notices one that died (memory limit, abort), gives
//! the file an error record and replaces the worker. Text and Markdown
//! inputs are converted in the runner's own threads: their reader is plain
//! Rust over a byte slice, with nothing that can hang or blow up, and a
//! process round trip would only cost time. The process boundary is the only
//! process management in the library; the binary passes the path of its own
//! executable in [`Isolation::Workers`].
//!
//! Parallelism is a rayon pool of exactly `jobs` threads, private to the
//! batch: each job converts text in place or waits on its own worker's pipe,
//! and the calling thread gathers results in input order. The jobs take
//! inputs from a shared cursor that may run at most a fixed window ahead of
//! the first unfinished input, which bounds the reorder buffer and so memory.

mod discover;
mod reorder;
mod run;
mod summary;
pub mod worker;

pub use discover::{
    discover, is_document_name, DiscoverError, Discovery, Input, DOCUMENT_EXTENSIONS,
};
pub use reorder::ReorderBuffer;
pub use run::{run, BatchOptions, Cancel, Isolation, Progress, Sink};
pub use summary::{duration_text, summary_schema, thousands, FailureEntry, Skipped, Summary};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::ReadError;
use crate::model::Document;

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
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        Self {
            kind: kind.to_owned(),
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
        Self::new(err.kind(), message)
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
        match &self.outcome {
            Outcome::Converted(document) | Outcome::Reused(document) => {
                BatchLineRef::Document { input, document }
            }
            Outcome::Failed(error) => BatchLineRef::Error { input, error },
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
        /// Its document.
        document: Box<Document>,
    },
    /// The input failed.
    Error {
        /// The input path, as given or found.
        input: String,
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
        /// Its document.
        document: &'a Document,
    },
    /// See [`BatchLine::Error`].
    Error {
        /// The input path.
        input: String,
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
