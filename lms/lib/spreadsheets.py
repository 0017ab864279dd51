"""Checks on an uploaded .xlsx BEFORE any spreadsheet library parses it.

An .xlsx is a zip archive of XML files. A few hundred kilobytes can inflate to hundreds of
megabytes (a "zip bomb"), and openpyxl loads the whole shared-strings table into memory when it
opens a workbook: 400 KB of `<si><t>x</t></si>` repeated cost 4.4 GB and 45 s. `check_xlsx`
reads the archive itself, cheaply and with a byte budget:

1. the end-of-central-directory record gives the member count before the directory is read;
2. the central directory gives each member's declared size, compression method and ratio;
3. every member is inflated from its raw bytes (never trusting the declared size) in bounded
   pieces, counting the real bytes, so the member and total budgets, and the compression
   ratio, stop a bomb after its first megabyte;
4. the shared-strings table is stream-parsed (expat, no DOCTYPE) for the number of strings and
   the length of each; other XML members for the longest run of text between two tags, which
   bounds the length of any inline cell.

Limits (`Limits`) fit every real file the platform expects (a 100,000-row people file, a
question bank) with a wide margin; `settings.LMS_SPREADSHEET_LIMITS` may override any of them.
Every refusal is a `SpreadsheetRefused` with a Vietnamese message naming the file and, where
there is one, the member and the limit.
"""

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext as _

SHARED_STRINGS = "xl/sharedStrings.xml"
MiB = 1024 * 1024
RAW_CHUNK = 64 * 1024  # compressed bytes read at a time
OUT_CHUNK = MiB  # inflated bytes produced at a time


@dataclass(frozen=True)
class Limits:
    members: int = 1000  # Excel writes about 10-20 parts, more with images or many sheets
    member_bytes: int = 64 * MiB  # uncompressed, one member
    total_bytes: int = 160 * MiB  # uncompressed, all members
    # Compression ratio of one member, looked at once it has inflated past `ratio_floor`:
    # worksheet XML compresses 5-20 times; deflate's maximum is about 1,030.
    ratio: int = 100
    ratio_floor: int = 1 * MiB
    shared_strings: int = 1_000_000  # a 100,000-row file has a few hundred thousand
    cell_chars: int = 32_767  # Excel's own limit for one cell
    # Longest text between two tags in any XML member, in bytes: a cell of 32,767 characters
    # is at most 3 bytes each in UTF-8 (Vietnamese), escapes such as &amp; aside.
    text_bytes: int = 128 * 1024


class SpreadsheetRefused(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _n(value):
    """12345 → "12.345", the Vietnamese way."""
    return f"{value:,}".replace(",", ".")


def _limits():
    return replace(Limits(), **getattr(settings, "LMS_SPREADSHEET_LIMITS", {}))


def check_xlsx(fileobj, name, limits=None):
    """Raise SpreadsheetRefused unless `fileobj` (seekable, binary) is an archive openpyxl may
    safely open. Leaves the file at its start."""
    limits = limits or _limits()
    try:
        if not _check_member_count(fileobj, name, limits):
            return  # not a zip archive: nothing can inflate; the reader says what it is not
        fileobj.seek(0)
        try:
            archive = zipfile.ZipFile(fileobj)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return  # openpyxl opens it with zipfile too, so it fails there the same way
        infos = archive.infolist()
        _check_declared(infos, name, limits)
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            total += _check_member(fileobj, info, name, limits, total)
    finally:
        fileobj.seek(0)


def _check_member_count(fileobj, name, limits):
    """Read the entry count from the end-of-central-directory record (zip64 too), so a
    directory of millions of entries is refused before zipfile builds an object for each.
    False when there is no such record (not a zip archive)."""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    tail_size = min(size, 22 + 65535)
    fileobj.seek(size - tail_size)
    tail = fileobj.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return False
    (count,) = struct.unpack_from("<H", tail, at + 10)
    locator = at - 20
    if locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        (record_offset,) = struct.unpack_from("<Q", tail, locator + 8)
        fileobj.seek(record_offset)
        record = fileobj.read(56)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            (count,) = struct.unpack_from("<Q", record, 32)
    if count > limits.members:
        raise SpreadsheetRefused(
            _(
                "Tệp “%(name)s” chứa %(count)s tệp con, vượt giới hạn %(limit)s của một bảng "
                "tính XLSX; tệp không được đọc."
            )
            % {"name": name, "count": _n(count), "limit": _n(limits.members)}
        )
    return True


def _too_big(name, member, limit):
    return SpreadsheetRefused(
        _(
            "Tệp “%(name)s”: phần “%(member)s” khi giải nén lớn hơn %(limit)s MB (giới hạn của "
            "một bảng tính); tệp không được đọc. Hãy chia nhỏ bảng tính."
        )
        % {"name": name, "member": member, "limit": _n(limit // MiB)}
    )


def _check_declared(infos, name, limits):
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise SpreadsheetRefused(
                _(
                    "Tệp “%(name)s”: phần “%(member)s” được mã hóa (đặt mật khẩu); hãy lưu lại "
                    "bảng tính không đặt mật khẩu."
                )
                % {"name": name, "member": info.filename}
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SpreadsheetRefused(
                _(
                    "Tệp “%(name)s”: phần “%(member)s” dùng phương thức nén không được hỗ trợ; "
                    "hãy mở bằng Excel và lưu lại dạng .xlsx."
                )
                % {"name": name, "member": info.filename}
            )
        if info.file_size > limits.member_bytes:
            raise _too_big(name, info.filename, limits.member_bytes)
        total += info.file_size
        if total > limits.total_bytes:
            raise _too_big(name, info.filename, limits.total_bytes)


def _raw_data_start(fileobj, info, name):
    fileobj.seek(info.header_offset)
    header = fileobj.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise SpreadsheetRefused(
            _("Tệp “%(name)s”: phần “%(member)s” bị hỏng (tệp nén không hợp lệ).")
            % {"name": name, "member": info.filename}
        )
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    return info.header_offset + 30 + name_length + extra_length


def _inflate(fileobj, info, name, limits, total_before):
    """Yield the member's real uncompressed bytes in pieces of at most OUT_CHUNK, refusing as
    soon as a budget or the ratio is exceeded."""
    fileobj.seek(_raw_data_start(fileobj, info, name))
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    produced = consumed = 0
    while left > 0:
        raw = fileobj.read(min(RAW_CHUNK, left))
        if not raw:
            break
        left -= len(raw)
        pending = raw
        while pending:
            if inflater is None:
                out, pending = pending, b""
            else:
                try:
                    out = inflater.decompress(pending, OUT_CHUNK)
                except zlib.error as exc:
                    raise SpreadsheetRefused(
                        _("Tệp “%(name)s”: phần “%(member)s” bị hỏng (dữ liệu nén không hợp lệ).")
                        % {"name": name, "member": info.filename}
                    ) from exc
                pending = inflater.unconsumed_tail
            consumed = info.compress_size - left - len(pending)
            produced += len(out)
            if produced > limits.member_bytes:
                raise _too_big(name, info.filename, limits.member_bytes)
            if total_before + produced > limits.total_bytes:
                raise _too_big(name, info.filename, limits.total_bytes)
            if produced > limits.ratio_floor and produced > limits.ratio * max(consumed, 1):
                raise SpreadsheetRefused(
                    _(
                        "Tệp “%(name)s”: phần “%(member)s” nén hơn %(ratio)s lần, bất thường với "
                        "một bảng tính (có thể là “bom nén”); tệp không được đọc."
                    )
                    % {"name": name, "member": info.filename, "ratio": _n(limits.ratio)}
                )
            if out:
                yield out
            if inflater is not None and inflater.eof:
                return


def _check_member(fileobj, info, name, limits, total_before):
    """Inflate one member against the budgets and check its XML; return its real size."""
    if info.filename == SHARED_STRINGS:
        reader = _SharedStrings(name, limits)
    elif info.filename.endswith((".xml", ".rels")):
        reader = _TextRuns(name, info.filename, limits)
    else:
        reader = None
    size = 0
    for piece in _inflate(fileobj, info, name, limits, total_before):
        size += len(piece)
        if reader is not None:
            reader.feed(piece)
    if reader is not None:
        reader.close()
    return size


class _TextRuns:
    """The longest run of bytes between two tags ('<') must stay under `limits.text_bytes`."""

    def __init__(self, name, member, limits):
        self.name, self.member, self.limit = name, member, limits.text_bytes
        self.run = 0  # length of the run still open at the end of the last piece
        self.pattern = re.compile(rb"[^<]{%d}" % (self.limit + 1))

    def feed(self, piece):
        first = piece.find(b"<")
        head = len(piece) if first < 0 else first
        if self.run + head > self.limit or self.pattern.search(piece):
            raise self.refusal()
        last = piece.rfind(b"<")
        self.run = self.run + len(piece) if last < 0 else len(piece) - last - 1

    def close(self):
        pass

    def refusal(self):
        return SpreadsheetRefused(
            _(
                "Tệp “%(name)s”: phần “%(member)s” có một ô dài hơn %(limit)s ký tự (giới hạn "
                "của Excel); tệp không được đọc."
            )
            % {"name": self.name, "member": self.member, "limit": _n(32_767)}
        )


class _SharedStrings:
    """Stream-parse the shared-strings table: how many strings, how long each."""

    def __init__(self, name, limits):
        self.name, self.limits = name, limits
        self.count = 0
        self.chars = 0  # length of the string being read
        self.runs = _TextRuns(name, SHARED_STRINGS, limits)
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self.start
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.doctype
        parser.buffer_text = True
        parser.buffer_size = 64 * 1024
        self.parser = parser

    def refuse(self, message, limit=0):
        raise SpreadsheetRefused(
            message % {"name": self.name, "member": SHARED_STRINGS, "limit": _n(limit)}
        )

    def start(self, tag, attrs):
        local = tag.rpartition(" ")[2]
        if local == "si":
            self.count += 1
            self.chars = 0
            if self.count > self.limits.shared_strings:
                self.refuse(
                    _(
                        "Tệp “%(name)s”: phần “%(member)s” chứa hơn %(limit)s chuỗi ký tự, vượt "
                        "giới hạn của một bảng tính; tệp không được đọc."
                    ),
                    self.limits.shared_strings,
                )

    def text(self, data):
        self.chars += len(data)
        if self.chars > self.limits.cell_chars:
            self.refuse(
                _(
                    "Tệp “%(name)s”: phần “%(member)s” có một ô dài hơn %(limit)s ký tự (giới "
                    "hạn của Excel); tệp không được đọc."
                ),
                self.limits.cell_chars,
            )

    def doctype(self, *args):
        self.refuse(
            _(
                "Tệp “%(name)s”: phần “%(member)s” chứa khai báo DOCTYPE, không có trong bảng "
                "tính thật; tệp không được đọc."
            )
        )

    def feed(self, piece):
        self.runs.feed(piece)
        try:
            self.parser.Parse(piece, False)
        except expat.ExpatError as exc:
            self.broken(exc)

    def close(self):
        try:
            self.parser.Parse(b"", True)
        except expat.ExpatError as exc:
            self.broken(exc)

    def broken(self, exc):
        raise SpreadsheetRefused(
            _("Tệp “%(name)s”: phần “%(member)s” không phải XML hợp lệ (%(error)s).")
            % {"name": self.name, "member": SHARED_STRINGS, "error": exc}
        ) from exc
