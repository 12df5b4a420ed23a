"""Audit rows in words: action codes as Indonesian labels, `data` as short "field: old → new" lines."""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from bakohumas.core.formatting import tanggal
from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.core.templatetags.bakohumas import AUDIT_ACTIONS

# Filter choices: key -> (label, action prefixes).
KINDS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "auth": (_("Masuk/keluar dan verifikasi dua langkah"), ("auth.",)),
    "reports": (_("Laporan triwulan"), ("submission.", "period.")),
    "records": (_("Catatan kehumasan"), ("records.",)),
    "publications": (_("Publikasi"), ("publications.",)),
    "ppid": (_("PPID"), ("ppid",)),
    "library": (_("Perpustakaan"), ("library.",)),
    "media": (_("Dokumentasi"), ("media.",)),
    "posts": (_("Media sosial"), ("posts.",)),
    "governance": (_("Tata kelola"), ("governance.",)),
    "followup": (_("Tindak lanjut"), ("followup.",)),
    "quality": (_("Standar mutu"), ("quality_standard.",)),
    "offices": (_("Kantor dan jabatan"), ("position.",)),
    "jobs": (_("Unduhan"), ("job.",)),
    "accounts": (_("Pengelolaan akun"), ("account.",)),
    "meetings": (_("Rakor"), ("meetings.",)),
}

ACTIONS = {
    **AUDIT_ACTIONS,
    "auth.login": _("masuk"),
    "auth.logout": _("keluar"),
    "auth.login_failed": _("gagal masuk"),
    "auth.otp_enrol": _("verifikasi dua langkah diaktifkan"),
    "auth.otp_disable": _("verifikasi dua langkah dimatikan"),
    "auth.otp_verify": _("kode verifikasi benar"),
    "auth.otp_failed": _("kode verifikasi salah"),
    "auth.password_change": _("kata sandi diganti"),
    "account.deactivate": _("akun dinonaktifkan"),
    "account.reactivate": _("akun diaktifkan kembali"),
    "account.assign": _("satuan kerja atau peran akun diubah"),
    "account.two_factor_reset": _("verifikasi dua langkah diatur ulang oleh pengelola"),
    "account.create_admin": _("akun admin pertama KPU RI dibuat"),
    "account.session_end": _("sesi diakhiri oleh pengelola"),
    "account.sessions_end": _("dikeluarkan dari semua perangkat oleh pengelola"),
    "auth.session_end": _("sesi diakhiri"),
    "auth.sessions_end_others": _("keluar dari semua perangkat lain"),
    "auth.backup_codes_generate": _("kode cadangan dibuat"),
    "auth.backup_code_used": _("masuk dengan kode cadangan"),
    "meetings.meeting.schedule": _("rakor dijadwalkan"),
    "meetings.meeting.invite": _("undangan rakor dikirim"),
    "meetings.meeting.cancel": _("rakor dibatalkan"),
    "meetings.minutes.save": _("notulen rakor disimpan"),
    "meetings.minutes.approve": _("notulen rakor disetujui"),
    "meetings.direction.actions": _("arahan rakor dijadikan tindak lanjut"),
    "meetings.attendance.remove": _("nama dihapus dari daftar hadir rakor"),
    "meetings.attendance.mark": _("kehadiran kantor di rakor ditandai"),
    "meetings.news.draft": _("draf berita rakor dibuat"),
}

VERBS = {
    "create": _("dibuat"), "update": _("diubah"), "delete": _("dihapus"), "import": _("diimpor"),
    "submit": _("dikirim"), "verify": _("diverifikasi"), "return": _("dikembalikan"), "start": _("dimulai"),
    "save_draft": _("draf disimpan"), "approve": _("disetujui"), "publish": _("diterbitkan"),
    "register": _("didaftarkan"), "decide": _("diputuskan"), "extend": _("diperpanjang"),
    "correct": _("dikoreksi"), "upload": _("diunggah"), "add": _("ditambahkan"), "handover": _("serah terima"),
    "request": _("diminta"), "tick": _("dicentang"), "untick": _("centang dibatalkan"),
    "answer": _("dijawab"), "file": _("diajukan"), "reopen": _("dibuka kembali"),
}


def kind_of(action: str) -> str:
    for key, (_label, prefixes) in KINDS.items():
        if action.startswith(prefixes):
            return key
    return ""


def action_label(action: str) -> str:
    """"Laporan triwulan: dikirim"; an unknown code is shown as it is."""
    if action in ACTIONS:
        return str(ACTIONS[action])
    kind = kind_of(action)
    verb = VERBS.get(action.rsplit(".", 1)[-1])
    if kind and verb:
        return f"{KINDS[kind][0]}: {verb}"
    return action


# Keys of `data` that are not model fields (written by services across the apps).
KEY_LABELS: dict[str, Any] = {
    "fields": _("kolom diubah"), "changes": _("perubahan"), "ip": _("alamat IP"), "user_agent": _("peramban"),
    "kind": _("jenis"), "file": _("berkas"), "source": _("sumber"), "rows": _("baris"), "version": _("versi"),
    "created": _("baru"), "via": _("melalui"), "status": _("status"), "step": _("langkah"), "stage": _("tahap"),
    "period": _("periode"), "offices": _("kantor"), "due_period": _("tenggat"), "indicator": _("indikator"),
    "deadline": _("batas waktu"), "entry_closed": _("pengisian ditutup"), "overridden": _("nilai berbeda dari saran"),
    "sessions_ended": _("sesi diakhiri"), "invitations_revoked": _("undangan dibatalkan"),
    "devices": _("perangkat"), "remaining": _("sisa"), "username": _("nama pengguna"), "email": _("e-mail"),
    "role": _("peran"), "invitation": _("undangan"), "url": _("tautan"), "published_at": _("waktu terbit"),
    "post": _("unggahan"), "category": _("kategori"), "title": _("judul"), "name": _("nama"),
    "activity": _("kegiatan"), "sha256": _("sidik berkas (SHA-256)"), "date": _("tanggal"),
    "requests_moved": _("permohonan digeser"), "objections_moved": _("keberatan digeser"),
    "completion_due": _("batas penyelesaian"), "notice_due": _("batas pemberitahuan"),
    "extended_due": _("batas setelah diperpanjang"), "answer_due": _("batas jawaban"), "expires_on": _("berlaku sampai"),
    "outcome": _("keputusan"), "ground": _("alasan"), "on_time": _("tepat waktu"), "answer": _("jawaban"),
    "registration_number": _("nomor registrasi"), "channel": _("saluran"), "inventory_code": _("kode inventaris"),
    "replaced_document": _("dokumen yang diganti"),
}
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_DATETIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}")
_PERIOD = re.compile(r"^20[0-9]{2}Q[1-4]$")


def _model(target_type: str | None) -> type[models.Model] | None:
    if not target_type or "." not in target_type:
        return None
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label(model: type[models.Model] | None, key: str) -> str:
    """A field's verbose_name ("tanggal rencana terbit"), a known key's label, or the key itself."""
    field = _field(model, key)
    if field is not None:
        return str(field.verbose_name)
    return str(KEY_LABELS.get(key, key))


def _local_datetime(text: str) -> str:
    """'2025-07-17T07:05:00+00:00' -> '17 Juli 2025 14.05' (Jakarta time, Indonesian style)."""
    moment = parse_datetime(text)
    if moment is None:
        return text
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{tanggal(moment)} {moment:%H.%M}"


def _value(value: Any, field: models.Field | None = None) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ya")) if value else str(_("tidak"))
    if isinstance(value, list | tuple):
        return ", ".join(_value(v, field) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items())
    if field is not None and field.choices:
        labels = {str(k): v for k, v in field.flatchoices}
        if str(value) in labels:
            return str(labels[str(value)])
    text = str(value)
    if _ISO_DATE.match(text):
        day = parse_date(text)
        return tanggal(day) if day else text
    if _ISO_DATETIME.match(text):
        return _local_datetime(text)
    if _PERIOD.match(text):
        try:
            return Quarter.parse(text).label
        except InvalidPeriod:
            return text
    return text if len(text) <= 120 else text[:117] + "…"


def _step_title(code: Any) -> str | None:
    """A publication SOP step code ("unggah_medsos") as its title; the steps are constants, no query."""
    from bakohumas.publications.sop import SOP

    for steps in SOP.values():
        for step in steps:
            if step.code == code:
                return str(step.title)
    return None


def _state_field(model: type[models.Model] | None) -> models.Field | None:
    """The field a {"from", "to"} change is about: the model's status (the only one services log that way)."""
    return _field(model, "status")


def data_summary(data: Any, target_type: str | None = None) -> list[str]:
    """One line per key, in Indonesian: field labels from the target model's verbose_name, state values
    from its choices' labels, ISO dates as "17 Juli 2025", timestamps as "17 Juli 2025 14.05" (Jakarta).
    A change given as {"old", "new"}, {"from", "to"}, [old, new] or {"changes": {...}} reads "old → new"."""
    if not isinstance(data, dict):
        return [_value(data)] if data else []
    model = _model(target_type)
    lines = []
    for key, value in data.items():
        if key in {"old", "new", "from", "to"} and ({"old", "new"} <= data.keys() or {"from", "to"} <= data.keys()):
            continue
        field = _field(model, key)
        label = _label(model, key)
        if key == "changes" and isinstance(value, dict):
            for name, pair in value.items():
                f = _field(model, name)
                if isinstance(pair, list) and len(pair) == 2:
                    lines.append(f"{_label(model, name)}: {_value(pair[0], f)} → {_value(pair[1], f)}")
                else:
                    lines.append(f"{_label(model, name)}: {_value(pair, f)}")
        elif key == "fields" and isinstance(value, list | tuple):
            lines.append(f"{label}: " + ", ".join(_label(model, str(name)) for name in value))
        elif key == "step" and (title := _step_title(value)):
            lines.append(f"{label}: {title}")
        elif isinstance(value, dict) and {"old", "new"} <= value.keys():
            lines.append(f"{label}: {_value(value['old'], field)} → {_value(value['new'], field)}")
        else:
            lines.append(f"{label}: {_value(value, field)}")
    for old, new in (("old", "new"), ("from", "to")):
        if {old, new} <= data.keys():
            before, after = data[old], data[new]
            if isinstance(before, dict) and isinstance(after, dict):
                changed = [f"{_label(model, k)}: {_value(before.get(k), _field(model, k))} → "
                           f"{_value(after.get(k), _field(model, k))}"
                           for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
                lines = changed + lines
            else:
                state = _state_field(model) if old == "from" else None
                lines = [f"{_value(before, state)} → {_value(after, state)}"] + lines
    return lines


def local_moment(moment: Any) -> str:
    """A datetime as "17 Juli 2025 14.05" in Jakarta time; an ISO string works too."""
    if isinstance(moment, str):
        return _local_datetime(moment)
    if moment is None:
        return "–"
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{tanggal(moment)} {moment:%H.%M}"


def target_label(target_type: str) -> str:
    """The target's kind in words ("rencana unggahan"); "auth" and unknown kinds as they are."""
    model = _model(target_type)
    return str(model._meta.verbose_name) if model is not None else target_type
