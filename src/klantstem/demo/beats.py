"""Building blocks for scenarios: waits, appraisal weights and the beats most cases share.

Team values: a team key from organisation.TEAMS, "=" for the team of the previous beat, "tp:<key>" for a third
party ("tp:dealer" is the dealer of the case). Channel values: a channel, "*" for the customer's own inbound
channel, "out" for the organisation's choice of outbound channel, "out?" for an outbound contact that often does
not happen (the beat is then a quiet "Zaak opgelost"), "" for no contact.
"""

from __future__ import annotations

from klantstem.demo.model import Beat, PromiseSpec, Wait

# appraisal weights (bad, normal, excellent) from the customer's point of view
BAD = (0.85, 0.15, 0.0)
POOR = (0.55, 0.45, 0.0)
MEH = (0.3, 0.6, 0.1)
OK = (0.08, 0.77, 0.15)
GOOD = (0.02, 0.4, 0.58)
TOP = (0.0, 0.1, 0.9)


def minutes(low: float, high: float) -> Wait:
    return Wait("minutes", low, high)


def hours(low: float, high: float) -> Wait:
    return Wait("hours", low, high)


def office(low: float, high: float) -> Wait:
    """Business hours (Mon-Fri 8:30-17:30, not on public holidays)."""
    return Wait("office", low, high)


def days(low: float, high: float) -> Wait:
    return Wait("days", low, high)


def promise(
    kind: str,
    text: str,
    by: str,
    due: Wait,
    fulfil: str,
    outcome: tuple[float, float, float] = (0.7, 0.25, 0.05),
    late: Wait | None = None,
) -> PromiseSpec:
    """A promise; `fulfil` is the key of the later beat that keeps it (it happens late, or not, when broken)."""
    return PromiseSpec(kind, text, by, due, fulfil, outcome, late or days(2, 8))


def intake(
    key: str = "gen.intake",
    team: str = "kcc1",
    channel: str = "*",
    appraisal: tuple[float, float, float] = OK,
    activity: str = "Melding geregistreerd",
) -> Beat:
    return Beat(key, activity, team, "Nieuw", minutes(0, 0), channel=channel, appraisal=appraisal)


def pickup(team: str = "=", wait: Wait | None = None) -> Beat:
    return Beat("gen.pickup", "In behandeling genomen", team, "In behandeling", wait or office(0.3, 6), step=False)


def queue(team: str = "=", wait: Wait | None = None) -> Beat:
    return Beat("gen.queue", "Toegewezen aan team", team, "Wachtrij", wait or minutes(2, 40), step=False)


def handover(to_team: str, appraisal: tuple[float, float, float] = MEH, step: bool = True) -> tuple[Beat, ...]:
    """The current team passes the case on; the receiving team picks it up later."""
    return (
        Beat("gen.transfer", "Doorgezet", "=", "Wachtrij", office(0.2, 3), appraisal=appraisal, step=step),
        pickup(to_team, office(1, 16)),
    )


def silence(wait: Wait, appraisal: tuple[float, float, float] = POOR) -> Beat:
    """Nothing happens for a while, and the customer notices."""
    return Beat("gen.silence", "", "=", "Wachtrij", wait, appraisal=appraisal)


def callback(
    key: str = "gen.callback",
    team: str = "=",
    wait: Wait | None = None,
    appraisal: tuple[float, float, float] = OK,
) -> Beat:
    return Beat(
        key,
        "Klant gebeld",
        team,
        "In behandeling",
        wait or office(1, 10),
        channel="phone",
        direction="outbound",
        appraisal=appraisal,
    )


def letter(key: str, team: str = "=", wait: Wait | None = None, appraisal: tuple[float, float, float] = OK) -> Beat:
    return Beat(
        key,
        "Brief verstuurd",
        team,
        "In behandeling",
        wait or office(2, 20),
        channel="letter",
        direction="outbound",
        appraisal=appraisal,
    )


def ask_customer(chance: float = 1.0, reminder: float = 0.35) -> tuple[Beat, ...]:
    """The organisation needs something from the customer (a document, a signature) and waits for it."""
    return (
        Beat(
            "gen.ask_info",
            "Informatie opgevraagd bij klant",
            "=",
            "Wachten op klant",
            office(0.5, 8),
            channel="out",
            direction="outbound",
            appraisal=MEH,
            chance=chance,
        ),
        Beat(
            "gen.reminder",
            "Herinnering verstuurd",
            "=",
            "Wachten op klant",
            days(4, 9),
            channel="email",
            direction="outbound",
            appraisal=OK,
            chance=chance * reminder,
            step=False,
        ),
        Beat(
            "gen.info_sent",
            "Informatie ontvangen van klant",
            "=",
            "In behandeling",
            days(1, 9),
            channel="*",
            appraisal=OK,
            chance=chance,
        ),
    )


def close_only(team: str = "=", survey: float = 0.05) -> tuple[Beat, ...]:
    return (
        Beat("gen.close", "Zaak gesloten", team, "Gesloten", office(1, 30), step=False),
        Beat(
            "gen.survey",
            "Enquête verstuurd",
            "tp:panel",
            "Gesloten",
            days(1, 4),
            channel="email",
            direction="outbound",
            chance=survey,
            step=False,
        ),
    )


def resolve(
    team: str = "=",
    appraisal: tuple[float, float, float] = OK,
    wait: Wait | None = None,
    key: str = "gen.resolve",
    survey: float = 0.05,
) -> tuple[Beat, ...]:
    return (
        Beat(
            key,
            "Oplossing gecommuniceerd",
            team,
            "Opgelost",
            wait or office(0.5, 12),
            channel="out",
            direction="outbound",
            appraisal=appraisal,
        ),
        *close_only(team, survey),
    )
