"""The import use case: preview writes nothing, commit writes it all in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.enums import Source
from desktop.domain.importing import ParsedContact, ParsedFile, Rejected
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io.detect import parse_path
from desktop.services import contacts, exports, import_write, imports
from tests.io.conftest import DATA


def _file(*people: Contact, fmt: str = "linkedin", rejected=()) -> ParsedFile:
    return ParsedFile(fmt, [ParsedContact(c, n + 2) for n, c in enumerate(people)],
                      list(rejected))


def _person(n: int, **changes) -> Contact:
    base = Contact(first_name=f"Person{n}", last_name="Tester", company=f"Company {n % 3}",
                   role="Engineer", linkedin_url=f"https://www.linkedin.com/in/person-{n}",
                   source=Source.LINKEDIN, connected_on=date(2022, 2, 7))
    return replace(base, **changes)


def _count(store, table: str) -> int:
    return store.db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_preview_writes_nothing(store):
    plan = imports.preview(store, parse_path(DATA / "linkedin_bom_preamble3_crlf.csv"))
    assert len(plan.added) == 6 and plan.merged == () and len(plan.rejected) == 1
    assert plan.rejected[0].line == 11
    assert _count(store, "contact") == 0 and _count(store, "company") == 0


def test_commit_writes_contacts_companies_and_emails(store):
    parsed = parse_path(DATA / "linkedin_bom_preamble3_crlf.csv")
    result = imports.commit(store, imports.preview(store, parsed))
    assert (result.added, result.merged, result.rejected) == (6, 0, 1)
    people = {c.last_name: c for c in exports.contacts(store)}
    assert set(people) == {"Żółć", "Nguyễn", "王", "김", "O'Brien", "Kowalska"}
    lukasz = people["Żółć"]
    assert (lukasz.company, lukasz.role, lukasz.connected_on) == ("Allegro", "Senior Engineer",
                                                                 date(2022, 2, 7))
    assert lukasz.emails == (Labelled("lukasz@example.pl", ""),)
    assert lukasz.source == Source.LINKEDIN
    assert people["O'Brien"].company == '=HYPERLINK("http://evil.example")'
    assert sorted(result.new_ids) == sorted(c.id for c in people.values())
    # every row has its uid and timestamps, like rows the services write
    rows = store.db.execute_sql(
        "SELECT uid, created_at, updated_at, linkedin_key, edited_fields FROM contact"
    ).fetchall()
    assert all(len(uid) == 32 and int(uid, 16) and uid[12] == "4" for uid, *_ in rows)
    assert all(created and updated for _, created, updated, _, _ in rows)
    assert all(key.startswith("https://linkedin.com/in/") for *_, key, _ in rows)
    assert all(edited == "" for *_, edited in rows)
    companies = store.db.execute_sql("SELECT uid, name_key, created_at FROM company").fetchall()
    assert len(companies) == 6 and all(len(uid) == 32 and created for uid, _, created in companies)
    # services see the same thing the bulk insert wrote
    assert contacts.get(store, lukasz.id).company == "Allegro"
    assert contacts.company_id_for("allegro", create=False) == lukasz.company_id


def test_importing_the_same_file_twice_adds_nobody(store):
    for name in ("linkedin_bom_preamble3_crlf.csv", "google_current.csv", "outlook.csv",
                 "apple_groups.vcf", "vcard21_quoted_printable.vcf", "vcard40.vcf"):
        parsed = parse_path(DATA / name)
        imports.commit(store, imports.preview(store, parsed))
        before = (_count(store, "contact"), _count(store, "contact_email"),
                  _count(store, "contact_phone"), _count(store, "contact_tag"))
        again = imports.preview(store, parsed)
        assert again.added == (), name
        assert len(again.merged) == len(parsed.contacts)
        assert all(item.changes == () for item in again.merged), name
        imports.commit(store, again)
        after = (_count(store, "contact"), _count(store, "contact_email"),
                 _count(store, "contact_phone"), _count(store, "contact_tag"))
        assert after == before, name


def test_merges_say_with_whom_and_on_which_key(store):
    imports.commit(store, imports.preview(store, _file(_person(1), _person(2))))
    again = imports.preview(store, _file(
        _person(1),
        _person(9, linkedin_url="", emails=(Labelled("p2@example.org"),)),
        _person(2, linkedin_url=""),
    ))
    by_line = {item.line: item.match for item in again.merged}
    assert by_line[2].key == "linkedin" and by_line[2].name == "Person1 Tester"
    assert by_line[4].key == "name" and by_line[4].name == "Person2 Tester"
    assert "same LinkedIn URL" in by_line[2].describe()
    assert [i.line for i in again.added] == [3]


def test_duplicates_within_the_file_are_merged_into_one(store):
    plan = imports.preview(store, _file(
        _person(1, emails=(Labelled("a@x.example"),)),
        _person(1, emails=(Labelled("b@x.example"),), role=""),
        _person(5, linkedin_url="", emails=(Labelled("A@X.example"),)),
    ))
    assert [i.line for i in plan.added] == [2]
    assert [(i.line, i.match.line, i.match.key) for i in plan.merged] == [
        (3, 2, "linkedin"), (4, 2, "email")]
    imports.commit(store, plan)
    (only,) = exports.contacts(store)
    assert [e.value for e in only.emails] == ["a@x.example", "b@x.example"]


def test_same_name_and_company_but_different_urls_are_two_people(store):
    plan = imports.preview(store, _file(
        _person(1, first_name="Wei", last_name="Zhang"),
        _person(4, first_name="Wei", last_name="Zhang"),  # same company: 4 % 3 == 1 % 3
    ))
    assert len(plan.added) == 2


def test_merging_fills_empty_fields_and_adds_emails_phones_tags(store):
    saved = contacts.save(store, Contact(first_name="Anna", last_name="Kowalska",
                                         emails=(Labelled("anna@x.example", "work"),),
                                         research="typed by me"))
    incoming = Contact(first_name="Ania", last_name="Kowalska", company="Acme",
                       role="CTO", location="Kraków", research="from the phone",
                       emails=(Labelled("ANNA@x.example", "home"), Labelled("a2@x.example")),
                       phones=(Labelled("+48 600", "mobile"),), tags=("Mentors",))
    plan = imports.preview(store, _file(incoming, fmt="vcard"))
    (item,) = plan.merged
    assert item.match.contact_id == saved.id and item.match.key == "email"
    assert "+ e-mail a2@x.example" in item.changes and "+ tag Mentors" in item.changes
    imports.commit(store, plan)
    after = contacts.get(store, saved.id)
    assert after.first_name == "Anna"  # not empty: kept
    assert after.research == "typed by me"
    assert (after.company, after.role, after.location) == ("Acme", "CTO", "Kraków")
    assert [e.value for e in after.emails] == ["anna@x.example", "a2@x.example"]
    assert after.phones == (Labelled("+48 600", "mobile"),)
    assert after.tags == ("Mentors",)


def test_a_later_export_updates_company_and_role_unless_the_user_typed_them(store):
    imports.commit(store, imports.preview(store, _file(_person(1), _person(2))))
    people = {c.first_name: c for c in exports.contacts(store)}
    # the user corrects Person2's role by hand
    contacts.save(store, replace(people["Person2"], role="Staff Engineer (typed)"))
    later = _file(_person(1, company="NewCo", role="Director"),
                  _person(2, company="OtherCo", role="VP"))
    plan = imports.preview(store, later)
    assert len(plan.merged) == 2
    imports.commit(store, plan)
    after = {c.first_name: c for c in exports.contacts(store)}
    assert (after["Person1"].company, after["Person1"].role) == ("NewCo", "Director")
    assert after["Person2"].role == "Staff Engineer (typed)"  # what the user typed wins
    assert after["Person2"].company == "OtherCo"  # not typed: follows the export


def test_commit_plans_again_when_the_database_changed_since_the_preview(store):
    plan = imports.preview(store, _file(_person(1, emails=(Labelled("p1@x.example"),))))
    assert len(plan.added) == 1
    contacts.save(store, Contact(first_name="Someone", emails=(Labelled("p1@x.example"),)))
    result = imports.commit(store, plan)
    assert (result.added, result.merged) == (0, 1)
    assert _count(store, "contact") == 1


def test_nothing_importable_is_refused(store):
    parsed = ParsedFile("linkedin", [], [Rejected(3, "bad")])
    plan = imports.preview(store, parsed)
    with pytest.raises(UserError):
        imports.commit(store, plan)


def test_a_failure_while_writing_leaves_nothing_behind(store, monkeypatch):
    imports.commit(store, imports.preview(store, _file(_person(1))))
    plan = imports.preview(store, _file(*(_person(n) for n in range(1, 400))))

    def boom(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_write, "_changes", boom)
    triggers = store.db.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
    with pytest.raises(RuntimeError):
        imports.commit(store, plan)
    assert _count(store, "contact") == 1
    assert store.db.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == triggers


@pytest.mark.parametrize("bulk_rows", [1, 10_000])
def test_the_search_index_learns_of_every_imported_contact(store, monkeypatch, bulk_rows):
    """Big imports set the search queue triggers aside; both paths queue the same rows."""
    monkeypatch.setattr(import_write, "BULK_ROWS", bulk_rows)
    triggers = store.db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
    imports.commit(store, imports.preview(store, parse_path(DATA / "google_current.csv")))
    assert store.db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall() == triggers
    from desktop.services import search

    hits = search.search(store, "Żółć")
    assert any(h.kind == "contact" for h in hits)
    assert any(h.kind == "contact" for h in search.search(store, "Acme Robotics"))


def test_export_loads_selected_contacts_in_order(store):
    imports.commit(store, imports.preview(store, _file(*(_person(n) for n in range(5)))))
    ids = [c.id for c in exports.contacts(store)]
    picked = exports.contacts(store, [ids[3], ids[1], 999_999])
    assert [c.id for c in picked] == [ids[3], ids[1]]


def test_preview_reports_progress_and_can_be_cancelled(store):
    parsed = _file(*(_person(n) for n in range(600)))
    seen = []
    imports.preview(store, parsed, lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 600) and seen[-1] == (600, 600) and len(seen) >= 3
    with pytest.raises(imports.ImportCancelled):
        imports.preview(store, parsed, lambda done, total: done < 250)
    assert _count(store, "contact") == 0


def test_a_contact_typed_without_url_is_found_by_name_and_company(store):
    typed = contacts.save(store, Contact(first_name="Person1", last_name="Tester",
                                         company="Company 1"))
    other = contacts.save(store, Contact(first_name="Person4", last_name="Tester",
                                         company="Company 1",
                                         linkedin_url="https://www.linkedin.com/in/someone"))
    plan = imports.preview(store, _file(_person(1), _person(4)))
    assert [(i.match.contact_id, i.match.key) for i in plan.merged] == [(typed.id, "name")]
    assert [i.contact.first_name for i in plan.added] == ["Person4"]  # its URL differs
    imports.commit(store, plan)
    assert contacts.get(store, typed.id).linkedin_url.endswith("/person-1")
    assert contacts.get(store, other.id).linkedin_url.endswith("/someone")
