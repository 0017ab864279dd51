"""Open Badges 3.0: a certificate as an OpenBadgeCredential, signed as a VC-JWT.

This is a portable copy for wallets and other platforms (the badge says what was achieved, by
whom in hashed form, and who issued it); the signed PDF stays the official record. It is
signed with the same key as the PDFs, through the same signer (a PKCS#12 file or a PKCS#11
token). The JWT's header carries the public key a verifier checks it with (jwk; kid = its
RFC 7638 thumbprint). With an RSA key that header is about 600 bytes: some JOSE libraries cap
headers at 512 by default (joserfc: JWSRegistry.max_header_length) and need the cap raised, as
verify_open_badge_jwt does; an ECDSA P-256 key gives a shorter header.

The holder is identified only by a salted SHA-256 hash of their e-mail address (or of their
employee code when they have none): the badge names the course, not the person's data.
"""

import asyncio
import base64
import hashlib
import hmac
import json
import uuid
from datetime import date, datetime, time, timedelta, timezone

from django.conf import settings

from . import signing

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
VN_TZ = timezone(timedelta(hours=7))
_NAMESPACE = uuid.UUID("0b7e2f3c-6a0e-5a77-9c41-7f6f1b0c2d10")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _site() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _iso(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def _salt(certificate) -> str:
    """Stable per certificate (a badge downloaded again is the same badge), unguessable without
    the server's secret key."""
    digest = hmac.new(
        settings.SECRET_KEY.encode("utf-8"),
        f"open-badge-salt:{certificate.serial}".encode(),
        hashlib.sha256,
    ).digest()
    return _b64(digest[:16])


def identity_hash(identity: str, salt: str) -> str:
    """OB 3.0 IdentityObject hash: "sha256$" + hex SHA-256 of the identity followed by the salt."""
    return "sha256$" + hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()


def _identity(certificate) -> tuple[str, str]:
    user = getattr(certificate, "user", None)
    email = (getattr(user, "email", "") or "").strip().lower()
    if email:
        return "emailAddress", email
    code = (certificate.snapshot or {}).get("employee_code") or certificate.serial
    return "identifier", str(code)


def credential(certificate) -> dict:
    """The OpenBadgeCredential (OB 3.0 data model) of a certificate, from its snapshot."""
    snap = certificate.snapshot or {}
    site = _site()
    title = snap.get("course_title") or ""
    tiet = snap.get("tiet")
    issued_at = certificate.issued_at
    valid_until = _as_date(getattr(certificate, "valid_until", None) or snap.get("valid_until"))
    identity_type, identity = _identity(certificate)
    salt = _salt(certificate)
    course_id = getattr(certificate, "course_id", None)
    achievement_id = f"{site}/khoa-hoc/{course_id}/" if course_id else f"{site}/#khoa-hoc"
    tiet_text = ""
    if tiet not in (None, ""):
        from .pdf import format_tiet

        tiet_text = f" ({format_tiet(tiet)} tiết)"
    body = {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, certificate.serial)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{snap.get('heading') or 'GIẤY CHỨNG NHẬN'} {certificate.serial}",
        "issuer": {
            "id": f"{site}/",
            "type": ["Profile"],
            "name": snap.get("issuing_body") or settings.WAGTAIL_SITE_NAME,
            "url": f"{site}/",
        },
        "validFrom": _iso(issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(identity, salt),
                    "identityType": identity_type,
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": title,
                "description": f"Hoàn thành khóa bồi dưỡng {title}{tiet_text}.",
                "criteria": {
                    "narrative": (
                        "Học đủ các bài học và đạt mọi bài kiểm tra của khóa bồi dưỡng trên "
                        f"{settings.WAGTAIL_SITE_NAME}; kết quả do máy chủ chấm."
                    )
                },
            },
        },
        "evidence": [
            {
                "id": certificate.verification_url,
                "type": ["Evidence"],
                "name": f"Xác minh giấy chứng nhận {certificate.serial}",
            }
        ],
    }
    if valid_until:
        # Valid through the whole last day, Vietnam time.
        body["validUntil"] = _iso(datetime.combine(valid_until, time(23, 59, 59), VN_TZ))
    return body


# ---- VC-JWT -------------------------------------------------------------------------------------


def _public_jwk(cert) -> tuple[dict, str, str]:
    """(public JWK, kid, alg) of the signer's certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from joserfc.jwk import ECKey, RSAKey

    public = x509.load_der_x509_certificate(cert.dump()).public_key()
    if isinstance(public, rsa.RSAPublicKey):
        key, alg = RSAKey.import_key(public), "RS256"
    elif isinstance(public, ec.EllipticCurvePublicKey) and public.curve.name == "secp256r1":
        key, alg = ECKey.import_key(public), "ES256"
    else:
        raise ValueError("Khóa ký phải là RSA hoặc ECDSA P-256 để ký huy hiệu Open Badges.")
    jwk = key.as_dict(private=False)
    kid = key.thumbprint()
    jwk["kid"] = kid
    return jwk, kid, alg


def _raw_signature(signer, data: bytes, alg: str) -> bytes:
    """Sign through the configured signer (PKCS#12 or PKCS#11 alike); JWS wants ECDSA as r||s."""
    mechanism = signer.get_signature_mechanism_for_digest("sha256").signature_algo
    expected = {"RS256": "rsassa_pkcs1v15", "ES256": "ecdsa"}[alg]
    if mechanism != expected:
        raise ValueError(f"Cơ chế ký {mechanism} không dùng được cho {alg}.")
    raw = signing.outside_event_loop(asyncio.run, signer.async_sign_raw(data, "sha256"))
    if alg == "ES256":
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        r, s = decode_dss_signature(raw)
        raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return raw


def open_badge_jwt(certificate) -> str:
    """The certificate's OpenBadgeCredential as a compact VC-JWT (JWS), signed with the
    certificate signing key. Claims: iss, jti, nbf, exp (when it expires), iat, vc."""
    signer = signing.get_signer()
    if signing.is_demo_certificate(signer.signing_cert) and not signing.demo_signer_allowed():
        raise signing.DemoSignerRefused(
            "Khóa ký đang cấu hình là khóa DEMO; không ký huy hiệu bằng nó ở cấu hình này."
        )
    vc = credential(certificate)
    jwk, kid, alg = _public_jwk(signer.signing_cert)
    header = {
        "alg": alg,
        "typ": "JWT",
        "kid": kid,
        "jwk": jwk,
    }
    valid_from = datetime.fromisoformat(vc["validFrom"])
    claims = {
        "iss": vc["issuer"]["id"],
        "jti": vc["id"],
        "nbf": int(valid_from.timestamp()),
        "iat": int(valid_from.timestamp()),
        "vc": vc,
    }
    if "validUntil" in vc:
        claims["exp"] = int(datetime.fromisoformat(vc["validUntil"]).timestamp())
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        + "."
        + _b64(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    )
    signature = _raw_signature(signer, signing_input.encode("ascii"), alg)
    return f"{signing_input}.{_b64(signature)}"


def verify_open_badge_jwt(token: str) -> dict:
    """Check a badge's signature with the public key in its own header and return its claims;
    raises joserfc's BadSignatureError (or ValueError) when it does not verify. A verifier
    still decides whether it trusts that key (the issuer's published key)."""
    from joserfc import jws
    from joserfc.jwk import import_key

    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    if header.get("alg") not in {"RS256", "ES256"}:
        raise ValueError(f"Thuật toán không được chấp nhận: {header.get('alg')!r}")
    key = import_key(header["jwk"])
    registry = jws.JWSRegistry(algorithms=[header["alg"]])
    registry.max_header_length = 4096  # an RSA public key in the header (see above)
    result = jws.deserialize_compact(token, key, registry=registry)
    return json.loads(result.payload)
