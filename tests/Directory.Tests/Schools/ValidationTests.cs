using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Schools;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("0350001a", "0350001A")]
    [InlineData(" 0291234X ", "0291234X")]
    public void School_ValidUai_IsNormalised(string uai, string expected)
    {
        Assert.Equal(expected, School.Create(uai, "École").Uai);
    }

    [Theory]
    [InlineData("035001A")]
    [InlineData("03500012")]
    [InlineData("0350001AB")]
    [InlineData("A350001A")]
    [InlineData("")]
    public void School_InvalidUai_IsRefusedNamingTheFieldAndTheExpectedShape(string uai)
    {
        var error = Assert.Throws<DirectoryValidationException>(() => School.Create(uai, "École"));

        Assert.Equal("Uai", error.Field);
        Assert.Contains("7 chiffres suivis d'une lettre", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void School_InvalidDirectorEmail_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<DirectoryValidationException>(() => School.Create("0350001A", "École", directorEmail: "directeur@"));

        Assert.Equal("DirectorEmail", error.Field);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("07-81-23-45-67", "+33781234567")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    public void Person_Phone_IsStoredInE164(string phone, string expected)
    {
        Assert.Equal(expected, Person.Create("Anne", "Le Goff", phone).MobilePhone);
    }

    [Theory]
    [InlineData("06 12 34")]
    [InlineData("bonjour")]
    [InlineData("+33 6 12 34 56 78 90")]
    public void Person_InvalidPhone_IsRefusedNamingTheField(string phone)
    {
        var error = Assert.Throws<DirectoryValidationException>(() => Person.Create("Anne", "Le Goff", phone));

        Assert.Equal("MobilePhone", error.Field);
        Assert.Contains("numéro de téléphone valide", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anne.legoff@example")]
    [InlineData("anne legoff@example.org")]
    [InlineData("Anne <anne@example.org>")]
    [InlineData("@example.org")]
    public void Person_InvalidEmail_IsRefusedNamingTheField(string email)
    {
        var error = Assert.Throws<DirectoryValidationException>(() => Person.Create("Anne", "Le Goff", email: email));

        Assert.Equal("Email", error.Field);
    }

    [Fact]
    public void Person_Email_IsTrimmedAndLowerCased()
    {
        Assert.Equal("anne.legoff@example.org", Person.Create("Anne", "Le Goff", email: "  Anne.LeGoff@Example.ORG ").Email);
    }

    [Fact]
    public async Task DuplicateUai_IsRefusedByTheDatabaseAndTheFirstSchoolIsKept()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);

        db.Schools.Add(School.Create("0352207j", "Autre école"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using var check = directory.Scope();
        Assert.Equal("Ecole élémentaire publique Jean Moulin", (await directory.Get<DirectoryDbContext>(check).Schools.SingleAsync()).Name);
    }
}
