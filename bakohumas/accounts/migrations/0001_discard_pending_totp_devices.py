"""Until issue 15 the set-up page saved a pending (unconfirmed) device on GET and showed the same secret to every
session of the account, one with the password alone included. Pending secrets now live in the session;
the rows left behind are deleted (a confirmed device is kept)."""

from django.db import migrations


def discard_pending_devices(apps, schema_editor) -> None:
    apps.get_model("otp_totp", "TOTPDevice").objects.filter(confirmed=False).delete()


class Migration(migrations.Migration):
    dependencies = [("otp_totp", "0003_add_timestamps")]

    operations = [migrations.RunPython(discard_pending_devices, migrations.RunPython.noop)]
