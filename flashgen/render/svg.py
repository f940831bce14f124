"""SVG attachments made safe to open: scripts, event handlers, embedded HTML and links to script removed, so
an SVG opened on its own (in a tab, or from the study site's folder) runs nothing in the site's origin."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from flashgen.diagnostics import Diagnostic, warning

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

MAX_SVG_BYTES = 5 * 1024 * 1024
# elements that run script or hold a document of their own (whatever their namespace)
_DROPPED = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener", "audio", "video",
            "canvas", "frame", "frameset", "applet", "meta", "link", "base"}
_ANIMATION = {"set", "animate", "animateTransform", "animateMotion", "animateColor"}
_SAFE_REF = re.compile(r"\s*(#|data:image/(png|jpeg|gif|webp);)", re.I)
_LINK_REF = re.compile(r"\s*(#|https?:|mailto:)", re.I)
_CSS_HAZARD = re.compile(r"@import[^;]*;?|url\(\s*(?![\"']?\s*(#|data:image/(png|jpeg|gif|webp);))[^)]*\)|"
                         r"expression\s*\(", re.I)


@dataclass(frozen=True)
class CleanSvg:
    """The SVG as it is safe to copy (None when it cannot be read as one), and what was taken out."""

    text: str | None
    removed: tuple[str, ...]


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def clean_svg(data: bytes) -> CleanSvg:
    """The SVG without anything that could run script when it is opened as a document."""
    if len(data) > MAX_SVG_BYTES:
        return CleanSvg(None, (f"an SVG over {MAX_SVG_BYTES // 1024 // 1024} MiB",))
    try:  # ElementTree loads no external entity or DTD, and expat stops entity expansion bombs
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError, RecursionError) as exc:
        return CleanSvg(None, (f"unreadable XML ({exc})",))
    if _local(root.tag) != "svg":
        return CleanSvg(None, ("a root element that is not <svg>",))
    removed: list[str] = []
    _clean(root, removed)
    return CleanSvg(ET.tostring(root, encoding="unicode"), tuple(dict.fromkeys(removed)))


def _clean(element: ET.Element, removed: list[str]) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):  # a comment or processing instruction
            element.remove(child)
            continue
        name = _local(child.tag)
        target = _local(child.get("attributeName", ""))
        if name in _DROPPED or not (child.tag.startswith("{" + SVG) or not child.tag.startswith("{")) or \
                (name in _ANIMATION and (target == "href" or target.lower().startswith("on"))):
            element.remove(child)
            removed.append(f"<{name}>")
            continue
        _clean(child, removed)
    name = _local(element.tag)
    for attribute, value in list(element.attrib.items()):
        local = _local(attribute).lower()
        if local.startswith("on"):
            del element.attrib[attribute]
            removed.append(f"{_local(attribute)} handlers")
        elif local == "href" and not (_SAFE_REF.match(value) or (name == "a" and _LINK_REF.match(value))):
            del element.attrib[attribute]
            removed.append("links to script or other documents")
        elif local == "style" and _CSS_HAZARD.search(value):
            element.attrib[attribute] = _CSS_HAZARD.sub("", value)
            removed.append("style that loads other files")
    if name == "style" and element.text and _CSS_HAZARD.search(element.text):
        element.text = _CSS_HAZARD.sub("", element.text)
        removed.append("style that loads other files")


@dataclass(frozen=True)
class SvgCopy:
    """What to write for an SVG attachment (None: nothing), and warnings about it."""

    text: str | None
    problems: tuple[Diagnostic, ...]


def clean_svg_file(vault_path: str, disk: Path) -> SvgCopy:
    """The safe copy of an SVG attachment, with a warning naming what was taken out, or why it is left out."""
    try:
        cleaned = clean_svg(disk.read_bytes())
    except OSError as exc:
        return SvgCopy(None, (warning(vault_path, 0, f"cannot read the SVG: {exc.strerror}", "svg"),))
    if cleaned.text is None:
        return SvgCopy(None, (warning(vault_path, 0, f"SVG not copied: {cleaned.removed[0]}", "svg"),))
    if cleaned.removed:
        return SvgCopy(cleaned.text, (warning(vault_path, 0, "removed from the SVG's copy, so that opening it runs "
                                              f"nothing: {', '.join(cleaned.removed)}", "svg"),))
    return SvgCopy(cleaned.text, ())
