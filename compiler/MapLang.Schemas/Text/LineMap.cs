using MapLang.Schemas.Model;

namespace MapLang.Schemas.Text;

/// <summary>Turns offsets of one text into <see cref="SourceLocation"/>s with 1-based lines and columns.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string filePath, string text)
    {
        FilePath = filePath;
        TextLength = text.Length;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    public string FilePath { get; }

    public int TextLength { get; }

    public SourceLocation Locate(int start, int length)
    {
        start = Math.Clamp(start, 0, TextLength);
        length = Math.Clamp(length, 0, TextLength - start);
        var line = Array.BinarySearch(_lineStarts, start);
        if (line < 0) line = ~line - 1;
        return new SourceLocation(FilePath, start, length, line + 1, start - _lineStarts[line] + 1);
    }
}
