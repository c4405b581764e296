"""URLs of the platform host: the list of centres and the platform administration."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from centrum.core.urls import platform_urlpatterns
from centrum.core.views import pages

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("allauth.urls")),
    path("platforma/", include(platform_urlpatterns)),
    path("admin/", admin.site.urls),
    path("", include(([path("wyglad/", pages.ui_preferences, name="ui_preferences")], "core"))),
    path("", pages.platform_home, name="platform_home"),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "centrum.core.errors.page_not_found"
handler403 = "centrum.core.errors.permission_denied"
handler500 = "centrum.core.errors.server_error"
