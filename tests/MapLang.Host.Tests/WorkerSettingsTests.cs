using MapLang.Host.Runner;

namespace MapLang.Host.Tests;

/// <summary>During a burst of webhooks the workers step back, so acknowledgements do not wait for CPU; they never stop altogether.</summary>
public sealed class WorkerSettingsTests
{
    [Theory]
    [InlineData(0, 8)]
    [InlineData(4, 8)]
    [InlineData(5, 1)]
    [InlineData(32, 1)]
    public void Workers_start_fewer_runs_while_more_webhooks_than_the_burst_threshold_are_in_flight(int webhooksInFlight, int expected) =>
        new WorkerSettings { Concurrency = 8, BurstAbove = 4, ConcurrencyDuringBursts = 1 }.ConcurrencyFor(webhooksInFlight).ShouldBe(expected);

    [Fact]
    public void A_burst_never_stops_the_workers_nor_raises_their_concurrency()
    {
        new WorkerSettings { Concurrency = 8, ConcurrencyDuringBursts = 0 }.ConcurrencyFor(100).ShouldBe(1);
        new WorkerSettings { Concurrency = 2, ConcurrencyDuringBursts = 6 }.ConcurrencyFor(100).ShouldBe(2);
    }

    [Fact]
    public void The_intake_counts_a_webhook_until_its_answer()
    {
        var intake = new IntakePressure();
        using (intake.Enter())
        using (intake.Enter())
            intake.InFlight.ShouldBe(2);
        intake.InFlight.ShouldBe(0);
    }
}
