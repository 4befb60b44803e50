"""Actor1 where a phrase, a counterpart or a clitic decides it: the one between «لقي» and «مصرعه» died; a name
after «مع نظيره» and its adjective is the other side of a call; «أعلن X عن تنفيذ هجوم» is X's attack; «هجوم
مسلح» is an armed attack, not gunmen; the body after «التابعة ل» is not the clause's subject; a «ل» phrase after a
verb's object owns the object (but after a craft, owns the craft); «بقصف» is a noun and «لـ» written apart still
marks its agent."""

from rasd_testkit.extraction import events_of


def _attack(text):
    return next(e for e in events_of(text).events if e.type == "ASSAULT")


def test_the_one_between_laqiya_and_masra_died_and_is_not_the_attacker():
    attack = _attack("شهدت ولاية كونار تصعيدا جديدا، حيث لقي جنديان باكستانيان مصرعهم مساء أمس في منطقة "
                     "أسد آباد.")
    assert attack.actor1 is None or "جنديان" not in attack.actor1.text


def test_a_name_after_with_his_counterpart_and_an_adjective_is_the_other_side_of_the_call():
    doc = events_of("وفي اتصال مع نظيره المصري سامح شكري، اعتبر أيمن الصفدي أن الوضع في قطاع غزة لا يحتمل "
                    "مزيدا من التأجيل.")
    call = next(e for e in doc.events if e.type == "CONSULT")
    assert call.actor1 is not None and "الصفدي" in call.actor1.text


def test_who_announces_carrying_out_an_attack_did_it():
    attack = _attack("أعلنت حركة الشباب عن تنفيذ هجوم انتحاري على مقر للجيش الصومالي في مدينة بلدوين فجر "
                     "اليوم.")
    assert attack.actor1 is not None and "الشباب" in attack.actor1.text


def test_an_armed_attack_names_no_gunmen_and_the_body_after_affiliated_to_is_not_the_subject():
    attack = _attack("أعلنت جماعة أنصار الإسلام، التابعة لتنظيم القاعدة في منطقة الساحل، عن تنفيذ هجوم مسلح "
                     "مساء أمس استهدف دورية للجيش البوركيني في مدينة جيبو.")
    assert attack.actor1 is not None and attack.actor1.text == "جماعة أنصار الإسلام"


def test_a_lam_phrase_after_the_object_owns_the_object_not_the_attack():
    attack = _attack('وقالت المصادر إن مسيرتين استهدفتا مساء أمس موقعين لـ"قسد" في ريف الحسكة.')
    assert attack.actor1 is None or "قسد" not in attack.actor1.text


def test_a_lam_phrase_after_a_craft_subject_owns_the_craft():
    attack = _attack("فيما قصفت مسيرة استراتيجية للدعم السريع مساء أمس مواقع للجيش في شمال مدينة الفاشر.")
    assert attack.actor1 is not None and "الدعم السريع" in attack.actor1.text


def test_bi_qasf_is_a_noun_and_a_lam_written_apart_marks_its_agent():
    doc = events_of("قتل ثلاثة مدنيين بينهم شرطي صباح اليوم بقصفٍ مدفعي وصاروخي لـ قوات النظام على بلدة "
                    "كفرنبل بريف إدلب.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor1 is not None and "قوات النظام" in attack.actor1.text


def _consult(text):
    return next(e for e in events_of(text).events if e.type == "CONSULT")


def test_a_title_right_after_the_verb_and_the_person_it_names_is_the_subject_not_the_body_in_the_title():
    meeting = _consult("استقبل رئيس المجلس الرئاسي للحكومة الليبية محمد المنفي وفدا أمريكيا في طرابلس.")
    assert meeting.actor1 is not None and meeting.actor1.text == "محمد المنفي"


def test_a_nisba_after_a_title_qualifies_it_and_names_no_victims():
    visit = _consult("وصل الرئيس الفلسطيني محمود عباس إلى القاهرة في زيارة رسمية يلتقي خلالها الرئيس السيسي.")
    assert visit.actor1 is not None and visit.actor1.text == "محمود عباس"


def test_a_secretary_general_titled_after_the_verb_is_the_subject():
    meeting = _consult("اجتمع الأمين العام للأمم المتحدة أنطونيو غوتيريش مع رئيس الوزراء الإسرائيلي في نيويورك.")
    assert meeting.actor1 is not None and meeting.actor1.text == "أنطونيو غوتيريش"


def test_a_body_after_tabia_on_the_target_owns_the_target_not_the_attackers():
    attack = _attack("قتل شرطي في هجوم شنه مسلحون مجهولون على سيارة تابعة للشرطة في إقليم بلوشستان.")
    assert attack.actor1 is not None and attack.actor1.text == "مسلحون مجهولون"


def test_a_title_in_construct_without_its_article_heads_the_subject_too():
    meeting = _consult("استقبل أمير قطر الشيخ تميم بن حمد آل ثاني رئيس الوزراء اللبناني في الدوحة.")
    assert meeting.actor1 is not None and "تميم" in meeting.actor1.text


def test_a_ministers_word_in_construct_names_the_office():
    meeting = _consult("رئيس الوزراء يستقبل وفدا من صندوق النقد الدولي في القاهرة.")
    assert meeting.actor1 is not None and meeting.actor1.text == "رئيس الوزراء"
    assert (meeting.actor1.name_en or "").endswith("prime minister")
    talks = _consult("وزير الخارجية يبحث مع نظيره المغربي القضايا ذات الاهتمام المشترك.")
    assert talks.actor1 is not None and talks.actor1.text == "وزير الخارجية"
