"""Caption, credit and alt text embedded in a photo by the camera, the photographer or the agency.

Read in this order of preference, field by field:

1. XMP (Adobe XMP, ISO 16684-1) with the IPTC Photo Metadata Standard's properties:
   ``dc:description`` (caption), ``dc:creator`` (photographer), ``photoshop:Credit`` and
   ``photoshop:Source`` (agency), ``Iptc4xmpCore:AltTextAccessibility`` (alt text).
2. IPTC-IIM (the older binary records in a JPEG's APP13 segment): 2:120 Caption/Abstract,
   2:80 By-line, 2:110 Credit, 2:115 Source.
3. EXIF ImageDescription and Artist, skipping the placeholders some cameras write there.

XMP is parsed with defusedxml, so an XML bomb or an external entity in a photo goes nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from PIL import Image, IptcImagePlugin

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Text cameras put in EXIF ImageDescription when nobody wrote a caption.
CAMERA_PLACEHOLDERS = frozenset(
    {"", "default", "digital camera", "olympus digital camera", "sony dsc", "camera",
     "image", "picture", "untitled", "no title", "title"}
)  # fmt: skip

IPTC_CAPTION, IPTC_BYLINE, IPTC_CREDIT, IPTC_SOURCE = (2, 120), (2, 80), (2, 110), (2, 115)
IPTC_CHARSET = (1, 90)
EXIF_IMAGE_DESCRIPTION, EXIF_ARTIST = 0x010E, 0x013B


@dataclass(frozen=True)
class EmbeddedMetadata:
    caption: str = ""
    photographer: str = ""
    agency: str = ""
    alt_text: str = ""

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def merged_over(self, other: EmbeddedMetadata) -> EmbeddedMetadata:
        """These values, with ``other``'s wherever these are empty."""
        return EmbeddedMetadata(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )


def _clean(value: str) -> str:
    return " ".join(value.replace("\x00", " ").split())


# --- XMP ------------------------------------------------------------------------------------


def _xmp_value(description: Element, prefix: str, name: str) -> str:
    """A property given as an attribute or as an element holding text or an rdf:Alt/Seq/Bag."""
    qualified = f"{{{NS[prefix]}}}{name}"
    if description.get(qualified):
        return description.get(qualified, "")
    element = description.find(qualified)
    if element is None:
        return ""
    items = element.findall("./*/rdf:li", NS)
    if not items:
        return element.text or ""
    default = [item for item in items if item.get(XML_LANG) == "x-default"]
    if element.find("rdf:Alt", NS) is not None:
        return (default or items)[0].text or ""
    return ", ".join(item.text or "" for item in items if item.text)


def read_xmp(packet: bytes | str | None) -> EmbeddedMetadata:
    if not packet:
        return EmbeddedMetadata()
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    # Some writers pad the packet with NULs or whitespace after the closing processing instruction.
    packet = packet.strip(b"\x00 \r\n\t")
    try:
        root = ElementTree.fromstring(packet, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return EmbeddedMetadata()
    found: dict[str, str] = {}
    wanted = {
        "caption": [("dc", "description")],
        "photographer": [("dc", "creator")],
        "agency": [("photoshop", "Credit"), ("photoshop", "Source")],
        "alt_text": [("Iptc4xmpCore", "AltTextAccessibility")],
    }
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for key, candidates in wanted.items():
            if found.get(key):
                continue
            for prefix, name in candidates:
                value = _clean(_xmp_value(description, prefix, name))
                if value:
                    found[key] = value
                    break
    return EmbeddedMetadata(**found)


# --- IPTC-IIM -------------------------------------------------------------------------------


def _iptc_text(raw: bytes | list[bytes] | None, encoding: str) -> str:
    if raw is None:
        return ""
    if isinstance(raw, list):
        return ", ".join(filter(None, (_iptc_text(item, encoding) for item in raw)))
    try:
        return _clean(raw.decode(encoding))
    except UnicodeDecodeError:
        return _clean(raw.decode("latin-1"))


def read_iptc(image: Image.Image) -> EmbeddedMetadata:
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, IndexError, OSError):
        return EmbeddedMetadata()
    # 1:90 holds ESC % G when the text is UTF-8; older files are usually Latin-1.
    charset = info.get(IPTC_CHARSET)
    encoding = "utf-8" if isinstance(charset, bytes) and b"\x1b%G" in charset else "cp1252"
    return EmbeddedMetadata(
        caption=_iptc_text(info.get(IPTC_CAPTION), encoding),
        photographer=_iptc_text(info.get(IPTC_BYLINE), encoding),
        agency=_iptc_text(info.get(IPTC_CREDIT), encoding)
        or _iptc_text(info.get(IPTC_SOURCE), encoding),
    )


# --- EXIF -----------------------------------------------------------------------------------


def read_exif(image: Image.Image) -> EmbeddedMetadata:
    try:
        exif = image.getexif()
    except (OSError, SyntaxError, ValueError):
        return EmbeddedMetadata()

    def text(tag: int) -> str:
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        value = _clean(str(value or ""))
        return "" if value.lower() in CAMERA_PLACEHOLDERS else value

    return EmbeddedMetadata(caption=text(EXIF_IMAGE_DESCRIPTION), photographer=text(EXIF_ARTIST))


def read_embedded_metadata(image: Image.Image) -> EmbeddedMetadata:
    """Everything a photo says about itself, XMP first, then IPTC-IIM, then EXIF."""
    return (
        read_xmp(image.info.get("xmp")).merged_over(read_iptc(image)).merged_over(read_exif(image))
    )
