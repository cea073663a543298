"""Themes among stories: clusters beyond the taxonomy, each with a label, its size, quotes and its stories."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from klantstem.insights.model import ThemeSummary
from klantstem.text.service import sentence_spans

_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class ThemeResult:
    themes: list[ThemeSummary]
    members: dict[int, list[int]] = field(default_factory=dict)  # theme id -> story ids

    def summary(self, theme_id: int) -> ThemeSummary | None:
        """The theme with this id, or None when no theme has it."""
        return next((t for t in self.themes if t.id == theme_id), None)


TOPIC_SHARE = 0.3  # a facet labelled on at least this share of a theme's stories names the theme
LABEL_WORDS = 2
# A theme's words are in its stories' language; a reader of another language reads which language that is instead.
STORIES_IN = {
    "nl": {"nl": "Nederlandstalige verhalen", "en": "Engelstalige verhalen"},
    "en": {"nl": "stories in Dutch", "en": "stories in English"},
}


def fit_themes(
    items: list[tuple[int, str]],
    seed: int = 0,
    facets_of: Mapping[int, Sequence[str]] | None = None,
    facet_labels: Mapping[str, Mapping[str, str]] | None = None,
    languages_of: Mapping[int, str] | None = None,
) -> ThemeResult:
    """Themes among (story id, text) items. With the stories' facets and the facets' labels, each theme is named
    in every language by the facet most of its stories carry, followed by its most telling words, or, for a
    reader of another language than most of its stories' (`languages_of`), by which language they are in; its
    quotes are the sentences of its most typical stories that hold most of those words."""
    from klantstem.text.service import ThemeModel  # scikit-learn: loaded when themes are first asked for

    usable = [(i, t) for i, t in items if t.strip()]
    if len(usable) < 2:
        return ThemeResult([])
    model = ThemeModel.fit([t for _, t in usable], seed=seed)
    members: dict[int, list[int]] = {}
    for (story_id, _), theme_id in zip(usable, model.labels_.tolist(), strict=True):
        members.setdefault(int(theme_id), []).append(story_id)
    summaries = [
        ThemeSummary(
            t.id, t.label, t.terms, t.size, tuple(on_topic(q, t.terms) for q in t.quotes),
            _labels(members.get(t.id, []), t.terms, facets_of or {}, facet_labels or {}, languages_of or {}),
        )  # fmt: skip
        for t in sorted(model.themes, key=lambda t: -t.size)
        if t.size > 0
    ]
    return ThemeResult(summaries, members)


def _labels(
    stories: Sequence[int], terms: Sequence[str], facets_of: Mapping[int, Sequence[str]],
    facet_labels: Mapping[str, Mapping[str, str]], languages_of: Mapping[int, str],
) -> dict[str, str]:  # fmt: skip
    spoken = Counter(languages_of[s] for s in stories if s in languages_of).most_common(1)
    language = spoken[0][0] if spoken else None
    words = ", ".join(terms[:LABEL_WORDS])

    def tail(reader: str) -> str:
        if language is None or language == reader or language not in STORIES_IN.get(reader, {}):
            return words
        return STORIES_IN[reader][language]

    counts = Counter(f for story_id in stories for f in set(facets_of.get(story_id, ())))
    facet, n = counts.most_common(1)[0] if counts else ("", 0)
    if n < TOPIC_SHARE * len(stories) or facet not in facet_labels:
        return {reader: tail(reader) for reader in STORIES_IN} if language is not None else {}
    return {reader: f"{label} · {tail(reader)}" if tail(reader) else label
            for reader, label in facet_labels[facet].items()}  # fmt: skip


def on_topic(quote: str, terms: Sequence[str]) -> str:
    """The sentence of `quote` that holds most of the theme's words (the first such one): a quote about the
    theme rather than the opening of the story."""
    wanted = {t.lower() for t in terms}
    if not wanted:
        return quote
    best, best_hits = quote, 0
    for start, end in sentence_spans(quote):
        sentence = quote[start:end].strip()
        hits = len(wanted & {w.lower() for w in _WORD.findall(sentence)})
        if hits > best_hits:
            best, best_hits = sentence, hits
    return best
