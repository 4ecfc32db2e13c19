using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PhoChau.Tests.Support;

/// <summary>The portal in memory (WebApplicationFactory) over its own SQLite file.</summary>
public sealed partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin12345";
    public const string UserPassword = "Matkhau2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "phochau-tests", Guid.NewGuid().ToString("N"));

    public string DataRoot => _dir;
    public string DatabasePath => Path.Combine(_dir, "portal.db");
    public string ExtraConnectionOptions { get; init; } = "";

    /// <summary>A PostgreSQL connection string: the portal runs on that server instead of its SQLite file.</summary>
    public string? Postgres { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        TestSigning.Trust(_dir);
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(_dir);
        builder.UseSetting("Data:Root", _dir);
        builder.UseSetting("Backup:Daily", "false");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}{ExtraConnectionOptions}");
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        if (Postgres is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Postgres", Postgres);
            builder.UseSetting("Keys:MasterKeyFile", TestPostgres.MasterKeyFile);
        }
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestAddressFilter>();
            ConfigureServices?.Invoke(s);
        });
    }

    /// <summary>Extra services for one test (a counting password hasher, a log sink).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient NewClientFrom(string address)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add(TestAddressFilter.Header, address);
        return client;
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an account with the given role (through the real user service).</summary>
    public async Task CreateUserAsync(string userName, string role, int? departmentId = null)
    {
        var admin = new Actor("test-admin", "admin", new HashSet<string> { Roles.Administrator });
        await Services.GetRequiredService<UserAdminService>().CreateAsync(admin, new UserInput
        {
            UserName = userName, FullName = "Người thử " + userName, Role = role, DepartmentId = departmentId, Password = UserPassword,
        });
    }

    /// <summary>Signs in through the real form (antiforgery token included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = NewClient();
        var (token, status) = await PostSignInAsync(client, userName, password);
        Assert.True(status == HttpStatusCode.Redirect, $"sign-in answered {status}");
        return client;
    }

    public static async Task<(string Location, HttpStatusCode Status)> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account/login"));
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
        }));
        return (response.Headers.Location?.ToString() ?? "", response.StatusCode);
    }

    /// <summary>The antiforgery token of the first form in a page (as the browser would send it back).</summary>
    public static string AntiforgeryToken(string html) => System.Net.WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Posts one of a page's static forms (Blazor's <c>_handler</c> names it), with the token the page gave.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string form, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(path));
        Assert.False(string.IsNullOrEmpty(token), "the form carries an antiforgery token");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", form) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
