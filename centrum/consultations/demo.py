"""Demo data in every centre: the three kinds, next year's cooperation programme in consultation (its draft's
parts imported from the programme, two organisations' comments), a consultation of a local act that ended with
every comment answered, a second version and the report published, a draft of a residents' consultation, and a
call for proposals of next year's priority tasks with a thematic team (Częstochowa's way). Idempotent."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.calendar import warsaw_today
from centrum.core.crossrefs import subject_sources_for, subject_units
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import CommentStatus, ConsultationStatus
from .drafting import split_draft
from .models import Comment, Consultation, ConsultationKind, Proposal, ProposalCall, Team, Unit
from .services import kinds_ensure_defaults

ACT = """Rozdział 1
Postanowienia ogólne
§ 1. Uchwała określa szczegółowy sposób konsultowania z radą działalności pożytku publicznego i organizacjami
pozarządowymi projektów aktów prawa miejscowego.
§ 2. 1. Konsultacje przeprowadza się w formie pisemnych uwag albo otwartego spotkania.
2. Ogłoszenie o konsultacjach zamieszcza się:
1) w Biuletynie Informacji Publicznej;
2) na stronie internetowej Centrum Organizacji Pozarządowych.
Rozdział 2
Przebieg konsultacji
§ 3. Konsultacje trwają nie krócej niż 7 dni od dnia ogłoszenia.
§ 4. Wyniki konsultacji zamieszcza się w Biuletynie Informacji Publicznej w terminie 30 dni od ich zakończenia."""


BUDGET = """§ 1. Budżet obywatelski jest częścią budżetu miasta, o której przeznaczeniu decydują mieszkańcy.
§ 2. 1. Projekty zgłasza co najmniej 15 mieszkańców.
2. Głosować może każdy mieszkaniec, który ukończył 16 lat."""
LETTING = """§ 1. Lokale użytkowe miasta wynajmuje się organizacjom pozarządowym na preferencyjnych zasadach.
§ 2. Stawka czynszu wynosi 10% stawki rynkowej."""


def _units(consultation, parsed) -> list[Unit]:
    return Unit.objects.bulk_create(
        Unit(
            centre=consultation.centre,
            consultation=consultation,
            version=1,
            position=n,
            level=p.level,
            number=p.number[:40],
            heading=p.heading[:300],
            text=p.text,
        )
        for n, p in enumerate(parsed, start=1)
    )


def seed(*, centre, rng: random.Random) -> str | None:
    if Consultation.objects.filter(centre=centre).exists():
        return None
    kinds_ensure_defaults(centre=centre)
    kinds = list(ConsultationKind.objects.filter(centre=centre).order_by("id"))
    acts, residents, programme_kind = kinds[0], kinds[1], kinds[2]
    acts.resolution = "Uchwała Nr XLII/712/2010 Rady Miasta z dnia 28 października 2010 r."
    acts.save(update_fields=["resolution"])
    User = get_user_model()
    official = User.objects.filter(email=demo_email("urzednik", centre.slug)).first()
    president = User.objects.filter(email=demo_email("prezes", centre.slug)).first()
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("id")[:3]
    )
    today = warsaw_today()

    # next year's programme in consultation
    programme_refs = [
        s.ref
        for source in subject_sources_for(centre)
        if source.key == "programmes"
        for s in source.subjects(centre)
    ]
    current = Consultation.objects.create(
        centre=centre,
        kind=programme_kind,
        title=f"Konsultacje projektu programu współpracy na rok {today.year + 1}",
        description="Zapraszamy organizacje do zgłaszania uwag do projektu programu współpracy.",
        subject_ref=programme_refs[0] if programme_refs else "",
        starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=14),
        status=ConsultationStatus.OPEN,
        status_changed_at=timezone.now() - timedelta(days=3),
        bip_published_on=today - timedelta(days=3),
        bip_url="https://bip.example.org/konsultacje/program-wspolpracy",
        created_by=official,
    )
    parsed = subject_units(centre, current.subject_ref) if current.subject_ref else []
    units = _units(current, parsed or split_draft(ACT))
    # past: a local act, answered and reported
    past = Consultation.objects.create(
        centre=centre,
        kind=acts,
        title="Konsultacje projektu uchwały w sprawie trybu konsultowania aktów prawa miejscowego",
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=45),
        status=ConsultationStatus.REPORTED,
        status_changed_at=timezone.now() - timedelta(days=20),
        report_published_at=timezone.now() - timedelta(days=20),
        bip_published_on=today - timedelta(days=60),
        bip_url="https://bip.example.org/konsultacje/tryb-konsultacji",
        version=2,
        created_by=official,
    )
    past_units = _units(past, split_draft(ACT))
    budget = Consultation.objects.create(
        centre=centre,
        kind=residents,
        consulted_group="residents",
        title="Konsultacje społeczne zasad budżetu obywatelskiego",
        starts_on=today - timedelta(days=2),
        ends_on=today + timedelta(days=19),
        status=ConsultationStatus.OPEN,
        status_changed_at=timezone.now() - timedelta(days=2),
        created_by=official,
    )
    _units(budget, split_draft(BUDGET))
    Consultation.objects.create(
        centre=centre,
        kind=acts,
        title="Konsultacje projektu uchwały w sprawie nadania statutu Radzie Seniorów",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=24),
        created_by=official,
    )
    closed = Consultation.objects.create(
        centre=centre,
        kind=acts,
        title="Konsultacje projektu uchwały w sprawie zasad wynajmu lokali organizacjom",
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=10),
        status=ConsultationStatus.CLOSED,
        status_changed_at=timezone.now() - timedelta(days=9),
        version=2,
        created_by=official,
    )
    closed_units = _units(closed, split_draft(LETTING))
    Unit.objects.bulk_create(
        Unit(
            centre=centre,
            consultation=closed,
            version=2,
            position=u.position,
            level=u.level,
            number=u.number,
            heading=u.heading,
            text=u.text,
            previous=u,
        )
        for u in closed_units
    )
    if president is not None and organisations:
        for n, unit in enumerate(units[1:3]):
            Comment.objects.create(
                centre=centre,
                consultation=current,
                unit=unit,
                author=president,
                organisation=organisations[n % len(organisations)],
                author_name=president.full_name,
                author_email=president.email,
                current_wording=unit.text,
                proposal="Proponujemy dopisać coroczne spotkanie podsumowujące współpracę.",
                justification="Organizacje oczekują wspólnej oceny realizacji programu.",
            )
        target = past_units[3] if len(past_units) > 3 else past_units[0]
        answered = Comment.objects.create(
            centre=centre,
            consultation=past,
            unit=target,
            author=president,
            organisation=organisations[0],
            author_name=president.full_name,
            author_email=president.email,
            current_wording=target.text,
            proposal="Ogłoszenie zamieszczać także w newsletterze centrum.",
            justification="Newsletter czyta więcej organizacji niż BIP.",
            status=CommentStatus.ACCEPTED,
            answer="Uwzględniono – dopisano newsletter centrum.",
            answered_by=official,
            answered_at=timezone.now() - timedelta(days=40),
        )
        Comment.objects.create(
            centre=centre,
            consultation=past,
            author=president,
            organisation=organisations[-1],
            author_name=president.full_name,
            author_email=president.email,
            proposal="Wydłużyć konsultacje do 14 dni.",
            justification="7 dni to za mało dla małych organizacji.",
            status=CommentStatus.REJECTED,
            answer="Nie uwzględniono – termin 7 dni wynika z uchwały; w sprawach złożonych stosujemy dłuższy.",
            answered_by=official,
            answered_at=timezone.now() - timedelta(days=40),
        )
        second = []
        for unit in past_units:
            text = unit.text + (" oraz w newsletterze centrum" if unit.pk == target.pk else "")
            second.append(
                Unit(
                    centre=centre,
                    consultation=past,
                    version=2,
                    position=unit.position,
                    level=unit.level,
                    number=unit.number,
                    heading=unit.heading,
                    text=text,
                    previous=unit,
                    change_note="Dopisano newsletter." if unit.pk == target.pk else "",
                )
            )
        created = Unit.objects.bulk_create(second)
        for unit in created:
            if unit.change_note:
                unit.changed_by.set([answered])
    call = ProposalCall.objects.create(
        centre=centre,
        title=f"Nabór propozycji zadań priorytetowych programu współpracy na rok {today.year + 1}",
        description="Zgłoś zadanie, które powinno znaleźć się w programie współpracy.",
        kind=programme_kind,
        ends_on=today + timedelta(days=21),
        created_by=official,
    )
    for n, organisation in enumerate(organisations[:2]):
        Proposal.objects.create(
            centre=centre,
            call=call,
            organisation=organisation,
            author=president,
            title=("Aktywizacja seniorów", "Wypoczynek letni dzieci i młodzieży")[n],
            text="Zadanie odpowiada na potrzeby zgłaszane przez mieszkańców.",
            accepted=n == 0,
        )
    Team.objects.create(
        centre=centre,
        call=call,
        name="Zespół tematyczny ds. pomocy społecznej i seniorów",
        members="Anna Kowalska – Stowarzyszenie Pomocy Seniorom\nJan Nowak – Wydział Polityki Społecznej",
    )
    return "3 kinds, 3 consultations, a call with a team"
