"""Turning records into output: pure functions from a `Story` to chart specs, page blocks,
embeds, downloads and images.

Holds the chart specs (charts/), the page placeholders' content (pages, scorecard, explorer,
glossary), the embed page and oEmbed (embed), downloads (exports, datapackage), static images
(images), number formatting (fmt), the string tables (i18n/) and the Jinja2 templates
(templates/, templating). May import o3story.data; never o3story.site or MkDocs.
"""
