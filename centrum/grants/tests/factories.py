"""Factories of the grants app: a published competition open for offers a month ahead, and a draft offer."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from centrum.core.calendar import warsaw_today

from ..choices import CompetitionKind, CompetitionStatus, OfferStatus
from ..models import Competition, Offer

__all__ = [
    "CompetitionFactory",
    "ContractFactory",
    "OfferFactory",
    "complete_offer",
    "complete_offer_content",
]


def _deadline(days: int = 30):
    day = warsaw_today() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(15, 0)))


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competition

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    title = factory.Sequence(lambda n: f"Otwarty konkurs ofert nr {n} – kultura i sztuka")
    organ = "Prezydent Miasta"
    task_kind = "Wspieranie działań w zakresie kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego"
    kind = CompetitionKind.SUPPORT
    budget_year = factory.LazyFunction(lambda: warsaw_today().year + 1)
    funds_total = Decimal("100000.00")
    award_rules = (
        "Dotacje przyznaje się zgodnie z ustawą o działalności pożytku publicznego i o wolontariacie."
    )
    implementation_terms = "Zadanie realizowane na terenie miasta, na rzecz jego mieszkańców."
    offers_deadline = factory.LazyFunction(_deadline)
    selection_procedure = "Oferty ocenia komisja konkursowa według kryteriów z art. 15 ust. 1 ustawy."
    selection_date = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=60))
    task_start = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=75))
    task_end = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=250))
    max_grant = Decimal("20000.00")
    min_own_contribution_percent = Decimal("10.00")
    status = CompetitionStatus.PUBLISHED


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    competition = factory.SubFactory(CompetitionFactory)
    centre = factory.LazyAttribute(lambda o: o.competition.centre)
    organisation = factory.SubFactory(
        "centrum.organisations.tests.factories.OrganisationFactory", centre=factory.SelfAttribute("..centre")
    )
    title = factory.Sequence(lambda n: f"Warsztaty teatralne dla dzieci {n}")
    status = OfferStatus.DRAFT
    requested_grant = Decimal("10000.00")
    own_financial = Decimal("2000.00")
    total_cost = Decimal("12000.00")


# competitions -------------------------------------------------------------------------------------------


def record_channels(competition, purpose, day=None):
    """The three required publication channels of `purpose`, all on `day` (today by default)."""
    from ..choices import REQUIRED_CHANNELS
    from ..models import CompetitionPublication

    day = day or warsaw_today()
    for channel in REQUIRED_CHANNELS:
        CompetitionPublication.objects.update_or_create(
            competition=competition,
            purpose=purpose,
            channel=channel,
            defaults={
                "centre": competition.centre,
                "published_on": day,
                "address": f"https://example.org/{channel}",
            },
        )


def competition_in_state(*, centre, state, **kwargs):
    """A competition whose next steps the guards allow: a draft with its criteria and three channels and a
    deadline 30 days ahead (publishable); once announced, a deadline passed (closable) with the voiding
    channels recorded; in evaluation the results' channels too."""
    from ..choices import PublicationPurpose
    from ..models import ScoringCriterion

    if state != CompetitionStatus.DRAFT:
        kwargs.setdefault("offers_deadline", timezone.now() - timedelta(hours=1))
    competition = CompetitionFactory(centre=centre, status=state, **kwargs)
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        name="Możliwość realizacji zadania",
        statutory_point=1,
        max_points=10,
    )
    if state == CompetitionStatus.DRAFT:
        record_channels(competition, PublicationPurpose.ANNOUNCEMENT)
    else:
        record_channels(competition, PublicationPurpose.ANNOUNCEMENT, warsaw_today() - timedelta(days=40))
        record_channels(competition, PublicationPurpose.VOIDING)
        record_channels(competition, PublicationPurpose.RESULTS)
    return competition


# offers: a draft every rule of a support competition accepts (10 % own contribution of the total).
def complete_offer_content(*, competition=None, joint: bool = False, offerors: list[dict] | None = None):
    from ..services.offers import DECLARATION_KEYS, OfferContent

    start = competition.task_start if competition else warsaw_today() + timedelta(days=80)
    end = min(competition.task_end, start + timedelta(days=60)) if competition else start + timedelta(days=60)
    if end.year != start.year:
        end = start.replace(month=12, day=31)
    rows = offerors or [{"name": "Stowarzyszenie Teatr Ulicy", "actions_scope": "Prowadzi warsztaty."}]
    content = OfferContent(
        header={
            "contact_name": "Anna Kowalska",
            "contact_email": "anna@example.org",
            "contact_phone": "600 100 200",
            "title": "Warsztaty teatralne dla dzieci",
            "start_date": start,
            "end_date": end,
            "synopsis": "Dziesięć warsztatów teatralnych w domu kultury dla dzieci z dzielnicy.",
            "results_description": "Spektakl na zakończenie; 40 dzieci zna podstawy pracy scenicznej.",
            "past_activity": "Od 2015 r. prowadzimy zajęcia teatralne.",
            "resources": "Dwoje instruktorów, sala, kostiumy.",
            "requested_grant": Decimal("9000.00"),
            "own_financial": Decimal("500.00"),
            "own_personal": Decimal("500.00"),
            "own_material": Decimal("0.00"),
            "recipient_fees": Decimal("0.00"),
            "paid_activity": False,
            "paid_activity_note": "",
            "other_information": "",
        },
        declarations=dict.fromkeys(DECLARATION_KEYS, True),
        offerors=rows,
        actions=[{"name": "Warsztaty", "description": "10 spotkań po 3 godziny", "target_group": "dzieci"}],
        results=[
            {"name": "Liczba uczestników", "target_value": Decimal("40"), "monitoring": "listy obecności"}
        ],
        lines=[
            {
                "category": "actions",
                "action": 0,
                "kind": "Wynagrodzenie instruktora",
                "unit": "godzina",
                "unit_cost": Decimal("150.00"),
                "units": Decimal("60"),
            },
            {
                "category": "administrative",
                "action": None,
                "kind": "Koordynacja",
                "unit": "miesiąc",
                "unit_cost": Decimal("500.00"),
                "units": Decimal("2"),
            },
        ],
    )
    if joint:
        content.shares = {(0, 1): Decimal("6000.00"), (1, 1): Decimal("4000.00")}
    return content


def complete_offer(**kwargs):
    """A draft with complete, balanced content (stored through the service's writer)."""
    from ..services.offers import HEADER_FIELDS, _write_children

    offer = OfferFactory(**kwargs)
    content = complete_offer_content(competition=offer.competition)
    for name in HEADER_FIELDS:
        setattr(offer, name, content.header[name])
    offer.declarations = content.declarations
    offer.total_cost = Decimal("10000.00")
    offer.save()
    _write_children(offer, content)
    return offer


# contracts ----------------------------------------------------------------------------------------------


class ContractFactory(factory.django.DjangoModelFactory):
    """A contract drafted from a selected offer of a decided competition (kind `competition`)."""

    class Meta:
        model = "grants.Contract"

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    organisation = factory.SubFactory(
        "centrum.organisations.tests.factories.OrganisationFactory", centre=factory.SelfAttribute("..centre")
    )
    offer = factory.SubFactory(
        OfferFactory,
        competition__centre=factory.SelfAttribute("...centre"),
        competition__status=CompetitionStatus.DECIDED,
        organisation=factory.SelfAttribute("..organisation"),
        status=OfferStatus.SELECTED,
        awarded_grant=Decimal("10000.00"),
    )
    kind = "competition"
    title = factory.LazyAttribute(lambda o: o.offer.title)
    start_date = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=14))
    end_date = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=120))
    grant_amount = Decimal("10000.00")
    own_financial = Decimal("2000.00")
    total_cost = Decimal("12000.00")
    grant_share_percent = Decimal("83.33")
    line_tolerance_percent = Decimal("20.00")
    spending_deadline = factory.LazyAttribute(lambda o: o.end_date)
    bank_account = "PL61109010140000071219812874"
    final_report_due_on = factory.LazyAttribute(lambda o: o.end_date + timedelta(days=30))
    status = "draft"


# small_grants ---------------------------------------------------------------------------------------------


def small_grant_content(**header):
    """A complete, balanced simplified offer: 6 000 zł of costs, 5 000 zł of them from the grant."""
    from ..simplified_offer import DECLARATION_KEYS, Content

    start = warsaw_today() + timedelta(days=30)
    return Content(
        header={
            "organ": "Prezydent Miasta",
            "task_kind": "Działalność wspomagająca rozwój wspólnot i społeczności lokalnych",
            "title": "Piknik sąsiedzki",
            "start_date": start,
            "end_date": start + timedelta(days=29),
            "offeror_name": "Stowarzyszenie Sąsiedzi",
            "legal_form": "stowarzyszenie",
            "register_number": "0000123456",
            "seat": "ul. Rynek 1, 00-001 Miasto",
            "email": "biuro@example.org",
            "phone": "123 456 789",
            "contact_name": "Anna Prezes",
            "contact_email": "anna@example.org",
            "contact_phone": "600 700 800",
            "bank_account": "PL61109010140000071219812874",
            "place": "Skwer przy ul. Polnej",
            "description": "Piknik dla mieszkańców z grami dla dzieci.",
            "profile": "Stowarzyszenie działa od 2015 r.",
            "requested_grant": Decimal("5000.00"),
            "own_financial": Decimal("500.00"),
            "own_personal": Decimal("500.00"),
            "own_material": Decimal("0.00"),
            "recipient_fees": Decimal("0.00"),
            **header,
        },
        results=[{"name": "Uczestnicy", "target_value": Decimal("200"), "monitoring": "lista"}],
        lines=[
            {
                "category": "actions",
                "kind": "Nagłośnienie",
                "unit": "usługa",
                "unit_cost": Decimal("4000.00"),
                "units": Decimal("1"),
                "grant_part": Decimal("4000.00"),
            },
            {
                "category": "actions",
                "kind": "Materiały",
                "unit": "zestaw",
                "unit_cost": Decimal("50.00"),
                "units": Decimal("40"),
                "grant_part": Decimal("1000.00"),
            },
        ],
        declarations=dict.fromkeys(DECLARATION_KEYS, True),
    )


def small_grant(*, centre, organisation, status="draft", received_ago=0, published_ago=None, **header):
    """A simplified offer with complete content in `status`: received `received_ago` days ago (publication
    due within the working days), published on the three channels `published_ago` days ago (default: for
    `published` and later, long enough ago that the comment period is over)."""
    from ..choices import SMALL_GRANT_CHANNELS
    from ..models import SmallGrantCostLine, SmallGrantOffer, SmallGrantPublication, SmallGrantResult
    from ..simplified_offer import HEADER_FIELDS, _line_value

    content = small_grant_content(**header)
    offer = SmallGrantOffer.objects.create(
        centre=centre,
        organisation=organisation,
        declarations=content.declarations,
        total_cost=sum((_line_value(line) for line in content.lines), Decimal("0")),
        **{name: content.header[name] for name in HEADER_FIELDS},
    )
    for i, row in enumerate(content.results):
        SmallGrantResult.objects.create(centre=centre, offer=offer, position=i + 1, **row)
    for i, row in enumerate(content.lines):
        SmallGrantCostLine.objects.create(
            centre=centre, offer=offer, position=i + 1, value=_line_value(row), **row
        )
    if status == "draft":
        return offer
    today = warsaw_today()
    offer.status = status
    offer.number = f"MG/{today.year}/{offer.pk}"
    offer.received_on = today - timedelta(days=received_ago)
    offer.publish_by = offer.received_on + timedelta(days=9)
    if status == "purposeful" or (published_ago is not None):
        day = today - timedelta(days=published_ago or 0)
        for channel in SMALL_GRANT_CHANNELS:
            SmallGrantPublication.objects.create(
                centre=centre,
                offer=offer,
                channel=channel,
                published_on=day,
                address="https://bip.example.pl/1",
            )
    if status in ("published", "contracted", "rejected", "withdrawn") and published_ago is None:
        published_ago = 20
        for channel in SMALL_GRANT_CHANNELS:
            SmallGrantPublication.objects.create(
                centre=centre,
                offer=offer,
                channel=channel,
                published_on=today - timedelta(days=published_ago),
                address="https://bip.example.pl/1",
            )
    if published_ago is not None and status != "purposeful":
        offer.comments_until = today - timedelta(days=published_ago) + timedelta(days=7)
    offer.save()
    return offer


def planned_grants(*, centre, amount=Decimal("1000000.00"), year=None, valid_from=None, recorded_by=None):
    """The programme's planned NGO grants of the year (the base of the art. 19a cap), recorded by an
    official (the programme's page names who recorded each figure)."""
    from datetime import date

    from centrum.accounts.tests.factories import UserFactory
    from centrum.programmes.models import PlannedGrants

    today = warsaw_today()
    return PlannedGrants.objects.create(
        centre=centre,
        year=year or today.year,
        amount=amount,
        valid_from=valid_from or date(today.year, 1, 1),
        resolution="Uchwała budżetowa",
        recorded_by=recorded_by or UserFactory(),
    )


# contracts --- the updated budget and annexes in a given state (the workflow matrix builds them)


def budget_update_in_state(*, centre, organisation, state: str):
    """A selected offer awarded 7 000 zł of the 9 000 zł it asked for, with an updated budget that keeps
    every rule (50 hours at 140 zł + 1 000 zł coordination = 7 000 zł grant + 1 000 zł own), in `state`."""
    from ..models import BudgetUpdate
    from ..services.contracts import budget_update_save, update_initial_content

    offer = complete_offer(
        competition__centre=centre,
        competition__status=CompetitionStatus.DECIDED,
        organisation=organisation,
        status=OfferStatus.SELECTED,
        awarded_grant=Decimal("7000.00"),
    )
    content = update_initial_content(offer)
    content.lines[0]["unit_cost"], content.lines[0]["units"] = Decimal("140.00"), Decimal("50")
    from centrum.accounts.models import Membership

    admin = Membership.objects.filter(organisation=organisation, role="admin").select_related("user").first()
    if admin is not None:
        update = budget_update_save(offer=offer, content=content, actor=admin.user)
    else:
        update = BudgetUpdate.objects.create(
            centre=centre,
            offer=offer,
            start_date=offer.start_date,
            end_date=offer.end_date,
            grant=offer.awarded_grant,
            own_financial=Decimal("500.00"),
            own_personal=Decimal("500.00"),
            total_cost=Decimal("8000.00"),
        )
    BudgetUpdate.objects.filter(pk=update.pk).update(status=state)
    update.refresh_from_db()
    return update


def annex_in_state(*, centre, organisation, state: str):
    """An annex moving a signed contract's bank account, in `state`."""
    from centrum.core.calendar import warsaw_today

    from ..models import ContractAnnex

    contract = ContractFactory(
        centre=centre,
        organisation=organisation,
        status="signed",
        number="7/2026",
        representatives=[{"name": "Anna Kowalska", "function": "Prezes"}],
        signing="paper",
    )
    return ContractAnnex.objects.create(
        centre=centre,
        contract=contract,
        number=1,
        concluded_on=warsaw_today(),
        description="Zmiana rachunku bankowego",
        changes={"bank_account": "PL27114020040000300201355387"},
        checksum="ab" * 32,
        representatives=[{"name": "Anna Kowalska", "function": "Prezes"}],
        signing="paper",
        status=state,
    )


# reports ---
def contract_with_budget(**kwargs):
    """A signed contract with two planned cost lines (10 000 zł of grant, 2 000 zł own) and two results."""
    from ..models import ContractCostLine, ContractResult

    kwargs.setdefault("status", "signed")
    contract = ContractFactory(**kwargs)
    ContractCostLine.objects.create(
        centre=contract.centre,
        contract=contract,
        category="actions",
        position=1,
        kind="Warsztaty dla seniorów",
        unit="godzina",
        unit_cost=Decimal("200.00"),
        units=Decimal("40"),
        value=Decimal("8000.00"),
        grant_part=Decimal("7000.00"),
    )
    ContractCostLine.objects.create(
        centre=contract.centre,
        contract=contract,
        category="administrative",
        position=1,
        kind="Koordynacja zadania",
        unit="miesiąc",
        unit_cost=Decimal("1000.00"),
        units=Decimal("4"),
        value=Decimal("4000.00"),
        grant_part=Decimal("3000.00"),
    )
    ContractResult.objects.create(
        centre=contract.centre, contract=contract, position=1, name="Liczba uczestników", target_value=40
    )
    ContractResult.objects.create(
        centre=contract.centre, contract=contract, position=2, name="Liczba warsztatów", target_value=10
    )
    return contract


def report_in_state(*, state: str = "draft", kind: str = "final", **contract_kwargs):
    """A report of a signed contract (`contract_with_budget`) filled as planned, so it may be submitted and
    accepted: the lines at their planned values, the own contribution, Part I and the declarations."""
    from ..models import Report, ReportCostLine, ReportResult

    contract = contract_with_budget(**contract_kwargs)
    report = Report.objects.create(
        centre=contract.centre,
        contract=contract,
        kind=kind,
        period_year=None if kind == "final" else contract.start_date.year,
        demanded=kind != "final",
        due_on=contract.final_report_due_on,
        status=state,
        actions_done="Przeprowadzono 10 warsztatów dla 40 seniorów.",
        own_financial=Decimal("2000.00"),
        declarations=True,
    )
    for line in contract.cost_lines.all():
        ReportCostLine.objects.create(
            centre=contract.centre,
            report=report,
            planned=line,
            actual_value=line.value,
            actual_grant=line.grant_part,
        )
    for result in contract.results.all():
        ReportResult.objects.create(
            centre=contract.centre, report=report, result=result, achieved_value=result.target_value
        )
    return report
