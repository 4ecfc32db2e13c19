using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PhoChau.Tests.Portal.Http;

public sealed class CalendarApiTests : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client;

    public CalendarApiTests(PortalFactory factory) => _client = factory.NewClient();

    [Fact]
    public async Task The_2024_year_is_official_with_Tet_and_the_make_up_Saturday()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/2024");
        Assert.Equal(2024, json.GetProperty("year").GetInt32());
        Assert.Equal("official", json.GetProperty("source").GetString());
        var off = json.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2024-02-08", off);
        Assert.Contains("2024-04-29", off);
        Assert.DoesNotContain("2024-02-10", off); // a Saturday: weekends are not listed
        var makeUp = Assert.Single(json.GetProperty("makeUpWorkingDays").EnumerateArray());
        Assert.Equal("2024-05-04", makeUp.GetProperty("date").GetString());
        Assert.False(string.IsNullOrEmpty(makeUp.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_year_without_an_official_schedule_answers_with_source_rules()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/2030");
        Assert.Equal("rules", json.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("2024-03-04", 5, "2024-03-11")]
    [InlineData("2024-02-22", -7, "2024-02-06")]   // counting back over Tết 2024
    [InlineData("2025-04-24", 5, "2025-05-05")]    // over the make-up Saturday 26/4 and 30/4–2/5
    public async Task Working_days_are_added_as_a_clerk_counts_them(string from, int days, string expected)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/calendar/add-working-days?from={from}&days={days}");
        Assert.Equal(from, json.GetProperty("from").GetString());
        Assert.Equal(days, json.GetProperty("days").GetInt32());
        Assert.Equal(expected, json.GetProperty("result").GetString());
    }

    [Fact]
    public async Task The_lunar_date_of_Tet_2024()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/lunar?date=2024-02-10");
        Assert.Equal("2024-02-10", json.GetProperty("date").GetString());
        Assert.Equal(1, json.GetProperty("lunarDay").GetInt32());
        Assert.Equal(1, json.GetProperty("lunarMonth").GetInt32());
        Assert.Equal(2024, json.GetProperty("lunarYear").GetInt32());
        Assert.False(json.GetProperty("leapMonth").GetBoolean());
    }

    [Theory]
    [InlineData("/api/calendar/1899")]
    [InlineData("/api/calendar/2101")]
    [InlineData("/api/calendar/abc")]
    [InlineData("/api/calendar/add-working-days?from=2024-13-01&days=5")]
    [InlineData("/api/calendar/add-working-days?from=04/03/2024&days=5")]
    [InlineData("/api/calendar/add-working-days?from=2024-03-04&days=1001")]
    [InlineData("/api/calendar/add-working-days?from=2024-03-04&days=-1001")]
    [InlineData("/api/calendar/add-working-days?from=2024-03-04&days=x")]
    [InlineData("/api/calendar/lunar?date=1800-01-01")]
    [InlineData("/api/calendar/lunar?date=tomorrow")]
    public async Task Bad_input_answers_400_with_a_problem_description(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
