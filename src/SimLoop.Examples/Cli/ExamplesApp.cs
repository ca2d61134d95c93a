using System.CommandLine;
using SimLoop.Examples.Notes;

namespace SimLoop.Examples.Cli;

// The examples program as a function of its arguments and two writers, so tests run it in-process. Exit codes:
// 0 when every program ran, 1 for a bad command line (a message, never a stack trace), 2 when a program failed.
internal static class ExamplesApp
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int ProgramFailed = 2;

    /// <summary>Parses the arguments and runs what they ask for.</summary>
    /// <param name="args">The command line, without the program's name.</param>
    /// <param name="stdout">Where the programs' output, the summary and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="wallClock">Measures the wall time column only; <see cref="TimeProvider.System"/> if null.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? wallClock = null)
    {
        var command = new ExamplesCommand();
        var runner = new NoteRunner(wallClock ?? TimeProvider.System);
        command.Root.SetAction(result => Execute(command.Settings(result), stdout, stderr, runner));
        ParseResult parsed = command.Root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run with --help to see the options.");
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false, // a bug in the examples should fail its test, not print a code
        });
    }

    private static int Execute(ExamplesSettings settings, TextWriter stdout, TextWriter stderr, NoteRunner runner) =>
        settings.Explore is { } seeds
            ? Explore(settings, seeds, stdout, runner)
            : RunEach(settings, stdout, stderr, runner);

    private static int RunEach(ExamplesSettings settings, TextWriter stdout, TextWriter stderr, NoteRunner runner)
    {
        var printer = new ProgramPrinter(stdout, stderr, runner);
        List<NoteRun> runs = [];
        foreach (Note note in settings.Notes)
        {
            string? timeline = settings.TimelineFor(note);
            NoteRun run = runner.Run(note, settings.Options, timeline);
            printer.Write(run, settings.Trace);
            if (timeline is not null)
            {
                stdout.WriteLine($"-- timeline: {Path.GetFullPath(timeline)}");
            }

            stdout.WriteLine();
            runs.Add(run);
        }

        SummaryTable.Write(stdout, runs);
        return runs.Any(r => r.Failure is not null) ? ProgramFailed : Success;
    }

    private static int Explore(ExamplesSettings settings, int seeds, TextWriter stdout, NoteRunner runner)
    {
        var explorer = new Explorer(runner);
        List<Exploration> explorations = [];
        foreach (Note note in settings.Notes)
        {
            Exploration found = explorer.Explore(note, settings.Strategy, settings.Seed, seeds);
            ExploreReport.WriteProgram(stdout, found, settings.Seed);
            stdout.WriteLine();
            explorations.Add(found);
        }

        ExploreReport.WriteTable(stdout, explorations);
        return explorations.Any(e => e.Failures.Count > 0) ? ProgramFailed : Success;
    }
}
