"""Views in the address: a chart's view buttons each name their view (the button's `name`), and a
page's or an embed's address can ask for one as `?view-<chart id>=<view id>` (charts.js writes it when
the reader presses a button and draws the chart in it when a page opens with it). The query, not the
fragment: the fragment is the heading the reader is at, which the theme keeps in the address.

HEAD_SCRIPT runs in the head of every page with a chart and of every embed, before the first paint:
for each chart the address asks a view of, it hides that chart's static image (which shows the
default view) until charts.js has drawn the chart in the view asked for, or found the view unknown
or the default one. The box keeps its size, so nothing moves."""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

from o3story.render import templating

KEY = re.compile(r"view-(?P<chart>[a-z0-9-]+)")
NAME = re.compile(r"[a-z0-9-]+")

HEAD_SCRIPT = (
    "(function(){var css='';new URLSearchParams(location.search).forEach(function(v,k){"
    "var m=/^view-([a-z0-9-]+)$/.exec(k);"
    "if(m&&/^[a-z0-9-]+$/.test(v))css+='[data-chart=\"'+m[1]+'\"]:not([data-o3-view-shown]) .o3-chart__static{visibility:hidden}';});"
    "if(css){var s=document.createElement('style');s.textContent=css;document.head.appendChild(s);}})();"
)


def head_script() -> Markup:
    return templating.render("view_script.html", code=Markup(HEAD_SCRIPT))  # the code is ours, not data


def csp_source() -> str:
    """HEAD_SCRIPT's hash for a Content-Security-Policy's script-src."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(HEAD_SCRIPT.encode("utf-8")).digest()).decode() + "'"


def query(chart_id: str, view: str | None) -> str:
    """The query parameter that names a chart's view (empty for none)."""
    return f"view-{chart_id}={view}" if view else ""
