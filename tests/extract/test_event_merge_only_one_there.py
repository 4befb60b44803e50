"""A restating noun further on than three sentences («ويرافق رئيس الوزراء الأثيوبي في زيارته للسودان») is the
article's only earlier event of its type at its very place and date: one visit, not two."""
from __future__ import annotations


from rasd.document import Article
from rasd.pipeline import extract

TEXT = ("أبي أحمد يصل الخرطوم\n\n"
        "وصل رئيس الوزراء الأثيوبي أبي أحمد اليوم إلى البلاد في زيارة رسمية تستغرق يوما واحدا. "
        "وكان في استقباله بمطار الخرطوم الدولي، رئيس مجلس السيادة الانتقالي الفريق أول ركن عبدالفتاح البرهان.\n\n"
        "وقال مكتب اعلام مجلس السيادة ان رئيس الوزراء الأثيوبي سيجري مباحثات مع البرهان بالقصر الجمهوري تتعلق "
        "بسبل تعزيز العلاقات الثنائية بين البلدين.\n\n"
        "وسيلتقي أبي أحمد بعدد من القوى السياسية للاطلاع على تطورات الوضع السياسي الراهن بالسودان.\n\n"
        "ويرافق رئيس الوزراء الأثيوبي في زيارته للسودان، وزراء الدفاع والداخلية ومدير المخابرات الأثيوبي.")


def test_a_far_restating_noun_is_the_only_visit_told():
    doc = extract(Article(id="t", text=TEXT, published=None))
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 1
