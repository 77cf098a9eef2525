"""``hoptac init`` and ``hoptac db``: the file itself — where it is, creating it, copies, checks."""

from pathlib import Path
from typing import Annotated

import typer

from hoptac_cli.cli.common import ForceOpt, command_line, db_path, done, session, who, writes
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

db_app = typer.Typer(help="The database file: where it is, copies, checks.", no_args_is_help=True, rich_markup_mode=None)


@writes
def init(
    sample: Annotated[
        bool, typer.Option("--sample", help="Also load the Hậu Giang–Kiên Giang 2021–2025 sample programme.")
    ] = False,
) -> None:
    """Create the database (or upgrade an existing one); optionally load the sample programme."""
    from hoptac_cli.domain import sample as sample_data
    from hoptac_cli.domain.history import recording
    from hoptac_cli.storage.db import companions, create_db, examine

    path = db_path()
    before = examine(path)
    before.close()
    fresh = before.kind in ("missing", "empty", "blank")
    if sample and not fresh:
        # Refuse before touching the file: the sample goes into a fresh database only.
        with session() as db:
            sample_data.check_can_load(db)
    db = create_db(path)
    try:
        upgraded = getattr(db, "upgraded", None)
        with recording(db, who=who(), command=command_line(), kind="init" if fresh and not sample else "change"):
            summary = sample_data.load(db) if sample else None
    except BaseException:
        db.close()
        if before.kind == "missing":
            for leftover in companions(path):  # leave no half-made file behind
                leftover.unlink(missing_ok=True)
        raise
    db.close()
    if upgraded:
        done(t("msg.db_upgraded", old=upgraded["from"], new=upgraded["to"], backup=upgraded["backup"] or "—"))
    ready = t("msg.db_ready" if not fresh else "msg.db_created", path=str(path))
    done(f"{ready}. {t('msg.sample_loaded', **summary)}" if summary else ready)


@db_app.command("path")
def show_path() -> None:
    """Print where the database file is (whether or not it exists yet)."""
    typer.echo(str(db_path()))


@db_app.command("version")
def version() -> None:
    """Print the schema migrations applied to the database."""
    from hoptac_cli.storage.migrations import applied

    with session() as db:
        for name in applied(db):
            typer.echo(name)


def _size(count: int) -> str:
    from hoptac_cli.domain.numbers import show_number

    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{show_number(round(count, 1))} {unit}"
        count /= 1024  # type: ignore[assignment]
    return str(count)


@db_app.command("backup")
def backup(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Where to write the copy, e.g. hoptac-2026-11-25.db.")],
    force: ForceOpt = False,
) -> None:
    """Write a consistent copy of the database (SQLite's online backup: safe while others write)."""
    from hoptac_cli.render.files import output_path
    from hoptac_cli.storage.db import copy_into

    if file == "-":
        raise HoptacError(t("err.output_folder", value=file))
    with session() as db, output_path(file, force=force) as temporary:
        copy_into(db, temporary)
    done(t("msg.backup_written", path=file, size=_size(Path(file).stat().st_size)))


@db_app.command("restore")
@writes
def restore(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A copy made by 'hoptac db backup' (or an automatic one).")],
    force: Annotated[bool, typer.Option("--force", help="Really replace the database (a copy of it is kept first).")] = False,
) -> None:
    """Replace the database with a backup: the copy is checked first (sound, a hoptac database,
    not newer than this hoptac) and the current file is kept in its backups folder."""
    import json

    from hoptac_cli.domain.history import note
    from hoptac_cli.render.files import same_file
    from hoptac_cli.storage.db import open_db
    from hoptac_cli.storage.db import restore as restore_file

    path, source = db_path(), Path(file)
    if not source.is_file():
        raise HoptacError(t("err.restore_missing", path=file))
    if path.exists() and same_file(source, path):
        raise HoptacError(t("err.restore_same", path=file))
    if not force:
        raise HoptacError(t("err.restore_force", path=str(path), value=file))
    kept = restore_file(path, source)
    db = open_db(path, write=True, backup_before_upgrade=False)
    try:
        note(
            db,
            who=who(),
            command=command_line(),
            kind="restore",
            text=json.dumps({"source": file, "backup": str(kept) if kept else None}),
        )
    finally:
        db.close()
    if kept:
        done(t("msg.restored", path=str(path), source=file, backup=str(kept)))
    else:
        done(t("msg.restored_new", path=str(path), source=file))


@db_app.command("check")
def check() -> None:
    """Check the file (SQLite's integrity and foreign keys) and the data (hoptac's rules):
    silent with exit 0 when all is well, else one line per problem and exit 3."""
    from hoptac_cli.domain.check import problems

    found = problems(db_path())
    for line in found:
        typer.echo(line)
    if found:
        raise typer.Exit(3)


def add_commands(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(db_app, name="db")
