"""Directory search: what is stored for it, how a query is read, and how words are matched in the database.

Stored (by `search_fields`, on every write path: services, imports, demo data, the benchmark generator):
* `search_text`: the words of name, short name, street, city, KRS, NIP and REGON, folded (`Łódź` -> `lodz`),
  separated by single spaces, the name's words first;
* `search_name`: the words of name and short name only (ranking: a name match comes before an address one);
* `name_sort`: `core.text.polish_sort_text(name)`, the column the directory is ordered by.

Matching is from the start of words, every word of the query must match. PostgreSQL answers with full-text
search: the generated column `search_vector` = `to_tsvector('centrum_search', search_text)` (a `simple`
configuration with `unaccent`, migration 0006), a GIN index on it and a prefix query
`lodz:* & kompas:*`. SQLite (development) matches the same
words with `LIKE`: FTS5 would need a virtual table and triggers outside Django's schema (lost by `flush`,
test databases and squashed migrations) for databases of a few hundred rows, where a scan costs nothing.
"""

import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.db.models import BooleanField, Case, CharField, Expression, F, IntegerField, Value, When
from django.db.models.functions import Concat
from django.db.models.lookups import Contains

from centrum.core.text import polish_sort_text, search_words

SEARCH_CONFIG = "centrum_search"
SEARCH_VECTOR = '"search_vector"'  # PostgreSQL only, generated from search_text
MAX_QUERY_WORDS = 8
SEARCH_TEXT_LENGTH = 800
SEARCH_NAME_LENGTH = 450
# The organisation's fields the stored columns are computed from (a change of any needs them computed again).
SEARCHED_FIELDS = ("name", "short_name", "street", "city", "krs", "nip", "regon")

ADDRESS_ABBREVIATIONS = frozenset({"ul", "al", "os", "pl"})
_IDENTIFIER_LABEL = re.compile(r"^\s*(krs|nip|regon)\b[\s:.#-]*", re.IGNORECASE)
_IDENTIFIER_SEPARATORS = re.compile(r"[\s./-]+")


def _joined(words: list[str], length: int) -> str:
    text = " ".join(words)
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0]


def search_fields(
    *,
    name: str,
    short_name: str = "",
    street: str = "",
    city: str = "",
    krs: str = "",
    nip: str = "",
    regon: str = "",
) -> dict[str, str]:
    """The stored search and sort columns of an organisation with these values."""
    name_words = search_words(f"{name} {short_name}")
    other_words = search_words(" ".join(filter(None, [street, city, krs, nip, regon])))
    return {
        "search_text": _joined(name_words + other_words, SEARCH_TEXT_LENGTH),
        "search_name": _joined(name_words, SEARCH_NAME_LENGTH),
        "name_sort": polish_sort_text(name),
    }


@dataclass(frozen=True)
class DirectoryQuery:
    """A search box's text as the directory reads it: words to match, or identifier values to look up."""

    words: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.identifiers)


def parse_query(text: str) -> DirectoryQuery:
    """`„Kompas”` -> words (kompas,); `KRS 0000 431 452`, `0000-431-452`, `526-104-08-28` -> identifiers.

    A query that is only digits (after an optional KRS/NIP/REGON label, spaces, dashes, dots and slashes)
    of the length of a KRS (up to 10 with the label, zero-padded), NIP (10) or REGON (9 or 14) is an
    identifier: it is looked up in the identifier columns, each served by the centre's unique index.
    """
    labelled = _IDENTIFIER_LABEL.match(text or "")
    digits = _IDENTIFIER_SEPARATORS.sub("", (text or "")[labelled.end() :] if labelled else (text or ""))
    if digits.isascii() and digits.isdigit():
        label = labelled.group(1).lower() if labelled else ""
        if label == "krs" and len(digits) <= 10:
            return DirectoryQuery(identifiers=(digits.zfill(10),))
        if len(digits) in (9, 10, 14) and label in ("", "nip", "regon"):
            return DirectoryQuery(identifiers=(digits,))
    words = list(dict.fromkeys(search_words(text)))
    # "ul." or "al." in front of a street starts a word of nearly every address: it narrows nothing.
    words = [word for word in words if word not in ADDRESS_ABBREVIATIONS] or words
    return DirectoryQuery(words=tuple(words[:MAX_QUERY_WORDS]))


class WordPrefixMatch(Expression):
    """True where every one of `words` starts a word of the column (a space-separated, folded text)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column: str, words: list[str] | tuple[str, ...]):
        super().__init__(output_field=BooleanField())
        self.column = F(column)
        self.words = tuple(words)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        # Any database: ' ' || column LIKE '% word%' for each word (words are letters and digits only).
        column_sql, column_params = compiler.compile(self.column)
        padded = f"(' ' || {column_sql})"
        sql = " AND ".join(f"{padded} LIKE %s" for _ in self.words)
        params = []
        for word in self.words:
            params += [*column_params, f"% {word}%"]
        return f"({sql})", params

    def as_postgresql(self, compiler, connection):
        # search_text's stored tsvector, `search_vector` (migration 0006), of the same table alias.
        column_sql, column_params = compiler.compile(self.column)
        table, _dot, _column = column_sql.rpartition(".")
        query = " & ".join(f"{word}:*" for word in self.words)
        return f"{table}.{SEARCH_VECTOR} @@ to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)", [
            *column_params,
            query,
        ]


def _padded(column: str) -> Concat:
    return Concat(Value(" "), F(column), Value(" "), output_field=CharField())


def word_rank(words: tuple[str, ...]):
    """Per query word: 0 a whole word of the name, 1 the start of a word of the name, 2 a whole word of the
    address or identifiers, 3 the start of one; summed. Name matches come first, then whole words."""
    name, text = _padded("search_name"), _padded("search_text")
    ranks = [
        Case(
            When(Contains(name, f" {word} "), then=Value(0)),
            When(Contains(name, f" {word}"), then=Value(1)),
            When(Contains(text, f" {word} "), then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        for word in words
    ]
    return reduce(operator.add, ranks)
