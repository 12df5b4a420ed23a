"""Bulk accounts (formats/akun.md sections 1 and 2): the parser, the command and what they write."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from bakohumas.accounts.models import Invitation
from bakohumas.accounts.transfer import parse_accounts, template_csv, template_xlsx
from bakohumas.audit.models import AuditEntry
from bakohumas.core.spreadsheet import new_workbook, workbook_bytes
from bakohumas.offices.models import User

pytestmark = pytest.mark.django_db

HEADER = "kode_satker,nama,email,nomor_whatsapp,peran,jabatan\n"
GOOD = HEADER + (
    "3571,Rina Wulandari,rina@contoh.kpu.go.id,0812-3456-7890,operator,Pelaksana\n"
    "35,Dewi Lestari,Dewi@Contoh.kpu.go.id,+6281298765432,evaluator,Kasubbag Parmas dan SDM\n"
    "00,Budi Santoso,budi@contoh.kpu.go.id,,humas_ri,\n"
)


def _errors(text: str, **kwargs) -> set[tuple[int, str]]:
    parsed = parse_accounts(text.encode(), **kwargs)
    return {(error.row, error.column) for error in parsed.errors}


def test_it_reads_the_contract_columns_in_any_order_with_a_bom_and_semicolons():
    text = "\ufeffperan;email;nama;kode_satker\noperator;a@contoh.kpu.go.id;A;3571\n"
    parsed = parse_accounts(text.encode())
    assert parsed.ok, parsed.errors
    assert [(r.office.code, r.role, r.email, r.phone) for r in parsed.rows] == [("3571", "operator",
                                                                                 "a@contoh.kpu.go.id", "")]


def test_it_maps_00_to_kpu_ri_and_stores_phones_as_plus_628():
    parsed = parse_accounts(GOOD.encode())
    assert parsed.ok, parsed.errors
    assert [(r.office.code, r.phone) for r in parsed.rows] == [
        ("3571", "+6281234567890"), ("35", "+6281298765432"), ("ID", "")]


@pytest.mark.parametrize(("row", "column"), [
    ("9999,A,a@contoh.kpu.go.id,,operator,", "kode_satker"),           # unknown office
    ("3571,A,a@contoh.kpu.go.id,,evaluator,", "peran"),                # evaluator only at a province
    ("35,A,a@contoh.kpu.go.id,,humas_ri,", "peran"),                   # humas_ri only at KPU RI
    ("3571,A,a@contoh.kpu.go.id,,admin,", "peran"),                    # unknown role
    ("3571,A,bukan-email,,operator,", "email"),                        # malformed e-mail
    ("3571,A,a@contoh.kpu.go.id,0212345678,operator,", "nomor_whatsapp"),  # not a mobile number
    ("3571,A,a@contoh.kpu.go.id,+1 555 1234,operator,", "nomor_whatsapp"),
    ("3571,,a@contoh.kpu.go.id,,operator,", "nama"),                   # missing value
    (",A,a@contoh.kpu.go.id,,operator,", "kode_satker"),
    ("3571,A,,,operator,", "email"),
    ("3571,A,a@contoh.kpu.go.id,,,", "peran"),
])
def test_it_names_the_row_and_column_of_each_bad_row_and_writes_nothing(row, column, tmp_path, capsys):
    text = GOOD + row + "\n"
    assert (5, column) in _errors(text)
    path = tmp_path / "akun.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_users", str(path))
    assert exit_info.value.code == 1
    assert f"baris 5, kolom {column}:" in capsys.readouterr().err
    assert not User.objects.filter(email__iexact="rina@contoh.kpu.go.id").exists()


def test_it_refuses_the_same_e_mail_twice_in_a_file_whatever_the_case():
    text = GOOD + "3571,Rina Lagi,RINA@contoh.kpu.go.id,,operator,\n"
    assert _errors(text) == {(5, "email")}


def test_it_reports_a_missing_required_column_on_the_header_row():
    assert _errors("kode_satker,nama,email\n3571,A,a@contoh.kpu.go.id\n") == {(1, "peran")}


def test_it_creates_accounts_that_cannot_log_in_and_invites_them(tmp_path, capsys, smtp_server,
                                                                  django_capture_on_commit_callbacks):
    path = tmp_path / "akun.csv"
    path.write_text(GOOD, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_users", str(path))
    assert "dibuat: 3, diperbarui: 0, diundang: 3" in capsys.readouterr().out
    users = User.objects.exclude(email="")
    assert sorted(u.username for u in users) == ["budi", "dewi", "rina"]
    assert not any(u.has_usable_password() for u in users)
    assert Invitation.objects.count() == 3
    assert sorted(r[0] for r in smtp_server.recipients) == sorted(u.email for u in users)
    assert AuditEntry.objects.filter(action="account.import_create").count() == 3


def test_it_updates_an_existing_account_by_e_mail_and_never_makes_a_second(tmp_path, capsys, operator):
    operator.email = "RINA@contoh.kpu.go.id"
    operator.save()
    path = tmp_path / "akun.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_users", str(path), "--no-invite")
    assert "dibuat: 2, diperbarui: 1, diundang: 0" in capsys.readouterr().out
    operator.refresh_from_db()
    assert (operator.first_name, operator.phone, operator.position) == ("Rina Wulandari", "+6281234567890",
                                                                       "Pelaksana")
    assert operator.has_usable_password()  # an update keeps the password
    assert User.objects.filter(email__iexact="rina@contoh.kpu.go.id").count() == 1
    entry = AuditEntry.objects.get(action="account.import_update")
    assert entry.target_id == str(operator.pk) and entry.data["before"]["first_name"] == "Operator"
    assert Invitation.objects.count() == 0


def test_it_gives_new_accounts_distinct_user_names(tmp_path, operator):
    text = HEADER + "3571,A,operator@contoh.kpu.go.id,,operator,\n3571,B,operator@lain.go.id,,operator,\n"
    path = tmp_path / "akun.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_users", str(path), "--no-invite")
    assert set(User.objects.filter(email__icontains="operator@").values_list("username", flat=True)) == {
        "operator2", "operator3"}


def test_it_reads_the_first_sheet_of_an_xlsx(tmp_path, capsys):
    book = new_workbook()
    sheet = book.active
    sheet.append(["nama", "kode_satker", "email", "peran", "nomor_whatsapp"])
    sheet.append(["Rina", 3571, "rina@contoh.kpu.go.id", "operator", 81234567890])  # a number: the 0 is lost
    sheet.append(["Budi", "00", "budi@contoh.kpu.go.id", "humas_ri", 6281298765432])
    path = tmp_path / "akun.xlsx"
    path.write_bytes(workbook_bytes(book))
    call_command("import_users", str(path), "--no-invite")
    assert "dibuat: 2" in capsys.readouterr().out
    assert set(User.objects.exclude(phone="").values_list("phone", flat=True)) == {"+6281234567890",
                                                                                 "+6281298765432"}


def test_its_templates_parse_without_errors():
    assert parse_accounts(template_csv().encode()).ok
    assert parse_accounts(template_xlsx()).ok


# A manager's file: rows outside their reach are row errors (the web page passes the actor).
def test_it_refuses_rows_beyond_the_importers_reach(users):
    text = HEADER + "3571,A,a@contoh.kpu.go.id,,operator,\n3571,B,b@contoh.kpu.go.id,,ketua,\n" \
                    "33,C,c@contoh.kpu.go.id,,evaluator,\n35,D,d@contoh.kpu.go.id,,evaluator,\n"
    assert _errors(text, actor=users["ketua"]) == {(3, "peran"), (4, "peran"), (5, "peran")}
    assert _errors(text, actor=users["evaluator"]) == {(4, "peran")}
    assert _errors(text, actor=users["outsider"]) == {(2, "peran"), (3, "peran"), (5, "peran")}
    assert _errors(text, actor=users["national"]) == set()


def test_it_refuses_to_update_an_account_beyond_the_importers_reach(users):
    users["evaluator"].email = "eva@contoh.kpu.go.id"
    users["evaluator"].save()
    text = HEADER + "3571,Eva,eva@contoh.kpu.go.id,,operator,\n"
    assert _errors(text, actor=users["ketua"]) == {(2, "email")}


# The web page: upload, preview, one click.
def _upload(client, user, text: str, *, name="akun.csv", invite=True):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(user)
    data = {"file": SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)}
    if invite:
        data["invite"] = "on"
    return client.post(reverse("accounts:import"), data)


def test_it_previews_then_writes_on_one_click(client, users, smtp_server, django_capture_on_commit_callbacks):
    from django.urls import reverse

    users["operator"].email = "rina@contoh.kpu.go.id"
    users["operator"].save()
    response = _upload(client, users["national"], GOOD)
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 akun baru, 1 akun diperbarui." in page and "2 undangan akan dikirim." in page
    assert User.objects.count() == 6  # nothing written by the preview
    token = response.context["token"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:import_confirm"), {"token": token})
    assert response.status_code == 302
    assert User.objects.count() == 8
    assert len(smtp_server.messages) == 2
    assert Invitation.objects.filter(created_by=users["national"]).count() == 2
    # The preview is used up: a second click writes nothing more.
    assert client.post(reverse("accounts:import_confirm"), {"token": token}).status_code == 302
    assert User.objects.count() == 8


def test_it_shows_every_row_error_and_offers_no_confirmation(client, users):
    response = _upload(client, users["ketua"], GOOD)
    assert response.status_code == 400
    assert "token" not in response.context
    assert {(e.row, e.column) for e in response.context["parsed"].errors} == {(3, "peran"), (4, "peran")}


def test_it_serves_both_templates(client, users):
    from django.urls import reverse

    client.force_login(users["evaluator"])
    csv_response = client.get(reverse("accounts:import_template", args=["csv"]))
    assert csv_response.content.decode().startswith("kode_satker,nama,email,nomor_whatsapp,peran,jabatan")
    xlsx = client.get(reverse("accounts:import_template", args=["xlsx"]))
    assert parse_accounts(xlsx.content).ok
    assert client.get(reverse("accounts:import_template", args=["ods"])).status_code == 404


def test_a_managers_preview_takes_one_query_per_office_not_per_row(users, django_assert_max_num_queries):
    text = HEADER + "".join(f"3571,Orang {i},orang{i}@contoh.kpu.go.id,,operator,\n" for i in range(200))
    with django_assert_max_num_queries(8):
        parsed = parse_accounts(text.encode(), actor=users["evaluator"])
    assert parsed.ok and len(parsed.new_rows) == 200
