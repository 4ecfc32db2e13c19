using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace PhoChau.Tests.Portal.Security;

public sealed class SignInSecurityTests
{
    [Fact]
    public async Task Five_anonymous_failures_lock_the_chairman_out_from_that_address_only()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("chutich", Roles.Chairman);
        var stranger = factory.NewClientFrom("10.0.0.66");
        for (var i = 0; i < IdentityRules.MaxFailedAttempts; i++)
            await PortalFactory.PostSignInAsync(stranger, "chutich", "doan-mat-khau" + i);
        var (strangerNow, _) = await PortalFactory.PostSignInAsync(stranger, "chutich", PortalFactory.UserPassword);
        Assert.Contains("error=locked", strangerNow);

        // The chairman's laptop in the hall signs in as usual.
        var chairman = factory.NewClientFrom("10.0.0.10");
        var (location, status) = await PortalFactory.PostSignInAsync(chairman, "chutich", PortalFactory.UserPassword);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (status, location));
    }

    [Fact]
    public async Task More_than_ten_sign_in_posts_a_minute_from_one_address_are_refused_with_429_and_other_addresses_go_on()
    {
        await using var factory = new PortalFactory();
        var flood = factory.NewClientFrom("10.0.0.77");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await PortalFactory.PostSignInAsync(flood, "ten" + i, "sai-mat-khau1")).Status);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var refused = await PostRawAsync(flood);
        Assert.Contains("Có quá nhiều lần đăng nhập", await refused.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Redirect, "/"), Swap(await PortalFactory.PostSignInAsync(factory.NewClientFrom("10.0.0.10"), "admin", PortalFactory.AdminPassword)));
    }

    [Fact]
    public async Task A_deactivated_account_answers_exactly_as_an_unknown_name_whatever_the_password()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("nghiviec", Roles.Secretary);
        using (var scope = factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            var admin = new Actor("other", "quantri", new HashSet<string> { Roles.Administrator });
            var user = (await accounts.ListAsync(admin)).Single(u => u.UserName == "nghiviec");
            await accounts.SetActiveAsync(admin, user.Id, false);
        }
        var (unknown, _) = await PortalFactory.PostSignInAsync(factory.NewClientFrom("10.0.0.21"), "khong-co-ai", "sai-mat-khau1");
        var (wrong, _) = await PortalFactory.PostSignInAsync(factory.NewClientFrom("10.0.0.22"), "nghiviec", "sai-mat-khau1");
        var (right, _) = await PortalFactory.PostSignInAsync(factory.NewClientFrom("10.0.0.23"), "nghiviec", PortalFactory.UserPassword);

        Assert.Contains("error=invalid", unknown);
        Assert.Equal(unknown.Replace("khong-co-ai", "X"), wrong.Replace("nghiviec", "X"));
        Assert.Equal(unknown.Replace("khong-co-ai", "X"), right.Replace("nghiviec", "X"));
    }

    [Fact]
    public async Task An_unknown_name_costs_the_same_password_hashing_and_gets_the_same_answer_as_a_wrong_password()
    {
        var hasher = new CountingHasher();
        await using var factory = new PortalFactory { ConfigureServices = s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher) };
        var client = factory.NewClientFrom("10.0.0.5");

        var before = hasher.Verifications;
        var (unknown, _) = await PortalFactory.PostSignInAsync(client, "khong-co-ai", "sai-mat-khau1");
        var afterUnknown = hasher.Verifications;
        var (wrong, _) = await PortalFactory.PostSignInAsync(client, "admin", "sai-mat-khau1");
        var afterWrong = hasher.Verifications;

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
        Assert.Equal(unknown.Replace("khong-co-ai", "X"), wrong.Replace("admin", "X"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_opens_nothing()
    {
        await using var factory = new PortalFactory();
        var jar = new CookieContainer();
        var client = factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        var (_, status) = await PortalFactory.PostSignInAsync(client, "admin", PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, status);
        // Someone copies the cookie (a shared laptop, a browser profile) before the admin signs out.
        var copy = new CookieContainer();
        copy.Add(jar.GetCookies(factory.Server.BaseAddress));
        var copied = factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(copy));
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/")).StatusCode);

        var token = PortalFactory.AntiforgeryToken(await client.GetStringAsync("/"));
        Assert.False(string.IsNullOrEmpty(token), "the page's sign-out form carries an antiforgery token");
        // Without the antiforgery token, sign-out is refused and nothing changes.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/account/logout", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/")).StatusCode);

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        foreach (var path in new[] { "/", "/admin/users", "/attachments/1" })
        {
            var response = await copied.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_user_name_with_line_breaks_cannot_forge_lines_in_the_log()
    {
        var sink = new LogSink();
        await using var factory = new PortalFactory { ConfigureServices = s => s.AddSingleton<ILoggerProvider>(sink) };
        await PortalFactory.PostSignInAsync(factory.NewClient(), "x\r\n12:00:00 info: Admin signed in\tOK", "sai-mat-khau1");

        string[] messages;
        lock (sink.Messages) messages = [.. sink.Messages]; // the portal's background services log meanwhile
        var line = Assert.Single(messages, m => m.Contains("Failed sign-in"));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\t', line);
    }

    private static (HttpStatusCode, string) Swap((string Location, HttpStatusCode Status) x) => (x.Status, x.Location);

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client) =>
        await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "a", ["password"] = "b" }));

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        public int Verifications;
        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class LogSink : ILoggerProvider
    {
        public List<string> Messages { get; } = [];
        public ILogger CreateLogger(string categoryName) => new Sink(Messages);
        public void Dispose() { }

        private sealed class Sink(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (messages) messages.Add(formatter(state, exception));
            }
        }
    }
}
