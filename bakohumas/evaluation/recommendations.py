"""Recommendations ("saran") for an office, a province or the nation, derived from what is not met.

The rules are data: `RULES` maps a condition on the office's report values (element codes of
section 1 of the contract, ya/tidak as 1/0) to a piece of advice in Indonesian, and names the
indicator the advice belongs to. The general advice of the Rakor Bakohumas (internal evaluation,
talking to the previous Ketua Bakohumas, collaboration with local stakeholders, activities without
budget) is in the same table with its own conditions. docs/followup.md prints the table; the tests
walk through it row by row. Nothing here touches the database except `scope_recommendations`,
which only reads an `EvaluationResult` already computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bakohumas.core.formatting import join_id, whole_percent

if TYPE_CHECKING:
    from bakohumas.evaluation.engine import EvaluationResult, IndicatorResult

# Ceremonial posts above this share of all social-media posts call for a shift to public information.
CEREMONIAL_SHARE_LIMIT = 0.5
# A province/nation indicator counts as "weak" below this percentage of offices.
WEAK_PERCENT = 50
# How many weakest indicators scope advice names at most.
SCOPE_MAX_WEAK = 4
# Days since the last news on the office's own website after which the website counts as stale.
WEBSITE_STALE_DAYS = 31
# One rule for naming offices in any text of the evaluation: all of them up to this many, else the
# count and "lihat lampiran" (the per-office appendix of the documents, the XLSX sheets).
NAMES_LIMIT = 10


@dataclass(frozen=True)
class Recommendation:
    code: str
    text: str
    indicator: str | None


# --- conditions ------------------------------------------------------------------------------
# Each condition is a small frozen dataclass with `holds(values, late)` and `describe()` (the
# "Jika" column of the documentation table). Missing values count as 0 (tidak).


@dataclass(frozen=True)
class Below:
    """The element's value is below `threshold` (for ya/tidak: threshold 1 means "tidak")."""

    element: str
    threshold: int = 1

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        return (values.get(self.element) or 0) < self.threshold

    def describe(self) -> str:
        return f"{self.element} < {self.threshold}"


@dataclass(frozen=True)
class AtLeast:
    """The element's value is at least `threshold` (for ya/tidak: threshold 1 means "ya")."""

    element: str
    threshold: int = 1

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        return (values.get(self.element) or 0) >= self.threshold

    def describe(self) -> str:
        return f"{self.element} >= {self.threshold}"


@dataclass(frozen=True)
class ShareAbove:
    """numerator / denominator is above `limit` (never when the denominator is 0)."""

    numerator: str
    denominator: str
    limit: float

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        total = values.get(self.denominator) or 0
        return total > 0 and (values.get(self.numerator) or 0) / total > self.limit

    def describe(self) -> str:
        return f"{self.numerator} / {self.denominator} > {self.limit:.0%}"


@dataclass(frozen=True)
class FewerThan:
    """Fewer than `count` of the elements are at least 1."""

    elements: tuple[str, ...]
    count: int

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        return sum(1 for e in self.elements if (values.get(e) or 0) >= 1) < self.count

    def describe(self) -> str:
        return f"kurang dari {self.count} dari {', '.join(self.elements)} >= 1"


@dataclass(frozen=True)
class Late:
    """The report for the period came in after the deadline (or has not come in at all)."""

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        return late

    def describe(self) -> str:
        return "laporan terlambat"


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Below | AtLeast | ShareAbove | FewerThan | Late, ...]

    def holds(self, values: Mapping[str, int | None], late: bool) -> bool:
        return any(c.holds(values, late) for c in self.conditions)

    def describe(self) -> str:
        return " atau ".join(c.describe() for c in self.conditions)


Condition = Below | AtLeast | ShareAbove | FewerThan | Late | AnyOf

PARTNERSHIPS = ("kerja_sama_media", "kerja_sama_pendidikan", "kerja_sama_pemerintah", "kerja_sama_non_pemerintah")
LOCAL_PARTNERSHIPS = ("kerja_sama_pendidikan", "kerja_sama_pemerintah", "kerja_sama_non_pemerintah")


@dataclass(frozen=True)
class Rule:
    code: str
    when: Condition
    text: Promise  # advice to one office; "{contact}" is replaced by whom to contact
    indicator: str | None = None  # the indicator (code) the advice belongs to
    scope_text: Promise | None = None  # advice to a province/nation when the indicator is weak
    general: bool = False  # the Rakor's general advice, listed after the specific advice


RULES: tuple[Rule, ...] = (
    Rule("podcast", Below("episode_podcast"), _(
        "Mulai podcast kantor: rekam episode singkat tentang tahapan dan layanan KPU, unggah di kanal "
        "media sosial resmi, minimal satu episode per triwulan."),
        indicator="podcast",
        scope_text=_("Dorong KPU Kabupaten/Kota yang belum memiliki podcast untuk memulai minimal satu "
                     "episode per triwulan.")),
    Rule("wa_media_center", Below("wa_media_center"), _(
        "Aktifkan grup WhatsApp Media Center bersama wartawan dan pemangku kepentingan setempat, dan "
        "bagikan informasi kepemiluan secara rutin di grup itu."),
        indicator="wa_media_center",
        scope_text=_("Minta KPU Kabupaten/Kota mengaktifkan grup WhatsApp Media Center bersama media setempat.")),
    Rule("wa_bakohumas_eksternal", Below("wa_bakohumas_eksternal"), _(
        "Bergabung dan aktif di grup WhatsApp Bakohumas eksternal pemerintah daerah untuk memperluas "
        "jangkauan informasi KPU."),
        indicator="wa_bakohumas_eksternal",
        scope_text=_("Fasilitasi KPU Kabupaten/Kota bergabung dengan grup WhatsApp Bakohumas eksternal "
                     "pemerintah daerah.")),
    Rule("kerja_sama_media", Below("kerja_sama_media"), _(
        "Jajaki kerja sama dengan media lokal (radio, televisi, portal berita) untuk publikasi "
        "kegiatan dan informasi kepemiluan."),
        indicator="kerja_sama_media",
        scope_text=_("Dorong penjajakan kerja sama dengan media lokal, misalnya melalui pertemuan "
                     "bersama media di tingkat provinsi.")),
    Rule("website_aktif", Below("berita_website"), _(
        "Publikasikan berita kegiatan di website kantor secara rutin, minimal setiap ada kegiatan."),
        indicator="website_aktif",
        scope_text=_("Ingatkan KPU Kabupaten/Kota untuk memublikasikan berita kegiatan di website secara rutin.")),
    Rule("media_center", Below("media_center_aktif"), _(
        "Manfaatkan Media Center sebagai ruang komunikasi dengan wartawan dan masyarakat, misalnya "
        "untuk jumpa pers dan diskusi."),
        indicator="media_center",
        scope_text=_("Dorong pemanfaatan Media Center sebagai ruang komunikasi dengan media dan masyarakat.")),
    Rule("porsi_seremonial", ShareAbove("unggahan_seremonial", "unggahan_medsos", CEREMONIAL_SHARE_LIMIT), _(
        "Kurangi unggahan ucapan seremonial di media sosial; utamakan informasi publik tentang "
        "tahapan, layanan, dan edukasi pemilih."),
        indicator="porsi_seremonial",
        scope_text=_("Arahkan konten media sosial dari ucapan seremonial ke informasi publik dan edukasi pemilih.")),
    Rule("layanan_informasi", ShareAbove("permohonan_terlambat", "permohonan_informasi", 0), _(
        "Jawab setiap permohonan informasi publik dalam batas waktu; tetapkan petugas PPID "
        "yang memantau permohonan masuk."),
        indicator="ketepatan_layanan_informasi",
        scope_text=_("Pantau ketepatan waktu jawaban permohonan informasi publik di setiap PPID.")),
    Rule("laporan_terlambat", Late(), _(
        "Laporan triwulan disampaikan melewati batas waktu. Hubungi {contact} untuk memastikan "
        "laporan berikutnya tepat waktu."),
        scope_text=_("Tindak lanjuti KPU Kabupaten/Kota yang terlambat atau belum melapor melalui "
                     "pengingat dan komunikasi langsung.")),
    # The general advice of the Rakor Bakohumas.
    Rule("evaluasi_internal", AnyOf((AtLeast("kendala_sdm"), Late(),
                                     FewerThan(("berita_website", "episode_podcast", "wa_media_center",
                                                "media_center_aktif", "kerja_sama_media"), 3))), _(
        "Lakukan evaluasi internal kegiatan kehumasan: bagi tugas di antara staf, tetapkan target "
        "triwulan, dan tinjau capaiannya bersama Ketua."),
        indicator="kendala_sdm", general=True,
        scope_text=_("Lakukan evaluasi internal kehumasan di setiap KPU Kabupaten/Kota.")),
    Rule("ketua_sebelumnya", FewerThan(PARTNERSHIPS + ("wa_bakohumas_eksternal",), 1), _(
        "Komunikasikan dengan Ketua Bakohumas sebelumnya untuk melanjutkan jejaring dan kerja sama "
        "yang pernah dibangun."),
        general=True,
        scope_text=_("Jaga kesinambungan jejaring dengan berkomunikasi bersama Ketua Bakohumas sebelumnya.")),
    Rule("kolaborasi_pemangku", FewerThan(LOCAL_PARTNERSHIPS, 2), _(
        "Bangun kolaborasi dengan pemangku kepentingan setempat: lembaga pendidikan, pemerintah "
        "daerah, dan organisasi masyarakat."),
        indicator="kerja_sama_pendidikan", general=True,
        scope_text=_("Perluas kolaborasi dengan pemangku kepentingan setempat: lembaga pendidikan, "
                     "pemerintah daerah, dan organisasi masyarakat.")),
    # The advice of the Rakor Bakohumas that rests on the records beside the report
    # (evaluation/signals.py) or on elements no indicator counts.
    Rule("dokumentasi_sop", AnyOf((AtLeast("sop_terlambat"), AtLeast("media_tidak_layak"))), _(
        "Dokumentasikan setiap kegiatan sesuai SOP kehumasan dan standar foto, video, dan berita KPU: "
        "selesaikan langkah SOP tepat waktu dan ganti foto atau video yang tidak layak sebelum dipublikasikan."),
        general=True),
    Rule("perpustakaan_isbn", AnyOf((Below("dokumen_perpustakaan"), Below("pengajuan_isbn"))), _(
        "Inventarisasi dokumen kepemiluan kantor untuk Perpustakaan Pemilu, dan ajukan ISBN bagi buku "
        "terbitan kantor melalui KPU RI."),
        general=True),
    Rule("website_terbaru", AtLeast("website_hari_tanpa_berita", WEBSITE_STALE_DAYS), _(
        "Jadikan website kantor sumber informasi utama: berita terakhir di website sudah lebih dari "
        "sebulan lalu, muat berita setiap ada kegiatan dan tautkan unggahan media sosial ke website."),
        indicator="website_aktif", general=True),
    Rule("interaksi_akun", AtLeast("akun_terisolasi"), _(
        "Berinteraksi dengan akun media sosial KPU lain (KPU RI, KPU Provinsi, dan KPU Kabupaten/Kota "
        "sekitar): sebut, tandai, berkolaborasi, atau bagikan ulang unggahan mereka."),
        general=True),
    Rule("etika_siaran", AtLeast("siaran_langsung"), _(
        "Dalam siaran langsung, jaga etika: netral, tanpa atribut peserta pemilu, dengan izin orang yang "
        "tampil, dan tanpa menayangkan data pribadi."),
        general=True),
    Rule("non_anggaran", AtLeast("kendala_anggaran"), _(
        "Anggaran terbatas: jalankan kegiatan kehumasan tanpa anggaran (non-budgeting), misalnya "
        "siaran langsung di media sosial, podcast sederhana, dan kunjungan ke sekolah."),
        indicator="kendala_anggaran", general=True,
        scope_text=_("Kembangkan kegiatan kehumasan tanpa anggaran (non-budgeting) untuk mengatasi "
                     "keterbatasan anggaran.")),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}


def _derived(values: Mapping[str, int | None]) -> dict[str, int | None]:
    """Values plus `permohonan_terlambat` (requests not answered on time), so rules stay simple."""
    out = dict(values)
    received = values.get("permohonan_informasi") or 0
    on_time = values.get("permohonan_tepat_waktu") or 0
    out["permohonan_terlambat"] = max(received - on_time, 0)
    return out


def default_contact() -> str:
    return gettext("evaluator KPU Provinsi atau Ketua Divisi Sosialisasi, Pendidikan Pemilih, dan Partisipasi "
              "Masyarakat KPU Provinsi")


def office_recommendations(*, values: Mapping[str, int | None], late: bool, reported: bool = True,
                           contact: str | None = None, rules: tuple[Rule, ...] = RULES) -> list[Recommendation]:
    """Advice for one office from its report values of a period (element code -> number).

    `late`: the report came in after the deadline. `reported=False`: no report for the period; the
    advice then asks for the report (values unknown) plus the Rakor's internal evaluation.
    `contact`: whom to contact, e.g. "Budi Santoso (evaluator KPU Provinsi Jawa Timur, 0812…)".
    """
    who = contact or default_contact()
    if not reported:
        return [
            Recommendation("belum_melapor", gettext(
                "Laporan triwulan belum disampaikan. Segera isi dan kirim laporan; bila ada kendala, "
                "hubungi {contact}.").format(contact=who), None),
            Recommendation("evaluasi_internal", str(RULES_BY_CODE["evaluasi_internal"].text),
                           RULES_BY_CODE["evaluasi_internal"].indicator),
        ]
    data = _derived(values)
    chosen = [r for r in rules if r.when.holds(data, late)]
    chosen.sort(key=lambda r: r.general)  # specific advice first, table order kept otherwise
    return [Recommendation(r.code, str(r.text).format(contact=who), r.indicator) for r in chosen]


def _weak(item: IndicatorResult) -> bool:
    pct = whole_percent(item.numerator, item.denominator)
    if pct is None:
        return False
    if item.kind == "ratio":
        return pct > CEREMONIAL_SHARE_LIMIT * 100 if item.polarity == "negative" else pct < 100
    return pct < WEAK_PERCENT if item.polarity == "positive" else pct >= WEAK_PERCENT


def names_text(names: list[str], limit: int = NAMES_LIMIT) -> str:
    """The one rule for naming offices: "A, B, dan C" up to `limit`, else "25 kantor (lihat lampiran)"."""
    if len(names) <= limit:
        return join_id(names)
    return gettext("%(n)s kantor (lihat lampiran)") % {"n": len(names)}


@dataclass(frozen=True)
class ScopeTheme:
    """A theme of the Rakor's advice for a province or the nation. It fires when at least one evaluated
    office meets the condition of one of its `rules` (the office rules above, on the report values and
    the signals of evaluation/signals.py), and names those offices."""

    code: str
    label: Promise
    rules: tuple[str, ...]
    concern: Promise  # what the offices concerned have in common, after "n dari N KPU Kabupaten/Kota"
    advice: Promise
    indicator: str | None = None  # an indicator whose overall figure opens the line


SCOPE_THEMES: tuple[ScopeTheme, ...] = (
    ScopeTheme("dokumentasi", _("Dokumentasi sesuai SOP dan standar kehumasan"), ("dokumentasi_sop",),
               _("memiliki langkah SOP yang terlambat atau foto/video yang tidak layak"),
               _("Pastikan setiap kegiatan didokumentasikan sesuai SOP, dan foto, video, serta berita memenuhi "
                 "standar kehumasan KPU sebelum dipublikasikan.")),
    ScopeTheme("informasi", _("Informasi, bukan seremoni"), ("porsi_seremonial",),
               _("mengunggah lebih banyak ucapan seremonial daripada informasi"),
               _("Arahkan konten media sosial dari ucapan seremonial ke informasi tahapan, layanan, dan "
                 "edukasi pemilih."), indicator="porsi_seremonial"),
    ScopeTheme("ppid", _("PPID yang responsif"), ("layanan_informasi",),
               _("menjawab sebagian permohonan informasi publik melewati batas waktu"),
               _("Pastikan setiap PPID menjawab permohonan informasi dalam batas waktu dan memantau "
                 "permohonan yang masuk."), indicator="ketepatan_layanan_informasi"),
    ScopeTheme("podcast_media_center", _("Podcast dan Media Center"), ("podcast", "media_center"),
               _("belum memiliki podcast atau belum memanfaatkan Media Center"),
               _("Dorong podcast minimal satu episode per triwulan dan pemanfaatan Media Center sebagai "
                 "ruang komunikasi dengan media dan masyarakat.")),
    ScopeTheme("perpustakaan", _("Perpustakaan Pemilu dan ISBN"), ("perpustakaan_isbn",),
               _("belum menginventarisasi dokumen kepemiluan atau belum mengajukan ISBN"),
               _("Dorong inventarisasi dokumen kepemiluan untuk Perpustakaan Pemilu dan pengajuan ISBN "
                 "buku terbitan kantor melalui KPU RI.")),
    ScopeTheme("website", _("Website sebagai sumber informasi utama"), ("website_aktif", "website_terbaru"),
               _("tidak memuat berita di website atau berita terakhirnya lebih dari sebulan lalu"),
               _("Jadikan website kantor sumber informasi utama: berita setiap ada kegiatan, dan unggahan "
                 "media sosial menautkan ke website.")),
    ScopeTheme("interaksi", _("Interaksi antarakun KPU"), ("interaksi_akun",),
               _("tidak berinteraksi dengan akun KPU lain di media sosial"),
               _("Dorong akun KPU saling menyebut, menandai, berkolaborasi, dan membagikan ulang unggahan.")),
    ScopeTheme("siaran", _("Etika siaran langsung"), ("etika_siaran",),
               _("melakukan siaran langsung"),
               _("Ingatkan etika siaran langsung: netral, tanpa atribut peserta pemilu, dengan izin orang "
                 "yang tampil, dan tanpa menayangkan data pribadi.")),
)
THEME_RULES = {code for theme in SCOPE_THEMES for code in theme.rules}


def _theme_offices(theme: ScopeTheme, result: EvaluationResult,
                   values: Mapping[str, Mapping[str, int | None]]) -> list[str]:
    rules = [RULES_BY_CODE[code] for code in theme.rules]
    names = []
    for unit in result.offices:
        if not unit.submission_id:
            continue  # no report at all: nothing known, the missing-reports line covers it
        data = _derived(values.get(unit.code, {}))
        if any(rule.when.holds(data, unit.late) for rule in rules):
            names.append(unit.name)
    return names


def theme_lines(result: EvaluationResult, values: Mapping[str, Mapping[str, int | None]]) -> list[str]:
    lines = []
    evaluated = result.evaluated_count
    for theme in SCOPE_THEMES:
        names = _theme_offices(theme, result, values)
        if not names:
            continue
        figure = ""
        if theme.indicator:
            item = next((i for i in result.indicators if i.code == theme.indicator), None)
            pct = whole_percent(item.numerator, item.denominator) if item else None
            if item is not None and pct is not None:
                figure = " " + gettext("%(label)s keseluruhan %(pct)s%% (%(n)s dari %(total)s).") % {
                    "label": item.short_label, "pct": pct, "n": item.numerator, "total": item.denominator}
        lines.append(gettext("%(label)s: %(n)s dari %(total)s KPU Kabupaten/Kota yang dievaluasi %(concern)s."
                             "%(figure)s %(advice)s Kantor: %(names)s.") % {
            "label": theme.label, "n": len(names), "total": evaluated, "concern": theme.concern,
            "figure": figure, "advice": theme.advice, "names": names_text(names)})
    return lines


def missing_line(result: EvaluationResult) -> str | None:
    """Late and missing reports, with offices that never reported apart from those not updated."""
    never, stale = result.never_reported, result.stale
    parts = []
    if never:
        parts.append(gettext("%(n)s belum pernah melapor") % {"n": len(never)})
    if stale:
        parts.append(gettext("%(n)s belum memperbarui laporan") % {"n": len(stale)})
    if result.late:
        parts.append(gettext("%(n)s terlambat") % {"n": len(result.late)})
    if not parts:
        return None
    return f"{RULES_BY_CODE['laporan_terlambat'].scope_text} ({join_id(parts)})."


def scope_recommendations(result: EvaluationResult,
                          values: Mapping[str, Mapping[str, int | None]] | None = None) -> list[str]:
    """Advice for a province or the nation: the Rakor's themes that the figures call for, each naming
    its offices (`SCOPE_THEMES`); then the weakest indicators no theme covers, with the figures; then
    late and missing reports; then the Rakor's general advice. `values`: office code -> report values
    and signals (`report.scope_values`); computed when not given."""
    if values is None:
        from bakohumas.evaluation.report import scope_values

        values = scope_values(result)
    covered = {RULES_BY_CODE[code].indicator for code in THEME_RULES} - {None}
    by_indicator = {r.indicator: r for r in RULES if r.indicator and r.scope_text and not r.general}
    general_by_indicator = {r.indicator: r for r in RULES if r.indicator and r.general and r.scope_text}
    weak = [i for i in result.indicators if _weak(i) and i.code not in covered]

    def badness(item: IndicatorResult) -> float:
        pct = whole_percent(item.numerator, item.denominator) or 0
        return pct if item.polarity == "positive" else 100 - pct

    weak.sort(key=badness)
    lines: list[str] = theme_lines(result, values)
    used: set[str] = set()
    for item in weak:
        rule = by_indicator.get(item.code) or general_by_indicator.get(item.code)
        if rule is None or rule.code in used or len(used) >= SCOPE_MAX_WEAK:
            continue
        used.add(rule.code)
        pct = whole_percent(item.numerator, item.denominator)
        if item.kind == "share":
            figure = gettext("%(label)s: %(n)s dari %(total)s kantor (%(pct)s%%).") % {
                "label": item.short_label, "n": item.numerator, "total": item.denominator, "pct": pct}
        else:
            figure = gettext("%(label)s: %(pct)s%%.") % {"label": item.short_label, "pct": pct}
        lines.append(f"{figure} {rule.scope_text}")
    missing = missing_line(result)
    if missing:
        lines.append(missing)
    for rule in RULES:
        if rule.general and rule.code not in used and rule.scope_text:
            lines.append(str(rule.scope_text))
    return lines


def rules_table() -> list[tuple[str, str, str, str]]:
    """(code, indicator, condition, advice) for documentation and the help text of pages."""
    return [(r.code, r.indicator or "-", r.when.describe(), str(r.text)) for r in RULES]
