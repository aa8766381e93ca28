//! Command-line arguments: parsing only, then handed to the library as a [`planex::Config`].

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  planex extract report.pdf                 one document, pretty JSON on a terminal
  planex extract fixtures/docs/*.txt        one compact JSON document per line
  planex extract --fallback pdftotext x.pdf retry with poppler when pdf-extract fails
  planex extract --grammar plan.toml x.txt  codes and status words from a grammar file
  cat plan.md | planex extract -            read standard input
  planex schema > document.schema.json      the published JSON Schema
  planex batch archive/ --out converted/    a whole tree, in parallel, isolated
  planex pair plan.es.md plan.en.md         translation pairs, with evidence
  planex pages report.pdf                   the page model: blocks, rows, cells, boxes
  planex completions bash                   shell completions (also zsh, fish, …); `planex man` for the manual

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
    /// Print the JSON Schema of the output documents (or of batch outputs).
    Schema(SchemaArgs),
    /// Convert many inputs in parallel into an output directory (or a stream).
    #[command(after_help = BATCH_EXAMPLES)]
    Batch(BatchArgs),
    /// Internal: serve conversion requests for `planex batch` on stdin/stdout.
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
    /// Find documents that are the same document in two languages.
    Pair(PairArgs),
    /// Print the page model of one input as JSON (blocks, table rows, cells
    /// with their lines, words and boxes): what the extractors read.
    Pages(PagesArgs),
    /// Print a shell completion script (e.g. `planex completions bash > /etc/bash_completion.d/planex`).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `planex man | man -l -`.
    Man,
}

/// Arguments of `planex completions`.
#[derive(Debug, ClapArgs)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// How to read the inputs.
    #[command(flatten)]
    pub convert: ConvertArgs,
}

/// Arguments of `planex pages`.
#[derive(Debug, ClapArgs)]
pub struct PagesArgs {
    /// Input file (PDF, text or Markdown); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// How to read the input.
    #[command(flatten)]
    pub convert: ConvertArgs,
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
    /// How to read the inputs.
    #[command(flatten)]
    pub convert: ConvertArgs,
}

/// The options of `extract`, `batch` and `pair` that become a [`planex::Config`].
#[derive(Debug, ClapArgs)]
pub struct ConvertArgs {
    /// Refuse inputs larger than this, e.g. `256MiB` (plain numbers are bytes).
    #[arg(long, value_name = "SIZE", default_value = "256MiB", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Second PDF backend, tried when pdf-extract fails or finds no text on a page.
    #[arg(long, value_enum, value_name = "BACKEND", default_value = "none")]
    pub fallback: FallbackArg,
    /// Password for encrypted PDFs (repeatable; tried after the empty one). Visible
    /// to other users in the process list: prefer --passwords-file.
    #[arg(long, value_name = "PASSWORD")]
    pub password: Vec<String>,
    /// File of passwords for encrypted PDFs, one per line.
    #[arg(long, value_name = "FILE")]
    pub passwords_file: Option<PathBuf>,
    /// Grammar file (TOML): code patterns and status words the documents use.
    #[arg(long, value_name = "FILE")]
    pub grammar: Option<PathBuf>,
}

/// Values of `--fallback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FallbackArg {
    /// No second backend.
    None,
    /// poppler's `pdftotext` (poppler-utils), if installed.
    Pdftotext,
}

impl ConvertArgs {
    /// The library configuration these arguments ask for.
    ///
    /// # Errors
    /// When the passwords file cannot be read (its content is never quoted),
    /// or the grammar file cannot be read or has an error (its line is named).
    pub fn config(&self) -> Result<planex::Config, String> {
        let fallback = match self.fallback {
            FallbackArg::None => planex::Fallback::None,
            FallbackArg::Pdftotext => planex::Fallback::Pdftotext,
        };
        let mut passwords: Vec<planex::Password> =
            self.password.iter().map(planex::Password::new).collect();
        if let Some(file) = &self.passwords_file {
            let text = std::fs::read_to_string(file)
                .map_err(|err| format!("cannot read --passwords-file {}: {err}", file.display()))?;
            passwords.extend(
                text.lines()
                    .map(|line| line.strip_suffix('\r').unwrap_or(line))
                    .filter(|line| !line.is_empty())
                    .map(planex::Password::new),
            );
        }
        let mut config = planex::Config::with_limits(planex::Limits {
            max_bytes: self.max_bytes,
        })
        .with_fallback(fallback)
        .with_passwords(passwords)
        .with_page_threads(
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        );
        if let Some(path) = &self.grammar {
            let grammar = planex::grammar::read_grammar_file(path)
                .map_err(|err| format!("grammar file {}: {err}", path.display()))?;
            config = config.with_grammar(grammar);
        }
        Ok(config)
    }
}

const BATCH_EXAMPLES: &str = "\
Examples:
  planex batch archive/ --out converted/              every PDF, text and Markdown file under archive/
  planex batch archive/ --glob '**/*.pdf' -o out/      only PDFs
  find . -name '*.pdf' | planex batch --files-from - -o out/
  planex batch archive/ -o - --format csv > deliverables.csv
  planex batch archive/ -o out/ --resume              skip inputs already converted
  planex batch archive/ -o out/ --fallback pdftotext --passwords-file pw.txt

Writes OUT/<input path>.json per document, OUT/documents.jsonl (one line per input,
in input order), OUT/deliverables.csv, calendar.csv, key_figures.csv, people.csv
and OUT/summary.json. One batch at a time per OUT (a lock file, .planex.lock).

Exit status: 0 when every input converted, 1 when some failed, were skipped with a
record (unreadable, broken link, FIFO/socket/device) or a signal (Ctrl-C, SIGTERM,
SIGHUP) stopped the batch, 2 on usage errors or when OUT is in use.";

/// Arguments of `planex schema`.
#[derive(Debug, ClapArgs)]
pub struct SchemaArgs {
    /// Which schema: a document, a line of `documents.jsonl`, `summary.json`, or a pair report.
    #[arg(value_enum, default_value = "document")]
    pub which: SchemaName,
}

/// The published schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaName {
    /// `schemas/document.schema.json`.
    Document,
    /// `schemas/batch-line.schema.json`.
    BatchLine,
    /// `schemas/summary.schema.json`.
    Summary,
    /// `schemas/pair.schema.json`.
    Pair,
}

/// What `planex batch -o -` writes on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A JSON array of batch lines.
    Json,
    /// One batch line per input (`{input, document}` or `{input, error}`).
    Jsonl,
    /// One CSV row per deliverable.
    Csv,
}

/// Arguments of `planex batch`.
#[derive(Debug, ClapArgs)]
pub struct BatchArgs {
    /// Input files and directories (walked recursively; hidden and non-document files skipped).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Read more inputs from this file, one path per line (`-` for standard input).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Output directory, or `-` to stream one format to standard output.
    #[arg(short, long = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// With `-o -`: what to stream.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Only take files under directories whose relative path matches (repeatable;
    /// replaces the default .pdf/.txt/.md/.markdown filter).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Inputs converted at once (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Time limit per input, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub timeout: f64,
    /// Memory limit per worker (address space), e.g. `1GiB`, `512MiB`.
    #[arg(long, value_name = "SIZE", default_value = "1GiB", value_parser = parse_size)]
    pub max_memory: u64,
    /// How to read the inputs.
    #[command(flatten)]
    pub convert: ConvertArgs,
    /// Reuse outputs already in DIR made by this planex version from identical inputs.
    #[arg(long)]
    pub resume: bool,
    /// Convert in this process instead of isolated workers (faster to start, but a
    /// hang or crash in the PDF extractor stops the batch; no time or memory limit).
    #[arg(long)]
    pub in_process: bool,
    /// No progress and no final summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

impl BatchArgs {
    /// The per-file time limit.
    pub fn timeout(&self) -> Result<Duration, String> {
        Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|timeout| !timeout.is_zero())
            .ok_or_else(|| {
                format!(
                    "--timeout {} is not a positive number of seconds",
                    self.timeout
                )
            })
    }
}

/// Arguments of the hidden worker subcommand: none, its setup comes on
/// standard input (see `planex::batch::worker`).
#[derive(Debug, ClapArgs)]
pub struct WorkerArgs {}

/// `1GiB`, `512MiB`, `2G`, `1000000` → bytes (K, M, G are binary multiples, as for memory).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 1GiB or 512MiB"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{text}`: unknown unit (use KiB, MiB or GiB)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        for (text, want) in [
            ("1GiB", Some(1 << 30)),
            ("512MiB", Some(512 << 20)),
            ("2g", Some(2 << 30)),
            ("1000", Some(1000)),
            ("1.5G", None),
            ("ten", None),
        ] {
            assert_eq!(parse_size(text).ok(), want, "{text}");
        }
    }
}
