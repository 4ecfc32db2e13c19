var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => "Healthy");
app.MapGet("/account/login", () => Results.Content("<!DOCTYPE html><html><body><form></form></body></html>", "text/html"));
app.Run();
