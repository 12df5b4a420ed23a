"""Findings written in Indonesian in the style of the Rakor Bakohumas slides:
"Hanya 4 dari 38 KPU Kabupaten/Kota yang telah memanfaatkan grup WhatsApp Bakohumas eksternal."
Counts in words where Indonesian style asks for them; percentages as whole numbers."""

from __future__ import annotations

from django.utils import timezone

from bakohumas.core.formatting import angka, angka_kapital, join_id, tanggal, whole_percent
from bakohumas.evaluation.engine import EvaluationResult, IndicatorResult
from bakohumas.evaluation.recommendations import names_text

UNIT = "KPU Kabupaten/Kota"


def _completeness(result: EvaluationResult) -> list[str]:
    from bakohumas.evaluation.report import carried_forward_majority, carried_forward_notice  # report imports us

    expected, reported = result.expected, len(result.reported)
    period = result.period.label
    lines = []
    if expected == 0:
        return ["Tidak ada KPU Kabupaten/Kota dalam cakupan evaluasi ini."]
    if reported == expected:
        lines.append(f"Seluruh {expected} {UNIT} telah menyampaikan laporan {period}.")
    elif reported == 0:
        lines.append(f"Belum ada satu pun {UNIT} yang menyampaikan laporan {period}.")
    else:
        lines.append(f"Sebanyak {reported} dari {expected} {UNIT} telah menyampaikan laporan {period}.")
    never, stale = result.never_reported, result.stale
    if never:
        lines.append(f"{angka_kapital(len(never))} {UNIT} belum pernah melapor sama sekali: "
                     f"{names_text([o.name for o in never])}.")
    if stale:
        lines.append(f"{angka_kapital(len(stale))} {UNIT} pernah melapor tetapi belum memperbarui laporan "
                     f"{period}: {names_text([o.name for o in stale])}.")
    carried = result.carried_forward
    if carried:
        if carried_forward_majority(result):
            lines.append(carried_forward_notice(result))
        else:
            lines.append(f"Untuk {angka(len(carried))} kantor yang belum memperbarui, evaluasi memakai laporan "
                         "terakhir yang tersedia.")
    late = result.late
    if late:
        lines.append(
            f"{angka_kapital(len(late))} laporan disampaikan melewati batas waktu "
            f"{tanggal(result.period.deadline)}."
        )
    return lines


def _share(item: IndicatorResult) -> str:
    n, total = item.numerator, item.denominator
    if n == 0:
        return f"Belum ada satu pun {UNIT} yang {item.phrase}."
    if n == total:
        if total == 1:
            return f"Satu-satunya {UNIT} dalam cakupan telah {item.phrase}."
        return f"Seluruh {total} {UNIT} telah {item.phrase}."
    if n * 2 < total:
        return f"Hanya {n} dari {total} {UNIT} yang telah {item.phrase}."
    return f"Sebanyak {n} dari {total} {UNIT} ({whole_percent(n, total)}%) telah {item.phrase}."


def _partnerships(items: list[IndicatorResult]) -> str:
    total = items[0].denominator
    parts = [f"{i.term} {i.numerator} dari {total} ({whole_percent(i.numerator, total)}%)" for i in items]
    weakest = min(items, key=lambda i: i.numerator)
    sentence = f"Kerja sama {UNIT}: {join_id(parts)}."
    if weakest.numerator * 2 < total:
        sentence += f" Kerja sama dengan {weakest.term} paling perlu ditingkatkan."
    return sentence


def _constraints(items: list[IndicatorResult]) -> str:
    total = items[0].denominator
    present = sorted((i for i in items if i.numerator), key=lambda i: -i.numerator)
    if not present:
        return f"Tidak ada {UNIT} yang menyampaikan kendala SDM, anggaran, maupun sarana dan prasarana."
    parts = [f"{i.term} ({i.numerator} dari {total}, {whole_percent(i.numerator, total)}%)" for i in present]
    return f"Kendala yang disampaikan: {join_id(parts)}."


def _ratio(item: IndicatorResult) -> str | None:
    n, total = item.numerator, item.denominator
    if item.code == "ketepatan_layanan_informasi":
        if total == 0:
            return "Tidak ada permohonan informasi publik yang dilaporkan pada periode ini."
        if n == total:
            return f"Seluruh {total} permohonan informasi publik dijawab dalam batas waktu."
        return (f"Sebanyak {n} dari {total} permohonan informasi publik ({whole_percent(n, total)}%) "
                "dijawab dalam batas waktu.")
    if item.code == "porsi_seremonial":
        if total == 0:
            return "Tidak ada unggahan media sosial yang dilaporkan pada periode ini."
        return (f"Sebanyak {whole_percent(n, total)}% unggahan media sosial ({n} dari {total}) berupa ucapan "
                "seremonial, bukan informasi publik.")
    if total == 0:
        return None
    return f"{item.name}: {n} dari {total} ({whole_percent(n, total)}%)."


def _rakor(result: EvaluationResult) -> list[str]:
    """Who did not attend the Rakor held in the quarter (bakohumas.meetings), one sentence per meeting;
    for the nation, one count."""
    from bakohumas.meetings.selectors import absences_in

    absences = absences_in(office_codes=[o.code for o in result.offices], period=result.period)
    if not absences:
        return []
    if result.is_national:
        offices = {o.pk for _meeting, absent in absences for o in absent}
        return [f"{angka_kapital(len(offices))} {UNIT} tidak mengikuti Rakor Bakohumas provinsinya pada "
                f"{result.period.label}."]
    lines = []
    for meeting, absent in absences:
        day = tanggal(timezone.localtime(meeting.starts_at).date())
        sentence = f"{angka_kapital(len(absent))} {UNIT} tidak mengikuti {meeting.title} {day}"
        lines.append(sentence + (f": {join_id([o.name for o in absent])}." if len(absent) <= 10 else "."))
    return lines


def write_findings(result: EvaluationResult) -> list[str]:
    lines = _completeness(result)
    if result.expected == 0:
        return lines
    shares = [i for i in result.indicators if i.kind == "share"]
    partnership = [i for i in shares if i.group == "kerja_sama"]
    constraints = [i for i in shares if i.group == "kendala"]
    for item in shares:
        if not item.group:
            lines.append(_share(item))
    if partnership:
        lines.append(_partnerships(partnership))
    if constraints:
        lines.append(_constraints(constraints))
    for item in result.indicators:
        if item.kind == "ratio":
            sentence = _ratio(item)
            if sentence:
                lines.append(sentence)
    return lines + _rakor(result)
