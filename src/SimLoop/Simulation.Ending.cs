using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SimLoop;

public sealed partial class Simulation
{
    // The end of a run, as asyncio.run ends one: pending tasks are cancelled and drained, then the run's outcome
    // is turned into one exception, the most fundamental failure first (escape, step fault, limit, deadlock,
    // main's own exception, unobserved faults, tasks that would not finish).
    private sealed class RunEnding
    {
        private readonly Simulation _sim;
        private readonly SimTask _main;
        private LoopOutcome _drainOutcome = LoopOutcome.Done;
        private string? _deadlockReport;
        private List<SimTask>? _deadlocked;

        public RunEnding(Simulation sim, SimTask main)
        {
            _sim = sim;
            _main = main;
        }

        public LoopOutcome MainOutcome { get; set; } = LoopOutcome.Done;

        /// <summary>Gets or sets the work sent to the pool that still waited for its turn when a step blocked.</summary>
        public string? WaitingWork { get; set; }

        private RunLoop Loop => _sim._loop;

        private string Where => $"at step {Loop.Steps}, virtual time {TimeFormat.Instant(Loop.Clock.Elapsed)} " +
            $"(seed {_sim.Seed}, strategy {_sim.Options.Strategy})";

        /// <summary>Runs the loop for main, then drains it: what the run does under the watchdog.</summary>
        public void RunLoop() => _sim.RunLoop(this, _main);

        public void Drain()
        {
            if (MainOutcome == LoopOutcome.Deadlock)
            {
                _deadlocked = Loop.Tasks.Pending();
                _deadlockReport = Report("Deadlock " + Where +
                    ": nothing can run, no virtual timer is pending, and main has not finished.", _deadlocked);
            }

            string reason = MainOutcome == LoopOutcome.Done ? "the run is ending: main finished" : "the run is ending: deadlock";
            Loop.Tasks.CancelAll(reason);
            _drainOutcome = Loop.Run(main: null);
        }

        public void ThrowIfFailed()
        {
            LoopOutcome worst = MainOutcome is LoopOutcome.Done or LoopOutcome.Deadlock ? _drainOutcome : MainOutcome;
            if (Loop.Watch.Failure is { } blocked)
            {
                string site = Loop.Watch.Site is { } where ? $" It was {where}." : string.Empty;
                string waiting = WaitingWork is { } work ? $" Meanwhile {work}." : string.Empty;
                Fail(new SimulationBlockedException(
                    $"The run stopped {Where}: {blocked}.{site}{waiting}", BlockedWaitException()));
            }

            if (Loop.Guard.HasEscaped || worst == LoopOutcome.Escaped)
            {
                bool byChance = Loop.Guard.EscapedByChance;
                string advice = byChance ? "." : ". SimLoop runs every continuation as a step of its loop, so this run could " +
                    "not stay deterministic. Keep the work under the loop: pass sim.Clock wherever a TimeProvider is taken, " +
                    "start work with Sim.Spawn (or Task.Run) rather than a thread of its own, and replace real I/O with an " +
                    "in-memory fake.";
                Fail(new SimulationEscapeException($"The run left the simulation's control {Where}: {Loop.Guard.Escape}{advice}",
                    _main.IsCompleted ? _main.Exception : null)
                {
                    IsTransient = byChance,
                });
            }

            _sim.Replayer?.CheckFinished();

            if (Loop.StepFault is { } fault)
            {
                string owner = Loop.StepFaultTask is { } task ? $"task '{task.Name}'" : "the simulation";
                Fail(new SimulationException(
                    $"An exception escaped a step of {owner} {Where}: it came from an async void method, a posted " +
                    "callback, a timer callback or a sim.At action, where nothing can catch it.", fault.SourceException));
            }

            if (worst is LoopOutcome.StepLimit or LoopOutcome.TimeLimit)
            {
                Fail(new SimulationLimitException(worst == LoopOutcome.StepLimit
                    ? $"The run passed MaxSteps ({_sim.Options.MaxSteps}) {Where}. A task may be looping without end; raise " +
                      "SimulationOptions.MaxSteps if the program really needs more steps."
                    : $"The run passed MaxVirtualTime ({TimeFormat.Duration(_sim.Options.MaxVirtualTime)}) {Where}: the next " +
                      $"timer is due at {TimeFormat.Instant(new TimeSpan(Loop.Clock.Timers.NextDueTicks))}. Raise " +
                      "SimulationOptions.MaxVirtualTime if the program really needs more virtual time."));
            }

            if (_deadlockReport is not null)
            {
                Fail(new SimulationDeadlockException(_deadlockReport, _deadlocked!));
            }

            ThrowIfTasksFailed();
        }

        // Main's own exception, then tasks that faulted unobserved, then tasks the end of the run could not finish.
        private void ThrowIfTasksFailed()
        {
            List<SimTask> lost = Loop.Tasks.UnobservedFaults();
            lost.Remove(_main);
            if (_main.Exception is { } mainException)
            {
                foreach (SimTask task in lost)
                {
                    Log.UnobservedFault(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, task.Name, task.Exception!);
                }

                LogRunEnded("main failed");
                ExceptionDispatchInfo.Throw(mainException);
            }

            if (lost.Count > 0)
            {
                var names = string.Join(", ", lost.ConvertAll(static t => $"'{t.Name}' ({t.Exception!.GetType().Name}: {t.Exception.Message})"));
                Fail(new SimulationException(
                    $"{(lost.Count == 1 ? "A task" : lost.Count + " tasks")} faulted and nothing awaited {(lost.Count == 1 ? "it" : "them")}: " +
                    $"{names}. The run ended {Where}. Await every task you spawn, or catch its exception inside it.",
                    lost[0].Exception));
            }

            if (_drainOutcome == LoopOutcome.Deadlock)
            {
                List<SimTask> stuck = Loop.Tasks.Pending();
                Fail(new SimulationDeadlockException(Report(
                    $"Main finished, but {stuck.Count} task(s) did not finish after being cancelled at the end of the run {Where}. " +
                    "A task blocked in an await that ignores cancellation never runs its finally blocks; pass it " +
                    "Sim.CurrentTask.CancellationToken or wait with Sim.Delay / Sim.WaitFor.", stuck), stuck));
            }

            LogRunEnded("main finished");
        }

        // Formatting the fingerprint allocates: only a logger that writes the line pays for it.
        private void LogRunEnded(string outcome)
        {
            if (Loop.Logger.IsEnabled(LogLevel.Information))
            {
                Log.RunEnded(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, outcome, Loop.Trace.Fingerprint);
            }
        }

        // The interrupt or abort that ended the blocked step, when it surfaced in a task or a step fault.
        private Exception? BlockedWaitException()
        {
            Exception? candidate = Loop.StepFault?.SourceException ?? (_main.IsCompleted ? _main.Exception : null);
            return candidate is System.Threading.ThreadInterruptedException or System.Threading.ThreadAbortException
                or OperationCanceledException ? candidate : null;
        }

        private static string Report(string headline, List<SimTask> tasks)
        {
            var text = new StringBuilder(headline).Append(" Blocked tasks:");
            foreach (SimTask task in tasks)
            {
                text.Append("\n  task ").Append(task.Id).Append(" '").Append(task.Name).Append("': ").Append(task.DescribeWaits());
            }

            return text.ToString();
        }

        private void Fail(SimulationException exception)
        {
            if (exception is SimulationDeadlockException)
            {
                Log.Deadlock(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, exception.Message);
            }
            else if (exception is SimulationLimitException)
            {
                Log.LimitPassed(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, exception.Message);
            }
            else if (exception is SimulationEscapeException or SimulationBlockedException)
            {
                Log.Escaped(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, exception.Message);
            }
            else
            {
                Log.StepFaulted(Loop.Logger, Loop.Steps, Loop.Clock.Elapsed, exception.Message, exception.InnerException ?? exception);
            }

            throw exception;
        }
    }
}
