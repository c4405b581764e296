"""Races on one row or one limit, on SQLite and on PostgreSQL: a person's first profile saved twice at once
(one row), attachments added at once to a practice near its limit (never past it)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import CentreSetting
from centrum.core.tests.factories import CentreFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Leader, PracticeAttachment
from ..services import leader_save, practice_attachment_add
from .factories import PDF, PracticeFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]

RACERS = 4


def test_a_first_profile_saved_twice_at_once_is_one_row():
    centre = CentreFactory(slug="myslowice")
    user = UserFactory(email="lider@example.org")

    def save(i):
        return leader_save(
            centre=centre,
            actor=user,
            data={"display_name": f"Lider {i}"},
            visible_fields=["bio"],
            consent=True,
        )

    results = _race(save, RACERS)
    assert Leader.objects.filter(centre=centre, user=user).count() == 1
    assert all(isinstance(r, Leader) or "odśwież" in str(getattr(r, "message", r)) for r in results), results


def test_attachments_added_at_once_never_pass_the_limit():
    centre = CentreFactory(slug="zory")
    staff = UserFactory(email="pracownik@example.org")
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    CentreSetting.objects.create(centre=centre, key="knowledge.attachments_max", value="2")
    practice = PracticeFactory(centre=centre)

    def add(i):
        return practice_attachment_add(
            practice=practice, actor=staff, title=f"Plik {i}", upload=SimpleUploadedFile(f"{i}.pdf", PDF)
        )

    _race(add, RACERS)
    assert PracticeAttachment.objects.filter(practice=practice).count() == 2
