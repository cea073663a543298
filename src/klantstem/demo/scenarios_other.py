"""Scenarios of Dijkzicht Auto (the test drive and the dealer who never called, seed 003), Brasserie Dijkzicht
(the 45-minute soup, seed 001, and the evening that went right, seed 003) and the group as a whole (too little
mandate, feedback lost in WhatsApp).

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
    letter,
    minutes,
    office,
    promise,
    resolve,
    silence,
)
from klantstem.demo.model import Beat, Scenario

# fmt: off
TEST_DRIVE = Scenario(
    "proefrit", "auto", "Verkoop", 6.0, (
        intake("proef.request", team="verkoop", channel="web_form", activity="Proefrit aangevraagd"),
        Beat("proef.ack", "Terugbelverzoek ingepland", "kcc1", "Nieuw", minutes(0, 1), step=False,
             promise=promise("callback", "we bellen u binnen 30 minuten", "department:Klantenservice",
                             office(0.5, 0.5), "proef.callback", outcome=(0.9, 0.1, 0.0), late=hours(1, 5))),
        callback("proef.callback", team="kcc1", appraisal=GOOD),
        Beat("proef.to_dealer", "Lead doorgestuurd naar dealer", "kcc1", "Wachten op leverancier", minutes(1, 10),
             appraisal=OK,
             promise=promise("callback", "de dealer neemt contact met u op om een afspraak te maken", "tp:dealer",
                             office(18, 27), "proef.dealer_call", outcome=(0.25, 0.72, 0.03), late=days(4, 6))),
        Beat("proef.dealer_call", "Dealer belt klant", "tp:dealer", "In behandeling", office(4, 20),
             channel="phone", direction="outbound", appraisal=OK, when="kept"),
        Beat("proef.chase", "Klant belt over uitblijven contact", "kcc1", "Wachten op leverancier", days(6, 8),
             channel="phone", appraisal=BAD, when="broken"),
        Beat("proef.dealer_maze", "Klant belt dealer", "tp:dealer", "Wachten op leverancier", hours(3, 30),
             channel="phone", appraisal=BAD, when="broken", repeat=(1, 2)),
        Beat("proef.planned", "Afspraak proefrit gepland", "tp:dealer", "In behandeling", minutes(2, 30),
             appraisal=MEH),
        Beat("proef.drive", "Proefrit gereden", "tp:dealer", "In behandeling", days(2, 8), channel="visit",
             appraisal=MEH),
        Beat("proef.whatsapp", "Feedback ontvangen", "webcare", "In behandeling", hours(3, 50),
             channel="whatsapp", appraisal=MEH, chance=0.7),
        Beat("proef.aftersales1", "Nazorggesprek gevoerd", "aftersales", "In behandeling", days(25, 35),
             channel="phone", direction="outbound", appraisal=MEH),
        Beat("proef.aftersales2", "Nazorggesprek gevoerd", "aftersales", "In behandeling", days(10, 25),
             channel="phone", direction="outbound", appraisal=BAD, chance=0.6),
        *close_only("aftersales", survey=0.0),
    ),
    ping_pong=0.1, customer_wait=0.0, story_weight=3.5,
)

MAINTENANCE = Scenario(
    "onderhoud", "auto", "Verkoop", 5.0, (
        intake("service.book", team="aftersales", activity="Onderhoudsaanvraag ontvangen"),
        Beat("service.planned", "Afspraak ingepland", "tp:dealer", "In behandeling", office(1, 16),
             channel="email", direction="outbound", appraisal=OK),
        Beat("service.noshow", "Klant niet verschenen", "tp:dealer", "Wachten op klant", days(3, 12),
             appraisal=MEH, chance=0.2),
        Beat("service.done", "Onderhoud uitgevoerd", "tp:dealer", "In behandeling", days(2, 14), channel="visit",
             appraisal=GOOD),
        Beat("service.extra_cost", "Meerwerk gefactureerd", "facturatie", "In behandeling", office(4, 30),
             channel="letter", direction="outbound", appraisal=POOR, chance=0.3),
        *close_only("aftersales"),
    ),
    ping_pong=0.05, customer_wait=0.05, story_weight=0.7,
)

LEASE = Scenario(
    "lease", "auto", "Verkoop", 3.0, (
        intake("lease.request", team="verkoop", activity="Offerte aangevraagd"),
        Beat("lease.offer", "Offerte verstuurd", "verkoop", "Wachten op klant", office(2, 16), channel="email",
             direction="outbound", appraisal=OK),
        Beat("lease.unsigned", "Contract niet ondertekend retour", "verkoop", "Wachten op klant", days(5, 12),
             appraisal=MEH),
        *ask_customer(chance=1.0, reminder=0.7),
        *handover("juridisch", step=False),
        Beat("lease.approved", "Contract goedgekeurd", "juridisch", "In behandeling", office(4, 40), step=False),
        Beat("lease.delivery", "Auto afgeleverd", "tp:dealer", "Opgelost", days(10, 30), channel="visit",
             direction="outbound", appraisal=GOOD),
        *close_only("verkoop"),
    ),
    customer_wait=0.0, story_weight=1.0,
)

WHATSAPP_LOST = Scenario(
    "whatsapp_kwijt", "algemeen", "Klantenservice", 3.0, (
        intake("wa.feedback", team="webcare", channel="whatsapp", appraisal=MEH, activity="Bericht ontvangen"),
        silence(days(10, 25), appraisal=BAD),
        Beat("wa.again", "Klant stuurt bericht opnieuw", "webcare", "In behandeling", hours(1, 30), channel="*",
             appraisal=BAD),
        Beat("wa.nothing", "Geen eerdere registratie gevonden", "webcare", "In behandeling", office(0.5, 8),
             channel="out", direction="outbound", appraisal=BAD),
        *resolve(appraisal=MEH),
    ),
    ping_pong=0.1, story_weight=3.0,
)

MANDATE = Scenario(
    "mandaat", "algemeen", "Juridische zaken", 4.0, (
        intake("mandate.claim", appraisal=MEH),
        Beat("mandate.no", "Compensatieverzoek niet binnen mandaat", "kcc1", "In behandeling", minutes(3, 15),
             appraisal=BAD),
        *handover("klachten"),
        *handover("juridisch", appraisal=POOR),
        Beat("mandate.decision", "Besluit compensatie genomen", "juridisch", "In behandeling", office(10, 60),
             appraisal=MEH),
        letter("mandate.letter", appraisal=MEH),
        *close_only(),
    ),
    ping_pong=0.35, story_weight=2.0,
)

SOUP = Scenario(
    "soep", "brasserie", "Brasserie", 4.0, (
        intake("soup.order", team="bediening", channel="visit", activity="Bestelling opgenomen"),
        Beat("soup.kitchen", "Bestelling naar keuken", "bediening", "Wachtrij", minutes(2, 10), step=False),
        Beat("soup.cooked", "Gerecht bereid", "keuken", "In behandeling", minutes(35, 45), step=False),
        Beat("soup.served", "Gerecht geserveerd", "bediening", "Opgelost", minutes(2, 8), appraisal=BAD),
        Beat("soup.complain", "Klacht aan tafel", "bediening", "In behandeling", minutes(1, 5), appraisal=BAD),
        Beat("soup.paid", "Rekening betaald", "bediening", "Gesloten", minutes(20, 60), step=False),
        Beat("soup.review", "Review geplaatst", "webcare", "In behandeling", hours(2, 30), channel="review_site",
             appraisal=BAD, chance=0.6, rhythm="evening"),
        Beat("soup.reply", "Reactie op review geplaatst", "webcare", "Gesloten", office(2, 30),
             channel="review_site", direction="outbound", appraisal=MEH, chance=0.7, needs="soup.review"),
    ),
    ping_pong=0.0, customer_wait=0.0, story_weight=3.0,
)

GOOD_EVENING = Scenario(
    "restaurant_top", "brasserie", "Brasserie", 5.0, (
        intake("top.booking", team="bediening", activity="Reservering ontvangen", appraisal=GOOD),
        Beat("top.welcome", "Gasten ontvangen", "bediening", "In behandeling", days(2, 10), channel="visit",
             appraisal=TOP, rhythm="evening"),
        Beat("top.service", "Bediening aan tafel", "bediening", "In behandeling", minutes(10, 30), appraisal=TOP),
        Beat("top.food", "Gerecht geserveerd", "keuken", "In behandeling", minutes(20, 40), appraisal=TOP),
        Beat("top.coats", "Gasten uitgeleide gedaan", "bediening", "Gesloten", minutes(90, 150), appraisal=TOP),
        Beat("top.review", "Review geplaatst", "webcare", "Gesloten", hours(12, 72), channel="review_site",
             appraisal=TOP, chance=0.5, rhythm="evening"),
    ),
    ping_pong=0.0, customer_wait=0.0, story_weight=2.0,
)

RESERVATION = Scenario(
    "reservering", "brasserie", "Brasserie", 2.5, (
        intake("res.booking", team="bediening", activity="Reservering ontvangen"),
        Beat("res.confirm", "Reservering bevestigd", "bediening", "In behandeling", minutes(1, 120),
             channel="email", direction="outbound", step=False,
             promise=promise("reservation", "uw tafel staat op de afgesproken tijd voor u klaar", "department",
                             days(2, 10), "res.arrive", outcome=(0.5, 0.5, 0.0), late=minutes(20, 40))),
        Beat("res.arrive", "Gasten ontvangen", "bediening", "In behandeling", days(2, 10), channel="visit",
             appraisal=GOOD, when="kept", rhythm="evening"),
        Beat("res.arrive_late", "Gasten ontvangen", "bediening", "In behandeling", days(2, 10), channel="visit",
             appraisal=BAD, when="broken", rhythm="evening"),
        Beat("res.complain", "Klacht ontvangen", "klachten", "In behandeling", hours(12, 48), channel="email",
             appraisal=BAD, when="broken"),
        Beat("res.voucher", "Tegoedbon aangeboden", "klachten", "Opgelost", office(2, 16), channel="email",
             direction="outbound", appraisal=GOOD, when="broken"),
        *close_only("bediening", survey=0.1),
    ),
    ping_pong=0.0, customer_wait=0.0, story_weight=1.5,
)
# fmt: on

OTHER = (TEST_DRIVE, MAINTENANCE, LEASE, WHATSAPP_LOST, MANDATE, SOUP, GOOD_EVENING, RESERVATION)
