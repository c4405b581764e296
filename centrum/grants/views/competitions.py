"""Pages of competitions: the public list, the announcement and its results (HTML and PDF), the request for
reasons; the official's desk: the list, the announcement form, the publication channels, the board per call,
the exports and the answers to requests for reasons."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import render_html, render_pdf
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import CompetitionStatus, OfferStatus, PublicationPurpose
from ..forms import (
    CompetitionForm,
    CriterionFormSet,
    PublicationForm,
    ReasonsAnswerForm,
    ReasonsRequestForm,
    RequirementFormSet,
    criterion_rows,
    requirement_rows,
)
from ..permissions import is_grants_official
from ..selectors import (
    PUBLIC_FILTERS,
    competition_board_offers,
    competition_deadlines,
    competition_get_for_official,
    competition_get_visible,
    competition_offer_counts,
    competition_results,
    competition_years,
    competitions_for_desk,
    competitions_public_filtered,
    is_member_of_any_organisation,
    offers_export_rows,
    publications_of,
    reasons_request_get_for_official,
    reasons_requests_for_desk,
    results_export_rows,
)
from ..selectors.evaluation import scores_export_rows
from ..services import (
    competition_create,
    competition_update,
    default_criteria,
    publication_record,
    reasons_request_answer,
    reasons_request_file,
)
from ..services.competitions import PUBLICATION_STATES, reasons_request_window_end, reasons_requests_open
from ..workflows.competitions import COMPETITION_STATUS, missing_channels

PAGE_SIZE = 20
BOARD_PAGE_SIZE = 50


def _official_only(request: HttpRequest) -> None:
    if not is_grants_official(request.user, request.centre):
        raise PermissionDenied


def _posted(request: HttpRequest, form, call, done: str, *, allowed: bool = True) -> bool:
    """A valid posted form handed to its service (`call(cleaned_data)`); a broken rule becomes a form error."""
    if request.method != "POST" or not allowed or not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ApplicationError as exc:
        add_application_error(form, exc)
        return False
    messages.success(request, done)
    return True


# --- public pages ------------------------------------------------------------------------------------------


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("stan", "")
    year = request.GET.get("rok", "")
    year = int(year) if year.isdigit() and len(year) == 4 else None
    competitions = competitions_public_filtered(centre=request.centre, state=state, year=year)
    return render(
        request,
        "grants/competitions/index.html",
        {
            "page": paginate(request, competitions, per_page=PAGE_SIZE),
            "state": state if state in PUBLIC_FILTERS else "",
            "year": year,
            "years": competition_years(centre=request.centre),
            "filters": [
                ("", _("wszystkie")),
                ("otwarte", _("przyjmują oferty")),
                ("zamkniete", _("w ocenie")),
                ("rozstrzygniete", _("rozstrzygnięte")),
            ],
            "is_official": is_grants_official(request.user, request.centre),
        },
    )


def _announcement_context(competition) -> dict:
    return {
        "competition": competition,
        "centre": competition.centre,
        "requirements": list(competition.formal_requirements.all()),
        "criteria": list(competition.criteria.all()),
        "publications": publications_of(competition),
    }


def _may_file_offer(request: HttpRequest, competition) -> bool:
    """A member of an organisation sees "Złóż ofertę" while the competition takes offers."""
    if competition.status != CompetitionStatus.PUBLISHED or competition.offers_deadline <= timezone.now():
        return False
    return is_member_of_any_organisation(centre=request.centre, user=request.user)


@centre_required
@require_GET
def competition(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(
        request,
        "grants/competitions/detail.html",
        {
            **_announcement_context(competition),
            "may_file_offer": _may_file_offer(request, competition),
            "is_official": is_grants_official(request.user, request.centre),
        },
    )


def _file_name(competition, what: str, extension: str) -> str:
    return f"{what}-{competition.centre.slug}-{competition.pk}.{extension}"


def _document(request: HttpRequest, competition, template: str, context: dict, what: str) -> HttpResponse:
    """The PDF of a competition's document, opened in the browser under a readable file name."""
    content = render_pdf(template, context, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=_file_name(competition, what, "pdf")
    )
    return response


@centre_required
@require_GET
def competition_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    return _document(
        request,
        competition,
        "grants/documents/announcement.html",
        _announcement_context(competition),
        "ogloszenie",
    )


@centre_required
@require_GET
def competition_bip(request: HttpRequest, pk: int) -> HttpResponse:
    """The announcement as one HTML file to paste into BIP (Centrum does not publish to BIP itself)."""
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    html = render_html("grants/documents/announcement.html", _announcement_context(competition))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=_file_name(competition, "ogloszenie", "html")
    )
    return response


def _results_visible(competition) -> None:
    if competition.status not in (CompetitionStatus.DECIDED, CompetitionStatus.VOIDED):
        raise Http404


def _results_context(competition) -> dict:
    offers = list(competition_results(competition=competition))
    return {
        "competition": competition,
        "centre": competition.centre,
        "selected": [o for o in offers if o.status == OfferStatus.SELECTED],
        "others": [o for o in offers if o.status != OfferStatus.SELECTED],
        "publications": publications_of(competition),
    }


@centre_required
@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    _results_visible(competition)
    return render(
        request,
        "grants/competitions/results.html",
        {
            **_results_context(competition),
            "requests_open": reasons_requests_open(competition),
            "requests_until": reasons_request_window_end(competition),
        },
    )


@centre_required
@require_GET
def results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    _results_visible(competition)
    return _document(
        request, competition, "grants/documents/results.html", _results_context(competition), "wyniki"
    )


@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def reasons_request_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Anyone (no account) asks for the reasons of a selection or a rejection, while the period runs."""
    competition = competition_get_visible(centre=request.centre, pk=pk, user=request.user)
    _results_visible(competition)
    offers = list(competition_results(competition=competition))
    open_now = reasons_requests_open(competition)
    form = ReasonsRequestForm(request.POST or None, offers=offers)
    filed = _posted(
        request,
        form,
        lambda data: reasons_request_file(
            competition=competition,
            offer_id=data["offer"],
            name=data["name"],
            email=data["email"],
            question=data["question"],
        ),
        _("Wniosek przyjęty. Uzasadnienie wyślemy na podany adres e-mail."),
        allowed=open_now,
    )
    if filed:
        return redirect("grants:results", pk=competition.pk)
    return render(
        request,
        "grants/competitions/reasons_form.html",
        {
            "competition": competition,
            "form": form,
            "open_now": open_now,
            "until": reasons_request_window_end(competition),
        },
    )


# --- the official's desk -------------------------------------------------------------------------------------


@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    return render(
        request,
        "grants/competitions/desk.html",
        {"page": paginate(request, competitions_for_desk(centre=request.centre), per_page=PAGE_SIZE)},
    )


def _competition_form_page(request: HttpRequest, competition=None) -> HttpResponse:
    centre = request.centre
    if competition is not None:
        initial_requirements = [
            {"text": r.text, "fixable": r.fixable} for r in competition.formal_requirements.all()
        ]
        initial_criteria = [
            {
                "name": c.name,
                "statutory_point": c.statutory_point,
                "max_points": c.max_points,
                "weight": c.weight,
            }
            for c in competition.criteria.all()
        ]
    else:
        initial_requirements = [
            {
                "text": _("Oferta złożona w terminie na formularzu z rozporządzenia (Dz.U. 2018 poz. 2057)."),
                "fixable": False,
            },
            {
                "text": _("Potwierdzenie złożenia oferty podpisane przez osoby upoważnione zgodnie z KRS."),
                "fixable": True,
            },
        ]
        initial_criteria = default_criteria("support")
    post = request.POST if request.method == "POST" else None
    form = CompetitionForm(
        post,
        instance=competition,
        centre=centre,
        initial=None if competition else {"organ": centre.government_name},
    )
    # Bound, the rows are what was posted: compared with no initial rows, so an unchanged row still counts.
    requirements = RequirementFormSet(post, prefix="req", initial=None if post else initial_requirements)
    criteria = CriterionFormSet(post, prefix="crit", initial=None if post else initial_criteria)
    if post is not None and form.is_valid() and requirements.is_valid() and criteria.is_valid():
        try:
            if competition is None:
                competition = competition_create(
                    centre=centre,
                    actor=request.user,
                    data=form.values(),
                    requirements=requirement_rows(requirements),
                    criteria=criterion_rows(criteria),
                )
                messages.success(
                    request, _("Zapisano szkic ogłoszenia. Teraz zapisz publikacje i ogłoś konkurs.")
                )
            else:
                competition_update(
                    competition=competition,
                    actor=request.user,
                    data=form.values(),
                    requirements=requirement_rows(requirements),
                    criteria=criterion_rows(criteria),
                )
                messages.success(request, _("Zapisano zmiany ogłoszenia."))
        except ApplicationError as exc:
            add_application_error(form, exc, default_field=None)
        else:
            return redirect("grants:board", pk=competition.pk)
    return render(
        request,
        "grants/competitions/form.html",
        {"form": form, "requirements": requirements, "criteria": criteria, "competition": competition},
    )


@login_required
@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def competition_new(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    return _competition_form_page(request)


@login_required
@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def competition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_for_official(centre=request.centre, pk=pk, user=request.user)
    if competition.status != CompetitionStatus.DRAFT:
        messages.error(request, _("Ogłoszony konkurs nie może już być zmieniany."))
        return redirect("grants:board", pk=competition.pk)
    return _competition_form_page(request, competition)


@login_required
@centre_required
@require_GET
def board(request: HttpRequest, pk: int) -> HttpResponse:
    """The board per call: offers by state (counts and the list), the deadlines, publications, actions."""
    competition = competition_get_for_official(centre=request.centre, pk=pk, user=request.user)
    status = request.GET.get("status", "")
    offers = competition_board_offers(competition=competition, status=status)
    return render(
        request,
        "grants/competitions/board.html",
        {
            "competition": competition,
            "counts": competition_offer_counts(competition=competition),
            "status": status if status in OfferStatus.values else "",
            "page": paginate(request, offers, per_page=BOARD_PAGE_SIZE),
            "deadlines": competition_deadlines(competition=competition),
            "publications": publications_of(competition),
            "missing_announcement": missing_channels(competition, PublicationPurpose.ANNOUNCEMENT)
            if competition.status == CompetitionStatus.DRAFT
            else [],
            "workflow_actions": workflow_action_items(
                competition, request.user, workflow=COMPETITION_STATUS, url_name="grants:competition_action"
            ),
            "may_record": any(competition.status in states for states in PUBLICATION_STATES.values()),
            "audit_entries": list(audit_list_for_object(centre=request.centre, obj=competition)[:20]),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def publications(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_get_for_official(centre=request.centre, pk=pk, user=request.user)
    purposes = [p for p, states in PUBLICATION_STATES.items() if competition.status in states]
    form = PublicationForm(request.POST or None, purposes=purposes, initial={"published_on": warsaw_today()})
    recorded = _posted(
        request,
        form,
        lambda data: publication_record(
            competition=competition,
            actor=request.user,
            purpose=data["purpose"],
            channel=data["channel"],
            published_on=data["published_on"],
            address=data["address"],
        ),
        _("Zapisano publikację."),
        allowed=bool(purposes),
    )
    if recorded:
        return redirect("grants:publications", pk=competition.pk)
    return render(
        request,
        "grants/competitions/publications.html",
        {
            "competition": competition,
            "form": form,
            "purposes": purposes,
            "publications": publications_of(competition),
        },
    )


class CompetitionActionView(WorkflowActionView):
    workflow = COMPETITION_STATUS

    def load(self, request: HttpRequest, pk: int):
        return competition_get_for_official(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("grants:board", kwargs={"pk": obj.pk})


competition_action = login_required(centre_required(CompetitionActionView.as_view()))


EXPORTS = {"oferty": offers_export_rows, "wyniki": results_export_rows, "oceny": scores_export_rows}


@login_required
@centre_required
@require_GET
def competition_export(request: HttpRequest, pk: int, what: str, fmt: str) -> HttpResponse:
    competition = competition_get_for_official(centre=request.centre, pk=pk, user=request.user)
    if what not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    header, rows = EXPORTS[what](competition=competition)
    return table_response(
        chain([header], rows),
        fmt=fmt,
        filename=_file_name(competition, what, fmt).removesuffix(f".{fmt}"),
        title=what,
    )


@login_required
@centre_required
@require_GET
def reasons_requests(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    answered = request.GET.get("odpowiedziane") == "1"
    return render(
        request,
        "grants/competitions/reasons_list.html",
        {
            "page": paginate(
                request,
                reasons_requests_for_desk(centre=request.centre, answered=answered),
                per_page=PAGE_SIZE,
            ),
            "answered": answered,
            "today": warsaw_today(),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def reasons_request(request: HttpRequest, pk: int) -> HttpResponse:
    item = reasons_request_get_for_official(centre=request.centre, pk=pk, user=request.user)
    form = ReasonsAnswerForm(request.POST or None)
    answered = _posted(
        request,
        form,
        lambda data: reasons_request_answer(request=item, actor=request.user, answer=data["answer"]),
        _("Uzasadnienie wysłano do osoby, która o nie prosiła."),
        allowed=item.answered_at is None,
    )
    if answered:
        return redirect("grants:reasons_requests")
    return render(
        request,
        "grants/competitions/reasons_answer.html",
        {"item": item, "form": form, "today": warsaw_today()},
    )
