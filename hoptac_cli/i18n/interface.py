"""Messages of the interface itself (issue 14): table words, notes, confirmations and the words
of typer's usage errors. key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the unit a commendation's recipient works in (not the unit of measure of an indicator)
    "col.recipient_unit": ("Workplace", "Đơn vị công tác"),
}
MESSAGES.update({
    "stat.empty_sectors": ("⚠ No actions yet: {sectors}.", "⚠ Chưa có nhiệm vụ: {sectors}."),
})
