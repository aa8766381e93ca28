//! Stage 6: documents and batch records to bytes on disk or on a stream.
//!
//! Owns file naming under an output directory and atomic writes: every file
//! is written next to its target as `NAME.partial` and renamed into place, so
//! a reader (or a crash, or Ctrl-C) never sees half a file. The output
//! directory of `planex batch` holds:
//!
//! - `<relative path>.json`: one pretty-printed document per converted input,
//!   mirroring the input tree (see [`crate::batch::Input::output`]);
//! - `documents.jsonl`: one [`BatchLine`](crate::batch::BatchLine) per input, in input order;
//! - `deliverables.csv`: one row per deliverable ([`csv`]);
//! - `items.csv`: one row per plan item, in any code grammar ([`items_csv`]);
//! - `summary.json`: the [`Summary`].
//!
//! Nothing here reads the clock: the only time in any output is the
//! summary's elapsed time, measured by the caller.

pub mod csv;
pub mod items_csv;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::batch::{Input, Outcome, Record, Sink, Summary};

/// File names inside the output directory.
pub const DOCUMENTS_JSONL: &str = "documents.jsonl";
/// See [`DOCUMENTS_JSONL`].
pub const DELIVERABLES_CSV: &str = "deliverables.csv";
/// See [`DOCUMENTS_JSONL`].
pub const ITEMS_CSV: &str = "items.csv";
/// See [`DOCUMENTS_JSONL`].
pub const SUMMARY_JSON: &str = "summary.json";
/// Suffix of files being written.
pub const PARTIAL_SUFFIX: &str = ".partial";

/// Writes `bytes` to `path` atomically (temporary file, then rename),
/// creating parent directories.
///
/// # Errors
/// When a directory or the file cannot be created, written or renamed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let partial = partial_path(path);
    fs::write(&partial, bytes)?;
    fs::rename(&partial, path)
}

/// Writes the file of one input under the output directory `root`: its
/// document as pretty JSON (atomically) when converted; nothing when reused
/// (it is already there, byte for byte); and no file at all when it failed,
/// since a document left by an earlier run would contradict `documents.jsonl`.
///
/// # Errors
/// When the file cannot be written or the stale one removed.
pub fn write_document_file(root: &Path, input: &Input, outcome: &Outcome) -> io::Result<()> {
    let target = root.join(&input.output);
    match outcome {
        Outcome::Converted(document) => {
            let mut bytes = serde_json::to_vec_pretty(document)?;
            bytes.push(b'\n');
            write_atomically(&target, &bytes)
        }
        Outcome::Reused(_) => Ok(()),
        Outcome::Failed(_) => match fs::remove_file(&target) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        },
    }
}

/// `path` with [`PARTIAL_SUFFIX`] appended.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(PARTIAL_SUFFIX);
    PathBuf::from(name)
}

/// A file written as a stream and renamed into place by [`AtomicFile::commit`].
struct AtomicFile {
    path: PathBuf,
    out: BufWriter<File>,
}

impl AtomicFile {
    fn create(path: PathBuf) -> io::Result<Self> {
        let out = BufWriter::new(File::create(partial_path(&path))?);
        Ok(Self { path, out })
    }

    fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        fs::rename(partial_path(&self.path), &self.path)
    }
}

/// The output directory of a batch, as a [`Sink`].
pub struct OutputDir {
    root: PathBuf,
    jsonl: AtomicFile,
    csv: AtomicFile,
    items: AtomicFile,
}

impl OutputDir {
    /// Creates the directory and starts `documents.jsonl` and `deliverables.csv`.
    ///
    /// # Errors
    /// When the directory or the files cannot be created.
    pub fn create(root: &Path) -> io::Result<Self> {
        fs::create_dir_all(root)?;
        let jsonl = AtomicFile::create(root.join(DOCUMENTS_JSONL))?;
        let mut csv = AtomicFile::create(root.join(DELIVERABLES_CSV))?;
        csv::write_header(&mut csv.out)?;
        let mut items = AtomicFile::create(root.join(ITEMS_CSV))?;
        items_csv::write_header(&mut items.out)?;
        Ok(Self {
            root: root.to_owned(),
            jsonl,
            csv,
            items,
        })
    }
}

impl Sink for OutputDir {
    /// Commits `documents.jsonl` and `deliverables.csv` and writes `summary.json`.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()> {
        self.jsonl.commit()?;
        self.csv.commit()?;
        self.items.commit()?;
        let mut bytes = serde_json::to_vec_pretty(summary)?;
        bytes.push(b'\n');
        write_atomically(&self.root.join(SUMMARY_JSON), &bytes)
    }

    fn documents_dir(&self) -> Option<&Path> {
        Some(&self.root)
    }

    /// Appends the record to `documents.jsonl` and `deliverables.csv`; its
    /// document file is already written ([`write_document_file`]).
    fn write(&mut self, record: &Record) -> io::Result<()> {
        serde_json::to_writer(&mut self.jsonl.out, &record.line())?;
        self.jsonl.out.write_all(b"\n")?;
        if let Some(document) = record.outcome.document() {
            let input = record.input.path.display().to_string();
            csv::write_rows(&mut self.csv.out, &input, document)?;
            items_csv::write_rows(&mut self.items.out, &input, document)?;
        }
        Ok(())
    }
}

/// What `planex batch -o -` streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    /// One JSON array of batch lines.
    Json,
    /// One batch line per line (as `documents.jsonl`).
    Jsonl,
    /// The deliverables CSV.
    Csv,
}

/// A [`Sink`] writing one format to a stream (standard output).
pub struct StreamSink<W: Write> {
    format: StreamFormat,
    out: W,
    started: bool,
}

impl<W: Write> StreamSink<W> {
    /// Starts the stream (the CSV header goes out now).
    ///
    /// # Errors
    /// When the stream cannot be written.
    pub fn new(format: StreamFormat, mut out: W) -> io::Result<Self> {
        if format == StreamFormat::Csv {
            csv::write_header(&mut out)?;
        }
        Ok(Self {
            format,
            out,
            started: false,
        })
    }
}

impl<W: Write> Sink for StreamSink<W> {
    /// Closes a JSON array and flushes the stream.
    fn finish(mut self: Box<Self>, _summary: &Summary) -> io::Result<()> {
        if self.format == StreamFormat::Json {
            self.out
                .write_all(if self.started { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush()
    }

    fn write(&mut self, record: &Record) -> io::Result<()> {
        match self.format {
            StreamFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, &record.line())?;
                self.out.write_all(b"\n")?;
            }
            StreamFormat::Json => {
                self.out
                    .write_all(if self.started { b",\n" } else { b"[\n" })?;
                serde_json::to_writer(&mut self.out, &record.line())?;
            }
            StreamFormat::Csv => {
                if let Some(document) = record.outcome.document() {
                    csv::write_rows(
                        &mut self.out,
                        &record.input.path.display().to_string(),
                        document,
                    )?;
                }
            }
        }
        self.started = true;
        // A pipeline reader sees each input as soon as it is done.
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_partial_file_and_creates_parents() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b/c.json");
        write_atomically(&target, b"{}").unwrap();
        write_atomically(&target, b"[]").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"[]");
        assert!(!partial_path(&target).exists());
    }
}
