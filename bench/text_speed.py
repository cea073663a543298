"""Text speed: the default pipeline (language, lemmas, appraisal, facets, facts) on short stories, streamed
over worker processes, and themes over 100,000 stories.

Run:  .venv/bin/python bench/text_speed.py [--stories 1000000] [--workers 2] [--themes 100000] [--write]
The stories are generated here from templates (Dutch and English, varied numbers and words): no data needed.

The whole command, as a user runs it (reading the file, analysing, writing JSON Lines), on message-length
stories, against another klantstem's source in the same run (`--peer-src`, e.g. `git archive main src | tar -x -C
/tmp/peer`), which is run with its own default, one process:
      .venv/bin/python bench/text_speed.py --command 1000000 --workers 2 --peer-src /tmp/peer/src --peer 50000
CPU per message of this source and the peer's, run side by side so that both meet the same load:
      .venv/bin/python bench/text_speed.py --pair 5000 --rounds 3 --peer-src /tmp/peer/src
Whether this source writes what the peer writes (every line equal as JSON, on the tests' labelled sets, messages
and short stories, and real texts in JSON Lines files given with --check-file):
      .venv/bin/python bench/text_speed.py --check 20000 --workers 2 --peer-src /tmp/peer/src [--check-file F]
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path
from xml.etree import ElementTree as ET

from klantstem.text.pipeline import Pipeline
from klantstem.text.themes import ThemeModel

TEMPLATES = [
    "Ik heb {n} minuten in de wacht gestaan en niemand belde {who} terug.",
    "De medewerker was {adv} vriendelijk en hielp me snel verder met mijn {thing}.",
    "Die brief over mijn {thing} snapt toch niemand?",
    "Het duurde {n} dagen voordat ik antwoord kreeg over de {thing}.",
    "Hun online systeem werkte niet, ik kon niet inloggen voor mijn {thing}.",
    "Ik moest mijn verhaal over de {thing} opnieuw vertellen, schrijven ze niets op?",
    "We bellen u binnen {n} minuten terug, zei ze. Dat is nooit gebeurd.",
    "Ik werd {n} keer doorverbonden naar een andere afdeling.",
    "De {thing} was na een week alweer kapot, {adv} teleurstellend.",
    "Het eten was niet slecht, maar de bediening was {adv} traag.",
    "Prima geholpen, niks op aan te merken.",
    "The agent was {adv} rude and I waited {n} minutes for my {thing}.",
    "Great service, they fixed my {thing} within {n} minutes!",
    "Nobody called me back about the {thing} and the app keeps crashing.",
    "Zalig gegeten en {adv} vriendelijke bediening!",
]
WORDS = {
    "who": ["mij", "ons", "me"],
    "adv": ["heel", "erg", "niet", "super", "echt", "een beetje", "totaal", "very", "really"],
    "thing": ["simkaart", "factuur", "bestelling", "aanvraag", "auto", "telefoon", "abonnement", "order", "bill"],
}


GREETINGS = ["Beste,\n\n", "Geachte heer, mevrouw,\n\n", "Hallo,\n\n", "Dear Sir or Madam,\n\n", "Hi,\n\n", ""]
SIGN_OFFS = ["\n\nMet vriendelijke groet,\nJan de Vries", "\n\nGroet,\nSanne", "\n\nKind regards,\nTom Baker", ""]


def stories(count: int, seed: int = 0, kind: str = "short") -> Iterator[str]:
    """Short stories (one template: one or two sentences, 40-90 characters) or messages (a greeting, two to four
    templates and a sign-off with a name: 150-450 characters, the length of a customer's e-mail or chat)."""
    rng = random.Random(seed)
    for _ in range(count):
        parts = [
            rng.choice(TEMPLATES).format(n=rng.randint(2, 90), **{k: rng.choice(v) for k, v in WORDS.items()})
            for _ in range(1 if kind == "short" else rng.randint(2, 4))
        ]
        body = " ".join(parts)
        yield body if kind == "short" else rng.choice(GREETINGS) + body + rng.choice(SIGN_OFFS)


def _work(batch: list[str]) -> Counter[str]:
    pipeline = _PIPELINE or Pipeline()
    levels: Counter[str] = Counter()
    for analysis in pipeline.analyse_many(batch):
        levels[analysis.appraisal.level] += 1
    return levels


_PIPELINE: Pipeline | None = None


def _init() -> None:
    global _PIPELINE
    _PIPELINE = Pipeline()
    list(_PIPELINE.analyse_many(list(stories(200, seed=99))))


def batches(count: int, size: int, kind: str = "short") -> Iterator[list[str]]:
    batch: list[str] = []
    for story in stories(count, kind=kind):
        batch.append(story)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_pipeline(count: int, workers: int, kind: str = "short") -> dict[str, float]:
    """Workers are spawned, not forked: lingua keeps a thread pool, and forking a threaded process can hang."""
    started, cpu = time.perf_counter(), time.process_time()
    levels: Counter[str] = Counter()
    if workers <= 1:
        _init()
        for batch in batches(count, 2000, kind):
            levels += _work(batch)
    else:
        with get_context("spawn").Pool(workers, initializer=_init) as pool:
            for result in pool.imap(_work, batches(count, 2000, kind), chunksize=1):
                levels += result
    wall = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = max(own.ru_maxrss, children.ru_maxrss) / 1024
    cpu_total = time.process_time() - cpu + children.ru_utime + children.ru_stime
    return {
        "stories": sum(levels.values()),
        "wall": wall,
        "rate": count / wall,
        "cpu": cpu_total,
        "peak_mb": peak_mb,
        "workers": workers,
    }


def write_stories(path: str, count: int, kind: str = "message") -> float:
    """`count` stories as JSON Lines; returns their mean length in characters."""
    total = 0
    with open(path, "w", encoding="utf-8") as handle:
        for n, text in enumerate(stories(count, seed=3, kind=kind)):
            total += len(text)
            handle.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
    return total / max(count, 1)


_CLI = "import sys; from klantstem.cli.main import main; sys.exit(main(sys.argv[1:]))"


def run_command(
    path: str, workers: int, source: str | None = None, keep: str | None = None, extra: tuple[str, ...] = ()
) -> dict[str, float]:
    """`klantstem text analyze PATH [--workers N] > out`, timed from outside: wall time and the CPU of the
    command and every process it starts. `source`: run that klantstem source instead of the installed one;
    `keep`: write the output to that file (else it is counted and dropped)."""
    argv = [sys.executable, "-c", _CLI, "text", "analyze", path, *extra]
    if workers > 1:
        argv += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": source} if source else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(keep, "w+b") if keep else tempfile.TemporaryFile() as out:
        subprocess.run(argv, stdout=out, check=True, env=env)
        wall = time.perf_counter() - started
        out.seek(0)
        written = sum(1 for _ in out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"stories": written, "wall": wall, "rate": written / wall, "cpu": cpu, "workers": workers}


def command_runs(count: int, workers: int, peer_src: str | None, peer_count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        load = os.getloadavg()[0]
        if peer_src:
            small = os.path.join(tmp, "peer.jsonl")
            mean = write_stories(small, peer_count)
            print(f"same run, {peer_count:,} messages (mean {mean:.0f} characters), load average {load:.1f}:")
            for name, source, n in (("peer", peer_src, 1), ("this", None, 1), ("this", None, workers)):
                r = run_command(small, n, source)
                print(
                    f"  {name}, {n} process(es): {r['stories']:,} in {r['wall']:.1f} s, {r['rate']:,.0f} stories/s, "
                    f"CPU {r['cpu']:.1f} s ({r['stories'] / r['cpu']:,.0f} per CPU second); "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
        if count:
            big = os.path.join(tmp, "stories.jsonl")
            mean = write_stories(big, count)
            load = os.getloadavg()[0]
            r = run_command(big, workers)
            print(
                f"{count:,} messages (mean {mean:.0f} characters), {workers} workers: {r['stories']:,} in "
                f"{r['wall']:.1f} s ({r['wall'] / 60:.1f} min), {r['rate']:,.0f} stories/s, CPU {r['cpu']:.0f} s "
                f"({r['stories'] / r['cpu']:,.0f} per CPU second); load average {load:.1f} before, "
                f"{os.getloadavg()[0]:.1f} after",
                flush=True,
            )


DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
EDGE_CASES = [
    "", " ", "\ud800", "a\u0130b İstanbul ſ ı K", "13.00 uur z.s.m. o.a. bijv. ca. nr. 5", "!!!???...", "0" * 500,
    "Beste,\n\nMijn pakket is nog steeds niet geleverd.\n\nMet vriendelijke groet,\nJan", "x" * 3000,
    "We bellen u morgen terug. De monteur komt dinsdag 12-3 langs. Binnen 3 werkdagen. In 2 weeks. vandaag!",
]


def write_real_texts(path: str) -> int:
    """Real texts from ../shared/data as JSON Lines (SemEval 2016 Dutch review sentences and whole reviews, a sample
    of 3,000 bitext customer-support requests and answers, banking77's test set) plus edge cases; their number."""
    texts = list(EDGE_CASES)
    semeval = DATA / "semeval2016-absa-nl" / "restaurants_dutch_training.xml"
    if semeval.exists():
        for review in ET.parse(semeval).getroot().iter("Review"):
            sentences = [s.findtext("text") or "" for s in review.iter("sentence")]
            texts.extend([*sentences, " ".join(sentences)])
    bitext = DATA / "bitext-customer-support" / "Bitext_Sample_Customer_Support_Training_Dataset.csv.gz"
    if bitext.exists():
        with gzip.open(bitext, "rt", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for row in random.Random(1).sample(rows, min(3000, len(rows))):
            texts.extend(row[k] for k in ("instruction", "response") if row.get(k))
    banking = DATA / "banking77" / "test.csv"
    if banking.exists():
        with banking.open(encoding="utf-8") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    with open(path, "w", encoding="utf-8") as handle:
        for n, text in enumerate(texts):
            handle.write(json.dumps({"id": n, "text": text}) + "\n")
    return len(texts)


LABELLED = sorted(glob.glob(str(Path(__file__).resolve().parents[1] / "tests" / "data" / "text" / "*.csv")))


_PAIR = """
import sys, time
sys.path.insert(0, {bench!r})
from text_speed import stories
from klantstem.text.parallel import json_lines, pipeline_for
count = int(sys.argv[1])
told = [(n, text, "") for n, text in enumerate(stories(count + 500, seed=3, kind="message"))]
pipeline = pipeline_for(None, None, False)
for _ in json_lines(pipeline, told[:500]):  # lexicons, matchers, lemma dictionaries: what every run builds once
    pass
started = time.process_time()
for _ in json_lines(pipeline, told[500:]):
    pass
print(time.process_time() - started)
"""


def pair_runs(count: int, peer_src: str, rounds: int) -> None:
    """This source and the peer's each analyse and encode `count` messages in one process, both at the same time
    (so both meet the same load), `rounds` times: CPU per message once warm, without start-up, reading or writing."""
    code = _PAIR.format(bench=os.path.dirname(os.path.abspath(__file__)))
    print(f"{count:,} messages per run, this source and the peer's side by side, load {os.getloadavg()[0]:.1f}:")
    for _ in range(rounds):
        runs = {}
        for name, source in (("peer", peer_src), ("this", None)):
            env = {**os.environ, "PYTHONPATH": source} if source else None
            runs[name] = subprocess.Popen([sys.executable, "-c", code, str(count)], stdout=subprocess.PIPE, env=env)
        cpu = {name: float(run.communicate()[0]) for name, run in runs.items()}
        print(
            f"  peer {1e6 * cpu['peer'] / count:.0f} us, this {1e6 * cpu['this'] / count:.0f} us CPU per message "
            f"({100 * (1 - cpu['this'] / cpu['peer']):.1f} % less); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def check_outputs(count: int, workers: int, peer_src: str, files: list[str]) -> bool:
    """This source's `text analyze` against the peer's on the tests' labelled sets (tests/data/text/*.csv), on real
    texts (`write_real_texts`) and each file in `files`, all with lemmas, and on `count` messages and `count` short
    stories (with lemmas): True when every line is equal as JSON (the bytes may differ: spacing, how a float is
    spelled)."""
    equal = True
    with tempfile.TemporaryDirectory() as tmp:
        real = os.path.join(tmp, "real.jsonl")
        print(f"real texts: {write_real_texts(real):,} (../shared/data and edge cases)", flush=True)
        named = [*((os.path.relpath(f), f) for f in LABELLED), ("real texts", real), *((f, f) for f in files)]
        runs: list[tuple[str, str, tuple[str, ...], int]] = [(label, f, ("--lemmas",), -1) for label, f in named]
        for kind, extra in (("message", ()), ("short", ("--lemmas",))):
            stories_path = os.path.join(tmp, f"{kind}.jsonl")
            with open(stories_path, "w", encoding="utf-8") as handle:
                for n, text in enumerate(stories(count, seed=5, kind=kind)):
                    handle.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
            runs.append((f"{kind}s", stories_path, extra, count))
        for label, stories_path, extra, expected in runs:
            kind = os.path.basename(stories_path)
            outputs = {}
            for name, source, n in (("peer", peer_src, 1), ("this", None, workers)):
                outputs[name] = os.path.join(tmp, f"{kind}-{name}.jsonl")
                run_command(stories_path, n, source, outputs[name], extra)
            with open(outputs["peer"], encoding="utf-8") as a, open(outputs["this"], encoding="utf-8") as b:
                peer_lines, these = a.readlines(), b.readlines()
            pairs = enumerate(zip(peer_lines, these, strict=False))  # a count that differs is told below
            differ = [n for n, (x, y) in pairs if json.loads(x) != json.loads(y)]
            same_count = len(peer_lines) == len(these) and expected in (-1, len(these))
            print(
                f"{label}{''.join(' ' + e for e in extra)}: {len(these):,} lines, peer {len(peer_lines):,}; "
                f"{len(differ)} differ as JSON" + (f" (first: line {differ[0] + 1})" if differ else ""),
                flush=True,
            )
            equal = equal and same_count and not differ
    return equal


def run_themes(count: int) -> dict[str, float]:
    texts = list(stories(count, seed=1))
    started, cpu = time.perf_counter(), time.process_time()
    model = ThemeModel.fit(texts, seed=0)
    wall = time.perf_counter() - started
    return {"stories": count, "wall": wall, "cpu": time.process_time() - cpu, "themes": len(model.themes)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=1_000_000)
    parser.add_argument("--single", type=int, default=50_000, help="stories for the one-process run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--themes", type=int, default=100_000)
    parser.add_argument("--write", action="store_true", help="write the figures into docs/benchmarks.md")
    parser.add_argument("--messages", type=int, default=0, help="also a one-process run on message-length stories")
    parser.add_argument("--command", type=int, default=None, help="time `klantstem text analyze` on N messages")
    parser.add_argument("--peer-src", default=None, help="with --command: the peer klantstem's src directory")
    parser.add_argument("--peer", type=int, default=50_000, help="with --peer-src: messages for the same-run ratio")
    parser.add_argument("--check", type=int, default=None, help="with --peer-src: compare outputs on N stories")
    parser.add_argument("--check-file", action="append", default=[], help="with --check: compare on this file too")
    parser.add_argument("--pair", type=int, default=None, help="with --peer-src: CPU per message side by side")
    parser.add_argument("--rounds", type=int, default=3, help="with --pair: how many times")
    args = parser.parse_args()
    if args.pair is not None:
        if not args.peer_src:
            parser.error("--pair needs --peer-src")
        pair_runs(args.pair, args.peer_src, args.rounds)
        return 0
    if args.check is not None:
        if not args.peer_src:
            parser.error("--check needs --peer-src")
        return 0 if check_outputs(args.check, args.workers, args.peer_src, args.check_file) else 1
    if args.command is not None:
        command_runs(args.command, args.workers, args.peer_src, args.peer)
        return 0
    load = os.getloadavg()
    if args.messages:
        lengths = [len(s) for s in stories(2000, kind="message")]
        msg = run_pipeline(args.messages, 1, "message")
        print(
            f"pipeline, 1 process, messages of {min(lengths)}-{max(lengths)} characters (mean "
            f"{sum(lengths) / len(lengths):.0f}): {msg['rate']:,.0f} stories/s, {msg['stories'] / msg['cpu']:,.0f} "
            f"per CPU second ({msg['stories']:,} in {msg['wall']:.1f} s, CPU {msg['cpu']:.1f} s)",
            flush=True,
        )
    single = run_pipeline(args.single, 1)
    print(f"pipeline, 1 process: {single['rate']:,.0f} stories/s ({single['stories']:,} in {single['wall']:.1f} s)")
    many = run_pipeline(args.stories, args.workers)
    print(
        f"pipeline, {args.workers} processes: {many['rate']:,.0f} stories/s, {many['stories']:,} in "
        f"{many['wall']:.1f} s, CPU {many['cpu']:.0f} s, peak RSS per process {many['peak_mb']:.0f} MB",
        flush=True,
    )
    themes = run_themes(args.themes)
    print(
        f"themes: {themes['stories']:,} stories in {themes['wall']:.1f} s (CPU {themes['cpu']:.0f} s), "
        f"{themes['themes']} themes"
    )
    after = os.getloadavg()
    print(f"load average (1 min) before {load[0]:.1f}, after {after[0]:.1f} on {os.cpu_count()} cores")
    if args.write:
        from text_report import replace_section

        replace_section("Text speed", _section(args, single, many, themes, load[0], after[0]))
    return 0


BUSY = "other work was running, so wall-clock figures are lower than on an idle machine"


def _section(args: argparse.Namespace, single: dict, many: dict, themes: dict, before: float, after: float) -> str:
    return f"""Command: `.venv/bin/python bench/text_speed.py --stories {args.stories} --workers {args.workers} \
--themes {args.themes} --write`

Machine: 2 cores, 24 GiB, Python 3.11. 1-minute load average {before:.1f} before the run \
({"a quiet machine" if before < 1 else BUSY}); \
the run's own processes raise it to {after:.1f}. CPU seconds are given to show the work itself.

Stories are short generated Dutch/English complaints and compliments (one or two sentences, 40-90 characters).
The default pipeline: cleaning, language (lingua, nl/en), lemmas (simplemma), appraisal, facets, facts.

| run | stories | wall time | stories/s | CPU time | peak memory |
|---|---|---|---|---|---|
| 1 process | {single["stories"]:,} | {single["wall"]:.1f} s | {single["rate"]:,.0f} | {single["cpu"]:.0f} s | \
{single["peak_mb"]:.0f} MB |
| {many["workers"]} processes, streamed in batches of 2,000 | {many["stories"]:,} | {many["wall"]:.1f} s | \
{many["rate"]:,.0f} | {many["cpu"]:.0f} s | {many["peak_mb"]:.0f} MB per process |
| themes (TF-IDF, SVD 100, k-means k={themes["themes"]}) | {themes["stories"]:,} | {themes["wall"]:.1f} s | | \
{themes["cpu"]:.0f} s | |

Goals: >= 5,000 stories/s, 1 million in < 5 minutes with peak memory < 4 GB, themes over 100,000 in < 1 minute.
Memory stays flat because stories are streamed: no process holds more than one batch of texts and results.

Reading: as measured, the pipeline reached {many["rate"]:,.0f} stories/s and 1 million in \
{many["wall"] / 60:.1f} minutes ({"meets" if many["wall"] < 300 else "misses"} the 5-minute goal as measured). \
The work itself took {many["cpu"]:.0f} CPU seconds, {many["stories"] / many["cpu"]:,.0f} stories per CPU second, \
so an idle 2-core machine would give about {2 * many["stories"] / many["cpu"]:,.0f} stories/s and 1 million in \
about {many["cpu"] / 2 / 60:.1f} minutes (an estimate from CPU time, not a measurement). Peak memory \
{many["peak_mb"] * many["workers"]:.0f} MB over all processes (goal < 4 GB). Themes over {themes["stories"]:,} \
stories: {themes["wall"]:.1f} s (goal < 60 s).
"""


if __name__ == "__main__":
    sys.exit(main())
