using Webcare.Realtime.Host;

var app = WebcareApp.Build(args);
await app.StartAsync();
WebcareApp.PrintBanner(app);
await app.WaitForShutdownAsync();
