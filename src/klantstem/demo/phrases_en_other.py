"""English customer steps of car, restaurant and group-wide cases. Written for this project."""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
STEPS: dict[str, dict[str, tuple[str, ...]]] = {
    "proef.request": {
        "bad": ("I requested a test drive online; the form was rather long.",),
        "normal": ("I had my eye on the {model} and booked a test drive online.",),
        "excellent": ("Booking a test drive on the website was easy. It said I would be called within 30 minutes.",),
    },
    "proef.callback": {
        "bad": ("I wasn't called within 30 minutes, only the next day.",),
        "normal": ("Customer service called me, as promised.",),
        "excellent": ("I was called within 30 minutes, exactly as the site said. That's fast!",),
    },
    "proef.to_dealer": {
        "bad": ("They passed my details to the dealer, and that's where it stopped.",),
        "normal": ("My details were passed on to {dealer}, who would contact me to make an appointment.",),
        "excellent": ("She forwarded everything to {dealer} and told me exactly what would happen next.",),
    },
    "proef.dealer_call": {
        "bad": ("The dealer called but didn't know which car I wanted to try.",),
        "normal": ("{dealer} called to make an appointment.",),
        "excellent": ("{dealer} called the same day and we had an appointment in no time.",),
    },
    "proef.chase": {
        "bad": ("In the end I waited {waited}. Then I called customer service myself and was told I'd better call the dealer directly.",),
        "normal": ("After {waited} I called them myself.",),
    },
    "proef.dealer_maze": {
        "bad": ("At the dealer I was transferred, and transferred again. 'Nobody can look at the calendar.'",
                "Called {dealer} again, got someone who knew nothing about it."),
        "normal": ("I called the dealer once more.",),
    },
    "proef.planned": {
        "bad": ("After calling three times the test drive was finally booked.",),
        "normal": ("The test drive was booked.",),
        "excellent": ("The test drive was planned at a time that suited me.",),
    },
    "proef.drive": {
        "bad": ("Before I knew it the hour was over. Good impression of the car, but I learned nothing about the technology.",),
        "normal": ("The test drive itself was fine, the car drives nicely.",),
        "excellent": ("The salesman took his time and showed me every gadget. Great test drive.",),
    },
    "proef.whatsapp": {
        "bad": ("I shared my experience through WhatsApp on their website. Never got a reply.",),
        "normal": ("Through the WhatsApp link on the website I shared my experience and some tips.",),
        "excellent": ("I gave feedback via WhatsApp and got a thank-you right away.",),
    },
    "proef.aftersales1": {
        "bad": ("About a month later after-sales called. I had to tell everything again, my WhatsApp message was nowhere to be found.",),
        "normal": ("About a month later after-sales called to ask how the test drive was. I told my story again.",),
        "excellent": ("After-sales called, had read my feedback and told me what they would do with it.",),
    },
    "proef.aftersales2": {
        "bad": ("Then they called again with the same question. Sigh. 'Oh, there's nothing about that in the system.' I hung up.",),
        "normal": ("Later they called once more with the same question.",),
    },
    "service.book": {
        "bad": ("I wanted to book a service for the {model}, but online booking didn't work.",),
        "normal": ("I {verb} to book a service for the {model}.",),
        "excellent": ("Booking the service took two minutes.",),
    },
    "service.planned": {
        "bad": ("The confirmation mentioned a different branch than the one I chose.",),
        "normal": ("{dealer} sent a confirmation with the date.",),
        "excellent": ("{dealer} confirmed immediately and offered a courtesy car.",),
    },
    "service.noshow": {
        "bad": ("I forgot the appointment. A reminder would have been nice.",),
        "normal": ("I couldn't make the appointment and had to rebook.",),
        "excellent": ("I missed the appointment but they called right away to make a new one.",),
    },
    "service.done": {
        "bad": ("The car was only ready at the end of the day instead of noon.",),
        "normal": ("The service was done.",),
        "excellent": ("The car was ready early, washed too, and the mechanic explained what he had done.",),
    },
    "service.extra_cost": {
        "bad": ("Then an invoice came for extra work nobody had mentioned.",),
        "normal": ("There was an extra invoice for additional work.",),
    },
    "lease.request": {
        "bad": ("I asked for a private lease quote. So many forms.",),
        "normal": ("I asked for a private lease quote for the {model}.",),
        "excellent": ("I asked for a quote and got a clear proposal the same day.",),
    },
    "lease.offer": {
        "bad": ("The quote was full of small print.",),
        "normal": ("I got the quote and contract by e-mail.",),
        "excellent": ("The quote was clear, everything was in it.",),
    },
    "lease.unsigned": {
        "bad": ("Apparently the contract wasn't signed properly. I only heard after {waited}.",),
        "normal": ("I had sent the contract back, but a signature on page four was missing.",),
        "excellent": ("They noticed a missing signature and called to explain.",),
    },
    "lease.delivery": {
        "bad": ("The car was delivered two weeks later than agreed.",),
        "normal": ("Then the car was delivered.",),
        "excellent": ("The delivery was a treat: they took an hour to show me everything.",),
    },
    "wa.feedback": {
        "bad": ("I sent a complaint via WhatsApp, with photos.",),
        "normal": ("I sent my feedback via WhatsApp, as the website suggested.",),
        "excellent": ("WhatsApp made it easy to tell my story.",),
    },
    "wa.again": {
        "bad": ("After {waited} still no reply, so I sent it again. Does anyone read these?",),
        "normal": ("I sent my message once more.",),
    },
    "wa.nothing": {
        "bad": ("'We have no record of that', they said. My first message was simply lost.",),
        "normal": ("They couldn't find my first message, so I had to explain again.",),
    },
    "mandate.claim": {
        "bad": ("I asked for compensation for the damage and was treated like a moaner.",),
        "normal": ("I {verb} to ask for compensation for the days without internet.",),
        "excellent": ("I asked for compensation and was taken seriously.",),
    },
    "mandate.no": {
        "bad": ("The agent wasn't allowed to decide anything. 'I have to escalate that.'",
                "She honestly said she wanted to help but wasn't allowed to. No mandate."),
        "normal": ("The agent had to refer it to a colleague.",),
    },
    "mandate.decision": {
        "bad": ("After {waited} a decision came: a five euro credit.",),
        "normal": ("After {waited} I was granted compensation.",),
        "excellent": ("I got more than I had asked for. Didn't expect that.",),
    },
    "mandate.letter": {
        "bad": ("The decision came by letter, in such bureaucratic language I had to read it twice.",),
        "normal": ("Then a letter arrived with the decision.",),
        "excellent": ("The letter was short and clear, with a personal note.",),
    },
    "soup.order": {
        "bad": ("We ordered a bowl of soup. It was happy hour and quite quiet actually.",),
        "normal": ("On {weekday} evening during happy hour I ordered a bowl of soup.",),
        "excellent": ("We were welcomed warmly and ordered quickly.",),
    },
    "soup.served": {
        "bad": ("I waited more than three quarters of an hour for that soup. It wasn't even busy.",
                "{waited} for a bowl of soup. Soup! How will they cope when it's busy?"),
        "normal": ("The soup came after {waited}, which was really long.",),
    },
    "soup.complain": {
        "bad": ("When I said something, the waiter gave me a look as if to say: stop moaning, be glad you got your soup.",),
        "normal": ("I mentioned it to the waiter. He just nodded.",),
    },
    "soup.review": {
        "bad": ("At home I wrote a review. I won't go back there.",),
        "normal": ("I wrote a review about it.",),
    },
    "soup.reply": {
        "bad": ("The reply to my review was a standard 'sorry for the inconvenience'.",),
        "normal": ("The brasserie replied to my review.",),
        "excellent": ("The owner replied personally and invited me back.",),
    },
    "top.booking": {
        "bad": ("Booking was a bit clumsy.",),
        "normal": ("We booked a table for {guests}.",),
        "excellent": ("Booking was easy and they asked about allergies straight away.",),
    },
    "top.welcome": {
        "normal": ("We were welcomed and shown to our table.",),
        "excellent": ("We were welcomed warmly and taken to the table where our friends already had a drink.",),
    },
    "top.service": {
        "normal": ("The staff were friendly.",),
        "excellent": ("All evening the staff were there at exactly the right moment: never pushy, always attentive.",),
    },
    "top.food": {
        "normal": ("The food was good.",),
        "excellent": ("And the food was delicious.",),
    },
    "top.coats": {
        "normal": ("At the end we paid and went home.",),
        "excellent": ("When we left they helped us into our coats and said goodbye. Lovely.",),
    },
    "top.review": {
        "normal": ("I wrote a positive review.",),
        "excellent": ("I wrote a glowing review right away. Well deserved!",),
    },
    "res.booking": {
        "bad": ("I booked a table but never got a confirmation e-mail.",),
        "normal": ("I booked a table for {guests}.",),
        "excellent": ("Booking was quick and personal.",),
    },
    "res.arrive": {
        "bad": ("The table was ready, but the service was chaotic.",),
        "normal": ("Our table was ready.",),
        "excellent": ("Our table was ready, with a card with our name on it.",),
    },
    "res.arrive_late": {
        "bad": ("Our booking couldn't be found. We waited {waited} at the bar.",),
        "normal": ("Our booking was lost for a moment, but a table came free quickly.",),
    },
    "res.complain": {
        "bad": ("I e-mailed a complaint about the booking.",),
        "normal": ("I let them know what went wrong.",),
    },
    "res.voucher": {
        "bad": ("They offered a voucher, but no real apology.",),
        "normal": ("They apologised and offered a voucher.",),
        "excellent": ("The manager called personally, apologised sincerely and invited us for dinner.",),
    },
}
# fmt: on
