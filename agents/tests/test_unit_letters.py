"""An idea pasted as an email, the staff it sends, fiscal years, a policy paper's title, and shares that
name their group in brackets or explain themselves (issue 11). Invented text only, in domains no eval
corpus covers (piano tuning rounds, school lunches, ferry tickets)."""

from agents.analysts.conflicts import measure_conflicts
from agents.analysts.coverage import another_trade
from agents.analysts.figures import figures
from agents.analysts.idea import defining_split, payers, problem_first
from agents.analysts.idea_text import analysable
from agents.analysts.sentences import Sentence
from agents.analysts.sourcing import idea_terms, source_type
from agents.state import AgentQueries, Figure, ProductContext
from agents.tests.helpers import competitor_source, conflict_values, markdown_source, sentence_pool

EMAIL = """Subject: Tunewell — after the pitch night (piano care for schools)

Hi Maria,

Lovely to meet you at the pitch night, and thanks for the coffee tip — we tried it on Monday.

As promised, here is the short version. Tunewell sends certified piano technicians on a termly round of
primary schools and music schools in Bristol and Bath: on each visit they tune every piano, fix sticking
keys and leave a condition report for the head of music. The school pays £38 per piano per term, with
minor repairs included. We have 14 schools on a paid pilot.

Would you have 20 minutes next week?

Best wishes,

Tom Reed
Founder, Tunewell Ltd
+44 117 555 0199
https://tunewell.example
"""


def _context(idea: str) -> ProductContext:
    return ProductContext(
        product_idea=idea, sector="", target_customer="", product_context="",
        queries=AgentQueries(market="", competitor="", customer=""),
    )  # fmt: skip


def test_an_email_is_read_from_the_sentence_saying_what_the_business_does() -> None:
    read = analysable(EMAIL)
    # the header, greeting, small talk, sign-off and signature are no words of the idea
    assert read.startswith("Tunewell sends certified piano technicians")
    for gone in ("Subject", "Hi Maria", "coffee", "Best wishes", "+44", "tunewell.example"):
        assert gone not in read
    # and the idea is defined by that sentence, not by a greeting or the small talk
    first, _, _ = defining_split(read)
    assert first.startswith("Tunewell sends")


def test_the_staff_a_business_sends_are_not_its_customers_and_the_payer_is() -> None:
    terms = idea_terms(_context(analysable(EMAIL)))
    assert "technician" not in terms.customer
    assert "school" in terms.customer  # "The school pays £38 per piano per term"
    assert payers("The school pays £38 per piano per term.") == ["school"]
    # a company naming itself opens with what it offers, not with a problem
    assert not problem_first("Tunewell sends piano technicians to primary schools.")
    assert problem_first("You run a music school, and every piano drifts out of tune by spring.")


def test_sources_about_the_same_customers_served_by_another_trade_are_about_another_service() -> None:
    # given pages about schools' pianos, and an idea sending another trade to the same schools
    pages = [
        markdown_source("S1", "Piano technicians visit primary schools each term to tune pianos."),
        markdown_source("S2", "Music schools in Bristol pay technicians per piano per term."),
    ]
    lunches = "Tunewell sends nutritionists on a termly round of primary schools in Bristol to plan lunches."
    # then the sources name no nutritionist: another trade serves those schools
    assert another_trade(lunches, pages) == ["nutritionists"]
    # while the idea sending piano technicians is covered by them
    assert another_trade(analysable(EMAIL), pages) == []


def test_a_fiscal_year_dates_its_figure() -> None:
    text = "The market was worth ¥12.4 billion in FY2025, up from ¥8.6 billion in FY2020."
    found = figures(Sentence(text, "S1", 0), 2026, 2026)
    assert [(f.value, f.year, f.timeframe) for f in found] == [
        ("¥12.4 billion", "2025", "current"),
        ("¥8.6 billion", "2020", "historical"),
    ]


def test_a_policy_paper_whose_title_says_plans_is_no_sales_page() -> None:
    paper = competitor_source(
        "We estimate the field at £90 million. Our survey of 300 schools shows we undercount it.",
        url="https://ageing-institute.example/papers/school-music-2025",
        title="School music: a £90 million field that budget plans ignore (policy paper summary)",
    )
    assert source_type(paper) != "vendor"


def test_a_share_named_by_the_count_before_it_and_a_reason_after_it_are_read_as_such() -> None:
    # "25 schools (6%)" is a share of schools: it is not a share of pupils
    schools = Sentence("- 25 schools (6%) pay an outside technician to tune their pianos each term.", "S1", 0)
    pupils = Sentence("About 31% of pupils play the pianos in their school each term, tuned or not.", "S2", 0)
    assert measure_conflicts([schools, pupils]) == []
    # a reason after a share does not name what it measures
    owned = Sentence("We estimate that 14% of pupils own a piano at home.", "S3", 0)
    refused = Sentence(
        "21% said they would not pay at all, mostly because pupils' parents own a piano at home.", "S4", 0
    )
    assert measure_conflicts([owned, refused]) == []


def test_one_share_of_one_population_counted_by_two_names_disagrees() -> None:
    # given an analyst's share of schools and a vendor's share of "primary schools" with the same contract
    sentences = sentence_pool(
        "We estimate that only 6% of schools had a contract with an outside piano tuning service in 2025.",
        "Already 20% of academies in England use an outside piano tuning service.",
    )
    found = measure_conflicts(sentences, vendor=frozenset({"S2"}))
    assert [conflict_values(c) for c in found] == [{"6%", "20%"}]
    # two shares of differently named groups that share little else are two measures
    apart = sentence_pool(
        "We estimate that only 6% of schools had a contract with an outside piano tuning service in 2025.",
        "Already 20% of academies in England use a piano.",
    )
    assert measure_conflicts(apart) == []


def test_a_share_picked_as_what_matters_most_is_no_share_of_owners() -> None:
    # given a survey's ranked list of what matters when choosing a tuner, and an analyst's share of schools
    picked = Sentence(
        "5. Works with all piano brands — 26%", "S1", 0, "What matters most when choosing a tuner"
    )
    owned = Sentence("We estimate that 9% of schools own a piano of two brands or more.", "S2", 0)
    assert measure_conflicts([picked, owned]) == []
    # while two surveys' shares picking the same item still disagree
    other = Sentence("Works with all piano brands — 61%", "S3", 0, "What matters most to music teachers")
    assert [conflict_values(c) for c in measure_conflicts([picked, other])] == [{"26%", "61%"}]


def test_counts_of_one_thing_ten_years_apart_are_a_series() -> None:
    from agents.analysts.conflicts import count_conflicts

    # given a 2016 article's count of a chain's shops and a 2026 comparison page's
    old = Sentence("Tunewell Music, which operates about 150 shops, began school visits last year.", "S1", 0)
    new = Sentence("Tunewell Music runs about 210 shops nationwide and visits schools for free.", "S2", 0)
    usable = frozenset({"S1", "S2"})
    # then, dated by their sources, they are a change over time
    assert count_conflicts([old, new], {}, usable, published={"S1": 2016, "S2": 2026}) == []
    # and from sources of one year they disagree
    assert len(count_conflicts([old, new], {}, usable, published={"S1": 2025, "S2": 2026})) == 1


# --- a terse post's shorthand, an association's survey, and what customers take in ----------------------


def test_an_abbreviation_no_source_uses_is_spelled_out_from_the_sources() -> None:
    from collections import Counter

    from agents.analysts.sourcing import IdeaTerms, spelled

    vocabulary = Counter({"forwarders": 9, "forward": 2, "shipments": 4, "shipped": 1, "tms": 3})
    assert spelled("fwdr", vocabulary) == "forward"  # the stem of "forwarders", the word it abbreviates
    assert spelled("shpt", vocabulary) == "ship"  # "shipments"
    assert spelled("tuner", vocabulary) == "tuner"  # a word with its vowels is no abbreviation
    pages = [markdown_source("S1", "Forwarders track shipments in their TMS.")]
    read = IdeaTerms(frozenset({"shpt", "report"}), frozenset({"sme", "fwdr"})).spelled_out(pages)
    assert read.customer == {"sme", "forward"} and read.product == {"ship", "report"}


def test_an_associations_own_survey_quoting_prices_is_no_sales_page() -> None:
    survey = competitor_source(
        "Members told us they charge £38 or £45 per piano. We asked 212 members; 61% raised prices.",
        url="https://tunersguild.example/insights/member-survey-2026",
        title="What schools pay: Tunersguild member survey 2026",
    )
    assert source_type(survey) != "vendor"


def test_a_survey_write_up_telling_its_respondents_what_you_said_is_no_sales_page() -> None:
    # "we asked", "our survey", "how you booked": a write-up speaking to its respondents, selling nothing
    write_up = competitor_source(
        "Thank you to the 640 riders who answered our survey. We asked about one thing: getting a stable. "
        "How you booked your last stable: 54% by message, 21% by an app. You told us that we should ask "
        "about prices next year, and we will. Our thanks to you all; your answers shape what we do.",
        url="https://riders-network.example/blog/riders-survey-2026",
        title="How we book: results of the 2026 Riders Survey",
    )
    assert source_type(write_up) != "vendor"
    # the same pronouns on a page that sells are a vendor's
    selling = write_up.model_copy(
        update={"content": f"{write_up.content} Start your free trial. Sign up today."}
    )
    assert source_type(selling) == "vendor"


def test_the_customers_own_takings_are_no_market_for_the_product() -> None:
    from agents.analysts.sourcing import IdeaTerms
    from agents.evidence import customers_takings

    idea = IdeaTerms(frozenset({"tune", "piano"}), frozenset({"music", "school"}))
    takings = Figure(
        text="Operating receipts of the music school industry: £1.2 billion",
        quote="Operating receipts of the music school industry: £1.2 billion",
        value="£1.2 billion", kind="market_size", scope="receipts music school",
    )  # fmt: skip
    spend = Figure(
        text="Music schools spent £14 million on piano tuning in 2025.",
        quote="Music schools spent £14 million on piano tuning in 2025.",
        value="£14 million", kind="market_size", scope="piano tuning",
    )  # fmt: skip
    assert customers_takings(takings, idea, {"tune", "piano"})
    assert not customers_takings(spend, idea, {"tune", "piano"})


def test_what_customers_would_pay_is_not_set_against_what_they_pay() -> None:
    from agents.analysts.spend import same_spend

    paid = figures(
        Sentence("The average subscription price is £38 a month on a termly plan.", "S1", 0), 2026, 2026
    )
    spent = figures(
        Sentence("Schools that pay reported an average spend of £61 a month.", "S2", 0), 2026, 2026
    )
    would = figures(
        Sentence("The median amount they would pay was £25 a month on average.", "S3", 0), 2026, 2026
    )
    assert same_spend(paid[0], spent[0])  # one period named by both counts as a shared word
    assert not same_spend(paid[0], would[0])


def test_shares_of_an_amount_and_terms_of_a_deal_are_no_shares_of_people() -> None:
    table = markdown_source(
        "S1",
        "| Spending by type, 2025 | Share |\n|---|---|\n| Tuning visits by outside technicians | 46% |\n",
    )
    restated = Sentence("Primary schools accounted for **£11 million** of 2025 spending (29%).", "S2", 0)
    weighting = Sentence("Tuning now carries a 10% weighting in the council's piano tenders.", "S3", 0)
    people = sentence_pool(
        "About 61% of schools said tuning visits by outside technicians were too rare.",
        "About 40% of primary schools said they would buy more piano tuning visits.",
        "About 31% of schools fear losing piano tenders over tuning.",
    )
    from agents.analysts.conflicts.measures import composition, measures
    from agents.analysts.sentences import split_sentences

    # the table's row and the bracketed share are parts of an amount; the weighting a term of a deal
    [row] = [m for sentence in split_sentences(table) for m in measures(sentence)]
    assert composition(row) and composition(measures(restated)[0])
    assert measures(weighting)[0].unit == "%/money"
    assert not any(composition(m) for sentence in people for m in measures(sentence))
    pairs = measure_conflicts([*split_sentences(table), restated, weighting, *people])
    values = [conflict_values(c) for c in pairs]
    assert not any(v & {"46%", "29%", "10%"} for v in values)
