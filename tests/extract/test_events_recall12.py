"""recall12: what a thing says is no one's act («هتافات تندد», «لافتات ... وأخرى تطالب»), while the same verb
with a person or a body as its subject stays an event."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract


def _events(text: str) -> list[tuple[str, str]]:
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    return [(e.type, e.trigger.text) for e in doc.events]


def test_slogans_and_banners_that_demand_are_no_request():
    found = _events("ورفع المحتجون في عمان لافتات كتب عليها الشعار، وأخرى تطالب بمحاربة الفساد ومحاكمة الفاسدين.")
    assert ("REQUEST", "تطالب") not in found
    found = _events("وردد المشاركون في الوقفة أمام البرلمان هتافات تندد بسياسات الحكومة الأردنية.")
    assert ("ACCUSE", "تندد") not in found


def test_a_body_that_demands_still_requests():
    found = _events("وقالت الحكومة الأردنية في بيان إن الوزارة تطالب إسرائيل بوقف الاعتداءات فورا.")
    assert ("REQUEST", "تطالب") in found


def test_expressed_or_renewed_support_is_support():
    found = _events("وأعرب وزير الخارجية المصري عن تضامن بلاده الكامل مع الشعب السوداني، أمس الأحد.")
    assert "SUPPORT" in [t for t, _ in found]
    found = _events("وجدد الرئيس التونسي دعمه لجهود المبعوث الأممي في ليبيا خلال لقائه أمس.")
    assert "SUPPORT" in [t for t, _ in found]


def test_a_phrase_ending_inside_a_name_is_no_event():
    found = _events("وجددت قوات الدعم السريع هجماتها على مدينة الفاشر يوم الأحد.")
    assert "SUPPORT" not in [t for t, _ in found]


def test_a_march_that_set_off_is_a_protest():
    found = _events("شارك الآلاف من ساكنة المدينة في مسيرة شعبية ضخمة انطلقت من الجامع الكبير وسط نواكشوط تنديدا بالعدوان.")
    assert "PROTEST" in [t for t, _ in found]


def test_an_undated_mention_and_a_dated_one_with_one_toll_are_one_attack():
    text = ("كشفت غرفة الطوارئ بمدينة الفاشر عن مقتل 14 شخصاً من أسرة واحدة جراء قصف مدفعي شنته مليشيا الدعم السريع "
            "على المدينة.\nوأفادت الغرفة في بيانها أن القصف وقع يوم الجمعة 9 مايو 2025، وأسفر عن مقتل 14 شخصاً "
            "في قصف الدعم السريع على الفاشر.")
    doc = extract(Article(id="t", text=text, published=None))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].fatalities == 14


def test_the_bare_noun_of_seizing_someone_is_an_arrest():
    found = _events("وقالت وزارة الداخلية إنه تم القبض على خمسة مشتبه بهم في مدينة الزرقاء مساء أمس.")
    assert "COERCE" in [t for t, _ in found]
    found = _events("وأعلنت الشرطة تفكيك الخلية، ما أدى إلى القبض على 10 متهمين في الرياض يوم الأحد.")
    assert "COERCE" in [t for t, _ in found]


def test_burning_tyres_is_a_protest_not_an_attack():
    found = _events("وقال شهود عيان إن متظاهرين شرعوا صباح أمس في إغلاق عدد من الطرق وإحراق الإطارات في البصرة، "
                    "للتنديد بآلية تسمية المرشح.")
    types = [t for t, _ in found]
    assert "PROTEST" in types and "ASSAULT" not in types


def test_a_siege_noun_is_no_act_but_besieging_is():
    found = _events("وشنت الجماعة هجوما كبيرا على فندق في مقديشو أمس، مما أسفر عن مقتل 21 شخصا بعد حصار استمر 30 ساعة.")
    assert "COERCE" not in [t for t, _ in found]
    found = _events("وحاصرت قوات الاحتلال منزلا في مدينة نابلس فجر اليوم الأحد.")
    assert "COERCE" in [t for t, _ in found]


def test_an_act_under_a_future_auxiliary_is_not_held_yet():
    found = _events("وسيكون هذا أول لقاء بين وزيري الخارجية السعودي والإيراني في بكين.")
    assert "CONSULT" not in [t for t, _ in found]
    found = _events("وقال إن المرحلة الأولى ستستمر ستة أسابيع، وسيتم خلالها إطلاق سراح 33 رهينة محتجزين لدى حركة حماس.")
    assert "RETREAT" not in [t for t, _ in found]


def test_scheduled_expected_or_intended_acts_are_not_held_yet():
    for text in ("ومن المقرر أن يلتقي الرئيس التونسي نظيره الجزائري في العاصمة الجزائر.",
                 "ومن المقرر عقد اجتماع بين وزيري الخارجية المصري والسوداني في القاهرة.",
                 "ويتوقع أن يوقع الطرفان اتفاقا للسلام في الدوحة.",
                 "وأعلنت الوزارة عزمها فرض عقوبات على شركات روسية."):
        assert _events(text) == [], text


def test_a_charge_is_no_deed_told():
    found = _events("واتهمت الخزانة الأميركية ضباطا كبارا في الأمن السوري بالضلوع في اعتقال وتعذيب معارضين في دمشق.")
    assert "COERCE" not in [t for t, _ in found]
    found = _events("وأكد البيان أن من يثبت تورطه في استهداف الأميركيين في بغداد سيلاحق بلا رحمة.")
    assert "ASSAULT" not in [t for t, _ in found]


def test_a_massacre_committed_is_an_attack():
    found = _events("وارتكبت قوات الدعم السريع مجزرة بحق 15 مدنيا في قرية ود النورة بولاية الجزيرة أمس الأربعاء.")
    assert "ASSAULT" in [t for t, _ in found]


def test_the_terms_of_a_deal_are_not_done_yet():
    found = _events("وقال الوسطاء إن المرحلة الأولى ستستمر ستة أسابيع، وتشمل إطلاق سراح 33 رهينة محتجزين لدى حماس في غزة.")
    assert "RETREAT" not in [t for t, _ in found]


def test_a_share_of_the_dead_is_no_new_attack():
    doc = extract(Article(id="t", published=dt.date(2024, 12, 2), text=(
        "قتل 30 شخصا في انفجار سيارة مفخخة قرب مقر الشرطة في مدينة كويتا أمس الاثنين.\n"
        "وذكر طبيب في المستشفى المدني أن أربعة من القتلى من رجال الشرطة.")))
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 1
    assert "ASSAULT" in [t for t, _ in _events("وأسفر الانفجار في كويتا عن سقوط عدد من القتلى والجرحى أمس.")]


def test_rescuing_people_is_no_aid():
    found = _events("وأفادت السلطات أن قوات الأمن الصومالية أنقذت مدنيين عدة من المنزل في مقديشو أمس.")
    assert "AID" not in [t for t, _ in found]
