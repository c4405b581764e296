"""The three kinds of consultation for every centre that exists (new centres add them on the kinds page)."""

from django.db import migrations


def add_kinds(apps, schema_editor):
    from centrum.consultations.catalogue import DEFAULT_KINDS

    Centre = apps.get_model("core", "Centre")
    Kind = apps.get_model("consultations", "ConsultationKind")
    for centre in Centre.objects.all():
        if not Kind.objects.filter(centre=centre).exists():
            Kind.objects.bulk_create(Kind(centre=centre, **row) for row in DEFAULT_KINDS)


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
