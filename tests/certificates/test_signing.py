"""PAdES signatures: poppler's pdfsig (an independent validator) and our verify_pdf accept a
signed certificate, reject it once a byte inside the signed range changes; the PKCS#11 path signs
through a SoftHSM2 token end to end; production settings refuse the demo key."""

import asyncio
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import ImproperlyConfigured

from certificates import pdf, signing
from certificates.verify import verify_pdf
from tests.certificates import pdf_tools
from tests.certificates.sample_data import render_data
from tests.keys import agency_pkcs12, self_signed

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"


@pytest.fixture(scope="module")
def unsigned():
    return pdf.render_certificate(render_data())


@pytest.fixture(scope="module")
def signed(unsigned):
    return signing.sign_pdf(unsigned)


def _flip_inside_signed_range(data: bytes) -> bytes:
    """Change one byte of the page content (inside /ByteRange, before the signature)."""
    marker = data.index(b"stream\n", 200) + 20
    flipped = bytearray(data)
    flipped[marker] ^= 0x01
    return bytes(flipped)


def test_pdfsig_reports_the_signature_valid(signed):
    report = pdf_tools.pdfsig(signed)
    assert "Signature Validation: Signature is Valid." in report
    assert "Signature Field Name: ChuKySo" in report
    assert "DEMO - không có giá trị pháp lý" in report
    assert "Total document signed" in report


def test_verify_pdf_reports_valid_with_the_signer(signed):
    result = verify_pdf(signed)
    assert result["valid"] and result["intact"] and result["covers_whole_file"]
    assert result["errors"] == []
    assert "DEMO - không có giá trị pháp lý" in result["signer"]


def test_signed_file_keeps_the_certificate_text_and_qr(signed):
    assert "Nguyễn Thị Ánh Tuyết" in pdf_tools.pdftotext(signed)
    assert pdf_tools.decode_qr(signed) == [render_data()["verification_url"]]


def test_flipping_one_signed_byte_makes_both_validators_say_invalid(signed):
    tampered = _flip_inside_signed_range(signed)
    assert tampered != signed
    assert not pdf_tools.pdfsig_signature_valid(tampered)
    result = verify_pdf(tampered)
    assert result["valid"] is False
    assert result["errors"]


def test_appending_after_the_signature_is_not_whole_file_valid(signed):
    result = verify_pdf(signed + b"\n% appended\n")
    assert result["valid"] is False


def test_signing_and_verifying_work_where_an_event_loop_runs(unsigned):
    """pyHanko's synchronous calls run their own loop; a thread that already runs one (an ASGI
    worker, a Playwright session in this very test process) must still sign and verify."""

    async def inside_a_loop():
        signed = signing.sign_pdf(unsigned)
        return signed, verify_pdf(signed)

    # On a fresh thread (this one may already run a Playwright session's loop in a full run).
    with ThreadPoolExecutor(max_workers=1) as pool:
        signed, report = pool.submit(asyncio.run, inside_a_loop()).result()
    assert report["valid"] and report["intact"], report["errors"]
    assert pdf_tools.pdfsig_signature_valid(signed)


def test_unsigned_pdf_is_reported_unsigned(unsigned):
    result = verify_pdf(unsigned)
    assert result["valid"] is False
    assert result["errors"] == ["Tệp không có chữ ký số."]
    assert verify_pdf(b"not a pdf")["valid"] is False


def test_signer_description_names_the_demo_key():
    description = signing.signer_description()
    assert description["is_demo"] is True
    assert description["backend"] == "pkcs12"
    assert "DEMO - không có giá trị pháp lý" in description["name"]


def test_signer_is_loaded_once_and_reused(unsigned):
    first = signing.get_signer()
    signing.sign_pdf(unsigned)
    assert signing.get_signer() is first


def test_demo_key_is_refused_where_demo_is_not_allowed(settings, unsigned):
    settings.LMS_DEMO_ALLOWED = False
    with pytest.raises(signing.DemoSignerRefused):
        signing.sign_pdf(unsigned)


def test_a_real_key_signs_where_demo_is_not_allowed(settings, tmp_path, unsigned):
    """A key whose subject is not the demo one is used in production settings."""
    path = agency_pkcs12(tmp_path / "agency.p12", "mat-khau")
    settings.LMS_DEMO_ALLOWED = False
    settings.CERT_PKCS12_PATH = path
    settings.CERT_PKCS12_PASSPHRASE = "mat-khau"
    try:
        out = signing.sign_pdf(unsigned)
        assert signing.signer_description()["is_demo"] is False
        assert pdf_tools.pdfsig_signature_valid(out)
        assert verify_pdf(out)["valid"]
    finally:
        signing.reset_signer_cache()


def test_wrong_passphrase_is_a_clear_error(settings, demo_signing_key, unsigned):
    settings.CERT_PKCS12_PASSPHRASE = "sai-mat-khau"
    signing.reset_signer_cache()
    try:
        with pytest.raises((ImproperlyConfigured, ValueError)):
            signing.sign_pdf(unsigned)
    finally:
        signing.reset_signer_cache()


def test_demo_certificate_files_are_private(demo_signing_key):
    for path in (demo_signing_key["path"], demo_signing_key["passphrase_file"]):
        assert Path(path).stat().st_mode & 0o777 == 0o600


def test_make_demo_signing_cert_command(settings, tmp_path):
    from django.core.management import call_command

    target = tmp_path / "keys" / "demo.p12"
    settings.CERT_PKCS12_PATH = target
    settings.CERT_PKCS12_PASSPHRASE = None
    try:
        call_command("make_demo_signing_cert", "--algorithm", "ecdsa")
        assert target.is_file()
        secret = signing.passphrase_file_for(target)
        assert secret.stat().st_mode & 0o777 == 0o600
        key, cert, _ = pkcs12.load_key_and_certificates(
            target.read_bytes(), secret.read_text().strip().encode()
        )
        assert "DEMO - không có giá trị pháp lý" in cert.subject.rfc4514_string()
        with pytest.raises(Exception):  # noqa: B017 - refuses to overwrite without --force
            call_command("make_demo_signing_cert")
    finally:
        signing.reset_signer_cache()


# ---- PKCS#11 through SoftHSM2 ------------------------------------------------------------------


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory, demo_signing_key):
    """A SoftHSM2 token in a temporary folder holding the session's demo key and certificate."""
    tool = shutil.which("softhsm2-util")
    if not tool or not Path(SOFTHSM_MODULE).exists():
        pytest.skip("SoftHSM2 chưa được cài (gói Debian softhsm2)")
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n"
    )
    # The module reads SOFTHSM2_CONF when first loaded; set it for the whole session.
    os.environ["SOFTHSM2_CONF"] = str(conf)
    label, pin, so_pin = "ATS-TEST", "123456", "12345678"
    subprocess.run(
        [tool, "--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", pin],
        check=True,
        capture_output=True,
    )
    passphrase = Path(demo_signing_key["passphrase_file"]).read_text().strip().encode()
    key, cert, _ = pkcs12.load_key_and_certificates(
        Path(demo_signing_key["path"]).read_bytes(), passphrase
    )
    pem = folder / "key.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [
            tool,
            "--import",
            str(pem),
            "--token",
            label,
            "--label",
            "chu-ky",
            "--id",
            "01",
            "--pin",
            pin,
        ],
        check=True,
        capture_output=True,
    )
    pem.unlink()
    lib = pkcs11.lib(SOFTHSM_MODULE)
    token = lib.get_token(token_label=label)
    with token.open(rw=True, user_pin=pin) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "chu-ky",
                Attribute.ID: b"\x01",
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.ISSUER: cert.issuer.public_bytes(),
            }
        )
    return {"label": label, "pin": pin, "key_label": "chu-ky", "cert": cert}


def test_pkcs11_token_signs_and_both_validators_accept(settings, softhsm_token, unsigned):
    settings.CERT_SIGNER = "pkcs11"
    settings.CERT_PKCS11_MODULE = SOFTHSM_MODULE
    settings.CERT_PKCS11_TOKEN_LABEL = softhsm_token["label"]
    settings.CERT_PKCS11_PIN = softhsm_token["pin"]
    settings.CERT_PKCS11_KEY_LABEL = softhsm_token["key_label"]
    signing.reset_signer_cache()
    try:
        out = signing.sign_pdf(unsigned)
        description = signing.signer_description()
        assert description["backend"] == "pkcs11"
        assert description["is_demo"] is True
        # Signed again with the same cached token session.
        again = signing.sign_pdf(unsigned)
    finally:
        signing.reset_signer_cache()
    for document in (out, again):
        assert pdf_tools.pdfsig_signature_valid(document)
        result = verify_pdf(document)
        assert result["valid"], result
        assert "DEMO - không có giá trị pháp lý" in result["signer"]
    assert not pdf_tools.pdfsig_signature_valid(_flip_inside_signed_range(out))


def test_pkcs11_wrong_pin_fails_clearly(settings, softhsm_token, unsigned):
    settings.CERT_SIGNER = "pkcs11"
    settings.CERT_PKCS11_MODULE = SOFTHSM_MODULE
    settings.CERT_PKCS11_TOKEN_LABEL = softhsm_token["label"]
    settings.CERT_PKCS11_PIN = "000000"
    settings.CERT_PKCS11_KEY_LABEL = softhsm_token["key_label"]
    signing.reset_signer_cache()
    try:
        with pytest.raises(Exception) as caught:  # noqa: B017 - the token's own error
            signing.sign_pdf(unsigned)
        assert "PIN" in type(caught.value).__name__ or "Pin" in repr(caught.value)
    finally:
        signing.reset_signer_cache()


# ---- PAdES B-T: a signature time-stamp when CERT_TSA_URL is set --------------------------------


def test_tsa_url_selects_an_http_timestamper(settings):
    from pyhanko.sign.timestamps import HTTPTimeStamper

    assert signing._timestamper() is None  # noqa: SLF001 - B-B without a TSA
    settings.CERT_TSA_URL = "http://127.0.0.1:9/tsa"
    stamper = signing._timestamper()  # noqa: SLF001
    assert isinstance(stamper, HTTPTimeStamper)
    assert stamper.url == "http://127.0.0.1:9/tsa"


def test_b_t_signature_carries_a_timestamp_token(monkeypatch, unsigned):
    """With a time-stamping service (pyHanko's in-process one standing in for the TSA) the
    signature gets its RFC 3161 token; pdfsig and verify_pdf still accept it."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    key, cert = self_signed(
        "TSA thử nghiệm",
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        extensions=[(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)],
    )
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )
    monkeypatch.setattr(signing, "_timestamper", lambda: stamper)
    out = signing.sign_pdf(unsigned)
    embedded = PdfFileReader(__import__("io").BytesIO(out)).embedded_signatures[0]
    unsigned_attrs = embedded.signer_info["unsigned_attrs"]
    assert "signature_time_stamp_token" in [a["type"].native for a in unsigned_attrs]
    assert pdf_tools.pdfsig_signature_valid(out)
    assert verify_pdf(out)["valid"]
