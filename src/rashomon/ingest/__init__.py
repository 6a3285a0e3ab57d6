"""Inputs -> Page: files and folders of text dumps, HTML, JSON, JSON Lines and WARC."""

from rashomon.ingest.files import iter_files, read_pages

__all__ = ["iter_files", "read_pages"]
