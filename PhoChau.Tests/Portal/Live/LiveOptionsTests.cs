using PhoChau.Portal.Features.Live;
using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Live;

/// <summary>A province's video (Live:Video): YouTube and Facebook lives are embedded, any other address is a link only.</summary>
public sealed class LiveOptionsTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=abcDEF12345", "https://www.youtube-nocookie.com/embed/abcDEF12345")]
    [InlineData("https://youtu.be/abcDEF12345?si=x", "https://www.youtube-nocookie.com/embed/abcDEF12345")]
    [InlineData("https://www.youtube.com/live/abcDEF12345", "https://www.youtube-nocookie.com/embed/abcDEF12345")]
    [InlineData("https://www.facebook.com/ubndphochau/videos/123456789/", "https://www.facebook.com/plugins/video.php?show_text=false&href=https%3A%2F%2Fwww.facebook.com%2Fubndphochau%2Fvideos%2F123456789%2F")]
    [InlineData("https://media.quangngai.gov.vn/truc-tiep/phochau", null)]
    [InlineData("http://www.youtube.com/watch?v=abcDEF12345", null)] // not over https: a link, never a frame
    [InlineData("https://www.youtube.com/watch?v=abc\"><script>", null)]
    [InlineData("khong-phai-dia-chi", null)]
    public void The_player_embedded_for_a_video_address(string video, string? player)
    {
        Assert.Equal(player, new LiveOptions { Video = video }.VideoEmbed()?.Player);
    }

    [Fact]
    public void Only_an_embedded_players_origin_is_allowed_in_a_frame()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy;
        Assert.Contains("frame-src 'self' https://www.youtube-nocookie.com;", SecurityHeaders.WithVideo(policy, "https://youtu.be/abcDEF12345"));
        Assert.Equal(policy, SecurityHeaders.WithVideo(policy, "https://media.quangngai.gov.vn/truc-tiep/phochau"));
        Assert.Equal(policy, SecurityHeaders.WithVideo(policy, null));
    }
}
