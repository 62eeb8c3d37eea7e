"""Dates of posts that carry none: estimates from the years they name and their place in the dump."""

from __future__ import annotations

import datetime as dt

from migration.dating import DateDecision, DatingInput, archive_year, date_posts

TODAY = dt.date(2026, 11, 23)


def test_estimates_keep_the_dumps_newest_first_order_and_take_the_month_from_the_text():
    posts = [
        DatingInput("Mässan i Göteborg den 19 november 2015 blev en succé."),
        DatingInput("Ett inlägg utan årtal."),
        DatingInput("Arbetet började 2014 och nu finns en plan."),
    ]
    first, middle, last = date_posts(posts, TODAY)
    assert first.date == dt.date(2015, 11, 19) and "månad och dag ur texten" in first.evidence
    assert last.date.year == 2014
    assert first.date > middle.date > last.date
    assert {d.source for d in (first, middle, last)} == {"inferred"}


def test_a_fixed_date_outweighs_the_years_around_it():
    fixed = DateDecision(dt.date(2013, 4, 19), "url", "länk")
    decisions = date_posts([DatingInput("Om 2016."), DatingInput("Utan årtal.", fixed)], TODAY)
    assert decisions[1] is fixed
    assert decisions[0].date > fixed.date


def test_a_dump_that_names_no_year_takes_the_archives_middle_year_not_todays():
    """Posts of a legacy archive are old: "den 1 mars" in an undated dump is not this spring."""
    dated = [[DatingInput("Beslutet kom 2013.")], [DatingInput("Rapporten 2014.")], [DatingInput("Mässan 2015.")]]
    undated = [DatingInput("Sedan den 1 mars kan du boka tid."), DatingInput("Ett inlägg utan tidsangivelse.")]
    year = archive_year([*dated, undated], TODAY)
    assert year == 2014
    first, second = date_posts(undated, TODAY, year)
    assert first.date == dt.date(2014, 3, 1) and "arkivets mittersta årtal (2014)" in first.evidence
    assert second.date < first.date


def test_an_archive_that_names_no_year_falls_back_to_this_year_and_says_so():
    undated = [DatingInput("Ett inlägg utan tidsangivelse.")]
    assert archive_year([undated], TODAY) is None
    (decision,) = date_posts(undated, TODAY, None)
    assert decision.date.year == TODAY.year and "innevarande år" in decision.evidence
