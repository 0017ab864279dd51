"""Print, or merge into content/h5p/vetted_libraries.json, the library manifests (name, full
version, SHA-256 of each file) of one or more .h5p packages. Only hashes are written; the
library files themselves never enter the repository. Adding to the shipped list is a code
change to review like any other; on a running site a superuser uses the vetting screen."""

import json

from django.core.management.base import BaseCommand, CommandError

from content.h5p.libraries import SHIPPED_PATH, manifest_entry, shipped_variants
from content.h5p.validation import H5PPackageError, validate_structure


class Command(BaseCommand):
    help = (
        "Tính mã băm SHA-256 của các thư viện trong gói .h5p (để thêm vào danh sách đã thẩm định)."
    )

    def add_arguments(self, parser):
        parser.add_argument("packages", nargs="+", help="tệp .h5p")
        parser.add_argument(
            "--write",
            action="store_true",
            help="gộp vào content/h5p/vetted_libraries.json thay vì in ra",
        )

    def handle(self, *args, packages, write, **options):
        entries = []
        for path in packages:
            try:
                validated = validate_structure(path, path)
            except H5PPackageError as exc:
                raise CommandError("\n".join(exc.messages)) from None
            name = path.rsplit("/", 1)[-1]
            entries.extend(manifest_entry(manifest, name) for manifest in validated.libraries)
        if not write:
            self.stdout.write(json.dumps(entries, indent=2, ensure_ascii=False))
            return
        data = (
            json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))
            if SHIPPED_PATH.exists()
            else {"libraries": []}
        )
        known = {
            (e["machineName"], e["version"], json.dumps(e["files"], sort_keys=True))
            for e in data["libraries"]
        }
        added = 0
        for entry in entries:
            key = (
                entry["machineName"],
                entry["version"],
                json.dumps(entry["files"], sort_keys=True),
            )
            if key not in known:
                known.add(key)
                data["libraries"].append(entry)
                added += 1
        data["libraries"].sort(key=lambda e: (e["machineName"], e["version"], e["source"]))
        SHIPPED_PATH.write_text(
            json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        shipped_variants.cache_clear()
        self.stdout.write(f"{added} thư viện mới được ghi vào {SHIPPED_PATH}.")
