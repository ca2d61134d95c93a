using System;
using System.Collections;
using System.Collections.Generic;

namespace SimLoop;

/// <summary>The recorded steps and events of a run, and its <see cref="Fingerprint"/>.</summary>
/// <remarks>
/// Every entry goes into the fingerprint; the list keeps the most recent
/// <see cref="SimulationOptions.TraceCapacity"/> entries, oldest first, so a long run stays small in memory.
/// </remarks>
public sealed class SimulationTrace : IReadOnlyList<TraceEntry>
{
    private readonly int _capacity;
    private Kept[] _entries = Array.Empty<Kept>();
    private int _start;
    private int _count;
    private Fingerprint _fingerprint;

    internal SimulationTrace(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Gets how many entries are kept (at most <see cref="SimulationOptions.TraceCapacity"/>).</summary>
    public int Count => _count;

    /// <summary>Gets how many entries were recorded in all, including those no longer kept.</summary>
    public long TotalCount { get; private set; }

    /// <summary>Gets a hash of every entry recorded: equal for equal runs, different when the interleaving differs.</summary>
    public string Fingerprint => _fingerprint.ToString();

    /// <summary>Gets a kept entry, oldest first.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the kept entries.</exception>
    public TraceEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _entries[(_start + index) % _entries.Length].ToEntry();
        }
    }

    /// <summary>Enumerates the kept entries, oldest first.</summary>
    /// <returns>An enumerator over a snapshot-free view; do not enumerate while the simulation runs.</returns>
    public IEnumerator<TraceEntry> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Record(long step, long elapsedTicks, SimTask? task, TraceEventKind kind, int choice, int candidates,
        string? detail = null)
    {
        RecordStep(step, elapsedTicks, task, kind, choice, candidates);
        if (detail is not null)
        {
            _fingerprint.Add(detail);
            if (_capacity > 0)
            {
                _entries[LastSlot()].Detail = detail;
            }
        }
    }

    /// <summary>Records a step: <see cref="Record"/> without a detail, the entry written in place.</summary>
    internal void RecordStep(long step, long elapsedTicks, SimTask? task, TraceEventKind kind, int choice,
        int candidates)
    {
        TotalCount++;
        _fingerprint.Add(step, elapsedTicks, task?.Id ?? 0, (long)kind << 32 | (uint)choice, candidates);
        if (_capacity > 0)
        {
            ref Kept slot = ref NextSlot();
            slot.StepAndKind = Kept.Pack(step, kind);
            slot.ElapsedTicks = elapsedTicks;
            slot.Task = task;
            slot.Choice = choice;
            slot.Candidates = candidates;
            slot.Detail = null;
        }
    }

    // A cancellation request is fingerprinted exactly as the event Record would make of it (its cause's text), so
    // fingerprints and step numbers stay as they were; the kept entry also holds the cancelled task and the cause
    // itself, which only the timeline reads: facts kept outside the fingerprint rather than new entries in it.
    internal void RecordCancellation(long step, long elapsedTicks, SimTask? requester, SimTask target,
        CancellationCause cause, string text)
    {
        Record(step, elapsedTicks, requester, TraceEventKind.CancellationRequested, 0, 0, text);
        if (_capacity > 0)
        {
            _entries[LastSlot()].Detail = new CancellationRecord(target, cause, text);
        }
    }

    /// <summary>Gets a kept entry with what only the core knows of it: its task, and a cancellation's target and cause.</summary>
    internal (TraceEntry Entry, SimTask? Task, SimTask? Target, CancellationCause? Cause) Fact(int index)
    {
        TraceEntry entry = this[index];
        Kept kept = _entries[(_start + index) % _entries.Length];
        var cancellation = kept.Detail as CancellationRecord;
        return (entry, kept.Task, cancellation?.Target, cancellation?.Cause);
    }

    private int LastSlot() => (_start + _count - 1) % _entries.Length;

    // Where the next entry goes: the ring grows by doubling up to the capacity, then the newest entry takes the
    // oldest's slot (a compare, not a division, on every step).
    private ref Kept NextSlot()
    {
        Kept[] entries = _entries;
        if (_count < entries.Length)
        {
            int slot = _start + _count;
            _count++;
            return ref entries[slot < entries.Length ? slot : slot - entries.Length];
        }

        if (entries.Length < _capacity)
        {
            var larger = new Kept[Math.Min(_capacity, Math.Max(16, entries.Length * 2))];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = entries[(_start + i) % entries.Length];
            }

            _entries = larger;
            _start = 0;
            return ref larger[_count++];
        }

        int oldest = _start;
        _start = oldest + 1 < entries.Length ? oldest + 1 : 0;
        return ref entries[oldest];
    }

    // An entry as kept: the task itself rather than its id and name, so a task's default name is only made when an
    // entry is read (a million sleeping tasks need none), and an entry is 40 bytes (the kind packed beside the step)
    // rather than 56.
    // Detail is the entry's text, or a CancellationRecord that carries it.
    private struct Kept
    {
        // The kind rides in the low byte of the step: a run would need centuries to reach 2^55 steps.
        private const int KindBits = 8;
        public const long StepLimit = 1L << (63 - KindBits);

        public long StepAndKind;
        public long ElapsedTicks;
        public SimTask? Task;
        public int Choice;
        public int Candidates;
        public object? Detail;

        public static long Pack(long step, TraceEventKind kind)
        {
            Invariant.Assert((ulong)step < StepLimit, "a kept step number fits beside its kind");
            return step << KindBits | (byte)kind;
        }

        public readonly TraceEntry ToEntry() => new(StepAndKind >> KindBits, new TimeSpan(ElapsedTicks), Task?.Id ?? 0,
            Task?.Name, (TraceEventKind)(byte)StepAndKind, Choice, Candidates,
            Detail as string ?? (Detail as CancellationRecord)?.Text);
    }

    private sealed record CancellationRecord(SimTask Target, CancellationCause Cause, string Text);
}
