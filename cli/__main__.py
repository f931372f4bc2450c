"""`python -m semantic.cli ...` runs the CLI, as the `semantic` script does."""

from semantic.cli.app import main

main()
