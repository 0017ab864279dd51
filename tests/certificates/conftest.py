"""Certificate tests sign with a key made for this test session in a temporary folder (no key
and no passphrase in the repository). Autouse, so issuance tests sign like production does."""

import pytest
from django.test import override_settings

from certificates import signing


@pytest.fixture(scope="session")
def demo_signing_key(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cert-signing")
    path, secret = signing.create_demo_signing_cert(folder / "test-signer.p12")
    return {"path": path, "passphrase_file": secret, "folder": folder}


@pytest.fixture(autouse=True, scope="session")
def _sign_with_session_key(demo_signing_key):
    override = override_settings(
        CERT_SIGNER="pkcs12",
        CERT_PKCS12_PATH=demo_signing_key["path"],
        CERT_PKCS12_PASSPHRASE=None,
        CERT_TSA_URL="",
    )
    override.enable()
    signing.reset_signer_cache()
    yield
    override.disable()
    signing.reset_signer_cache()
