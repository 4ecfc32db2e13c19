namespace PhoChau.Tests.Docs;

/// <summary>What the README promises an operator in steps that must not go missing.</summary>
public sealed class ReadmeTests
{
    private static string Readme()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
    }

    [Fact]
    public void The_upgrade_steps_say_how_to_go_back_with_the_pre_upgrade_backup_and_the_previous_program()
    {
        var readme = Readme();
        var start = readme.IndexOf("### Going back to the previous version (rollback)", StringComparison.Ordinal);
        Assert.True(start > 0, "no rollback section");
        var section = readme[start..readme.IndexOf("\n## ", start, StringComparison.Ordinal)];
        Assert.Contains("truoc-nang-cap.zip", section);
        Assert.Contains("restore", section);
        Assert.Contains("never start the previous", section);
        // Both upgrade steps (Windows service, systemd) point at it.
        Assert.Equal(2, readme.Split("(#going-back-to-the-previous-version-rollback)").Length - 1);
    }

    [Fact]
    public void The_personal_data_section_exists_and_the_configuration_table_lists_every_personal_data_key()
    {
        var readme = Readme();
        var start = readme.IndexOf("\n## Personal data\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no \"Personal data\" section");
        var section = readme[start..readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal)];
        foreach (var topic in new[] { "What is kept", "How it is protected", "Consent", "A citizen's request", "How long", "What the commune must still do itself" })
            Assert.Contains(topic, section);
        var config = readme[readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal)..readme.IndexOf("\n## Working-day calendar", StringComparison.Ordinal)];
        var keys = typeof(PhoChau.Core.PersonalData.PersonalDataOptions).GetProperties().Select(p => "`PersonalData:" + p.Name + "`")
            .Append("`" + PhoChau.Portal.Hosting.PortalCommands.PassphraseVariable + "`");
        foreach (var key in keys) Assert.Contains("| " + key, config);
    }
}
