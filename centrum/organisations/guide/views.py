"""Public pages of the guided path for new organisations: questions, recommendation, checklists."""

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.registry import services_for
from centrum.core.views import centre_required

from .path import (
    FORM_BY_SLUG,
    FORMS,
    QUESTIONS,
    FormGuide,
    centre_help,
    clean_answers,
    done_steps,
    mark_step,
    recommend,
    reset_steps,
)


def _questions(answers: dict[str, str], errors: dict[str, str]) -> list[dict]:
    return [
        {"question": q, "value": answers.get(q.key, ""), "error": errors.get(q.key, "")} for q in QUESTIONS
    ]


def _form_or_404(slug: str) -> FormGuide:
    form = FORM_BY_SLUG.get(slug)
    if form is None:
        raise Http404
    return form


def _answers_query(data) -> str:
    """Valid answers rebuilt as a query string (so the checklist can link back to the result), or ""."""
    answers, errors = clean_answers(data)
    if errors:
        return ""
    query = QueryDict(mutable=True)
    query.update(answers)
    return query.urlencode()


@centre_required
@require_GET
def guide_start(request: HttpRequest) -> HttpResponse:
    answers, _errors = clean_answers(request.GET)
    return render(
        request,
        "organisations/guide/start.html",
        {"questions": _questions(answers, {}), "forms": FORMS, "help": _centre_help(request)},
    )


@centre_required
@require_GET
def guide_result(request: HttpRequest) -> HttpResponse:
    answers, errors = clean_answers(request.GET)
    if errors:
        return render(
            request,
            "organisations/guide/start.html",
            {
                "questions": _questions(answers, errors),
                "forms": FORMS,
                "help": _centre_help(request),
                "has_errors": True,
            },
        )
    return render(
        request,
        "organisations/guide/result.html",
        {
            "recommendation": recommend(answers),
            "answers_query": _answers_query(request.GET),
            "help": _centre_help(request),
        },
    )


def _checklist_context(request: HttpRequest, form: FormGuide) -> dict:
    done = done_steps(request.session, form)
    help_by_kind = _centre_help(request)
    steps = [
        {
            "step": step,
            "done": step.key in done,
            "help": _unique([s for kind in step.centre_help for s in help_by_kind[kind]]),
        }
        for step in form.steps
    ]
    return {
        "form": form,
        "steps": steps,
        "done_count": len(done),
        "help": help_by_kind,
        "answers_query": _answers_query(request.GET),
    }


def _centre_help(request: HttpRequest) -> dict[str, list[dict]]:
    """The centre's help by kind, each service with the page that provides it where a module the centre runs
    claims it (the address service's page for "Adres rejestrowy"), as the home page links them."""
    links = {s.title: (s.url, s.link_text) for s in services_for(request) if s.url}
    return {
        kind: [
            {
                **service,
                "url": links.get(service["title"], ("", ""))[0],
                "link_text": links.get(service["title"], ("", ""))[1],
            }
            for service in services
        ]
        for kind, services in centre_help(request.centre).items()
    }


def _unique(services: list[dict]) -> list[dict]:
    seen, result = set(), []
    for service in services:
        if service["title"] not in seen:
            seen.add(service["title"])
            result.append(service)
    return result


@centre_required
@require_http_methods(["GET", "POST"])
def guide_checklist(request: HttpRequest, slug: str) -> HttpResponse:
    form = _form_or_404(slug)
    if request.method == "POST":
        target = reverse("organisations:guide_checklist", args=[form.slug])
        query = _answers_query(QueryDict(request.POST.get("odpowiedzi", "")))
        if query:
            target += f"?{query}"
        if request.POST.get("reset"):
            reset_steps(request.session, form)
            return redirect(target)
        step = request.POST.get("krok", "")
        if mark_step(request.session, form, step, request.POST.get("zrobione") == "1"):
            return redirect(f"{target}#krok-{step}")
        return redirect(target)
    return render(request, "organisations/guide/checklist.html", _checklist_context(request, form))


@centre_required
@require_GET
def guide_print(request: HttpRequest, slug: str) -> HttpResponse:
    form = _form_or_404(slug)
    return render(request, "organisations/guide/print.html", _checklist_context(request, form))
