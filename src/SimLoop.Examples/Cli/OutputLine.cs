namespace SimLoop.Examples.Cli;

// One line a note printed, and where in the run it was printed: after the first TracePosition trace entries,
// so a trace listing can show each line under the step that printed it.
internal readonly record struct OutputLine(string Text, long TracePosition);
