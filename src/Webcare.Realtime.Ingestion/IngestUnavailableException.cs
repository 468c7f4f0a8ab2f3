namespace Webcare.Realtime.Ingestion;

/// <summary>
/// The service could not take the batch now (a grain or, in durable mode, the database failed); nothing of
/// it was acknowledged and the client should send it again. HTTP answers 503 with Retry-After.
/// </summary>
public sealed class IngestUnavailableException(string message, Exception inner) : Exception(message, inner);
