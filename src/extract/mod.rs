//! Stage 4 of 6: find structured items in normalized text.
//!
//! Owns deliverable codes, status marks, legends, declared totals, sections,
//! calendars, key figures, members and people. Every function takes `&Text`
//! (and the [`Profile`]) and returns owned items plus diagnostics; nothing
//! here reads files, the clock or global state. Reconciling items with each
//! other (totals, parts and wholes) belongs to [`check`](crate::check).

mod calendar;
mod figures;
mod people;
mod sections;
mod shape;

use crate::detect::Profile;
use crate::diagnostic::Diagnostic;
use crate::model::{
    ActionLine, CalendarEvent, Deliverable, KeyFigure, Legend, Measure, Member, MemberList, Person,
    Section, TotalsCounts,
};
use crate::normalize::Text;

pub use calendar::is_tbc;
pub use figures::parse_number;

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
    /// Member lists, with declared counts and totals.
    pub member_lists: Vec<MemberList>,
    /// People.
    pub people: Vec<Person>,
    /// Doubts raised by the extractors.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs every extractor over the text.
pub fn extract(text: &Text, profile: &Profile) -> Extraction {
    let mut extraction = Extraction::default();
    extract_structure(text, profile, &mut extraction);
    extraction
}

/// Fills sections, calendar, key figures, members and people. People and
/// members go first: the lines they claim are never headings or figures.
fn extract_structure(text: &Text, profile: &Profile, extraction: &mut Extraction) {
    let people = people::extract_people(text);
    let members = people::extract_members(text);
    let mut claimed = people.lines.clone();
    claimed.extend(&members.lines);
    let headings = sections::find_headings(text, &claimed);
    let year = profile
        .period
        .as_ref()
        .filter(|period| period.start == period.end)
        .map(|period| period.start);
    extraction.sections = sections::sections(text, profile, &headings);
    extraction.calendar = calendar::extract_calendar(text, year, &headings);
    extraction.key_figures = figures::extract_figures(text, &headings, &claimed);
    extraction.members = members.members;
    extraction.member_lists = members.lists;
    extraction.people = people.people;
    extraction.diagnostics.extend(members.diagnostics);
}
