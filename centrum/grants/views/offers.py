"""Pages of offers (the organisation's side): "Moje oferty", a new draft, the form with live validation, the
offer page with its actions, the PDF, the signed confirmation, sharing for comments."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pdf import pdf_response
from centrum.core.views import centre_required
from centrum.core.workflow import may_take
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from .. import budget as B
from ..choices import EDITABLE_OFFER_STATUSES, FILED_OFFER_STATUSES
from ..forms.offers import (
    TABLES,
    CommentForm,
    NewOfferForm,
    OfferForms,
    ShareForm,
    SignedFileForm,
)
from ..models import Offer
from ..permissions import (
    can_comment_offer,
    can_edit_offer,
    can_file_offer_for,
    can_prepare_offer_for,
    is_grants_official,
)
from ..selectors import recorded_contributions
from ..selectors.offers import (
    advisers_of,
    competitions_open_for_offers,
    offer_deadlines,
    offer_document_context,
    offer_get_visible,
    offeror_choices,
    offers_for_user,
    offers_shared_with,
    open_competition_get,
    organisations_of_member,
    past_offers_of,
)
from ..services.offers import (
    check_content,
    content_of,
    offer_attach_signed_file,
    offer_clone,
    offer_comment,
    offer_create,
    offer_pdf,
    offer_resubmit,
    offer_save,
    offer_share,
    offer_submit,
    rules_for,
)
from ..workflows.offers import OFFER_STATUS


@login_required
@centre_required
@require_GET
def my_offers(request: HttpRequest) -> HttpResponse:
    offers = list(offers_for_user(centre=request.centre, user=request.user))
    rows = [(offer, offer_deadlines(offer)) for offer in offers]
    return render(
        request,
        "grants/offers/my_offers.html",
        {
            "rows": rows,
            "shared": list(offers_shared_with(centre=request.centre, user=request.user)),
            "open_competitions": list(competitions_open_for_offers(centre=request.centre)),
        },
    )


def _organisations_for(request):
    return organisations_of_member(centre=request.centre, user=request.user)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def offer_new(request: HttpRequest, competition_pk: int) -> HttpResponse:
    competition = open_competition_get(centre=request.centre, pk=competition_pk)
    organisations = _organisations_for(request)
    if not organisations.exists():
        raise PermissionDenied
    past = past_offers_of(centre=request.centre, organisations=organisations)
    form = NewOfferForm(request.POST or None, organisations=organisations, past_offers=past)
    if request.method == "POST" and form.is_valid():
        organisation, source = form.cleaned_data["organisation"], form.cleaned_data["clone_from"]
        try:
            if source is not None:
                if source.organisation_id != organisation.pk:
                    raise ApplicationError(
                        _("Skopiować można tylko ofertę tej samej organizacji."), field="clone_from"
                    )
                offer = offer_clone(source=source, competition=competition, actor=request.user)
            else:
                offer = offer_create(
                    competition=competition,
                    organisation=organisation,
                    actor=request.user,
                    is_joint=form.cleaned_data["is_joint"],
                )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Utworzono szkic oferty."))
            return redirect("grants:offer_edit", pk=offer.pk)
    return render(request, "grants/offers/new.html", {"form": form, "competition": competition})


def _years(offer, header=None) -> int:
    header = header or {}
    start = header.get("start_date", offer.start_date)
    end = header.get("end_date", offer.end_date)
    return B.years_of(rules_for(offer.competition), start, end)


def _edit_forms(request, offer, *, add: str = ""):
    organisations = offeror_choices(centre=request.centre)
    if request.method == "POST":
        probe = OfferForms(offer, data=request.POST, organisations=organisations, years=_years(offer))
        years = _years(offer, probe.header.cleaned_data if probe.header.is_valid() else None)
        if years != probe.years:
            probe = OfferForms(offer, data=request.POST, organisations=organisations, years=years)
        if add:
            probe = OfferForms(offer, data=request.POST, organisations=organisations, years=years, add=add)
        return probe
    return OfferForms(offer, organisations=organisations, years=_years(offer))


def _problems(offer, forms) -> tuple[object, dict[str, list[str]], list[tuple[str, str]]]:
    """(totals, messages by field, every (field, message)) of the posted or stored content."""
    if not forms.header.is_bound:
        # The stored content: its rows are the formsets' initial rows, in order (lines-0-, lines-1-, …).
        totals, problems = check_content(content_of(offer), offer.competition, is_joint=offer.is_joint)
        pairs = [(p.field, p.message) for p in problems]
        grouped: dict[str, list[str]] = {}
        for name, message in pairs:
            grouped.setdefault(name, []).append(message)
        return totals, grouped, pairs
    if not forms.is_valid():
        errors = forms.errors()
        grouped = {}
        for name, message in errors:
            grouped.setdefault(name, []).append(message)
        return None, grouped, errors
    content, prefixes = forms.content()
    totals, problems = check_content(content, offer.competition, is_joint=offer.is_joint)
    pairs = [(_place(p.field, prefixes), p.message) for p in problems]
    grouped = {}
    for name, message in pairs:
        grouped.setdefault(name, []).append(message)
    return totals, grouped, pairs


def _place(field: str, prefixes: dict) -> str:
    """A problem's `<table>-<content index>-<field>` becomes the posted row's field name."""
    parts = field.split("-")
    if len(parts) == 3 and parts[0] in TABLES and parts[1].isdigit():
        prefix = prefixes.get((parts[0], int(parts[1])))
        if prefix:
            return f"{prefix}{parts[2]}"
    return field


def _edit_context(request, offer, forms, *, totals=None, problems=None, pairs=None):
    if totals is None and problems is None:
        totals, problems, pairs = _problems(offer, forms)
    return {
        "offer": offer,
        "competition": offer.competition,
        "forms": forms,
        "totals": totals,
        "problems": problems or {},
        "pairs": pairs or [],
        "slots": _slots(forms),
        "can_file": can_file_offer_for(request.user, offer.organisation),
    }


def _slots(forms) -> list[str]:
    """Every field name a problem may be shown next to (the live check clears or fills each)."""
    names = ["offerors", "actions", "results", "lines", "sources", "shares", "competition"]
    for form in [forms.header, forms.shares, *forms.offerors, *forms.actions, *forms.results, *forms.lines]:
        names.extend(form.add_prefix(name) for name in form.fields)
    return names


def _load_editable(request, pk) -> Offer:
    offer = offer_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_prepare_offer_for(request.user, offer.organisation):
        raise PermissionDenied
    return offer


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _load_editable(request, pk)
    if offer.status not in EDITABLE_OFFER_STATUSES:
        messages.error(request, _("Oferta została złożona: jej treści nie można już zmienić."))
        return redirect(offer)
    add = request.POST.get("add", "") if request.method == "POST" else ""
    forms = _edit_forms(request, offer, add=add if add in TABLES else "")
    if request.method == "POST" and not add and forms.is_valid():
        content, _prefixes = forms.content()
        try:
            offer_save(offer=offer, content=content, actor=request.user)
        except ApplicationError as exc:
            add_application_error(forms.header, exc)
        else:
            messages.success(request, _("Zapisano szkic oferty."))
            return redirect(f"{reverse('grants:offer_edit', args=[offer.pk])}#offer-check")
    context = {**_edit_context(request, offer, forms), **_contributions(request, offer.organisation)}
    return render(request, "grants/offers/edit.html", context, status=200)


def _contributions(request, organisation) -> dict:
    """The organisation's recorded work of the last twelve months: a basis for the planned contribution."""
    today = warsaw_today()
    return recorded_contributions(
        centre=request.centre,
        organisation=organisation,
        start=today - timedelta(days=365),
        end=today,
        settings=request.centre_settings,
    )


@login_required
@centre_required
@require_POST
def offer_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The live check (htmx): the sums and each broken rule, placed next to its field (out-of-band swaps)."""
    offer = _load_editable(request, pk)
    if offer.status not in EDITABLE_OFFER_STATUSES:
        raise Http404
    forms = _edit_forms(request, offer)
    return render(request, "grants/offers/_check.html", {**_edit_context(request, offer, forms), "oob": True})


@login_required
@centre_required
@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_visible(centre=request.centre, pk=pk, user=request.user)
    context = offer_document_context(offer)
    user = request.user
    files = can_file_offer_for(user, offer.organisation)
    problems = []
    if offer.status in EDITABLE_OFFER_STATUSES and can_prepare_offer_for(user, offer.organisation):
        _totals, found = check_content(content_of(offer), offer.competition, is_joint=offer.is_joint)
        problems = found
    filing = None
    for action in ("submit", "resubmit"):
        transition = OFFER_STATUS.transition(action)
        if transition.allowed_from(offer.status) and may_take(transition, user, offer):
            filing = {
                "action": action,
                "label": transition.label,
                "url": reverse("grants:offer_action", args=[offer.pk, action]),
            }
    advisers = []
    if can_prepare_offer_for(user, offer.organisation) and offer.status in EDITABLE_OFFER_STATUSES:
        advisers = _advisers(request)
    context.update(
        {
            "problems": problems,
            "filing": filing,
            "deadlines": offer_deadlines(offer),
            "can_edit": can_edit_offer(user, offer),
            "workflow_actions": workflow_action_items(
                offer, user, workflow=OFFER_STATUS, url_name="grants:offer_action"
            ),
            "signed_form": SignedFileForm()
            if files and offer.status in FILED_OFFER_STATUSES and offer.confirmation_received_at is None
            else None,
            "share_form": ShareForm(advisers=advisers) if advisers else None,
            "comment_form": CommentForm() if can_comment_offer(user, offer) else None,
            "comments": list(offer.comments.select_related("author")),
            "is_official": is_grants_official(user, offer.centre),
        }
    )
    return render(request, "grants/offers/detail.html", context)


def _advisers(request):
    return advisers_of(centre=request.centre)


@login_required
@centre_required
@require_GET
def offer_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_visible(centre=request.centre, pk=pk, user=request.user)
    name = f"oferta-{offer.number or offer.pk}".replace("/", "-")
    return pdf_response(offer_pdf(offer), f"{name}.pdf")


class OfferActionView(WorkflowActionView):
    workflow = OFFER_STATUS
    form_actions = frozenset({"submit", "resubmit"})

    def load(self, request, pk):
        return offer_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request, obj) -> str:
        return reverse("grants:offer", args=[obj.pk])

    def perform(self, request, obj, transition, reason: str):
        if transition.action == "submit":
            return offer_submit(offer=obj, actor=request.user)
        if transition.action == "resubmit":
            return offer_resubmit(offer=obj, actor=request.user)
        return super().perform(request, obj, transition, reason)

    def done(self, request, obj, transition) -> None:
        if transition.action in ("submit", "resubmit"):
            messages.success(
                request,
                _(
                    "Złożono ofertę nr %(number)s. Suma kontrolna: %(checksum)s. Potwierdzenie z ofertą w PDF wyślemy e-mailem w ciągu kilku minut."
                )
                % {"number": obj.number, "checksum": obj.checksum},
            )


offer_action = login_required(centre_required(OfferActionView.as_view()))


def _offer_form_post(request, pk, *, may, form_class, perform, done: str, invalid: str = "", **form_kwargs):
    """A small form of the offer's page (signed file, sharing, a comment): check, one service call, back to
    the page with a message."""
    offer = offer_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not may(request.user, offer):
        raise PermissionDenied
    form = form_class(request.POST, request.FILES, **form_kwargs)
    if not form.is_valid():
        messages.error(
            request, invalid or " ".join(str(m) for errors in form.errors.values() for m in errors)
        )
        return redirect(offer)
    try:
        perform(offer, form.cleaned_data)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(offer)


@login_required
@centre_required
@require_POST
def offer_signed_file(request: HttpRequest, pk: int) -> HttpResponse:
    return _offer_form_post(
        request,
        pk,
        may=lambda user, offer: can_file_offer_for(user, offer.organisation),
        form_class=SignedFileForm,
        perform=lambda offer, data: offer_attach_signed_file(
            offer=offer, upload=data["signed_file"], actor=request.user
        ),
        done=_("Przyjęto podpisane potwierdzenie: suma kontrolna się zgadza."),
    )


@login_required
@centre_required
@require_POST
def offer_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _offer_form_post(
        request,
        pk,
        may=lambda user, offer: can_prepare_offer_for(user, offer.organisation),
        form_class=ShareForm,
        perform=lambda offer, data: offer_share(offer=offer, user=data["user"], actor=request.user),
        done=_("Udostępniono szkic doradcy."),
        invalid=_("Wybierz doradcę centrum."),
        advisers=_advisers(request),
    )


@login_required
@centre_required
@require_POST
def offer_comment_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _offer_form_post(
        request,
        pk,
        may=can_comment_offer,
        form_class=CommentForm,
        perform=lambda offer, data: offer_comment(offer=offer, body=data["body"], actor=request.user),
        done=_("Dodano uwagę."),
        invalid=_("Wpisz treść uwagi (najwyżej 4000 znaków)."),
    )
