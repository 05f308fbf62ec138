"""Published pictures: the same picture, turned as its EXIF says, with its colour profile and
without its metadata; the same bytes every time."""

from __future__ import annotations

import base64
import io
from xml.etree import ElementTree

from PIL import Image, ImageCms

from spotlight.content.images import published_picture
from spotlight.content.svg_check import clean_svg, svg_problems, svg_texts


def _jpeg(orientation: int, profile: bytes | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Jane Example"  # Artist
    exif[0x0112] = orientation
    out = io.BytesIO()
    options = {"icc_profile": profile} if profile else {}
    Image.new("RGB", (8, 4), "red").save(out, "JPEG", exif=exif.tobytes(), **options)
    return out.getvalue()


def test_a_turned_photo_is_turned_and_loses_its_exif() -> None:
    published = published_picture(_jpeg(6))
    picture = Image.open(io.BytesIO(published))
    assert picture.size == (4, 8)
    assert not dict(picture.getexif())
    assert b"Jane" not in published
    assert published_picture(_jpeg(6)) == published, "the same bytes in every build"


def test_the_colour_profile_stays() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for orientation in (1, 8):
        picture = Image.open(io.BytesIO(published_picture(_jpeg(orientation, profile))))
        assert picture.info.get("icc_profile") == profile
        assert not dict(picture.getexif())


def test_an_upright_photo_keeps_its_compressed_data_byte_for_byte() -> None:
    original = _jpeg(1)
    published = published_picture(original)
    scan = original.index(b"\xff\xda")
    assert published.endswith(original[scan:])
    assert Image.open(io.BytesIO(published)).size == (8, 4)


def test_svg_copy_is_well_formed_and_keeps_the_drawing() -> None:
    drawing = (b'<?xml version="1.0"?><!-- by Jane --><svg xmlns="http://www.w3.org/2000/svg" '
               b'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:i="urn:x"><metadata>Jane'
               b'</metadata><defs><linearGradient id="g"/></defs><i:x>Jane</i:x>'
               b'<text i:a="Jane">Postcode <tspan>SW1A 1AA</tspan> &amp; more</text>'
               b'<use xlink:href="#g" fill="url(#g)"/><style>a > b { fill: red }</style></svg>')
    assert svg_problems(drawing) == []
    published = clean_svg(drawing)
    assert b"Jane" not in published and b"<!--" not in published
    tree = ElementTree.fromstring(published)
    assert tree.find("{http://www.w3.org/2000/svg}use").get(
        "{http://www.w3.org/1999/xlink}href") == "#g"
    assert "a > b" in tree.find("{http://www.w3.org/2000/svg}style").text
    assert svg_texts(drawing) == [(1, "Postcode SW1A 1AA & more")]


def test_a_picture_embedded_in_an_svg_loses_its_metadata() -> None:
    embedded = base64.b64encode(_jpeg(1)).decode()
    drawing = (f'<svg xmlns="http://www.w3.org/2000/svg"><image width="8" height="4" '
               f'href="data:image/jpeg;base64,{embedded}"/></svg>').encode()
    assert svg_problems(drawing) == []
    tree = ElementTree.fromstring(clean_svg(drawing))
    href = tree.find("{http://www.w3.org/2000/svg}image").get("href")
    data = base64.b64decode(href.removeprefix("data:image/jpeg;base64,"))
    assert b"Jane" in _jpeg(1) and b"Jane" not in data
    assert Image.open(io.BytesIO(data)).size == (8, 4)
