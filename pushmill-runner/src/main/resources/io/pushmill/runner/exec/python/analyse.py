# Pushmill's analyser for Python scripts: reads the source on stdin and prints one JSON object:
# {"error": {...}} for a syntax error or a missing main, else the parameters of main (name, JSON
# schema type, default) and the top-level modules the script imports that are not in the
# standard library. Imports inside `try` blocks that handle ImportError are optional and skipped.
import ast
import json
import sys

SIMPLE = {
    "int": "integer", "float": "number", "str": "string", "bool": "boolean",
    "dict": "object", "list": "array", "Dict": "object", "List": "array",
    "Mapping": "object", "Sequence": "array", "tuple": "array", "Tuple": "array",
    "set": "array", "Set": "array", "bytes": "string",
}


def annotation_type(node):
    if node is None:
        return ""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return annotation_type(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return ""
    if isinstance(node, ast.Name):
        return SIMPLE.get(node.id, "")
    if isinstance(node, ast.Attribute):
        return SIMPLE.get(node.attr, "")
    if isinstance(node, ast.Subscript):
        base = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", "")
        if base == "Optional":
            return annotation_type(node.slice)
        if base == "Union":
            members = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            return union_type(members)
        return SIMPLE.get(base, "")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return union_type([node.left, node.right])
    return ""


def union_type(members):
    kinds = {annotation_type(m) for m in members if not is_none(m)}
    return kinds.pop() if len(kinds) == 1 else ""


def is_none(node):
    return isinstance(node, ast.Constant) and node.value is None


def plain(value):
    if isinstance(value, (tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        raise ValueError("bytes")
    return value


def default_of(node):
    """The default as JSON data; a default that is not a literal reads as null."""
    try:
        value = plain(ast.literal_eval(node))
        json.dumps(value, allow_nan=False)
        return value
    except Exception:
        return None


def params(function):
    spec = function.args
    positional = spec.posonlyargs + spec.args
    defaults = [None] * (len(positional) - len(spec.defaults)) + list(spec.defaults)
    pairs = list(zip(positional, defaults)) + list(zip(spec.kwonlyargs, spec.kw_defaults))
    result = []
    for arg, default in pairs:
        param = {"name": arg.arg, "type": annotation_type(arg.annotation)}
        if default is not None:
            param["default"] = default_of(default)
        result.append(param)
    return result


def handles_import_error(node):
    for handler in node.handlers:
        names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        for name in names:
            if name is None or getattr(name, "id", "") in ("ImportError", "ModuleNotFoundError", "Exception"):
                return True
    return False


def imports(node, found):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Try) and handles_import_error(child):
            for other in child.handlers + child.orelse + child.finalbody:
                imports(other, found)
            continue
        if isinstance(child, ast.Import):
            found.update(alias.name.split(".")[0] for alias in child.names)
        elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
            found.add(child.module.split(".")[0])
        imports(child, found)
    return found


def analyse(source):
    try:
        tree = ast.parse(source, filename="script.py")
        compile(tree, "script.py", "exec", dont_inherit=True)
    except SyntaxError as e:
        return {"error": {"kind": "syntax", "line": e.lineno, "column": e.offset, "message": e.msg}}
    except ValueError as e:
        return {"error": {"kind": "syntax", "message": str(e)}}
    mains = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "main"]
    if not mains:
        return {"error": {"kind": "no_main", "message": "the script defines no top-level function main"}}
    stdlib = set(getattr(sys, "stdlib_module_names", ())) | {"__future__"}
    third_party = sorted(m for m in imports(tree, set()) if m not in stdlib and m not in sys.builtin_module_names)
    return {"params": params(mains[-1]), "imports": third_party}


sys.stdout.write(json.dumps(analyse(sys.stdin.buffer.read().decode("utf-8", "replace"))))
