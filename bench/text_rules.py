"""Day-one rules on the project's labelled service texts (tests/data/text/service_texts*.csv).

Run:  nice .venv/bin/python bench/text_rules.py [--half tune|test|fresh|fresh2|fresh3|all] [--errors]
service_texts.csv is split once, row by row, into a tuning half and a held-out test half (column `half`); only the
tuning half is looked at while the rules are written. service_texts_fresh.csv is a third part, written later by
another hand before the rules of that session were changed, and never tuned on; service_texts_fresh2.csv is a
fourth (half `fresh2`), written the same way before the rules-7 changes and never tuned on either;
service_texts_fresh3.csv is a fifth (half `fresh3`, 191 texts), written before the rules-11 changes without looking
at the rules or their misses, and read only as totals and confusion. --errors lists the misread texts of the chosen
part (use it on the tuning half only).
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from klantstem.text.evaluation import evaluate_rules
from klantstem.text.labelled import LabelledText, parse_labels
from klantstem.text.pipeline import Pipeline

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "text"


def load(half: str) -> list[tuple[dict[str, str], LabelledText]]:
    rows: list[dict[str, str]] = []
    for name in (
        "service_texts.csv",
        "service_texts_fresh.csv",
        "service_texts_fresh2.csv",
        "service_texts_fresh3.csv",
    ):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            rows += [r for r in csv.DictReader(handle) if half == "all" or r["half"] == half]
    return [(r, LabelledText(r["text"], parse_labels(r["labels"]), r["appraisal"] or None)) for r in rows]  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("tune", "test", "fresh", "fresh2", "fresh3", "all"), default="test")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    rows = load(args.half)
    pipeline = Pipeline()
    report: dict[str, object] = {"half": args.half}
    for name, keep in (
        ("all", lambda r: True),
        ("sentences", lambda r: r["kind"] == "sentence"),
        ("messages", lambda r: r["kind"] == "message"),
        ("english", lambda r: r["language"] == "en"),
        ("flemish", lambda r: r["language"] == "be"),
        ("mixed", lambda r: r["language"] == "mixed"),
    ):
        chosen = [ex for r, ex in rows if keep(r)]
        report[name] = evaluate_rules(chosen, pipeline)
    print(json.dumps(report, indent=1))
    if args.errors:
        for _, ex in rows:
            analysis = pipeline.analyse(ex.text)
            found = {f.facet: f.appraisal.level for f in analysis.facets}
            if (
                analysis.appraisal.level != ex.overall
                or found.keys() != ex.labels.keys()
                or any(found.get(f, lv) != lv for f, lv in ex.labels.items())
            ):
                text = ex.text.replace("\n", " / ")
                print(f"{ex.overall:9} {analysis.appraisal.level:9} {analysis.appraisal.score:5} | {text}")
                print(f"          gold {dict(ex.labels)}  rules {found}")


if __name__ == "__main__":
    main()
