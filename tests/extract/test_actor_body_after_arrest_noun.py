"""«وبعيد توقيف الأمن التونسي الدهماني»: a whole security body right after an arrest noun is the act's genitive
doer and the person after it whom it took — not a title of that person, as a role word before a name would be."""

from rasd.extract.event_lexicon import ROLES, _WORDS
from rasd.kb import load_kb
from rasd.text.normalize import normalize_for_match
from rasd_testkit.extraction import events_of


def test_the_security_body_after_an_arrest_noun_arrests_the_person_named_after_it():
    doc = events_of("أصدرت السلطات القضائية التونسية أمس مذكرة توقيف بحق المعلقة سنية الدهماني. وبعيد توقيف الأمن "
                    "التونسي الدهماني من مقر دار المحامي، أعلن المحامون الإضراب في محاكم العاصمة احتجاجا.")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert any(e.actor1 is not None and e.actor1.text == "الأمن التونسي" for e in arrests)


def test_collective_bodies_are_kb_agents_and_arrest_nouns_normalised():
    agents = load_kb().actors.agents
    assert ROLES["collective_bodies"] <= set(agents) and "agent.security_forces" in ROLES["collective_bodies"]
    assert normalize_for_match("توقيف") in _WORDS["arrest_noun"]
