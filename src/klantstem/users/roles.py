"""Roles and what each one may do. The web app asks `can(role, action)` before every page and API call."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    view_dashboard = "view_dashboard"
    view_customer = "view_customer"
    add_contact = "add_contact"
    record_interview = "record_interview"
    invite_customer = "invite_customer"
    view_promises = "view_promises"
    update_promise = "update_promise"
    view_process = "view_process"
    view_themes = "view_themes"
    view_report = "view_report"  # the management report (page, file and API)
    correct_labels = "correct_labels"
    manage_users = "manage_users"
    use_api_tokens = "use_api_tokens"
    view_problems = "view_problems"
    manage_problems = "manage_problems"
    handle_personal_data = "handle_personal_data"  # export and erase a customer's personal data
    add_promise = "add_promise"  # register a promise made to a customer
    manage_delegates = "manage_delegates"  # record and end who may act for a customer
    merge_customers = "merge_customers"  # merge two records of one customer, and undo it


_A = Action
PERMISSIONS: dict[str, frozenset[Action]] = {
    "admin": frozenset(Action),
    "manager": frozenset(
        {
            _A.view_dashboard,
            _A.view_customer,
            _A.add_contact,
            _A.record_interview,
            _A.invite_customer,
            _A.view_promises,
            _A.update_promise,
            _A.view_process,
            _A.view_themes,
            _A.view_report,
            _A.use_api_tokens,
            _A.view_problems,
            _A.manage_problems,
            _A.add_promise,
            _A.manage_delegates,
            _A.merge_customers,
        }
    ),
    "analyst": frozenset(
        {
            _A.view_dashboard,
            _A.view_customer,
            _A.view_process,
            _A.view_themes,
            _A.view_report,
            _A.correct_labels,
            _A.use_api_tokens,
            _A.view_problems,
        }
    ),
    "agent": frozenset(
        {
            _A.view_customer,
            _A.add_contact,
            _A.record_interview,
            _A.view_promises,
            _A.update_promise,
            _A.add_promise,
            _A.manage_delegates,
        }
    ),
    "interviewer": frozenset({_A.view_customer, _A.record_interview, _A.invite_customer}),
}


def can(role: str, action: Action) -> bool:
    return action in PERMISSIONS.get(role, frozenset())


def actions_of(role: str) -> list[str]:
    return sorted(a.value for a in PERMISSIONS.get(role, frozenset()))
