import pytest
from django.core.exceptions import ImproperlyConfigured

from resume_analyzer.env import env_bool


@pytest.mark.parametrize("value", ["1", "true", "Yes", " ON "])
def test_env_bool_reads_yes_words_as_true(monkeypatch, value):
    monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "No", "off"])
def test_env_bool_reads_no_words_as_false(monkeypatch, value):
    monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG", True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_env_bool_unset_or_empty_is_the_default(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("FLAG", raising=False)
    else:
        monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG", True) is True and env_bool("FLAG", False) is False


@pytest.mark.parametrize("value", ["ture", "2", "enabled", "nope"])
def test_env_bool_refuses_an_unknown_word(monkeypatch, value):
    monkeypatch.setenv("HTTPS", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool("HTTPS", False)
    message = str(refused.value)
    assert "HTTPS" in message and repr(value) in message
    assert all(word in message for word in ("1", "true", "yes", "on", "0", "false", "no", "off"))
