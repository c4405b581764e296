import factory

from centrum.core.models import Centre, CentreHost


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"centrum{n}")
    name = factory.LazyAttribute(lambda o: f"Centrum Organizacji Pozarządowych {o.slug}")
    municipality = "Miasto Testowe"
    street = "ul. Babina 1"
    postal_code = "62-800"
    city = "Kalisz"
    email = "cop@example.org"
    opening_hours = factory.LazyFunction(
        lambda: [{"weekday": d, "opens": "08:00", "closes": "16:00"} for d in range(5)]
    )

    @factory.post_generation
    def host(obj, create, extracted, **kwargs):
        if create:
            CentreHost.objects.get_or_create(
                host=extracted or f"{obj.slug}.localhost", defaults={"centre": obj, "is_primary": True}
            )
