//! Issue 14's probes of `planex batch` on hostile trees and conditions: each
//! ends with nothing lost or mixed, a clear message and the documented exit code.

use std::fs;

use crate::batch::{check_output_dir, interrupt_with, planex};
use crate::util;

#[test]
fn a_second_batch_into_a_locked_output_directory_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // This test process plays the first batch: it holds the lock.
    let lock = planex::write::DirLock::acquire(&out).unwrap();
    let assert = planex()
        .args(["batch", "--quiet", "-o"])
        .arg(&out)
        .arg(util::fixture("docs"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!(
            "another planex batch (pid {})",
            std::process::id()
        )),
        "{stderr}"
    );
    let written: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(
        written,
        [planex::write::LOCK_FILE],
        "nothing else was written"
    );
    drop(lock);
    planex()
        .args(["batch", "--quiet", "-o"])
        .arg(&out)
        .arg(util::fixture("docs"))
        .assert()
        .code(0);
    check_output_dir(&out);
}

#[test]
fn sigterm_stops_a_batch_like_ctrl_c() {
    interrupt_with("TERM");
}

#[test]
fn sighup_stops_a_batch_like_ctrl_c() {
    interrupt_with("HUP");
}

/// The reader of standard output goes away (`planex … | head`): no message, exit 0.
#[test]
fn a_broken_pipe_ends_quietly() {
    let mut runs = vec![vec!["extract".to_owned(), "--compact".to_owned()]];
    runs.push(
        ["batch", "--quiet", "--in-process", "-o", "-"]
            .map(str::to_owned)
            .to_vec(),
    );
    for args in runs {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("planex"))
            .args(&args)
            .args(util::fixture_documents())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("planex:"),
            "{args:?} printed an error: {stderr}"
        );
    }
}

/// Every file under `dir`, concatenated (to look for what must never be written).
fn everything_written(dir: &std::path::Path) -> String {
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            text.push_str(&String::from_utf8_lossy(&fs::read(entry.path()).unwrap()));
        }
    }
    text
}

#[test]
fn passwords_open_encrypted_pdfs_and_are_never_written_or_printed() {
    let dir = tempfile::tempdir().unwrap();
    let encrypted = util::fixture("bad/encrypted-password.pdf");
    // The right password (see fixtures/README.md) after a wrong one.
    let passwords = dir.path().join("passwords.txt");
    fs::write(&passwords, "wrong-one\r\nsecreto\n").unwrap();
    let out = dir.path().join("out");
    let assert = planex()
        .args(["batch", "-o"])
        .arg(&out)
        .arg("--passwords-file")
        .arg(&passwords)
        .arg(&encrypted)
        .assert()
        .code(0);
    let lines = check_output_dir(&out);
    assert_eq!(lines[0]["document"]["source"]["pages"], 3, "{}", lines[0]);
    let printed = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!printed.contains("secreto") && !printed.contains("wrong-one"));
    let written = everything_written(&out);
    assert!(!written.contains("secreto") && !written.contains("wrong-one"));

    // Wrong passwords only: an `encrypted` record that names none of them.
    let out = dir.path().join("wrong");
    let assert = planex()
        .args(["batch", "-o"])
        .arg(&out)
        .args(["--password", "not-it", "--password", "nor-this"])
        .arg(&encrypted)
        .assert()
        .code(1);
    let lines = check_output_dir(&out);
    assert_eq!(lines[0]["error"]["kind"], "encrypted");
    let printed = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let written = everything_written(&out);
    for password in ["not-it", "nor-this"] {
        assert!(!printed.contains(password) && !written.contains(password));
    }

    let assert = planex()
        .args(["extract", "--compact", "--password", "secreto"])
        .arg(&encrypted)
        .assert()
        .code(0);
    assert!(!String::from_utf8_lossy(&assert.get_output().stdout).contains("secreto"));
}

/// The batch's workers get the whole configuration: `--fallback` reaches them.
#[test]
fn batch_takes_the_fallback_to_its_workers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    planex()
        .env("PATH", "")
        .args(["batch", "--quiet", "--fallback", "pdftotext", "-o"])
        .arg(&out)
        .arg(util::fixture("bad/page-without-mediabox.pdf"))
        .assert()
        .code(0);
    let lines = check_output_dir(&out);
    let codes: Vec<&str> = lines[0]["document"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"read.fallback_failed"), "{codes:?}");
}

#[test]
fn max_bytes_takes_a_size_with_a_unit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    planex()
        .args(["batch", "--quiet", "--max-bytes", "1KiB", "-o"])
        .arg(&out)
        .arg(util::fixture("pdf"))
        .assert()
        .code(1);
    let lines = check_output_dir(&out);
    assert!(lines
        .iter()
        .all(|line| line["error"]["kind"] == "too_large"));
    planex()
        .args(["extract", "--max-bytes", "256MiB"])
        .arg(util::fixture("bad/latin1.txt"))
        .assert()
        .code(0);
}
