namespace Composer.Loader;
