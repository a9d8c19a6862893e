"""German (Deutsch): ``## Woche 3``, ``- Di: Dauerlauf 10 km @ locker``, ``Intervalle 10 km: 6 x 1000 m @ 10-km-Tempo m/ 400 m Trabpause``."""

from __future__ import annotations

from ...model import SessionKind
from .lexicon import Lexicon

K = SessionKind
LEXICON = Lexicon(
    code="de", name="German",
    kinds={
        "Ruhetag": K.REST, "Ruhe": K.REST, "Pause": K.REST, "frei": K.REST, "trainingsfrei": K.REST,
        "Dauerlauf": K.EASY, "lockerer Dauerlauf": K.EASY, "ruhiger Dauerlauf": K.EASY, "lockerer Lauf": K.EASY,
        "ruhiger Lauf": K.EASY, "Lauf": K.EASY, "Laufen": K.EASY, "Grundlagenlauf": K.EASY, "GA1-Lauf": K.EASY,
        "GA1": K.EASY, "Jogging": K.EASY, "extensiver Dauerlauf": K.EASY, "langsamer Dauerlauf": K.EASY,
        # Steffny's and the magazines' abbreviated forms: "langsamer DL", "ruhiger DL", "zügiger DL"
        "langsamer DL": K.EASY, "ruhiger DL": K.EASY, "lockerer DL": K.EASY,
        "Regenerationslauf": K.RECOVERY, "regenerativer Lauf": K.RECOVERY, "Erholungslauf": K.RECOVERY,
        "Regeneration": K.RECOVERY,
        "langer Lauf": K.LONG, "langer Dauerlauf": K.LONG, "langer ruhiger Lauf": K.LONG, "Longjog": K.LONG,
        "Long Jog": K.LONG, "Langer": K.LONG,
        "Lauf-Geh-Training": K.RUN_WALK, "Lauf-Geh-Wechsel": K.RUN_WALK, "Lauf-Geh": K.RUN_WALK, "Lauf/Geh": K.RUN_WALK,
        "Laufen/Gehen": K.RUN_WALK, "Gehen/Laufen": K.RUN_WALK, "Gehen": K.RUN_WALK,
        "Tempolauf": K.TEMPO, "Tempodauerlauf": K.TEMPO, "Schwellenlauf": K.TEMPO, "Schwelle": K.TEMPO,
        "Schwellentraining": K.TEMPO, "zügiger Dauerlauf": K.TEMPO, "zügiger DL": K.TEMPO, "GA2-Lauf": K.TEMPO, "GA2": K.TEMPO,
        "Progressionslauf": K.TEMPO, "Crescendolauf": K.TEMPO, "Tempo": K.TEMPO,
        "Intervalle": K.INTERVALS, "Intervall": K.INTERVALS, "Intervalltraining": K.INTERVALS,
        "Bahntraining": K.INTERVALS, "Bahn": K.INTERVALS, "Tempoläufe": K.INTERVALS,
        "Wiederholungsläufe": K.INTERVALS, "Wiederholungen": K.INTERVALS, "Schnelligkeit": K.INTERVALS,
        "Hügelläufe": K.HILLS, "Hügellauf": K.HILLS, "Bergläufe": K.HILLS, "Berglauf": K.HILLS,
        "Bergsprints": K.HILLS, "Bergintervalle": K.HILLS, "Hügelintervalle": K.HILLS, "Hügel": K.HILLS,
        "Fahrtspiel": K.FARTLEK, "Fartlek": K.FARTLEK,
        "Steigerungen": K.STRIDES, "Steigerungsläufe": K.STRIDES,
        "Wettkampf": K.RACE, "Rennen": K.RACE, "Testwettkampf": K.RACE,
        "Alternativtraining": K.CROSS, "Ausgleichstraining": K.CROSS, "Crosstraining": K.CROSS,
        "Radfahren": K.CROSS, "Rad": K.CROSS, "Radeln": K.CROSS, "Schwimmen": K.CROSS, "Aquajogging": K.CROSS,
        "Rudern": K.CROSS, "Ergometer": K.CROSS, "Crosstrainer": K.CROSS, "Skilanglauf": K.CROSS,
        "Krafttraining": K.STRENGTH, "Kraft": K.STRENGTH, "Stabi": K.STRENGTH, "Stabilisation": K.STRENGTH,
        "Stabilisationstraining": K.STRENGTH, "Athletiktraining": K.STRENGTH, "Athletik": K.STRENGTH,
        "Rumpfkraft": K.STRENGTH, "Fitnessstudio": K.STRENGTH, "Kraftzirkel": K.STRENGTH, "Zirkeltraining": K.STRENGTH,
        "Mobilität": K.MOBILITY, "Lauf-ABC": K.MOBILITY, "Lauf ABC": K.MOBILITY, "Lauftechnik": K.MOBILITY,
        "Mobilisation": K.MOBILITY, "Beweglichkeit": K.MOBILITY, "Dehnen": K.MOBILITY,
        "Yoga": K.MOBILITY,
        "DL": K.EASY, "TDL": K.TEMPO, "LDL": K.LONG,  # as magazines abbreviate them; each kind is named by its first word above
    },
    races={"Halbmarathon": "half marathon", "halber Marathon": "half marathon", "HM": "half marathon",
           "Marathon": "marathon"},
    labels={
        "Trabpause": "jog", "Trab": "jog", "traben": "jog", "lockeres Traben": "easy jog", "Gehpause": "walk",
        "gehen": "walk", "Gehen/Traben": "walk/jog", "Traben/Gehen": "jog/walk", "zurücktraben": "jog back",
        "zurückgehen": "walk back", "austraben": "jog down", "locker": "easy", "Erholung": "recovery",
        "Pause": "rest", "Stehpause": "standing rest", "bergauf": "uphill", "Hügel": "hills", "Berg": "hills",
        "Steigerungen bergauf": "uphill strides", "Steigerungen": "strides", "Steigerung": "stride", "Sprints": "sprints", "Lauf": "run", "laufen": "run",
        "schnell": "fast", "hart": "hard", "Einlaufen": "warm-up", "Aufwärmen": "warm-up", "Auslaufen": "cool-down",
     "zügiger Trab": "float", "Anstieg": "hill", "Temposteigerungen": "pickups", "Läufe": "runs", "Tempowechsel": "surges", "hinuntergehen": "walk down",
    },
    efforts={
        "sehr locker": "very easy", "locker": "easy", "ruhig": "easy", "langsam": "easy", "Gesprächstempo": "conversational",
        "Plaudertempo": "conversational", "entspannt": "relaxed", "gleichmäßig": "steady", "mittel": "moderate",
        "mittleres Tempo": "moderate", "moderat": "moderate", "zügig": "brisk", "flott": "brisk",
        "angenehm hart": "comfortably hard", "komfortabel hart": "comfortably hard", "hart": "hard",
        "sehr hart": "very hard", "schnell": "fast", "stark": "strong", "kontrolliert": "controlled",
        "flüssig": "smooth", "Schwelle": "threshold", "an der Schwelle": "threshold",
        "Schwellentempo": "threshold pace", "Laktatschwelle": "lactate threshold", "Tempo": "tempo",
        "Wettkampftempo": "race pace", "Renntempo": "race pace", "Zieltempo": "goal pace",
        "Wettkampfbelastung": "race effort", "Bergbelastung": "hill effort", "maximal": "max",
        "Vollgas": "all-out", "Sprint": "sprint", "progressiv": "progressive", "steigernd": "progressive",
        "aerob": "aerobic", "regenerativ": "recovery", "Erholung": "recovery", "Progression": "progression",
        "Endbeschleunigung": "fast finish", "lockeres Tempo": "easy pace", "GA1": "easy", "GA2": "steady",
        "bis": "to", "oder": "or", "dann": "then", "steigernd auf": "progressing to",
        "steigernd bis": "progressing to", "gesteigert auf": "progressing to",
        "des": "of", "vom": "of", "von": "of",
    },
    weekdays={"Montag": 0, "Mo": 0, "Dienstag": 1, "Di": 1, "Mittwoch": 2, "Mi": 2, "Donnerstag": 3, "Do": 3,
              "Freitag": 4, "Fr": 4, "Samstag": 5, "Sonnabend": 5, "Sa": 5, "Sonntag": 6, "So": 6},
    weekday_names=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    week=("Woche", "Wo", "Wo."), day=("Tag",),
    main=("mit", "inkl.", "inkl", "inklusive", "davon", ", davon", ", inkl."), recovery=("m/", "mit"),
    then=("dann", "danach", "anschließend"), rest_or=("Ruhetag oder", "Pause oder", "Ruhe oder"), last=("den letzten", "die letzten", "letzten", "letzte"),
    optional=("optional", "wahlweise"), to=("bis",), strides=("Steigerungen", "Steigerungsläufe", "Steigerungsläufen"),
    within_between=("innerhalb / zwischen den Serien", "innerhalb / zwischen Serien"),
    pace="Tempo", pace_first=False, pace_also=("Renntempo", "Wettkampftempo"),
    pace_races={"Halbmarathon": "half marathon", "HM": "hm", "Marathon": "marathon", "M": "m",
                "Meilen": "mile", "Meile": "mile"},
    pace_words={"MRT": "MP", "HMRT": "HMP", "Ziel-MRT": "goal MP"},
    bodyweight=("Körpergewicht", "Eigengewicht"), decimal_comma=True, number_first=(".",),
    from_=("von",),  # "Progressionslauf 10 km von locker bis Schwelle"
    at=("im", "in"),  # "Dauerlauf 10 km im GA1", "3 x 3 km im MRT", "in 4:45 min/km"
    # Besides the site's names (Einsteiger, Anfänger, Fortgeschrittene, Ambitionierte): "Einsteiger /
    # Fortgeschrittene / Ambitionierte" is the usual German triad, so "fortgeschritten" is the middle one.
    levels={"Einsteigerin": "beginner", "Anfängerin": "novice", "Neueinsteiger": "novice", "fortgeschritten": "intermediate",
            "Fortgeschrittener": "intermediate", "ambitioniert": "advanced", "Ambitionierter": "advanced",
            "Leistungsläufer": "advanced", "Erfahrene": "advanced", "alle": "all levels", "alle Niveaus": "all levels",
            "alle Stufen": "all levels", "alle Level": "all levels", "für alle": "all levels"},
    units={"Std": "h", "Stunde": "h", "Stunden": "h", "Minute": "min", "Minuten": "min", "Sek": "s", "Sekunde": "s",
           "Sekunden": "s", "Meter": "m", "Kilometer": "km"},
)
