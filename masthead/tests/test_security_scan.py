"""The short version of `make security-scan`: wapiti's http_headers, csp and cookieflags
modules against a production-settings server with the demo newsroom, in well under 90 s.
The full scan (with xss) is `make security-scan`; its last result is in docs/security.md."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from masthead.testing import security_scan
from masthead.testing.security_scan import ACCEPTED, findings

# Its servers run on SQLite files of their own, whatever database the suite is on: once, in the
# SQLite pass of `make test`, is enough.
pytestmark = pytest.mark.own_databases

DOCS = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def _report(*items: tuple[str, str]) -> dict:
    vulnerabilities: dict[str, list] = {}
    for category, info in items:
        vulnerabilities.setdefault(category, []).append(
            {"method": "GET", "path": "/", "info": info, "level": 1}
        )
    return {"vulnerabilities": vulnerabilities, "anomalies": {"Internal Server Error": []}}


def test_a_finding_outside_the_accepted_list_is_not_accepted():
    found = findings(
        _report(
            ("HTTP Secure Headers", "X-XSS-Protection is not set"),
            ("HTTP Secure Headers", "X-Frame-Options is not set"),
            ("Cross Site Scripting", "XSS vulnerability found via injection in the parameter q"),
            ("HttpOnly Flag cookie", "HttpOnly flag is not set in the cookie : sessionid"),
        )
    )
    assert [finding.accepted() is not None for finding in found] == [True, False, False, False]


def test_every_accepted_exception_is_documented_with_its_reason():
    docs = DOCS.read_text()
    section = docs[docs.index("### Accepted exceptions") :]
    for rule in ACCEPTED:
        assert f"{rule.category}: {rule.info}" in section, rule


@pytest.mark.scan
def test_a_production_server_has_no_header_csp_or_cookie_findings_beyond_the_accepted(
    tmp_path,
):
    if shutil.which("wapiti") is None:
        pytest.fail("wapiti is not installed: run `make wapiti` (Debian's package).")
    report = tmp_path / "wapiti.json"
    rest = security_scan.scan(
        # Headers, CSP and cookies are the same on every page: a shallow crawl is enough.
        modules="http_headers,csp,cookieflags",
        max_scan_time=10,
        port=0,
        report=report,
        depth=2,
    )
    assert report.exists()
    assert rest == [], "\n".join(str(finding) for finding in rest)
    # The scan really looked: wapiti's csrftoken cookie finding (accepted) needs a response.
    every = findings(json.loads(report.read_text()))
    assert any(finding.accepted() for finding in every)
