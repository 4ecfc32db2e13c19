using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PhoChau.Tests.Support;

/// <summary>The in-memory test server has no client address: a test names one with the X-Test-Address header.</summary>
public sealed class TestAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}
