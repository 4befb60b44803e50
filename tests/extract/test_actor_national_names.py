"""A generic state body whose country is known is named with its nationality («الأمن» in Jordan: «Jordanian
security forces»), as that state's body; named actors and non-state roles keep their own names."""

from rasd.document import Actor
from rasd.extract.event_lexicon import ROLES
from rasd_testkit.extraction import events_of


def test_the_security_forces_of_a_known_country_carry_its_nationality():
    doc = events_of("الأمن يفض اعتصاما في مدينة إربد الأردنية ويعتقل عشرات المحتجين.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.name_en == "Jordanian security forces"


def test_national_names_leave_named_and_non_state_actors_alone():
    from rasd.extract.event_actors import national_name
    assert national_name(Actor(text="مسلحون", name_en="militant", kb_id="agent.militant", sector="armed_group",
                               country="SY")) == "militant"
    assert national_name(Actor(text="الجيش", name_en="Syrian army", kb_id="agent.army", sector="military",
                               country="SY")) == "Syrian army"
    assert {"military", "police"} <= ROLES["national_sectors"]
