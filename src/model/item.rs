//! Generic plan items: any code grammar, any depth (schema 1.1).
//!
//! `items` carries every coded item of a plan, whatever its code grammar:
//! `L2M3D1` (the built-in Line / Measure / Deliverable grammar), `1.1.1`,
//! `Action 1.2.3`, `Objectif 2.1`, `A1.1`, `L1=`. The older `action_lines`,
//! `measures` and `deliverables` arrays stay filled for L/M/D plans only
//! (the same items, in the 1.0 shape); new consumers should read `items`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Status;

/// One coded item of a plan, at any level of its hierarchy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// The code as normalized by the grammar (`L1M1D1`, `1.2.3`, `Action 1.2.3`, `A1.1`).
    pub code: String,
    /// Depth in the hierarchy, 1 for the top level.
    pub depth: u8,
    /// Name of the level (`Line`, `Measure`, `Deliverable`, `Objectif`,
    /// `Action`), or null when neither the document nor a grammar file names it.
    pub level: Option<String>,
    /// Code of the parent item, or null at the top level or when the
    /// document never states the parent.
    pub parent: Option<String>,
    /// Title or text, with wrapped lines joined; null when none is printed.
    pub title: Option<String>,
    /// The status mark or word exactly as printed, or null when none was found.
    pub mark: Option<String>,
    /// Normalized status, or null when the mark is unknown, ambiguous or
    /// outside the three classes (then `status_label` says what it is).
    pub status: Option<Status>,
    /// What a mark outside the three classes means, normalized
    /// (`cancelled`, `postponed`, `merged`, `delayed`, `on_hold`); null otherwise.
    pub status_label: Option<String>,
    /// True when the status was deduced from the document's declared totals.
    pub inferred: bool,
    /// True when items of this level carry statuses and count in the totals.
    pub tracked: bool,
    /// Page of the code.
    pub page: u32,
    /// Line of the code within its page.
    pub line: u32,
}

/// The code grammar a plan was read with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GrammarSummary {
    /// Where the grammar comes from.
    pub source: GrammarSource,
    /// One entry per depth, top level first.
    pub levels: Vec<GrammarLevel>,
}

/// Where a code grammar comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrammarSource {
    /// The built-in Line / Measure / Deliverable grammar (`L1M2D3`).
    Builtin,
    /// Detected from the codes that recur in the document.
    Detected,
    /// Given by the user in a grammar file (`--grammar plan.toml`).
    File,
}

/// One level of a code grammar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GrammarLevel {
    /// Depth, 1 for the top level.
    pub depth: u8,
    /// Name of the level, when known.
    pub name: Option<String>,
    /// An example code of this level, as normalized.
    pub example: String,
    /// True when items of this level carry statuses and count in the totals.
    pub tracked: bool,
}
