namespace Composer.Orchestration.Watch;

/// <summary>Where watching reports: one readable line per action, failures (watching goes on) and warnings.</summary>
public interface IWatchReporter
{
    void Action(string line);

    void Failure(string line);

    void Warning(string line);
}
