"""Photo credits hidden in captions, for every format that only has one caption line.

Editors write the credit into the caption in a handful of ways: "Photo by Jane Roe on
Unsplash" (Unsplash's own attribution text), "Photo by Jane Roe / Agency", "Image: Jane Roe",
"Photograph: Jane Roe", "Credit: Jane Roe", or a closing "(Jane Roe/Agency)". The credit is
split off so the caption reads as a caption and the credit lands in the photo's credit line.
"""

from __future__ import annotations

import re

# A closing "(...)" is a credit only if it reads like one; "(File)" or "(2019)" is not.
_PARENTHESISED = re.compile(r"\s*\(([^()]{2,120})\)\s*\.?\s*$")
_CREDIT_WORDS = re.compile(r"/|\b(?:photo|photograph|via|courtesy|credit|pool)\b", re.IGNORECASE)
# "Photo by X", "Image: X" ... at the start of the caption or after a sentence ends, so that
# "the image: a crowd" inside a sentence is left alone.
_PREFIXED = re.compile(
    r"(?:^|(?<=[.!?;|—–])\s*|\s+[|—–-]\s+)"
    r"(?:(?:photo(?:graph)?s?|image|picture|illustration)\s+(?:by|courtesy\s+of)\s+"
    r"|(?:photo(?:graph)?s?|image|picture|illustration|photo\s+credit|image\s+credit|credit)"
    r"\s*:\s*)"
    r"(?P<credit>[^.!?]{2,120}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_ON_AGENCY = re.compile(r"^(?P<who>.+?)\s+on\s+(?P<agency>Unsplash|Pexels|Pixabay|Flickr)$", re.I)


def split_caption_credit(caption: str) -> tuple[str, str]:
    """``"Crowds at the pier. Photo by Jane Roe on Unsplash"`` -> (caption, "Jane Roe/Unsplash").

    The credit comes back as printed, with "X on Unsplash" and "X / Agency" written
    ``X/Agency`` so :func:`split_credit` can tell photographer from agency.
    """
    caption = re.sub(r"\s+", " ", caption or "").strip()
    match = _PREFIXED.search(caption)
    if match:
        return caption[: match.start()].rstrip(" |—–-"), _tidy(match.group("credit"))
    match = _PARENTHESISED.search(caption)
    if match and _CREDIT_WORDS.search(match.group(1)):
        return caption[: match.start()].rstrip(), _tidy(match.group(1))
    return caption, ""


def split_credit(credit: str) -> tuple[str, str]:
    """``"Jane Roe/Agency"`` -> ("Jane Roe", "Agency"); a credit without a slash is not split."""
    credit = (credit or "").strip().strip("()")
    if "/" in credit:
        photographer, _, agency = credit.partition("/")
        return photographer.strip(), agency.strip()
    return "", ""


def _tidy(credit: str) -> str:
    # "(Photo: Jane Roe/AP)" keeps only the name and agency.
    credit = re.sub(r"^(?:photo(?:graph)?|image|credit)\s*:\s*", "", credit.strip(), flags=re.I)
    on_agency = _ON_AGENCY.match(credit)
    if on_agency:
        return f"{on_agency.group('who').strip()}/{on_agency.group('agency')}"
    return re.sub(r"\s*/\s*", "/", credit)
