"""planex: archived plan reports (PDF, text, Markdown) as normalized JSON documents.

``extract`` returns the document ``planex extract`` prints, as a dict; ``extract_json``
returns it as text, byte for byte what ``planex extract --compact`` prints (without the
newline). Conversion runs in Rust with the GIL released, so threads convert in parallel.

An input that cannot be converted raises a subclass of ``PlanexError`` whose ``kind`` is
the error kind of a ``planex batch`` error record (``"encrypted"``, ``"no_pages"``…) and
whose message is that record's message.

``batch_line`` and ``batch_inputs`` reproduce ``planex batch``'s ``documents.jsonl`` for
tools that read the files themselves (see ``examples/ray_batch.py``).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _planex
from ._planex import (
    CrashedError,
    EmptyError,
    EncryptedError,
    IoError,
    NoPagesError,
    PdfError,
    PlanexError,
    TooLargeError,
    UnsupportedFormatError,
)

__version__: str = _planex.__version__

__all__ = [
    "__version__",
    "extract",
    "extract_json",
    "schema",
    "batch_line",
    "batch_inputs",
    "ERROR_KINDS",
    "PlanexError",
    "IoError",
    "TooLargeError",
    "EmptyError",
    "UnsupportedFormatError",
    "EncryptedError",
    "PdfError",
    "NoPagesError",
    "CrashedError",
]

Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"]

#: Exception class of each error kind ``extract`` can raise. A batch record may also have
#: ``timeout``, ``memory_limit`` or ``worker_error`` (from ``planex batch``'s worker
#: processes); were one raised, it would be a ``PlanexError`` with that ``kind``.
ERROR_KINDS: Dict[str, type] = {
    cls.kind: cls
    for cls in (
        IoError,
        TooLargeError,
        EmptyError,
        UnsupportedFormatError,
        EncryptedError,
        PdfError,
        NoPagesError,
        CrashedError,
    )
}


def extract_json(source: Source, *, fallback: Optional[str] = None, name: str = "-") -> str:
    """The document of ``source`` as JSON text, as ``planex extract --compact`` prints it.

    ``source`` is a path (``str`` or ``os.PathLike``) or the file's content (``bytes``,
    ``bytearray``, ``memoryview``); content is named ``name`` in ``source.path`` and in
    messages (default ``"-"``, as ``planex extract -`` names standard input).
    ``fallback`` is ``None``/``"none"`` or ``"pdftotext"`` (``--fallback``).

    Raises a ``PlanexError`` subclass when the input cannot be converted.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _planex.extract_bytes_json(bytes(source), name, fallback=fallback)
    if isinstance(source, (str, os.PathLike)):
        return _planex.extract_path_json(os.fspath(source), fallback=fallback)
    raise TypeError(f"source must be bytes or a path, not {type(source).__name__}")


def extract(source: Source, *, fallback: Optional[str] = None, name: str = "-") -> Dict[str, Any]:
    """The document of ``source`` as a dict (see ``extract_json`` for the arguments).

    The dict is parsed from the very text ``extract_json`` returns, so
    ``json.dumps(doc, ensure_ascii=False, separators=(",", ":"))`` gives the CLI's bytes.
    """
    return json.loads(extract_json(source, fallback=fallback, name=name))


def schema(name: str = "document") -> Dict[str, Any]:
    """The JSON Schema ``planex schema NAME`` prints: ``document``, ``batch-line``,
    ``summary`` or ``pair``."""
    return json.loads(_planex.schema_json(name))


def batch_line(input: str, data: bytes, *, fallback: Optional[str] = None) -> str:
    """The ``documents.jsonl`` line (without newline) ``planex batch`` writes for the input
    named ``input`` whose content is ``data``: ``{"input": …, "document": {…}}`` or
    ``{"input": …, "error": {"kind": …, "message": …}}``. Never raises for a bad input."""
    return _planex.batch_line(input, bytes(data), fallback=fallback)


def batch_inputs(roots: Sequence[Union[str, "os.PathLike[str]"]]) -> List[str]:
    """The inputs ``planex batch ROOT...`` converts, in its order and named as it names
    them (directories walked in name order, hidden entries and other extensions skipped)."""
    return _planex.batch_inputs([os.fspath(root) for root in roots])
