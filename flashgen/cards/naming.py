"""How a card names its note (the first part of its breadcrumb, `redis/cluster › 해시 슬롯`): by the note's title,
with the nearest folder that tells it apart where the title alone does not say what the note is about."""

from __future__ import annotations

import posixpath
import re
from typing import Iterable

from flashgen.cards.quality import words

# note titles that name a part or a kind of note, not a subject: in a vault that files notes by subject folder
# (`redis/architecture.md`, `saml/flow.md`, `kubernetes/troubleshooting.md`) the subject is the folder's
NO_SUBJECT_TITLES = frozenset({
    "readme", "index", "home", "overview", "intro", "introduction", "summary", "basic", "basics", "architecture",
    "flow", "concept", "concepts", "term", "terms", "terminology", "command", "commands", "setup", "config",
    "configuration", "troubleshooting", "faq", "notes", "untitled", "solution", "solutions", "answer", "answers",
    "instructions", "exercise", "exercises", "task", "tasks", "problem", "problems",
    "개요", "소개", "요약", "정리", "기본", "구조", "아키텍처", "흐름", "개념", "용어", "명령어", "설정", "무제", "문제", "풀이",
    "정답", "답안",
})
# a quick look before the exact one: a title that holds one of them with only marks and numbers around it
_MAYBE_NO_SUBJECT = re.compile(r"[\W\d_]*(?:%s)[\W\d_]*" % "|".join(
    sorted(map(re.escape, NO_SUBJECT_TITLES), key=len, reverse=True)))


def note_title(path: str) -> str:
    """A note's own title: its file name without `.md`."""
    name = posixpath.basename(path)
    return name[:-3] if name.lower().endswith(".md") else name


def shown_titles(note_paths: Iterable[str]) -> dict[str, str]:
    """note path -> the title its cards show, for the notes whose title needs a folder (the others show their
    title as it is): a title that other notes of the vault have too (Obsidian tells them apart the same way, so
    `redis/cluster` and `rabbitmq/cluster`) gets the nearest folders that no other of them ends in; a title that
    names no subject (`architecture`, `README`), or a file's slug that does not name its folder's subject
    (`elasticsearch/refresh`), gets its folder."""
    by_title: dict[str, list[str]] = {}
    for path in note_paths:
        by_title.setdefault(note_title(path).lower(), []).append(path)
    out: dict[str, str] = {}
    for title, paths in by_title.items():
        if len(paths) > 1:
            for path in paths:
                folder = _distinct_folder(path, [other for other in paths if other != path])
                if folder:
                    out[path] = f"{folder}/{note_title(path)}"
        elif "/" in paths[0] and _names_no_subject(title):
            folders = posixpath.dirname(paths[0]).split("/")
            # a folder named as vaguely as the note (`docs/overview`) says no more: the one above it
            near = folders[-2:] if len(folders) > 1 and _names_no_subject(folders[-1].lower()) else folders[-1:]
            out[paths[0]] = f"{'/'.join(near)}/{note_title(paths[0])}"
        elif "/" in paths[0] and _folder_names_subject(paths[0]):
            out[paths[0]] = f"{posixpath.basename(posixpath.dirname(paths[0]))}/{note_title(paths[0])}"
    return out


# a note's title that is its file's name rather than a name for its topic: lower-case words run together or joined
# by `-`/`_`, or numbered (`refresh`, `gha-env`, `contextswitching`, `11-news`)
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
FOLDER_WORDS = re.compile(r"[a-z]+|[0-9]+|[^\W\d_a-z]+")
# folders that hold notes of any subject
_VAGUE_FOLDERS = frozenset({"docs", "doc", "notes", "note", "pages", "wiki", "inbox", "archive", "archives", "misc",
                            "etc", "temp", "tmp", "drafts", "draft", "daily", "journal", "attachments", "assets",
                            "images", "files", "resources", "study", "til", "blog", "posts", "문서", "노트", "메모"})


def _folder_names_subject(path: str) -> bool:
    """A note named by a slug (`refresh`, `btree`, `gha-env`) in a folder that names its subject (`elasticsearch`,
    `database`, `github`) and that the slug does not already name: the breadcrumb `refresh` alone does not say
    Elasticsearch, `elasticsearch/refresh` does. Folders of no subject (`docs`, `notes`, dates, numbers) add none."""
    title = note_title(path)
    folder = posixpath.basename(posixpath.dirname(path))
    if not SLUG.fullmatch(title) or not folder or _names_no_subject(folder.lower()) or folder.lower() in _VAGUE_FOLDERS:
        return False
    named = [word for word in FOLDER_WORDS.findall(folder.lower()) if not word.isdigit()]
    return bool(named) and not any(word in title for word in named)


def _names_no_subject(title: str) -> bool:
    """`title` (lower case) is one of NO_SUBJECT_TITLES, numbered or marked up (`readme`, `무제 7`, `01. overview`)."""
    return title in NO_SUBJECT_TITLES or bool(_MAYBE_NO_SUBJECT.fullmatch(title)) and words(title) in NO_SUBJECT_TITLES


def _distinct_folder(path: str, others: list[str]) -> str:
    """The fewest folders at the end of `path`'s folder that no other path's folder ends in ("" at the top)."""
    folders = posixpath.dirname(path).split("/") if "/" in path else []
    theirs = [posixpath.dirname(other).lower().split("/") if "/" in other else [] for other in others]
    for count in range(1, len(folders) + 1):
        tail = [folder.lower() for folder in folders[-count:]]
        if all(their[-count:] != tail for their in theirs):
            return "/".join(folders[-count:])
    return "/".join(folders)
