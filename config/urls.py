"""URLs of a centre's site (the host selects the centre). The Django admin is on platform hosts only."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path

from centrum.news import urls as news_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("allauth.urls")),
    path("moje/", include("centrum.accounts.urls")),
    path("organizacje/", include("centrum.organisations.urls")),
    path("sale/", include("centrum.spaces.urls")),
    path("doradztwo/", include("centrum.advice.urls")),
    path("szkolenia/", include("centrum.trainings.urls")),
    path("program-wspolpracy/", include("centrum.programmes.urls")),
    path("dotacje/", include("centrum.grants.urls")),
    path("inicjatywy-lokalne/", include("centrum.initiatives.urls")),
    path("promocja/", include("centrum.promotion.urls")),
    path("adres/", include("centrum.addresses.urls")),
    path("wolontariat/", include("centrum.volunteers.urls")),
    path("aktualnosci/", include("centrum.news.urls")),
    path("wydarzenia/", include(news_urls.events_urlpatterns)),
    path("zglos-blad/", include(news_urls.reports_urlpatterns)),
    path("wiedza/", include("centrum.knowledge.urls")),
    path("szukaj/", include("centrum.knowledge.sitesearch.urls")),
    path("newsletter/", include("centrum.newsletter.urls")),
    path("konsultacje/", include("centrum.consultations.urls")),
    path("rady/", include("centrum.councils.urls")),
    path("ankiety/", include("centrum.surveys.urls")),
    path("api/v1/", include("centrum.api.urls")),
    path("", include("centrum.core.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "centrum.core.errors.page_not_found"
handler403 = "centrum.core.errors.permission_denied"
handler500 = "centrum.core.errors.server_error"
