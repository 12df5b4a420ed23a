"""No lost updates on catalogue records: a stale edit gets the merge page; the create form posted
twice makes one record."""

import re

import pytest
from django.urls import reverse

from bakohumas.library.models import CatalogueRecord
from bakohumas.library.services import ConflictError, record_update

pytestmark = pytest.mark.django_db


def _edit_page(client, record) -> dict[str, str]:
    """What the edit page posts back unchanged: every field as shown plus the hidden ones."""
    html = client.get(reverse("library:record_edit", args=[record.id])).content.decode()
    return _form_data(html)


def _form_data(html: str) -> dict[str, str]:
    data = {name: value for name, value in re.findall(r'<input type="(?:text|number|hidden)" name="(\w+)" value="([^"]*)"', html)}
    data.update(re.findall(r'<textarea name="(\w+)"[^>]*>\n?(.*?)</textarea>', html, re.S))
    for name in re.findall(r'<select name="(\w+)"', html):
        select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
        data[name] = re.search(r'<option value="([^"]*)" selected', select).group(1)
    if re.search(r'<input type="checkbox" name="files_public"[^>]* checked', html):
        data["files_public"] = "on"
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_a_stale_edit_is_refused_by_the_service(record):
    with pytest.raises(ConflictError):
        record_update(record=record, actor=None, data={"title": "Baru"}, revision=record.revision - 1)


@pytest.fixture
def stale_page(client, operator, ketua, record):
    client.force_login(operator)
    page = _edit_page(client, record)
    record_update(record=record, actor=ketua, data={"publisher": "Penerbit Ketua", "title": "Judul Ketua"},
                  revision=record.revision)
    return page


def test_the_merge_page_shows_both_values_and_the_choice_is_saved(client, stale_page, record, ketua):
    url = reverse("library:record_edit", args=[record.id])
    response = client.post(url, {**stale_page, "title": "Judul Operator", "place": "Kota Kediri"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Tersimpan (oleh" in html and ketua.get_full_name() in html
    row = re.search(r'<tr data-conflict="title">.*?</tr>', html, re.S).group(0)
    assert "Judul Operator" in row and "Judul Ketua" in row and html.count("data-conflict=") == 1
    merged = _form_data(html)
    assert merged["place"] == "Kota Kediri" and merged["publisher"] == "Penerbit Ketua"  # one side each
    assert merged["title"] == "Judul Operator"  # typed, kept until the user chooses
    response = client.post(url, {**merged, "pilih__title": "tersimpan"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.title, record.place, record.publisher) == ("Judul Ketua", "Kota Kediri", "Penerbit Ketua")


def test_choosing_mine_keeps_what_was_typed(client, stale_page, record):
    url = reverse("library:record_edit", args=[record.id])
    merged = _form_data(client.post(url, {**stale_page, "title": "Judul Operator"}).content.decode())
    assert client.post(url, {**merged}).status_code == 409  # no choice yet: asked again
    assert client.post(url, {**merged, "pilih__title": "anda"}).status_code == 302
    record.refresh_from_db()
    assert record.title == "Judul Operator" and record.publisher == "Penerbit Ketua"


def test_the_create_form_posted_twice_makes_one_record(client, operator):
    client.force_login(operator)
    html = client.get(reverse("library:record_create")).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = {"title": "Buku Sekali", "language": "ind", "election": "umum", "document_type": "buku",
            "form_token": token}
    first = client.post(reverse("library:record_create"), data)
    second = client.post(reverse("library:record_create"), data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert CatalogueRecord.objects.filter(title="Buku Sekali").count() == 1
