"""Every session survives a round trip through the model: the title Deload writes for a
session is read back as the same session, whatever its parts."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.describe import STEP_LABELS, label_text, session_title
from generator.errors import Collector
from generator.i18n import use
from generator.model import Amount, Distance, Duration, Ladder, Part, Repeat, Session, SessionKind, Source, Step, Target
from generator.source.mainset import REST_LABELS, WORK_LABELS
from generator.source.sessions import SessionLine
from generator.source.targets import parse_target
from generator.source.words import words_for
from generator.workout import parts_km

K = SessionKind
SOURCE = Source("t.md", 3, 8)
TARGETS = ["easy", "very easy to easy", "easy to moderate", "5K pace", "90-92% 5K", "105% MP", "MP - 10s",
           "HMP + 15 s/mi", "5K-10K pace", "Goal MP", "95% 5K effort", "Z2", "RPE 6-7", "150 bpm", "8:30/mi",
           "4:45-4:55/km", "threshold", "Kenyan-style progression"]
RECOVERY = ["jog", "walk", "float", "walk/jog", "easy jog", "rest"]


def target(text: str) -> Target:
    parsed = parse_target(text, lambda message: None)
    assert parsed is not None, text
    return parsed


targets = st.sampled_from(TARGETS).map(target)


def distances(units: tuple[str, ...], ranged: bool = True) -> st.SearchStrategy[Distance]:
    @st.composite
    def make(draw: st.DrawFn) -> Distance:
        unit = draw(st.sampled_from(units))
        if unit == "m":
            value = float(draw(st.integers(1, 30)) * 100)
            top = value + draw(st.integers(1, 5)) * 100 if ranged and draw(st.booleans()) else None
        else:
            value = draw(st.integers(1, 40)) * 0.5
            top = value + draw(st.integers(1, 6)) * 0.5 if ranged and draw(st.booleans()) else None
        return Distance(value, unit, top)  # type: ignore[arg-type]
    return make()


@st.composite
def durations(draw: st.DrawFn, ranged: bool = True) -> Duration:
    short = draw(st.booleans())
    seconds = float(draw(st.sampled_from([20, 30, 45, 60, 90, 150])) if short else draw(st.integers(2, 150)) * 60)
    if ranged and draw(st.booleans()):
        return Duration(seconds, seconds + draw(st.sampled_from([15, 30, 60, 300, 900])))
    return Duration(seconds)


def amounts(units: tuple[str, ...], ranged: bool = True) -> st.SearchStrategy[Amount]:
    return st.one_of(distances(units, ranged), durations(ranged))


@st.composite
def recoveries(draw: st.DrawFn) -> Step:
    label = draw(st.sampled_from(RECOVERY))
    amount = draw(st.none() | amounts(("m", "km"), ranged=True)) if label else draw(amounts(("m",)))
    role = "rest" if label in REST_LABELS else "recovery"
    walking = label.startswith(("walk", "rest"))
    return Step(role, amount, None if walking else draw(st.none() | targets), label)  # type: ignore[arg-type]


@st.composite
def listed_steps(draw: st.DrawFn) -> Step:
    """A step in a bracketed list: its label says whether it is work or recovery."""
    if draw(st.booleans()):
        return Step("work", draw(amounts(("m", "km"), ranged=False)), draw(st.none() | targets),
                    draw(st.sampled_from(["", "hills", "fast"])))
    label = draw(st.sampled_from(["walk", "float", "rest"]))  # (in a run-walk, a listed jog is the running)
    return Step("rest" if label == "rest" else "recovery", draw(amounts(("m",), ranged=False)), None, label)


@st.composite
def repeats(draw: st.DrawFn, depth: int = 0) -> Repeat:
    count = draw(st.integers(1, 12))
    top = count + draw(st.integers(1, 3)) if draw(st.booleans()) else None
    if depth < 1 and draw(st.booleans()):
        inner: tuple[Part, ...] = (draw(repeats(depth + 1)),) if draw(st.booleans()) else tuple(
            draw(st.lists(listed_steps(), min_size=2, max_size=4)))
    else:
        inner = (Step("work", draw(amounts(("m", "km", "mi"))), draw(st.none() | targets),
                      draw(st.sampled_from(["", *WORK_LABELS[:4]]))),)
    between = draw(st.none() | recoveries())
    if between is not None and len(inner) == 1 and isinstance(inner[0], Step) and inner[0].target is None:
        between = Step(between.role, between.amount, None, between.label)  # a target there is the work's
    return Repeat(count, inner, between, top)


@st.composite
def ladders(draw: st.DrawFn) -> Ladder:
    unit = draw(st.sampled_from(["km", "m"]))
    rungs = draw(st.lists(st.integers(1, 6), min_size=3, max_size=5))
    percents = draw(st.lists(st.integers(90, 115), min_size=len(rungs), max_size=len(rungs)))
    one = draw(st.none() | targets)
    share = draw(st.booleans())
    steps = tuple(Step("work", Distance(float(r * (400 if unit == "m" else 1)), unit),  # type: ignore[arg-type]
                       target(f"{p}% MP") if share else one) for r, p in zip(rungs, percents, strict=True))
    return Ladder(steps, draw(st.none() | recoveries()))


@st.composite
def sessions(draw: st.DrawFn, units: str) -> Session:
    kind = draw(st.sampled_from([K.EASY, K.LONG, K.TEMPO, K.INTERVALS, K.FARTLEK, K.HILLS, K.RUN_WALK, K.RECOVERY]))
    total = draw(st.none() | amounts((units,)))
    shape = draw(st.sampled_from(["none", "steps", "sets", "ladder"]))
    main: tuple[Part, ...] = ()
    if shape == "steps":
        main = tuple(Step("work", draw(amounts((units,))), draw(st.none() | targets))
                     for _ in range(draw(st.integers(1, 4))))
    elif shape == "sets":
        main = tuple(draw(st.lists(repeats(), min_size=1, max_size=2)))
    elif shape == "ladder":
        main = (draw(ladders()),)
    assume(total is not None or main)
    if isinstance(total, Distance) and main:
        part = parts_km(main)
        assume(part is None or part <= total.km_high)
    strides = Repeat(draw(st.integers(2, 10)), (Step("work", Duration(20), label="strides"),)) if draw(st.booleans()) else None
    optional = draw(st.booleans())
    return Session(kind, 2, SOURCE, total=total, main=main, target=draw(st.none() | targets), strides=strides,
                   optional=optional, counted=optional and draw(st.booleans()))


def read(text: str) -> tuple[Session | None, list[str]]:
    errors = Collector("t.md")
    session = SessionLine(text, 3, 8, errors).session(2, SOURCE)
    # 'Easy with 0.5 km' reads back, with the warning that its part has no pace (it may be climbing)
    return session, [d.format() for d in errors.items if d.code != "bare-part"]


@given(st.sampled_from(["km", "mi"]).flatmap(lambda units: st.tuples(st.just(units), sessions(units))))
def test_a_session_reads_back_from_its_title(case: tuple[str, Session]) -> None:
    units, session = case
    title = session_title(session, units)
    again, errors = read(title)
    assert errors == [], title
    assert again is not None
    assert again.with_changes(text="") == session, title


@given(st.sampled_from(["de", "fr", "es", "nl"]), st.sampled_from(["km", "mi"]).flatmap(
    lambda units: st.tuples(st.just(units), sessions(units))))
def test_a_session_reads_back_from_its_title_in_every_language(code: str, case: tuple[str, Session]) -> None:
    """A German page writes "Intervalle 7 km: 6 x 800 m @ 5K pace m/ 400 m Trab": the German
    grammar reads that back as the same session (the catalog's words are the plan language's)."""
    units, session = case
    with use(code):
        title = session_title(session, units)
    errors = Collector("t.md")
    again = SessionLine(title, 3, 8, errors, words_for(code)).session(2, SOURCE)
    assert [d.format() for d in errors.items if d.code != "bare-part"] == [], title
    assert again is not None
    assert again.with_changes(text="", name="") == session, title


@pytest.mark.parametrize("code", ["de", "fr", "es", "nl"])
def test_every_step_word_the_pages_write_is_read_back(code: str) -> None:
    """The catalog's step labels are words the plan language reads as the same label."""
    words = words_for(code)
    with use(code):
        written = {label: label_text(label) for label in STEP_LABELS}
    assert {label: words.label(text) for label, text in written.items()} == {label: label for label in written}
    assert any(text != label for label, text in written.items())  # translated, not English
