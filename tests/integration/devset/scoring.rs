//! GROBID-style scoring of extracted facts against hand-written gold facts.
//!
//! A document's facts ([`Facts`]) are read from a gold file (the format of
//! `devset/gold/*.json`, see `devset/README.md`) or from planex's JSON
//! output. Every field is scored as true positives, false positives and false
//! negatives ([`Counts`]), at two match levels ([`Level`]):
//!
//! | field | exact | relaxed |
//! |---|---|---|
//! | language, kind | equal | equal |
//! | period | same start and end year | the spans share a year |
//! | title | equal once whitespace is collapsed | equal once [`fold`]ed |
//! | events | same start and end (year, month, day) | same start date |
//! | people | same name (whitespace collapsed) and, when the gold states a role, the same [`fold`]ed role | names share tokens (Dice ≥ 0.5), role ignored |
//! | figures | same value and unit | same value |
//! | sections | same title (whitespace collapsed) and, when the gold gives a printed page, the same `printed_page` | same [`fold`]ed title |
//!
//! List fields are matched one to one, each gold item taking the first
//! unmatched output item that matches it. A single-valued field that both
//! sides leave empty counts nothing. The whole-document score adds the
//! counts of every field (micro average). For the people matched at the
//! relaxed level, [`people_attributes`] also says how many carry the gold's
//! role and city or organisation (folded, one inside the other or sharing
//! most tokens).
//!
//! A gold person may be given by digests of the name rather than the name
//! ([`Name::Digested`], see the `names` module): planex's name is then
//! digested the same way before it is compared, so the scores are those the
//! plain name would give.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::Value;

use super::names::{collapse, fold};
use super::names::{name_digest, name_tokens, token_digest};

/// A field of the scored facts, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Dominant language.
    Language,
    /// Kind of document.
    Kind,
    /// Covered year or span of years.
    Period,
    /// The document's title.
    Title,
    /// Dated events.
    Events,
    /// People with their roles.
    People,
    /// Key figures.
    Figures,
    /// Headings and table-of-contents entries.
    Sections,
}

impl Field {
    /// Every field, in table order.
    pub const ALL: [Field; 8] = [
        Field::Language,
        Field::Kind,
        Field::Period,
        Field::Title,
        Field::Events,
        Field::People,
        Field::Figures,
        Field::Sections,
    ];

    /// The field's name in tables and floors.
    pub fn name(self) -> &'static str {
        match self {
            Field::Language => "language",
            Field::Kind => "kind",
            Field::Period => "period",
            Field::Title => "title",
            Field::Events => "events",
            Field::People => "people",
            Field::Figures => "figures",
            Field::Sections => "sections",
        }
    }
}

/// How strictly two values must agree to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Values as printed (whitespace collapsed), with roles and printed pages.
    Exact,
    /// Folded text, token overlap for names, values without units.
    Relaxed,
}

impl Level {
    /// Both levels.
    pub const ALL: [Level; 2] = [Level::Exact, Level::Relaxed];
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Output items that match a gold item.
    pub true_positives: usize,
    /// Output items that match none.
    pub false_positives: usize,
    /// Gold items that nothing matched.
    pub false_negatives: usize,
}

impl Counts {
    /// Share of output items that are right (1 when nothing was output).
    pub fn precision(self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of gold items found (1 when the gold has none).
    pub fn recall(self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another field's or document's counts.
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    /// Number of gold items.
    pub fn expected(self) -> usize {
        self.true_positives + self.false_negatives
    }

    /// Number of output items.
    pub fn found(self) -> usize {
        self.true_positives + self.false_positives
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// A calendar date as precise as the document says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Date {
    /// Year, when stated or implied.
    pub year: Option<u16>,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, when stated.
    pub day: Option<u8>,
}

/// A dated event (the label is the gold writer's own words and is not scored).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Event {
    /// Start date.
    pub start: Date,
    /// End date of a range.
    #[serde(default)]
    pub end: Option<Date>,
}

/// A person's name, as printed or as digests of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// The name as printed.
    Printed(String),
    /// Digests of the name (`names::name_digest`) and of each of its folded
    /// tokens (`names::token_digest`), in the order of the tokens.
    Digested {
        /// Digest of the whole name, whitespace collapsed.
        whole: String,
        /// Digest of each folded token.
        tokens: Vec<String>,
    },
}

impl Name {
    fn is_digested(&self) -> bool {
        matches!(self, Name::Digested { .. })
    }

    /// What the exact level compares: the collapsed name, or its digest
    /// when the other side is digested.
    fn whole(&self, digested: bool) -> String {
        match self {
            Name::Printed(name) if digested => name_digest(name),
            Name::Printed(name) => collapse(name),
            Name::Digested { whole, .. } => whole.clone(),
        }
    }

    /// What the relaxed level compares: the folded tokens, or their digests
    /// when the other side is digested.
    fn tokens(&self, digested: bool) -> Vec<String> {
        match self {
            Name::Printed(name) if digested => {
                name_tokens(name).iter().map(|t| token_digest(t)).collect()
            }
            Name::Printed(name) => name_tokens(name),
            Name::Digested { tokens, .. } => tokens.clone(),
        }
    }
}

/// Two names as printed, whitespace collapsed (compared as digests when one side is digested).
fn same_name(a: &Name, b: &Name) -> bool {
    let digested = a.is_digested() || b.is_digested();
    a.whole(digested) == b.whole(digested)
}

/// Dice coefficient of the folded tokens of two names (of their digests when one side is digested).
fn names_overlap(a: &Name, b: &Name) -> f64 {
    let digested = a.is_digested() || b.is_digested();
    dice(&a.tokens(digested), &b.tokens(digested))
}

/// A person named by the document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "PersonEntry")]
pub struct Person {
    /// Name as printed, or its digests.
    pub name: Name,
    /// Role, when stated.
    pub role: Option<String>,
    /// City or organisation (`organisation` in gold files, `place` in planex's output).
    pub place: Option<String>,
}

/// A person as a gold file writes it: `name`, or `name_sha256` and `name_token_sha256`.
#[derive(Deserialize)]
struct PersonEntry {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    name_sha256: Option<String>,
    #[serde(default)]
    name_token_sha256: Option<Vec<String>>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
}

impl TryFrom<PersonEntry> for Person {
    type Error = String;

    fn try_from(entry: PersonEntry) -> Result<Person, String> {
        let name = match (entry.name, entry.name_sha256, entry.name_token_sha256) {
            (Some(name), None, None) => Name::Printed(name),
            (None, Some(whole), Some(tokens)) => {
                let hex = |digest: &String| {
                    digest.len() == 64 && digest.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'))
                };
                if !hex(&whole) || tokens.is_empty() || !tokens.iter().all(hex) {
                    return Err(format!(
                        "a digested name needs 64 lower-case hex digits per digest and at least one token: {whole}"
                    ));
                }
                Name::Digested { whole, tokens }
            }
            _ => {
                return Err(
                    "a person has either `name`, or both `name_sha256` and `name_token_sha256`"
                        .to_owned(),
                )
            }
        };
        Ok(Person {
            name,
            role: entry.role,
            place: entry.organisation,
        })
    }
}

/// A key figure (what it counts is the gold writer's note and is not scored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Figure {
    /// Normalized value.
    pub value: f64,
    /// Unit (`%`, `EUR`…), or none for a plain count.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A heading or table-of-contents entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Section {
    /// Heading text.
    pub title: String,
    /// Printed page number of a table-of-contents entry.
    #[serde(default)]
    pub page: Option<u32>,
}

/// A year or span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Period {
    /// First year.
    pub start: u16,
    /// Last year.
    pub end: u16,
}

/// The scored facts of one document.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Facts {
    /// Dominant language.
    #[serde(default)]
    pub language: Option<String>,
    /// Kind of document (`annual_report`…).
    #[serde(default)]
    pub kind: Option<String>,
    /// Covered year or span.
    #[serde(default)]
    pub period: Option<Period>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// People.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Key figures.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Headings and table-of-contents entries.
    #[serde(default)]
    pub sections: Vec<Section>,
}

impl Facts {
    /// The facts of planex's JSON output for one document. Read from the JSON
    /// rather than the types so that fields the model gains later (such as a
    /// section's `printed_page`) are scored as soon as they exist.
    pub fn from_output(document: &Value) -> Facts {
        let list = |key: &str| document[key].as_array().cloned().unwrap_or_default();
        let string = |value: &Value| value.as_str().map(str::to_owned);
        let date = |value: &Value| -> Option<Date> {
            Some(Date {
                year: value["year"].as_u64().and_then(|y| u16::try_from(y).ok()),
                month: u8::try_from(value["month"].as_u64()?).ok()?,
                day: value["day"].as_u64().and_then(|d| u8::try_from(d).ok()),
            })
        };
        let year = |value: &Value| value.as_u64().and_then(|y| u16::try_from(y).ok());
        Facts {
            language: string(&document["language"]),
            kind: string(&document["kind"]["value"]),
            period: match (
                year(&document["period"]["start"]),
                year(&document["period"]["end"]),
            ) {
                (Some(start), Some(end)) => Some(Period { start, end }),
                _ => None,
            },
            title: string(&document["title"]),
            events: list("calendar")
                .iter()
                .filter_map(|event| {
                    Some(Event {
                        start: date(&event["start"])?,
                        end: date(&event["end"]),
                    })
                })
                .collect(),
            people: list("people")
                .iter()
                .filter_map(|person| {
                    Some(Person {
                        name: Name::Printed(string(&person["name"])?),
                        role: string(&person["role"]),
                        place: string(&person["place"]),
                    })
                })
                .collect(),
            figures: list("key_figures")
                .iter()
                .filter_map(|figure| {
                    Some(Figure {
                        value: figure["value"].as_f64()?,
                        unit: string(&figure["unit"]),
                    })
                })
                .collect(),
            sections: list("sections")
                .iter()
                .filter_map(|section| {
                    Some(Section {
                        title: string(&section["title"])?,
                        page: section["printed_page"]
                            .as_u64()
                            .and_then(|p| u32::try_from(p).ok()),
                    })
                })
                .collect(),
        }
    }
}

/// Dice coefficient of the folded tokens of two names.
pub fn name_overlap(a: &str, b: &str) -> f64 {
    dice(&name_tokens(a), &name_tokens(b))
}

/// Dice coefficient of two lists of tokens, each token of one list pairing at most one of the other.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut pool = b.to_vec();
    let mut shared = 0;
    for token in a {
        if let Some(at) = pool.iter().position(|t| t == token) {
            pool.swap_remove(at);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Units keep their symbols (`%`, `$`): only case and spacing are ignored.
fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    let plain = |unit: &str| collapse(unit).to_lowercase();
    a.map(plain) == b.map(plain)
}

fn period_matches(gold: Period, found: Period, level: Level) -> bool {
    match level {
        Level::Exact => gold == found,
        Level::Relaxed => gold.start <= found.end && found.start <= gold.end,
    }
}

fn title_matches(gold: &str, found: &str, level: Level) -> bool {
    match level {
        Level::Exact => collapse(gold) == collapse(found),
        Level::Relaxed => fold(gold) == fold(found),
    }
}

fn event_matches(gold: &Event, found: &Event, level: Level) -> bool {
    match level {
        Level::Exact => gold == found,
        Level::Relaxed => gold.start == found.start,
    }
}

fn person_matches(gold: &Person, found: &Person, level: Level) -> bool {
    match level {
        Level::Exact => {
            same_name(&gold.name, &found.name)
                && gold
                    .role
                    .as_deref()
                    .is_none_or(|role| found.role.as_deref().map(fold) == Some(fold(role)))
        }
        Level::Relaxed => names_overlap(&gold.name, &found.name) >= 0.5,
    }
}

fn figure_matches(gold: &Figure, found: &Figure, level: Level) -> bool {
    same_value(gold.value, found.value)
        && (level == Level::Relaxed || same_unit(gold.unit.as_deref(), found.unit.as_deref()))
}

fn section_matches(gold: &Section, found: &Section, level: Level) -> bool {
    match level {
        Level::Exact => {
            collapse(&gold.title) == collapse(&found.title)
                && gold.page.is_none_or(|page| found.page == Some(page))
        }
        Level::Relaxed => fold(&gold.title) == fold(&found.title),
    }
}

/// One-to-one greedy matching: each gold item takes the first free output item it matches.
fn match_lists<T>(gold: &[T], found: &[T], matches: impl Fn(&T, &T) -> bool) -> Counts {
    let mut taken = vec![false; found.len()];
    let mut true_positives = 0;
    for expected in gold {
        if let Some(at) = (0..found.len()).find(|&i| !taken[i] && matches(expected, &found[i])) {
            taken[at] = true;
            true_positives += 1;
        }
    }
    Counts {
        true_positives,
        false_positives: found.len() - true_positives,
        false_negatives: gold.len() - true_positives,
    }
}

fn match_single<T>(
    gold: Option<&T>,
    found: Option<&T>,
    matches: impl Fn(&T, &T) -> bool,
) -> Counts {
    let both = |hit: bool| Counts {
        true_positives: usize::from(hit),
        false_positives: usize::from(!hit),
        false_negatives: usize::from(!hit),
    };
    match (gold, found) {
        (Some(g), Some(f)) => both(matches(g, f)),
        (Some(_), None) => Counts {
            false_negatives: 1,
            ..Counts::default()
        },
        (None, Some(_)) => Counts {
            false_positives: 1,
            ..Counts::default()
        },
        (None, None) => Counts::default(),
    }
}

/// How often an attribute of matched items agrees with the gold.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// Matched items whose attribute agrees.
    pub same: usize,
    /// Matched items whose gold states the attribute.
    pub stated: usize,
}

impl Agreement {
    fn add(&mut self, other: Agreement) {
        self.same += other.same;
        self.stated += other.stated;
    }
}

/// Folded texts that are equal, or one inside the other (`Presidenta` and
/// `Presidenta de la Red`), or names sharing most tokens.
fn loosely_same(gold: &str, found: &str) -> bool {
    let (g, f) = (fold(gold), fold(found));
    !g.is_empty()
        && (f.contains(&g) || (!f.is_empty() && g.contains(&f)) || name_overlap(gold, found) >= 0.5)
}

/// Roles and places of the people matched at the relaxed level: how many
/// agree with the gold, among those the gold states.
pub fn people_attributes(gold: &Facts, found: &Facts) -> (Agreement, Agreement) {
    let mut taken = vec![false; found.people.len()];
    let (mut roles, mut places) = (Agreement::default(), Agreement::default());
    for expected in &gold.people {
        let Some(at) = (0..found.people.len())
            .find(|&i| !taken[i] && person_matches(expected, &found.people[i], Level::Relaxed))
        else {
            continue;
        };
        taken[at] = true;
        let person = &found.people[at];
        for (wanted, got, tally) in [
            (&expected.role, &person.role, &mut roles),
            (&expected.place, &person.place, &mut places),
        ] {
            if let Some(wanted) = wanted {
                tally.stated += 1;
                tally.same +=
                    usize::from(got.as_deref().is_some_and(|got| loosely_same(wanted, got)));
            }
        }
    }
    (roles, places)
}

/// Counts of one field of one document.
pub fn score_field(gold: &Facts, found: &Facts, field: Field, level: Level) -> Counts {
    match field {
        Field::Language => match_single(gold.language.as_ref(), found.language.as_ref(), |g, f| {
            g == f
        }),
        Field::Kind => match_single(gold.kind.as_ref(), found.kind.as_ref(), |g, f| g == f),
        Field::Period => match_single(gold.period.as_ref(), found.period.as_ref(), |g, f| {
            period_matches(*g, *f, level)
        }),
        Field::Title => match_single(gold.title.as_ref(), found.title.as_ref(), |g, f| {
            title_matches(g, f, level)
        }),
        Field::Events => match_lists(&gold.events, &found.events, |g, f| {
            event_matches(g, f, level)
        }),
        Field::People => match_lists(&gold.people, &found.people, |g, f| {
            person_matches(g, f, level)
        }),
        Field::Figures => match_lists(&gold.figures, &found.figures, |g, f| {
            figure_matches(g, f, level)
        }),
        Field::Sections => match_lists(&gold.sections, &found.sections, |g, f| {
            section_matches(g, f, level)
        }),
    }
}

/// What one field of one document missed at the relaxed level, for reading
/// rather than scoring: the gold items no output item matched and the output
/// items no gold item took, each as its `Debug` form (digested names print
/// as digests). Empty when the field is right.
pub fn relaxed_misses(gold: &Facts, found: &Facts, field: Field) -> Vec<String> {
    fn single<T: std::fmt::Debug>(
        gold: Option<&T>,
        found: Option<&T>,
        matches: impl Fn(&T, &T) -> bool,
    ) -> Vec<String> {
        match (gold, found) {
            (Some(g), Some(f)) if matches(g, f) => Vec::new(),
            (None, None) => Vec::new(),
            _ => vec![format!("gold {gold:?}, found {found:?}")],
        }
    }
    fn lists<T: std::fmt::Debug>(
        gold: &[T],
        found: &[T],
        matches: impl Fn(&T, &T) -> bool,
    ) -> Vec<String> {
        let mut taken = vec![false; found.len()];
        let mut out = Vec::new();
        for expected in gold {
            match (0..found.len()).find(|&i| !taken[i] && matches(expected, &found[i])) {
                Some(at) => taken[at] = true,
                None => out.push(format!("missed {expected:?}")),
            }
        }
        for (item, taken) in found.iter().zip(taken) {
            if !taken {
                out.push(format!("extra {item:?}"));
            }
        }
        out
    }
    let level = Level::Relaxed;
    match field {
        Field::Language => single(gold.language.as_ref(), found.language.as_ref(), |g, f| {
            g == f
        }),
        Field::Kind => single(gold.kind.as_ref(), found.kind.as_ref(), |g, f| g == f),
        Field::Period => single(gold.period.as_ref(), found.period.as_ref(), |g, f| {
            period_matches(*g, *f, level)
        }),
        Field::Title => single(gold.title.as_ref(), found.title.as_ref(), |g, f| {
            title_matches(g, f, level)
        }),
        Field::Events => lists(&gold.events, &found.events, |g, f| {
            event_matches(g, f, level)
        }),
        Field::People => lists(&gold.people, &found.people, |g, f| {
            person_matches(g, f, level)
        }),
        Field::Figures => lists(&gold.figures, &found.figures, |g, f| {
            figure_matches(g, f, level)
        }),
        Field::Sections => lists(&gold.sections, &found.sections, |g, f| {
            section_matches(g, f, level)
        }),
    }
}

/// Counts per field and level, summed over documents.
#[derive(Debug, Default, Clone)]
pub struct Scoreboard {
    counts: BTreeMap<(Field, Level), Counts>,
    documents: Vec<(String, Counts, Counts)>,
    roles: Agreement,
    places: Agreement,
}

impl Scoreboard {
    /// Scores one document and adds it to the board.
    pub fn add(&mut self, name: &str, gold: &Facts, found: &Facts) {
        let mut whole = [Counts::default(); 2];
        for field in Field::ALL {
            for (index, level) in Level::ALL.into_iter().enumerate() {
                let counts = score_field(gold, found, field, level);
                self.counts.entry((field, level)).or_default().add(counts);
                whole[index].add(counts);
            }
        }
        self.documents.push((name.to_owned(), whole[0], whole[1]));
        let (roles, places) = people_attributes(gold, found);
        self.roles.add(roles);
        self.places.add(places);
    }

    /// Summed counts of one field.
    pub fn field(&self, field: Field, level: Level) -> Counts {
        self.counts
            .get(&(field, level))
            .copied()
            .unwrap_or_default()
    }

    /// Every field's counts added (micro average over fields and documents).
    pub fn whole(&self, level: Level) -> Counts {
        let mut total = Counts::default();
        for field in Field::ALL {
            total.add(self.field(field, level));
        }
        total
    }

    /// Mean of the documents' whole-document F1 (macro average).
    pub fn mean_document_f1(&self, level: Level) -> f64 {
        if self.documents.is_empty() {
            return 0.0;
        }
        let sum: f64 = self
            .documents
            .iter()
            .map(|(_, exact, relaxed)| match level {
                Level::Exact => exact.f1(),
                Level::Relaxed => relaxed.f1(),
            })
            .sum();
        sum / self.documents.len() as f64
    }

    /// The per-field table, then one line per document.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>9}",
            "field", "gold", "found", "P", "R", "F1", "P~", "R~", "F1~", "matched~"
        );
        let mut row = |name: &str, exact: Counts, relaxed: Counts| {
            let _ = writeln!(
                out,
                "{:<10} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>4}/{:<4}",
                name,
                exact.expected(),
                exact.found(),
                exact.precision(),
                exact.recall(),
                exact.f1(),
                relaxed.precision(),
                relaxed.recall(),
                relaxed.f1(),
                relaxed.true_positives,
                relaxed.expected(),
            );
        };
        for field in Field::ALL {
            row(
                field.name(),
                self.field(field, Level::Exact),
                self.field(field, Level::Relaxed),
            );
        }
        row(
            "document",
            self.whole(Level::Exact),
            self.whole(Level::Relaxed),
        );
        let _ = writeln!(
            out,
            "people matched (relaxed) with the gold's role: {}/{}, with its city or organisation: {}/{}",
            self.roles.same, self.roles.stated, self.places.same, self.places.stated
        );
        let _ = writeln!(
            out,
            "mean document F1: exact {:.3}, relaxed {:.3} ({} documents; ~ = relaxed)",
            self.mean_document_f1(Level::Exact),
            self.mean_document_f1(Level::Relaxed),
            self.documents.len()
        );
        for (name, exact, relaxed) in &self.documents {
            let _ = writeln!(
                out,
                "  {:<48} F1 {:.3}  F1~ {:.3}",
                name,
                exact.f1(),
                relaxed.f1()
            );
        }
        out
    }
}

/// Relaxed F1 of every field (and of the whole document) for groups of
/// documents side by side, one column per group (a language, a genre).
pub fn f1_by_group(groups: &BTreeMap<String, Scoreboard>) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<10}", "F1~");
    for (name, board) in groups {
        let _ = write!(out, " {:>9}", format!("{name}({})", board.documents.len()));
    }
    out.push('\n');
    let mut row = |label: &str, value: &dyn Fn(&Scoreboard) -> f64| {
        let _ = write!(out, "{label:<10}");
        for board in groups.values() {
            let _ = write!(out, " {:>9.3}", value(board));
        }
        out.push('\n');
    };
    for field in Field::ALL {
        row(field.name(), &|board| {
            board.field(field, Level::Relaxed).f1()
        });
    }
    row("document", &|board| board.whole(Level::Relaxed).f1());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(json: &str) -> Facts {
        serde_json::from_str(json).expect("test facts parse")
    }

    #[test]
    fn counts_give_precision_recall_and_f1() {
        let counts = Counts {
            true_positives: 2,
            false_positives: 2,
            false_negatives: 0,
        };
        assert_eq!(counts.precision(), 0.5);
        assert_eq!(counts.recall(), 1.0);
        assert!((counts.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 1.0);
    }

    #[test]
    fn titles_match_exactly_only_as_printed() {
        let gold = facts(r#"{"title": "Rapport d’activités 2011"}"#);
        let found = facts(r#"{"title": "RAPPORT D'ACTIVITÉS  2011"}"#);
        assert_eq!(
            score_field(&gold, &found, Field::Title, Level::Exact).true_positives,
            0
        );
        assert_eq!(
            score_field(&gold, &found, Field::Title, Level::Relaxed).true_positives,
            1
        );
    }

    #[test]
    fn a_missing_single_value_is_a_false_negative_and_an_extra_one_a_false_positive() {
        let gold = facts(r#"{"period": {"start": 2012, "end": 2012}}"#);
        let none = Facts::default();
        let missing = score_field(&gold, &none, Field::Period, Level::Exact);
        assert_eq!((missing.false_negatives, missing.false_positives), (1, 0));
        let extra = score_field(&none, &gold, Field::Period, Level::Exact);
        assert_eq!((extra.false_negatives, extra.false_positives), (0, 1));
        let wrong = facts(r#"{"period": {"start": 2010, "end": 2012}}"#);
        let exact = score_field(&gold, &wrong, Field::Period, Level::Exact);
        assert_eq!((exact.true_positives, exact.false_positives), (0, 1));
        let relaxed = score_field(&gold, &wrong, Field::Period, Level::Relaxed);
        assert_eq!(relaxed.true_positives, 1);
    }

    #[test]
    fn events_match_on_dates_and_each_output_item_counts_once() {
        let gold = facts(
            r#"{"events": [
                {"start": {"year": 2019, "month": 3, "day": 14}},
                {"start": {"year": 2019, "month": 3, "day": 14}, "end": {"year": 2019, "month": 3, "day": 15}}
            ]}"#,
        );
        let found = facts(r#"{"events": [{"start": {"year": 2019, "month": 3, "day": 14}}]}"#);
        let exact = score_field(&gold, &found, Field::Events, Level::Exact);
        assert_eq!(
            (
                exact.true_positives,
                exact.false_positives,
                exact.false_negatives
            ),
            (1, 0, 1)
        );
        let no_year = facts(r#"{"events": [{"start": {"year": null, "month": 3, "day": 14}}]}"#);
        assert_eq!(
            score_field(&gold, &no_year, Field::Events, Level::Relaxed).true_positives,
            0
        );
    }

    #[test]
    fn people_match_on_name_and_role_exactly_and_on_shared_tokens_relaxed() {
        let gold = facts(r#"{"people": [{"name": "Ana María Pérez", "role": "Presidenta"}]}"#);
        let other_role = facts(r#"{"people": [{"name": "Ana María Pérez", "role": "Tesorera"}]}"#);
        let surname = facts(r#"{"people": [{"name": "ANA PEREZ", "role": null}]}"#);
        let stranger = facts(r#"{"people": [{"name": "Luis Pérez Gil", "role": null}]}"#);
        assert_eq!(
            score_field(&gold, &other_role, Field::People, Level::Exact).true_positives,
            0
        );
        assert_eq!(
            score_field(&gold, &other_role, Field::People, Level::Relaxed).true_positives,
            1
        );
        assert_eq!(
            score_field(&gold, &surname, Field::People, Level::Relaxed).true_positives,
            1
        );
        assert_eq!(
            score_field(&gold, &stranger, Field::People, Level::Relaxed).true_positives,
            0
        );
    }

    /// A gold file's person given by the digests of `name`.
    fn digested(name: &str, role: Option<&str>) -> Value {
        serde_json::json!({
            "name_sha256": name_digest(name),
            "name_token_sha256": name_tokens(name).iter().map(|t| token_digest(t)).collect::<Vec<_>>(),
            "role": role,
            "organisation": null
        })
    }

    fn gold_people(people: Vec<Value>) -> Facts {
        serde_json::from_value(serde_json::json!({ "people": people }))
            .expect("test gold people parse")
    }

    #[test]
    fn digested_gold_people_score_as_their_printed_names_would() {
        let gold = gold_people(vec![digested("Ana María Pérez", Some("Presidenta"))]);
        let plain = facts(r#"{"people": [{"name": "Ana María Pérez", "role": "Presidenta"}]}"#);
        let same = facts(r#"{"people": [{"name": "Ana  María Pérez", "role": "presidenta"}]}"#);
        let other_role = facts(r#"{"people": [{"name": "Ana María Pérez", "role": "Tesorera"}]}"#);
        let surname = facts(r#"{"people": [{"name": "ANA PEREZ", "role": null}]}"#);
        let stranger = facts(r#"{"people": [{"name": "Luis Pérez Gil", "role": null}]}"#);
        for level in Level::ALL {
            for found in [&same, &other_role, &surname, &stranger] {
                assert_eq!(
                    score_field(&gold, found, Field::People, level),
                    score_field(&plain, found, Field::People, level),
                    "{level:?} {found:?}"
                );
            }
        }
        let hit = |found: &Facts, level| score_field(&gold, found, Field::People, level);
        assert_eq!(hit(&same, Level::Exact).true_positives, 1);
        assert_eq!(hit(&other_role, Level::Exact).true_positives, 0);
        assert_eq!(hit(&surname, Level::Exact).true_positives, 0);
        assert_eq!(hit(&surname, Level::Relaxed).true_positives, 1);
        let miss = hit(&stranger, Level::Relaxed);
        assert_eq!(
            (
                miss.true_positives,
                miss.false_positives,
                miss.false_negatives
            ),
            (0, 1, 1)
        );
        let (roles, _) = people_attributes(&gold, &surname);
        assert_eq!((roles.same, roles.stated), (0, 1));
    }

    #[test]
    fn a_gold_person_has_a_name_or_its_digests_never_both_nor_neither() {
        let mut both = digested("Ana Pérez", None);
        both["name"] = Value::from("Ana Pérez");
        assert!(serde_json::from_value::<Person>(both).is_err());
        let neither = serde_json::json!({"role": "Presidenta"});
        assert!(serde_json::from_value::<Person>(neither).is_err());
        let mut short = digested("Ana Pérez", None);
        short["name_sha256"] = Value::from("c0ffee");
        assert!(serde_json::from_value::<Person>(short).is_err());
    }

    #[test]
    fn roles_and_places_of_matched_people_are_compared_loosely() {
        let gold = facts(
            r#"{"people": [
                {"name": "Ana María Pérez", "role": "Presidenta", "organisation": "Santa Marta"},
                {"name": "Luis Gil", "role": "Tesorero", "organisation": null}
            ]}"#,
        );
        let found = Facts::from_output(&serde_json::json!({"people": [
            {"name": "ANA MARÍA PÉREZ", "role": "Presidenta de la Red", "place": "Alcaldía de Santa Marta"},
            {"name": "Luis Gil", "role": "Secretario", "place": "Tolú"}
        ]}));
        let (roles, places) = people_attributes(&gold, &found);
        assert_eq!((roles.same, roles.stated), (1, 2));
        assert_eq!((places.same, places.stated), (1, 1));
    }

    #[test]
    fn figures_need_the_unit_only_when_exact() {
        let gold =
            facts(r#"{"figures": [{"value": 41208, "unit": null}, {"value": 16.8, "unit": "%"}]}"#);
        let found = facts(
            r#"{"figures": [{"value": 16.8, "unit": "pct"}, {"value": 41208.0}, {"value": 5}]}"#,
        );
        let exact = score_field(&gold, &found, Field::Figures, Level::Exact);
        assert_eq!(
            (
                exact.true_positives,
                exact.false_positives,
                exact.false_negatives
            ),
            (1, 2, 1)
        );
        let relaxed = score_field(&gold, &found, Field::Figures, Level::Relaxed);
        assert_eq!((relaxed.true_positives, relaxed.false_positives), (2, 1));
    }

    #[test]
    fn sections_need_the_printed_page_only_when_exact() {
        let gold = facts(r#"{"sections": [{"title": "Finances locales", "page": 22}]}"#);
        let without_page = facts(r#"{"sections": [{"title": "FINANCES LOCALES"}]}"#);
        let with_page = facts(r#"{"sections": [{"title": "Finances locales", "page": 22}]}"#);
        assert_eq!(
            score_field(&gold, &without_page, Field::Sections, Level::Exact).true_positives,
            0
        );
        assert_eq!(
            score_field(&gold, &without_page, Field::Sections, Level::Relaxed).true_positives,
            1
        );
        assert_eq!(
            score_field(&gold, &with_page, Field::Sections, Level::Exact).true_positives,
            1
        );
    }

    #[test]
    fn output_json_is_read_into_facts() {
        let output = serde_json::json!({
            "language": "fr",
            "kind": {"value": "annual_report"},
            "period": {"start": 2011, "end": 2012},
            "title": "Rapport annuel",
            "calendar": [{"start": {"year": 2012, "month": 5, "day": 3}, "end": null}],
            "people": [{"name": "Jeanne Roy", "role": "Présidente"}],
            "key_figures": [{"value": 12.5, "unit": "%"}],
            "sections": [{"title": "Sommaire", "printed_page": 4}]
        });
        let facts = Facts::from_output(&output);
        assert_eq!(facts.kind.as_deref(), Some("annual_report"));
        assert_eq!(
            facts.period,
            Some(Period {
                start: 2011,
                end: 2012
            })
        );
        assert_eq!(facts.events.len(), 1);
        assert_eq!(facts.people[0].role.as_deref(), Some("Présidente"));
        assert_eq!(facts.figures[0].unit.as_deref(), Some("%"));
        assert_eq!(facts.sections[0].page, Some(4));
    }

    #[test]
    fn the_board_adds_fields_into_a_whole_document_score() {
        let gold = facts(r#"{"kind": "annual_report", "figures": [{"value": 3}]}"#);
        let found = facts(r#"{"kind": "work_plan", "figures": [{"value": 3}]}"#);
        let mut board = Scoreboard::default();
        board.add("doc", &gold, &found);
        let whole = board.whole(Level::Relaxed);
        assert_eq!(
            (
                whole.true_positives,
                whole.false_positives,
                whole.false_negatives
            ),
            (1, 1, 1)
        );
        assert!(board.table().contains("document"));
        let groups = BTreeMap::from([("es".to_owned(), board)]);
        let matrix = f1_by_group(&groups);
        assert!(matrix.contains("es(1)"), "{matrix}");
        assert!(matrix.contains("kind           0.000"), "{matrix}");
    }
}
