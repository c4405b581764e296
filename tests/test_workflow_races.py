"""Every registered workflow transition, raced: two people (or a double click) act on one row at once.

Walks the registry (`core.workflow.WORKFLOWS`), not a list written here: for each transition, the same
action twice (a double click, two staff members) and the same row with each other action its source state
allows (staff approving while the member cancels). Each thread has its own database connection and decides
on the copy it loaded before the other committed, as a person's page does. Exactly one wins; the other
gets the engine's `TransitionRefused` (the usual "someone just changed this" / "already cancelled"); the
audit log has one entry. PostgreSQL locks the row (SELECT … FOR UPDATE); SQLite serialises the writers
(the race runs on a file copy with the production options, see `race_database`).
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import AuditEntry
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import WORKFLOWS, TransitionRefused, may_take, workflow_apply
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from .test_workflows import INVITEE, MEMBER, OFFICIAL, STAFF, SYSTEM, World

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]

# Who acts, in order of preference: the first the transition's permission allows on the row.
ACTORS = (STAFF, MEMBER, INVITEE, OFFICIAL, SYSTEM)


# Actions that are never open on one row at once, so they cannot race: an offer is withdrawn before the
# deadline, and checked formally or decided only after it (its competition is then closed for offers).
NEVER_TOGETHER = {
    *(
        ("grants.offer", "withdraw", other)
        for other in ("request_correction", "accept_formally", "reject_formally")
    ),
    # a corrected offer is filed before its correction window ends, the lapse rejects it after
    ("grants.offer", "correction_lapsed", "resubmit"),
}


def _pairs():
    """(workflow, source state, first action, second action): each transition twice, and with every other
    action from the same state (each unordered pair once). An action that keeps the state (new hours) is
    only raced against the others: twice in a row is not a conflict."""
    for key, wf in WORKFLOWS.items():
        seen = set()
        for t in wf.transitions:
            for source in t.sources:
                if t.target not in (None, source) and (key, source, t.action, t.action) not in seen:
                    seen.add((key, source, t.action, t.action))
                    yield pytest.param(key, source, t.action, t.action, id=f"{key}-{source}-{t.action}-twice")
                for u in wf.transitions:
                    pair = tuple(sorted((t.action, u.action)))
                    if (key, *pair) in NEVER_TOGETHER or (key, pair[1], pair[0]) in NEVER_TOGETHER:
                        continue
                    if u is t or not u.allowed_from(source) or (key, source, *pair) in seen:
                        continue
                    seen.add((key, source, *pair))
                    yield pytest.param(key, source, *pair, id=f"{key}-{source}-{pair[0]}-{pair[1]}")


def test_every_registered_transition_is_raced():
    raced = {(p.values[0], p.values[2]) for p in _pairs()} | {(p.values[0], p.values[3]) for p in _pairs()}
    declared = {(key, t.action) for key, wf in WORKFLOWS.items() for t in wf.transitions}
    assert raced == declared


def _actor(world, transition, obj):
    for role in ACTORS:
        if may_take(transition, world.actors[role], obj):
            return world.actors[role]
    pytest.skip(f"nobody may take {transition.action} on this row")


@pytest.mark.parametrize(("key", "source", "first", "second"), list(_pairs()))
def test_two_transitions_at_once_one_wins(key, source, first, second):
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    staff = UserFactory(email="pracownik@example.org")
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    world = World(centre, staff)
    wf = WORKFLOWS[key]
    obj = world.build(key, source, (first, second))
    actions = (first, second)
    transitions = [wf.transition(a) for a in actions]
    actors = [_actor(world, t, obj) for t in transitions]
    # Both pages were loaded before either decision.
    copies = [type(obj)._default_manager.get(pk=obj.pk) for _ in actions]

    def decide(i):
        return workflow_apply(
            obj=copies[i], action=actions[i], actor=actors[i], reason="Powód podany przez osobę", workflow=wf
        )

    results = _race(decide, 2)
    unexpected = [r for r in results if isinstance(r, Exception) and not isinstance(r, TransitionRefused)]
    assert not unexpected, results
    won = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(wf.model),
        object_id=str(obj.pk),
        action__in={t.audit for t in transitions},
    ).order_by("id")
    state = getattr(type(obj)._default_manager.get(pk=obj.pk), wf.field)
    keeps = [t.target in (None, source) for t in transitions]
    if any(keeps) and not all(keeps):
        # An action that keeps the state (new hours) and one that changes it: the change always wins;
        # the other wins only if it came first (a rescheduled booking may still be cancelled).
        changer = keeps.index(False)
        assert changer in won, results
        assert state == transitions[changer].target
        assert [e.action for e in entries][-1] == transitions[changer].audit
        assert entries.count() == len(won)
        return
    assert len(won) == 1, results
    assert state == (transitions[won[0]].target or source)
    assert [e.action for e in entries] == [transitions[won[0]].audit]
