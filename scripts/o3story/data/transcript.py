"""Parse the published Chinese transcript (baoyu.io) into header, summary and speaker turns.

The parser keeps every line of the source: `to_text` reassembles the parsed parts
and a test checks that the result equals the source, whitespace aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from o3story.data.errors import DataError, DataErrors

LANG = "zh"  # the language of the transcript (a code of data/locales.yaml)
SEPARATOR = "* * *"
# A speaker turn starts with a Latin name ("Mark Chen: ") or a short Chinese one ("所有人: ").
SPEAKER = re.compile(r"^(?P<name>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*|[\u4e00-\u9fff]{2,4}): (?P<text>.+)$")
POINT = re.compile(r"^\*\s+\*\*(?P<label>[^*]+)\*\*[:：](?P<text>.+)$")
HEADER_FIELD = re.compile(r"^- (?P<key>来源|发布日期|作者)：(?P<value>.+)$")


@dataclass(frozen=True)
class Point:
    label: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Turn:
    n: int  # 1-based order in the transcript; the anchor `t<n>` is built from it
    speaker: str
    paragraphs: tuple[str, ...]
    line: int  # line of the speaker label in the source file
    lines: tuple[int, ...] = ()  # line of each paragraph

    def line_of(self, paragraph: int) -> int:
        return self.lines[paragraph] if paragraph < len(self.lines) else self.line

    @property
    def anchor(self) -> str:
        return f"t{self.n}"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Transcript:
    title: str
    source_url: str
    published: str
    author: str
    summary: tuple[Section, ...]
    topics: tuple[str, ...]
    body_heading: str
    preamble: tuple[str, ...]  # the article's own notes between the video link and the turns
    turns: tuple[Turn, ...]

    def section(self, keyword: str) -> Section:
        return next(s for s in self.summary if keyword in s.heading)

    @property
    def one_line(self) -> str:
        return self.section("一句话").paragraphs[0]

    @property
    def key_points(self) -> tuple[Point, ...]:
        return self.section("关键点").points

    @property
    def risks(self) -> tuple[Point, ...]:
        return self.section("风险").points

    @property
    def video_url(self) -> str:
        m = re.search(r"\((https?://[^)]+)\)", self.preamble[0])
        return m.group(1) if m else ""

    def speakers(self) -> list[str]:
        return list(dict.fromkeys(t.speaker for t in self.turns))

    def locate(self, quote: str) -> str | None:
        """Where a verbatim quote stands: 't<n>' for a speaker turn, 'summary', 'body', or None."""
        turn = self.turn_with(quote)
        if turn is not None:
            return turn.anchor
        if any(quote in p.text or quote in f"{p.label}：{p.text}" for s in self.summary for p in s.points) or any(
            quote in par for s in self.summary for par in s.paragraphs
        ):
            return "summary"
        if any(quote in par for par in self.preamble):
            return "body"
        return None

    def turn_with(self, quote: str) -> Turn | None:
        """The first turn whose text holds `quote` verbatim."""
        return next((t for t in self.turns if quote in t.text), None)


def parse(text: str, name: str = "data/transcript") -> Transcript:
    lines = text.splitlines()
    errors: list[DataError] = []

    def fail(line: int, field: str, problem: str) -> None:
        errors.append(DataError(name, line, field, problem))

    def find(pred, start: int = 0) -> int:
        return next((i for i in range(start, len(lines)) if pred(lines[i])), -1)

    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else ""
    if not title:
        fail(1, "title", "the first line must be the title: '# ...'")
    header: dict[str, str] = {}
    for line in lines[:12]:
        m = HEADER_FIELD.match(line)
        if m:
            header[m["key"]] = m["value"].strip()
    for key, field in (("来源", "source_url"), ("发布日期", "published"), ("作者", "author")):
        if key not in header:
            fail(2, field, f"missing header line '- {key}：...'")
    if header.get("来源") and not re.fullmatch(r"https?://\S+", header["来源"]):
        fail(3, "source_url", "must be an http(s) URL")

    h2 = [i for i, line in enumerate(lines) if line.startswith("## ")]
    by_title = {lines[i][3:].strip(): i for i in h2}
    for need in ("摘要", "关联主题", "正文"):
        if need not in by_title:
            fail(1, need, f"missing section '## {need}'")
    sep = find(lambda s: s.strip() == SEPARATOR)
    if sep < 0:
        fail(len(lines), "turns", f"missing the '{SEPARATOR}' line before the speaker turns")
    if errors:
        raise DataErrors(errors)

    def block(start: int) -> list[str]:
        end = next((i for i in h2 if i > start), len(lines))
        return [s for s in lines[start + 1 : end] if s.strip()]

    summary: list[Section] = []
    current: dict | None = None
    for line in block(by_title["摘要"]):
        heading = re.fullmatch(r"\*\*(.+)\*\*", line.strip())
        if heading:
            current = {"heading": heading.group(1), "paragraphs": [], "points": []}
            summary.append(current)  # type: ignore[arg-type]
            continue
        if current is None:
            current = {"heading": "", "paragraphs": [], "points": []}
            summary.append(current)  # type: ignore[arg-type]
        point = POINT.match(line.strip())
        if point:
            current["points"].append(Point(point["label"].strip(), point["text"].strip()))
        else:
            current["paragraphs"].append(line.strip())
    sections = tuple(Section(s["heading"], tuple(s["paragraphs"]), tuple(s["points"])) for s in summary)  # type: ignore[index]
    for keyword in ("一句话", "关键点", "风险"):
        if not any(keyword in s.heading for s in sections):
            fail(by_title["摘要"] + 1, "summary", f"missing the summary part '{keyword}'")

    topics = tuple(
        re.sub(r"^-\s*", "", s).strip() for s in block(by_title["关联主题"])
    )
    body = by_title["正文"]
    preamble = tuple(s.strip() for s in lines[body + 1 : sep] if s.strip())
    if not preamble or not re.search(r"\(https?://", preamble[0]):
        fail(body + 2, "video_url", "the body must open with the video link")

    turns: list[Turn] = []
    for i in range(sep + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        m = SPEAKER.match(line.strip())
        if m:
            turns.append(Turn(len(turns) + 1, m["name"], (m["text"].strip(),), i + 1, (i + 1,)))
        elif turns:
            last = turns[-1]
            turns[-1] = Turn(last.n, last.speaker, last.paragraphs + (line.strip(),), last.line, last.lines + (i + 1,))
        else:
            fail(i + 1, "turns", "text before the first speaker line ('Name: ...')")
    if not turns:
        fail(sep + 1, "turns", "no speaker turns ('Name: text') after the separator")
    if errors:
        raise DataErrors(errors)
    return Transcript(
        title=title,
        source_url=header["来源"],
        published=header["发布日期"],
        author=header["作者"],
        summary=sections,
        topics=topics,
        body_heading="正文",
        preamble=preamble,
        turns=tuple(turns),
    )


def to_text(t: Transcript) -> str:
    """Reassemble the source text from the parsed parts (the round-trip test uses this)."""
    out = [f"# {t.title}", "", "## 文档信息", f"- 来源：{t.source_url}", f"- 发布日期：{t.published}", f"- 作者：{t.author}", "", "## 摘要", ""]
    for s in t.summary:
        if s.heading:
            out.append(f"**{s.heading}**")
        out += list(s.paragraphs)
        out += [f"*   **{p.label}**：{p.text}" for p in s.points]
        out.append("")
    out += ["## 关联主题", ""] + [f"- {x}" for x in t.topics] + ["", f"## {t.body_heading}"]
    out += list(t.preamble) + [SEPARATOR]
    for turn in t.turns:
        out.append(f"{turn.speaker}: {turn.paragraphs[0]}")
        out += list(turn.paragraphs[1:])
    return "\n".join(out) + "\n"


def load(path: Path, name: str) -> Transcript:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataErrors([DataError(name, 1, "(file)", f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(name, line, "(file)", "not UTF-8")]) from None
    if not text.strip():
        raise DataErrors([DataError(name, 1, "(file)", "file is empty")])
    return parse(text, name)
