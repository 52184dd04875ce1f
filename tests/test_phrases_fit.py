"""A phrase must fit its figure (contract section 8), and a date claimed as a group key
gets the key it should be written as."""

from __future__ import annotations

import pytest

from factcheck.phrases import PhraseError, fit, parse_claim


@pytest.mark.parametrize("over", ["argmax", "argmin"])
@pytest.mark.parametrize("text", ["UA", "'2024'", "December", "Москва", "2024-Q2"])
def test_a_word_fits_a_group_key(over: str, text: str) -> None:
    assert fit(parse_claim(text), over=over).kind == "key"


def test_a_bare_number_names_a_group_under_argmax() -> None:
    phrase = fit(parse_claim("2024"), over="argmax")
    assert (phrase.kind, phrase.key) == ("key", "2024")


@pytest.mark.parametrize("text", ["over 5", "twice", "two-thirds", "hundreds", "one in five"])
def test_a_numeric_phrase_does_not_fit_a_group_key(text: str) -> None:
    with pytest.raises(PhraseError) as caught:
        fit(parse_claim(text), over="argmax")
    assert caught.value.word == text
    assert "group key" in caught.value.message


@pytest.mark.parametrize("over", [None, "each", "any", "sum", "mean", "max"])
@pytest.mark.parametrize("text", ["UA", "majority", "'2024'"])
def test_a_word_does_not_fit_a_number(over: str | None, text: str) -> None:
    with pytest.raises(PhraseError) as caught:
        fit(parse_claim(text), over=over)
    assert caught.value.word == text


@pytest.mark.parametrize("text", ["majority", "UA", "record"])
def test_a_word_does_not_fit_an_expression(text: str) -> None:
    with pytest.raises(PhraseError) as caught:
        fit(parse_claim(text), over=None, expr=True)
    assert caught.value.word == text
    assert "expr gives a number" in caught.value.message


@pytest.mark.parametrize("text", ["twice", "38", "over 20,000", "two-thirds", "в два раза"])
def test_numbers_fit_an_expression(text: str) -> None:
    assert fit(parse_claim(text), over=None, expr=True) == parse_claim(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("December 2015", "2015-12"),
        ("Dec 2015", "2015-12"),
        ("May 2015", "2015-05"),
        ("30 April 2024", "2024-04-30"),
        ("April 30, 2024", "2024-04-30"),
        ("Q2 2024", "2024-Q2"),
        ("2024 Q2", "2024-Q2"),
    ],
)
def test_a_date_in_words_is_refused_with_its_key(text: str, key: str) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(text)
    assert f"'{key}'" in caught.value.message
    assert caught.value.word == text
