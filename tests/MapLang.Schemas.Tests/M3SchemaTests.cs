using System.Text.Json;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class M3SchemaTests
{
    private static readonly SystemSchema M3 = SchemaLoader.LoadStdlib().FindSystem("M3")!;

    private static IEnumerable<EntitySchema> Transactions =>
        M3.Entities.Values.Where(e => e.Name.Contains('.', StringComparison.Ordinal));

    [Fact]
    public void Every_program_and_transaction_of_the_reference_is_an_entity()
    {
        var referenceFiles = Directory.GetFiles(Path.Combine(Repo.Reference, "m3"), "*.json");
        referenceFiles.Length.ShouldBe(22);
        Transactions.Select(e => e.Name.Split('.')[0]).Distinct().Count().ShouldBe(22);
        Transactions.Count().ShouldBe(462);

        foreach (var file in referenceFiles)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var program = doc.RootElement.GetProperty("program").GetString();
            foreach (var t in doc.RootElement.GetProperty("transactions").EnumerateArray())
            {
                var entity = M3.FindEntity($"{program}.{t.GetProperty("name").GetString()}");
                entity.ShouldNotBeNull();
                entity.Description.ShouldBe(t.GetProperty("description").GetString());
                var inputs = t.GetProperty("input").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Distinct().ToArray();
                entity.Fields.Select(f => f.WireName).ShouldBe(inputs);
                entity.Output.ShouldNotBeNull();
                entity.Output.Count.ShouldBe(t.GetProperty("output").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Distinct().Count());
            }
        }
    }

    [Fact]
    public void Field_types_follow_the_M3_metadata()
    {
        var head = M3.FindEntity("OIS100MI.AddBatchHead")!;
        head.FindField("CUNO").ShouldBe(head.Fields[0]);
        head.FindField("CUNO")!.Type.ShouldBe(new StringType(10));
        head.FindField("CUNO")!.Required.ShouldBeTrue();
        head.FindField("CUOR")!.Type.ShouldBe(new StringType(20));
        head.FindField("CUOR")!.Required.ShouldBeFalse();
        head.FindField("ORDT")!.Type.ShouldBe(new DateType("yyyyMMdd"));
        head.FindField("CONO")!.Type.ShouldBe(new IntType(3));
        head.FindSourceField("ORNO")!.Description.ShouldBe("Temporary order number");

        var line = M3.FindEntity("OIS100MI.AddBatchLine")!;
        line.FindField("D1QT")!.Type.ShouldBe(new DecimalType(17));      // csharpType decimal?
        M3.FindEntity("CRS610MI.Add")!.FindField("MAIL")!.Type.ShouldBe(new StringType(50));

        var balance = M3.FindEntity("MMS200MI.GetItmWhsBal")!;
        balance.FindSourceField("STQT")!.Type.ShouldBeOfType<DecimalType>();
        balance.FindSourceField("CONO")!.Type.ShouldBe(new IntType(3));
        M3.FindEntity("OIS100MI.Confirm")!.FindSourceField("STAT")!.Type.ShouldBe(new StringType(2));
    }

    [Theory]
    [InlineData("OIS100MI.AddHead", "OIS100MI.AddBatchHead")]
    [InlineData("OIS100MI.AddLine", "OIS100MI.AddBatchLine")]
    [InlineData("MMS080MI.LstItemBal", "MMS200MI.GetItmWhsBal")]
    [InlineData("OIS300MI", "OIS100MI")]
    [InlineData("GLS200MI.AddBatchHead", "GLS840MI.AddBatchHead")]
    public void Misnomers_name_the_real_transaction(string wrong, string instead)
    {
        M3.FindEntity(wrong).ShouldBeNull();
        var misnomer = M3.Misnomers[wrong];
        misnomer.Instead.ShouldBe(instead);
        misnomer.Explanation.ShouldNotBeNullOrWhiteSpace();
        misnomer.Location.ShouldNotBeNull();
    }

    [Fact]
    public void The_order_view_writes_through_the_batch_transactions()
    {
        var order = M3.FindEntity("OIS100")!;
        order.WritesThrough.ShouldBe(["OIS100MI.AddBatchHead", "OIS100MI.AddBatchAddress", "OIS100MI.AddBatchLine", "OIS100MI.Confirm"]);
        order.FindField("CUNO")!.Required.ShouldBeTrue();
        order.FindField("lines")!.Type.ShouldBe(new ListType(new RecordRefType("OIS100Line")));
        var line = M3.FindEntity("OIS100Line")!;
        line.FindField("ITNO")!.Required.ShouldBeTrue();
        line.FindField("CUPO")!.Type.ShouldBe(new StringType(7));
        M3.FindEntity("CRS610")!.WritesThrough.ShouldBe(["CRS610MI.Add"]);
        M3.FindEntity("GLS840")!.WritesThrough.ShouldBe(["GLS840MI.AddBatchHead", "GLS840MI.AddBatchLine", "GLS840MI.UpdBatch"]);
        M3.FindEntity("MMS200")!.ReadsThrough.ShouldBe(["MMS200MI.GetItmBasic", "MMS200MI.GetItmWhsBal"]);
    }

    /// <summary>A view field must be a field of one of the transactions behind it (inputs when written, replies when read), no longer than it.</summary>
    [Fact]
    public void Every_view_field_exists_in_a_transaction_behind_the_view()
    {
        var views = M3.Entities.Values.Where(e => !e.Name.Contains('.', StringComparison.Ordinal)).ToArray();
        views.Length.ShouldBeGreaterThan(8);
        var problems = new List<string>();
        foreach (var view in views)
        {
            var owners = views.Where(v => v.Fields.Any(f => f.Type is ListType { Element: RecordRefType r } && r.EntityName == view.Name)).ToArray();
            var behind = (view.WritesThrough.Count + view.ReadsThrough.Count > 0 ? [view] : owners)
                .SelectMany(v => v.WritesThrough.Select(t => (t, write: true)).Concat(v.ReadsThrough.Select(t => (t, write: false))))
                .ToArray();
            behind.ShouldNotBeEmpty($"view {view.Name} is neither written, read nor a list inside a view");
            foreach (var field in view.Fields.Where(f => f.Type is not ListType))
            {
                var matches = behind.Select(b => (b.write ? M3.FindEntity(b.t)!.FindField(field.Name) : M3.FindEntity(b.t)!.FindSourceField(field.Name)))
                    .Where(f => f is not null).ToArray();
                // A field the host adds to a read view (the version of a polled item) says so; no transaction has it.
                if (matches.Length == 0 && view.ReadsThrough.Count > 0 && field.Description?.Contains("added by the host", StringComparison.Ordinal) == true) continue;
                if (matches.Length == 0) problems.Add($"{view.Name}.{field.Name}: in none of {string.Join(", ", behind.Select(b => b.t))}");
                else if (field.Type is StringType { MaxLength: { } n } && matches.All(m => m!.Type is StringType { MaxLength: { } mn } && mn < n))
                    problems.Add($"{view.Name}.{field.Name}: longer than the transaction field");
            }
        }
        problems.ShouldBeEmpty();
    }
}
