using System.Text.Json;

namespace MapLang.Runtime.Mapping;

/// <summary>A compiled map: reads a source payload (UTF-8 JSON) and writes the target record.</summary>
public interface IMapper
{
    /// <summary>The map's name, e.g. <c>MagentoOrderToM3</c> or <c>OrderToOIS100</c> for an unnamed map.</summary>
    string Name { get; }

    /// <summary>The source entity, e.g. <c>Magento.Order</c>.</summary>
    string Source { get; }

    /// <summary>The target entity, e.g. <c>M3.OIS100</c>.</summary>
    string Target { get; }

    /// <summary>Maps one payload. Bad data and fail/require raise <see cref="MappingException"/>.</summary>
    void Map(ReadOnlySpan<byte> sourceJson, Utf8JsonWriter output, MapContext context);
}
