"""Pages of the contracts sub-feature: the updated budget of a selected offer (the organisation prepares and
files it, the official accepts or returns it), the contract (drafted by the official from the offer, its
page for the organisation and officials, the PDF, signing, annexes), the official's desk of contracts and
a competition's "Umowy" tab."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import pdf_response
from centrum.core.views import centre_required
from centrum.core.workflow.views import ActionFailure, WorkflowActionView, workflow_action_items

from .. import budget as B
from ..choices import BudgetUpdateStatus, ContractKind, ContractStatus
from ..forms.contracts import AnnexForm, BudgetUpdateForms, ContractForm, ContractSigningForm, SigningForm
from ..permissions import can_manage_contract, can_prepare_offer_for, is_grants_official
from ..selectors.competitions import competition_get_for_official
from ..selectors.contracts import (
    annex_change_rows,
    annex_get_visible,
    budget_update_of,
    budget_update_shares,
    competitions_with_contracts,
    contract_document_context,
    contract_get_visible,
    contract_years,
    contracts_export_rows,
    contracts_for_desk,
    desk_filters,
    offer_for_budget_update,
    representation_for,
    selected_offers_with_contracts,
)
from ..services.contracts import (
    annex_create,
    annex_pdf,
    annex_sign,
    budget_update_save,
    check_update,
    contract_create_from_offer,
    contract_initial_values,
    contract_pdf,
    contract_sign,
    contract_update,
    joint_offerors,
    update_content_of,
    update_initial_content,
    update_line_labels,
    update_needed,
)
from ..workflows.contracts import ANNEX_STATUS, BUDGET_UPDATE_STATUS, CONTRACT_STATUS

PAGE_SIZE = 25


def _official_or_403(request) -> None:
    if not is_grants_official(request.user, request.centre):
        raise PermissionDenied


# ------------------------------------------------------------------------------------------ updated budget


def _years(offer, header) -> int:
    from ..services.offers import rules_for

    return B.years_of(rules_for(offer.competition), header.get("start_date"), header.get("end_date"))


def _posted_years(offer, content, data) -> int:
    """The year columns the posted dates ask for (the stored ones when the dates do not parse)."""
    from ..forms.contracts import UpdateHeaderForm

    header = UpdateHeaderForm(data, prefix="h")
    return _years(offer, header.cleaned_data if header.is_valid() else content.header)


def _place(problems) -> tuple[dict, list]:
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem.message)
    return grouped, [(p.field, p.message) for p in problems]


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def budget_update(request: HttpRequest, pk: int) -> HttpResponse:
    """The updated budget of a selected offer: the organisation's form while a draft or returned, the
    official's reading with the decision otherwise."""
    offer = offer_for_budget_update(centre=request.centre, pk=pk, user=request.user)
    update = budget_update_of(offer)
    if not update_needed(offer) and update is None:
        raise Http404
    member = can_prepare_offer_for(request.user, offer.organisation)
    editable = (
        member
        and update_needed(offer)
        and (update is None or update.status in (BudgetUpdateStatus.DRAFT, BudgetUpdateStatus.RETURNED))
        and not _has_contract(offer)
    )
    content = update_content_of(update) if update is not None else update_initial_content(offer)
    offerors = joint_offerors(offer)
    forms = (
        BudgetUpdateForms(content, years=_years(offer, content.header), offerors=offerors)
        if editable
        else None
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        forms = BudgetUpdateForms(
            content, data=request.POST, years=_posted_years(offer, content, request.POST), offerors=offerors
        )
        if "add" in request.POST:
            rows = forms.lines.total_form_count() if forms.lines.management_form.is_valid() else None
            if rows is not None:
                data = request.POST.copy()
                data["lines-TOTAL_FORMS"] = str(min(rows, 199) + 1)
                forms = BudgetUpdateForms(content, data=data, years=forms.years, offerors=offerors)
            forms.is_valid()
        elif forms.is_valid():
            try:
                budget_update_save(offer=offer, content=forms.content(), actor=request.user)
            except ApplicationError as exc:
                add_application_error(forms.header, exc, default_field=None)
            else:
                messages.success(request, _("Zapisano aktualizację kosztorysu."))
                return redirect("grants:budget_update", pk=offer.pk)
        if forms.is_valid():
            content = forms.content()
        else:
            messages.error(request, _("Popraw zaznaczone pola."))
    totals, found = check_update(offer, content)
    grouped, pairs = _place(found)
    return render(
        request,
        "grants/contracts/budget_update.html",
        {
            "offer": offer,
            "update": update,
            "forms": forms,
            "editable": editable,
            "totals": totals,
            "problems": grouped,
            "pairs": pairs,
            "labels": update_line_labels(content),
            "content": content,
            "shares": budget_update_shares(update) if update is not None and offerors else [],
            "workflow_actions": workflow_action_items(
                update, request.user, workflow=BUDGET_UPDATE_STATUS, url_name="grants:budget_update_action"
            )
            if update is not None
            else [],
        },
    )


class BudgetUpdateActionView(WorkflowActionView):
    workflow = BUDGET_UPDATE_STATUS

    def load(self, request, pk):
        from ..selectors.contracts import budget_update_offer_id

        offer_id = budget_update_offer_id(centre=request.centre, pk=pk)
        offer = offer_for_budget_update(centre=request.centre, pk=offer_id, user=request.user)
        update = budget_update_of(offer)
        update.offer = offer
        return update

    def success_url(self, request, obj) -> str:
        return reverse("grants:budget_update", args=[obj.offer_id])


budget_update_action = login_required(centre_required(BudgetUpdateActionView.as_view()))


# ------------------------------------------------------------------------------------------ the contract


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def contract_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The official drafts the contract of a selected offer (`pk`: the offer), the variables prefilled."""
    _official_or_403(request)
    offer = offer_for_budget_update(centre=request.centre, pk=pk, user=request.user)
    existing = getattr(offer, "contract", None) if _has_contract(offer) else None
    if existing is not None:
        return redirect(existing)
    form = ContractForm(request.POST or None, initial=contract_initial_values(offer))
    if request.method == "GET":
        form.fields["number"].required = False
    else:
        form.fields["number"].required = False
        if form.is_valid():
            try:
                contract = contract_create_from_offer(offer=offer, actor=request.user, values=form.values())
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(
                    request, _("Przygotowano projekt umowy nr %(number)s.") % {"number": contract.number}
                )
                return redirect(contract)
    blocked = ""
    if update_needed(offer):
        update = budget_update_of(offer)
        if update is None or update.status != BudgetUpdateStatus.ACCEPTED:
            blocked = _(
                "Przyznano mniej, niż wnioskowano: umowę przygotujesz po przyjęciu aktualizacji kosztorysu."
            )
    return render(request, "grants/contracts/form.html", {"form": form, "offer": offer, "blocked": blocked})


def _has_contract(offer) -> bool:
    from ..models import Contract

    try:
        return offer.contract is not None
    except Contract.DoesNotExist:
        return False


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def contract_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_manage_contract(request.user, contract):
        raise PermissionDenied
    if contract.status != ContractStatus.DRAFT:
        messages.error(request, _("Umowa jest już zawarta: zmienia się ją aneksem."))
        return redirect(contract)
    initial = {name: getattr(contract, name) for name in ContractForm.base_fields}
    form = ContractForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contract_update(contract=contract, actor=request.user, values=form.values())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano projekt umowy."))
            return redirect(contract)
    return render(
        request, "grants/contracts/form.html", {"form": form, "contract": contract, "offer": contract.offer}
    )


@login_required
@centre_required
@require_GET
def contract_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    context = contract_document_context(contract)
    manages = can_manage_contract(request.user, contract)
    annexes = list(contract.annexes.all())
    context.update(
        {
            "manages": manages,
            "all_annexes": [(a, annex_change_rows(a)) for a in annexes],
            "draft_annex": next((a for a in annexes if a.status == "draft"), None),
            "workflow_actions": workflow_action_items(
                contract, request.user, workflow=CONTRACT_STATUS, url_name="grants:contract_action"
            ),
        }
    )
    return render(request, "grants/contracts/detail.html", context)


@login_required
@centre_required
@require_GET
def contract_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    name = f"umowa-{contract.number or contract.pk}".replace("/", "-")
    return pdf_response(contract_pdf(contract), f"{name}.pdf")


def _signing_page(request, *, obj, form, template_context, status=200):
    return render(
        request, "grants/contracts/sign.html", {**template_context, "form": form, "obj": obj}, status=status
    )


def _persons(organisation) -> tuple[list[dict], dict]:
    rep = representation_for(organisation)
    return rep["persons"], rep


@login_required
@centre_required
@require_GET
def contract_sign_page(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_manage_contract(request.user, contract):
        raise PermissionDenied
    if contract.status != ContractStatus.DRAFT:
        return redirect(contract)
    persons, rep = _persons(contract.organisation)
    form = ContractSigningForm(
        persons=persons, initial={"organ_representative": contract.organ_representative}
    )
    return _signing_page(request, obj=contract, form=form, template_context=_sign_context(contract, rep))


def _sign_context(contract, rep, annex=None) -> dict:
    return {
        "contract": contract,
        "annex": annex,
        "representation": rep,
        "action_url": reverse("grants:annex_action", args=[annex.pk, "sign"])
        if annex
        else reverse("grants:contract_action", args=[contract.pk, "sign"]),
        "checksum": annex.checksum if annex else contract.checksum,
        "pdf_url": reverse("grants:annex_pdf", args=[annex.pk])
        if annex
        else reverse("grants:contract_pdf", args=[contract.pk]),
    }


class SigningActionView(WorkflowActionView):
    """An action view whose `sign` posts the signing page's form: the form is checked, the service records
    the signatures; a refusal shows the signing page again with the error at its field."""

    form_actions = frozenset({"sign"})
    form_class = SigningForm

    def contract_of(self, obj):
        raise NotImplementedError

    def sign(self, request, obj, form):
        raise NotImplementedError

    def sign_context(self, obj, rep) -> dict:
        return _sign_context(self.contract_of(obj), rep)

    def perform(self, request, obj, transition, reason: str):
        if transition.action != "sign":
            return super().perform(request, obj, transition, reason)
        persons, _rep = _persons(self.contract_of(obj).organisation)
        self.form = self.form_class(request.POST, request.FILES, persons=persons)
        if not self.form.is_valid():
            raise ApplicationError(_("Popraw zaznaczone pola."), field="__form__")
        return self.sign(request, obj, self.form)

    def failed(self, request, obj, failure: ActionFailure) -> HttpResponse:
        if failure.action != "sign":
            return super().failed(request, obj, failure)
        persons, rep = _persons(self.contract_of(obj).organisation)
        form = getattr(self, "form", None)
        if form is None:
            form = self.form_class(request.POST, persons=persons)
            form.is_valid()
        if failure.field != "__form__":
            add_application_error(form, ApplicationError(failure.message, field=failure.field))
        return _signing_page(request, obj=obj, form=form, template_context=self.sign_context(obj, rep))


class ContractActionView(SigningActionView):
    workflow = CONTRACT_STATUS
    form_class = ContractSigningForm

    def load(self, request, pk):
        return contract_get_visible(centre=request.centre, pk=pk, user=request.user)

    def contract_of(self, obj):
        return obj

    def success_url(self, request, obj) -> str:
        return reverse("grants:contract", args=[obj.pk])

    def sign(self, request, obj, form):
        return contract_sign(
            contract=obj,
            actor=request.user,
            representatives=form.chosen(),
            signing=form.cleaned_data["signing"],
            upload=form.cleaned_data.get("signed_file"),
            concluded_on=form.cleaned_data.get("concluded_on"),
            organ_representative=form.cleaned_data.get("organ_representative") or "",
        )

    def done(self, request, obj, transition) -> None:
        if transition.action == "sign":
            messages.success(request, _("Zapisano zawarcie umowy. Organizacja otrzyma ją e-mailem."))
        else:
            super().done(request, obj, transition)


contract_action = login_required(centre_required(ContractActionView.as_view()))


# ------------------------------------------------------------------------------------------ annexes


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def annex_new(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_manage_contract(request.user, contract):
        raise PermissionDenied
    if contract.status != ContractStatus.SIGNED:
        messages.error(request, _("Aneks zawiera się tylko do umowy zawartej i w realizacji."))
        return redirect(contract)
    lines = list(contract.cost_lines.all())
    form = AnnexForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        try:
            annex = annex_create(contract=contract, actor=request.user, values=form.values())
        except ApplicationError as exc:
            if exc.field == "lines":
                exc = ApplicationError(exc.message)
            add_application_error(form, exc)
        else:
            messages.success(request, _("Przygotowano aneks nr %(number)s.") % {"number": annex.number})
            return redirect("grants:annex_sign", pk=annex.pk)
    return render(request, "grants/contracts/annex_form.html", {"form": form, "contract": contract})


@login_required
@centre_required
@require_GET
def annex_sign_page(request: HttpRequest, pk: int) -> HttpResponse:
    annex = annex_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_manage_contract(request.user, annex.contract):
        raise PermissionDenied
    if annex.status != "draft":
        return redirect(annex.contract)
    persons, rep = _persons(annex.contract.organisation)
    form = SigningForm(persons=persons)
    context = _sign_context(annex.contract, rep, annex)
    context["rows"] = annex_change_rows(annex)
    return _signing_page(request, obj=annex, form=form, template_context=context)


class AnnexActionView(SigningActionView):
    workflow = ANNEX_STATUS

    def load(self, request, pk):
        return annex_get_visible(centre=request.centre, pk=pk, user=request.user)

    def contract_of(self, obj):
        return obj.contract

    def sign_context(self, obj, rep) -> dict:
        return {**_sign_context(obj.contract, rep, obj), "rows": annex_change_rows(obj)}

    def success_url(self, request, obj) -> str:
        return reverse("grants:contract", args=[obj.contract_id])

    def sign(self, request, obj, form):
        return annex_sign(
            annex=obj,
            actor=request.user,
            representatives=form.chosen(),
            signing=form.cleaned_data["signing"],
            upload=form.cleaned_data.get("signed_file"),
        )

    def done(self, request, obj, transition) -> None:
        messages.success(request, _("Zapisano zawarcie aneksu nr %(number)s.") % {"number": obj.number})


annex_action = login_required(centre_required(AnnexActionView.as_view()))


@login_required
@centre_required
@require_GET
def annex_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    annex = annex_get_visible(centre=request.centre, pk=pk, user=request.user)
    name = f"aneks-{annex.number}-umowa-{annex.contract.number or annex.contract_id}".replace("/", "-")
    return pdf_response(annex_pdf(annex), f"{name}.pdf")


# ------------------------------------------------------------------------------------------ lists


@login_required
@centre_required
@require_GET
def contracts_desk(request: HttpRequest) -> HttpResponse:
    _official_or_403(request)
    filters = desk_filters(request.GET)
    contracts = contracts_for_desk(centre=request.centre, filters=filters)
    return render(
        request,
        "grants/contracts/desk.html",
        {
            "page": paginate(request, contracts, per_page=PAGE_SIZE),
            "filters": filters,
            "years": contract_years(centre=request.centre),
            "kinds": ContractKind.choices,
            "statuses": ContractStatus.choices,
            "competitions": list(competitions_with_contracts(centre=request.centre)),
        },
    )


@login_required
@centre_required
@require_GET
def contracts_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The contracts register as the desk filters it, as CSV or XLSX."""
    _official_or_403(request)
    header, rows = contracts_export_rows(centre=request.centre, filters=desk_filters(request.GET))
    name = f"umowy-dotacyjne-{request.centre.slug}-{warsaw_today().isoformat()}"
    return table_response(chain([header], rows), fmt=fmt, filename=name, title="umowy")


@login_required
@centre_required
@require_GET
def competition_contracts(request: HttpRequest, pk: int) -> HttpResponse:
    """The "Umowy" tab of a competition's board: each selected offer, its updated budget and contract."""
    competition = competition_get_for_official(centre=request.centre, pk=pk, user=request.user)
    return render(
        request,
        "grants/contracts/competition.html",
        {
            "competition": competition,
            "offers": selected_offers_with_contracts(centre=request.centre, competition_id=competition.pk),
        },
    )
