"""The address checked is the address connected to: DNS that answers a public address to the
check and the server's own address afterwards (rebinding) never reaches the server."""

from __future__ import annotations

import socket

import pytest

from masthead.ingest import fetch
from masthead.ingest.tests.conftest import REAL_CHECK_URL

PUBLIC = "93.184.216.34"


@pytest.fixture
def real_guard(monkeypatch, settings):
    monkeypatch.setattr(fetch, "_check_url", REAL_CHECK_URL)
    settings.MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS = False


@pytest.fixture
def rebinding_dns(monkeypatch):
    """A resolver that answers a public address first and 127.0.0.1 every time after."""
    answers: list[str] = []

    def resolve(host, port, *args, **kwargs):
        address = PUBLIC if not answers else "127.0.0.1"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return answers


@pytest.fixture
def connections(monkeypatch):
    """Where sockets connect; each is refused, so nothing leaves the machine."""
    seen: list[tuple] = []

    def connect(self, address):
        seen.append(address)
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_the_connection_goes_to_the_checked_address(real_guard, rebinding_dns, connections, scheme):
    with pytest.raises(fetch.FetchError, match="cannot connect"):
        fetch.fetch(f"{scheme}://rebind.example/feed.xml", timeout=1, max_bytes=1000)
    assert connections, "no connection was attempted"
    assert {address[0] for address in connections} == {PUBLIC}
    assert rebinding_dns == [PUBLIC]  # resolved once, for both the check and the connection


def test_a_name_that_resolves_to_loopback_is_refused_before_connecting(
    real_guard, connections, monkeypatch
):
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))
        ],
    )
    with pytest.raises(fetch.FetchError, match="private or local address"):
        fetch.fetch("http://rebind.example/", timeout=1, max_bytes=1000)
    assert connections == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254", "0.0.0.0",  # noqa: S104
        "224.0.0.1", "240.0.0.1", "100.64.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
    ],
)  # fmt: skip
def test_every_kind_of_local_address_is_refused(address):
    assert not fetch.is_public_address(address)


def test_public_addresses_pass():
    assert fetch.is_public_address(PUBLIC)
    assert fetch.is_public_address("2606:4700::1111")
