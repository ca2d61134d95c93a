using System.Diagnostics;

namespace SimLoop.Boundary.Tests;

// The first simulations of a process meet a thread pool whose event source may not exist yet, and work they send to the
// pool must be followed from its very first hop. A test host has long left that start-up behind, so each case starts
// a fresh process (tests/SimLoop.Boundary.FreshProcess) whose first simulations hop to the pool.
public class FreshProcessTests
{
    private static string FreshProcessDll =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "SimLoop.Boundary.FreshProcess.dll");

    private static (int ExitCode, string Output) RunFresh(string program)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FreshProcessDll);
        start.ArgumentList.Add(program);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HardLimit.Budget))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The fresh process running '{program}' did not exit within {HardLimit.Budget.TotalSeconds} s.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    [TestCase("task-run")]
    [TestCase("configure-await-false")]
    [TestCase("yield-after-timer")]
    [TestCase("semaphore-cancel")]
    public void FirstSimulationsOfAProcess_SendingWorkToThePool_RunItAsSteps(string program)
    {
        (int exitCode, string output) = RunFresh(program);

        // The program checks its own results and prints "ok" only when the run passed; anything else is the failure.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.StartWith("ok "));
            Assert.That(exitCode, Is.Zero, output);
        }
    }

    [Test]
    public void FreshProcess_UnknownProgram_FailsAndSaysSo()
    {
        // The negative twin: the harness itself reports a failure, so an "ok" above comes from the run.
        (int exitCode, string output) = RunFresh("no-such-program");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Trim(), Is.EqualTo("unknown program 'no-such-program': task-run, configure-await-false, yield-after-timer or semaphore-cancel"));
            Assert.That(exitCode, Is.EqualTo(2));
        }
    }
}
