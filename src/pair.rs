//! Translation pairs: which documents of a batch are the same document in two languages.
//!
//! [`pair`] compares every two documents and claims a pair only when the
//! gates hold (two different known languages, the same kind or an annual
//! report and a report of activities, the same period when both have one) and the weighted evidence reaches [`PAIR_THRESHOLD`].
//! The evidence is what survives translation: the section structure (count
//! and list shapes), the numbers printed anywhere in the structure, proper
//! names (`Guangzhou`, `METROAirports`, `UITP`), calendar months, and names
//! of members and people. For a claimed pair, sections are aligned one to
//! one by an order-preserving alignment on their list shapes, and calendar
//! events by month and order within the month.
//!
//! Pure: it reads [`Document`]s, never files.

use crate::lexicon::Narrowed;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::model::{Document, DocumentKind, ListItem, Section};

/// Smallest score at which a pair is claimed.
pub const PAIR_THRESHOLD: f64 = 0.6;

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+").expect("DIGITS is a valid literal pattern"));
static WORD: Narrowed = Narrowed::literal(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*");

/// What `planex pair` prints: every comparison, and the pairs it claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "planex pair report",
    description = "Which documents of a batch are the same document in two languages, with the evidence and the alignment of their sections and calendar events."
)]
pub struct PairReport {
    /// Version of the document schema the inputs follow.
    pub schema_version: String,
    /// Claimed translation pairs, best first.
    pub pairs: Vec<Comparison>,
    /// Every comparison made, claimed or not, in input order.
    pub comparisons: Vec<Comparison>,
    /// Inputs that belong to no pair.
    pub unpaired: Vec<String>,
}

/// Two documents compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// Path of the first document.
    pub left: String,
    /// Path of the second document.
    pub right: String,
    /// Language of the first document.
    pub left_language: String,
    /// Language of the second document.
    pub right_language: String,
    /// Weighted evidence, from 0 to 1.
    pub score: f64,
    /// Whether planex claims the two are translations of each other.
    pub paired: bool,
    /// Why not, when a gate failed (same language, different kind or period).
    pub rejected_because: Option<String>,
    /// Each piece of evidence with its score and weight.
    pub evidence: Vec<PairEvidence>,
    /// Sections aligned one to one (claimed pairs only).
    pub sections: Vec<AlignedItem>,
    /// Calendar events aligned one to one (claimed pairs only).
    pub events: Vec<AlignedItem>,
}

/// One kind of evidence for or against a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// Same document kind.
    Kind,
    /// Same year or period.
    Period,
    /// Same number and shape of sections.
    SectionStructure,
    /// Same numbers printed in sections, events and figures.
    Numbers,
    /// Same proper names.
    ProperNames,
    /// Same calendar months.
    CalendarMonths,
    /// Same member and people names.
    MembersAndPeople,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PairEvidence {
    /// What was compared.
    pub kind: EvidenceKind,
    /// Agreement, from 0 to 1.
    pub score: f64,
    /// Weight in the total score.
    pub weight: f64,
    /// What was found, for a human.
    pub detail: String,
}

/// An item of the left document aligned with one of the right document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AlignedItem {
    /// Index in the left document's array (`sections` or `calendar`).
    pub left: usize,
    /// Index in the right document's array.
    pub right: usize,
    /// The left item's title or text.
    pub left_text: String,
    /// The right item's title or text.
    pub right_text: String,
}

/// Compares every two documents and claims translation pairs.
pub fn pair(documents: &[Document]) -> PairReport {
    let mut comparisons = Vec::new();
    for (i, left) in documents.iter().enumerate() {
        for right in documents.iter().skip(i + 1) {
            comparisons.push(compare(left, right));
        }
    }
    let mut claimed: Vec<Comparison> = comparisons.iter().filter(|c| c.paired).cloned().collect();
    claimed.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut used = BTreeSet::new();
    let mut pairs = Vec::new();
    for comparison in claimed {
        if used.contains(&comparison.left) || used.contains(&comparison.right) {
            continue;
        }
        used.insert(comparison.left.clone());
        used.insert(comparison.right.clone());
        pairs.push(comparison);
    }
    let unpaired = documents
        .iter()
        .map(|d| d.source.path.clone())
        .filter(|path| !used.contains(path))
        .collect();
    PairReport {
        schema_version: crate::model::SCHEMA_VERSION.to_owned(),
        pairs,
        comparisons,
        unpaired,
    }
}

/// Compares two documents.
pub fn compare(left: &Document, right: &Document) -> Comparison {
    let mut evidence = Vec::new();
    let kinds = kind_agreement(left.kind.value, right.kind.value);
    let same_kind = kinds > 0.0;
    evidence.push(PairEvidence {
        kind: EvidenceKind::Kind,
        score: kinds,
        weight: 1.0,
        detail: format!("{} / {}", kind_name(left), kind_name(right)),
    });
    let periods = (left.period.as_ref(), right.period.as_ref());
    let same_period = match periods {
        (Some(a), Some(b)) => a.start == b.start && a.end == b.end,
        _ => true,
    };
    if let (Some(a), Some(b)) = periods {
        evidence.push(PairEvidence {
            kind: EvidenceKind::Period,
            score: f64::from(u8::from(same_period)),
            weight: 1.0,
            detail: format!("{} / {}", a.label, b.label),
        });
    }
    let alignment = align_sections(&left.sections, &right.sections);
    if !(left.sections.is_empty() && right.sections.is_empty()) {
        let same_shape = alignment.iter().filter(|(_, _, exact)| *exact).count();
        let longest = left.sections.len().max(right.sections.len());
        evidence.push(PairEvidence {
            kind: EvidenceKind::SectionStructure,
            score: ratio(same_shape, longest),
            weight: 2.0,
            detail: format!(
                "{} / {} sections, {same_shape} aligned with the same list shape",
                left.sections.len(),
                right.sections.len()
            ),
        });
    }
    let numbers = (numbers_of(left), numbers_of(right));
    if !(numbers.0.is_empty() && numbers.1.is_empty()) {
        evidence.push(PairEvidence {
            kind: EvidenceKind::Numbers,
            score: multiset_overlap(&numbers.0, &numbers.1),
            weight: 2.0,
            detail: format!("{} / {} numbers", count(&numbers.0), count(&numbers.1)),
        });
    }
    let names = (proper_names(left), proper_names(right));
    if !(names.0.is_empty() && names.1.is_empty()) {
        let shared = names.0.intersection(&names.1).count();
        evidence.push(PairEvidence {
            kind: EvidenceKind::ProperNames,
            score: ratio(shared, names.0.union(&names.1).count()),
            weight: 2.0,
            detail: format!(
                "{shared} shared proper names of {} / {}",
                names.0.len(),
                names.1.len()
            ),
        });
    }
    let months = (months_of(left), months_of(right));
    if !(months.0.is_empty() && months.1.is_empty()) {
        evidence.push(PairEvidence {
            kind: EvidenceKind::CalendarMonths,
            score: multiset_overlap(&months.0, &months.1),
            weight: 2.0,
            detail: format!(
                "{} / {} events over {} / {} months",
                left.calendar.len(),
                right.calendar.len(),
                months.0.len(),
                months.1.len()
            ),
        });
    }
    let people = (people_of(left), people_of(right));
    if !(people.0.is_empty() && people.1.is_empty()) {
        let shared = shared_names(&people.0, &people.1);
        let union = people.0.len() + people.1.len() - shared;
        evidence.push(PairEvidence {
            kind: EvidenceKind::MembersAndPeople,
            score: ratio(shared, union),
            weight: 1.0,
            detail: format!("{shared} shared names"),
        });
    }
    for item in &mut evidence {
        item.score = rounded(item.score);
    }
    let total_weight: f64 = evidence.iter().map(|e| e.weight).sum();
    let score = if total_weight > 0.0 {
        rounded(evidence.iter().map(|e| e.score * e.weight).sum::<f64>() / total_weight)
    } else {
        0.0
    };
    let known = |language: &str| language != "und" && !language.is_empty();
    let rejected_because = if !(known(&left.language) && known(&right.language)) {
        Some("the language of a document is undetermined".to_owned())
    } else if left.language == right.language {
        Some(format!("both documents are in `{}`", left.language))
    } else if !same_kind {
        Some("the documents are of different kinds".to_owned())
    } else if !same_period {
        Some("the documents cover different periods".to_owned())
    } else if score < PAIR_THRESHOLD {
        Some(format!(
            "the evidence score {score} is below {PAIR_THRESHOLD}"
        ))
    } else {
        None
    };
    let paired = rejected_because.is_none();
    let (sections, events) = if paired {
        (
            alignment
                .iter()
                .filter_map(|&(l, r, _)| {
                    Some(AlignedItem {
                        left: l,
                        right: r,
                        left_text: left.sections.get(l)?.title.clone(),
                        right_text: right.sections.get(r)?.title.clone(),
                    })
                })
                .collect(),
            align_events(left, right),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Comparison {
        left: left.source.path.clone(),
        right: right.source.path.clone(),
        left_language: left.language.clone(),
        right_language: right.language.clone(),
        score,
        paired,
        rejected_because,
        evidence,
        sections,
        events,
    }
}

/// How far two detected kinds agree: 1 when equal; one half for an annual
/// report and a report of activities, which name one yearly document when
/// a version prints no year beside its kind phrase or words it `activity
/// report` (`2020 Activity Report` / `Memoria de Actividades 2020`); else 0.
fn kind_agreement(left: DocumentKind, right: DocumentKind) -> f64 {
    let reports = [DocumentKind::AnnualReport, DocumentKind::ActivityReport];
    if left == right {
        1.0
    } else if reports.contains(&left) && reports.contains(&right) {
        0.5
    } else {
        0.0
    }
}

/// The kind as it is serialized (`work_plan`).
fn kind_name(document: &Document) -> String {
    serde_json::to_value(document.kind.value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Rounded to three decimals, for stable output.
fn rounded(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn count(multiset: &BTreeMap<String, usize>) -> usize {
    multiset.values().sum()
}

/// Sum of minimum counts over sum of maximum counts.
fn multiset_overlap(a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>) -> f64 {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let (mut low, mut high) = (0, 0);
    for key in keys {
        let (x, y) = (
            a.get(key).copied().unwrap_or(0),
            b.get(key).copied().unwrap_or(0),
        );
        low += x.min(y);
        high += x.max(y);
    }
    ratio(low, high)
}

/// Every text of the document's structure: titles, items, events, labels.
fn texts(document: &Document) -> Vec<String> {
    fn items(out: &mut Vec<String>, list: &[ListItem]) {
        for item in list {
            out.push(item.text.clone());
            items(out, &item.children);
        }
    }
    let mut out = Vec::new();
    for section in &document.sections {
        out.push(section.title.clone());
        items(&mut out, &section.items);
    }
    out.extend(document.calendar.iter().map(|e| e.text.clone()));
    out.extend(document.key_figures.iter().map(|f| f.label.clone()));
    out
}

fn numbers_of(document: &Document) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for text in texts(document) {
        for number in DIGITS.find_iter(&text) {
            *out.entry(number.as_str().trim_start_matches('0').to_owned())
                .or_default() += 1;
        }
    }
    for figure in &document.key_figures {
        *out.entry(format!("{}", figure.value)).or_default() += 1;
    }
    out
}

/// Fewest letters of the words whose capitals make a title's case.
const TITLE_CASE_LETTERS: usize = 4;

/// Words that are names in any language: an upper-case letter after the
/// first character (`METROAirports`, `UITP`) or a capital not opening its
/// text (numbers before it aside), never a month or weekday.
fn proper_names(document: &Document) -> BTreeSet<String> {
    // Month and weekday names are words of a language, capitalised in some.
    let lexicons = crate::lexicon::Lexicons::all();
    let mut out = BTreeSet::new();
    for text in texts(document) {
        // Position among words that start with a letter: a heading's number
        // (`1 Highlights of the year`) does not make its first word a name.
        let lettered: Vec<&str> = WORD
            .find_iter(&text)
            .map(|word| without_elision(word.as_str()))
            .filter(|word| word.starts_with(char::is_alphabetic))
            .collect();
        // A title in title case (`Our Year in Numbers`) capitalises its
        // words, names or not, where its translation in sentence case (`L'année
        // en chiffres`) does not: there only inner capitals tell a name.
        let long: Vec<&&str> = lettered
            .iter()
            .filter(|word| word.chars().count() >= TITLE_CASE_LETTERS)
            .collect();
        let capitalised = long
            .iter()
            .filter(|word| word.starts_with(char::is_uppercase))
            .count();
        let title_case = long.len() >= 2 && capitalised == long.len();
        for (position, &word) in lettered.iter().enumerate() {
            let lower = word.to_lowercase();
            if lexicons.month(&lower).is_some() || lexicons.weekday(&lower).is_some() {
                continue;
            }
            let inner_capital = word.chars().skip(1).any(char::is_uppercase);
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let named_by_capital = capital && position > 0 && !title_case;
            if word.chars().count() >= 3 && (inner_capital || named_by_capital) {
                out.insert(name_key(word));
            }
        }
    }
    out
}

/// A word without the elided article or preposition glued to it
/// (`d’Eastbridge`, `l'UITP` → `Eastbridge`, `UITP`), so that a name reads
/// the same in a French version and in one that elides nothing.
fn without_elision(word: &str) -> &str {
    match word.split_once(['\'', '’']) {
        Some((article, name)) if (1..=2).contains(&article.chars().count()) && !name.is_empty() => {
            name
        }
        _ => word,
    }
}

fn months_of(document: &Document) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for event in &document.calendar {
        *out.entry(event.start.month.to_string()).or_default() += 1;
    }
    out
}

fn people_of(document: &Document) -> BTreeSet<String> {
    document
        .people
        .iter()
        .map(|p| name_key(&p.name))
        .chain(document.members.iter().map(|m| name_key(&m.name)))
        .collect()
}

/// A name as two versions of a document may both print it: lower case,
/// without accents or typographic apostrophes (`Hélène` and `Helene`,
/// `Québec` and `Quebec`, `d’Eastbridge` and `d'Eastbridge`).
fn name_key(name: &str) -> String {
    crate::lexicon::fold(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// Names shared by two sets: equal keys, or people whose names share most
/// words (`Helen Okafor` and `Hélène Okafor` share the surname, and a
/// translated first name is still the same person).
fn shared_names(a: &BTreeSet<String>, b: &BTreeSet<String>) -> usize {
    let words =
        |name: &str| -> BTreeSet<String> { name.split_whitespace().map(str::to_owned).collect() };
    let mut used: BTreeSet<&String> = BTreeSet::new();
    let mut shared = 0;
    for left in a {
        let left_words = words(left);
        let partner = b
            .iter()
            .filter(|right| !used.contains(right))
            .find(|right| {
                let right_words = words(right);
                let common = left_words.intersection(&right_words).count();
                *right == left
                    || (left_words.len() >= 2
                        && right_words.len() >= 2
                        && common * 2 >= left_words.len().max(right_words.len()))
            });
        if let Some(right) = partner {
            used.insert(right);
            shared += 1;
        }
    }
    shared
}

/// Shape of a section for alignment: number of items and of sub-items.
fn shape(section: &Section) -> (usize, usize) {
    let children = section.items.iter().map(|i| i.children.len()).sum();
    (section.items.len(), children)
}

/// Order-preserving alignment of sections maximizing shape agreement
/// (Needleman-Wunsch without gap cost). Returns `(left, right, same shape)`.
fn align_sections(left: &[Section], right: &[Section]) -> Vec<(usize, usize, bool)> {
    let similarity = |a: &Section, b: &Section| -> f64 {
        let (sa, sb) = (shape(a), shape(b));
        if sa == sb {
            1.0
        } else if sa.0.abs_diff(sb.0) <= 1 {
            0.5
        } else {
            0.1
        }
    };
    let (n, m) = (left.len(), right.len());
    let mut best = vec![vec![0.0_f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let matched = best[i + 1][j + 1] + similarity(&left[i], &right[j]);
            best[i][j] = matched.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let matched = best[i + 1][j + 1] + similarity(&left[i], &right[j]);
        if (best[i][j] - matched).abs() < 1e-9 {
            out.push((i, j, shape(&left[i]) == shape(&right[j])));
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Events aligned by month, then by order within the month.
fn align_events(left: &Document, right: &Document) -> Vec<AlignedItem> {
    let by_month = |document: &Document| {
        let mut months: BTreeMap<(Option<u16>, u8), Vec<usize>> = BTreeMap::new();
        for (index, event) in document.calendar.iter().enumerate() {
            months
                .entry((event.start.year, event.start.month))
                .or_default()
                .push(index);
        }
        months
    };
    let (left_months, right_months) = (by_month(left), by_month(right));
    let mut out = Vec::new();
    for (month, left_events) in &left_months {
        let Some(right_events) = right_months.get(month) else {
            continue;
        };
        for (&l, &r) in left_events.iter().zip(right_events) {
            if let (Some(a), Some(b)) = (left.calendar.get(l), right.calendar.get(r)) {
                out.push(AlignedItem {
                    left: l,
                    right: r,
                    left_text: a.text.clone(),
                    right_text: b.text.clone(),
                });
            }
        }
    }
    out.sort_by_key(|item| item.left);
    out
}

/// The JSON Schema (2020-12) of [`PairReport`], as published in `schemas/pair.schema.json`.
pub fn pair_schema() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(PairReport)).unwrap_or_default();
    if let Some(object) = schema.as_object_mut() {
        object.insert(
            "$id".to_owned(),
            serde_json::Value::String(format!(
                "urn:planex:schema:pair:{}",
                crate::model::SCHEMA_VERSION
            )),
        );
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_articles_are_not_part_of_names() {
        assert_eq!(without_elision("d’Eastbridge"), "Eastbridge");
        assert_eq!(without_elision("l'UITP"), "UITP");
        assert_eq!(without_elision("Eastbridge"), "Eastbridge");
        assert_eq!(without_elision("aujourd'hui"), "aujourd'hui");
    }
}
