"""The package's rooms show the data flow: data/ -> render/ -> site/, never backwards.

Each module's imports are read from its syntax tree (not by importing it), so a lazy import inside
a function counts too."""

from __future__ import annotations

import ast
import re
import sys
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
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "o3story")
    assert room_of(sorted(imports_of(fake))[0]) == "render"


def test_no_flat_modules_left_beside_the_rooms():
    """Only the command line and the bench sit at the top; everything else is in a room."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "bench.py"]


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_says_what_it_holds_and_may_import(room):
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "May import" in doc


# Markup lives in templates (render/templates/, site/theme/). The only tags left in Python strings:
# plotly's own text markup in chart labels and hovers (plotly draws <br> and <b> itself, as SVG
# text; they are never HTML of a page), and the pattern seo.py uses to find inline scripts to hash.
ALLOWED_TAGS = {"br": "plotly label line break", "b": "plotly bold label text"}
ALLOWED_PATTERNS = {("site/seo.py", "script"): "INLINE_SCRIPT finds a page's inline scripts for the CSP hashes",
                    ("render/fmt.py", "a"): "tidy_spaces finds where a figure link starts, to keep its qualifier with the word before"}
TAG = re.compile(r"(?<!\?P)</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
# HTML's elements (a placeholder such as "#fig-<id>" in prose is not one).
HTML_ELEMENTS = set("""a abbr b blockquote body br button caption code dd details div dl dt em figcaption figure
footer form h1 h2 h3 h4 h5 h6 head header html i iframe img input label li link main meta nav noscript ol option
p picture pre q script section select source span strong style summary table tbody td th thead time title tr ul""".split())


def string_literals(path: Path):
    """(line, text) of every string constant but docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def tags_in(path: Path) -> list[str]:
    rel = str(path.relative_to(PACKAGE))
    found = []
    for line, text in string_literals(path):
        for m in TAG.finditer(text):
            name = m[1].lower()
            if name not in HTML_ELEMENTS or name in ALLOWED_TAGS or (rel, name) in ALLOWED_PATTERNS:
                continue
            found.append(f"{rel}:{line}: {m.group(0)}")
    return found


def test_no_html_tag_is_written_in_python_outside_the_templates():
    found = [hit for p in sorted(PACKAGE.rglob("*.py")) for hit in tags_in(p)]
    assert not found, "markup belongs in a template:\n" + "\n".join(found)


def test_the_tag_check_finds_a_tag_in_a_string(tmp_path, monkeypatch):
    module = tmp_path / "o3story" / "render" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text('"""A <p> in a docstring is prose."""\nHTML = f\'<td class="a">{1}</td>\'\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "o3story")
    assert tags_in(module) == ['render/x.py:2: <td class="a">', "render/x.py:2: </td>"]


# --- no import cycle anywhere in the package ----------------------------------------------------

def module_graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package -> the package modules it imports (lazy, type-only and relative
    imports included: a cycle through any of them is a cycle)."""
    mods = {".".join(("o3story",) + p.relative_to(package).with_suffix("").parts).removesuffix(".__init__"): p
            for p in sorted(package.rglob("*.py"))}
    graph = {}
    for name, path in mods.items():
        deps = set()
        for imported in imports_of_in(path, package):
            parts = imported.split(".")
            target = next((".".join(parts[:k]) for k in range(len(parts), 0, -1) if ".".join(parts[:k]) in mods), None)
            if target and target != name:
                deps.add(target)
        graph[name] = deps
    return graph


def imports_of_in(path: Path, package: Path) -> set[str]:
    global PACKAGE
    saved, PACKAGE = PACKAGE, package
    try:
        return imports_of(path)
    finally:
        PACKAGE = saved


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_no_import_cycle_in_the_package():
    found = cycles(module_graph(PACKAGE))
    assert not found, "import cycles (each a group of modules that import one another):\n" + "\n".join(map(str, found))


def test_the_cycle_check_sees_a_cycle_through_a_lazy_import(tmp_path):
    """The test above can fail: a cycle whose one arrow is a lazy import inside a function is found."""
    pkg = tmp_path / "o3story"
    (pkg / "render").mkdir(parents=True)
    (pkg / "render" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "render" / "a.py").write_text("from o3story.render import b\n", encoding="utf-8")
    (pkg / "render" / "b.py").write_text("def f():\n    from .a import x\n", encoding="utf-8")
    (pkg / "render" / "c.py").write_text("from o3story.render import a\n", encoding="utf-8")
    assert cycles(module_graph(pkg)) == [["o3story.render.a", "o3story.render.b"]]
