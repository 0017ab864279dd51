"""`manage.py verify_certificate FILE.pdf`: signature, signer, serial, register, state.

Exit code 0 when the signature is valid, the file is the one in the register and the
certificate is neither revoked nor expired; 1 otherwise."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from certificates.pdf import format_date
from certificates.verify import check_file


class Command(BaseCommand):
    help = (
        "Kiểm tra tệp PDF giấy chứng nhận: chữ ký số, người ký, số hiệu, khớp sổ cấp, "
        "tình trạng thu hồi hoặc hết hạn."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp PDF")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc}") from exc
        report = check_file(data, today=timezone.localdate())
        ok = self._print(path, report)
        sys.stdout.flush()
        if not ok:
            raise SystemExit(1)

    def _print(self, path, report) -> bool:
        write = self.stdout.write
        write(f"Tệp: {path}")
        write(f"SHA-256: {report['sha256']}")
        if report["valid"]:
            write(self.style.SUCCESS("Chữ ký số: HỢP LỆ (nội dung nguyên vẹn từ khi ký)"))
        else:
            reason = "; ".join(report["errors"]) or "không rõ"
            write(self.style.ERROR(f"Chữ ký số: KHÔNG HỢP LỆ ({reason})"))
        write(f"Người ký: {report['signer'] or '(không có)'}")
        if report.get("signed_at"):
            write(f"Thời điểm ký: {timezone.localtime(report['signed_at']):%d/%m/%Y %H:%M}")
        write(f"Số hiệu: {report['serial'] or '(không đọc được)'}")
        certificate = report["certificate"]
        if report["matches_register"]:
            write(self.style.SUCCESS("Sổ cấp: khớp (tệp đúng là bản đã cấp)"))
        elif certificate is not None:
            write(self.style.ERROR("Sổ cấp: KHÔNG KHỚP (tệp khác với bản đã cấp có số hiệu này)"))
        else:
            write(self.style.ERROR("Sổ cấp: không tìm thấy giấy chứng nhận này"))
        state = report["state"]
        if certificate is not None:
            line = f"Tình trạng: {report['state_label']}"
            if state == "revoked" and report.get("revoked_reason"):
                line += f" (lý do: {report['revoked_reason']})"
            if report.get("valid_until"):
                line += f"; hiệu lực đến {format_date(report['valid_until'])}"
            style = self.style.SUCCESS if state == "valid" else self.style.ERROR
            write(style(line))
        ok = bool(report["valid"] and report["matches_register"] and state == "valid")
        write(
            self.style.SUCCESS("Kết luận: HỢP LỆ")
            if ok
            else self.style.ERROR("Kết luận: KHÔNG HỢP LỆ")
        )
        return ok
