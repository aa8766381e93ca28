//! Command-line arguments: parsing only, then handed to the library as a [`planex::Config`].

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  planex extract report.pdf                 one document, pretty JSON on a terminal
  planex extract fixtures/docs/*.txt        one compact JSON document per line
  planex extract --fallback pdftotext x.pdf retry with poppler when pdf-extract fails
  cat plan.md | planex extract -            read standard input
  planex schema > document.schema.json      the published JSON Schema
  planex pair plan.es.md plan.en.md         translation pairs, with evidence

Exit status: 0 when every input converted, 1 when some failed, 2 on usage errors.";

/// Turns archived plan reports (PDF, text, Markdown) into normalized JSON.
#[derive(Debug, Parser)]
#[command(name = "planex", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert each input to one JSON document on standard output.
    #[command(after_help = EXAMPLES)]
    Extract(ExtractArgs),
    /// Print the JSON Schema of the output documents.
    Schema,
    /// Find documents that are the same document in two languages.
    Pair(PairArgs),
}

/// Arguments of `planex pair`.
#[derive(Debug, ClapArgs)]
pub struct PairArgs {
    /// Input files to compare (two or more).
    #[arg(value_name = "FILE", required_unless_present = "schema")]
    pub inputs: Vec<PathBuf>,
    /// Print the JSON Schema of the pair report instead.
    #[arg(long)]
    pub schema: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = planex::Limits::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// Arguments of `planex extract`.
#[derive(Debug, ClapArgs)]
pub struct ExtractArgs {
    /// Input files (PDF, text or Markdown, sniffed from content); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<PathBuf>,
    /// One JSON document per line, even for a single input on a terminal.
    #[arg(long, conflicts_with = "pretty")]
    pub compact: bool,
    /// Indented JSON, even for several inputs or when not on a terminal.
    #[arg(long)]
    pub pretty: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = planex::Limits::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Second PDF backend, tried when pdf-extract fails or finds no text on a page.
    #[arg(long, value_enum, value_name = "BACKEND", default_value = "none")]
    pub fallback: FallbackArg,
}

/// Values of `--fallback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FallbackArg {
    /// No second backend.
    None,
    /// poppler's `pdftotext` (poppler-utils), if installed.
    Pdftotext,
}

impl ExtractArgs {
    /// The library configuration these arguments ask for.
    pub fn config(&self) -> planex::Config {
        let fallback = match self.fallback {
            FallbackArg::None => planex::Fallback::None,
            FallbackArg::Pdftotext => planex::Fallback::Pdftotext,
        };
        planex::Config::with_limits(planex::Limits {
            max_bytes: self.max_bytes,
        })
        .with_fallback(fallback)
    }
}
