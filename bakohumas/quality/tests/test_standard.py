"""The national standard: defaults, the edit page and service (KPU RI only, audited, validated),
and the edit changing what `examine` says."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.quality.media_checks import examine
from bakohumas.quality.models import QualityStandard
from bakohumas.quality.services import standard_update
from bakohumas.quality.standard import DEFAULT_STANDARD, Standard, current_standard
from bakohumas.quality.tests.conftest import jpeg, scene

pytestmark = pytest.mark.django_db


def _form_data(**changes) -> dict:
    data = {}
    for name, value in {**DEFAULT_STANDARD.as_dict(), **changes}.items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    return data


def test_the_defaults_apply_until_kpu_ri_changes_them():
    assert current_standard() == DEFAULT_STANDARD == Standard()


def test_the_model_defaults_are_the_documented_defaults():
    assert QualityStandard().as_standard() == DEFAULT_STANDARD


def test_an_edit_changes_the_result_of_examine(national):
    photo = jpeg(scene(1600, 1200))
    assert examine(io.BytesIO(photo)).checks[0].status == "lulus"
    standard_update(actor=national, data={"photo_short_edge_warn": 1500})
    report = examine(io.BytesIO(photo))
    assert report.checks[0].status == "peringatan" and "minimal 1500 piksel" in report.checks[0].detail
    assert report.grade == "cukup"


def test_the_update_is_audited_with_old_and_new_values(national):
    row = standard_update(actor=national, data={"video_fps_warn": 25.0, "video_fps_fail": 15.0})
    entry = AuditEntry.objects.get(action="quality_standard.update")
    assert entry.target_id == str(row.pk) and entry.actor == national
    assert entry.data == {"changes": {"video_fps_warn": [24.0, 25.0]}}
    assert row.updated_by == national
    standard_update(actor=national, data={"video_fps_warn": 30.0})
    assert QualityStandard.objects.count() == 1
    assert current_standard().video_fps_warn == 30.0


@pytest.mark.parametrize("role", ["operator", "ketua", "pimpinan", "evaluator", "outsider"])
def test_only_kpu_ri_may_change_the_standard(users, role):
    with pytest.raises(PermissionDenied):
        standard_update(actor=users[role], data={"video_fps_warn": 30.0})
    assert not AuditEntry.objects.filter(action="quality_standard.update").exists()


def test_a_failure_threshold_must_not_be_looser_than_the_warning(national):
    with pytest.raises(ValidationError) as caught:
        standard_update(actor=national, data={"photo_sharpness_fail": 500.0})
    assert "photo_sharpness_warn" in caught.value.message_dict
    assert not QualityStandard.objects.exists()


def test_the_page_explains_every_check_in_indonesian(client, operator, django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("quality:standard"))
    html = response.content.decode()
    for code in ("ketajaman", "pencahayaan", "orientasi", "derau", "laju_bingkai", "laju_bit", "durasi", "audio"):
        assert f"<code class=\"small muted\">{code}</code>" in html
    assert "variansi Laplacian" in html and "LUFS" in html
    assert reverse("quality:standard_edit") not in html  # no edit button for an office


def test_national_edits_through_the_page(client, national):
    client.force_login(national)
    page = client.get(reverse("quality:standard"))
    assert reverse("quality:standard_edit") in page.content.decode()
    response = client.post(reverse("quality:standard_edit"), _form_data(photo_noise_warn=4.0,
                                                                          photo_portrait_warns=False))
    assert response.status_code == 302 and response.url == reverse("quality:standard")
    standard = current_standard()
    assert standard.photo_noise_warn == 4.0 and standard.photo_portrait_warns is False
    assert "4" in client.get(reverse("quality:standard")).content.decode()


def test_bad_input_is_shown_on_the_page(client, national):
    client.force_login(national)
    response = client.post(reverse("quality:standard_edit"), _form_data(video_fps_fail=50, photo_clipped_warn="abc"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "tidak lebih kecil" in html
    assert not QualityStandard.objects.exists()
