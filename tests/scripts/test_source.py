"""Reading dumps: encodings are equivalent, bad input is refused with the file named."""

from __future__ import annotations

import pytest
from conftest import DUMPS, run_migrate
from migration.errors import MigrationError
from migration.source import decode_dump, read_dump


def test_bom_crlf_cp1252_utf16_and_page_breaks_read_like_the_utf8_original(tmp_path):
    original = DUMPS[0].read_bytes()
    text = original.decode("utf-8")
    variants = {
        "bom.txt": b"\xef\xbb\xbf" + original,
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cp1252.txt": text.replace("\U0001f642", ":)").encode("cp1252"),
        "utf16le.txt": text.replace("\n", "\r\n").encode("utf-16"),  # Notepad's "Unicode", with its BOM
        "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        # Text taken out of a PDF: a form feed where a page ends, next to a line break.
        "pages.txt": text.replace("\n\n", "\n\f\n", 3).replace("\n", "\f\n", 1).encode("utf-8"),
    }
    reference = read_dump(DUMPS[0]).lines
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        dump = read_dump(path)
        expected = [line.replace("\U0001f642", ":)") for line in reference] if name == "cp1252.txt" else list(reference)
        assert list(dump.lines) == expected, name
    assert read_dump(tmp_path / "cp1252.txt").encoding == "cp1252"


def test_a_page_break_inside_a_line_breaks_it():
    text, _ = decode_dump("Sida ett slutar här\fSida två börjar här\n".encode(), "sidor.txt")
    assert text.splitlines() == ["Sida ett slutar här", "Sida två börjar här"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "tom"),
        (b"  \n\n \n", "tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binär"),
        (b"Rubrik\n\nText med trasig byte \x81\x8d h\xe4r\n", "avkodas"),
        (b"\xff\xfe \x00\n\x00", "tom"),
        (b"\xff\xfeR\x00\x00\xd8", "UTF-16"),  # a lone surrogate
        (b"Rubrik\n\nText med en klocka \x07 i\n", "styrtecken"),
    ],
    ids=["empty", "only-whitespace", "binary", "undecodable", "utf16-empty", "utf16-undecodable", "control"],
)
def test_bad_input_names_the_file(tmp_path, data, message):
    path = tmp_path / "trasig.txt"
    path.write_bytes(data)
    with pytest.raises(MigrationError) as error:
        read_dump(path, "trasig.txt")
    assert str(error.value).startswith("trasig.txt")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02binary", b"Rubrik\n\xff\x81 text\n", "\u00a0\n\u200b\n".encode()],
    ids=["empty", "binary", "undecodable", "only-invisible-characters"],
)
def test_cli_exits_2_and_writes_nothing_on_bad_input(tmp_path, data):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    out = tmp_path / "out"
    result = run_migrate("--out", out, DUMPS[0], bad)
    assert result.returncode == 2
    assert "bad.txt" in result.stderr
    assert not out.exists(), "nothing may be written when any source is bad"


def _sources_that_cannot_be_migrated(tmp_path):
    """(what the editor names on the command line, what the error must say), one per mistake."""
    empty = tmp_path / "tom-mapp"
    empty.mkdir()
    twins = [tmp_path / "a" / DUMPS[0].name, tmp_path / "b" / DUMPS[0].name]
    for twin in twins:
        twin.parent.mkdir()
        twin.write_bytes(DUMPS[0].read_bytes())
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    return {
        "empty-folder": ([empty], "inga textdumpar hittades"),
        "same-name-twice": (twins, "två källor har samma filnamn"),
        "unknown-kind": ([DUMPS[0], pdf], "okänd sorts källa"),
        "missing-dump": ([DUMPS[0], tmp_path / "finns-inte.txt"], "finns-inte.txt: filen kan inte läsas"),
        "missing-export": ([DUMPS[0], tmp_path / "finns-inte.xml"], "finns-inte.xml: filen kan inte läsas"),
    }


@pytest.mark.parametrize("case", ["empty-folder", "same-name-twice", "unknown-kind", "missing-dump", "missing-export"])
def test_sources_the_migration_cannot_take_are_named_exit_2_and_nothing_is_written(tmp_path, case):
    sources, message = _sources_that_cannot_be_migrated(tmp_path)[case]
    out = tmp_path / "out"
    result = run_migrate("--out", out, *sources)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
