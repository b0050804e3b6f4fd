"""o3story: data/ -> o3story.data (read and validate) -> o3story.render (pure output) ->
o3story.site (MkDocs glue and files). `python -m o3story` is the command line; o3story.bench is a
development tool that the build never imports."""
