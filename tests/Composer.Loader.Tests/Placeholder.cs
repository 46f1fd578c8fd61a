namespace Composer.Loader.Tests;
