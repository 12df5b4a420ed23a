"""The national office hierarchy, loaded from the Kemendagri region list shipped in the package
(`bakohumas/data/wilayah-kemendagri-2025.csv`, attribution in `bakohumas/data/README.md`)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

REGIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "wilayah-kemendagri-2025.csv"
ACEH = "11"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # provinsi / kabupaten / kota
    parent_code: str


def read_regions(path: Path = REGIONS_CSV) -> list[Region]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Region(row["kode"].strip(), row["nama"].strip(), row["tingkat"].strip(), row["kode_induk"].strip())
            for row in csv.DictReader(handle)
        ]


def office_name(region: Region) -> str:
    """KPU Provinsi Jawa Timur, KPU Kota Kediri; in Aceh the offices are KIP."""
    in_aceh = ACEH in (region.code, region.parent_code)
    if region.level == "provinsi":
        return f"KIP {region.name}" if in_aceh else f"KPU Provinsi {region.name}"
    return f"{'KIP' if in_aceh else 'KPU'} {region.name}"


@transaction.atomic
def offices_load_reference() -> int:
    """Create or update KPU RI, the 38 provinces and the 514 kab/kota. Safe to run again;
    returns how many offices were created."""
    from bakohumas.offices.models import Office

    existing = {office.code: office for office in Office.objects.all()}
    created = 0
    national = existing.get(Office.NATIONAL_CODE)
    if national is None:
        national = Office.objects.create(
            code=Office.NATIONAL_CODE, name="KPU RI", region_name="Indonesia", level=Office.Level.NATIONAL
        )
        existing[national.code] = national
        created += 1
    regions = read_regions()
    for wanted_level in ("provinsi", "kabupaten_kota"):
        new, changed = [], []
        for region in regions:
            is_province = region.level == "provinsi"
            if is_province != (wanted_level == "provinsi"):
                continue
            level = Office.Level.PROVINCE if is_province else Office.Level.REGENCY
            parent = national if is_province else existing[region.parent_code]
            fields = {"name": office_name(region), "region_name": region.name, "level": level, "parent": parent}
            office = existing.get(region.code)
            if office is None:
                new.append(Office(code=region.code, **fields))
            elif any(getattr(office, key) != value for key, value in fields.items()):
                for key, value in fields.items():
                    setattr(office, key, value)
                changed.append(office)
        Office.objects.bulk_create(new)
        Office.objects.bulk_update(changed, ["name", "region_name", "level", "parent"])
        created += len(new)
        existing.update({office.code: office for office in Office.objects.filter(code__in=[o.code for o in new])})
    return created


def load_reference_data_after_migrate(sender, using="default", **kwargs) -> None:
    """`migrate` (and a test database flush) leaves the hierarchy in place."""
    from django.db import connections

    if "offices_office" not in connections[using].introspection.table_names():
        return
    offices_load_reference()
