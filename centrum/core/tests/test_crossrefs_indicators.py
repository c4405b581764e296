from decimal import Decimal

import pytest

from centrum.core import crossrefs as links
from centrum.core import indicators
from centrum.core.centre_settings import REGISTRY
from centrum.core.models import CentreSetting
from centrum.core.registry import MODULES, Module, register_module


@pytest.fixture
def module_label():
    label = "links_test_module"
    register_module(Module(label=label, name="Test", url_namespaces=()))
    saved = (dict(links.SUBJECT_SOURCES), dict(links.LINK_SOURCES), dict(indicators.INDICATOR_SOURCES))
    yield label
    MODULES.pop(label)
    REGISTRY.pop(f"module_{label}")
    for registry, old in zip(
        (links.SUBJECT_SOURCES, links.LINK_SOURCES, indicators.INDICATOR_SOURCES), saved, strict=True
    ):
        registry.clear()
        registry.update(old)


@pytest.mark.django_db
def test_subjects_resolve_by_source_and_links_come_from_the_modules_a_centre_runs(centre, module_label):
    asked = []

    def resolve(c, refs):
        asked.append(list(refs))
        return {ref: links.Subject(ref=ref, title=f"Projekt {ref}") for ref in refs if ref != "drafts:9"}

    links.register_subject_source(
        links.SubjectSource(
            key="drafts",
            label="Projekty",
            subjects=lambda c: [links.Subject(ref="drafts:1", title="Projekt 1")],
            resolve=resolve,
            units=lambda c, ref: [links.DraftUnit(number="§ 1", text="Treść")],
            module=module_label,
        )
    )
    links.register_link_source(
        links.LinkSource(
            key="opinions",
            label="Opinie",
            linked=lambda c, ref: [links.LinkedRecord(title=f"Opinia o {ref}", url="/o/1", kind="Opinie")],
            module=module_label,
        )
    )
    assert links.make_ref("drafts", 1) == "drafts:1"
    assert links.ref_source("drafts:1") == "drafts" and links.ref_source("drafts") == ""
    assert [s.ref for s in links.subjects_for(centre)] == ["drafts:1"]
    found = links.resolve_subjects(centre, ["drafts:1", "drafts:9", "other:1", ""])
    assert list(found) == ["drafts:1"] and asked == [["drafts:1", "drafts:9"]]  # one call for the source
    assert links.subject_units(centre, "drafts:1")[0].number == "§ 1"
    assert links.subject_units(centre, "other:1") == []
    assert [r.title for r in links.linked_records(centre, "drafts:1")] == ["Opinia o drafts:1"]

    CentreSetting.objects.create(centre=centre, key=f"module_{module_label}", value=False)
    assert links.subjects_for(centre) == [] and links.resolve_subjects(centre, ["drafts:1"]) == {}
    assert links.linked_records(centre, "drafts:1") == []


@pytest.mark.django_db
def test_indicators_need_a_known_area_and_needs_are_ordered(centre, module_label):
    with pytest.raises(ValueError):
        indicators.register_indicator_source(
            indicators.IndicatorSource(key="x", label="X", area="nowhere", value=lambda c, y: 1)
        )
    source = indicators.register_indicator_source(
        indicators.IndicatorSource(
            key="hours", label="Godziny", area=indicators.AREA_INFRASTRUCTURE, value=lambda c, y: Decimal(y)
        )
    )
    assert source in indicators.indicator_sources_for(centre)
    saved = dict(indicators.NEEDS_SOURCES)
    try:
        indicators.register_needs_source(
            indicators.NeedsSource(
                key="survey",
                label="Ankiety",
                needs=lambda c, kind: (
                    [
                        indicators.NeedItem(topic="Księgowość", count=3, respondents=10),
                        indicators.NeedItem(topic="Fundraising", count=7, respondents=10),
                    ]
                    if kind == "trainings"
                    else []
                ),
            )
        )
        assert [n.topic for n in indicators.needs_for(centre, "trainings")] == ["Fundraising", "Księgowość"]
        assert indicators.needs_for(centre, "other") == []
    finally:
        indicators.NEEDS_SOURCES.clear()
        indicators.NEEDS_SOURCES.update(saved)
