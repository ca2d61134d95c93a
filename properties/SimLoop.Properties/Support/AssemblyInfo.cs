// Fixtures run in parallel, one simulation per thread (a simulation is bound to the thread that runs it). This
// attribute is also the assembly's direct reference to nunit.framework, without which the NUnit adapter would
// not recognise an assembly whose tests are all FsCheck [Property] methods.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
