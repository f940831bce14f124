"""The vault's files worked out again from the last walk and the paths a watcher reports (files.walk_again): the
same as a new walk whenever it gives an answer, and no answer where only a walk can tell."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flashgen.config import Config
from flashgen.vault.files import walk_again, walk_vault
from tests.conftest import png_bytes, write_note


def _vault(root: Path) -> Path:
    vault = root / "vault"
    write_note(vault, "파드.md", "# 파드\n\n2024-01-20\n- 파드 - 컨테이너의 묶음\n")
    write_note(vault, "워크로드/디플로이먼트.md", "# 디플로이먼트\n\n[[파드]]\n")
    (vault / "워크로드" / "pod.png").write_bytes(png_bytes((10, 20, 30)))
    (vault / "워크로드" / "notes.txt").write_text("not a note", encoding="utf-8")
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "workspace.json").write_text("{}", encoding="utf-8")
    return vault


def _later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    _later(path)


def _save_as_editors_do(path: Path) -> list[Path]:
    """Written beside the note under another name, then renamed over it."""
    temporary = path.with_name(path.name + ".tmp-4821")
    temporary.write_text(path.read_text(encoding="utf-8") + "\n2024-02-03\n", encoding="utf-8")
    os.replace(temporary, path)
    _later(path)
    return [temporary, path]


# each change, and the paths a watcher reports for it; True: the files are known without a walk
CHANGES = {
    "a note written to": (lambda v: [_write(v / "파드.md", "# 파드 개념\n\n2024-01-21\n")] and [v / "파드.md"], True),
    "a note saved through a temporary file": (lambda v: _save_as_editors_do(v / "워크로드" / "디플로이먼트.md"), True),
    "an image replaced": (lambda v: [(v / "워크로드" / "pod.png").write_bytes(png_bytes((200, 0, 0))),
                                     _later(v / "워크로드" / "pod.png")] and [v / "워크로드" / "pod.png"], True),
    "a file no output shows written to": (lambda v: [_write(v / "워크로드" / "notes.txt", "still not a note")]
                                          and [v / "워크로드" / "notes.txt"], True),
    "a file in a dot folder written to": (lambda v: [_write(v / ".obsidian" / "workspace.json", "[]")]
                                          and [v / ".obsidian" / "workspace.json"], True),
    "a note added": (lambda v: [write_note(v, "서비스.md", "# 서비스\n")] and [v / "서비스.md"], False),
    "a note removed": (lambda v: [(v / "파드.md").unlink()] and [v / "파드.md"], False),
    "a note renamed": (lambda v: [(v / "파드.md").rename(v / "파드 정리.md")] and [v / "파드.md", v / "파드 정리.md"], False),
    "a folder added": (lambda v: [(v / "정리").mkdir()] and [v / "정리"], False),
    "a folder removed with its notes": (lambda v: [(v / "워크로드" / p).unlink() for p in os.listdir(v / "워크로드")]
                                        and [(v / "워크로드").rmdir()] and [v / "워크로드"], False),
    "a file no output shows added": (lambda v: [_write(v / "todo.txt", "-")] and [v / "todo.txt"], False),
    "a note replaced by a link to it": (lambda v: [(v / "파드.md").rename(v / "파드-원본.txt"),
                                                   (v / "파드.md").symlink_to(v / "파드-원본.txt")]
                                        and [v / "파드.md", v / "파드-원본.txt"], False),
    "the vault's folder itself": (lambda v: [v], False),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_files_after_a_change_are_those_a_new_walk_finds(change: str, tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    config = Config()
    last = walk_vault(vault, config)
    act, known = CHANGES[change]
    reported = [str(path) for path in act(vault)]

    found = walk_again(last, reported, config)

    if known:
        assert found == walk_vault(vault, config)
    else:
        assert found is None  # only a walk can tell


def test_paths_named_otherwise_than_the_walk_named_them_need_a_walk(tmp_path: Path) -> None:
    """A path outside the vault's folder as it was walked (through a link to it, or another watched folder)."""
    vault = _vault(tmp_path)
    (tmp_path / "link").symlink_to(vault)
    last = walk_vault(vault, Config())
    _write(vault / "파드.md", "# 파드\n")
    assert walk_again(last, [str(tmp_path / "link" / "파드.md")], Config()) is None
    assert walk_again(last, [str(tmp_path / "labs" / "lab.yaml")], Config()) is None
    assert walk_again(last, [], Config()) is last
