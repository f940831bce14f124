"""The site's own CSS and scripts (package data), plus the code-highlighting styles."""

from __future__ import annotations

from importlib import resources

from flashgen.render.highlight import DARK_STYLE, LIGHT_STYLE, pygments_css

FILES = ("theme.js", "site.js", "search.js", "study.js", "srs.js", "live.js")
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="3" y="6" width="22" height="16" rx="3" '
           'fill="#0969da"/><rect x="7" y="10" width="22" height="16" rx="3" fill="#54aeff" stroke="#fff" '
           'stroke-width="1.5"/></svg>\n')


def static_files() -> dict[str, str]:
    """Site path -> text of every asset the pages load; nothing is fetched from elsewhere."""
    folder = resources.files("flashgen.site") / "static"
    files = {f"assets/{name}": (folder / name).read_text(encoding="utf-8") for name in FILES}
    files["assets/favicon.svg"] = FAVICON
    files["assets/site.css"] = ((folder / "site.css").read_text(encoding="utf-8") + "\n/* code */\n" +
                                pygments_css(".highlight", LIGHT_STYLE) + pygments_css("[data-theme=dark] .highlight",
                                                                                       DARK_STYLE))
    return files
