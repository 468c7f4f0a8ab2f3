using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Core.Tests.Persistence;

public sealed class MentionLogSnapshotTests
{
    [Fact]
    public void Sees_what_committed_before_it_and_not_what_was_in_progress_or_later()
    {
        var snapshot = MentionLogSnapshot.Parse("100:105:101,103");

        Assert.True(snapshot.Saw(99));
        Assert.True(snapshot.Saw(100));
        Assert.False(snapshot.Saw(101)); // in progress when the snapshot was taken
        Assert.True(snapshot.Saw(102));
        Assert.False(snapshot.Saw(103));
        Assert.True(snapshot.Saw(104));
        Assert.False(snapshot.Saw(105)); // started after
        Assert.False(snapshot.Saw(500));
    }

    [Fact]
    public void Parses_a_snapshot_without_transactions_in_progress()
    {
        var snapshot = MentionLogSnapshot.Parse("742:742:");
        Assert.Empty(snapshot.InProgress);
        Assert.True(snapshot.Saw(741));
        Assert.False(snapshot.Saw(742));
    }

    [Fact]
    public void Refuses_what_is_not_a_snapshot() =>
        Assert.Throws<FormatException>(() => MentionLogSnapshot.Parse("12"));
}
