"""Messages of the interface itself (issue 14): table words, notes, confirmations and the words
of typer's usage errors. key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the unit a commendation's recipient works in (not the unit of measure of an indicator)
    "col.recipient_unit": ("Workplace", "Đơn vị công tác"),
}
MESSAGES.update(
    {
        "stat.empty_sectors": ("⚠ No actions yet: {sectors}.", "⚠ Chưa có nhiệm vụ: {sectors}."),
    }
)
MESSAGES.update(
    {
        "msg.period_default": (
            "No --period given: reporting for {period}, the current reporting period",
            "Không ghi --period: báo cáo cho kỳ {period}, kỳ báo cáo hiện tại",
        ),
    }
)
MESSAGES.update(
    {
        "msg.carried_many": (
            "Carried {count} into {target} (original → copy): {pairs}",
            "Đã chuyển {count} sang {target} (nhiệm vụ gốc → bản chuyển): {pairs}",
        ),
    }
)
MESSAGES.update(
    {
        "msg.exporting": ("Exporting", "Đang xuất"),
    }
)
