import factory

from centrum.accounts.models import CentreRole, CentreRoleKind, Membership, MembershipRole, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="pl_PL")
    is_active = True

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "correct-horse-battery")
        if create:
            obj.save(update_fields=["password"])
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class CentreRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreRole

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    user = factory.SubFactory(UserFactory)
    role = CentreRoleKind.STAFF


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory("centrum.organisations.tests.factories.OrganisationFactory")
    centre = factory.LazyAttribute(lambda o: o.organisation.centre)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER
