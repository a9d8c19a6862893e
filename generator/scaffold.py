"""``deload new``: a commented plan file that passes ``deload check`` as it is, written in the
site's language (or the one asked for): its weeks, sessions and placeholders in that
language's words, its frontmatter keys and comments in English, as the docs write them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .errors import DeloadError, Diagnostic
from .slugs import slug_from
from .source.words import canonical, primary


@dataclass(frozen=True)
class Wording:
    """One language's scaffold: a week (``{sunday}`` is its last line), and the placeholders."""

    week: str
    phases: tuple[str, str, str]  # the first half's title, the second's, the race week's
    long: str  # Sunday's long run
    race: str  # Sunday of the last week, when the plan has a race
    summary: str
    body: str
    author: str
    decimal: str = "."
    first_plan: str = "My first plan"  # what `deload init` names its example plan
    site_title: str = "Training plans"
    description: str = "Free training plans with recovery weeks and a taper built in."


WORDINGS = {
    "en": Wording(
        "## Week {n} — {phase}\n- Mon: Rest\n- Tue: Easy {easy} {u} @ conversational\n- Wed: Strength\n"
        "  - Goblet squat 3x10 @ {load}\n  - Plank 3x40 s\n"
        "- Thu: Intervals {quality} {u}: {reps} x 400 m @ 5K pace w/ 200 m jog\n"
        "- Sat: Easy {easy} {u} + 4 x 20 s strides\n- Sun: {sunday}\n",
        ("Base", "Build", "Race week"), "Long {long} {u} @ easy", "Race",
        "One or two sentences for the index page.",
        "Who this plan is for, what a week looks like, and how to run the sessions.\n"
        "Everything before the first week is ordinary Markdown.", "Your name"),
    "de": Wording(
        "## Woche {n} — {phase}\n- Mo: Ruhetag\n- Di: Dauerlauf {easy} {u} @ Plaudertempo\n- Mi: Krafttraining\n"
        "  - Goblet Squat 3x10 @ {load}\n  - Unterarmstütz 3x40 s\n"
        "- Do: Intervalle {quality} {u}: {reps} x 400 m @ 5-km-Tempo mit 200 m Trabpause\n"
        "- Sa: Dauerlauf {easy} {u} + 4 x 20 s Steigerungen\n- So: {sunday}\n",
        ("Grundlage", "Aufbau", "Wettkampfwoche"), "Langer Lauf {long} {u} @ locker", "Wettkampf",
        "Ein oder zwei Sätze für die Übersichtsseite.",
        "Für wen dieser Plan ist, wie eine Woche aussieht und wie die Einheiten gelaufen werden.\n"
        "Alles vor der ersten Woche ist gewöhnliches Markdown.", "Dein Name", ",", "Mein erster Plan",
        "Trainingspläne", "Kostenlose Trainingspläne mit Entlastungswochen und Tapering."),
    "fr": Wording(
        "## Semaine {n} — {phase}\n- lun. : Repos\n- mar. : Footing {easy} {u} @ allure conversation\n- mer. : Renforcement\n"
        "  - Goblet squat 3x10 @ {load}\n  - Gainage 3x40 s\n"
        "- jeu. : Fractionné {quality} {u} : {reps} x 400 m @ allure 5 km récup 200 m trot\n"
        "- sam. : Footing {easy} {u} + 4 x 20 s accélérations\n- dim. : {sunday}\n",
        ("Base", "Développement", "Semaine de course"), "Sortie longue {long} {u} @ facile", "Compétition",
        "Une ou deux phrases pour la page d'accueil.",
        "À qui s'adresse ce plan, à quoi ressemble une semaine et comment courir les séances.\n"
        "Tout ce qui précède la première semaine est du Markdown ordinaire.", "Votre nom", ",", "Mon premier plan",
        "Plans d'entraînement", "Des plans d'entraînement gratuits, semaines de récupération et affûtage compris."),
    "es": Wording(
        "## Semana {n} — {phase}\n- Lun: Descanso\n- Mar: Rodaje {easy} {u} @ conversacional\n- Mié: Fuerza\n"
        "  - Sentadilla goblet 3x10 @ {load}\n  - Plancha 3x40 s\n"
        "- Jue: Series {quality} {u}: {reps} x 400 m @ ritmo 5K rec. 200 m trote\n"
        "- Sáb: Rodaje {easy} {u} + 4 x 20 s progresivos\n- Dom: {sunday}\n",
        ("Base", "Desarrollo", "Semana de carrera"), "Tirada larga {long} {u} @ suave", "Competición",
        "Una o dos frases para la página de inicio.",
        "Para quién es este plan, cómo es una semana y cómo correr las sesiones.\n"
        "Todo lo que va antes de la primera semana es Markdown normal.", "Tu nombre", ",", "Mi primer plan",
        "Planes de entrenamiento", "Planes de entrenamiento gratuitos, con semanas de descarga y puesta a punto."),
    "nl": Wording(
        "## Week {n} — {phase}\n- ma: Rust\n- di: Duurloop {easy} {u} @ praattempo\n- wo: Krachttraining\n"
        "  - Goblet squat 3x10 @ {load}\n  - Plank 3x40 s\n"
        "- do: Intervallen {quality} {u}: {reps} x 400 m @ 5K-tempo met 200 m dribbel\n"
        "- za: Duurloop {easy} {u} + 4 x 20 s versnellingen\n- zo: {sunday}\n",
        ("Basis", "Opbouw", "Wedstrijdweek"), "Lange duurloop {long} {u} @ rustig", "Wedstrijd",
        "Een of twee zinnen voor de overzichtspagina.",
        "Voor wie dit plan is, hoe een week eruitziet en hoe je de trainingen loopt.\n"
        "Alles vóór de eerste week is gewone Markdown.", "Je naam", ",", "Mijn eerste schema",
        "Trainingsschema's", "Gratis trainingsschema's met herstelweken en een taper."),
}

_DRAFT = "draft: true                # deload serve shows it, deload build leaves it out: delete this line to publish\n"
_HEADER = """\
---
# Deload plan. The format: deload docs plan-format (or docs/plan-format.md); check it with: deload check {path}
title: {title}
summary: {summary}
author: {author}
{language}level: beginner            # beginner, novice, intermediate, advanced or all levels
tags: [{tag}]
units: {units}                  # mi or km
{race}# start: 2027-01-04       # the first day (a Monday), or give the race a date instead
{draft}week_starts: monday
checks:
  long_run_share: 45%      # with four runs a week the long run is a big share; raise this as runs are added
# The project's deload.toml sets the deload weeks of every plan; to change this plan's alone,
# uncomment what differs (these are Deload's defaults):
# periodization:
#   deload:
#     every: 4             # three loading weeks, then a deload (2–6, or off)
#     mode: insert         # insert adds deload weeks; replace turns every 4th week into one
#     strategy: volume     # volume, intensity, easy or rest
#     cut: 25%
#     strength: reps       # reps (3x8 -> 3x6), load (half the weight) or sets
---
{body}

"""

# The example plan of `deload init` (and `deload new` by default): a 10K build of ten weeks,
# whose deloads all fall where they are asked to (with eight, the second would come right
# before the taper and be dropped), so that a newcomer's first build warns only of base_url.
FIRST_PLAN_WEEKS = 10


def scaffold_language(settings: Settings, asked: str | None) -> tuple[str, str | None]:
    """The words a new plan is written with (the language asked for, else the site's if Deload
    has its words, else English), and the ``language:`` it says: none when it is the site's
    (the plan then keeps the site's region too), else the tag as asked (``de-AT``, ``en``)."""
    tag = asked or settings.language
    code = primary(tag) if primary(tag) in WORDINGS else "en"
    return code, tag if asked and canonical(tag) != canonical(settings.language) else None


_LONGER = {"half": (12.0, 6.0), "marathon": (16.0, 8.0)}  # km: the first long run, and the easy runs


def _category(race: str | None) -> str:
    """``half`` or ``marathon`` for the race distances a scaffold builds longer long runs for; "" otherwise."""
    word = (race or "").strip().lower().replace("-", " ")
    return "half" if word in ("half", "half marathon", "hm", "21.1 km") else "marathon" if word in ("marathon", "42.2 km") else ""


def scaffold_plan(settings: Settings, name: str, weeks: int, units: str, race: str | None,
                  language: str | None = None, draft: bool = False) -> Path:
    """A plan in plans/ with commented examples; ``draft``: marked ``draft: true``, as Hugo's new
    content is, so that its placeholders (author, summary) are not published by the next build."""
    slug = slug_from(name)
    path = settings.plans_dir / f"{slug}.md"
    if path.exists():
        raise DeloadError([Diagnostic(str(path), 1, 1, f"{path.name} exists already (plan files are named after their titles); choose another title")])
    code, written = scaffold_language(settings, language)
    words = WORDINGS[code]
    race_block = ""
    if race:
        race_name = name + " race" if code == "en" else name
        race_block = (f"race:\n  name: {json.dumps(race_name, ensure_ascii=False)}\n  distance: {race}        "
                      "# 5k, 10k, half, marathon, e.g. 50 km, or 6 h (a timed race)\n  # date: 2027-04-18\n")
    text = _HEADER.format(path=f"plans/{slug}.md", title=json.dumps(name, ensure_ascii=False), summary=words.summary,
                          author=settings.author or words.author, tag=slug.split("-")[0], units=units, race=race_block,
                          language=f"language: {written}\n" if written else "", body=words.body,
                          draft=_DRAFT if draft else "")
    base, long_step = (3.0, 0.5) if units == "mi" else (5.0, 1.0)
    start = 2 * base
    if (longer := _LONGER.get(_category(race))) is not None:  # a half's or a marathon's runs are longer from the start
        start, base = (round(km / 1.609344 * 2) / 2 if units == "mi" else km for km in longer)
    for n in range(1, weeks + 1):
        long_run = f"{start + long_step * ((n - 1) // 2):g}".replace(".", words.decimal)
        sunday = words.race if race and n == weeks else words.long.format(long=long_run, u=units)
        phase = words.phases[2] if race and n == weeks else words.phases[n > weeks // 2]
        text += words.week.format(n=n, phase=phase, easy=f"{base:g}".replace(".", words.decimal),
                                  quality=f"{base + 2:g}".replace(".", words.decimal), u=units,
                                  reps=min(6 + (n - 1) // 2, 8), load="35 lb" if units == "mi" else "16 kg",
                                  sunday=sunday) + "\n"
    settings.plans_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
