"""Throwaway signing keys for tests: a self-signed certificate whose subject is not the demo one
(an agency's key stands in production), made on the fly, never kept in the repository."""

from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def self_signed(common_name, key=None, *, days=30, extensions=()):
    """(key, certificate): `key` (a new P-256 key when None) certified by itself for `days`;
    `extensions` are (extension, critical) pairs."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return key, builder.sign(key, hashes.SHA256())


def agency_pkcs12(path, passphrase, common_name="Sở Nội vụ (khóa thử)", days=30):
    """Write a PKCS#12 file with a self-signed, non-demo signing key at `path`; returns `path`."""
    key, cert = self_signed(common_name, days=days)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"agency", key, cert, None, serialization.BestAvailableEncryption(passphrase.encode())
        )
    )
    return path
