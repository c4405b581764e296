"""The knowledge base: articles in categories (categories are rows staff add), and documents —
regulations of the third sector, research results, guides — as checked files. Also the platform's front
page (`/wiedza/`)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.pagination import paginate
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import DocumentKind
from ..forms import ArticleForm, CategoryForm, DocumentForm
from ..permissions import can_edit_article, can_edit_knowledge
from ..selectors import (
    all_funding_calls,
    article_get_for,
    article_list_for,
    category_choices,
    category_get,
    category_list,
    document_get,
    document_list,
    practice_list_public,
)
from ..services import ARTICLE_FIELDS, article_create, article_update, category_create, document_add
from ..workflows import ARTICLE_STATUS
from .common import file_response, form_page, per_page


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    return render(
        request,
        "knowledge/index.html",
        {
            "practices": list(practice_list_public(centre=centre).only("id", "title", "locality")[:5]),
            "categories": list(category_list(centre=centre)),
            "calls": all_funding_calls(
                centre=centre, today=warsaw_today(), settings=getattr(request, "centre_settings", None)
            )[:5],
            "editor": can_edit_knowledge(request.user, centre),
        },
    )


@centre_required
@require_GET
def category_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/categories.html",
        {
            "categories": list(category_list(centre=request.centre)),
            "editor": can_edit_knowledge(request.user, request.centre),
        },
    )


@centre_required
@require_GET
def category(request: HttpRequest, slug: str) -> HttpResponse:
    current = category_get(centre=request.centre, slug=slug)
    articles = article_list_for(centre=request.centre, user=request.user, category=current)
    page = paginate(request, articles.defer("body", "search_text"), per_page=per_page(request))
    return render(
        request,
        "knowledge/category.html",
        {"category": current, "page": page, "editor": can_edit_knowledge(request.user, request.centre)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def category_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        CategoryForm(request.POST or None),
        lambda data: category_create(centre=request.centre, actor=request.user, **data),
        template="knowledge/category_form.html",
    )


@centre_required
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_get_for(centre=request.centre, user=request.user, pk=pk)
    editor = can_edit_article(request.user, article)
    return render(
        request,
        "knowledge/article_detail.html",
        {
            "article": article,
            "editor": editor,
            "workflow_actions": workflow_action_items(
                article, request.user, workflow=ARTICLE_STATUS, url_name="knowledge:article_action"
            )
            if editor
            else [],
        },
    )


def _categories(request):
    return category_choices(centre=request.centre)


@staff_required
@require_http_methods(["GET", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ArticleForm(request.POST or None, categories=_categories(request)),
        lambda data: article_create(centre=request.centre, actor=request.user, data=data),
        template="knowledge/article_form.html",
        message=_("Zapisano szkic artykułu – opublikuj go, gdy będzie gotowy."),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_get_for(centre=request.centre, user=request.user, pk=pk)
    initial = {field: getattr(article, field) for field in ARTICLE_FIELDS}
    return form_page(
        request,
        ArticleForm(request.POST or None, initial=initial, categories=_categories(request)),
        lambda data: article_update(article=article, actor=request.user, data=data),
        template="knowledge/article_form.html",
        context={"article": article},
        message=_("Zapisano zmiany."),
    )


class ArticleActionView(WorkflowActionView):
    workflow = ARTICLE_STATUS

    def load(self, request: HttpRequest, pk: int):
        return article_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


article_action = ArticleActionView.as_view()


@centre_required
@require_GET
def documents(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("rodzaj", "")
    kind = kind if kind in DocumentKind.values else ""
    page = paginate(request, document_list(centre=request.centre, kind=kind), per_page=per_page(request))
    return render(
        request,
        "knowledge/documents.html",
        {
            "page": page,
            "kinds": DocumentKind.choices,
            "kind": kind,
            "editor": can_edit_knowledge(request.user, request.centre),
        },
    )


@centre_required
@require_GET
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(centre=request.centre, pk=pk)
    return file_response(document.file, document.extension, f"dokument-{document.pk}")


@staff_required
@require_http_methods(["GET", "POST"])
def document_new(request: HttpRequest) -> HttpResponse:
    def save(data):
        document_add(centre=request.centre, actor=request.user, data=data, upload=data["file"])
        return "knowledge:documents"

    return form_page(
        request,
        DocumentForm(request.POST or None, request.FILES or None),
        save,
        template="knowledge/document_form.html",
        message=_("Dodano dokument."),
    )
