"""Time of the web view's pages on a generated database (``hoptac serve``'s figures).

    .venv/bin/python bench/web.py [--reports 20000]

The database is ``bench/export.py``'s: one 2021-2025 programme, 1,000 actions for 20,000
reports, each period reported by the lead and by a partner. Each page is timed on a fresh
Datasette (nothing computed yet: as after a change to the data) and then again (figures kept),
and the dashboard's three charts are asked for together, as a browser does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

PAGES = [
    "/hoptac/tien_do_theo_linh_vuc",
    "/hoptac/nhiem_vu",
    "/hoptac/nhiem_vu_qua_han",
    "/hoptac/chua_bao_cao_ky_nay",
    "/hoptac/chua_bao_cao",
    "/hoptac/bao_cao_theo_ky",
]


async def _get(ds, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = await ds.client.get(path)
    return response.status_code, time.perf_counter() - started


def _cpu() -> float:
    """Processor time of this process (every thread): the wall time on an idle machine."""
    return time.process_time()


def _charts(ds) -> list[str]:
    from datasette_dashboards import replace_opts_in_query

    config = ds.plugin_config("datasette-dashboards")["tong-quan"]
    title = config["filters"]["chuong_trinh"].get("default", "")
    return [
        "/hoptac.json?"
        + urllib.parse.urlencode(
            {"sql": replace_opts_in_query(chart["query"], {"chuong_trinh": title}), "chuong_trinh": title, "_shape": "objects"}
        )
        for chart in config["charts"].values()
    ]


async def _run(path: Path) -> None:
    from hoptac_cli.web.server import build

    print(f"{'':36} first (processor)        again (processor)")
    for page in PAGES:
        ds = build(path)
        cpu = _cpu()
        cold_status, cold = await _get(ds, page)
        cold_cpu, cpu = _cpu() - cpu, _cpu()
        warm_status, warm = await _get(ds, page)
        warm_cpu = _cpu() - cpu
        print(f"{page:36} {cold:5.2f} s ({cold_cpu:4.2f} s) {cold_status}   {warm:5.2f} s ({warm_cpu:4.2f} s) {warm_status}")
    ds = build(path)
    started, cpu = time.perf_counter(), _cpu()
    answers = await asyncio.gather(*(_get(ds, chart) for chart in _charts(ds)))
    statuses = ", ".join(str(status) for status, _ in answers)
    print(f"{'dashboard: its three charts':36} {time.perf_counter() - started:5.2f} s ({_cpu() - cpu:4.2f} s) {statuses}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20000)
    args = parser.parse_args()
    os.environ.setdefault("HOPTAC_TODAY", "2026-11-25")
    from export import generate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "web.db"
        generate(path, args.reports)
        asyncio.run(_run(path))


if __name__ == "__main__":
    main()
