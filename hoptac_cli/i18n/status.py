"""Messages for the status area (status, exports, the consolidated report): key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "err.export_format": (
        "--format '{value}' is not an export format; choose one of: {accepted}",
        "--format '{value}' không phải định dạng xuất; chọn một trong: {accepted}",
    ),
    "err.export_extension": (
        "-o '{value}': cannot tell the format from the extension; use {accepted} or give --format",
        "-o '{value}': không xác định được định dạng từ phần mở rộng; dùng {accepted} hoặc chỉ rõ --format",
    ),
    "err.output_path": (
        "-o '{value}' cannot be written: the folder must exist and be writable, and the path must not be a folder",
        "-o '{value}' không ghi được: thư mục phải tồn tại và cho phép ghi, và đường dẫn không được là thư mục",
    ),
    "err.output_write": ("cannot write '{value}': {reason}", "không ghi được '{value}': {reason}"),
}
