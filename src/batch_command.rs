//! `planex batch` and its hidden worker: arguments to [`planex::batch::run`],
//! progress on standard error, Ctrl-C, the final one-line summary.

use std::io::{self, BufRead, IsTerminal};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use globset::{Glob, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressStyle};

use planex::batch::{self, worker, BatchOptions, Cancel, Isolation, Sink, Skipped, Summary};
use planex::write::{OutputDir, StreamFormat, StreamSink};

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
    let timeout = args.timeout().map_err(anyhow::Error::msg)?;
    let mut roots = args.inputs.clone();
    if let Some(list) = &args.files_from {
        roots.extend(read_list(list)?);
    }
    if roots.is_empty() {
        bail!("no inputs: name files or directories, or use --files-from");
    }
    let glob = if args.glob.is_empty() {
        None
    } else {
        let mut builder = GlobSetBuilder::new();
        for pattern in &args.glob {
            builder.add(Glob::new(pattern).with_context(|| format!("bad --glob `{pattern}`"))?);
        }
        Some(builder.build().context("bad --glob")?)
    };
    let exclude = (!streaming).then_some(args.out.as_path());
    let found = batch::discover(&roots, glob.as_ref(), exclude)?;
    let jobs = args.jobs.filter(|&jobs| jobs > 0).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    // The cores that a batch with fewer files than jobs leaves free go to the
    // pages of each file: never more threads in all than jobs.
    let page_threads = jobs / found.inputs.len().clamp(1, jobs);
    let config = planex::Config::with_limits(planex::Limits {
        max_bytes: args.max_bytes,
    })
    .with_page_threads(page_threads);
    let isolation = if args.in_process {
        Isolation::InProcess
    } else {
        Isolation::Workers(worker::WorkerOptions {
            exe: std::env::current_exe()
                .context("cannot find the planex executable for workers")?,
            timeout,
            max_memory: args.max_memory,
            max_bytes: args.max_bytes,
            page_threads,
        })
    };
    let options = BatchOptions {
        config,
        jobs,
        isolation,
        resume_from: args.resume.then(|| args.out.clone()),
    };
    ctrlc::set_handler(|| match CANCEL.request() {
        1 => eprintln!(
            "\nplanex: stopping after the files in progress (Ctrl-C again to abandon them)"
        ),
        _ => eprintln!("\nplanex: abandoning the files in progress"),
    })
    .context("cannot install the Ctrl-C handler")?;

    let skipped = Skipped {
        hidden: found.skipped_hidden,
        other: found.skipped_other,
    };
    let mut progress = Reporter::new(found.inputs.len(), args.quiet);
    let (mut sink, target): (Box<dyn Sink>, String) = if streaming {
        let format = match args.format.unwrap_or(Format::Jsonl) {
            Format::Json => StreamFormat::Json,
            Format::Jsonl => StreamFormat::Jsonl,
            Format::Csv => StreamFormat::Csv,
        };
        let sink = StreamSink::new(format, io::stdout().lock())
            .context("cannot write to standard output")?;
        (Box::new(sink), "standard output".to_owned())
    } else {
        let sink = OutputDir::create(&args.out)
            .with_context(|| format!("cannot create {}", args.out.display()))?;
        (Box::new(sink), args.out.display().to_string())
    };
    let summary = batch::run(
        &found.inputs,
        &options,
        skipped,
        sink.as_mut(),
        &mut progress,
        &CANCEL,
    )
    .with_context(|| format!("cannot write to {target}"))?;
    sink.finish(&summary)
        .with_context(|| format!("cannot write to {target}"))?;
    progress.done(&summary);
    Ok(usize::try_from(summary.failed + summary.not_processed).unwrap_or(usize::MAX))
}

/// Runs the hidden worker: limits itself, then serves requests until stdin closes.
pub fn run_worker(args: &WorkerArgs) -> anyhow::Result<usize> {
    rlimit::setrlimit(rlimit::Resource::AS, args.max_memory, args.max_memory)
        .context("cannot set the worker's memory limit")?;
    // Ctrl-C reaches the whole process group; the parent decides what stops.
    // Under a tiny memory limit the handler's thread may not start: the worker
    // then still serves, and a Ctrl-C only costs the files in flight.
    let _ = ctrlc::set_handler(|| {});
    let config = planex::Config::with_limits(planex::Limits {
        max_bytes: args.max_bytes,
    })
    .with_page_threads(args.page_threads);
    worker::serve(io::stdin().lock(), io::stdout().lock(), &config)
        .context("the batch that started this worker is gone")?;
    Ok(0)
}

/// Paths listed one per line in `list` (`-`: standard input); blank lines are skipped.
fn read_list(list: &PathBuf) -> anyhow::Result<Vec<PathBuf>> {
    let reader: Box<dyn BufRead> = if list.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(list)
            .with_context(|| format!("cannot read --files-from {}", list.display()))?;
        Box::new(io::BufReader::new(file))
    };
    let mut paths = Vec::new();
    for line in reader.lines() {
        let line = line.with_context(|| format!("cannot read --files-from {}", list.display()))?;
        if !line.trim().is_empty() {
            paths.push(PathBuf::from(line));
        }
    }
    Ok(paths)
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
