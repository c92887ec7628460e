"""Reading a source file safely: bytes or a path in, bytes and a printable name out."""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path
from typing import Any

from masthead.ingest.records import ImportFileError

Source = str | os.PathLike[str] | bytes | bytearray

# A newsroom's whole archive as one WXR or Ghost file can be large, but not this large; a
# limit stops a mistaken path (a disk image, a video) from being read into memory.
MAX_BYTES = 512 * 1024 * 1024

_ENTITY_RE = re.compile(r"<!ENTITY", re.IGNORECASE)
_DOCTYPE_RE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
# The prolog ends where the first element starts (not a comment, PI or declaration).
_FIRST_ELEMENT_RE = re.compile(r"<[A-Za-z_]")


def source_name(source: Source) -> str:
    if isinstance(source, bytes | bytearray):
        return "<bytes>"
    return os.fspath(source)


def read_bytes(source: Source) -> bytes:
    """The source's bytes; an empty or unreadable file is an :class:`ImportFileError`."""
    name = source_name(source)
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ImportFileError(name, f"file is larger than {MAX_BYTES // 2**20} MB")
            data = path.read_bytes()
        except IsADirectoryError:
            raise ImportFileError(name, "is a directory, not a file") from None
        except FileNotFoundError:
            raise ImportFileError(name, "no such file") from None
        except OSError as exc:
            raise ImportFileError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ImportFileError(name, "the file is empty")
    return data


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: a BOM wins, then UTF-8, then Windows-1252 (old spreadsheet exports)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFileError(name, f"not valid {encoding.upper()} text: {exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ImportFileError(name, "binary data, not a text file")
    return data.decode("cp1252", errors="replace")


def load_json(source: Source) -> tuple[Any, str]:
    """Parse a JSON source; returns the value and the printable name."""
    name = source_name(source)
    text = decode_text(read_bytes(source), name)
    try:
        return json.loads(text), name
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            name, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ImportFileError(name, "JSON nested too deeply") from None


def xml_prolog(data: bytes) -> str:
    """The text before the root element, decoded well enough to look for declarations."""
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = head.decode("utf-32", errors="replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    elif head[:4] in (b"<\x00?\x00", b"<\x00\x00\x00"):
        text = head.decode("utf-16-le" if head[1:2] == b"\x00" and head[2:3] != b"\x00" else
                           "utf-32-le", errors="replace")  # fmt: skip
    elif head[:4] in (b"\x00<\x00?", b"\x00\x00\x00<"):
        text = head.decode("utf-16-be" if head[2:3] == b"\x00" else "utf-32-be", errors="replace")
    else:
        text = head.decode("latin-1")
    text = text.replace("\x00", "")
    match = _FIRST_ELEMENT_RE.search(text)
    return text[: match.start()] if match else text


def reject_entity_declarations(data: bytes, name: str, *, allow_doctype: bool = True) -> None:
    """Refuse XML that declares entities (XXE, billion laughs) or, if asked, any DOCTYPE.

    Expat and libxml2 have their own limits, but refusing the declaration outright gives one
    clear message for every parser and every version of those libraries.
    """
    prolog = xml_prolog(data)
    if _ENTITY_RE.search(prolog):
        raise ImportFileError(name, "entity declarations are not allowed")
    if not allow_doctype and _DOCTYPE_RE.search(prolog):
        raise ImportFileError(name, "a DOCTYPE declaration is not allowed in this format")
