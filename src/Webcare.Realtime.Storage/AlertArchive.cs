using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Webcare.Realtime.Core.Alerts;

namespace Webcare.Realtime.Storage;

/// <summary>Keeps every alert's latest state in <c>alerts</c>, one row per incident (alert id).</summary>
public sealed class AlertArchive(NpgsqlDataSource database, JsonSerializerOptions json)
{
    private const string Upsert = """
        INSERT INTO alerts (tenant, id, kind, scope, subject, severity, state, opened_at, updated_at, resolved_at, acknowledged_at, headline, body)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT (tenant, id) DO UPDATE SET
            severity = excluded.severity, state = excluded.state, updated_at = excluded.updated_at,
            resolved_at = excluded.resolved_at, acknowledged_at = excluded.acknowledged_at,
            headline = excluded.headline, body = excluded.body
        WHERE alerts.updated_at <= excluded.updated_at
        """;

    /// <summary>Stores the changes in one round trip; an older state never replaces a newer one.</summary>
    public async Task UpsertAsync(IReadOnlyList<(string Tenant, Alert Alert)> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0) return;
        await using var batch = database.CreateBatch();
        foreach (var (tenant, alert) in changes)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            object?[] values =
            [
                tenant, alert.Id, alert.Kind.ToString(), alert.Scope, alert.Subject, alert.Severity, alert.State.ToString(),
                alert.OpenedAt, alert.UpdatedAt, alert.ResolvedAt, alert.AcknowledgedAt, alert.Headline,
            ];
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(alert, json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
