"""Dates in error messages read as the pages show them (the active language's date format)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from centrum.spaces.dates import out_of_range_message
from centrum.spaces.services.booking_checks import format_slot
from centrum.spaces.templatetags.spaces import slot_text

WARSAW = ZoneInfo("Europe/Warsaw")


def test_out_of_range_message_uses_the_page_date_format():
    assert out_of_range_message(date(2026, 6, 17)) == "Podaj datę od 17 czerwca 2025 do 17 czerwca 2031."
    with translation.override("en"):
        assert "17 June 2025" in out_of_range_message(date(2026, 6, 17))


def test_a_slot_in_a_message_reads_as_on_the_page():
    start = datetime(2026, 6, 17, 17, 0, tzinfo=WARSAW)
    end = datetime(2026, 6, 17, 19, 0, tzinfo=WARSAW)
    assert format_slot(start, end) == slot_text(start, end) == "Śr, 17 czerwca 2026, 17:00–19:00"
