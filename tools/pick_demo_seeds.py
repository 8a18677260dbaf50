"""Pick the demo archive in seeds/ from the shared corpus, the same way every time.

    python tools/pick_demo_seeds.py [--corpus ../shared/corpus] [--out seeds]

Chooses real documents so that every feature of undocs shows on the demo site: all seven
languages (Arabic right to left, Chinese), symbols held in all six official languages,
families (Add., Corr., Rev.), drafts with the resolutions adopted from them, resolutions held
and cited by other held documents, bodies with several sessions and agenda items, the
Security Council, the General Assembly, the Human Rights Council, a treaty body, and the seed.
Copies them under --out, keeping the corpus's folders (so each file says where it came from),
with the corpus manifest's lines for them (`seeds/manifest.jsonl`: each file's upstream
source), and prints what it chose. `seeds/README.md` gives the provenance.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from undocs.archive.graph import Archive, Doc, build_archive  # noqa: E402
from undocs.build import load_records  # noqa: E402

#: Most bytes the demo archive may hold (it is copied into every clone).
MAX_BYTES = 5_000_000
#: Files larger than this are left out (a 800 KB session report would be a sixth of the budget).
MAX_FILE = 120_000


class Picker:
    """Chooses documents of one archive, in order, leaving out the large files."""

    def __init__(self, corpus: Path, archive: Archive) -> None:
        self.corpus, self.archive = corpus, archive
        self.chosen: dict[str, None] = {}
        self.by_folder: dict[str, list[Doc]] = {}
        for doc in archive.docs:
            self.by_folder.setdefault(doc.record.file.split("/", 1)[0], []).append(doc)

    def size(self, doc: Doc) -> int:
        return (self.corpus / doc.record.file).stat().st_size

    def take(self, docs: list[Doc], most: int) -> None:
        for doc in [d for d in docs if self.size(d) <= MAX_FILE][:most]:
            self.chosen[doc.record.file] = None

    def cited_count(self, doc: Doc) -> int:
        key = doc.links.key
        return len(self.archive.cited_by.get(key, ())) if key else 0

    def most_cited(self, folder: str) -> list[Doc]:
        docs = self.by_folder.get(folder, [])
        return sorted(docs, key=lambda d: (-self.cited_count(d), d.record.file))


#: Files the tests read from seeds/ (they run without the shared corpus): always taken.
TESTS_READ = ("ga80/A_RES_80_44.md", "unpc/s_res_2213__2015___2015/")


def pick(corpus: Path, archive: Archive) -> list[str]:
    """Return the files (relative to the corpus) of the demo archive."""
    picker = Picker(corpus, archive)
    picker.take([d for d in archive.docs if d.record.file.startswith(TESTS_READ)], 10)
    picker.take(picker.by_folder.get("seed", []), 1)
    picker.take(picker.by_folder.get("misc", []), 1)
    picker.take(picker.by_folder.get("hrc", []), 30)  # Slovenia's reviews: families, decisions
    _security_council(picker)
    picker.take(picker.most_cited("ga80"), 25)  # General Assembly, 2025
    _german(picker)
    _six_languages(picker)
    return list(picker.chosen)


def _security_council(picker: Picker) -> None:
    """The most cited resolutions, then those citing two or more of them."""
    unsc = picker.most_cited("unsc")
    picker.take(unsc, 30)
    held = {d.links.key for d in unsc[:30]}
    citing = [d for d in unsc if sum(1 for _, k, _ in d.links.cites if k in held) >= 2]
    picker.take(sorted(citing, key=lambda d: d.record.file), 30)


def _german(picker: Picker) -> None:
    """Resolutions with the drafts they were adopted from, families, and the resolutions of
    three sessions of the General Assembly with their agenda items."""
    archive = picker.archive
    by_url = {d.url: d for d in archive.docs}
    pairs = 0
    for url, drafts in sorted(archive.drafts.items()):
        resolution = by_url[url]
        held = [
            version
            for draft in drafts
            for version in archive.by_symbol.get(_key(draft), {}).values()
            if version.record.language == "de"
        ]
        if resolution.record.file.startswith("multiun-de/") and held and pairs < 12:
            picker.take([resolution, *held], 3)
            pairs += 1
    families = 0
    for parent, children in sorted(archive.children.items()):
        versions = archive.by_symbol.get(parent, {}).values()
        german = [v for v in versions if v.record.file.startswith("multiun-de/")]
        kids = [c for c in children if c.record.file.startswith("multiun-de/")]
        if german and kids and families < 10:
            picker.take([*german, *kids[:2]], 3)
            families += 1
    resolutions = [
        d
        for d in picker.by_folder.get("multiun-de", [])
        if d.record.document_type == "resolution" and d.record.agenda_items
    ]
    for session, _ in Counter(d.record.session for d in resolutions).most_common(3):
        same = [d for d in resolutions if d.record.session == session]
        picker.take(sorted(same, key=lambda d: d.record.file), 8)


#: Symbol beginnings of the six-language documents taken (a treaty body's among them).
SIX_LANGUAGE_SERIES = (
    "a_hrc",
    "s_res",
    "a_res",
    "s_prst",
    "npt_conf",
    "cac_cosp",
    "unep_chw",
    "e_cn",
    "a_70",
)


def _six_languages(picker: Picker) -> None:
    """Documents of 2015 held in all six official languages, of several bodies."""
    folders: dict[str, list[Doc]] = {}
    for doc in picker.by_folder.get("unpc", []):
        folders.setdefault(doc.record.file.rsplit("/", 1)[0], []).append(doc)
    full = {
        folder: docs
        for folder, docs in folders.items()
        if len(docs) == 6 and all(picker.size(d) >= 600 for d in docs)
    }
    for prefix in SIX_LANGUAGE_SERIES:
        matching = sorted(
            (f for f in full if f.split("/", 1)[1].startswith(prefix)),
            key=lambda f: -sum(picker.size(d) for d in full[f]),
        )
        for folder in matching[:4]:
            picker.take(sorted(full[folder], key=lambda d: d.record.file), 6)


def _key(symbol: str) -> str:
    from undocs.read.symbols import compare_key

    return compare_key(symbol)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()
    records, _ = load_records(args.corpus)
    archive = build_archive(records)
    files = pick(args.corpus, archive)
    total = sum((args.corpus / f).stat().st_size for f in files)
    if total > MAX_BYTES:
        print(f"{len(files)} files, {total} bytes: more than {MAX_BYTES}", file=sys.stderr)
        return 1
    for old in args.out.rglob("*"):
        if old.is_file() and old.suffix in (".txt", ".md") and old.name != "README.md":
            old.unlink()
    for folder in sorted(args.out.glob("*/"), reverse=True):
        if folder.is_dir() and not any(folder.rglob("*")):
            folder.rmdir()
    for name in files:
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.corpus / name, target)
    manifest = args.corpus / "manifest.jsonl"
    if manifest.is_file():  # the upstream metadata of the files taken, for their provenance
        wanted = set(files)
        lines = [
            line
            for line in manifest.read_text(encoding="utf-8").splitlines()
            if line and json.loads(line).get("file") in wanted
        ]
        (args.out / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter(name.split("/", 1)[0] for name in files)
    print(f"{len(files)} files, {total / 1e6:.2f} MB into {args.out}")
    for folder, n in sorted(counts.items()):
        print(f"  {folder}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
