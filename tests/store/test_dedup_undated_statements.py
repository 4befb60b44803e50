"""Cross-article dedup of a meeting or statement told by an article with no date at all (no text date, no
publication date) and no place, or only a dateline, beside a dated report of it: the same two named sides
(`dedup.named_pair_in_common`: actor1 and actor2, either way round — a meeting told from the other side) identify
it at any place level, when it is the one such event (`undated_corroborated`, `best_match`; looked up by the
named actors' undated and all-days keys of dedup_store). One named actor alone does not."""
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


def test_an_undated_placeless_meeting_joins_the_dated_one_of_its_two_named_sides(repo):
    a = add(repo, "a", "اجتماع عبد الفتاح السيسي مع محمد جواد ظريف.", [meeting("2017-11-24", actor1=SISI, actor2=ZARIF)],
            published=dt.date(2017, 11, 24))
    b = add(repo, "b", "اجتماع محمد جواد ظريف مع عبد الفتاح السيسي.", [meeting(actor1=ZARIF, actor2=SISI)])
    assert b.event_ids == a.event_ids
    reason = repo.get_event(a.event_ids[0]).mentions[1].merge_reason
    assert "the time is unknown" in reason
    assert "the same named sides per.abdel_fattah_al_sisi and per.mohammad_javad_zarif" in reason


def test_an_undated_placeless_report_of_one_named_actor_alone_stays_apart(repo):
    # a president holds a meeting every week: one named actor does not tell which one, without a time
    a = add(repo, "a", "ترأس عبد الفتاح السيسي اجتماع اللجنة الأمنية.", [meeting("2017-11-24", actor1=SISI)],
            published=dt.date(2017, 11, 24))
    b = add(repo, "b", "اجتماع عبد الفتاح السيسي مع وزيري الدفاع والداخلية.", [meeting(actor1=SISI)])
    assert b.event_ids != a.event_ids


def test_a_dated_placeless_report_finds_the_undated_meeting_told_from_the_other_side(repo):
    a = add(repo, "a", "اجتماع محمد جواد ظريف وسيرغي لافروف في موسكو.", [meeting(place=MOSCOW, actor1=ZARIF, actor2=LAVROV)])
    b = add(repo, "b", "اجتماع سيرغي لافروف مع محمد جواد ظريف.", [meeting("2021-01-26", actor1=LAVROV, actor2=ZARIF)],
            published=dt.date(2021, 1, 27))
    assert b.event_ids == a.event_ids
    assert repo.get_event(a.event_ids[0]).date == "2021-01-26"


def test_an_undated_meeting_of_a_state_or_fitting_two_events_stays_apart(repo):
    a = add(repo, "a", "اجتماع مصر مع اللجنة الأمنية.", [meeting("2017-11-24", actor1=EGYPT, actor2=ZARIF)],
            published=dt.date(2017, 11, 24))
    b = add(repo, "b", "اجتماع مصر مع وزير الدفاع.", [meeting(actor1=EGYPT, actor2=ZARIF)])
    assert b.event_ids != a.event_ids                   # a state meets every day: no named actor
    c = add(repo, "c", "اجتماع سيرغي لافروف.", [meeting("2020-11-24", actor1=LAVROV, actor2=ZARIF)],
            published=dt.date(2020, 11, 24))
    d = add(repo, "d", "اجتماع سيرغي لافروف.", [meeting("2021-01-26", actor1=LAVROV, actor2=ZARIF)],
            published=dt.date(2021, 1, 26))
    e = add(repo, "e", "اجتماع محمد جواد ظريف.", [meeting(actor1=ZARIF, actor2=LAVROV)])
    assert c.event_ids != d.event_ids and e.event_ids not in (c.event_ids, d.event_ids)
    assert "ambiguous: an undated report fits 2 events" in repo.get_event(e.event_ids[0]).mentions[0].merge_reason
