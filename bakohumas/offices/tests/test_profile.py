"""The office profile: its Ketua edits it (others read, outsiders 404), NIPs are 18 digits with a
plausible date, the logo goes through the upload checks and is served by its scoped view, and
letterhead_for falls back to the office name."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.offices.demo import placeholder_logo
from bakohumas.offices.letterhead import letterhead_for
from bakohumas.offices.models import OfficeProfile, Signatory, validate_nip
from bakohumas.offices.numbering import validate_pattern

pytestmark = pytest.mark.django_db

NIP = "198503152010121001"


def _data(**extra) -> dict:
    data = {"full_name": "KOMISI PEMILIHAN UMUM KOTA KEDIRI", "address": "Jl. Uji 1", "phone": "(0354) 1",
            "email": "ppid@contoh.kpu.go.id", "website": "https://kediri.contoh.kpu.go.id", "city": "Kediri",
            "ppid_name": "PPID Uji", "ppid_nip": "19850315 201012 1 001", "ppid_position": "Sekretaris",
            "atasan_name": "Atasan Uji", "atasan_nip": "", "atasan_position": "Ketua KPU Kota Kediri",
            "letter_code": "KPU-Kot", "letter_number_pattern": "{nomor}/PP.05-SD/{kode}/{tahun}",
            "ttd-TOTAL_FORMS": "2", "ttd-INITIAL_FORMS": "0", "ttd-MIN_NUM_FORMS": "0", "ttd-MAX_NUM_FORMS": "12",
            "ttd-0-name": "Ketua Uji", "ttd-0-nip": "", "ttd-0-position": "Ketua",
            "ttd-1-name": "Sekretaris Uji", "ttd-1-nip": NIP, "ttd-1-position": "Sekretaris"}
    data.update(extra)
    return data


def _url(code: str = "3571") -> str:
    return reverse("offices:profile", args=[code])


def test_it_lets_the_ketua_save_the_profile_with_a_logo(client, ketua, kediri):
    client.force_login(ketua)
    logo = SimpleUploadedFile("logo.png", placeholder_logo(), content_type="image/png")
    response = client.post(_url(), _data(logo=logo))
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = OfficeProfile.objects.get(office=kediri)
    assert profile.ppid_nip == "198503152010121001"  # typed with spaces, stored as 18 digits
    assert profile.logo.name.endswith(".png") and "logo" not in profile.logo.name.rsplit("/", 1)[-1]
    assert [(s.name, s.nip, s.order) for s in Signatory.objects.filter(office=kediri)] == [
        ("Ketua Uji", "", 1), ("Sekretaris Uji", NIP, 2)]
    served = client.get(reverse("offices:profile_logo", args=["3571"]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    page = client.get(_url()).content.decode()
    assert "KOTA KEDIRI" in page and "Sekretaris Uji" in page


@pytest.mark.parametrize("role", ["operator", "pimpinan", "evaluator", "national"])
def test_it_refuses_an_edit_from_anyone_but_the_ketua(client, users, kediri, role):
    client.force_login(users[role])
    assert client.post(_url(), _data()).status_code == 403
    assert not OfficeProfile.objects.filter(office=kediri).exists()
    page = client.get(_url())
    assert page.status_code == 200 and b'enctype="multipart/form-data"' not in page.content


def test_it_hides_the_profile_from_another_province(client, outsider, kediri):
    client.force_login(outsider)
    assert client.post(_url(), _data()).status_code == 404
    assert client.get(_url()).status_code == 404


def test_a_ketua_edits_only_the_own_office(ketua, kediri, jatim):
    assert ketua.can_edit_profile_of(kediri) and not ketua.can_edit_profile_of(jatim)


@pytest.mark.parametrize("nip", ["12345", "1985031520101210011", "19850315201012100A", "198513152010121001",
                                 "198503152010131001", "198503152010123001", "١٩٨٥٠٣١٥٢٠١٠١٢١٠٠١"])
def test_it_refuses_a_nip_that_is_not_18_plausible_digits(client, ketua, kediri, nip):
    with pytest.raises(ValidationError):
        validate_nip(nip)
    client.force_login(ketua)
    response = client.post(_url(), _data(ppid_nip=nip, **{"ttd-1-nip": nip}))
    assert response.status_code == 400
    assert "NIP harus 18 angka" in response.content.decode()
    assert not OfficeProfile.objects.filter(office=kediri).exists()


def test_it_refuses_a_logo_whose_bytes_are_no_picture(client, ketua, kediri):
    client.force_login(ketua)
    fake = SimpleUploadedFile("logo.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 300, content_type="image/png")
    response = client.post(_url(), _data(logo=fake))
    assert response.status_code == 400 and "Isi berkas tidak sesuai" in response.content.decode()
    broken = SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, content_type="image/png")
    response = client.post(_url(), _data(logo=broken))
    assert response.status_code == 400 and "tidak dapat dibaca" in response.content.decode()


@pytest.mark.parametrize("pattern", ["PP.05/{tahun}", "{nomor}/{unit}/{tahun}", "{nomor:03d}/{tahun}", "{nomor/{tahun}"])
def test_it_refuses_a_numbering_pattern_without_a_number_or_with_unknown_fields(client, ketua, kediri, pattern):
    with pytest.raises(ValidationError):
        validate_pattern(pattern)
    client.force_login(ketua)
    assert client.post(_url(), _data(letter_number_pattern=pattern)).status_code == 400


def test_the_letterhead_falls_back_to_the_office_name(kediri, jatim):
    letterhead = letterhead_for(kediri)
    assert letterhead.title_lines == ["KOMISI PEMILIHAN UMUM", "KOTA KEDIRI"]
    assert letterhead.ppid is None and letterhead.logo is None and letterhead.place == "Kediri"
    assert letterhead_for(jatim).title_lines == ["KOMISI PEMILIHAN UMUM", "PROVINSI JAWA TIMUR"]


def test_the_logo_of_an_office_without_one_is_404(client, ketua, kediri):
    client.force_login(ketua)
    assert client.get(reverse("offices:profile_logo", args=["3571"])).status_code == 404


def test_the_demo_gives_kediri_and_east_java_a_profile(kediri, jatim):
    from bakohumas.offices.demo import office_profiles_demo_load

    office_profiles_demo_load()
    office_profiles_demo_load()  # idempotent
    kediri_letterhead, jatim_letterhead = letterhead_for(kediri), letterhead_for(jatim)
    assert kediri_letterhead.logo_mime == "image/png" and kediri_letterhead.ppid.nip
    assert jatim_letterhead.place == "Surabaya" and jatim_letterhead.atasan is not None
    for nip in [kediri_letterhead.ppid.nip, *(s.nip for s in kediri_letterhead.signatories if s.nip)]:
        validate_nip(nip)
    assert all(s.name.endswith("Demo") for s in kediri_letterhead.signatories)
