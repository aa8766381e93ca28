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

/// A tree with every kind of entry issue 14 found trouble with, and the
/// Latin-1 names of old archives: two files whose names differ only in one
/// non-UTF-8 byte (both `plan-\u{fffd}.txt` once lossily decoded).
#[cfg(unix)]
fn hostile_tree(root: &std::path::Path) {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    fs::create_dir_all(root.join("locked")).unwrap();
    fs::write(root.join("locked/inside.md"), "# WORK PLAN 2019\n\nLocked.").unwrap();
    fs::write(root.join("ok.md"), "# WORK PLAN 2019\n\nFine.").unwrap();
    for (byte, year) in [(0xe9u8, 2019), (0xe8, 2020)] {
        let mut name = b"plan-".to_vec();
        name.push(byte);
        name.extend_from_slice(b".txt");
        fs::write(
            root.join(OsStr::from_bytes(&name)),
            format!("WORK PLAN {year}\n\nThe secretariat meets."),
        )
        .unwrap();
    }
    std::os::unix::fs::symlink(root.join("nowhere.pdf"), root.join("gone.pdf")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(root.join("b.md"))
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
}

/// `planex`, run as an unprivileged user when the tests run as root (a
/// directory with mode 000 is readable by root), or `None` when that is not
/// possible here. The binary is copied into `dir` (open to every user) first:
/// the checkout may lie under a directory the unprivileged user cannot
/// enter, and the batch's workers re-execute the binary.
#[cfg(unix)]
fn planex_unprivileged(dir: &std::path::Path) -> Option<assert_cmd::Command> {
    let root = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&root.stdout).trim() != "0" {
        return Some(planex());
    }
    let probe = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status();
    if !probe.is_ok_and(|status| status.success()) {
        println!("skipping the unreadable directory: running as root without setpriv");
        return None;
    }
    let binary = dir.join("planex");
    fs::copy(assert_cmd::cargo::cargo_bin("planex"), &binary).ok()?;
    // A child forked by another test thread while the copy was open for
    // writing holds that descriptor until it executes, and the kernel
    // refuses to run a file open for writing (`Text file busy`): wait until
    // the copy runs.
    let unprivileged = || {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if !(0..50).any(|attempt| {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        unprivileged()
    }) {
        println!("skipping the unreadable directory: the copied binary does not run unprivileged");
        return None;
    }
    let mut command = assert_cmd::Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(binary);
    Some(command)
}

#[cfg(unix)]
#[test]
fn a_hostile_tree_gives_a_record_for_every_entry_and_nothing_hangs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let archive = dir.path().join("archive");
    hostile_tree(&archive);
    let Some(mut planex) = planex_unprivileged(dir.path()) else {
        return;
    };
    fs::set_permissions(archive.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = dir.path().join("out");
    let assert = planex
        .args(["batch", "--jobs", "2", "-o"])
        .arg(&out)
        .arg(&archive)
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .code(1);
    let _ = fs::set_permissions(archive.join("locked"), fs::Permissions::from_mode(0o755));
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(
            "3 converted, 0 failed, 3 skipped (1 unreadable, 1 broken link, 1 special file)"
        ),
        "{stderr}"
    );
    for name in ["locked", "gone.pdf", "b.md"] {
        assert!(
            stderr.contains(&format!("{name}: ")),
            "{name} not reported: {stderr}"
        );
    }
    let lines = check_output_dir(&out);
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let skipped = &summary["skipped"];
    assert_eq!(
        (
            &skipped["unreadable"],
            &skipped["broken_links"],
            &skipped["special_files"]
        ),
        (&1.into(), &1.into(), &1.into()),
        "{skipped}"
    );
    assert_eq!(skipped["entries"].as_array().unwrap().len(), 3);
    // The two Latin-1 names: two documents, two files, two distinct records.
    let escaped: Vec<&str> = lines
        .iter()
        .filter_map(|line| line["input_escaped"].as_str())
        .collect();
    assert_eq!(escaped.len(), 2, "{lines:?}");
    assert!(escaped[0].ends_with("plan-\\xE8.txt") && escaped[1].ends_with("plan-\\xE9.txt"));
    let periods: Vec<&str> = lines
        .iter()
        .filter(|line| line["input_escaped"].is_string())
        .map(|line| line["document"]["period"]["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        periods,
        ["2020", "2019"],
        "each file read under its own name"
    );
    let documents = fs::read_dir(&out)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.as_encoded_bytes().starts_with(b"plan-")
        })
        .count();
    assert_eq!(documents, 2, "two names, two output files");
}

#[test]
fn the_output_directory_is_never_an_input_whatever_the_glob() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    fs::write(archive.join("a.md"), "# WORK PLAN 2019\n\nFine.").unwrap();
    // The output directory is the input: refused before anything is written.
    let assert = planex()
        .args(["batch", "--quiet", "--glob", "**", "-o"])
        .arg(&archive)
        .arg(&archive)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("inside the output directory"), "{stderr}");
    assert!(!archive.join("documents.jsonl").exists());
    // Inside the input: twice, and the second run still sees one input.
    let out = archive.join("out");
    for _ in 0..2 {
        planex()
            .args(["batch", "--quiet", "--glob", "**", "-o"])
            .arg(&out)
            .arg(&archive)
            .assert()
            .code(0);
        assert_eq!(check_output_dir(&out).len(), 1);
    }
}

/// SIGKILL leaves temporary files; the next batch into the directory (here
/// with `--resume`) removes them and ends byte-identical to a clean run.
#[cfg(unix)]
#[test]
fn after_sigkill_the_next_batch_cleans_up_and_matches_a_clean_run() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("inputs.txt");
    let docs: Vec<String> = crate::batch::fixture_docs()
        .iter()
        .map(|name| util::fixture("docs").join(name).display().to_string())
        .collect();
    let repeated: Vec<&str> = (0..20)
        .flat_map(|_| docs.iter().map(String::as_str))
        .collect();
    fs::write(&list, repeated.join("\n")).unwrap();
    let killed = dir.path().join("killed");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("planex"))
        .args(["batch", "--jobs", "2", "--quiet", "--files-from"])
        .arg(&list)
        .arg("--out")
        .arg(&killed)
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    // Killed as soon as its first temporary file exists: mid-run, since
    // converting hundreds of inputs takes far longer than starting.
    while !partials(&killed) {
        assert!(child.try_wait().unwrap().is_none(), "finished too early");
        assert!(std::time::Instant::now() < deadline, "never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "killed while running");
    assert!(
        partials(&killed),
        "a killed batch leaves its temporary files"
    );
    // Fixture docs may fail or convert: the exit code is the same for both runs.
    // The time limit is generous because a loaded machine running a debug build
    // can take longer than the default to convert one input, which would make
    // the two runs differ for a reason this test is not about.
    let run = |out: &std::path::Path, extra: &[&str]| {
        planex()
            .args([
                "batch",
                "--jobs",
                "2",
                "--quiet",
                "--timeout",
                "900",
                "--files-from",
            ])
            .arg(&list)
            .args(extra)
            .arg("--out")
            .arg(out)
            .output()
            .unwrap()
    };
    let clean = dir.path().join("clean");
    let resumed_run = run(&killed, &["--resume"]);
    let clean_run = run(&clean, &[]);
    assert_eq!(
        resumed_run.status.code(),
        clean_run.status.code(),
        "resumed run: {}\n{}\nclean run: {}\n{}",
        String::from_utf8_lossy(&resumed_run.stderr),
        failure_records(&killed),
        String::from_utf8_lossy(&clean_run.stderr),
        failure_records(&clean),
    );
    assert!(!partials(&killed));
    let reference = crate::batch::files(&clean);
    assert_eq!(crate::batch::files(&killed), reference);
    for file in reference
        .iter()
        .filter(|file| file.as_os_str() != "summary.json")
    {
        assert!(
            fs::read(clean.join(file)).unwrap() == fs::read(killed.join(file)).unwrap(),
            "{} differs",
            file.display()
        );
    }
}

/// The lines of a batch's `documents.jsonl` that record no converted document,
/// to show why two runs ended differently.
fn failure_records(out: &std::path::Path) -> String {
    fs::read_to_string(out.join("documents.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter(|line| {
            serde_json::from_str::<serde_json::Value>(line)
                .map_or(true, |record| record.get("error").is_some())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when some file under `dir` is a temporary `.partial` file.
fn partials(dir: &std::path::Path) -> bool {
    walkdir::WalkDir::new(dir).into_iter().any(|entry| {
        entry.is_ok_and(|entry| entry.file_name().to_string_lossy().ends_with(".partial"))
    })
}

/// Latin-1 names reach the batch through `--files-from` too, and through
/// `--in-process` as through the workers, each read under its own name.
#[cfg(unix)]
#[test]
fn latin1_names_from_a_list_convert_under_their_own_names() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let mut list = Vec::new();
    for (byte, year) in [(0xe9u8, 2019), (0xe8, 2020)] {
        let mut name = dir.path().as_os_str().as_bytes().to_vec();
        name.extend_from_slice(b"/plan-");
        name.push(byte);
        name.extend_from_slice(b".md");
        fs::write(
            OsStr::from_bytes(&name),
            format!("# WORK PLAN {year}\n\nThe secretariat meets."),
        )
        .unwrap();
        list.extend_from_slice(&name);
        list.push(b'\n');
    }
    fs::write(dir.path().join("list"), &list).unwrap();
    for flags in [&["--jobs", "2"][..], &["--in-process"][..]] {
        let out = dir.path().join(format!("out{}", flags.len()));
        planex()
            .args(["batch", "--quiet", "--files-from"])
            .arg(dir.path().join("list"))
            .args(flags)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(0);
        let lines = check_output_dir(&out);
        let periods: Vec<&str> = lines
            .iter()
            .map(|line| line["document"]["period"]["label"].as_str().unwrap())
            .collect();
        assert_eq!(periods, ["2019", "2020"], "{flags:?}");
        assert!(lines[0]["input_escaped"]
            .as_str()
            .unwrap()
            .ends_with("/plan-\\xE9.md"));
        let csv = fs::read_to_string(out.join("deliverables.csv")).unwrap();
        assert_eq!(csv.lines().count(), 1, "no deliverables, just the header");
    }
}
