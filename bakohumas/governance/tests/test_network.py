"""The network of KPU accounts from a known set of mentions: edges, isolated accounts, one-way
relations, suggestions, the drawing and the page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from bakohumas.core.periods import Quarter
from bakohumas.governance.network import build_network
from bakohumas.governance.tests.conftest import wib
from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db
Q2 = Quarter(2025, 2)


@pytest.fixture
def offices(db) -> dict[str, Office]:
    return {o.code: o for o in Office.objects.filter(code__in=["ID", "35", "3571", "3572", "3573", "3578", "33"])}


@pytest.fixture
def mentions(offices, make_channel, make_post):
    o = offices
    make_channel(o["ID"], "instagram", "@kpu_ri")
    make_channel(o["35"], "instagram", "@KPUJatim")
    make_channel(o["3571"], "instagram", "@kpukotakediri")
    make_channel(o["3571"], "facebook", "kpukotakediri")
    make_channel(o["3572"], "instagram", "@kpublitarkota")  # never mentions nor is mentioned: isolated
    make_channel(o["3578"], "instagram", "@kpusurabaya")
    make_channel(o["33"], "instagram", "@kpujateng")
    for day in range(1, 6):  # Kediri -> Surabaya five times, never back
        make_post(o["3571"], wib(2025, 5, day), mentions=["kpusurabaya", "dinaskominfo"])
    make_post(o["3571"], wib(2025, 5, 10), mentions=["@KPUJatim", "kpukotakediri"])  # self-mention ignored
    make_post(o["35"], wib(2025, 5, 11), "instagram", "kpujatim", mentions=["kpukotakediri"])
    make_post(o["ID"], wib(2025, 5, 12), "instagram", "kpu_ri", mentions=["kpujatim"])
    make_post(o["ID"], wib(2025, 5, 13), "instagram", "kpu_ri", mentions=["kpujatim", "kpujatim"])  # one post: 1
    make_post(o["3571"], wib(2025, 5, 14), "facebook", "kpukotakediri", mentions=["kpusurabaya"])  # not on FB
    make_post(o["3571"], wib(2025, 7, 1, 1), mentions=["kpublitarkota"])  # Q3
    make_post(o["33"], wib(2025, 5, 15), "instagram", "kpujateng", mentions=["kpu_ri"])
    return o


def _edges(net) -> set[tuple[str, str, int, int]]:
    return {(e.source.code, e.target.code, e.count, e.reverse) for e in net.edges}


def test_the_province_network_has_its_edges_isolated_and_one_way_relations(mentions):
    net = build_network(mentions["35"], Q2)
    assert _edges(net) == {("3571", "3578", 5, 0), ("3571", "35", 1, 1), ("35", "3571", 1, 1), ("ID", "35", 2, 0)}
    assert [n.code for n in net.isolated] == ["3572"]
    assert {(e.source.code, e.target.code) for e in net.one_way} == {("3571", "3578"), ("ID", "35")}
    assert [n.code for n in net.scope_nodes] == ["35", "3571", "3572", "3578"]
    assert net.interacting == 3


def test_the_page_calls_out_one_way_relations_in_words(client, evaluator, mentions):
    client.force_login(evaluator)
    page = client.get(reverse("governance:network", args=["35"]), {"periode": "2025Q2"}).content.decode()
    assert "KPU Kota Kediri menyebut KPU Kota Surabaya 5 kali, tidak pernah sebaliknya." in page
    assert "<svg" in page and "Blitar" in page
    # coordinates are SVG numbers, not Indonesian decimals ("12,5" would be two x positions)
    assert re.search(r'cx="\d+\.\d"', page) and not re.search(r'(cx|x1|y|width)="\d+,\d', page)


def test_suggestions_are_nearby_accounts_not_yet_interacted_with(mentions):
    net = build_network(mentions["35"], Q2)
    by_office = {s.office.code: [p.code for p in s.partners] for s in net.suggestions}
    assert by_office["3572"] == ["35", "3571", "3578"]  # province, then siblings by code distance
    assert by_office["3571"] == ["3572"]  # already interacts with its province and Surabaya
    assert by_office["35"] == ["3572", "3578", "33"]  # its kab/kota not reached, then a sibling province
    assert by_office["3578"] == ["35", "3572"]


def test_a_kab_kota_sees_its_own_ego_network(mentions):
    net = build_network(mentions["3571"], Q2)
    assert [n.code for n in net.scope_nodes] == ["3571"]
    assert _edges(net) == {("3571", "3578", 5, 0), ("3571", "35", 1, 1), ("35", "3571", 1, 1)}
    assert net.isolated == []


def test_the_nation_sees_every_relation(mentions):
    net = build_network(mentions["ID"], Q2)
    assert ("33", "ID", 1, 0) in _edges(net)
    assert {n.code for n in net.isolated} == {"3572"}


def test_one_platform_at_a_time(mentions):
    net = build_network(mentions["35"], Q2, platform="facebook")
    assert net.edges == [] and [n.code for n in net.isolated] == ["3571"]


def test_the_drawing_is_the_same_for_the_same_data(mentions):
    first, second = build_network(mentions["ID"], Q2), build_network(mentions["ID"], Q2)
    assert [(n.node.code, n.x, n.y) for n in first.drawn_nodes] == [(n.node.code, n.x, n.y) for n in second.drawn_nodes]
    assert {n.node.code for n in first.drawn_nodes} == {"ID", "35", "3571", "3578", "33"}
    assert len(first.drawn_edges) == 5
    assert all(0 <= n.x <= first.width and 0 <= n.y <= first.height for n in first.drawn_nodes)


def test_the_network_takes_a_fixed_number_of_queries(mentions, django_assert_num_queries):
    with django_assert_num_queries(4):
        build_network(mentions["ID"], Q2)


def test_channels_recorded_by_their_url_are_separate_offices_and_match_mentions(offices, make_channel, make_post):
    o = offices
    make_channel(o["3571"], "instagram", "https://www.instagram.com/kpukotakediri/")
    make_channel(o["3578"], "instagram", "https://instagram.com/KPUSurabaya")
    make_channel(o["35"], "x", "KPU Jatim", url="https://x.com/KPUJatim")  # the account only in the URL
    make_post(o["3578"], wib(2025, 5, 2), "instagram", "kpusurabaya", mentions=["kpukotakediri"])
    make_post(o["3571"], wib(2025, 5, 3), "instagram", "kpukotakediri", mentions=["@KPUSurabaya"])
    make_post(o["3571"], wib(2025, 5, 4), "x", "kpukotakediri", mentions=["kpujatim"])
    net = build_network(o["35"], Q2)
    assert net.nodes[o["3571"].pk].handles == ("kpukotakediri",)
    assert net.nodes[o["3578"].pk].handles == ("kpusurabaya",)  # not both "instagram.com"
    assert "kpujatim" in net.nodes[o["35"].pk].handles
    assert _edges(net) == {("3578", "3571", 1, 1), ("3571", "3578", 1, 1), ("3571", "35", 1, 0)}
