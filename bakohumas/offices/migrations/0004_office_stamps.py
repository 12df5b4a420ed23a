"""Office stamps: a counter per office that the database increments on every write to the tables the
office home page reads. The triggers are (re)made after every migrate by bakohumas/offices/stamps.py,
because SQLite drops a table's triggers whenever a later migration rebuilds the table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0003_office_profile_signatories_letter_numbers"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfficeStamp",
            fields=[
                ("office_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "versi data kantor", "verbose_name_plural": "versi data kantor"},
        ),
    ]
