"""The learner side, with real rendering and signing: "Chứng nhận của tôi", downloads (only the
owner's; byte-identical to the stored file), the confirmation from the record, revocation and
re-issue, and the transcript (PDF and XLSX) with tiết per year."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates import issuance
from certificates.models import Certificate, CertificateEvent
from training.models import TrainingCredit

from .core_fixtures import *  # noqa: F403 (fixtures)
from .core_fixtures import sha256
from .pdf_tools import decode_qr, pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, course, complete):
    return Certificate.objects.get(enrolment=complete(learner, course))


def test_my_certificates_lists_and_downloads_the_stored_file(client_for, learner, certificate):
    client = client_for(learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.serial in page and "Hợp lệ" in page
    assert reverse("certificates:download", args=[certificate.serial]) in page
    home = client.get(reverse("courses:my-courses")).content.decode()
    assert 'href="/hoc-tap/chung-nhan/"' in home  # in the learner navigation

    first = b"".join(client.get(reverse("certificates:download", args=[certificate.serial])))
    again = client.get(reverse("certificates:download", args=[certificate.serial]))
    assert again["Content-Type"] == "application/pdf"
    assert b"".join(again) == first  # a lost certificate is re-downloaded byte-identical
    assert sha256(first) == certificate.sha256
    assert first.startswith(b"%PDF")
    assert decode_qr(first) == [certificate.verification_url]
    assert certificate.serial in pdftotext(first)


def test_other_people_get_404(client_for, learner_b, manager_a, certificate):
    for user in (learner_b, manager_a):
        client = client_for(user)
        for name in ("download", "confirmation", "open-badge"):
            response = client.get(reverse(f"certificates:{name}", args=[certificate.serial]))
            assert response.status_code == 404, (user, name)
    anonymous = __import__("django.test", fromlist=["Client"]).Client()
    response = anonymous.get(reverse("certificates:download", args=[certificate.serial]))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_pending_certificate_says_being_made(client_for, learner, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.PENDING)
    page = client_for(learner).get(reverse("certificates:mine")).content.decode()
    assert "Đang tạo chứng nhận…" in page
    assert '<meta http-equiv="refresh"' in page  # no JavaScript needed
    response = client_for(learner).get(reverse("certificates:download", args=[certificate.serial]))
    assert response.status_code == 404


def test_confirmation_is_generated_from_the_record(client_for, learner, certificate):
    response = client_for(learner).get(
        reverse("certificates:confirmation", args=[certificate.serial])
    )
    text = pdftotext(b"".join(response))
    assert response["Content-Type"] == "application/pdf"
    assert "XÁC NHẬN" in text.upper()
    assert certificate.snapshot["full_name"] in text


def test_revoke_needs_a_reason_and_reissue_links_the_new_serial(
    learner, certificate, home_affairs, client_for
):
    with pytest.raises(ValidationError):
        issuance.revoke(certificate, by=home_affairs, reason="  ")
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked

    new = issuance.reissue(certificate, by=home_affairs, reason="Sai ngày sinh")
    old = Certificate.objects.get(pk=certificate.pk)
    assert old.is_revoked and old.revoked_by == home_affairs
    assert old.revoked_reason == "Sai ngày sinh"
    assert new.replaces == old and new.serial != old.serial
    assert new.status == Certificate.Status.ISSUED and new.file
    assert new.verification_code != old.verification_code
    events = set(CertificateEvent.objects.values_list("action", "actor", "reason"))
    assert ("revoked", home_affairs.pk, "Sai ngày sinh") in events
    assert ("reissued", home_affairs.pk, "Sai ngày sinh") in events
    page = client_for(learner).get(reverse("certificates:mine")).content.decode()
    assert "Đã thu hồi" in page and old.serial in page and new.serial in page


def test_transcript_pdf_and_xlsx(client_for, learner, certificate):
    from openpyxl import load_workbook

    TrainingCredit.objects.create(
        user=learner,
        source=TrainingCredit.Source.CLASS,
        title="Lớp bồi dưỡng kỹ năng số",
        tiet=Decimal("8"),
        date=datetime.date(2025, 5, 10),
    )
    client = client_for(learner)
    xlsx = client.get(reverse("certificates:transcript", args=["xlsx"]))
    book = load_workbook(io.BytesIO(b"".join(xlsx)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Năm", "Ngày", "Nội dung bồi dưỡng")
    titles = {row[2]: row for row in rows[1:]}
    assert titles["Lớp bồi dưỡng kỹ năng số"][4] == 8
    assert titles[certificate.snapshot["course_title"]][5] == certificate.serial
    totals = {row[0]: row[1] for row in book.worksheets[1].iter_rows(values_only=True)}
    assert totals[2025] == 8
    assert totals[certificate.year] == 2.5

    pdf = b"".join(client.get(reverse("certificates:transcript", args=["pdf"])))
    text = pdftotext(pdf)
    assert "Lớp bồi dưỡng kỹ năng số" in text
    assert certificate.serial in text
