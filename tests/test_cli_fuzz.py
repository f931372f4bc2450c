"""The hostile-user sweep as a test: random and hostile arguments against every command.

For every call, whatever the input: the exit code is 0, 1, 2 or 3; there is no
"internal error" and no traceback; no control character typed by the user comes
back raw; no credential of a URL appears; and after any failed command the
warehouse holds exactly the rows it held before. Inputs mix valid values with
escape sequences, huge strings, random --set pairs, mutated metrics.toml files
and mutated CSV files. Bounded: a fixed number of examples, no deadline per call,
well under a minute in all (DuckDB, then a smaller run on PostgreSQL).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from semantic.cli.app import main
from tests.conftest import postgres_url_or_skip

HAND = Path(__file__).parent / "fixtures" / "hand"
# Calls per engine in the default run; SEMANTIC_FUZZ_EXAMPLES=N runs a longer sweep (N on DuckDB, N/4 on PostgreSQL).
DUCKDB_EXAMPLES = int(os.environ.get("SEMANTIC_FUZZ_EXAMPLES", "60"))
POSTGRES_EXAMPLES = max(1, DUCKDB_EXAMPLES // 4)
SECRET = "Fz9SecretPw"
HOSTILE = ["\x1b[41mRED\x1b[0m", "\x1b]0;owned\x07", "a\x00b", "\u202eevil", "x" * 3000, "-", "--", "'; DROP TABLE orders; --", "../../etc/passwd", "", " ", "%s", "{}", "ünï", "\r\n"]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")
VALUES = ["revenue", "aov", "orders", "attributed_orders", "day", "week", "month", "shop", "campaign", "s1", "s2", "2024-03-01",
          "2024-13-45", "table", "json", "csv", "parquet", "duckdb", "postgres", "bigquery", "linear", "last_click", "0", "-1", "10",
          "order_attribution", "utm_issues", "o1", "main", "ana@example.com"]
KNOBS = ["orders.included_financial_statuses", "orders.exclude_test", "revenue.refund_dating", "revenue.include_taxes", "spend.paid_platforms",
         "attribution.window_days", "attribution.platforms", "customers.not_acquiring_statuses", "nosuch.knob", "revenue", "revenue.nope"]
TOML_LINES = ['[revenue]\nrefund_dating = "refund_date"\n', "[orders]\nexclude_test = 3\n", "[[[bad\n", '[metrics.revenue]\nowner = "x\\u001b[2J"\n',
              '[project]\nmodules = ["missing.py"]\n', '[sources.tables.orders]\nname = "nope"\n', "[attribution]\nwindow_days = -4\n", '[warehouse]\nurl = "mysql://x"\n',
              '[metrics.aov]\nstatus = "deprecated"\n', "\x00\n", '[orders]\nincluded_financial_statuses = ["paid"]\n']

text = st.one_of(st.sampled_from(VALUES), st.sampled_from(HOSTILE), st.text(max_size=30))
METRIC_NAMES = ["revenue", "orders", "aov", "mer", "cac", "new_customers", "attributed_orders", "attributed_revenue", "roas", "revenue@1", "revnue"]
SCHEMAS = ["semantic", "sem_2", 'a"b', "x y", "a\x00b"]
PATHS = ["out.csv", "sub/out.json", ".", "/proc/out.csv", "/sys/out.csv", "out\x1b[2J.csv"]
# Per command: its positional arguments and the options it takes, each with the values to try.
SPECS = {
    "query": (METRIC_NAMES, {"--by": ["day", "week", "month", "shop", "campaign", "channel", "hour"], "--shop": ["s1", "s2", "s9"],
                             "--start": ["2024-03-01", "2024-03-31", "2024-02-30"], "--end": ["2024-03-31", "2024-01-01"],
                             "--format": ["table", "csv", "json", "parquet", "xml"], "--output": PATHS, "--model": ["linear", "first_click", "x"],
                             "--fill": None}),
    "compile": (METRIC_NAMES, {"--dialect": ["duckdb", "postgres", "bigquery", "oracle"], "--by": ["day", "shop", "nope"]}),
    # A successful export compiles every metric (seconds): the sweep tries the paths that must fail
    # fast (tests/test_export.py and test_output_files.py cover writing).
    "export": ([], {"--dialect": ["duckdb", "postgres", "bigquery", "oracle"], "--out": ["report.md", "/proc/sql", "/sys/sql", "a\x00b"]}),
    "metrics": ([], {"--format": ["table", "json", "yaml"]}),
    "explain": (["o1", "o2", "o404"], {"--shop": ["s1", "s2", "s9"], "--model": ["linear", "last_click"], "--format": ["table", "json", "csv"]}),
    "attribution": (["order_attribution", "attribution_journeys", "utm_issues", "attribution_touchpoints", "nope"],
                    {"--shop": ["s1", "s9"], "--limit": ["0", "3", "-1", "x"], "--format": ["table", "csv", "json", "parquet"], "--output": PATHS,
                     "--model": ["linear", "x"]}),
    "check": ([], {"--format": ["text", "json", "markdown", "github", "html"], "--today": ["2026-12-01", "never"], "--warn-error": None}),
    "lock": (METRIC_NAMES, {}),
    "approve": (METRIC_NAMES, {"--by": ["ana@example.com", "not-an-email"]}),
    "codeowners": ([], {"--output": PATHS}),
    "load": ([], {"--strict": None}),
    "reconcile": ([], {"--shop": ["s1", "s2", "s9"], "--start": ["2024-03-01", "2024-02-30"], "--end": ["2024-03-31"],
                       "--format": ["table", "csv", "json", "xml"], "--output": PATHS,
                       "--admin-report": ["report.md", "missing.csv", "/proc/x"]}),
    "demo": ([], {"--shops": ["1", "0", "2"], "--seed": ["1", "x"], "--force": None}),
    "diff": ([], {"--base": ["main", "HEAD~1", "-x"], "--format": ["text", "json", "markdown"], "--start": ["2024-03-01"], "--end": ["2024-03-31"]}),
    # Without a token it stops before the network; with --api-url carrying a password it must not print it.
    "comment": (["report.md", "-", "missing.md"], {"--name": ["diff", "x y"], "--repo": ["a/b", "nope"], "--pr": ["1", "0"],
                                                   "--api-url": [f"http://bot:{SECRET}@127.0.0.1:9"]}),
    "build": ([], {"--schema": SCHEMAS}),
    "backfill": ([], {"--start": ["2024-03-01", "2024-02-30", "03/01/2024", "2024-03-31"], "--end": ["2024-03-03", "2024-01-01", "tomorrow"],
                      "--reason": ["late refunds", "", " "], "--shop": ["s1", "s2", "s9"], "--metrics": ["revenue", "aov", "revnue"],
                      "--env": ["dev", "staging", "production", "prod"], "--as": ["ana@example.com", ""],
                      "--approved-by": ["ana@example.com", "boss@example.com"], "--dry-run": None, "--no-data-checks": None,
                      "--schema": SCHEMAS}),
}
# check, export, lock and build compile every metric (seconds each): drawn less often, so the run stays short.
COMMAND_DRAWS = [name for name in sorted(SPECS) for _ in range(1 if name in ("check", "export", "lock", "build") else 4)]
ONLY_LISTED = {("export", "--out")}
SINGLE_ARGUMENT = {"explain", "attribution", "approve"}
REQUIRED = {"explain": ["--shop"], "approve": ["--by"], "export": ["--dialect", "--out"], "diff": ["--base"],
            "backfill": ["--start", "--end", "--reason", "--env", "--as"]}
TAKES_DATABASE = {"query", "explain", "attribution", "load", "demo", "diff", "reconcile", "build", "backfill"}  # comment talks to GitHub
TAKES_SET = {"query", "compile", "export", "explain", "attribution", "demo", "build", "backfill"}
set_pair = st.tuples(st.sampled_from(KNOBS), st.one_of(text, st.sampled_from(["paid,refunded", "true", "7", '["meta"]', "refund_date"]))).map(
    lambda kv: ["--set", f"{kv[0]}={kv[1]}"]
)


@st.composite
def invocations(draw):
    """A command with mostly valid options (so the run goes deep) and some hostile values."""
    name = draw(st.sampled_from(COMMAND_DRAWS))
    positional, options = SPECS[name]
    args = [name]

    def value(choices, option=None):  # three times in four a value the command accepts, else anything
        valid = st.sampled_from(choices)
        return draw(valid if (name, option) in ONLY_LISTED else st.one_of(valid, valid, valid, text))

    if positional:
        args += [value(positional) for _ in range(1 if name in SINGLE_ARGUMENT else draw(st.integers(1, 2)))]
    chosen = draw(st.lists(st.sampled_from(sorted(options) or ["--help"]), max_size=4, unique=True))
    for option in [*REQUIRED.get(name, []), *(o for o in chosen if o not in REQUIRED.get(name, []))]:
        values = options.get(option)
        args += [option] if values is None else [option, value(values, option)]
    if name in TAKES_SET and draw(st.integers(0, 2)) == 0:
        args += draw(set_pair)
    if draw(st.integers(0, 9)) == 0:
        args += draw(st.sampled_from([["--bogus"], ["--debug"], [draw(text)]]))
    return args


@st.composite
def csv_mutations(draw):
    """(file, line, field, replacement): one field of one hand CSV file replaced."""
    name = draw(st.sampled_from(["orders.csv", "shops.csv", "refunds.csv", "ad_spend.csv", "customers.csv"]))
    return name, draw(st.integers(0, 4)), draw(st.integers(0, 20)), draw(st.one_of(text, st.sampled_from(["12.345", "1e9", "NaN", "true", "2024-02-30 10:00:00", ",", '"'])))


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    import sys

    out, err = io.StringIO(), io.StringIO()
    previous, stdin = Path.cwd(), sys.stdin
    os.chdir(cwd)
    sys.stdin = io.StringIO("")  # `comment -` reads a report from standard input: an empty one
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(args)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(previous)
        sys.stdin = stdin
    return code, out.getvalue() + err.getvalue()


def check_output(args: list[str], code: int, output: str) -> None:
    assert code in (0, 1, 2, 3), (args, code, output[-2000:])
    assert "internal error" not in output, (args, output[-2000:])
    if "--debug" not in args:  # --debug asks for the traceback; everything else holds with it too
        assert "Traceback" not in output, (args, output[-2000:])
    assert SECRET not in output, args
    typed = "".join(args)
    for char in set(RAW_CONTROL.findall(typed)):
        assert char not in output, (args, repr(char), output[-2000:])


class Warehouse:
    """The fuzzed warehouse: its --database/--config arguments and its row counts."""

    def __init__(self, engine: str, root: Path):
        self.engine = engine
        if engine == "duckdb":
            self.path = root / "w.duckdb"
            self.args = ["--database", str(self.path)]
            self.schema = None
        else:
            self.url = postgres_url_or_skip()
            self.schema = f"fz_{uuid.uuid4().hex[:10]}"
            self.args = ["--database", self.url]
        self.config = root / "metrics.toml"
        self.config.write_text(f'[sources]\ndatabase = "{self.schema}"\n' if self.schema else "")

    def counts(self) -> dict[str, int]:
        tables = ("shops", "orders", "order_lines", "refunds", "customers", "sessions", "ad_spend")
        if self.engine == "duckdb":
            if not self.path.exists():
                return {}
            with duckdb.connect(str(self.path), read_only=True) as con:
                present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
                return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t in present}
        import psycopg

        with psycopg.connect(self.url) as con, con.cursor() as cursor:
            cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (self.schema,))
            present = {r[0] for r in cursor.fetchall()}
            result = {}
            for t in tables:
                if t in present:
                    cursor.execute(f'SELECT count(*) FROM "{self.schema}"."{t}"')
                    result[t] = cursor.fetchone()[0]
            return result

    def drop(self) -> None:
        if self.schema:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as con:
                con.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')


def fuzz(engine: str, tmp_path_factory, examples: int) -> None:
    root = tmp_path_factory.mktemp(f"fuzz-{engine}")
    warehouse = Warehouse(engine, root)
    code, output = run(["load", str(HAND), *warehouse.args, "--config", str(warehouse.config)], root)
    assert code == 0, output
    # One dialect: check, lock and export compile each metric once, not three times.
    pristine = warehouse.config.read_text() + '[project]\ndialects = ["duckdb"]\n'
    os.environ["SEMANTIC_CACHE_DIR"] = str(root / "fingerprint-cache")
    (root / "report.md").write_text("# a report\n")
    hidden = {k: os.environ.pop(k) for k in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_EVENT_PATH") if k in os.environ}

    @settings(max_examples=examples, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
    @given(args=invocations(), toml=st.one_of(st.none(), st.none(), st.none(), st.sampled_from(TOML_LINES)),
           csv=st.one_of(st.none(), csv_mutations()),
           url=st.sampled_from(["own", "secret", "own"]))
    def one_call(args, toml, csv, url):
        warehouse.config.write_text(pristine + (toml or ""))
        if args[0] in ("load", "demo") and csv is not None:
            data = root / "data"
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(HAND, data)
            name, line, field, value = csv
            lines = (data / name).read_text(encoding="utf-8").split("\n")
            line = line % max(1, len([x for x in lines if x]))
            cells = lines[line].split(",")
            cells[min(field, len(cells) - 1)] = value
            lines[line] = ",".join(cells)
            (data / name).write_text("\n".join(lines), encoding="utf-8")
            args = ["load", str(data), *args[1:]] if args[0] == "load" else args
        target = warehouse.args if url == "own" else ["--database", f"postgresql://ana:{SECRET}@127.0.0.1:9/db?password={SECRET}"]
        if args[0] == "load" and csv is None:
            args = ["load", str(HAND), *args[1:]]
        if args[0] == "demo":
            args = [*args, "--orders", "100"]
        database = target if args[0] in TAKES_DATABASE else []
        before = warehouse.counts()
        code, output = run([*args, *database, "--config", str(warehouse.config)], root)
        check_output(args, code, output)
        if code != 0 or args[0] not in ("load", "demo"):
            assert warehouse.counts() == before, (args, code, output[-1500:])
        if code == 0 and args[0] in ("load", "demo"):
            # A successful load or (forced) demo replaced the data: reload the reference state.
            assert run(["load", str(HAND), *warehouse.args, "--config", str(warehouse.config)], root)[0] == 0

    try:
        one_call()
    finally:
        os.environ.pop("SEMANTIC_CACHE_DIR", None)
        os.environ.update(hidden)
        warehouse.drop()


def test_every_command_survives_hostile_input_on_duckdb(tmp_path_factory):
    fuzz("duckdb", tmp_path_factory, examples=DUCKDB_EXAMPLES)


@pytest.mark.postgres
def test_every_command_survives_hostile_input_on_postgres(tmp_path_factory):
    fuzz("postgres", tmp_path_factory, examples=POSTGRES_EXAMPLES)


# Bad input to `semantic build` and `semantic backfill`: exit 2 and one clear line (an error, and at most its hint).
BAD_INPUTS = [
    (["build", "--set", "nosuch.knob=1"], "knob group"),
    (["build", "--set", "attribution.window_days=-4"], "window_days"),
    (["build", "--database", "mysql://x"], "scheme"),
    (["backfill", "--start", "2024-02-30", "--end", "2024-03-02"], "--start"),
    (["backfill", "--start", "2024-03-01", "--end", "tomorrow"], "--end"),
    (["backfill", "--start", "2024-03-05", "--end", "2024-03-02"], "before --start"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--shop", "s9"], "unknown shop 's9'"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--env", "prod"], "--env must be one of"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--reason", " "], "needs a reason"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--as", ""], "needs --as"),
    (["backfill", "--start", "2024-01-01", "--end", "2024-12-31", "--env", "production"], "over the production limit"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--metrics", "revnue"], "Did you mean 'revenue'"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--approved-by", "ana@example.com"], "their own backfill"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--set", "revenue.refund_dating=never"], "refund_dating"),
    (["backfill", "--start", "2024-03-01", "--end", "2024-03-02", "--env", "production", "--as", "nobody@else.org"], "no backfill role"),
]
BACKFILL_DEFAULTS = {"--reason": "late refunds", "--env": "dev", "--as": "ana@example.com"}


@pytest.fixture(scope="module")
def loaded_hand(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad-inputs")
    (root / "metrics.toml").write_text('[backfill.roles]\nengineers = ["ana@example.com"]\n')
    assert run(["load", str(HAND), "--database", str(root / "w.duckdb"), "--config", str(root / "metrics.toml")], root)[0] == 0
    return root


@pytest.mark.parametrize(("args", "says"), BAD_INPUTS, ids=[" ".join(a)[:60] for a, _ in BAD_INPUTS])
def test_bad_build_and_backfill_input_exits_2_with_one_clear_line(loaded_hand, args, says):
    args = list(args)
    if args[0] == "backfill":
        args += [x for option, value in BACKFILL_DEFAULTS.items() if option not in args for x in (option, value)]
    if "--database" not in args:
        args += ["--database", str(loaded_hand / "w.duckdb")]
    code, output = run([*args, "--config", str(loaded_hand / "metrics.toml")], loaded_hand)
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 2, (args, output)
    assert lines[0].startswith("error: ") and says in lines[0], output
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith("hint: ")), output
    assert "Traceback" not in output
