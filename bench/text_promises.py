"""Promises found in text (klantstem.promises.from_text) on the project's promise sentences
(tests/data/text/promise_texts.csv: text, inbound, made_at in Europe/Amsterdam, kind, party, due_at).

Run:  nice .venv/bin/python bench/text_promises.py [--half tune|test|all|fresh|fresh2|...|fresh7|every] [--errors]
`every` prints one line for each part.
`all` is the tuning and the test half; `fresh` holds 34 sentences (27 promises) written later, before the rules of
that session were changed, and never tuned on; `fresh2` holds 32 more (25 promises), written by the lead in the
next session after that session's rules were changed on `fresh`'s errors, measured once before changes (14 of 25);
`fresh3` (17 promises) and `fresh4` (12) were each written after the round of changes before them and measured
once before the next (fresh3 7 of 17, then tuned on; fresh4 7 of 12, never tuned on); `fresh5` (12) was written
by another engineer of that session and never tuned on (6 of 12). `fresh6` and `fresh7` (12 promises and 3
sentences without one each: e-mails with greetings and sign-offs, chats, call notes; Dutch, Flemish, English) were
written by helper 22p of the next session before any rule was changed and are read only as totals. `dev` (26
promises, 9 without) was written by the same helper after the first round of structure rules, `dev2` (24, 8
without, more English) after the second, `dev3` (15, 5 without) after the third; all to tune on, each measured
once first (dev 16 of 26, dev2 20 of 24, dev3 10 of 15 and 1 of 5 without, dev4 (16, 4 without) 9 of 16,
dev5 (13, 4 without) 9 of 13).
A promise counts as right when it is found with the right party (the organisation or a third party) and its
due time falls on the right day; a sentence without a promise counts as right when nothing is found.
"""

from __future__ import annotations

import argparse
import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from klantstem.business_calendar import BusinessCalendar
from klantstem.promises.due import due_from_phrase
from klantstem.promises.from_text import promises_in

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "text" / "promise_texts.csv"
ZONE = ZoneInfo("Europe/Amsterdam")


def read(row: dict[str, str], calendar: BusinessCalendar) -> tuple[str, str, str]:
    """(party, kind, due) as read from the row's text: party "none" when no promise is found."""
    found = promises_in(row["text"], row["inbound"] == "1")
    if not found:
        return "none", "none", ""
    first = found[0]
    made = datetime.strptime(row["made_at"], "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)
    due = due_from_phrase(first.due_phrase, made, calendar).astimezone(ZONE).strftime("%Y-%m-%d %H:%M")
    return ("third" if first.by_someone_else else "org"), first.kind, due


PARTS = (
    "tune", "test", "all", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "dev", "dev2", "dev3",
    "dev4", "dev5",
)  # fmt: skip


def measure(half: str, all_rows: list[dict[str, str]], calendar: BusinessCalendar, errors: bool) -> str:
    """One line of figures for one part; with `errors`, each miss is printed first."""
    rows = [r for r in all_rows if half in (r["half"], "all" if r["half"] in ("tune", "test") else "")]
    promises = [r for r in rows if r["party"] != "none"]
    right_day = right_time = right_kind = found_any = kept_out = 0
    for row in rows:
        party, kind, due = read(row, calendar)
        if row["party"] == "none":
            kept_out += party == "none"
            ok = party == "none"
        else:
            found_any += party != "none"
            ok = party == row["party"] and due[:10] == row["due_at"][:10]
            right_day += ok
            right_time += ok and due == row["due_at"]
            right_kind += ok and kind == row["kind"]
        if errors and not ok:
            print(f"{row['text']!r}: read {party} {kind} {due}, expected {row['party']} {row['kind']} {row['due_at']}")
    return (
        f"half {half}: {len(promises)} promises, found {found_any}, right party and due day {right_day} "
        f"({right_day / len(promises):.1%}), also the due time {right_time}, also the kind {right_kind}; "
        f"{kept_out} of {len(rows) - len(promises)} sentences without a promise read as none"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=(*PARTS, "every"), default="test")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    calendar = BusinessCalendar()
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for half in [p for p in PARTS if p != "all"] if args.half == "every" else [args.half]:
        print(measure(half, rows, calendar, args.errors))


if __name__ == "__main__":
    main()
