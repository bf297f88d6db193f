namespace DonDoc.Demo;

/// <summary>A clock set to the moment each replayed event happened, so that use cases date them as they were.</summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
