"""Ordered schema migrations. ``PRAGMA user_version`` is the number of migrations applied.

Append new steps at the end; never edit a step that has shipped.
"""
from __future__ import annotations

APPLICATION_ID = 0x43445358  # "CDSX": marks a database file as ours

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE commune (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'xã',
        district TEXT,
        district_kind TEXT,
        province TEXT NOT NULL DEFAULT '',
        province_kind TEXT NOT NULL DEFAULT 'tỉnh',
        place_name TEXT NOT NULL DEFAULT '',
        year INTEGER,
        report_to TEXT NOT NULL DEFAULT '',
        report_deadline TEXT,
        extra TEXT
    );
    CREATE TABLE people (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        full_name TEXT NOT NULL CHECK (full_name <> ''),
        gender TEXT NOT NULL DEFAULT 'nam',
        birth_year INTEGER,
        position TEXT NOT NULL DEFAULT '',
        office TEXT NOT NULL DEFAULT 'other',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        search TEXT NOT NULL DEFAULT '',
        extra TEXT
    );
    CREATE TABLE villages (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (name <> ''),
        kind TEXT NOT NULL DEFAULT 'thôn',
        households INTEGER,
        seq INTEGER NOT NULL,
        extra TEXT
    );
    CREATE TABLE committee (
        person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        duties TEXT NOT NULL DEFAULT '',
        seq INTEGER NOT NULL,
        extra TEXT
    );
    CREATE TABLE committee_villages (
        person_id TEXT NOT NULL REFERENCES committee(person_id) ON DELETE CASCADE,
        village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        PRIMARY KEY (person_id, village_id)
    );
    CREATE TABLE teams (
        village_id INTEGER PRIMARY KEY REFERENCES villages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        extra TEXT
    );
    CREATE TABLE team_members (
        village_id INTEGER NOT NULL REFERENCES teams(village_id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        seq INTEGER NOT NULL,
        extra TEXT,
        PRIMARY KEY (village_id, person_id)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE issued_documents (
        kind TEXT NOT NULL,
        village TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        date TEXT,
        signer TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kind, village)
    );
    INSERT INTO commune (id) VALUES (1);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
