"""End to end: the installed ``hoptac`` console script in a real subprocess."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def hoptac_executable() -> str:
    beside_python = Path(sys.executable).with_name("hoptac")
    found = str(beside_python) if beside_python.exists() else shutil.which("hoptac")
    if not found:
        pytest.fail("the hoptac console script is not installed (run `make test`, which installs it)")
    return found


def run(*args, db, check=True):
    env = {**os.environ, "HOPTAC_DB": str(db), "NO_COLOR": "1", "COLUMNS": "120", "HOPTAC_LANG": "en"}
    result = subprocess.run([hoptac_executable(), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_installed_script_end_to_end(tmp_path):
    db = tmp_path / "e2e.db"
    assert run("--version", db=db).stdout.startswith("hoptac ")
    missing = run("status", db=db, check=False)
    assert missing.returncode == 1 and "hoptac init" in missing.stderr and "Traceback" not in missing.stderr
    assert not db.exists()

    run("init", "--sample", db=db)
    status = run("status", db=db).stdout
    assert "Công nghiệp" in status and "Quốc phòng - an ninh" in status

    sectors = json.loads(run("sector", "list", "--json", db=db).stdout)
    assert len(sectors) == 12 and sectors[8]["slug"] == "y-te"

    before = db.read_bytes()
    bad = run("action", "add", "Nhiệm vụ mới", "--sector", "y tế", "--lead", "syt-hg", "--due", "31/02/2022", db=db, check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "31/02/2022" in bad.stderr
    assert db.read_bytes() == before

    usage = run("action", "add", db=db, check=False)
    assert usage.returncode == 2
