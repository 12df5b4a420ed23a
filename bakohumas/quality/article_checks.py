"""Checks for a news article or press release while it is being written.

A pure function over the text: no database, no network, fast enough to run on every keystroke
(the publications editor calls it). Every rule is a visible word list or number below, so an
editor can see *why* a check warns; docs/media-checks.md lists them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bakohumas.core.formatting import join_id

PASS, WARN, FAIL = "lulus", "peringatan", "gagal"
KINDS = ("berita_website", "siaran_pers")
CODES = ("panjang_judul", "teras_berita", "panjang_isi", "kutipan", "foto", "bukan_seremonial", "ejaan_istilah")


@dataclass(frozen=True)
class ArticleCheck:
    code: str
    status: str  # "lulus" | "peringatan" | "gagal"
    detail: str  # Indonesian

    def as_dict(self) -> dict:
        return {"code": self.code, "status": self.status, "detail": self.detail}


# Title: words (a headline is read on a phone and in search results).
TITLE_WORDS = {"berita_website": (6, 14), "siaran_pers": (6, 16)}
TITLE_MAX_CHARS = 100  # cut off in search results and social previews beyond this
# Body: words, per kind (a press release is shorter and tighter than a website story).
BODY_WORDS = {"berita_website": (250, 150, 1200), "siaran_pers": (200, 120, 800)}  # (warn below, fail below, warn above)

# --- teras berita (lead): the 4W a reader must get from the first paragraph ----------------------
DAYS = r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
MONTHS = r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
WHEN = re.compile(rf"\b({DAYS}|{MONTHS}|hari ini|kemarin|besok|pagi|siang|sore|malam|pukul\s+\d|"
                  r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}\s+(" + MONTHS + r")|tahun\s+\d{4}|\d{4})\b", re.I)
WHERE = re.compile(r"\b([Dd]i|[Kk]e|[Dd]ari)\s+(aula|kantor|gedung|ruang|hotel|balai|desa|kelurahan|kecamatan|kabupaten|"
                   r"kota|provinsi|sekolah|kampus|universitas|pasar|lapangan|alun-alun|pendopo|masjid|gereja|"
                   r"[A-Z][\w-]+)", re.U)
WHO = re.compile(r"\b(KPU|Bawaslu|DKPP|PPK|PPS|KPPS|Pantarlih|ketua|anggota|komisioner|sekretaris|kepala|"
                 r"bupati|wali ?kota|gubernur|camat|lurah|pemilih|warga|siswa|mahasiswa|pelajar|peserta|"
                 r"partai|tim|panitia|relawan|[A-Z][a-z]+ [A-Z][a-z]+)\b", re.U)
# "What happened": an Indonesian verb with the active me-/ber-/di- prefixes, or a common news verb.
WHAT = re.compile(r"\b((me|mem|men|meng|meny|ber|di|ter)[a-z]{3,}(kan|i|nya)?|menggelar|gelar|hadir|buka|"
                  r"resmikan|serahkan|lantik|tetapkan|umumkan|ajak|imbau)\b", re.I)

# --- kutipan (quote) ---------------------------------------------------------------------------
QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{12,})[\"“”„«»]")
SPEAKER_VERBS = r"kata|ujar|ujarnya|katanya|jelas|jelasnya|tutur|tuturnya|ungkap|ungkapnya|tegas|tegasnya|" \
                r"terang|terangnya|imbuh|imbuhnya|tambah|tambahnya|sebut|sebutnya|pesan|pesannya|papar|paparnya|" \
                r"menurut|mengatakan|menjelaskan|menegaskan|menyampaikan|mengungkapkan|menambahkan|menuturkan"
SPEAKER = re.compile(rf"\b({SPEAKER_VERBS})\b", re.I)

# --- bukan seremonial: greetings and formulas that carry no information --------------------------
CEREMONIAL = [
    r"selamat (hari|ulang tahun|datang|idul|natal|tahun baru|menunaikan)", r"dirgahayu", r"mengucapkan (selamat|terima kasih)",
    r"segenap (pimpinan|jajaran|keluarga besar)", r"keluarga besar kpu", r"turut berduka", r"mohon maaf lahir",
    r"marhaban", r"semoga (sukses|lancar|bermanfaat|berkah)", r"berjalan (dengan )?(lancar|khidmat|sukses)",
    r"penuh (khidmat|kekeluargaan)", r"foto bersama", r"ramah tamah", r"doa bersama", r"apel pagi",
    r"upacara (bendera|peringatan)", r"tasyakuran", r"halal bihalal", r"silaturahmi", r"peringatan hari",
]
CEREMONIAL_RE = re.compile(r"\b(" + "|".join(CEREMONIAL) + r")", re.I)
# Signs of information: numbers, dates, the election's stages, decisions.
INFORMATIVE = re.compile(r"\b(\d+|pemilih|daftar pemilih|DPT|DPS|tahapan|coklit|pencocokan|rekapitulasi|"
                         r"sosialisasi|pendaftaran|verifikasi|penetapan|keputusan|jadwal|syarat|cara|"
                         r"data|hasil|anggaran|target|partisipasi|kampanye|logistik|TPS|pemungutan|"
                         r"penghitungan|pencalonan|calon|dapil|aduan|layanan)\b", re.I)

# --- ejaan istilah: wrong -> right. Patterns are case-sensitive where capitalisation is the point. --
SPELLING: list[tuple[str, str, str]] = [
    # (pattern, correct form, why). Matches equal to the correct form are not reported; (?i) = any capitals.
    # KBBI: "pemilu" is a common noun ("tahapan pemilu"); only a named election is capitalised:
    # "Pemilu 2024", "Pemilu Serentak", "Pemilu Legislatif", "Pemilu Presiden".
    (r"\bpemilu(?= (?:[Tt]ahun )?(?:19|20)\d\d\b| (?:[Ss]erentak|[Ll]egislatif|[Pp]residen)\b)",
     "Pemilu", "nama penyelenggaraan pemilu tertentu (mis. Pemilu 2024) ditulis dengan huruf awal kapital"),
    (r"\bPEMILU\b", "Pemilu", "akronim yang dibaca sebagai kata ditulis dengan huruf awal kapital"),
    (r"(?<![\w./@-])(kpu|Kpu)(?![\w.@/-])", "KPU", "singkatan nama lembaga ditulis kapital"),
    (r"\b(bawaslu|BAWASLU)\b", "Bawaslu", "nama lembaga"),
    (r"\bKPUD\b", "KPU Provinsi/Kabupaten/Kota", "sebutan \"KPUD\" tidak dipakai lagi sejak UU 15/2011"),
    (r"\bKPU (kabupaten|kota|provinsi)(?= [A-Z])", "KPU Kabupaten/Kota/Provinsi",
     "bagian nama lembaga ditulis dengan huruf awal kapital"),
    (r"\b[Kk]ab\.", "Kabupaten", "jangan disingkat dalam berita"),
    (r"\b[Pp]rov\.", "Provinsi", "jangan disingkat dalam berita"),
    (r"\b(cocklit|coglit|co-klit|COKLIT)\b", "coklit", "pencocokan dan penelitian ditulis \"coklit\""),
    (r"\bPemilih Pemula\b", "pemilih pemula", "bukan nama diri, ditulis dengan huruf kecil"),
    (r"\b(TPS-TPS|tps)\b", "TPS", "singkatan ditulis kapital; bentuk jamak cukup \"TPS\""),
    (r"\b(e-KTP|EKTP|E-KTP|eKTP|KTP elektronik)\b", "KTP-el", "istilah resmi Dukcapil"),
    (r"\b(SIREKAP|sirekap)\b", "Sirekap", "nama aplikasi ditulis dengan huruf awal kapital"),
    (r"\b(SIDALIH|sidalih)\b", "Sidalih", "nama aplikasi ditulis dengan huruf awal kapital"),
    (r"\b(hari|Hari) H\b", "hari-H", "ditulis dengan tanda hubung"),
    (r"(?i)\bkwalitas\b", "kualitas", "ejaan baku"),
    (r"(?i)\bhimbau(an)?\b", "imbau/imbauan", "ejaan baku"),
    (r"(?i)\bmenghimbau\b", "mengimbau", "ejaan baku"),
    (r"(?i)\bjadual\b", "jadwal", "ejaan baku"),
    (r"(?i)\bsyah\b", "sah", "ejaan baku"),
    (r"(?i)\bnasehat\b", "nasihat", "ejaan baku"),
    (r"(?i)\bpraktek\b", "praktik", "ejaan baku"),
    (r"(?i)\bijin\b", "izin", "ejaan baku"),
    (r"(?i)\baktifitas\b", "aktivitas", "ejaan baku"),
    (r"(?i)\bobyek\b", "objek", "ejaan baku"),
    (r"(?i)\bsekedar\b", "sekadar", "ejaan baku"),
    (r"(?i)\bresiko\b", "risiko", "ejaan baku"),
    (r"(?i)\bterlanjur\b", "telanjur", "ejaan baku"),
]
SPELLING_RULES = [(re.compile(p), right, why) for p, right, why in SPELLING]
# Abbreviations a reader must see spelled out at their first use.
EXPANSIONS = {
    "DPT": "Daftar Pemilih Tetap", "DPS": "Daftar Pemilih Sementara", "DPTb": "Daftar Pemilih Tambahan",
    "DPK": "Daftar Pemilih Khusus", "PPK": "Panitia Pemilihan Kecamatan", "PPS": "Panitia Pemungutan Suara",
    "KPPS": "Kelompok Penyelenggara Pemungutan Suara", "Pantarlih": "Petugas Pemutakhiran Data Pemilih",
    "DKPP": "Dewan Kehormatan Penyelenggara Pemilu",
}  # TPS is left out on purpose: every reader knows it


def check_article(*, kind: str, title: str, lead: str, body: str, photo_caption: str | None) -> list[ArticleCheck]:
    """The checklist for a draft, in a fixed order (CODES). `lead` is the first paragraph; `body`
    the rest (the lead may also be repeated at its start); `photo_caption` None = no photo."""
    if kind not in KINDS:
        raise ValueError(f"unknown article kind: {kind!r}")
    title, lead, body = title.strip(), lead.strip(), body.strip()
    text = f"{lead}\n{body}" if lead and not body.startswith(lead) else body
    return [
        _title(kind, title),
        _lead(lead),
        _body(kind, text),
        _quote(text),
        _photo(photo_caption),
        _ceremonial(title, text),
        _spelling(title, f"{text}\n{photo_caption or ''}"),
    ]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _title(kind: str, title: str) -> ArticleCheck:
    low, high = TITLE_WORDS[kind]
    count = words(title)
    if not count:
        return ArticleCheck("panjang_judul", FAIL, _("Judul belum diisi."))
    if len(title) > TITLE_MAX_CHARS:
        return ArticleCheck("panjang_judul", WARN, _("Judul %(n)s karakter; lebih dari %(max)s karakter akan "
                                                     "terpotong di hasil pencarian.") % {"n": len(title),
                                                                                         "max": TITLE_MAX_CHARS})
    if count < low:
        return ArticleCheck("panjang_judul", WARN, _("Judul %(n)s kata; terlalu pendek untuk menjelaskan isi "
                                                     "(dianjurkan %(low)s–%(high)s kata).")
                            % {"n": count, "low": low, "high": high})
    if count > high:
        return ArticleCheck("panjang_judul", WARN, _("Judul %(n)s kata; dianjurkan paling banyak %(high)s kata.")
                            % {"n": count, "high": high})
    return ArticleCheck("panjang_judul", PASS, _("Judul %(n)s kata.") % {"n": count})


def _lead(lead: str) -> ArticleCheck:
    if not lead:
        return ArticleCheck("teras_berita", FAIL, _("Teras berita (paragraf pertama) belum diisi."))
    found = {
        _("apa"): WHAT.search(lead), _("siapa"): WHO.search(lead),
        _("kapan"): WHEN.search(lead), _("di mana"): WHERE.search(lead),
    }
    missing = [name for name, match in found.items() if not match]
    if not missing:
        return ArticleCheck("teras_berita", PASS, _("Teras berita menjawab apa, siapa, kapan, dan di mana."))
    hints = {_("apa"): _("kegiatan (kata kerja)"), _("siapa"): _("pelaku, misalnya KPU atau nama orang"),
             _("kapan"): _("hari atau tanggal"), _("di mana"): _("tempat, misalnya \"di Aula KPU\"")}
    status = FAIL if len(missing) >= 3 else WARN
    return ArticleCheck("teras_berita", status, _("Teras berita belum menjawab %(missing)s (tambahkan %(hints)s).")
                        % {"missing": join_id(missing), "hints": join_id([hints[m] for m in missing])})


def _body(kind: str, text: str) -> ArticleCheck:
    warn_below, fail_below, warn_above = BODY_WORDS[kind]
    count = words(text)
    values = {"n": count, "min": warn_below, "fail": fail_below, "max": warn_above}
    if count < fail_below:
        return ArticleCheck("panjang_isi", FAIL, _("Isi %(n)s kata; terlalu pendek (minimal %(fail)s kata, "
                                                   "dianjurkan %(min)s).") % values)
    if count < warn_below:
        return ArticleCheck("panjang_isi", WARN, _("Isi %(n)s kata; dianjurkan minimal %(min)s kata.") % values)
    if count > warn_above:
        return ArticleCheck("panjang_isi", WARN, _("Isi %(n)s kata; lebih dari %(max)s kata, pertimbangkan "
                                                   "meringkas.") % values)
    return ArticleCheck("panjang_isi", PASS, _("Isi %(n)s kata.") % values)


def _quote(text: str) -> ArticleCheck:
    for match in QUOTE.finditer(text):
        # The speaker verb sits right after the closing mark or shortly before the opening one.
        around = text[max(0, match.start() - 80):match.start()] + " " + text[match.end():match.end() + 60]
        if SPEAKER.search(around):
            return ArticleCheck("kutipan", PASS, _("Ada kutipan narasumber."))
    if QUOTE.search(text):
        return ArticleCheck("kutipan", WARN, _("Ada teks dalam tanda petik, tetapi tanpa keterangan siapa yang "
                                               "berbicara (misalnya: \"...,\" kata Ketua KPU)."))
    return ArticleCheck("kutipan", WARN, _("Belum ada kutipan langsung narasumber dalam tanda petik, diikuti "
                                           "kata, ujar, atau jelas."))


def _photo(caption: str | None) -> ArticleCheck:
    if caption is None:
        return ArticleCheck("foto", WARN, _("Belum ada foto."))
    if not caption.strip():
        return ArticleCheck("foto", WARN, _("Foto belum diberi keterangan (siapa, sedang apa, di mana)."))
    if words(caption) < 5:
        return ArticleCheck("foto", WARN, _("Keterangan foto terlalu singkat; sebutkan siapa, sedang apa, di mana."))
    return ArticleCheck("foto", PASS, _("Ada foto dengan keterangan."))


def _ceremonial(title: str, text: str) -> ArticleCheck:
    formulas = sorted({m.group(0).lower() for m in CEREMONIAL_RE.finditer(f"{title}\n{text}")})
    facts = len(INFORMATIVE.findall(text))
    sentences = max(1, len(re.findall(r"[.!?](\s|$)", text)))
    if not formulas:
        return ArticleCheck("bukan_seremonial", PASS, _("Tidak ada ungkapan seremonial."))
    # A ceremonial formula is fine inside a story that also carries information.
    if facts >= max(3, sentences // 3):
        return ArticleCheck("bukan_seremonial", PASS, _("Memuat informasi, bukan sekadar seremonial."))
    status = FAIL if facts == 0 else WARN
    return ArticleCheck("bukan_seremonial", status, _(
        "Tulisan terkesan seremonial (%(formulas)s) dan sedikit informasi: tambahkan apa yang diputuskan, "
        "angka, jadwal, atau manfaatnya bagi pemilih.") % {"formulas": ", ".join(f"\u201c{f}\u201d" for f in formulas[:5])})


def _spelling(title: str, text: str) -> ArticleCheck:
    mistakes: list[str] = []
    for pattern, right, why in SPELLING_RULES:
        found_in_text = {m.group(0).strip() for m in pattern.finditer(text)}
        # Headlines capitalise every word: in the title only misspellings count, not capitals.
        found_in_title = {f for f in (m.group(0).strip() for m in pattern.finditer(title)) if f.lower() != right.lower()}
        for found in sorted(found_in_text | found_in_title):
            if found != right:
                mistakes.append(_("“%(wrong)s” → “%(right)s” (%(why)s)")
                                % {"wrong": found, "right": right, "why": why})
    text = f"{title}\n{text}"
    for short, long in EXPANSIONS.items():
        first = re.search(rf"\b{short}\b", text)
        if first and long.lower() not in text[:first.start() + len(short) + 5].lower():
            mistakes.append(_("“%(short)s” belum dijelaskan pada penyebutan pertama: tulis “%(long)s "
                              "(%(short)s)”") % {"short": short, "long": long})
    if not mistakes:
        return ArticleCheck("ejaan_istilah", PASS, _("Penulisan istilah kepemiluan sudah sesuai."))
    return ArticleCheck("ejaan_istilah", WARN, _("Perbaiki penulisan: %(list)s.") % {"list": "; ".join(mistakes)})
