"""examples/ray_batch.py on a local Ray (2 CPUs) writes planex batch's documents.jsonl."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

INPUTS = ["fixtures/docs", "fixtures/pdf", "fixtures/bad"]


def test_ray_recipe_writes_the_lines_of_planex_batch(cli, tmp_path):
    pytest.importorskip("ray.data", reason="ray[data] is not installed (pip install 'ray[data]')")
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


CRASHING_DRIVER = """
import os, sys
sys.path.insert(0, {examples!r})
import ray_batch

convert = ray_batch.convert_batch

def crash_on_one_file(batch, **kwargs):
    # Kills the Ray worker, as an abort in the PDF extractor would.
    if any("work-plan-2019.en" in path for path in batch["path"]):
        os._exit(3)
    return convert(batch, **kwargs)

ray_batch.convert_batch = crash_on_one_file
sys.exit(ray_batch.main(sys.argv[1:]))
"""


def test_a_worker_crash_is_a_record_and_the_job_goes_on(cli, tmp_path):
    pytest.importorskip("ray.data", reason="ray[data] is not installed (pip install 'ray[data]')")
    driver = tmp_path / "crashing_driver.py"
    driver.write_text(CRASHING_DRIVER.format(examples=str(ROOT / "examples")), encoding="utf-8")
    out = tmp_path / "ray"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "examples"), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(
        [sys.executable, str(driver), "fixtures/docs", str(out), "--num-cpus", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-4000:]
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    expected = cli("batch", "-q", "-o", "-", "--format", "jsonl", "fixtures/docs").decode("utf-8").splitlines()
    assert len(lines) == len(expected)
    for line, theirs in zip(lines, expected):
        if "work-plan-2019.en" in theirs.split(",", 1)[0]:
            record = json.loads(line)
            assert record["error"]["kind"] == "crashed", line
        else:
            assert line == theirs
