namespace SimLoop;

/// <summary>The strategy families the portfolio draws its members from.</summary>
internal enum PortfolioKind
{
    /// <summary>A uniform pick among the ready items at every choice.</summary>
    Random,

    /// <summary>Partial order sampling: each ready item a random priority of its own, drawn as it becomes ready.</summary>
    Pos,

    /// <summary>Probabilistic concurrency testing at a depth.</summary>
    Pct,
}
