"""Benchmark: import 1,000,000 contacts from CSV into a fresh SQLite file through the CLI.

Generates (seeded, once) a realistic Dutch contact export under bench/out/: about 100,000 customers whose
identities are written in several ways, channels and directions as Dutch and English synonyms, dates in ISO
and Dutch forms, departments, staff, cases and third parties. Then runs `klantstem import contacts` in a
child process and reports rows per second and the child's peak memory (maximum resident set size).

    .venv/bin/python bench/import_contacts.py [--rows 1000000] [--customers 100000] [--seed 7]

Figures go to stdout and to bench/out/import_contacts.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from klantstem.db.engine import open_database
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
KLANTSTEM = Path(sys.executable).parent / "klantstem"

FIRST = ["Jan", "Piet", "Els", "Fatima", "Mohamed", "Sanne", "Daan", "Emma", "Lucas", "Noor", "Sem", "Julia",
         "Bram", "Tess", "Anouk", "Mehmet", "Priya", "Kees"]  # fmt: skip
LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "el Amrani",
        "Dekker", "Bos", "Vos", "Peters", "Hendriks"]  # fmt: skip
DOMAINS = ["example.nl", "voorbeeld.nl", "mail.example.com", "provider.nl"]
CHANNELS = ["telefoon", "phone", "e-mail", "email", "WhatsApp", "webformulier", "brief", "balie", "social media",
            "review"]  # fmt: skip
CHANNEL_WEIGHTS = [30, 8, 20, 5, 12, 10, 6, 4, 3, 2]
DIRECTIONS = ["inkomend", "uitgaand", "inbound", "outbound", ""]
DEPARTMENTS = ["Klantenservice", "Verkoop", "Facturatie", "Techniek", "Logistiek", "Vergunningen", "Belastingen",
               "Werkplaats", "Klachten", "Backoffice", "Online", "Retail"]  # fmt: skip
THIRD_PARTIES = ["Autobedrijf Noord", "Dealer Zuid", "PostNL", "Koeriersdienst Snel", "Installateur Oost"]
SUBJECTS = ["Simkaart", "Factuur", "Proefrit", "Levering", "Storing", "Aanvraag vergunning", "Klacht", "Afspraak",
            "Terugbelverzoek", "Opzegging", "Verhuizing", "Betaling", "Reparatie", "Bezwaar", "Informatie"]  # fmt: skip
SENTENCES = [
    "Ik heb al drie keer gebeld en niemand belt terug.",
    "De brief die ik kreeg begrijp ik niet.",
    "Mijn simkaart is na tien dagen nog steeds niet binnen.",
    "De medewerker was erg vriendelijk en heeft het direct opgelost.",
    "Ik moest mijn verhaal opnieuw vertellen.",
    "Het online systeem werkt niet, ik krijg steeds een foutmelding.",
    "Ze zouden binnen een half uur bellen en dat deden ze ook.",
    "Na de proefrit zou de dealer bellen, maar ik hoorde niets.",
    "We waited 45 minutes for the soup.",
    "Could someone please call me back about my invoice?",
    "De monteur kwam op tijd en alles werkt weer.",
    "Ik ben doorverbonden en daarna viel de verbinding weg.",
]


def generate(path: Path, rows: int, customers: int, seed: int) -> None:
    rng = random.Random(seed)
    people = [_person(rng, number) for number in range(customers)]
    staff = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}" for number in range(250)]
    start = datetime(2025, 1, 1)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["customer_ref", "email", "phone", "name", "postcode", "channel", "direction", "occurred_at",
                      "department", "staff", "case_ref", "subject", "text", "third_party"])  # fmt: skip
        channels = rng.choices(CHANNELS, CHANNEL_WEIGHTS, k=rows)
        for number in range(rows):
            person = people[int(customers * rng.random() ** 1.6)]
            moment = start + timedelta(seconds=rng.randrange(2 * 365 * 86400))
            out.writerow([*_identity_cells(rng, person), channels[number], rng.choice(DIRECTIONS),
                          _written_date(rng, moment), rng.choice(DEPARTMENTS),
                          rng.choice(staff) if rng.random() < 0.8 else "",
                          f"Z-{rng.randrange(150_000):06d}" if rng.random() < 0.4 else "",
                          rng.choice(SUBJECTS), " ".join(rng.sample(SENTENCES, rng.randint(1, 4))),
                          rng.choice(THIRD_PARTIES) if rng.random() < 0.05 else ""])  # fmt: skip
    tmp.replace(path)


def _person(rng: random.Random, number: int) -> dict[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{first}.{last.replace(' ', '')}{number}@{rng.choice(DOMAINS)}".lower() if rng.random() < 0.7 else ""
    phone = f"06{rng.randint(10_000_000, 59_999_999)}" if rng.random() < 0.6 else ""
    postcode = f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
    return {"ref": f"K{number:07d}", "email": email, "phone": phone, "name": f"{first} {last}", "postcode": postcode}


def _identity_cells(rng: random.Random, person: dict[str, str]) -> list[str]:
    """As exports write them: sometimes the customer number with details, sometimes only an address."""
    phone = person["phone"]
    if phone:
        phone = rng.choice([phone, f"{phone[:2]}-{phone[2:]}", f"+31 6 {phone[2:]}", f"06 {phone[2:6]} {phone[6:]}"])
    email = person["email"]
    if email and rng.random() < 0.2:
        email = email.capitalize()
    pick = rng.random()
    if pick < 0.6:
        return [person["ref"], email, phone, person["name"], person["postcode"]]
    if pick < 0.8 and email:
        return ["", email, "", person["name"], ""]
    if phone:
        return ["", "", phone, "", ""]
    return [person["ref"], "", "", person["name"], ""]


def _written_date(rng: random.Random, moment: datetime) -> str:
    pick = rng.random()
    if pick < 0.6:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    if pick < 0.9:
        return moment.strftime("%d-%m-%Y %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M:%S+01:00")


def run_import(csv_path: Path, db_path: Path) -> dict[str, object]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    open_database(Settings().with_database(str(db_path)), create=True).dispose()  # create and migrate it beforehand
    command = [str(KLANTSTEM), "import", "contacts", str(csv_path), "--db", str(db_path), "--format", "json"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak: list[float] = [0.0]
    cpu: dict[int, float] = {}
    sampler = threading.Thread(target=_sample_memory, args=(child.pid, peak, cpu), daemon=True)
    sampler.start()
    stdout = child.stdout.read() if child.stdout else b""
    stderr = child.stderr.read() if child.stderr else b""
    _, status, usage = os.wait4(child.pid, 0)
    sampler.join()
    wall = time.perf_counter() - started
    readers = [seconds for pid, seconds in cpu.items() if pid != child.pid]  # last sample: close to its total
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed: {stderr.decode(errors='replace')}")
    result = json.loads(stdout)
    return {
        "command": " ".join(command),
        "rows": result["rows"],
        "added": result["added"],
        "customers_added": result["customers_added"],
        "import_seconds": result["seconds"],
        "wall_seconds": round(wall, 2),
        "rows_per_second": round(result["rows"] / result["seconds"]),
        "rows_per_second_wall": round(result["rows"] / wall),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "cpu_seconds_importing_process": round(usage.ru_utime + usage.ru_stime - sum(readers), 2),
        "cpu_seconds_reading_process": round(sum(readers), 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "peak_pss_all_processes_mib": round(peak[0], 1),
        "load_average_after": [round(load, 2) for load in os.getloadavg()],
    }


def _sample_memory(pid: int, peak: list[float], cpu: dict[int, float]) -> None:
    """Peak of the summed proportional set size (PSS) of the import and its reading process, every 0.1 s; and
    the CPU seconds (user + system) each process had used when last seen.

    PSS counts memory shared by the two processes (after fork) once, so the sum is what they use together.
    """
    tick = os.sysconf("SC_CLK_TCK")
    while Path(f"/proc/{pid}").exists():
        total = 0.0
        for member in _family(pid):
            try:
                rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
                total += int(rollup.split("Pss:")[1].split()[0]) / 1024
                fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[member] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
        peak[0] = max(peak[0], total)
        time.sleep(0.1)


def _family(pid: int) -> list[int]:
    try:
        return [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
    except (FileNotFoundError, ProcessLookupError):
        return [pid]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1, help="import into a fresh database this many times")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    csv_path = OUT / f"contacts_{args.rows}_{args.customers}_{args.seed}.csv"
    if not csv_path.exists():
        started = time.perf_counter()
        generate(csv_path, args.rows, args.customers, args.seed)
        print(f"generated {csv_path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    runs = []
    for _ in range(args.runs):
        load_before = [round(load, 2) for load in os.getloadavg()]
        runs.append({"load_average_before": load_before, **run_import(csv_path, OUT / "import_contacts.db")})
        print(json.dumps(runs[-1]), file=sys.stderr)
    figures = {
        "file": csv_path.name,
        "file_mib": round(csv_path.stat().st_size / 2**20, 1),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "best_rows_per_second": max(run["rows_per_second"] for run in runs),
        "runs": runs,
    }
    (OUT / "import_contacts.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
