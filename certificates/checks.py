"""System checks of the certificate signer: production must not sign with the demo key.

Registered from CertificatesConfig.ready(). The deploy check (`manage.py check --deploy`) always
looks; where demo data is not allowed (production: LMS_DEMO_ALLOWED is False) the same check
runs on every start, so a server configured with the demo key refuses to start."""

from django.conf import settings
from django.core import checks


def _signer_problems():
    from . import signing

    backend = (settings.CERT_SIGNER or "").lower()
    if backend not in {"pkcs12", "pkcs11"}:
        return [
            checks.Error(
                f"CERT_SIGNER={settings.CERT_SIGNER!r} không hợp lệ.",
                hint="Dùng 'pkcs12' (tệp khóa) hoặc 'pkcs11' (thiết bị ký số, HSM).",
                id="certificates.E002",
            )
        ]
    try:
        description = signing.signer_description()
    except Exception as exc:  # noqa: BLE001 - any failure to load the key is reported
        return [
            checks.Warning(
                f"Chưa dùng được khóa ký giấy chứng nhận: {exc}",
                hint="Giấy chứng nhận sẽ không được ký cho tới khi cấu hình khóa ký "
                "(CERT_PKCS12_PATH hoặc CERT_SIGNER=pkcs11).",
                id="certificates.W001",
            )
        ]
    if description["is_demo"]:
        return [
            checks.Error(
                "Khóa ký giấy chứng nhận là khóa DEMO (không có giá trị pháp lý): "
                f"{description['name']}.",
                hint="Cấu hình khóa ký của cơ quan (CERT_PKCS12_PATH/CERT_PKCS12_PASSPHRASE_FILE "
                "hoặc CERT_SIGNER=pkcs11 với thiết bị ký số).",
                id="certificates.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def demo_signer_deploy_check(app_configs, **kwargs):
    return _signer_problems()


@checks.register(checks.Tags.security)
def demo_signer_production_check(app_configs, **kwargs):
    if getattr(settings, "LMS_DEMO_ALLOWED", False):
        return []
    return [problem for problem in _signer_problems() if problem.level >= checks.ERROR]
