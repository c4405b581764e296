import re
import unicodedata
from functools import lru_cache

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


class _WithoutMarks(dict):
    """A `str.translate` table that drops combining marks, filled in as characters are met (a dict lookup
    in C per character instead of a Python call): imports fold hundreds of thousands of values."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower-case, without diacritics: `Łódź` -> `lodz`, `Żory` -> `zory`. Used for search."""
    text = text or ""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return " ".join(decomposed.translate(_WITHOUT_MARKS).lower().split())


# Polish alphabetical order: a letter with a diacritic comes right after its base letter (s < ś < t).
_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_POLISH_RANK = {letter: rank for rank, letter in enumerate(_POLISH_ALPHABET)}


# Stored sort keys use only the characters 0-9 and a-z, two per letter, so that every database collation
# (SQLite's bytes, PostgreSQL's C, ICU or glibc locales) orders them the same way.
_KEY_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_WORD_GAP = "00"
_OTHER_LETTER = "zz"
SORT_TEXT_LENGTH = 200


def _key_code(index: int) -> str:
    return _KEY_DIGITS[index // 36] + _KEY_DIGITS[index % 36]


_DIGIT_CODES = {digit: _key_code(1 + int(digit)) for digit in "0123456789"}
_LETTER_CODES = {letter: _key_code(11 + rank) for letter, rank in _POLISH_RANK.items()}


def polish_sort_text(text: str) -> str:
    """A plain string whose order is Polish alphabetical order, for a column the database sorts by.

    Case-insensitive; quotes, dashes and other punctuation are ignored (`„Gama”` sorts as `gama`, `FUNDACJA -
    POMOC` as `fundacja pomoc`); words compare one by one (`Ala Kot` before `Alabama`); a letter with a
    Polish diacritic comes right after its base letter (L < Ł < M, S < Ś < T), other diacritics are folded
    (`é` as `e`). Names equal here are ordered by the caller (name, then id).
    """
    words = (word.translate(_SORT_CODES) for word in _NON_WORD.split((text or "").lower()) if word)
    return _WORD_GAP.join(words)[:SORT_TEXT_LENGTH]


class _SortCodes(dict):
    """A `str.translate` table from a character to its code in `polish_sort_text`, filled in as characters
    are met: digits and Polish letters their own, other letters those of their folded form, anything else
    `_OTHER_LETTER`."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = _DIGIT_CODES.get(char) or _LETTER_CODES.get(char)
        if value is None:
            value = "".join(_DIGIT_CODES.get(c) or _LETTER_CODES.get(c, _OTHER_LETTER) for c in fold(char))
        self[code] = value
        return value


_SORT_CODES = _SortCodes()
_NON_WORD = re.compile(r"[\W_]+")


def polish_sort_key(text: str) -> tuple:
    """A key that sorts names in Polish alphabetical order in Python, the same order as `polish_sort_text`.

    `Śródmieście` comes after `Sulmierzyce` and before `Tyniec` and `Winiary`, `Łęg` after `Lisków`; case
    decides only between names that are otherwise equal.
    """
    return (polish_sort_text(text), fold(text), text or "")


def search_words(text: str) -> list[str]:
    """The words of `text` as search sees them: folded (`Łódzkie` -> `lodzkie`), split at anything that is
    not a letter or digit, so quotes („Kompas”, "Kompas", «Kompas»), dashes and slashes separate words."""
    return list(_search_words(text or ""))


@lru_cache(maxsize=20_000)
def _search_words(text: str) -> tuple[str, ...]:
    # Remembered per process: the same names are folded again and again (a queue page compares each of its
    # organisations with hundreds of possible duplicates on every visit).
    return tuple(word for word in _NON_WORD.split(fold(text)) if word)


_NON_WORD = re.compile(r"[\W_]+")
