"""The service facets and their cue patterns: a JSON file that ships with defaults and can be edited.

Format: {"name": ..., "version": ..., "facets": [{"id", "label": {"nl", "en"}, "description",
"cues": {"nl": [pattern, ...], "en": [...]}, "topics": {"nl": [...], "en": [...]}}]}. Patterns use the syntax in
`patterns.py`. Cues name the facet; topics (optional) name what a sentence is about without judging it (a thing,
a department, a time: "abonnement", "de app", "al drie weken"): they name the facet only in a sentence where no
other facet is named by a cue ("Inloggen lukt al een week niet" is about online systems, not waiting time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from re import error as re_error
from typing import Any

from klantstem.errors import ImportFileError
from klantstem.text.patterns import PhraseMatcher

DEFAULT_NAME = "taxonomy_default.json"
# Cue patterns of one language that are words of the other with another meaning: a Dutch text is also read with
# the English cues (customers switch language mid-sentence), except these, and the other way round.
FALSE_FRIENDS: dict[str, frozenset[str]] = {
    "nl": frozenset({"letter*", "bill*", "fee*", "patient", "kind", "late", "took", "notes", "tone", "agent*"}),
    "en": frozenset({"brief", "direct", "bot", "snap*", "lang", "lange", "kost", "eten", "ober*", "meteen"}),
}


@dataclass(frozen=True)
class Facet:
    id: str
    label: dict[str, str]
    description: str
    cues: dict[str, tuple[str, ...]]
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)


# what a taxonomy pattern names: (facet id, True when it is one of the facet's topics), for every facet that has it
Named = tuple[tuple[str, bool], ...]


@dataclass
class Taxonomy:
    name: str
    version: str
    facets: tuple[Facet, ...]
    _matchers: dict[str, PhraseMatcher[Named]] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (inside a trained model) without the compiled matchers; they are rebuilt when needed."""
        return {**self.__dict__, "_matchers": {}}

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.facets)

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def matcher(self, language: str) -> PhraseMatcher[Named]:
        """Facet cue and topic matcher for "nl" or "en" (with the other language's patterns but its false
        friends); other codes use both languages in full. A pattern several facets share names them all."""
        key = language if language in ("nl", "en") else "both"
        if key not in self._matchers:
            skip = FALSE_FRIENDS.get(key, frozenset())
            named: dict[str, dict[str, bool]] = {}
            for facet in self.facets:
                for lang in ("nl", "en") if key != "en" else ("en", "nl"):
                    for topic, patterns in ((False, facet.cues.get(lang, ())), (True, facet.topics.get(lang, ()))):
                        for pattern in patterns:
                            if lang == key or pattern not in skip:
                                # a cue of the facet wins over the same pattern as its topic
                                known = named.setdefault(pattern, {})
                                known[facet.id] = known.get(facet.id, True) and topic
            self._matchers[key] = PhraseMatcher((p, tuple(facets.items())) for p, facets in named.items())
        return self._matchers[key]


def default_taxonomy() -> Taxonomy:
    source = resources.files("klantstem.text").joinpath("data", DEFAULT_NAME)
    return parse_taxonomy(json.loads(source.read_text(encoding="utf-8")), DEFAULT_NAME)


def load_taxonomy(path: str | Path | None) -> Taxonomy:
    """The taxonomy in `path`, or the default one when `path` is None."""
    if path is None:
        return default_taxonomy()
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ImportFileError(name, f"cannot read the taxonomy: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ImportFileError(name, f"not valid JSON: {exc}") from None
    return parse_taxonomy(data, name)


def parse_taxonomy(data: Any, source: str) -> Taxonomy:
    if not isinstance(data, dict) or not isinstance(data.get("facets"), list):
        raise ImportFileError(source, "expected an object with a 'facets' list", field="facets")
    facets: list[Facet] = []
    seen: set[str] = set()
    for n, raw in enumerate(data["facets"]):
        facet = _parse_facet(raw, source, n)
        if facet.id in seen:
            raise ImportFileError(source, f"facet id {facet.id!r} appears twice", field=f"facets[{n}].id")
        seen.add(facet.id)
        facets.append(facet)
    for n, facet in enumerate(facets):
        for key, patterns in (("cues", facet.cues), ("topics", facet.topics)):
            for lang, items in patterns.items():
                try:
                    PhraseMatcher((pattern, None) for pattern in items)
                except (ValueError, re_error) as exc:
                    message = f"a {lang} pattern of facet {facet.id!r} is not valid: {exc}"
                    raise ImportFileError(source, message, field=f"facets[{n}].{key}") from None
    return Taxonomy(str(data.get("name", "custom")), str(data.get("version", "1")), tuple(facets))


def _parse_facet(raw: Any, source: str, n: int) -> Facet:
    where = f"facets[{n}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
        raise ImportFileError(source, "each facet needs a non-empty string 'id'", field=f"{where}.id")
    cues = _patterns(raw, "cues", source, where)
    topics = _patterns(raw, "topics", source, where)
    label = raw.get("label", {})
    if isinstance(label, str):
        label = {"nl": label, "en": label}
    return Facet(
        id=raw["id"].strip(),
        label={str(k): str(v) for k, v in label.items()} if isinstance(label, dict) else {},
        description=str(raw.get("description", "")),
        cues=cues,
        topics=topics,
    )


def _patterns(raw: dict[str, Any], key: str, source: str, where: str) -> dict[str, tuple[str, ...]]:
    found = raw.get(key, {})
    if not isinstance(found, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) and p.strip() for p in v) for v in found.values()
    ):
        raise ImportFileError(source, f"'{key}' maps a language to a list of patterns", field=f"{where}.{key}")
    return {str(lang): tuple(p.strip() for p in patterns) for lang, patterns in found.items()}
