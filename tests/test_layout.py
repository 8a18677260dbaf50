"""The package's layout: stages import downwards only, and no module imports itself back.

Imports are read with `ast` (nothing is imported to find them). Imports under
`if TYPE_CHECKING:` are left out: they are for the type checker and never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "undocs"

#: Each stage may import its own modules and those of the stages before it.
STAGES = [
    {"undocs", "undocs.model", "undocs.inputs", "undocs.memo"},
    {"undocs.lang"},
    {"undocs.read"},
    {"undocs.urls"},
    {"undocs.archive"},
    {"undocs.site", "undocs.config"},
    {"undocs.build"},
    {
        "undocs.options",
        "undocs.serve",
        "undocs.watch",
        "undocs.evaluate",
        "undocs.evaluate_adoptions",
        "undocs.newproject",
    },
    {"undocs.cli", "undocs.__main__"},
]


def module_name(path: Path) -> str:
    parts = ["undocs", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Return the undocs modules `path` imports when it runs."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("undocs"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("undocs"):
                return
            for alias in node.names:  # `from . import urls` imports a module
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) for p in paths}


def stage_of(module: str) -> int:
    for n, stage in enumerate(STAGES):
        for prefix in stage:
            if module == prefix or (prefix != "undocs" and module.startswith(prefix + ".")):
                return n
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := walk(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := walk(node)):
            return cycle
    return None


def test_no_import_cycles() -> None:
    edges = graph()
    assert find_cycle(edges) is None, " -> ".join(find_cycle(edges) or [])


def test_stages_import_downwards() -> None:
    wrong = [
        f"{module} (stage {stage_of(module)}) imports {target} (stage {stage_of(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if stage_of(target) > stage_of(module)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_checks_find_what_they_look_for() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert stage_of("undocs.lang.dates") < stage_of("undocs.site.gather")
    assert stage_of("undocs") == stage_of("undocs.model") == 0
    edges = graph()
    assert "undocs.read.symbols" in edges["undocs.urls"]
    assert "undocs.urls" in edges["undocs.archive.graph"]  # `from .. import urls`
    # docpage names the Site for the type checker only
    assert "undocs.site.gather" not in edges["undocs.site.docpage"]


@pytest.mark.parametrize("stage", ["lang", "read", "archive", "site", "build"])
def test_each_stage_is_a_folder(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()
    assert ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
