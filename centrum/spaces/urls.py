from django.urls import path

from .views import bookings, feeds, loans, public, staff, uses

app_name = "spaces"

urlpatterns = [
    path("", public.room_list_view, name="room_list"),
    path("<int:pk>/", public.room_detail, name="room_detail"),
    path("wolne-terminy/", public.free_slots_view, name="free_slots"),
    path("<int:pk>/kalendarz.ics", public.room_ics, name="room_ics"),
    path("rezerwuj/", bookings.booking_create, name="booking_create"),
    path("moje/", bookings.my_bookings, name="my_bookings"),
    path("rezerwacje/<int:pk>/", bookings.booking_detail, name="booking_detail"),
    # Status actions: one URL shape and one view (the workflow's action names); named per action for reverse().
    *(
        path(
            f"rezerwacje/<int:pk>/akcja/{action}/",
            bookings.booking_action,
            {"action": action},
            name=f"booking_{action}",
        )
        for action in ("approve", "reject", "cancel")
    ),
    path("rezerwacje/<int:pk>/zmien/", bookings.booking_reschedule_view, name="booking_reschedule"),
    # The other actions of a booking: offers (accept, decline) and attendance (attended, no_show).
    path("rezerwacje/<int:pk>/akcja/<slug:action>/", bookings.booking_action, name="booking_action"),
    path("oczekujace/<int:pk>/akcja/<slug:action>/", bookings.waiting_action, name="waiting_action"),
    path(
        "kalendarz/<int:organisation_pk>/nowy-adres/",
        bookings.organisation_feed_view,
        name="organisation_feed",
    ),
    path("kalendarz/<int:organisation_pk>/<str:token>.ics", feeds.organisation_ics, name="organisation_ics"),
    path("kolejka/", staff.queue, name="queue"),
    path("planer/", staff.planner_view, name="planner"),
    path("zarzadzanie/", staff.manage, name="manage"),
    path("zarzadzanie/sale/nowa/", staff.room_edit, name="room_new"),
    path("zarzadzanie/sale/<int:pk>/", staff.room_edit, name="room_edit"),
    path("zarzadzanie/sale/<int:room_pk>/zdjecia/", staff.room_photos, name="room_photos"),
    path("zarzadzanie/sprzet/nowy/", staff.equipment_edit, name="equipment_new"),
    path("zarzadzanie/sprzet/<int:pk>/", staff.equipment_edit, name="equipment_edit"),
    path("najem/", staff.lets, name="lets"),
    path("najem/<int:pk>/zakoncz/", staff.let_end_view, name="let_end"),
    path("najem/<int:pk>/akcja/<slug:action>/", staff.let_action, name="let_action"),
    path("sprzet-na-miejscu/", uses.equipment_uses, name="equipment_uses"),
    path("sprzet-na-miejscu/eksport.csv", uses.equipment_uses_csv, name="equipment_uses_csv"),
    path("sprzet-na-miejscu/<int:pk>/usun/", uses.equipment_use_remove_view, name="equipment_use_remove"),
    path("wypozyczenia/", loans.loan_list_view, name="loan_list"),
    path("wypozyczenia/nowe/", loans.loan_create, name="loan_create"),
    path("wypozyczenia/<int:pk>/", loans.loan_detail, name="loan_detail"),
    path("wypozyczenia/<int:pk>/umowa.pdf", loans.loan_agreement, name="loan_agreement"),
    path("wypozyczenia/<int:pk>/akcja/<slug:action>/", loans.loan_action, name="loan_action"),
]
