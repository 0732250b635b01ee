# Pushmill's Python job wrapper: calls main(**args) of pushmill_script.py with the args in
# args.json and writes the return value as JSON to result.json; on an exception it prints the
# traceback and writes Windmill's error object, and exits with 1.
#
# It runs as a .pyc compiled once, with the working directory set to the job's directory:
#   python -u pushmill_wrapper.pyc <sha256 of the script> <code cache directory>
# Start-up cost is what matters: it imports only what the interpreter has already loaded (os,
# sys, marshal) and the C JSON module (importing `json` costs about 6 ms, mostly for `re`), and
# it keeps the script's compiled code in the cache instead of compiling it at every run.
import marshal
import os
import sys

try:
    # A session of our own, so that ending the job reaches every process the script starts.
    os.setsid()
except OSError:
    pass
sys.dont_write_bytecode = True
sys.path[0] = os.getcwd()


def _codec():
    try:
        from _json import encode_basestring_ascii, make_encoder, make_scanner

        class _Context:
            strict = True
            object_hook = None
            object_pairs_hook = None
            parse_float = float
            parse_int = int
            parse_constant = float
            memo = {}

        scan = make_scanner(_Context())
        encode = make_encoder(None, str, encode_basestring_ascii, None, ":", ",", False, False, False)
        return (lambda text: scan(text.strip(), 0)[0]), (lambda value: "".join(encode(value, 0)))
    except Exception:
        import json

        return json.loads, (lambda value: json.dumps(value, separators=(",", ":"), allow_nan=False))


_loads, _dumps = _codec()
_INF = float("inf")


def _plain(value):
    """The value as plain JSON data: NaN and infinities become None, bytes base64, sets and
    tuples lists, and anything else its str()."""
    if value is None or value is True or value is False:
        return value
    kind = type(value)
    if kind is str or kind is int:
        return value
    if kind is float:
        return value if value == value and value != _INF and value != -_INF else None
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray, memoryview)):
        import binascii

        return binascii.b2a_base64(bytes(value), newline=False).decode("ascii")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _plain(float(value))
    if isinstance(value, str):
        return str(value)
    return str(value)


def _key(key):
    if isinstance(key, str):
        return key
    if key is None or key is True or key is False:
        return {None: "null", True: "true", False: "false"}[key]
    return str(key)


def _write_result(text):
    with open("result.json", "w", encoding="ascii") as out:
        out.write(text)


def _fail(error):
    import traceback

    frames = error.__traceback__
    # The traceback starts in this wrapper; the user's script is what the user needs to see.
    while frames is not None and frames.tb_frame.f_code.co_filename.endswith("pushmill_wrapper.py"):
        frames = frames.tb_next
    trace = traceback.format_exception(type(error), error, frames)
    text = "".join(trace)
    sys.stderr.write(text)
    sys.stderr.flush()
    _write_result(_dumps({"error": {"name": type(error).__name__, "message": str(error), "stack": text}}))
    sys.exit(1)


def _script_code(key, cache):
    """The script's code object, from the cache when an earlier run compiled it."""
    magic = sys.modules["_frozen_importlib_external"].MAGIC_NUMBER.hex()
    path = os.path.join(cache, key + "-" + magic + ".code")
    try:
        with open(path, "rb") as cached:
            return marshal.loads(cached.read())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    with open("pushmill_script.py", "rb") as source:
        code = compile(source.read(), "pushmill_script.py", "exec", dont_inherit=True)
    try:
        partial = path + "." + str(os.getpid())
        with open(partial, "wb") as out:
            out.write(marshal.dumps(code))
        os.replace(partial, path)
    except OSError:
        pass
    return code


def _load_script(key, cache):
    module = type(sys)("pushmill_script")
    module.__file__ = os.path.join(os.getcwd(), "pushmill_script.py")
    sys.modules["pushmill_script"] = module
    exec(_script_code(key, cache), module.__dict__)
    return module


def _run():
    with open("args.json", "rb") as source:
        args = _loads(source.read().decode("utf-8"))
    main = getattr(_load_script(sys.argv[1], sys.argv[2]), "main")
    result = main(**args)
    if hasattr(result, "__await__"):
        import asyncio

        result = asyncio.run(result)
    return _dumps(_plain(result))


try:
    _written = _run()
except Exception as error:
    _fail(error)
else:
    _write_result(_written)
