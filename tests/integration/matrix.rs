//! The rendering matrix (fixtures/matrix/, issue 9): every PDF there renders one
//! text fixture with another producer or layout, so planex must find in it what
//! it finds in the text. Scored item by item against the text's own results:
//! deliverable codes, statuses, titles, statuses silently wrong, calendar events
//! with their month, the declared totals. The scores are printed as a table
//! (`cargo test --test integration matrix -- --nocapture`) and held to the
//! per-rendering floors of fixtures/matrix/manifest.tsv, which can only rise:
//! `PLANEX_MATRIX_RECORD=1` rewrites them with today's figures once every
//! rendering meets its old floors.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Mutex;

use planex::diagnostic::Severity;
use planex::{Config, Document};

use crate::util::fixture;

const MANIFEST: &str = "matrix/manifest.tsv";

/// Names of the manifest's floor columns, in order after the five describing columns.
const FLOORS: [&str; 6] = [
    "codes", "statuses", "titles", "silent", "calendar", "totals",
];

/// One line of the manifest.
struct Rendering {
    file: String,
    source: String,
    /// The recorded floors (`-` where none is recorded yet), in [`FLOORS`] order.
    floors: Vec<String>,
}

fn manifest() -> Vec<Rendering> {
    let text = std::fs::read_to_string(fixture(MANIFEST)).expect("the manifest is readable");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("file\t"))
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5 + FLOORS.len(), "manifest line {line:?}");
            Rendering {
                file: fields[0].to_owned(),
                source: fields[1].to_owned(),
                floors: fields[5..]
                    .iter()
                    .map(|field| (*field).to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// Spaces folded; a space after a hyphen dropped (where a line ends after a
/// hyphen, whether a space followed is lost).
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

/// How one rendering scores against its text fixture: `(right, out of)` pairs.
#[derive(Debug, Default, Clone, PartialEq)]
struct Score {
    codes: (usize, usize),
    statuses: (usize, usize),
    titles: (usize, usize),
    /// Statuses not null, not the text's, and no warning on the item.
    silent: usize,
    /// Deliverables whose code the text does not have.
    extra: usize,
    calendar: (usize, usize),
    /// `Some(true)` when the declared totals are the text's; `None` when the text declares none.
    totals: Option<bool>,
}

impl Score {
    /// Today's figures in [`FLOORS`] order, as the manifest records them.
    fn floors(&self) -> Vec<String> {
        let totals = match self.totals {
            None => "-".to_owned(),
            Some(true) => "yes".to_owned(),
            Some(false) => "no".to_owned(),
        };
        vec![
            self.codes.0.to_string(),
            self.statuses.0.to_string(),
            self.titles.0.to_string(),
            self.silent.to_string(),
            self.calendar.0.to_string(),
            totals,
        ]
    }

    /// Where this score is below a recorded floor (or above the silent ceiling).
    fn below(&self, floors: &[String]) -> Vec<String> {
        let today = self.floors();
        let mut worse = Vec::new();
        for ((name, floor), now) in FLOORS.iter().zip(floors).zip(&today) {
            if floor == "-" {
                continue;
            }
            let regressed = match *name {
                "totals" => floor == "yes" && now != "yes",
                "silent" => parse_count(now) > parse_count(floor),
                _ => parse_count(now) < parse_count(floor),
            };
            if regressed {
                worse.push(format!("{name} {now} (floor {floor})"));
            }
        }
        worse
    }
}

fn parse_count(field: &str) -> usize {
    field
        .parse()
        .unwrap_or_else(|_| panic!("manifest floor {field:?} is not a count"))
}

/// A deliverable's status is flagged when a warning or error names its code
/// or points at its line.
fn flagged(document: &Document, code: &str, page: u32, line: u32) -> bool {
    document.diagnostics.iter().any(|diagnostic| {
        diagnostic.severity >= Severity::Warning
            && (diagnostic.message.contains(code)
                || (diagnostic.page == Some(page) && diagnostic.line == Some(line)))
    })
}

fn score(pdf: &Document, text: &Document) -> Score {
    let mut result = Score::default();
    let mut found = HashMap::new();
    for deliverable in &pdf.deliverables {
        found
            .entry(deliverable.code.as_str())
            .or_insert(deliverable);
    }
    let mut wanted = HashMap::new();
    for deliverable in &text.deliverables {
        wanted
            .entry(deliverable.code.as_str())
            .or_insert(deliverable);
    }
    result.extra = found
        .keys()
        .filter(|code| !wanted.contains_key(*code))
        .count();
    for (code, want) in &wanted {
        result.codes.1 += 1;
        result.statuses.1 += 1;
        result.titles.1 += 1;
        let Some(got) = found.get(code) else {
            continue;
        };
        result.codes.0 += 1;
        if got.status == want.status {
            result.statuses.0 += 1;
        } else if got.status.is_some() && !flagged(pdf, code, got.page, got.line) {
            result.silent += 1;
        }
        if folded(&got.title) == folded(&want.title) {
            result.titles.0 += 1;
        }
    }
    let event_key = |event: &planex::model::CalendarEvent| (event.start.month, folded(&event.text));
    let mut pool: Vec<_> = pdf.calendar.iter().map(event_key).collect();
    for event in &text.calendar {
        result.calendar.1 += 1;
        if let Some(index) = pool.iter().position(|key| *key == event_key(event)) {
            pool.swap_remove(index);
            result.calendar.0 += 1;
        }
    }
    result.totals = text
        .totals
        .as_ref()
        .map(|want| pdf.totals.as_ref().map(|got| &got.declared) == Some(&want.declared));
    result
}

fn ratio((right, total): (usize, usize)) -> String {
    if total == 0 {
        "-".to_owned()
    } else {
        format!("{right}/{total}")
    }
}

fn table(rows: &[(String, Score)]) -> String {
    let mut out = String::new();
    let width = rows.iter().map(|(name, _)| name.len()).max().unwrap_or(9);
    let _ = writeln!(
        out,
        "{:width$}  {:>7}  {:>8}  {:>7}  {:>6}  {:>5}  {:>8}  {:>6}",
        "rendering", "codes", "statuses", "titles", "silent", "extra", "calendar", "totals"
    );
    let mut sums = Score::default();
    for (name, score) in rows {
        let totals = match score.totals {
            None => "-",
            Some(true) => "right",
            Some(false) => "WRONG",
        };
        let _ = writeln!(
            out,
            "{name:width$}  {:>7}  {:>8}  {:>7}  {:>6}  {:>5}  {:>8}  {:>6}",
            ratio(score.codes),
            ratio(score.statuses),
            ratio(score.titles),
            score.silent,
            score.extra,
            ratio(score.calendar),
            totals
        );
        let add = |sum: &mut (usize, usize), part: (usize, usize)| {
            sum.0 += part.0;
            sum.1 += part.1;
        };
        add(&mut sums.codes, score.codes);
        add(&mut sums.statuses, score.statuses);
        add(&mut sums.titles, score.titles);
        add(&mut sums.calendar, score.calendar);
        sums.silent += score.silent;
        sums.extra += score.extra;
    }
    let right_totals = rows
        .iter()
        .filter(|(_, score)| score.totals == Some(true))
        .count();
    let with_totals = rows
        .iter()
        .filter(|(_, score)| score.totals.is_some())
        .count();
    let _ = writeln!(
        out,
        "{:width$}  {:>7}  {:>8}  {:>7}  {:>6}  {:>5}  {:>8}  {:>6}",
        format!("all {} renderings", rows.len()),
        ratio(sums.codes),
        ratio(sums.statuses),
        ratio(sums.titles),
        sums.silent,
        sums.extra,
        ratio(sums.calendar),
        format!("{right_totals}/{with_totals}")
    );
    out
}

/// Converts every rendering (on every core: the matrix is large) and its text.
fn scores(renderings: &[Rendering]) -> Vec<(String, Score)> {
    let config = Config::default();
    let texts: Mutex<HashMap<String, std::sync::Arc<Document>>> = Mutex::new(HashMap::new());
    let text_of = |source: &str| {
        if let Some(done) = texts.lock().expect("not poisoned").get(source) {
            return done.clone();
        }
        let document = planex::convert_file(&fixture(source), &config)
            .unwrap_or_else(|err| panic!("{source}: {err}"));
        let document = std::sync::Arc::new(document);
        texts
            .lock()
            .expect("not poisoned")
            .insert(source.to_owned(), document.clone());
        document
    };
    let next = Mutex::new(0_usize);
    let results = Mutex::new(vec![None; renderings.len()]);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = {
                    let mut next = next.lock().expect("not poisoned");
                    let index = *next;
                    *next += 1;
                    index
                };
                let Some(rendering) = renderings.get(index) else {
                    break;
                };
                let path = fixture(&format!("matrix/pdf/{}", rendering.file));
                let pdf = planex::convert_file(&path, &config)
                    .unwrap_or_else(|err| panic!("{}: {err}", rendering.file));
                let result = score(&pdf, &text_of(&rendering.source));
                results.lock().expect("not poisoned")[index] = Some(result);
            });
        }
    });
    renderings
        .iter()
        .zip(results.into_inner().expect("not poisoned"))
        .map(|(rendering, result)| {
            (
                rendering.file.clone(),
                result.expect("every rendering was scored"),
            )
        })
        .collect()
}

fn record(renderings: &[Rendering], rows: &[(String, Score)]) {
    let path = fixture(MANIFEST);
    let text = std::fs::read_to_string(&path).expect("the manifest is readable");
    let today: HashMap<&str, Vec<String>> = rows
        .iter()
        .map(|(name, score)| (name.as_str(), score.floors()))
        .collect();
    let mut out = String::new();
    for line in text.lines() {
        let name = line.split('\t').next().unwrap_or("");
        match today.get(name) {
            Some(floors) => {
                let fields: Vec<&str> = line.split('\t').take(5).collect();
                out.push_str(&fields.join("\t"));
                for floor in floors {
                    out.push('\t');
                    out.push_str(floor);
                }
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    assert_eq!(renderings.len(), rows.len());
    std::fs::write(&path, out).expect("the manifest is writable");
    println!(
        "recorded today's figures as the floors of {}",
        path.display()
    );
}

#[test]
fn every_rendering_scores_at_least_its_floors() {
    let renderings = manifest();
    assert!(
        renderings.len() >= 12,
        "the matrix has its renderings ({} listed)",
        renderings.len()
    );
    for rendering in &renderings {
        assert!(
            fixture(&format!("matrix/pdf/{}", rendering.file)).is_file(),
            "{} is listed but missing",
            rendering.file
        );
        assert!(
            Path::new(&fixture(&rendering.source)).is_file(),
            "{}: source {} is missing",
            rendering.file,
            rendering.source
        );
    }
    let rows = scores(&renderings);
    println!("{}", table(&rows));
    let mut failures = Vec::new();
    for (rendering, (name, score)) in renderings.iter().zip(&rows) {
        if rendering.floors.iter().all(|floor| floor == "-") {
            failures.push(format!(
                "{name}: no floors recorded (run with PLANEX_MATRIX_RECORD=1)"
            ));
            continue;
        }
        let worse = score.below(&rendering.floors);
        if !worse.is_empty() {
            failures.push(format!("{name}: {}", worse.join(", ")));
        }
    }
    if std::env::var_os("PLANEX_MATRIX_RECORD").is_some() {
        let unrecorded_only = failures.iter().all(|f| f.contains("no floors recorded"));
        assert!(
            unrecorded_only,
            "not recording: below the floors\n{}",
            failures.join("\n")
        );
        record(&renderings, &rows);
        return;
    }
    assert!(
        failures.is_empty(),
        "below the recorded floors:\n{}",
        failures.join("\n")
    );
}

/// The text fixtures the matrix is scored against say what their gold files
/// say, so a rendering's expected results are right.
#[test]
fn matrix_text_fixtures_give_the_expected_counts() {
    let config = Config::default();
    let count = |source: &str| {
        planex::convert_file(&fixture(source), &config)
            .unwrap_or_else(|err| panic!("{source}: {err}"))
    };
    let triennial = count("docs/triennial-report-2018-2020.es.txt");
    assert_eq!(triennial.deliverables.len(), 65);
    assert!(triennial.totals.is_some(), "seed 000 declares its totals");
    for plan in ["docs/work-plan-2019.es.md", "docs/work-plan-2019.en.md"] {
        assert_eq!(count(plan).calendar.len(), 13, "{plan}");
    }
    for report in [
        "docs/implementation-report-2019-2021.en.md",
        "docs/implementation-report-2019-2021.fr.txt",
    ] {
        assert_eq!(count(report).deliverables.len(), 18, "{report}");
    }
}
