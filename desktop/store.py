"""The commune's SQLite file, through sqlite-utils: open (with migrations), load, and one transaction per change.

A database is one commune's set-up. Opening refuses — without modifying it — a file that is not SQLite, is damaged,
belongs to another program, or was written by a newer version of this one. Every public method that changes data
runs in a single transaction: it is all written or not at all.
"""
from __future__ import annotations

import copy
import datetime as _dt
import json
import sqlite3
from contextlib import closing
from dataclasses import asdict
from pathlib import Path

from . import presets, text
from .migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from .model import (CommitteeMember, Commune, DocumentSettings, IssuedDocument, Person, Setup, Team, TeamMember,
                    Village)


class StoreError(Exception):
    """A database that cannot be used; the message is Vietnamese and says why and what to do."""


_SQLITE_HEADER = b"SQLite format 3\x00"


def _dump(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(value):
    return None if value is None else json.loads(value)


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _inspect(path: Path) -> None:
    """Refuse a file we must not touch. Reads it only (read-only connection)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp dữ liệu {path}: {exc.strerror or exc}.") from exc
    if not header:
        return  # an empty file: a new database
    if header != _SQLITE_HEADER:
        raise StoreError(f"Tệp {path} không phải là cơ sở dữ liệu của CĐS Xã (không phải tệp SQLite). "
                         "Tệp được giữ nguyên; hãy chọn tệp khác.")
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Tệp dữ liệu {path} bị hỏng, không mở được ({exc}). Tệp được giữ nguyên; hãy dùng bản "
                         "sao lưu gần nhất.") from exc
    if check != "ok":
        raise StoreError(f"Tệp dữ liệu {path} bị hỏng (kiểm tra toàn vẹn: {check}). Tệp được giữ nguyên; hãy dùng "
                         "bản sao lưu gần nhất.")
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise StoreError(f"Tệp {path} là cơ sở dữ liệu của một chương trình khác, không phải của CĐS Xã. "
                         "Tệp được giữ nguyên; hãy chọn tệp khác.")
    if version > SCHEMA_VERSION:
        raise StoreError(f"Tệp dữ liệu {path} được tạo bởi phiên bản CĐS Xã mới hơn (lược đồ {version}, phiên bản "
                         f"này đọc được đến {SCHEMA_VERSION}). Hãy cập nhật chương trình; tệp được giữ nguyên.")


class Store:
    """One commune's database file.

    Reads go straight to the sqlite3 connection; every change goes through sqlite-utils (``self.db``), which is
    imported on the first change, not at start-up: importing it costs ~55 ms, a quarter of the program's start.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self._db = None

    @property
    def db(self):
        """The sqlite-utils view of the connection (``db.atomic()`` is the transaction of every change)."""
        if self._db is None:
            import sqlite_utils
            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)  # no third-party plugin code runs
        return self._db

    # -- opening --------------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> "Store":
        """Open (and migrate) a commune's database; with ``create=False`` a missing file is refused, not made."""
        path = Path(path)
        if not create and not path.exists():
            raise StoreError(f"Chưa có tệp dữ liệu {path}. Hãy nhập dữ liệu xã (import-json) hoặc mở chương trình "
                             "để nhập trước.")
        if path.exists():
            if path.is_dir():
                raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu.")
            _inspect(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Không tạo được thư mục dữ liệu {path.parent}: {exc.strerror or exc}.") from exc
        try:
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(path, conn)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không mở được tệp dữ liệu {path}: {exc}.") from exc
        return store

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            with self.db.atomic():
                for statement in MIGRATIONS[number].split(";\n"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _q(self, sql: str, params=()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    # -- reading --------------------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True before the commune has been set up (no name yet)."""
        row = self.conn.execute("SELECT name FROM commune WHERE id = 1").fetchone()
        return not row or not row[0]

    def load_commune(self) -> Commune:
        row = self._q("SELECT * FROM commune WHERE id = 1")[0]
        return Commune(name=row["name"], kind=row["kind"], district=row["district"],
                       district_kind=row["district_kind"], province=row["province"],
                       province_kind=row["province_kind"], place_name=row["place_name"], year=row["year"] or 0,
                       report_to=row["report_to"], report_deadline=_date(row["report_deadline"]),
                       extra=_load(row["extra"]))

    def load(self) -> Setup:
        """The whole set-up, as the interchange file holds it."""
        setup = Setup(commune=self.load_commune())
        for r in self._q("SELECT * FROM people ORDER BY seq, rowid"):
            setup.people.append(Person(id=r["id"], full_name=r["full_name"], gender=r["gender"],
                                       birth_year=r["birth_year"], position=r["position"], office=r["office"],
                                       phone=r["phone"], email=r["email"], notes=r["notes"], extra=_load(r["extra"])))
        names = {r["id"]: r["name"] for r in self._q("SELECT id, name FROM villages")}
        supported: dict[str, list[str]] = {}
        for r in self._q("SELECT person_id, village_id FROM committee_villages ORDER BY seq, rowid"):
            supported.setdefault(r["person_id"], []).append(names[r["village_id"]])
        for r in self._q("SELECT * FROM committee ORDER BY seq, rowid"):
            setup.committee.append(CommitteeMember(person_id=r["person_id"], role=r["role"], duties=r["duties"],
                                                   villages=supported.get(r["person_id"], []),
                                                   extra=_load(r["extra"])))
        for r in self._q("SELECT * FROM villages ORDER BY seq, id"):
            setup.villages.append(Village(name=r["name"], kind=r["kind"], households=r["households"],
                                          extra=_load(r["extra"])))
        members: dict[int, list[TeamMember]] = {}
        for r in self._q("SELECT * FROM team_members ORDER BY seq, rowid"):
            members.setdefault(r["village_id"], []).append(
                TeamMember(person_id=r["person_id"], role=r["role"], extra=_load(r["extra"])))
        for r in self._q("SELECT * FROM teams ORDER BY seq, village_id"):
            setup.teams.append(Team(village=names[r["village_id"]], members=members.get(r["village_id"], []),
                                    extra=_load(r["extra"])))
        setup.extra = self._setting("file_extra", None)
        return setup

    # -- writing the whole set-up (import, undo) ------------------------------------------------------------------
    def replace_setup(self, setup: Setup) -> None:
        """Replace everything the interchange file holds, in one transaction. Settings and the register stay,
        unless the commune changes (another commune's numbers and signers would be wrong): then they are reset."""
        old = self.load_commune()
        other_commune = bool(old.name) and (old.name, old.province) != (setup.commune.name, setup.commune.province)
        with self.db.atomic():
            c = self.conn
            for table in ("team_members", "teams", "committee_villages", "committee", "villages", "people"):
                c.execute(f"DELETE FROM {table}")
            if other_commune:
                c.execute("DELETE FROM settings")
                c.execute("DELETE FROM issued_documents")
            self._write_commune(setup.commune)
            c.executemany(
                "INSERT INTO people (id, seq, full_name, gender, birth_year, position, office, phone, email, notes,"
                " search, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(p.id, i, p.full_name, p.gender, p.birth_year, p.position, p.office, p.phone, p.email, p.notes,
                  text.search_key(p.full_name), _dump(p.extra)) for i, p in enumerate(setup.people)])
            c.executemany("INSERT INTO villages (id, name, kind, households, seq, extra) VALUES (?,?,?,?,?,?)",
                          [(i + 1, v.name, v.kind, v.households, i, _dump(v.extra))
                           for i, v in enumerate(setup.villages)])
            vid = {v.name: i + 1 for i, v in enumerate(setup.villages)}
            c.executemany("INSERT INTO committee (person_id, role, duties, seq, extra) VALUES (?,?,?,?,?)",
                          [(m.person_id, m.role, m.duties, i, _dump(m.extra)) for i, m in enumerate(setup.committee)])
            c.executemany("INSERT INTO committee_villages (person_id, village_id, seq) VALUES (?,?,?)",
                          [(m.person_id, vid[name], j) for m in setup.committee for j, name in enumerate(m.villages)])
            c.executemany("INSERT INTO teams (village_id, seq, extra) VALUES (?,?,?)",
                          [(vid[t.village], i, _dump(t.extra)) for i, t in enumerate(setup.teams)])
            c.executemany("INSERT INTO team_members (village_id, person_id, role, seq, extra) VALUES (?,?,?,?,?)",
                          [(vid[t.village], m.person_id, m.role, j, _dump(m.extra))
                           for t in setup.teams for j, m in enumerate(t.members)])
            self._put_setting("file_extra", setup.extra)

    def _write_commune(self, commune: Commune) -> None:
        self.conn.execute(
            "UPDATE commune SET name=?, kind=?, district=?, district_kind=?, province=?, province_kind=?,"
            " place_name=?, year=?, report_to=?, report_deadline=?, extra=? WHERE id = 1",
            (text.clean(commune.name), commune.kind, commune.district or None,
             commune.district_kind if commune.district else None, text.clean(commune.province),
             commune.province_kind, text.clean(commune.place_name), commune.year or None,
             text.clean(commune.report_to),
             commune.report_deadline.isoformat() if commune.report_deadline else None, _dump(commune.extra)))

    # -- one change at a time (the program's edits) ---------------------------------------------------------------
    def save_commune(self, commune: Commune) -> None:
        with self.db.atomic():
            self._write_commune(commune)

    def new_person_id(self) -> str:
        taken = {r[0] for r in self.conn.execute("SELECT id FROM people")}
        n = len(taken) + 1
        while f"p{n:03d}" in taken:
            n += 1
        return f"p{n:03d}"

    def save_person(self, person: Person) -> str:
        """Insert or update one person (cleaned: NFC, spaces, phone form). Returns the person's id."""
        person = _clean_person(person)
        if not person.full_name:
            raise StoreError("Họ và tên không được để trống.")
        with self.db.atomic():
            c = self.conn
            if not person.id:
                person.id = self.new_person_id()
            exists = c.execute("SELECT 1 FROM people WHERE id = ?", (person.id,)).fetchone()
            values = (person.full_name, person.gender, person.birth_year, person.position, person.office,
                      person.phone, person.email, person.notes, text.search_key(person.full_name),
                      _dump(person.extra), person.id)
            if exists:
                c.execute("UPDATE people SET full_name=?, gender=?, birth_year=?, position=?, office=?, phone=?,"
                          " email=?, notes=?, search=?, extra=? WHERE id = ?", values)
            else:
                seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM people").fetchone()[0]
                c.execute("INSERT INTO people (full_name, gender, birth_year, position, office, phone, email, notes,"
                          " search, extra, id, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", values + (seq,))
        return person.id

    def remove_person(self, person_id: str) -> None:
        """Remove a person and every place they hold (committee, teams)."""
        with self.db.atomic():
            self.conn.execute("DELETE FROM people WHERE id = ?", (person_id,))

    def search_people(self, query: str) -> list[Person]:
        """People whose name, post or phone contains every word of ``query``, ignoring case, tones and đ."""
        people = self.load().people
        found = [p for p in people if text.matches(query, p.full_name, p.position, p.phone)]
        return sorted(found, key=lambda p: text.name_sort_key(p.full_name))

    def _village_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM villages WHERE name = ?", (name,)).fetchone()
        if not row:
            raise StoreError(f"Không có thôn “{name}”.")
        return row[0]

    def set_committee_member(self, member: CommitteeMember) -> None:
        """Add a person to the committee, or change their role, duties and villages."""
        with self.db.atomic():
            c = self.conn
            if not c.execute("SELECT 1 FROM people WHERE id = ?", (member.person_id,)).fetchone():
                raise StoreError("Người này không còn trong danh sách.")
            row = c.execute("SELECT seq FROM committee WHERE person_id = ?", (member.person_id,)).fetchone()
            duties = text.clean_multiline(member.duties)
            if row:
                c.execute("UPDATE committee SET role=?, duties=?, extra=? WHERE person_id=?",
                          (member.role, duties, _dump(member.extra), member.person_id))
            else:
                seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM committee").fetchone()[0]
                c.execute("INSERT INTO committee (person_id, role, duties, seq, extra) VALUES (?,?,?,?,?)",
                          (member.person_id, member.role, duties, seq, _dump(member.extra)))
            c.execute("DELETE FROM committee_villages WHERE person_id = ?", (member.person_id,))
            for j, name in enumerate(dict.fromkeys(member.villages)):
                c.execute("INSERT INTO committee_villages (person_id, village_id, seq) VALUES (?,?,?)",
                          (member.person_id, self._village_id(name), j))

    def remove_committee_member(self, person_id: str) -> None:
        with self.db.atomic():
            self.conn.execute("DELETE FROM committee WHERE person_id = ?", (person_id,))

    def save_village(self, village: Village, old_name: str | None = None) -> None:
        """Add a village (at the end) or change one (``old_name`` is its current name; a rename keeps its team)."""
        name = text.clean(village.name)
        if not name:
            raise StoreError("Tên thôn không được để trống.")
        with self.db.atomic():
            c = self.conn
            clash = c.execute("SELECT name FROM villages WHERE name = ? AND name IS NOT ?", (name, old_name)).fetchone()
            if clash:
                raise StoreError(f"Đã có thôn “{name}”.")
            if old_name is not None:
                c.execute("UPDATE villages SET name=?, kind=?, households=?, extra=? WHERE id=?",
                          (name, village.kind, village.households, _dump(village.extra), self._village_id(old_name)))
            else:
                seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM villages").fetchone()[0]
                c.execute("INSERT INTO villages (name, kind, households, seq, extra) VALUES (?,?,?,?,?)",
                          (name, village.kind, village.households, seq, _dump(village.extra)))

    def add_villages(self, names: list[str], kind: str = "thôn") -> list[str]:
        """Add several villages at once (a pasted list); names already there are skipped. Returns those added."""
        added: list[str] = []
        with self.db.atomic():
            c = self.conn
            existing = {r[0] for r in c.execute("SELECT name FROM villages")}
            seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM villages").fetchone()[0]
            for raw in names:
                name = text.clean(raw)
                if not name or name in existing:
                    continue
                c.execute("INSERT INTO villages (name, kind, seq) VALUES (?,?,?)", (name, kind, seq))
                existing.add(name)
                added.append(name)
                seq += 1
        return added

    def remove_village(self, name: str) -> None:
        """Remove a village, its team, and the committee's support of it (the people stay)."""
        with self.db.atomic():
            self.conn.execute("DELETE FROM villages WHERE id = ?", (self._village_id(name),))

    def move_village(self, name: str, new_index: int) -> None:
        """Put a village at ``new_index`` in the village order."""
        with self.db.atomic():
            c = self.conn
            order = [r[0] for r in c.execute("SELECT name FROM villages ORDER BY seq, id")]
            order.remove(name)
            order.insert(max(0, min(new_index, len(order))), name)
            c.executemany("UPDATE villages SET seq = ? WHERE name = ?", [(i, n) for i, n in enumerate(order)])

    def set_team_member(self, village: str, person_id: str, role: str = "member") -> None:
        """Put a person in a village's team with a role (the team is created with its first member)."""
        with self.db.atomic():
            c = self.conn
            vid = self._village_id(village)
            if not c.execute("SELECT 1 FROM teams WHERE village_id = ?", (vid,)).fetchone():
                seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM teams").fetchone()[0]
                c.execute("INSERT INTO teams (village_id, seq) VALUES (?, ?)", (vid, seq))
            row = c.execute("SELECT 1 FROM team_members WHERE village_id = ? AND person_id = ?",
                            (vid, person_id)).fetchone()
            if row:
                c.execute("UPDATE team_members SET role = ? WHERE village_id = ? AND person_id = ?",
                          (role, vid, person_id))
            else:
                seq = c.execute("SELECT coalesce(max(seq), -1) + 1 FROM team_members WHERE village_id = ?",
                                (vid,)).fetchone()[0]
                c.execute("INSERT INTO team_members (village_id, person_id, role, seq) VALUES (?,?,?,?)",
                          (vid, person_id, role, seq))

    def remove_team_member(self, village: str, person_id: str) -> None:
        with self.db.atomic():
            self.conn.execute("DELETE FROM team_members WHERE village_id = ? AND person_id = ?",
                                 (self._village_id(village), person_id))

    # -- settings for the documents -------------------------------------------------------------------------------
    def _setting(self, key: str, default):
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else copy.deepcopy(default)

    def _put_setting(self, key: str, value) -> None:
        if value is None:
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                 (key, json.dumps(value, ensure_ascii=False)))

    def load_settings(self) -> DocumentSettings:
        """Signers, cited texts, options and plan content; presets where the clerk has not changed them."""
        s = DocumentSettings(
            chair_name=self._setting("chair_name", ""),
            vice_chair_name=self._setting("vice_chair_name", ""),
            sign_as=self._setting("sign_as", "chair"),
            team_decisions=self._setting("team_decisions", "per_village"),
            proposer=self._setting("proposer", presets.DEFAULT_PROPOSER),
            citations=self._setting("citations", presets.HA_TRUNG_2022_CITATIONS),
            plan_targets=self._setting("plan_targets", presets.PLAN_TARGETS),
            plan_tasks=self._setting("plan_tasks", presets.PLAN_TASKS),
            team_tasks=self._setting("team_tasks", presets.TEAM_TASKS),
            committee_duties=self._setting("committee_duties", presets.COMMITTEE_DUTIES),
        )
        for kind, preset in presets.HA_TRUNG_2022_CITATIONS.items():
            s.citations.setdefault(kind, list(preset))
        for r in self._q("SELECT * FROM issued_documents ORDER BY kind, village"):
            s.register.append(IssuedDocument(kind=r["kind"], village=r["village"] or None, number=r["number"],
                                             date=_date(r["date"]), signer=r["signer"]))
        return s

    def save_settings(self, settings: DocumentSettings) -> None:
        """Store every setting except the register (see ``record_issued``)."""
        with self.db.atomic():
            for key, value in asdict(settings).items():
                if key == "register":
                    continue
                if isinstance(value, str):
                    value = text.clean(value)
                elif isinstance(value, list):
                    value = [text.clean_multiline(v) for v in value if text.clean(v)]
                elif isinstance(value, dict):
                    value = {k: [text.clean_keep_gaps(v) for v in lines if text.clean(v)]
                             for k, lines in value.items()}
                self._put_setting(key, value)

    def record_issued(self, doc: IssuedDocument) -> None:
        """Record (or clear, with an empty number and no date) the number and date of a signed document."""
        number = text.clean(doc.number)
        with self.db.atomic():
            c = self.conn
            if not number and doc.date is None:
                c.execute("DELETE FROM issued_documents WHERE kind = ? AND village = ?", (doc.kind, doc.village or ""))
            else:
                c.execute("INSERT OR REPLACE INTO issued_documents (kind, village, number, date, signer)"
                          " VALUES (?,?,?,?,?)", (doc.kind, doc.village or "", number,
                                                  doc.date.isoformat() if doc.date else None, text.clean(doc.signer)))

    # -- snapshots (undo) and backup ------------------------------------------------------------------------------
    def snapshot(self) -> tuple[Setup, DocumentSettings]:
        return self.load(), self.load_settings()

    def restore(self, snap: tuple[Setup, DocumentSettings]) -> None:
        setup, settings = snap
        with self.db.atomic():
            self.replace_setup(setup)
            self.save_settings(settings)
            self.conn.execute("DELETE FROM issued_documents")
            for doc in settings.register:
                self.record_issued(doc)

    def backup(self, dest: str | Path) -> Path:
        """A consistent copy of the live database (written beside, then moved into place)."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".tmp")
        if tmp.exists():
            tmp.unlink()
        with closing(sqlite3.connect(tmp)) as target:
            self.conn.backup(target)
        tmp.replace(dest)
        return dest


def _clean_person(p: Person) -> Person:
    p = copy.copy(p)
    p.full_name = text.clean(p.full_name)
    p.position = text.clean(p.position)
    p.phone = text.normalize_phone(p.phone)
    p.email = text.clean(p.email)
    p.notes = text.clean_multiline(p.notes)
    return p
