"""The Typer app, its error handling and exit codes.

Exit codes: 0 ok; 1 a check failed; 2 usage or configuration error; 3 a runtime
failure (unreachable warehouse, failed statement). Errors are one red line
saying what is wrong and what to do; the traceback only with --debug (or
SEMANTIC_DEBUG=1). Every message is printed with control characters made
visible and URL credentials hidden, whatever the user typed. Ibis and the
engines are imported inside commands, so `semantic --help` stays fast.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr
from typing import Annotated

import typer

app = typer.Typer(
    name="semantic",
    help="Shopify metrics and attribution, written once, compiled to DuckDB, PostgreSQL and BigQuery.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _show_version(value: bool) -> None:
    if value:
        from semantic import __version__

        typer.echo(f"semantic {__version__}")
        raise typer.Exit(0)


@app.callback()
def _common(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an error (also SEMANTIC_DEBUG=1); accepted after any command.")
    ] = False,
) -> None:
    """Options before any command; `--debug` is taken wherever it appears."""


def _register_commands() -> None:
    # Each module lists its commands (plain functions); importing them is cheap (typer only).
    from semantic.cli import (
        attribution_commands,
        backfill_commands,
        ci_commands,
        data_commands,
        governance_commands,
        materialize_commands,
        metric_commands,
    )

    if app.registered_commands:
        return
    for module in (
        data_commands, metric_commands, materialize_commands, backfill_commands, governance_commands, attribution_commands,
        ci_commands,
    ):
        for name, command in module.COMMANDS.items():
            if isinstance(command, typer.Typer):  # a command with subcommands (semantic backfill rollback ID)
                app.add_typer(command, name=name)
                continue
            # Each command's --help mentions --debug too (main() takes it from anywhere on the line).
            app.command(name, epilog="Add --debug anywhere for the traceback of an error.")(command)


def _debug(argv: list[str]) -> bool:
    return "--debug" in argv or os.environ.get("SEMANTIC_DEBUG", "") not in ("", "0")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app and map errors to exit codes."""
    from typer.exceptions import Abort, Exit, TyperException

    argv = list(sys.argv[1:] if argv is None else argv)
    if any("\x00" in arg for arg in argv):
        # No shell can pass one (argv is C strings); only a caller in Python can. Refuse it plainly.
        sys.stderr.write("error: an argument holds a NUL byte (\\x00); arguments cannot contain one\n")
        sys.exit(2)
    debug = _debug(argv)
    argv = [a for a in argv if a != "--debug"]
    _register_commands()
    try:
        result = app(args=argv, prog_name="semantic", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except Exit as exc:
        code = exc.exit_code
    except Abort:
        code = 130
    except TyperException as exc:  # usage errors: bad option, missing argument (exit 2)
        _show_usage_error(exc)
        code = exc.exit_code
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into exit codes
        code = _report(exc, debug)
    sys.exit(code)


# A message line longer than this is cut: it can only be user input echoed whole.
MESSAGE_LINE_LIMIT = 5000


def _safe(text: str) -> str:
    """`text` with credentials of any URL hidden, control characters made visible and absurdly long lines cut."""
    from semantic.backends.url import redact
    from semantic.printable import printable, shorten

    lines = printable(redact(text), keep_newlines=True).split("\n")
    return "\n".join(shorten(line, MESSAGE_LINE_LIMIT) for line in lines)


def _show_usage_error(exc) -> None:
    """Typer's usage message, which quotes what the user typed, made safe to print."""
    captured = io.StringIO()
    with redirect_stderr(captured):
        exc.show()
    sys.stderr.write(_safe(captured.getvalue()))


def _report(exc: Exception, debug: bool) -> int:
    from rich.console import Console
    from rich.text import Text

    from semantic.errors import SemanticError

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if debug:
        buffer = io.StringIO()
        rendered = Console(file=buffer, width=120, color_system=None)
        rendered.print_exception()
        sys.stderr.write(_safe(buffer.getvalue()))
    if isinstance(exc, SemanticError):
        console.print(Text.assemble(("error: ", "bold red"), _safe(exc.message)))
        if exc.hint:
            console.print(Text.assemble(("hint: ", "dim"), _safe(exc.hint)))
        return exc.exit_code
    if isinstance(exc, (BrokenPipeError, KeyboardInterrupt)):
        return 130
    console.print(Text.assemble(("internal error: ", "bold red"), _safe(f"{type(exc).__name__}: {exc}")))
    if not debug:
        console.print("rerun with --debug for the traceback, and please report it", markup=False)
    return 3


if __name__ == "__main__":  # pragma: no cover
    main()
