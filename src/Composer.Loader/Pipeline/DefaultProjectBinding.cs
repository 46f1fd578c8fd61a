using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Pipeline;

/// <summary>
/// The binder the public facade uses. The binder (Binding/ProjectBinder) is written separately; once it is in the
/// tree, <see cref="Bind"/> becomes:
/// <c>ProjectBinder.Bind(root, new BindContext(context.ProjectName, context.WorkingDirectory, context.ConfigFiles, context.Environment), diagnostics)</c>.
/// </summary>
internal static class DefaultProjectBinding
{
    public static Project Bind(MappingNode root, ProjectBindingContext context, DiagnosticBag diagnostics)
    {
        diagnostics.Error(root.Mark, string.Empty, "this build of the loader has no model binder");
        return new Project { Name = context.ProjectName, WorkingDirectory = context.WorkingDirectory, ConfigFiles = context.ConfigFiles };
    }
}
