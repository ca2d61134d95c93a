using System.Collections.Generic;

namespace SimLoop;

// The SimLoop waits a task is blocked in, oldest first. A task almost always waits in one at a time, so the first
// is a field and only a second one makes a list: a million sleeping tasks save a list and its array each.
internal struct WaitList
{
    private IInterruptible? _first;
    private List<IInterruptible>? _rest;

    public readonly int Count => _first is null ? 0 : 1 + (_rest?.Count ?? 0);

    public void Add(IInterruptible wait)
    {
        if (_first is null)
        {
            _first = wait;
        }
        else
        {
            (_rest ??= new List<IInterruptible>(1)).Add(wait);
        }
    }

    public void Remove(IInterruptible wait)
    {
        if (!ReferenceEquals(_first, wait))
        {
            _rest?.Remove(wait);
        }
        else if (_rest is { Count: > 0 })
        {
            _first = _rest[0];
            _rest.RemoveAt(0);
        }
        else
        {
            _first = null;
        }
    }

    public void Clear()
    {
        _first = null;
        _rest?.Clear();
    }

    /// <summary>Copies the waits, oldest first, so that interrupting one (which removes it) does not disturb the walk.</summary>
    public readonly IInterruptible[] ToArray()
    {
        if (_first is null)
        {
            return [];
        }

        var all = new IInterruptible[Count];
        all[0] = _first;
        _rest?.CopyTo(all, 1);
        return all;
    }
}
