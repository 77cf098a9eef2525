"""No file is overwritten by surprise: every command that writes a file refuses an existing one
without --force, never writes over the database, and never leaves half a file."""

import os
import subprocess
import sys

import pytest
from conftest import dump

#: every command that writes a file, with ``{out}`` for the target
FILE_COMMANDS = {
    "export": ["export", "actions", "-o", "{out}.csv"],
    "export xlsx": ["export", "reports", "-o", "{out}.xlsx"],
    "summary": ["summary", "--period", "2022-H2", "-o", "{out}.md"],
    "summary docx": ["summary", "--period", "2022-H2", "-o", "{out}.docx"],
    "report template": ["report", "template", "--period", "2025-H2", "-o", "{out}.csv"],
    "commend list": ["commend", "list", "-o", "{out}.json"],
    "db backup": ["db", "backup", "{out}.db"],
}


def command_for(name, out):
    return [part.replace("{out}", str(out)) for part in FILE_COMMANDS[name]]


@pytest.mark.parametrize("name", [name for name in FILE_COMMANDS if name not in ("export xlsx", "summary docx")])
def test_existing_file_needs_force(sample, tmp_path, name):
    out = tmp_path / "out"
    args = command_for(name, out)
    target = next(arg for arg in args if arg.startswith(str(out)))
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("bản cũ, không được ghi đè")
    os.chmod(target, 0o640)
    result = sample.fails(*args)
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert open(target, encoding="utf-8").read() == "bản cũ, không được ghi đè"
    sample.ok(*args, "--force")
    assert os.path.getsize(target) > 0 and open(target, "rb").read()[:6] != "bản cũ".encode()
    assert os.stat(target).st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert [item.name for item in tmp_path.iterdir() if ".hoptac-tmp" in item.name] == []


@pytest.mark.parametrize(
    "name, suffix", [(name, "") for name in FILE_COMMANDS] + [("export", "-wal"), ("export", "-journal"), ("db backup", "-shm")]
)
def test_the_database_is_never_a_target_even_with_force(sample, name, suffix):
    target = f"{sample.db}{suffix}"
    args = command_for(name, "X")
    args[args.index(next(a for a in args if a.startswith("X")))] = target
    before = dump(sample.db, history=True)
    existed = os.path.exists(target)
    result = sample(*args, "--force")
    assert result.exit_code == 1 and "is the database file" in result.stderr, result.stderr
    assert dump(sample.db, history=True) == before
    assert os.path.exists(target) == existed


def test_a_symbolic_link_is_replaced_not_followed(sample, tmp_path):
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("giữ nguyên", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(elsewhere)
    sample.fails("export", "actions", "-o", str(link))
    sample.ok("export", "actions", "-o", str(link), "--force")
    assert elsewhere.read_text(encoding="utf-8") == "giữ nguyên" and not link.is_symlink()
    to_db = tmp_path / "sneaky.csv"
    to_db.symlink_to(sample.db)
    assert "is the database file" in sample.fails("export", "actions", "-o", str(to_db), "--force").stderr
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    assert "already exists" in sample.fails("export", "actions", "-o", str(dangling)).stderr


def test_a_failed_write_leaves_no_file(sample, tmp_path, monkeypatch):
    from hoptac_cli.render import tabular

    def broken(stream, sheets, *options, **named):
        stream.write(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tabular, "_write_csv", broken)
    out = tmp_path / "out.csv"
    assert "No space left" in sample.fails("export", "actions", "-o", str(out)).stderr
    assert list(tmp_path.iterdir()) == [sample.db]
    out.write_text("bản cũ", encoding="utf-8")
    sample.fails("export", "actions", "-o", str(out), "--force")
    assert out.read_text(encoding="utf-8") == "bản cũ"  # the old file is still whole
    assert sorted(item.name for item in tmp_path.iterdir()) == ["out.csv", "sample.db"]


def test_temporary_files_of_a_killed_run_are_removed_by_the_next_write(sample, tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".report.csv.{gone}.0badcafe.hoptac-tmp"
    stale.write_text("half", encoding="utf-8")
    alive = tmp_path / f".other.csv.{os.getpid()}.0badcafe.hoptac-tmp"  # a write still running
    alive.write_text("writing", encoding="utf-8")
    sample.ok("export", "actions", "-o", str(tmp_path / "actions.csv"))
    assert not stale.exists() and alive.exists()


def test_the_temporary_file_is_created_exclusively(tmp_path, monkeypatch):
    """A name already taken (say, a link planted by someone else) is never opened: another is tried."""
    from hoptac_cli.render import files

    names = iter(["aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(files.os, "urandom", lambda n: bytes.fromhex(next(names)))
    planted = tmp_path / f".out.csv.{os.getpid()}.aaaaaaaa.hoptac-tmp"
    victim = tmp_path / "victim.txt"
    victim.write_text("không được ghi", encoding="utf-8")
    planted.symlink_to(victim)
    with files.output(str(tmp_path / "out.csv"), force=False) as stream:
        stream.write(b"ok")
    assert victim.read_text(encoding="utf-8") == "không được ghi" and (tmp_path / "out.csv").read_bytes() == b"ok"


def test_stdout_is_not_a_file(sample):
    # a pipe feeds other programs: no BOM unless asked for (issue 14); the data are the same
    assert sample.ok("export", "actions", "-o", "-").stdout.startswith("id,")
    assert sample.ok("export", "actions", "-o", "-", "--bom").stdout.startswith("\ufeff")


def test_several_targets_are_checked_before_any_is_written(sample, tmp_path):
    from hoptac_cli.errors import HoptacError
    from hoptac_cli.render import files

    files.protect(lambda: sample.db)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    second.write_text("có rồi", encoding="utf-8")
    with pytest.raises(HoptacError, match="already exists"):
        files.refuse_existing([first, second], force=False)
    files.refuse_existing([first, second], force=True)
    files.write_file(first, lambda stream: stream.write(b"thu"))
    assert first.read_bytes() == b"thu"
    with pytest.raises(HoptacError, match="is the database file"):
        files.write_file(sample.db, lambda stream: stream.write(b"x"))
