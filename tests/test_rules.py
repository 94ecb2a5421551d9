"""The guidance checks: every code of interchange.md, triggered and not triggered, on data from real files."""
import pytest

from desktop import rules
from desktop.model import Person, TeamMember, Village

ALL_CODES = {
    "committee.head_missing", "committee.head_multiple", "committee.head_not_chair", "committee.deputy_missing",
    "committee.deputy_not_vice_chair", "committee.front_chair_missing", "committee.union_head_missing",
    "committee.civil_servant_missing", "village.team_missing", "village.supervisor_missing", "team.too_small",
    "team.leader_missing", "team.leader_multiple", "team.deputy_missing", "team.village_head_missing",
    "team.youth_union_missing", "person.phone_missing", "person.phone_invalid", "person.duplicate",
    "person.in_several_teams", "team.young_share",
}
LEVEL = {code: "warning" for code in ALL_CODES}
LEVEL.update({c: "error" for c in ("committee.head_missing", "committee.head_multiple", "committee.head_not_chair",
                                   "village.team_missing", "team.too_small", "team.leader_missing",
                                   "team.leader_multiple")})
LEVEL["team.young_share"] = "info"


@pytest.fixture
def setup(sample_store):
    return sample_store.load()


def codes(setup):
    return {f.code for f in rules.check(setup)}


def by_code(setup, code):
    return [f for f in rules.check(setup) if f.code == code]


def test_sample_is_clean(setup):
    findings = rules.check(setup)
    assert [f for f in findings if f.level != "info"] == []
    assert {f.code for f in findings} == {"team.young_share"}


def _committee(setup, office):
    people = setup.person_map()
    return next(m for m in setup.committee if people[m.person_id].office == office)


def drop_head(s):
    s.committee = [m for m in s.committee if m.role != "head"]


def two_heads(s):
    _committee(s, "front_chair").role = "head"


def vice_chair_as_head(s):
    drop_head(s)
    _committee(s, "ubnd_vice_chair").role = "head"


def drop_deputy(s):
    s.committee = [m for m in s.committee if m.role != "deputy"]


def deputy_not_vice_chair(s):
    _committee(s, "front_chair").role = "deputy"


def drop_office(office):
    def mutate(s):
        s.committee = [m for m in s.committee if s.person(m.person_id).office != office]
    return mutate


def village_without_team(s):
    s.villages.append(Village(name="Thôn Mới"))
    s.committee[2].villages.append("Thôn Mới")


def village_without_supervisor(s):
    for m in s.committee:
        m.villages = [v for v in m.villages if v != "Tây Sơn"]


def small_team(s):
    team = s.team_for("Tây Sơn")
    team.members = [m for m in team.members if m.role in ("leader", "deputy")]


def no_leader(s):
    team = s.team_for("Tây Sơn")
    team.members = [m for m in team.members if m.role != "leader"]


def two_leaders(s):
    team = s.team_for("Tây Sơn")
    next(m for m in team.members if m.role == "member").role = "leader"


def no_team_deputy(s):
    for m in s.team_for("Tây Sơn").members:
        if m.role == "deputy":
            m.role = "member"


def no_village_head(s):
    team = s.team_for("Tây Sơn")
    team.members = [m for m in team.members if s.person(m.person_id).office != "village_head"]


def no_youth(s):
    team = s.team_for("Tây Sơn")
    team.members = [m for m in team.members if not s.person(m.person_id).is_youth_union]


def phone_missing(s):
    s.person(s.team_for("Tây Sơn").members[0].person_id).phone = ""


def phone_invalid(s):
    s.person(s.committee[0].person_id).phone = "0237 3812 345"


def duplicate_person(s):
    p = s.person("p011")
    s.people.append(Person(id="p999", full_name=p.full_name.upper(), birth_year=p.birth_year))


def in_two_teams(s):
    s.team_for("Tây Sơn").members.append(TeamMember(person_id=s.team_for("Đông Sơn").members[2].person_id))


MUTATIONS = {
    "committee.head_missing": drop_head,
    "committee.head_multiple": two_heads,
    "committee.head_not_chair": vice_chair_as_head,
    "committee.deputy_missing": drop_deputy,
    "committee.deputy_not_vice_chair": deputy_not_vice_chair,
    "committee.front_chair_missing": drop_office("front_chair"),
    "committee.union_head_missing": drop_office("women_union_chair"),
    "committee.civil_servant_missing": drop_office("civil_servant"),
    "village.team_missing": village_without_team,
    "village.supervisor_missing": village_without_supervisor,
    "team.too_small": small_team,
    "team.leader_missing": no_leader,
    "team.leader_multiple": two_leaders,
    "team.deputy_missing": no_team_deputy,
    "team.village_head_missing": no_village_head,
    "team.youth_union_missing": no_youth,
    "person.phone_missing": phone_missing,
    "person.phone_invalid": phone_invalid,
    "person.duplicate": duplicate_person,
    "person.in_several_teams": in_two_teams,
}


def test_every_code_has_a_test():
    assert set(MUTATIONS) | {"team.young_share"} == ALL_CODES


@pytest.mark.parametrize("code", sorted(MUTATIONS))
def test_code_triggered(setup, code):
    assert code not in codes(setup)
    MUTATIONS[code](setup)
    found = by_code(setup, code)
    assert found, code
    for f in found:
        assert f.level == LEVEL[code]
        assert f.message and f.message[0].isupper()
        assert f.subject


def test_messages_name_the_person_or_village(setup):
    vice_chair_as_head(setup)
    (f,) = by_code(setup, "committee.head_not_chair")
    assert setup.person(f.subject["person"]).full_name in f.message
    assert "Phó Chủ tịch" in f.message
    small_team(setup)
    (f,) = by_code(setup, "team.too_small")
    assert f.subject == {"village": "Tây Sơn"} and "Tây Sơn" in f.message and "2" in f.message


def test_union_head_missing_names_each_union(setup):
    for office in ("youth_union_secretary", "farmers_union_chair", "veterans_union_chair"):
        drop_office(office)(setup)
    found = by_code(setup, "committee.union_head_missing")
    assert sorted(f.subject["office"] for f in found) == ["farmers_union_chair", "veterans_union_chair",
                                                          "youth_union_secretary"]


def test_young_share_counts_members_35_or_younger(setup):
    team = setup.team_for("Đông Sơn")
    year = setup.commune.year
    expected = sum(1 for m in team.members if year - setup.person(m.person_id).birth_year <= 35)
    (f,) = [f for f in by_code(setup, "team.young_share") if f.subject["village"] == "Đông Sơn"]
    assert f.level == "info" and f.subject["young"] == expected
    assert f"{expected}/{len(team.members)}" in f.message


def test_empty_team_is_reported_not_missing(setup):
    setup.team_for("Tây Sơn").members = []
    found = codes(setup)
    assert "team.too_small" in found and "team.leader_missing" in found
    assert not [f for f in rules.check(setup) if f.code == "village.team_missing"]


def test_empty_commune_has_committee_errors_only():
    from desktop.model import Setup
    found = rules.check(Setup())
    assert {f.code for f in found if f.level == "error"} == {"committee.head_missing"}


def test_errors_come_first(setup):
    drop_head(setup)
    phone_invalid(setup)
    levels = [f.level for f in rules.check(setup)]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)
