namespace Composer.Orchestration.Watch;

/// <summary>Where watching reports: that watching started, one readable line per action, failures (watching goes on) and warnings.</summary>
public interface IWatchReporter
{
    /// <summary>That watching has started (or what it watches now): shown even where action lines are not (--quiet).</summary>
    void Status(string line);

    void Action(string line);

    void Failure(string line);

    void Warning(string line);
}
