-- ingest-service's own state, in schema "ingest" (Flyway's default schema for this service).

-- One row per article: the version last confirmed on the event log, and that event itself
-- (EventCodec bytes), which an update, unpublish or delete starts from.
create table article (
    id          text        primary key,
    version     bigint      not null check (version >= 1),
    status      text        not null check (status in ('published', 'unpublished', 'deleted')),
    slug        text        not null,
    event       bytea       not null,
    changed_at  timestamptz not null default now(),
    -- slugs are URLs: one per article, also after deletion (an old link never shows another article)
    constraint article_slug_unique unique (slug)
);

-- Idempotency-Key header values and the answer they got; kept, so a retry after a restart replays it.
create table idempotency_key (
    key          text        primary key,
    fingerprint  bytea       not null, -- SHA-256 of method, path, If-Match and body
    article_id   text        not null,
    version      bigint      not null,
    created_at   timestamptz not null default now()
);
