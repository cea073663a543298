"""English appraisal cues, written for this project. Same shape and weights as `lexicon_nl`."""

from __future__ import annotations

from klantstem.text.tokens import word_set

# Patterns that are words of the other language too, with another meaning (English "kind" is a Dutch
# child): left out when a text in the other language is read with this lexicon as its second one.
FALSE_FRIENDS: frozenset[str] = word_set("kind lost bad patient fail* late so most")

# fmt: off
POSITIVE: dict[str, float] = {
    "top": 1.5,
    "excellent": 2.0, "outstanding": 2.0, "amazing": 2.0, "fantastic": 2.0, "awesome": 2.0, "superb": 2.0,
    "brilliant": 2.0, "perfect*": 2.0, "wonderful": 2.0, "exceptional*": 2.0, "above and beyond": 2.0,
    "extra mile": 2.0, "delicious": 1.5, "terrific": 2.0, "impressive": 1.3, "highly recommend*": 2.0,
    "love": 1.3, "loved": 1.3, "great": 1.5, "top notch": 2.0, "exceeded": 1.8, "couldn't be happier": 2.0,
    "first class": 1.8, "spot on": 1.5, "good": 0.8, "better": 0.6, "nice": 0.8, "friendly": 1.0,
    "helpful": 1.2, "polite": 1.0, "courteous": 1.0, "kind": 0.8, "quick": 0.8, "quickly": 0.8, "fast": 0.8,
    "prompt*": 0.8, "efficient*": 1.0, "pleasant*": 1.0, "happy": 1.0, "satisfied": 1.0, "pleased": 1.0,
    "clear": 0.8, "clearly": 0.6, "easy": 0.6, "smooth*": 0.8, "professional*": 1.0, "knowledgeable": 1.0,
    "competent": 1.0, "thank*": 0.5, "recommend*": 1.0,
    "patient": 1.0, "attentive": 1.2, "fresh": 0.8, "cheap": 0.5, "affordable": 0.8, "on time": 0.6,
    "value for money": 1.2, "reliable": 1.0, "reachable": 0.6, "responsive": 1.0, "fine": 0.4, "ok": 0.4,
    "okay": 0.4, "decent": 0.4, "reasonable": 0.3, "adequate": 0.3, "acceptable": 0.3, "as expected": 0.3,
    "alright": 0.4, "appreciate*": 1.0, "lovely": 1.5, "seamless*": 1.5,
    # praise without a praise word: what good service does, told as a fact
    "finally someone": 1.2, "nothing to complain about": 2.0, "can't|couldn't|cannot fault": 2.0,
    "nothing was too much": 1.5, "took ... time": 0.8, "felt heard": 1.5, "taken seriously": 1.0,
    "no questions asked": 1.0, "in one call|go|visit": 0.8, "first time right": 1.0,
    "knew ... exactly": 1.0, "knew ... straight|right away": 1.0, "exactly when|what ... said|promised": 1.2,
    "did what ... promised|said": 1.2, "kept their|his|her word": 1.5, "kept ... informed|updated": 1.2,
    "didn't have to repeat": 1.5, "right person": 0.8, "before ... even asked": 1.2, "same day": 1.0,
    "next day": 0.6, "straight away": 0.8, "right away": 0.8, "on the spot": 1.0, "within seconds": 1.2,
    "more than ... expected": 1.2, "faster than": 1.2, "thank you so|very much": 1.2, "thanks a lot": 1.0,
    "great job": 2.0, "love it": 1.5, "saved my day|life|bacon": 1.5, "lifesaver": 1.5,
    # the common words of praise for service and for the people who give it
    "caring": 1.0, "empathetic": 1.2, "respectful": 1.2, "thorough*": 1.0, "proactive*": 1.2,
    "impressed": 1.5, "grateful": 1.0, "relieved": 1.0, "user-friendly": 1.2, "user friendly": 1.2,
    "straightforward": 0.8, "hassle-free": 1.5, "hassle free": 1.5, "painless": 1.2, "compliments": 1.2,
    "kudos": 1.5, "well done": 1.5, "a credit to": 1.8, "no complaints": 1.0, "nothing but praise": 2.0,
    "couldn't|can't|cannot ... asked|wished for": 2.0, "could not have asked|wished for": 2.0,
    "couldn't|can't ... be better": 2.0, "could not be better": 2.0, "second to none": 2.0, "over the moon": 2.0,
    "thrilled": 1.8, "delighted": 1.8, "glad": 0.8, "for once": 1.0, "the best": 1.5, "best ... ever": 2.0,
    "made my day": 1.5, "went out of her|his|their|your way": 1.8, "bent over backwards": 1.8,
    "a pleasure": 1.2, "easier|quicker|simpler|clearer|smoother than": 1.2,
    # what good service does: nothing needed from the customer, done unasked, the same or the next morning, calm
    # under pressure, explained with care
    "didn't|never ... have|need to": 1.2, "did not have|need to": 1.2, "no need to": 1.0,
    "without me|us|having ... asking|chasing|prompting|ask|chase": 1.2, "same morning|afternoon|evening|week": 0.8,
    "next morning": 0.8, "very next": 1.0, "stayed|remained|kept ... calm|patient|polite|friendly": 1.2,
    "explained everything|exactly|patiently": 1.0, "explained ... every|each|step by step": 1.0,
    "knew ... history|case|situation|details": 1.0,
    # thanks for what someone did (not for a message: that is courtesy), help judged, a promise kept, nothing wrong
    "thanks|thank|cheers ... for ... help|patience|support|assistance|effort|efforts|time|explaining|sorting": 1.2,
    "huge|big|massive|many|special ... thanks": 1.2, "a great|big|huge|real ... help": 1.5,
    "felt ... helped|understood|listened|valued": 1.2, "as promised|agreed": 1.0,
    "did|does|do ... what ... promised|promise|promises|said": 1.2, "nothing wrong": 0.3,
    "keep up the good work": 1.8, "hats off": 1.8, "five stars": 1.8, "with a smile": 1.0,
    "made|make|making ... an|every|real ... effort": 1.2, "what i call ... service": 1.8,
    "couldn't|can't|cannot ... easier|simpler|quicker|smoother|faster|nicer|friendlier": 2.0,
    "could not ... easier|simpler|quicker|smoother|faster|nicer|friendlier": 2.0, "exactly what i ... needed": 1.5,
    "a star|legend|gem|hero": 1.5, "absolute star|legend|gem": 1.8, "in minutes": 1.0, "within minutes": 1.2,
}

NEGATIVE: dict[str, float] = {
    "terrible": -2.0, "awful": -2.0, "horrible": -2.0, "horrendous": -2.0, "appalling": -2.0, "atrocious": -2.0,
    "disgusting": -2.0, "worst": -2.0, "useless": -1.6, "pathetic": -2.0, "ridiculous": -1.5,
    "unacceptable": -2.0, "disgrace*": -2.0, "shocking": -1.5, "nightmare": -2.0, "never again": -2.0,
    "scam*": -2.0, "waste of time": -1.6, "furious": -1.8, "incompetent": -1.6, "rip off": -1.8,
    "rip-off": -1.8, "bad": -1.0, "poor*": -1.0, "slow*": -1.0, "rude*": -1.5, "unfriendly": -1.2,
    "unhelpful": -1.2, "impolite": -1.2, "disappoint*": -1.2, "frustrat*": -1.0, "annoy*": -1.0,
    "irritat*": -1.0, "angry": -1.2, "upset": -1.0, "unhappy": -1.0, "dissatisfied": -1.0, "complain*": -0.6,
    "problem": -0.6, "problems": -0.6, "issue": -0.4, "issues": -0.4, "mistake*": -0.8, "wrong": -0.8,
    "broken": -1.0, "confusing": -1.0, "unclear": -1.0, "unprofessional": -1.2, "expensive": -0.8,
    "overpriced": -1.2, "cold": -0.5, "dirty": -1.0, "noisy": -0.8, "ignored": -1.2, "fed up": -1.2,
    "sadly": -0.5, "unfortunately": -0.5, "hassle": -1.0, "unreachable": -1.2, "careless*": -1.0,
    "mediocre": -0.7, "lousy": -1.5, "sloppy": -1.0, "too long": -1.0, "late": -0.6, "forgot*": -0.8,
    "lost": -0.6, "declined": -0.4, "failed": -0.8, "fail*": -0.6, "not working": -1.0, "too high": -1.0,
    "too little": -0.8, "too small": -0.6, "too busy": -0.8, "too complicated": -1.0, "thanks for nothing": -1.5,
    "forever": -1.2, "dismissive": -1.2, "rolled ... eyes": -1.5, "stop complaining": -1.2, "wrongly": -1.0,
    "left to my own devices": -1.8, "in circles": -1.2, "hold music": -0.6, "come on": -0.8,
    "really disappointing": -1.5, "joke": -1.2, "automated|canned|standard reply|response|answer": -0.8,
    # the common words of complaint: judgements, feelings, being fobbed off or misled
    "sick of": -1.5, "tired of": -1.2, "had enough": -1.2, "fuming": -1.8, "livid": -1.8, "outrage*": -1.8,
    "absurd": -1.3, "farce": -1.8, "shambles": -1.8, "incompetence": -1.6, "clueless": -1.5,
    "condescending": -1.5, "patronising": -1.5, "patronizing": -1.5, "disrespectful": -1.5, "appalled": -1.8,
    "gutted": -1.2, "stress*": -0.8, "shameful": -1.8, "inexcusable": -1.8, "hopeless": -1.6, "worse": -1.0,
    "unreliable": -1.2, "mess": -1.2, "messed up": -1.2, "impossible": -0.8, "nonsense": -1.2,
    "excuses": -0.8, "neglected": -1.2, "let down": -1.5, "misled": -1.5, "misleading": -1.5, "lied": -1.5,
    "liar*": -1.5, "cheated": -1.8, "fobbed off": -1.5, "runaround": -1.5, "run around": -1.2,
    "hoops": -1.0, "no help": -1.2, "not good enough": -1.5, "rubbish": -1.5, "garbage": -1.5, "crap": -1.5,
    "dreadful": -2.0, "ugh": -0.8,
    # questions of despair
    "how many times": -1.0, "how much longer": -1.0, "how is it possible": -1.2, "how hard": -1.0,
    "why do|should|must i ... have to": -0.8, "too much to ask": -1.5,
    # an expectation the service did not meet
    "would have ... expected": -1.0, "i'd have ... expected": -1.0, "had expected": -1.0, "you'd think": -1.0,
    "you would think": -1.0,
    "would expect": -0.8,
    # "only" or "not until" for a late moment
    "not until": -0.8, "only next|tomorrow|later": -0.8, "earliest ... is": -0.8,
    # impatience: where is it, when finally, how long still, must I again, is anyone going to
    "where is ... my|our": -0.8, "where's ... my|our": -0.8, "when ... finally": -1.0, "will i|we ... ever": -1.0,
    "how long ... have|has|must|going ... wait": -1.0, "have to ... again": -1.0,
    "is anyone|anybody ... going|actually|even|there": -1.0,
    # escalation and demands: a customer who threatens to leave or to go to law has a complaint
    "ombudsman": -1.5, "small claims": -1.5, "trading standards": -1.5, "legal action": -1.5, "lawyer": -1.2,
    "solicitor": -1.2, "i demand": -1.2, "compensation": -0.8, "want|demand ... money back": -1.0,
    "switching|switch|moving|leave|leaving ... provider|supplier|elsewhere": -1.0, "another provider|supplier": -0.8,
    "take my business elsewhere": -1.8,
    # the customer had to do the work: chasing, a day off, solving it alone
    "chase|chasing|chased": -1.0, "took|taken ... day off": -0.8, "for nothing": -1.0,
    "sorted|fixed|figured|solved|resolved ... myself": -1.2, "did it myself": -1.0,
    # not even, not a single: an absence stressed
    "not even": -1.0, "not a single": -1.0, "not one": -0.8, "no apology": -1.0,
    # being dismissed
    "my fault": -1.2, "my own fault": -1.2, "price increase|rise|hike": -0.6, "broke": -1.0,
    "stopped working": -1.2,
    # what should have been, what is only said to be, what changed out of the blue, what it cost the customer
    "should have": -0.9, "should've": -0.9, "supposedly": -0.8, "so-called": -0.8, "they claim": -0.8,
    "suddenly": -0.7, "out of the blue": -0.7, "once again": -0.8, "cost|costing ... me|us": -0.8,
    # how it hit the customer, how they were treated
    "in tears": -1.2, "sleepless": -1.2, "how you treat": -1.2, "made up": -1.0,
    # why so long, so high; instead of what was due; more than agreed; going wrong; how it used to be
    "why ... so|such ... long|high|expensive|much|difficult|hard|complicated|slow": -1.0, "why does it take": -1.0,
    "how come": -0.6, "higher|more|later than ... agreed|expected|quoted|promised|quote": -1.0,
    "had to ... myself": -1.0, "went|gone|goes|going ... wrong": -1.0, "zero communication|response|help": -1.2,
    "used to": -0.6, "yet again": -1.0,
    # feelings of a customer let down
    "disgusted": -1.8, "horrified": -1.5, "baffled": -1.0, "bewildered": -1.0, "powerless": -1.2,
    "helpless": -1.2, "distress*": -1.2, "unimpressed": -1.0, "embarrassing": -1.2, "insult*": -1.5,
    "beggars belief": -1.5, "shocked": -1.5, "worried": -0.6, "exhausted": -0.8,
    "been trying": -1.0, "talked|talking|talks ... over me": -1.2, "and counting": -1.0,
    "someone else's": -1.0, "is this how": -1.0,
    # "outstanding" as owed is no praise
    "outstanding amount|balance|bill|invoice|payment|debt|charges": 0.0,
}

# Words for a problem, which praise for solving it names ("the fault was fixed within an hour"): not a complaint
# there.
PROBLEM_WORDS: frozenset[str] = frozenset({"problem", "problems", "issue", "issues", "mistake*", "broken", "fail*"})

# A problem solved: praise, and it takes the sting out of the problem's word in the same clause.
RESOLVED: dict[str, float] = {
    "resolved": 0.8, "solved": 0.8, "fixed": 0.6, "sorted": 0.8, "repaired": 0.8, "corrected": 0.8,
    "replaced": 0.5, "refunded": 0.8, "works again": 1.2, "working again": 1.2,
    "handled": 0.6, "sorted out": 0.8,
}

# A praise word that opens a sentence ("Great, another ...") reads as irony when one of these follows and the
# sentence complains.
IRONY_MARKERS: frozenset[str] = word_set("again another still")

NEGATORS: frozenset[str] = word_set(
    "aren't barely can't cannot cant couldn't couldnt didn't didnt doesn't doesnt don't dont hardly "
    "hasn't haven't havent isn't isnt neither never no nobody none nor not nothing nowhere shouldn't "
    "wasn't wasnt weren't without won't wont wouldn't "
)

INTENSIFIERS: dict[str, float] = {
    "very": 1.5, "really": 1.3, "extremely": 1.7, "so": 1.3, "super": 1.5, "incredibly": 1.7, "absolutely": 1.5,
    "totally": 1.5, "completely": 1.5, "utterly": 1.7, "too": 1.3, "highly": 1.5, "truly": 1.3, "quite": 1.1,
    "most": 1.3, "terribly": 1.6, "awfully": 1.6, "exceptionally": 1.7,
}

DOWNTONERS: dict[str, float] = {
    "bit": 0.6, "slightly": 0.6, "somewhat": 0.7, "fairly": 0.8, "rather": 0.9, "little": 0.7, "kinda": 0.7,
    "mildly": 0.6,
}

FACTUAL: tuple[tuple[str, float, str | None], ...] = (
    # reachability
    ("on hold", -0.8, "reachability"),
    ("couldn't|can't|cannot|unable ... reach", -1.2, "reachability"),
    ("could not|never ... reach", -1.2, "reachability"),
    ("nobody ... answered|answers|picked", -1.2, "reachability"),
    ("no one ... answered|answers|picked", -1.2, "reachability"),
    ("always in a meeting", -1.2, "reachability"),
    ("line ... busy", -0.8, "reachability"),
    ("call ... dropped", -1.0, "reachability"),
    ("phone menu*", -0.4, "reachability"),
    ("never|not|couldn't|can't|cannot ... get through", -1.2, "reachability"),
    ("can't|couldn't|cannot ... get anyone|anybody|someone|hold", -1.2, "reachability"),
    ("nobody ... picks|pick|picked", -1.2, "reachability"),
    ("no one ... picks|pick|picked", -1.2, "reachability"),
    ("out of service", -1.0, "reachability"),
    ("line went dead", -1.2, "reachability"),
    ("only ... reach|open|available", -0.8, "reachability"),
    ("go|goes|went unanswered", -1.2, "reachability"),
    # trying to reach someone is told because it failed; a menu that hangs up or starts over
    ("been trying ... reach|contact|call|phone|ring", -1.0, "reachability"),
    ("trying|tried ... to reach|contact", -0.8, "reachability"),
    ("hangs|hang|hanging ... up", -1.2, "reachability"),
    ("cut off", -1.0, "reachability"),
    ("disconnected", -1.0, "reachability"),
    ("every|each time I call|ring|phone", -0.6, "reachability"),
    ("back to the start|beginning", -1.0, "reachability"),
    ("back to the main menu", -1.0, "reachability"),
    # the organisation as subject of a failure
    ("nobody", -1.0, None),
    ("no one", -1.0, None),
    # what should have happened and did not
    (
        "not|never|no|nothing|hasn't|haven't|hadn't|didn't|wasn't|isn't|weren't ... delivered|received|"
        "arrived|replied|answered|responded|repaired|refunded|credited|showed|turned|came|come|confirmed|informed|"
        "told|processed|updated|corrected|sent|heard|got|called|rang|contacted|happened|changed|fixed|installed|"
        "connected|activated|collected|returned|acknowledged|investigated|booked",
        -1.0,
        None,
    ),
    (
        "still ... delivered|received|arrived|replied|answered|responded|repaired|refunded|credited|showed|turned|"
        "came|come|confirmed|informed|told|processed|updated|corrected|sent|heard|got",
        -1.0,
        None,
    ),
    # waiting_time
    ("took ... weeks|months|days", -1.2, "waiting_time"),
    ("under review", -0.4, "waiting_time"),
    ("only after", -0.8, "waiting_time"),
    ("ago", -0.4, None),
    ("without ... reply|response|answer", -1.0, "waiting_time"),
    ("still waiting", -1.2, "waiting_time"),
    ("still no|not", -1.0, None),
    ("for weeks|months|days", -0.8, None),
    ("had to wait", -0.6, "waiting_time"),
    ("waited ... for", -0.6, "waiting_time"),
    ("no response|reply|answer", -1.0, "waiting_time"),
    ("never heard back", -1.2, "waiting_time"),
    ("without hearing anything|back", -1.2, "waiting_time"),
    ("heard nothing", -1.2, "waiting_time"),
    ("for ages", -0.8, "waiting_time"),
    ("waited ... ages", -1.0, "waiting_time"),
    ("haven't|didn't ... heard|hear ... back", -1.2, "waiting_time"),
    ("delay*", -0.8, "waiting_time"),
    ("yet to receive", -1.0, "waiting_time"),
    ("hasn't arrived|come", -1.0, "waiting_time"),
    ("not arrived|received", -1.0, "waiting_time"),
    ("pending", -0.3, "waiting_time"),
    # promises
    ("never|not|didn't ... called|call ... back", -1.5, "promises"),
    ("nobody ... called back", -1.5, "promises"),
    ("no one ... called back", -1.5, "promises"),
    ("promised ... but", -1.2, "promises"),
    ("broken promise*", -1.5, "promises"),
    ("didn't|never ... show up", -1.2, "promises"),
    ("was supposed to", -0.6, "promises"),
    ("appointment ... cancelled|moved|rescheduled", -1.2, "promises"),
    ("never ... turned|showed up", -1.5, "promises"),
    # repeat_story
    ("explain ... again", -1.2, "repeat_story"),
    ("repeat ... story|myself|details", -1.2, "repeat_story"),
    ("for the second|third|fourth time", -1.0, "repeat_story"),
    ("same question|questions ... again", -1.0, "repeat_story"),
    ("no record", -1.2, "repeat_story"),
    ("nothing in the system", -1.2, "repeat_story"),
    ("all over again", -1.0, "repeat_story"),
    ("starting|start ... from scratch", -1.2, "repeat_story"),
    ("explained|explain|send|give ... everything ... again", -1.0, "repeat_story"),
    ("is|was lost", -1.0, "repeat_story"),
    ("seems to be lost", -1.0, "repeat_story"),
    ("not recorded", -1.2, "repeat_story"),
    # transfers
    ("transferred me|us", -0.6, "transfers"),
    ("transferred my call", -0.6, "transfers"),
    ("was|were|been transferred to|between another|the|a|someone|different", -0.6, "transfers"),
    ("got|getting|being transferred", -0.6, "transfers"),
    ("keep|kept|keeps transferring", -1.0, "transfers"),
    ("passed ... around", -1.2, "transfers"),
    ("another department", -0.4, "transfers"),
    ("wrong department", -1.0, "transfers"),
    ("bounced ... between", -1.2, "transfers"),
    ("from one department|agent|person|team|desk ... to another", -1.5, "transfers"),
    ("from one department|agent|person|team|desk ... to the other", -1.5, "transfers"),
    ("points|pointed|pointing ... at someone|each other", -1.2, "transfers"),
    ("takes|took ... responsibility", -0.4, "transfers"),
    ("transferred # times", -1.2, "transfers"),
    ("other department's|team's|side's", -1.0, "transfers"),
    ("not our|my|their department|job|responsibility", -1.0, "transfers"),
    ("back to the same|first ... department|person|team|agent", -1.0, "transfers"),
    # no facet of its own
    ("doesn't|didn't|not|won't ... work", -1.0, None),
    # online_systems
    ("error message*", -1.0, "online_systems"),
    ("can't|couldn't|cannot|unable ... log|login", -1.2, "online_systems"),
    ("crash*", -1.0, "online_systems"),
    ("website|app|site ... down", -1.0, "online_systems"),
    # no facet of its own
    ("outage", -1.0, None),
    ("still there|happening", -1.0, None),
    ("still drops|crashes|fails", -1.0, None),
    # communication
    ("no explanation", -1.0, "communication"),
    ("nobody understands", -1.2, "communication"),
    ("not informed", -1.0, "communication"),
    ("no idea", -0.6, "communication"),
    ("nobody|never ... told|informed|warned|mentioned", -1.0, "communication"),
    ("no one ... told|informed|warned|mentioned", -1.0, "communication"),
    # competence
    ("not allowed|permitted", -0.8, "competence"),
    ("only the account holder", -1.0, "competence"),
    ("only the bill payer", -1.0, "competence"),
    ("only the policyholder", -1.0, "competence"),
    ("no|without ... authorisation|authorization", -1.0, "competence"),
    ("no|without ... power of attorney", -1.0, "competence"),
    ("not authori*", -1.0, "competence"),
    ("couldn't|can't|cannot|unable ... help", -1.2, "competence"),
    ("not resolved|solved|fixed", -1.2, "competence"),
    ("no solution", -1.2, "competence"),
    ("sort|figure ... it out myself", -1.2, "competence"),
    ("nothing they could|can do", -1.2, "competence"),
    ("blamed", -1.0, "competence"),
    # price
    ("charged twice", -1.2, "price"),
    ("double charged", -1.2, "price"),
    ("hidden fee*|charge*|cost*", -1.2, "price"),
    ("overcharged", -1.2, "price"),
    ("extra fee*|charge*", -0.6, "price"),
    ("charged ... twice", -1.2, "price"),
    ("pay|paying|paid ... twice|double", -1.2, "price"),
    ("# times as much|high|expensive", -1.0, "price"),
    ("reminders", -0.6, "price"),
    ("went up|increased", -0.6, "price"),
    ("fee just", -0.8, "price"),
    # product_quality
    ("defective", -1.0, "product_quality"),
    ("damaged", -1.2, "product_quality"),
    ("wrong item|product|order", -1.0, "product_quality"),
    ("no|without internet|tv|power|electricity|gas|water|heating|signal|connection|service|network|reception",
     -1.2, "product_quality"),
    ("drops|dropped ... connection", -1.0, "product_quality"),
    ("leaks|leaking|leaked", -1.0, "product_quality"),
    ("cracked", -1.2, "product_quality"),
    ("missing|incomplete", -1.0, "product_quality"),
    ("blocked", -1.0, "online_systems"),
    ("keeps|kept ... crashing|freezing|hanging", -1.0, "online_systems"),
    ("is|was|went ... down", -1.0, "product_quality"),
    ("has|had been ... down", -1.0, "product_quality"),
    # staff_attitude
    ("hung up", -1.2, "staff_attitude"),
    ("interrupt*", -1.0, "staff_attitude"),
    ("sighed", -0.8, "staff_attitude"),
    ("treated ... like", -1.0, "staff_attitude"),
    # being told off: "not my problem"
    ("not|wasn't|isn't ... my|her|his|our|their problem", -1.2, "staff_attitude"),
    # communication
    ("without ... notice|explanation|warning|reason|consent|permission", -1.0, "communication"),
    ("without asking|telling|informing|consulting|notifying|checking", -1.0, "communication"),
    ("unanswered", -1.2, "communication"),
    ("without ... resolving|fixing|solving|doing|helping|sorting", -1.0, "competence"),
    ("sent|send|sends ... back to", -1.2, "transfers"),
    ("back and forth", -1.2, "transfers"),
    ("charged|billed|debited|taken ... again", -1.0, "price"),
    ("told|said|tells|says ... something different", -1.0, "communication"),
    ("back to the home|main|start ... page|screen", -1.0, "online_systems"),
    # lost, cancelled, locked out, still charged, charged too much, a fault that comes back
    ("they|you|you've|they've|have|has ... lost", -1.2, None),
    ("they|you|you've|they've ... cancelled|canceled", -1.0, None),
    ("was|been|got ... cancelled|canceled", -0.8, None),
    ("locked out", -1.2, "online_systems"),
    ("still ... charged|charging|billed|billing|taking|debited", -1.2, "price"),
    ("charged|charging|billed ... too much", -1.2, "price"),
    ("fault|problem|issue|leak|error|noise ... came|comes|coming|keeps ... back", -1.0, "product_quality"),
    ("broke|broken|stopped|failed|crashed|down ... again", -1.0, "product_quality"),
    ("# different answers|things|stories|explanations|versions", -1.2, "communication"),
    ("one thing ... another", -1.0, "communication"),
    ("no-one", -1.0, None),
    ("doubled", -1.0, "price"),
    ("twice as much", -1.0, "price"),
    ("taken|debited|billed ... twice", -1.2, "price"),
    ("without a working", -1.0, "product_quality"),
    ("left ... mess", -1.0, "competence"),
)
# fmt: on
