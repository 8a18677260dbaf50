"""Files -> records. Reads every `.txt` and `.md` under a folder; never writes.

One bad file becomes a `Problem` and never costs the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple, cast

from ..inputs import LOOP, OUTSIDE, inside
from ..lang.bodies import body_of_series
from ..lang.languages import detect_language
from ..model import InputError, Problem, Record, problem_at
from . import symbols
from .adoption import adoption_of, adoptions_in
from .citations import find_citations
from .frontmatter import read_fields, split
from .masthead import read_masthead

SUFFIXES = (".txt", ".md")
#: Files larger than this are reported and skipped (a UN document text is rarely over 2 MB).
MAX_BYTES = 8 * 1024 * 1024
#: Every byte but the control characters (tab, line feed, form feed, carriage return stay).
_TEXT_BYTES = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


class Source(NamedTuple):
    """A source file found under the folder of documents."""

    path: str
    name: str
    """Its path under the folder, with `/`: `hrc/A_HRC_28_15.txt` (what problems name)."""
    stat: tuple[int, int]
    """Its size and modification time in ns, (-1, -1) if it cannot be read: what tells it
    changed since the last build."""
    refused: str = ""
    """Why it is not read, if it is not (a link out of the folder): reported, never opened."""


def scan_sources(folder: Path) -> list[Source]:
    """Return every `.txt` and `.md` file under `folder` with its size and modification time,
    sorted (a folder's files, then its sub-folders).

    Links are followed only where they stay inside `folder` (as GitHub Pages' Jekyll does in
    safe mode): a link out of it, or back to a folder walked already, is listed as refused,
    so that it is reported and never opened. A file reached both by its name and by a link
    is read once, by its name. One `scandir` pass: a build with nothing changed spends its
    time here.
    """
    scan = _Scan(os.path.realpath(folder))
    scan.walk(os.fspath(folder), "")
    twice = set()
    for index, target in scan.linked:  # a link to a file read by its own name, or linked before
        if target in scan.files:
            twice.add(index)
        scan.files.add(target)
    return [source for i, source in enumerate(scan.found) if i not in twice]


class _Scan:
    """One walk of a folder of documents (`scan_sources`)."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.found: list[Source] = []
        self.seen: set[tuple[int, int]] = set()
        """The folders walked, by device and inode."""
        self.files: set[tuple[int, int]] = set()
        """The files found by their own names."""
        self.linked: list[tuple[int, tuple[int, int]]] = []
        """(index in `found`, target) of each link to a file."""

    def walk(self, path: str, prefix: str) -> None:
        try:
            info = os.stat(path)
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            return
        self.seen.add((info.st_dev, info.st_ino))
        folders = [entry for entry in entries if self.add(entry, prefix)]
        for entry in folders:
            try:
                info = entry.stat()
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in self.seen:
                self.found.append(Source(entry.path, f"{prefix}{entry.name}/", (-1, -1), LOOP))
            else:
                self.walk(entry.path, f"{prefix}{entry.name}/")

    def add(self, entry: os.DirEntry[str], prefix: str) -> bool:
        """List a file of the folder; return whether the entry is a folder to walk."""
        name = entry.name
        try:
            is_dir, is_link = entry.is_dir(), entry.is_symlink()
        except OSError:
            is_dir = is_link = False
        # a plain name: what `is_source` asks of each part, without splitting (a hot path)
        wanted = is_dir or (name.endswith(SUFFIXES) and name != "README.md")
        if name.startswith(".") or not wanted:
            return False
        shown = prefix + name + ("/" if is_dir else "")
        if is_link and not inside(os.path.realpath(entry.path), self.root):
            self.found.append(Source(entry.path, shown, _lstat(entry.path), OUTSIDE))
            return False
        if is_dir:
            return True
        try:
            stat = entry.stat()
            size, target = (stat.st_size, stat.st_mtime_ns), (stat.st_dev, stat.st_ino)
        except OSError:
            size, target = (-1, -1), (-1, -1)
        if is_link:
            self.linked.append((len(self.found), target))
        else:
            self.files.add(target)
        self.found.append(Source(entry.path, shown, size))
        return False


def _lstat(path: str) -> tuple[int, int]:
    try:
        info = os.lstat(path)
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def no_documents(folder: Path) -> str:
    """Return why a folder without sources builds nothing: what it holds instead, and what to
    do (for a folder where `scan_sources` found nothing)."""
    kinds: Counter[str] = Counter()
    seen = 0
    for _root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name != "README.md":
                kinds[Path(name).suffix.lower() or "(no extension)"] += 1
        seen += len(files)
        if seen > 100_000:
            break
    if not kinds:
        return f"{folder}: no documents to build, the folder is empty; put .txt or .md texts in it"
    found = ", ".join(
        f"{count} {suffix.lstrip('.').upper() if suffix.startswith('.') else suffix} file"
        f"{'s' if count > 1 else ''}"
        for suffix, count in sorted(kinds.items(), key=lambda kind: (-kind[1], kind[0]))[:4]
    )
    hint = (
        ": extract their text first, see docs/preparing-a-corpus.md"
        if {".pdf", ".doc", ".docx", ".odt", ".rtf", ".html", ".htm"} & set(kinds)
        else "; undocs reads .txt and .md texts (README.md excepted)"
    )
    return f"{folder}: no .txt or .md documents to build, only {found}{hint}"


def rescan_sources(
    folder: Path, known: dict[str, tuple[int, int]], changed: Iterable[str]
) -> list[Source]:
    """Return what `scan_sources` would, from its last result `known` (name -> stat, in
    order) and the names of the files `changed` since (edited, added or removed): only those
    are looked at again. For a caller told what changed (`serve --watch`'s watcher)."""
    stats = dict(known)
    refused: dict[str, str] = {}
    real = os.path.realpath(folder)
    added = False
    for name in changed:
        if not is_source(name):
            continue
        path = os.path.join(folder, name)
        try:
            info = os.stat(path)
        except OSError:
            stats.pop(name, None)
            continue
        added = added or name not in stats
        if inside(os.path.realpath(path), real):
            stats[name] = (info.st_size, info.st_mtime_ns)
        else:
            stats[name], refused[name] = _lstat(path), OUTSIDE
    names = sorted(stats, key=scan_order) if added else list(stats)
    root = os.path.join(os.fspath(folder), "")
    return [Source(root + name, name, stats[name], refused.get(name, "")) for name in names]


def is_source(name: str) -> bool:
    """Return whether `scan_sources` lists a file of this name (`/`-separated, relative)."""
    *folders, file = name.split("/")
    return (
        file.endswith(SUFFIXES)
        and file != "README.md"
        and not any(part.startswith(".") or part in ("", "..") for part in (*folders, file))
    )


def scan_order(name: str) -> tuple[tuple[int, str], ...]:
    """Return where `scan_sources` lists a file: a folder's files, then its sub-folders."""
    *folders, file = name.split("/")
    return (*((1, part) for part in folders), (0, file))


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raise InputError for what is not text in any of them: binary data (NUL or control
    bytes), characters no text holds (private use, unassigned, controls), or bytes that are
    not UTF-8 and read as noise in cp1252 (mostly letters outside ASCII).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return _checked(text, path, _odd_share(text, unassigned=True))
    head = data[:4096]
    controls = len(head.translate(None, _TEXT_BYTES))  # bytes left: control characters
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError(
            path,
            0,
            "binary file, not text (a PDF or image?); give a text "
            "extraction, e.g. from `pdftotext`",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        sample = text[:_SAMPLE]
        high = sum(1 for char in sample if char > "\x7f")
        if high > len(sample) * NOISE:
            raise InputError(
                path,
                0,
                "not text: not UTF-8, and %(share)s%% of it reads as letters outside ASCII in "
                "Windows-1252 (noise); save it as UTF-8",
                share=high * 100 // max(len(sample), 1),
            ) from None
    return _checked(text, path, _odd_share(text))


#: Characters looked at to tell text from noise: as many as the bytes `decode` looks at for
#: binary data (every document pays for the look).
_SAMPLE = 4096
#: Share of characters outside ASCII above which a file that is not UTF-8 is noise (a French
#: text in Windows-1252 has about 3%).
NOISE = 0.3
#: Share of characters no text holds (controls, private use, unassigned, U+FFFD) above which
#: a file is not text.
ODD = 0.02
#: Characters no text holds: controls (but tab, line and page breaks), the replacement
#: character, private use. Searched at C speed.
_ODD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _odd_share(text: str, unassigned: bool = False) -> float:
    """Return the share of characters no text holds in the start of `text` (with
    `unassigned`, code points no character is assigned to also count: slow, for UTF-16)."""
    sample = text[:_SAMPLE]
    odd = len(_ODD.findall(sample))
    if unassigned:
        odd += sum(1 for char in sample if unicodedata.category(char) == "Cn")
    return odd / max(len(sample), 1)


def _checked(text: str, path: str, odd: float) -> str:
    if odd > ODD:
        raise InputError(
            path,
            0,
            "not text: %(share)s%% of its characters are control, private-use or unassigned "
            "ones (binary data, or a wrong encoding); give a UTF-8 text",
            share=round(odd * 100),
        )
    return text


#: Characters a known extraction misreads, none of them a letter of any UN language: the
#: 2009 MultiUN German texts print "ß" as "ȣ" (U+0223) in 105 files ("Maȣnahmen").
_MISREAD = str.maketrans({"ȣ": "ß"})


def text_of(data: bytes, name: str) -> str:
    """Return a file's text: decoded, with "\n" line ends and known misreadings mended."""
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_MISREAD) if "ȣ" in text else text


def load_file(path: Path, name: str) -> tuple[Record, list[Problem]]:
    """Read one file into a record; raise InputError if it cannot be read at all."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            name,
            0,
            "file is %(size)s bytes, over the %(limit)s-byte limit",
            size=size,
            limit=MAX_BYTES,
        )
    data = path.read_bytes()
    text = text_of(data, name)
    if not text.strip():
        raise InputError(name, 0, "empty file")
    parts = split(text, name)
    meta, meta_problems = read_fields(parts, name)
    record, problems = parse_text(parts.text, name, meta, parts.text_line, parts.lines)
    return replace(record, digest=hashlib.sha1(data).hexdigest()[:20]), meta_problems + problems


def read_text(path: Path, name: str, text_line: int) -> str:
    """Return the body text of a file as `parse_text` saw it (for pages rendered later):
    from its line `text_line` (`Record.text_line`: past the front matter, not parsed again)."""
    text = text_of(path.read_bytes(), name)
    start = 0
    for _ in range(text_line - 1):
        start = text.find("\n", start) + 1
        if not start:
            return ""
    return text[start:]


def parse_text(
    text: str,
    name: str,
    meta: dict[str, object] | None = None,
    text_line: int = 1,
    meta_lines: dict[str, int] | None = None,
) -> tuple[Record, list[Problem]]:
    """Parse a document's text (front matter already split off and checked, `read_fields`)
    into a record; `meta_lines` give the line of each front matter field, for problems."""
    meta = meta or {}
    meta_lines = meta_lines or {}
    problems: list[Problem] = []
    code = str(meta.get("language") or "").strip().lower()
    if code and not re.fullmatch(r"[a-z]{2,3}", code):
        problems.append(
            problem_at(
                name,
                meta_lines.get("language", 1),
                "front matter language %(code)s is not an ISO 639-1 code; detecting the "
                "language from the text",
                code=repr(code[:40]),
            )
        )
        code = ""
    code = code or detect_language(text)
    fm_symbol = _front_matter_symbol(str(meta["symbol"])) if meta.get("symbol") else None
    if meta.get("symbol") and fm_symbol is None:
        problems.append(
            problem_at(
                name,
                meta_lines.get("symbol", 1),
                "front matter symbol %(symbol)s is not a UN symbol; reading the symbol from "
                "the text",
                symbol=repr(meta["symbol"]),
            )
        )
    lines = text.split("\n")
    excerpt = bool(meta.get("excerpt"))
    # Aligned excerpts have no masthead: their lines are sentences from anywhere in the text.
    head = read_masthead([] if excerpt else lines, code, fm_symbol)
    symbol = head.symbol
    starts = [0, *accumulate(len(line) + 1 for line in lines)]
    skip = [(starts[i], starts[i + 1]) for i in head.skip_lines]

    def line_of(offset: int) -> int:
        """The source file's line of an offset in `text`."""
        return text_line + bisect_right(starts, offset) - 1

    citations = [
        replace(c, line=line_of(c.start))
        for c in find_citations(text, code, symbol)
        if not any(a <= c.start < b for a, b in skip)
    ]
    # front matter values are of the types `frontmatter.read_fields` checked
    date = str(meta["date"]).strip() if meta.get("date") else head.date
    series = body_of_series(symbol)
    # a resolution is its adopting body's, whatever body its masthead or title names
    # ("Menschenrechtsrat": the Council that A/RES/60/251 of the General Assembly created)
    adopted_by = series if symbol and "/RES/" in symbol else None
    body = cast(str | None, meta.get("body")) or adopted_by or head.body or series
    session = cast(int | None, meta.get("session")) or head.session
    session = session or session_of_symbol(symbol, body)
    year, year_from = _year(date, cast(int | None, meta.get("year")), symbol)
    adoption, disagreements = adoption_of(text, code, symbol, body, date, line_of, name)
    adoptions, recorded = adoptions_in(text, code, body, symbol, line_of, name)
    problems += disagreements + recorded
    record = Record(
        file=name,
        symbol=symbol,
        language=code,
        original_language=cast(str | None, meta.get("original_language")) or head.original_language,
        date=date,
        distribution=cast(str | None, meta.get("distribution")) or head.distribution,
        body=body,
        session=session,
        agenda_items=tuple(cast(list[str], meta.get("agenda_items")) or head.agenda_items),
        # Catalogue titles end in the separator before a subtitle: "... activities :".
        title=str(meta.get("title") or head.title or _fallback_title(symbol, name)).strip(" :;/"),
        document_type=str(meta.get("document_type") or head.document_type),
        resolutions_cited=tuple(sorted({c.target for c in citations if c.kind == "resolution"})),
        documents_cited=tuple(sorted({c.target for c in citations if c.kind == "document"})),
        text=text,
        text_line=text_line,
        body_offset=starts[min(head.body_start, len(lines))],
        citations=tuple(citations),
        excerpt=excerpt,
        year=year,
        year_from=year_from,
        adoption=adoption,
        adoptions=adoptions,
    )
    problems += _quality(record, head, name, text_line)
    return record, problems


def _front_matter_symbol(text: str) -> str | None:
    """Return the canonical symbol of a catalogue's symbol field, tidying catalogue quirks."""
    # MultiUN writes "A/RES/54/54-A/RES/54/54[A-V]", "A/55/1(SUPP)-A/55/1" and
    # "A/RES/56/225A-A/RES/56/225": one document under two spellings.
    tidy = re.sub(r"\[[^\]]*\]|\((?:SUPP|Supp)\)", "", text).strip()
    if not re.search(r"-[A-Z]+/", tidy):
        direct = symbols.normalise(tidy)
        if direct:
            return direct
    members = list(dict.fromkeys(symbols.split_joint(tidy)))
    if len(members) > 1:
        bases = {re.sub(r" [A-Z]$", "", m) for m in members}
        if len(bases) == 1:
            return bases.pop()
        return "-".join(members)
    return members[0] if members else symbols.normalise(text)


#: Where a symbol names its session: right after the General Assembly's series (`A/69/767`,
#: `A/RES/70/1`, `A/C.3/56/L.60`), the Human Rights Council's (`A/HRC/28/15`, `A/HRC/RES/28/1`)
#: and its Working Group's (`A/HRC/WG.6/22/PAN/1`), and a Conference of the Parties' number
#: (`UNEP/CHW.12/12`, `UNEP/POPS/COP.7/1`). Any other number of a symbol is a serial number
#: (`A/AC.105/889`, `A/CN.4/684`, `SPLOS/278`, `NPT/CONF.2015/10`), never a session.
_SYMBOL_SESSION = re.compile(
    r"A/(?:RES/|DEC/|INF/|BUR/|C\.[1-6]/|HRC/(?:RES/|DEC/|PRST/|WG\.6/)?)?(?P<n>\d{1,3})(?:/|$)"
    r"|[A-Z]+/(?:[A-Z]+/)?(?:CHW|COP|CMP|MOP)\.(?P<cop>\d{1,2})/"
)


def session_of_symbol(symbol: str | None, body: str | None) -> int | None:
    """Return the session a symbol names (`A/69/767` -> 69, `A/HRC/28/2` -> 28), if its
    series puts one there (`_SYMBOL_SESSION`)."""
    if not symbol or body in (None, "Security Council", "Economic and Social Council"):
        return None
    found = _SYMBOL_SESSION.match(symbol)
    if found is None:
        return None
    return int(found["n"] or found["cop"])


def _year(date: str | None, given: int | None, symbol: str | None) -> tuple[int | None, str]:
    """Return the record's `year` and where it comes from: the date's year, else the front
    matter's, else the symbol's."""
    if date and date[:4].isdigit():
        return int(date[:4]), "date"
    if given:
        return given, "front matter"
    year = symbols.year_of(symbol) if symbol else None
    return (year, "symbol") if year else (None, "")


def _fallback_title(symbol: str | None, name: str) -> str:
    return symbol or Path(name).stem


def _quality(record: Record, head: object, name: str, text_line: int) -> list[Problem]:
    out = []
    if record.symbol is None:
        out.append(
            problem_at(
                name, text_line, "no document symbol found (add `symbol:` to the front matter)"
            )
        )
    if record.date is None and not record.excerpt:
        out.append(problem_at(name, text_line, "no date found (add `date: YYYY-MM-DD`)"))
    for i in getattr(head, "unread_agenda", []):
        out.append(problem_at(name, text_line + i, "agenda item line not understood"))
    return out
