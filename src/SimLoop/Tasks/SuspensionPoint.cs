using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace SimLoop;

// Where a blocked task is suspended, read from its body's Task the way an async-aware debugger reads it: an async
// method's Task is the box holding its state machine, whose non-default awaiter field is the await it is suspended
// at; that awaiter's Task is the next method down, and so on to the innermost awaited thing (a TaskCompletionSource's
// Task, a SemaphoreSlim waiter, a channel read). Reflection over compiler-generated names: used only to write a
// deadlock report, and it says nothing rather than guess when the shapes are not the ones it knows.
internal static class SuspensionPoint
{
    private const int DepthMax = 16;
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Describes where <paramref name="body"/> is suspended: "in A() > B(), awaiting X", or null.</summary>
    public static string? Describe(Task? body)
    {
        var methods = new List<string>();
        object? current = body;
        string? awaited = null;
        for (int depth = 0; depth < DepthMax && current is Task task && !task.IsCompleted; depth++)
        {
            if (StateMachineOf(task) is not { } stateMachine)
            {
                awaited = Leaf(task);
                break;
            }

            methods.Add(MethodName(stateMachine.GetType()));
            current = AwaitedBy(stateMachine, out awaited);
        }

        if (methods.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder("suspended in ").AppendJoin(" > ", methods);
        return awaited is null ? text.ToString() : text.Append(", awaiting ").Append(awaited).ToString();
    }

    private static object? StateMachineOf(Task task)
    {
        Type type = task.GetType();
        return type.Name.StartsWith("AsyncStateMachineBox", StringComparison.Ordinal)
            ? type.GetField("StateMachine", Instance)?.GetValue(task)
            : null;
    }

    // The awaiter field the state machine is suspended on is the one that is not default: the compiler clears each
    // awaiter field when the await it belongs to resumes.
    private static object? AwaitedBy(object stateMachine, out string? awaited)
    {
        awaited = null;
        foreach (FieldInfo field in stateMachine.GetType().GetFields(Instance))
        {
            if (!field.Name.StartsWith("<>u__", StringComparison.Ordinal) || field.GetValue(stateMachine) is not { } awaiter)
            {
                continue;
            }

            if (InnerOf(awaiter) is { } inner)
            {
                awaited = inner switch
                {
                    Task task => Leaf(task),
                    SimWait => null, // the task's waits already say what it awaits
                    _ => Readable(inner.GetType()),
                };
                return inner;
            }
        }

        return null;
    }

    // TaskAwaiter and ConfiguredTaskAwaiter hold m_task; ValueTaskAwaiter holds a ValueTask whose _obj is a Task or
    // an IValueTaskSource; SimLoop's own awaiters hold the wait that names itself.
    private static object? InnerOf(object awaiter)
    {
        Type type = awaiter.GetType();
        if (type.GetField("m_task", Instance)?.GetValue(awaiter) is Task task)
        {
            return task;
        }

        if (type.GetField("_value", Instance)?.GetValue(awaiter) is { } valueTask
            && valueTask.GetType().GetField("_obj", Instance)?.GetValue(valueTask) is { } source)
        {
            return source;
        }

        if (type.GetField("_await", Instance)?.GetValue(awaiter) is IInterruptible wait)
        {
            return new SimWait(wait);
        }

        return null;
    }

    private static string Leaf(Task task) => StateMachineOf(task) is { } stateMachine
        ? MethodName(stateMachine.GetType())
        : task.GetType() == typeof(Task) || task.GetType().Name.StartsWith("Task`", StringComparison.Ordinal)
            ? "a Task nothing has completed (a TaskCompletionSource's, or one a library completes)"
            : Readable(task.GetType());

    // <Name>d__3 is the async method Name; <<Outer>b__1_0>d is a lambda inside Outer.
    private static string MethodName(Type stateMachine)
    {
        string name = stateMachine.Name;
        bool lambda = name.StartsWith("<<", StringComparison.Ordinal);
        int start = lambda ? 2 : 1;
        int end = name.IndexOf('>', start);
        string method = end > start ? name[start..end] : name;
        Type? owner = stateMachine.DeclaringType;
        if (owner is not null && owner.Name.StartsWith("<>c", StringComparison.Ordinal))
        {
            owner = owner.DeclaringType;
        }

        return (owner is null ? string.Empty : Readable(owner) + ".") + method + (lambda ? "() (lambda)" : "()");
    }

    private static string Readable(Type type)
    {
        int tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        string name = tick > 0 ? type.Name[..tick] : type.Name;
        return type.DeclaringType is { } outer ? Readable(outer) + "." + name : name;
    }

    // A SimLoop wait, as the inner of an awaiter: it names itself.
    private sealed class SimWait(IInterruptible wait)
    {
        public override string ToString() => wait.Describe();
    }
}
