"""Cases: persons whose rights are at stake (with status) and thematic issues (thesaurus)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Case
from .knowledge import Knowledge
from .mentions import MentionIndex

__all__ = ["find_cases"]


def find_cases(doc: Doc, index: MentionIndex, knowledge: Knowledge, article_id: str) -> list[Case]:
    return []
