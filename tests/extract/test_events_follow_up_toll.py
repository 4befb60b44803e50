"""A toll told in a later sentence with no event word of its own completes the attack told before it, passing over
a sentence whose only act hurts nobody (a condemnation)."""
from __future__ import annotations

from rasd.document import Article
from rasd.pipeline import extract


def test_follow_up_toll_passes_over_a_condemnation():
    text = ("انفجرت سيارة مفخخة صباح السبت في العاصمة الصومالية مقديشو مستهدفة موكبا للشرطة. "
            "وأدان الرئيس الصومالي الهجوم بشدة. "
            "وقال شاهد عيان إنه أحصى ست جثث.")
    attacks = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert [e.fatalities for e in attacks] == [6]
