"""Questions that cross features, asked of the sample programme as an official would."""


def test_status_heading_names_parties_as_they_answer_now(sample):
    vi = sample.ok("status", lang="vi").stdout
    assert "Các bên: Cần Thơ (trước đây: Hậu Giang), An Giang (trước đây: Kiên Giang)" in vi
    assert "Parties: Cần Thơ (formerly: Hậu Giang)" in sample.ok("status").stdout


def test_sample_load_says_what_it_loaded(tmp_path):
    from conftest import Hoptac

    result = Hoptac(tmp_path / "demo.db").ok("init", "--sample", lang="vi")
    # One confirmation line, on stdout (issue 14).
    assert result.stdout.count("\n") == 1 and result.stderr == ""
    assert "Đã nạp chương trình mẫu: 4 tỉnh, thành phố" in result.stdout and "26 nhiệm vụ, 5 báo cáo" in result.stdout
