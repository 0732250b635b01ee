# Pushmill's requirement check, run with a virtual environment's interpreter: reads a JSON list of
# {"spec": "name==1.0", "module": "name" or null} on stdin and prints the JSON list of the specs
# that are not satisfied yet. A requirement derived from an import is satisfied when its module
# imports; one from a `# requirements:` block when an installed distribution matches it.
import importlib.metadata
import importlib.util
import json
import re
import sys


def requirement_class():
    for path in ("packaging.requirements", "pip._vendor.packaging.requirements"):
        try:
            return __import__(path, fromlist=["Requirement"]).Requirement
        except Exception:
            pass
    return None


REQUIREMENT = requirement_class()
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def installed(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def satisfied(spec):
    if REQUIREMENT is not None:
        try:
            req = REQUIREMENT(spec)
            if req.marker is not None and not req.marker.evaluate():
                return True
            version = installed(req.name)
            return version is not None and req.specifier.contains(version, prereleases=True)
        except Exception:
            return False
    match = NAME.match(spec)
    if not match:
        return False
    version = installed(match.group(1))
    rest = match.group(3).strip()
    if version is None:
        return False
    if not rest:
        return True
    return rest.startswith("==") and rest[2:].strip() == version


def module_present(module):
    try:
        return importlib.util.find_spec(module) is not None
    except Exception:
        return False


missing = []
for item in json.load(sys.stdin):
    module = item.get("module")
    ok = module_present(module) if module else satisfied(item["spec"])
    if not ok:
        missing.append(item["spec"])
sys.stdout.write(json.dumps(missing))
