"""Emoji as appraisal cues, read in every language. Same weights as the word lexicons: about +-1 for a plain
sign, +-1.5 for a strong one. Emoji that do not say how the service was (stars, hands, objects) are left out."""

from __future__ import annotations

# fmt: off
POSITIVE: dict[str, float] = {
    "👍": 0.8, "👌": 0.8, "👏": 1.0, "🙂": 0.4, "😊": 0.8, "😀": 0.8, "😃": 0.8, "😄": 0.8, "😁": 0.8,
    "😍": 1.5, "🥰": 1.5, "🤩": 1.5, "❤": 1.0, "💯": 1.0, "🎉": 0.8,
}

NEGATIVE: dict[str, float] = {
    "👎": -1.0, "😡": -1.2, "🤬": -1.5, "😠": -1.0, "😤": -1.0, "🙄": -0.8, "😒": -0.8, "😞": -0.8,
    "😔": -0.6, "😕": -0.5, "😢": -0.8, "😭": -1.0, "😩": -0.8, "😫": -0.8, "😖": -0.8, "😣": -0.6,
    "🤦": -1.0, "🤮": -1.5, "💩": -1.2,
}
# fmt: on
