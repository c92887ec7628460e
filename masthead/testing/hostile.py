"""Text an attacker would put in a story, for tests of every place story text comes out.

Each entry tries one way to turn text into live markup or to break the document around it:
raw tags, markup hidden behind one or two layers of entities, links to scripts, breakouts from
``<script>`` blocks and CDATA sections, SVG, characters XML cannot carry, and bidirectional
overrides. Use :data:`HOSTILE` in full; no single entry proves anything."""

from __future__ import annotations

HOSTILE: dict[str, str] = {
    "script": "<script>alert('script')</script>Harbor",
    "img_onerror": '<img src="x" onerror="alert(\'img\')">Pier',
    "entity_encoded": "&lt;script&gt;alert('entity')&lt;/script&gt;Ferry",
    "entity_img": "&lt;img src=x onerror=alert('entity-img')&gt;Dock",
    "double_encoded": "&amp;lt;img src=x onerror=alert('double')&amp;gt;Boat",
    "numeric_entities": "&#60;svg onload=alert('numeric')&#62;Tide",
    "javascript_link": "<a href=\"javascript:alert('link')\">Timetable</a>",
    "script_breakout": "</script><script>alert('breakout')</script>Council",
    "cdata_breakout": "]]><script>alert('cdata')</script><![CDATA[Mayor",
    "svg": '<svg><script>alert("svg")</script><circle onload="alert(1)"/></svg>Budget',
    # No NUL: PostgreSQL refuses it in text, so it cannot reach a page from the database.
    "control_chars": "Night\x01 shift\x08 at the\x0b port\x1f",
    "invalid_xml": "Fish market \ufffe\uffff reopens",
    "rtl_override": "Invoice \u202egpj.exe\u202c for the pier",
    "style_attr": '<p style="background:url(javascript:alert(1))">Rates</p>',
}

# What must never appear, in any case, in text a reader's browser or feed reader will parse.
LIVE_MARKUP = ("<script", "onerror", "onload", "javascript:", "<svg", '<img src="x"')
