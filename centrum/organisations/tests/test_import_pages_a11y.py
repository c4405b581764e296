"""The import pages' sideways-scrolling tables are keyboard-reachable, named regions in the HTML itself
(axe: scrollable-region-focusable), not only after base.html's script has run."""

import re
from html.parser import HTMLParser

from django.urls import reverse

from centrum.organisations.models import ImportBatch

from .test_import import ROWS, csv_bytes, upload


class _ScrollBoxes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.boxes: list[dict[str, str]] = []
        self.ids: dict[str, str] = {}
        self._open_id: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if "table-scroll" in attrs.get("class", "").split():
            self.boxes.append(attrs)
        if attrs.get("id"):
            self._open_id = attrs["id"]
            self.ids[self._open_id] = ""

    def handle_data(self, data):
        if self._open_id:
            self.ids[self._open_id] += data

    def handle_endtag(self, tag):
        self._open_id = None


def _check_boxes(body: str, expected: int) -> list[str]:
    parser = _ScrollBoxes()
    parser.feed(body)
    assert len(parser.boxes) == expected
    names = []
    for box in parser.boxes:
        assert box.get("tabindex") == "0" and box.get("role") == "region", box
        label = parser.ids.get(box.get("aria-labelledby", ""), "").strip()
        assert label, box
        names.append(label)
    return names


def test_upload_page_names_its_list_of_batches(staff_client):
    upload(staff_client, csv_bytes(ROWS))
    body = staff_client.get(reverse("organisations:import_upload")).content.decode()
    assert _check_boxes(body, 1) == ["Ostatnie importy"]


def test_preview_page_names_its_error_and_row_tables(staff_client):
    bad = [ROWS[0], [*ROWS[1][:8], "nie-mail", *ROWS[1][9:]]]
    upload(staff_client, csv_bytes(bad))
    batch = ImportBatch.objects.get()
    body = staff_client.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert _check_boxes(body, 2) == ["Błędy", "Podgląd poprawnych wierszy"]
    assert not re.search(r'id="(errors|preview)-heading".*id="\1-heading"', body, re.S)
