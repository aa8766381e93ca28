//! Bad inputs (fixtures/bad/) give an error record or a documented diagnostic, never a panic.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use planex::{Config, ReadError};
use predicates::prelude::*;

use crate::util::{fixture, shared_dir};

/// Inputs that must fail, with the error kind they must fail with.
const FAILING: [(&str, &str); 6] = [
    ("empty.pdf", "empty"),
    ("truncated.pdf", "pdf_error"),
    ("random-bytes.pdf", "unsupported_format"),
    ("zero-pages.pdf", "no_pages"),
    ("encrypted-password.pdf", "encrypted"),
    ("does-not-exist.pdf", "io"),
];

/// Inputs that convert, with a diagnostic code they must carry (or `""`).
const CONVERTING: [(&str, &str); 8] = [
    ("latin1.txt", "read.lossy_decoding"),
    ("windows-1252.txt", "read.lossy_decoding"),
    ("pdf-named.txt", ""),
    ("markdown-named.pdf", ""),
    ("encrypted-empty-user.pdf", ""),
    ("encrypted-empty-user-aes256.pdf", ""),
    ("scanned-no-text.pdf", "read.no_text_layer"),
    ("page-without-mediabox.pdf", "read.page_failed"),
];

fn bad(name: &str) -> PathBuf {
    fixture(&format!("bad/{name}"))
}

#[test]
fn failing_inputs_give_an_error_record() {
    for (name, kind) in FAILING {
        let err: ReadError = planex::convert_file(&bad(name), &Config::default())
            .err()
            .unwrap_or_else(|| panic!("{name} should not convert"));
        assert_eq!(err.kind(), kind, "{name}: {err}");
        let message = err.to_string();
        assert!(
            message.starts_with(&bad(name).display().to_string()),
            "{name}: the message names the input: {message}"
        );
    }
}

#[test]
fn odd_inputs_convert_with_their_diagnostic() {
    for (name, code) in CONVERTING {
        let document = planex::convert_file(&bad(name), &Config::default())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        if !code.is_empty() {
            assert!(
                document.diagnostics.iter().any(|d| d.code == code),
                "{name}: expected {code}, got {:?}",
                document.diagnostics
            );
        }
    }
}

#[test]
fn content_decides_the_format_not_the_name() {
    use planex::model::SourceFormat;
    let config = Config::default();
    let pdf = planex::convert_file(&bad("pdf-named.txt"), &config).expect("a PDF");
    assert_eq!(pdf.source.format, SourceFormat::Pdf);
    assert_eq!(pdf.language, "es");
    let markdown = planex::convert_file(&bad("markdown-named.pdf"), &config).expect("Markdown");
    assert_eq!(markdown.source.format, SourceFormat::Markdown);
}

#[test]
fn encrypted_with_an_empty_user_password_opens() {
    for name in [
        "encrypted-empty-user.pdf",
        "encrypted-empty-user-aes256.pdf",
    ] {
        let document =
            planex::convert_file(&bad(name), &Config::default()).expect("opens without password");
        assert_eq!(
            document.kind.value,
            planex::model::DocumentKind::WorkPlan,
            "{name}"
        );
        assert_eq!(document.source.pages, 3, "{name}");
    }
}

#[test]
fn latin1_text_is_decoded() {
    let document = planex::convert_file(&bad("latin1.txt"), &Config::default()).expect("text");
    assert_eq!(
        document.source.encoding,
        Some(planex::model::TextEncoding::Windows1252)
    );
    assert_eq!(document.language, "es");
}

#[test]
fn cli_reports_each_failure_on_stderr_and_exits_1() {
    for (name, _) in FAILING {
        let path = bad(name);
        let expected = format!("planex: {}: ", path.display());
        Command::cargo_bin("planex")
            .expect("the binary is built")
            .args(["extract", "--compact"])
            .arg(&path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                predicate::str::starts_with(expected)
                    .and(predicate::str::contains("panicked").not()),
            );
    }
}

#[test]
fn cli_keeps_going_after_a_failure_and_keeps_panics_quiet() {
    let ok = bad("page-without-mediabox.pdf");
    let failing = bad("truncated.pdf");
    let output = Command::cargo_bin("planex")
        .expect("the binary is built")
        .args(["extract", "--compact"])
        .arg(&failing)
        .arg(&ok)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stdout.lines().count(),
        1,
        "one document for the readable input"
    );
    // pdf-extract panics on page 1 of `ok`; the panic must not reach stderr.
    assert_eq!(stderr.lines().count(), 1, "only the failure line: {stderr}");
    assert!(stderr.starts_with(&format!("planex: {}: ", failing.display())));
}

/// Corpus files known to need process isolation (memory above 1 GiB).
const NEEDS_ISOLATION: [&str; 1] = ["qpdf__issue-1688b.pdf"];

/// How many corpus files a debug test binary reads: every `STRIDE`-th file.
const STRIDE: usize = 7;

#[test]
fn corpus_never_panics_out_of_the_library() {
    let Some(shared) = shared_dir("corpus_never_panics_out_of_the_library") else {
        return;
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in ["pdfminer", "py-pdf-sample-files", "qpdf"] {
        let Ok(entries) = std::fs::read_dir(shared.join("corpus").join(folder)) else {
            continue;
        };
        files.extend(entries.filter_map(|entry| entry.ok().map(|e| e.path())));
    }
    files.sort();
    files.retain(|path| !NEEDS_ISOLATION.iter().any(|name| path.ends_with(name)));
    if files.is_empty() {
        println!("skipping corpus_never_panics_out_of_the_library: no corpus files");
        return;
    }
    let sample: Vec<&Path> = files.iter().step_by(STRIDE).map(PathBuf::as_path).collect();
    let mut converted = 0;
    for path in &sample {
        let outcome = std::panic::catch_unwind(|| planex::convert_file(path, &Config::default()));
        match outcome {
            Ok(Ok(_)) => converted += 1,
            Ok(Err(_)) => {}
            Err(_) => panic!("{} panicked out of the library", path.display()),
        }
    }
    println!(
        "corpus: {converted}/{} sampled files converted",
        sample.len()
    );
    assert!(converted * 2 > sample.len(), "most corpus files convert");
}

#[test]
fn the_fallback_changes_no_failure_into_a_panic() {
    let config = Config::default().with_fallback(planex::Fallback::Pdftotext);
    for (name, kind) in FAILING {
        let err = planex::convert_file(&bad(name), &config)
            .err()
            .unwrap_or_else(|| panic!("{name} should not convert, even with pdftotext"));
        assert_eq!(err.kind(), kind, "{name}: {err}");
    }
}

#[test]
fn the_fallback_without_pdftotext_installed_is_a_diagnostic() {
    let output = Command::cargo_bin("planex")
        .expect("the binary is built")
        .env("PATH", "")
        .args(["extract", "--compact", "--fallback", "pdftotext"])
        .arg(bad("page-without-mediabox.pdf"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let document: serde_json::Value = serde_json::from_slice(&output).expect("one JSON document");
    let codes: Vec<&str> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"read.fallback_failed"), "{codes:?}");
    assert_eq!(document["source"]["backend"], "pdf_extract");
}
