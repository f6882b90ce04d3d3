namespace MapLang.Runtime;

/// <summary>
/// A value could not be mapped: bad input data (an unparsable number, an unknown country code…)
/// or a bad argument in a <c>.map</c> file (an unknown rounding mode). The host dead-letters the message
/// with <see cref="Exception.Message"/>, so messages name the function, the value and what was expected.
/// </summary>
public sealed class MappingException : Exception
{
    public MappingException(string message)
        : base(message)
    {
    }

    public MappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
