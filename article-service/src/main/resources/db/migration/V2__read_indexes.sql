-- The সর্বশেষ list of one section, and of one tag; both newest first like articles_latest.
CREATE INDEX articles_section_latest ON articles (section, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX articles_tags ON articles USING gin (tags) WHERE status = 'published';
