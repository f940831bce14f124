"""HTML rendering of parsed notes and card fragments; links, embeds and images go through a Linker."""

from __future__ import annotations

import posixpath
import re
from html import escape
from typing import Any, Protocol

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from flashgen.render.highlight import highlight
from flashgen.vault.files import attachment_kind
from flashgen.vault.markdown import create_parser
from flashgen.vault.markdown.dollar_math import MATH_TOKENS, to_mathml
from flashgen.vault.markdown.wikilink import WikiTarget
from flashgen.vault.model import Link
from flashgen.vault.parse import markdown_link

SAFE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "font",
    "center", "figure", "figcaption", "caption", "colgroup", "col",
}
SAFE_ATTRS = {"*": {"class", "title", "id", "align", "lang", "dir"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
              "font": {"color"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "details": {"open"}}


def sanitize(html: str, env: dict[str, Any] | None = None) -> str:
    """Raw HTML from a note with scripts, handlers and unknown tags removed; harmless tags kept. With an `env`,
    `<img src>` and `<a href>` that name vault files point where the output keeps them."""
    def vault_urls(tag: str, name: str, value: str) -> str | None:
        if name in ("src", "href") and _is_vault_url(value):
            return _vault_url(tag, value, env or {})[0]
        return value

    return nh3.clean(html, tags=SAFE_TAGS, attributes=SAFE_ATTRS, url_schemes={"http", "https", "mailto", "obsidian"},
                     link_rel="noopener noreferrer", attribute_filter=vault_urls if env is not None else None)


def _is_vault_url(value: str) -> bool:
    value = value.strip()
    return bool(value) and not re.match(r"^(?:[a-zA-Z][\w+.-]*:|//|#)", value)


def _vault_url(tag: str, value: str, env: dict[str, Any]) -> tuple[str | None, bool]:
    """(where a raw HTML `src` or `href` naming a vault file points in this output or None, whether it exists)."""
    linker = _env_linker(env)
    if tag == "a":
        return linker.link(markdown_link(value, 0, embed=False), env.get("from", ""))
    src = linker.image(markdown_link(value, 0, embed=True), env.get("from", ""))
    return src, src is not None


class Linker(Protocol):
    """Where links, embeds and images of a note point in one output (the site or a deck)."""

    def link(self, link: Link, from_path: str) -> tuple[str | None, bool]:
        """(href or None, exists) for a link to a note, heading or block."""

    def image(self, link: Link, from_path: str) -> str | None:
        """The `src` for an embedded file (image, audio, video, PDF), or None when the file is missing."""

    def transclude(self, link: Link, from_path: str, env: dict[str, Any]) -> str | None:
        """HTML for `![[note]]` / `![[note#heading]]`, or None to show a link instead."""

    def tag_href(self, tag: str) -> str | None:
        """Where a `#tag` links to, or None for plain text."""


class PlainLinker:
    """Links as plain text and no images: the fallback when an output gives no Linker."""

    def link(self, link: Link, from_path: str) -> tuple[str | None, bool]:
        return None, True

    def image(self, link: Link, from_path: str) -> str | None:
        return None

    def transclude(self, link: Link, from_path: str, env: dict[str, Any]) -> str | None:
        return None

    def tag_href(self, tag: str) -> str | None:
        return None


def link_from_target(parts: WikiTarget, embed: bool, line: int = 0) -> Link:
    """The model Link for a wikilink token's parts."""
    return Link(parts.target, line, embed, True, parts.heading, parts.block, parts.alias, parts.width, parts.height)


def link_text(link: Link) -> str:
    """What Obsidian shows for a wikilink: the alias, else `name > heading`, else the name."""
    if link.alias:
        return link.alias
    name = posixpath.basename(link.target)
    if name.lower().endswith(".md"):
        name = name[:-3]
    fragment = link.heading or (("^" + link.block) if link.block else None)
    if fragment:
        return f"{name} > {fragment}" if name else fragment
    return name


_KINDS = {"image": ("🖼", "image"), "audio": ("🔊", "audio file"), "video": ("🎞", "video"), "pdf": ("📄", "PDF")}


def missing_image(name: str, kind: str = "image") -> str:
    """A visible placeholder for an image (or another embedded file) that is not in the vault."""
    icon, what = _KINDS.get(kind, ("📎", "file"))
    return (f'<span class="missing-image" title="missing {what}">'
            f'<span aria-hidden="true">{icon}</span> {escape(name)} <em>(missing)</em></span>')


def _env_linker(env: dict[str, Any]) -> Linker:
    return env.get("linker") or PlainLinker()


def _wikilink(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    link = link_from_target(token.meta["target"], False)
    return _anchor(link, env)


def _anchor(link: Link, env: dict[str, Any]) -> str:
    href, exists = _env_linker(env).link(link, env.get("from", ""))
    text = escape(link_text(link))
    if href is None and exists:
        return f'<span class="internal-link">{text}</span>'
    cls = "internal-link" if exists else "internal-link is-unresolved"
    title = "" if exists else ' title="missing note"'
    if href is None:
        return f'<span class="{cls}"{title}>{text}</span>'
    return f'<a class="{cls}" href="{escape(href)}"{title}>{text}</a>'


def _image_html(link: Link, env: dict[str, Any]) -> str:
    src = _env_linker(env).image(link, env.get("from", ""))
    name = posixpath.basename(link.target)
    if src is None:
        env.setdefault("missing_images", []).append(link.target)
        return missing_image(name)
    size = ""
    if link.width:
        size += f' width="{link.width}"'
    if link.height:
        size += f' height="{link.height}"'
    alt = escape(link.alias or name)
    return f'<img src="{escape(src)}" alt="{alt}"{size} loading="lazy">'


def _media_html(link: Link, kind: str, env: dict[str, Any]) -> str:
    """An embedded audio, video or PDF file as Obsidian shows it: a player, or the PDF viewer with a link to
    the file. On an Anki card (`anki_media`), audio and video are Anki's `[sound:…]`, which every Anki plays, and a
    PDF is named without its page: Anki keeps only the media files its fields name exactly."""
    src = _env_linker(env).image(link, env.get("from", ""))
    name = posixpath.basename(link.target)
    if src is None:
        env.setdefault("missing_images", []).append(link.target)
        return missing_image(name, kind)
    if kind in ("audio", "video"):
        if env.get("anki_media"):
            return f"[sound:{escape(src)}]"
        width = f' width="{link.width}"' if link.width and kind == "video" else ""
        return (f'<{kind} class="embed-{kind}" controls preload="metadata" src="{escape(src)}" '
                f'title="{escape(link.alias or name)}"{width}></{kind}>')
    options = dict(part.split("=", 1) for part in (link.heading or "").split("&") if "=" in part)  # page=3
    page = f"#page={int(options['page'])}" if options.get("page", "").isdigit() else ""
    height = int(options["height"]) if options.get("height", "").isdigit() else 600
    url = escape(src + ("" if env.get("anki_media") else page))
    return (f'<object class="embed-pdf" data="{url}" type="application/pdf" width="100%" height="{height}" '
            f'title="{escape(name)}"><a class="internal-link" href="{url}">📄 {escape(link.alias or name)}</a></object>')


def _embed_html(link: Link, env: dict[str, Any]) -> str:
    """An embed: an image, audio, video or PDF file shown in place, a canvas or base as a link to it, a note or
    a part of one transcluded (or a link when it cannot be)."""
    kind = attachment_kind(link.target)
    if kind == "image":
        return _image_html(link, env)
    if kind in ("audio", "video", "pdf"):
        return _media_html(link, kind, env)
    if kind is None:
        return note_embed(link, env)
    return _anchor(link, env)


def note_embed(link: Link, env: dict[str, Any]) -> str:
    """An embedded note or part of one: transcluded by the linker, or a link when it cannot be."""
    html = _env_linker(env).transclude(link, env.get("from", ""), env)
    return html if html is not None else _anchor(link, env)


def _wikiembed(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    return _embed_html(link_from_target(token.meta["target"], True, token.meta.get("line", 0)), env)


def _image(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    link = markdown_link(src, 0, embed=True, alt=token.content)
    if link.external:
        size = (f' width="{link.width}"' if link.width else "") + (f' height="{link.height}"' if link.height else "")
        return f'<img src="{escape(src)}" alt="{escape(link.alias or "")}"{size} loading="lazy">'
    return _embed_html(link, env)


def _link_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx].copy(attrs=dict(tokens[idx].attrs))  # tokens are rendered again: never change them
    href = str(token.attrGet("href") or "")
    if href and not (":" in href.split("/")[0] or href.startswith(("//", "#"))):
        link = markdown_link(href, 0, embed=False)
        new_href, exists = _env_linker(env).link(link, env.get("from", ""))
        if new_href is not None:
            token.attrSet("href", new_href)
        else:  # a file or folder this output does not show: the words stay, the link goes
            token.attrs.pop("href", None)
        if not exists:
            token.attrSet("class", "internal-link is-unresolved")
    elif href.startswith(("http://", "https://")):
        token.attrSet("rel", "noopener")
    return self.renderToken([token], 0, options, env)


def _tag(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    tag = tokens[idx].meta["tag"]
    href = _env_linker(env).tag_href(tag)
    if href is None:
        return f'<span class="tag">#{escape(tag)}</span>'
    return f'<a class="tag" href="{escape(href)}">#{escape(tag)}</a>'


def _id_attr(token: Token) -> str:
    anchor = token.attrGet("id")
    return f' id="{escape(str(anchor))}"' if anchor else ""


def _callout_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    meta = tokens[idx].meta
    kind = escape(meta["kind"])
    tag, state = ("details", " open" if meta["fold"] == "+" else "") if meta["fold"] else ("div", "")
    return f'<{tag} class="callout" data-callout="{kind}"{_id_attr(tokens[idx])}{state}>'


def _callout_title_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    return f'<{"summary" if tokens[idx].meta["fold"] else "div"} class="callout-title">'


def _callout_title_close(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    return f'</{"summary" if tokens[idx].meta["fold"] else "div"}><div class="callout-content">\n'


def _callout_close(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    for token in reversed(tokens[:idx]):
        if token.type == "callout_open" and token.level == tokens[idx].level:
            return "</div></details>\n" if token.meta["fold"] else "</div></div>\n"
    return "</div></div>\n"


def _math(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    """MathML made now, so that nothing runs when the page or card is shown; TeX that cannot be read is shown
    as written (the parse warned about it)."""
    token = tokens[idx]
    display = MATH_TOKENS[token.type]
    mathml = to_mathml(token.content, display)
    if mathml is None:
        mathml = f'<code class="math-error" title="not valid TeX">{escape(token.content.strip())}</code>'
    if token.type == "math_block":
        return f'<div class="math math-block"{_id_attr(token)}>{mathml}</div>\n'
    return f'<span class="math">{mathml}</span>'


def _log_date_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    day = token.meta["date"].isoformat()
    anchor = token.attrGet("id")
    ident = f' id="{escape(str(anchor))}"' if anchor else ""
    return f'<p class="log-date"{ident}><time datetime="{day}">{day}</time> '


def _course_heading_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    anchor = tokens[idx].attrGet("id")
    ident = f' id="{escape(str(anchor))}"' if anchor else ""
    return f'<p class="lesson"{ident}><strong>'


def _cell_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    """A table cell: its column's alignment as a class (the site's policy allows no inline style; the Anki note
    types' CSS has the same classes)."""
    style = tokens[idx].attrGet("style")
    if not style:
        return self.renderToken(tokens, idx, options, env)
    cell = tokens[idx].copy(attrs={k: v for k, v in tokens[idx].attrs.items() if k != "style"})
    cell.attrJoin("class", "align-" + str(style).rpartition(":")[2].strip())
    return self.renderToken(tokens[:idx] + [cell] + tokens[idx + 1:], idx, options, env)


def _fence(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    lang = token.info.strip().split()[0] if token.info.strip() else ""
    html = highlight(token.content, lang)
    if _id_attr(token):
        html = html.replace("<pre ", f"<pre{_id_attr(token)} ", 1)
    if lang.lower() == "mermaid":
        # a diagram drawn by a script in Obsidian: its source, labelled, and no script here
        return (f'<figure class="diagram" data-diagram="mermaid"><figcaption>Mermaid diagram · source</figcaption>\n'
                f'{html}</figure>\n')
    return html + code_warning(token, env)


def _code_block(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    return highlight(tokens[idx].content, "") + code_warning(tokens[idx], env)


def code_warning(token: Token, env: dict[str, Any]) -> str:
    """A visible warning under a code block whose manifest Kubernetes rejects (env `code_warnings`: fence line ->
    (title, messages), from the build's lint)."""
    found = (env.get("code_warnings") or {}).get(token.map[0] + 1) if token.map else None
    if not found:
        return ""
    title, messages = found
    items = "".join(f"<li>{escape(message)}</li>" for message in messages)
    return (f'<div class="callout manifest-warning" data-callout="warning" role="note"><div class="callout-title">'
            f'{escape(title)}</div><div class="callout-content"><ul>{items}</ul></div></div>\n')


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def _missing_img_tags(html: str, env: dict[str, Any]) -> str:
    """Raw HTML with each `<img>` whose vault file is missing turned into the placeholder of a missing embed."""
    def swap(match: re.Match) -> str:
        value = _attribute(match.group(0)[len("<img"):].rstrip("/>"), "src")
        if not _is_vault_url(value) or _vault_url("img", value, env)[1]:
            return match.group(0)
        env.setdefault("missing_images", []).append(value.strip())
        return missing_image(posixpath.basename(value.strip()))

    return _IMG_TAG.sub(swap, html) if "<img" in html.lower() else html


def _attribute(attrs: str, wanted: str) -> str:
    """The value of one attribute in a tag's attribute text, or ""."""
    for attr in _ATTR.finditer(attrs):
        if attr.group(1).lower() == wanted:
            return next((v for v in attr.group(2, 3, 4) if v is not None), "")
    return ""


def _html(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    html = sanitize(_missing_img_tags(tokens[idx].content, env), env)
    return f"<div{_id_attr(tokens[idx])}>{html}</div>\n" if _id_attr(tokens[idx]) else html


_INLINE_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s[^<>]*?)?)\s*(/?)>$", re.DOTALL)
_ATTR = re.compile(r"""([A-Za-z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _checkbox(attrs: str) -> str:
    """Task-list checkboxes (`- [x]`) are the one kind of `<input>` a note may show, always disabled."""
    found = {a.group(1).lower(): a for a in _ATTR.finditer(attrs)}
    if "type" not in found or next(v for v in found["type"].group(2, 3, 4) if v is not None) != "checkbox":
        return ""
    checked = " checked" if "checked" in found else ""
    return f'<input class="task-list-item-checkbox" type="checkbox" disabled{checked}>'


# the elements of HTML: a "tag" named otherwise (`<hostname>`, `<pod-name>`, `<YOUR_TOKEN>`) is a placeholder the
# author wrote as text, shown as written (a browser, and Obsidian's reading view, would swallow it)
HTML_ELEMENTS = SAFE_TAGS | {
    "address", "area", "article", "aside", "audio", "base", "bdi", "bdo", "body", "button", "canvas", "cite", "data",
    "datalist", "dfn", "dialog", "embed", "fieldset", "footer", "form", "head", "header", "hgroup", "html", "iframe",
    "input", "label", "legend", "link", "main", "map", "menu", "meta", "meter", "nav", "noscript", "object",
    "optgroup", "option", "output", "param", "picture", "portal", "progress", "rp", "rt", "ruby", "samp", "script",
    "search", "section", "select", "slot", "source", "style", "svg", "math", "template", "textarea", "tfoot", "time",
    "title", "track", "var", "video", "wbr", "acronym", "big", "blink", "frame", "frameset", "marquee", "nobr",
    "noembed", "noframes", "plaintext", "rb", "rtc", "strike", "tt", "xmp", "image", "applet", "basefont", "dir",
    "isindex", "keygen", "listing", "menuitem", "multicol", "nextid", "spacer",
}
_TAG_NAME = re.compile(r"^</?([A-Za-z][A-Za-z0-9-]*)")


def _html_inline(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    """One inline tag at a time: a harmless tag is rebuilt with its harmless attributes, a placeholder that is no
    HTML element (`<hostname>`) shown as text, anything else dropped."""
    content = tokens[idx].content
    named = _TAG_NAME.match(content)
    if named and named.group(1).lower() not in HTML_ELEMENTS:
        return escape(content, quote=False)
    match = _INLINE_TAG.match(content.strip())
    if match and match.group(2).lower() == "input":
        return _checkbox(match.group(3) or "")
    if not match or match.group(2).lower() not in SAFE_TAGS:
        return ""
    closing, name = match.group(1), match.group(2).lower()
    if closing:
        return f"</{name}>"
    allowed = SAFE_ATTRS["*"] | SAFE_ATTRS.get(name, set())
    attrs = ""
    for attr in _ATTR.finditer(match.group(3) or ""):
        key = attr.group(1).lower()
        value = next((v for v in attr.group(2, 3, 4) if v is not None), "")
        if key not in allowed:
            continue
        if key in ("href", "src") and not re.match(r"^(https?:|mailto:|obsidian:|#|[^:]*$)", value.strip(), re.I):
            continue
        if key in ("href", "src") and _is_vault_url(value):
            found, exists = _vault_url(name, value, env)
            if not exists and name == "img":
                env.setdefault("missing_images", []).append(value.strip())
                return missing_image(posixpath.basename(value.strip()))
            if not exists:
                attrs += ' class="internal-link is-unresolved"'
            if found is None:
                continue
            value = found
        attrs += f' {key}="{escape(value)}"'
    return f"<{name}{attrs}{' /' if match.group(4) else ''}>"


RULES = {
    "wikilink": _wikilink, "wikiembed": _wikiembed, "image": _image, "link_open": _link_open, "tag": _tag,
    "callout_open": _callout_open, "callout_close": _callout_close, "callout_title_open": _callout_title_open,
    "callout_title_close": _callout_title_close, "log_date_open": _log_date_open,
    **dict.fromkeys(MATH_TOKENS, _math),
    "log_date_close": lambda self, t, i, o, e: "</p>\n", "course_heading_open": _course_heading_open,
    "course_heading_close": lambda self, t, i, o, e: "</strong></p>\n", "fence": _fence, "code_block": _code_block,
    "html_block": _html, "html_inline": _html_inline, "th_open": _cell_open, "td_open": _cell_open,
}


def renderer_for(md: MarkdownIt) -> MarkdownIt:
    """Install flashgen's render rules on a parser (idempotent)."""
    if not getattr(md, "_flashgen_rules", False):
        for name, rule in RULES.items():
            md.add_render_rule(name, rule)
        md._flashgen_rules = True  # type: ignore[attr-defined]
    return md


def render_tokens(tokens, env: dict[str, Any] | None = None, course_headings: bool = True) -> str:
    """HTML for already parsed tokens (a note's `tokens`)."""
    md = renderer_for(create_parser(course_headings))
    return md.renderer.render(list(tokens), md.options, env if env is not None else {})


# Text with none of these renders as one plain paragraph: markdown syntax, Obsidian syntax (tags, wikilinks,
# highlights, block ids, comments), autolinks, HTML and entities, and line starts that open a block.
_SYNTAX = re.compile(r"[\\`*_\[\]<>!#=~|{}&:@^%$\n\r\t]|www\.|^[\s\-+\d]|\s$")


def _plain_lines(text: str) -> list[str] | None:
    """The lines of text that is one paragraph of plain lines (each as `_SYNTAX` allows, none blank), or None."""
    lines = text.split("\n")
    return lines if all(line and not _SYNTAX.search(line) for line in lines) else None


def _plain_bullets(text: str) -> list[str] | None:
    """The items of a list of `- ` lines whose texts are plain (as `_SYNTAX` allows), or None."""
    lines = text.split("\n")
    return [line[2:] for line in lines] if all(
        line.startswith("- ") and line[2:] and not _SYNTAX.search(line[2:]) for line in lines) else None


def render_markdown(text: str, env: dict[str, Any] | None = None, course_headings: bool = False) -> str:
    """HTML for a markdown fragment such as a card side (lesson-line detection off by default)."""
    if text and not _SYNTAX.search(text):
        return f"<p>{escapeHtml(text)}</p>\n"  # most card sides: the same HTML without a parse
    lines = _plain_lines(text)  # (a line with `\r` is no plain line: `_SYNTAX` finds it)
    if lines is not None:  # plain lines: one paragraph, each soft break a line break (Obsidian's reading)
        return "<p>" + "<br />\n".join(escapeHtml(line) for line in lines) + "</p>\n"
    items = _plain_bullets(text)
    if items is not None:  # `- ` items of plain words: a tight list
        return "<ul>\n" + "".join(f"<li>{escapeHtml(item)}</li>\n" for item in items) + "</ul>\n"
    md = renderer_for(create_parser(course_headings))
    env = env if env is not None else {}
    return md.renderer.render(md.parse(text, env), md.options, env)  # (footnotes keep state in env between the two)


_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def render_cloze(text: str, env: dict[str, Any] | None = None, mode: str = "anki") -> str:
    """HTML for cloze text: deletions survive markdown and code highlighting. `anki` keeps `{{cN::x}}` for
    Anki's own cloze templates; `front` hides every deletion as `[...]` (or its hint) and `back` marks each
    revealed one, as `<span class="cloze" data-c="N">`, for the site."""
    found: list[tuple[str, str, str | None]] = []

    def hold(match: re.Match) -> str:
        found.append((match.group(1), match.group(2), match.group(3)))
        return f"\ue000{len(found) - 1}\ue001"

    html = render_markdown(_CLOZE.sub(hold, text), env)
    code_spans = [(m.start(), m.end()) for m in re.finditer(r"<pre\b.*?</pre>", html, re.DOTALL)]

    def put(match: re.Match) -> str:
        number, inner, hint = found[int(match.group(1))]
        if any(start <= match.start() < end for start, end in code_spans):
            shown = escape(inner, quote=False)  # inside code: the value as written
        else:
            shown = render_markdown(inner, dict(env or {})).strip()
            shown = re.sub(r"^<p>(.*)</p>$", r"\1", shown, flags=re.DOTALL)
        if mode == "anki":
            return f"{{{{c{number}::{shown}{'::' + escape(hint) if hint else ''}}}}}"
        if mode == "front":
            shown = f"[{escape(hint) if hint else '...'}]"
        return f'<span class="cloze" data-c="{number}">{shown}</span>'

    return re.sub("\ue000(\\d+)\ue001", put, html)
