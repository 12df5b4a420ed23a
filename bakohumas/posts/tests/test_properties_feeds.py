"""Properties of the feed readers: Indonesian dates as CMSs write them are read to the right instant in
UTC and anything else gives None (never an exception); arbitrary bytes given as an RSS/Atom feed or a
sitemap give items or FeedError with an Indonesian message, never another exception."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bakohumas.posts.feeds import ID_MONTHS, FeedError, parse_feed, parse_indonesian_date, parse_sitemap

FAST = settings(max_examples=150, deadline=None, database=None)
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "+0700": 7, "+07:00": 7, "Z": 0, "GMT": 0, "-0300": -3}
MONTH_NAMES = sorted(ID_MONTHS)


@FAST
@given(st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2090, 12, 31)).map(lambda d: d.replace(microsecond=0)),
       st.sampled_from(MONTH_NAMES), st.sampled_from(sorted(ZONES)), st.sampled_from(["Senin, ", "", "Kamis "]),
       st.sampled_from(["{d} {m} {y} {H}:{M}:{S}", "{d}-{m}-{y} {H}.{M}", "{d} {m} {y}, pukul {H}:{M}"]))
def test_an_indonesian_date_is_read_to_the_right_instant(moment, month_name, zone, weekday, layout):
    moment = moment.replace(month=ID_MONTHS[month_name], day=min(moment.day, 28))
    if "{S}" not in layout:
        moment = moment.replace(second=0)
    text = weekday + layout.format(d=moment.day, m=month_name.title(), y=moment.year, H=f"{moment.hour:02d}",
                                   M=f"{moment.minute:02d}", S=f"{moment.second:02d}") + f" {zone}"
    stamp = parse_indonesian_date(text)
    expected = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=ZONES[zone])))
    assert stamp is not None and calendar.timegm(stamp) == int(expected.timestamp())


@FAST
@given(st.text(max_size=40) | st.from_regex(r"\A\d{1,2} [a-z]{3,9} \d{4}( \d{1,2}:\d{2})?( [+-]\d{4}| wib)?\Z"))
@example("1 Januari 0001 00:00 WIB")  # before year 1 in UTC: OverflowError escaped
@example("31 Desember 9999 23:59 -1200")
@example("31 Februari 2025")
def test_any_text_is_a_date_or_none(text):
    stamp = parse_indonesian_date(text)
    assert stamp is None or 1 <= stamp.tm_year <= 9999


FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>{title}</title>'
        '<link>https://kpu.go.id/berita/{slug}</link><pubDate>{date}</pubDate></item></channel></rss>')


@FAST
@given(st.binary(max_size=300) | st.text(max_size=80).map(lambda t: FEED.format(title=t, slug="a", date="x").encode())
       | st.builds(lambda d: FEED.format(title="Rapat", slug="b", date=d).encode(), st.text(max_size=40)))
@example(FEED.format(title="Rapat", slug="c", date="1 Januari 0001 00:00 WIB").encode())
@example(b"<rss version='2.0'><channel><item><link>x</link><pubDate>Sun, 00 Jan 0000 00:00:00 GMT</pubDate>"
         b"</item></channel></rss>")
def test_any_bytes_as_a_feed_give_items_or_feed_error(content):
    try:
        parsed = parse_feed(content)
    except FeedError as exc:
        assert str(exc)
    else:
        assert all(item.url and item.published.tzinfo is not None for item in parsed.items)


SITEMAP = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{loc}</loc>'
           '<lastmod>{date}</lastmod></url></urlset>')


@FAST
@given(st.binary(max_size=300) | st.builds(lambda loc, date: SITEMAP.format(loc=loc, date=date).encode(),
                                           st.sampled_from(["https://kpu.go.id/berita/a", "x", ""]),
                                           st.text(max_size=30)))
@example(SITEMAP.format(loc="https://kpu.go.id/berita/a", date="0001-01-01T00:00:00+14:00").encode())
def test_any_bytes_as_a_sitemap_give_items_or_feed_error(content):
    try:
        parsed = parse_sitemap(content)
    except FeedError as exc:
        assert str(exc)
    else:
        assert all(item.published.tzinfo is not None for item in parsed.items)
