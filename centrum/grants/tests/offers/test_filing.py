"""Filing an offer: submission at the deadline's edge, the frozen content and its checksum, the PDF and the
mail, withdrawal, correction, signing, cloning, sharing."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.models import Offer, OfferCostLine
from centrum.grants.services.offers import (
    content_of,
    offer_attach_signed_file,
    offer_clone,
    offer_comment,
    offer_create,
    offer_record_paper_confirmation,
    offer_resubmit,
    offer_save,
    offer_share,
    offer_submit,
    offer_withdraw,
    send_pending_confirmations,
    signed_file_problem,
)
from centrum.grants.tests.factories import CompetitionFactory, complete_offer, complete_offer_content

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def offer(organisation, org_admin):
    return complete_offer(competition__centre=organisation.centre, organisation=organisation)


def test_submit_freezes_numbers_checksums_and_mails_the_pdf(offer, org_admin):
    offer_submit(offer=offer, actor=org_admin)
    assert not OutboxMessage.objects.exists()  # the job mails it: no PDF is rendered under the locks
    assert send_pending_confirmations(centre=offer.centre) == 1
    assert send_pending_confirmations(centre=offer.centre) == 0
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    assert offer.number.endswith("/1") and len(offer.checksum) == 64
    assert offer.filed_content["header"]["requested_grant"] == "9000.00"
    mail = OutboxMessage.objects.get(event="offer_submitted_to_offeror")
    assert offer.checksum in mail.body
    assert mail.attachments[0]["content_type"] == "application/pdf"


def test_an_incomplete_offer_is_refused_with_the_first_problem(organisation, org_admin):
    offer = complete_offer(competition__centre=organisation.centre, organisation=organisation)
    OfferCostLine.objects.filter(offer=offer, category="administrative").delete()  # sources no longer balance
    with pytest.raises(ApplicationError) as exc:
        offer_submit(offer=offer, actor=org_admin)
    assert "V.B" in exc.value.message
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and offer.checksum == "" and offer.number == ""


def test_one_second_after_the_deadline_nothing_changes(offer, org_admin):
    deadline = offer.competition.offers_deadline
    with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
        entries = AuditEntry.objects.count()
        with pytest.raises(ApplicationError, match="Termin składania ofert minął"):
            offer_submit(offer=offer, actor=org_admin)
        assert AuditEntry.objects.count() == entries
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and not OutboxMessage.objects.exists()


def test_at_the_deadline_itself_the_offer_is_accepted(offer, org_admin):
    with time_machine.travel(offer.competition.offers_deadline, tick=False):
        offer_submit(offer=offer, actor=org_admin)
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED


def test_a_closed_competition_takes_no_offer(offer, org_admin):
    type(offer.competition).objects.filter(pk=offer.competition_id).update(
        status=CompetitionStatus.EVALUATION
    )
    with pytest.raises(ApplicationError, match="nie przyjmuje"):
        offer_submit(offer=offer, actor=org_admin)


def test_a_member_prepares_but_only_an_admin_files(offer, org_member):
    with pytest.raises(ApplicationError):
        offer_submit(offer=offer, actor=org_member)


def test_an_offer_edited_after_submission_is_refused(offer, org_admin):
    offer_submit(offer=offer, actor=org_admin)
    content = content_of(offer)
    content.header["requested_grant"] = Decimal("1.00")
    with pytest.raises(ApplicationError, match="została złożona"):
        offer_save(offer=offer, content=content, actor=org_admin)
    assert Offer.objects.get(pk=offer.pk).requested_grant == Decimal("9000.00")


def test_save_refuses_negative_amounts_and_stores_nothing(offer, org_admin):
    content = content_of(offer)
    content.lines[0]["unit_cost"] = Decimal("-1")
    with pytest.raises(ApplicationError) as exc:
        offer_save(offer=offer, content=content, actor=org_admin)
    assert exc.value.field == "lines-0-unit_cost"
    assert OfferCostLine.objects.get(offer=offer, category="actions").unit_cost == Decimal("150.00")


def test_save_stores_a_partial_draft_and_the_total(offer, org_admin):
    content = content_of(offer)
    content.header["synopsis"] = ""
    content.lines[0]["units"] = Decimal("61")
    offer_save(offer=offer, content=content, actor=org_admin)
    offer.refresh_from_db()
    assert offer.synopsis == "" and offer.total_cost == Decimal("10150.00")


def test_withdraw_only_before_the_deadline(offer, org_admin):
    offer_submit(offer=offer, actor=org_admin)
    late = offer.competition.offers_deadline + timedelta(seconds=1)
    with time_machine.travel(late, tick=False), pytest.raises(ApplicationError):
        offer_withdraw(offer=Offer.objects.get(pk=offer.pk), actor=org_admin)
    offer_withdraw(offer=Offer.objects.get(pk=offer.pk), actor=org_admin)
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.WITHDRAWN


def test_resubmit_inside_the_correction_window_only(offer, org_admin):
    offer_submit(offer=offer, actor=org_admin)
    due = timezone.now() + timedelta(days=7)
    Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.CORRECTION, correction_due_at=due)
    corrected = Offer.objects.get(pk=offer.pk)
    content = content_of(corrected)
    content.header["resources"] = "Dwoje instruktorów z uprawnieniami pedagogicznymi."
    offer_save(offer=corrected, content=content, actor=org_admin)
    late = Offer.objects.get(pk=offer.pk)
    with (
        time_machine.travel(due + timedelta(seconds=1), tick=False),
        pytest.raises(ApplicationError, match="braków minął"),
    ):
        offer_resubmit(offer=late, actor=org_admin)
    before = Offer.objects.get(pk=offer.pk).checksum
    offer_resubmit(offer=Offer.objects.get(pk=offer.pk), actor=org_admin)
    after = Offer.objects.get(pk=offer.pk)
    assert after.status == OfferStatus.SUBMITTED and after.checksum != before and after.number == offer.number


def _signed_pdf(text: str) -> bytes:
    return (
        b"%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 10 20 30] /Contents <00> >> endobj\n"
        + f"BT ({text}) Tj ET\n".encode()
        + b"%%EOF"
    )


def test_signed_pdf_must_carry_the_checksum(offer, org_admin):
    offer_submit(offer=offer, actor=org_admin)
    offer.refresh_from_db()
    wrong = SimpleUploadedFile("potwierdzenie.pdf", _signed_pdf("0" * 64), content_type="application/pdf")
    with pytest.raises(ApplicationError, match="nie zawiera sumy kontrolnej"):
        offer_attach_signed_file(offer=offer, upload=wrong, actor=org_admin)
    assert Offer.objects.get(pk=offer.pk).confirmation_received_at is None
    unsigned = SimpleUploadedFile(
        "p.pdf", b"%PDF-1.7\n" + offer.checksum.encode(), content_type="application/pdf"
    )
    with pytest.raises(ApplicationError, match="nie zawiera podpisu"):
        offer_attach_signed_file(offer=offer, upload=unsigned, actor=org_admin)
    good = SimpleUploadedFile("p.pdf", _signed_pdf(offer.checksum), content_type="application/pdf")
    offer_attach_signed_file(offer=offer, upload=good, actor=org_admin)
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.signing == "signed_file" and stored.confirmation_received_at and stored.signed_file_sha256


def test_xades_digest_or_text_carries_the_checksum():
    import base64

    checksum = "ab" * 32
    digest = base64.b64encode(bytes.fromhex(checksum)).decode()
    xml = f'<ds:Signature xmlns:ds="x"><ds:DigestValue>{digest}</ds:DigestValue></ds:Signature>'.encode()
    assert signed_file_problem(xml, checksum) is None
    assert signed_file_problem(xml.replace(b"<ds:Signature", b"<ds:Other"), checksum)
    assert signed_file_problem(xml, "cd" * 32)
    assert signed_file_problem(b"<!DOCTYPE x [<!ENTITY a 'b'>]><Signature/>", checksum)
    assert signed_file_problem(b"GIF89a", checksum)


def test_paper_confirmation_is_recorded_once_by_an_official(offer, org_admin, official_user):
    offer_submit(offer=offer, actor=org_admin)
    with pytest.raises(ApplicationError):
        offer_record_paper_confirmation(offer=Offer.objects.get(pk=offer.pk), actor=org_admin)
    offer_record_paper_confirmation(offer=Offer.objects.get(pk=offer.pk), actor=official_user)
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.signing == "paper" and stored.confirmation_received_by == official_user
    with pytest.raises(ApplicationError, match="już przyjęto"):
        offer_record_paper_confirmation(offer=stored, actor=official_user)


def test_create_fills_section_ii_from_the_registry_and_clone_copies(offer, org_admin, organisation):
    other = CompetitionFactory(centre=organisation.centre)
    draft = offer_create(competition=other, organisation=organisation, actor=org_admin, is_joint=False)
    assert draft.offerors.get().name == organisation.name
    clone = offer_clone(source=offer, competition=other, actor=org_admin)
    assert clone.cloned_from == offer and clone.status == OfferStatus.DRAFT
    assert clone.cost_lines.count() == 2 and clone.title == offer.title


def test_share_with_an_adviser_who_comments(offer, org_admin, centre):
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    adviser = UserFactory(email="doradca@example.org")
    CentreRoleFactory(user=adviser, centre=centre, role="adviser")
    stranger = UserFactory(email="obcy@example.org")
    with pytest.raises(ApplicationError):
        offer_share(offer=offer, user=stranger, actor=org_admin)
    offer_share(offer=offer, user=adviser, actor=org_admin)
    offer_comment(offer=offer, body="Doprecyzujcie rezultaty.", actor=adviser)
    with pytest.raises(ApplicationError):
        offer_comment(offer=offer, body="Spam", actor=stranger)
    assert offer.comments.count() == 1


def test_joint_offer_content_round_trips(organisation, org_admin):
    offer = complete_offer(competition__centre=organisation.centre, organisation=organisation, is_joint=True)
    content = complete_offer_content(
        competition=offer.competition,
        joint=True,
        offerors=[
            {"name": organisation.name, "actions_scope": "Warsztaty"},
            {"name": "Fundacja Partner", "actions_scope": "Promocja"},
        ],
    )
    offer_save(offer=offer, content=content, actor=org_admin)
    offer_submit(offer=Offer.objects.get(pk=offer.pk), actor=org_admin)
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.status == OfferStatus.SUBMITTED and len(stored.filed_content["shares"]) == 2
