"""The shape of the code: layers that import one way only, no cycles, a small top level.

Layers, lowest first (ARCHITECTURE.md): foundation -> docx -> questions -> answers -> render
-> checks -> lint -> app. A module may import its own layer and the layers below it, never a
layer above, and no chain of imports may come back to where it started. Imports inside
functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "commgen"
LAYERS = ("foundation", "docx", "questions", "answers", "render", "checks", "lint", "app")
MAX_TOP_LEVEL = 5


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """commgen modules that ``path`` imports (``from commgen.x import y`` counts y if it is a
    module, else x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("commgen") and target != name:
                found.add(target)
    return found


def layer_of(name: str) -> int:
    parts = name.split(".")
    if len(parts) == 1 or parts[1] not in LAYERS:
        return -1  # commgen/__init__ (the version) and __main__ stand outside the layers
    return LAYERS.index(parts[1])


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, name, known) for name, path in found.items()}


def test_every_package_is_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(LAYERS)


def test_imports_never_go_up_a_layer() -> None:
    upward = []
    for name, targets in graph().items():
        if name == "commgen.__main__":
            continue  # the entry point starts the app
        for target in targets:
            if layer_of(target) > layer_of(name) or (layer_of(name) == -1 and target != "commgen"):
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_top_of_the_package_is_small() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, top


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The walk itself: a foundation module that imports the app is found."""
    path = tmp_path / "commgen" / "foundation" / "bad.py"
    path.parent.mkdir(parents=True)
    path.write_text("def f():\n    from commgen.app.cli import main\n", encoding="utf-8")
    known = {"commgen.app.cli", "commgen.app", "commgen.foundation.bad"}
    assert imports_of(path, "commgen.foundation.bad", known) == {"commgen.app.cli"}
    assert layer_of("commgen.app.cli") > layer_of("commgen.foundation.bad")


def _raises_and_handlers() -> tuple[list[str], list[str]]:
    bare, broad = [], []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                    and isinstance(node.exc.func, ast.Name) and node.exc.func.id == "CommgenError"):
                bare.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name) and (
                    node.type.id in ("Exception", "BaseException")):
                broad.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.ExceptHandler) and node.type is None:
                broad.append(f"{name}:{node.lineno} (bare except)")
    return bare, broad


def test_errors_name_themselves() -> None:
    """Every user-facing error is a named subclass of CommgenError; only the entry point
    catches everything (to report a bug as a bug), and the atomic write cleans up and re-raises."""
    bare, broad = _raises_and_handlers()
    assert bare == []
    allowed = {"commgen.app.cli", "commgen.foundation.files"}
    assert [b for b in broad if b.split(":")[0] not in allowed] == []


def test_interview_stopped_is_a_commgen_error() -> None:
    from commgen.foundation import errors

    assert issubclass(errors.InterviewStopped, errors.CommgenError)
    assert errors.InterviewStopped.exit_code == errors.EXIT_STOPPED == 130
