namespace MapLang.Compiler.Binding;

/// <summary>Walks bound trees: every expression of a map, children before parents' siblings.</summary>
public static class BoundTree
{
    public static IEnumerable<BoundExpression> Expressions(BoundMap map)
    {
        foreach (var let in map.Lets) if (let.Value is { } v) foreach (var e in DescendantsAndSelf(v)) yield return e;
        foreach (var r in map.Requires)
        {
            foreach (var e in DescendantsAndSelf(r.Condition)) yield return e;
            foreach (var e in DescendantsAndSelf(r.Message)) yield return e;
        }
        foreach (var a in map.Assignments) foreach (var e in DescendantsAndSelf(a.Value)) yield return e;
    }

    public static IEnumerable<BoundExpression> DescendantsAndSelf(BoundExpression root)
    {
        var stack = new Stack<BoundExpression>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var child in Children(e)) stack.Push(child);
        }
    }

    public static IEnumerable<BoundExpression> Children(BoundExpression e)
    {
        switch (e)
        {
            case BoundField f: yield return f.Receiver; break;
            case BoundGroupMember g: yield return g.Receiver; break;
            case BoundIndex i: yield return i.List; yield return i.Index; break;
            case BoundUnary u: yield return u.Operand; break;
            case BoundBinary b: yield return b.Left; yield return b.Right; break;
            case BoundConditional c: yield return c.Condition; yield return c.WhenTrue; yield return c.WhenFalse; break;
            case BoundMatch m:
                yield return m.Subject;
                foreach (var arm in m.Arms) { foreach (var p in arm.Patterns) yield return p; yield return arm.Value; }
                if (m.Else is not null) yield return m.Else;
                break;
            case BoundCall c: foreach (var a in c.Arguments) yield return a; break;
            case BoundTableLookup t: yield return t.Key; if (t.Default is not null) yield return t.Default; break;
            case BoundRuntimeLookup r: yield return r.Key; break;
            case BoundFail f: yield return f.Message; break;
            case BoundInterpolation i: foreach (var p in i.Parts) yield return p; break;
            case BoundList l: foreach (var item in l.Items) yield return item; break;
            case BoundConversion c: yield return c.Operand; break;
            case BoundCollection c: yield return c.Source; if (c.Body is not null) yield return c.Body; break;
            case BoundMapCall m: yield return m.Argument; break;
        }
    }
}
