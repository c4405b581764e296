"""Two staff decide one news item at once (one publishes, the other rejects): one wins, the other is told
someone decided meanwhile; one decision in the history, one e-mail. Two images added at once to an item
one short of the limit: one is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import TransitionRefused, workflow_apply
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import NewsImage, NewsItem
from ..services import news_image_add
from .factories import NewsItemFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _staff(centre, n):
    people = [UserFactory(email=f"pracownik{i}@example.org") for i in range(n)]
    for user in people:
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
    return people


def test_two_staff_deciding_at_once_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    staff = _staff(centre, 2)
    author = UserFactory(email="autor@example.org")
    item = NewsItemFactory(centre=centre, status="submitted", author=author)
    copies = [NewsItem.objects.get(pk=item.pk) for _ in staff]
    actions = ("approve", "reject")

    def decide(i):
        return workflow_apply(obj=copies[i], action=actions[i], actor=staff[i], reason=f"Decyzja {i}")

    results = _race(decide, 2)
    won = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, TransitionRefused) for r in results if isinstance(r, Exception)), results
    assert NewsItem.objects.get(pk=item.pk).status == ("published", "rejected")[won[0]]
    assert AuditEntry.objects.filter(action__in=("news.approved", "news.rejected")).count() == 1
    assert OutboxMessage.objects.count() == 1


def test_two_images_at_once_keep_the_limit(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    CentreSetting.objects.create(centre=centre, key="news.max_images", value=1)
    staff = _staff(centre, 2)
    item = NewsItemFactory(centre=centre, status="submitted")

    def add(i):
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10), "blue").save(buffer, "PNG")
        upload = SimpleUploadedFile(f"z{i}.png", buffer.getvalue(), content_type="image/png")
        return news_image_add(item=item, actor=staff[i], image=upload, alt_text=f"Zdjęcie {i}")

    results = _race(add, 2)
    assert sum(not isinstance(r, Exception) for r in results) == 1, results
    assert all(isinstance(r, ApplicationError) for r in results if isinstance(r, Exception)), results
    assert NewsImage.objects.count() == 1
