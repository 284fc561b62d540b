"""Bytes to text: UTF-8 first, then detection; binary data is refused with a clear reason."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from detente.errors import InputError, Messages

# Past this share of control characters a "text" is really binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.02
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes of a document.

    Raises InputError D201 (empty), D202 (binary) or D203 (undecodable).
    """
    if not data.strip():
        raise InputError(Messages.D201, code="D201")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"))
    if b"\x00" in data[:65536]:
        raise InputError(Messages.D202.format(what="NUL bytes"), code="D202")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(Messages.D203, code="D203")
    try:
        return _checked(data.decode(best.encoding))
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(Messages.D203, code="D203") from exc


def _checked(text: str) -> str:
    sample = text[:65536]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and control / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(Messages.D202.format(what=f"{control} control characters"), code="D202")
    if not text.strip():
        raise InputError(Messages.D201, code="D201")
    return text
