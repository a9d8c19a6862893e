"""Load checks for the author: warnings that point at the source line and never block.

- a run more than 10% longer than the longest run of the previous 30 days
  (single-session spikes, Frandsen et al. 2025);
- weekly volume up more than 10% (or 30%) on the last *loading* week, so the
  week after a deload is compared with the week before it, not with the deload;
- a long run over 30% of its week;
- a deload or taper week that is not lighter than it should be.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import Diagnostic, Severity
from ..expanded import Basis, PlannedWeek
from ..model import Plan, SessionKind, Source
from ..units import format_number, from_km


def _warn(source: Source, code: str, message: str) -> Diagnostic:
    return Diagnostic(source.file, source.line, source.col, message, Severity.WARNING, code)


def _amount(value: float, basis: Basis, units: str) -> str:
    if basis == "minutes":
        return f"{format_number(value, 0)} min"
    return f"{format_number(from_km(value, units), 1)} {units}"


def _percent(value: float, limit: float) -> str:
    """``45%``, or ``45.5%`` when whole percents would hide that it is over the limit."""
    text = f"{value:.0%}"
    return f"{value:.1%}" if text == f"{limit:.0%}" else text


def _size(session_km: float | None, minutes: float | None, basis: Basis) -> float:
    return (session_km or 0.0) if basis == "distance" else (minutes or 0.0)


def check_weeks(plan: Plan, weeks: Sequence[PlannedWeek], basis: Basis) -> list[Diagnostic]:
    checks = plan.checks
    warnings: list[Diagnostic] = []
    warnings += _spikes(plan, weeks, basis)
    last_loading: PlannedWeek | None = None
    peak = 0.0
    previous_taper: float | None = None
    for week in weeks:
        volume = week.distance_km if basis == "distance" else week.minutes
        where = f"week {week.number}"
        tune_up = any(p.kind is SessionKind.RACE for p in week.sessions)
        if week.kind == "load" and tune_up:
            pass  # a tune-up race week is lighter by design: neither checked nor a reference
        elif week.kind == "load":
            if last_loading is not None:
                before = last_loading.distance_km if basis == "distance" else last_loading.minutes
                if before > 0 and volume > before * (1 + checks.weekly_increase) + 1e-9:
                    rise = volume / before - 1
                    high = rise > checks.weekly_increase_high + 1e-9
                    code = "volume-jump-30" if high else "volume-jump-10"
                    limit = checks.weekly_increase_high if high else checks.weekly_increase
                    warnings.append(_warn(week.source, code,
                        f"{where}: volume {_amount(volume, basis, plan.units)} is up {_percent(rise, limit)} on week {last_loading.number} "
                        f"({_amount(before, basis, plan.units)}), more than {limit:.0%}"))
            last_loading = week
            peak = max(peak, volume)
        elif week.kind in ("deload", "vacation") and week.reference is not None:
            reference = weeks[week.reference - 1]
            before = reference.distance_km if basis == "distance" else reference.minutes
            if before > 0 and volume >= before - 1e-9 and week.vacation != "rest":
                warnings.append(_warn(week.source, "deload-not-lighter",
                    f"{where} is a {week.kind} but is not lighter than week {reference.number} "
                    f"({_amount(volume, basis, plan.units)} vs {_amount(before, basis, plan.units)})"))
        elif week.kind == "taper":
            if peak > 0 and volume >= peak - 1e-9:
                warnings.append(_warn(week.source, "taper-not-lighter",
                    f"{where} is a taper week but is not lighter than the peak ({_amount(volume, basis, plan.units)} vs {_amount(peak, basis, plan.units)})"))
            elif previous_taper is not None and volume > previous_taper + 1e-9:
                warnings.append(_warn(week.source, "taper-increase",
                    f"{where}: the taper's volume rises again ({_amount(volume, basis, plan.units)} after {_amount(previous_taper, basis, plan.units)}); a taper should only go down"))
            previous_taper = volume
        if week.kind == "load" and volume > 0:
            for planned in week.sessions:
                if planned.kind is not SessionKind.LONG:
                    continue
                share = _size(planned.distance_km, planned.minutes, basis) / volume
                if share > checks.long_run_share + 1e-9:
                    warnings.append(_warn(planned.source, "long-run-share",
                        f"{where}: the long run is {_percent(share, checks.long_run_share)} of the week's volume (more than {checks.long_run_share:.0%}); "
                        f"spread the volume over more runs or raise checks.long_run_share"))
    return _unique(warnings)


def _unique(warnings: list[Diagnostic]) -> list[Diagnostic]:
    """One warning per source line and code: a deload copies its reference week's lines."""
    seen: set[tuple[str, int, str]] = set()
    result = []
    for warning in warnings:
        key = (warning.file, warning.line, warning.code)
        if key not in seen:
            seen.add(key)
            result.append(warning)
    return result


def _spikes(plan: Plan, weeks: Sequence[PlannedWeek], basis: Basis) -> list[Diagnostic]:
    runs = [(p, (p.week - 1) * 7 + p.day - 1) for w in weeks for p in w.sessions if p.kind.is_run and not p.session.optional]
    warnings = []
    limit = plan.checks.session_spike
    sizes = [_size(p.distance_km, p.minutes, basis) for p, _ in runs]
    first = 0  # the first run inside the 30-day window
    for index, (planned, day) in enumerate(runs):
        while runs[first][1] < day - 30:
            first += 1
        if planned.kind is SessionKind.RACE or day < 7:
            continue  # the first week has no history to compare with
        current = sizes[index]
        history = [sizes[k] for k in range(first, index) if runs[k][1] < day]
        if not history or current <= 0:
            continue
        longest = max(history)
        if longest > 0 and current > longest * (1 + limit) + 1e-9:
            warnings.append(_warn(planned.source, "session-spike",
                f"week {planned.week}: this run ({_amount(current, basis, plan.units)}) is {current / longest - 1:.0%} longer than "
                f"the longest run of the previous 30 days ({_amount(longest, basis, plan.units)}); "
                f"runs more than {limit:.0%} longer are linked to injury (Frandsen et al. 2025)"))
    return warnings
