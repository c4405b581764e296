from django.urls import path

from . import views_platform

app_name = "platform"

urlpatterns = [
    path("centra/", views_platform.centre_list, name="centre_list"),
    path("centra/nowe/", views_platform.centre_new, name="centre_new"),
    path("centra/<int:pk>/", views_platform.centre_detail, name="centre_detail"),
    path("centra/<int:pk>/pracownik/", views_platform.centre_staff_add, name="centre_staff_add"),
    path("centra/<int:pk>/aktywnosc/", views_platform.centre_toggle_active, name="centre_toggle_active"),
]
