using Composer.Loader.Fuzz;

// composer-fuzz run --cases N [--from F] [--workers W] [--chunk C] [--progress SECONDS] [--corpus DIR] [--failures FILE]
// composer-fuzz worker --from F --to T [--corpus DIR]                       runs cases, one line per case
// composer-fuzz profile --cases N [--from F] [--corpus DIR]                     CPU time per kind of case, in this process
// composer-fuzz show N [--corpus DIR]                                       writes case N's files to ./fuzz-case-N
return args.FirstOrDefault() switch
{
    "run" => FuzzDriver.Run(FuzzArguments.Parse(args[1..])),
    "worker" => FuzzWorker.Run(FuzzArguments.Parse(args[1..])),
    "profile" => Profile.Run(FuzzArguments.Parse(args[1..])),
    "show" => FuzzWorker.Show(FuzzArguments.Parse(args[2..]), long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Composer.Loader.Fuzz run --cases N [--from F] [--workers W] [--chunk C] [--progress SECONDS] [--corpus DIR] [--failures FILE] | worker --from F --to T | profile --cases N [--from F] | show N");
    return 2;
}
