"""The commune data file (``shared/docs/interchange.md``, format "cds-xa" version 1): read, validate, write.

``parse`` refuses a bad file whole: it collects every problem, each with its place in the file
(``people[3].birth_year``) and a Vietnamese sentence, and returns nothing to store. ``to_document`` is its inverse.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass

from . import text
from .model import (COMMITTEE_ROLES, COMMUNE_KINDS, DISTRICT_KINDS, GENDERS, OFFICES, PROVINCE_KINDS, TEAM_ROLES,
                    VILLAGE_KINDS, CommitteeMember, Commune, Person, Setup, Team, TeamMember, Village)

FORMAT = "cds-xa"
VERSION = 1


@dataclass
class Problem:
    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class InterchangeError(Exception):
    """The file was refused; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_TYPE_NAMES = {str: "một chuỗi văn bản", int: "một số nguyên", list: "một danh sách", dict: "một đối tượng {…}"}


class _Reader:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, place: str, message: str) -> None:
        self.problems.append(Problem(place, message))

    def obj(self, value, place: str, allowed: set[str], required: set[str] = frozenset()) -> dict | None:
        if not isinstance(value, dict):
            self.add(place, f"phải là {_TYPE_NAMES[dict]}.")
            return None
        for key in value:
            if key not in allowed and key != "extra":
                self.add(_join(place, key), f"trường “{key}” không có trong định dạng (gõ nhầm tên trường?).")
        for key in sorted(required):
            if key not in value or value[key] is None:
                self.add(_join(place, key), "thiếu trường bắt buộc.")
        return value

    def string(self, d: dict, key: str, place: str, *, required=False, multiline=False) -> str:
        value = d.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(_join(place, key), f"phải là {_TYPE_NAMES[str]}.")
            return ""
        cleaned = text.clean_multiline(value) if multiline else text.clean(value)
        if required and not cleaned:
            self.add(_join(place, key), "không được để trống.")
        return cleaned

    def integer(self, d: dict, key: str, place: str, lo: int | None = None, hi: int | None = None) -> int | None:
        value = d.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.add(_join(place, key), f"phải là {_TYPE_NAMES[int]} (đang là {json.dumps(value, ensure_ascii=False)}).")
                return None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"từ {lo} đến {hi}" if hi is not None else f"từ {lo} trở lên"
            self.add(_join(place, key), f"giá trị {value} nằm ngoài khoảng cho phép ({bounds}).")
            return None
        return value

    def code(self, d: dict, key: str, place: str, allowed, default: str | None, label: str) -> str | None:
        value = d.get(key)
        if value is None:
            if default is None:
                self.add(_join(place, key), "thiếu trường bắt buộc.")
            return default
        if not isinstance(value, str):
            self.add(_join(place, key), f"phải là {_TYPE_NAMES[str]}.")
            return default
        cleaned = text.clean(value)
        for candidate in allowed:
            if cleaned == candidate or cleaned.casefold() == candidate.casefold():
                return candidate
        choices = ", ".join(f"“{c}”" for c in allowed)
        self.add(_join(place, key), f"{label} “{value}” không hợp lệ; chỉ nhận: {choices}.")
        return default

    def array(self, d: dict, key: str, place: str) -> list:
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(_join(place, key), f"phải là {_TYPE_NAMES[list]}.")
            return []
        return value


def _join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


def parse_text(raw: str | bytes) -> Setup:
    """Parse the file's text; raise ``InterchangeError`` listing every problem."""
    if isinstance(raw, bytes):
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InterchangeError([Problem("", f"Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}). "
                                                "Hãy lưu tệp với mã hóa UTF-8.")]) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InterchangeError([Problem(f"dòng {exc.lineno}, cột {exc.colno}",
                                        f"tệp không phải JSON hợp lệ ({_json_reason(exc.msg)}).")]) from exc
    return parse(data)


def _json_reason(msg: str) -> str:
    reasons = {
        "Expecting value": "thiếu giá trị",
        "Expecting ',' delimiter": "thiếu dấu phẩy",
        "Expecting ':' delimiter": "thiếu dấu hai chấm",
        "Expecting property name enclosed in double quotes": "tên trường phải đặt trong ngoặc kép",
        "Unterminated string starting at": "chuỗi chưa đóng ngoặc kép",
        "Extra data": "có dữ liệu thừa sau khi kết thúc",
        "Invalid control character at": "có ký tự điều khiển trong chuỗi",
    }
    return reasons.get(msg, msg)


def parse(data) -> Setup:
    r = _Reader()
    top = r.obj(data, "", {"format", "version", "commune", "people", "committee", "villages", "teams"},
                {"format", "version", "commune"})
    if top is None:
        raise InterchangeError([Problem("", "Tệp không phải tệp dữ liệu xã của CĐS Xã (cần một đối tượng JSON {…}).")])
    if top.get("format") is not None and top.get("format") != FORMAT:
        raise InterchangeError([Problem("format", f"tệp không phải định dạng “{FORMAT}” "
                                                  f"(đang là {json.dumps(top.get('format'), ensure_ascii=False)}).")])
    version = top.get("version")
    if version is not None and version != VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        r.add("version", f"phiên bản {version} " + ("mới hơn phiên bản chương trình đọc được (1); hãy cập nhật CĐS Xã."
                                                     if newer else "không hợp lệ; chỉ nhận 1."))
    setup = Setup(extra=top.get("extra"))

    # commune
    c = r.obj(top.get("commune"), "commune",
              {"name", "kind", "district", "district_kind", "province", "province_kind", "place_name", "year",
               "report_to", "report_deadline"}, {"name", "kind", "province", "year"}) if "commune" in top else None
    if c is not None:
        commune = Commune(extra=c.get("extra"))
        commune.name = r.string(c, "name", "commune", required="name" in c)
        commune.kind = r.code(c, "kind", "commune", COMMUNE_KINDS, "xã", "Loại đơn vị") or "xã"
        commune.district = r.string(c, "district", "commune") or None
        commune.district_kind = r.code(c, "district_kind", "commune", DISTRICT_KINDS, "", "Loại đơn vị cấp huyện") or None
        if commune.district and not commune.district_kind:
            if c.get("district_kind") is None:
                r.add("commune.district_kind", "có “district” thì phải có “district_kind” (huyện, thị xã, thành phố, quận).")
        if commune.district_kind and not commune.district:
            r.add("commune.district", "có “district_kind” thì phải có tên huyện trong “district”.")
        commune.province = r.string(c, "province", "commune", required="province" in c)
        commune.province_kind = r.code(c, "province_kind", "commune", PROVINCE_KINDS, "tỉnh", "Loại đơn vị cấp tỉnh") or "tỉnh"
        commune.place_name = r.string(c, "place_name", "commune") or commune.name
        commune.year = r.integer(c, "year", "commune", 1900, 2100) or 0
        commune.report_to = r.string(c, "report_to", "commune")
        deadline = c.get("report_deadline")
        if deadline is not None:
            try:
                if not isinstance(deadline, str):
                    raise ValueError
                commune.report_deadline = _dt.date.fromisoformat(deadline.strip())
            except ValueError:
                r.add("commune.report_deadline", f"ngày {json.dumps(deadline, ensure_ascii=False)} không đúng dạng "
                                                 "năm-tháng-ngày (ví dụ “2022-04-10”).")
        setup.commune = commune

    this_year = _dt.date.today().year
    # people
    ids: set[str] = set()
    for i, raw in enumerate(r.array(top, "people", "")):
        place = f"people[{i}]"
        p = r.obj(raw, place, {"id", "full_name", "gender", "birth_year", "position", "office", "phone", "email",
                               "notes"}, {"id", "full_name"})
        if p is None:
            continue
        pid = p.get("id")
        if pid is not None and not isinstance(pid, str):
            r.add(f"{place}.id", "phải là một chuỗi văn bản.")
            pid = None
        elif isinstance(pid, str):
            pid = pid.strip()
            if not pid:
                r.add(f"{place}.id", "không được để trống.")
                pid = None
            elif pid in ids:
                r.add(f"{place}.id", f"mã người “{pid}” bị trùng (mỗi người chỉ ghi một lần).")
                pid = None
            else:
                ids.add(pid)
        person = Person(id=pid or "", full_name=r.string(p, "full_name", place, required="full_name" in p),
                        extra=p.get("extra"))
        person.gender = r.code(p, "gender", place, GENDERS, "nam", "Giới tính") or "nam"
        person.birth_year = r.integer(p, "birth_year", place, 1900, this_year)
        person.position = r.string(p, "position", place)
        person.office = r.code(p, "office", place, tuple(OFFICES), "other", "Mã chức vụ") or "other"
        person.phone = text.normalize_phone(r.string(p, "phone", place))
        person.email = r.string(p, "email", place)
        person.notes = r.string(p, "notes", place, multiline=True)
        if pid:
            setup.people.append(person)

    # villages (before committee and teams, which link to them)
    names: set[str] = set()
    for i, raw in enumerate(r.array(top, "villages", "")):
        place = f"villages[{i}]"
        v = r.obj(raw, place, {"name", "kind", "households"}, {"name"})
        if v is None:
            continue
        name = r.string(v, "name", place, required="name" in v)
        village = Village(name=name, extra=v.get("extra"))
        village.kind = r.code(v, "kind", place, VILLAGE_KINDS, "thôn", "Loại thôn") or "thôn"
        village.households = r.integer(v, "households", place, 0)
        if name in names:
            r.add(f"{place}.name", f"thôn “{name}” bị trùng (mỗi thôn chỉ ghi một lần).")
        elif name:
            names.add(name)
            setup.villages.append(village)

    def person_ref(value, place: str) -> str | None:
        if value is None:
            r.add(place, "thiếu trường bắt buộc.")
            return None
        if not isinstance(value, str):
            r.add(place, "phải là một chuỗi văn bản (mã người trong “people”).")
            return None
        value = value.strip()
        if value not in ids:
            r.add(place, f"không có người mã “{value}” trong “people”.")
            return None
        return value

    def village_ref(value, place: str) -> str | None:
        if value is None:
            r.add(place, "thiếu trường bắt buộc.")
            return None
        if not isinstance(value, str):
            r.add(place, "phải là một chuỗi văn bản (tên thôn trong “villages”).")
            return None
        name = text.clean(value)
        if name not in names:
            r.add(place, f"không có thôn “{value}” trong “villages”.")
            return None
        return name

    # committee
    in_committee: set[str] = set()
    for i, raw in enumerate(r.array(top, "committee", "")):
        place = f"committee[{i}]"
        m = r.obj(raw, place, {"person", "role", "duties", "villages"}, set())
        if m is None:
            continue
        pid = person_ref(m.get("person"), f"{place}.person")
        role = r.code(m, "role", place, tuple(COMMITTEE_ROLES), None, "Vai trò trong Ban Chỉ đạo")
        villages = []
        for j, vname in enumerate(r.array(m, "villages", place)):
            ref = village_ref(vname, f"{place}.villages[{j}]")
            if ref and ref not in villages:
                villages.append(ref)
        duties = r.string(m, "duties", place, multiline=True)
        if pid in in_committee:
            r.add(f"{place}.person", f"người mã “{pid}” đã có trong Ban Chỉ đạo (mỗi người chỉ một lần).")
        elif pid and role:
            in_committee.add(pid)
            setup.committee.append(CommitteeMember(person_id=pid, role=role, duties=duties, villages=villages,
                                                   extra=m.get("extra")))

    # teams
    with_team: set[str] = set()
    for i, raw in enumerate(r.array(top, "teams", "")):
        place = f"teams[{i}]"
        t = r.obj(raw, place, {"village", "members"}, {"village"})
        if t is None:
            continue
        vname = village_ref(t.get("village"), f"{place}.village") if "village" in t else None
        team = Team(village=vname or "", extra=t.get("extra"))
        seen: set[str] = set()
        for j, raw_member in enumerate(r.array(t, "members", place)):
            mplace = f"{place}.members[{j}]"
            tm = r.obj(raw_member, mplace, {"person", "role"}, set())
            if tm is None:
                continue
            pid = person_ref(tm.get("person"), f"{mplace}.person")
            role = r.code(tm, "role", mplace, tuple(TEAM_ROLES), "member", "Vai trò trong Tổ") or "member"
            if pid in seen:
                r.add(f"{mplace}.person", f"người mã “{pid}” đã có trong tổ này (mỗi người chỉ một lần).")
            elif pid:
                seen.add(pid)
                team.members.append(TeamMember(person_id=pid, role=role, extra=tm.get("extra")))
        if vname in with_team:
            r.add(f"{place}.village", f"thôn “{vname}” đã có một tổ (mỗi thôn chỉ một Tổ công nghệ số cộng đồng).")
        elif vname:
            with_team.add(vname)
            setup.teams.append(team)

    if r.problems:
        raise InterchangeError(r.problems)
    return setup


def to_document(setup: Setup) -> dict:
    """The file's JSON document for a set-up (the inverse of ``parse``)."""
    c = setup.commune
    commune = {"name": c.name, "kind": c.kind, "district": c.district or None,
               "district_kind": c.district_kind if c.district else None, "province": c.province,
               "province_kind": c.province_kind, "place_name": c.place_name or c.name, "year": c.year or None,
               "report_to": c.report_to,
               "report_deadline": c.report_deadline.isoformat() if c.report_deadline else None}
    _extra(commune, c.extra)
    doc = {"format": FORMAT, "version": VERSION, "commune": commune, "people": [], "committee": [],
           "villages": [], "teams": []}
    for p in setup.people:
        doc["people"].append(_extra({"id": p.id, "full_name": p.full_name, "gender": p.gender,
                                     "birth_year": p.birth_year, "position": p.position, "office": p.office,
                                     "phone": p.phone, "email": p.email, "notes": p.notes}, p.extra))
    for m in setup.committee:
        doc["committee"].append(_extra({"person": m.person_id, "role": m.role, "duties": m.duties,
                                        "villages": list(m.villages)}, m.extra))
    for v in setup.villages:
        doc["villages"].append(_extra({"name": v.name, "kind": v.kind, "households": v.households}, v.extra))
    for t in setup.teams:
        doc["teams"].append(_extra({"village": t.village, "members": [
            _extra({"person": m.person_id, "role": m.role}, m.extra) for m in t.members]}, t.extra))
    _extra(doc, setup.extra)
    return doc


def _extra(d: dict, extra) -> dict:
    if extra is not None:
        d["extra"] = extra
    return d


def dumps(setup: Setup) -> str:
    return json.dumps(to_document(setup), ensure_ascii=False, indent=2) + "\n"
