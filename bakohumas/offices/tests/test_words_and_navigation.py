"""One vocabulary and role-appropriate pages: the pimpinan is not offered verification, anonymous visitors
see public navigation only, "Masih sama" is explained on the page, periods read "Triwulan II 2025"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from bakohumas.core.templatetags.bakohumas import periode
from bakohumas.core.periods import Quarter

pytestmark = pytest.mark.django_db


def test_the_periode_filter_reads_codes_quarters_and_periods():
    assert periode("2025Q2") == "Triwulan II 2025"
    assert periode(Quarter(2025, 4)) == "Triwulan IV 2025"
    assert periode("") == "–" and periode("bukan") == "bukan"


def test_the_pimpinan_home_offers_completeness_not_verification(client, evaluator, make_report):
    from bakohumas.conftest import _user

    make_report("3571", "2025Q2")
    client.force_login(_user("pimpinan.jatim", "35", "pimpinan"))
    html = client.get(reverse("home")).content.decode()
    assert "Kelengkapan & verifikasi" not in html and ">Kelengkapan<" in html
    assert "Belum mengirim" in html and "Belum melapor" not in html
    client.force_login(evaluator)
    assert "Kelengkapan & verifikasi" in client.get(reverse("home")).content.decode()


def test_anonymous_visitors_see_only_public_navigation(client, make_report):
    html = client.get(reverse("library:opac_search")).content.decode()
    staff = [reverse("library:record_list"), reverse("library:application_list"), reverse("reports:periods")]
    links = set(re.findall(r'href="([^"?]*)', html))
    assert not links & set(staff)
    assert reverse("library:opac_search") in links and reverse("login") in links


@time_machine.travel(dt.datetime(2025, 8, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False)
def test_masih_sama_is_explained_on_the_page(client, operator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(operator)
    html = client.get(reverse("home")).content.decode()
    assert "Masih sama" in html
    assert "laporan dimulai dari isian laporan sebelumnya" in html
    assert 'aria-describedby="masih-sama-2025Q3"' in html and 'id="masih-sama-2025Q3"' in html


def test_period_tabs_and_titles_show_quarters_not_codes(client, evaluator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    for url in [reverse("evaluation:completeness", args=["35", "2025Q2"]),
                reverse("evaluation:evaluation", args=["35", "2025Q2"])]:
        html = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S))
        assert "Triwulan II 2025" in text
        assert not re.search(r"\b20[0-9]{2}Q[1-4]\b", text), url


def test_the_completeness_page_uses_the_agreed_terms(client, evaluator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    html = client.get(reverse("evaluation:completeness", args=["35", "2025Q2"])).content.decode()
    assert "belum mengirim" in html and "belum melapor" not in html.lower()


def test_the_scorecard_says_what_its_count_counts(client, ketua, make_report):
    make_report("3571", "2025Q2")
    client.force_login(ketua)
    response = client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"]))
    card = response.context["card"]
    assert card.share_count + card.constraint_count + card.ratio_count == len(card.indicators)
    html = response.content.decode()
    assert f"{card.met_count}/{card.share_count}" in html
    assert f"dihitung dari {card.share_count} indikator kegiatan" in html
    assert f"memuat {len(card.indicators)} baris" in html


def test_the_channel_map_and_the_evaluation_say_what_they_count(client, evaluator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    channel_map = client.get(reverse("records:channel_map", args=["35"])).content.decode()
    assert "termasuk KPU Provinsi" in channel_map and "aktif hari ini" in channel_map
    evaluation = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    assert "KPU Provinsi tidak termasuk" in evaluation and "Peta kanal menghitung hal lain" in evaluation
