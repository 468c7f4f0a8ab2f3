-- Every alert as it changes: one row per incident (alert id), replaced on each change.
CREATE TABLE alerts (
    tenant      text        NOT NULL,
    id          text        NOT NULL,
    kind        text        NOT NULL,
    scope       text        NOT NULL,
    subject     text        NOT NULL,
    severity    int         NOT NULL,
    state       text        NOT NULL,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    resolved_at timestamptz,
    acknowledged_at timestamptz,
    headline    text        NOT NULL,
    body        jsonb       NOT NULL, -- the whole alert as the API shows it
    PRIMARY KEY (tenant, id)
);
CREATE INDEX alerts_updated ON alerts (updated_at);
