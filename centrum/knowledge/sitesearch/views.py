"""The one search box of the centre's public site: asks every registered search source once (organisations,
news, events, offers, practices, articles, calls, …), folds the query (no Polish letters needed), orders
whole words in titles first, labels each result with its kind and lets the person narrow to one kind."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centrum.core.pagination import paginate
from centrum.core.views import centre_required

from ..forms import SearchForm
from ..search import query_words
from ..selectors import kind_counts, ranked, search_everything
from ..views.common import per_page


@centre_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    text = form.cleaned_data.get("q", "") if form.is_valid() else ""
    words = query_words(text)
    found = search_everything(
        centre=request.centre,
        words=words,
        limit=request.centre_settings["knowledge.search_per_source"],
        settings=getattr(request, "centre_settings", None),
    )
    counts = kind_counts(found)
    kinds = [(source.key, source.label, counts[source.key]) for source, _hits in found]
    kind = request.GET.get("rodzaj", "")
    kind = kind if kind in counts else ""
    page = paginate(
        request, ranked([(s, h) for s, h in found if not kind or s.key == kind]), per_page=per_page(request)
    )
    return render(
        request,
        "knowledge/search.html",
        {
            "form": form,
            "query": text,
            "searched": bool(words),
            "page": page,
            "total": sum(counts.values()),
            "kinds": kinds,
            "kind": kind,
        },
    )
