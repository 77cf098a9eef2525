"""Reporting periods: every accepted form, every rejection, spans, Decree 09 windows, deadlines."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoptac_cli.domain.periods import Period, latest_closed, parse_cadence, parse_period, periods_between, previous
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import set_lang


@pytest.mark.parametrize(
    "text, code",
    [
        ("2022-H1", "2022-H1"),
        ("2022H1", "2022-H1"),
        ("2022h2", "2022-H2"),
        ("H1/2022", "2022-H1"),
        ("H1-2022", "2022-H1"),
        ("h2/2022", "2022-H2"),
        ("2022-Q3", "2022-Q3"),
        ("Q4/2022", "2022-Q4"),
        ("2022", "2022"),
        ("6 tháng đầu năm 2022", "2022-H1"),
        ("6 THÁNG CUỐI NĂM 2022", "2022-H2"),
        ("6 tha\u0301ng cuô\u0301i năm 2022", "2022-H2"),  # decomposed (NFD) input
        ("Quý III/2022", "2022-Q3"),
        ("năm 2023", "2023"),
    ],
)
def test_every_accepted_form(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize(
    "text", ["2022-H3", "H1", "2022-13", "2022-Q5", "2022-Q0", "22-H1", "", "H1/22", "2022-H", "0202-H1", "2022/2023"]
)
def test_rejections_name_the_accepted_forms(text):
    with pytest.raises(HoptacError) as refused:
        parse_period(text)
    assert "2022-H1" in refused.value.message and "H1/2022" in refused.value.message


def test_span_window_and_deadline():
    h1, h2, q3, year = (parse_period(p) for p in ("2022-H1", "2022-H2", "2022-Q3", "2022"))
    assert (h1.start, h1.end) == (dt.date(2022, 1, 1), dt.date(2022, 6, 30))
    assert (q3.start, q3.end) == (dt.date(2022, 7, 1), dt.date(2022, 9, 30))
    assert (year.start, year.end) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    # Decree 09/2019 Art. 12: 15th before the span to the 14th of its last month
    assert h1.window == (dt.date(2021, 12, 15), dt.date(2022, 6, 14))
    assert h2.window == (dt.date(2022, 6, 15), dt.date(2022, 12, 14))
    assert year.window == (dt.date(2021, 12, 15), dt.date(2022, 12, 14))
    assert q3.window == (dt.date(2022, 6, 15), dt.date(2022, 9, 14))
    assert h1.deadline() == dt.date(2022, 6, 20)
    assert h1.deadline(31) == dt.date(2022, 6, 30)  # clamped to the month


def test_labels_in_both_languages():
    period = parse_period("2022-H1")
    assert period.label("vi") == "6 tháng đầu năm 2022"
    assert period.label("en") == "2022 H1"
    assert parse_period("2022-Q3").label("vi") == "Quý III/2022"
    assert parse_period("2022").label("vi") == "Năm 2022"
    set_lang("en")


def test_latest_closed_and_between():
    assert latest_closed("H", 20, dt.date(2022, 6, 20)).code == "2021-H2"  # deadline day itself is still open
    assert latest_closed("H", 20, dt.date(2022, 6, 21)).code == "2022-H1"
    codes = [p.code for p in periods_between("H", dt.date(2021, 3, 1), dt.date(2022, 7, 1))]
    assert codes == ["2021-H1", "2021-H2", "2022-H1", "2022-H2"]


def test_cadence_names():
    assert [parse_cadence(v) for v in ("half-yearly", "6 tháng", "quarterly", "Quý", "yearly", "hằng năm")] == list("HHQQYY")
    with pytest.raises(HoptacError, match="half-yearly"):
        parse_cadence("monthly")


periods = st.builds(
    lambda year, kind, n: Period(year, kind, 1 if kind == "Y" else (n % (2 if kind == "H" else 4)) + 1),
    st.integers(1945, 2200),
    st.sampled_from("HQY"),
    st.integers(0, 3),
)


@given(periods)
def test_code_round_trips(period):
    assert parse_period(period.code) == period
    if period.kind != "Y":
        assert parse_period(f"{period.kind}{period.number}/{period.year}") == period
        assert parse_period(period.code.replace("-", "")) == period


@given(periods)
def test_periods_tile_the_calendar(period):
    following = period.next()
    assert following.start == period.end + dt.timedelta(days=1)
    assert previous(following) == period
    opens, closes = period.window
    assert closes.day == 14 and closes.month == period.last_month
    assert opens.day == 15 and (opens + dt.timedelta(days=17)).month == period.first_month
    assert following.window[0] == closes + dt.timedelta(days=1)
    assert period.deadline().month == period.last_month
