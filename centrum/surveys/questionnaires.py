"""The ready questionnaires: the yearly self-assessment of the Local Cooperation Quality Index (Lokalny
Indeks Jakości Współpracy, the Model of Cooperation Miechów took part in: public policies, public tasks,
the infrastructure of cooperation) and the diagnosis of training needs. Data, not code: staff edit a copy
like any survey while it has no answers."""

from django.utils.translation import gettext_lazy as _

from centrum.core.indicators import AREA_INFRASTRUCTURE, AREA_POLICIES, AREA_TASKS

SCALE_MIN = "zdecydowanie się nie zgadzam"
SCALE_MAX = "zdecydowanie się zgadzam"

# area → (section title, statements organisations rate 1–5)
INDEX_AREAS = [
    (
        AREA_POLICIES,
        "Polityki publiczne",
        [
            "Organizacje są włączane w diagnozowanie problemów społecznych gminy.",
            "Projekty uchwał dotyczących działalności organizacji są z nami konsultowane.",
            "Nasze uwagi zgłoszone w konsultacjach otrzymują odpowiedź z uzasadnieniem.",
            "Organizacje współtworzą program współpracy i dokumenty strategiczne gminy.",
        ],
    ),
    (
        AREA_TASKS,
        "Zadania publiczne",
        [
            "Zadania publiczne są zlecane organizacjom w otwartych konkursach ofert.",
            "Zasady konkursów i ocena ofert są jasne i jawne.",
            "Środki na zadania zlecane organizacjom rosną albo odpowiadają potrzebom.",
            "Gmina korzysta z inicjatywy lokalnej i małych grantów (art. 19a).",
        ],
    ),
    (
        AREA_INFRASTRUCTURE,
        "Infrastruktura współpracy",
        [
            "Organizacje mogą korzystać z lokali i sprzętu gminy na działania statutowe.",
            "Centrum organizacji pozarządowych odpowiada na nasze potrzeby (doradztwo, szkolenia).",
            "Rada Działalności Pożytku Publicznego lub zespoły wspólne działają i są słuchane.",
            "Informacja o sprawach ważnych dla organizacji dociera do nas na czas.",
        ],
    ),
]

TRAINING_TOPICS = [
    "Pisanie wniosków i ofert realizacji zadań publicznych",
    "Rozliczanie dotacji i sprawozdawczość",
    "Księgowość i finanse organizacji",
    "Prawo o stowarzyszeniach i fundacjach, zmiany w KRS",
    "Pozyskiwanie funduszy zewnętrznych i fundraising",
    "Promocja i komunikacja w mediach społecznościowych",
    "Wolontariat – zasady i porozumienia",
    "Ochrona danych osobowych (RODO)",
]
TRAINING_FORMS = ["Warsztaty stacjonarne", "Szkolenie online", "Doradztwo indywidualne", "Seminarium"]
TRAINING_TIMES = ["Dni robocze rano", "Dni robocze po południu", "Weekendy"]


def index_title(year: int) -> str:
    return str(_("Lokalny Indeks Jakości Współpracy – samoocena %(year)s")) % {"year": year}


NEEDS_TITLE = _("Diagnoza potrzeb szkoleniowych organizacji")
