"""Reads for the governance pages: what offices publish, how often, how much of it is ceremony,
the website's news, engagement and the accounts that went quiet; and the quarterly-report
suggester. Everything is aggregated in SQL with a fixed number of queries whatever the number of
offices (docs/governance.md)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from bakohumas.core.formatting import percent
from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import Office, User
from bakohumas.posts.models import CategorySource, Platform, Post
from bakohumas.posts.services import handle_key
from bakohumas.records.models import Channel

# A channel active in the records with no post for this many days is "gone quiet". Override with
# the setting GOVERNANCE_QUIET_AFTER_DAYS.
QUIET_AFTER_DAYS = 30

SOCIAL_PLATFORMS = tuple(p for p in Platform.values if p != Platform.WEBSITE)
POST_PLATFORMS = tuple(Platform.values)
WEBSITE = str(Platform.WEBSITE.value)
EDITOR_ROLES = (User.Role.OPERATOR, User.Role.KETUA)


def quiet_after_days() -> int:
    return int(getattr(settings, "GOVERNANCE_QUIET_AFTER_DAYS", QUIET_AFTER_DAYS))


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def quarter_bounds(quarter: Quarter) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of the quarter in local time (Asia/Jakarta): 30 June 23:30 WIB is still Q2."""
    tz = local_tz()
    start = dt.datetime.combine(quarter.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(quarter.next().start, dt.time.min, tzinfo=tz)
    return start, end


def _host(value: str) -> str:
    return handle_key(WEBSITE, value)


@dataclass
class OwnWebsites:
    """The offices' own websites: per office id, the hosts of its website channels (handle and
    URL, lower case without `www.`) and the channels' ids. A website post counts as the office's
    news only when its account is one of these hosts or it is linked to one of these channels;
    a press release on a news site (account `detik.com`) or another site is not the office's news."""

    hosts: dict[int, set[str]] = field(default_factory=dict)
    channel_ids: dict[int, set] = field(default_factory=dict)

    def owns(self, office_id: int, account: str, channel_id) -> bool:
        return (_host(account) in self.hosts.get(office_id, ())
                or (channel_id is not None and channel_id in self.channel_ids.get(office_id, ())))


def own_websites(offices: QuerySet[Office]) -> OwnWebsites:
    """The website channels of `offices`, active or not (a closed site's news still counted while
    it ran). One query."""
    own = OwnWebsites()
    rows = Channel.objects.filter(office__in=offices, kind=WEBSITE).values_list("id", "office_id", "handle", "url")
    for channel_id, office_id, handle, url in rows:
        own.hosts.setdefault(office_id, set()).update({_host(handle), _host(url or "")} - {""})
        own.channel_ids.setdefault(office_id, set()).add(channel_id)
    return own


# --- scope and period ----------------------------------------------------------------------------

def scope_offices(office: Office) -> QuerySet[Office]:
    """The offices a page about `office` covers: itself, and for a province its kab/kota, for KPU RI all."""
    if office.is_national:
        return Office.objects.all()
    if office.is_province:
        return Office.objects.filter(Q(pk=office.pk) | Q(parent=office))
    return Office.objects.filter(pk=office.pk)


def choose_quarter(code: str | None, offices: QuerySet[Office], *, today: dt.date | None = None) -> Quarter:
    """The quarter asked for (`?periode=2025Q2`), else the latest one with posts in scope (not after
    today's), else the current quarter. A malformed code is 404."""
    today = today or timezone.localdate()
    current = Quarter.containing(today)
    if code:
        try:
            return Quarter.parse(code)
        except InvalidPeriod as exc:
            raise Http404(str(exc)) from None
    _start, end = quarter_bounds(current)
    latest = Post.objects.filter(office__in=offices, published_at__lt=end).aggregate(last=Max("published_at"))["last"]
    return Quarter.containing(timezone.localtime(latest).date()) if latest else current


def reference_day(quarter: Quarter, today: dt.date | None = None) -> dt.date:
    """'Days since' and 'quiet' are measured at the quarter's end, or today for the current quarter."""
    today = today or timezone.localdate()
    return min(today, quarter.end)


def quarter_weeks(quarter: Quarter) -> list[dt.date]:
    """The Mondays of the weeks (Monday to Sunday) that overlap the quarter."""
    monday = quarter.start - dt.timedelta(days=quarter.start.weekday())
    weeks = []
    while monday <= quarter.end:
        weeks.append(monday)
        monday += dt.timedelta(days=7)
    return weeks


def quarter_months(quarter: Quarter) -> list[dt.date]:
    return [dt.date(quarter.year, 3 * quarter.quarter - 2 + i, 1) for i in range(3)]


# --- figures -------------------------------------------------------------------------------------

@dataclass
class Figures:
    """One office's (or a whole region's) figures for a quarter."""

    posts: int = 0  # social media posts
    ceremonial: int = 0  # ... of which seremonial
    website: int = 0  # news on the office's own website (OwnWebsites)
    corrected: int = 0  # posts (any platform) whose category staff corrected
    corrected_to_information: int = 0  # ... now informasi: seremonial -> informasi, the direction to review
    interactions: int = 0  # likes + comments + shares on social posts that report any
    with_interactions: int = 0
    views: int = 0
    with_views: int = 0
    last_website: dt.datetime | None = None
    quiet: list[QuietChannel] = field(default_factory=list)
    reference: dt.date | None = None

    @property
    def ceremonial_percent(self) -> float | None:
        return percent(self.ceremonial, self.posts)

    @property
    def interactions_per_post(self) -> float | None:
        return round(self.interactions / self.with_interactions, 1) if self.with_interactions else None

    @property
    def views_per_post(self) -> float | None:
        return round(self.views / self.with_views, 1) if self.with_views else None

    @property
    def days_since_website(self) -> int | None:
        if self.last_website is None or self.reference is None:
            return None
        return (self.reference - timezone.localtime(self.last_website).date()).days

    def sort_key(self) -> tuple:
        """Worst first: no posts at all, then most quiet accounts, then the largest share of ceremony,
        then the longest time without website news (never counts as longest)."""
        days = self.days_since_website
        return (self.posts > 0, -len(self.quiet), -(self.ceremonial_percent or 0),
                -(days if days is not None else 10**6))

    def add(self, other: Figures) -> None:
        for name in ("posts", "ceremonial", "website", "corrected", "corrected_to_information", "interactions",
                     "with_interactions", "views", "with_views"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.last_website and (self.last_website is None or other.last_website > self.last_website):
            self.last_website = other.last_website
        self.quiet.extend(other.quiet)


@dataclass(frozen=True)
class QuietChannel:
    channel: Channel
    last_post: dt.datetime | None

    def days(self, reference: dt.date) -> int | None:
        return None if self.last_post is None else (reference - timezone.localtime(self.last_post).date()).days


def _figures_by_office(offices: QuerySet[Office], quarter: Quarter, reference: dt.date,
                       own: OwnWebsites) -> dict[int, Figures]:
    """Per office id: counts, engagement and staff corrections in the quarter (one query), the news
    on its own website in the quarter and the last one up to the reference day (one query) and the
    quiet channels (two queries)."""
    start, end = quarter_bounds(quarter)
    social = Q(platform__in=SOCIAL_PLATFORMS)
    staff = Q(category_source=CategorySource.STAFF)
    has_interactions = Q(likes__isnull=False) | Q(comments__isnull=False) | Q(shares__isnull=False)
    rows = (
        Post.objects.filter(office__in=offices, published_at__gte=start, published_at__lt=end)
        .values("office_id")
        .annotate(
            posts=Count("id", filter=social),
            ceremonial=Count("id", filter=social & Q(category=Post.Category.CEREMONIAL)),
            corrected=Count("id", filter=staff),
            corrected_to_information=Count("id", filter=staff & Q(category=Post.Category.INFORMATION)),
            interactions=Coalesce(Sum(Coalesce("likes", 0) + Coalesce("comments", 0) + Coalesce("shares", 0),
                                      filter=social & has_interactions), 0),
            with_interactions=Count("id", filter=social & has_interactions),
            views_total=Coalesce(Sum("views", filter=social), 0),  # not `views`: that is a field
            with_views=Count("id", filter=social & Q(views__isnull=False)),
        )
        .order_by()
    )
    out: dict[int, Figures] = {}
    for r in rows:
        out[r["office_id"]] = Figures(
            posts=r["posts"], ceremonial=r["ceremonial"], corrected=r["corrected"],
            corrected_to_information=r["corrected_to_information"], interactions=r["interactions"],
            with_interactions=r["with_interactions"], views=r["views_total"], with_views=r["with_views"],
            reference=reference)
    ref_end = dt.datetime.combine(reference + dt.timedelta(days=1), dt.time.min, tzinfo=local_tz())
    # Grouped by account and channel, kept when the office owns the site: a handful of rows per office.
    news_rows = (Post.objects.filter(office__in=offices, platform=WEBSITE, published_at__lt=ref_end)
                 .values("office_id", "account", "channel_id")
                 .annotate(in_quarter=Count("id", filter=Q(published_at__gte=start, published_at__lt=end)),
                           last=Max("published_at"))
                 .order_by())
    for news in news_rows:
        if not own.owns(news["office_id"], news["account"], news["channel_id"]):
            continue
        figures = out.setdefault(news["office_id"], Figures(reference=reference))
        figures.website += news["in_quarter"]
        if figures.last_website is None or news["last"] > figures.last_website:
            figures.last_website = news["last"]
    for quiet in quiet_channels(offices, reference):
        out.setdefault(quiet.channel.office_id, Figures(reference=reference)).quiet.append(quiet)
    return out


def quiet_channels(offices: QuerySet[Office], reference: dt.date, *, days: int | None = None) -> list[QuietChannel]:
    """Channels (of the post platforms) active on the reference day whose last post, up to that day,
    is older than `days` (QUIET_AFTER_DAYS) or that have none recorded. A post belongs to a channel
    by its `channel` link or, failing that, by platform and handle. Two queries."""
    days = quiet_after_days() if days is None else days
    ref_end = dt.datetime.combine(reference + dt.timedelta(days=1), dt.time.min, tzinfo=local_tz())
    channels = list(Channel.objects.filter(office__in=offices, kind__in=POST_PLATFORMS).active_on(reference)
                    .only("id", "office_id", "kind", "handle", "url").order_by("office__code", "kind", "handle"))
    if not channels:
        return []
    last_by_key: dict[tuple, dt.datetime] = {}
    rows = (Post.objects.filter(office__in=offices, published_at__lt=ref_end)
            .values("office_id", "platform", "account", "channel_id").annotate(last=Max("published_at")).order_by())
    for r in rows:
        for key in ((r["office_id"], r["platform"], handle_key(r["platform"], r["account"])),
                    ("channel", r["channel_id"])):
            if key not in last_by_key or r["last"] > last_by_key[key]:
                last_by_key[key] = r["last"]
    threshold = reference - dt.timedelta(days=days)
    out = []
    for channel in channels:
        keys = {handle_key(channel.kind, channel.handle), handle_key(channel.kind, channel.url or "")} - {""}
        candidates = [last_by_key.get(("channel", channel.id)),
                      *(last_by_key.get((channel.office_id, channel.kind, key)) for key in keys)]
        last = max((c for c in candidates if c is not None), default=None)
        if last is None or timezone.localtime(last).date() < threshold:
            out.append(QuietChannel(channel, last))
    return out


@dataclass
class WeekRow:
    platform: str
    account: str
    counts: list[int]
    cells: list[tuple[int, int]] = field(default_factory=list)  # (count, shade 0-4 relative to the table)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class OfficeGovernance:
    office: Office
    quarter: Quarter
    figures: Figures
    weeks: list[dt.date]
    week_rows: list[WeekRow]
    months: list[tuple[dt.date, int, int]]
    quiet_after_days: int


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=local_tz())


def _bucket_counts(posts: QuerySet[Post], edges: list[dt.date], fields: tuple[str, ...]) -> list[dict]:
    """Posts counted per [edges[i], edges[i+1]) local-time bucket, grouped by `fields`, in one query.
    Conditional counts on explicit boundaries rather than TruncWeek/TruncMonth: on SQLite those run
    a Python function per row (a national quarter: 1.3 s of 1.9 s), and the boundaries here are the
    Asia/Jakarta ones whatever the database's time zone handling."""
    buckets = {f"b{i}": Count("id", filter=Q(published_at__gte=_local_midnight(first),
                                                published_at__lt=_local_midnight(last)))
               for i, (first, last) in enumerate(itertools.pairwise(edges))}
    if not fields:
        return [posts.aggregate(**buckets)]
    return list(posts.values(*fields).annotate(**buckets).order_by())


def _week_rows(posts: QuerySet[Post], weeks: list[dt.date], by_account: bool) -> list[WeekRow]:
    fields = ("platform", "account") if by_account else ("platform",)
    rows = _bucket_counts(posts, [*weeks, weeks[-1] + dt.timedelta(days=7)], fields)
    labels = dict(Platform.choices)
    out = [WeekRow(str(labels.get(r["platform"], r["platform"])), r.get("account", ""),
                   [r[f"b{i}"] for i in range(len(weeks))])
           for r in sorted(rows, key=lambda r: (r["platform"], r.get("account", "")))]
    top = max((n for row in out for n in row.counts), default=0)
    for row in out:
        row.cells = [(n, 0 if not n else 1 + min(3, (n * 4 - 1) // top)) for n in row.counts]
    return out


def _months(posts: QuerySet[Post], quarter: Quarter, own: OwnWebsites) -> list[tuple[dt.date, int, int]]:
    """News on the offices' own websites per month of the quarter: (first day, count, bar width in
    percent). One query, grouped by office, account and channel; the rows of other sites are left out."""
    months = quarter_months(quarter)
    rows = _bucket_counts(posts.filter(platform=WEBSITE), [*months, quarter.next().start],
                          ("office_id", "account", "channel_id"))
    owned = [r for r in rows if own.owns(r["office_id"], r["account"], r["channel_id"])]
    counts = [sum(r[f"b{i}"] for r in owned) for i in range(len(months))]
    top = max(counts, default=0)
    return [(m, n, round(n * 100 / top) if top else 0) for m, n in zip(months, counts, strict=True)]


def office_governance(office: Office, quarter: Quarter, *, today: dt.date | None = None) -> OfficeGovernance:
    """One office's own accounts: seven queries."""
    reference = reference_day(quarter, today)
    offices = Office.objects.filter(pk=office.pk)
    own = own_websites(offices)
    figures = _figures_by_office(offices, quarter, reference, own).get(office.pk, Figures(reference=reference))
    start, end = quarter_bounds(quarter)
    posts = Post.objects.filter(office=office, published_at__gte=start, published_at__lt=end)
    weeks = quarter_weeks(quarter)
    return OfficeGovernance(office, quarter, figures, weeks, _week_rows(posts, weeks, by_account=True),
                            _months(posts, quarter, own), quiet_after_days())


@dataclass
class RegionRow:
    office: Office
    figures: Figures


@dataclass
class RegionGovernance:
    region: Office
    quarter: Quarter
    total: Figures
    rows: list[RegionRow]
    weeks: list[dt.date]
    week_rows: list[WeekRow]
    months: list[tuple[dt.date, int, int]]
    quiet_after_days: int

    @property
    def offices(self) -> int:
        return len(self.rows)

    @property
    def offices_with_posts(self) -> int:
        return sum(1 for row in self.rows if row.figures.posts)


def region_governance(region: Office, quarter: Quarter, *, today: dt.date | None = None) -> RegionGovernance:
    """A province (itself and its kab/kota) or KPU RI (every office): the offices worst first, and
    the region's weekly and monthly totals. Eight queries whatever the number of offices."""
    reference = reference_day(quarter, today)
    offices = scope_offices(region)
    own = own_websites(offices)
    by_office = _figures_by_office(offices, quarter, reference, own)
    rows = [RegionRow(office, by_office.get(office.pk, Figures(reference=reference)))
            for office in offices.select_related("parent").order_by("code")]
    rows.sort(key=lambda row: (row.figures.sort_key(), row.office.code))
    total = Figures(reference=reference)
    for row in rows:
        total.add(row.figures)
    start, end = quarter_bounds(quarter)
    posts = Post.objects.filter(office__in=offices, published_at__gte=start, published_at__lt=end)
    weeks = quarter_weeks(quarter)
    return RegionGovernance(region, quarter, total, rows, weeks, _week_rows(posts, weeks, by_account=False),
                            _months(posts, quarter, own), quiet_after_days())


# --- the quarterly report's suggestion ---------------------------------------------------------

def post_quarter_counts(office: Office, period) -> dict[str, int]:
    """`unggahan_medsos` (social media posts in the quarter), `unggahan_seremonial` (of those, the
    seremonial ones) and `berita_website` (news on the office's own website in the quarter: a post
    whose account is the host of one of its website channels, or linked to one; not its press
    releases on news sites), quarter boundaries in Asia/Jakarta time. Offered only when the office
    has any post recorded here at all: an empty register is no evidence that nothing was published.
    Two queries: the office's website channels and one aggregate."""
    quarter = period if isinstance(period, Quarter) else Quarter.parse(period.code)
    start, end = quarter_bounds(quarter)
    in_quarter = Q(published_at__gte=start, published_at__lt=end)
    social = in_quarter & Q(platform__in=SOCIAL_PLATFORMS)
    own = own_websites(Office.objects.filter(pk=office.pk))
    channel_ids = own.channel_ids.get(office.pk)
    aggregates = {
        "known": Count("id"),
        "unggahan_medsos": Count("id", filter=social),
        "unggahan_seremonial": Count("id", filter=social & Q(category=Post.Category.CEREMONIAL)),
    }
    if channel_ids:  # no website channel recorded: no own news
        own_site = Q(channel_id__in=channel_ids) | Q(account__in=own.hosts.get(office.pk, set()) or [""])
        aggregates["berita_website"] = Count("id", filter=in_quarter & Q(platform=WEBSITE) & own_site)
    counts = Post.objects.filter(office=office).aggregate(**aggregates)
    if not counts.pop("known"):
        return {}
    return {"unggahan_medsos": counts["unggahan_medsos"], "unggahan_seremonial": counts["unggahan_seremonial"],
            "berita_website": counts.get("berita_website", 0)}


def may_plan(user, office: Office) -> bool:
    """The office's own operator and ketua plan its posts; everyone else who sees them reads."""
    return (getattr(user, "is_authenticated", False) and user.office_id == office.pk
            and user.role in EDITOR_ROLES)

