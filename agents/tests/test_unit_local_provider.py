"""The offline search provider: corpus formats, front matter, the online-source cache, BM25 ranking."""

from __future__ import annotations

from pathlib import Path

from agents.providers.documents import Document, SourceCache, load_corpus, load_document
from agents.providers.local import LocalCorpusSearchProvider

PDF_TEXT = "Solar kiosk revenue grew 40% in 2024."
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLE = (
    "<article><h1>Kiosk pricing</h1><p>Solar kiosks rent for $40 per month in rural markets, according to "
    "the association's annual review of off-grid retail published this spring.</p>{notice}</article>"
)


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (Helvetica), enough for pypdf to extract."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def write_corpus(root: Path) -> None:
    (root / "idea").mkdir(parents=True)
    (root / "README.md").write_text("# About this corpus\nNot a source.")
    (root / "idea" / "a.md").write_text(
        "---\ntitle: Drone Delivery Market\nurl: https://a.example/drones\nkind: market\nsample: true\n---\n"
        "The drone delivery market was worth $1.2 billion in 2024."
    )
    (root / "idea" / "b.txt").write_text(
        "Title: Forum thread about drones\nURL: https://b.example/forum\nSample data: fictional.\n\n"
        "Customers complain that drone delivery is noisy."
    )
    (root / "idea" / "c.html").write_text(
        "<html><head><title>Kiosk news</title></head><body><article><h1>Kiosk news</h1>"
        "<p>Solar kiosks are spreading across rural markets, according to the association's annual review "
        "of off-grid retail published this spring.</p></article></body></html>"
    )
    (root / "idea" / "d.pdf").write_bytes(minimal_pdf(PDF_TEXT))


def test_corpus_reads_markdown_text_html_and_pdf(tmp_path: Path) -> None:
    # given a corpus with one file of each format and a README
    write_corpus(tmp_path)
    # when it is loaded
    documents = {document.url: document for document in load_corpus(tmp_path)}
    # then each format yields a document (README excluded), with front matter or headers applied
    assert sorted(documents) == [
        "corpus://idea/c.html",
        "corpus://idea/d.pdf",
        "https://a.example/drones",
        "https://b.example/forum",
    ]
    drones = documents["https://a.example/drones"]
    assert (drones.title, drones.kind, drones.sample) == ("Drone Delivery Market", "market", True)
    assert drones.text == "The drone delivery market was worth $1.2 billion in 2024."
    forum = documents["https://b.example/forum"]
    assert (forum.title, forum.sample, forum.text.strip()) == (
        "Forum thread about drones",
        True,
        "Customers complain that drone delivery is noisy.",
    )
    assert "Solar kiosks are spreading" in documents["corpus://idea/c.html"].text
    assert documents["corpus://idea/d.pdf"].text.strip() == PDF_TEXT


def test_html_meta_tags_give_url_title_kind_idea_and_sample(tmp_path: Path) -> None:
    # given HTML pages with meta tags: one with a sample meta tag, one with a visible sample notice only,
    # and one whose sample meta tag says false despite the notice
    notice = "<p>Sample data: fictional. This page is invented.</p>"
    head = (
        '<head><title>Kiosk Pricing \u2014 Solar</title><meta name="url" content="https://k.example/{0}">'
        '<meta name="idea" content="solar-kiosks"><meta name="kind" content="competitor">{1}</head>'
    )
    pages = {  # file name: (sample meta tag, visible notice)
        "tagged.html": ('<meta name="sample" content="true">', ""),
        "notice.html": ("", notice),
        "real.htm": ('<meta name="sample" content="false">', notice),
    }
    for name, (tag, shown) in pages.items():
        body = head.format(name.split(".")[0], tag) + ARTICLE.format(notice=shown)
        (tmp_path / name).write_text(f"<!DOCTYPE html><html>{body}</html>")
    # when the pages are loaded
    documents = [load_document(tmp_path / name, tmp_path) for name in pages]
    # then the meta tags set URL, kind and idea, the <title> the title, and sample follows tag, then notice
    assert [(d.url, d.title, d.kind, d.idea, d.sample) for d in documents if isinstance(d, Document)] == [
        ("https://k.example/tagged", "Kiosk Pricing \u2014 Solar", "competitor", "solar-kiosks", True),
        ("https://k.example/notice", "Kiosk Pricing \u2014 Solar", "competitor", "solar-kiosks", True),
        ("https://k.example/real", "Kiosk Pricing \u2014 Solar", "competitor", "solar-kiosks", False),
    ]
    # and trafilatura still supplies the text
    assert "Solar kiosks rent for $40 per month" in documents[0].text  # type: ignore[union-attr]


def test_sample_corpus_html_pages_carry_their_meta_urls() -> None:
    # given the two HTML pages of the shipped sample corpus
    paths = [
        CORPUS / "restaurant-inventory-waste" / "competitor-2-bintally-pricing-page.html",
        CORPUS / "async-video-standup" / "competitor-2-clipcadence-pricing-page.html",
    ]
    # when they are loaded
    documents = [load_document(path, CORPUS) for path in paths]
    # then they are sample competitor pages under their own URLs and ideas
    assert [(d.url, d.kind, d.idea, d.sample) for d in documents if isinstance(d, Document)] == [
        ("https://bintally.example/pricing", "competitor", "restaurant-inventory-waste", True),
        ("https://clipcadence.example/pricing", "competitor", "async-video-standup", True),
    ]


def test_search_ranks_by_bm25_and_extract_returns_full_text(tmp_path: Path) -> None:
    # given the corpus and a cache holding one source fetched online earlier
    write_corpus(tmp_path / "corpus")
    SourceCache(tmp_path / "cache").store(
        url="https://c.example/cached",
        title="Cached drone pricing",
        content="Drone delivery costs $4 per drop.",
        provider="tavily",
    )
    provider = LocalCorpusSearchProvider(tmp_path / "corpus", tmp_path / "cache")

    # when searching for drone delivery
    response = provider.search("drone delivery", search_depth="basic", max_results=2)

    # then only matching documents come back, best first, at most max_results, without credits
    assert len(response.hits) == 2
    assert {hit.url for hit in response.hits} <= {
        "https://a.example/drones",
        "https://b.example/forum",
        "https://c.example/cached",
    }
    assert response.hits[0].score >= response.hits[1].score
    assert response.credits == 0
    everything = provider.search("drone", search_depth="basic", max_results=20)
    assert {hit.url for hit in everything.hits} == {
        "https://a.example/drones",
        "https://b.example/forum",
        "https://c.example/cached",
    }
    # and extract returns the stored text, unknown URLs as failed
    extracted = provider.extract(
        ["https://c.example/cached", "https://nowhere.example"], extract_depth="basic"
    )
    assert [(page.url, page.raw_content) for page in extracted.pages] == [
        ("https://c.example/cached", "Drone delivery costs $4 per drop."),
    ]
    assert extracted.failed == [("https://nowhere.example", "not in the local corpus")]
    assert provider.is_sample("https://a.example/drones") is True
    assert provider.is_sample("https://c.example/cached") is False


def test_cache_is_one_json_file_per_url(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path)
    cache.store(url="https://x.example/1", title="One", content="first", provider="tavily")
    cache.store(url="https://x.example/1", title="One", content="second", provider="tavily")
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert [(d.url, d.title, d.text) for d in cache.load()] == [("https://x.example/1", "One", "second")]
