"""Training the learned extractor: deterministic (two trainings, same bytes) and wired to
`manage.py train_parser`. Both on a few training resumes only; the full rebuild (about six
minutes of one core) is run by hand and recorded in docs/parser-quality.md."""

import hashlib

from django.core.management import call_command

from analysis.parsing.learned import model, train
from analysis.parsing.training import dotin

SUBSET = 6


def test_two_trainings_give_the_same_bytes(tmp_path):
    docs = dotin.load_split("train")[:SUBSET]
    train.fit(docs, tmp_path / "a.crfsuite", params={"max_iterations": 30})
    train.fit(docs, tmp_path / "b.crfsuite", params={"max_iterations": 30})
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_training_uses_the_train_split_only():
    train_names = {doc.name for doc in dotin.load_split("train")}
    dev_names = {doc.name for doc in dotin.load_split("dev")}
    assert train_names and dev_names and not train_names & dev_names


def test_train_parser_command_writes_a_checked_model(tmp_path, capsys):
    output = tmp_path / "model.crfsuite"
    call_command("train_parser", "--output", str(output), "--limit", "3")

    out = capsys.readouterr().out
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    assert f"sha256 {digest}" in out
    assert "differs from the committed model" in out
    assert model.recorded_sums(tmp_path / "model.sha256")["model.crfsuite"] == digest
    model.Extractor(output, sums_file=tmp_path / "model.sha256")  # loads: the checksums match


def test_the_committed_model_is_small_enough():
    assert model.MODEL_FILE.stat().st_size <= 25 * 1024 * 1024
