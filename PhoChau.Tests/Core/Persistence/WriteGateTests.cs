using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Persistence;

public sealed class WriteGateTests
{
    [Fact]
    public async Task A_second_writer_waits_until_the_first_leaves_and_leaving_twice_lets_in_only_one()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // the commit's early release and the end of the block: one release, not two
        var inside = await second.WaitAsync(TimeSpan.FromSeconds(5));
        var third = gate.EnterAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        inside.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_leaves_the_gate_usable()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cts.Token));
        held.Dispose();
        (await gate.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
