"""The contracts services: the updated budget's rules, the contract drafted from an offer (its variables,
numbers, report deadlines), signing (paper, the signed file with the checksum), annexes."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centrum.core.exceptions import ApplicationError
from centrum.core.models import OutboxMessage

from ...choices import AnnexStatus, BudgetUpdateStatus, ContractStatus, PaperSigning
from ...models import BudgetUpdate, Contract, ContractAnnex
from ...rules import check_contract_variables
from ...services.contracts import (
    annex_create,
    annex_sign,
    budget_update_accept,
    budget_update_return,
    budget_update_save,
    budget_update_submit,
    contract_create_from_offer,
    contract_pdf,
    contract_sign,
    contract_update,
    report_dates,
    update_initial_content,
)
from .conftest import IBAN

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

REPS = [{"name": "Anna Kowalska", "function": "Prezes Zarządu"}]


def _shrunk(offer):
    """The offer's budget cut to the awarded 7 000 zł (+ 1 000 zł own): 50 hours at 140 zł instead of 60 at
    150 zł, the 1 000 zł of coordination kept."""
    content = update_initial_content(offer)
    content.lines[0]["unit_cost"] = Decimal("140.00")
    content.lines[0]["units"] = Decimal("50")  # 7 000 zł
    content.header["own_financial"] = Decimal("500.00")
    content.header["own_personal"] = Decimal("500.00")
    return content


def test_update_is_needed_before_the_contract(short_offer, official_user):
    with pytest.raises(ApplicationError, match="aktualizacji kosztorysu"):
        contract_create_from_offer(offer=short_offer, actor=official_user, values={})
    assert not Contract.objects.exists()


def test_update_lifecycle_and_the_contract_takes_its_lines(short_offer, org_admin, official_user):
    update = budget_update_save(offer=short_offer, content=_shrunk(short_offer), actor=org_admin)
    assert update.status == BudgetUpdateStatus.DRAFT and update.grant == Decimal("7000.00")
    update = budget_update_submit(update=update, actor=org_admin)
    update = budget_update_return(update=update, actor=official_user, reason="Popraw harmonogram.")
    assert update.status == BudgetUpdateStatus.RETURNED
    assert OutboxMessage.objects.filter(event="budget_update_decided_to_organisation").exists()
    update = budget_update_save(offer=short_offer, content=_shrunk(short_offer), actor=org_admin)
    update = budget_update_submit(update=update, actor=org_admin)
    update = budget_update_accept(update=update, actor=official_user)
    contract = contract_create_from_offer(offer=short_offer, actor=official_user, values={})
    assert contract.grant_amount == Decimal("7000.00")
    assert contract.total_cost == Decimal("8000.00")
    assert contract.grant_share_percent == Decimal("87.50")
    assert sum(ln.value for ln in contract.cost_lines.all()) == Decimal("8000.00")
    assert contract.results.count() == 1


def test_update_breaking_the_rules_is_not_filed(short_offer, org_admin):
    content = _shrunk(short_offer)
    content.header["own_financial"] = Decimal("0")
    content.header["own_personal"] = Decimal("0")
    content.lines[0]["units"] = Decimal("40")  # 5 600 + 1 000 ≠ 7 000 and no own contribution
    update = budget_update_save(offer=short_offer, content=content, actor=org_admin)
    with pytest.raises(ApplicationError, match="Wkład własny"):
        budget_update_submit(update=update, actor=org_admin)
    update.refresh_from_db()
    assert update.status == BudgetUpdateStatus.DRAFT


def test_update_refuses_what_cannot_be_stored(short_offer, org_admin):
    content = _shrunk(short_offer)
    content.lines[0]["units"] = Decimal("0")
    with pytest.raises(ApplicationError):
        budget_update_save(offer=short_offer, content=content, actor=org_admin)
    assert not BudgetUpdate.objects.exists()


def test_update_only_by_the_organisation_and_only_when_needed(offer, short_offer, org_admin, official_user):
    with pytest.raises(ApplicationError):
        budget_update_save(offer=short_offer, content=_shrunk(short_offer), actor=official_user)
    with pytest.raises(ApplicationError, match="tylko, gdy"):
        budget_update_save(offer=offer, content=update_initial_content(offer), actor=org_admin)
    assert not BudgetUpdate.objects.exists()


def test_contract_variables_prefilled(offer, official_user, centre):
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    assert contract.status == ContractStatus.DRAFT
    assert contract.number == f"1/{contract.start_date.year}"
    assert contract.grant_amount == Decimal("9000.00")
    assert (contract.own_financial, contract.own_personal) == (Decimal("500.00"), Decimal("500.00"))
    assert contract.total_cost == Decimal("10000.00") and contract.grant_share_percent == Decimal("90.00")
    assert contract.line_tolerance_percent == Decimal("20") and contract.share_tolerance_points == Decimal(
        "5"
    )
    assert contract.final_report_due_on == contract.end_date + timedelta(days=30)
    assert contract.bank_account == IBAN and len(contract.checksum) == 64
    assert contract.cost_lines.count() == 2
    with pytest.raises(ApplicationError, match="już przygotowana"):
        contract_create_from_offer(offer=offer, actor=official_user, values={})
    second = Contract.objects.count()
    assert second == 1


def test_contract_refuses_a_bad_iban_and_dates(offer, official_user):
    with pytest.raises(ApplicationError) as exc:
        contract_create_from_offer(
            offer=offer, actor=official_user, values={"bank_account": "PL61109010140000071219812875"}
        )
    assert exc.value.field == "bank_account"
    with pytest.raises(ApplicationError) as exc:
        contract_create_from_offer(
            offer=offer,
            actor=official_user,
            values={"end_date": offer.start_date - timedelta(days=1)},
        )
    assert exc.value.field == "end_date"
    assert not Contract.objects.exists()


def test_iban_without_country_code_is_accepted():
    assert (
        check_contract_variables(
            grant_amount=Decimal("1"),
            total_cost=Decimal("1"),
            start_date=date(2026, 1, 1),
            end_date=date(2026, 2, 1),
            spending_deadline=date(2026, 2, 1),
            bank_account="61 1090 1014 0000 0712 1981 2874",
            line_tolerance_percent=Decimal("10"),
        )
        == IBAN
    )


def test_multi_year_partial_reports(centre):
    final, partial = report_dates(centre=centre, start=date(2026, 5, 1), end=date(2028, 3, 31))
    assert final == date(2028, 4, 30)
    assert partial == [date(2027, 1, 30), date(2028, 1, 30)]


def test_only_officials_draft_and_the_draft_is_editable(offer, official_user, org_admin):
    with pytest.raises(ApplicationError):
        contract_create_from_offer(offer=offer, actor=org_admin, values={})
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    checksum = contract.checksum
    contract = contract_update(
        contract=contract, actor=official_user, values={"line_tolerance_percent": Decimal("10")}
    )
    assert contract.line_tolerance_percent == Decimal("10") and contract.checksum != checksum
    with pytest.raises(ApplicationError):
        contract_update(contract=contract, actor=org_admin, values={"title": "X"})


def test_sign_on_paper_mails_the_pdf(offer, official_user):
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    contract = contract_sign(
        contract=contract, actor=official_user, representatives=REPS, signing=PaperSigning.PAPER
    )
    assert contract.status == ContractStatus.SIGNED and contract.representatives == REPS
    mail = OutboxMessage.objects.get(event="contract_signed_to_organisation")
    assert len(mail.attachments) == 1 and contract.number in mail.subject
    with pytest.raises(ApplicationError):
        contract_update(contract=contract, actor=official_user, values={"title": "Inny"})


def test_sign_needs_representatives(offer, official_user):
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    with pytest.raises(ApplicationError):
        contract_sign(contract=contract, actor=official_user, representatives=[], signing=PaperSigning.PAPER)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT


def _signed_pdf(text: bytes) -> bytes:
    return b"%PDF-1.7\n/Type /Sig /ByteRange [0 1 2 3]\n" + text + b"\n%%EOF"


def test_sign_with_a_file_carrying_the_checksum(offer, official_user):
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    wrong = SimpleUploadedFile("u.pdf", _signed_pdf(b"ab" * 32))
    with pytest.raises(ApplicationError, match="tej umowy"):
        contract_sign(
            contract=contract,
            actor=official_user,
            representatives=REPS,
            signing=PaperSigning.SIGNED_FILE,
            upload=wrong,
        )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT and not contract.signed_file
    right = SimpleUploadedFile("u.pdf", _signed_pdf(contract.checksum.encode()))
    contract = contract_sign(
        contract=contract,
        actor=official_user,
        representatives=REPS,
        signing=PaperSigning.SIGNED_FILE,
        upload=right,
    )
    assert contract.status == ContractStatus.SIGNED and len(contract.signed_file_sha256) == 64


def test_annex_changes_the_contract_and_keeps_history(offer, official_user):
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    with pytest.raises(ApplicationError):
        annex_create(
            contract=contract, actor=official_user, values={"description": "x", "end_date": contract.end_date}
        )
    contract = contract_sign(
        contract=contract, actor=official_user, representatives=REPS, signing=PaperSigning.PAPER
    )
    old_end = contract.end_date
    with pytest.raises(ApplicationError, match="niczego"):
        annex_create(contract=contract, actor=official_user, values={"description": "Nic"})
    line = contract.cost_lines.get(category="actions")
    with pytest.raises(ApplicationError, match="bilansowały"):
        annex_create(
            contract=contract,
            actor=official_user,
            values={"description": "Więcej", "grant_amount": Decimal("9500")},
        )
    annex = annex_create(
        contract=contract,
        actor=official_user,
        values={
            "description": "Zwiększenie dotacji i przedłużenie terminu.",
            "grant_amount": Decimal("9500.00"),
            "lines": {line.pk: line.value + Decimal("500.00")},
            "end_date": old_end + timedelta(days=10),
            "spending_deadline": old_end + timedelta(days=10),
        },
    )
    assert annex.number == 1 and annex.status == AnnexStatus.DRAFT
    contract.refresh_from_db()
    assert contract.grant_amount == Decimal("9000.00")  # not before it is signed
    annex = annex_sign(annex=annex, actor=official_user, representatives=REPS, signing=PaperSigning.PAPER)
    contract.refresh_from_db()
    assert annex.status == AnnexStatus.SIGNED
    assert contract.grant_amount == Decimal("9500.00") and contract.total_cost == Decimal("10500.00")
    assert contract.end_date == old_end + timedelta(days=10)
    assert contract.final_report_due_on == old_end + timedelta(days=40)
    assert annex.previous["grant_amount"] == "9000.00"
    line.refresh_from_db()
    assert line.value == Decimal("9500.00")
    assert ContractAnnex.objects.count() == 1


def test_contract_pdf_follows_annex_3(offer, official_user, tmp_path):
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    contract = contract_create_from_offer(offer=offer, actor=official_user, values={})
    contract = contract_sign(
        contract=contract, actor=official_user, representatives=REPS, signing=PaperSigning.PAPER
    )
    path = tmp_path / "u.pdf"
    path.write_bytes(contract_pdf(contract))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    for expected in (
        "UMOWA O REALIZACJĘ ZADANIA PUBLICZNEGO",
        "§ 1. Przedmiot umowy",
        "§ 3. Wysokość dotacji",
        "§ 5. Dokonywanie przesunięć",
        "§ 9. Obowiązki sprawozdawcze",
        "Anna Kowalska",
        "9 000,00 zł",
        "20",
        contract.number,
        "Kosztorys zadania publicznego",
        "Wynagrodzenie",
        contract.checksum[:16],
    ):
        assert expected in text, expected


@pytest.fixture
def joint_short_offer(organisation):
    from ...services.offers import _write_children
    from ..factories import complete_offer_content
    from .conftest import selected_offer

    offer = selected_offer(organisation, awarded=Decimal("7000.00"), is_joint=True)
    offer.offerors.all().delete()
    offer.cost_lines.all().delete()
    offer.actions.all().delete()
    offer.results.all().delete()
    content = complete_offer_content(
        competition=offer.competition,
        joint=True,
        offerors=[
            {"name": organisation.name, "actions_scope": "Warsztaty"},
            {"name": "Fundacja Partner", "actions_scope": "Promocja"},
        ],
    )
    _write_children(offer, content)
    return offer


def test_a_joint_offers_update_splits_the_costs_again(joint_short_offer, org_admin, official_user):
    from ...models import BudgetUpdateShare
    from ...services.contracts import update_content_of

    content = _shrunk(joint_short_offer)
    assert content.shares == {(0, 1): Decimal("6000.00"), (1, 1): Decimal("4000.00")}  # the offer's V.C
    update = budget_update_save(offer=joint_short_offer, content=content, actor=org_admin)
    with pytest.raises(ApplicationError, match="V.C"):  # 10 000 zł split over costs of 8 000 zł
        budget_update_submit(update=update, actor=org_admin)
    content.shares = {(0, 1): Decimal("5000.00"), (1, 1): Decimal("3000.00")}
    update = budget_update_save(offer=joint_short_offer, content=content, actor=org_admin)
    update = budget_update_submit(update=update, actor=org_admin)
    assert update.status == BudgetUpdateStatus.SUBMITTED
    stored = {(s.offeror.name, s.year): s.amount for s in BudgetUpdateShare.objects.select_related("offeror")}
    assert stored == {
        (joint_short_offer.organisation.name, 1): Decimal("5000.00"),
        ("Fundacja Partner", 1): Decimal("3000.00"),
    }
    assert update_content_of(update).shares == content.shares


def test_a_negative_share_is_refused_and_nothing_stored(joint_short_offer, org_admin):
    content = _shrunk(joint_short_offer)
    content.shares = {(0, 1): Decimal("-1.00"), (1, 1): Decimal("8001.00")}
    with pytest.raises(ApplicationError, match="V.C"):
        budget_update_save(offer=joint_short_offer, content=content, actor=org_admin)
    assert not BudgetUpdate.objects.exists()


def test_the_update_page_of_a_joint_offer_asks_for_the_split(joint_short_offer, org_admin, client_for):
    from django.urls import reverse

    client = client_for(joint_short_offer.centre, org_admin)
    url = reverse("grants:budget_update", args=[joint_short_offer.pk])
    page = client.get(url).content.decode()
    assert "Podział kosztów między oferentów (V.C)" in page and 'name="vc-share_1_1"' in page


def test_a_single_offerors_update_has_no_split(short_offer, org_admin, client_for):
    from django.urls import reverse

    page = client_for(short_offer.centre, org_admin).get(
        reverse("grants:budget_update", args=[short_offer.pk])
    )
    assert page.status_code == 200 and "(V.C)" not in page.content.decode()
