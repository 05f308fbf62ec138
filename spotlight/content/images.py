"""Pictures of the content folder: checked when read, published without their metadata.

A camera or a phone writes into a photo who took it, when, where (GPS) and with what; an
editor writes the author's name and file paths into a PNG's text chunks; none of it belongs on
a public site. The published copy keeps only what draws the picture:

- JPEG: every APPn segment but JFIF, the ICC colour profile and Adobe's colour marker; no
  comment; nothing after the end of the image. A photo whose EXIF orientation turns it is
  turned for real (Pillow, with the original's quantisation tables), as its EXIF goes;
- PNG: only the chunks that draw it (allow-listed: IHDR, PLTE, IDAT, IEND, transparency,
  gamma, colour profile, animation...); no text, EXIF or time chunks;
- WebP: no EXIF or XMP chunk; GIF: no comment, plain-text or application block but looping.

Copies are made from the file's bytes alone, so the same picture gives the same bytes in every
build. Pillow checks each picture as it is read: a file that is not the picture its name says,
or one so large that decoding it would exhaust memory, is refused with its name.
"""

from __future__ import annotations

import io
import struct
import warnings

#: Suffixes of the pictures Pillow checks (SVG is checked by svg_check.py).
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
                       b"iCCP", b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT", b"cICP",
                       b"mDCv", b"cLLi"})
_ORIENTATION = 0x0112


def picture_problem(data: bytes, suffix: str) -> str | None:
    """Why ``data`` (a file named ``*<suffix>``) cannot be published as a picture, or None."""
    from PIL import Image, UnidentifiedImageError

    expected = _FORMATS.get(suffix.lower(), "")
    kind = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}.get(expected, expected)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                found, size = picture.format, picture.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return ("is too large a picture to publish safely: make it smaller (a few thousand "
                "pixels across is plenty)")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, TypeError,
            struct.error, IndexError, KeyError):
        return (f"is not a {kind} picture, though its name ends in {suffix}: open it and save "
                "it again as a picture")
    if found not in _FORMATS.values():
        return f"is a {found} picture: save it as PNG, JPEG, GIF or WebP"
    if 0 in size:
        return "is an empty picture (no pixels)"
    return None


def published_picture(data: bytes) -> bytes:
    """The published copy of a picture: the same picture without its metadata.

    Raises ValueError for a picture too damaged to copy without its metadata."""
    try:
        return _published(data)
    except Exception as error:  # Pillow and the parsers below raise many kinds
        raise ValueError(str(error) or type(error).__name__) from None


def _published(data: bytes) -> bytes:
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(data)
    return data


# --- JPEG ------------------------------------------------------------------------------------


def _jpeg(data: bytes) -> bytes:
    if _orientation(data) not in (None, 1):
        return _turned(data, "JPEG")
    out = [b"\xff\xd8"]
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        segment = data[at:at + 2 + length]
        if marker == 0xDA:  # start of scan: the picture itself, up to the end marker
            end = data.find(b"\xff\xd9", at + 2 + length)
            out.append(data[at:] if end < 0 else data[at:end + 2])
            return b"".join(out)
        if _jpeg_keeps(marker, segment[4:]):
            out.append(segment)
        at += 2 + length
    return data  # not a JPEG we can read: Pillow accepted it, so leave it be


def _jpeg_keeps(marker: int, body: bytes) -> bool:
    if marker == 0xFE:  # comment
        return False
    if 0xE0 <= marker <= 0xEF:  # application segments: EXIF, XMP, IPTC, maker notes...
        return (marker == 0xE0 and body.startswith(b"JFIF\0")) or (
            marker == 0xE2 and body.startswith(b"ICC_PROFILE\0")) or (
            marker == 0xEE and body.startswith(b"Adobe"))
    return True


def _orientation(data: bytes) -> int | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as picture:
            return picture.getexif().get(_ORIENTATION)  # type: ignore[no-any-return]
    except Exception:  # a picture Pillow cannot read further: no orientation to apply
        return None


def _turned(data: bytes, kind: str) -> bytes:
    """The picture turned as its EXIF orientation says, saved again without the EXIF."""
    from PIL import Image, ImageOps, JpegImagePlugin

    with Image.open(io.BytesIO(data)) as picture:
        options: dict[str, object] = {}
        if picture.info.get("icc_profile"):
            options["icc_profile"] = picture.info["icc_profile"]
        if kind == "JPEG":
            tables = getattr(picture, "quantization", None)  # the original's own quality
            options |= {"subsampling": JpegImagePlugin.get_sampling(picture)} | (
                {"qtables": tables} if tables else {})
        elif kind == "WEBP":
            options["lossless"] = True
        turned = ImageOps.exif_transpose(picture)
        turned.info.pop("exif", None)
        out = io.BytesIO()
        turned.save(out, kind, **options)
    return out.getvalue()


# --- PNG -------------------------------------------------------------------------------------


def _png(data: bytes) -> bytes:
    out = [_PNG_SIGNATURE]
    at = len(_PNG_SIGNATURE)
    while at + 12 <= len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        kind = data[at + 4:at + 8]
        chunk = data[at:at + 12 + length]
        if kind == b"eXIf" and _orientation(data) not in (None, 1):
            return _turned(data, "PNG")
        if kind in _PNG_KEPT:
            out.append(chunk)
        at += 12 + length
        if kind == b"IEND":
            break
    return b"".join(out)


# --- WebP ------------------------------------------------------------------------------------


def _webp(data: bytes) -> bytes:
    chunks = []
    at = 12
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])  # nothing after the RIFF
    while at + 8 <= end:
        kind = data[at:at + 4]
        length = struct.unpack("<I", data[at + 4:at + 8])[0]
        chunk = data[at:at + 8 + length + (length & 1)]
        if kind == b"EXIF" and _orientation(data) not in (None, 1):
            return _turned(data, "WEBP")
        if kind not in (b"EXIF", b"XMP "):
            if kind == b"VP8X":  # clear the flags that announce EXIF (0x08) and XMP (0x04)
                chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]
            chunks.append(chunk)
        at += 8 + length + (length & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- GIF -------------------------------------------------------------------------------------


def _gif(data: bytes) -> bytes:
    flags = data[10]
    at = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:at]]
    while at < len(data):
        block = data[at]
        if block == 0x3B:  # trailer
            out.append(b"\x3b")
            return b"".join(out)
        if block == 0x2C:  # an image: descriptor, local colour table, LZW data
            local = data[at + 9]
            end = at + 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0) + 1
            end = _sub_blocks(data, end)
            out.append(data[at:end])
        elif block == 0x21:  # an extension: keep graphic control and looping only
            label = data[at + 1]
            end = _sub_blocks(data, at + 2)
            if label == 0xF9 or (label == 0xFF and data[at + 3:at + 14] in (
                    b"NETSCAPE2.0", b"ANIMEXTS1.0")):
                out.append(data[at:end])
        else:
            return data  # not a GIF we can read: leave it be
        at = end
    return data


def _sub_blocks(data: bytes, at: int) -> int:
    """The offset just after the data sub-blocks starting at ``at``."""
    while at < len(data) and data[at]:
        at += data[at] + 1
    return at + 1
