namespace MapLang.Host.Store;

/// <summary>The states of a flow run. Pending → Running → Done; Running → Waiting (retry later) → Running…; any → Dead (a person decides).</summary>
public enum RunStatus
{
    Pending = 0,
    Running = 1,
    Waiting = 2,
    Done = 3,
    Dead = 4,
}
