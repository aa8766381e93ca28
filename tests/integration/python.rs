//! The Python package: builds the wheel (maturin, debug) into a fresh virtualenv and runs
//! pytest on `python/tests` (documents byte-identical to the CLI's, error kinds, schemas,
//! the GIL, and the Ray Data recipe against `planex batch`).
//!
//! Building the wheel takes minutes on a fresh machine, so the test runs only when asked:
//! `PLANEX_PYTHON_TESTS=1 cargo test --locked --test integration python` (otherwise it
//! prints how to run it). It skips, saying why, without python3, maturin or pytest.
//! `.ci/run` installs them and runs it with `PLANEX_REQUIRE_PYTHON=1`, which also asks for
//! it and turns every skip (here or in pytest) into a failure.

use std::path::Path;
use std::process::{Command, Output};

use crate::util;

fn required() -> bool {
    std::env::var_os("PLANEX_REQUIRE_PYTHON").is_some_and(|value| value == "1")
}

fn asked() -> bool {
    required() || std::env::var_os("PLANEX_PYTHON_TESTS").is_some_and(|value| value == "1")
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Runs `command`; panics with its output when it fails.
fn run(command: &mut Command, what: &str) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("{what}: cannot start: {err}"));
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Why the Python tests cannot run here, if they cannot.
fn missing_tools() -> Option<String> {
    let probe = Command::new(python())
        .args(["-c", "import maturin, pytest, venv"])
        .output();
    match probe {
        Err(err) => Some(format!("{} is not runnable ({err})", python())),
        Ok(output) if !output.status.success() => Some(format!(
            "maturin or pytest is missing ({}); `pip install maturin pytest` to run them",
            String::from_utf8_lossy(&output.stderr).trim()
        )),
        Ok(_) => None,
    }
}

#[test]
fn python_package_builds_and_its_tests_pass() {
    if !asked() {
        println!(
            "skipping the Python package tests: they build the wheel (minutes); run them with \
             `PLANEX_PYTHON_TESTS=1 cargo test --locked --test integration python`"
        );
        return;
    }
    if let Some(reason) = missing_tools() {
        assert!(!required(), "PLANEX_REQUIRE_PYTHON=1 but {reason}");
        println!("skipping the Python package tests: {reason}");
        return;
    }
    let root = util::root();
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let venv = scratch.path().join("venv");
    let wheels = scratch.path().join("wheels");
    // Site packages stay visible: pytest, ray and duckdb come from the machine; the
    // virtualenv only holds the freshly built planex.
    run(
        Command::new(python())
            .args(["-m", "venv", "--system-site-packages"])
            .arg(&venv),
        "python3 -m venv",
    );
    let venv_python = venv.join("bin").join("python");
    // Its own target directory: this test runs while cargo holds the lock on the main one.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-target");
    run(
        Command::new(python())
            .args([
                "-m",
                "maturin",
                "build",
                "--locked",
                "--quiet",
                "--manifest-path",
            ])
            .arg(root.join("python").join("Cargo.toml"))
            .arg("--out")
            .arg(&wheels)
            .arg("--interpreter")
            .arg(&venv_python)
            .env("CARGO_TARGET_DIR", &target),
        "maturin build",
    );
    let wheel = std::fs::read_dir(&wheels)
        .expect("maturin wrote the wheel directory")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "whl"))
        .expect("maturin built a wheel");
    run(
        Command::new(&venv_python)
            .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-deps"])
            .arg(&wheel),
        "pip install the wheel",
    );
    let output = Command::new(&venv_python)
        .args(["-m", "pytest", "-p", "no:cacheprovider", "-rs"])
        .arg(root.join("python").join("tests"))
        .current_dir(root)
        .env("PLANEX_BIN", env!("CARGO_BIN_EXE_planex"))
        .output()
        .expect("pytest runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    // pytest exits 5 when it collects no test: that is a failure too.
    assert!(output.status.success(), "pytest failed ({})", output.status);
    let summary = stdout.lines().last().unwrap_or_default();
    let passed = summary
        .split(|c: char| !c.is_ascii_alphanumeric())
        .collect::<Vec<_>>()
        .windows(2)
        .find(|pair| pair[1] == "passed")
        .and_then(|pair| pair[0].parse::<u32>().ok())
        .unwrap_or(0);
    assert!(passed >= 20, "only {passed} pytest tests passed: {summary}");
    assert!(
        !(required() && summary.contains("skipped")),
        "PLANEX_REQUIRE_PYTHON=1 but some pytest tests skipped: {summary}"
    );
}
