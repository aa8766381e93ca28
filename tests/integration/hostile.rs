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
