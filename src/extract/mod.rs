//! Stage 4 of 6: find structured items in normalized text.
//!
//! Owns deliverable codes, status marks, legends, declared totals, sections,
//! calendars, key figures, members and people. Every function takes `&Text`
//! (and the [`Profile`]) and returns owned items plus diagnostics; nothing
//! here reads files, the clock or global state. Reconciling items with each
//! other (totals, parts and wholes) belongs to [`check`](crate::check).

mod deliverables;
mod legend;
mod totals;

pub use deliverables::{read_plan, Plan};
pub use legend::{conventional, meaning, read_legend, LegendReading, MarkMeaning};
pub use totals::{read_totals, DeclaredTotals};

use crate::detect::Profile;
use crate::diagnostic::{Diagnostic, Location};
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
    /// Where the first declared total was read.
    pub declared_totals_location: Option<Location>,
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
pub fn extract(text: &Text, _profile: &Profile) -> Extraction {
    let mut extraction = Extraction::default();
    extract_plan(text, &mut extraction);
    extraction
}

/// Legend, plan hierarchy and declared totals. Only a document with at least
/// one deliverable gets a legend; the others have nothing to read it with.
fn extract_plan(text: &Text, extraction: &mut Extraction) {
    let legend = read_legend(&text.lines);
    let declared = read_totals(&text.lines);
    let mut claimed = legend.lines.clone();
    claimed.extend(&declared.lines);
    let plan = read_plan(&text.lines, &legend.legend, &claimed);
    if !plan.deliverables.is_empty() {
        extraction.legend = Some(legend.legend);
        extraction.diagnostics.extend(legend.diagnostics);
        extraction.declared_totals = declared.counts;
        extraction.declared_totals_location = declared.location;
        extraction.diagnostics.extend(declared.diagnostics);
    }
    extraction.action_lines = plan.action_lines;
    extraction.measures = plan.measures;
    extraction.deliverables = plan.deliverables;
    extraction.diagnostics.extend(plan.diagnostics);
}
