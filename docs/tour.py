"""Regenerate the README's tour of the sample programme, in English and in Vietnamese.

Every example is a real run of the installed ``hoptac`` on a fresh ``init --sample`` database,
with ``HOPTAC_TODAY=2026-11-25`` (so that "overdue" and the default period do not move), no
colour and a terminal 100 columns wide (the first ``status`` also at 80).

In README.md, the English tour is prose written by hand around generated blocks: each
``<!-- tour:en:NAME -->`` … ``<!-- /tour -->`` holds the runs of step NAME below (a marker
missing from the README is reported, not added). The Vietnamese tour, between
``<!-- tour:vi -->`` and ``<!-- /tour -->``, is generated whole, prose included.

    .venv/bin/python docs/tour.py            # rewrite README.md
    .venv/bin/python docs/tour.py --check    # exit 1 if README.md is not what the tour prints now

Run it again after a change to what any of these commands print.
"""

from __future__ import annotations

import csv
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
END = "<!-- /tour -->"
TODAY = "2026-11-25"
WIDTH = 100


def hoptac() -> str:
    """The ``hoptac`` installed next to this Python (the project's .venv)."""
    candidate = Path(sys.executable).parent / "hoptac"
    return str(candidate) if candidate.exists() else "hoptac"


class Session:
    """Runs commands on one fresh sample database in a scratch folder, as a user would type them."""

    def __init__(self, folder: Path, lang: str):
        self.folder, self.lang = folder, lang
        self.env = {
            **{key: value for key, value in os.environ.items() if key not in ("HOPTAC_LANG", "LC_ALL", "LANG", "FORCE_COLOR")},
            "HOPTAC_DB": str(folder / "demo.db"),
            "HOPTAC_TODAY": TODAY,
            "HOPTAC_LANG": lang,
            "NO_COLOR": "1",
            "COLUMNS": str(WIDTH),
            "TERMINAL_WIDTH": str(WIDTH),
        }
        self.run("init", "--sample", show=False)

    def run(self, *args: str, width: int = WIDTH, note: str = "", show: bool = True) -> str:
        env = {**self.env, "COLUMNS": str(width), "TERMINAL_WIDTH": str(width)}
        done = subprocess.run(
            [hoptac(), *args], cwd=self.folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        if not show:
            return ""
        typed = "hoptac " + " ".join(shlex.quote(arg) for arg in args)
        lines = [f"$ {typed}{'   # ' + note if note else ''}"]
        lines += [line.rstrip() for line in done.stdout.rstrip("\n").splitlines()]
        return "\n".join(lines)


class Block(str):
    """A fenced block of runs, named for its place in the English tour."""

    name: str


def block(name: str, *runs: str) -> Block:
    text = Block("```\n" + "\n\n".join(runs) + "\n```")
    text.name = name
    return text


def fill(path: Path, progress: dict[int, str]) -> None:
    """Fill in a department file as the department would: the progress column of each row."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    column = header.index("Tiến độ (%)")
    for number, value in progress.items():
        rows[number][column] = value
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)


# the tour, step by step -----------------------------------------------------------------------
# The Vietnamese tour is written whole from here; the English prose lives in README.md, written by
# hand around the blocks, and is kept beside the Vietnamese below as the text it translates.


def tour(s: Session) -> list[str]:
    vi = s.lang == "vi"

    def say(english: str, vietnamese: str) -> str:
        return vietnamese if vi else english

    parts = [
        say("### How far is each sector?", "### Tiến độ từng lĩnh vực"),
        block("status", s.run("status")),
        say(
            "The industry sector has no actions: the article's own complaint, visible at a glance. On an "
            "80-column terminal the same table drops nothing but words: status counts become one compact cell "
            "explained under the table, and long sector names wrap at spaces:",
            "Lĩnh vực công nghiệp chưa có nhiệm vụ nào — đúng hạn chế bài báo nêu, thấy ngay. Trên màn hình "
            "80 cột, bảng vẫn đủ thông tin: số nhiệm vụ theo tình trạng gọn trong một ô (ký hiệu giải thích "
            "dưới bảng), tên lĩnh vực dài xuống dòng đúng chỗ khoảng trắng:",
        ),
        block("status-80", s.run("status", width=80, note=say("an 80-column terminal", "màn hình 80 cột"))),
        say(
            'One sector in detail (`--sector` takes a slug, an id or the name typed any way: `y-te`, `"Y TẾ"`, '
            '`"y te"`); a due date every action shares is said once, under the table:',
            "Chi tiết một lĩnh vực (`--sector` nhận tên ngắn, mã hoặc tên gõ kiểu nào cũng được: `y-te`, "
            '`"Y TẾ"`, `"y te"`); hạn hoàn thành chung của mọi nhiệm vụ được ghi một lần dưới bảng:',
        ),
        block("sector", s.run("status", "--sector", "giao thông")),
        say(
            "Actions can be listed by agreement, sector, status, agency (lead or partner, the agency's "
            "predecessors included) and `--overdue`:",
            "Liệt kê nhiệm vụ theo chương trình, lĩnh vực, tình trạng, cơ quan (chủ trì hoặc phối hợp, kể cả "
            "các cơ quan trước khi sáp nhập) và `--overdue` (quá hạn):",
        ),
        block("actions", s.run("action", "list", "--agency", "sở xây dựng an giang")),
        say("### Periodic reports", "### Báo cáo định kỳ"),
        say(
            "A confirmation is one line on stdout naming what was created (`--quiet` silences it); notes and "
            "errors go to stderr. Without `--period`, a report is for the current reporting period, and hoptac "
            "says which.",
            "Mỗi lần ghi in một dòng xác nhận (stdout) kèm mã vừa tạo (`--quiet` để tắt); ghi chú và lỗi in ra "
            "stderr. Không ghi `--period` thì báo cáo thuộc kỳ báo cáo hiện tại, và hoptac nói rõ kỳ nào.",
        ),
        block(
            "reports",
            s.run(
                "report",
                "add",
                "--action",
                "22",
                "-p",
                "2025-H2",
                "--progress",
                "80",
                "--submitted",
                "18/12/2025",
                "--result",
                "Đã trao đổi thông tin tuyển dụng 2 đợt",
            ),
            s.run("report", "add", "--action", "22", "-p", "2025-H2", "--progress", "90"),
            s.run("report", "add", "--action", "22", "--progress", "100", "--status", "đã hoàn thành", "--amend"),
            s.run("report", "add", "--action", "1", "-p", "2025-H2", "--progress", "40", "--status", "done"),
        ),
        say(
            "`report show ID` prints a report with its revision history; `report list` filters by agreement, "
            "sector, period and agency (`--revisions` adds superseded versions). For actions with an indicator "
            "(`--unit em --target 20`), `--value 12` gives the achieved amount and the progress is derived from it.",
            "`report show MÃ` in một báo cáo cùng các lần sửa; `report list` lọc theo chương trình, lĩnh vực, kỳ "
            "và cơ quan (`--revisions` thêm các bản đã được thay thế). Với nhiệm vụ có chỉ tiêu (`--unit em "
            "--target 20`), `--value 12` ghi giá trị đạt được và tiến độ được tính từ đó.",
        ),
        say(
            "**Who has not reported?** The list the planning department sends reminders from, grouped by the "
            "agency that answers for the action now (merged departments under their successor):",
            "**Ai chưa báo cáo?** Danh sách để sở đôn đốc, nhóm theo cơ quan chịu trách nhiệm hiện nay (các sở "
            "đã sáp nhập nằm dưới cơ quan tiếp nhận):",
        ),
        block("missing", s.run("report", "missing", "-p", "2025-H2")),
        say(
            "**Department files.** Each agency gets a fill-in file (CSV with a BOM so that Excel on Windows reads "
            "the diacritics, or XLSX), fills it in, and sends it back:",
            "**Tệp gửi các sở.** Mỗi cơ quan nhận một tệp mẫu (CSV có BOM để Excel trên Windows đọc đúng dấu, "
            "hoặc XLSX), điền rồi gửi lại:",
        ),
    ]
    template = s.run("report", "template", "-p", "2025-H2", "--agency", "sở xây dựng an giang", "-o", "xd.csv")
    fill(s.folder / "xd.csv", {1: "30", 2: "150"})
    refused = s.run("report", "import", "xd.csv", note=say("one row says 150%", "một dòng ghi 150%"))
    fill(s.folder / "xd.csv", {2: "100"})
    imported = s.run("report", "import", "xd.csv", note=say("after fixing it", "sau khi sửa"))
    again = s.run(
        "--quiet",
        "report",
        "import",
        "xd.csv",
        note=say("sent twice by mistake; --quiet: no confirmation", "gửi trùng; --quiet: không in dòng xác nhận"),
    )
    parts += [
        block("files", template, refused, imported, again),
        say(
            "An import is all or nothing; `--dry-run` only validates; `--amend` replaces reports already filed "
            "(keeping the old versions).",
            "Nhập tệp theo nguyên tắc tất cả hoặc không gì; `--dry-run` chỉ kiểm tra; `--amend` thay các báo cáo "
            "đã có (vẫn lưu bản cũ).",
        ),
        say("### Exports and the consolidated report", "### Xuất dữ liệu và báo cáo tổng hợp"),
        block(
            "exports",
            s.run("export", "actions", "-o", "nhiem-vu.xlsx"),
            s.run("summary", "-p", "2025-H2", "-o", "bao-cao.docx"),
        ),
        say("### Review meetings, adjustments, commendations", "### Hội nghị sơ kết, tổng kết; điều chỉnh; khen thưởng"),
        block(
            "reviews",
            s.run("review", "add", "--year", "2024", "--host", "kien-giang", "--held", "18/12/2024"),
            s.run("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "19/12/2025"),
            s.run("action", "update", "9", "--due", "30/06/2026", "--review", "1", "--reason", "Chờ bố trí vốn"),
            s.run(
                "commend",
                "add",
                "--review",
                "2",
                "--recipient",
                "Sở Xây dựng tỉnh An Giang",
                "--collective",
                "--form",
                "bang khen chu tich tinh",
                "--decision",
                "Số 123/QĐ-UBND",
                "--date",
                "19/12/2025",
            ),
            s.run("commend", "list"),
            s.run("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025", "--review", "2"),
        ),
        say(
            "`action show 9` lists every change with the review that decided it. `action cancel`, `action pause` "
            "and `action resume` record the other decisions; `review show` lists everything a review changed.",
            "`action show 9` liệt kê mọi thay đổi cùng hội nghị đã quyết định. `action cancel`, `action pause` và "
            "`action resume` ghi các quyết định khác; `review show` liệt kê mọi thay đổi của một hội nghị.",
        ),
        say("### The 2025 reorganisation", "### Sắp xếp đơn vị hành chính năm 2025"),
        block("parties", s.run("party", "list")),
        say("### Mistakes are refused, and nothing is written", "### Nhập sai thì bị từ chối, không ghi gì"),
        block(
            "mistakes",
            s.run("action", "add", "Nhiệm vụ mới", "--sector", "y te", "--lead", "syt-hg", "--due", "31/02/2026"),
            s.run("report", "add", "--action", "5", "-p", "2022-H3", "--progress", "10"),
            s.run("action", "list", "--sector", "y tee"),
            s.run(
                "commend",
                "add",
                "--review",
                "2",
                "--recipient",
                "Sở Giao thông vận tải tỉnh Kiên Giang",
                "--collective",
                "--form",
                "Bằng khen",
                "--date",
                "19/12/2025",
            ),
            s.run("report", "add", "--action", "5", "--progres", "10"),
        ),
    ]
    parts += [
        say("### Finding a text in every report", "### Tìm một nội dung trong mọi báo cáo"),
        say(
            "Type the way people type: case, marks and đ/d do not matter.",
            'Gõ thế nào cũng được: chữ hoa, dấu và đ/d không quan trọng (`cau cai tu` tìm được "cầu Cái Tư").',
        ),
        block("search", s.run("search", "cau cai tu")),
    ]
    if vi:
        parts += [
            "Phần trợ giúp `--help` của mọi lệnh cũng bằng tiếng Việt:",
            block("help", s.run("report", "add", "--help")),
        ]
    return parts


INTRO_VI = (
    "Mọi ví dụ dưới đây là lệnh chạy thật trên `hoptac init --sample`, với `HOPTAC_TODAY=2026-11-25` để ngày "
    "không đổi (hoptac dùng ngày hôm nay để tính quá hạn và kỳ báo cáo mặc định), màn hình rộng 100 cột, giao "
    "diện tiếng Việt (`export HOPTAC_LANG=vi`, hoặc `--lang vi` trước lệnh, hoặc máy đặt ngôn ngữ tiếng Việt): "
    "thông báo, tiêu đề bảng, tình trạng, kỳ báo cáo, số và phần trợ giúp `--help`."
)


def generate() -> tuple[dict[str, str], str]:
    """The English blocks by name, and the whole Vietnamese tour."""
    with tempfile.TemporaryDirectory() as english, tempfile.TemporaryDirectory() as vietnamese:
        en = tour(Session(Path(english), "en"))
        vi = tour(Session(Path(vietnamese), "vi"))
    blocks = {part.name: str(part) for part in en if isinstance(part, Block)}
    return blocks, "\n\n".join(["## Tham quan chương trình mẫu bằng tiếng Việt", INTRO_VI, *vi])


def fill_in(text: str, blocks: dict[str, str], vietnamese: str) -> tuple[str, list[str]]:
    """README text with every marked block replaced; and the names of blocks it has no marker for."""
    missing = []
    for name, content in [*blocks.items(), ("vi", vietnamese)]:
        marker = f"<!-- tour:en:{name} -->" if name != "vi" else "<!-- tour:vi -->"
        if marker not in text:
            missing.append(marker)
            continue
        head, rest = text.split(marker, 1)
        _, tail = rest.split(END, 1)
        text = f"{head}{marker}\n{content}\n{END}{tail}"
    return text, missing


def main() -> int:
    text = README.read_text(encoding="utf-8")
    blocks, vietnamese = generate()
    new, missing = fill_in(text, blocks, vietnamese)
    for marker in missing:
        if marker != "<!-- tour:en:help -->":
            print(f"README.md has no {marker}: that part of the tour was not written", file=sys.stderr)
    if "--check" in sys.argv[1:]:
        if new != text:
            print("README.md's tour is out of date: run .venv/bin/python docs/tour.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
