"""Checking a certificate PDF: is its signature intact and valid, who signed it, and does the
file match the register (certificates.Certificate.sha256).

"valid" means the bytes covered by the signature are unchanged (intact) and the signature is
cryptographically correct, and the signature covers the whole file (nothing appended after it).
Whether the signer's certificate chains to a trusted root is reported separately ("trusted"): the
demo certificate is self-signed, and an agency's certificate is trusted through the national
root, which is the reader's software's business, not ours; the configured signing certificate
counts as trusted here.
"""

import hashlib
import io
import re

from .signing import outside_event_loop

SERIAL_RE = re.compile(r"Số hiệu(?: giấy chứng nhận)?:\s*([A-Z0-9][A-Z0-9-]{3,39})")


def _trust_roots():
    try:
        from .signing import signing_certificate

        return [signing_certificate()]
    except Exception:  # noqa: BLE001 - no signer configured here: nothing extra to trust
        return []


def verify_pdf(pdf: bytes) -> dict:
    """{"valid", "intact", "trusted", "signer", "signed_at", "covers_whole_file", "errors"}."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    result = {
        "valid": False,
        "intact": False,
        "trusted": False,
        "signer": None,
        "signed_at": None,
        "covers_whole_file": False,
        "errors": [],
    }
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001 - any parse failure means "not a valid signed PDF"
        result["errors"].append(f"Không đọc được tệp PDF: {exc}")
        return result
    if not signatures:
        result["errors"].append("Tệp không có chữ ký số.")
        return result
    embedded = signatures[-1]
    context = ValidationContext(trust_roots=_trust_roots(), allow_fetching=False)
    try:
        status = outside_event_loop(validate_pdf_signature, embedded, context)
    except Exception as exc:  # noqa: BLE001
        result["errors"].append(f"Không kiểm tra được chữ ký: {exc}")
        return result
    cert = status.signing_cert
    result["signer"] = cert.subject.human_friendly if cert is not None else None
    result["intact"] = bool(status.intact)
    result["signed_at"] = status.signer_reported_dt
    coverage = getattr(status, "coverage", None)
    result["covers_whole_file"] = coverage is not None and coverage.name == "ENTIRE_FILE"
    result["trusted"] = bool(status.trusted)
    result["valid"] = bool(status.intact and status.valid and result["covers_whole_file"])
    if not status.intact:
        result["errors"].append("Nội dung đã bị thay đổi sau khi ký.")
    elif not status.valid:
        result["errors"].append("Chữ ký số không đúng.")
    elif not result["covers_whole_file"]:
        result["errors"].append("Tệp có phần được thêm vào sau chữ ký.")
    return result


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, extracted by poppler's pdftotext (empty when it is not installed)."""
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if not tool:
        return ""
    done = subprocess.run(  # noqa: S603 - fixed arguments, the PDF on stdin
        [tool, "-q", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        timeout=30,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace")


def find_serial(pdf: bytes) -> str | None:
    match = SERIAL_RE.search(pdf_text(pdf))
    return match.group(1) if match else None


def sha256_hex(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def check_file(pdf: bytes, *, today=None) -> dict:
    """verify_pdf plus the register: the serial, whether a Certificate row holds exactly this
    file (same SHA-256), and that certificate's state."""
    from .models import Certificate

    report = verify_pdf(pdf)
    digest = sha256_hex(pdf)
    report["sha256"] = digest
    certificate = Certificate.objects.filter(sha256=digest).first()
    report["matches_register"] = certificate is not None
    serial = certificate.serial if certificate else find_serial(pdf)
    if certificate is None and serial:
        certificate = Certificate.objects.filter(serial=serial).first()
    report["serial"] = serial
    report["certificate"] = certificate
    report["state"] = None
    if certificate is not None:
        report["state"] = certificate.state_on(today)
        report["state_label"] = str(certificate.STATE_LABELS[report["state"]])
        report["valid_until"] = certificate.valid_until
        report["revoked_reason"] = certificate.revoked_reason
    return report
