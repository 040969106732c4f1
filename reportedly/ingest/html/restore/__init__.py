"""Giving back article text the extractor left out, before the line steps judge the lines.

``thin_body``: paragraphs of the article's own container when the extraction is a fragment of
it. ``next_stream``: the sections a Next.js page leaves unrendered in its data stream.
"""
