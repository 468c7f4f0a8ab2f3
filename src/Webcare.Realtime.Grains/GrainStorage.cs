namespace Webcare.Realtime.Grains;

/// <summary>The grain-storage provider name every persistent grain uses (memory by default, PostgreSQL in durable mode).</summary>
public static class GrainStorage
{
    public const string Name = "webcare";
}
