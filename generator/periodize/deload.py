"""Deload weeks built from a reference week: the running strategies.

``volume`` cuts the week by ``cut`` and keeps one shortened instance of each
kind of quality session at its pace; ``intensity`` shrinks only the quality
portions; ``easy`` turns every run into easy running (quality sessions,
and the faster parts of other runs) at most 70% of the volume; ``rest`` keeps mobility only. Strength work is deloaded by the
strength strategy in every case but ``rest``.

No run of a volume deload loses more than :data:`MOST_CUT` (40%, the heaviest cut the
sources use, R6) or the plan's own cut if larger: with few easy runs, the warm-ups and
cool-downs of the quality sessions give the rest, not the long run alone (the books'
step-back long runs lose 25–30%: Higdon 10 → 7 mi, Pfitzinger 17 → 12–13 mi, R2, R3).

Every deload unloads: when a strategy leaves the week's load less than ``min_cut``
(15%) below its reference, which cutting only the quality work to 75% often does
(the deload article's own caveat: it works where that "accounts for enough of a
decrease in mileage"), the long run is shortened, then the easy runs, until it is.
A race is never part of a deload (a reference week never holds one); and no quality
session falls within :data:`AFTER_RACE_DAYS` days after a race, to recover from it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from ..expanded import Note, Phrase
from ..model import Distance, Duration, Periodization, Repeat, Session, SessionKind, Target
from .load import EFFORT_IF, target_if
from .strength import deload_session
from .volume import (
    Measure,
    as_easy,
    body_step,
    easy_set,
    floor_amount,
    main_km,
    main_minutes,
    one_step_less,
    resize_body,
    session_km,
    shrink_easy,
    shrink_quality,
    size,
)

K = SessionKind
EASY_WEEK_SHARE = 0.70
MOST_CUT = 0.40  # R6: the heaviest deload cut of the sources; no run of a volume deload loses more
# §7: a deload's long run loses at most 30% (Higdon's step-back 10 to 7 miles, Pfitzinger's 17 to 12-13),
# or the plan's cut if larger: the week's other runs give the rest.
LONG_RUN_CUT = 0.30
_REPEATS = re.compile(r"\d+\s*[x×]\s*\d")  # a workout written in a cross-training session's comment
SHORT_BY = 0.01  # a volume cut this much short of the plan's is said with its figure
AFTER_RACE_DAYS = 4  # the most days after a race that hold no quality session (a design choice; see the docs)
LoadOf = Callable[[Session], float]


def build_deload(reference: Sequence[Session], strategy: str, measure: Measure, basis: str,
                 load_of: LoadOf) -> tuple[list[Session], Note]:
    """The sessions of a deload week made from ``reference``, and a one-line explanation."""
    p = measure.periodization
    reference = [s for s in reference if s.kind is not K.RACE]
    before = sum(size(s, measure, basis) for s in reference)
    if strategy == "rest":
        return rest_week(reference), (Phrase.of("deload-rest"),)
    if strategy == "intensity":
        sessions = [shrink_quality(s, p.intensity_factor, measure) if s.kind.is_quality or fast_block(s) else s
                    for s in reference]
        note = [Phrase.of("deload-intensity", share=p.intensity_factor)]
    elif strategy == "easy":
        sessions = [easy_only(s, measure) for s in reference]
        # R6 as in any deload: no run loses more than 40% (a run-walk keeps 2 of its 3 repeats)
        sessions = fit_volume(sessions, EASY_WEEK_SHARE * before, measure, basis, max(MOST_CUT, 1 - EASY_WEEK_SHARE))
        note = [Phrase.of("deload-easy", share=EASY_WEEK_SHARE)]
    else:
        sessions = _keep_one_quality_each(reference, 1 - p.deload_cut, measure)
        sessions = fit_volume(sessions, (1 - p.deload_cut) * before, measure, basis, max(MOST_CUT, p.deload_cut),
                              max(LONG_RUN_CUT, p.deload_cut))
        cut = 1 - sum(size(s, measure, basis) for s in sessions) / before if before else p.deload_cut
        short = cut < p.deload_cut - SHORT_BY  # whole steps (a 30-minute repeat) a run would lose beyond MOST_CUT
        easy = "" if any(s.kind.is_quality for s in reference) else "-easy"  # no quality kind to keep one of
        note = [Phrase.of(f"deload-volume-short{easy}", cut=round(cut, 2), planned=p.deload_cut, most=max(MOST_CUT, p.deload_cut),
                          long=max(LONG_RUN_CUT, p.deload_cut))
                if short else Phrase.of(f"deload-volume{easy}", cut=p.deload_cut)]
    if strategy in ("easy", "volume"):  # its cross-training unloads as its running does (a triathlete's rides and swims)
        cross_cut = 1 - EASY_WEEK_SHARE if strategy == "easy" else p.deload_cut
        sessions = [shorter_cross(s, cross_cut, measure) for s in sessions]
    if before <= 0 and any(s.exercises for s in sessions):  # no running (strength work alone): its strength is said
        note = []
    lifted = sessions
    sessions = [deload_strength(s, p) for s in sessions]
    if sessions != lifted:
        note.append(Phrase.of(f"strength-{p.strength_strategy}"))
    sessions, shortened = unload(sessions, reference, p.min_cut, measure, load_of, max(MOST_CUT, p.deload_cut),
                                 max(LONG_RUN_CUT, p.deload_cut))
    if shortened:
        note.append(Phrase.of(f"shortened-{shortened}", cut=p.min_cut))
    elif strategy == "intensity" and before > 0:
        note.append(Phrase.of("deload-intensity-unchanged"))
    return sessions, tuple(note)


def shorter_cross(session: Session, cut: float, measure: Measure) -> Session:
    """Cross-training shortened by ``cut``, to the nearest rounding step (``Bike 90 min`` is 70 min
    in a 25% deload); any other session as it is."""
    if session.kind is not K.CROSS or session.total is None or cut <= 0 or session.main or _REPEATS.search(session.comment):
        return session  # one with its own structure ("Bike 40 min: 4 x 8 min @ threshold") stays whole
    return session.with_changes(total=floor_amount(session.total, 1 - cut, measure, nearest=True))


def unload(sessions: Sequence[Session], reference: Sequence[Session], min_cut: float, measure: Measure,
           load_of: LoadOf, most_cut: float = MOST_CUT, long_cut: float = MOST_CUT) -> tuple[list[Session], str]:
    """Shorten the long run and the easy runs, one step at a time, the one shortened least so far
    (for its size) first, until the week's load is at least ``min_cut`` below the reference's, no
    run below ``1 - most_cut`` of it as the reference has it (R6; the week is then said to be a
    small deload); returns the sessions and what was shortened: ``long``, ``easy``, ``long-easy`` or ``""``.
    ``sessions`` are made one for one from ``reference``."""
    target = (1 - min_cut) * sum(load_of(s) for s in reference)
    result = list(sessions)
    written = {i: _minutes(s, measure) for i, s in enumerate(reference)}
    touched: set[SessionKind] = set()
    while sum(load_of(s) for s in result) > target + 1e-9:
        candidates = [(_minutes(s, measure) / written[i] if written[i] else 0.0, s.kind is K.LONG, _minutes(s, measure), -i, i)
                      for i, s in enumerate(result)
                      if s.kind in (K.LONG, K.EASY, K.RECOVERY, K.RUN_WALK) and s.in_totals
                      and (shorter := one_step_less(s, measure)) is not None
                      and _minutes(shorter, measure) >= (1 - (long_cut if s.kind is K.LONG else most_cut)) * written[i] - 1e-9]
        if not candidates:
            break
        *_, index = max(candidates)
        shorter = one_step_less(result[index], measure)
        assert shorter is not None
        result[index] = shorter
        touched.add(K.LONG if result[index].kind is K.LONG else K.EASY)
    what = [name for kind, name in ((K.LONG, "long"), (K.EASY, "easy")) if kind in touched]
    return result, "-".join(what)  # "long", "easy", "long-easy" or ""


def _minutes(session: Session, measure: Measure) -> float:
    return size(session, measure, "minutes")


def recovery_days(race: Session) -> int:
    """The easy days after a race: one for each 3 km raced (Daniels, *Daniels' Running Formula*:
    an 800 m or a 3K one, a 5K two), at most :data:`AFTER_RACE_DAYS`; a timed race the most."""
    if not isinstance(race.total, Distance):
        return AFTER_RACE_DAYS
    return max(1, min(AFTER_RACE_DAYS, math.ceil(race.total.km / 3 - 1e-9)))


def after_race(sessions: Sequence[Session], race: Session | None, measure: Measure) -> tuple[list[Session], int]:
    """Quality sessions in the easy days after ``race`` (the last of the week before) become easy
    runs; returns them, and those days."""
    if race is None:
        return list(sessions), 0
    days = recovery_days(race)
    return [as_easy(s, measure) if s.kind.is_quality and 0 < 7 - race.day + s.day <= days else s for s in sessions], days


def deload_strength(session: Session, p: Periodization) -> Session:
    if session.kind is K.STRENGTH and session.exercises:
        return deload_session(session, p.strength_strategy, p)
    return session


def as_written_easy(source: Sequence[Session], measure: Measure) -> tuple[list[Session], Note]:
    """A vacation week the author wrote lighter than a deload would make it (75 minutes on a hotel
    treadmill): its runs as easy running of the same size, its strength deloaded as in any deload."""
    p = measure.periodization
    easy = [easy_only(s, measure) for s in source if s.kind is not K.RACE]
    sessions = [deload_strength(s, p) for s in easy]
    note = [Phrase.of("vacation-lighter-as-written", share=EASY_WEEK_SHARE)]
    if sessions != easy:
        note.append(Phrase.of(f"strength-{p.strength_strategy}"))
    return sessions, tuple(note)


def easy_only(session: Session, measure: Measure) -> Session:
    """A run as easy running of the same size: a quality session becomes an easy run, and a run
    with faster parts ("Long 16 km with 5 km @ HMP", strides) loses them."""
    if session.kind.is_quality:
        return as_easy(session, measure)
    if easy_set(session, measure.zones):  # a run-walk is its spells of running and walking: a beginner runs them as written
        return session
    if session.kind.is_run and (session.strides or session.target or session.main):
        total = session.total if session.total is not None else as_easy(session, measure).total
        target = session.target if session.target is not None and easy_target(session.target, measure) else None
        notes = "" if session.main else session.notes  # "then the last 2 km at 10K pace": the part it no longer has
        return session.with_changes(strides=None, target=target, main=(), total=total, notes=notes)
    return session


EASY_HR_MAX = 80.0  # % of the maximum heart rate: the top of easy running (zone 2 in five-zone systems)


def easy_target(target: Target, measure: Measure) -> bool:
    """Whether a run's own target is easy running (``@ Z2``, ``@ conversational``, ``@ RPE 3``,
    ``@ 65-75% HRmax``, a heart-rate cap such as ``under 140 bpm``): an easy week keeps it, as
    the coach's word for how easy. Up to aerobic running, IF 0.75 (:data:`load.EFFORT_IF`); a
    heart rate in beats, which says nothing of how hard without the runner's maximum, only as a cap."""
    if target.kind == "hrmax":
        return (target.value or 100.0) <= EASY_HR_MAX
    if target.kind == "hr":
        return re.match(r"(?i)\s*(?:under|below|max|<|≤)", target.text) is not None  # a ceiling, as MAF writes it
    return target_if(target, EFFORT_IF["aerobic"], measure) <= EFFORT_IF["aerobic"] + 1e-9


def fast_block(session: Session) -> bool:
    """An easy or long run with a faster block (``Long 18 mi with 14 mi @ MP``, a fast finish): the
    block is quality work, which a deload shortens as it does a quality session's set. Pfitzinger's
    recovery weeks cut both the mileage and the speed work, the long run 17 to 12-13 miles (R3)."""
    return session.kind in (K.LONG, K.EASY, K.RECOVERY) and bool(session.main) and not easy_set(session)


def _keep_one_quality_each(reference: Sequence[Session], factor: float, measure: Measure) -> list[Session]:
    seen: set[SessionKind] = set()
    result = []
    for session in reference:
        if session.kind.is_quality and session.kind not in seen:
            seen.add(session.kind)
            result.append(shrink_quality(session, factor, measure))
        elif session.kind.is_quality:
            result.append(as_easy(session, measure))
        elif fast_block(session):  # its block shorter, at its pace; its easy running is then fitted as any run's
            result.append(shrink_quality(session, factor, measure))
        else:
            result.append(session)
    return result


def fit_volume(sessions: Sequence[Session], target: float, measure: Measure, basis: str,
               most_cut: float | None = None, long_cut: float | None = None) -> list[Session]:
    """Shrink easy running (then the easy parts of other runs) until the week is at most ``target``;
    with ``most_cut``, no easy run loses more than that share of what was written (no long run more
    than ``long_cut``, if given) while the easy running around quality sets (warm-ups, cool-downs)
    can give it instead."""
    result = list(sessions)
    total = sum(size(s, measure, basis) for s in result)
    if total <= target + 1e-9:
        return result
    easy = [i for i, s in enumerate(result) if s.kind.is_run and not s.kind.is_quality and s.kind is not K.RACE
            and s.in_totals]
    fixed = total - sum(size(result[i], measure, basis) for i in easy)
    easy_total = total - fixed
    if easy_total > 0:
        factor = min(1.0, (target - fixed) / easy_total)
        for i in easy:
            most = _cap(result[i], most_cut, long_cut)
            least = 0.3 if most is None else 1 - most
            result[i] = shrink_easy(result[i], max(least, factor), measure, up=most is not None and factor < least,
                                    least=least if most is not None else 0.0)
    kept = None if most_cut is None else [_least(s, _cap(s, most_cut, long_cut) or most_cut, measure, basis) for s in sessions]
    result = trim(result, target, measure, basis, kept)
    return top_up(result, list(sessions), target, measure, basis)


def _cap(session: Session, most_cut: float | None, long_cut: float | None) -> float | None:
    """The most a run may lose of what was written: a long run ``long_cut`` (when given), any other ``most_cut``."""
    return long_cut if long_cut is not None and session.kind is K.LONG else most_cut


def top_up(result: list[Session], before: list[Session], target: float, measure: Measure, basis: str) -> list[Session]:
    """Give back whole steps that rounding took beyond ``target``, never above what was written."""
    result = list(result)
    for _ in range(200):
        total = sum(size(s, measure, basis) for s in result)
        grown = None
        for i in sorted(range(len(result)), key=lambda i: size(result[i], measure, basis)):
            session, original = result[i], before[i]
            if not (session.kind.is_run and not session.kind.is_quality and session.total is not None and session.in_totals
                    and original.total is not None and type(session.total) is type(original.total)):
                continue
            bigger = _one_step_more(session, measure)
            if bigger is None or size(bigger, measure, basis) > size(original, measure, basis) + 1e-9:
                continue
            if total - size(session, measure, basis) + size(bigger, measure, basis) <= target + 1e-9:
                grown = (i, bigger)
                break
        if grown is None:
            break
        result[grown[0]] = grown[1]
    return result


def _one_step_more(session: Session, measure: Measure) -> Session | None:
    total = session.total
    body = body_step(session, measure.zones)
    if total is not None and body is not None:
        return resize_body(session, body, measure.step_for(total))
    if total is None or (easy_set(session, measure.zones) and main_km(session, measure) >= 0.9 * session_km(session, measure)):
        return None  # the set is the run (a run-walk long run): no minutes of running before it that were not written
    step = measure.step_for(total)
    if isinstance(total, Duration):
        return session.with_changes(total=Duration(total.seconds + step))
    return session.with_changes(total=Distance(round(total.value + step, 6), total.unit))


def _least(session: Session, most_cut: float, measure: Measure, basis: str) -> float:
    """The least size of a run that loses at most ``most_cut`` of its easy running (all of an easy
    or long run; the warm-up and cool-down of a quality session, whose set is not counted)."""
    whole = size(session, measure, basis)
    repeats = [p for p in session.main if isinstance(p, Repeat)]
    if easy_set(session, measure.zones) and len(repeats) == 1 and repeats[0].count > 1:
        # A run-walk's running is its repeats: it keeps at least 1 - most_cut of them, whatever
        # walking around them stays ("6 x (90 s run, 2 min walk)" keeps 4, not 3).
        count = repeats[0].count
        alone = session.with_changes(main=(repeats[0],))  # the repeats' own size, without walks around them
        set_size = main_km(alone, measure) if basis == "distance" else main_minutes(alone, measure)
        keep = math.ceil((1 - most_cut) * count - 1e-9)
        return max(0.0, whole - (count - keep) * set_size / count)
    main = 0.0 if easy_set(session, measure.zones) else main_km(session, measure) if basis == "distance" else main_minutes(session, measure)
    return min(whole, main) + (1 - most_cut) * max(whole - main, 0.0)


def trim(sessions: list[Session], target: float, measure: Measure, basis: str,
         kept: Sequence[float] | None = None) -> list[Session]:
    """Take one rounding step at a time off the biggest run that can shrink, until under ``target``.
    Easy running goes first, then the quality sessions (the easy running around their sets first);
    with ``kept`` (each session's least size), no run goes below it: the week then falls short of ``target``.
    The last step is the smallest that reaches ``target``: a run-walk long run does not lose a whole
    30-minute repeat where five minutes off an easy run would do."""
    result = list(sessions)
    for _ in range(500):
        total = sum(size(s, measure, basis) for s in result)
        if total <= target + 1e-9:
            break
        candidates = []
        for i, s in enumerate(result):
            shorter = one_step_less(s, measure) if s.kind.is_run and s.kind is not K.RACE and s.in_totals else None
            if shorter is None:
                continue
            within = kept is None or size(shorter, measure, basis) >= kept[i] - 1e-9
            tier = (1 if within and kept is not None else 0) if s.kind.is_quality else 2 if within else 0
            removed = size(s, measure, basis) - size(shorter, measure, basis)
            if tier == 0 and kept is not None:
                continue  # at its least already (R6): the cut falls short, and the deload's note says so
            candidates.append((tier, not s.kind.is_quality, size(s, measure, basis), -i, i, shorter, removed))
        if not candidates:
            break  # every run is at its least: the cut falls short, and the deload's note says so
        best = max(candidates, key=lambda c: c[:5])
        reaching = [c for c in candidates if c[:2] == best[:2] and total - c[6] <= target + 1e-9]
        if reaching:
            best = min(reaching, key=lambda c: (c[6], -c[2], -c[3]))
        result[best[4]] = best[5]
    return result


def rest_week(reference: Sequence[Session]) -> list[Session]:
    """No running: a short mobility session on each day that had training."""
    days: dict[int, Session] = {}
    for session in reference:
        if session.kind is K.REST:
            continue
        if session.kind is K.MOBILITY:
            days.setdefault(session.day, session)
        elif session.day not in days:
            # No comment: the engine writes no words (the week's note, in the plan's language, says why)
            days[session.day] = Session(kind=K.MOBILITY, day=session.day, source=session.source, total=Duration(20 * 60))
    return [days[d] for d in sorted(days)]
