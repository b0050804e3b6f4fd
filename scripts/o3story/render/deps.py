"""What a result read of the story, so that a rebuild after a data edit keeps every result whose reads
are unchanged (under `mkdocs serve`: an edit to one figure redraws the charts and pages that show it).

`Recording(story, reads)` is a stand-in for a story that writes down each read of its data and texts:
a record list (`story.data.figures`), a lookup with its arguments and what it returned or raised
(`story.data.figure("o3.aime-2024")`), the transcript; `value(story, fn, ...)` records a value computed
from the whole story (which chart draws a figure) by its value. `unchanged(reads, story)` repeats those
reads on another story and says whether each gives an equal value: then anything computed from the
first story through the stand-in is what the second would give. A read that does not go through the
stand-in cannot happen: the stand-in is the only story the computation is given.
"""

from __future__ import annotations

from typing import Any, Callable

Reads = dict[tuple, Any]


def value(story, fn: Callable, *args):
    """`fn(story, *args)`, a value computed from the whole story that a result depends on only through
    the value (which chart draws a figure): a recording story records the value, not the many reads
    that made it, and `unchanged` computes it again on the next story to compare."""
    out = fn(base(story), *args)
    while isinstance(story, Recording):
        story.reads[("derived", fn, args)] = out
        story = story._story
    return out


class _Data:
    """The story's `data`: attributes are recorded with their values, methods with their arguments and outcome."""

    __slots__ = ("_real", "_reads")

    def __init__(self, real, reads: Reads):
        self._real, self._reads = real, reads

    def __getattr__(self, name: str):
        value = getattr(self._real, name)
        if not callable(value):
            self._reads[("attr", name)] = value
            return value

        def call(*args):
            try:
                out = ("ok", value(*args))
            except Exception as exc:  # noqa: BLE001 - the outcome is recorded, then raised as before
                self._reads[("call", name, args)] = ("raise", type(exc), str(exc))
                raise
            self._reads[("call", name, args)] = out
            return out[1]
        return call


class Recording:
    """A story whose reads are written to `reads`."""

    def __init__(self, story, reads: Reads):
        self._story = story
        self.reads = reads
        self.data = _Data(story.data, reads)

    def __getattr__(self, name: str):  # the transcript, the translation
        value = getattr(self._story, name)
        self.reads[("story", name)] = value
        return value


def base(story):
    """The story itself behind any recording stand-ins."""
    while isinstance(story, Recording):
        story = story._story
    return story


def note(story, reads: Reads) -> None:
    """Reads made on `story`'s behalf (a kept chart's): a recording story takes them as its own."""
    while isinstance(story, Recording):
        story.reads.update(reads)
        story = story._story


def unchanged(reads: Reads, story) -> bool:
    """Whether every read gives an equal value on `story` (a story, or a recording one, which records these reads too)."""
    for key, old in reads.items():
        kind, name = key[0], key[1]  # name: an attribute, a method, or a derived value's function
        if kind == "story":
            new = getattr(story, name)
        elif kind == "attr":
            new = getattr(story.data, name)
        elif kind == "derived":
            new = name(base(story), *key[2])
        else:
            try:
                new = ("ok", getattr(story.data, name)(*key[2]))
            except Exception as exc:  # noqa: BLE001 - compared with the recorded outcome
                new = ("raise", type(exc), str(exc))
        if new is not old and new != old:
            return False
    return True
