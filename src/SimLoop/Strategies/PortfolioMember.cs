namespace SimLoop;

/// <summary>One of the strategies the portfolio's seeds take in turn.</summary>
/// <param name="Kind">The strategy family.</param>
/// <param name="PctDepth">Pct's depth, for <see cref="PortfolioKind.Pct"/>; 0 otherwise.</param>
internal readonly record struct PortfolioMember(PortfolioKind Kind, int PctDepth = 0)
{
    /// <summary>Gets the member's name as failure reports show it after "portfolio: ": "random", "pos", "pct(depth 5)".</summary>
    public string Name => Kind switch
    {
        PortfolioKind.Pct => $"pct(depth {PctDepth})",
        PortfolioKind.Pos => "pos",
        _ => "random",
    };
}
