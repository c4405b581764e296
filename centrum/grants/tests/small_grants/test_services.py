"""The simplified offer's rules, filing, publication within the working days, public comments and the
contract with its limits (art. 19a): each broken rule refused with a message, nothing stored."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.core.selectors import centre_add_working_days
from centrum.core.workflow import workflow_apply
from centrum.grants.choices import ContractKind, SmallGrantStatus
from centrum.grants.models import Contract, SmallGrantComment, SmallGrantOffer, SmallGrantPublication
from centrum.grants.services.small_grants import (
    small_grant_comment_file,
    small_grant_comment_respond,
    small_grant_contract_create,
    small_grant_create,
    small_grant_publish,
    small_grant_save,
    small_grant_submit,
)
from centrum.grants.simplified_offer import Limits, check_content
from centrum.grants.tests.factories import ContractFactory, planned_grants, small_grant, small_grant_content

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def set_centre_setting(centre, key, value):
    value = str(value) if isinstance(value, Decimal) else value
    CentreSetting.objects.update_or_create(centre=centre, key=key, defaults={"value": value})


def _problems(content, centre):
    return {p.field: p.message for p in check_content(content, Limits.of(centre))[1]}


def test_a_complete_offer_has_no_problems(centre):
    assert _problems(small_grant_content(), centre) == {}


def test_grant_over_the_limit_and_task_over_90_days_are_problems(centre):
    start = warsaw_today()
    content = small_grant_content(
        requested_grant=Decimal("10000.01"), start_date=start, end_date=start + timedelta(days=90)
    )
    problems = _problems(content, centre)
    assert "10" in problems["requested_grant"] and "najwyżej" in problems["requested_grant"]
    assert "91 dni" in problems["end_date"]
    # 90 days, both ends counted, is within the limit
    ok = small_grant_content(start_date=start, end_date=start + timedelta(days=89))
    assert "end_date" not in _problems(ok, centre)


def test_limits_are_per_centre_settings(centre):
    set_centre_setting(centre, "grants.small_grant_max", Decimal("20000"))
    set_centre_setting(centre, "grants.small_grant_max_days", 120)
    start = warsaw_today()
    content = small_grant_content(start_date=start, end_date=start + timedelta(days=100))
    content.header["requested_grant"] = Decimal("15000.00")
    problems = _problems(content, centre)
    assert "requested_grant" not in [k for k, v in problems.items() if "najwyżej" in v]
    assert "end_date" not in problems


def test_unbalanced_sources_and_grant_parts_are_problems(centre):
    content = small_grant_content(own_financial=Decimal("900.00"))
    assert "sources" in _problems(content, centre)
    content = small_grant_content()
    content.lines[0]["grant_part"] = Decimal("3000.00")
    assert "muszą być równe wnioskowanej" in _problems(content, centre)["sources"]


def test_the_draft_is_created_from_the_registry_and_saved(centre, organisation, org_member):
    offer = small_grant_create(organisation=organisation, actor=org_member)
    assert offer.offeror_name == organisation.name and offer.status == SmallGrantStatus.DRAFT
    small_grant_save(offer=offer, content=small_grant_content(), actor=org_member)
    offer.refresh_from_db()
    assert offer.total_cost == Decimal("6000.00") and offer.cost_lines.count() == 2
    assert offer.results.count() == 1


def test_someone_outside_the_organisation_cannot_create(centre, organisation, plain_user):
    with pytest.raises(ApplicationError):
        small_grant_create(organisation=organisation, actor=plain_user)
    assert not SmallGrantOffer.objects.exists()


def test_submission_records_receipt_and_the_publication_deadline_in_working_days(
    centre, organisation, org_admin
):
    offer = small_grant(centre=centre, organisation=organisation)
    small_grant_submit(offer=offer, actor=org_admin)
    offer.refresh_from_db()
    today = warsaw_today()
    assert offer.status == SmallGrantStatus.RECEIVED and offer.received_on == today
    assert offer.publish_by == centre_add_working_days(centre, today, 7)
    assert offer.number == f"MG/{today.year}/1"


def test_a_member_who_is_not_the_admin_cannot_submit(centre, organisation, org_member):
    offer = small_grant(centre=centre, organisation=organisation)
    with pytest.raises(ApplicationError):
        small_grant_submit(offer=offer, actor=org_member)
    offer.refresh_from_db()
    assert offer.status == SmallGrantStatus.DRAFT and offer.number == ""


def test_an_incomplete_or_too_large_offer_is_not_filed(centre, organisation, org_admin):
    offer = small_grant(centre=centre, organisation=organisation, requested_grant=Decimal("12000.00"))
    with pytest.raises(ApplicationError) as exc:
        small_grant_submit(offer=offer, actor=org_admin)
    assert "najwyżej" in exc.value.message
    assert SmallGrantOffer.objects.get(pk=offer.pk).status == SmallGrantStatus.DRAFT


def test_not_purposeful_needs_a_reason_and_mails_the_organisation(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="received")
    with pytest.raises(ApplicationError):
        workflow_apply(obj=offer, action="not_purposeful", actor=official_user)
    workflow_apply(obj=offer, action="not_purposeful", actor=official_user, reason="Zadanie powiela konkurs")
    offer.refresh_from_db()
    assert (
        offer.status == SmallGrantStatus.NOT_PURPOSEFUL and offer.status_reason == "Zadanie powiela konkurs"
    )
    assert "niecelowe" in OutboxMessage.objects.get().subject


def _channels(day, address="https://bip.example.pl/oferta"):
    return dict.fromkeys(("bip", "board", "website"), (day, address))


def test_publication_on_time_opens_the_comment_period(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="received")
    SmallGrantPublication.objects.filter(offer=offer).delete()
    workflow_apply(obj=offer, action="purposeful", actor=official_user)
    offer.refresh_from_db()
    today = warsaw_today()
    small_grant_publish(offer=offer, publications=_channels(today), actor=official_user)
    offer.refresh_from_db()
    assert offer.status == SmallGrantStatus.PUBLISHED
    assert offer.comments_until == today + timedelta(days=7)
    assert offer.publications.count() == 3 and offer.late_publication_reason == ""


def test_publication_needs_all_three_channels(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="purposeful")
    SmallGrantPublication.objects.filter(offer=offer).delete()
    channels = _channels(warsaw_today())
    channels.pop("board")
    with pytest.raises(ApplicationError) as exc:
        small_grant_publish(offer=offer, publications=channels, actor=official_user)
    assert "trzech" in exc.value.message
    assert SmallGrantOffer.objects.get(pk=offer.pk).status == SmallGrantStatus.PURPOSEFUL
    assert not SmallGrantPublication.objects.filter(offer=offer).exists()


def test_publication_in_the_future_or_before_receipt_is_refused(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="purposeful", received_ago=2)
    for day in (warsaw_today() + timedelta(days=1), warsaw_today() - timedelta(days=5)):
        with pytest.raises(ApplicationError):
            small_grant_publish(offer=offer, publications=_channels(day), actor=official_user)
    assert SmallGrantOffer.objects.get(pk=offer.pk).status == SmallGrantStatus.PURPOSEFUL


def test_a_late_publication_needs_the_reason(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="purposeful", received_ago=20)
    offer.publish_by = warsaw_today() - timedelta(days=5)
    offer.save()
    with pytest.raises(ApplicationError) as exc:
        small_grant_publish(offer=offer, publications=_channels(warsaw_today()), actor=official_user)
    assert exc.value.field == "reason"
    small_grant_publish(
        offer=offer, publications=_channels(warsaw_today()), reason="Awaria BIP", actor=official_user
    )
    offer.refresh_from_db()
    assert offer.status == SmallGrantStatus.PUBLISHED and offer.late_publication_reason == "Awaria BIP"


def test_anyone_comments_during_the_period_only(centre, organisation):
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=2)
    comment = small_grant_comment_file(offer=offer, name="Jan", body="Uwaga do kosztów")
    assert comment.pk and AuditEntry.objects.filter(action="small_grant.comment").exists()
    late = small_grant(centre=centre, organisation=organisation, status="published", published_ago=8)
    with pytest.raises(ApplicationError):
        small_grant_comment_file(offer=late, name="Jan", body="Za późno")
    assert not SmallGrantComment.objects.filter(offer=late).exists()


def test_the_last_day_of_the_period_is_open(centre, organisation):
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=7)
    assert small_grant_comment_file(offer=offer, name="Jan", body="W ostatnim dniu").pk


def test_only_an_official_responds(centre, organisation, official_user, org_admin):
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=2)
    comment = small_grant_comment_file(offer=offer, name="Jan", body="Uwaga")
    with pytest.raises(ApplicationError):
        small_grant_comment_respond(comment=comment, response="Nie", actor=org_admin)
    with pytest.raises(ApplicationError):
        small_grant_comment_respond(comment=comment, response="  ", actor=official_user)
    small_grant_comment_respond(comment=comment, response="Uwzględniono", actor=official_user)
    comment.refresh_from_db()
    assert comment.response == "Uwzględniono" and comment.responded_by == official_user


VALUES = {"bank_account": "PL61 1090 1014 0000 0712 1981 2874"}


def test_the_contract_copies_the_budget_and_results(centre, organisation, official_user):
    planned_grants(centre=centre)
    offer = small_grant(centre=centre, organisation=organisation, status="published")
    contract = small_grant_contract_create(small_grant=offer, actor=official_user, values=VALUES)
    offer.refresh_from_db()
    assert offer.status == SmallGrantStatus.CONTRACTED and offer.contract == contract
    assert contract.kind == ContractKind.SMALL_GRANT and contract.grant_amount == Decimal("5000.00")
    assert contract.total_cost == Decimal("6000.00") and contract.grant_share_percent == Decimal("83.33")
    assert contract.bank_account == "PL61109010140000071219812874"
    assert contract.final_report_due_on == offer.end_date + timedelta(days=30)
    assert [(line.kind, line.grant_part) for line in contract.cost_lines.all()] == [
        ("Nagłośnienie", Decimal("4000.00")),
        ("Materiały", Decimal("1000.00")),
    ]
    assert contract.results.get().name == "Uczestnicy"


def _refused(offer, actor, values=VALUES, text=""):
    with pytest.raises(ApplicationError) as exc:
        small_grant_contract_create(small_grant=offer, actor=actor, values=values)
    assert SmallGrantOffer.objects.get(pk=offer.pk).status == SmallGrantStatus.PUBLISHED
    assert SmallGrantOffer.objects.get(pk=offer.pk).contract_id is None
    assert not Contract.objects.filter(title=offer.title).exists()
    assert text in exc.value.message, exc.value.message
    return exc.value


def test_no_contract_during_the_comment_period(centre, organisation, official_user):
    planned_grants(centre=centre)
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=7)
    _refused(offer, official_user, text="po okresie uwag")


def test_no_contract_with_an_unanswered_comment(centre, organisation, official_user):
    planned_grants(centre=centre)
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=3)
    comment = small_grant_comment_file(offer=offer, name="Jan", body="Uwaga")
    offer.comments_until = warsaw_today() - timedelta(days=1)
    offer.save()
    _refused(offer, official_user, text="odpowiedź")
    small_grant_comment_respond(comment=comment, response="Rozpatrzono", actor=official_user)
    assert small_grant_contract_create(small_grant=offer, actor=official_user, values=VALUES).pk


def test_a_wrong_iban_is_refused(centre, organisation, official_user):
    planned_grants(centre=centre)
    offer = small_grant(centre=centre, organisation=organisation, status="published")
    error = _refused(
        offer, official_user, values={"bank_account": "PL61109010140000071219812875"}, text="rachunku"
    )
    assert error.field == "bank_account"
    assert not Contract.objects.exists()


def test_the_organisation_yearly_limit_is_checked_at_the_contract(centre, organisation, official_user):
    planned_grants(centre=centre)
    ContractFactory(
        centre=centre,
        organisation=organisation,
        kind=ContractKind.SMALL_GRANT,
        offer=None,
        title="Wcześniejszy mały grant",
        grant_amount=Decimal("16000.00"),
        concluded_on=warsaw_today(),
    )
    offer = small_grant(centre=centre, organisation=organisation, status="published")
    _refused(offer, official_user, text="Limit roczny organizacji")
    assert Contract.objects.count() == 1


def test_the_municipal_cap_is_counted_from_the_planned_grants_in_force(centre, organisation, official_user):
    today = warsaw_today()
    planned_grants(centre=centre, amount=Decimal("100000.00"), valid_from=date(today.year, 1, 1))
    # a later figure not yet in force on the contract date does not count
    planned_grants(centre=centre, amount=Decimal("1000000.00"), valid_from=today + timedelta(days=30))
    other = ContractFactory(
        centre=centre,
        kind=ContractKind.SMALL_GRANT,
        offer=None,
        title="Mały grant innej organizacji",
        grant_amount=Decimal("16000.00"),
        concluded_on=today,
    )
    assert other.organisation != organisation
    offer = small_grant(centre=centre, organisation=organisation, status="published")
    _refused(offer, official_user, text="Limit gminy")
    set_centre_setting(centre, "grants.small_grant_cap_percent", Decimal("30"))
    assert small_grant_contract_create(small_grant=offer, actor=official_user, values=VALUES).pk


def test_no_planned_figure_refuses_with_a_clear_message(centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="published")
    _refused(offer, official_user, text="Brak kwoty planowanych dotacji")


@pytest.mark.dates
def test_officials_are_reminded_of_offers_to_publish_once_a_day(centre, organisation, official_user):
    from centrum.grants.services.small_grants import small_grants_publication_remind

    today = warsaw_today()
    due = small_grant(centre=centre, organisation=organisation, status="received", received_ago=10)
    due.publish_by = today - timedelta(days=1)  # overdue
    due.save(update_fields=["publish_by"])
    later = small_grant(centre=centre, organisation=organisation, status="purposeful", title="Rajd rowerowy")
    later.publish_by = centre_add_working_days(centre, today, 5)  # not yet
    later.save(update_fields=["publish_by"])
    published = small_grant(centre=centre, organisation=organisation, status="published")
    published.publish_by = today - timedelta(days=3)  # done: nothing to remind
    published.save(update_fields=["publish_by"])

    assert small_grants_publication_remind(centre=centre) == 1
    mail = OutboxMessage.objects.filter(to=[official_user.email]).latest("id")
    assert due.title in mail.body and "PO TERMINIE" in mail.body and later.title not in mail.body
    assert AuditEntry.objects.filter(action="small_grant.publication_reminded").count() == 1
    assert small_grants_publication_remind(centre=centre) == 0  # once a day
