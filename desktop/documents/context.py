"""What each document says: the commune's data turned into the variables of the Word templates.

``Facts`` sorts and counts once per export; each builder (``plan``, ``committee_decision``, ``duties_notice``,
``team_decision``, ``team_decision_single``, ``report``) is a pure function of it returning one template's variables.
Every list is in the order the documents print it (committee: head, deputies, members; teams: village order;
members: Tổ trưởng, Tổ phó, tổ viên, each in Vietnamese name order). The variables of each template are listed in
``templates_docx/README.md``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import text
from ..model import COMMITTEE_ROLES, DOC_KINDS, TEAM_ROLES, DocumentSettings, Person, Setup

# --- small helpers ------------------------------------------------------------------------------------------------


_BLANK = "\u00a0" * 6  # room for a hand-written number or day (as text.doc_number and text.date_phrase leave it)


def _strip_end(line: str) -> str:
    """One line without its closing punctuation. Blanks left for a number or a day stay blanks: runs of spaces are
    kept (as no-break spaces, which Word does not collapse), and "số /" or "ngày tháng" whose blank was lost when
    the text was saved get it back."""
    value = unicodedata.normalize("NFC", str(line or "")).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    value = re.sub(r"[\s;.,:]+$", "", value).strip()
    value = re.sub(r"(?<=\bsố) ?/", _BLANK + "/", value)
    value = re.sub(r"(?<=\bngày) (?=tháng\b)", _BLANK, value)
    return re.sub(r" {2,}", lambda m: "\u00a0" * len(m.group()), value)


def _listed(lines: list[str], sep: str = ";", last: str = ".") -> list[str]:
    """Lines of a list, each ending with ``sep`` and the last with ``last`` (as nd30 writes lists)."""
    items = [_strip_end(line) for line in lines if _strip_end(line)]
    return [item + (last if i == len(items) - 1 else sep) for i, item in enumerate(items)]


def _sentence(line: str) -> str:
    """A multi-line text as one item: kept as typed, with a full stop added when it has no final punctuation."""
    value = text.clean_multiline(line)
    return value if not value or value[-1] in ".;:!?…)" else value + "."


def _fill(template: str, setup: Setup) -> str:
    """Stored texts may hold {year} and {commune}; replaced without str.format (braces elsewhere stay as typed)."""
    return template.replace("{year}", str(setup.commune.year or "")).replace("{commune}",
                                                                             setup.commune.full_name)


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(100 * part / whole, 1)
    return (f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")) + "%"


def title_of(person: Person | None) -> str:
    """'Ông' or 'Bà' before a name in a decision."""
    return "Bà" if person is not None and person.is_woman else "Ông"


def _draft_month(setup: Setup) -> int | None:
    """The month printed in a draft's blank date: the month of the report deadline, in the plan's year."""
    deadline = setup.commune.report_deadline
    if deadline and (not setup.commune.year or deadline.year == setup.commune.year):
        return deadline.month
    return None


def _year(setup: Setup) -> int | None:
    if setup.commune.year:
        return setup.commune.year
    return setup.commune.report_deadline.year if setup.commune.report_deadline else None


@dataclass
class Ref:
    """How a document is cited: its number and its date, blank until the clerk records them."""
    number: str
    date: str      # 'ngày 05/4/2022' or 'ngày      tháng 4 năm 2022'
    recorded: bool

    def as_dict(self) -> dict:
        return {"number": self.number, "date": self.date, "recorded": self.recorded}


def ref(setup: Setup, settings: DocumentSettings, kind: str, village: str | None = None) -> Ref:
    doc = settings.issued(kind, village)
    code = DOC_KINDS[kind][1]
    number = text.doc_number(doc.number if doc and doc.number else None, code)
    if doc and doc.date:
        date = f"ngày {text.short_date(doc.date)}"
    else:
        date = text.date_phrase(None, year=_year(setup), month=_draft_month(setup))
    return Ref(number, date, bool(doc and (doc.number or doc.date)))


# --- signers ------------------------------------------------------------------------------------------------------


def chair_name(setup: Setup, settings: DocumentSettings) -> str:
    if text.clean(settings.chair_name):
        return text.clean(settings.chair_name)
    chair = setup.chair()
    return chair.full_name if chair else ""


def vice_chair_name(setup: Setup, settings: DocumentSettings) -> str:
    if text.clean(settings.vice_chair_name):
        return text.clean(settings.vice_chair_name)
    vices = setup.vice_chairs()
    deputies = {m.person_id for m in setup.committee if m.role == "deputy"}
    preferred = [p for p in vices if p.id in deputies] or vices
    return preferred[0].full_name if preferred else ""


def head_name(setup: Setup, settings: DocumentSettings) -> str:
    people = setup.person_map()
    head = next((m for m in setup.committee_sorted() if m.role == "head" and m.person_id in people), None)
    return people[head.person_id].full_name if head else chair_name(setup, settings)


def signature(setup: Setup, settings: DocumentSettings, kind: str, village: str | None = None) -> tuple[list, str]:
    """(authority lines, signer's name) for a kind of document (domain.md, "Who signs")."""
    if kind in ("plan", "report"):
        lines, name = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], chair_name(setup, settings)
    elif kind == "duties":
        lines, name = ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"], head_name(setup, settings)
    elif settings.sign_as == "vice_chair":
        lines, name = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], vice_chair_name(setup, settings)
    else:
        lines, name = ["CHỦ TỊCH"], chair_name(setup, settings)
    issued = settings.issued(kind, village)
    if issued and text.clean(issued.signer):
        name = text.clean(issued.signer)
    return lines, name


# --- recipients ---------------------------------------------------------------------------------------------------


def _upper_levels(setup: Setup) -> list[str]:
    c = setup.commune
    if c.district:
        return [f"UBND {c.district_full} (b/c)", f"Phòng Văn hóa và Thông tin {c.district_kind} (b/c)"]
    if c.province:
        return [f"UBND {c.province_full} (b/c)"]
    return []


def recipients(setup: Setup, kind: str) -> list[str]:
    kinds = village_kinds(setup)
    local = f"TT Đảng ủy, HĐND {setup.commune.kind} (b/c)"
    lists = {
        "plan": _upper_levels(setup) + [local, "Ủy ban MTTQ và các đoàn thể xã", "Thành viên Ban Chỉ đạo chuyển đổi số",
                                        f"Trưởng các {kinds}", "Lưu: VT, VHXH"],
        "committee_decision": ["Như Điều 3"] + _upper_levels(setup) + [local, "Lưu: VT, VHXH"],
        "duties": ["Thành viên Ban Chỉ đạo", f"Tổ công nghệ số cộng đồng các {kinds}", local, "Lưu: VT, BCĐ"],
        "team_decision": ["Như Điều 3", "Ban Chỉ đạo chuyển đổi số xã"] + _upper_levels(setup)[1:]
                         + [local, "Lưu: VT, VHXH"],
        "report": ["Như trên", local, "Lưu: VT, VHXH"],
    }
    return ["- " + line for line in _listed(lists[kind])]


# --- people (computed once per export: sorting Vietnamese names is the costly part) ----------------------------


def village_kinds(setup: Setup) -> str:
    """'thôn', or 'thôn, tiểu khu' when the commune has several kinds of village."""
    kinds: list[str] = []
    for v in setup.villages:
        if v.kind not in kinds:
            kinds.append(v.kind)
    return ", ".join(kinds) or "thôn"


def _with_ends(items: list[dict]) -> list[dict]:
    for i, item in enumerate(items):
        item["end"] = "." if i == len(items) - 1 else ";"
    return items


def team_stats(members: list[dict]) -> dict:
    return {"count": len(members), "count_women": sum(m["is_woman"] for m in members),
            "count_youth": sum(m["is_youth_union"] for m in members),
            "count_young": sum(m["is_young"] for m in members)}


class Facts:
    """The lists every document draws on, sorted once: the committee, the teams and who supports which village."""

    def __init__(self, setup: Setup, settings: DocumentSettings):
        self.setup = setup
        self.settings = settings
        self.people = setup.person_map()
        self.kinds = village_kinds(setup)
        year = setup.commune.year or 0
        order = {v.name: i for i, v in enumerate(setup.villages)}
        committee = [m for m in setup.committee_sorted() if m.person_id in self.people]
        self.committee: list[dict] = []
        for i, m in enumerate(committee):
            p = self.people[m.person_id]
            villages = sorted(m.villages, key=lambda v: order.get(v, len(order)))
            self.committee.append({
                "index": i + 1, "title": title_of(p), "name": p.full_name, "post": p.post,
                "role": COMMITTEE_ROLES.get(m.role, m.role), "role_code": m.role,
                "duties": text.clean_multiline(m.duties), "villages": ", ".join(villages), "village_list": villages,
                "birth_year": str(p.birth_year) if p.birth_year else "", "gender": p.gender, "phone": p.phone})
        _with_ends(self.committee)
        supervisors: dict[str, list[str]] = {}
        for m in committee:
            p = self.people[m.person_id]
            for v in m.villages:
                supervisors.setdefault(v, []).append(f"{title_of(p).lower()} {p.full_name}"
                                                     + (f" ({p.post})" if p.post else ""))
        self.supervisors = {v: ", ".join(names) for v, names in supervisors.items()}
        teams = {t.village: t for t in setup.teams}
        self.pairs = [(v, teams[v.name]) for v in setup.villages if v.name in teams]
        self.teams: list[dict] = []
        for i, (village, team) in enumerate(self.pairs):
            members = []
            for m in setup.team_sorted(team):
                p = self.people.get(m.person_id)
                if p is None:
                    continue
                members.append({
                    "index": len(members) + 1, "title": title_of(p), "name": p.full_name, "post": p.post,
                    "role": TEAM_ROLES.get(m.role, m.role), "role_code": m.role,
                    "birth_year": str(p.birth_year) if p.birth_year else "", "gender": p.gender,
                    "phone": p.phone, "notes": p.notes, "is_woman": p.is_woman,
                    "is_youth_union": p.is_youth_union, "is_young": p.is_young(year) if year else False})
            _with_ends(members)
            leader = next((m for m in members if m["role_code"] == "leader"), None)
            self.teams.append({
                "index": i + 1, "village": village.name, "village_full": village.full_name,
                "households": village.households, "members": members, "n_members": len(members),
                "leader": f"{leader['title'].lower()} {leader['name']}" if leader else "chưa có",
                "leader_name": leader["name"] if leader else "", "leader_phone": leader["phone"] if leader else "",
                "supervisors": self.supervisors.get(village.name, ""), **team_stats(members)})
        _with_ends(self.teams)
        self.team_by_village = {t["village"]: t for t in self.teams}


# --- the contexts (one per kind of document; each takes the Facts of the export) ---------------------------------


def _proposer(settings: DocumentSettings) -> str:
    value = _strip_end(settings.proposer)
    return re.sub(r"^theo đề nghị của\s+", "", value, flags=re.IGNORECASE)


def _citations(f: Facts, kind: str, extra: list[str] | None = None, closed_by_proposer: bool = False) -> list[str]:
    lines = [_fill(line, f.setup) for line in f.settings.citations.get(kind, [])] + (extra or [])
    return _listed(lines, ";", ";" if closed_by_proposer else ".")


def base(f: Facts, kind: str, village: str | None = None) -> dict:
    """The variables every template has: the commune, number and date line, signature, distribution list."""
    setup, settings = f.setup, f.settings
    c = setup.commune
    doc_ref = ref(setup, settings, kind, village)
    issued = settings.issued(kind, village)
    year = _year(setup)
    lines, signer = signature(setup, settings, kind, village)
    office = _proposer(settings) or "công chức chuyên môn"
    return {
        "commune": {"name": c.name, "kind": c.kind, "full_name": c.full_name, "upper": text.upper_vi(c.full_name),
                    "place": c.place, "district": c.district_full, "province": c.province_full},
        "year": year or "",
        "number": doc_ref.number,
        "date_line": text.date_line(c.place, issued.date if issued else None, year=year, month=_draft_month(setup)),
        "date_phrase": doc_ref.date,
        "proposer_office": office,
        "proposer_office_cap": office[:1].upper() + office[1:],
        "recipients": recipients(setup, kind),
        "sign_lines": lines,
        "signer": signer,
        "village_kinds": f.kinds,
        "village_kind": setup.villages[0].kind if setup.villages else "thôn",
        "village_column": f.kinds[:1].upper() + f.kinds[1:],
        "village_kinds_all": f"các {f.kinds}",
        "village_kinds_all_upper": text.upper_vi(f"các {f.kinds}"),
        "n_villages": len(setup.villages),
        "n_committee": len(f.committee),
    }


def _with_proposer(ctx: dict, f: Facts, kind: str) -> dict:
    proposer = _proposer(f.settings)
    ctx["citations"] = _citations(f, kind, closed_by_proposer=bool(proposer))
    ctx["proposer_line"] = f"Theo đề nghị của {proposer}." if proposer else ""
    return ctx


def _numbered(lines: list[str], setup: Setup) -> list[dict]:
    items = [_sentence(_fill(line, setup)) for line in lines if text.clean(line)]
    return [{"index": i + 1, "text": item} for i, item in enumerate(items)]


def committee_decision(f: Facts) -> dict:
    ctx = _with_proposer(base(f, "committee_decision"), f, "committee_decision")
    ctx["members"] = f.committee
    ctx["duties"] = _numbered(f.settings.committee_duties, f.setup)
    return ctx


def duties_notice(f: Facts) -> dict:
    ctx = base(f, "duties")
    c = f.setup.commune
    decision = ref(f.setup, f.settings, "committee_decision")
    extra = [f"Căn cứ Quyết định số {decision.number} {decision.date} của Chủ tịch Ủy ban nhân dân {c.full_name} "
             f"về việc thành lập Ban Chỉ đạo chuyển đổi số {c.full_name}"]
    ctx["citations"] = _citations(f, "duties", extra)
    ctx["members"] = f.committee
    return ctx


def team_decision(f: Facts, village_name: str) -> dict:
    village = next(v for v in f.setup.villages if v.name == village_name)
    team = f.team_by_village.get(village_name)
    members = team["members"] if team else []
    ctx = _with_proposer(base(f, "team_decision", village_name), f, "team_decision")
    ctx.update({
        "village": {"name": village.name, "kind": village.kind, "full_name": village.full_name},
        "members": members, "n_members": len(members), "tasks": _numbered(f.settings.team_tasks, f.setup),
        "supervisors": f.supervisors.get(village_name, ""),
    })
    return ctx


def team_decision_single(f: Facts) -> dict:
    ctx = _with_proposer(base(f, "team_decision"), f, "team_decision")
    ctx.update({"teams": f.teams, "n_teams": len(f.teams), "n_members": sum(t["n_members"] for t in f.teams),
                "tasks": _numbered(f.settings.team_tasks, f.setup)})
    return ctx


def plan(f: Facts) -> dict:
    setup, settings = f.setup, f.settings
    ctx = base(f, "plan")
    ctx["citations"] = _citations(f, "plan")
    ctx["targets"] = [{"text": t} for t in _listed([_fill(t, setup) for t in settings.plan_targets])]
    tasks = []
    for item in _numbered(settings.plan_tasks, setup):
        head, sep, rest = item["text"].partition(":")
        if sep and len(head) <= 80 and "\n" not in head:
            tasks.append({"index": item["index"], "head": head.strip() + ":", "body": " " + rest.strip()})
        else:
            tasks.append({"index": item["index"], "head": "", "body": item["text"]})
    ctx["tasks"] = tasks
    ctx["team_tasks"] = [{"text": t} for t in _listed([_fill(t, setup) for t in settings.team_tasks])]
    ctx["n_teams"] = len(f.teams)
    ctx["n_team_members"] = sum(t["n_members"] for t in f.teams)
    return ctx


def report_to(setup: Setup) -> str:
    c = setup.commune
    value = _strip_end(c.report_to)
    if value:
        return value
    if c.district:
        return f"Ủy ban nhân dân {c.district_full}"
    return f"Ủy ban nhân dân {c.province_full}" if c.province else ""


def figures(f: Facts) -> dict:
    """The numbers the district asks for (members counted once per team they belong to)."""
    stats = team_stats([m for t in f.teams for m in t["members"]])
    return {"n_committee": len(f.committee), "n_villages": len(f.setup.villages), "n_teams": len(f.teams),
            "n_members": stats["count"], "n_women": stats["count_women"], "n_youth": stats["count_youth"],
            "n_young": stats["count_young"],
            "n_supervised": sum(1 for v in f.setup.villages if v.name in f.supervisors)}


def report(f: Facts) -> dict:
    setup, settings = f.setup, f.settings
    ctx = base(f, "report")
    ctx["citations"] = _citations(f, "report")
    ctx["report_to"] = report_to(setup)
    refs = {kind: ref(setup, settings, kind).as_dict() for kind in ("plan", "committee_decision", "duties")}
    refs["team_single"] = ref(setup, settings, "team_decision").as_dict()
    ctx["refs"] = refs
    n = figures(f)
    ctx.update(n)
    head = next((m for m in f.committee if m["role_code"] == "head"), None)
    ctx["head_text"] = (f"{head['title'].lower()} {head['name']}" + (f", {head['post']}" if head["post"] else "")
                        if head else "(chưa có)")
    ctx["n_deputies"] = sum(m["role_code"] == "deputy" for m in f.committee)
    ctx["n_plain_members"] = sum(m["role_code"] == "member" for m in f.committee)
    teams = []
    for t in f.teams:
        if settings.team_decisions == "single":
            r = refs["team_single"]
        else:
            r = ref(setup, settings, "team_decision", t["village"]).as_dict()
        teams.append(dict(t, decision=f"{r['number']} {r['date']}" if r["recorded"] else r["number"]))
    ctx["teams"] = teams
    ctx["totals"] = team_stats([m for t in f.teams for m in t["members"]])
    kinds = f.kinds
    if settings.team_decisions == "single":
        r = refs["team_single"]
        sentence = (f"Chủ tịch Ủy ban nhân dân xã đã ban hành Quyết định số {r['number']} {r['date']} về việc thành "
                    f"lập {n['n_teams']} Tổ công nghệ số cộng đồng tại {n['n_teams']}/{n['n_villages']} {kinds}")
    else:
        sentence = (f"Chủ tịch Ủy ban nhân dân xã đã ban hành {n['n_teams']} quyết định thành lập {n['n_teams']} Tổ "
                    f"công nghệ số cộng đồng tại {n['n_teams']}/{n['n_villages']} {kinds}")
    ctx["teams_sentence"] = sentence + f", với tổng số {n['n_members']} thành viên (chi tiết tại bảng dưới đây)."
    total = n["n_members"]
    ctx["figures"] = [{"text": t} for t in _listed([
        f"Số thành viên Ban Chỉ đạo chuyển đổi số xã: {n['n_committee']} người",
        f"Số {kinds}: {n['n_villages']}; số Tổ công nghệ số cộng đồng đã thành lập: {n['n_teams']} "
        f"(đạt {_percent(n['n_teams'], n['n_villages'])})",
        f"Tổng số thành viên các Tổ công nghệ số cộng đồng: {total} người",
        f"Thành viên nữ: {n['n_women']} người ({_percent(n['n_women'], total)})",
        f"Thành viên là đoàn viên thanh niên: {n['n_youth']} người ({_percent(n['n_youth'], total)})",
        f"Thành viên từ 35 tuổi trở xuống: {n['n_young']} người ({_percent(n['n_young'], total)})",
    ])]
    return ctx


BUILDERS = {"plan": plan, "committee_decision": committee_decision, "duties": duties_notice, "report": report}
