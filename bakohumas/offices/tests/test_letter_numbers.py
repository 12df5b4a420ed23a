"""Letter numbers: one sequence per office and per year, written with the office's pattern, never
the same number twice (also under concurrent requests on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from bakohumas.offices.models import LetterNumber, Office
from bakohumas.offices.services import letter_number_next, office_profile_update

D = dt.date


@pytest.mark.django_db
def test_it_numbers_per_office_and_per_year_with_the_office_pattern(kediri, jatim):
    office_profile_update(office=kediri, actor=None, full_name="KPU KOTA KEDIRI", letter_code="KPU-Kot",
                          letter_number_pattern="{nomor}/PP.05-SD/{kode}/{tahun}")
    office_profile_update(office=jatim, actor=None, full_name="KPU PROVINSI JAWA TIMUR",
                          letter_number_pattern="{nomor3}/PP.05-SD/{kode_wilayah}/{bulan}/{tahun}")
    assert letter_number_next(office=kediri, day=D(2025, 5, 2)) == "1/PP.05-SD/KPU-Kot/2025"
    assert letter_number_next(office=kediri, day=D(2025, 7, 9)) == "2/PP.05-SD/KPU-Kot/2025"
    assert letter_number_next(office=jatim, day=D(2025, 7, 9)) == "001/PP.05-SD/35/VII/2025"
    assert letter_number_next(office=kediri, day=D(2026, 1, 5)) == "1/PP.05-SD/KPU-Kot/2026"
    assert letter_number_next(office=kediri, year=2025, day=D(2026, 1, 5)) == "3/PP.05-SD/KPU-Kot/2025"
    assert list(LetterNumber.objects.filter(office=kediri, year=2025).values_list("number", flat=True)) == [3, 2, 1]


@pytest.mark.django_db
def test_an_office_without_a_profile_uses_the_default_pattern(kediri):
    assert letter_number_next(office=kediri, day=D(2025, 3, 1)) == "1/PP.05-SD/3571/2025"


@pytest.mark.django_db
def test_the_database_refuses_a_number_twice(kediri):
    letter_number_next(office=kediri, day=D(2025, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        LetterNumber.objects.create(office=kediri, year=2025, number=1, formatted="1/x/2025", issued_on=D(2025, 3, 1))


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_on_postgresql_get_distinct_numbers(kediri):
    if connection.vendor != "postgresql":
        pytest.skip("threads with their own connections need a server database")
    workers, each = 6, 5
    barrier, numbers, errors = threading.Barrier(workers), [], []

    def allocate():
        from django.db import connections
        try:
            office = Office.objects.get(code="3571")
            barrier.wait()
            for _ in range(each):
                numbers.append(letter_number_next(office=office, day=D(2025, 8, 1)))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, workers * each + 1))
    assert LetterNumber.objects.filter(office=kediri, year=2025).count() == workers * each
