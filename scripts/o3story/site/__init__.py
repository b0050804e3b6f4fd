"""The site glue: everything that knows about MkDocs, the file system of the built site, or HTTP.

Holds the MkDocs hook (hook), the strict build with its link check (build, linkcheck), the
theme overrides (theme/), head values and the CSP (seo), the vendored plotly.js (vendor),
writing embeds and downloads into the site (publish), the base-path preview server (preview),
the audit of the pages' quotations (quotes) and of their wording (words: a qualifier typed before
a figure that prints its own, a doubled word, a figure inside a quotation). May import
o3story.data and o3story.render; nothing imports it but the command line (o3story.__main__) and MkDocs.
"""
