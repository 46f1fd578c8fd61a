namespace Composer.Cli;
