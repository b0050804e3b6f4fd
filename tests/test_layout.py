"""The package's rooms show the data flow: data/ -> render/ -> site/, never backwards.

Each module's imports are read from its syntax tree (not by importing it), so a lazy import inside
a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "o3story"
ROOMS = ("data", "render", "site")
# What each room may import from the package.
ALLOWED = {"data": {"data"}, "render": {"data", "render"}, "site": {"data", "render", "site"}}


def imports_of(path: Path) -> set[str]:
    """Every o3story module a file imports, as dotted names, relative imports resolved."""
    module = ".".join(("o3story",) + path.relative_to(PACKAGE).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("o3story")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.startswith("o3story"):
                found.add(name)
                found |= {f"{name}.{a.name}" for a in node.names}
    return found


def room_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ROOMS else None


MODULES = sorted(p for room in ROOMS for p in (PACKAGE / room).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_room_imports_only_rooms_before_it(path):
    room = path.relative_to(PACKAGE).parts[0]
    wrong = sorted(n for n in imports_of(path) if room_of(n) and room_of(n) not in ALLOWED[room])
    assert not wrong, f"{path.relative_to(PACKAGE)} ({room}/) imports {wrong}"


def test_the_check_sees_a_backward_import(tmp_path, monkeypatch):
    """The test above can fail: a data module importing render is caught."""
    fake = tmp_path / "o3story" / "data" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..render import fmt\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "o3story")
    assert room_of(sorted(imports_of(fake))[0]) == "render"


def test_no_flat_modules_left_beside_the_rooms():
    """Only the command line and the bench sit at the top; everything else is in a room."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "bench.py"]


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_says_what_it_holds_and_may_import(room):
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "May import" in doc
