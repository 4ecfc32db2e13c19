using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Hosting;

/// <summary>Issue 34.5: the commands on System.CommandLine, with their help in Vietnamese and English.</summary>
public sealed class PortalCommandsTests
{
    [Theory]
    [InlineData("backup", "--out", "thư mục ghi bản sao lưu", "the folder to write the backup to")]
    [InlineData("restore", "--allow-unsealed", "khôi phục một bản sao lưu", "restore a backup")]
    [InlineData("set-backup-passphrase", "--passphrase", "đặt mật khẩu sao lưu", "set the backup passphrase")]
    [InlineData("reset-admin-password", "--user", "đặt lại mật khẩu", "reset an administrator's password")]
    public async Task Each_command_explains_itself_and_its_options_in_both_languages(string command, string option, string vietnamese, string english)
    {
        var output = new StringWriter();

        Assert.Equal(0, await PortalCommands.RunAsync([command, "--help"], output));

        var help = output.ToString();
        Assert.Contains(option, help);
        Assert.Contains(vietnamese, help);
        Assert.Contains(english, help);
    }

    [Fact]
    public async Task A_restore_without_its_file_or_with_an_unknown_argument_is_refused_with_the_way_to_the_help()
    {
        var output = new StringWriter();
        Assert.Equal(2, await PortalCommands.RunAsync(["restore", "--Data:Root", Path.GetTempPath()], output));
        Assert.Contains("PhoChau.Portal restore --help", output.ToString());

        output = new StringWriter();
        Assert.Equal(2, await PortalCommands.RunAsync(["backup", "thừa", "--Data:Root", Path.GetTempPath()], output));
        Assert.Contains("thừa", output.ToString());
    }

    [Fact]
    public async Task The_portal_asked_for_help_lists_its_commands_instead_of_starting()
    {
        Assert.True(PortalCommands.Handles(["--help"]));
        Assert.False(PortalCommands.Handles(["--Data:Root", "/srv/phochau"]));
        var output = new StringWriter();

        Assert.Equal(0, await PortalCommands.RunAsync(["--help"], output));

        var help = output.ToString();
        foreach (var command in new[] { "backup", "restore", "set-backup-passphrase", "reset-admin-password" })
            Assert.Contains(command, help);
        Assert.Contains("các lệnh quản trị", help);
    }
}
