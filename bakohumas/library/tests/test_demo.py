import pytest

from bakohumas.demo.data import demo_load
from bakohumas.library.demo import library_demo_load
from bakohumas.library.models import CatalogueRecord, IsbnApplication


@pytest.mark.django_db
def test_it_loads_the_demo_catalogue_once():
    demo_load()
    library_demo_load()
    library_demo_load()
    assert CatalogueRecord.objects.count() == 14
    assert CatalogueRecord.objects.filter(deleted_at__isnull=False).count() == 1
    assert CatalogueRecord.objects.exclude(isbns=[]).count() >= 3
    assert {"3571", "3573", "3507", "35"} <= set(CatalogueRecord.objects.values_list("office__code", flat=True))
    assert set(IsbnApplication.objects.values_list("status", flat=True)) == set(IsbnApplication.Status.values)
    assert IsbnApplication.objects.filter(deposit_on__isnull=False).exists()
