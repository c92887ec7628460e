"""Media on object storage, for real: moto's S3 server on 127.0.0.1 (a separate process
speaking S3 over HTTP), django-storages as the site's default storage. A photo is uploaded,
read back over HTTP with its renditions, and deleted with them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from io import BytesIO

import boto3
import pytest
from django.db import transaction
from PIL import Image

from masthead.testing.factories import make_photo

BUCKET = "newsroom-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {"access_key": "testing-key", "secret_key": "testing-secret"}


def _free_port() -> int:
    # A port the system hands out: both passes of `make test` may run this module at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(endpoint, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=BUCKET)
    # Readers' browsers fetch photos straight from the bucket (or its CDN): public reads, as
    # docs/deploy.md sets up; writes need the site's credentials.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    # The same options masthead/settings.py builds from MASTHEAD_S3_* (tested there).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
    }
    yield client
    for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client) -> set[str]:
    return {entry["Key"] for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1
        assert response.status == 200
        return response.read()


@pytest.mark.django_db(transaction=True)
def test_a_photo_goes_to_the_bucket_with_its_renditions_and_leaves_with_them(bucket, s3_endpoint):
    photo = make_photo()
    photo.refresh_from_db()
    assert photo.image.url.startswith(f"{s3_endpoint}/{BUCKET}/")
    original = _fetch(photo.image.url)
    assert original[:3] == b"\xff\xd8\xff"  # a JPEG, read back over HTTP

    renditions = photo.sized_renditions()
    assert renditions, "the test photo is wide enough for at least one rendition"
    for width, name in renditions:
        data = _fetch(photo.image.storage.url(name))
        assert data[:3] == b"\xff\xd8\xff"
        assert Image.open(BytesIO(data)).width == width
    assert photo.srcset.count(s3_endpoint) == len(renditions)
    expected = {photo.image.name, *(copy.name for copy in photo.copies)}
    assert {copy.shape for copy in photo.copies} == {"original", "16x9", "3x2", "1x1"}
    assert _keys(bucket) == expected

    with transaction.atomic():
        photo.delete()
    assert _keys(bucket) == set()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_delete_keeps_the_files(bucket):
    photo = make_photo()
    before = _keys(bucket)
    with pytest.raises(RuntimeError), transaction.atomic():
        photo.delete()
        raise RuntimeError("the editor's request failed")
    assert _keys(bucket) == before != set()
