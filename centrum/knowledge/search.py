"""How the knowledge platform's rows are found by the one search box.

Each searchable row stores, on every write (services and demo data), two folded columns (`core.text.fold`:
`Żory` -> `zory`): `search_title`, the words of its title, and `search_text`, the words of its title and
text; both padded with a space at each end, so `" word "` is a whole word and `" word"` the start of one.
A row matches when every word of the query starts a word of `search_text` (LIKE on any database: tables
of a centre's few hundred articles and practices need no full-text index). Its rank is the one the search
page orders by (`core.portal.SearchHit`): 2 every word whole in the title, 1 every word whole in the text,
0 only beginnings of words.
"""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from centrum.core.text import search_words

MAX_QUERY_WORDS = 8
SEARCH_TEXT_LENGTH = 4000


def _padded(words: list[str], length: int) -> str:
    text = " ".join(words)
    if len(text) > length:
        text = text[:length].rsplit(" ", 1)[0]
    return f" {text} " if text else ""


def search_columns(title: str, *texts: str) -> dict[str, str]:
    title_words = search_words(title)
    other_words = search_words(" ".join(texts))
    return {
        "search_title": _padded(title_words, 400),
        "search_text": _padded(title_words + other_words, SEARCH_TEXT_LENGTH),
    }


def query_words(text: str) -> list[str]:
    return list(dict.fromkeys(search_words(text)))[:MAX_QUERY_WORDS]


def matching(qs: QuerySet, words: list[str]) -> QuerySet:
    """`qs` narrowed to rows whose text has every word (as the start of a word), with `search_rank`."""
    if not words:
        return qs.none()
    condition = Q()
    whole_title, whole_text = Q(), Q()
    for word in words:
        condition &= Q(search_text__contains=f" {word}")
        whole_title &= Q(search_title__contains=f" {word} ")
        whole_text &= Q(search_text__contains=f" {word} ")
    return qs.filter(condition).annotate(
        search_rank=Case(
            When(whole_title, then=Value(2)),
            When(whole_text, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
