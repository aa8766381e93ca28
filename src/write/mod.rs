//! Stage 6: documents and batch records to bytes on disk or on a stream.
//!
//! Owns file naming under an output directory, its lock, and atomic writes:
//! every file is written next to its target under a name no other writer
//! uses (`NAME.PID-N.partial`) and renamed into place, so a reader (or a
//! crash, or Ctrl-C) never sees half a file. One batch at a time writes into
//! an output directory: [`OutputDir::create`] takes an exclusive lock on its
//! [`LOCK_FILE`] first, and a second batch is refused ([`OutputError::Busy`])
//! instead of mixing its lines with the first one's. The output directory of
//! `planex batch` holds:
//!
//! - `<relative path>.json`: one pretty-printed document per converted input,
//!   mirroring the input tree (see [`Input::output`]);
//! - `documents.jsonl`: one [`BatchLine`](crate::record::BatchLine) per input, in input order;
//! - `deliverables.csv`, `items.csv`, `calendar.csv`, `key_figures.csv`,
//!   `people.csv`: one row per deliverable, plan item (in any code grammar),
//!   calendar event, key figure and person ([`csv`]);
//! - `summary.json`: the [`Summary`];
//! - `.planex.lock`: the lock, holding the process id of the batch that has
//!   it, emptied when the batch ends (and left in place: removing a lock file
//!   races with the next writer).
//!
//! Nothing here reads the clock: the only time in any output is the
//! summary's elapsed time, measured by the caller.

pub mod csv;

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::record::{path_text, DocumentStore, Input, Outcome, Record, Sink, Summary};

/// File names inside the output directory.
pub const DOCUMENTS_JSONL: &str = "documents.jsonl";
/// See [`DOCUMENTS_JSONL`] (and [`csv::TABLES`] for the other tables).
pub const DELIVERABLES_CSV: &str = csv::DELIVERABLES.file;
/// See [`DOCUMENTS_JSONL`].
pub const ITEMS_CSV: &str = csv::ITEMS.file;
/// See [`DOCUMENTS_JSONL`].
pub const SUMMARY_JSON: &str = "summary.json";
/// See [`DOCUMENTS_JSONL`]: the lock file of the output directory.
pub const LOCK_FILE: &str = ".planex.lock";
/// Suffix of files being written.
pub const PARTIAL_SUFFIX: &str = ".partial";

/// Numbers the temporary files of this process, so that no two writes share one.
static PARTIAL_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Why an output directory cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// Another process holds the directory's lock.
    #[error(
        "{}: another planex batch{} is writing there; wait for it to finish or choose another --out",
        .dir.display(),
        .holder.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
    )]
    Busy {
        /// The output directory.
        dir: PathBuf,
        /// Process id of the holder, as it wrote it in the lock file.
        holder: Option<u32>,
    },
    /// The directory or its files cannot be created.
    #[error("{}: cannot create the output", .dir.display())]
    Io {
        /// The output directory.
        dir: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
}

/// The exclusive lock on an output directory, held until dropped.
#[derive(Debug)]
pub struct DirLock {
    /// Open for as long as the lock is held (closing releases it).
    file: File,
}

impl Drop for DirLock {
    /// Empties the lock file before releasing it: a finished batch leaves no
    /// process id behind, and the same inputs leave the same bytes.
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
    }
}

impl DirLock {
    /// Takes the lock of `dir` (created if needed) without waiting, and
    /// writes this process's id into the lock file.
    ///
    /// # Errors
    /// [`OutputError::Busy`] when another process holds it, naming that
    /// process; [`OutputError::Io`] when the directory or lock file cannot be
    /// created.
    pub fn acquire(dir: &Path) -> Result<Self, OutputError> {
        let io_error = |source| OutputError::Io {
            dir: dir.to_owned(),
            source,
        };
        fs::create_dir_all(dir).map_err(io_error)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE))
            .map_err(io_error)?;
        // Fully qualified: std's own `File::try_lock` (Rust 1.89) would
        // otherwise shadow the trait method on newer toolchains.
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(OutputError::Busy {
                    dir: dir.to_owned(),
                    holder: holder.trim().parse().ok(),
                });
            }
            Err(fs4::TryLockError::Error(source)) => return Err(io_error(source)),
        }
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()))
            .and_then(|()| file.flush())
            .map_err(io_error)?;
        Ok(Self { file })
    }
}

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
    let written = fs::write(&partial, bytes).and_then(|()| fs::rename(&partial, path));
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
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

/// The document files under an output directory, as a [`DocumentStore`]
/// (see [`write_document_file`]).
#[derive(Debug, Clone)]
pub struct DocumentFiles {
    /// The output directory.
    pub root: PathBuf,
}

impl DocumentStore for DocumentFiles {
    fn store(&self, input: &Input, outcome: &Outcome) -> io::Result<()> {
        write_document_file(&self.root, input, outcome)
    }
}

/// A fresh temporary name beside `path`: `PATH.PID-N.partial`, unique
/// within this process (N counts) and across processes (PID).
pub fn partial_path(path: &Path) -> PathBuf {
    let number = PARTIAL_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}-{number}{PARTIAL_SUFFIX}", std::process::id()));
    PathBuf::from(name)
}

/// Removes every file under `root` whose name ends with [`PARTIAL_SUFFIX`].
fn remove_partials(root: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        let entry = entry.map_err(io::Error::from)?;
        let partial = entry
            .file_name()
            .as_encoded_bytes()
            .ends_with(PARTIAL_SUFFIX.as_bytes());
        if partial && entry.file_type().is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// A file written as a stream and renamed into place by [`AtomicFile::commit`].
struct AtomicFile {
    path: PathBuf,
    partial: PathBuf,
    out: BufWriter<File>,
}

impl AtomicFile {
    fn create(path: PathBuf) -> io::Result<Self> {
        let partial = partial_path(&path);
        let out = BufWriter::new(File::create(&partial)?);
        Ok(Self { path, partial, out })
    }

    fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        fs::rename(&self.partial, &self.path)
    }
}

/// The output directory of a batch, as a [`Sink`].
pub struct OutputDir {
    root: PathBuf,
    jsonl: AtomicFile,
    /// One file per table of [`csv::TABLES`], in that order.
    tables: Vec<(csv::Table, AtomicFile)>,
    /// Held until the summary is written.
    _lock: DirLock,
}

impl OutputDir {
    /// Starts `documents.jsonl` and the CSV tables in a directory whose
    /// lock the caller holds (see [`DirLock::acquire`]), after removing the
    /// temporary files a killed batch left there: with the lock held, no
    /// other process is writing them.
    ///
    /// # Errors
    /// When the files cannot be created, or a stale temporary file removed.
    pub fn create(root: &Path, lock: DirLock) -> Result<Self, OutputError> {
        let io_error = |source| OutputError::Io {
            dir: root.to_owned(),
            source,
        };
        remove_partials(root).map_err(io_error)?;
        let jsonl = AtomicFile::create(root.join(DOCUMENTS_JSONL)).map_err(io_error)?;
        let mut tables = Vec::with_capacity(csv::TABLES.len());
        for table in csv::TABLES {
            let mut file = AtomicFile::create(root.join(table.file)).map_err(io_error)?;
            table.write_header(&mut file.out).map_err(io_error)?;
            tables.push((table, file));
        }
        Ok(Self {
            root: root.to_owned(),
            jsonl,
            tables,
            _lock: lock,
        })
    }
}

impl Sink for OutputDir {
    /// Commits `documents.jsonl` and the CSV tables and writes `summary.json`.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()> {
        self.jsonl.commit()?;
        for (_, file) in self.tables {
            file.commit()?;
        }
        let mut bytes = serde_json::to_vec_pretty(summary)?;
        bytes.push(b'\n');
        write_atomically(&self.root.join(SUMMARY_JSON), &bytes)
    }

    fn documents(&self) -> Option<Arc<dyn DocumentStore>> {
        Some(Arc::new(DocumentFiles {
            root: self.root.clone(),
        }))
    }

    /// Appends the record to `documents.jsonl` and the CSV tables; its
    /// document file is already written ([`write_document_file`]).
    fn write(&mut self, record: &Record) -> io::Result<()> {
        serde_json::to_writer(&mut self.jsonl.out, &record.line())?;
        self.jsonl.out.write_all(b"\n")?;
        if let Some(document) = record.outcome.document() {
            let input = path_text(&record.input.path);
            for (table, file) in &mut self.tables {
                table.write_rows(&mut file.out, &input, document)?;
            }
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
                    csv::write_rows(&mut self.out, &path_text(&record.input.path), document)?;
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
        let left: Vec<_> = fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(left, ["c.json"]);
    }

    #[test]
    fn document_files_are_written_and_stale_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = DocumentFiles {
            root: dir.path().to_owned(),
        };
        let input = |name: &str| Input {
            path: PathBuf::from(name),
            output: PathBuf::from(format!("sub/{name}.json")),
        };
        let document =
            crate::convert_bytes("a.txt", b"WORK PLAN 2001", &crate::Config::default()).unwrap();
        store
            .store(&input("a.txt"), &Outcome::Converted(Box::new(document)))
            .unwrap();
        let written: crate::Document =
            serde_json::from_slice(&fs::read(dir.path().join("sub/a.txt.json")).unwrap()).unwrap();
        assert_eq!(written.period.map(|p| p.label), Some("2001".to_owned()));
        // A file left by an earlier run for an input that now fails.
        fs::write(dir.path().join("sub/b.txt.json"), "stale").unwrap();
        let failure =
            crate::record::Failure::new(crate::catalogue::ErrorKind::Empty, "b.txt: empty");
        store
            .store(&input("b.txt"), &Outcome::Failed(failure))
            .unwrap();
        assert!(!dir.path().join("sub/b.txt.json").exists());
    }

    #[test]
    fn temporary_names_are_never_reused() {
        let target = Path::new("out/a.json");
        assert_ne!(partial_path(target), partial_path(target));
        assert!(partial_path(target)
            .to_string_lossy()
            .ends_with(PARTIAL_SUFFIX));
    }

    #[test]
    fn a_second_lock_on_one_directory_is_refused_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap();
        let refused = DirLock::acquire(dir.path()).unwrap_err();
        assert!(
            matches!(refused, OutputError::Busy { holder: Some(pid), .. } if pid == std::process::id()),
            "{refused:?}"
        );
        assert!(refused
            .to_string()
            .contains(&format!("(pid {})", std::process::id())));
        drop(first);
        DirLock::acquire(dir.path()).unwrap();
    }
}
