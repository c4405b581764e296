"""Pages of small grants (art. 19a): the organisation's list, a new draft, the simplified offer's form with
its live check (htmx), the offer's page with its actions and PDF; the official's desk, the publication on
the three channels, the responses to comments, the contract; the public list and the public offer page
with the comment form (no account; honeypot, signed time stamp and a per-address limit)."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.antispam import client_address, rate_limited
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import pdf_response
from centrum.core.views import centre_required
from centrum.core.workflow import may_take
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import SmallGrantStatus
from ..forms.small_grants import (
    TABLES,
    CommentForm,
    ContractForm,
    NewSmallGrantForm,
    PublicationForm,
    ResponseForm,
    SmallGrantForms,
)
from ..permissions import can_edit_small_grant, can_file_offer_for, can_prepare_offer_for, is_grants_official
from ..selectors.offers import organisations_of_member
from ..selectors.small_grants import (
    comments_of,
    comments_public,
    limit_problems,
    small_grant_comment_get_for_official,
    small_grant_desk,
    small_grant_document_context,
    small_grant_get_for_official,
    small_grant_get_public,
    small_grant_get_visible,
    small_grants_for_user,
    small_grants_public,
    small_grants_register_rows,
)
from ..services.small_grants import (
    comments_open,
    content_of,
    contract_ready_on,
    small_grant_comment_file,
    small_grant_comment_respond,
    small_grant_contract_create,
    small_grant_create,
    small_grant_pdf,
    small_grant_publish,
    small_grant_save,
    small_grant_submit,
)
from ..simplified_offer import Limits, check_content
from ..workflows.small_grants import SMALL_GRANT_STATUS
from .competitions import _official_only

PAGE_SIZE = 20
# Public comments: at most this many per address and offer in the window (seconds).
COMMENT_LIMIT, COMMENT_WINDOW = 3, 3600


def _contract_url(offer) -> str:
    """The contract's page (the contracts sub-feature's), when it exists."""
    if offer.contract_id is None:
        return ""
    try:
        return reverse("grants:contract", args=[offer.contract_id])
    except NoReverseMatch:
        return ""


# --- the organisation's side ------------------------------------------------------------------------------


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def small_grants_mine(request: HttpRequest) -> HttpResponse:
    """The offers of the user's organisations, and a new draft for one of them."""
    organisations = organisations_of_member(centre=request.centre, user=request.user)
    form = NewSmallGrantForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            offer = small_grant_create(organisation=form.cleaned_data["organisation"], actor=request.user)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Utworzono szkic oferty uproszczonej."))
            return redirect("grants:small_grant_edit", pk=offer.pk)
    return render(
        request,
        "grants/small_grants/mine.html",
        {
            "offers": list(small_grants_for_user(centre=request.centre, user=request.user)),
            "form": form if organisations.exists() else None,
        },
    )


def _load_editable(request, pk):
    offer = small_grant_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_prepare_offer_for(request.user, offer.organisation):
        raise PermissionDenied
    return offer


def _checked(request, offer, forms) -> dict:
    """The sums, each broken rule placed at its posted field, and the limits that depend on other contracts."""
    limits = Limits.of(request.centre)
    if forms.header.is_bound and not forms.is_valid():
        pairs = forms.errors()
        summary = None
    else:
        if forms.header.is_bound:
            content, prefixes = forms.content()
        else:
            content, prefixes = content_of(offer), {}
            prefixes = {(t, i): f"{t}-{i}-" for t in TABLES for i in range(60)}
        summary, problems = check_content(content, limits)
        pairs = [(_place(p.field, prefixes), p.message) for p in problems]
        grant = content.header.get("requested_grant")
        if grant:
            warnings = limit_problems(
                centre=request.centre,
                organisation=offer.organisation,
                grant=grant,
                on=content.header.get("start_date") or warsaw_today(),
                limits=limits,
            )
            summary.warnings = [p.message for p in warnings]
    grouped: dict[str, list[str]] = {}
    for name, message in pairs:
        grouped.setdefault(name, []).append(message)
    slots = ["results", "lines", "sources"]
    for form in [forms.header, *forms.results.forms, *forms.lines.forms]:
        slots.extend(form.add_prefix(name) for name in form.fields)
    return {
        "offer": offer,
        "forms": forms,
        "summary": summary,
        "limits": limits,
        "problems": grouped,
        "pairs": pairs,
        "slots": slots,
        "can_file": can_file_offer_for(request.user, offer.organisation),
    }


def _place(field: str, prefixes: dict) -> str:
    parts = field.split("-")
    if len(parts) == 3 and parts[0] in TABLES and parts[1].isdigit():
        prefix = prefixes.get((parts[0], int(parts[1])))
        if prefix:
            return f"{prefix}{parts[2]}"
    return field


def _place_error(forms, exc: ApplicationError, prefixes: dict) -> None:
    """A refusal of the service next to the posted row's field it names, else on the header."""
    name = _place(exc.field or "", prefixes)
    for form in [*forms.results.forms, *forms.lines.forms]:
        for field in form.fields:
            if form.add_prefix(field) == name:
                form.add_error(field, exc.message)
                return
    add_application_error(forms.header, exc)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def small_grant_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _load_editable(request, pk)
    if offer.status != SmallGrantStatus.DRAFT:
        messages.error(request, _("Oferta została złożona: jej treści nie można już zmienić."))
        return redirect(offer)
    add = request.POST.get("add", "") if request.method == "POST" else ""
    forms = SmallGrantForms(offer, data=request.POST if request.method == "POST" else None, add=add)
    if request.method == "POST" and add not in TABLES and forms.is_valid():
        content, prefixes = forms.content()
        try:
            small_grant_save(offer=offer, content=content, actor=request.user)
        except ApplicationError as exc:
            _place_error(forms, exc, prefixes)
        else:
            messages.success(request, _("Zapisano szkic oferty."))
            return redirect(f"{reverse('grants:small_grant_edit', args=[offer.pk])}#offer-check")
    return render(request, "grants/small_grants/edit.html", _checked(request, offer, forms))


@login_required
@centre_required
@require_POST
def small_grant_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The live check (htmx): the sums, the limits and each broken rule next to its field."""
    offer = _load_editable(request, pk)
    if offer.status != SmallGrantStatus.DRAFT:
        raise Http404
    forms = SmallGrantForms(offer, data=request.POST)
    return render(
        request, "grants/small_grants/_check.html", {**_checked(request, offer, forms), "oob": True}
    )


@login_required
@centre_required
@require_GET
def small_grant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = small_grant_get_visible(centre=request.centre, pk=pk, user=request.user)
    user = request.user
    context = small_grant_document_context(offer)
    official = is_grants_official(user, request.centre)
    problems = []
    if offer.status == SmallGrantStatus.DRAFT:
        _summary, problems = check_content(content_of(offer), Limits.of(request.centre))
    submit = SMALL_GRANT_STATUS.transition("submit")
    comments = comments_of(offer)
    context.update(
        {
            "problems": problems,
            "can_edit": can_edit_small_grant(user, offer),
            "can_submit": submit.allowed_from(offer.status) and may_take(submit, user, offer),
            "workflow_actions": workflow_action_items(
                offer, user, workflow=SMALL_GRANT_STATUS, url_name="grants:small_grant_action"
            ),
            "is_official": official,
            "comments": comments if official or comments_public(offer) else [],
            "comment_count": len(comments),
            "response_form": ResponseForm()
            if official and offer.status == SmallGrantStatus.PUBLISHED
            else None,
            "comments_open": comments_open(offer),
            "contract_ready_on": contract_ready_on(offer),
            "contract_url": _contract_url(offer),
            "today": warsaw_today(),
        }
    )
    return render(request, "grants/small_grants/detail.html", context)


@login_required
@centre_required
@require_GET
def small_grant_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    offer = small_grant_get_visible(centre=request.centre, pk=pk, user=request.user)
    name = f"oferta-uproszczona-{offer.number or offer.pk}".replace("/", "-")
    return pdf_response(small_grant_pdf(offer), f"{name}.pdf")


class SmallGrantActionView(WorkflowActionView):
    workflow = SMALL_GRANT_STATUS
    form_actions = frozenset({"submit"})

    def load(self, request, pk):
        return small_grant_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request, obj) -> str:
        return reverse("grants:small_grant", args=[obj.pk])

    def perform(self, request, obj, transition, reason: str):
        if transition.action == "submit":
            return small_grant_submit(offer=obj, actor=request.user)
        return super().perform(request, obj, transition, reason)

    def done(self, request, obj, transition) -> None:
        if transition.action == "submit":
            messages.success(
                request,
                _("Złożono ofertę nr %(number)s; data wpływu: %(on)s.")
                % {"number": obj.number, "on": obj.received_on.strftime("%d.%m.%Y")},
            )
        else:
            messages.success(request, _("Zapisano: %(status)s.") % {"status": obj.get_status_display()})


small_grant_action = login_required(centre_required(SmallGrantActionView.as_view()))


# --- the official's desk ------------------------------------------------------------------------------------


@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    return render(
        request,
        "grants/small_grants/desk.html",
        {**small_grant_desk(centre=request.centre), "today": warsaw_today()},
    )


@login_required
@centre_required
@require_GET
def register_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The register of small-grant offers, as CSV or XLSX."""
    _official_only(request)
    header, rows = small_grants_register_rows(centre=request.centre)
    name = f"male-granty-{request.centre.slug}-{warsaw_today().isoformat()}"
    return table_response(chain([header], rows), fmt=fmt, filename=name, title="małe granty")


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    offer = small_grant_get_for_official(centre=request.centre, pk=pk, user=request.user)
    if offer.status != SmallGrantStatus.PURPOSEFUL:
        messages.error(request, _("Opublikować można ofertę, której zadanie uznano za celowe."))
        return redirect(offer)
    existing = {p.channel: p for p in offer.publications.all()}
    form = PublicationForm(request.POST or None, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            small_grant_publish(
                offer=offer,
                publications=form.publications(),
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request,
                _("Opublikowano ofertę; uwagi można zgłaszać do %(until)s.")
                % {"until": offer.comments_until.strftime("%d.%m.%Y")},
            )
            return redirect(offer)
    return render(
        request,
        "grants/small_grants/publish.html",
        {"offer": offer, "form": form, "overdue": offer.publish_by and offer.publish_by < warsaw_today()},
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def contract(request: HttpRequest, pk: int) -> HttpResponse:
    offer = small_grant_get_for_official(centre=request.centre, pk=pk, user=request.user)
    if offer.status != SmallGrantStatus.PUBLISHED:
        messages.error(request, _("Umowę przygotowuje się dla opublikowanej oferty po okresie uwag."))
        return redirect(offer)
    today = warsaw_today()
    form = ContractForm(
        request.POST or None,
        initial={
            "concluded_on": max(today, contract_ready_on(offer) or today),
            "spending_deadline": offer.end_date,
            "bank_account": offer.bank_account,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            small_grant_contract_create(small_grant=offer, actor=request.user, values=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="concluded_on")
        else:
            messages.success(request, _("Przygotowano projekt umowy małego grantu."))
            return redirect(offer)
    limits = Limits.of(request.centre)
    warnings = limit_problems(
        centre=request.centre,
        organisation=offer.organisation,
        grant=offer.requested_grant,
        on=today,
        limits=limits,
    )
    unanswered = sum(1 for c in comments_of(offer) if c.responded_at is None)
    return render(
        request,
        "grants/small_grants/contract.html",
        {
            "offer": offer,
            "form": form,
            "warnings": warnings,
            "unanswered": unanswered,
            "ready_on": contract_ready_on(offer),
        },
    )


@login_required
@centre_required
@require_POST
def comment_respond(request: HttpRequest, pk: int) -> HttpResponse:
    comment = small_grant_comment_get_for_official(centre=request.centre, pk=pk, user=request.user)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Wpisz treść odpowiedzi (najwyżej 5000 znaków)."))
    else:
        try:
            small_grant_comment_respond(
                comment=comment, response=form.cleaned_data["response"], actor=request.user
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Zapisano odpowiedź na uwagę."))
    return redirect(f"{reverse('grants:small_grant', args=[comment.offer_id])}#comments")


# --- public pages -------------------------------------------------------------------------------------------


@centre_required
@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, small_grants_public(centre=request.centre), per_page=PAGE_SIZE)
    return render(request, "grants/small_grants/public_list.html", {"page": page, "today": warsaw_today()})


@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def public_offer(request: HttpRequest, pk: int) -> HttpResponse:
    """The published offer for anyone, with the comment form while the period runs."""
    offer = small_grant_get_public(centre=request.centre, pk=pk)
    open_now = comments_open(offer)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and open_now and form.is_valid():
        key = f"sg-comment:{request.centre.pk}:{offer.pk}:{client_address(request)}"
        try:
            if rate_limited(key, limit=COMMENT_LIMIT, window=COMMENT_WINDOW):
                raise ApplicationError(
                    _("Z tego adresu wysłano już kilka uwag do tej oferty; spróbuj ponownie za godzinę.")
                )
            small_grant_comment_file(
                offer=offer,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                body=form.cleaned_data["body"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request, _("Dziękujemy: uwagę przyjęto. Urząd odpowie na nią przed zawarciem umowy.")
            )
            return redirect("grants:small_grant_public", pk=offer.pk)
    elif request.method == "POST" and not open_now:
        form.add_error(None, _("Okres zgłaszania uwag do tej oferty minął."))
    show_comments = comments_public(offer)
    context = small_grant_document_context(offer)
    context.update(
        {
            "form": form if open_now else None,
            "open_now": open_now,
            "comments": comments_of(offer) if show_comments else [],
            "show_comments": show_comments,
        }
    )
    return render(request, "grants/small_grants/public_offer.html", context)
