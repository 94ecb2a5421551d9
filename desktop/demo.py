"""A realistic fictional commune for trying the program (not the shared sample), of any size for benchmarks.

The names are made up from common Vietnamese family, middle and given names; the phones are random but valid.
"""
from __future__ import annotations

import random

from . import presets
from .model import CommitteeMember, Commune, Person, Setup, Team, TeamMember, Village

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Lý", "Trịnh", "Mai",
          "Đinh", "Lương", "Hà", "Tạ", "Quách", "Âu"]
MIDDLE_M = ["Văn", "Đình", "Hữu", "Xuân", "Công", "Quang", "Minh", "Đức", "Thế", "Ngọc"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Kim", "Minh", "Thùy", "Hồng"]
GIVEN_M = ["An", "Ân", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Long", "Mạnh",
           "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tùng", "Việt", "Vinh", "Ẩn", "Ước"]
GIVEN_F = ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc",
           "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Yến", "Ơn"]
VILLAGE_NAMES = ["Đồng Sơn", "Phú Thọ", "Trung Thành", "Yên Bái", "Cự Lộc", "Đa Nghi", "Kim Sơn", "Bột Thượng",
                 "Bột Trung", "Bột Hạ", "Ngọc Lâm", "Hạnh Phúc", "Quang Trung", "Tân Lập", "Ấp Đồn", "Ưu Điền"]

COMMITTEE_OFFICES = [
    ("ubnd_chair", "Chủ tịch UBND xã", "head"),
    ("ubnd_vice_chair", "Phó Chủ tịch UBND xã", "deputy"),
    ("front_chair", "Chủ tịch Ủy ban MTTQ xã", "member"),
    ("youth_union_secretary", "Bí thư Đoàn TNCS Hồ Chí Minh xã", "member"),
    ("women_union_chair", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "member"),
    ("farmers_union_chair", "Chủ tịch Hội Nông dân xã", "member"),
    ("veterans_union_chair", "Chủ tịch Hội Cựu chiến binh xã", "member"),
    ("police_chief", "Trưởng Công an xã", "member"),
    ("civil_servant", "Công chức Văn hóa - Xã hội", "member"),
    ("civil_servant", "Công chức Văn phòng - Thống kê", "member"),
]


def build(villages: int = 10, team_size: int = 5, seed: int = 2022, name: str = "Hà Ngọc") -> Setup:
    rng = random.Random(seed)
    used: set[str] = set()

    def person(office: str, position: str, *, young: bool = False, woman: bool | None = None) -> Person:
        if woman is None:
            woman = rng.random() < 0.4
        while True:
            full = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if woman else MIDDLE_M),
                             rng.choice(GIVEN_F if woman else GIVEN_M)])
            if full not in used or len(used) > 5000:
                break
        used.add(full)
        year = rng.randint(1992, 2004) if young else rng.randint(1962, 1990)
        phone = rng.choice(["03", "05", "07", "08", "09"]) + "".join(rng.choice("0123456789") for _ in range(8))
        p = Person(id=f"p{len(setup.people) + 1:03d}", full_name=full, gender="nữ" if woman else "nam",
                   birth_year=year, position=position, office=office, phone=phone)
        setup.people.append(p)
        return p

    setup = Setup(commune=Commune(name=name, kind="xã", district="Hà Trung", district_kind="huyện",
                                  province="Thanh Hóa", province_kind="tỉnh", place_name=name, year=2022,
                                  report_to=presets.HA_TRUNG_REPORT_TO))
    import datetime
    setup.commune.report_deadline = datetime.date(2022, 4, 10)
    names = [VILLAGE_NAMES[i] if i < len(VILLAGE_NAMES) else f"Thôn {i + 1}" for i in range(villages)]
    for i, vname in enumerate(names):
        setup.villages.append(Village(name=vname if i < len(VILLAGE_NAMES) else str(i + 1), kind="thôn",
                                      households=rng.randint(150, 480)))
    for office, position, role in COMMITTEE_OFFICES:
        p = person(office, position, young=office in ("youth_union_secretary", "civil_servant"),
                   woman=True if office == "women_union_chair" else None)
        setup.committee.append(CommitteeMember(person_id=p.id, role=role, duties=presets.default_duties(office)))
    supporters = [m for m in setup.committee if m.role == "member"]
    for i, v in enumerate(setup.villages):
        supporters[i % len(supporters)].villages.append(v.name)
        team = Team(village=v.name)
        head = person("village_head", f"Trưởng thôn {v.name}")
        youth = person("youth_branch_secretary", f"Bí thư Chi đoàn thôn {v.name}", young=True)
        team.members += [TeamMember(head.id, "leader"), TeamMember(youth.id, "deputy")]
        extras = [("village_party_secretary", f"Bí thư Chi bộ thôn {v.name}", False),
                  ("other", f"Chi hội trưởng Phụ nữ thôn {v.name}", False),
                  ("youth_union_member", "Đoàn viên thanh niên", True),
                  ("other", "Giáo viên", True), ("other", "Nhân viên y tế thôn", False),
                  ("youth_union_member", "Đoàn viên thanh niên", True), ("other", "Hội viên Nông dân", False)]
        for office, position, young in extras[:max(0, team_size - 2)]:
            team.members.append(TeamMember(person(office, position, young=young).id, "member"))
        setup.teams.append(team)
    return setup
