"""The read-back summary: what the customer told us, in their words, to confirm or correct. Pure functions."""

from __future__ import annotations

from klantstem.stories.model import FollowUp, Step

APPRAISAL_WORDS = {
    "nl": {"bad": "slecht", "normal": "normaal", "excellent": "uitstekend"},
    "en": {"bad": "bad", "normal": "normal", "excellent": "excellent"},
}
_INTRO = {
    "nl": ("U vertelde over één stap:", "U vertelde over {n} stappen:"),
    "en": ("You told us about one step:", "You told us about {n} steps:"),
}
_ALSO = {"nl": "U vertelde ook:", "en": "You also told us:"}
_VERDICT = {"nl": "die stap vond u {word}", "en": "you found that step {word}"}


def read_back(steps: list[Step], follow_ups: list[FollowUp], lang: str = "nl") -> str:
    """A plain-text summary: every step with its appraisal and the customer's opinion, then the follow-up
    questions with their answers. The customer's own words are kept as they were written."""
    lang = lang if lang in _INTRO else "nl"
    one, many = _INTRO[lang]
    lines = [one if len(steps) == 1 else many.format(n=len(steps))]
    opinions = {f.step_id: f.answer for f in follow_ups if f.opinion and f.answer}
    for step in sorted(steps, key=lambda s: s.position):
        line = f"{step.position}. {_flat(step.description)}"
        if step.appraisal:
            line += f" — {_VERDICT[lang].format(word=APPRAISAL_WORDS[lang][step.appraisal])}"
            line += f": {_flat(opinions[step.id])}" if step.id in opinions else "."
        elif step.id in opinions:
            line += f" — {_flat(opinions[step.id])}"
        lines.append(line)
    answers = [f for f in follow_ups if not f.opinion and f.answer]
    if answers:  # each answer with the question it answers: an answer alone ("Een week") says little
        lines.append(_ALSO[lang])
        lines.extend(f"- {_flat(f.question)} — {_flat(f.answer or '')}" for f in answers)
    return "\n".join(lines)


def story_text(steps: list[Step], follow_ups: list[FollowUp]) -> str:
    """The whole story as one text (what happened, opinions, answers) for analysis and search."""
    parts: list[str] = []
    by_step: dict[int | None, list[FollowUp]] = {}
    for f in follow_ups:
        by_step.setdefault(f.step_id, []).append(f)
    for step in sorted(steps, key=lambda s: s.position):
        parts.append(step.description.strip())
        parts.extend((f.answer or "").strip() for f in by_step.get(step.id, []) if f.answer)
    parts.extend((f.answer or "").strip() for f in by_step.get(None, []) if f.answer)
    return "\n".join(p for p in parts if p)


def _flat(text: str) -> str:
    return " ".join(text.split())
