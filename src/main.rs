//! The `planex` binary: parses arguments, calls the library, owns exit codes and streams.
//!
//! Data goes to standard output; errors and summaries go to standard error.
//! Exit status: 0 when every input converted, 1 when some failed, 2 on usage
//! or fatal errors. A reader that goes away (`planex extract … | head`) ends
//! the program quietly with 0, as ripgrep does: nothing went wrong that the
//! user did not ask for.

mod batch_command;
mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use cli::{Args, Command, ExtractArgs, PagesArgs, PairArgs};

fn main() -> ExitCode {
    tune_malloc();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            let usage_error = err.use_stderr();
            let _ = err.print();
            return if usage_error {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("planex: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Makes every thread allocate from glibc's one main arena, and maps large
/// blocks on their own.
///
/// glibc gives each thread that allocates its own arena and never hands
/// memory freed in one arena to another thread: the page threads' glyphs and
/// layouts, freed once the main thread has normalized the pages, stay
/// resident beside the main thread's normalized text and extractors (about
/// 24 MiB of a 2,600-page report's 112 MiB peak). One arena lets the main
/// thread reuse that memory; its per-thread caches keep the page threads
/// off the arena's lock for most allocations (CPU within noise).
///
/// Blocks of 128 KiB and more (a long document's vectors of pages, lines
/// and words) are mapped on their own, at a fixed threshold: glibc's moving
/// one rises to 32 MiB once such a block is freed, after which large blocks
/// come from the heap and leave it holes that stay resident to the end, and
/// a mapped vector that grows by `mremap` keeps its unused tail out of
/// memory (about 1 MiB less peak RSS on a 2,600-page report).
///
/// The heap grows by what each request needs, without glibc's 128 KiB of
/// padding per growth: about 1.3 MiB less peak RSS on a 2,600-page report
/// (65.3 → 64.0 MiB, medians of paired runs).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    // SAFETY: mallopt only sets allocator parameters; it is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_TOP_PAD, 0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}

/// True when the error comes from writing to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = match cause.downcast_ref::<serde_json::Error>() {
            Some(err) => err.io_error_kind(),
            None => cause.downcast_ref::<io::Error>().map(io::Error::kind),
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Runs a command; returns how many inputs failed.
fn run(args: Args) -> anyhow::Result<usize> {
    match args.command {
        Command::Extract(extract) => run_extract(&extract),
        Command::Schema(which) => {
            let schema = match which.which {
                cli::SchemaName::Document => planex::model::document_schema(),
                cli::SchemaName::BatchLine => planex::batch::batch_line_schema(),
                cli::SchemaName::Summary => planex::batch::summary_schema(),
                cli::SchemaName::Pair => planex::pair::pair_schema(),
            };
            let mut stdout = io::stdout().lock();
            serde_json::to_writer_pretty(&mut stdout, &schema)
                .context("cannot write the schema")?;
            writeln!(stdout).context("cannot write the schema")?;
            Ok(0)
        }
        Command::Batch(batch) => batch_command::run_batch(&batch),
        Command::Worker(worker) => batch_command::run_worker(&worker),
        Command::Pair(pair) => run_pair(&pair),
        Command::Pages(pages) => run_pages(&pages),
        Command::Completions(completions) => {
            // Generated in memory: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(
                completions.shell,
                &mut Args::command(),
                "planex",
                &mut script,
            );
            let mut stdout = io::stdout().lock();
            stdout
                .write_all(&script)
                .and_then(|()| stdout.flush())
                .context("cannot write the completions")?;
            Ok(0)
        }
        Command::Man => {
            let mut stdout = io::stdout().lock();
            clap_mangen::Man::new(Args::command())
                .render(&mut stdout)
                .context("cannot write the manual page")?;
            Ok(0)
        }
    }
}

/// Converts every input, then prints the pair report; failed inputs are skipped.
fn run_pair(args: &PairArgs) -> anyhow::Result<usize> {
    let mut stdout = io::stdout().lock();
    if args.schema {
        serde_json::to_writer_pretty(&mut stdout, &planex::pair::pair_schema())
            .context("cannot write the schema")?;
        writeln!(stdout).context("cannot write the schema")?;
        return Ok(0);
    }
    let config = args.convert.config().map_err(anyhow::Error::msg)?;
    let mut documents = Vec::new();
    let mut failed = 0;
    for input in &args.inputs {
        match planex::convert_file(input, &config) {
            Ok(document) => documents.push(document),
            Err(err) => {
                failed += 1;
                eprintln!("planex: {}", error_chain(&err));
            }
        }
    }
    let report = planex::pair::pair(&documents);
    serde_json::to_writer_pretty(&mut stdout, &report)
        .context("cannot write to standard output")?;
    writeln!(stdout).context("cannot write to standard output")?;
    Ok(failed)
}

/// Prints the page model of one input; 1 when it cannot be read.
fn run_pages(args: &PagesArgs) -> anyhow::Result<usize> {
    let config = args.convert.config().map_err(anyhow::Error::msg)?;
    let input = &args.input;
    let raw = if input == Path::new("-") {
        planex::read::read_limited(io::stdin().lock().by_ref(), input, &config.limits)
            .and_then(|bytes| planex::read::read_bytes(input, &bytes, &config))
    } else {
        planex::read::read_file(input, &config)
    };
    let raw = match raw {
        Ok(raw) => raw,
        Err(err) => {
            eprintln!("planex: {}", error_chain(&err));
            return Ok(1);
        }
    };
    let text = planex::normalize::normalize(&raw);
    let mut stdout = io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &planex::page::to_json(&text))
        .context("cannot write to standard output")?;
    writeln!(stdout).context("cannot write to standard output")?;
    Ok(0)
}

fn run_extract(args: &ExtractArgs) -> anyhow::Result<usize> {
    let config = args.convert.config().map_err(anyhow::Error::msg)?;
    let stdout = io::stdout();
    let pretty = args.pretty || (!args.compact && args.inputs.len() == 1 && stdout.is_terminal());
    let mut out = stdout.lock();
    let mut failed = 0;
    for input in &args.inputs {
        let converted = if input == Path::new("-") {
            planex::read::read_limited(io::stdin().lock().by_ref(), input, &config.limits)
                .and_then(|bytes| planex::convert_bytes(input, &bytes, &config))
        } else {
            planex::convert_file(input, &config)
        };
        match converted {
            Ok(document) => {
                if pretty {
                    serde_json::to_writer_pretty(&mut out, &document)
                } else {
                    serde_json::to_writer(&mut out, &document)
                }
                .context("cannot write to standard output")?;
                writeln!(out).context("cannot write to standard output")?;
            }
            Err(err) => {
                failed += 1;
                eprintln!("planex: {}", error_chain(&err));
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(failed)
}

/// The error and its sources, `: `-separated, as ripgrep prints them.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
