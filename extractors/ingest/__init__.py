"""The ingest stage: discover article URLs (``sources``), decide what a run may read and fetch
(``guard``, ``netguard``), fetch them (``fetch``), clean them with trafilatura (``clean``) and
land them as Parquet (``land``)."""
