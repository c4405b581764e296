"""The demo: every centre has a sent announcement (with its recipients and their mail in the outbox), a draft,
and subscribers; Miechów's announcement reaches its organisations of two fields; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre, OutboxMessage

from ..models import Announcement, Subscriber


@pytest.mark.django_db
def test_demo_newsletter_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        sent = Announcement.objects.get(centre=centre, status="sent")
        assert sent.recipient_count > 0 and sent.areas.count() == 2, centre.slug
        assert sent.recipients.filter(queued=True).count() == sent.recipient_count
        assert OutboxMessage.objects.filter(centre=centre, event="announcement_to_organisation").count() == (
            sent.recipient_count
        )
        assert Announcement.objects.filter(centre=centre, status="draft").exists()
        assert Subscriber.objects.filter(centre=centre, status="active").count() == 3
    before = Announcement.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Announcement.objects.count() == before
