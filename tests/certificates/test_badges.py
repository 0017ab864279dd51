"""Open Badges 3.0: the OpenBadgeCredential's structure against the OB 3.0 data model, its
VC-JWT signature verified with the public key (RSA and ECDSA keys), a tampered payload refused."""

import base64
import hashlib
import json
import re
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import import_key

from certificates import badges, signing

VN = timezone(timedelta(hours=7))
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def _certificate(**overrides):
    values = {
        "serial": "ATTT-2026-000123",
        "issued_at": datetime(2026, 12, 2, 9, 30, tzinfo=VN),
        "valid_until": date(2027, 12, 2),
        "verification_url": "http://127.0.0.1:8000/xac-minh/Ab3dEfGh1jKlMnOpQrStUvWx/",
        "course_id": 42,
        "user": SimpleNamespace(email="Tuyet.NTA@phuongbenthanh.gov.vn"),
        "snapshot": {
            "full_name": "Nguyễn Thị Ánh Tuyết",
            "employee_code": "CB-0001234",
            "course_title": "An toàn thông tin và bảo vệ dữ liệu cá nhân",
            "tiet": "16.5",
            "issuing_body": "Sở Nội vụ Thành phố Hồ Chí Minh",
            "heading": "GIẤY CHỨNG NHẬN",
        },
    }
    values.update(overrides)
    return SimpleNamespace(**values)


def _parts(token):
    header, payload, _ = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    return (
        json.loads(base64.urlsafe_b64decode(pad(header))),
        json.loads(base64.urlsafe_b64decode(pad(payload))),
    )


def _assert_ob3_structure(vc):
    """Required properties and types of an OpenBadgeCredential (OB 3.0 §B.1.1 and the
    VC Data Model 2.0 it builds on)."""
    assert vc["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in vc["@context"]
    assert re.match(r"^[a-z][a-z0-9+.-]*:", vc["id"])  # a URI
    assert {"VerifiableCredential", "OpenBadgeCredential"} <= set(vc["type"])
    assert isinstance(vc["name"], str) and vc["name"]
    issuer = vc["issuer"]
    assert issuer["id"].startswith("http") and "Profile" in issuer["type"] and issuer["name"]
    assert DATETIME.match(vc["validFrom"])
    subject = vc["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    (identity,) = subject["identifier"]
    assert identity["type"] == "IdentityObject"
    assert identity["hashed"] is True
    assert identity["identityType"] in {"emailAddress", "identifier"}
    assert re.match(r"^sha256\$[0-9a-f]{64}$", identity["identityHash"])
    assert identity["salt"]
    achievement = subject["achievement"]
    assert achievement["id"].startswith("http")
    assert "Achievement" in achievement["type"]
    assert achievement["name"] and achievement["description"]
    assert achievement["criteria"]["narrative"]


def test_credential_follows_the_ob3_data_model():
    vc = badges.credential(_certificate())
    _assert_ob3_structure(vc)
    assert vc["validFrom"] == "2026-12-02T09:30:00+07:00"
    assert vc["validUntil"] == "2027-12-02T23:59:59+07:00"
    assert vc["issuer"]["name"] == "Sở Nội vụ Thành phố Hồ Chí Minh"
    assert vc["credentialSubject"]["achievement"]["name"] == (
        "An toàn thông tin và bảo vệ dữ liệu cá nhân"
    )
    assert "16,5 tiết" in vc["credentialSubject"]["achievement"]["description"]


def test_identity_is_a_salted_hash_and_no_personal_data_is_printed():
    vc = badges.credential(_certificate())
    identity = vc["credentialSubject"]["identifier"][0]
    expected = hashlib.sha256(
        ("tuyet.nta@phuongbenthanh.gov.vn" + identity["salt"]).encode()
    ).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert identity["identityType"] == "emailAddress"
    text = json.dumps(vc, ensure_ascii=False)
    for private in ("Nguyễn Thị Ánh Tuyết", "CB-0001234", "phuongbenthanh", "Tuyet"):
        assert private not in text


def test_no_email_hashes_the_employee_code():
    vc = badges.credential(_certificate(user=SimpleNamespace(email="")))
    identity = vc["credentialSubject"]["identifier"][0]
    assert identity["identityType"] == "identifier"
    assert identity["identityHash"] == badges.identity_hash("CB-0001234", identity["salt"])


def test_same_certificate_gives_the_same_badge_content():
    assert badges.credential(_certificate()) == badges.credential(_certificate())
    other = badges.credential(_certificate(serial="ATTT-2026-000124"))
    assert other["id"] != badges.credential(_certificate())["id"]


def test_no_expiry_means_no_valid_until_and_no_exp():
    token = badges.open_badge_jwt(_certificate(valid_until=None))
    _, claims = _parts(token)
    assert "validUntil" not in claims["vc"] and "exp" not in claims


def _check_token(token, expected_alg):
    header, claims = _parts(token)
    assert header["alg"] == expected_alg and header["typ"] == "JWT"
    key = import_key(header["jwk"])
    assert header["kid"] == key.thumbprint()
    # The signature verifies with the signer's public key (from its certificate, not the header).
    from cryptography import x509

    cert = x509.load_der_x509_certificate(signing.signing_certificate().dump())
    public = import_key(cert.public_key(), "RSA" if expected_alg == "RS256" else "EC")
    registry = jws.JWSRegistry(algorithms=[expected_alg])
    registry.max_header_length = 4096  # the RSA public key rides in the header
    result = jws.deserialize_compact(token, public, registry=registry)
    payload = json.loads(result.payload)
    vc = payload["vc"]
    _assert_ob3_structure(vc)
    assert payload["iss"] == vc["issuer"]["id"]
    assert payload["jti"] == vc["id"]
    assert payload["nbf"] == int(datetime.fromisoformat(vc["validFrom"]).timestamp())
    assert payload["exp"] == int(datetime.fromisoformat(vc["validUntil"]).timestamp())
    assert badges.verify_open_badge_jwt(token) == payload
    return header, payload


def test_vc_jwt_is_signed_with_the_certificate_key_rs256():
    _check_token(badges.open_badge_jwt(_certificate()), "RS256")


def test_vc_jwt_with_an_ecdsa_key_es256(settings, tmp_path):
    path, _ = signing.create_demo_signing_cert(tmp_path / "ec.p12", algorithm="ecdsa")
    settings.CERT_PKCS12_PATH = path
    settings.CERT_PKCS12_PASSPHRASE = None
    try:
        _check_token(badges.open_badge_jwt(_certificate()), "ES256")
    finally:
        signing.reset_signer_cache()


def test_tampered_payload_fails_verification():
    token = badges.open_badge_jwt(_certificate())
    header_b64, payload_b64, signature = token.split(".")
    _, claims = _parts(token)
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Khóa học khác"
    forged_payload = (
        base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode())
        .rstrip(b"=")
        .decode()
    )
    forged = f"{header_b64}.{forged_payload}.{signature}"
    with pytest.raises(BadSignatureError):
        badges.verify_open_badge_jwt(forged)


def test_demo_key_refused_where_demo_is_not_allowed(settings):
    settings.LMS_DEMO_ALLOWED = False
    with pytest.raises(signing.DemoSignerRefused):
        badges.open_badge_jwt(_certificate())
