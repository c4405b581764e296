"""Demo data of the volunteer centre. Żory ("COP tworzy bazę Centrum Wolontariatu"), Częstochowa (the promotion of
volunteering, also abroad) and Mysłowice (volunteers for NGOs, PUP, UM and MOPS, meetings in schools) get the
full picture: volunteers (one a minor with the guardian's consent), hosts (two organisations of the registry, a
MOPS and a school), offers in every kind and state (a picnic with shifts), applications, agreements and hours;
other centres a little. The demo staff member is also the volunteer coordinator; the demo member (`czlonek`)
volunteers with the organisation the demo admin (`prezes`) runs; the demo official acts for the MOPS.
Idempotent."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.demo import demo_people, ensure_user
from centrum.accounts.models import CentreRole
from centrum.core.calendar import warsaw_today
from centrum.core.text import search_words
from centrum.organisations.demo import organisations_for_demo_members
from centrum.organisations.models import ActivityArea, District

from .choices import HostKind
from .models import AbroadPage, Agreement, Application, Host, HoursEntry, Offer, Shift, Volunteer

FULL = ("zory", "czestochowa", "myslowice")
PUBLIC_BODIES = {
    "zory": (
        ("Miejski Ośrodek Pomocy Społecznej w Żorach", "welfare"),
        ("Szkoła Podstawowa nr 15 w Żorach", "school"),
    ),
    "czestochowa": (
        ("Miejski Ośrodek Pomocy Rodzinie w Częstochowie", "welfare"),
        ("Zespół Szkół Ekonomicznych w Częstochowie", "school"),
    ),
    "myslowice": (
        ("Miejski Ośrodek Pomocy Społecznej w Mysłowicach", "welfare"),
        ("Powiatowy Urząd Pracy w Mysłowicach", "labour"),
        ("Szkoła Podstawowa nr 3 w Mysłowicach", "school"),
    ),
}
VOLUNTEERS = (
    ("Natalia Wróbel", 22, ("14", "15"), "studentka pedagogiki, prowadziła zajęcia w świetlicy", "angielski"),
    ("Piotr Malinowski", 67, ("14", "10"), "emerytowany nauczyciel matematyki", "niemiecki"),
    ("Oliwia Zając", 16, ("15", "27", "23"), "harcerka, pierwsza pomoc", "angielski"),
    ("Michał Nowicki", 31, ("12", "18"), "informatyk, prawo jazdy kat. B", "angielski, hiszpański"),
    ("Helena Pawlak", 45, ("3", "13"), "kucharka, organizacja festynów", ""),
)
# (title, host index, kind, days from today to start, length in days or None, capacity, for minors, fields,
#  status, place)
OFFERS = (
    (
        "Pomoc w odrabianiu lekcji w świetlicy",
        0,
        "regular",
        -30,
        None,
        4,
        True,
        ("14", "15"),
        "published",
        "świetlica",
    ),
    (
        "Zbiórka żywności przed świętami",
        1,
        "one_off",
        12,
        0,
        20,
        True,
        ("3",),
        "published",
        "sklepy w mieście",
    ),
    (
        "Piknik organizacji pozarządowych – dyżury",
        1,
        "event",
        20,
        0,
        12,
        True,
        ("27", "13"),
        "published",
        "park",
    ),
    (
        "Odwiedziny u seniorów",
        2,
        "period",
        -10,
        80,
        6,
        False,
        ("10", "3"),
        "published",
        "mieszkania seniorów",
    ),
    ("Korepetycje z matematyki dla uczniów", 3, "regular", -5, None, 3, True, ("14",), "published", "szkoła"),
    (
        "Prowadzenie strony internetowej stowarzyszenia",
        0,
        "period",
        5,
        60,
        1,
        False,
        ("12", "27"),
        "submitted",
        "zdalnie",
    ),
    ("Opieka nad zwierzętami w schronisku", 0, "regular", 3, None, 5, False, ("18",), "draft", "schronisko"),
)
ABROAD = (
    (
        "Europejski Korpus Solidarności",
        "<p>Wolontariat za granicą dla osób w wieku 18–30 lat: od 2 tygodni do 12 miesięcy, z pokryciem kosztów "
        "podróży, zakwaterowania i ubezpieczenia. Pomożemy znaleźć organizację wysyłającą i przygotować się do "
        "wyjazdu.</p>",
        "https://youth.europa.eu/solidarity_pl",
    ),
    (
        "Jak przygotować się do wyjazdu",
        "<ul><li>ubezpieczenie zdrowotne i NNW (w strefie konfliktu – także koszty leczenia, art. 46 ust. 4)</li>"
        "<li>porozumienie z organizacją przyjmującą</li><li>szkolenie przedwyjazdowe</li></ul>",
        "",
    ),
)


def _areas(codes) -> list[ActivityArea]:
    return list(ActivityArea.objects.filter(code__in=codes))


def _hosts(centre, people) -> list[Host]:
    hosts = []
    organisations = organisations_for_demo_members(centre)
    for organisation in (organisations[1], organisations[2]):
        host, _ = Host.objects.get_or_create(
            centre=centre, organisation=organisation, defaults={"kind": HostKind.ORGANISATION}
        )
        hosts.append(host)
    bodies = PUBLIC_BODIES.get(centre.slug, ((f"Ośrodek Pomocy Społecznej – {centre.city}", "welfare"),))
    for index, (name, kind) in enumerate(bodies):
        host, created = Host.objects.get_or_create(
            centre=centre,
            kind=HostKind.PUBLIC_BODY,
            name=name,
            defaults={"body_kind": kind, "email": f"wolontariat{index}@{centre.slug}.demo"},
        )
        if created and index == 0 and "urzednik" in people:
            host.managers.add(people["urzednik"])
        hosts.append(host)
    return hosts


def _volunteer(centre, user, name, age, codes, skills, languages, districts, index) -> Volunteer:
    today = warsaw_today()
    volunteer = Volunteer.objects.filter(centre=centre, user=user).first()
    if volunteer:
        return volunteer
    volunteer = Volunteer.objects.create(
        centre=centre,
        user=user,
        full_name=name,
        birth_date=today.replace(year=today.year - age, day=1) - timedelta(days=40 * index),
        skills=skills,
        languages=languages,
        district=districts[index % len(districts)] if districts else None,
        weekdays=index % 2 == 0,
        evenings=True,
        weekends=index % 3 != 1,
        visible_to_hosts=index != 3,
        visibility_consent_at=timezone.now() if index != 3 else None,
    )
    volunteer.areas.set(_areas(codes))
    if age < 18:
        volunteer.guardian_name = "Anna Zając"
        volunteer.guardian_contact = "601 234 567"
        volunteer.guardian_consent = "paper"
        volunteer.guardian_consent_at = timezone.now()
        volunteer.save()
    return volunteer


def _offer(centre, host, spec, districts, index) -> Offer:
    title, _host, kind, start, length, capacity, minors, codes, status, place = spec
    today = warsaw_today()
    starts = today + timedelta(days=start)
    offer = Offer.objects.create(
        centre=centre,
        host=host,
        title=title,
        description=f"<p>{title}. Zapewniamy opiekuna, szkolenie BHP i ubezpieczenie NNW przy krótkich "
        "porozumieniach.</p>",
        kind=kind,
        place=f"{place}, {centre.city}",
        district=districts[index % len(districts)] if districts else None,
        starts_on=starts,
        ends_on=None if length is None else starts + timedelta(days=length),
        schedule="wtorki i czwartki 15:00–18:00" if kind == "regular" else "",
        capacity=capacity,
        requirements="Pełnoletność." if not minors else "",
        for_minors=minors,
        weekdays=kind != "event",
        evenings=kind == "regular",
        weekends=kind in ("event", "one_off"),
        status=status,
        published_at=timezone.now() - timedelta(days=3) if status == "published" else None,
        submitted_at=timezone.now() - timedelta(days=4) if status != "draft" else None,
        search_text=" " + " ".join(search_words(f"{title} {place} {host}")) + " ",
    )
    offer.areas.set(_areas(codes))
    if kind == "event":
        begin = timezone.make_aware(
            timezone.datetime.combine(starts, timezone.datetime.min.time())
        ) + timedelta(hours=10)
        for n, label in enumerate(("Stoisko informacyjne", "Gry dla dzieci", "Sprzątanie po pikniku")):
            Shift.objects.create(
                centre=centre,
                offer=offer,
                label=label,
                starts_at=begin + timedelta(hours=3 * n),
                ends_at=begin + timedelta(hours=3 * n + 3),
                capacity=4,
            )
    return offer


def _accept(offer, volunteer, shift=None) -> Application:
    place = shift or offer
    type(place).objects.filter(pk=place.pk).update(taken=place.taken + 1)
    place.refresh_from_db()
    return Application.objects.create(
        centre=offer.centre,
        offer=offer,
        shift=shift,
        volunteer=volunteer,
        status="accepted",
        decided_at=timezone.now() - timedelta(days=20),
    )


def _agreement(application, number: int, days: int | None) -> Agreement:
    today = warsaw_today()
    starts = max(application.offer.starts_on, today - timedelta(days=25))
    ends = None if days is None else starts + timedelta(days=days)
    return Agreement.objects.create(
        centre=application.centre,
        application=application,
        number=f"POR/{starts.year}/{number:04d}",
        scope=application.offer.title,
        manner=application.offer.schedule or application.offer.place,
        starts_on=starts,
        ends_on=ends,
        termination="Każda ze stron może rozwiązać porozumienie z 7-dniowym wypowiedzeniem.",
        written_form=days is None or days > 30,
        insurance_flagged=days is not None and days <= 30,
    )


def _hours(agreement, days: int, confirmed: int) -> None:
    today = warsaw_today()
    for n in range(days):
        day = today - timedelta(days=2 + 3 * n)
        if not agreement.covers(day):
            continue
        HoursEntry.objects.create(
            centre=agreement.centre,
            agreement=agreement,
            day=day,
            hours=Decimal("3") if n % 2 else Decimal("2.5"),
            description="Zajęcia z dziećmi w świetlicy" if n % 2 else "Pomoc przy zbiórce",
            status="confirmed" if n < confirmed else "logged",
        )


def seed(*, centre, rng) -> str | None:
    if Host.objects.filter(centre=centre).exists():
        return None
    people = demo_people(centre)
    if "pracownik" in people:
        CentreRole.objects.get_or_create(centre=centre, user=people["pracownik"], role="coordinator")
    if "czlonek" not in people:
        return None
    full = centre.slug in FULL
    districts = list(District.objects.filter(centre=centre).order_by("name")[:6])
    hosts = _hosts(centre, people)
    specs = OFFERS if full else OFFERS[:3] + OFFERS[5:]
    offers = [_offer(centre, hosts[spec[1] % len(hosts)], spec, districts, i) for i, spec in enumerate(specs)]
    member = _volunteer(
        centre,
        people["czlonek"],
        people["czlonek"].full_name,
        34,
        ("14", "15"),
        "animacja czasu wolnego",
        "angielski",
        districts,
        0,
    )
    volunteers = [member]
    if full:
        for index, (name, age, codes, skills, languages) in enumerate(VOLUNTEERS, start=1):
            local = ".".join(search_words(name))  # ASCII: "Michał Nowicki" -> "michal.nowicki"
            user = ensure_user(f"{local}@{centre.slug}.demo", name)
            volunteers.append(_volunteer(centre, user, name, age, codes, skills, languages, districts, index))
    # The member volunteers in the homework club (an open-ended written agreement, hours to confirm) and
    # applied to the food drive; in full centres others are matched too.
    homework, food, picnic = offers[0], offers[1], offers[2]
    agreement = _agreement(_accept(homework, member), 1, None)
    _hours(agreement, 6, 3)
    Application.objects.create(centre=centre, offer=food, volunteer=member, message="Mogę w sobotę rano.")
    made = 2
    if full:
        shift = picnic.shifts.order_by("starts_at").first()
        _agreement(_accept(picnic, volunteers[3], shift), 2, 0)  # the minor: one day, NNW flagged
        seniors = offers[3]
        senior_agreement = _agreement(_accept(seniors, volunteers[2]), 3, 80)
        _hours(senior_agreement, 5, 5)
        _agreement(_accept(offers[4], volunteers[1]), 4, 20)
        Application.objects.create(
            centre=centre, offer=homework, volunteer=volunteers[4], message="Chętnie pomogę."
        )
        Application.objects.create(
            centre=centre, offer=picnic, shift=shift, volunteer=volunteers[5], status="declined"
        )
        made += 5
    if centre.slug in ("czestochowa", "zory"):
        for position, (title, body, links) in enumerate(ABROAD, start=1):
            AbroadPage.objects.create(centre=centre, title=title, body=body, links=links, position=position)
    return f"volunteers: {len(volunteers)}, offers: {len(offers)}, applications: {made}"
