namespace Composer.Planning;

/// <summary>down --rmi.</summary>
public enum DownImageRemoval
{
    None,

    /// <summary>Only images named after the project (&lt;project&gt;-&lt;service&gt;): services with no image: of their own.</summary>
    Local,

    /// <summary>Every image the services use.</summary>
    All,
}
