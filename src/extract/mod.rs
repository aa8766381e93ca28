//! Stage 4 of 6: find structured items in normalized text.
//!
//! Owns deliverable codes, status marks, legends, declared totals, sections,
//! calendars, key figures, members and people. Every function takes `&Text`
//! (and the [`Profile`]) and returns owned items plus diagnostics; nothing
//! here reads files, the clock or global state. Reconciling items with each
//! other (totals, parts and wholes) belongs to [`check`](crate::check).

mod calendar;
mod dated_states;
mod dates;
mod deliverables;
mod figures;
mod items;
mod legend;
mod mentions;
mod people;
mod sections;
mod shape;
mod totals;
mod totals_shapes;

pub use deliverables::{read_plan, Plan};
pub use items::{
    builtin_items, builtin_summary, read_items, read_mark_legend, ItemsReading, MarkEntry,
    MarkLegend,
};
pub use legend::{conventional, meaning, read_legend, LegendReading, MarkMeaning};
pub use totals::{conflict_opening, read_totals, DeclaredTotals};

use std::collections::BTreeSet;

use crate::detect::Profile;
use crate::diagnostic::{Diagnostic, Location};
use crate::grammar::{Grammar, Vocabulary};
use crate::model::{
    ActionLine, CalendarEvent, Deliverable, DocumentKind, GrammarSummary, Item, KeyFigure, Legend,
    Measure, Member, MemberList, Period, Person, Section, TotalsCounts,
};
use crate::normalize::Text;

pub use calendar::is_tbc;
pub(crate) use dates::spell_out_dates;
pub use figures::parse_number;
pub(crate) use sections::{agenda_openers, opens_agenda_item};
pub(crate) use shape::bullet;

/// Everything the extractors found, before cross-checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Action lines, in document order.
    pub action_lines: Vec<ActionLine>,
    /// Measures, in code order.
    pub measures: Vec<Measure>,
    /// Deliverables, in document order.
    pub deliverables: Vec<Deliverable>,
    /// Items of a plan in a grammar other than the built-in one (the
    /// built-in grammar's items are built from `deliverables` after checks).
    pub items: Vec<Item>,
    /// The grammar of `items`.
    pub grammar: Option<GrammarSummary>,
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
    /// The period a schedule of events, or the day of the meeting its head
    /// names, gives a document that states none.
    pub schedule_period: Option<Period>,
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
    extract_with_grammar(text, profile, None)
}

/// Runs every extractor over the text, reading plan codes and statuses with
/// a user's grammar as well as the built-in ones.
pub fn extract_with_grammar(
    text: &Text,
    profile: &Profile,
    grammar: Option<&Grammar>,
) -> Extraction {
    let mut extraction = Extraction::default();
    extract_plan(
        text,
        Vocabulary::new(grammar, &profile.lexicons),
        &mut extraction,
    );
    let found = extract_structure(text, profile, &mut extraction);
    extract_from_lines(text, profile, found, &mut extraction);
    extraction
}

/// As [`extract_with_grammar`], consuming the text; gives back the text's
/// own diagnostics beside the extraction. The text's blocks (the page
/// model: tables, their cells and their words) are dropped as soon as the
/// last extractor that reads them has run, so that a long document's tables
/// are not held through the extractors that read its lines alone.
pub fn extract_consuming(
    mut text: Text,
    profile: &Profile,
    grammar: Option<&Grammar>,
) -> (Extraction, Vec<Diagnostic>) {
    let mut extraction = Extraction::default();
    extract_plan(
        &text,
        Vocabulary::new(grammar, &profile.lexicons),
        &mut extraction,
    );
    let found = extract_structure(&text, profile, &mut extraction);
    text.blocks = Vec::new();
    extract_from_lines(&text, profile, found, &mut extraction);
    (extraction, text.diagnostics)
}

/// Legend, plan hierarchy and declared totals, read with the status words of
/// the document's languages. Only a document with at least one deliverable
/// gets a legend; the others have nothing to read it with.
fn extract_plan(text: &Text, vocabulary: Vocabulary<'_>, extraction: &mut Extraction) {
    let legend = read_legend(&text.lines, vocabulary.lexicons);
    let declared = read_totals(&text.lines, vocabulary.lexicons);
    let mut claimed = legend.lines.clone();
    claimed.extend(&declared.lines);
    let plan = read_plan(text, &legend.legend, &claimed);
    if !plan.deliverables.is_empty() {
        extraction.legend = Some(legend.legend);
        extraction.diagnostics.extend(legend.diagnostics);
        extraction.declared_totals = declared.counts;
        extraction.declared_totals_location = declared.location;
        extraction
            .diagnostics
            .extend(declared.diagnostics.iter().cloned());
    }
    extraction.action_lines = plan.action_lines;
    extraction.measures = plan.measures;
    extraction.deliverables = plan.deliverables;
    extraction.diagnostics.extend(plan.diagnostics);
    if extraction.deliverables.is_empty() {
        extract_items(text, vocabulary, &declared, extraction);
    }
}

/// Items of any other grammar, their legend and their declared totals.
fn extract_items(
    text: &Text,
    vocabulary: Vocabulary<'_>,
    declared: &DeclaredTotals,
    extraction: &mut Extraction,
) {
    let key = read_mark_legend(text, vocabulary);
    let shapes = totals_shapes::read_totals_shapes(text, vocabulary, &key.entries, &key.rows);
    let mut claimed = declared.lines.clone();
    claimed.extend(&shapes.lines);
    let reading = read_items(text, vocabulary, &claimed);
    if reading.items.is_empty() {
        return;
    }
    extraction.items = reading.items;
    extraction.grammar = reading.grammar;
    extraction.legend = reading.legend;
    extraction.diagnostics.extend(reading.diagnostics);
    extraction.declared_totals = merge_declared(declared.counts, shapes.counts);
    extraction.declared_totals_location = declared.location.or(shapes.location);
    extraction
        .diagnostics
        .extend(declared.diagnostics.iter().cloned());
    extraction.diagnostics.extend(shapes.diagnostics);
}

/// Figures of labelled totals (`Achieved: 14`) first, then those of
/// sentences and totals tables where the former say nothing.
fn merge_declared(
    labelled: Option<TotalsCounts>,
    shapes: Option<TotalsCounts>,
) -> Option<TotalsCounts> {
    match (labelled, shapes) {
        (Some(first), Some(second)) => Some(TotalsCounts {
            total: first.total.or(second.total),
            achieved: first.achieved.or(second.achieved),
            in_progress: first.in_progress.or(second.in_progress),
            not_developed: first.not_developed.or(second.not_developed),
        }),
        (first, second) => first.or(second),
    }
}

/// Fills sections, calendar, key figures, members and people. People and
/// members go first: the lines they claim are never headings or figures.
/// What [`extract_structure`] found that the extractors of lines after it
/// go on from.
struct Structure {
    people: people::PeopleFound,
    members: people::MembersFound,
    claimed: BTreeSet<usize>,
    headings: Vec<sections::Heading>,
}

/// People, member lists, sections and the calendar: every extractor of the
/// structure that reads the text's blocks, and those before them.
fn extract_structure(text: &Text, profile: &Profile, extraction: &mut Extraction) -> Structure {
    let lex = &profile.lexicons;
    let people = people::extract_people(text, lex);
    let members = people::extract_members(text, lex);
    let mut claimed = people.lines.clone();
    claimed.extend(&members.lines);
    let headings = sections::find_headings(text, &claimed, lex);
    let year = profile
        .period
        .as_ref()
        .filter(|period| period.start == period.end)
        .map(|period| period.start);
    // The seeds' gold keeps a report's or plan's title among its sections;
    // a document of no known kind (minutes, news) opens on its title line,
    // which is no section of it.
    let titled_other = |heading: &sections::Heading| {
        profile.kind.value == DocumentKind::Other
            && heading.printed_page.is_none()
            && profile.title.as_deref().is_some_and(|title| {
                crate::lexicon::fold(title).trim() == crate::lexicon::fold(&heading.title).trim()
            })
    };
    // Copied only when a heading is left out: a long document's headings
    // are many.
    extraction.sections = if headings.iter().any(titled_other) {
        let section_headings: Vec<sections::Heading> = headings
            .iter()
            .filter(|heading| !titled_other(heading))
            .cloned()
            .collect();
        sections::sections(text, profile, &section_headings)
    } else {
        sections::sections(text, profile, &headings)
    };
    let calendar = calendar::extract_calendar(
        text,
        calendar::DocumentTime {
            year,
            report_end: profile
                .period
                .as_ref()
                .filter(|_| {
                    matches!(
                        profile.kind.value,
                        DocumentKind::AnnualReport
                            | DocumentKind::ActivityReport
                            | DocumentKind::TriennialReport
                    )
                })
                .map(|period| period.end),
            today: None,
            span: profile
                .period
                .as_ref()
                .filter(|period| period.end > period.start)
                .map(|period| (period.start, period.end)),
        },
        &headings,
        lex,
    );
    if profile.period.is_none() {
        extraction.schedule_period = calendar::schedule_period(&calendar.events).or_else(|| {
            calendar
                .meeting_day
                .as_ref()
                .and_then(calendar::meeting_period)
        });
    }
    extraction.calendar = calendar.events;
    extraction.diagnostics.extend(calendar.diagnostics);
    Structure {
        people,
        members,
        claimed,
        headings,
    }
}

/// Key figures and the people named in running text: extractors that read
/// the text's lines alone, never its blocks.
fn extract_from_lines(
    text: &Text,
    profile: &Profile,
    found: Structure,
    extraction: &mut Extraction,
) {
    let lex = &profile.lexicons;
    let Structure {
        people,
        members,
        claimed,
        headings,
    } = found;
    extraction.key_figures = figures::extract_figures(text, &headings, &claimed, lex);
    figures::localize_dollars(&mut extraction.key_figures, text, lex);
    extraction.members = members.members;
    extraction.member_lists = members.lists;
    extraction.people = people.people;
    // A person named in the text who is on a list already (`Claudia López`
    // and `CLAUDIA LÓPEZ HERNÁNDEZ`) is that person.
    let words =
        |name: &str| -> Vec<String> { name.split_whitespace().map(str::to_lowercase).collect() };
    for person in mentions::extract_mentions(text, &claimed, lex) {
        let named = words(&person.name);
        let listed = extraction.people.iter().any(|p| {
            let known = words(&p.name);
            named.iter().all(|word| known.contains(word))
        });
        if !listed {
            extraction.people.push(person);
        }
    }
    // A role printed abbreviated (`Cllr`) is given written out.
    for person in &mut extraction.people {
        let written_out = person.role.as_deref().and_then(|role| {
            let key = crate::lexicon::fold(role.trim_end_matches('.')).to_lowercase();
            lex.each(|l| l.role_abbreviations)
                .find(|(abbreviation, _)| *abbreviation == key)
                .map(|(_, full)| (*full).to_owned())
        });
        if let Some(full) = written_out {
            person.role = Some(full);
        }
    }
    extraction.diagnostics.extend(members.diagnostics);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Pieces of the shapes the structure extractors look for, to reach deep
    /// into their rules rather than only through random text.
    const PIECES: &[&str] = &[
        "| Junio | • V Foro",
        "• Foro Chicago |",
        "<br>",
        "**",
        "+2.4K",
        "16,8%",
        "7.000,00 €",
        "JUNTA DIRECTIVA",
        "CLAUDIA LÓPEZ",
        "Presidenta",
        "Vice-",
        "10 nuevos miembros",
        "Antalya",
        "- o ",
        "- ",
        "## ",
        "26 février :",
        "du 12 au",
        "à confirmer",
        "30 ALIANZAS",
        "5",
        "\t",
        "Línea de acción 2",
        "1^a",
        "total",
        "$",
        "\\",
        "(",
        ")",
        ":",
        " ",
        "ÍNDICE",
        "07",
    ];

    #[test]
    fn roles_printed_abbreviated_are_written_out() {
        let extraction = extract(
            &Text::from_plain(
                "Minutes\n\nPresent: Cllr Ravi Shah, Cllr Ann Lowe and Cllr Joe Marr.\n",
            ),
            &Profile::unknown(),
        );
        let roles: Vec<(&str, Option<&str>)> = extraction
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        assert!(
            roles.contains(&("Ravi Shah", Some("Councillor"))),
            "{roles:?}"
        );
        assert!(
            roles.iter().all(|(_, role)| *role != Some("Cllr")),
            "{roles:?}"
        );
    }

    proptest! {
        #[test]
        fn extract_never_panics_on_any_text(s in "\\PC*") {
            let _ = extract(&Text::from_plain(&s), &Profile::unknown());
        }

        #[test]
        fn extract_never_panics_on_structure_like_lines(
            lines in prop::collection::vec(prop::collection::vec(prop::sample::select(PIECES), 0..6), 0..40)
        ) {
            let source: Vec<String> = lines.iter().map(|pieces| pieces.concat()).collect();
            let _ = extract(&Text::from_plain(&source.join("\n")), &Profile::unknown());
        }
    }
}
