"""Tests of kg.io: .txt files, folders and JSON Lines files to Articles."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io import OnError, Problem, ReadReport, count_inputs, read_articles
from kg.io import readers as readers_module
from kg.io.identity import text_id
from kg.records import Article

GOOD = "Good headline\n\nGood body."


def write(path: Path, content: str | bytes) -> Path:
    """Write ``content`` (str as UTF-8, bytes as is) to ``path``, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory, so ids and origins are short and predictable."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- valid inputs ---------------------------------------------------------------------------


def test_read_articles_txt_file_whole_text_and_headline(cwd: Path) -> None:
    text = "\n  The White House Said Trump Is in Talks  \n\nPresident Donald Trump said.\n"
    write(cwd / "seeds" / "minerals-deal-talks.txt", text)
    (article,) = read_articles(["seeds/minerals-deal-talks.txt"])
    assert article == Article(
        id=text_id(text),
        text=text,
        title="The White House Said Trump Is in Talks",
        origin="seeds/minerals-deal-talks.txt",
        source_file=str(cwd / "seeds" / "minerals-deal-talks.txt"),
    )
    assert article.text[article.text.index("Donald") :].startswith("Donald Trump")


def test_read_articles_txt_id_is_its_text_and_origin_relative_to_cwd(cwd: Path) -> None:
    write(cwd / "seeds" / "x.txt", GOOD)
    for spelling in ("./seeds/../seeds/x.txt", str(cwd / "seeds" / "x.txt"), Path("seeds/x.txt")):
        (article,) = read_articles([spelling])
        assert (article.id, article.origin) == (text_id(GOOD), "seeds/x.txt")
        assert article.source_file == str(cwd / "seeds" / "x.txt")


def test_read_articles_txt_id_does_not_depend_on_the_file_name(cwd: Path) -> None:
    write(cwd / "old" / "x.txt", GOOD)
    write(cwd / "renamed" / "y.txt", GOOD)
    (first,) = read_articles(["old"])
    (second,) = read_articles(["renamed"])
    assert first.id == second.id == text_id(GOOD)
    assert first.id.startswith("sha256:")


def test_read_articles_txt_outside_cwd_keeps_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "outside" / "x.txt", GOOD)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    (article,) = read_articles(["../outside//x.txt"])
    assert article.origin == "../outside/x.txt"
    assert article.source_file == str(tmp_path / "outside" / "x.txt")


def test_read_articles_single_path_not_in_a_list(cwd: Path) -> None:
    write(cwd / "x.txt", GOOD)
    assert [a.origin for a in read_articles("x.txt")] == ["x.txt"]


def test_read_articles_folder_recursive_sorted_with_folder_name_in_id(cwd: Path) -> None:
    bbc = cwd / "corpus" / "bbc"
    for rel in ("sport/002.txt", "politics/010.txt", "politics/001.txt", "business/001.TXT"):
        write(bbc / rel, f"Headline {rel}\n\nBody.")
    write(bbc / "a.txt", GOOD)
    write(bbc / "feeds" / "more.jsonl", jsonl({"id": "j1", "text": "From JSONL"}))
    write(bbc / "README.md", "not an article")
    write(bbc / ".hidden.txt", "hidden")
    write(bbc / ".git" / "x.txt", "hidden folder")
    articles = list(read_articles(["corpus/bbc"]))
    assert [a.origin for a in articles] == [
        "corpus/bbc/a.txt",
        "corpus/bbc/business/001.TXT",
        "corpus/bbc/feeds/more.jsonl:1",
        "corpus/bbc/politics/001.txt",
        "corpus/bbc/politics/010.txt",
        "corpus/bbc/sport/002.txt",
    ]
    assert [a.id for a in articles][1:3] == [text_id("Headline business/001.TXT\n\nBody."), "j1"]
    assert articles[3].origin == "corpus/bbc/politics/001.txt"
    assert articles[3].title == "Headline politics/001.txt"
    assert articles[2].origin == "corpus/bbc/feeds/more.jsonl:1"


def test_read_articles_folder_id_does_not_depend_on_spelling(cwd: Path) -> None:
    write(cwd / "corpus" / "bbc" / "politics" / "001.txt", GOOD)
    for spelling in ("corpus/bbc", "corpus/bbc/", str(cwd / "corpus" / "bbc"), "corpus/./bbc"):
        assert [a.id for a in read_articles([spelling])] == [text_id(GOOD)]


def test_read_articles_folder_dot_uses_cwd_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "news" / "x.txt", GOOD)
    monkeypatch.chdir(tmp_path / "news")
    (article,) = read_articles(["."])
    assert (article.id, article.origin) == (text_id(GOOD), "x.txt")


def test_read_articles_jsonl_all_fields(cwd: Path) -> None:
    write(
        cwd / "a.jsonl",
        jsonl(
            {
                "id": "r1",
                "text": "Body of one.",
                "title": " Title One ",
                "date": "2005-03-14",
                "url": "https://example.org/1",
                "source": "BBC",
                "category": "ignored",
            },
            {"id": 42, "text": "\n\n First line \nSecond line", "date": None},
        )
        + "\n",
    )
    first, second = read_articles(["a.jsonl"])
    assert first == Article(
        id="r1",
        text="Body of one.",
        title="Title One",
        date="2005-03-14",
        url="https://example.org/1",
        source="BBC",
        origin="a.jsonl:1",
        source_file=str(cwd / "a.jsonl"),
    )
    assert (second.id, second.title, second.date, second.origin) == (
        "42",
        "First line",
        "",
        "a.jsonl:2",
    )


def test_read_articles_jsonl_blank_lines_skipped_line_numbers_kept(cwd: Path) -> None:
    write(cwd / "a.jsonl", "\n" + json.dumps({"id": "x", "text": "t"}) + "\n   \n")
    assert [a.origin for a in read_articles(["a.jsonl"])] == ["a.jsonl:2"]


def test_read_articles_jsonl_date_normalised(cwd: Path) -> None:
    write(cwd / "a.jsonl", jsonl({"id": "x", "text": "t", "date": "20050314"}))
    assert next(read_articles(["a.jsonl"])).date == "2005-03-14"


def test_read_articles_mixed_inputs_in_given_order(cwd: Path) -> None:
    write(cwd / "b.txt", GOOD)
    write(cwd / "a.jsonl", jsonl({"id": "j", "text": "t"}))
    write(cwd / "dir" / "c.txt", "Another\n\nstory.")
    assert [a.origin for a in read_articles(["b.txt", "a.jsonl", "dir"])] == [
        "b.txt",
        "a.jsonl:1",
        "dir/c.txt",
    ]


def test_read_articles_crlf_normalised_offsets_match_stored_text(cwd: Path) -> None:
    write(cwd / "x.txt", b"Head\r\n\r\nOne.\rTwo.\r\n")
    write(cwd / "a.jsonl", jsonl({"id": "j", "text": "Head\r\nBody"}))
    txt, line = read_articles(["x.txt", "a.jsonl"])
    assert txt.text == "Head\n\nOne.\nTwo.\n"
    assert txt.text[txt.text.index("Two") :] == "Two.\n"
    assert line.text == "Head\nBody"


# --- warnings -----------------------------------------------------------------------------


def test_read_articles_bom_stripped_with_warning(cwd: Path) -> None:
    write(cwd / "x.txt", b"\xef\xbb\xbfHead\n\nBody")
    write(cwd / "a.jsonl", b'\xef\xbb\xbf{"id": "j", "text": "t"}\n')
    report = ReadReport()
    txt, line = read_articles(["x.txt", "a.jsonl"], report=report)
    assert (txt.text, txt.title, line.id) == ("Head\n\nBody", "Head", "j")
    assert [(p.origin, p.kind) for p in report.problems] == [
        ("x.txt", "warning"),
        ("a.jsonl:1", "warning"),
    ]
    assert "byte order mark" in report.problems[0].message


@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_read_articles_latin1_byte_decoded_with_warning_naming_offset(
    cwd: Path, on_error: OnError
) -> None:
    # One Latin-1 pound sign among UTF-8 text, as in the BBC corpus's sport/199.txt.
    write(cwd / "sport" / "199.txt", "Café fee\n\na ".encode() + b"\xa315.8m signing")
    report = ReadReport()
    (article,) = read_articles(["sport/199.txt"], on_error=on_error, report=report)
    assert article.text == "Café fee\n\na £15.8m signing"
    (problem,) = report.problems
    assert problem.kind == "warning"
    assert problem.origin == "sport/199.txt"
    assert "byte offset 13 (byte 0xa3)" in problem.message
    assert report.skipped == 0


def test_read_articles_jsonl_invalid_utf8_offset_counts_from_file_start(cwd: Path) -> None:
    first = b'{"id": "a", "text": "t"}\n'
    second_line = b'{"id": "b", "text": "caf\xe9"}\n'
    write(cwd / "a.jsonl", first + second_line)
    report = ReadReport()
    _, second = read_articles(["a.jsonl"], report=report)
    assert second.text == "café"
    (problem,) = report.problems
    assert problem.origin == "a.jsonl:2"
    assert f"byte offset {len(first) + second_line.index(0xE9)} (byte 0xe9)" in problem.message


def test_read_articles_cp1252_unassigned_byte_falls_back_to_latin1(cwd: Path) -> None:
    write(cwd / "x.txt", b"Head \x93quoted\x94 \x81")
    report = ReadReport()
    (article,) = read_articles(["x.txt"], report=report)
    assert article.text == "Head \u201cquoted\u201d \x81"
    assert "3 invalid bytes" in report.problems[0].message


def test_read_articles_same_file_twice_read_once_with_warning(cwd: Path) -> None:
    write(cwd / "corpus" / "x.txt", GOOD)
    report = ReadReport()
    articles = list(read_articles(["corpus", "corpus/x.txt"], report=report))
    assert [a.origin for a in articles] == ["corpus/x.txt"]
    assert report.problems == [
        Problem("corpus/x.txt", "already read as corpus/x.txt; read once", "warning")
    ]


def test_read_articles_empty_folder_warns(cwd: Path) -> None:
    (cwd / "empty").mkdir()
    report = ReadReport()
    assert list(read_articles(["empty"], report=report)) == []
    assert report.problems == [
        Problem(
            "empty",
            "no readable files (.txt, .jsonl, .html, .htm, .rss, .atom, .warc, .warc.gz) "
            "below this folder",
            "warning",
        )
    ]


def test_read_articles_unpaired_surrogate_replaced_with_warning(cwd: Path) -> None:
    write(cwd / "a.jsonl", '{"id": "a", "text": "x \\ud800 y"}\n')
    report = ReadReport()
    (article,) = read_articles(["a.jsonl"], report=report)
    assert article.text == "x \ufffd y"
    assert report.problems[0].origin == "a.jsonl:1"


# --- bad inputs, under both policies ------------------------------------------------------

GOOD_LINE = json.dumps({"id": "good-line", "text": "Fine."}) + "\n"

# (file name, content, origin of the problem, start of the message)
BAD_INPUTS = [
    ("empty.txt", b"", "empty.txt", "empty file"),
    ("blank.txt", b" \n\t\n\xc2\xa0\n", "blank.txt", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "bom-only.txt", "empty file"),
    ("nul.txt", b"Head\n\x00\x01\x02", "nul.txt", "binary file (NUL byte at byte offset 5)"),
    ("ctrl.txt", bytes(range(1, 9)) * 20 + b"text", "ctrl.txt", "binary file (98% of the"),
    ("utf16.txt", "Head\nBody".encode("utf-16"), "utf16.txt", "the file is UTF-16 encoded"),
    ("empty.jsonl", b"", "empty.jsonl", "empty file"),
    ("blank.jsonl", b"\n  \n\n", "blank.jsonl", "empty file"),
    ("bom-only.jsonl", b"\xef\xbb\xbf\n", "bom-only.jsonl", "empty file"),
    ("nul.jsonl", b'{"\x00', "nul.jsonl", "binary file (NUL byte at byte offset 2)"),
    (
        "malformed.jsonl",
        GOOD_LINE + '{"id": "b", "text": }\n',
        "malformed.jsonl:2",
        "malformed JSON at column 21: Expecting value",
    ),
    (
        "array.jsonl",
        GOOD_LINE + "[1, 2]\n",
        "array.jsonl:2",
        "expected a JSON object, got an array",
    ),
    (
        "string.jsonl",
        GOOD_LINE + '"text"\n',
        "string.jsonl:2",
        "expected a JSON object, got a string",
    ),
    ("deep.jsonl", GOOD_LINE + "[" * 100_000 + "\n", "deep.jsonl:2", "malformed JSON"),
    ("no-text.jsonl", GOOD_LINE + '{"id": "b"}\n', "no-text.jsonl:2", "missing 'text'"),
    (
        "null-text.jsonl",
        GOOD_LINE + '{"id": "b", "text": null}\n',
        "null-text.jsonl:2",
        "missing 'text'",
    ),
    (
        "empty-text.jsonl",
        GOOD_LINE + '{"id": "b", "text": " \\n "}\n',
        "empty-text.jsonl:2",
        "empty 'text'",
    ),
    (
        "int-text.jsonl",
        GOOD_LINE + '{"id": "b", "text": 5}\n',
        "int-text.jsonl:2",
        "'text' must be a string, got a number",
    ),
    (
        "list-text.jsonl",
        GOOD_LINE + '{"id": "b", "text": ["a"]}\n',
        "list-text.jsonl:2",
        "'text' must be a string, got an array",
    ),
    (
        "bad-date.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "date": "14/03/2005"}\n',
        "bad-date.jsonl:2",
        "bad 'date' '14/03/2005' (not a date as YYYY-MM-DD); write it like '2005-03-14'",
    ),
    (
        "impossible-date.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "date": "2005-02-30"}\n',
        "impossible-date.jsonl:2",
        "bad 'date' '2005-02-30'",
    ),
    (
        "datetime.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "date": "2005-03-14T10:00:00Z"}\n',
        "datetime.jsonl:2",
        "bad 'date'",
    ),
    (
        "int-date.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "date": 2005}\n',
        "int-date.jsonl:2",
        "bad 'date' 2005",
    ),
    (
        "bool-id.jsonl",
        GOOD_LINE + '{"id": true, "text": "t"}\n',
        "bool-id.jsonl:2",
        "'id' must be a string or an integer, got a boolean True",
    ),
    (
        "float-id.jsonl",
        GOOD_LINE + '{"id": 1.5, "text": "t"}\n',
        "float-id.jsonl:2",
        "'id' must be a string or an integer, got a number 1.5",
    ),
    ("empty-id.jsonl", GOOD_LINE + '{"id": " ", "text": "t"}\n', "empty-id.jsonl:2", "empty 'id'"),
    (
        "newline-id.jsonl",
        GOOD_LINE + '{"id": "a\\nb", "text": "t"}\n',
        "newline-id.jsonl:2",
        "'id' 'a\\nb' holds a control character",
    ),
    (
        "list-title.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "title": ["x"]}\n',
        "list-title.jsonl:2",
        "'title' must be a string, got an array",
    ),
    (
        "int-url.jsonl",
        GOOD_LINE + '{"id": "b", "text": "t", "url": 3}\n',
        "int-url.jsonl:2",
        "'url' must be a string, got a number",
    ),
]


def _bad_case_files(cwd: Path, name: str, content: str | bytes) -> list[str]:
    """The bad file between two good ones; JSONL good lines get ids unique to the file."""
    if isinstance(content, str):
        content = content.replace("good-line", f"good-{name}")
    write(cwd / name, content)
    write(cwd / "before.txt", GOOD)
    write(cwd / "after.txt", "After headline\n\nAnother body.")
    return ["before.txt", name, "after.txt"]


@pytest.mark.parametrize(
    ("name", "content", "origin", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS]
)
def test_read_articles_bad_input_raises_with_origin(
    cwd: Path, name: str, content: str | bytes, origin: str, message: str
) -> None:
    inputs = _bad_case_files(cwd, name, content)
    articles = read_articles(inputs, on_error="raise")
    assert next(articles).origin == "before.txt"
    with pytest.raises(InputError, match="^" + re.escape(f"{origin}: {message}")) as info:
        list(articles)
    assert "; " in str(info.value)  # the message goes on to say how to fix it


@pytest.mark.parametrize(
    ("name", "content", "origin", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS]
)
def test_read_articles_bad_input_skipped_and_reported(
    cwd: Path, name: str, content: str | bytes, origin: str, message: str
) -> None:
    inputs = _bad_case_files(cwd, name, content)
    report = ReadReport()
    ids = [a.origin for a in read_articles(inputs, on_error="skip", report=report)]
    good_lines = [f"{name}:1"] if origin.endswith(":2") else []
    assert ids == ["before.txt", *good_lines, "after.txt"]
    (problem,) = report.errors
    assert problem.origin == origin
    assert problem.message.startswith(message)
    assert (report.articles_read, report.skipped) == (len(ids), 1)


def test_read_articles_error_chains_the_json_error(cwd: Path) -> None:
    write(cwd / "a.jsonl", "{oops}\n")
    with pytest.raises(InputError) as info:
        list(read_articles(["a.jsonl"]))
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert type(info.value) is InputError


@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_read_articles_duplicate_id_names_first_occurrence(cwd: Path, on_error: OnError) -> None:
    write(cwd / "a.jsonl", jsonl({"id": "x", "text": "one"}, {"id": 7, "text": "two"}))
    write(cwd / "b.jsonl", jsonl({"id": "y", "text": "three"}, {"id": "7", "text": "four"}))
    message = "b.jsonl:2: duplicate id '7' with another text, first seen at a.jsonl:2"
    report = ReadReport()
    articles = read_articles(["a.jsonl", "b.jsonl"], on_error=on_error, report=report)
    if on_error == "raise":
        with pytest.raises(InputError, match=re.escape(message)):
            list(articles)
    else:
        assert [a.text for a in articles] == ["one", "two", "three"]
        assert [str(p) for p in report.errors] == [
            message + "; ids must be unique across all inputs"
        ]
        assert report.skipped == 1


def test_read_articles_same_text_in_two_files_is_a_duplicate_read_once(cwd: Path) -> None:
    write(cwd / "x.txt", GOOD)
    write(cwd / "copy" / "y.txt", GOOD)
    write(cwd / "a.jsonl", jsonl({"text": GOOD}, {"id": "own", "text": GOOD}))
    report = ReadReport()
    articles = list(read_articles(["x.txt", "copy", "a.jsonl"], report=report))
    # The JSONL line without an id is the same text; the one with an id is its own article.
    assert [a.origin for a in articles] == ["x.txt", "a.jsonl:2"]
    assert report.duplicates == 2
    assert [str(p) for p in report.warnings] == [
        "copy/y.txt: duplicate of x.txt (same text); read once",
        "a.jsonl:1: duplicate of x.txt (same text); read once",
    ]
    assert report.summary() == "2 articles read, 0 skipped, 2 duplicates, 2 warnings"


def test_read_articles_jsonl_without_id_is_its_url_else_its_text(cwd: Path) -> None:
    write(
        cwd / "a.jsonl",
        jsonl(
            {"text": "One", "url": "HTTPS://News.Example/a#top"},
            {"text": "Two", "url": "not a url"},
            {"text": "Three"},
        ),
    )
    assert [a.id for a in read_articles(["a.jsonl"])] == [
        "https://news.example/a",
        text_id("Two"),
        text_id("Three"),
    ]


@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_read_articles_missing_paths_listed_together_up_front(cwd: Path, on_error: OnError) -> None:
    write(cwd / "ok.txt", GOOD)
    write(cwd / "notes.md", "not an input")
    with pytest.raises(InputError) as info:
        # Raised by the call itself, before any iteration reads a file.
        read_articles(["ok.txt", "corpus/bbcc", "notes.md", "seed.txt"], on_error=on_error)
    lines = str(info.value).splitlines()
    assert lines[0] == "3 input(s) cannot be read; nothing was read:"
    assert lines[1] == "  corpus/bbcc: no such file or folder; check the path"
    assert lines[2].startswith("  notes.md: not a readable kind of file, nor a folder")
    assert lines[3] == "  seed.txt: no such file or folder; check the path"


def test_read_articles_no_inputs_is_an_error() -> None:
    with pytest.raises(InputError, match="No inputs given"):
        read_articles([])


def test_read_articles_invalid_policy_is_an_error(cwd: Path) -> None:
    write(cwd / "x.txt", GOOD)
    with pytest.raises(InputError, match="Invalid on_error 'ignore'; valid: 'raise', 'skip'"):
        read_articles(["x.txt"], on_error="ignore")  # type: ignore[arg-type]


def test_read_articles_unreadable_file_reported(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cwd / "locked.txt", GOOD)
    write(cwd / "ok.txt", GOOD)

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    report = ReadReport()
    assert list(read_articles(["locked.txt"], on_error="skip", report=report)) == []
    assert str(report.errors[0]) == "locked.txt: cannot read file (Permission denied); check it"


def test_read_articles_without_report_logs_skipped(
    cwd: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(cwd / "empty.txt", "")
    with caplog.at_level(logging.WARNING, logger="kg.io.readers"):
        assert list(read_articles(["empty.txt"], on_error="skip")) == []
    assert "empty.txt: empty file" in caplog.text


# --- streaming ----------------------------------------------------------------------------


def test_read_articles_jsonl_yields_before_reading_later_lines(cwd: Path) -> None:
    write(
        cwd / "big.jsonl",
        jsonl({"id": "first", "text": "First article."}) + "{not json\n" * 1000,
    )
    articles = read_articles(["big.jsonl"])
    assert next(articles).id == "first"
    with pytest.raises(InputError, match=re.escape("big.jsonl:2: malformed JSON at column 2")):
        next(articles)


def test_read_articles_opens_a_file_only_when_reached(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    write(cwd / "b.txt", GOOD)
    articles = read_articles(["a.txt", "b.txt"])
    assert next(articles).origin == "a.txt"
    (cwd / "b.txt").unlink()  # gone after the up-front check: found out only when reached
    with pytest.raises(InputError, match="^" + re.escape("b.txt: cannot read file")):
        next(articles)


# --- report and count ---------------------------------------------------------------------


def test_read_report_summary_counts() -> None:
    report = ReadReport(articles_read=1, skipped=2)
    assert report.summary() == "1 article read, 2 skipped"
    report.problems.extend([Problem("a", "w1", "warning"), Problem("b", "w2", "warning")])
    assert report.summary() == "1 article read, 2 skipped, 2 warnings"
    assert len(report.warnings) == 2
    assert report.errors == []


def test_count_inputs_counts_files_and_jsonl_lines(cwd: Path) -> None:
    write(cwd / "dir" / "a.txt", GOOD)
    write(cwd / "dir" / "b" / "c.txt", GOOD)
    write(cwd / "dir" / "d.jsonl", jsonl({"id": 1, "text": "t"}, {"id": 2, "text": "t"}))
    write(cwd / "e.jsonl", '{"id": 3, "text": "t"}\n{"id": 4, "text": "t"}')  # no final newline
    write(cwd / "f.txt", GOOD)
    assert count_inputs(["dir", "e.jsonl", "f.txt"]) == 7
    assert count_inputs(["f.txt"]) == 1


def test_count_inputs_gives_up_on_large_jsonl(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cwd / "a.jsonl", jsonl({"id": 1, "text": "t"}))
    monkeypatch.setattr(readers_module, "_COUNT_LIMIT", 10)
    assert count_inputs(["a.jsonl"]) is None


def test_count_inputs_missing_path_is_an_error(cwd: Path) -> None:
    with pytest.raises(InputError, match=re.escape("nope.txt: no such file or folder")):
        count_inputs(["nope.txt"])


# --- properties ---------------------------------------------------------------------------

# Printable text of any script, with newlines of every convention.
_TEXT = (
    st.lists(
        st.one_of(
            st.characters(blacklist_categories=("Cc", "Cs")),
            st.sampled_from(["\n", "\r\n", "\r", "\t", " "]),
        ),
        min_size=1,
    )
    .map("".join)
    # A leading U+FEFF is a byte order mark once encoded, and is dropped as one.
    .filter(lambda t: t.strip() != "" and not t.startswith("\ufeff"))
)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT)
def test_read_articles_txt_round_trips_any_text(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    write(folder / "x.txt", text)
    (article,) = read_articles([folder / "x.txt"])
    stored = text.replace("\r\n", "\n").replace("\r", "\n")
    assert article.text == stored
    assert article.title == next(line.strip() for line in stored.split("\n") if line.strip())


@settings(max_examples=60, deadline=None)
@given(
    text=_TEXT,
    article_id=st.one_of(
        st.integers(),
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1).filter(str.strip),
    ),
)
def test_read_articles_jsonl_round_trips_any_record(
    tmp_path_factory: pytest.TempPathFactory, text: str, article_id: int | str
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    write(
        folder / "a.jsonl", json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n"
    )
    (article,) = read_articles([folder / "a.jsonl"])
    assert article.id == str(article_id)
    assert article.text == text.replace("\r\n", "\n").replace("\r", "\n")
