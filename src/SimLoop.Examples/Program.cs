using SimLoop;
using SimLoop.Examples.Notes;

// Runs every note (or the one named) in a fresh simulation and prints what it prints.
foreach (Note note in args.Length == 0 ? Note.All : Note.All.Where(n => args.Contains(n.Name)))
{
    Console.WriteLine($"== {note.Name}: {note.Shows}");
    var sim = new Simulation();
    sim.Run(() => note.Main(Console.Out));
    Console.WriteLine($"   ({sim.Elapsed} virtual, {sim.Steps} steps, fingerprint {sim.Trace.Fingerprint})");
}
