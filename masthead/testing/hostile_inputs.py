"""Strings an attacker types into any field a reader, contributor or import can fill. Each one,
if it reached a page unescaped or unsanitized, would open a dialog or add an element with a
handler; the security suite checks neither happens."""

HOSTILE_INPUTS: list[str] = [
    "<script>alert('script')</script>",
    '"><img src=x onerror=alert("attr-break")>',
    "'><svg onload=alert('svg')>",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "<a href=\"javascript:alert('link')\">click</a>",
    "<body onload=alert('body')>",
    "</textarea><script>alert('textarea')</script>",
    "</title><script>alert('title')</script>",
    '<div style="x" onmouseover="alert(\'hover\')">hover</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
    "<<script>script>alert('nested')<</script>/script>",
    "&lt;img src=x onerror=alert('entity')&gt;",
    '{{ 7|add:"7" }} {% now "Y" %}',
    "javascript:alert('url')",
]
