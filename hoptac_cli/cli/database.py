"""``hoptac init`` and ``hoptac db``: where the file is and creating it."""


from typing import Annotated

import typer

from hoptac_cli.cli.common import db_path, done, session
from hoptac_cli.i18n import t

db_app = typer.Typer(help="The database file.", no_args_is_help=True, rich_markup_mode=None)


def init(
    sample: Annotated[bool, typer.Option("--sample", help="Also load the Hậu Giang–Kiên Giang 2021–2025 sample programme.")] = False,
) -> None:
    """Create the database (or upgrade an existing one); optionally load the sample programme."""
    from hoptac_cli.domain import sample as sample_data
    from hoptac_cli.storage.db import create_db

    path = db_path()
    existed = path.exists()
    if sample and existed:
        # Refuse before touching the file: the sample goes into a fresh database only.
        with session() as db:
            sample_data.check_can_load(db)
    db = create_db(path)
    try:
        summary = sample_data.load(db) if sample else None
    except BaseException:
        db.close()
        if not existed:
            path.unlink(missing_ok=True)  # leave no half-made file behind
        raise
    db.close()
    ready = t("msg.db_ready" if existed else "msg.db_created", path=str(path))
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


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(db_app, name="db")
