using System.Runtime.ExceptionServices;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>
/// Reads the SIECLE exports and ComptesTeleservices.xml on every core: parsing (the XML, the fields, phones and
/// addresses) runs on worker threads, file by file, the accounts export first as the largest; the SIECLE files are
/// merged on the calling thread in their sorted order, so the result and the report are those of a reading one file
/// after the other. The first malformed file in that order stops the reading.
/// </summary>
internal sealed class ExportsReader(MigrationReport report, int? threads = null, Action<long>? onRecord = null)
{
    private readonly int _workers = threads ?? Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly Lock _progress = new();
    private long _records;
    private Exception? _failure;

    public (SiecleData Siecle, LegacyData Legacy) Read(IReadOnlyList<InputFile> eleves, IReadOnlyList<InputFile> responsables, InputFile comptes,
        CancellationToken cancellationToken)
    {
        var siecleFiles = eleves.Select(f => (File: f, Eleves: true)).Concat(responsables.Select(f => (File: f, Eleves: false))).ToList();
        var parsed = siecleFiles.Select(_ => new TaskCompletionSource<SiecleFileParser.ParsedFile>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var legacy = new TaskCompletionSource<LegacyData>(TaskCreationOptions.RunContinuationsAsynchronously);
        var comptesReport = new MigrationReport();
        var keys = new RecordKeys();
        var taken = -1;

        void Work()
        {
            var parser = new SiecleFileParser(keys, Tick);
            int item;
            while ((item = Interlocked.Increment(ref taken)) <= siecleFiles.Count)
            {
                // Item 0 is the accounts export, item i the SIECLE file i - 1.
                if (Volatile.Read(ref _failure) is not null || cancellationToken.IsCancellationRequested)
                {
                    _ = item == 0 ? legacy.TrySetCanceled() : parsed[item - 1].TrySetCanceled();
                    continue;
                }

                try
                {
                    if (item == 0)
                    {
                        var comptesReader = new ComptesReader(comptesReport, keys, Tick);
                        legacy.SetResult(comptesReader.Read(comptes, cancellationToken));
                    }
                    else
                    {
                        parsed[item - 1].SetResult(parser.Parse(siecleFiles[item - 1].File, siecleFiles[item - 1].Eleves));
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                    _ = item == 0 ? legacy.TrySetException(e) : parsed[item - 1].TrySetException(e);
                }
            }
        }

        var workers = Enumerable.Range(0, _workers).Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            var siecle = new SiecleReader(report, keys);
            for (var i = 0; i < parsed.Length; i++)
            {
                siecle.Merge(Await(parsed[i].Task));

                // A completed source keeps its parsed file (every record, every responsibility line) until the reading
                // ends: about 700 MB at 1M accounts. The worker that parsed it never touches it again.
                parsed[i] = null!;
            }

            var data = siecle.Finish();
            var accounts = Await(legacy.Task);
            report.Append(comptesReport);
            ComptesReader.ShareEmails(accounts, data);
            return (data, accounts);
        }
        catch
        {
            Interlocked.CompareExchange(ref _failure, new OperationCanceledException(), null);
            throw;
        }
        finally
        {
            Task.WaitAll(workers);
        }
    }

    /// <summary>A file skipped because another failed gives that failure.</summary>
    private T Await<T>(Task<T> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _failure) is { } failure && failure is not OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    // Each thread counts on its own and adds to the total every 1,024 records: one shared counter touched by both
    // cores for every record costs more than the progress it shows.
    [ThreadStatic]
    private static int t_unreported;

    private void Tick()
    {
        if (++t_unreported < 1024)
        {
            return;
        }

        t_unreported = 0;
        var count = Interlocked.Add(ref _records, 1024);
        if (onRecord is not null)
        {
            lock (_progress)
            {
                onRecord(count);
            }
        }
    }
}
