"""The closed catalogue of art. 19b ust. 1 of the Act: the seven points a local initiative may concern.
Each centre keeps its copy as data (`Area`), seeded from here and editable by its officials."""

from django.utils.translation import gettext_noop

# (point, area, examples)
STATUTORY_AREAS = (
    (
        "1",
        gettext_noop("Działalność na rzecz społeczności lokalnej – infrastruktura"),
        gettext_noop(
            "Budowa, rozbudowa lub remont dróg, kanalizacji, sieci wodociągowej, budynków oraz obiektów małej "
            "architektury."
        ),
    ),
    (
        "2",
        gettext_noop("Działalność charytatywna, tradycja, mniejszości, kultura, wolontariat"),
        gettext_noop(
            "Działalność charytatywna; podtrzymywanie i upowszechnianie tradycji narodowej, pielęgnowanie "
            "polskości oraz rozwój świadomości narodowej, obywatelskiej i kulturowej; działalność na rzecz "
            "mniejszości narodowych i etnicznych oraz języka regionalnego; kultura, sztuka, ochrona dóbr kultury "
            "i dziedzictwa narodowego; promocja i organizacja wolontariatu."
        ),
    ),
    (
        "3",
        gettext_noop("Edukacja, oświata i wychowanie"),
        gettext_noop("Nauka, edukacja, oświata i wychowanie."),
    ),
    (
        "4",
        gettext_noop("Sport i turystyka"),
        gettext_noop(
            "Działalność wspomagająca rozwój wspólnot i społeczności lokalnych, wspieranie i upowszechnianie kultury fizycznej, turystyka i krajoznawstwo."
        ),
    ),
    (
        "5",
        gettext_noop("Przyroda i zieleń"),
        gettext_noop("Ochrona przyrody, w tym zadrzewianie, tworzenie zieleńców i łąk kwietnych."),
    ),
    (
        "6",
        gettext_noop("Porządek i bezpieczeństwo publiczne"),
        gettext_noop("Porządek i bezpieczeństwo publiczne."),
    ),
    ("7", gettext_noop("Rewitalizacja"), gettext_noop("Rewitalizacja obszaru gminy.")),
)
