namespace SimLoop.BugBench.Report;

internal sealed partial class ReportWriter
{
    public string Example() => plan.Bugs.Count > 0 ? "TODO" : string.Empty;
}
