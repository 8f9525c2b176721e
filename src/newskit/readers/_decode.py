"""Bytes to text, without mojibake: the BOM, then the declared charset, then a guess."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

__all__ = ["check_not_binary", "declared_html_charset", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that browsers (WHATWG Encoding Standard) read as windows-1252.
_WINDOWS_1252 = frozenset(
    "ascii us-ascii iso-8859-1 iso8859-1 latin1 latin-1 l1 iso_8859-1 cp819 ibm819 "
    "windows-1252 cp1252 x-cp1252".split()
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.-]+)""")
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"WARC/", "a WARC web archive, which this version cannot read yet"),
    (b"\x7fELF", "a program binary"),
)


def check_not_binary(data: bytes, name: str) -> None:
    """Raise :class:`InputError` when ``data`` is not text of any kind newskit reads."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"this is {what}, not HTML, text or JSONL")
    head = data[:8192]
    if b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS):
        raise InputError(name, "binary data (it contains NUL bytes), not HTML, text or JSONL")


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>`` or XML)."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, name: str, *, declared: str | None = None) -> str:
    """Decode ``data`` to text.

    Order: a byte-order mark; then the ``declared`` charset, unless the bytes are valid
    UTF-8 with non-ASCII characters while the declaration names a single-byte charset
    (a frequent lie that would produce mojibake); then UTF-8; then a statistical guess
    (charset-normalizer); windows-1252 as the last resort.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf8 = _try(data, "utf-8")
    if declared:
        encoding = _normalise(declared)
        if encoding is not None:
            if (
                utf8 is not None
                and encoding != "utf-8"
                and not data.isascii()
                and _single_byte(encoding)
            ):
                return utf8
            text = _try(data, encoding)
            if text is not None:
                return text
    if utf8 is not None:
        return utf8
    return _guess(data)


def _normalise(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp", "iso8859", "latin", "windows", "koi8", "mac"))


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}",
        ) from None


def _guess(data: bytes) -> str:
    """A statistical guess; among equally good guesses, windows-1252, the web's most
    common legacy charset (short Western texts fit cp1250 or cp1257 just as well)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:65536]))
    if matches:
        best = matches[0]
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        if any("cp1252" in m.could_be_from_charset for m in tied):
            return data.decode("cp1252", errors="replace")
        text = _try(data, best.encoding)
        if text is not None:
            return text
    return data.decode("cp1252", errors="replace")
