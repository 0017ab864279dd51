"""`manage.py verify_certificate FILE.pdf` on real signed files: valid and in the register,
a flipped byte, a file that is not the registered one, revoked and expired certificates; and
the deploy check that refuses the demo key."""

import datetime
import hashlib

import pytest
from django.core import checks
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from certificates import pdf, signing
from certificates.models import Certificate
from tests.certificates.sample_data import render_data
from tests.courses.conftest import course, course_index, enrolled, make_course  # noqa: F401


def _run(path):
    """Run the command; return (exit code, output)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("verify_certificate", str(path), stdout=out)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue()


@pytest.fixture(scope="module")
def signed_pdf():
    return signing.sign_pdf(pdf.render_certificate(render_data()))


@pytest.fixture
def registered(db, learner, enrolled, course, signed_pdf):  # noqa: F811
    certificate = Certificate(
        enrolment=enrolled,
        user=learner,
        course=course,
        serial="ATTT-2026-000123",
        prefix="ATTT",
        year=2026,
        sequence=123,
        register_number="000123/2026",
        snapshot={"full_name": "Nguyễn Thị Ánh Tuyết"},
        status=Certificate.Status.ISSUED,
        valid_until=timezone.localdate() + datetime.timedelta(days=300),
        sha256=hashlib.sha256(signed_pdf).hexdigest(),
    )
    certificate.file.save("ATTT-2026-000123.pdf", ContentFile(signed_pdf), save=False)
    certificate.save()
    return certificate


@pytest.mark.django_db
def test_valid_registered_file(tmp_path, registered, signed_pdf):
    path = tmp_path / "chung-nhan.pdf"
    path.write_bytes(signed_pdf)
    code, out = _run(path)
    assert code == 0, out
    assert "Chữ ký số: HỢP LỆ" in out
    assert "DEMO - không có giá trị pháp lý" in out
    assert "Số hiệu: ATTT-2026-000123" in out
    assert "Sổ cấp: khớp" in out
    assert "Tình trạng: Hợp lệ" in out
    assert "Kết luận: HỢP LỆ" in out


@pytest.mark.django_db
def test_flipped_byte_is_invalid_and_does_not_match_the_register(tmp_path, registered, signed_pdf):
    data = bytearray(signed_pdf)
    data[data.index(b"stream\n", 200) + 20] ^= 0x01
    path = tmp_path / "sua.pdf"
    path.write_bytes(bytes(data))
    code, out = _run(path)
    assert code == 1
    assert "Chữ ký số: KHÔNG HỢP LỆ" in out
    assert "Sổ cấp: KHÔNG KHỚP" in out  # found by the serial printed on it, but other bytes
    assert "Kết luận: KHÔNG HỢP LỆ" in out
    # An independent validator agrees.
    from tests.certificates import pdf_tools

    assert not pdf_tools.pdfsig_signature_valid(bytes(data))


@pytest.mark.django_db
def test_revoked_certificate_is_reported_with_its_reason(tmp_path, registered, signed_pdf):
    registered.revoked_at = timezone.now()
    registered.revoked_reason = "Sai họ tên"
    registered.save()
    path = tmp_path / "c.pdf"
    path.write_bytes(signed_pdf)
    code, out = _run(path)
    assert code == 1
    assert "Chữ ký số: HỢP LỆ" in out  # the signature itself is still intact
    assert "Tình trạng: Đã thu hồi (lý do: Sai họ tên)" in out


@pytest.mark.django_db
def test_expired_certificate(tmp_path, registered, signed_pdf):
    registered.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    registered.save()
    path = tmp_path / "c.pdf"
    path.write_bytes(signed_pdf)
    code, out = _run(path)
    assert code == 1
    assert "Tình trạng: Hết hạn" in out


@pytest.mark.django_db
def test_signed_file_unknown_to_the_register(tmp_path):
    other = signing.sign_pdf(pdf.render_certificate(render_data(serial="ATTT-2026-999999")))
    path = tmp_path / "la.pdf"
    path.write_bytes(other)
    code, out = _run(path)
    assert code == 1
    assert "Chữ ký số: HỢP LỆ" in out
    assert "Số hiệu: ATTT-2026-999999" in out
    assert "Sổ cấp: không tìm thấy" in out


def test_missing_file_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("verify_certificate", str(tmp_path / "khong-co.pdf"))


def test_deploy_check_refuses_the_demo_key():
    from certificates.checks import demo_signer_deploy_check

    errors = demo_signer_deploy_check(None)
    assert [e.id for e in errors] == ["certificates.E001"]
    assert errors[0].level == checks.ERROR


def test_production_check_errors_only_where_demo_is_not_allowed(settings):
    from certificates.checks import demo_signer_production_check

    assert demo_signer_production_check(None) == []
    settings.LMS_DEMO_ALLOWED = False
    assert [e.id for e in demo_signer_production_check(None)] == ["certificates.E001"]


def test_missing_key_is_a_warning_not_an_error(settings, tmp_path):
    from certificates.checks import demo_signer_deploy_check

    settings.CERT_PKCS12_PATH = tmp_path / "khong-co.p12"
    signing.reset_signer_cache()
    try:
        problems = demo_signer_deploy_check(None)
    finally:
        signing.reset_signer_cache()
    assert [p.id for p in problems] == ["certificates.W001"]


def test_checks_are_registered_so_production_refuses_to_start(settings):
    """Through `manage.py check` itself (registered in CertificatesConfig.ready)."""
    from django.core.management.base import SystemCheckError

    call_command("check")  # demo allowed here: no error
    settings.LMS_DEMO_ALLOWED = False
    with pytest.raises(SystemCheckError, match="certificates.E001"):
        call_command("check")


def test_certificate_files_are_stored_outside_media_root():
    """Base settings: the private certificate folder is not under MEDIA_ROOT (no /media/ URL
    reaches it; downloads go through the view)."""
    from lms.settings import base

    location = base.STORAGES["certificates"]["OPTIONS"]["location"]
    assert base.CERT_STORAGE_KIND == "file"
    assert not str(location).startswith(str(base.MEDIA_ROOT))
    assert location == base.CERT_ROOT
