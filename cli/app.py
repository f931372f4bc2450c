"""The Typer app, its error handling and exit codes.

Exit codes: 0 ok; 1 a check failed; 2 usage or configuration error; 3 a runtime
failure (unreachable warehouse, failed statement). Errors are one red line
saying what is wrong and what to do; the traceback only with --debug (or
SEMANTIC_DEBUG=1). Ibis and the engines are imported inside commands, so
`semantic --help` stays fast.
"""

from __future__ import annotations

import os
import sys

import typer

app = typer.Typer(
    name="semantic",
    help="Shopify metrics and attribution, written once, compiled to DuckDB, PostgreSQL and BigQuery.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _register_commands() -> None:
    # Each module lists its commands (plain functions); importing them is cheap (typer only).
    from semantic.cli import attribution_commands, ci_commands, data_commands, governance_commands, metric_commands

    if app.registered_commands:
        return
    for module in (data_commands, metric_commands, governance_commands, attribution_commands, ci_commands):
        for name, command in module.COMMANDS.items():
            app.command(name)(command)


def _debug(argv: list[str]) -> bool:
    return "--debug" in argv or os.environ.get("SEMANTIC_DEBUG", "") not in ("", "0")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app and map errors to exit codes."""
    from typer.exceptions import Abort, Exit, TyperException

    argv = list(sys.argv[1:] if argv is None else argv)
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
        exc.show()
        code = exc.exit_code
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into exit codes
        code = _report(exc, debug)
    sys.exit(code)


def _report(exc: Exception, debug: bool) -> int:
    from rich.console import Console

    from semantic.errors import SemanticError

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if debug:
        console.print_exception()
    if isinstance(exc, SemanticError):
        from rich.text import Text

        console.print(Text.assemble(("error: ", "bold red"), exc.message))
        if exc.hint:
            console.print(Text.assemble(("hint: ", "dim"), exc.hint))
        return exc.exit_code
    if isinstance(exc, (BrokenPipeError, KeyboardInterrupt)):
        return 130
    from rich.text import Text

    console.print(Text.assemble(("internal error: ", "bold red"), f"{type(exc).__name__}: {exc}"))
    if not debug:
        console.print("rerun with --debug for the traceback, and please report it", markup=False)
    return 3


if __name__ == "__main__":  # pragma: no cover
    main()
