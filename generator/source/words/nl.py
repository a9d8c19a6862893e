"""Dutch (Nederlands): ``## Week 3``, ``- wo: Duurloop 10 km @ rustig``, ``Intervallen 10 km: 6 x 1000 m @ 10 km-tempo m/ 400 m dribbel``."""

from __future__ import annotations

from ...model import SessionKind
from .lexicon import Lexicon

K = SessionKind
LEXICON = Lexicon(
    code="nl", name="Dutch",
    kinds={
        "Rust": K.REST, "Rustdag": K.REST, "Vrij": K.REST,
        "Duurloop": K.EASY, "rustige duurloop": K.EASY, "rustige loop": K.EASY, "Loop": K.EASY, "Lopen": K.EASY,
        "Joggen": K.EASY, "rustig lopen": K.EASY, "extensieve duurloop": K.EASY, "Rustig": K.EASY,  # "Rustig 6 km", as "Easy 6 km"
        "Herstelloop": K.RECOVERY, "Herstel": K.RECOVERY, "herstel duurloop": K.RECOVERY,
        "lange duurloop": K.LONG, "lange loop": K.LONG, "Lang": K.LONG, "Lange": K.LONG,
        "loop-wandel": K.RUN_WALK, "lopen-wandelen": K.RUN_WALK, "wandel-loop": K.RUN_WALK, "lopen/wandelen": K.RUN_WALK,
        "Wandelen": K.RUN_WALK,
        "Tempoloop": K.TEMPO, "Tempoduurloop": K.TEMPO, "Drempelloop": K.TEMPO, "Drempel": K.TEMPO,
        "progressieve loop": K.TEMPO, "progressieve duurloop": K.TEMPO, "Tempo": K.TEMPO,
        "Intervallen": K.INTERVALS, "Interval": K.INTERVALS, "Intervaltraining": K.INTERVALS,
        "Baantraining": K.INTERVALS, "Baan": K.INTERVALS, "Herhalingen": K.INTERVALS, "Snelheid": K.INTERVALS,
        "Heuveltraining": K.HILLS, "Heuvels": K.HILLS, "Heuvellopen": K.HILLS, "Heuvelsprints": K.HILLS,
        "Heuvel": K.HILLS,
        "Fartlek": K.FARTLEK,
        "Versnellingen": K.STRIDES,
        "Wedstrijd": K.RACE,
        "Crosstraining": K.CROSS, "alternatieve training": K.CROSS, "Fietsen": K.CROSS, "Fiets": K.CROSS,
        "Zwemmen": K.CROSS, "Roeien": K.CROSS,
        "Krachttraining": K.STRENGTH, "Kracht": K.STRENGTH, "Sportschool": K.STRENGTH, "Core": K.STRENGTH,
        "Stabiliteit": K.STRENGTH,
        "Mobiliteit": K.MOBILITY, "Loopscholing": K.MOBILITY, "Looptechniek": K.MOBILITY,
        "Rekken": K.MOBILITY, "Stretchen": K.MOBILITY, "Yoga": K.MOBILITY,
    },
    races={"halve marathon": "half marathon", "marathon": "marathon"},
    labels={
        "dribbel": "jog", "dribbelen": "jog", "joggen": "jog", "wandel": "walk", "wandelen": "walk",
        "wandelen/dribbelen": "walk/jog", "dribbelen/wandelen": "jog/walk", "terugdribbelen": "jog back",
        "uitlopen": "cool-down", "uitlopen/dribbelen": "cool-down", "dribbelpauze": "jog", "afdribbelen": "jog down", "rustig": "easy", "herstel": "recovery", "rust": "rest",
        "stilstaand": "standing rest", "bergop": "uphill", "heuvels": "hills", "heuvel": "hill",
        "versnellingen bergop": "uphill strides", "versnellingen": "strides", "versnelling": "stride", "sprints": "sprints", "lopen": "run", "snel": "fast",
        "hard": "hard", "inlopen": "warm-up", "warming-up": "warm-up", "cooling-down": "cool-down",
     "rustig dribbelen": "easy jog", "vlot dribbelen": "float", "korte versnellingen": "pickups", "loopjes": "runs", "tempowisselingen": "surges", "terugwandelen": "walk back", "afwandelen": "walk down",
    },
    efforts={
        "heel rustig": "very easy", "zeer rustig": "very easy", "rustig": "easy", "makkelijk": "easy",
        "gemakkelijk": "easy", "praattempo": "conversational", "ontspannen": "relaxed", "gelijkmatig": "steady",
        "matig": "moderate", "gemiddeld": "moderate", "stevig": "strong", "pittig": "comfortably hard",
        "zwaar": "hard", "hard": "hard", "heel hard": "very hard", "zeer hard": "very hard", "snel": "fast",
        "gecontroleerd": "controlled", "soepel": "smooth", "drempel": "threshold", "drempeltempo": "threshold pace",
        "melkzuurdrempel": "lactate threshold", "tempo": "tempo", "wedstrijdtempo": "race pace",
        "racetempo": "race pace", "doeltempo": "goal pace", "maximaal": "max", "voluit": "all-out",
        "sprint": "sprint", "progressief": "progressive", "aeroob": "aerobic", "herstel": "recovery",
        "snelle finish": "fast finish", "rustig tempo": "easy pace", "tot": "to", "of": "or", "dan": "then",
        "daarna": "then", "oplopend naar": "progressing to", "opbouwend naar": "progressing to", "van": "of",
    },
    weekdays={"maandag": 0, "ma": 0, "dinsdag": 1, "di": 1, "woensdag": 2, "wo": 2, "donderdag": 3, "do": 3,
              "vrijdag": 4, "vr": 4, "zaterdag": 5, "za": 5, "zondag": 6, "zo": 6},
    weekday_names=("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"),
    week=("Week", "Wk"), day=("Dag",),
    main=("met", "incl.", "incl", "inclusief", "waarvan", ", waarvan"), recovery=("m/", "met"),
    then=("dan", "daarna", "vervolgens"), rest_or=("Rust of", "Rustdag of"), last=("de laatste", "laatste"),
    optional=("optioneel", "facultatief"), to=("tot", "à"), strides=("versnellingen", "versnelling"),
    within_between=("binnen / tussen de series", "binnen / tussen series"),
    pace="tempo", pace_first=False,
    pace_races={"halve marathon": "half marathon", "halve-marathon": "half marathon",
                "halvemarathon": "half marathon", "HM": "hm", "marathon": "marathon", "mijl": "mile"},
    pace_words={"MT": "MP", "HMT": "HMP"},
    bodyweight=("lichaamsgewicht",), decimal_comma=True,
    from_=("van",),  # "Progressieve duurloop 8 km van rustig tot drempel"
    at=("op", "in"),  # "6 x 1000 m op 10 km-tempo", "Duurloop 8 km in zone 2"
    levels={"beginners": "beginner", "starters": "novice", "beginnend": "novice", "halfgevorderden": "intermediate",
            "gemiddeld": "intermediate", "gevorderden": "advanced", "ervaren": "advanced", "alle": "all levels"},
    units={"uur": "h", "u": "h", "minuut": "min", "minuten": "min", "seconde": "s", "seconden": "s", "meter": "m",
           "kilometer": "km"},
)
