"""A city and a site inside it (an airport, a facility, a neighbourhood under its own name) match by containment:
only on the same days or with the same toll (dedup.site_in_city_same_days, issue 13). Two reports of the same
place keep the ±1 day slack."""

from rasd_testkit.store import add_one_event as add

BAGHDAD = ("بغداد", 33.3406, 44.4009, "IQ", "Baghdad", "city")
# a facility the gazetteer places on its city's point: the distance says nothing about where in the city it is
AIRPORT = ("مطار بغداد", 33.3406, 44.4009, "IQ", "Baghdad", "fac")


def _house(repo, date, fatalities=2):
    return add(repo, "house", "قال شهود إن صاروخا أصاب منزلا سكنيا في حي من أحياء بغداد، ما خلف قتيلين.",
               "وكالة", type="ASSAULT", trigger="صاروخا", place=BAGHDAD, date=date, fatalities=fatalities)


def _airport(repo, date, fatalities=None):
    return add(repo, "airport", "أطلقت صواريخ عدة على مطار بغداد، على ما أفاد شهود ومصادر أمنية.", "موقع",
               type="ASSAULT", trigger="أطلقت", place=AIRPORT, date=date, fatalities=fatalities)


def test_a_rocket_on_the_airport_is_not_the_previous_days_rocket_on_a_house_of_the_city(repo):
    a = _house(repo, "2024-03-01")
    b = _airport(repo, "2024-03-02")
    assert a.event_ids != b.event_ids
    reason = repo.get_event(b.event_ids[0]).mentions[0].merge_reason
    assert reason.startswith("new event")
    assert repo.get_event(a.event_ids[0]).mention_count == 1


def test_the_city_and_its_airport_on_the_same_day_are_still_one_event(repo):
    a = _house(repo, "2024-03-02")
    b = _airport(repo, "2024-03-02")
    assert a.event_ids == b.event_ids
    assert "a site in the city, the same days" in repo.get_event(a.event_ids[0]).mentions[1].merge_reason


def test_a_day_apart_with_the_same_toll_the_city_and_its_airport_are_one_event(repo):
    a = _house(repo, "2024-03-01", fatalities=2)
    b = _airport(repo, "2024-03-02", fatalities=2)
    assert a.event_ids == b.event_ids


def test_two_reports_of_the_city_a_day_apart_still_join(repo):
    a = _house(repo, "2024-03-01")
    b = add(repo, "city2", "سقط صاروخ على بغداد وأدى إلى مقتل شخصين.", "قناة", type="ASSAULT", trigger="صاروخ",
            place=BAGHDAD, date="2024-03-02")
    assert a.event_ids == b.event_ids
