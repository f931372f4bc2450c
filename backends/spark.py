"""Spark through Ibis's PySpark backend: a session over a folder of Parquet tables.

`spark://local?warehouse=DIR` starts a local session (`local[cores]`, 2 by
default, driver memory `memory`, 2g by default); `spark://HOST:PORT?warehouse=DIR`
connects to a standalone cluster's master. An existing SparkSession (a real
cluster's, Databricks', a notebook's) is passed from Python with
`SparkWarehouse.from_session(session)`. The tool stops a session only when it
started it.

The warehouse folder holds one folder of Parquet files per table (`DIR/orders/`),
a schema as a subfolder of tables (`DIR/shop_a/orders/`), or a single file
(`DIR/orders.parquet`); each is registered in the session's catalog as an
external table when the warehouse opens, and the contract check reads that
catalog. Queries run as exactly the SQL `semantic compile --dialect pyspark`
prints (in a local session its shared CTEs, attribution's layers, each computed
once first: backends/spark_steps.py), in a session whose time zone is UTC (`semantic.portable`: shop-local
days depend on it; a passed session set otherwise is refused).

Writes happen only when a load asks for them (`semantic load`, `semantic demo`).
Spark has no multi-statement transactions: a load writes every table into a
staging folder first and swaps the folders in only when all were written, so a
failed load changes nothing; the swap itself is one rename per table, and a load
is idempotent (running it again gives the same tables).

Engine noise stays out of the way: the JVM a session starts writes its output
(banners, log lines, stacks) to a log file in the session's scratch folder, its
log level is ERROR, and PySpark's query-context loggers (which print a failed
query's JVM stack as JSON before raising) are off; a failing query is our one
line and exit 3.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import sqlglot.expressions as sge

from semantic.atomic_files import write_atomically
from semantic.errors import WarehouseError
from semantic.portable import SESSION_TIME_ZONE

from semantic.backends.spark_steps import in_steps
from semantic.backends.url import WarehouseUrl
from semantic.backends.warehouse import Warehouse, conform

INSTALL_HINT = "install the Spark extra: pip install 'semantic[spark]' (and Java 17 or newer)"
DEFAULT_CORES = 2
DEFAULT_MEMORY = "2g"
SCRATCH_PREFIX = "semantic-spark-"  # a session the tool starts keeps its scratch in /tmp/semantic-spark-XXXX


def session_config(url: WarehouseUrl, scratch: Path) -> dict[str, str]:
    """The settings of a session the tool starts: UTC, small shuffles, no UI, errors-only logs, scratch space."""
    options = dict(url.options)
    cores = int(options.get("cores") or DEFAULT_CORES)
    return {
        "spark.master": f"local[{cores}]" if url.host == "local" else f"spark://{url.host}:{url.port or 7077}",
        "spark.app.name": "semantic",
        "spark.sql.session.timeZone": SESSION_TIME_ZONE,
        "spark.driver.memory": options.get("memory") or DEFAULT_MEMORY,
        "spark.sql.shuffle.partitions": str(cores),  # small data: one partition per core
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.log.level": "ERROR",
        "spark.sql.catalogImplementation": "in-memory",
        "spark.sql.warehouse.dir": str(scratch / "managed"),
        "spark.local.dir": str(scratch / "local"),
    }


def start_session(url: WarehouseUrl):
    """(session, started_here): the active session when there is one, else a new one with `session_config`."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise WarehouseError("Spark support is not installed: pyspark is missing", hint=INSTALL_HINT) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise WarehouseError("Spark needs Java, and no `java` is on PATH (nor JAVA_HOME set)", hint=INSTALL_HINT)
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway

    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
    conf = SparkConf(loadDefaults=False).setAll(list(session_config(url, scratch).items()))
    # The JVM's own output (startup banners, log lines, stacks) goes to a file, never the user's terminal.
    log = scratch / "spark-jvm.log"
    try:
        with log.open("wb") as output:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": output, "stderr": output})
        session = SparkSession(SparkContext(conf=conf, gateway=gateway))
    except Exception as exc:
        raise WarehouseError(f"cannot start Spark ({url.redacted}): {_first_line(exc)} (its log: {log})", hint=INSTALL_HINT) from exc
    return session, True


# PySpark's Python loggers that print a failed query's JVM stack (as JSON) before raising.
QUERY_CONTEXT_LOGGERS = ("SQLQueryContextLogger", "DataFrameQueryContextLogger")


def quiet(session) -> None:
    """Spark's logs to ERROR and PySpark's query-context loggers off: a failed query is only its exception."""
    with contextlib.suppress(Exception):
        session.sparkContext.setLogLevel("ERROR")
    with contextlib.suppress(ImportError):
        from pyspark.logger import PySparkLogger

        for name in QUERY_CONTEXT_LOGGERS:
            PySparkLogger.getLogger(name).disabled = True


def require_utc(session) -> None:
    zone = session.conf.get("spark.sql.session.timeZone")
    if zone != SESSION_TIME_ZONE:
        raise WarehouseError(
            f"the Spark session's time zone is {zone!r}; shop-local days need {SESSION_TIME_ZONE!r}",
            hint=f"set spark.sql.session.timeZone={SESSION_TIME_ZONE} on the session before passing it",
        )


class SparkWarehouse(Warehouse):
    READS_OWN_LOAD = False  # a load stages Parquet folders and swaps them in at the end: queries see the old tables
    MATERIALIZES = False  # not through the SQL engines' code (no transactions): backends/spark_materialize.py, spark_backfill.py
    dialect = "pyspark"

    def __init__(self, url: WarehouseUrl, con: object, session, root: Path | None, *, owns_session: bool) -> None:
        super().__init__(url, con)
        self.session = session
        self.root = root
        self.owns_session = owns_session
        self._staged: dict[tuple[str | None, str], Path | None] | None = None
        self._staging: Path | None = None

    @classmethod
    def open(cls, url: WarehouseUrl, *, create: bool = True) -> SparkWarehouse:
        if not url.path:
            raise WarehouseError(f"Spark URL without a warehouse folder: {url.redacted}", hint="add ?warehouse=DIR")
        root = Path(url.path).expanduser().resolve()
        if not root.is_dir():
            if not create:
                raise WarehouseError(
                    f"no Spark warehouse folder at {root}",
                    hint="create one with `semantic demo` or `semantic load DIR`, or pass --database",
                )
            try:
                root.mkdir(parents=True)
            except OSError as exc:
                raise WarehouseError(f"cannot create the Spark warehouse folder {root}: {exc.strerror}") from None
        session, started = start_session(url)
        return cls._over(url, session, root, owns_session=started)

    @classmethod
    def from_session(cls, session, warehouse: str | os.PathLike | None = None) -> SparkWarehouse:
        """Use an existing SparkSession (never stopped by us); `warehouse`, if given, a folder of Parquet tables."""
        root = Path(warehouse).expanduser().resolve() if warehouse is not None else None
        text = f"spark://session?warehouse={root}" if root else "spark://session"
        return cls._over(WarehouseUrl.parse(text), session, root, owns_session=False)

    @classmethod
    def _over(cls, url: WarehouseUrl, session, root: Path | None, *, owns_session: bool) -> SparkWarehouse:
        import ibis

        require_utc(session)
        quiet(session)
        warehouse = cls(url, ibis.pyspark.connect(session), session, root, owns_session=owns_session)
        if root is not None and root.is_dir():
            finish_swaps(root)
            warehouse._register_folder()
        return warehouse

    # -- reading ----------------------------------------------------------------
    def _fetch_arrow(self, sql: str, schema: pa.Schema) -> pa.Table:
        # Shared CTEs (attribution's layers) computed once each (backends/spark_steps.py).
        with in_steps(self.session, sql) as final:
            frame = self.session.sql(final)
            table = frame.toArrow() if hasattr(frame, "toArrow") else frame._collect_as_arrow()
        if isinstance(table, list):  # pyspark 3.5's private collector returns batches
            table = pa.Table.from_batches(table, schema=frame._to_arrow_schema()) if table else None
        return conform(table if table is not None else schema.empty_table(), schema)

    def _fetch(self, sql: str) -> list[tuple]:
        return [tuple(row) for row in self.session.sql(sql).collect()]

    def _qualified(self, name: str, database: str | None) -> str:
        return sge.table_(name, db=database, quoted=True).sql("spark")

    def _columns(self, name: str, database: str | None) -> set[str] | None:
        types = self._column_types(name, database)
        return set(types) if types is not None else None

    def _column_types(self, name: str, database: str | None) -> dict[str, str] | None:
        qualified = self._qualified(name, database)
        try:
            if not self.session.catalog.tableExists(qualified):
                return None
            return {column.name: column.dataType for column in self.session.catalog.listColumns(qualified)}
        except Exception:  # an unknown database, a malformed name: not there
            return None

    # -- writing ----------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Stage every table, then swap them in: a failure before the swap changes nothing."""
        root = self._writable_root()
        self._staged, self._staging = {}, root / f".staging-{uuid.uuid4().hex}"
        staging = self._staging
        try:
            try:
                yield
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            # A swap that fails part way keeps its journal and folders: the next open completes it.
            self.replace_tables(self._staged)
            shutil.rmtree(staging, ignore_errors=True)
        finally:
            self._staged, self._staging = None, None

    def stage_frame(self, database: str | None, name: str, frame) -> Path:
        """Write a Spark DataFrame as the next version of table `database.name` (inside `transaction`)."""
        staged = self._require_transaction()
        folder = self._staging / uuid.uuid4().hex
        write_frame(frame, folder)
        staged[(database, name)] = folder
        return folder

    def _load_table(self, database: str | None, name: str, logical: str, data: pa.Table) -> None:
        self.stage_arrow(database, name, data)

    def _record_demo(self, sources, counts: dict[str, int]) -> None:
        from semantic.backends.demo_marker import MARKER, marker_rows

        self.stage_arrow(sources.physical("orders").database, MARKER, marker_rows(counts))

    def _forget_demo(self, sources) -> None:
        from semantic.backends.demo_marker import MARKER

        self._require_transaction()[(sources.physical("orders").database, MARKER)] = None

    def stage_arrow(self, database: str | None, name: str, data: pa.Table) -> None:
        import pyarrow.parquet as pq

        staged = self._require_transaction()
        folder = self._staging / uuid.uuid4().hex
        folder.mkdir(parents=True)
        pq.write_table(data, folder / "part-00000.parquet")
        staged[(database, name)] = folder

    def _require_transaction(self) -> dict:
        if self._staged is None:
            raise WarehouseError("Spark tables are written only inside a load")
        return self._staged

    def replace_tables(self, staged: dict[tuple[str | None, str], Path | None]) -> None:
        """Swap the written folders in (None: drop the table), by rename, through a journal.

        The journal (`DIR/.swap-ID.json`) is written before the first rename and
        removed after the last: a process that dies in between leaves it, and the
        next open of the warehouse completes the swap (`finish_swaps`), so the
        tables end all new, never some old and some new.
        """
        root = self._writable_root()
        journal = root / f".swap-{uuid.uuid4().hex}.json"
        entries = [[database, name, None if folder is None else str(folder)] for (database, name), folder in staged.items()]
        record = {"host": socket.gethostname(), "pid": os.getpid(), "tables": entries}
        write_atomically(journal, json.dumps(record).encode())
        for database, name in finish_swap(root, journal):
            self._register(database, name, table_folder(root, database, name) if _is_table(table_folder(root, database, name)) else None)

    def _writable_root(self) -> Path:
        if self.root is None:
            raise WarehouseError(
                "this Spark session has no warehouse folder to write to",
                hint="pass warehouse=DIR to SparkWarehouse.from_session, or use spark://local?warehouse=DIR",
            )
        return self.root

    # -- the catalog ------------------------------------------------------------
    def _register_folder(self) -> None:
        """Register every table of the warehouse folder in the session's catalog."""
        for database, name, path in _tables_in(self.root):
            self._register(database, name, path)

    def _register(self, database: str | None, name: str, path: Path | None) -> None:
        if database is not None:
            self.session.sql(self.create_schema_sql(database))
        self.session.sql(sge.Drop(tables=[sge.table_(name, db=database, quoted=True)], kind="TABLE", exists=True).sql("spark"))
        if path is not None:
            # The schema from the Parquet footer (pyarrow) spares Spark a job to infer it.
            self.session.catalog.createTable(
                self._qualified(name, database), path=str(path), source="parquet", schema=_spark_schema(path)
            )

    def create_schema_sql(self, database: str) -> str:
        return sge.Create(this=sge.Table(db=sge.to_identifier(database, quoted=True)), kind="SCHEMA", exists=True).sql("spark")

    def materialized_state(self, layout):
        """The last `semantic build`'s state, from its Parquet folders (backends/materialize.state asks for it)."""
        from semantic.backends.materialize import MaterializedState

        if self.root is None:
            return None
        builds = read_folder(self.root / layout.schema / layout.builds)
        definitions = read_folder(self.root / layout.schema / layout.definitions)
        if builds is None or definitions is None:
            return None
        done = sorted((r for r in builds.to_pylist() if r["kind"] == "build"), key=lambda r: r["built_at"])
        if not done:
            return None
        last = done[-1]
        fingerprints = {f"{r['metric']}@{r['version']}": r["fingerprint"] for r in definitions.to_pylist()}
        return MaterializedState(last["run_id"], last["built_at"], last["signature"], fingerprints)

    def close(self) -> None:
        if self.owns_session:
            stop_session(self.session)


def stop_session(session) -> None:
    """Stop a session the tool started and remove its scratch folder (JVM log, shuffle files, managed tables)."""
    scratch = None
    with contextlib.suppress(Exception):
        local = session.conf.get("spark.local.dir")
        scratch = Path(local).parent if local else None
    with contextlib.suppress(Exception):
        session.stop()
    if scratch is not None and scratch.name.startswith(SCRATCH_PREFIX) and scratch.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(scratch, ignore_errors=True)


def read_folder(folder: Path) -> pa.Table | None:
    """A table folder's rows (pyarrow: no Spark job for a few bookkeeping rows), or None when there is none."""
    import pyarrow.parquet as pq

    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return None
    return pq.read_table(folder)


def finish_swap(root: Path, journal: Path) -> list[tuple[str | None, str]]:
    """Complete the swap `journal` lists (idempotent: entries already swapped are skipped); the tables it touched."""
    touched = []
    for database, name, folder in json.loads(journal.read_text())["tables"]:
        target = table_folder(root, database, name)
        touched.append((database, name))
        staged = Path(folder) if folder is not None else None
        if staged is not None and not staged.exists():
            continue  # swapped in before a crash
        old = root / f".replaced-{uuid.uuid4().hex}"
        if target.exists():
            target.rename(old)
        if staged is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    journal.unlink()
    return touched


def finish_swaps(root: Path) -> None:
    """Complete the swaps that a process which has died left half done (its journal is still there)."""
    for journal in sorted(root.glob(".swap-*.json"), key=lambda p: p.stat().st_mtime):
        with contextlib.suppress(OSError, ValueError, KeyError):
            record = json.loads(journal.read_text())
            if not _writer_alive(record["host"], record["pid"]):
                finish_swap(root, journal)


def _writer_alive(host: str, pid: int) -> bool:
    """Whether the process that wrote a journal may still be swapping (another host's: assume so)."""
    if host != socket.gethostname():
        return True
    if pid == os.getpid():  # this process swaps inside one call: a journal of its own is from a failed one
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def table_folder(root: Path, database: str | None, name: str) -> Path:
    for part in (database, name):
        if part is not None and (part in ("", ".", "..") or "/" in part or os.sep in part or part.startswith(".")):
            raise WarehouseError(f"{part!r} cannot name a folder of the Spark warehouse {root}")
    return root / database / name if database else root / name


def _is_table(path: Path) -> bool:
    return path.is_dir() and any(p.suffix == ".parquet" for p in path.iterdir() if p.is_file())


def _tables_in(root: Path) -> Iterator[tuple[str | None, str, Path]]:
    """(database, name, path) of each table: DIR/name/, DIR/name.parquet, DIR/database/name/."""
    for entry in sorted(root.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_file() and entry.suffix == ".parquet":
            if not _is_table(root / entry.stem):  # a folder of the same name (what loads write) wins
                yield None, entry.stem, entry
        elif _is_table(entry):
            yield None, entry.name, entry
        elif entry.is_dir():
            for child in sorted(entry.iterdir()):
                if not child.name.startswith((".", "_")) and _is_table(child):
                    yield entry.name, child.name, child


def write_frame(frame, folder: Path) -> None:
    """Write a DataFrame as a folder of Parquet files (replacing one left by a failed run), with its Spark schema beside it.

    (Spark writes timestamps as INT96, which the Parquet footer cannot tell from
    a local time: the schema file says what the columns are.)
    """
    frame.write.mode("overwrite").parquet(str(folder))
    (folder / SCHEMA_FILE).write_text(frame.schema.json())


SCHEMA_FILE = "_spark_schema.json"  # Spark's readers skip files starting with "_"


def _spark_schema(path: Path):
    import pyarrow.parquet as pq
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType

    if path.is_dir() and (path / SCHEMA_FILE).is_file():
        return StructType.fromJson(json.loads((path / SCHEMA_FILE).read_text()))

    first = path if path.is_file() else min(p for p in path.iterdir() if p.suffix == ".parquet")
    return from_arrow_schema(pq.read_schema(first))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
