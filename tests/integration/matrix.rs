//! The rendering matrix (fixtures/matrix/, issue 9): every PDF there renders one
//! text fixture with another producer or layout, so planex must find in it what
//! it finds in the text. Scored item by item against the text's own results:
//! deliverable codes, statuses, titles, statuses silently wrong, calendar events
//! with their month, key figures (value, unit, qualifier), the declared totals. The scores are printed as a table
//! (`cargo test --test integration matrix -- --nocapture`) and held to the
//! per-rendering floors of fixtures/matrix/manifest.tsv, which can only rise:
//! `PLANEX_MATRIX_RECORD=1` rewrites them with today's figures once every
//! rendering meets its old floors. `PLANEX_MATRIX_ONLY=WORD[,WORD…]` scores
//! (and records) only the renderings whose file names contain one of the WORDs.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Mutex;

use planex::Severity;
use planex::{Config, Document};

use crate::util::fixture;

const MANIFEST: &str = "matrix/manifest.tsv";

/// Names of the manifest's floor columns, in order after the five describing columns.
const FLOORS: [&str; 7] = [
    "codes", "statuses", "titles", "silent", "calendar", "figures", "totals",
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
    let only = std::env::var("PLANEX_MATRIX_ONLY").unwrap_or_default();
    let words: Vec<&str> = only.split(',').filter(|word| !word.is_empty()).collect();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("file\t"))
        .filter(|line| !line.trim().is_empty())
        .filter(|line| {
            let name = line.split('\t').next().unwrap_or("");
            words.is_empty() || words.iter().any(|word| name.contains(word))
        })
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
/// hyphen, whether a space followed is lost); quotation marks folded to
/// ASCII. The last is the producers', not planex's: TeX sets a straight `"`
/// as a closing `”` wherever it stands, so a PDF really shows `”Policy
/// Transfer”` where the text has `"Policy Transfer"`, and planex reports the
/// characters the page shows.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
        .replace(['“', '”', '„', '‟', '«', '»'], "\"")
        .replace(['‘', '’', '‚', '‛'], "'")
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
    figures: (usize, usize),
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
            self.figures.0.to_string(),
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
            && (names(&diagnostic.message, code)
                || (diagnostic.page == Some(page) && diagnostic.line == Some(line)))
    })
}

/// Whether `message` names `code` itself (`L1M1D1`, not `L1M1D10`).
fn names(message: &str, code: &str) -> bool {
    message.match_indices(code).any(|(at, _)| {
        !message[at + code.len()..].starts_with(|c: char| c.is_ascii_digit())
            && !message[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
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
    let figure_key = |figure: &planex::model::KeyFigure| {
        (
            format!("{:.3}", figure.value),
            figure.unit.clone(),
            figure.qualifier,
        )
    };
    let mut pool: Vec<_> = pdf.key_figures.iter().map(figure_key).collect();
    for figure in &text.key_figures {
        result.figures.1 += 1;
        if let Some(index) = pool.iter().position(|key| *key == figure_key(figure)) {
            pool.swap_remove(index);
            result.figures.0 += 1;
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

/// Scores added up over renderings; `totals` counts the renderings whose
/// declared totals are right, out of those whose text declares totals.
#[derive(Debug, Default, Clone)]
struct Sum {
    codes: (usize, usize),
    statuses: (usize, usize),
    titles: (usize, usize),
    silent: usize,
    extra: usize,
    calendar: (usize, usize),
    figures: (usize, usize),
    totals: (usize, usize),
}

impl Sum {
    fn add(&mut self, score: &Score) {
        let add = |sum: &mut (usize, usize), part: (usize, usize)| {
            sum.0 += part.0;
            sum.1 += part.1;
        };
        add(&mut self.codes, score.codes);
        add(&mut self.statuses, score.statuses);
        add(&mut self.titles, score.titles);
        add(&mut self.calendar, score.calendar);
        add(&mut self.figures, score.figures);
        self.silent += score.silent;
        self.extra += score.extra;
        if let Some(right) = score.totals {
            add(&mut self.totals, (usize::from(right), 1));
        }
    }
}

/// The scores added up by `key` of each rendering's file name, in key order.
fn grouped(rows: &[(String, Score)], key: impl Fn(&str) -> String) -> Vec<(String, Sum)> {
    let mut groups: BTreeMap<String, Sum> = BTreeMap::new();
    for (name, score) in rows {
        groups.entry(key(name)).or_default().add(score);
    }
    groups.into_iter().collect()
}

/// The `index`-th dot-separated field of `<document>.<layout>.<producer>.pdf`, from the end.
fn name_field(name: &str, from_end: usize) -> String {
    name.trim_end_matches(".pdf")
        .rsplit('.')
        .nth(from_end)
        .unwrap_or("")
        .to_owned()
}

fn table(heading: &str, rows: &[(String, Sum)]) -> String {
    let mut out = String::new();
    let width = rows
        .iter()
        .map(|(name, _)| name.len())
        .chain([heading.len(), 4])
        .max()
        .unwrap_or(9);
    let _ = writeln!(
        out,
        "{heading:width$}  {:>9}  {:>9}  {:>9}  {:>6}  {:>5}  {:>8}  {:>7}  {:>6}",
        "codes", "statuses", "titles", "silent", "extra", "calendar", "figures", "totals"
    );
    let mut line = |label: &str, sum: &Sum| {
        let _ = writeln!(
            out,
            "{label:width$}  {:>9}  {:>9}  {:>9}  {:>6}  {:>5}  {:>8}  {:>7}  {:>6}",
            ratio(sum.codes),
            ratio(sum.statuses),
            ratio(sum.titles),
            sum.silent,
            sum.extra,
            ratio(sum.calendar),
            ratio(sum.figures),
            ratio(sum.totals)
        );
    };
    let mut all = Sum::default();
    for (name, sum) in rows {
        line(name, sum);
        let add = |total: &mut (usize, usize), part: (usize, usize)| {
            total.0 += part.0;
            total.1 += part.1;
        };
        add(&mut all.codes, sum.codes);
        add(&mut all.statuses, sum.statuses);
        add(&mut all.titles, sum.titles);
        add(&mut all.calendar, sum.calendar);
        add(&mut all.figures, sum.figures);
        add(&mut all.totals, sum.totals);
        all.silent += sum.silent;
        all.extra += sum.extra;
    }
    line("all", &all);
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
        renderings.len() >= 12 || std::env::var_os("PLANEX_MATRIX_ONLY").is_some(),
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
    println!("{}", table("rendering", &grouped(&rows, str::to_owned)));
    println!(
        "{}",
        table("producer", &grouped(&rows, |name| name_field(name, 0)))
    );
    println!(
        "{}",
        table("layout", &grouped(&rows, |name| name_field(name, 1)))
    );
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

/// The work plan written for the fresh producers (issue 9) reads as its
/// hand-written gold file says: every event with its month, year and text,
/// and no other event.
#[test]
fn fresh_work_plan_text_gives_its_gold_calendar() {
    let document = planex::convert_file(&fixture("docs/work-plan-2025.en.md"), &Config::default())
        .expect("the work plan converts");
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("gold/work-plan-2025.en.md.calendar.json"))
            .expect("the gold file is readable"),
    )
    .expect("the gold file is JSON");
    let want: Vec<(u64, u64, String)> = gold["calendar"]
        .as_array()
        .expect("a calendar list")
        .iter()
        .map(|event| {
            (
                event["year"].as_u64().unwrap_or(0),
                event["month"].as_u64().unwrap_or(0),
                event["text"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let got: Vec<(u64, u64, String)> = document
        .calendar
        .iter()
        .map(|event| {
            (
                event.start.year.map_or(0, u64::from),
                u64::from(event.start.month),
                folded(&event.text),
            )
        })
        .collect();
    assert_eq!(got, want);
}
