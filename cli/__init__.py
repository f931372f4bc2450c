"""The `semantic` command line: thin Typer commands over semantic and semantic.backends."""
