"""actor18: a unit noun before «من» and a named body is that body acting («هاجمت قوة من الدعم السريع»); a force
noun in construct before a definite state force belongs to its name («طائرات الاحتلال»); a state force announcing
the deaths of the armed group it fights killed them."""

from rasd.document import Article
from rasd.pipeline import extract


def _events(text: str, published: str = "2024-05-01"):
    return extract(Article(id="t", text=text, published=published)).events


def test_a_unit_of_a_named_body_after_the_verb_is_its_subject():
    text = ("هاجمت قوة من الدعم السريع على متن أربع عربات قتالية صبيحة أمس الثلاثاء قرى فوري والأريت الواقعة "
            "شرق خورطقت بولاية شمال كردفان السودانية، ما تسبب في مقتل وإصابة 15 شخصا.")
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "org.rsf"
    assert attack.actor1.text == "قوة من الدعم السريع"


def test_a_force_noun_before_the_occupation_is_part_of_its_name():
    text = "وقصفت طائرات الاحتلال الإسرائيلي مجددا خيمة للنازحين في منطقة المواصي جنوب قطاع غزة."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text.startswith("طائرات الاحتلال")


def test_an_army_announcing_its_enemys_dead_killed_them():
    text = "أعلن الجيش النيجيري مقتل عشرين مسلحا من بوكو حرام في عملية عسكرية بولاية بورنو."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "agent.army"
    assert attack.actor2 is not None and attack.actor2.kb_id == "org.boko_haram"


def test_an_army_announcing_its_own_dead_did_not_kill_them():
    text = "أعلن الجيش النيجيري مقتل جنديين في ولاية زامفارا شمال غرب البلاد."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is None or attack.actor1.kb_id != "agent.army"


def test_a_role_read_with_its_nisba_keeps_the_roles_name():
    text = "أصيب عشرات المحتجين بالرصاص الحي بعد أن أطلق الأمن العراقي النار عليهم في ساحة التحرير وسط بغداد."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "agent.security_forces"
    assert attack.actor1.canonical == "قوات الأمن"


def test_the_claimant_is_the_subject_of_the_verb_before_the_claim():
    text = ("قُتل 5 جنود، اليوم السبت، وأصيب آخرون في انفجار استهدف قوات تابعة للاتحاد الإفريقي في الصومال.\n"
            "وأكد مسؤولون في المنطقة وقوع الهجوم، لكنهم لم يحددوا عدد الضحايا، فيما أعلنت \"حركة الشباب\" "
            "الإرهابية مسؤوليتها عن الهجوم.")
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "org.al_shabaab"


def test_a_claim_told_first_credits_the_attack_restated_next():
    text = ("أعلنت جماعة داعش الإرهابية، مسؤوليتها عن نصب كمين لقافلة عسكرية في شمال بوركينا فاسو، قرب الحدود "
            "مع مالي.\nحيث لقي 14 عسكرياً على الأقل مصرعهم، مؤخراً في الكمين الإرهابي، بإقليم أودالان، شمال "
            "الدولة الأفريقية، وفقاً لحكومة بوركينا فاسو.")
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "org.isis"


def test_a_feminine_plural_role_takes_its_feminine_adjective():
    text = "هاجمت عصابات مسلحة قرية في ولاية زمفارا شمال غرب نيجيريا وخطفت 30 شخصا."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.text == "عصابات مسلحة"


def test_a_joined_plural_verb_goes_on_with_the_settlers_who_stormed():
    text = "اقتحم مستوطنون قرية ترمسعيا شمال رام الله فجر اليوم وأحرقوا عددا من المنازل والمركبات."
    burning = next(e for e in _events(text) if e.type == "ASSAULT")
    assert burning.actor1 is not None and burning.actor1.kb_id == "agent.settler"


def test_at_the_hands_of_in_the_plural_marks_the_agent():
    text = "قتل ثلاثة مدنيين على أيدي عناصر من ميليشيا الدعم السريع في قرية ود النورة بولاية الجزيرة أمس."
    attack = next(e for e in _events(text) if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kb_id == "org.rsf"


def test_an_agency_noun_before_the_security_forces_names_the_body():
    text = "وأعلن جهاز الأمن الوطني إلقاء القبض على ثلاثة إرهابيين في محافظة الأنبار غربي البلاد."
    arrest = next(e for e in _events(text) if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.text.startswith("جهاز الأمن الوطني")


def test_the_union_that_called_the_strike_holds_it():
    text = ("نفذ موظفو القطاع العام في تونس اليوم إضرابا شاملا، وكان الاتحاد العام التونسي للشغل قد دعا إليه "
            "الأسبوع الماضي.\nويأتي ذلك ضمن إضراب عام في تونس، كان أعلنه الاتحاد سابقاً، وهو أكبر منظمة نقابية "
            "في البلاد.")
    strike = next(e for e in _events(text) if e.type == "PROTEST" and e.trigger.start > text.index("\n"))
    assert strike.actor1 is not None and strike.actor1.kb_id == "org.ngo.ugtt"


def test_the_syndicate_that_organised_the_sit_in_holds_it():
    text = "شارك المئات في الوقفة الاحتجاجية التي نظمتها نقابة الصحفيين أمام البرلمان في تونس أمس."
    protest = next(e for e in _events(text) if e.type == "PROTEST")
    assert protest.actor1 is not None and protest.actor1.text == "نقابة الصحفيين"
