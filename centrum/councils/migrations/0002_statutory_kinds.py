"""The statutory kinds of advisory bodies for every centre that exists (new centres add them with the kinds
page's button)."""

from django.db import migrations


def add_kinds(apps, schema_editor):
    from centrum.councils.catalogue import KINDS

    Centre = apps.get_model("core", "Centre")
    Kind = apps.get_model("councils", "BodyKind")
    for centre in Centre.objects.all():
        had = set(Kind.objects.filter(centre=centre).values_list("name", flat=True))
        Kind.objects.bulk_create(
            Kind(centre=centre, **fields) for fields in KINDS.values() if fields["name"] not in had
        )


class Migration(migrations.Migration):
    dependencies = [("councils", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
