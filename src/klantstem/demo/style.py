"""How a person writes: formal or informal, Flemish turns, typos now and then, sloppy punctuation in chats."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

INFORMAL_CHANNELS = ("whatsapp", "social_media", "review_site", "web_form")
CHAT_CHANNELS = ("whatsapp", "social_media")

# Netherlands Dutch -> Flemish turns (whole words only)
FLEMISH_WORDS = {
    "mobiel": "gsm", "telefoon": "gsm", "mobieltje": "gsm", "even": "efkes", "tevreden": "content",
    "leuk": "plezant", "bedankt": "merci", "straks": "seffens", "heel": "echt", "Dat is": "Da's",
    "meteen": "direct", "rekening": "factuur",
}  # fmt: skip
FLEMISH_OPENERS = ("Amai, ", "Allez, ", "Awel, ", "Zeg, ")
FLEMISH_TAILS = (", hé", ", zenne", "")
CHAT_WORDS = {"even": "ff", "eigenlijk": "eig", "natuurlijk": "natuurlijk", "niet": "nie", "jullie": "jullie"}
DT_SWAPS = {"wordt": "word", "gebeurt": "gebeurd", "vindt": "vind", "antwoord": "antwoordt", "gebeld": "gebelt"}

WORD = re.compile(r"\b\w+\b", re.UNICODE)


@dataclass(frozen=True)
class Voice:
    language: str  # nl or en
    formal: bool
    flemish: bool
    typo_rate: float  # chance per word of a slip of the finger
    sloppy: bool  # lower-case starts, missing full stops, !!! and ??


def voice_for(rng: random.Random, language: str, flemish: bool, channel: str) -> Voice:
    chatty = channel in INFORMAL_CHANNELS
    formal = rng.random() < (0.15 if chatty else 0.55)
    typo_rate = rng.choice((0.0, 0.0, 0.0, 0.01, 0.02, 0.04)) * (2 if chatty else 1)
    sloppy = channel in CHAT_CHANNELS and rng.random() < 0.5
    return Voice(language, formal, flemish, typo_rate, sloppy)


def apply(rng: random.Random, text: str, voice: Voice, mood: str = "normal") -> str:
    """The text as this person would write it."""
    if not text:
        return text
    if voice.language == "nl" and voice.flemish:
        text = _flemish(rng, text, mood)
    if voice.sloppy:
        text = _sloppy(rng, text, voice.language, mood)
    if voice.typo_rate > 0:
        text = _typos(rng, text, voice.typo_rate, voice.language)
    return text


def _flemish(rng: random.Random, text: str, mood: str) -> str:
    for standard, flemish in FLEMISH_WORDS.items():
        if rng.random() < 0.7:
            text = re.sub(rf"\b{standard}\b", flemish, text)
    if mood == "bad" and rng.random() < 0.5:
        text = rng.choice(FLEMISH_OPENERS) + text[0].lower() + text[1:]
    if rng.random() < 0.3 and text.endswith("."):
        text = text[:-1] + rng.choice(FLEMISH_TAILS) + "."
    return text


def _sloppy(rng: random.Random, text: str, language: str, mood: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    out: list[str] = []
    for sentence in sentences:
        if sentence and rng.random() < 0.3:
            sentence = sentence[0].lower() + sentence[1:]
        if language == "nl":
            for word, chat in CHAT_WORDS.items():
                if rng.random() < 0.4:
                    sentence = re.sub(rf"\b{word}\b", chat, sentence)
        if sentence.endswith(".") and rng.random() < 0.25:
            sentence = sentence[:-1]
        elif sentence.endswith("!") and mood == "bad":
            sentence += "!!"
        elif sentence.endswith("?") and rng.random() < 0.4:
            sentence += "?"
        out.append(sentence)
    return " ".join(out)


def _typos(rng: random.Random, text: str, rate: float, language: str) -> str:
    def slip(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 4 or rng.random() >= rate:
            return word
        if language == "nl" and word in DT_SWAPS and rng.random() < 0.7:
            return DT_SWAPS[word]
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == 1:
            return word[:i] + word[i + 1 :]
        return word[:i] + word[i] + word[i:]

    return WORD.sub(slip, text)
