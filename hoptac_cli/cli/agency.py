"""``hoptac agency``: departments (sở, ban, ngành) that lead and support actions."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, done, merged, output_format, session, writes
from hoptac_cli.i18n import fields as fields_named
from hoptac_cli.i18n import t
from hoptac_cli.records import AGENCIES
from hoptac_cli.render.output import emit

agency_app = typer.Typer(help="Agencies: departments of each party.", no_args_is_help=True, rich_markup_mode=None)


@agency_app.command("add")
@writes
def add(
    name: Annotated[str, typer.Argument(help="Full name, e.g. 'Sở Y tế tỉnh Hậu Giang'.")],
    party: Annotated[str, typer.Option("--party", help="The party the agency belongs to.")],
    slug: Annotated[Optional[str], typer.Option("--slug", help="Short name; generated from the name by default.")] = None,
) -> None:
    """Add an agency of a party."""
    from hoptac_cli.domain import register

    with session(write=True) as db:
        agency_id = register.add_agency(db, name, party_ref=party, slug=slug)
        row = register.agency(db, str(agency_id))
    done(t("msg.added", kind=t("kind.agency"), id=agency_id, name=row["name"], slug=row["slug"]))


@agency_app.command("list")
def list_(
    party: Annotated[Optional[str], typer.Option("--party", help="Only this party's agencies.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """List agencies."""
    from hoptac_cli.domain import register

    with session() as db:
        rows = register.find_agencies(db, party)
    emit(rows, AGENCIES, output_format(fmt, as_json), title=t("title.agencies"))


@agency_app.command("merge")
@writes
def merge(
    olds: Annotated[list[str], typer.Argument(metavar="OLD...", help="The agencies merged away.")],
    into: Annotated[str, typer.Option("--into", help="The agency that succeeds them.")],
    on: Annotated[str, typer.Option("--on", help="Date the merger takes effect, dd/mm/yyyy.")],
) -> None:
    """Record that agencies merged into another from a date; their history keeps its names."""
    from hoptac_cli.domain import mergers

    with session(write=True) as db:
        result = mergers.merge(db, "agency", olds, into=into, on=on)
    merged(result)


@agency_app.command("update")
@writes
def update(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="The agency to correct.")],
    name: Annotated[Optional[str], typer.Option("--name", help="The corrected name.")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="The corrected short name.")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="The party it really belongs to.")] = None,
    merged_on: Annotated[
        Optional[str], typer.Option("--merged-on", metavar="DATE", help="The corrected date of its merger.")
    ] = None,
) -> None:
    """Correct an agency's name, slug, party or merger date (kept in the history; undo takes it back)."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row, fields = corrections.update_agency(db, agency, name=name, slug=slug, party=party, merged_on=merged_on)
    done(t("msg.corrected", kind=t("kind.agency"), id=row["id"], slug=row["slug"], fields=fields_named(fields)))


@agency_app.command("unmerge")
@writes
def unmerge(agency: Annotated[str, typer.Argument(metavar="AGENCY", help="The agency recorded as merged by mistake.")]) -> None:
    """Remove a merger recorded by mistake: the agency stands on its own again."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        result = corrections.unmerge(db, "agency", agency)
    done(t("msg.unmerged", name=result["name"], from_=result["from"], date=result["date"]))


def add_commands(app: typer.Typer) -> None:
    app.add_typer(agency_app, name="agency")
