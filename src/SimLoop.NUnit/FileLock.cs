using System;
using System.IO;
using System.Threading;

namespace SimLoop;

// Opens a file under the OS's file lock, waiting while another process holds a conflicting one. .NET takes that
// lock from the FileShare argument on every platform (flock on Unix: FileShare.None is exclusive, the rest shared)
// and fails at once rather than block, so this retries with a short backoff, for a bounded time: a lock held
// longer than that (a hung process) becomes an IOException that says so instead of a hang.
internal static class FileLock
{
    public static readonly TimeSpan WaitMax = TimeSpan.FromSeconds(30);

    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share)
    {
        int waitedMilliseconds = 0;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, mode, access, share);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && waitedMilliseconds < WaitMax.TotalMilliseconds)
            {
                // A sharing violation is a plain IOException; missing folders and the like are subclasses, not retried.
                int delay = Math.Min(1 << Math.Min(attempt, 6), 50);
#pragma warning disable RS0030 // Waits on another process's real file lock, not on simulated work: real time is right.
                Thread.Sleep(delay);
#pragma warning restore RS0030
                waitedMilliseconds += delay;
            }
            catch (IOException e) when (e.GetType() == typeof(IOException))
            {
                throw new IOException($"{path} stayed locked by another process for {WaitMax.TotalSeconds:0} s: {e.Message}", e);
            }
        }
    }
}
