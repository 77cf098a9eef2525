"""Many users, one file, and processes that die: every write lands, none is half done.

These tests start real processes and take a minute: they are marked ``slow`` (``make test``
leaves them out, ``make test-slow`` and ``.ci/run`` run them).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import Hoptac
from test_history import fill_template
from test_installed_cli import hoptac_executable

pytestmark = pytest.mark.slow

WRITERS, REPORTS_EACH, READERS = 8, 100, 4
PERIODS = [f"{year}-H{half}" for year in range(2017, 2027) for half in (1, 2)]  # 20 periods

#: a process running hoptac commands in-process, as many times as asked; prints failures
WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from hoptac_cli.cli import app
    db, mode, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    commands = [line.split("\\t") for line in Path(sys.argv[4]).read_text(encoding="utf-8").splitlines()]
    failures = runs = 0
    while True:
        for args in commands:
            code = app(["--db", db, *args], standalone_mode=False)
            runs += 1
            if code not in (None, 0):
                failures += 1
                print("FAILED", code, *args, file=sys.stderr, flush=True)
        if mode == "write" or stop.exists():
            break
    print(runs, failures)
    """
)


def _programme(tmp_path, actions):
    """One agreement 2016-2030 with ``actions`` actions led by one agency."""
    runner = Hoptac(tmp_path / "shared.db")
    runner.ok("init")
    runner.ok("party", "add", "Hậu Giang")
    runner.ok("party", "add", "Kiên Giang")
    runner.ok(
        "agreement",
        "add",
        "Chương trình",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2016-2030",
        "--slug",
        "ct",
    )
    runner.ok("sector", "add", "Y tế")
    runner.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    conn = sqlite3.connect(runner.db)
    with conn:
        conn.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {actions})
            INSERT INTO actions (sector_id, title, search_key, lead_agency_id) SELECT 1, 'Nhiệm vụ ' || i, 'nhiem-vu-' || i, 1 FROM n
            """
        )
    conn.close()
    return runner


def _count(path, where="is_current = 1"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM reports WHERE {where}").fetchone()[0]
    finally:
        conn.close()


def _start(db, mode, stop, commands):
    listing = stop.with_name(f"commands-{random.randrange(1 << 30)}.txt")
    listing.write_text("\n".join("\t".join(args) for args in commands), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(db), mode, str(stop), str(listing)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_eight_writers_and_four_readers_at_once(tmp_path):
    runner = _programme(tmp_path, WRITERS * REPORTS_EACH // len(PERIODS))
    stop = tmp_path / "stop"
    started = time.monotonic()
    writers = []
    for worker in range(WRITERS):
        actions = range(1 + worker * 5, 6 + worker * 5)
        commands = [
            ["report", "add", "--action", str(action), "--period", period, "--progress", "50"]
            for action in actions
            for period in PERIODS
        ]
        assert len(commands) == REPORTS_EACH
        writers.append(_start(runner.db, "write", stop, commands))
    readers = [_start(runner.db, "read", stop, [["status", "--format", "json"]]) for _ in range(READERS)]
    results = [process.communicate(timeout=900) for process in writers]
    elapsed = time.monotonic() - started
    stop.write_text("")
    read_results = [process.communicate(timeout=300) for process in readers]
    for out, err in results:
        assert out.split()[-2:] == [str(REPORTS_EACH), "0"], err  # every write landed, none refused
    for out, err in read_results:
        runs, failures = out.split()[-2:]  # after the status tables the reader printed
        assert int(runs) > 0 and failures == "0", err
    assert _count(runner.db) == WRITERS * REPORTS_EACH
    reads = sum(int(out.split()[-2]) for out, _ in read_results)
    print(
        f"{WRITERS} writers x {REPORTS_EACH} reports: all {WRITERS * REPORTS_EACH} written in {elapsed:.0f} s, "
        f"while {READERS} readers ran status {reads} times"
    )
    assert len(runner.json("history", "--limit", "10000")) == 1 + 5 + WRITERS * REPORTS_EACH  # init, setup, writes
    assert runner.ok("db", "check").stdout == ""


def test_concurrent_amendments_of_one_report(tmp_path):
    """Today two amendments at once ended in "unexpected IntegrityError": the second now waits,
    then amends the version the first made."""
    runner = _programme(tmp_path, 1)
    runner.ok("report", "add", "--action", "1", "--period", "2020-H1", "--progress", "1")
    processes = [
        _start(
            runner.db,
            "write",
            tmp_path / "stop",
            [
                ["report", "add", "--action", "1", "--period", "2020-H1", "--progress", str(10 + worker * 40 + i), "--amend"]
                for i in range(20)
            ],
        )
        for worker in range(2)
    ]
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert out.split()[-2:] == ["20", "0"], err
    assert _count(runner.db, "action_id = 1") == 41 and _count(runner.db) == 1
    assert runner.ok("db", "check").stdout == ""


def test_a_killed_import_leaves_the_count_before_or_after(tmp_path):
    """SIGKILL a large import at 20 random moments: the file stays sound and holds either none
    or all of the file's reports."""
    rows = 3000
    runner = _programme(tmp_path, rows)
    path = fill_template(runner, tmp_path, "2024-H1", progress="40")
    pristine = runner.db.read_bytes()
    environment = {**os.environ, "HOPTAC_DB": str(runner.db), "NO_COLOR": "1"}
    command = [hoptac_executable(), "report", "import", str(path), "--format", "json"]

    def fresh():
        for suffix in ("-wal", "-shm"):
            runner.db.with_name(runner.db.name + suffix).unlink(missing_ok=True)
        runner.db.write_bytes(pristine)

    fresh()
    started = time.monotonic()
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    assert _count(runner.db) == rows
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    outcomes = []
    for _ in range(20):
        fresh()
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        check = subprocess.run([hoptac_executable(), "db", "check"], env=environment, capture_output=True, text=True, timeout=300)
        assert check.returncode == 0 and check.stdout == "", (seed, check.stdout, check.stderr)
        count = _count(runner.db)
        assert count in (0, rows), (seed, count)
        outcomes.append(count)
    print(
        f"seed {seed}: import of {rows} rows took {duration:.1f} s; after 20 kills: "
        f"{outcomes.count(0)} left nothing, {outcomes.count(rows)} had finished"
    )
