using System.Net;
using System.Net.Http.Headers;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.M3;

public sealed class TokenTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SandboxHost.StartAsync(new SandboxOptions { M3 = { TokenLifetime = TimeSpan.FromMinutes(10) } });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Missing_wrong_or_expired_token_is_401_and_a_fresh_token_works()
    {
        using var anonymous = new M3Client(_host, authenticate: false);
        (await anonymous.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.TokenResponseAsync(password: "wrong")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.Http.PostAsync("v2/execute", new StringContent("{\"program\":\"MMS005MI\",\"transactions\":[]}"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var m3 = new M3Client(_host);
        (await m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"));
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");

        m3.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await m3.GetTokenAsync());
        (await m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
