#!/usr/bin/env python3
"""planex on a Ray cluster: IN_DIR... -> OUT_DIR/documents.jsonl, as `planex batch` writes it.

    python examples/ray_batch.py IN_DIR [IN_DIR...] OUT_DIR [--address ADDR] [--num-cpus N]
                                 [--fallback pdftotext] [--wheel planex-*.whl]

The inputs are the files `planex batch IN_DIR...` would convert, in its order
(`planex.batch_inputs`). Ray Data reads them (`read_binary_files`), `map_batches`
converts them with the `planex` wheel on the cluster's CPUs, and the driver writes
`OUT_DIR/documents.jsonl`: one line per input, in input order, each identical to the
line `planex batch IN_DIR... --out OUT_DIR` writes for the same file. A file planex cannot
convert is an error record (`{"input": …, "error": {"kind": …, "message": …}}`), never an
exception: a conversion that kills its Ray worker process is tried twice more, then written
as a `crashed` record while the job goes on. Unlike `planex batch`, no time or memory limit
applies per file (no `timeout` / `memory_limit` records): Ray's workers are the isolation.

Without --address, Ray starts on this machine (--num-cpus, default all cores). With
`--address auto` (or `ray://HEAD:10001`) it joins a running cluster: every node needs the
planex wheel, installed there or shipped with `--wheel` (Ray's runtime_env `py_modules`),
and IN_DIR must be readable by every node (a shared file system), or be a URI Ray Data
reads (`s3://…`) — then use `planex.batch_line` directly, as below.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Dict, List, Optional

import numpy as np
import ray

import planex


def convert_batch(batch: Dict[str, np.ndarray], names: Dict[str, str], order: Dict[str, int],
                  fallback: Optional[str]) -> Dict[str, np.ndarray]:
    """Ray Data batch (columns `bytes`, `path`) -> columns `index`, `line`."""
    indexes: List[int] = []
    lines: List[str] = []
    for data, path in zip(batch["bytes"], batch["path"]):
        key = _key(path)
        indexes.append(order[key])
        lines.append(planex.batch_line(names[key], data, fallback=fallback))
    return {"index": np.array(indexes, dtype=np.int64), "line": np.array(lines, dtype=object)}


def _key(path: str) -> str:
    """How Ray Data's `path` column and our inputs meet: the absolute, resolved path."""
    return os.path.realpath(path)


def crashed_line(name: str) -> str:
    """The record of an input whose conversion killed its Ray worker every time."""
    error = {"kind": "crashed", "message": f"{name}: the Ray worker converting it died"}
    return json.dumps({"input": name, "error": error}, ensure_ascii=False, separators=(",", ":"))


def run(in_dirs: List[str], out_dir: str, fallback: Optional[str]) -> int:
    """Converts every input; returns how many records are failures."""
    names = planex.batch_inputs(in_dirs)
    order = {_key(name): index for index, name in enumerate(names)}
    by_key = {_key(name): name for name in names}
    lines: List[Optional[str]] = [None] * len(names)
    if names:
        context = ray.data.DataContext.get_current()
        # A block whose task failed after Ray's retries (the worker died in the extractor)
        # is dropped instead of failing the job; its inputs get `crashed` records below.
        context.max_errored_blocks = -1
        dataset = ray.data.read_binary_files(
            [os.path.realpath(name) for name in names],
            include_paths=True,
            # One file per block, so that a crash costs one input.
            override_num_blocks=len(names),
        )
        converted = dataset.map_batches(
            convert_batch,
            fn_kwargs={"names": by_key, "order": order, "fallback": fallback},
            batch_format="numpy",
            batch_size=1,
            # Ray Data retries a task whose worker died forever by default; a file that
            # crashes the extractor would never let the job end.
            max_retries=2,
        )
        for row in converted.iter_rows():
            lines[int(row["index"])] = str(row["line"])
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, "documents.jsonl")
    partial = target + ".partial"
    failed = 0
    with open(partial, "w", encoding="utf-8", newline="\n") as out:
        for name, line in zip(names, lines):
            if line is None:
                line = crashed_line(name)
            failed += "error" in json.loads(line)
            out.write(line)
            out.write("\n")
    os.replace(partial, target)
    return failed


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("in_dirs", nargs="+", metavar="IN_DIR", help="files or directories, as for planex batch")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="where documents.jsonl goes")
    parser.add_argument("--address", help="Ray cluster to join (auto, ray://HEAD:10001); default: a local Ray")
    parser.add_argument("--num-cpus", type=int, help="CPUs of the local Ray (without --address)")
    parser.add_argument("--fallback", choices=["none", "pdftotext"], help="second PDF backend, as planex's --fallback")
    parser.add_argument("--wheel", help="planex wheel to ship to the cluster's workers (runtime_env py_modules)")
    args = parser.parse_args(argv)
    runtime_env = {"py_modules": [os.path.abspath(args.wheel)]} if args.wheel else None
    if args.address:
        ray.init(address=args.address, runtime_env=runtime_env)
    else:
        ray.init(num_cpus=args.num_cpus, include_dashboard=False, runtime_env=runtime_env)
    try:
        failed = run(args.in_dirs, args.out_dir, args.fallback)
    finally:
        ray.shutdown()
    print(f"ray_batch: {failed} failure record(s) in {os.path.join(args.out_dir, 'documents.jsonl')}", file=sys.stderr)
    # As planex batch: 1 when some input failed.
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
