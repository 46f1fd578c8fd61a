namespace Composer.Loader.Merge;

/// <summary>How an attribute defined in two files combines.</summary>
internal enum MergeStrategy
{
    /// <summary>Mappings merge key by key, sequences append without identical repeats, scalars: the later file wins.</summary>
    Default,

    /// <summary>The later value replaces the earlier one whole (command, entrypoint, healthcheck.test).</summary>
    Replace,

    /// <summary>Lists of <c>KEY=VALUE</c> or mappings: merged by key, the later value wins.</summary>
    KeyValueMapping,

    /// <summary>Lists of names or mappings keyed by name (depends_on, service networks): merged by name.</summary>
    NameMapping,

    /// <summary>Sequences appended without repeating an equal item.</summary>
    AppendUnique,

    /// <summary>Sequences whose items are identified by a key (port binding, mount target): later replaces equal keys.</summary>
    KeyedSequence,
}
