using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Tests;

public sealed class WallTicketTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_ticket_opens_only_the_wall_of_its_tenant_and_expires_after_a_minute()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var tickets = new WallTickets(clock);
        var (ticket, expires) = tickets.Issue("ziekenhuis-a", [Scopes.Admin], "ab12");

        var holder = tickets.Find(ticket);
        Assert.Equal("ziekenhuis-a", holder!.Tenant);
        Assert.Equal([Scopes.Wall], holder.Scopes); // admin's ticket still only opens a wall
        Assert.Equal(clock.Now + WallTickets.Lifetime, expires);
        Assert.True(ticket.Length >= 40);

        clock.Now += WallTickets.Lifetime;
        Assert.Null(tickets.Find(ticket));
        Assert.Null(tickets.Find("made-up"));
    }
}
