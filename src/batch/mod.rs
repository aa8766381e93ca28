//! Batch conversion: many inputs, in parallel, isolated, resumable, in input order.
//!
//! Owns the pieces of `planex batch` that are not printing or argument
//! parsing: input discovery ([`discover`]), the reorder buffer that keeps
//! outputs in input order ([`ReorderBuffer`]), the worker protocol and pool
//! ([`worker`]) and the runner ([`run()`]). The records a batch produces
//! ([`Record`], [`BatchLine`], [`Summary`]) live in [`crate::record`], which
//! the writers use too, so that this module and the writing stage need not
//! know each other; progress bars, signals and exit codes belong to the binary.
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
//! inputs go the same way: their reader cannot blow up, but a huge file or
//! a file that blocks when read must meet the same time and memory limits.
//! The workers get the whole library [`Config`](crate::Config) as one
//! serialized value, so every option of `extract` holds in a batch too. The
//! process boundary is the only process management in the library; the
//! binary passes the path of its own executable in [`Isolation::Workers`].
//!
//! Parallelism is a rayon pool of exactly `jobs` threads, private to the
//! batch: each job converts text in place or waits on its own worker's pipe,
//! and the calling thread gathers results in input order. The jobs take
//! inputs from a shared cursor that may run at most a fixed window ahead of
//! the first unfinished input, which bounds the reorder buffer and so memory.

mod discover;
mod reorder;
mod run;
pub mod worker;

pub use discover::{discover, is_document_name, DiscoverError, Discovery, DOCUMENT_EXTENSIONS};
pub use reorder::ReorderBuffer;
pub use run::{run, BatchOptions, Cancel, Isolation, Progress};

pub use crate::record::{
    batch_line_schema, duration_text, summary_schema, thousands, BatchLine, BatchLineRef,
    DocumentStore, Failure, FailureEntry, Input, Outcome, Record, Sink, SkipEntry, SkipKind,
    Skipped, Summary, PLANEX_VERSION,
};

/// The `documents.jsonl` line (without its newline) that `planex batch` writes
/// for the input named `input` whose content is `bytes`, for tools that read
/// files themselves and convert them elsewhere (the Python package's Ray Data
/// recipe). A document or a failure record, never an error: a panic is a
/// `crashed` record, as in a worker. Only what the worker pool adds (kinds
/// `timeout`, `memory_limit`, `worker_error`) cannot happen here.
///
/// ```
/// let line = planex::batch::line_for_bytes("empty.txt", b"", &planex::Config::default())?;
/// assert_eq!(line, r#"{"input":"empty.txt","error":{"kind":"empty","message":"empty.txt: empty input, no text"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Errors
/// Only when serde_json fails to serialize the line, which `planex batch`
/// would also fail on.
pub fn line_for_bytes(
    input: impl AsRef<std::path::Path>,
    bytes: &[u8],
    config: &crate::Config,
) -> serde_json::Result<String> {
    let path = input.as_ref();
    let converted = worker::convert_bytes_in_process(path, bytes, config);
    let input = path.display().to_string();
    let input_escaped = crate::record::escaped_path(path);
    let line = match &converted {
        Ok(document) => BatchLineRef::Document {
            input,
            input_escaped,
            document,
        },
        Err(error) => BatchLineRef::Error {
            input,
            input_escaped,
            error,
        },
    };
    serde_json::to_string(&line)
}
