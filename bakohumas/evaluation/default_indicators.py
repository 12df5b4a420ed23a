"""The default indicators of section 3 of `formats/laporan-bakohumas-triwulan.md`."""

from __future__ import annotations

from typing import Any

from django.db import transaction

POS, NEG = "positive", "negative"

# (code, name, kind, element | (numerator, denominator), polarity, group, phrase, short label[, term])
INDICATORS: list[tuple[str, str, str, str | tuple[str, str], str, str, str, str]
                 | tuple[str, str, str, str | tuple[str, str], str, str, str, str, str]] = [
    ("wa_bakohumas_eksternal", "Memanfaatkan grup WhatsApp Bakohumas eksternal", "share", "wa_bakohumas_eksternal",
     POS, "", "memanfaatkan grup WhatsApp Bakohumas eksternal", "Grup WA Bakohumas eksternal"),
    ("wa_media_center", "Grup WhatsApp Media Center aktif", "share", "wa_media_center",
     POS, "", "mengaktifkan grup WhatsApp Media Center", "Grup WA Media Center"),
    ("kerja_sama_media", "Kerja sama dengan media", "share", "kerja_sama_media",
     POS, "kerja_sama", "menjalin kerja sama dengan media", "Kerja sama media", "media"),
    ("kerja_sama_pendidikan", "Kerja sama dengan lembaga pendidikan", "share", "kerja_sama_pendidikan",
     POS, "kerja_sama", "menjalin kerja sama dengan lembaga pendidikan", "Kerja sama pendidikan", "lembaga pendidikan"),
    ("kerja_sama_pemerintah", "Kerja sama dengan lembaga pemerintah", "share", "kerja_sama_pemerintah",
     POS, "kerja_sama", "menjalin kerja sama dengan lembaga pemerintah", "Kerja sama pemerintah", "lembaga pemerintah"),
    ("kerja_sama_non_pemerintah", "Kerja sama dengan lembaga non-pemerintah", "share", "kerja_sama_non_pemerintah",
     POS, "kerja_sama", "menjalin kerja sama dengan lembaga non-pemerintah", "Kerja sama non-pemerintah", "lembaga non-pemerintah"),
    ("website_aktif", "Website memuat berita", "share", "berita_website",
     POS, "", "memublikasikan berita di website", "Website memuat berita"),
    ("podcast", "Memiliki podcast", "share", "episode_podcast",
     POS, "", "menayangkan podcast", "Podcast"),
    ("media_center", "Media Center dimanfaatkan", "share", "media_center_aktif",
     POS, "", "memanfaatkan Media Center sebagai ruang komunikasi", "Media Center"),
    ("kendala_sdm", "Kendala SDM", "share", "kendala_sdm",
     NEG, "kendala", "menyampaikan kendala SDM", "Kendala SDM", "SDM"),
    ("kendala_anggaran", "Kendala anggaran", "share", "kendala_anggaran",
     NEG, "kendala", "menyampaikan kendala anggaran", "Kendala anggaran", "anggaran"),
    ("kendala_sarpras", "Kendala sarana dan prasarana", "share", "kendala_sarpras",
     NEG, "kendala", "menyampaikan kendala sarana dan prasarana", "Kendala sarpras", "sarana dan prasarana"),
    ("ketepatan_layanan_informasi", "Ketepatan waktu layanan informasi publik", "ratio",
     ("permohonan_tepat_waktu", "permohonan_informasi"), POS, "", "", "Ketepatan layanan informasi"),
    ("porsi_seremonial", "Porsi ucapan seremonial di media sosial", "ratio",
     ("unggahan_seremonial", "unggahan_medsos"), NEG, "", "", "Porsi seremonial"),
]


@transaction.atomic
def indicators_load_default() -> int:
    """Create the default indicators that do not exist yet; returns how many were created."""
    from bakohumas.evaluation.models import Indicator

    existing = set(Indicator.objects.values_list("code", flat=True))
    new = []
    for order, (code, name, kind, source, polarity, group, phrase, short, *rest) in enumerate(INDICATORS, start=1):
        if code in existing:
            continue
        term = rest[0] if rest else ""
        fields: dict[str, Any] = (
            {"element": source} if kind == "share" else {"numerator": source[0], "denominator": source[1]}
        )
        new.append(Indicator(code=code, name=name, kind=kind, polarity=polarity, group=group, phrase=phrase,
                             short_label=short, term=term, order=order, **fields))
    Indicator.objects.bulk_create(new)
    return len(new)


def load_default_indicators_after_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    if "evaluation_indicator" not in connections[using].introspection.table_names():
        return
    indicators_load_default()
