using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Serialization;
using Webcare.Realtime.Grains.Webcare;
using Webcare.Realtime.Host.Alerts;
using Webcare.Realtime.Host.Api;
using Webcare.Realtime.Host.Cluster;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Health;
using Webcare.Realtime.Host.Operations;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Host.Storage;
using Webcare.Realtime.Host.Wall;
using Webcare.Realtime.Ingestion;
using Webcare.Realtime.Ingestion.Demo;

namespace Webcare.Realtime.Host;

/// <summary>
/// Composes the service: an Orleans silo, the ingest pipeline, the HTTP API, the SignalR hub and the wall's
/// static files, in one process. Tests call <see cref="Build"/> with their own configuration.
/// </summary>
public static class WebcareApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.Configuration["urls"] = builder.Configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:5080";

        // Before Orleans: the schema migration must run before the silo starts (hosted services start in order).
        builder.Services.AddDurableStorage(builder.Configuration);
        AddOrleans(builder);
        AddServices(builder);

        var app = builder.Build();
        app.Services.GetRequiredService<IOptions<TopicOptions>>().Value.ValidateConfigured();
        _ = app.Services.GetRequiredService<WebcareSettings>(); // a bad own account or SLA stops start-up, naming it
        AuthRegistration.GuardOpenMode(app, builder.Configuration["urls"]!.Split(';', StringSplitOptions.RemoveEmptyEntries));
        WallProfiles.Validate(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WallOptions>>().Value);
        MapEndpoints(app);
        return app;
    }

    private static void AddOrleans(WebApplicationBuilder builder) =>
        builder.UseOrleans(silo =>
        {
            SiloSetup.Configure(silo, builder.Configuration);
            silo.Services.AddSerializer(s => s.AddWebcareCoreTypes());
            OperationsRegistration.ConfigureSilo(silo, OperationsRegistration.Read(builder.Configuration));
        });

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.Configure<DedupOptions>(config.GetSection("Dedup"));
        services.Configure<ConversationOptions>(config.GetSection("Conversations"));
        services.Configure<TopicOptions>(config.GetSection("TopicLimits"));
        services.Configure<TopicOptions>(o => o.Topics = config.GetSection("Topics").Get<List<TopicDefinition>>() ?? []);
        services.Configure<IngestOptions>(config.GetSection("Ingest"));
        services.Configure<AnalyzeOptions>(config.GetSection("Analyze"));
        services.AddSingleton<ISentimentScorer>(new RuleSentimentScorer());
        services.AddSingleton<TopicMatcherCache>();
        services.AddSingleton<MentionPipeline>();
        services.Configure<WebcareOptions>(config.GetSection("Webcare"));
        services.AddSingleton<WebcareSettings>();
        services.Configure<WallOptions>(config.GetSection("Wall"));
        services.AddSingleton<WallBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<WallBroadcaster>());
        services.AddDemoFeed(config);
        services.Configure<AlertWebhookOptions>(config.GetSection("Alerts"));
        services.AddHttpClient();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.AddProblemDetails();
        services.AddWebcareAuth(config);
        services.AddWebcareRateLimits(config);
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans", tags: ["ready"]);
        services.AddWebcareOperations();
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        if (app.Configuration["urls"]!.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            // Only with TLS configured: a wall on plain loopback HTTP must not be redirected to nowhere.
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseDefaultFiles();
        // A wall runs for weeks: it must pick up a new version of the page on its next reload.
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache" });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapGet("/wall", () => Results.Redirect("/"));
        app.MapMentionEndpoints();
        app.MapAnalyzeEndpoints();
        app.MapReadEndpoints();
        app.MapTopicEndpoints();
        app.MapWallTicketEndpoints();
        app.MapAlertEndpoints();
        app.MapErasureEndpoints();
        app.MapOriginalMentionEndpoints();
        app.MapWebcareEndpoints();
        app.MapHub<WallHub>("/hubs/wall").RequireAuthorization(Scopes.Wall).RequireRateLimiting(RateLimits.PerKey);
        app.MapWebcareOperations(OperationsRegistration.Read(app.Configuration));
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
    }

    /// <summary>Tells the operator where the wall is; the one line a first-time user needs.</summary>
    public static void PrintBanner(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            Console.WriteLine($"Webcare Realtime is running. Open the wall: {address.TrimEnd('/')}/");
        var demo = app.Configuration.GetValue("Demo:Enabled", true);
        Console.WriteLine(demo
            ? "Embedded mode: in-memory Orleans with the built-in Dutch demo feed (Demo:Enabled=false turns it off)."
            : "Embedded mode: in-memory Orleans; the demo feed is off.");
    }
}

/// <summary>Request limits (section <c>Ingest</c>); the per-item limits are <see cref="IngestLimits"/>.</summary>
public sealed class IngestOptions
{
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
    public int MaxTextLength { get; set; } = IngestLimits.Default.MaxTextLength;
    public int MaxItemsPerBatch { get; set; } = IngestLimits.Default.MaxItemsPerBatch;
    public TimeSpan MaxFutureSkew { get; set; } = IngestLimits.Default.MaxFutureSkew;
    public int MaxJsonDepth { get; set; } = IngestLimits.Default.MaxJsonDepth;

    public IngestLimits ToLimits() => new()
    {
        MaxTextLength = MaxTextLength,
        MaxItemsPerBatch = MaxItemsPerBatch,
        MaxFutureSkew = MaxFutureSkew,
        MaxJsonDepth = MaxJsonDepth,
    };
}
