"""Figures from the records beside the quarterly report, per office, for the recommendation rules
(`recommendations.SCOPE_THEMES`): they join the report values as extra "elements" so the rules stay
data. Each is absent for an office the records know nothing about (no activity, no website news, no
social media account), and an absent value counts as 0, so nothing is claimed without evidence.

- `sop_terlambat`: SOP steps overdue on the reference day, over the activities held in the quarter
  (publications/sop.py);
- `media_tidak_layak`: photos and videos of those activities graded "Tidak layak" by the PR standard
  (quality, media);
- `website_hari_tanpa_berita`: days from the office's last news on its own website to the
  reference day (governance);
- `akun_terisolasi`: 1 when the office's KPU accounts neither mention nor are mentioned by another
  KPU account in the quarter (governance/network.py), else 0.

The reference day is the evaluation's `as_of` day, else today, but never after the quarter's end.
About six queries whatever the number of offices."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Count, Max
from django.utils import timezone

from bakohumas.offices.models import Office

if TYPE_CHECKING:
    from bakohumas.evaluation.engine import EvaluationResult

Signals = dict[str, dict[str, int]]


def reference_day(result: EvaluationResult) -> dt.date:
    day = result.as_of or timezone.localdate()
    return min(day, result.period.quarter.end)


def office_signals(result: EvaluationResult) -> Signals:
    """Office code -> {signal: value} for the offices of the result."""
    from bakohumas.media.models import MediaFile, MediaGrade
    from bakohumas.publications.models import ChecklistMark
    from bakohumas.publications.selectors import _progress
    from bakohumas.records.models import Activity

    codes = [u.code for u in result.offices]
    out: Signals = defaultdict(dict)
    if not codes:
        return out
    quarter = result.period.quarter
    reference = reference_day(result)
    window = (quarter.start, reference)
    activities = list(Activity.objects.filter(office__code__in=codes, held_on__range=window)
                      .values_list("id", "office__code", "kind", "held_on"))
    if activities:
        done: dict[object, set[str]] = defaultdict(set)
        for activity_id, step in ChecklistMark.objects.filter(
                activity_id__in=[a[0] for a in activities], done_at__date__lte=reference).values_list(
                "activity_id", "step"):
            done[activity_id].add(step)
        for activity_id, code, kind, held_on in activities:
            overdue = _progress(kind, held_on, done[activity_id], reference).overdue
            out[code]["sop_terlambat"] = out[code].get("sop_terlambat", 0) + overdue
        unfit = (MediaFile.objects.filter(activity_id__in=[a[0] for a in activities], grade=MediaGrade.UNFIT)
                 .values("office__code").annotate(n=Count("id")).values_list("office__code", "n").order_by())
        for code, count in unfit:
            out[code]["media_tidak_layak"] = count
    for code, days in _website_days(codes, reference).items():
        out[code]["website_hari_tanpa_berita"] = days
    for code, isolated in _isolation(result).items():
        out[code]["akun_terisolasi"] = int(isolated)
    return out


def _website_days(codes: Iterable[str], reference: dt.date) -> dict[str, int]:
    from bakohumas.governance.selectors import WEBSITE, local_tz, own_websites
    from bakohumas.posts.models import Post

    offices = Office.objects.filter(code__in=list(codes))
    own = own_websites(offices)
    end = dt.datetime.combine(reference + dt.timedelta(days=1), dt.time.min, tzinfo=local_tz())
    rows = (Post.objects.filter(office__in=offices, platform=WEBSITE, published_at__lt=end)
            .values("office_id", "office__code", "account", "channel_id").annotate(last=Max("published_at"))
            .order_by())
    latest: dict[str, dt.datetime] = {}
    for row in rows:
        if not own.owns(row["office_id"], row["account"], row["channel_id"]):
            continue
        code = row["office__code"]
        if code not in latest or row["last"] > latest[code]:
            latest[code] = row["last"]
    return {code: (reference - timezone.localtime(last).date()).days for code, last in latest.items()}


def _isolation(result: EvaluationResult) -> dict[str, bool]:
    from bakohumas.governance.network import build_network

    focus = Office.objects.filter(code=result.region_code).first()
    if focus is None:
        return {}
    network = build_network(focus, result.period.quarter)
    isolated = {n.code for n in network.isolated}
    wanted = {u.code for u in result.offices}
    return {n.code: n.code in isolated for n in network.scope_nodes if n.code in wanted}
