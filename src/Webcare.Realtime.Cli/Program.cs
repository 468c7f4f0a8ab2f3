using Webcare.Realtime.Cli;

// webcare <verb> [options]; every verb prints its own usage on a wrong argument and exits with 2.
return args.FirstOrDefault() switch
{
    "demo" => DemoCommand.Run(args[1..], Console.Out),
    "check" => CheckCommand.Run(args[1..], Console.Out, Console.Error),
    "analyze" => AnalyzeCommand.Run(args[1..], Console.OpenStandardOutput(), Console.Error),
    "nab" => NabCommand.Run(args[1..], Console.Out, Console.Error),
    "replay" => await ReplayCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "help" or "--help" or "-h" or null => Usage.Print(Console.Out, 0),
    var verb => Usage.Print(Console.Error, 2, $"unknown verb '{verb}'"),
};
