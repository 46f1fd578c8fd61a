namespace Composer.Orchestration;
