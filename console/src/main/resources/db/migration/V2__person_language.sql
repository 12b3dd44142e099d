-- The language each person chose in the console (zh-CN or en), by their Keycloak subject, so the choice follows
-- them to another browser or device.
CREATE TABLE person_language (
    subject   VARCHAR(255) PRIMARY KEY,
    language  VARCHAR(10)  NOT NULL CHECK (language IN ('zh-CN', 'en')),
    chosen_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
