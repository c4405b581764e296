from django.urls import path

from . import views_platform

app_name = "platform"

urlpatterns = [
    path("centra/", views_platform.centre_list, name="centre_list"),
]
