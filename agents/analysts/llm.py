"""The online analyst: prompts and structured output through an LLMProvider, one role per node."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import cache, partial
from typing import Annotated, Any, TypeVar, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel, BeforeValidator, create_model

from agents.analysts.base import Analysis
from agents.analysts.llm_checks import check_answer, check_text
from agents.analysts.passages import DEFAULT_PASSAGE_TOKENS, estimate_tokens, select_passages, share_budget
from agents.analysts.sourcing import published, source_type
from agents.citations import iter_claims
from agents.prompts.analysts import (
    ANALYST_USER,
    COMPETITOR_SYSTEM,
    CUSTOMER_SYSTEM,
    MARKET_SYSTEM,
    SOURCE_BLOCK,
)
from agents.prompts.report import REPORT_SYSTEM, REPORT_USER
from agents.prompts.supervisor import SUPERVISOR_SYSTEM, SUPERVISOR_USER
from agents.providers.base import LLMProvider
from agents.state import (
    CompetitorFindings,
    CustomerFindings,
    MarketFindings,
    PMFScore,
    ProductContext,
    ReportDraft,
    Source,
)

logger = logging.getLogger(__name__)
SchemaT = TypeVar("SchemaT", bound=BaseModel)
# What each agent looks for, added to its query when passages are ranked within a page.
FOCUS = {
    "market": "market size billion million revenue growth CAGR forecast trend opportunity",
    "competitor": "competitor pricing price per month plan subscription positioning alternative weakness",
    "customer": "customers pain problem frustration survey respondents segment willing to pay",
}

# Each analysis is asked in parts that run in parallel (the critical path is the longest part, not the
# sum): the fields named here, and the rest of the schema's fields in the last part.
PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "market": (("market_size",), ("growth", "other_figures"), ()),
    "competitor": (("competitors",), ()),
    "customer": (("pain_points",), ("segments", "personas"), ("willingness_to_pay", "figures"), ()),
    "report": (("strategic_recommendations",), ()),
}
PART_NOTE = "\n\nThis answer covers only: {fields}. Other parts of the analysis are asked for separately."


# Fields code computes after the answer (the checks, flags, the headline): never asked of the model.
COMPUTED = frozenset({"quote_found", "values_match", "verified", "dated", "headline"})
# Longest lists a model may return (strict schemas carry maxItems): bounds each answer's length, so
# its generation time, whatever the model; other lists take the research's item count, which grows with
# the depth's passage budget (more evidence read, more findings asked for): 2 to 5.
MAX_ITEMS = {"strengths": 2, "weaknesses": 2, "evidence": 2, "source_ids": 3, "sides": 3, "not_found": 4}
DEFAULT_MAX_ITEMS = 3
TOKENS_PER_ITEM = 1500


def list_items(passage_tokens: int) -> int:
    """How many items each list of an answer may hold for this passage budget."""
    return max(2, min(5, passage_tokens // TOKENS_PER_ITEM))


@cache
def answer_model(
    model: type[BaseModel], items: int = DEFAULT_MAX_ITEMS, max_chars: int = 0
) -> type[BaseModel]:
    """``model`` as the model is asked for it: computed fields left out, lists bounded, nested alike;
    with ``max_chars``, every string bounded too (``maxLength``: llama.cpp and vLLM enforce it in their
    grammar, OpenAI's strict mode refuses it), so a small local model cannot ramble to the token limit."""
    definitions: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name in COMPUTED:
            continue
        annotation = _answer_annotation(field.annotation, items, max_chars)
        info = field._copy()
        bounds = [bound for bound in info.metadata if isinstance(bound, Ge | Le)]
        if annotation is float and bounds:  # a grammar may not bound floats (llama.cpp): clamp, not fail
            low = next((bound.ge for bound in bounds if isinstance(bound, Ge)), None)
            high = next((bound.le for bound in bounds if isinstance(bound, Le)), None)
            annotation = Annotated[float, BeforeValidator(partial(_clamp, low, high))]
        info.annotation = annotation
        if get_origin(annotation) is list:
            info.metadata = [*info.metadata, MaxLen(min(items, MAX_ITEMS.get(name, items)))]
        definitions[name] = (annotation, info)
    answer = create_model(model.__name__, __doc__=model.__doc__, **definitions)
    answer.answer_name = model.__name__
    return answer


def _clamp(low: Any, high: Any, value: Any) -> Any:
    """A number answered outside ``low``..``high``, brought within them (anything else: unchanged)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = value if low is None else max(low, value)
        value = value if high is None else min(high, value)
    return value


def _answer_annotation(annotation: Any, items: int, max_chars: int = 0) -> Any:
    if annotation is str and max_chars:
        return Annotated[str, MaxLen(max_chars)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return answer_model(annotation, items, max_chars)
    arguments = get_args(annotation)
    if get_origin(annotation) is list and arguments:
        return list[_answer_annotation(arguments[0], items, max_chars)]  # type: ignore[misc]
    if arguments and type(None) in arguments:  # X | None
        inner = [
            _answer_annotation(argument, items, max_chars)
            for argument in arguments
            if argument is not type(None)
        ]
        return inner[0] | None if len(inner) == 1 else annotation
    return annotation


@cache
def part_schemas(
    schema: type[BaseModel],
    groups: tuple[tuple[str, ...], ...],
    items: int = DEFAULT_MAX_ITEMS,
    max_chars: int = 0,
) -> tuple[type[BaseModel], ...]:
    """``schema`` cut into models holding the fields of each group (the last group takes the rest)."""
    asked = answer_model(schema, items, max_chars)
    named = {name for group in groups for name in group}
    rest = tuple(name for name in asked.model_fields if name not in named)
    chosen = [tuple(name for name in group if name in asked.model_fields) for group in groups[:-1]]
    chosen.append(tuple(groups[-1]) + rest)
    parts = []
    for number, fields in enumerate(group for group in chosen if group):
        definitions: dict[str, Any] = {
            name: (asked.model_fields[name].annotation, asked.model_fields[name]) for name in fields
        }
        part = create_model(f"{schema.__name__}Part{number + 1}", __doc__=schema.__doc__, **definitions)
        part.answer_name = schema.__name__  # how failures name it: the answer it is part of
        parts.append(part)
    return tuple(parts)


def sources_block(sources: list[Source], query: str, tokens: int = DEFAULT_PASSAGE_TOKENS) -> str:
    """The sources as the prompt shows them: id, title, URL and the passages that answer ``query``,
    ``tokens`` shared between the sources."""
    budgets = share_budget([estimate_tokens(source.content) for source in sources], tokens)
    return "\n".join(
        SOURCE_BLOCK.format(
            id=source.id,
            title=source.title,
            url=source.url,
            published=(published(source) or "not stated"),
            source_type=source_type(source),
            content=select_passages(source.content, query, budget),
        )
        for source, budget in zip(sources, budgets, strict=True)
    )


def findings_lines(findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings]) -> str:
    """The checked findings as the writer reads them: one line per claim with its sources and quote."""
    lines: list[str] = []
    for title, part in zip(("Market", "Competitors", "Customers"), findings, strict=True):
        lines.append(f"{title}:")
        for claim in iter_claims(part):
            lines.append(f"- {claim.text} [{', '.join(claim.source_ids)}] (quote: {claim.quote})")
        for conflict in getattr(part, "conflicts", []):
            lines.append(f"- Conflict: {conflict.statement}")
        lines += [f"- Not found: {gap}" for gap in getattr(part, "not_found", [])]
    return "\n".join(lines)


class LLMAnalyst:
    """Analyst backed by a chat model with structured output."""

    name = "llm"
    checks_answers = True  # every answer passes llm_checks: the methodology counts what they removed

    def __init__(
        self,
        llm: LLMProvider,
        passage_tokens: int = DEFAULT_PASSAGE_TOKENS,
        max_string_chars: int = 0,
        max_list_items: int = 0,
        whole_answers: bool = False,
    ) -> None:
        self.llm = llm
        self.name = llm.name
        self.passage_tokens = passage_tokens  # per agent: the depth's budget of source passages
        self.max_string_chars = max_string_chars  # maxLength of every string asked for (0: unbounded)
        self.max_list_items = max_list_items  # cap on every list asked for (0: by the passage budget)
        # one answer per analysis instead of PARTS: a CPU-bound local server would read the prompt again
        # for each part (the parts only shorten the wait where the server has compute to spare)
        self.whole_answers = whole_answers
        self.structured_output_modes: list[str] = []  # the modes the model's answers came in

    def with_passage_tokens(self, tokens: int) -> LLMAnalyst:
        """This analyst with another passage budget (one per research depth)."""
        return type(self)(self.llm, tokens, self.max_string_chars, self.max_list_items, self.whole_answers)

    def _ask(self, schema: type[SchemaT], system: str, user: str, role: str) -> Analysis[SchemaT]:
        groups = None if self.whole_answers else PARTS.get(role)
        if not groups:
            asked = answer_model(schema, self._items(), self.max_string_chars)
            answer = self.llm.structured(asked, system=system, user=user, role=role)
            self._note_mode(answer.mode)
            return Analysis(schema.model_validate(answer.value.model_dump()), answer.usage.total_tokens)
        parts = part_schemas(schema, groups, self._items(), self.max_string_chars)

        def ask(part: type[BaseModel]) -> Any:
            note = PART_NOTE.format(fields=", ".join(part.model_fields))
            return self.llm.structured(part, system=system + note, user=user, role=role)

        with ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix=f"llm-{role}") as pool:
            answers = list(pool.map(ask, parts))
        merged: dict[str, Any] = {}
        for answer in answers:
            merged.update(answer.value.model_dump())
            self._note_mode(answer.mode)
        return Analysis(schema.model_validate(merged), sum(answer.usage.total_tokens for answer in answers))

    def _items(self) -> int:
        items = list_items(self.passage_tokens)
        return min(items, self.max_list_items) if self.max_list_items else items

    def _note_mode(self, mode: str) -> None:
        if mode and mode not in self.structured_output_modes:
            self.structured_output_modes.append(mode)

    def _analyse(
        self, schema: type[SchemaT], system: str, role: str, context: ProductContext, sources: list[Source]
    ) -> Analysis[SchemaT]:
        """Ask for ``schema`` over ``sources``, then keep only what passes the code checks."""
        answer = self._ask_sources(schema, system, role, context, sources)
        checked = check_answer(answer.value, sources)
        logger.info(
            "%s: the checks kept %d of the model's %d claims (%d other items removed)",
            role, checked.claims - checked.claims_dropped, checked.claims,
            checked.dropped - checked.claims_dropped,
        )  # fmt: skip
        return Analysis(
            answer.value, answer.tokens, checked.dropped, checked.citations,
            claims=checked.claims, claims_dropped=checked.claims_dropped,
        )  # fmt: skip

    def _ask_sources(
        self, schema: type[SchemaT], system: str, role: str, context: ProductContext, sources: list[Source]
    ) -> Analysis[SchemaT]:
        query = " ".join((getattr(context.queries, role), context.product_idea, FOCUS[role]))
        user = ANALYST_USER.format(
            today=date.today().isoformat(),
            product_idea=context.product_idea,
            sector=context.sector,
            target_customer=context.target_customer,
            sources=sources_block(sources, query, self.passage_tokens),
        )
        return self._ask(schema, system, user, role)

    def plan(self, product_idea: str) -> Analysis[ProductContext]:
        """Ask the supervisor model for the product context and queries."""
        return self._ask(
            ProductContext, SUPERVISOR_SYSTEM, SUPERVISOR_USER.format(product_idea=product_idea), "supervisor"
        )

    def analyse_market(self, context: ProductContext, sources: list[Source]) -> Analysis[MarketFindings]:
        """Ask the market model for cited market findings."""
        return self._analyse(MarketFindings, MARKET_SYSTEM, "market", context, sources)

    def analyse_competitors(
        self, context: ProductContext, sources: list[Source]
    ) -> Analysis[CompetitorFindings]:
        """Ask the competitor model for cited competitor findings."""
        return self._analyse(CompetitorFindings, COMPETITOR_SYSTEM, "competitor", context, sources)

    def analyse_customers(self, context: ProductContext, sources: list[Source]) -> Analysis[CustomerFindings]:
        """Ask the customer model for cited customer findings."""
        return self._analyse(CustomerFindings, CUSTOMER_SYSTEM, "customer", context, sources)

    def synthesise(
        self,
        context: ProductContext,
        findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
        score: PMFScore,
    ) -> Analysis[ReportDraft]:
        """Ask the report model for the executive summary and recommendations."""
        user = REPORT_USER.format(
            today=date.today().isoformat(),
            product_idea=context.product_idea,
            target_customer=context.target_customer,
            total=score.total,
            verdict=score.verdict,
            sub_scores="\n".join(
                f"- {s.name}: {s.score:g}/{s.weight} ({s.rationale})" for s in score.sub_scores
            ),
            findings=findings_lines(findings),
        )
        draft = self._ask(ReportDraft, REPORT_SYSTEM, user, "report")
        # the narrative may state only numbers the checked quotes or the score state
        basis = " ".join(claim.quote for part in findings for claim in iter_claims(part))
        basis += " " + " ".join(f"{s.score:g} {s.weight}" for s in score.sub_scores) + f" {score.total} 100"
        dropped = check_text(draft.value, ("executive_summary",), basis)
        for recommendation in draft.value.strategic_recommendations:
            dropped += check_text(recommendation, ("title", "detail"), basis)
        return Analysis(draft.value, draft.tokens, dropped)
