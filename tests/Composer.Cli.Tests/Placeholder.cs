namespace Composer.Cli.Tests;
