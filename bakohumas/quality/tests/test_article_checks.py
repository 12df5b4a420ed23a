"""News article checks, table-driven: each row is a draft and the status one check should give."""

from __future__ import annotations

import pytest

from bakohumas.quality.article_checks import CODES, check_article

LEAD = ("KPU Kota Kediri menggelar sosialisasi pemilih pemula di Aula SMAN 2 Kediri, Senin (17/7/2025), "
        "yang diikuti 200 siswa kelas XII.")
QUOTE = "\u201cPemilih pemula menentukan wajah demokrasi kita lima tahun ke depan,\u201d kata Ketua KPU Kota Kediri."
FILLER = ("Materi meliputi tahapan Pemilu, cara mengecek daftar pemilih, dan tata cara pemungutan suara di TPS. "
          "Peserta juga mencoba simulasi pencoblosan dengan surat suara contoh. ") * 10
BODY = f"{LEAD}\n\n{QUOTE}\n\n{FILLER}"
GOOD = {"kind": "berita_website", "title": "KPU Kota Kediri Ajak 200 Siswa SMAN 2 Kenali Tahapan Pemilu",
        "lead": LEAD, "body": BODY, "photo_caption": "Ketua KPU Kota Kediri menjelaskan tahapan Pemilu di SMAN 2."}


def _run(**changes) -> dict[str, tuple[str, str]]:
    return {c.code: (c.status, c.detail) for c in check_article(**{**GOOD, **changes})}


def test_a_good_story_passes_everything():
    results = check_article(**GOOD)
    assert [c.code for c in results] == list(CODES)
    assert {c.code: c.status for c in results} == dict.fromkeys(CODES, "lulus"), results


CASES = [
    # (changes, code, status, words in the detail)
    ({"title": ""}, "panjang_judul", "gagal", "belum diisi"),
    ({"title": "Sosialisasi"}, "panjang_judul", "peringatan", "1 kata"),
    ({"title": " ".join(["kata"] * 20)}, "panjang_judul", "peringatan", "20 kata"),
    ({"title": "A" * 60 + " " + "B" * 50}, "panjang_judul", "peringatan", "karakter"),
    ({"lead": ""}, "teras_berita", "gagal", "belum diisi"),
    ({"lead": "KPU Kota Kediri menggelar sosialisasi di Aula SMAN 2 Kediri."}, "teras_berita", "peringatan", "kapan"),
    ({"lead": "KPU Kota Kediri menggelar sosialisasi, Senin (17/7/2025)."}, "teras_berita", "peringatan", "di mana"),
    ({"lead": "sosialisasi dan simulasi."}, "teras_berita", "gagal", "siapa"),
    ({"body": "Singkat saja. " * 20, "lead": ""}, "panjang_isi", "gagal", "terlalu pendek"),
    ({"body": f"{LEAD} {QUOTE} " + "Kata isi berita. " * 60}, "panjang_isi", "peringatan", "dianjurkan minimal"),
    ({"body": BODY + " isi" * 1200}, "panjang_isi", "peringatan", "meringkas"),
    ({"body": f"{LEAD}\n{FILLER}"}, "kutipan", "peringatan", "belum ada kutipan"),
    ({"body": f"{LEAD}\n\"Pemilih pemula menentukan wajah demokrasi.\"\n{FILLER}"}, "kutipan", "peringatan",
     "siapa yang berbicara"),
    ({"body": f"{LEAD}\nMenurut Ketua KPU, \"semua warga berusia 17 tahun wajib mengecek DPT.\"\n{FILLER}"},
     "kutipan", "lulus", "kutipan"),
    ({"body": f"{LEAD}\n\"Cek data Anda di cekdptonline,\" ujarnya.\n{FILLER}"}, "kutipan", "lulus", "kutipan"),
    ({"photo_caption": None}, "foto", "peringatan", "belum ada foto"),
    ({"photo_caption": ""}, "foto", "peringatan", "belum diberi keterangan"),
    ({"photo_caption": "Foto bersama"}, "foto", "peringatan", "terlalu singkat"),
    ({"body": "Segenap pimpinan dan jajaran KPU Kota Kediri mengucapkan selamat Hari Raya Idul Fitri. Mohon maaf lahir "
              "dan batin. Semoga berkah.", "title": "Selamat Hari Raya Idul Fitri", "lead": ""},
     "bukan_seremonial", "gagal", "seremonial"),
    ({"body": "Apel pagi berlangsung khidmat di halaman kantor. Acara dilanjutkan foto bersama dan ramah tamah. "
              "Semoga sukses. Hadir 40 pegawai.", "lead": ""}, "bukan_seremonial", "peringatan", "apel pagi"),
    ({"body": BODY + " Acara ditutup dengan foto bersama."}, "bukan_seremonial", "lulus", "informasi"),
    # KBBI: "pemilu" is a common noun; only a named election ("Pemilu 2024", "Pemilu Serentak") is capitalised.
    ({"body": BODY.replace("Pemilu", "pemilu")}, "ejaan_istilah", "lulus", "sesuai"),
    ({"body": BODY + " Tahapan pemilu 2024 dimulai."}, "ejaan_istilah", "peringatan",
     "\u201cpemilu\u201d \u2192 \u201cPemilu\u201d"),
    ({"body": BODY + " Menjelang pemilu tahun 2029."}, "ejaan_istilah", "peringatan", "Pemilu 2024"),
    ({"body": BODY + " Persiapan pemilu serentak berikutnya."}, "ejaan_istilah", "peringatan", "\u2192 \u201cPemilu\u201d"),
    ({"body": BODY + " Hasil Pemilu 2024 dan Pemilu Serentak."}, "ejaan_istilah", "lulus", "sesuai"),
    ({"body": BODY + " Sebanyak 2024 pemilih datang ke TPS saat pemilu berlangsung."}, "ejaan_istilah", "lulus",
     "sesuai"),
    ({"body": BODY + " Sekretaris kpu Kab. Kediri menghimbau warga."}, "ejaan_istilah", "peringatan",
     "\u201ckab.\u201d"),
    ({"body": BODY + " Menurut bawaslu, e-KTP wajib dibawa."}, "ejaan_istilah", "peringatan", "KTP-el"),
    ({"body": BODY + " Data DPT diperbarui."}, "ejaan_istilah", "peringatan", "Daftar Pemilih Tetap (DPT)"),
    ({"body": BODY + " Daftar Pemilih Tetap (DPT) diperbarui."}, "ejaan_istilah", "lulus", "sesuai"),
    ({"body": BODY + " Situs kpu.go.id dan surel humas@kpu.go.id."}, "ejaan_istilah", "lulus", "sesuai"),
    ({"body": BODY + " Kegiatan di KPUD Kediri."}, "ejaan_istilah", "peringatan", "KPUD"),
    ({"title": "KPU Ajak Pemilih Pemula Kenali Tahapan Pemilu di Kediri"}, "ejaan_istilah", "lulus", "sesuai"),
    ({"title": "KPU Menghimbau Pemilih Pemula Cek Data di Kediri"}, "ejaan_istilah", "peringatan", "mengimbau"),
]


@pytest.mark.parametrize(("changes", "code", "status", "words"), CASES)
def test_it_checks(changes, code, status, words):
    got_status, detail = _run(**changes)[code]
    assert got_status == status, detail
    assert words.lower() in detail.lower()


def test_press_releases_have_their_own_length():
    body = f"{LEAD} {QUOTE} " + "Kata isi berita. " * 55
    assert _run(kind="siaran_pers", body=body)["panjang_isi"][0] == "lulus"
    assert _run(kind="berita_website", body=body)["panjang_isi"][0] == "peringatan"


def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        check_article(**{**GOOD, "kind": "pengumuman"})


def test_a_lead_starting_with_the_place_counts_it():
    lead = "Di Aula KPU Kota Kediri, Senin (17/7/2025), Ketua KPU melantik 50 anggota PPK."
    assert _run(lead=lead)["teras_berita"][0] == "lulus"
