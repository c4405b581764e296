from django.db import migrations


def load_catalogue(apps, schema_editor):
    from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS

    ActivityArea = apps.get_model("organisations", "ActivityArea")
    for position, (code, name) in enumerate(PUBLIC_BENEFIT_AREAS):
        ActivityArea.objects.update_or_create(code=code, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
