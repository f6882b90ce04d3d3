using System.Globalization;
using System.Xml;

namespace MapLang.Cli.Testing;

/// <summary>Writes results as JUnit XML (one testsuite per tests.json folder), the format CI systems read.</summary>
public static class JUnitWriter
{
    public static void Write(string path, TestRunResult run)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new System.Text.UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "maplang test");
        WriteCounts(xml, run.Results);
        foreach (var suite in run.Results.GroupBy(r => r.Suite))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite.Key);
            WriteCounts(xml, [.. suite]);
            foreach (var result in suite)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", suite.Key.Replace('/', '.'));
                xml.WriteAttributeString("name", $"{result.Name} ({result.Map})");
                xml.WriteAttributeString("time", Seconds(result.Duration));
                if (result.IsFailure)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", result.Message ?? "failed");
                    xml.WriteAttributeString("type", result.Outcome == TestOutcome.New ? "new" : "difference");
                    xml.WriteString(string.Join("\n", result.Details));
                    xml.WriteEndElement();
                }
                else if (result.Outcome == TestOutcome.Accepted)
                {
                    xml.WriteElementString("system-out", result.Message);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<TestResult> results)
    {
        xml.WriteAttributeString("tests", results.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", results.Count(r => r.IsFailure).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks))));
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
