"""Where the files flashgen ships beside its code are (the labs); light, so a build can look before it imports."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_labs_dir() -> Path:
    """$FLASHGEN_LABS, else the checkout's `labs/` (an editable install), else the copy a plain
    `pip install` puts under `<prefix>/share/flashgen/labs`."""
    env = os.environ.get("FLASHGEN_LABS")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[1] / "labs"
    installed = Path(sys.prefix) / "share" / "flashgen" / "labs"
    return checkout if checkout.is_dir() or not installed.is_dir() else installed
