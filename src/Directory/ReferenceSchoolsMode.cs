namespace SupportBot.AccountDirectory;

/// <summary><c>Directory:ReferenceSchools</c>: whether the annuaire extract embedded in SupportBot fills an empty directory.</summary>
public enum ReferenceSchoolsMode
{
    /// <summary>Load the embedded extract when the directory holds no school (the first run), whatever the provider.</summary>
    Auto,
    Never,
}
