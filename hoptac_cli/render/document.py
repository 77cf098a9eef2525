"""Documents from the block model of ``domain.summary``: Markdown and .docx say the same thing."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from hoptac_cli.domain.summary import Block
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

FORMATS = ("md", "docx")


def choose_format(target: str) -> str:
    """From the file's extension; ``-`` is Markdown on stdout."""
    if target == "-":
        return "md"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "md"
    if suffix not in FORMATS:
        raise HoptacError(t("err.summary_extension", value=target, accepted=", ".join(f".{f}" for f in FORMATS)))
    return suffix


def write(target: str, blocks: list[Block], *, force: bool = False) -> None:
    """Write the document to ``target`` safely (``render.files``); nothing is left behind if it fails."""
    from hoptac_cli.render import files

    files.check_target(target, force=force)
    chosen = choose_format(target)
    with files.output(target, force=force) as stream:
        if chosen == "md":
            stream.write(markdown(blocks).encode("utf-8"))
        else:
            _docx(blocks, stream)


# Markdown ------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            lines += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif block.kind == "paragraph":
            lines += [f"*{block.text}*" if block.note else block.text, ""]
        elif block.kind == "bullets":
            lines += [f"- {item}" for item in block.items] + [""]
        elif block.kind == "table":
            lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines)


# .docx ---------------------------------------------------------------------------------------

def _docx(blocks: list[Block], stream: IO[bytes]) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for block in blocks:
        if block.kind == "heading":
            heading = document.add_heading(block.text, level=block.level)
            if block.level == 0:
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "paragraph":
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).italic = block.note
        elif block.kind == "bullets":
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif block.kind == "landscape":
            section = document.add_section()
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        elif block.kind == "table":
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, block.headers):
                cell.text = ""
                cell.paragraphs[0].add_run(header).bold = True
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
    document.save(stream)
