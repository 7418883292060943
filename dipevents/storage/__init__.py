"""Building blocks of the Parquet event store, one job per module.

``layout`` (where files live and which snapshot is current), ``atomic`` (crash-safe
file writes), ``locking`` (the inter-process write lock), ``validate`` (column-wise
checks of incoming rows), ``rejects`` (the rejects files), ``merge`` (deduplication,
date refinement and event aggregates). :mod:`dipevents.store` ties them together.
"""
