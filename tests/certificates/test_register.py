"""The register in the Wagtail admin: scoped through lms.org.access (a ward's manager sees the
ward's certificates only, others' are 404), filters, counts per unit, XLSX/CSV through the one
export writer (logged), the background ZIP of stored PDFs, revoke and re-issue with a reason."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateEvent, CertificateExport

from .core_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

INDEX = "/admin/so-cap-chung-nhan/"


@pytest.fixture
def two(learner, learner_b, course, complete, quick_files):
    a = Certificate.objects.get(enrolment=complete(learner, course))
    b = Certificate.objects.get(enrolment=complete(learner_b, course))
    return a, b


def test_menu_and_scope(client_for, manager_a, manager_b, home_affairs, learner, trainer, two):
    a, b = two
    page = client_for(manager_a).get(INDEX)
    body = page.content.decode()
    assert page.status_code == 200
    assert a.serial in body and b.serial not in body
    assert INDEX in client_for(manager_a).get("/admin/").content.decode()  # the menu item
    assert client_for(manager_a).get(f"{INDEX}{b.serial}/").status_code == 404
    assert client_for(manager_a).get(f"{INDEX}{b.serial}/tep/").status_code == 404
    assert client_for(manager_b).get(f"{INDEX}{a.serial}/").status_code == 404
    everyone = client_for(home_affairs).get(INDEX).content.decode()
    assert a.serial in everyone and b.serial in everyone
    assert client_for(trainer).get(INDEX).status_code == 403
    assert INDEX not in client_for(trainer).get("/admin/").content.decode()


def test_filters_and_counts_per_unit(client_for, home_affairs, two, ward_a):
    a, b = two
    client = client_for(home_affairs)
    body = client.get(INDEX, {"unit": ward_a.pk}).content.decode()
    assert a.serial in body and b.serial not in body
    body = client.get(INDEX, {"status": "revoked"}).content.decode()
    assert a.serial not in body and b.serial not in body
    body = client.get(INDEX, {"year": a.year, "status": "valid"}).content.decode()
    assert a.serial in body and b.serial in body
    response = client.get(INDEX)
    per_unit = {row["unit_name"]: row["count"] for row in response.context["per_unit"]}
    assert per_unit == {a.unit_name: 1, b.unit_name: 1}


def test_exports_are_scoped_and_logged(client_for, manager_a, home_affairs, two):
    a, b = two
    response = client_for(manager_a).get(INDEX, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Số hiệu"
    assert [r[0] for r in rows[1:]] == [a.serial]
    from openpyxl import load_workbook

    xlsx = client_for(home_affairs).get(INDEX, {"export": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    serials = {row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert serials == {a.serial, b.serial}
    events = CertificateEvent.objects.filter(action=CertificateEvent.Action.EXPORTED)
    assert sorted((e.actor_id, e.detail["format"]) for e in events) == sorted(
        [(manager_a.pk, "csv"), (home_affairs.pk, "xlsx")]
    )


def test_bulk_zip_of_the_stored_pdfs(client_for, manager_a, two, ward_a):
    a, b = two
    client = client_for(manager_a)
    response = client.post(reverse("so-cap-chung-nhan:zip"), {"unit": ward_a.pk})
    assert response.status_code == 302
    export = CertificateExport.objects.get()
    assert export.status == CertificateExport.Status.DONE and export.count == 1
    download = client.get(reverse("so-cap-chung-nhan:zip-download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == [f"{a.serial}.pdf"]
    assert archive.read(f"{a.serial}.pdf") == a.file.open("rb").read()
    # Somebody else's ZIP is not theirs to download.
    assert (
        client.get(reverse("so-cap-chung-nhan:zip-download", args=[export.pk + 1])).status_code
        == 404
    )


def test_somebody_elses_zip_is_404(client_for, manager_a, home_affairs, two):
    client_for(home_affairs).post(reverse("so-cap-chung-nhan:zip"), {})
    export = CertificateExport.objects.get()
    response = client_for(manager_a).get(
        reverse("so-cap-chung-nhan:zip-download", args=[export.pk])
    )
    assert response.status_code == 404


def test_zip_needs_csrf(manager_a, two):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(manager_a)
    assert client.post(reverse("so-cap-chung-nhan:zip"), {}).status_code == 403
    assert not CertificateExport.objects.exists()


def test_revoke_with_a_reason_city_wide_only(client_for, manager_a, home_affairs, two):
    a, _b = two
    url = f"{INDEX}{a.serial}/"
    assert client_for(manager_a).post(url, {"action": "revoke", "reason": "x"}).status_code == 404
    assert not Certificate.objects.get(pk=a.pk).is_revoked
    client = client_for(home_affairs)
    refused = client.post(url, {"action": "revoke", "reason": " "})
    assert refused.status_code == 400 and "lý do" in refused.content.decode()
    assert not Certificate.objects.get(pk=a.pk).is_revoked
    assert client.post(url, {"action": "revoke", "reason": "Cấp nhầm"}).status_code == 302
    revoked = Certificate.objects.get(pk=a.pk)
    assert revoked.is_revoked and revoked.revoked_by == home_affairs
    assert revoked.revoked_reason == "Cấp nhầm"
    assert "Đã thu hồi" in client.get(url).content.decode()


def test_reissue_from_the_register(client_for, home_affairs, two):
    a, _b = two
    response = client_for(home_affairs).post(
        f"{INDEX}{a.serial}/", {"action": "reissue", "reason": "Sửa họ tên"}
    )
    new = Certificate.objects.get(replaces=a)
    assert response["Location"].endswith(f"/{new.serial}/")
    assert Certificate.objects.get(pk=a.pk).is_revoked


def test_a_failed_file_is_visible_and_retried_from_the_register(
    client_for, home_affairs, learner, course, complete, monkeypatch
):
    from certificates import pdf, signing

    monkeypatch.setattr(pdf, "render_certificate", lambda data: 1 / 0)
    certificate = Certificate.objects.get(enrolment=complete(learner, course))
    assert certificate.status == Certificate.Status.FAILED
    client = client_for(home_affairs)
    listed = client.get(INDEX, {"status": "pending"}).content.decode()
    assert certificate.serial in listed and "tạo tệp lỗi" in listed
    detail = client.get(f"{INDEX}{certificate.serial}/").content.decode()
    assert "ZeroDivisionError" in detail

    monkeypatch.setattr(pdf, "render_certificate", lambda data: b"%PDF-1.7\n%%EOF\n")
    monkeypatch.setattr(signing, "sign_pdf", lambda b, **kw: b)
    client.post(f"{INDEX}{certificate.serial}/", {"action": "retry"})
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED and certificate.attempts == 2


def test_the_template_is_a_versioned_snippet_in_the_admin(client_for, admin_user):
    from certificates.models import CertificateTemplate

    client = client_for(admin_user)
    add = reverse("wagtailsnippets_certificates_certificatetemplate:add")
    data = {
        "name": "Mẫu 2026",
        "issuing_body": "SỞ NỘI VỤ THÀNH PHỐ HỒ CHÍ MINH",
        "issuing_place": "TP. Hồ Chí Minh",
        "signer_name": "Trần Văn Ký",
        "signer_title": "GIÁM ĐỐC",
        "heading": "GIẤY CHỨNG NHẬN",
        "wording": "Đã hoàn thành khóa bồi dưỡng",
        "is_active": "on",
    }
    assert client.post(add, data).status_code == 302
    template = CertificateTemplate.objects.get()
    edit = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    assert client.post(edit, {**data, "signer_name": "Lê Thị Ký"}).status_code == 302
    template.refresh_from_db()
    assert template.version == 2
    assert [v.content["signer_name"] for v in template.versions.order_by("version")] == [
        "Trần Văn Ký",
        "Lê Thị Ký",
    ]


def test_buttons_use_wagtails_icon_button_markup(client_for, home_affairs, two):
    """Bare icons inside a plain button render as 300×150 boxes that hide the label (issue 11):
    every button of the register has an icon Wagtail 8 ships, wrapped as Wagtail does."""
    import re

    html = client_for(home_affairs).get(INDEX).content.decode()
    labels = (
        "Lọc",
        r"Tải sổ đã lọc \(\.xlsx\)",
        r"Tải sổ đã lọc \(\.csv\)",
        "Tạo tệp ZIP các PDF đã lọc",
    )
    for label in labels:
        match = re.search(
            rf'class="button bicolor button--icon"[^>]*>\s*<span class="icon-wrapper">\s*'
            rf'<svg class="icon icon-([a-z-]+)[^"]*"[^>]*>.*?</svg>\s*</span>\s*{label}<',
            html,
            re.S,
        )
        assert match, label
        assert match.group(1) in ("sliders", "download")
    assert "icon-filter" not in html
