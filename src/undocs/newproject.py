"""`undocs new DIR`: a ready project to start an archive from, as `mkdocs new` makes one.

It holds `undocs.yml` with every setting commented, `seeds/` with one real document,
`content/about.md`, the GitHub Pages workflow and a `.gitignore`. Nothing is written into a
folder that already holds files.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from . import __version__
from .config import CONFIG_FILE, KEYS
from .model import SetupError

STARTER = Path(__file__).parent / "starter"
#: The example document: a short General Assembly resolution of 2025.
EXAMPLE = "A_RES_80_56.md"


def settings_file() -> str:
    """Return undocs.yml with every setting, each commented with its meaning and default."""
    lines = [
        f"# Settings of this archive (undocs {__version__}). Uncomment a line to change it;",
        "# flags given to `undocs build` override these. Folders are relative to this file.",
        "",
    ]
    for name, key in KEYS.items():
        lines.append(f"# {key.meaning}")
        lines.append(f"# {name}: {json.dumps(key.default, ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


def requirement() -> str | None:
    """Return how to install this undocs from GitHub's runners (a pip requirement), when the
    way it was installed says (PEP 610): a version control URL at its commit, or an index."""
    try:
        dist = metadata.distribution("undocs")
    except metadata.PackageNotFoundError:
        return None
    direct = dist.read_text("direct_url.json")
    if not direct:
        return f"undocs=={dist.version}"  # from an index
    info = json.loads(direct)
    vcs = info.get("vcs_info")
    if vcs and info.get("url", "").startswith(("https://", "ssh://", "git@")):
        return f"undocs @ {vcs.get('vcs', 'git')}+{info['url']}@{vcs.get('commit_id', '')}"
    return None  # a folder on this machine: GitHub cannot install from it


def new_project(folder: Path) -> list[str]:
    """Write a new project into `folder`; return the notes to tell the user."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SetupError(f"{folder}: already holds files; give a new or empty folder")
    needs = requirement()
    files = {
        CONFIG_FILE: settings_file(),
        f"seeds/{EXAMPLE}": (STARTER / EXAMPLE).read_text(encoding="utf-8"),
        "content/about.md": (STARTER / "about.md").read_text(encoding="utf-8"),
        ".github/workflows/pages.yml": (STARTER / "pages.yml")
        .read_text(encoding="utf-8")
        .replace("{requirement}", needs or "undocs"),
        ".gitignore": (STARTER / "gitignore").read_text(encoding="utf-8"),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    notes = [f"wrote {name}" for name in files]
    if needs is None:
        notes.append(
            "edit .github/workflows/pages.yml: set UNDOCS to where GitHub can install undocs "
            "from (this undocs was installed from a folder on this machine)"
        )
    return notes
