"""Grouping alike insights and ranking them by how many different people said them."""

from __future__ import annotations

from desktop.domain.enums import InsightKind
from desktop.domain.insights import Mention, group_mentions, normalise, resolve


def test_normalise_ignores_case_accents_punctuation_filler_and_plurals():
    assert normalise("Learn SQL") == normalise("sql!") == normalise("Strong SQL skills")
    assert normalise("Data models") == normalise("data model")
    assert normalise("Café networking") == normalise("cafe NETWORKING.")
    assert normalise("C++") == "c++" and normalise("C#") == "c#"


def test_normalise_keeps_filler_only_texts():
    assert normalise("Work hard") == "hard"
    assert normalise("Do it") == "do it"


def test_word_order_does_not_matter():
    assert normalise("Python and SQL") == normalise("SQL, Python")


def test_different_things_stay_apart():
    assert normalise("design") != normalise("designer")
    assert normalise("SQL") != normalise("Python")


def _m(iid, text, contact):
    return Mention(iid, text, chat_id=iid, contact_id=contact, contact_name=f"P{contact}")


def test_groups_rank_by_different_people_not_by_mentions():
    mentions = [
        _m(1, "SQL", 1), _m(2, "Learn SQL", 2), _m(3, "sql skills", 3),
        _m(4, "Python", 1), _m(5, "python", 1), _m(6, "Python!", 1), _m(7, "Python", 1),
        _m(8, "Storytelling", 4), _m(9, "storytelling", 5),
    ]
    groups = group_mentions(InsightKind.SKILL, mentions)
    assert [(g.title, g.people, len(g.mentions)) for g in groups] == [
        ("SQL", 3, 3), ("Storytelling", 2, 2), ("Python", 1, 4),
    ]
    assert groups[0].names == ("P1", "P2", "P3")


def test_the_title_is_the_most_used_wording():
    mentions = [_m(1, "Learn SQL", 1), _m(2, "SQL", 2), _m(3, "SQL", 3)]
    assert group_mentions(InsightKind.SKILL, mentions)[0].title == "SQL"


def test_a_merge_by_hand_joins_two_groups_and_counts_people_once():
    mentions = [_m(1, "SQL", 1), _m(2, "databases", 2), _m(3, "Databases", 1)]
    merges = {normalise("databases"): normalise("SQL")}
    groups = group_mentions(InsightKind.SKILL, mentions, merges)
    assert len(groups) == 1
    assert groups[0].people == 2
    assert len(groups[0].mentions) == 3


def test_done_keys_tick_groups():
    mentions = [_m(1, "SQL", 1), _m(2, "Python", 2)]
    groups = group_mentions(InsightKind.SKILL, mentions, done_keys={"sql"})
    assert {g.key: g.done for g in groups} == {"sql": True, "python": False}


def test_insights_without_a_chat_count_no_person():
    groups = group_mentions(InsightKind.TREND, [Mention(1, "AI", None, None)])
    assert groups[0].people == 0


def test_resolve_follows_chains_and_survives_loops():
    assert resolve("a", {"a": "b", "b": "c"}) == "c"
    assert resolve("a", {"a": "b", "b": "a"}) in {"a", "b"}
    assert resolve("x", {}) == "x"


def test_plurals_meet_their_singulars():
    for plural, singular in (("databases", "database"), ("analyses", "analysis"),
                             ("approaches", "approach"), ("processes", "process"),
                             ("companies", "company"), ("courses", "course"), ("boxes", "box")):
        assert normalise(plural) == normalise(singular) == singular
    assert normalise("business") == "business"
