using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace SimLoop;

// A fixture as a fresh process would have it for one test: a new instance, made with the fixture's arguments, with
// its [SetUp] methods run (base class first) and its [TearDown] methods after (derived class first). The shared-state
// check runs a failing seed on it, as the seed's replay line would. A static test method needs no instance.
internal static class FreshFixture
{
    public static SeedOutcome Run(Test test, object? current, Func<object?, SeedOutcome> body)
    {
        if (current is null)
        {
            return body(null);
        }

        Type type = current.GetType();
        object?[] arguments = test.Parent is TestFixture fixture ? fixture.Arguments : [];
        object fresh = Activator.CreateInstance(type, arguments)!;
        try
        {
            Invoke(fresh, Methods(type, typeof(SetUpAttribute)));
            try
            {
                return body(fresh);
            }
            finally
            {
                Invoke(fresh, Methods(type, typeof(TearDownAttribute)).Reverse());
            }
        }
        finally
        {
            (fresh as IDisposable)?.Dispose();
        }
    }

    // Instance methods carrying the attribute, base class first, as NUnit orders set-up.
    private static IEnumerable<MethodInfo> Methods(Type type, Type attribute)
    {
        var chain = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return [.. chain.SelectMany(t => t.GetMethods(flags).Where(m => m.IsDefined(attribute, inherit: false) && m.GetParameters().Length == 0))];
    }

    private static void Invoke(object fixture, IEnumerable<MethodInfo> methods)
    {
        foreach (MethodInfo method in methods)
        {
            try
            {
                if (method.Invoke(fixture, null) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
