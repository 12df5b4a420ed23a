"""Audit rows read in Indonesian: field labels, state names and local dates, never keys, codes or ISO stamps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.audit.presentation import data_summary, local_moment, target_label

PLAN = "governance.plannedpost"
ACTION = "followup.action"


def test_field_keys_read_as_their_verbose_names_and_dates_as_words():
    lines = data_summary({"planned_on": "2025-07-17", "platform": "instagram"}, PLAN)
    assert lines == ["tanggal rencana terbit: 17 Juli 2025", "platform: Instagram"]


def test_a_state_change_reads_with_the_choice_labels():
    assert data_summary({"from": "open", "to": "in_progress"}, ACTION) == ["Belum dimulai → Sedang berjalan"]


def test_a_list_of_changed_fields_reads_as_labels():
    assert data_summary({"fields": ["planned_on", "topic"]}, PLAN) == ["kolom diubah: tanggal rencana terbit, topik informasi"]


def test_changes_pairs_use_labels_and_periods_read_as_quarters():
    assert data_summary({"changes": {"planned_on": ["2025-07-01", "2025-07-17"]}}, PLAN) == [
        "tanggal rencana terbit: 1 Juli 2025 → 17 Juli 2025"]
    assert data_summary({"due_period": "2025Q2"}, ACTION) == ["tenggat (triwulan): Triwulan II 2025"]


def test_an_old_new_pair_of_dicts_lists_only_what_changed():
    lines = data_summary({"old": {"deadline": "2025-07-10", "entry_closed": False},
                          "new": {"deadline": "2025-07-17", "entry_closed": False}}, "reports.period")
    assert lines == ["batas waktu: 10 Juli 2025 → 17 Juli 2025"]


def test_timestamps_are_shown_in_jakarta_time():
    assert local_moment("2025-07-17T07:05:00+00:00") == "17 Juli 2025 14.05"
    assert local_moment(dt.datetime(2025, 7, 17, 7, 5, tzinfo=dt.UTC)) == "17 Juli 2025 14.05"
    assert data_summary({"published_at": "2025-07-17T07:05:00+00:00"}, "publications.output") == [
        "waktu terbit: 17 Juli 2025 14.05"]


def test_unknown_keys_and_models_fall_back_to_the_key():
    assert data_summary({"mystery": 1}, "nope.model") == ["mystery: 1"]
    assert target_label(PLAN) == "rencana unggahan"
    assert target_label("auth") == "auth"


@pytest.mark.django_db
def test_the_pages_show_labels_not_keys(client, users, kediri):
    entry = AuditEntry.objects.create(action="followup.action.progress", target_type=ACTION, target_id="x",
                                      office=kediri, data={"from": "open", "to": "in_progress"})
    AuditEntry.objects.create(action="governance.planned_post.update", target_type=PLAN, target_id="y",
                              office=kediri, data={"planned_on": "2025-07-17"})
    client.force_login(users["ketua"])
    html = client.get(reverse("audit:list")).content.decode()
    assert "Belum dimulai → Sedang berjalan" in html and "tanggal rencana terbit: 17 Juli 2025" in html
    assert "open → in_progress" not in html and "planned_on" not in html
    detail = client.get(reverse("audit:detail", args=[entry.id])).content.decode()
    assert "Belum dimulai → Sedang berjalan" in detail and "followup.action:" not in detail


def test_a_publication_step_reads_as_its_title():
    assert data_summary({"step": "unggah_medsos"}, "publications.stepcheck") == ["langkah: Unggah di media sosial resmi"]
    assert data_summary({"step": "tidak_ada"}, None) == ["langkah: tidak_ada"]
