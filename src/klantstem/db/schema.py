"""The whole data model as SQLAlchemy Core tables, in one readable file.

Times are stored timezone-aware in UTC. Natural keys (`fingerprint`) make every import idempotent: a row
that was imported before is recognised and not added twice.
"""

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

CHANNELS = ("phone", "email", "whatsapp", "web_form", "letter", "visit", "social_media", "review_site")
DIRECTIONS = ("inbound", "outbound")
APPRAISALS = ("bad", "normal", "excellent")
PERSPECTIVES = ("customer", "staff")
PROMISE_STATUSES = ("open", "kept", "broken", "cancelled")
ROLES = ("admin", "manager", "analyst", "agent", "interviewer")
IDENTITY_KINDS = ("email", "phone", "external")


def _in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name)


def _ts(name: str, nullable: bool = True) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=nullable)


# --- organisation -------------------------------------------------------------------------------------------

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
)

teams = Table(
    "teams",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(320), nullable=True, unique=True),
    Column("role", String(20), nullable=False, server_default="agent"),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
    Column("team_id", ForeignKey("teams.id"), nullable=True),
    Column("password_hash", String(200), nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    _in("role", ROLES, "role"),
)

third_parties = Table(
    "third_parties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("kind", String(50), nullable=False, server_default="supplier"),  # dealer, supplier, ...
)

# --- customers ----------------------------------------------------------------------------------------------

customers = Table(
    "customers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("display_name", String(200), nullable=True),
    Column("postcode", String(12), nullable=True, index=True),
    Column("address", String(300), nullable=True),
    Column("language", String(5), nullable=True),
    Column("opted_out", Boolean, nullable=False, server_default="0"),
    Column("merged_into_id", ForeignKey("customers.id"), nullable=True, index=True),
    _ts("created_at", nullable=False),
)

customer_identities = Table(
    "customer_identities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("value", String(320), nullable=False),  # normalised: lower-case e-mail, E.164 phone, external id
    UniqueConstraint("kind", "value", name="uq_customer_identities_kind_value"),
    _in("kind", IDENTITY_KINDS, "kind"),
)

delegates = Table(
    "delegates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("relation", String(100), nullable=True),  # partner, child, adviser, ...
    Column("phone", String(32), nullable=True),
    Column("email", String(320), nullable=True),
    Column("scope", String(200), nullable=False, server_default="all"),  # all, or topics separated by ';'
    _ts("valid_from", nullable=False),
    _ts("valid_until"),
)

customer_merges = Table(
    "customer_merges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("customers.id"), nullable=False),
    Column("target_id", ForeignKey("customers.id"), nullable=False),
    Column("moved", JSON, nullable=False),  # ids of rows moved, so the merge can be undone exactly
    Column("merged_by", ForeignKey("staff.id"), nullable=True),
    _ts("merged_at", nullable=False),
    _ts("undone_at"),
    Column("undone_by", ForeignKey("staff.id"), nullable=True),
)

# --- cases and contacts -------------------------------------------------------------------------------------

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("external_id", String(100), nullable=True, unique=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=True, index=True),
    Column("title", String(300), nullable=True),
    Column("kind", String(30), nullable=True),  # complaint, question, request, ...; an open complaint blocks outreach
    Column("owner_id", ForeignKey("staff.id"), nullable=True),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
    Column("status", String(20), nullable=False, server_default="open"),
    _ts("opened_at"),
    _ts("closed_at"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=True),
    Column("case_id", ForeignKey("cases.id"), nullable=True, index=True),
    Column("channel", String(20), nullable=False),
    Column("direction", String(10), nullable=False, server_default="inbound"),
    _ts("occurred_at", nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=True),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
    Column("third_party_id", ForeignKey("third_parties.id"), nullable=True),
    # made for the customer by this person, who passed the delegate check on the contact's subject
    Column("delegate_id", ForeignKey("delegates.id", ondelete="SET NULL"), nullable=True),
    Column("subject", String(300), nullable=True),
    Column("text", Text, nullable=True),
    Column("source", String(100), nullable=True),  # the file or system it came from
    Column("fingerprint", String(64), nullable=False),
    _in("channel", CHANNELS, "channel"),
    _in("direction", DIRECTIONS, "direction"),
    Index("ix_contacts_customer_time", "customer_id", "occurred_at"),
    Index("ix_contacts_direction_time", "direction", "occurred_at"),  # inbound contacts per period
    # A unique index rather than a constraint: SQLite can drop and rebuild it, so a large import builds it
    # once from sorted keys (see imports.store) instead of inserting a million random keys one by one.
    Index("uq_contacts_fingerprint", "fingerprint", unique=True),
)

# --- stories ------------------------------------------------------------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=True, index=True),
    Column("case_id", ForeignKey("cases.id"), nullable=True, index=True),
    Column("staff_id", ForeignKey("staff.id"), nullable=True),  # the narrator when perspective is staff
    Column("perspective", String(10), nullable=False, server_default="customer"),
    Column("source", String(50), nullable=False),  # interview, import, web_form, whatsapp, ...
    Column("channel", String(20), nullable=True),
    _ts("told_at", nullable=False),
    Column("title", String(300), nullable=True),
    Column("text", Text, nullable=True),
    Column("summary", Text, nullable=True),  # the read-back summary
    Column("summary_confirmed", Boolean, nullable=True),  # None: not yet asked
    _ts("confirmed_at"),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("recorded_by", ForeignKey("staff.id"), nullable=True),  # the staff user who entered it; None: imported
    Column("confirmed_by", ForeignKey("staff.id"), nullable=True),  # the interviewer present; None: the customer
    Column("confirmed_via", String(20), nullable=True),  # own_link, live_interview, import
    _in("perspective", PERSPECTIVES, "perspective"),
)

story_steps = Table(
    "story_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("description", Text, nullable=False),
    _ts("happened_at"),
    Column("appraisal", String(10), nullable=True),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
    Column("recorded_by", ForeignKey("staff.id"), nullable=True),  # the staff user who entered it
    UniqueConstraint("story_id", "position", name="uq_story_steps_story_position"),
    _in("appraisal", APPRAISALS, "appraisal"),
)

follow_ups = Table(
    "follow_ups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("step_id", ForeignKey("story_steps.id", ondelete="CASCADE"), nullable=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=True),
    _ts("asked_at"),
)

# --- promises, process events, outreach, annotations --------------------------------------------------------

promises = Table(
    "promises",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=True, index=True),
    Column("case_id", ForeignKey("cases.id"), nullable=True),
    Column("contact_id", ForeignKey("contacts.id"), nullable=True),
    Column("kind", String(50), nullable=False),  # callback, letter, visit, repair, delivery, ...
    Column("description", Text, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=True),
    Column("department_id", ForeignKey("departments.id"), nullable=True),
    Column("third_party_id", ForeignKey("third_parties.id"), nullable=True),
    _ts("made_at", nullable=False),
    _ts("due_at", nullable=False),
    Column("status", String(10), nullable=False, server_default="open"),
    _ts("resolved_at"),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("source", String(20), nullable=False, server_default="manual"),  # manual, text, import, demo
    Column("due_phrase", String(100), nullable=True),  # the words the due time was given in
    Column("expected_activity", String(300), nullable=True),  # a process event that keeps the promise
    Column("kept_by_contact_id", ForeignKey("contacts.id"), nullable=True),
    Column("kept_by_event_id", ForeignKey("process_events.id"), nullable=True),
    Column("resolution_note", String(300), nullable=True),
    _in("status", PROMISE_STATUSES, "status"),
    Index("ix_promises_status_due", "status", "due_at"),
    Index("ix_promises_case", "case_id"),
    # Open promises only (partial indexes), holding what the scan matches on and the id: keeping reads no table.
    Index(
        "ix_promises_open",
        "kind",
        "customer_id",
        "made_at",
        "due_at",
        "staff_id",
        "department_id",
        "third_party_id",
        "id",
        sqlite_where=text("status = 'open'"),
        postgresql_where=text("status = 'open'"),
    ),
    Index(
        "ix_promises_open_expecting",
        "case_id",
        "made_at",
        "due_at",
        "expected_activity",
        "id",
        sqlite_where=text("status = 'open' AND expected_activity IS NOT NULL"),
        postgresql_where=text("status = 'open' AND expected_activity IS NOT NULL"),
    ),
)

process_events = Table(
    "process_events",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("log_name", String(200), nullable=False),
    Column("case_key", String(200), nullable=False),  # the case id as the source system wrote it
    Column("case_id", ForeignKey("cases.id"), nullable=True),
    Column("activity", String(300), nullable=False),
    _ts("occurred_at", nullable=False),
    Column("lifecycle", String(100), nullable=True),
    Column("resource", String(200), nullable=True),
    Column("team", String(200), nullable=True),
    Column("status", String(100), nullable=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Index("ix_process_events_case", "log_name", "case_key", "occurred_at"),
    Index("ix_process_events_case_id_time", "case_id", "occurred_at"),
    # The cases that passed a step in a period, read from the index alone (structural-problem bases).
    Index("ix_process_events_step", "activity", "occurred_at", "log_name", "case_key"),
)

outreach = Table(
    "outreach",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("topic", String(100), nullable=False),
    Column("channel", String(20), nullable=False),
    _ts("asked_at", nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=True),
    Column("outcome", String(50), nullable=True),  # sent, answered, blocked, ...
    Column("reason", String(300), nullable=True),  # why the contact guard blocked it, or why it was forced
    Index("ix_outreach_customer_time", "customer_id", "asked_at"),
)

annotations = Table(
    "annotations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target", String(20), nullable=False),  # contact, story, story_step
    Column("target_id", Integer, nullable=False),
    Column("kind", String(50), nullable=False),  # language, appraisal, facet, theme, ...
    Column("value", JSON, nullable=False),
    Column("model_version", String(100), nullable=False),
    Column("corrected_by", ForeignKey("staff.id"), nullable=True),  # set when a person corrected the label
    _ts("created_at", nullable=False),
    Index("ix_annotations_target_kind", "target", "target_id", "kind"),  # read yet? (from the index alone)
)

import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("added", Integer, nullable=False),
    Column("duplicates", Integer, nullable=False),
    Column("rejected", Integer, nullable=False),
    _ts("finished_at", nullable=False),
)

# --- erasure: an audit trail that holds no erased data, and fingerprints of erased identities ---------------
erasures = Table(
    "erasures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", Integer, nullable=False),  # the erased customer's former id (no row refers to it)
    Column("erased_by", String(200), nullable=False),  # the signed-in user, or the CLI's system user
    _ts("erased_at", nullable=False),
    Column("counts", Text, nullable=False),  # JSON: rows deleted per table; never a value
)

erased_identities = Table(
    "erased_identities",
    metadata,
    Column("fingerprint", String(64), primary_key=True),  # SHA-256 of the normalised identity (kind and value)
    _ts("erased_at", nullable=False),
)

# --- web: sign-in, API tokens, personal interview links -----------------------------------------------------

app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(50), primary_key=True),  # e.g. session_signing_key
    Column("value", String(200), nullable=False),
    _ts("created_at", nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("email", String(320), primary_key=True),  # normalised; also for addresses that have no user
    Column("failures", Integer, nullable=False),
    _ts("first_failed_at", nullable=False),
    _ts("locked_until"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("staff_id", ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token; the token is shown once
    _ts("created_at", nullable=False),
    _ts("last_used_at"),
    _ts("revoked_at"),
    _ts("expires_at"),  # None: no lifetime was given
)

job_runs = Table(
    "job_runs",
    metadata,
    Column("name", String(100), primary_key=True),  # a job of klantstem.jobs.registry
    _ts("due_at", nullable=False),  # claimed by the process that moves it on (one atomic update)
    _ts("started_at"),
    _ts("finished_at"),
    Column("outcome", String(300), nullable=True),  # what the last run said (counts only)
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the id in the signed cookie
    Column("staff_id", ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True),
    _ts("created_at", nullable=False),
    _ts("last_seen_at", nullable=False),
    _ts("ended_at"),  # signed out, or revoked by a password, role or status change
)

interview_links = Table(
    "interview_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("case_id", ForeignKey("cases.id"), nullable=True),
    Column("topic", String(200), nullable=True),
    Column("created_by", ForeignKey("staff.id"), nullable=True),
    _ts("created_at", nullable=False),
    _ts("expires_at", nullable=False),
    Column("story_id", ForeignKey("stories.id", ondelete="SET NULL"), nullable=True),  # the story told through it
    _ts("used_at"),
)

# --- structural problems: owners, mappings, problems, their reports, actions, journal, messages, outbox -----

PROBLEM_KINDS = ("structural", "incident")
PROBLEM_STATUSES = ("new", "acknowledged", "cause_known", "fix_underway", "fixed", "verified", "risk_accepted")
REPORT_LINKS = ("detected", "suggested", "confirmed", "split")
REPORT_SOURCES = ("story_step", "contact", "promise", "repeat_contact")
OUTBOX_STATUSES = ("queued", "sending", "sent", "failed", "exported")

step_owners = Table(
    "step_owners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("step", String(300), nullable=False, unique=True),  # a process step, or a department's name
    Column("owner_id", ForeignKey("staff.id"), nullable=False),
    _ts("created_at", nullable=False),
)

# What structural-problem detection keeps between runs, so that a run after new data reworks only the periods
# that changed: the base of each step (or of the steps without events: inbound contacts) per period, and how far
# the rows were read when the bases were made (and in which time zone).
problem_bases = Table(
    "problem_bases",
    metadata,
    Column("base", String(10), primary_key=True),  # cases, contacts
    Column("step", String(300), primary_key=True),  # "" for the inbound contacts
    Column("granularity", String(5), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("count", Integer, nullable=False),
)

problem_marks = Table(
    "problem_marks",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", String(100), nullable=False),
)

step_mappings = Table(
    "step_mappings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("facet", String(50), nullable=False, server_default=""),  # "" for any facet
    Column("department_id", ForeignKey("departments.id"), nullable=True),  # None for any department
    Column("step", String(300), nullable=False),
    UniqueConstraint("facet", "department_id", name="uq_step_mappings_facet_department"),
)

problems = Table(
    "problems",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("step", String(300), nullable=False),
    Column("facet", String(50), nullable=False, server_default=""),  # "" when the signal is the step's as a whole
    Column("kind", String(12), nullable=False),
    Column("status", String(20), nullable=False, server_default="new"),
    Column("owner_id", ForeignKey("staff.id"), nullable=True),
    Column("signal", String(40), nullable=False),  # laney, change_point or both
    Column("explanation", JSON, nullable=False),  # rule, counts, rates, channels, process figures
    Column("rate", JSON, nullable=True),  # float, JSON so that SQLite and PostgreSQL read back the same value
    Column("baseline", JSON, nullable=True),
    Column("customers", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("channels", JSON, nullable=False),
    _ts("first_seen", nullable=False),
    _ts("last_seen", nullable=False),
    _ts("opened_at", nullable=False),
    _ts("progress_at", nullable=False),  # last change of status, owner or action: for escalation
    _ts("fixed_at"),
    _ts("verified_at"),
    _ts("review_at"),  # risk accepted: when to look again
    Column("reopened", Integer, nullable=False, server_default="0"),
    _in("kind", PROBLEM_KINDS, "kind"),
    _in("status", PROBLEM_STATUSES, "status"),
    Index("ix_problems_step_facet", "step", "facet"),
)

problem_reports = Table(
    "problem_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem_id", ForeignKey("problems.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source", String(20), nullable=False),
    Column("source_id", Integer, nullable=False),
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("channel", String(20), nullable=True),
    _ts("occurred_at", nullable=False),
    Column("link", String(12), nullable=False, server_default="detected"),
    Column("reason", String(200), nullable=True),  # why it was suggested
    UniqueConstraint("problem_id", "source", "source_id", name="uq_problem_reports_problem_source"),
    _in("source", REPORT_SOURCES, "source"),
    _in("link", REPORT_LINKS, "link"),
)

problem_actions = Table(
    "problem_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem_id", ForeignKey("problems.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("description", Text, nullable=False),
    Column("owner_id", ForeignKey("staff.id"), nullable=False),
    Column("due_phrase", String(100), nullable=True),
    _ts("created_at", nullable=False),
    _ts("due_at", nullable=False),
    _ts("done_at"),
)

problem_journal = Table(
    "problem_journal",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem_id", ForeignKey("problems.id", ondelete="CASCADE"), nullable=False, index=True),
    _ts("at", nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=True),  # None: klantstem itself (detection)
    Column("action", String(40), nullable=False),
    Column("detail", JSON, nullable=False),
)

problem_messages = Table(
    "problem_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem_id", ForeignKey("problems.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # workaround or fix
    Column("body", Text, nullable=False),
    Column("created_by", ForeignKey("staff.id"), nullable=True),
    _ts("created_at", nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_id", ForeignKey("problem_messages.id", ondelete="CASCADE"), nullable=False),
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("recipient", String(320), nullable=True),  # e-mail address or phone number; None: by letter
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(12), nullable=False, server_default="queued"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", String(300), nullable=True),
    _ts("created_at", nullable=False),
    _ts("sent_at"),
    UniqueConstraint("message_id", "customer_id", name="uq_outbox_message_customer"),
    _in("status", OUTBOX_STATUSES, "status"),
)
