"""The engine's notes on weeks, in words: each :class:`~generator.expanded.Phrase` code has
a message in the catalog, worded in the language the plan is rendered in.

The English messages are the notes Deload has always written: calendar subscribers' events
keep their revisions when a plan is built again.
"""

from __future__ import annotations

from ..expanded import Note, Phrase
from ..i18n import N_, gettext, percent, pgettext

#: Each code's message; figures are named as in :meth:`Phrase.of`.
MESSAGES = {
    "deload-after": N_("Deload (after week %(week)d): %(how)s, from week %(reference)d"),
    "deload-replaces": N_("Deload (replaces week %(week)d): %(how)s, from week %(reference)d"),
    "deload-rest": N_("no running this week: mobility only"),
    "deload-intensity": N_("quality work cut to %(share)s"),
    "deload-intensity-unchanged": N_("easy and long runs unchanged"),
    "deload-easy": N_("easy running only, at most %(share)s of the volume"),
    "vacation-lighter-as-written": N_("easy running only, the week as written: it is lighter than %(share)s of the volume"),
    "deload-volume": N_("volume −%(cut)s; one shorter session of each quality kind at the same effort"),
    "deload-volume-easy": N_("volume −%(cut)s"),
    "deload-volume-short-easy": N_("volume −%(cut)s, not −%(planned)s, as no run loses more than %(most)s, "
                                   "nor the long run more than %(long)s"),
    "deload-volume-short": N_("volume −%(cut)s, not −%(planned)s, as no run loses more than %(most)s, nor the long "
                              "run more than %(long)s; one shorter session of each quality kind at the same effort"),
    "shortened-long": N_("the long run shortened so that the load is at least %(cut)s lower"),
    "shortened-easy": N_("the easy runs shortened so that the load is at least %(cut)s lower"),
    "shortened-long-easy": N_("the long run and the easy runs shortened so that the load is at least %(cut)s lower"),
    "vacation-easy": N_("Vacation week (easy): %(how)s"),
    "vacation-rest": N_("Vacation week (rest): %(how)s"),
    "as-written-deload": N_("Deload week as the coach wrote it"),
    "as-written-taper": N_("Taper week as the coach wrote it"),
    "as-written-vacation": N_("Vacation week as the coach wrote it"),
    "step-back": N_("A lighter week, as the coach wrote it"),  # said to readers: the rhythm it sets is deload expand's
    "taper-as-written": N_("Taper as the coach wrote it"),
    "taper-race": N_("Race week: the runs before the race at most %(shares)s of the peak week (%(days)d-day taper), "
                     "same paces and efforts"),
    "taper": N_("Taper: volume at most %(shares)s of the peak (%(days)d-day taper), same paces and efforts"),
    "taper-unchanged": N_("Taper (%(days)d-day taper): the week as written, already no more than %(shares)s of the peak"),
    "taper-race-unchanged": N_("Race week (%(days)d-day taper): the runs before the race as written, already no more "
                               "than %(shares)s of the peak week"),
    "taper-from": N_("Taper from day %(day)d: volume at most %(shares)s of the peak (%(days)d-day taper), "
                     "same paces and efforts"),
    "vacation-in-taper-easy": N_("vacation (easy) within the taper"),
    "vacation-in-taper-rest": N_("vacation (rest) within the taper"),
    "after-race": N_("easy running only in the %(days)d days after the race"),
    "after-race-day": N_("easy running only on the day after the race"),
    "strength-reps": N_("strength: fewer reps at the same load, a load above RPE 7 lowered to it"),
    "strength-load": N_("strength: the same reps at half the load"),
    "strength-sets": N_("strength: fewer sets at the same load, a load above RPE 7 lowered to it"),
    "strength-taper": N_("strength: half the sets before the race"),
    "strength-race": N_("strength: half the sets before the race, no heavy lower-body or jumping work in the last "
                        "%(heavy)d days, none in the last %(last)d"),
    "strength-race-untapered": N_("strength: no heavy lower-body or jumping work in the last %(heavy)d days before "
                                  "the race, none in the last %(last)d"),
}


def note_text(note: Note) -> str:
    """A week's note as one line: its clauses joined by semicolons; "" for none."""
    return pgettext("between a week note's clauses", "; ").join(phrase_text(phrase) for phrase in note)  # French: " ; "


def phrase_text(phrase: Phrase) -> str:
    values: dict[str, object] = {}
    for name, value in phrase.args:
        if name == "how" and isinstance(value, tuple):
            values[name] = note_text(tuple(v for v in value if isinstance(v, Phrase)))
        elif name == "shares" and isinstance(value, tuple):
            values[name] = pgettext("range", " to ").join(percent(float(v)) for v in value if isinstance(v, float))
        elif name in ("share", "cut", "planned", "most", "long") and isinstance(value, float):
            values[name] = percent(value)
        else:
            values[name] = value
    return gettext(MESSAGES[phrase.code]) % values


def note_json(note: Note) -> list[dict[str, object]]:
    """A note as the expanded JSON keeps it: codes and figures, no words."""
    return [_phrase_json(phrase) for phrase in note]


def _phrase_json(phrase: Phrase) -> dict[str, object]:
    data: dict[str, object] = {"code": phrase.code}
    for name, value in phrase.args:
        if name == "how" and isinstance(value, tuple):
            data[name] = [_phrase_json(v) for v in value if isinstance(v, Phrase)]
        else:
            data[name] = list(value) if isinstance(value, tuple) else value
    return data
