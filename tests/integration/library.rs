//! The library as other tools use it: `batch::line_for_bytes` gives `planex batch`'s lines.

use std::fs;

use assert_cmd::Command;

use crate::util;

/// Tools that read the files themselves (the Python package's Ray Data
/// recipe) must write the lines `planex batch` writes, failures included.
#[test]
fn line_for_bytes_is_the_batch_line_of_every_fixture() {
    let output = Command::cargo_bin("planex")
        .expect("the planex binary is built")
        .current_dir(util::root())
        .args(["batch", "-q", "-o", "-", "--format", "jsonl"])
        .args(["fixtures/docs", "fixtures/pdf", "fixtures/bad"])
        .output()
        .expect("planex runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 lines");
    let lines: Vec<&str> = stdout.lines().collect();
    let mut compared = 0;
    let mut failures = 0;
    for line in &lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let input = value["input"].as_str().expect("an input path");
        let bytes = fs::read(util::root().join(input)).expect("the fixture is readable");
        let ours = planex::batch::line_for_bytes(input, &bytes, &planex::Config::default())
            .expect("serializable");
        assert_eq!(&ours, line, "{input}");
        compared += 1;
        failures += usize::from(value.get("error").is_some());
    }
    assert!(compared >= 30, "only {compared} lines from planex batch");
    assert!(
        failures >= 5,
        "the bad fixtures give failure records ({failures})"
    );
}
