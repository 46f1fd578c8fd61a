namespace Composer.Planning.Tests;
