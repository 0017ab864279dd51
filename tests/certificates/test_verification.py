"""Public verification: what it shows and hides, its cost, its headers, unknown codes, revocation,
expiry and the per-address rate limit."""

import datetime

import pytest
from django.urls import reverse

from certificates import issuance
from certificates.models import Certificate
from certificates.views import mask_name
from lms.org.models import Person

from .core_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, course, complete, quick_files):
    return Certificate.objects.get(enrolment=complete(learner, course))


def test_mask_name():
    assert mask_name("Nguyễn Văn An") == "Nguyễn V** A*"
    assert mask_name("Lê Thị Ánh Tuyết") == "Lê T** Á** T****"
    assert mask_name("") == ""


def test_the_page_shows_the_state_and_little_else(client, certificate, learner):
    person = Person.objects.get(user=learner)
    response = client.get(f"/xac-minh/{certificate.verification_code}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Hợp lệ" in body
    assert mask_name(person.full_name) in body
    assert person.full_name not in body
    assert certificate.snapshot["course_title"] in body
    assert certificate.sha256 in body
    assert certificate.snapshot["issuing_body"] in body
    # Nothing else: no employee code, e-mail, unit, serial.
    for secret in (person.employee_code, learner.email, certificate.snapshot["unit_name"]):
        assert secret and secret not in body
    assert certificate.serial not in body


def test_headers_no_cookie_cacheable_one_minute(client, certificate):
    response = client.get(f"/xac-minh/{certificate.verification_code}/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert not response.cookies  # no session, CSRF or language cookie
    assert "Set-Cookie" not in response.headers
    assert set(response["Vary"].replace(" ", "").split(",")) <= {"Cookie"}
    assert "Content-Security-Policy" in response.headers  # the site's middleware still applies


def test_at_most_three_queries(client, certificate, django_assert_max_num_queries):
    # The site's cached Wagtail site is read once per process (lms.middleware): warm it first.
    client.get(reverse("certificates:verify-form"))
    with django_assert_max_num_queries(1):  # the certificate by its code, nothing more
        client.get(f"/xac-minh/{certificate.verification_code}/")
    with django_assert_max_num_queries(3):
        client.get(f"/xac-minh/{certificate.verification_code}/")
    with django_assert_max_num_queries(3):
        client.get(f"/xac-minh/{certificate.verification_code}.json")
    with django_assert_max_num_queries(3):
        client.get("/xac-minh/khong-co-ma-nay-1234567/")


def test_json_variant_and_unknown_code_have_the_same_shape(client, certificate):
    known = client.get(f"/xac-minh/{certificate.verification_code}.json").json()
    also = client.get(f"/xac-minh/{certificate.verification_code}/?format=json").json()
    unknown = client.get("/xac-minh/AAAAAAAAAAAAAAAAAAAAAAAA.json")
    assert known == also
    assert known["status"] == "hop-le"
    assert known["tiet"] == certificate.snapshot["tiet"]
    assert known["issued_on"] == certificate.snapshot["issued_on"]
    assert unknown.status_code == 200
    assert unknown["Cache-Control"] == "public, max-age=60"
    assert set(unknown.json()) == set(known)
    assert unknown.json()["status"] == "khong-tim-thay"
    assert unknown.json()["holder"] == ""
    # The HTML page of an unknown code is the same template, the fields empty.
    page = client.get("/xac-minh/AAAAAAAAAAAAAAAAAAAAAAAA/").content.decode()
    assert "Không tìm thấy" in page and "Hiệu lực đến" in page


def test_revocation_and_expiry_show(client, certificate, admin_user):
    issuance.revoke(certificate, by=admin_user, reason="Sai họ tên")
    assert client.get(f"/xac-minh/{certificate.verification_code}.json").json()["status"] == (
        "da-thu-hoi"
    )
    other = Certificate.objects.get(pk=certificate.pk)
    Certificate.objects.filter(pk=other.pk).update(
        revoked_at=None, valid_until=datetime.date(2020, 1, 1)
    )
    response = client.get(f"/xac-minh/{certificate.verification_code}/")
    assert "Hết hạn" in response.content.decode()


def test_the_form_leads_to_the_code_page_without_javascript(client, certificate):
    page = client.get(reverse("certificates:verify-form"))
    assert b'method="get"' in page.content and b'name="ma"' in page.content
    assert not page.cookies
    response = client.get(
        reverse("certificates:verify-form"), {"ma": f"  {certificate.verification_code} "}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/xac-minh/{certificate.verification_code}/"
    bad = client.get(reverse("certificates:verify-form"), {"ma": "x!"})
    assert "Không tìm thấy" in bad.content.decode()


def test_rate_limited_per_address(client, certificate, settings):
    settings.CERT_VERIFY_RATE = 3
    url = f"/xac-minh/{certificate.verification_code}.json"
    codes = [client.get(url, REMOTE_ADDR="203.0.113.7").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get(url, REMOTE_ADDR="203.0.113.7")
    assert limited["Retry-After"] == "60"
    assert "public" not in limited["Cache-Control"]
    # Another address is not affected.
    assert client.get(url, REMOTE_ADDR="203.0.113.8").status_code == 200


def test_a_logged_in_visitor_sets_no_cookie_either(client_for, learner, certificate):
    client = client_for(learner)
    response = client.get(f"/xac-minh/{certificate.verification_code}/")
    assert response.status_code == 200
    assert not response.cookies


def test_tiet_read_as_a_vietnamese_number(client, certificate, client_for, learner):
    """The snapshot keeps the ledger's decimal ("4.0"); pages print it the Vietnamese way."""
    for tiet, shown in (("4.0", ">4<"), ("2.50", ">2,5<")):
        snapshot = {**certificate.snapshot, "tiet": tiet}
        Certificate.objects.filter(pk=certificate.pk).update(snapshot=snapshot)
        public = client.get(f"/xac-minh/{certificate.verification_code}/").content.decode()
        mine = client_for(learner).get(reverse("certificates:mine")).content.decode()
        assert shown in public.replace(" ", "") and f">{tiet}<" not in public
        assert shown in mine.replace(" ", "") and f">{tiet}<" not in mine
