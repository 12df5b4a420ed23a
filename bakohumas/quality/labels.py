"""Indonesian names of check codes, statuses and grades, for pages (codes stay stable in data)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {"lulus": _("lulus"), "peringatan": _("peringatan"), "gagal": _("gagal")}
STATUS_MARKS = {"lulus": "✓", "peringatan": "!", "gagal": "✗"}
GRADE_LABELS = {"baik": _("baik"), "cukup": _("cukup"), "tidak_layak": _("tidak layak")}
CHECK_LABELS = {
    # media
    "berkas": _("Berkas"), "resolusi": _("Resolusi"), "ketajaman": _("Ketajaman"), "pencahayaan": _("Pencahayaan"),
    "orientasi": _("Orientasi"), "derau": _("Derau"), "laju_bingkai": _("Laju bingkai"), "laju_bit": _("Laju bit"),
    "durasi": _("Durasi"), "audio": _("Audio"),
    # articles
    "panjang_judul": _("Panjang judul"), "teras_berita": _("Teras berita (apa, siapa, kapan, di mana)"),
    "panjang_isi": _("Panjang isi"), "kutipan": _("Kutipan narasumber"), "foto": _("Foto dan keterangannya"),
    "bukan_seremonial": _("Bukan sekadar seremonial"), "ejaan_istilah": _("Ejaan istilah kepemiluan"),
}
