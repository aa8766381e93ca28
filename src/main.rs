//! The `planex` binary: parses arguments, calls the library, owns exit codes and streams.
//!
//! Data goes to standard output; errors and summaries go to standard error.
//! Exit status: 0 when every input converted, 1 when some failed, 2 on usage
//! or fatal errors.

mod batch_command;
mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use cli::{Args, Command, ExtractArgs, PairArgs};

fn main() -> ExitCode {
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
        Err(err) => {
            eprintln!("planex: {err:#}");
            ExitCode::from(2)
        }
    }
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
    let config = planex::Config::with_limits(planex::Limits {
        max_bytes: args.max_bytes,
    });
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

fn run_extract(args: &ExtractArgs) -> anyhow::Result<usize> {
    let mut config = args.config();
    if let Some(path) = &args.grammar {
        let grammar = planex::grammar::read_grammar_file(path)
            .with_context(|| format!("grammar file {}", path.display()))?;
        config = config.with_grammar(grammar);
    }
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
