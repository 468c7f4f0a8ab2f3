using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Ingestion;

/// <summary>What happened to a batch: the body of the 202 answer.</summary>
public sealed record IngestOutcome(int Accepted, int Duplicates, int Rejected, IReadOnlyList<IngestError> Errors);
