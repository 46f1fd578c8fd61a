namespace Composer.Engine.Tests;
