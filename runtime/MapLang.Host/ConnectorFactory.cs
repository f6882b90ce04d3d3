using MapLang.Host.Configuration;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.Amazon;
using MapLang.Host.Connectors.BigCommerce;
using MapLang.Host.Connectors.Clarity;
using MapLang.Host.Connectors.M3;
using MapLang.Host.Connectors.Magento;
using MapLang.Host.Connectors.NopCommerce;
using MapLang.Host.Observability;
using MapLang.Host.Resilience;
using Microsoft.Extensions.Logging;

namespace MapLang.Host;

/// <summary>Builds the connectors of the <c>connections</c> section, each with its own HTTP pool, Polly pipelines and (BigCommerce, Amazon) rate gate.</summary>
public static class ConnectorFactory
{
    public static IReadOnlyList<IConnector> Create(HostSettings settings, string baseDirectory, HostMetrics metrics, ILoggerFactory loggers)
    {
        var result = new List<IConnector>();
        foreach (var (name, c) in settings.Connections)
        {
            var http = new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
                ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, c.Resilience.TimeoutSeconds)),
            }) { Timeout = Timeout.InfiniteTimeSpan };
            var logger = loggers.CreateLogger($"MapLang.Host.Connectors.{name}");
            switch (c.Type.ToLowerInvariant())
            {
                case "m3":
                    var ionJson = c.IonApi is null ? null : ReadIonApi(c.IonApi, baseDirectory);
                    var ion = ionJson is null ? null : IonApiCredentials.Parse(ionJson);
                    var m3 = new M3Settings
                    {
                        BaseUri = c.BaseUrl is { } b ? new Uri(b.EndsWith('/') ? b : b + "/") : ion?.M3BaseUri ?? throw new InvalidOperationException($"Connection '{name}' needs ionApi or baseUrl."),
                        IonApi = ion, Api = c.Api ?? "v2", Cono = c.Cono, Divi = c.Divi, Resilience = c.Resilience,
                    };
                    var tokens = ion is null ? null : new IonApiTokenProvider(http, ion);
                    result.Add(new M3Connector(name, new M3Client(new ResilientHttp(http, name, c.Resilience, metrics), m3, tokens, logger), logger));
                    break;
                case "magento":
                    var magento = new MagentoSettings
                    {
                        BaseUri = Base(name, c), Token = Secrets.Resolve(c.Token, baseDirectory), Username = Secrets.Resolve(c.Username, baseDirectory),
                        Password = Secrets.Resolve(c.Password, baseDirectory), Resilience = c.Resilience,
                    };
                    result.Add(new MagentoConnector(name, new StoreHttp(new ResilientHttp(http, name, c.Resilience, metrics), magento.BaseUri, "Magento"), magento));
                    break;
                case "bigcommerce":
                    var bc = new BigCommerceSettings
                    {
                        BaseUri = Base(name, c), AccessToken = Secrets.Resolve(c.AccessToken, baseDirectory) ?? throw new InvalidOperationException($"Connection '{name}' needs accessToken."),
                        Resilience = c.Resilience,
                    };
                    var gate = new WindowRateGate();
                    result.Add(new BigCommerceConnector(name, new StoreHttp(new ResilientHttp(http, name, c.Resilience, metrics, gate), bc.BaseUri, "BigCommerce"), bc));
                    break;
                case "nopcommerce":
                    var nop = new NopCommerceSettings
                    {
                        BaseUri = Base(name, c), Email = Secrets.Resolve(c.Email, baseDirectory), Username = Secrets.Resolve(c.Username, baseDirectory),
                        Password = Secrets.Resolve(c.Password, baseDirectory) ?? throw new InvalidOperationException($"Connection '{name}' needs password."),
                        Resilience = c.Resilience,
                    };
                    if (nop.Email is null && nop.Username is null) throw new InvalidOperationException($"Connection '{name}' needs email or username.");
                    result.Add(new NopCommerceConnector(name, new StoreHttp(new ResilientHttp(http, name, c.Resilience, metrics), nop.BaseUri, "nopCommerce"), nop));
                    break;
                case "amazon":
                    string Required(string? value, string field) =>
                        Secrets.Resolve(value, baseDirectory) ?? throw new InvalidOperationException($"Connection '{name}' needs {field}.");
                    var amazon = new AmazonSettings
                    {
                        BaseUri = Base(name, c), TokenUri = new Uri(c.TokenUrl ?? "https://api.amazon.com/auth/o2/token"),
                        ClientId = Required(c.ClientId, "clientId"), ClientSecret = Required(c.ClientSecret, "clientSecret"),
                        RefreshToken = Required(c.RefreshToken, "refreshToken"), SellerId = Required(c.SellerId, "sellerId"),
                        MarketplaceId = Required(c.MarketplaceId, "marketplaceId"),
                        QueueUri = c.QueueUrl is { } q ? new Uri(q.EndsWith('/') ? q : q + "/") : null,
                        QueueVisibilitySeconds = c.QueueVisibilitySeconds ?? 60, Resilience = c.Resilience,
                    };
                    var plans = new OperationRateGate(AmazonSettings.UsagePlans);
                    var api = new StoreHttp(new ResilientHttp(http, name, c.Resilience, metrics, plans), amazon.BaseUri, "Amazon", System.Net.HttpStatusCode.Forbidden);
                    var queue = amazon.QueueUri is { } qu ? new StoreHttp(new ResilientHttp(http, name + ".queue", c.Resilience, metrics), qu, "Amazon queue") : null;
                    result.Add(new AmazonConnector(name, api, queue, new LwaTokenProvider(http, amazon), amazon));
                    break;
                case "clarity":
                    var clarity = new ClaritySettings
                    {
                        BaseUri = Base(name, c), ApiKey = Secrets.Resolve(c.ApiKey, baseDirectory) ?? throw new InvalidOperationException($"Connection '{name}' needs apiKey."),
                        Resilience = c.Resilience,
                    };
                    result.Add(new ClarityConnector(name, new StoreHttp(new ResilientHttp(http, name, c.Resilience, metrics), clarity.BaseUri, "Clarity"), clarity));
                    break;
                case "ion":
                    http.Dispose();
                    break;
                default:
                    throw new InvalidOperationException($"Connection '{name}' has an unknown type '{c.Type}' (m3, magento, bigcommerce, nopcommerce, amazon, clarity, ion).");
            }
        }
        return result;
    }

    private static Uri Base(string name, ConnectionSettings c)
    {
        var b = c.BaseUrl ?? throw new InvalidOperationException($"Connection '{name}' needs baseUrl.");
        return new Uri(b.EndsWith('/') ? b : b + "/");
    }

    /// <summary>The .ionapi JSON: a path to the file, or <c>env:</c>/<c>file:</c> as for every secret.</summary>
    private static string ReadIonApi(string value, string baseDirectory)
    {
        if (value.StartsWith("env:", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.Ordinal))
            return Secrets.Resolve(value, baseDirectory)!;
        return File.ReadAllText(Path.Combine(baseDirectory, value));
    }
}
