"""Vietnamese for Qt's own words: Qt ships no Vietnamese translation, so buttons and context menus would be English.

``VietnameseTranslator`` answers Qt's ``translate()`` calls for the common qtbase strings (line-edit context menus,
standard buttons, the wizard, the file dialog). The helpers below also set standard button texts explicitly, so
they are Vietnamese even where a platform theme bypasses the translator.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard

# Qt's source text → Vietnamese, whatever the context.
COMMON: dict[str, str] = {
    # editing (QLineEdit, QWidgetTextControl, QAbstractSpinBox)
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "Cắ&t", "&Copy": "&Sao chép", "&Paste": "&Dán",
    "Delete": "Xóa", "Select All": "Chọn tất cả", "&Select All": "&Chọn tất cả", "Copy &Link Location":
    "Sao chép địa chỉ &liên kết", "&Step up": "&Tăng", "Step &down": "&Giảm",
    "Insert Unicode control character": "Chèn ký tự điều khiển Unicode",
    # standard buttons (QPlatformTheme)
    "OK": "Đồng ý", "&OK": "Đồng ý", "Cancel": "Hủy", "&Cancel": "Hủy", "&Yes": "&Có", "&No": "&Không",
    "Yes": "Có", "No": "Không", "Yes to &All": "Có với &tất cả", "N&o to All": "Không với tất &cả",
    "Save": "Lưu", "&Save": "&Lưu", "Save All": "Lưu tất cả", "Open": "Mở", "&Open": "&Mở", "Close": "Đóng",
    "&Close": "Đó&ng", "Apply": "Áp dụng", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
    "Help": "Trợ giúp", "&Help": "&Trợ giúp", "Discard": "Bỏ qua", "Don't Save": "Không lưu", "Abort": "Dừng",
    "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close without Saving": "Đóng không lưu",
    "Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…",
    # wizard
    "< &Back": "< &Quay lại", "&Next >": "&Tiếp theo >", "&Next": "&Tiếp theo", "&Finish": "&Hoàn tất",
    "Go Back": "Quay lại", "Continue": "Tiếp tục", "Commit": "Xác nhận", "Done": "Xong",
    # file dialog and its model
    "Look in:": "Tìm trong:", "File &name:": "&Tên tệp:", "Files of type:": "Loại tệp:", "Directory:": "Thư mục:",
    "&Choose": "&Chọn", "Back": "Lùi", "Forward": "Tiến", "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới", "List View": "Dạng danh sách", "Detail View": "Dạng chi tiết",
    "New Folder": "Thư mục mới", "&New Folder": "Thư mục &mới", "&Rename": "Đổi &tên", "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn", "Name": "Tên", "Size": "Kích thước", "Kind": "Loại", "Type": "Loại",
    "Date Modified": "Ngày sửa", "My Computer": "Máy tính", "Computer": "Máy tính", "All Files (*)":
    "Mọi tệp (*)", "Directories": "Thư mục", "Find Directory": "Chọn thư mục", "Save As": "Lưu thành",
    "Open File": "Mở tệp", "Recent Places": "Nơi mở gần đây", "Drive": "Ổ đĩa", "File": "Tệp",
    "File Folder": "Thư mục tệp", "Folder": "Thư mục", "Alias": "Lối tắt", "Shortcut": "Lối tắt",
    "Unknown": "Không rõ", "Sidebar": "Thanh bên", "Files": "Tệp",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp đó?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
    "Are you sure you want to delete '%1'?": "Xóa “%1”?",
    "Could not delete directory.": "Không xóa được thư mục.",
    "'%1' is write protected.\nDo you want to delete it anyway?": "“%1” đang được bảo vệ.\nVẫn xóa?",
    "%1 File": "Tệp %1", "%1 bytes": "%1 byte", "%1 KB": "%1 KB", "%1 MB": "%1 MB", "%1 GB": "%1 GB",
    # scroll bars (context menu)
    "Scroll here": "Cuộn đến đây", "Left edge": "Mép trái", "Top": "Trên cùng", "Right edge": "Mép phải",
    "Bottom": "Dưới cùng", "Page left": "Trang trái", "Page up": "Trang trên", "Page right": "Trang phải",
    "Page down": "Trang dưới", "Scroll left": "Cuộn trái", "Scroll up": "Cuộn lên", "Scroll right": "Cuộn phải",
    "Scroll down": "Cuộn xuống",
    # tabs, tool bars, misc
    "Close Tab": "Đóng thẻ", "Scroll Left": "Cuộn sang trái", "Scroll Right": "Cuộn sang phải", "Customize...": "Tùy chỉnh…", "Restore": "Khôi phục", "Minimize": "Thu nhỏ",
    "Maximize": "Phóng to",
}

# Where one English word needs a different Vietnamese word in one place.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Open"): "&Mở", ("QFileDialog", "&Save"): "&Lưu", ("QFileDialog", "Open"): "Mở",
    ("QFileSystemModel", "Name"): "Tên", ("QFileDialog", "Type"): "Loại",
}

_LOG_MISSING = bool(os.environ.get("CDS_XA_LOG_TR"))


class VietnameseTranslator(QTranslator):
    """Answers Qt's translation look-ups from the tables above; anything else stays as Qt wrote it."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt API
        if not source_text:
            return source_text
        found = BY_CONTEXT.get((context, source_text)) or COMMON.get(source_text)
        if found is None:
            if _LOG_MISSING and (source_text.isascii() or "%" in source_text):
                print(f"[tr] {context!r}: {source_text!r}", file=sys.stderr)
            return source_text  # Qt's own text, unchanged ("" would show an empty text)
        return found

    def isEmpty(self):  # noqa: N802 - Qt API
        return False


# -- explicit texts on standard buttons ---------------------------------------------------------------------------

BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: "Đồng ý",
    QDialogButtonBox.StandardButton.Cancel: "Hủy",
    QDialogButtonBox.StandardButton.Yes: "Có",
    QDialogButtonBox.StandardButton.No: "Không",
    QDialogButtonBox.StandardButton.Close: "Đóng",
    QDialogButtonBox.StandardButton.Save: "Lưu",
    QDialogButtonBox.StandardButton.Open: "Mở",
    QDialogButtonBox.StandardButton.Apply: "Áp dụng",
    QDialogButtonBox.StandardButton.Reset: "Đặt lại",
    QDialogButtonBox.StandardButton.RestoreDefaults: "Khôi phục mặc định",
    QDialogButtonBox.StandardButton.Help: "Trợ giúp",
    QDialogButtonBox.StandardButton.Discard: "Bỏ qua",
}

WIZARD_TEXTS = {
    QWizard.WizardButton.NextButton: "Tiếp theo >",
    QWizard.WizardButton.BackButton: "< Quay lại",
    QWizard.WizardButton.FinishButton: "Hoàn tất",
    QWizard.WizardButton.CancelButton: "Hủy",
    QWizard.WizardButton.CommitButton: "Xác nhận",
    QWizard.WizardButton.HelpButton: "Trợ giúp",
}


def vietnamize_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    for which, label in BUTTON_TEXTS.items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    return box


def vietnamize_message_box(box: QMessageBox) -> QMessageBox:
    for which, label in BUTTON_TEXTS.items():
        button = box.button(QMessageBox.StandardButton(which.value))
        if button is not None:
            button.setText(label)
    return box


def vietnamize_wizard(wizard: QWizard) -> QWizard:
    for which, label in WIZARD_TEXTS.items():
        wizard.setButtonText(which, label)
    return wizard


def install(app) -> VietnameseTranslator:
    """Vietnamese locale (dates, month names, numbers) and the translator, for the whole program."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = VietnameseTranslator(app)
    app.installTranslator(translator)
    app._vi_translator = translator  # keep it alive as long as the application
    return translator
