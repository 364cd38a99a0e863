"""The PMF score: 0-100 from a published rubric, judged on the quality of the best evidence.

The score does not count findings: a second or tenth sentence saying the same thing adds nothing, so
a deep research and an essential one on the same sources score alike. Each criterion looks at its
best checked evidence (see agents/RUBRIC.md) and states its confidence. Claims that failed a check
(quote not found, values not in the quote), vendor claims and claims resting only on sources that
are not about the idea earn no points.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from statistics import median
from typing import TypeVar

from agents.analysts.amounts import PRICE, amount, currency_of, usd
from agents.analysts.saturation import saturation_level
from agents.citations import passes_checks
from agents.evidence import headline as pick_headline
from agents.state import (
    DATED_AFTER_YEARS,
    Claim,
    CompetitorFindings,
    CustomerFindings,
    Figure,
    Level,
    MarketFindings,
    PMFScore,
    ReportSource,
    SubScore,
)

LEVEL = {"low": 1, "medium": 2, "high": 3}
SATURATION_POINTS = {"low": 8.0, "medium": 5.0, "high": 2.0}
PRICE_UNIT = re.compile(r"(?:\bper|\ba|\ban|\beach|/)\s*([a-z]+)", re.I)
# time units as prices write them, each as one name: "per user/yr" and "per user per year" are one unit
TIME_UNITS = {
    "month": "month", "mo": "month", "year": "year", "yr": "year", "annum": "year", "week": "week",
    "wk": "week", "day": "day", "hour": "hour", "hr": "hour",
}  # fmt: skip
RATE = re.compile(r"(\d+(?:\.\d+)?)\s?%")
NONZERO_PRICE = re.compile(r"(?:[$€£¥₹]|\b[A-Z]{3}\s?)\s?(?:[1-9]\d*(?:[.,]\d+)?|0\.\d*[1-9])")
# points kept by the confidence in the best evidence: desk research is secondary evidence of fit, so
# even two independent sources keep 85% (only adoption data, which no search returns, would prove it)
TRUST = {"high": 0.85, "medium": 0.7, "low": 0.55}
# headline size in US dollars -> points
SIZE_POINTS = ((1e9, 12.5), (5e8, 10.0), (1e8, 8.0), (1e7, 5.0), (0.0, 3.0))
NEUTRAL = 0.4  # share of a criterion's points when the sources say nothing about it
VERDICTS = ((75, "Strong"), (55, "Promising"), (35, "Uncertain"), (0, "Weak"))
INDEPENDENT = {"analyst_report", "survey", "interviews", "government", "news", "review_forum"}

ClaimT = TypeVar("ClaimT", bound=Claim)


class Context:
    """What the score knows about sources: which are about the idea, which are vendors' and which are
    dated (published more than DATED_AFTER_YEARS before the research)."""

    def __init__(self, sources: list[ReportSource] | None, research_year: int | None = None) -> None:
        known = sources or []
        year = research_year or datetime.now(UTC).year
        self.known = bool(known)
        self.relevant = {s.id for s in known if s.relevant}
        self.vendor = {s.id for s in known if s.source_type == "vendor"}
        self.types = {s.id: s.source_type for s in known}
        self.dated = {s.id for s in known if s.published and s.published.year < year - DATED_AFTER_YEARS}

    def current(self, claims: Iterable[ClaimT]) -> list[ClaimT]:
        """Claims with a source that is not dated: a trend or an outlook written years ago is history."""
        return [claim for claim in claims if not claim.source_ids or set(claim.source_ids) - self.dated]

    def usable(self, claims: Iterable[ClaimT], vendor_ok: bool = False) -> list[ClaimT]:
        """Claims that passed their checks, cite a relevant source, and are not only a vendor's word."""
        result = []
        for claim in claims:
            if not passes_checks(claim) or (
                isinstance(claim, Figure) and claim.vendor_claim and not vendor_ok
            ):
                continue
            cited = claim.source_ids
            if self.known and not any(i in self.relevant for i in cited):
                continue
            if not vendor_ok and cited and all(i in self.vendor for i in cited):
                continue
            result.append(claim)
        return result

    def confidence(self, evidence: list[Claim]) -> Level:
        """High: two or more independent sources; medium: one; low: none."""
        sources = {i for claim in evidence for i in claim.source_ids if i not in self.vendor}
        independent = {i for i in sources if self.types.get(i, "unknown") in INDEPENDENT or not self.known}
        if len(sources) >= 2 and independent:
            return "high"
        return "medium" if sources else "low"


def usable(claims: list[ClaimT]) -> list[ClaimT]:
    """Claims no check refuted (quote found, values match)."""
    return [claim for claim in claims if passes_checks(claim)]


def money(value: str) -> float:
    """A stated amount in currency units ("$2.8 billion" -> 2.8e9); 0 when none is found."""
    return amount(value)


def _sub_score(
    name: str, weight: int, score: float, rationale: str, evidence: list[Claim], confidence: Level
) -> SubScore:
    # evidence is stored as plain claims, so a report reloaded from JSON is identical to the live one
    plain = [Claim.model_validate(claim.model_dump(include=set(Claim.model_fields))) for claim in evidence]
    source_ids = list(dict.fromkeys(i for claim in evidence for i in claim.source_ids))
    if not evidence and score == 0:
        score = NEUTRAL * weight
        rationale += f" Scored neutral ({NEUTRAL:.0%}): missing evidence is not evidence against the idea."
    else:
        score *= TRUST[confidence]
    score = round(min(max(score, 0.0), float(weight)), 1)
    return SubScore(
        name=name,
        weight=weight,
        score=score,
        rationale=rationale,
        evidence=plain,
        source_ids=source_ids,
        confidence=confidence,
    )


def _spread(claims: list[ClaimT]) -> str:
    """How widely a kind of evidence is stated, in words."""
    if not claims:
        return "not found in the sources"
    return "stated by two or more sources" if _distinct_sources(claims) >= 2 else "stated by one source"


def _distinct_sources(claims: list[ClaimT]) -> int:
    return len({i for claim in claims for i in claim.source_ids})


# a change over one year ("up 17% on 2024", "grew 8% year on year"), not a rate sustained over years
ONE_YEAR = re.compile(
    r"\b(?:up|down|rose|fell|grew|increased|decreased|climbed|jumped)\b[^.;]{0,30}?\bon\s(?:19|20)\d{2}\b"
    r"|\byear[- ]on[- ]year\b|\bover the (?:last|past|previous) year\b",
    re.IGNORECASE,
)


def one_year(figure: Figure) -> bool:
    """Whether a growth figure is one year's change, not a rate sustained over years (a CAGR, "a year")."""
    return bool(ONE_YEAR.search(figure.value or "") or ONE_YEAR.search(_own_clause(figure)))


def _own_clause(figure: Figure) -> str:
    text = figure.quote or figure.text
    at = text.find(figure.value) if figure.value else -1
    return text[max(0, at - 40) : at + len(figure.value) + 30] if at >= 0 else ""


def best_growth(growth: list[Figure]) -> list[Figure]:
    """Growth figures best first: the analyst's order, rates sustained over years before one year's
    change ("up 17% on 2024" is one year, however fast), a past year's rate last.

    One market's growth is judged, not a median across definitions (a parent market's rate, a
    segment's last year): the analyst lists the idea's own market first.
    """
    return sorted(growth, key=lambda figure: (figure.timeframe == "historical", one_year(figure)))


def market_score(market: MarketFindings, context: Context) -> SubScore:
    """Market size & growth (25): the headline size and the best stated growth rate."""
    sizes = context.usable(market.market_size)
    best = market.headline if market.headline in sizes else None
    best = best or pick_headline(market.model_copy(update={"market_size": sizes}), set())
    size = usd(best.value or best.text) if best else 0.0  # in US dollars: SEK 1.9bn is a $190m market
    size_points = next((points for floor, points in SIZE_POINTS if size >= floor), 0.0) if size > 0 else 0.0
    # a rate stated more than five years ago, or by a dated source, says nothing of the market's growth now
    growth = best_growth([f for f in context.current(context.usable(market.growth)) if not f.dated])
    rates = [float(m.group(1)) for f in growth[:1] if (m := RATE.search(f.value or f.text))]
    rate = rates[0] if rates else 0.0
    growth_points = 12.5 if rate >= 15 else 10 if rate >= 10 else 7 if rate >= 5 else 4 if rate > 0 else 0
    shown = f"{best.value} ({best.year})" if best and best.year else best.value if best else "not found"
    rationale = (
        f"Headline market size {shown} ({size_points} pts); best stated growth of this market "
        f"{f'{rate:g}%' if rates else 'not found'} ({growth_points} pts)."
    )
    evidence: list[Claim] = [*([best] if best else []), *growth[:2]]
    return _sub_score(
        "Market size & growth",
        25,
        size_points + growth_points,
        rationale,
        evidence,
        context.confidence(evidence),
    )


def pain_score(customer: CustomerFindings, context: Context) -> SubScore:
    """Pain severity & frequency (25): the two strongest pains, corroborated by a second source."""
    pains = sorted(
        context.usable(customer.pain_points), key=lambda p: LEVEL[p.frequency] + LEVEL[p.impact], reverse=True
    )
    strongest = pains[:2]
    intensity = (
        sum((LEVEL[p.frequency] + LEVEL[p.impact]) / 6 for p in strongest) / len(strongest) if pains else 0
    )
    corroborated = 1.0 if _distinct_sources(pains) >= 2 else 0.75
    score = 25 * intensity * corroborated if pains else 0.0
    rationale = (
        f"Strongest pains average intensity {intensity:.2f} of 1, "
        + ("stated by two or more sources." if corroborated == 1.0 else "stated by one source only.")
        if pains
        else "Customer pain: not found in the sources."
    )
    return _sub_score(
        "Pain severity & frequency", 25, score, rationale, list(strongest), context.confidence(list(pains))
    )


def competition_score(competitor: CompetitorFindings, context: Context) -> SubScore:
    """Competition gap (20): an open gap named by an independent source, plus saturation."""
    gaps = context.usable(competitor.gaps)
    gap_points = 0.0 if not gaps else 10.0 if _distinct_sources(gaps) >= 2 else 7.0
    level = saturation_level(competitor)
    saturation = SATURATION_POINTS[level] if competitor.competitors else 0.0
    rationale = f"{'An open gap is named' if gaps else 'No gap is named'} in the sources; " + (
        f"saturation {level} among {len(competitor.competitors)} competitors."
        if competitor.competitors
        else "competitors: not found in the sources."
    )
    shown = [*gaps[:2], *(c.evidence[0] for c in competitor.competitors[:3] if c.evidence)]
    return _sub_score(
        "Competition gap", 20, gap_points + saturation, rationale, shown, context.confidence(shown)
    )


PriceUnit = tuple[str, str, str]  # (currency, time unit, what is priced: "crate", "kg"; "" when unstated)


THRESHOLD = re.compile(r"\b(?:more than|over|above|at least|less than|under|below|up to)\s*$", re.I)


def priced(texts: Iterable[str], thresholds: bool = True) -> dict[PriceUnit, list[float]]:
    """Amounts by (currency, time unit, item): "KES 20 per crate per day" -> {("KES", "day", "crate"):
    [20.0]}, "£8 per month" -> {("£", "month", ""): [8.0]}; an amount with no unit is skipped, and so is
    a threshold ("would pay more than £40 a month") unless ``thresholds``."""
    found: dict[PriceUnit, list[float]] = {}
    for text in texts:
        for match in PRICE.finditer(text):
            if not thresholds and THRESHOLD.search(text[: match.start()]):
                continue
            units = [unit.lower() for unit in PRICE_UNIT.findall(match.group(0))]
            value = amount(match.group(0))
            if units and value > 0:
                time = next((TIME_UNITS[u] for u in units if u in TIME_UNITS), "")
                item = next((u for u in units if u not in TIME_UNITS), "")
                found.setdefault((currency_of(match.group(0)), time, item), []).append(value)
    return found


def same_unit(left: PriceUnit, right: PriceUnit) -> bool:
    """One currency and time unit, and the same item when both name one: "£9.99 a month per pet" is
    comparable with "£8 a month", "KES 2 per kg per day" is not with "KES 20 per crate per day"."""
    return left[:2] == right[:2] and (not left[2] or not right[2] or left[2] == right[2])


def below_every_price(stated: list[Claim], competitor: CompetitorFindings) -> bool:
    """Whether customers' typical stated price is below the cheapest competitor's for the same unit."""
    wanted = priced((claim.text for claim in stated), thresholds=False)  # a share above a bound is no price
    charged = priced(c.pricing for c in competitor.competitors)
    return any(
        median(values) < min(prices)
        for unit, values in wanted.items()
        if (prices := [p for other, found in charged.items() if same_unit(unit, other) for p in found])
    )


def payment_score(customer: CustomerFindings, competitor: CompetitorFindings, context: Context) -> SubScore:
    """Willingness to pay (15): customers stating a price they would pay, and a paid market."""
    signals = context.usable(customer.willingness_to_pay)
    stated = [claim for claim in signals if NONZERO_PRICE.search(claim.text)]
    paid_market = any(NONZERO_PRICE.search(c.pricing) for c in competitor.competitors)
    short = bool(stated) and below_every_price(stated, competitor)
    points = (4.0 if short else 8.0 if stated else 5.0 if signals else 0.0) + (4.0 if paid_market else 0.0)
    rationale = (
        "Customers state a price they would pay, below what every competitor charges for the same unit"
        if short
        else "Customers state a price they would pay"
        if stated
        else "Customers say they would pay, without a price"
        if signals
        else "Willingness to pay: not found in the sources"
    ) + ("; competitors charge, so a paid market exists." if paid_market else ".")
    evidence = (stated or signals)[:2]
    return _sub_score("Willingness to pay", 15, points, rationale, evidence, context.confidence(evidence))


def timing_score(market: MarketFindings, context: Context) -> SubScore:
    """Timing & feasibility (15): trends and opportunities, each corroborated or not, and forecast growth,
    from sources that are not dated (an outlook written more than five years ago is no timing today)."""
    trends = context.current(context.usable(market.trends))
    opportunities = context.current(context.usable(market.opportunities))
    trend_points = 0.0 if not trends else 6.0 if _distinct_sources(trends) >= 2 else 4.0
    opportunity_points = 0.0 if not opportunities else 5.0 if _distinct_sources(opportunities) >= 2 else 3.0
    forecasts = [f for f in context.current(context.usable(market.growth)) if f.timeframe == "forecast"]
    rates = [float(m.group(1)) for f in forecasts if (m := RATE.search(f.value or f.text))]
    momentum = 4.0 if rates and median(rates) >= 10 else 2.0 if rates and median(rates) > 0 else 0.0
    rationale = f"Trends: {_spread(trends)}; opportunities: {_spread(opportunities)}; forecast growth: " + (
        f"{median(rates):g}% ({momentum:g} pts)." if rates else "not found in the sources."
    )
    evidence = [*trends[:2], *opportunities[:1]]
    return _sub_score(
        "Timing & feasibility",
        15,
        trend_points + opportunity_points + momentum,
        rationale,
        evidence,
        context.confidence(evidence),
    )


def score_pmf(
    market: MarketFindings,
    competitor: CompetitorFindings,
    customer: CustomerFindings,
    sources: list[ReportSource] | None = None,
    research_year: int | None = None,
) -> PMFScore:
    """The PMF score and its five sub-scores (``sources`` tells which are relevant, which vendors' and
    which dated, by their publication year against ``research_year``, this year by default)."""
    context = Context(sources, research_year)
    subs = [
        market_score(market, context),
        pain_score(customer, context),
        competition_score(competitor, context),
        payment_score(customer, competitor, context),
        timing_score(market, context),
    ]
    total = max(0, min(100, round(sum(sub.score for sub in subs))))
    verdict = next(label for threshold, label in VERDICTS if total >= threshold)
    return PMFScore(total=total, verdict=verdict, sub_scores=subs)
