using Webcare.Realtime.Host;
using Webcare.Realtime.Host.Health;

// `--healthcheck`: the container image has no curl; the host checks itself (used by the Dockerfile and compose).
if (args.Contains("--healthcheck")) return await HealthProbe.RunAsync(args);

var app = WebcareApp.Build(args);
await app.StartAsync();
WebcareApp.PrintBanner(app);
await app.WaitForShutdownAsync();
return 0;
