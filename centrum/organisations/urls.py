from django.urls import include, path

from . import urls_data, views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("zglos/", views.register, name="register"),
    path("weryfikacja/", views.verification_queue, name="verification_queue"),
    path("dane/", include(urls_data)),
]
