namespace Webcare.Realtime.Ingestion;

/// <summary>Until keys scope walls and ingest to organisations, everything belongs to one tenant.</summary>
public static class Tenants
{
    public const string Default = "default";
}
