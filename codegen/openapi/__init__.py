"""The OpenAPI front end: load a document (`load`, `validate`, `document`), check its examples
against their schemas (`examples`), mirror it as typed data (`spec`), and build the unnumbered
model from it (`to_model.to_draft`, over `components`, `schema_types`, `messages`, `enums` and
`services`)."""

from .document import Document
from .examples import check_examples
from .findings import read_pointers, sort_findings
from .load import load, load_data
from .to_model import to_draft

__all__ = ["Document", "check_examples", "load", "load_data", "read_pointers", "sort_findings", "to_draft"]
