"""Finding a Chromium for the browser tests, the usual ways, and saying loudly when there is none.

In order: $FLASHGEN_BROWSER (a Chromium, Chrome or Edge executable), Debian's /usr/bin/chromium, the browser
Playwright installed itself (`playwright install chromium`), then chromium / chrome / edge on PATH and in the
usual places on macOS and Windows. Nothing is ever downloaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ENV = "FLASHGEN_BROWSER"
DEBIAN = "/usr/bin/chromium"
ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge",
           "msedge")
ELSEWHERE = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
)
NONE_FOUND = "no Chromium found for the browser tests"


def find_chromium(playwright_path: str | None = None) -> tuple[str | None, list[str]]:
    """(the executable to launch, or None; every place looked at, for the message when there is none).
    `playwright_path`: where Playwright keeps its own Chromium (`playwright.chromium.executable_path`)."""
    looked: list[str] = []
    wanted = os.environ.get(ENV)
    if wanted:
        looked.append(f"${ENV}={wanted}")
        found = shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
        return found, looked  # asked for this one: no other
    for candidate in [DEBIAN, playwright_path] + [shutil.which(name) for name in ON_PATH] + list(ELSEWHERE):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate, looked
    looked += [DEBIAN, f"Playwright's own ({playwright_path or 'not installed'})", "PATH: " + ", ".join(ON_PATH),
               *ELSEWHERE]
    return None, looked


def how_to_get_one() -> str:
    return (f"install Debian's chromium (apt-get install chromium), or run `playwright install chromium`, or set "
            f"{ENV}=/path/to/chrome")
