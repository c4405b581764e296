"""The guided path for new organisations: decision logic for every combination of answers, pages, steps."""

import itertools

import pytest
from django.urls import reverse
from django.utils import translation

from centrum.organisations import guide
from centrum.organisations.guide import GOOD, POSSIBLE, UNSUITABLE, recommend

KEYS = [q.key for q in guide.QUESTIONS]
ALL_ANSWERS = [
    dict(zip(KEYS, values, strict=True))
    for values in itertools.product(*[[c.value for c in q.choices] for q in guide.QUESTIONS])
]


def query(**answers):
    base = {
        "zalozyciele": "7-9",
        "osobowosc": "tak",
        "dzialalnosc": "nie",
        "majatek": "nie",
        "sytuacja": "inna",
    }
    base.update(answers)
    return "&".join(f"{k}={v}" for k, v in base.items())


# ---------------------------------------------------------------- decision logic


def test_every_combination_of_answers_has_a_consistent_result():
    assert len(ALL_ANSWERS) == 5 * 3 * 3 * 2 * 3
    for answers in ALL_ANSWERS:
        result = recommend(answers)
        fits = {r.form.slug: r for r in result.results}
        founders = guide.FOUNDER_COUNTS[answers["zalozyciele"]]
        # The situation decides which special forms are shown at all.
        assert ("kgw" in fits) == (answers["sytuacja"] == guide.SITUATION_RURAL), answers
        assert ("uks" in fits) == (answers["sytuacja"] == guide.SITUATION_SCHOOL_SPORT), answers
        assert set(guide.GENERAL_FORMS) <= set(fits)
        for slug, r in fits.items():
            form = guide.FORM_BY_SLUG[slug]
            unsuitable = (
                founders < form.min_founders
                or (answers["osobowosc"] == guide.YES and not form.legal_personality)
                or (answers["dzialalnosc"] == guide.YES and not form.business_allowed)
            )
            assert (r.fit == UNSUITABLE) == unsuitable, (answers, slug, r)
            assert bool(r.reasons) == unsuitable
        # The best form is never one that does not fit, and exists whenever any form fits.
        if result.best is not None:
            assert fits[result.best.slug].fit in (GOOD, POSSIBLE)
            if any(r.fit == GOOD for r in result.results):
                assert fits[result.best.slug].fit == GOOD
        else:
            assert all(r.fit == UNSUITABLE for r in result.results)
        # Fewer than 3 founders: only a foundation (one founder is enough) can be recommended.
        if founders < 3:
            assert result.best is not None and result.best.slug == "fundacja"
        # A matching special situation wins whenever it fits.
        special = {"kgw": guide.SITUATION_RURAL, "uks": guide.SITUATION_SCHOOL_SPORT}
        for slug, situation in special.items():
            if answers["sytuacja"] == situation and fits[slug].fit == GOOD:
                assert result.best.slug == slug


@pytest.mark.parametrize(
    "answers, best",
    [
        ({"zalozyciele": "7-9", "osobowosc": "tak", "dzialalnosc": "tak"}, "stowarzyszenie-rejestrowe"),
        ({"zalozyciele": "10+", "osobowosc": "nie-wiem", "dzialalnosc": "nie"}, "stowarzyszenie-rejestrowe"),
        ({"zalozyciele": "3-6", "osobowosc": "nie", "dzialalnosc": "nie"}, "stowarzyszenie-zwykle"),
        ({"zalozyciele": "7-9", "osobowosc": "nie", "dzialalnosc": "nie"}, "stowarzyszenie-zwykle"),
        ({"zalozyciele": "3-6", "osobowosc": "tak", "dzialalnosc": "nie", "majatek": "tak"}, "fundacja"),
        ({"zalozyciele": "1", "osobowosc": "tak", "dzialalnosc": "tak", "majatek": "tak"}, "fundacja"),
        ({"zalozyciele": "10+", "sytuacja": "kgw"}, "kgw"),
        ({"zalozyciele": "7-9", "sytuacja": "kgw"}, "stowarzyszenie-rejestrowe"),  # KGW needs 10
        ({"zalozyciele": "7-9", "sytuacja": "sport-szkolny"}, "uks"),
        (
            {"zalozyciele": "7-9", "sytuacja": "sport-szkolny", "dzialalnosc": "tak"},
            "stowarzyszenie-rejestrowe",
        ),
    ],
)
def test_typical_answers(answers, best):
    full = {
        "zalozyciele": "7-9",
        "osobowosc": "tak",
        "dzialalnosc": "nie",
        "majatek": "nie",
        "sytuacja": "inna",
    }
    full.update(answers)
    assert recommend(full).best.slug == best


def test_reasons_and_notes_say_why():
    result = recommend(
        {"zalozyciele": "3-6", "osobowosc": "tak", "dzialalnosc": "tak", "majatek": "nie", "sytuacja": "inna"}
    )
    fits = {r.form.slug: r for r in result.results}
    assert fits["stowarzyszenie-rejestrowe"].reasons == ["Potrzeba co najmniej 7 założycieli."]
    assert fits["stowarzyszenie-zwykle"].reasons == [
        "Nie ma osobowości prawnej.",
        "Nie może prowadzić działalności gospodarczej.",
    ]
    assert fits["fundacja"].fit == POSSIBLE and "fundusz założycielski" in fits["fundacja"].notes[0]
    assert result.best.slug == "fundacja"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"zalozyciele": "100"},
        {
            "zalozyciele": "7-9",
            "osobowosc": "TAK",
            "dzialalnosc": "nie",
            "majatek": "nie",
            "sytuacja": "inna",
        },
        {"zalozyciele": ["7-9"], "osobowosc": None},
        "not a dict",
    ],
)
def test_clean_answers_never_raises(data):
    answers, errors = guide.clean_answers(data)
    assert errors and set(answers) | set(errors) == set(KEYS)


def test_steps_are_unique_and_mention_the_founders_of_domain_md():
    for form in guide.FORMS:
        keys = [s.key for s in form.steps]
        assert len(keys) == len(set(keys)), form.slug
        for step in form.steps:
            assert set(step.centre_help) <= set(guide.CENTRE_HELP_PATTERNS)
    assert guide.FORM_BY_SLUG["stowarzyszenie-rejestrowe"].min_founders == 7
    assert guide.FORM_BY_SLUG["stowarzyszenie-zwykle"].min_founders == 3


def test_centre_help_lists_only_what_the_centre_offers(centre):
    centre.services = [
        {"title": "Adres rejestrowy", "description": "Adres dla nowo powstających organizacji."},
        {"title": "Adres e-mail dla organizacji", "description": "Adres e-mail na serwerze miasta."},
        {"title": "Porady", "description": "Porady prawne, księgowe i organizacyjne."},
        {"title": "Sale i sprzęt", "description": "Sala wykładowa na 30 osób."},
        {"no title": True},
        "garbage",
    ]
    found = guide.centre_help(centre)
    assert [s["title"] for s in found["address"]] == ["Adres rejestrowy"]
    assert [s["title"] for s in found["founding"]] == ["Adres rejestrowy"]
    assert [s["title"] for s in found["advice"]] == ["Porady"]
    assert [s["title"] for s in found["rooms"]] == ["Sale i sprzęt"]
    centre.services = {"broken": "shape"}
    assert guide.centre_help(centre) == {kind: [] for kind in guide.CENTRE_HELP_PATTERNS}


# ---------------------------------------------------------------- pages


def test_start_page(anon, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = anon.get(reverse("organisations:guide_start"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<fieldset") == len(guide.QUESTIONS) and "nie porada prawna" in page
    for form in guide.FORMS:
        assert reverse("organisations:guide_checklist", args=[form.slug]) in page


def test_result_page(anon, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = anon.get(
            reverse("organisations:guide_result") + "?" + query(zalozyciele="3-6", osobowosc="nie")
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Podpowiadamy: Stowarzyszenie zwykłe" in page
    assert "Potrzeba co najmniej 7 założycieli." in page
    assert "zalozyciele=3-6" in page  # answers carried to the checklists


@pytest.mark.parametrize(
    "qs",
    [
        "",
        "zalozyciele=abc&osobowosc=tak",
        query(sytuacja="<script>alert(1)</script>"),
        query(zalozyciele="7-9") + "&zalozyciele=%00",
        "zalozyciele=" + "9" * 5000,
    ],
)
def test_garbage_answers_show_the_questions_again(anon, qs):
    response = anon.get(reverse("organisations:guide_result") + "?" + qs)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Wybierz jedną z odpowiedzi." in page and 'aria-invalid="true"' in page
    assert "<script>alert(1)</script>" not in page


def test_no_form_fits(anon):
    response = anon.get(
        reverse("organisations:guide_result")
        + "?"
        + query(zalozyciele="2", osobowosc="nie", dzialalnosc="nie")
    )
    assert "Podpowiadamy: Fundacja" in response.content.decode()


def test_checklist_shows_steps_documents_and_only_listed_centre_help(
    centre, anon, django_assert_max_num_queries
):
    centre.services = [{"title": "Adres rejestrowy", "description": "Dla nowo powstających organizacji."}]
    centre.save()
    with django_assert_max_num_queries(4):
        response = anon.get(reverse("organisations:guide_checklist", args=["stowarzyszenie-rejestrowe"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lista założycieli" in page and "Portalu Rejestrów Sądowych" in page and "KRS-W20" in page
    assert "Adres rejestrowy" in page
    assert "Porady" not in page  # the centre does not list advice
    assert "Zrobione kroki: 0 z" in page


def test_checklist_without_centre_services_has_no_help_section(centre, anon):
    centre.services = []
    centre.save()
    page = anon.get(reverse("organisations:guide_checklist", args=["fundacja"])).content.decode()
    assert "Pomoc centrum" not in page and "W czym pomoże" not in page


def test_marking_steps_done_in_the_session(anon):
    url = reverse("organisations:guide_checklist", args=["stowarzyszenie-zwykle"])
    response = anon.post(url, {"krok": "regulamin", "zrobione": "1", "odpowiedzi": query(zalozyciele="3-6")})
    assert response.status_code == 302 and response.url.endswith("#krok-regulamin")
    assert "zalozyciele=3-6" in response.url
    anon.post(url, {"krok": "ewidencja", "zrobione": "1"})
    page = anon.get(url).content.decode()
    assert "Zrobione kroki: 2 z" in page and "Cofnij: „Regulamin działalności” zrobione" in page
    printed = anon.get(reverse("organisations:guide_print", args=["stowarzyszenie-zwykle"])).content.decode()
    assert printed.count("☑") == 2
    # Another form's checklist is separate.
    assert (
        "Zrobione kroki: 0 z"
        in anon.get(reverse("organisations:guide_checklist", args=["fundacja"])).content.decode()
    )
    anon.post(url, {"krok": "regulamin", "zrobione": "0"})
    assert "Zrobione kroki: 1 z" in anon.get(url).content.decode()
    anon.post(url, {"reset": "1"})
    assert "Zrobione kroki: 0 z" in anon.get(url).content.decode()


def test_signed_in_users_mark_steps_too(client_for, centre, plain_user):
    client = client_for(centre, plain_user)
    url = reverse("organisations:guide_checklist", args=["fundacja"])
    client.post(url, {"krok": "akt", "zrobione": "1"})
    assert "Zrobione kroki: 1 z" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"krok": "nie-ma-takiego", "zrobione": "1"},
        {"krok": "", "zrobione": "1"},
        {},
        {"krok": "akt", "zrobione": "1", "odpowiedzi": "https://evil.example/\r\nX: y"},
    ],
)
def test_garbage_posts_do_not_fail(anon, data):
    url = reverse("organisations:guide_checklist", args=["fundacja"])
    response = anon.post(url, data)
    assert response.status_code == 302 and response.url.startswith(url)
    assert "evil" not in response.url


def test_a_broken_session_value_is_ignored(anon):
    session = anon.session
    session[guide.SESSION_KEY] = {"fundacja": ["akt", 5, None, "nie-ma"], "stowarzyszenie-zwykle": "x"}
    session.save()
    assert (
        "Zrobione kroki: 1 z"
        in anon.get(reverse("organisations:guide_checklist", args=["fundacja"])).content.decode()
    )
    session = anon.session
    session[guide.SESSION_KEY] = "garbage"
    session.save()
    url = reverse("organisations:guide_checklist", args=["fundacja"])
    assert anon.get(url).status_code == 200
    anon.post(url, {"krok": "akt", "zrobione": "1"})
    assert "Zrobione kroki: 1 z" in anon.get(url).content.decode()


def test_unknown_form_is_404(anon):
    assert anon.get(reverse("organisations:guide_checklist", args=["spolka-z-oo"])).status_code == 404
    assert anon.get(reverse("organisations:guide_print", args=["spolka-z-oo"])).status_code == 404
    assert anon.post(reverse("organisations:guide_checklist", args=["spolka-z-oo"])).status_code == 404


def test_every_url_works_for_anonymous_and_signed_in_people(anon, client_for, centre, org_member, staff_user):
    urls = [reverse("organisations:guide_start"), reverse("organisations:guide_result") + "?" + query()]
    for form in guide.FORMS:
        urls += [
            reverse("organisations:guide_checklist", args=[form.slug]),
            reverse("organisations:guide_print", args=[form.slug]),
        ]
    for client in (anon, client_for(centre, org_member), client_for(centre, staff_user)):
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_pages_do_not_exist_on_the_platform_host(db):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    assert client.get(reverse("organisations:guide_start")).status_code == 404


def test_methods(anon):
    assert anon.post(reverse("organisations:guide_start")).status_code == 405
    assert anon.post(reverse("organisations:guide_print", args=["fundacja"])).status_code == 405


def test_english_translation_of_the_pages(client_for, centre):
    client = client_for(centre)
    client.cookies["django_language"] = "en"
    # The request activates English in this thread; the override puts Polish back for the next tests.
    with translation.override("pl"):
        response = client.get(reverse("organisations:guide_start"))
    assert response.status_code == 200 and '<html lang="en"' in response.content.decode()
