"""The shared merge helper: three-way merge field by field, the signed basis, picks applied."""

from django import forms
from django.http import QueryDict

from bakohumas.core.conflicts import (
    THEIRS,
    apply_choices,
    display,
    normalize,
    posted_values,
    read_basis,
    shown_values,
    sign_basis,
    three_way,
)


class SampleForm(forms.Form):
    title = forms.CharField()
    year = forms.IntegerField(required=False)
    public = forms.BooleanField(required=False)
    kind = forms.ChoiceField(choices=[("buku", "Buku"), ("laporan", "Laporan")])
    notes = forms.CharField(widget=forms.Textarea, required=False)
    upload = forms.FileField(required=False)


def test_it_merges_what_one_side_changed_and_flags_what_both_changed():
    base = {"a": "1", "b": "1", "c": "1", "d": "1"}
    theirs = {"a": "2", "b": "1", "c": "3", "d": "5"}
    mine = {"a": "1", "b": "2", "c": "4", "d": "5"}
    merge = three_way(base=base, mine=mine, theirs=theirs)
    assert merge.values == {"a": "2", "b": "2", "c": "4", "d": "5"}
    assert merge.taken == ["a"] and merge.conflicts == ["c"]


def test_without_a_base_every_difference_is_a_conflict():
    merge = three_way(base=None, mine={"a": "1", "b": "2"}, theirs={"a": "1", "b": "3"})
    assert merge.conflicts == ["b"] and merge.values == {"a": "1", "b": "2"}


def test_the_basis_round_trips_signed_and_a_tampered_one_is_ignored():
    raw = sign_basis(revision=4, values={"title": "Judul"}, conflicts=["title"])
    basis = read_basis(raw)
    assert basis is not None and basis.revision == 4 and basis.values == {"title": "Judul"}
    assert basis.conflicts == ("title",)
    assert read_basis(raw[:-2] + "xx") is None and read_basis("") is None and read_basis(None) is None


def test_values_compare_as_the_form_shows_them():
    form = SampleForm(initial={"title": "Judul ", "year": 2024, "public": True, "kind": "buku", "notes": "a\nb"})
    shown = shown_values(form)
    assert shown == {"title": "Judul", "year": "2024", "public": "1", "kind": "buku", "notes": "a\nb"}
    posted = SampleForm(data={"title": "Judul", "year": "2024", "public": "on", "kind": "buku", "notes": "a\r\nb"})
    assert posted_values(posted) == shown  # the upload is never merged
    assert normalize(None) == "" and normalize(False) == "" and normalize(["x", "y"]) == "x\ny"


def test_a_pick_of_the_stored_value_is_put_in_as_the_widget_would_send_it():
    basis = read_basis(sign_basis(revision=2, values={}, conflicts=["title", "public", "kind"]))
    data = QueryDict(mutable=True)
    data.update({"title": "Mine", "public": "on", "kind": "buku", "pilih__title": THEIRS, "pilih__public": THEIRS})
    chosen, missing = apply_choices(data, SampleForm.base_fields, basis, {"title": "Theirs", "public": "", "kind": "x"})
    assert chosen["title"] == "Theirs" and "public" not in chosen and missing == ["kind"]
    assert display(SampleForm.base_fields["kind"], "laporan") == "Laporan"
    assert display(SampleForm.base_fields["public"], "") == "Tidak"
