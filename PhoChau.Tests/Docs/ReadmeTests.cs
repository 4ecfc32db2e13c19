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
}
