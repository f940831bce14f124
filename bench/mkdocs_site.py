"""A minimal mkdocs project over a copy of a vault: one config with the default nav, one with `nav: [index.md]`."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml


def prepare(vault: Path, folder: Path) -> dict[str, Path]:
    """Copy the vault to `folder/docs`, add index.md, and write both configs; returns {variant: mkdocs.yml}."""
    docs = folder / "docs"
    shutil.copytree(vault, docs)
    (docs / "index.md").write_text("# 쿠버네티스 노트\n\nGenerated study vault.\n", encoding="utf-8")
    configs = {}
    for variant, extra in (("default_nav", {}), ("index_nav", {"nav": ["index.md"]})):
        config = {"site_name": "bench vault", "docs_dir": str(docs), "site_dir": str(folder / f"site-{variant}"),
                  **extra}
        path = folder / f"mkdocs-{variant}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs[variant] = path
    return configs
