using System.Reflection;
using System.Reflection.Emit;

namespace PhoChau.Tests.Support;

/// <summary>
/// Which feature folders of an assembly use which (issue 34.3): a feature is the first namespace under the root
/// (<c>PhoChau.Core.Petitions.Import</c> → Petitions); a type uses another through its base, interfaces, fields,
/// properties, signatures and the members its method bodies call (read from their IL), generic arguments included.
/// </summary>
public static class FeatureGraph
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static Dictionary<string, SortedSet<string>> Of(Assembly assembly, string root)
    {
        var graph = new Dictionary<string, SortedSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            if (Feature(type, root) is not { } from) continue;
            var uses = graph.TryGetValue(from, out var s) ? s : graph[from] = [];
            foreach (var used in References(type))
                if (Feature(used, root) is { } to && to != from) uses.Add(to);
        }
        return graph;
    }

    /// <summary>The strongly connected groups of more than one feature: the features that reach each other (Tarjan).</summary>
    public static List<SortedSet<string>> Cycles(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<SortedSet<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.TryGetValue(v, out var next) ? next : [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new SortedSet<string>();
            string x;
            do { x = stack.Pop(); group.Add(x); } while (x != v);
            if (group.Count > 1) cycles.Add(group);
        }
        foreach (var v in graph.Keys.Order()) if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }

    private static string? Feature(Type? type, string root)
    {
        while (type?.DeclaringType is not null) type = type.DeclaringType;
        var ns = type?.Namespace;
        return ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
    }

    private static IEnumerable<Type> References(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var list = new List<Type?> { t.BaseType };
        list.AddRange(t.GetInterfaces());
        list.AddRange(t.GetFields(all).Select(f => f.FieldType));
        list.AddRange(t.GetProperties(all).Select(p => p.PropertyType));
        foreach (var m in t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)))
        {
            if (m is MethodInfo mi) list.Add(mi.ReturnType);
            list.AddRange(m.GetParameters().Select(p => p.ParameterType));
            list.AddRange(Body(m));
        }
        return list.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type? t)
    {
        if (t is null) yield break;
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
        {
            yield return t.GetGenericTypeDefinition();
            foreach (var x in t.GetGenericArguments().SelectMany(Expand)) yield return x;
        }
        else if (t.HasElementType) { foreach (var x in Expand(t.GetElementType())) yield return x; }
        else yield return t;
    }

    /// <summary>The types a method body names: what it constructs, calls, reads, casts to.</summary>
    private static IEnumerable<Type?> Body(MethodBase m)
    {
        var il = m.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = m.DeclaringType?.IsGenericType == true ? m.DeclaringType.GetGenericArguments() : null;
        var methodArgs = m.IsGenericMethod ? m.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!Codes.TryGetValue(value, out var op)) yield break;
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = m.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (member is Type type) yield return type;
                else if (member is not null)
                {
                    yield return member.DeclaringType;
                    if (member is FieldInfo field) yield return field.FieldType;
                    if (member is MethodInfo method)
                    {
                        yield return method.ReturnType;
                        foreach (var a in method.IsGenericMethod ? method.GetGenericArguments() : []) yield return a;
                    }
                }
            }
            i += size;
        }
    }
}
