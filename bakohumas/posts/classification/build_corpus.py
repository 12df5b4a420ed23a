"""Writes `corpus.csv`: the hand-written, synthetic training corpus of the post classifier.

Every row comes from a template written by hand after the way KPU offices caption their Instagram,
Facebook and X posts and title their website news (greetings for every national and religious day,
condolences, congratulations, anniversaries, reports of flag ceremonies and celebrations; election
stages and schedules, voter registration, regulations, socialisation, meetings, results,
recruitment, services; and mixed posts, which the contract calls `informasi`). The slots (office,
place, date, time, year, election, hashtags, emoji) are filled from seeded random choices, so the
file is the same on every run. No real post was copied.

    .venv/bin/python -m bakohumas.posts.classification.build_corpus   # rewrites corpus.csv

Columns: `teks`, `kategori` (informasi | seremonial), `catatan` (the kind of post) and `kelompok`
(the template it came from; the held-out part is drawn by template, see corpus.split_corpus).
"""

from __future__ import annotations

import random
from pathlib import Path

from bakohumas.core.spreadsheet import csv_dict_writer

OUT = Path(__file__).resolve().parent / "corpus.csv"
SEED = 8
PER_TEMPLATE = 9

I, S = "informasi", "seremonial"

AREAS = ["Kota Kediri", "Kabupaten Kediri", "Kabupaten Malang", "Kota Surabaya", "Kabupaten Sleman", "Kota Makassar",
         "Kabupaten Bandung", "Kota Medan", "Kabupaten Banyuwangi", "Kota Padang", "Kabupaten Gianyar",
         "Kabupaten Jayapura", "Kota Pontianak", "Kabupaten Lombok Timur", "Kota Ambon", "Kabupaten Sidoarjo",
         "Kabupaten Bogor", "Kota Palembang", "Kabupaten Tulungagung", "Kota Kupang", "Kabupaten Blitar",
         "Kota Manado", "Kabupaten Jember", "Kota Semarang"]
PROVINCES = ["Jawa Timur", "Jawa Tengah", "Jawa Barat", "Sulawesi Selatan", "Sumatera Utara", "Bali", "Papua",
             "Kalimantan Barat", "Nusa Tenggara Barat", "Maluku", "DI Yogyakarta", "Sumatera Barat"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
ELECTIONS = ["Pilkada 2024", "Pemilihan Serentak 2024", "Pemilu 2029", "Pemilihan Bupati dan Wakil Bupati 2024",
             "Pemilihan Wali Kota dan Wakil Wali Kota 2024", "Pemilihan Gubernur dan Wakil Gubernur 2024",
             "Pemilu Serentak 2024"]
PLACES = ["Aula KPU {area}", "Ruang Rapat KPU {area}", "Hotel Grand Surya", "Pendopo Kabupaten", "Balai Desa Sukorejo",
          "Gedung Serbaguna Kecamatan Mojoroto", "GOR Jayabaya", "Kantor KPU {area}", "Hotel Santika",
          "Balai Kelurahan Bandar Lor", "Aula Universitas Negeri Malang", "Ruang Media Center KPU {area}"]
SCHOOLS = ["SMAN 2 Kediri", "SMKN 1 Malang", "MAN 3 Sleman", "SMA Katolik Santo Yusup", "SMAN 1 Gianyar",
           "SMA Muhammadiyah 1", "SMKN 4 Surabaya", "MAN 1 Banyuwangi", "SMAN 5 Makassar"]
VILLAGES = ["Desa Sukorejo", "Kelurahan Bandar Lor", "Desa Wonorejo", "Desa Sumberagung", "Kelurahan Tamanan",
            "Desa Ngadiluwih", "Desa Tegalrejo", "Kelurahan Banjarmlati"]
GROUPS = ["pemilih pemula", "penyandang disabilitas", "perempuan", "komunitas ojek daring", "santri",
          "mahasiswa", "kelompok tani", "organisasi kepemudaan", "warga binaan lapas", "tokoh agama"]
NAMES = ["Bapak Drs. H. Suyanto", "Ibu Dr. Retno Wulandari", "Bapak Ahmad Fauzi, S.H.", "Bapak I Made Suardana",
         "Ibu Maria Goreti Lado", "Bapak Yohanes Rumbiak", "Ibu Siti Nurhaliza, S.Sos.", "Bapak Andi Baso Mappasessu"]
INFO_TAGS = ["#KPUMelayani #TemanPemilih", "#PemiluDamai #KPUMelayani", "#Pilkada2024 #TemanPemilih",
             "#CekDPT #KPUMelayani", "#PemilihBerdaulatNegaraKuat", "#KPUMelayani", "", "", "#SahabatPemilih"]
CER_TAGS = ["#KPUMelayani", "#TemanPemilih", "", "", "#KeluargaBesarKPU", "#KPUMelayani #SahabatPemilih", ""]
EMOJI = ["", "", "🙏", "✨", "🇮🇩", "📢", "🗳️", "👉"]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2024, 2025, 2026])}"


def _slots(rng: random.Random) -> dict[str, str]:
    area = rng.choice(AREAS)
    day = rng.randint(1, 20)
    month = rng.choice(MONTHS)
    year = rng.choice(["2024", "2025", "2026"])
    return {
        "area": area,
        "office": f"KPU {area}",
        "prov": rng.choice(PROVINCES),
        "handle": "kpu" + area.lower().replace(" ", "").replace("kabupaten", "kab"),
        "date": f"{day} {month} {year}",
        "date2": f"{day + rng.randint(2, 8)} {month} {year}",
        "day": rng.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]),
        "time": f"{rng.choice(['08', '09', '10', '13', '14', '19'])}.{rng.choice(['00', '30'])} WIB",
        "place": rng.choice(PLACES).format(area=area),
        "school": rng.choice(SCHOOLS),
        "village": rng.choice(VILLAGES),
        "group": rng.choice(GROUPS),
        "name": rng.choice(NAMES),
        "election": rng.choice(ELECTIONS),
        "year": year,
        "n": str(rng.randint(120, 980)),
        "big": f"{rng.randint(150, 990)}.{rng.randint(100, 999)}",
        "ke": str(rng.choice([20, 21, 22, 23, 24, 25, 26, 27])),
        "ri": str(rng.choice([79, 80, 81])),
        "jadi": str(rng.choice([1146, 1221, 243, 254, 106, 78, 69, 1001])),
        "hijri": rng.choice(["1446", "1447", "1448"]),
        "itags": rng.choice(INFO_TAGS),
        "ctags": rng.choice(CER_TAGS),
        "e": rng.choice(EMOJI),
        "link": rng.choice(["cekdptonline.kpu.go.id", "s.id/pendaftaranpps", "kpu.go.id", "ppid.kpu.go.id",
                            "s.id/jadwaltahapan", "infopemilu.kpu.go.id"]),
    }


# (group, category, note, templates)
TEMPLATES: list[tuple[str, str, str, list[str]]] = [
    # ---------------------------------------------------------------- ceremonial: religious days
    ("idulfitri", S, "ucapan hari raya keagamaan", [
        "{e} Selamat Hari Raya Idul Fitri {hijri} H. Mohon maaf lahir dan batin. Keluarga besar {office}. {ctags}",
        "Taqabbalallahu minna wa minkum. Segenap jajaran {office} mengucapkan Selamat Idul Fitri {hijri} Hijriah, "
        "mohon maaf lahir & batin.",
        "Minal aidin wal faizin. Di hari yang fitri ini, Ketua dan Anggota {office} beserta sekretariat menyampaikan "
        "permohonan maaf atas segala khilaf. {ctags}",
        "Hari kemenangan telah tiba. Selamat merayakan Idul Fitri {hijri} H bagi seluruh umat Muslim di {area}. "
        "Semoga kita kembali fitri. {e}",
        "Lebaran telah tiba {e} Dari kami keluarga besar {office}: selamat berlebaran, mohon maaf lahir dan batin.",
    ]),
    ("iduladha", S, "ucapan hari raya keagamaan", [
        "Selamat Hari Raya Idul Adha {hijri} H. Semoga semangat berkurban menguatkan kepedulian kita. {ctags}",
        "{office} mengucapkan Selamat Idul Adha {hijri} Hijriah. Semoga ibadah kurban kita diterima Allah SWT. {e}",
        "Idul Adha mengajarkan keikhlasan. Segenap keluarga besar {office} mengucapkan selamat merayakan Hari Raya "
        "Kurban {hijri} H.",
    ]),
    ("ramadan", S, "ucapan bulan suci", [
        "Marhaban ya Ramadhan {e} Selamat menunaikan ibadah puasa {hijri} H. Semoga penuh berkah. {ctags}",
        "Selamat menjalankan ibadah puasa Ramadan {hijri} H bagi umat Muslim. Keluarga besar {office}.",
        "Ramadan datang kembali. {office} mengucapkan selamat berpuasa, semoga amal ibadah kita diterima. {ctags}",
        "Selamat memperingati Nuzulul Qur'an {hijri} H. Semoga Al-Qur'an senantiasa menjadi petunjuk hidup kita.",
    ]),
    ("natal", S, "ucapan hari raya keagamaan", [
        "Selamat Hari Natal 25 Desember {year} {e} Damai Natal menyertai kita semua. Keluarga besar {office}.",
        "Merry Christmas! {office} mengucapkan Selamat Natal bagi umat Kristiani yang merayakan. {ctags}",
        "Kasih Natal membawa sukacita dan damai. Selamat merayakan Natal {year}, semoga damai menyertai keluarga "
        "Anda. {ctags}",
    ]),
    ("tahunbaru", S, "ucapan tahun baru", [
        "Selamat Tahun Baru {year} {e} Semoga tahun ini membawa semangat baru dan harapan baru. {ctags}",
        "Happy New Year {year}! Terima kasih atas kebersamaan sepanjang tahun. Keluarga besar {office}.",
        "Selamat Tahun Baru Islam 1 Muharram {hijri} H. Semoga semangat hijrah membawa kita menjadi lebih baik. "
        "{ctags}",
        "Selamat Tahun Baru Imlek 2577 {e} Gong Xi Fa Cai! Semoga tahun ini penuh rezeki dan kesehatan. {ctags}",
    ]),
    ("nyepiwaisak", S, "ucapan hari raya keagamaan", [
        "Om Swastiastu. Selamat Hari Raya Nyepi Tahun Baru Saka 1947. Semoga damai di hati, damai di bumi. {ctags}",
        "Rahajeng Nyepi Caka 1948 {e} Keluarga besar {office} mengucapkan selamat menjalani Catur Brata Penyepian.",
        "Selamat Hari Raya Waisak 2569 BE. Semoga semua makhluk hidup berbahagia. {ctags}",
        "Selamat merayakan Tri Suci Waisak bagi umat Buddha. Semoga cahaya Waisak menerangi hati kita. {e}",
        "Selamat Hari Raya Galungan dan Kuningan. Semoga kemenangan dharma atas adharma selalu menyertai. {ctags}",
    ]),
    ("maulidisra", S, "ucapan hari besar Islam", [
        "Selamat memperingati Maulid Nabi Muhammad SAW {hijri} H. Semoga kita dapat meneladani akhlak Rasulullah. "
        "{ctags}",
        "Allahumma shalli 'ala Muhammad {e} Keluarga besar {office} mengucapkan selamat Maulid Nabi Muhammad SAW.",
        "Selamat memperingati Isra Mikraj Nabi Muhammad SAW 27 Rajab {hijri} H. Semoga iman kita semakin kuat. "
        "{ctags}",
        "Isra Mi'raj mengingatkan kita akan perintah sholat. Selamat memperingati Isra Mi'raj {hijri} H. {e}",
    ]),
    ("paskah", S, "ucapan hari raya keagamaan", [
        "Selamat Hari Paskah {year}. Kebangkitan-Nya membawa harapan dan sukacita bagi kita semua. {ctags}",
        "Selamat memperingati Wafat Isa Almasih (Jumat Agung). Keluarga besar {office} turut berdoa bagi umat "
        "Kristiani.",
        "Selamat memperingati Kenaikan Isa Almasih {year}. Semoga damai dan kasih senantiasa menyertai kita. {e}",
    ]),
    # ---------------------------------------------------------------- ceremonial: national days
    ("hutri", S, "ucapan hari nasional", [
        "Dirgahayu Republik Indonesia ke-{ri} {e} Nusantara Baru, Indonesia Maju! {ctags}",
        "Dirgahayu RI ke-{ri}! 17 Agustus {year}. Merdeka! Keluarga besar {office}.",
        "Selamat Hari Kemerdekaan Republik Indonesia ke-{ri}. Mari isi kemerdekaan dengan karya dan persatuan. {e}",
        "HUT ke-{ri} Republik Indonesia. Semangat para pejuang kemerdekaan terus hidup di dada kita. Merdeka! "
        "{ctags}",
    ]),
    ("pahlawan", S, "ucapan hari nasional", [
        "Selamat Hari Pahlawan 10 November {year} {e} Pahlawanku teladanku. {ctags}",
        "10 November, kita mengenang jasa para pahlawan bangsa. Selamat Hari Pahlawan Nasional. Keluarga besar "
        "{office}.",
        "Jasa para pahlawan tak akan pernah kita lupakan. Selamat Hari Pahlawan {year}! {ctags}",
    ]),
    ("kartini", S, "ucapan hari nasional", [
        "Selamat Hari Kartini 21 April {year} {e} Habis gelap terbitlah terang. {ctags}",
        "Perempuan hebat, bangsa kuat. Selamat Hari Kartini dari keluarga besar {office}. {e}",
        "Semangat R.A. Kartini hidup dalam setiap perempuan Indonesia. Selamat Hari Kartini {year}! {ctags}",
    ]),
    ("sumpahpemuda", S, "ucapan hari nasional", [
        "Selamat Hari Sumpah Pemuda ke-97 {e} Bersatu, bangkit, dan tumbuh. {ctags}",
        "28 Oktober: Satu nusa, satu bangsa, satu bahasa. Selamat Hari Sumpah Pemuda dari {office}.",
        "Pemuda hari ini, pemimpin hari esok. Selamat Hari Sumpah Pemuda {year}! {ctags}",
    ]),
    ("pancasila", S, "ucapan hari nasional", [
        "Selamat Hari Lahir Pancasila 1 Juni {year} {e} Pancasila dalam tindakan, bersatu untuk Indonesia. {ctags}",
        "Selamat memperingati Hari Kesaktian Pancasila 1 Oktober {year}. Pancasila perekat bangsa. {ctags}",
        "Salam Pancasila! Keluarga besar {office} mengucapkan selamat Hari Lahir Pancasila. {e}",
    ]),
    ("ibuguru", S, "ucapan hari nasional", [
        "Selamat Hari Ibu 22 Desember {year} {e} Terima kasih atas kasih sayang yang tak pernah usai. {ctags}",
        "Selamat Hari Guru Nasional {year}. Terima kasih guruku, pelita dalam kegelapan. {ctags}",
        "Guru bermutu, Indonesia maju. Selamat Hari Guru Nasional dari keluarga besar {office}. {e}",
        "Ibu, sosok pertama yang mengajarkan kita arti cinta. Selamat Hari Ibu dari {office}. {e}",
    ]),
    ("harinasional", S, "ucapan hari nasional lain", [
        "Selamat Hari Pendidikan Nasional 2 Mei {year}. Bergerak bersama, semarakkan merdeka belajar. {ctags}",
        "Selamat Hari Kebangkitan Nasional ke-117 {e} Bangkit bersama wujudkan Indonesia emas. {ctags}",
        "Selamat Hari Santri Nasional 22 Oktober {year}. Santri siaga jiwa raga. {ctags}",
        "Selamat Hari Batik Nasional {e} Bangga berbatik, bangga budaya Indonesia. {ctags}",
        "Selamat Hari Bhayangkara ke-79. Polri untuk masyarakat. Keluarga besar {office}. {e}",
        "Selamat Hari Anak Nasional {year}. Anak terlindungi, Indonesia maju. {ctags}",
        "Selamat Hari Bela Negara 19 Desember {year}. Bela negara dimulai dari diri sendiri. {ctags}",
        "Selamat Hari Lingkungan Hidup Sedunia. Jaga bumi kita untuk generasi mendatang. {e}",
        "Selamat Hari Korpri ke-54 {e} Korpri melayani, ASN berakhlak. {ctags}",
        "Selamat Hari Disabilitas Internasional {year}. Setara dan bermartabat. {ctags}",
    ]),
    # ---------------------------------------------------------------- ceremonial: anniversaries
    ("hutkpu", S, "ucapan HUT KPU", [
        "Dirgahayu KPU ke-{ke} {e} Pemilu sebagai sarana integrasi bangsa. {ctags}",
        "Selamat Hari Ulang Tahun Komisi Pemilihan Umum ke-{ke}. Semoga KPU semakin profesional dan berintegritas. "
        "{ctags}",
        "HUT KPU ke-{ke}: terima kasih kepada seluruh jajaran penyelenggara atas pengabdiannya. Jaya selalu KPU! {e}",
        "Happy birthday KPU ke-{ke}! Tetap solid, tetap melayani. Keluarga besar {office}.",
    ]),
    ("hutdaerah", S, "ucapan hari jadi daerah", [
        "Selamat Hari Jadi {area} ke-{jadi} {e} Semoga semakin maju, sejahtera, dan berdaya saing. {ctags}",
        "Dirgahayu {area} ke-{jadi}. Keluarga besar {office} turut berbahagia. {ctags}",
        "HUT {area} ke-{jadi}: bersama membangun daerah yang kita cintai. Jaya selalu! {e}",
        "Selamat Hari Ulang Tahun Provinsi {prov}. Semoga {prov} semakin gemilang. {ctags}",
    ]),
    # ---------------------------------------------------------------- ceremonial: condolences, congratulations
    ("dukacita", S, "ucapan duka cita", [
        "Innalillahi wa inna ilaihi raji'un. Keluarga besar {office} turut berduka cita atas wafatnya {name}. "
        "Semoga almarhum husnul khatimah.",
        "Turut berduka cita yang sedalam-dalamnya atas berpulangnya {name}. Semoga keluarga yang ditinggalkan "
        "diberi ketabahan.",
        "Duka cita mendalam atas musibah banjir yang menimpa warga {area}. Semoga para korban diberi kekuatan. "
        "{e}",
        "Kami kehilangan sosok teladan. Selamat jalan {name}, terima kasih atas pengabdianmu. {office} berduka.",
        "Inna lillahi wa inna ilaihi raji'un. Telah berpulang ke rahmatullah {name}, mantan anggota {office}. "
        "Semoga amal ibadahnya diterima.",
    ]),
    ("selamatsukses", S, "ucapan selamat", [
        "Selamat dan sukses atas dilantiknya {name} sebagai Bupati {area}. Keluarga besar {office}. {e}",
        "Selamat atas pelantikan Penjabat Wali Kota. Semoga amanah dalam menjalankan tugas. {ctags}",
        "Selamat kepada {name} yang meraih penghargaan Humas Terbaik tingkat provinsi. Bangga! {e}",
        "Selamat bertugas kepada {name}, Sekretaris {office} yang baru. Semoga sukses mengemban amanah. {ctags}",
        "Selamat menempuh hidup baru untuk rekan kami di sekretariat {office}. Semoga menjadi keluarga sakinah "
        "mawaddah warahmah. {e}",
        "Selamat atas purnatugas {name}. Terima kasih atas dedikasi selama 30 tahun mengabdi. {ctags}",
    ]),
    # ---------------------------------------------------------------- ceremonial: commemorative events
    ("upacara", S, "laporan upacara", [
        "Jajaran {office} mengikuti upacara bendera memperingati HUT ke-{ri} Kemerdekaan RI di halaman kantor, "
        "{date}. Merdeka! {ctags}",
        "Upacara peringatan Hari Pahlawan di halaman {office} berlangsung khidmat. Ketua KPU bertindak sebagai "
        "pembina upacara. {e}",
        "Seluruh pegawai {office} mengikuti upacara peringatan Hari Lahir Pancasila secara khidmat pagi ini. {ctags}",
        "Suasana khidmat upacara Hari Kesaktian Pancasila di {office}. Mengheningkan cipta untuk para pahlawan "
        "revolusi.",
        "Apel peringatan Hari Kebangkitan Nasional di lingkungan {office}, dipimpin oleh {name}. {ctags}",
        "Upacara penurunan bendera 17 Agustus bersama Forkopimda {area}. Jajaran {office} turut hadir. {e}",
    ]),
    ("tasyakuran", S, "laporan perayaan", [
        "Tasyakuran HUT KPU ke-{ke} di {office} ditandai pemotongan tumpeng oleh Ketua KPU. Terima kasih seluruh "
        "jajaran. {ctags}",
        "Syukuran sederhana Hari Jadi {area} ke-{jadi} di kantor {office} bersama seluruh pegawai. {e}",
        "Potong tumpeng dan doa bersama memperingati HUT KPU ke-{ke}. Kebersamaan adalah kekuatan kita. {ctags}",
        "Keluarga besar {office} menggelar syukuran HUT ke-{ri} RI dengan makan bersama dan doa untuk bangsa.",
    ]),
    ("keagamaan", S, "laporan kegiatan keagamaan", [
        "Halal bihalal keluarga besar {office} usai Idul Fitri {hijri} H. Saling memaafkan, mempererat silaturahmi. "
        "{ctags}",
        "Buka puasa bersama jajaran {office} dan anak yatim, dilanjutkan sholat maghrib berjamaah. {e}",
        "Pengajian peringatan Maulid Nabi Muhammad SAW di mushola {office} bersama ustaz setempat. {ctags}",
        "Perayaan Natal bersama keluarga besar {office} berlangsung penuh sukacita. {e}",
        "Penyembelihan hewan kurban Idul Adha {hijri} H di lingkungan {office}; daging dibagikan kepada warga "
        "sekitar. {ctags}",
        "Santunan anak yatim dalam rangka peringatan Tahun Baru Islam di {office}. Semoga berkah. {e}",
    ]),
    ("agustusan", S, "laporan kemeriahan/dekorasi", [
        "Kantor {office} bersolek menyambut HUT ke-{ri} RI: umbul-umbul, gapura, dan hiasan merah putih. {e} "
        "{ctags}",
        "Keseruan lomba 17 Agustus antarpegawai {office}: balap karung, makan kerupuk, dan tarik tambang! {e}",
        "Pegawai {office} kompak berbatik dalam rangka Hari Batik Nasional. {ctags}",
        "Pegawai perempuan {office} mengenakan kebaya memperingati Hari Kartini hari ini. {e}",
        "Jalan sehat dan senam bersama keluarga besar {office} memeriahkan HUT KPU ke-{ke}. {ctags}",
        "Dekorasi Natal di lobi {office} sudah terpasang. Selamat menyambut Natal! {e}",
    ]),
    ("ucapanslogan", S, "ucapan dengan slogan pemilu", [
        "Selamat Hari Sumpah Pemuda! Pemuda jadilah pemilih cerdas. {e} {ctags}",
        "Dirgahayu RI ke-{ri}. Merdeka memilih, merdeka bersuara! {ctags}",
        "Selamat Hari Pahlawan. Jadilah pahlawan demokrasi di lingkunganmu. {e}",
        "Selamat Idul Fitri {hijri} H. Mari jaga persatuan menjelang {election}. Mohon maaf lahir dan batin.",
        "Selamat Hari Kartini. Perempuan berdaya, demokrasi berjaya. {ctags}",
        "Selamat Tahun Baru {year}! Tahun baru, semangat baru mengawal demokrasi. {e}",
    ]),
    ("ucapanpolos", S, "ucapan tanpa frasa baku", [
        "Dari kami keluarga besar {office}: terima kasih para ibu, engkau madrasah pertama bagi anak-anakmu. {e}",
        "Hari ini kita mengenang ikrar para pemuda tahun 1928. Persatuan adalah warisan yang harus dijaga. {ctags}",
        "Mengenang jasa para guru yang telah mendidik kita dengan sepenuh hati. Terima kasih, Bapak dan Ibu Guru. "
        "{e}",
        "Merah putih berkibar, 80 tahun Indonesia berdiri tegak. Terima kasih para pejuang. {ctags}",
        "Keluarga besar {office} mengucapkan terima kasih dan penghormatan setinggi-tingginya kepada para "
        "pejuang bangsa. {e}",
        "Jumat berkah {e} Mari perbanyak sholawat dan sedekah di hari yang mulia ini. {ctags}",
    ]),
    # ---------------------------------------------------------------- information: stages and schedules
    ("jadwal", I, "jadwal tahapan", [
        "{e} Jadwal tahapan {election}: pendaftaran pasangan calon dibuka {date} sampai {date2}. Simak "
        "selengkapnya di {link}. {itags}",
        "Catat tanggalnya! Masa kampanye {election} berlangsung mulai {date}. Masa tenang tiga hari sebelum hari "
        "pemungutan suara. {itags}",
        "Tahapan pemutakhiran data pemilih {election} dimulai {date}. Berikut jadwal lengkapnya. {itags}",
        "Hari pemungutan suara {election} ditetapkan {date}. Pastikan kamu datang ke TPS! {e} {itags}",
        "Infografis: linimasa tahapan {election} dari perencanaan program hingga penetapan calon terpilih. "
        "{itags}",
    ]),
    ("pencalonan", I, "pencalonan", [
        "{office} membuka pendaftaran bakal pasangan calon {election} pada {date} sampai {date2}, pukul {time}, "
        "bertempat di {place}. {itags}",
        "Persyaratan pencalonan perseorangan {election}: dukungan minimal dan sebaran, diserahkan paling lambat "
        "{date}. {itags}",
        "Hasil penelitian administrasi berkas bakal calon {election}: {n} dokumen dinyatakan memenuhi syarat. "
        "{itags}",
        "{office} menetapkan pasangan calon {election} dalam rapat pleno terbuka, {date}. {itags}",
        "Pengundian nomor urut pasangan calon {election} dilaksanakan {day}, {date} pukul {time} di {place}. "
        "{itags}",
    ]),
    ("coklit", I, "pemutakhiran data pemilih", [
        "Pantarlih {office} mulai melakukan coklit (pencocokan dan penelitian) data pemilih dari rumah ke rumah, "
        "{date} s.d. {date2}. Sambut pantarlih di rumahmu! {itags}",
        "Sudah dicoklit? Pastikan stiker coklit tertempel di rumahmu. Jika belum, laporkan ke PPS setempat. "
        "{itags}",
        "Ketua {office} memantau pelaksanaan coklit di {village}. Sebanyak {big} pemilih telah dicoklit hingga "
        "hari ini. {itags}",
        "Gerakan coklit serentak: Bupati {area} dicoklit langsung oleh pantarlih {village}. {itags}",
        "Pemutakhiran data pemilih berkelanjutan semester II {year}: warga yang pindah domisili atau berusia 17 "
        "tahun dapat melapor ke {office}. {itags}",
    ]),
    ("dpt", I, "daftar pemilih", [
        "Pengumuman Daftar Pemilih Sementara (DPS) {election}: masyarakat dapat memberikan tanggapan sampai "
        "{date}. {itags}",
        "{office} menetapkan DPT {election} sebanyak {big} pemilih yang tersebar di {n} TPS. {itags}",
        "Rekapitulasi daftar pemilih tetap {election} tingkat {area} digelar di {place}, {date}. {itags}",
        "DPS diumumkan di kantor desa dan kelurahan. Cek namamu, laporkan jika ada keluarga yang belum terdaftar. "
        "{itags}",
        "Daftar pemilih tambahan (DPTb): pemilih yang pindah memilih dapat mengurus formulir A pindah memilih "
        "paling lambat {date}. {itags}",
    ]),
    ("cekdpt", I, "cek DPT", [
        "Yuk cek DPT online di {link}! Masukkan NIK, pastikan namamu terdaftar sebagai pemilih. {e} {itags}",
        "Cara cek apakah kamu sudah terdaftar: buka {link}, ketik NIK sesuai KTP-el, lalu klik pencarian. {itags}",
        "Belum terdaftar sebagai pemilih? Datangi PPS di desa/kelurahan atau kantor {office} dengan membawa KTP-el "
        "dan KK. {itags}",
        "{office} membuka posko layanan cek DPT di car free day {area} setiap Minggu pagi. {itags}",
    ]),
    ("sosialisasi", I, "sosialisasi dan pendidikan pemilih", [
        "{office} menggelar sosialisasi {election} kepada {group} di {place}, {date}. {itags}",
        "Pendidikan pemilih untuk {group}: mengenal tahapan, hak pilih, dan cara mencoblos yang benar. {itags}",
        "KPU Goes to School: sosialisasi pemilih pemula di {school}. Siswa antusias bertanya soal cara mencoblos. "
        "{itags}",
        "Sosialisasi tatap muka di {village} bersama PPK dan PPS: tata cara pemungutan suara dan larangan politik "
        "uang. {itags}",
        "Desa Peduli Pemilu dan Pemilihan (DP3) di {village}: kader dilatih menjadi agen pendidikan pemilih. "
        "{itags}",
        "Relawan demokrasi {office} menyasar {group} melalui sosialisasi kreatif dan diskusi interaktif. {itags}",
    ]),
    ("tatacara", I, "panduan memilih", [
        "Apa saja yang dibawa ke TPS? KTP-el dan surat pemberitahuan memilih (formulir C pemberitahuan). {itags}",
        "Coblos yang benar: tusuk pada foto, nomor, atau nama pasangan calon. Surat suara yang dicoblos di luar "
        "kolom tidak sah. {itags}",
        "TPS buka pukul 07.00 dan ditutup pukul 13.00 waktu setempat. Datang lebih awal ya! {e} {itags}",
        "Pemilih disabilitas dapat didampingi pendamping pilihannya dan mengisi formulir pernyataan pendamping. "
        "{itags}",
        "Lupa membawa surat pemberitahuan? Tetap bisa memilih dengan menunjukkan KTP-el di TPS sesuai alamat. "
        "{itags}",
    ]),
    ("rakor", I, "rapat koordinasi", [
        "Rapat koordinasi persiapan {election} bersama Bawaslu, Polres, dan Kesbangpol {area} di {place}, {date}. "
        "{itags}",
        "{office} menggelar rakor evaluasi pelaksanaan coklit bersama PPK se-{area}. {itags}",
        "Rakor kesiapan logistik pemungutan suara: distribusi kotak dan surat suara ke PPK dijadwalkan {date}. "
        "{itags}",
        "Rapat koordinasi pemetaan TPS rawan di {place}. Hasilnya menjadi dasar pengamanan hari pemungutan suara. "
        "{itags}",
    ]),
    ("pleno", I, "rekapitulasi dan hasil", [
        "Rapat pleno terbuka rekapitulasi hasil penghitungan suara {election} tingkat {area} digelar {date} di "
        "{place}. {itags}",
        "{office} menetapkan hasil {election}: pasangan calon nomor urut 2 memperoleh {big} suara. {itags}",
        "Rekapitulasi tingkat kecamatan selesai di {n} PPK. Hasilnya dapat dipantau melalui Sirekap. {itags}",
        "Penetapan calon terpilih {election} digelar dalam rapat pleno terbuka {office}, {date}. {itags}",
        "Tingkat partisipasi pemilih {election} di {area} mencapai 78,4 persen, naik dari pemilihan sebelumnya. "
        "{itags}",
    ]),
    ("adhoc", I, "rekrutmen badan ad hoc", [
        "Lowongan PPS {election}! Pendaftaran calon anggota PPS dibuka {date} s.d. {date2}. Syarat dan formulir "
        "di {link}. {itags}",
        "Pengumuman hasil seleksi tertulis calon anggota PPK {election}: {n} peserta lolos ke tahap wawancara. "
        "{itags}",
        "Rekrutmen KPPS {election}: dibutuhkan 7 orang per TPS, usia minimal 17 tahun. Daftar ke PPS setempat. "
        "{itags}",
        "Pelantikan dan pengambilan sumpah anggota PPK se-{area} dilaksanakan {date} di {place}. {itags}",
        "Seleksi pantarlih: PPS mengusulkan calon pantarlih dari warga setempat paling lambat {date}. {itags}",
    ]),
    ("regulasi", I, "regulasi", [
        "Mengenal PKPU Nomor 8 Tahun {year} tentang tahapan dan jadwal {election}. Simak poin pentingnya. {itags}",
        "Apa yang baru di peraturan KPU tentang kampanye? Alat peraga kampanye hanya boleh dipasang di lokasi yang "
        "ditetapkan. {itags}",
        "Uji publik rancangan Peraturan KPU tentang pencalonan digelar {date}. Masukan masyarakat dapat "
        "disampaikan melalui {link}. {itags}",
        "JDIH {office}: produk hukum keputusan KPU kini bisa diunduh melalui laman JDIH. {itags}",
        "Larangan kampanye di tempat ibadah dan fasilitas pendidikan diatur dalam undang-undang pemilu. Pahami "
        "aturannya! {itags}",
    ]),
    ("ppid", I, "layanan informasi publik", [
        "PPID {office} melayani permohonan informasi publik Senin-Jumat pukul 08.00-16.00 WIB. Ajukan secara "
        "daring di {link}. {itags}",
        "Daftar informasi publik {office} tahun {year} telah diperbarui. Unduh di laman PPID. {itags}",
        "Laporan layanan informasi publik triwulan III: {n} permohonan diterima, seluruhnya selesai tepat waktu. "
        "{itags}",
        "Cara mengajukan keberatan atas layanan informasi publik: isi formulir keberatan dan kirim ke PPID "
        "{office}. {itags}",
    ]),
    ("kampanye", I, "kampanye dan debat", [
        "Debat publik pasangan calon {election} putaran pertama digelar {date} pukul {time} di {place}, disiarkan "
        "langsung. {itags}",
        "Masa tenang {election} dimulai {date}. Seluruh alat peraga kampanye wajib dibersihkan. {itags}",
        "Laporan awal dana kampanye (LADK) pasangan calon wajib diserahkan kepada {office} paling lambat {date}. "
        "{itags}",
        "Tema debat kedua {election}: pelayanan publik dan tata kelola pemerintahan. Saksikan {day}, {date}. "
        "{itags}",
        "{office} memfasilitasi pemasangan alat peraga kampanye di {n} titik yang disepakati. {itags}",
    ]),
    ("logistik", I, "logistik", [
        "Penyortiran dan pelipatan surat suara {election} di gudang {office} dimulai {date}, melibatkan {n} "
        "pekerja. {itags}",
        "Distribusi logistik pemungutan suara ke {n} TPS di {area} dimulai {date}, dikawal aparat keamanan. {itags}",
        "{office} menerima {big} lembar surat suara {election}. Jumlahnya sesuai DPT ditambah 2 persen cadangan. "
        "{itags}",
        "Pengecekan kotak suara dan bilik suara di gudang logistik {office} bersama Bawaslu. {itags}",
    ]),
    ("simulasi", I, "bimtek dan simulasi", [
        "Simulasi pemungutan dan penghitungan suara {election} di {village}, {date}. Warga diajak mencoba "
        "langsung. {itags}",
        "Bimbingan teknis KPPS se-{area}: tata cara pengisian formulir hasil dan penggunaan Sirekap. {itags}",
        "Bimtek PPK dan PPS tentang pemutakhiran data pemilih di {place}, {date}. {itags}",
        "Simulasi penggunaan Sirekap bagi operator PPK digelar {day}, {date} pukul {time}. {itags}",
    ]),
    ("hoaks", I, "klarifikasi", [
        "Klarifikasi: beredar informasi pendaftaran KPPS berbayar. Itu hoaks! Pendaftaran KPPS tidak dipungut biaya. "
        "{itags}",
        "Cek fakta: surat suara tercoblos yang viral bukan berasal dari {area}. {office} memastikan logistik aman. "
        "{itags}",
        "Hati-hati penipuan mengatasnamakan {office}. Kami tidak pernah meminta transfer uang. Informasi resmi hanya "
        "melalui akun ini. {itags}",
    ]),
    ("kinerja", I, "kerja kantor", [
        "{office} menerima audiensi {group} membahas aksesibilitas TPS pada {election}. {itags}",
        "Penandatanganan nota kesepahaman antara {office} dan Universitas Brawijaya tentang pendidikan politik "
        "mahasiswa. {itags}",
        "Kunjungan kerja DPRD {area} ke {office} membahas anggaran {election}. {itags}",
        "Ketua {office} menjadi narasumber diskusi publik \"Partisipasi Pemilih Muda\" di {place}. {itags}",
        "{office} menerima kunjungan mahasiswa ilmu politik yang ingin mengetahui proses pemutakhiran data "
        "pemilih. {itags}",
        "Monitoring dan supervisi kesiapan PPK se-{area} oleh {office} pekan ini. {itags}",
    ]),
    ("data", I, "data dan infografis", [
        "Infografis: jumlah pemilih {area} untuk {election} sebanyak {big} orang, {n} di antaranya pemilih "
        "disabilitas. {itags}",
        "Data: 54 persen pemilih {area} berusia di bawah 40 tahun. Suara anak muda menentukan! {itags}",
        "Jumlah TPS di {area} pada {election}: {n} TPS, termasuk TPS khusus di lapas dan rumah sakit. {itags}",
        "Statistik partisipasi pemilih per kecamatan di {area} pada pemilihan sebelumnya. Kecamatan mana yang "
        "tertinggi? {itags}",
    ]),
    ("layanan", I, "layanan kantor", [
        "Layanan pindah memilih dibuka di kantor {office} setiap hari kerja pukul 08.00-15.00 WIB. {itags}",
        "{office} meluncurkan layanan konsultasi daring melalui WhatsApp 0812-3456-7890 untuk pertanyaan seputar "
        "{election}. {itags}",
        "Helpdesk pencalonan {office} siap membantu partai politik dan bakal calon, Senin-Jumat di {place}. "
        "{itags}",
        "Rumah Pintar Pemilu {office} terbuka untuk kunjungan sekolah dan komunitas. Reservasi melalui {link}. "
        "{itags}",
    ]),
    ("berita", I, "berita website", [
        "{office} Gelar Rakor Persiapan Pemutakhiran Data Pemilih. {area} - {office} menggelar rapat koordinasi "
        "bersama Disdukcapil di {place}, {date}.",
        "KPU {area} Tetapkan {n} TPS untuk {election}. {area} - Penetapan jumlah TPS dilakukan dalam rapat pleno "
        "terbuka yang dihadiri Bawaslu dan partai politik.",
        "Ratusan Pelajar Ikuti Sosialisasi Pemilih Pemula di {school}. {area} - {office} kembali menggelar program "
        "KPU Goes to School.",
        "Sebanyak {n} Calon Anggota PPS Ikuti Tes Tertulis. {area} - Tes berbasis komputer digelar di {place} "
        "selama dua hari.",
        "{office} Luncurkan Maskot dan Jingle {election}. {area} - Peluncuran maskot menandai dimulainya "
        "sosialisasi tahapan kepada masyarakat.",
        "{office} Serahkan Laporan Penyelenggaraan {election} kepada DPRD. {area} - Laporan memuat pelaksanaan "
        "tahapan dan penggunaan anggaran.",
    ]),
    # ---------------------------------------------------------------- mixed: informasi by the contract
    ("campuranlibur", I, "campuran: ucapan + jam layanan", [
        "Selamat Idul Fitri {hijri} H, mohon maaf lahir dan batin {e} Selama cuti bersama {date} s.d. {date2} "
        "layanan kantor {office} ditutup dan kembali dibuka {day}, {date2} pukul 08.00 WIB.",
        "Selamat Hari Raya Natal. Informasi: kantor {office} tutup pada {date}; layanan PPID tetap dapat diakses "
        "daring melalui {link}.",
        "Marhaban ya Ramadhan! Selama Ramadan, jam layanan {office} Senin-Kamis pukul 08.00-15.00 dan Jumat "
        "08.00-15.30 WIB. {itags}",
        "Libur Hari Raya Nyepi: kantor {office} tidak melayani pada {date}. Permohonan informasi dapat dikirim "
        "melalui {link} dan diproses hari kerja berikutnya.",
        "Selamat Tahun Baru {year}! Mulai {date}, layanan pindah memilih dibuka kembali di kantor {office} pukul "
        "08.00-15.00 WIB.",
    ]),
    ("campuranjadwal", I, "campuran: ucapan + jadwal", [
        "Selamat Hari Sumpah Pemuda! {e} Pemuda {area}, ayo ikut sosialisasi pemilih pemula pada {date} pukul "
        "{time} di {place}. {itags}",
        "Dirgahayu RI ke-{ri}! Merdeka! Jangan lupa, pendaftaran calon anggota PPS dibuka {date} s.d. {date2}. "
        "Info di {link}.",
        "Selamat Hari Kartini {year}. Dalam rangka Hari Kartini, {office} menggelar sosialisasi untuk perempuan "
        "pemilih di {place}, {date} pukul {time}.",
        "Selamat Hari Guru Nasional! Bapak/Ibu guru, KPU Goes to School hadir di {school} pada {date}: materi "
        "pendidikan pemilih untuk siswa kelas XII.",
        "Selamat Natal dan Tahun Baru. Tahapan {election} berlanjut: pengumuman DPS pada {date}, tanggapan "
        "masyarakat hingga {date2}. {itags}",
        "Mohon maaf lahir dan batin. Usai Lebaran, coklit data pemilih dilanjutkan mulai {date}. Sambut pantarlih "
        "di rumah Anda! {itags}",
    ]),
    ("campuranperingatan", I, "campuran: peringatan untuk menjelaskan pendaftaran pemilih", [
        "Memperingati Hari Kemerdekaan, {office} mengajak warga memastikan diri terdaftar di DPT: cek di "
        "{link} dengan NIK. {itags}",
        "Di Hari Sumpah Pemuda, ingat: warga yang berusia 17 tahun pada hari pemungutan suara berhak memilih dan "
        "perlu memastikan namanya masuk daftar pemilih. Cek di {link}.",
        "Peringatan Hari Disabilitas Internasional: {office} memastikan pemilih disabilitas tercatat dengan ragam "
        "disabilitasnya. Laporkan ke PPS bila datanya belum sesuai. {itags}",
        "Hari Pahlawan: jadilah pahlawan bagi keluargamu dengan memastikan mereka terdaftar sebagai pemilih. "
        "Datang ke kantor {office} atau cek di {link}. {itags}",
        "Upacara HUT ke-{ri} RI di {office} dirangkai peluncuran gerakan coklit serentak; pantarlih mulai "
        "mendatangi rumah warga {date}. {itags}",
    ]),
    ("campuranhutkpu", I, "campuran: HUT KPU + peluncuran layanan", [
        "Dirgahayu KPU ke-{ke}! Bertepatan dengan HUT KPU, {office} meluncurkan layanan pendaftaran pemilih "
        "daring di {link}. {itags}",
        "Tasyakuran HUT KPU ke-{ke} sekaligus peluncuran Rumah Pintar Pemilu {office}; terbuka untuk kunjungan "
        "pelajar mulai {date}. {itags}",
        "HUT KPU ke-{ke}: {office} meresmikan pojok layanan cek DPT di pelayanan Disdukcapil {area}, buka setiap "
        "hari kerja pukul 08.00-14.00 WIB.",
        "Dalam rangka HUT KPU ke-{ke}, {office} menggelar sosialisasi dan simulasi pemungutan suara di {village} "
        "pada {date}. {itags}",
    ]),
    ("campuranduka", I, "campuran: duka + informasi", [
        "Turut berduka cita atas wafatnya anggota KPPS TPS 12 {village}. {office} menyampaikan santunan dan "
        "mengingatkan seluruh KPPS untuk mengikuti pemeriksaan kesehatan sebelum bertugas pada {date}.",
        "Duka mendalam atas bencana di {area}. Pemilih terdampak dapat pindah memilih; layanan darurat dibuka di "
        "posko {office} hingga {date}. {itags}",
    ]),
]


def build() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for group, category, note, templates in TEMPLATES:
        for index, template in enumerate(templates):
            made, tries = 0, 0
            while made < PER_TEMPLATE and tries < PER_TEMPLATE * 20:
                tries += 1
                text = " ".join(template.format(**_slots(rng)).split())
                if text in seen:
                    continue
                seen.add(text)
                rows.append({"teks": text, "kategori": category, "catatan": note, "kelompok": f"{group}-{index + 1}"})
                made += 1
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_dict_writer(handle, ["teks", "kategori", "catatan", "kelompok"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT.name}: {len(rows)} baris, {sum(r['kategori'] == I for r in rows)} informasi, "
          f"{sum(r['kategori'] == S for r in rows)} seremonial, {len({r['kelompok'] for r in rows})} templat")


if __name__ == "__main__":
    main()
