"""The demo organisation, Dijkzicht Groep: departments, teams, staff with roles, and third parties.

Dijkzicht runs three lines of business that between them carry every scenario in the seeds: Dijkzicht Mobiel
(telecom: SIM cards, bills, the 0900 line), Dijkzicht Auto (a car importer with a dealer network: test drives)
and Brasserie Dijkzicht (restaurants: the soup).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from klantstem.demo import names
from klantstem.demo.model import Row

ORGANISATION = "Dijkzicht Groep"
STAFF_DOMAIN = "dijkzicht.example"

DEPARTMENTS = (
    "Klantenservice",
    "Backoffice",
    "Facturatie",
    "Techniek",
    "Verkoop",
    "Juridische zaken",
    "Logistiek",
    "Brasserie",
)

# team key: (team name, department, number of agents)
TEAMS: dict[str, tuple[str, str, int]] = {
    "kcc1": ("KCC eerste lijn", "Klantenservice", 26),
    "kcc2": ("KCC tweede lijn", "Klantenservice", 10),
    "webcare": ("Webcare", "Klantenservice", 6),
    "klachten": ("Klachtenteam", "Klantenservice", 5),
    "orders": ("Backoffice Orders", "Backoffice", 8),
    "mutaties": ("Backoffice Mutaties", "Backoffice", 7),
    "facturatie": ("Facturatie en Incasso", "Facturatie", 7),
    "netwerk": ("Techniek Netwerk", "Techniek", 6),
    "storingen": ("Storingsdienst", "Techniek", 6),
    "verkoop": ("Verkoop Auto", "Verkoop", 6),
    "aftersales": ("Aftersales", "Verkoop", 4),
    "juridisch": ("Juridisch Advies", "Juridische zaken", 3),
    "logistiek": ("Logistiek en Retouren", "Logistiek", 5),
    "bediening": ("Bediening", "Brasserie", 10),
    "keuken": ("Keuken", "Brasserie", 6),
}

# third-party key: (name, kind)
THIRD_PARTIES: dict[str, tuple[str, str]] = {
    "dealer_rijn": ("Autobedrijf Van Rijn", "dealer"),
    "dealer_kempen": ("Autohuis De Kempen", "dealer"),
    "dealer_noord": ("Garage Noorderpoort", "dealer"),
    "simlog": ("SimLogistiek Benelux", "supplier"),
    "koerier": ("PakketSnel Koeriers", "courier"),
    "installateur": ("Glasvezel Montage Oost", "installer"),
    "incasso": ("Incassobureau Gerritsen & Co", "collection_agency"),
    "panel": ("Panelbureau Klantmeter", "survey_agency"),
}
DEALERS = ("dealer_rijn", "dealer_kempen", "dealer_noord")


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    first_name: str
    role: str
    team: str  # team key, "" for staff outside a team
    department_id: int | None


@dataclass(frozen=True)
class Team:
    id: int
    key: str
    name: str
    department_id: int
    department: str


@dataclass
class Organisation:
    departments: dict[str, int] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    staff: list[StaffMember] = field(default_factory=list)
    third_parties: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    _agents: dict[str, list[StaffMember]] = field(default_factory=dict)

    def agents(self, team: str) -> list[StaffMember]:
        if team not in self._agents:
            self._agents[team] = [s for s in self.staff if s.team == team and s.role == "agent"]
        return self._agents[team]

    def department_name(self, department_id: int | None) -> str | None:
        return next((n for n, i in self.departments.items() if i == department_id), None)

    def third_party_name(self, third_party_id: int | None) -> str | None:
        return next((v[1] for v in self.third_parties.values() if v[0] == third_party_id), None)

    def manager_of(self, department_id: int) -> StaffMember:
        return next(s for s in self.staff if s.role == "manager" and s.department_id == department_id)

    def by_role(self, role: str) -> list[StaffMember]:
        return [s for s in self.staff if s.role == role]


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'van 't Hof' -> 'vanthof', 'Öztürk' -> 'ozturk'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.lower() if ch.isascii() and ch.isalnum())


def build_organisation(rng: random.Random) -> Organisation:
    org = Organisation()
    org.rows["departments"] = [{"id": i, "name": n} for i, n in enumerate(DEPARTMENTS, start=1)]
    org.departments = {n: i for i, n in enumerate(DEPARTMENTS, start=1)}
    team_rows: list[Row] = []
    for i, (key, (name, department, _n)) in enumerate(TEAMS.items(), start=1):
        dep_id = org.departments[department]
        org.teams[key] = Team(i, key, name, dep_id, department)
        team_rows.append({"id": i, "name": name, "department_id": dep_id})
    org.rows["teams"] = team_rows
    org.rows["third_parties"] = [
        {"id": i, "name": name, "kind": kind} for i, (name, kind) in enumerate(THIRD_PARTIES.values(), start=1)
    ]
    org.third_parties = {key: (i, name, kind) for i, (key, (name, kind)) in enumerate(THIRD_PARTIES.items(), start=1)}
    _hire_staff(rng, org)
    return org


def _hire_staff(rng: random.Random, org: Organisation) -> None:
    plan: list[tuple[str, str, int | None]] = [("admin", "", None), ("admin", "", None)]
    for department, department_id in org.departments.items():
        lead_team = next(k for k, t in org.teams.items() if t.department == department)
        plan.append(("manager", lead_team, department_id))
    plan += [("analyst", "", org.departments["Klantenservice"])] * 3
    plan += [("interviewer", "", None)] * 5
    for key, team in org.teams.items():
        plan += [("agent", key, team.department_id)] * TEAMS[key][2]
    used: set[str] = set()
    rows: list[Row] = []
    for i, (role, team_key, dep_id) in enumerate(plan, start=1):
        first, last = _staff_name(rng)
        email = _unique_email(f"{ascii_slug(first)}.{ascii_slug(last)}", used)
        member = StaffMember(i, f"{first} {last}", first, role, team_key, dep_id)
        org.staff.append(member)
        rows.append(
            {
                "id": i,
                "name": member.name,
                "email": email,
                "role": role,
                "department_id": dep_id,
                "team_id": org.teams[team_key].id if team_key else None,
                "password_hash": None,
                "active": rng.random() > 0.04 or role != "agent",
            }
        )
    org.rows["staff"] = rows


def _staff_name(rng: random.Random) -> tuple[str, str]:
    pool = names.FIRST_NAMES_F if rng.random() < 0.55 else names.FIRST_NAMES_M
    return rng.choice(pool), rng.choice(names.SURNAMES)


def _unique_email(local: str, used: set[str]) -> str:
    candidate, n = local, 1
    while candidate in used:
        n += 1
        candidate = f"{local}{n}"
    used.add(candidate)
    return f"{candidate}@{STAFF_DOMAIN}"
