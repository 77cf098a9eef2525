"""Parsing and folding of the values users type: text, dates, numbers, statuses, references."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoptac_cli.domain.dates import parse_date, show_date
from hoptac_cli.domain.numbers import parse_number, show_number
from hoptac_cli.domain.refs import resolve
from hoptac_cli.domain.statuses import STATUSES, parse_status
from hoptac_cli.domain.text import fold, nfc, slugify
from hoptac_cli.errors import HoptacError


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Y tế", "y-te"),
        ("Thương mại - dịch vụ", "thuong-mai-dich-vu"),
        ("Đào tạo phát triển nguồn nhân lực", "dao-tao-phat-trien-nguon-nhan-luc"),
        (
            "Quản lý hạ tầng đô thị, giao thông, tài nguyên và môi trường",
            "quan-ly-ha-tang-do-thi-giao-thong-tai-nguyen-va-moi-truong",
        ),
        ("Văn hóa - thể thao - du lịch", "van-hoa-the-thao-du-lich"),
        ("Văn hoá - thể thao - du lịch", "van-hoa-the-thao-du-lich"),
        ("  QUỐC PHÒNG - AN NINH ", "quoc-phong-an-ninh"),
    ],
)
def test_slugs_from_vietnamese_names(name, slug):
    assert slugify(name) == slug


def test_hoa_spellings_and_decomposed_text_fold_alike():
    decomposed = unicodedata.normalize("NFD", "Hòa")
    assert fold("hòa") == fold("hoà") == fold(decomposed) == "hoa"
    assert nfc(decomposed) == "Hòa" and len(nfc(decomposed)) == 3


@given(st.text())
def test_fold_is_ascii_and_idempotent(text):
    key = fold(text)
    assert key.isascii()
    assert fold(key) == key
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("text", ["31/12/2025", "2025-12-31", "31.12.2025", "31-12-2025"])
def test_dates_in_both_forms(text):
    assert parse_date(text) == dt.date(2025, 12, 31)


@pytest.mark.parametrize("text", ["31/02/2022", "2022-02-30", "12/2025", "hôm nay", "", "2025/12/31"])
def test_bad_dates_are_refused(text):
    with pytest.raises(HoptacError) as error:
        parse_date(text, option="--due")
    assert "--due" in error.value.message


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_shown_dates_parse_back(day):
    assert parse_date(show_date(day)) == day
    assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize(
    "text, value",
    [
        ("20", 20),
        ("1,2", 1.2),
        ("1.500", 1500),
        ("1.200.000.000", 1_200_000_000),
        ("1 200 000", 1_200_000),
        ("1.200.000,5", 1_200_000.5),
    ],
)
def test_numbers_as_typed(text, value):
    assert parse_number(text, option="--target") == value


@pytest.mark.parametrize("text", ["hai mươi", "1,2,", "", "12a", "1.5", "1,200,000"])
def test_bad_numbers_are_refused(text):
    with pytest.raises(HoptacError):
        parse_number(text, option="--target")


def test_numbers_shown_in_each_language():
    assert show_number(1_200_000_000, "vi") == "1.200.000.000"
    assert show_number(1_200_000_000, "en") == "1,200,000,000"
    assert show_number(1.25, "vi") == "1,25"


@pytest.mark.parametrize(
    "text, code",
    [
        ("done", "done"),
        ("Đã hoàn thành", "done"),
        ("dang-thuc-hien", "in-progress"),
        ("ĐANG THỰC HIỆN", "in-progress"),
        ("chậm tiến độ", "behind"),
        ("hủy bỏ", "cancelled"),
        ("huỷ bỏ", "cancelled"),
        ("tạm dừng", "paused"),
    ],
)
def test_statuses_in_both_languages(text, code):
    assert parse_status(text) == code


def test_unknown_status_lists_accepted():
    with pytest.raises(HoptacError) as error:
        parse_status("xong rồi")
    assert all(status in error.value.message for status in STATUSES)


SECTORS = [
    {"id": i, "slug": slugify(name), "name": name, "search_key": fold(name)}
    for i, name in enumerate(
        [
            "Công nghiệp",
            "Thương mại - dịch vụ",
            "Quản lý hạ tầng đô thị, giao thông, tài nguyên và môi trường",
            "Y tế",
            "Xúc tiến đầu tư, thương mại",
            "Văn hóa - thể thao - du lịch",
        ],
        start=1,
    )
]


@pytest.mark.parametrize(
    "typed, slug",
    [
        ("y-te", "y-te"),
        ("Y tế", "y-te"),
        ("y te", "y-te"),
        ("Y TẾ", "y-te"),
        (unicodedata.normalize("NFD", "Y tế"), "y-te"),
        ("4", "y-te"),
        ("giao-thong", "quan-ly-ha-tang-do-thi-giao-thong-tai-nguyen-va-moi-truong"),
        ("cong", "cong-nghiep"),
        ("văn hoá", "van-hoa-the-thao-du-lich"),
        ("xúc tiến", "xuc-tien-dau-tu-thuong-mai"),
    ],
)
def test_loose_references(typed, slug):
    assert resolve(typed, SECTORS, kind="sector")["slug"] == slug


def test_ambiguous_reference_lists_candidates():
    with pytest.raises(HoptacError) as error:
        resolve("mại", SECTORS, kind="sector")
    assert "thuong-mai-dich-vu" in error.value.message and "xuc-tien-dau-tu-thuong-mai" in error.value.message


def test_unknown_reference_suggests_closest():
    with pytest.raises(HoptacError) as error:
        resolve("y-tee", SECTORS, kind="sector")
    assert "y-te" in error.value.message


def test_words_in_any_order_find_an_agency():
    agencies = [
        {"id": i, "slug": slug, "name": name, "search_key": fold(name)}
        for i, (slug, name) in enumerate(
            [
                ("sxd-ag", "Sở Xây dựng tỉnh An Giang"),
                ("sxd-ct", "Sở Xây dựng thành phố Cần Thơ"),
                ("syt-ag", "Sở Y tế tỉnh An Giang"),
            ],
            start=1,
        )
    ]
    assert resolve("sở xây dựng an giang", agencies, kind="agency")["slug"] == "sxd-ag"
    assert resolve("an giang xây dựng", agencies, kind="agency")["slug"] == "sxd-ag"
    with pytest.raises(HoptacError) as error:
        resolve("sở an giang", agencies, kind="agency")
    assert "sxd-ag" in error.value.message and "syt-ag" in error.value.message
