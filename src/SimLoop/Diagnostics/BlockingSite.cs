using System;
using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SimLoop;

// Where a step was when it was found holding the simulation's thread: the user's innermost frame and the library
// call it was in (Task.Wait, SemaphoreSlim.Wait, ...). Read from the stack of the exception that interrupted it, on
// that thread, so the frames are the step's own.
internal static class BlockingSite
{
    private const int CallersNamed = 3;

    /// <summary>Describes the stack as "in Call, called from Caller at File:line", or null when it shows no user code.</summary>
    public static string? Describe(StackTrace stack)
    {
        StackFrame[] frames = stack.GetFrames();
        for (int i = 0; i < frames.Length; i++)
        {
            MethodBase? method = frames[i].GetMethod();
            if (method is null || IsLibrary(method))
            {
                continue;
            }

            var text = new StringBuilder("in ");
            if (LastLibraryCallBefore(frames, i) is { } call)
            {
                text.Append(Name(call)).Append(", called from ");
            }

            AppendCallers(text, frames, i);
            return text.ToString();
        }

        return null;
    }

    // The innermost few frames outside the framework, innermost first: a library's synchronous wrapper (an async
    // lock's Lock) and the user's code that called it.
    private static void AppendCallers(StringBuilder text, StackFrame[] frames, int first)
    {
        int named = 0;
        for (int i = first; i < frames.Length && named < CallersNamed; i++)
        {
            MethodBase? method = frames[i].GetMethod();
            if (method is null || IsLibrary(method))
            {
                continue;
            }

            text.Append(named == 0 ? string.Empty : ", called from ").Append(Name(method));
            if (frames[i].GetFileName() is { } file && frames[i].GetFileLineNumber() > 0)
            {
                text.Append(" at ").Append(System.IO.Path.GetFileName(file)).Append(':').Append(frames[i].GetFileLineNumber());
            }

            named++;
        }
    }

    // The frame the user's frame called: the library call it was in, if the step stopped inside one.
    private static MethodBase? LastLibraryCallBefore(StackFrame[] frames, int user) =>
        user > 0 && frames[user - 1].GetMethod() is { } method && IsLibrary(method) && !IsSimLoop(method) ? method : null;

    private static bool IsLibrary(MethodBase method)
    {
        string assembly = method.Module.Assembly.GetName().Name ?? string.Empty;
        return IsSimLoop(method)
            || assembly.StartsWith("System.", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.", StringComparison.Ordinal)
            || assembly is "System" or "netstandard" or "mscorlib";
    }

    private static bool IsSimLoop(MethodBase method) => method.Module.Assembly == typeof(BlockingSite).Assembly;

    // Async methods and lambdas compile to generated types (<Name>d__3.MoveNext, <>c.<Name>b__0_0): name the source.
    private static string Name(MethodBase method)
    {
        Type? type = method.DeclaringType;
        string name = method.Name;
        if (type is not null && name == "MoveNext" && type.Name.StartsWith('<') && type.DeclaringType is { } outer)
        {
            return Readable(outer) + "." + Between(type.Name) + "()";
        }

        if (name.StartsWith('<'))
        {
            Type? owner = type is not null && type.Name.StartsWith('<') ? type.DeclaringType : type;
            return (owner is null ? string.Empty : Readable(owner) + ".") + Between(name) + " (lambda)";
        }

        return (type is null ? string.Empty : Readable(type) + ".") + (name == "get_Result" ? "Result" : name) + "()";
    }

    private static string Between(string generated)
    {
        int end = generated.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? generated[1..end] : generated;
    }

    private static string Readable(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick > 0 ? name[..tick] : name;
    }
}
