"""The README's DuckDB and Polars snippets run on `planex batch` output and count right."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections import Counter

import pytest

from conftest import ROOT


def readme_snippets():
    """The README's Python blocks that read planex-out/, keyed by the module they import."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    snippets = {}
    for block in blocks:
        if "planex-out/" in block:
            module = re.match(r"import (\w+)", block)
            assert module, block
            snippets[module.group(1)] = block
    return snippets


SNIPPETS = readme_snippets()


def test_the_readme_has_both_snippets():
    assert set(SNIPPETS) == {"duckdb", "polars"}


@pytest.fixture(scope="module")
def planex_out(cli, tmp_path_factory):
    work = tmp_path_factory.mktemp("readme")
    cli("batch", "-q", "fixtures/docs", "fixtures/pdf", "fixtures/bad", "--out", str(work / "planex-out"), ok_codes=(1,))
    return work


@pytest.mark.parametrize("module", sorted(SNIPPETS))
def test_readme_query_counts_statuses_per_action_line(module, planex_out, monkeypatch):
    pytest.importorskip(module, reason=f"{module} is not installed")
    monkeypatch.chdir(planex_out)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(compile(SNIPPETS[module], f"README.md ({module})", "exec"), namespace)
    assert "achieved" in printed.getvalue()
    statuses = namespace["statuses"]
    rows = statuses.fetchall() if hasattr(statuses, "fetchall") else statuses.rows()
    columns = list(statuses.columns)
    table = [dict(zip(columns, row)) for row in rows]
    with open(planex_out / "planex-out" / "deliverables.csv", encoding="utf-8", newline="") as file:
        deliverables = list(csv.DictReader(file))
    expected = Counter(row["status"] for row in deliverables)
    assert expected["achieved"] > 0
    for status in ("achieved", "in_progress", "not_developed"):
        assert sum(row[status] or 0 for row in table) == expected[status], status
    assert len(table) == len({(row["document"], row["line"]) for row in deliverables})
    assert all(row["title"] for row in table), "every action line has its title"
