"""The demo's customers: Dutch, Flemish and English-speaking people with addresses, identities and delegates."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from klantstem.demo import names
from klantstem.demo.model import Row
from klantstem.demo.organisation import ascii_slug
from klantstem.demo.period import Period, to_utc

SCOPES = ("all", "all", "facturatie;abonnement", "reparaties;levering", "abonnement")
SECOND_RECORD_SHARE = 0.015  # customers recorded a second time: signed up again, or typed in anew at a desk


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    last_name: str
    female: bool
    language: str  # nl or en
    flemish: bool
    town: str
    since: datetime  # customer since (local wall-clock time)
    email: str | None
    phone: str | None
    delegate_name: str | None = None
    delegate_relation: str | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def salutation(self) -> str:
        surname = self.last_name[0].upper() + self.last_name[1:]
        if self.language == "en":
            return f"{'Ms' if self.female else 'Mr'} {self.last_name}"
        return f"{'mevrouw' if self.female else 'meneer'} {surname}"


@dataclass
class People:
    persons: list[Person]
    rows: dict[str, list[Row]]
    second_records: list[tuple[int, int]]  # (first record, second record) of one person


def build_people(
    rng: random.Random, count: int, period: Period, twins: random.Random | None = None
) -> People:
    """`count` customers; with `twins`, a few of them are a second record of an earlier customer (their name
    written another way, the same address, another e-mail address or none), as real customer files have."""
    used_emails: set[str] = set()
    used_phones: set[str] = set()
    used_ids: set[str] = set()
    persons: list[Person] = []
    customers: list[Row] = []
    identities: list[Row] = []
    delegates: list[Row] = []
    second_records: list[tuple[int, int]] = []
    for cid in range(1, count + 1):
        # Always drawn, so that the other customers stay the same whether or not this one is a second record.
        person, postcode, address = _person(rng, cid, period, used_emails, used_phones)
        display_name = person.name
        if twins is not None and cid > 1 and twins.random() < SECOND_RECORD_SHARE:
            taken = {second for _first, second in second_records}
            first = twins.choice([p for p in persons if p.id not in taken])
            original = customers[first.id - 1]
            display_name = _written_otherwise(twins, first)
            postcode = original["postcode"].replace(" ", "") if twins.random() < 0.4 else original["postcode"]
            address = original["address"]
            email = _email(twins, first.first_name, first.last_name, used_emails) if twins.random() < 0.6 else None
            person = replace(first, id=cid, since=person.since, email=email, phone=person.phone,
                             delegate_name=None, delegate_relation=None)  # fmt: skip
            second_records.append((first.id, cid))
        customers.append(
            {
                "id": cid,
                "display_name": display_name,
                "postcode": postcode,
                "address": address,
                "language": person.language,
                "opted_out": rng.random() < 0.03,
                "merged_into_id": None,
                "created_at": to_utc(person.since),
            }
        )
        identities += _identities(rng, person, used_phones, used_ids, len(identities))
        if rng.random() < 0.06:
            row = _delegate(rng, person, period, len(delegates) + 1)
            delegates.append(row)
            person = replace(person, delegate_name=row["name"], delegate_relation=row["relation"])
        persons.append(person)
    rows = {"customers": customers, "customer_identities": identities, "delegates": delegates}
    return People(persons, rows, second_records)


def _written_otherwise(rng: random.Random, person: Person) -> str:
    """The person's name as someone else typed it: initial only, surname first, or one slip of the finger."""
    how = rng.choice(("initial", "surname first", "slip"))
    surname = person.last_name[0].upper() + person.last_name[1:]
    if how == "initial":
        return f"{person.first_name[0]}. {person.last_name}"
    if how == "surname first":
        return f"{surname}, {person.first_name}"
    words = person.last_name.split()
    last = words[-1]
    if len(last) >= 4:
        at = rng.randrange(1, len(last) - 2)
        words[-1] = last[:at] + last[at + 1] + last[at] + last[at + 2 :]
    return f"{person.first_name} {' '.join(words)}"


def _person(
    rng: random.Random, cid: int, period: Period, used_emails: set[str], used_phones: set[str]
) -> tuple[Person, str, str]:
    kind = rng.choices(("nl", "en", "be"), weights=(87, 10, 3))[0]
    female = rng.random() < 0.52
    if kind == "en":
        first, last = rng.choice(names.ENGLISH_FIRST), rng.choice(names.ENGLISH_SURNAMES)
        town = rng.choice(names.EXPAT_TOWNS)
    elif kind == "be":
        first = rng.choice(names.FIRST_NAMES_F if female else names.FIRST_NAMES_M)
        last = rng.choice(names.FLEMISH_SURNAMES)
        town = rng.choice(names.BELGIAN_TOWNS)[0]
    else:
        first = rng.choice(names.FIRST_NAMES_F if female else names.FIRST_NAMES_M)
        last = rng.choice(names.SURNAMES)
        town = rng.choices([t[0] for t in names.TOWNS], weights=[t[4] for t in names.TOWNS])[0]
    postcode = _postcode(rng, town, kind == "be")
    number = f"{rng.randint(1, 180)}{rng.choice(('', '', '', '', 'a', 'b', '-2', ' bis'))}"
    street = rng.choice(names.FLEMISH_STREETS if kind == "be" else names.STREETS)
    address = f"{street} {number.strip()}, {town}"
    email = _email(rng, first, last, used_emails) if rng.random() < 0.93 else None
    phone = _phone(rng, kind, town, used_phones) if rng.random() < 0.9 else None
    since = _since(rng, period)
    person = Person(cid, first, last, female, "en" if kind == "en" else "nl", kind == "be", town, since, email, phone)
    return person, postcode, address


def _postcode(rng: random.Random, town: str, belgian: bool) -> str:
    if belgian:
        low, high = next((t[1], t[2]) for t in names.BELGIAN_TOWNS if t[0] == town)
        return str(rng.randint(low, high))
    low, high = next((t[1], t[2]) for t in names.TOWNS if t[0] == town)
    letters = rng.choice(names.POSTCODE_LETTERS) + rng.choice(names.POSTCODE_LETTERS)
    return f"{rng.randint(low, high)} {letters}"


def _email(rng: random.Random, first: str, last: str, used: set[str]) -> str:
    f, s = ascii_slug(first), ascii_slug(last)
    pattern = rng.choice((f"{f}.{s}", f"{f}{s}", f"{f[0]}.{s}", f"{f}_{s}{rng.randint(60, 99)}", f"{s}.{f}"))
    local, n = pattern, 1
    while f"{local}@" in used:
        n += 1
        local = f"{pattern}{n}"
    used.add(f"{local}@")
    return f"{local}@{rng.choice(names.EMAIL_DOMAINS)}"


def _phone(rng: random.Random, kind: str, town: str, used: set[str]) -> str:
    while True:
        if kind == "be":
            number = f"+324{rng.choice('789')}{rng.randrange(10**7):07d}"
        elif kind == "en" and rng.random() < 0.3:
            number = f"+447{rng.choice('4579')}{rng.randrange(10**8):08d}"
        elif rng.random() < 0.8:
            number = f"+316{rng.randint(1, 5)}{rng.randrange(10**7):07d}"
        else:
            area = next(t[3] for t in names.TOWNS if t[0] == town)
            local_len = 9 - len(area)
            number = f"+31{area}{rng.randint(2, 9)}{rng.randrange(10 ** (local_len - 1)):0{local_len - 1}d}"
        if number not in used:
            used.add(number)
            return number


def _since(rng: random.Random, period: Period) -> datetime:
    if rng.random() < 0.15:  # became a customer during the period
        day = period.start + timedelta(days=rng.randrange(int(period.days * 0.8)))
    else:
        day = period.start - timedelta(days=rng.randint(30, 12 * 365))
    return datetime.combine(day, time(rng.randint(8, 20), rng.randrange(60)))


def _identities(
    rng: random.Random, person: Person, used_phones: set[str], used_ids: set[str], offset: int
) -> list[Row]:
    found: list[tuple[str, str]] = []
    if person.email:
        found.append(("email", person.email.lower()))
    if person.phone:
        found.append(("phone", person.phone))
        if rng.random() < 0.12 and not person.flemish:
            second = _phone(rng, "nl", person.town if person.language == "nl" else "Amsterdam", used_phones)
            found.append(("phone", second))
    if rng.random() < 0.65:
        external = f"KL{rng.randrange(10**6, 10**7)}"
        while external in used_ids:
            external = f"KL{rng.randrange(10**6, 10**7)}"
        used_ids.add(external)
        found.append(("external", external))
    return [
        {"id": offset + i, "customer_id": person.id, "kind": kind, "value": value}
        for i, (kind, value) in enumerate(found, start=1)
    ]


def authorise_partner(rng: random.Random, person: Person, when: datetime, delegate_id: int) -> Row:
    """After a partner was turned away on the phone (seed 004), the customer authorises them."""
    first = rng.choice(names.FIRST_NAMES_M if person.female else names.FIRST_NAMES_F)
    return {
        "id": delegate_id,
        "customer_id": person.id,
        "name": f"{first} {person.last_name}",
        "relation": "partner",
        "phone": f"+316{rng.randint(1, 5)}{rng.randrange(10**7):07d}",
        "email": None,
        "scope": "all",
        "valid_from": to_utc(when),
        "valid_until": None,
    }


def _delegate(rng: random.Random, person: Person, period: Period, delegate_id: int) -> Row:
    relation = rng.choice(names.RELATIONS_NL)
    if relation == "partner":
        first = rng.choice(names.FIRST_NAMES_M if person.female else names.FIRST_NAMES_F)
        name = f"{first} {person.last_name}"
    else:
        name = f"{rng.choice(names.FIRST_NAMES_F + names.FIRST_NAMES_M)} {rng.choice(names.SURNAMES)}"
    if relation in ("dochter", "zoon"):
        name = f"{name.split()[0]} {person.last_name}"
    start = period.start - timedelta(days=rng.randint(-200, 900))
    end_kind = rng.random()
    until: date | None = None
    if end_kind < 0.35:
        until = period.until + timedelta(days=rng.randint(30, 700))
    elif end_kind < 0.55:
        until = period.start + timedelta(days=rng.randint(10, period.days - 10))
    return {
        "id": delegate_id,
        "customer_id": person.id,
        "name": name,
        "relation": relation,
        "phone": f"+316{rng.randint(1, 5)}{rng.randrange(10**7):07d}" if rng.random() < 0.8 else None,
        "email": None,
        "scope": rng.choice(SCOPES) if relation != "bewindvoerder" else "facturatie;betalingen",
        "valid_from": to_utc(datetime.combine(start, time(9))),
        "valid_until": to_utc(datetime.combine(until, time(23, 59))) if until else None,
    }
