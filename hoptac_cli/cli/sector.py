"""``hoptac sector``: the fields of cooperation of an agreement."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, done, output_format, session, writes
from hoptac_cli.i18n import fields as fields_named
from hoptac_cli.i18n import t
from hoptac_cli.records import SECTORS
from hoptac_cli.render.output import emit

sector_app = typer.Typer(help="Sectors of an agreement.", no_args_is_help=True, rich_markup_mode=None)


@sector_app.command("add")
@writes
def add(
    name: Annotated[str, typer.Argument(help="Sector name, e.g. 'Y tế'.")],
    agreement: AgreementOpt = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="Short name; generated from the name by default.")] = None,
) -> None:
    """Add a sector to an agreement."""
    from hoptac_cli.domain import register

    with session(write=True) as db:
        sector_id = register.add_sector(db, name, agreement_ref=agreement, slug=slug)
        row = register.sector(db, str(sector_id), agreement)
    done(t("msg.added", kind=t("kind.sector"), id=sector_id, name=row["name"], slug=row["slug"]))


@sector_app.command("list")
def list_(agreement: AgreementOpt = None, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """List sectors (of one agreement, or of all)."""
    from hoptac_cli.domain import register

    with session() as db:
        rows = register.find_sectors(db, agreement)
    emit(rows, SECTORS, output_format(fmt, as_json), title=t("title.sectors"))


@sector_app.command("update")
@writes
def update(
    sector: Annotated[str, typer.Argument(metavar="SECTOR", help="The sector to correct.")],
    agreement: AgreementOpt = None,
    name: Annotated[Optional[str], typer.Option("--name", help="The corrected name.")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="The corrected short name.")] = None,
) -> None:
    """Correct a sector's name or slug (kept in the history; undo takes it back)."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row, fields = corrections.update_sector(db, sector, agreement_ref=agreement, name=name, slug=slug)
    done(t("msg.corrected", kind=t("kind.sector"), id=row["id"], slug=row["slug"], fields=fields_named(fields)))


def add_commands(app: typer.Typer) -> None:
    app.add_typer(sector_app, name="sector")
