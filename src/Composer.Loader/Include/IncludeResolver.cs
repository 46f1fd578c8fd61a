using Composer.Loader.Diagnostics;
using Composer.Loader.Paths;
using Composer.Loader.Tree;

namespace Composer.Loader.Include;

/// <summary>
/// Reads the top-level <c>include</c> list of one file and folds an included project's resources into that file.
/// A resource both defined by the file and brought by an include is an error unless both definitions are identical.
/// Loading the included project itself (its own folder, .env, includes and extends) is the caller's job.
/// </summary>
internal sealed class IncludeResolver(DiagnosticBag diagnostics)
{
    private static readonly string[] ResourceSections = ["services", "networks", "volumes", "secrets", "configs"];

    public IReadOnlyList<IncludeRequest> ReadRequests(MappingNode fileRoot, string fileDirectory)
    {
        var requests = new List<IncludeRequest>();
        var include = fileRoot["include"];
        if (include is null or ScalarNode { IsNull: true })
        {
            return requests;
        }

        if (include is not SequenceNode sequence)
        {
            diagnostics.Error(include.Mark, "include", "include must be a list");
            return requests;
        }

        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var request = ReadRequest(sequence.Items[index], fileDirectory, TreePath.Item("include", index));
            if (request is not null)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    /// <summary>Adds the included project's resources to <paramref name="fileRoot"/> and drops its <c>include</c> key.</summary>
    public MappingNode MergeIncluded(MappingNode fileRoot, MappingNode includedRoot, IncludeRequest request)
    {
        var entries = fileRoot.Entries.Where(entry => entry.Key != "include").ToList();
        foreach (var section in ResourceSections)
        {
            if (includedRoot[section] is not MappingNode includedSection || includedSection.Entries.Count == 0)
            {
                continue;
            }

            var index = entries.FindIndex(entry => entry.Key == section);
            var ownSection = index >= 0 ? entries[index].Value as MappingNode : null;
            var merged = new List<MappingEntry>(ownSection?.Entries ?? []);
            foreach (var included in includedSection.Entries)
            {
                var own = merged.Find(entry => entry.Key == included.Key);
                if (own is null)
                {
                    merged.Add(included);
                }
                else if (!NodeEquality.AreEqual(own.Value, included.Value))
                {
                    diagnostics.Error(
                        own.KeyMark,
                        TreePath.Child(section, included.Key),
                        $"{section}.{included.Key} is defined here and also by the included file {request.Files[0]}; define it in one place only");
                }
            }

            var sectionNode = new MappingNode(merged, ownSection?.Mark ?? includedSection.Mark, ownSection?.Tag);
            var sectionEntry = new MappingEntry(section, index >= 0 ? entries[index].KeyMark : request.Mark, sectionNode);
            if (index >= 0)
            {
                entries[index] = sectionEntry;
            }
            else
            {
                entries.Add(sectionEntry);
            }
        }

        return new MappingNode(entries, fileRoot.Mark, fileRoot.Tag);
    }

    private IncludeRequest? ReadRequest(Node item, string fileDirectory, string path)
    {
        switch (item)
        {
            case ScalarNode { IsNull: false } scalar when RemoteReference.IsRemote(scalar.Value):
                diagnostics.Error(scalar.Mark, path, $"remote include \"{scalar.Value}\" is not supported; include a local file");
                return null;
            case ScalarNode { IsNull: false } scalar:
            {
                var file = Path.GetFullPath(scalar.Value, fileDirectory);
                return new IncludeRequest([file], Path.GetDirectoryName(file)!, [], scalar.Mark, path);
            }

            case MappingNode mapping:
            {
                if (mapping["path"] is null or ScalarNode { IsNull: true })
                {
                    diagnostics.Error(mapping.Mark, path, "include needs a path");
                    return null;
                }

                var files = Strings(mapping["path"], TreePath.Child(path, "path"))
                    .Select(file => Path.GetFullPath(file, fileDirectory))
                    .ToArray();
                if (files.Length == 0)
                {
                    return null;
                }

                var projectDirectory = mapping["project_directory"] is ScalarNode { IsNull: false } directory
                    ? Path.GetFullPath(directory.Value, fileDirectory)
                    : Path.GetDirectoryName(files[0])!;
                var envFiles = Strings(mapping["env_file"], TreePath.Child(path, "env_file"))
                    .Select(file => Path.GetFullPath(file, fileDirectory))
                    .ToArray();
                return new IncludeRequest(files, projectDirectory, envFiles, mapping.Mark, path);
            }

            default:
                diagnostics.Error(item.Mark, path, "an include entry is a path or a mapping with path, project_directory and env_file");
                return null;
        }
    }

    private IEnumerable<string> Strings(Node? node, string path) =>
        StringsOrNone(node, path).Where(reference =>
        {
            if (!RemoteReference.IsRemote(reference))
            {
                return true;
            }

            diagnostics.Error(node!.Mark, path, $"remote include \"{reference}\" is not supported; include a local file");
            return false;
        }).ToArray();

    private IEnumerable<string> StringsOrNone(Node? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case ScalarNode scalar:
                return [scalar.Value];
            case SequenceNode sequence when sequence.Items.All(entry => entry is ScalarNode { IsNull: false }):
                return sequence.Items.Cast<ScalarNode>().Select(scalar => scalar.Value).ToArray();
            default:
                diagnostics.Error(node.Mark, path, "expected a path or a list of paths");
                return [];
        }
    }
}
