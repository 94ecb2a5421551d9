"""The SQLite store: migrations, refusal of files that are not ours, one transaction per change."""
import datetime as dt
import hashlib
import sqlite3

import pytest

from desktop.interchange import parse_text
from desktop.migrations import APPLICATION_ID, SCHEMA_VERSION
from desktop.model import CommitteeMember, IssuedDocument, Person, Village
from desktop.store import Store, StoreError


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_migrated_to_current_schema(db_path):
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.is_empty()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"commune", "people", "committee", "villages", "teams", "team_members", "issued_documents"} <= tables
    conn.close()


def test_empty_existing_file_is_migrated(db_path):
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_reopening_keeps_data(sample_store, db_path):
    before = sample_store.load()
    sample_store.close()
    with Store.open(db_path) as store:
        assert store.load() == before
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n" * 20, encoding="utf-8")
    before = digest(path)
    with pytest.raises(StoreError, match="không phải"):
        Store.open(path)
    assert digest(path) == before


def test_other_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="chương trình khác"):
        Store.open(path)
    assert digest(path) == before


def test_newer_database_is_refused_untouched(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(StoreError, match="mới hơn"):
        Store.open(db_path)
    assert digest(db_path) == before


def test_damaged_database_is_refused_untouched(sample_store, db_path):
    sample_store.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6), 7):  # scribble over the table pages
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(StoreError, match="hỏng"):
        Store.open(db_path)
    assert digest(db_path) == before


def test_person_is_cleaned_and_search_ignores_tones(db_path):
    with Store.open(db_path) as store:
        pid = store.save_person(Person(id="", full_name="  Nguye\u0302\u0303n  Văn Đức ", phone="+84 912 345 678"))
        person = store.load().person(pid)
        assert person.full_name == "Nguyễn Văn Đức"
        assert person.phone == "0912345678"
        assert [p.id for p in store.search_people("duc")] == [pid]
        assert store.search_people("nguyen van d")[0].id == pid
        assert store.search_people("hoa") == []


def test_removing_a_person_removes_their_places(sample_store):
    setup = sample_store.load()
    pid = setup.teams[0].members[0].person_id
    sample_store.remove_person(pid)
    after = sample_store.load()
    assert after.person(pid) is None
    assert pid not in [m.person_id for t in after.teams for m in t.members]


def test_village_rename_keeps_team_and_support(sample_store):
    setup = sample_store.load()
    first = setup.villages[0]
    members = [m.person_id for m in setup.team_for(first.name).members]
    sample_store.save_village(Village(name="Đông Sơn Mới", kind="thôn", households=1), old_name=first.name)
    after = sample_store.load()
    assert after.villages[0].name == "Đông Sơn Mới"
    assert [m.person_id for m in after.team_for("Đông Sơn Mới").members] == members
    assert any("Đông Sơn Mới" in m.villages for m in after.committee)


def test_duplicate_village_name_is_refused(sample_store):
    with pytest.raises(StoreError, match="Đã có thôn"):
        sample_store.save_village(Village(name="Tây Sơn"))


def test_bulk_add_and_reorder_villages(db_path):
    with Store.open(db_path) as store:
        added = store.add_villages(["Thôn 1", " Thôn 2 ", "", "Thôn 1", "Thôn 3"])
        assert added == ["Thôn 1", "Thôn 2", "Thôn 3"]
        store.move_village("Thôn 3", 0)
        assert [v.name for v in store.load().villages] == ["Thôn 3", "Thôn 1", "Thôn 2"]


def test_team_created_with_first_member_and_roles_change(db_path):
    with Store.open(db_path) as store:
        store.add_villages(["Đông Sơn"])
        pid = store.save_person(Person(id="", full_name="Lê Văn Hải"))
        store.set_team_member("Đông Sơn", pid, "member")
        store.set_team_member("Đông Sơn", pid, "leader")
        team = store.load().team_for("Đông Sơn")
        assert [(m.person_id, m.role) for m in team.members] == [(pid, "leader")]


def test_failed_change_leaves_database_as_it_was(sample_store):
    before = sample_store.load()
    with pytest.raises(StoreError):
        sample_store.set_committee_member(CommitteeMember(person_id="p001", role="head", villages=["Không Có"]))
    assert sample_store.load() == before


def test_failed_replace_rolls_back_everything(sample_store):
    before = sample_store.load()
    broken = sample_store.load()
    broken.teams[0].village = "Không Có"   # a link the schema cannot hold
    with pytest.raises(KeyError):
        sample_store.replace_setup(broken)
    assert sample_store.load() == before


def test_settings_start_from_presets_and_persist(sample_store):
    settings = sample_store.load_settings()
    assert any("557/STTTT-CNTT" in line for line in settings.citations["team_decision"])
    settings.team_decisions = "single"
    settings.plan_targets = ["Mục tiêu một.", "  ", "Mục tiêu hai."]
    sample_store.save_settings(settings)
    again = sample_store.load_settings()
    assert again.team_decisions == "single"
    assert again.plan_targets == ["Mục tiêu một.", "Mục tiêu hai."]


def test_register_of_issued_documents(sample_store):
    sample_store.record_issued(IssuedDocument("committee_decision", number="5", date=dt.date(2022, 4, 5),
                                              signer="Cao Quang Khánh"))
    sample_store.record_issued(IssuedDocument("team_decision", village="Đông Sơn", number="6",
                                              date=dt.date(2022, 4, 6)))
    s = sample_store.load_settings()
    assert s.issued("committee_decision").number_text == "05/QĐ-UBND"
    assert s.issued("team_decision", "Đông Sơn").date == dt.date(2022, 4, 6)
    assert s.issued("team_decision", "Tây Sơn") is None
    sample_store.record_issued(IssuedDocument("committee_decision"))  # cleared
    assert sample_store.load_settings().issued("committee_decision") is None


def test_snapshot_restore_undoes_a_removal(sample_store):
    snap = sample_store.snapshot()
    sample_store.remove_village("Đông Sơn")
    assert sample_store.load().team_for("Đông Sơn") is None
    sample_store.restore(snap)
    assert sample_store.load() == snap[0]


def test_importing_another_commune_resets_its_numbers(sample_store, sample_path):
    sample_store.record_issued(IssuedDocument("plan", number="3", date=dt.date(2022, 4, 2)))
    same = parse_text(sample_path.read_bytes())
    sample_store.replace_setup(same)
    assert sample_store.load_settings().issued("plan") is not None
    other = parse_text(sample_path.read_bytes())
    other.commune.name = "Hà Tiến"
    sample_store.replace_setup(other)
    assert sample_store.load_settings().issued("plan") is None


def test_backup_is_a_working_copy(sample_store, tmp_path):
    dest = sample_store.backup(tmp_path / "sao-luu.sqlite3")
    with Store.open(dest) as copy:
        assert copy.load() == sample_store.load()


def test_cited_texts_keep_the_room_left_for_a_number(sample_store):
    settings = sample_store.load_settings()
    line = "Căn cứ Công văn số      /UBND-VHTT ngày      tháng 4 năm 2022 của Ủy ban nhân dân huyện"
    settings.citations["report"] = [line + "\n", "  "]
    sample_store.save_settings(settings)
    assert sample_store.load_settings().citations["report"] == [line]


def test_a_folder_with_vietnamese_letters_and_spaces(tmp_path, sample_path):
    """A clerk's user folder is often named in Vietnamese ("C:\\Users\\Văn thư\\…"): opening, reopening (the
    read-only check goes through a file: URI) and backing up must work there."""
    db = tmp_path / "Dữ liệu xã #1 (2022)" / "cds-xa.sqlite3"
    with Store.open(db) as store:
        store.replace_setup(parse_text(sample_path.read_bytes()))
    with Store.open(db) as store:
        assert store.load().commune.name == "Hà Lĩnh"
        copy = store.backup(db.parent / "bản sao lưu.sqlite3")
    with Store.open(copy) as again:
        assert len(again.load().people) == 50
