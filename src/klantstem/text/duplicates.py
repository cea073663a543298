"""Near-duplicate stories with MinHash (datasketch): the same story told twice by one customer, and
copy-paste complaints sent by many."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
SHINGLE = 3
NUM_PERM = 64


@dataclass(frozen=True)
class DuplicatePair:
    first: Hashable
    second: Hashable
    similarity: float  # estimated Jaccard similarity of word 3-gram sets
    same_customer: bool | None  # None when customers were not given


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def find_near_duplicates(
    stories: Iterable[tuple[Hashable, str] | tuple[Hashable, str, Hashable | None]],
    threshold: float = 0.8,
    num_perm: int = NUM_PERM,
) -> list[DuplicatePair]:
    """Pairs of stories whose word 3-grams overlap at least `threshold` (estimated), in input order."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    signatures: dict[Hashable, MinHash] = {}
    customers: dict[Hashable, Hashable | None] = {}
    pairs: list[DuplicatePair] = []
    for story in stories:
        key, text = story[0], story[1]
        customer = story[2] if len(story) > 2 else None
        grams = shingles(text)
        if not grams or key in signatures:
            continue
        signature = MinHash(num_perm=num_perm, seed=1)
        signature.update_batch(list(grams))
        for other in lsh.query(signature):
            similarity = float(signature.jaccard(signatures[other]))
            if similarity >= threshold:
                same = None if customer is None or customers[other] is None else customer == customers[other]
                pairs.append(DuplicatePair(other, key, round(similarity, 3), same))
        lsh.insert(key, signature)
        signatures[key] = signature
        customers[key] = customer
    return pairs


def groups(pairs: Iterable[DuplicatePair]) -> list[list[Hashable]]:
    """Connected groups of near-duplicates (each at least two stories)."""
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order: list[Hashable] = []
    for pair in pairs:
        for key in (pair.first, pair.second):
            if key not in parent:
                order.append(key)
        parent[root(pair.second)] = root(pair.first)
    found: dict[Hashable, list[Hashable]] = {}
    for key in order:
        found.setdefault(root(key), []).append(key)
    return [members for members in found.values() if len(members) > 1]
