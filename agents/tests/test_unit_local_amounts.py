"""Amounts written the way writers of other languages write them: a country's sign with letters after the
number and scales abbreviated with a dot, both read from Unicode CLDR through Babel rather than a list of
our own (issue 11, "amounts … are read"). Invented sentences, in domains no eval corpus covers."""

import pytest

from agents.analysts.amounts import amount, currency_code, local_scales, local_signs
from agents.analysts.figures import numbers_in
from agents.analysts.sentences import split_line


@pytest.mark.parametrize(
    ("text", "value", "code", "units"),
    [
        (
            "Ski schools in Czechia spent 186 mil. Kč on booking software in 2025.",
            "186 mil. Kč",
            "CZK",
            1.86e8,
        ),
        ("Households paid 46 mld. Kč for ski passes.", "46 mld. Kč", "CZK", 4.6e10),
        ("A season pass costs 14 900 Kč a year.", "14 900 Kč a year", "CZK", 14900),
        ("Polish kayak clubs paid 1,2 mln zł for insurance.", "1,2 mln zł", "PLN", 1.2e6),
        ("Bavarian marinas turned over 3 Mrd. € last year.", "3 Mrd. €", "EUR", 3e9),
        ("A lesson costs 5 000 Ft per hour.", "5 000 Ft per hour", "HUF", 5000),
        ("Italian rowing clubs raised 20 mila euro from members.", "20 mila euro", "EUR", 2e4),
        ("Ferry tickets are TSh 5,000 per crossing.", "TSh 5,000 per crossing", "TZS", 5000),
        ("Lagos tailors bought fabric worth N38bn in 2025.", "N38bn", "NGN", 3.8e10),
    ],
)
def test_a_local_sign_or_a_dotted_scale_is_read_as_money(
    text: str, value: str, code: str, units: float
) -> None:
    [found] = numbers_in(text)
    assert found.value == value
    assert currency_code(found.value) == code
    assert amount(found.value) == pytest.approx(units)


def test_ambiguous_letters_are_no_sign_and_no_scale() -> None:
    # a bare capital, an English word or a unit beside a number stays what English text means by it
    assert not {"R", "K", "DA", "Le", "den", "km"} & set(local_signs())
    assert not {"bln", "mil", "km", "kr", "mm"} & set(local_scales())
    # "mil." is a Czech million; "mil" alone (a Spanish thousand, an English million) is left unread
    assert local_scales()["mil."] == 1e6
    assert amount("$5 mil") == 5
    assert numbers_in("The trail climbs 5 km to the hut above the lake.") == []
    # a capital N is the naira only before a scaled amount: "Model N2", "N95" stay names
    assert numbers_in("The Model N2 helmet and N95 masks arrived in May.") == []


def test_a_dotted_scale_does_not_end_the_sentence() -> None:
    line = (
        "Clubs paid 186 mil. Kč in 2025. The figure grew 7% a year. Rentals added 2 mld. Kč, the office said."
    )
    assert split_line(line) == [
        "Clubs paid 186 mil. Kč in 2025.",
        "The figure grew 7% a year.",
        "Rentals added 2 mld. Kč, the office said.",
    ]
