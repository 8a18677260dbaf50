"""The interface's catalogs: extract the messages again and bring every language's up to date.

    python tools/messages.py          # write src/undocs/locales/undocs.pot, update each .po
    python tools/messages.py --check  # exit 1 if a catalog misses a message or a translation

Messages are the words the templates mark (`{% trans %}`, `_()`) and the bodies' names
(`undocs.site.i18n.interface_messages`). Updating a language's catalog keeps its
translations, adds the new messages untranslated and drops the ones no template uses
any more; translate the new ones in `src/undocs/locales/<lang>/LC_MESSAGES/undocs.po`
(UNTERM, https://unterm.un.org, has the United Nations' own terms).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from undocs.site.i18n import (  # noqa: E402
    DOMAIN,
    INTERFACE_LANGUAGES,
    LOCALES,
    catalog_path,
    interface_messages,
)


def gaps(template: Catalog, language: str) -> list[str]:
    """Return what the catalog of `language` lacks: messages, or their translations; and
    each translation whose placeholders the message does not have (`%(name)s`: Babel's
    checkers), which would fail where it is shown."""
    path = catalog_path(language)
    if not path.is_file():
        return [f"{path}: missing"]
    with path.open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    out = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        where = f"{path.relative_to(ROOT)}: {message.id!r}"
        if found is None:
            out.append(f"{where} is not in the catalog")
        elif found.fuzzy or not all(
            found.string if isinstance(found.string, tuple) else [found.string]
        ):
            out.append(f"{where} is not translated")
    for message, errors in catalog.check():
        out.extend(f"{path.relative_to(ROOT)}: {message.id!r}: {error}" for error in errors)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="report what is missing; write nothing"
    )
    args = parser.parse_args()
    template = interface_messages(ROOT / "templates")
    if args.check:
        missing = [
            gap
            for language in INTERFACE_LANGUAGES
            if language != "en"
            for gap in gaps(template, language)
        ]
        print("\n".join(missing) or f"{len(template)} messages, translated in every language")
        return 1 if missing else 0
    with (LOCALES / f"{DOMAIN}.pot").open("wb") as file:
        write_po(file, template, width=100, omit_header=True, no_location=True)
    for language in INTERFACE_LANGUAGES:
        if language == "en":
            continue
        path = catalog_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            with path.open("rb") as file:
                catalog = read_po(file, locale=language, domain=DOMAIN)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="undocs")
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as file:
            write_po(file, catalog, width=100, no_location=True, ignore_obsolete=True)
        untranslated = sum(1 for m in catalog if m.id and not m.string)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
