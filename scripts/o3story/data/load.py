"""Read data/*.yaml into typed records, keeping the line of every field.

I/O lives here and in `build.py`; everything after loading is pure. Every
problem becomes a `DataError` naming file, line and field, and all of them are
raised together at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from o3story.data.errors import DataError, DataErrors

MAX_FILE_BYTES = 1_000_000  # our largest file is a few tens of KB; anything near 1 MB is a mistake

M = TypeVar("M", bound=BaseModel)


# libyaml's parser when PyYAML has it (several times faster), with the same safe constructor.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML, with dates left as strings so the models report bad dates by line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Where:
    """Where a record sits: its file, the path to it, and the line of each of its fields."""

    file: str
    path: tuple[Any, ...]
    lines: dict[tuple[Any, ...], int]

    def line(self, *field: Any) -> int:
        full = self.path + tuple(field)
        while full:
            if full in self.lines:
                return self.lines[full]
            full = full[:-1]
        return 1

    def error(self, problem: str, *at: Any) -> DataError:
        """An error about the field at `at` (or the whole record)."""
        return DataError(self.file, self.line(*at), self.field(*at), problem)

    def field(self, *at: Any) -> str:
        return field_name(self.path + tuple(at))


def field_name(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _walk(node: yaml.Node, path: tuple, lines: dict, errors: list[str | tuple]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            sub = path + (key,)
            if key in seen:
                errors.append((key_node.start_mark.line + 1, field_name(sub), f"duplicate key '{key}'"))
            seen.add(key)
            lines[sub] = key_node.start_mark.line + 1
            _walk(value_node, sub, lines, errors)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _walk(item, path + (i,), lines, errors)


def _codepoint(char: int | str) -> str:
    return f"U+{char if isinstance(char, int) else ord(char):04X}"


def read_yaml(path: Path, name: str) -> tuple[Any, dict[tuple, int]]:
    """Parse one YAML file; raise DataErrors with the file's name and line on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataErrors([DataError(name, 1, "(file)", f"cannot read: {exc.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataErrors([DataError(name, 1, "(file)", f"file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(name, line, "(file)", f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")]) from None
    if not text.strip():
        raise DataErrors([DataError(name, 1, "(file)", "file is empty")])
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # a control character YAML does not allow (e.g. NUL)
        line = text[: exc.position].count("\n") + 1
        raise DataErrors([DataError(name, line, "(yaml)", f"character {_codepoint(exc.character)} is not allowed in YAML")]) from None
    try:
        node = loader.get_single_node()
        problems: list = []
        lines: dict[tuple, int] = {}
        if node is not None:
            _walk(node, (), lines, problems)
        if problems:
            raise DataErrors([DataError(name, ln, f, p) for ln, f, p in problems])
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise DataErrors([DataError(name, line, "(yaml)", problem)]) from None
    except yaml.reader.ReaderError as exc:  # found while reading on (the reader works in chunks)
        line = text[: exc.position].count("\n") + 1
        raise DataErrors([DataError(name, line, "(yaml)", f"character {_codepoint(exc.character)} is not allowed in YAML")]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise DataErrors([DataError(name, 1, "(yaml)", str(exc))]) from None
    finally:
        loader.dispose()
    if data is None:
        raise DataErrors([DataError(name, 1, "(file)", "file holds no data")])
    return data, lines


def pydantic_errors(exc: ValidationError, where: Where, model: type[BaseModel]) -> Iterator[DataError]:
    for err in exc.errors():
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (allowed: " + ", ".join(_allowed(model, loc[:-1])) + ")"
        elif err["type"] == "missing":
            msg = "required field is missing"
        head, sep, rest = msg.partition(": ")
        # A model-level check names the field it is about at the start of its message
        # (also for a nested record, e.g. one change of an audit).
        if sep and err["type"] == "value_error" and head in _allowed(model, loc):
            loc, msg = loc + (head,), rest
        yield DataError(where.file, where.line(*loc), where.field(*loc), msg)


def _allowed(model: type[BaseModel], loc: tuple) -> list[str]:
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        inner = getattr(field, "annotation", None) if field else None
        for cand in getattr(inner, "__args__", ()) + ((inner,) if inner else ()):
            if isinstance(cand, type) and issubclass(cand, BaseModel):
                model = cand
                break
    return list(model.model_fields)


def load_list(path: Path, name: str, key: str, model: type[M]) -> tuple[list[tuple[M, Where]], list[DataError], set[str]]:
    """Load `key: [records...]` from one file.

    Returns the good records, the errors, and the ids of records that failed validation
    (so that references to them are not reported a second time as dangling). When the file
    itself cannot be read, those ids are unknown: the third value is then None."""
    try:
        data, lines = read_yaml(path, name)
    except DataErrors as exc:
        return [], exc.errors, None
    if not isinstance(data, dict) or set(data) != {key}:
        found = ", ".join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        return [], [DataError(name, 1, "(file)", f"must be a mapping with the single key '{key}' (found: {found})")], None
    items = data[key]
    if not isinstance(items, list):
        return [], [DataError(name, lines.get((key,), 1), key, "must be a list of records")], None
    good: list[tuple[M, Where]] = []
    errors: list[DataError] = []
    broken: set[str] = set()
    for i, item in enumerate(items):
        where = Where(name, (key, i), lines)
        if not isinstance(item, dict):
            errors.append(DataError(name, where.line(), where.field(), "must be a mapping of fields"))
            broken.add(None)
            continue
        try:
            good.append((model.model_validate(item), where))
        except ValidationError as exc:
            errors.extend(pydantic_errors(exc, where, model))
            if isinstance(item.get("id"), str):
                broken.add(item["id"])
            else:
                broken.add(None)
    # A broken record whose id cannot be read hides which ids exist: references are then unknown too.
    return good, errors, (None if None in broken else broken)


def load_one(path: Path, name: str, key: str, model: type[M]) -> tuple[M | None, Where | None, list[DataError]]:
    """Load `key: {record}` from one file: one record, not a list (e.g. data/status.yaml)."""
    try:
        data, lines = read_yaml(path, name)
    except DataErrors as exc:
        return None, None, exc.errors
    if not isinstance(data, dict) or set(data) != {key}:
        found = ", ".join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        return None, None, [DataError(name, 1, "(file)", f"must be a mapping with the single key '{key}' (found: {found})")]
    where = Where(name, (key,), lines)
    if not isinstance(data[key], dict):
        return None, None, [DataError(name, where.line(), where.field(), "must be a mapping of fields")]
    try:
        return model.model_validate(data[key]), where, []
    except ValidationError as exc:
        return None, None, list(pydantic_errors(exc, where, model))
