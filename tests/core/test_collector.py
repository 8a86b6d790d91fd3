"""The run's garbage-collector settings (core.engine.settled_heap, core.config.collector_paused)
last only as long as the run or the load: a library call leaves the caller's collector as it was."""

import gc

from pipeline.core.config import collector_paused
from pipeline.core.engine import GC_THRESHOLD, LocalEngine, settled_heap


def test_settled_heap_is_undone():
    before = gc.get_threshold()
    with settled_heap():
        assert gc.get_threshold()[0] == GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_collector_paused_restores_the_thresholds():
    before = gc.get_threshold()
    with collector_paused():
        assert gc.get_threshold()[0] == 0      # no automatic collection
        gc.enable()                             # what the model's msgpack loader does
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == before


def test_local_engine_restores_the_collector_after_a_run(nlp):
    from pipeline.core.inputs import article_from_text

    before = gc.get_threshold()
    engine = LocalEngine(lambda: nlp)
    out = list(engine.map([[article_from_text("a", "a.txt", "Astana signed a deal on Monday.")]]))
    assert len(out) == 1 and out[0][0]["articles"][0]["status"] == "ok"
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
