"""Every format, every kind of bad input: an ImportFileError or a result, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.ingest.formats import FORMATS, get_parser
from masthead.ingest.records import ImportFileError, ParseResult

BAD_INPUTS = {
    "empty": b"",
    "blank": b" \n\t ",
    "truncated xml": b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut',
    "external entity": (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>'
    ),
    "billion laughs": (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<r>&c;</r>"
    ),
    "json of the wrong shape": b'{"unexpected": [1, 2, 3]}',
    "json scalar": b"3.14",
    "binary": bytes(range(256)) * 4,
    "utf-16 without bom": "<rss><channel/></rss>".encode("utf-16-le"),
}
# The page parser accepts any text as a copied page, so only some inputs are errors for it.
PAGE_ACCEPTS = {"truncated xml", "json of the wrong shape", "json scalar", "utf-16 without bom"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_inputs_fail_clearly(fmt: str, name: str) -> None:
    parse = get_parser(fmt)
    try:
        result = parse(BAD_INPUTS[name])
    except ImportFileError as exc:
        assert exc.name == "<bytes>" and exc.reason
        assert "root:" not in str(exc)  # never the contents of /etc/passwd
        return
    assert isinstance(result, ParseResult)
    assert (fmt == "page" and name in PAGE_ACCEPTS) or not result.records, (fmt, name)


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: ghost, ninjs, page, rss, wix-csv, wxr"):
        get_parser("docx")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_arbitrary_bytes_never_crash(fmt: str, data: bytes) -> None:
    try:
        result = get_parser(fmt)(data)
    except ImportFileError:
        return
    assert isinstance(result, ParseResult)
