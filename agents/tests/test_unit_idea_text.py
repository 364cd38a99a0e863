"""The idea as the research reads it: a social-network post's flags, hashtags, labels and shorthand
(issue 11, "understanding the idea"). Invented posts, in domains no eval corpus covers."""

from agents.analysts.coverage import another_customer
from agents.analysts.gazetteer import countries_of_idea
from agents.analysts.idea import defining_split, parse_idea
from agents.analysts.idea_text import analysable
from agents.tests.helpers import markdown_source

POST = (
    "launching: route-level noise maps + night-flight alerts for residents' groups near airports in NL 🇳🇱 "
    "— €4/mo per household, w/ a weekly digest & an API #aviation #civictech"
)


def test_a_flag_is_its_country_and_its_code_goes_with_it() -> None:
    read = analysable(POST)
    assert "Netherlands" in read and "🇳🇱" not in read and " NL" not in read
    assert countries_of_idea(read) == {"Netherlands": frozenset({"NL"})}
    # the country already written before its flag is not written twice
    assert analysable("Bike couriers in Chile 🇨🇱 for pharmacies").count("Chile") == 1


def test_closing_hashtags_an_opening_label_and_shorthand_are_not_words_of_the_idea() -> None:
    read = analysable(POST)
    assert not read.startswith("launching")
    assert "#" not in read and "civictech" not in read and "aviation" not in read
    assert "€4 a month per household, with a weekly digest and an API" in read
    assert "noise maps and night-flight alerts" in read
    # a hashtag inside a sentence is a word of it; arithmetic keeps its plus
    assert analysable("An #AI tutor for 2 + 2 drills") == "An AI tutor for 2 + 2 drills"


def test_a_post_names_its_customer_up_to_the_dash_before_its_price() -> None:
    _, product, customer = defining_split(analysable(POST))
    assert customer == "residents' groups near airports in Netherlands"
    assert "noise maps" in product
    # and the queries carry the idea's own words, not the post's label or tags
    queries = parse_idea(POST).queries
    assert "launching" not in queries.market and "civictech" not in queries.market
    assert "noise" in queries.market


def test_a_post_about_a_covered_customer_is_not_refused_for_its_flag_or_shorthand() -> None:
    # given a page about the same customer in the same country, written out in full
    page = markdown_source(
        "S1", "Residents living near airports in the Netherlands track night flights and noise each month."
    )
    # then the post's customer words are all found (no code, flag or "mo" left to miss)
    assert another_customer(analysable(POST), [page]) == []


def test_a_pasted_name_and_address_line_is_no_words_of_the_idea() -> None:
    # given a product's name with its landing page, then its tagline
    pasted = (
        "Tunewell — https://tunewell.example\nPiano tuning rounds for primary schools.\n"
        "A technician every term, a report for the head of music. £38 a piano a term."
    )
    read = analysable(pasted)
    # then the research reads the tagline, not the address or the bare name
    assert "http" not in read and "example" not in read and not read.startswith("Tunewell")
    _, product, customer = defining_split(read)
    assert product == "Piano tuning rounds" and customer == "primary schools"
    # an address inside a sentence goes, the sentence stays
    assert analysable("We tune pianos for schools (see www.tunewell.example).") == (
        "We tune pianos for schools (see )."
    )


def test_a_voice_memo_loses_its_fillers_and_its_places_read_as_places() -> None:
    memo = (
        "um ok so basically it's a piano tuning round for primary schools in bristol and bath you know "
        "every term no sorry every half term and the school pays like £38 a piano so yeah that's it"
    )
    read = analysable(memo)
    for filler in ("um ", "basically", "you know", "sorry", "so yeah"):
        assert filler not in read
    assert "in Bristol and Bath" in read
    assert {"Bristol", "Bath"} <= set(countries_of_idea(read))
    # a text with capitals is the founder's own writing: left as it is
    assert analysable("Um, a round in bath towels.") == "Um, a round in bath towels."


DECK = """Slide 1 — Tidewell: berth bookings, paid and confirmed
Slide 2 — Problem: small marinas in Croatia take berth requests by email; 1 in 4 nights goes unsold
Slide 3 — Solution: one app for the harbour master and the skippers — live berth map, online payment
Slide 4 — Market: 22,000 berths in Croatia, a €40 million TAM
Slide 5 — Business model: €2 per booked night, paid by the marina
Slide 6 — Team: Ana Horvat (harbour master for 11 years), Luka Babić (ex-engineer at a Zagreb start-up)"""


def test_a_pitch_decks_outline_is_read_as_its_labelled_lines_without_the_team() -> None:
    from agents.analysts.idea import defining_split
    from agents.analysts.sourcing import idea_terms

    read = analysable(DECK)
    assert "Slide" not in read and "Horvat" not in read and "Team" not in read
    assert read.splitlines()[1].startswith("Problem: small marinas")
    # the solution says what is offered and to whom; the first slide's tagline says what it is
    _, product, customer = defining_split(read)
    assert product == "one app" and customer == "the harbour master and the skippers"
    terms = idea_terms(parse_idea(DECK))
    assert {"berth", "book"} <= terms.product and "tidewell" not in terms.product
    # fewer than three numbered slides are no deck
    assert analysable("Slide 1: a title") == "Slide 1: a title"


THREAD = """1/ Every beekeeper in Cusco I talked to that sells honey has the same problem: jars leak 😩
2/ Today they wrap each jar in newspaper and lose one box in five.
3/ So we're building Melbox: send us your jar size, we mould a padded crate for it, and we ship it flat.
4/ Pricing: S/ 12 per crate. DM me if you keep bees and want in 🙏"""


def test_a_numbered_thread_is_read_as_paragraphs_and_defined_by_what_we_build() -> None:
    from agents.analysts.idea import defining_split

    read = analysable(THREAD)
    assert "1/" not in read and "DM me" not in read and "😩" not in read
    assert "\nWe are building Melbox: send us" in read
    # "Every beekeeper … has the same problem" is the customers' problem; the offer is what "we" do,
    # after the instruction to the customer and without the product's name
    first, product, customer = defining_split(read)
    assert first.startswith("We are building Melbox")
    assert product == "mould a padded crate for it" and customer.startswith("beekeeper")
