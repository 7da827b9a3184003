namespace SupportBot.Bot.Dialogs.Actions;

internal sealed class DialogActionRegistry
{
    private readonly Dictionary<string, IDialogAction> _actions;

    public DialogActionRegistry(IEnumerable<IDialogAction> actions)
    {
        _actions = new Dictionary<string, IDialogAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!_actions.TryAdd(action.Name, action))
            {
                throw new InvalidOperationException($"Two dialog actions are named « {action.Name} ».");
            }
        }
    }

    public IEnumerable<string> Names => _actions.Keys.Order();

    public IDialogAction? Find(string name) => _actions.GetValueOrDefault(name);
}
