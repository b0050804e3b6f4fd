"""The registry of page blocks: `{{ name args }}` in a page is `BLOCKS[name](ctx, args)`. A block
is one function of a `PageContext` and the placeholder's arguments, registered with `@block(name)`
in its family's module (render/blocks/*.py), and one template (render/templates/)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from o3story.render.context import PageContext

Block = Callable[[PageContext, list[str]], "str | Markup"]
BLOCKS: dict[str, Block] = {}


def block(name: str) -> Callable[[Block], Block]:
    def register(fn: Block) -> Block:
        if name in BLOCKS:
            raise ValueError(f"page block {name!r} registered twice ({BLOCKS[name].__module__} and {fn.__module__})")
        BLOCKS[name] = fn
        return fn

    return register
