-- The read model of the articles topic: one row per article, the newest version seen.
-- Content columns are nullable only for a deletion of an article this table never saw
-- (a compacted topic may keep just the ArticleDeleted value); such a row still answers 410.
CREATE TABLE articles (
    id                       text        PRIMARY KEY,
    version                  bigint      NOT NULL CHECK (version >= 1),
    status                   text        NOT NULL CHECK (status IN ('published', 'unpublished', 'deleted')),
    headline                 text,
    kicker                   text,
    summary                  text,
    body_html                text,
    body_text                text,
    section                  text,
    tags                     text[]      NOT NULL DEFAULT '{}',
    byline                   text,
    edition                  text,
    language                 text,
    -- timestamptz keeps the instant only; the editor's offset (+06:00) is kept beside it
    published_at             timestamptz,
    published_offset_seconds integer,
    updated_at               timestamptz NOT NULL,
    updated_offset_seconds   integer     NOT NULL,
    lead_image_url           text,
    lead_image_caption       text,
    lead_image_credit        text,
    source                   text,
    slug                     text        UNIQUE,
    url                      text,
    applied_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT articles_content_present CHECK (
        status = 'deleted' OR (headline IS NOT NULL AND body_html IS NOT NULL AND body_text IS NOT NULL
            AND section IS NOT NULL AND byline IS NOT NULL AND edition IS NOT NULL AND language IS NOT NULL
            AND published_at IS NOT NULL AND published_offset_seconds IS NOT NULL
            AND slug IS NOT NULL AND url IS NOT NULL))
);

-- GET /api/v1/articles/latest: newest published first, ties broken by id
CREATE INDEX articles_latest ON articles (published_at DESC, id DESC) WHERE status = 'published';

-- Every version ever consumed, as it came off the wire (schemaVersion included).
CREATE TABLE article_versions (
    id          text        NOT NULL,
    version     bigint      NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    event       jsonb       NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
