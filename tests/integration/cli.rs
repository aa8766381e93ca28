//! The `planex` binary: streams, formats and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::util;

fn planex() -> Command {
    Command::cargo_bin("planex").expect("the planex binary is built")
}

#[test]
fn extract_prints_one_compact_document_per_input() {
    let output = planex()
        .arg("extract")
        .arg(util::fixture("docs/work-plan-2019.en.md"))
        .arg(util::fixture("docs/work-plan-2019.es.md"))
        .output()
        .expect("planex runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let documents: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON document"))
        .collect();
    assert_eq!(documents.len(), 2);
    assert_eq!(documents[0]["language"], "en");
    assert_eq!(documents[1]["language"], "es");
    for document in &documents {
        util::assert_valid_document(document);
    }
}

#[test]
fn pretty_output_is_indented_and_compact_is_not() {
    let path = util::fixture("docs/annual-report-2021.es.md");
    let pretty = planex()
        .args(["extract", "--pretty"])
        .arg(&path)
        .output()
        .expect("planex runs");
    assert!(String::from_utf8_lossy(&pretty.stdout).starts_with("{\n  \""));
    let compact = planex()
        .args(["extract", "--compact"])
        .arg(&path)
        .output()
        .expect("planex runs");
    assert_eq!(String::from_utf8_lossy(&compact.stdout).lines().count(), 1);
}

#[test]
fn dash_reads_standard_input() {
    planex()
        .args(["extract", "-"])
        .write_stdin("Rapport annuel 2022\n\nCe rapport présente les activités du secrétariat général pendant l'année écoulée.")
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""path":"-""#))
        .stdout(predicate::str::contains(r#""language":"fr""#))
        .stdout(predicate::str::contains(r#""value":"annual_report""#));
}

#[test]
fn a_failed_input_exits_1_and_keeps_the_others() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let output = planex()
        .arg("extract")
        .arg(&empty)
        .arg(util::fixture("docs/annual-report-2023.es.md"))
        .output()
        .expect("planex runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("planex: {}: ", empty.display())),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        1,
        "the good input still converts"
    );
}

#[test]
fn usage_errors_exit_2() {
    planex().assert().code(2);
    planex().arg("extract").assert().code(2);
    planex()
        .args(["extract", "--no-such-flag", "x"])
        .assert()
        .code(2);
    planex().arg("frobnicate").assert().code(2);
}

#[test]
fn help_and_version_exit_0() {
    planex()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    planex()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status"));
    planex()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let output = planex().arg("schema").output().expect("planex runs");
    assert!(output.status.success());
    let printed: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the schema is JSON");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(util::root().join("schemas/document.schema.json")).expect("read"),
    )
    .expect("JSON");
    assert_eq!(printed, committed);
}

#[test]
fn completions_and_man_page() {
    for (shell, needle) in [
        ("bash", "--passwords-file"),
        ("zsh", "--passwords-file"),
        ("fish", "passwords-file"),
    ] {
        let output = planex()
            .args(["completions", shell])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let script = String::from_utf8(output).unwrap();
        assert!(script.contains(needle), "{shell}");
    }
    let output = planex()
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(output).unwrap();
    assert!(page.contains(".TH planex 1"), "{page}");
    assert!(page.contains("completions"));
    planex().args(["completions", "tcsh"]).assert().code(2);
}

/// `rust-version` in Cargo.toml is the highest one declared by the locked
/// dependencies (README states it; clippy's `incompatible_msrv` then checks
/// that planex's own code uses nothing newer).
#[test]
fn the_declared_rust_version_is_what_the_locked_tree_needs() {
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // This platform's dependencies only: those are the ones a build fetches.
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", &host])
        .current_dir(crate::util::root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let version = |text: &str| -> Vec<u32> {
        text.split('.')
            .map(|part| part.parse().unwrap_or(0))
            .chain([0, 0])
            .take(3)
            .collect()
    };
    let resolved: Vec<&str> = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|node| node["id"].as_str())
        .collect();
    let packages = metadata["packages"].as_array().unwrap();
    let (needed, by) = packages
        .iter()
        .filter(|p| p["name"] != "planex" && resolved.contains(&p["id"].as_str().unwrap_or("")))
        .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].as_str()?)))
        .max()
        .unwrap();
    let planex = packages.iter().find(|p| p["name"] == "planex").unwrap();
    let declared = version(planex["rust_version"].as_str().unwrap());
    assert_eq!(
        declared, needed,
        "Cargo.toml's rust-version should be {needed:?} (needed by {by}); update README.md too"
    );
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    let stated = format!("Rust {}.{} or later", needed[0], needed[1]);
    assert!(readme.contains(&stated), "README.md should say `{stated}`");
}

/// The README's catalogue tables are generated from `planex::catalogue`.
#[test]
fn readme_catalogue_matches_the_code() {
    let path = crate::util::root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- catalogue:start -->\n", "<!-- catalogue:end -->");
    let from = readme.find(start).expect("start marker") + start.len();
    let to = readme.find(end).expect("end marker");
    let generated = planex::catalogue::markdown();
    if readme[from..to] != generated && std::env::var_os("PLANEX_UPDATE_README").is_some() {
        let updated = format!("{}{generated}{}", &readme[..from], &readme[to..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        readme[from..to] == generated,
        "README.md's catalogue is stale: run `PLANEX_UPDATE_README=1 cargo test --test integration readme_catalogue`"
    );
}
