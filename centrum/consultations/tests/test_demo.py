"""The demo: every centre has the three kinds, the programme's consultation open with its units and two
organisations' comments, an open residents' one, a closed one in its second version, a reported one and a call
with a team; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre

from ..models import Consultation, ConsultationKind, ProposalCall, Team


@pytest.mark.django_db
def test_demo_consultations_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        assert ConsultationKind.objects.filter(centre=centre).count() == 3, centre.slug
        rows = Consultation.objects.filter(centre=centre)
        assert {"draft", "open", "closed", "reported"} <= set(rows.values_list("status", flat=True)), (
            centre.slug
        )
        programme = rows.get(subject_ref__startswith="programmes:")
        assert programme.units.exists() and programme.comments.count() == 2
        assert rows.get(status="closed").units.filter(version=2).exists()
        assert (
            Team.objects.filter(centre=centre).exists()
            and ProposalCall.objects.filter(centre=centre).exists()
        )
    before = Consultation.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Consultation.objects.count() == before
