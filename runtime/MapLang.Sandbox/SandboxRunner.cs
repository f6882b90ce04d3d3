namespace MapLang.Sandbox;

/// <summary>The entry of <c>maplang sandbox</c>: starts the sandbox, prints URLs and credentials, runs until cancelled.</summary>
public static class SandboxRunner
{
    public static async Task RunAsync(SandboxOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var host = await SandboxHost.StartAsync(options, cancellationToken);
        var o = options;
        await output.WriteLineAsync($"""
            MapLang sandbox listening on {host.BaseUri}

            M3 (ION API gateway)   {host.M3BaseUri}
              token endpoint       {host.BaseUri}{o.M3.Tenant}/as/token.oauth2   (form grant_type=password, username=saak, password=sask, client_id=ci, client_secret=cs)
              .ionapi file         {host.BaseUri}_sandbox/m3/ionapi
            {host.IonApiJson()}

            Magento                {host.MagentoBaseUri}   admin token: POST integration/admin/token {"{"}"username":"{o.Magento.AdminUsername}","password":"{o.Magento.AdminPassword}"{"}"}
            BigCommerce            {host.BigCommerceBaseUri}   X-Auth-Token: {o.BigCommerce.AccessToken}   store hash: {o.BigCommerce.StoreHash}
            nopCommerce (Web API)  {host.NopCommerceBaseUri}api-backend/   token: POST Authenticate/GetToken {"{"}"email":"{o.NopCommerce.Email}","password":"{o.NopCommerce.Password}"{"}"} → Authorization: <token>
            Amazon SP-API          {host.AmazonBaseUri}   seller {o.Amazon.SellerId}, marketplace {o.Amazon.MarketplaceId}
              LWA token            POST {host.AmazonBaseUri}auth/o2/token   (form grant_type=refresh_token, refresh_token={o.Amazon.RefreshToken}, client_id={o.Amazon.ClientId}, client_secret={o.Amazon.ClientSecret}) → x-amz-access-token
              notifications queue  GET {host.BaseUri}_sandbox/amazon/queue/messages, DELETE …/queue/messages/{"{"}receiptHandle{"}"}
            Clarity (ASSUMED API)  {host.ClarityBaseUri}   X-Api-Key: {o.Clarity.ApiKey}   (no public Clarity API exists: a stand-in)

            Admin                  {host.BaseUri}_sandbox/   (faults, clock/advance, m3/orders?cuor=, counts, nopcommerce/shipments, amazon/queue/messages, clarity/shipments…)
            Press Ctrl+C to stop.
            """);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await host.StopAsync();
        await output.WriteLineAsync("MapLang sandbox stopped.");
    }
}
