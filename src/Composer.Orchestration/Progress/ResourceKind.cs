namespace Composer.Orchestration.Progress;

public enum ResourceKind
{
    Container,
    Network,
    Volume,
    Service,
    Image,
}
