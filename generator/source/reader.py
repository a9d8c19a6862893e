"""Read plan files into :class:`~generator.model.Plan` values, collecting every problem.

Decoding, size limits and the frontmatter/body split happen here; the
frontmatter keys and the body grammar live in their own modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import WEEKDAYS
from ..describe import race_text
from ..errors import Collector, DeloadError, Diagnostic
from ..links import escape_from
from ..model import CalendarTimes, Checks, Distance, Duration, Pace, Plan, Race, SessionKind, Source, Target, Week
from ..paces import WORD_EFFORTS
from ..slugs import slug_from
from ..units import default_load_unit
from .body import read_body
from .files import draft_line
from .frontmatter import FRONTMATTER, LEVELS, build_race, race_distance, race_of, resolve_checks, resolve_periodization
from .located import Located
from .native import level_in, paces_in, race_distance_in
from .schema import Checker, a_date, table, text, weekday
from .textfile import MAX_PLAN_BYTES, TooLarge, decode, read_capped, too_large
from .words import Words, canonical, primary, tag_problem, words_for
from .yaml_reader import load_yaml

if TYPE_CHECKING:
    from ..settings import Settings

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")


@dataclass(frozen=True)
class ReadResult:
    plans: tuple[Plan, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def read_plans(paths: Sequence[Path], settings: Settings, display_root: Path | None = None) -> ReadResult:
    """Read every plan, returning all diagnostics of all files together."""
    plans: list[Plan] = []
    diagnostics: list[Diagnostic] = []
    slugs: dict[str, Plan] = {}
    for path in paths:
        try:
            plan, warnings = read_plan(path, settings, _display(path, display_root))
        except DeloadError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        diagnostics.extend(warnings)
        if plan.slug in slugs:
            first = slugs[plan.slug]
            # A slug written with 'slug:' is where a clash was made, not a plan named after its file.
            if first.slug_written and not plan.slug_written:
                plans[plans.index(first)] = slugs[plan.slug] = plan
                plan, first = first, plan
            where = plan.location("slug")
            diagnostics.append(Diagnostic(plan.path, where.line, where.col,
                                          f"slug '{plan.slug}' is already used by {first.path}; give this plan its own 'slug:'"))
            continue
        slugs[plan.slug] = plan
        plans.append(plan)
    return ReadResult(tuple(plans), tuple(diagnostics))


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def read_plan(path: Path, settings: Settings, display: str | None = None) -> tuple[Plan, list[Diagnostic]]:
    """Read one plan file; raise :class:`DeloadError` with every problem found."""
    name = display or str(path)
    errors = Collector(name)
    outside = escape_from(path, settings.root)
    if outside is not None:
        errors.error(1, 1, f"this plan is a link to {outside}, outside the project; Deload publishes only files inside "
                     "the project folder: copy the plan into plans/")
        raise DeloadError(errors.items)
    try:
        data = read_capped(path, MAX_PLAN_BYTES)
    except TooLarge as exc:
        errors.error(1, 1, too_large(exc.size, MAX_PLAN_BYTES, "a plan"))
        raise DeloadError(errors.items) from None
    except OSError as exc:
        errors.error(1, 1, f"cannot read file: {exc.strerror or exc}")
        raise DeloadError(errors.items) from None
    return parse_plan_text(data, name, path.stem, settings, errors)


def parse_plan_text(data: bytes, name: str, stem: str, settings: Settings,
                    errors: Collector | None = None) -> tuple[Plan, list[Diagnostic]]:
    errors = errors or Collector(name)
    text = decode(data, errors)
    if text is None:
        raise DeloadError(errors.items)
    if not text.strip():
        errors.error(1, 1, "the file is empty; a plan starts with '---', its frontmatter (title, units …), '---', then its weeks")
        raise DeloadError(errors.items)
    lines = text.split("\n")
    if not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        errors.error(1, 1, "expected '---' on the first line to open the frontmatter (title, units …)")
        raise DeloadError(errors.items)
    close = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if close is None:
        errors.error(len(lines), 1, "the frontmatter is not closed: add a line '---' after its last key")
        raise DeloadError(errors.items)
    located = load_yaml("\n".join(lines[1:close]), 2, errors)
    if located is None:
        raise DeloadError(errors.items)
    check = Checker(located, errors)
    language, written = _language(located.data, settings)
    words = words_for(primary(language or "en"))
    fields = _frontmatter(words) if language != "" else _UNREAD_LANGUAGE
    meta = check.table(located.data, (), fields, required=("title",)) if located.data is not None else {}
    if not isinstance(meta, dict):
        raise DeloadError(errors.items)
    if (written and "language" not in meta) or (_given(located.data, "week_starts") and "week_starts" not in meta):
        raise DeloadError(errors.items)  # a language or first weekday it cannot read: its body would be one error a line
    if meta.get("draft") and not draft_line(data):  # the build finds a draft by its line: they must agree
        check.error(("draft",), "write 'draft: true' on a line of its own in the frontmatter, as a build looks for it")
    week_starts = meta.get("week_starts", 0)
    body = read_body("\n".join(lines[close + 1:]), close + 2, week_starts, errors, words)
    plan = _assemble(name, stem, meta, body, located, settings, check, language, words.heading("week"))
    if plan is not None:
        _cross_check(plan, meta, check, body.sound)
    errors.raise_if_errors()
    assert plan is not None
    return plan, [d for d in errors.items if not d.is_error]


_FRONTMATTERS: dict[str, dict[str, Any]] = {}
# A plan whose language cannot be read: its weekday names are not checked (they may be right in it).
_UNREAD_LANGUAGE = FRONTMATTER | {"week_starts": lambda value, path, check: 0}


def _frontmatter(words: Words) -> dict[str, Any]:
    """The frontmatter's keys, with the plan language's names: weekdays for ``week_starts``,
    efforts and races for ``paces``, levels, and races for ``race: distance:``."""
    if words.english:
        return FRONTMATTER
    found = _FRONTMATTERS.get(words.code)
    if found is None:
        race = table({"name": text(120), "distance": race_distance_in(words, race_distance), "date": a_date()},
                     required=("distance",))
        found = _FRONTMATTERS[words.code] = FRONTMATTER | {
            "week_starts": weekday(words.weekday_aliases), "paces": paces_in(words), "level": level_in(words, LEVELS),
            "race": race}
    return found


def _given(data: Any, key: str) -> bool:
    return isinstance(data, dict) and key in data


def _language(data: Any, settings: Settings) -> tuple[str, bool]:
    """The plan's language (a lower-cased tag; "" for one it cannot read) and whether the plan names one. Without a
    ``language:`` a plan is in the site's language, or in English when plans cannot be written in
    that one; a tag that is wrong is reported by the frontmatter's check."""
    written = data.get("language") if isinstance(data, dict) else None
    if written is not None:
        if isinstance(written, str) and tag_problem(written) is None:
            return canonical(written), True
        return "", True
    site = settings.language or "en"
    return (canonical(site), False) if tag_problem(site) is None else ("en", False)


def _assemble(name: str, stem: str, meta: dict[str, Any], body: Any, located: Located,
              settings: Settings, check: Checker, language: str = "en", week_word: str = "Week") -> Plan | None:
    if "title" not in meta:
        return None
    units = meta.get("units", settings.default_units)
    periodization_raw = meta.get("periodization", {})
    race = build_race(meta.get("race", {}), check)
    weeks: tuple[Week, ...] = body.weeks
    race, weeks = _goal_race(race, weeks, check, body.sound)
    _tune_ups(weeks, check, words_for(primary(language or "en")))
    locations = tuple((".".join(map(str, k)), Source(name, *v)) for k, v in sorted(located.keys.items(), key=lambda kv: kv[1]))
    return Plan(
        path=name, slug=meta.get("slug") or slug_from(stem), title=meta["title"], units=units,
        load_units=meta.get("load_units", default_load_unit(units)), weeks=weeks,
        source=Source(name, 1, 1), summary=meta.get("summary", ""), author=meta.get("author", ""),
        level=meta.get("level", ""), tags=tuple(dict.fromkeys(meta.get("tags", []))), race=race,
        start=meta.get("start"), week_starts=meta.get("week_starts", 0), edition=meta.get("edition", ""),
        layout=body.layout, intro=body.intro,
        periodization=resolve_periodization(settings.periodization, periodization_raw, check, meta.get("week_starts", 0)),
        checks=_checks(settings.checks, meta, units), locations=locations,
        calendar=_calendar(meta.get("calendar")), paces=_paces(meta.get("paces", {}), check),
        pace_reference=meta.get("paces", {}).get("reference"), zones=meta.get("zones", ()),
        language=language, translation_key=meta.get("translation_key", ""), draft=meta.get("draft", False),
        week_word=week_word,
    )


def _checks(site: dict[str, Any], meta: dict[str, Any], units: str) -> Checks:
    """The plan's checks; without an easy pace of the plan's own, its coach's reference runner's
    (``paces: {reference: marathon in 2:30:00}``), before the site's: the minutes of a run by
    distance, and the load of a pace, are that runner's, not a 6:30/km runner's."""
    checks = resolve_checks(site, meta.get("checks", {}))
    paces = meta.get("paces", {})
    if "easy_pace" in meta.get("checks", {}) or paces.get("reference") is None:
        return checks
    from ..paces import coach_specs, pace_table

    reference = paces["reference"]
    coach = coach_specs(tuple((k, v) for k, v in paces.items() if k != "reference"), units)
    fast, slow = pace_table(reference, coach, reference).efforts["easy"]
    return replace(checks, easy_pace=Pace(round((fast + slow) / 2), "km"))


def _paces(raw: dict[str, Any], check: Checker) -> tuple[tuple[str, Target], ...]:
    """The coach's pace table; absolute paces need the performance they are for."""
    table = tuple((k, v) for k, v in raw.items() if k != "reference")
    absolute = next((k for k, v in table if v.pace is not None), None)
    if absolute is not None and "reference" not in raw:
        check.error(("paces", absolute), f"'paces.{absolute}' is a pace for one runner: add 'reference:', the race "
                                         "result or goal it is for (e.g. 'reference: 10K in 50:00'), so readers "
                                         "with other times get theirs")
    return table


def _calendar(raw: dict[str, Any] | None) -> CalendarTimes | None:
    if not raw or "time" not in raw or "time_zone" not in raw:
        return None
    return CalendarTimes(time=raw["time"], zone=raw["time_zone"], alarm_minutes=raw.get("alarm"))


def _tune_ups(weeks: tuple[Week, ...], check: Checker, words: Words) -> None:
    """A race before the last week without its length counts for nothing in its week
    ("Testwettkampf" alone): said, where the goal race may take the frontmatter's. One at an easy
    effort is said too: a parkrun run as training, or an easy run under a word that also means a
    race (Spanish 'Carrera 8 km a ritmo suave'), read as a tune-up race."""
    for week in weeks[:-1]:
        for session in week.sessions:
            if session.kind is SessionKind.RACE and session.total is None:
                check.errors.warning(session.source.line, session.source.col,
                                     "this race has no distance (or, a timed one, its time), so it counts for nothing "
                                     "in its week's volume and load: give it, e.g. 'Race 10K' or 'Race half'", "race-no-distance")
            elif session.kind is SessionKind.RACE and _easy(session.target):
                assert session.target is not None
                easy = next((w for w, k in words.lexicon.kinds.items() if k is SessionKind.EASY), "Easy")
                check.errors.warning(session.source.line, session.source.col,
                                     f"a race at an easy effort ('{session.target.text}') is read as a tune-up race: its "
                                     f"week counts as a race week, and the watch runs it as the race; if it is an easy run, "
                                     f"write '{easy[:1].upper() + easy[1:]}' in place of the race's word", "race-at-easy")


def _easy(target: Target | None) -> bool:
    return target is not None and bool(target.efforts) and all(
        WORD_EFFORTS.get(word) in ("easy", "recovery") for word in target.efforts)


def _goal_race(race: Race | None, weeks: tuple[Week, ...], check: Checker, sound: bool = True) -> tuple[Race | None, tuple[Week, ...]]:
    """The goal race is the last week's race session; it takes the frontmatter's distance if it has none.
    Its absence is not reported when the outline had a mistake (the last week may not be the
    author's) or a line of the last week could not be read (it may be the race)."""
    if not weeks:
        return race, weeks
    last = weeks[-1]
    sessions = [s for s in last.sessions if s.kind is SessionKind.RACE]
    if not sessions:
        unread = any(d.is_error and d.line >= last.source.line for d in check.errors.items)
        if race is not None and sound and not unread:
            check.errors.error(last.source.line, 1, f"the plan has a race ({race.name or race.category}) but its last week has no race session; add one, e.g. '- Sun: Race {race_text(race.length, 'km')}'")
        return race, weeks
    session = sessions[-1]
    if last.mark is not None:
        if last.mark == "taper" and len(weeks) > 1 and weeks[-2].mark == "taper":  # the author's taper: the mark says so again
            return race, (*weeks[:-1], _replace_mark(last))
        check.errors.warning(last.source.line, 1, f"the last week holds the race, so it is the race week; its {{{last.mark}}} "
                             "mark is ignored: the engine's taper cuts it, unless you mark the weeks before it {taper} "
                             "(a taper of yours is kept as written, its race week too)", "race-week-mark")
        last = _replace_mark(last)
        weeks = (*weeks[:-1], last)
    if session.total is None:
        if race is None:
            written = ("race",) in check.located.positions  # a 'race:' with a mistake, said at its line: one mistake, one error
            if not written:
                check.errors.error(session.source.line, session.source.col,
                                   "the race needs a distance, e.g. 'Race 10K', or a 'race:' in the frontmatter")
            return race, weeks
        filled = session.with_changes(total=race.length)
        weeks = (*weeks[:-1], _replace_session(last, session, filled))
    elif race is not None and _differ(session.total, race.length):
        check.errors.warning(session.source.line, session.source.col, f"the race session is {race_text(session.total, 'km')} "
                             f"but the frontmatter race is {race_text(race.length, 'km')}", "race-distance")
    if race is None and isinstance(session.total, (Distance, Duration)):
        race = race_of(session.total, session.source)
    return race, weeks


def _differ(written: Any, race: Distance | Duration) -> bool:
    """Whether the race session's length is not the frontmatter race's (by 2% or more)."""
    if isinstance(written, Distance) and isinstance(race, Distance):
        return abs(written.km - race.km) > 0.02 * race.km
    if isinstance(written, Duration) and isinstance(race, Duration):
        return abs(written.minutes - race.minutes) > 0.02 * race.minutes
    return True


def _replace_mark(week: Week) -> Week:
    from dataclasses import replace
    return replace(week, mark=None)


def _replace_session(week: Week, old: Any, new: Any) -> Week:
    from dataclasses import replace
    return replace(week, sessions=tuple(new if s is old else s for s in week.sessions))


def _cross_check(plan: Plan, meta: dict[str, Any], check: Checker, sound: bool = True) -> None:
    race_date = plan.race.date if plan.race else None
    if race_date is not None and plan.start is not None:
        check.error(("start",), "give either 'start' or 'race.date', not both: the engine places the plan from one of them")
    if plan.start is not None and plan.start.weekday() != plan.week_starts:
        line, col = check.located.where(("start",))
        check.errors.warning(line, col, f"start {plan.start.isoformat()} is a {WEEKDAYS[plan.start.weekday()].capitalize()} but weeks start on {WEEKDAYS[plan.week_starts].capitalize()}; the plan's days will shift to begin on the start date", "start-weekday")
    for vacation in plan.periodization.vacations:
        if sound and vacation.week is not None and vacation.week > len(plan.weeks):  # after a numbering mistake, the count may be wrong
            check.errors.error(vacation.source.line, vacation.source.col, f"vacation week {vacation.week} is beyond the plan's {len(plan.weeks)} weeks")
