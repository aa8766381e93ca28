//! `planex batch` and its hidden worker: arguments to [`planex::batch::run`],
//! progress on standard error, Ctrl-C, the final one-line summary.

use std::io::{self, BufRead, IsTerminal, Read};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use globset::{Glob, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressStyle};

use planex::batch::{self, worker, BatchOptions, Cancel, Isolation, Sink, Summary};
use planex::write::{DirLock, OutputDir, StreamFormat, StreamSink};

use crate::cli::{BatchArgs, Format, WorkerArgs};

/// Shared with the Ctrl-C handler.
static CANCEL: Cancel = Cancel::new();

/// How often plain progress lines are printed when standard error is not a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(10);

/// Runs `planex batch`; returns the number of inputs without a document.
pub fn run_batch(args: &BatchArgs) -> anyhow::Result<usize> {
    let streaming = args.out.as_os_str() == "-";
    if args.format.is_some() && !streaming {
        bail!("--format chooses what `-o -` streams; an output directory gets every format");
    }
    if args.resume && streaming {
        bail!("--resume needs an output directory, not `-o -`");
    }
    if args.inputs.is_empty() && args.files_from.is_none() {
        bail!("no inputs: name files or directories, or use --files-from");
    }
    let timeout = args.timeout().map_err(anyhow::Error::msg)?;
    let glob = if args.glob.is_empty() {
        None
    } else {
        let mut builder = GlobSetBuilder::new();
        for pattern in &args.glob {
            builder.add(Glob::new(pattern).with_context(|| format!("bad --glob `{pattern}`"))?);
        }
        Some(builder.build().context("bad --glob")?)
    };
    let config = args.convert.config().map_err(anyhow::Error::msg)?;
    // Ctrl-C, SIGTERM and SIGHUP (the `termination` feature of ctrlc) all
    // stop the batch the same way, and before anything is written.
    ctrlc::set_handler(|| match CANCEL.request() {
        1 => eprintln!(
            "\nplanex: stopping after the files in progress (signal again to abandon them)"
        ),
        _ => eprintln!("\nplanex: abandoning the files in progress"),
    })
    .context("cannot install the signal handler")?;
    // First, so that a second batch into the same directory is refused at once.
    let lock = if streaming {
        None
    } else {
        Some(DirLock::acquire(&args.out)?)
    };
    let mut roots = args.inputs.clone();
    if let Some(list) = &args.files_from {
        roots.extend(read_list(list)?);
    }
    if roots.is_empty() {
        bail!("no inputs: name files or directories, or use --files-from");
    }
    let exclude = (!streaming).then_some(args.out.as_path());
    let found = batch::discover(&roots, glob.as_ref(), exclude)?;
    let jobs = args.jobs.filter(|&jobs| jobs > 0).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    // The cores that a batch with fewer files than jobs leaves free go to the
    // pages of each file: never more threads in all than jobs. Workers get
    // the number with the rest of the configuration.
    let page_threads = jobs / found.inputs.len().clamp(1, jobs);
    let config = config.with_page_threads(page_threads);
    let isolation = if args.in_process {
        Isolation::InProcess
    } else {
        Isolation::Workers(worker::WorkerOptions {
            exe: std::env::current_exe()
                .context("cannot find the planex executable for workers")?,
            timeout,
            max_memory: args.max_memory,
        })
    };
    let options = BatchOptions {
        config,
        jobs,
        isolation,
        resume_from: args.resume.then(|| args.out.clone()),
    };

    if !args.quiet {
        for entry in &found.skipped.entries {
            let path = entry.path_escaped.as_deref().unwrap_or(&entry.path);
            eprintln!("planex: {path}: {} (skipped)", entry.message);
        }
    }
    let mut progress = Reporter::new(found.inputs.len(), args.quiet);
    let (mut sink, target): (Box<dyn Sink>, String) = match lock {
        None => {
            let format = match args.format.unwrap_or(Format::Jsonl) {
                Format::Json => StreamFormat::Json,
                Format::Jsonl => StreamFormat::Jsonl,
                Format::Csv => StreamFormat::Csv,
            };
            let sink = StreamSink::new(format, io::stdout().lock())
                .context("cannot write to standard output")?;
            (Box::new(sink), "standard output".to_owned())
        }
        Some(lock) => {
            let sink = OutputDir::create(&args.out, lock)?;
            (Box::new(sink), args.out.display().to_string())
        }
    };
    let summary = batch::run(
        &found.inputs,
        &options,
        found.skipped,
        sink.as_mut(),
        &mut progress,
        &CANCEL,
    )
    .with_context(|| format!("cannot write to {target}"))?;
    sink.finish(&summary)
        .with_context(|| format!("cannot write to {target}"))?;
    progress.done(&summary);
    let incomplete = summary.failed + summary.not_processed + summary.skipped.recorded();
    Ok(usize::try_from(incomplete).unwrap_or(usize::MAX))
}

/// Runs the hidden worker: reads its setup, limits itself, then serves
/// requests until stdin closes.
pub fn run_worker(_args: &WorkerArgs) -> anyhow::Result<usize> {
    let mut input = io::stdin().lock();
    let setup = worker::read_setup(&mut input).context("no valid setup from the batch")?;
    rlimit::setrlimit(rlimit::Resource::AS, setup.max_memory, setup.max_memory)
        .context("cannot set the worker's memory limit")?;
    // Ctrl-C reaches the whole process group; the parent decides what stops.
    // Under a tiny memory limit the handler's thread may not start: the worker
    // then still serves, and a Ctrl-C only costs the files in flight.
    let _ = ctrlc::set_handler(|| {});
    worker::serve(input, io::stdout().lock(), &setup.config)
        .context("the batch that started this worker is gone")?;
    Ok(0)
}

/// Paths listed one per line in `list` (`-`: standard input); blank lines
/// are skipped. Lines are bytes, not text: a file name that is not UTF-8
/// (`find` prints them as they are) is kept exactly.
fn read_list(list: &PathBuf) -> anyhow::Result<Vec<PathBuf>> {
    let mut reader: Box<dyn BufRead> = if list.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(list)
            .with_context(|| format!("cannot read --files-from {}", list.display()))?;
        Box::new(io::BufReader::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read --files-from {}", list.display()))?;
    Ok(bytes
        .split(|&byte| byte == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .map(path_from_bytes)
        .collect())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Progress on standard error: a bar on a terminal, a line every few seconds otherwise.
struct Reporter {
    bar: Option<ProgressBar>,
    plain: bool,
    total: usize,
    started: Instant,
    last_line: Instant,
}

impl Reporter {
    fn new(total: usize, quiet: bool) -> Self {
        let terminal = io::stderr().is_terminal();
        let bar = (terminal && !quiet).then(|| {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {per_sec}  ETA {eta}  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        let now = Instant::now();
        Self {
            bar,
            plain: !terminal && !quiet,
            total,
            started: now,
            last_line: now,
        }
    }

    fn done(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.bar.is_some() || self.plain {
            eprintln!("planex: {}", summary.line());
        }
    }
}

impl batch::Progress for Reporter {
    fn update(&mut self, summary: &Summary) {
        let done = summary.converted + summary.failed;
        if let Some(bar) = &self.bar {
            bar.set_position(done);
            if summary.failed > 0 {
                bar.set_message(format!("{} failed", batch::thousands(summary.failed)));
            }
        } else if self.plain && self.last_line.elapsed() >= PLAIN_EVERY {
            self.last_line = Instant::now();
            let rate = done as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            eprintln!(
                "planex: {}/{} files, {} failed, {rate:.1} files/s",
                batch::thousands(done),
                batch::thousands(self.total as u64),
                batch::thousands(summary.failed),
            );
        }
    }
}
