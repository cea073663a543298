"""How English-speaking customers (expats living in the Netherlands) tell each step, per appraisal.

Written for this project; same keys and slots as the Dutch banks, fewer variants.
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
STEPS: dict[str, dict[str, tuple[str, ...]]] = {
    "gen.intake": {
        "bad": ("I {verb} about {topic}. It took ages before I got hold of anyone.",
                "I {verb} about {topic} and immediately felt like I was a nuisance."),
        "normal": ("I {verb} about {topic}.", "On {weekday} I {verb} about {topic}. They took down my question."),
        "excellent": ("I {verb} about {topic} and {agent} helped me straight away, very friendly.",),
    },
    "gen.transfer": {
        "bad": ("Then I was transferred. And transferred again. Nobody felt responsible.",
                "They passed my question on to {team}, because it was 'not their department'."),
        "normal": ("My question was passed on to {team}.", "I was put through to a colleague in {team}."),
        "excellent": ("I was put straight through to someone in {team} who already knew the details.",),
    },
    "gen.pingpong": {
        "bad": ("And then {team} sent it back again. I was stuck in the middle.",
                "After {waited} it turned out my request had bounced back to customer service. Ping-pong, and I was the ball."),
        "normal": ("My question went back and forth between two departments.",),
    },
    "gen.silence": {
        "bad": ("After that I heard nothing for {waited}.", "Silence for {waited}. No e-mail, no call, nothing."),
        "normal": ("It took {waited} before anything happened.",),
    },
    "gen.callback": {
        "bad": ("I got a call back in the end, but the person had no idea what it was about.",),
        "normal": ("{agent} called me back as agreed.", "After {waited} they called me back."),
        "excellent": ("{agent} called back and had already sorted everything out. Brilliant.",),
    },
    "gen.ask_info": {
        "bad": ("Then they suddenly wanted another copy of my passport, which I had already sent.",),
        "normal": ("They asked me to send a signed form.", "They needed a few more details from me."),
        "excellent": ("They explained exactly which document they still needed and why.",),
    },
    "gen.info_sent": {
        "bad": ("I sent the form a second time, because the first one 'never arrived'.",),
        "normal": ("I sent the form back that same week.", "I e-mailed the details after {waited}."),
        "excellent": ("I could just upload the document in the app, very easy.",),
    },
    "gen.resolve": {
        "bad": ("In the end it was fixed after {waited}, but nobody apologised.",),
        "normal": ("In the end it got sorted.", "After {waited} it was done."),
        "excellent": ("Everything was fixed and they even apologised. Well done.",),
    },
    "sim.menu": {
        "bad": ("I had no signal on my phone. Before I reached the right person I had been on the phone for {hold} minutes, on a paid number.",
                "First the phone menu: press 1, press 3, press 2. Then {hold} minutes on hold."),
        "normal": ("I called customer service because I had no signal. I had to wait a bit.",),
    },
    "sim.device": {
        "bad": ("I had to send my phone in, even though I need it for work.",),
        "normal": ("They thought it was the handset, so I had to send my phone in for repair.",),
        "excellent": ("I could drop my phone off at the shop and got a loan phone right away.",),
    },
    "sim.device_back": {
        "bad": ("I got it back after {waited}. And guess what: still no signal.",),
        "normal": ("After {waited} I got my phone back, but the problem was still there.",),
    },
    "sim.wife": {
        "bad": ("{partner_cap} tried to call for me because I work during the day. Not allowed, I had to call myself.",),
        "normal": ("{partner_cap} called, but they wanted to discuss it with me personally.",),
    },
    "sim.call_again": {
        "bad": ("So I called again. Explained everything again.",),
        "normal": ("So I called again myself. This time I didn't have to wait as long.",),
        "excellent": ("I called again and this time I was helped right away.",),
    },
    "sim.defect": {
        "bad": ("Then it turned out the SIM card was faulty. Why didn't anyone check that first?",),
        "normal": ("Now they said the SIM card was broken and a new one would arrive within two working days.",),
        "excellent": ("The engineer saw at once that it was the SIM card and ordered a new one.",),
    },
    "sim.chase": {
        "bad": ("After {waited} still no SIM card. I called and was told it could take ten days.",),
        "normal": ("I called once more to ask where the SIM card was.",),
    },
    "sim.delivered": {
        "bad": ("The new SIM card only arrived after {since_promise}. Two working days, they had said. All that time without a phone when my clients need to reach me!",),
        "normal": ("The new SIM card came in the post after {since_promise} and everything worked again.",),
        "excellent": ("The SIM card arrived within two days, exactly as promised.",),
    },
    "hold.menu": {
        "bad": ("I was on hold for {hold} minutes. {hold} minutes! Same music over and over.",
                "The phone menu seemed designed to make you hang up, and then {hold} minutes of hold music."),
        "normal": ("I had to wait a while before I got someone on the line.",),
    },
    "hold.answer": {
        "bad": ("When I finally got someone, I had to tell the whole story and then give my name and address again.",),
        "normal": ("Eventually I spoke to a real person, who was friendly enough.",),
        "excellent": ("The agent apologised for the wait and really took her time with me.",),
    },
    "hold.note_only": {
        "bad": ("The call didn't achieve much more than her writing down what had happened.",),
        "normal": ("She noted everything down and would pass it on.",),
    },
    "bill.intake": {
        "bad": ("I {verb} about my bill, which was much higher than usual. It made no sense to me.",),
        "normal": ("I {verb} about this month's bill because there was an amount I didn't recognise.",),
        "excellent": ("I {verb} about my bill and {agent} helped me straight away.",),
    },
    "bill.explain": {
        "bad": ("The explanation was so complicated I still didn't understand it afterwards.",),
        "normal": ("The agent explained where the amount came from.",),
        "excellent": ("{agent} went through the bill line by line. Finally it made sense.",),
    },
    "bill.correct": {
        "bad": ("The credit note was wrong as well.",),
        "normal": ("I got a credit note for the difference.",),
        "excellent": ("The money was back in my account within two days.",),
    },
    "letter.sent": {
        "bad": ("I received a letter about {topic}. Honestly, nobody could understand that letter.",
                "A letter full of legal jargon arrived. I read it three times and still didn't know what to do."),
        "normal": ("I got a letter about {topic}.",),
    },
    "letter.call": {
        "bad": ("I called to ask what the letter meant, but customer service didn't know either.",),
        "normal": ("I {verb} to ask what they actually expected from me.",),
        "excellent": ("I called and the agent had the letter in front of her and explained it calmly.",),
    },
    "letter.nobody": {
        "bad": ("Nobody on the phone could explain the letter. 'It comes from another department.'",),
        "normal": ("The agent had to check with a colleague.",),
    },
    "letter.explained": {
        "bad": ("They called me back, but it didn't get any clearer.",),
        "normal": ("Someone from {team} called me back and explained what the letter meant.",),
        "excellent": ("{agent} called back, explained it in plain language and said they would rewrite the letter.",),
    },
    "outage.report": {
        "bad": ("I had no internet for two days and had to report it myself.",),
        "normal": ("I {verb} because my internet was down.",),
        "excellent": ("I reported the outage and was told right away they were working on it.",),
    },
    "outage.update": {
        "bad": ("The update only said they were 'working on it'.",),
        "normal": ("I got a message that there was an outage in the area.",),
        "excellent": ("I got a WhatsApp message with an explanation and an expected repair time. That's how it should be.",),
    },
    "outage.engineer": {
        "bad": ("The engineer couldn't come for three days.",),
        "normal": ("An engineer was scheduled.",),
        "excellent": ("An engineer came the same day.",),
    },
    "outage.fixed": {
        "bad": ("After {waited} everything worked again. I had to ask for compensation myself.",),
        "normal": ("After {waited} the outage was fixed.",),
        "excellent": ("It was fixed faster than promised, and I got a credit without asking.",),
    },
    "cancel.request": {
        "bad": ("I wanted to cancel, but that could only be done by phone.",),
        "normal": ("I {verb} to cancel my subscription.",),
        "excellent": ("Cancelling could be done online, done in a minute.",),
    },
    "cancel.retention": {
        "bad": ("They called me with one offer after another. I had clearly said I wanted to leave.",),
        "normal": ("They called with an offer to stay. Friendly, but not needed.",),
    },
    "cancel.confirmed": {
        "bad": ("The cancellation confirmation only came after {waited}, with the wrong date.",),
        "normal": ("I got an e-mail saying the cancellation was processed and the final bill would follow within five working days.",),
        "excellent": ("Within a day I had a clear confirmation with all the dates.",),
    },
    "cancel.final_bill": {
        "bad": ("The final bill only came after {since_promise}, much later than promised.",),
        "normal": ("Then the final bill arrived by post.",),
        "excellent": ("The final bill was clear and I even got money back.",),
    },
    "cancel.wrong_bill": {
        "bad": ("The final bill charged an extra month. So, calling again.",),
        "normal": ("I had a question about the final bill.",),
    },
    "online.broken": {
        "bad": ("I wanted to do it online, but their online system didn't work!",
                "My account page kept showing an error. So I had to {verb_inf} after all."),
        "normal": ("It didn't work online, so I {verb}.",),
    },
    "online.workaround": {
        "bad": ("The agent told me to 'just do it online'. That was exactly the problem.",),
        "normal": ("The agent entered it manually for me.",),
        "excellent": ("The agent sorted it directly in the system. Great.",),
    },
    "online.again": {
        "bad": ("I tried again after {waited}. Same error.",),
        "normal": ("Tried again later, it half worked.",),
    },
    "repeat.first": {
        "bad": ("I called and told my story. Long story, but fine.",),
        "normal": ("I called and explained what was going on.",),
        "excellent": ("I called and the first agent listened carefully.",),
    },
    "repeat.second": {
        "bad": ("With the next agent I had to start all over again. Don't they write anything down?",),
        "normal": ("The next agent asked for the details once more.",),
    },
    "repeat.third": {
        "bad": ("Then yet another person called me back, and for the third time I told the whole story. It wasn't anywhere in their system.",),
        "normal": ("They called me back and I had to explain it briefly once more.",),
    },
    "meeting.ask": {
        "bad": ("I called to speak to the person handling my case. In a meeting.",
                "I could never reach them, they're always in a meeting."),
        "normal": ("I asked for my case handler, who would call me back.",),
    },
    "meeting.again": {
        "bad": ("No call back. So I called again: in a meeting again.",
                "Tried once more. 'She's in a meeting.' Always a meeting."),
        "normal": ("I called again, she still wasn't available.",),
    },
    "meeting.callback": {
        "bad": ("After {since_promise} {owner} finally called back, without explaining why it took so long.",),
        "normal": ("Eventually {owner} called me back.",),
        "excellent": ("{owner} called back, apologised and fixed it on the spot.",),
    },
    "noanswer.mail": {
        "bad": ("I sent an e-mail and only got an automatic reply.",),
        "normal": ("I sent an e-mail about {topic}.",),
        "excellent": ("I e-mailed about {topic} and had a personal answer the same day.",),
    },
    "noanswer.reminder": {
        "bad": ("After {waited} I still hadn't heard anything, so I sent a reminder.",
                "It took weeks to get an answer. After {waited} I sent a reminder."),
        "normal": ("After {waited} I sent a reminder.",),
    },
    "noanswer.reminder2": {
        "bad": ("Nothing after the reminder either, so I called. My e-mail was 'being processed'.",),
        "normal": ("I also called to ask how things stood.",),
    },
    "noanswer.answer": {
        "bad": ("After {since_promise} an answer came that didn't even answer my question.",),
        "normal": ("Eventually I got an answer by e-mail.",),
        "excellent": ("The answer was thorough and completely clear.",),
    },
    "fiber.order": {
        "bad": ("I ordered fibre, which was complicated from the start.",),
        "normal": ("We ordered a fibre connection.",),
        "excellent": ("Ordering fibre was quick, sorted in ten minutes.",),
    },
    "fiber.plan": {
        "bad": ("The installation appointment was two weeks away.",),
        "normal": ("I got an e-mail with an installation slot between 8 and 1.",),
        "excellent": ("I could choose the installation time myself. Handy.",),
    },
    "fiber.noshow": {
        "bad": ("I took a day off, but the engineer never showed up. Nobody called.",),
        "normal": ("The engineer didn't come on the agreed day.",),
    },
    "fiber.install": {
        "bad": ("The engineer did come in the end, but left a mess.",),
        "normal": ("The engineer installed everything.",),
        "excellent": ("The engineer was tidy, explained everything and even cleaned up.",),
    },
    "survey.call1": {
        "bad": ("Then a lady called asking if she could ask five questions. The first: had the engineer been polite? Yes, but that's not the point.",),
        "normal": ("I got a call for a satisfaction survey.",),
    },
    "survey.call2": {
        "bad": ("A week later an e-mail came with exactly the same questions. Don't they know that themselves?",),
        "normal": ("Later another survey came by e-mail.",),
    },
    "great.intake": {
        "bad": ("I {verb} about {topic}, without much hope.",),
        "normal": ("I {verb} about {topic}.",),
        "excellent": ("I {verb} about {topic} and had {agent} on the line within a minute.",),
    },
    "great.solved": {
        "normal": ("It was solved in one go.",),
        "excellent": ("{agent} asked a few questions first, summed up what I meant and fixed it right away.",
                      "She really listened and sorted it during the call. Beyond my expectations."),
    },
    "great.followup": {
        "bad": ("She would call back the next day. I only heard from them after {since_promise}.",),
        "normal": ("The next day they called to check.",),
        "excellent": ("The next day {agent} actually called to check everything worked. You rarely see that.",),
    },
    "order.placed": {
        "bad": ("I ordered a new phone online. The web shop froze twice at checkout.",),
        "normal": ("I ordered a new phone online with {product}.",),
        "excellent": ("Ordering took a few minutes, very clear.",),
    },
    "order.delivered": {
        "bad": ("Two working days, it said. The parcel only came after {since_promise}.",),
        "normal": ("The parcel was delivered without problems.",),
        "excellent": ("The courier was at my door the next morning. Great!",),
    },
    "move.request": {
        "bad": ("I reported my move, but it could only be done with a paper form.",),
        "normal": ("I {verb} to give them my new address.",),
        "excellent": ("Reporting my move was really quick.",),
    },
    "move.missed": {
        "bad": ("I forgot an appointment, I admit, but a new one took another two weeks.",),
        "normal": ("I had missed the appointment, so a new one had to be made.",),
        "excellent": ("I missed the appointment, but they rescheduled without any fuss.",),
    },
    "move.done": {
        "bad": ("It was sorted, but bills still went to my old address.",),
        "normal": ("After that the move was processed.",),
        "excellent": ("Everything was ready on time: internet worked on day one in the new house.",),
    },
}
# fmt: on
