"""The commune's set-up as plain Python objects: what the store loads, the checks read and the documents print.

Everything here is Qt-free and holds no database handle. Codes (offices, roles, kinds) are those of the
interchange format (``shared/docs/interchange.md``); the Vietnamese labels are what the clerk sees.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from . import text

COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
DISTRICT_KINDS = ("huyện", "thị xã", "thành phố", "quận")
PROVINCE_KINDS = ("tỉnh", "thành phố")
VILLAGE_KINDS = ("thôn", "tiểu khu", "khu phố", "tổ dân phố", "làng", "bản", "ấp")
GENDERS = ("nam", "nữ")

OFFICES: dict[str, str] = {
    "ubnd_chair": "Chủ tịch UBND xã",
    "ubnd_vice_chair": "Phó Chủ tịch UBND xã",
    "party_secretary": "Bí thư Đảng ủy xã",
    "front_chair": "Chủ tịch Ủy ban MTTQ xã",
    "youth_union_secretary": "Bí thư Đoàn TNCS Hồ Chí Minh xã",
    "women_union_chair": "Chủ tịch Hội Liên hiệp Phụ nữ xã",
    "farmers_union_chair": "Chủ tịch Hội Nông dân xã",
    "veterans_union_chair": "Chủ tịch Hội Cựu chiến binh xã",
    "police_chief": "Trưởng Công an xã",
    "civil_servant": "Công chức xã",
    "village_head": "Trưởng thôn / tiểu khu",
    "village_party_secretary": "Bí thư chi bộ thôn",
    "youth_branch_secretary": "Bí thư chi đoàn thôn",
    "youth_union_member": "Đoàn viên thanh niên",
    "other": "Khác",
}
YOUTH_OFFICES = frozenset({"youth_union_secretary", "youth_branch_secretary", "youth_union_member"})
UNION_HEAD_OFFICES = ("youth_union_secretary", "women_union_chair", "farmers_union_chair", "veterans_union_chair")

COMMITTEE_ROLES: dict[str, str] = {"head": "Trưởng ban", "deputy": "Phó Trưởng ban", "member": "Thành viên"}
TEAM_ROLES: dict[str, str] = {"leader": "Tổ trưởng", "deputy": "Tổ phó", "member": "Tổ viên"}
ROLE_ORDER = {"head": 0, "leader": 0, "deputy": 1, "member": 2}

YOUNG_AGE = 35  # "35 tuổi trở xuống": the share of young members the district asks for


@dataclass
class Commune:
    name: str = ""
    kind: str = "xã"
    district: str | None = None
    district_kind: str | None = None
    province: str = ""
    province_kind: str = "tỉnh"
    place_name: str = ""
    year: int = 0
    report_to: str = ""
    report_deadline: _dt.date | None = None
    extra: dict | None = None

    @property
    def place(self) -> str:
        """The place written in the date line ('Hà Lĩnh, ngày …')."""
        return self.place_name or self.name

    @property
    def full_name(self) -> str:
        """'xã Hà Lĩnh' (unit in lower case, as the decree writes it inside a sentence)."""
        return f"{self.kind} {self.name}".strip()

    @property
    def district_full(self) -> str:
        return f"{self.district_kind} {self.district}" if self.district else ""

    @property
    def province_full(self) -> str:
        return f"{self.province_kind} {self.province}" if self.province else ""


@dataclass
class Person:
    id: str
    full_name: str
    gender: str = "nam"
    birth_year: int | None = None
    position: str = ""
    office: str = "other"
    phone: str = ""
    email: str = ""
    notes: str = ""
    extra: dict | None = None

    @property
    def is_youth_union(self) -> bool:
        return self.office in YOUTH_OFFICES

    @property
    def is_woman(self) -> bool:
        return self.gender == "nữ"

    def age_in(self, year: int) -> int | None:
        return year - self.birth_year if self.birth_year else None

    def is_young(self, year: int) -> bool:
        age = self.age_in(year)
        return age is not None and age <= YOUNG_AGE

    @property
    def post(self) -> str:
        """The post as written in documents: the stored position, else the office's label."""
        return self.position or (OFFICES.get(self.office, "") if self.office != "other" else "")


@dataclass
class CommitteeMember:
    person_id: str
    role: str = "member"
    duties: str = ""
    villages: list[str] = field(default_factory=list)
    extra: dict | None = None


@dataclass
class Village:
    name: str
    kind: str = "thôn"
    households: int | None = None
    extra: dict | None = None

    @property
    def full_name(self) -> str:
        """'thôn Đông Sơn'."""
        return f"{self.kind} {self.name}"


@dataclass
class TeamMember:
    person_id: str
    role: str = "member"
    extra: dict | None = None


@dataclass
class Team:
    village: str
    members: list[TeamMember] = field(default_factory=list)
    extra: dict | None = None


@dataclass
class Setup:
    """Everything about one commune's set-up, as the interchange file holds it."""
    commune: Commune = field(default_factory=Commune)
    people: list[Person] = field(default_factory=list)
    committee: list[CommitteeMember] = field(default_factory=list)
    villages: list[Village] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    extra: dict | None = None

    # -- look-ups (built on demand; the objects are small) --
    def person_map(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def person(self, person_id: str) -> Person | None:
        for p in self.people:
            if p.id == person_id:
                return p
        return None

    def team_for(self, village: str) -> Team | None:
        for t in self.teams:
            if t.village == village:
                return t
        return None

    def committee_sorted(self) -> list[CommitteeMember]:
        """Head, deputies, members; within a role, Vietnamese name order."""
        people = self.person_map()
        return sorted(self.committee, key=lambda m: (ROLE_ORDER.get(m.role, 9),
                                                     text.name_sort_key(people[m.person_id].full_name)
                                                     if m.person_id in people else ()))

    def team_sorted(self, team: Team) -> list[TeamMember]:
        """Tổ trưởng, Tổ phó, tổ viên; within a role, Vietnamese name order."""
        people = self.person_map()
        return sorted(team.members, key=lambda m: (ROLE_ORDER.get(m.role, 9),
                                                   text.name_sort_key(people[m.person_id].full_name)
                                                   if m.person_id in people else ()))

    def supervisors_of(self, village: str) -> list[CommitteeMember]:
        return [m for m in self.committee if village in m.villages]

    def chair(self) -> Person | None:
        return next((p for p in self.people if p.office == "ubnd_chair"), None)

    def vice_chairs(self) -> list[Person]:
        return [p for p in self.people if p.office == "ubnd_vice_chair"]


# --- Documents: kinds, options, and the register of issued documents ----------------------------------------------

# kind → (label the clerk sees, number code). The committee's own documents have a series of their own (…/TB-BCĐ).
DOC_KINDS: dict[str, tuple[str, str]] = {
    "plan": ("Kế hoạch chuyển đổi số", "KH-UBND"),
    "committee_decision": ("Quyết định thành lập Ban Chỉ đạo chuyển đổi số", "QĐ-UBND"),
    "duties": ("Thông báo phân công nhiệm vụ thành viên Ban Chỉ đạo", "TB-BCĐ"),
    "team_decision": ("Quyết định thành lập Tổ công nghệ số cộng đồng", "QĐ-UBND"),
    "report": ("Báo cáo kết quả thành lập Ban Chỉ đạo và Tổ công nghệ số cộng đồng", "BC-UBND"),
}
CITED_KINDS = ("plan", "committee_decision", "duties", "team_decision", "report")


@dataclass
class IssuedDocument:
    """A signed document's number and date, recorded by the clerk; later documents cite it."""
    kind: str
    village: str | None = None   # for a per-village team decision
    number: str = ""
    date: _dt.date | None = None
    signer: str = ""

    @property
    def code(self) -> str:
        return DOC_KINDS[self.kind][1]

    @property
    def number_text(self) -> str:
        return text.doc_number(self.number or None, self.code)


@dataclass
class DocumentSettings:
    """What the documents need beyond the interchange data: signers, cited texts, options, plan content."""
    chair_name: str = ""          # Chủ tịch UBND: signs as CHỦ TỊCH; empty = the person whose office is ubnd_chair
    vice_chair_name: str = ""     # Phó Chủ tịch who signs "KT. CHỦ TỊCH" when sign_as == "vice_chair"
    sign_as: str = "chair"        # "chair" | "vice_chair" for the Chủ tịch's decisions
    team_decisions: str = "per_village"   # "per_village" | "single" (one decision with an appendix)
    proposer: str = ""            # "Theo đề nghị của …" (without the words "Theo đề nghị của")
    citations: dict[str, list[str]] = field(default_factory=dict)
    plan_targets: list[str] = field(default_factory=list)
    plan_tasks: list[str] = field(default_factory=list)
    team_tasks: list[str] = field(default_factory=list)
    committee_duties: list[str] = field(default_factory=list)
    register: list[IssuedDocument] = field(default_factory=list)

    def issued(self, kind: str, village: str | None = None) -> IssuedDocument | None:
        for doc in self.register:
            if doc.kind == kind and (doc.village or None) == (village or None):
                return doc
        return None
