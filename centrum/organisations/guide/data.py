"""The guided path for people founding an organisation, as data: the questions, the legal forms and
the steps of each form, with the kinds of help a centre may offer along the way.

The texts are general guidance, not legal advice (DOMAIN.md §8). The logic that reads them lives in
`centrum.organisations.guide`, which also re-exports every name declared here.
"""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..choices import LegalForm

# ---------------------------------------------------------------- questions


@dataclass(frozen=True)
class Choice:
    value: str
    label: Promise


@dataclass(frozen=True)
class Question:
    key: str
    label: Promise
    help: Promise
    choices: tuple[Choice, ...]


YES, NO, UNSURE = "tak", "nie", "nie-wiem"
FOUNDER_COUNTS = {"1": 1, "2": 2, "3-6": 3, "7-9": 7, "10+": 10}
SITUATION_NONE, SITUATION_SCHOOL_SPORT, SITUATION_RURAL = "inna", "sport-szkolny", "kgw"

QUESTIONS: tuple[Question, ...] = (
    Question(
        "zalozyciele",
        _("Ile osób chce założyć organizację?"),
        _("Liczą się osoby, które podpiszą listę założycieli albo – w fundacji – fundatorzy."),
        (
            Choice("1", _("jedna osoba")),
            Choice("2", _("dwie osoby")),
            Choice("3-6", _("od 3 do 6 osób")),
            Choice("7-9", _("od 7 do 9 osób")),
            Choice("10+", _("10 osób lub więcej")),
        ),
    ),
    Question(
        "osobowosc",
        _("Czy organizacja ma mieć osobowość prawną?"),
        _(
            "Osobowość prawna pozwala organizacji we własnym imieniu zawierać umowy, zatrudniać, mieć majątek "
            "i odpowiadać nim za zobowiązania. Bez niej za zobowiązania odpowiadają członkowie."
        ),
        (Choice(YES, _("tak")), Choice(NO, _("nie")), Choice(UNSURE, _("nie wiem"))),
    ),
    Question(
        "dzialalnosc",
        _("Czy organizacja będzie prowadzić działalność gospodarczą?"),
        _("Na przykład sprzedaż usług lub towarów z zyskiem przeznaczanym na cele statutowe."),
        (Choice(YES, _("tak")), Choice(NO, _("nie")), Choice(UNSURE, _("nie wiem"))),
    ),
    Question(
        "majatek",
        _("Czy założyciel przeznaczy na organizację majątek (pieniądze lub rzeczy) na start?"),
        _("Fundacja powstaje wokół majątku przeznaczonego przez fundatora na określony cel."),
        (Choice(YES, _("tak")), Choice(NO, _("nie"))),
    ),
    Question(
        "sytuacja",
        _("Czy któraś z tych sytuacji pasuje do Was?"),
        _("Dla tych dwóch sytuacji są osobne, prostsze formy."),
        (
            Choice(SITUATION_NONE, _("żadna z poniższych")),
            Choice(
                SITUATION_SCHOOL_SPORT,
                _("klub sportowy uczniów przy szkole (uczniowie, rodzice, nauczyciele)"),
            ),
            Choice(SITUATION_RURAL, _("koło gospodyń wiejskich – mieszkańcy jednej wsi")),
        ),
    ),
)
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}

# ---------------------------------------------------------------- legal forms and their steps


# Kinds of help a centre may list among its services, found by words in the service's title or description.
CENTRE_HELP_PATTERNS: dict[str, re.Pattern] = {
    "founding": re.compile(
        r"nowych organizacji|nowo powstaj|powstajacych|tworzeni\w* (nowych )?organizacji|zaklada"
    ),
    "advice": re.compile(r"porad|doradztw|doradcz"),
    "address": re.compile(r"\badres(?!\w* e-?mail)"),
    "rooms": re.compile(r"\bsal(a|e|i|ach)?\b|pomieszcze"),
}


@dataclass(frozen=True)
class Step:
    key: str
    title: Promise
    text: Promise
    documents: tuple[Promise, ...] = ()
    centre_help: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormGuide:
    slug: str
    legal_form: str
    name: Promise
    summary: Promise
    registry: Promise
    min_founders: int
    legal_personality: bool
    business_allowed: bool
    needs_endowment: bool = False
    situation: str | None = None
    steps: tuple[Step, ...] = field(default_factory=tuple)


_BANK = Step(
    "rachunek",
    _("Rachunek bankowy"),
    _(
        "Załóż rachunek organizacji (wiele banków ma ofertę dla organizacji pozarządowych). Bank poprosi "
        "zwykle o statut lub regulamin, dokument rejestracji, NIP i REGON oraz dokumenty osób, które "
        "reprezentują organizację."
    ),
    (_("statut lub regulamin"), _("potwierdzenie wpisu do rejestru"), _("NIP i REGON")),
)
_ACCOUNTING = Step(
    "ksiegowosc",
    _("Księgowość i obowiązki roczne"),
    _(
        "Organizacja prowadzi księgi rachunkowe i co roku sporządza sprawozdanie finansowe oraz składa "
        "zeznanie CIT-8, także gdy nie ma przychodów. Warto od początku ustalić, kto prowadzi księgowość."
    ),
    centre_help=("advice",),
)
_KRS_NIP_REGON = Step(
    "nip-regon",
    _("NIP i REGON, zgłoszenie uzupełniające"),
    _(
        "Organizacja wpisana do KRS dostaje NIP i REGON automatycznie, razem z wpisem. Potem składa w urzędzie "
        "skarbowym zgłoszenie uzupełniające NIP-8 (w terminie wskazanym w przepisach – obecnie 21 dni od wpisu)."
    ),
    (_("NIP-8"),),
)
_CRBR = Step(
    "crbr",
    _("Centralny Rejestr Beneficjentów Rzeczywistych"),
    _(
        "Fundacje i stowarzyszenia wpisane do KRS zgłaszają do CRBR osoby, które nimi kierują (zwykle członków "
        "zarządu), w ciągu 14 dni od wpisu do KRS – przez internet, bez opłat. Sprawdź aktualne zasady na "
        "stronie rejestru."
    ),
)
_SEAT = Step(
    "siedziba",
    _("Adres siedziby"),
    _(
        "Organizacja potrzebuje adresu siedziby, który poda w statucie (miejscowość) i we wniosku (pełny adres). "
        "Potrzebna jest zgoda właściciela lokalu na wskazanie adresu."
    ),
    (_("zgoda właściciela lokalu na wskazanie adresu"),),
    ("address",),
)

FORMS: tuple[FormGuide, ...] = (
    FormGuide(
        slug="kgw",
        legal_form=LegalForm.RURAL_WOMENS_CIRCLE,
        name=_("Koło gospodyń wiejskich"),
        summary=_(
            "Organizacja mieszkańców wsi, która wspiera rozwój przedsiębiorczości na wsi i działa na rzecz "
            "środowisk wiejskich. Po wpisie do Krajowego Rejestru Kół Gospodyń Wiejskich ma osobowość prawną."
        ),
        registry=_("Krajowy Rejestr Kół Gospodyń Wiejskich (ARiMR)"),
        min_founders=10,
        legal_personality=True,
        business_allowed=True,
        situation=SITUATION_RURAL,
        steps=(
            Step(
                "zalozyciele",
                _("Co najmniej 10 pełnoletnich mieszkańców wsi"),
                _(
                    "Koło zakładają co najmniej 10 pełnoletnie osoby mieszkające na terenie wsi, w której koło "
                    "ma siedzibę."
                ),
            ),
            Step(
                "statut",
                _("Statut koła"),
                _(
                    "Statut określa m.in. nazwę, siedzibę, cele i sposoby ich realizacji, prawa i obowiązki "
                    "członków, władze koła (zarząd, komisja rewizyjna) i sposób reprezentacji."
                ),
                (_("statut"),),
                ("advice",),
            ),
            Step(
                "zebranie",
                _("Zebranie założycielskie"),
                _(
                    "Założyciele uchwalają statut i wybierają zarząd oraz komisję rewizyjną. Sporządźcie protokół "
                    "zebrania i listę założycieli z podpisami."
                ),
                (
                    _("protokół zebrania założycielskiego"),
                    _("uchwała o przyjęciu statutu"),
                    _("lista założycieli"),
                ),
                ("rooms",),
            ),
            Step(
                "wniosek",
                _("Wniosek o wpis do rejestru ARiMR"),
                _(
                    "Wniosek składa się do Agencji Restrukturyzacji i Modernizacji Rolnictwa (formularz jest na jej "
                    "stronie). Z chwilą wpisu koło uzyskuje osobowość prawną."
                ),
                (_("wniosek o wpis do Krajowego Rejestru KGW"), _("statut"), _("lista założycieli")),
            ),
            Step(
                "nip-regon",
                _("NIP i REGON"),
                _(
                    "Po wpisie koło składa wniosek o NIP (NIP-2) w urzędzie skarbowym i o REGON w urzędzie "
                    "statystycznym."
                ),
                (_("NIP-2"), _("wniosek o REGON")),
            ),
            _BANK,
            _ACCOUNTING,
        ),
    ),
    FormGuide(
        slug="uks",
        legal_form=LegalForm.SPORTS_CLUB,
        name=_("Uczniowski klub sportowy (UKS)"),
        summary=_(
            "Klub sportowy działający jako stowarzyszenie uczniów, rodziców i nauczycieli. Klub, który nie "
            "prowadzi działalności gospodarczej, wpisuje do ewidencji starosta (w mieście na prawach powiatu – "
            "prezydent miasta); z chwilą wpisu klub ma osobowość prawną."
        ),
        registry=_("ewidencja starosty (prezydenta miasta na prawach powiatu)"),
        min_founders=7,
        legal_personality=True,
        business_allowed=False,
        situation=SITUATION_SCHOOL_SPORT,
        steps=(
            Step(
                "statut",
                _("Statut klubu"),
                _(
                    "Statut określa nazwę, siedzibę, cele i sposoby działania, zasady członkostwa, władze klubu, "
                    "sposób reprezentacji, majątek i zasady zmiany statutu oraz rozwiązania klubu."
                ),
                (_("statut"),),
                ("advice",),
            ),
            Step(
                "zebranie",
                _("Zebranie założycielskie"),
                _(
                    "Co najmniej 7 założycieli (jak w stowarzyszeniu) uchwala założenie klubu i statut oraz wybiera "
                    "zarząd i komisję rewizyjną. Sporządźcie protokół i listę założycieli z danymi i podpisami."
                ),
                (
                    _("protokół zebrania założycielskiego"),
                    _("uchwała o założeniu i przyjęciu statutu"),
                    _("lista założycieli"),
                ),
                ("rooms",),
            ),
            _SEAT,
            Step(
                "wniosek",
                _("Wniosek o wpis do ewidencji"),
                _(
                    "Wniosek o wpis do ewidencji klubów sportowych składa zarząd u starosty właściwego dla "
                    "siedziby klubu. Starosta wpisuje klub decyzją administracyjną."
                ),
                (
                    _("wniosek o wpis do ewidencji"),
                    _("statut"),
                    _("lista założycieli"),
                    _("protokół wyboru władz"),
                ),
            ),
            Step(
                "nip-regon",
                _("NIP i REGON"),
                _(
                    "Po wpisie klub składa wniosek o NIP (NIP-2) w urzędzie skarbowym i o REGON w urzędzie statystycznym."
                ),
                (_("NIP-2"), _("wniosek o REGON")),
            ),
            _BANK,
            _ACCOUNTING,
        ),
    ),
    FormGuide(
        slug="stowarzyszenie-rejestrowe",
        legal_form=LegalForm.ASSOCIATION,
        name=_("Stowarzyszenie rejestrowe"),
        summary=_(
            "Dobrowolne zrzeszenie co najmniej 7 osób o celu niezarobkowym. Po wpisie do Krajowego Rejestru "
            "Sądowego ma osobowość prawną i może prowadzić działalność gospodarczą (wtedy także wpis do rejestru "
            "przedsiębiorców)."
        ),
        registry=_(
            "Krajowy Rejestr Sądowy – rejestr stowarzyszeń (S), przy działalności gospodarczej także (P)"
        ),
        min_founders=7,
        legal_personality=True,
        business_allowed=True,
        steps=(
            Step(
                "statut",
                _("Statut"),
                _(
                    "Statut określa m.in. nazwę, teren działania i siedzibę, cele i sposoby ich realizacji, "
                    "nabywanie i utratę członkostwa, prawa i obowiązki członków, władze (zarząd, organ kontroli "
                    "wewnętrznej), sposób reprezentacji, majątek, zmiany statutu i rozwiązanie stowarzyszenia."
                ),
                (_("statut"),),
                ("advice", "founding"),
            ),
            Step(
                "zebranie",
                _("Zebranie założycielskie (co najmniej 7 osób)"),
                _(
                    "Założyciele podejmują uchwałę o założeniu stowarzyszenia i przyjęciu statutu oraz wybierają "
                    "zarząd i organ kontroli wewnętrznej (np. komisję rewizyjną) albo komitet założycielski. "
                    "Sporządźcie protokół zebrania."
                ),
                (
                    _("protokół zebrania założycielskiego"),
                    _("uchwała o założeniu stowarzyszenia i przyjęciu statutu"),
                    _("uchwały o wyborze władz"),
                ),
                ("rooms",),
            ),
            Step(
                "lista",
                _("Lista założycieli"),
                _(
                    "Lista zawiera imiona i nazwiska, daty i miejsca urodzenia, miejsca zamieszkania oraz "
                    "własnoręczne podpisy założycieli."
                ),
                (_("lista założycieli"),),
            ),
            _SEAT,
            Step(
                "krs",
                _("Wniosek do KRS przez Portal Rejestrów Sądowych"),
                _(
                    "Wniosek o wpis (dawniej formularz KRS-W20 z załącznikami) składa się wyłącznie elektronicznie, "
                    "w Portalu Rejestrów Sądowych; podpisują go osoby uprawnione (podpis kwalifikowany, profil "
                    "zaufany lub podpis osobisty). Wpis do rejestru stowarzyszeń jest wolny od opłat sądowych; przy "
                    "wpisie do rejestru przedsiębiorców opłaty są pobierane. Sąd ma na wpis 3 miesiące."
                ),
                (
                    _("wniosek o wpis w Portalu Rejestrów Sądowych"),
                    _("statut"),
                    _("lista założycieli"),
                    _("protokół i uchwały zebrania"),
                    _("adres siedziby i dane członków zarządu"),
                ),
            ),
            _KRS_NIP_REGON,
            _CRBR,
            _BANK,
            _ACCOUNTING,
        ),
    ),
    FormGuide(
        slug="stowarzyszenie-zwykle",
        legal_form=LegalForm.ORDINARY_ASSOCIATION,
        name=_("Stowarzyszenie zwykłe"),
        summary=_(
            "Uproszczona forma stowarzyszenia dla co najmniej 3 osób. Nie ma osobowości prawnej ani statutu – "
            "zamiast niego uchwala regulamin działalności. Nie może prowadzić działalności gospodarczej. "
            "Do ewidencji wpisuje je starosta (w mieście na prawach powiatu – prezydent miasta)."
        ),
        registry=_("ewidencja stowarzyszeń zwykłych prowadzona przez starostę"),
        min_founders=3,
        legal_personality=False,
        business_allowed=False,
        steps=(
            Step(
                "regulamin",
                _("Regulamin działalności"),
                _(
                    "Regulamin określa nazwę, cel, teren i środki działania, siedzibę, przedstawiciela "
                    "reprezentującego stowarzyszenie (albo zarząd), zasady zmiany regulaminu, przyjmowania i "
                    "wykluczania członków oraz rozwiązania stowarzyszenia."
                ),
                (_("regulamin działalności"),),
                ("advice", "founding"),
            ),
            Step(
                "zebranie",
                _("Spotkanie założycieli (co najmniej 3 osoby)"),
                _(
                    "Założyciele uchwalają założenie stowarzyszenia i regulamin oraz wybierają przedstawiciela albo "
                    "zarząd. Sporządźcie protokół spotkania i listę założycieli z danymi i podpisami."
                ),
                (
                    _("protokół spotkania"),
                    _("uchwała o założeniu i przyjęciu regulaminu"),
                    _("lista założycieli"),
                ),
                ("rooms",),
            ),
            _SEAT,
            Step(
                "ewidencja",
                _("Wniosek o wpis do ewidencji"),
                _(
                    "Przedstawiciel lub zarząd składa wniosek o wpis do ewidencji u starosty właściwego dla siedziby. "
                    "Wpis jest bezpłatny; starosta ma na niego 7 dni. Stowarzyszenie może działać od dnia wpisu."
                ),
                (
                    _("wniosek o wpis do ewidencji stowarzyszeń zwykłych"),
                    _("regulamin działalności"),
                    _("lista założycieli"),
                    _("adres siedziby"),
                    _("dane przedstawiciela lub członków zarządu"),
                ),
            ),
            Step(
                "nip-regon",
                _("NIP i REGON"),
                _(
                    "Stowarzyszenie zwykłe nie jest w KRS, więc o NIP (NIP-2) wnioskuje w urzędzie skarbowym, a o "
                    "REGON w urzędzie statystycznym – są potrzebne m.in. do rachunku bankowego i dotacji."
                ),
                (_("NIP-2"), _("wniosek o REGON")),
            ),
            _BANK,
            _ACCOUNTING,
        ),
    ),
    FormGuide(
        slug="fundacja",
        legal_form=LegalForm.FOUNDATION,
        name=_("Fundacja"),
        summary=_(
            "Majątek przeznaczony przez fundatora (osobę fizyczną lub prawną; wystarczy jedna) na cel społecznie "
            "lub gospodarczo użyteczny. Po wpisie do KRS ma osobowość prawną. Może prowadzić działalność "
            "gospodarczą, jeśli przeznaczy na nią co najmniej 1000 zł."
        ),
        registry=_(
            "Krajowy Rejestr Sądowy – rejestr stowarzyszeń (S), przy działalności gospodarczej także (P)"
        ),
        min_founders=1,
        legal_personality=True,
        business_allowed=True,
        needs_endowment=True,
        steps=(
            Step(
                "akt",
                _("Oświadczenie fundatora u notariusza"),
                _(
                    "Fundator składa oświadczenie woli o ustanowieniu fundacji w formie aktu notarialnego. Wskazuje "
                    "cel fundacji i majątek przeznaczony na jego realizację (fundusz założycielski)."
                ),
                (_("akt notarialny ustanowienia fundacji"),),
            ),
            Step(
                "statut",
                _("Statut fundacji"),
                _(
                    "Statut ustala fundator: nazwę, siedzibę, majątek, cele, zasady, formy i zakres działalności, "
                    "skład i organizację zarządu, sposób jego powoływania, obowiązki i uprawnienia. Warto od razu "
                    "przewidzieć organ nadzoru (np. radę fundacji) – jest potrzebny, by później uzyskać status OPP."
                ),
                (_("statut"),),
                ("advice", "founding"),
            ),
            Step(
                "zarzad",
                _("Powołanie zarządu"),
                _(
                    "Fundator powołuje zarząd zgodnie ze statutem. Sporządźcie dokument powołania i zgody członków zarządu."
                ),
                (_("uchwała lub oświadczenie o powołaniu zarządu"), _("zgody członków zarządu na powołanie")),
            ),
            _SEAT,
            Step(
                "krs",
                _("Wniosek do KRS przez Portal Rejestrów Sądowych"),
                _(
                    "Wniosek o wpis (dawniej formularz KRS-W20 z załącznikami) składa zarząd wyłącznie elektronicznie, "
                    "w Portalu Rejestrów Sądowych. Aktualne opłaty sprawdź na stronie portalu – zależą od tego, czy "
                    "fundacja będzie prowadzić działalność gospodarczą."
                ),
                (
                    _("wniosek o wpis w Portalu Rejestrów Sądowych"),
                    _("akt notarialny"),
                    _("statut"),
                    _("dokumenty powołania zarządu"),
                    _("adres siedziby"),
                ),
            ),
            Step(
                "minister",
                _("Właściwy minister i sprawozdania"),
                _(
                    "Statut wskazuje ministra właściwego ze względu na cele fundacji, który sprawuje nad nią nadzór. "
                    "Co roku fundacja składa mu sprawozdanie ze swojej działalności."
                ),
            ),
            _KRS_NIP_REGON,
            _CRBR,
            _BANK,
            _ACCOUNTING,
        ),
    ),
)
FORM_BY_SLUG = {f.slug: f for f in FORMS}
GENERAL_FORMS = ("stowarzyszenie-rejestrowe", "stowarzyszenie-zwykle", "fundacja")
