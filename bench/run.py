"""Every figure of issue 12's target table, each as a ratio against its reference measured in the same run.

    make bench              quick scale (56 agreements, ~20,000 actions): writes bench/results-quick.md
    make bench FULL=1       full scale (561 agreements, ~200,000 actions, ~2 million reports): bench/results.md
    .venv/bin/python bench/run.py [--full | --agreements N] [--repeat R] [--timeout S] [--only KEY,...] [--out FILE]

Each figure and its reference run as whole processes, alternately, ``--repeat`` times, and the
medians are compared (a figure whose first run is slow runs once). Wall time is measured around
the process; peak memory is the process's maximum resident set size (``wait4``). A run longer than
``--timeout`` is stopped and shown as a bound ("> 240 s"). The national register is generated once
into ``bench/.cache`` (``bench/generate.py``) and reused; hoptac runs on it with ``HOPTAC_TODAY``
fixed just after its last reporting deadline. hoptac's own modules are byte-compiled first, as
an installed wheel's are (see ``byte_compile``). Benchmarks are never part of ``make test``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

PYTHON = sys.executable
HOPTAC = str(Path(sys.executable).with_name("hoptac"))
SQLITE_UTILS = str(Path(sys.executable).with_name("sqlite-utils"))
SHELL = shutil.which("sqlite3")

#: the sample programme's counterparts of the national register's agreement, sector, agency, period
SAMPLE = {"agreement": "hg-kg-2021-2025", "sector": "y-te", "agency": "syt-hg", "period": "2025-H2"}
QUICK_AGREEMENTS, FULL_AGREEMENTS = 56, 561


@dataclass
class Run:
    seconds: float
    peak_mib: float
    timed_out: bool = False


#: GNU time starts the measured process from its own small one: the peak it reports is the
#: process's own (a child started straight from this Python would inherit this process's peak
#: in its ``ru_maxrss``, as Linux keeps the larger of the pre- and post-exec figures).
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def measure(
    argv: list[str], *, env: dict[str, str], timeout: float, stdout: Path | None = None, stdin: Path | None = None
) -> Run:
    """Wall time and peak RSS of one process; stopped (and marked) after ``timeout`` seconds."""
    err = tempfile.TemporaryFile()
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    source = open(stdin, "rb") if stdin else subprocess.DEVNULL
    peak_file = tempfile.NamedTemporaryFile(suffix=".peak", delete=False)
    peak_file.close()
    if TIME:
        argv = [TIME, "-f", "%M", "-o", peak_file.name, *argv]
    try:
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=err, stdin=source, start_new_session=True)
        killed, finished = threading.Event(), threading.Event()

        def stop() -> None:
            if finished.is_set():
                return
            killed.set()
            # Stop the measured process itself, so that GNU time still reports its peak; then
            # anything left in its session.
            try:
                children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
            except OSError:
                children = []
            for child in children if TIME else []:
                try:
                    os.kill(int(child), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if not children or not TIME:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

        timer = threading.Timer(timeout, stop)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        finished.set()
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        peak_kib = float(usage.ru_maxrss)
        if TIME:
            text = Path(peak_file.name).read_text().split()
            peak_kib = float(text[-1]) if text and text[-1].isdigit() else float("nan")
    finally:
        for handle in (out, source):
            if handle is not subprocess.DEVNULL:
                handle.close()
        os.unlink(peak_file.name)
    if killed.is_set():
        return Run(seconds, peak_kib / 1024, timed_out=True)
    if process.returncode != 0:
        err.seek(0)
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {err.read().decode(errors='replace')[-2000:]}")
    return Run(seconds, peak_kib / 1024)


@dataclass
class Side:
    """One side of a comparison: the command, what to do before each run (untimed), where its output goes."""

    label: str
    argv: list[str]
    before: Callable[[], None] | None = None
    stdout: Path | None = None
    stdin: Path | None = None
    runs: list[Run] = field(default_factory=list)

    def run(self, env: dict[str, str], timeout: float) -> Run:
        if self.before:
            self.before()
        result = measure(self.argv, env=env, timeout=timeout, stdout=self.stdout, stdin=self.stdin)
        self.runs.append(result)
        return result

    @property
    def timed_out(self) -> bool:
        return any(run.timed_out for run in self.runs)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak(self) -> float:
        return max(run.peak_mib for run in self.runs)


@dataclass
class Figure:
    key: str
    title: str
    target: str
    measured: Side
    reference: Side
    limit: float  # the ratio to reach
    kind: str = "time"  # "time": ratio = measured / reference (≤ limit); "throughput": reference / measured (≥ limit)
    rows: int = 0  # for throughput
    peak_limit: float | None = None  # MiB
    repeat: int | None = None  # None: the run's --repeat

    def ratio(self) -> float:
        if self.kind == "time":
            return self.measured.seconds / self.reference.seconds
        return self.reference.seconds / self.measured.seconds

    def met(self) -> bool:
        if self.measured.timed_out:
            return False
        ok = self.ratio() <= self.limit if self.kind == "time" else self.ratio() >= self.limit
        return ok and (self.peak_limit is None or self.measured.peak <= self.peak_limit)

    def cells(self, timeout: float) -> list[str]:
        ratio = self.ratio()
        if self.kind == "time":
            measured = _seconds(self.measured, timeout)
            reference = _seconds(self.reference, timeout)
            shown = f"{'> ' if self.measured.timed_out else ''}{ratio:.2f}×"
        else:
            measured = f"{_throughput(self.rows, self.measured, timeout)}, peak {self.measured.peak:.0f} MiB"
            reference = f"{_throughput(self.rows, self.reference, timeout)}, peak {self.reference.peak:.0f} MiB"
            shown = f"{'< ' if self.measured.timed_out else ''}{ratio:.2f}×"
        met = "yes" if self.met() else "**no**"
        return [self.title, measured, f"{self.reference.label}: {reference}", shown, self.target, met]


def _seconds(side: Side, timeout: float) -> str:
    if side.timed_out:
        return f"> {timeout:.0f} s (stopped)"
    spread = f" ({len(side.runs)} runs)" if len(side.runs) > 1 else " (1 run)"
    return f"{side.seconds:.3f} s{spread}, peak {side.peak:.0f} MiB"


def _throughput(rows: int, side: Side, timeout: float) -> str:
    if side.timed_out:
        return f"< {rows / timeout:,.0f} rows/s ({rows:,} rows: stopped after {timeout:.0f} s)"
    return f"{rows / side.seconds:,.0f} rows/s ({rows:,} rows in {side.seconds:.1f} s)"


# the databases -------------------------------------------------------------------------------


def national(agreements: int, *, actions_per_sector: int, periods: int, seed: int, rebuild: bool) -> dict:
    """The generated register (and its import file) in bench/.cache, made once per parameters."""
    import generate

    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    # A new schema (a migration) or a new generator makes a new register: hoptac would otherwise
    # upgrade the cached file during the first measured command.
    version = hashlib.sha1(
        (ROOT / "hoptac_cli" / "storage" / "migrations.py").read_bytes() + (HERE / "generate.py").read_bytes()
    ).hexdigest()[:8]
    name = f"national-{agreements}x{actions_per_sector}x{periods}-s{seed}"
    stem = cache / f"{name}-{version}"
    meta = stem.with_suffix(".json")
    if meta.exists() and not rebuild:
        return json.loads(meta.read_text(encoding="utf-8"))
    for old in [*cache.glob(f"{name}-*"), *cache.glob(f"{name}.*")]:  # its earlier versions (hundreds of MiB each)
        old.unlink()
    print(f"generating {stem.with_suffix('.db').name} (once; reused by later runs) ...", flush=True)
    info = generate.generate(
        stem.with_suffix(".db"),
        agreements=agreements,
        actions_per_sector=actions_per_sector,
        periods=periods,
        seed=seed,
        import_csv=stem.with_suffix(".csv"),
        import_rows=100_000,
        progress=True,
    )
    meta.write_text(info.to_json(), encoding="utf-8")
    return json.loads(info.to_json())


def sample_db(folder: Path, env: dict[str, str]) -> Path:
    path = folder / "sample.db"
    subprocess.run([HOPTAC, "--db", str(path), "init", "--sample"], env=env, check=True, capture_output=True)
    return path


def byte_compile() -> None:
    """Write the .pyc of every hoptac module, as pip does when it installs a wheel.

    The editable install the benchmark runs has none, and with PYTHONDONTWRITEBYTECODE set (as on
    some machines) Python would compile every module on every run (~60 ms of start-up) while the
    reference's libraries load theirs. Python still reads a .pyc with that variable set, and
    ignores one older than its source, so this cannot run stale code."""
    import compileall

    if not compileall.compile_dir(str(ROOT / "hoptac_cli"), quiet=1):
        raise SystemExit("hoptac_cli does not byte-compile")


def warm(path: Path) -> None:
    """Read a file once so that every run finds it in the page cache."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


# the figures ----------------------------------------------------------------------------------


def sql_side(label: str, db: Path, script: Path, params: dict[str, str | None], folder: Path, stdout: Path | None) -> Side:
    """The sqlite3 shell running ``script`` (CSV out); Python's sqlite3 module when the shell is absent."""
    if SHELL:
        lines = [".headers on", ".mode csv"]
        for name, value in params.items():
            lines.append(f".parameter set :{name} " + ("NULL" if value is None else f"\"'{value}'\""))
        full = folder / f"{script.stem}-{label}.sql"
        full.write_text("\n".join(lines) + "\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
        return Side("sqlite3 shell", [SHELL, "-batch", str(db)], stdin=full, stdout=stdout)
    pairs = [f"{name}={'NULL' if value is None else value}" for name, value in params.items()]
    return Side("Python sqlite3", [PYTHON, str(HERE / "sql_reference.py"), str(db), str(script), *pairs], stdout=stdout)


def figures(big: Path, meta: dict, sample: Path, folder: Path) -> list[Figure]:
    def hoptac(db: Path, *args: str) -> list[str]:
        return [HOPTAC, "--db", str(db), *args]

    def removing(path: Path) -> Callable[[], None]:
        return lambda: path.unlink(missing_ok=True)

    agreement, agency, sector = meta["agreement"], meta["agency"], meta["sector"]
    period = meta["final_period"]
    from hoptac_cli.domain.periods import parse_period

    span = parse_period(period)
    params = {
        "period_code": period,
        "period_start": span.start.isoformat(),
        "period_end": span.end.isoformat(),
        "day_before": (span.start - dt.timedelta(days=1)).isoformat(),
        "as_of": None,
        "reference": meta["today"],
    }
    same = "same on the sample"
    found: list[Figure] = [
        Figure(
            "status-sample",
            "`hoptac status` on the sample",
            "≤ 1.2×",
            Side("hoptac", hoptac(sample, "status")),
            Side(
                "minimal Typer app, one sqlite3 table, one Rich table",
                [PYTHON, str(HERE / "reference_app.py"), "table", str(sample)],
            ),
            1.2,
            repeat=11,
        ),
        Figure(
            "help",
            "`hoptac --help`",
            "≤ 1.1×",
            Side("hoptac", [HOPTAC, "--help"]),
            Side("minimal Typer app, plain help", [PYTHON, str(HERE / "reference_app.py"), "--help"]),
            1.1,
            repeat=11,
        ),
        Figure(
            "status-sector",
            f"`status --agreement A --sector {sector}`",
            "≤ 1.3×",
            Side("hoptac", hoptac(big, "status", "--agreement", agreement, "--sector", sector)),
            Side(same, hoptac(sample, "status", "--agreement", SAMPLE["agreement"], "--sector", SAMPLE["sector"])),
            1.3,
        ),
        Figure(
            "status-agreement",
            "`status --agreement A`",
            "≤ 1.5×",
            Side("hoptac", hoptac(big, "status", "--agreement", agreement)),
            Side(same, hoptac(sample, "status", "--agreement", SAMPLE["agreement"])),
            1.5,
        ),
        Figure(
            "missing",
            "`report missing --agreement A --period P`",
            "≤ 1.5×",
            Side("hoptac", hoptac(big, "report", "missing", "--agreement", agreement, "--period", period)),
            Side(same, hoptac(sample, "report", "missing", "--agreement", SAMPLE["agreement"], "--period", SAMPLE["period"])),
            1.5,
        ),
        Figure(
            "summary",
            "`summary --agreement A --period P -o x.docx`",
            "≤ 1.5×",
            Side(
                "hoptac",
                hoptac(big, "summary", "--agreement", agreement, "--period", period, "-o", str(folder / "big.docx")),
                before=removing(folder / "big.docx"),
            ),
            Side(
                same,
                hoptac(
                    sample,
                    "summary",
                    "--agreement",
                    SAMPLE["agreement"],
                    "--period",
                    SAMPLE["period"],
                    "-o",
                    str(folder / "sample.docx"),
                ),
                before=removing(folder / "sample.docx"),
            ),
            1.5,
        ),
        Figure(
            "report-list-agency",
            "`report list --agency AG`",
            "≤ 1.5×",
            Side("hoptac", hoptac(big, "report", "list", "--agency", agency)),
            Side(same, hoptac(sample, "report", "list", "--agency", SAMPLE["agency"])),
            1.5,
        ),
        Figure(
            "action-list-agency",
            "`action list --agency AG`",
            "≤ 1.5×",
            Side("hoptac", hoptac(big, "action", "list", "--agency", agency)),
            Side(same, hoptac(sample, "action", "list", "--agency", SAMPLE["agency"])),
            1.5,
        ),
        Figure(
            "status-all",
            f"`hoptac status`, all {meta['counts']['agreements']} agreements",
            "≤ 2×",
            Side("hoptac", hoptac(big, "status")),
            sql_side("status", big, HERE / "sql" / "figures.sql", params, folder, None),
            2.0,
        ),
        Figure(
            "export-summary",
            "`export summary` of all agreements",
            "≤ 2×",
            Side(
                "hoptac",
                hoptac(big, "export", "summary", "-o", str(folder / "summary.csv")),
                before=removing(folder / "summary.csv"),
            ),
            sql_side("summary", big, HERE / "sql" / "figures.sql", params, folder, folder / "summary-ref.csv"),
            2.0,
        ),
    ]
    if meta.get("import_csv") and meta.get("import_rows"):
        copy = folder / "import.db"
        empty = folder / "empty.db"

        def fresh_copy() -> None:
            copy.unlink(missing_ok=True)
            shutil.copyfile(big, copy)

        found.append(
            Figure(
                "import",
                f"`report import` of {meta['import_rows']:,} rows into the register (reports already there)",
                "≥ 0.5× throughput, peak ≤ 150 MiB",
                Side("hoptac", hoptac(copy, "report", "import", meta["import_csv"]), before=fresh_copy),
                Side(
                    "`sqlite-utils insert --csv` into an empty table",
                    [SQLITE_UTILS, "insert", str(empty), "reports", meta["import_csv"], "--csv"],
                    before=removing(empty),
                ),
                0.5,
                kind="throughput",
                rows=meta["import_rows"],
                peak_limit=150,
            )
        )
    current = meta["counts"]["current_reports"]
    found.append(
        Figure(
            "export-reports",
            f"`export reports` of {current:,} rows to CSV",
            "≥ 0.5× throughput, peak ≤ 100 MiB",
            Side(
                "hoptac",
                hoptac(big, "export", "reports", "-o", str(folder / "reports.csv")),
                before=removing(folder / "reports.csv"),
            ),
            sql_side("reports", big, HERE / "sql" / "reports.sql", {}, folder, folder / "reports-ref.csv")
            if SHELL
            else Side(
                "Python sqlite3 → CSV",
                [PYTHON, str(HERE / "sql_reference.py"), str(big), str(HERE / "sql" / "reports.sql")],
                stdout=folder / "reports-ref.csv",
            ),
            0.5,
            kind="throughput",
            rows=current,
            peak_limit=100,
        )
    )
    if SHELL:
        found[-1].reference.label = "`sqlite3 -csv` of the same query"
    return found


# the report -----------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        memory = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    shell = subprocess.run([SHELL, "--version"], capture_output=True, text=True).stdout.split()[0] if SHELL else "not installed"
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("typer", "rich", "sqlite-utils"))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", f"{cpu}, {cores} cores usable ({os.cpu_count()} online)"),
        ("RAM", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("SQLite", f"library {sqlite3.sqlite_version}, shell {shell}"),
        ("Libraries", versions),
    ]


def write_report(
    out: Path,
    found: list[Figure],
    meta: dict,
    big: Path,
    timeout: float,
    repeat: int,
    loads: tuple,
    started: dt.datetime,
    seconds: float,
) -> None:
    counts = meta["counts"]
    lines = [
        "# hoptac at national scale: benchmark results",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC by `bench/run.py` ({seconds / 60:.1f} min). "
        f"{'Full' if counts['agreements'] == FULL_AGREEMENTS else 'Quick'} scale: "
        f"{counts['agreements']} agreements, {counts['actions']:,} actions, {counts['reports']:,} reports "
        f"({counts['current_reports']:,} current), file {big.stat().st_size / 2**20:,.0f} MiB, "
        f"generated by `bench/generate.py` in {meta['seconds']:.0f} s; hoptac runs with HOPTAC_TODAY={meta['today']}.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in machine()),
        f"| load average | {loads[0]:.2f} at the start, {loads[1]:.2f} at the end (the machine is shared) |",
        "",
        "| figure | measured | reference | ratio | target | met? |",
        "|---|---|---|---|---|---|",
        *("| " + " | ".join(figure.cells(timeout)) + " |" for figure in found),
        "",
        "How to read it: each figure and its reference ran as whole processes, alternately, up to "
        f"{repeat} times (11 for the two start-up figures; once when the first run took long), after one "
        "unmeasured run each, with hoptac's modules byte-compiled first (as pip does for an installed "
        "wheel; the editable install has no .pyc, and PYTHONDONTWRITEBYTECODE would make every run "
        "compile them again); times are "
        "medians of wall time, peaks the largest resident set size of the process. A ratio is measured ÷ "
        "reference for times, and measured throughput ÷ reference throughput for import and export. "
        f"A run stopped after {timeout:.0f} s gives a bound on its ratio. The SQL references are "
        "`bench/sql/figures.sql` (the status figures; checked against hoptac's own in "
        "`tests/test_bench_generate.py`) and `bench/sql/reports.sql`, run "
        f"{'in the sqlite3 shell' if SHELL else 'with Python sqlite3 (the sqlite3 shell is not installed)'}.",
        "",
        f"Register: agreement `{meta['agreement']}`, sector `{meta['sector']}`, agency `{meta['agency']}`, "
        f"period `{meta['final_period']}`; sample: agreement `{SAMPLE['agreement']}`, sector `{SAMPLE['sector']}`, "
        f"agency `{SAMPLE['agency']}`, period `{SAMPLE['period']}`.",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help=f"full scale: {FULL_AGREEMENTS} agreements")
    parser.add_argument("--agreements", type=int, help=f"scale (default {QUICK_AGREEMENTS}, or {FULL_AGREEMENTS} with --full)")
    parser.add_argument("--actions-per-sector", type=int, default=30)
    parser.add_argument("--periods", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, help="runs per figure (default 5, or 3 with --full)")
    parser.add_argument("--timeout", type=float, help="seconds before a run is stopped (default 120, or 180 with --full)")
    parser.add_argument("--only", help="comma-separated figure keys (default: every figure)")
    parser.add_argument("--rebuild", action="store_true", help="generate the register again")
    parser.add_argument(
        "--out", type=Path, help="the results file (default bench/results.md with --full, else bench/results-quick.md)"
    )
    options = parser.parse_args(argv)
    agreements = options.agreements or (FULL_AGREEMENTS if options.full else QUICK_AGREEMENTS)
    repeat = options.repeat or (3 if options.full else 5)
    timeout = options.timeout or (180.0 if options.full else 120.0)
    slow = 20.0 if options.full else 10.0  # a figure whose first run takes longer runs once
    out = options.out or HERE / ("results.md" if agreements == FULL_AGREEMENTS else "results-quick.md")

    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    loads = [os.getloadavg()[0]]
    meta = national(
        agreements,
        actions_per_sector=options.actions_per_sector,
        periods=options.periods,
        seed=options.seed,
        rebuild=options.rebuild,
    )
    big = Path(meta["path"])
    byte_compile()
    env = {key: value for key, value in os.environ.items() if not key.startswith("HOPTAC_")}
    env.update({"HOPTAC_TODAY": meta["today"], "HOPTAC_LANG": "en", "NO_COLOR": "1", "COLUMNS": "120", "LINES": "50"})
    with tempfile.TemporaryDirectory(prefix="hoptac-bench-") as name:
        folder = Path(name)
        sample = sample_db(folder, env)
        warm(big)
        found = figures(big, meta, sample, folder)
        if options.only:
            keys = options.only.split(",")
            unknown = set(keys) - {figure.key for figure in found}
            if unknown:
                raise SystemExit(f"unknown figure(s) {', '.join(sorted(unknown))}; known: {', '.join(f.key for f in found)}")
            found = [figure for figure in found if figure.key in keys]
        for figure in found:  # compile the byte code and fill the caches: not measured
            if figure.key in ("help", "status-sample"):
                figure.measured.run(env, timeout)
                figure.reference.run(env, timeout)
                figure.measured.runs.clear()
                figure.reference.runs.clear()
        print(f"{'figure':24} {'measured':>12} {'reference':>12} {'ratio':>8}  target", flush=True)
        for figure in found:
            for _ in range(figure.repeat or repeat):
                figure.reference.run(env, timeout)
                result = figure.measured.run(env, timeout)
                if result.timed_out or result.seconds > slow:
                    break
            ratio = figure.ratio()
            bound = ("> " if figure.kind == "time" else "< ") if figure.measured.timed_out else ""
            print(
                f"{figure.key:24} {figure.measured.seconds:>10.3f} s {figure.reference.seconds:>10.3f} s "
                f"{bound}{ratio:>6.2f}×  {figure.target}{'' if figure.met() else '  (not met)'}"
                f"{f'  peak {figure.measured.peak:.0f} MiB' if figure.peak_limit else ''}",
                flush=True,
            )
    loads.append(os.getloadavg()[0])
    write_report(out, found, meta, big, timeout, repeat, tuple(loads), started, time.perf_counter() - clock)
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
