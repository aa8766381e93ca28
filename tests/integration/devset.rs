//! The real-world development set and the real-shapes fixtures, scored field by field.
//!
//! `devset/gold/<id>.json` holds hand-written facts of real public documents
//! whose text is third-party and therefore not in the repository: it is
//! re-pulled into the gitignored `devset/texts/<id>.txt` as `devset/pull.md`
//! says. When that folder is absent (CI, users) the scoring test skips with a
//! printed reason; the gold files are still checked for form. From batch 9
//! on, a document's gold people are committed as digests of their names in
//! `devset/gold/people/<id>.json` (see the `names` module), so that the
//! repository names no real person.
//!
//! `fixtures/real-shapes/docs/` holds documents written for this project in
//! the shapes of the failures of issue 10, with gold files in the same format
//! under `fixtures/real-shapes/gold/`. They are scored by the same scorer and
//! must stay at or above the floors below.
//!
//! Run with `cargo test --test integration devset -- --nocapture` to see the tables;
//! `PLANEX_DEVSET_MISSES=kind,period` (or `all`) also prints each document's misses.

mod names;
mod scoring;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use planex::model::DocumentKind;
use planex::Config;
use scoring::{f1_by_group, relaxed_misses, Facts, Field, Level, Name, Person, Scoreboard};

use crate::util::{fixture, root, shared_dir};

fn read_gold(path: &Path) -> Facts {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// How many people a gold file gives by digests of their names in
/// `devset/gold/people/<id>.json` (`people_digested`; 0 when its own
/// `people` list holds them).
fn people_digested(path: &Path) -> usize {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    value["people_digested"]
        .as_u64()
        .and_then(|count| usize::try_from(count).ok())
        .unwrap_or(0)
}

/// Folder of the digested people: from batch 9 on, the repository names no
/// real person, so a document's gold people are given by digests of their
/// names (see the `names` module), one file per document.
fn digested_people_dir() -> PathBuf {
    root().join("devset/gold/people")
}

/// The digested people of a document, when it has a file of them.
fn digested_people(id: &str) -> Option<Vec<Person>> {
    let path = digested_people_dir().join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).ok()?;
    Some(serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
}

/// A gold file's people: its own list, or its digested people.
fn gold_people(path: &Path, gold: &Facts) -> Vec<Person> {
    if people_digested(path) == 0 {
        return gold.people.clone();
    }
    digested_people(&stem(path))
        .unwrap_or_else(|| panic!("{}: its digested people are missing", path.display()))
}

/// `*.json` files of a folder, sorted.
fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

fn convert(path: &Path) -> Facts {
    let document = planex::convert_file(path, &Config::default())
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let value = serde_json::to_value(&document).expect("documents serialize");
    Facts::from_output(&value)
}

/// Checks what every gold file must hold, whatever the document.
fn check_gold_form(path: &Path, gold: &Facts) {
    let name = path.display();
    let language = gold.language.as_deref().unwrap_or("");
    assert!(
        ["es", "en", "fr"].contains(&language),
        "{name}: language `{language}` is not es, en or fr"
    );
    let kind = gold.kind.as_deref().unwrap_or("");
    assert!(
        serde_json::from_value::<DocumentKind>(serde_json::Value::from(kind)).is_ok(),
        "{name}: kind `{kind}` is not a document kind of the model"
    );
    if let Some(period) = gold.period {
        assert!(
            period.start <= period.end,
            "{name}: period ends before it starts"
        );
    }
    for event in &gold.events {
        for date in std::iter::once(&event.start).chain(event.end.as_ref()) {
            assert!(
                (1..=12).contains(&date.month),
                "{name}: month {}",
                date.month
            );
            assert!(
                date.day.is_none_or(|day| (1..=31).contains(&day)),
                "{name}: day {:?}",
                date.day
            );
        }
    }
}

/// The ids listed in `devset/SOURCES.tsv` (first column, header skipped).
fn listed_sources() -> BTreeSet<String> {
    let path = root().join("devset/SOURCES.tsv");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The batch each listed document was added in (last column of
/// `devset/SOURCES.tsv`), so that documents added after the extractors were
/// tuned on the earlier ones can be scored apart as a measure of generality.
fn source_batches() -> BTreeMap<String, String> {
    let path = root().join("devset/SOURCES.tsv");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            Some((fields.first()?.to_string(), fields.get(5)?.to_string()))
        })
        .collect()
}

/// Size of the development set: documents in all, and in each language.
const MINIMUM_DOCUMENTS: usize = 30;
const MINIMUM_PER_LANGUAGE: usize = 8;

#[test]
fn devset_gold_files_are_well_formed_and_listed() {
    let sources = listed_sources();
    let golds = gold_files(&root().join("devset/gold"));
    assert!(
        golds.len() >= MINIMUM_DOCUMENTS,
        "only {} gold files",
        golds.len()
    );
    let mut per_language = BTreeMap::new();
    for path in &golds {
        let gold = read_gold(path);
        check_gold_form(path, &gold);
        assert!(
            sources.contains(&stem(path)),
            "{} is not listed in devset/SOURCES.tsv",
            path.display()
        );
        *per_language.entry(gold.language.clone()).or_insert(0) += 1;
    }
    for id in &sources {
        assert!(
            root().join(format!("devset/gold/{id}.json")).is_file(),
            "devset/SOURCES.tsv lists {id}, which has no gold file"
        );
    }
    check_digested_people(&golds);
    for (language, count) in per_language {
        assert!(
            count >= MINIMUM_PER_LANGUAGE,
            "only {count} documents in {language:?}"
        );
    }
}

/// Every file of digested people belongs to a gold file that counts its
/// people in `people_digested` and lists none itself, and names nobody.
fn check_digested_people(golds: &[PathBuf]) {
    let counted: BTreeMap<String, usize> = golds
        .iter()
        .map(|path| (stem(path), people_digested(path)))
        .filter(|&(_, count)| count > 0)
        .collect();
    for path in golds {
        let id = stem(path);
        let Some(&count) = counted.get(&id) else {
            continue;
        };
        assert!(
            read_gold(path).people.is_empty(),
            "{}: counts digested people and lists people too",
            path.display()
        );
        let people = digested_people(&id)
            .unwrap_or_else(|| panic!("{}: no devset/gold/people/{id}.json", path.display()));
        assert_eq!(
            people.len(),
            count,
            "devset/gold/people/{id}.json: people_digested says {count}"
        );
        assert!(
            people
                .iter()
                .all(|person| matches!(person.name, Name::Digested { .. })),
            "devset/gold/people/{id}.json names a person in plain text"
        );
    }
    if let Ok(entries) = std::fs::read_dir(digested_people_dir()) {
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            let id = stem(&path);
            assert!(
                counted.contains_key(&id),
                "{}: no gold file counts these people (people_digested)",
                path.display()
            );
        }
    }
}

/// An address without scheme, `www.`, query-insensitive case or trailing slash.
fn plain_address(address: &str) -> String {
    let lower = address.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').replacen(".com./", ".com/", 1)
}

/// The last path segment of an address, which names the document on most hosts.
fn slug(address: &str) -> String {
    plain_address(address)
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn devset_avoids_documents_reserved_for_evaluation() {
    let Some(shared) = shared_dir("devset_avoids_documents_reserved_for_evaluation") else {
        return;
    };
    let reserved_path = shared.join("reserved-for-evaluation.txt");
    let Ok(reserved) = std::fs::read_to_string(&reserved_path) else {
        println!("skipping: {} is absent", reserved_path.display());
        return;
    };
    let reserved: Vec<&str> = reserved
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let sources = std::fs::read_to_string(root().join("devset/SOURCES.tsv"))
        .expect("devset/SOURCES.tsv is readable");
    for line in sources.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (id, address) = (fields[0], fields.get(3).copied().unwrap_or_default());
        for held in &reserved {
            assert_ne!(
                plain_address(address),
                plain_address(held),
                "{id} is reserved for evaluation"
            );
            let (ours, theirs) = (slug(address), slug(held));
            assert!(
                ours.len() < 16 || ours != theirs,
                "{id} looks like another copy of {held}"
            );
        }
    }
}

/// Names a folder of pulled texts other than `devset/texts/` (another work tree's, say).
const TEXTS_VARIABLE: &str = "PLANEX_DEVSET_TEXTS";

/// Names fields (`kind,period`, or `all`) whose misses the scoring test
/// prints document by document, to group them into classes.
const MISSES_VARIABLE: &str = "PLANEX_DEVSET_MISSES";

/// The fields [`MISSES_VARIABLE`] asks for.
fn fields_to_print() -> Vec<Field> {
    let asked = std::env::var(MISSES_VARIABLE).unwrap_or_default();
    let asked: Vec<&str> = asked.split(',').map(str::trim).collect();
    Field::ALL
        .into_iter()
        .filter(|field| asked.contains(&"all") || asked.contains(&field.name()))
        .collect()
}

#[test]
fn devset_real_documents_scored() {
    let texts = std::env::var_os(TEXTS_VARIABLE)
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("devset/texts"));
    if !texts.is_dir() {
        println!(
            "skipping devset_real_documents_scored: {} is absent \
             (third-party texts are not committed; devset/pull.md says how to re-pull them, \
             or set {TEXTS_VARIABLE} to a folder that holds them)",
            texts.display()
        );
        return;
    }
    let mut board = Scoreboard::default();
    let mut by_language: BTreeMap<String, Scoreboard> = BTreeMap::new();
    let mut by_batch: BTreeMap<String, Scoreboard> = BTreeMap::new();
    let batches = source_batches();
    let printed = fields_to_print();
    let mut missing = Vec::new();
    for path in gold_files(&root().join("devset/gold")) {
        let id = stem(&path);
        let text = texts.join(format!("{id}.txt"));
        if !text.is_file() {
            missing.push(id);
            continue;
        }
        let mut gold = read_gold(&path);
        gold.people = gold_people(&path, &gold);
        let found = convert(&text);
        for &field in &printed {
            for miss in relaxed_misses(&gold, &found, field) {
                println!("devset miss: {id} {}: {miss}", field.name());
            }
        }
        board.add(&id, &gold, &found);
        by_language
            .entry(gold.language.clone().unwrap_or_default())
            .or_default()
            .add(&id, &gold, &found);
        let batch = batches.get(&id).cloned().unwrap_or_default();
        by_batch
            .entry(format!("batch {batch}"))
            .or_default()
            .add(&id, &gold, &found);
    }
    println!(
        "devset: real documents present in devset/texts/\n{}",
        board.table()
    );
    for (batch, scores) in &by_batch {
        println!("devset: {batch} only\n{}", scores.table());
    }
    println!("devset: by batch\n{}", f1_by_group(&by_batch));
    println!("devset: by language\n{}", f1_by_group(&by_language));
    if !missing.is_empty() {
        println!(
            "devset: not scored (no text pulled): {}",
            missing.join(", ")
        );
    }
}

/// Lowest accepted scores on the real-shapes fixtures, per field: relaxed
/// precision and recall. Set at planex's values when the fixtures were
/// written (commit of this line); raise them as extraction improves, never
/// lower them. One exception: the events' precision floor is the issue's
/// target (0.90) rather than today's 4 of 4.
const REAL_SHAPES_FLOORS: &[(Field, f64, f64)] = &[
    (Field::Language, 1.0, 1.0),
    (Field::Kind, 1.0, 1.0),
    (Field::Period, 1.0, 0.987),
    (Field::Title, 1.0, 0.989),
    (Field::Events, 0.9, 0.972),
    (Field::People, 1.0, 1.0),
    (Field::Figures, 1.0, 0.983),
    (Field::Sections, 0.974, 0.96),
];

/// Lowest accepted whole-document F1 (relaxed) on the real-shapes fixtures.
const REAL_SHAPES_DOCUMENT_F1_FLOOR: f64 = 0.986;

/// Lowest accepted exact scores on the real-shapes fixtures (precision,
/// recall), which the relaxed floors above do not ask for: of the people,
/// the name as printed and the gold's role; of the period, its very years
/// (a relaxed period only overlaps the gold's: `2031` for `2030-2031`).
/// Raise them as extraction improves.
const REAL_SHAPES_EXACT_FLOORS: &[(Field, f64, f64)] =
    &[(Field::People, 0.901, 0.901), (Field::Period, 0.986, 0.974)];

#[test]
fn real_shapes_fixtures_scored_against_floors() {
    let mut board = Scoreboard::default();
    let golds = gold_files(&fixture("real-shapes/gold"));
    assert!(
        !golds.is_empty(),
        "no gold files in fixtures/real-shapes/gold"
    );
    for path in &golds {
        let gold = read_gold(path);
        check_gold_form(path, &gold);
        let id = stem(path);
        let document = fixture(&format!("real-shapes/docs/{id}.txt"));
        assert!(document.is_file(), "{} has no document", path.display());
        board.add(&id, &gold, &convert(&document));
    }
    println!("real-shapes fixtures\n{}", board.table());
    let mut below = Vec::new();
    let floors = REAL_SHAPES_FLOORS
        .iter()
        .map(|floor| (floor, Level::Relaxed, ""))
        .chain(
            REAL_SHAPES_EXACT_FLOORS
                .iter()
                .map(|floor| (floor, Level::Exact, " (exact)")),
        );
    for (&(field, precision, recall), level, label) in floors {
        let counts = board.field(field, level);
        if counts.precision() + 1e-9 < precision || counts.recall() + 1e-9 < recall {
            below.push(format!(
                "{}{label}: P {:.3} R {:.3} (floors {precision:.3} / {recall:.3})",
                field.name(),
                counts.precision(),
                counts.recall()
            ));
        }
    }
    let document_f1 = board.whole(Level::Relaxed).f1();
    if document_f1 + 1e-9 < REAL_SHAPES_DOCUMENT_F1_FLOOR {
        below.push(format!(
            "document: F1 {document_f1:.3} (floor {REAL_SHAPES_DOCUMENT_F1_FLOOR:.3})"
        ));
    }
    assert!(below.is_empty(), "below the floors: {}", below.join("; "));
}
