"""PAdES signatures on certificate PDFs (pyHanko).

Two back-ends, chosen by settings.CERT_SIGNER:
- "pkcs12": a key file (CERT_PKCS12_PATH) whose passphrase comes from CERT_PKCS12_PASSPHRASE (or
  CERT_PKCS12_PASSPHRASE_FILE), else from the secret file written beside it by
  `manage.py make_demo_signing_cert`;
- "pkcs11": a USB token or HSM through its PKCS#11 module (CERT_PKCS11_MODULE, token label, PIN,
  key label), tested against SoftHSM2.

PAdES baseline B-B; B-T when CERT_TSA_URL names an RFC 3161 time-stamping service. The signer is
loaded once per process (opening a PKCS#12 file or a token session costs far more than one
signature) and reused for every certificate. The demo certificate says in its subject that it
has no legal value; outside demo settings (LMS_DEMO_ALLOWED) signing with it is refused, and
`manage.py check --deploy` reports it (certificates/checks.py).
"""

import asyncio
import io
import logging
import os
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DEMO_MARKER = "DEMO - không có giá trị pháp lý"
DEFAULT_FIELD = "ChuKySo"
RESERVED_BYTES = 16384  # signature, certificate chain of a few certificates
RESERVED_BYTES_TSA = 32768  # plus a time-stamp token with the TSA's own chain
SIGNING_REASON = "Cấp giấy chứng nhận hoàn thành khóa bồi dưỡng"

_lock = threading.Lock()
_cache: dict = {}


def outside_event_loop(function, *args, **kwargs):
    """Call `function` (one of pyHanko's synchronous entry points, which run their own event loop
    with asyncio.run) from a thread where no loop is running: directly when the calling thread has
    none, else on a short-lived worker thread. A thread that already runs a loop (an ASGI worker,
    a Playwright session in the test process) would otherwise get "asyncio.run() cannot be called
    from a running event loop"."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyhanko") as pool:
        return pool.submit(function, *args, **kwargs).result()


class DemoSignerRefused(ImproperlyConfigured):
    """The configured signing certificate is the demo one, and these settings are not a demo."""


# ---- configuration ------------------------------------------------------------------------------


def passphrase_file_for(path: Path) -> Path:
    """Where make_demo_signing_cert keeps a key file's passphrase (mode 600, beside it)."""
    path = Path(path)
    return path.with_name(path.name + ".passphrase")


def _pkcs12_passphrase(path: Path) -> bytes | None:
    value = getattr(settings, "CERT_PKCS12_PASSPHRASE", None)
    if value is None:
        secret = passphrase_file_for(path)
        if secret.is_file():
            value = secret.read_text(encoding="utf-8").strip()
    return value.encode("utf-8") if value else None


def _config_key() -> tuple:
    backend = (settings.CERT_SIGNER or "pkcs12").lower()
    if backend == "pkcs11":
        return (
            backend,
            settings.CERT_PKCS11_MODULE,
            settings.CERT_PKCS11_TOKEN_LABEL,
            settings.CERT_PKCS11_KEY_LABEL,
            getattr(settings, "CERT_PKCS11_CERT_LABEL", None),
            os.environ.get("SOFTHSM2_CONF"),
        )
    path = Path(settings.CERT_PKCS12_PATH)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = None
    return (backend, str(path), mtime)


def _cached_key_signer_class():
    """SimpleSigner re-parses its private key for every signature (an RSA key check costs
    ~80 ms); this subclass parses it once and keeps the key object."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class CachedKeySigner(signers.SimpleSigner):
        _private_key = None

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            if mechanism not in ("rsassa_pkcs1v15", "ecdsa"):
                return super().sign_raw(data, digest_algorithm)
            if self._private_key is None:
                self._private_key = serialization.load_der_private_key(
                    self.signing_key.dump(), password=None
                )
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            if mechanism == "ecdsa":
                return self._private_key.sign(data, ECDSA(hash_algo))
            return self._private_key.sign(data, PKCS1v15(), hash_algo)

    return CachedKeySigner


def _load_pkcs12():

    path = Path(settings.CERT_PKCS12_PATH)
    if not path.is_file():
        raise ImproperlyConfigured(
            f"Không tìm thấy tệp khóa ký {path} (CERT_PKCS12_PATH). Tạo khóa ký mẫu bằng "
            "`manage.py make_demo_signing_cert` hoặc trỏ tới khóa ký của cơ quan."
        )
    signer = _cached_key_signer_class().load_pkcs12(str(path), passphrase=_pkcs12_passphrase(path))
    if signer is None:
        raise ImproperlyConfigured(
            f"Không mở được tệp khóa ký {path}: sai mật khẩu (CERT_PKCS12_PASSPHRASE) "
            "hoặc tệp hỏng."
        )
    # load_pkcs12 always builds a plain SimpleSigner; the subclass adds no state of its own.
    signer.__class__ = _cached_key_signer_class()
    return signer, None


def _load_pkcs11():
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    pin = settings.CERT_PKCS11_PIN
    if not (settings.CERT_PKCS11_TOKEN_LABEL and settings.CERT_PKCS11_KEY_LABEL and pin):
        raise ImproperlyConfigured(
            "Ký bằng thiết bị PKCS#11 cần CERT_PKCS11_TOKEN_LABEL, CERT_PKCS11_KEY_LABEL và "
            "CERT_PKCS11_PIN (hoặc CERT_PKCS11_PIN_FILE)."
        )
    session = pkcs11.open_pkcs11_session(
        settings.CERT_PKCS11_MODULE,
        token_criteria=TokenCriteria(label=settings.CERT_PKCS11_TOKEN_LABEL),
        user_pin=pin,
    )
    cert_label = getattr(settings, "CERT_PKCS11_CERT_LABEL", None) or settings.CERT_PKCS11_KEY_LABEL
    signer = pkcs11.PKCS11Signer(
        session, cert_label=cert_label, key_label=settings.CERT_PKCS11_KEY_LABEL
    )
    return signer, session


def get_signer():
    """The configured pyHanko signer, loaded once per process (reloaded when the settings or the
    key file change)."""
    key = _config_key()
    entry = _cache.get("signer")
    if entry and entry[0] == key:
        return entry[1]
    with _lock:
        entry = _cache.get("signer")
        if entry and entry[0] == key:
            return entry[1]
        if entry and entry[2] is not None:
            _close_session(entry[2])
        if key[0] == "pkcs11":
            signer, session = _load_pkcs11()
        elif key[0] == "pkcs12":
            signer, session = _load_pkcs12()
        else:
            raise ImproperlyConfigured(
                f"CERT_SIGNER={key[0]!r} không hợp lệ; dùng 'pkcs12' hoặc 'pkcs11'."
            )
        _cache["signer"] = (key, signer, session)
        return signer


def reset_signer_cache():
    """Forget the loaded signer (tests, key rotation)."""
    with _lock:
        entry = _cache.pop("signer", None)
        if entry and entry[2] is not None:
            _close_session(entry[2])


def _close_session(session):
    try:
        session.close()
    except Exception:  # noqa: BLE001 - a stale token session: log it, nothing to save
        logger.warning("Không đóng được phiên PKCS#11 cũ", exc_info=True)


def signing_certificate():
    """The signer's certificate (asn1crypto x509.Certificate)."""
    return get_signer().signing_cert


def is_demo_certificate(cert) -> bool:
    subject = cert.subject.human_friendly
    return DEMO_MARKER in subject


def demo_signer_allowed() -> bool:
    return bool(getattr(settings, "LMS_DEMO_ALLOWED", False))


def signer_description() -> dict:
    """{"name": the signer's subject, "is_demo": bool, "backend": "pkcs12"|"pkcs11"}."""
    cert = signing_certificate()
    return {
        "name": cert.subject.human_friendly,
        "is_demo": is_demo_certificate(cert),
        "backend": (settings.CERT_SIGNER or "pkcs12").lower(),
    }


# ---- signing --------------------------------------------------------------------------------


def _timestamper():
    url = getattr(settings, "CERT_TSA_URL", "") or ""
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    entry = _cache.get("tsa")
    if entry and entry[0] == url:
        return entry[1]
    stamper = HTTPTimeStamper(url, timeout=15)
    _cache["tsa"] = (url, stamper)
    return stamper


def sign_pdf(pdf: bytes, *, field_name: str = DEFAULT_FIELD) -> bytes:
    """PDF bytes signed with the configured key: PAdES B-B, or B-T when CERT_TSA_URL is set."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = get_signer()
    if is_demo_certificate(signer.signing_cert) and not demo_signer_allowed():
        raise DemoSignerRefused(
            "Khóa ký đang cấu hình là khóa DEMO (không có giá trị pháp lý); cấu hình này không "
            "cho phép ký bằng nó. Đặt CERT_PKCS12_PATH hoặc CERT_SIGNER=pkcs11 tới khóa ký "
            "của cơ quan."
        )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=SIGNING_REASON,
        location=getattr(settings, "CERT_SIGNING_LOCATION", "TP. Hồ Chí Minh"),
        use_pades_lta=False,
        embed_validation_info=False,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = outside_event_loop(
        signers.sign_pdf,
        writer,
        meta,
        signer=signer,
        timestamper=_timestamper(),
        existing_fields_only=False,
        # Room for the CMS container, so pyHanko need not sign once more just to measure it.
        bytes_reserved=RESERVED_BYTES_TSA if _timestamper() else RESERVED_BYTES,
    )
    return out.getvalue()


# ---- the demo signing certificate -----------------------------------------------------------


def _fit64(text: str) -> str:
    """X.509 name attributes hold at most 64 bytes of UTF-8."""
    while len(text.encode("utf-8")) > 64:
        text = text[:-1]
    return text.rstrip(" -")


def create_demo_signing_cert(
    path: Path,
    *,
    algorithm: str = "rsa",
    passphrase: str | None = None,
    days: int = 3 * 365,
    organisation: str = "An Toàn Số",
) -> tuple[Path, Path]:
    """Write a self-signed signing certificate and its key as PKCS#12 at PATH, encrypted with
    PASSPHRASE (random when None) which is written to a secret file beside it (mode 600).
    Its subject says it has no legal value. Returns (key file, passphrase file)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    path = Path(path)
    if algorithm == "ecdsa":
        key = ec.generate_private_key(ec.SECP256R1())
    elif algorithm == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        raise ValueError("algorithm phải là 'rsa' hoặc 'ecdsa'")
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, _fit64(f"{DEMO_MARKER} - {organisation}")
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Ký chứng nhận - {DEMO_MARKER}"),
        ]
    )
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    secret = passphrase or secrets.token_urlsafe(24)
    blob = pkcs12.serialize_key_and_certificates(
        b"demo-signer",
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(secret.encode("utf-8")),
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret_path = passphrase_file_for(path)
    for target, content in ((path, blob), (secret_path, secret.encode("utf-8"))):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(target, 0o600)
    reset_signer_cache()
    return path, secret_path
