"""spaCy integration: the communique components, their Doc extensions, the model."""

from . import factories
from .extensions import EXTENSIONS, register_extensions
from .factories import COMPONENTS
from .model import choose_model, installed_models, load_language

__all__ = ["COMPONENTS", "EXTENSIONS", "choose_model", "factories", "installed_models",
           "load_language", "register_extensions"]
