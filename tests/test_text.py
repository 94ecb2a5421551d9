"""The Vietnamese text rules: normalisation, name order, search folding, slugs, phones, dates, numbers."""
import datetime as dt
import random
import unicodedata

import pytest

from desktop import text

# Hand-sorted: given name first (then middle, then family); Vietnamese letters a < ă < â, d < đ, o < ô < ơ, u < ư;
# tones as a secondary difference in the order none, huyền, hỏi, ngã, sắc, nặng.
HAND_SORTED = [
    "Nguyễn Thị An",      # given An; middle Thị < Văn
    "Dương Văn An",       # family Dương < Đỗ (d < đ)
    "Đỗ Văn An",
    "Nguyễn Văn An",
    "Trần Văn An",
    "Lê Thị Anh",         # An < Anh (prefix)
    "Lê Thị Ánh",         # same letters, sắc after no tone
    "Phạm Văn Ăn",        # ă after every a
    "Hà Văn Ân",          # â after ă
    "Hà Văn Ẩn",          # hỏi after no tone
    "Vũ Thị Ba",
    "Vũ Thị Bà",          # huyền
    "Vũ Thị Bả",          # hỏi
    "Vũ Thị Bã",          # ngã
    "Vũ Thị Bá",          # sắc
    "Vũ Thị Bạ",          # nặng
    "Lê Văn Du",
    "Lê Văn Dung",
    "Lê Văn Dũng",
    "Lê Văn Dư",          # ư after u
    "Mai Văn Đan",        # đ after every d
    "Lò Văn To",
    "Lò Văn Tô",          # ô after o
    "Lò Văn Tơ",          # ơ after ô
    "Lò Văn Tu",
    "Lò Văn Tư",
]


def test_name_sort_matches_hand_sorted_list():
    shuffled = HAND_SORTED[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=text.name_sort_key) == HAND_SORTED


def test_name_sort_ignores_composition_and_spacing():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert text.name_sort_key(decomposed) == text.name_sort_key("  Nguyễn   Văn Đức ")


def test_clean_normalises_to_nfc_and_spaces():
    raw = unicodedata.normalize("NFD", "  Trịnh\u00a0Thị\tHoa  ")
    assert text.clean(raw) == "Trịnh Thị Hoa"
    assert unicodedata.is_normalized("NFC", text.clean(raw))
    assert text.clean_multiline(" a  b \r\n\r\n c ") == "a b\n\nc"


@pytest.mark.parametrize("query, name, found", [
    ("duc", "Nguyễn Văn Đức", True),
    ("DUC", "Nguyễn Văn Đức", True),
    ("đức", "Nguyễn Văn Duc", True),
    ("van duc", "Nguyễn Văn Đức", True),
    ("thuy", "Lê Thị Thủy", True),
    ("duc", "Nguyễn Văn Dực", True),
    ("an", "Trần Văn Bình", False),
])
def test_search_folds_case_tones_and_d(query, name, found):
    assert text.matches(query, name) is found


def test_slug_is_ascii():
    assert text.slug("xã Hà Lĩnh") == "xa_Ha_Linh"
    assert text.slug("thôn Đông Sơn / Bắc") == "thon_Dong_Son_Bac"
    assert text.slug("Ưu Điền").isascii()


@pytest.mark.parametrize("raw, expected", [
    ("+84 912 345 678", "0912345678"),
    ("84912345678", "0912345678"),
    ("0912.345.678", "0912345678"),
    ("0912-345-678", "0912345678"),
    ("(+84) 386 123 456", "0386123456"),
    ("0386 123 456", "0386123456"),
])
def test_phone_normalised(raw, expected):
    assert text.normalize_phone(raw) == expected
    assert text.is_valid_mobile(raw)


@pytest.mark.parametrize("raw", ["0212345678", "0612345678", "091234567", "09123456789", "02373 812 345",
                                 "không có", "1234567890"])
def test_phone_invalid_kept_as_given(raw):
    assert not text.is_valid_mobile(raw)
    assert text.normalize_phone(raw) == text.clean(raw)


def test_dates_in_decree_form():
    assert text.date_phrase(dt.date(2022, 1, 5)) == "ngày 05 tháng 01 năm 2022"
    assert text.date_phrase(dt.date(2022, 3, 9)) == "ngày 09 tháng 3 năm 2022"
    assert text.date_phrase(dt.date(2022, 2, 28)) == "ngày 28 tháng 02 năm 2022"
    assert text.date_phrase(dt.date(2022, 12, 15)) == "ngày 15 tháng 12 năm 2022"
    assert text.date_line("Hà Lĩnh", dt.date(2022, 4, 5)) == "Hà Lĩnh, ngày 05 tháng 4 năm 2022"
    blank = text.date_phrase(year=2022, month=4)
    assert blank.startswith("ngày") and blank.endswith("tháng 4 năm 2022") and "  " not in blank.replace("\u00a0", "")
    assert text.short_date(dt.date(2022, 4, 1)) == "01/4/2022"


def test_document_numbers():
    assert text.doc_number(5, "QĐ-UBND") == "05/QĐ-UBND"
    assert text.doc_number("12", "KH-UBND") == "12/KH-UBND"
    assert text.doc_number(None, "QĐ-UBND").endswith("/QĐ-UBND")
    assert text.doc_number(None, "QĐ-UBND").strip("\u00a0").startswith("/")


def test_split_name():
    assert text.split_name("Nguyễn Thị Thu Hà") == ("Nguyễn", "Thị Thu", "Hà")
    assert text.split_name("Hà") == ("", "", "Hà")


@pytest.mark.parametrize("legacy, unicode_text", [
    ("Th«n §«ng S¬n", "Thôn Đông Sơn"),
    ("Hµ Trung", "Hà Trung"),
    ("NguyÔn V¨n An", "Nguyễn Văn An"),
    ("§¶ng ñy x· Hµ LÜnh", "Đảng ủy xã Hà Lĩnh"),
    ("C«ng nghÖ sè céng ®ång", "Công nghệ số cộng đồng"),
    ("BÝ th\u00ad Chi ®oµn", "Bí thư Chi đoàn"),
    ("Tr\u00adêng thÞ trÊn", "Trường thị trấn"),
])
def test_text_typed_in_tcvn3_is_recognised_and_converted(legacy, unicode_text):
    assert text.looks_like_tcvn3(legacy)
    assert text.from_tcvn3(legacy) == unicode_text


@pytest.mark.parametrize("value", ["Thôn Đông Sơn", "Hà Trung", "Ông Ánh", "Café", "Lê Thị Ẩn", "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"])
def test_unicode_text_is_never_taken_for_tcvn3(value):
    assert not text.looks_like_tcvn3(value)
    assert text.from_tcvn3(value) == value


def test_a_soft_hyphen_alone_is_no_proof_of_tcvn3():
    assert not text.looks_like_tcvn3("Thanh Ho\u00ada")
