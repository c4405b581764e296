"""Polish plurals have three forms (1 organizacja, 2 organizacje, 5 organizacji); every app's `pl` catalogue
gives them, and the `en` catalogue its two."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from centrum.api.errors import validation_errors

APPS = ("core", "accounts", "organisations", "api", "spaces", "advice", "trainings", "addresses")
CENTRUM = Path(__file__).resolve().parents[2]
NUMBERS = (1, 2, 5, 12, 22, 195)
PL_RULE = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"


def render(source: str, **context) -> str:
    return Template("{% load i18n %}" + source).render(Context(context))


def forms(lang: str, message) -> list[str]:
    with translation.override(lang):
        return [message(n) for n in NUMBERS]


def test_core_home_count_of_active_organisations():
    def home(n):
        return render(
            "{% blocktranslate count counter=n %}W bazie jest {{ counter }} aktywna organizacja.{% plural %}"
            "W bazie są {{ counter }} aktywne organizacje.{% endblocktranslate %}",
            n=n,
        )

    assert forms("pl", home) == [
        "W bazie jest 1 aktywna organizacja.",
        "W bazie są 2 aktywne organizacje.",
        "W bazie jest 5 aktywnych organizacji.",
        "W bazie jest 12 aktywnych organizacji.",
        "W bazie są 22 aktywne organizacje.",
        "W bazie jest 195 aktywnych organizacji.",
    ]
    assert forms("en", home)[:2] == [
        "The directory lists 1 active organisation.",
        "The directory lists 2 active organisations.",
    ]


def test_accounts_locked_out_count_of_attempts():
    def locked(n):
        return render(
            "{% blocktranslate count limit=n %}Podano błędne hasło {{ limit }} raz. Aby chronić konto przed "
            "zgadywaniem hasła, wstrzymaliśmy logowanie.{% plural %}Podano błędne hasło {{ limit }} razy z rzędu. "
            "Aby chronić konto przed zgadywaniem hasła, wstrzymaliśmy logowanie.{% endblocktranslate %}",
            n=n,
        ).split(".")[0]

    assert forms("pl", locked)[:3] == [
        "Podano błędne hasło 1 raz",
        "Podano błędne hasło 2 razy z rzędu",
        "Podano błędne hasło 5 razy z rzędu",
    ]
    assert forms("en", locked)[:2] == [
        "A wrong password was entered 1 time",
        "A wrong password was entered 2 times in a row",
    ]


def test_organisations_directory_count():
    def directory(n):
        paginator = SimpleNamespace(count=n, is_capped=False, num_pages=1)
        return render_to_string("organisations/_results_count.html", {"paginator": paginator}).strip()

    assert forms("pl", directory) == [
        '<p class="result-count">Znaleziono 1 organizację.</p>',
        '<p class="result-count">Znaleziono 2 organizacje.</p>',
        '<p class="result-count">Znaleziono 5 organizacji.</p>',
        '<p class="result-count">Znaleziono 12 organizacji.</p>',
        '<p class="result-count">Znaleziono 22 organizacje.</p>',
        '<p class="result-count">Znaleziono 195 organizacji.</p>',
    ]
    assert forms("en", directory)[:2] == [
        '<p class="result-count">1 organisation found.</p>',
        '<p class="result-count">2 organisations found.</p>',
    ]


def test_organisations_import_preview_counts():
    def to_add(n):
        return render(
            "{% blocktranslate count counter=n %}Plik jest poprawny. Po kliknięciu „Importuj” zostanie dodana "
            "{{ counter }} organizacja ze statusem „aktywna”.{% plural %}Plik jest poprawny. Po kliknięciu "
            "„Importuj” zostanie dodanych {{ counter }} organizacji ze statusem „aktywna”.{% endblocktranslate %}",
            n=n,
        ).split("„Importuj” ")[1]

    def errors(n):
        return render(
            "{% blocktranslate count counter=n %}…i jeszcze {{ counter }} błąd.{% plural %}…i jeszcze {{ counter }}"
            " błędów.{% endblocktranslate %}",
            n=n,
        )

    assert forms("pl", to_add) == [
        "zostanie dodana 1 organizacja ze statusem „aktywna”.",
        "zostaną dodane 2 organizacje ze statusem „aktywna”.",
        "zostanie dodanych 5 organizacji ze statusem „aktywna”.",
        "zostanie dodanych 12 organizacji ze statusem „aktywna”.",
        "zostaną dodane 22 organizacje ze statusem „aktywna”.",
        "zostanie dodanych 195 organizacji ze statusem „aktywna”.",
    ]
    assert forms("pl", errors) == [
        "…i jeszcze 1 błąd.",
        "…i jeszcze 2 błędy.",
        "…i jeszcze 5 błędów.",
        "…i jeszcze 12 błędów.",
        "…i jeszcze 22 błędy.",
        "…i jeszcze 195 błędów.",
    ]
    assert forms("en", errors)[:2] == ["…and 1 more error.", "…and 2 more errors."]


def test_api_text_length_messages():
    def too_short(n):
        error = {"type": "string_too_short", "loc": ("body", "payload", "name"), "ctx": {"min_length": n}}
        return validation_errors([error])["errors"][0]["message"]

    assert forms("pl", too_short) == [
        "Tekst musi mieć co najmniej 1 znak.",
        "Tekst musi mieć co najmniej 2 znaki.",
        "Tekst musi mieć co najmniej 5 znaków.",
        "Tekst musi mieć co najmniej 12 znaków.",
        "Tekst musi mieć co najmniej 22 znaki.",
        "Tekst musi mieć co najmniej 195 znaków.",
    ]
    assert forms("en", too_short)[:2] == [
        "The text must have at least 1 character.",
        "The text must have at least 2 characters.",
    ]


def test_spaces_room_capacity():
    def seats(n):
        return render(
            "{% blocktranslate count counter=n %}{{ counter }} miejsce{% plural %}{{ counter }} miejsc"
            "{% endblocktranslate %}",
            n=n,
        )

    assert forms("pl", seats) == [
        "1 miejsce",
        "2 miejsca",
        "5 miejsc",
        "12 miejsc",
        "22 miejsca",
        "195 miejsc",
    ]
    assert forms("en", seats)[:2] == ["1 seat", "2 seats"]


def test_untranslated_polish_entries_fall_back_to_the_msgid():
    # Through variables, so that makemessages does not copy these msgids into core's catalogue.
    not_found, seat, seats = "Nie znaleziono.", "%(counter)s miejsce", "%(counter)s miejsc"
    with translation.override("pl"):
        assert translation.gettext(not_found) == not_found
        assert ngettext(seat, seats, 3) == "%(counter)s miejsca"


def _entries(path: Path) -> list[str]:
    return [block for block in path.read_text(encoding="utf-8").split("\n\n") if "\nmsgid_plural " in block]


def _msgstr(block: str, index: int) -> str:
    match = re.search(rf'^msgstr\[{index}\] "(.*)"\n?((?:^".*"\n?)*)', block, re.M)
    if not match:
        return ""
    return match.group(1) + "".join(re.findall(r'^"(.*)"$', match.group(2), re.M))


@pytest.mark.parametrize("app", APPS)
def test_every_plural_entry_has_all_its_forms(app):
    for lang, count in (("pl", 3), ("en", 2)):
        path = CENTRUM / app / "locale" / lang / "LC_MESSAGES" / "django.po"
        assert path.exists(), path
        if lang == "pl":
            assert f'"Plural-Forms: {PL_RULE}\\n"' in path.read_text(encoding="utf-8"), path
        for block in _entries(path):
            if block.lstrip().startswith("#~"):
                continue
            msgid = re.search(r'^msgid "(.*)"', block, re.M).group(1)
            assert not re.search(r"^#,.*\bfuzzy\b", block, re.M), (path, msgid)
            assert all(_msgstr(block, i) for i in range(count)), (path, msgid)
            assert not _msgstr(block, count), (path, msgid)
