using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// The command line: its options, how each value is parsed and checked, and the settings they make. Every bad
// value gets a message that names the option, shows the value and says what is allowed.
internal sealed class ExamplesCommand
{
    public const int ExploreMax = 100_000;

    private readonly Option<Note?> _program = new("--program")
    {
        Description = $"Run one program: {string.Join(", ", Note.Names)}. Default: all of them.",
        HelpName = "name",
        CustomParser = ParseProgram,
    };

    private readonly Option<long> _seed = new("--seed")
    {
        Description = "The seed of the schedule's choices (with --explore, the first seed). Default: 0.",
        HelpName = "N",
        CustomParser = ParseSeed,
    };

    private readonly Option<ScheduleStrategy> _strategy = new("--strategy")
    {
        Description = "fifo (asyncio's order, CPython's output), random, pct or portfolio (seeds take random, partial order " +
            "sampling and pct in turn). Default: fifo; random with --explore.",
        HelpName = "fifo|random|pct|portfolio",
        CustomParser = ParseStrategy,
    };

    private readonly Option<bool> _trace = new("--trace")
    {
        Description = "Show every step: its virtual time, task and event, with the lines printed during it.",
    };

    private readonly Option<string?> _timeline = new("--timeline")
    {
        Description = "Write a picture of the run to FILE, a self-contained HTML page: a lane per task over virtual " +
            "time, with its steps, spawns, cancellations and their causes, and the lines it printed. With several " +
            "programs, each gets its own file, named FILE with the program's name before the extension.",
        HelpName = "FILE",
    };

    private readonly Option<int?> _explore = new("--explore")
    {
        Description =
            $"Run N seeds (1 to {ExploreMax}); report the distinct outputs and fingerprints, with their seeds.",
        HelpName = "N",
        CustomParser = ParseExplore,
    };

    public ExamplesCommand()
    {
        Root = new RootCommand(
            "SimLoop's examples: the asyncio notes' programs, ported to C#, run under virtual time.");
        _program.CompletionSources.Add([.. Note.Names]);
        _strategy.CompletionSources.Add([.. StrategyNames.All]);
        Root.Options.Add(_program);
        Root.Options.Add(_seed);
        Root.Options.Add(_strategy);
        Root.Options.Add(_trace);
        Root.Options.Add(_timeline);
        Root.Options.Add(_explore);
        Root.Validators.Add(CheckCombination);
    }

    public RootCommand Root { get; }

    public ExamplesSettings Settings(ParseResult result)
    {
        int? explore = result.GetValue(_explore);
        bool strategyGiven = result.GetResult(_strategy) is { Implicit: false };
        ScheduleStrategy strategy = strategyGiven || explore is null
            ? result.GetValue(_strategy)
            : ScheduleStrategy.Random;
        IReadOnlyList<Note> notes = result.GetValue(_program) is { } note ? [note] : Note.All;
        return new ExamplesSettings(notes, result.GetValue(_seed), strategy, result.GetValue(_trace), explore,
            result.GetValue(_timeline));
    }

    // Reads the tokens again rather than the values: a value that failed to parse has no value to get.
    private void CheckCombination(CommandResult result)
    {
        OptionResult? explore = result.GetResult(_explore);
        if (result.GetResult(_trace) is { Implicit: false } && explore is { Implicit: false })
        {
            result.AddError("--trace shows one run and --explore runs many: use one of them.");
        }

        if (result.GetResult(_timeline) is { Implicit: false } timeline && explore is { Implicit: false })
        {
            result.AddError("--timeline draws one run and --explore runs many: use one of them.");
        }
        else if (result.GetResult(_timeline) is { } given && Token(given).Length == 0)
        {
            result.AddError("--timeline needs the name of the HTML file to write, e.g. --timeline timeline.html.");
        }

        if (explore is not null && TryParseExplore(Token(explore), out int seeds) &&
            result.GetResult(_seed) is { } seedResult && TryParseSeed(Token(seedResult), out long seed) &&
            seed > long.MaxValue - (seeds - 1))
        {
            result.AddError($"--seed {seed} with --explore {seeds} runs past the largest seed, {long.MaxValue}.");
        }
    }

    private static Note? ParseProgram(ArgumentResult result)
    {
        string text = Token(result);
        Note? note = Note.Find(text);
        if (note is null)
        {
            result.AddError($"--program must be one of {string.Join(", ", Note.Names)}; it was '{text}'.");
        }

        return note;
    }

    private static long ParseSeed(ArgumentResult result)
    {
        string text = Token(result);
        if (!TryParseSeed(text, out long seed))
        {
            result.AddError($"--seed must be a whole number from {long.MinValue} to {long.MaxValue}; it was '{text}'.");
        }

        return seed;
    }

    private static ScheduleStrategy ParseStrategy(ArgumentResult result)
    {
        string text = Token(result);
        if (StrategyNames.Parse(text) is { } strategy)
        {
            return strategy;
        }

        result.AddError($"--strategy must be one of {string.Join(", ", StrategyNames.All)}; it was '{text}'.");
        return ScheduleStrategy.Fifo;
    }

    private static int? ParseExplore(ArgumentResult result)
    {
        string text = Token(result);
        if (!TryParseExplore(text, out int seeds))
        {
            result.AddError($"--explore must be a number of seeds from 1 to {ExploreMax}; it was '{text}'.");
            return null;
        }

        return seeds;
    }

    private static bool TryParseSeed(string text, out long seed) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed);

    private static bool TryParseExplore(string text, out int seeds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seeds) &&
        seeds is >= 1 and <= ExploreMax;

    // Arity is one value per option, so the parser has already refused a missing value before this runs.
    private static string Token(SymbolResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
}
