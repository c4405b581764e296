"""Races on one report or one return: two acceptances set one return, two payments record one, two starts
make one final report, an edit racing the submission never leaves a filed report that fails its checks.
Real threads with their own connections, on SQLite and PostgreSQL (`race_database`)."""

from decimal import Decimal

import pytest

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.test_concurrency import _race

from ...models import GrantReturn, Report
from ...selectors.reports import report_check
from ...services import reports as S
from ..factories import contract_with_budget, report_in_state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _people():
    centre = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    organisation = OrganisationFactory(centre=centre, nip="", regon="")
    admin = UserFactory(email="skarbnik@example.org")
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    official = UserFactory(email="urzednik@example.org")
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    return centre, organisation, admin, official


def test_two_acceptances_set_one_return():
    centre, organisation, _admin, official = _people()
    report = report_in_state(centre=centre, organisation=organisation, state="submitted")
    results = _race(
        lambda i: S.report_accept(
            report=Report.objects.get(pk=report.pk),
            actor=official,
            extra_amount=Decimal("10"),
            extra_reason="Powód",
        ),
        2,
    )
    assert sum(isinstance(r, Report) for r in results) == 1, results
    assert all(isinstance(r, (Report, ApplicationError)) for r in results), results
    assert GrantReturn.objects.count() == 1


def test_two_payments_record_one():
    centre, organisation, _admin, official = _people()
    contract = contract_with_budget(centre=centre, organisation=organisation)
    grant_return = GrantReturn.objects.create(
        centre=centre, contract=contract, amount=Decimal("100"), due_on=warsaw_today()
    )
    results = _race(
        lambda i: S.return_record_payment(
            grant_return=GrantReturn.objects.get(pk=grant_return.pk),
            paid_on=warsaw_today(),
            amount_paid=Decimal("100") + i,
            actor=official,
        ),
        2,
    )
    assert sum(isinstance(r, GrantReturn) for r in results) == 1, results
    assert all(isinstance(r, (GrantReturn, ApplicationError)) for r in results), results


def test_two_starts_make_one_final_report():
    centre, organisation, admin, _official = _people()
    contract = contract_with_budget(centre=centre, organisation=organisation)
    results = _race(
        lambda i: S.report_start(contract=contract, kind="final", period_year=None, actor=admin), 2
    )
    assert sum(isinstance(r, Report) for r in results) == 1, results
    assert Report.objects.count() == 1


def test_an_edit_racing_the_submission_never_files_a_broken_report():
    centre, organisation, admin, _official = _people()
    report = report_in_state(centre=centre, organisation=organisation, state="draft")

    def worker(i):
        fresh = Report.objects.get(pk=report.pk)
        if i == 0:
            return S.report_submit(report=fresh, actor=admin)
        # Unbalances the report: the own contribution no longer matches the lines.
        return S.report_save(
            report=fresh, actor=admin, data={"own_financial": Decimal("1")}, lines={}, results={}
        )

    results = _race(worker, 2)
    assert all(isinstance(r, (Report, ApplicationError)) for r in results), results
    stored = Report.objects.get(pk=report.pk)
    if stored.status == "submitted":
        assert report_check(stored).balanced
