"""Audit rows in words: action codes as Indonesian labels, `data` as short "field: old → new" lines."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

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


def _value(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ya")) if value else str(_("tidak"))
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items())
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def data_summary(data: Any) -> list[str]:
    """One line per key; a change given as {"old", "new"}, {"from", "to"} or [old, new] reads "old → new"."""
    if not isinstance(data, dict):
        return [_value(data)] if data else []
    lines = []
    for key, value in data.items():
        if key == "changes" and isinstance(value, dict):
            lines += [f"{name}: {_value(pair[0])} → {_value(pair[1])}" if isinstance(pair, list) and len(pair) == 2
                      else f"{name}: {_value(pair)}" for name, pair in value.items()]
        elif isinstance(value, dict) and {"old", "new"} <= value.keys():
            lines.append(f"{key}: {_value(value['old'])} → {_value(value['new'])}")
        else:
            lines.append(f"{key}: {_value(value)}")
    if {"old", "new"} <= data.keys():
        lines = [f"{_value(data['old'])} → {_value(data['new'])}"] + [
            line for line in lines if not line.startswith(("old:", "new:"))]
    if {"from", "to"} <= data.keys():
        lines = [f"{_value(data['from'])} → {_value(data['to'])}"] + [
            line for line in lines if not line.startswith(("from:", "to:"))]
    return lines
