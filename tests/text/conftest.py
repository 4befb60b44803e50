import json
from pathlib import Path

import pytest

DEV_ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "articles.jsonl"

# The founding article's hard wraps (its first lines, as published): a wrap inside a sentence must be joined.
FOUNDING_EXCERPT = (
    "عبرت ميليشيات عراقية مدعومة من إيران إلى شرق سوريا خلال الليل، حيث استولى مسلحون إسلاميون على\n"
    "حلب .\n"
    "وقال ضابط بالجيش السوري لرويترز إن قوات الميليشيا العراقية التي تعبر الحدود \"هي تعزيزات جديدة\".\n"
    "تمكنت القوات الموالية للرئيس السوري بشار الأسد من\n"
    "الانسحاب بشكل غير متوقع من ثاني أكبر مدينة في سوريا.\n"
    "تحرك الرئيس السوري\n"
    "لسحق انتفاضة شعبية ضده في عام 2011 ، والتي تحولت بسرعة إلى حرب أهلية دامية.\n"
    "الثوار السوريون يقتحمون حلب – فيديو\n"
    "كما بحث رئيس الوزراء العراقي محمد شياع السوداني التغييرات المفاجئة في سوريا."
)


@pytest.fixture
def founding_excerpt() -> str:
    return FOUNDING_EXCERPT


@pytest.fixture
def founding_article() -> str | None:
    if not DEV_ARTICLES.exists():
        pytest.skip("shared dev articles not available")
    return json.loads(DEV_ARTICLES.read_text(encoding="utf-8").splitlines()[0])["text"]
