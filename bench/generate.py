"""A national-scale hoptac database: every pair of the 34 provinces with a cooperation programme.

    .venv/bin/python bench/generate.py OUT.db [--agreements 561] [--actions-per-sector 30]
                                              [--periods 10] [--seed 1] [--import-csv FILE.csv]

The file is created with hoptac's own migrations, so its schema is exactly hoptac's; the rows
are then generated in Python and bulk-inserted (one transaction per table, the secondary
indexes dropped during the load and rebuilt from their stored SQL afterwards). They respect
every rule hoptac applies when the same data is typed: folded search keys, period bounds from
``Period``, one current report per chain, revisions pointing at the version they replace,
submission dates inside the Decree 09 window and not after "today", indicator values that give
the progress, decisions recorded at reviews.

What it holds (N = 561 by default, every pair of the 34 provincial units since 01/07/2025):
each province's departments (sở), N agreements of 12 sectors with ``--actions-per-sector``
actions each (a few sectors left empty, as the article's industry sector), a lead agency and
partners from both sides, half-yearly reports with rising progress over ``--periods`` periods
(some missing, some late, some amended, some by a partner), indicator actions reporting
values, some actions late, some cancelled or paused and some due dates adjusted by a review,
and one review a year with a commendation. The last period is only partly reported
(``--final-share``); ``--import-csv`` writes the reports still missing for it as a department
file that ``hoptac report import`` accepts.

Dates lie after the reorganisation: programmes start in ``--start-year`` (2026), so run hoptac
on the file with ``HOPTAC_TODAY`` set to the date printed at the end (``bench_today``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import random
import sqlite3
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hoptac_cli.domain.periods import Period  # noqa: E402
from hoptac_cli.domain.text import fold  # noqa: E402


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, tuple):
        return tuple(_nfc(item) for item in value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    return value


#: the 34 provincial units from 01/07/2025 (Resolution 202/2025/QH15): name, kind, how agency
#: names write the place. The 11 not merged first, then the 23 formed by mergers.
PROVINCES = _nfc(
    [
        ("Hà Nội", "city"),
        ("Huế", "city"),
        ("Lai Châu", "province"),
        ("Điện Biên", "province"),
        ("Sơn La", "province"),
        ("Lạng Sơn", "province"),
        ("Quảng Ninh", "province"),
        ("Thanh Hóa", "province"),
        ("Nghệ An", "province"),
        ("Hà Tĩnh", "province"),
        ("Cao Bằng", "province"),
        ("Tuyên Quang", "province"),  # + Hà Giang
        ("Lào Cai", "province"),  # + Yên Bái
        ("Thái Nguyên", "province"),  # + Bắc Kạn
        ("Phú Thọ", "province"),  # + Vĩnh Phúc, Hòa Bình
        ("Bắc Ninh", "province"),  # + Bắc Giang
        ("Hưng Yên", "province"),  # + Thái Bình
        ("Hải Phòng", "city"),  # + Hải Dương
        ("Ninh Bình", "province"),  # + Hà Nam, Nam Định
        ("Quảng Trị", "province"),  # + Quảng Bình
        ("Đà Nẵng", "city"),  # + Quảng Nam
        ("Quảng Ngãi", "province"),  # + Kon Tum
        ("Gia Lai", "province"),  # + Bình Định
        ("Khánh Hòa", "province"),  # + Ninh Thuận
        ("Lâm Đồng", "province"),  # + Đắk Nông, Bình Thuận
        ("Đắk Lắk", "province"),  # + Phú Yên
        ("Thành phố Hồ Chí Minh", "city"),  # + Bình Dương, Bà Rịa - Vũng Tàu
        ("Đồng Nai", "province"),  # + Bình Phước
        ("Tây Ninh", "province"),  # + Long An
        ("Cần Thơ", "city"),  # + Sóc Trăng, Hậu Giang
        ("Vĩnh Long", "province"),  # + Bến Tre, Trà Vinh
        ("Đồng Tháp", "province"),  # + Tiền Giang
        ("Cà Mau", "province"),  # + Bạc Liêu
        ("An Giang", "province"),  # + Kiên Giang
    ]
)
assert len(PROVINCES) == 34

#: the usual departments and bodies of a province's People's Committee after 03/2025
AGENCIES = _nfc(
    [
        ("vp-ubnd", "Văn phòng Ủy ban nhân dân"),
        ("snv", "Sở Nội vụ"),
        ("stp", "Sở Tư pháp"),
        ("stc", "Sở Tài chính"),
        ("sct", "Sở Công Thương"),
        ("snnmt", "Sở Nông nghiệp và Môi trường"),
        ("sxd", "Sở Xây dựng"),
        ("skhcn", "Sở Khoa học và Công nghệ"),
        ("sgddt", "Sở Giáo dục và Đào tạo"),
        ("syt", "Sở Y tế"),
        ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
        ("sdttg", "Sở Dân tộc và Tôn giáo"),
        ("ttr", "Thanh tra"),
        ("bchqs", "Bộ Chỉ huy Quân sự"),
        ("ca", "Công an"),
    ]
)

#: the 12 sectors of the programme: name, slug, the departments that lead its actions, and what they do
SECTORS = _nfc(
    [
        (
            "Công nghiệp",
            "cong-nghiep",
            ("sct",),
            (
                "Liên kết phát triển cụm công nghiệp chế biến nông sản",
                "Phối hợp thu hút doanh nghiệp công nghiệp hỗ trợ",
                "Chia sẻ kinh nghiệm quản lý khu, cụm công nghiệp",
            ),
        ),
        (
            "Thương mại - dịch vụ",
            "thuong-mai-dich-vu",
            ("sct",),
            (
                "Phối hợp chống buôn lậu, hàng giả và gian lận thương mại",
                "Tổ chức phiên chợ hàng Việt và hội chợ liên tỉnh",
                "Kết nối tiêu thụ sản phẩm OCOP giữa hai địa phương",
            ),
        ),
        (
            "Nông nghiệp và phát triển nông thôn",
            "nong-nghiep-va-phat-trien-nong-thon",
            ("snnmt",),
            (
                "Liên kết sản xuất và bao tiêu nông sản chủ lực",
                "Phối hợp phòng, chống dịch bệnh trên cây trồng, vật nuôi",
                "Chuyển giao giống cây trồng chịu hạn, mặn",
            ),
        ),
        (
            "Quản lý hạ tầng đô thị, giao thông, tài nguyên và môi trường",
            "quan-ly-ha-tang-do-thi-giao-thong-tai-nguyen-va-moi-truong",
            ("sxd", "snnmt"),
            (
                "Đầu tư tuyến đường kết nối liên tỉnh",
                "Phối hợp quản lý vận tải hành khách liên tỉnh",
                "Quan trắc chất lượng nước trên lưu vực sông chung",
            ),
        ),
        (
            "Khoa học và công nghệ",
            "khoa-hoc-va-cong-nghe",
            ("skhcn",),
            (
                "Phối hợp thực hiện nhiệm vụ khoa học cấp tỉnh",
                "Chia sẻ dữ liệu sở hữu trí tuệ và chỉ dẫn địa lý",
                "Kết nối hệ sinh thái khởi nghiệp đổi mới sáng tạo",
            ),
        ),
        (
            "Thông tin và truyền thông",
            "thong-tin-va-truyen-thong",
            ("skhcn", "svhttdl"),
            (
                "Liên thông dữ liệu dịch vụ công trực tuyến",
                "Phối hợp tuyên truyền về chương trình hợp tác",
                "Bảo đảm an toàn thông tin hệ thống chính quyền số",
            ),
        ),
        (
            "Đào tạo phát triển nguồn nhân lực",
            "dao-tao-phat-trien-nguon-nhan-luc",
            ("sgddt", "snv"),
            ("Đào tạo nghề cho lao động nông thôn", "Bồi dưỡng cán bộ, công chức cấp xã", "Trao đổi giáo viên và học sinh giỏi"),
        ),
        (
            "Văn hóa - thể thao - du lịch",
            "van-hoa-the-thao-du-lich",
            ("svhttdl",),
            (
                "Xây dựng tour du lịch liên tỉnh",
                "Tổ chức ngày hội văn hóa, thể thao các dân tộc",
                "Quảng bá điểm đến du lịch chung",
            ),
        ),
        (
            "Y tế",
            "y-te",
            ("syt",),
            (
                "Phối hợp phòng, chống dịch bệnh truyền nhiễm vùng giáp ranh",
                "Chuyển giao kỹ thuật khám chữa bệnh tuyến tỉnh",
                "Phẫu thuật tim miễn phí cho trẻ em",
            ),
        ),
        (
            "Lao động - thương binh và xã hội",
            "lao-dong-thuong-binh-va-xa-hoi",
            ("snv",),
            (
                "Kết nối cung - cầu lao động giữa hai địa phương",
                "Phối hợp chăm lo gia đình chính sách",
                "Hỗ trợ người lao động di cư",
            ),
        ),
        (
            "Xúc tiến đầu tư, thương mại",
            "xuc-tien-dau-tu-thuong-mai",
            ("stc", "sct"),
            (
                "Tổ chức hội nghị xúc tiến đầu tư liên tỉnh",
                "Xây dựng danh mục dự án kêu gọi đầu tư chung",
                "Hỗ trợ doanh nghiệp tiếp cận thị trường",
            ),
        ),
        (
            "Quốc phòng - an ninh",
            "quoc-phong-an-ninh",
            ("bchqs", "ca"),
            (
                "Phối hợp bảo đảm an ninh trật tự vùng giáp ranh",
                "Diễn tập khu vực phòng thủ",
                "Trao đổi thông tin phòng, chống tội phạm",
            ),
        ),
    ]
)
assert len(SECTORS) == 12

INDICATORS = _nfc(
    [
        ("trẻ em", 20.0),
        ("đồng", 1_200_000_000.0),
        ("học viên", 400.0),
        ("doanh nghiệp", 50.0),
        ("lượt khách", 100_000.0),
        ("ha", 500.0),
        ("km", 12.0),
        ("hộ", 300.0),
    ]
)
RESULTS = _nfc(
    [
        "Đã tổ chức {n} cuộc họp liên ngành, thống nhất kế hoạch phối hợp trong kỳ.",
        "Triển khai {n} hoạt động phối hợp theo kế hoạch; kết quả bước đầu tích cực.",
        "Hoàn thành {n} nội dung trong kế hoạch năm; các nội dung còn lại đang triển khai.",
        "Hai bên trao đổi {n} đoàn công tác, chia sẻ kinh nghiệm và số liệu.",
        "Ký kết {n} văn bản phối hợp giữa các đơn vị trực thuộc.",
    ]
)
DIFFICULTIES = _nfc(
    [
        "Kinh phí bố trí chưa kịp thời.",
        "Thủ tục đầu tư, giải phóng mặt bằng kéo dài.",
        "Thiếu cán bộ chuyên trách theo dõi nội dung hợp tác.",
        "Sắp xếp bộ máy sau hợp nhất làm chậm tiến độ.",
        "Số liệu giữa hai bên chưa thống nhất.",
    ]
)
PROPOSALS = _nfc(
    [
        "Đề nghị Ban Chỉ đạo bố trí kinh phí bổ sung.",
        "Kiến nghị điều chỉnh thời hạn hoàn thành.",
        "Đề nghị hai tỉnh giao đầu mối theo dõi thống nhất.",
        "Đề nghị tổ chức họp chuyên đề tháo gỡ vướng mắc.",
    ]
)
CONCLUSIONS = _nfc(
    [
        "Hội nghị đánh giá các nội dung hợp tác cơ bản đạt tiến độ; thống nhất nhiệm vụ trọng tâm năm sau.",
        "Hội nghị ghi nhận kết quả tích cực, yêu cầu khắc phục các nội dung chậm tiến độ.",
    ]
)
REASONS = _nfc(
    [
        "Không còn phù hợp sau sắp xếp đơn vị hành chính.",
        "Trùng với nội dung của chương trình cấp vùng.",
        "Chưa bố trí được nguồn vốn.",
    ]
)
SURNAMES = _nfc(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"])
MIDDLE = _nfc(["Văn", "Thị", "Minh", "Hữu", "Quốc", "Thanh", "Ngọc", "Đức"])
GIVEN = _nfc(
    [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khánh",
        "Lâm",
        "Long",
        "Nam",
        "Phong",
        "Quang",
        "Sơn",
        "Thành",
        "Trung",
        "Tuấn",
        "Việt",
    ]
)

#: shares of the generated population (kept here so that the test and the notes agree)
EMPTY_SECTOR = 0.08  # an agreement leaves one sector without actions
START_LATER = 0.15  # an action starts one or two years after the programme
DUE_EARLY = 0.2  # an action is due before the programme ends
NO_DUE = 0.05
INDICATOR = 0.2
EXTRA_PARTNER = 0.1
CANCEL, PAUSE, ADJUST = 0.03, 0.03, 0.25  # ADJUST: of the actions due early, extended by a review
MISSING = 0.03  # a report not filed for an earlier period
BY_PARTNER = 0.08
LATE = 0.08
BEHIND = 0.08
REVISED = 0.05


def locality(name: str, kind: str) -> str:
    """How agency names and titles write the place: 'tỉnh Lai Châu', 'thành phố Huế'."""
    if name.startswith("Thành phố"):
        return name
    return f"{'thành phố' if kind == 'city' else 'tỉnh'} {name}"


def party_slug(name: str) -> str:
    return "tp-ho-chi-minh" if name == "Thành phố Hồ Chí Minh" else fold(name)


def periods_of(start_year: int, count: int) -> list[Period]:
    first = Period(start_year, "H", 1)
    found = [first]
    while len(found) < count:
        found.append(found[-1].next())
    return found


def end_year(start_year: int, periods: int) -> int:
    return start_year + max(1, -(-periods // 2)) - 1


def bench_today(start_year: int = 2026, periods: int = 10) -> dt.date:
    """The "today" to run hoptac with on the file: eight days after the last period's deadline
    (the 20th of its last month), so that the last period is the one ``status`` shows and the
    actions due at the programme's end are not yet overdue."""
    return periods_of(start_year, periods)[-1].deadline(20) + dt.timedelta(days=8)


@dataclass
class Generated:
    """What was written, for the caller (counts, a few names to benchmark with, the import file)."""

    path: str
    today: str
    start_year: int
    end_year: int
    final_period: str
    counts: dict[str, int] = field(default_factory=dict)
    agreement: str = ""  # a typical agreement's slug
    agency: str = ""  # a typical agency's slug (a Sở Y tế)
    sector: str = "y-te"
    import_csv: str | None = None
    import_rows: int = 0
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1)


def generate(
    path: Path,
    *,
    agreements: int = 561,
    actions_per_sector: int = 30,
    periods: int = 10,
    seed: int = 1,
    start_year: int = 2026,
    final_share: float = 0.4,
    import_csv: Path | None = None,
    import_rows: int = 100_000,
    progress: bool = False,
) -> Generated:
    """Write the database at ``path`` (which must not exist); return what was written."""
    from hoptac_cli.storage.db import create_db

    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise SystemExit(f"{path} exists; choose a new file")
    pairs = list(itertools.combinations(range(len(PROVINCES)), 2))
    if not 1 <= agreements <= len(pairs):
        raise SystemExit(f"--agreements must be between 1 and {len(pairs)} (every pair of the 34 provinces)")
    if periods < 2:
        raise SystemExit("--periods must be at least 2")
    rng = random.Random(seed)
    chosen = sorted(rng.sample(pairs, agreements)) if agreements < len(pairs) else pairs
    last_year = end_year(start_year, periods)
    today = bench_today(start_year, periods)
    spans = periods_of(start_year, periods)
    info = Generated(str(path), today.isoformat(), start_year, last_year, spans[-1].code)

    create_db(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("PRAGMA foreign_keys = OFF")  # checked once at the end (PRAGMA foreign_key_check)
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('actions', 'action_partners', 'action_events', 'reports')"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    # Triggers that keep derived tables in step with the loaded ones (a search index, say) would
    # fire once per row: they are dropped too, put back afterwards, and what they maintain is
    # rebuilt once by hoptac's own code (``refresh_derived``).
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")

    def load(table: str, columns: str, rows) -> None:
        marks = ", ".join("?" for _ in columns.split(","))
        conn.execute("BEGIN")
        cursor = conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        conn.execute("COMMIT")
        info.counts[table] = info.counts.get(table, 0) + cursor.rowcount
        if progress:
            print(f"  {table:16} {info.counts[table]:>10,} rows  {time.perf_counter() - started:7.1f} s", file=sys.stderr)

    day = _memo(lambda ordinal: dt.date.fromordinal(ordinal).isoformat())

    # parties and their agencies --------------------------------------------------------------
    load(
        "parties",
        "id, slug, name, search_key, kind",
        ((i + 1, party_slug(name), name, fold(name), kind) for i, (name, kind) in enumerate(PROVINCES)),
    )
    agency_id: dict[tuple[int, str], int] = {}
    agency_name: dict[int, str] = {}
    agency_slug: dict[int, str] = {}
    agency_rows = []
    for p, (name, kind) in enumerate(PROVINCES):
        for code, base in AGENCIES:
            new_id = len(agency_rows) + 1
            full = f"{base} {locality(name, kind)}"
            agency_id[(p, code)] = new_id
            agency_name[new_id] = full
            agency_slug[new_id] = f"{code}-{party_slug(name)}"
            agency_rows.append((new_id, p + 1, agency_slug[new_id], full, fold(full)))
    load("agencies", "id, party_id, slug, name, search_key", agency_rows)

    # agreements, parties, sectors, reviews ---------------------------------------------------
    agreement_rows, signatory_rows, sector_rows, review_rows, commendation_rows = [], [], [], [], []
    sector_of: list[tuple[int, int, int]] = []  # (sector id, agreement index, sector index)
    reviews_of: list[dict[int, tuple[int, str]]] = []  # per agreement: year → (review id, held_on)
    signed_from = dt.date(start_year - 1, 8, 1).toordinal()
    for g, (a, b) in enumerate(chosen):
        (name_a, kind_a), (name_b, kind_b) = PROVINCES[a], PROVINCES[b]
        title = (
            f"Chương trình hợp tác phát triển kinh tế - xã hội giữa {locality(name_a, kind_a)} và "
            f"{locality(name_b, kind_b)} giai đoạn {start_year}-{last_year}"
        )
        slug = f"{party_slug(name_a)}-{party_slug(name_b)}-{start_year}-{last_year}"
        agreement_rows.append((g + 1, slug, title, fold(title), start_year, last_year, day(signed_from + rng.randrange(150))))
        for position, (p, (name, kind)) in enumerate(((a, PROVINCES[a]), (b, PROVINCES[b])), start=1):
            person = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            signatory_rows.append((g + 1, p + 1, position, person, f"Chủ tịch UBND {locality(name, kind)}"))
        empty = rng.randrange(12) if rng.random() < EMPTY_SECTOR else None
        for s, (name, sector_slug, _, _) in enumerate(SECTORS):
            sector_id = len(sector_rows) + 1
            sector_rows.append((sector_id, g + 1, s + 1, sector_slug, name, fold(name)))
            if s != empty:
                sector_of.append((sector_id, g, s))
        years = {}
        for year in range(start_year, last_year + 1):
            review_id = len(review_rows) + 1
            held = f"{year}-12-{rng.randrange(5, 19):02d}"
            host = (a, b)[(year - start_year) % 2]
            kind = "tong-ket" if year == last_year else "so-ket"
            review_rows.append((review_id, g + 1, year, kind, host + 1, held, rng.choice(CONCLUSIONS)))
            years[year] = (review_id, held)
            name, host_kind = PROVINCES[host]
            form = f"Bằng khen của Chủ tịch UBND {'thành phố' if host_kind == 'city' else 'tỉnh'}"
            recipient = agency_name[agency_id[(rng.choice((a, b)), rng.choice(AGENCIES)[0])]]
            commendation_rows.append(
                (
                    review_id,
                    recipient,
                    "collective",
                    None,
                    host + 1,
                    form,
                    f"Quyết định số {rng.randrange(100, 3000)}/QĐ-UBND",
                    held,
                    "Có thành tích xuất sắc trong thực hiện chương trình hợp tác.",
                )
            )
        reviews_of.append(years)
    load("agreements", "id, slug, title, search_key, start_year, end_year, signed_on", agreement_rows)
    load("agreement_parties", "agreement_id, party_id, position, signatory_name, signatory_title", signatory_rows)
    load("sectors", "id, agreement_id, position, slug, name, search_key", sector_rows)
    load("reviews", "id, agreement_id, year, kind, host_party_id, held_on, conclusion", review_rows)
    load(
        "commendations",
        "review_id, recipient, recipient_kind, unit, party_id, form, decision, decided_on, reason",
        commendation_rows,
    )
    if progress:
        print(f"  (plan of {len(sector_of) * actions_per_sector:,} actions)", file=sys.stderr)

    # actions: the plan each one follows --------------------------------------------------------
    last_day = spans[-1].end
    period_index = {period.code: i for i, period in enumerate(spans)}
    plans = []  # one tuple per action, read by the report loop
    action_rows, partner_rows, event_rows = [], [], []
    for sector_id, g, s in sector_of:
        a, b = chosen[g]
        _, _, leads, phrases = SECTORS[s]
        signed = agreement_rows[g][6]
        for k in range(actions_per_sector):
            action_id = len(action_rows) + 1
            side, other = (a, b) if k % 2 == 0 else (b, a)
            code = leads[k // 2 % len(leads)]
            lead = agency_id[(side, code)]
            partners = [agency_id[(other, code)]]
            if rng.random() < EXTRA_PARTNER:
                extra = agency_id[(other, "stc")] if code != "stc" else agency_id[(side, "vp-ubnd")]
                if extra not in partners:
                    partners.append(extra)
            title = f"{phrases[k % len(phrases)]} (nội dung {k + 1})"
            start_index = 0
            if rng.random() < START_LATER:
                start_index = min(periods - 1, rng.choice((2, 4)))
            start_on = spans[start_index].start.isoformat()
            due_on = last_day.isoformat()
            roll = rng.random()
            if roll < NO_DUE:
                due_on = None
            elif roll < NO_DUE + DUE_EARLY:
                earliest = spans[start_index].year + 1
                due_year = rng.randrange(earliest, last_year) if earliest < last_year else last_year
                due_on = f"{due_year}-{rng.choice(('06-30', '12-31'))}"
            unit = target = baseline = None
            if rng.random() < INDICATOR:
                unit, target = rng.choice(INDICATORS)
                baseline = 0.0
            finish = rng.randrange(6, 17)  # periods (counted from its start) until done
            delay = 1 if rng.random() < 0.3 else 0
            recorded, stop = "not-started", None
            action_events = [(action_id, f"{signed} 08:00:00", "added", None, None, None, None, None)]
            roll = rng.random()
            if roll < CANCEL + PAUSE and last_year - start_year >= 2:
                year = rng.randrange(start_year + 1, last_year)
                stop_index = period_index[f"{year}-H1"]
                if start_index + finish > stop_index:  # not done when decided
                    recorded = "cancelled" if roll < CANCEL else "paused"
                    stop = stop_index
                    review_id, held = reviews_of[g][year]
                    action_events.append(
                        (
                            action_id,
                            f"{held} 09:00:00",
                            recorded,
                            "status",
                            "not-started",
                            recorded,
                            rng.choice(REASONS) if recorded == "cancelled" else None,
                            review_id,
                        )
                    )
            elif due_on and due_on < last_day.isoformat() and rng.random() < ADJUST:
                year = int(due_on[:4])
                review_id, held = reviews_of[g][year]
                new_due = last_day.isoformat()
                action_events.append(
                    (
                        action_id,
                        f"{held} 09:00:00",
                        "adjusted",
                        "due_on",
                        due_on,
                        new_due,
                        "Điều chỉnh thời hạn theo kết luận hội nghị sơ kết.",
                        review_id,
                    )
                )
                due_on = new_due
            plan_ref = (
                (
                    f"Kế hoạch số {rng.randrange(10, 400)}/KH-UBND ngày {rng.randrange(1, 28):02d}/"
                    f"{rng.randrange(1, 13):02d}/{start_year}"
                )
                if rng.random() < 0.6
                else None
            )
            action_rows.append(
                (action_id, sector_id, title, fold(title), lead, start_on, due_on, recorded, unit, baseline, target, plan_ref)
            )
            partner_rows.extend((action_id, partner) for partner in partners)
            event_rows.extend(action_events)
            due_index = (
                None
                if due_on is None
                else next((i for i, period in enumerate(spans) if period.end.isoformat() > due_on), periods)
            )
            plans.append(
                (
                    action_id,
                    lead,
                    partners[0],
                    start_index,
                    finish,
                    delay,
                    stop,
                    due_index,
                    target,
                    recorded,
                    title,
                    SECTORS[s][0],
                    unit,
                )
            )
    load(
        "actions",
        "id, sector_id, title, search_key, lead_agency_id, start_on, due_on, status, unit, baseline, target, plan_ref",
        action_rows,
    )
    load("action_partners", "action_id, agency_id", partner_rows)
    load("action_events", "action_id, at, kind, field, old_value, new_value, reason, review_id", event_rows)
    del action_rows, partner_rows, event_rows

    # reports, period by period as they arrive ---------------------------------------------------
    today_ordinal = today.toordinal()
    sources = {}
    owed_last: list[tuple] = []
    next_id = itertools.count(1)

    def reports():
        for i, period in enumerate(spans):
            code, start, end = period.code, period.start.isoformat(), period.end.isoformat()
            deadline = period.deadline(20).toordinal()
            opens = period.window[0].toordinal()
            last = i == periods - 1
            for plan in plans:
                action_id, lead, partner, start_index, finish, delay, stop, due_index, target, recorded = plan[:10]
                k = i - start_index
                if k < 0 or k > finish or (stop is not None and i > stop):
                    continue
                percent = 0.0 if k < delay else min(100.0, round(100 * (k + 1 - delay) / (finish + 1 - delay), 1))
                if last and rng.random() >= final_share:
                    if recorded == "not-started":
                        owed_last.append((plan, percent))
                    continue
                if not last and rng.random() < MISSING:
                    continue
                agency = partner if rng.random() < BY_PARTNER else lead
                source = sources.get((agency, code))
                if source is None:
                    source = sources[(agency, code)] = f"import: bao-cao-{agency_slug[agency]}-{code}.xlsx"
                submitted = deadline + rng.randrange(1, 41) if rng.random() < LATE else deadline - rng.randrange(0, 15)
                submitted = min(submitted, today_ordinal)
                late_action = due_index is not None and i >= due_index
                behind = late_action or rng.random() < BEHIND
                result = RESULTS[k % len(RESULTS)].format(n=k + 1)
                difficulty = rng.choice(DIFFICULTIES) if behind or rng.random() < 0.25 else None
                proposal = rng.choice(PROPOSALS) if difficulty and rng.random() < 0.6 else None
                if rng.random() < REVISED and percent >= 5:
                    first = max(opens, submitted - rng.randrange(5, 31))
                    rough, value = _figures(max(0.0, percent - 5), target)
                    first_id = next(next_id)
                    yield (
                        first_id,
                        action_id,
                        agency,
                        code,
                        start,
                        end,
                        1,
                        0,
                        None,
                        rough,
                        value,
                        _status(rough, behind),
                        result + " (số liệu sơ bộ)",
                        difficulty,
                        proposal,
                        day(first),
                        source,
                    )
                    percent, value = _figures(percent, target)
                    yield (
                        next(next_id),
                        action_id,
                        agency,
                        code,
                        start,
                        end,
                        2,
                        1,
                        first_id,
                        percent,
                        value,
                        _status(percent, behind),
                        result,
                        difficulty,
                        proposal,
                        day(submitted),
                        source,
                    )
                    continue
                percent, value = _figures(percent, target)
                yield (
                    next(next_id),
                    action_id,
                    agency,
                    code,
                    start,
                    end,
                    1,
                    1,
                    None,
                    percent,
                    value,
                    _status(percent, behind),
                    result,
                    difficulty,
                    proposal,
                    day(submitted),
                    source,
                )
            if progress:
                print(f"  reports of {code} generated  {time.perf_counter() - started:7.1f} s", file=sys.stderr)

    load(
        "reports",
        "id, action_id, agency_id, period, period_start, period_end, revision, is_current, supersedes_id, "
        "progress, value, status, result, difficulty, proposal, submitted_on, source",
        reports(),
    )
    info.counts["current_reports"] = conn.execute("SELECT count(*) FROM reports WHERE is_current = 1").fetchone()[0]

    for name, sql in indexes:
        conn.execute(sql)
        if progress:
            print(f"  index {name} rebuilt  {time.perf_counter() - started:7.1f} s", file=sys.stderr)
    for _, sql in triggers:
        conn.execute(sql)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise SystemExit(f"foreign key check failed: {problems[:5]}")
    conn.execute("PRAGMA foreign_keys = ON")
    refresh_derived(conn)
    if progress and triggers:
        print(
            f"  {len(triggers)} triggers restored, derived tables rebuilt  {time.perf_counter() - started:7.1f} s",
            file=sys.stderr,
        )
    conn.close()

    # a typical agreement (the middle one), and a Sở Y tế of a province in many of them
    info.agreement = agreement_rows[len(agreement_rows) // 2][1]
    counts = {}
    for a, b in chosen:
        counts[a] = counts.get(a, 0) + 1
        counts[b] = counts.get(b, 0) + 1
    busiest = max(counts, key=lambda p: (counts[p], -p))
    info.agency = f"syt-{party_slug(PROVINCES[busiest][0])}"
    if import_csv is not None:
        info.import_csv = str(import_csv)
        info.import_rows = write_import(Path(import_csv), owed_last[:import_rows], spans[-1], today, agency_name, rng)
    info.seconds = round(time.perf_counter() - started, 1)
    return info


def refresh_derived(conn: sqlite3.Connection) -> None:
    """Fill what later schema versions derive from the loaded rows, the way their migrations do:
    the day each action event was recorded (the event's own date), and the full-text search index
    (rebuilt by hoptac's ``storage.search`` where it exists)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(action_events)")}
    if "recorded_on" in columns:
        conn.execute("UPDATE action_events SET recorded_on = substr(at, 1, 10) WHERE recorded_on IS NULL")
    try:
        from hoptac_cli.storage import search
    except ImportError:
        return
    from sqlite_utils import Database

    db = Database(conn)
    if db["search_rows"].exists():
        conn.execute("BEGIN")
        search.rebuild(db)
        conn.execute("COMMIT")


def _memo(function):
    cache: dict = {}

    def cached(argument):
        found = cache.get(argument)
        if found is None:
            found = cache[argument] = function(argument)
        return found

    return cached


def _figures(percent: float, target: float | None) -> tuple[float, float | None]:
    """Progress and indicator value as ``report add --value`` derives them."""
    if target is None:
        return percent, None
    value = float(round(percent / 100 * target))
    return min(100.0, round(value / target * 100, 1)), value


def _status(progress: float, behind: bool) -> str:
    if progress <= 0:
        return "not-started"
    if progress >= 100:
        return "done"
    return "behind" if behind else "in-progress"


def write_import(path: Path, owed: list[tuple], period: Period, today: dt.date, names: dict[int, str], rng: random.Random) -> int:
    """The last period's missing reports as a department file (the template's columns, UTF-8 with BOM)."""
    from hoptac_cli.domain.importer import header
    from hoptac_cli.records import DEPARTMENT_ROW

    keys = list(DEPARTMENT_ROW.fields)
    deadline = period.deadline(20)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([header(key) for key in keys])
        for plan, percent in owed:
            action_id, lead, _, _, _, _, _, _, target, _, title, sector, unit = plan
            progress, value = _figures(percent, target)
            submitted = min(today, deadline + dt.timedelta(days=rng.randrange(-10, 30)))
            row = {
                "action_id": action_id,
                "period": period.code,
                "agency": names[lead],
                "action": title,
                "sector": sector,
                "unit": unit or "",
                "target": "" if target is None else f"{target:.0f}",
                "progress": "" if target is not None else f"{progress:g}".replace(".", ","),  # Vietnamese decimal mark
                "value": "" if target is None else f"{value:.0f}",
                "status": "",
                "result": RESULTS[0].format(n=rng.randrange(1, 6)),
                "difficulty": "",
                "proposal": "",
                "submitted": submitted.strftime("%d/%m/%Y"),
            }
            writer.writerow([row.get(key, "") for key in keys])  # a column this file does not fill stays empty
    return len(owed)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the database file to create (must not exist)")
    parser.add_argument("--agreements", type=int, default=561, help="how many province pairs (1-561; default 561)")
    parser.add_argument("--actions-per-sector", type=int, default=30)
    parser.add_argument("--periods", type=int, default=10, help="half-years of reports (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start-year", type=int, default=2026)
    parser.add_argument("--final-share", type=float, default=0.4, help="share of the last period already reported")
    parser.add_argument("--import-csv", type=Path, help="also write the last period's missing reports to this file")
    parser.add_argument("--import-rows", type=int, default=100_000)
    options = parser.parse_args(argv)
    info = generate(
        options.out,
        agreements=options.agreements,
        actions_per_sector=options.actions_per_sector,
        periods=options.periods,
        seed=options.seed,
        start_year=options.start_year,
        final_share=options.final_share,
        import_csv=options.import_csv,
        import_rows=options.import_rows,
        progress=True,
    )
    print(info.to_json())
    print(f"run hoptac on it with HOPTAC_TODAY={info.today}", file=sys.stderr)


if __name__ == "__main__":
    main()
