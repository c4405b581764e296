"""The consultation officer's pages: the desk, kinds, a consultation's settings and draft, answers, versions."""

import contextlib
from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.crossrefs import subjects_for
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import CommentStatus, ConsultationStatus
from ..forms import ConsultationForm, DeskFilterForm, KindForm, PasteForm, ReviseForm, UnitForm
from ..selectors import (
    SOURCE_KEY,
    comment_get_for,
    comment_queryset,
    comments_of,
    consultation_get_for,
    desk_consultations,
    kind_get_for,
    kinds_for,
    rooms_for_meetings,
    unit_get_for,
    units_of,
    version_diff,
)
from ..services import (
    comment_answer,
    consultation_save,
    kind_save,
    kinds_ensure_defaults,
    unit_add,
    unit_remove,
    unit_revise,
    units_import,
    units_paste,
    version_create,
)
from ..workflows import COMMENT_STATUS, CONSULTATION_STATUS
from .common import require_officer


@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    require_officer(request)
    kinds = kinds_for(centre=request.centre)
    form = DeskFilterForm(request.GET or None, kinds=kinds, statuses=ConsultationStatus.choices)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = desk_consultations(
        centre=request.centre,
        status=filters.get("status") or "",
        kind=filters["kind"].pk if filters.get("kind") else None,
        q=filters.get("q") or "",
    )
    return render(
        request, "consultations/desk.html", {"form": form, "page": paginate(request, rows, per_page=25)}
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def kinds(request: HttpRequest) -> HttpResponse:
    """The kinds and their rules; a centre without any adds the three model kinds with one button."""
    require_officer(request)
    if request.method == "POST":
        added = kinds_ensure_defaults(centre=request.centre, actor=request.user)
        if added:
            messages.success(request, _("Dodano rodzaje konsultacji: %(count)s.") % {"count": added})
        else:
            messages.info(request, _("Centrum ma już rodzaje konsultacji."))
        return redirect("consultations:kinds")
    return render(request, "consultations/kinds.html", {"kinds": kinds_for(centre=request.centre)})


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def kind_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_officer(request)
    kind = kind_get_for(centre=request.centre, user=request.user, pk=pk) if pk else None
    form = KindForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        try:
            kind_save(centre=request.centre, actor=request.user, kind=kind, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano rodzaj konsultacji."))
            return redirect("consultations:kinds")
    return render(
        request,
        "consultations/kind_form.html",
        {"form": form, "kind": kind},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk) if pk else None
    if consultation is not None and consultation.status not in (
        ConsultationStatus.DRAFT,
        ConsultationStatus.OPEN,
    ):
        raise Http404
    subjects = [
        s
        for s in subjects_for(request.centre, settings=request.centre_settings)
        if not s.ref.startswith(f"{SOURCE_KEY}:")
    ]
    form = ConsultationForm(
        request.POST or None,
        instance=consultation,
        kinds=kinds_for(centre=request.centre, active_only=True),
        rooms=rooms_for_meetings(centre=request.centre),
        subjects=subjects,
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "areas"}
        try:
            saved = consultation_save(
                centre=request.centre,
                actor=request.user,
                consultation=consultation,
                data=data,
                areas=form.cleaned_data["areas"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano konsultacje."))
            return redirect(
                "consultations:units" if consultation is None else "consultations:detail", saved.pk
            )
    return render(
        request,
        "consultations/form.html",
        {"form": form, "consultation": consultation},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def units(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft's text: add a unit, paste the whole text, or import the consulted document's units."""
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    editable = consultation.status == ConsultationStatus.DRAFT
    which = request.POST.get("form", "")
    unit_form = UnitForm(request.POST if which == "unit" else None)
    paste_form = PasteForm(request.POST if which == "paste" else None, prefix="wklej")
    page_error = ""
    if request.method == "POST":
        done = ""
        try:
            if which == "unit" and unit_form.is_valid():
                unit_add(consultation=consultation, actor=request.user, **unit_form.cleaned_data)
                done = _("Dodano jednostkę.")
            elif which == "paste" and paste_form.is_valid():
                count = units_paste(consultation=consultation, actor=request.user, **paste_form.cleaned_data)
                done = _("Podzielono tekst na jednostki: %(count)s.") % {"count": count}
            elif which == "import":
                count = units_import(consultation=consultation, actor=request.user)
                done = _("Przeniesiono jednostki dokumentu: %(count)s.") % {"count": count}
            elif which not in ("unit", "paste"):
                page_error = _("Nieznana czynność.")
        except ApplicationError as exc:
            if which in ("unit", "paste"):
                add_application_error(unit_form if which == "unit" else paste_form, exc)
            else:
                page_error = exc.message
        if done:
            messages.success(request, done)
            return redirect("consultations:units", consultation.pk)
    bad = request.method == "POST"
    return render(
        request,
        "consultations/units.html",
        {
            "consultation": consultation,
            "units": units_of(consultation),
            "editable": editable,
            "unit_form": unit_form,
            "paste_form": paste_form,
            "page_error": page_error,
        },
        status=400 if bad else 200,
    )


@login_required
@centre_required
@require_POST
def unit_delete(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    unit = unit_get_for(centre=request.centre, user=request.user, pk=unit_pk)
    if unit.consultation_id != consultation.pk:
        raise Http404
    try:
        unit_remove(unit=unit, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("consultations:units", consultation.pk)


class ConsultationActionView(WorkflowActionView):
    workflow = CONSULTATION_STATUS

    def load(self, request: HttpRequest, pk: int):
        return consultation_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


action = login_required(centre_required(ConsultationActionView.as_view()))


class CommentActionView(WorkflowActionView):
    workflow = COMMENT_STATUS

    def load(self, request: HttpRequest, pk: int):
        return comment_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("consultations:answers", args=[obj.consultation_id]) + f"#uwaga-{obj.pk}"

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        return comment_answer(comment=obj, actor=request.user, outcome=transition.action, answer=reason)


comment_action = login_required(centre_required(CommentActionView.as_view()))


@login_required
@centre_required
@require_GET
def answers(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    comments = comments_of(consultation)
    rows = [
        (
            comment,
            workflow_action_items(
                comment, request.user, workflow=COMMENT_STATUS, url_name="consultations:comment_action"
            ),
        )
        for comment in comments
    ]
    waiting = sum(1 for c in comments if c.status == CommentStatus.SUBMITTED)
    return render(
        request,
        "consultations/answers.html",
        {"consultation": consultation, "rows": rows, "waiting": waiting},
    )


@login_required
@centre_required
@require_POST
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    seen = request.POST.get("version", "")
    if seen.isdigit() and int(seen) < 1000:
        consultation.version = int(seen)  # the version the page showed
    try:
        consultation = version_create(consultation=consultation, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(consultation)
    messages.success(request, _("Utworzono wersję %(version)s projektu.") % {"version": consultation.version})
    return redirect("consultations:versions", consultation.pk)


@login_required
@centre_required
@require_GET
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    new = consultation.version
    with contextlib.suppress(ValueError):
        new = min(max(int(request.GET.get("do", new)), 2), consultation.version)
    rows = version_diff(consultation, new - 1, new) if consultation.version > 1 else []
    return render(
        request,
        "consultations/versions.html",
        {
            "consultation": consultation,
            "rows": rows,
            "old": new - 1,
            "new": new,
            "choices": list(range(2, consultation.version + 1)),
            "editable": consultation.status != ConsultationStatus.REPORTED and new == consultation.version,
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def unit_revise_view(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    unit = unit_get_for(centre=request.centre, user=request.user, pk=pk)
    consultation = unit.consultation
    form = ReviseForm(
        request.POST or None,
        comments=comment_queryset(consultation),
        initial={"text": unit.text, "note": unit.change_note, "comments": list(unit.changed_by.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            unit_revise(unit=unit, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano zmianę."))
            return redirect("consultations:versions", consultation.pk)
    return render(
        request,
        "consultations/unit_revise.html",
        {"form": form, "unit": unit, "consultation": consultation},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_GET
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    require_officer(request)
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    header = [
        _("Lp."),
        _("Jednostka"),
        _("Zgłaszający"),
        _("Organizacja"),
        _("Zgłoszono"),
        _("Proponowane brzmienie lub uwaga"),
        _("Uzasadnienie"),
        _("Rozstrzygnięcie"),
        _("Odpowiedź"),
    ]
    rows = (
        [
            n,
            c.unit.number if c.unit_id else _("uwaga ogólna"),
            c.author_name,
            c.organisation.name if c.organisation_id else "",
            c.created_at,
            c.proposal,
            c.justification,
            c.get_status_display(),
            c.answer,
        ]
        for n, c in enumerate(comments_of(consultation), start=1)
    )
    return table_response(
        chain([header], rows), fmt=fmt, filename=f"uwagi-konsultacje-{consultation.pk}", title="uwagi"
    )
