"""Themes are named by the topic most of their stories carry, in the reader's language, and quoted by the
sentence that is about the theme (it was the opening of the story, and bare keywords named the theme)."""

from __future__ import annotations

from klantstem.insights.themes import fit_themes, on_topic

LABELS = {"waiting_time": {"nl": "Wachttijd", "en": "Waiting time"}, "staff": {"nl": "Personeel", "en": "Staff"}}


def test_a_quote_is_the_sentence_about_the_theme() -> None:
    story = "Hierbij mijn verhaal. Ik had een vraag. De monteur kwam te laat en de installatie mislukte."
    assert on_topic(story, ("monteur", "installatie")) == "De monteur kwam te laat en de installatie mislukte."
    assert on_topic(story, ()) == story
    assert on_topic("Geen van de woorden.", ("monteur",)) == "Geen van de woorden."


def test_themes_are_named_by_their_stories_topic_in_each_language() -> None:
    waiting = [f"Ik wachtte {n} uur in de wacht aan de telefoon. Niemand nam op." for n in range(10)]
    staff = [f"De medewerker in winkel {n} was onvriendelijk en snauwde. Jammer." for n in range(10)]
    items = list(enumerate(waiting + staff, start=1))
    facets = {i: ["waiting_time"] for i in range(1, 11)} | {i: ["staff"] for i in range(11, 21)}
    result = fit_themes(items, seed=0, facets_of=facets, facet_labels=LABELS)
    names = {t.label_in("nl").split(" · ")[0] for t in result.themes}
    assert names == {"Wachttijd", "Personeel"}
    assert {t.label_in("en").split(" · ")[0] for t in result.themes} == {"Waiting time", "Staff"}
    without = fit_themes(items, seed=0)
    assert all(t.labels == {} and t.label_in("nl") == t.label for t in without.themes)


def test_a_theme_of_stories_in_another_language_is_named_by_that_language_not_its_words() -> None:
    dutch = [f"Ik wachtte {n} uur in de wacht aan de telefoon. Niemand nam op." for n in range(10)]
    english = [f"I called {n} times and waited on hold again. Nobody answered." for n in range(10)]
    items = list(enumerate(dutch + english, start=1))
    facets = {i: ["waiting_time"] for i in range(1, 21)}
    languages = {i: "nl" for i in range(1, 11)} | {i: "en" for i in range(11, 21)}
    result = fit_themes(items, seed=0, facets_of=facets, facet_labels=LABELS, languages_of=languages)
    by_language = {("en" if 11 in result.members[t.id] else "nl"): t for t in result.themes}
    english_theme, dutch_theme = by_language["en"], by_language["nl"]
    assert english_theme.label_in("nl") == "Wachttijd · Engelstalige verhalen"
    assert dutch_theme.label_in("en") == "Waiting time · stories in Dutch"
    assert english_theme.label_in("en").startswith("Waiting time · ") and "stories" not in english_theme.label_in("en")
    assert dutch_theme.label_in("nl").startswith("Wachttijd · ") and "verhalen" not in dutch_theme.label_in("nl")
    # without a topic the theme is still not named by words of a language the reader did not choose
    plain = fit_themes(items, seed=0, languages_of=languages)
    english_plain = next(t for t in plain.themes if 11 in plain.members[t.id])
    assert english_plain.label_in("nl") == "Engelstalige verhalen"
