"""Duplicate suggestions: customers with a similar name at the same postcode or the same address.

Pure: takes candidate rows, returns suggestions for a person to confirm. Nothing is merged automatically.
Names are compared with rapidfuzz's token-sort ratio, so "Vries, Jan de" and "Jan de Vries" are alike; a name
written with initials ("N. de Bruin", "N.J. de Bruin", as Dutch files often hold them) is compared with the other
name's initials ("Nathalie de Bruin" as "N. de Bruin"), so initials match the names they stand for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from klantstem.customers.model import CandidateRow, DuplicateSuggestion

_NOT_WORD = re.compile(r"[^\w]+")
MAX_GROUP = 5000  # a postcode or address shared by more customers than this is not a household; skipped


def name_key(name: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", name.lower()).split())


def address_key(address: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", address.lower()).split())


def postcode_key(postcode: str) -> str:
    return postcode.replace(" ", "").upper()


def suggest_duplicates(rows: Sequence[CandidateRow], threshold: float) -> list[DuplicateSuggestion]:
    """Pairs of customers whose names score at least `threshold` (0-100) and that share a postcode or address."""
    if not 0 <= threshold <= 100:
        raise ValueError("threshold is a score from 0 to 100")
    groups: dict[tuple[str, str], list[CandidateRow]] = defaultdict(list)
    for row in rows:
        if row.postcode and row.postcode.strip():
            groups[("same postcode", postcode_key(row.postcode))].append(row)
        if row.address and row.address.strip():
            groups[("same address", address_key(row.address))].append(row)
    found: dict[tuple[int, int], tuple[float, set[str], str, str]] = {}
    for (reason, _key), members in groups.items():
        if not 2 <= len(members) <= MAX_GROUP:
            continue
        for first, second, score in _similar_pairs(members, threshold):
            pair = (min(first.id, second.id), max(first.id, second.id))
            low, high = (first, second) if first.id < second.id else (second, first)
            _score, reasons, _a, _b = found.setdefault(pair, (score, set(), low.name, high.name))
            reasons.add(reason)
    suggestions = [
        DuplicateSuggestion(pair[0], pair[1], score, tuple(sorted(reasons)), a, b)
        for pair, (score, reasons, a, b) in found.items()
    ]
    suggestions.sort(key=lambda s: (-s.score, -len(s.reasons), s.first_id, s.second_id))
    return suggestions


def initials_key(name: str) -> tuple[str, bool]:
    """The name with its given names as initials ("nathalie de bruin" -> "n de bruin"), and whether the name was
    written with initials already. Dotted initials ("N.J.") count as initials; the surname is the rest;
    "De Bruin, N." reads as "N. De Bruin"."""
    surname, comma, given_names = name.partition(",")
    if comma and given_names.strip():
        name = f"{given_names} {surname}"
    words = name.replace(".", ". ").split()
    given: list[str] = []
    while len(words) > 1 and (words[0].endswith(".") or len(words[0]) == 1):
        given.append(words.pop(0).rstrip(".").lower())
    if given:
        return " ".join([*given, name_key(" ".join(words))]), True
    key = name_key(name).split()
    return " ".join([key[0][:1], *key[1:]]) if len(key) > 1 else " ".join(key), False


def _similar_pairs(members: Sequence[CandidateRow], threshold: float) -> list[tuple[CandidateRow, CandidateRow, float]]:
    names = [name_key(m.name) for m in members]
    scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, workers=1)
    initials = [initials_key(m.name) for m in members]
    written_so = np.array([has for _key, has in initials])
    if written_so.any():  # where one name is written with initials, the initials decide
        short = [key for key, _has in initials]
        by_initials = process.cdist(short, short, scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
        first = np.array([key[:1] for key in short])
        either = written_so[:, None] | written_so[None, :]
        agree = first[:, None] == first[None, :]
        # "A. Jansen" and "B. Jansen" are two people, however alike the rest of the name.
        scores = np.where(either, np.where(agree, np.maximum(scores, by_initials), 0), scores)
    upper = np.triu(scores, k=1)
    hits = np.argwhere(upper >= max(threshold, 1.0))
    return [
        (members[int(i)], members[int(j)], float(upper[i, j]))
        for i, j in hits
        if members[int(i)].id != members[int(j)].id and names[int(i)]
    ]
