"""The one way pages trigger workflow transitions: a partial listing the actions, one view class posting them.

Each app instantiates `WorkflowActionView` for an entity with its loader (the centre's row or 404) at the URL
shape `<entity>/<pk>/akcja/<action>/`, and renders `core/workflow_actions.html` with the items from
`workflow_action_items()`. The API calls `workflow_apply()` as the view does.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from ..exceptions import ApplicationError
from . import (
    TransitionRefused,
    Workflow,
    available_actions,
    may_take,
    stale_message,
    state_label,
    workflow_apply,
)

REASON_MAX_LENGTH = 2000


@dataclass(frozen=True)
class ActionFailure:
    """A posted action the engine refused: shown next to that action's form."""

    pk: object
    action: str
    reason: str
    message: str
    field: str | None

    @property
    def reason_errors(self) -> list[str]:
        return [self.message] if self.field == "reason" else []

    @property
    def errors(self) -> list[str]:
        return [] if self.field == "reason" else [self.message]


def workflow_action_items(
    obj,
    user,
    *,
    workflow: Workflow,
    url_name: str,
    failure: ActionFailure | None = None,
    url_kwargs: dict | None = None,
) -> list[dict]:
    """What `core/workflow_actions.html` renders: one form per action `user` may take on `obj` now.
    `url_kwargs`: the URL's other parameters (an entity under its parent: `organisation_pk`)."""
    items = []
    state = workflow.state_of(obj)
    for t in available_actions(obj, user, workflow=workflow):
        failed = (
            failure if failure is not None and failure.pk == obj.pk and failure.action == t.action else None
        )
        items.append(
            {
                "action": t.action,
                "label": str(t.label),  # translated once, not at each use in the template
                "reason_required": t.reason_required,
                "danger": t.danger,
                "url": reverse(url_name, kwargs={**(url_kwargs or {}), "pk": obj.pk, "action": t.action}),
                "state": state,
                "failure": failed,
            }
        )
    return items


def unplaced_errors(failure: ActionFailure | None, items: list[dict]) -> list[str]:
    """A refusal no listed action shows (the action is no longer possible): shown above the actions."""
    if failure is None or any(item["failure"] for item in items):
        return []
    return [failure.message]


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


class WorkflowActionView(View):
    """POST `<entity>/<pk>/akcja/<action>/`: apply one declared transition, then go back to the page."""

    http_method_names = ["post"]
    workflow: Workflow
    # Actions not offered by the shared partial that this page posts from its own form (see `perform`).
    form_actions: frozenset[str] = frozenset()

    def load(self, request: HttpRequest, pk: int):
        """The centre's row or Http404 (missing and not-yours alike)."""
        raise NotImplementedError

    def success_url(self, request: HttpRequest, obj) -> str:
        raise NotImplementedError

    def failed(self, request: HttpRequest, obj, failure: ActionFailure) -> HttpResponse:
        """By default the page shows the refusal as a message; apps may re-render the page instead."""
        messages.error(request, failure.message)
        return redirect(safe_next(request) or self.success_url(request, obj))

    def done(self, request: HttpRequest, obj, transition) -> None:
        if transition.done_message:
            messages.success(request, str(transition.done_message) % {"name": str(obj)})

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        """Apply the transition; apps whose actions take more (a series' scope, a handover form) call their
        service here, which goes through the same engine."""
        return workflow_apply(
            obj=obj, action=transition.action, actor=request.user, reason=reason, workflow=self.workflow
        )

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        obj = self.load(request, pk)
        transition = self.workflow.transition(action)
        if transition is None or not (transition.in_ui or action in self.form_actions):
            raise Http404
        if not may_take(transition, request.user, obj):
            raise PermissionDenied
        reason = request.POST.get("reason") or ""
        seen = request.POST.get("state", "")
        try:
            if len(reason) > REASON_MAX_LENGTH:
                raise ApplicationError(
                    _("Uzasadnienie może mieć najwyżej %(max)s znaków.") % {"max": REASON_MAX_LENGTH},
                    field="reason",
                )
            if seen and seen != self.workflow.state_of(obj):
                # The page showed another state: someone decided meanwhile.
                raise TransitionRefused(stale_message(state_label(self.workflow, obj)))
            self.perform(request, obj, transition, reason)
        except ApplicationError as exc:
            failure = ActionFailure(
                pk=obj.pk,
                action=action,
                reason=reason[:REASON_MAX_LENGTH],
                message=exc.message,
                field=exc.field,
            )
            return self.failed(request, obj, failure)
        self.done(request, obj, transition)
        return redirect(safe_next(request) or self.success_url(request, obj))
