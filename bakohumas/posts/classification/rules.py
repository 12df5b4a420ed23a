"""Transparent rules: decide the clear cases and name the phrase that decided them.

Three kinds of signal are looked for in a post:

* ceremonial phrases: greeting formulas ("selamat hari raya idul fitri", "dirgahayu", "mohon maaf
  lahir dan batin", "turut berduka cita", "HUT ke-80"...), the names of national and religious days,
  and commemorative events ("upacara bendera", "tasyakuran", "halal bihalal"...);
* strong information signals: election stages and schedules, voter registration, regulations,
  socialisation, coordination meetings, announcements, results, services, recruitment, logistics,
  date ranges and deadlines; single words are matched on their Sastrawi stem, so "pendaftaran",
  "mendaftar" and "didaftarkan" are one signal;
* weak information signals (a time of day, "pemilih", "pemilu", "informasi"...), which keep the
  rules from calling a post ceremonial but do not decide on their own.

Decision (the contract: a mixed post is `informasi`):

1. any strong information signal -> informasi (with or without a greeting);
2. a ceremonial phrase and no information signal at all -> seremonial;
3. anything else -> undecided; the trained model settles it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INFORMASI = "informasi"
SEREMONIAL = "seremonial"

_MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
           "november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des")

_DAYS = (
    # national days
    r"hari kemerdekaan(?: ri| republik indonesia)?|hari pahlawan(?: nasional)?|hari kartini|hari sumpah pemuda|"
    r"hari lahir pancasila|hari kesaktian pancasila|hari ibu(?: nasional)?|hari guru(?: nasional)?|"
    r"hari pendidikan nasional|hardiknas|hari kebangkitan nasional|harkitnas|hari bela negara|hari santri(?: nasional)?|"
    r"hari buruh(?: internasional)?|hari bhayangkara|hari anak(?: nasional)?|hari lingkungan hidup(?: sedunia)?|"
    r"hari bumi|hari batik(?: nasional)?|hari korpri|hari amal bakti|hari pers nasional|hari kesehatan nasional|"
    r"hari disabilitas internasional|hari perempuan internasional|hari pramuka|hari olahraga nasional|"
    r"hari demokrasi internasional|hari keterbukaan informasi(?: nasional)?|hari sumpah pemuda|hari jadi|"
    r"hari ulang tahun|hari raya|hari natal|hari nyepi|hari raya nyepi|hari raya waisak|hari anti korupsi(?: sedunia)?|"
    # religious days
    r"idul? ?fitri|idul? ?adha|lebaran|natal|nyepi|waisak|waisak|imlek|tahun baru imlek|maulid(?: nabi)?(?: muhammad(?: saw)?)?|"
    r"isra'? ?mi'?raj|isra'? ?mi'?kraj|tahun baru islam|tahun baru hijriah|1 muharram|1 syuro|paskah|jumat agung|wafat isa almasih|"
    r"kenaikan isa almasih|kenaikan yesus kristus|galungan|kuningan|ramadh?an|nuzulul qur'?an|tahun baru \d{4}"
)

_GREETING_RE = re.compile(
    r"\b(?:"
    r"selamat (?:hari raya |merayakan |memperingati |menyambut |datang bulan )?(?:" + _DAYS + r")"
    r"|selamat menunaikan(?: ibadah)?(?: puasa| shalat| sholat)?(?: \w+)?|selamat menjalankan(?: ibadah)?(?: puasa)?(?: \w+)?"
    r"|selamat ulang tahun|selamat ulang tahun ke-? ?\d+|selamat (?:dan sukses|atas (?:pelantikan|terpilihnya|dilantiknya))"
    r"|selamat bertugas|selamat tahun baru|selamat berbahagia|selamat beribadah|selamat berpuasa|selamat berlebaran"
    r"|mohon maaf lahir (?:dan|&) batin|minal '?aidin(?: wal faizin)?|taqabbalallahu minna wa minkum"
    r"|dirgahayu|hut (?:ke-? ?\d+|kpu|ri|republik indonesia|kemerdekaan|kabupaten|kota|provinsi|korpri|bhayangkara|tni)"
    r"|ulang tahun ke-? ?\d+|hari jadi ke-? ?\d+|milad ke-? ?\d+"
    r"|turut berduka(?: cita)?|berduka cita|duka cita|duka mendalam|innalill?ahi(?: wa ?inna ilaihi raji'?un)?|inna lill?ahi"
    r"|rest in peace|semoga (?:almarhum|almarhumah|arwah)\w*|marhaban ya ramadh?an|gong xi fa cai|rahajeng|om swastiastu"
    r"|merry christmas|happy new year|salam pancasila|merdeka!|jaya selalu|sukses selalu"
    r")"
)
_DAY_RE = re.compile(r"\b(?:" + _DAYS + r")\b")
_EVENT_RE = re.compile(
    r"\b(?:upacara(?: bendera| peringatan| pengibaran| penurunan| hut| hari| ziarah| kemerdekaan)?|apel (?:peringatan|hari)"
    r"|memperingati|peringatan (?:hari|hut|ulang tahun|detik-detik|isra|maulid|nuzulul|tahun baru)|tasyakuran|syukuran"
    r"|potong tumpeng|pemotongan tumpeng|tumpeng|ziarah|tabur bunga|halal ?bihalal|buka (?:puasa )?bersama|bukber"
    r"|lomba (?:17|tujuh belas|agustusan|hut)|lomba-lomba|menghias|hiasan|dekorasi|gapura|pawai|karnaval|doa bersama"
    r"|pengajian|tausiyah|santunan|hewan kurban|penyembelihan|sholat (?:id|ied)|shalat (?:id|ied)|mengheningkan cipta"
    r"|parade|senam bersama|jalan sehat|kirab|khataman)"
)

# Strong information signals, matched as phrases on the normalised text...
_INFO_PHRASE_RE = re.compile(
    r"\b(?:daftar pemilih(?: tetap| sementara| tambahan| khusus)?|dpt|dps|dpk|dptb|dphp|cek dpt|cekdptonline|"
    r"pencocokan dan penelitian|pemutakhiran data(?: pemilih)?|data pemilih|pindah memilih|"
    r"pendidikan pemilih|rapat koordinasi|rakor|rapat pleno|pleno terbuka|rekapitulasi|"
    r"pengumuman|mengumumkan|diumumkan|hasil (?:seleksi|pemilu|pemilihan|rekapitulasi|penghitungan|verifikasi|rapat|tes)|"
    r"pkpu|peraturan kpu|keputusan kpu|regulasi|undang-undang|uu nomor|uu no|surat edaran|juknis|petunjuk teknis|"
    r"ppid|informasi publik|permohonan informasi|jam (?:layanan|pelayanan|kerja|operasional)|layanan (?:\w+ )?(?:tetap|buka|tutup|dibuka|ditutup)|"
    r"helpdesk|help desk|posko|pengaduan|"
    r"lowongan|rekrutmen|seleksi (?:calon )?(?:anggota )?(?:ppk|pps|kpps|pantarlih|ptps)|pembentukan (?:badan adhoc|badan ad hoc|ppk|pps|kpps)|"
    r"badan ad ?hoc|"
    r"debat (?:publik|kandidat|calon|pasangan)|masa kampanye|kampanye|alat peraga|logistik|surat suara|kotak suara|bilik suara|"
    r"tps|pemungutan suara|penghitungan suara|pencalonan|pendaftaran|bakal calon|paslon|pasangan calon|"
    r"verifikasi|syarat|persyaratan|formulir|sirekap|sidalih|silon|sipol|sikadeka|jdih|"
    r"sosialisasi|simulasi|bimbingan teknis|bimtek|tahapan|jadwal|batas waktu|paling lambat|tenggat|"
    r"partai politik peserta|peserta pemilu|daerah pemilihan|dapil|sengketa|gugatan|"
    r"laporan (?:dana|keuangan|kinerja)|dana kampanye|lhkpn|pengadaan|tender|lelang|"
    r"statistik|infografis|rilis|siaran pers|klarifikasi|hoaks|hoax|cek fakta|"
    r"kunjungi (?:laman|website|situs|kantor)|melalui laman|melalui tautan|link di bio|tautan di bio|narahubung|hubungi|call center|"
    r"bertempat di|tempat pelaksanaan)\b"
)
_DATE_RANGE_RE = re.compile(
    r"\b\d{1,2}(?: (?:" + _MONTHS + r")(?: \d{4})?)? ?(?:-|s\.?d\.?|s/d|sampai(?: dengan)?|hingga) ?\d{1,2} (?:" + _MONTHS + r")\b"
    r"|\b(?:mulai|sejak|pada) tanggal \d{1,2}"
)
# ... and as Sastrawi stems of single words.
_INFO_STEMS = {
    "daftar": "pendaftaran", "coklit": "coklit", "mutakhir": "pemutakhiran", "sosialisasi": "sosialisasi",
    "jadwal": "jadwal", "tahap": "tahapan", "rekapitulasi": "rekapitulasi", "rekap": "rekapitulasi",
    "rekrut": "rekrutmen", "rekrutmen": "rekrutmen", "seleksi": "seleksi",
    "lowong": "lowongan", "verifikasi": "verifikasi", "kampanye": "kampanye", "debat": "debat",
    "logistik": "logistik", "pungut": "pemungutan", "hitung": "penghitungan",
    "sengketa": "sengketa", "regulasi": "regulasi", "bimtek": "bimtek", "simulasi": "simulasi",
    "umum": "", "informasi": "", "sosialisasikan": "sosialisasi", "pleno": "pleno", "distribusi": "distribusi",
    "sortir": "penyortiran", "lipat": "pelipatan", "uji": "uji publik", "wawancara": "wawancara",
    "lantik": "", "sumpah": "",
}
_INFO_STEMS = {stem: label for stem, label in _INFO_STEMS.items() if label}

_WEAK_RE = re.compile(
    r"\b(?:pukul \d{1,2}[.:]\d{2}|\d{1,2}[.:]\d{2} ?(?:wib|wita|wit)|pemilih|pemilu|pemilihan|pilkada|pilpres|pileg|"
    r"informasi|partisipasi|ayo|yuk|mari (?:cek|datang|daftar|gunakan)|tanggal \d{1,2}|\d{1,2} (?:" + _MONTHS + r") \d{4}|"
    r"hak pilih|suara|kotak|calon|program|kegiatan|kerja sama|mou|nota kesepahaman|audiensi|kunjungan kerja|monitoring|"
    r"evaluasi|supervisi|diskusi|webinar|seminar|workshop|lokakarya|fgd|narasumber|materi|peserta|data|lokasi|agenda|"
    r"kursi|indeks|survei|penetapan|anggaran|berkas|ppk|pps|kpps|pantarlih|layanan|pelayanan|tps)\b"
)


@dataclass(frozen=True)
class Signals:
    ceremonial: list[str]
    information: list[str]
    weak: list[str]


@dataclass(frozen=True)
class RuleDecision:
    category: str
    reason: str


def _unique(items: list[str], limit: int = 3) -> list[str]:
    seen: list[str] = []
    for item in items:
        item = item.strip(" .,!")
        if item and item not in seen and not any(item in other for other in seen):
            seen = [other for other in seen if other not in item]
            seen.append(item)
    return seen[:limit]


# A wish or a slogan ("semoga sukses mengawal setiap tahapan pemilu", "mari sukseskan pilkada") mentions
# the election in passing: it is not information, so it is left out when information is looked for.
_WISH_RE = re.compile(r"\b(?:semoga|sukseskan|mari kita sukseskan|mari sukseskan|doa kami|teruslah|jayalah)\b[^.!?\n]*")


def find_signals(normalised: str, tokens: list[str], stems: list[str]) -> Signals:
    wishes = {m.group(0) for m in _WISH_RE.finditer(normalised)}
    if wishes:
        wish_tokens = {tok for wish in wishes for tok in wish.split()}
        informative = _WISH_RE.sub(" . ", normalised)
    else:
        wish_tokens, informative = set(), normalised
    ceremonial = [m.group(0) for m in _GREETING_RE.finditer(normalised)]
    ceremonial += [m.group(0) for m in _EVENT_RE.finditer(normalised)]
    if not ceremonial:
        ceremonial = [m.group(0) for m in _DAY_RE.finditer(normalised)]
    information = [m.group(0) for m in _INFO_PHRASE_RE.finditer(informative)]
    information += [m.group(0) for m in _DATE_RANGE_RE.finditer(informative)]
    for token, stem in zip(tokens, stems, strict=True):
        if stem in _INFO_STEMS and token not in wish_tokens:
            information.append(token)
    weak = [m.group(0) for m in _WEAK_RE.finditer(informative)] if not information else []
    return Signals(ceremonial=_unique(ceremonial), information=_unique(information), weak=_unique(weak))


def _quoted(items: list[str]) -> str:
    return ", ".join(f"'{item[:50].strip()}'" for item in items)  # a reason stays well under 300 characters


def decide(signals: Signals) -> RuleDecision | None:
    """The rules' decision, or None when they do not settle the post."""
    if signals.information:
        if signals.ceremonial:
            return RuleDecision(INFORMASI, f"Ucapan atau peringatan ({_quoted(signals.ceremonial[:1])}) disertai "
                                           f"informasi publik ({_quoted(signals.information)}).")
        return RuleDecision(INFORMASI, f"Memuat informasi publik ({_quoted(signals.information)}).")
    if signals.ceremonial and not signals.weak:
        return RuleDecision(SEREMONIAL, f"Berisi ucapan atau peringatan seremonial ({_quoted(signals.ceremonial)}) "
                                        f"tanpa informasi publik.")
    return None
