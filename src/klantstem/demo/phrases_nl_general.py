"""How Dutch-speaking customers tell the steps most cases share, per appraisal.

Written for this project. Slots in braces are filled per case (see texts.py).
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
GENERAL: dict[str, dict[str, tuple[str, ...]]] = {
    "gen.intake": {
        "bad": (
            "Ik {verb} over {topic}. Het duurde eindeloos voordat ik iemand te spreken kreeg.",
            "Ik {verb} op {weekday} over {topic}. Eerst een bandje, toen een keuzemenu, toen weer een bandje.",
            "Ik {verb} over {topic}, maar ik had meteen het gevoel dat ik lastig was.",
        ),
        "normal": (
            "Ik {verb} over {topic}.",
            "Ik {verb} op {weekday} over {topic}. Ik werd netjes te woord gestaan.",
            "Ik {verb} over {topic}. Die vraag werd genoteerd en ik zou iets horen.",
            "Ik {verb} omdat ik een vraag had over {topic}.",
        ),
        "excellent": (
            "Ik {verb} over {topic} en werd meteen heel vriendelijk geholpen door {agent}.",
            "Ik {verb} over {topic}. Binnen een paar minuten had ik iemand die precies begreep wat ik bedoelde.",
        ),
    },
    "gen.transfer": {
        "bad": (
            "Toen werd ik doorverbonden. En nog een keer. Niemand voelde zich verantwoordelijk.",
            "Ze zetten mijn vraag door naar {team}, want daar 'gaan ze niet over'.",
            "Ik werd van het kastje naar de muur gestuurd: eerst naar {team}, daarna hoorde ik niets meer.",
        ),
        "normal": (
            "Mijn vraag werd doorgezet naar {team}.",
            "Ze gaven aan dat {team} mij verder zou helpen.",
            "Ik werd doorverbonden met een collega van {team}.",
        ),
        "excellent": (
            "Ik werd direct doorverbonden met iemand van {team} die al wist waar het over ging.",
        ),
    },
    "gen.pingpong": {
        "bad": (
            "En toen stuurde {team} het weer terug. Ik zat er gewoon tussenin.",
            "Na {waited} bleek dat {team} het weer had teruggestuurd naar de klantenservice. Pingpong, met mij als bal.",
            "Ik kreeg te horen dat mijn vraag 'bij de verkeerde afdeling was beland' en weer terug was gegaan.",
        ),
        "normal": ("Mijn vraag ging nog een keer heen en weer tussen twee afdelingen.",),
    },
    "gen.silence": {
        "bad": (
            "Daarna hoorde ik {waited} helemaal niets.",
            "Het bleef {waited} stil. Geen mail, geen telefoontje, niets.",
            "Ik heb {waited} gewacht zonder dat iemand iets liet weten.",
        ),
        "normal": (
            "Daarna duurde het {waited} voordat er weer iets gebeurde.",
            "Het heeft even geduurd, {waited}.",
        ),
    },
    "gen.callback": {
        "bad": ("Ik werd uiteindelijk teruggebeld, maar de medewerker wist van niets.",),
        "normal": (
            "{agent} belde me terug, zoals afgesproken.",
            "Na {waited} werd ik teruggebeld.",
            "Ik werd teruggebeld door {team}.",
        ),
        "excellent": (
            "{agent} belde me terug en had alles al uitgezocht. Echt top.",
            "Ik werd precies op het afgesproken moment teruggebeld, en de medewerker wist alles nog.",
        ),
    },
    "gen.ask_info": {
        "bad": (
            "Toen vroegen ze ineens om nog een kopie van mijn legitimatie, terwijl ik die al had gestuurd.",
            "Ik moest nog een formulier ondertekenen dat ik nergens kon vinden.",
        ),
        "normal": (
            "Ze vroegen me om nog een getekend formulier op te sturen.",
            "Ik moest nog wat gegevens aanleveren.",
            "Er ontbrak nog een handtekening, dus ze vroegen me het formulier opnieuw te sturen.",
        ),
        "excellent": ("Ze legden precies uit welk document ze nog nodig hadden en waarom.",),
    },
    "gen.info_sent": {
        "bad": ("Ik heb het formulier voor de tweede keer gestuurd, want de eerste keer was het 'niet aangekomen'.",),
        "normal": (
            "Ik heb het formulier diezelfde week teruggestuurd.",
            "Ik heb de gevraagde gegevens gemaild.",
            "Dat heb ik na {waited} opgestuurd, ik had het even druk.",
        ),
        "excellent": ("Ik kon het document gewoon in de app uploaden, dat ging heel makkelijk.",),
    },
    "gen.resolve": {
        "bad": (
            "Uiteindelijk is het na {waited} opgelost, maar van een excuus was geen sprake.",
            "Het is opgelost, maar pas nadat ik zelf drie keer had gebeld.",
        ),
        "normal": (
            "Uiteindelijk werd het opgelost.",
            "Daarna kreeg ik bericht dat het in orde was.",
            "Na {waited} was het geregeld.",
        ),
        "excellent": (
            "Het werd helemaal opgelost en ik kreeg er zelfs een excuus bij. Netjes.",
            "{agent} liet weten dat alles geregeld was, en vroeg of ik nog andere vragen had. Zo hoort het.",
        ),
    },
}
# fmt: on
