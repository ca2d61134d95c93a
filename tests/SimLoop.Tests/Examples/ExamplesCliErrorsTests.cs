using SimLoop.Examples.Cli;
using static SimLoop.Tests.Examples.ExamplesHarness;

namespace SimLoop.Tests.Examples;

// Bad command lines: each gets one clear message on stderr naming the option and the value, a hint, exit code 1,
// nothing on stdout and never a stack trace. Help is not an error.
[TestFixture]
public sealed class ExamplesCliErrorsTests
{
    private static readonly string[] Options =
        ["--program <name>", "--seed <N>", "--strategy <fifo|random|pct|portfolio>", "--trace", "--explore <N>"];

    [TestCase(new[] { "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [TestCase(new[] { "extra" }, "Unrecognized command or argument 'extra'")]
    [TestCase(new[] { "--program", "nope" },
        "--program must be one of get_html, get_html_interrupted, cancel_me, print_sum, request_chain; it was 'nope'.")]
    [TestCase(new[] { "--program" }, "'--program'")]
    [TestCase(new[] { "--seed", "abc" }, "--seed must be a whole number from")]
    [TestCase(new[] { "--seed", "1.5" }, "it was '1.5'.")]
    [TestCase(new[] { "--seed", "99999999999999999999" }, "it was '99999999999999999999'.")]
    [TestCase(new[] { "--seed" }, "'--seed'")]
    [TestCase(new[] { "--strategy", "lifo" }, "--strategy must be one of fifo, random, pct, portfolio; it was 'lifo'.")]
    [TestCase(new[] { "--explore", "0" }, "--explore must be a number of seeds from 1 to 100000; it was '0'.")]
    [TestCase(new[] { "--explore", "x" }, "it was 'x'.")]
    [TestCase(new[] { "--explore", "100001" }, "it was '100001'.")]
    [TestCase(new[] { "--trace", "--explore", "3" }, "--trace shows one run and --explore runs many: use one of them.")]
    [TestCase(new[] { "--seed", "9223372036854775807", "--explore", "2" }, "runs past the largest seed")]
    [TestCase(new[] { "--program", "cancel_me", "--program", "print_sum" }, "'--program'")]
    public void Run_BadCommandLine_ClearMessageAndExitCodeOne(string[] args, string message)
    {
        CliResult result = RunCli(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.UsageError));
            Assert.That(result.Stderr, Does.StartWith("error: ").And.Contain(message));
            Assert.That(result.Stderr, Does.EndWith("Run with --help to see the options.\n"));
            Assert.That(result.Stderr, Does.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(result.Stdout, Is.Empty);
        }
    }

    [TestCase("--seed", "-3")]
    [TestCase("--seed", "9223372036854775807")]
    [TestCase("--explore", "1")]
    public void Run_ValueAtTheEdgeOfWhatIsAllowed_IsAccepted(string option, string value)
    {
        CliResult result = RunCli("--program", "print_sum", option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
        }
    }

    [Test]
    public void Run_Help_DescribesEveryOptionOnStdoutAndExitsZero()
    {
        CliResult result = RunCli("--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExamplesApp.Success));
            Assert.That(result.Stderr, Is.Empty);
            foreach (string option in Options)
            {
                Assert.That(result.Stdout, Does.Contain(option));
            }

            Assert.That(result.Stdout, Does.Not.Contain("== "), "help runs no program");
        }
    }
}
