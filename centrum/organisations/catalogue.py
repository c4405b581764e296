"""Spheres of public-benefit tasks: art. 4 ust. 1 of the Act on public-benefit activity and volunteering.

`PUBLIC_BENEFIT_AREAS` holds the statutory Polish names, the same in every language: the data migration
stores them in `ActivityArea.name` and the CSV import matches them. They are marked for translation, so
every page, form and the API show `area_label(code)` (or `ActivityArea.label`) in the reader's language.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, gettext_noop

PUBLIC_BENEFIT_AREAS: list[tuple[str, str]] = [
    ("1", gettext_noop("pomoc społeczna, w tym pomoc rodzinom i osobom w trudnej sytuacji życiowej")),
    ("1a", gettext_noop("wspieranie rodziny i systemu pieczy zastępczej")),
    ("1b", gettext_noop("nieodpłatna pomoc prawna i zwiększanie świadomości prawnej społeczeństwa")),
    (
        "2",
        gettext_noop(
            "integracja i reintegracja zawodowa i społeczna osób zagrożonych wykluczeniem społecznym"
        ),
    ),
    ("3", gettext_noop("działalność charytatywna")),
    (
        "4",
        gettext_noop(
            "podtrzymywanie i upowszechnianie tradycji narodowej, świadomości narodowej, obywatelskiej i kulturowej"
        ),
    ),
    ("5", gettext_noop("działalność na rzecz mniejszości narodowych i etnicznych oraz języka regionalnego")),
    ("5a", gettext_noop("działalność na rzecz integracji cudzoziemców")),
    ("6", gettext_noop("ochrona i promocja zdrowia")),
    ("7", gettext_noop("działalność na rzecz osób z niepełnosprawnościami")),
    ("8", gettext_noop("promocja zatrudnienia i aktywizacji zawodowej")),
    ("9", gettext_noop("równe prawa kobiet i mężczyzn")),
    ("10", gettext_noop("działalność na rzecz osób w wieku emerytalnym")),
    ("11", gettext_noop("wspomaganie rozwoju gospodarczego, w tym przedsiębiorczości")),
    ("12", gettext_noop("wspomaganie rozwoju techniki, wynalazczości i innowacyjności")),
    ("13", gettext_noop("wspomaganie rozwoju wspólnot i społeczności lokalnych")),
    ("14", gettext_noop("nauka, szkolnictwo wyższe, edukacja, oświata i wychowanie")),
    ("15", gettext_noop("działalność na rzecz dzieci i młodzieży, w tym wypoczynek dzieci i młodzieży")),
    ("16", gettext_noop("kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego")),
    ("17", gettext_noop("wspieranie i upowszechnianie kultury fizycznej")),
    ("18", gettext_noop("ekologia i ochrona zwierząt oraz ochrona dziedzictwa przyrodniczego")),
    ("19", gettext_noop("turystyka i krajoznawstwo")),
    ("20", gettext_noop("porządek i bezpieczeństwo publiczne")),
    ("21", gettext_noop("obronność państwa i działalność Sił Zbrojnych RP")),
    ("22", gettext_noop("upowszechnianie i ochrona wolności i praw człowieka oraz rozwój demokracji")),
    ("23", gettext_noop("ratownictwo i ochrona ludności")),
    ("24", gettext_noop("pomoc ofiarom katastrof, klęsk żywiołowych, konfliktów zbrojnych i wojen")),
    ("25", gettext_noop("upowszechnianie i ochrona praw konsumentów")),
    ("26", gettext_noop("integracja europejska oraz współpraca między społeczeństwami")),
    ("27", gettext_noop("promocja i organizacja wolontariatu")),
    ("28", gettext_noop("pomoc Polonii i Polakom za granicą")),
    ("29", gettext_noop("działalność na rzecz kombatantów i osób represjonowanych")),
    ("30", gettext_noop("promocja Rzeczypospolitej Polskiej za granicą")),
    ("31", gettext_noop("działalność na rzecz rodziny, macierzyństwa, rodzicielstwa i praw dziecka")),
    ("32", gettext_noop("przeciwdziałanie uzależnieniom i patologiom społecznym")),
    ("32a", gettext_noop("rewitalizacja")),
    (
        "33",
        gettext_noop(
            "wspieranie organizacji pozarządowych (technicznie, szkoleniowo, informacyjnie, finansowo)"
        ),
    ),
]

AREA_LABELS: dict[str, Promise] = {code: gettext_lazy(name) for code, name in PUBLIC_BENEFIT_AREAS}


def area_label(code: str, default: str = "") -> str:
    """The sphere's name in the active language; `default` (the stored name) for a code not in the catalogue."""
    label = AREA_LABELS.get(code)
    return str(label) if label is not None else default
