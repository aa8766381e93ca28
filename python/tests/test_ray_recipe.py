"""examples/ray_batch.py on a local Ray (2 CPUs) writes planex batch's documents.jsonl."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

INPUTS = ["fixtures/docs", "fixtures/pdf", "fixtures/bad"]


def test_ray_recipe_writes_the_lines_of_planex_batch(cli, tmp_path):
    pytest.importorskip("ray", reason="ray is not installed (pip install 'ray[data]')")
    ray_out, batch_out = tmp_path / "ray", tmp_path / "batch"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "ray_batch.py"), *INPUTS, str(ray_out), "--num-cpus", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # 1, as planex batch: fixtures/bad has inputs that fail.
    assert done.returncode == 1, done.stderr[-4000:]
    cli("batch", "-q", *INPUTS, "--out", str(batch_out), ok_codes=(1,))
    ours = (ray_out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    theirs = (batch_out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(theirs) >= 30
    assert len(ours) == len(theirs)
    for number, (line, expected) in enumerate(zip(ours, theirs), start=1):
        assert line == expected, f"line {number} differs"
    assert sum('"error":{"kind"' in line for line in ours) >= 5
    assert not (ray_out / "documents.jsonl.partial").exists()
