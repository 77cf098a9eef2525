"""``hoptac summary``: the consolidated period report for the Steering Committee (.md or .docx)."""


from typing import Annotated

import typer

from hoptac_cli.cli.common import AgreementOpt, ForceOpt, done, session
from hoptac_cli.i18n import t


def summary(
    period: Annotated[str, typer.Option("--period", "-p", help="The period reported on: 2022-H1, H1/2022, 2022.")],
    output: Annotated[str, typer.Option("--output", "-o", help="FILE.md or FILE.docx; - for Markdown on stdout.")],
    agreement: AgreementOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write the consolidated report (in Vietnamese): outline I–V and the annex table."""
    from hoptac_cli.domain.summary import build
    from hoptac_cli.render.document import choose_format, write
    from hoptac_cli.render.files import check_target

    check_target(output, force=force)
    choose_format(output)
    with session() as db:
        blocks = build(db, period, agreement)
    write(output, blocks, force=force)
    if output != "-":
        done(t("msg.summary_written", path=output))


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
