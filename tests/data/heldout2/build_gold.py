#!/usr/bin/env python3
"""Source of tests/data/heldout2/{articles,gold}.jsonl: the hand annotations, written as Python data
so that an actor's aliases are typed once.  Run it to regenerate the two JSONL files:

    python3 tests/data/heldout2/build_gold.py

Annotated blind (without running rasd, reading its code or its output), following
/work/shared/eval/ANNOTATION.md.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = []  # (article, gold)


def E(typ, *aliases, opt=False):
    d = {"type": typ, "aliases": list(aliases)}
    if opt:
        d["optional"] = True
    return d


def P(name, aliases, lat, lon, kind, cc, opt=False):
    return {"name": name, "aliases": list(aliases), "lat": lat, "lon": lon, "kind": kind,
            "country": cc, "optional": opt}


def Q(text, speaker=None, opt=False):
    d = {"text": text, "speaker": list(speaker or [])}
    if opt:
        d["optional"] = True
    return d


def doc(id_, url, published, outlet, text, entities, places, events, quotes, author=None):
    byname = {p["name"]: p for p in places}
    evs = []
    for ev in events:
        types, place, date, a1, a2, extra = ev
        d = {"type": list(types)}
        if place is None:
            d["place"] = None
        else:
            p = byname[place]
            d.update(place=place, lat=p["lat"], lon=p["lon"])
        d["date"] = list(date)
        if a1:
            d["actor1"] = list(a1)
        if a2:
            d["actor2"] = list(a2)
        for k in ("fatalities", "injuries"):
            if extra.get(k) is not None:
                d[k] = extra[k]
        if extra.get("opt"):
            d["optional"] = True
        d["evidence"] = extra["ev"]
        evs.append(d)
    # required events first (the scorer pairs optimally, but keep the documented order)
    evs = [e for e in evs if not e.get("optional")] + [e for e in evs if e.get("optional")]
    src = {"outlet": list(outlet)}
    src["author"] = list(author or [])
    art = {"id": id_, "text": text.strip(), "published": published, "lang": "ar", "url": url}
    gold = {"id": id_, "published": published, "source": src, "entities": entities, "places": places,
            "events": evs, "quotes": quotes}
    DOCS.append((art, gold))


def V(types, place, date, a1, a2=None, **extra):
    """One event: types, gold place name (or None), acceptable dates, actor1/actor2 aliases;
    extra: fatalities, injuries, opt, ev (evidence: verbatim fragments joined by ' / ')."""
    return (types, place, date, a1, a2 or [], extra)


# ---------------------------------------------------------------- ho2-001 Somalia (LANA)
SHABAAB = ["حركة الشباب الصومالية", "حركة الشباب", "Al-Shabaab", "al-Shabab"]
doc("ho2-001", "https://lananews.com/ar/?p=103876", "2017-12-14",
    ["وال", "وكالة الأنباء الليبية", "LANA", "Libya News Agency", "lananews.com"],
    """مقديشو 14 ديسمبر 2017 (وال)- قتل ما لا يقل عن 13 عنصراً من الشرطة الصومالية اليوم الخميس، في هجوم انتحاري شنه انتحاري يرتدي زي الشرطة داخل معسكر لتدريب رجال الشرطة في العاصمة الصومالية مقديشو .
وقال ضابط الشرطة محمد حسين – لوكالة رويترز – إن المهاجم تسلل إلى باحة أكاديمية تدريب الشرطة، وقام بتفجير نفسه أثناء عرض للشرطة .
من جهته، قال مدير الإسعاف عبد القادر عبد الرحمن “لقد حملنا ثلاثة عشر جثة وخمسة عشر مصاباً من ساحة الأكاديمية” .
في المقابل، تبنت حركة الشباب الصومالية هذا الهجوم الانتحاري .""",
    [E("ORG", *SHABAAB),
     E("ORG", "الشرطة الصومالية", "Somali Police", "Somali Police Force"),
     E("GPE", "مقديشو", "Mogadishu"),
     E("PERSON", "محمد حسين", "Mohamed Hussein"),
     E("ORG", "رويترز", "وكالة رويترز", "Reuters"),
     E("PERSON", "عبد القادر عبد الرحمن", "Abdulkadir Abdirahman", "Abdikadir Abdirahman"),
     E("FAC", "أكاديمية تدريب الشرطة", "police training academy", "General Kaahiye Police Academy", opt=True),
     E("ORG", "وال", "LANA", opt=True),
     E("GPE", "الصومال", "Somalia", opt=True)],
    [P("Mogadishu", ["مقديشو", "Mogadishu"], 2.0469, 45.3182, "city", "SO"),
     P("Somalia", ["الصومال", "Somalia"], 5.5, 46.0, "country", "SO", opt=True)],
    [V(["ASSAULT"], "Mogadishu", ["2017-12-14"],
       SHABAAB + ["انتحاري", "المهاجم", "suicide bomber"],
       ["الشرطة الصومالية", "رجال الشرطة", "عنصراً من الشرطة", "Somali police", "police recruits"],
       fatalities=13, injuries=15,
       ev="قتل ما لا يقل عن 13 عنصراً من الشرطة الصومالية اليوم الخميس، في هجوم انتحاري شنه انتحاري يرتدي زي الشرطة داخل معسكر لتدريب رجال الشرطة في العاصمة الصومالية مقديشو / لقد حملنا ثلاثة عشر جثة وخمسة عشر مصاباً من ساحة الأكاديمية")],
    [Q("لقد حملنا ثلاثة عشر جثة وخمسة عشر مصاباً من ساحة الأكاديمية",
       ["عبد القادر عبد الرحمن", "مدير الإسعاف", "Abdulkadir Abdirahman", "ambulance director"])])

# ---------------------------------------------------------------- ho2-002 Sudan, El Fasher (Al-Ahed)
RSF = ["قوات الدعم السريع", "الدعم السريع", "مقاتلو الدعم السريع", "Rapid Support Forces", "RSF"]
doc("ho2-002", "https://alahednews.news/article.php?id=87201", "2025-09-19",
    ["العهد", "موقع العهد الإخباري", "Al-Ahed News", "alahednews"],
    """قُتل 75 شخصًا على الأقل، اليوم الجمعة (19 أيلول 2025)، في قصف بطائرة مسيّرة استهدف مخيم "أبو شوك" للنازحين قرب مدينة الفاشر في شمال دارفور، وفق ما أفادت غرفة طوارئ المخيم.

وقالت مصادر إغاثية "إنّ قوات الدعم السريع نفّذت الهجوم خلال محاولتها التقدّم للسيطرة على آخر مدينة كبرى لا تزال تحت سيطرة الجيش في إقليم دارفور".

وأوضحت المصادر أنّ ""مسيّرة انتحارية" أصابت مسجدًا أثناء تجمع للنازحين في داخله"، مشيرة إلى أنه "تم انتشال الجثث من تحت أنقاض المسجد".

ولم تُصدر قوات الدعم السريع أي تعليق فوري على الحادث.

وتُعد الفاشر عاصمة ولاية شمال دارفور، وآخر مدينة كبيرة في الإقليم الشاسع بقيت بيد الجيش وحلفائه، بعد أكثر من عامين من الحرب مع قوات الدعم السريع.

ويُحاصر مقاتلو الدعم السريع المدينة منذ أكثر من 500 يوم، حيث يعيش نحو 260 ألف مدني، نصفهم من الأطفال، في ظل انعدام شبه كامل للمساعدات الإنسانية، بحسب الأمم المتحدة.""",
    [E("ORG", *RSF),
     E("ORG", "الجيش", "Sudanese Armed Forces", "Sudanese army", "SAF", opt=True),
     E("ORG", "غرفة طوارئ المخيم", "camp emergency room", "Abu Shouk emergency room", opt=True),
     E("ORG", "الأمم المتحدة", "United Nations", "UN"),
     E("GPE", "الفاشر", "El Fasher", "Al-Fashir"),
     E("LOC", "أبو شوك", "Abu Shouk camp", "Abu Shouk"),
     E("GPE", "شمال دارفور", "ولاية شمال دارفور", "North Darfur"),
     E("LOC", "دارفور", "إقليم دارفور", "Darfur")],
    [P("Abu Shouk camp", ["أبو شوك", "Abu Shouk"], 13.655, 25.335, "camp", "SD"),
     P("El Fasher", ["الفاشر", "El Fasher"], 13.6279, 25.3494, "city", "SD"),
     P("North Darfur", ["شمال دارفور", "ولاية شمال دارفور", "North Darfur"], 15.8, 25.0, "admin1", "SD"),
     P("Darfur", ["دارفور", "إقليم دارفور", "Darfur"], 13.0, 24.5, "region", "SD")],
    [V(["ASSAULT"], "Abu Shouk camp", ["2025-09-19"], RSF + ["مسيّرة انتحارية"],
       ["النازحين", "displaced people", "IDPs"], fatalities=75,
       ev="قُتل 75 شخصًا على الأقل، اليوم الجمعة (19 أيلول 2025)، في قصف بطائرة مسيّرة استهدف مخيم \"أبو شوك\" للنازحين قرب مدينة الفاشر / إنّ قوات الدعم السريع نفّذت الهجوم / \"مسيّرة انتحارية\" أصابت مسجدًا أثناء تجمع للنازحين في داخله"),
     V(["COERCE", "ASSAULT"], "El Fasher", [], RSF, ["الفاشر", "El Fasher"], opt=True,
       ev="ويُحاصر مقاتلو الدعم السريع المدينة منذ أكثر من 500 يوم"),
     V(["ASSAULT"], "Darfur", [], RSF, ["الجيش", "Sudanese army"], opt=True,
       ev="نفّذت الهجوم خلال محاولتها التقدّم للسيطرة على آخر مدينة كبرى لا تزال تحت سيطرة الجيش في إقليم دارفور")],
    [Q("إنّ قوات الدعم السريع نفّذت الهجوم خلال محاولتها التقدّم للسيطرة على آخر مدينة كبرى لا تزال تحت سيطرة الجيش في إقليم دارفور",
       ["مصادر إغاثية", "المصادر", "relief sources", "aid sources"]),
     Q("\"مسيّرة انتحارية\" أصابت مسجدًا أثناء تجمع للنازحين في داخله",
       ["مصادر إغاثية", "المصادر", "relief sources", "aid sources"]),
     Q("تم انتشال الجثث من تحت أنقاض المسجد",
       ["مصادر إغاثية", "المصادر", "relief sources", "aid sources"])])

# ---------------------------------------------------------------- ho2-003 Sudan, Khartoum protest (180 News)
PROTESTERS3 = ["المتظاهرين", "المتظاهرون", "آلاف المتظاهرين", "عشرات آلاف السودانيين", "المحتجين",
               "protesters", "Sudanese protesters"]
SECURITY3 = ["الشرطة السودانية", "قوات الأمن", "Sudanese police", "security forces"]
doc("ho2-003", "https://180-news.com/ar/news/%D8%A7%D9%84%D8%B4%D8%B1%D8%B7%D8%A9-%D8%A7%D9%84%D8%B3%D9%88%D8%AF%D8%A7%D9%86%D9%8A%D8%A9-%D8%AA%D8%B7%D9%84%D9%82-%D8%A7%D9%84%D8%BA%D8%A7%D8%B2-%D8%A7%D9%84%D9%85%D8%B3%D9%8A%D9%84-%D9%84%D9%84%D8%AF%D9%85%D9%88%D8%B9-%D8%A7%D9%84%D9%85%D8%AA%D8%B8%D8%A7%D9%87%D8%B1%D9%8A%D9%86-%D9%82%D8%B1%D8%A8-%D8%A7%D9%84%D9%82%D8%B5%D8%B1-%D8%A7%D9%84%D8%AC%D9%85%D9%87%D9%88%D8%B1%D9%8A-%D8%B5%D9%88%D8%B1",
    "2021-12-19",
    ["180 نيوز", "180 News", "180-news.com"],
    """الشرطة السودانية تطلق الغاز المسيل للدموع على المتظاهرين قرب القصر الجمهوري

أطلقت الشرطة السودانية بعد ظهر الأحد قنابل الغاز المسيل للدموع على آلاف المتظاهرين الذين وصلوا بالقرب من القصر الجمهوري للمطالبة بإسقاط قائد الجيش عبد الفتاح البرهان.

وبعد ثلاث سنوات على “الثورة” التي أطاحت عمر البشير، هتف المتظاهرون الذين نزلوا إلى شوارع الخرطوم للمطالبة بحكم مدني ديموقراطي “الشعب يريد إسقاط البرهان”.

ونزل عشرات آلاف السودانيين إلى الشوارع الأحد للمطالبة بحكم مدني ديموقراطي في الخرطوم.

وعصرا، تجمعت حشود كبيرة من المتظاهرين في محيط القصر الجمهوري وحاولت قوات الأمن تفريقها بإطلاق كثيف لقنابل الغاز إلا أنها لم تتمكن من ذلك.

وما زال الكر والفر مستمرا في محيط القصر بين المحتجين وقوات الأمن.

وفي وقت سابق بعد الظهر، استخدمت قوات الأمن كذلك القنابل المسيلة للدموع في محاولة لإبعاد متظاهرين عن القصر الجمهوري الذي تمكن بعض الشباب من تسلق أسواره.""",
    [E("ORG", "الشرطة السودانية", "Sudanese police"),
     E("ORG", "قوات الأمن", "security forces", opt=True),
     E("PERSON", "عبد الفتاح البرهان", "البرهان", "Abdel Fattah al-Burhan", "Burhan"),
     E("PERSON", "عمر البشير", "Omar al-Bashir", "Bashir"),
     E("ORG", "الجيش", "Sudanese army", opt=True),
     E("GPE", "الخرطوم", "Khartoum"),
     E("FAC", "القصر الجمهوري", "Republican Palace", "presidential palace")],
    [P("Khartoum", ["الخرطوم", "Khartoum"], 15.5007, 32.5599, "city", "SD"),
     P("Republican Palace", ["القصر الجمهوري", "Republican Palace"], 15.6113, 32.5336, "facility", "SD")],
    [V(["PROTEST"], "Republican Palace", ["2021-12-19"], PROTESTERS3,
       ["عبد الفتاح البرهان", "البرهان", "Abdel Fattah al-Burhan", "Sudanese military"],
       ev="نزل عشرات آلاف السودانيين إلى الشوارع الأحد للمطالبة بحكم مدني ديموقراطي في الخرطوم / تجمعت حشود كبيرة من المتظاهرين في محيط القصر الجمهوري"),
     V(["COERCE", "ASSAULT"], "Republican Palace", ["2021-12-19"], SECURITY3, PROTESTERS3,
       ev="أطلقت الشرطة السودانية بعد ظهر الأحد قنابل الغاز المسيل للدموع على آلاف المتظاهرين / وحاولت قوات الأمن تفريقها بإطلاق كثيف لقنابل الغاز")],
    [Q("الشعب يريد إسقاط البرهان", ["المتظاهرون", "المتظاهرين", "protesters"]),
     Q("الثورة", [], opt=True)])

# ---------------------------------------------------------------- ho2-004 Lebanon (Al-Taghier)
ISRAEL_ARMY = ["الجيش الإسرائيلي", "القوات الإسرائيلية", "إسرائيل", "Israeli army", "Israel Defense Forces", "IDF", "Israel"]
HEZBOLLAH = ["حزب الله", "الحزب", "Hezbollah"]
doc("ho2-004", "https://altaghier.tv/2026/01/31/غارة-إسرائيلية-بطائرة-مسيّرة-تستهدف-م", "2026-01-31",
    ["التغيير", "قناة التغيير", "Al-Taghier", "altaghier.tv"],
    """غارة إسرائيلية بطائرة مسيّرة تستهدف منزلاً جنوب لبنان وتوقع قتيلاً

استهدفت طائرة مسيّرة إسرائيلية، اليوم السبت، منزلاً في بلدة رب ثلاثين جنوب لبنان، ما أسفر عن سقوط قتيل، وفق ما أفادت مصادر محلية.
ويأتي هذا الهجوم بعد ساعات من إعلان الجيش الإسرائيلي مهاجمة أهداف تابعة لحزب الله في مناطق جنوبية، حيث أكد المتحدث باسم الجيش، أفخاي أدرعي، عبر منصة “X”، أن القوات الإسرائيلية استهدفت بنى تحتية للحزب، مشيراً إلى اغتيال أحد عناصره في منطقة صديقين، بزعم تورطه في إعادة ترميم مواقع عسكرية.
واتهم الجيش الإسرائيلي حزب الله بخرق التفاهمات القائمة بين لبنان وإسرائيل، مهدداً بمواصلة العمليات لإزالة ما وصفه بـ”التهديدات”.
غارات متواصلة رغم وقف الأعمال العدائية
منذ بدء سريان اتفاق وقف الأعمال العدائية بين لبنان وإسرائيل في 27 نوفمبر 2024، واصلت القوات الإسرائيلية شن غارات على مناطق متفرقة جنوباً وشرقاً، بدعوى استهداف مواقع للحزب.
ورغم انتشار الجيش اللبناني في كافة مناطق جنوب نهر الليطاني وحصر السلاح غير الشرعي خارج إطار الدولة، رفضت إسرائيل الانسحاب من خمس مرتفعات داخل الأراضي اللبنانية، معتبرة أن حزب الله يعيد بناء قدراته العسكرية.""",
    [E("ORG", "الجيش الإسرائيلي", "القوات الإسرائيلية", "Israeli army", "IDF"),
     E("ORG", *HEZBOLLAH),
     E("PERSON", "أفخاي أدرعي", "Avichay Adraee"),
     E("ORG", "الجيش اللبناني", "Lebanese Army"),
     E("GPE", "لبنان", "Lebanon"),
     E("GPE", "إسرائيل", "Israel"),
     E("GPE", "رب ثلاثين", "Rab Thalathin", "Rab Tlatin"),
     E("GPE", "صديقين", "Siddiqine", "Sediqine"),
     E("LOC", "جنوب لبنان", "south Lebanon", "southern Lebanon"),
     E("LOC", "نهر الليطاني", "الليطاني", "Litani River"),
     E("ORG", "X", opt=True)],
    [P("Rab Thalathin", ["رب ثلاثين", "Rab Thalathin"], 33.19, 35.515, "village", "LB"),
     P("Siddiqine", ["صديقين", "Siddiqine"], 33.212, 35.352, "village", "LB"),
     P("south Lebanon", ["جنوب لبنان", "south Lebanon"], 33.27, 35.4, "region", "LB"),
     P("Lebanon", ["لبنان", "Lebanon"], 33.85, 35.86, "country", "LB"),
     P("Israel", ["إسرائيل", "Israel"], 31.5, 34.9, "country", "IL"),
     P("Litani River", ["نهر الليطاني", "الليطاني", "Litani River"], 33.33, 35.35, "region", "LB", opt=True)],
    [V(["ASSAULT"], "Rab Thalathin", ["2026-01-31"],
       ["طائرة مسيّرة إسرائيلية", "الجيش الإسرائيلي", "إسرائيل", "Israeli army", "Israel", "Israeli drone"],
       ["منزلاً", "a house"], fatalities=1,
       ev="استهدفت طائرة مسيّرة إسرائيلية، اليوم السبت، منزلاً في بلدة رب ثلاثين جنوب لبنان، ما أسفر عن سقوط قتيل"),
     V(["ASSAULT"], "Siddiqine", ["2026-01-31", "2026-01-30"], ISRAEL_ARMY,
       HEZBOLLAH + ["أحد عناصره", "Hezbollah member"], fatalities=1,
       ev="مشيراً إلى اغتيال أحد عناصره في منطقة صديقين"),
     V(["ACCUSE"], None, ["2026-01-31", "2026-01-30"], ISRAEL_ARMY, HEZBOLLAH,
       ev="واتهم الجيش الإسرائيلي حزب الله بخرق التفاهمات القائمة بين لبنان وإسرائيل"),
     V(["ASSAULT"], "south Lebanon", ["2026-01-31", "2026-01-30"], ISRAEL_ARMY, HEZBOLLAH, opt=True,
       ev="إعلان الجيش الإسرائيلي مهاجمة أهداف تابعة لحزب الله في مناطق جنوبية / أن القوات الإسرائيلية استهدفت بنى تحتية للحزب"),
     V(["THREATEN"], None, ["2026-01-31", "2026-01-30"], ISRAEL_ARMY, HEZBOLLAH, opt=True,
       ev="مهدداً بمواصلة العمليات لإزالة ما وصفه بـ”التهديدات”"),
     V(["AGREE"], "Lebanon", ["2024-11-27"], ["لبنان", "Lebanon"], ["إسرائيل", "Israel"], opt=True,
       ev="منذ بدء سريان اتفاق وقف الأعمال العدائية بين لبنان وإسرائيل في 27 نوفمبر 2024"),
     V(["MOBILIZE"], "south Lebanon", [], ["الجيش اللبناني", "Lebanese Army"], [], opt=True,
       ev="انتشار الجيش اللبناني في كافة مناطق جنوب نهر الليطاني"),
     V(["REJECT"], None, [], ["إسرائيل", "Israel"], ["لبنان", "Lebanon"], opt=True,
       ev="رفضت إسرائيل الانسحاب من خمس مرتفعات داخل الأراضي اللبنانية")],
    [Q("التهديدات", [], opt=True),
     Q("X", [], opt=True)])

# ---------------------------------------------------------------- ho2-005 Iraq, Basra (Al-Sumer)
SECURITY5 = ["القوات الأمنية", "القوات الامنية", "Iraqi security forces", "security forces"]
PROTESTERS5 = ["متظاهرين", "المتظاهرين", "40 سخصاً", "protesters"]
SOURCE5 = ["مصدر أمني", "المصدر", "security source"]
doc("ho2-005", "https://saymar.org/2018/09/60417.html", "2018-09-13",
    ["السيمر", "السيمر الإخبارية", "Al-Sumer", "saymar.org"],
    """السيمر / الخميس 13 . 09 . 2018 –أفاد مصدر أمني، الخميس، بأن احتجاز متظاهرين تجمعوا في ساحة العروسة وسط محافظة البصرة، جاء لعدم إبلاغ القوات الأمنية بتنظيم التظاهرة، فيما نفى اعتقال أي منهم.
وقال المصدر في حديث لـ(بغداد اليوم)، إن “القوات الأمنية قامت عصر اليوم باحتجاز نحو ما يقارب 40 سخصاً بعد تجمعهم في ساحة العروسة وسط محافظة البصرة، وأخرجتهم من الساحة، لكونها لم تبلغ بالتظاهرة ولم تعط موافقة بتنظيمها”.
وأضاف المصدر الذي فضل عدم ذكر اسمه أن “القوات الأمنية لم تعتقل أي متظاهر، وما جرى فقط إخراجهم من الساحة”.
وكانت اللجان التنسيقية في محافظة البصرة، قد دعت في وقت سابق من اليوم الخميس، إلى تظاهرة موحدة يوم غد الجمعة، فيما أشارت إلى أن أسباب تأجيل تظاهرة اليوم جاءت لضمان عدم تشتيت الجهود.
وتشهد محافظة البصرة منذ أشهر احتجاجات غاضبة تطالب بتوفير الخدمات وفي مقدمتها الماء الصالح للشرب والكهرباء، وتطورت الى تدخل القوات الامنية، ما ادى الى سقوط قتلى وجرحى من المتظاهرين والقوات الأمنية، كما تم حرق مقرات الأحزاب السياسية والمباني الحكومية بالمحافظة، إضافة إلى مقر القنصلية الإيرانية.""",
    [E("FAC", "ساحة العروسة", "Al-Orouba Square", "Urouba Square"),
     E("GPE", "محافظة البصرة", "البصرة", "Basra Governorate", "Basra"),
     E("ORG", "بغداد اليوم", "Baghdad Today"),
     E("ORG", "القوات الأمنية", "القوات الامنية", "Iraqi security forces", opt=True),
     E("ORG", "اللجان التنسيقية", "coordination committees", opt=True),
     E("FAC", "القنصلية الإيرانية", "Iranian consulate", opt=True)],
    [P("Al-Orouba Square", ["ساحة العروسة", "Al-Orouba Square"], 30.515, 47.83, "facility", "IQ"),
     P("Basra Governorate", ["محافظة البصرة", "البصرة", "Basra"], 30.5, 47.6, "admin1", "IQ")],
    [V(["COERCE"], "Al-Orouba Square", ["2018-09-13"], SECURITY5, PROTESTERS5,
       ev="القوات الأمنية قامت عصر اليوم باحتجاز نحو ما يقارب 40 سخصاً بعد تجمعهم في ساحة العروسة وسط محافظة البصرة"),
     V(["PROTEST"], "Al-Orouba Square", ["2018-09-13"], PROTESTERS5, [],
       ev="احتجاز متظاهرين تجمعوا في ساحة العروسة وسط محافظة البصرة"),
     V(["REQUEST", "MOBILIZE"], "Basra Governorate", ["2018-09-13"],
       ["اللجان التنسيقية", "coordination committees"], [], opt=True,
       ev="وكانت اللجان التنسيقية في محافظة البصرة، قد دعت في وقت سابق من اليوم الخميس، إلى تظاهرة موحدة يوم غد الجمعة"),
     V(["PROTEST"], "Basra Governorate", [], ["المتظاهرين", "protesters"], [], opt=True,
       ev="وتشهد محافظة البصرة منذ أشهر احتجاجات غاضبة تطالب بتوفير الخدمات"),
     V(["ASSAULT"], "Basra Governorate", [], ["المتظاهرين", "protesters"],
       ["القنصلية الإيرانية", "مقرات الأحزاب السياسية", "Iranian consulate"], opt=True,
       ev="كما تم حرق مقرات الأحزاب السياسية والمباني الحكومية بالمحافظة، إضافة إلى مقر القنصلية الإيرانية")],
    [Q("القوات الأمنية قامت عصر اليوم باحتجاز نحو ما يقارب 40 سخصاً بعد تجمعهم في ساحة العروسة وسط محافظة البصرة، وأخرجتهم من الساحة، لكونها لم تبلغ بالتظاهرة ولم تعط موافقة بتنظيمها", SOURCE5),
     Q("القوات الأمنية لم تعتقل أي متظاهر، وما جرى فقط إخراجهم من الساحة", SOURCE5)])


if __name__ == "__main__":
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as fa, \
            open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as fg:
        for art, gold in DOCS:
            fa.write(json.dumps(art, ensure_ascii=False) + "\n")
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(f"{len(DOCS)} articles")
