"""Provenance: who speaks (speakers), on whose word (chains), how sure (epistemic), in sum (profile).

``trace_provenance`` works on any list of attributions, whichever extractor made them; an
attribution without a source gets an unknown speaker, one without a cue no cue strength.
Its steps are in ``trace.py``.
"""
__all__ = ["assessment_features", "trace_provenance"]


def __getattr__(name: str):
    # Imported on first use: tracing needs spaCy (through the attribution blocks), which a
    # process that only reads, writes or shows analyses never does (the CLI's parent process
    # beside its workers, the report, the store): a third of a second of start-up.
    if name in __all__:
        from reportedly.provenance import trace

        return getattr(trace, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
