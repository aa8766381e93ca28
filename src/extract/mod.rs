//! Stage 4 of 6: find structured items in normalized text.
//!
//! Owns deliverable codes, status marks, legends, declared totals, sections,
//! calendars, key figures, members and people. Every function takes `&Text`
//! (and the [`Profile`]) and returns owned items plus diagnostics; nothing
//! here reads files, the clock or global state. Reconciling items with each
//! other (totals, parts and wholes) belongs to [`check`](crate::check).

use crate::detect::Profile;
use crate::diagnostic::Diagnostic;
use crate::model::{
    ActionLine, CalendarEvent, Deliverable, KeyFigure, Legend, Measure, Member, Person, Section,
    TotalsCounts,
};
use crate::normalize::Text;

/// Everything the extractors found, before cross-checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Action lines, in document order.
    pub action_lines: Vec<ActionLine>,
    /// Measures, in code order.
    pub measures: Vec<Measure>,
    /// Deliverables, in document order.
    pub deliverables: Vec<Deliverable>,
    /// The legend used to read marks.
    pub legend: Option<Legend>,
    /// Totals the document declares, if it declares any.
    pub declared_totals: Option<TotalsCounts>,
    /// Sections, in document order.
    pub sections: Vec<Section>,
    /// Calendar events, in document order.
    pub calendar: Vec<CalendarEvent>,
    /// Key figures, in document order.
    pub key_figures: Vec<KeyFigure>,
    /// Members.
    pub members: Vec<Member>,
    /// People.
    pub people: Vec<Person>,
    /// Doubts raised by the extractors.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs every extractor over the text.
pub fn extract(_text: &Text, _profile: &Profile) -> Extraction {
    Extraction::default()
}
