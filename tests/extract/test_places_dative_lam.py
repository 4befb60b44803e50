"""«ل» before a word is «for» as often as «to»: «تابعة لعصابة القاعدة» in an Iraqi story is no Mauritanian
province (Assaba), while «ل» before a place of the story's own country still locates."""
from __future__ import annotations

from rasd.document import Article
from rasd.pipeline import extract


def _countries(text: str) -> set[str | None]:
    return {p.country for p in extract(Article(id="t", text=text)).places}


def test_a_gang_is_no_province_abroad():
    text = ("اعتقلت القوات الأمنية في محافظة ديالى العراقية خمسة متهمين، وقالت إن الخلية تابعة لعصابة القاعدة "
            "الإرهابية في بغداد. وأضافت أن العصابة خططت لهجمات في المحافظة.")
    assert "MR" not in _countries(text)


def test_lam_before_a_province_of_the_story_still_locates():
    doc = extract(Article(id="t", text="وصل الوزير العراقي إلى بغداد ثم توجه لديالى لتفقد القوات الأمنية."))
    assert any(p.text.endswith("ديالى") and p.country == "IQ" for p in doc.places)
