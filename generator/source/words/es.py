"""Spanish (español): ``## Semana 3``, ``- Mié: Rodaje 10 km @ suave``, ``Series 10 km: 6 x 1000 m @ ritmo 10K c/ 400 m trote``."""

from __future__ import annotations

from ...model import SessionKind
from .lexicon import Lexicon

K = SessionKind
LEXICON = Lexicon(
    code="es", name="Spanish",
    kinds={
        "Descanso": K.REST, "día de descanso": K.REST, "Libre": K.REST, "Reposo": K.REST,
        "Rodaje": K.EASY, "rodaje suave": K.EASY, "rodaje fácil": K.EASY, "carrera suave": K.EASY,
        "carrera continua": K.EASY, "Trote": K.EASY, "Correr": K.EASY,
        "Regenerativo": K.RECOVERY, "rodaje regenerativo": K.RECOVERY, "Recuperación": K.RECOVERY,
        "rodaje de recuperación": K.RECOVERY,
        "tirada larga": K.LONG, "rodaje largo": K.LONG, "carrera larga": K.LONG, "Larga": K.LONG, "Fondo": K.LONG,
        "correr-caminar": K.RUN_WALK, "correr y caminar": K.RUN_WALK, "caminar-correr": K.RUN_WALK, "correr/caminar": K.RUN_WALK,
        "Caminar": K.RUN_WALK, "Caminata": K.RUN_WALK,
        "Umbral": K.TEMPO, "carrera de umbral": K.TEMPO, "rodaje a umbral": K.TEMPO, "Progresivo": K.TEMPO,
        "rodaje progresivo": K.TEMPO, "carrera progresiva": K.TEMPO, "Tempo": K.TEMPO,
        "Series": K.INTERVALS, "Intervalos": K.INTERVALS, "Pista": K.INTERVALS, "Repeticiones": K.INTERVALS,
        "Velocidad": K.INTERVALS,
        "Cuestas": K.HILLS, "Cuesta": K.HILLS, "series en cuesta": K.HILLS, "Subidas": K.HILLS,
        "Fartlek": K.FARTLEK, "Cambios de ritmo": K.FARTLEK,
        # "Progresivos 8 km": as a session, the plural is a progression run too ("+ 6 progresivos" are strides)
        "Progresivos": K.TEMPO, "Rectas": K.STRIDES, "Aceleraciones": K.STRIDES,
        "Carrera": K.RACE, "Competición": K.RACE, "Competencia": K.RACE, "Prueba": K.RACE, "carrera objetivo": K.RACE,
        "entrenamiento cruzado": K.CROSS, "Bici": K.CROSS, "Bicicleta": K.CROSS, "Ciclismo": K.CROSS,
        "Natación": K.CROSS, "Nadar": K.CROSS, "Elíptica": K.CROSS, "Remo": K.CROSS,
        "Fuerza": K.STRENGTH, "entrenamiento de fuerza": K.STRENGTH, "Gimnasio": K.STRENGTH, "Core": K.STRENGTH,
        "Movilidad": K.MOBILITY, "Técnica de carrera": K.MOBILITY, "Técnica": K.MOBILITY,
        "Estiramientos": K.MOBILITY, "Flexibilidad": K.MOBILITY, "Yoga": K.MOBILITY,
    },
    races={"media maratón": "half marathon", "medio maratón": "half marathon", "media": "half marathon",
           "maratón": "marathon"},
    labels={
        "trote": "jog", "trotando": "jog", "caminando": "walk", "caminar": "walk", "andando": "walk",
        "caminar/trote": "walk/jog", "trote/caminar": "jog/walk", "trote de vuelta": "jog back",
        "suave": "easy", "descanso": "rest", "pausa": "rest", "parado": "standing rest",
        "descanso de pie": "standing rest", "subida": "uphill", "en subida": "uphill", "en cuesta": "uphill", "cuesta arriba": "uphill", "cuestas": "hills", "cuesta": "hill",
        "progresivos en subida": "uphill strides", "progresivos": "strides", "progresivo": "stride", "rectas": "strides", "sprints": "sprints",
        "corriendo": "run", "correr": "run", "rápido": "fast", "fuerte": "hard", "calentamiento": "warm-up",
        "enfriamiento": "cool-down", "vuelta a la calma": "cool-down",
     "trote suave": "easy jog", "recuperación activa": "float", "bajada trotando": "jog down", "aceleraciones cortas": "pickups", "recuperación": "recovery", "tramos": "runs",
     # "con 2 min de recuperación", "400 m de trote": the label after "de", as Spanish writes it
     "de recuperación": "recovery", "de trote": "jog", "de trote suave": "easy jog", "de descanso": "rest", "de pausa": "rest",
     "bajando al trote": "jog down", "recuperación bajando al trote": "jog down", "de caminar": "walk", "cambios de ritmo": "surges", "vuelta caminando": "walk back", "bajada caminando": "walk down",
    },
    efforts={
        "muy suave": "very easy", "suave": "easy", "fácil": "easy", "conversacional": "conversational",
        "relajado": "relaxed", "constante": "steady", "moderado": "moderate", "medio": "moderate",
        "vivo": "brisk", "cómodamente duro": "comfortably hard", "exigente": "hard", "duro": "hard",
        "muy duro": "very hard", "fuerte": "strong", "rápido": "fast", "controlado": "controlled",
        "fluido": "smooth", "umbral": "threshold", "ritmo umbral": "threshold pace",
        "ritmo de umbral": "threshold pace", "umbral láctico": "lactate threshold", "tempo": "tempo",
        "ritmo de carrera": "race pace", "ritmo de competición": "race pace", "ritmo objetivo": "goal pace",
        "máximo": "max", "a tope": "all-out", "sprint": "sprint", "progresivo": "progressive",
        "aeróbico": "aerobic", "recuperación": "recovery", "final rápido": "fast finish",
        "ritmo suave": "easy pace", "ritmo medio": "moderate", "ritmo moderado": "moderate", "ritmo vivo": "brisk", "a": "to", "hasta": "to", "o": "or", "luego": "then", "después": "then",
        "progresando a": "progressing to", "progresando hasta": "progressing to", "del": "of", "de": "of",
    },
    weekdays={"lunes": 0, "lun": 0, "lu": 0, "l": 0, "martes": 1, "mar": 1, "ma": 1, "m": 1,
              "miércoles": 2, "mié": 2, "mi": 2, "x": 2, "jueves": 3, "jue": 3, "ju": 3, "j": 3,
              "viernes": 4, "vie": 4, "vi": 4, "v": 4, "sábado": 5, "sáb": 5, "sa": 5, "s": 5,
              "domingo": 6, "dom": 6, "do": 6, "d": 6},
    weekday_names=("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"),
    week=("Semana", "Sem", "Sem.", "S"), day=("Día", "Dia"),
    number_first=("ª", "a", "º", "o", ".", ".ª", ".º"),  # "## 1ª semana", "## 2.ª semana"
    from_=("de", "desde"),  # "Progresivo 8 km de suave a ritmo umbral"
    at=("a", "en", "al"),  # "8 x 400 m a ritmo 10 km", "Rodaje 40 min en Z2"
    levels={"principiantes": "beginner", "iniciación": "beginner", "iniciacion": "beginner", "novata": "novice",
            "novatos": "novice", "intermedia": "intermediate", "medio": "intermediate", "avanzada": "advanced",
            "avanzados": "advanced", "experto": "advanced", "todos": "all levels", "todos los públicos": "all levels"},
    main=("con", "incl.", "incl", "incluyendo", "de ellos", ", de ellos", ", con"), recovery=("c/", "con", "rec.", "rec", "recuperación"),
    then=("luego", "después", "y luego"), rest_or=("Descanso o",), last=("los últimos", "las últimas", "últimos", "últimas"), optional=("opcional",),
    to=("a",), strides=("progresivos", "rectas", "aceleraciones"),
    within_between=("dentro / entre las series", "dentro / entre series"),
    pace="ritmo", pace_first=True,
    pace_races={"media maratón": "half marathon", "medio maratón": "half marathon", "media": "half marathon",
                "maratón": "marathon", "milla": "mile"},
    pace_words={"RM": "MP", "RMM": "HMP"},
    bodyweight=("peso corporal",), decimal_comma=True,
    units={"hora": "h", "horas": "h", "minuto": "min", "minutos": "min", "seg": "s", "segundo": "s", "segundos": "s",
           "metro": "m", "metros": "m", "kilómetro": "km", "kilómetros": "km"},
)
