using Composer.Loader.Binding;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Pipeline;

/// <summary>Turns the merged, validated tree into the model; the facade receives it so its stages test without the binder.</summary>
internal delegate Project ProjectBinding(MappingNode root, BindContext context, DiagnosticBag diagnostics);
