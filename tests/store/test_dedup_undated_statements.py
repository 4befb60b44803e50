"""Cross-article dedup of a meeting or statement told by an article with no date at all (no text date, no
publication date) and no place, or only a dateline, beside a dated report of it: the same named person or
organisation (`dedup.named_doer_in_common`: as actor1 on both sides, or one's actor1 the other's actor2 — a
meeting told from the other side) identifies it at any place level, when it is the one such event
(`undated_corroborated`, `best_match`; looked up by the named actor's undated and all-days keys of dedup_store)."""
import datetime as dt

from rasd_testkit.store import constructed_article

SISI = ("عبد الفتاح السيسي", "per.abdel_fattah_al_sisi", "Abdel Fattah al-Sisi", "government", "EG")
LAVROV = ("سيرغي لافروف", "per.sergey_lavrov", "Sergey Lavrov", "government", "RU")
ZARIF = ("محمد جواد ظريف", "per.mohammad_javad_zarif", "Mohammad Javad Zarif", "government", "IR")
EGYPT = ("مصر", "cc:EG", "Egypt")
MOSCOW = ("موسكو", 55.7558, 37.6173, "RU", "Moscow", "city")


def add(repo, article_id, text, events, published=None):
    text = f"{text} ({article_id})"
    article, record = constructed_article(article_id, text, events, outlet=article_id, published=published)
    return repo.add_record(record, article)


def meeting(date=None, **kw):
    return dict(type="CONSULT", trigger="اجتماع", date=date, **kw)


def test_an_undated_placeless_meeting_joins_the_dated_one_of_its_named_actor(repo):
    a = add(repo, "a", "ترأس عبد الفتاح السيسي اجتماع اللجنة الأمنية.", [meeting("2017-11-24", actor1=SISI)],
            published=dt.date(2017, 11, 24))
    b = add(repo, "b", "اجتماع عبد الفتاح السيسي مع وزيري الدفاع والداخلية.", [meeting(actor1=SISI)])
    assert b.event_ids == a.event_ids
    reason = repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    assert "the time is unknown" in reason and "the same named actor per.abdel_fattah_al_sisi" in reason


def test_a_dated_placeless_report_finds_the_undated_meeting_told_from_the_other_side(repo):
    a = add(repo, "a", "اجتماع محمد جواد ظريف وسيرغي لافروف في موسكو.", [meeting(place=MOSCOW, actor1=ZARIF, actor2=LAVROV)])
    b = add(repo, "b", "اجتماع سيرغي لافروف مع محمد جواد ظريف.", [meeting("2021-01-26", actor1=LAVROV, actor2=ZARIF)],
            published=dt.date(2021, 1, 27))
    assert b.event_ids == a.event_ids
    assert repo.get_event(a.event_ids[0]).date == "2021-01-26"


def test_an_undated_meeting_of_a_state_or_fitting_two_events_stays_apart(repo):
    a = add(repo, "a", "اجتماع مصر مع اللجنة الأمنية.", [meeting("2017-11-24", actor1=EGYPT)],
            published=dt.date(2017, 11, 24))
    b = add(repo, "b", "اجتماع مصر مع وزير الدفاع.", [meeting(actor1=EGYPT)])
    assert b.event_ids != a.event_ids                   # a state meets every day: no named actor
    c = add(repo, "c", "ترأس عبد الفتاح السيسي اجتماع الحكومة.", [meeting("2017-11-24", actor1=SISI)],
            published=dt.date(2017, 11, 24))
    d = add(repo, "d", "ترأس عبد الفتاح السيسي اجتماع الحكومة.", [meeting("2017-12-20", actor1=SISI)],
            published=dt.date(2017, 12, 20))
    e = add(repo, "e", "ترأس عبد الفتاح السيسي اجتماع الحكومة.", [meeting(actor1=SISI)])
    assert c.event_ids != d.event_ids and e.event_ids not in (c.event_ids, d.event_ids)
    assert "ambiguous: an undated report fits 2 events" in repo.get_event(e.event_ids[0]).mentions[0].merge_reason
