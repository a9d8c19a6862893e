"""French (français): ``## Semaine 3``, ``- mar. : Footing 10 km @ facile``, ``Fractionné 10 km : 6 x 1000 m @ allure 10 km av. 400 m trot``."""

from __future__ import annotations

from ...model import SessionKind
from .lexicon import Lexicon

K = SessionKind
LEXICON = Lexicon(
    code="fr", name="French",
    kinds={
        "Repos": K.REST, "jour de repos": K.REST, "relâche": K.REST,
        "Footing": K.EASY, "footing facile": K.EASY, "footing léger": K.EASY, "course facile": K.EASY,
        "sortie facile": K.EASY, "endurance fondamentale": K.EASY, "EF": K.EASY, "Course": K.EASY,
        "Jogging": K.EASY,
        "Récupération": K.RECOVERY, "footing de récupération": K.RECOVERY, "Récup": K.RECOVERY,
        "Décrassage": K.RECOVERY,
        "sortie longue": K.LONG, "SL": K.LONG, "course longue": K.LONG,
        "course-marche": K.RUN_WALK, "marche-course": K.RUN_WALK, "course/marche": K.RUN_WALK, "Marche": K.RUN_WALK,
        "Seuil": K.TEMPO, "allure seuil": K.TEMPO, "course au seuil": K.TEMPO, "Progressif": K.TEMPO,
        "course progressive": K.TEMPO, "sortie progressive": K.TEMPO, "Tempo": K.TEMPO,
        "Fractionné": K.INTERVALS, "Fractionnés": K.INTERVALS, "Intervalles": K.INTERVALS, "VMA": K.INTERVALS,
        "séance de VMA": K.INTERVALS, "Piste": K.INTERVALS, "Répétitions": K.INTERVALS,
        "Côtes": K.HILLS, "Côte": K.HILLS, "fractionné en côte": K.HILLS, "Montées": K.HILLS,
        "travail en côte": K.HILLS,
        "Fartlek": K.FARTLEK,
        "Accélérations": K.STRIDES, "lignes droites": K.STRIDES,
        "Compétition": K.RACE, "Épreuve": K.RACE, "course objectif": K.RACE,
        "entraînement croisé": K.CROSS, "Vélo": K.CROSS, "Natation": K.CROSS, "Elliptique": K.CROSS,
        "Aviron": K.CROSS, "Aquajogging": K.CROSS,
        "Renforcement": K.STRENGTH, "renforcement musculaire": K.STRENGTH, "Musculation": K.STRENGTH,
        "Gainage": K.STRENGTH, "PPG": K.STRENGTH,
        "Mobilité": K.MOBILITY, "Éducatifs": K.MOBILITY, "Gammes": K.MOBILITY, "Gammes athlétiques": K.MOBILITY,
        "Étirements": K.MOBILITY, "Assouplissements": K.MOBILITY, "Yoga": K.MOBILITY,
    },
    races={"semi-marathon": "half marathon", "semi marathon": "half marathon", "semi": "half marathon",
           "demi-marathon": "half marathon", "marathon": "marathon"},
    labels={
        "trot": "jog", "trottiné": "jog", "trottinés": "jog", "footing": "jog", "marche": "walk",
        "marchés": "walk", "marche/trot": "walk/jog", "trot/marche": "jog/walk", "retour en trottinant": "jog back",
        "facile": "easy", "repos": "rest", "récupération passive": "standing rest", "arrêt": "standing rest",
        "montée": "uphill", "côtes": "hills", "côte": "hill", "accélérations en montée": "uphill strides", "accélérations": "strides",
        "accélération": "stride", "sprints": "sprints", "course": "run", "rapide": "fast", "vite": "fast",
        "échauffement": "warm-up", "retour au calme": "cool-down", "en côte": "uphill", "en montée": "uphill",
        "descente en trottinant": "jog down", "descente en marchant": "walk down",
     "trot facile": "easy jog", "récupération active": "float", "dur": "hard", "redescente en trottinant": "jog down", "petites accélérations": "pickups", "récupération": "recovery", "courses": "runs", "relances": "surges", "retour en marchant": "walk back", "redescente en marchant": "walk down",
    },
    efforts={
        "très facile": "very easy", "facile": "easy", "endurance fondamentale": "easy", "EF": "easy",
        "allure conversation": "conversational", "conversation": "conversational", "détendu": "relaxed",
        "relâché": "relaxed", "régulier": "steady", "allure régulière": "steady", "modéré": "moderate",
        "endurance active": "moderate", "soutenu": "strong", "allure soutenue": "strong",
        "confortablement difficile": "comfortably hard", "difficile": "hard", "dur": "hard",
        "très dur": "very hard", "rapide": "fast", "vite": "fast", "fort": "strong", "contrôlé": "controlled",
        "souple": "smooth", "fluide": "smooth", "seuil": "threshold", "allure seuil": "threshold pace",
        "seuil lactique": "lactate threshold", "tempo": "tempo", "allure course": "race pace",
        "allure de course": "race pace", "allure compétition": "race pace", "allure objectif": "goal pace",
        "allure cible": "goal pace", "à fond": "all-out", "max": "max", "maximal": "max", "sprint": "sprint",
        "progressif": "progressive", "aérobie": "aerobic", "récupération": "recovery", "récup": "recovery",
        "fin rapide": "fast finish", "finish rapide": "fast finish", "allure facile": "easy pace",
        "à": "to", "au": "to", "jusqu'à": "to", "ou": "or", "puis": "then", "en progressant jusqu'à": "progressing to",
        "progressif jusqu'à": "progressing to", "de l'": "of ", "de la": "of", "du": "of", "de": "of",
    },
    weekdays={"lundi": 0, "lun": 0, "mardi": 1, "mar": 1, "mercredi": 2, "mer": 2, "jeudi": 3, "jeu": 3,
              "vendredi": 4, "ven": 4, "samedi": 5, "sam": 5, "dimanche": 6, "dim": 6},
    weekday_names=("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"),
    week=("Semaine", "Sem", "Sem.", "S"), day=("Jour",),
    number_first=("re", "ère", "er", "e", "ème", "è"),  # "## 1re semaine", "## 3e semaine"
    from_=("de", "du"),  # "Progressif 8 km de facile à seuil"
    at=("en", "à", "a", "au"),  # "Footing 40 min en EF", "8 x 400 m à allure 10 km"
    reorder=((r"(?i)\b(les)(\s+)(\d+(?:[.,]\d+)?)(\s+)(derni[eè]re?s)\b", r"\1\2\5\4\3"),),  # "les 15 dernières minutes"
    levels={"débutante": "beginner", "débutants": "beginner", "novices": "novice", "intermédiaires": "intermediate",
            "confirmée": "advanced", "confirmés": "advanced", "avancé": "advanced", "avancée": "advanced",
            "avancés": "advanced", "expert": "advanced", "tous": "all levels", "tous les niveaux": "all levels"},
    main=("avec", "av.", "dont", "incl.", "incl", ", dont"), recovery=("av.", "avec", "récup.", "récup", "récupération",
                                                                    "r ="),  # club shorthand: "6 x 1000 m r = 1'30"
    then=("puis", "ensuite"), rest_or=("Repos ou",), last=("les derniers", "les dernières", "derniers", "dernières"), optional=("facultatif", "optionnel", "en option"),
    to=("à",), strides=("accélérations", "accélération", "lignes droites"),
    within_between=("dans / entre les séries", "dans / entre séries"),
    pace="allure", pace_first=True,
    pace_races={"semi-marathon": "half marathon", "semi": "half marathon", "marathon": "marathon",
                "mile": "mile", "semi marathon": "half marathon"},
    pace_words={"AS10": "10k pace", "AS5": "5k pace", "AS21": "half marathon pace", "ASM": "marathon pace",
                "AS42": "marathon pace", "AM": "marathon pace", "AS-M": "marathon pace"},
    bodyweight=("poids du corps", "PDC"), decimal_comma=True,
    units={"heure": "h", "heures": "h", "mn": "min", "minute": "min", "minutes": "min", "seconde": "s", "secondes": "s",
           "mètre": "m", "mètres": "m", "kilomètre": "km", "kilomètres": "km"},
)
