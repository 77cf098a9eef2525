"""``hoptac search``: find a text in actions, reports, review conclusions and commendations."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, output_format, session
from hoptac_cli.i18n import t
from hoptac_cli.records import SEARCH_DATA, SEARCH_HIT
from hoptac_cli.render.output import emit

#: an action's title longer than this is cut in the table (JSON and CSV keep it whole)
_WHERE_CHARS = 44


def search(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", help="Words to find; case, marks and đ/d do not matter ('duong tinh' finds 'Đường tỉnh')."
        ),
    ],
    agreement: AgreementOpt = None,
    sector: Annotated[Optional[str], typer.Option("--sector", "-s", help="Only this sector's actions and reports.")] = None,
    period: Annotated[
        Optional[str],
        typer.Option(
            "--period", "-p", help="Only reports of this period (2022-H1, 2022), and what was under way or decided in it."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="At most this many results, best first.")] = 50,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Search action titles, notes and plans, report results, difficulties and proposals, review
    conclusions and commendation reasons; best matches first, with the words found marked."""
    from hoptac_cli.domain import search as domain

    chosen = output_format(fmt, as_json)
    with session() as db:
        rows = domain.search(db, text, agreement=agreement, sector=sector, period=period, limit=limit)
    if chosen != "table":
        emit(rows, SEARCH_DATA, chosen)
        return
    _print(rows, text)


def _print(rows: list[dict], query: str) -> None:
    """The table, laid out by ``render.table`` for the terminal's width (words never cut), the
    words found in bold where the terminal shows colour."""
    from hoptac_cli.render.output import console
    from hoptac_cli.render.status import shorten
    from hoptac_cli.render.table import COMFORT, Spec, build

    out = console()
    if not rows:
        out.print(t("search.nothing", query=query), markup=False)
        return
    styled = out.is_terminal and not out.no_color
    specs = [
        Spec(t(SEARCH_HIT.header("rank")), "right", wrap=False),
        Spec(t(SEARCH_HIT.header("what_label"))),
        Spec(t(SEARCH_HIT.header("where_label")), comfort=COMFORT + 8, ratio=2),
        Spec(t(SEARCH_HIT.header("period_label"))),
        Spec(t(SEARCH_HIT.header("snippet")), comfort=COMFORT + 24, ratio=4),
    ]
    cells = [
        [
            str(row["rank"]),
            t(f"search.field.{row['kind']}.{row['field']}"),
            shorten(_where(row), _WHERE_CHARS),
            _when(row),
            highlighted(row["snippet"], styled),
        ]
        for row in rows
    ]
    out.print(build(specs, cells, out.width))
    out.print(t("search.count", count=len(rows), query=query), markup=False)


def _where(row: dict) -> str:
    """The action a hit belongs to (``#3 title``), else its review, with a commendation's recipient."""
    from hoptac_cli.domain.reviews import label

    if row["kind"] in ("action", "report"):
        return f"#{row['action_id']} {row['action']}"
    review = label({"kind": row["review_kind"], "year": row["review_year"], "id": row["review_id"]})
    return f"{row['recipient']} — {review}" if row["kind"] == "commendation" else review


def _when(row: dict) -> str:
    """A report's period in words, an action's dates (… for one not set), a review's date (else its year)."""
    from hoptac_cli.domain.dates import show_date
    from hoptac_cli.render.output import display, show_period

    if row["kind"] == "report":
        return show_period(row["period"])
    if row["kind"] == "action":
        return display(f"{row['date_from'] or ''}/{row['date_to'] or ''}", "interval")
    return show_date(row["date_from"]) or str(row["review_year"])


def highlighted(snippet: str, styled: bool):  # type: ignore[no-untyped-def]
    """The snippet with its ``**marked**`` words in bold yellow; the marks stay where there is no
    colour, so that a plain terminal or a file still shows what matched."""
    from rich.text import Text

    from hoptac_cli.domain.search import MARK

    if not styled:
        return Text(snippet)
    text = Text()
    for index, part in enumerate(snippet.split(MARK)):
        text.append(part, style="bold yellow" if index % 2 else "")
    return text


def add_commands(app: typer.Typer) -> None:
    app.command("search")(search)
