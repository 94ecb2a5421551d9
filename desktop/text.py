"""Vietnamese text rules, used on every input path and wherever people are listed.

- ``clean`` / ``clean_multiline``: NFC and whitespace normalisation.
- ``name_sort_key``: given name, then middle names, then family name, in Vietnamese letter order
  (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), tones as a secondary difference.
- ``search_key``: folds case, tones and đ ("duc" finds "Đức").
- ``slug``: ASCII file-name parts (đ→d, no tone marks, no spaces).
- ``normalize_phone`` / ``is_valid_mobile``: Vietnamese mobile numbers, 0 + 9 digits.
- ``date_phrase`` / ``doc_number``: dates and numbers in the form of Nghị định 30/2020/NĐ-CP.
- ``looks_like_tcvn3`` / ``from_tcvn3``: text pasted from old documents typed in TCVN3 (.VnTime fonts).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

__all__ = [
    "clean", "clean_multiline", "name_sort_key", "sort_key", "search_key", "matches", "slug",
    "normalize_phone", "is_valid_mobile", "date_phrase", "date_line", "doc_number", "short_date",
    "upper_vi", "split_name", "looks_like_tcvn3", "from_tcvn3",
]

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def clean(value: object) -> str:
    """One-line text: NFC, every run of white space (tabs, no-break spaces, line breaks) made one space, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return _SPACES.sub(" ", text).strip()


def clean_keep_gaps(value: object) -> str:
    """One line, NFC, trimmed, line breaks and tabs made spaces, but runs of spaces kept: the room left in a cited
    text for a number or a day still to be written ("Công văn số      /UBND-VHTT ngày      tháng 4")."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r"[\t\r\n\u2028\u2029]+", " ", text).strip()


def clean_multiline(value: object) -> str:
    """Text that may hold several lines (duties, notes): each line cleaned, line breaks kept, blank edges dropped."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean(line) for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


# --- Collation ---------------------------------------------------------------------------------------------------

# Base letters with their vowel modifier (breve U+0306, circumflex U+0302, horn U+031B) in Vietnamese order.
# f, j, w, z are not Vietnamese letters; they sit where the Latin alphabet puts them, for foreign names.
_ALPHABET = ["a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k", "l",
             "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w", "x", "y", "z"]
_LETTER_RANK = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}
# Tones in the order used by Vietnamese dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _collation_units(word: str):
    """Yield (letter rank, tone rank, is_upper) for each letter of ``word``."""
    decomposed = unicodedata.normalize("NFD", word)
    i, n = 0, len(decomposed)
    while i < n:
        ch = decomposed[i]
        i += 1
        if unicodedata.combining(ch):
            continue  # a stray mark with no base letter
        lower = ch.lower()
        base = lower
        tone = 0
        while i < n and unicodedata.combining(decomposed[i]):
            mark = decomposed[i]
            if mark in _MODIFIERS:
                base += mark
            elif mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
            i += 1
        rank = _LETTER_RANK.get(base)
        if rank is None:
            if lower.isdigit():
                rank = 10 + int(lower) if lower in "0123456789" else 50
            elif base in _LETTER_RANK:
                rank = _LETTER_RANK[base]
            else:
                rank = 1000 + ord(lower[0])
        yield rank, tone, ch != lower


def sort_key(text: str) -> tuple:
    """Vietnamese order for any text (village names, posts): letters first, tones second, case last."""
    units = list(_collation_units(clean(text)))
    return (tuple(u[0] for u in units), tuple(u[1] for u in units), tuple(u[2] for u in units))


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name: 'Nguyễn Thị Thu Hà' → ('Nguyễn', 'Thị Thu', 'Hà')."""
    words = clean(full_name).split(" ")
    if not words or words == [""]:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> tuple:
    """Sort key for people's names: given name, then middle names, then family name, each in Vietnamese order."""
    family, middle, given = split_name(full_name)
    return (sort_key(given), sort_key(middle), sort_key(family))


# --- Text typed in the old TCVN3 (ABC) encoding ------------------------------------------------------------------
# Documents typed with the .VnTime fonts store Vietnamese letters as Latin-1 bytes: pasted out of Word they read
# "Th«n §«ng S¬n" for "Thôn Đông Sơn". Upper-case toned letters have no code of their own in TCVN3 (they were the
# same codes shown with the .VnTimeH fonts), so they come back in lower case.

def _tcvn3_table() -> dict[str, str]:
    rows = {  # Unicode letter: its TCVN3 code points, in the order of the Unicode letters
        "àảãáạ": "\xb5\xb6\xb7\xb8\xb9", "ằẳẵắặ": "\xbb\xbc\xbd\xbe\xc6", "ầẩẫấậ": "\xc7\xc8\xc9\xca\xcb",
        "èẻẽéẹ": "\xcc\xce\xcf\xd0\xd1", "ềểễếệ": "\xd2\xd3\xd4\xd5\xd6", "ìỉĩíị": "\xd7\xd8\xdc\xdd\xde",
        "òỏõóọ": "\xdf\xe1\xe2\xe3\xe4", "ồổỗốộ": "\xe5\xe6\xe7\xe8\xe9", "ờởỡớợ": "\xea\xeb\xec\xed\xee",
        "ùủũúụ": "\xef\xf1\xf2\xf3\xf4", "ừửữứự": "\xf5\xf6\xf7\xf8\xf9", "ỳỷỹýỵ": "\xfa\xfb\xfc\xfd\xfe",
        "ăâêôơưđ": "\xa8\xa9\xaa\xab\xac\xad\xae", "ĂÂÊÔƠƯĐ": "\xa1\xa2\xa3\xa4\xa5\xa6\xa7",
    }
    return {code: letter for letters, codes in rows.items() for letter, code in zip(letters, codes)}


_TCVN3 = _tcvn3_table()
# Codes that are no Vietnamese letter in Unicode: seeing one (and nothing beyond Latin-1) means TCVN3 text.
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# (The soft hyphen, ư in TCVN3, is left out: Word puts it in Unicode text too.)
_TCVN3_ONLY = frozenset(c for c in _TCVN3 if c not in _VIETNAMESE_LATIN1 and c != "\xad")


def looks_like_tcvn3(value: str) -> bool:
    """True for text typed in TCVN3 and read as Latin-1 ('Th«n §«ng S¬n'); never for Vietnamese Unicode text."""
    return any(c in _TCVN3_ONLY for c in value) and all(ord(c) < 0x100 for c in value)


def from_tcvn3(value: str) -> str:
    """'Th«n §«ng S¬n' → 'Thôn Đông Sơn' (NFC). Text that is not TCVN3 is returned unchanged."""
    if not looks_like_tcvn3(value):
        return value
    return unicodedata.normalize("NFC", "".join(_TCVN3.get(c, c) for c in value))


# --- Search and file names ---------------------------------------------------------------------------------------

def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(text: object) -> str:
    """Lower case, no tones, no vowel marks, đ→d, single spaces: 'Nguyễn  Văn Đức' → 'nguyen van duc'."""
    return _strip_marks(clean(text)).casefold()


def matches(query: str, *fields: object) -> bool:
    """True when every word of ``query`` begins a word of one of ``fields``, ignoring case, tones and đ.

    'duc' finds 'Nguyễn Văn Đức', 'ng v d' finds it too; 'an' does not find 'Trần'.
    """
    words = search_key(query).split()
    targets = [w for f in fields if f is not None for w in search_key(f).split()]
    return all(any(t.startswith(w) for t in targets) for w in words)


def slug(text: object, sep: str = "_") -> str:
    """ASCII file-name part: 'xã Hà Lĩnh' → 'xa_Ha_Linh'. Keeps case; anything not a letter or digit separates."""
    ascii_text = _strip_marks(clean(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", sep, ascii_text).strip(sep)


def upper_vi(text: str) -> str:
    """Upper case that keeps NFC (Python's upper is already correct for Vietnamese letters)."""
    return unicodedata.normalize("NFC", clean(text).upper())


# --- Phones ------------------------------------------------------------------------------------------------------

_MOBILE = re.compile(r"0[35789]\d{8}")


def normalize_phone(value: object) -> str:
    """The national form (0 + 9 digits) of a Vietnamese mobile number; other text is returned cleaned, as given.

    '+84 912 345 678', '84912345678', '0912.345.678', '(091) 234-5678' → '0912345678'.
    """
    text = clean(value)
    if not text:
        return ""
    compact = re.sub(r"[\s.\-()]", "", text)
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("0084"):
        compact = "0" + compact[4:]
    elif compact.startswith("84") and len(compact) == 11:
        compact = "0" + compact[2:]
    if _MOBILE.fullmatch(compact):
        return compact
    return text


def is_valid_mobile(value: object) -> bool:
    """True for a Vietnamese mobile number in any usual writing (10 digits, prefixes 03, 05, 07, 08, 09)."""
    return bool(_MOBILE.fullmatch(normalize_phone(value)))


# --- Dates and numbers in documents ------------------------------------------------------------------------------

def _day(day: int) -> str:
    return f"{day:02d}"


def _month(month: int) -> str:
    # Nghị định 30: a leading zero for months 1 and 2 only.
    return f"{month:02d}" if month < 3 else str(month)


_BLANK = "\u00a0" * 6  # room for a hand-written day or number, kept by Word (plain spaces may collapse)


def date_phrase(date: _dt.date | None = None, *, year: int | None = None, month: int | None = None) -> str:
    """'ngày 05 tháng 01 năm 2022'; with no date, blanks for what is unknown: 'ngày      tháng 4 năm 2022'."""
    if date is not None:
        return f"ngày {_day(date.day)} tháng {_month(date.month)} năm {date.year}"
    month_text = _month(month) if month else _BLANK
    year_text = str(year) if year else _BLANK
    return f"ngày{_BLANK}tháng {month_text} năm {year_text}" if month else \
        f"ngày{_BLANK}tháng{_BLANK}năm {year_text}"


def date_line(place: str, date: _dt.date | None = None, *, year: int | None = None,
              month: int | None = None) -> str:
    """The place-and-date line: 'Hà Lĩnh, ngày 05 tháng 4 năm 2022'."""
    return f"{clean(place)}, {date_phrase(date, year=year, month=month)}"


def short_date(date: _dt.date | None) -> str:
    """'05/4/2022' as used inside running text ("ngày 05/4/2022"); empty for no date."""
    if date is None:
        return ""
    return f"{_day(date.day)}/{_month(date.month)}/{date.year}"


def doc_number(number: int | str | None, code: str) -> str:
    """'05/QĐ-UBND' for 5; '      /QĐ-UBND' (room to write it) when the number is not recorded yet."""
    if number is None or str(number).strip() == "":
        return f"{_BLANK}/{code}"
    text = str(number).strip()
    if text.isdigit() and int(text) < 10:
        text = f"{int(text):02d}"
    return f"{text}/{code}"
