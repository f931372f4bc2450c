"""Tables for people on a terminal: numbers and dates are never cut, data never drives the terminal.

A cell is *rigid* (a number, a date, a timestamp, a boolean: cutting one changes
its meaning, `89,26…` is not 89,261.00) or *text* (ids, channels, campaigns).
At the terminal's width the layout is, in order of preference:

1. a boxed table where every rigid column has the width of its widest cell
   (headers fold at underscores) and text columns fold onto more lines;
2. the same table without rules, one space between columns;
3. when even that does not fit, a vertical layout: one block per row, one
   `column  value` line per cell, as psql's expanded display does.

Every text cell is shown with its control characters made visible
(semantic.printable): a UTM value holding `ESC[41m` prints as `\\x1b[41m`.

>>> cells = [{"shop": "s1", "revenue": "89,261.00"}]
>>> layout_fits(cells, ["shop", "revenue"], {"revenue"}, width=80)
True
>>> layout_fits(cells, ["shop", "revenue"], {"revenue"}, width=12)
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from semantic.printable import printable

# A text column folds down to this many characters before the table gives way.
TEXT_MIN_WIDTH = 8
NULL = "null"


def cell_text(value) -> str:
    """A value as a printable cell (NULL as `null`)."""
    if value is None:
        return NULL
    return printable(value if isinstance(value, str) else str(value))


def _wrap_header(name: str, width: int) -> str:
    """A header folded at underscores to fit `width` (new_customers -> new_ / customers)."""
    lines: list[str] = []
    for part in name.replace("_", "_\0").split("\0"):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return "\n".join(lines)


def _widths(cells: Sequence[dict[str, str]], columns: Sequence[str], rigid: set[str], fold_headers: bool) -> dict[str, int]:
    """The width each column needs: rigid ones their widest cell (and header, or its widest
    underscore-separated part when headers fold); text columns fold down to TEXT_MIN_WIDTH."""
    widths = {}
    for c in columns:
        widest = max([0, *(len(row[c]) for row in cells)])
        header = max(len(part) for part in c.replace("_", "_ ").split(" ")) if fold_headers else len(c)
        widths[c] = max(widest, header, 1) if c in rigid else max(min(max(widest, len(c)), TEXT_MIN_WIDTH), 1)
    return widths


# (name, extra characters a table of n columns needs beyond its cells), most readable first
LAYOUTS = (("boxed", lambda n: 3 * n + 1), ("compact", lambda n: n - 1))


def choose_layout(cells: Sequence[dict[str, str]], columns: Sequence[str], rigid: set[str], width: int) -> tuple[str, bool]:
    """(layout, fold headers): 'boxed', else 'compact' (no rules, one space between columns), each
    first with whole headers; else ('vertical', False)."""
    for name, overhead in LAYOUTS:
        for fold in (False, True):
            if sum(_widths(cells, columns, rigid, fold).values()) + overhead(len(columns)) <= width:
                return name, fold
    return "vertical", False


def layout_fits(cells: Sequence[dict[str, str]], columns: Sequence[str], rigid: set[str], width: int) -> bool:
    """True when some table layout (not the vertical one) fits in `width`."""
    return choose_layout(cells, columns, rigid, width)[0] != "vertical"


def print_rows(console, cells: Sequence[dict[str, str]], columns: Sequence[str], rigid: set[str], right: set[str], styles=None) -> None:
    """Print `cells` (column -> display text) as a table, or vertically when no table can fit."""
    from rich.table import Table
    from rich.text import Text

    styles = styles or {}
    layout, fold = choose_layout(cells, columns, rigid, console.width)
    if layout == "vertical":
        _print_vertical(console, cells, columns, rigid)
        return
    widths = _widths(cells, columns, rigid, fold)
    if layout == "boxed":
        table = Table(header_style="bold")
    else:
        table = Table(header_style="bold underline", box=None, show_edge=False, pad_edge=False, padding=(0, 1), collapse_padding=True)
    for column in columns:
        justify: Literal["right", "left"] = "right" if column in right else "left"
        if column in rigid:
            header = Text(_wrap_header(column, widths[column]), justify=justify)
            table.add_column(header, justify=justify, no_wrap=True, min_width=widths[column], max_width=widths[column])
        else:
            table.add_column(column, justify=justify, overflow="fold", min_width=min(widths[column], len(column)))
    for index, row in enumerate(cells):
        table.add_row(*[Text(row[c], style="dim" if row[c] == NULL else styles.get((index, c), "")) for c in columns])
    console.print(table)


def _print_vertical(console, cells: Sequence[dict[str, str]], columns: Sequence[str], rigid: set[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    label = max(len(c) for c in columns)
    narrowest = label + 2 + max(TEXT_MIN_WIDTH, *(len(row[c]) for row in cells for c in columns if c in rigid))
    for index, row in enumerate(cells, start=1):
        console.print(Text(f"-[ row {index} ]" + "-" * max(0, min(console.width, 40) - 10 - len(str(index))), style="dim"), soft_wrap=True)
        if narrowest > console.width:
            # Narrower than a name and its value: whole lines, and the terminal wraps them.
            for column in columns:
                console.print(Text.assemble((f"{column:<{label}}  ", "bold"), row[column]), soft_wrap=True)
            continue
        # Two columns: the name, and the value folded to the rest of the width (a long text
        # value wraps under itself; a number fits unless the terminal is narrower than it).
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, min_width=label)
        grid.add_column(overflow="fold")
        for column in columns:
            grid.add_row(Text(column, style="bold"), Text(row[column], style="dim" if row[column] == NULL else ""))
        console.print(grid)
