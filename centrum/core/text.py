import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, without diacritics: `Łódź` -> `lodz`, `Żory` -> `zory`. Used for search."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())
