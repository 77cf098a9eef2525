"""The README's transcripts are real runs: the tour script regenerates them and must find nothing to change."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # runs every command of the tour twice (English and Vietnamese): about a minute
def test_readme_tour_is_what_hoptac_prints_today():
    done = subprocess.run([sys.executable, str(ROOT / "docs" / "tour.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, f"README.md is stale: run {sys.executable} docs/tour.py\n{done.stdout}{done.stderr}"
