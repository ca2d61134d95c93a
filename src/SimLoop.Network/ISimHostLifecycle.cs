namespace SimLoop;

/// <summary>What a host with a lifecycle of its own (an application that starts and stops) is told when the network
/// crashes or restarts it.</summary>
/// <remarks>
/// <para><see cref="SimNetwork.Crash"/> and <see cref="SimNetwork.Restart"/> call these on the loop, synchronously,
/// after the network has failed the host's requests (on a crash) or before any new request reaches it (on a restart).
/// Work that takes time, such as stopping or starting an application, is the implementation's to run as tasks of the
/// simulation (<see cref="Sim.Spawn(System.Func{System.Threading.Tasks.Task}, string?)"/>); a host whose handler waits
/// for that work before serving keeps requests from reaching a half-started application.</para>
/// </remarks>
public interface ISimHostLifecycle
{
    /// <summary>Called when the host crashes: its handlers have been cancelled and its requests failed.</summary>
    /// <param name="reason">Why, as the network words it, e.g. "host b crashed".</param>
    void OnCrash(string reason);

    /// <summary>Called when the crashed host restarts, before any new request reaches its handler.</summary>
    void OnRestart();
}
