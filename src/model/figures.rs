//! Key figures: numbers the document highlights, with their label and unit.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a figure's value relates to the real quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The value as stated.
    Exact,
    /// `+2.4K`, `más de 1400`: at least the value.
    AtLeast,
    /// `aproximadamente`, `~`: about the value.
    Approximately,
    /// `menos del 2%`, `less than`: at most the value.
    AtMost,
}

/// The part a figure plays in a statement of parts and wholes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// A figure on its own.
    Standalone,
    /// A total whose parts follow it (`30 ALIANZAS ACTIVAS`).
    Whole,
    /// One part of a whole, or one share of an implicit 100 %.
    Part,
}

/// A number the document highlights, such as `+2.4K Participantes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KeyFigure {
    /// Normalized value: `+2.4K` → 2400, `16,8%` → 16.8.
    pub value: f64,
    /// Unit (`%`, `USD`, `EUR`, `km`…), or null for a plain count.
    pub unit: Option<String>,
    /// How the value relates to the quantity.
    pub qualifier: Qualifier,
    /// The number as printed (`+2.4K`, `16,8%`).
    pub text: String,
    /// The label as written (`Participantes en eventos liderados…`).
    pub label: String,
    /// Page of the number.
    pub page: u32,
    /// Line of the number within its page.
    pub line: u32,
    /// Whether the figure is a whole, a part of one, or stands alone.
    pub role: FigureRole,
    /// Parts-and-whole statement the figure belongs to (1, 2… in document
    /// order); figures of one group are a whole and its parts, or shares
    /// that should add up to 100 % when no whole is stated.
    pub group: Option<u32>,
}
