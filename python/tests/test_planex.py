"""The planex package against the planex CLI: same documents, same error kinds, same schemas."""

from __future__ import annotations

import json
import os
import pathlib
import threading
import time

import pytest

import planex
from conftest import ROOT, fixture_files

DOCUMENTS = fixture_files("docs", "pdf")
BAD = fixture_files("bad")


def cli_json(document: dict) -> str:
    """A dict serialized the way the CLI writes JSON (serde_json, compact)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


@pytest.fixture(scope="module")
def cli_documents(cli):
    """`planex extract --compact` on every fixture document, by path."""
    lines = cli("extract", "--compact", *DOCUMENTS).decode("utf-8").splitlines()
    assert len(lines) == len(DOCUMENTS)
    return dict(zip(DOCUMENTS, lines))


@pytest.fixture(scope="module")
def batch_lines(cli):
    """`planex batch -o - --format jsonl` on docs, pdf and bad, by input."""
    out = cli("batch", "-q", "-o", "-", "--format", "jsonl", "fixtures/docs", "fixtures/pdf", "fixtures/bad", ok_codes=(0, 1))
    lines = out.decode("utf-8").splitlines()
    return {json.loads(line)["input"]: line for line in lines}


def test_fixtures_are_found():
    assert len(DOCUMENTS) >= 20 and len(BAD) >= 10


@pytest.mark.parametrize("path", DOCUMENTS)
def test_extract_is_the_cli_document_byte_for_byte(path, cli_documents, monkeypatch):
    monkeypatch.chdir(ROOT)
    text = planex.extract_json(path)
    assert text == cli_documents[path]
    document = planex.extract(path)
    assert cli_json(document) == cli_documents[path]


def test_bytes_are_named_like_standard_input(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    for path in ("fixtures/docs/work-plan-2019.es.md", "fixtures/pdf/work-plan-2019.es.reportlab.pdf"):
        data = pathlib.Path(path).read_bytes()
        expected = cli("extract", "--compact", "-", stdin=data).decode("utf-8").rstrip("\n")
        assert planex.extract_json(data) == expected
        assert planex.extract_json(bytearray(data)) == expected
        assert planex.extract_json(memoryview(data)) == expected
        named = planex.extract(data, name=path)
        assert named["source"]["path"] == path


def test_path_like_sources(monkeypatch):
    monkeypatch.chdir(ROOT)
    path = "fixtures/docs/annual-report-2023.es.md"
    assert planex.extract(pathlib.Path(path)) == planex.extract(path)


@pytest.mark.parametrize("path", BAD)
def test_failures_raise_the_batch_record_kind_and_message(path, batch_lines, monkeypatch):
    monkeypatch.chdir(ROOT)
    record = json.loads(batch_lines[path])
    if "error" not in record:
        assert planex.extract_json(path) == cli_json(record["document"])
        return
    kind, message = record["error"]["kind"], record["error"]["message"]
    with pytest.raises(planex.PlanexError) as raised:
        planex.extract(path)
    assert raised.value.kind == kind
    assert str(raised.value) == message
    assert type(raised.value) is planex.ERROR_KINDS[kind]
    assert type(raised.value).kind == kind


def test_bad_fixtures_give_several_kinds(batch_lines):
    kinds = {json.loads(line)["error"]["kind"] for line in batch_lines.values() if '"error":{' in line}
    assert {"empty", "encrypted", "no_pages", "unsupported_format"} <= kinds, kinds


@pytest.mark.parametrize("input", sorted(fixture_files("docs", "pdf", "bad")))
def test_batch_line_is_planex_batch_line(input, batch_lines, monkeypatch):
    monkeypatch.chdir(ROOT)
    data = pathlib.Path(input).read_bytes()
    assert planex.batch_line(input, data) == batch_lines[input]


def test_batch_inputs_are_planex_batch_inputs(batch_lines, monkeypatch):
    monkeypatch.chdir(ROOT)
    inputs = planex.batch_inputs(["fixtures/docs", "fixtures/pdf", "fixtures/bad"])
    assert inputs == list(batch_lines)


def test_missing_file_is_an_io_error(tmp_path):
    missing = tmp_path / "missing.pdf"
    with pytest.raises(planex.IoError) as raised:
        planex.extract(missing)
    assert raised.value.kind == "io"
    assert str(missing) in str(raised.value)


def test_bad_arguments_are_python_errors():
    with pytest.raises(ValueError, match="fallback"):
        planex.extract(b"WORK PLAN 2019", fallback="poppler")
    with pytest.raises(TypeError):
        planex.extract(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no schema"):
        planex.schema("nope")


@pytest.mark.parametrize("name", ["document", "batch-line", "summary", "pair"])
def test_schemas_are_the_cli_schemas(name, cli):
    assert planex.schema(name) == json.loads(cli("schema", name))


def test_default_schema_is_the_document_schema():
    assert planex.schema() == planex.schema("document")
    assert planex.schema()["$id"].startswith("urn:planex:schema:document:")


def test_version_is_the_cli_version(cli):
    assert cli("--version").decode().split() == ["planex", planex.__version__]
    assert planex.extract(b"WORK PLAN 2019\n\nThe network meets twice.")["planex_version"] == planex.__version__


def test_fallback_keyword_is_accepted(monkeypatch):
    monkeypatch.chdir(ROOT)
    path = "fixtures/pdf/work-plan-2019.en.reportlab.pdf"
    # pdf-extract reads this file, so the fallback is never tried and nothing changes.
    assert planex.extract_json(path, fallback="none") == planex.extract_json(path)
    assert planex.extract_json(path, fallback="pdftotext") == planex.extract_json(path)


def test_the_gil_is_released_while_converting():
    """A Python thread keeps running while another thread converts a large input."""
    text = (ROOT / "fixtures/docs/triennial-report-2018-2020.es.txt").read_bytes()
    data = text * 40
    ticks = 0
    stop = threading.Event()

    def ticker():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        time.sleep(0.05)
        before = ticks
        started = time.perf_counter()
        planex.extract_json(data)
        elapsed = time.perf_counter() - started
        during = ticks - before
    finally:
        stop.set()
        thread.join()
    assert elapsed > 0.05, f"conversion too quick to tell ({elapsed:.3f}s): use a larger input"
    # With the GIL held the ticker could not run at all during the call.
    assert during >= 10, f"only {during} ticks in {elapsed:.3f}s of conversion"


def test_types_ship_with_the_package():
    package = pathlib.Path(planex.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_planex.pyi").is_file()
    assert os.path.getsize(package / "_planex.pyi") > 0
