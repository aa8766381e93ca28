//! The batch runner: fans inputs out to a rayon pool of `jobs` threads, gathers results in input order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::worker::{self, Reply, WorkerOptions, WorkerProcess};
use super::ReorderBuffer;
use crate::catalogue::ErrorKind;
use crate::config::Config;
use crate::model::Document;
use crate::record::{Failure, Input, Outcome, Record, Sink, Skipped, Summary, PLANEX_VERSION};

/// How far (in inputs) the threads may run ahead of the first unfinished
/// input, per job: bounds the reorder buffer, hence memory. A slow file at
/// the head stalls the other threads once they are this far ahead; on the
/// shared corpus, where one file takes 300 ms and most take about 1 ms,
/// 32 made two jobs only 1.5 times as fast as one, 128 makes them 1.9.
const AHEAD_PER_JOB: usize = 128;

/// Where PDFs are converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Isolation {
    /// In the runner's threads (`--in-process`): fastest, but a hang or an
    /// abort in the PDF extractor stops the whole batch.
    InProcess,
    /// In a pool of worker processes, one per job (the default).
    Workers(WorkerOptions),
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Library configuration for every input.
    pub config: Config,
    /// Number of inputs converted at once (at least 1).
    pub jobs: usize,
    /// Where PDFs are converted.
    pub isolation: Isolation,
    /// With `--resume`: the output directory whose documents may be reused.
    pub resume_from: Option<PathBuf>,
}

/// Called after each record with the summary so far.
pub trait Progress {
    /// One more input is done.
    fn update(&mut self, summary: &Summary);
}

impl<F: FnMut(&Summary)> Progress for F {
    fn update(&mut self, summary: &Summary) {
        self(summary);
    }
}

/// Ctrl-C state shared with a signal handler: the first request stops
/// handing out inputs (in-flight files finish), the second abandons them.
#[derive(Debug, Default)]
pub struct Cancel(AtomicU8);

impl Cancel {
    /// Not cancelled.
    pub const fn new() -> Self {
        Self(AtomicU8::new(0))
    }

    /// One more request: returns 1 after the first (stopping), 2 after later ones (abandoning).
    pub fn request(&self) -> u8 {
        let previous = self.0.fetch_add(1, Ordering::SeqCst);
        previous.saturating_add(1).min(2)
    }

    /// No new input should start.
    pub fn stopping(&self) -> bool {
        self.0.load(Ordering::SeqCst) >= 1
    }

    /// In-flight inputs should be abandoned.
    pub fn abandoning(&self) -> bool {
        self.0.load(Ordering::SeqCst) >= 2
    }
}

struct Dispatch {
    next: usize,
    released: usize,
}

/// Runs the batch: converts every input, hands records to `sink` in input
/// order, and returns the summary.
///
/// Outputs do not depend on `jobs`: records reach the sink in input order
/// and conversion is deterministic.
///
/// # Errors
/// When the sink fails (the batch stops at the first sink error).
pub fn run(
    inputs: &[Input],
    options: &BatchOptions,
    skipped: Skipped,
    sink: &mut dyn Sink,
    progress: &mut dyn Progress,
    cancel: &Cancel,
) -> io::Result<Summary> {
    let started = Instant::now();
    let jobs = options.jobs.max(1).min(inputs.len().max(1));
    let window = jobs * AHEAD_PER_JOB;
    let dispatch = Mutex::new(Dispatch {
        next: 0,
        released: 0,
    });
    let turn = Condvar::new();
    let mut summary = Summary::new(inputs.len(), skipped);
    let mut sink_error = None;
    let (sender, results) = mpsc::channel::<(usize, Outcome, io::Result<()>)>();
    let documents = sink.documents();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|index| format!("planex-job-{index}"))
        .build()
        .map_err(io::Error::other)?;
    // The jobs run on the pool; this thread gathers and writes their results.
    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (dispatch, turn, documents) = (&dispatch, &turn, &documents);
            scope.spawn(move |_| {
                let mut worker = None;
                while let Some(index) = next_input(dispatch, turn, window, inputs.len(), cancel) {
                    let Some(input) = inputs.get(index) else {
                        break;
                    };
                    let Some(outcome) = process(input, options, &mut worker, cancel) else {
                        break;
                    };
                    let written = documents
                        .as_deref()
                        .map_or(Ok(()), |store| store.store(input, &outcome));
                    if sender.send((index, outcome, written)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);

        let mut reorder = ReorderBuffer::new();
        let mut deliver =
            |index: usize, outcome: Outcome, summary: &mut Summary| -> io::Result<()> {
                let Some(input) = inputs.get(index) else {
                    return Ok(());
                };
                let record = Record {
                    index,
                    input: input.clone(),
                    outcome,
                };
                summary.add(&record);
                sink.write(&record)?;
                progress.update(summary);
                Ok(())
            };
        // The first write error stops the batch: nothing more starts, and
        // the files in flight are abandoned.
        let stop_at = |err: io::Error, sink_error: &mut Option<io::Error>| {
            if sink_error.is_none() {
                *sink_error = Some(err);
                cancel.request();
                cancel.request();
            }
        };
        for (index, outcome, written) in results.iter() {
            if let Err(err) = written {
                stop_at(err, &mut sink_error);
            }
            for (index, outcome) in reorder.push(index, outcome) {
                if sink_error.is_none() {
                    if let Err(err) = deliver(index, outcome, &mut summary) {
                        stop_at(err, &mut sink_error);
                    }
                }
            }
            if let Ok(mut dispatch) = dispatch.lock() {
                dispatch.released = reorder.next_index();
            }
            turn.notify_all();
        }
        // Only an interrupted batch leaves gaps; what did finish is still written.
        for (index, outcome) in reorder.drain() {
            if sink_error.is_none() {
                if let Err(err) = deliver(index, outcome, &mut summary) {
                    sink_error = Some(err);
                }
            }
        }
    });
    if let Some(err) = sink_error {
        return Err(err);
    }
    summary.finish(
        started.elapsed(),
        cancel.stopping() && summary.converted + summary.failed < inputs.len() as u64,
    );
    Ok(summary)
}

/// The next input to convert, waiting while the threads are too far ahead.
fn next_input(
    dispatch: &Mutex<Dispatch>,
    turn: &Condvar,
    window: usize,
    total: usize,
    cancel: &Cancel,
) -> Option<usize> {
    let mut state = dispatch.lock().ok()?;
    loop {
        if cancel.stopping() || state.next >= total {
            return None;
        }
        if state.next < state.released + window {
            let index = state.next;
            state.next += 1;
            return Some(index);
        }
        state = turn.wait_timeout(state, Duration::from_millis(100)).ok()?.0;
    }
}

/// Converts one input; `None` when it was abandoned by Ctrl-C.
fn process(
    input: &Input,
    options: &BatchOptions,
    worker: &mut Option<WorkerProcess>,
    cancel: &Cancel,
) -> Option<Outcome> {
    if let Some(dir) = &options.resume_from {
        if let Some(document) = reusable(&dir.join(&input.output), &input.path) {
            return Some(Outcome::Reused(Box::new(document)));
        }
    }
    let result = match &options.isolation {
        Isolation::Workers(worker_options) => {
            in_worker(&input.path, worker_options, &options.config, worker, cancel)?
        }
        Isolation::InProcess => {
            worker::convert_in_process(&input.path, &options.config).map(Box::new)
        }
    };
    Some(match result {
        Ok(document) => Outcome::Converted(document),
        Err(failure) => Outcome::Failed(failure),
    })
}

fn in_worker(
    path: &Path,
    options: &WorkerOptions,
    config: &Config,
    slot: &mut Option<WorkerProcess>,
    cancel: &Cancel,
) -> Option<Result<Box<Document>, Failure>> {
    let process = match slot {
        Some(process) => process,
        None => match WorkerProcess::spawn(options, config) {
            Ok(process) => slot.insert(process),
            Err(err) => {
                return Some(Err(Failure::new(
                    ErrorKind::WorkerError,
                    format!(
                        "{}: cannot start a worker ({}): {err}",
                        path.display(),
                        options.exe.display()
                    ),
                )))
            }
        },
    };
    match process.convert(path, options.timeout, &|| cancel.abandoning()) {
        Reply::Answered(result) => Some(result),
        Reply::Lost(failure) => {
            *slot = None;
            Some(Err(failure))
        }
        Reply::Abandoned => {
            *slot = None;
            None
        }
    }
}

/// The existing document at `output`, when it was made by this planex version
/// from a file with the same content as `input` (same SHA-256).
fn reusable(output: &Path, input: &Path) -> Option<Document> {
    let text = fs::read(output).ok()?;
    let document: Document = serde_json::from_slice(&text).ok()?;
    if document.planex_version != PLANEX_VERSION {
        return None;
    }
    let mut hasher = Sha256::new();
    io::copy(&mut fs::File::open(input).ok()?, &mut hasher).ok()?;
    let sha256: String = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    (document.source.sha256 == sha256).then_some(document)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::record::DocumentStore;

    struct Collect(Vec<String>);

    impl Sink for Collect {
        fn write(&mut self, record: &Record) -> io::Result<()> {
            self.0.push(serde_json::to_string(&record.line())?);
            Ok(())
        }

        fn finish(self: Box<Self>, _summary: &Summary) -> io::Result<()> {
            Ok(())
        }
    }

    fn batch(dir: &Path, count: usize) -> Vec<Input> {
        (0..count)
            .map(|i| {
                let path = dir.join(format!("{i:03}.txt"));
                let body = if i % 3 == 0 {
                    String::new()
                } else {
                    format!("WORK PLAN {}\n\nThe network meets {i} times.", 2000 + i)
                };
                fs::write(&path, body).unwrap();
                Input {
                    output: PathBuf::from(format!("{i:03}.txt.json")),
                    path,
                }
            })
            .collect()
    }

    fn options(jobs: usize) -> BatchOptions {
        BatchOptions {
            config: Config::default(),
            jobs,
            isolation: Isolation::InProcess,
            resume_from: None,
        }
    }

    /// Runs `inputs` in process with `jobs` jobs, without progress or Ctrl-C.
    fn run_with(inputs: &[Input], jobs: usize, sink: &mut dyn Sink) -> io::Result<Summary> {
        run(
            inputs,
            &options(jobs),
            Skipped::default(),
            sink,
            &mut |_: &Summary| {},
            &Cancel::new(),
        )
    }

    #[test]
    fn records_come_in_input_order_whatever_the_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = batch(dir.path(), 40);
        let mut lines = Vec::new();
        for jobs in [1, 2, 7] {
            let mut sink = Collect(Vec::new());
            let summary = run_with(&inputs, jobs, &mut sink).unwrap();
            assert_eq!((summary.converted, summary.failed), (26, 14), "jobs {jobs}");
            assert_eq!(summary.failures_by_kind.get("empty"), Some(&14));
            lines.push(sink.0);
        }
        assert_eq!(lines[0].len(), 40);
        assert_eq!(lines[0], lines[1]);
        assert_eq!(lines[0], lines[2]);
        assert!(lines[0][0].contains("\"error\""));
        assert!(lines[0][1].contains("\"document\""));
    }

    /// A store that notes which thread stored what, or fails when told to.
    struct Noted {
        stored: std::sync::Mutex<Vec<(PathBuf, bool, String)>>,
        fail: bool,
    }

    impl DocumentStore for Noted {
        fn store(&self, input: &Input, outcome: &Outcome) -> io::Result<()> {
            if self.fail {
                return Err(io::Error::other("disk full"));
            }
            let thread = std::thread::current().name().unwrap_or("").to_owned();
            if let Ok(mut stored) = self.stored.lock() {
                stored.push((input.output.clone(), outcome.document().is_some(), thread));
            }
            Ok(())
        }
    }

    /// A sink that hands per-input files to a [`Noted`] store.
    struct CollectWithStore(Collect, Arc<Noted>);

    impl Sink for CollectWithStore {
        fn documents(&self) -> Option<Arc<dyn DocumentStore>> {
            Some(self.1.clone())
        }

        fn write(&mut self, record: &Record) -> io::Result<()> {
            self.0.write(record)
        }

        fn finish(self: Box<Self>, _summary: &Summary) -> io::Result<()> {
            Ok(())
        }
    }

    fn noted(fail: bool) -> Arc<Noted> {
        Arc::new(Noted {
            stored: std::sync::Mutex::new(Vec::new()),
            fail,
        })
    }

    #[test]
    fn job_threads_store_each_input_once() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = batch(dir.path(), 6);
        let store = noted(false);
        let mut sink = CollectWithStore(Collect(Vec::new()), store.clone());
        run_with(&inputs, 2, &mut sink).unwrap();
        let mut stored = store.stored.lock().unwrap().clone();
        stored.sort();
        assert_eq!(stored.len(), inputs.len());
        for ((output, converted, thread), (i, input)) in
            stored.iter().zip(inputs.iter().enumerate())
        {
            assert_eq!(output, &input.output);
            assert_eq!(*converted, i % 3 != 0);
            assert!(thread.starts_with("planex-job-"), "{thread}");
        }
    }

    #[test]
    fn a_document_file_that_cannot_be_stored_stops_the_batch_with_its_error() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = batch(dir.path(), 6);
        let mut sink = CollectWithStore(Collect(Vec::new()), noted(true));
        let result = run_with(&inputs, 2, &mut sink);
        assert!(result.is_err(), "{result:?}");
    }

    #[test]
    fn a_cancelled_batch_starts_nothing_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = batch(dir.path(), 5);
        let cancel = Cancel::new();
        assert_eq!(cancel.request(), 1);
        let mut sink = Collect(Vec::new());
        let summary = run(
            &inputs,
            &options(2),
            Skipped::default(),
            &mut sink,
            &mut |_: &Summary| {},
            &cancel,
        )
        .unwrap();
        assert!(sink.0.is_empty());
        assert!(summary.interrupted);
        assert_eq!(summary.not_processed, 5);
        assert_eq!(cancel.request(), 2);
        assert_eq!(cancel.request(), 2);
    }
}
