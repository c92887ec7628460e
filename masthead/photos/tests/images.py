"""Test images made on the spot: JPEGs carrying XMP, IPTC-IIM or EXIF metadata, and hostile
files (not an image, truncated, a decompression bomb)."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

from PIL import Image

XMP_TEMPLATE = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    photoshop:Credit="{credit}">
   <dc:description><rdf:Alt>
     <rdf:li xml:lang="fr">Un traversier accoste.</rdf:li>
     <rdf:li xml:lang="x-default">{caption}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt>
     <rdf:li xml:lang="x-default">{alt}</rdf:li>
   </rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def jpeg(width: int = 640, height: int = 400, **save_options) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#3b6ea5").save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def jpeg_with_xmp(caption="", creator="", credit="", alt="") -> bytes:
    packet = XMP_TEMPLATE.format(caption=caption, creator=creator, credit=credit, alt=alt)
    return jpeg(xmp=packet.encode("utf-8"))


def _iptc_dataset(record: int, dataset: int, value: bytes) -> bytes:
    return b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(value)) + value


def jpeg_with_iptc(fields: dict[tuple[int, int], str], *, utf8: bool = True) -> bytes:
    """A JPEG with an APP13 "Photoshop 3.0" segment holding IPTC-IIM records, written by hand
    the way photo desks' tools write it (Pillow reads IPTC but does not write it)."""
    encoding = "utf-8" if utf8 else "latin-1"
    iim = b""
    if utf8:
        iim += _iptc_dataset(1, 90, b"\x1b%G")
    for (record, dataset), value in fields.items():
        iim += _iptc_dataset(record, dataset, value.encode(encoding))
    if len(iim) % 2:
        iim += b"\x00"
    # An image resource block: signature, id 0x0404 (IPTC), empty padded name, size, data.
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    payload = b"Photoshop 3.0\x00" + resource + iim
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    plain = jpeg()
    return plain[:2] + segment + plain[2:]  # right after the start-of-image marker


def jpeg_with_exif(description: str = "", artist: str = "") -> bytes:
    exif = Image.Exif()
    if description:
        exif[0x010E] = description
    if artist:
        exif[0x013B] = artist
    return jpeg(exif=exif)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels: a decompression bomb's
    shape, without the bomb."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )
