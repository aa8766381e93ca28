//! The whole batch over the real-world PDF corpus in `../shared/corpus`.
//!
//! Every input must get exactly one record, no worker crash may take the batch
//! down, and every output must validate. The corpus holds files written to
//! break PDF readers (see its README); one of them asks for 1 GiB.
//!
//! Runs the binary of the test's own profile (the debug build in CI, about
//! 15 s on two cores). `PLANEX_BIN` points it at another build, such as
//! `target/release/planex`.

use std::path::PathBuf;
use std::time::Instant;

use assert_cmd::Command;
use serde_json::Value;

use crate::util;

#[test]
fn whole_corpus_gives_one_valid_record_per_input() {
    let Some(shared) = util::shared_dir("whole_corpus_gives_one_valid_record_per_input") else {
        return;
    };
    let corpus = shared.join("corpus");
    let mut pdfs = Vec::new();
    for folder in ["pdfminer", "py-pdf-sample-files", "qpdf"] {
        let dir = corpus.join(folder);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                pdfs.push(path);
            }
        }
    }
    pdfs.sort();
    let out = tempfile::tempdir().unwrap();
    let mut command = match std::env::var_os("PLANEX_BIN") {
        Some(bin) => Command::new(PathBuf::from(bin)),
        None => Command::cargo_bin("planex").expect("the planex binary is built"),
    };
    let started = Instant::now();
    let output = command
        .args(["batch", "--timeout", "30", "--glob", "*.pdf", "-o"])
        .arg(out.path())
        .arg(&corpus)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "the batch itself failed ({:?}): {stderr}",
        output.status
    );
    let lines = super::batch::check_output_dir(out.path());
    let inputs: Vec<PathBuf> = lines
        .iter()
        .map(|line| PathBuf::from(line["input"].as_str().unwrap()))
        .collect();
    assert_eq!(inputs, pdfs, "one record per input, in input order");
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(
        summary["converted"].as_u64().unwrap() + summary["failed"].as_u64().unwrap(),
        pdfs.len() as u64
    );
    assert_eq!(summary["interrupted"], false);
    println!(
        "corpus: {} inputs in {:.1}s; failures by kind {}; {}",
        pdfs.len(),
        elapsed.as_secs_f64(),
        summary["failures_by_kind"],
        stderr.lines().last().unwrap_or("")
    );
}
