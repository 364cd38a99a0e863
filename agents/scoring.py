"""The PMF score: 0-100 from a published rubric, deterministic from the verified findings.

Rubric (weights are the points available; see agents/RUBRIC.md):

* Market size & growth (25): largest stated market size (>= $1B: 12.5, >= $100M: 9, >= $10M: 5,
  any: 3) plus median stated growth rate (>= 15%: 12.5, >= 10%: 10, >= 5%: 6, > 0: 3).
* Pain severity & frequency (25): mean of (frequency + impact) / 6 over the three strongest pain
  points (low=1, medium=2, high=3), times 25, times min(pain points, 3) / 3.
* Competition gap (20): min(gaps, 3) / 3 x 12, plus saturation low 8, medium 5, high 2 (saturation
  counts only when at least one competitor was found: no evidence earns no points).
* Willingness to pay (15): min(signals, 3) / 3 x 7, plus 8 when customers state a price they would
  pay, or 5 when competitors charge (a paid market exists).
* Timing & feasibility (15): min(trends, 3) / 3 x 8 plus min(opportunities, 3) / 3 x 7.

Only claims that were not refuted by the verifier (verified True, or not yet checked) earn points.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TypeVar

from agents.citations import passes_checks
from agents.state import Claim, CompetitorFindings, CustomerFindings, MarketFindings, PMFScore, SubScore

LEVEL = {"low": 1, "medium": 2, "high": 3}
SATURATION_POINTS = {"low": 8.0, "medium": 5.0, "high": 2.0}
SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6}
AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?(trillion|billion|million|bn|mn|b|m)\b", re.IGNORECASE)
RATE = re.compile(r"(\d+(?:\.\d+)?)\s?%")
NONZERO_PRICE = re.compile(r"[$€£]\s?(?:[1-9]\d*(?:\.\d+)?|0\.\d*[1-9])")
VERDICTS = ((75, "Strong"), (55, "Promising"), (35, "Uncertain"), (0, "Weak"))


ClaimT = TypeVar("ClaimT", bound=Claim)


def usable(claims: list[ClaimT]) -> list[ClaimT]:
    """Claims no check refuted (quote found, values match)."""
    return [claim for claim in claims if passes_checks(claim)]


def money(value: str) -> float:
    """A stated amount in currency units ("$2.8 billion" -> 2.8e9); 0 when none is found."""
    match = AMOUNT.search(value)
    if not match:
        return 0.0
    return float(match.group(1).replace(",", "")) * SCALE[match.group(2).lower()]


def _fraction(count: int, enough: int = 3) -> float:
    return min(count, enough) / enough


def _sub_score(name: str, weight: int, score: float, rationale: str, evidence: list[Claim]) -> SubScore:
    # evidence is stored as plain claims, so a report reloaded from JSON is identical to the live one
    plain = [Claim.model_validate(claim.model_dump(include=set(Claim.model_fields))) for claim in evidence]
    source_ids = list(dict.fromkeys(i for claim in evidence for i in claim.source_ids))
    score = round(min(max(score, 0.0), float(weight)), 1)
    return SubScore(
        name=name, weight=weight, score=score, rationale=rationale, evidence=plain, source_ids=source_ids
    )


def market_score(market: MarketFindings) -> SubScore:
    """Market size & growth (25)."""
    sizes, growth = usable(list(market.market_size)), usable(list(market.growth))
    largest = max((money(f.value or f.text) for f in sizes), default=0.0)
    size_points = (
        12.5 if largest >= 1e9 else 9 if largest >= 1e8 else 5 if largest >= 1e7 else 3 if sizes else 0
    )
    rates = [float(m.group(1)) for f in growth if (m := RATE.search(f.value or f.text))]
    rate = median(rates) if rates else 0.0
    growth_points = 12.5 if rate >= 15 else 10 if rate >= 10 else 6 if rate >= 5 else 3 if rate > 0 else 0
    rationale = (
        f"Largest stated market size {largest / 1e9:.2f} billion ({size_points} pts); "
        f"median stated growth {rate:g}% ({growth_points} pts)."
    )
    return _sub_score(
        "Market size & growth", 25, size_points + growth_points, rationale, [*sizes[:2], *growth[:2]]
    )


def pain_score(customer: CustomerFindings) -> SubScore:
    """Pain severity & frequency (25)."""
    pains = sorted(
        usable(list(customer.pain_points)), key=lambda p: LEVEL[p.frequency] + LEVEL[p.impact], reverse=True
    )[:3]
    intensity = sum((LEVEL[p.frequency] + LEVEL[p.impact]) / 6 for p in pains) / len(pains) if pains else 0.0
    score = 25 * intensity * _fraction(len(pains))
    rationale = f"{len(pains)} supported pain points, average intensity {intensity:.2f} of 1."
    return _sub_score("Pain severity & frequency", 25, score, rationale, list(pains))


def competition_score(competitor: CompetitorFindings) -> SubScore:
    """Competition gap (20)."""
    gaps = usable(list(competitor.gaps))
    saturation = SATURATION_POINTS[competitor.saturation] if competitor.competitors else 0.0
    score = 12 * _fraction(len(gaps)) + saturation
    rationale = (
        f"{len(gaps)} supported gaps among {len(competitor.competitors)} competitors; "
        f"saturation {competitor.saturation}."
    )
    return _sub_score("Competition gap", 20, score, rationale, gaps[:3])


def payment_score(customer: CustomerFindings, competitor: CompetitorFindings) -> SubScore:
    """Willingness to pay (15)."""
    signals = usable(list(customer.willingness_to_pay))
    stated = [claim for claim in signals if NONZERO_PRICE.search(claim.text)]
    paid_market = any(NONZERO_PRICE.search(c.pricing) for c in competitor.competitors)
    bonus = 8.0 if stated else 5.0 if paid_market else 0.0
    rationale = (
        f"{len(signals)} willingness-to-pay signals; "
        + ("customers state prices they would pay." if stated else
           "competitors charge, so a paid market exists." if paid_market else "no price evidence.")
    )  # fmt: skip
    return _sub_score("Willingness to pay", 15, 7 * _fraction(len(signals)) + bonus, rationale, signals[:3])


def timing_score(market: MarketFindings) -> SubScore:
    """Timing & feasibility (15)."""
    trends, opportunities = usable(list(market.trends)), usable(list(market.opportunities))
    score = 8 * _fraction(len(trends)) + 7 * _fraction(len(opportunities))
    rationale = f"{len(trends)} supported trends and {len(opportunities)} named opportunities."
    return _sub_score("Timing & feasibility", 15, score, rationale, [*trends[:2], *opportunities[:1]])


def score_pmf(market: MarketFindings, competitor: CompetitorFindings, customer: CustomerFindings) -> PMFScore:
    """The PMF score and its five sub-scores."""
    subs = [
        market_score(market),
        pain_score(customer),
        competition_score(competitor),
        payment_score(customer, competitor),
        timing_score(market),
    ]
    total = max(0, min(100, round(sum(sub.score for sub in subs))))
    verdict = next(label for threshold, label in VERDICTS if total >= threshold)
    return PMFScore(total=total, verdict=verdict, sub_scores=subs)
