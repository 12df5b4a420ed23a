"""Stored posts get the canonical URL that imports and post_upsert now look them up by
(`services.normalise_url`): without it, re-importing a post stored as https://www.instagram.com/p/X/
would add it a second time as https://instagram.com/p/X. A post whose canonical URL is already taken
by another stored post (the same post stored twice before) is left as it is, so nothing is lost."""

from django.db import migrations

BATCH = 1000


def normalise(apps, schema_editor):
    from bakohumas.posts.services import normalise_url

    Post = apps.get_model("posts", "Post")
    taken = set(Post.objects.values_list("url", flat=True))
    changed = []
    for pk, url in Post.objects.values_list("pk", "url").iterator(chunk_size=BATCH):
        canonical = normalise_url(url)
        if canonical != url and canonical not in taken:
            taken.add(canonical)
            changed.append(Post(pk=pk, url=canonical))
    Post.objects.bulk_update(changed, ["url"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("posts", "0003_feed_last_note")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
