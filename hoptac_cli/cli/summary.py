"""``hoptac summary``: the consolidated period report for the Steering Committee (.md or .docx)."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, ForceOpt, done, session, warn
from hoptac_cli.cli.settings import (
    OPTION_NAMES,
    ArchiveOpt,
    AuthorityOpt,
    DateOpt,
    GoverningOpt,
    IssuingOpt,
    NumberOpt,
    PatternOpt,
    PlaceOpt,
    RecipientOpt,
    SignerNameOpt,
    SignerTitleOpt,
    overrides,
)
from hoptac_cli.i18n import t


def summary(
    period: Annotated[str, typer.Option("--period", "-p", help="The period reported on: 2022-H1, H1/2022, 2022.")],
    output: Annotated[str, typer.Option("--output", "-o", help="FILE.md or FILE.docx; - for Markdown on stdout.")],
    agreement: AgreementOpt = None,
    number: NumberOpt = None,
    date: DateOpt = None,
    subject: Annotated[Optional[str], typer.Option("--subject", help="The summary line (trích yếu) under 'BÁO CÁO'.")] = None,
    governing_body: GoverningOpt = None,
    issuing_body: IssuingOpt = None,
    place: PlaceOpt = None,
    number_pattern: PatternOpt = None,
    signer_authority: AuthorityOpt = None,
    signer_title: SignerTitleOpt = None,
    signer_name: SignerNameOpt = None,
    recipients: RecipientOpt = None,
    archive: ArchiveOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write the consolidated report (in Vietnamese, Decree 30/2020 layout): heading, outline I–V,
    signature, recipients and the annex. Who issues it comes from 'hoptac settings' and the
    agreement; the options here override them for this document."""
    from hoptac_cli.domain.summary import build
    from hoptac_cli.render.document import choose_format, write
    from hoptac_cli.render.files import check_target

    check_target(output, force=force)
    choose_format(output)
    given = overrides(
        governing_body=governing_body,
        issuing_body=issuing_body,
        place=place,
        number_pattern=number_pattern,
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
        recipients=recipients,
        archive=archive,
    )
    with session() as db:
        document = build(
            db, period, agreement, overrides=given, number=number, date=date, subject=subject, option_names=OPTION_NAMES
        )
    write(output, document, force=force)
    if document.issuer.missing:
        warn(t("warn.settings_missing", keys=", ".join(document.issuer.missing)))
    if output != "-":
        done(t("msg.summary_written", path=output))


def add_commands(app: typer.Typer) -> None:
    app.command("summary")(summary)
