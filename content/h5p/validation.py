"""Checks an uploaded .h5p archive completely before a single byte of it is stored.

Every problem becomes a Vietnamese message that names the file inside the archive and the rule
it breaks. The archive is read member by member from the zip's central directory; nothing is
extracted to disk here.
"""

import hashlib
import json
import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .svg import check_svg

MAX_TOTAL_SIZE = 100 * 1024 * 1024  # uncompressed bytes in the whole package
MAX_FILE_SIZE = 50 * 1024 * 1024  # uncompressed bytes in one member
MAX_FILES = 2000
MAX_JSON_SIZE = 5 * 1024 * 1024  # h5p.json, library.json, content.json, language files
MAX_SVG_SIZE = 5 * 1024 * 1024
# A deflated member may not expand more than this many times; ordinary H5P content (fonts,
# JSON, JS) compresses 3-10x. Small members are exempt: their absolute size is harmless.
MAX_RATIO = 100
RATIO_EXEMPT_BELOW = 1024 * 1024
MAX_ERRORS = 30

# H5P's own default whitelist, minus anything a browser or server could execute on our origin
# (no html/htm, php, swf; no xml either: a browser renders XHTML-namespaced XML as a page).
# fmt: off
ALLOWED_EXTENSIONS = frozenset({
    "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "eot", "ttf", "woff",
    "woff2", "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx",
    "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "vtt", "webvtt",
    "md", "textile", "js", "css",
})
# fmt: on
CODE_EXTENSIONS = frozenset({"js", "css"})
TOP_LEVEL_EXTENSIONS = frozenset({"json", "txt", "md"})

LIBRARY_DIR_RE = re.compile(
    r"^(?P<name>[A-Za-z0-9_][A-Za-z0-9_.]*)-(?P<major>\d+)\.(?P<minor>\d+)$"
)
MACHINE_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.]*$")
LANGUAGE_FILE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\.json$")
DRIVE_RE = re.compile(r"^[A-Za-z]:")

# What reading a damaged or exotic member can raise.
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)


class H5PPackageError(ValidationError):
    """The package was rejected; `.messages` lists every reason, in Vietnamese."""


@dataclass
class ValidatedPackage:
    h5p_json: dict
    title: str
    main_library: str
    members: list = field(default_factory=list)  # ZipInfo of every regular file to store
    total_size: int = 0
    libraries: list = field(default_factory=list)  # LibraryManifest of every library folder


@dataclass(frozen=True)
class LibraryManifest:
    """One library folder as found in a package: what the allow-list compares."""

    machine_name: str
    version: tuple  # (major, minor, patch)
    files: dict  # path inside the library folder → SHA-256 (hex)

    @property
    def folder(self):
        return f"{self.machine_name}-{self.version[0]}.{self.version[1]}"

    @property
    def label(self):
        return f"{self.machine_name} {'.'.join(map(str, self.version))}"

    @property
    def digest(self):
        """One SHA-256 over the sorted (path, hash) list: identifies this exact set of files."""
        text = "\n".join(f"{path}\t{sha}" for path, sha in sorted(self.files.items()))
        return hashlib.sha256(text.encode()).hexdigest()


def extension(name):
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def read_member(archive, info, limit):
    """Read one member, trusting neither the declared size nor the compressed stream."""
    chunks, size = [], 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > min(limit, info.file_size):
                raise H5PPackageError(
                    _(
                        'Tệp "%(file)s": kích thước thực vượt quá kích thước khai báo hoặc giới '
                        "hạn cho phép."
                    )
                    % {"file": info.filename}
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _version(value):
    """H5P writes versions as numbers or digit strings; anything else is wrong."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


class _Checker:
    def __init__(self, archive):
        self.archive = archive
        self.errors = []
        self.files = {}  # name → ZipInfo, regular files only
        self.dirs = set()
        self.hashes = {}  # name → SHA-256 (hex) of the member's bytes

    def error(self, message):
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)

    def fail_if_errors(self):
        if self.errors:
            raise H5PPackageError(self.errors)

    # --- 1. every entry: path, type, size, extension -------------------------------------
    def check_entries(self):
        infos = self.archive.infolist()
        if len(infos) > MAX_FILES:
            self.error(
                _("Gói có %(count)s mục, vượt giới hạn %(max)s tệp.")
                % {"count": len(infos), "max": MAX_FILES}
            )
            return
        total = 0
        for info in infos:
            name = info.filename
            if not self.check_path(name):
                continue
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                self.error(
                    _('Tệp "%(file)s": liên kết tượng trưng (symlink) không được phép.')
                    % {"file": name}
                )
                continue
            if info.flag_bits & 0x1:
                self.error(_('Tệp "%(file)s": tệp được mã hóa, không đọc được.') % {"file": name})
                continue
            if info.is_dir():
                self.dirs.add(name.rstrip("/"))
                continue
            if name in self.files:
                self.error(_('Tệp "%(file)s" xuất hiện hai lần trong gói.') % {"file": name})
                continue
            if info.file_size > MAX_FILE_SIZE:
                self.error(
                    _('Tệp "%(file)s": %(size)s MB, vượt giới hạn %(max)s MB cho một tệp.')
                    % {"file": name, "size": info.file_size // 2**20, "max": MAX_FILE_SIZE // 2**20}
                )
                continue
            if info.file_size >= RATIO_EXEMPT_BELOW and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                self.error(
                    _(
                        'Tệp "%(file)s": tỉ lệ nén bất thường (trên %(ratio)s lần), có dấu hiệu '
                        "bom nén (zip bomb)."
                    )
                    % {"file": name, "ratio": MAX_RATIO}
                )
                continue
            total += info.file_size
            self.check_extension(name)
            self.files[name] = info
        if total > MAX_TOTAL_SIZE:
            self.error(
                _("Gói giải nén ra %(size)s MB, vượt giới hạn %(max)s MB.")
                % {"size": total // 2**20, "max": MAX_TOTAL_SIZE // 2**20}
            )
        self.total_size = total

    def check_path(self, name):
        bad = None
        if not name or "\x00" in name or any(ord(ch) < 32 for ch in name):
            bad = _("tên tệp chứa ký tự điều khiển")
        elif "\\" in name:
            bad = _("đường dẫn chứa dấu gạch ngược (\\)")
        elif name.startswith("/") or DRIVE_RE.match(name):
            bad = _("đường dẫn tuyệt đối")
        else:
            parts = name.rstrip("/").split("/")
            if any(part in {"", ".", ".."} for part in parts):
                bad = _('đường dẫn chứa thành phần rỗng, "." hoặc ".."')
        if bad:
            self.error(
                _('Tệp "%(file)s": %(rule)s, không được phép.') % {"file": name, "rule": bad}
            )
            return False
        return True

    def check_extension(self, name):
        ext = extension(name)
        top = name.split("/", 1)[0]
        if ext not in ALLOWED_EXTENSIONS:
            self.error(
                _('Tệp "%(file)s": phần mở rộng ".%(ext)s" không nằm trong danh sách được phép.')
                % {"file": name, "ext": ext or "(không có)"}
            )
        elif "/" not in name and ext not in TOP_LEVEL_EXTENSIONS:
            self.error(
                _('Tệp "%(file)s": ở thư mục gốc của gói chỉ được có h5p.json và tệp văn bản.')
                % {"file": name}
            )
        elif ext in CODE_EXTENSIONS and not LIBRARY_DIR_RE.match(top):
            self.error(
                _(
                    'Tệp "%(file)s": tệp .%(ext)s chỉ được nằm trong thư mục thư viện '
                    "(TênThưViện-X.Y), không được nằm trong content/ hay thư mục gốc."
                )
                % {"file": name, "ext": ext}
            )

    # --- 2. JSON documents ------------------------------------------------------------------
    def load_json(self, name):
        info = self.files.get(name)
        if info is None:
            return None
        try:
            raw = read_member(self.archive, info, MAX_JSON_SIZE)
            return json.loads(raw.decode("utf-8-sig"))
        except H5PPackageError as exc:
            self.errors.extend(exc.messages)
        except (UnicodeDecodeError, ValueError):
            self.error(_('Tệp "%(file)s": không phải JSON hợp lệ.') % {"file": name})
        except ZIP_READ_ERRORS:
            self.error(_('Tệp "%(file)s": dữ liệu nén bị hỏng.') % {"file": name})
        return None

    def check_h5p_json(self):
        if "h5p.json" not in self.files:
            self.error(_('Thiếu tệp "h5p.json" ở thư mục gốc của gói.'))
            return None
        data = self.load_json("h5p.json")
        if data is None:
            return None
        if not isinstance(data, dict):
            self.error(_('Tệp "h5p.json": phải là một đối tượng JSON.'))
            return None
        ok = True
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            self.error(_('Tệp "h5p.json": thiếu trường "title" (tiêu đề).'))
            ok = False
        main = data.get("mainLibrary")
        if not isinstance(main, str) or not MACHINE_NAME_RE.match(main):
            self.error(_('Tệp "h5p.json": thiếu hoặc sai trường "mainLibrary" (thư viện chính).'))
            ok = False
        deps = data.get("preloadedDependencies")
        if not isinstance(deps, list) or not deps:
            self.error(_('Tệp "h5p.json": thiếu danh sách "preloadedDependencies".'))
            return None
        parsed = []
        for index, dep in enumerate(deps, start=1):
            spec = self.dependency(dep)
            if spec is None:
                self.error(
                    _(
                        'Tệp "h5p.json": phụ thuộc thứ %(n)s cần machineName, majorVersion và '
                        "minorVersion hợp lệ."
                    )
                    % {"n": index}
                )
                ok = False
            else:
                parsed.append(spec)
        if not ok:
            return None
        if main not in {name for name, _major, _minor in parsed}:
            self.error(
                _('Tệp "h5p.json": thư viện chính "%(lib)s" không có trong preloadedDependencies.')
                % {"lib": main}
            )
            return None
        return data, parsed

    @staticmethod
    def dependency(dep):
        if not isinstance(dep, dict):
            return None
        name = dep.get("machineName")
        major, minor = _version(dep.get("majorVersion")), _version(dep.get("minorVersion"))
        if not isinstance(name, str) or not MACHINE_NAME_RE.match(name) or None in (major, minor):
            return None
        return name, major, minor

    # --- 3. library folders ------------------------------------------------------------------
    def top_folders(self):
        folders = {name.split("/", 1)[0] for name in self.files if "/" in name}
        folders |= {name.split("/", 1)[0] for name in self.dirs}
        return folders

    def check_libraries(self):
        """Returns {(machineName, major, minor): library.json} for every valid library folder."""
        libraries = {}
        for folder in sorted(self.top_folders() - {"content"}):
            match = LIBRARY_DIR_RE.match(folder)
            if not match:
                self.error(
                    _(
                        'Thư mục "%(dir)s/": tên thư mục thư viện không hợp lệ (phải có dạng '
                        "TênThưViện-X.Y, ví dụ H5P.TrueFalse-1.6)."
                    )
                    % {"dir": folder}
                )
                continue
            library = self.check_library_json(folder, match)
            if library is not None:
                libraries[(match["name"], int(match["major"]), int(match["minor"]))] = library
            self.check_language_files(folder)
        return libraries

    def check_library_json(self, folder, match):
        name = f"{folder}/library.json"
        if name not in self.files:
            self.error(_('Thư mục "%(dir)s/": thiếu tệp library.json.') % {"dir": folder})
            return None
        data = self.load_json(name)
        if data is None:
            return None
        if not isinstance(data, dict):
            self.error(_('Tệp "%(file)s": phải là một đối tượng JSON.') % {"file": name})
            return None
        problems = []
        title = data.get("title")
        if not isinstance(title, str) or not title.strip() or len(title) > 255:
            problems.append(_('thiếu hoặc sai trường "title"'))
        machine_name = data.get("machineName")
        if not isinstance(machine_name, str) or not MACHINE_NAME_RE.match(machine_name):
            problems.append(_('thiếu hoặc sai trường "machineName"'))
        for key in ("majorVersion", "minorVersion", "patchVersion"):
            if _version(data.get(key)) is None:
                problems.append(_('thiếu hoặc sai trường "%(key)s"') % {"key": key})
        if problems:
            self.error(
                _('Tệp "%(file)s": %(problems)s.') % {"file": name, "problems": "; ".join(problems)}
            )
            return None
        expected = (
            f"{machine_name}-{_version(data['majorVersion'])}.{_version(data['minorVersion'])}"
        )
        if expected != folder:
            self.error(
                _(
                    'Tệp "%(file)s": thư viện khai báo là "%(lib)s" nhưng nằm trong thư mục '
                    '"%(dir)s/" (tên thư mục phải là "%(expected)s/").'
                )
                % {"file": name, "lib": machine_name, "dir": folder, "expected": expected}
            )
            return None
        for key in ("preloadedJs", "preloadedCss"):
            entries = data.get(key, [])
            if not isinstance(entries, list):
                self.error(
                    _('Tệp "%(file)s": "%(key)s" phải là danh sách.') % {"file": name, "key": key}
                )
                continue
            for entry in entries:
                path = entry.get("path") if isinstance(entry, dict) else None
                if not isinstance(path, str) or f"{folder}/{path}" not in self.files:
                    self.error(
                        _(
                            'Tệp "%(file)s": %(key)s khai báo tệp "%(path)s" nhưng tệp này không có '
                            "trong gói."
                        )
                        % {"file": name, "key": key, "path": path}
                    )
        return data

    def check_language_files(self, folder):
        prefix = f"{folder}/language/"
        for name in self.files:
            if name.startswith(prefix) and "/" not in name[len(prefix) :]:
                if not LANGUAGE_FILE_RE.match(name[len(prefix) :]):
                    self.error(
                        _(
                            'Tệp "%(file)s": tên tệp ngôn ngữ không hợp lệ (phải là mã ngôn ngữ, '
                            "ví dụ vi.json)."
                        )
                        % {"file": name}
                    )
                else:
                    self.load_json(name)

    def check_dependencies(self, deps, libraries):
        """Every dependency of the content, and of each library it needs, is in the package."""
        seen, queue = set(), list(deps)
        while queue:
            key = queue.pop()
            if key in seen:
                continue
            seen.add(key)
            library = libraries.get(key)
            if library is None:
                name, major, minor = key
                self.error(
                    _(
                        'Thiếu thư viện "%(lib)s %(major)s.%(minor)s": gói phải có thư mục '
                        '"%(lib)s-%(major)s.%(minor)s/" với tệp library.json hợp lệ.'
                    )
                    % {"lib": name, "major": major, "minor": minor}
                )
                continue
            for dep in library.get("preloadedDependencies") or []:
                spec = self.dependency(dep)
                if spec is not None:
                    queue.append(spec)

    # --- 4. content -------------------------------------------------------------------------
    def check_content(self):
        if "content/content.json" not in self.files:
            self.error(_('Thiếu tệp "content/content.json" (nội dung của hoạt động).'))
            return
        data = self.load_json("content/content.json")
        if data is not None and not isinstance(data, dict):
            self.error(_('Tệp "content/content.json": phải là một đối tượng JSON.'))

    def check_integrity(self):
        """Decompress every member once (CRC and real size checked, bytes hashed for the
        library allow-list, then discarded), so a damaged member is reported now, not halfway
        through storing the package."""
        for name, info in self.files.items():
            try:
                digest = hashlib.sha256()
                with self.archive.open(info) as stream:
                    size = 0
                    while chunk := stream.read(256 * 1024):
                        size += len(chunk)
                        if size > info.file_size:
                            raise zipfile.BadZipFile
                        digest.update(chunk)
                self.hashes[name] = digest.hexdigest()
            except ZIP_READ_ERRORS:
                self.error(_('Tệp "%(file)s": dữ liệu nén bị hỏng.') % {"file": name})

    def library_manifests(self, libraries):
        """Every library folder of the package: name, full version and the SHA-256 of each of
        its files, keyed by the path inside the folder."""
        manifests = []
        for (machine_name, major, minor), data in sorted(libraries.items()):
            prefix = f"{machine_name}-{major}.{minor}/"
            manifests.append(
                LibraryManifest(
                    machine_name=machine_name,
                    version=(major, minor, _version(data["patchVersion"])),
                    files={
                        name[len(prefix) :]: digest
                        for name, digest in sorted(self.hashes.items())
                        if name.startswith(prefix)
                    },
                )
            )
        return manifests

    def check_svgs(self):
        for name, info in self.files.items():
            if extension(name) != "svg":
                continue
            try:
                raw = read_member(self.archive, info, MAX_SVG_SIZE)
            except H5PPackageError as exc:
                self.errors.extend(exc.messages)
                continue
            except ZIP_READ_ERRORS:
                self.error(_('Tệp "%(file)s": dữ liệu nén bị hỏng.') % {"file": name})
                continue
            found = check_svg(raw)
            if found:
                self.error(
                    _('Tệp "%(file)s": ảnh SVG chứa %(what)s, không được phép.')
                    % {"file": name, "what": found}
                )


def validate_package(fileobj, filename="tệp tải lên", user=None):
    """Validate a .h5p archive (a path or a binary file object): its structure, then that every
    library in it is vetted (content/h5p/libraries.py). Returns a ValidatedPackage or raises
    H5PPackageError listing every problem found. `user` only chooses the wording of a refusal
    (a superuser is pointed to the vetting screen, others to an administrator)."""
    from .libraries import unvetted_problems

    validated = validate_structure(fileobj, filename)
    problems = unvetted_problems(validated.libraries, user=user)
    if problems:
        raise H5PPackageError(problems[:MAX_ERRORS])
    return validated


def validate_structure(fileobj, filename="tệp tải lên"):
    """Everything but the library allow-list: what the vetting screen reads before a superuser
    adds a package's libraries to the list. Uploads go through validate_package."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise H5PPackageError(
            _('Tệp "%(file)s" không phải tệp nén ZIP hợp lệ (gói .h5p phải là tệp ZIP).')
            % {"file": filename}
        ) from None
    with archive:
        checker = _Checker(archive)
        checker.check_entries()
        checker.fail_if_errors()
        checker.check_integrity()
        checker.fail_if_errors()
        parsed = checker.check_h5p_json()
        libraries = checker.check_libraries()
        checker.check_content()
        checker.check_svgs()
        if parsed is not None:
            checker.check_dependencies(parsed[1], libraries)
        checker.fail_if_errors()
        data, deps = parsed
        main = next(dep for dep in deps if dep[0] == data["mainLibrary"])
        return ValidatedPackage(
            h5p_json=data,
            title=data["title"].strip()[:255],
            main_library=f"{main[0]} {main[1]}.{main[2]}",
            members=list(checker.files.values()),
            total_size=checker.total_size,
            libraries=checker.library_manifests(libraries),
        )
