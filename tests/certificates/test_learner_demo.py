"""seed_demo gives the demo learner one completed course with its signed certificate (the demo
key), idempotently."""

from io import StringIO

import pytest
from django.core.management import call_command

from certificates.models import Certificate

from .pdf_tools import decode_qr, pdfsig_signature_valid

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_demo_learner_a_signed_certificate(client_for):
    call_command("seed_demo", stdout=StringIO())
    certificate = Certificate.objects.get(user__username="hocvien")
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.snapshot["course_title"]
    assert certificate.valid_until is not None  # the refresher is valid for 12 months
    stored = certificate.file.open("rb").read()
    assert pdfsig_signature_valid(stored)
    assert decode_qr(stored) == [certificate.verification_url]

    call_command("seed_demo", stdout=StringIO())  # idempotent
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().file.open("rb").read() == stored
    page = client_for(certificate.user).get("/hoc-tap/chung-nhan/").content.decode()
    assert certificate.serial in page
