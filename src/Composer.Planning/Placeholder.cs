namespace Composer.Planning;
