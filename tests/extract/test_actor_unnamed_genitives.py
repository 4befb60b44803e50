"""A force, group or supporters noun in construct with a name the KB does not know («أنصار الحراك الشعبي
الجزائري», «لقوات "اللواء السابع"») carries that name in the actor's text; «تابعة لـ» right after an act's noun
says whose act it is (event_actors._join_unnamed_genitives, _owns_the_act)."""

from rasd.document import Article
from rasd.pipeline import extract


def _event(text: str, kind: str):
    return next(e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == kind)


def test_supporters_of_an_unknown_movement_carry_its_name():
    protest = _event("خرج مئات من أنصار الحراك الشعبي الجزائري في تظاهرة بالعاصمة الجزائرية أمس.", "PROTEST")
    assert protest.actor1 is not None and protest.actor1.text == "أنصار الحراك الشعبي الجزائري"


def test_forces_of_a_quoted_brigade_carry_its_name():
    retreat = _event('وشهد مساء أمس انسحاباً ملحوظاً لقوات "اللواء السابع" من مناطق جنوب طرابلس.', "RETREAT")
    assert retreat.actor1 is not None and "اللواء السابع" in retreat.actor1.text


def test_reinforcements_belonging_to_forces_are_theirs_not_the_speakers():
    text = ("وأكد المتحدث باسم غرفة العمليات عبد الهادي دراه وصول تعزيزات عسكرية تابعة لقوات الوفاق الليبية "
            "إلى منطقة بوقرين شرق مصراتة.")
    mobilize = _event(text, "MOBILIZE")
    assert mobilize.actor1 is not None and mobilize.actor1.text == "قوات الوفاق الليبية"


def test_people_belonging_to_a_regime_are_not_who_sanctions_them():
    text = "فرضت وزارة الخزانة الأمريكية اليوم عقوبات على شخصيات تابعة لنظام الأسد في سوريا."
    sanction = _event(text, "SANCTION")
    assert sanction.actor1 is not None and "الخزانة" in sanction.actor1.text
