"""The guidance checks: a pure function from the set-up to findings (``shared/docs/interchange.md``, codes table).

Errors are what the district letter forbids; warnings what it asks for but a commune may have a reason to miss;
info is there to read. Messages are Vietnamese and name the person or the village.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import text
from .model import OFFICES, UNION_HEAD_OFFICES, YOUNG_AGE, Setup

LEVELS = ("error", "warning", "info")
LEVEL_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}


@dataclass
class Finding:
    level: str
    code: str
    message: str
    subject: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"level": self.level, "code": self.code, "message": self.message, "subject": self.subject}


_UNION_NAMES = {
    "youth_union_secretary": "Bí thư Đoàn TNCS Hồ Chí Minh xã",
    "women_union_chair": "Chủ tịch Hội Liên hiệp Phụ nữ xã",
    "farmers_union_chair": "Chủ tịch Hội Nông dân xã",
    "veterans_union_chair": "Chủ tịch Hội Cựu chiến binh xã",
}


def check(setup: Setup) -> list[Finding]:
    """Every finding for the set-up, errors first, in the order committee, villages, teams, people."""
    out: list[Finding] = []
    people = setup.person_map()
    year = setup.commune.year or 0

    def name(pid: str) -> str:
        p = people.get(pid)
        return p.full_name if p else pid

    def office_label(pid: str) -> str:
        p = people.get(pid)
        return (p.position or OFFICES.get(p.office, "")) if p else ""

    # -- committee --
    committee = setup.committee
    heads = [m for m in committee if m.role == "head"]
    deputies = [m for m in committee if m.role == "deputy"]
    offices = {people[m.person_id].office for m in committee if m.person_id in people}
    if not heads:
        out.append(Finding("error", "committee.head_missing",
                           "Ban Chỉ đạo chưa có Trưởng ban (phải là Chủ tịch UBND xã).", {"committee": True}))
    elif len(heads) > 1:
        out.append(Finding("error", "committee.head_multiple",
                           f"Ban Chỉ đạo có {len(heads)} Trưởng ban ({', '.join(name(m.person_id) for m in heads)}); "
                           "chỉ được một người.", {"committee": True, "people": [m.person_id for m in heads]}))
    for m in heads:
        p = people.get(m.person_id)
        if p and p.office != "ubnd_chair":
            extra = " — hướng dẫn của huyện không cho ủy quyền Phó Chủ tịch" if p.office == "ubnd_vice_chair" else ""
            out.append(Finding("error", "committee.head_not_chair",
                               f"Trưởng ban {p.full_name} ({office_label(p.id) or 'chưa ghi chức vụ'}) không phải "
                               f"Chủ tịch UBND xã{extra}.", {"person": p.id}))
    if not deputies:
        out.append(Finding("warning", "committee.deputy_missing",
                           "Ban Chỉ đạo chưa có Phó Trưởng ban (thường là Phó Chủ tịch UBND xã).", {"committee": True}))
    for m in deputies:
        p = people.get(m.person_id)
        if p and p.office != "ubnd_vice_chair":
            out.append(Finding("warning", "committee.deputy_not_vice_chair",
                               f"Phó Trưởng ban {p.full_name} ({office_label(p.id) or 'chưa ghi chức vụ'}) không phải "
                               "Phó Chủ tịch UBND xã.", {"person": p.id}))
    if "front_chair" not in offices:
        out.append(Finding("warning", "committee.front_chair_missing",
                           "Chủ tịch Ủy ban MTTQ xã chưa là thành viên Ban Chỉ đạo.", {"committee": True}))
    for office in UNION_HEAD_OFFICES:
        if office not in offices:
            out.append(Finding("warning", "committee.union_head_missing",
                               f"{_UNION_NAMES[office]} chưa là thành viên Ban Chỉ đạo.",
                               {"committee": True, "office": office}))
    if "civil_servant" not in offices:
        out.append(Finding("warning", "committee.civil_servant_missing",
                           "Ban Chỉ đạo chưa có công chức chuyên môn của xã.", {"committee": True}))

    # -- villages --
    teams = {t.village: t for t in setup.teams}
    supported = {v for m in committee for v in m.villages}
    for v in setup.villages:
        if v.name not in teams:
            out.append(Finding("error", "village.team_missing",
                               f"{v.kind.capitalize()} {v.name} chưa có Tổ công nghệ số cộng đồng.",
                               {"village": v.name}))
        if v.name not in supported:
            out.append(Finding("warning", "village.supervisor_missing",
                               f"Chưa có thành viên Ban Chỉ đạo phụ trách {v.kind} {v.name}.", {"village": v.name}))

    # -- teams --
    kinds = {v.name: v.kind for v in setup.villages}
    team_of: dict[str, list[str]] = defaultdict(list)
    for t in setup.teams:
        label = f"Tổ {kinds.get(t.village, 'thôn')} {t.village}"
        subject = {"village": t.village}
        members = [m for m in t.members if m.person_id in people]
        for m in members:
            team_of[m.person_id].append(t.village)
        if len(members) < 3:
            out.append(Finding("error", "team.too_small",
                               f"{label} mới có {len(members)} thành viên; cần tối thiểu 03 người.", subject))
        leaders = [m for m in members if m.role == "leader"]
        if not leaders:
            out.append(Finding("error", "team.leader_missing", f"{label} chưa có Tổ trưởng.", subject))
        elif len(leaders) > 1:
            out.append(Finding("error", "team.leader_multiple",
                               f"{label} có {len(leaders)} Tổ trưởng ({', '.join(name(m.person_id) for m in leaders)});"
                               " chỉ được một người.", dict(subject, people=[m.person_id for m in leaders])))
        if not any(m.role == "deputy" for m in members):
            out.append(Finding("warning", "team.deputy_missing", f"{label} chưa có Tổ phó.", subject))
        if not any(people[m.person_id].office == "village_head" for m in members):
            out.append(Finding("warning", "team.village_head_missing",
                               f"{label} chưa có Trưởng {kinds.get(t.village, 'thôn')}.", subject))
        if not any(people[m.person_id].is_youth_union for m in members):
            out.append(Finding("warning", "team.youth_union_missing",
                               f"{label} chưa có thành viên Đoàn Thanh niên.", subject))

    # -- people --
    listed = [m.person_id for m in committee] + [m.person_id for t in setup.teams for m in t.members]
    for pid in dict.fromkeys(listed):
        p = people.get(pid)
        if p and not p.phone:
            out.append(Finding("warning", "person.phone_missing", f"{p.full_name} chưa có số điện thoại.",
                               {"person": pid}))
    for p in setup.people:
        if p.phone and not text.is_valid_mobile(p.phone):
            out.append(Finding("warning", "person.phone_invalid",
                               f"Số điện thoại “{p.phone}” của {p.full_name} không phải số di động Việt Nam hợp lệ "
                               "(10 chữ số, đầu 03, 05, 07, 08, 09).", {"person": p.id}))
    groups: dict[tuple, list[str]] = defaultdict(list)
    for p in setup.people:
        groups[(text.search_key(p.full_name), p.birth_year)].append(p.id)
    for (_, birth_year), ids in groups.items():
        if len(ids) > 1:
            for pid in ids[1:]:
                born = f"sinh năm {birth_year}" if birth_year else "không ghi năm sinh"
                out.append(Finding("warning", "person.duplicate",
                                   f"Có {len(ids)} người cùng tên {people[pid].full_name}, {born}: có thể nhập trùng.",
                                   {"person": pid, "people": ids}))
    for pid, villages in team_of.items():
        if len(villages) > 1:
            out.append(Finding("warning", "person.in_several_teams",
                               f"{people[pid].full_name} có trong {len(villages)} tổ: {', '.join(villages)}.",
                               {"person": pid, "villages": villages}))

    # -- info: young members per team --
    for t in setup.teams:
        members = [people[m.person_id] for m in t.members if m.person_id in people]
        young = sum(1 for p in members if year and p.is_young(year))
        out.append(Finding("info", "team.young_share",
                           f"Tổ {kinds.get(t.village, 'thôn')} {t.village}: {young}/{len(members)} thành viên từ "
                           f"{YOUNG_AGE} tuổi trở xuống.",
                           {"village": t.village, "young": young, "members": len(members)}))

    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(out, key=lambda f: order[f.level])


def counts(findings: list[Finding]) -> Counter:
    return Counter(f.level for f in findings)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)
