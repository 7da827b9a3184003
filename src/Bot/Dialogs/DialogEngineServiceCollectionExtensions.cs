using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.AccountDirectory.Retention;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Declarative.Steps;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.State;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail;
using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Dialogs;

internal static class DialogEngineServiceCollectionExtensions
{
    /// <summary>
    /// The dialog engine (sections <c>Dialogs</c> and <c>DialogState</c>): dialogs/ loaded and validated at start-up,
    /// the turn pipeline, state in the directory's database. Needs <see cref="IIntentRecognizer"/> and
    /// <see cref="IEntityRecognizer"/> (the language feature) and the account directory.
    /// </summary>
    public static IServiceCollection AddDialogEngine(this IServiceCollection services)
    {
        services.AddOptions<DialogsOptions>().BindConfiguration(DialogsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StateOptions>().BindConfiguration(StateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        Type[] kinds = [typeof(MessageStep), typeof(AskStep), typeof(ChoiceStep), typeof(ConfirmStep), typeof(ActionStep), typeof(SchoolStep), typeof(OtherSubjectStep)];
        foreach (var kind in kinds)
        {
            services.AddSingleton(typeof(IStepKind), kind);
        }

        services.AddSingleton<PublicAddress>();
        services.AddCases();
        services.AddMailQueue();
        services.AddSchoolSearch();
        services.AddSingleton<IDialogAction, SendIdentifierAction>();
        services.AddSingleton<IDialogAction, SendResetLinkAction>();
        services.AddSingleton<IDialogAction, OpenDirectorCaseAction>();
        services.AddSingleton<IDialogAction, SetCaseContactAction>();
        services.AddSingleton<IDialogAction, CaseStatusAction>();
        services.AddSingleton<DialogActionRegistry>();
        services.AddSingleton<LookupLimiter>();
        services.AddSingleton<DialogCatalogLoader>();
        services.AddSingleton(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<DialogsOptions>>().Value.ResolveFolder();
            var (catalog, diagnostics) = sp.GetRequiredService<DialogCatalogLoader>().Load(folder);
            return catalog ?? throw new DialogValidationException(diagnostics);
        });
        services.AddSingleton(BuildDialogSet);
        services.AddHostedService<DialogCatalogStartupCheck>();

        // In the database, keys are hashed (an SMS conversation is keyed by the parent's number) and the retention purge
        // reduces idle states to the case references.
        services.AddSingleton<IDialogStateStore>(sp =>
            sp.GetRequiredService<IOptions<StateOptions>>().Value.Store == StateStoreKind.Memory
                ? new MemoryDialogStateStore()
                : new KeyedDialogStateStore(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.Provider == DirectoryProvider.Sqlite
                    ? ActivatorUtilities.CreateInstance<SqliteDialogStateStore>(sp)
                    : ActivatorUtilities.CreateInstance<DatabaseDialogStateStore>(sp), sp.GetRequiredService<CaseLinks>()));
        services.AddSingleton<IConversationStateReducer, ConversationStateReducer>();

        // Middleware runs in this order around the bot: errors outermost so that a failing state write is apologised for too.
        services.AddSingleton<ITurnMiddleware, ErrorHandlingMiddleware>();
        services.AddSingleton<ITurnMiddleware, TranscriptLoggingMiddleware>();
        services.AddSingleton<ITurnMiddleware, TypingMiddleware>();
        services.AddSingleton<ITurnMiddleware, StateMiddleware>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<SubjectReader>();
        services.AddSingleton<DialogBot>();
        services.AddSingleton<BotEngine>();
        return services;
    }

    private static DialogSet BuildDialogSet(IServiceProvider sp)
    {
        var catalog = sp.GetRequiredService<DialogCatalog>();
        var entities = sp.GetRequiredService<IEntityRecognizer>();
        var set = new DialogSet()
            .Add(new TextPrompt())
            .Add(new ChoicePrompt())
            .Add(new ConfirmPrompt(entities))
            .Add(new DatePrompt(entities))
            .Add(new EmailPrompt(entities))
            .Add(new PhonePrompt(entities))
            .Add(new IdentifierPrompt())
            .Add(new ReferencePrompt())
            .Add(NamePrompt.Parent())
            .Add(NamePrompt.Child())
            .Add(new ClarifyDialog(catalog))
            .Add(new SchoolDialog(catalog, sp.GetRequiredService<SchoolSearch>()));
        foreach (var document in catalog.Dialogs.Values)
        {
            set.Add(new DeclarativeDialog(document, catalog));
        }

        return set;
    }

    /// <summary>Loads dialogs/ when the host starts: an invalid file stops the service with every problem listed.</summary>
    private sealed class DialogCatalogStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<DialogSet>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
