//! Plan items: action lines, measures, deliverables, status marks and totals.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::grammar::builtin;

/// Normalized status of a deliverable.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done (`V`, `✓`, `٧`…).
    Achieved,
    /// Started, not finished (`0`, `o`, `○`…).
    InProgress,
    /// Not done (`×`, `x`, `X`…).
    NotDeveloped,
}

impl Status {
    /// The name as serialized (`achieved`, `in_progress`, `not_developed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::InProgress => "in_progress",
            Self::NotDeveloped => "not_developed",
        }
    }
}

/// A plan code such as `L2M3D1`: action line 2, measure 3, deliverable 1.
///
/// ```
/// use planex::model::DeliverableCode;
/// let code: DeliverableCode = "L2M3D1".parse().unwrap();
/// assert_eq!((code.action_line, code.measure, code.number), (2, 3, 1));
/// assert_eq!(code.to_string(), "L2M3D1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeliverableCode {
    /// Action line number.
    pub action_line: u16,
    /// Measure number within the action line.
    pub measure: u16,
    /// Deliverable number within the measure.
    pub number: u16,
}

/// Why a string is not a [`DeliverableCode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// The text is not of the form `L<n>M<n>D<n>`.
    #[error("`{0}` is not a deliverable code (expected L<n>M<n>D<n>)")]
    Malformed(String),
    /// A number in the code does not fit.
    #[error("a number in `{0}` is out of range")]
    OutOfRange(String),
}

impl FromStr for DeliverableCode {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, CodeError> {
        let Some(&[line, measure, number]) = builtin::digits(s).as_deref() else {
            return Err(CodeError::Malformed(s.to_owned()));
        };
        let parse = |digits: &str| {
            digits
                .parse::<u16>()
                .map_err(|_| CodeError::OutOfRange(s.to_owned()))
        };
        Ok(Self {
            action_line: parse(line)?,
            measure: parse(measure)?,
            number: parse(number)?,
        })
    }
}

impl fmt::Display for DeliverableCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&builtin::code(&[
            self.action_line,
            self.measure,
            self.number,
        ]))
    }
}

impl DeliverableCode {
    /// The code of the measure this deliverable belongs to (`L2M3`).
    pub fn measure_code(&self) -> String {
        builtin::code(&[self.action_line, self.measure])
    }

    /// The code of the action line this deliverable belongs to (`L2`).
    pub fn action_line_code(&self) -> String {
        builtin::code(&[self.action_line])
    }
}

/// An action line of a plan (`LÍNEA DE ACCIÓN 1 (L1) …`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActionLine {
    /// `L1`.
    pub code: String,
    /// 1.
    pub number: u16,
    /// The title as printed, or null when the document never states it.
    pub title: Option<String>,
    /// Page of the heading.
    pub page: Option<u32>,
    /// Line of the heading within its page.
    pub line: Option<u32>,
}

/// A measure of an action line (`L1M1 Que se hayan seguido…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    /// `L1M1`.
    pub code: String,
    /// Action line number.
    pub action_line: u16,
    /// Measure number within the action line.
    pub number: u16,
    /// The measure's text, or null when the document has deliverables of this
    /// measure but never states the measure itself.
    pub text: Option<String>,
    /// Page where the text starts.
    pub page: Option<u32>,
    /// Line where the text starts.
    pub line: Option<u32>,
}

/// One deliverable (result) of a plan, with its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deliverable {
    /// `L1M1D1`.
    pub code: String,
    /// Action line number (the `1` of `L1`).
    pub action_line: u16,
    /// Measure number (the second `1` of `L1M1`).
    pub measure: u16,
    /// Deliverable number within its measure.
    pub number: u16,
    /// Code of the measure it belongs to (`L1M1`).
    pub measure_code: String,
    /// Code of the action line it belongs to (`L1`).
    pub action_line_code: String,
    /// Title, with wrapped lines joined and debris removed.
    pub title: String,
    /// The status mark exactly as printed, or null when none was found.
    pub mark: Option<String>,
    /// Normalized status, or null when the mark is unknown and could not be inferred.
    pub status: Option<Status>,
    /// True when the status was deduced from the document's declared totals
    /// rather than read from a known mark.
    pub inferred: bool,
    /// True when the code was damaged in the source (`L2M1 D3`) and repaired.
    pub repaired: bool,
    /// Other marks printed for the same code elsewhere in the document, kept
    /// as evidence of a contradiction (empty when the document is consistent).
    pub conflicting_marks: Vec<String>,
    /// Page of the code.
    pub page: u32,
    /// Line of the code within its page.
    pub line: u32,
}

/// Which mark means which status in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Legend {
    /// Where the legend comes from.
    pub source: LegendSource,
    /// Mark → status entries.
    pub entries: Vec<LegendEntry>,
    /// Page of the (first) legend line, for a document legend.
    pub page: Option<u32>,
    /// Line of the (first) legend line, for a document legend.
    pub line: Option<u32>,
}

/// Whether a legend was read from the document or assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegendSource {
    /// Stated by the document.
    Document,
    /// The conventional table, used because the document states none.
    Conventional,
}

/// One mark of a legend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LegendEntry {
    /// The mark as printed (`V`, `○`, `×`).
    pub mark: String,
    /// What it means.
    pub status: Status,
    /// The label as printed (`alcanzado`), when read from the document.
    pub label: Option<String>,
}

/// Counts of deliverables by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct TotalsCounts {
    /// All deliverables.
    pub total: Option<u32>,
    /// Achieved.
    pub achieved: Option<u32>,
    /// In progress.
    pub in_progress: Option<u32>,
    /// Not developed.
    pub not_developed: Option<u32>,
}

/// The totals a document declares, what planex counted, and whether they agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// What the document says (missing figures are null).
    pub declared: TotalsCounts,
    /// What planex counted among the extracted deliverables.
    pub counted: TotalsCounts,
    /// Deliverables whose status stayed unknown.
    pub unknown: u32,
    /// Deliverables whose status was inferred from the declared totals.
    pub inferred: u32,
    /// True when every declared figure equals the counted one, false when one
    /// differs, null when the document declares no figure.
    pub agree: Option<bool>,
}
