"""The `{{ name args }}` placeholder syntax, shared by pages and data-text validation."""

import re

TOKEN = re.compile(r"\{\{\s*(?P<name>[a-z-]+)(?P<args>(?:\s+[^\s{}]+)*)\s*\}\}")
