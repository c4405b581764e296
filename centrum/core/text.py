import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, without diacritics: `Łódź` -> `lodz`, `Żory` -> `zory`. Used for search."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


# Polish alphabetical order: a letter with a diacritic comes right after its base letter (s < ś < t).
_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_POLISH_RANK = {letter: rank for rank, letter in enumerate(_POLISH_ALPHABET)}


def polish_sort_key(text: str) -> tuple:
    """A key that sorts names in Polish alphabetical order, whatever the server's locale.

    `Śródmieście` comes after `Sulmierzyce` and before `Tyniec` and `Winiary`, `Łęg` after `Lisków`; case
    decides only between names that are otherwise equal.
    """
    primary = []
    for char in " ".join((text or "").lower().split()):
        if char in _POLISH_RANK:
            primary.append((2, _POLISH_RANK[char], ""))
        elif char.isdigit():
            primary.append((1, int(char) if char.isdecimal() else 0, char))
        elif char.isalpha():
            base = fold(char) or char
            rank = _POLISH_RANK.get(base[0])
            primary.append((2, rank, char) if rank is not None else (3, 0, char))
        else:
            primary.append((0, 0, char))
    return (tuple(primary), fold(text), text or "")
