"""The dotin loader and split: offsets that index the stripped text, a stable 80/20 split."""

from analysis.parsing.training import dotin


def test_offsets_round_trip_on_a_hand_example():
    raw = ('<?xml version="1.0" encoding="UTF-8"?>\n<cv>\n<label type="Name">Ana &amp; Bo</label>\n'
           'B.E. at <label type="College Name">Pune\nUniversity</label>.\n</cv>')
    doc = dotin.parse_xml("x.xml", raw)
    assert doc.text == "Ana & Bo\nB.E. at Pune\nUniversity."
    assert [(s.label, doc.text[s.start:s.end]) for s in doc.spans] == [
        ("Name", "Ana & Bo"), ("College Name", "Pune\nUniversity")]


def test_every_span_matches_the_xml_label_text():
    docs = dotin.load_all()
    assert len(docs) == 308
    for doc in docs[:40]:
        raw = (dotin.DATA_DIR / doc.name).read_text(encoding="utf-8")
        labelled = dotin.ET.fromstring(raw)
        assert [doc.text[s.start:s.end] for s in doc.spans] == [
            "".join(c.itertext()) for c in labelled if "".join(c.itertext())]


def test_split_is_deterministic_and_about_80_20():
    train, dev = dotin.load_split("train"), dotin.load_split("dev")
    assert len(train) + len(dev) == 308
    assert 0.15 <= len(dev) / 308 <= 0.25
    assert not {d.name for d in train} & {d.name for d in dev}
    assert [d.name for d in dev] == [d.name for d in dotin.load_split("dev")]
    assert dotin.is_dev("1.xml") == dotin.is_dev("1.xml")


def test_license_travels_with_the_data():
    assert (dotin.DATA_DIR / "LICENSE").is_file()
    assert (dotin.DATA_DIR / "README.md").is_file()
