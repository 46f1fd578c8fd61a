namespace Composer.Engine;
