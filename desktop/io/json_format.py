"""The Coffee Chats JSON format (version 1): every record of a database in one document.

This module knows the format and nothing of the store: `dumps` writes a `Document`,
`loads` reads one and validates ALL of it first — types, enum values, dates, unique uids
and references between records — so a malformed document is refused with a message that
names the places, before anything is written anywhere. The sections and fields are in
`desktop.io.json_schema`; docs/json-format.md describes them for people.

Records are plain dicts keyed by the field names, with values already of their Python
types (`str`, `int`, `bool`, `date`, `datetime`, the domain's enums); a reference to
another record is that record's `uid` (a string) or None.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.domain.rules import fold
from desktop.errors import UserError
from desktop.io.json_schema import (
    CHAT_QUESTION_FIELDS,
    EXPORTED_AT,
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    Document,
    DocumentError,
    Field,
    Record,
)

MAX_INT = 2**31 - 1  # far beyond any count of minutes or days, and safe for SQLite

__all__ = ["Document", "DocumentError", "Record", "SECTIONS", "dumps", "loads",
           "to_json_object", "from_json_object", "read_file", "write_file",
           "FORMAT_NAME", "FORMAT_VERSION"]


# --- writing ---------------------------------------------------------------------------


def _out(fld: Field, value: Any) -> Any:
    if value is None:
        return None
    if fld.kind == "enum":
        return value.value
    if fld.kind in ("date", "datetime"):
        return value.isoformat()
    if fld.kind == "names":
        return list(value)
    if fld.kind == "labelled":
        return [{"value": v, "label": lab} for v, lab in value]
    if fld.kind == "chat_questions":
        return [{f.name: _out(f, q.get(f.name, f.missing())) for f in CHAT_QUESTION_FIELDS}
                for q in value]
    return value


def to_json_object(document: Document) -> dict[str, Any]:
    """The document as JSON-ready Python objects, keys in a fixed order (diffs stay small)."""
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": document.exported_at.isoformat() if document.exported_at else None,
        "app_version": document.app_version,
    }
    for name, fields in SECTIONS.items():
        out[name] = [
            {f.name: _out(f, rec.get(f.name, f.missing())) for f in fields}
            for rec in document.records(name)
        ]
    out["settings"] = dict(sorted(document.settings.items()))
    return out


def dumps(document: Document) -> str:
    return json.dumps(to_json_object(document), ensure_ascii=False, indent=2) + "\n"


# --- reading ---------------------------------------------------------------------------


class _Reader:
    """Converts and checks values, collecting every problem with where it is."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def value(self, fld: Field, raw: Any, where: str) -> Any:
        if raw is None:
            if fld.nullable:
                return None
            if fld.required:
                self.problem(where, "is required")
            return fld.missing()
        kind = fld.kind
        if kind in ("text", "ref"):
            if not isinstance(raw, str):
                return self._wrong(where, "a string", raw, fld)
            if fld.required and not raw.strip():
                self.problem(where, "must not be empty")
            if not raw and fld.nullable:
                return None  # "" and null mean the same: no key, no reference
            return raw
        if kind == "int":
            if isinstance(raw, bool) or not isinstance(raw, int):
                return self._wrong(where, "a whole number", raw, fld)
            if not 0 <= raw <= MAX_INT:
                self.problem(where, f"should be between 0 and {MAX_INT}, not {raw}")
                return fld.missing()
            return raw
        if kind == "bool":
            if not isinstance(raw, bool):
                return self._wrong(where, "true or false", raw, fld)
            return raw
        if kind == "enum":
            assert fld.enum is not None
            allowed = [m.value for m in fld.enum]  # type: ignore[attr-defined]
            if raw not in allowed:
                self.problem(where, f"{raw!r} is not one of {', '.join(allowed)}")
                return fld.missing()
            return fld.enum(raw)
        if kind == "date":
            return self._date(where, raw, fld)
        if kind == "datetime":
            return self._datetime(where, raw, fld)
        if kind == "names":
            if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
                return self._wrong(where, "a list of strings", raw, fld)
            return tuple(raw)
        if kind == "labelled":
            return self._labelled(where, raw, fld)
        if kind == "chat_questions":
            if not isinstance(raw, list):
                return self._wrong(where, "a list", raw, fld)
            return tuple(self.record(CHAT_QUESTION_FIELDS, item, f"{where}[{i}]")
                         for i, item in enumerate(raw))
        raise AssertionError(kind)

    def _wrong(self, where: str, expected: str, raw: Any, fld: Field) -> Any:
        shown = json.dumps(raw, ensure_ascii=False)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        self.problem(where, f"should be {expected}, not {shown}")
        return fld.missing()

    def _date(self, where: str, raw: Any, fld: Field) -> date | None:
        if isinstance(raw, str):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        return self._wrong(where, "a date like 2024-05-17", raw, fld)

    def _datetime(self, where: str, raw: Any, fld: Field) -> datetime | None:
        if isinstance(raw, str):
            try:
                value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                pass
            else:
                # The store keeps naive local time; a time with a zone is converted to it.
                if value.tzinfo is not None:
                    try:
                        value = value.astimezone().replace(tzinfo=None)
                    except (OverflowError, OSError, ValueError):  # year 1 or 9999 shifted
                        return self._wrong(where, "a date and time in years 1 to 9999",
                                           raw, fld)
                return value
        return self._wrong(where, "a date and time like 2024-05-17T14:30:00", raw, fld)

    def _labelled(self, where: str, raw: Any, fld: Field) -> tuple[tuple[str, str], ...]:
        if not isinstance(raw, list):
            return self._wrong(where, "a list", raw, fld)
        out = []
        for i, item in enumerate(raw):
            here = f"{where}[{i}]"
            if isinstance(item, str):
                out.append((item, ""))
            elif (isinstance(item, dict) and isinstance(item.get("value"), str)
                  and isinstance(item.get("label", ""), str)):
                out.append((item["value"], item.get("label", "")))
            else:
                self._wrong(here, 'an object like {"value": ..., "label": ...}', item, fld)
        return tuple(out)

    def record(self, fields: tuple[Field, ...], raw: Any, where: str) -> Record:
        if not isinstance(raw, dict):
            self.problem(where, "should be an object")
            return {}
        return {f.name: self.value(f, raw.get(f.name), f"{where}.{f.name}") for f in fields}


def from_json_object(data: Any) -> Document:
    """Checks and converts a parsed JSON value; raises DocumentError listing the problems."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DocumentError(['it is not a Coffee Chats export (no "format": "coffee-chats")'])
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DocumentError([f'"version" should be a whole number, not {version!r}'])
    if version > FORMAT_VERSION:
        raise DocumentError([
            f"it was written by a newer Coffee Chats (format version {version}); "
            f"this version reads format version {FORMAT_VERSION}. Update Coffee Chats"
        ])
    reader = _Reader()
    exported_at = None
    if data.get("exported_at") is not None:
        exported_at = reader.value(EXPORTED_AT,
                                   data["exported_at"], "exported_at")
    sections: dict[str, tuple[Record, ...]] = {}
    for name, fields in SECTIONS.items():
        raw = data.get(name, [])
        if not isinstance(raw, list):
            reader.problem(name, "should be a list")
            raw = []
        sections[name] = tuple(
            reader.record(fields, item, f"{name}[{i}]") for i, item in enumerate(raw)
        )
    settings = data.get("settings", {})
    if not isinstance(settings, dict) or not all(
        isinstance(v, str) for v in settings.values()
    ):
        reader.problem("settings", "should be an object of strings")
        settings = {}
    document = Document(sections, dict(settings), exported_at,
                        str(data.get("app_version") or ""))
    _check_identities(document, reader)
    if reader.problems:
        raise DocumentError(reader.problems)
    return document


IDENTITY = {"tags": "name", "insight_groups": "key"}


def _identity(section: str, rec: Record) -> str:
    """What makes a record itself in its section: its uid, or a tag's name in any case, or
    an insight group's kind and key."""
    if section == "tags":
        return fold(rec.get("name") or "")
    if section == "insight_groups":
        return f"{rec['kind'].value}|{rec['key']}" if rec.get("key") else ""
    return rec.get("uid") or ""


def _check_identities(document: Document, reader: _Reader) -> None:
    """Uids unique per section, names and keys unique, every reference found in the document."""
    known: dict[str, set[str]] = {}
    for name in SECTIONS:
        seen: dict[str, int] = {}
        for i, rec in enumerate(document.records(name)):
            value = _identity(name, rec)
            if not value:
                continue
            if value in seen:
                ident = IDENTITY.get(name, "uid")
                reader.problem(f"{name}[{i}].{ident}", f"repeats {name}[{seen[value]}]")
            seen.setdefault(value, i)
        known[name] = set(seen)
    # Names the store keeps unique (in any case), and the keys of built-in questions.
    for section, key in (("companies", "name"), ("career_paths", "name"), ("questions", "key")):
        firsts: dict[str, int] = {}
        for i, rec in enumerate(document.records(section)):
            if not rec.get(key):
                continue
            folded = fold(rec[key])
            if folded in firsts:
                reader.problem(f"{section}[{i}].{key}", f"repeats {section}[{firsts[folded]}]")
            firsts.setdefault(folded, i)
    for name, fields in SECTIONS.items():
        for i, rec in enumerate(document.records(name)):
            for fld in fields:
                if fld.kind == "ref" and rec.get(fld.name):
                    _check_ref(reader, known, fld, rec[fld.name], f"{name}[{i}].{fld.name}")
            for j, q in enumerate(rec.get("questions", ()) if name == "chats" else ()):
                if q.get("question"):
                    _check_ref(reader, known, CHAT_QUESTION_FIELDS[1], q["question"],
                               f"chats[{i}].questions[{j}].question")


def _check_ref(reader: _Reader, known: dict[str, set[str]], fld: Field, uid: str,
               where: str) -> None:
    assert fld.ref is not None
    if uid not in known.get(fld.ref, set()):
        reader.problem(where, f"refers to {uid!r}, which is not among the {fld.ref}")


def loads(text: str | bytes) -> Document:
    """Parses and validates a whole document; raises DocumentError (a UserError) when bad."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError([f"it is not UTF-8 text (byte {exc.start})"]) from exc
    try:
        data = json.loads(text)
        return from_json_object(data)
    except json.JSONDecodeError as exc:
        raise DocumentError([f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg})"]) from exc
    except RecursionError as exc:  # lists in lists a hundred thousand deep: not ours
        raise DocumentError(["its lists and objects are nested too deeply to be an export"]
                            ) from exc


# --- files -----------------------------------------------------------------------------


def write_file(document: Document, out: Path) -> None:
    """Writes the document to `out` atomically (a temporary name, then a rename), mode 0600."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name to export to.")
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        # An export holds everything the database holds: readable by its owner only.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dumps(document))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"Cannot write {out}: {exc.strerror or exc}.") from exc


def read_file(path: Path) -> Document:
    """Reads and validates a JSON document; UserError when unreadable or malformed."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    return loads(data)
