"""Hand-overs between teams: who passes cases to whom, ping-pong (A -> B -> A), how many teams a case
visits, and the share of cases solved without leaving the first line.

A case's team visits are its events with a team, consecutive events of the same team taken together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantstem.process.compiled import query
from klantstem.process.stats import rows, share

if TYPE_CHECKING:
    import ibis.expr.types as ir

TEAM_BUCKETS = 5  # teams per case are counted 1, 2, 3, 4 and "5 or more"


def team_visits(events: ir.Table, contiguous: bool = False) -> ir.Table:
    """One row per visit: case, team, the team before and the team before that. `contiguous`: no case has an
    event without a team after one with a team (report._profile's `team_gaps` is 0), so the team before a visit
    is the event before's team (prepared's `prev_team`) and only the visits are ordered again; otherwise the
    events with a team are ordered once more to find it."""
    import ibis

    with_team = events.filter(events.team.notnull())
    if contiguous:
        visits = with_team.mutate(came_from=with_team.prev_team)
    else:
        before = with_team.team.lag().over(ibis.window(group_by=with_team.case, order_by=with_team.pos))
        visits = with_team.mutate(came_from=before)
    visits = visits.filter(visits.came_from.isnull() | (visits.came_from != visits.team))
    window = ibis.window(group_by=visits.case, order_by=visits.pos)
    return visits.select("case", "team", "came_from", two_back=visits.team.lag(2).over(window))


def handovers(con: Any, visits: ir.Table, top: int) -> list[dict[str, Any]]:
    return [
        {"from_team": r["came_from"], "to_team": r["team"], "count": int(r["count"]), "cases": int(r["cases"])}
        for r in rows(query(con, _handover_pairs, visits, top=top))
    ]


def _handover_pairs(visits: ir.Table, top: int) -> ir.Table:
    moves = visits.filter(visits.came_from.notnull())
    pairs = moves.group_by([moves.came_from, moves.team]).aggregate(count=moves.count(), cases=moves.case.nunique())
    return pairs.order_by([pairs["count"].desc(), pairs.came_from, pairs.team]).limit(top)


def _back(visits: ir.Table) -> ir.Table:
    return visits.filter(visits.two_back == visits.team)


def _ping_pong_pairs(visits: ir.Table, top: int) -> ir.Table:
    import ibis

    back = _back(visits)
    per_pair = back.group_by([back.team, back.came_from]).aggregate(count=back.count(), cases=back.case.nunique())
    everything = ibis.window()
    per_pair = per_pair.mutate(all_count=per_pair["count"].sum().over(everything))
    return per_pair.order_by([per_pair["count"].desc(), per_pair.team, per_pair.came_from]).limit(top)


def _ping_pong_cases(visits: ir.Table) -> ir.Table:
    back = _back(visits)
    return back.aggregate(cases=back.case.nunique())


def ping_pong(con: Any, visits: ir.Table, top: int, cases_with_team: int) -> dict[str, Any]:
    """A -> B -> A: the case went back to the team it had just left; counted per pair (A, B). A log without
    teams says nothing about ping-pong: no counts rather than a 0 that is not true."""
    if not cases_with_team:
        return {"ping_pong_cases": None, "ping_pong_count": None, "ping_pong": []}
    found = rows(query(con, _ping_pong_pairs, visits, top=top))
    cases = int(rows(query(con, _ping_pong_cases, visits))[0]["cases"] or 0) if found else 0
    return {
        "ping_pong_cases": cases,
        "ping_pong_count": int(found[0]["all_count"]) if found else 0,
        "ping_pong": [
            {"team": r["team"], "other_team": r["came_from"], "count": int(r["count"]), "cases": int(r["cases"])}
            for r in found
        ],
    }


def teams_per_case(con: Any, visits: ir.Table, cases: int, second_line: str) -> dict[str, Any]:
    total = rows(query(con, _team_totals, visits, second_line=second_line))[0]
    with_team = int(total["with_team"] or 0)
    named_lines = int(total["left"] or 0) > 0
    stayed = with_team - int(total["left"] or 0) if named_lines else int(total["bucket_1"] or 0)
    return {
        "teams_per_case": {
            "mean": None if total["mean"] is None else round(float(total["mean"]), 3),
            "histogram": {
                (f"{TEAM_BUCKETS}+" if n == TEAM_BUCKETS else str(n)): int(total[f"bucket_{n}"])
                for n in range(1, TEAM_BUCKETS + 1)
                if total[f"bucket_{n}"]
            },
        },
        "cases_returning_to_a_team": int(total["returned"] or 0),
        # a log without teams says nothing about the first line: no share rather than a 0 % that is not true
        "first_line_share": share(stayed, with_team) if with_team else None,
        "first_line_rule": _first_line_rule(with_team, named_lines),
        "cases_with_team": with_team,
        "cases_without_team": cases - with_team,
        "teams": int(total["teams"] or 0),
    }


NO_TEAMS = "the log names no teams"


def _first_line_rule(with_team: int, named_lines: bool) -> str:
    if not with_team:
        return NO_TEAMS
    return "never visited a second/third-line team" if named_lines else "never left its first team"


def _team_totals(visits: ir.Table, second_line: str) -> ir.Table:
    per_case = visits.group_by(visits.case).aggregate(
        teams=visits.team.nunique(),
        visits=visits.count(),
        left_first_line=visits.team.re_search(f"(?i){second_line}").any(),
    )
    buckets = {
        str(n): (per_case.teams == n).sum() if n < TEAM_BUCKETS else (per_case.teams >= n).sum()
        for n in range(1, TEAM_BUCKETS + 1)
    }
    totals = per_case.aggregate(
        mean=per_case.teams.mean(),
        with_team=per_case.count(),
        returned=(per_case.visits > per_case.teams).sum(),
        left=per_case.left_first_line.sum(),
        **{f"bucket_{n}": count for n, count in buckets.items()},
    )
    return totals.cross_join(visits.aggregate(teams=visits.team.nunique()))
