"""Properties of the post importers: any bytes give rows or UnreadablePostFile with an Indonesian
message (never another exception); a canonical CSV written from valid posts is read back and checked
without errors, each value as written; a post spoiled in one cell is refused naming its row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bakohumas.posts.importers import FIELDS, UnreadablePostFile, read_posts
from bakohumas.posts.services import posts_check

FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = b"platform,akun,tanggal,url,teks,suka,komentar,bagikan,tayangan,sebutan\n"


@settings(max_examples=150, deadline=None, database=None)
@given(st.binary(max_size=200) | st.binary(max_size=200).map(lambda b: HEADER + b)
       | st.text(max_size=200).map(lambda t: (HEADER.decode() + t).encode())
       | st.binary(max_size=60).map(lambda b: b"PK\x03\x04" + b))
@example(b"Permalink,Publish time\nhttps://www.instagram.com/p/1,13/45/2025 25:99\n")
@example(HEADER + b'"unclosed')
def test_any_bytes_give_rows_or_unreadable_post_file(content):
    try:
        batch = read_posts(content)
    except UnreadablePostFile as exc:
        assert str(exc)
    else:
        assert all(set(row.values) <= set(FIELDS) and row.row >= 1 for row in batch.rows)


posts = st.fixed_dictionaries({
    "tanggal": st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 12, 31)).map(
        lambda d: d.replace(microsecond=0).isoformat()),
    "slug": st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=3, max_size=12),
    "teks": st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=80),
    "suka": st.integers(0, 10**6).map(str) | st.just(""),
    "komentar": st.integers(0, 5000).map(str),
})


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for number, row in enumerate(rows):
        writer.writerow({"platform": "instagram", "akun": "kpukotakediri", "tanggal": row["tanggal"],
                         "url": f"https://www.instagram.com/p/{row['slug']}{number}/", "teks": row["teks"],
                         "suka": row["suka"], "komentar": row["komentar"]})
    return out.getvalue().encode()


@pytest.mark.django_db
def test_a_written_canonical_csv_is_read_back_and_accepted(kediri, kediri_channels):
    @FAST
    @given(st.lists(posts, min_size=1, max_size=5))
    def run(rows):
        batch = read_posts(_csv(rows))
        assert batch.format == "csv" and [r.values["teks"] for r in batch.rows] == [r["teks"].strip() for r in rows]
        result = posts_check(office=kediri, rows=batch.rows, columns=batch.columns)
        assert result.ok, result.errors
        assert [row.values["likes"] for row in result.rows] == [int(r["suka"]) if r["suka"] else None for r in rows]

    run()


SPOILERS = {"tanggal": ["kemarin", "2025-13-01", "1999-12-31"], "suka": ["-1", "banyak", "9999999999"],
            "platform": ["friendster", ""], "url": ["", "bukan tautan"]}


@pytest.mark.django_db
def test_a_spoiled_cell_is_refused_naming_its_row_and_column(kediri, kediri_channels):
    @FAST
    @given(st.lists(posts, min_size=1, max_size=4), st.data())
    def run(rows, data):
        spoiled = data.draw(st.integers(0, len(rows) - 1))
        column = data.draw(st.sampled_from(sorted(SPOILERS)))
        lines = _csv(rows).decode().split("\r\n")
        cells = next(csv.reader([lines[spoiled + 1]]))
        cells[FIELDS.index(column)] = data.draw(st.sampled_from(SPOILERS[column]))
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        lines[spoiled + 1] = out.getvalue()
        batch = read_posts("\r\n".join(lines).encode())
        result = posts_check(office=kediri, rows=batch.rows, columns=batch.columns)
        assert {(e.row, e.column) for e in result.errors} == {(spoiled + 2, column)}, result.errors
        assert all(e.reason for e in result.errors)

    run()
