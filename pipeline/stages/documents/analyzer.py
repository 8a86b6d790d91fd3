"""The passes composed over one doc: lists first, then each sentence's inline and context
documents, then the merge."""

from __future__ import annotations

from .view import DocView
from .parties import PartiesMixin
from .signers import SignersMixin
from .occasion import OccasionMixin
from .frames import FramesMixin
from .mentions import MentionsMixin
from .lists import ListsMixin
from .inline import InlineMixin
from .deal_list import DealListMixin
from .coordinated import CoordinatedMixin
from .counterparties import CounterpartiesMixin
from .merge import MergeMixin
from .pairs import PairsMixin


class Analyzer(InlineMixin, DealListMixin, CounterpartiesMixin, PairsMixin, CoordinatedMixin, ListsMixin, MentionsMixin, FramesMixin, SignersMixin, PartiesMixin,
               OccasionMixin, MergeMixin, DocView):
    """One document's analysis: the read-only view plus the passes, sharing ``self.found``."""

    def run(self) -> None:
        self.lists()
        for i, sent in enumerate(self.sents):
            self.inline(i, sent)
            self.context_documents(i, sent)
        self.finish()
