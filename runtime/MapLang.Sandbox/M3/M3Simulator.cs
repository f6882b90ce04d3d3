using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3;

/// <summary>The simulated M3: options, data and the transaction engine.</summary>
public sealed class M3Simulator
{
    public const string System = "m3";

    public M3Simulator(M3Options options, SandboxClock clock, M3Data? data = null)
    {
        Options = options;
        Engine = new M3Engine(data ?? M3Seed.Create(options), options, clock);
    }

    public M3Options Options { get; }
    public M3Engine Engine { get; }
    public M3Data Data => Engine.Data;
}
