"""Check that pre-commit-mirror/ agrees with the repository it mirrors.

- its .pre-commit-hooks.yaml has the same hooks, in the same order, as the root's, and each
  hook differs only in `language` (python in the mirror, rust at the root);
- its one dependency pins the roster wheel at the version in Cargo.toml.

Run with a Python that has PyYAML, such as pre-commit's own:
    python tests/pre-commit/mirror-agrees.py
"""

import pathlib
import sys
import tomllib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
MIRROR = ROOT / "pre-commit-mirror"


def main() -> int:
    problems = []

    source = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    mirror = yaml.safe_load((MIRROR / ".pre-commit-hooks.yaml").read_text())
    source_ids = [hook["id"] for hook in source]
    mirror_ids = [hook["id"] for hook in mirror]
    if source_ids != mirror_ids:
        problems.append(f"hook ids differ: {source_ids} at the root, {mirror_ids} in the mirror")
    for ours, theirs in zip(source, mirror):
        if ours.get("language") != "rust":
            problems.append(f"{ours['id']}: the root's hook should be language: rust")
        if theirs.get("language") != "python":
            problems.append(f"{theirs['id']}: the mirror's hook should be language: python")
        for key in sorted((set(ours) | set(theirs)) - {"language"}):
            if ours.get(key) != theirs.get(key):
                problems.append(
                    f"{ours['id']}: `{key}` is {ours.get(key)!r} at the root"
                    f" and {theirs.get(key)!r} in the mirror"
                )

    version = tomllib.loads((ROOT / "Cargo.toml").read_text())["package"]["version"]
    wheel_name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    wanted = f"{wheel_name}=={version}"
    dependencies = tomllib.loads((MIRROR / "pyproject.toml").read_text())["project"][
        "dependencies"
    ]
    if dependencies != [wanted]:
        problems.append(
            f"pre-commit-mirror/pyproject.toml depends on {dependencies};"
            f" it should be [{wanted!r}] (the version in Cargo.toml)"
        )

    for problem in problems:
        print(f"mirror-agrees: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"mirror-agrees: {len(source_ids)} hooks agree; the mirror pins {wanted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
