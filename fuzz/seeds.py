#!/usr/bin/env python3
"""Write the seed inputs of the fuzz targets from the shipped records.

    fuzz/seeds.py        # rewrites fuzz/seeds/{yaml,check,diff}/

yaml:  each record file as it is.
check: the whole records tree, in the form of src/lib.rs (files separated by a NUL byte, each
       starting with its name on a line of its own), and smaller trees of one file of records/
       with three members.
diff:  two trees separated by two NUL bytes: the records and themselves, and the records and
       a copy with one member gone and one chair term moved.
"""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def record_files():
    files = []
    for folder, _, names in os.walk(os.path.join(ROOT, "records")):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                files.append(os.path.relpath(path, ROOT).replace(os.sep, "/"))
    return sorted(files)


def read(name):
    with open(os.path.join(ROOT, name), "rb") as f:
        return f.read()


def tree(files):
    return b"\0".join(name.encode() + b"\n" + data for name, data in files)


def main():
    seeds = os.path.join(HERE, "seeds")
    shutil.rmtree(seeds, ignore_errors=True)
    for target in ("yaml", "check", "diff"):
        os.makedirs(os.path.join(seeds, target))
    files = [(name, read(name)) for name in record_files()]
    for name, data in files:
        with open(os.path.join(seeds, "yaml", name.replace("/", "_")), "wb") as f:
            f.write(data)
    with open(os.path.join(seeds, "check", "shipped"), "wb") as f:
        f.write(tree(files))
    # Small trees too, which run many times faster: each file of records/ with three members.
    members = [(n, d) for n, d in files if n.startswith("records/members/")][:3]
    for name, data in files:
        if not name.startswith("records/members/"):
            small = [(name, data)] + members
            with open(os.path.join(seeds, "check", os.path.basename(name)), "wb") as f:
                f.write(tree(small))
    changed = []
    for name, data in files:
        if name == "records/members/iom.yaml":
            continue
        if name == "records/chairs.yaml":
            data = data.replace(b"end: 2007-06", b"end: 2007-05", 1)
        changed.append((name, data))
    with open(os.path.join(seeds, "diff", "same"), "wb") as f:
        f.write(tree(files) + b"\0\0" + tree(files))
    with open(os.path.join(seeds, "diff", "changed"), "wb") as f:
        f.write(tree(files) + b"\0\0" + tree(changed))


if __name__ == "__main__":
    main()
