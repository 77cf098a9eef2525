"""Start-up and everyday-command latency of the installed ``hoptac``, as median wall time.

Every TAB of shell completion and every command a user types pays start-up, so it is watched.
Usage: python bench/startup.py [runs]   (prints one line per command)
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
HOPTAC = str(Path(sys.executable).with_name("hoptac"))


def median_ms(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "HOPTAC_DB": str(Path(folder) / "bench.db"), "NO_COLOR": "1"}
        subprocess.run([HOPTAC, "init", "--sample"], env=env, check=True, capture_output=True)
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "hoptac --version": [HOPTAC, "--version"],
            "hoptac db path": [HOPTAC, "db", "path"],
            "hoptac sector list": [HOPTAC, "sector", "list"],
            "hoptac action list --json": [HOPTAC, "action", "list", "--json"],
            "hoptac status": [HOPTAC, "status"],
        }
        print(f"median of {RUNS} runs")
        for label, args in cases.items():
            print(f"{label:32} {median_ms(args, env):7.1f} ms")


if __name__ == "__main__":
    main()
