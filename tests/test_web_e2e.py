"""End to end: `hoptac serve` in its own process on a free loopback port, the dashboard opened in
headless Chromium (Debian's package, driven by Playwright), the charts checked as drawn (vega's SVG bars).

Set HOPTAC_SCREENSHOT=docs/dashboard.png to save the picture the README shows.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip(
        "Debian's chromium is not installed (apt-get install -y chromium); .ci/run installs it in CI", allow_module_level=True
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(sample):
    port = _free_port()
    env = {**os.environ, "HOPTAC_TODAY": "2026-11-25"}
    command = [
        sys.executable,
        "-c",
        "from hoptac_cli.cli import main; main()",
        "--db",
        str(sample.db),
        "serve",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):  # wait until it answers (bounded: about 20 s)
            if process.poll() is not None:
                pytest.fail(f"hoptac serve stopped: {process.communicate()}")
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("hoptac serve did not answer")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


#: JavaScript: the widths and heights of the bars vega drew in a chart's SVG
_BARS = """(selector) => Array.from(document.querySelectorAll(selector + ' svg path[aria-roledescription="bar"]'))
    .map(path => { const box = path.getBBox(); return [Math.round(box.width), Math.round(box.height)]; })"""


def test_dashboard_draws_its_charts_in_chromium(server):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is required in CI"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server + "-/dashboards/tong-quan")
            for chart in ("tien-do", "bao-cao"):
                page.wait_for_selector(f"#chart-{chart} svg path[aria-roledescription='bar']", state="attached", timeout=20000)
            page.wait_for_selector("#chart-qua-han table tbody tr", timeout=20000)
            assert "Tổng quan" in page.inner_text("h1")
            assert "Tiến độ theo lĩnh vực (%)" in page.inner_text("body")
            # One bar per sector, as long as its progress (42,9% · 50% · 25% in the sample; others 0).
            progress = page.evaluate(_BARS, "#chart-tien-do")
            assert len(progress) == 12
            widths = sorted((width for width, _ in progress), reverse=True)
            assert widths[0] > widths[1] > widths[2] > 0 and widths[3] == 0
            assert abs(widths[0] / widths[1] - 50 / 42.9) < 0.03
            # Reports expected and received, two bars per period of 2021-2025.
            reports = page.evaluate(_BARS, "#chart-bao-cao")
            assert len(reports) == 20 and sum(1 for _, height in reports if height > 0) == 11
            rows = page.locator("#chart-qua-han table tbody tr")
            assert rows.count() == 22
            assert "Phối hợp chống buôn lậu" in rows.first.inner_text()
            target = os.environ.get("HOPTAC_SCREENSHOT")
            if target:
                page.wait_for_timeout(500)
                page.screenshot(path=str(Path(target)), full_page=False)
        finally:
            browser.close()
