"""Dates of posts that carry none: estimates from the years they name and their place in the dump."""

from __future__ import annotations

import datetime as dt

from migration.dating import (
    DateDecision,
    DatingInput,
    archive_year,
    date_posts,
    dateline_date,
    days_written_in,
    editor_dates_out_of_order,
    first_full_date,
    first_month_and_year,
    labelled_date,
    legacy_url_dates,
    weekday_date,
)

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


def test_a_weekday_with_its_date_names_the_year_nearest_the_estimate():
    """3 November is a Tuesday in 2009, 2015 and 2020: near 2013.5 that is 2015."""
    assert weekday_date("Seminariet är tisdagen den 3 november i sal B.", 2013.5, 2026) == (
        dt.date(2015, 11, 3),
        "tisdagen den 3 november",
    )
    assert weekday_date("Vi ses Tisdag, 3:e november!", 2019.0, 2026)[0] == dt.date(2020, 11, 3)
    assert weekday_date("onsdag 15 mars och fredag 17 mars", 2017.0, 2026)[0] == dt.date(2017, 3, 17)  # the latest
    assert weekday_date("tisdagen den 3 november", 2005.0, 2026) is None  # 2009 is four years off: no year near
    assert weekday_date("tisdagen den 3 november", 2019.0, 2019) is None  # 2020 is after the latest year
    assert weekday_date("tisdagen den 3 november 2015", 2013.5, 2026) is None  # a full date says it itself
    assert weekday_date("tisdagen den 3 nov. 2015", 2013.5, 2026) is None
    assert weekday_date("tisdagen den 30 februari", 2013.5, 2026) is None  # no such day
    assert weekday_date("tisdagen den 3 novembervecka", 2013.5, 2026) is None


def test_a_short_weekday_or_one_written_after_its_date_names_the_year_too():
    """A programme prints "tis 3 nov"; a sentence may put the weekday last ("den 3 november, en tisdag")."""
    found = {
        text: weekday_date(text, 2013.5, 2026)
        for text in (
            "Seminarium tis 3 nov kl. 10.50 i sal J2.",
            "Tors. 12 mars: öppet hus.",
            "Mötet är den 3 november, en tisdag, i stadshuset.",
            "Mötet är den 3 november (tisdag) i stadshuset.",
        )
    }
    assert {text: date for text, (date, _) in found.items()} == {
        "Seminarium tis 3 nov kl. 10.50 i sal J2.": dt.date(2015, 11, 3),
        "Tors. 12 mars: öppet hus.": dt.date(2015, 3, 12),
        "Mötet är den 3 november, en tisdag, i stadshuset.": dt.date(2015, 11, 3),
        "Mötet är den 3 november (tisdag) i stadshuset.": dt.date(2015, 11, 3),
    }
    assert found["Mötet är den 3 november, en tisdag, i stadshuset."][1] == "3 november, en tisdag"
    assert found["Mötet är den 3 november (tisdag) i stadshuset."][1] == "3 november (tisdag)"  # as the plan shows it
    assert weekday_date("Mötet är den 3 november 2015, en tisdag.", 2013.5, 2026) is None  # the year is written
    assert weekday_date("Mötet är den 3 november, en tisdagskväll.", 2013.5, 2026) is None  # no weekday, a word
    assert weekday_date("Den 3 november tisdags kväll", 2013.5, 2026) is None


def test_a_post_is_dated_by_its_weekday_and_the_posts_above_it_after_it():
    """The oldest post names only an earlier year (2013) and "tisdagen den 3 november": it is of 2015, and the
    posts listed above it, newer, are dated after it, a day for each, not in the middle of an earlier year."""
    posts = [
        DatingInput("Om 2016."),
        DatingInput("Tack för i år!"),
        DatingInput("Utan årtal."),
        DatingInput("Förra mötet, 2013, var fullsatt. Nästa är tisdagen den 3 november."),
    ]
    newest, thanks, undated, meeting = date_posts(posts, TODAY)
    assert meeting.date == dt.date(2015, 11, 3)
    assert "veckodagen i ”tisdagen den 3 november” ger året" in meeting.evidence
    assert (thanks.date, undated.date) == (dt.date(2015, 11, 5), dt.date(2015, 11, 4))
    assert "en dag för varje inlägg emellan" in undated.evidence
    assert newest.date.year == 2016
    # A date a link gives under a post whose years say earlier: the post is younger than it all the same.
    fixed = DateDecision(dt.date(2015, 11, 12), "url", "länk")
    above, _ = date_posts([DatingInput("Sedan 2013 och 2014."), DatingInput("Länkat.", fixed)], TODAY)
    assert above.date == dt.date(2015, 11, 13)
    # A written date outweighs a weekday: near 2012 the weekday names 2009, the date under it says later, and
    # the fit keeps 2012 (where 3 November is no Tuesday) for the post's "3 november".
    fixed = DateDecision(dt.date(2012, 5, 1), "text", "Datum")
    meeting, _ = date_posts([DatingInput("Mötet tisdagen den 3 november."), DatingInput("Datum.", fixed)], TODAY)
    assert weekday_date("Mötet tisdagen den 3 november.", 2012.33, TODAY.year)[0] == dt.date(2009, 11, 3)
    assert meeting.date == dt.date(2012, 11, 3) and "veckodagen" not in meeting.evidence


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


def test_a_reference_number_shaped_like_a_date_is_no_day_of_the_estimate():
    """A reference number "Dnr 2015-13-02" is no date; before, its month 13 made the estimate a traceback."""
    (decision,) = date_posts([DatingInput("Ärendet från 2015 har Dnr 2015-13-02 och beslutades 2015-03-12.")], TODAY)
    assert decision.date == dt.date(2015, 3, 12)
    assert days_written_in("Dnr 2015-00-12, möte 31 februari och 5 maj", 2015) == [dt.date(2015, 5, 5)]
    assert days_written_in("5 maj 2014 och 2014-06-01", 2015) == []


def test_a_label_counts_only_before_a_whole_real_date():
    labels = ("Datum",)
    assert labelled_date("Datum: 18 december 2015", labels) == (dt.date(2015, 12, 18), "Datum 18 december 2015")
    assert labelled_date("Datum: den 3 mars 2016.", labels) == (dt.date(2016, 3, 3), "Datum 3 mars 2016")
    assert labelled_date("Datum: 18 december", labels) is None  # no year: no day to fix the post on
    assert labelled_date("Datum: 30 februari 2015", labels) is None
    assert labelled_date("Datum: 2015-02-30 och Datum: 2015-02-03", labels) == (dt.date(2015, 2, 3), "Datum 2015-02-03")


def test_a_cover_page_date_is_the_first_whole_real_date_on_it():
    assert first_full_date("Örebro 18 december 2015. Beslut 2016-01-10.") == (dt.date(2015, 12, 18), "18 december 2015")
    assert first_full_date("Rapport 30 februari 2015, reviderad 2015-03-01") == (dt.date(2015, 3, 1), "2015-03-01")
    assert first_full_date("Hösten 2015, den 3 mars") is None


def test_a_month_and_its_year_without_a_day_is_the_middle_of_that_month():
    assert first_month_and_year("Slutrapport Aktion 2015, december 2015") == (dt.date(2015, 12, 15), "december 2015")
    assert first_month_and_year("Version 2, 2016-03. Gäller till 2018-12.") == (dt.date(2016, 3, 15), "2016-03")
    assert first_month_and_year("Rapport, okt. 2014") == (dt.date(2014, 10, 15), "okt. 2014")
    assert first_month_and_year("Planen för 2015-2018 och 2016-13") is None  # a span of years, no month 13
    assert first_month_and_year("Hösten 2015") is None


def test_legacy_links_date_their_slugs_unless_the_day_does_not_exist():
    text = "Se https://blogg.example.se/2014/05/06/ny-tjanst/ och /2014/02/30/fel-dag/"
    assert legacy_url_dates(text) == {"ny-tjanst": dt.date(2014, 5, 6)}


def test_a_date_stamp_is_a_full_date_with_a_few_words_and_no_sentence():
    assert dateline_date("Publicerat 12 mars 2015 av Anna") == (dt.date(2015, 3, 12), "Publicerat 12 mars 2015 av Anna")
    assert dateline_date(" 2015-03-12 ") == (dt.date(2015, 3, 12), "2015-03-12")
    assert dateline_date("Postat den 3 maj 2014 av kvalitetsbloggen i Nyheter")[0] == dt.date(2014, 5, 3)
    assert dateline_date("Publicerat 12 mars av Anna") is None  # no year: no day
    assert dateline_date("Seminariet om öppna data hålls den 12 mars 2015.") is None  # a sentence
    assert dateline_date("Välkommen till vårt seminarium om öppna data i Aulan den 12 mars 2015") is None
    assert dateline_date("Publicerat 30 februari 2015 av Anna") is None  # no real day


def test_a_date_is_read_in_the_forms_saved_pages_print_it():
    """A theme prints its date in its own way: month first (WordPress's default), a comma before the year, a
    month cut short, or in numbers with the day first. Before stop 43 only "12 mars 2015" and "2015-03-12" were
    dates: a stamp in another form was a heading over a lead, the best title in sight (made archives of the known
    posts with "12/3 2015" under every title, seed 7 × 10: 73 + 69 boundary errors instead of 2 + 0)."""
    march = dt.date(2015, 3, 12)
    for written in ("mars 12, 2015", "12 mars, 2015", "12 mar 2015", "12 mar. 2015", "12/3 2015", "12/3/2015"):
        assert dateline_date(written) == (march, written), written
    assert dateline_date("12.03.2015") == (march, "12.03.2015")
    assert dateline_date("Publicerad 12 okt. 2015 av Anna")[0] == dt.date(2015, 10, 12)
    assert dateline_date("Publicerad 12 sep 2015") == (dt.date(2015, 9, 12), "Publicerad 12 sep 2015")
    assert labelled_date("Datum: 12/3 2015", ("Datum",)) == (march, "Datum 12/3 2015")
    assert first_full_date("Örebro 12.3.2015") == (march, "12.3.2015")
    assert sorted(days_written_in("Vi ses 12 okt och 3/4 2015", 2015)) == [dt.date(2015, 4, 3), dt.date(2015, 10, 12)]
    for not_a_date in ("12/13 2015", "31/2 2015", "1/2 av platserna", "kapitel 12.3", "12 marsvin 2015"):
        assert dateline_date(not_a_date) is None, not_a_date


def _decision(date: str, source: str) -> DateDecision:
    return DateDecision(dt.date.fromisoformat(date), source, "")


def test_an_editors_date_older_than_a_dated_post_listed_under_it_is_out_of_order():
    """A slip of the keyboard (2014 for 2016) puts the post before one its page listed under it."""
    decisions = [
        _decision("2016-05-02", "inferred"),
        _decision("2014-03-01", "editor"),  # the slip
        _decision("2014-06-15", "inferred"),  # an estimate under it: fitted to the order, never blamed
        _decision("2015-11-12", "url"),
        _decision("2013-04-19", "text"),
    ]
    assert editor_dates_out_of_order(decisions) == [(1, 3)]
    # the same from below: an editor's date newer than a dated post listed above it
    assert editor_dates_out_of_order([_decision("2015-11-12", "url"), _decision("2016-01-10", "editor")]) == [(0, 1)]


def test_dates_out_of_order_that_no_editor_set_are_left_as_the_sources_give_them():
    """A link's date and a written date may disagree with the listing (a post updated, a page sorted
    otherwise); the editor did not cause it and cannot silence it, so the run does not ask."""
    decisions = [_decision("2013-04-19", "text"), _decision("2015-11-12", "url"), _decision("2013-01-01", "editor")]
    assert editor_dates_out_of_order(decisions) == []  # the first two disagree, the editor's date with neither
    assert editor_dates_out_of_order([_decision("2013-04-19", "text"), _decision("2015-11-12", "url")]) == []
    in_order = [_decision("2016-01-10", "editor"), _decision("2015-11-12", "url"), _decision("2015-11-12", "editor")]
    assert editor_dates_out_of_order(in_order) == []
