from django.urls import include, path

from . import urls_data, urls_guide, views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("zglos/", views.register, name="register"),
    path("zglos/wyslano/<int:pk>/", views.register_done, name="register_done"),
    path("weryfikacja/", views.verification_queue, name="verification_queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edytuj/", views.edit, name="edit"),
    path("<int:pk>/akcja/<slug:action>/", views.action, name="action"),
    path("dane/", include(urls_data)),
    path("zakladam/", include(urls_guide)),
]
