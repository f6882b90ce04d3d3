namespace MapLang.Stdlib.Text;

internal static class TextHelpers
{
    /// <summary>The largest cut position ≤ <paramref name="length"/> that does not split a surrogate pair.</summary>
    public static int SafeCut(string text, int length)
    {
        if (length <= 0)
        {
            return 0;
        }

        if (length >= text.Length)
        {
            return text.Length;
        }

        return char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]) ? length - 1 : length;
    }

    public static string CollapseWhiteSpace(string text)
    {
        var needsWork = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])
                && (i == 0 || i == text.Length - 1 || text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
