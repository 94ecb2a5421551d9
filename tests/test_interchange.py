"""The commune data file: exact round trip, and a bad file refused whole with every problem and its place."""
import copy
import json
import unicodedata

import pytest

from desktop.interchange import InterchangeError, dumps, parse, parse_text, to_document
from desktop.store import Store


@pytest.fixture
def doc(sample_path):
    return json.loads(sample_path.read_text(encoding="utf-8"))


def problems(document):
    with pytest.raises(InterchangeError) as info:
        parse(document)
    return {p.place: p.message for p in info.value.problems}


def test_sample_round_trips_exactly(doc, db_path):
    with Store.open(db_path) as store:
        store.replace_setup(parse(copy.deepcopy(doc)))
        first = to_document(store.load())
    assert first == doc
    with Store.open(db_path) as store:
        store.replace_setup(parse_text(json.dumps(first)))
        assert to_document(store.load()) == first


def test_extra_is_kept_everywhere(doc, db_path):
    doc["extra"] = {"nguồn": "huyện", "n": [1, 2]}
    doc["commune"]["extra"] = {"mã": "16021"}
    doc["people"][0]["extra"] = {"zalo": True}
    doc["committee"][0]["extra"] = {"ghi chú": "x"}
    doc["villages"][0]["extra"] = {"mã thôn": 1}
    doc["teams"][0]["extra"] = {"nhóm zalo": "TCNS Đông Sơn"}
    doc["teams"][0]["members"][0]["extra"] = {"từ": "2022-04-01"}
    with Store.open(db_path) as store:
        store.replace_setup(parse(copy.deepcopy(doc)))
        assert to_document(store.load()) == doc


def test_text_is_normalised_on_import(doc):
    doc["people"][0]["full_name"] = "  " + unicodedata.normalize("NFD", "Cao  Quang Khánh") + " "
    doc["people"][0]["phone"] = "+84 834 908 650"
    doc["teams"][0]["village"] = unicodedata.normalize("NFD", "Đông Sơn")
    setup = parse(doc)
    assert setup.people[0].full_name == "Cao Quang Khánh"
    assert setup.people[0].phone == "0834908650"
    assert setup.teams[0].village == "Đông Sơn"


def test_optional_fields_take_defaults(doc):
    doc["commune"] = {"name": "Tân Lập", "kind": "xã", "province": "Thanh Hóa", "year": 2026}
    doc["people"] = [{"id": "a", "full_name": "Lê Văn Hải"}]
    doc["committee"] = [{"person": "a", "role": "head"}]
    doc["villages"] = [{"name": "1"}]
    doc["teams"] = [{"village": "1", "members": [{"person": "a", "role": "leader"}]}]
    setup = parse(doc)
    assert setup.commune.district is None and setup.commune.place == "Tân Lập"
    assert setup.commune.province_kind == "tỉnh"
    assert setup.people[0].office == "other" and setup.people[0].birth_year is None
    assert setup.villages[0].kind == "thôn"
    again = to_document(parse(to_document(setup)))
    assert again == to_document(setup)


def test_not_json_is_refused_with_line():
    with pytest.raises(InterchangeError) as info:
        parse_text('{"format": "cds-xa",\n "version": 1,\n "commune": {,}}')
    assert "dòng 3" in info.value.problems[0].place


def test_not_utf8_is_refused():
    with pytest.raises(InterchangeError, match="UTF-8"):
        parse_text("{\"format\": \"cds-xa\", \"x\": \"Hà\"}".encode("cp1258"))


@pytest.mark.parametrize("value", [[], "cds-xa", 3])
def test_not_an_object(value):
    with pytest.raises(InterchangeError):
        parse(value)


def test_wrong_format_and_version(doc):
    doc["format"] = "other"
    assert "format" in problems(doc)
    doc["format"] = "cds-xa"
    doc["version"] = 2
    assert "mới hơn" in problems(doc)["version"]


BAD = {
    "missing required field": (lambda d: d["people"][3].pop("full_name"), "people[3].full_name"),
    "blank name": (lambda d: d["people"][3].update(full_name="   "), "people[3].full_name"),
    "unknown key": (lambda d: d["people"][2].update(fullname="x"), "people[2].fullname"),
    "unknown key in commune": (lambda d: d["commune"].update(distric="Hà Trung"), "commune.distric"),
    "duplicate id": (lambda d: d["people"][5].update(id="p001"), "people[5].id"),
    "duplicate village": (lambda d: d["villages"][2].update(name="Đông Sơn"), "villages[2].name"),
    "unknown person": (lambda d: d["committee"][1].update(person="p404"), "committee[1].person"),
    "unknown village in committee": (lambda d: d["committee"][2]["villages"].append("Không Có"),
                                     "committee[2].villages[1]"),
    "unknown village in team": (lambda d: d["teams"][1].update(village="Không Có"), "teams[1].village"),
    "twice in committee": (lambda d: d["committee"][3].update(person="p001"), "committee[3].person"),
    "twice in a team": (lambda d: d["teams"][0]["members"][2].update(person="p011"), "teams[0].members[2].person"),
    "two teams for one village": (lambda d: d["teams"][1].update(village="Đông Sơn"), "teams[1].village"),
    "birth year too late": (lambda d: d["people"][4].update(birth_year=2999), "people[4].birth_year"),
    "birth year too early": (lambda d: d["people"][4].update(birth_year=1850), "people[4].birth_year"),
    "birth year not a number": (lambda d: d["people"][4].update(birth_year="1980"), "people[4].birth_year"),
    "wrong office": (lambda d: d["people"][6].update(office="mayor"), "people[6].office"),
    "wrong gender": (lambda d: d["people"][6].update(gender="x"), "people[6].gender"),
    "wrong committee role": (lambda d: d["committee"][0].update(role="chair"), "committee[0].role"),
    "wrong team role": (lambda d: d["teams"][0]["members"][0].update(role="head"), "teams[0].members[0].role"),
    "wrong commune kind": (lambda d: d["commune"].update(kind="làng"), "commune.kind"),
    "wrong village kind": (lambda d: d["villages"][0].update(kind="xóm lớn"), "villages[0].kind"),
    "negative households": (lambda d: d["villages"][0].update(households=-1), "villages[0].households"),
    "bad deadline": (lambda d: d["commune"].update(report_deadline="10/4/2022"), "commune.report_deadline"),
    "district without kind": (lambda d: d["commune"].pop("district_kind"), "commune.district_kind"),
    "missing commune": (lambda d: d.pop("commune"), "commune"),
    "people not a list": (lambda d: d.update(people={}), "people"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_file_names_the_place(doc, case):
    mutate, place = BAD[case]
    mutate(doc)
    found = problems(doc)
    assert place in found, found
    assert found[place].strip()


def test_every_problem_is_listed_at_once(doc):
    doc["people"][1]["birth_year"] = 3000
    doc["people"][2]["office"] = "boss"
    doc["villages"][1]["name"] = "Đông Sơn"
    doc["teams"][0]["members"][0]["person"] = "nobody"
    found = problems(doc)
    assert {"people[1].birth_year", "people[2].office", "villages[1].name", "teams[0].members[0].person"} <= set(found)


def test_file_accepts_what_the_checks_report(doc):
    doc["committee"][0]["role"] = "member"
    doc["committee"][1]["role"] = "head"           # a Phó Chủ tịch as Trưởng ban
    doc["teams"] = doc["teams"][1:]                  # a village without a team
    doc["teams"][0]["members"] = doc["teams"][0]["members"][:2]   # a team of 2
    setup = parse(doc)
    assert len(setup.teams) == 7


def test_dumps_is_utf8_json_with_vietnamese(sample_store):
    out = dumps(sample_store.load())
    assert "Hà Lĩnh" in out and out.endswith("\n")
    assert json.loads(out)["format"] == "cds-xa"
