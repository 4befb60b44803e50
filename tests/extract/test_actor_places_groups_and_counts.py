"""Actor1 and the words around bodies: a body after «محيط/أمام/قرب» is where, not who; a name after «مقاطعة» is a
district; a group's head noun alone with the article («التنظيم») is the group named with it before; whoever a
word count («عشرات من عناصر ...») counts was hit; a noun's subject is not looked for past «بينما»."""

from rasd_testkit.extraction import events_of


def _events(text, kind):
    return [e for e in events_of(text).events if e.type == kind]


def test_a_body_after_a_noun_of_place_is_where_not_who():
    arrests = _events("وشهد محيط السفارة الأمريكية في بيروت انتشارا واسعا لعناصر الأمن الذين تدخلوا لتفريق "
                      "المعتصمين، ما أسفر عن توقيف عدد من الطلاب.", "COERCE")
    assert arrests and all(e.actor1 is None or "السفارة" not in e.actor1.text for e in arrests)


def test_a_name_after_district_is_a_place_not_the_attacker():
    attacks = _events("وقتل خمسة مدنيين إثر استهداف سيارتهم بغارة جوية، ليلة الأحد، بمقاطعة محمد آغا، في لوغر.",
                      "ASSAULT")
    assert attacks and all(e.actor1 is None or "آغا" not in e.actor1.text for e in attacks)


def test_the_bare_head_noun_of_a_group_named_before_is_that_group():
    attacks = _events("تبنى تنظيم داعش هجوما في العراق الشهر الماضي. وقتل التنظيم أمس خمسة جنود في هجوم على "
                      "نقطة تفتيش في كركوك.", "ASSAULT")
    last = attacks[-1]
    assert last.actor1 is not None and last.actor1.text == "التنظيم" and last.actor1.name_en == "Islamic State"


def test_a_head_noun_with_an_adjective_names_another_group():
    from rasd.document import Article
    from rasd.pipeline import extract
    from rasd.extract.event_actors import _group_named_before
    doc = extract(Article(id="t", text="قالت حركة الشباب إنها هاجمت القاعدة. وأدانت الحركة الإسلامية الهجوم."))
    k = next(i for i, t in enumerate(doc.tokens) if t.text == "الحركة")
    assert _group_named_before(doc, k) is None


def test_whom_a_word_count_counts_in_a_toll_was_hit_not_the_attacker():
    attacks = _events("سيطر تنظيم داعش على قرية في ريف الرقة. وأسفر القصف عن مقتل عشرات من عناصر التنظيم.",
                      "ASSAULT")
    assert attacks and all(e.actor1 is None or "عناصر" not in e.actor1.text for e in attacks)


def test_the_body_of_a_counted_force_noun_was_hit_and_a_clause_after_bainama_is_another():
    attacks = _events("وأفادت مصادر عسكرية بمقتل العشرات من عناصر المعارضة، بينما فرّ العديد من المقاتلين إلى "
                      "خارج المدينة.", "ASSAULT")
    assert attacks and all(e.actor1 is None or not {"المعارضة", "المقاتلين"} & set(e.actor1.text.split())
                           for e in attacks)


def test_a_whole_body_right_after_a_feminine_verb_is_its_subject_not_a_title_of_the_person_after():
    arrests = _events("اعتقلت السلطات الإيرانية الصحفية نرجس محمدي في طهران مساء أمس.", "COERCE")
    assert arrests and arrests[0].actor1 is not None and arrests[0].actor1.text == "السلطات الإيرانية"


def test_the_resistance_is_an_armed_actor():
    attacks = _events("استهدفت المقاومة الإسلامية موقعا للجيش الإسرائيلي في مزارع شبعا.", "ASSAULT")
    assert attacks and attacks[0].actor1 is not None and attacks[0].actor1.text.startswith("المقاومة")
