"""CSV, HTML, RSS/Atom and Parquet readers, and folders of mixed files."""

from __future__ import annotations

import duckdb

from communique.io.checks import InputRecord
from communique.io.formats import Columns, html_to_text
from communique.io.readers import Unreadable, count_inputs, read_inputs

PAGE = """<!doctype html><html><head><title>Talks in Cairo | Daily Courier</title>
<meta property="article:published_time" content="2026-01-05T09:30:00Z">
<meta property="og:site_name" content="Daily Courier">
<link rel="canonical" href="https://courier.example/world/talks-in-cairo"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Talks in Cairo</h1>
<p>Israel and Egypt held talks in Cairo on Monday about the border crossing, officials
from both countries said after the meeting ended late in the evening.</p>
<p>The Egyptian foreign minister said the two sides had agreed to meet again next month
to discuss aid deliveries and the reopening of the crossing for trucks.</p></article>
<aside>Most read: Ten recipes for the weekend</aside>
<footer>Copyright 2026 Daily Courier. All rights reserved.</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire One</title>
<item><title>Japan and South Korea resume talks</title><link>https://wire.example/1</link>
<guid>wire-1</guid><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Japan and South Korea agreed on Monday to resume security
talks.&lt;/p&gt;&lt;p&gt;The first round is due next month.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://wire.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Evening Post</title><entry><title>Sanctions</title><id>urn:post:7</id>
<link href="https://post.example/7"/><updated>2026-02-10T12:00:00Z</updated>
<content type="html">&lt;p&gt;The European Union imposed new sanctions on Belarus.&lt;/p&gt;</content>
</entry></feed>"""


def items_of(*paths, **options):
    items = list(read_inputs([str(p) for p in paths], **options))
    return ([i for i in items if isinstance(i, InputRecord)],
            [i for i in items if isinstance(i, Unreadable)])


def test_csv_rows_with_named_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('guid,body,published,headline\n'
                    'n1,"Police arrested 12 protesters, officials said.",2026-01-03,Arrests\n'
                    'n2,"A story\nover two lines",,Two\n'
                    'n3,too,many,cells,here\n', encoding="utf-8")
    records, bad = items_of(path, columns=Columns(text="body", id="guid", date="published",
                                                  title="headline"))
    assert [(r.id, r.date, r.title) for r in records] == [
        ("n1", "2026-01-03", "Arrests"), ("n2", None, "Two")]
    assert records[1].text == "A story\nover two lines"
    assert records[0].origin == f"{path}:2"
    assert [(b.origin, b.error.code) for b in bad] == [(f"{path}:5", "E025")]


def test_csv_without_the_text_column_names_the_columns_it_has(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("id\tbody\n1\tHello\n")
    records, [bad] = items_of(path)
    assert records == [] and bad.error.code == "E025"
    assert "no column 'text'" in bad.error.message and "id, body" in bad.error.message
    records, bad = items_of(path, columns=Columns(text="body"))
    assert [(r.id, r.text) for r in records] == [("1", "Hello")] and bad == []


def test_an_html_page_gives_its_article_without_menus_and_footers(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    [record], bad = items_of(path)
    assert bad == []
    assert "held talks in Cairo" in record.text and "agreed to meet again" in record.text
    assert "Copyright" not in record.text and "Sport" not in record.text
    assert "recipes" not in record.text
    assert record.id == record.url == "https://courier.example/world/talks-in-cairo"
    assert record.date == "2026-01-05" and record.title.startswith("Talks in Cairo")


def test_an_html_page_without_text_is_skipped_with_a_reason(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Sign in</title></head><body><script>login()</script>"
                    "</body></html>")
    records, [bad] = items_of(path)
    assert records == [] and "no article text" in bad.error.message


def test_rss_and_atom_entries_are_articles(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "post.atom").write_text(ATOM)
    records, bad = items_of(tmp_path / "wire.rss", tmp_path / "post.atom")
    assert [(r.id, r.date, r.source, r.url) for r in records] == [
        ("wire-1", "2026-03-02", "Wire One", "https://wire.example/1"),
        ("urn:post:7", "2026-02-10", "Evening Post", "https://post.example/7")]
    assert records[0].text == ("Japan and South Korea agreed on Monday to resume security "
                               "talks.\nThe first round is due next month.")
    assert [(b.origin, b.id) for b in bad] == [
        (f"{tmp_path / 'wire.rss'}:entry 2", "https://wire.example/2")]


def test_an_xml_file_that_is_not_a_feed_is_skipped(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><inventory><item sku='1'/></inventory>")
    records, [bad] = items_of(path)
    assert records == [] and "not an RSS or Atom feed" in bad.error.message


def test_parquet_rows_in_batches(tmp_path):
    path = tmp_path / "in.parquet"
    connection = duckdb.connect()
    connection.execute(
        "COPY (SELECT 'p' || i AS article_id, 'Article number ' || i AS text, "
        "DATE '2026-01-01' + CAST(i AS INTEGER) AS date FROM range(2500) t(i)) TO "
        f"'{path}' (FORMAT PARQUET)")
    records, bad = items_of(path)
    assert len(records) == 2500 and bad == []
    assert (records[3].id, records[3].text, records[3].date) == (
        "p3", "Article number 3", "2026-01-04")
    assert records[3].origin == f"{path}:row 4"
    assert count_inputs([str(path)]) == 2500
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    _, [bad] = items_of(broken)
    assert "not a readable Parquet file" in bad.error.message


def test_a_folder_of_many_files_some_binary_reports_each_bad_one(tmp_path):
    for n in range(300):
        sub = tmp_path / f"d{n % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n}.txt").write_text(f"Article {n}.")
    (tmp_path / "d0" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    (tmp_path / "d1" / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / "d2" / "0.txt").write_text("same name, other folder")
    records, bad = items_of(tmp_path)
    assert len(records) == 301
    assert len({r.id for r in records}) == 301  # d0/0 and d2/0 stay two articles
    assert {"d0/0", "d2/0"} <= {r.id for r in records}
    assert sorted((b.origin.split("/")[-1], b.error.code) for b in bad) == [
        ("blob.txt", "E006"), ("photo.jpg", "E025")]
    assert count_inputs([str(tmp_path)]) == 303


def test_html_fragments_become_a_paragraph_a_line():
    assert html_to_text("<p>One <b>bold</b>\n word.</p><script>x()</script><p>Two &amp; "
                        "three</p>") == "One bold word.\nTwo & three"
