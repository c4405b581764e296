from django.urls import include, path

from . import urls_data
from .views import registry as views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("zglos/", views.register, name="register"),
    path("zglos/wyslano/<int:pk>/", views.register_done, name="register_done"),
    path("weryfikacja/", views.verification_queue, name="verification_queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edytuj/", views.edit, name="edit"),
    path("<int:pk>/status/", views.change_status, name="change_status"),
    path("dane/", include(urls_data)),
    path("zakladam/", include("centrum.organisations.guide.urls")),
]
