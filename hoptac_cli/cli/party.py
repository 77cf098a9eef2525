"""``hoptac party``: provinces and cities that sign agreements."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, done, merged, output_format, session, writes
from hoptac_cli.i18n import fields as fields_named
from hoptac_cli.i18n import t
from hoptac_cli.records import PARTIES
from hoptac_cli.render.output import emit

party_app = typer.Typer(help="Parties: provinces and cities.", no_args_is_help=True, rich_markup_mode=None)


@party_app.command("add")
@writes
def add(
    name: Annotated[str, typer.Argument(help="Full name, e.g. 'Hậu Giang'.")],
    kind: Annotated[str, typer.Option("--kind", help="province, city or other.")] = "province",
    slug: Annotated[Optional[str], typer.Option("--slug", help="Short name; generated from the name by default.")] = None,
) -> None:
    """Add a province or city."""
    from hoptac_cli.domain import register

    with session(write=True) as db:
        party_id = register.add_party(db, name, kind=kind, slug=slug)
        row = register.party(db, str(party_id))
    done(t("msg.added", kind=t("kind.party"), id=party_id, name=row["name"], slug=row["slug"]))


@party_app.command("list")
def list_(fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """List parties."""
    from hoptac_cli.domain import register

    with session() as db:
        rows = register.find_parties(db)
    emit(rows, PARTIES, output_format(fmt, as_json), title=t("title.parties"))


@party_app.command("merge")
@writes
def merge(
    olds: Annotated[list[str], typer.Argument(metavar="OLD...", help="The parties merged away.")],
    into: Annotated[str, typer.Option("--into", help="The party that succeeds them.")],
    on: Annotated[str, typer.Option("--on", help="Date the merger takes effect, dd/mm/yyyy.")],
) -> None:
    """Record that parties merged into another from a date; their history keeps its names."""
    from hoptac_cli.domain import mergers

    with session(write=True) as db:
        result = mergers.merge(db, "party", olds, into=into, on=on)
    merged(result)


@party_app.command("update")
@writes
def update(
    party: Annotated[str, typer.Argument(metavar="PARTY", help="The party to correct.")],
    name: Annotated[Optional[str], typer.Option("--name", help="The corrected name.")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="The corrected short name.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="province, city or other.")] = None,
    merged_on: Annotated[
        Optional[str], typer.Option("--merged-on", metavar="DATE", help="The corrected date of its merger.")
    ] = None,
) -> None:
    """Correct a party's name, slug, kind or merger date (kept in the history; undo takes it back)."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row, fields = corrections.update_party(db, party, name=name, slug=slug, kind=kind, merged_on=merged_on)
    done(t("msg.corrected", kind=t("kind.party"), id=row["id"], slug=row["slug"], fields=fields_named(fields)))


@party_app.command("unmerge")
@writes
def unmerge(party: Annotated[str, typer.Argument(metavar="PARTY", help="The party recorded as merged by mistake.")]) -> None:
    """Remove a merger recorded by mistake: the party stands on its own again."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        result = corrections.unmerge(db, "party", party)
    done(t("msg.unmerged", name=result["name"], from_=result["from"], date=result["date"]))


def add_commands(app: typer.Typer) -> None:
    app.add_typer(party_app, name="party")
