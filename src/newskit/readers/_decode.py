"""Bytes to text, without mojibake: the BOM, then the declared charset, then a guess."""

from __future__ import annotations

import codecs
import re
import unicodedata

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
# The legacy charsets of the WHATWG Encoding Standard, as Python codecs: what web pages
# use. (Its iso-8859-1 and iso-8859-9 labels mean windows-1252 and windows-1254.) Left
# out: its two Mac charsets, rare on the web, which charset-normalizer often prefers for
# short Western text ("på" as mac_roman reads "pÂ").
_WEB_CHARSETS = (
    "cp1252 cp1250 cp1251 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 iso8859_2 "
    "iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_10 iso8859_13 "
    "iso8859_14 iso8859_15 iso8859_16 koi8_r koi8_u cp866 gb18030 big5 "
    "euc_jp iso2022_jp shift_jis euc_kr"
).split()
# How much messier (charset-normalizer's chaos, 0 to 1) windows-1252 may read than the
# best guess and still be chosen.
_CHAOS_MARGIN = 0.1
# How much less coherent windows-1252 may read and still be chosen (short texts' coherence
# is noisy: Catalan can score as Vietnamese).
_COHERENCE_MARGIN = 0.03
# A non-ASCII character between two letters.
_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
# A byte that is not UTF-8, as ``errors="surrogateescape"`` decodes it.
_ESCAPED = re.compile("[\udc80-\udcff]")
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"WARC/", "a WARC web archive: name it .warc or .warc.gz to read it as one"),
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

    Order: a byte-order mark; then valid UTF-8 with non-ASCII characters, whatever the
    declaration says (legacy text, single- or multi-byte, is almost never valid UTF-8,
    while a false declaration over UTF-8 is a frequent lie that makes mojibake: "café"
    under a Shift_JIS label reads "cafﾃｩ"); then the ``declared`` charset; then UTF-8
    with a few stray windows-1252 bytes mended one by one; then a statistical guess
    (charset-normalizer) among the charsets web pages use; windows-1252 as the last
    resort.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf8 = _try(data, "utf-8")
    if utf8 is not None and not data.isascii():
        return utf8
    if declared:
        encoding = _normalise(declared)
        if encoding is not None:
            text = _try(data, encoding)
            if text is not None:
                return text
    if utf8 is not None:
        return utf8
    return _mostly_utf8(data) or _guess(data)


def _normalise(label: str) -> str | None:
    """The Python codec for a declared label, read as browsers read it.

    A UTF-16 or UTF-32 label in a declaration that was just read as ASCII bytes cannot
    be true (the bytes would have NULs between the letters): browsers read UTF-8, and so
    does this. ``x-user-defined`` is windows-1252 for the same reason.
    """
    label = label.strip().lower()
    if label in _WINDOWS_1252 or label == "x-user-defined":
        return "cp1252"
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding


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


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few windows-1252 bytes pasted in, each of those mended alone.

    Pages built from UTF-8 templates around text from an older database carry both; read
    whole as windows-1252 the UTF-8 part turns to mojibake. The page counts as UTF-8
    when its valid multi-byte characters outnumber its invalid bytes.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if not invalid or valid <= invalid:
        return None
    return _ESCAPED.sub(lambda m: _cp1252_byte(ord(m.group()) - 0xDC00), text)


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes windows-1252 leaves undefined
        return chr(byte)


def _guess(data: bytes) -> str:
    """A statistical guess among the charsets web pages use; windows-1252 by default.

    charset-normalizer ranks the candidates. Two mistakes of its on short text are
    corrected: a candidate whose text puts symbols inside words (Polish "Rząd ogłosił"
    as windows-1252 reads "Rz¹d og³osi³") loses to one that does not; and among the
    rest, windows-1252, the web's most common legacy charset, wins unless another is
    clearly less messy or reads as more coherent language (a few guillemets make French
    "Très" read "Trčs" as cp1257). DOS and other non-web code pages are never guessed
    ("café" as cp775 reads "cafķ").
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:65536], cp_isolation=list(_WEB_CHARSETS)))
    if matches:
        best = matches[0]

        def rank(i: int) -> tuple[int, bool, int]:
            match = matches[i]
            western = (
                "cp1252" in match.could_be_from_charset
                and match.chaos <= best.chaos + _CHAOS_MARGIN
                and match.coherence >= best.coherence - _COHERENCE_MARGIN
            )
            return (_symbols_in_words(str(match)), not western, i)

        chosen = matches[min(range(len(matches)), key=rank)]
        encoding = "cp1252" if "cp1252" in chosen.could_be_from_charset else chosen.encoding
        text = _try(data, encoding)
        if text is not None:
            return text
    return data.decode("cp1252", errors="replace")


def _symbols_in_words(text: str) -> int:
    """How many non-ASCII symbols, numbers or control characters sit between letters."""
    return sum(1 for m in _IN_WORD.finditer(text) if unicodedata.category(m.group())[0] in "SNC")
