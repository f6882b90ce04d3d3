using MapLang.Runtime;
using MapLang.Stdlib.Statuses;

namespace MapLang.Stdlib.Tests;

public class StatusFunctionsTests
{
    private static readonly string[] M3Statuses = ["05", "10", "15", "20", "22", "33", "44", "46", "66", "77", "99"];

    [Fact]
    public void Magento_states_and_m3_statuses()
    {
        MagentoStatusFunctions.M3StatusToMagentoState("66").ShouldBe("complete");
        MagentoStatusFunctions.M3StatusToMagentoState("77").ShouldBe("complete");
        MagentoStatusFunctions.M3StatusToMagentoState("22").ShouldBe("processing");
        MagentoStatusFunctions.M3StatusToMagentoState("99").ShouldBe("canceled");
        MagentoStatusFunctions.MagentoStateToM3Status("new").ShouldBe("20");
        MagentoStatusFunctions.MagentoStateToM3Status("complete").ShouldBe("77");
        MagentoStatusFunctions.MagentoStateToM3Status("canceled").ShouldBe("99");
        MagentoStatusFunctions.MagentoStatusToM3Status("pending").ShouldBe("20");
        Should.Throw<MappingException>(() => MagentoStatusFunctions.MagentoStateToM3Status("shipped")).Message.ShouldContain("not a Magento order state");
    }

    [Fact]
    public void Every_store_status_value_listed_in_the_domain_has_an_m3_status()
    {
        foreach (var state in MagentoStatusFunctions.States)
        {
            IsM3(MagentoStatusFunctions.MagentoStateToM3Status(state));
        }

        foreach (var status in MagentoStatusFunctions.DefaultStatuses)
        {
            IsM3(MagentoStatusFunctions.MagentoStatusToM3Status(status));
        }

        for (var id = 0L; id <= 14; id++)
        {
            IsM3(BigCommerceStatusFunctions.BigCommerceStatusToM3Status(id));
            BigCommerceStatusFunctions.BigCommerceStatusName(id).ShouldNotBeNullOrEmpty();
        }

        foreach (var order in NopCommerceStatusFunctions.OrderStatuses)
        {
            IsM3(NopCommerceStatusFunctions.NopOrderStatusToM3Status(order));
            foreach (var shipping in NopCommerceStatusFunctions.ShippingStatuses)
            {
                foreach (var payment in NopCommerceStatusFunctions.PaymentStatuses)
                {
                    IsM3(NopCommerceStatusFunctions.NopOrderStatusToM3Status(order, shipping, payment));
                }
            }
        }

        foreach (var status in AmazonStatusFunctions.Statuses)
        {
            IsM3(AmazonStatusFunctions.AmazonStatusToM3Status(status));
        }

        foreach (var status in ClarityStatusFunctions.Statuses)
        {
            IsM3(ClarityStatusFunctions.ClarityStatusToM3Status(status));
        }
    }

    [Fact]
    public void Every_m3_status_maps_to_a_store_value()
    {
        foreach (var m3 in M3Statuses)
        {
            MagentoStatusFunctions.States.ShouldContain(MagentoStatusFunctions.M3StatusToMagentoState(m3));
            MagentoStatusFunctions.DefaultStatuses.ShouldContain(MagentoStatusFunctions.M3StatusToMagentoStatus(m3));
            BigCommerceStatusFunctions.M3StatusToBigCommerceStatus(m3).ShouldBeInRange(0L, 14L);
            NopCommerceStatusFunctions.OrderStatuses.ShouldContain(NopCommerceStatusFunctions.M3StatusToNopOrderStatus(m3));
            NopCommerceStatusFunctions.ShippingStatuses.ShouldContain(NopCommerceStatusFunctions.M3StatusToNopShippingStatus(m3));
            AmazonStatusFunctions.Statuses.ShouldContain(AmazonStatusFunctions.M3StatusToAmazonStatus(m3));
            ClarityStatusFunctions.Statuses.ShouldContain(ClarityStatusFunctions.M3StatusToClarityStatus(m3));
        }
    }

    [Fact]
    public void The_status_lists_match_the_reference_data()
    {
        BigCommerceStatusFunctions.Names[11].ShouldBe("Awaiting Fulfillment");
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("reference", "bigcommerce", "examples", "order-statuses.list.example.json")));
        foreach (var s in doc.RootElement.EnumerateArray())
        {
            BigCommerceStatusFunctions.BigCommerceStatusName(s.GetProperty("id").GetInt64()).ShouldBe(s.GetProperty("system_label").GetString());
        }
    }

    [Fact]
    public void Store_specific_examples()
    {
        BigCommerceStatusFunctions.BigCommerceStatusToM3Status(11).ShouldBe("20");
        BigCommerceStatusFunctions.BigCommerceStatusToM3Status(2).ShouldBe("66");
        BigCommerceStatusFunctions.M3StatusToBigCommerceStatus("66").ShouldBe(2L);
        Should.Throw<MappingException>(() => BigCommerceStatusFunctions.BigCommerceStatusToM3Status(15));
        NopCommerceStatusFunctions.NopOrderStatusToM3Status(20, 25, 30).ShouldBe("44");
        NopCommerceStatusFunctions.NopOrderStatusToM3Status(20, 20, 40).ShouldBe("99");
        NopCommerceStatusFunctions.NopOrderStatusToM3Status(10, 20, 10).ShouldBe("10");
        NopCommerceStatusFunctions.M3StatusToNopOrderStatus("77").ShouldBe(30L);
        Should.Throw<MappingException>(() => NopCommerceStatusFunctions.NopOrderStatusToM3Status(20, 50, 10)).Message.ShouldContain("ShippingStatus");
        AmazonStatusFunctions.AmazonStatusToM3Status("Unshipped").ShouldBe("20");
        AmazonStatusFunctions.M3StatusToAmazonStatus("66").ShouldBe("Shipped");
        ClarityStatusFunctions.ClarityStatusToM3Status("on hold").ShouldBe("10");
        Should.Throw<MappingException>(() => MagentoStatusFunctions.M3StatusToMagentoState("6")).Message.ShouldContain("two digits");
        Should.Throw<MappingException>(() => MagentoStatusFunctions.M3StatusToMagentoState("AB"));
    }

    private static void IsM3(string status)
    {
        status.Length.ShouldBe(2);
        M3Statuses.ShouldContain(status);
    }
}
