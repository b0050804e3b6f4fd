"""Reading the truth: data/ on disk -> validated, typed records (a `Story`).

Holds the record types (model), the YAML reader with line numbers (load), the cross-record checks
(validate, claims), the transcript and its translation, and `story.load_story`, which ties them
together and raises `DataErrors` naming file, line and field. May import only the standard
library, pydantic and yaml: nothing from o3story.render or o3story.site.
"""
