using Composer.Loader.Fuzz;

// composer-fuzz run --cases N [--from F] [--corpus DIR] [--failures FILE]   the driver (prints the counts)
// composer-fuzz worker --from F --to T [--corpus DIR]                       runs cases, one line per case
// composer-fuzz show N [--corpus DIR]                                       writes case N's files to ./fuzz-case-N
return args.FirstOrDefault() switch
{
    "run" => FuzzDriver.Run(FuzzArguments.Parse(args[1..])),
    "worker" => FuzzWorker.Run(FuzzArguments.Parse(args[1..])),
    "show" => FuzzWorker.Show(FuzzArguments.Parse(args[2..]), long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Composer.Loader.Fuzz run --cases N [--from F] [--corpus DIR] [--failures FILE] | worker --from F --to T | show N");
    return 2;
}
