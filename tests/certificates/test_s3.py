"""Certificate files on S3-compatible object storage (django-storages) against moto's server
mode on loopback: a signed PDF stored through the storage API reads back byte-identical, stays
private (no public ACL, no unsigned URL), and the issue -> download path works against it."""

import hashlib
import socket

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from certificates import pdf, signing
from tests.certificates.core_fixtures import *  # noqa: F403 (course tree, complete)
from tests.certificates.sample_data import render_data

BUCKET = "ats-chung-nhan"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    server_module = pytest.importorskip("moto.server")
    pytest.importorskip("boto3")
    port = _free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_server, monkeypatch):
    """STORAGES["certificates"] pointed at a fresh bucket on the loopback server."""
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    existing = [b["Name"] for b in client.list_buckets().get("Buckets", [])]
    if BUCKET in existing:
        for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    else:
        client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "location": "certificates",
                "endpoint_url": s3_server,
                "access_key": "testing",
                "secret_key": "testing",
                "region_name": "us-east-1",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    storage = storages["certificates"]
    assert type(storage).__name__ == "S3Storage"
    return {"storage": storage, "client": client, "endpoint": s3_server}


@pytest.fixture(scope="module")
def signed_pdf():
    return signing.sign_pdf(pdf.render_certificate(render_data()))


def test_signed_pdf_round_trips_byte_identical(s3_storage, signed_pdf):
    storage = s3_storage["storage"]
    name = storage.save("2026/ATTT-2026-000123.pdf", ContentFile(signed_pdf))
    assert name == "2026/ATTT-2026-000123.pdf"
    with storage.open(name, "rb") as handle:
        back = handle.read()
    assert hashlib.sha256(back).hexdigest() == hashlib.sha256(signed_pdf).hexdigest()
    assert back == signed_pdf
    # Stored under the prefix of its own, in the bucket.
    keys = [o["Key"] for o in s3_storage["client"].list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == ["certificates/2026/ATTT-2026-000123.pdf"]


def test_stored_object_is_private_and_never_overwritten(s3_storage, signed_pdf):
    storage = s3_storage["storage"]
    name = storage.save("2026/ATTT-2026-000124.pdf", ContentFile(signed_pdf))
    acl = s3_storage["client"].get_object_acl(Bucket=BUCKET, Key=f"certificates/{name}")
    grantees = [g["Grantee"].get("URI", "") for g in acl["Grants"]]
    assert not any("AllUsers" in uri or "AuthenticatedUsers" in uri for uri in grantees)
    # The storage only hands out signed, expiring URLs.
    assert "Signature=" in storage.url(name) or "X-Amz-Signature=" in storage.url(name)
    # A second file of the same name gets a new name: an issued file is never replaced.
    second = storage.save("2026/ATTT-2026-000124.pdf", ContentFile(b"%PDF-1.4 khac"))
    assert second != name
    with storage.open(name, "rb") as handle:
        assert handle.read() == signed_pdf


@pytest.mark.django_db
def test_issue_then_download_through_the_view_against_s3(
    s3_storage, monkeypatch, learner, course, complete, client_for
):
    """A learner completes a course: the certificate is rendered, signed and stored in the
    bucket; the download view serves those very bytes, which verify."""
    from django.urls import reverse

    from certificates.models import Certificate, CertificateTemplate
    from certificates.verify import verify_pdf

    # The field's storage is bound when the model loads (from settings at start-up, as in
    # production with CERT_STORAGE=s3); point it at the loopback bucket for this test.
    monkeypatch.setattr(Certificate._meta.get_field("file"), "storage", s3_storage["storage"])
    CertificateTemplate.objects.create(
        name="Mẫu S3", signer_name="Trần Thị Bích", signer_title="PHÓ GIÁM ĐỐC"
    )
    enrolment = complete(learner, course)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.status == Certificate.Status.ISSUED, certificate.last_error
    key = f"certificates/{certificate.file.name}"
    stored = s3_storage["client"].get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == certificate.sha256

    response = client_for(learner).get(reverse("certificates:download", args=[certificate.serial]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == stored
    result = verify_pdf(body)
    assert result["valid"], result
