"""Themes among stories: clusters beyond the taxonomy, each with a label, its size, quotes and its stories."""

from __future__ import annotations

from dataclasses import dataclass, field

from klantstem.insights.model import ThemeSummary


@dataclass(frozen=True)
class ThemeResult:
    themes: list[ThemeSummary]
    members: dict[int, list[int]] = field(default_factory=dict)  # theme id -> story ids

    def summary(self, theme_id: int) -> ThemeSummary | None:
        """The theme with this id, or None when no theme has it."""
        return next((t for t in self.themes if t.id == theme_id), None)


def fit_themes(items: list[tuple[int, str]], seed: int = 0) -> ThemeResult:
    from klantstem.text.service import ThemeModel  # scikit-learn: loaded when themes are first asked for

    usable = [(i, t) for i, t in items if t.strip()]
    if len(usable) < 2:
        return ThemeResult([])
    model = ThemeModel.fit([t for _, t in usable], seed=seed)
    members: dict[int, list[int]] = {}
    for (story_id, _), theme_id in zip(usable, model.labels_.tolist(), strict=True):
        members.setdefault(int(theme_id), []).append(story_id)
    summaries = [
        ThemeSummary(t.id, t.label, t.terms, t.size, t.quotes)
        for t in sorted(model.themes, key=lambda t: -t.size)
        if t.size > 0
    ]
    return ThemeResult(summaries, members)
