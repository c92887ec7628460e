"""Importers: turn foreign export files into :class:`~masthead.ingest.records.StoryRecord`.

Each module in :mod:`masthead.ingest.formats` reads one foreign format and returns a
:class:`~masthead.ingest.records.ParseResult`. Parsers never touch the ORM or Django; a single
loader writes the records to the database, upserting on ``(source, source_id)``.
"""
