"""One event per place when one clause lists several (ACLED's unit, ../shared/eval/ANNOTATION.md): list items
that repeat their own place word, or carry the area or direction that locates them, are still the list."""
from __future__ import annotations

from rasd.document import Article
from rasd.pipeline import extract


def _places(text: str, event_type: str) -> list[str]:
    doc = extract(Article(id="t", text=text, published=None))
    return sorted(e.place.text for e in doc.events if e.type == event_type and e.place is not None)


def test_items_with_their_own_place_word_and_area_are_each_an_event():
    text = ("وأفاد المرصد بأن القصف استهدف قرية بليون وقرية البارة في ريف إدلب الجنوبي، "
            "وقرية إبديتا في جنوب إدلب، ومنطقة أخرى شرق المحافظة.")
    assert _places(text, "ASSAULT") == ["إبديتا", "البارة", "بليون"]


def test_an_item_located_by_a_direction_from_a_city_does_not_end_the_list():
    text = "اعتقلت قوات الاحتلال شابين من قرية عانين غرب جنين وبلدة يعبد."
    assert _places(text, "COERCE") == ["عانين", "يعبد"]


def test_the_area_after_the_first_item_does_not_end_the_list():
    text = "وأفاد المرصد بأن القصف استهدف قرية بليون في ريف إدلب الجنوبي، وقرية إبديتا."
    assert _places(text, "ASSAULT") == ["إبديتا", "بليون"]


def test_the_area_that_locates_a_village_is_no_event_of_its_own():
    text = "قتل ثلاثة مدنيين في قصف مدفعي استهدف قرية بليون في ريف إدلب الجنوبي، وأصيب آخرون."
    assert _places(text, "ASSAULT") == ["بليون"]


def _tolls(text: str) -> list[tuple[str, int | None, int | None]]:
    doc = extract(Article(id="t", text=text, published=None))
    return sorted((e.place.text, e.fatalities, e.injuries) for e in doc.events
                  if e.type == "ASSAULT" and e.place is not None)


def test_a_toll_told_in_parts_by_place_is_one_event_per_place_with_its_part():
    text = "قُتل 4 فلسطينيين في خان يونس و14 في دير البلح جراء غارات إسرائيلية اليوم."
    assert _tolls(text) == [("خان يونس", 4, None), ("دير البلح", 14, None)]


def test_the_area_locating_a_part_does_not_block_the_split():
    text = "أسفرت الغارات عن مقتل 4 أشخاص في بلدة سراقب و6 آخرين في قرية كفرنبل بريف إدلب."
    assert _tolls(text) == [("سراقب", 4, None), ("كفرنبل", 6, None)]


def test_parts_by_day_at_one_place_stay_one_toll():
    text = "قتل ثلاثة مدنيين في اليوم الأول و27 في اليوم الثاني في مدينة حلب."
    assert _tolls(text) == [("حلب", 30, None)]


def test_people_listed_each_with_their_village_are_one_arrest_per_village():
    text = "واعتقلت قوات الاحتلال الشاب محمد أحمد من قرية عانين، والشاب علي حسن من بلدة يعبد."
    assert _places(text, "COERCE") == ["عانين", "يعبد"]


def test_another_act_after_the_arrest_does_not_extend_its_list():
    text = "اعتقلت قوات الاحتلال الشاب محمد أحمد من قرية عانين، وأصيب آخر في بلدة يعبد."
    assert _places(text, "COERCE") == ["عانين"]
