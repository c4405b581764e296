"""The profile's name and phone tell the browser what they hold, so it can fill them in (WCAG 1.3.5)."""

import re

from django.urls import reverse


def test_profile_name_and_phone_have_autocomplete(client_for, centre, plain_user):
    html = client_for(centre, plain_user).get(reverse("accounts:profile")).content.decode()
    name = re.search(r'<input[^>]*name="full_name"[^>]*>', html).group(0)
    phone = re.search(r'<input[^>]*name="phone"[^>]*>', html).group(0)
    assert 'autocomplete="name"' in name
    assert 'autocomplete="tel"' in phone and 'type="tel"' in phone
