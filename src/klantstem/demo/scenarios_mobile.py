"""Scenarios of Dijkzicht Mobiel, the telecom line: from the SIM card that took ten days (seed 004) to the
letter nobody understands, the online system that did not work and the story told three times (seed 000).

The scenarios are tables, so they are kept out of the formatter's hands.
"""

from __future__ import annotations

from klantstem.demo.beats import (
    BAD,
    GOOD,
    MEH,
    OK,
    POOR,
    TOP,
    ask_customer,
    callback,
    close_only,
    days,
    handover,
    hours,
    intake,
    minutes,
    office,
    pickup,
    promise,
    queue,
    resolve,
    silence,
)
from klantstem.demo.model import Beat, Scenario

# fmt: off
SIM_CARD = Scenario(
    "simkaart", "mobiel", "Techniek", 5.0, (
        intake("sim.menu", channel="phone", appraisal=BAD),
        *handover("storingen"),
        Beat("sim.remote", "Storing op afstand onderzocht", "storingen", "In behandeling", office(0.5, 6),
             step=False),
        Beat("sim.device", "Toestel ontvangen voor reparatie", "logistiek", "In behandeling", days(1, 3),
             appraisal=MEH),
        Beat("sim.device_back", "Toestel retour gestuurd", "logistiek", "In behandeling", days(4, 8),
             appraisal=POOR),
        Beat("sim.wife", "Gemachtigde niet geregistreerd", "kcc1", "In behandeling", days(0.2, 2),
             channel="phone", appraisal=BAD, chance=0.55, unless="partner_delegate"),
        Beat("sim.call_again", "Klant belt opnieuw", "kcc1", "In behandeling", hours(2, 30), channel="phone",
             appraisal=MEH),
        *handover("storingen", step=False),
        Beat("sim.defect", "Simkaart defect vastgesteld", "storingen", "In behandeling", office(0.5, 4),
             channel="phone", direction="outbound", appraisal=MEH,
             promise=promise("delivery", "u ontvangt de nieuwe simkaart binnen 2 werkdagen", "tp:simlog",
                             office(18, 18), "sim.delivered", outcome=(0.25, 0.7, 0.05), late=days(6, 9))),
        Beat("sim.order", "Simkaart besteld bij leverancier", "orders", "Wachten op leverancier", office(0.5, 6),
             step=False),
        Beat("sim.shipped", "Simkaart verzonden", "tp:simlog", "Wachten op leverancier", days(1, 2), step=False),
        Beat("sim.chase", "Klant belt over levering", "kcc1", "Wachten op leverancier", days(3, 5), channel="*",
             appraisal=BAD, when="broken"),
        Beat("sim.delivered", "Simkaart bezorgd", "tp:koerier", "In behandeling", days(1, 2), appraisal=POOR),
        *resolve("storingen", appraisal=MEH),
    ),
    ping_pong=0.25, customer_wait=0.05, story_weight=3.0,
)

ON_HOLD = Scenario(
    "wachtrij", "mobiel", "Klantenservice", 6.0, (
        intake("hold.menu", channel="phone", appraisal=BAD, activity="Telefoontje 0900-lijn aangenomen"),
        Beat("hold.answer", "Vraag beantwoord", "kcc1", "In behandeling", minutes(5, 20), appraisal=MEH),
        Beat("hold.note_only", "Notitie vastgelegd", "kcc1", "In behandeling", minutes(1, 5), appraisal=POOR,
             chance=0.6),
        *handover("kcc2", step=False),
        callback(team="kcc2", appraisal=MEH),
        *resolve(appraisal=MEH),
    ),
    story_weight=2.0,
)

BILL = Scenario(
    "factuur", "mobiel", "Facturatie", 12.0, (
        intake("bill.intake"),
        queue("kcc1"),
        pickup("kcc1", minutes(5, 90)),
        Beat("bill.explain", "Factuur uitgelegd", "kcc1", "In behandeling", minutes(2, 15), appraisal=GOOD,
             chance=0.5),
        *handover("facturatie", appraisal=OK),
        Beat("bill.correct", "Creditnota aangemaakt", "facturatie", "In behandeling", office(1, 20), appraisal=OK,
             chance=0.6),
        *resolve(appraisal=GOOD),
    ),
    ping_pong=0.1, customer_wait=0.15, story_weight=0.6,
)


def _letter_scenario(key: str, team: str, weight: float) -> Scenario:
    department = "Facturatie" if team == "facturatie" else "Juridische zaken"
    return Scenario(
        key, "mobiel", department, weight, (
            Beat("letter.sent", "Brief verstuurd", team, "Nieuw", minutes(0, 0), channel="letter",
                 direction="outbound", appraisal=BAD),
            Beat("letter.call", "Klant belt over brief", "kcc1", "In behandeling", days(2, 6), channel="*",
                 appraisal=MEH),
            Beat("letter.nobody", "Vraag doorgezet", "kcc1", "Wachtrij", minutes(3, 30), appraisal=POOR,
                 chance=0.6),
            pickup(team, office(2, 20)),
            callback("letter.explained", appraisal=GOOD),
            Beat("letter.new", "Brief aangepast", team, "In behandeling", office(4, 40), step=False, chance=0.25),
            *close_only(),
        ),
        ping_pong=0.2, story_weight=2.0,
    )


LETTER_BILL = _letter_scenario("brief", "facturatie", 4.0)
LETTER_LEGAL = _letter_scenario("brief_incasso", "juridisch", 2.0)

OUTAGE = Scenario(
    "storing", "mobiel", "Techniek", 9.0, (
        intake("outage.report", appraisal=MEH),
        Beat("outage.known", "Storing gekoppeld aan netwerkstoring", "storingen", "In behandeling",
             minutes(5, 60), step=False),
        Beat("outage.update", "Update verstuurd", "webcare", "In behandeling", hours(1, 8), channel="whatsapp",
             direction="outbound", appraisal=GOOD, chance=0.6,
             promise=promise("update", "we houden u op de hoogte tot de storing is opgelost", "department",
                             hours(4, 8), "outage.fixed", outcome=(0.75, 0.2, 0.05), late=hours(6, 40))),
        Beat("outage.engineer", "Monteur ingepland", "netwerk", "In behandeling", office(2, 16), appraisal=OK,
             chance=0.4),
        Beat("outage.fixed", "Storing verholpen", "netwerk", "Opgelost", hours(3, 30), appraisal=GOOD),
        *resolve("storingen", appraisal=GOOD, survey=0.3),
    ),
    ping_pong=0.05, customer_wait=0.05, story_weight=0.8,
)

CANCEL = Scenario(
    "opzeggen", "mobiel", "Backoffice", 3.0, (
        intake("cancel.request"),
        Beat("cancel.retention", "Behoudaanbod gedaan", "kcc2", "In behandeling", office(0.5, 6), channel="phone",
             direction="outbound", appraisal=POOR),
        *handover("mutaties", step=False),
        *ask_customer(chance=0.35),
        Beat("cancel.confirmed", "Opzegging bevestigd", "mutaties", "In behandeling", office(2, 24),
             channel="email", direction="outbound", appraisal=OK,
             promise=promise("letter", "u ontvangt binnen 5 werkdagen de eindafrekening", "department:Facturatie",
                             office(45, 45), "cancel.final_bill", outcome=(0.6, 0.35, 0.05), late=days(3, 12))),
        Beat("cancel.final_bill", "Eindafrekening verstuurd", "facturatie", "Opgelost", office(10, 40),
             channel="letter", direction="outbound", appraisal=MEH),
        Beat("cancel.wrong_bill", "Klant belt over eindafrekening", "kcc1", "In behandeling", days(2, 10),
             channel="phone", appraisal=POOR, chance=0.3),
        *resolve(appraisal=OK, survey=0.05),
    ),
    ping_pong=0.3, customer_wait=0.0,
)

ONLINE = Scenario(
    "online", "mobiel", "Techniek", 6.0, (
        intake("online.broken", appraisal=BAD),
        Beat("online.workaround", "Wijziging handmatig verwerkt", "kcc1", "In behandeling", minutes(5, 30),
             appraisal=MEH, chance=0.5),
        *handover("storingen", step=False),
        Beat("online.known", "Bekend probleem geregistreerd", "storingen", "In behandeling", office(1, 10),
             step=False),
        silence(days(3, 12)),
        Beat("online.again", "Klant probeert opnieuw", "kcc1", "In behandeling", days(0.5, 3), channel="*",
             appraisal=BAD, chance=0.5),
        *resolve("storingen", appraisal=MEH),
    ),
    ping_pong=0.2, story_weight=2.0,
)

TOLD_THREE_TIMES = Scenario(
    "verhaal3x", "mobiel", "Klantenservice", 5.0, (
        intake("repeat.first", channel="phone", appraisal=MEH),
        *handover("kcc2", appraisal=POOR),
        Beat("repeat.second", "Klantverhaal opnieuw uitgevraagd", "kcc2", "In behandeling", minutes(3, 20),
             appraisal=BAD),
        *handover("mutaties", appraisal=POOR),
        callback("repeat.third", appraisal=BAD),
        *resolve(appraisal=MEH),
    ),
    ping_pong=0.4, story_weight=3.0,
)

IN_A_MEETING = Scenario(
    "vergadering", "mobiel", "Backoffice", 3.0, (
        intake(),
        *handover("orders"),
        silence(days(4, 9)),
        Beat("meeting.ask", "Klant vraagt naar behandelaar", "kcc1", "In behandeling", minutes(0, 10),
             channel="phone", appraisal=BAD,
             promise=promise("callback", "uw behandelaar belt u vandaag nog terug", "staff", office(4, 8),
                             "meeting.callback", outcome=(0.2, 0.75, 0.05), late=days(1, 4))),
        Beat("meeting.again", "Klant belt opnieuw", "kcc1", "In behandeling", days(1, 3), channel="phone",
             appraisal=BAD, when="broken", repeat=(1, 3)),
        Beat("meeting.callback", "Klant teruggebeld door behandelaar", "orders", "In behandeling", office(1, 8),
             channel="phone", direction="outbound", appraisal=MEH),
        *resolve(appraisal=OK),
    ),
    story_weight=2.5,
)

NO_ANSWER = Scenario(
    "geen_antwoord", "mobiel", "Backoffice", 5.0, (
        intake("noanswer.mail", channel="email"),
        Beat("gen.autoreply", "Ontvangstbevestiging verstuurd", "kcc1", "Wachtrij", minutes(0, 2),
             channel="email", direction="outbound", step=False,
             promise=promise("answer", "u ontvangt binnen 5 werkdagen een inhoudelijke reactie", "department",
                             office(45, 45), "noanswer.answer", outcome=(0.15, 0.8, 0.05), late=days(7, 20))),
        *handover("mutaties", step=False),
        Beat("noanswer.reminder", "Klant stuurt herinnering", "kcc1", "Wachtrij", days(8, 12), channel="email",
             appraisal=BAD, when="broken"),
        Beat("noanswer.reminder2", "Klant belt over uitblijven reactie", "kcc1", "Wachtrij", days(5, 9),
             channel="phone", appraisal=BAD, when="broken", chance=0.6),
        Beat("noanswer.answer", "Inhoudelijk antwoord verstuurd", "mutaties", "Opgelost", office(2, 10),
             channel="email", direction="outbound", appraisal=MEH),
        *close_only(),
    ),
    ping_pong=0.2, story_weight=2.0,
)

FIBRE = Scenario(
    "glasvezel", "mobiel", "Techniek", 4.0, (
        intake("fiber.order", activity="Aanvraag ontvangen"),
        *handover("orders", step=False),
        Beat("fiber.plan", "Installatie ingepland", "tp:installateur", "In behandeling", days(2, 6),
             channel="email", direction="outbound", appraisal=OK,
             promise=promise("visit", "de monteur komt tussen 8 en 13 uur", "tp:installateur", days(7, 14),
                             "fiber.install", outcome=(0.7, 0.25, 0.05), late=days(1, 7))),
        Beat("fiber.noshow", "Monteur niet verschenen", "tp:installateur", "Wachten op leverancier", days(6, 13),
             appraisal=BAD, when="broken"),
        Beat("fiber.install", "Installatie uitgevoerd", "tp:installateur", "In behandeling", days(6, 13),
             channel="visit", direction="outbound", appraisal=OK),
        Beat("survey.call1", "Tevredenheidsonderzoek gebeld", "tp:panel", "Gesloten", days(1, 5), channel="phone",
             direction="outbound", appraisal=POOR),
        Beat("survey.call2", "Tevredenheidsonderzoek herhaald", "tp:panel", "Gesloten", days(5, 20),
             channel="email", direction="outbound", appraisal=BAD, chance=0.5),
        *close_only("orders", survey=0.0),
    ),
    customer_wait=0.1, story_weight=2.0,
)

EXCELLENT = Scenario(
    "top_service", "mobiel", "Klantenservice", 7.0, (
        intake("great.intake", appraisal=GOOD),
        Beat("great.solved", "Direct opgelost", "kcc1", "Opgelost", minutes(3, 20), appraisal=TOP,
             promise=promise("callback", "ik bel u morgen even na om te horen of alles werkt", "staff",
                             office(9, 9), "great.followup", outcome=(0.95, 0.03, 0.02))),
        Beat("great.followup", "Nabellen zoals toegezegd", "kcc1", "Opgelost", office(4, 8), channel="phone",
             direction="outbound", appraisal=TOP),
        *close_only(survey=0.3),
    ),
    ping_pong=0.0, customer_wait=0.0, story_weight=1.2,
)

MOVING = Scenario(
    "verhuizing", "mobiel", "Backoffice", 3.0, (
        intake("move.request"),
        *handover("mutaties", step=False),
        *ask_customer(chance=1.0, reminder=0.6),
        Beat("move.missed", "Installatieafspraak gemist door klant", "tp:installateur", "Wachten op klant",
             days(3, 8), appraisal=MEH, chance=0.3),
        Beat("move.done", "Verhuizing verwerkt", "mutaties", "Opgelost", office(4, 30), channel="email",
             direction="outbound", appraisal=OK),
        *close_only(),
    ),
    customer_wait=0.0, story_weight=0.8,
)

ORDER = Scenario(
    "bestelling", "mobiel", "Logistiek", 16.0, (
        intake("order.placed", team="orders", channel="web_form", activity="Bestelling ontvangen"),
        Beat("order.check", "Kredietcheck uitgevoerd", "orders", "In behandeling", office(0.2, 4), step=False),
        Beat("order.confirm", "Orderbevestiging verstuurd", "orders", "In behandeling", minutes(1, 30),
             channel="email", direction="outbound", step=False,
             promise=promise("delivery", "uw bestelling wordt binnen 2 werkdagen bezorgd", "department:Logistiek",
                             office(18, 18), "order.delivered", outcome=(0.8, 0.18, 0.02), late=days(1, 5))),
        Beat("order.pick", "Toestel gereserveerd", "logistiek", "In behandeling", office(1, 8), step=False),
        Beat("order.shipped", "Pakket verzonden", "logistiek", "Wachten op leverancier", office(1, 8), step=False),
        Beat("order.delivered", "Pakket bezorgd", "tp:koerier", "Opgelost", days(1, 2), appraisal=OK),
        Beat("order.activated", "Simkaart geactiveerd", "mutaties", "Opgelost", hours(1, 30), step=False,
             chance=0.8),
        *close_only("orders", survey=0.05),
    ),
    ping_pong=0.05, customer_wait=0.05, story_weight=0.4,
)
# fmt: on

MOBILE = (
    SIM_CARD,
    ON_HOLD,
    BILL,
    LETTER_BILL,
    LETTER_LEGAL,
    OUTAGE,
    CANCEL,
    ONLINE,
    TOLD_THREE_TIMES,
    IN_A_MEETING,
    NO_ANSWER,
    FIBRE,
    EXCELLENT,
    MOVING,
    ORDER,
)
