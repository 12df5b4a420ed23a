"""The network of KPU accounts: who mentions, tags, collaborates with or reshares whom
(`Post.mentions`), per quarter, as a graph, a table, the isolated accounts, the one-way relations
and suggestions of nearby KPU accounts to interact with (docs/governance.md).

Nodes are offices with at least one social media account in the records (optionally one platform:
then a node is the office's account on that platform); an edge A -> B counts the posts of A that
mention one of B's handles on the same platform. A channel's handles are the keys
(`bakohumas.posts.services.handle_key`) of its handle and of its URL: `@KPUKotaKediri` and
`https://www.instagram.com/kpukotakediri/` are both `kpukotakediri`. Three queries whatever the
number of offices."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from bakohumas.core.periods import Quarter
from bakohumas.governance.selectors import SOCIAL_PLATFORMS, quarter_bounds, scope_offices
from bakohumas.offices.models import Office
from bakohumas.posts.models import Post
from bakohumas.posts.services import handle_key
from bakohumas.records.models import Channel

SUGGESTIONS_PER_OFFICE = 3
MAX_DRAWN_NODES = 120  # the graph draws the busiest nodes; the tables list everything
WIDTH, HEIGHT, MARGIN, RADIUS = 1000, 760, 60, 10


@dataclass(frozen=True)
class Node:
    office_id: int
    code: str
    name: str
    parent_id: int | None
    level: str
    handles: tuple[str, ...]
    in_scope: bool

    @property
    def label(self) -> str:
        """Short enough for the drawing: KPU Provinsi Jawa Timur -> Prov. Jawa Timur, KPU Kabupaten
        Kediri -> Kab. Kediri, KPU RI -> KPU RI."""
        if self.level == Office.Level.NATIONAL:
            return self.name
        short = self.name.removeprefix("KPU ").removeprefix("KIP ")
        return short.replace("Provinsi ", "Prov. ", 1).replace("Kabupaten ", "Kab. ", 1)

    @property
    def numeric_code(self) -> int | None:
        return int(self.code) if self.code.isdigit() else None


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    count: int
    reverse: int  # target -> source


@dataclass(frozen=True)
class Suggestion:
    office: Node
    partners: list[Node]


@dataclass
class DrawnNode:
    node: Node
    x: float
    y: float
    degree: int
    anchor: str = "middle"  # labels near the sides grow inwards, so they are not cut off


@dataclass
class DrawnEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    count: int
    title: str


@dataclass
class Network:
    focus: Office
    quarter: Quarter
    platform: str | None
    nodes: dict[int, Node]
    counts: Counter[tuple[int, int]]
    edges: list[Edge] = field(default_factory=list)
    isolated: list[Node] = field(default_factory=list)
    one_way: list[Edge] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    drawn_nodes: list[DrawnNode] = field(default_factory=list)
    drawn_edges: list[DrawnEdge] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def scope_nodes(self) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.in_scope), key=lambda n: n.code)

    @property
    def interacting(self) -> int:
        return len(self.scope_nodes) - len(self.isolated)

    @property
    def hidden_nodes(self) -> int:
        connected = {e.source.office_id for e in self.edges} | {e.target.office_id for e in self.edges}
        return max(0, len(connected) - len(self.drawn_nodes))


def build_network(focus: Office, quarter: Quarter, *, platform: str | None = None) -> Network:
    """The network around `focus`: a kab/kota's own (ego) view, a province with its kab/kota, or
    KPU RI with every office. Mentions from and to offices outside the scope still count for the
    in-scope offices (a kab/kota mentioning its province's account is an interaction)."""
    platforms = (platform,) if platform else SOCIAL_PLATFORMS
    scope_ids = set(scope_offices(focus).values_list("id", flat=True))
    handles: dict[int, set[str]] = {}
    owner: dict[tuple[str, str], int] = {}
    channels = Channel.objects.filter(kind__in=platforms).order_by("office__code", "pk")
    for office_id, kind, handle, url in channels.values_list("office_id", "kind", "handle", "url"):
        for name in {handle_key(kind, handle), handle_key(kind, url or "")} - {""}:
            owner.setdefault((kind, name), office_id)  # a handle recorded by two offices: the first by code
            handles.setdefault(office_id, set()).add(name)
    offices = Office.objects.filter(id__in=handles.keys()).values_list("id", "code", "name", "parent_id", "level")
    nodes = {oid: Node(oid, code, name, parent_id, level, tuple(sorted(handles[oid])), oid in scope_ids)
             for oid, code, name, parent_id, level in offices}
    start, end = quarter_bounds(quarter)
    counts: Counter[tuple[int, int]] = Counter()
    posts = (Post.objects.filter(published_at__gte=start, published_at__lt=end, platform__in=platforms)
             .exclude(mentions=[]).values_list("office_id", "platform", "mentions"))
    for office_id, post_platform, mentions in posts.iterator(chunk_size=5000):
        if office_id not in nodes:
            continue
        targets = {owner.get((post_platform, handle_key(post_platform, str(m)))) for m in mentions or []}
        for target in targets - {None, office_id}:
            counts[(office_id, target)] += 1  # type: ignore[index]
    network = Network(focus, quarter, platform, nodes, counts)
    _analyse(network)
    _layout(network)
    return network


def _analyse(network: Network) -> None:
    nodes, counts = network.nodes, network.counts
    touching = [(a, b) for (a, b) in counts if nodes[a].in_scope or nodes[b].in_scope]
    network.edges = sorted((Edge(nodes[a], nodes[b], counts[(a, b)], counts.get((b, a), 0)) for a, b in touching),
                           key=lambda e: (-e.count, e.source.code, e.target.code))
    network.one_way = [e for e in network.edges if e.reverse == 0]
    partners: dict[int, set[int]] = {oid: set() for oid in nodes}
    for a, b in counts:
        partners[a].add(b)
        partners[b].add(a)
    network.isolated = [n for n in network.scope_nodes if not partners[n.office_id]]
    network.suggestions = [s for s in (_suggest(n, nodes, partners[n.office_id]) for n in network.scope_nodes)
                           if s.partners]


def _suggest(node: Node, nodes: dict[int, Node], partners: set[int]) -> Suggestion:
    """Nearby KPU accounts the office has not interacted with (either direction) this quarter: its
    province (or KPU RI for a province), then the offices it oversees, then its siblings under the
    same parent by closeness of region code; at most SUGGESTIONS_PER_OFFICE."""
    def distance(other: Node) -> int:
        if node.numeric_code is None or other.numeric_code is None:
            return 0
        return abs(other.numeric_code - node.numeric_code)

    candidates = [n for n in nodes.values() if n.office_id != node.office_id and n.office_id not in partners]
    parent = [n for n in candidates if n.office_id == node.parent_id]
    children = sorted((n for n in candidates if n.parent_id == node.office_id), key=lambda n: n.code)
    siblings = sorted((n for n in candidates if node.parent_id is not None and n.parent_id == node.parent_id),
                      key=lambda n: (distance(n), n.code))
    return Suggestion(node, (parent + children + siblings)[:SUGGESTIONS_PER_OFFICE])


def _layout(network: Network) -> None:
    """Spring layout with a fixed seed (the same data draws the same picture), scaled to the SVG."""
    graph = nx.DiGraph()
    for edge in network.edges:
        graph.add_edge(edge.source.office_id, edge.target.office_id, weight=edge.count)
    if not graph:
        return
    degree = dict(graph.degree(weight="weight"))
    if len(graph) > MAX_DRAWN_NODES:
        keep = sorted(graph, key=lambda oid: (-degree[oid], network.nodes[oid].code))[:MAX_DRAWN_NODES]
        graph = graph.subgraph(keep).copy()
    # A small network is drawn on a small canvas, so its circles and labels stay readable on a phone.
    width = min(WIDTH, max(420, int(170 * math.sqrt(len(graph)))))
    height = int(width * HEIGHT / WIDTH)
    network.width, network.height = width, height
    positions = nx.spring_layout(graph.to_undirected(), seed=8, k=1.6 / math.sqrt(len(graph)), iterations=80)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(oid: int) -> tuple[float, float]:
        x, y = positions[oid]
        return (round(MARGIN + (x - min(xs)) / span_x * (width - 2 * MARGIN), 1),
                round(MARGIN + (y - min(ys)) / span_y * (height - 2 * MARGIN), 1))

    for oid in sorted(graph, key=lambda o: network.nodes[o].code):
        x, y = place(oid)
        anchor = "start" if x < width * 0.25 else "end" if x > width * 0.75 else "middle"
        network.drawn_nodes.append(DrawnNode(network.nodes[oid], x, y, degree[oid], anchor))
    for a, b, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(a), place(b)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # stop short of both circles so the arrowhead shows; a mutual pair is drawn as two parallel lines
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        offset = 3.0 if graph.has_edge(b, a) else 0.0
        ox, oy = -dy * offset, dx * offset
        network.drawn_edges.append(DrawnEdge(
            round(x1 + dx * RADIUS + ox, 1), round(y1 + dy * RADIUS + oy, 1),
            round(x2 - dx * (RADIUS + 4) + ox, 1), round(y2 - dy * (RADIUS + 4) + oy, 1),
            round(min(6.0, 1.0 + math.log2(data["weight"])), 1), data["weight"],
            f"{network.nodes[a].label} → {network.nodes[b].label}: {data['weight']}"))
