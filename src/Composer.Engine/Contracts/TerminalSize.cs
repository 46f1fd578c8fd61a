namespace Composer.Engine.Contracts;

/// <summary>A terminal's size in character cells.</summary>
public readonly record struct TerminalSize(int Rows, int Columns);
