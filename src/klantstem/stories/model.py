"""Plain data of an interview: its steps, the follow-up questions and answers, the read-back summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from klantstem.errors import UserInputError

APPRAISALS = ("bad", "normal", "excellent")
INTERVIEW_SOURCES = ("interview", "web_form")  # by an interviewer, or by the customer from a personal link
STAGE_STEPS, STAGE_SUMMARY, STAGE_CONFIRMED = "steps", "summary", "confirmed"


@dataclass(frozen=True)
class Step:
    id: int
    position: int
    description: str
    appraisal: str | None
    happened_at: datetime | None
    department_id: int | None = None


@dataclass(frozen=True)
class FollowUp:
    id: int
    step_id: int | None
    question: str
    answer: str | None
    opinion: bool = False  # the "what did you think of it?" question every step gets

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "step_id": self.step_id, "question": self.question, "answer": self.answer}


@dataclass(frozen=True)
class Interview:
    story_id: int
    customer_id: int | None
    customer_name: str | None
    source: str
    channel: str | None
    told_at: datetime
    title: str | None
    steps: tuple[Step, ...]
    follow_ups: tuple[FollowUp, ...]
    summary: str | None
    summary_confirmed: bool | None
    confirmed_at: datetime | None

    @property
    def stage(self) -> str:
        if self.summary_confirmed:
            return STAGE_CONFIRMED
        return STAGE_SUMMARY if self.summary is not None else STAGE_STEPS

    @property
    def open_questions(self) -> list[FollowUp]:
        return [f for f in self.follow_ups if f.answer is None and not f.opinion]

    def opinion_of(self, step_id: int) -> str | None:
        return next((f.answer for f in self.follow_ups if f.opinion and f.step_id == step_id), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "customer_id": self.customer_id,
            "customer_name": self.customer_name,
            "source": self.source,
            "channel": self.channel,
            "told_at": self.told_at.isoformat(),
            "title": self.title,
            "stage": self.stage,
            "steps": [
                {
                    "id": s.id,
                    "position": s.position,
                    "description": s.description,
                    "appraisal": s.appraisal,
                    "opinion": self.opinion_of(s.id),
                    "happened_at": s.happened_at.isoformat() if s.happened_at else None,
                    "department_id": s.department_id,
                }
                for s in self.steps
            ],
            "follow_ups": [f.as_dict() for f in self.follow_ups if not f.opinion],
            "summary": self.summary,
            "summary_confirmed": self.summary_confirmed,
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
        }


@dataclass(frozen=True)
class InterviewLink:
    """A personal link a customer opens to tell their story; valid until `expires_at`, used once."""

    id: int
    customer_id: int
    topic: str | None
    created_by: int | None
    created_at: datetime
    expires_at: datetime
    story_id: int | None
    used_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_id": self.customer_id,
            "topic": self.topic,
            "created_at": self.created_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
            "story_id": self.story_id,
            "used_at": self.used_at.isoformat() if self.used_at else None,
        }


@dataclass(frozen=True)
class InterviewListing:
    """One line of the list of recent interviews."""

    story_id: int
    customer_id: int | None
    customer_name: str | None
    source: str
    told_at: datetime
    steps: int
    stage: str


class LinkUsedError(UserInputError):
    """The story told through this personal link has been confirmed."""

    def __init__(self) -> None:
        super().__init__("this link has been used: thank you for your story")


class LinkExpiredError(UserInputError):
    def __init__(self) -> None:
        super().__init__("this link has expired")
