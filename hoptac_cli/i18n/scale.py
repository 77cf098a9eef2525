"""Messages for long listings and many agreements at once (issue 12): key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # a table cut to its first rows
    "note.rows_left_out": (
        "showing the first {shown} of {total} rows; --all shows every row, --limit N the first N, "
        "--format csv or json gives them all",
        "đang hiển thị {shown}/{total} dòng đầu; --all để xem tất cả, --limit N để xem N dòng đầu, "
        "--format csv hoặc json để lấy toàn bộ",
    ),
    "err.limit_all": (
        "--limit and --all contradict each other: give one of them",
        "--limit và --all mâu thuẫn nhau: chỉ dùng một trong hai",
    ),
    # status with several agreements
    "err.party_one_agreement": (
        "--party lists every programme a province takes part in and cannot be combined with {option}; "
        "leave out --party to see one programme",
        "--party liệt kê mọi chương trình mà một tỉnh tham gia, không dùng cùng {option}; bỏ --party để xem một chương trình",
    ),
    "stat.programmes_heading": ("Active programmes: {count}", "Các chương trình đang thực hiện: {count}"),
    "stat.programmes_of": ("Active programmes of {party}: {count}", "Các chương trình {party} đang tham gia: {count}"),
    "stat.no_programmes": ("No programme is active.", "Không có chương trình nào đang thực hiện."),
    "stat.no_programmes_of": (
        "{party} takes part in no active programme.",
        "{party} không tham gia chương trình nào đang thực hiện.",
    ),
    "stat.programmes_caption_mixed": (
        "As of {date}. Reports: received/expected for each programme's period (column Period); "
        "--agreement A shows one programme by sector.",
        "Tính đến {date}. Báo cáo: đã nhận/phải nộp trong kỳ của từng chương trình (cột Kỳ báo cáo); "
        "--agreement A để xem một chương trình theo lĩnh vực.",
    ),
    "stat.programmes_hint": (
        "--agreement A shows one programme by sector.",
        "--agreement A để xem một chương trình theo lĩnh vực.",
    ),
    "col.programme": ("Programme", "Chương trình"),
    # report missing over every agreement
    "title.missing_all": (
        "No report for {period}, every active programme, by agency",
        "Chưa báo cáo {period}, mọi chương trình đang thực hiện, theo cơ quan",
    ),
    "title.late_all": ("Reported after the deadline", "Báo cáo sau hạn"),
    "msg.missing_summary_all": (
        "{programmes}: {owed} owing a report: {reported} reported, {missing} missing; {late} filed after the deadline.",
        "{programmes}: {owed} phải báo cáo: {reported} đã báo cáo, {missing} chưa báo cáo; {late} gửi sau hạn.",
    ),
    "count.programme": ("{n} programme|{n} programmes", "{n} chương trình"),
    "err.missing_no_programme": (
        "--period {period}: no active programme reports for this period ({reason})",
        "--period {period}: không có chương trình đang thực hiện nào báo cáo kỳ này ({reason})",
    ),
}
