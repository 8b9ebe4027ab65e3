"""Says in plain words when this machine cannot install uv.lock, before any installer runs.

Run by `make run` and `make test` with the python3 that will make .venv. It must run on old
Pythons too (so it can say that they are too old): no syntax or modules newer than 3.6.
"""

import platform
import sys

NEEDED = (3, 11)  # pyproject.toml requires-python; tests/packaging checks the two agree.


def fail(problem, remedy):
    """Print what is wrong and what to do, then stop make with exit 1."""
    sys.stderr.write("Cannot install Walking Coach here: %s\n%s\n" % (problem, remedy))
    sys.exit(1)


def check_python():
    """Refuse a Python older than the lock supports."""
    if sys.version_info[:2] < NEEDED:
        fail(
            "it needs Python %d.%d or newer, and %s is Python %d.%d."
            % (NEEDED + (sys.executable,) + tuple(sys.version_info[:2])),
            "Install a newer python3 (e.g. apt-get install python3.11) and run "
            "`make run PYTHON=python3.11` (or `make test PYTHON=...`).",
        )


def machine_tags():
    """The wheel tags this interpreter accepts, from pip's own copy of `packaging`."""
    try:
        from pip._vendor.packaging.tags import sys_tags
    except ImportError:  # no pip: the venv step will say so itself
        return None
    return {str(tag) for tag in sys_tags()}


def wheel_tags(filename):
    """Every tag a wheel file name stands for (compressed tag sets expanded)."""
    pythons, abis, platforms = filename[: -len(".whl")].split("-")[-3:]
    return {
        "%s-%s-%s" % (py, abi, plat)
        for py in pythons.split(".")
        for abi in abis.split(".")
        for plat in platforms.split(".")
    }


def wheel_only_packages(lock_text):
    """(name, [wheel file names]) for each locked package that has no source archive."""
    import tomllib

    for package in tomllib.loads(lock_text).get("package", []):
        wheels = [w["url"].rsplit("/", 1)[-1] for w in package.get("wheels", [])]
        if wheels and "sdist" not in package and "source" in package:
            yield package["name"], wheels


def check_wheels(lock_path):
    """Refuse a machine for which a wheel-only package of the lock has no wheel."""
    accepted = machine_tags()
    if accepted is None:
        return
    with open(lock_path, encoding="utf-8") as lock:
        packages = list(wheel_only_packages(lock.read()))
    for name, wheels in packages:
        if not any(wheel_tags(w) & accepted for w in wheels):
            fail(
                "uv.lock has no %s build for %s on %s with Python %d.%d."
                % ((name, platform.machine(), platform.system()) + tuple(sys.version_info[:2])),
                "The lock covers Linux on x86_64 and aarch64 with a recent glibc. On another "
                "machine, run `make lock` to resolve for it, or use a supported one.",
            )


if __name__ == "__main__":
    check_python()
    check_wheels(sys.argv[1] if len(sys.argv) > 1 else "uv.lock")
