"""Write the records undocs reads as a Hugo project, for a like-for-like build comparison.

The Hugo site has what undocs's has at its core: a page per document (its metadata and text)
and taxonomy pages for body, session, agenda item and cited resolution, each list paged by 100.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from undocs.model import Record

CONFIG = """baseURL = "http://127.0.0.1/"
title = "UN Documents Archive"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[pagination]
  pagerSize = 100
[taxonomies]
  body = "bodies"
  session = "sessions"
  agenda = "agenda"
  resolution = "resolutions"
[markup.goldmark.renderer]
  unsafe = false
"""

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Params.language | default "en" }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">Archive</a> <a href="/bodies/">Bodies</a>
<a href="/resolutions/">Resolutions</a></header><main>{{ block "main" . }}{{ end }}</main></body>
</html>""",
    "_default/single.html": """{{ define "main" }}<article>
<p>{{ .Params.symbol }}</p><h1>{{ .Title }}</h1>
<dl><dt>Date</dt><dd>{{ .Date.Format "2006-01-02" }}</dd>
<dt>Body</dt><dd>{{ range .GetTerms "bodies" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Session</dt><dd>{{ range .GetTerms "sessions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Agenda</dt><dd>{{ range .GetTerms "agenda" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
</dl>{{ .Content }}
<h2>Resolutions cited</h2><ul>{{ range .GetTerms "resolutions" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.symbol }} {{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ with .Paginator.Next }}<a href="{{ .URL }}">Next</a>{{ end }}{{ end }}""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}""",
}


def write_project(records: list[Record], folder: Path) -> int:
    """Write a Hugo project for `records` into `folder`; return the number of content files."""
    if folder.exists():
        shutil.rmtree(folder)
    content = folder / "content" / "docs"
    content.mkdir(parents=True)
    (folder / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "static").mkdir()
    (folder / "static" / "style.css").write_text("body{font-family:sans-serif}", encoding="utf-8")
    for n, record in enumerate(records):
        meta = {
            "title": record.title or record.symbol or record.file,
            "date": record.date or "1970-01-01",
            "symbol": record.symbol or "",
            "language": record.language,
            "bodies": [record.body] if record.body else [],
            "sessions": [f"{record.body} {record.session}"] if record.session else [],
            "agenda": [f"{record.body} {record.session} item {i}" for i in record.agenda_items],
            "resolutions": list(record.resolutions_cited),
        }
        # JSON front matter; the text goes in as it is (Goldmark renders it as Markdown).
        text = record.text.replace("{{", "{ {")
        (content / f"{n:06d}.md").write_text(
            json.dumps(meta, ensure_ascii=False) + "\n\n" + text, encoding="utf-8"
        )
    return len(records)
