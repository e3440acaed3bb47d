"""Text between clientlearn (plain text) and Moodle (HTML).

Out: every character escaped (:func:`html.escape`), a line break as ``<br>``, the whole
in one ``<p>``, so Moodle shows exactly the bank's text.  In: Moodle's HTML read as a
browser would show it, as plain text: tags dropped, entities decoded, runs of spaces
one space, ``<br>`` a line break and a paragraph or list item a line of its own.  What
plain text cannot hold (an image, an embedded file, a formula) is named, never lost
silently.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements that start a line of their own.
_BLOCKS = frozenset(
    ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
     "blockquote", "pre", "section", "article")
)  # fmt: skip
# Elements whose content is never shown as text.
_HIDDEN = frozenset(("script", "style", "head", "title"))
# Elements whose loss the importer reports: what plain text cannot hold.
_MEDIA = {
    "img": "image",
    "video": "video",
    "audio": "audio",
    "iframe": "embedded page",
    "object": "embedded object",
    "math": "formula",
}


def to_html(text: str) -> str:
    """Plain ``text`` as the HTML of one paragraph (escaped; line breaks kept)."""
    lines = text.strip().split("\n")
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in lines) + "</p>"


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.media: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")
        if tag in _MEDIA:
            self.media.append(_MEDIA[tag])
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # In HTML a line break in the source is a space.
            self.parts.append(re.sub(r"\s+", " ", data))


def to_text(markup: str) -> tuple[str, list[str]]:
    """The plain text a browser shows for ``markup``, and what it could not keep
    (``image``, ``formula``…), in English words for :mod:`.notes`."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    text = "".join(reader.parts)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{2,}", "\n", out).strip()
    media = list(reader.media)
    if "@@PLUGINFILE@@" in markup and "image" not in media:
        media.append("embedded file")
    return out, media
