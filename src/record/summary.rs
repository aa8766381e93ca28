//! What a batch did, as counts: the `summary.json` file and the final one-line summary.

use std::collections::BTreeMap;
use std::time::Duration;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Outcome, Record};
pub use crate::catalogue::SkipKind;

/// The summary of a batch, written as `summary.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "planex batch summary",
    description = "What one `planex batch` run did: counts by outcome, language and kind, every failure with its reason, and the elapsed time."
)]
pub struct Summary {
    /// Version of planex that ran the batch.
    pub planex_version: String,
    /// Inputs found (files named, listed, or found in directories).
    pub inputs: u64,
    /// Inputs with a document (converted now or reused by `--resume`).
    pub converted: u64,
    /// Of the converted, how many were reused from a previous run (`--resume`).
    pub reused: u64,
    /// Inputs with an error record.
    pub failed: u64,
    /// Inputs never finished because the batch was interrupted.
    pub not_processed: u64,
    /// True when the batch was stopped by Ctrl-C before every input was done.
    pub interrupted: bool,
    /// Files skipped while walking directories.
    pub skipped: Skipped,
    /// Failures by error kind (`encrypted`, `timeout`, `memory_limit`, `crashed`…).
    pub failures_by_kind: BTreeMap<String, u64>,
    /// Converted documents by dominant language (`es`, `en`, `fr`, `und`).
    pub by_language: BTreeMap<String, u64>,
    /// Converted documents by kind (`annual_report`, `work_plan`…).
    pub by_kind: BTreeMap<String, u64>,
    /// Pages of the converted documents.
    pub pages: u64,
    /// Deliverables found in the converted documents.
    pub deliverables: u64,
    /// Plan items found in the converted documents, in any code grammar.
    pub items: u64,
    /// Every failure, in input order.
    pub failures: Vec<FailureEntry>,
    /// Wall-clock time of the batch in seconds (the only time planex writes).
    pub elapsed_seconds: f64,
}

/// Files left out while walking directories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Skipped {
    /// Hidden files and directories (names starting with `.`).
    pub hidden: u64,
    /// Files that are not documents, do not match `--glob`, lie in the
    /// output directory, or are links to directories (not followed).
    pub other: u64,
    /// Directories that could not be listed and entries that could not be examined.
    #[serde(default)]
    pub unreadable: u64,
    /// Symbolic links to nothing.
    #[serde(default)]
    pub broken_links: u64,
    /// FIFOs, sockets and devices (never opened).
    #[serde(default)]
    pub special_files: u64,
    /// One record per unreadable entry, broken link and special file, in walk order.
    #[serde(default)]
    pub entries: Vec<SkipEntry>,
}

impl Skipped {
    /// Counts and keeps one skip record.
    pub fn add(&mut self, entry: SkipEntry) {
        match entry.kind {
            SkipKind::Unreadable => self.unreadable += 1,
            SkipKind::BrokenLink => self.broken_links += 1,
            SkipKind::SpecialFile => self.special_files += 1,
        }
        self.entries.push(entry);
    }

    /// How many entries have a skip record: each makes the batch incomplete.
    pub fn recorded(&self) -> u64 {
        self.unreadable + self.broken_links + self.special_files
    }
}

/// One entry skipped with a record while walking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SkipEntry {
    /// The path, as in `documents.jsonl` inputs.
    pub path: String,
    /// The path losslessly when it is not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_escaped: Option<String>,
    /// Why it was skipped.
    pub kind: SkipKind,
    /// What went wrong, as the operating system said it.
    pub message: String,
}

impl SkipEntry {
    /// A record of `path` skipped for `kind`.
    pub fn new(path: &std::path::Path, kind: SkipKind, message: impl Into<String>) -> Self {
        Self {
            path: path.display().to_string(),
            path_escaped: super::escaped_path(path),
            kind,
            message: message.into(),
        }
    }
}

/// One failed input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FailureEntry {
    /// The input, as in `documents.jsonl`.
    pub input: String,
    /// The input losslessly when it is not UTF-8, as in `documents.jsonl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_escaped: Option<String>,
    /// The error kind.
    pub kind: String,
    /// What went wrong.
    pub message: String,
}

impl Summary {
    /// An empty summary for a batch of `inputs` inputs.
    pub fn new(inputs: usize, skipped: Skipped) -> Self {
        Self {
            planex_version: super::PLANEX_VERSION.to_owned(),
            inputs: inputs as u64,
            skipped,
            ..Self::default()
        }
    }

    /// Counts one finished input.
    pub fn add(&mut self, record: &Record) {
        match &record.outcome {
            Outcome::Converted(document) | Outcome::Reused(document) => {
                self.converted += 1;
                if matches!(record.outcome, Outcome::Reused(_)) {
                    self.reused += 1;
                }
                *self
                    .by_language
                    .entry(document.language.clone())
                    .or_default() += 1;
                let kind = serde_json::to_value(document.kind.value)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_owned))
                    .unwrap_or_default();
                *self.by_kind.entry(kind).or_default() += 1;
                self.pages += u64::from(document.source.pages);
                self.deliverables += document.deliverables.len() as u64;
                self.items += document.items.len() as u64;
            }
            Outcome::Failed(failure) => {
                self.failed += 1;
                *self
                    .failures_by_kind
                    .entry(failure.kind.clone())
                    .or_default() += 1;
                self.failures.push(FailureEntry {
                    input: record.input.path.display().to_string(),
                    input_escaped: super::escaped_path(&record.input.path),
                    kind: failure.kind.clone(),
                    message: failure.message.clone(),
                });
            }
        }
    }

    /// Closes the summary: elapsed time, and whether some inputs never finished.
    pub fn finish(&mut self, elapsed: Duration, interrupted: bool) {
        self.elapsed_seconds = (elapsed.as_secs_f64() * 1000.0).round() / 1000.0;
        self.not_processed = self.inputs.saturating_sub(self.converted + self.failed);
        self.interrupted = interrupted;
    }

    /// The one-line summary: `2,914 converted, 37 failed (21 encrypted, 9 timeout, 7 crashed) in 3m12s`.
    pub fn line(&self) -> String {
        let mut line = format!("{} converted", thousands(self.converted));
        if self.reused > 0 {
            line.push_str(&format!(" ({} reused)", thousands(self.reused)));
        }
        line.push_str(&format!(", {} failed", thousands(self.failed)));
        if self.failed > 0 {
            let mut kinds: Vec<(&String, &u64)> = self.failures_by_kind.iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            let kinds: Vec<String> = kinds
                .into_iter()
                .map(|(kind, count)| format!("{} {kind}", thousands(*count)))
                .collect();
            line.push_str(&format!(" ({})", kinds.join(", ")));
        }
        let recorded = self.skipped.recorded();
        if recorded > 0 {
            let kinds: Vec<String> = [
                (self.skipped.unreadable, "unreadable"),
                (self.skipped.broken_links, "broken link"),
                (self.skipped.special_files, "special file"),
            ]
            .into_iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, kind)| format!("{} {kind}", thousands(count)))
            .collect();
            line.push_str(&format!(
                ", {} skipped ({})",
                thousands(recorded),
                kinds.join(", ")
            ));
        }
        if self.not_processed > 0 {
            line.push_str(&format!(
                ", {} not processed (interrupted)",
                thousands(self.not_processed)
            ));
        }
        line.push_str(&format!(" in {}", duration_text(self.elapsed_seconds)));
        line
    }
}

/// `2914` → `2,914`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `192.4` → `3m12s`; under a minute with one decimal (`4.2s`).
pub fn duration_text(seconds: f64) -> String {
    if seconds < 60.0 {
        return format!("{seconds:.1}s");
    }
    let total = seconds.round() as u64;
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}h{minutes:02}m{secs:02}s")
    } else {
        format!("{minutes}m{secs:02}s")
    }
}

/// The JSON Schema (2020-12) of [`Summary`], as published in `schemas/summary.schema.json`.
pub fn summary_schema() -> serde_json::Value {
    super::schema_with_id(schemars::schema_for!(Summary), "summary")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (2914, "2,914"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(thousands(n), want);
        }
    }

    #[test]
    fn durations() {
        for (s, want) in [(4.24, "4.2s"), (192.4, "3m12s"), (3725.0, "1h02m05s")] {
            assert_eq!(duration_text(s), want);
        }
    }

    #[test]
    fn line_orders_failure_kinds_by_count() {
        let mut summary = Summary {
            converted: 2914,
            failed: 37,
            elapsed_seconds: 192.0,
            ..Summary::default()
        };
        for (kind, count) in [("crashed", 7), ("encrypted", 21), ("timeout", 9)] {
            summary.failures_by_kind.insert(kind.to_owned(), count);
        }
        assert_eq!(
            summary.line(),
            "2,914 converted, 37 failed (21 encrypted, 9 timeout, 7 crashed) in 3m12s"
        );
    }
}
