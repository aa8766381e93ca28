"""Shared fixtures: the repository root and the planex CLI the package is compared with.

The CLI is `$PLANEX_BIN` (the Rust integration test tests/integration/python.rs sets it to
the binary cargo built), else `planex` on PATH, else target/debug/planex.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]


def fixture_files(*dirs: str) -> List[str]:
    """Files of fixtures/DIR..., relative to the root, sorted: the names the CLI is given."""
    return sorted(
        str(path.relative_to(ROOT))
        for directory in dirs
        for path in (ROOT / "fixtures" / directory).iterdir()
        if path.is_file()
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def planex_bin() -> str:
    candidates = [os.environ.get("PLANEX_BIN"), shutil.which("planex"), str(ROOT / "target" / "debug" / "planex")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    pytest.skip("no planex binary to compare with: build it (cargo build) or set PLANEX_BIN")


@pytest.fixture(scope="session")
def cli(planex_bin: str, root: Path):
    """Runs the planex CLI in the repository root; returns its standard output (bytes)."""

    def run(*args: str, stdin: bytes = b"", ok_codes=(0,)) -> bytes:
        done = subprocess.run([planex_bin, *args], cwd=root, input=stdin, capture_output=True, check=False)
        assert done.returncode in ok_codes, done.stderr.decode(errors="replace")
        return done.stdout

    return run
