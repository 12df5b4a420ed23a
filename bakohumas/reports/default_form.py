"""The default quarterly form: section 1 of `formats/laporan-bakohumas-triwulan.md`."""

from __future__ import annotations

from django.db import transaction

FORM_CODE = "bakohumas-triwulan"
FORM_TITLE = "Laporan Bakohumas Triwulan"

B, I, T = "boolean", "integer", "text"

# (code, kind, label, section, help text)
ELEMENTS: list[tuple[str, str, str, str, str]] = [
    ("wa_bakohumas_eksternal", B, "Memanfaatkan grup WhatsApp Bakohumas eksternal", "Saluran komunikasi", ""),
    ("wa_media_center", B, "Grup WhatsApp Media Center aktif", "Saluran komunikasi",
     "Grup WhatsApp bersama wartawan/media yang dikelola Media Center."),
    ("kerja_sama_media", I, "Jumlah kerja sama aktif dengan media", "Kerja sama", ""),
    ("kerja_sama_pendidikan", I, "Jumlah kerja sama aktif dengan lembaga pendidikan", "Kerja sama", ""),
    ("kerja_sama_pemerintah", I, "Jumlah kerja sama aktif dengan lembaga pemerintah", "Kerja sama", ""),
    ("kerja_sama_non_pemerintah", I, "Jumlah kerja sama aktif dengan lembaga non-pemerintah", "Kerja sama", ""),
    ("berita_website", I, "Jumlah berita yang dipublikasikan di website", "Publikasi", ""),
    ("unggahan_medsos", I, "Jumlah unggahan media sosial", "Publikasi", ""),
    ("unggahan_seremonial", I, "Dari unggahan itu, jumlah ucapan seremonial", "Publikasi",
     "Ucapan hari besar, selamat, belasungkawa, dan sejenisnya."),
    ("episode_podcast", I, "Jumlah episode podcast", "Publikasi", ""),
    ("media_center_aktif", B, "Media Center dimanfaatkan sebagai ruang komunikasi", "Publikasi", ""),
    ("siaran_langsung", I, "Jumlah siaran langsung (live streaming)", "Publikasi", ""),
    ("permohonan_informasi", I, "Jumlah permohonan informasi publik yang diterima", "Layanan informasi publik", ""),
    ("permohonan_tepat_waktu", I, "Dari permohonan itu, yang dijawab dalam batas waktu", "Layanan informasi publik", ""),
    ("dokumen_perpustakaan", I, "Jumlah dokumen kepemiluan yang diinventarisasi", "Perpustakaan Pemilu", ""),
    ("pengajuan_isbn", I, "Jumlah buku yang diajukan ISBN melalui KPU RI", "Perpustakaan Pemilu", ""),
    ("kegiatan_non_anggaran", I, "Jumlah kegiatan kehumasan tanpa anggaran (non-budgeting)", "Kegiatan", ""),
    ("kendala_sdm", B, "Kendala kuantitas/kualitas SDM", "Kendala", ""),
    ("kendala_anggaran", B, "Kendala anggaran", "Kendala", ""),
    ("kendala_sarpras", B, "Kendala sarana dan prasarana", "Kendala", ""),
    ("uraian_kendala", T, "Uraian kendala", "Kendala", ""),
    ("catatan", T, "Catatan", "Catatan", ""),
]

# The largest count one KPU Kabupaten/Kota can plausibly report for one quarter, per integer element:
# generous (roughly ten times the busiest office's figure) so that no true answer is refused, small
# enough that a slip of the thumb (an extra "000") is caught at the field. Other elements: DEFAULT_MAX.
DEFAULT_MAX = 100_000
MAXIMA: dict[str, int] = {
    "kerja_sama_media": 1_000,
    "kerja_sama_pendidikan": 1_000,
    "kerja_sama_pemerintah": 1_000,
    "kerja_sama_non_pemerintah": 1_000,
    "berita_website": 10_000,
    "unggahan_medsos": 50_000,
    "unggahan_seremonial": 50_000,
    "episode_podcast": 1_000,
    "siaran_langsung": 1_000,
    "permohonan_informasi": 100_000,
    "permohonan_tepat_waktu": 100_000,
    "dokumen_perpustakaan": 100_000,
    "pengajuan_isbn": 1_000,
    "kegiatan_non_anggaran": 10_000,
}

RULES: list[tuple[str, str, str]] = [
    ("unggahan_seremonial", "unggahan_medsos",
     "Jumlah ucapan seremonial tidak boleh melebihi jumlah unggahan media sosial."),
    ("permohonan_tepat_waktu", "permohonan_informasi",
     "Permohonan yang dijawab tepat waktu tidak boleh melebihi jumlah permohonan yang diterima."),
]


@transaction.atomic
def form_load_default() -> bool:
    """Create version 1 of the default form if no version exists yet; returns True if created."""
    from bakohumas.reports.models import Element, ElementRule, FormVersion

    if FormVersion.objects.filter(code=FORM_CODE).exists():
        return False
    form = FormVersion.objects.create(code=FORM_CODE, version=1, title=FORM_TITLE, is_active=True)
    Element.objects.bulk_create(
        Element(form=form, code=code, kind=kind, label=label, section=section, help_text=help_text,
                required=kind != T, max_value=MAXIMA.get(code, DEFAULT_MAX) if kind == I else None, order=index)
        for index, (code, kind, label, section, help_text) in enumerate(ELEMENTS, start=1)
    )
    ElementRule.objects.bulk_create(ElementRule(form=form, left=l, right=r, message=m) for l, r, m in RULES)
    return True


def load_default_form_after_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    if "reports_formversion" not in connections[using].introspection.table_names():
        return
    form_load_default()
