"""Profile one hoptac command in-process with cProfile and print where the time goes.

    .venv/bin/python bench/profile_command.py --db FILE.db [--today 2030-12-28] [--top 25] [--save out.prof] -- status --agreement A

The command's output is discarded; the profile (cumulative and own time, hoptac's own functions
and the SQLite calls they make) goes to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--today", default="2030-12-28", help="HOPTAC_TODAY for the run")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", help="also write the raw profile here (for snakeviz, gprof2dot ...)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the hoptac command, after --")
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    os.environ.update({"HOPTAC_TODAY": options.today, "NO_COLOR": "1", "COLUMNS": "120"})

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    from hoptac_cli.cli import app

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.suppress(SystemExit):
        app(["--db", options.db, "--lang", "en", *command], standalone_mode=False)
    profiler.disable()
    seconds = time.perf_counter() - started
    if options.save:
        profiler.dump_stats(options.save)
    print(f"hoptac {' '.join(command)}: {seconds:.2f} s in-process ({len(sink.getvalue()):,} characters of output)")
    print(f"\n--- hoptac's own functions, top {options.top} by cumulative time ---")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats("hoptac_cli", options.top)
    print(f"\n--- everything, top {options.top} by own time ---")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(options.top)


if __name__ == "__main__":
    main()
