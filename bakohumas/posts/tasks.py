"""Background tasks of the posts app. The worker (`bakohumas worker`) runs them; tests and
BAKOHUMAS_TASKS=immediate run them at once."""

from __future__ import annotations

from django_tasks import task


@task()
def retrain_classifier() -> None:
    """Train the classifier again with the staff corrections (a correction asks for it on commit).
    Only the process that runs this task gets the new model at once; the web processes take the
    corrections in through `retrain_if_stale()` before they next classify."""
    from bakohumas.posts.classification import retrain

    retrain()
