"""Planning cases: walk a scenario's beats and give each a moment, a team, a person and an appraisal.

The walk also plays out promises (kept on time, kept late, never kept), adds the noise real service processes
have (ping-pong between teams, waiting for the customer, assignments, notes) and stops at the end of the period,
leaving late cases open.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from klantstem.demo import plants
from klantstem.demo.beats import ask_customer, minutes, office, pickup
from klantstem.demo.model import Beat, CasePlan, PlannedBeat, PlannedPromise, PromiseSpec, Scenario
from klantstem.demo.organisation import DEALERS, Organisation, StaffMember
from klantstem.demo.people import Person
from klantstem.demo.period import CHANNEL_RHYTHM, Period
from klantstem.demo.scenarios import BRANDS

APPRAISALS = ("bad", "normal", "excellent")
OUTCOMES = ("kept", "broken", "cancelled")
INBOUND = {"phone": 44, "email": 20, "whatsapp": 14, "web_form": 11, "visit": 4, "letter": 3, "social_media": 4}
OUTBOUND = {"phone": 55, "email": 40, "letter": 5}
SPOKEN_RESOLUTION = 0.25  # share of resolutions told to the customer in a contact of their own
SYSTEM_KEYS = ("gen.autoreply", "proef.ack", "gen.reminder")
ADMIN_KEYS = ("gen.categorise", "gen.priority", "gen.identify", "gen.assign", "gen.note", "gen.link", "gen.knowledge",
              "gen.enqueue", "gen.file", "gen.draft")  # fmt: skip
# the customer's appraisal of the step that keeps (or finally keeps) a promise
FULFILLED_VIEW = {"kept": (0.05, 0.7, 0.25), "broken": (0.85, 0.15, 0.0), "cancelled": (0.3, 0.7, 0.0)}
APPROVALS = ("bill.correct", "mandate.decision", "letter.new", "res.voucher", "lease.approved", "service.extra_cost",
             "cancel.final_bill")  # fmt: skip
MODELS = ("Nova E", "Stratos", "Aura Touring", "Caspian Hybrid", "Vela")
PRODUCTS = ("Onbeperkt 20 GB", "Sim Only Basis", "Internet + TV Compleet", "Zakelijk Flex", "Onbeperkt Max")


@dataclass
class _Walk:
    """State while one case is walked."""

    plan: CasePlan
    case_channel: str
    team_before_transfer: str = ""
    prev_team: str = ""
    outcome: str = ""
    pending: dict[str, PlannedPromise] = field(default_factory=dict)
    happened: list[str] = field(default_factory=list)
    staff_by_team: dict[str, StaffMember] = field(default_factory=dict)
    ping_pong_done: bool = False
    customer_wait_done: bool = False


def plan_case(
    rng: random.Random, case_id: int, scenario: Scenario, person: Person, org: Organisation, period: Period
) -> CasePlan:
    dealer = rng.choice(DEALERS)
    context = {
        "brand": BRANDS[scenario.line],
        "dealer_key": dealer,
        "dealer": org.third_parties[dealer][1],
        "model": rng.choice(MODELS),
        "product": rng.choice(PRODUCTS),
        "hold": str(47 if rng.random() < 0.35 else rng.randint(12, 58)),
        "guests": str(rng.choice((2, 2, 2, 3, 4, 4, 5, 6, 8))),
        "town": person.town,
        "delegate": person.delegate_name or "",
        "partner_delegate": "yes" if person.delegate_relation == "partner" else "",
    }
    plan = CasePlan(
        case_id, "", scenario, person.id, 0, org.departments[scenario.department], [], context, False, person.language
    )
    walk = _Walk(plan, rng.choices(list(INBOUND), weights=list(INBOUND.values()))[0])
    first = scenario.beats[0]
    rhythm = _rhythm(first, first.team, walk)
    moment = period.moment_on(rng, _start_day(rng, period, rhythm, person.since), rhythm)
    plan.external_id = f"DZ-{moment.year}-{case_id:06d}"
    scenario = plan.scenario = plants.as_of(scenario, moment.date())
    todo = _expand(rng, scenario.beats)
    i = 0
    while i < len(todo):
        beat = todo[i]
        i += 1
        if not _applies(rng, beat, walk):
            continue
        planned = _place(rng, beat, moment, walk, org, period)
        if planned is None:
            break
        if beat.key not in ADMIN_KEYS:  # paperwork does not hold up the next step
            moment = planned.at
        _extra_beats(rng, todo, i, beat, walk, scenario)
    _finish(plan, walk, org)
    return plan


def _start_day(rng: random.Random, period: Period, rhythm: str, since: datetime) -> date:
    for _ in range(40):
        day = period.random_day(rng, rhythm, last_share=0.97)
        if day >= since.date():
            return day
    return max(since.date(), period.start)


def _expand(rng: random.Random, beats: tuple[Beat, ...]) -> list[Beat]:
    todo: list[Beat] = []
    for beat in beats:
        low, high = beat.repeat
        todo += [beat] * rng.randint(low, high)
    return todo


def _applies(rng: random.Random, beat: Beat, walk: _Walk) -> bool:
    if beat.when and beat.when != walk.outcome:
        return False
    if beat.needs and beat.needs not in walk.happened:
        return False
    if beat.unless and walk.plan.context.get(beat.unless):
        return False
    fulfils = _fulfilled_promise(beat, walk) is not None
    return fulfils or beat.chance >= 1.0 or rng.random() < beat.chance


def _fulfilled_promise(beat: Beat, walk: _Walk) -> str | None:
    for prefix in walk.pending:
        if beat.key == prefix or beat.key.startswith(prefix + "_"):
            return prefix
    return None


def _place(
    rng: random.Random, beat: Beat, moment: datetime, walk: _Walk, org: Organisation, period: Period
) -> PlannedBeat | None:
    """Give the beat its moment, team and person; None when it falls after the period."""
    plan = walk.plan
    team_key = walk.prev_team if beat.team == "=" else beat.team
    rhythm = _rhythm(beat, team_key, walk)
    at = _moment(rng, beat, moment, rhythm, walk, period).replace(microsecond=0) if plan.beats else moment
    if plan.beats:
        at = max(at, plan.beats[-1].at + timedelta(seconds=rng.randint(20, 240)))
    if at > period.end:
        return None
    if plan.beats and not _scheduled(beat, walk):
        _deadline_signal(rng, at, walk, org, period)
    prefix = _fulfilled_promise(beat, walk)
    weights = FULFILLED_VIEW[walk.pending[prefix].outcome] if prefix is not None else beat.appraisal
    planned = _who(rng, beat, team_key, at, walk, org, weights)
    planned.channel = _channel(beat, walk, rng)
    if beat.channel == "out?" and not planned.channel:
        planned.beat = replace(beat, activity="Zaak opgelost")
    planned.index = len(plan.beats)
    plan.beats.append(planned)
    walk.happened.append(beat.key)
    if beat.key == "gen.transfer":
        walk.team_before_transfer = team_key
    if not team_key.startswith("tp:"):
        walk.prev_team = team_key
    if prefix is not None:
        walk.pending.pop(prefix).fulfilled = planned
    if beat.promise is not None:
        _make_promise(rng, planned, beat.promise, walk, period)
    return planned


def _rhythm(beat: Beat, team_key: str, walk: _Walk) -> str:
    if beat.rhythm:
        return beat.rhythm
    if team_key in ("bediening", "keuken"):
        return "evening"
    channel = _channel(beat, walk, None)
    if channel and beat.direction == "inbound":
        return CHANNEL_RHYTHM[channel]
    return "office"


def _channel(beat: Beat, walk: _Walk, rng: random.Random | None) -> str:
    if beat.channel == "*":
        return walk.case_channel
    if beat.channel in ("out", "out?"):
        if rng is None:
            return "phone"
        if beat.channel == "out?" and rng.random() > SPOKEN_RESOLUTION:
            return ""
        return rng.choices(list(OUTBOUND), weights=list(OUTBOUND.values()))[0]
    return beat.channel


def _moment(rng: random.Random, beat: Beat, moment: datetime, rhythm: str, walk: _Walk, period: Period) -> datetime:
    prefix = _fulfilled_promise(beat, walk)
    if prefix is not None:
        promised = walk.pending[prefix]
        due = promised.due
        if promised.outcome == "kept":
            lower = max(promised.made.at, moment)
            candidate = period.snap(rng, lower + (due - lower) * rng.uniform(0.2, 0.95), rhythm)
            return min(candidate, due - timedelta(minutes=rng.randint(1, 9)))
        late = period.snap(rng, period.advance(rng, due, promised.spec.late), rhythm)
        return max(late, period.snap(rng, period.advance(rng, moment, beat.wait), rhythm))
    at = period.advance(rng, moment, beat.wait)
    if beat.wait.unit == "minutes":
        return at  # the same visit, call or evening: no snapping to opening hours
    return period.snap(rng, at, rhythm)


def _who(
    rng: random.Random,
    beat: Beat,
    team_key: str,
    at: datetime,
    walk: _Walk,
    org: Organisation,
    weights: tuple[float, float, float],
) -> PlannedBeat:
    appraisal = rng.choices(APPRAISALS, weights=weights)[0] if beat.step else "normal"
    if team_key.startswith("tp:"):
        party = walk.plan.context["dealer_key"] if team_key == "tp:dealer" else team_key[3:]
        tp_id, name, _kind = org.third_parties[party]
        return PlannedBeat(beat, at, name, name, None, None, tp_id, appraisal)
    team = org.teams[team_key]
    if beat.key == "gen.approved":
        manager = org.manager_of(team.department_id)
        return PlannedBeat(beat, at, team.name, manager.name, manager.id, team.department_id, None, appraisal)
    member = walk.staff_by_team.get(team_key)
    if member is None or rng.random() < 0.15:
        member = rng.choice(org.agents(team_key))
        walk.staff_by_team[team_key] = member
    resource = "systeem" if beat.key in SYSTEM_KEYS else member.name
    staff_id = None if beat.key in SYSTEM_KEYS else member.id
    return PlannedBeat(beat, at, team.name, resource, staff_id, team.department_id, None, appraisal)


def _make_promise(rng: random.Random, made: PlannedBeat, spec: PromiseSpec, walk: _Walk, period: Period) -> None:
    walk.outcome = rng.choices(OUTCOMES, weights=spec.outcome)[0]
    due = period.advance(rng, made.at, spec.due)
    if spec.kind in ("reservation", "visit"):
        due = period.snap(rng, due, "evening" if spec.kind == "reservation" else "office")
    promised = PlannedPromise(made, spec, walk.outcome, due)
    walk.pending[spec.fulfil] = promised
    walk.plan.promises.append(promised)


def _extra_beats(rng: random.Random, todo: list[Beat], i: int, beat: Beat, walk: _Walk, scenario: Scenario) -> None:
    """The noise of real processes, inserted right after the beat just placed."""
    extra: list[Beat] = []
    if scenario.line == "brasserie":
        return  # a restaurant's till records orders and courses, not tickets
    if len(walk.plan.beats) == 1:
        if walk.plan.beats[-1].channel in ("phone", "visit"):
            extra += _chance(rng, 0.7, _internal("gen.identify", "Klant geïdentificeerd", "Nieuw"))
        extra += _chance(rng, 0.85, _internal("gen.categorise", "Categorie bepaald", "Nieuw"))
        extra += _chance(rng, 0.35, _internal("gen.priority", "Prioriteit bepaald", "Nieuw"))
    if beat.key == "gen.pickup":
        extra += _chance(rng, 0.9, _internal("gen.assign", "Toegewezen aan medewerker", "In behandeling"))
        came_from = walk.team_before_transfer
        if came_from and not walk.ping_pong_done and rng.random() < scenario.ping_pong:
            walk.ping_pong_done = True
            here = walk.prev_team
            extra += [
                Beat("gen.pingpong", "Teruggezet", here, "Wachtrij", office(1, 12), appraisal=(0.6, 0.4, 0.0)),
                pickup(came_from, office(1, 10)),
                Beat("gen.transfer_again", "Opnieuw doorgezet", came_from, "Wachtrij", office(0.5, 6), step=False),
                pickup(here, office(1, 10)),
            ]
        elif len(walk.plan.beats) > 2 and not walk.customer_wait_done and rng.random() < scenario.customer_wait:
            walk.customer_wait_done = True
            extra += list(ask_customer())
    elif beat.key == "gen.transfer":
        extra += _chance(rng, 0.85, _internal("gen.enqueue", "In wachtrij geplaatst", "Wachtrij"))
    elif beat.channel and beat.key not in ("gen.survey", "survey.call1", "survey.call2"):
        extra += _contact_admin(rng, walk.plan.beats[-1].channel, beat)
    elif beat.activity and not beat.key.startswith("gen."):
        extra += _chance(rng, 0.6, _internal("gen.note", "Notitie toegevoegd", "In behandeling"))
    if i < len(todo) and todo[i].key == "gen.close" and beat.key != "gen.file":
        extra += _chance(rng, 0.6, _internal("gen.file", "Klantdossier bijgewerkt", "Opgelost"))
    if i < len(todo) and not beat.key.startswith("gen.approv"):
        extra += _before(rng, todo[i])
    todo[i:i] = extra


def _before(rng: random.Random, upcoming: Beat) -> list[Beat]:
    """Work that precedes some steps: a manager's approval when a colleague lacks the mandate (seed 000), and
    drafting a letter from the standard texts."""
    if upcoming.key in APPROVALS:
        return [
            Beat("gen.approval", "Goedkeuring aangevraagd", "=", "Wachtrij", minutes(5, 90), step=False),
            Beat("gen.approved", "Goedkeuring verleend", "=", "In behandeling", office(1, 20), step=False),
        ]
    if upcoming.channel == "letter" and upcoming.direction == "outbound" and upcoming.activity:
        return _chance(rng, 0.7, _internal("gen.draft", "Brief opgesteld", "In behandeling"))
    return []


def _contact_admin(rng: random.Random, channel: str, beat: Beat) -> list[Beat]:
    """What the ticket system records around a contact: the message linked to the file, the knowledge base
    consulted during a call, the note written afterwards."""
    status = beat.status if beat.status != "Nieuw" else "In behandeling"
    extra: list[Beat] = []
    if beat.direction == "inbound" and channel not in ("phone", "visit"):
        extra += _chance(rng, 0.8, _internal("gen.link", "Bericht gekoppeld aan dossier", status))
    if beat.direction == "inbound" and channel == "phone":
        extra += _chance(rng, 0.3, _internal("gen.knowledge", "Kennisbank geraadpleegd", status))
    extra += _chance(rng, 0.7, _internal("gen.note", "Notitie toegevoegd", status))
    return extra


def _internal(key: str, activity: str, status: str) -> Beat:
    return Beat(key, activity, "=", status, minutes(0.5, 15), step=False)


def _chance(rng: random.Random, chance: float, beat: Beat) -> list[Beat]:
    return [beat] if rng.random() < chance else []


def _scheduled(beat: Beat, walk: _Walk) -> bool:
    """A step planned well ahead (an appointment, an after-sales call): the time before it is no overdue wait."""
    planned_ahead = beat.wait.unit == "days" and beat.wait.low >= 5 and not beat.when
    return planned_ahead or walk.plan.scenario.line == "brasserie"


def _deadline_signal(rng: random.Random, at: datetime, walk: _Walk, org: Organisation, period: Period) -> None:
    """A long silence in a case makes the ticket system flag the deadline (an event by 'systeem')."""
    plan = walk.plan
    last = plan.beats[-1]
    if at - last.at < timedelta(days=3) or not walk.prev_team or rng.random() > 0.9:
        return
    signal_at = period.add_office_hours(last.at, rng.uniform(18, 27)).replace(microsecond=0)
    if signal_at >= at:
        return
    team = org.teams[walk.prev_team]
    beat = Beat("gen.deadline", "Termijn overschreden", walk.prev_team, last.beat.status, minutes(0, 0), step=False)
    signal = PlannedBeat(beat, signal_at, team.name, "systeem", None, team.department_id, None, "normal")
    signal.index = len(plan.beats)
    plan.beats.append(signal)


def _finish(plan: CasePlan, walk: _Walk, org: Organisation) -> None:
    plan.closed = "gen.close" in walk.happened
    owner = _owner(plan, org)
    plan.owner_id = owner.id
    plan.context["owner"] = owner.first_name
    plan.context["channel"] = walk.case_channel


def _owner(plan: CasePlan, org: Organisation) -> StaffMember:
    """The named owner: the colleague of the owning department who did the most in the case."""
    counts: dict[int, int] = {}
    for planned in plan.beats:
        if planned.department_id == plan.department_id and planned.staff_id is not None:
            counts[planned.staff_id] = counts.get(planned.staff_id, 0) + 1
    if counts:
        best = max(counts, key=lambda staff_id: (counts[staff_id], -staff_id))
        return next(s for s in org.staff if s.id == best)
    return org.manager_of(plan.department_id)
