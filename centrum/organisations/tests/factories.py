import random

import factory
from stdnum.pl import nip as nip_mod
from stdnum.pl import regon as regon_mod

from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import Organisation


def random_nip(rng: random.Random | None = None) -> str:
    """A valid NIP: weights 6,5,7,2,3,4,5,6,7; sum mod 11 is the check digit (10 is never valid)."""
    rng = rng or random
    while True:
        base = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = sum(int(d) * w for d, w in zip(base, (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True)) % 11
        if check != 10:
            candidate = base + str(check)
            assert nip_mod.is_valid(candidate)
            return candidate


def random_regon(rng: random.Random | None = None) -> str:
    rng = rng or random
    base = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return base + regon_mod.calc_check_digit(base)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    name = factory.Sequence(lambda n: f"Stowarzyszenie Testowe nr {n}")
    legal_form = LegalForm.ASSOCIATION
    registry_kind = RegistryKind.KRS_S
    krs = factory.Sequence(lambda n: str(100000 + n).zfill(10))
    registry_number = factory.LazyAttribute(lambda o: o.krs)
    nip = factory.LazyFunction(random_nip)
    regon = factory.LazyFunction(random_regon)
    city = "Kalisz"
    postal_code = "62-800"
    street = "ul. Główna 1"
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    status = OrganisationStatus.ACTIVE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The search and sort columns as the services fill them (whatever a test passes for them).
        from centrum.organisations.services import organisation_prepare_search

        for field in ("search_text", "search_name", "name_sort"):
            kwargs.pop(field, None)
        org = organisation_prepare_search(model_class(*args, **kwargs))
        org.save(force_insert=True)
        return org
