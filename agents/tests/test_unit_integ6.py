"""A survey's share of its respondents is a share of the people it surveyed, and "service" names what a
share measures (issue 11). Invented sentences, in domains no eval corpus covers (piano tuning, kilns)."""

from agents.analysts.conflicts import measure_conflicts
from agents.analysts.sentences import Sentence


def _pool(*texts: str) -> list[Sentence]:
    return [Sentence(text, f"S{index + 1}", 0) for index, text in enumerate(texts)]


def test_a_share_of_respondents_and_a_share_of_owners_measure_one_thing() -> None:
    found = measure_conflicts(
        _pool(
            "41% of respondents said they tune the piano themselves.",
            "About 18% of owners of upright pianos tune the piano themselves every year.",
        )
    )
    assert len(found) == 1 and {side.value for side in found[0].sides} == {"41%", "18%"}


def test_a_share_of_respondents_is_still_not_a_share_of_a_price() -> None:
    assert not measure_conflicts(
        _pool(
            "41% of respondents said they service the kiln themselves.",
            "Repairs make 18% of the price of a kiln service, which owners do themselves.",
        )
    )


def test_servicing_a_thing_and_its_service_are_one_measure() -> None:
    found = measure_conflicts(
        _pool(
            "30% of potters service their own gas kilns every spring before firing.",
            "55% of potters do the yearly kiln service without paying a local technician anything.",
        )
    )
    assert len(found) == 1
