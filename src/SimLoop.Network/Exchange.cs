using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// One request and its response between two hosts. It is done once the caller has its answer (a response, or the
// failure or cancellation it saw); packets of a done exchange that are still in flight are dropped on arrival.
internal sealed class Exchange
{
    private readonly List<CancellationTokenRegistration> _registrations = [];

    public Exchange(long id, Host from, Host to, HttpRequestMessage request, SimTask? caller)
    {
        Id = id;
        From = from;
        To = to;
        Request = request;
        Caller = caller;
        Description = $"{request.Method} {request.RequestUri} from {from.Name}";
    }

    public long Id { get; }

    public Host From { get; }

    public Host To { get; }

    public HttpRequestMessage Request { get; }

    // The task that sent the request, or null when it was sent from outside any task (a sim.At action).
    public SimTask? Caller { get; }

    // "GET http://b/x from a": how causes and messages name this request.
    public string Description { get; }

    public TaskCompletionSource<HttpResponseMessage> Reply { get; } = new();

    public SimTask? HandlerTask { get; set; }

    public CancellationTokenSource? TimeoutSource { get; set; }

    public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    public bool IsDone { get; private set; }

    public void Add(CancellationTokenRegistration registration) => _registrations.Add(registration);

    // Marks the exchange done and lets go of its timeout timer and token registrations; false if it was done already.
    public bool End()
    {
        if (IsDone)
        {
            return false;
        }

        IsDone = true;
        foreach (CancellationTokenRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        TimeoutSource?.Dispose();
        TimeoutSource = null;
        return true;
    }
}
