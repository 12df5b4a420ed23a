"""Demo posts: what KPU Kota Kediri and four other East Java offices published on the channels of
the records demo (bakohumas/records/demo.py CHANNELS) in 2025 Q2 and Q3 and in the weeks up to the
day the demo is loaded, so the governance pages (posts per week, share of ceremony, days since the
last website news, quiet accounts, the network of KPU accounts) and the `unggahan_medsos`
suggestion of the quarterly report have something real to show.

Everything goes through `posts_import` (the canonical CSV contract, ../shared/formats/posts.md),
so the real classifier decides `informasi` / `seremonial`; two posts of Kota Kediri then get a
staff correction through `post_correct` (see CORRECTIONS). Deterministic (seeded), idempotent: an
office that already has imported posts is left as it is. Captions are written for the demo; no
real person is named and nothing is read from a real account.

Deliberate shapes:
- Kota Kediri's TikTok (run by volunteers) went quiet: its last post is 52 days before loading.
- Mentions on Instagram: Kota Kediri <-> Kabupaten Kediri both ways, Kota Malang -> Kota Kediri
  one way, Kota Surabaya -> Kota Malang one way; Banyuwangi mentions and is mentioned by nobody.
  The province (35) has no channel in the records demo, so it is not in the network."""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bakohumas.offices.models import Office, User
from bakohumas.posts.models import Category, Post
from bakohumas.posts.services import normalise_url, post_correct, posts_import

D = dt.date
Q2_Q3 = (D(2025, 4, 1), D(2025, 9, 30))
OPERATOR_USERNAME = "operator.kediri"


@dataclass(frozen=True)
class Account:
    platform: str
    account: str  # as the import's `akun` column: handle without @, or the website's host
    in_2025: int  # posts in 2025 Q2 and Q3
    trickle: int  # posts between October 2025 and the recent weeks (spread evenly)
    recent: int  # posts in the 60 days before loading
    last_days_ago: int = 1  # the most recent post, days before loading
    mentions: tuple[str, ...] = ()  # Instagram handles this account tags now and then


# office code -> its accounts (all of them are channels in the records demo)
ACCOUNTS: dict[str, list[Account]] = {
    "3571": [
        Account("instagram", "kpukotakediri", 30, 4, 12, 1, ("kpukabkediri",)),
        Account("facebook", "kpukotakediri", 14, 3, 5, 2),
        Account("website", "kota-kediri.kpu.go.id", 12, 3, 5, 4),
        Account("youtube", "kpukotakediri", 5, 2, 2, 9),
        Account("tiktok", "kpukotakediri", 10, 2, 0, 52),  # quiet on purpose
    ],
    "3506": [
        Account("instagram", "kpukabkediri", 20, 3, 7, 2, ("kpukotakediri",)),
        Account("website", "kab-kediri.kpu.go.id", 8, 2, 3, 11),
        Account("youtube", "KPU Kabupaten Kediri", 2, 1, 1, 20),
    ],
    "3573": [
        Account("instagram", "kpukotamalang", 18, 3, 6, 1, ("kpukotakediri",)),
        Account("website", "kota-malang.kpu.go.id", 6, 2, 2, 19),
        Account("tiktok", "kpukotamalang", 8, 2, 3, 6),
    ],
    "3578": [
        Account("instagram", "kpukotasurabaya", 18, 3, 6, 1, ("kpukotamalang",)),
        Account("x", "kpusurabaya", 8, 2, 4, 3),
        Account("threads", "kpukotasurabaya", 5, 1, 2, 8),
        Account("website", "kota-surabaya.kpu.go.id", 9, 3, 4, 7),
    ],
    "3510": [
        Account("instagram", "kpubanyuwangi", 12, 2, 5, 3),
        Account("facebook", "KPU Kabupaten Banyuwangi", 7, 1, 3, 5),
    ],
}

PLACES = {"3571": "Kota Kediri", "3506": "Kabupaten Kediri", "3573": "Kota Malang", "3578": "Kota Surabaya",
          "3510": "Kabupaten Banyuwangi"}

# Public information: stages, voter data, services, education, coordination, the office's work.
INFORMATION = [
    "Pemutakhiran data pemilih berkelanjutan (PDPB) {bulan}: KPU {tempat} menetapkan rekapitulasi daftar "
    "pemilih. Cek status Anda di cekdptonline.kpu.go.id.",
    "Sudah pindah domisili atau baru berusia 17 tahun? Laporkan ke layanan PDPB KPU {tempat} agar data "
    "pemilih tetap akurat. Layanan buka Senin–Jumat pukul 08.00–16.00.",
    "Rapat koordinasi dengan Disdukcapil dan Bakesbangpol membahas sinkronisasi data pemilih pemula dan "
    "pemilih yang meninggal dunia.",
    "Layanan PPID KPU {tempat}: permohonan informasi publik dapat diajukan langsung, melalui surel, atau "
    "formulir daring. Jawaban paling lambat 10 hari kerja.",
    "Sosialisasi pendidikan pemilih di SMA dan SMK: siswa belajar cara mengecek DPT, hak pilih, dan bahaya "
    "politik uang.",
    "Rilis: hasil evaluasi partisipasi pemilih Pilkada 2024 di {tempat} mencapai {persen}%. Rincian per "
    "kecamatan dapat diunduh di laman PPID.",
    "Infografis: tahapan pemutakhiran data pemilih berkelanjutan dan jadwal rekapitulasi triwulan ini.",
    "Kelas demokrasi bersama mahasiswa: mengenal penyelenggara pemilu, tugas KPU, Bawaslu, dan DKPP.",
    "Pengumuman: pendaftaran relawan demokrasi dibuka hingga {tanggal}. Syarat dan formulir ada di tautan bio.",
    "Podcast Suara Pemilih episode baru sudah tayang: membahas data pemilih disabilitas dan akses TPS.",
    "Pelayanan tanggapan masyarakat: laporkan data ganda atau pemilih tidak dikenal melalui layanan PDPB "
    "di kantor KPU {tempat}.",
    "Bimbingan teknis pengelolaan arsip dan dokumentasi tahapan bagi staf sekretariat.",
    "Pelantikan anggota PPK dan PPS pengganti antarwaktu: daftar nama dan wilayah tugas diumumkan di laman "
    "KPU {tempat}.",
    "Uji publik rancangan daerah pemilihan: masyarakat dapat memberi masukan sampai {tanggal}.",
    "Siaran langsung tanya jawab pemutakhiran data pemilih malam ini pukul 19.30 WIB. Kirim pertanyaan Anda "
    "di kolom komentar.",
    "Penandatanganan kerja sama dengan perguruan tinggi untuk pendidikan pemilih pemula dan riset "
    "partisipasi.",
    "Audiensi dengan organisasi penyandang disabilitas: membahas aksesibilitas informasi kepemiluan.",
    "Rekapitulasi daftar pemilih berkelanjutan triwulan ini: pemilih baru {baru} orang, dicoret karena "
    "meninggal dunia {coret} orang.",
    "Coklit terbatas di kelurahan bersama PPS: petugas mendatangi rumah pemilih yang datanya belum padan.",
    "Hari ini KPU {tempat} menerima kunjungan jurnalis untuk diskusi keterbukaan informasi publik.",
    "Daftar informasi publik (DIP) KPU {tempat} sudah diperbarui dan dapat diakses di laman PPID.",
]

# Greetings, commemorations and ceremonies without public information beyond the occasion.
CEREMONIAL = [  # (months it fits, text)
    ((3, 4), "Selamat Hari Raya Idul Fitri 1446 H. Mohon maaf lahir dan batin. Keluarga besar KPU {tempat}."),
    ((5,), "Selamat Hari Kebangkitan Nasional, 20 Mei {tahun}. Bangkit bersama wujudkan Indonesia kuat."),
    ((6,), "Selamat Hari Lahir Pancasila, 1 Juni {tahun}. Pancasila pemersatu bangsa."),
    ((6,), "Selamat Hari Raya Iduladha 1446 H. Semoga semangat berkurban menguatkan kepedulian kita."),
    ((8,), "Dirgahayu Republik Indonesia ke-{hutri}! Bersatu, berdaulat, rakyat sejahtera, Indonesia maju."),
    ((8,), "Upacara bendera peringatan HUT ke-{hutri} Kemerdekaan RI di halaman kantor KPU {tempat}."),
    ((6, 7), "Selamat Tahun Baru Islam. Semoga tahun ini membawa keberkahan bagi kita semua."),
    ((2, 9), "Turut berduka cita atas berpulangnya salah satu purnatugas sekretariat KPU {tempat}. "
              "Semoga keluarga yang ditinggalkan diberi ketabahan."),
    ((10,), "Selamat Hari Kesaktian Pancasila, 1 Oktober {tahun}."),
    ((10,), "Selamat Hari Sumpah Pemuda. Pemuda bersatu, Indonesia maju."),
    ((11,), "Selamat Hari Pahlawan, 10 November {tahun}. Teladani semangat para pahlawan."),
    ((7, 8, 9), "Selamat ulang tahun Kota {kotanama}. Semoga semakin maju dan sejahtera."),
    ((9,), "Peringatan Maulid Nabi Muhammad SAW bersama keluarga besar sekretariat KPU {tempat}."),
    ((12,), "Selamat Hari Ibu, 22 Desember. Terima kasih para ibu hebat Indonesia."),
    ((1,), "Selamat Tahun Baru {tahun}. Semoga tahun ini penuh semangat dan kebaikan."),
]

# Mixed: a greeting or commemoration that also carries information (informasi by the contract).
MIXED = [
    ((8,), "Dirgahayu Republik Indonesia ke-{hutri}! Merdeka juga berarti terdaftar sebagai pemilih: cek "
           "status Anda di cekdptonline.kpu.go.id dan laporkan perubahan data ke layanan PDPB."),
    ((3, 4), "Selamat Hari Raya Idul Fitri 1446 H. Pelayanan PPID dan PDPB KPU {tempat} kembali buka mulai "
             "{tanggal} pukul 08.00 WIB."),
    ((10,), "Selamat Hari Sumpah Pemuda! Pemilih pemula, mari cek apakah kamu sudah terdaftar: sosialisasi di "
            "kampus berlanjut minggu depan, jadwal di tautan bio."),
    ((11,), "Selamat Hari Pahlawan! Pahlawan masa kini ikut menjaga data pemilih: laporkan anggota keluarga "
            "yang pindah atau meninggal dunia ke layanan PDPB KPU {tempat}."),
    ((5, 6, 7, 9, 12, 1, 2), "Peringatan hari jadi kantor diisi layanan jemput bola: petugas PDPB membuka "
                             "pos pencocokan data pemilih di car free day hari Minggu."),
]

WEBSITE_TITLES = [
    "KPU {tempat} Tetapkan Rekapitulasi Daftar Pemilih Berkelanjutan {bulan}",
    "Sosialisasi Pendidikan Pemilih Pemula di Sekolah Menengah",
    "Rapat Koordinasi Pemutakhiran Data Pemilih bersama Disdukcapil",
    "KPU {tempat} Perbarui Daftar Informasi Publik",
    "Evaluasi Partisipasi Pemilih Pilkada 2024: Capaian dan Catatan",
    "Kelas Demokrasi bersama Mahasiswa",
    "Layanan Tanggapan Masyarakat atas Data Pemilih",
    "Peringatan HUT ke-80 Kemerdekaan RI di Lingkungan KPU {tempat}",
]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
CITY_NAMES = {"3571": "Kediri", "3506": "Kediri", "3573": "Malang", "3578": "Surabaya", "3510": "Banyuwangi"}


def _days(start: dt.date, end: dt.date, count: int, rng: random.Random) -> list[dt.date]:
    """`count` days between start and end inclusive, spread out (a few on the same day is fine)."""
    if count <= 0 or end < start:
        return []
    span = (end - start).days
    return sorted(start + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))


def _code(rng: random.Random, length: int, alphabet: str = string.ascii_letters + string.digits + "_-") -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def _url(account: Account, day: dt.date, rng: random.Random, n: int) -> str:
    handle = account.account.replace(" ", "").lower()
    if account.platform == "website":
        return f"https://{account.account}/berita/{day:%Y/%m}/{day:%d}{n:03d}-{_code(rng, 6, string.digits)}"
    if account.platform == "instagram":
        return f"https://www.instagram.com/p/{_code(rng, 11)}/"
    if account.platform == "facebook":
        return f"https://www.facebook.com/{handle}/posts/{_code(rng, 16, string.digits)}"
    if account.platform == "tiktok":
        return f"https://www.tiktok.com/@{handle}/video/7{_code(rng, 18, string.digits)}"
    if account.platform == "youtube":
        return f"https://www.youtube.com/watch?v={_code(rng, 11)}"
    if account.platform == "x":
        return f"https://x.com/{handle}/status/19{_code(rng, 17, string.digits)}"
    return f"https://www.threads.net/@{handle}/post/{_code(rng, 11)}"


def _fill(template: str, code: str, day: dt.date, rng: random.Random) -> str:
    return template.format(
        tempat=PLACES[code], bulan=f"{BULAN[day.month - 1]} {day.year}", persen=rng.choice([71, 74, 76, 79, 82]),
        tanggal=f"{min(28, day.day + 7)} {BULAN[day.month - 1]} {day.year}", baru=rng.randint(120, 900),
        coret=rng.randint(40, 400), tahun=day.year, hutri=day.year - 1945, kotanama=CITY_NAMES[code])


def _text(account: Account, code: str, day: dt.date, rng: random.Random) -> str:
    roll = rng.random()
    if account.platform == "website":
        title = _fill(rng.choice(WEBSITE_TITLES), code, day, rng)
        return f"{title}\n\n{_fill(rng.choice(INFORMATION), code, day, rng)}"
    ceremonial = [text for months, text in CEREMONIAL if day.month in months]
    mixed = [text for months, text in MIXED if day.month in months]
    if roll < 0.22 and ceremonial:
        return _fill(rng.choice(ceremonial), code, day, rng)
    if roll < 0.28 and mixed:
        return _fill(rng.choice(mixed), code, day, rng)
    return _fill(rng.choice(INFORMATION), code, day, rng)


def _metrics(platform: str, rng: random.Random) -> dict[str, int | str]:
    if platform == "website":
        return {"suka": "", "komentar": "", "bagikan": "", "tayangan": rng.randint(40, 900)}
    base = {"instagram": 160, "facebook": 60, "tiktok": 300, "youtube": 40, "x": 25, "threads": 15}[platform]
    likes = int(base * rng.uniform(0.3, 2.5))
    views: int | str = int(likes * rng.uniform(8, 30)) if platform in ("instagram", "tiktok", "youtube") else ""
    return {"suka": likes, "komentar": rng.randint(0, max(1, likes // 12)), "bagikan": rng.randint(0, likes // 8),
            "tayangan": views}


def _rows(code: str, today: dt.date) -> list[dict[str, object]]:
    """The posts of one office. Each account draws its 2025 posts from its own seed (the same on
    every day the demo is loaded) and the later ones from a seed that includes the day."""
    rows: list[dict[str, object]] = []
    for account in ACCOUNTS[code]:
        seed = f"bakohumas-demo-posts-{code}-{account.platform}-{account.account}"
        fixed, later = random.Random(seed), random.Random(f"{seed}-{today.isoformat()}")
        last = today - dt.timedelta(days=account.last_days_ago)
        recent = _days(D(2025, 10, 1), today - dt.timedelta(days=61), account.trickle, later)
        if account.recent:
            recent += _days(today - dt.timedelta(days=60), last - dt.timedelta(days=1), account.recent - 1, later)
        for offset, rng, days in ((0, fixed, _days(*Q2_Q3, account.in_2025, fixed)), (500, later, recent + [last])):
            for n, day in enumerate(sorted(days), start=offset):
                text = _text(account, code, day, rng)
                mentions = ""
                if account.mentions and n % 3 == 1:  # every third post tags its partner account
                    mentions = " ".join(account.mentions)
                    text += " " + " ".join(f"@{m}" for m in account.mentions)
                moment = dt.datetime.combine(day, dt.time(rng.randint(7, 20), rng.choice([0, 15, 30, 45])))
                rows.append({"platform": account.platform, "akun": account.account, "tanggal": moment.isoformat(),
                             "url": _url(account, day, rng, n), "teks": text, "sebutan": mentions,
                             **_metrics(account.platform, rng)})
    return rows


# Staff corrections of Kota Kediri: (URL of one of the posts below, the category staff decide).
# With the classifier as trained when this was written, both corrections change its verdict: it
# reads the Iduladha greeting as ceremonial although it announces the office's hours (mixed, so
# information by the contract), and the anniversary event as information because it names the ad
# hoc bodies, while staff judge it a commemoration. The staff decision stands either way.
CORRECTIONS = [
    ("https://www.instagram.com/p/DemoKediriIduladha/", Category.INFORMATION),
    ("https://www.facebook.com/kpukotakediri/posts/9000000000000001", Category.CEREMONIAL),
]


def _special(code: str) -> list[dict[str, object]]:
    """Fixed posts of Kota Kediri the corrections point at."""
    if code != "3571":
        return []
    return [
        {"platform": "instagram", "akun": "kpukotakediri", "tanggal": "2025-06-05T17:30",
         "url": "https://www.instagram.com/p/DemoKediriIduladha/", "suka": 248, "komentar": 11, "bagikan": 17,
         "tayangan": 3400, "sebutan": "",
         "teks": "Selamat Hari Raya Iduladha 1446 H. Kantor KPU Kota Kediri tutup 6 Juni; layanan PDPB kembali "
                 "buka 9 Juni."},
        {"platform": "facebook", "akun": "kpukotakediri", "tanggal": "2025-09-12T13:00",
         "url": "https://www.facebook.com/kpukotakediri/posts/9000000000000001", "suka": 96, "komentar": 8,
         "bagikan": 3, "tayangan": "", "sebutan": "",
         "teks": "Potong tumpeng peringatan hari jadi KPU dilanjutkan penyerahan piagam kepada badan adhoc "
                 "berprestasi Pilkada 2024."},
    ]


@transaction.atomic
def posts_demo_load() -> int:
    """Import the demo posts; returns how many were written (0 when every office already has them)."""
    today = timezone.localdate()
    operator = User.objects.filter(username=OPERATOR_USERNAME).first()
    written = 0
    for code in ACCOUNTS:
        office = Office.objects.get(code=code)
        if Post.objects.filter(office=office, source=Post.Source.CSV).exists():
            continue
        rows = _special(code) + _rows(code, today)
        result = posts_import(office=office, rows=rows, source=Post.Source.CSV, actor=None, note="data demo")
        if not result.ok:  # the demo's own rows: a mistake here is a bug, not bad input
            raise RuntimeError(f"demo posts of {code}: {result.errors[:3]}")
        written += len(result.rows)
        for url, category in CORRECTIONS:
            post = Post.objects.filter(office=office, url=normalise_url(url)).first()
            if post is not None:
                post_correct(post=post, category=category, actor=operator)
    return written
