"""The CSS under every page, measured in the browser: the focus ring and the high-contrast theme's
buttons have enough contrast, and hidden text in table cells or a wide column does not make a page
scroll sideways at 360 px (and the home page at 320 px), at the normal and the largest font size."""

import pytest
from playwright.sync_api import Page

from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import _widest, check_page, horizontal_overflow, login, visit

pytestmark = pytest.mark.browser

# Contrast ratio of two CSS colours (WCAG 2.1 relative luminance).
_CONTRAST = """
window.__contrast = (a, b) => {
  const lum = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
window.__background = (el) => {
  for (; el; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
};
"""


def _set_display(page: Page, *, contrast: bool = False, font: str = "normal") -> None:
    page.evaluate(
        "([c, f]) => { document.documentElement.className = 'font-' + f + (c ? ' high-contrast' : ''); }",
        [contrast, font],
    )


def _focus_ring_contrasts(page: Page) -> dict[str, float]:
    """Contrast of the focus outline against the background behind each focusable thing it rings."""
    page.evaluate(_CONTRAST)
    out = {}
    for selector in (
        "main a",
        ".main-nav a",
        ".a11y-tools a",
        "main button, main .button",
        "#language-select",
    ):
        element = page.locator(selector).first
        if element.count() == 0:
            continue
        element.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        out[selector] = page.evaluate(
            """(sel) => {
              const el = document.activeElement;
              const style = getComputedStyle(el);
              if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
              return window.__contrast(style.outlineColor, window.__background(el.parentElement));
            }""",
            selector,
        )
    return out


def test_focus_ring_stands_out_on_every_background(page: Page, centre, staff_member, password):
    login(page, staff_member.email, password)
    visit(page, "/panel/")
    for contrast in (False, True):
        _set_display(page, contrast=contrast)
        ratios = _focus_ring_contrasts(page)
        assert ratios and all(r >= 3 for r in ratios.values()), (contrast, ratios)


def test_high_contrast_buttons_are_readable(page: Page, centre):
    visit(page, "/")
    page.evaluate(_CONTRAST)
    _set_display(page, contrast=True)
    ratios = page.evaluate(
        """() => {
          const out = {};
          for (const cls of ['', 'secondary', 'danger', 'small']) {
            const b = document.createElement('button');
            b.className = cls; b.textContent = 'Usuń';
            document.querySelector('main').appendChild(b);
            const s = getComputedStyle(b);
            out[cls || 'default'] = [window.__contrast(s.color, s.backgroundColor),
                                     window.__contrast(s.borderColor, window.__background(b.parentElement))];
          }
          return out;
        }"""
    )
    for kind, (text, edge) in ratios.items():
        assert text >= 4.5, (kind, text)
        assert edge >= 3 or kind == "secondary", (kind, edge)


def test_hidden_text_in_table_cells_does_not_widen_the_phone_page(page: Page, centre, settings):
    settings.SHOW_DEMO_ACCOUNTS = True
    page.set_viewport_size({"width": 360, "height": 740})
    visit(page, "/konto/login/")
    assert page.locator(".demo-accounts table, table").count()
    for font in ("normal", "larger"):
        _set_display(page, font=font)
        assert horizontal_overflow(page) == 0, font


def test_home_reflows_at_320_px_and_the_organisation_page_at_the_largest_font(page: Page, centre):
    from centrum.core.demo.centres import demo_centre

    centre.opening_hours = demo_centre("kalisz").opening_hours
    centre.save()
    org = OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Miłośników Bardzo Długich Nazw",
        status=OrganisationStatus.ACTIVE,
        email="sekretariat.stowarzyszenia.milosnikow@example.org",
        website="https://stowarzyszenie-milosnikow-bardzo-dlugich-nazw.example.org/kontakt",
        nip="",
    )
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, "/")
    assert page.locator("main table").count(), "the opening hours table"
    for font in ("normal", "larger"):
        _set_display(page, font=font)
        assert horizontal_overflow(page) == 0, (font, _widest(page))
    page.set_viewport_size({"width": 360, "height": 740})
    visit(page, f"/organizacje/{org.pk}/")
    _set_display(page, font="larger")
    assert horizontal_overflow(page) == 0, _widest(page)
    check_page(page, label="organisation page, largest font")
