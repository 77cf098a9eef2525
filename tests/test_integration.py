"""Questions that cross features, asked of the sample programme as an official would."""


def test_status_heading_names_parties_as_they_answer_now(sample):
    vi = sample.ok("status", lang="vi").stdout
    assert "Các bên: Cần Thơ (trước đây: Hậu Giang), An Giang (trước đây: Kiên Giang)" in vi
    assert "Parties: Cần Thơ (formerly: Hậu Giang)" in sample.ok("status").stdout
