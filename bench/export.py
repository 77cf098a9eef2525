"""Time and peak memory of ``hoptac export`` on generated databases of growing size.

    .venv/bin/python bench/export.py [--sizes 20000,200000] [--formats csv,json,xlsx]

Each export runs in a fresh process; peak memory is that process's maximum resident set size,
so flat figures across sizes show that rows are streamed. ``generate`` is also used by
``tests/test_export.py``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

#: ten half-years of the 2021-2025 programme; every action gets a report from two agencies each
PERIODS = [
    (f"{year}-H{half}", f"{year}-{'01' if half == 1 else '07'}-01", f"{year}-{'06-30' if half == 1 else '12-31'}")
    for year in range(2021, 2026)
    for half in (1, 2)
]


def generate(path: Path, reports: int) -> None:
    """A database holding one agreement, one sector and enough actions for ``reports`` current reports."""
    from hoptac_cli.storage.db import create_db

    create_db(path).close()
    per_action = 2 * len(PERIODS)
    actions = -(-reports // per_action)
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            INSERT INTO parties (id, slug, name, search_key) VALUES (1, 'hau-giang', 'Hậu Giang', 'hau-giang'),
                                                                    (2, 'kien-giang', 'Kiên Giang', 'kien-giang');
            INSERT INTO agreements (id, slug, title, search_key, start_year, end_year)
                VALUES (1, 'thu', 'Chương trình thử', 'chuong-trinh-thu', 2021, 2025);
            INSERT INTO agreement_parties (agreement_id, party_id, position) VALUES (1, 1, 1), (1, 2, 2);
            INSERT INTO sectors (id, agreement_id, position, slug, name, search_key) VALUES (1, 1, 1, 'y-te', 'Y tế', 'y-te');
            INSERT INTO agencies (id, party_id, slug, name, search_key) VALUES
                (1, 1, 'syt-hg', 'Sở Y tế tỉnh Hậu Giang', 'so-y-te-tinh-hau-giang'),
                (2, 2, 'syt-kg', 'Sở Y tế tỉnh Kiên Giang', 'so-y-te-tinh-kien-giang');
            """
        )
        conn.executemany(
            "INSERT INTO actions (id, sector_id, title, search_key, lead_agency_id, due_on) VALUES (?, 1, ?, ?, 1, '2025-12-31')",
            ((n, f"Nhiệm vụ số {n}", f"nhiem-vu-so-{n}") for n in range(1, actions + 1)),
        )
        conn.executemany(
            "INSERT INTO action_partners (action_id, agency_id) VALUES (?, 2)", ((n,) for n in range(1, actions + 1))
        )

        def rows():
            count = 0
            for action in range(1, actions + 1):
                for step, (code, start, end) in enumerate(PERIODS):
                    for agency in (1, 2):
                        if count == reports:
                            return
                        count += 1
                        yield (
                            action,
                            agency,
                            code,
                            start,
                            end,
                            min(100, 10 * (step + 1)),
                            "in-progress",
                            f"Kết quả kỳ {code} của nhiệm vụ {action}",
                            "=1+1 khó khăn",
                            end,
                        )

        conn.executemany(
            """INSERT INTO reports (action_id, agency_id, period, period_start, period_end, progress, status,
                                    result, difficulty, submitted_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows(),
        )


_RUN = """
import resource, sys, time
from hoptac_cli.cli import app
started = time.perf_counter()
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def measure(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one ``export reports`` process."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN, "--db", str(db), "export", "reports", "-o", str(out)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "HOPTAC_TODAY": "2026-11-25"},
    )
    seconds, kib = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000")
    parser.add_argument("--formats", default="csv,json,xlsx")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'reports':>8} {'format':>6} {'seconds':>8} {'peak MiB':>9} {'file MiB':>9}")
        for size in (int(item) for item in options.sizes.split(",")):
            db = Path(folder) / f"bench-{size}.db"
            generate(db, size)
            for fmt in options.formats.split(","):
                out = Path(folder) / f"out-{size}.{fmt}"
                seconds, peak = measure(db, fmt, out)
                print(f"{size:>8} {fmt:>6} {seconds:>8.2f} {peak:>9.1f} {out.stat().st_size / 2**20:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
