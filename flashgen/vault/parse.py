"""Parse notes into the model: one markdown-it pass per note feeds the decks and the site."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import unquote

from markdown_it.token import Token

from flashgen.config import Config, load_config
from flashgen.diagnostics import Diagnostic, warning
from flashgen.vault.files import (Resolver, VaultFile, VaultFiles, name_problems, outside_vault, read_note, walk_again,
                                  walk_vault)
from flashgen.vault.links import check_links
from flashgen.vault.markdown import create_parser
from flashgen.vault.markdown.block_id import block_end
from flashgen.vault.markdown.comments import strip_comments
from flashgen.vault.markdown.datelog import match_date
from flashgen.vault.markdown.dollar_math import MATH_TOKENS, to_mathml
from flashgen.vault.markdown.html_links import html_file_links
from flashgen.vault.model import Attachment, Block, CodeBlock, Link, LogEntry, Note, Section, Tag, Vault
from flashgen.vault.slug import SlugRegistry
from flashgen.yamlsafe import YamlError, safe_load

BLOCK_KINDS = {
    "paragraph_open": "paragraph", "bullet_list_open": "list", "ordered_list_open": "list",
    "fence": "code", "code_block": "code", "table_open": "table", "blockquote_open": "quote",
    "callout_open": "callout", "hr": "rule", "html_block": "html", "log_date_open": "log_date",
    "footnote_block_open": "footnotes", "dl_open": "list", "math_block": "math",
}


def parse_vault(root: Path, config: Config | None = None, check: bool = True) -> Vault:
    """Walk, read and parse every note of the vault at `root`, then check its links (unless `check` is False)."""
    vault, files = vault_files(root, config)
    notes = []
    for file in files.notes:
        note, problems = parse_file(file, vault.config)
        if note is not None:
            notes.append(note)
            vault.diagnostics.extend(note.diagnostics)
        else:
            vault.diagnostics.extend(problems)
    vault = replace(vault, notes=tuple(notes))
    if check:
        vault.diagnostics.extend(check_links(vault))
    return vault


def vault_files(root: Path, config: Config | None = None, last: VaultFiles | None = None,
                changed: Iterable[str] | None = None) -> tuple[Vault, VaultFiles]:
    """The vault at `root` as its files show it, before any note is read: settings, link resolver, stamps and
    the problems with names and settings (a Vault without notes, which `replace(vault, notes=…)` completes), and
    the files found. Its `whole()` reads a note when asked. With the `last` walk's files and the paths `changed`
    since, the vault is not walked again where those say enough (files.walk_again)."""
    root = Path(root)
    problems: list[Diagnostic] = []
    if config is None:
        config, problems = load_config(root)
    files = walk_again(last, changed, config) if last is not None and last.root == root and changed is not None \
        else None
    if files is None:
        files = walk_vault(root, config)
    problems.extend(name_problems(files))
    by_path = {file.path: file for file in files.notes}

    def reread(path: str) -> Note | None:
        return parse_file(by_path[path], config)[0] if path in by_path else None

    vault = Vault(
        root=root, config=config, notes=(), attachments=tuple(Attachment(a.path, a.size) for a in files.attachments),
        resolver=resolver_of(files), diagnostics=problems,
        files={f.path: f.disk for f in files.notes + files.attachments},
        stamps={f.path: f.stamp for f in files.notes + files.attachments}, reread=reread,
    )
    return vault, files


def resolver_of(files: VaultFiles) -> Resolver:
    """The link resolver of a walked vault."""
    return Resolver([n.path for n in files.notes], [a.path for a in files.attachments], files.others, files.folders)


def parse_files(files: list[VaultFile], config: Config) -> dict[str, tuple[Note | None, list[Diagnostic]]]:
    """vault path -> (note, or None with the problems that made the file unusable)."""
    return {file.path: parse_file(file, config) for file in files}


def note_tokens(note: Note, config: Config) -> tuple:
    """The note's tokens: those of its parse, or, for a note kept from an earlier build without them, a new
    parse of the same text (which gives the same tokens)."""
    if note.tokens or not note.source.strip():
        return note.tokens
    return _reparsed(note.path, note.source, config.course_headings)


@lru_cache(maxsize=256)
def _reparsed(path: str, source: str, course_headings: bool) -> tuple:
    return parse_note(path, source, Config(course_headings=course_headings)).tokens


def parse_file(file: VaultFile, config: Config) -> tuple[Note | None, list[Diagnostic]]:
    """Parse one note file; the note is None when the file cannot be used at all (the problems say why)."""
    text, problems = read_note(file)
    if text is None:
        return None, problems
    return parse_note(file.path, text, config, problems), []


def parse_note(path: str, text: str, config: Config | None = None,
               problems: list[Diagnostic] | None = None) -> Note:
    """Parse a note's text (path is vault-relative) into a Note."""
    config = config or Config()
    diagnostics = list(problems or [])
    stripped = strip_comments(text)
    if stripped.unclosed_line:
        diagnostics.append(warning(path, stripped.unclosed_line, "comment `%%` is never closed; the rest of the note "
                                                                 "is hidden (close it with `%%`)", "unclosed-comment"))
    clean = stripped.text
    tokens = create_parser(config.course_headings).parse(clean, {})
    lines = clean.split("\n")

    frontmatter, body_line = _frontmatter(tokens, path, diagnostics)
    builder = _SectionBuilder(path)
    links: list[Link] = []
    tags: list[Tag] = [Tag(name, 1) for name in _frontmatter_list(frontmatter, "tags", "tag")]
    code_blocks: list[CodeBlock] = []
    dates: list[tuple[int, Any, str, int, str]] = []  # (line, date, text, ending heading level, anchor)

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "front_matter":
            i += 1
            continue
        if token.level == 0 and token.type in ("heading_open", "course_heading_open"):
            inline = tokens[i + 1]
            implicit = token.type == "course_heading_open"
            title = inline.content.strip()
            level = int(token.tag[1]) if not implicit else None
            found_date = match_date(title)
            section = builder.open(title, level, token.map[0] + 1)
            token.attrSet("id", section.slug)
            if found_date and not implicit:
                dates.append((token.map[0] + 1, found_date[0], found_date[1], level, section.slug))
            _collect_inline(inline, links, tags)
            i += 3
            continue
        if token.level == 0 and token.type in BLOCK_KINDS and token.map is None:
            end = block_end(tokens, i)  # footnote blocks carry no line map: links and tags only
            for inner in tokens[i:end + 1]:
                if inner.type == "inline":
                    _collect_inline(inner, links, tags)
            i = end + 1
            continue
        if token.level == 0 and token.type in BLOCK_KINDS:
            end = block_end(tokens, i)
            first, last = token.map[0], token.map[1]
            kind = BLOCK_KINDS[token.type]
            source = "\n".join(lines[first:last])
            block_id = (token.meta or {}).get("block_id") if token.meta else None
            builder.add(Block(kind, first + 1, last, source, block_id))
            if kind == "log_date":
                anchor = builder.slugs.make("log-" + token.meta["date"].isoformat())
                token.attrSet("id", anchor)
                dates.append((first + 1, token.meta["date"], token.meta["text"], builder.real_level, anchor))
            for inner in tokens[i:end + 1]:
                if inner.type == "inline":
                    _collect_inline(inner, links, tags)
                    _check_math(inner, path, diagnostics)
                elif inner.type in ("fence", "code_block"):
                    code_blocks.append(_code_block(inner, builder.path, path, diagnostics))
                elif inner.type == "html_block":
                    links.extend(markdown_link(url, inner.map[0] + 1 + offset, embed)
                                 for offset, embed, url in html_file_links(inner.content))
                elif inner.type == "math_block":
                    _check_math(inner, path, diagnostics)
            i = end + 1
            continue
        i += 1

    root = builder.finish()
    log_entries = _log_entries(dates, root, lines)
    title = unicodedata.normalize("NFC", path.rsplit("/", 1)[-1][:-3] if path.endswith(".md") else path)
    for link in links:
        if not link.external and outside_vault(link.target, path):
            diagnostics.append(warning(path, link.line, f"link `{link.target}` points outside the vault; ignored",
                                       "outside-vault"))
    return Note(
        path=path, title=title, source=text, frontmatter=frontmatter,
        aliases=tuple(_frontmatter_list(frontmatter, "aliases", "alias")),
        tags=tuple(tags), root=root, links=tuple(links), code_blocks=tuple(code_blocks),
        log_entries=tuple(log_entries), diagnostics=tuple(diagnostics), body_line=body_line,
        block_ids=tuple(t.meta["block_id"] for t in tokens if t.meta and "block_id" in t.meta),
        block_lines=tuple((t.meta["block_id"], t.map[0] + 1, t.map[1]) for t in tokens
                          if t.meta and "block_id" in t.meta and t.map),
        tokens=tuple(tokens),
    )


def _frontmatter(tokens: list[Token], path: str, diagnostics: list[Diagnostic]) -> tuple[dict[str, Any], int]:
    if not tokens or tokens[0].type != "front_matter":
        return {}, 1
    token = tokens[0]
    body_line = token.map[1] + 1
    try:
        data = safe_load(token.content) if token.content.strip() else {}
    except YamlError as exc:
        line = token.map[0] + 1 + exc.line if exc.line else token.map[0] + 1
        reason = exc.message.removeprefix("invalid YAML: ")
        diagnostics.append(warning(path, line, f"frontmatter is not valid YAML ({reason}); it is ignored", "frontmatter"))
        return {}, body_line
    if data is None:
        return {}, body_line
    if not isinstance(data, dict):
        diagnostics.append(warning(path, token.map[0] + 1, "frontmatter must be a mapping of keys to values; it is ignored",
                                   "frontmatter"))
        return {}, body_line
    return {str(k): v for k, v in data.items()}, body_line


def _frontmatter_list(frontmatter: dict[str, Any], *keys: str) -> list[str]:
    for key in keys:
        value = frontmatter.get(key)
        if value is None:
            continue
        items = value if isinstance(value, list) else re.split(r"[,\s]+", str(value))
        return [unicodedata.normalize("NFC", str(item)).lstrip("#").strip() for item in items if str(item).strip()]
    return []


def _collect_inline(inline: Token, links: list[Link], tags: list[Tag]) -> None:
    line = (inline.map[0] if inline.map else 0) + 1
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type in ("wikilink", "wikiembed"):
            parts = child.meta["target"]
            child.meta["line"] = line  # an embed's line tells a part of a note that embeds another part from a loop
            links.append(Link(parts.target, line, child.meta["embed"], True, parts.heading, parts.block,
                              parts.alias, parts.width, parts.height))
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            links.append(markdown_link(href, line, embed=False))
        elif child.type == "image":
            links.append(markdown_link(str(child.attrGet("src") or ""), line, embed=True, alt=child.content))
        elif child.type == "tag":
            tags.append(Tag(unicodedata.normalize("NFC", child.meta["tag"]), line))
        elif child.type == "html_inline":
            links.extend(markdown_link(url, line, embed) for _, embed, url in html_file_links(child.content))
        elif child.type == "text":
            line += child.content.count("\n")


def _check_math(token: Token, path: str, diagnostics: list[Diagnostic]) -> None:
    """A warning for each formula that cannot be read as TeX (it is shown as written)."""
    if token.type == "inline" and "$" not in token.content:
        return
    formulas = [token] if token.type == "math_block" else [c for c in token.children or [] if c.type in MATH_TOKENS]
    for formula in formulas:
        if to_mathml(formula.content, MATH_TOKENS[formula.type]) is None:
            line = (token.map[0] if token.map else 0) + 1
            diagnostics.append(warning(path, line, f"math `{formula.content.strip()[:60]}` is not valid TeX; "
                                                   "it is shown as written", "math"))


def markdown_link(href: str, line: int, embed: bool, alt: str = "") -> Link:
    """The model Link for a markdown link or image (`[t](x.md)`, `![alt|300](pic.png)`)."""
    if re.match(r"^[a-zA-Z][\w+.-]*:", href) or href.startswith("//"):
        width, height, alt = _alt_size(alt)
        return Link(href, line, embed, wiki=False, alias=alt or None, width=width, height=height)
    target, _, fragment = unquote(href).partition("#")
    width, height, alt = _alt_size(alt)
    return Link(target, line, embed, wiki=False, heading=fragment or None, alias=alt or None, width=width,
                height=height)


def _alt_size(alt: str) -> tuple[int | None, int | None, str]:
    """(width, height, text) of an image's alt text: `![text|300x200](…)`, `![300](…)` as Obsidian reads them."""
    size = re.match(r"^(?:(.*?)\|)?(\d+)(?:x(\d+))?$", alt) if alt else None
    if not size:
        return None, None, alt
    return int(size.group(2)), int(size.group(3)) if size.group(3) else None, size.group(1) or ""


def _code_block(token: Token, section: tuple[str, ...], path: str,
                diagnostics: list[Diagnostic]) -> CodeBlock:
    fence_line = token.map[0] + 1
    lang = token.info.strip().split()[0].lower() if token.info.strip() else ""
    closed = True
    if token.type == "fence":
        closed = (token.meta or {}).get("closed", True)
        if not closed:
            rest = "quote or list item" if token.meta.get("container_end") else "note"
            diagnostics.append(warning(path, fence_line, f"code fence {token.markup} is never closed; "
                                                         f"the rest of the {rest} is read as code", "unclosed-fence"))
    first_code = fence_line + 1 if token.type == "fence" else fence_line
    return CodeBlock(lang, token.content, first_code, fence_line, section, closed)


class _SectionBuilder:
    """Turns headings and lesson lines met in order into the section tree."""

    def __init__(self, path: str) -> None:
        self.note_path = path
        self.slugs = SlugRegistry()
        self.root = _Open("", 0, "", 1, (), False)
        self.stack: list[_Open] = [self.root]

    @property
    def path(self) -> tuple[str, ...]:
        return self.stack[-1].path

    @property
    def real_level(self) -> int:
        """The level of the innermost real heading (lesson lines do not count)."""
        for item in reversed(self.stack):
            if not item.implicit:
                return item.level
        return 0

    def open(self, title: str, level: int | None, line: int) -> _Open:
        implicit = level is None
        if implicit:
            # a lesson line sits one below the current real heading; lesson lines are siblings
            level = min(self.real_level + 1, 7)
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self._close()
        parent = self.stack[-1]
        section = _Open(title, level, self.slugs.make(title), line, parent.path + (title,), implicit)
        parent.children.append(section)
        self.stack.append(section)
        return section

    def add(self, block: Block) -> None:
        self.stack[-1].blocks.append(block)

    def _close(self) -> None:
        self.stack.pop()

    def finish(self) -> Section:
        return self.root.freeze()


@dataclass
class _Open:
    title: str
    level: int
    slug: str
    line: int
    path: tuple[str, ...]
    implicit: bool
    blocks: list[Block] = field(default_factory=list)
    children: list["_Open"] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.title, self.level, self.slug, self.line, self.path, tuple(self.blocks),
                       tuple(child.freeze() for child in self.children), self.implicit)


def _log_entries(dates: list[tuple[int, Any, str, int, str]], root: Section, lines: list[str]) -> list[LogEntry]:
    """Each date runs until the next date or the next real heading at its level or above."""
    headings = [(s.line, s.level) for s in root.walk() if s.level and not s.implicit]
    sections = [s for s in root.walk() if s.level]
    entries = []
    for index, (line, day, text, level, anchor) in enumerate(dates):
        end = len(lines)
        if index + 1 < len(dates):
            end = dates[index + 1][0] - 1
        for h_line, h_level in headings:
            if h_line > line and (level == 0 or h_level <= level):
                end = min(end, h_line - 1)
                break
        while end > line and not lines[end - 1].strip() or (end > line and lines[end - 1].strip() == "---"):
            end -= 1
        owner = _section_at(sections, line)
        topics = tuple(s.title for s in sections if line < s.line <= end)
        entries.append(LogEntry(day, line, end, text, owner.path if owner else (),
                                owner.slug if owner else "", "\n".join(lines[line - 1:end]), anchor, topics))
    return entries


def _section_at(sections: list[Section], line: int) -> Section | None:
    found = None
    for section in sections:
        if section.line <= line:
            found = section
    return found
