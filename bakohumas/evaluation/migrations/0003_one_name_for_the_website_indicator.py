"""One name per indicator: the website indicator was "Website memuat berita" in sentences and "Website
aktif" in table columns and charts; it is now "Website memuat berita" everywhere. Only the default
label is changed: a label KPU RI chose is kept."""

from django.db import migrations


def forwards(apps, schema_editor):
    Indicator = apps.get_model("evaluation", "Indicator")
    Indicator.objects.filter(code="website_aktif", short_label="Website aktif").update(
        short_label="Website memuat berita")


def backwards(apps, schema_editor):
    Indicator = apps.get_model("evaluation", "Indicator")
    Indicator.objects.filter(code="website_aktif", short_label="Website memuat berita").update(
        short_label="Website aktif")


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_evaluation_edit")]
    operations = [migrations.RunPython(forwards, backwards)]
