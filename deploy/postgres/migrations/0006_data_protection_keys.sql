-- ASP.NET Core Data Protection key ring (protects console session and sign-in correlation cookies),
-- shared by every API process so a session survives restarts and works on any pod. Each key's XML is
-- encrypted with Secrets:EncryptionKey before it is stored here.

CREATE TABLE IF NOT EXISTS data_protection_keys (
    friendly_name  text PRIMARY KEY,
    xml            text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
