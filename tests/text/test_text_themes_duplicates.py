from __future__ import annotations

import numpy as np

from klantstem.text.duplicates import find_near_duplicates, groups
from klantstem.text.themes import ThemeModel

WAIT = [
    "Ik stond {} minuten in de wacht bij de klantenservice aan de telefoon",
    "Weer {} minuten wachten in de telefoonwachtrij van de klantenservice",
]
FOOD = [
    "Het eten was koud en de soep was zout, het gerecht kwam na {} minuten",
    "Mijn gerecht was lauw, de soep koud en het dessert na {} minuten op tafel",
]
BILL = [
    "De factuur klopt niet, ik heb {} euro te veel betaald op mijn rekening",
    "Weer een verkeerde factuur, {} euro dubbel afgeschreven van de rekening",
]
STORIES = [t.format(n) for n in range(5, 25) for group in (WAIT, FOOD, BILL) for t in group]


def test_themes_are_deterministic_for_a_seed() -> None:
    first = ThemeModel.fit(STORIES, k=3, seed=7)
    second = ThemeModel.fit(STORIES, k=3, seed=7)
    assert np.array_equal(first.labels_, second.labels_)
    assert [t.label for t in first.themes] == [t.label for t in second.themes]


def test_themes_separate_topics_with_readable_labels_and_quotes() -> None:
    model = ThemeModel.fit(STORIES, k=3, seed=0)
    topic = np.array([i % 6 // 2 for i in range(len(STORIES))])
    for t in range(3):
        assert len(set(model.labels_[topic == t])) == 1
    assert len(set(model.labels_)) == 3
    for theme in model.themes:
        assert theme.size == 40 and theme.label and len(theme.quotes) == 3
        assert all(q in STORIES for q in theme.quotes)
    words = " ".join(t.label for t in model.themes)
    assert any(w in words for w in ("wacht", "klantenservice", "telefoon", "wachten"))


def test_new_stories_are_assigned_without_refitting() -> None:
    model = ThemeModel.fit(STORIES, k=3, seed=0)
    centres = model.kmeans.cluster_centers_.copy()
    new = ["Ruim 40 minuten in de wacht gestaan bij de klantenservice", "Mijn factuur klopt niet, te veel euro betaald"]
    assigned = model.assign(new)
    assert np.array_equal(model.kmeans.cluster_centers_, centres)
    assert assigned[0] == model.labels_[0] and assigned[1] == model.labels_[4]
    assert np.array_equal(model.assign(STORIES[:6]), model.labels_[:6])


def test_near_duplicates_same_customer_and_copy_paste() -> None:
    story = "Ik heb drie weken gewacht op mijn nieuwe simkaart en niemand van de klantenservice belde mij terug"
    stories = [
        ("s1", story, "klant-1"),
        ("s2", story + ". Echt waar!", "klant-1"),
        ("s3", story, "klant-2"),
        ("s4", "Het eten in het restaurant was heerlijk en de bediening vriendelijk", "klant-3"),
        ("s5", "", "klant-4"),
    ]
    pairs = find_near_duplicates(stories, threshold=0.7)
    found = {(p.first, p.second): p.same_customer for p in pairs}
    assert found[("s1", "s2")] is True
    assert found[("s1", "s3")] is False
    assert not any("s4" in key or "s5" in key for key in found)
    assert groups(pairs) == [["s1", "s2", "s3"]]


def test_near_duplicates_without_customers() -> None:
    pairs = find_near_duplicates(
        [
            (1, "de website werkt al dagen niet en ik kan niet inloggen"),
            (2, "de website werkt al dagen niet en ik kan niet inloggen!"),
        ]
    )
    assert len(pairs) == 1 and pairs[0].same_customer is None and pairs[0].similarity >= 0.8
