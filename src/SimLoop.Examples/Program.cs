using SimLoop.Examples.Cli;

// `dotnet run --project src/SimLoop.Examples [-- options]`: the asyncio notes' programs under virtual time.
// Everything is in Cli/ExamplesApp.cs, so tests can run it in-process with their own writers.
return ExamplesApp.Run(args, Console.Out, Console.Error);

// Internal on purpose: ASP.NET Core (request_chain's services) would otherwise make the entry point's class public.
internal sealed partial class Program;
