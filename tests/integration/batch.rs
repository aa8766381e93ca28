//! `planex batch`: outputs, order, determinism across jobs, resume, error records, schemas.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::util;

pub fn planex() -> Command {
    Command::cargo_bin("planex").expect("the planex binary is built")
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(next) = stack.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    found.sort();
    found
}

fn schema(name: &str) -> Value {
    let text = fs::read_to_string(util::root().join("schemas").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{what} does not validate: {errors:#?}");
}

/// Checks an output directory: no partial files, every file validates, and
/// `documents.jsonl` has one line per input; returns the parsed lines.
pub fn check_output_dir(out: &Path) -> Vec<Value> {
    let all = files(out);
    assert!(
        all.iter()
            .all(|p| !p.to_string_lossy().ends_with(".partial")),
        "partial files left: {all:?}"
    );
    let line_schema = schema("batch-line.schema.json");
    let document_schema = planex::model::document_schema();
    let lines: Vec<Value> = fs::read_to_string(out.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let validator = jsonschema::validator_for(&line_schema).expect("the schema compiles");
    for line in &lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "line for {} does not validate: {errors:#?}",
            line["input"]
        );
    }
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_valid(&schema("summary.schema.json"), &summary, "summary.json");
    let document_validator = jsonschema::validator_for(&document_schema).expect("compiles");
    for path in all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json") && *p != Path::new("summary.json"))
    {
        let document: Value =
            serde_json::from_str(&fs::read_to_string(out.join(path)).unwrap()).unwrap();
        assert!(
            document_validator.is_valid(&document),
            "{} does not validate",
            path.display()
        );
    }
    let csv = fs::read_to_string(out.join("deliverables.csv")).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("document,code,line,measure,number,title,status,mark,inferred,page")
    );
    lines
}

/// A one-page PDF showing `text` in Helvetica, with a correct cross-reference table.
pub fn tiny_pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        util::stream(&content, ""),
    ];
    util::pdf_from_objects(&objects)
}

/// The file names in fixtures/docs, sorted.
pub fn fixture_docs() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(util::fixture("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// fixtures/docs plus a PDF, an empty file, a broken PDF, a hidden file and an image.
fn mixed_inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("archive");
    for entry in fs::read_dir(util::fixture("docs")).unwrap() {
        let path = entry.unwrap().path();
        let target = docs.join("docs").join(path.file_name().unwrap());
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&path, target).unwrap();
    }
    fs::write(docs.join("plan-2019.pdf"), tiny_pdf("WORK PLAN 2019")).unwrap();
    fs::write(docs.join("empty.txt"), b"").unwrap();
    fs::write(
        docs.join("broken.pdf"),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    fs::write(docs.join(".hidden.pdf"), tiny_pdf("hidden")).unwrap();
    fs::write(docs.join("logo.png"), b"\x89PNG").unwrap();
    dir
}

#[test]
fn writes_every_output_in_input_order_with_error_records() {
    let dir = mixed_inputs();
    let out = dir.path().join("out");
    let assert = planex()
        .args(["batch", "--jobs", "2", "-o"])
        .arg(&out)
        .arg(dir.path().join("archive"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let docs = fixture_docs();
    let want_line = format!("{} converted, 2 failed", docs.len() + 1);
    assert!(stderr.contains(&want_line), "{stderr}");
    let lines = check_output_dir(&out);
    let archive = dir.path().join("archive");
    let inputs: Vec<String> = lines
        .iter()
        .map(|l| l["input"].as_str().unwrap().to_owned())
        .collect();
    let names: Vec<String> = inputs
        .iter()
        .map(|i| {
            Path::new(i)
                .strip_prefix(&archive)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    let mut want = vec!["broken.pdf".to_owned()];
    want.extend(docs.iter().map(|name| format!("docs/{name}")));
    want.extend(["empty.txt".to_owned(), "plan-2019.pdf".to_owned()]);
    assert_eq!(names, want);
    assert_eq!(lines[0]["error"]["kind"], "pdf_error");
    let last = lines.len() - 1;
    assert_eq!(lines[last - 1]["error"]["kind"], "empty");
    assert_eq!(lines[last]["document"]["source"]["format"], "pdf");
    assert!(out.join("docs/work-plan-2019.es.md.json").is_file());
    assert!(out.join("plan-2019.pdf.json").is_file());
    assert!(!out.join("empty.txt.json").exists());
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["skipped"]["hidden"], 1);
    assert_eq!(summary["skipped"]["other"], 1);
    assert_eq!(summary["failures_by_kind"]["empty"], 1);
    assert_eq!(summary["failures"][0]["kind"], "pdf_error");
}

#[test]
fn outputs_are_byte_identical_whatever_the_jobs_and_isolation() {
    let dir = mixed_inputs();
    let runs: Vec<(PathBuf, &[&str])> = vec![
        (dir.path().join("one"), &["--jobs", "1"]),
        (dir.path().join("two"), &["--jobs", "2"]),
        (
            dir.path().join("in-process"),
            &["--jobs", "2", "--in-process"],
        ),
    ];
    for (out, flags) in &runs {
        planex()
            .current_dir(dir.path())
            .arg("batch")
            .args(*flags)
            .arg("-o")
            .arg(out)
            .arg("archive")
            .assert()
            .code(1);
    }
    let reference = files(&runs[0].0);
    for (out, flags) in &runs[1..] {
        assert_eq!(files(out), reference, "{flags:?}");
        for file in &reference {
            if file == Path::new("summary.json") {
                continue;
            }
            assert!(
                fs::read(runs[0].0.join(file)).unwrap() == fs::read(out.join(file)).unwrap(),
                "{} differs with {flags:?}",
                file.display()
            );
        }
    }
}

#[test]
fn resume_reuses_unchanged_inputs_only() {
    let dir = mixed_inputs();
    let out = dir.path().join("out");
    let run = |extra: &[&str]| {
        planex()
            .current_dir(dir.path())
            .args(["batch", "-o", "out", "archive/docs"])
            .args(extra)
            .assert()
            .success();
        fs::read_to_string(out.join("summary.json")).unwrap()
    };
    run(&[]);
    let first = fs::read(out.join("documents.jsonl")).unwrap();
    let summary: Value = serde_json::from_str(&run(&["--resume"])).unwrap();
    let count = fixture_docs().len() as u64;
    assert_eq!(
        (summary["converted"].as_u64(), summary["reused"].as_u64()),
        (Some(count), Some(count))
    );
    assert_eq!(fs::read(out.join("documents.jsonl")).unwrap(), first);
    fs::write(
        dir.path().join("archive/docs/work-plan-2019.en.md"),
        "# WORK PLAN 2020\n\nChanged.",
    )
    .unwrap();
    let summary: Value = serde_json::from_str(&run(&["--resume"])).unwrap();
    assert_eq!(summary["reused"].as_u64(), Some(count - 1));
    check_output_dir(&out);
}

#[test]
fn worker_time_limit_gives_a_timeout_record_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.pdf"), tiny_pdf("WORK PLAN 2019")).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "WORK PLAN 2019\n\nText inputs meet the same time limit.",
    )
    .unwrap();
    let out = dir.path().join("out");
    planex()
        .args(["batch", "--timeout", "0.000001", "-o"])
        .arg(&out)
        .arg(dir.path().join("a.pdf"))
        .arg(dir.path().join("b.txt"))
        .assert()
        .code(1);
    let lines = check_output_dir(&out);
    assert_eq!(lines[0]["error"]["kind"], "timeout");
    assert_eq!(lines[1]["error"]["kind"], "timeout", "text too");
}

#[test]
fn worker_memory_limit_gives_a_memory_limit_record_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.pdf"), tiny_pdf("WORK PLAN 2019")).unwrap();
    fs::write(dir.path().join("b.pdf"), tiny_pdf("WORK PLAN 2020")).unwrap();
    fs::write(
        dir.path().join("c.txt"),
        "WORK PLAN 2019\n\nText meets the same limit.",
    )
    .unwrap();
    let out = dir.path().join("out");
    planex()
        .args(["batch", "--jobs", "1", "--max-memory", "4MiB", "-o"])
        .arg(&out)
        .arg(dir.path())
        .assert()
        .code(1);
    let lines = check_output_dir(&out);
    assert_eq!(lines[0]["error"]["kind"], "memory_limit", "{}", lines[0]);
    assert_eq!(
        lines[1]["error"]["kind"], "memory_limit",
        "a replaced worker, limited too"
    );
    assert_eq!(lines[2]["error"]["kind"], "memory_limit", "text too");
}

#[test]
fn memory_blowup_stays_within_the_worker_limit() {
    let Some(shared) = util::shared_dir("memory_blowup_stays_within_the_worker_limit") else {
        return;
    };
    // A 531-byte file whose Flate predictor claims 536,870,913 colours: over
    // 1 GiB in-process; under the limit the allocation fails inside the
    // extractor, which gives up on the stream, and the batch goes on.
    let bomb = shared.join("corpus/qpdf/qpdf__issue-1688b.pdf");
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("after.txt");
    fs::write(
        &text,
        "ANNUAL REPORT 2023\n\nStill converted after the bomb.",
    )
    .unwrap();
    let output = planex()
        .args(["batch", "--max-memory", "128MiB", "-o", "-"])
        .arg(&bomb)
        .arg(&text)
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    let contained = first["error"]["kind"] == "memory_limit"
        || first["document"]["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["code"] == "read.no_text_layer"));
    assert!(contained, "{first}");
    assert!(lines[1]["document"].is_object());
}

#[test]
fn streams_jsonl_json_and_csv_to_stdout() {
    let docs = util::fixture("docs");
    let jsonl = planex()
        .args(["batch", "-o", "-"])
        .arg(&docs)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&jsonl.get_output().stdout).into_owned();
    let count = fixture_docs().len();
    assert_eq!(text.lines().count(), count);
    let json = planex()
        .args(["batch", "-o", "-", "--format", "json"])
        .arg(&docs)
        .assert()
        .success();
    let array: Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(array.as_array().map(Vec::len), Some(count));
    planex()
        .args(["batch", "-o", "-", "--format", "csv"])
        .arg(&docs)
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "document,code,line,measure,number,title,status,mark,inferred,page\n",
        ));
}

#[test]
fn files_from_stdin_and_glob() {
    let docs = util::fixture("docs");
    let list = format!(
        "{}\n\n{}\n",
        docs.join("work-plan-2019.es.md").display(),
        docs.join("work-plan-2019.en.md").display()
    );
    let out = planex()
        .args(["batch", "-o", "-", "--files-from", "-"])
        .write_stdin(list)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let inputs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(inputs.len(), 2);
    assert!(inputs[0]["input"]
        .as_str()
        .unwrap()
        .ends_with("work-plan-2019.es.md"));
    let globbed = planex()
        .args(["batch", "-o", "-", "--glob", "*.txt"])
        .arg(&docs)
        .assert()
        .success();
    let texts = fixture_docs()
        .iter()
        .filter(|n| n.ends_with(".txt"))
        .count();
    assert_eq!(
        String::from_utf8_lossy(&globbed.get_output().stdout)
            .lines()
            .count(),
        texts
    );
}

#[test]
fn usage_errors_exit_2() {
    planex().args(["batch", "-o", "-"]).assert().code(2);
    planex()
        .args(["batch"])
        .arg(util::fixture("docs"))
        .assert()
        .code(2);
    planex()
        .args(["batch", "--format", "csv", "-o", "somewhere"])
        .arg(util::fixture("docs"))
        .assert()
        .code(2);
    planex()
        .args(["batch", "--resume", "-o", "-"])
        .arg(util::fixture("docs"))
        .assert()
        .code(2);
}

#[test]
fn committed_schemas_match_the_types() {
    for (file, generated) in [
        ("batch-line.schema.json", planex::batch::batch_line_schema()),
        ("summary.schema.json", planex::batch::summary_schema()),
    ] {
        let mut want = serde_json::to_string_pretty(&generated).unwrap();
        want.push('\n');
        let path = util::root().join("schemas").join(file);
        let committed = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == want,
            "{} is stale: run `cargo run -q -- schema {}` > {}",
            path.display(),
            file.trim_end_matches(".schema.json"),
            path.display()
        );
    }
}

/// Issue 5: Ctrl-C lets the files in progress finish and leaves a valid
/// summary of what was done, with no partial file.
#[test]
fn ctrl_c_leaves_a_valid_summary_of_what_was_done() {
    interrupt_with("INT");
}

/// Runs a long batch, sends it `signal` (`INT`, `TERM`, `HUP`) once it is
/// under way, and checks that it stopped as Ctrl-C stops it: exit 1, a valid
/// summary marked interrupted, an input-order prefix done, no partial file.
pub fn interrupt_with(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("inputs.txt");
    let docs: Vec<String> = fixture_docs()
        .iter()
        .map(|name| util::fixture("docs").join(name).display().to_string())
        .collect();
    // Enough inputs that the batch is still running when the signal comes.
    let repeated: Vec<&str> = (0..400)
        .flat_map(|_| docs.iter().map(String::as_str))
        .collect();
    fs::write(&list, repeated.join("\n")).unwrap();
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("planex"))
        .args(["batch", "--jobs", "2", "--quiet", "--files-from"])
        .arg(&list)
        .arg("--out")
        .arg(&out)
        .spawn()
        .unwrap();
    // The output directory is created after the Ctrl-C handler is installed:
    // signalling earlier would kill the process the default way, which is not
    // what this test is about. A loaded machine can take seconds to get there.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !out.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before it was signalled"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "the batch did not create its output directory"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let signalled = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(signalled.success(), "kill -{signal} failed");
    let status = child.wait().unwrap();
    let lines = check_output_dir(&out);
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let count = |key: &str| summary[key].as_u64().unwrap();
    assert_eq!(summary["interrupted"], true, "SIG{signal}: {summary}");
    assert_eq!(status.code(), Some(1));
    assert!(count("not_processed") > 0, "{summary}");
    assert_eq!(
        count("converted") + count("failed") + count("not_processed"),
        repeated.len() as u64
    );
    assert_eq!(lines.len() as u64, count("converted") + count("failed"));
    let inputs: Vec<&str> = lines
        .iter()
        .map(|line| line["input"].as_str().unwrap())
        .collect();
    assert_eq!(
        inputs,
        repeated[..inputs.len()],
        "what was done is a prefix, in input order"
    );
}

/// The records of a CSV file (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (ch, _) => field.push(ch),
        }
    }
    records
}

/// Issue 13: calendars, key figures and people get a table each, one row per
/// item, in input order, with the document's path.
#[test]
fn every_item_kind_gets_a_csv_table_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    planex()
        .args(["batch", "--quiet", "-o"])
        .arg(&out)
        .arg(util::fixture("docs"))
        .arg(util::fixture("pdf"))
        .assert()
        .code(0);
    let lines = check_output_dir(&out);
    for (file, items) in [
        ("deliverables.csv", "deliverables"),
        ("calendar.csv", "calendar"),
        ("key_figures.csv", "key_figures"),
        ("people.csv", "people"),
    ] {
        let records = csv_records(&fs::read_to_string(out.join(file)).unwrap());
        let table = planex::write::csv::TABLES
            .iter()
            .find(|table| table.file == file)
            .unwrap();
        assert_eq!(records[0], table.columns, "{file} header");
        let want: Vec<&str> = lines
            .iter()
            .flat_map(|line| {
                let count = line["document"][items].as_array().map_or(0, Vec::len);
                std::iter::repeat_n(line["input"].as_str().unwrap(), count)
            })
            .collect();
        assert!(!want.is_empty(), "the fixtures have {items}");
        let got: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(got, want, "{file}: one row per item, in input order");
        assert!(records.iter().all(|r| r.len() == table.columns.len()));
    }
}
